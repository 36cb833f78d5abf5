"""The French PLOVER event coder: triggers, arguments, status.

Why a lexicon over the dependency parse: a trigger word fixes the event type
(``data/triggers.yaml``, per type and mode), and the parse tells who acts and
on whom (subject → source, object or "contre/avec/à" complement → target,
passive "par" → source, "entre X et Y" → both). Nominal events ("l'attaque du
groupe contre le camp") read their complements; a noun event that is the
object of a support verb ("a lancé une offensive", "ont procédé à des
arrestations") takes the verb's subject as source. Coordinated actors give one
event per actor pair. Status comes from :mod:`selon.events.status`; claims,
dates and locations from the stages and modules that own them.

Speed: the lexicon is loaded once into dicts keyed by accent-folded lemma or
form; each sentence is read in one pass over its tokens.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from importlib import import_module, resources
from typing import TYPE_CHECKING, Any

import yaml

from selon.events.status import event_status, future_date, load_cues
from selon.model import QUAD, Actor, Document, Event, Offsets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: types whose participants are interchangeable: a coordinated subject
#: ("X et Y ont convenu") gives the pair (X, Y)
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_VERBAL = frozenset({"VERB", "ADJ"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_ARG_POS = frozenset({"NOUN", "PROPN", "PRON", "X"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
#: ``document.extras`` key of the tokens' original-text offsets
_STARTS_KEY = "_selon_token_starts"
#: relations of an adjunct event to the verb it circumstantiates
_ADJUNCTS = frozenset({"obl", "obl:mod", "obl:arg", "nmod", "advcl"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case, accent-free, typographic-apostrophe-free form of a word."""
    word = word.lower().replace("’", "'").strip("'")
    if word.isascii():
        return word
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Entry:
    """One trigger of the lexicon: a word or a phrase, its type and conditions."""

    type: str
    words: tuple[str, ...]
    mode: str | None = None
    prep: frozenset[str] = frozenset()
    noprep: frozenset[str] = frozenset()
    refl: bool = False
    norefl: bool = False
    bare: bool = False
    genitive: str | None = None
    weak: bool = False
    said: bool = False
    last_head: bool = False
    patient: bool = False
    forces: bool = False
    held: bool = False
    mutual: bool = False
    kind: str = "verbs"

    @property
    def conditional(self) -> bool:
        return bool(self.prep or self.noprep or self.refl or self.norefl)


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    adjectives: dict[str, list[Entry]] = field(default_factory=dict)
    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    verb_forms: dict[str, str] = field(default_factory=dict)
    noun_forms: dict[str, str] = field(default_factory=dict)
    phrase_forms: dict[str, str] = field(default_factory=dict)
    genitive: dict[str, str] = field(default_factory=dict)
    targets: dict[str, frozenset[str]] = field(default_factory=dict)
    object_is_target: dict[str, bool] = field(default_factory=dict)
    guess_target: dict[str, bool] = field(default_factory=dict)
    clause_target: dict[str, bool] = field(default_factory=dict)
    genitive_source_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    genitive_preps: frozenset[str] = frozenset()
    pair_preps: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    both_sides: frozenset[str] = frozenset()
    continued_types: frozenset[str] = frozenset()
    adjectival: dict[str, bool] = field(default_factory=dict)
    anaphoric: dict[str, bool] = field(default_factory=dict)
    content_object: dict[str, bool] = field(default_factory=dict)
    purpose_marks: frozenset[str] = frozenset()
    relative_genitives: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    border_types: frozenset[str] = frozenset()
    authority_verbs: frozenset[str] = frozenset()
    venue_types: frozenset[str] = frozenset()
    clause_antecedents: frozenset[str] = frozenset()
    resumptive_nouns: frozenset[str] = frozenset()
    present_forms: dict[str, str] = field(default_factory=dict)
    homographs: frozenset[str] = frozenset()
    military_sites: frozenset[tuple[str, ...]] = frozenset()
    site_types: frozenset[str] = frozenset()
    border_links: frozenset[str] = frozenset()
    partner_preps: frozenset[str] = frozenset()
    medium_preps: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    author_targets: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    first_person_subjects: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    attribution_verbs: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    #: contracted article-prepositions → their preposition ("aux" → "à")
    contractions: dict[str, str] = field(default_factory=dict)
    #: noun of a complex preposition → the preposition ("faveur" → "en faveur")
    complex_preps: dict[str, str] = field(default_factory=dict)
    #: False, True (the place's state) or "population" (its people)
    territory_target: dict[str, bool | str] = field(default_factory=dict)
    content_types: frozenset[str] = frozenset()
    charge_types: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    gap: int = 3


def _split_words(text: str, function_words: frozenset[str]) -> tuple[str, ...]:
    # hyphenated compounds stay whole: the tokenizer keeps "couvre-feu",
    # "cessez-le-feu", "contre-offensive" as one token
    words = text.replace("’", "'").replace("'", "' ").split()
    folded = [fold(w) for w in words]
    kept = tuple(w for w in folded if w and w not in function_words and w != "-")
    return kept or tuple(w for w in folded if w and w != "-")


def _parse_entry(kind: str, raw: str, fw: frozenset[str]) -> Entry:
    parts = [p.strip() for p in str(raw).split(";")]
    opts: dict[str, Any] = {}
    for opt in parts[1:]:
        if not opt:
            continue
        key, _, value = opt.partition("=")
        key = key.strip()
        if key in ("prep", "noprep"):
            opts[key] = frozenset(fold(v) for v in value.split("|") if v.strip())
        elif key in ("refl", "norefl", "bare", "said", "patient", "forces", "held", "mutual"):
            opts[key] = True
        elif key == "head" and value.strip() == "last":
            opts["last_head"] = True
        elif key == "actor":
            opts["weak"] = True
        elif key in ("mode", "genitive"):
            opts[key] = value.strip()
        else:
            raise ValueError(f"triggers.yaml: unknown option {opt!r} in {raw!r}")
    word = parts[0]
    words = _split_words(word, fw) if " " in word.strip() or kind == "phrases" else (fold(word),)
    return Entry(type=kind, words=words, kind=kind, **opts)


def _inflect(forms: dict[str, str], spelled: str, endings: dict[str, list[str]], word: str):
    """Map each inflected form of a verb (its ending replaced) to the lexicon word."""
    for ending, repl in endings.items():
        if spelled.endswith(ending):
            stem = spelled[: -len(ending)]
            for r in repl:
                forms.setdefault(_accented(stem + r), word)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``data/triggers.yaml`` once into lookup tables."""
    text = resources.files("selon.events").joinpath("data/triggers.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    def words(key: str) -> frozenset[str]:  # a folded word list of the file
        return frozenset(fold(w) for w in raw.get(key) or [])

    def types(key: str) -> frozenset[str]:  # a list of event types
        return frozenset(raw.get(key) or [])

    fw = words("function_words")
    lex = Lexicon(
        support_verbs=words("support_verbs"),
        function_words=fw,
        agent_preps=words("agent_prepositions"),
        genitive_preps=words("genitive_prepositions"),
        pair_preps=words("pair_prepositions"),
        locative_preps=words("locative_prepositions"),
        both_sides=words("both_sides"),
        content_types=types("content_types"),
        charge_types=types("charge_types"),
        continued_types=types("continued_types"),
        homographs=frozenset(w.lower() for w in raw.get("homographs") or []),
        military_sites=frozenset(
            tuple(fold(w) for w in str(site).split()) for site in raw.get("military_sites") or []),
        site_types=types("site_types"),
        border_links=words("border_links"),
        partner_preps=words("partner_prepositions"),
        medium_preps=words("medium_prepositions"),
        first_person=words("first_person_objects"),
        author_targets=types("author_targets"),
        time_nouns=words("time_nouns"),
        first_person_subjects=words("first_person_subjects"),
        reflexives=words("reflexive_pronouns"),
        purpose_marks=words("purpose_marks"),
        relative_genitives=words("relative_genitives"),
        border_nouns=words("border_nouns"),
        border_types=types("border_types"),
        authority_verbs=words("authority_verbs"),
        venue_types=types("venue_types"),
        clause_antecedents=words("clause_antecedents"),
        resumptive_nouns=words("resumptive_nouns"),
        place_preps=words("place_prepositions"),
        attribution_verbs=words("attribution_verbs"),
        collective_nouns=words("collective_nouns"),
        gap=int(raw.get("phrase_gap") or 3),
    )
    lex.contractions.update(
        {fold(k): fold(v) for k, v in (raw.get("contractions") or {}).items()})
    for prep in raw.get("complex_prepositions") or []:
        noun = fold(prep).replace("'", "' ").split()[-1]
        lex.complex_preps[noun] = fold(prep)
    inflection: dict[str, list[str]] = raw.get("inflection") or {}
    present: dict[str, list[str]] = raw.get("present_inflection") or {}
    plural = [str(s) for s in raw.get("noun_plural") or []]
    for etype in QUAD:
        block = raw.get(etype) or {}
        lex.genitive[etype] = block.get("genitive") or "source"
        lex.targets[etype] = frozenset(fold(w) for w in block.get("targets") or [])
        lex.object_is_target[etype] = block.get("object", "target") == "target"
        lex.guess_target[etype] = bool(block.get("guess_target", True))
        lex.adjectival[etype] = bool(block.get("adjectival", False))
        lex.clause_target[etype] = bool(block.get("clause_target", False))
        lex.anaphoric[etype] = bool(block.get("anaphoric", False))
        lex.content_object[etype] = bool(block.get("content_object", False))
        territory = block.get("territory_target", False)
        lex.territory_target[etype] = "population" if territory == "population" else bool(territory)
        lex.genitive_source_kinds[etype] = frozenset(block.get("genitive_source_kinds") or [])
        tables = (("verbs", lex.verbs), ("nouns", lex.nouns), ("adjectives", lex.adjectives),
                  ("phrases", lex.phrases))
        for kind, table in tables:
            for item in block.get(kind) or []:
                entry = _parse_entry(kind, item, fw)
                entry = Entry(**{**entry.__dict__, "type": etype})
                if len(entry.words) > 1:
                    lex.phrases.setdefault(entry.words[0], []).append(entry)
                    continue
                (word,) = entry.words
                table.setdefault(word, []).append(entry)
                if kind == "verbs":
                    # accents kept in forms: "critiqué" is a participle, "critique" is not
                    spelled = _accented(item)
                    _inflect(lex.verb_forms, spelled, inflection, word)
                    _inflect(lex.present_forms, spelled, present, word)
                elif kind in ("nouns", "adjectives"):
                    for s in plural:
                        lex.noun_forms.setdefault(word + s, word)
    # words of phrases: any inflection (tense, number), the parser's lemma
    # being unreliable inside idioms ("viole le droit international")
    endings = {**inflection}
    for ending, more in (raw.get("phrase_inflection") or {}).items():
        endings[ending] = [*endings.get(ending, []), *more]
    for entries in list(lex.phrases.values()):
        for entry in entries:
            for word in entry.words:
                for ending, repl in endings.items():
                    if word.endswith(fold(ending)) and len(word) > len(ending) + 2:
                        stem = word[: -len(ending)]
                        for r in repl:
                            lex.phrase_forms.setdefault(fold(stem + r), word)
                for suffix in plural:
                    lex.phrase_forms.setdefault(word + suffix, word)
    for table in (lex.verbs, lex.nouns, lex.adjectives, lex.phrases):
        for key, entries in table.items():  # conditional entries first, stable
            table[key] = sorted(entries, key=lambda e: not e.conditional)
        for key, entries in lex.phrases.items():  # longest phrases first
            lex.phrases[key] = sorted(entries, key=lambda e: (-len(e.words), not e.conditional))
    return lex


# ---------------------------------------------------------------- matching


def _accented(text: str) -> str:
    """Lower-case word with its accents (the first field of a lexicon entry)."""
    return str(text).split(";")[0].strip().lower().replace("’", "'")


def _keys(token: Token) -> tuple[str, ...]:
    """Lookup keys of a token: lemma, form, and the lexicon word its form inflects."""
    return _keys_of(token.text, token.lemma_, token.pos_)


@lru_cache(maxsize=65536)
def _keys_of(text: str, lemma_: str, pos: str) -> tuple[str, ...]:
    """:func:`_keys` by the token's strings: words repeat, so this is cached."""
    lex = load_lexicon()
    if text.lower() in lex.homographs or lemma_.lower() in lex.homographs:
        return ()  # "le marché" is no "marche"
    lemma, low = fold(lemma_), fold(text)
    if pos in _NOMINAL:
        form = lex.noun_forms.get(low) or lex.noun_forms.get(lemma)
    else:
        form = lex.verb_forms.get(_accented(text)) or lex.verb_forms.get(_accented(lemma_))
        if form is None and pos == "ADJ":  # "inacceptables"
            form = lex.noun_forms.get(low)
        elif form is None and pos == "VERB":  # "réclame", left unlemmatised
            form = lex.present_forms.get(_accented(text))
    return tuple(dict.fromkeys(k for k in (lemma, low, form) if k))


