"""Reported speech: claim frames opened by reporting verbs and "selon X" adjuncts.

A frame is the text presented as someone's assertion, never the reporting verb
itself (ANNOTATION.md: in "X a dénoncé…" the denunciation is the outlet's
statement; what X said is X's). Three shapes:

- a reporting verb's complement, read from the dependency tree: the que-clause,
  the infinitive or, for verbs such as "annoncer", the object noun phrase;
  in the passive ("a été revendiquée par X") the subject is the frame;
- an incise, read from the surface because the parser attaches it anywhere:
  a reporting verb after a comma or a closing quote mark, with its subject
  after it (", rapporte l'AFP", "», a-t-il précisé"); the frame is what precedes
  it in the sentence (or the quote it sits in);
- an adjunct ("selon X", "d'après X", sentence-initial "pour X"): the frame is
  the rest of the sentence.

The claimant is a token, the head of the speaker's noun phrase; a statement noun
("selon un communiqué du Kremlin") hands over to its "de X" complement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from selon.claims.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
CLOSING_MARKS = frozenset({"»", '"', "”"})
OPENING_MARKS = frozenset({"«", '"', "“"})
INCISE_BEFORE = frozenset({",", "»", '"', "”"})


@dataclass
class Frame:
    """A claim frame in ``doc`` character offsets, before conversion to a Claim."""

    start: int
    end: int
    claimant: Token | None
    cue: str
    anchor: Token | None = None  # the token the frame hangs on (its verb or adjunct)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) (doc chars) past spaces, commas and a final full stop."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def source_token(token: Token) -> Token:
    """A statement noun hands the claim to its author: "le communiqué du Kremlin" → Kremlin."""
    if token.lemma_.lower() in lexicon().nouns:
        for c in token.children:
            if c.dep_.startswith("nmod") and c.pos_ in NOMINAL and c.i > token.i:
                return c
    return token


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, inherited through coordination, gerunds and participles."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "expl:subj") and c.i < verb.i:
            if "Rel" in c.morph.get("PronType") and verb.dep_.startswith("acl"):
                return verb.head  # "le ministre, qui assure que…"
            return c
    if depth > 3 or verb.head is verb:
        return None
    if verb.dep_ in INHERIT_DEPS:
        return subject_of(verb.head, depth + 1)
    if (
        verb.dep_ == "acl"
        and verb.head.pos_ in NOMINAL
        and "Part" in verb.morph.get("VerbForm")
        and "Pres" in verb.morph.get("Tense")
    ):
        return verb.head  # "un témoin disant que…"
    return None


def inverted_subject(verb: Token, sent: Span) -> Token | None:
    """The subject after an incise verb: "a déclaré à la presse le porte-parole", "a-t-il dit"."""
    doc = verb.doc
    for c in verb.children:  # "a-t-il déclaré": the clitic sits before the participle
        if c.pos_ == "PRON" and c.text.startswith("-") and c.lower_ != "-t":
            return c
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("nsubj", "expl:subj", "obj", "dep") and c.pos_ in NOMINAL:
            return c
    j = verb.i + 1
    while j < sent.end:
        t = doc[j]
        if t.is_punct:
            return None
        if t.pos_ == "PRON" and t.text.startswith("-") and t.lower_ not in ("-t",):
            return t
        if t.pos_ == "ADP":
            j = max(j + 1, t.head.right_edge.i + 1 if t.head.i > j else j + 1)
            continue
        if t.pos_ in NOMINAL and not t.text.startswith("-"):
            return t
        j += 1
    return None


def verbal_start(verb: Token) -> Token:
    """The first token of the verbal group (auxiliary, clitics): "a" in "a-t-il déclaré"."""
    first = verb
    for c in verb.children:
        if c.i < first.i and (
            c.dep_.startswith("aux") or c.dep_ in ("expl:subj", "advmod") or c.text.startswith("-")
        ):
            first = c
    return first


def complement_span(verb: Token, deps: frozenset[str]) -> tuple[int, int] | None:
    """Doc-char span of the verb's complements to its right, or None."""
    parts = [c for c in verb.children if c.dep_ in deps and c.i > verb.i]
    if not parts:
        return None
    start = min(c.left_edge.idx for c in parts)
    last = max(c.right_edge for c in parts)
    return start, last.idx + len(last.text)


