"""Direct quotes: marks, spans in the original text, fragments and speakers."""

from __future__ import annotations

import pytest

import selon.claims as claims
from selon.model import Actor


@pytest.fixture
def quotes_of(document, monkeypatch):
    """Run the claims stage with an actor stand-in that names the speaker's head token,
    so these tests check which phrase is found, not the actor resolver."""

    def fake_actor(doc, token):
        return Actor(id=token.text, name=token.text, start=0, end=0)

    monkeypatch.setattr(claims, "actor_of", fake_actor)

    def run(text: str):
        return claims.find_claims(document(text))

    return run


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "« Nous ne céderons jamais aux menaces », a déclaré le ministre.",
            "Nous ne céderons jamais aux menaces",
            "ministre",
        ),
        (
            '"Le dialogue reste possible avec nos voisins", affirme la diplomate.',
            "Le dialogue reste possible avec nos voisins",
            "diplomate",
        ),
        (
            "“Il faut rouvrir les écoles dès lundi”, a-t-il ajouté.",
            "Il faut rouvrir les écoles dès lundi",
            "-il",
        ),
        (
            "La gouverneure a estimé que la situation « reste très préoccupante dans le nord ».",
            "reste très préoccupante dans le nord",
            "gouverneure",
        ),
        (
            "Le syndicat insiste sur un point : « Aucun salarié ne sera licencié cette année. »",
            "Aucun salarié ne sera licencié cette année.",
            "syndicat",
        ),
        (
            "« Les renforts arriveront demain matin », a déclaré lundi à l'AFP le porte-parole.",
            "Les renforts arriveront demain matin",
            "porte-parole",
        ),
        (
            "Selon elle, il s'agit d'une « manœuvre politique sans aucun fondement ».",
            "manœuvre politique sans aucun fondement",
            "elle",
        ),
        (
            "Les combats continuent. « La ville est encerclée. Nous manquons de tout », "
            "raconte un habitant.",
            "La ville est encerclée. Nous manquons de tout",
            "habitant",
        ),
        (
            "Le syndicat insiste : « Aucun salarié ne sera licencié cette année. »",
            "Aucun salarié ne sera licencié cette année.",
            "syndicat",
        ),
        (
            "Le porte-parole : « Aucune négociation ne commencera avant la trêve. »",
            "Aucune négociation ne commencera avant la trêve.",
            "porte-parole",
        ),
    ],
)
def test_claims_quote_speaker(quotes_of, text, quote, speaker):
    document = quotes_of(text)
    found = [q for q in document.quotes if not q.fragment]
    assert [q.text for q in found] == [quote]
    q = found[0]
    assert document.text[q.start : q.end] == quote
    assert q.speaker is not None and q.speaker.name == speaker


def test_claims_quote_non_breaking_spaces_and_offsets(quotes_of):
    text = "Le maire a prévenu\u00a0: «\u00a0Les routes resteront fermées toute la semaine\u00a0»."
    document = quotes_of(text)
    (q,) = document.quotes
    assert q.text == "Les routes resteront fermées toute la semaine"
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "Le sommet a relancé le « format Normandie » entre les deux pays.",
        "Ils veulent « intensifier » leurs efforts.",
    ],
)
def test_claims_short_quotes_are_fragments(quotes_of, text):
    document = quotes_of(text)
    assert document.quotes and all(q.fragment for q in document.quotes)


def test_claims_quote_interrupted_by_incise(quotes_of):
    text = (
        "« La nuit a été très violente, a-t-il écrit sur son compte. "
        "Des bâtiments publics ont été incendiés. »"
    )
    document = quotes_of(text)
    (q,) = document.quotes
    assert q.text.startswith("La nuit a été très violente") and q.text.endswith("incendiés.")
    assert q.speaker is not None and q.speaker.name == "-il"


def test_claims_nested_quotes_report_the_outer_one(quotes_of):
    text = (
        "« Ils ont parlé d'une “ opération spéciale ” qui durera des mois », a raconté le témoin."
    )
    document = quotes_of(text)
    (q,) = document.quotes
    assert q.text.startswith("Ils ont parlé") and q.text.endswith("des mois")
    assert q.speaker.name == "témoin"


def test_claims_quote_speaker_from_previous_sentence(quotes_of):
    text = (
        "La présidente du syndicat a dénoncé la réforme : « Elle détruit des emplois. »\n\n"
        "« Nous manifesterons jusqu'à son retrait complet. »"
    )
    document = quotes_of(text)
    last = document.quotes[-1]
    assert last.text.startswith("Nous manifesterons")
    assert last.speaker is not None and last.speaker.name == "présidente"


def test_claims_quote_open_at_paragraph_end_closes_there(quotes_of):
    text = (
        "« Le premier paragraphe de la citation continue ici\n\n"
        "« Et le second paragraphe se termine enfin. »"
    )
    document = quotes_of(text)
    assert len(document.quotes) == 2


def test_claims_statement_without_author_takes_the_last_author(document, monkeypatch):
    """ "ajoute le communiqué" is by the author of "le communiqué du Kremlin"."""

    def fake_actor(doc, token):
        if token.lemma_ == "communiqué":
            return None
        return Actor(id=token.text, name=token.text, start=0, end=0)

    monkeypatch.setattr(claims, "actor_of", fake_actor)
    text = (
        "Le communiqué du Kremlin revient sur un point : « Les livraisons d'armes "
        "aggravent la crise. »\n\n"
        "« Les civils doivent être évacués au plus vite », ajoute le communiqué."
    )
    document = claims.find_claims(document(text))
    assert [q.speaker.name for q in document.quotes] == ["Kremlin", "Kremlin"]


def test_claims_pronoun_speaker_falls_back_to_last_speaker(document, monkeypatch):
    def fake_actor(doc, token):
        if token.pos_ == "PRON":
            return None
        return Actor(id=token.text, name=token.text, start=0, end=0)

    monkeypatch.setattr(claims, "actor_of", fake_actor)
    text = (
        "« Nous tiendrons nos positions jusqu'au bout », a déclaré le général.\n\n"
        "« Les renforts arrivent dans la soirée », a-t-il ajouté."
    )
    document = claims.find_claims(document(text))
    assert [q.speaker.name for q in document.quotes] == ["général", "général"]


def test_claims_unattributed_wording_is_not_a_quote(quotes_of):
    text = (
        "Le militant a été condamné pour « entrave à la circulation des trains de marchandises »."
    )
    assert quotes_of(text).quotes == []


def test_claims_two_quotes_around_an_incise(quotes_of):
    text = (
        "« Le pays ne cédera aucun territoire », a-t-il martelé, avant d'ajouter : "
        "« Nous tiendrons jusqu'au bout. »"
    )
    document = quotes_of(text)
    assert [q.speaker.name for q in document.quotes] == ["-il", "-il"]


def test_claims_quote_opened_mid_sentence_splits_per_sentence(quotes_of):
    text = (
        "Le ministère a déclaré que les mesures « visent les dirigeants du groupe armé. "
        "Leurs avoirs à l'étranger sont également gelés. »"
    )
    document = quotes_of(text)
    assert [q.text for q in document.quotes] == [
        "visent les dirigeants du groupe armé.",
        "Leurs avoirs à l'étranger sont également gelés.",
    ]
    assert {q.speaker.name for q in document.quotes} == {"ministère"}
