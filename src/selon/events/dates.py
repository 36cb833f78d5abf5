"""Event dates: French date expressions resolved against the publication date.

Why rules and not only ``dateparser``: dateparser handles absolute dates
("15 février 2024", "mardi 3 octobre", "12/02/2023") well, but not
"mi-décembre", "début janvier", "lundi prochain" or a bare "lundi" whose
direction depends on the verb's tense. So the patterns of
``data/dates.yaml`` find every candidate expression once per document (one
compiled regex per pattern over an accent-folded copy of the text, the longest
match winning where two overlap), and each candidate is
resolved here: absolute days through a cached dateparser instance, everything
else through the rules and vocabulary of the data file.

Public API (used by the event coder): :func:`find_date` for one event,
:func:`find_dates` for every date expression of a document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from selon.model import DateRef, Document

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: key of the per-document candidate cache in ``document.extras``
_CACHE_KEY = "_selon_date_candidates"
#: key of the folded ``doc.text`` in ``document.extras``
_TEXT_KEY = "_selon_folded_text"

#: parts of speech that head a clause when walking up from a token
_CLAUSE_VERB_POS = frozenset({"VERB", "AUX"})


# ---------------------------------------------------------------------------
# text folding (one character in, one character out, so offsets survive)


def _fold_char(ch: str) -> str:
    low = unicodedata.normalize("NFD", ch)[0].lower()
    return low if len(low) == 1 else ch


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x250):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch and len(folded) == 1:
            table[code] = folded
    return table


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the length (``len(fold(t)) == len(t)``)."""
    out = text.translate(_fold_table())
    return out if len(out) == len(text) else text.lower()


# ---------------------------------------------------------------------------
# data


