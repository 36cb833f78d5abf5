"""Quote speakers read from the sentence's structure and its neighbours (issue #5).

Sentences written for these tests."""

from __future__ import annotations

import pytest


def speaker_of(record, start_words: str):
    quote = next(q for q in record.quotes if q.text.startswith(start_words))
    s = quote.speaker
    return None if s is None else (s.name, s.country, s.kind)


@pytest.mark.parametrize(
    "text,words,country,kind",
    [
        # the sentence-final incise names who reports the words
        ("Le chef de l'État turc a répété à son homologue « sa volonté de reprendre les "
         "discussions avec Athènes », a précisé l'Élysée.", "sa volonté", "FRA", "GOV"),
        # but a news agency only relays the words of the one it reports
        ("Le Kremlin estime que « les conditions d'une escalade militaire sont réunies », "
         "rapporte l'AFP.", "les conditions", "RUS", "GOV"),
    ],
)
def test_claims_speakers_incise_over_inner_reporter(code, text, words, country, kind):
    _, c, k = speaker_of(code(text), words)
    assert (c, k) == (country, kind)


def test_claims_speakers_statement_issued_by_the_next_speaker(code):
    r = code(
        "Les deux présidents « ont évoqué la sécurité des frontières dans la région », "
        "indique le communiqué. Le Kremlin estime également que le dialogue doit continuer."
    )
    _, country, kind = speaker_of(r, "ont évoqué")
    assert (country, kind) == ("RUS", "GOV")


def test_claims_speakers_title_in_apposition_is_the_person(code):
    r = code(
        "Moussa Faki Mahamat, le président de l'Union africaine, a condamné le coup d'État. "
        "Le président de l'Union africaine a réclamé « la libération immédiate de tous les "
        "détenus politiques ».",
        published="2024-03-15",
    )
    assert speaker_of(r, "la libération")[0] == "Moussa Faki Mahamat"


def test_claims_speakers_family_of_a_named_person(code):
    r = code(
        "Paul Whelan, un Américain détenu en Russie, a été libéré jeudi. « Nous sommes enfin "
        "soulagés après cinq longues années », a confié la famille de M. Whelan."
    )
    assert speaker_of(r, "Nous sommes enfin")[1:] == ("USA", "CVL")


def test_claims_speakers_first_name_after_an_incise(code):
    r = code(
        "Des milliers de manifestants ont défilé à Tbilissi. « Nous refusons de devenir une "
        "colonie », lance Tamar, une étudiante de vingt ans."
    )
    assert speaker_of(r, "Nous refusons") == ("Tamar", "GEO", "CVL")


@pytest.mark.parametrize(
    "text,words,speaker",
    [
        ("Le parti au pouvoir, Rêve national, assure en Géorgie que la loi vise « la "
         "transparence des financements étrangers ».", "la transparence", ("GEO", "CVL")),
        ("Le chef de la diplomatie de l'UE a dénoncé « un très mauvais signal pour le pays ».",
         "un très mauvais", (None, "IGO")),
    ],
)
def test_claims_speakers_ruling_party_and_eu_diplomacy(code, text, words, speaker):
    assert speaker_of(code(text, published="2024-05-01"), words)[1:] == speaker


def test_claims_speakers_name_the_tagger_reads_as_adjective(code):
    r = code(
        "Au Soudan, « il n'y a plus d'eau, plus de nourriture », témoigne Ahmed, un père de "
        "famille réfugié à Port-Soudan."
    )
    assert speaker_of(r, "il n'y a plus")[0] == "Ahmed"


@pytest.mark.parametrize(
    "text,words,name",
    [
        ("Selon Save the Children, « des milliers d'enfants sont en danger dans la région ».",
         "des milliers", "Save the Children"),
        ("« La situation humanitaire est critique dans le sud », a indiqué l'agence Anadolu.",
         "La situation", "Anadolu"),
    ],
)
def test_claims_speakers_foreign_names_and_agencies(code, text, words, name):
    assert speaker_of(code(text), words)[0] == name


def test_claims_speakers_inverted_clitics_follow_the_speaker(code):
    r = code(
        "Le ministre tchadien des Affaires étrangères, Moussa Kalla, a été ferme. « Le Tchad ne "
        "se laissera pas dicter sa conduite », a-t-il martelé. « Nous choisirons seuls nos "
        "partenaires », a-t-il poursuivi."
    )
    assert speaker_of(r, "Le Tchad")[0] == "Moussa Kalla"
    assert speaker_of(r, "Nous choisirons")[0] == "Moussa Kalla"


def test_claims_speakers_subject_noun_tagged_as_verb(code):
    r = code(
        "L'opposant Amadou Sy, en exil, dénonce de son côté « une dérive autoritaire sans "
        "précédent »."
    )
    assert speaker_of(r, "une dérive")[0] == "Amadou Sy"
