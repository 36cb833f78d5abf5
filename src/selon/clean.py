"""Clean stage: split the text into paragraphs and drop boilerplate.

What is dropped is not deleted: the original text stays as it was (every offset
points into it) and each dropped span is recorded with its reason, so a reader
can see what selon ignored and why. The patterns live in
``data/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from selon.model import Document, Dropped, Offsets

DATA = Path(__file__).with_name("data") / "boilerplate.yaml"
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
FRAGMENT_SPLIT = re.compile(r"[.!?…]+\s*")
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Patterns:
    paragraph: tuple[tuple[str, re.Pattern[str]], ...]
    bio_words: re.Pattern[str]
    bio_min_hits: int
    bio_max_words: int
    byline_max_words: int


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    compiled = tuple(
        (reason, re.compile(rx, re.IGNORECASE))
        for reason, rxs in data["paragraph"].items()
        for rx in rxs
    )
    words = "|".join(re.escape(w) for w in sorted(data["bio_words"], key=len, reverse=True))
    return Patterns(
        paragraph=compiled,
        bio_words=re.compile(rf"\b({words})\b", re.IGNORECASE),
        bio_min_hits=int(data["bio_min_hits"]),
        bio_max_words=int(data["bio_max_words_per_fragment"]),
        byline_max_words=int(data["byline_max_words"]),
    )


def split_paragraphs(text: str) -> list[Offsets]:
    """Paragraph spans (blank-line separated), trimmed of surrounding white space."""
    spans: list[Offsets] = []
    pos = 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append(Offsets(start=pos + lead, end=pos + lead + len(stripped)))
        if m:
            pos = m.end()
    return spans


def is_bio(paragraph: str, p: Patterns) -> bool:
    """A generated author bio: short verbless fragments full of bio words."""
    body = paragraph.strip().strip("\"“”«»' ")
    fragments = [f for f in FRAGMENT_SPLIT.split(body) if f.strip()]
    if len(fragments) < p.bio_min_hits:
        return False
    words = sum(len(WORD.findall(f)) for f in fragments)
    if words / len(fragments) > p.bio_max_words:
        return False
    hits = sum(1 for f in fragments if p.bio_words.search(f))
    return hits >= p.bio_min_hits


def is_byline(paragraph: str, p: Patterns) -> bool:
    words = WORD.findall(paragraph)
    return (
        0 < len(words) <= p.byline_max_words
        and not re.search(r"[.!?:;,«»\"]", paragraph)
        and all(w[:1].isupper() for w in words if len(w) > 2)
    )


def classify(paragraph: str, p: Patterns) -> str | None:
    """The reason to drop ``paragraph``, or None to keep it."""
    text = paragraph.strip()
    for reason, rx in p.paragraph:
        if rx.search(text):
            return reason
    if is_bio(text, p):
        return "author_bio"
    return None


def clean(document: Document) -> Document:
    """Fill ``document.paragraphs`` (kept) and ``document.dropped`` (with reasons)."""
    p = patterns()
    spans = split_paragraphs(document.text)
    reasons = [classify(document.text[s.start : s.end], p) for s in spans]
    # a byline: a short name right before a dropped bio, or the last paragraph
    # before a run of dropped boilerplate at the end of the article
    for i, span in enumerate(spans):
        if reasons[i] is not None:
            continue
        following = reasons[i + 1 :]
        before_bio = i + 1 < len(spans) and reasons[i + 1] == "author_bio"
        before_tail = bool(following) and all(r is not None for r in following)
        if (before_bio or before_tail) and is_byline(document.text[span.start : span.end], p):
            reasons[i] = "byline"
    for span, reason in zip(spans, reasons, strict=True):
        if reason is None:
            document.paragraphs.append(span)
        else:
            document.dropped.append(Dropped(start=span.start, end=span.end, reason=reason))
    return document
