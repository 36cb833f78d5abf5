"""The claims stage's language knowledge, loaded once from ``claims/data/``.

Why a module of its own: the French words (reporting verbs, statement nouns,
"selon"-type adjuncts, hedging cues, conditional stems) live in YAML files so
that a new construction is a data edit; this module turns them into frozen
lookup tables, built on first use and cached for the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Lexicon:
    #: reporting verb lemma → dependency relations whose subtree is the frame
    verbs: dict[str, frozenset[str]]
    #: reporting verb forms the tagger reads as other words ("dément")
    mistagged: frozenset[str]
    #: reporting verbs whose own event is the outlet's statement ("X accuse Y")
    verb_is_event: frozenset[str]
    #: impersonal subject pronouns ("on"): "a-t-on appris de source sûre"
    impersonal: frozenset[str]
    #: determiners (lemma) by which the outlet speaks for itself ("nos informations")
    own_voice: frozenset[str]
    #: subordinators that continue the previous sentence's reported speech ("Et que …")
    continuation_marks: frozenset[str]
    #: the preposition of a passive's agent ("par")
    agent_prepositions: frozenset[str]
    #: the genitive preposition ("de"): "des attaques", "le communiqué du Kremlin"
    genitive: frozenset[str]
    #: nouns naming a statement or document ("communiqué", "lettre")
    nouns: frozenset[str]
    #: prepositions opening a frame anywhere ("selon", "d'après")
    adjuncts: frozenset[str]
    #: multiword adjuncts, as tuples of lower-cased words ("aux dires de")
    adjunct_phrases: tuple[tuple[str, ...], ...]
    #: prepositions opening a frame only sentence-initially ("pour")
    initial_adjuncts: frozenset[str]
    #: time nouns that follow an incise verb but never speak ("lundi")
    not_speakers: frozenset[str]
    #: hedging cue phrases, each a tuple of lower-cased words
    phrases: tuple[tuple[str, ...], ...]
    #: lemmas that hedge what they govern ("sembler")
    cue_lemmas: frozenset[str]
    #: conditional person endings, longest first
    endings: tuple[str, ...]
    #: irregular conditional stems
    stems: frozenset[str]
    #: modal verbs whose conditional is not journalistic
    modals: frozenset[str]
    #: subordinators of hypothetical clauses ("si")
    hypothetical_marks: frozenset[str]


def _load(name: str) -> dict:
    text = resources.files("selon.claims").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _words(phrase: str) -> tuple[str, ...]:
    """Split a cue phrase the way spaCy's French tokenizer splits elisions."""
    out: list[str] = []
    for word in phrase.lower().split():
        while "'" in word[:-1]:
            head, word = word.split("'", 1)
            out.append(head + "'")
        out.append(word)
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = _load("reporting_verbs.yaml")
    cues = _load("cues.yaml")
    cond = cues.get("conditional", {})
    return Lexicon(
        verbs={k: frozenset(v or ()) for k, v in (verbs.get("verbs") or {}).items()},
        verb_is_event=frozenset(verbs.get("verb_is_event") or ()),
        mistagged=frozenset(verbs.get("mistagged") or ()),
        nouns=frozenset(verbs.get("nouns") or ()),
        genitive=frozenset(verbs.get("genitive") or ()),
        agent_prepositions=frozenset(verbs.get("agent_prepositions") or ()),
        continuation_marks=frozenset(verbs.get("continuation_marks") or ()),
        impersonal=frozenset(verbs.get("impersonal") or ()),
        own_voice=frozenset(verbs.get("own_voice") or ()),
        adjuncts=frozenset(verbs.get("adjuncts") or ()),
        initial_adjuncts=frozenset(verbs.get("initial_adjuncts") or ()),
        adjunct_phrases=tuple(_words(p) for p in verbs.get("adjunct_phrases") or ()),
        not_speakers=frozenset(verbs.get("not_speakers") or ()),
        phrases=tuple(
            sorted({_words(p) for p in cues.get("phrases") or ()}, key=len, reverse=True)
        ),
        cue_lemmas=frozenset(cues.get("cue_lemmas") or ()),
        endings=tuple(sorted(cond.get("endings") or (), key=len, reverse=True)),
        stems=frozenset(cond.get("stems") or ()),
        modals=frozenset(cond.get("modals") or ()),
        hypothetical_marks=frozenset(cues.get("hypothetical_marks") or ()),
    )
