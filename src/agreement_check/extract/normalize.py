"""Text clean-up shared by every reader, so all formats yield the same analysable text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")
_BREAK = "\0"  # stands for a line-end hyphen while a document's words are counted
_TOKEN = re.compile(r"[\w\0-]+")
_HEAD = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?=-$)")
_TAIL = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def clean_line(text: str) -> str:
    """One source line as analysable text: NFKC (ligatures, no-break spaces), no soft
    hyphens or zero-width characters, runs of white space collapsed, ends stripped."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return _SPACES.sub(" ", text).strip()


def split_lines(text: str) -> list[str]:
    """Lines of a text with any line ending (\\r\\n, \\r, \\n)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def hyphen_break(before: str, after: str) -> bool:
    """Whether ``before`` ends with a hyphen that joins it to the word starting ``after``."""
    return len(before) >= 2 and before[-1] == "-" and before[-2].isalnum() and after[:1].isalnum()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of one document: the evidence for what a line-end hyphen is.

    The file cannot tell us: pdfium reports every hyphen that ends a line between a
    letter and a letter or digit as U+FFFE, whether the PDF drew a hyphen-minus (part of
    the word, "speech-language") or a soft hyphen (put in by line breaking, "evalu-ation"),
    and a typed text file has only the hyphen-minus. So the document decides: how it
    writes the word elsewhere; else whether both halves are its words (parts of its
    compounds count); else whether it hyphenates words at all (word processors do not by
    default, but do break lines after hyphens).
    """

    forms: Counter[str]  # lower-cased words as written, compounds whole ("speech-language")
    parts: frozenset[str]  # every word, and every part of a compound
    hyphenates: bool  # some line-end hyphen of the document surely came from line breaking

    @classmethod
    def of(cls, runs: Iterable[Sequence[str]]) -> Lexicon:
        """Count the words of a document given as runs of wrapped lines (a block's or
        a table cell's); words broken at a line-end hyphen are left out."""
        forms: Counter[str] = Counter()
        breaks: list[tuple[str, str]] = []
        for lines in runs:
            joined = []
            for i, line in enumerate(lines):
                broken = i + 1 < len(lines) and hyphen_break(line, lines[i + 1])
                if broken and (halves := _halves(line, lines[i + 1])):
                    breaks.append(halves)
                joined.append(line + (_BREAK if broken else " "))
            forms.update(t.strip("-").lower() for t in _TOKEN.findall("".join(joined)) if _BREAK not in t)
        del forms[""]
        lexicon = cls(forms, frozenset(p for form in forms for p in form.split("-") if p), False)
        return replace(lexicon, hyphenates=any(lexicon._syllable_break(h, t) for h, t in breaks))

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        """Whether ``head``-``tail``, broken after the hyphen, is written with it: as the
        document writes it elsewhere (the more frequent way); yes when the word holds
        another hyphen (line breaking splits such a word only there) or both halves are
        words ("follow-" "up"); otherwise only if the document does not hyphenate."""
        hyphenated, joined = self._written(head, tail)
        if hyphenated != joined:
            return hyphenated > joined
        if "-" in head or "-" in tail or (head.lower() in self.parts and tail.lower() in self.parts):
            return True
        return not self.hyphenates

    def _syllable_break(self, head: str, tail: str) -> bool:
        """Whether a line-end hyphen surely came from line breaking: the document writes
        the word whole more often than hyphenated, or neither half is one of its words."""
        hyphenated, joined = self._written(head, tail)
        return joined > hyphenated or not ({head.lower(), tail.lower()} & self.parts)

    def _written(self, head: str, tail: str) -> tuple[int, int]:
        """How often the document writes the word hyphenated, and whole."""
        return self.forms[f"{head}-{tail}".lower()], self.forms[(head + tail).lower()]


def _halves(before: str, after: str) -> tuple[str, str] | None:
    """The two halves of a word broken after a hyphen at the end of ``before``: the
    part before the hyphen ("one-to" of "one-to-") and the word starting ``after``."""
    head, tail = _HEAD.search(before), _TAIL.match(after)
    return None if head is None or tail is None else (head.group(), tail.group())


def wrap_join(before: str, after: str, lexicon: Lexicon) -> tuple[int, str]:
    """How to join two wrapped lines of one paragraph: (characters to drop from the end
    of ``before``, separator to insert).

    Across a line-end hyphen nothing is inserted; the hyphen stays between numbers, before
    a capital ("2024-" "2025", "Non-" "Public") and where ``lexicon`` says the word is
    hyphenated, and is dropped where line breaking put it ("evalu-" "ation"). Otherwise
    one space separates the lines.
    """
    if not hyphen_break(before, after):
        return 0, " "
    halves = _halves(before, after)
    if before[-2].isdigit() or not after[0].islower() or halves is None:
        return 0, ""
    return (0, "") if lexicon.keeps_hyphen(*halves) else (1, "")
