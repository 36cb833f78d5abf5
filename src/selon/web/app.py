"""The web explorer and JSON API: ``create_app(db)`` → a FastAPI app.

Why this shape: analysts look rather than read JSON, so one small app serves
both the pages (article view, corpus explorer, stories, paste box) and the JSON
API they are built on (``/api``, described by ``/api/openapi.json``). The pages
are one static HTML file and one script that draw everything from the API with
``textContent`` and ``createElement`` — article text is untrusted, and the
script never turns it into markup. A Content-Security-Policy that allows only
the app's own scripts is the second fence. Every asset is served by the app
(nothing from a CDN), and spaCy loads on the first extraction only, so the
explorer starts fast.
"""

# no `from __future__ import annotations`: FastAPI must resolve the local Annotated aliases

import json
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from selon.model import EVENT_TYPES, QUAD, Record
from selon.web import query

STATIC = Path(__file__).parent / "static"

#: requests with a larger body are refused with 413 (an article's HTML is rarely 1 MB)
MAX_REQUEST_BYTES = 2_000_000

#: the pages only load the app's own script and stylesheet; nothing inline runs
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

#: Host names a loopback server answers to
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]

PAGES = ("/", "/events", "/articles", "/articles/{article_id}", "/stories",
         "/stories/{story_id}", "/paste", "/api")


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with a JSON 413.

    Checks ``Content-Length`` first, and counts the bytes of chunked bodies, so a
    client cannot stream past the limit by leaving the header out.
    """

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await self._refuse(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return await self._refuse(scope, receive, send)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send) -> None:
        response = JSONResponse(
            {"status": 413, "message": f"request body is larger than the {self.limit:,}-byte "
                                       "limit (selon serve --max-request-bytes)"},
            status_code=413,
        )
        await response(scope, receive, send)


def _error(status: int, message: Any) -> JSONResponse:
    return JSONResponse({"status": status, "message": message}, status_code=status)


def create_app(
    db: str | None,
    *,
    nlp: Any = None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The explorer over the corpus database ``db`` (a SQLite path or a database URL).

    ``db=None`` serves the paste box and ``/api/extract`` only. ``nlp`` is a loaded
    spaCy pipeline to reuse (tests pass the session one); when ``None`` it is
    loaded on the first extraction. ``allowed_hosts`` restricts the ``Host``
    header (``selon serve`` on a loopback address allows only local names, so a
    web page cannot reach the API through DNS rebinding).
    """
    engine = query.engine_for(db) if db else None
    app = FastAPI(
        title="selon",
        description="French news coded into PLOVER events, each tied to who claims it. "
                    "Errors are JSON objects with a `message`.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI would load from a CDN; /api renders the spec itself
        redoc_url=None,
    )
    state: dict[str, Any] = {"nlp": nlp}
    #: one extraction at a time: spaCy pipelines are not documented as thread-safe,
    #: and a local analyst tool gains nothing from parsing two pastes at once
    lock = threading.Lock()

    def get_nlp():
        if state["nlp"] is None:
            from selon.parse import load_nlp

            state["nlp"] = load_nlp()
        return state["nlp"]

    def conn():
        if engine is None:
            raise HTTPException(503, "no corpus database: start with `selon serve --db PATH`")
        with engine.connect() as c:
            yield c

    Conn = Annotated[Any, Depends(conn)]

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        return _error(422, f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        return _error(500, f"internal error: {type(exc).__name__}: {exc}")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.add_middleware(BodyLimit, limit=max_request_bytes)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    # -- pages: one HTML shell; the script routes on the path ------------------
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # -- API ---------------------------------------------------------------
    def filters(
        actor: Annotated[str | None, Query(description="actor id, or part of a name")] = None,
        country: Annotated[str | None, Query(description="ISO 3166 alpha-3 of source or target")] = None,  # noqa: E501
        type: Annotated[str | None, Query(description="event type(s), comma-separated")] = None,
        since: Annotated[str | None, Query(description="first date, YYYY[-MM[-DD]]")] = None,
        until: Annotated[str | None, Query(description="last date, YYYY[-MM[-DD]]")] = None,
        claimant: Annotated[str | None, Query(description="claimant id, or part of a name")] = None,  # noqa: E501
        hedged: Annotated[bool | None, Query(description="only hedged (true) or plain (false)")] = None,  # noqa: E501
        status: Annotated[str | None, Query(pattern="^(occurred|planned|negated|hypothetical)$")] = None,  # noqa: E501
        article: Annotated[str | None, Query(description="article id")] = None,
        outlet: str | None = None,
    ) -> query.EventFilter:
        return query.EventFilter(actor=actor, country=country, type=type, since=since,
                                 until=until, claimant=claimant, hedged=hedged, status=status,
                                 article=article, outlet=outlet)

    Filters = Annotated[query.EventFilter, Depends(filters)]
    Page = Annotated[int, Query(ge=1, description="1-based page number")]
    PerPage = Annotated[int, Query(ge=1, le=500, description="items per page (max 500)")]

    @app.get("/api/meta", tags=["corpus"])
    def meta(c: Conn) -> dict[str, Any]:
        """Corpus size, date range, outlets, and the event types with their quad class."""
        out = query.stats(c)
        out["event_types"] = [{"type": x, "quad": QUAD[x]} for x in EVENT_TYPES]
        return out

    @app.get("/api/events", tags=["corpus"])
    def events(c: Conn, f: Filters, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
        """Events matching the filters, newest first, one page at a time."""
        return query.list_events(c, f, page, per_page)

    @app.get("/api/events/timeline", tags=["corpus"])
    def events_timeline(c: Conn, f: Filters) -> dict[str, Any]:
        """Counts of matching events per date and type."""
        return {"items": query.timeline(c, f), "filters": f.as_dict()}

    @app.get("/api/events/network", tags=["corpus"])
    def events_network(
        c: Conn, f: Filters, limit: Annotated[int, Query(ge=1, le=1000)] = 150
    ) -> dict[str, Any]:
        """Actor-to-actor edges (source → target) of matching events, with counts per type."""
        return query.network(c, f, limit)

    @app.get("/api/actors", tags=["corpus"])
    def actors(
        c: Conn, q: str | None = None, country: str | None = None, kind: str | None = None,
        page: Page = 1, per_page: PerPage = 50,
    ) -> dict[str, Any]:
        """Canonical actors with how many events they are source or target of."""
        return query.list_actors(c, q, country, kind, page, per_page)

    @app.get("/api/articles", tags=["corpus"])
    def articles(
        c: Conn, q: Annotated[str | None, Query(description="part of the title")] = None,
        outlet: str | None = None, since: str | None = None, until: str | None = None,
        page: Page = 1, per_page: PerPage = 50,
    ) -> dict[str, Any]:
        """Articles (metadata and counts; the full record is at /api/articles/{id})."""
        return query.list_articles(c, q, outlet, since, until, page, per_page)

    @app.get("/api/articles/{article_id}", tags=["corpus"], response_model=Record)
    def article(c: Conn, article_id: str) -> Any:
        """One article's full record, exactly as the pipeline produced it."""
        record = query.get_record(c, article_id)
        if record is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        # served as stored: a record written by an older selon must still open
        return JSONResponse(record)

    @app.get("/api/articles/{article_id}/stories", tags=["corpus"])
    def article_stories(c: Conn, article_id: str) -> dict[str, Any]:
        """For each event of the article (by position ``n``), the story it is a claim of."""
        if query.get_record(c, article_id) is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return {"items": query.article_stories(c, article_id)}

    @app.get("/api/stories", tags=["corpus"])
    def stories(
        c: Conn, type: str | None = None,
        contested: Annotated[bool | None, Query(description="only events some source denies")] = None,  # noqa: E501
        min_claims: Annotated[int, Query(ge=1)] = 2, page: Page = 1, per_page: PerPage = 20,
    ) -> dict[str, Any]:
        """Corpus events: the same event as told by several claims, contested first."""
        return query.list_stories(c, type, contested, min_claims, page, per_page)

    @app.get("/api/stories/{story_id}", tags=["corpus"])
    def story(c: Conn, story_id: str) -> dict[str, Any]:
        """One corpus event with its claims side by side: who asserts, hedges or denies it."""
        out = query.get_story(c, story_id)
        if out is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        return out

    @app.post(
        "/api/extract", tags=["extract"], response_model=Record,
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "text": {"type": "string", "description": "French text"},
                "html": {"type": "string", "description": "an article's HTML"},
                "published": {"type": "string", "description": "YYYY-MM-DD"},
                "url": {"type": "string"}, "title": {"type": "string"},
                "outlet": {"type": "string"}}}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        }}},
    )
    async def extract(request: Request) -> Any:
        """Code one article on the spot: POST JSON ``{text|html, published?}``, or the raw
        text (``text/plain``) or HTML (``text/html``). Returns the record."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = await request.body()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "the body is not UTF-8") from exc
        fields: dict[str, Any] = {}
        if kind == "application/json":
            try:
                data = json.loads(body)
            except ValueError as exc:
                raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise HTTPException(422, "send a JSON object with `text` or `html`")
            fields = {k: data[k] for k in ("published", "url", "title", "outlet")
                      if isinstance(data.get(k), str) and data[k]}
            html, text = data.get("html"), data.get("text")
        elif kind in ("text/html", "application/xhtml+xml"):
            html, text = body, None
        else:
            html, text = None, body
        if not (isinstance(html, str) and html.strip()) and not (
            isinstance(text, str) and text.strip()
        ):
            raise HTTPException(422, "nothing to code: send French text or HTML")
        return await run_in_threadpool(_code, html, text, fields, get_nlp, lock)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"],
                   include_in_schema=False)
    def api_not_found(rest: str) -> None:
        raise HTTPException(404, f"no API endpoint /api/{rest} (see /api/openapi.json)")

    return app


def _code(html: str | None, text: str | None, fields: dict[str, Any], get_nlp,
          lock: threading.Lock) -> Record:
    """Run the pipeline on pasted text or HTML (in a worker thread, one at a time)."""
    from selon.ingest import article_from_text
    from selon.ingest.html import article_from_html
    from selon.pipeline import extract

    published = fields.pop("published", None)
    try:
        if html and html.strip():
            article = article_from_html(html, "paste", published=published, **fields)
        else:
            article = article_from_text(text or "", published=published, source="paste", **fields)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    with lock:
        return extract(article, nlp=get_nlp())
