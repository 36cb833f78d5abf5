"""`selon query`: events, stories, timeline, actors and corpus events as table, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from selon.cli import app
from selon.store import open_store
from selon.store.stories import recompute
from test_store import ELYSEE, fp, make_record


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "q.db"
    with open_store(path) as store:
        store.add(make_record("q1", published="2024-03-12", fingerprint=fp(1)))
        store.add(make_record("q2", published="2024-03-13", claimant=ELYSEE, fingerprint=fp(1)))
        store.add(make_record("q3", published="2024-05-01", hedged=True, etype="THREATEN",
                              fingerprint=fp(9)))
        recompute(store, cluster=lambda items: {a: tuple(f) for a, f, _ in items})
    return str(path)


def query(*args: str):
    result = CliRunner().invoke(app, ["query", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ([], ["q1", "q2", "q3"]),
        (["--type", "ASSAULT"], ["q1", "q2"]),
        (["--actor", "Russie", "--since", "2024-04-01"], ["q3"]),
        (["--country", "UKR", "--until", "2024-03-12"], ["q1"]),
        (["--claimant", "Élysée"], ["q2"]),
        (["--hedged"], ["q3"]),
        (["--no-hedged", "--limit", "1", "--offset", "1"], ["q2"]),
    ],
)
def test_cli_query_events_json(db, args, ids):
    rows = json.loads(query("events", "--db", db, "--format", "json", *args))
    assert [r["article_id"] for r in rows] == ids


def test_cli_query_events_csv_and_table(db):
    rows = list(csv.DictReader(io.StringIO(query("events", "--db", db, "-f", "csv"))))
    assert len(rows) == 3 and rows[0]["source_id"] == "country:RUS"
    table = query("events", "--db", db)
    assert "ASSAULT" in table and "THREATEN" in table


def test_cli_query_stories_and_timeline(db):
    stories = json.loads(query("stories", "--db", db, "-f", "json", "--min-articles", "2"))
    assert len(stories) == 1 and stories[0]["first_article_id"] == "q1"
    timeline = json.loads(query("timeline", "Ukraine", "--db", db, "-f", "json"))
    assert [e["date"] for e in timeline] == ["2024-03-12", "2024-03-13", "2024-05-01"]
    actors = json.loads(query("actors", "--db", db, "-f", "json"))
    assert {a["id"] for a in actors} >= {"country:RUS", "country:UKR"}
    corpus = json.loads(query("corpus-events", "--db", db, "-f", "json"))
    assert corpus[0]["n_claims"] == 2 and len(corpus[0]["claims"]) == 2


def test_cli_query_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["query", "events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database" in result.output


def test_cli_query_bad_format(db):
    result = CliRunner().invoke(app, ["query", "events", "--db", db, "-f", "xml"])
    assert result.exit_code == 2
