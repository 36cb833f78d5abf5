"""Signs that an article comes from a content farm.

Content farms republish other outlets' copy (often machine-translated or spun)
under generated author bios, with the comment form and scraper residue of
their publishing software, under titles written for clicks. Most signals read
what clean recorded in ``document.dropped``; the patterns are in
``data/contentfarm.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from selon.model import Document, Signal
from selon.quality.scoring import Finding, bio_spans, combine, compile_all, load, span

WORD = re.compile(r"\w+", re.UNICODE)
#: pictographs and symbols used as bullets (emoji blocks, dingbats, geometric shapes)
EMOJI = re.compile("[\U0001f300-\U0001faff\U0001f000-\U0001f2ff\u2600-\u27bf\u2b00-\u2bff]")


@dataclass(frozen=True)
class Rules:
    clickbait: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    residue: re.Pattern[str]
    separators: re.Pattern[str]
    title_repeat: int
    title_max_words: int
    short_words: int


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load("contentfarm")
    return Rules(
        clickbait=compile_all(data["clickbait"]),
        dateline=re.compile(data["dateline"], re.MULTILINE),
        residue=re.compile(data["residue"]),
        separators=re.compile(data["title_separators"]),
        title_repeat=int(data["title_repeat"]),
        title_max_words=int(data["title_max_words"]),
        short_words=int(data["short_words"]),
    )


def title_span(document: Document) -> tuple[str, int | None]:
    """The title and its offset in the text (None when it is not part of the text)."""
    title = (document.article.title or "").strip()
    if not title:
        return "", None
    at = document.text.find(title)
    return title, (at if at >= 0 else None)


def title_findings(document: Document, r: Rules) -> tuple[Finding, Finding]:
    clickbait, keywords = Finding(), Finding()
    title, at = title_span(document)
    if not title or len(WORD.findall(title)) > r.title_max_words:
        return clickbait, keywords  # no title, or a first sentence taken for one
    evidence = span(document, at, at + len(title)) if at is not None else None
    hits = sum(1 for rx in r.clickbait if rx.search(title))
    shouting = sum(1 for w in WORD.findall(title) if len(w) >= 4 and w.isupper()) >= 3
    marks = title.count("!") + title.count("?") >= 2
    if hits or shouting or marks:
        clickbait.add(evidence, hits + shouting + marks)
    words = [w.lower() for w in WORD.findall(title) if len(w) >= 4]
    repeated = any(words.count(w) >= r.title_repeat for w in set(words))
    if repeated or len(r.separators.findall(title)) >= 2:
        keywords.add(evidence)
    return clickbait, keywords


def line_findings(document: Document, r: Rules) -> tuple[Finding, Finding, Finding]:
    """Repeated lines, scraper residue and emoji, over the lines of the text."""
    repeated, residue, emoji = Finding(), Finding(), Finding()
    seen: set[str] = set()
    kept = [(p.start, p.end) for p in document.paragraphs]
    pos = 0
    for line in document.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        a, b = start + lead, start + lead + len(stripped)
        ev = span(document, a, b)
        if r.residue.match(stripped):  # kept or dropped: either way a script left it
            residue.add(ev)
        if not any(s <= a and b <= e for s, e in kept):
            continue  # other dropped boilerplate is judged by clean's reasons, not here
        key = " ".join(WORD.findall(stripped.lower()))
        if len(key.split()) >= 5:
            if key in seen:
                repeated.add(ev)
            seen.add(key)
        for m in EMOJI.finditer(line):
            emoji.add(span(document, start + m.start(), start + m.end()))
    return repeated, residue, emoji


def detect(document: Document) -> tuple[float, list[Signal]]:
    """The content-farm score of ``document`` and its signals."""
    r = rules()
    findings: dict[str, Finding] = {}
    bios = bio_spans(document)
    findings["author_bio"] = Finding(count=float(bool(bios)), evidence=list(bios))
    comment = Finding()
    for d in document.dropped:
        if d.reason == "comment_form":
            comment.add(span(document, d.start, d.end), 0.0)
    comment.count = float(bool(comment.evidence))
    findings["comment_form"] = comment
    first = document.text[document.paragraphs[0].start : document.paragraphs[0].end] if (
        document.paragraphs
    ) else ""
    if not document.article.published and not r.dateline.search(first[:400]):
        findings["no_date"] = Finding(count=1.0)
    findings["clickbait_title"], findings["keyword_title"] = title_findings(document, r)
    words = sum(len(WORD.findall(document.text[p.start : p.end])) for p in document.paragraphs)
    if words < r.short_words:
        findings["short_article"] = Finding(count=1.0 - words / r.short_words)
    (
        findings["repeated_paragraph"],
        findings["scraper_residue"],
        findings["emoji"],
    ) = line_findings(document, r)
    return combine(findings, load("contentfarm")["signals"], "content_farm")
