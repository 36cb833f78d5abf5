"""Event locations: the place where an event happens, resolved to a country.

Why a gazetteer and not only spaCy's LOC entities: the French model misses or
mislabels many African and Ukrainian town names and never says which country a
place is in. ``data/places.csv`` (countries, capitals, cities and regions in the
news) is loaded once into a dict with accent- and case-folded keys; place
mentions (gazetteer matches and LOC entities) are found once per document and
kept in ``document.extras``. For one event, :func:`find_location` keeps the
places that the grammar presents as a location (a locative preposition from
``data/locations.yaml``, "la ville de X", or a LOC entity that is neither
subject nor object, so that "la Russie a attaqué" gives no location) in the
trigger's clause, and prefers the one attached to the trigger, then the nearest.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from selon.events.dates import clause_verb, fold, folded_text
from selon.model import Document, Location

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CACHE_KEY = "_selon_places"

#: the longest place name, in tokens, tried at each start token
_MAX_TOKENS = 7

_CLAUSE_VERB_POS = frozenset({"VERB", "AUX"})

#: among equally good places, the most precise kind wins
_SPECIFICITY = {"site": 0, "city": 0, "region": 1, "country": 2, "sea": 2}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]
    #: folded first words of the entries written in lower case ("bande", "mer")
    lower_starts: frozenset[str]
    #: folded prefixes of every name that end at a space, hyphen or apostrophe
    #: ("bobo", "bobo-dioulasso", "cote", "cote d'"): a token whose text is not
    #: one of these cannot start a name, and is skipped without any lookup
    prefixes: frozenset[str]


@dataclass(frozen=True)
class _Words:
    prepositions: frozenset[str]
    max_prep_tokens: int
    place_nouns: frozenset[str]
    of_words: frozenset[str]
    articles: frozenset[str]
    actor_deps: frozenset[str]
    recipient: frozenset[str]


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The lookup key of a place name: folded, plain apostrophes, single spaces."""
    return " ".join(fold(text.replace("\u2019", "'")).split())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``data/places.csv`` once (the first row for a name wins)."""
    raw = resources.files("selon.events").joinpath("data/places.csv").read_text(encoding="utf-8")
    lines = (line for line in raw.splitlines() if line.strip() and not line.startswith("#"))
    places: dict[str, Place] = {}
    lower_starts: set[str] = set()
    prefixes: set[str] = set()
    for row in csv.DictReader(lines):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        places.setdefault(key(name), Place(name, (row.get("country") or "").strip() or None,
                                           (row.get("kind") or "").strip()))
        if name[:1].islower():
            lower_starts.add(key(name.split()[0]))
        folded = key(name)
        prefixes.add(folded)
        prefixes.update(folded[:i] for i, ch in enumerate(folded) if ch in " -'")
        prefixes.update(folded[: i + 1] for i, ch in enumerate(folded) if ch == "'")
    return Gazetteer(places, frozenset(lower_starts), frozenset(prefixes))


@lru_cache(maxsize=1)
def words() -> _Words:
    raw = yaml.safe_load(
        resources.files("selon.events").joinpath("data/locations.yaml").read_text(encoding="utf-8")
    )
    preps = frozenset(key(p) for p in raw["locative_prepositions"])
    return _Words(
        prepositions=preps,
        max_prep_tokens=max(len(p.replace("'", "' ").split()) for p in preps),
        place_nouns=frozenset(key(w) for w in raw["place_nouns"]),
        of_words=frozenset(key(w) for w in raw["of_words"]),
        articles=frozenset(key(w) for w in raw["articles"]),
        actor_deps=frozenset(raw["actor_deps"]),
        recipient=frozenset(key(w) for w in raw["recipient_before_article"]),
    )


def lookup(text: str) -> Place | None:
    """The gazetteer entry for a place name, with or without its article."""
    places = gazetteer().places
    k = key(text)
    if k in places:
        return places[k]
    first, _, rest = k.partition(" ")
    if rest and first in words().articles:
        return places.get(rest)
    if k[:2] == "l'":
        return places.get(k[2:])
    return None


@dataclass(frozen=True)
class Mention:
    """A place mention in ``document.doc``: tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    country: str | None
    kind: str
    entity: bool


