"""End to end in headless Chromium: explorer → filter → article highlights, safely.

Uses Debian's ``chromium`` driven by the ``playwright`` Python package (never
``playwright install``: nothing is downloaded), with flags that keep the browser
off the network, and a route that refuses any request not to the local server.
Screenshots of each page go to ``tests/_artifacts/screenshots/``.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from selon.web import create_app
from selon.web.sample import build_sample_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                               "(pip install playwright; never `playwright install`)")
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

pytestmark = pytest.mark.slow

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-pings",
        "--disable-domain-reliability", "--metrics-recording-only"]
SHOTS = Path(__file__).parent / "_artifacts" / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    import uvicorn

    db = build_sample_db(str(tmp_path_factory.mktemp("web-e2e") / "sample.db"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, nlp=nlp), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    pg.route("**/*", only_local)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.problems, pg.outside = problems, outside
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield pg
    context.close()
    assert not outside, f"requests left the machine: {outside}"


def goto(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]")
    assert page.get_attribute("body", "data-ready") == "true", page.inner_text("main")


def test_web_browser_explore_filter_open_article(page, server):
    goto(page, server + "/")
    assert page.locator("[data-testid=event-row]").count() == 11
    assert page.locator("[data-testid=timeline] rect.bar").count() > 0
    assert page.locator("[data-testid=network] circle.node").count() >= 6
    page.screenshot(path=SHOTS / "explorer.png", full_page=True)

    page.select_option("#f-type", "ASSAULT")
    page.fill("#f-actor", "Russie")
    page.click("[data-testid=apply]")
    sync_api.expect(page.locator("[data-testid=event-row]")).to_have_count(3)
    chips = page.locator("[data-testid=event-row] .chip").all_inner_texts()
    assert chips == ["ASSAULT"] * 3
    assert "type=ASSAULT" in page.url

    page.locator("[data-testid=article-link]", has_text="Frappes sur Kharkiv").first.click()
    page.wait_for_selector("[data-testid=article-text]")
    page.wait_for_selector("body[data-ready]")
    text = page.locator("[data-testid=article-text]")
    # the trigger is highlighted in place, coloured by its type
    trigger = text.locator(".hl-event.t-ASSAULT", has_text="bombardé")
    assert trigger.count() == 1
    # nested spans: the trigger sits inside the "selon" claim frame
    assert "hl-claim" in trigger.get_attribute("class")
    assert "event:0" in trigger.get_attribute("data-refs")
    assert "claim:0" in trigger.get_attribute("data-refs")
    assert text.locator(".hl-quote").count() >= 1
    assert text.locator(".hl-event.t-ACCUSE").inner_text() == "condamné"
    dropped = text.locator(".hl-dropped").all_inner_texts()
    assert any("Partagez" in d for d in dropped)
    # the page shows exactly the record's text, in order
    assert text.inner_text().startswith("Frappes sur Kharkiv")
    trigger.hover()
    tip = page.locator("#tooltip")
    tip.wait_for(state="visible")
    assert "ASSAULT" in tip.inner_text() and "armée ukrainienne" in tip.inner_text()
    page.screenshot(path=SHOTS / "article.png", full_page=True)
    assert page.locator("[data-testid=signals] .evidence").count() == 2
    assert not page.problems


def test_web_browser_hostile_article_never_runs(page, server):
    goto(page, server + "/articles/a3-hostile")
    title = page.inner_text("[data-testid=article-title]")
    assert title.startswith("<script>")
    body = page.inner_text("[data-testid=article-text]")
    assert "<script>window.__pwned" in body and "onerror=" in body and "javascript:" in body
    page.locator("[data-testid=article-text] .hl-evidence").first.hover()
    page.mouse.move(5, 5)
    assert page.evaluate("window.__pwned") is None
    # no element came from the article's markup
    assert page.locator("main script, main img, main iframe").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("document.scripts.length") == 1
    assert not page.problems
    page.screenshot(path=SHOTS / "hostile.png", full_page=True)


def test_web_browser_story_view(page, server):
    goto(page, server + "/stories")
    page.screenshot(path=SHOTS / "stories.png", full_page=True)
    page.locator("[data-testid=story-row] a").first.click()
    page.wait_for_selector("[data-testid=claim-card]")
    cards = page.locator("[data-testid=claim-card]")
    assert cards.count() == 3
    assert page.locator(".claim-card.denies").count() == 1
    assert "Kremlin" in page.locator(".claim-card.denies").inner_text()
    assert page.locator("[data-testid=contradiction]").is_visible()
    page.screenshot(path=SHOTS / "story.png", full_page=True)
    # from an article, an event links to the other claims about it
    goto(page, server + "/articles/a2-kharkiv")
    page.locator("[data-testid=story-link]").first.click()
    sync_api.expect(page.locator("[data-testid=claim-card]")).to_have_count(3)
    assert not page.problems


def test_web_browser_paste_box(page, server):
    goto(page, server + "/paste")
    page.fill("textarea[name=body]",
              "Selon le ministère, la France a livré mardi de l'aide humanitaire au Liban. "
              "<img src=x onerror=\"window.__pwned=1\">")
    page.fill("input[name=published]", "2024-06-04")
    page.click("[data-testid=paste-submit]")
    page.wait_for_selector("[data-testid=paste-result] [data-testid=article-text]",
                           timeout=60_000)
    text = page.inner_text("[data-testid=paste-result] [data-testid=article-text]")
    assert "aide humanitaire" in text and "onerror" in text
    assert page.evaluate("window.__pwned") is None
    assert not page.problems
    page.screenshot(path=SHOTS / "paste.png", full_page=True)


def test_web_browser_api_page(page, server):
    goto(page, server + "/api")
    assert "/api/extract" in page.inner_text("main")
    page.screenshot(path=SHOTS / "api.png", full_page=True)
