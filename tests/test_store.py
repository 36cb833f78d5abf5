"""The corpus store: rows per record, idempotence, queries, stories, corpus events.

Records are built by hand here (no spaCy), so these tests are fast and do not
depend on what the coding stages currently find.
"""

from __future__ import annotations

import functools
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from selon.model import (
    Actor,
    Claim,
    DateRef,
    Error,
    Event,
    Offsets,
    Quality,
    Quote,
    Record,
    TextSpan,
)
from selon.store import open_store, search_key
from selon.store.stories import compute_corpus_events, recompute

RUS = dict(id="country:RUS", name="Russie", country="RUS", kind="GOV")
UKR = dict(id="country:UKR", name="Ukraine", country="UKR", kind="GOV")
ELYSEE = dict(id="org:elysee", name="Élysée", country="FRA", kind="GOV")


def actor(spec: dict, start: int = 0, end: int = 1) -> Actor:
    return Actor(start=start, end=end, **spec)


def make_record(
    rid: str,
    text: str = "La Russie a bombardé l'Ukraine, faisant 12 morts.",
    *,
    published: str | None = "2024-03-12",
    etype: str = "ASSAULT",
    status: str = "occurred",
    hedged: bool = False,
    claimant: dict | None = None,
    fingerprint: list[int] | None = None,
    date: str | None = None,
    errors: list[str] = (),
    events: bool = True,
) -> Record:
    trig = text.index("bombardé") if "bombardé" in text else 0
    ev = Event(
        type=etype, quad="MATERIAL_CONFLICT", status=status, hedged=hedged,
        trigger=TextSpan(text=text[trig : trig + 8], start=trig, end=trig + 8),
        sentence=Offsets(start=0, end=len(text)),
        source=actor(RUS, 3, 9), target=actor(UKR, 23, 30),
        claimed_by=actor(claimant) if claimant else None,
        claim_chain=[actor(claimant)] if claimant else [],
        date=DateRef(text="x", start=0, end=0, value=date) if date else None,
    )
    return Record(
        id=rid, url=f"https://example.org/{rid}", outlet="Exemple", published=published,
        title=f"Titre {rid}", source=f"{rid}.txt", text=text,
        sentences=[Offsets(start=0, end=len(text))],
        actors=[actor(RUS, 3, 9), actor(UKR, 23, 30)],
        events=[ev] if events else [],
        quotes=[Quote(text="nous ripostons", start=0, end=5, speaker=actor(ELYSEE))],
        claims=[Claim(start=0, end=5, claimant=actor(claimant), cue="selon")] if claimant else [],
        quality=Quality(language="fr", fingerprint=fingerprint),
        errors=[Error(stage="parse", message=m) for m in errors],
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster on a loopback port; yields a connection-URL maker.

    Skips when Debian's ``postgresql`` package (initdb, pg_ctl) or the psycopg
    driver is missing. As root, the cluster runs as the ``postgres`` user.
    """
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL binaries not found (apt-get install -y postgresql)")
    pytest.importorskip("psycopg", reason="psycopg not installed (pip install 'selon[postgres]')")
    bindir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="selon-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and no 'postgres' user to run the server")
        os.chown(root, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    run = functools.partial(subprocess.run, check=True, capture_output=True)
    run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "selon", "--auth=trust",
         "-E", "UTF8", "--no-locale"])
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts,
         "-l", str(root / "log"), "-w", "-t", "60", "start"])
    base = f"postgresql://selon@127.0.0.1:{port}"
    counter = itertools.count()

    def new_database() -> str:
        import psycopg

        name = f"t{next(counter)}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"{base}/{name}"

    yield new_database
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                    "stop"], capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """The same tests on both back ends (PostgreSQL skips when not installed)."""
    if request.param == "sqlite":
        target = str(tmp_path / "corpus.db")
    else:
        target = request.getfixturevalue("pg_server")()
    with open_store(target) as st:
        yield st


def test_store_creates_sqlite_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "x.db"
    st = open_store(path)
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert path.exists()


def test_store_add_writes_every_table_once(store):
    assert store.add(make_record("a1", claimant=ELYSEE))
    assert not store.add(make_record("a1", claimant=ELYSEE))  # same id: nothing twice
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["quotes"] == 1
    assert counts["claims"] == 1 and counts["sentences"] == 1 and counts["mentions"] == 2
    assert counts["actors"] == 3 and counts["quality"] == 1 and counts["errors"] == 0
    rec = store.record("a1")
    assert rec is not None and rec.events[0].source.id == "country:RUS"


def test_store_records_errors_with_reason(store):
    store.add(make_record("bad", errors=["article is not in French"], events=False))
    (row,) = store.errors()
    assert row["article_id"] == "bad" and "French" in row["message"] and row["stage"] == "parse"
    assert store.articles(errors=True)[0]["id"] == "bad"
    assert store.articles(errors=False) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a1", "a2", "a3"]),
        ({"actor": "russie"}, ["a1", "a2", "a3"]),
        ({"actor": "country:UKR"}, ["a1", "a2", "a3"]),
        ({"actor": "Macron"}, []),
        ({"country": "rus"}, ["a1", "a2", "a3"]),
        ({"country": "FRA"}, []),
        ({"type": "assault"}, ["a1", "a2", "a3"]),
        ({"type": "AID"}, []),
        ({"since": "2024-03-13"}, ["a2", "a3"]),
        ({"until": "2024-03-12"}, ["a1"]),
        ({"since": "2024-03", "until": "2024-03"}, ["a1", "a2", "a3"]),
        ({"claimant": "elysee"}, ["a2"]),  # accents and case do not matter
        ({"claimant": "ÉLYSÉE"}, ["a2"]),
        ({"hedged": True}, ["a3"]),
        ({"hedged": False}, ["a1", "a2"]),
    ],
)
def test_store_event_filters(store, filters, expected):
    store.add(make_record("a1"))
    store.add(make_record("a2", published="2024-03-13", claimant=ELYSEE))
    store.add(make_record("a3", published="2024-03-14", hedged=True))
    found = [e["article_id"] for e in store.events(**filters)]
    assert found == expected
    assert store.count_events(**filters) == len(expected)


def test_store_pagination_and_timeline(store):
    for i in range(5):
        store.add(make_record(f"p{i}", published=f"2024-03-1{i}"))
    page1 = store.events(limit=2)
    page2 = store.events(limit=2, offset=2)
    assert [e["article_id"] for e in page1 + page2] == ["p0", "p1", "p2", "p3"]
    timeline = store.timeline("Ukraine")
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    assert len(timeline) == 5
    actors = store.actors(q="russ")
    assert actors[0]["id"] == "country:RUS" and actors[0]["n_mentions"] == 5


def test_store_event_date_prefers_resolved_date(store):
    store.add(make_record("d1", published="2024-03-20", date="2024-03-18"))
    (event,) = store.events()
    assert event["date"] == "2024-03-18" and event["published"] == "2024-03-20"


def test_search_key_folds_case_and_accents():
    assert search_key("  L'Élysée ") == "l'elysee"


@pytest.mark.parametrize(
    ("query", "found"),
    [("Russie", ["country:RUS"]), ("russ", ["country:RUS"]), ("rus", ["country:RUS"]),
     ("Biélorussie", ["country:BLR"]), ("ussie", []), ("elysee", ["org:elysee"]),
     ("50%", []), ("country_", [])],
)
def test_store_actor_search_is_word_prefix(store, query, found):
    record = make_record("w1").model_copy(update={"actors": [
        actor(RUS), actor(dict(id="country:BLR", name="Biélorussie", country="BLR")),
        actor(ELYSEE),
    ]})
    store.add(record)
    assert [a["id"] for a in store.actors(q=query)] == found


def fp(seed: int, n: int = 64) -> list[int]:
    return [(seed * 7919 + i * 104729) % 2**32 for i in range(n)]


def test_store_stories_first_source_is_earliest(store):
    same = fp(1)
    store.add(make_record("late", published="2024-03-15", fingerprint=same))
    store.add(make_record("early", published="2024-03-11", fingerprint=same))
    store.add(make_record("other", published="2024-03-12", fingerprint=fp(2)))
    store.add(make_record("nofp", errors=["vide"], events=False))

    def stub(items):  # the contract of selon.quality.duplicates.cluster
        return {aid: tuple(f) for aid, f, _ in items}

    assert recompute(store, cluster=stub) == 2
    stories = store.stories()
    assert stories[0]["n_articles"] == 2 and stories[0]["first_article_id"] == "early"
    members = {a["id"]: a["first_source"] for a in stories[0]["articles"]}
    assert members == {"early": True, "late": False}
    assert store.stories(min_articles=2)[0]["id"] == "early"


def test_store_recompute_is_repeatable(store):
    store.add(make_record("r1", fingerprint=fp(3)))
    recompute(store)
    first = {t: store.table_rows(t) for t in ("stories", "clusters", "corpus_events")}
    recompute(store)
    assert first == {t: store.table_rows(t) for t in ("stories", "clusters", "corpus_events")}


def test_corpus_event_groups_claims_and_flags_denial(store):
    store.add(make_record("c1", published="2024-03-12", claimant=ELYSEE))
    store.add(make_record("c2", published="2024-03-13"))
    store.add(make_record("c3", published="2024-03-14", status="negated"))
    store.add(make_record("c4", published="2024-04-30"))  # outside the window
    recompute(store)
    events = store.corpus_events()
    assert [e["n_claims"] for e in events] == [3, 1]
    assert events[0]["contradiction"] and "denial" in events[0]["reason"]
    assert {c["article_id"] for c in events[0]["claims"]} == {"c1", "c2", "c3"}
    assert store.events(article_id="c1")[0]["corpus_event_id"] == events[0]["id"]


@pytest.mark.parametrize(
    ("text_a", "text_b", "flagged"),
    [
        ("La Russie a bombardé l'Ukraine, faisant 12 morts.",
         "La Russie a bombardé l'Ukraine, faisant 15 morts.", True),
        ("La Russie a bombardé l'Ukraine, faisant 12 morts.",
         "La Russie a bombardé l'Ukraine, faisant 12 morts et 30 blessés.", False),
        ("La Russie a bombardé l'Ukraine en 2024, faisant 1 500 victimes.",
         "La Russie a bombardé l'Ukraine en 2023, faisant 1500 victimes.", False),
    ],
)
def test_corpus_event_flags_different_figures(store, text_a, text_b, flagged):
    store.add(make_record("f1", text_a))
    store.add(make_record("f2", text_b, published="2024-03-13"))
    recompute(store)
    (event,) = store.corpus_events()
    assert event["n_claims"] == 2
    assert event["contradiction"] is flagged


def test_corpus_events_without_actors_stay_alone():
    rows = [
        {"id": f"x:{i}", "article_id": f"x{i}", "type": "PROTEST", "status": "occurred",
         "source_id": None, "source_country": None, "target_id": None,
         "target_country": None, "date": "2024-01-01", "figures": "[]"}
        for i in range(2)
    ]
    events, claims = compute_corpus_events(rows, window=3)
    assert len(events) == 2 and len(claims) == 2


def test_store_records_never_stops_on_a_refused_record(store):
    from selon.store.ingest import IngestSummary, store_records

    summary = IngestSummary()
    nul = make_record("nul").model_copy(update={"title": "Titre\x00"})
    store_records([nul, make_record("next")], store, summary)
    assert summary.added == 2
    (row,) = [a for a in store.articles() if a["id"] == "nul"]
    if store.engine.dialect.name == "postgresql":  # NUL in text: refused, stored as an error
        assert not row["ok"] and "refused" in store.errors()[0]["message"]
    else:
        assert row["ok"]


def test_corpus_event_two_claimants_of_one_article_can_disagree():
    base = {"article_id": "a", "type": "ASSAULT", "status": "occurred",
            "source_id": "country:RUS", "source_country": "RUS", "target_id": "country:UKR",
            "target_country": "UKR", "date": "2024-03-12"}
    rows = [
        {**base, "id": "a:0", "claimant_id": "country:UKR", "figures": '["12"]'},
        {**base, "id": "a:1", "claimant_id": "country:RUS", "figures": '["3"]'},
    ]
    (event,), _claims = compute_corpus_events(rows, window=3)
    assert event["contradiction"] and "12" in event["reason"] and "3" in event["reason"]
