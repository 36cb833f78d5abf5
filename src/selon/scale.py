"""The same pipeline over a Dask cluster: workers code batches into Parquet shards.

Why shards and not workers writing to the database: a worker may sit on
another machine without access to the database, SQLite allows one writer, and
a shard is a plain file a failed load can retry. The client reads the inputs,
skips the articles already stored (as a local ingest does), sends batches of
articles to the workers, then loads each shard's records into the database
through the same store code (:func:`selon.store.ingest.store_records`), in
submission order, so the rows are exactly those of a local ingest.

Each worker loads the spaCy pipeline once (:func:`selon.parse.load_nlp` is
cached per process) and keeps it for every batch it codes.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from selon.model import Record
from selon.store import Store, open_store
from selon.store.ingest import IngestSummary, fresh, store_records


def code_shard(articles: list[dict], path: str, settings: dict[str, Any]) -> tuple[str, int]:
    """On a worker: code a batch of articles, write ``id``/``record`` rows to Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from selon.model import Article
    from selon.pipeline import extract_many
    from selon.settings import use_settings

    use_settings(settings)
    records = list(extract_many(Article.model_validate(a) for a in articles))
    table = pa.table({
        "id": pa.array([r.id for r in records], pa.string()),
        "record": pa.array([r.model_dump_json() for r in records], pa.string()),
    })
    tmp = Path(path).with_suffix(".tmp")
    pq.write_table(table, str(tmp))
    tmp.replace(path)  # a shard is complete or absent, never half-written
    return path, len(records)


def read_shard(path: str | Path) -> Iterator[Record]:
    """The records of one shard, in the order they were coded."""
    import pyarrow.parquet as pq

    for raw in pq.read_table(str(path), columns=["record"]).column("record").to_pylist():
        yield Record.model_validate_json(raw)


def batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest_dask(
    inputs: Iterable[str],
    scheduler_address: str | Any,
    db: Store | str | Path | None = None,
    shard_dir: str | Path | None = None,
    *,
    published: str | None = None,
    format: str | None = None,  # noqa: A002 - same name as the CLI option
    batch_size: int | None = None,
    on_record: Callable[[Record, IngestSummary], None] | None = None,
    stories: bool = True,
    retry_errors: bool = False,
) -> IngestSummary:
    """Ingest on a Dask cluster (``tcp://host:port``, or a ``distributed.Client``).

    ``shard_dir`` must be readable by the client and writable by the workers
    (a shared folder on a real cluster); by default a temporary folder, removed
    once its shards are loaded.
    """
    from distributed import Client

    from selon.ingest import read_inputs
    from selon.settings import get_settings

    store = db if isinstance(db, Store) else open_store(db)
    size = batch_size or get_settings()["store"]["dask_batch_articles"]
    own_dir = shard_dir is None
    folder = Path(shard_dir or tempfile.mkdtemp(prefix="selon-shards-"))
    folder.mkdir(parents=True, exist_ok=True)
    client = scheduler_address if isinstance(scheduler_address, Client) else None
    client = client or Client(scheduler_address)
    summary = IngestSummary()
    start = time.perf_counter()
    settings = get_settings()

    def tick(record: Record, summ: IngestSummary) -> None:
        summ.seconds = time.perf_counter() - start
        if on_record is not None:
            on_record(record, summ)

    try:
        articles = fresh(read_inputs(inputs, published=published, format=format), store,
                         summary, retry_errors=retry_errors)
        futures = []
        for n, batch in enumerate(batches(articles, size)):
            path = str(folder / f"shard-{n:06d}-{batch[0].id}.parquet")
            # the raw HTML stays behind: the pipeline reads the extracted text only
            payload = [a.model_dump(mode="json", exclude={"raw_html"}) for a in batch]
            futures.append(client.submit(code_shard, payload, path, settings, pure=False))
        for future in futures:  # in submission order: the rows of a local ingest
            path, _count = future.result()
            store_records(read_shard(path), store, summary, tick)
            Path(path).unlink(missing_ok=True)
    finally:
        if client is not scheduler_address:
            client.close()
        if own_dir:
            shutil.rmtree(folder, ignore_errors=True)
    if stories:
        from selon.store.stories import recompute

        summary.stories = recompute(store)
    summary.seconds = time.perf_counter() - start
    return summary
