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
#: labels the parser gives the subject after an incise verb ("», lance Nino, une
#: étudiante": the name may come out as flat:name, the description as obj)
INVERTED_DEPS = frozenset({"nsubj", "expl:subj", "obj", "dep", "flat:name", "appos"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
CLOSING_MARKS = frozenset({"»", '"', "”"})
OPENING_MARKS = frozenset({"«", '"', "“"})
INCISE_BEFORE = frozenset({",", "»", '"', "”"})
#: regular first-group endings → infinitive ending, to undo when lemmas fail
FIRST_GROUP = (("ent", "er"), ("ée", "er"), ("és", "er"), ("é", "er"), ("e", "er"), ("ant", "er"))


@dataclass
class Frame:
    """A claim frame in ``doc`` character offsets, before conversion to a Claim."""

    start: int
    end: int
    claimant: Token | None
    cue: str
    anchor: Token | None = None  # the token the frame hangs on (its verb or adjunct)
    #: doc-char span of the reporting verb's group ("a annoncé") for complement frames:
    #: an event triggered by the reporting verb itself is its subject's claim
    verb_span: tuple[int, int] | None = None
    #: opened by an incise after what it reports (", a indiqué l'Élysée")
    incise: bool = False


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) (doc chars) past spaces, commas and a final full stop."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def is_author(token: Token) -> bool:
    """Whether ``token`` is the author complement of a statement noun ("du Kremlin")."""
    return token.dep_.startswith("nmod") and token.head.lemma_.lower() in lexicon().nouns


def is_orphan_statement(token: Token) -> bool:
    """A statement noun whose author is left to the context: "ajoute le communiqué"."""
    return token.lemma_.lower() in lexicon().nouns and any(
        c.dep_ == "det" and c.morph.get("Definite") == ["Def"] for c in token.children
    )


def _specific(token: Token) -> bool:
    """ "du Kremlin", "de l'Élysée", "de Moscou" name an author; "de presse" does not."""
    if token.pos_ == "PROPN":
        return True
    return any(
        c.dep_ == "det" or (c.dep_ == "case" and c.morph.get("Definite")) for c in token.children
    )


def source_token(token: Token) -> Token:
    """A statement noun hands the claim to its author: "le communiqué du Kremlin" → Kremlin;"""
    if token.lemma_.lower() in lexicon().nouns:
        for c in token.children:
            if c.dep_.startswith("nmod") and c.pos_ in NOMINAL and c.i > token.i and _specific(c):
                return c
        for c in token.children:  # "la liste mise à jour par le CNLD"
            if c.dep_ == "acl":
                agent = next((x for x in c.children if x.dep_ == "obl:agent"), None)
                if agent is not None and agent.pos_ in NOMINAL:
                    return agent
    return token


def reporting_lemma(token: Token) -> str | None:
    """The lexicon lemma of a reporting verb, or None if ``token`` is not one.

    The lemmatizer leaves some forms unlemmatised ("indique", "rapportent"), so
    the regular first-group endings are undone as a fallback.
    """
    verbs = lexicon().verbs
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return lemma
    form = token.lower_
    for ending, infinitive in FIRST_GROUP:
        if form.endswith(ending):
            guess = form[: len(form) - len(ending)] + infinitive
            if guess in verbs:
                return guess
    return None


def reporting(token: Token) -> frozenset[str] | None:
    """The frame relations of a reporting verb, or None if ``token`` is not one."""
    lemma = reporting_lemma(token)
    return lexicon().verbs[lemma] if lemma is not None else None


def verb_name(token: Token | None) -> str | None:
    """How a quote's introducing word is recorded: a verb's lemma ("déclarer"),
    an adjunct as written in lower case ("selon")."""
    if token is None:
        return None
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        return reporting_lemma(token) or token.lemma_.lower()
    return adjunct_text(token) if token.pos_ == "ADP" else token.lower_


def clitic(token: Token) -> bool:
    """An inverted subject clitic ("-il", "-elle", "-t") as the tokenizer splits "a-t-il"."""
    return token.pos_ == "PRON" and token.text.startswith("-")


def not_speaker(token: Token) -> bool:
    """Nouns after an incise verb that are dates, not speakers ("a déclaré lundi")."""
    return token.lemma_.lower() in lexicon().not_speakers or token.like_num


def is_incise(verb: Token) -> bool:
    """A finite reporting verb placed after what it reports: ", a déclaré X", "», ajoute-t-il"."""
    forms = verb.morph.get("VerbForm")
    if "Inf" in forms or ("Part" in forms and "Pres" in verb.morph.get("Tense")):
        return False  # gerunds and participles take their subject from their head
    first = verbal_start(verb)
    if first.i == first.sent.start or verb.doc[first.i - 1].text not in INCISE_BEFORE:
        return False
    if first.pos_ in ("ADV", "CCONJ") or any(c.dep_ == "cc" for c in verb.children):
        return False  # "…, puis a annoncé sa candidature": a second verb, not an incise
    doc = verb.doc
    for c in verb.children:
        nounlike = c.pos_ in NOMINAL or any(x.dep_ == "det" for x in c.children)
        if c.dep_ != "nsubj" or c.i > verb.i or clitic(c) or not nounlike:
            continue  # the parser sometimes makes a quoted adjective the subject
            # (but "L'opposant X, en exil, dénonce": a noun it tagged as a verb)
        if any(t.text in CLOSING_MARKS for t in doc[c.i + 1 : first.i]):
            continue  # a subject inside the quote is the quote's own
        if any(t.pos_ in ("VERB", "AUX") for t in doc[c.right_edge.i + 1 : first.i]):
            continue  # "Un civil a été tué, ont rapporté…": that subject is another verb's
        if any(g.pos_ in ("VERB", "AUX") and any(
            m.dep_ == "mark" and m.lower_ in ("que", "qu'", "qu’") for m in g.children
        ) for g in c.children):
            continue  # "Le fait que X veuille…, déclare Y": a clause reported, no speaker
        return False  # "X, qui…, a déclaré que": a real subject on the left
    return True


def _antecedent(verb: Token, relative: Token) -> Token:
    """The noun a relative pronoun stands for: the relative clause's head when the
    parser attached it, else the noun phrase just before the pronoun."""
    if verb.dep_.startswith("acl") and verb.head.pos_ in NOMINAL:
        return verb.head
    j = relative.i - 1
    while j >= verb.sent.start and verb.doc[j].is_punct:
        j -= 1
    if j >= verb.sent.start:
        t = verb.doc[j]
        while (t.dep_.startswith("flat") or t.dep_ == "appos") and t.head.i < t.i:
            t = t.head
        if t.pos_ in NOMINAL:
            return t
    return relative


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The speaker of ``verb``: its subject, the inverted subject of an incise, or the
    subject inherited through coordination, gerunds and participles."""
    if is_incise(verb):
        return inverted_subject(verb, verb.sent)
    for c in verb.children:
        if c.dep_ in ("nsubj", "expl:subj") and c.i < verb.i and c.lower_ != "-t":
            if "Rel" in c.morph.get("PronType"):
                return _antecedent(verb, c)  # "le ministre, qui assure que…"
            return c
    if "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
        found = _nearest_left_nominal(verb)
        if found is not None:
            return found
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        # "un témoin oculaire disant que": the noun right before the participle
        prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if prev is not None and prev.pos_ == "ADJ" and prev.dep_ == "amod":
            prev = prev.head
        if prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.i < verb.i:
            return prev
    if depth > 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "conj":
        # "X, qui dénonce … et assure que": the conjunct next to the "et" shares the
        # subject, even when the parser hangs this verb on the sentence's root
        cc = next((c for c in verb.children if c.dep_ == "cc" and c.i < verb.i), None)
        if cc is not None:
            mate = next(
                (t for t in reversed(verb.doc[verb.sent.start : cc.i]) if t.pos_ == "VERB"),
                None,
            )
            if mate is not None and mate.i != verb.head.i:
                found = subject_of(mate, depth + 1)
                if found is not None:
                    return found
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


def _nearest_left_nominal(verb: Token) -> Token | None:
    """When the parser gives a finite verb no subject ("Depuis Bruxelles, Ursula von
    der Leyen a évoqué…" with the name as an apposition), the noun phrase right
    before the verbal group, if it is not inside a prepositional phrase."""
    first = verbal_start(verb)
    j = first.i - 1
    while j >= verb.sent.start and verb.doc[j].pos_ == "ADV":
        j -= 1
    if j < verb.sent.start:
        return None
    t = verb.doc[j]
    while t.dep_.startswith("flat") or t.dep_ in ("amod", "fixed"):
        t = t.head
    if (
        t.pos_ in NOMINAL
        and not clitic(t)
        and "Rel" not in t.morph.get("PronType")
        and not any(c.dep_ == "case" for c in t.children)
    ):
        return t
    return None


def _source_after(verb: Token, sent: Span) -> Token | None:
    """The source after an impersonal incise: "a-t-on appris auprès de l'armée" → armée."""
    for t in verb.doc[verb.i + 1 : sent.end]:
        if t.is_punct:
            return None
        if t.pos_ in NOMINAL and not clitic(t) and any(c.dep_ == "case" for c in t.children):
            return t
    return None


def inverted_subject(verb: Token, sent: Span) -> Token | None:
    """The subject after an incise verb: "a déclaré à la presse le porte-parole", "a-t-il dit"."""
    doc = verb.doc
    first = verbal_start(verb)
    # "a-t-il déclaré", "martèle-t-il": the clitic sits around the verb
    for c in doc[first.i : min(verb.i + 3, sent.end)]:
        if clitic(c) and c.lower_ != "-t":
            if c.lemma_.lower() in lexicon().impersonal:
                return _source_after(verb, sent)  # "a-t-on appris de source sûre"
            return c
    for c in verb.children:
        if (
            c.i > verb.i
            and c.dep_ in INVERTED_DEPS
            and (c.pos_ in NOMINAL or c.ent_type_ == "PER")  # "Ahmed" tagged ADJ
            and not not_speaker(c)
            and not any(x.dep_ == "case" for x in c.children)  # "de son côté"
        ):
            return c
    j = verb.i + 1
    in_pp = False
    after_time = False
    while j < sent.end:
        t = doc[j]
        j += 1
        if t.is_punct and t.text not in ("«", "»", '"'):
            break
        if clitic(t):
            if t.lower_ != "-t":
                return t
            continue
        if t.pos_ == "ADP":
            # "à la presse", "de son côté": skip up to the PP's noun; but "des" after
            # a date ("mercredi matin des sources locales") is an article
            in_pp = not (after_time and t.morph.get("Definite"))
            continue
        if t.pos_ in NOMINAL:
            after_time = not_speaker(t)
            if in_pp or after_time:
                in_pp = False
                continue
            return t
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


def _partitive_object(token: Token) -> bool:
    """ "revendique des attaques": the parser reads the partitive article as a
    preposition and the object as an oblique."""
    return token.dep_.startswith("obl") and any(
        c.dep_ == "case"
        and c.lemma_ in lexicon().genitive
        and c.morph.get("Definite")
        and c.i == token.left_edge.i
        for c in token.children
    )


def complement_span(verb: Token, deps: frozenset[str]) -> tuple[int, int] | None:
    """Doc-char span of the verb's complements to its right, or None."""
    parts = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in deps or ("obj" in deps and _partitive_object(c)))
    ]
    if not parts:
        return None
    start = min(c.left_edge.idx for c in parts)
    last = max(c.right_edge for c in parts)
    if all(c.dep_ not in ("ccomp", "xcomp") for c in parts):
        # a noun phrase ends at its first comma; the parser tends to hang the
        # sentence's later adjuncts ("…, après deux nuits d'émeutes") on it
        head = min(parts, key=lambda c: c.i)
        doc = verb.doc
        for t in doc[head.i : last.i + 1]:
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if t.text == "," and (after is None or after.pos_ in ("ADP", "ADV", "SCONJ")):
                last = doc[t.i - 1]  # but "…, accusés d'avoir…" still describes the noun
                break
    return start, last.idx + len(last.text)


