"""The scorer, on a tiny gold corpus written for the tests (not the dev corpus)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from selon.cli import app
from selon.evaluate import actor_match, below_floors, locate_sentences, norm, score

TEXT = (
    "Le Mali et le Niger ont signé un accord lundi.\n\n"
    "Selon l'armée, des rebelles ont attaqué un convoi près de Gao.\n\n"
    "« Nous ne céderons jamais devant la menace », a déclaré le ministre malien."
)
S1, S2, S3 = TEXT.split("\n\n")
MLI = {"name": "Mali", "country": "MLI", "kind": "GOV"}
NER = {"name": "Niger", "country": "NER", "kind": "GOV"}
GOLD = [
    {"article": "t1", "sentence": S1, "quotes": [], "events": [
        {"type": "AGREE", "source": MLI, "target": NER, "trigger": "signé",
         "status": "occurred", "claimed_by": None, "hedged": False}]},
    {"article": "t1", "sentence": S2, "quotes": [], "events": [
        {"type": "ASSAULT", "source": {"name": "rebelles", "country": None, "kind": "REB"},
         "target": None, "trigger": "attaqué", "status": "occurred",
         "claimed_by": {"name": "armée", "country": "MLI", "kind": "MIL"}, "hedged": True}]},
    {"article": "t1", "sentence": S3, "events": [], "quotes": [
        {"speaker": {"name": "ministre", "country": "MLI", "kind": "GOV"},
         "text": "Nous ne céderons jamais devant la menace"}]},
]


def ev(type_, at, source=None, target=None, **kw):
    return {"type": type_, "trigger": {"text": "x", "start": at, "end": at + 1},
            "source": source, "target": target, "status": kw.get("status", "occurred"),
            "hedged": kw.get("hedged", False), "claimed_by": kw.get("claimed_by")}


def record(events, quotes=()):
    return {"id": "t1", "text": TEXT, "published": "2024-03-11", "events": events,
            "quotes": list(quotes)}


def test_evaluate_perfect_prediction_scores_one():
    s2 = TEXT.index(S2)
    q = TEXT.index("Nous")
    rec = record(
        [ev("AGREE", 5, NER, MLI),  # symmetric type: reversed dyad still matches
         ev("ASSAULT", s2 + 20, {"name": "Rebelles"}, None, hedged=True,
            claimed_by={"name": "l'armée malienne", "country": "MLI", "kind": "MIL"})],
        [{"text": "Nous ne céderons jamais devant la menace", "start": q, "end": q + 40,
          "speaker": {"name": "x", "country": "MLI", "kind": "GOV"}}],
    )
    s = score([rec], GOLD)
    assert s["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert s["dyad_accuracy"] == s["status_accuracy"] == s["claimant_accuracy"] == 1.0
    assert s["hedged"]["f1"] == 1.0
    assert s["quotes"]["f1"] == 1.0 and s["speaker_accuracy"] == 1.0
    assert s["articles"] == 1 and s["sentences"] == 3


def test_evaluate_counts_errors_and_ignores_unscored_text():
    s2 = TEXT.index(S2)
    rec = record(
        [ev("ACCUSE", 3),  # wrong type in sentence 1: one fp, and AGREE is a fn
         ev("ASSAULT", s2 + 20, status="planned"),  # type ok, dyad/status/claimant wrong
         ev("PROTEST", len(TEXT) + 5)],  # outside every gold sentence: not scored
    )
    s = score([rec], GOLD)
    assert (s["events"]["tp"], s["events"]["fp"], s["events"]["fn"]) == (1, 1, 1)
    assert s["per_type"]["ASSAULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert s["per_type"]["PROTEST"]["precision"] == 0.0
    assert s["dyad_accuracy"] == 0.0 and s["status_accuracy"] == 0.0
    assert s["claimant_accuracy"] == 0.0
    assert s["hedged"]["recall"] == 0.0
    assert s["quotes"]["recall"] == 0.0


def test_evaluate_quote_needs_half_the_gold_text():
    q = TEXT.index("Nous")
    short = {"text": "Nous ne", "start": q, "end": q + 7, "speaker": None}
    assert score([record([], [short])], GOLD)["quotes"]["recall"] == 0.0
    half = {"text": "x", "start": q, "end": q + 25, "speaker": None}
    s = score([record([], [half])], GOLD)
    assert s["quotes"]["recall"] == 1.0 and s["speaker_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (None, None, True),
        (None, {"name": "x"}, False),
        ({"name": "Mali", "country": "MLI", "kind": "GOV"}, None, False),
        ({"name": "Mali", "country": "MLI", "kind": "GOV"},
         {"name": "Bamako", "country": "MLI", "kind": "GOV"}, True),
        ({"name": "Mali", "country": "MLI", "kind": "GOV"},
         {"name": "Mali", "country": "MLI", "kind": "MIL"}, False),
        ({"name": "État islamique", "country": None, "kind": "REB"},
         {"name": "l'Etat islamique", "country": None, "kind": "REB"}, True),
    ],
)
def test_evaluate_actor_match(gold, pred, expected):
    assert actor_match(gold, pred) is expected


def test_evaluate_norm_and_locate():
    assert norm("L’Élysée") == norm("elysee")
    assert locate_sentences("a. b. a.", ["a.", "b.", "a.", "zz"]) == [(0, 2), (3, 5), (6, 8), None]


def test_evaluate_floors():
    s = score([record([])], GOLD)
    assert below_floors(s, {"events.f1": 0.5})
    assert not below_floors(s, {"events.f1": 0.0})


def test_cli_eval_json_keys(tmp_path, nlp):
    (tmp_path / "articles.jsonl").write_text(
        json.dumps({"id": "t1", "published": "2024-03-11", "text": TEXT}) + "\n", "utf-8")
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), "utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "events", "per_type", "dyad_accuracy", "status_accuracy", "hedged_accuracy", "hedged",
        "claimant_accuracy", "quotes", "speaker_accuracy", "articles", "sentences",
    }
    assert set(data["events"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(data["per_type"]["AGREE"]) == {"precision", "recall", "f1", "support"}
    assert data["articles"] == 1 and data["sentences"] == 3


def test_cli_eval_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "articles.jsonl" in result.output
