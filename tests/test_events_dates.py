"""Event dates: French date expressions resolved against the publication date."""

from __future__ import annotations

import pytest

from selon.events.dates import find_date, find_dates, published_date, rules, scan


def _trigger(document, word: str):
    return next(t for t in document.doc if t.text == word)


@pytest.mark.parametrize(
    "text,trigger,published,expected_text,expected_value",
    [
        # weekdays: past context → the previous one, planned → the coming one
        ("Le ministre a annoncé lundi sa démission.", "annoncé", "2024-03-13",
         "lundi", "2024-03-11"),
        ("Le ministre se rendra mardi à Bamako.", "rendra", "2024-03-13", "mardi", "2024-03-19"),
        ("Le ministre doit se rendre à Niamey jeudi.", "rendre", "2024-03-13",
         "jeudi", "2024-03-14"),
        ("Les deux chefs d'État vont se rencontrer vendredi prochain.", "rencontrer",
         "2024-03-15", "vendredi prochain", "2024-03-22"),
        ("Les rebelles ont pris la ville samedi dernier.", "pris", "2024-03-16",
         "samedi dernier", "2024-03-09"),
        ("La réunion prévue lundi à Kiev a été reportée.", "réunion", "2024-03-13",
         "lundi", "2024-03-18"),
        ("Les rebelles auraient attaqué le convoi dimanche.", "attaqué", "2024-03-13",
         "dimanche", "2024-03-10"),
        ("Le vote est prévu jeudi.", "vote", "2024-03-13", "jeudi", "2024-03-14"),
        ("Le Premier ministre est attendu mardi à Dakar.", "attendu", "2024-03-13",
         "mardi", "2024-03-19"),
        ("Des milliers de personnes manifestaient samedi à Lyon.", "manifestaient",
         "2024-03-13", "samedi", "2024-03-09"),
        ("Le ministre a annoncé qu'il se rendrait à Kiev jeudi.", "rendrait", "2024-03-13",
         "jeudi", "2024-03-14"),
        ("Le ministre a annoncé jeudi qu'il se rendrait à Kiev.", "annoncé", "2024-03-13",
         "jeudi", "2024-03-07"),
        # the date of the announcement, read with the announcement's tense
        ("Le Kremlin a annoncé lundi que les troupes partiraient.", "partiraient",
         "2024-03-13", "lundi", "2024-03-11"),
        ("Les militaires qui ont pris le pouvoir en juillet sont sanctionnés.", "pouvoir",
         "2024-02-10", "en juillet", "2023-07"),
        ("Les militants interpellés le 25 juillet dernier ont été libérés.", "interpellés",
         "2024-07-10", "25 juillet dernier", "2023-07-25"),
        ("Les négociations reprendront en janvier.", "reprendront", "2024-03-13",
         "en janvier", "2025-01"),
        ("Les négociations ont repris en janvier.", "repris", "2024-03-13",
         "en janvier", "2024-01"),
        # days relative to publication
        ("Des soldats ont été tués hier dans une embuscade.", "tués", "2024-03-01",
         "hier", "2024-02-29"),
        ("L'armée a bombardé le village avant-hier.", "bombardé", "2024-03-15",
         "avant-hier", "2024-03-13"),
        ("Les syndicats manifesteront demain devant le Parlement.", "manifesteront",
         "2024-12-31", "demain", "2025-01-01"),
        ("Le président s'exprimera dans quelques heures.", "exprimera", "2024-03-15",
         "dans quelques heures", "2024-03-15"),
        ("La police a arrêté trois militants ce matin.", "arrêté", "2024-03-15",
         "ce matin", "2024-03-15"),
        ("Des manifestants ont défilé la semaine dernière.", "défilé", "2024-03-15",
         "la semaine dernière", "2024-03-08"),
        ("La délégation est arrivée il y a deux jours.", "arrivée", "2024-03-15",
         "il y a deux jours", "2024-03-13"),
        ("Les élections ont eu lieu l'an dernier.", "eu", "2024-03-15", "l'an dernier", "2023"),
        # month parts and months
        ("Mi-décembre, le gouvernement a présenté une liste d'exigences.", "présenté",
         "2024-01-10", "Mi-décembre", "2023-12-15"),
        ("Le président prévoit de signer l'accord début janvier.", "signer", "2023-11-20",
         "début janvier", "2024-01"),
        ("Les troupes se sont retirées fin mars.", "retirées", "2024-04-10", "fin mars", "2024-03"),
        ("Le blocus a commencé en mars dernier.", "commencé", "2024-06-01",
         "mars dernier", "2024-03"),
        # absolute dates (dateparser)
        ("Les ministres se réuniront le 15 février à Paris.", "réuniront", "2024-01-20",
         "15 février", "2024-02-15"),
        ("Les ministres se sont réunis le 15 février à Paris.", "réunis", "2024-01-20",
         "15 février", "2023-02-15"),
        ("L'accord a été signé le 15 février 2022 à Minsk.", "signé", "2024-01-20",
         "15 février 2022", "2022-02-15"),
        ("L'armée a bombardé la ville mardi 3 octobre.", "bombardé", "2023-10-05",
         "mardi 3 octobre", "2023-10-03"),
        ("Le sommet s'est tenu en 2021 à Genève.", "tenu", "2024-03-15", "en 2021", "2021"),
        ("Le cessez-le-feu a été signé le 1er mars.", "signé", "2024-03-15", "1er mars",
         "2024-03-01"),
    ],
)
def test_events_dates_resolve(document, text, trigger, published, expected_text, expected_value):
    doc = document(text, published=published)
    ref = find_date(doc, next(doc.doc.sents), _trigger(doc, trigger))
    assert ref is not None
    assert ref.text == expected_text
    assert doc.text[ref.start : ref.end] == ref.text
    assert ref.value == expected_value


