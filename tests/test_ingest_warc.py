"""WARC reader: archived pages become articles; a corrupt record is one error, not a stop."""

from __future__ import annotations

import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from selon.ingest import read_inputs

BODY = (
    "Le gouvernement malien a annoncé mardi l'expulsion de l'ambassadeur de France, "
    "accusé d'avoir tenu des propos hostiles envers les autorités de transition."
)


def page(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    ).encode()


def warc(gzip: bool = False, status: str = "200 OK", extra: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i in range(3):
        http = StatusAndHeaders(
            status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(page(f"Titre {i}")),
            http_headers=http,
        ))
    if extra:  # not articles: a request and an image
        writer.write_record(writer.create_warc_record(
            "https://example.org/0", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
        ))
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
            http_headers=http,
        ))
    return buf.getvalue()


def read(tmp_path, data: bytes, name: str = "crawl.warc", **options):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_inputs([str(path)], **options))


@pytest.mark.parametrize(("gzip", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_ingest_warc_reads_html_responses(tmp_path, gzip, name):
    articles = read(tmp_path, warc(gzip=gzip), name, published="2024-05-02")
    assert [a.url for a in articles] == [f"https://example.org/{i}" for i in range(3)]
    assert all(not a.errors and "ambassadeur" in a.text for a in articles)
    assert articles[0].title == "Titre 0" and articles[0].published == "2024-05-02"
    assert articles[0].source.endswith("crawl.warc#0") or articles[0].source.endswith("#0")


def test_ingest_warc_skips_failed_http_responses(tmp_path):
    assert read(tmp_path, warc(status="404 Not Found", extra=False)) == []


def corrupt(data: bytes, record: int, how: str) -> bytes:
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]
    a, b = starts[record], starts[record + 1]
    chunk = data[a:b]
    if how == "header":
        chunk = b"WARC/1.0\r\nWARC-Type: resp\r\n\r\n"
    elif how == "http":
        chunk = chunk.replace(b"HTTP/1.1 200 OK", b"\x00\xff garbage", 1)
    elif how == "junk":
        return data[:a] + b"\x00\x01 not a record\r\n\r\n" + data[a:]
    return data[:a] + chunk + data[b:]


@pytest.mark.parametrize("how", ["header", "http", "junk"])
def test_ingest_warc_corrupt_record_is_an_error_and_reading_goes_on(tmp_path, how):
    articles = read(tmp_path, corrupt(warc(), 1, how))
    good = [a.url for a in articles if not a.errors]
    bad = [a for a in articles if a.errors]
    assert "https://example.org/0" in good and "https://example.org/2" in good
    assert len(bad) == 1 and "corrupt WARC" in bad[0].errors[0].message


def test_ingest_warc_gzip_truncated_keeps_earlier_records(tmp_path):
    data = warc(gzip=True)
    articles = read(tmp_path, data[: len(data) // 2], "cut.warc.gz")
    assert articles[0].url == "https://example.org/0" and not articles[0].errors
    assert articles[-1].errors and "corrupt WARC" in articles[-1].errors[0].message
