"""Claims: quotes, reported speech, "selon X" frames and hedging.

The stage :func:`find_claims` fills ``document.quotes`` (every quote, fragments
flagged) and ``document.claims`` (every claim frame: the span presented as
someone's assertion, its claimant, the words that open it, whether it is
hedged). The events stage asks two questions through this module's API and
never reads the frames' internals:

- :func:`claim_chain` — which frames contain an event's span, innermost first
  (its ``claimed_by`` is the first one's claimant);
- :func:`is_hedged` — whether an event's trigger is reported without the
  outlet vouching for it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from selon.actors import actor_of
from selon.claims import hedging
from selon.claims.lexicon import lexicon
from selon.claims.quotes import MIN_WORDS, QuoteIndex, QuoteSpan, find_quotes, word_count
from selon.claims.reported import (
    Frame,
    adjunct_frames,
    is_author,
    is_orphan_statement,
    source_token,
    subject_of,
    trim,
    verb_frames,
    verb_name,
)
from selon.model import Actor, Claim, Document, Quote

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

__all__ = ["find_claims", "claim_chain", "is_hedged"]

PRONOUNS_DEP = frozenset({"PRON"})
#: kinds of actor that issue statements ("le communiqué" of a government or an army)
ISSUERS = frozenset({"GOV", "MIL"})
#: kinds of actor that relay others' words ("…, rapporte l'AFP")
RELAYS = frozenset({"MED"})


def claim_chain(document: Document, start: int, end: int) -> list[Claim]:
    """The claim frames containing the original-text span [start, end), innermost first.

    Empty when the outlet states it in its own voice.
    """
    anchors: dict[tuple[int, int], tuple[int, int]] = document.extras.get("claim_verbs", {})
    own: list[Claim] = []  # the trigger is the reporting verb: "X a annoncé le retrait"
    chain: list[Claim] = []
    for c in document.claims:
        verb = anchors.get((c.start, c.end))
        if verb is not None and verb[0] < end and start < verb[1]:
            own.append(c)
        elif c.start <= start < c.end and (end <= c.end or c.end - start >= (end - start) / 2):
            chain.append(c)  # a long trigger may run past the frame's end
    chain.sort(key=lambda c: (c.end - c.start, -c.start))
    return own[:1] + chain


def is_hedged(document: Document, token: Token) -> bool:
    """Whether the event triggered by ``token`` (in ``document.doc``) is hedged:
    a journalistic conditional on its verb or auxiliary, or a hedging cue in its
    sentence."""
    try:
        return hedging.hedged(token)
    except Exception:  # odd parses must not break the events stage
        return False


def _is_relay(document: Document, token: Token) -> bool:
    """A news medium as the source of an incise: it relays, it does not speak."""
    actor = actor_of(document, token)
    return actor is not None and actor.kind in RELAYS


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _colon_speaker(
    doc: Doc, q: QuoteSpan, sent: Span, quotes: list[QuoteSpan]
) -> tuple[Token | None, str | None]:
    """ "X insiste : « … »" → X, the subject of the clause before the colon."""
    i = q.open - 1
    while i >= sent.start_char and doc.text[i].isspace():
        i -= 1
    if i < sent.start_char or doc.text[i] != ":":
        return None, None
    tok = _token_at(doc, i)
    if tok is None or tok.i == sent.start:
        return None, None
    # the verb nearest the colon, outside any quote ("« … », a-t-il dit, avant
    # d'ajouter : « … »"); the parser often mangles a sentence that holds a quote
    inside = [(x.open, x.close) for x in quotes]
    verb = next(
        (
            t
            for t in reversed(doc[sent.start : tok.i])
            if t.pos_ == "VERB" and not any(o <= t.idx <= c for o, c in inside)
        ),
        None,
    )
    if verb is None:  # "Emmanuel Macron : « … »", or a verb the tagger missed
        t = next(
            (
                x
                for x in doc[sent.start : tok.i]
                if x.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ == "case" for c in x.children)
                and not any(o <= x.idx <= c for o, c in inside)
            ),
            None,
        )
        while t is not None and t.dep_.startswith("flat") and t.head.i < t.i:
            t = t.head
        return (source_token(t), ":") if t is not None else (None, ":")
    subj = subject_of(verb)
    if subj is None:
        subj = next(
            (
                t
                for t in doc[sent.start : verb.i]
                if t.pos_ in ("NOUN", "PROPN", "PRON")
                and not any(c.dep_ == "case" for c in t.children)
            ),
            None,
        )
    return (source_token(subj), verb_name(verb)) if subj is not None else (None, ":")


def _clause_speaker(doc: Doc, q: QuoteSpan) -> tuple[Token | None, str | None]:
    """A quote inside a clause with no reporting verb ("Téhéran insiste sur « … »",
    "l'ONU s'est montrée « préoccupée »") is the words of that clause's subject."""
    t = _token_at(doc, q.start)
    for _ in range(8):
        if t is None:
            return None, None
        if t.pos_ in ("VERB", "AUX", "ADJ") and (t.idx < q.start or t.head.i == t.i):
            passive = any(c.dep_ == "aux:pass" for c in t.children)
            # "condamné pour « … »": a passive subject says nothing; look higher up
            subj = None if passive else subject_of(t)
            if subj is not None and not (q.start <= subj.idx < q.end):
                return source_token(subj), verb_name(t)
        if t.head.i == t.i:
            return None, None
        t = t.head
    return None, None


