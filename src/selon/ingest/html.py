"""HTML reader: main text and metadata through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from selon.ingest import article_from_text, check_date, decode, register
from selon.model import Article
from selon.settings import get_settings


def article_from_html(html: str, source: str, *, published: str | None = None, **fields) -> Article:
    """Extract the main text (trafilatura), keeping paragraphs as blank-line blocks."""
    import trafilatura

    limit = get_settings()["ingest"]["max_html_bytes"]
    if len(html.encode("utf-8", "ignore")) > limit:
        raise ValueError(f"HTML is larger than the {limit:,}-byte limit (ingest.max_html_bytes)")
    doc = trafilatura.bare_extraction(
        html, url=fields.get("url"), with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML")
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta_date = getattr(doc, "date", None)
    fields.setdefault("title", getattr(doc, "title", None))
    if getattr(doc, "sitename", None):
        fields.setdefault("outlet", doc.sitename)
    if getattr(doc, "url", None) and not fields.get("url"):
        fields["url"] = doc.url
    date = published or check_date(meta_date, source) if meta_date else published
    article = article_from_text(text, published=date, source=source, **fields)
    article.raw_html = html
    return article


@register("html", (".html", ".htm", ".xhtml"))
def read_html(data: bytes, source: str, options: dict) -> Iterator[Article]:
    yield article_from_html(decode(data, source), source, published=options.get("published"))
