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
