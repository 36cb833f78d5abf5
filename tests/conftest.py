"""Shared fixtures: the French pipeline is loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from selon.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def code(nlp):
    """Code a French text with the full pipeline: ``code(text, published=...)`` → Record."""
    from selon.pipeline import extract

    def run(text: str, published: str | None = "2024-03-15"):
        return extract(text, published=published, nlp=nlp)

    return run


@pytest.fixture(scope="session")
def document(nlp):
    """Clean and parse a text into a Document (no later stages): ``document(text)``."""
    from selon.ingest import article_from_text
    from selon.parse import parse
    from selon.pipeline import prepare

    def run(text: str, published: str | None = "2024-03-15"):
        return parse(prepare(article_from_text(text, published=published)), nlp)

    return run


@pytest.fixture
def resolved(document, request):
    """Parse a text and resolve its actors: ``resolved(text, published=...)``;
    the date defaults to the test module's ``PUBLISHED``."""
    from selon.actors import resolve_actors

    default = getattr(request.module, "PUBLISHED", "2024-03-15")

    def run(text: str, published: str | None = default):
        return resolve_actors(document(text, published=published))

    return run
