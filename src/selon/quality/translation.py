"""Signs that an article was machine-translated into French.

Each detector reads what earlier stages left (the spaCy Doc with morphology and
entities, the kept paragraphs, the dropped boilerplate) and returns its
occurrences with evidence spans in the original text. The words and patterns
are in ``data/translation.yaml``; this module only says how to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from selon.model import Document, Signal
from selon.quality.scoring import Finding, bio_spans, combine, compile_all, doc_span, load, span

#: sentence-ending characters: a line ending with one is not cut mid-sentence
LINE_END = frozenset(".!?…:;»\"”)")
QUOTE_OPEN = frozenset({"«", "“"})
QUOTE_CLOSE = frozenset({"»", "”"})
#: words on the line before a break for it to be a cut sentence, not a list item
MIN_LINE_WORDS = 6
#: parts of speech of function words: capitalised mid-sentence they mark a seam
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX"})


@dataclass(frozen=True)
class Lexicon:
    foreign: frozenset[str]
    demonyms: frozenset[str]
    calques: tuple[re.Pattern[str], ...]
    typography: tuple[re.Pattern[str], ...]
    numbers: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load("translation")
    foreign = {w.lower() for words in data["foreign_words"].values() for w in words}
    return Lexicon(
        foreign=frozenset(foreign),
        demonyms=frozenset(w.lower() for w in data["demonyms"]),
        calques=compile_all(data["calques"]),
        typography=compile_all(data["typography"], 0),
        numbers=compile_all(data["number_format"], 0),
    )


def token_findings(document: Document) -> dict[str, Finding]:
    """One pass over the tokens: foreign words, agreement, demonym titles, capitals."""
    lex = lexicon()
    foreign, agreement, demonym, capital, doubled, plural = (Finding() for _ in range(6))
    doc = document.doc
    if doc is None:
        return {}
    # tokens of named entities with a capitalised word ("Bank of America", "The
    # Guardian") are names, not untranslated prose; an all-lower-case "entity"
    # is the tagger's guess at a foreign phrase
    named = {
        t.i for ent in doc.ents if any(t.text[:1].isupper() for t in ent) for t in ent
    }
    toks = list(doc)  # one Token object each: indexing the Doc makes new ones
    n = len(toks)
    people = {t.text for t in toks if t.ent_type_ == "PER"}
    in_quote = False
    prev = None
    for tok in toks:
        text = tok.text
        if text in QUOTE_OPEN:
            in_quote = True
        elif text in QUOTE_CLOSE:
            in_quote = False
        prev_in_sent = None if tok.is_sent_start else prev
        prev = tok
        if not tok.is_alpha:
            continue
        lower = tok.lower_
        if (
            lower in lex.foreign
            and not in_quote
            and tok.i not in named
            and text.islower()
        ):
            foreign.add(doc_span(document, tok.idx, tok.idx + len(text)))
        if tok.pos_ == "NOUN" and tok.i >= 2:
            adj, det = toks[tok.i - 1], toks[tok.i - 2]
            if (
                adj.pos_ == "ADJ"
                and det.pos_ == "DET"
                and adj.text.islower()
                and adj.head.i == tok.i
                and det.head.i == tok.i
            ):
                g_det, g_adj = det.morph.get("Gender"), adj.morph.get("Gender")
                g_noun = tok.morph.get("Gender")
                if g_det and g_det == g_adj and g_noun and g_noun != g_det:
                    agreement.add(doc_span(document, det.idx, tok.idx + len(text)))
        if (
            lower in lex.demonyms
            and text.islower()
            and prev_in_sent is not None
            and prev_in_sent.pos_ == "DET"
            and tok.i + 1 < n
            and toks[tok.i + 1].pos_ == "PROPN"
            # a person follows: "l'américain Boeing" (a firm) is good French
            and any(t.ent_type_ == "PER" for t in toks[tok.i + 1 : tok.i + 4])
        ):
            nxt = toks[tok.i + 1]
            demonym.add(doc_span(document, prev_in_sent.idx, nxt.idx + len(nxt.text)))
        if (
            tok.pos_ in ("PROPN", "NOUN")
            and len(text) > 3
            and text[0].isupper()
            and text.endswith("s")
            and text[:-1] in people
            and prev_in_sent is not None
            and prev_in_sent.pos_ == "DET"
            and "Plur" in prev_in_sent.morph.get("Number")
        ):
            plural.add(doc_span(document, prev_in_sent.idx, tok.idx + len(text)))
        if prev_in_sent is None:
            continue
        nxt = toks[tok.i + 1] if tok.i + 1 < n else None
        if (
            tok.is_stop
            and text[0].isupper()
            and not tok.is_upper
            and tok.pos_ in FUNCTION_POS
            and prev_in_sent.is_lower
            and prev_in_sent.is_alpha
            and not in_quote
            and (nxt is None or not nxt.text[:1].isupper())
        ):
            capital.add(doc_span(document, prev_in_sent.idx, tok.idx + len(text)))
        if (
            lower == prev_in_sent.lower_
            and len(text) > 1
            and tok.pos_ not in ("PRON", "NUM")
            and prev_in_sent.is_alpha
        ):
            doubled.add(doc_span(document, prev_in_sent.idx, tok.idx + len(text)))
    return {
        "foreign_words": foreign,
        "agreement": agreement,
        "demonym_title": demonym,
        "midsentence_capital": capital,
        "glued_sentences": doubled,
        "plural_names": plural,
    }


def cut_lines(document: Document, finding: Finding) -> None:
    """A line break inside a paragraph that cuts a sentence: "… et\\net d'autres".

    Hard-wrapped text (most breaks of a paragraph fall mid-sentence) is a
    layout, not a glitch: such a paragraph is skipped.
    """
    for par in document.paragraphs:
        block = document.text[par.start : par.end]
        breaks = block.count("\n")
        if not breaks:
            continue
        cuts = []
        pos = block.find("\n")
        while pos != -1:
            line_start = block.rfind("\n", 0, pos) + 1
            before = block[:pos].rstrip()
            after = block[pos + 1 :].lstrip()
            # a real sentence runs on both sides (a list of short lines does not)
            if (
                before
                and after
                and before[-1] not in LINE_END
                and after[:1].islower()
                and len(before[line_start:].split()) >= MIN_LINE_WORDS
                and len(after.split("\n", 1)[0].split()) >= 3
            ):
                start = before.rfind(" ") + 1  # the last word before the break
                after_at = len(block) - len(after)  # the first word after it
                word = after.find(" ")
                end = after_at + (word if word > 0 else len(after))
                cuts.append(span(document, par.start + start, par.start + end))
            pos = block.find("\n", pos + 1)
        if len(cuts) == 1 or (cuts and 2 * len(cuts) < breaks):
            for cut in cuts:
                finding.add(cut)


def regex_findings(document: Document, patterns, finding: Finding) -> None:
    """Matches of ``patterns`` in the kept paragraphs (apostrophes and spaces made plain).

    Matching paragraph by paragraph on the original text (normalised one
    character for one) is much cheaper than rebuilding ``doc.text``, and gives
    original offsets directly.
    """
    from selon.parse import normalise

    for par in document.paragraphs:
        text = normalise(document.text[par.start : par.end])
        for rx in patterns:
            for m in rx.finditer(text):
                finding.add(span(document, par.start + m.start(), par.start + m.end()))


def detect(document: Document) -> tuple[float, list[Signal]]:
    """The machine-translation score of ``document`` and its signals.

    An article that was not parsed (not French, too long, empty) is not judged:
    its words are not French prose to begin with.
    """
    if document.doc is None:
        return 0.0, []
    lex = lexicon()
    findings = token_findings(document)
    glued = findings.setdefault("glued_sentences", Finding())
    cut_lines(document, glued)
    findings["calques"] = Finding()
    regex_findings(document, lex.calques, findings["calques"])
    findings["typography"] = Finding()
    regex_findings(document, lex.typography, findings["typography"])
    findings["number_format"] = Finding()
    regex_findings(document, lex.numbers, findings["number_format"])
    bios = bio_spans(document)
    findings["translated_bio"] = Finding(count=float(bool(bios)), evidence=list(bios))
    return combine(findings, load("translation")["signals"], "machine_translation")
