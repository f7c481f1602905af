"""From a grammar match to a TIMEX3 type and value: one builder per kind of expression,
registered by the name patterns.yaml gives in ``build``.

A builder reads the match's named groups (canonical forms) and the publication date
(the anchor). Without an anchor, a value that needs one is written with TIMEX3's X
placeholders where TIMEX3 has them (a day without a year: XXXX-07-04; a weekday:
XXXX-WXX-1); otherwise the builder raises :class:`Unanchored` and the expression is left
out (the component says so in a document warning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import NamedTuple

from marsad.time import calendar as cal
from marsad.time.lexicon import ARTICLE, Lexicon


class Value(NamedTuple):
    type: str  # TIMEX3 type: DATE, TIME, DURATION, SET
    value: str
    approximate: bool = False


class Unanchored(Exception):
    """The expression needs a publication date to have a value, and there is none."""


@dataclass
class Context:
    groups: dict[str, str | None]  # named group -> canonical text it matched
    anchor: dt.date | None
    lex: Lexicon
    future: bool = False  # a future cue stands before the expression («سيزور الأحد»)

    def __post_init__(self) -> None:
        # The groups as attributes (``c.month``): a plain look-up, where falling back to
        # __getattr__ first raises and formats an AttributeError. Names the class has
        # keep their meaning (no group of the grammar has one: the check is all it costs).
        groups = self.groups
        if not _CONTEXT_NAMES.isdisjoint(groups):
            groups = {k: v for k, v in groups.items() if k not in _CONTEXT_NAMES}
        vars(self).update(groups)

    def __getattr__(self, name: str) -> str | None:  # a group the rule does not have
        return self.groups.get(name)

    def need_anchor(self) -> dt.date:
        if self.anchor is None:
            raise Unanchored
        return self.anchor

    def lookup(self, cls: str, form: str | None):
        return self.lex.value(cls, form)

    def modifier(self, form: str | None) -> str | None:
        """"past", "future" or "current" for a modifier word; «هذا» is current."""
        for kind in ("past", "future", "current", "this"):
            if form is not None and self.lookup(kind, form):
                return "current" if kind == "this" else kind
        return None

    def number(self, form: str | None) -> int | None:
        if form is None:
            return None
        if form.isdigit():
            return int(form)
        return self.lookup("number", form) or self.lookup("ordinal", form)


_CONTEXT_NAMES = frozenset(dir(Context)) | {f.name for f in fields(Context)}

BUILDERS: dict[str, Callable[[Context], Value | None]] = {}


def builder(func: Callable[[Context], Value | None]):
    BUILDERS[func.__name__.removeprefix("build_")] = func
    return func


# --- days -------------------------------------------------------------------------


def day_value(c: Context) -> str | None:
    """The day a day expression names, as YYYY-MM-DD (or with X placeholders). A written
    date wins over the weekday before it («يوم الخميس 22/9/1436ه»)."""
    if c.month is not None:
        return dmy_value(c)
    if c.y is not None or c.numeric is not None:
        return numeric_value(c)
    weekday = c.lookup("weekday", c.wd)
    if c.rel is not None:
        day = cal.add_days(c.need_anchor(), c.lookup("relday", c.rel))
        return (cal.weekday_around(day, weekday) if weekday is not None else day).isoformat()
    if weekday is None:
        return None
    if c.anchor is None:
        return f"XXXX-WXX-{weekday + 1}"
    direction = {"past": "before", "future": "after"}.get(
        c.modifier(c.wdmod), "next" if c.future else "past"
    )
    return cal.weekday_near(c.anchor, weekday, direction).isoformat()


def dmy_value(c: Context) -> str | None:
    day, month = c.number(c.day), c.lookup("month", c.month)
    year = _year_of(c, month, day)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_of(c: Context, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day): written, placed by a modifier, or the nearest."""
    if c.year is not None:
        return int(c.year)
    if c.ymod is not None:  # «يوليو من العام الماضي»
        offsets = {"past": -1, "current": 0, "future": 1}
        return c.need_anchor().year + offsets[c.modifier(c.ymod)]
    if c.anchor is None:
        return None
    return cal.year_for_month(c.anchor, month, c.modifier(c.mmod), day)


