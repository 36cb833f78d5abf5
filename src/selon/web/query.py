"""Read-only queries over the corpus database, shaped for the explorer and the API.

Why a module of its own: the web app only ever reads, and it reads in ways the
explorer needs (timeline counts, actor-to-actor edges, the claims of one corpus
event side by side), so these queries sit here, written against the tables of
:mod:`selon.store.schema`, and the store stays the one writer. Every function
takes a SQLAlchemy connection and plain filter values, and returns JSON-ready
dicts, so the routes in :mod:`selon.web.app` stay thin.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import date as Date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, func, inspect, or_, select
from sqlalchemy.engine import Connection

from selon.store import schema as t
from selon.store import search_key

#: days apart within which two events of the same type and dyad count as one
#: corpus event when the store has not computed ``corpus_events`` itself
STORY_WINDOW_DAYS = 3


def engine_for(db: str) -> Engine:
    """The engine of an existing corpus database (a SQLite path or a database URL).

    Opened through :func:`selon.store.open_store` (same URL rules and SQLite
    pragmas as the writer), without creating anything: the explorer only reads.
    """
    from selon.store import open_store

    if "://" not in db and not Path(db).exists():
        raise FileNotFoundError(f"no database at {db} (create one with `selon ingest`)")
    return open_store(db, create=False).engine


@dataclass
class EventFilter:
    """The explorer's filters; ``None`` means "any"."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    claimant: str | None = None
    hedged: bool | None = None
    status: str | None = None
    article: str | None = None
    outlet: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)
                is not None}


def _actor_ids(value: str):
    """Ids of the actors whose id is ``value`` or whose name contains it (case and
    accents folded, as the store folds them when it writes ``actors.search``)."""
    a = t.actors
    return select(a.c.id).where(
        or_(a.c.id == value, a.c.search.contains(search_key(value), autoescape=True))
    )


def _actor_match(id_col, value: str):
    return id_col.in_(_actor_ids(value))


def event_conditions(f: EventFilter) -> list:
    e = t.events
    cond: list = []
    if f.actor:
        cond.append(or_(_actor_match(e.c.source_id, f.actor),
                        _actor_match(e.c.target_id, f.actor)))
    if f.country:
        c = f.country.upper()
        cond.append(or_(e.c.source_country == c, e.c.target_country == c))
    if f.type:
        types = [x.strip().upper() for x in f.type.split(",") if x.strip()]
        cond.append(e.c.type.in_(types))
    if f.since:
        cond.append(e.c.date >= f.since)
    if f.until:
        # "2024-03" as an upper bound means the whole month
        cond.append(e.c.date <= f.until + ("-99" * (2 - f.until.count("-"))))
    if f.claimant:
        cond.append(_actor_match(e.c.claimant_id, f.claimant))
    if f.hedged is not None:
        cond.append(e.c.hedged == f.hedged)
    if f.status:
        cond.append(e.c.status == f.status)
    if f.article:
        cond.append(e.c.article_id == f.article)
    if f.outlet:
        cond.append(e.c.article_id.in_(
            select(t.articles.c.id).where(t.articles.c.outlet == f.outlet)))
    return cond


