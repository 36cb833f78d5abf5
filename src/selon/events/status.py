"""Event status: occurred, planned, negated or hypothetical.

Why from the parse and not from a window of words: the cue that changes an
event's status is attached to the trigger ("n'a pas attaqué", "aucun accord")
or sits on a verb that governs it ("nie toute attaque", "veut se retirer",
"menace de frapper"), often several words away. So we read the trigger's own
morphology and children, then climb its governors for a few steps, stopping at
the clause that reports it. The French words live in ``data/status.yaml``.

Priority when several cues apply: negated > hypothetical > planned > occurred.
The conditional of hearsay ("aurait attaqué") is not a status: the event keeps
"occurred" and the claims stage marks it hedged.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

#: relations through which a governing word's cues reach the event
_CLIMB = frozenset({
    "obj", "xcomp", "ccomp", "nmod", "obl:arg", "obl", "obl:mod", "nsubj", "nsubj:pass",
    "iobj", "advcl",
})
#: relations of a noun event to a verb that carry the verb's negation to it
_NEG_SPREAD = frozenset({"nsubj", "nsubj:pass", "obl:arg", "obj"})
_MAX_CLIMB = 4
#: relations through which a governing verb's meaning (deny, plan, threaten) applies
_GOVERN = frozenset({"obj", "xcomp", "ccomp", "obl:arg", "nsubj:pass", "iobj"})


@dataclass(frozen=True)
class StatusCues:
    """The lists of ``data/status.yaml`` as frozensets."""

    negation_adverbs: frozenset[str]
    needs_ne: frozenset[str]
    negation_particle: frozenset[str]
    negative_determiners: frozenset[str]
    negative_prepositions: frozenset[str]
    negating_verbs: frozenset[str]
    achievement_verbs: frozenset[str]
    planning_verbs: frozenset[str]
    planning_verbs_infinitive_only: frozenset[str]
    planning_nouns: frozenset[str]
    hypothetical_nouns: frozenset[str]
    planned_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_only_conditional: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_endings: frozenset[str]
    conditional_endings: frozenset[str]
    future_date_words: frozenset[str]
    uttered_types: frozenset[str]
    condition_markers: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> StatusCues:
    text = resources.files("selon.events").joinpath("data/status.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    fields = StatusCues.__dataclass_fields__
    return StatusCues(
        **{
            name: frozenset(
                str(w) if name == "uttered_types" else str(w).lower()
                for w in raw.get(name) or []
            )
            for name in fields
        }
    )


def future_date(text: str | None) -> bool:
    """Whether a date expression points forward ("dans les prochains jours")."""
    if not text:
        return False
    low = " " + text.lower().replace("’", "'") + " "
    cues = load_cues().future_date_words
    return any(f" {cue} " in low or low.startswith(f" {cue}") for cue in cues)


@lru_cache(maxsize=8192)
def _unaccent(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_negated(token: Token, cues: StatusCues | None = None) -> bool:
    """Whether ``token`` carries a negation (adverb, negative determiner, "sans")."""
    cues = cues or load_cues()
    children = list(token.children)
    has_ne = any(_lemma(c) in cues.negation_particle or c.lower_ in cues.negation_particle
                 for c in children)
    for c in children:
        lem, low = _lemma(c), c.lower_
        adverb = lem in cues.negation_adverbs or low in cues.negation_adverbs
        alone = low not in cues.needs_ne and lem not in cues.needs_ne
        if c.dep_ == "advmod" and adverb and (alone or has_ne):
            return True
        if c.dep_ == "det" and (cues.negative_determiners & {low, lem}):
            return True
        if c.dep_ in ("case", "mark") and low in cues.negative_prepositions:
            return True
    return False


def _ending(token: Token, cues: StatusCues) -> str | None:
    """'Fut' or 'Cnd' read from the ending of a form built on the infinitive."""
    lemma, low = _lemma(token), token.lower_
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    if len(low) <= len(stem) or not low.startswith(stem):
        return None
    rest = "r" + low[len(stem):] if lemma.endswith("re") else low[len(lemma) - 1:]
    for ending in cues.conditional_endings:
        if rest == ending:
            return "Cnd"
    for ending in cues.future_endings:
        if rest == ending:
            return "Fut"
    return None


def _is_infinitive(token: Token) -> bool:
    """An infinitive (the tagger's VerbForm is unreliable: a verb spelt as its lemma)."""
    if "Inf" in token.morph.get("VerbForm"):
        return True
    return token.pos_ == "VERB" and token.lower_ == _lemma(token)


def _tense_cue(token: Token, cues: StatusCues | None = None) -> str | None:
    """'planned' for a future; 'cond' for a simple conditional; None otherwise."""
    cues = cues or load_cues()
    verbs = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
    tenses = {t for v in verbs for t in v.morph.get("Tense")}
    moods = {m for v in verbs for m in v.morph.get("Mood")}
    for v in verbs:
        guess = _ending(v, cues) if v.pos_ in ("VERB", "AUX") else None
        if guess == "Fut":
            tenses.add("Fut")
        elif guess == "Cnd":
            moods.add("Cnd")
    if "Cnd" in moods:
        compound = any(c.dep_ == "aux:tense" for c in token.children)
        return None if compound else "cond"
    if "Fut" in tenses:
        return "planned"
    return None


def event_status(trigger: Token, transparent: frozenset[str] = frozenset()) -> str:
    """The status of the event whose trigger head is ``trigger``.

    ``transparent``: lemmas of support verbs ("lancer une offensive"), through
    which the cues of higher governors still reach the event; any other verb
    between the trigger and a governor stops the climb ("pourrait expliquer
    les attaques" does not make the attacks hypothetical).
    """
    cues = load_cues()
    transparent = frozenset({*transparent, *(_unaccent(w) for w in transparent)})
    negated = hypothetical = planned = False
    if is_negated(trigger, cues):
        negated = True
    tense = _tense_cue(trigger, cues) if trigger.pos_ in ("VERB", "AUX", "ADJ") else None
    if tense == "planned":
        planned = True
    doc = trigger.doc
    before = [doc[j] for j in range(max(trigger.i - 2, trigger.sent.start), trigger.i)]
    for c in [*trigger.children, *before]:
        low, lem = c.lower_, _lemma(c)
        if c.dep_ == "mark" and low in cues.condition_markers and c.head == trigger:
            hypothetical = True
        elif c.dep_ in ("amod", "advmod", "nmod") or c.head != trigger:
            if low in cues.hypothetical_adjectives or lem in cues.hypothetical_adjectives:
                hypothetical = True
            elif low in cues.planned_adjectives or lem in cues.planned_adjectives:
                planned = True
    # climb the governors
    cur = trigger
    for _ in range(_MAX_CLIMB):
        head, dep = cur.head, cur.dep_
        infinitive = _is_infinitive(cur)
        if head == cur or not (dep in _CLIMB or (dep == "acl" and infinitive)):
            break
        lem = _lemma(head)
        governs = dep in _GOVERN
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            head_negated = is_negated(head, cues)
            if governs and lem in cues.negating_verbs:
                negated = True
            if governs and head_negated and lem in cues.achievement_verbs:
                negated = True
            spread = infinitive or dep in ("nsubj", "nsubj:pass", "obl:arg") or (
                dep == "obj" and _unaccent(lem) in transparent
            )
            if head_negated and spread and (cur == trigger or infinitive):
                negated = True
            if lem in cues.hypothetical_verbs and (infinitive or dep in ("obj", "xcomp")):
                hypothetical = hypothetical or lem not in cues.hypothetical_only_conditional or (
                    _tense_cue(head, cues) == "cond"
                )
            if governs and lem in cues.planning_verbs and dep != "ccomp":
                planned = planned or infinitive or lem not in cues.planning_verbs_infinitive_only
            if dep in ("xcomp", "obj", "nsubj:pass", "nsubj") and (
                _tense_cue(head, cues) == "planned"
            ):
                planned = True
            if dep == "nsubj" and lem in cues.future_auxiliaries and any(
                c.dep_ == "xcomp" and _is_infinitive(c) for c in head.children
            ):
                planned = True
            if any(c.dep_ == "mark" and c.lower_ in cues.condition_markers for c in head.children):
                hypothetical = True
        elif head.pos_ in ("NOUN", "PROPN"):
            if lem in cues.planning_nouns:
                planned = True
            if lem in cues.hypothetical_nouns:
                hypothetical = True
            for c in head.children:
                if c.dep_ == "amod" and (c.lower_ in cues.hypothetical_adjectives):
                    hypothetical = True
        if dep == "ccomp":  # the reporting verb's clause: stop there
            if tense == "cond":  # future in the past: "a annoncé qu'il se retirerait"
                planned = True
            break
        content_verb = head.pos_ in ("VERB", "ADJ") and _unaccent(lem) not in transparent and not (
            lem in cues.planning_verbs or lem in cues.negating_verbs
            or lem in cues.hypothetical_verbs or lem in cues.achievement_verbs
            or lem in cues.future_auxiliaries
        )
        if content_verb:
            break
        cur = head
    sent = trigger.sent
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        hypothetical = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    return "occurred"
