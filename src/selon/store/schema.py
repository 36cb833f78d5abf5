"""The corpus database schema (SQLAlchemy Core), one for SQLite and PostgreSQL.

Why both a record column and normalised tables: ``articles.record`` keeps the
whole :class:`selon.model.Record` JSON, so nothing the pipeline produced is lost
and a viewer can render an article exactly as coded; the other tables repeat
the parts people filter on (events by actor, country, type, date, claimant…),
each row keyed by its article id and its position in the record, so an
article's rows are written, and compared, as one unit.

Derived tables (``stories``, ``clusters``, ``corpus_events``) are recomputed
from the stored records after an ingest; they never hold anything that cannot
be rebuilt.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

#: bumped when the schema changes in a way old databases cannot be read with
SCHEMA_VERSION = 1

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("title", Text),
    Column("source", Text),
    Column("language", String(8)),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_errors", Integer, nullable=False, default=0),
    Column("ok", Boolean, nullable=False),
    #: the full Record JSON (the public contract), so nothing is lost
    Column("record", Text, nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)



def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

#: one row per canonical actor (the same dictionary actor across articles)
actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("kind", String(3)),
    Column("wikidata", String(32)),
    #: name and id folded (case, accents) for searching: see selon.store.search_key
    Column("search", Text, nullable=False),
    Index("ix_actors_name", "name"),
    Index("ix_actors_country", "country"),
)

#: one row per actor mention in an article
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("actor_id", String(200), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_mentions_actor", "actor_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(80), primary_key=True),  # "<article_id>:<n>"
    Column("article_id", String(64), _article_fk(), nullable=False),
    Column("n", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(64)),
    Column("quad", String(32)),
    Column("status", String(16), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("source_id", String(200)),
    Column("source_name", Text),
    Column("source_country", String(3)),
    Column("target_id", String(200)),
    Column("target_name", Text),
    Column("target_country", String(3)),
    Column("claimant_id", String(200)),
    Column("claimant_name", Text),
    Column("claim_chain", Text),  # JSON list of actor ids, nearest first
    #: the event's resolved date, else the article's publication date
    Column("date", String(10)),
    Column("date_text", Text),
    Column("location", Text),
    Column("location_country", String(3)),
    Column("published", String(10)),
    #: JSON list of the figures (digit numbers) in the sentence, the date left out,
    #: used to flag claims of one corpus event that disagree on numbers
    Column("figures", Text),
    Index("ix_events_article", "article_id"),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date", "date"),
    Index("ix_events_source", "source_id"),
    Index("ix_events_target", "target_id"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
    Index("ix_events_claimant", "claimant_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_id", String(200)),
    Column("speaker_name", Text),
    Column("verb", Text),
    Column("fragment", Boolean, nullable=False),
    Index("ix_quotes_speaker", "speaker_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("claimant_id", String(200)),
    Column("claimant_name", Text),
    Column("cue", Text, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Index("ix_claims_claimant", "claimant_id"),
)

quality = Table(
    "quality",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("language", String(8)),
    Column("language_confidence", Float),
    Column("machine_translation", Float, nullable=False),
    Column("content_farm", Float, nullable=False),
    Column("signals", Text, nullable=False),  # JSON list of {name, score}
    Column("fingerprint", Text),  # JSON list of ints (MinHash)
)

#: one row per error of an article (unreadable input, empty text, not French…)
errors = Table(
    "errors",
    metadata,
    Column("article_id", String(64), _article_fk(), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("stage", String(32)),
    Column("message", Text, nullable=False),
    Column("source", Text),
    Index("ix_errors_stage", "stage"),
)

# -- derived: recomputed after each ingest (selon.store.stories) --------------

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("first_article_id", String(64), nullable=False),
    Column("first_published", String(10)),
    Column("title", Text),
    Column("n_articles", Integer, nullable=False),
    Index("ix_stories_first_published", "first_published"),
)

clusters = Table(
    "clusters",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("story_id", String(64), nullable=False),
    Column("first_source", Boolean, nullable=False),
    Index("ix_clusters_story", "story_id"),
)

corpus_events = Table(
    "corpus_events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("source_key", String(200)),
    Column("target_key", String(200)),
    Column("date", String(10)),
    Column("n_claims", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("contradiction", Boolean, nullable=False),
    Column("reason", Text),
    Index("ix_corpus_events_type_date", "type", "date"),
)

#: event id -> corpus event it belongs to (one row per claim of the event)
corpus_claims = Table(
    "corpus_claims",
    metadata,
    Column("event_id", String(80), primary_key=True),
    Column("corpus_event_id", String(64), nullable=False),
    Index("ix_corpus_claims_corpus_event", "corpus_event_id"),
)

#: tables written per article, in the order rows are inserted
ARTICLE_TABLES = (articles, sentences, mentions, events, quotes, claims, quality, errors)
DERIVED_TABLES = (stories, clusters, corpus_events, corpus_claims)
