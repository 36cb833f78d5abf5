"""Event locations: place names in the event's clause, resolved to a country."""

from __future__ import annotations

import pytest

from selon.events.locations import find_location, gazetteer, key, lookup


def _trigger(document, word: str):
    return next(t for t in document.doc if t.text == word)


@pytest.mark.parametrize(
    "text,trigger,expected_text,expected_country",
    [
        ("Des jihadistes ont attaqué un camp militaire près de Gao.", "attaqué", "Gao", "MLI"),
        ("Les manifestants se sont rassemblés à Dakar samedi.", "rassemblés", "Dakar", "SEN"),
        ("L'armée a mené des frappes au nord du Mali.", "mené", "Mali", "MLI"),
        ("Le président s'est rendu aux États-Unis pour une visite.", "rendu",
         "États-Unis", "USA"),
        ("Les combats ont repris en Ukraine depuis le printemps.", "repris", "Ukraine", "UKR"),
        ("Un attentat a fait dix morts dans la ville de Ménaka.", "attentat", "Ménaka", "MLI"),
        ("Les pourparlers se tiendront à Genève la semaine prochaine.", "tiendront",
         "Genève", "CHE"),
        ("Des soldats ont été déployés au Burkina Faso.", "déployés", "Burkina Faso", "BFA"),
        ("Une frappe a touché un immeuble à Kharkiv, en Ukraine.", "frappe", "Kharkiv", "UKR"),
        ("Des obus sont tombés dans la bande de Gaza.", "tombés", "bande de Gaza", "PSE"),
        ("La police a dispersé les manifestants à Abidjan.", "dispersé", "Abidjan", "CIV"),
        # "de Goma" is not locative; the province introduced by "dans" is the place
        ("Les rebelles ont pris le contrôle de Goma, dans le Nord-Kivu.", "pris",
         "Nord-Kivu", "COD"),
        ("Les deux présidents se sont entretenus au Kremlin.", "entretenus", "Kremlin", "RUS"),
        ("Des attaques ont visé des positions à Tessalit et Kidal.", "visé", "Tessalit", "MLI"),
        ("Un navire a été arraisonné en mer Rouge.", "arraisonné", "mer Rouge", None),
        ("Des combats ont eu lieu à Koumbala, dans le nord de la Centrafrique.", "eu",
         "Koumbala", "CAF"),
        # the place attached to the trigger beats a nearer one hanging from another noun
        ("Les ministres ont adopté des sanctions contre la guerre en Ukraine, hier à Bruxelles.",
         "adopté", "Bruxelles", "BEL"),
        ("Des échanges de tirs ont eu lieu à la frontière entre le Mali et le Niger.", "eu",
         "Mali", "MLI"),
    ],
)
def test_events_locations_found(document, text, trigger, expected_text, expected_country):
    doc = document(text)
    loc = find_location(doc, next(doc.doc.sents), _trigger(doc, trigger))
    assert loc is not None
    assert loc.text == expected_text
    assert doc.text[loc.start : loc.end] == loc.text
    assert loc.country == expected_country


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("La Russie a attaqué l'Ukraine.", "attaqué"),  # acting countries are actors
        ("Moscou a dénoncé les nouvelles sanctions.", "dénoncé"),
        ("Le gouvernement a condamné l'attaque.", "condamné"),
        ("Washington a livré des missiles à l'Ukraine.", "livré"),  # a recipient
        ("L'Union européenne a interdit les exportations vers la Russie.", "interdit"),
        # a country inside a media name is not a place
        ("Une centaine de militants ont été interpellés, selon un reportage de France "
         "Télévisions.", "interpellés"),
    ],
)
def test_events_locations_actors_are_not_places(document, text, trigger):
    doc = document(text)
    assert find_location(doc, next(doc.doc.sents), _trigger(doc, trigger)) is None


def test_events_locations_dateline(document):
    doc = document("BAMAKO (AFP) — L'armée a annoncé avoir tué dix assaillants.")
    loc = find_location(doc, next(doc.doc.sents), _trigger(doc, "tué"))
    assert loc is not None and loc.text == "BAMAKO" and loc.country == "MLI"


def test_events_locations_offsets_survive_typographic_apostrophes(document):
    text = "Titre\n\nL’armée a bombardé des positions près d’Alep."
    doc = document(text)
    sent = list(doc.doc.sents)[-1]
    loc = find_location(doc, sent, _trigger(doc, "bombardé"))
    assert loc is not None and loc.country == "SYR"
    assert text[loc.start : loc.end] == "Alep"


@pytest.mark.parametrize(
    "name,country",
    [("Russie", "RUS"), ("russie", "RUS"), ("Cote d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"),
     ("la Centrafrique", "CAF"), ("RDC", "COD"), ("Kyiv", "UKR"), ("Tombouctou", "MLI"),
     ("ETATS-UNIS", "USA"), ("l'Ukraine", "UKR")],
)
def test_events_locations_lookup(name, country):
    place = lookup(name)
    assert place is not None and place.country == country


def test_events_locations_gazetteer_columns():
    places = gazetteer().places
    assert len(places) > 500
    kinds = {p.kind for p in places.values()}
    assert {"country", "city", "region"} <= kinds
    assert all(p.country is None or len(p.country) == 3 for p in places.values())
    assert key("Côte d’Ivoire") == "cote d'ivoire"


def test_events_locations_words_file_loads():
    from selon.events.locations import words

    w = words()
    assert "a" in w.prepositions and "pres de" in w.prepositions
    assert w.max_prep_tokens >= 2
    assert "nsubj" in w.actor_deps and "ville" in w.place_nouns
