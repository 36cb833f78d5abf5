"""Event arguments: who acts on whom, read from the parse.

The actor resolver is replaced by a stand-in that makes every proper noun
an actor (id = its lower-cased text), so these tests pin the coder's frames
(subject, object, "avec/contre", passive "par", "entre X et Y", coordination)
and not the actor dictionary.
"""

from __future__ import annotations

import pytest

from selon.events import coder
from selon.model import Actor


def _fake_actor_of(document, token):
    if token.pos_ != "PROPN" and not token.text[:1].isupper():
        return None
    if token.dep_ == "flat:name":
        token = token.head
    return Actor(id=token.text.lower(), name=token.text, start=token.idx, end=token.idx + 1)


@pytest.fixture()
def events_of(document, monkeypatch):
    monkeypatch.setattr(coder, "_actor", _fake_actor_of)

    def run(text: str):
        doc = coder.code_document(document(text))
        return [(e.type, e.source and e.source.id, e.target and e.target.id) for e in doc.events]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject -> source, object -> target
        ("Ankara a accusé Athènes de provocations.", ("ACCUSE", "ankara", "athènes")),
        # oblique "avec"
        ("Tebboune s'est entretenu avec Saïed à Alger.", ("CONSULT", "tebboune", "saïed")),
        # passive: "par" -> source, subject -> target
        ("Bamako a été bombardée par Niamey.", ("ASSAULT", "niamey", "bamako")),
        # nominal event with "contre"
        ("L'offensive de Moscou contre Kharkiv a repris.", ("ASSAULT", "moscou", "kharkiv")),
    ],
)
def test_events_coder_arguments_frames(events_of, text, expected):
    assert expected in events_of(text)


def test_events_coder_arguments_coordinated_targets(events_of):
    found = events_of("Ottawa a sanctionné Minsk et Téhéran mardi.")
    assert ("SANCTION", "ottawa", "minsk") in found
    assert ("SANCTION", "ottawa", "téhéran") in found


def test_events_coder_arguments_symmetric_subjects_give_one_pair(events_of):
    found = events_of("Lula et Milei se sont mis d'accord sur une trêve.")
    found = [e for e in found if e[0] == "AGREE"]
    assert len(found) == 1
    assert {found[0][1], found[0][2]} == {"lula", "milei"}


def test_events_coder_arguments_one_event_per_dyad(events_of):
    found = events_of("Les attaques et les bombardements ont repris dans la nuit.")
    assert [e for e in found if e[0] == "ASSAULT"] == [("ASSAULT", None, None)]


def test_events_coder_arguments_place_adjunct_is_no_target(events_of):
    found = events_of("Tebboune a reçu Saïed à Alger.")
    assert ("CONSULT", "tebboune", "saïed") in found
    assert not any(e[2] == "alger" for e in found)


def test_events_coder_arguments_passive_victims_join_the_attack(events_of):
    found = events_of("Trois soldats ont été tués lors d'une embuscade tendue par Ansaroul.")
    assert [e for e in found if e[0] == "ASSAULT"] == [("ASSAULT", "ansaroul", None)]


def test_events_coder_arguments_both_sides_from_context(events_of):
    found = events_of(
        "Lula a téléphoné à Milei dimanche. Les deux dirigeants ont convenu de se revoir."
    )
    assert ("CONSULT", "lula", "milei") in found
    assert ("AGREE", "lula", "milei") in found


def test_events_coder_arguments_target_inside_a_phrase(events_of):
    found = events_of("Ottawa a imposé mardi de nouvelles sanctions contre Caracas.")
    assert ("SANCTION", "ottawa", "caracas") in found
