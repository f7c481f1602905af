"""Calendar arithmetic for normalisation, and TIMEX3 value strings."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from hijridate import Gregorian, Hijri

WEEK = dt.timedelta(days=7)


def add_days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def add_months(day: dt.date, n: int) -> dt.date:
    """``day`` moved by ``n`` months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday_near(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The day with ``weekday`` (Monday 0) closest to ``anchor`` in ``direction``:
    "past" the most recent, today included; "before" strictly before; "after" strictly
    after; "next" the coming one, today included."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    offsets = {"past": -back, "before": -(back or 7), "after": ahead or 7, "next": ahead}
    return add_days(anchor, offsets[direction])


def weekday_around(day: dt.date, weekday: int) -> dt.date:
    """The day with ``weekday`` within three days of ``day`` («اليوم الاثنين» trusts the
    weekday the text names over an anchor that may be a day off)."""
    offset = (weekday - day.weekday()) % 7
    return add_days(day, offset - 7 if offset > 3 else offset)


def nearest_year(anchor: dt.date, month: int, day: int = 15) -> int:
    """The year that puts (month, day) nearest the anchor, counting a future date as twice
    as far: news tells what happened, so «في يناير» in August is the January just past,
    while «في ديسمبر» in August is still this year's."""

    def distance(year: int) -> tuple[int, bool]:
        last = _calendar.monthrange(year, month)[1]
        days = (dt.date(year, month, min(day, last)) - anchor).days
        return (days * 2 if days > 0 else -days), year != anchor.year

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


def year_for_month(anchor: dt.date, month: int, modifier: str | None,
                   day: int | None = None) -> int:
    """The year of a month (and day) placed by «الماضي» (the last one before publication),
    «المقبل» (the next one after) or «الجاري» (this year), else the nearest. Without a
    day, «يوليو الماضي» in July is last year's July."""
    if modifier == "current":
        return anchor.year
    if modifier is None:
        return nearest_year(anchor, month, day or 15)
    point = (month, day) if day else (month,)
    now = (anchor.month, anchor.day) if day else (anchor.month,)
    if modifier == "past":
        return anchor.year if point < now else anchor.year - 1
    return anchor.year if point > now else anchor.year + 1


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    return Hijri(year, month, day).to_gregorian()


def hijri_year_of(day: dt.date) -> int:
    return Gregorian(day.year, day.month, day.day).to_hijri().year


def nearest_hijri_year(anchor: dt.date, month: int, day: int) -> int:
    this = hijri_year_of(anchor)
    return min(
        (this - 1, this, this + 1),
        key=lambda y: abs((hijri_to_gregorian(y, month, day) - anchor).days),
    )


def hijri_month_middle(year: int, month: int) -> dt.date:
    """The Gregorian day in the middle of a Hijri month: a Hijri month has no Gregorian
    value of its own, so it is given (approximately) as the month it mostly falls in."""
    return hijri_to_gregorian(year, month, 15)


def duration(count: int | str, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, P14M, P5Y, P2DE, P1CE, PT3H, PT30M; count X = unknown."""
    if unit == "H":
        return f"PT{count}H"
    if unit == "MIN":
        return f"PT{count}M"
    return f"P{count}{unit}"
