"""Actors: mentions resolved to canonical actors.

The stage :func:`resolve_actors` fills ``document.actors`` (every mention, as an
:class:`~selon.model.Actor` with the mention's span) and the token index
``document.extras["actor_tokens"]`` (token index in ``document.doc`` → Actor).
Later stages (claims, events) ask :func:`actor_of` for the actor of a noun
phrase; they never read the dictionaries themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selon.model import Actor, Document

if TYPE_CHECKING:
    from spacy.tokens import Token


def resolve_actors(document: Document) -> Document:
    """Placeholder until the resolver lands: finds no actors."""
    document.extras.setdefault("actor_tokens", {})
    return document


def actor_of(document: Document, token: Token) -> Actor | None:
    """The actor of the noun phrase headed by ``token`` (or covering it), or None.

    "les troupes russes" (head "troupes") → RUS MIL; "il" → its antecedent;
    a conjunct ("Poutine et Macron") is asked for separately by the caller.
    """
    index: dict[int, Actor] = document.extras.get("actor_tokens", {})
    return index.get(token.i)
