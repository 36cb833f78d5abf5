"""The JSON API of the web explorer, through FastAPI's in-process client."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.web import create_app
from selon.web.sample import HOSTILE, build_sample_db, sample_records

STATIC = Path(__file__).parents[1] / "src" / "selon" / "web" / "static"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    return build_sample_db(str(tmp_path_factory.mktemp("web") / "sample.db"))


@pytest.fixture(scope="module")
def client(sample_db):
    return TestClient(create_app(sample_db))


@pytest.fixture(scope="module")
def coder(sample_db, nlp):
    """A client whose extractions reuse the session's spaCy pipeline."""
    return TestClient(create_app(sample_db, nlp=nlp, max_request_bytes=50_000))


def test_web_events_are_paged(client):
    first = client.get("/api/events", params={"per_page": 4}).json()
    assert first["total"] == 11 and first["pages"] == 3 and first["next_page"] == 2
    last = client.get("/api/events", params={"per_page": 4, "page": 3}).json()
    assert len(last["items"]) == 3 and last["next_page"] is None
    ids = {e["id"] for e in first["items"]} | {e["id"] for e in last["items"]}
    assert len(ids) == 7


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, 3),
        ({"actor": "russie"}, 6),
        ({"actor": "etats-unis"}, 1),  # accents and case folded
        ({"actor": "country:MLI"}, 3),
        ({"country": "mli"}, 3),
        ({"since": "2024-03-12", "until": "2024-03-18"}, 4),
        ({"until": "2024-03"}, 11),
        ({"claimant": "Kremlin"}, 1),
        ({"hedged": "true"}, 2),
        ({"status": "negated"}, 1),
        ({"type": "ASSAULT", "claimant": "autorités"}, 1),
        ({"outlet": "Agence Exemple"}, 3),
    ],
)
def test_web_events_filters(client, params, expected):
    res = client.get("/api/events", params=params)
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["total"] == expected
    if "type" in params:
        assert {e["type"] for e in body["items"]} == {params["type"]}


def test_web_timeline_counts_match_events(client):
    items = client.get("/api/events/timeline", params={"actor": "russie"}).json()["items"]
    assert sum(x["n"] for x in items) == 6
    assert {"date": "2024-03-11", "type": "ASSAULT", "n": 2} in items


def test_web_network_edges(client):
    net = client.get("/api/events/network").json()
    edge = next(e for e in net["edges"]
                if (e["source"], e["target"]) == ("country:RUS", "country:UKR"))
    assert edge["types"] == {"ASSAULT": 3} and edge["type"] == "ASSAULT"
    names = {n["id"]: n["name"] for n in net["nodes"]}
    assert names["org:cedeao"] == "CEDEAO"


def test_web_actors_and_articles(client):
    actors = client.get("/api/actors", params={"q": "russ"}).json()
    assert actors["items"][0]["id"] == "country:RUS" and actors["items"][0]["n_events"] == 6
    arts = client.get("/api/articles", params={"per_page": 2}).json()
    assert arts["total"] == 4 and len(arts["items"]) == 2 and "record" not in arts["items"][0]


def test_web_article_record_round_trip(client):
    for record in sample_records():
        res = client.get(f"/api/articles/{record.id}")
        assert res.status_code == 200
        assert res.json() == record.model_dump(mode="json")


def test_web_story_puts_denial_beside_claims(client):
    stories = client.get("/api/stories").json()["items"]
    top = stories[0]
    assert top["type"] == "ASSAULT" and top["n_claims"] == 3 and top["contradiction"]
    story = client.get(f"/api/stories/{top['id']}").json()
    stances = {c["claimed_by"]["name"]: c["stance"] for c in story["claims"]}
    assert stances == {"armée ukrainienne": "asserts", "Kremlin": "denies",
                       "autorités locales": "asserts"}
    for c in story["claims"]:
        s = c["sentence"]
        assert c["trigger"]["text"] in s["text"]
        assert s["text"][c["trigger"]["start"] - s["start"]:][: len(c["trigger"]["text"])] == \
            c["trigger"]["text"]


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/api/articles/nope", 404, "no article"),
        ("/api/stories/nope", 404, "no story"),
        ("/api/nowhere", 404, "no API endpoint"),
        ("/api/events?per_page=0", 422, "per_page"),
        ("/api/events?hedged=peut-etre", 422, "hedged"),
    ],
)
def test_web_errors_are_json_with_a_message(client, path, status, fragment):
    res = client.get(path)
    assert res.status_code == status
    assert res.headers["content-type"].startswith("application/json")
    assert fragment in res.json()["message"]


