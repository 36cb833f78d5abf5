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
from datetime import date
from importlib import import_module
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
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]")


def check_date(value: str | None, source: str | None = None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``), or a ValueError saying why not.

    A timestamp keeps its date part. The message does not repeat ``source``: the
    caller's error article names the input already.
    """
    if value is None or value == "":
        return None
    value = str(value).strip()
    if TIMESTAMP.match(value):
        value = value[:10]
    problem = f"published date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    if not DATE.match(value):
        raise ValueError(problem)
    try:
        year, month, day = (value.split("-") + ["01", "01"])[:3]
        date(int(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"{problem} ({exc})") from exc
    return value


def article_from_text(
    text: str, *, published: str | None = None, source: str | None = None, **fields
) -> Article:
    """An Article from plain text; the first line is the title when it looks like one.

    A title is short and does not end with a full stop (a first line that does is
    the first sentence of the body, not a headline).
    """
    first = text.strip().split("\n", 1)[0].strip()
    looks_like_title = 0 < len(first) <= 200 and not first.endswith(".")
    title = fields.pop("title", None) or (first if looks_like_title else None)
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"input is not valid UTF-16 (byte {exc.start})") from exc
    if b"\x00" in data[:8192]:
        raise ValueError("input is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"input is not valid UTF-8 (byte {exc.start})") from exc


#: the start of JSON Lines or of a JSON array of objects (not "[VIDÉO] Titre…")
JSON_START = re.compile(rb'^(?:\{\s*"|\[\s*(?:\{|\]))')


def sniff(name: str, data: bytes) -> str:
    """The format of an input, from its suffix, else from its first bytes."""
    lower = name.lower()
    for fmt, (_, suffixes) in READERS.items():
        if any(lower.endswith(s) for s in suffixes):
            return fmt
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if JSON_START.match(head):  # before any tag test: a JSON row may hold HTML
        return "jsonl"
    if head.startswith(b"warc/"):
        return "warc" if "warc" in READERS else "text"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed" if "feed" in READERS else "html"
    if head.startswith(b"<") and (
        head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head
    ):
        return "html"
    return "text"


#: how stdin is named in records and error messages
STDIN = "<stdin>"
#: formats whose inputs may exceed ``ingest.max_bytes`` (read record by record)
STREAMED = (".warc", ".warc.gz")


def iter_sources(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Expand directories (recursively, sorted) into files; ``-`` is stdin."""
    for item in inputs:
        if item == "-":
            yield STDIN, None
            continue
        path = Path(item)
        if path.is_dir():
            files = [
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(path).parts)
            ]
            if not files:
                yield item, path  # read_source reports the empty directory
            for p in files:
                yield str(p), p
        else:
            yield item, path


def size_limit(name: str) -> int | None:
    """The byte limit for an input, by its name (None: no limit, read as a stream)."""
    settings = get_settings()["ingest"]
    lower = name.lower()
    if lower.endswith(STREAMED):
        return None
    if lower.endswith(READERS.get("html", (None, ()))[1]):
        return min(settings["max_bytes"], settings["max_html_bytes"])
    return settings["max_bytes"]


def too_large(size: int, limit: int) -> ValueError:
    return ValueError(
        f"input is larger than the {limit:,}-byte limit (ingest.max_bytes): {size:,} bytes"
    )


def read_bytes(name: str, path: Path | None) -> bytes:
    """The input's bytes, refusing oversized inputs before reading them whole."""
    limit = size_limit(name)
    if path is None:
        data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
    else:
        if path.is_dir():
            raise ValueError("directory holds no input files")
        if not path.exists():
            raise ValueError("no such file or directory")
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise too_large(size, limit)
        data = path.read_bytes()
    if limit is not None and len(data) > limit:
        raise too_large(len(data), limit)
    return data


def read_source(name: str, path: Path | None, options: dict) -> Iterator[Article]:
    """The articles of one input; any failure becomes one error article naming it."""
    try:
        data = read_bytes(name, path)
        fmt = options.get("format") or sniff(name, data)
        if fmt not in READERS:
            raise ValueError(f"unknown format {fmt!r} (known: {', '.join(sorted(READERS))})")
        yield from READERS[fmt][0](data, name, options)
    except (OSError, ValueError) as exc:
        yield error_article(name, str(exc))
    except Exception as exc:  # a reader's bug on odd input must not stop the batch
        yield error_article(name, f"could not read input ({type(exc).__name__}: {exc})")


def read_inputs(inputs: Iterable[str], **options) -> Iterator[Article]:
    """Articles from files, directories and ``-``; a bad input yields an error Article."""
    for name, path in iter_sources(inputs):
        yield from read_source(name, path, options)


# built-in readers register on import
for _reader in ("html", "jsonl", "text"):
    import_module(f"selon.ingest.{_reader}")
from selon.ingest import feed, warc  # noqa: E402,F401
