"""What the two detectors share: signal data files, strengths and the noisy-OR.

A detector finds occurrences of a signal (each with its evidence span in the
original text). A signal's strength is ``min(1, occurrences / saturate)``, its
contribution ``weight * strength``; an article's score is the noisy-OR of the
contributions, ``1 - prod(1 - contribution)``: one strong signal can flag an
article alone, weak ones add up, and the score stays in [0, 1]. Weights and
saturation points live in ``data/*.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from selon.model import Document, Signal, TextSpan

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=8)
def load(name: str) -> dict[str, Any]:
    """A data file of this package (``translation``, ``contentfarm``), parsed once."""
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


@dataclass
class Finding:
    """Occurrences of one signal: a count and the evidence spans."""

    count: float = 0.0
    evidence: list[TextSpan] = field(default_factory=list)

    def add(self, span: TextSpan | None, count: float = 1.0) -> None:
        self.count += count
        if span is not None:
            self.evidence.append(span)


def span(document: Document, start: int, end: int) -> TextSpan:
    """A TextSpan of the original text."""
    return TextSpan(text=document.text[start:end], start=start, end=end)


def doc_span(document: Document, start: int, end: int) -> TextSpan:
    """A TextSpan from offsets in ``document.doc.text``."""
    return span(document, document.to_text(start), document.to_text(end))


def combine(
    findings: dict[str, Finding], config: dict[str, Any], prefix: str
) -> tuple[float, list[Signal]]:
    """The noisy-OR score of ``findings`` and one Signal per signal found.

    ``Signal.score`` is the signal's contribution (``weight * strength``), so a
    reader sees at once how much each piece of evidence moved the score.
    """
    remaining = 1.0
    signals: list[Signal] = []
    for name, finding in findings.items():
        if finding.count <= 0:
            continue
        conf = config[name]
        strength = min(1.0, finding.count / float(conf.get("saturate", 1)))
        contribution = float(conf["weight"]) * strength
        remaining *= 1.0 - contribution
        evidence = sorted(
            {(e.start, e.end): e for e in finding.evidence}.values(), key=lambda e: e.start
        )
        signals.append(
            Signal(name=f"{prefix}.{name}", score=round(contribution, 3), evidence=evidence)
        )
    return round(1.0 - remaining, 3), signals


def compile_all(patterns: list[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def kept_text(document: Document) -> str:
    """The kept paragraphs of the original text, one per line."""
    return "\n".join(document.text[p.start : p.end] for p in document.paragraphs)


def bio_spans(document: Document) -> list[TextSpan]:
    """Generated author bios: dropped as ``author_bio`` by clean, or a kept line that is one.

    clean splits paragraphs at blank lines; a bio on its own line inside a
    paragraph (text whose paragraphs are single lines) is found here with the
    same test clean uses, so both detectors see it. Cached on the document.
    """
    cached = document.extras.get("quality_bios")
    if cached is not None:
        return cached
    from selon.clean import is_bio, patterns

    spans = [span(document, d.start, d.end) for d in document.dropped if d.reason == "author_bio"]
    p = patterns()
    for par in document.paragraphs:
        block = document.text[par.start : par.end]
        if "\n" not in block:
            continue
        pos = par.start
        for line in block.split("\n"):
            stripped = line.strip()
            if stripped and is_bio(stripped, p):
                lead = len(line) - len(line.lstrip())
                spans.append(span(document, pos + lead, pos + lead + len(stripped)))
            pos += len(line) + 1
    document.extras["quality_bios"] = spans
    return spans
