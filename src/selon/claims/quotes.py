"""Direct quotes: « … », " … ", “ … ” and who said them.

Quote marks are paired per paragraph with a stack, so nested quotes
(« … “ … ” … ») stay inside the outer one and only the outer one is reported.
French typography reopens « at each paragraph of a long quote, so a quote
still open at the end of a paragraph closes there. A » glued to the next word
after a space ("l' »Alliance") is a typo for « and opens.

A quote with no speaker inside a sentence of the outlet's ("condamnée pour
« outrage à un fonctionnaire dans l'exercice de ses fonctions »") is quoted
wording, not someone's words, and is not reported (ANNOTATION.md: a quote is
attributed to someone).

The speaker comes, in order of preference, from the innermost claim frame that
holds the quote (a reporting verb's complement, an incise "», a-t-il dit", a
"selon X"), from a colon frame ("X insiste : « … »"), or, when the quote opens
its sentence and nothing in it names a speaker, from the last speaker of the
previous sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: opening mark → closing mark; '"' is its own closer
PAIRS = {"«": "»", "“": "”", '"': '"'}
CLOSERS = frozenset(PAIRS.values())
MIN_WORDS = 4  # ANNOTATION.md: quoted fragments under four words are not quotes


@dataclass
class QuoteSpan:
    """One quote in ``doc`` character offsets: marks at ``open``/``close``, text inside."""

    open: int
    close: int  # index of the closing mark, or the paragraph end
    start: int  # first character of the quoted words
    end: int
    speaker: Token | None = None
    verb: str | None = None
    source: str | None = None  # how the speaker was found: frame, colon, previous
    embedded: bool = False  # inside a sentence of the outlet's, not opening one

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, self.close + 1


def _after_elision(text: str, lo: int, i: int) -> bool:
    """Whether the mark at ``i`` follows an elided article ("l' »", "d' »")."""
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return j < i - 1 and j >= lo and text[j] == "'"


def _pairs_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Outermost (open, close) mark positions in text[lo:hi]."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in PAIRS and ch not in CLOSERS:
            continue
        if ch == "»" and i + 1 < hi and text[i + 1].isalnum() and _after_elision(text, lo, i):
            ch = "«"  # "l' »Alliance": a misprinted opening mark
        if ch == '"':
            if stack and stack[-1][0] == '"':
                opened = stack.pop()[1]
                if not stack:
                    out.append((opened, i))
                continue
            # a straight quote with none open opens
            stack.append(('"', i))
            continue
        if ch in PAIRS:
            stack.append((ch, i))
            continue
        # a closing mark: close the nearest matching opener
        for k in range(len(stack) - 1, -1, -1):
            if PAIRS[stack[k][0]] == ch:
                opened = stack[k][1]
                del stack[k:]
                if not stack:
                    out.append((opened, i))
                break
    if stack:  # unclosed: the quote runs to the paragraph's end
        out.append((stack[0][1], hi))
    return out


def find_quotes(doc: Doc, paragraph_starts: list[int]) -> list[QuoteSpan]:
    """All outermost quotes of ``doc``, paragraph by paragraph."""
    text = doc.text
    bounds = sorted(set(paragraph_starts) | {0}) + [len(text)]
    out: list[QuoteSpan] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        for opened, closed in _pairs_in(text, lo, hi):
            s, e = opened + 1, closed
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(QuoteSpan(open=opened, close=closed, start=s, end=e))
    return out


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


class QuoteIndex:
    """Look up the quote covering a character (doc offsets), by bisection."""

    def __init__(self, quotes: list[QuoteSpan]):
        self.quotes = sorted(quotes, key=lambda q: q.open)
        self.opens = [q.open for q in self.quotes]

    def at(self, char: int) -> tuple[int, int] | None:
        i = bisect_right(self.opens, char) - 1
        if i >= 0 and self.quotes[i].open <= char <= self.quotes[i].close:
            return self.quotes[i].outer
        return None
