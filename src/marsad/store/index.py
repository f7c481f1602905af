"""From an Analysis record to what the store indexes: search stems, identity keys of
actors and places, and the dated, placed profile of each event.

Keys are how reports in different articles are recognised as the same actor or place:
a knowledge-base or GeoNames id when the pipeline linked one, else the stems of the name
(so «والقوات التركية» and «القوات التركية» agree).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from marsad.analysis import Analysis, Attribution, Entity, Event, EventActor, Place
from marsad.text.clitics import stems
from marsad.text.normalize import normalize_key

WORD = regex.compile(r"[\p{L}\p{N}]+")
# Places that are areas rather than points: distance says nothing about sameness.
AREA_FEATURES = frozenset({"country", "admin1", "admin2", "region", "water"})


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stem_key(text: str) -> str:
    """The stems of the words of a name or phrase: its clitic- and spelling-blind key."""
    return " ".join(stems(word)[0] for word in words(text))


def search_words(analysis: Analysis) -> list[str]:
    """The stem of every word of the article, in order: what search and MinHash see."""
    return [
        token.stem or normalize_key(token.text)
        for sentence in analysis.sentences
        for token in sentence.tokens
        if WORD.fullmatch(token.text)
    ]


def entity_key(entity: Entity) -> str:
    return f"kb:{entity.kb_id}" if entity.kb_id else f"name:{stem_key(entity.name)}"


def place_key(place: Place) -> str:
    if place.geonames_id is not None:
        return f"gn:{place.geonames_id}"
    return f"name:{stem_key(place.name)}"


def day_number(date: str | None) -> int | None:
    """Date ordinal of a full YYYY-MM-DD date; coarser dates (2020-07) give None."""
    if not date or len(date) != 10:
        return None
    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class ActorRef:
    key: str  # primary key: kb:… or name:…
    name: str
    kb_id: str | None
    country: str | None
    sector: str | None

    @property
    def keys(self) -> set[str]:
        """Every key that identifies the actor; country+sector says "Turkish military"."""
        found = {self.key}
        if self.country and self.sector:
            found.add(f"cs:{self.country}:{self.sector}")
        return found


@dataclass(frozen=True)
class PlaceRef:
    key: str
    name: str
    feature: str | None
    lat: float | None
    lon: float | None
    country: str | None


@dataclass
class EventProfile:
    """What fusion compares: one event of one article, resolved against its record."""

    event: Event
    polarity: str
    date: str | None
    day: int | None
    place: PlaceRef | None
    actors: list[ActorRef]
    recipients: list[ActorRef]
    attribution: Attribution | None
    trigger_key: str
    sentence: str
    stories: set[str] = field(default_factory=set)


def polarity(event: Event) -> str:
    if event.negated:
        return "negated"
    return "hypothetical" if event.hypothetical else "asserted"


def actor_ref(actor: EventActor, entities: dict[str, Entity]) -> ActorRef:
    entity = entities.get(actor.entity or "")
    if entity is None:
        return ActorRef(f"name:{stem_key(actor.text)}", actor.text, None, actor.country,
                        actor.sector)
    return ActorRef(entity_key(entity), entity.name, entity.kb_id,
                    actor.country or entity.country, actor.sector or entity.sector)


def place_ref(place: Place) -> PlaceRef:
    return PlaceRef(place_key(place), place.name, place.feature, place.lat, place.lon,
                    place.country)


def event_profiles(analysis: Analysis) -> list[EventProfile]:
    """Every event of the analysis, with its actors, place, date and attribution resolved.
    An event without a full date of its own is dated by the article's publication."""
    entities = {e.id: e for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    attributions = {a.id: a for a in analysis.attributions}
    for attribution in analysis.attributions:  # an attribution may list its events instead
        for event_id in attribution.events:
            attributions.setdefault(f"event:{event_id}", attribution)
    text = analysis.article.text
    profiles = []
    for event in analysis.events:
        date = event.date if day_number(event.date) else analysis.article.published
        place = places.get(event.place or "")
        attribution = attributions.get(event.attribution or "") or attributions.get(
            f"event:{event.id}"
        )
        profiles.append(EventProfile(
            event=event,
            polarity=polarity(event),
            date=date,
            day=day_number(date),
            place=place_ref(place) if place else None,
            actors=[actor_ref(a, entities) for a in event.actor],
            recipients=[actor_ref(a, entities) for a in event.recipient],
            attribution=attribution,
            trigger_key=stem_key(event.trigger.text),
            sentence=text[event.sentence.start : event.sentence.end],
        ))
    return profiles