@dataclass(frozen=True)
class _Rules:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    anchored: dict[str, int]
    today: dict[str, int]
    month_parts: dict[str, Any]
    numbers: dict[str, int]
    units: dict[str, str]
    offsets: dict[str, int]
    directions: dict[str, int]
    periods: dict[str, str]
    seasons: dict[str, int]
    context_before: dict[str, int]
    context_re: re.Pattern[str]
    conditional_endings: tuple[str, ...]
    imperfect_endings: tuple[str, ...]
    future_lemmas: frozenset[str]
    future_words: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _alt(words: Any) -> str:
    """A regex alternation of folded words, longest first (so "juil" never cuts "juillet")."""
    items = sorted({fold(str(w)) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"


def _folded_keys(mapping: dict[str, Any]) -> dict[str, Any]:
    return {fold(str(k)): v for k, v in mapping.items()}


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """Load ``data/dates.yaml`` once and compile its patterns."""
    raw = yaml.safe_load(
        resources.files("selon.events").joinpath("data/dates.yaml").read_text(encoding="utf-8")
    )
    slots = {
        "month": _alt(raw["months"]),
        "month_any": _alt({**raw["months"], **raw["month_abbreviations"]}),
        "weekday": _alt(raw["weekdays"]),
        "rel": _alt(raw["relative_days"]),
        "anchored": _alt(raw["anchored_days"]),
        "today": _alt(raw["today_phrases"]),
        "day_part": _alt(raw["day_parts"]),
        "first_day": _alt(raw["first_day"]),
        "month_part": _alt(raw["month_parts"]),
        "month_intro": _alt(raw["month_intro"]),
        "year_intro": _alt(raw["year_intro"]),
        "number": _alt(raw["numbers"]),
        "unit": _alt(raw["units"]),
        "offset": _alt(raw["offset_words"]),
        "direction": _alt(raw["direction_words"]),
        "this": _alt(raw["this_words"]),
        "this_suffix": _alt(raw["this_suffix"]),
        "period": _alt(raw["period_nouns"]),
        "period_article": _alt(raw["period_articles"]),
        "approximator": _alt(raw["approximators"]),
        "vague_intro": _alt(raw["vague_intro"]),
        "range_word": _alt(raw["range_words"]),
        "season": _alt(raw["seasons"]),
        "season_intro": _alt(raw["season_intro"]),
    }

    def fill(template: str) -> str:
        return re.sub(r"\{([a-z_]+)\}", lambda m: slots[m.group(1)], template)

    patterns = tuple((p["kind"], re.compile(fill(p["regex"]))) for p in raw["patterns"])
    ctx = _folded_keys(raw["context_before"])
    return _Rules(
        months=_folded_keys({**raw["months"], **raw["month_abbreviations"]}),
        weekdays=_folded_keys(raw["weekdays"]),
        relative_days=_folded_keys(raw["relative_days"]),
        anchored=_folded_keys(raw["anchored_days"]),
        today=_folded_keys(raw["today_phrases"]),
        month_parts=_folded_keys(raw["month_parts"]),
        numbers=_folded_keys(raw["numbers"]),
        units=_folded_keys(raw["units"]),
        offsets=_folded_keys(raw["offset_words"]),
        directions=_folded_keys(raw["direction_words"]),
        periods=_folded_keys(raw["period_nouns"]),
        seasons=_folded_keys(raw["seasons"]),
        context_before=ctx,
        context_re=re.compile(r"\b(" + _alt(ctx) + r")\s*$"),
        conditional_endings=tuple(fold(w) for w in raw["conditional_endings"]),
        imperfect_endings=tuple(str(w) for w in raw["imperfect_endings"]),
        future_lemmas=frozenset(fold(w) for w in raw["future_lemmas"]),
        future_words=frozenset(fold(w) for w in raw["future_words"]),
        patterns=patterns,
    )


# ---------------------------------------------------------------------------
# candidates: found once per document


@dataclass(frozen=True)
class Candidate:
    """A date expression found in ``document.doc.text`` (doc character offsets)."""

    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None


def scan(text: str) -> list[Candidate]:
    """Every date expression of ``text``, longest first where two overlap."""
    return _scan_folded(fold(text))


def _scan_folded(folded: str) -> list[Candidate]:
    r = rules()
    found: list[tuple[int, int, int, str, tuple[tuple[str, str], ...]]] = []
    for order, (kind, pattern) in enumerate(r.patterns):
        for m in pattern.finditer(folded):
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append((m.start(), m.end(), order, kind, groups))
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
    taken: list[Candidate] = []
    for start, end, _, kind, groups in found:
        if any(start < c.end and c.start < end for c in taken):
            continue
        taken.append(Candidate(start, end, kind, groups))
    taken.sort(key=lambda c: c.start)
    return taken


def candidates(document: Document) -> list[Candidate]:
    """The document's date candidates, computed once and kept in ``document.extras``."""
    cached = document.extras.get(_CACHE_KEY)
    if cached is None:
        cached = _scan_folded(folded_text(document)) if document.doc is not None else []
        document.extras[_CACHE_KEY] = cached
    return cached


def folded_text(document: Document) -> str:
    """``fold(document.doc.text)``, computed once per document.

    Why keep it: spaCy rebuilds ``Doc.text`` from the tokens at every access.
    """
    folded = document.extras.get(_TEXT_KEY)
    if folded is None:
        folded = document.extras[_TEXT_KEY] = fold(document.doc.text)
    return folded


# ---------------------------------------------------------------------------
# the publication date


@dataclass(frozen=True)
class Published:
    """The publication date as a day, and how precise it was (day, month or year)."""

    day: date
    precision: str


@lru_cache(maxsize=256)
def published_date(value: str | None) -> Published | None:
    """Read ``YYYY-MM-DD`` (or a longer timestamp), ``YYYY-MM`` or ``YYYY``; None if unreadable."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            return Published(date(year, int(m.group(2)), int(m.group(3))), "day")
        if m.group(2):
            return Published(date(year, int(m.group(2)), 15), "month")
        return Published(date(year, 7, 1), "year")
    except ValueError:
        return None


_RANK = {"year": 0, "month": 1, "day": 2}


def _iso(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _relative(pub: Published, day: date, precision: str = "day") -> str:
    """A date computed from the publication date is no more precise than it."""
    if _RANK[pub.precision] < _RANK[precision]:
        precision = pub.precision
    return _iso(day, precision)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _pick_year(pub: Published, month: int, dom: int, direction: int | None,
               weekday: int | None) -> int:
    """The year of a day-and-month with no year, on the side of ``pub`` the context asks.

    Compared at the publication date's precision: with a month-precision date
    ("2023-01"), "le 25 janvier" is in that month whatever the direction.
    """
    if pub.precision == "year":
        return pub.day.year

    def rank(d: date) -> tuple[int, ...]:
        return (d.year, d.month) if pub.precision == "month" else (d.year, d.month, d.day)

    here = rank(pub.day)
    options = []
    for year in (pub.day.year - 1, pub.day.year, pub.day.year + 1):
        try:
            options.append(date(year, month, dom))
        except ValueError:  # 29 February
            continue
    if not options:
        return pub.day.year
    if weekday is not None:  # "mardi 3 octobre": the year where the weekday fits, if near
        fitting = [d for d in options if d.weekday() == weekday and abs((d - pub.day).days) < 300]
        if len(fitting) == 1:
            return fitting[0].year
    if direction is not None and direction < 0:
        past = [d for d in options if rank(d) <= here]
        if past:
            return max(past).year
    if direction is not None and direction > 0:
        future = [d for d in options if rank(d) >= here]
        if future:
            return min(future).year
    same = [d for d in options if rank(d)[:2] == here[:2]]
    if same:
        return same[0].year
    return min(options, key=lambda d: abs((d - pub.day).days)).year


# ---------------------------------------------------------------------------
# dateparser, for absolute days


@lru_cache(maxsize=1)
def _parser() -> Any:
    """The one DateDataParser (French, day-month-year order), built on first use.

    Why no RELATIVE_BASE: a parser per publication date would be rebuilt for
    almost every article, and each new instance pays dateparser's slow first
    parse. Relative parts (a missing year, a weekday) are resolved by the rules
    here; dateparser only reads complete absolute dates, which need no base.
    Its first parse in a process still costs a few tenths of a second (it
    builds its timezone patterns); it is paid only once an article holds a
    full date ("15 février 2022", "12/02/2023").
    """
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["fr"],
        # only complete absolute dates reach it: the relative-date ("freshness")
        # parser would only cost time
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": True,
            "PARSERS": ["absolute-time"],
        },
    )


@lru_cache(maxsize=4096)
def _dateparse(text: str) -> date | None:
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises on some odd strings; a date is never worth a crash
        return None
    return data.date_obj.date() if data and data.date_obj else None


# ---------------------------------------------------------------------------
# resolution


def _int(value: str | None, table: dict[str, int]) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    if value in table:
        return table[value]
    return None


def resolve(
    cand: Candidate, text: str, published: str | None, direction: int | None = None,
    anchor: str | None = None,
) -> str | None:
    """The ISO value of a candidate whose original wording is ``text``.

    ``direction`` is what the context says: -1 past, +1 future/planned, None unknown.
    ``anchor``: the ISO day of the event told just before, which "la veille" and
    "le lendemain" count from.
    """
    r = rules()
    pub = published_date(published)
    kind = cand.kind
    g = cand.get
    explicit = r.directions.get(g("dir") or "")
    if explicit is not None:
        direction = explicit
    try:
        if kind == "numeric":
            day = _dateparse(cand.get("numeric") or text)
            return day.isoformat() if day else None
        if kind == "year":
            return g("year")
        if kind == "day":
            return _resolve_day(cand, text, pub, direction)
        if kind == "anchored":
            if not anchor or len(anchor) != 10:
                return None
            offset = r.anchored[g("anchored") or ""]
            return (date.fromisoformat(anchor) + timedelta(days=offset)).isoformat()
        if kind == "season":
            return _resolve_season(cand, pub, direction, explicit is not None)
        if kind in ("month", "month_part"):
            return _resolve_month(cand, pub, direction, explicit is not None)
        if pub is None:
            return None
        if kind == "relative":
            return _relative(pub, pub.day + timedelta(days=r.relative_days[g("rel") or ""]))
        if kind == "today":
            return _relative(pub, pub.day + timedelta(days=r.today.get(g("today") or "", 0)))
        if kind == "offset":
            return _resolve_offset(cand, pub)
        if kind == "period":
            return _resolve_period(cand, pub, explicit)
        if kind == "vague":
            return _resolve_vague(cand, pub, explicit)
        if kind == "weekday":
            return _resolve_weekday(cand, pub, direction, explicit is not None)
        if kind == "weekday_day":
            return _resolve_weekday_day(cand, pub, direction)
    except (KeyError, ValueError, OverflowError):
        return None
    return None


def _resolve_day(
    cand: Candidate, text: str, pub: Published | None, direction: int | None
) -> str | None:
    r = rules()
    month = r.months[cand.get("month") or ""]
    day_word = cand.get("day") or ""
    dom = 1 if not day_word.isdigit() else int(day_word)
    year_word = cand.get("year")
    weekday = r.weekdays.get(cand.get("weekday") or "")
    if year_word:  # a complete absolute date: dateparser's job
        parsed = _dateparse(text)
        if parsed is not None and parsed.year == int(year_word):
            return parsed.isoformat()
        year = int(year_word)
    elif pub is None:
        return None
    else:  # the year is the rules' job (dateparser cannot know the tense)
        year = _pick_year(pub, month, dom, direction, weekday)
    try:
        return date(year, month, dom).isoformat()
    except ValueError:  # "31 février"
        return None


def _resolve_month(
    cand: Candidate, pub: Published | None, direction: int | None, strict: bool
) -> str | None:
    r = rules()
    part = r.month_parts.get(cand.get("part") or "")
    year_word = cand.get("year")
    month_word = cand.get("month")
    if month_word is None:  # "fin 2023"
        return year_word
    month = r.months[month_word]
    dom = part if isinstance(part, int) else None
    if year_word:
        year = int(year_word)
    elif pub is None:
        return None
    elif strict and direction is not None:  # "mars dernier", "mai prochain": never this month
        here = pub.day.year * 12 + pub.day.month - 1
        year = pub.day.year
        for y in (pub.day.year - 1, pub.day.year, pub.day.year + 1):
            there = y * 12 + month - 1
            if (direction < 0 and there < here) or (direction > 0 and there > here):
                year = y
                if direction > 0:
                    break
    else:
        year = _pick_year(pub, month, dom or 15, direction, None)
    return _iso(date(year, month, dom or 1), "day" if dom else "month")


def _resolve_offset(cand: Candidate, pub: Published, sign: int | None = None) -> str | None:
    r = rules()
    if sign is None:
        sign = r.offsets[cand.get("sign") or ""]
    n = _int(cand.get("n"), r.numbers)
    unit = r.units[cand.get("unit") or ""]
    if n is None:
        return None
    if unit == "hour":
        return _relative(pub, pub.day + timedelta(days=sign * (n // 24)))
    if unit == "day":
        return _relative(pub, pub.day + timedelta(days=sign * n))
    if unit == "week":
        return _relative(pub, pub.day + timedelta(days=7 * sign * n))
    if unit == "month":
        return _relative(pub, _add_months(pub.day, sign * n), "month")
    return _relative(pub, date(pub.day.year + sign * n, 1, 1), "year")


def _resolve_season(
    cand: Candidate, pub: Published | None, direction: int | None, strict: bool
) -> str | None:
    """A season is known to the year only: the one its centre month gives."""
    if cand.get("year"):
        return cand.get("year")
    if pub is None:
        return None
    month = rules().seasons[cand.get("season") or ""]
    if strict and direction:  # "l'été dernier" / "l'hiver prochain": not the current one
        here = pub.day.year * 12 + pub.day.month
        years = [y for y in (pub.day.year - 1, pub.day.year, pub.day.year + 1)
                 if (y * 12 + month - here) * direction > 1]
        if years:
            return f"{(max(years) if direction < 0 else min(years)):04d}"
    return f"{_pick_year(pub, month, 15, direction, None):04d}"


def _resolve_weekday_day(cand: Candidate, pub: Published, direction: int | None) -> str | None:
    """"jeudi 12": the date within a month of publication with that weekday and day."""
    r = rules()
    weekday = r.weekdays[cand.get("weekday") or ""]
    word = cand.get("day") or ""
    dom = int(word) if word.isdigit() else 1
    fits = [
        pub.day + timedelta(days=k) for k in range(-31, 32)
        if (pub.day + timedelta(days=k)).day == dom
        and (pub.day + timedelta(days=k)).weekday() == weekday
    ]
    if direction is not None:
        fits = [d for d in fits if (d - pub.day).days * direction >= 0] or fits
    if not fits:
        return _resolve_weekday(cand, pub, direction, False)
    return _relative(pub, min(fits, key=lambda d: abs((d - pub.day).days)))


def _resolve_vague(cand: Candidate, pub: Published, direction: int | None) -> str | None:
    """"ces derniers jours", "dans les prochaines 48 heures": near the publication date."""
    r = rules()
    unit = r.units[cand.get("unit") or ""]
    if cand.get("n") is not None and unit in ("day", "week"):
        return _resolve_offset(cand, pub, direction or 0)
    precision = {"hour": "day", "day": "day", "week": "month"}.get(unit, "year")
    return _relative(pub, pub.day, precision)


def _resolve_period(cand: Candidate, pub: Published, direction: int | None) -> str | None:
    r = rules()
    unit = r.periods[cand.get("period") or ""]
    step = direction or 0
    if cand.get("part") and unit == "week" and not step:  # "en fin de semaine"
        return _relative(pub, pub.day)
    if unit == "week":
        return _relative(pub, pub.day + timedelta(days=7 * step))
    if unit == "weekend":  # the Saturday of last, this or next weekend
        saturday = pub.day + timedelta(days=(5 - pub.day.weekday()))
        if pub.day.weekday() == 6:
            saturday -= timedelta(days=7)
        return _relative(pub, saturday + timedelta(days=7 * step))
    if unit == "month":
        return _relative(pub, _add_months(pub.day, step), "month")
    return _relative(pub, date(pub.day.year + step, 1, 1), "year")


def _resolve_weekday(
    cand: Candidate, pub: Published, direction: int | None, strict: bool
) -> str | None:
    weekday = rules().weekdays[cand.get("weekday") or ""]
    ahead = (weekday - pub.day.weekday()) % 7  # 0..6 days to the coming one
    behind = (pub.day.weekday() - weekday) % 7  # 0..6 days since the previous one
    if strict:  # "lundi prochain" / "lundi dernier": never the publication day itself
        ahead, behind = ahead or 7, behind or 7
    if direction is not None and direction > 0:
        day = pub.day + timedelta(days=ahead)
    elif direction is not None and direction < 0:
        day = pub.day - timedelta(days=behind)
    elif ahead < behind:  # the nearest one
        day = pub.day + timedelta(days=ahead)
    else:
        day = pub.day - timedelta(days=behind)
    return _relative(pub, day)


# ---------------------------------------------------------------------------
# context: is the event past or planned?


def clause_verb(token: Token) -> Token:
    """The verb heading ``token``'s clause (the token itself if it is one), or the root."""
    current = token
    for _ in range(8):
        if current.pos_ in _CLAUSE_VERB_POS or current.head is current:
            return current
        current = current.head
    return current


def _is_conditional(verb: Token) -> bool:
    endings = rules().conditional_endings
    text, lemma = fold(verb.text), fold(verb.lemma_)
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return len(stem) > 2 and any(text == stem + e for e in endings)


def _is_imperfect(verb: Token) -> bool:
    text = verb.text.lower()
    return any(text.endswith(e) and len(text) - len(e) >= 3 for e in rules().imperfect_endings)


def tense_direction(trigger: Token) -> int | None:
    """-1 when the event is told as past, +1 when planned or future, None when unclear.

    Read from the trigger's verb (or the verb governing a noun trigger): its
    auxiliaries (passé composé → past; "aurait attaqué", the journalistic
    conditional, is past too), future and conditional moods, and governing
    verbs of intention from ``future_lemmas`` ("doit se rendre", "va signer").
    """
    r = rules()
    for child in trigger.children:  # "la réunion prévue"
        if fold(child.text) in r.future_words or (
            child.pos_ in _CLAUSE_VERB_POS and fold(child.lemma_) in r.future_lemmas
        ):
            return 1
    cop = next((c for c in trigger.children if c.dep_ == "cop"), None)
    verb = cop if cop is not None else clause_verb(trigger)  # "X sera au téléphone lundi"
    for _ in range(3):
        if fold(verb.text) in r.future_words:  # "le vote est prévu jeudi"
            return 1
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        for aux in auxes:
            if fold(aux.lemma_) in r.future_lemmas:
                return 1
        tense_aux = [a for a in auxes if a.dep_ in ("aux:tense", "aux")]
        if tense_aux and "Part" in verb.morph.get("VerbForm"):
            return 1 if "Fut" in tense_aux[0].morph.get("Tense") else -1
        tense = verb.morph.get("Tense")
        mood = verb.morph.get("Mood")
        if "Fut" in tense or "Cnd" in mood or _is_conditional(verb):
            return 1
        finite = "Fin" in verb.morph.get("VerbForm")
        if "Imp" in tense or ("Past" in tense and finite) or (finite and _is_imperfect(verb)):
            return -1
        head = verb.head
        if head is verb:
            break
        if fold(head.lemma_) in r.future_lemmas and verb.dep_ in ("xcomp", "ccomp"):
            return 1
        if "Inf" in verb.morph.get("VerbForm") and verb.dep_ == "xcomp":
            verb = clause_verb(head)  # "conviennent de rechercher": the governing verb
            continue
        break
    return None


def _context_direction(document: Document, cand: Candidate) -> int | None:
    """A word right before the date that says plan or past ("pour lundi", "depuis lundi")."""
    before = folded_text(document)[max(0, cand.start - 20) : cand.start]
    m = rules().context_re.search(before)
    if m:
        return rules().context_before.get(m.group(1))
    return None


# ---------------------------------------------------------------------------
# public API


def _to_ref(
    document: Document, cand: Candidate, direction: int | None, anchor: str | None = None
) -> DateRef:
    start, end = document.to_text(cand.start), document.to_text(cand.end)
    text = document.text[start:end]
    context = _context_direction(document, cand)
    value = resolve(cand, text, document.published,
                    context if context is not None else direction, anchor)
    return DateRef(text=text, start=start, end=end, value=value)


def _span(document: Document, cand: Candidate) -> Span | None:
    return document.doc.char_span(cand.start, cand.end, alignment_mode="expand")


def find_date(
    document: Document, sent: Span, trigger: Token, anchor: str | None = None
) -> DateRef | None:
    """The date expression of the event whose trigger is ``trigger``, resolved; or None.

    ``anchor``: the ISO day of the event told just before, for "la veille",
    "le lendemain".

    Among the date expressions of ``sent``, the one in the trigger's clause
    (attached to the trigger, or to the verb heading its clause) wins, then the
    closest to the trigger.
    """
    if document.doc is None:
        return None
    inside = [c for c in candidates(document) if sent.start_char <= c.start < sent.end_char]
    if not inside:
        return None
    trigger_clause = clause_verb(trigger)
    best: tuple[tuple[int, int], Candidate, bool] | None = None
    for cand in inside:
        span = _span(document, cand)
        if span is None or not len(span):
            continue
        root = span.root
        in_clause = (
            root.i == trigger.i
            or any(a.i == trigger.i for a in root.ancestors)
            or clause_verb(root).i == trigger_clause.i
        )
        distance = min(abs(t.i - trigger.i) for t in span)
        key = (0 if in_clause else 1, distance)
        if best is None or key < best[0]:
            best = (key, cand, in_clause)
    if best is None:
        return None
    _, cand, in_clause = best
    # a date outside the trigger's clause is read with its own clause's tense
    # ("a annoncé lundi que les troupes partiraient": lundi is past), and so is
    # a date whose trigger gives no tense (a noun: "la prise du pouvoir en juillet")
    direction = tense_direction(trigger) if in_clause else None
    if direction is None:
        span = _span(document, cand)
        direction = tense_direction(span.root) if span is not None and len(span) else None
    return _to_ref(document, cand, direction, anchor)


def find_dates(document: Document) -> list[DateRef]:
    """Every date expression of the document, resolved with its own clause's tense."""
    if document.doc is None:
        return []
    refs = []
    for cand in candidates(document):
        span = _span(document, cand)
        direction = tense_direction(span.root) if span is not None and len(span) else None
        refs.append(_to_ref(document, cand, direction))
    return refs
