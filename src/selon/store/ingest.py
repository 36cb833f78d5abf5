"""Ingest: read inputs, skip what is stored, code the rest, store each record.

Why skip before parsing: parsing is the cost; a restarted ingest reads its
inputs again (cheap), asks the store which ids it already holds, and codes only
the others. Why one transaction per record: a kill at any moment leaves whole
articles only, so the restart ends with exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from selon.model import Article, Error, Record
from selon.store import Store, open_store

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class IngestSummary:
    """What one ingest did; ``errors`` counts failed articles by stage."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    stories: int | None = None

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "added": self.added, "skipped": self.skipped,
            "failed": self.failed, "events": self.events, "errors": dict(self.errors),
            "seconds": round(self.seconds, 2), "articles_per_second": round(self.rate, 2),
            "stories": self.stories,
        }


def fresh(articles: Iterable[Article], store: Store, summary: IngestSummary,
          batch: int = 64, retry_errors: bool = False) -> Iterator[Article]:
    """The articles not yet stored (nor seen earlier in this run), in order.

    Ids are looked up in batches so that a restart over a large, mostly stored
    corpus costs one query per ``batch`` articles. With ``retry_errors``,
    articles stored with errors are deleted and coded again (after a fix).
    """
    seen: set[str] = set()
    pending: list[Article] = []

    def flush() -> Iterator[Article]:
        stored = store.existing(a.id for a in pending)
        if retry_errors:
            for aid in store.failed(stored):
                store.delete(aid)
                stored.discard(aid)
        for a in pending:
            summary.read += 1
            if a.id in stored or a.id in seen:
                summary.skipped += 1
                continue
            seen.add(a.id)
            yield a
        pending.clear()

    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            yield from flush()
    yield from flush()


def unstorable(record: Record, exc: Exception) -> Record:
    """A stand-in for a record the database refused: its metadata and the reason."""
    message = f"the database refused the record: {type(exc).__name__}: {str(exc)[:300]}"
    return Record(
        id=record.id, url=record.url, outlet=record.outlet, published=record.published,
        source=record.source, text="",
        errors=[*record.errors, Error(stage="store", message=message)],
    )


def store_records(records: Iterable[Record], store: Store, summary: IngestSummary,
                  on_record: Callable[[Record, IngestSummary], None] | None = None) -> None:
    """Write each record in its own transaction and count it in the summary."""
    for record in records:
        try:
            added = store.add(record)
        except SQLAlchemyError as exc:  # e.g. a NUL character PostgreSQL refuses
            record = unstorable(record, exc)
            added = store.add(record)
        if added:
            summary.added += 1
            summary.events += len(record.events)
            if record.errors:
                summary.failed += 1
                for e in record.errors:
                    summary.errors[e.stage or "unknown"] += 1
        else:
            summary.skipped += 1
        if on_record is not None:
            on_record(record, summary)


def ingest(
    inputs: Iterable[str],
    db: Store | str | Path | None = None,
    *,
    published: str | None = None,
    format: str | None = None,  # noqa: A002 - same name as the CLI option
    n_process: int = 1,
    batch_size: int | None = None,
    nlp: Language | None = None,
    on_record: Callable[[Record, IngestSummary], None] | None = None,
    stories: bool = True,
    retry_errors: bool = False,
) -> IngestSummary:
    """Code the inputs into the database; return what was done.

    Idempotent: articles already stored (same id, i.e. same URL or same text)
    are skipped before parsing. Bad inputs are stored as articles with errors
    and counted in ``summary.failed``; they never stop the run (``retry_errors``
    codes them again on the next run). With
    ``stories=True`` the stories and corpus events are recomputed at the end.
    """
    from selon.ingest import read_inputs
    from selon.pipeline import extract_many

    store = db if isinstance(db, Store) else open_store(db)
    summary = IngestSummary()
    start = time.perf_counter()
    articles = fresh(read_inputs(inputs, published=published, format=format), store, summary,
                     retry_errors=retry_errors)
    first = next(articles, None)  # nothing new: do not even load the model
    records: Iterable[Record] = (
        extract_many(chain([first], articles), nlp=nlp, n_process=n_process,
                     batch_size=batch_size)
        if first is not None else ()
    )

    def tick(record: Record, summ: IngestSummary) -> None:
        summ.seconds = time.perf_counter() - start
        if on_record is not None:
            on_record(record, summ)

    store_records(records, store, summary, tick)
    if stories:
        from selon.store.stories import recompute

        summary.stories = recompute(store)
    summary.seconds = time.perf_counter() - start
    return summary