def _part_of_day(c: Context) -> str | None:
    return c.lookup("part_of_day", c.pod) or c.lookup("part_of_day_adverb", c.podadv)


@builder
def build_day(c: Context) -> Value | None:
    day = day_value(c)
    if day is None:
        return None
    part = _part_of_day(c)
    return Value("TIME", f"{day}T{part}") if part else Value("DATE", day)


@builder
def build_night(c: Context) -> Value:
    day = cal.add_days(c.need_anchor(), c.lookup("relnight", c.night))
    return Value("TIME", f"{day.isoformat()}TNI")


def numeric_value(c: Context) -> str | None:
    """«6/7/2020», «2020-07-06», «17 /10 /1436هـ»: a Hijri year (13xx-14xx) or هـ makes
    the date Hijri."""
    if c.numeric is not None:
        parts = [int(p) for p in c.numeric.replace(".", "/").split("/")]
        year, month, day = parts if parts[0] > 31 else parts[::-1]
    elif c.dm is not None:
        day, month = (int(p) for p in c.dm.split("/"))
        year = int(c.y)
    else:
        year, month, day = int(c.y), int(c.m), int(c.d)
    hijri = c.lookup("era_hijri", c.era) or 1300 <= year < 1500
    try:
        date = cal.hijri_to_gregorian(year, month, day) if hijri else dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None
    return date.isoformat()


@builder
def build_numeric_date(c: Context) -> Value | None:
    day = numeric_value(c)
    return Value("DATE", day) if day else None


@builder
def build_hijri_date(c: Context) -> Value | None:
    month = c.lookup("hijri_month", c.hmonth)
    try:
        if c.day is None:  # a month of a year: the Gregorian month it mostly falls in
            middle = cal.hijri_month_middle(int(c.hyear), month)
            return Value("DATE", cal.month_value(middle.year, middle.month), True)
        day = c.number(c.day)
        year = int(c.hyear) if c.hyear else cal.nearest_hijri_year(c.need_anchor(), month, day)
        return Value("DATE", cal.hijri_to_gregorian(year, month, day).isoformat())
    except (ValueError, OverflowError):
        return None


# --- months, years and longer -----------------------------------------------------


@builder
def build_month(c: Context) -> Value | None:
    month = c.lookup("month", c.month)
    year = _year_of(c, month)
    return Value("DATE", cal.month_value(year, month) if year else f"XXXX-{month:02d}")


@builder
def build_year(c: Context) -> Value:
    return Value("DATE", c.year)


@builder
def build_hijri_year(c: Context) -> Value | None:
    """A Hijri year straddles two Gregorian ones: the one holding its middle, approximate."""
    try:
        return Value("DATE", str(cal.hijri_month_middle(int(c.hyear), 6).year), True)
    except (ValueError, OverflowError):
        return None


_OFFSETS = {"past": -1, "current": 0, "future": 1, None: 0}


@builder
def build_calendar(c: Context) -> Value:
    anchor, unit = c.need_anchor(), c.lookup("calendar", c.cal)
    offset = _OFFSETS[c.modifier(c.this or c.mod)]
    if unit == "W":
        return Value("DATE", cal.iso_week(cal.add_days(anchor, 7 * offset)))
    if unit == "M":
        moved = cal.add_months(anchor, offset)
        return Value("DATE", cal.month_value(moved.year, moved.month))
    return Value("DATE", str(anchor.year + offset))


@builder
def build_quarter(c: Context) -> Value | None:
    letter, most = ("Q", 4) if c.part == "الربع" else ("H", 2)
    n = c.number(c.ordinal)
    if not n or n > most:
        return None
    year = int(c.year) if c.year else c.need_anchor().year + _OFFSETS[c.modifier(c.this or c.mod)]
    return Value("DATE", f"{year}-{letter}{n}")


