"""The quality gate: scores on the dev corpus must not fall below pinned floors.

The corpus is not part of the repository (it is a yardstick kept beside it, in
``../shared/corpus/dev``); when it is absent the gate skips. Floors live in
``eval_baseline.json``; raise them when the system improves, never lower them
silently (a lowered floor must say why in its commit message).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from selon.evaluate import below_floors, evaluate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SELON_DEV_CORPUS", ROOT.parent / "shared" / "corpus" / "dev"))
BASELINE = ROOT / "eval_baseline.json"


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "gold.jsonl").is_file(), reason=f"no dev corpus at {CORPUS}")
def test_evaluate_gate_dev_corpus_meets_floors(nlp):
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    scores = evaluate(CORPUS, nlp=nlp)
    assert scores["sentences"] > 0
    failures = below_floors(scores, floors)
    assert not failures, "scores fell below the pinned floors:\n" + "\n".join(failures)


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "gold.jsonl").is_file(), reason=f"no dev corpus at {CORPUS}")
def test_evaluate_gate_seed_article_every_gold_event_typed(nlp):
    """The first acceptance test: on the seed article, every gold event is
    found in its sentence with the right type."""
    from collections import Counter

    from selon.evaluate import load_corpus, locate_sentences
    from selon.pipeline import extract

    articles, gold = load_corpus(CORPUS)
    seed = next(a for a in articles if a.id == "seed-000")
    rows = [g for g in gold if g["article"] == seed.id]
    record = extract(seed, nlp=nlp)
    missing = []
    spans = locate_sentences(record.text, [g["sentence"] for g in rows])
    for row, span in zip(rows, spans, strict=True):
        assert span is not None, f"gold sentence not in the text: {row['sentence'][:60]}"
        found = Counter(e.type for e in record.events if span[0] <= e.trigger.start < span[1])
        for event in row["events"]:
            if found[event["type"]]:
                found[event["type"]] -= 1
            else:
                missing.append(f"{event['type']} {event.get('trigger')!r}")
    assert not missing, "seed-000 gold events not found: " + ", ".join(missing)
