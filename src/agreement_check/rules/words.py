"""Finds the phrases of a word list in a clause, minus the phrases listed as exceptions.

Word lists are data (``patterns/NAME.txt``); a user's config may extend any of them. An
exception list names longer phrases in which a listed word is not meant in the listed
sense ("may not" is a prohibition, not the hedge "may"; "regular education" is a setting,
not the vague "regular"). A hyphen matches a space, so "as needed" finds "as-needed" and
"good faith efforts" finds "good-faith efforts".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from agreement_check.nlp.lexicon import Terms, words

# Where a sentence, list item or table cell opens: a capital there is no sign of a name.
_OPENING = re.compile(r"(?:^|[.!?:;|)\n])[\s\"'(]*$")


def _unhyphenated(text: str) -> str:
    """The text with hyphens read as spaces; same length, so every offset holds."""
    return text.replace("-", " ")


def _terms(name: str, extra: Mapping[str, Sequence[str]]) -> Terms:
    return Terms(_unhyphenated(t) for t in words(name, extra))


def _spans(terms: Terms | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in terms.finditer(text, 0, len(text))] if terms else []


@dataclass(frozen=True, slots=True)
class PhraseFinder:
    terms: Terms
    exceptions: Terms | None

    @classmethod
    def load(cls, name: str, exceptions: str | None, extra: Mapping[str, Sequence[str]]) -> PhraseFinder:
        return cls(_terms(name, extra), _terms(exceptions, extra) if exceptions else None)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of listed phrases in ``text`` that no exception phrase covers."""
        plain = _unhyphenated(text)
        excluded = _spans(self.exceptions, plain)
        return [
            (s, e)
            for s, e in _spans(self.terms, plain)
            if not any(xs <= s and e <= xe for xs, xe in excluded) and not _is_name(text, s, e)
        ]


def _is_name(text: str, start: int, end: int) -> bool:
    """A single capitalised word inside a sentence is a name: “May” the month is not “may”."""
    word = text[start:end]
    if not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    return not _OPENING.search(text[:start])
