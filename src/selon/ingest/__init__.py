"""Ingest: one reader per input format, each turning an input into Articles.

Readers register in :data:`READERS` (the built-in formats use the same table an
outside plugin would). :func:`read_inputs` walks files, directories and ``-``,
picks a reader by file name or content, and never raises for one bad input: it
yields an :class:`Article` carrying an error that names the input instead.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from selon.model import Article, Error
from selon.settings import get_settings

Reader = Callable[[bytes, str, dict], Iterator[Article]]

#: format name -> (reader, file suffixes it claims)
READERS: dict[str, tuple[Reader, tuple[str, ...]]] = {}


def register(name: str, suffixes: tuple[str, ...] = ()) -> Callable[[Reader], Reader]:
    """Register a reader for a format (``@register("jsonl", (".jsonl",))``)."""

    def deco(fn: Reader) -> Reader:
        READERS[name] = (fn, suffixes)
        return fn

    return deco


def article_id(url: str | None, text: str) -> str:
    """Stable id: a hash of the URL, else of the whitespace-normalised text."""
    key = url.strip() if url else " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, source: str) -> str | None:
    if value is None or value == "":
        return None
    value = str(value)[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", str(value)) else str(value)
    if not DATE.match(value):
        raise ValueError(f"{source}: published date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def article_from_text(
    text: str, *, published: str | None = None, source: str | None = None, **fields
) -> Article:
    """An Article from plain text; the first line is taken as the title when short."""
    first = text.strip().split("\n", 1)[0].strip()
    title = fields.pop("title", None) or (first if 0 < len(first) <= 200 else None)
    return Article(
        id=fields.pop("id", None) or article_id(fields.get("url"), text),
        text=text,
        published=check_date(published, source or "input"),
        title=title,
        source=source,
        **fields,
    )


def error_article(source: str, message: str) -> Article:
    """The stand-in for an input that could not be read: it carries the error."""
    return Article(
        id=article_id(None, f"error:{source}"),
        source=source,
        errors=[Error(stage="ingest", message=f"{source}: {message}")],
    )


def decode(data: bytes, source: str) -> str:
    """UTF-8 text, or a ValueError that says what is wrong with the input."""
    if not data.strip():
        raise ValueError("input is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("input is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"input is not valid UTF-8 (byte {exc.start})") from exc


def sniff(name: str, data: bytes) -> str:
    """The format of an input, from its suffix, else from its first bytes."""
    lower = name.lower()
    for fmt, (_, suffixes) in READERS.items():
        if any(lower.endswith(s) for s in suffixes):
            return fmt
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc" if "warc" in READERS else "text"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed" if "feed" in READERS else "html"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_sources(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Expand directories (recursively, sorted) into files; ``-`` is stdin."""
    for item in inputs:
        if item == "-":
            yield "-", None
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not p.name.startswith("."):
                    yield str(p), p
        else:
            yield item, path


def read_source(name: str, path: Path | None, options: dict) -> Iterator[Article]:
    limit = get_settings()["ingest"]["max_bytes"]
    try:
        if path is None:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            if not path.exists():
                raise ValueError("no such file or directory")
            if path.stat().st_size > limit and not name.lower().endswith((".warc", ".warc.gz")):
                raise ValueError(f"input is larger than the {limit:,}-byte limit (ingest.max_bytes)")
            data = path.read_bytes()
        if len(data) > limit and not name.lower().endswith((".warc", ".warc.gz")):
            raise ValueError(f"input is larger than the {limit:,}-byte limit (ingest.max_bytes)")
        fmt = options.get("format") or sniff(name, data)
        reader = READERS[fmt][0]
        yield from reader(data, name, options)
    except (OSError, ValueError) as exc:
        yield error_article(name, str(exc))


def read_inputs(inputs: Iterable[str], **options) -> Iterator[Article]:
    """Articles from files, directories and ``-``; a bad input yields an error Article."""
    for name, path in iter_sources(inputs):
        yield from read_source(name, path, options)


# built-in readers register on import
from selon.ingest import html, jsonl, text  # noqa: E402,F401
from selon.ingest import feed, warc  # noqa: E402,F401
