"""Machine-translation and content-farm signals on French texts written for the test."""

from __future__ import annotations

import pytest

from selon.model import Quality, Record
from selon.quality import evaluate_labels, format_labels

CLEAN = (
    "Le gouvernement a présenté mercredi un projet de loi sur l'énergie.\n\n"
    "Le texte prévoit une hausse des investissements dans les réseaux électriques et "
    "une simplification des procédures pour les parcs éoliens. La ministre a défendu "
    "une réforme nécessaire, tandis que plusieurs syndicats ont exprimé leurs doutes "
    "sur le financement. Le Parlement doit examiner le projet au printemps, après "
    "l'avis du Conseil d'État, et les premiers débats s'annoncent animés."
)


def names(record, prefix: str) -> set[str]:
    return {s.name.split(".", 1)[1] for s in record.quality.signals if s.name.startswith(prefix)}


def test_quality_clean_article_scores_low(code):
    record = code(CLEAN)
    assert record.quality.machine_translation < 0.3
    assert record.quality.content_farm < 0.3
    assert record.quality.fingerprint and len(record.quality.fingerprint) > 0


@pytest.mark.parametrize(
    "sentence,signal",
    [
        ("Le porte-parole a publié hier soir un récent menace contre les voisins.", "agreement"),
        ("Le président russe et le français Dupont Laurent Martin se sont parlé.",
         "demonym_title"),
        ("Le ministre a parlé avec the journalists and the diplomats de la crise.",
         "foreign_words"),
        ("Le ministre a déclaré au téléphone Les propositions de la délégation.",
         "midsentence_capital"),
        ("Le sommet prendra place à Bruxelles et cela fait du sens pour tous.", "calques"),
        ("Les forces de l' »Union nationale » ont quitté la ville hier.", "typography"),
        ("L'armée a déployé 100,000 soldats et reçu une aide de $5 millions.", "number_format"),
    ],
)
def test_quality_translation_signal(code, sentence, signal):
    record = code(CLEAN + "\n\n" + sentence)
    found = [s for s in record.quality.signals if s.name == f"machine_translation.{signal}"]
    assert found, record.quality.signals
    for ev in found[0].evidence:  # evidence points into the original text
        assert record.text[ev.start : ev.end] == ev.text


def test_quality_plural_family_name(code):
    text = CLEAN + (
        "\n\nLa famille de Paul Durand a salué sa libération. Les Durands ont remercié "
        "le gouvernement pour son action."
    )
    assert "plural_names" in names(code(text), "machine_translation")


@pytest.mark.parametrize(
    "sentence",
    [
        "L'avionneur a livré trois appareils, dont deux pour l'américain Boeing et son client.",
        "Le Premier ministre a reçu mardi les syndicats à Matignon pour une longue réunion.",
        "Le journal britannique The Guardian a publié une longue enquête sur le sujet.",
        "Nous nous sommes rendus sur place, a raconté le maire devant les habitants.",
        "Le budget atteint 1,5 milliard d'euros, soit 100 000 euros par commune et 3,25 %.",
    ],
)
def test_quality_good_french_has_no_translation_signal(code, sentence):
    assert not names(code(CLEAN + "\n\n" + sentence), "machine_translation")


def test_quality_glued_sentence_across_line_break(code):
    text = CLEAN + "\n\nLes négociations ont repris avec les représentants et\net les experts hier."
    record = code(text)
    sig = [s for s in record.quality.signals if s.name == "machine_translation.glued_sentences"]
    assert sig and any("\n" in e.text for e in sig[0].evidence)


def test_quality_generated_bio_and_comment_form(code):
    text = (
        CLEAN
        + "\n\nJeanne Petit\n\n"
        + "Geek des séries. Fan de café. Spécialiste du web. Ninja des réseaux sociaux.\n\n"
        + "Laisser un commentaire"
    )
    record = code(text)
    assert {"author_bio", "comment_form"} <= names(record, "content_farm")
    assert record.quality.content_farm >= 0.5
    bio = next(s for s in record.quality.signals if s.name == "content_farm.author_bio")
    assert "Ninja" in bio.evidence[0].text


