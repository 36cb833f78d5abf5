"""JSON Lines reader: one article per line, ``{"id","url","published","text"|"html"}``.

A malformed line becomes an error article naming the file and line number; the
other lines are still read. A ``.json`` file holding one JSON array of such
objects (items numbered from 1), or one pretty-printed object, is read too.
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
    whole = single_document(text)
    if isinstance(whole, dict):  # one pretty-printed object
        whole = [whole]
    if text.lstrip().startswith("[") and whole is None:
        yield error_article(source, "malformed JSON: the file starts with '[' but is not an array")
        return
    if whole is not None:  # a JSON array of articles
        lines = [(n, row) for n, row in enumerate(whole, 1)]
    else:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    for n, line in lines:
        where = f"{source}:{n}"
        try:
            row = json.loads(line) if isinstance(line, str) else line
            if not isinstance(row, dict):
                raise ValueError("line is not a JSON object")
            yield from_row(row, where, options)
        except json.JSONDecodeError as exc:
            yield error_article(where, f"malformed JSON line: {exc}")
        except (ValueError, TypeError) as exc:
            yield error_article(where, str(exc))


def single_document(text: str) -> list | dict | None:
    """The whole input as one JSON array or object, when it is one and is not JSONL."""
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        return None
    first = stripped.split("\n", 1)[0]
    if stripped.startswith("{"):
        try:
            json.loads(first)
            return None  # the first line is a complete object: JSON Lines
        except json.JSONDecodeError:
            pass
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, (list, dict)) else None


def from_row(row: dict, where: str, options: dict) -> Article:
    """An Article from one JSON object; the row's own date wins over ``--published``."""
    fields = {k: row[k] for k in ("id", "url", "outlet", "title", "labels") if row.get(k)}
    if fields.get("id") is not None:
        fields["id"] = str(fields["id"])
    for key in ("url", "outlet", "title"):
        if key in fields and not isinstance(fields[key], str):
            raise ValueError(f"field {key!r} must be a string")
    if "labels" in fields and not isinstance(fields["labels"], dict):
        raise ValueError("field 'labels' must be a JSON object")
    published = row.get("published") or None
    if published is not None and not isinstance(published, str):
        raise ValueError("field 'published' must be a string (YYYY-MM-DD)")
    if isinstance(row.get("text"), str) and row["text"].strip():
        return article_from_text(
            row["text"], published=published or options.get("published"), source=where, **fields
        )
    if isinstance(row.get("html"), str) and row["html"].strip():
        return article_from_html(
            row["html"], where, published=published,
            default_published=options.get("published"), **fields,
        )
    raise ValueError("line has neither a non-empty 'text' nor 'html' field")
