"""Finds the phrases of a word list in a clause, minus the phrases listed as exceptions.

Word lists are data (``patterns/NAME.txt``); a user's config may extend any of them. An
exception list names longer phrases in which a listed word is not meant in the listed
sense ("may not" is a prohibition, not the hedge "may"; "regular education" is a setting,
not the vague "regular").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from agreement_check.patterns import load_words

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'(]?[A-Z])|\n+")
# Where a sentence, list item or table cell opens: a capital there is no sign of a name.
_OPENING = re.compile(r"(?:^|[.!?:;|)\n])[\s\"'(]*$")


@cache
def _compile(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    parts = (r"\s+".join(map(re.escape, t.split())) for t in sorted(terms, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern else []


@dataclass(frozen=True, slots=True)
class PhraseFinder:
    terms: re.Pattern[str] | None
    exceptions: re.Pattern[str] | None

    @classmethod
    def load(
        cls, name: str, exceptions: str | None, extra: Mapping[str, Sequence[str]]
    ) -> PhraseFinder:
        def words(n: str) -> tuple[str, ...]:
            return tuple(load_words(n, tuple(extra.get(n, ()))))

        return cls(_compile(words(name)), _compile(words(exceptions)) if exceptions else None)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of listed phrases in ``text`` that no exception phrase covers."""
        excluded = _spans(self.exceptions, text)
        return [
            (s, e)
            for s, e in _spans(self.terms, text)
            if not any(xs <= s and e <= xe for xs, xe in excluded) and not _is_name(text, s, e)
        ]


def _is_name(text: str, start: int, end: int) -> bool:
    """A single capitalised word inside a sentence is a name: “May” the month is not “may”."""
    word = text[start:end]
    if not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    return not _OPENING.search(text[:start])


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of ``text``: enough to keep a phrase with its own verb."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
