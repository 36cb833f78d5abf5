"""Rows from the store as a terminal table, JSON or CSV (for ``selon query``)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

#: the columns a terminal table shows, per kind of row (JSON and CSV show all)
TABLE_COLUMNS: dict[str, list[str]] = {
    "events": ["date", "type", "status", "hedged", "source_name", "target_name",
               "claimant_name", "trigger", "outlet"],
    "stories": ["id", "first_published", "n_articles", "title"],
    "actors": ["id", "name", "country", "kind", "n_mentions"],
    "corpus_events": ["id", "date", "type", "source_key", "target_key", "n_claims",
                      "n_articles", "contradiction", "reason"],
}
FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def render(rows: list[dict], fmt: str, kind: str) -> str:
    """``rows`` as text in ``fmt`` (table, json or csv)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        names: list[str] = []
        for row in rows:
            names.extend(k for k in row if k not in names)
        writer = csv.DictWriter(buf, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    cols = TABLE_COLUMNS[kind]
    for c in cols:
        table.add_column(c)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in cols))
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().rstrip("\n")
