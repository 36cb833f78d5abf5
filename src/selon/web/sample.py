"""A tiny hand-made corpus for the web tests, the screenshots and demos.

Why hand-made records instead of running the pipeline: the explorer must be
tested on every kind of highlight (events of several types, nested claim
frames and quotes, dropped boilerplate, reliability signals with evidence)
whatever the stages currently find, and on hostile text (``<script>``,
``onerror=``, ``javascript:`` links) that must never run in the page. The
French sentences were written for this project; the facts are invented.
"""

from __future__ import annotations

import re
from typing import Any

from selon.model import (
    QUAD,
    Actor,
    Claim,
    DateRef,
    Dropped,
    Event,
    Offsets,
    Quality,
    Quote,
    Record,
    Signal,
    TextSpan,
)

ACTORS: dict[str, dict[str, Any]] = {
    "RUS": {"id": "country:RUS", "name": "Russie", "country": "RUS", "kind": "GOV"},
    "UKR": {"id": "country:UKR", "name": "Ukraine", "country": "UKR", "kind": "GOV"},
    "FRA": {"id": "country:FRA", "name": "France", "country": "FRA", "kind": "GOV"},
    "USA": {"id": "country:USA", "name": "États-Unis", "country": "USA", "kind": "GOV"},
    "MLI": {"id": "country:MLI", "name": "Mali", "country": "MLI", "kind": "GOV"},
    "ECOWAS": {"id": "org:cedeao", "name": "CEDEAO", "country": None, "kind": "IGO"},
    "UKR_MIL": {"id": "org:forces-armees-ukrainiennes", "name": "armée ukrainienne",
                "country": "UKR", "kind": "MIL"},
    "MAYOR": {"id": "person:ihor-terekhov", "name": "Ihor Terekhov", "country": "UKR",
              "kind": "GOV"},
    "KREMLIN": {"id": "org:kremlin", "name": "Kremlin", "country": "RUS", "kind": "GOV"},
    "MACRON": {"id": "person:emmanuel-macron", "name": "Emmanuel Macron", "country": "FRA",
               "kind": "GOV"},
    "SCHOLZ": {"id": "person:olaf-scholz", "name": "Olaf Scholz", "country": "DEU",
               "kind": "GOV"},
    "LOCAL": {"id": "org:autorites-locales-kharkiv", "name": "autorités locales",
              "country": "UKR", "kind": "GOV"},
}


class _Builder:
    """Offsets by search, so the sample stays correct when a sentence is edited."""

    def __init__(self, text: str) -> None:
        self.text = text

    def find(self, needle: str, after: int = 0) -> tuple[int, int]:
        i = self.text.index(needle, after)
        return i, i + len(needle)

    def span(self, needle: str, after: int = 0) -> TextSpan:
        s, e = self.find(needle, after)
        return TextSpan(text=self.text[s:e], start=s, end=e)

    def actor(self, key: str, needle: str, after: int = 0) -> Actor:
        s, e = self.find(needle, after)
        return Actor(start=s, end=e, **ACTORS[key])

    def sentences(self) -> list[Offsets]:
        return [Offsets(start=m.start(), end=m.end())
                for m in re.finditer(r"[^\s][^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)", self.text)]

    def sentence_of(self, pos: int) -> Offsets:
        for s in self.sentences():
            if s.start <= pos < s.end:
                return s
        return Offsets(start=pos, end=pos)

    def event(self, type_: str, trigger: str, *, source: Actor | None = None,
              target: Actor | None = None, claimed_by: Actor | None = None,
              date: tuple[str, str] | None = None, after: int = 0, **kw: Any) -> Event:
        t = self.span(trigger, after)
        d = None
        if date:
            ds = self.span(date[0], after)
            d = DateRef(text=ds.text, start=ds.start, end=ds.end, value=date[1])
        return Event(type=type_, quad=QUAD[type_], trigger=t, sentence=self.sentence_of(t.start),
                     source=source, target=target, claimed_by=claimed_by,
                     claim_chain=[claimed_by] if claimed_by else [], date=d, **kw)


