"""The corpus database: coded articles stored for querying, exports and the web view.

``open_store(path_or_url)`` returns a :class:`Store` over one SQLite file (WAL
mode, created on first use) or a PostgreSQL database (``postgresql://…``), with
the same schema (:mod:`selon.store.schema`). Why one write transaction per
article: an ingest killed at any moment leaves only whole articles behind, so a
restart that skips the ids already stored ends with exactly the rows of an
uninterrupted run.

The read methods (:meth:`Store.events`, :meth:`Store.articles`,
:meth:`Store.actors`, :meth:`Store.stories`, :meth:`Store.timeline`…) return
plain dicts, take filters as keyword arguments and page with ``limit``/``offset``;
they are the API the CLI and the web app use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError

from selon.model import Record
from selon.store import schema as s

DEFAULT_DB = "selon.db"


def search_key(name: str) -> str:
    """Case- and accent-insensitive form of a name, for ``LIKE`` searches.

    SQLite's ``lower()`` leaves non-ASCII letters alone, so the folding is done
    here, once, when a row is written, and on the query string.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def search_text(name: str, actor_id: str) -> str:
    """What ``actors.search`` holds: name and id words, folded, between spaces."""
    words = re.sub(r"[:_\-/.]+", " ", actor_id)
    return f" {search_key(f'{name} {words}')} "


def name_matches(column, query: str):
    """``column`` (an ``actors.search``) has a word starting with ``query``'s words.

    Word-prefix, not substring: "Russie" must not find "Biélorussie".
    """
    key = search_key(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"% {key}%", escape="\\")


def database_url(url_or_path: str | Path | None) -> str:
    """A SQLAlchemy URL from a URL or a file path (``None`` → ``selon.db``)."""
    value = str(url_or_path or DEFAULT_DB)
    if "://" in value:
        if value.startswith("postgresql://"):  # use psycopg 3, the driver we depend on
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser()}"


def end_of(until: str) -> str:
    """An upper bound for ``<=`` on ISO dates: ``2024-03`` includes ``2024-03-31``."""
    return until + "-99-99"[: max(0, 10 - len(until))]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint, safe with WAL
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


#: a figure written in digits ("12", "1 500", "2,5"); spelled-out numbers are not read
FIGURE = re.compile(r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?")


def figures(text: str, event) -> list[str]:
    """Figures in the event's sentence, outside its date expression and years."""
    start, end = event.sentence.start, event.sentence.end
    sentence = text[start:end]
    if event.date is not None and start <= event.date.start < event.date.end <= end:
        a, b = event.date.start - start, event.date.end - start
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    out = []
    for m in FIGURE.finditer(sentence):
        value = re.sub(r"[ \u00a0\u202f.]", "", m.group()).replace(",", ".")
        if len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100:
            continue  # a year
        out.append(value)
    return sorted(set(out))


def _actor_row(actor) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "country": actor.country, "kind": actor.kind,
        "wikidata": actor.wikidata, "search": search_text(actor.name, actor.id),
    }


