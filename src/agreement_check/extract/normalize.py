"""Text clean-up shared by every reader, so all formats yield the same analysable text."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """One source line as analysable text: NFKC (ligatures, no-break spaces), no soft
    hyphens or zero-width characters, runs of white space collapsed, ends stripped."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return _SPACES.sub(" ", text).strip()


def split_lines(text: str) -> list[str]:
    """Lines of a text with any line ending (\\r\\n, \\r, \\n)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def wrap_join(before: str, after: str) -> tuple[int, str]:
    """How to join two wrapped lines of one paragraph: (characters to drop from the end
    of ``before``, separator to insert).

    A lower-case word hyphenated across the break ("evalu-" + "ation") is rejoined
    without its hyphen; a hyphen between numbers or before a capital ("2024-" + "2025",
    "Non-" + "Public") is kept with no space; otherwise one space separates the lines.
    """
    if len(before) >= 2 and before[-1] == "-" and before[-2].isalnum() and after[:1].isalnum():
        if before[-2].isalpha() and after[0].islower():
            return 1, ""
        return 0, ""
    return 0, " "