def _frames(doc: Doc, qindex: QuoteIndex) -> list[Frame]:
    frames: list[Frame] = []
    continuation = lexicon().continuation_marks
    previous: list[Frame] = []
    for sent in doc.sents:
        verbal = verb_frames(sent, qindex.at)
        lead = [t for t in sent if not t.is_punct and t.pos_ != "CCONJ"][:1]
        if (
            lead
            and lead[0].dep_ == "mark"
            and lead[0].lower_ in continuation
            and lead[0].head.dep_ == "ROOT"
            and previous
            and previous[-1].claimant is not None
        ):
            # "Et que des négociations étaient en cours.": the previous sentence's
            # reported speech goes on
            s, e = trim(doc, lead[0].idx + len(lead[0].text), sent.end_char)
            if e > s:
                verbal.append(Frame(s, e, previous[-1].claimant, lead[0].text, lead[0]))
        previous = verbal or previous
        frames += verbal
        # "a-t-on appris de source sûre": the source already speaks through the verb
        frames += [
            f
            for f in adjunct_frames(sent)
            if not any(
                v.claimant is not None
                and f.claimant is not None
                and v.claimant.i == f.claimant.i
                and v.start < f.end
                and f.start < v.end
                for v in verbal
            )
        ]
    seen: set[tuple[int, int]] = set()
    out = []
    for f in frames:
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            out.append(f)
    return out


