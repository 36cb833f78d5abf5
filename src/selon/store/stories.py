"""Stories and corpus events: what the corpus says across articles.

A *story* is a group of near-duplicate articles (MinHash LSH over each
record's ``quality.fingerprint``, grouped by :func:`selon.quality.duplicates.cluster`);
its *first source* is the earliest-published article (ties: smallest id). A
*corpus event* is one real-world event reported by several articles or
claimants: events of the same type and dyad (actor ids, else countries) whose
dates fall within ``store.event_window_days`` of each other. Each member event
is one *claim* of the corpus event; claims that disagree (one denies what
another says occurred, or they give different figures) flag a contradiction.

Both are recomputed from the stored rows (cheap next to parsing), so they are
always consistent with the articles, whatever order they were ingested in.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date as Date
from typing import Any

from sqlalchemy import select

from selon.settings import get_settings
from selon.store import Store
from selon.store import schema as s

Item = tuple[str, list[int], str | None]
Clusterer = Callable[[list[Item]], dict[str, Any]]


def _singletons(items: list[Item]) -> dict[str, Any]:
    """Every article its own story: used only if :mod:`selon.quality.duplicates` is absent."""
    return {aid: aid for aid, _, _ in items}


def clusterer() -> Clusterer:
    try:
        from selon.quality.duplicates import cluster
    except ImportError:
        return _singletons
    return cluster


def compute_stories(
    items: list[Item], cluster: Clusterer | None = None
) -> tuple[list[dict], list[dict]]:
    """(stories rows, clusters rows) for articles given as (id, fingerprint, published)."""
    usable = [(a, fp, p) for a, fp, p in items if fp]
    labels = (cluster or clusterer())(usable) if usable else {}
    groups: dict[Any, list[tuple[str, str | None]]] = defaultdict(list)
    for aid, _fp, published in usable:
        groups[labels.get(aid, ("alone", aid))].append((aid, published))
    stories, clusters = [], []
    for members in groups.values():
        # earliest published first; an undated article never counts as first
        members.sort(key=lambda m: (m[1] is None, m[1] or "", m[0]))
        first, first_published = members[0]
        stories.append({
            "id": first, "first_article_id": first, "first_published": first_published,
            "title": None, "n_articles": len(members),
        })
        for aid, _ in members:
            clusters.append({"article_id": aid, "story_id": first, "first_source": aid == first})
    stories.sort(key=lambda r: r["id"])
    clusters.sort(key=lambda r: r["article_id"])
    return stories, clusters


def _day(value: str | None) -> int | None:
    """Day number of an ISO date; a month or a year counts as its first day."""
    if not value:
        return None
    parts = [int(x) for x in value.split("-")] + [1, 1]
    try:
        return Date(parts[0], parts[1], parts[2]).toordinal()
    except ValueError:
        return None


def compute_corpus_events(events: list[dict], window: int) -> tuple[list[dict], list[dict]]:
    """(corpus_events rows, corpus_claims rows) from event rows.

    Events of one type and dyad are sorted by date and chained: an event joins
    the current group when its date is within ``window`` days of the group's
    first date. Events with neither source nor target stay alone.
    """
    keyed: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        src = e["source_id"] or e["source_country"]
        tgt = e["target_id"] or e["target_country"]
        key = (e["type"], src, tgt) if (src or tgt) else ("alone", e["id"])
        keyed[key].append(e)
    out_events, out_claims = [], []
    for members in keyed.values():
        members.sort(key=lambda e: (_day(e["date"]) is None, _day(e["date"]) or 0, e["id"]))
        groups: list[list[dict]] = []
        start = None
        for e in members:
            day = _day(e["date"])
            if groups and day is not None and start is not None and day - start <= window:
                groups[-1].append(e)
            else:
                groups.append([e])
                start = day
        for group in groups:
            ids = sorted(e["id"] for e in group)
            cid = "ce:" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:16]
            reason = contradiction(group)
            out_events.append({
                "id": cid, "type": group[0]["type"],
                "source_key": group[0]["source_id"] or group[0]["source_country"],
                "target_key": group[0]["target_id"] or group[0]["target_country"],
                "date": group[0]["date"], "n_claims": len(group),
                "n_articles": len({e["article_id"] for e in group}),
                "contradiction": reason is not None, "reason": reason,
            })
            out_claims.extend({"event_id": i, "corpus_event_id": cid} for i in ids)
    out_events.sort(key=lambda r: r["id"])
    out_claims.sort(key=lambda r: r["event_id"])
    return out_events, out_claims


def contradiction(group: list[dict]) -> str | None:
    """Why the claims of one corpus event disagree, or None."""
    statuses = {e["status"] for e in group}
    if "negated" in statuses and "occurred" in statuses:
        denied = sorted(e["id"] for e in group if e["status"] == "negated")
        return f"denial: {', '.join(denied)} negate what other claims say occurred"
    # one set of figures per (article, claimant): two claimants in one article may disagree
    by_claim: dict[tuple, set[str]] = {}
    for e in group:
        figs = set(json.loads(e["figures"] or "[]"))
        if figs:
            by_claim.setdefault((e["article_id"], e.get("claimant_id")), set()).update(figs)
    sets = list(by_claim.values())
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            if not a & b:
                return f"different figures: {', '.join(sorted(a))} vs {', '.join(sorted(b))}"
    return None


def recompute(store: Store, cluster: Clusterer | None = None) -> int:
    """Rebuild stories, clusters and corpus events from the stored rows; return #stories."""
    window = get_settings()["store"]["event_window_days"]
    stories, clusters = compute_stories(store.fingerprints(), cluster)
    cols = [
        s.events.c.id, s.events.c.article_id, s.events.c.type, s.events.c.status,
        s.events.c.source_id, s.events.c.source_country, s.events.c.target_id,
        s.events.c.target_country, s.events.c.date, s.events.c.figures,
        s.events.c.claimant_id,
    ]
    with store.engine.connect() as conn:
        events = [dict(r._mapping) for r in conn.execute(select(*cols))]
        titles = dict(conn.execute(select(s.articles.c.id, s.articles.c.title)).all())
    for story in stories:
        story["title"] = titles.get(story["first_article_id"])
    cevents, cclaims = compute_corpus_events(events, window)
    with store.engine.begin() as conn:
        for table in s.DERIVED_TABLES:
            conn.execute(table.delete())
        for table, rows in (
            (s.stories, stories), (s.clusters, clusters),
            (s.corpus_events, cevents), (s.corpus_claims, cclaims),
        ):
            for i in range(0, len(rows), 1000):
                conn.execute(table.insert(), rows[i : i + 1000])
    return len(stories)
