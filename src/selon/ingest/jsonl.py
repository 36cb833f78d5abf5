"""JSON Lines reader: one article per line, ``{"id","url","published","text"|"html"}``.

A malformed line becomes an error article naming the file and line number; the
other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from selon.ingest import article_from_text, decode, error_article, register
from selon.ingest.html import article_from_html
from selon.model import Article

KNOWN = {"id", "url", "outlet", "published", "title", "text", "html", "labels"}


@register("jsonl", (".jsonl", ".ndjson", ".json"))
def read_jsonl(data: bytes, source: str, options: dict) -> Iterator[Article]:
    text = decode(data, source)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("line is not a JSON object")
            yield from_row(row, where, options)
        except (ValueError, TypeError) as exc:
            msg = f"malformed JSON line: {exc}" if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield error_article(where, msg)


def from_row(row: dict, where: str, options: dict) -> Article:
    fields = {k: row[k] for k in ("id", "url", "outlet", "title", "labels") if row.get(k)}
    if fields.get("id") is not None:
        fields["id"] = str(fields["id"])
    published = row.get("published") or options.get("published")
    if isinstance(row.get("text"), str) and row["text"].strip():
        return article_from_text(row["text"], published=published, source=where, **fields)
    if isinstance(row.get("html"), str) and row["html"].strip():
        return article_from_html(row["html"], where, published=published, **fields)
    raise ValueError("line has neither a non-empty 'text' nor 'html' field")
