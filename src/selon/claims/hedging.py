"""Hedging: does the outlet vouch for what it reports?

Two signals. The *conditionnel journalistique* ("aurait attaqué", "se seraient
mis d'accord", "serait mort"), read from the morphology when the tagger sets
``Mood=Cnd`` and otherwise from the verb form itself, because spaCy's French
models tag many conditionals ("retirerait") as indicative imperfect. And cue
phrases ("selon des informations non confirmées", "il semblerait que") anywhere
in the event's sentence.

Not every conditional hedges: a simple conditional in a subordinate clause is
a future in the past ("il a annoncé qu'il retirerait"), one next to a "si"
clause is hypothetical, and a modal's conditional ("pourrait", "devrait") is
possibility or obligation. Those are left to the event's status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selon.claims.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: dependency relations of a verb's auxiliaries and copula
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus", "cop"})
#: relations of a subordinate clause (a simple conditional there is not hedging)
SUBORDINATE_DEPS = frozenset({"ccomp", "acl", "acl:relcl", "advcl", "csubj"})
VERBAL = frozenset({"VERB", "AUX"})


def is_conditional(token: Token) -> bool:
    """Whether ``token`` is a verb in the conditional mood (by morphology or form)."""
    if token.pos_ not in VERBAL:
        return False
    if "Cnd" in token.morph.get("Mood"):
        return True
    lex = lexicon()
    form, lemma = token.lower_, token.lemma_.lower()
    for ending in lex.endings:
        if not form.endswith(ending) or len(form) <= len(ending) + 1:
            continue
        stem = form[: -len(ending)]
        if not stem.endswith("r"):
            return False
        if stem in lex.stems or any(len(s) >= 4 and stem.endswith(s) for s in lex.stems):
            return True
        if stem.endswith("er"):  # first group: infinitive + ending (retirerait)
            return True
        if stem.endswith("ir") and not lemma.endswith("irer"):  # finirait, not tirait
            return True
        return lemma.endswith("re") and stem == lemma[:-1]  # prendrait, dirait
    return False


def governing_verb(token: Token) -> Token | None:
    """The verb (or predicative word with a copula) whose clause holds ``token``."""
    t = token
    for _ in range(6):
        if t.pos_ in VERBAL or any(c.dep_ in AUX_DEPS for c in t.children):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def verbal_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, and those of the verb it is coordinated with,
    the infinitive of, or the gerund of ("aurait été tué et des civils blessés",
    "auraient saccagé les lieux, incendiant des véhicules")."""
    group = [verb, *(c for c in verb.children if c.dep_ in AUX_DEPS)]
    gerund = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
    if (verb.dep_ in ("conj", "xcomp") or (gerund and verb.dep_ == "advcl")) and (
        verb.head.i != verb.i
    ):
        head = verb.head
        if verb.dep_ == "xcomp" or not any(c.dep_ in AUX_DEPS for c in verb.children):
            group += [head, *(c for c in head.children if c.dep_ in AUX_DEPS)]
    return group


def hypothetical(sent: Span) -> bool:
    marks = lexicon().hypothetical_marks
    return any(t.dep_ == "mark" and t.lower_ in marks for t in sent)


def cue_in(tokens: Span | Doc) -> bool:
    """Whether a hedging cue phrase occurs among ``tokens`` (one pass, dict-free)."""
    phrases = lexicon().phrases
    words = [t.lower_ for t in tokens]
    for i, w in enumerate(words):
        for p in phrases:
            if p[0] == w and tuple(words[i : i + len(p)]) == p:
                return True
    return False


def conditional_hedges(token: Token) -> bool:
    """Whether the verbal group governing ``token`` is a journalistic conditional."""
    verb = governing_verb(token)
    if verb is None:
        return False
    lex = lexicon()
    group = verbal_group(verb)
    if any(t.lemma_.lower() in lex.cue_lemmas for t in group):
        return True
    conds = [t for t in group if is_conditional(t)]
    if not conds or hypothetical(token.sent):
        return False
    for c in conds:
        if c.lemma_.lower() in lex.modals or (
            c.dep_ in AUX_DEPS and c.head.lemma_.lower() in lex.modals
        ):
            continue  # "pourrait", "aurait fallu": possibility or regret, not hearsay
        perfect = c.dep_ in AUX_DEPS  # aurait attaqué, serait mort
        if not perfect and (
            c.dep_ in SUBORDINATE_DEPS or c.head.dep_ in SUBORDINATE_DEPS and c.dep_ == "conj"
        ):
            continue  # future in the past, or a relative clause's conditional
        return True
    return False


def hedged(token: Token) -> bool:
    """Whether an event whose trigger is ``token`` is reported without being vouched for."""
    return conditional_hedges(token) or cue_in(token.sent)
