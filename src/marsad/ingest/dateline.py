"""Publication dates from a dateline: «القاهرة في 6 يوليو 2020 (أ ف ب) -» or «(6/7/2020)».

Only the opening of the article is searched, and only a full day-month-year date counts:
a dateline states when the story was filed; a date further in is about something else.
"""

from __future__ import annotations

import datetime as dt

import regex

from marsad.text.normalize import normalize
from marsad.time.months import month_names

_OPENING = 160  # characters of the article searched for a dateline

_NUMERIC = regex.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_NAMED = regex.compile(r"(?<!\d)(\d{1,2})\s+(\p{L}+(?:\s\p{L}+)?)\s+(\d{4})(?!\d)")


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline in the opening of ``text`` (day first, as Arabic writes it)."""
    opening = normalize(text[:_OPENING]).text  # Eastern digits, hamzas folded
    if match := _NUMERIC.search(opening):
        day, month, year = (int(g) for g in match.groups())
        return _date(year, month, day)
    months = month_names()
    for match in _NAMED.finditer(opening):
        words = match.group(2)
        month = months.get(words) or months.get(words.split()[0])
        if month:
            return _date(int(match.group(3)), month, int(match.group(1)))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
