"""Events: the French PLOVER event coder."""

from selon.model import Document


def code_events(document: Document) -> Document:
    """Placeholder until the coder lands: finds no events."""
    return document
