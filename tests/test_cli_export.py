"""`selon export`: JSONL records, CSV and Parquet events, PLOVER-style JSON."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from selon.cli import app
from selon.model import Record
from selon.store import open_store
from test_store import ELYSEE, make_record


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "x.db"
    with open_store(path) as store:
        store.add(make_record("e1", published="2024-03-12"))
        store.add(make_record("e2", published="2024-03-14", claimant=ELYSEE, etype="THREATEN"))
        store.add(make_record("e3", errors=["vide"], events=False))
    return str(path)


def export(db: str, *args: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_cli_export_jsonl_records(db, tmp_path):
    out = tmp_path / "all.jsonl"
    export(db, "-f", "jsonl", "-o", str(out))
    records = [Record.model_validate_json(line) for line in out.read_text().splitlines()]
    assert [r.id for r in records] == ["e1", "e2", "e3"]
    export(db, "-f", "jsonl", "-o", str(out), "--type", "THREATEN")
    assert len(out.read_text().splitlines()) == 1


def test_cli_export_csv_and_parquet_agree(db, tmp_path):
    export(db, "-f", "csv", "-o", str(tmp_path / "e.csv"))
    export(db, "-f", "parquet", "-o", str(tmp_path / "e.parquet"))
    rows = list(csv.DictReader((tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()))
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in table] == ["e1:0", "e2:0"]
    assert table[1]["claimant_name"] == "Élysée" and table[1]["hedged"] is False
    assert json.loads(table[1]["claim_chain"]) == ["org:elysee"]


def test_cli_export_parquet_empty_selection(db, tmp_path):
    export(db, "-f", "parquet", "-o", str(tmp_path / "none.parquet"), "--type", "AID")
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_cli_export_plover_fields(db, tmp_path):
    out = tmp_path / "plover.json"
    export(db, "-f", "plover", "-o", str(out), "--since", "2024-03-13")
    (event,) = json.loads(out.read_text())
    for key in ("id", "date", "actor", "recipient", "event", "mode", "event_text",
                "text_info", "cite_info"):
        assert key in event
    assert event["actor"] == "RUSGOV" and event["recipient"] == "UKRGOV"
    assert event["event"] == "THREATEN" and event["date"] == "2024-03-14"
    start, end = event["text_info"]["trigger"]["start"], event["text_info"]["trigger"]["end"]
    record = open_store(db).record("e2")
    assert record.text[start:end] == event["text_info"]["trigger"]["text"]
    assert event["event_text"] == record.text
    assert event["cite_info"]["claimant"] == "Élysée"
    assert event["cite_info"]["url"] == "https://example.org/e2"


def test_cli_export_unknown_format(db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", db, "-f", "xml", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
