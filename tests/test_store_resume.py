"""An ingest killed with SIGKILL and restarted ends with the rows of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from selon.cli import app
from selon.store import open_store

CITIES = ["Kiev", "Kharkiv", "Odessa", "Lviv", "Dnipro", "Marioupol"]
ACTS = ["a bombardé", "a frappé", "a attaqué"]


def write_corpus(folder, n: int = 30) -> None:
    folder.mkdir()
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        text = (
            f"Nouvelles frappes numéro {i}\n\n"
            f"Selon l'armée ukrainienne, la Russie {ACTS[i % 3]} {city} dans la nuit, "
            f"faisant {i + 2} blessés.\n\n"
            f"Le gouverneur de la région a appelé les habitants à rester dans les abris "
            f"pendant {i + 1} heures."
        )
        (folder / f"article{i:02d}.txt").write_text(text, encoding="utf-8")


def count(db) -> int:
    if not db.exists():  # do not create the file before the ingest does
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def dump(db) -> dict[str, list[dict]]:
    store = open_store(db)
    try:
        return {t: store.table_rows(t) for t in store.counts()}
    finally:
        store.close()


@pytest.mark.slow
def test_store_resume_after_sigkill(nlp, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    # one paragraph per spaCy batch, so that records are written while parsing goes on
    config = tmp_path / "small-batches.yaml"
    config.write_text("parse:\n  batch_size: 1\n", encoding="utf-8")
    killed = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "selon.cli", "ingest", str(corpus), "--db", str(killed),
           "--published", "2024-03-12", "--config", str(config)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count(killed) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = count(killed)
    assert 0 < partial < 30, f"the kill did not land mid-way ({partial} articles stored)"

    runner = CliRunner()
    args = ["ingest", str(corpus), "--published", "2024-03-12", "--json"]
    resumed = runner.invoke(app, [*args, "--db", str(killed)], catch_exceptions=False)
    assert resumed.exit_code == 0, resumed.output
    whole = tmp_path / "whole.db"
    assert runner.invoke(app, [*args, "--db", str(whole)], catch_exceptions=False).exit_code == 0

    after, expected = dump(killed), dump(whole)
    assert after["articles"] and len(after["articles"]) == 30
    assert after == expected
