"""RSS/Atom reader (feedparser): each feed entry saved in a file becomes an Article.

An entry's text is its full content when the feed carries it, else its summary;
HTML markup is reduced to paragraphs (one per block element). The entry's own
date wins over ``--published``, which only fills in undated entries. An entry
without text becomes an error article naming the feed and the entry number.
"""

from __future__ import annotations

from collections.abc import Iterator

from selon.ingest import article_from_text, check_date, error_article, register
from selon.model import Article

#: HTML elements after which a paragraph ends
BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
     "article", "pre", "tr", "dd", "dt", "figcaption", "header", "footer"}
)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block, blank-line separated."""
    if "<" not in fragment:
        paras = fragment.split("\n\n")
    else:
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        except Exception:  # lxml raises ParserError and others on odd markup
            return ""
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag in BLOCKS:
                el.tail = "\n\n" + (el.tail or "")
            elif el.tag == "br":
                el.tail = "\n" + (el.tail or "")
        paras = root.text_content().split("\n\n")
    paras = [" ".join(p.split()) for p in paras]
    return "\n\n".join(p for p in paras if p)


def entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def entry_text(entry) -> str:
    contents = entry.get("content") or []
    for html in [c.get("value", "") for c in contents] + [entry.get("summary", "")]:
        text = fragment_text(html or "")
        if text:
            return text
    return ""


@register("feed", (".rss", ".atom"))
def read_feed(data: bytes, source: str, options: dict) -> Iterator[Article]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        raise ValueError(f"not a readable RSS/Atom feed{f': {problem}' if problem else ''}")
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries):
        where = f"{source}#{n}"
        text = entry_text(entry)
        if not text:
            yield error_article(where, "feed entry has no text")
            continue
        try:
            published = entry_date(entry) or check_date(options.get("published"), where)
            fields = {"url": entry.get("link") or None, "outlet": outlet}
            yield article_from_text(
                text, published=published, source=where, title=entry.get("title") or None,
                **{k: v for k, v in fields.items() if v},
            )
        except ValueError as exc:
            yield error_article(where, str(exc))
