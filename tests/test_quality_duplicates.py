"""Near-duplicate fingerprints and story clustering, on wire stories written for the test."""

from __future__ import annotations

import pytest

from selon.quality.duplicates import cluster, fingerprint, similarity
from selon.settings import get_settings

WIRE = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue à Genève pour "
    "discuter d'un cessez-le-feu durable dans la région. Les deux responsables ont "
    "convenu de se revoir dans deux semaines afin de préparer une conférence de paix. "
    "Selon un diplomate présent, les discussions ont été franches mais constructives, "
    "et plusieurs points de désaccord subsistent sur le calendrier du retrait des troupes. "
    "Le gouvernement a salué une avancée importante tandis que l'opposition a dénoncé "
    "un accord négocié en secret et sans consultation du Parlement."
)
# the same wire story as two outlets run it: a new opening, one sentence cut, one added
OUTLET_A = "GENÈVE – " + WIRE.replace("franches mais constructives", "franches et constructives")
OUTLET_B = (
    WIRE.rsplit(" Le gouvernement", 1)[0]
    + " Aucune date n'a encore été fixée pour la signature d'un texte commun."
)
OTHER = (
    "La récolte de blé a fortement reculé cette année en raison de la sécheresse qui a "
    "frappé le sud du pays pendant tout le printemps. Les agriculteurs réclament des aides "
    "d'urgence et une révision des contrats d'assurance, jugés trop peu protecteurs face "
    "aux aléas climatiques de plus en plus fréquents."
)


def test_quality_fingerprint_shape_and_determinism():
    fp = fingerprint(WIRE)
    assert len(fp) == get_settings()["quality"]["minhash"]["num_perm"]
    assert all(isinstance(v, int) for v in fp)
    assert fp == fingerprint(WIRE)


@pytest.mark.parametrize("text", ["", "   ", "Bref.", "Un deux"])
def test_quality_fingerprint_short_or_empty_text(text):
    assert len(fingerprint(text)) == get_settings()["quality"]["minhash"]["num_perm"]


def test_quality_fingerprint_near_duplicates_are_similar():
    assert similarity(fingerprint(OUTLET_A), fingerprint(WIRE)) > 0.6
    assert similarity(fingerprint(OUTLET_B), fingerprint(WIRE)) > 0.5
    assert similarity(fingerprint(OTHER), fingerprint(WIRE)) < 0.2


def test_quality_cluster_groups_wire_story_and_picks_first_source():
    items = [
        ("a", fingerprint(OUTLET_A), "2024-03-16"),
        ("wire", fingerprint(WIRE), "2024-03-15"),
        ("b", fingerprint(OUTLET_B), None),
        ("other", fingerprint(OTHER), "2024-03-14"),
    ]
    stories = cluster(items)
    assert stories == {"a": "wire", "wire": "wire", "b": "wire", "other": "other"}


def test_quality_cluster_ties_broken_by_id_and_bad_fingerprints_alone():
    fp = fingerprint(WIRE)
    stories = cluster([("z", fp, "2024-01-01"), ("y", fp, "2024-01-01"), ("x", [], None),
                       ("w", None, "2023-01-01")])  # type: ignore[list-item]
    assert stories == {"z": "y", "y": "y", "x": "x", "w": "w"}


def test_quality_cluster_empty():
    assert cluster([]) == {}
