"""The pipeline: the one place that knows the order of the stages.

``extract(article)`` codes one article; ``extract_many(articles)`` codes a stream
with spaCy batching (and optional worker processes). Each stage is a plain
function of :class:`selon.model.Document`; a stage that fails on one article
records an error on that article and the others still run, so one broken
article never stops a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from selon.actors import resolve_actors
from selon.claims import find_claims
from selon.clean import clean
from selon.events import code_events
from selon.model import Article, Document, Error, Record
from selon.parse import load_nlp, parse_many
from selon.quality import assess

if TYPE_CHECKING:
    from spacy.language import Language

Stage = Callable[[Document], Document]

#: stages after parsing, in order; each reads what the previous ones wrote
STAGES: list[tuple[str, Stage]] = [
    ("actors", resolve_actors),
    ("claims", find_claims),
    ("events", code_events),
]


def run_stage(name: str, stage: Stage, document: Document) -> Document:
    try:
        return stage(document)
    except Exception as exc:  # one article's failure must not stop the batch
        document.errors.append(Error(stage=name, message=f"{type(exc).__name__}: {exc}"))
        return document


def prepare(article: Article) -> Document:
    """Clean an article's text into paragraphs (before parsing)."""
    document = Document(article=article, text=article.text)
    if article.errors:
        return document
    if not article.text.strip():
        document.errors.append(Error(stage="ingest", message="article has no text"))
        return document
    return run_stage("clean", clean, document)


def finish(document: Document) -> Record:
    """Run the stages that follow parsing, then build the record."""
    if document.doc is not None:
        for name, stage in STAGES:
            document = run_stage(name, stage, document)
    document = run_stage("quality", assess, document)
    return document.to_record()


def extract_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
) -> Iterator[Record]:
    """Code a stream of articles, in order, one record per article."""
    nlp = nlp or load_nlp()
    documents = (prepare(a) for a in articles)
    for document in parse_many(documents, nlp, n_process=n_process, batch_size=batch_size):
        yield finish(document)


def extract(article: Article | str, *, published: str | None = None, nlp=None) -> Record:
    """Code one article (an :class:`Article`, or plain French text)."""
    if isinstance(article, str):
        from selon.ingest import article_from_text

        article = article_from_text(article, published=published)
    return next(extract_many([article], nlp=nlp))
