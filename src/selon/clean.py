"""Clean stage: split the text into paragraphs and drop boilerplate.

What is dropped is not deleted: the original text stays as it was (every offset
points into it) and each dropped span is recorded with its reason, so a reader
can see what selon ignored and why. The patterns live in
``data/boilerplate.yaml``; this module only knows their shape.

Paragraphs: a blank line always separates two. A single line break separates
two as well (pages extracted to text put one paragraph, or one heading, per
line) unless it looks like a wrap: the next line starts in lower case after a
line that does not end a sentence, or the whole block is hard-wrapped (lines
of nearly equal width).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from selon.model import Document, Dropped, Offsets

DATA = Path(__file__).with_name("data") / "boilerplate.yaml"
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u202f\r]*\n")
LINE_BREAK = re.compile(r"\r?\n")
FRAGMENT_SPLIT = re.compile(r"[.!?…]+\s*")
WORD = re.compile(r"\w+", re.UNICODE)
MACRO = re.compile(r"\{([a-z_]+)\}")
#: a line that ends like a sentence (terminal punctuation, maybe closing quotes)
SENTENCE_END = re.compile(r"[.!?…:;][\s»\"”’')\]]*$")
#: one-to-one replacements before matching (same as parse.normalise, plus case)
PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ",
                       "\u202f": " ", "\u2009": " ", "\n": " ", "\t": " ", "\r": " "})
#: lines of a hard-wrapped block differ in width by at most this much
WRAP_SPREAD = 12
WRAP_MIN_LINES = 3
WRAP_MAX_WIDTH = 100


@dataclass(frozen=True)
class Rule:
    reason: str
    max_words: int | None
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Patterns:
    rules: tuple[Rule, ...]
    bio_words: re.Pattern[str]
    bio_min_fragments: int
    bio_min_share: float
    bio_max_words: int
    bio_short_words: int
    byline_max_words: int
    menu_max_words: int
    menu_min_run: int


def expand(pattern: str, macros: dict[str, Any], depth: int = 0) -> str:
    """Replace ``{name}`` by the macro's alternatives (macros may use macros)."""
    if depth > 5:
        raise ValueError(f"macros nest too deeply in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise ValueError(f"unknown macro {{{name}}} in boilerplate pattern {pattern!r}")
        value = macros[name]
        items = value if isinstance(value, list) else [value]
        items = sorted((str(i) for i in items), key=len, reverse=True)
        return "(?:" + "|".join(expand(i, macros, depth + 1) for i in items) + ")"

    return MACRO.sub(sub, pattern)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The boilerplate rules, compiled once per process."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    rules = tuple(
        Rule(
            reason=r["reason"],
            max_words=r.get("max_words"),
            patterns=tuple(re.compile(expand(rx, macros), re.IGNORECASE) for rx in r["patterns"]),
        )
        for r in data["rules"]
    )
    words = "|".join(re.escape(w) for w in sorted(set(data["bio_words"]), key=len, reverse=True))
    bio = data["bio"]
    return Patterns(
        rules=rules,
        bio_words=re.compile(rf"\b(?:{words})\b", re.IGNORECASE),
        bio_min_fragments=int(bio["min_fragments"]),
        bio_min_share=float(bio["min_share"]),
        bio_max_words=int(bio["max_words_per_fragment"]),
        bio_short_words=int(bio["short_fragment_words"]),
        byline_max_words=int(data["byline"]["max_words"]),
        menu_max_words=int(data["menu"]["max_words"]),
        menu_min_run=int(data["menu"]["min_run"]),
    )


def _trimmed(text: str, start: int, end: int) -> Offsets | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Offsets(start=start + lead, end=start + lead + len(stripped))


def hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines (but the last) have nearly the same width is wrapped prose."""
    body = [len(line.rstrip()) for line in lines[:-1]]
    return (
        len(lines) >= WRAP_MIN_LINES
        and max(body) <= WRAP_MAX_WIDTH
        and max(body) - min(body) <= WRAP_SPREAD
    )


def is_wrap(line: str, following: str) -> bool:
    """True when the break between two lines is inside a paragraph."""
    nxt = following.lstrip()
    return bool(nxt) and nxt[0].islower() and not SENTENCE_END.search(line.rstrip())


def split_block(text: str, start: int, end: int) -> list[Offsets]:
    """Split one blank-line block at the line breaks that end a paragraph."""
    breaks = list(LINE_BREAK.finditer(text, start, end))
    if not breaks:
        span = _trimmed(text, start, end)
        return [span] if span else []
    bounds = [start, *(b for m in breaks for b in (m.start(), m.end())), end]
    lines = [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    if hard_wrapped([line for line in lines if line.strip()]):
        span = _trimmed(text, start, end)
        return [span] if span else []
    spans: list[Offsets] = []
    para_start = start
    for k, m in enumerate(breaks):
        if is_wrap(lines[k], lines[k + 1]):
            continue
        span = _trimmed(text, para_start, m.start())
        if span:
            spans.append(span)
        para_start = m.end()
    span = _trimmed(text, para_start, end)
    if span:
        spans.append(span)
    return spans


def split_paragraphs(text: str) -> list[Offsets]:
    """Paragraph spans of ``text``, trimmed of surrounding white space."""
    spans: list[Offsets] = []
    pos = 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        spans.extend(split_block(text, pos, end))
        if m:
            pos = m.end()
    return spans


def is_bio(paragraph: str, p: Patterns) -> bool:
    """A generated author bio: short verbless fragments full of bio words."""
    body = paragraph.strip().strip("\"“”«»' ")
    if any(c.isdigit() for c in body):
        return False
    fragments = [f for f in FRAGMENT_SPLIT.split(body) if f.strip()]
    if len(fragments) < 2:
        return False
    sizes = [len(WORD.findall(f)) for f in fragments]
    hits = sum(1 for f in fragments if p.bio_words.search(f))
    if len(fragments) < p.bio_min_fragments:  # two fragments: both short, both bio-like
        return hits == len(fragments) and max(sizes) <= p.bio_short_words
    return (
        sum(sizes) / len(fragments) <= p.bio_max_words
        and hits / len(fragments) >= p.bio_min_share
    )


def is_byline(paragraph: str, p: Patterns) -> bool:
    """A bare author name: a few capitalised words, no sentence punctuation."""
    words = WORD.findall(paragraph)
    return (
        0 < len(words) <= p.byline_max_words
        and not re.search(r"[.!?:;,«»\"]", paragraph)
        and all(w[:1].isupper() for w in words if len(w) > 2)
    )


def is_short_line(paragraph: str, max_words: int) -> bool:
    """A line of a few words and no sentence punctuation (a heading or a menu item)."""
    return 0 < len(WORD.findall(paragraph)) <= max_words and not SENTENCE_END.search(paragraph)


def trailing_menu(paragraphs: list[str], reasons: list[str | None], p: Patterns) -> list[int]:
    """Indices of the navigation lines that trail the article, if they look like a menu."""
    run: list[int] = []
    for i in range(len(paragraphs) - 1, 0, -1):
        if reasons[i] is not None:
            continue
        if not is_short_line(paragraphs[i], p.menu_max_words):
            break
        run.append(i)
    if len(run) >= p.menu_min_run:
        return run
    if len(run) == 1 and not any(c.isspace() for c in paragraphs[run[0]].strip()):
        return run  # a lone code such as "ttn-fr-3" or "#Sahel"
    return []


def classify(paragraph: str, p: Patterns) -> str | None:
    """The reason to drop ``paragraph``, or None to keep it."""
    text = paragraph.translate(PLAIN).strip()
    n_words = len(WORD.findall(text))
    for rule in p.rules:
        if rule.max_words is not None and n_words > rule.max_words:
            continue
        if any(rx.search(text) for rx in rule.patterns):
            return rule.reason
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
        if i == 0 or reasons[i] is not None:  # the first line is the headline, never a byline
            continue
        following = reasons[i + 1 :]
        before_bio = i + 1 < len(spans) and reasons[i + 1] == "author_bio"
        before_tail = bool(following) and all(r is not None for r in following)
        if (before_bio or before_tail) and is_byline(document.text[span.start : span.end], p):
            reasons[i] = "byline"
    texts = [document.text[s.start : s.end] for s in spans]
    for i in trailing_menu(texts, reasons, p):
        reasons[i] = "menu"
    for span, reason in zip(spans, reasons, strict=True):
        if reason is None:
            document.paragraphs.append(span)
        else:
            document.dropped.append(Dropped(start=span.start, end=span.end, reason=reason))
    return document
