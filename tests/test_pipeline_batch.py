"""The pipeline over many articles: one nlp.pipe for all paragraphs, order kept, errors isolated."""

from __future__ import annotations

import pytest

from selon.ingest import article_from_text, error_article
from selon.parse import parse_many
from selon.pipeline import STAGES, extract_many, prepare

ARTICLES = [
    "Le Tchad ferme sa frontière\n\nN’Djamena a fermé mardi sa frontière avec le Soudan.",
    "Le Kenya envoie des policiers en Haïti, a annoncé Nairobi.",
    "Washington et Pékin reprennent le dialogue militaire\n\nLes deux armées se parleront "
    "de nouveau, selon le Pentagone.\n\nLa Chine n’a pas commenté.",
]
ENGLISH = (
    "The foreign ministers of both countries met on Monday in Geneva to discuss a ceasefire. "
    "Officials said the talks were constructive but no agreement was reached."
)
SPANISH = (
    "Los ministros de Asuntos Exteriores de ambos países se reunieron el lunes en Ginebra "
    "para hablar de un alto el fuego, según fuentes diplomáticas."
)


class CountingNlp:
    """Forwards to the real pipeline and counts the calls of ``pipe``."""

    def __init__(self, nlp):
        self.nlp, self.calls = nlp, 0

    def pipe(self, *args, **kwargs):
        self.calls += 1
        return self.nlp.pipe(*args, **kwargs)


def articles(texts):
    return [article_from_text(t, published="2024-03-15") for t in texts]


def test_pipeline_batch_one_pipe_for_all_articles(nlp):
    counting = CountingNlp(nlp)
    documents = list(parse_many((prepare(a) for a in articles(ARTICLES)), counting))
    assert counting.calls == 1
    assert [d.text for d in documents] == ARTICLES
    assert [len(d.paragraphs) for d in documents] == [2, 1, 3]
    assert [len(list(d.doc.sents)) for d in documents] == [2, 1, 3]


def test_pipeline_batch_errors_do_not_stop_or_reorder_the_batch(nlp):
    batch = [
        *articles(ARTICLES[:1]),
        error_article("cassé.txt", "input is empty"),
        *articles([ENGLISH, ARTICLES[1], SPANISH, "Laisser un commentaire", ARTICLES[2]]),
    ]
    records = list(extract_many(batch, nlp=nlp))
    assert [r.id for r in records] == [a.id for a in batch]
    ok = [not r.errors for r in records]
    assert ok == [True, False, False, True, False, True, True]
    assert "cassé.txt" in records[1].errors[0].message
    for rec, lang in ((records[2], "en"), (records[4], "es")):
        assert rec.errors[0].stage == "parse"
        assert "not in French" in rec.errors[0].message and repr(lang) in rec.errors[0].message
        assert rec.quality.language == lang and rec.sentences == []
    # an article that is all boilerplate is not an error: it has nothing to code
    assert records[5].dropped and records[5].sentences == []
    assert all(r.sentences for i, r in enumerate(records) if ok[i] and i != 5)


def test_pipeline_batch_a_failing_stage_is_recorded_not_raised(nlp, monkeypatch):
    def broken(document):
        raise RuntimeError("boom")

    monkeypatch.setattr("selon.pipeline.STAGES", [("broken", broken), *STAGES])
    (record,) = extract_many(articles(ARTICLES[1:2]), nlp=nlp)
    assert [(e.stage, e.message) for e in record.errors] == [("broken", "RuntimeError: boom")]
    assert record.sentences


def test_pipeline_batch_short_french_text_is_not_refused(nlp):
    (record,) = extract_many(articles(["Kiev, Moscou et Washington"]), nlp=nlp)
    assert not record.errors and record.sentences


@pytest.mark.slow
def test_pipeline_batch_two_processes_keep_order(nlp):
    batch = articles(ARTICLES)
    one = [r.model_dump() for r in extract_many(batch, nlp=nlp)]
    two = [r.model_dump() for r in extract_many(articles(ARTICLES), nlp=nlp, n_process=2,
                                                batch_size=2)]
    assert [r["text"] for r in two] == ARTICLES
    assert [r["sentences"] for r in two] == [r["sentences"] for r in one]
    assert [r["entities"] for r in two] == [r["entities"] for r in one]


def test_pipeline_batch_overlong_article_is_an_error_not_a_stall(nlp):
    from selon.settings import get_settings

    limit = get_settings()["parse"]["max_chars"]
    sentence = "Le ministre a reçu son homologue à Paris pour évoquer la crise. "
    huge = sentence * (limit // len(sentence) + 10)  # one paragraph, over the limit
    records = list(extract_many(articles([ARTICLES[1], huge, ARTICLES[0]]), nlp=nlp))
    assert [bool(r.errors) for r in records] == [False, True, False]
    assert "too long to parse" in records[1].errors[0].message
    assert records[1].sentences == [] and records[2].sentences


def test_pipeline_batch_bad_language_setting_is_a_per_article_error(nlp):
    from selon.settings import use_settings

    use_settings({"parse": {"languages": ["FRENCH", "KLINGON"]}})
    try:
        records = list(extract_many(articles(ARTICLES[:2]), nlp=nlp))
    finally:
        use_settings({})
    assert all("KLINGON" in r.errors[0].message for r in records)
    (record,) = extract_many(articles(ARTICLES[:1]), nlp=nlp)
    assert not record.errors