def verb_frames(sent: Span, quote_at) -> list[Frame]:
    """Frames opened by reporting verbs in ``sent``; ``quote_at(char)`` gives the
    (start, end) doc-char span of the quote covering a character, or None."""
    lex = lexicon()
    doc = sent.doc
    out: list[Frame] = []
    for t in sent:
        if t.pos_ != "VERB":
            continue
        lemma = t.lemma_.lower()
        deps = lex.verbs.get(lemma)
        if deps is None:
            continue
        if t.dep_ == "acl" and "Past" in t.morph.get("Tense"):
            continue  # "au format dit normand", "la déclaration faite"
        first = verbal_start(t)
        prev = doc[first.i - 1] if first.i > sent.start else None
        passive = any(c.dep_ == "aux:pass" for c in t.children)
        if passive:
            agent = next((c for c in t.children if c.dep_ == "obl:agent"), None)
            subj = next((c for c in t.children if c.dep_ == "nsubj:pass"), None)
            if agent is not None and subj is not None:
                s, e = trim(
                    doc, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
                )
                out.append(Frame(s, e, source_token(agent), t.text, t))
            continue
        has_left_subject = any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
        if prev is not None and prev.text in INCISE_BEFORE and not has_left_subject:
            claimant = inverted_subject(t, sent)
            if claimant is not None:
                inner = quote_at(t.idx)
                if inner is not None and inner[0] < prev.idx:
                    s, e = inner
                else:
                    s, e = sent.start_char, prev.idx
                    if prev.text == "," and first.i - 2 >= sent.start:
                        before = doc[first.i - 2]
                        if before.text in CLOSING_MARKS:
                            q = quote_at(before.idx)
                            if q is not None:
                                s = min(s, q[0])
                    elif prev.text in CLOSING_MARKS:
                        q = quote_at(prev.idx)
                        if q is not None:
                            s = min(s, q[0])
                    e = prev.idx + (len(prev.text) if prev.text in CLOSING_MARKS else 0)
                s, e = trim(doc, s, e)
                if e > s:
                    cue = doc.text[first.idx : t.idx + len(t.text)]
                    out.append(Frame(s, e, source_token(claimant), cue, t))
                continue
        span = complement_span(t, deps)
        if span is None:
            continue
        subj = subject_of(t)
        if subj is None:
            continue
        lead = doc.char_span(*span, alignment_mode="expand")
        if lead is not None and len(lead) > 1 and lead[0].dep_ == "mark":
            span = (lead[1].idx, span[1])  # the cue is "a annoncé qu'", the frame what follows
        s, e = trim(doc, *span)
        if e > s:
            cue = doc.text[first.idx : span[0]].strip()
            out.append(Frame(s, e, source_token(subj), cue if len(cue) <= 40 else t.text, t))
    return out


def adjunct_text(prep: Token) -> str:
    """ "d'" + fixed "après" → "d'après"."""
    text = prep.lower_
    for c in prep.children:
        if c.dep_ == "fixed":
            text += ("" if text.endswith("'") else " ") + c.lower_
    return text


def adjunct_frames(sent: Span) -> list[Frame]:
    """Frames opened by "selon X", "d'après X" and sentence-initial "pour X"."""
    lex = lexicon()
    doc = sent.doc
    out: list[Frame] = []
    first_word = next((t for t in sent if not t.is_punct), None)
    for t in sent:
        if t.pos_ != "ADP":
            continue
        cue = adjunct_text(t)
        initial = cue in lex.initial_adjuncts and t is first_word
        if cue not in lex.adjuncts and not initial:
            continue
        noun = t.head if t.dep_ == "case" and t.head.i > t.i else None
        if noun is None or noun.pos_ not in NOMINAL:
            noun = next((x for x in doc[t.i + 1 : sent.end] if x.pos_ in NOMINAL), None)
        if noun is None or (initial and noun.pos_ not in NOMINAL):
            continue
        # the adjunct phrase ends at the first comma after it (the parser's subtree
        # may swallow the clause), or at the noun phrase's right edge
        end_tok = noun.right_edge
        for x in doc[t.i + 1 : end_tok.i + 1]:
            if x.text == ",":
                end_tok = doc[x.i - 1]
                break
        if initial:  # "Pour lui, …" but not "Pour sécuriser…" nor "pour 48 heures"
            after = doc[end_tok.i + 1] if end_tok.i + 1 < sent.end else None
            if noun.pos_ == "NOUN" and (after is None or after.text != ","):
                continue
        phrase_start, phrase_end = t.idx, end_tok.idx + len(end_tok.text)
        head = sent.start_char
        lead = doc.text[head:phrase_start]
        if not any(ch.isalnum() for ch in lead) or t.i - sent.start <= 2:
            s, e = phrase_end, sent.end_char
        else:
            s, e = sent.start_char, phrase_start
            tail = doc.text[phrase_end : sent.end_char]
            if any(ch.isalnum() for ch in tail) and not noun.right_edge.i >= sent.end - 2:
                s, e = sent.start_char, sent.end_char  # mid-sentence: the whole clause
        s, e = trim(doc, s, e)
        if e > s:
            out.append(Frame(s, e, source_token(noun), doc.text[t.idx : t.idx + len(cue)], t))
    return out
