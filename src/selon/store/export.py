"""Exports of the corpus: JSONL records, CSV and Parquet event tables, PLOVER JSON.

Exporters register in :data:`EXPORTERS` by name (the built-ins use the same
decorator an outside plugin would). Each takes the store, an output path and
the event filters of :meth:`selon.store.Store.events`, streams its rows (a
corpus larger than memory exports fine) and returns how many it wrote.

PLOVER/POLECAT-style JSON follows the field names of the PLOVER data-fields
specification: ``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``,
``event_text``, ``text_info`` (offsets into the article text) and ``cite_info``
(where the event was read and who claims it); selon adds the actors' ids,
names, countries and kinds, the status, the hedging and the corpus event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from selon.store import Store

Exporter = Callable[..., int]

#: format name -> (exporter, default file suffix)
EXPORTERS: dict[str, tuple[Exporter, str]] = {}

#: the columns of a flat event row (CSV and Parquet), in order
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("article_id", "string"), ("date", "string"), ("published", "string"),
    ("type", "string"), ("mode", "string"), ("quad", "string"), ("status", "string"),
    ("hedged", "bool_"), ("trigger", "string"), ("trigger_start", "int64"),
    ("trigger_end", "int64"), ("sentence_start", "int64"), ("sentence_end", "int64"),
    ("source_id", "string"), ("source_name", "string"), ("source_country", "string"),
    ("target_id", "string"), ("target_name", "string"), ("target_country", "string"),
    ("claimant_id", "string"), ("claimant_name", "string"), ("claim_chain", "string"),
    ("date_text", "string"), ("location", "string"), ("location_country", "string"),
    ("corpus_event_id", "string"), ("url", "string"), ("outlet", "string"),
    ("title", "string"),
]


def register(name: str, suffix: str) -> Callable[[Exporter], Exporter]:
    def deco(fn: Exporter) -> Exporter:
        EXPORTERS[name] = (fn, suffix)
        return fn

    return deco


def flat(event: dict) -> dict[str, Any]:
    """An event as one flat row (the claim chain as a JSON list of actor ids)."""
    row = {name: event.get(name) for name, _ in EVENT_COLUMNS}
    row["claim_chain"] = json.dumps(event.get("claim_chain") or [], ensure_ascii=False)
    return row


@register("jsonl", ".jsonl")
def export_jsonl(store: Store, path: Path, **filters) -> int:
    """One full record (the public JSON contract) per line; ``filters`` keep the
    articles that have a matching event."""
    keep = {e["article_id"] for e in store.iter_events(**filters)} if filters else None
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in store.iter_records():
            if keep is not None and record.id not in keep:
                continue
            out.write(record.model_dump_json() + "\n")
            n += 1
    return n


@register("csv", ".csv")
def export_csv(store: Store, path: Path, **filters) -> int:
    """One row per event (see :data:`EVENT_COLUMNS`)."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[c for c, _ in EVENT_COLUMNS])
        writer.writeheader()
        for event in store.iter_events(**filters):
            writer.writerow(flat(event))
            n += 1
    return n


@register("parquet", ".parquet")
def export_parquet(store: Store, path: Path, batch: int = 5000, **filters) -> int:
    """The CSV's rows as a typed Parquet table, written in row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in EVENT_COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: list[dict] = []
        for event in store.iter_events(**filters):
            rows.append(flat(event))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n, rows = n + len(rows), []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def actor_code(country: str | None, kind: str | None, name: str | None) -> str | None:
    """A CAMEO/PLOVER-style actor code: country and sector (``RUSGOV``), else the name."""
    if country:
        return country + (kind or "")
    return name


def plover_events(store: Store, **filters) -> Iterator[dict]:
    """PLOVER/POLECAT-style dicts, one per event, with the event's sentence as text."""
    texts: dict[str, str] = {}
    actors: dict[str | None, dict] = {None: {}}

    def actor(actor_id: str | None) -> dict:
        if actor_id not in actors:
            actors[actor_id] = store.actor(actor_id) or {}
        return actors[actor_id]

    for e in store.iter_events(**filters):
        aid = e["article_id"]
        if aid not in texts:
            if len(texts) > 256:  # events come in date order: keep a small cache
                texts.clear()
            record = store.record(aid)
            texts[aid] = record.text if record else ""
        text = texts[aid]
        chain = e.get("claim_chain") or []
        source, target = actor(e["source_id"]), actor(e["target_id"])
        yield {
            "id": e["id"],
            "date": e["date"],
            "actor": actor_code(e["source_country"], source.get("kind"), e["source_name"]),
            "actor_id": e["source_id"],
            "actor_name": e["source_name"],
            "actor_country": e["source_country"],
            "recipient": actor_code(e["target_country"], target.get("kind"), e["target_name"]),
            "recipient_id": e["target_id"],
            "recipient_name": e["target_name"],
            "recipient_country": e["target_country"],
            "event": e["type"],
            "mode": e["mode"] or "",
            "quad": e["quad"],
            "status": e["status"],
            "hedged": bool(e["hedged"]),
            "location": e["location"],
            "location_country": e["location_country"],
            "event_text": text[e["sentence_start"] : e["sentence_end"]],
            "text_info": {
                "article_id": aid,
                "trigger": {"text": e["trigger"], "start": e["trigger_start"],
                            "end": e["trigger_end"]},
                "sentence": {"start": e["sentence_start"], "end": e["sentence_end"]},
                "date_text": e["date_text"],
            },
            "cite_info": {
                "url": e["url"], "outlet": e["outlet"], "title": e["title"],
                "published": e["published"], "claimant": e["claimant_name"],
                "claimant_id": e["claimant_id"], "claim_chain": chain,
                "corpus_event_id": e["corpus_event_id"],
            },
        }


@register("plover", ".json")
def export_plover(store: Store, path: Path, **filters) -> int:
    """A JSON array of PLOVER/POLECAT-style events (written incrementally)."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("[")
        for event in plover_events(store, **filters):
            out.write(",\n" if n else "\n")
            out.write(json.dumps(event, ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
    return n


def export(store: Store, fmt: str, path: str | Path, **filters) -> int:
    """Write the corpus (or the events matching ``filters``) in ``fmt``; return the count."""
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})")
    filters = {k: v for k, v in filters.items() if v is not None}
    return EXPORTERS[fmt][0](store, Path(path), **filters)
