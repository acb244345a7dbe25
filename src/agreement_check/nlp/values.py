"""Normalised values of matched spans: numbers, frequencies, lengths, amounts, relative times.

The matchers decide *where* a frequency or a deadline is; these functions only read the
short span they found, so the regular expressions here never scan a whole document.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..patterns import load_words

_UNITS = {
    "zero": 0, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "half": 0.5,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ADVERBS = {"once": 1, "twice": 2, "thrice": 3}
_NUMBER_WORD = "|".join(  # longest first, so "eighteen" is not read as "eight"
    w for w in sorted([*_TENS, *_UNITS, "hundred", "thousand"], key=len, reverse=True) if w != "half"
)
# A run of number words; "and" only after a hundred or thousand ("one hundred and twenty").
_SPELLED = re.compile(
    rf"(?:{_NUMBER_WORD})\b(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD})\b)*", re.I
)
_NUMBER = re.compile(
    r"\$?\d[\d,]*(?:\.\d+)?|\b(?:%s)(?:[\s-]+(?:%s))?\b|\b(?:%s)\b|\b(?:%s)\b"
    % ("|".join(_TENS), "|".join(_UNITS), "|".join(_UNITS), "|".join(_ADVERBS)),
    re.I,
)
_PERIODS = (
    ("week", re.compile(r"\b(?:school\s+)?(?:weeks?|wks?\.?|weekly)\b", re.I)),
    ("month", re.compile(r"\b(?:months?|mo\.?|monthly)\b", re.I)),
    ("day", re.compile(r"\b(?:days?|daily)\b", re.I)),
    ("year", re.compile(r"\b(?:years?|yearly|annually)\b", re.I)),
    ("semester", re.compile(r"\bsemesters?\b", re.I)),
    ("quarter", re.compile(r"\bquarters?\b", re.I)),
    ("session", re.compile(r"\bsessions?\b", re.I)),
    ("hour", re.compile(r"\b(?:hours?|hrs?\.?)\b", re.I)),
)
_EVERY_OTHER = re.compile(r"\b(bi-?\s?|every\s+other\s+|fortnight)(week|month)?", re.I)
_EVERY_N = re.compile(r"\bevery\s+([\w-]+)\s+(weeks|months|days)\b", re.I)
_SEMI = re.compile(r"\bsemi-?\s?(week|month)", re.I)
_TIMES_X = re.compile(r"\b(\d+)\s*x(?:\b|(?=\d))", re.I)
_SESSIONS_X = re.compile(r"\b\d+\s*x\s*(\d+)\b", re.I)
_HOURS = re.compile(r"\b(?:hours?|hrs?\.?)\b", re.I)
_MINUTES = re.compile(r"\b(?:minutes?|mins?\.?)\b", re.I)
_PER = re.compile(r"\b(?:per|a|an|each|every|/)\s*(?:school\s+)?(\w+)\s*$|(weekly|monthly|daily)\s*$", re.I)
_DAY_TYPES = ("school", "calendar", "business", "working", "instructional")


def number(text: str) -> float | None:
    """The first number in ``text``: "two (2)" -> 2, "twenty-four" -> 24, "$1,500" -> 1500."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    word = m.group(0).lower().replace("$", "").replace(",", "")
    if word[:1].isdigit():
        value = float(word)
    elif word in _ADVERBS:
        value = float(_ADVERBS[word])
    else:
        run = _SPELLED.match(text, m.start())
        value = _spelled(run.group(0)) if run else float(_UNITS.get(word, 0))  # "half"
    return int(value) if value == int(value) else value


def _spelled(words: str) -> float:
    """A number in words: "twenty-four" -> 24, "Three Thousand Five Hundred" -> 3500."""
    total = current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            current *= 100
        elif word == "thousand":
            total, current = total + current * 1000, 0.0
        else:
            current += _TENS.get(word, _UNITS.get(word, 0))
    return total + current


def last_number(text: str) -> float | None:
    """The last number in ``text``: the one nearest the unit after it ("two 30-minute")."""
    found = None
    for found in _NUMBER.finditer(text):
        pass
    return None if found is None else number(found.group(0))


def period(text: str) -> str | None:
    """The unit of time a span is counted in ("per week" -> "week")."""
    for name, pattern in _PERIODS:
        if pattern.search(text):
            return name
    return None


@cache
def _weekdays() -> re.Pattern[str]:
    """Any weekday of ``patterns/weekdays.txt``, also in the plural ("Mondays")."""
    names = sorted(load_words("weekdays"), key=len, reverse=True)
    return re.compile(rf"(?<![\w'’])(?:{'|'.join(map(re.escape, names))})(?:s\b|(?![\w'’]))", re.I)


