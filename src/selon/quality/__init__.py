"""Quality: the article's own reliability, and its near-duplicate fingerprint.

``assess`` is the last stage of the pipeline. It fills ``document.quality``:
a machine-translation score and a content-farm score in [0, 1], each backed by
signals with evidence spans in the original text (:mod:`.translation`,
:mod:`.contentfarm`; how scores combine is in :mod:`.scoring` and
docs/quality.md), and a MinHash fingerprint of the kept text
(:mod:`.duplicates`) that the store uses to group articles into stories.

``evaluate_labels`` measures the scores against articles that carry
``labels: {content_farm, machine_translated}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from selon.model import Document, Record
from selon.quality import contentfarm, translation
from selon.quality.duplicates import cluster, fingerprint
from selon.quality.scoring import kept_text
from selon.settings import get_settings

__all__ = ["assess", "cluster", "evaluate_labels", "fingerprint", "format_labels"]

#: record label -> quality score it is measured against
LABELS = {"machine_translated": "machine_translation", "content_farm": "content_farm"}


def assess(document: Document) -> Document:
    """Score machine translation and content-farm signs; fingerprint the kept text.

    An article that was not parsed (not French, too long) still gets the
    content-farm signals, which need no parse, and a fingerprint; an article
    with no kept text gets neither.
    """
    quality = document.quality
    if not document.paragraphs:  # nothing kept (empty, or all boilerplate)
        quality.machine_translation = quality.content_farm = 0.0
        quality.signals = []
        return document
    quality.fingerprint = fingerprint(kept_text(document))
    mt, mt_signals = translation.detect(document)
    farm, farm_signals = contentfarm.detect(document)
    quality.machine_translation = mt
    quality.content_farm = farm
    quality.signals = [*mt_signals, *farm_signals]
    return document


def _get(record: Record | dict[str, Any], key: str) -> Any:
    return record.get(key) if isinstance(record, dict) else getattr(record, key, None)


def evaluate_labels(
    records: Iterable[Record | dict[str, Any]], threshold: float | None = None
) -> dict[str, Any]:
    """Precision, recall and F1 of each quality score against the records' labels.

    An article counts as flagged when its score reaches ``threshold`` (default
    ``quality.threshold`` in settings). Records without the label are skipped.
    Returns ``{"threshold", "<label>": {"n", "positives", "tp", "fp", "fn",
    "precision", "recall", "f1", "missed", "false_alarms"}}``.
    """
    if threshold is None:
        threshold = float(get_settings()["quality"]["threshold"])
    out: dict[str, Any] = {"threshold": threshold}
    counts = {label: {"n": 0, "tp": 0, "fp": 0, "fn": 0, "missed": [], "false_alarms": []}
              for label in LABELS}
    for record in records:
        labels = _get(record, "labels") or {}
        quality = _get(record, "quality") or {}
        for label, score_key in LABELS.items():
            if label not in labels:
                continue
            c = counts[label]
            c["n"] += 1
            score = quality.get(score_key) if isinstance(quality, dict) else getattr(
                quality, score_key, 0.0
            )
            flagged = (score or 0.0) >= threshold
            truth = bool(labels[label])
            rid = _get(record, "id")
            if flagged and truth:
                c["tp"] += 1
            elif flagged:
                c["fp"] += 1
                c["false_alarms"].append(rid)
            elif truth:
                c["fn"] += 1
                c["missed"].append(rid)
    for label, c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {
            **c, "positives": tp + fn,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
        }
    return out


def format_labels(result: dict[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_labels`'s result (for ``selon eval``)."""
    lines = [f"quality labels (flagged at score >= {result['threshold']})",
             f"{'label':<20}{'n':>4}{'pos':>5}{'tp':>4}{'fp':>4}{'fn':>4}"
             f"{'P':>7}{'R':>7}{'F1':>7}"]
    for label in LABELS:
        c = result.get(label)
        if not c:
            continue
        lines.append(
            f"{label:<20}{c['n']:>4}{c['positives']:>5}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}"
            f"{c['precision']:>7.2f}{c['recall']:>7.2f}{c['f1']:>7.2f}"
        )
    return "\n".join(lines)
