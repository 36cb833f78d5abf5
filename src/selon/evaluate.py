"""Scoring against a gold corpus, as defined in the corpus's ANNOTATION.md.

Predictions are aligned to gold sentences by character offsets: an event
belongs to the gold sentence that contains its trigger, a quote to the gold
quotes it overlaps. Predictions on text no gold sentence covers (boilerplate,
headings) are not scored. The same scorer serves ``selon eval`` and the gate in
``tests/test_evaluate_gate.py``, which compares against floors pinned in
``eval_baseline.json`` and never lowers them silently.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selon.model import EVENT_TYPES, Article, Record

#: types whose dyad may match in either direction (symmetric interactions)
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
ARTICLES = frozenset({"le", "la", "les", "l", "l'", "the", "un", "une", "des", "du", "de"})


# ---------------------------------------------------------------- loading


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: malformed JSON line: {exc}") from exc
    return rows


def load_corpus(corpus: Path) -> tuple[list[Article], list[dict[str, Any]]]:
    corpus = Path(corpus)
    art_path, gold_path = corpus / "articles.jsonl", corpus / "gold.jsonl"
    for p in (art_path, gold_path):
        if not p.is_file():
            raise ValueError(f"{corpus}: expected {p.name} in the corpus folder")
    articles = [
        Article(
            id=str(a["id"]), url=a.get("url"), outlet=a.get("outlet"),
            published=a.get("published"), text=a["text"], labels=a.get("labels"),
            source=f"{art_path}#{a['id']}",
        )
        for a in load_jsonl(art_path)
    ]
    return articles, load_jsonl(gold_path)


# ---------------------------------------------------------------- matching


def norm(name: str | None) -> str:
    """Case-, accent- and article-insensitive form of a name."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    words = s.lower().replace("'", "' ").replace("-", " ").split()
    return " ".join(w for w in words if w not in ARTICLES)


def _alias_id(name: str | None, published: str | None) -> str | None:
    """The dictionary id of a name, so that aliases (OTAN/NATO) compare equal."""
    if not name:
        return None
    try:
        from selon.actors import lookup
    except ImportError:
        return None
    try:
        actor = lookup(name, published)
    except Exception:
        return None
    return actor.id if actor is not None else None


def names_match(gold: str | None, pred: str | None, published: str | None = None) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
        return True
    gid = _alias_id(gold, published)
    return gid is not None and gid == _alias_id(pred, published)


def actor_match(gold: dict | None, pred: dict | None, published: str | None = None) -> bool:
    """ANNOTATION.md: country+kind when gold has a country, else the name; null only null."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if gold.get("country"):
        return gold["country"] == pred.get("country") and gold.get("kind") == pred.get("kind")
    return names_match(gold.get("name"), pred.get("name"), published)


def claimant_match(gold: dict | None, pred: dict | None, published: str | None = None) -> bool:
    """Claimants match on country when gold has one, else on the name."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if gold.get("country"):
        return gold["country"] == pred.get("country")
    return names_match(gold.get("name"), pred.get("name"), published)


def dyad_match(gold: dict, pred: dict, published: str | None = None) -> bool:
    straight = actor_match(gold.get("source"), pred.get("source"), published) and actor_match(
        gold.get("target"), pred.get("target"), published
    )
    if straight or gold["type"] not in SYMMETRIC:
        return straight
    return actor_match(gold.get("source"), pred.get("target"), published) and actor_match(
        gold.get("target"), pred.get("source"), published
    )


def pair_events(gold: list[dict], pred: list[dict], published: str | None) -> list[tuple]:
    """Pair same-type events one-to-one, best agreement first (greedy)."""
    pairs = []
    by_type_g: dict[str, list[dict]] = defaultdict(list)
    by_type_p: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_type_g[g["type"]].append(g)
    for p in pred:
        by_type_p[p["type"]].append(p)
    for t, gs in by_type_g.items():
        ps = by_type_p.get(t, [])
        scored = []
        for i, g in enumerate(gs):
            for j, p in enumerate(ps):
                score = (
                    4 * dyad_match(g, p, published)
                    + 2 * actor_match(g.get("source"), p.get("source"), published)
                    + claimant_match(g.get("claimed_by"), p.get("claimed_by"), published)
                    + (g.get("status") == p.get("status"))
                    + (bool(g.get("hedged")) == bool(p.get("hedged")))
                )
                scored.append((-score, i, j))
        used_g, used_p = set(), set()
        for _, i, j in sorted(scored):
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                pairs.append((gs[i], ps[j]))
    return pairs


