"""Parse stage: language check and one spaCy ``Doc`` per article.

Why paragraph by paragraph: the French models split sentences across blank
lines and headings badly when given a whole article, and a heading glued to the
next paragraph becomes the subject of its first verb. Why normalise apostrophes
and spaces first: ``d’accord`` with a typographic apostrophe is tokenised and
lemmatised worse than ``d'accord``. Every normalisation maps one character to
one character, so the only character map needed is each paragraph's start
(kept in :class:`selon.model.Document`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from selon.model import Document, Error
from selon.settings import get_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: one-to-one replacements applied before parsing (same length in and out)
NORMALISE = str.maketrans(
    {
        "\u2019": "'",  # ’ typographic apostrophe
        "\u2018": "'",  # ‘
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u00a0": " ",  # no-break space (before : ; ! ? and inside « »)
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\n": " ",  # a line break inside a paragraph is a space
        "\t": " ",
        "\r": " ",
    }
)


def normalise(text: str) -> str:
    """Return ``text`` with typographic apostrophes and odd spaces made plain."""
    out = text.translate(NORMALISE)
    assert len(out) == len(text)
    return out


#: a sentence ends at a separate token of these, optionally followed by closers
TERMINAL = frozenset(".!?…")
#: quote marks that always open or always close; a straight " opens after a space
OPEN_QUOTES = frozenset({"«", "“"})
CLOSE_QUOTES = frozenset({"»", "”"})
STRAIGHT_QUOTE = '"'
#: other tokens that may follow a sentence's final punctuation
CLOSERS = frozenset({")", "]", "'"})
#: tokens (besides opening quotes) that may start a sentence after terminal punctuation
OPENERS = frozenset({"-", "—", "–", "(", "["})


def quote_roles(doc: Doc) -> list[int]:
    """+1 for an opening quote mark, -1 for a closing one, 0 for other tokens.

    A straight ``"`` is an opener when a space (or the paragraph start) precedes
    it and a closer when it is glued to the word before: ``"Non", a-t-il dit``.
    """
    roles = []
    for i, tok in enumerate(doc):
        text = tok.text
        if text in OPEN_QUOTES:
            roles.append(1)
        elif text in CLOSE_QUOTES:
            roles.append(-1)
        elif text == STRAIGHT_QUOTE:
            roles.append(1 if i == 0 or doc[i - 1].whitespace_ else -1)
        else:
            roles.append(0)
    return roles


def inside_quotes(roles: list[int]) -> list[bool]:
    """Whether each token sits inside a quotation that is closed in the paragraph.

    An opener with no closer after it (a quote running into the next paragraph,
    a typo) opens nothing, so it cannot swallow the rest of the paragraph.
    """
    last_close = max((i for i, r in enumerate(roles) if r < 0), default=-1)
    depth, inside = 0, []
    for i, role in enumerate(roles):
        inside.append(depth > 0)
        if role > 0 and i < last_close:
            depth += 1
        elif role < 0 and depth:
            depth -= 1
    return inside


def set_sentence_starts(doc: Doc) -> Doc:
    """Preset sentence boundaries before the parser, which then respects them.

    The French models' parser splits "Selon l'état | -major" and "Mi-décembre | ,";
    within one paragraph a sentence starts only after terminal punctuation
    (a token of its own, so abbreviations such as "M." never end one) followed
    by a capital, a digit or an opening quote or dash, and never inside a
    quotation: « Ça affecte l'économie. Qui va payer ? » réagit-il is one
    sentence, the quote with its speaker (as news annotation counts it).
    """
    roles = quote_roles(doc)
    inside = inside_quotes(roles)
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        if inside[i]:
            tok.is_sent_start = False
            continue
        j = i - 1
        while j > 0 and (roles[j] < 0 or doc[j].text in CLOSERS):
            j -= 1
        prev = doc[j]
        first = tok.text[:1]
        starts = (
            bool(prev.text) and set(prev.text) <= TERMINAL  # ".", "?!", "...", "…"
            and not (j > 0 and len(doc[j - 1].text) == 1 and doc[j - 1].text.isupper())
            and (first.isupper() or first.isdigit() or roles[i] > 0 or tok.text in OPENERS)
        )
        tok.is_sent_start = starts
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load the French pipeline once per process, with the sentence presetter."""
    import spacy
    from spacy.language import Language

    name = model or get_settings()["parse"]["model"]
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # not installed: say which package provides it
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install it from PyPI with "
            f"`pip install {name.replace('_', '-')}==3.8.0`"
        ) from exc
    if "selon_sentences" not in Language.factories:
        Language.component(
            "selon_sentences", assigns=["token.is_sent_start"], func=set_sentence_starts
        )
    nlp.add_pipe("selon_sentences", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@lru_cache(maxsize=4)
def _detector(names: tuple[str, ...]):
    """A lingua detector for these languages, built once (building it is slow)."""
    from lingua import Language as L
    from lingua import LanguageDetectorBuilder

    unknown = [n for n in names if not hasattr(L, n)]
    if unknown:
        raise ValueError(f"unknown language(s) in parse.languages: {', '.join(unknown)}")
    langs = [getattr(L, n) for n in names]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, confidence) for ``text`` among the configured languages."""
    sample = text[: get_settings()["parse"]["language_sample_chars"]]
    if not sample.strip():
        return None, 0.0
    names = tuple(str(n).upper() for n in get_settings()["parse"]["languages"])
    values = _detector(names).compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def check_language(document: Document) -> Document:
    """Record the language; a non-French article gets an error and is not parsed."""
    kept = " ".join(document.text[p.start : p.end] for p in document.paragraphs)
    lang, conf = detect_language(kept)
    document.quality.language = lang
    document.quality.language_confidence = round(conf, 3)
    # a few words ("Kiev, Moscou et Washington") are too few to judge: never refuse them
    enough = len(kept.split()) >= get_settings()["parse"]["language_min_words"]
    if lang is not None and lang != "fr" and enough:
        document.errors.append(
            Error(
                stage="parse",
                message=f"{where(document)}article is not in French (detected {lang!r}, "
                f"confidence {conf:.2f}); selon codes French news only",
            )
        )
    return document


def where(document: Document) -> str:
    """``"input: "`` to start an error message with, so that it names the input."""
    source = document.article.source
    return f"{source}: " if source else ""


def check_length(document: Document) -> Document:
    """Refuse an article too long to parse (spaCy's memory grows with paragraph length).

    No news article comes near ``parse.max_chars``; a text that does is a dump or
    a book, and parsing it would stall the whole batch (or exceed the model's
    ``max_length`` and raise). It gets a per-article error instead.
    """
    limit = get_settings()["parse"]["max_chars"]
    size = sum(p.end - p.start for p in document.paragraphs)
    if size > limit:
        document.errors.append(
            Error(
                stage="parse",
                message=f"{where(document)}article is too long to parse ({size:,} characters "
                f"of text; the limit is {limit:,}, parse.max_chars)",
            )
        )
    return document


def prepare_for_parsing(document: Document) -> Document:
    """The checks before parsing: length, then language (on the kept paragraphs)."""
    check_length(document)
    if not document.errors:
        try:
            check_language(document)
        except Exception as exc:  # a bad parse.languages or a detector failure: this article
            document.errors.append(
                Error(stage="parse", message=f"language check failed ({type(exc).__name__}: {exc})")
            )
    return document


def paragraph_texts(document: Document) -> list[str]:
    """The kept paragraphs, normalised for the parser (same lengths as in ``text``)."""
    return [normalise(document.text[p.start : p.end]) for p in document.paragraphs]


def attach(document: Document, docs: list) -> Document:
    """Join the paragraph Docs into one Doc and record the character map."""
    from spacy.tokens import Doc

    pairs = [(p, d) for p, d in zip(document.paragraphs, docs, strict=True) if len(d)]
    if not pairs:
        return document
    document.paragraphs = [p for p, _ in pairs]
    docs = [d for _, d in pairs]
    starts = [p.start for p in document.paragraphs]
    combined = Doc.from_docs(docs, ensure_whitespace=True)
    doc_starts, offset = [], 0
    for d in docs:
        doc_starts.append(combined[offset].idx - d[0].idx)
        offset += len(d)
    document.doc = combined
    document.doc_starts = doc_starts
    document.text_starts = starts
    return document


def parseable(document: Document) -> bool:
    """Whether the document goes to the parser (no error so far, some kept text)."""
    return not document.errors and bool(document.paragraphs)


def parse(document: Document, nlp: Language | None = None) -> Document:
    """Length and language checks, then parse the kept paragraphs into ``document.doc``."""
    prepare_for_parsing(document)
    if not parseable(document):
        return document
    nlp = nlp or load_nlp()
    pairs = [(t, p) for t, p in zip(paragraph_texts(document), document.paragraphs, strict=True)]
    document.paragraphs = [p for t, p in pairs if t.strip()]
    return attach(document, list(nlp.pipe(t for t, _ in pairs if t.strip())))


def parse_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Document]:
    """Parse many documents with one ``nlp.pipe`` over all their paragraphs.

    Paragraphs of consecutive articles share batches, which is what makes the
    parser fast; ``n_process`` > 1 forks spaCy workers (one model load each).
    """
    nlp = nlp or load_nlp()
    batch_size = batch_size or get_settings()["parse"]["batch_size"]
    pending: dict[int, tuple[Document, int]] = {}

    def items() -> Iterator[tuple[str, int]]:
        for i, document in enumerate(documents):
            prepare_for_parsing(document)
            texts = paragraph_texts(document) if parseable(document) else []
            if texts:
                pairs = zip(texts, document.paragraphs, strict=True)
                document.paragraphs = [p for t, p in pairs if t.strip()]
            texts = [t for t in texts if t.strip()]
            pending[i] = (document, len(texts))
            # an unparsed document still passes through pipe, as an empty marker, to keep order
            yield from ((t, i) for t in texts or [""])

    current: list = []
    for doc, i in nlp.pipe(items(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        document, count = pending[i]
        if count:
            current.append(doc)
        if len(current) == count:
            del pending[i]
            yield attach(document, current) if count else document
            current = []
