"""scripts/make_bench_corpus.py builds longer articles from a corpus's paragraphs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_bench_corpus.py"

PARAGRAPH = (
    "Le conseil municipal a adopté lundi soir le budget de l'année prochaine après un débat "
    "de plusieurs heures sur le financement des écoles et des transports publics de la ville."
)


def test_bench_corpus_script(tmp_path):
    dev = tmp_path / "dev"
    dev.mkdir()
    rows = [{"id": str(i), "text": f"{PARAGRAPH}\n\n{PARAGRAPH} {i}"} for i in range(3)]
    (dev / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "bench" / "articles.jsonl"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--dev", str(dev), "--out", str(out), "-n", "5",
         "--words", "100"],
        capture_output=True, text=True, check=True,
    )
    assert "5 articles" in done.stdout
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(articles) == 5
    assert all(len(a["text"].split()) >= 100 and a["published"] for a in articles)
