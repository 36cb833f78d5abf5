"""Plain-text reader: one file, one article."""

from __future__ import annotations

from collections.abc import Iterator

from selon.ingest import article_from_text, decode, register
from selon.model import Article


@register("text", (".txt", ".text"))
def read_text(data: bytes, source: str, options: dict) -> Iterator[Article]:
    text = decode(data, source)
    yield article_from_text(text, published=options.get("published"), source=source)
