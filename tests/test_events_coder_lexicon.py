"""The event data files: every entry parses, every type is covered, no French in code."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from selon.events.coder import _parse_entry, fold, load_lexicon
from selon.events.status import StatusCues, load_cues
from selon.model import EVENT_TYPES


def _raw(name: str) -> dict:
    text = resources.files("selon.events").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.safe_load(text)


@pytest.mark.parametrize("etype", EVENT_TYPES)
def test_events_coder_lexicon_type_block(etype):
    block = _raw("triggers.yaml")[etype]
    assert set(block) <= {"genitive", "genitive_source_kinds", "object", "guess_target",
                          "clause_target", "targets", "adjectival", "adjectives", "anaphoric",
                          "territory_target", "content_object",
                          "verbs", "nouns", "phrases"}
    assert block.get("genitive", "source") in ("source", "target")
    assert block.get("object", "target") in ("target", "none")
    entries = [*(block.get("verbs") or []), *(block.get("nouns") or []),
               *(block.get("adjectives") or []),
               *(block.get("phrases") or [])]
    assert len(entries) >= 10, f"{etype}: too few triggers to generalise"
    for item in entries:
        entry = _parse_entry("verbs", item, frozenset())
        assert entry.words and all(entry.words)


def test_events_coder_lexicon_rejects_unknown_option():
    with pytest.raises(ValueError):
        _parse_entry("verbs", "attaquer ; souvent", frozenset())


def test_events_coder_lexicon_inflected_forms():
    lex = load_lexicon()
    assert lex.verb_forms["arrêtés"] == fold("arrêter")
    assert "critique" not in lex.verb_forms  # "critiqué" is a participle, "critique" is not
    assert lex.noun_forms[fold("frappes")] == fold("frappe")


def test_events_coder_status_cues_complete():
    raw = _raw("status.yaml")
    assert set(StatusCues.__dataclass_fields__) <= set(raw)
    cues = load_cues()
    assert cues.negation_adverbs and cues.planning_verbs and cues.condition_markers