def test_quality_bio_on_a_line_inside_a_paragraph(code):
    text = CLEAN + "\nAmateur de jazz. Expert en cuisine. Passionné de voyages. Fan de rugby."
    assert "author_bio" in names(code(text), "content_farm")


def test_quality_scraper_residue_repeated_line_emoji(code):
    title = "La Banque centrale relève ses taux pour la troisième fois"
    text = f"{title}\n{title}\n\n" + CLEAN + "\n\n🔴 Les marchés ont réagi.\n\nxyz-fr-12"
    found = names(code(text), "content_farm")
    assert {"repeated_paragraph", "scraper_residue", "emoji"} <= found


def test_quality_short_undated_article(code):
    record = code("Le ministre a démissionné hier soir après une longue crise.", published=None)
    assert {"short_article", "no_date"} <= names(record, "content_farm")


def test_quality_clickbait_title(code):
    record = code("Vous ne croirez jamais ce que le ministre a dit !!\n\n" + CLEAN)
    assert "clickbait_title" in names(record, "content_farm")


def test_quality_evaluate_labels_counts():
    recs = [
        {"id": "a", "labels": {"content_farm": True, "machine_translated": False},
         "quality": {"content_farm": 0.9, "machine_translation": 0.1}},
        {"id": "b", "labels": {"content_farm": False, "machine_translated": True},
         "quality": {"content_farm": 0.6, "machine_translation": 0.2}},
        {"id": "c", "labels": None, "quality": {"content_farm": 0.9}},
    ]
    out = evaluate_labels(recs, threshold=0.5)
    assert out["content_farm"]["tp"] == 1 and out["content_farm"]["fp"] == 1
    assert out["content_farm"]["precision"] == 0.5 and out["content_farm"]["recall"] == 1.0
    assert out["machine_translated"]["fn"] == 1 and out["machine_translated"]["missed"] == ["b"]


def test_quality_hard_wrapped_text_is_not_glued(code):
    wrapped = (
        "Le gouvernement a présenté mercredi un projet de loi sur\n"
        "l'énergie qui prévoit une hausse des investissements dans\n"
        "les réseaux électriques et une simplification des procédures\n"
        "pour les parcs éoliens, a indiqué la ministre devant la presse."
    )
    assert "glued_sentences" not in names(code(CLEAN + "\n\n" + wrapped), "machine_translation")


@pytest.mark.parametrize(
    "text",
    [
        "The government announced on Tuesday a new plan to cut taxes for the middle class, "
        "the minister said in a statement to the press on Tuesday evening.",
        "Laisser un commentaire",
        "🟠 🟠 🟠",
    ],
)
def test_quality_odd_input_never_fails(code, text):
    record = code(text)
    assert not [e for e in record.errors if e.stage == "quality"]
    assert 0.0 <= record.quality.machine_translation <= 1.0
    assert 0.0 <= record.quality.content_farm <= 1.0
    assert not names(record, "machine_translation") or record.quality.language == "fr"


def test_quality_evaluate_labels_on_records_and_format():
    recs = [
        Record(id="x", text="", labels={"machine_translated": True, "content_farm": False},
               quality=Quality(machine_translation=0.7, content_farm=0.0)),
        Record(id="y", text="", labels={"machine_translated": False, "content_farm": False},
               quality=Quality(machine_translation=0.2)),
    ]
    out = evaluate_labels(recs)
    assert out["machine_translated"]["tp"] == 1 and out["machine_translated"]["precision"] == 1.0
    assert out["content_farm"]["n"] == 2 and out["content_farm"]["positives"] == 0
    table = format_labels(out)
    assert "machine_translated" in table and "content_farm" in table
