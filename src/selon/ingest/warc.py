"""WARC reader (warcio): each archived HTML page or text becomes an Article.

Why records are read one by one: a crawl file holds thousands of pages and a
single corrupt record must not lose the others. An uncompressed WARC is split
at its record headers before parsing, so a broken record becomes one error
article (naming the record number) and reading goes on with the next one. In
a gzipped WARC a broken member ends the file (there is no reliable way to find
the next member); the records before it are kept and the error is recorded.

Only ``response`` and ``resource`` records with an HTML or plain-text payload
and a successful HTTP status are articles; requests, metadata, images, scripts
and redirects are skipped silently, as they are not news.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator

from selon.ingest import article_from_text, check_date, error_article, register
from selon.ingest.html import article_from_html
from selon.model import Article

#: the start of a WARC record header (version line), at a line start
RECORD_START = re.compile(rb"(?:^|(?<=\r\n\r\n))WARC/1\.[01]\r\n")
#: record types of WARC 1.0/1.1; anything else means a damaged header
TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
     "continuation"}
)
CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def split_records(data: bytes) -> list[bytes]:
    """Byte chunks of an uncompressed WARC, one per record."""
    starts = [m.start() for m in RECORD_START.finditer(data)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


def payload_text(payload: bytes, content_type: str) -> str:
    """Decode a payload with its declared charset, else UTF-8, else Windows-1252."""
    m = CHARSET.search(content_type or "")
    for enc in ([m.group(1)] if m else []) + ["utf-8", "cp1252"]:
        try:
            return payload.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", "replace")


def article_from_record(record, where: str, options: dict) -> Article | None:
    """The Article in one WARC record, or None when the record is not a page."""
    if record.rec_type not in TYPES:
        raise ValueError(f"corrupt WARC record: unknown record type {record.rec_type!r}")
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not re.fullmatch(r"\d{3}", status):
            raise ValueError("corrupt WARC record: malformed HTTP status line")
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    kind = content_type.split(";")[0].strip().lower()
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        return None
    text = payload_text(record.content_stream().read(), content_type)
    fields = {"url": url} if url else {}
    if kind == "text/plain":
        article = article_from_text(text, source=where, **fields)
    else:
        article = article_from_html(text, where, **fields)
    if article.published is None and options.get("published"):
        article.published = check_date(options["published"], where)
    return article


def _read(stream, source: str, options: dict, first: int) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator

    n = first
    for record in ArchiveIterator(stream):
        where = f"{source}#{n}"
        try:
            article = article_from_record(record, where, options)
        except ValueError as exc:  # no main text, bad date…: this record only
            yield error_article(where, str(exc))
        else:
            if article is not None:
                yield article
        n += 1


def gzip_valid_end(data: bytes, step: int = 1 << 16) -> tuple[int, str | None]:
    """Where the well-formed gzip members of ``data`` end, and what is wrong after.

    warcio stops quietly at a truncated member, so the members are checked
    first (decompressing is cheap next to coding the pages).
    """
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        fed = 0
        try:
            while not d.eof and pos + fed < len(data):
                d.decompress(data[pos + fed : pos + fed + step])
                fed = min(fed + step, len(data) - pos)
        except zlib.error as exc:
            return pos, f"corrupt gzip member at byte {pos}: {exc}"
        if not d.eof:
            return pos, f"truncated gzip member at byte {pos}"
        pos += fed - len(d.unused_data)
    return pos, None


@register("warc", (".warc", ".warc.gz"))
def read_warc(data: bytes, source: str, options: dict) -> Iterator[Article]:
    if data[:2] == b"\x1f\x8b":  # gzipped: one gzip member per record
        end, problem = gzip_valid_end(data)
        try:
            yield from _read(io.BytesIO(data[:end]), source, options, 0)
        except Exception as exc:  # warcio raises several kinds on a broken member
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            yield error_article(f"{source}#rest", f"corrupt WARC data: {problem}")
        return
    for n, chunk in enumerate(split_records(data)):
        try:
            yield from _read(io.BytesIO(chunk), source, options, n)
        except Exception as exc:  # a broken record: record it, go on with the next
            yield error_article(
                f"{source}#{n}", f"corrupt WARC record: {type(exc).__name__}: {exc}"
            )
