"""The ``selon`` command: a thin layer that turns arguments into calls of the API.

Every command builds its inputs, calls :mod:`selon.pipeline` (or the store),
and prints. Nothing here knows French or the stages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import rich.markup
import typer
from rich.console import Console

app = typer.Typer(
    name="selon",
    help="selon codes French news into PLOVER political events, each tied to who claims it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)

ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="YAML file overriding settings (see docs/settings.md)."),
]

PublishedOpt = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD for inputs that do not carry one."),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", help="Force the input format (text, html, jsonl, warc, feed…)."),
]
ProcessesOpt = Annotated[int, typer.Option("--processes", "-p", help="Parser processes.")]


def apply_config(config: Path | None) -> None:
    if config is not None:
        from selon.settings import use_settings

        try:
            use_settings(config)
        except (ValueError, KeyError) as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc


def progress(total: int | None, label: str):
    """A rich progress bar on stderr (articles/s and errors), hidden when not a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} art/s"),
        TextColumn("[red]{task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories of articles (.txt, .html, .jsonl), or - for stdin."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here, not stdout.")
    ] = None,
    published: PublishedOpt = None,
    fmt: FormatOpt = None,
    n_process: ProcessesOpt = 1,
    pretty: Annotated[bool, typer.Option(help="Indent the JSON (one record per block).")] = False,
    config: ConfigOpt = None,
) -> None:
    """Code articles and print one JSON record per article.

    Each record has the text, sentences, entities, actors, events, quotes,
    claims, quality signals, the boilerplate that was dropped (with reasons) and
    per-article errors. Exit status is 1 if any input failed, else 0.
    """
    import time

    from selon.ingest import read_inputs
    from selon.pipeline import extract_many

    apply_config(config)
    options = {"published": published, "format": fmt}
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot write {output}: {exc.strerror}")
        raise typer.Exit(2) from exc
    failed = done = 0
    start = time.perf_counter()
    try:
        with progress(None, "extract") as bar:
            task = bar.add_task("extract", total=None, rate="0.0", errors=0)
            for record in extract_many(read_inputs(inputs, **options), n_process=n_process):
                data = record.model_dump(mode="json")
                out.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None))
                out.write("\n")
                done += 1
                if record.errors:
                    failed += 1
                    for e in record.errors:
                        where = record.source or record.id  # messages usually name it already
                        msg = e.message if e.message.startswith(where) else f"{where}: {e.message}"
                        err.print(f"[red]error[/red] {rich.markup.escape(msg)}", highlight=False)
                rate = done / max(time.perf_counter() - start, 1e-9)
                bar.update(task, advance=1, rate=f"{rate:.1f}", errors=failed)
    finally:
        if output:
            out.close()
    if done > 1 or failed:
        err.print(f"{done} articles, {failed} with errors")
    raise typer.Exit(1 if failed else 0)


