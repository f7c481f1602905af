"""The date of an event: the time expression governing its clause, else the publication
date (``date_precision`` "publication" says so).

A verbal noun placed «بعد يوم من» / «قبل أسبوعين من» takes its date from the clause's
date moved by that much («استقبله ... بعد يوم من زيارة الأخير إلى قطر»: the visit was a
day before the reception). Works without the time stage: then every event gets the
publication date, or none.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from marsad.events.lexicon import lexicon
from marsad.events.triggers import Mention
from marsad.events.words import keys_of

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PRECISION = (
    (DAY, "day"),
    (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)


def _time_spans(doc: Doc) -> list[tuple[Span, object]]:
    """(span, Time record) of every DATE expression the time stage found."""
    if "times" not in doc.spans or not Span.has_extension("timex"):
        return []
    found = []
    for span in doc.spans["times"]:
        timex = span._.timex
        if timex is not None and timex.type == "DATE" and _precision(timex.value):
            found.append((span, timex))
    return found


def _precision(value: str) -> str | None:
    return next((name for pattern, name in PRECISION if pattern.match(value)), None)


def event_date(doc: Doc, m: Mention, clause_date: tuple[str, str] | None,
               by_clause: dict | None = None) -> tuple[str | None, str | None]:
    """(date, precision) of mention ``m``; ``clause_date`` is the date of the event
    governing it in the same sentence, used by «بعد يوم من» offsets. ``by_clause`` keeps
    each clause's time expression across the mentions of a document (they share it)."""
    shifted = _relative(doc, m, clause_date)
    if shifted:
        return shifted
    timex = _governing(doc, m, {} if by_clause is None else by_clause)
    if timex is not None and _precision(timex.value):
        precision = _precision(timex.value)
        return timex.value, ("approximate" if timex.approximate else precision)
    return _published(doc)


def _governing(doc: Doc, m: Mention, by_clause: dict):
    """The Time record dating the mention's clause: the time stage's ``governing_time``,
    else the nearest DATE expression of the clause, then of the sentence."""
    if "times" not in doc.spans:
        return None
    try:
        from marsad.time.component import governing_time
    except ImportError:  # an install without the time stage's helper
        governing_time = None
    if governing_time is not None:
        if m.clause not in by_clause:
            by_clause[m.clause] = governing_time(doc, doc[m.clause[0] : m.clause[1]])
        return by_clause[m.clause]
    head = m.light if m.light is not None else m.start
    times = _time_spans(doc)
    for lo, hi in (m.clause, (m.sent.start, m.sent.end)):
        near = [(abs(s.start - head), t) for s, t in times if lo <= s.start and s.end <= hi]
        if near:
            return min(near, key=lambda x: x[0])[1]
    return None


def _published(doc: Doc) -> tuple[str | None, str | None]:
    document = doc._.document
    published = getattr(document, "published", None)
    return (published.isoformat(), "publication") if published else (None, None)


def _relative(doc: Doc, m: Mention, clause_date) -> tuple[str, str] | None:
    """«بعد يوم من <noun>»: the noun's event is a day before its clause's date."""
    if m.reading.pos != "noun" or clause_date is None or not DAY.match(clause_date[0] or ""):
        return None
    words = keys_of(doc)[max(m.sent.start, m.start - 4) : m.start]
    if len(words) < 3 or words[-1] != "من":
        return None
    offsets = lexicon().relative_offsets
    unit = next((w for w in words[-3:-1] if w in offsets), None)
    direction = next((w for w in words[-4:-2] if w in ("بعد", "قبل")), None)
    if unit is None or direction is None:
        return None
    days = offsets[unit] if direction == "بعد" else -offsets[unit]
    date = dt.date.fromisoformat(clause_date[0]) - dt.timedelta(days=days)
    return date.isoformat(), clause_date[1]