def test_events_dates_no_publication_date(document):
    doc = document(
        "Les troupes ont attaqué lundi. Le traité a été signé le 3 mai 2019.", published=None
    )
    sents = list(doc.doc.sents)
    relative = find_date(doc, sents[0], _trigger(doc, "attaqué"))
    absolute = find_date(doc, sents[1], _trigger(doc, "signé"))
    assert relative is not None and relative.value is None
    assert absolute is not None and absolute.value == "2019-05-03"


def test_events_dates_month_precision_publication(document):
    doc = document("Les rebelles ont attaqué la ville hier.", published="2024-03")
    ref = find_date(doc, next(doc.doc.sents), _trigger(doc, "attaqué"))
    assert ref is not None and ref.value == "2024-03"


def test_events_dates_prefers_trigger_clause(document):
    doc = document(
        "Le ministre, arrivé lundi à Dakar, rencontrera le président vendredi.",
        published="2024-03-13",
    )
    ref = find_date(doc, next(doc.doc.sents), _trigger(doc, "rencontrera"))
    assert ref is not None and ref.text == "vendredi" and ref.value == "2024-03-15"


def test_events_dates_none_without_expression(document):
    doc = document("Le gouvernement a condamné l'attaque.")
    assert find_date(doc, next(doc.doc.sents), _trigger(doc, "condamné")) is None


def test_events_dates_offsets_in_original_text(document):
    text = "Titre\n\nL’armée a frappé aujourd’hui.\n\nLe sommet aura lieu à partir de lundi."
    doc = document(text, published="2024-03-13")
    refs = find_dates(doc)
    assert [text[r.start : r.end] for r in refs] == ["aujourd’hui", "lundi"]
    assert [r.value for r in refs] == ["2024-03-13", "2024-03-18"]


def test_events_dates_find_all(document):
    doc = document(
        "Hier, l'armée a frappé la ville. Le sommet aura lieu le 20 avril. Fin 2023, rien.",
        published="2024-03-15",
    )
    refs = find_dates(doc)
    assert [r.text for r in refs] == ["Hier", "20 avril", "Fin 2023"]
    assert [r.value for r in refs] == ["2024-03-14", "2024-04-20", "2023"]


@pytest.mark.parametrize(
    "value,expected",
    [("2024-03-15", "day"), ("2024-03-15T10:00:00Z", "day"), ("2024-03", "month"),
     ("2024", "year"), ("n/a", None), (None, None), ("2024-02-30", None)],
)
def test_events_dates_published(value, expected):
    pub = published_date(value)
    assert (pub.precision if pub else None) == expected


def test_events_dates_data_file_loads():
    r = rules()
    assert r.months and r.weekdays and r.patterns
    assert all(1 <= m <= 12 for m in r.months.values())
    assert all(0 <= d <= 6 for d in r.weekdays.values())


@pytest.mark.parametrize(
    "text",
    [
        "Le bilan est de 12 morts et 300 blessés selon 2 sources.",
        "Le ministre a été limogé.",  # "été" the participle, not the season
        "Ils sont sept à avoir signé, depuis sept ans pour certains.",
        "Le printemps arabe a changé la région.",
    ],
)
def test_events_dates_scan_ignores_words_that_are_not_dates(text):
    assert [c for c in scan(text) if c.kind not in ("offset",)] == []