def rows_of(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows one record contributes to each per-article table (and to ``actors``)."""
    aid = record.id
    known: dict[str, dict[str, Any]] = {}

    def actor(a) -> None:
        if a is not None and a.id not in known:
            known[a.id] = _actor_row(a)

    for a in record.actors:
        actor(a)
    events = []
    for n, e in enumerate(record.events):
        for a in (e.source, e.target, e.claimed_by, *e.claim_chain):
            actor(a)
        events.append({
            "id": f"{aid}:{n}", "article_id": aid, "n": n, "type": e.type, "mode": e.mode,
            "quad": e.quad, "status": e.status, "hedged": e.hedged, "trigger": e.trigger.text,
            "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "sentence_start": e.sentence.start, "sentence_end": e.sentence.end,
            "source_id": e.source.id if e.source else None,
            "source_name": e.source.name if e.source else None,
            "source_country": e.source.country if e.source else None,
            "target_id": e.target.id if e.target else None,
            "target_name": e.target.name if e.target else None,
            "target_country": e.target.country if e.target else None,
            "claimant_id": e.claimed_by.id if e.claimed_by else None,
            "claimant_name": e.claimed_by.name if e.claimed_by else None,
            "claim_chain": json.dumps([a.id for a in e.claim_chain], ensure_ascii=False),
            "date": (e.date.value if e.date and e.date.value else record.published),
            "date_text": e.date.text if e.date else None,
            "location": e.location.text if e.location else None,
            "location_country": e.location.country if e.location else None,
            "published": record.published,
            "figures": json.dumps(figures(record.text, e)),
        })
    quotes = []
    for n, q in enumerate(record.quotes):
        actor(q.speaker)
        quotes.append({
            "article_id": aid, "n": n, "text": q.text, "start": q.start, "end": q.end,
            "speaker_id": q.speaker.id if q.speaker else None,
            "speaker_name": q.speaker.name if q.speaker else None,
            "verb": q.verb, "fragment": q.fragment,
        })
    claims = []
    for n, c in enumerate(record.claims):
        actor(c.claimant)
        claims.append({
            "article_id": aid, "n": n, "start": c.start, "end": c.end,
            "claimant_id": c.claimant.id if c.claimant else None,
            "claimant_name": c.claimant.name if c.claimant else None,
            "cue": c.cue, "hedged": c.hedged,
        })
    q = record.quality
    return {
        "articles": [{
            "id": aid, "url": record.url, "outlet": record.outlet, "published": record.published,
            "title": record.title, "source": record.source, "language": q.language,
            "n_events": len(record.events), "n_errors": len(record.errors),
            "ok": not record.errors,
            "record": record.model_dump_json(),
        }],
        "sentences": [
            {"article_id": aid, "n": n, "start": x.start, "end": x.end}
            for n, x in enumerate(record.sentences)
        ],
        "mentions": [
            {"article_id": aid, "n": n, "actor_id": a.id, "start": a.start, "end": a.end}
            for n, a in enumerate(record.actors)
        ],
        "events": events,
        "quotes": quotes,
        "claims": claims,
        "quality": [{
            "article_id": aid, "language": q.language,
            "language_confidence": q.language_confidence,
            "machine_translation": q.machine_translation, "content_farm": q.content_farm,
            "signals": json.dumps(
                [{"name": x.name, "score": x.score} for x in q.signals], ensure_ascii=False
            ),
            "fingerprint": json.dumps(q.fingerprint) if q.fingerprint is not None else None,
        }],
        "errors": [
            {"article_id": aid, "n": n, "stage": e.stage, "message": e.message,
             "source": record.source}
            for n, e in enumerate(record.errors)
        ],
        "actors": list(known.values()),
    }


class Store:
    """One corpus database. Cheap to open; thread-safe through SQLAlchemy's pool."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url

    # -- writing -------------------------------------------------------------

    def create(self) -> None:
        """Create missing tables and indexes (idempotent)."""
        s.metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema")).first() is None:
                conn.execute(s.meta.insert().values(key="schema", value=str(s.SCHEMA_VERSION)))

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(s.articles.c.id).where(s.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def existing(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` already stored."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found.update(
                    conn.execute(select(s.articles.c.id).where(s.articles.c.id.in_(chunk))).scalars()
                )
        return found

    def failed(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` stored with errors (candidates for a retry)."""
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = select(s.articles.c.id).where(
                    s.articles.c.id.in_(ids[i : i + 500]), s.articles.c.ok.is_(False)
                )
                found.update(conn.execute(q).scalars())
        return found

    def _insert_ignore(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table).on_conflict_do_nothing()

    def add(self, record: Record) -> bool:
        """Store one record and its rows in one transaction; False if already there."""
        rows = rows_of(record)
        try:
            with self.engine.begin() as conn:
                # the article row first: a duplicate id fails here, before anything else
                conn.execute(s.articles.insert(), rows["articles"])
                if rows["actors"]:
                    conn.execute(self._insert_ignore(s.actors), rows["actors"])
                for table in s.ARTICLE_TABLES[1:]:
                    if rows[table.name]:
                        conn.execute(table.insert(), rows[table.name])
        except IntegrityError:
            if self.has(record.id):
                return False
            raise
        return True

    def delete(self, article_id: str) -> bool:
        """Remove one article and its rows (e.g. to re-code it)."""
        with self.engine.begin() as conn:
            for table in reversed(s.ARTICLE_TABLES):
                col = table.c.id if table is s.articles else table.c.article_id
                conn.execute(table.delete().where(col == article_id))
            conn.execute(s.clusters.delete().where(s.clusters.c.article_id == article_id))
        return True

    # -- reading -------------------------------------------------------------

    def record(self, article_id: str) -> Record | None:
        """The full coded record of one article."""
        with self.engine.connect() as conn:
            q = select(s.articles.c.record).where(s.articles.c.id == article_id)
            raw = conn.execute(q).scalar()
        return Record.model_validate_json(raw) if raw is not None else None

    def iter_records(self, batch: int = 200) -> Iterator[Record]:
        """Every stored record, in id order (stable for exports and comparisons)."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                q = (
                    select(s.articles.c.id, s.articles.c.record)
                    .where(s.articles.c.id > last).order_by(s.articles.c.id).limit(batch)
                )
                rows = conn.execute(q).all()
            if not rows:
                return
            for _rid, raw in rows:
                yield Record.model_validate_json(raw)
            last = rows[-1][0]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        with self.engine.connect() as conn:
            for table in s.metadata.sorted_tables:
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar()
        return out

    def table_rows(self, name: str) -> list[dict[str, Any]]:
        """All rows of one table, sorted by primary key (for tests and dumps)."""
        table = s.metadata.tables[name]
        with self.engine.connect() as conn:
            q = select(table).order_by(*table.primary_key.columns)
            return [dict(r._mapping) for r in conn.execute(q)]

    def _actor_ids(self, name: str):
        """Subquery: ids of the actors whose id is ``name`` or whose name contains it."""
        return select(s.actors.c.id).where(
            or_(s.actors.c.id == name, name_matches(s.actors.c.search, name))
        )

    def _event_filter(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,  # noqa: A002 - the PLOVER field's name
        since: str | None = None,
        until: str | None = None,
        claimant: str | None = None,
        hedged: bool | None = None,
        status: str | None = None,
        article_id: str | None = None,
    ):
        e = s.events.c
        where = []
        if actor:
            ids = self._actor_ids(actor)
            where.append(or_(e.source_id.in_(ids), e.target_id.in_(ids)))
        if country:
            c = country.upper()
            where.append(or_(e.source_country == c, e.target_country == c))
        if type:
            where.append(e.type == type.upper())
        if since:
            where.append(e.date >= since)
        if until:
            where.append(e.date <= end_of(until))
        if claimant:
            where.append(e.claimant_id.in_(self._actor_ids(claimant)))
        if hedged is not None:
            where.append(e.hedged == hedged)
        if status:
            where.append(e.status == status)
        if article_id:
            where.append(e.article_id == article_id)
        return and_(*where) if where else None

    def _events_query(self, **filters):
        """Filtered events with their article's url/outlet/title and corpus event id,
        in date then id order: the one query behind :meth:`events` and :meth:`iter_events`."""
        cond = self._event_filter(**filters)
        q = (
            select(
                s.events, s.articles.c.url, s.articles.c.outlet, s.articles.c.title,
                s.corpus_claims.c.corpus_event_id,
            )
            .join(s.articles, s.articles.c.id == s.events.c.article_id)
            .outerjoin(s.corpus_claims, s.corpus_claims.c.event_id == s.events.c.id)
        )
        if cond is not None:
            q = q.where(cond)
        return q.order_by(s.events.c.date, s.events.c.id)

    def events(self, *, limit: int | None = 100, offset: int = 0, **filters) -> list[dict]:
        """Events matching the filters (actor, country, type, since, until, claimant,
        hedged, status, article_id), by date then id, each with its article's
        url/outlet/title and its corpus event id (when stories were computed)."""
        q = self._events_query(**filters).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_event_dict(r._mapping) for r in conn.execute(q)]

    def iter_events(self, batch: int = 1000, **filters) -> Iterator[dict]:
        """Every event matching the filters, streamed in date order (for exports)."""
        q = self._events_query(**filters)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=batch).execute(q):
                yield _event_dict(row._mapping)

    def count_events(self, **filters) -> int:
        cond = self._event_filter(**filters)
        q = select(func.count()).select_from(s.events)
        if cond is not None:
            q = q.where(cond)
        with self.engine.connect() as conn:
            return conn.execute(q).scalar() or 0

    def timeline(self, actor: str, *, limit: int | None = 200, offset: int = 0) -> list[dict]:
        """An actor's events in date order: as source, target or claimant."""
        ids = self._actor_ids(actor)
        e = s.events.c
        q = (
            select(s.events, s.articles.c.url, s.articles.c.outlet, s.articles.c.title,
                   s.corpus_claims.c.corpus_event_id)
            .join(s.articles, s.articles.c.id == e.article_id)
            .outerjoin(s.corpus_claims, s.corpus_claims.c.event_id == e.id)
            .where(or_(e.source_id.in_(ids), e.target_id.in_(ids), e.claimant_id.in_(ids)))
            .order_by(e.date, e.id).offset(offset)
        )
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            out = []
            for r in conn.execute(q):
                d = _event_dict(r._mapping)
                out.append(d)
            return out

    def articles(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        errors: bool | None = None,
        story_id: str | None = None,
    ) -> list[dict]:
        """Article summaries (no text), newest first; ``errors=True`` for failed ones."""
        a = s.articles.c
        q = select(
            a.id, a.url, a.outlet, a.published, a.title, a.source, a.language, a.n_events,
            a.n_errors, a.ok, s.clusters.c.story_id, s.clusters.c.first_source,
        ).outerjoin(s.clusters, s.clusters.c.article_id == a.id)
        if outlet:
            q = q.where(a.outlet == outlet)
        if since:
            q = q.where(a.published >= since)
        if until:
            q = q.where(a.published <= end_of(until))
        if errors is not None:
            q = q.where(a.ok == (not errors))
        if story_id:
            q = q.where(s.clusters.c.story_id == story_id)
        q = q.order_by(a.published.desc(), a.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def actors(
        self,
        *,
        q: str | None = None,
        country: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict]:
        """Actors (matching a name or id fragment), most mentioned first."""
        n = (
            select(s.mentions.c.actor_id, func.count().label("n_mentions"))
            .group_by(s.mentions.c.actor_id).subquery()
        )
        a = s.actors.c
        query = select(
            a.id, a.name, a.country, a.kind, a.wikidata,
            func.coalesce(n.c.n_mentions, 0).label("n_mentions"),
        ).outerjoin(n, n.c.actor_id == a.id)
        if q:
            query = query.where(or_(a.id == q, name_matches(a.search, q)))
        if country:
            query = query.where(a.country == country.upper())
        query = query.order_by(func.coalesce(n.c.n_mentions, 0).desc(), a.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def actor(self, actor_id: str) -> dict | None:
        """One actor by id, with its number of mentions."""
        with self.engine.connect() as conn:
            row = conn.execute(select(s.actors).where(s.actors.c.id == actor_id)).first()
            if row is None:
                return None
            n = conn.execute(
                select(func.count()).select_from(s.mentions)
                .where(s.mentions.c.actor_id == actor_id)
            ).scalar()
        out = dict(row._mapping)
        out.pop("search", None)
        out["n_mentions"] = n
        return out

    def stories(self, *, limit: int | None = 100, offset: int = 0, min_articles: int = 1):
        """Stories (clusters of near-duplicate articles), largest first."""
        st = s.stories.c
        q = select(s.stories).where(st.n_articles >= min_articles)
        q = q.order_by(st.n_articles.desc(), st.first_published, st.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            out = [dict(r._mapping) for r in conn.execute(q)]
        for story in out:
            story["articles"] = self.articles(story_id=story["id"], limit=None)
        return out

    def corpus_events(
        self, *, contradiction: bool | None = None, limit: int | None = 100, offset: int = 0
    ) -> list[dict]:
        """Corpus events (one real-world event, several claims), most claimed first."""
        c = s.corpus_events.c
        q = select(s.corpus_events)
        if contradiction is not None:
            q = q.where(c.contradiction == contradiction)
        q = q.order_by(c.n_claims.desc(), c.date, c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            for row in rows:
                ids = select(s.corpus_claims.c.event_id).where(
                    s.corpus_claims.c.corpus_event_id == row["id"]
                )
                claims = select(s.events).where(s.events.c.id.in_(ids)).order_by(s.events.c.id)
                row["claims"] = [_event_dict(r._mapping) for r in conn.execute(claims)]
        return rows

    def errors(self, *, limit: int | None = 100, offset: int = 0) -> list[dict]:
        q = select(s.errors).order_by(s.errors.c.article_id, s.errors.c.n).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def fingerprints(self) -> list[tuple[str, list[int] | None, str | None]]:
        """(article id, MinHash fingerprint or None, published) of every coded article."""
        q = (
            select(s.articles.c.id, s.quality.c.fingerprint, s.articles.c.published)
            .outerjoin(s.quality, s.quality.c.article_id == s.articles.c.id)
            .where(s.articles.c.ok.is_(True))  # an article that was not coded has no story
            .order_by(s.articles.c.id)
        )
        with self.engine.connect() as conn:
            return [
                (i, json.loads(fp) if fp else None, p) for i, fp, p in conn.execute(q)
            ]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _event_dict(row) -> dict[str, Any]:
    d = dict(row)
    if isinstance(d.get("claim_chain"), str):
        d["claim_chain"] = json.loads(d["claim_chain"])
    return d


def open_store(url_or_path: str | Path | None = None, *, create: bool = True) -> Store:
    """Open (and by default create) the corpus database at a path or URL.

    A path (or ``None`` → ``selon.db``) is a SQLite file in WAL mode;
    ``postgresql://user@host/db`` uses PostgreSQL (needs ``pip install selon[postgres]``).
    """
    url = database_url(url_or_path)
    if url.startswith("sqlite"):
        path = url[len("sqlite:///") :]
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise RuntimeError(
                f"no driver for {url.split('://')[0]}: install it with "
                "`pip install 'selon[postgres]'` (psycopg)"
            ) from exc
    store = Store(engine)
    if create:
        store.create()
    elif not inspect(engine).has_table("articles"):
        raise ValueError(f"{url_or_path}: not a selon database (no articles table)")
    return store


__all__ = [
    "DEFAULT_DB", "Store", "database_url", "name_matches", "open_store", "rows_of",
    "search_key", "search_text",
]