def _quoted_incise(verb: Token, first: Token, claimant: Token) -> bool:
    """Whether an incise-only verb ("lancer", "poursuivre") really is one: after a
    quote ("« … », lance le ministre") or with a clitic subject ("poursuit-il")."""
    doc = verb.doc
    before = [t for t in doc[max(first.i - 2, 0) : first.i] if t.text != ","]
    return clitic(claimant) or any(t.text in CLOSING_MARKS for t in before)


def _is_agent(token: Token, nominal: bool = False) -> bool:
    """The agent of a passive ("par X"), labelled obl:agent or, by the parser's
    mistake, as another oblique (or a noun's modifier) with the agent preposition."""
    if token.dep_ == "obl:agent":
        return True
    return (nominal or token.dep_.startswith("obl")) and any(
        c.dep_ == "case" and c.lower_ in lexicon().agent_prepositions for c in token.children
    )


def _surface_frame(t: Token, sent: Span) -> Frame | None:
    """A reporting verb form the tagger mistakes for another word ("Moscou dément
    avoir…" read as the adjective "dément"): the subject is the noun phrase just
    before it, the frame the rest of the clause up to a comma."""
    doc = t.doc
    if t.i == sent.start:
        return None
    subj = doc[t.i - 1]
    while subj.dep_.startswith("flat") and subj.head.i < subj.i:
        subj = subj.head
    if subj.pos_ not in NOMINAL or any(c.dep_ == "case" for c in subj.children):
        return None
    end = t.i + 1
    while end < sent.end and doc[end].text not in (",", ";", ":") and not doc[end].is_sent_end:
        end += 1
    if end <= t.i + 1:
        return None
    last = doc[end - 1]
    s, e = trim(doc, doc[t.i + 1].idx, last.idx + len(last.text))
    if e <= s:
        return None
    return Frame(s, e, source_token(subj), t.text, t)