def _kharkiv_first() -> Record:
    text = (
        "Frappes sur Kharkiv : Moscou dément toute implication\n\n"
        "Selon l'armée ukrainienne, la Russie a bombardé Kharkiv dans la nuit de dimanche à "
        "lundi, faisant au moins 12 morts. « Ces frappes visaient délibérément des "
        "immeubles d'habitation », a déclaré le maire de la ville, Ihor Terekhov.\n\n"
        "Le Kremlin a nié toute frappe sur des zones civiles. Le ministre français des "
        "affaires étrangères a condamné l'attaque, et la France aurait proposé une aide "
        "d'urgence à l'Ukraine.\n\n"
        "Partagez cet article sur les réseaux sociaux\n\n"
        "À propos de l'auteur : journaliste au service international depuis 2015."
    )
    b = _Builder(text)
    army = b.actor("UKR_MIL", "l'armée ukrainienne")
    rus = b.actor("RUS", "la Russie")
    ukr_city = b.actor("UKR", "Kharkiv", 60)
    mayor = b.actor("MAYOR", "Ihor Terekhov")
    kremlin = b.actor("KREMLIN", "Le Kremlin")
    fra_min = b.actor("FRA", "Le ministre français des affaires étrangères")
    fra = b.actor("FRA", "la France")
    ukr = b.actor("UKR", "l'Ukraine", 300)
    events = [
        b.event("ASSAULT", "bombardé", source=rus, target=ukr_city, claimed_by=army,
                date=("dans la nuit de dimanche à lundi", "2024-03-11"), mode="bombing"),
        b.event("ASSAULT", "frappe", source=Actor(**{**kremlin.model_dump(), **ACTORS["RUS"]}),
                target=ukr_city, claimed_by=kremlin, status="negated",
                after=text.index("Le Kremlin")),
        b.event("ACCUSE", "condamné", source=fra_min, target=rus),
        b.event("AID", "proposé une aide", source=fra, target=ukr, hedged=True,
                status="occurred"),
    ]
    q_start, q_end = b.find("Ces frappes visaient délibérément des immeubles d'habitation")
    quotes = [Quote(text=text[q_start:q_end], start=q_start, end=q_end, speaker=mayor,
                    verb="déclarer")]
    s1 = b.sentence_of(text.index("Selon"))
    frame_start = text.index("la Russie a bombardé")
    k = text.index("Le Kremlin a nié")
    k_frame = text.index("toute frappe sur des zones")
    claims = [
        Claim(start=frame_start, end=s1.end, claimant=army, cue="Selon"),
        Claim(start=q_start, end=q_end, claimant=mayor, cue="« »"),
        Claim(start=k_frame, end=b.sentence_of(k).end, claimant=kremlin, cue="a nié"),
        Claim(start=text.index("la France aurait"), end=text.index("d'urgence à l'Ukraine") + 21,
              claimant=None, cue="aurait", hedged=True),
    ]
    share = b.find("Partagez cet article sur les réseaux sociaux")
    bio = b.find("À propos de l'auteur : journaliste au service international depuis 2015.")
    return Record(
        id="a1-kharkiv", url="https://exemple.test/monde/kharkiv-frappes",
        outlet="Le Quotidien d'Exemple", published="2024-03-11",
        title="Frappes sur Kharkiv : Moscou dément toute implication", source="sample",
        text=text, sentences=b.sentences(),
        actors=[army, rus, ukr_city, mayor, kremlin, fra_min, fra, ukr],
        events=events, quotes=quotes, claims=claims,
        quality=Quality(
            language="fr", language_confidence=0.99, machine_translation=0.1, content_farm=0.2,
            signals=[Signal(name="anonymous_sourcing", score=0.3,
                            evidence=[b.span("Selon l'armée ukrainienne")]),
                     Signal(name="boilerplate_ratio", score=0.2,
                            evidence=[b.span("Partagez cet article")])],
        ),
        dropped=[Dropped(start=share[0], end=share[1], reason="share line"),
                 Dropped(start=bio[0], end=bio[1], reason="author bio")],
    )


def _kharkiv_second() -> Record:
    text = (
        "Kharkiv : l'Ukraine accuse la Russie\n\n"
        "L'Ukraine a accusé mardi la Russie d'avoir bombardé Kharkiv, où 15 civils ont été "
        "tués, d'après les autorités locales. Moscou affirme n'avoir visé que des cibles "
        "militaires.\n\n"
        "Les États-Unis ont annoncé de nouvelles sanctions contre la Russie."
    )
    b = _Builder(text)
    body = text.index("\n\n")
    ukr = b.actor("UKR", "L'Ukraine")
    rus = b.actor("RUS", "la Russie", body)
    city = b.actor("UKR", "Kharkiv", body)
    local = b.actor("LOCAL", "les autorités locales")
    moscow = b.actor("RUS", "Moscou")
    usa = b.actor("USA", "Les États-Unis")
    rus2 = b.actor("RUS", "la Russie", text.index("sanctions"))
    events = [
        b.event("ACCUSE", "accusé", source=ukr, target=rus, date=("mardi", "2024-03-12")),
        b.event("ASSAULT", "bombardé", source=rus, target=city, claimed_by=local,
                after=body),
        b.event("SANCTION", "sanctions", source=usa, target=rus2, status="planned"),
    ]
    claims = [
        Claim(start=text.index("L'Ukraine a accusé"), end=text.index(", d'après"),
              claimant=local, cue="d'après"),
        Claim(start=text.index("n'avoir visé"), end=text.index("militaires.") + 10,
              claimant=moscow, cue="affirme"),
    ]
    return Record(
        id="a2-kharkiv", url="https://agence.test/depeche/2024/03/12/kharkiv",
        outlet="Agence Exemple", published="2024-03-12",
        title="Kharkiv : l'Ukraine accuse la Russie", source="sample", text=text,
        sentences=b.sentences(), actors=[ukr, rus, city, local, moscow, usa, rus2],
        events=events, claims=claims,
        quality=Quality(language="fr", language_confidence=0.98),
    )