def _page(total: int, page: int, per_page: int, items: list) -> dict[str, Any]:
    return {
        "items": items, "total": total, "page": page, "per_page": per_page,
        "pages": max(1, -(-total // per_page)),
        "next_page": page + 1 if page * per_page < total else None,
    }


def _event_row(r) -> dict[str, Any]:
    def actor(prefix: str) -> dict[str, Any] | None:
        if r[f"{prefix}_id"] is None and r[f"{prefix}_name"] is None:
            return None
        out = {"id": r[f"{prefix}_id"], "name": r[f"{prefix}_name"]}
        if f"{prefix}_country" in r:
            out["country"] = r[f"{prefix}_country"]
        return out

    return {
        "id": r["id"], "article_id": r["article_id"], "n": r["n"], "type": r["type"],
        "mode": r["mode"], "quad": r["quad"], "status": r["status"], "hedged": bool(r["hedged"]),
        "trigger": {"text": r["trigger"], "start": r["trigger_start"], "end": r["trigger_end"]},
        "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
        "source": actor("source"), "target": actor("target"), "claimed_by": actor("claimant"),
        "claim_chain": json.loads(r["claim_chain"]) if r["claim_chain"] else [],
        "date": r["date"], "date_text": r["date_text"], "location": r["location"],
        "published": r["published"], "outlet": r.get("outlet"), "title": r.get("title"),
        # figures (digits) in the event's sentence, as the store read them
        "figures": json.loads(r["figures"]) if r.get("figures") else [],
    }


def list_events(conn: Connection, f: EventFilter, page: int = 1, per_page: int = 50):
    e, a = t.events, t.articles
    cond = and_(True, *event_conditions(f))
    total = conn.execute(select(func.count()).select_from(e).where(cond)).scalar_one()
    rows = conn.execute(
        select(e, a.c.outlet, a.c.title)
        .select_from(e.join(a, a.c.id == e.c.article_id))
        .where(cond)
        .order_by(e.c.date.desc(), e.c.article_id, e.c.n)
        .limit(per_page).offset((page - 1) * per_page)
    ).mappings()
    return _page(total, page, per_page, [_event_row(dict(r)) for r in rows])


def timeline(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Event counts per date and type (dates without a value are left out)."""
    e = t.events
    rows = conn.execute(
        select(e.c.date, e.c.type, func.count().label("n"))
        .where(and_(e.c.date.is_not(None), *event_conditions(f)))
        .group_by(e.c.date, e.c.type).order_by(e.c.date)
    )
    return [{"date": d, "type": ty, "n": n} for d, ty, n in rows]


def network(conn: Connection, f: EventFilter, limit: int = 150) -> dict[str, Any]:
    """Directed source→target edges with counts per type, the busiest ``limit`` dyads."""
    e = t.events
    rows = conn.execute(
        select(e.c.source_id, e.c.source_name, e.c.source_country, e.c.target_id,
               e.c.target_name, e.c.target_country, e.c.type, func.count().label("n"))
        .where(and_(e.c.source_id.is_not(None), e.c.target_id.is_not(None),
                    *event_conditions(f)))
        .group_by(e.c.source_id, e.c.source_name, e.c.source_country, e.c.target_id,
                  e.c.target_name, e.c.target_country, e.c.type)
    ).all()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for sid, sname, sc, tid, tname, tc, ty, n in rows:
        for aid, name, country in ((sid, sname, sc), (tid, tname, tc)):
            node = nodes.setdefault(aid, {"id": aid, "name": name or aid, "country": country,
                                          "n": 0})
            node["n"] += n
        edge = edges.setdefault((sid, tid), {"source": sid, "target": tid, "n": 0, "types": {}})
        edge["n"] += n
        edge["types"][ty] = edge["types"].get(ty, 0) + n
    kept = sorted(edges.values(), key=lambda x: -x["n"])[:limit]
    for edge in kept:
        edge["type"] = max(edge["types"], key=edge["types"].get)
    used = {x for edge in kept for x in (edge["source"], edge["target"])}
    return {"nodes": [nodes[x] for x in nodes if x in used], "edges": kept}


def list_actors(conn: Connection, q: str | None = None, country: str | None = None,
                kind: str | None = None, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    ac, e = t.actors, t.events
    as_source = (select(func.count()).where(e.c.source_id == ac.c.id)
                 .correlate(ac).scalar_subquery())
    as_target = (select(func.count()).where(e.c.target_id == ac.c.id)
                 .correlate(ac).scalar_subquery())
    cond: list = []
    if q:
        cond.append(ac.c.id.in_(_actor_ids(q)))
    if country:
        cond.append(ac.c.country == country.upper())
    if kind:
        cond.append(ac.c.kind == kind.upper())
    where = and_(True, *cond)
    total = conn.execute(select(func.count()).select_from(ac).where(where)).scalar_one()
    n_events = (as_source + as_target).label("n_events")
    rows = conn.execute(
        select(ac.c.id, ac.c.name, ac.c.country, ac.c.kind, ac.c.wikidata,
               as_source.label("as_source"), as_target.label("as_target"), n_events)
        .where(where).order_by(n_events.desc(), ac.c.name)
        .limit(per_page).offset((page - 1) * per_page)
    ).mappings()
    return _page(total, page, per_page, [dict(r) for r in rows])


def list_articles(conn: Connection, q: str | None = None, outlet: str | None = None,
                  since: str | None = None, until: str | None = None, page: int = 1,
                  per_page: int = 50) -> dict[str, Any]:
    a = t.articles
    cond: list = []
    if q:
        cond.append(func.lower(a.c.title).contains(q.lower(), autoescape=True))
    if outlet:
        cond.append(a.c.outlet == outlet)
    if since:
        cond.append(a.c.published >= since)
    if until:
        cond.append(a.c.published <= until + ("-99" * (2 - until.count("-"))))
    where = and_(True, *cond)
    total = conn.execute(select(func.count()).select_from(a).where(where)).scalar_one()
    cols = [a.c.id, a.c.url, a.c.outlet, a.c.published, a.c.title, a.c.source, a.c.language,
            a.c.n_events, a.c.n_errors, a.c.ok]
    rows = conn.execute(select(*cols).where(where)
                        .order_by(a.c.published.desc(), a.c.id)
                        .limit(per_page).offset((page - 1) * per_page)).mappings()
    return _page(total, page, per_page, [dict(r) for r in rows])


def get_record(conn: Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(t.articles.c.record).where(t.articles.c.id == article_id)).first()
    return json.loads(row[0]) if row else None


def _has_rows(conn: Connection, table) -> bool:
    if not inspect(conn).has_table(table.name):
        return False
    return conn.execute(select(func.count()).select_from(table)).scalar_one() > 0


# -- stories: the claims about one corpus event, side by side ------------------

def _story_id(key: tuple) -> str:
    return "g" + hashlib.sha1(json.dumps(key).encode()).hexdigest()[:15]


def _days(d: str | None) -> int | None:
    try:
        return Date.fromisoformat(d).toordinal() if d and len(d) == 10 else None
    except ValueError:
        return None


def _grouped_events(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Group events by type, dyad and a date window when the store has no corpus events.

    A thin stand-in for the store's own grouping: same type, same source and
    target (by id, else name), dates at most :data:`STORY_WINDOW_DAYS` apart.
    """
    e = t.events
    rows = conn.execute(select(e.c.id, e.c.type, e.c.source_id, e.c.source_name, e.c.target_id,
                               e.c.target_name, e.c.date, e.c.article_id)
                        .order_by(e.c.date)).mappings().all()
    buckets: dict[tuple, list[list[dict[str, Any]]]] = {}
    for r in rows:
        key = (r["type"], r["source_id"] or r["source_name"], r["target_id"] or r["target_name"])
        groups = buckets.setdefault(key, [])
        day = _days(r["date"])
        last = groups[-1] if groups else None
        if last and (day is None or _days(last[-1]["date"]) is None
                     or day - _days(last[-1]["date"]) <= STORY_WINDOW_DAYS):
            last.append(dict(r))
        else:
            groups.append([dict(r)])
    out: dict[str, list[dict[str, Any]]] = {}
    for key, groups in buckets.items():
        for g in groups:
            out[_story_id([*key, g[0]["date"]])] = g
    return out


def _claims_of(conn: Connection, event_ids: list[str]) -> list[dict[str, Any]]:
    e, a = t.events, t.articles
    rows = conn.execute(
        select(e, a.c.outlet, a.c.title, a.c.url, a.c.record)
        .select_from(e.join(a, a.c.id == e.c.article_id))
        .where(e.c.id.in_(event_ids)).order_by(a.c.published, e.c.article_id, e.c.n)
    ).mappings()
    claims = []
    texts: dict[str, str] = {}
    for r in rows:
        r = dict(r)
        if r["article_id"] not in texts:
            texts[r["article_id"]] = json.loads(r.pop("record")).get("text", "")
        else:
            r.pop("record")
        item = _event_row(r)
        item["url"] = r["url"]
        text = texts[r["article_id"]]
        item["sentence"]["text"] = text[r["sentence_start"]:r["sentence_end"]]
        item["stance"] = ("denies" if r["status"] == "negated"
                          else "hedges" if r["hedged"] else "asserts")
        claims.append(item)
    return claims


def _summary(story_id: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    first = claims[0] if claims else {}
    stances = {c["stance"] for c in claims}
    return {
        "id": story_id, "type": first.get("type"),
        "source": first.get("source"), "target": first.get("target"),
        "date": min((c["date"] for c in claims if c["date"]), default=None),
        "n_claims": len(claims), "n_articles": len({c["article_id"] for c in claims}),
        "claimants": sorted({(c["claimed_by"] or {}).get("name") or "(the outlet)"
                             for c in claims}),
        "contradiction": "denies" in stances and len(stances) > 1,
        "reason": None,
    }


def list_stories(conn: Connection, type: str | None = None, contested: bool | None = None,
                 min_claims: int = 1, page: int = 1, per_page: int = 20) -> dict[str, Any]:
    """Corpus events (the same event told by several claims), most contested first."""
    ce, cc = t.corpus_events, t.corpus_claims
    if _has_rows(conn, ce):
        cond: list = [ce.c.n_claims >= min_claims]
        if type:
            cond.append(ce.c.type == type.upper())
        if contested is not None:
            cond.append(ce.c.contradiction == contested)
        where = and_(*cond)
        total = conn.execute(select(func.count()).select_from(ce).where(where)).scalar_one()
        ids = conn.execute(select(ce.c.id, ce.c.reason).where(where)
                           .order_by(ce.c.contradiction.desc(), ce.c.n_claims.desc(),
                                     ce.c.date.desc())
                           .limit(per_page).offset((page - 1) * per_page)).all()
        items = []
        for sid, reason in ids:
            eids = list(conn.execute(select(cc.c.event_id).where(cc.c.corpus_event_id == sid))
                        .scalars())
            s = _summary(sid, _claims_of(conn, eids))
            s["reason"] = reason
            items.append(s)
        return _page(total, page, per_page, items)
    groups = _grouped_events(conn)
    summaries = []
    for sid, g in groups.items():
        if len(g) < min_claims:
            continue
        summaries.append((sid, g))
    # cheap pre-sort by size; full claims are read only for the page shown
    summaries.sort(key=lambda x: (-len(x[1]), x[1][0]["date"] or ""))
    items = [_summary(sid, _claims_of(conn, [r["id"] for r in g])) for sid, g in summaries]
    if type:
        items = [s for s in items if s["type"] == type.upper()]
    if contested is not None:
        items = [s for s in items if s["contradiction"] == contested]
    items.sort(key=lambda s: (not s["contradiction"], -s["n_claims"]))
    total = len(items)
    return _page(total, page, per_page, items[(page - 1) * per_page:page * per_page])


def get_story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    ce, cc = t.corpus_events, t.corpus_claims
    if _has_rows(conn, ce):
        row = conn.execute(select(ce.c.reason).where(ce.c.id == story_id)).first()
        if row is None:
            return None
        eids = list(conn.execute(select(cc.c.event_id).where(cc.c.corpus_event_id == story_id))
                    .scalars())
        claims = _claims_of(conn, eids)
        story = _summary(story_id, claims)
        story["reason"] = row[0]
    else:
        group = _grouped_events(conn).get(story_id)
        if group is None:
            return None
        claims = _claims_of(conn, [r["id"] for r in group])
        story = _summary(story_id, claims)
    story["claims"] = claims
    return story


def article_stories(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """For each event of one article, the corpus event (story) it is a claim of."""
    ce, cc, e = t.corpus_events, t.corpus_claims, t.events
    if _has_rows(conn, ce):
        rows = conn.execute(
            select(e.c.n, ce.c.id, ce.c.n_claims, ce.c.n_articles, ce.c.contradiction)
            .select_from(e.join(cc, cc.c.event_id == e.c.id)
                         .join(ce, ce.c.id == cc.c.corpus_event_id))
            .where(e.c.article_id == article_id).order_by(e.c.n)
        ).all()
        return [{"n": n, "story_id": sid, "n_claims": nc, "n_articles": na,
                 "contradiction": bool(c)} for n, sid, nc, na, c in rows]
    out = []
    for sid, group in _grouped_events(conn).items():
        for r in group:
            if r["article_id"] == article_id:
                out.append({"n": int(r["id"].rsplit(":", 1)[1]), "story_id": sid,
                            "n_claims": len(group),
                            "n_articles": len({x["article_id"] for x in group}),
                            "contradiction": None})
    return sorted(out, key=lambda x: x["n"])


def stats(conn: Connection) -> dict[str, Any]:
    a, e = t.articles, t.events
    n_articles = conn.execute(select(func.count()).select_from(a)).scalar_one()
    n_events = conn.execute(select(func.count()).select_from(e)).scalar_one()
    lo, hi = conn.execute(select(func.min(e.c.date), func.max(e.c.date))).one()
    outlets = list(conn.execute(select(a.c.outlet).where(a.c.outlet.is_not(None))
                                .distinct().order_by(a.c.outlet)).scalars())
    return {"articles": n_articles, "events": n_events, "first_date": lo, "last_date": hi,
            "outlets": outlets}
