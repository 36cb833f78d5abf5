"""Find actor mentions in a parsed Doc and resolve each to a canonical actor.

How it works, in one left-to-right pass over the Doc's tokens:

1. *Names* (countries, capitals and seats of power, organisations, office
   holders, demonyms) are matched greedily, longest first, on folded keys
   (:func:`selon.actors.lexicon.fold`); only tokens whose first folded word
   starts some key are tried, so the cost is a few dict lookups per token.
2. *Phrases* (titles such as "ministre des Affaires étrangères" and generic
   agents such as "armée", "manifestants") are matched the same way on the
   tokens that are not demonyms, so "le ministre russe des Affaires
   étrangères" matches the title and keeps "russe" as its country.
3. A phrase takes its owner from what follows: a demonym, a "de/du + name"
   complement ("secrétaire général de l'OTAN", "porte-parole du Kremlin"),
   and, for a title, the name of its holder ("le président russe Vladimir
   Poutine", "le ministre suédois de la Défense Peter Hultqvist").
4. A title without a name resolves to the holder at the publication date,
   preferring a holder the article already named.
5. Unknown people (spaCy PER entities) become actors; a later surname alone
   and a subject pronoun ("il") with one candidate resolve to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from selon.actors.lexicon import (
    COUNTRY,
    DEMONYM,
    ORG,
    PERSON,
    SEAT,
    Lexicon,
    Name,
    Office,
    Title,
    at_date,
    fold,
    lexicon,
    slug,
)
from selon.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: longest phrase (in tokens) a name or title is looked for across
MAX_TOKENS = 12
#: category preference when one folded name has several readings
PRIORITY = {ORG: 0, COUNTRY: 1, SEAT: 2, PERSON: 3, DEMONYM: 4}
#: dependency labels of a token that names the same actor as its head
SAME_PHRASE = frozenset({"appos", "flat:name", "flat", "fixed", "amod", "compound"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: a passive's agent ("revendiquée par le JNIM"): the organisation that acted,
#: for a later "le groupe" (not for the main state: "dirigé par X" is no event)
PASSIVE_AGENT = "obl:agent"
#: kinds whose generic agents name one of a state's many bodies: a definite one
#: ("le gouvernement") takes the country of an organisation of its kind named
#: before ("l'Assemblée nationale"), not that organisation
MANY_BODIES = frozenset({"GOV"})
#: quotation marks (and an elided article's stray apostrophe), skipped between
#: "de" and the name they enclose: "les rebelles de l' »Alliance … »"
QUOTES = frozenset({"«", "»", "“", "”", '"', "'", "’"})
#: how many sentences back a subject pronoun may continue an earlier one
CHAIN_REACH = 2
#: the dependency label of an impersonal "il" ("il faut"), often given to a real one
EXPLETIVE = "expl:subj"
#: roles whose nouns can form a list sharing one nationality ("visent les X, les Y")
LIST_ROLES = frozenset({"obj", "nsubj", "nsubj:pass"})
#: a state named inside a quotation counts for the main state divided by this
QUOTED_DIVISOR = 2
#: what closes a name set between commas after a title ("le ministre, X, a dit")
APPOSITION_ENDS = frozenset({",", ")", ".", ";", ":"})
#: the titles.yaml role of "homologue": the office of the person named before
COUNTERPART = "counterpart"
#: roles a bare title ("le chef de l'État") reads as the article's main state's
STATE_ROLES = frozenset({"head_of_state", "head_of_government"})
#: offices whose holder introduced by a military rank is coded MIL (juntas)
RULERS = frozenset({"head_of_state", "head_of_government"})
#: spaCy entity labels of a proper noun after a title that is not its holder
#: ("conseiller national MCG": a party)
NOT_PEOPLE = frozenset({"ORG"})
#: how alike two first names must be to be spellings of one name (difflib
#: ratio: "Sergei"/"Sergueï" 0.92, "Volodymyr"/"Vladimir" 0.59, "Bamba"/"Boubou" 0.36)
SPELLING = 0.5
#: the people.csv role of an international organisation's head
IGO_HEAD = "igo_head"
#: how many lowercase adjectives or participles may stand between a title and
#: its holder's name ("le président déchu Mohamed Bazoum")
QUALIFIERS = 2
#: longest complement (in tokens) read between a title and its holder's name set
#: between commas ("le haut-commissaire sur ce territoire du Pacifique sud, X,")
COMPLEMENT_WORDS = 8


@dataclass
class Match:
    """A span of tokens ``[start, end)`` and what it was matched as."""

    start: int
    end: int
    kind: str  # "name", "title", "agent", "demonym", "idiom"
    names: list[Name] = field(default_factory=list)
    key: str = ""


def _token_keys(doc: Doc) -> list[str]:
    keys = []
    for t in doc:
        k = fold(t.text)
        if not k and t.text not in "-'’":
            k = t.text  # keep ".", "," so that names never run across them
        keys.append(k)
    return keys


def _case_ok(doc: Doc, start: int, end: int, entry: Name) -> bool:
    text = doc[start].text
    if entry.acronym:
        span = doc[start:end].text
        letters = [c for c in span if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    if entry.capital:
        return text[:1].isupper()
    return True


def _inside_longer_name(doc: Doc, m: Match) -> bool:
    """Whether a dictionary name only begins a longer organisation's name the
    parser saw as one entity ("le Front national pour la défense de la
    Constitution" is not the Front national)."""
    ent = doc[m.start].ent_iob_ == "B" and doc[m.start].ent_type_ in ("ORG", "MISC")
    if not ent:
        return False
    end = m.start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end > m.end and any(t.text[:1].isupper() for t in doc[m.end : end])


def _match_names(doc: Doc, keys: list[str], lex: Lexicon) -> list[Match]:
    """Greedy longest matches of dictionary names, left to right."""
    out: list[Match] = []
    n = len(doc)
    i = 0
    while i < n:
        k = keys[i]
        first = k.split(" ", 1)[0] if k else ""
        maxw = lex.first_names.get(first, 0)
        if not maxw:
            i += 1
            continue
        best: Match | None = None
        words: list[str] = []
        for j in range(i, min(n, i + MAX_TOKENS)):
            if j > i and doc[j].is_sent_start:
                break
            if keys[j]:
                words.extend(keys[j].split())
            if len(words) > maxw:
                break
            entries = lex.names.get(" ".join(words))
            if entries:
                ok = [e for e in entries if _case_ok(doc, i, j + 1, e)]
                if ok:
                    best = Match(i, j + 1, "name", ok)
        if best is None or _inside_longer_name(doc, best):
            i += 1
            continue
        if all(e.category == DEMONYM for e in best.names):
            best.kind = "demonym"
        out.append(best)
        i = best.end
    return out


def _match_phrases(
    doc: Doc, keys: list[str], lex: Lexicon, skip: set[int], taken: set[int]
) -> list[Match]:
    """Greedy longest matches of titles and agents, skipping demonym tokens."""
    out: list[Match] = []
    n = len(doc)
    i = 0
    while i < n:
        if i in skip or i in taken or not keys[i]:
            i += 1
            continue
        first = keys[i].split(" ", 1)[0]
        maxw = lex.first_phrases.get(first, 0)
        if not maxw or (
            doc[i].pos_ in ("VERB", "AUX", "PRON")
            and not any(c.dep_ == "det" for c in doc[i].children)  # "L'opposant X" as a verb
        ):
            i += 1
            continue
        best: Match | None = None
        words: list[str] = []
        for j in range(i, min(n, i + MAX_TOKENS)):
            if j > i and doc[j].is_sent_start:
                break
            if j in skip:
                continue
            if keys[j]:
                words.extend(keys[j].split())
            if len(words) > maxw:
                break
            key = " ".join(words)
            if key in lex.titles:
                best = Match(i, j + 1, "title", key=key)
            elif key in lex.agents:
                best = Match(i, j + 1, "agent", key=key)
            elif key in lex.idioms:  # "droits de l'homme": no "homme" in it
                best = Match(i, j + 1, "idiom", key=key)
        if best is not None and best.end - best.start == 1 and (
            doc[i].pos_ == "ADJ" or doc[i].dep_ == "amod"
        ):  # "grève générale", "la force militaire", "les décideurs militaires":
            best = None  # an adjective, not a title or an agent
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best.end
    return out


class Resolver:
    """Resolves the mentions of one Document; holds the in-article memory."""

    def __init__(self, document, lex: Lexicon | None = None) -> None:
        self.document = document
        self.doc: Doc = document.doc
        self.lex = lex or lexicon()
        self.published: str | None = document.published
        self.mentions: list[Actor] = []
        self.index: dict[int, Actor] = {}
        #: (role, owner) → actor named earlier in the article, for bare titles
        self.by_role: dict[tuple[str, str], Actor] = {}
        self.last_role: dict[str, Actor] = {}
        #: title key and its first word → the last person named with that title
        self.by_title: dict[str, Actor] = {}
        #: person id → the person as a title named them (its kind), for later names
        self.titled_people: dict[str, Actor] = {}
        #: first word of an organisation's name → the organisation named earlier,
        #: for "la Commission" after "la Commission européenne"
        self.org_heads: dict[str, Actor] = {}
        #: folded surname → person actor named earlier (dictionary or not)
        self.surnames: dict[str, Actor] = {}
        self.seen_people: set[str] = set()
        #: how often each state was named so far (the article's main country)
        self.country_counts: dict[str, int] = {}
        #: where each counted state was first named, to break ties
        self.first_named: dict[str, int] = {}
        #: "porte-parole de <phrase>" spans waiting for the phrase's actor
        self.pending: list[tuple[int, int]] = []
        self.last_tokens: set[int] = set()
        #: the next mention's country came from :meth:`focus`
        self.focused = False
        #: person id → grammatical gender of a title it was named with ("Fem")
        self.gender: dict[str, str] = {}
        #: the last actor named as a subject, the owner of "son porte-parole"
        self.last_subject: Actor | None = None
        #: kind → the last actor of that kind named as a subject ("le groupe")
        self.subject_of_kind: dict[str, Actor] = {}
        #: the last junta named with its country ("les militaires au pouvoir au
        #: Niger"), for a later "les militaires au pouvoir" with none
        self.last_in_power: Actor | None = None
        #: title key → the country it was first named with ("l'ambassadeur de
        #: France"), for a later "l'ambassadeur Sylvain X"
        self.title_country: dict[str, str] = {}
        #: :meth:`owner_after` read a body it does not know ("de la Commission")
        self.unknown_body = False
        #: and the country it read from a place ("au Niger"), if any, from that token
        self.place_country: str | None = None
        self.place_start = 0
        #: the dictionary names matched in the article, by first token
        self.names_at: dict[int, Match] = {}
        #: tokens inside quotation marks
        self.quoted: set[int] = set()
        #: definite armed-group descriptions with no group named before them (first
        #: token, mention), for the group the article names next
        self.cataphors: list[tuple[int, Actor]] = []

    # ------------------------------------------------------------ actors

    def actor(self, aid: str, name: str, country, kind, wikidata=None) -> Actor:
        return Actor(id=aid, name=name, country=country, kind=kind, wikidata=wikidata,
                     start=0, end=0)

    def country_actor(self, iso: str) -> Actor:
        c = self.lex.countries.get(iso, {})
        return self.actor(f"country:{iso}", c.get("name") or iso, iso, "GOV", c.get("wikidata"))

    def org_actor(self, oid: str) -> Actor:
        o = self.lex.orgs[oid]
        return self.actor(f"org:{oid}", o["name"], o["country"], o["kind"], o["wikidata"])

    def office_actor(self, office: Office) -> Actor:
        return self.actor(office.id, office.name, office.country, office.kind, office.wikidata)

    def person_actor(self, pid: str) -> Actor | None:
        """A dictionary person as at the publication date: out of office (before
        or after), a politician is civil society (ANNOTATION.md: CVL)."""
        offices = self.lex.offices.get(pid, [])
        office = at_date(offices, self.published)
        if office is None:
            office = at_date(offices, None)
            if office is None:
                return None
            actor = self.office_actor(office)
            return actor.model_copy(update={"kind": "CVL"}) if self.published else actor
        actor = self.office_actor(office)
        if self.published and not self._in_office(pid):
            actor = actor.model_copy(update={"kind": "CVL"})
        return actor

    def pick(self, entries: list[Name]) -> Actor | None:
        """One actor for a name with one or more readings."""
        entries = sorted(entries, key=lambda e: PRIORITY[e.category])
        top = entries[0]
        if top.category == PERSON:
            ids = list(dict.fromkeys(e.ref for e in entries if e.category == PERSON))
            if len(ids) > 1:  # "Maïga": the one in office, or the one named already
                seen = [p for p in ids if p in self.seen_people]
                valid = [p for p in ids if self._in_office(p)]
                ids = seen or valid
                if len(ids) != 1:
                    return None
            return self.person_actor(ids[0])
        if top.category in (COUNTRY, SEAT, DEMONYM):
            return self.country_actor(top.ref)
        return self.org_actor(top.ref)

    def _office_role(self, pid: str) -> str | None:
        office = at_date(self.lex.offices.get(pid, []), self.published)
        return office.role if office is not None else None

    def _in_office(self, pid: str) -> bool:
        offices = self.lex.offices.get(pid, [])
        office = at_date(offices, self.published)
        return office is not None and (
            not self.published or office.end >= self.published[:7]
        )

    # ------------------------------------------------------------ output

    def emit(self, actor: Actor, start: int, end: int, own: set[int] | None = None) -> Actor:
        """Record a mention over tokens ``[start, end)``; ``own`` = tokens to index."""
        span = self.doc[start:end]
        s, e = self.document.span_offsets(span)
        placed = actor.model_copy(update={"start": s, "end": e})
        self.mentions.append(placed)
        self.last_tokens = set(own) if own is not None else set(range(start, end))
        for i in self.last_tokens:
            self.index[i] = placed
        if placed.country and not self.focused:
            # every state named, or given by a demonym, counts towards the main
            # state; the headline and lead count double, and so does a subject
            # (the state that acts, not the one acted upon or mentioned in passing)
            weight = self._weight(placed, start, end)
            self.country_counts[placed.country] = (
                self.country_counts.get(placed.country, 0) + weight
            )
            self.first_named.setdefault(placed.country, s)
        self.focused = False
        if _in_subject(span.root):
            self.last_subject = placed
            if placed.kind:
                self.subject_of_kind[placed.kind] = placed
        elif span.root.dep_ == PASSIVE_AGENT and placed.kind:
            self.subject_of_kind[placed.kind] = placed
        if placed.id.startswith("org:") and end - start > 1 and span[0].text[:1].isupper():
            self.org_heads[fold(span[0].text)] = placed
        if placed.id.startswith("person:"):
            self.seen_people.add(placed.id)
            words = fold(placed.name).split()
            if words:
                self.surnames[words[-1]] = placed
        return placed

    def _weight(self, placed: Actor, start: int, end: int) -> int:
        """How much a mention of a state counts towards the main state.

        The main state should be where the events happen and who takes part, so
        the headline and lead, a subject (the state that acts) and a place of
        events ("au Mali", "à Bamako", "dans le nord du Mali") each count
        double; a dateline ("BRUXELLES —", where the reporter files from), a
        medium cited as a source and a demonym that only qualifies an
        international or non-state organisation ("le groupe paramilitaire russe
        Wagner", "la présidence suédoise de l'UE": the group and the Union act,
        not the state) do not count.
        """
        doc, lex = self.doc, self.lex
        if placed.kind in lex.uncounted_kinds:
            return 0
        if (
            doc[start].is_sent_start
            and doc[start:end].text.isupper()
            and end < len(doc)
            and doc[end].text in lex.dateline_marks
        ):
            return 0
        if self._qualifies_org(start, end):
            return 0
        root = doc[start:end].root
        weight = 2 if placed.start < lex.lead_chars else 1
        if _in_subject(root) or self._event_place(root):
            weight *= 2
        if start in self.quoted:
            weight //= QUOTED_DIVISOR
        return weight

    def _qualifies_org(self, start: int, end: int) -> bool:
        """A demonym in a phrase whose noun names an organisation of no state
        ("le groupe paramilitaire russe Wagner", "la présidence suédoise de
        l'UE", "l'ambassadeur russe auprès de l'ONU")."""
        doc = self.doc
        demonyms = [
            i for i in range(start, end)
            if i in self.names_at and self.names_at[i].kind == "demonym"
            and not doc[i].text[:1].isupper()
        ]
        if not demonyms:
            return False
        head = doc[demonyms[0]]
        if head.dep_ == "amod":
            head = head.head
        # the name right after the demonym too: the parser often hangs "Wagner"
        # elsewhere than on "groupe"
        last = min(max(head.right_edge.i, demonyms[0] + 1), demonyms[0] + 8)
        for i in range(demonyms[0] + 1, last + 1):
            m = self.names_at.get(i)
            if m is None or m.kind == "demonym":
                continue
            actor = self.pick(m.names)
            if actor is not None and actor.id.startswith("org:") and actor.country is None:
                return True
        return False

    def _event_place(self, root) -> bool:
        """A state named as the place of events: "au Mali", "en Ukraine", "dans
        le nord du Mali", "à Bamako" (a city: "à la Russie" is a recipient)."""
        lex = self.lex
        part = root.dep_.startswith("nmod") and fold(root.head.text) in lex.place_nouns
        for tok in (root, root.head if part else None):
            if tok is None:
                continue
            for c in tok.children:
                if c.dep_ != "case":
                    continue
                word = fold(c.text)
                if word in lex.event_places and (
                    word != "a" or not any(d.dep_ == "det" for d in tok.children)
                ):
                    return True
        return False

    def focus(self) -> str | None:
        """The state the article has named most so far (the first named on ties).

        The next mention emitted is then not counted: a country read from the
        focus must not reinforce the focus.
        """
        if not self.country_counts:
            return None
        best = max(self.country_counts.values())
        tied = [c for c, n in self.country_counts.items() if n == best]
        self.focused = True
        return min(tied, key=lambda c: self.first_named[c])  # ties: the first named

    def definite(self, start: int) -> bool:
        return start > 0 and fold(self.doc[start - 1].text) in self.lex.definite

    def demonstrative(self, start: int) -> bool:
        return start > 0 and fold(self.doc[start - 1].text) in self.lex.demonstratives

    def antecedent(self, kind: str) -> Actor | None:
        """The last named actor of ``kind`` (a state, an organisation, or a
        generic actor that had a country), for "l'armée", "le groupe jihadiste"."""
        for a in reversed(self.mentions):
            if a.kind != kind:
                continue
            if a.id.startswith(("org:", "country:")) or (a.id.startswith("group:") and a.country):
                return a
        return None

    def _origin(self, actor: Actor) -> str | None:
        """The state an organisation of no state comes from (``origins`` in
        generic.yaml: Wagner, RUS), which its ``country`` must not say."""
        return self.lex.origins.get(actor.id[4:]) if actor.id.startswith("org:") else None

    def _subject_org(self, kind: str) -> Actor | None:
        """The last organisation of ``kind`` named as a subject: "les rebelles",
        "le groupe" after "La CPC a attaqué… contre Wagner" are the CPC, the
        group that acted, not the one it acted on."""
        a = self.subject_of_kind.get(kind)
        return a if a is not None and a.id.startswith("org:") else None

    def remember(self, actor: Actor, role: str | None, owner: str | None) -> None:
        if role and owner:
            self.by_role[(role, owner)] = actor
        if role:
            self.last_role[role] = actor

    # ------------------------------------------------------------ phrases

    def owner_after(
        self, k: int, names_at: dict[int, Match], places: bool = False
    ) -> tuple[int, str | None, Actor | None, Match | None]:
        """Read ``de/du + (article) + name`` and demonyms after a phrase; with
        ``places`` (a generic agent), also "au/en + country" and "au pouvoir":
        "les militaires au pouvoir au Niger".

        Returns (new end, country from a demonym or place, owner actor, owner match).
        """
        doc, lex = self.doc, self.lex
        country: str | None = None
        owner: Actor | None = None
        owner_match: Match | None = None
        self.unknown_body = False
        self.place_country = None
        n = len(doc)
        for _ in range(4):
            if k >= n or doc[k].is_sent_start:
                break
            m = names_at.get(k)
            if m is not None and m.kind == "demonym" and country is None:
                country = m.names[0].ref
                k = m.end
                continue
            if (
                doc[k].pos_ == "ADJ"
                and doc[k].text.islower()
                and k + 1 < n
                and fold(doc[k + 1].text) in lex.linkers
                and owner is None
            ):
                k += 1  # "le régime militaire du Niger": the owner is after the adjective
                continue
            if places and owner is None and country is None:
                ruling = self.in_power_at(k)
                if ruling:
                    k = ruling
                    continue
                if fold(doc[k].text) in lex.locatives:
                    j = k + 1
                    while j < n and fold(doc[j].text) in lex.determiners:
                        j += 1
                    m = names_at.get(j)
                    if m is not None and m.kind == "name" and m.names[0].category == COUNTRY:
                        country = self.place_country = m.names[0].ref
                        self.place_start = k
                        k = m.end
                        continue
            if fold(doc[k].text) in lex.linkers and owner is None:
                j = k + 1
                while j < n and (fold(doc[j].text) in lex.determiners or doc[j].text in QUOTES):
                    j += 1  # "les rebelles de l'« Alliance … »"
                members = self._members_at(j)
                if members:  # "les chefs d'État des pays membres de la Cédéao"
                    k = members
                    continue
                m = names_at.get(j)
                if m is not None and m.kind == "name" and not (
                    country and m.names[0].category in (COUNTRY, SEAT)
                ):  # "les troupes russes du Bélarus": Russian troops, not Belarus's
                    owner = self.pick(m.names)
                    owner_match = m
                    k = m.end
                    continue
                if m is not None:
                    break
                # a portfolio or body: "de la Justice", "des Affaires sociales"
                if j < n and doc[j].text[:1].isupper() and doc[j].pos_ in ("NOUN", "PROPN", "ADJ"):
                    named = self.org_heads.get(fold(doc[j].text))
                    acronym = self._acronym_after(doc[j], names_at)
                    if acronym is not None:
                        # "de l'Alliance patriotique pour le changement (CPC)": its acronym
                        owner, owner_match = self.pick(acronym.names), acronym
                        k = acronym.end + 1
                        continue
                    if named is not None and not (j + 1 < n and doc[j + 1].text[:1].isupper()):
                        # "la Commission" after "la Commission européenne": that body
                        owner = named
                    else:
                        self.unknown_body = True
                    j += 1
                    while j < n and doc[j].pos_ == "ADJ" and not doc[j].text[:1].isupper():
                        if j in names_at:
                            break
                        j += 1
                    k = j
                    continue
            break
        return k, country, owner, owner_match

    def _acronym_after(self, body, names_at: dict[int, Match]) -> Match | None:
        """The dictionary acronym set in brackets after a body's name the
        dictionary does not know ("l'Alliance patriotique pour le changement
        (CPC)"): the press spells a group's name loosely, its acronym less so."""
        doc = self.doc
        e = body.right_edge.i + 1
        while e < len(doc) and doc[e].text in QUOTES:
            e += 1
        if e + 2 >= len(doc) or doc[e].text != "(":
            return None
        m = names_at.get(e + 1)
        if m is None or m.kind != "name" or m.end >= len(doc) or doc[m.end].text != ")":
            return None
        return m if all(x.category == ORG for x in m.names) else None

    def _members_at(self, k: int) -> int:
        """The linker after a members phrase at token ``k`` ("pays membres de",
        ``members`` in generic.yaml), or 0: the members of an organisation speak
        as the organisation."""
        doc = self.doc
        for phrase in self.lex.members:
            end = k + len(phrase)
            if end < len(doc) and fold(doc[end].text) in self.lex.linkers and all(
                fold(doc[k + n].text) == w for n, w in enumerate(phrase)
            ):
                return end
        return 0

    def in_power_at(self, k: int) -> int:
        """End of an "au pouvoir" phrase (generic.yaml ``in_power``) starting at
        token ``k``, or 0."""
        doc = self.doc
        for phrase in self.lex.in_power:
            end = k + len(phrase)
            if end <= len(doc) and all(
                fold(doc[k + n].text) == w for n, w in enumerate(phrase)
            ):
                return end
        return 0

    def holder_name(
        self, k: int, names_at: dict[int, Match]
    ) -> tuple[int, Actor | None, str | None]:
        """The name right after a title: a dictionary person or a run of proper nouns."""
        doc = self.doc
        n = len(doc)
        j = k
        apposed = j < n and doc[j].text == "," and not (j + 1 < n and doc[j + 1].is_sent_start)
        if apposed:
            j += 1  # "le secrétaire au Trésor, Scott Bessent, a déclaré"
            while j + 1 < n and fold(doc[j].text) in self.lex.honorifics:
                j += 1  # "leur avocat, Me X"
        while j < n and doc[j].text in ("(", ")") and j - k < 1:
            j += 1
        while (
            not apposed and j - k < QUALIFIERS and j + 1 < n and doc[j].text.islower()
            and (doc[j].pos_ in ("ADJ", "VERB") or doc[j].dep_ in ("amod", "acl"))
            and doc[j + 1].text[:1].isupper()
        ):
            j += 1  # "le président déchu Mohamed Bazoum", "le président sortant X"
        run_end = j
        found: Actor | None = None
        while run_end < n and not (run_end > j and doc[run_end].is_sent_start):
            m = names_at.get(run_end)
            if m is not None and m.kind == "name" and any(e.category == PERSON for e in m.names):
                found = self.pick([e for e in m.names if e.category == PERSON])
                if found is not None and run_end > j and not any(
                    _same_first_name(found, fold(doc[x].text)) for x in (m.start, run_end - 1)
                ):  # "son avocat, Bamba Cissé": not Boubou Cissé ("Dito Emmanuel Macron" is)
                    found = None
                    run_end = m.end
                    break
                run_end = m.end
                if found is not None and self._name_goes_on(m.start, run_end):
                    # "le général Mahamat Kaka": a longer name that only starts like one
                    found = None
                    while self._name_goes_on(m.start, run_end):
                        run_end += 1
                break
            t = doc[run_end]
            in_name = t.pos_ == "PROPN" or t.ent_type_ == "PER"
            if in_name and t.text[:1].isupper() and m is None:
                run_end += 1
                continue
            break
        if apposed and not (
            run_end > j
            and (run_end >= n or doc[run_end].text in APPOSITION_ENDS or doc[run_end].is_sent_start)
            and (found is not None or doc[j].ent_type_ == "PER")
        ):
            return k, None, None  # "le ministre, Paris et Berlin": no apposed holder
        if found is not None:
            return run_end, found, None
        if (
            run_end > j and run_end - j <= 4 and doc[j].ent_type_ not in NOT_PEOPLE
            and not doc[j:run_end].text.isupper()  # "(MNCA)": an acronym, no one's name
        ):
            return run_end, None, doc[j:run_end].text
        return k, None, None

    def _name_goes_on(self, start: int, k: int) -> bool:
        """Whether token ``k`` continues, with a capital, the parser's person name
        that starts at or before ``start``."""
        doc = self.doc
        return (
            k < len(doc) and doc[start].ent_type_ == "PER" and doc[k].ent_type_ == "PER"
            and doc[k].ent_iob_ == "I" and doc[k].text[:1].isupper()
        )

    def resolve_title(self, m: Match, names_at: dict[int, Match], skip: set[int]) -> None:
        lex = self.lex
        title: Title = lex.titles[m.key]
        country = next((names_at[i].names[0].ref for i in range(m.start, m.end)
                        if i in skip and i in names_at), None)
        end, after_country, owner, owner_match = self.owner_after(m.end, names_at)
        body = self.unknown_body and owner is None
        country = country or after_country
        if owner is None and country is None and title.country:
            country = title.country  # "le secrétaire à la Défense": the American one
        if owner is None:  # a title that spells its owner: "porte-parole du Kremlin"
            inner = next((names_at[i] for i in range(m.start + 1, m.end)
                          if i in names_at and names_at[i].kind == "name"), None)
            if inner is not None:
                owner, owner_match = self.pick(inner.names), inner
        if owner is not None and owner.kind == "IGO" and title.kind == "GOV":
            # "le représentant spécial de l'ONU", "le haut-commissaire de l'ONU":
            # a state-office title held in an organisation is its official
            title = replace(title, kind="IGO")
        complement, comma = end, None
        end, person, unknown = self.holder_name(end, names_at)
        if person is None and unknown is None:
            comma = self._complement_comma(m, complement)
            if comma is not None:
                end, person, unknown = self.holder_name(comma, names_at)
                if person is None and unknown is None:
                    end, comma = complement, None
        own = set(range(m.start, end))
        if comma is not None:  # the complement keeps its own names: "au Mali, X,"
            own -= set(range(complement, comma))
        if owner_match is not None:
            own -= set(range(owner_match.start, owner_match.end))
        owner_key: str | None = None
        if title.org:
            owner_key = title.org
        elif owner is not None and owner.id.startswith("org:"):
            owner_key = owner.id[4:]
        elif owner is not None and owner.country:
            owner_key = owner.country
        elif country:
            owner_key = country
        if person is not None:
            if person.kind == "CVL" and title.kind in ("GOV", "MIL", "IGO"):
                # out of office by the dictionary's dates, but the article gives a title
                person = person.model_copy(update={"kind": title.kind})
            if (
                title.role is None and title.kind == "MIL" and person.country
                and self._office_role(person.id) in RULERS
            ):  # "le capitaine X", head of a junta: a military ruler
                person = person.model_copy(update={"kind": "MIL"})
            self.remember(person, title.role, owner_key)
            self.emit(person, m.start, end, own)
            self._titled(person, m.key, m.start)
            return
        if unknown is not None:
            kind = title.kind or (owner.kind if owner is not None else None)
            c = country or (owner.country if owner is not None else None)
            if kind == "IGO":
                c = None
            else:
                if c is None:
                    # "l'ambassadeur de France" … "l'ambassadeur Sylvain X": the same post
                    c = self.title_country.get(m.key)
                if c is None:
                    # "le porte-parole de l'état-major français, le colonel X": French
                    before = self._before_comma(m.start)
                    if before is not None and not before.id.startswith("person:"):
                        c = before.country
                if c is None and kind in self.lex.focus_kinds:
                    c = self.focus()
            words = fold(unknown).split()
            earlier = self.surnames.get(words[-1]) if words else None
            if earlier is not None and len(words) == 1:
                actor = earlier
            else:
                actor = self.actor("person:" + slug(unknown), unknown, c, kind)
            self.remember(actor, title.role, owner_key)
            self.emit(actor, m.start, end, own)
            self._titled(actor, m.key, m.start)
            return
        actor: Actor | None = None
        apposed = self._apposed_to(m.start)
        if apposed is not None and owner_key and apposed.country not in (None, owner_key):
            apposed = None  # "Macron, le président ukrainien et …": a list, not an apposition
        role = title.role
        if role == COUNTERPART:
            role = self._counterpart_role(m.start)
        predicated = self._predicated(m)
        if predicated is not None:
            actor = predicated  # "Damiba, qui était jusqu'ici président": him, not the holder
        elif role:
            if owner_key:
                actor = self.by_role.get((role, owner_key))
                if actor is None:
                    office = at_date(lex.holders.get((role, owner_key), []), self.published)
                    if office is None and role in STATE_ROLES and owner is not None and (
                        owner.kind == "IGO" and owner.id.startswith("org:")
                    ):  # "la présidente de la Commission": the organisation's head
                        office = at_date(lex.holders.get((IGO_HEAD, owner_key), []),
                                         self.published)
                    actor = self.office_actor(office) if office else None
            elif title.role == COUNTERPART or apposed is not None:
                pass  # "son homologue" with no state: not the person just named
            elif body:
                pass  # "le président de la Commission" (which one?): not a state's head
            elif role in self.last_role:
                actor = self.last_role[role]
            elif role in STATE_ROLES or self.definite(m.start):
                # "le chef de l'État", "le ministre de l'Intérieur" in an article
                # about one state: that state's holder at the date
                state = self.focus()
                office = at_date(lex.holders.get((role, state), []), self.published) if (
                    state) else None
                if office is not None:
                    owner_key = state
                    actor = self.office_actor(office)
                else:
                    self.focused = False
        if actor is None:
            actor = apposed
        if actor is None and title.role == "leader" and owner is not None:
            actor = owner
        if actor is None and owner is None and country is None and self.definite(m.start):
            # "Le ministre affirme…" after "le ministre de la Sécurité X": that person
            actor = self.by_title.get(m.key) or self.by_title.get(m.key.split()[0])
        if actor is None and title.kind and (owner_key or not title.needs_name):
            c = country or (owner.country if owner is not None else None)
            if title.kind == "IGO" and owner is not None and owner.kind == "IGO":
                actor = owner
            elif c or title.role is None:
                name = self._label(m.start, end)
                actor = self.actor(f"title:{slug(name)}", name, c, title.kind)
        if actor is None:
            return
        self.remember(actor, role if title.role == COUNTERPART else title.role, owner_key)
        self.emit(actor, m.start, end, own)
        self._titled(actor, m.key, m.start)

    def _complement_comma(self, m: Match, start: int) -> int | None:
        """The comma closing a title's own prepositional complement, when the
        holder's name is set after it: "le haut-commissaire sur ce territoire,
        X,", "le représentant spécial de l'ONU au Mali, X,", "le préfet de
        police, X,". Every word from ``start`` to the comma hangs on the title
        and none is a person; None when there is no such complement."""
        doc = self.doc
        root = doc[m.start : m.end].root
        if start >= len(doc) or doc[start].pos_ != "ADP":
            return None
        for k in range(start, min(len(doc), start + COMPLEMENT_WORDS + 1)):
            t = doc[k]
            if t.text == ",":
                return k
            if t.is_sent_start or t.ent_type_ == "PER" or not root.is_ancestor(t):
                return None
        return None

    def _titled(self, actor: Actor, key: str, start: int) -> None:
        """Remember a person named with a title, under the title and its first word,
        for a later bare "le ministre", "le général", and the title's grammatical
        gender ("la présidente"), for a later "il"/"elle"; and the country of a
        title named with one, for its unnamed holder named later."""
        if actor.country and not actor.id.startswith("person:"):
            self.title_country.setdefault(key, actor.country)
        if actor.id.startswith("person:"):
            self.by_title[key] = actor
            self.by_title[key.split()[0]] = actor
            self.titled_people[actor.id] = actor
            # "la ministre": the article tells, not the epicene noun
            det = self.doc[start - 1] if start > 0 and self.doc[start - 1].pos_ == "DET" else None
            gender = (det.morph.get("Gender") if det is not None else []) or (
                self.doc[start].morph.get("Gender")
            )
            if len(gender) == 1:
                self.gender.setdefault(actor.id, gender[0])

    def _before_comma(self, start: int) -> Actor | None:
        """The actor just before the comma that opens an apposition at ``start``
        ("l'état-major français, le colonel X"), or None."""
        j = start - 1
        while j > 0 and fold(self.doc[j].text) in self.lex.determiners:
            j -= 1
        if j <= 0 or self.doc[j].text != "," or self.doc[start].is_sent_start:
            return None
        return self.index.get(j - 1)

    def _predicated(self, m: Match) -> Actor | None:
        """The person a title is said of with a copula: "Damiba, qui était
        jusqu'ici président de la Transition", "X est ministre": that person,
        whoever holds the office at the publication date."""
        root = self.doc[m.start : m.end].root
        if not any(c.dep_ == "cop" for c in root.children):
            return None
        subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        if subj is None:
            return None
        if subj.pos_ == "PRON" and root.dep_ == "acl:relcl":
            subj = root.head  # the relative pronoun's antecedent
        person = self.index.get(subj.i)
        return person if person is not None and person.id.startswith("person:") else None

    def _apposed_to(self, start: int) -> Actor | None:
        """The person a title is set in apposition to: "Omar Touray, le président
        de la Cédéao" → Omar Touray."""
        before = self._before_comma(start)
        return before if before is not None and before.id.startswith("person:") else None

    def _counterpart_role(self, start: int) -> str | None:
        """The office of the last dictionary person named before ``start`` in the
        same sentence ("Lavrov a appelé son homologue turc" → foreign)."""
        sent_start = self.doc[start].sent.start
        for i in range(start - 1, sent_start - 1, -1):
            a = self.index.get(i)
            if a is not None and a.id.startswith("person:"):
                return self._office_role(a.id)
        return None

    def resolve_agent(self, m: Match, names_at: dict[int, Match], skip: set[int]) -> None:
        kind = self.lex.agents[m.key]
        country = next((names_at[i].names[0].ref for i in range(m.start, m.end)
                        if i in skip and i in names_at), None)
        end, after_country, owner, owner_match = self.owner_after(m.end, names_at, places=True)
        country = country or after_country
        ruling = kind in self.lex.in_power_kinds and any(
            self.in_power_at(i) for i in range(m.end, end)
        )
        if ruling:
            kind = "GOV"  # "les militaires au pouvoir": a junta is the government
            if country is None and owner is None and self.last_in_power is not None:
                country = self.last_in_power.country  # the junta named before
        elif after_country and after_country == self.place_country and (
            kind not in self.lex.locative_kinds
        ):  # "les troupes en Ukraine" may be anyone's
            country = None if country == after_country else country
            end = self.place_start
        own = set(range(m.start, end))
        if owner_match is not None:
            own -= set(range(owner_match.start, owner_match.end))
        if country is None and owner is None and kind != "inherit":
            # ("le porte-parole du ministère tunisien" speaks for the ministry)
            below = self._demonym_below(self.doc[m.start:m.end].root, names_at)
            if below is not None:  # "les décideurs militaires et politiques russes"
                country = names_at[below].names[0].ref
                own.add(below)
            elif kind in self.lex.focus_kinds:
                root = self.doc[m.start:m.end].root
                country = (self._based_in(root, names_at) if kind in self.lex.locative_kinds
                           else None) or self._list_demonym(root, names_at)
        named = self._described_org(m.start)
        if named is not None and named.kind == kind:
            # "Le JNIM, principale coalition jihadiste, …": the group it describes
            self.emit(named, m.start, end, own)
            return
        # "le groupe jihadiste JNIM", "l'agence de presse Reuters", "les
        # paramilitaires russes Wagner": the name decides
        nxt = names_at.get(end)
        if owner is None and nxt is not None and nxt.kind == "name":
            named = self.pick(nxt.names)
            if named is not None and not named.id.startswith("country:") and (
                country is None or self._origin(named) == country
            ):
                self.emit(named, m.start, nxt.end)
                return
        possessor = self.last_subject if (
            owner is None and country is None and kind != "inherit" and self._possessive(m.start)
        ) else None
        if possessor is not None and possessor.id.startswith("org:") and kind != "CVL":
            # "Wagner… Selon ses responsables": the group's own officials speak for it
            self.emit(possessor, m.start, end, own)
            return
        if possessor is not None and possessor.country:
            country = possessor.country  # "le Mali… ses soldats": Malian soldiers
        if m.key in self.lex.anaphors:
            # "Le groupe dit…" after "la CPC a attaqué": that group; with an owner,
            # a complement or a name after it ("le groupe de contact"), or nothing
            # named before, no actor
            if owner is None and country is None and end == m.end and self.definite(m.start):
                nxt_t = self.doc[end] if end < len(self.doc) else None
                if nxt_t is None or not (
                    nxt_t.text[:1].isupper()
                    or fold(nxt_t.text) in self.lex.linkers
                    or nxt_t.pos_ == "ADJ"  # "le mouvement syndical" is another thing
                ):
                    # the group that acted last, not the one it acted on
                    earlier = self._subject_org(kind) or self.antecedent(kind)
                    if earlier is not None:
                        self.emit(earlier, m.start, end, own)
            return
        if owner is None and country is not None and kind in self.lex.group_kinds:
            # "les paramilitaires russes" after "Wagner", "le mouvement islamiste
            # palestinien" after "le Hamas": that group, named by its origin
            named = next((a for a in reversed(self.mentions)
                          if a.kind == kind and self._origin(a) == country), None)
            if named is not None:
                self.emit(named, m.start, end, own)
                return
        if kind == "inherit":
            if owner is None and country:
                owner = self.country_actor(country)
            if owner is None and self._possessive(m.start):
                owner = self.last_subject  # "Son porte-parole a ajouté": the last subject's
            if owner is not None:
                self.emit(owner, m.start, end, own)
            elif self.unknown_body:
                # "membres de la Fédération des syndicats": known once its name is read
                self.pending.append((m.start, m.end))
            elif end < len(self.doc) and fold(self.doc[end].text) in self.lex.linkers:
                # "porte-parole du ministère tunisien…": known once that phrase is read
                self.pending.append((m.start, end))
            return
        if owner is not None and owner.id.startswith("org:") and (
            country is None or owner.kind == kind
        ):  # "les paramilitaires russes du groupe Wagner": Wagner itself
            self.emit(owner, m.start, end, own)
            return
        if owner is not None and owner.id.startswith("org:"):
            # "la présidence suédoise de l'UE": the demonym's state acts
            own = set(range(m.start, owner_match.start if owner_match else end))
        elif owner is not None and owner.id.startswith("country:"):
            country = country or owner.country
        elif owner is not None and country is None:
            country = owner.country
        refers = self.definite(m.start) or (
            kind in self.lex.group_kinds and self.demonstrative(m.start)
        )  # "ce groupe armé" refers back as "le groupe armé" does
        earlier: Actor | None = None
        if country is None and owner is None and m.key not in self.lex.stateless:
            # "les rebelles de l'Union pour la paix": a body of their own, if unknown
            refers = refers and not self.unknown_body
            earlier = self._subject_org(kind) or self.antecedent(kind) if refers else None
            people = kind == "CVL" and "Plur" in self.doc[m.start].morph.get("Number")
            if earlier is not None and earlier.id.startswith("org:") and kind in MANY_BODIES:
                # "le gouvernement", "la police" after "l'Assemblée nationale": another
                # body of the same state
                earlier = None if earlier.country is None else self.country_actor(
                    earlier.country)
            if earlier is not None and earlier.id.startswith("org:"):
                if not people:
                    self.emit(earlier, m.start, end, own)  # "le groupe jihadiste" → JNIM
                    return
                earlier = None  # "les civils" are not the party or union named before
            if earlier is not None:  # "les députés" after "manifestants français"
                country = earlier.country
            elif kind in self.lex.focus_kinds:
                country = self.focus()
        name = self._label(m.start, end)
        actor = self.actor(f"group:{slug(name)}", name, country, kind)
        placed = self.emit(actor, m.start, end, own)
        if ruling and country:
            self.last_in_power = actor
        if refers and earlier is None and country is None and kind in self.lex.group_kinds:
            self.cataphors.append((m.start, placed))  # named further on, perhaps

    def _described_org(self, start: int) -> Actor | None:
        """The organisation a phrase at ``start`` is set in apposition to: the
        parser says so, or the phrase follows its name and a comma with no
        article ("Le JNIM, principale coalition jihadiste"; with one, "le JNIM,
        les groupes armés" may be a list)."""
        doc = self.doc
        head = doc[start]
        if head.dep_ == "appos" and head.head.i < start:
            named = self.index.get(head.head.i)
        else:
            j = start - 1
            while j > 0 and doc[j].pos_ == "ADJ":
                j -= 1
            named = self.index.get(j - 1) if j > 0 and doc[j].text == "," else None
        return named if named is not None and named.id.startswith("org:") else None

    def _demonym_below(self, head, names_at: dict[int, Match]) -> int | None:
        """A lowercase demonym the parser attaches to the agent's noun further
        on ("les décideurs militaires et politiques russes", "sept « entités »
        iraniennes") or to its "de" complement ("les entreprises de l'industrie
        militaire russe"): its token, or None. Looks at two levels of the tree."""
        def demonym(t) -> bool:
            m = names_at.get(t.i)
            return m is not None and m.kind == "demonym" and t.text.islower()

        for c in head.children:
            if c.i > head.i and c.dep_ == "amod" and demonym(c):
                return c.i
        for c in head.children:
            if c.i <= head.i or c.dep_ != "nmod" or c.pos_ != "NOUN" or not any(
                x.dep_ == "case" and fold(x.text) in self.lex.linkers for x in c.children
            ):
                continue
            for x in c.children:
                if x.dep_ == "amod" and demonym(x):
                    return x.i
        return None

    def _based_in(self, head, names_at: dict[int, Match]) -> str | None:
        """The country where a participle says the agent is established ("des
        sociétés installées au Liban"), also one set after its conjunct ("cinq
        entités et une personne basées en Iran"): where a firm is based is whose
        it is, whichever state the article is about."""
        nouns = [head] + [c for c in head.children if c.dep_ == "conj"]
        for noun in nouns:
            for acl in noun.children:
                if acl.dep_ != "acl" or acl.lemma_ not in self.lex.placed_verbs:
                    continue
                for place in acl.children:
                    m = names_at.get(place.i)
                    if m is None or not place.dep_.startswith("obl") or not any(
                        fold(c.text) in self.lex.locatives for c in place.children
                        if c.dep_ == "case"
                    ):
                        continue
                    actor = self.pick(m.names)
                    if actor is not None and actor.id.startswith("country:"):
                        return actor.country
        return None

    def _list_demonym(self, head, names_at: dict[int, Match]) -> str | None:
        """The one state whose lowercase demonym qualifies another item of the
        list the agent's noun belongs to ("visent les décideurs militaires et
        politiques, les entreprises de l'industrie militaire russe"): an
        enumeration of targets or actors shares the nationality it gives once.
        Items are the nouns with the same head and role, or conjoined."""
        if head.dep_ not in LIST_ROLES and head.dep_ != "conj":
            return None
        top = head.head if head.dep_ == "conj" else head
        items = {top} | {c for c in top.children if c.dep_ == "conj"}
        if top.dep_ in LIST_ROLES:
            items |= {c for c in top.head.children if c.dep_ == top.dep_ and c.i != top.head.i}
        states = set()
        for item in items:
            if item.i == head.i or item.pos_ not in ("NOUN", "PROPN"):
                continue
            for t in item.subtree:
                m = names_at.get(t.i)
                if m is not None and m.kind == "demonym" and t.text.islower() and not (
                    self._qualifies_org(t.i, t.i + 1)
                ):
                    states.add(m.names[0].ref)
        return states.pop() if len(states) == 1 else None

    def _possessive(self, start: int) -> bool:
        """ "son porte-parole", "leur porte-parole": a possessive determiner."""
        return any(
            c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in self.doc[start].children
        )

    def _label(self, start: int, end: int) -> str:
        """A generic actor's name: its words without the leading article."""
        span = self.doc[start:end]
        s, e = self.document.span_offsets(span)
        return self.document.text[s:e]

    # ------------------------------------------------------------ run

    def run(self) -> None:
        doc, lex = self.doc, self.lex
        keys = _token_keys(doc)
        names = _match_names(doc, keys, lex)
        names_at = {m.start: m for m in names}
        self.names_at = names_at
        self.quoted = _quoted_tokens(doc)
        skip: set[int] = set()  # lowercase demonym adjectives
        taken: set[int] = set()
        for m in names:
            if m.kind == "demonym" and not doc[m.start].text[:1].isupper():
                skip.update(range(m.start, m.end))
            else:
                taken.update(range(m.start, m.end))
        phrases = [m for m in _match_phrases(doc, keys, lex, skip, taken) if m.kind != "idiom"]
        phrase_tokens: set[int] = set()
        events: list[tuple[int, int, Match]] = []
        for m in phrases:
            events.append((m.start, 0, m))
        for m in names:
            events.append((m.start, 1, m))
        events.sort(key=lambda x: (x[0], x[1]))
        for _, _, m in events:
            self.focused = False
            if m.kind in ("title", "agent"):
                before = len(self.mentions)
                if m.kind == "title":
                    self.resolve_title(m, names_at, skip)
                else:
                    self.resolve_agent(m, names_at, skip)
                if len(self.mentions) > before:
                    phrase_tokens.update(self.last_tokens)
                continue
            if m.start in phrase_tokens or m.start in self.index:
                continue
            if m.kind == "demonym":
                self._demonym(m, names_at)
                continue
            actor = self.pick(m.names)
            if actor is None:
                continue
            if actor.id.startswith("country:") and self._is_first_name(m):
                continue  # "Maurice Papon", "Salvador Allende"
            if actor.id.startswith("person:") and self._other_first_name(m, actor):
                continue  # "Ahmed Hassan" is not Samia Suluhu Hassan
            # "le président déchu Mohamed Bazoum … Bazoum": as the title made him
            actor = self.titled_people.get(actor.id, actor)
            self.emit(actor, m.start, m.end)
            if actor.id.startswith("person:"):
                office = at_date(lex.offices.get(actor.id, []), self.published)
                if office is not None:
                    self.remember(actor, office.role, office.org or office.country)
        self._pending()  # "porte-parole du ministère tunisien", for appositions
        self._unknown_people()
        self._apposed_titles()
        self._relatives()
        self._unknown_orgs()
        self._bodies()
        self._pending()  # "membres de la Fédération des syndicats", an unknown body
        self._cataphors()
        self._late_focus()
        self.mentions.sort(key=lambda a: (a.start, -a.end))
        self._pronouns()
        self.mentions.sort(key=lambda a: (a.start, -a.end))

    def _pending(self) -> None:
        """ "porte-parole de X" and other speakers for their complement, once the
        actor after "de" is known."""
        doc = self.doc
        for start, end in self.pending:
            j = end + 1
            while j < len(doc) and fold(doc[j].text) in self.lex.determiners:
                j += 1
            if j < len(doc) and j in self.index and start not in self.index:
                self.emit(self.index[j], start, end)

    def _bodies(self) -> None:
        """A body named by its bare common noun ("la Commission", ``bodies`` in
        generic.yaml) is that body of the organisation the article named last
        among those that have one: after "l'UE", the European Commission. With
        a complement or a qualifier ("la Commission électorale", "la Commission
        de l'UA") it is left to the other rules."""
        doc = self.doc
        for t in doc:
            bodies = self.lex.bodies.get(fold(t.text))
            if (
                bodies is None or t.i in self.index or not t.text[:1].isupper()
                or not self.definite(t.i)
            ):
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and (
                nxt.text[:1].isupper() or nxt.pos_ == "ADJ" or fold(nxt.text) in self.lex.linkers
            ):
                continue
            start = self.document.to_text(t.idx)
            parent = next((a for a in reversed(self.mentions)
                           if a.start < start and a.id[4:] in bodies
                           and a.id.startswith("org:")), None)
            if parent is not None:
                self.emit(self.org_actor(bodies[parent.id[4:]]), t.i, t.i + 1)

    def _recast(self, mention: Actor, actor: Actor) -> None:
        """Make an emitted ``mention`` name ``actor`` instead, over the same span
        and the same tokens."""
        placed = actor.model_copy(update={"start": mention.start, "end": mention.end})
        self.mentions = [placed if a is mention else a for a in self.mentions]
        for i, a in self.index.items():
            if a is mention:
                self.index[i] = placed

    def _cataphors(self) -> None:
        """A definite armed-group description with no group named before it (a
        lead "Le groupe jihadiste a revendiqué…") is the organisation of its kind
        the article names next, in a later sentence ("…revendiquées par le
        JNIM"); a group named in its own sentence is another one ("le groupe,
        lié à al-Qaïda")."""
        for start, generic in self.cataphors:
            after = self.document.to_text(self.doc[start].sent.end_char)
            named = min(
                (a for a in self.mentions
                 if a.start >= after and a.id.startswith("org:") and a.kind == generic.kind),
                key=lambda a: a.start, default=None,
            )
            if named is None:
                continue
            self._recast(generic, named)

    def _late_focus(self) -> None:
        """People the dictionary does not know, named before the article named any
        state ("X, avocat à Lausanne, …" then "en Suisse"), take its main state as
        read over the whole article, as those named later do."""
        if not self.country_counts:
            return
        late: dict[str, Actor] = {}
        for n, a in enumerate(self.mentions):
            if (
                a.country is None
                and a.kind in self.lex.focus_kinds
                and (
                    (a.id.startswith("person:") and a.id not in self.lex.offices)
                    or (a.id.startswith("group:") and fold(a.name) not in self.lex.stateless)
                    or (a.id.startswith("title:") and a.kind == "CVL")
                )
            ):
                if a.id not in late:
                    country = self.focus()
                    if country is None:
                        return
                    late[a.id] = a.model_copy(update={"country": country})
                self.mentions[n] = late[a.id].model_copy(update={"start": a.start, "end": a.end})
        if not late:
            return
        by_span = {(a.start, a.end): a for a in self.mentions}
        for i, a in list(self.index.items()):
            if a.id in late:
                self.index[i] = by_span.get((a.start, a.end), a)
        for key, a in list(self.surnames.items()):
            if a.id in late:
                self.surnames[key] = late[a.id]

    def _other_first_name(self, m: Match, person: Actor) -> bool:
        """A surname alone preceded by a first name that is not the dictionary
        person's: another person (the initials differ, so that spellings such as
        "Sergei"/"Sergueï" still match)."""
        if m.start == 0:
            return False
        prev = self.doc[m.start - 1]
        key = fold(prev.text)
        if (
            not prev.text[:1].isupper()
            or (prev.pos_ != "PROPN" and prev.ent_type_ != "PER")  # "Bamba" as NOUN
            or (m.start - 1) in self.index
            or key in self.lex.honorifics
            or key in self.lex.first_phrases
        ):
            return False
        return not _same_first_name(person, key)


    def _is_first_name(self, m: Match) -> bool:
        doc = self.doc
        return (
            m.end < len(doc)
            and m.end - m.start == 1
            and doc[m.end].pos_ == "PROPN"
            and doc[m.end].text[:1].isupper()
            and doc[m.end].ent_type_ == "PER"
        )

    def _demonym(self, m: Match, names_at: dict[int, Match]) -> None:
        """A demonym not inside a title or agent: "les Russes", "le français Dito
        Emmanuel Macron", or an adjective ("les demandes russes") → its state."""
        doc = self.doc
        iso = m.names[0].ref
        end, person, unknown = self.holder_name(m.end, names_at)
        if person is not None:
            self.emit(person, m.start, end)
            return
        if unknown is not None and not doc[m.start].text[:1].isupper():
            actor = self.actor("person:" + slug(unknown), unknown, iso, "CVL")  # a citizen
            self.emit(actor, m.start, end)
            return
        if doc[m.start].text[:1].isupper() and _population(doc[m.end - 1], self.lex.linkers):
            # "80 Algériens", "les Palestiniens de Gaza": people, not their state
            end = _complement_end(doc[m.end - 1])
            name = self._label(m.start, end)
            actor = self.actor(f"group:{slug(name)}", name, iso, "CVL")
            self.emit(actor, m.start, end, set(range(m.start, m.end)))
            return
        self.emit(self.country_actor(iso), m.start, m.end)

    def _unknown_people(self) -> None:
        """spaCy PER entities the dictionary does not know; a later surname alone
        ("Hultqvist") is the person introduced earlier."""
        for ent in self.doc.ents:
            if ent.label_ != "PER" or any(i in self.index for i in range(ent.start, ent.end)):
                continue
            start = ent_start = ent.start
            while start < ent.end - 1 and fold(self.doc[start].text) in self.lex.honorifics:
                start += 1  # "M. Legault": the name is "Legault"
            ent = self.doc[start : ent.end]
            words = fold(ent.text).split()
            if not words or not ent.text[:1].isupper():
                continue
            if len(ent) == 1 and self._family(ent[0]):
                continue
            earlier = self.surnames.get(words[-1])
            if earlier is not None and earlier.start < self.document.to_text(ent.start_char):
                self.emit(earlier, ent.start, ent.end)
                continue
            if len(words) < 2 and start == ent_start and not self._described(ent.end):
                continue  # a lone first name or surname with no antecedent ("M. X" is a person)
            country, kind = self._apposition(ent.end)
            if kind is None:  # an untitled named person: civil society
                kind = "CVL"
            if country is None and kind in self.lex.focus_kinds:
                country = self.focus()
            actor = self.actor("person:" + slug(ent.text), ent.text, country, kind)
            self.emit(actor, ent.start, ent.end)
        # a surname alone, whatever label the parser gave it ("Kalvet" as LOC)
        for t in self.doc:
            if t.i in self.index or t.pos_ != "PROPN" or not t.text[:1].isupper():
                continue
            if self._family(t):
                continue
            earlier = self.surnames.get(fold(t.text))
            if earlier is not None and earlier.end <= self.document.to_text(t.idx):
                self.emit(earlier, t.i, t.i + 1)
            elif self._aged(t.i + 1):  # "la mort de Nahel, 17 ans,": a person
                start = t.i
                while start > 0 and self.doc[start - 1].pos_ == "PROPN" and (
                    self.doc[start - 1].text[:1].isupper() and start - 1 not in self.index
                ):
                    start -= 1
                name = self.doc[start : t.i + 1].text
                actor = self.actor("person:" + slug(name), name, self.focus(), "CVL")
                self.emit(actor, start, t.i + 1)
        self.mentions.sort(key=lambda a: (a.start, -a.end))

    def _apposed_titles(self) -> None:
        """A title with no holder followed by a person in apposition ("le gouverneur
        de la région, le colonel X,") is that person."""
        doc = self.doc
        last = max(self.index, default=-1)
        i = 0
        while i <= last:
            title = self.index.get(i)
            if title is None or not title.id.startswith("title:"):
                i += 1
                continue
            end = i
            while end <= last and self.index.get(end) is title:
                end += 1
            k = end  # past the title's own complement: "de la région"
            while k < min(len(doc), end + 4) and doc[k].text != "," and (
                doc[end - 1].is_ancestor(doc[k]) or doc[i].is_ancestor(doc[k])
            ):
                k += 1
            end, j = k, k + 1
            if end < len(doc) and doc[end].text == ",":
                while j < len(doc) and fold(doc[j].text) in self.lex.determiners:
                    j += 1
                person = self.index.get(j)
                if person is not None and person.id.startswith("person:") and j > end + 1:
                    self._recast(title, person)
            i = max(end, i + 1)

    def _family(self, t) -> bool:
        """ "les Reed", "les Reeds": the family of a person named earlier, as one
        civil-society actor with that person's country."""
        if not any(c.dep_ == "det" and "Plur" in c.morph.get("Number") for c in t.children):
            return False
        key = fold(t.text)
        person = self.surnames.get(key)
        if person is None and key.endswith("s"):
            person = self.surnames.get(key[:-1])
        if person is None or person.end > self.document.to_text(t.idx):
            return False
        self.emit(self._kin(person, t.text), t.i, t.i + 1)
        return True

    def _kin(self, person: Actor, name: str) -> Actor:
        return self.actor(f"group:{slug(person.name)}-kin", name, person.country, "CVL")

    def _relatives(self) -> None:
        """ "la famille de M. Reed", "les proches de X", "la famille d'un soldat":
        the relatives of a person speak as civil society, with that person's
        country."""
        doc = self.doc
        for t in doc:
            if t.i in self.index or fold(t.text) not in self.lex.relatives:
                continue
            for c in t.children:
                if c.i < t.i or not c.dep_.startswith("nmod"):
                    continue
                # "de M. Reed": the name may hang on the honorific
                name = [c, *(x for x in c.children if x.dep_.startswith("flat"))]
                person = next((self.index[x.i] for x in name if x.i in self.index), None)
                if person is not None and person.id.startswith(("person:", "group:", "title:")):
                    end = max(x.i for x in name) + 1
                    self.emit(self._kin(person, self._label(t.i, end)), t.i, end, {t.i})
                    break

    def _unknown_orgs(self) -> None:
        """spaCy ORG entities the dictionary does not know: civil society by
        default (parties, unions, companies, NGOs), of the state a demonym in the
        name gives, else of the article's main country."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent.start in self.index:
                continue
            inner = {self.index[i].id for i in range(ent.start, ent.end) if i in self.index}
            if any(not x.startswith(("group:", "title:")) for x in inner):
                continue  # holds a dictionary name: already resolved
            first = doc[ent.start]
            if not first.text[:1].isupper() or fold(first.text) in self.lex.determiners:
                continue
            if len(ent) == 1 and not (first.pos_ == "PROPN" or first.text.isupper()):
                continue  # "Commission", "Conseil": a common noun with a capital
            end = ent.end
            while end > ent.start and not doc[end - 1].text[-1:].isalnum():
                end -= 1
            if end == ent.start:
                continue
            span = doc[ent.start : end]
            country = None
            for t in span:
                entries = self.lex.names.get(fold(t.text))
                if entries and entries[0].category == DEMONYM:
                    country = entries[0].ref
                    break
            name = span.text
            actor = self.actor("org:" + slug(name), name, country or self.focus(), "CVL")
            start = ent.start
            before = self.index.get(start - 1)
            if before is not None and before.id.startswith("group:") and before.end == (
                self.document.to_text(doc[start - 1].idx + len(doc[start - 1].text))
            ):  # "le syndicat Synergie des travailleurs": the name says which
                start = next(i for i in range(start - 1, -1, -1)
                             if self.index.get(i) is not before) + 1
            drop = {id(self.index[i]) for i in range(start, end) if i in self.index}
            if drop:  # generic words inside the name ("Union des enseignants")
                self.mentions = [a for a in self.mentions if id(a) not in drop]
            self.emit(actor, start, end)

    def _described(self, end: int) -> bool:
        """A name followed by ", un/une + noun" ("Aminata, une commerçante") or
        by an age: the article introduces a person it names by the first name
        alone."""
        doc = self.doc
        return (
            end + 2 < len(doc)
            and doc[end].text == ","
            and "Ind" in doc[end + 1].morph.get("Definite")
            and doc[end + 2].pos_ == "NOUN"
        ) or self._aged(end)

    def _aged(self, end: int) -> bool:
        """A name followed by ", 17 ans": the press introduces a person by age,
        whatever entity label the parser gave the name (``age_words``)."""
        doc = self.doc
        return (
            end + 2 < len(doc)
            and doc[end].text == ","
            and doc[end + 1].like_num
            and fold(doc[end + 2].text) in self.lex.age_words
        )

    def _apposition(self, end: int) -> tuple[str | None, str | None]:
        """Country and kind from a title after a name: "X, porte-parole du
        ministère iranien des Affaires étrangères," → IRN GOV."""
        doc = self.doc
        k = end
        if k < len(doc) and doc[k].text == ",":
            k += 1
        while k < len(doc) and fold(doc[k].text) in self.lex.determiners:
            k += 1
        if k == end or k >= len(doc) or k not in self.index:
            return None, None
        a = self.index[k]
        if a.id.startswith(("title:", "group:")) or (a.id.startswith("person:") and a.kind):
            return a.country, a.kind
        return None, None

    def _impersonal(self, head) -> bool:
        """Whether an "il" the parser calls expletive really is one: "il faut",
        "il s'agit", "il existe" (``impersonal`` verbs in generic.yaml), "il y
        a", "il est essentiel que" (an adjective). The parser also calls so a
        person's "il" before a copula or an object clitic ("Il était en
        pourparlers à Moscou", "Il nous promet"), which is a subject."""
        return (
            head.lemma_ in self.lex.impersonal
            or head.pos_ == "ADJ"
            or any(fold(c.text) in self.lex.impersonal for c in head.children
                   if c.dep_.startswith("expl"))
        )

    def _pronouns(self) -> None:
        """A subject "il"/"elle" is the one person named as a subject just before
        it (same sentence, else the previous one), else the subject pronoun of
        the sentence before that (a chain "il … Il …" across a sentence that
        names no one); left open when ambiguous."""
        doc = self.doc
        indexed = sorted(self.index.items())
        everyone = [(i, a) for i, a in indexed if a.id.startswith("person:")]
        # organisations and groups count only as subjects ("Le JNIM ... Il revendique")
        others = [
            (i, a) for i, a in indexed
            if not a.id.startswith("person:") and _is_subject(self.doc[i])
        ]
        if not everyone and not others:
            return
        sents = list(doc.sents)
        order = {s.start: n for n, s in enumerate(sents)}
        chain: list[tuple[int, Actor]] = []  # the subject pronouns resolved so far
        for t in doc:
            if t.pos_ != "PRON" or fold(t.text) not in self.lex.pronouns:
                continue
            if t.dep_ not in SUBJECTS and not t.text.startswith("-") and not (
                t.dep_ == EXPLETIVE and not self._impersonal(t.head)
            ):
                continue  # an inverted clitic ("a-t-il dit") is a subject whatever its label
            sent = t.sent
            prev_start = sent.start
            k = order.get(sent.start, 0)
            if k > 0:
                prev_start = sents[k - 1].start
            gender = t.morph.get("Gender")  # "elle" is never "le président"
            people = everyone
            if len(gender) == 1:
                people = [
                    (i, a) for i, a in everyone if self.gender.get(a.id, gender[0]) == gender[0]
                ]
            number = t.morph.get("Number")
            if number:  # "il" is never "les civils"
                others_ok = [(i, a) for i, a in others
                             if doc[i].morph.get("Number") in ([], number)]
            else:
                others_ok = others
            cands = [(i, a) for i, a in people if sent.start <= i < t.i]
            if not cands:
                cands = [(i, a) for i, a in people if prev_start <= i < sent.start]
            if not cands:
                cands = [(i, a) for i, a in others_ok if prev_start <= i < t.i]
            if not cands and k >= CHAIN_REACH:
                # "il a annoncé … La Constitution est suspendue. Il a aussi annoncé":
                # a pronoun continues the subject pronoun just before the last sentence
                reach = sents[k - CHAIN_REACH].start
                cands = [(i, a) for i, a in chain if reach <= i < prev_start
                         and (len(gender) != 1 or doc[i].morph.get("Gender") == gender)]
            ids = {a.id for _, a in cands}
            if len(ids) > 1:
                subj = {a.id for i, a in cands if _is_subject(doc[i])}
                ids = subj if len(subj) == 1 else set()
            if len(ids) != 1:
                continue
            pid = ids.pop()
            actor = next(a for _, a in cands if a.id == pid)
            placed = self.emit(actor, t.i, t.i + 1)
            chain.append((t.i, placed))
            if pid.startswith("person:"):  # "« … », a-t-il dit. « … », a-t-il ajouté."
                everyone.append((t.i, placed))


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside « », “ ” or straight double quotes (which open and close by
    turns), reset at each paragraph break: a state a speaker names is not
    necessarily where the article's events happen."""
    inside: set[int] = set()
    depth = 0
    straight = False
    for t in doc:
        if t.text in ("«", "“"):
            depth += 1
        elif t.text in ("»", "”"):
            depth = max(0, depth - 1)
        elif t.text == '"':
            straight = not straight
        elif "\n" in t.text:
            depth, straight = 0, False
        elif depth or straight:
            inside.add(t.i)
    return inside


def _in_subject(token) -> bool:
    """A subject, or a word of one ("les militaires centrafricains", "le régime du
    Niger" when it is "régime" that is the subject)."""
    for _ in range(2):
        if token.dep_ in SUBJECTS:
            return True
        if token.dep_ not in SAME_PHRASE and not token.dep_.startswith("nmod"):
            return False
        token = token.head
    return token.dep_ in SUBJECTS


def _same_first_name(person: Actor, key: str) -> bool:
    """Whether the folded first name ``key`` is the dictionary person's, or a
    spelling of it: "Sergei"/"Sergueï" and "Mohamed"/"Mohammed" are one name,
    "Bamba"/"Boubou" share only an initial."""
    first = fold(person.name).split()[0]
    return first[:1] == key[:1] and SequenceMatcher(None, first, key).ratio() >= SPELLING


def _population(token, linkers: frozenset[str]) -> bool:
    """A demonym noun that names people rather than their state: counted or
    indefinite ("80 Algériens", "des Maliens", "plusieurs Ukrainiens", "des
    milliers de Palestiniens"), given a place ("les Palestiniens de Gaza") or
    acted upon ("les Ukrainiens ont été évacués"). A definite one that acts
    ("les Russes ont bombardé", "les Américains proposent") speaks for its
    state, as the press means it, and stays the state (GOV)."""
    dets = [c for c in token.children if c.dep_ == "det"]
    if any(c.dep_ == "nummod" for c in token.children):
        return True
    if token.dep_ != "nmod" and any(
        "Def" not in c.morph.get("Definite") and "Yes" not in c.morph.get("Poss") for c in dets
    ):  # ("l'offre des Américains": "des" is "de les", the state's offer)
        return True
    if not dets and any(
        c.dep_ == "case" and fold(c.text) in linkers and "Def" not in c.morph.get("Definite")
        for c in token.children
    ):  # "des milliers de Palestiniens"; not "entre Américains et Iraniens" nor the
        return True  # contracted article of "l'offre des Américains": states
    if "Plur" not in token.morph.get("Number"):
        return False
    if token.dep_ == "nsubj:pass":
        return True
    return any(c.dep_ == "nmod" and c.i > token.i for c in token.children)


def _complement_end(token) -> int:
    """End (exclusive) of a noun and its complement after it ("Palestiniens de la
    bande de Gaza")."""
    end = token.i + 1
    for c in token.children:
        if c.dep_ == "nmod" and c.i > token.i:
            end = max(end, c.right_edge.i + 1)
    return end


def _is_subject(token) -> bool:
    """A subject, or a conjunct of one ("Macron et Biden se sont parlé")."""
    return token.dep_ in SUBJECTS or (token.dep_ == "conj" and token.head.dep_ in SUBJECTS)


def resolve_document(document) -> tuple[list[Actor], dict[int, Actor]]:
    """All mentions of a parsed Document, and the token index."""
    r = Resolver(document)
    r.run()
    return r.mentions, r.index
