"""Hedging: conditionnel journalistique and cue phrases."""

from __future__ import annotations

import pytest

from selon.claims import is_hedged
from selon.claims.hedging import is_conditional


def token(document, word: str):
    start = document.text.index(word)
    span = document.doc.char_span(start, start + len(word), alignment_mode="expand")
    return span[0]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Les rebelles auraient attaqué un convoi dans la nuit.", "attaqué"),
        ("Les deux chefs se seraient mis d'accord sur une trêve.", "mis"),
        ("Un soldat serait mort dans l'embuscade.", "mort"),
        ("Trois civils auraient été enlevés près de la frontière.", "enlevés"),
        ("Selon des informations non confirmées, des chars ont franchi la frontière.", "franchi"),
        ("Il semblerait que les troupes ont quitté la ville.", "quitté"),
        ("Le bombardement a fait 40 morts, un bilan impossible à vérifier.", "bombardement"),
        ("L'attaque la plus meurtrière aurait eu lieu lundi.", "attaque"),
        ("L'armée bombarderait des quartiers civils depuis mardi.", "bombarderait"),
        ("Les miliciens auraient pillé le marché, incendiant plusieurs boutiques.", "incendiant"),
    ],
)
def test_claims_hedged(document, text, word):
    d = document(text)
    assert is_hedged(d, token(d, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Les rebelles ont attaqué un convoi dans la nuit.", "attaqué"),
        ("Le président a annoncé qu'il retirerait ses troupes.", "retirerait"),
        ("S'ils refusent, nous ne serions pas prêts à signer.", "signer"),
        ("L'armée pourrait lancer une offensive.", "lancer"),
        ("Il aurait fallu évacuer la ville plus tôt.", "évacuer"),
        ("Le convoi qui transporterait les vivres est arrivé.", "arrivé"),
    ],
)
def test_claims_not_hedged(document, text, word):
    d = document(text)
    assert not is_hedged(d, token(d, word))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("retirerait", True),
        ("finiraient", True),
        ("prendrait", True),
        ("serait", True),
        ("obtiendrait", True),
        ("tirait", False),
        ("déclarait", False),
        ("courait", False),
    ],
)
def test_claims_conditional_by_form(nlp, word, expected):
    doc = nlp(f"Il {word} vite.")
    tok = doc[1]
    if tok.pos_ not in ("VERB", "AUX"):
        pytest.skip(f"tagger did not read {word!r} as a verb")
    assert is_conditional(tok) is expected