def _century(c: Context) -> int | None:
    """The TIMEX3 century (19 for the twentieth) a phrase names, if it names one."""
    if c.cordinal is not None or c.cnum is not None:
        return c.number(c.cordinal or c.cnum) - 1
    if c.cmod is not None:
        return c.need_anchor().year // 100 + _OFFSETS[c.modifier(c.cmod)]
    return None


@builder
def build_decade(c: Context) -> Value:
    tens = c.lookup("decade", c.decade)
    century = _century(c)
    if century is None:  # the latest such decade that has begun by publication
        anchor = c.need_anchor()
        century = anchor.year // 100 - (anchor.year % 100 < tens * 10)
    return Value("DATE", f"{century}{tens}")


@builder
def build_century(c: Context) -> Value:
    return Value("DATE", f"{_century(c):02d}")


# --- counted units ----------------------------------------------------------------


def _unit(c: Context) -> tuple[str, int | None]:
    for number in ("singular", "dual", "plural"):
        if (found := c.lookup(f"unit_{number}", c.unit)) is not None:
            return found
    raise KeyError(c.unit)


def _count(c: Context) -> int | None:
    unit_count = _unit(c)[1]
    if c.num is not None and c.num not in ("واحد", "واحده"):
        return c.number(c.num.removeprefix(ARTICLE) if not c.num.isdigit() else c.num)
    return unit_count


@builder
def build_ago(c: Context) -> Value | None:
    """«قبل نحو أسبوعين»: the anchor moved back (قبل/منذ) or on (بعد); days, weeks and
    months give a day, years a year."""
    anchor, (unit, _), n = c.need_anchor(), _unit(c), _count(c)
    sign = 1 if c.dir == "بعد" else -1
    approximate = c.approx is not None
    if unit in ("D", "W"):
        days = n * (7 if unit == "W" else 1)
        return Value("DATE", cal.add_days(anchor, sign * days).isoformat(), approximate)
    if unit == "M":
        return Value("DATE", cal.add_months(anchor, sign * n).isoformat(), approximate)
    if unit in ("Y", "DE"):
        years = n * (10 if unit == "DE" else 1)
        return Value("DATE", str(anchor.year + sign * years), approximate)
    return None  # hours and minutes ago: finer than a publication date can anchor


@builder
def build_duration(c: Context) -> Value:
    return Value("DURATION", cal.duration(_count(c), _unit(c)[0]), c.approx is not None)


@builder
def build_recent(c: Context) -> Value:
    """«الأيام الماضية» (PXD), «العامين الماضيين» (P2Y), «الأشهر الثلاثة المقبلة» (P3M)."""
    count = _count(c)
    return Value("DURATION", cal.duration(count if count else "X", _unit(c)[0]))


@builder
def build_clock(c: Context) -> Value | None:
    hour, minute = _clock(c)
    part = _part_of_day(c)
    if part in ("AF", "EV") or (part == "NI" and 6 <= hour < 12) or (part == "MI" and hour < 6):
        hour += 12 if hour < 12 else 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    has_day = c.rel is not None or c.wd is not None
    day = day_value(c) if has_day else (c.anchor.isoformat() if c.anchor else "XXXX-XX-XX")
    return Value("TIME", f"{day}T{hour:02d}:{minute:02d}")


def _clock(c: Context) -> tuple[int, int]:
    if c.hm is not None:  # 22:00, or 0955 in wire copy
        digits = c.hm.replace(":", "")
        return int(digits[:-2]), int(digits[-2:])
    hour = int(c.hour) if c.hour.isdigit() else c.lookup("hour", c.hour)
    if c.quarter_to is not None:
        return hour - 1, 45
    minute = c.lookup("fraction", c.frac) or (int(c.minutes) if c.minutes else 0)
    return hour, minute


@builder
def build_set(c: Context) -> Value:
    if c.adverb is not None:
        return Value("SET", c.lookup("set_adverb", c.adverb))
    if c.wd is not None:  # «كل جمعة», «كل يوم جمعة»: weekly
        return Value("SET", "P1W")
    return Value("SET", cal.duration(_count(c), _unit(c)[0]))