def frequency(text: str) -> dict[str, Any]:
    """``{"times": 2, "per": "week"}``; "bi-weekly" is flagged ambiguous; "every Monday"
    and "on Mondays and Thursdays" count their weekdays (once each: "Mon" is "Monday")."""
    weekdays = {d[:3].lower() for d in _weekdays().findall(text)}
    if weekdays:
        return {"times": len(weekdays), "per": "week"}
    every = _EVERY_N.search(text)
    if every:  # "every two weeks"
        return {"times": 1, "per": f"{number(every.group(1))} {every.group(2).lower()}"}
    other = _EVERY_OTHER.search(text)
    if other:
        unit = (other.group(2) or "week").lower()
        value: dict[str, Any] = {"times": 1, "per": f"2 {unit}s"}
        if other.group(1).lower().startswith("bi"):
            value["ambiguous"] = True
        return value
    semi = _SEMI.search(text)
    if semi:
        return {"times": 2, "per": semi.group(1).lower()}
    x = _TIMES_X.search(text)
    times = int(x.group(1)) if x else number(text)
    tail = _PER.search(text)
    per = period(tail.group(0)) if tail else period(text)
    return {"times": 1 if times is None else times, "per": per}


def duration(text: str) -> dict[str, Any]:
    """``{"minutes": 30, "per": "session"}``; "120 minutes per month" -> per "month"."""
    low = text.lower()
    tail = _PER.search(text)
    per = (period(tail.group(0)) if tail else None) or "session"
    if re.search(r"\b(?:full|entire|whole)\b", low):
        return {"minutes": None, "per": per, "full_day": True}
    n = number(text)
    if "class period" in low:
        return {"minutes": None, "per": per, "class_periods": n}
    sessions = _SESSIONS_X.search(text)
    if sessions:  # "2x30 min": two sessions of 30 minutes
        n = int(sessions.group(1))
    else:
        units = [m.start() for m in (_HOURS.search(text), _MINUTES.search(text)) if m]
        n = last_number(text[: min(units)] if units else text)  # "two 30-minute" is 30
    if n is None and _HOURS.search(text):  # "hour-long"
        n = 1
    if n is None:
        return {"minutes": None, "per": per}
    minutes = n * 60 if _HOURS.search(text) and not _MINUTES.search(text) else n
    return {"minutes": int(minutes) if minutes == int(minutes) else minutes, "per": per}


def amount(text: str) -> dict[str, Any]:
    """``{"n": 30, "unit": "hours"}`` (or "sessions", "minutes", "usd")."""
    n = number(text)
    low = text.lower()
    if "$" in text or "dollar" in low:
        unit = "usd"
    elif "session" in low:
        unit = "sessions"
    elif _MINUTES.search(text):
        unit = "minutes"
    else:
        unit = "hours"
    return {"n": n, "unit": unit}


_ANCHOR = re.compile(
    r"^\s*(?:of|after|from|following|before|prior\s+to|upon)\s+(?P<anchor>.+?)"
    r"(?=\s*[,;:.()]|\s+(?:to|and|so|in\s+order|unless|if|at\s+which|for|with|which)\s|\s*$)",
    re.I,
)
_RELATION = re.compile(r"\b(after|following|from|before|prior)\s*$", re.I)


_FROM_NOW = re.compile(r"\b(?:next|following)\b", re.I)


def relative(text: str, after: str) -> dict[str, Any]:
    """A relative time such as "within 30 school days" plus the text ``after`` it:
    ``{"n": 30, "unit": "day", "day_type": "school", "anchor": "...", "relation": "within"}``.
    """
    low = text.lower()
    unit = period(text) or "day"
    day_type = next((t for t in _DAY_TYPES if re.search(rf"\b{t}\b", low)), None)
    rel = _RELATION.search(text)
    relation = "within"
    rest = after
    if rel:
        relation = "before" if rel.group(1).lower() in ("before", "prior") else "after"
        rest = rel.group(1) + " " + after
        if rel.group(1).lower() == "prior":
            rest = "prior " + after
    anchor = _ANCHOR.match(rest)
    counted = anchor.group("anchor").strip() if anchor else None
    if counted is None and _FROM_NOW.search(text):
        counted = "this agreement"  # "within the next twelve months": from now, the agreement
    return {
        "n": number(re.sub(r"^\s*(?:within|w\s*/\s*in)\s*(?:the\s+)?(?:next|following)?\s*", "", text, flags=re.I)),
        "unit": unit,
        "day_type": day_type,
        "anchor": counted,
        "relation": relation,
    }
