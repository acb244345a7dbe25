"""The one document model every stage shares.

Extraction turns any input format into a :class:`Document`; the NLP stage reads only the
document's text and blocks and produces :class:`Commitment` objects; rules turn those into
:class:`Finding` objects; reports render an :class:`Analysis`. Nothing downstream of
extraction ever looks at the file format, and every span is a pair of character offsets
into ``Document.text`` that :meth:`Document.locate` maps back to where a reader finds it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

Format = Literal["pdf", "docx", "txt", "md", "image"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Severity = Literal["error", "warning", "info"]
Kind = Literal["service", "comp_ed", "evaluation", "meeting", "payment", "action", "parent"]

KINDS: tuple[str, ...] = ("service", "comp_ed", "evaluation", "meeting", "payment", "action", "parent")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: Element slots of a commitment, in the order reports show them.
ELEMENT_NAMES: tuple[str, ...] = (
    "service",
    "frequency",
    "duration",
    "amount",
    "start",
    "end",
    "deadline",
    "location",
    "provider",
    "payee",
    "schedule",
)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a piece of text sits in the source file.

    PDFs give ``page`` and ``line``; DOCX gives ``paragraph`` (1-based, body paragraphs
    and table cells in reading order) and, inside a table, ``table``/``row``/``cell``;
    text files give ``line``.
    """

    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def at(self, start: int, end: int) -> Location:
        """This place, covering the text range ``[start, end)``."""
        return Location(start=start, end=end, **{f.name: getattr(self, f.name) for f in fields(Origin)})


@dataclass(frozen=True, slots=True)
class Location(Origin):
    """A span of the analysable text (offsets into ``Document.text``) and its origin."""

    start: int = 0
    end: int = 0

    def to_json(self) -> dict[str, int]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}


@dataclass(slots=True)
class Block:
    """One reading unit of the text: a heading, paragraph, list item or table row.

    Blocks are separated by a single ``\\n`` in ``Document.text``; a paragraph that wraps
    over several PDF lines is still one block (its lines joined by spaces). ``label`` is
    the list number as the reader sees it ("1.", "(a)", "ii."), which is also the start of
    the block's text. For a table row, ``cells`` holds each cell's span and ``row`` its
    index in the table (row 0 is the header row when the table has one).
    """

    start: int
    end: int
    kind: BlockKind
    label: str | None = None
    level: int = 0
    table: int | None = None
    row: int | None = None
    cells: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Furniture:
    """Running header, footer or page number kept out of the analysable text."""

    text: str
    kind: Literal["header", "footer", "page_number"]
    page: int | None = None
    line: int | None = None


@dataclass(slots=True)
class Document:
    """Analysable text of one agreement plus the map back to its source."""

    path: str
    format: Format
    text: str
    blocks: list[Block]
    refs: list[Location]  # one per source line or paragraph
    pages: int | None = None
    furniture: list[Furniture] = field(default_factory=list)
    tracked_changes: bool = False
    comments: bool = False
    struck_text: bool = False  # text struck through by hand (left out of ``text``)
    unread_pages: list[int] = field(default_factory=list)  # scanned pages OCR could not read
    _ref_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.refs.sort(key=lambda r: r.start)
        self._ref_starts = [r.start for r in self.refs]

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def locate(self, start: int, end: int | None = None) -> Location:
        """Location of the span ``[start, end)``, named by where its first character is."""
        end = start if end is None else end
        i = bisect_right(self._ref_starts, start) - 1
        if i < 0 or not self.refs:
            return Location(start=start, end=end)
        return replace(self.refs[i], start=start, end=end)


@dataclass(slots=True)
class Element:
    """One stated element of a commitment: its source text and its normalised value.

    ``value`` is JSON-serialisable: frequency ``{"times": 2, "per": "week"}``, duration
    ``{"minutes": 30, "per": "session"}``, amount ``{"n": 30, "unit": "hours"}``, a date
    ``{"date": "2025-03-01"}``, a relative deadline ``{"n": 30, "unit": "day",
    "day_type": "school", "anchor": "execution of this Agreement"}`` and so on.
    """

    text: str
    start: int
    end: int
    value: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value}


@dataclass(slots=True)
class DateMention:
    """A date-like expression anywhere in the document, with what is wrong with it."""

    text: str
    start: int
    end: int
    value: date | None = None
    weekday: str | None = None  # weekday as written, e.g. "Monday"
    impossible: bool = False  # e.g. February 30
    school_year: tuple[int, int] | None = None  # "2024-2025" -> (2024, 2025)


@dataclass(slots=True)
class Commitment:
    """An undertaking by a party, with the elements the NLP stage found in it."""

    id: str
    kind: Kind
    party: str | None
    text: str
    start: int
    end: int
    label: str | None = None  # clause number as written, e.g. "1(c)"
    elements: dict[str, Element | None] = field(
        default_factory=lambda: dict.fromkeys(ELEMENT_NAMES)
    )


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    question: str
    text: str
    start: int
    end: int
    commitment: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the tool found in one document."""

    document: Document
    is_agreement: bool = True
    agreement_date: date | None = None
    commitments: list[Commitment] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