def verb_frames(sent: Span, quote_at) -> list[Frame]:
    """Frames opened by reporting verbs in ``sent``; ``quote_at(char)`` gives the
    (start, end) doc-char span of the quote covering a character, or None."""
    doc = sent.doc
    out: list[Frame] = []
    for t in sent:
        # a past participle after an auxiliary is a verb even when tagged ADJ ("a-t-il martelé")
        participle = t.pos_ == "ADJ" and any(c.dep_ == "aux:tense" for c in t.children)
        if t.pos_ != "VERB" and not participle:
            if t.lower_ in lexicon().mistagged:
                frame = _surface_frame(t, sent)
                if frame is not None:
                    out.append(frame)
            continue
        deps = reporting(t)
        if deps is None:
            continue
        if t.dep_ == "acl" and "Past" in t.morph.get("Tense"):
            continue  # "au format dit normand", "la déclaration faite"
        if "Sub" in t.morph.get("Mood") and any(c.dep_ == "mark" for c in t.children):
            continue  # "s'attendent à ce que X annonce…": nothing is said yet
        first = verbal_start(t)
        prev = doc[first.i - 1] if first.i > sent.start else None
        passive = any(c.dep_ == "aux:pass" for c in t.children)
        if passive:
            # "l'attaque a été revendiquée par X": the subject is what X claims when
            # the active verb takes an object; "Y est accusé de Z par X": Z is
            agent = next((c for c in t.children if _is_agent(c)), None)
            if agent is None:  # "accusé de multiples exactions par X", "par X" hung on the noun
                agent = next(
                    (
                        g
                        for c in t.children
                        if c.dep_ in deps | {"obj"} and c.i > t.i
                        for g in c.children
                        if g.dep_.startswith("nmod") and _is_agent(g, nominal=True)
                    ),
                    None,
                )
            subj = next((c for c in t.children if c.dep_ == "nsubj:pass"), None)
            if agent is None:
                continue
            if "obj" in deps and subj is not None:
                span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
            else:  # "est accusé de multiples exactions": the parser may call it an object
                span = complement_span(t, deps | {"obj"})
            if span is not None:
                s, e = trim(doc, *span)
                if e > s:
                    out.append(Frame(s, e, source_token(agent), t.text, t))
            continue
        if is_incise(t):
            claimant = inverted_subject(t, sent)
            if claimant is not None and not deps and not _quoted_incise(t, first, claimant):
                claimant = None  # "…, ont lancé des pierres": not an incise of "lancer"
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
                    out.append(Frame(s, e, source_token(claimant), cue, t, incise=True))
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
            own = t.lemma_.lower() not in lexicon().verb_is_event
            out.append(
                Frame(
                    s,
                    e,
                    source_token(subj),
                    cue if len(cue) <= 40 else t.text,
                    t,
                    verb_span=(first.idx, t.idx + len(t.text)) if own else None,
                )
            )
    return out


