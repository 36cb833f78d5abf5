"""Claims: quotes, reported speech, "selon X" frames and hedging."""

from selon.model import Document


def find_claims(document: Document) -> Document:
    """Placeholder until the claims stage lands: finds no quotes or claims."""
    return document
