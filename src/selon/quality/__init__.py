"""Quality: the article's own reliability signals."""

from selon.model import Document


def assess(document: Document) -> Document:
    """Placeholder until the quality stage lands: records no signals."""
    return document
