"""The claims data files load and have the expected shape."""

from __future__ import annotations

from selon.claims.lexicon import lexicon

RELATIONS = {"ccomp", "xcomp", "obj", "obl:arg"}


def test_claims_data_reporting_verbs():
    lex = lexicon()
    assert {"annoncer", "affirmer", "déclarer", "démentir", "revendiquer"} <= set(lex.verbs)
    for lemma, deps in lex.verbs.items():
        assert lemma == lemma.lower() and deps <= RELATIONS, lemma
    assert {"selon", "d'après"} <= lex.adjuncts
    assert "communiqué" in lex.nouns


def test_claims_data_cues():
    lex = lexicon()
    assert ("il", "semblerait", "que") in lex.phrases
    assert {"ait", "aient"} <= set(lex.endings)
    assert {"aur", "ser"} <= lex.stems and "pouvoir" in lex.modals
