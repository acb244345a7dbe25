"""List labels, nesting levels and headings, read from text alone.

The same rules apply to every format (TXT lines, PDF lines, DOCX paragraphs without Word
numbering), so a clause gets the same label, level and block kind whatever it came in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_UPPER_ROMAN = _ROMAN.upper()

#: A list label at the start of a line, as the reader sees it, followed by white space.
LABEL_RE = re.compile(
    rf"""^(?P<label>
        \d{{1,3}}(?:\.\d{{1,3}})+\.?             # 1.1  1.1.2  1.1.
      | [A-Z]\.\d{{1,3}}(?:\.\d{{1,3}})*\.?      # A.1  A.1.2
      | \(\d{{1,3}}\) | \d{{1,3}}[.)]            # (1)  1.  1)
      | \({_ROMAN}\) | {_ROMAN}[.)]            # (iv) iv. iv)
      | \({_UPPER_ROMAN}\) | {_UPPER_ROMAN}[.)]  # (IV) IV. IV)
      | \((?:[a-z]{{1,2}}|[A-Z])\) | [a-zA-Z][.)] # (a) (aa) (A) a. a) A. A)
      | [-•*–▪◦·]                            # bullets
    )(?:\s+|$)""",
    re.VERBOSE,
)

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def split_label(line: str) -> str | None:
    """The list label that starts ``line`` ("1.", "(a)", "A.1", "•"), or None."""
    m = LABEL_RE.match(line)
    return None if m is None else m.group("label")


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral (``"iv"`` -> 4); 0 when it is not one."""
    total, prev = 0, 0
    for ch in reversed(numeral.lower()):
        v = _ROMAN_VALUES.get(ch, 0)
        if v == 0:
            return 0
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


@dataclass(frozen=True, slots=True)
class LabelShape:
    """A label split into its numbering format, its template and its counter values.

    ``fmt`` is a Word ``numFmt`` name (decimal, lowerLetter, upperLetter, lowerRoman,
    upperRoman, bullet); ``template`` is the label with each number replaced by
    ``{0}``, ``{1}`` ... (outermost first); ``values`` are the counter values.
    ``"1.2"`` -> decimal, ``"{0}.{1}"``, (1, 2); ``"(b)"`` -> lowerLetter, ``"({0})"``, (2,).
    """

    fmt: str
    template: str
    values: tuple[int, ...]
    formats: tuple[str, ...]


_TOKEN = re.compile(r"\d+|[A-Za-z]+")


def label_shape(label: str, previous: LabelShape | None = None) -> LabelShape:
    """Parse a label; ``previous`` (the item before at the same depth) settles whether
    "i." is a letter (after "h.") or a Roman numeral."""
    if not _TOKEN.search(label):
        return LabelShape("bullet", label, (), ("bullet",))
    tokens = _TOKEN.findall(label)
    formats: list[str] = []
    values: list[int] = []
    for tok in tokens:
        fmt, value = _token_format(tok, previous)
        formats.append(fmt)
        values.append(value)
    pieces = _TOKEN.split(label)
    template = "".join(
        p.replace("{", "{{").replace("}", "}}") + (f"{{{i}}}" if i < len(tokens) else "")
        for i, p in enumerate(pieces)
    )
    return LabelShape(formats[-1], template, tuple(values), tuple(formats))


def _token_format(tok: str, previous: LabelShape | None) -> tuple[str, int]:
    if tok.isdigit():
        return "decimal", int(tok)
    lower = tok.islower()
    roman = roman_value(tok)
    letter_next = (
        previous is not None
        and previous.fmt.endswith("Letter")
        and len(tok) == 1
        and previous.values
        and previous.values[-1] + 1 == ord(tok.lower()) - ord("a") + 1
    )
    lone_letter = len(tok) == 1 and tok.lower() not in "ivx"  # "c." is a letter, not 100
    if roman and not letter_next and not lone_letter:
        return ("lowerRoman" if lower else "upperRoman"), roman
    value = ord(tok[0].lower()) - ord("a") + 1 + 26 * (len(tok) - 1)
    return ("lowerLetter" if lower else "upperLetter"), value


@dataclass(slots=True)
class LevelTracker:
    """Assigns nesting levels to labels in reading order, as an outline does: the first
    label style seen is level 0; a new style nests one level deeper; a style seen before
    returns to its level. A style is the label's template and number formats."""

    stack: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    last: dict[tuple[str, tuple[str, ...]], LabelShape] = field(default_factory=dict)

    def level(self, label: str) -> tuple[int, LabelShape]:
        shape = self._shape(label)
        key = (shape.template, shape.formats)
        if key in self.stack:
            del self.stack[self.stack.index(key) + 1 :]
        else:
            self.stack.append(key)
        self.last[key] = shape
        return len(self.stack) - 1, shape

    def continues(self, label: str, pending: str | None = None) -> bool:
        """Whether ``label`` could be the next item: a bullet, a first item, or one
        after the last label seen of its style ("(c)" after "(b)"); ``pending`` is the
        label of an item still being read, the latest of all."""
        shape = self._shape(label)
        if not shape.values or shape.values[-1] == 1:
            return True
        key = (shape.template, shape.formats)
        prev = self.last.get(key)
        if pending is not None:
            latest = self._shape(pending)
            if (latest.template, latest.formats) == key:
                prev = latest
        return prev is not None and prev.values[-1] + 1 == shape.values[-1]

    def _shape(self, label: str) -> LabelShape:
        """Parse ``label``, reading "i."/"v."/"x." as the next letter when the innermost
        open letter list expects exactly that letter."""
        guess = label_shape(label)
        if guess.fmt.endswith("Roman"):
            for key in reversed(self.stack):
                prev = self.last.get(key)
                if prev and prev.fmt.endswith("Letter") and key[0] == guess.template:
                    alt = label_shape(label, prev)
                    if alt.fmt.endswith("Letter"):
                        return alt
        return guess

    def reset(self) -> None:
        """Forget open lists (at a heading or a table, where numbering context breaks)."""
        self.stack.clear()
        self.last.clear()


_SENTENCE_END = re.compile(r"[.;:,!?]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&/-]*")
_MINOR = frozenset("a an and as at by for from in of on or the to with".split())


def looks_like_heading(text: str) -> bool:
    """A short one-line title: no closing punctuation, at most ten words, all capitals
    or every major word capitalised ("SERVICES", "Section 2. Compensatory Education").
    Signature lines ("Parent: ____") and lines with a date or number after the first two
    words ("Date of Agreement: March 4, 2025") are not titles."""
    tokens = text.split()
    words = _WORD.findall(text)
    if not words or len(tokens) > 10 or _SENTENCE_END.search(text) or "__" in text:
        return False
    if any(ch.isdigit() for tok in tokens[2:] for ch in tok):
        return False
    if text.upper() == text:
        return True
    return all(w[0].isupper() for w in words if w.lower() not in _MINOR) and words[0][0].isupper()
