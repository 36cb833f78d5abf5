"""The actor dictionary: data files loaded once into lookup tables.

Why one folded key per name: the French model tokenises "Maison-Blanche",
"l'OTAN" or "Al-Qaïda" in ways that change between versions, so names are
matched on a folded string (lower case, no accents, hyphens and apostrophes
as spaces) built from the Doc's tokens, not on token sequences. Every table is
keyed on that folded string, so that resolving one mention is a dictionary
lookup, never a scan of the tables.

The files (``data/``) are the source of truth and say where their columns come
from: ``countries.csv``, ``organisations.csv``, ``people.csv``,
``titles.yaml`` and ``generic.yaml``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

_SPLIT = re.compile(r"[\s\-'’‘ʼ.]+")

#: ``Name.category`` values
COUNTRY, SEAT, ORG, PERSON, DEMONYM = "country", "seat", "org", "person", "demonym"


def _strip_table() -> dict[int, str]:
    """Latin letters with diacritics → their base letters, built once."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        )
        if base and base != chr(code):
            table[code] = base
    return table


_STRIP = _strip_table()


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Matching key of a name: lower case, no accents, hyphens/apostrophes as spaces.

    Cached: it is called once per token, and token texts repeat.
    """
    s = text.lower()
    if not s.isascii():
        s = s.translate(_STRIP)
        if not s.isascii():
            s = unicodedata.normalize("NFKD", s)
            s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(_SPLIT.split(s)).strip()


def slug(text: str) -> str:
    """Stable id part from a name: folded words joined by hyphens."""
    return "-".join(fold(text).split()) or "x"


@dataclass(frozen=True)
class Office:
    """One person in one office, for a period (people.csv row)."""

    id: str
    name: str
    country: str | None
    kind: str
    role: str
    org: str | None
    start: str
    end: str
    wikidata: str | None


@dataclass(frozen=True)
class Name:
    """What one folded name stands for.

    ``capital``: the dictionary spells it with a capital, so it matches only a
    capitalised word (keeps "Maurice Papon" and "la grenade" apart from states);
    ``acronym``: a short all-capital acronym, matched only in capitals.
    """

    category: str
    ref: str  # iso3, organisation id or person id
    capital: bool = False
    acronym: bool = False


@dataclass(frozen=True)
class Title:
    role: str | None
    kind: str | None
    org: str | None = None
    #: an actor only with a holder or an owner ("ministre"), never alone
    needs_name: bool = False
    #: the one state whose office this title names when no demonym or owner
    #: says otherwise ("secrétaire à la Défense": USA)
    country: str | None = None


@dataclass
class Lexicon:
    """All tables, built once per process by :func:`lexicon`."""

    countries: dict[str, dict[str, str | None]] = field(default_factory=dict)
    orgs: dict[str, dict[str, str | None]] = field(default_factory=dict)
    #: person id → offices held (several rows per person are normal)
    offices: dict[str, list[Office]] = field(default_factory=dict)
    #: (role, country or org id) → offices, in start order
    holders: dict[tuple[str, str], list[Office]] = field(default_factory=dict)
    #: folded name → what it may stand for (several entries = ambiguous)
    names: dict[str, list[Name]] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    #: first folded word → longest key (in words) starting with it, per table
    first_names: dict[str, int] = field(default_factory=dict)
    first_phrases: dict[str, int] = field(default_factory=dict)
    determiners: frozenset[str] = frozenset()
    linkers: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    #: verb lemmas and clitics of an impersonal "il" ("il faut", "il y a")
    impersonal: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    #: kinds of generic agent that name an organisation (armed groups)
    group_kinds: frozenset[str] = frozenset()
    #: organisation id → the state it comes from, for one of no state (Wagner: RUS)
    origins: dict[str, str] = field(default_factory=dict)
    focus_kinds: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    locative_kinds: frozenset[str] = frozenset()
    placed_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    in_power_kinds: frozenset[str] = frozenset()
    #: folded phrases, one word per token ("au pouvoir")
    in_power: tuple[tuple[str, ...], ...] = ()
    #: folded phrases, one word per token ("pays membres")
    members: tuple[tuple[str, ...], ...] = ()
    stateless: frozenset[str] = frozenset()
    #: agents that only refer back to the last named actor of their kind
    anaphors: frozenset[str] = frozenset()
    #: phrases holding an agent's noun that name no actor ("droits de l'homme")
    idioms: frozenset[str] = frozenset()
    #: a body's bare noun → organisation id → that organisation's body ("commission")
    bodies: dict[str, dict[str, str]] = field(default_factory=dict)
    lead_chars: int = 0
    event_places: frozenset[str] = frozenset()
    dateline_marks: frozenset[str] = frozenset()
    uncounted_kinds: frozenset[str] = frozenset()

    def add_name(self, text: str, entry: Name) -> None:
        key = fold(text)
        if not key:
            return
        words = key.split()
        if entry.category != PERSON and words[0] in self.determiners and len(words) > 1:
            # "la Maison-Blanche", "les Vingt-Sept": the article is matched apart
            words = words[1:]
            key = " ".join(words)
        bucket = self.names.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.first_names[words[0]] = max(self.first_names.get(words[0], 0), len(words))

    def add_phrase(self, key: str) -> None:
        words = key.split()
        self.first_phrases[words[0]] = max(self.first_phrases.get(words[0], 0), len(words))


def _rows(name: str) -> list[dict[str, str]]:
    text = files("selon.actors").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _yaml(name: str) -> dict[str, Any]:
    text = files("selon.actors").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _entry(category: str, ref: str, text: str) -> Name:
    bare = text.replace(".", "").replace(" ", "")
    return Name(
        category,
        ref,
        capital=text[:1].isupper(),
        acronym=bare.isupper() and bare.isalpha() and len(bare) <= 3,
    )


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every data file once and build the lookup tables."""
    lex = Lexicon()
    generic = _yaml("generic.yaml")
    lex.determiners = frozenset(fold(w) for w in generic.get("determiners", []) if fold(w))
    lex.linkers = frozenset(fold(w) for w in generic.get("linkers", []) if fold(w))
    lex.pronouns = frozenset(fold(w) for w in generic.get("pronouns", []))
    lex.impersonal = frozenset(generic.get("impersonal", []))
    lex.definite = frozenset(fold(w) for w in generic.get("definite", []) if fold(w))
    lex.demonstratives = frozenset(fold(w) for w in generic.get("demonstratives", []))
    lex.group_kinds = frozenset(generic.get("group_kinds", []))
    lex.origins = dict(generic.get("origins", {}))
    lex.focus_kinds = frozenset(generic.get("focus_kinds", []))
    lex.honorifics = frozenset(fold(w) for w in generic.get("honorifics", []))
    lex.relatives = frozenset(fold(w) for w in generic.get("relatives", []))
    lex.locatives = frozenset(fold(w) for w in generic.get("locatives", []))
    lex.locative_kinds = frozenset(generic.get("locative_kinds", []))
    lex.placed_verbs = frozenset(generic.get("placed_verbs", []))
    lex.place_nouns = frozenset(fold(w) for w in generic.get("place_nouns", []))
    lex.in_power_kinds = frozenset(generic.get("in_power_kinds", []))
    lex.in_power = tuple(tuple(fold(p).split()) for p in generic.get("in_power", []))
    lex.members = tuple(tuple(fold(p).split()) for p in generic.get("members", []))
    lex.stateless = frozenset(fold(w) for w in generic.get("stateless", []))
    lex.lead_chars = int(generic.get("lead_chars", 0))
    lex.event_places = frozenset(fold(w) for w in generic.get("event_places", []))
    lex.dateline_marks = frozenset(generic.get("dateline_marks", []))
    lex.uncounted_kinds = frozenset(generic.get("uncounted_kinds", []))
    no_surname = {fold(w) for w in generic.get("surname_exceptions", [])}

    for row in _rows("countries.csv"):
        iso = row["iso3"]
        lex.countries[iso] = {"name": row["name"], "wikidata": row["wikidata"] or None}
        for text in [row["name"], *_split(row["names"])]:
            lex.add_name(text, _entry(COUNTRY, iso, text))
        for text in _split(row["seats"]):
            lex.add_name(text, _entry(SEAT, iso, text))
        for text in _split(row["demonyms"]):
            lex.add_name(text, Name(DEMONYM, iso))

    for row in _rows("organisations.csv"):
        oid = row["id"]
        lex.orgs[oid] = {
            "name": row["name"], "kind": row["kind"], "country": row["country"] or None,
            "wikidata": row["wikidata"] or None,
        }
        for text in [row["name"], *_split(row["aliases"])]:
            lex.add_name(text, _entry(ORG, oid, text))

    for row in _rows("people.csv"):
        pid = "person:" + slug(row["name"])
        office = Office(
            id=pid, name=row["name"], country=row["country"] or None, kind=row["kind"],
            role=row["role"], org=row["org"] or None, start=row["start"] or "0000",
            end=row["end"] or "9999", wikidata=row["wikidata"] or None,
        )
        lex.offices.setdefault(pid, []).append(office)
        owner = office.org or office.country
        if owner:
            lex.holders.setdefault((office.role, owner), []).append(office)
        names = [row["name"], *_split(row["aliases"])]
        words = row["name"].split()
        if len(words) > 1:  # "Le Drian", "Poutine": the surname alone
            for surname in (" ".join(words[1:]), words[-1]):
                if (
                    surname[:1].isupper()  # not "de Belgique", "ben Salmane"
                    and fold(surname) not in no_surname
                    and len(fold(surname)) > 2
                ):
                    names.append(surname)
        for text in names:
            lex.add_name(text, _entry(PERSON, pid, text))
    for offices in lex.holders.values():
        offices.sort(key=lambda o: o.start)

    titles = _yaml("titles.yaml").get("titles", {})
    for text, spec in titles.items():
        key = fold(text)
        lex.titles[key] = Title(
            spec.get("role"), spec.get("kind"), spec.get("org"), bool(spec.get("needs_name")),
            spec.get("country"),
        )
        lex.add_phrase(key)
    for text, kind in generic.get("agents", {}).items():
        key = fold(text)
        lex.agents[key] = kind
        lex.add_phrase(key)
    anaphors = generic.get("anaphors", {})
    for text, kind in anaphors.items():
        key = fold(text)
        lex.agents.setdefault(key, kind)
        lex.add_phrase(key)
    lex.anaphors = frozenset(fold(w) for w in anaphors)
    lex.idioms = frozenset(fold(w) for w in generic.get("idioms", []))
    lex.bodies = {fold(k): dict(v) for k, v in generic.get("bodies", {}).items()}
    for key in lex.idioms:
        lex.add_phrase(key)
    return lex


def _pad(date: str, last: bool) -> str:
    """A full YYYY-MM-DD from a partial date: first or last day of its period."""
    if len(date) >= 10:
        return date[:10]
    if len(date) == 7:
        return date + ("-31" if last else "-01")
    return date[:4] + ("-12-31" if last else "-01-01")


def at_date(offices: list[Office], published: str | None) -> Office | None:
    """The office valid at ``published`` (YYYY-MM-DD, YYYY-MM, YYYY or None = latest).

    When none is valid (a former minister mentioned years later), the most
    recent office that started before the date is used, for its country.
    """
    if not offices:
        return None
    if not published:
        return max(offices, key=lambda o: (o.end, o.start))
    day = published[:10] if len(published) >= 10 else _pad(published, last=False)
    if len(published) == 7:
        day = published + "-15"
    valid = [o for o in offices if _pad(o.start, False) <= day <= _pad(o.end, True)]
    if valid:
        return max(valid, key=lambda o: o.start)
    before = [o for o in offices if _pad(o.start, False) <= day]
    return max(before, key=lambda o: o.start) if before else None
