"""The shared document model: what every stage reads and writes.

An article enters as an :class:`Article`, travels through the stages as a
:class:`Document` (which also holds the spaCy ``Doc`` and the character map),
and leaves as a :class:`Record`, the public JSON contract. Every ``start``/
``end`` in a record is a character offset into ``Record.text``, the input text
exactly as it was read, so that any consumer can highlight evidence in place.

The record's shape is documented as JSON Schema in ``schema/record.schema.json``,
generated from these classes (``python -m selon.schema``); keep it stable.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # spaCy is heavy; the model must import without it
    from spacy.tokens import Doc

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

#: PLOVER quad class of each event type (verbal/material cooperation/conflict).
QUAD: dict[str, str] = {
    "AGREE": "VERBAL_COOPERATION", "CONSULT": "VERBAL_COOPERATION",
    "SUPPORT": "VERBAL_COOPERATION", "REQUEST": "VERBAL_COOPERATION",
    "CONCEDE": "MATERIAL_COOPERATION", "COOPERATE": "MATERIAL_COOPERATION",
    "AID": "MATERIAL_COOPERATION", "RETREAT": "MATERIAL_COOPERATION",
    "ACCUSE": "VERBAL_CONFLICT", "REJECT": "VERBAL_CONFLICT",
    "THREATEN": "VERBAL_CONFLICT", "PROTEST": "MATERIAL_CONFLICT",
    "SANCTION": "MATERIAL_CONFLICT", "MOBILIZE": "MATERIAL_CONFLICT",
    "COERCE": "MATERIAL_CONFLICT", "ASSAULT": "MATERIAL_CONFLICT",
}

ActorKind = Literal["GOV", "MIL", "REB", "IGO", "MED", "CVL"]
Status = Literal["occurred", "planned", "negated", "hypothetical"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Offsets(_Model):
    """A character span of the original text."""

    start: int
    end: int


class TextSpan(Offsets):
    """A span together with the text it covers (``text == record.text[start:end]``)."""

    text: str


class Actor(_Model):
    """A canonical actor, as seen at one mention (``start``/``end``).

    ``id`` is stable across articles for dictionary actors (e.g. ``person:vladimir-poutine``)
    and derived from the normalised name for actors the dictionary does not know.
    """

    id: str
    name: str
    country: str | None = Field(None, description="ISO 3166 alpha-3 code, or null")
    kind: ActorKind | None = None
    wikidata: str | None = Field(None, description="Wikidata Q-id, or null")
    start: int
    end: int


class Entity(TextSpan):
    """A named entity from the parser (PER, ORG, LOC, MISC)."""

    label: str


class DateRef(TextSpan):
    """A date expression and its value resolved against the publication date."""

    value: str | None = Field(None, description="ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")


class Location(TextSpan):
    country: str | None = None


class Event(_Model):
    type: EventType
    mode: str | None = None
    quad: str
    status: Status = "occurred"
    hedged: bool = False
    trigger: TextSpan
    sentence: Offsets
    source: Actor | None = None
    target: Actor | None = None
    claimed_by: Actor | None = None
    claim_chain: list[Actor] = Field(default_factory=list)
    date: DateRef | None = None
    location: Location | None = None


class Quote(TextSpan):
    """Words the article presents as someone's; ``text`` excludes the quote marks."""

    speaker: Actor | None = None
    verb: str | None = None
    fragment: bool = Field(False, description="fewer than four words: a quoted term, not a quote")


class Claim(Offsets):
    """A claim frame: a span of text the article presents as someone's assertion."""

    claimant: Actor | None = None
    cue: str = Field(description="the words that open the frame: 'selon', 'a annoncé que', « »…")
    hedged: bool = False


class Signal(_Model):
    """One piece of evidence about the article's reliability."""

    name: str
    score: float
    evidence: list[TextSpan] = Field(default_factory=list)


class Quality(_Model):
    language: str | None = None
    language_confidence: float | None = None
    machine_translation: float = 0.0
    content_farm: float = 0.0
    signals: list[Signal] = Field(default_factory=list)
    fingerprint: list[int] | None = Field(
        None, description="MinHash signature of the cleaned text (near-duplicate detection)"
    )


class Dropped(Offsets):
    reason: str


class Error(_Model):
    message: str
    stage: str | None = None


class Record(_Model):
    """The public JSON contract: one article, fully coded."""

    id: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = Field(None, description="the input this article was read from")
    text: str
    sentences: list[Offsets] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quality: Quality = Field(default_factory=Quality)
    dropped: list[Dropped] = Field(default_factory=list)
    errors: list[Error] = Field(default_factory=list)
    labels: dict[str, Any] | None = Field(None, description="labels carried from the input")


class Article(_Model):
    """An article as read by an ingest reader, before any processing."""

    id: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    text: str = ""
    raw_html: str | None = None
    source: str | None = None
    labels: dict[str, Any] | None = None
    errors: list[Error] = Field(default_factory=list)


@dataclass
class Document:
    """An article on its way through the stages.

    ``text`` is the original text (offsets refer to it). ``doc`` is one spaCy Doc
    built from the kept paragraphs; ``doc_starts``/``text_starts`` map each
    paragraph's first character in ``doc.text`` to its first character in
    ``text``. All normalisation done before parsing replaces one character by one
    character, so this per-paragraph table is the whole character map.
    """

    article: Article
    text: str
    dropped: list[Dropped] = field(default_factory=list)
    paragraphs: list[Offsets] = field(default_factory=list)
    doc: Doc | None = None
    doc_starts: list[int] = field(default_factory=list)
    text_starts: list[int] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quality: Quality = field(default_factory=Quality)
    errors: list[Error] = field(default_factory=list)
    #: stage-to-stage working data (e.g. the mention index built by ``actors``)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def published(self) -> str | None:
        return self.article.published

    def to_text(self, doc_char: int) -> int:
        """Map a character offset in ``doc.text`` to one in the original ``text``."""
        i = bisect_right(self.doc_starts, doc_char) - 1
        if i < 0:
            return doc_char
        return self.text_starts[i] + (doc_char - self.doc_starts[i])

    def span_offsets(self, span: Any) -> tuple[int, int]:
        """Original-text offsets of a spaCy Span or Token."""
        if hasattr(span, "start_char"):
            start, end = span.start_char, span.end_char
        else:  # Token
            start, end = span.idx, span.idx + len(span.text)
        return self.to_text(start), self.to_text(end)

    def text_span(self, span: Any) -> TextSpan:
        start, end = self.span_offsets(span)
        return TextSpan(text=self.text[start:end], start=start, end=end)

    def to_record(self) -> Record:
        a = self.article
        doc = self.doc
        sentences: list[Offsets] = []
        entities: list[Entity] = []
        if doc is not None:
            for sent in doc.sents:
                s, e = self.span_offsets(sent)
                sentences.append(Offsets(start=s, end=e))
            for ent in doc.ents:
                s, e = self.span_offsets(ent)
                entities.append(Entity(text=self.text[s:e], start=s, end=e, label=ent.label_))
        return Record(
            id=a.id, url=a.url, outlet=a.outlet, published=a.published, title=a.title,
            source=a.source, text=self.text, sentences=sentences, entities=entities,
            actors=self.actors, events=self.events, quotes=self.quotes, claims=self.claims,
            quality=self.quality, dropped=self.dropped, errors=[*a.errors, *self.errors],
            labels=a.labels,
        )