@pytest.mark.parametrize(
    "text,published,direction,expected_text,expected_value",
    [
        ("une grève du 8 au 14 décembre", "2024-03-15", None, "8 au 14 décembre", "2023-12-08"),
        ("emprisonné depuis près de trois ans", "2024-03-15", None,
         "depuis près de trois ans", "2021"),
        ("détenu depuis 30 jours", "2024-03-15", None, "depuis 30 jours", "2024-02-14"),
        ("des arrestations ces derniers jours", "2024-03-15", None, "ces derniers jours",
         "2024-03-15"),
        ("un accord dans les prochaines semaines", "2024-03-15", None,
         "dans les prochaines semaines", "2024-03"),
        ("des attaques dans les dernières 24 heures", "2024-03-15", None,
         "dans les dernières 24 heures", "2024-03-15"),
        ("pas de reprise avant janvier", "2024-11-15", 1, "avant janvier", "2025-01"),
        ("il y a plus de deux semaines", "2024-03-15", None, "il y a plus de deux semaines",
         "2024-03-01"),
        ("le sommet de 3 oct. 2022", "2024-03-15", None, "3 oct. 2022", "2022-10-03"),
        ("le traité du 12/02/2023", "2024-03-15", None, "12/02/2023", "2023-02-12"),
        ("réunion lundi prochain", "2024-03-18", None, "lundi prochain", "2024-03-25"),
        ("réunion ce lundi", "2024-03-18", None, "ce lundi", "2024-03-18"),
        ("le mois prochain", "2024-12-15", None, "le mois prochain", "2025-01"),
        ("le week-end dernier", "2024-03-13", None, "le week-end dernier", "2024-03-09"),
        ("à la mi-mars", "2024-03-15", None, "à la mi-mars", "2024-03-15"),
        ("fin 2023", "2024-03-15", None, "fin 2023", "2023"),
        ("depuis 2017", "2024-03-15", None, "depuis 2017", "2017"),
        ("le 31 février", "2024-03-15", None, "31 février", None),
        ("des heurts jeudi 7 dans la capitale", "2024-03-15", None, "jeudi 7", "2024-03-07"),
        ("un vote mardi 19", "2024-03-15", 1, "mardi 19", "2024-03-19"),
        ("samedi 2 000 personnes", "2024-03-15", None, "samedi", "2024-03-16"),
        ("à la fin du mois", "2024-03-15", None, "à la fin du mois", "2024-03"),
        ("arrêté il y a une dizaine de jours", "2024-03-15", None,
         "il y a une dizaine de jours", "2024-03-05"),
        ("la neutralité carbone d'ici à 2050", "2024-03-15", None, "d'ici à 2050", "2050"),
        ("des frappes la nuit dernière", "2024-03-15", None, "la nuit dernière", "2024-03-14"),
        ("l'été dernier", "2024-03-15", None, "l'été dernier", "2023"),
        ("au printemps", "2024-03-15", 1, "au printemps", "2024"),
        ("l'hiver prochain", "2024-03-15", None, "l'hiver prochain", "2025"),
    ],
)
def test_events_dates_rules(text, published, direction, expected_text, expected_value):
    from selon.events.dates import resolve

    found = scan(text)
    assert len(found) == 1
    cand = found[0]
    assert text[cand.start : cand.end] == expected_text
    assert resolve(cand, expected_text, published, direction) == expected_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les rebelles ont attaqué la ville le 3 mars. Le lendemain, l'armée a lancé "
         "une offensive.", ("Le lendemain", "2024-03-04")),
        ("Le président a reçu son homologue le 12 mars. La veille, les deux ministres "
         "avaient signé un accord.", ("La veille", "2024-03-11")),
        ("Les rebelles ont attaqué la ville le 3 mars. Le surlendemain matin, l'armée a "
         "lancé une offensive.", ("Le surlendemain matin", "2024-03-05")),
    ],
)
def test_events_dates_count_from_the_event_told_before(code, text, expected):
    record = code(text, published="2024-03-15")
    last = record.events[-1]
    assert last.date is not None and (last.date.text, last.date.value) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no event dated before: the expression is kept, its day unknown
        "La veille, l'armée avait bombardé la ville.",
        # "à la veille de" is a period before something, not a day
        "Les rebelles ont attaqué la ville le 3 mars. À la veille des élections, l'armée "
        "a lancé une offensive.",
    ],
)
def test_events_dates_anchored_without_anchor(code, text):
    last = code(text, published="2024-03-15").events[-1]
    assert last.date is None or last.date.value is None


def test_events_dates_copula_gives_the_tense(code):
    # published on a Wednesday: "sera … lundi" is the coming Monday
    record = code("Le ministre indien sera au téléphone avec son homologue chinois lundi.",
                  published="2022-01-19")
    assert record.events and record.events[0].date.value == "2022-01-24"
