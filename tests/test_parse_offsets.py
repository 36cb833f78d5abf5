"""Every offset in a record points into the original text, whatever was normalised."""

from __future__ import annotations

import pytest

from selon.parse import normalise

TEXTS = [
    # typographic apostrophes, no-break spaces inside « » and before :, several paragraphs
    "D’après l’état-major, la présidente s’entretiendra avec Olaf Scholz « avant "
    "ce soir ».\n\nLe Kremlin a confirmé l’information\u00a0: Vladimir Poutine "
    "recevra Olaf Scholz à Moscou.",
    # a line break inside a paragraph, narrow no-break spaces, a heading
    "Un non clair de l’OTAN\n\nSelon Jens Stoltenberg, l’OTAN rejette les demandes\nde la "
    "Russie\u202f; l’Alliance « ne négociera pas » avec Moscou.\n\nLes Européens, dont "
    "l’Allemagne et la France, ont salué cette position.",
    # leading spaces, blank lines with spaces, CRLF, boilerplate in the middle
    "   Le Mali expulse l’ambassadeur de France\r\n\r\nLes autorités maliennes ont donné "
    "72 heures à l’ambassadeur Joël Meyer pour quitter Bamako.\r\n \r\nPartager sur "
    "Facebook\r\n\r\nParis a dénoncé une décision « injustifiée », selon le Quai d’Orsay.",
    # quotes with straight and curly marks, tabs
    "« C’est inacceptable », a dit\tle ministre. “Nous répondrons”, a ajouté "
    "Antony Blinken à Washington.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_offsets_sentences_map_back_to_original_text(document, text):
    doc = document(text)
    assert doc.doc is not None
    for sent in doc.doc.sents:
        start, end = doc.span_offsets(sent)
        assert normalise(doc.text[start:end]) == sent.text
    for token in doc.doc:
        start, end = doc.span_offsets(token)
        assert normalise(doc.text[start:end]) == token.text


@pytest.mark.parametrize("text", TEXTS)
def test_parse_offsets_record_entities_and_sentences(code, text):
    record = code(text)
    assert record.text == text
    assert record.entities, "expected named entities in the test text"
    for ent in record.entities:
        assert record.text[ent.start : ent.end] == ent.text
        assert ent.text == ent.text.strip()
    previous_end = 0
    for sent in record.sentences:
        chunk = record.text[sent.start : sent.end]
        assert chunk and chunk == chunk.strip()
        assert sent.start >= previous_end  # in order, never overlapping
        previous_end = sent.end
    for dropped in record.dropped:
        assert not any(s.start < dropped.end and dropped.start < s.end for s in record.sentences)


def test_parse_offsets_typographic_apostrophe_entity(code):
    text = "L’armée malienne a accusé l’Algérie d’ingérence, selon l’agence Reuters."
    record = code(text)
    assert "Algérie" in {e.text for e in record.entities} or any(
        "Algérie" in e.text for e in record.entities
    )


def test_parse_normalise_is_one_to_one():
    text = "l’accord\u00a0: « oui »\u202f!\nFin\t’"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == "l'accord : « oui » ! Fin '"


def test_parse_normalised_apostrophes_give_proper_lemmas(document, nlp):
    """Why we normalise: with ’ the model leaves elided articles unlemmatised."""
    text = "L’armée a annoncé qu’elle se serait mise d’accord avec l’ONU."
    raw = {t.text: t.lemma_ for t in nlp(text)}
    assert raw["qu’"] == "qu’"  # the model as shipped: no lemma for the curly form
    doc = document(text)
    lemmas = {t.text: t.lemma_ for t in doc.doc}
    assert lemmas["qu'"] == "que" and lemmas["d'"] == "de" and lemmas["L'"] == "le"
    # and the record still shows the original characters
    token = next(t for t in doc.doc if t.text == "qu'")
    start, end = doc.span_offsets(token)
    assert doc.text[start:end] == "qu’"