def adjunct_text(prep: Token) -> str:
    """ "d'" + fixed "après" → "d'après"."""
    text = prep.lower_
    for c in prep.children:
        if c.dep_ == "fixed":
            text += ("" if text.endswith("'") else " ") + c.lower_
    return text


def _relative_follows(token: Token) -> bool:
    """ "…, selon le ministre, qui dénonce…": the rest describes the source."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and doc[j].text == ",":
        j += 1
    return j < len(doc) and "Rel" in doc[j].morph.get("PronType")


def adjunct_frames(sent: Span) -> list[Frame]:
    """Frames opened by "selon X", "d'après X", "aux dires de X" and sentence-initial
    "pour X"."""
    lex = lexicon()
    doc = sent.doc
    out: list[Frame] = []
    first_word = next((t for t in sent if not t.is_punct), None)
    words = [t.lower_ for t in sent]
    for k, w in enumerate(words):  # multiword adjuncts: "aux dires de", "à en croire"
        for phrase in lex.adjunct_phrases:
            if phrase[0] != w or tuple(words[k : k + len(phrase)]) != phrase:
                continue
            after = sent.start + k + len(phrase)
            noun = next((x for x in doc[after : sent.end] if x.pos_ in NOMINAL or x.is_punct), None)
            if doc[after - 1].pos_ in NOMINAL:  # "de source sécuritaire": the source itself
                noun = doc[after - 1]
            if noun is not None and noun.pos_ in NOMINAL:
                cue = doc.text[doc[sent.start + k].idx : doc[after - 1].idx + len(doc[after - 1])]
                frame = _adjunct_frame(sent, doc[sent.start + k], noun, cue, False)
                if frame is not None:
                    out.append(frame)
    for t in sent:
        if t.pos_ != "ADP":
            continue
        cue = adjunct_text(t)
        initial = cue in lex.initial_adjuncts and first_word is not None and t.i == first_word.i
        if cue not in lex.adjuncts and not initial:
            continue
        if t.dep_ == "mark":
            continue  # "pour sécuriser la ville": a purpose clause
        noun = t.head if t.dep_ == "case" and t.head.i > t.i else None
        if noun is not None and noun.pos_ in ("VERB", "AUX"):
            continue  # "pour sécuriser la ville"
        if noun is None or (noun.pos_ not in NOMINAL and not noun.ent_type_):
            # ("Selon Save the Children": a foreign name may be tagged X, but is an entity)
            noun = next((x for x in doc[t.i + 1 : sent.end] if x.pos_ in NOMINAL), None)
        if noun is None or not_speaker(noun):
            continue  # "pour l'heure", "pour sa part", "selon les cas"
        frame = _adjunct_frame(sent, t, noun, doc.text[t.idx : t.idx + len(cue)], initial)
        if frame is not None:
            out.append(frame)
    return out


def _adjunct_frame(sent: Span, t: Token, noun: Token, cue: str, initial: bool) -> Frame | None:
    """The frame of an adjunct opened at ``t`` whose source is ``noun``: the rest of
    the sentence, what precedes a sentence-final adjunct, or the whole clause."""
    lex = lexicon()
    doc = sent.doc
    if any(c.lemma_.lower() in lex.own_voice for c in noun.children if c.dep_ == "det"):
        return None  # "selon nos informations": the outlet's own voice
    # the adjunct phrase ends at the first comma after it (the parser's subtree
    # may swallow the clause), or at the noun phrase's right edge
    end_tok = noun if noun.pos_ == "PRON" else noun.right_edge
    for x in doc[t.i + 1 : end_tok.i + 1]:
        if x.text == ",":
            end_tok = doc[x.i - 1]
            break
    if initial:  # "Pour lui, …" but not "Pour sécuriser…" nor "pour 48 heures"
        after = doc[end_tok.i + 1] if end_tok.i + 1 < sent.end else None
        if noun.pos_ == "NOUN" and (after is None or after.text != ","):
            return None
    phrase_start, phrase_end = t.idx, end_tok.idx + len(end_tok.text)
    lead = doc.text[sent.start_char : phrase_start]
    if not any(ch.isalnum() for ch in lead) or t.i - sent.start <= 2:
        s, e = phrase_end, sent.end_char
        nxt = end_tok.i + 1
        while nxt < sent.end and doc[nxt].is_punct:
            nxt += 1
        if (
            nxt < sent.end
            and "Pres" in doc[nxt].morph.get("Tense")
            and ("Part" in doc[nxt].morph.get("VerbForm"))
        ):  # "Selon Tass, citant une source, …": the frame starts after the gerund
            comma = next((x for x in doc[nxt : sent.end] if x.text == ","), None)
            if comma is not None:
                s = comma.idx + 1
    else:
        s, e = sent.start_char, phrase_start
        tail = doc.text[phrase_end : sent.end_char]
        before = [x for x in doc[sent.start : t.i] if x.text != ","]
        glued = end_tok.i + 1 < sent.end and not doc[end_tok.i + 1].is_punct
        if (before and before[-1].pos_ == "CCONJ") or glued:
            s, e = phrase_end, sent.end_char  # "…, mais selon X, …": what follows
        elif (
            any(ch.isalnum() for ch in tail)
            and not noun.right_edge.i >= sent.end - 2
            and not _relative_follows(end_tok)
        ):
            s, e = sent.start_char, sent.end_char  # mid-sentence: the whole clause
    s, e = trim(doc, s, e)
    if e <= s:
        return None
    return Frame(s, e, source_token(noun), cue, t)
