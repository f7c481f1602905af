"""The Analysis record, schema ``marsad.analysis/1``: what marsad says about one article.

Field names are a contract read by other tools; ``schemas/analysis-1.json`` is generated
from these models (``marsad schema``) and a test keeps the two identical. Offsets
(``start``/``end``) are character offsets into ``article.text``, end exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "marsad.analysis/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "MISC"]
PlaceFeature = Literal["country", "admin1", "admin2", "city", "locality", "poi", "region", "water"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
SourceType = Literal[
    "person", "organisation", "media", "official-body", "anonymous", "unnamed-group"
]
Stance = Literal["neutral", "endorsing", "distancing", "denying"]


class Record(BaseModel):
    """Base of every part of the record: unknown fields are errors, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class Mention(Record):
    start: int
    end: int
    text: str


class Article(Record):
    id: str = Field(description="URL-derived or text-derived stable identifier")
    title: str | None
    published: str | None = Field(description="YYYY-MM-DD or null")
    published_source: Literal["metadata", "dateline", "option"] | None
    source: str | None = Field(description="outlet name")
    url: str | None
    language: str = Field(description="ISO 639-1 code; 'und' when undetermined")
    text_sha256: str
    text: str = Field(description="the analysed text: every offset in the record points into it")
    metadata: dict = Field(default_factory=dict, description="input fields marsad does not use")


class Token(Record):
    start: int
    end: int
    text: str
    norm: str = Field(description="matching key (see marsad.text.normalize)")
    prefix: str = Field(description="proclitics, e.g. 'وال'")
    stem: str
    suffix: str = Field(description="pronoun enclitic, e.g. 'ه'")


class Sentence(Record):
    start: int
    end: int
    tokens: list[Token]


class Entity(Record):
    id: str
    type: EntityType
    name: str
    name_en: str | None
    kb_id: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-3")
    sector: str | None = Field(description="PLOVER sector code")
    roles: list[str]
    mentions: list[Mention]


class Place(Record):
    id: str
    name: str
    name_en: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: PlaceFeature | None
    geonames_id: int | None
    reason: str | None = Field(default=None, description="why this reading was chosen")
    mentions: list[Mention]


class Time(Record):
    text: str
    start: int
    end: int
    type: TimeType
    value: str = Field(description="TIMEX3 value: 2020-07-06, 2020-07, 2020-W27, P14M ...")
    approximate: bool


class EventActor(Record):
    entity: str | None
    text: str
    country: str | None
    sector: str | None


class Span(Record):
    start: int
    end: int


class Trigger(Record):
    start: int
    end: int
    text: str


class Event(Record):
    id: str
    type: str
    mode: str | None
    actor: list[EventActor]
    recipient: list[EventActor]
    place: str | None
    date: str | None
    date_precision: str | None
    trigger: Trigger
    sentence: Span
    negated: bool
    hypothetical: bool
    attribution: str | None
    intensity: float | None
    confidence: float


class Attribution(Record):
    id: str
    source_text: str
    source_entity: str | None
    source_type: SourceType
    verb: str
    stance: Stance
    content: Span
    events: list[str]


class LoadedTerm(Record):
    start: int
    end: int
    text: str
    category: str
    neutral: str | None


class ActorLabel(Record):
    actor: str
    labels: list[str]


class Framing(Record):
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    actor_labels: list[ActorLabel] = Field(default_factory=list)
    scores: dict[str, float | int | None] = Field(default_factory=dict)


class Analysis(Record):
    schema_: Literal["marsad.analysis/1"] = Field(SCHEMA_ID, alias="schema")
    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    places: list[Place]
    times: list[Time]
    events: list[Event]
    attributions: list[Attribution]
    framing: Framing
    warnings: list[str] = Field(description="what the reader should know about this analysis")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict:
    """The JSON Schema of the record, as published in ``schemas/analysis-1.json``."""
    schema = Analysis.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://marsad.invalid/schemas/analysis-1.json",
        "title": SCHEMA_ID,
        **{k: v for k, v in schema.items() if k != "title"},
    }