#: the hostile strings a page must show as text and never run
HOSTILE = (
    "<script>window.__pwned = 'script';</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "<a href=\"javascript:window.__pwned = 'link'\">lire la suite</a>",
)


def _hostile() -> Record:
    text = (
        "<script>alert('titre')</script> Sommet franco-allemand à Paris\n\n"
        f"Emmanuel Macron a rencontré Olaf Scholz lundi à Paris. {HOSTILE[0]} "
        f"« Nous avons parlé de l'Ukraine {HOSTILE[1]} pendant deux heures », a indiqué "
        f"le président français. {HOSTILE[2]}"
    )
    b = _Builder(text)
    macron = b.actor("MACRON", "Emmanuel Macron")
    scholz = b.actor("SCHOLZ", "Olaf Scholz")
    qs, qe = b.find("Nous avons parlé")[0], text.index(" pendant deux heures") + 20
    events = [b.event("CONSULT", "a rencontré", source=macron, target=scholz,
                      date=("lundi", "2024-03-18"))]
    return Record(
        id="a3-hostile", url="javascript:window.__pwned = 'url'",
        outlet="<b onmouseover=\"window.__pwned='outlet'\">Site</b>", published="2024-03-18",
        title="<script>alert('titre')</script> Sommet franco-allemand à Paris", source="sample",
        text=text, sentences=b.sentences(), actors=[macron, scholz], events=events,
        quotes=[Quote(text=text[qs:qe], start=qs, end=qe, speaker=macron, verb="indiquer")],
        claims=[Claim(start=qs, end=qe, claimant=macron, cue="« »")],
        quality=Quality(language="fr", signals=[Signal(
            name="markup_in_text", score=0.9, evidence=[b.span(HOSTILE[1])])]),
    )


def _sahel() -> Record:
    text = (
        "Le Mali et la CEDEAO signent un accord de transition\n\n"
        "Le Mali et la CEDEAO ont signé jeudi à Abuja un accord sur le calendrier de la "
        "transition, a annoncé l'organisation régionale. La CEDEAO a demandé la libération "
        "des responsables politiques détenus. L'armée malienne aurait déployé des renforts "
        "dans le nord du pays, selon des sources sécuritaires."
    )
    b = _Builder(text)
    body = text.index("\n\n")
    mali = b.actor("MLI", "Le Mali", body)
    ecowas = b.actor("ECOWAS", "la CEDEAO", body)
    ecowas2 = b.actor("ECOWAS", "La CEDEAO")
    army = b.actor("MLI", "L'armée malienne")
    events = [
        b.event("AGREE", "ont signé", source=mali, target=ecowas, claimed_by=ecowas,
                date=("jeudi", "2024-03-21")),
        b.event("REQUEST", "a demandé", source=ecowas2, target=mali),
        b.event("MOBILIZE", "déployé des renforts", source=army, hedged=True),
    ]
    return Record(
        id="a4-sahel", url="https://exemple.test/afrique/mali-cedeao", outlet="Le Quotidien "
        "d'Exemple", published="2024-03-22",
        title="Le Mali et la CEDEAO signent un accord de transition", source="sample", text=text,
        sentences=b.sentences(), actors=[mali, ecowas, ecowas2, army], events=events,
        claims=[Claim(start=text.index("L'armée malienne"), end=text.index(", selon des"),
                      claimant=None, cue="selon", hedged=True)],
        quality=Quality(language="fr"),
    )


def sample_records() -> list[Record]:
    """Four coded articles: two tell the same strike differently, one is hostile."""
    return [_kharkiv_first(), _kharkiv_second(), _hostile(), _sahel()]


def build_sample_db(path: str) -> str:
    """Write the sample corpus to a new database at ``path`` through the store."""
    from selon.store import open_store

    store = open_store(path)
    try:
        for record in sample_records():
            store.add(record)
        try:
            from selon.store.stories import recompute

            recompute(store)
        except Exception:  # stories are optional here: the web app groups events itself
            pass
    finally:
        store.close()
    return path
