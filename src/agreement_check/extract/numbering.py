"""Word list numbering: the labels Word draws from numbering.xml, which python-docx omits.

A paragraph with ``<w:numPr>`` (numId, ilvl) shows a label built from its level's
``lvlText`` ("%1.", "(%2)", "%1.%2") with each ``%N`` replaced by level N's counter in
that level's ``numFmt``. Counters run per abstract list (nums that share an abstractNum
continue one list, as in Word), a ``startOverride`` restarts them, and a level restarts
whenever a higher level is used. The renderer uses the same code to check that the
numbering it writes shows the labels it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PLACEHOLDER = re.compile(r"%([1-9])")
#: Symbol-font bullets live in the Private Use Area; the reader sees a bullet.
_BULLET_DEFAULT = "•"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, tag: str) -> str | None:
    child = None if el is None else el.find(w(tag))
    return None if child is None else child.get(w("val"))


@dataclass(frozen=True, slots=True)
class Level:
    """One ``<w:lvl>``: number format, label template, start value."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # isLgl: show every counter in decimal


@dataclass(slots=True)
class Numbering:
    """The list definitions of one package and the running counters of a reading."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _seen_nums: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Numbering:
        """Definitions from the root of numbering.xml (None: a package without lists)."""
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(w("lvl")):
                start = _val(lvl, "start")
                levels[int(lvl.get(w("ilvl"), "0"))] = Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    legal=lvl.find(w("isLgl")) is not None,
                )
            numbering.abstracts[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            numbering.nums[num_id] = _val(num, "abstractNumId") or ""
            starts = {
                int(o.get(w("ilvl"), "0")): int(_val(o, "startOverride") or "1")
                for o in num.iter(w("lvlOverride"))
                if o.find(w("startOverride")) is not None
            }
            if starts:
                numbering.overrides[num_id] = starts
        return numbering

    def fork(self) -> Numbering:
        """The same definitions with a copy of the counters (to try a label out)."""
        return Numbering(
            self.abstracts,
            self.nums,
            self.overrides,
            {k: dict(v) for k, v in self._counters.items()},
            set(self._seen_nums),
        )

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters for one numbered paragraph and return its label
        ("1.", "(b)", "2.3", "•"); None when the list or level is undefined or the
        level draws no label."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstracts.get(abstract_id or "")
        if levels is None or ilvl not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return _bullet(level.text)

        def number(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            ref = levels.get(n, Level())
            value = counters.get(n, ref.start)
            return format_number(value, "decimal" if level.legal and n < ilvl else ref.fmt)

        return _PLACEHOLDER.sub(number, level.text).strip() or None


def _bullet(text: str) -> str:
    text = text.strip()
    if not text or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
        return _BULLET_DEFAULT
    return text


def format_number(value: int, fmt: str) -> str:
    """One counter value in a Word number format (unknown formats fall back to decimal)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


_ROMAN_STEPS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def to_roman(value: int) -> str:
    out = []
    for step, numeral in _ROMAN_STEPS:
        while value >= step:
            out.append(numeral)
            value -= step
    return "".join(out)
