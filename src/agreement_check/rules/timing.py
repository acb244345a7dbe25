"""Turns the NLP stage's date values into calendar dates, and counts periods between dates.

Only arithmetic lives here: the values were parsed upstream. A relative date resolves only
when it is counted from the agreement itself (“within 30 days of execution”) and the
agreement is dated. Rules that estimate capacity ask for the generous reading: the earliest
plausible start and the latest plausible end.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta
from typing import Any

from agreement_check.rules.base import Context

# N school or business days span at least N * 7 / 5 calendar days, more over holidays and
# breaks; the generous (latest) reading allows twice as many calendar days.
_DAY_SPAN = {"school": 2.0, "business": 2.0, "calendar": 1.0, None: 1.0}
_UNIT_DAYS = {"day": 1, "week": 7}


def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _is_agreement(anchor: object, ctx: Context) -> bool:
    return isinstance(anchor, str) and bool(ctx.phrases("rules-agreement-anchors").find(anchor))


def resolve(value: Any, ctx: Context, *, latest: bool) -> date | None:
    """The calendar date a start/end/deadline value stands for, or None when unknown."""
    if not isinstance(value, dict):
        return None
    agreed = ctx.analysis.agreement_date
    if "date" in value:
        try:
            return date.fromisoformat(value["date"])
        except (TypeError, ValueError):
            return None
    years = value.get("school_year")
    if isinstance(years, list | tuple) and len(years) == 2 and all(isinstance(y, int) for y in years):
        return date(years[1], 6, 30) if latest else date(years[0], 7, 1)
    if "event" in value:
        return agreed if _is_agreement(value["event"], ctx) else None
    if "n" in value and _is_agreement(value.get("anchor"), ctx) and agreed is not None:
        return _offset(agreed, value, latest=latest)
    return None


def _offset(anchor: date, value: dict[str, Any], *, latest: bool) -> date | None:
    n, unit = value.get("n"), value.get("unit")
    if not isinstance(n, int | float):
        return None
    sign = -1 if value.get("relation") == "before" else 1
    if unit in ("month", "year"):
        return _add_months(anchor, sign * int(n) * (12 if unit == "year" else 1))
    if unit not in _UNIT_DAYS:
        return None
    days = n * _UNIT_DAYS[unit]
    if unit == "day":
        days *= _DAY_SPAN.get(value.get("day_type"), 1.0) if latest else 1.0
    return anchor + timedelta(days=sign * math.ceil(days))


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def periods(start: date, end: date, per: object) -> int | None:
    """How many calendar days, weeks, months or years the span ``[start, end]`` touches.

    ``per`` may be a multiple ("2 weeks"); None when it names no calendar period.
    """
    if per == "day":
        return (end - start).days + 1
    if per == "week":
        return (_monday(end) - _monday(start)).days // 7 + 1
    if per == "month":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    if per == "year":
        return end.year - start.year + 1
    count, _, unit = str(per).partition(" ")
    whole = periods(start, end, unit.rstrip("s")) if count.isdigit() and int(count) else None
    return None if whole is None else math.ceil(whole / int(count))