# ---------------------------------------------------------------- scoring


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    matched: int = 0
    dyad: int = 0
    status: int = 0
    hedged_ok: int = 0
    hedged_tp: int = 0
    hedged_fp: int = 0
    hedged_fn: int = 0
    claimant: int = 0
    q_tp: int = 0
    q_fp: int = 0
    q_fn: int = 0
    speaker: int = 0
    sentences: int = 0
    articles: int = 0
    misses: list[dict] = field(default_factory=list)


def locate_sentences(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each gold sentence in the article (in order; None if absent)."""
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for s in sentences:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(s)))
        pos = i + len(s)
    return spans


def score_article(record: dict, gold_rows: list[dict], tally: Tally) -> None:
    text = record["text"]
    published = record.get("published")
    spans = locate_sentences(text, [g["sentence"] for g in gold_rows])
    tally.articles += 1
    pred_by_sent: dict[int, list[dict]] = defaultdict(list)
    for ev in record.get("events", []):
        at = ev["trigger"]["start"]
        for k, span in enumerate(spans):
            if span and span[0] <= at < span[1]:
                pred_by_sent[k].append(ev)
                break
    gold_quotes: list[tuple[int, int, dict]] = []
    for k, (g, span) in enumerate(zip(gold_rows, spans, strict=True)):
        if span is None:
            tally.misses.append({"article": g["article"], "sentence": g["sentence"][:80]})
            continue
        tally.sentences += 1
        pred = pred_by_sent.get(k, [])
        gold = g.get("events", [])
        gc, pc = Counter(e["type"] for e in gold), Counter(e["type"] for e in pred)
        for t in set(gc) | set(pc):
            tp = min(gc[t], pc[t])
            tally.tp[t] += tp
            tally.fp[t] += pc[t] - tp
            tally.fn[t] += gc[t] - tp
        for ge, pe in pair_events(gold, pred, published):
            tally.matched += 1
            tally.dyad += dyad_match(ge, pe, published)
            tally.status += ge.get("status", "occurred") == pe.get("status")
            gh, ph = bool(ge.get("hedged")), bool(pe.get("hedged"))
            tally.hedged_ok += gh == ph
            tally.hedged_tp += gh and ph
            tally.hedged_fp += ph and not gh
            tally.hedged_fn += gh and not ph
            tally.claimant += claimant_match(ge.get("claimed_by"), pe.get("claimed_by"), published)
        sent_text = text[span[0] : span[1]]
        for q in g.get("quotes", []):
            i = sent_text.find(q["text"])
            if i < 0:  # normalised search as a fallback (quote marks, spaces)
                i = sent_text.replace("\u00a0", " ").find(q["text"].replace("\u00a0", " "))
            start = span[0] + max(i, 0)
            gold_quotes.append((start, start + len(q["text"]), q))
    scored = [s for s in spans if s]
    preds = [
        q for q in record.get("quotes", [])
        if not q.get("fragment") and any(s[0] < q["end"] and q["start"] < s[1] for s in scored)
    ]
    used: set[int] = set()
    for gs, ge, gq in gold_quotes:
        best, best_j = 0, None
        for j, q in enumerate(preds):
            if j in used:
                continue
            overlap = min(ge, q["end"]) - max(gs, q["start"])
            if overlap > best:
                best, best_j = overlap, j
        if best_j is not None and best >= 0.5 * (ge - gs):
            used.add(best_j)
            tally.q_tp += 1
            tally.speaker += actor_match(gq.get("speaker"), preds[best_j].get("speaker"), published)
        else:
            tally.q_fn += 1
    tally.q_fp += len(preds) - len(used)


def scores_from(tally: Tally) -> dict[str, Any]:
    tp, fp, fn = sum(tally.tp.values()), sum(tally.fp.values()), sum(tally.fn.values())
    per_type = {}
    for t in EVENT_TYPES:
        s = prf(tally.tp[t], tally.fp[t], tally.fn[t])
        s["support"] = tally.tp[t] + tally.fn[t]
        per_type[t] = s
    return {
        "events": {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn},
        "per_type": per_type,
        "dyad_accuracy": ratio(tally.dyad, tally.matched),
        "status_accuracy": ratio(tally.status, tally.matched),
        "hedged_accuracy": ratio(tally.hedged_ok, tally.matched),
        "hedged": prf(tally.hedged_tp, tally.hedged_fp, tally.hedged_fn),
        "claimant_accuracy": ratio(tally.claimant, tally.matched),
        "quotes": prf(tally.q_tp, tally.q_fp, tally.q_fn),
        "speaker_accuracy": ratio(tally.speaker, tally.q_tp),
        "articles": tally.articles,
        "sentences": tally.sentences,
    }


def score(records: Iterable[dict], gold: list[dict]) -> dict[str, Any]:
    """Score predicted records (as JSON dicts) against gold sentence rows."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_article[str(g["article"])].append(g)
    tally = Tally()
    for record in records:
        rows = by_article.get(str(record["id"]))
        if rows:
            score_article(record, rows, tally)
    return scores_from(tally)


def evaluate(
    corpus: Path,
    predictions_path: Path | None = None,
    nlp=None,
    records_out: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Run the pipeline over a corpus folder and score it.

    ``records_out``, when given, receives the predicted records (as JSON dicts),
    so a caller can score more than the events (e.g. the reliability labels).
    """
    from selon.pipeline import extract_many

    articles, gold = load_corpus(corpus)
    records: list[Record] = list(extract_many(articles, nlp=nlp))
    dumped = [r.model_dump(mode="json") for r in records]
    if predictions_path is not None:
        with open(predictions_path, "w", encoding="utf-8") as fh:
            for d in dumped:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if records_out is not None:
        records_out.extend(dumped)
    return score(dumped, gold)


# ---------------------------------------------------------------- gate


def flatten(scores: dict[str, Any]) -> dict[str, float]:
    """The gated figures: the headline F1s and accuracies."""
    return {
        "events.f1": scores["events"]["f1"],
        "dyad_accuracy": scores["dyad_accuracy"],
        "status_accuracy": scores["status_accuracy"],
        "hedged.f1": scores["hedged"]["f1"],
        "claimant_accuracy": scores["claimant_accuracy"],
        "quotes.f1": scores["quotes"]["f1"],
        "speaker_accuracy": scores["speaker_accuracy"],
    }


def below_floors(scores: dict[str, Any], floors: dict[str, float]) -> list[str]:
    flat = flatten(scores)
    return [
        f"{k}: {flat.get(k, 0.0):.4f} < floor {v:.4f}"
        for k, v in floors.items()
        if flat.get(k, 0.0) + 1e-9 < v
    ]


def format_scores(scores: dict[str, Any]):
    """A rich table of the scores for the terminal."""
    from rich.table import Table

    table = Table(title=f"selon eval — {scores['articles']} articles, "
                  f"{scores['sentences']} sentences")
    table.add_column("measure")
    table.add_column("P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("F1 / acc", justify="right")
    table.add_column("n", justify="right")
    e = scores["events"]
    table.add_row("events (micro)", f"{e['precision']:.3f}", f"{e['recall']:.3f}",
                  f"{e['f1']:.3f}", f"tp {e['tp']} fp {e['fp']} fn {e['fn']}")
    for t, s in scores["per_type"].items():
        if s["support"] or s["precision"]:
            table.add_row(f"  {t}", f"{s['precision']:.3f}", f"{s['recall']:.3f}",
                          f"{s['f1']:.3f}", str(s["support"]))
    for k in ("dyad_accuracy", "status_accuracy", "hedged_accuracy", "claimant_accuracy"):
        table.add_row(k.replace("_", " "), "", "", f"{scores[k]:.3f}", "")
    h, q = scores["hedged"], scores["quotes"]
    table.add_row("hedged (positive class)", f"{h['precision']:.3f}", f"{h['recall']:.3f}",
                  f"{h['f1']:.3f}", "")
    table.add_row("quotes", f"{q['precision']:.3f}", f"{q['recall']:.3f}", f"{q['f1']:.3f}", "")
    table.add_row("speaker accuracy", "", "", f"{scores['speaker_accuracy']:.3f}", "")
    return table