def _scan(doc, text: str) -> list[Mention]:
    """Gazetteer matches (longest at each start) and LOC entities of a Doc.

    ``text`` is ``doc.text`` (or its folded copy, which keys the same).
    """
    gaz = gazetteer()
    found: list[Mention] = []
    covered: set[int] = set()
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        first = tok.text[:1]
        k = key(tok.text)
        if k not in gaz.prefixes or not (first.isupper() or k in gaz.lower_starts):
            i += 1
            continue
        start_char = tok.idx
        match = None
        for j in range(min(n, i + _MAX_TOKENS), i, -1):
            last = doc[j - 1]
            place = gaz.places.get(key(text[start_char : last.idx + len(last.text)]))
            if place is not None and (first.isupper() or place.name[:1].islower()):
                match = Mention(i, j, place.country, place.kind, False)
                break
        if match is None:
            i += 1
            continue
        if _inside_name(doc, match):  # "France" in "France Télévisions", "Air France"
            i = match.end
            continue
        found.append(match)
        covered.update(range(match.start, match.end))
        i = match.end
    for ent in doc.ents:
        if ent.label_ != "LOC" or any(t in covered for t in range(ent.start, ent.end)):
            continue
        place = lookup(ent.text) or _inner_place(ent)
        found.append(Mention(ent.start, ent.end, place.country if place else None,
                             place.kind if place else "", True))
    found.sort(key=lambda m: m.start)
    return found


#: entity labels of names that are not places (a place name inside one is part of it)
_NAME_LABELS = frozenset({"ORG", "PER", "MISC"})


def _inside_name(doc, match: Mention) -> bool:
    """Whether a gazetteer match is part of a longer organisation, person or work name."""
    tok = doc[match.start]
    if tok.ent_iob_ == "" or tok.ent_type_ not in _NAME_LABELS:
        return False
    ent = next((e for e in doc.ents if e.start <= match.start < e.end), None)
    return ent is not None and (ent.start < match.start or ent.end > match.end)


def _inner_place(span: Span) -> Place | None:
    """A gazetteer name inside an entity the gazetteer does not know as a whole."""
    for size in range(len(span) - 1, 0, -1):
        for i in range(span.start, span.end - size + 1):
            place = gazetteer().places.get(key(span.doc[i : i + size].text))
            if place is not None:
                return place
    return None


def mentions(document: Document) -> list[Mention]:
    """The document's place mentions, found once and kept in ``document.extras``."""
    cached = document.extras.get(_CACHE_KEY)
    if cached is None:
        doc = document.doc
        cached = _scan(doc, folded_text(document)) if doc is not None else []
        document.extras[_CACHE_KEY] = cached
    return cached


def _introduced(doc, start: int, kind: str) -> bool:
    """Whether a locative preposition ("à", "la ville de", "le nord du") opens the name."""
    w = words()
    article = start > 0 and key(doc[start - 1].text) in w.articles
    if article:
        start -= 1
    for size in range(w.max_prep_tokens, 0, -1):
        if start - size < 0:
            continue
        prep = key(doc[start - size : start].text)
        if prep in w.prepositions:
            # "à l'Ukraine" is a recipient; "à Cuba", "en Ukraine" are places
            return not (article and kind == "country" and prep in w.recipient)
    if start >= 2 and key(doc[start - 1].text) in w.of_words:
        return key(doc[start - 2].text) in w.place_nouns
    return False


#: punctuation that closes a dateline ("BAMAKO (AFP) —", "KIEV, 3 mars -")
_DATELINE_END = frozenset({"—", "–", "-", "(", ","})


def _dateline(doc, mention: Mention) -> bool:
    """A place in capitals opening a paragraph and closed by a dash, bracket or comma."""
    start = doc[mention.start]
    if mention.end >= len(doc) or not (mention.start == 0 or start.is_sent_start):
        return False
    text = doc[mention.start : mention.end].text
    return len(text) > 2 and text.isupper() and doc[mention.end].text in _DATELINE_END


def _acronym(word: str) -> bool:
    """Two capitals or more in one word ("FAMa", "CSQ"): an organisation, not a place."""
    return sum(ch.isupper() for ch in word) >= 2 and "-" not in word


def _role_token(token: Token) -> Token:
    """The first conjunct of a coordination: "à Gao et Kidal" → Kidal takes Gao's role."""
    for _ in range(8):
        if token.dep_ != "conj" or token.head is token:
            break
        token = token.head
    return token


