"""The quality data files load, every signal has a weight, and scores combine as documented."""

from __future__ import annotations

import re

import pytest

from selon.model import TextSpan
from selon.quality import contentfarm, translation
from selon.quality.scoring import Finding, combine, load


@pytest.mark.parametrize("name", ["translation", "contentfarm"])
def test_quality_data_signals_have_weights(name):
    for signal, conf in load(name)["signals"].items():
        assert 0 < conf["weight"] <= 1, signal
        assert conf.get("saturate", 1) > 0, signal


def test_quality_data_patterns_compile():
    lex = translation.lexicon()
    assert lex.foreign and lex.demonyms and lex.calques and lex.typography
    assert all(w == w.lower() for w in lex.foreign | lex.demonyms)
    r = contentfarm.rules()
    assert r.residue.match("abc-fr-3") and not r.residue.match("Paris-Match")
    assert r.dateline.search("PARIS, 3 mars (AFP) - Le gouvernement")
    for rx in load("translation")["calques"] + load("contentfarm")["clickbait"]:
        re.compile(rx)


def test_quality_detector_signals_are_configured():
    configured = set(load("translation")["signals"])
    # every finding the token pass can produce is configured in the data file
    assert {"foreign_words", "agreement", "demonym_title", "midsentence_capital",
            "glued_sentences", "plural_names", "calques", "typography", "number_format",
            "translated_bio"} <= configured


def test_quality_noisy_or():
    conf = {"a": {"weight": 0.5, "saturate": 2}, "b": {"weight": 0.4, "saturate": 1}}
    ev = TextSpan(text="x", start=0, end=1)
    score, signals = combine({"a": Finding(count=1, evidence=[ev, ev]),
                              "b": Finding(count=3)}, conf, "t")
    # a: strength 1/2 -> 0.25; b: capped at 1 -> 0.4; 1 - 0.75 * 0.6 = 0.55
    assert score == pytest.approx(0.55)
    assert [s.name for s in signals] == ["t.a", "t.b"]
    assert signals[0].score == 0.25 and len(signals[0].evidence) == 1
    assert combine({"a": Finding()}, conf, "t") == (0.0, [])
