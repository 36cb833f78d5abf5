"""`selon ingest`: idempotent ingest into SQLite, bad inputs recorded and counted."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from selon.cli import app
from selon.ingest import article_id
from selon.model import Error, Record
from selon.store import open_store
from test_ingest_warc import corrupt, warc
from test_store import pg_server  # noqa: F401 - the PostgreSQL fixture

ARTICLES = {
    "kiev.txt": "Frappes sur Kiev\n\nSelon l'armée ukrainienne, la Russie a bombardé Kiev "
    "dans la nuit de mardi. Le Kremlin a démenti toute frappe sur des civils.",
    "berlin.txt": "Rencontre à Berlin\n\nEmmanuel Macron a rencontré Olaf Scholz à Berlin "
    "lundi pour discuter de l'aide militaire à l'Ukraine.",
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = [
        {"url": "https://example.org/1", "published": "2024-02-01",
         "text": "Le Mali a expulsé l'ambassadeur de France, a annoncé le gouvernement."},
        {"url": "https://example.org/1", "published": "2024-02-01",
         "text": "Le Mali a expulsé l'ambassadeur de France, a annoncé le gouvernement."},
    ]
    (folder / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "english.txt").write_text(
        "The government announced new measures on housing and transport yesterday in London.",
        encoding="utf-8",
    )
    (folder / "crawl.warc").write_bytes(corrupt(warc(), 1, "header"))  # 2 pages, 1 broken
    big = "<html><body><p>" + "Le texte. " * 2_100_000 + "</p></body></html>"
    (folder / "huge.html").write_text(big, encoding="utf-8")  # over the 20 MB limit
    return folder


def run(*args: str):
    return CliRunner().invoke(app, ["ingest", *args, "--json"], catch_exceptions=False)


def test_cli_ingest_is_idempotent_and_counts_errors(nlp, corpus, tmp_path):
    db = tmp_path / "selon.db"
    first = run(str(corpus), "--db", str(db), "--published", "2024-03-12")
    assert first.exit_code == 1, first.output  # some inputs failed (recorded, counted)
    summary = json.loads(first.stdout)
    # 11 articles read: 2 texts, 2 JSONL lines with one URL (one article), 1 broken line,
    # an empty file, an English text, a 20 MB page, a WARC of 2 pages and a corrupt record
    assert summary["read"] == 11 and summary["added"] == 10 and summary["skipped"] == 1
    assert summary["failed"] == 5
    store = open_store(db)
    reasons = " | ".join(e["message"] for e in store.errors())
    for reason in ("empty", "not in French", "malformed JSON", "byte limit", "corrupt WARC"):
        assert reason in reasons
    before = {t: store.table_rows(t) for t in store.counts()}

    again = run(str(corpus), "--db", str(db))
    assert again.exit_code == 0, again.output  # nothing new failed
    summary = json.loads(again.stdout)
    assert summary["added"] == 0 and summary["skipped"] == 11
    assert before == {t: store.table_rows(t) for t in store.counts()}


def test_cli_ingest_reports_bad_database(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", "nosuch://x"])
    assert result.exit_code == 2


def test_cli_ingest_postgresql_gives_the_sqlite_rows(nlp, corpus, tmp_path, request):
    url = request.getfixturevalue("pg_server")()
    sqlite = tmp_path / "same.db"
    for db in (url, str(sqlite)):
        assert run(str(corpus), "--db", db, "--published", "2024-03-12").exit_code == 1
    pg, lite = open_store(url), open_store(sqlite)
    for table in lite.counts():
        assert pg.table_rows(table) == lite.table_rows(table), table


def test_cli_ingest_retry_errors_codes_failed_articles_again(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ARTICLES["berlin.txt"]
    (folder / "berlin.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "retry.db"
    with open_store(db) as store:  # as if a stage had failed on it in an earlier run
        store.add(Record(id=article_id(None, text), text=text,
                         errors=[Error(stage="events", message="RuntimeError: boom")]))
    summary = json.loads(run(str(folder), "--db", str(db)).stdout)
    assert summary["added"] == 0 and summary["skipped"] == 1
    summary = json.loads(run(str(folder), "--db", str(db), "--retry-errors").stdout)
    assert summary["added"] == 1 and summary["failed"] == 0
    with open_store(db) as store:
        assert store.record(article_id(None, text)).errors == []
        assert store.errors() == []
