"""Claim frames: reporting verbs, incises, "selon X" adjuncts, chains."""

from __future__ import annotations

import pytest

import selon.claims as claims
from selon.claims import claim_chain
from selon.model import Actor


@pytest.fixture
def frames_of(document, monkeypatch):
    def fake_actor(doc, token):
        return Actor(id=token.text, name=token.text, start=0, end=0)

    monkeypatch.setattr(claims, "actor_of", fake_actor)

    def run(text: str):
        return claims.find_claims(document(text))

    return run


def chain_at(document, word: str) -> list[str]:
    start = document.text.index(word)
    return [c.claimant.name for c in claim_chain(document, start, start + len(word))]


@pytest.mark.parametrize(
    ("text", "word", "chain"),
    [
        ("Selon le gouvernement, les rebelles ont attaqué le camp.", "attaqué", ["gouvernement"]),
        ("D'après la police, deux manifestants ont été arrêtés.", "arrêtés", ["police"]),
        ("Les soldats ont quitté la base, rapporte l'agence.", "quitté", ["agence"]),
        ("Le ministre a annoncé que les troupes seraient retirées.", "retirées", ["ministre"]),
        ("Le ministre a annoncé le retrait des troupes.", "retrait", ["ministre"]),
        ("L'armée a annoncé avoir repoussé une offensive.", "repoussé", ["armée"]),
        ("Selon un communiqué du ministère, la frontière a été fermée.", "fermée", ["ministère"]),
        ("L'attaque a été revendiquée par le groupe armé.", "attaque", ["groupe"]),
        (
            "Le colonel a déclaré que les tirs avaient cessé. Et que des négociations "
            "étaient en cours.",
            "négociations",
            ["colonel"],
        ),
        (
            "Le régiment est accusé de multiples exécutions par des organisations humanitaires.",
            "exécutions",
            ["organisations"],
        ),
        (
            "Il a annoncé de nouvelles mesures, dont la fermeture des écoles.",
            "fermeture",
            ["Il"],
        ),
        ("Pour lui, la police doit intervenir.", "intervenir", ["lui"]),
        ("Trois soldats ont été tués, a-t-on appris de source sécuritaire.", "tués", ["source"]),
        ("Selon nos informations, le ministre a démissionné.", "démissionné", []),
        ("Moscou dément avoir bombardé le marché.", "bombardé", ["Moscou"]),
        (
            "Aux dires de ses proches, le chef rebelle aurait quitté le pays.",
            "quitté",
            ["proches"],
        ),
        (
            "Trois soldats ont été tués dans l'embuscade, de source sécuritaire.",
            "tués",
            ["source"],
        ),
        ("Selon la liste publiée par le comité, 80 opposants sont détenus.", "détenus", ["comité"]),
        ("La police a interrogé un voisin disant que les agresseurs ont fui.", "fui", ["voisin"]),
        (
            "Des écoles ont été incendiées, selon le préfet, qui dénonce des violences.",
            "dénonce",
            [],
        ),
        (
            "Des écoles ont été incendiées, selon le préfet, qui dénonce des violences.",
            "incendiées",
            ["préfet"],
        ),
        (
            "Des écoles ont été incendiées, selon le préfet, qui dénonce des « violences "
            "graves » et assure que 80 personnes ont été interpellées.",
            "interpellées",
            ["préfet"],
        ),
        ("« Nous ne reculerons devant aucune menace », martèle-t-il.", "reculerons", ["-il"]),
        # the reporting verb as the event's trigger is its subject's claim (gold usage)
        ("Le ministre a annoncé le retrait des troupes.", "annoncé", ["ministre"]),
        ("Pour l'heure, la frontière reste fermée.", "fermée", []),
        # a clause "le fait que…" the parser makes the incise verb's subject is no speaker
        (
            "Le fait que Pékin cherche à imposer ses vues aux pays voisins serait illégal, "
            "estime le ministre japonais.",
            "imposer",
            ["ministre"],
        ),
        ("Depuis Genève, Marie Dupont a évoqué la libération des otages.", "libération", ["Marie"]),
        ("Le président a dénoncé les violences, selon lui à l'origine de la crise.", "dénoncé", []),
        (
            "Selon les proches du président, le chef rebelle a affirmé qu'il déposerait les armes.",
            "déposerait",
            ["chef", "proches"],
        ),
    ],
)
def test_claims_chain(frames_of, text, word, chain):
    assert chain_at(frames_of(text), word) == chain


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Le président a dénoncé les violences de la nuit.", "dénoncé"),
        ("Les rebelles ont attaqué le camp dimanche.", "attaqué"),
        ("Selon les cas, les détenus seront libérés ou transférés.", "libérés"),
        ("Pour la première fois, les deux armées ont signé une trêve.", "signé"),
        ("Les manifestants ont bloqué la route, ont lancé des pierres.", "bloqué"),
        ("Le ministre a démissionné, puis a annoncé sa candidature.", "démissionné"),
        ("Pour sécuriser la ville, l'armée a déployé des blindés.", "déployé"),
    ],
)
def test_claims_outlet_voice_has_no_chain(frames_of, text, word):
    assert chain_at(frames_of(text), word) == []


def test_claims_frame_offsets_and_cue(frames_of):
    document = frames_of("Selon l'ONU, des civils ont été tués dans la nuit.")
    (claim,) = document.claims
    assert document.text[claim.start : claim.end] == "des civils ont été tués dans la nuit"
    assert claim.cue == "Selon"
