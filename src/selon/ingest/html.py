"""HTML reader: main text and metadata through trafilatura.

Why a size limit before trafilatura: a 20 MB page takes trafilatura (and lxml)
seconds and hundreds of megabytes; no news article is that large, so such an
input is refused at once with an error naming it (``ingest.max_html_bytes``).
"""

from __future__ import annotations

from collections.abc import Iterator

from selon.ingest import article_from_text, check_date, decode, register
from selon.model import Article
from selon.settings import get_settings


def check_html_size(size: int) -> None:
    """Raise ValueError when an HTML input is over ``ingest.max_html_bytes``."""
    limit = get_settings()["ingest"]["max_html_bytes"]
    if size > limit:
        raise ValueError(
            f"HTML is larger than the {limit:,}-byte limit (ingest.max_html_bytes): {size:,} bytes"
        )


def metadata_date(value: str | None, source: str) -> str | None:
    """The page's own date, or None when it has none or an unreadable one."""
    try:
        return check_date(value, source)
    except ValueError:
        return None


def article_from_html(
    html: str,
    source: str,
    *,
    published: str | None = None,
    default_published: str | None = None,
    **fields,
) -> Article:
    """Extract the main text (trafilatura), keeping paragraphs as blank-line blocks.

    The date is ``published`` when given (e.g. a JSONL row's own field), else the
    page's metadata date, else ``default_published`` (``--published``).
    """
    check_html_size(len(html.encode("utf-8", "ignore")))
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=fields.get("url"), with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=True,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise ValueError(f"could not extract text from the HTML ({type(exc).__name__})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML")
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    fields.setdefault("title", getattr(doc, "title", None))
    if getattr(doc, "sitename", None):
        fields.setdefault("outlet", doc.sitename)
    if getattr(doc, "url", None) and not fields.get("url"):
        fields["url"] = doc.url
    date = published or metadata_date(getattr(doc, "date", None), source) or default_published
    article = article_from_text(text, published=date, source=source, **fields)
    article.raw_html = html
    return article


@register("html", (".html", ".htm", ".xhtml"))
def read_html(data: bytes, source: str, options: dict) -> Iterator[Article]:
    check_html_size(len(data))
    yield article_from_html(
        decode(data, source), source, default_published=options.get("published")
    )