def _attribute(
    doc: Doc, quotes: list[QuoteSpan], frames: list[Frame], relay: Callable[[Token], bool]
) -> list[Frame]:
    """Give each quote a speaker; return the frames the quotes themselves open.

    ``relay(token)``: whether a speaker only passes the words on (a news agency,
    "…, rapporte l'AFP"), so that the words stay those of whom it reports."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]

    def sent_index(char: int) -> int:
        return max(bisect_right(starts, char) - 1, 0)

    # (position, claimant) of every attribution so far, for "previous sentence" lookups
    said: list[tuple[int, Token]] = [
        (f.claimant.idx, f.claimant) for f in frames if f.claimant is not None
    ]
    said.sort(key=lambda x: x[0])
    quote_frames: list[Frame] = []
    for q in sorted(quotes, key=lambda q: q.open):
        holders = [
            f
            for f in frames
            if f.start <= q.start and q.end <= f.end + 1 and f.claimant is not None
        ]
        si = sent_index(q.open)
        sent = sents[si]
        q.embedded = any(ch.isalnum() for ch in doc.text[sent.start_char : q.open])
        if holders:
            f = min(holders, key=lambda f: f.end - f.start)
            # "X a redit à Y « … », a indiqué l'Élysée": the words are those of the
            # source the sentence-final incise names, who reports what X said
            # (but "…, rapporte l'AFP": an agency relays X's words)
            outer = [
                h
                for h in holders
                if h.incise
                and h.anchor is not None
                and h.anchor.idx > q.close
                and h.start < f.start
                and not relay(h.claimant)
            ]
            if outer and not f.incise and f.anchor is not None and f.anchor.idx < q.open:
                f = min(outer, key=lambda f: f.end - f.start)
            q.speaker, q.verb, q.source = f.claimant, verb_name(f.anchor) or f.cue, "frame"
        else:
            speaker, verb = _colon_speaker(doc, q, sent, quotes)
            opens_sentence = not q.embedded
            if speaker is None and not opens_sentence and verb is None:
                speaker, verb = _clause_speaker(doc, q)
            if speaker is not None:
                q.speaker, q.verb, q.source = speaker, verb, "colon"
            elif si > 0 and (opens_sentence or verb == ":"):
                prev = sents[si - 1]
                before = [tok for pos, tok in said if prev.start_char <= pos < sent.start_char]
                if before:
                    q.speaker, q.source = before[-1], "previous"
        if q.speaker is not None:
            said.append((q.end - 1, q.speaker))
            said.sort(key=lambda x: x[0])
            if q.source != "frame" and word_count(doc.text[q.start : q.end]) >= MIN_WORDS:
                quote_frames.append(Frame(q.start, q.end, q.speaker, doc.text[q.open], None))
    return quote_frames


#: relations that stay inside a speaker's name ("sources locales", "témoin oculaire",
#: "organisations de défense des droits de l'homme")
NAME_DEPS = frozenset({"amod", "nmod", "flat:name", "flat", "compound", "fixed", "nummod", "det"})
NAME_STOP = frozenset({"acl", "acl:relcl", "appos", "punct", "conj", "cc"})


def _mention_actor(document: Document, token: Token) -> Actor | None:
    """An actor read off the noun phrase itself, for a speaker the resolver does not
    know ("plusieurs sources", "un témoin oculaire"): no country or kind is guessed,
    but the claim still says who makes it."""
    words = [token]
    genitive = lexicon().genitive

    def inside(c: Token) -> bool:  # "père Sylvain depuis Béloko": a place, not the name
        cases = [x for x in c.children if x.dep_ == "case"]
        return not cases or any(x.lemma_.lower() in genitive for x in cases)

    stack = [c for c in token.children if c.dep_ in NAME_DEPS and inside(c)]
    while stack:
        c = stack.pop()
        words.append(c)
        stack.extend(x for x in c.children if x.dep_ not in NAME_STOP)
    words.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    lo = hi = words.index(token)
    while lo > 0 and words[lo - 1].i == words[lo].i - 1:
        lo -= 1
    while hi + 1 < len(words) and words[hi + 1].i == words[hi].i + 1:
        hi += 1
    run = words[lo : hi + 1]
    while run and run[0].pos_ in ("DET", "ADP"):
        run = run[1:]
    if not run:
        return None
    start, _ = document.span_offsets(run[0])
    _, end = document.span_offsets(run[-1])
    name = document.text[start:end]
    if len(name) > 80:
        return None
    slug = "-".join(w.lower() for w in name.replace("'", " ").split())
    return Actor(id=f"mention:{slug}", name=name, start=start, end=end)


def _resolver(document: Document, frames: list[Frame]):
    """actor_of, with fallbacks from the context when the resolver leaves a speaker
    open: a title with a name in apposition ("le porte-parole, Saïd X") is tried
    as the name too; a pronoun ("a-t-elle ajouté", "selon lui") is the last person
    named in its sentence or the one before, else the last speaker; a statement
    noun with no author ("ajoute le communiqué") is by the author of the last
    statement that named one ("le communiqué du Kremlin"), else, when none was
    named before, by the institution that speaks in the next sentence ("…, indique
    le communiqué. Le Kremlin estime également que…")."""
    last: list[Actor] = []
    authors: list[Actor] = []
    people = sorted(
        (a for a in document.actors if a.id.startswith("person:")), key=lambda a: a.start
    )
    sents = list(document.doc.sents) if document.doc is not None else []
    sent_starts = [s.start for s in sents]

    def moved(actor: Actor, token: Token) -> Actor:
        start, end = document.span_offsets(token)
        return actor.model_copy(update={"start": start, "end": end})

    def person_before(token: Token) -> Actor | None:
        k = bisect_right(sent_starts, token.i) - 1
        lo = document.span_offsets(sents[max(k - 1, 0)])[0] if k >= 0 else 0
        at = document.span_offsets(token)[0]
        found = [a for a in people if lo <= a.start and a.end <= at]
        return found[-1] if found else None

    def titled(token: Token) -> Actor | None:
        actor = actor_of(document, token)
        if actor is not None and actor.country is not None:
            return actor
        for c in token.subtree:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > token.i:
                named = actor_of(document, c)
                if named is not None and (actor is None or named.country is not None):
                    return named
        return actor

    speakers = sorted((f.claimant for f in frames if f.claimant is not None), key=lambda t: t.i)

    def issuer_after(token: Token) -> Actor | None:
        k = bisect_right(sent_starts, token.i)  # the next sentence
        if k >= len(sents):
            return None
        nxt = sents[k]
        for t in speakers:
            if t.i < nxt.start:
                continue
            if t.i >= nxt.end:
                break
            actor = actor_of(document, t)
            if actor is not None and actor.kind in ISSUERS and actor.country is not None:
                return moved(actor, token)
        return None

    def resolve(token: Token | None) -> Actor | None:
        if token is None:
            return None
        actor = titled(token)
        if actor is None and token.pos_ in PRONOUNS_DEP:
            plural = "Plur" in token.morph.get("Number")
            person = None if plural else person_before(token)
            if person is not None:
                actor = moved(person, token)
            elif last:
                actor = moved(last[-1], token)
        if is_orphan_statement(token) and (actor is None or actor.kind is None):
            actor = moved(authors[-1], token) if authors else issuer_after(token) or actor
        if actor is None and token.pos_ in ("NOUN", "PROPN"):
            named = next(
                (c for c in token.subtree if c.dep_ == "appos" and c.pos_ == "PROPN"), None
            )
            actor = _mention_actor(document, named if named is not None else token)
        if actor is not None:
            last.append(actor)
            if is_author(token):
                authors.append(actor)
        return actor

    return resolve


#: sentence-final punctuation, as separate tokens ("M." stays one token)
TERMINAL = frozenset(".!?…")


def _pieces(doc: Doc, q: QuoteSpan) -> list[tuple[int, int]]:
    """A quote that opens inside the outlet's sentence and runs on into sentences of
    its own is one quote per sentence (as annotated); one that opens its sentence
    or follows a colon stays whole ("« A. B », a-t-il dit", "X : « A. B »").

    Sentences are found inside the quote itself (a terminal mark, then a capital),
    since the sentence presetter may keep a quotation in one sentence."""
    before = doc.text[: q.open].rstrip()
    if not q.embedded or before.endswith(":"):
        return [(q.start, q.end)]
    span = doc.char_span(q.start, q.end, alignment_mode="contract")
    if span is None:
        return [(q.start, q.end)]
    cuts = [t.nbor().idx for t in span[:-1] if t.text in TERMINAL and t.nbor().text[:1].isupper()]
    out = []
    lo = q.start
    for c in [*cuts, q.end]:
        a, b = lo, c
        while a < b and doc.text[a].isspace():
            a += 1
        while b > a and doc.text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        lo = c
    return out


def find_claims(document: Document) -> Document:
    """Fill ``document.quotes`` and ``document.claims`` from the parsed Doc."""
    doc = document.doc
    if doc is None or not len(doc):
        return document
    quotes = find_quotes(doc, document.doc_starts)
    qindex = QuoteIndex(quotes)
    frames = _frames(doc, qindex)
    frames += _attribute(doc, quotes, frames, lambda t: _is_relay(document, t))
    resolve = _resolver(document, frames)
    items: list[tuple[int, object]] = [(q.open, q) for q in quotes] + [(f.start, f) for f in frames]
    items.sort(key=lambda x: x[0])
    out_quotes: list[Quote] = []
    out_claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    verbs: dict[tuple[int, int], tuple[int, int]] = {}
    for _, item in items:
        if isinstance(item, QuoteSpan):
            text = doc.text[item.start : item.end]
            after_colon = doc.text[: item.open].rstrip().endswith(":")
            if (
                item.speaker is None
                and item.embedded
                and not after_colon
                and word_count(text) >= MIN_WORDS
            ):
                continue  # quoted wording inside the outlet's sentence, nobody's words
            speaker = resolve(item.speaker)
            for ps, pe in _pieces(doc, item):
                s, e = document.to_text(ps), document.to_text(pe)
                text = document.text[s:e]
                out_quotes.append(
                    Quote(
                        text=text,
                        start=s,
                        end=e,
                        speaker=speaker,
                        verb=item.verb,
                        fragment=word_count(text) < MIN_WORDS,
                    )
                )
            continue
        f: Frame = item  # type: ignore[assignment]
        s, e = document.to_text(f.start), document.to_text(f.end)
        if (s, e) in seen:
            continue
        seen.add((s, e))
        if f.verb_span is not None:
            verbs[(s, e)] = (document.to_text(f.verb_span[0]), document.to_text(f.verb_span[1]))
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        hedged = bool(span is not None and len(span) and is_hedged(document, span.root))
        out_claims.append(
            Claim(start=s, end=e, claimant=resolve(f.claimant), cue=f.cue, hedged=hedged)
        )
    document.extras["claim_verbs"] = verbs
    document.quotes = out_quotes
    document.claims = out_claims
    return document