def _phrase_keys(token: Token, keys: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    form = lex.phrase_forms.get(fold(token.text))
    return (*keys, form) if form and form not in keys else keys


def _is_name_part(tok: Token, sent: Span) -> bool:
    """A word inside a name ("Alliance nationale…", "Groupe de soutien à…") is no trigger."""
    if tok.i == sent.start or sent.doc[tok.i - 1].text in (":", "-", "–", "—", "|"):
        return False  # a headline's first word ("Mali : Attaque du …")
    if tok.ent_type_ in ("ORG", "PER", "LOC", "MISC"):
        return True
    x = tok
    for _ in range(3):  # "le Groupe de soutien aux…", "l'Organisation pour la coopération…"
        if x.is_title and x.i > sent.start and not sent.doc[x.i - 1].is_punct:
            return True
        if x.dep_ not in ("nmod", "conj", "amod") or x.head == x:
            return False
        x = x.head
    return False


def _dep_words(token: Token, own: bool = True) -> set[str]:
    """Words that introduce the token's complements (prepositions, markers).

    Adjuncts (``obl:mod``: "à plusieurs reprises") are left out: a frame
    condition is about the word's arguments. ``own``: also the word's own
    preposition ("par la critique"), which only exclusions look at.
    """
    words: set[str] = set()
    for c in token.children:
        if c.dep_ in ("obl:mod", "punct") or c.dep_.startswith("aux") or (
            not own and c.dep_ in ("case", "det")
        ):  # ("a" the auxiliary would fold to "à")
            continue
        words.add(fold(c.text))
        for g in c.children:
            if g.dep_ in ("case", "mark", "fixed"):
                words.add(fold(g.text))
            elif g.dep_ in ("acl", "xcomp") and c.dep_ == "obj":  # "appelle X à cesser"
                words.update(fold(m.text) for m in g.children if m.dep_ == "mark")
    return words


def _accepts(entry: Entry, token: Token, lex: Lexicon) -> bool:
    if entry.prep and not (entry.prep & _dep_words(token, own=False)):
        return False
    if entry.noprep and entry.noprep & _dep_words(token):
        return False
    if entry.refl or entry.norefl:
        reflexive = any(
            fold(c.text) in lex.reflexives and c.dep_.startswith(("expl", "obj", "iobj"))
            for c in token.children
        )
        return reflexive if entry.refl else not reflexive
    return True


@dataclass
class Trigger:
    entry: Entry
    head: Token
    tokens: list[Token]


def _match_phrase(entry: Entry, start: int, sent: Span, keys: list[tuple[str, ...]], gap: int):
    idx = [start]
    pos = start
    for word in entry.words[1:]:
        for j in range(pos + 1, min(pos + 2 + gap, len(sent))):
            if word in keys[j]:
                idx.append(j)
                pos = j
                break
        else:
            return None
    return idx


def find_triggers(
    sent: Span, lex: Lexicon | None = None, names: frozenset[int] = frozenset()
) -> list[Trigger]:
    """All triggers in a sentence: phrases first, then single words.

    ``names``: indices of tokens inside actor mentions, which are never
    triggers ("Groupe de soutien à…", "Alliance des…").
    """
    lex = lex or load_lexicon()
    tokens = list(sent)
    keys = [_keys(t) for t in tokens]
    pkeys = [_phrase_keys(t, k, lex) for t, k in zip(tokens, keys, strict=True)]
    used: set[int] = {t.i - sent.start for t in tokens if t.i in names}
    found: list[Trigger] = []
    for i in range(len(tokens)):
        if i in used or tokens[i].dep_.startswith("aux"):
            continue  # "s'est entretenu au téléphone": "est" is no "être au téléphone"
        for k in pkeys[i]:
            for entry in lex.phrases.get(k, ()):
                idx = _match_phrase(entry, i, sent, pkeys, lex.gap)
                if idx is None:
                    continue
                span_toks = [tokens[j] for j in idx]
                head = span_toks[-1] if entry.last_head else _phrase_head(span_toks)
                if not _accepts(entry, head, lex):
                    continue
                used.update(idx)
                found.append(Trigger(entry, head, span_toks))
                break
            else:
                continue
            break
    for i, tok in enumerate(tokens):
        if i in used or tok.pos_ in ("PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM"):
            continue
        if (tok.pos_ not in _NOMINAL and tok.pos_ not in _VERBAL) or _is_name_part(tok, sent):
            continue
        if tok.pos_ in _NOMINAL and any(c.dep_.startswith("aux") for c in tok.children):
            # a participle the tagger took for a noun: "a téléphoné"
            tables: tuple[dict[str, list[Entry]], ...] = (lex.verbs, lex.nouns)
            form = lex.verb_forms.get(_accented(tok.text))
            keys[i] = (*keys[i], form) if form else keys[i]
        elif tok.pos_ in _NOMINAL:  # "la marche" is no verb; "« inacceptables »" tagged NOUN
            tables = (lex.nouns, lex.adjectives)
        elif tok.pos_ == "ADJ":  # participles ("les civils blessés"), adjectives
            tables = (lex.verbs, lex.adjectives)
        else:  # a verb, or a noun the tagger took for one
            tables = (lex.verbs, lex.nouns)
        entry = None
        for table in tables:
            for k in keys[i]:
                for e in table.get(k, ()):
                    if _accepts(e, tok, lex):
                        entry = e
                        break
                if entry:
                    break
            if entry:
                break
        if entry is not None:
            found.append(Trigger(entry, tok, [tok]))
    return found


def _phrase_head(tokens: list[Token]) -> Token:
    for t in tokens:
        if t.pos_ == "VERB":
            return t
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head == t:
            return t
    return tokens[0]


# ---------------------------------------------------------------- arguments


def _case_words(token: Token) -> set[str]:
    """The folded prepositions of a complement, contractions also as their
    preposition ("aux rebelles" is introduced by "à")."""
    words = {fold(c.text) for c in token.children if c.dep_ in ("case", "fixed", "mark")}
    contractions = load_lexicon().contractions
    return words | {contractions[w] for w in words if w in contractions}


def _complex_complements(tok: Token, lex: Lexicon) -> list[tuple[Token, str]]:
    """Complements behind a complex preposition ("une aide en faveur des
    réfugiés", "des mesures à l'encontre de X"), looked for on the word and one
    complement further ("une aide de 25 millions en faveur de X")."""
    out: list[tuple[Token, str]] = []
    if not lex.complex_preps:
        return out
    near = [tok, *(c for c in tok.children if c.dep_ in ("nmod", "obl", "obj"))]
    for x in near:
        for c in x.children:
            prep = lex.complex_preps.get(fold(c.text))
            if prep is None or c.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg"):
                continue
            if prep.split()[0] not in _case_words(c):
                continue
            out.extend((g, prep) for g in c.children
                       if g.dep_ == "nmod" and g.pos_ in _ARG_POS)
    return out


def _is_passive(tok: Token) -> bool:
    """A passive verb; "se sont mis d'accord" (reflexive with être) is active."""
    children = list(tok.children)
    if any(c.dep_.startswith("expl") for c in children):
        return False
    if any(c.dep_ == "aux:pass" for c in children):
        return True
    if any(c.dep_ == "nsubj:pass" for c in children):
        # a passive subject with "avoir" is a parser slip: "X a exigé" is active
        return not any(c.dep_ == "aux:tense" and fold(c.lemma_) == "avoir" for c in children)
    morph = tok.morph
    return tok.dep_ == "acl" and "Part" in morph.get("VerbForm") and "Past" in morph.get(
        "Tense") and not any(c.dep_ == "obj" for c in children)  # a passive has no object


def _is_dateline(tok: Token) -> bool:
    """A name opening a sentence as its dateline or topic label: upper case
    before a dash ("PARIS —"), or any name before a colon in a headline
    ("Cameroun : un mort…")."""
    doc = tok.doc
    if not tok.is_sent_start or tok.i + 1 >= len(doc):
        return False
    after = doc[tok.i + 1].text
    return (after in ("—", "–", "-") and tok.is_upper and len(tok.text) > 1) or (
        after == ":" and tok.pos_ == "PROPN"
    )


def _subject(tok: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb (token, is-passive-subject), inherited from governors.

    A dateline the parser took for a subject ("BRUXELLES — L'UE a convenu…")
    is skipped.
    """
    children = [c for c in tok.children if not _is_dateline(c)]
    for c in children:
        if c.dep_ in ("nsubj", "expl:subj"):
            if "Rel" in c.morph.get("PronType") and tok.dep_ == "acl:relcl":
                return tok.head, False
            return c, False
        if c.dep_ == "nsubj:pass":
            passive = _is_passive(tok)
            if "Rel" in c.morph.get("PronType") and tok.dep_ == "acl:relcl":
                return tok.head, passive
            return c, passive
    for c in tok.children:  # an unlabelled noun before the verb: its subject
        if c.dep_ == "dep" and c.i < tok.i and c.pos_ in _NOMINAL:
            return c, False
    if depth < 3 and tok.head != tok:
        if tok.dep_ == "xcomp" and tok.head.pos_ in _VERBAL:
            # "a exhorté le Rwanda à retirer ses troupes": the object controls
            controller = next((c for c in tok.head.children if c.dep_ == "obj"
                               and c.pos_ in _ARG_POS and c.i < tok.i
                               and fold(c.lemma_) not in load_lexicon().time_nouns), None)
            if controller is not None:
                return controller, False
        if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.pos_ in _VERBAL:
            return _subject(tok.head, depth + 1)[0], False
        if tok.dep_ == "acl" and "Inf" in tok.morph.get("VerbForm") and any(
            c.dep_ == "mark" and fold(c.text) in load_lexicon().purpose_marks
            for c in tok.children
        ):  # "descendus dans la capitale pour protester", hung on the noun
            verb = next((a for a in tok.ancestors if a.pos_ in _VERBAL), None)
            if verb is not None:
                return _subject(verb, depth + 1)[0], False
        if tok.dep_ == "acl" and tok.head.pos_ in _NOMINAL | {"PRON"}:
            return tok.head, _is_passive(tok)
        if tok.dep_ == "amod" and tok.head.pos_ in _NOMINAL:  # "des civils blessés"
            return tok.head, True
        if tok.dep_ == "cop":  # "X sera au téléphone avec Y" parsed around the copula
            return _subject(tok.head, depth + 1)[0], False
    return None, False


def _verb_args(tok: Token, etype: str, lex: Lexicon) -> tuple[list[Token], list[Token]]:
    targets_p = lex.targets.get(etype, frozenset())
    src: list[Token] = []
    tgt: list[Token] = []
    subj, subj_passive = _subject(tok)
    passive = _is_passive(tok) or subj_passive
    reflexive = etype in SYMMETRIC and any(
        c.dep_.startswith("expl") and fold(c.text) in lex.reflexives for c in tok.children
    )
    if subj is not None and not passive and subj.head != tok and any(
        c.dep_ == "obl:agent" for c in tok.children
    ):  # "X, détenu par l'armée": a participle with its own agent; the
        # governor's subject is not its author, the name before the comma
        # is its patient
        subj = None
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.text == "," and before.i > 0:
            tgt.append(tok.doc[before.i - 1])
    if subj is not None:
        (tgt if passive else src).append(subj)
    for c in tok.children:
        if c.pos_ not in _ARG_POS:
            continue
        cases = _case_words(c)
        if c.dep_ == "obl:agent" or (passive and cases & lex.agent_preps):
            src.append(c)
        elif c.dep_ == "obj" and not passive:
            if lex.object_is_target.get(etype, True):
                tgt.append(c)
                # "a appelé X et le président Y", Y hung on the verb by the parser
                tgt.extend(g for g in tok.children if g.dep_ == "conj" and g.pos_ in _NOMINAL)
        elif c.dep_ in ("iobj", "obl:arg", "obl", "obl:mod", "nmod") and cases & lex.pair_preps:
            conj = [c, *c.conjuncts]
            if not src:
                src.append(conj[0])
            tgt.extend(conj[1:] if len(conj) > 1 else [c])
        elif c.dep_ == "iobj" or (
            c.dep_ in ("obl:arg", "obl", "obl:mod", "nmod") and cases & targets_p
        ):
            # "à Ankara" as an adjunct, or where two sides "se sont réunis à Vienne"
            place = bool(cases & lex.locative_preps) and (
                c.dep_ == "obl:mod" or (reflexive and c.ent_type_ == "LOC")
            )
            if not place:
                tgt.append(c)
    if not tgt:
        tgt.extend(g for g, prep in _complex_complements(tok, lex) if prep in targets_p)
    if not any(t.dep_ != "obj" for t in tgt):
        # "a livré des missiles aux forces X", hung on the object by the parser
        tgt.extend(
            g for c in tok.children if c.dep_ == "obj" for g in c.children
            if g.dep_ == "nmod" and g.pos_ in _ARG_POS and not _is_place(g)
            and _case_words(g) & (targets_p - lex.genitive_preps)
        )
    if all(t.pos_ == "NOUN" and t.dep_.startswith("obl") for t in tgt):
        # "s'est entretenu au téléphone avec X", hung on the adjunct
        tgt.extend(
            g for c in tok.children if c.dep_ in ("obl", "obl:arg", "obl:mod")
            and c.pos_ in _NOMINAL and _case_words(c) & lex.medium_preps for g in c.children
            if g.dep_ == "nmod" and g.pos_ in _ARG_POS and not _is_place(g)
            and _case_words(g) & (targets_p & lex.partner_preps)
        )
    if not tgt and lex.clause_target.get(etype):
        tgt.extend(_clause_subjects(tok))
    return src, tgt


def _phrase_targets(trig: Trigger, head: Token, etype: str, lex: Lexicon) -> list[Token]:
    """Targets hung on the other words of a phrase trigger (its noun)."""
    targets_p = lex.targets.get(etype, frozenset()) - lex.genitive_preps
    return [
        c for t in trig.tokens if t != head for c in t.children
        if c.dep_ in ("nmod", "obl", "obl:arg") and c.pos_ in _ARG_POS
        and _case_words(c) & targets_p
    ]


def _below(
    tok: Token, depth: int, keep: Callable[[Token], bool]
) -> Iterable[tuple[Token, Token]]:
    """(parent, child) pairs under ``tok``, level by level down to ``depth``,
    through the children ``keep`` accepts."""
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for x in frontier:
            for c in x.children:
                if keep(c):
                    yield x, c
                    nxt.append(c)
        frontier = nxt


def _deep_target(
    tok: Token, preps: frozenset[str], trigger_heads: set[int], depth: int = 3
) -> list[Token]:
    """The first complement with a target preposition inside a noun event's
    own phrase, down to ``depth`` levels and not inside another event's phrase."""
    for x, c in _below(tok, depth, lambda c: c.i not in trigger_heads
                       and c.dep_ not in ("acl:relcl", "punct")):
        if c.dep_ in ("nmod", "obl", "obl:arg", "obl:agent") and c.pos_ in _ARG_POS and (
            _case_words(c) & preps
        ) and not _is_place(c) and x is not tok:
            return [c]
    return []


def _clause_subjects(tok: Token) -> list[Token]:
    """Subjects of a que-clause complement ("exige que l'OTAN renonce" → l'OTAN)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl") and c.pos_ in _VERBAL:
            out.extend(g for g in c.children if g.dep_ == "nsubj" and g.pos_ in _ARG_POS)
    return out


def _noun_args(
    tok: Token, entry: Entry, etype: str, lex: Lexicon, trigger_heads: set[int],
    document: Document | None = None, phrase: frozenset[int] = frozenset(),
):
    """Arguments of a noun trigger. ``phrase``: the other tokens of a phrase
    trigger ("livraisons d'armes"), which are no arguments but whose own
    complements are the noun's ("des livraisons d'armes à l'Ukraine")."""
    targets_p = lex.targets.get(etype, frozenset())
    src: list[Token] = []
    tgt: list[Token] = []
    genitive: list[Token] = []
    adjectival: list[Token] = []
    kids: list[Token] = []
    stack = list(tok.children)
    if tok.dep_ == "amod" and tok.head.pos_ in _NOMINAL and not stack:
        # "la prétendue invasion russe de l'Ukraine" parsed with the noun as an
        # adjective of "prétendue": the complements are the event's
        stack = [c for c in tok.head.children if c != tok]
    while stack:
        c = stack.pop(0)
        if c.i in phrase:  # but not the post of a person it names ("l'ambassadeur à X")
            stack.extend(g for g in c.children if not (
                document is not None and _is_venue(g) and _actor(document, c) is not None))
        else:
            kids.append(c)
    for c in kids:
        cases = _case_words(c)
        if c.dep_ == "nsubj" and c.pos_ in _ARG_POS and any(
            g.dep_ == "cop" for g in tok.children
        ):  # a copular predicate: "X sera au téléphone avec Y", "X est en visite à Y"
            src.append(c)
        elif c.dep_ in ("nmod", "obl", "obl:arg") and c.pos_ in _ARG_POS:
            if cases & lex.agent_preps:
                src.append(c)
            elif cases & lex.pair_preps:
                conj = [c, *c.conjuncts]
                src.append(conj[0])
                tgt.extend(conj[1:])
            elif cases & targets_p - lex.genitive_preps:
                tgt.append(c)
            elif cases & lex.genitive_preps and (not any(
                g.dep_ == "nummod" for g in c.children
            ) or (document is not None and _actor(document, c) is not None)):
                # "une aide de 25 millions d'euros": a quantity, no participant
                # (but "l'arrestation de deux députés")
                genitive.append(c)
        elif c.dep_ == "amod" or _possessive_det(c):
            adjectival.append(c)
        elif c.dep_ == "acl" and c.pos_ in _VERBAL:  # "une embuscade tendue par X"
            src.extend(g for g in c.children if g.dep_ == "obl:agent" or (
                g.dep_.startswith("obl") and _case_words(g) & lex.agent_preps))
            tgt.extend(  # "une motion déposée … contre le gouvernement"
                g for g in c.children if g.dep_.startswith("obl") and g.pos_ in _ARG_POS
                and _case_words(g) & (targets_p - lex.genitive_preps - lex.locative_preps))
            if fold(c.lemma_) in lex.attribution_verbs:  # "des attaques attribuées à X"
                src.extend(g for g in c.children if g.dep_.startswith("obl")
                           and g.pos_ in _ARG_POS and _case_words(g) & {"a"})
    for c in tok.children:  # "des assauts contre X et Y" parsed with Y on the noun
        if c.dep_ == "conj" and c.i not in trigger_heads and c.pos_ in _ARG_POS and (
            tgt or _case_words(c) & targets_p
        ):
            tgt.append(c)
    if not tgt:
        tgt.extend(g for g, prep in _complex_complements(tok, lex) if prep in targets_p)
    if not tgt:  # "des fournitures d'armes modernes à l'Ukraine", hung deeper by the parser
        tgt.extend(_deep_target(tok, targets_p - lex.genitive_preps, trigger_heads))
    if not src:  # "les livraisons d'armes aux forces X par les Occidentaux", likewise
        # (an agent "par X" ends the phrase: "les livraisons d'armes et de
        # munitions aux forces X par les Occidentaux", one level deeper)
        src.extend(_deep_target(tok, lex.agent_preps, trigger_heads, depth=4))
    if not src:  # "l'anniversaire de l'invasion de l'Ukraine par la Russie", hung higher
        src.extend(_agent_above(tok, lex, trigger_heads))
    if not tgt:  # "la reprise de la ville aux rebelles", hung on the genitive by the parser
        tgt.extend(
            c for g in genitive for c in g.children
            if c.dep_ == "nmod" and c.pos_ in _ARG_POS and not _is_place(c)
            and _case_words(c) & (targets_p - lex.genitive_preps)
        )
    role = entry.genitive or lex.genitive.get(etype, "source")
    kinds = lex.genitive_source_kinds.get(etype)
    if genitive and role == "source" and kinds and not tgt and document is not None:
        actor = _actor(document, genitive[0])  # "l'attaque du groupe" / "l'attaque de Kidal"
        if actor is None or actor.kind not in kinds:
            role = "target"
    if genitive:
        if role == "target" or src:
            tgt.extend(genitive)
        else:
            src.extend(genitive)
    host, role_tok = tok.head, tok
    role = tok.dep_
    if fold(host.lemma_) in lex.collective_nouns and tok.dep_ == "nmod" and host.head != host:
        host, role_tok = host.head, host  # "revendique une série d'attaques"
        role = role_tok.dep_
    elif fold(host.lemma_) in lex.time_nouns and host.dep_ == "obl:mod" and tok.dep_ == "nmod":
        # "ont adopté vendredi un paquet de sanctions", the object hung on the day
        host, role_tok, role = host.head, host, "obj"
    if role == "obl:mod" and not any(c.dep_ == "case" for c in role_tok.children):
        role = "obj"  # the same slip, the object taken for an adjunct after the day
    for _ in range(2):  # "lors d'une conversation": through the adverb to the verb
        if host.pos_ in ("ADV", "ADP") and host.head != host:
            host = host.head
    # a support verb lends its subject: "a lancé une offensive", "a annoncé l'arrestation"
    host_ok = host != tok and host.pos_ in _VERBAL and fold(host.lemma_) in lex.support_verbs
    if not host_ok and host != tok and host.pos_ in _VERBAL:
        # "pour pouvoir présider une réunion", the object hung on the modal verb
        lent = next((c for c in host.children if c.dep_ == "xcomp" and c.i < tok.i
                     and fold(c.lemma_) in lex.support_verbs), None)
        if lent is not None:
            host, host_ok = lent, True
    means = not lex.object_is_target.get(etype, True) and src == genitive and (
        fold(host.lemma_) in lex.authority_verbs)
    # "présider une réunion de suivi": a meeting's "de" complement naming no actor
    # is no source
    idle = etype in SYMMETRIC and bool(src) and src == genitive and document is not None and (
        not any(_actor(document, g) for g in genitive))
    if (not src or means or idle) and host_ok and role in (
        "obj", "obl:arg", "obl", "nsubj:pass", "xcomp"
    ):
        h_src, h_tgt = _verb_args(host, etype, lex)
        h_src = [t for t in h_src if t not in (tok, role_tok)]
        if h_src and (means or idle):  # "X a annoncé le déploiement de l'armée": X's means
            src.clear()
        src.extend(h_src)
        if not tgt:
            tgt.extend(t for t in h_tgt if t not in (tok, role_tok))
    if not tgt and lex.clause_target.get(etype):
        tgt.extend(_clause_subjects(tok))
        if not tgt and tok.dep_ == "obj" and host.pos_ in _VERBAL:
            tgt.extend(_clause_subjects(host))  # "réitère l'exigence que X …"
    if not tgt and tok.dep_ == "nsubj" and host.pos_ in _VERBAL:  # "les sanctions visent X"
        tgt.extend(c for c in host.children if c.dep_ == "obj" and c.pos_ in _ARG_POS)
    return src, tgt, adjectival


def _accused(verb: Token, charge: Token) -> list[Token]:
    """Who an accusation verb accuses: its passive subject ("X est accusé de…")
    or its object ("accuse X de…"), other than the charge itself."""
    subj, subj_passive = _subject(verb)
    if subj is not None and (subj_passive or _is_passive(verb)):
        return [subj]
    return [c for c in verb.children if c.dep_ == "obj" and c != charge and c.pos_ in _ARG_POS]


def _agent_above(tok: Token, lex: Lexicon, trigger_heads: set[int]) -> list[Token]:
    """A "par X" after a noun event that the parser hung on a governor that
    cannot take it: a noun that is no event ("l'anniversaire de l'invasion de
    l'Ukraine par la Russie") or an active verb ("Kiev a commémoré
    l'anniversaire de l'invasion … par la Russie"). A passive's agent is its own."""
    x = tok
    for _ in range(2):
        if x.dep_ not in ("nmod", "obj") or x.head == x:
            return []
        x = x.head
        if x.i in trigger_heads or (x.pos_ in _VERBAL and _is_passive(x)):
            return []
        found = [c for c in x.children if c.i > tok.i and c.pos_ in _ARG_POS
                 and _case_words(c) & lex.agent_preps]
        if found:
            return found[:1]
    return []


def _judged_actor(document: Document, head: Token) -> Actor | None:
    """The first actor named in the subject of an evaluative trigger: what a
    speaker judges ("le fait que la Russie veuille…", "les demandes de X").
    When the parse gives the trigger no subject, the words before it in its
    sentence stand for it."""
    subj, _passive = _subject(head)
    words = subj.subtree if subj is not None else head.doc[head.sent.start : head.i]
    for t in words:
        actor = _actor(document, t)
        if actor is not None:
            return actor
    return None


def _adjuncts(tok: Token) -> list[Token]:
    """Adjunct nouns of a verb and of its conjuncts, also behind an adverb
    ("blessés lors d'une attaque")."""
    out = []
    for v in (tok, *tok.conjuncts):
        for c in v.children:
            if c.dep_ in _ADJUNCTS:
                out.append(c)
            elif c.pos_ in ("ADV", "ADP"):
                out.extend(g for g in c.children if g.dep_ in _ADJUNCTS)
    return out


def _entities(tokens: Iterable[Token]) -> list[list[Token]]:
    """The participants named by argument tokens, one token group per entity.

    Conjuncts are distinct entities ("Poutine et Macron"); an apposition is the
    same entity ("Hüsnü Ylmaz, avocat à Lausanne") unless it carries its own
    coordinator, as when the parser hangs "… Joe Biden et le chancelier Olaf
    Scholz" as an apposition.
    """
    groups: list[list[Token]] = []
    seen: set[int] = set()
    todo = list(tokens)
    while todo and len(groups) < 12:
        x = todo.pop(0)
        if x.i in seen or x.pos_ in ("PUNCT", "CCONJ", "ADP", "DET"):
            continue
        group, stack = [], [x]
        while stack:
            y = stack.pop(0)
            if y.i in seen:
                continue
            seen.add(y.i)
            group.append(y)
            for c in y.children:
                if c.dep_ != "appos":
                    continue
                # a coordinator before the apposition opens a new entity
                own_cc = any(g.dep_ == "cc" and g.i < c.i for g in c.subtree)
                (todo if own_cc else stack).append(c)
            # conjuncts of the head are other entities; those of an apposition
            # describe the same one ("X, avocat à Lausanne et conseiller de …")
            (todo if y == x else stack).extend(c for c in y.conjuncts if c.i not in seen)
        groups.append(group)
    return groups


# ---------------------------------------------------------------- helpers of other stages


@cache
def _optional(module: str, name: str | None = None) -> Any:
    """A module of another stage, or one of its functions, or None when that
    stage is not installed: the coder still codes without it (no actors, no
    claims, no dates or places)."""
    try:
        found = import_module(module)
    except ImportError:
        return None
    return found if name is None else getattr(found, name, None)


def _is_audience(tok: Token) -> bool:
    """The addressee of a reporting verb ("a déclaré au site local X", "a
    confié à l'AFP"): a listener or a medium, never a participant."""
    for _ in range(2):  # "au site Internet « X »": through the apposition
        if tok.dep_ in ("appos", "flat:name") and tok.head != tok:
            tok = tok.head
    if tok.dep_ not in ("iobj", "obl", "obl:arg", "obl:mod") or tok.head.pos_ not in _VERBAL:
        return False
    reporting = _optional("selon.claims.reported", "reporting_lemma")
    return reporting is not None and bool(_case_words(tok) & {"a"}) and (
        reporting(tok.head) is not None)


def _actor(document: Document, token: Token | None) -> Actor | None:
    fn = _optional("selon.actors", "actor_of")
    if fn is None or token is None:
        return None
    try:
        return fn(document, token)
    except Exception:  # a resolver bug must not lose the event
        return None


def _actors(document: Document, tokens: list[Token]) -> list[Actor | None]:
    actors: list[Actor | None] = []
    collective = load_lexicon().collective_nouns
    for group in _entities(tokens):
        if fold(group[0].lemma_) in collective:  # "une dizaine d'hommes armés"
            group = [*(c for c in group[0].children if c.dep_ == "nmod"), *group]
        for t in group:  # the head first, then its appositions
            a = _actor(document, t)
            if a is not None:
                break
        else:
            continue
        if a.id.startswith("country:") and group[0].pos_ == "NOUN":
            # "le groupe paramilitaire russe Wagner": the name, not the demonym
            named = (_actor(document, c) for c in group[0].children
                     if c.dep_ in ("flat:name", "appos") and c.pos_ == "PROPN")
            a = next((b for b in named if b is not None and not b.id.startswith("country:")),
                     a)
        if a.id.startswith("group:"):
            # "les chefs d'État des pays membres de la CEDEAO": the organisation
            a = _member_body(document, group[0]) or a
        found = [a]
        for c in group[0].children:  # "les délégations ukrainienne et russe": two sides
            if c.dep_ == "amod":
                found.extend(b for b in map(partial(_actor, document), c.conjuncts) if b)
        for a in found:
            same = [i for i, b in enumerate(actors) if b is not None and _same_side(a, b)]
            if not same:
                actors.append(a)
            elif _is_person(a) and not _is_person(actors[same[0]]):
                actors[same[0]] = a  # "les chefs de la diplomatie russe, Sergueï Lavrov"
    return actors


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code → the gazetteer's name of that country, to resolve it as an actor."""
    locations = _optional("selon.events.locations")
    if locations is None:
        return {}
    out: dict[str, str] = {}
    for place in locations.gazetteer().places.values():
        if place.kind == "country" and place.country:
            out.setdefault(place.country, place.name)
    return out


def _territory_owner(document: Document, tokens: list[Token]) -> Actor | None:
    """The state a seized or annexed place belongs to ("l'annexion de la
    Crimée", "des régions annexées par Moscou"): the country of the first
    gazetteer place inside the target phrase."""
    locations = _optional("selon.events.locations")
    if not tokens or locations is None:
        return None
    inside = {t.i for tok in tokens for t in tok.subtree}
    for m in locations.mentions(document):
        if m.start in inside and m.country:
            return _country_actor(document, m.country)
    return None


def _country_actor(document: Document, code: str | None) -> Actor | None:
    """The dictionary actor of a state (its government) by ISO code."""
    name = _country_names().get(code or "")
    lookup = _optional("selon.actors", "lookup")
    return lookup(name, document.published) if name and lookup is not None else None


def _military_site(tok: Token, lex: Lexicon) -> bool:
    """A military post, base or convoy ("un convoi militaire", "la caserne"),
    from the data's list: a noun alone or a noun with its adjective."""
    lemma = fold(tok.lemma_)
    for site in lex.military_sites:
        if site[0] == lemma and (len(site) == 1 or any(
            c.dep_ == "amod" and fold(c.lemma_).startswith(site[1]) for c in tok.children
        )):
            return True
    return False


def _state_forces(
    document: Document, sent: Span, head: Token, inside: list[Token], governors: bool = False
) -> Actor | None:
    """The armed forces of the state where something stands or happens: the
    country of a place inside ``inside`` (a military site's phrase), else of
    the event's place, else (``governors``) of the state actor whose phrase
    holds the event ("le régime du Niger, au pouvoir depuis le coup d'État")."""
    owner = _territory_owner(document, inside)
    if owner is None:
        location = _place(document, sent, head)
        owner = _country_actor(document, getattr(location, "country", None))
    if owner is None and governors:
        holder = next((a for a in map(partial(_actor, document), head.ancestors)
                       if a is not None and a.country and a.kind in _STATE_KINDS), None)
        owner = _country_actor(document, holder.country if holder is not None else None)
    if owner is None or not owner.country:
        return None
    return _part_of_state(owner, "forces", "MIL", "forces armées")


def _part_of_state(state: Actor, prefix: str, kind: str, label: str) -> Actor:
    """An actor standing for a state's people or forces, named after the state
    ("population (Mali)", "forces armées (Mali)")."""
    return state.model_copy(update={
        "id": f"{prefix}:{state.country}", "kind": kind,
        "name": f"{label} ({state.name})", "wikidata": None})


def _speaker_object(tok: Token, verb: Token, lex: Lexicon) -> bool:
    """A first-person object clitic of the verb ("il nous promet", "ils m'ont
    menacé"), also when the parser took it for a second subject."""
    if tok.pos_ != "PRON" or fold(tok.text) not in lex.first_person or tok.i > verb.i:
        return False
    if tok.dep_ in ("obj", "iobj"):
        return True
    return tok.dep_ == "nsubj" and any(
        c.dep_ in ("nsubj", "expl:subj") and c.i < tok.i for c in verb.children)


def _dont_antecedent(document: Document, head: Token, lex: Lexicon) -> Actor | None:
    """The actor a genitive relative pronoun ("dont") of the verb stands for:
    the name just before it ("X, dont Y a salué le travail" → X)."""
    near = [*head.children, *(g for c in head.children for g in c.children)]
    rel = next((c for c in near if fold(c.text) in lex.relative_genitives and c.i < head.i),
               None)
    if rel is None:
        return None
    doc = head.doc
    j = rel.i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j < 0 or doc[j].pos_ not in _NOMINAL:
        return None
    return _actor(document, doc[j]) or (
        _actor(document, doc[j].head) if doc[j].dep_.startswith("flat") else None)


def _border_owner(document: Document, head: Token, lex: Lexicon) -> Actor | None:
    """The state whose border an event's own phrase names ("le long de la
    frontière ukrainienne", "à la frontière du Niger")."""
    for _x, c in _below(head, 3, lambda c: c.dep_ != "punct"):
        if fold(c.lemma_) not in lex.border_nouns:
            continue
        for g in c.children:
            if g.dep_ == "amod" or (g.dep_ == "nmod" and _case_words(g) & lex.genitive_preps):
                actor = _actor(document, g)
                if actor is not None and actor.country:
                    return actor
    return None


def _member_body(document: Document, tok: Token) -> Actor | None:
    """The international organisation named in the "de" complements of a
    generic group ("les chefs d'État des pays membres de la CEDEAO"), which the
    group acts as."""
    for _x, c in _below(tok, 3, lambda c: c.dep_ == "nmod"):
        actor = _actor(document, c)
        if actor is not None and actor.kind == "IGO":
            return actor
    return None


def _is_person(actor: Actor) -> bool:
    return actor.id.startswith("person")


def _claims(document: Document, start: int, end: int, head: Token):
    claim_chain = _optional("selon.claims", "claim_chain")
    is_hedged = _optional("selon.claims", "is_hedged")
    claimed_by, chain, hedged = None, [], False
    if claim_chain is not None:
        try:
            frames = claim_chain(document, start, end) or []
            claimed_by = frames[0].claimant if frames else None
            chain = [c.claimant for c in frames if c.claimant]
        except Exception:
            pass
    if is_hedged is not None:
        try:
            hedged = bool(is_hedged(document, head))
        except Exception:
            hedged = False
    return claimed_by, chain, hedged


def _where(document: Document, sent: Span, head: Token, anchor: str | None = None):
    """The event's date (counted from ``anchor`` for "la veille") and place."""
    find_date = _optional("selon.events.dates", "find_date")
    date = None
    if find_date is not None:
        try:
            date = find_date(document, sent, head, anchor)
        except Exception:
            date = None
    return date, _place(document, sent, head)


def _place(document: Document, sent: Span, head: Token):
    """The event's place, or None (also when the locations stage fails)."""
    find_location = _optional("selon.events.locations", "find_location")
    if find_location is None:
        return None
    try:
        return find_location(document, sent, head)
    except Exception:
        return None


# ---------------------------------------------------------------- the coder


def _pairs(
    etype: str, sources: list[Actor | None], targets: list[Actor | None], mutual: bool = False
):
    """One (source, target) pair per actor pair the event calls for; two sides
    named together of a symmetric type or a ``mutual`` word ("X et Y
    s'affrontent") are one pair."""
    if (etype in SYMMETRIC or mutual) and len(sources) > 1 and not targets:
        return [(sources[0], sources[1])]
    pairs = []
    for s in sources or [None]:
        mine = [t for t in targets if not (s is not None and t is not None and s.id == t.id)]
        facing = [t for t in mine if s is None or t is None or not _same_side(s, t)]
        mine = facing or mine  # "l'expulsion de l'ambassadeur de France à Bamako" by Mali
        pairs.extend((s, t) for t in mine or [None])
    return pairs


def _argument_actors(
    document: Document, sent: Span, start: int, end: int, venues: bool = False
) -> list[Actor]:
    """Actor mentions of the sentence that can be a participant: not a place
    adjunct ("à Vienne") nor a parenthesis ("(Autriche)"). ``venues`` keeps
    the names after "à/en", which a possessive may point back to ("des
    sanctions à la Russie, un an après son invasion")."""
    out = []
    starts = _token_starts(document)
    doc = sent.doc
    for a in document.actors:
        if not start <= a.start < end:
            continue
        i = bisect_left(starts, a.start, sent.start, sent.end)
        if i >= sent.end:
            continue
        tok = doc[i]
        if tok.dep_ == "obl:mod" or (i > sent.start and doc[i - 1].text == "(") or (
            _is_place(tok) or _is_dateline(tok) or (not venues and _is_venue(tok))
            or _is_audience(tok)
        ):
            continue
        out.append(a)
    return out


def _token_starts(document: Document) -> list[int]:
    """Original-text start of every Doc token, computed once per document
    from the token offsets array (no Token objects)."""
    cached = document.extras.get(_STARTS_KEY)
    if cached is None:
        from spacy.attrs import IDX

        doc = document.doc
        idx = doc.to_array(IDX).tolist() if doc is not None and len(doc) else []
        cached = [document.to_text(i) for i in idx]
        document.extras[_STARTS_KEY] = cached
    return cached


def _is_venue(tok: Token) -> bool:
    """A city or country introduced by "à/au/en" ("142 interpellations à
    Paris", "la répression au Soudan"): where, not whom."""
    locations = _optional("selon.events.locations")
    if locations is None or not _case_words(tok) & {"a", "en"}:
        return False
    place = locations.lookup(tok.text)
    return place is not None and place.kind in ("city", "country")


def _is_place(tok: Token) -> bool:
    """A name used as a place ("près du Cameroun", "dans la région de
    l'Extrême-Nord du Tchad", "vers la bande de Gaza"), not as a participant."""
    lex = load_lexicon()
    doc = tok.doc
    j = tok.i - 1  # "près du Cameroun" with "près" hung elsewhere by the parser
    while j >= 0 and j >= tok.i - 3:
        if fold(doc[j].text) in lex.place_preps:
            return True
        if doc[j].pos_ not in ("ADP", "DET"):
            break
        j -= 1
    x = tok
    for hop in range(4):  # up a chain of "de" complements to a place word
        cases = _case_words(x)
        if cases & lex.place_preps or (hop and fold(x.lemma_) in _place_nouns()):
            return True
        if x.dep_ == "nmod" and cases & lex.border_links and fold(x.head.lemma_) in (
            lex.border_nouns
        ):  # "près de la frontière avec le Nigeria"
            return True
        if x.dep_ != "nmod" or x.head == x or not cases & lex.genitive_preps:
            return False
        x = x.head
    return False


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    locations = _optional("selon.events.locations")
    if locations is None:
        return frozenset()
    return frozenset(fold(w) for w in locations.words().place_nouns)


def _resumes_clause(head: Token) -> bool:
    """A verb in "…, ce que X a refusé" or a participle in "…, une position
    appuyée par X": its object is the clause before."""
    lex = load_lexicon()
    if head.dep_ == "acl" and "Part" in head.morph.get("VerbForm") and (
        fold(head.head.lemma_) in lex.resumptive_nouns
    ):  # the noun stands apart after a comma, resuming the clause
        noun = head.head
        return noun.i > 1 and any(t.text == "," for t in noun.doc[noun.left_edge.i - 1 : noun.i])
    if head.dep_ != "acl:relcl" or head.head.pos_ != "PRON":
        return False
    antecedent = fold(head.head.text)
    return antecedent in lex.clause_antecedents and any(
        c.dep_ == "obj" and "Rel" in c.morph.get("PronType") for c in head.children
    )


def _owners(document: Document, tokens: list[Token], actors: list[Actor]) -> list[Actor]:
    """The owner of a subject that names no actor: whom its possessive points
    back to ("leurs unités ont riposté"), or the government or organisation it
    is part of ("le comité quotidien de l'UE prépare…")."""
    for t in tokens:
        if t.pos_ != "NOUN":
            continue
        poss = next((c for c in t.children if _possessive_det(c)), None)
        if poss is not None:
            owner = _possessor(actors, [], document.to_text(poss.idx), document)
            if owner is not None:
                return [owner]
        for c in t.children:  # "le comité quotidien de l'UE prépare…": a body's part
            if c.dep_ == "nmod" and _case_words(c) & load_lexicon().genitive_preps:
                owner = _actor(document, c)
                if owner is not None and owner.kind in ("IGO", "GOV"):
                    return [owner]
    return []


def _possessor(
    actors: list[Actor], targets: list[Actor | None], position: int,
    document: Document | None = None,
) -> Actor | None:
    """Whom a possessive ("son invasion de l'Ukraine") points back to: the
    nearest actor named before it in the sentence that is not the event's
    target, nor itself named through a possessive ("X a redit à son homologue
    son intention de…": X's intention, not the counterpart's)."""
    banned = {t.id for t in targets if t is not None}
    before = [a for a in actors if a.end <= position and a.id not in banned
              and not (document is not None and _possessed(document, a))]
    return max(before, key=lambda a: a.end) if before else None


def _possessed(document: Document, actor: Actor) -> bool:
    """Whether an actor mention is introduced by a possessive ("son homologue")."""
    doc = document.doc
    i = bisect_left(_token_starts(document), actor.start)
    if doc is None or i >= len(doc):
        return False
    tok = doc[i]
    if "Yes" in tok.morph.get("Poss"):  # the mention starts at "son"
        return True
    return any(_possessive_det(c) for c in tok.children)


def _possessive_det(tok: Token) -> bool:
    """A possessive determiner ("son", "leurs")."""
    return tok.dep_ == "det" and "Yes" in tok.morph.get("Poss")


_STATE_KINDS = frozenset({"GOV", "MIL"})


def _same_side(a: Actor, b: Actor) -> bool:
    """The same actor, or two mentions of one state's same branch (Poutine, la Russie)."""
    return a.id == b.id or bool(a.country and a.country == b.country and a.kind == b.kind)


def _named_person(document: Document, tok: Token) -> bool:
    """Whether a word of a phrase trigger names its target ("expulser
    l'ambassadeur de France"), not the source's own agent ("rappeler son
    ambassadeur") nor a thing ("livrer des armes")."""
    return _actor(document, tok) is not None and not any(_possessive_det(c) for c in tok.children)


def _one_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are one state's government and forces ("Kiev", "les
    soldats ukrainiens"): never the two sides of an exchange."""
    return bool(a.country and a.country == b.country) and {a.kind, b.kind} <= _STATE_KINDS


def _facing(actor: Actor, sources: list[Actor | None]) -> bool:
    """Whether ``actor`` can be the target of these sources: on none of their sides."""
    return not any(a is not None and _same_side(a, actor) for a in sources)


def _nearest_other(
    actors: list[Actor], source: Actor, position: int, claimant: Actor | None = None
) -> Actor | None:
    """The actor mention of the sentence closest to the trigger, other than the
    source, the claimant and the media ("rapporte l'AFP" names no participant)."""
    best, dist = None, None
    for a in actors:
        if any(b is not a and b.start <= a.start and a.end <= b.end for b in actors):
            continue  # "Mali" in "les forces armées du Mali": the phrase is the actor
        if _same_side(a, source) or a.kind == "MED" or (
            a.country and a.country == source.country
        ):  # a guessed partner is another state's ("Kiev … les soldats ukrainiens")
            continue
        if claimant is not None and a.id == claimant.id:
            continue
        d = abs(a.start - position)
        if dist is None or d < dist:
            best, dist = a, d
    return best


def _after(date: Any, published: str | None) -> bool:
    """Whether an event's resolved date (YYYY-MM-DD) is later than the publication day."""
    value = getattr(date, "value", None)
    if not value or not published:
        return False
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _main_subject_actor(document: Document, sent: Span) -> Actor | None:
    """The agent the next sentence may leave implicit: the root's subject, unless
    it is a passive one ("un homme a été tué" names a victim, not an agent)."""
    root = sent.root
    if _is_passive(root):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < root.i]
    actor = _actor(document, before[-1] if before else subjects[0])
    if actor is not None and actor.kind == "MED":
        # "Les médias russes s'attendent à ce que Poutine annonce…": the media
        # report; the next "Il" is the one they report on
        reported = (_actor(document, c) for t in root.subtree if t is not root
                    and t.pos_ in _VERBAL for c in t.children if c.dep_ == "nsubj")
        return next((a for a in reported if a is not None), None)
    return actor


def _name_tokens(document: Document) -> frozenset[int]:
    """Indices of the Doc tokens covered by a multi-word actor mention."""
    doc = document.doc
    out: set[int] = set()
    if doc is None or not document.actors:
        return frozenset()
    starts = _token_starts(document)
    for a in document.actors:
        i = bisect_left(starts, a.start)
        j = bisect_left(starts, a.end)
        if j - i > 1:  # one-word mentions ("manifestants") may be events too
            out.update(range(i, j))
    return frozenset(out)


@dataclass
class Context:
    """What earlier sentences tell about the actors of the next one.

    ``previous``: the main subject of the previous sentence; ``dyads``: the
    (source, target) pairs of the latest events, newest last. An event whose
    sentence names only one side takes the other side from the latest dyad
    that shares it ("Moscou a rejeté cette demande" after "Kiev a proposé une
    trêve à Moscou").
    """

    previous: Actor | None = None
    dyads: list[tuple[Actor, Actor]] = field(default_factory=list)
    last_actors: list[Actor] = field(default_factory=list)
    #: the latest day an event was dated to ("la veille", "le lendemain" count from it)
    last_day: str | None = None
    #: the index of the sentence being coded, and of the sentence of each dyad
    sentence: int = 0
    dyad_sentences: list[int] = field(default_factory=list)
    #: how many sentences back the other side of a one-sided event is looked
    #: for: the annotation convention reads actors from the same sentence or
    #: the one before, and farther back the exchange has often moved on
    reach: int = 2
    #: how many recent dyads "les deux parties" are weighed over
    history: int = 18
    #: (type, source, target, sentence) of the events told with a named source
    told: list[tuple[str, Actor, Actor | None, int]] = field(default_factory=list)

    def other_side(self, actor: Actor) -> Actor | None:
        for (s, t), k in zip(reversed(self.dyads), reversed(self.dyad_sentences), strict=True):
            if k < self.sentence - self.reach:
                break
            if s.id == actor.id:
                return t
            if t.id == actor.id:
                return s
        return None

    def last_author(self, types: frozenset[str]) -> Actor | None:
        """The source of the latest event of these types told in this sentence
        or the one before, if any."""
        for etype, source, _target, k in reversed(self.told):
            if k < self.sentence - 1:
                return None
            if etype in types:
                return source
        return None

    def last_of(self, etype: str) -> tuple[Actor, Actor | None] | None:
        """(source, target) of the latest event of this type told with its
        source, however far back."""
        return next(((s, t) for e, s, t, _k in reversed(self.told) if e == etype), None)

    def principal_pair(self) -> tuple[Actor, Actor] | None:
        """The two sides of the article's main exchange: of the recent dyads
        between sides that can negotiate, agree or fight ("les deux parties"
        are not a state and its prisoners), the most frequent, then the latest."""
        counts: dict[frozenset[str], int] = {}
        latest: dict[frozenset[str], tuple[int, tuple[Actor, Actor]]] = {}
        for i, (s, t) in enumerate(self.dyads[-self.history:]):
            if s.kind != "CVL" and t.kind != "CVL" and not _same_side(s, t):
                k = frozenset((s.id, t.id))
                counts[k] = counts.get(k, 0) + 1
                latest[k] = (i, (s, t))
        if not counts:
            return None
        best = max(latest, key=lambda k: (counts[k], latest[k][0]))
        return latest[best][1]

    def remember(self, source: Actor | None, target: Actor | None) -> None:
        if source is not None and target is not None:
            self.dyads.append((source, target))
            self.dyad_sentences.append(self.sentence)


def code_sentence(
    document: Document, sent: Span, context: Context | None = None,
    names: frozenset[int] = frozenset(), sent_actors: list[Actor] | None = None,
) -> list[Event]:
    """The events of one sentence, using and updating the article ``context``.
    ``sent_actors``: the sentence's possible participants, when the caller has
    them already (:func:`code_document` keeps them for the next sentence)."""
    context = context or Context()
    previous = context.previous
    lex = load_lexicon()
    triggers = find_triggers(sent, lex, names)
    if not triggers:
        return []
    strong_types = {t.entry.type for t in triggers if not t.entry.weak}
    heads = {t.head.i for t in triggers}
    strong_heads = {t.head.i for t in triggers if not t.entry.weak}
    root_subject = next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
    both_sides = context.principal_pair() if root_subject is not None and any(
        fold(w.text) in lex.both_sides for w in root_subject.subtree) else None
    sent_start, sent_end = document.span_offsets(sent)
    if sent_actors is None:
        sent_actors = _argument_actors(document, sent, sent_start, sent_end)
    events: list[Event] = []
    seen: set[tuple] = set()
    anchored: list[bool] = []
    argument_tokens: set[int] = set()
    parsed = []
    for trig in triggers:
        etype, head = trig.entry.type, trig.head
        if head.pos_ in _NOMINAL and trig.entry.kind != "adjectives" and not any(
            c.dep_.startswith("aux") for c in head.children
        ):
            src_t, tgt_t, adjectival = _noun_args(
                head, trig.entry, etype, lex, heads, document,
                frozenset(t.i for t in trig.tokens if t != head))
        else:
            src_t, tgt_t = _verb_args(head, etype, lex)
            if trig.entry.patient:  # "trois soldats ont perdu la vie": the victims
                src_t, tgt_t = [  # "… par des rebelles", hung on the verb by the parser
                    c for c in head.children if c.pos_ in _ARG_POS
                    and _case_words(c) & lex.agent_preps], [*src_t, *tgt_t]
            if len(trig.tokens) > 1:  # "imposer des sanctions contre X"
                own = {t.i for t in trig.tokens}  # "proposer un cessez-le-feu": no target
                tgt_t = [*(t for t in tgt_t if t.i not in own or _named_person(document, t)),
                         *_phrase_targets(trig, head, etype, lex)]
            adjectival = []
        argument_tokens.update(t.i for t in (*src_t, *tgt_t))
        parsed.append((trig, src_t, tgt_t, adjectival))
    # "deux soldats ont été tués lors d'une attaque": one event, the attack's,
    # whose target is the verb's victims
    by_head = {trig.head.i: trig.entry.type for trig in triggers}
    absorbed: dict[int, list[Token]] = {}
    merged: set[int] = set()
    for trig, src_t, tgt_t, _adj in parsed:
        if src_t:  # an agent of its own: its own event ("a reçu X pour des discussions")
            continue
        for c in _adjuncts(trig.head):
            if by_head.get(c.i) == trig.entry.type and c.i != trig.head.i and (
                c.i in strong_heads
            ):  # (not into a word naming people: "et des dizaines d'autres blessés")
                merged.add(trig.head.i)
                absorbed.setdefault(c.i, []).extend(tgt_t)
                break
    args_of = {trig.head.i: (src_t, tgt_t) for trig, src_t, tgt_t, _adj in parsed}
    # a noun event's author tokens and demonym adjectives ("les frappes israéliennes")
    parts_of = {trig.head.i: (src_t, adj) for trig, src_t, _tgt, adj in parsed
                if trig.head.pos_ in _NOMINAL}
    for trig, src_t, tgt_t, adjectival in parsed:
        etype, head = trig.entry.type, trig.head
        if head.i in merged:
            continue
        own = [t for t in (*src_t, *tgt_t) if t.i not in heads]
        if head.dep_ == "acl" and head.head.i in args_of and not own:
            # "l'arrestation de X, accusé de …": X is the accused too
            src_t, tgt_t = args_of[head.head.i]
        elif head.dep_ == "acl" and head.head.i in args_of and tgt_t == [head.head] and (
            "Part" in head.morph.get("VerbForm")
        ):
            # "la libération de X, détenu par Y", the participle hung on the noun
            tgt_t = args_of[head.head.i][1]

        if trig.entry.weak and (etype in strong_types or head.i in argument_tokens):
            continue
        if trig.entry.bare and any(
            t.i in heads for c in head.children if c.dep_ not in _SUBJECTS for t in c.subtree
        ):  # "X a démenti toute attaque"; but "ces demandes sont inacceptables"
            continue
        if head.dep_ == "amod" and trig.entry.kind == "verbs" and (
            head.head.i in heads or not lex.adjectival.get(etype)
        ):  # "attaques coordonnées", "une volonté coordonnée"; but "des civils blessés"
            continue
        if head.pos_ in _NOMINAL and head.dep_ == "obj" and by_head.get(head.head.i) in (
            lex.content_types
        ):  # "réclame la libération de X": the content of a request, not an event
            continue
        gov = head.head if head.head.dep_ != "obj" else head.head.head  # "accuse X de…"
        if head.pos_ not in _NOMINAL and head.dep_ in ("xcomp", "acl") and (
            by_head.get(head.head.i) in lex.charge_types or by_head.get(gov.i) in lex.charge_types
        ) and any(
            c.dep_ == "mark" and fold(c.text) in lex.genitive_preps for c in head.children
        ):  # "accusés de soutenir la guerre", "accuse X de soutenir Y": the charge
            continue
        if head.pos_ not in _NOMINAL and not trig.entry.said and any(
            c.dep_ in ("nsubj", "nsubj:pass") and c.i in strong_heads and c.i < head.i
            for c in head.children
        ):  # "les sanctions visent…": the noun's event, not a second one (but "un
            # kamikaze s'est fait exploser": a word naming people is no event there)
            continue
        toks = sorted(trig.tokens, key=lambda t: t.i)
        span = sent.doc[toks[0].i : toks[-1].i + 1]
        tspan = document.text_span(span)
        claimed_by, chain, hedged = _claims(document, tspan.start, tspan.end, head)
        sources = _actors(document, src_t) or _owners(document, src_t, sent_actors)
        # a source the event's own frame gives (the accused of a charge, the
        # forces behind a coup): no target is guessed for it from the context
        inferred = False  # "X est accusé d'exactions", "accuse X de massacres": X's acts
        if not sources and head.pos_ in _NOMINAL:
            if by_head.get(head.head.i) in lex.charge_types:
                sources = _actors(document, _accused(head.head, head))
            elif head.head.dep_ == "obj" and by_head.get(head.head.head.i) in lex.charge_types:
                sources = _actors(document, [head.head])  # "de massacres" hung on X
            inferred = bool(sources)
        venue = etype in lex.venue_types
        targets = _actors(document, [
            t for t in tgt_t if not _is_place(t) and not (venue and _is_venue(t))])
        if not targets and any(fold(w.text) in lex.both_sides for t in src_t for w in t.subtree):
            # "les deux dirigeants", "tous deux": the two sides of the main exchange
            pair = context.principal_pair()
            if pair:
                sources = list(pair)
        if not targets and claimed_by is not None and head.pos_ not in _NOMINAL and any(
            _speaker_object(c, head, lex) for c in head.children
        ):  # « Il nous promet… », écrit le syndicat: the speaker is the target
            targets = [claimed_by]
        if not targets and trig.entry.held and head.pos_ in _NOMINAL and (
            head.dep_.startswith("obl") and head.head.pos_ in _VERBAL
        ):  # "Ousmane Sonko va rester en prison", "81 détenus croupissent en prison"
            targets = _actors(document, [t for t in [_subject(head.head)[0]] if t is not None])
        if not targets and etype in lex.author_targets and head.pos_ not in _NOMINAL:
            # "a condamné l'attaque du JNIM contre X", "dénonce les frappes
            # israéliennes": the author of the act condemned
            acts = [c for c in head.children if c.dep_ == "obj" and c.i in parts_of]
            authors = [a for c in acts for a in _actors(document, parts_of[c.i][0])]
            if not authors:
                authors = [a for c in acts for t in parts_of[c.i][1] if (a := _actor(document, t))]
            targets = [a for a in authors if a is not None and _facing(a, sources)][:1]
        if not targets and head.i in absorbed:
            targets = _actors(document, absorbed[head.i])
        if not targets and etype in lex.border_types:
            # "a déployé des soldats le long de la frontière ukrainienne": towards Ukraine
            owner = _border_owner(document, head, lex)
            if owner is not None and _facing(owner, sources):
                targets = [owner]
        if not targets and head.pos_ not in _NOMINAL:
            # "Sylvain X, dont Macron a salué le travail": the antecedent of "dont"
            owner = _dont_antecedent(document, head, lex)
            if owner is not None and not any(a is not None and a.id == owner.id for a in sources):
                targets = [owner]
        if not targets and lex.content_object.get(etype):
            # "a ignoré l'appel des Occidentaux", "rejette les demandes de X":
            # whose proposal, call or demand it is
            targets = _actors(document, [
                c for t in tgt_t for c in t.children
                if c.dep_ == "nmod" and _case_words(c) & lex.genitive_preps and not _is_place(c)
            ])
        if not targets and lex.territory_target.get(etype):
            population = lex.territory_target[etype] == "population"
            seized = tgt_t if population else [  # "de X" or the object, not "à X"
                t for t in tgt_t if not _case_words(t) - lex.genitive_preps]
            owner = _territory_owner(document, seized)
            if owner is not None and population:
                # aid sent "vers la bande de Gaza" goes to its people
                owner = _part_of_state(owner, "population", "CVL", "population")
            if owner is not None and _facing(owner, sources):
                targets = [owner]
        if not targets and etype in lex.site_types:
            # "une attaque contre un convoi militaire dans la région de Kayes":
            # the forces of the state it stands in
            site = next((t for t in tgt_t if _military_site(t, lex)), None)
            if site is not None:
                forces = _state_forces(document, sent, head, [site])
                if forces is not None and _facing(forces, sources):
                    targets = [forces]
        if targets:  # "la rencontre entre X et Y": X is no target of itself
            sources = [a for a in sources if a is None or not any(
                t is not None and t.id == a.id for t in targets)] or sources[:1]
        explicit = {a.id for a in (*sources, *targets) if a is not None}
        if not sources or not targets:
            # "l'invasion russe", "son invasion de l'Ukraine"; alone, a possessive
            # plays the genitive's role: "sa libération" is the released one's
            role = trig.entry.genitive or lex.genitive.get(etype, "source")
            for a in adjectival:
                actor, side = _actor(document, a), "source"
                if actor is None and "Yes" in a.morph.get("Poss"):
                    near = _argument_actors(document, sent, sent_start, sent_end, venues=True)
                    actor = _possessor(near, targets, document.to_text(a.idx), document)
                    # "son invasion de l'Ukraine": with the patient named, the agent
                    side = "source" if tgt_t else role
                if actor is None:
                    continue
                if side == "source" and not sources:
                    sources = [actor]
                elif side == "target" and not targets and _facing(actor, sources):
                    targets = [actor]
                break
        if not targets and sources and events and _resumes_clause(head):
            # "X a donné 48 heures au diplomate, ce que Paris a refusé": the
            # act refused is the one just told, aimed at its author
            last = next((e.source for e in reversed(events) if e.source is not None), None)
            if last is not None and _facing(last, sources):
                targets = [last]
        if not sources and targets and targets[0] is not None:
            other = context.other_side(targets[0])
            if other is not None and not _same_side(other, targets[0]):
                sources = [other]
        if trig.entry.said and claimed_by is not None:
            # "X viole le droit international, déclare Y": Y accuses X
            judged = _judged_actor(document, head)
            if judged is not None and judged.id != claimed_by.id:
                sources, targets = [claimed_by], [judged]
                explicit = {claimed_by.id, judged.id}
        if not sources and trig.entry.forces:
            # "le coup d'État du 26 juillet" in Niger: its armed forces
            forces = _state_forces(document, sent, head, [], governors=True)
            if forces is not None and _facing(forces, targets):
                sources, inferred = [forces], True
                explicit.add(forces.id)  # read from the event's place, not the context
        verbal = head.pos_ not in _NOMINAL and not _is_passive(head)  # an active verb
        told = context.last_of(etype) if not sources and not verbal and (
            lex.anaphoric.get(etype)) else None
        if told is not None:
            # "les sanctions visent…" after "l'UE a imposé des sanctions": the
            # same kind of event named again is the one already told
            s0, t0 = told
            if not any(t is not None and _same_side(t, s0) for t in targets):
                sources = [s0]
                if not targets and not tgt_t and t0 is not None:
                    targets = [t0]
        if not sources and etype in lex.continued_types and any(
            c.dep_ == "aux:pass" for c in head.children
        ):
            # "Plusieurs villageois ont été passés à tabac." after "des hommes
            # armés ont pillé le village": the same assailants, unless named
            author = context.last_author(lex.continued_types)
            if author is not None and _facing(author, targets):
                sources = [author]
        # the previous sentence's subject stands in for a verb's missing
        # subject ("Il a aussi …"); for agentless passives and noun events,
        # whose agent the text often leaves open, only when a target is named
        if not sources and verbal and claimed_by is not None and claimed_by not in targets and (
            claimed_by.kind not in (None, "MED") or any(
                fold(t.text) in lex.first_person_subjects for t in src_t)
        ):  # "X a redit son intention de retirer ses troupes": X's own act; « Nous ne
            # céderons pas », a déclaré un responsable: the speaker's
            sources = [claimed_by]
        if not sources and previous is not None and (verbal or targets) and not any(
            t.pos_ in _NOMINAL and (t.dep_ == "obl:agent" or _case_words(t) & lex.agent_preps)
            for t in src_t
        ) and not (etype == "ASSAULT" and any(
            t is not None and _one_state(previous, t) for t in targets)):
            # but not past an agent the text names ("accusé par des ONG"), nor
            # attacking its own forces ("Kiev … des soldats ukrainiens ont été tués")
            sources = [previous]
        guess = lex.guess_target.get(etype, True) and len(sources) == 1 and not inferred and not (
            targets or (tgt_t and not lex.content_object.get(etype)) or sources[0] is None
        )
        if guess:
            other = context.other_side(sources[0])
            if other is None or _same_side(other, sources[0]):
                # the actors inside the event's own phrase ("des attaques qui ont
                # fait 21 morts parmi les soldats maliens") before the nearest
                lo, hi = document.span_offsets(sent.doc[head.left_edge.i : head.right_edge.i + 1])
                # not the source's own description ("le JNIM, affilié à Al-Qaïda, a …")
                spans = [document.span_offsets(sent.doc[t.left_edge.i : t.right_edge.i + 1])
                         for t in src_t]
                free = [a for a in sent_actors if not any(x <= a.start < y for x, y in spans)]
                own = [a for a in free if lo <= a.start < hi]
                position = document.to_text(head.idx)
                other = _nearest_other(own, sources[0], position, claimed_by) or _nearest_other(
                    free, sources[0], position, claimed_by)
            if other is None:  # the previous sentence's participants
                other = _nearest_other(context.last_actors, sources[0], sent_start)
            if other is not None:
                targets = [other]
        if not (sources or targets) and etype in SYMMETRIC and both_sides is not None:
            # "Tous deux ont exprimé une volonté de poursuivre le dialogue"
            sources, targets = [both_sides[0]], [both_sides[1]]
        if not (sources or targets or src_t or tgt_t) and context.dyads and (
            lex.guess_target.get(etype, True)
        ):
            # an actorless event amid an exchange between two sides ("les
            # négociations ont repris") is read as theirs
            pair = (context.principal_pair() if etype in SYMMETRIC else None) or context.dyads[-1]
            sources, targets = [pair[0]], [pair[1]]
        status = event_status(head, lex.support_verbs)
        if status != "negated" and etype in load_cues().uttered_types:
            status = "occurred"  # a threat in the future tense is still a threat made
        date, location = _where(document, sent, head, context.last_day)
        if date is not None and date.value and len(date.value) == 10:
            context.last_day = date.value
        if status == "occurred" and head.pos_ in _NOMINAL and (
            _after(date, document.published) or future_date(getattr(date, "text", None))
        ):  # a noun event dated after publication is still to come (a verb's tense decides)
            status = "planned"
        for s, t in _pairs(etype, sources, targets, trig.entry.mutual):
            ids = tuple(a.id if a is not None and a.id in explicit else None for a in (s, t))
            key = (etype, *(sorted(ids, key=str) if etype in SYMMETRIC else ids))
            if key in seen:
                continue
            seen.add(key)
            if explicit:  # not dyads guessed entirely from context
                context.remember(s, t)
                if s is not None and s.id in explicit:
                    context.told.append((etype, s, t, context.sentence))
            events.append(Event(
                type=etype, mode=trig.entry.mode, quad=QUAD[etype], status=status,
                hedged=hedged, trigger=tspan, sentence=Offsets(start=sent_start, end=sent_end),
                source=s, target=t, claimed_by=claimed_by, claim_chain=chain,
                date=date, location=location,
            ))
            anchored.append(bool(explicit))
    # an actorless mention of a type that the sentence codes with actors is
    # that same event ("X et Y ont convenu de prôner un cessez-le-feu")
    with_actors = {e.type for e, a in zip(events, anchored, strict=True) if a}
    return [e for e, a in zip(events, anchored, strict=True) if a or e.type not in with_actors]


def code_document(document: Document) -> Document:
    """Code every sentence of the document into ``document.events``."""
    doc = document.doc
    if doc is None:
        return document
    events: list[Event] = []
    context = Context()
    names = _name_tokens(document)
    for sent in doc.sents:
        s_start, s_end = document.span_offsets(sent)
        actors = _argument_actors(document, sent, s_start, s_end)
        try:
            events.extend(code_sentence(document, sent, context, names, actors))
        except Exception as exc:  # an odd parse must not lose the other sentences
            from selon.model import Error

            document.errors.append(Error(stage="events", message=f"{type(exc).__name__}: {exc}"))
        context.previous = _main_subject_actor(document, sent)  # the previous sentence only
        context.sentence += 1
        context.last_actors = actors
    document.events = events
    return document
