"""Actors: mentions resolved to canonical actors.

The stage :func:`resolve_actors` fills ``document.actors`` (every mention, as an
:class:`~selon.model.Actor` with the mention's span) and the token index
``document.extras["actor_tokens"]`` (token index in ``document.doc`` → Actor).
Later stages (claims, events) ask :func:`actor_of` for the actor of a noun
phrase; they never read the dictionaries themselves. :func:`lookup` resolves a
free string ("OTAN", "le président français") the same way.

The dictionary is data (``data/``); see ``docs/actors.md`` to add an actor or
an office holder.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from selon.actors.lexicon import DEMONYM, at_date, fold, lexicon, slug
from selon.actors.resolver import SAME_PHRASE, Resolver, resolve_document
from selon.model import Actor, Document

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["actor_of", "lookup", "resolve_actors"]


def resolve_actors(document: Document) -> Document:
    """The actors stage: every actor mention of ``document.doc``, resolved."""
    document.extras.setdefault("actor_tokens", {})
    if document.doc is None or not len(document.doc):
        return document
    mentions, index = resolve_document(document)
    document.actors = mentions
    document.extras["actor_tokens"] = index
    return document


def actor_of(document: Document, token: Token) -> Actor | None:
    """The actor of the noun phrase headed by ``token`` (or covering it), or None.

    "les troupes russes" (head "troupes") → RUS MIL; "il" → its antecedent;
    a conjunct ("Poutine et Macron") is asked for separately by the caller.
    Looks at the token, then at its direct dependents that name the same thing
    (apposition, flat name, adjective): O(size of the phrase).
    """
    index: dict[int, Actor] = document.extras.get("actor_tokens", {})
    actor = index.get(token.i)
    if actor is not None:
        return actor
    for child in token.children:
        if child.dep_ in SAME_PHRASE and child.i in index:
            return index[child.i]
    return None


def _strip_article(name: str, determiners: frozenset[str]) -> str:
    """ "le département du Trésor" → "département du Trésor"."""
    text = name.strip()
    while True:
        head, sep, rest = text.replace("’", "'").partition(" ")
        if "'" in head[:-1] and fold(head.split("'")[0] + "'") in determiners:
            return text[len(head.split("'")[0]) + 1 :].strip()
        if sep and fold(head) in determiners:
            text = text[len(head) :].strip()
            continue
        return text


def lookup(name: str, published: str | None = None) -> Actor | None:
    """Resolve a free string to an actor (``start``/``end`` are 0).

    Accepts names and aliases ("OTAN", "Poutine", "le Kremlin"), titles with a
    demonym or an owner ("le président français", "secrétaire général de
    l'OTAN"), and generic agents ("l'armée malienne", "médias russes").
    """
    if not name or not name.strip():
        return None
    lex = lexicon()
    r = Resolver(SimpleNamespace(doc=None, published=published), lex)
    words = fold(name).split()
    while len(words) > 1 and words[0] in lex.determiners:
        words = words[1:]
    entries = lex.names.get(" ".join(words))
    if entries:
        actor = r.pick(entries)
        if actor is not None:
            return actor
    # a title or agent, with demonyms anywhere and an owner after "de"
    country: str | None = None
    rest: list[str] = []
    for w in words:
        e = lex.names.get(w)
        if e and all(x.category == DEMONYM for x in e):
            country = country or e[0].ref
        else:
            rest.append(w)
    for cut in range(len(rest), 0, -1):
        head = " ".join(rest[:cut])
        if head not in lex.titles and head not in lex.agents:
            continue
        tail = rest[cut:]
        owner: Actor | None = None
        while tail and (tail[0] in lex.linkers or tail[0] in lex.determiners):
            tail = tail[1:]
        if tail:
            found = lex.names.get(" ".join(tail))
            owner = r.pick(found) if found else None
        if owner is None:  # a title that spells its owner: "porte-parole du Kremlin"
            hw = head.split()
            for k in range(1, len(hw)):
                found = lex.names.get(" ".join(hw[k:]))
                if found:
                    owner = r.pick(found)
                    break
        if head in lex.titles:
            title = lex.titles[head]
            key = title.org or (owner.id[4:] if owner is not None and owner.id.startswith("org:")
                                else (owner.country if owner is not None else country))
            if title.role and key:
                office = at_date(lex.holders.get((title.role, key), []), published)
                if office is not None:
                    return r.office_actor(office)
            if owner is not None and title.kind == "IGO":
                return owner
            c = country or (owner.country if owner is not None else None)
            label = _strip_article(name, lex.determiners)
            return r.actor(f"title:{slug(label)}", label, c, title.kind)
        kind = lex.agents[head]
        if kind == "inherit":
            return owner or (r.country_actor(country) if country else None)
        if owner is not None and owner.id.startswith("org:") and country is None:
            return owner
        c = country or (owner.country if owner is not None else None)
        label = _strip_article(name, lex.determiners)
        return r.actor(f"group:{slug(label)}", label, c, kind)
    return None