def test_web_request_size_limit(coder):
    big = "Le président a parlé. " * 5000
    res = coder.post("/api/extract", content=big.encode(), headers={"content-type": "text/plain"})
    assert res.status_code == 413
    assert "limit" in res.json()["message"]

    def chunks():  # no Content-Length: the limit must still hold
        for _ in range(100):
            yield b"x" * 1000

    res = coder.post("/api/extract", content=chunks(), headers={"content-type": "text/plain"})
    assert res.status_code == 413


def test_web_extract_text_json_and_plain(coder):
    text = ("Le gouvernement malien a signé mardi un accord avec la CEDEAO, "
            "a annoncé le ministre des affaires étrangères.")
    res = coder.post("/api/extract", json={"text": text, "published": "2024-05-07"})
    assert res.status_code == 200, res.text
    record = res.json()
    assert record["text"] == text and record["published"] == "2024-05-07"
    assert record["sentences"]
    plain = coder.post("/api/extract", content=text.encode(),
                       headers={"content-type": "text/plain; charset=utf-8"}).json()
    assert plain["text"] == text


def test_web_extract_html(coder):
    body = ("Les ministres européens se sont réunis lundi à Bruxelles pour discuter de "
            "nouvelles sanctions. Ils ont annoncé un accord sur l'aide humanitaire.")
    html = (f"<html><head><title>Réunion à Bruxelles</title></head><body><nav>Accueil</nav>"
            f"<article><h1>Réunion à Bruxelles</h1><p>{body}</p><p>{body}</p></article>"
            "</body></html>")
    res = coder.post("/api/extract", content=html.encode(),
                     headers={"content-type": "text/html"})
    assert res.status_code == 200, res.text
    assert "Bruxelles" in res.json()["text"] and "<p>" not in res.json()["text"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": "   "}}, 422),
        ({"json": ["une liste"]}, 422),
        ({"content": b"{pas du json", "headers": {"content-type": "application/json"}}, 400),
        ({"content": b"\xff\xfe\x00", "headers": {"content-type": "text/plain"}}, 400),
        ({"json": {"html": "<html><body></body></html>"}}, 422),
    ],
)
def test_web_extract_bad_input(coder, kwargs, status):
    res = coder.post("/api/extract", **kwargs)
    assert res.status_code == status
    assert res.json()["message"]


def test_web_spacy_loads_lazily(sample_db):
    # a fresh interpreter: the explorer must serve without importing spaCy
    code = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from selon.web import create_app\n"
        f"c = TestClient(create_app({sample_db!r}))\n"
        "for p in ('/', '/api/meta', '/api/events', '/api/stories', '/api/articles/a1-kharkiv'):\n"
        "    assert c.get(p).status_code == 200, p\n"
        "assert 'spacy' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_web_openapi_and_pages(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/extract", "/api/events", "/api/actors", "/api/stories",
                 "/api/articles", "/api/articles/{article_id}"):
        assert path in spec["paths"]
    for path in ("/", "/articles/a1-kharkiv", "/stories", "/paste", "/api"):
        res = client.get(path)
        assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in res.headers["content-security-policy"]
    assert client.get("/docs").status_code == 404  # Swagger UI would come from a CDN


def test_web_assets_are_local_and_never_build_markup():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        # nothing loaded from another host
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path.name
        assert "@import" not in text and "url(http" not in text
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in script, sink


def test_web_hostile_record_is_served_verbatim(client):
    record = client.get("/api/articles/a3-hostile").json()
    for s in HOSTILE:
        assert s in record["text"]


def test_web_article_events_link_to_their_story(client):
    items = client.get("/api/articles/a1-kharkiv/stories").json()["items"]
    strike = next(x for x in items if x["n"] == 0)
    assert strike["n_claims"] == 3 and strike["n_articles"] == 2
    story = client.get(f"/api/stories/{strike['story_id']}").json()
    assert {c["article_id"] for c in story["claims"]} == {"a1-kharkiv", "a2-kharkiv"}
    assert client.get("/api/articles/nope/stories").status_code == 404


def test_web_serve_command(tmp_path):
    from typer.testing import CliRunner

    from selon.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["serve", "--help"], terminal_width=200)
    assert out.exit_code == 0 and "127.0.0.1" in out.output
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2


def test_web_loopback_server_refuses_foreign_host_names(sample_db):
    from selon.web.app import LOCAL_HOSTS

    local = TestClient(create_app(sample_db, allowed_hosts=LOCAL_HOSTS),
                       base_url="http://127.0.0.1:8000")
    assert local.get("/api/meta").status_code == 200
    rebound = local.get("/api/meta", headers={"host": "attacker.example"})
    assert rebound.status_code == 400


def test_web_story_claims_carry_their_figures(client):
    top = client.get("/api/stories").json()["items"][0]
    story = client.get(f"/api/stories/{top['id']}").json()
    figures = {c["article_id"]: c["figures"] for c in story["claims"] if c["figures"]}
    assert figures == {"a1-kharkiv": ["12"], "a2-kharkiv": ["15"]}
