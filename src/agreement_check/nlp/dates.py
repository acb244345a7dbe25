"""Dates: parsing the spans the date patterns found, and the agreement's own date.

dateparser is called only on those spans, never to search the text, with English only,
month-day-year order and the agreement's date as the relative base, so a year-less
"March 1" means the next 1 March after the agreement and nothing depends on today.
Parses are cached, because the same dates recur across an archive of agreements.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import dateparser

_MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_ORDINAL_DAY = re.compile(
    r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+([A-Za-z]+\.?)\s*,?\s*(\d{4})$", re.I
)
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(\d{4}))?")
_DAY_MONTH = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s*,?\s*(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_MONTH_SLASH_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_YEARS = re.compile(r"(\d{4})\s*(?:[-–—/]|\band\b)\s*(\d{4}|\d{2})\b")
_SHORT_YEARS = re.compile(r"\bsy\.?\s*(\d{2})\s*[-–—/]\s*(\d{2})\b", re.I)  # "SY 24-25"
_YEAR = re.compile(r"\b(\d{4})\b")


@lru_cache(maxsize=4096)
def canonical(text: str) -> str:
    """The date written plainly for dateparser: "the 4th day of March, 2025" -> "March 4, 2025"."""
    text = " ".join(text.split())
    m = _ORDINAL_DAY.match(text)
    if m:
        return f"{m.group(2)} {m.group(1)}, {m.group(3)}"
    return text


@lru_cache(maxsize=4096)
def parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) as written, whether or not such a day exists."""
    text = canonical(text)
    m = _NUMERIC.match(text)
    if m:
        year = int(m.group(3))
        return (year + 2000 if year < 100 else year), int(m.group(1)), int(m.group(2))
    m = _MONTH_SLASH_DAY.match(text)
    if m:  # "by 2/14": a month and a day, or nothing ("24/7")
        month, day = int(m.group(1)), int(m.group(2))
        return (None, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    m = _DAY_MONTH.match(text)
    if m and m.group(2).lower().rstrip(".") in _MONTHS:
        return int(m.group(3)), _MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1))
    m = _MONTH_DAY.search(text)
    if m and m.group(1).lower() in _MONTHS:
        return (int(m.group(3)) if m.group(3) else None), _MONTHS[m.group(1).lower()], int(m.group(2))
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def impossible(text: str) -> bool:
    """True for a day that no calendar has ("February 30, 2025", "April 31")."""
    p = parts(text)
    if p is None:
        return False
    year, month, day = p
    if not 1 <= month <= 12:
        return True
    return not 1 <= day <= calendar.monthrange(year or 2024, month)[1]  # 2024: leap year


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None) -> date | None:
    settings: dict[str, Any] = {
        "DATE_ORDER": "MDY",
        "PREFER_DATES_FROM": "future",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def parse(text: str, base: date | None) -> date | None:
    """The date a DATE span names; a year-less date is the next one after ``base``
    (None when there is no base to count from). Dates whose parts are plain are built
    from them ("2/4/25" is 2025, where dateparser prefers the future and reads 2125)."""
    if impossible(text):
        return None
    p = parts(text)
    if p is None:
        return None if _MONTH_SLASH_DAY.match(text.strip()) else _dateparser(canonical(text), None)
    year, month, day = p
    if year is not None:
        return date(year, month, day)
    if base is None:
        return None
    if month == 2 and day == 29:
        return _dateparser(canonical(text), base)
    found = date(base.year, month, day)
    return found if found >= base else date(base.year + 1, month, day)


def month(text: str) -> tuple[int, int] | None:
    """(year, month) of "November 2024" or "Dec. 2024"."""
    m = re.match(r"^([A-Za-z]+)\.?\s*,?\s*(\d{4})$", text.strip())
    if m and m.group(1).lower() in _MONTHS:
        return int(m.group(2)), _MONTHS[m.group(1).lower()]
    return None


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


def month_value(text: str, last_day: bool) -> dict[str, Any] | None:
    """A month ("November 2024") or season ("fall of 2025") as its first or last day."""
    ym = month(text)
    if ym is None:
        year = _YEAR.search(text)
        name = text.split()[0].lower()
        if year is None or name not in _SEASONS:
            return None
        first, last = _SEASONS[name]
        y = int(year.group(1)) + (1 if last_day and last < first else 0)
        mon = last if last_day else first
        day = calendar.monthrange(y, mon)[1] if last_day else 1
        return {"season": name, "year": int(year.group(1)), "date": date(y, mon, day).isoformat()}
    year, mon = ym
    day = calendar.monthrange(year, mon)[1] if last_day else 1
    return {"month": f"{year:04d}-{mon:02d}", "date": date(year, mon, day).isoformat()}


def school_year(text: str) -> tuple[int, int] | None:
    """(2024, 2025) for "2024-2025", "2024-25", "SY 2024/25" or "SY 24-25"; kept as written, so a
    malformed "2024-2026" stays (2024, 2026)."""
    m = _YEARS.search(text) or _SHORT_YEARS.search(text)
    if m is None:
        return None
    first, second = int(m.group(1)), m.group(2)
    first += 2000 if first < 100 else 0
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return first, last