def _is_location(document: Document, mention: Mention, span: Span) -> int | None:
    """0 when the grammar presents ``mention`` as a place, 1 when only plausibly, else None.

    2 marks a dateline ("BAMAKO (AFP) —"): the place of the whole sentence.
    """
    doc = document.doc
    w = words()
    actor_tokens = document.extras.get("actor_tokens", {})
    if mention.entity and (
        len(span.text) < 2 or not span.text[:1].isupper()
        or any(t.i in actor_tokens for t in span)  # "affilié à al-Qaïda": an actor
        or any(_acronym(t.text) for t in span)  # "les FAMa", "la CSQ": organisations
    ):
        return None
    if _introduced(doc, mention.start, mention.kind):
        return 0
    if _dateline(doc, mention):
        return 2
    role = _role_token(span.root)
    if role.i != span.root.i and _introduced(doc, role.left_edge.i, mention.kind):
        return 0
    if (
        mention.kind != "country"
        and (mention.entity or mention.kind in ("city", "region"))
        and role.dep_ not in w.actor_deps
        and not any(t.i in actor_tokens for t in span)
        and not any(c.dep_ == "case" for c in role.children)
    ):
        return 1
    return None



def _attached(token: Token, trigger: Token) -> bool:
    """Whether ``token`` hangs from the trigger itself, through place nouns at most.

    "attaqué … à Gao", "les combats dans la ville de Gao" are attached; in "un
    paquet de sanctions lié à la guerre en Ukraine" Ukraine hangs from "guerre",
    another noun, so it is only in the same clause as "sanctions".
    """
    nouns = words().place_nouns
    current = token
    for _ in range(12):
        head = current.head
        if head.i == trigger.i:
            return True
        if head is current or head.pos_ in _CLAUSE_VERB_POS:
            return False
        if head.pos_ in ("NOUN", "PROPN") and key(head.text) not in nouns:
            return False
        current = head
    return False


def find_location(document: Document, sent: Span, trigger: Token) -> Location | None:
    """The place where the event of ``trigger`` happens, with its country; or None.

    Only places in the trigger's clause count: attached to the trigger itself
    (best), elsewhere in its clause, or in a clause under it; a dateline counts
    for its whole sentence. Among those, a place the grammar introduces as one
    beats a merely plausible one, a city beats a region beats a country ("à
    Bamako, au Mali"), and then the nearest wins.
    """
    doc = document.doc
    if doc is None:
        return None
    trigger_clause = clause_verb(trigger)
    best: tuple[tuple[int, int, int, int], Mention] | None = None
    for m in mentions(document):
        if m.start < sent.start or m.end > sent.end:
            continue
        span = doc[m.start : m.end]
        weak = _is_location(document, m, span)
        if weak is None:
            continue
        root = span.root
        direct = _attached(root, trigger)
        if weak == 2:  # a dateline: where everything in its sentence happens
            level, weak = 1, 1
        elif direct:
            level = 0
        elif clause_verb(root).i == trigger_clause.i:
            level = 1
        elif any(a.i == trigger.i for a in root.ancestors):  # a clause under the trigger
            level = 2
        else:  # a place in another clause is where something else happens
            continue
        distance = min(abs(t.i - trigger.i) for t in span)
        specific = _SPECIFICITY.get(m.kind, 1)  # "à Bamako, au Mali": Bamako
        rank = (level, weak, specific, distance)
        if best is None or rank < best[0]:
            best = (rank, m)
    if best is None:
        return None
    m = best[1]
    start, end = document.span_offsets(doc[m.start : m.end])
    # an unknown name (a LOC entity) takes its context's country; seas and
    # world regions are known to have none
    country = m.country if m.kind else _context_country(document, sent)
    return Location(text=document.text[start:end], start=start, end=end, country=country)


def _context_country(document: Document, sent: Span) -> str | None:
    """The country of a place the gazetteer does not know, read from its context.

    The one country of the known places of the same sentence ("à Farabougou,
    dans le centre du Mali") wins; else the country of nearly all (80 %) of
    the document's known places, as in a local news story.
    """
    known = [m for m in mentions(document) if m.country]
    in_sentence = {m.country for m in known if sent.start <= m.start < sent.end}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    counts: dict[str, int] = {}
    for m in known:
        counts[m.country] = counts.get(m.country, 0) + 1  # type: ignore[index]
    if not counts:
        return None
    top = max(counts, key=counts.__getitem__)
    return top if counts[top] >= 0.8 * sum(counts.values()) else None