@app.command("eval")
def eval_(
    corpus: Annotated[
        Path, typer.Argument(help="Folder with articles.jsonl and gold.jsonl (ANNOTATION.md).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    predictions: Annotated[
        Path | None, typer.Option(help="Also write the predicted records (JSONL) here.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Score selon against a gold corpus: events, dyads, status, hedging, claimants, quotes."""
    from selon.evaluate import evaluate, format_scores

    apply_config(config)
    records: list[dict] = []
    try:
        scores = evaluate(corpus, predictions_path=predictions, records_out=records)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        from selon.quality import evaluate_labels, format_labels

        Console().print(format_scores(scores))
        labels = evaluate_labels(records)
        if any(labels.get(k) for k in labels if k != "threshold"):
            print(format_labels(labels))


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record (the public output contract)."""
    from selon.schema import record_schema

    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))


DbOpt = Annotated[
    str,
    typer.Option(
        "--db", envvar="SELON_DB",
        help="SQLite file (created on first use) or postgresql://… URL.",
    ),
]


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (.txt, .html, .jsonl, .warc[.gz], .rss/.atom), or -."
        ),
    ],
    db: DbOpt = "selon.db",
    published: PublishedOpt = None,
    fmt: FormatOpt = None,
    n_process: ProcessesOpt = 1,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on a Dask cluster (tcp://HOST:PORT); workers write "
                     "Parquet shards that load into the database."),
    ] = None,
    shards: Annotated[
        Path | None, typer.Option(help="Folder for the Dask Parquet shards (shared with workers).")
    ] = None,
    retry_errors: Annotated[
        bool, typer.Option(help="Code again the articles stored with errors.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Code articles into the corpus database (idempotent and resumable).

    Articles already stored (same URL, or same text) are skipped before parsing,
    so rerunning an interrupted ingest finishes it. Inputs that cannot be read or
    coded are stored with their error and counted; they never stop the run.
    Exit status is 1 if any article of this run failed, else 0.
    """
    from selon.store import open_store
    from selon.store.ingest import ingest as run_ingest

    apply_config(config)
    try:
        store = open_store(db)
    except Exception as exc:  # a bad URL or a missing driver: say so, do not trace
        err.print(f"[red]error:[/red] cannot open database {db}: {exc}")
        raise typer.Exit(2) from exc
    with progress(None, "ingest") as bar:
        task = bar.add_task("ingest", total=None, rate="0.0", errors=0)

        def tick(record, summary) -> None:
            for e in record.errors:
                err.print(f"[red]error[/red] {record.source or record.id}: {e.message}")
            bar.update(task, advance=1, rate=f"{summary.rate:.1f}", errors=summary.failed)

        if dask:
            from selon.scale import ingest_dask

            summary = ingest_dask(
                inputs, dask, store, shard_dir=shards, published=published, format=fmt,
                on_record=tick, retry_errors=retry_errors,
            )
        else:
            summary = run_ingest(
                inputs, store, published=published, format=fmt, n_process=n_process,
                on_record=tick, retry_errors=retry_errors,
            )
    if as_json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary.errors.items()))
        err.print(
            f"{summary.read} read, {summary.added} added, {summary.skipped} already stored, "
            f"{summary.failed} with errors{f' ({reasons})' if reasons else ''}; "
            f"{summary.events} events, {summary.stories} stories; "
            f"{summary.rate:.1f} articles/s"
        )
    store.close()
    # like `extract`: the exit status says whether any input of this run failed
    raise typer.Exit(1 if summary.failed else 0)


query_app = typer.Typer(
    help="Query the corpus database: events, stories, an actor's timeline, corpus events.",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")

OutFmt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")]
OffsetOpt = Annotated[int, typer.Option("--offset", help="Skip this many rows (paging).")]


def open_db(db: str):
    """The store at ``db`` (which must exist), or exit 2 saying why."""
    from selon.store import open_store

    if "://" not in db and db != ":memory:" and not Path(db).exists():
        err.print(f"[red]error:[/red] no database at {db} (run `selon ingest … --db {db}`)")
        raise typer.Exit(2)
    try:
        return open_store(db, create=False)
    except Exception as exc:
        err.print(f"[red]error:[/red] cannot open database {db}: {exc}")
        raise typer.Exit(2) from exc


def show(rows: list[dict], fmt: str, kind: str) -> None:
    from selon.store.render import render

    try:
        print(render(rows, fmt, kind))
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@query_app.command("events")
def query_events(
    db: DbOpt = "selon.db",
    actor: Annotated[str | None, typer.Option(help="Source or target: name or id.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Source or target country (ISO alpha-3).")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (inclusive).")] = None,
    claimant: Annotated[str | None, typer.Option(help="Who claims it: name or id.")] = None,
    hedged: Annotated[
        bool | None, typer.Option("--hedged/--no-hedged", help="Only hedged / unhedged.")
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="occurred, planned, negated or hypothetical.")
    ] = None,
    fmt: OutFmt = "table",
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
) -> None:
    """Events by actor, country, type, date range, claimant, hedging."""
    store = open_db(db)
    rows = store.events(
        actor=actor, country=country, type=type_, since=since, until=until,
        claimant=claimant, hedged=hedged, status=status, limit=limit, offset=offset,
    )
    show(rows, fmt, "events")


@query_app.command("stories")
def query_stories(
    db: DbOpt = "selon.db",
    min_articles: Annotated[int, typer.Option(help="Only stories this large.")] = 1,
    fmt: OutFmt = "table",
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
) -> None:
    """Stories: near-duplicate articles grouped, with their first source."""
    store = open_db(db)
    show(store.stories(min_articles=min_articles, limit=limit, offset=offset), fmt, "stories")


@query_app.command("timeline")
def query_timeline(
    actor: Annotated[str, typer.Argument(help="Actor name or id.")],
    db: DbOpt = "selon.db",
    fmt: OutFmt = "table",
    limit: LimitOpt = 200,
    offset: OffsetOpt = 0,
) -> None:
    """An actor's events in date order (as source, target or claimant)."""
    store = open_db(db)
    show(store.timeline(actor, limit=limit, offset=offset), fmt, "events")


@query_app.command("actors")
def query_actors(
    q: Annotated[str | None, typer.Argument(help="Part of a name or an id.")] = None,
    db: DbOpt = "selon.db",
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country.")] = None,
    fmt: OutFmt = "table",
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
) -> None:
    """Actors, most mentioned first."""
    store = open_db(db)
    show(store.actors(q=q, country=country, limit=limit, offset=offset), fmt, "actors")


@query_app.command("corpus-events")
def query_corpus_events(
    db: DbOpt = "selon.db",
    contradiction: Annotated[
        bool | None,
        typer.Option("--contradiction/--no-contradiction", help="Only contradicted ones."),
    ] = None,
    fmt: OutFmt = "table",
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
) -> None:
    """Events reported by several articles or claimants, with contradictions flagged."""
    store = open_db(db)
    rows = store.corpus_events(contradiction=contradiction, limit=limit, offset=offset)
    show(rows, fmt, "corpus_events")


@app.command("export")
def export_(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (records), csv, parquet or plover.")
    ] = "jsonl",
    db: DbOpt = "selon.db",
    actor: Annotated[str | None, typer.Option(help="Only events of this actor.")] = None,
    country: Annotated[str | None, typer.Option(help="Only events of this country.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this event type.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
) -> None:
    """Export the corpus: records as JSONL, events as CSV, Parquet or PLOVER-style JSON."""
    from selon.store.export import export

    store = open_db(db)
    try:
        n = export(store, fmt, output, actor=actor, country=country, type=type_,
                   since=since, until=until)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    err.print(f"{n} {'records' if fmt == 'jsonl' else 'events'} written to {output}")


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="Corpus database: SQLite path or URL.")],
    host: Annotated[
        str, typer.Option(help="Interface to bind; the default keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    max_request_bytes: Annotated[
        int, typer.Option(help="Refuse request bodies larger than this (HTTP 413).")
    ] = 2_000_000,
    config: ConfigOpt = None,
) -> None:
    """Start the web explorer and JSON API (/api, spec at /api/openapi.json)."""
    import uvicorn

    from selon.web import create_app
    from selon.web.app import LOCAL_HOSTS

    apply_config(config)
    try:
        # on loopback, answer only to local names (no DNS rebinding from a web page)
        local = LOCAL_HOSTS if host in LOCAL_HOSTS else None
        web = create_app(db, max_request_bytes=max_request_bytes, allowed_hosts=local)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    err.print(f"selon explorer on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def bench(
    corpus: Annotated[
        Path,
        typer.Argument(help="Corpus folder (with articles.jsonl), a JSONL file or a folder."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    n_process: Annotated[
        int, typer.Option("--processes", "-p", help="Parser processes (both runs).")
    ] = 2,
    repeat: Annotated[
        int, typer.Option(help="Run over the corpus this many times, to measure steadily.")
    ] = 1,
    config: ConfigOpt = None,
) -> None:
    """Throughput of bare spaCy parsing and of the full selon pipeline, in one run.

    Prints articles/s and words/s for both, ratio_to_spacy (selon time ÷ spaCy
    time), peak memory and seconds per selon stage (see docs/bench.md).
    """
    from selon.bench import format_bench, run_bench

    apply_config(config)
    try:
        result = run_bench(corpus, n_process=n_process, repeat=repeat)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        print(format_bench(result))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
