"""Laid-out pages -> Document: the part of PDF reading that does not care where the lines came from.

A page is its text lines with their boxes in PDF points (origin bottom left) plus its
ruled tables. pdf_reader fills pages from pdfium's text layer, ocr from Tesseract's words
on a scanned page or photo; both then go through :func:`assemble`, so a scan is segmented,
stripped of running headers and located (page, line) exactly as a born-digital PDF is.

Lines are joined into blocks; a new block starts after a vertical gap, at a list label, or
after a line that ends short of the right margin by more than the next line's first word
(a wrapped line never does). Running headers and footers (lines repeated at the top or
bottom of pages, digits ignored) and page numbers go to ``Document.furniture``.

Locations: ``page`` is 1-based; ``line`` is the 1-based number of the text line on that
page in reading order, counting body lines only (not headers, footers or page numbers).
A table cell's pieces carry the line each of its text lines is on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ..errors import InputError
from ..model import Document, Format, Furniture, Origin
from .builder import DocumentBuilder, Piece
from .structure import split_label

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$|^[-–—]\s*#\s*[-–—]$", re.IGNORECASE)
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be furniture
_MARGIN_BAND = 0.08  # share of the page height at the top and bottom that is margin
_GAP_FACTOR = 1.35  # a baseline step this much above the usual leading opens a block
_SPACE = 3.0  # about one space, in points


@dataclass(slots=True)
class Line:
    """One text line of a page, with its box in PDF points (origin bottom left)."""

    text: str
    x0: float
    x1: float
    bottom: float  # the baseline
    top: float
    first_word: float  # width of the line's first word
    font: tuple[float, bool] | None  # size and boldness of its first character; None if unknown (OCR)
    number: int = 0  # 1-based among body lines of its page; 0 for furniture
    #: (x0, x1, text) of each word, for OCR lines: how their table cells are read
    words: list[tuple[float, float, str]] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    """A ruled table on a page: row boxes, each with its cell boxes (x0, x1)."""

    top: float
    bottom: float
    rows: list[tuple[float, float, list[tuple[float, float]]]]  # (top, bottom, cells)


#: The text of a line between two x positions: how a table cell's text is read.
CellText = Callable[[Line, float, float], str]


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    cell_text: CellText
    tables: list[Table] = field(default_factory=list)
    #: confidence (0-100) of each word OCR read on the page; None for a text-layer page
    confidences: list[float] | None = None

    @property
    def scanned(self) -> bool:
        return self.confidences is not None


def lattice_table(found: Any, scale: float, height: float) -> Table | None:
    """A table pdfplumber's lattice finder found (a ``pdfplumber.table.Table``, measured
    from the top of the page in units of ``scale`` points) in PDF points; None for a
    single box (a frame around text is no table)."""
    rows = []
    for row in found.rows:
        cells = [(c[0] * scale, c[2] * scale) for c in row.cells if c is not None]
        if cells:
            rows.append((height - row.bbox[1] * scale, height - row.bbox[3] * scale, cells))
    if len(rows) >= 2 or (rows and len(rows[0][2]) >= 2):
        return Table(rows[0][0], rows[-1][1], rows)
    return None


def assemble(pages: list[Page], path: str, fmt: Format = "pdf") -> Document:
    """Document of laid-out pages; raises ``no-text`` when only furniture has text."""
    leading = _leading(pages)
    furniture = _strip_furniture(pages, leading)
    builder = DocumentBuilder()
    _Segmenter(builder, _right_edge(pages), leading).run(pages)
    if not builder.has_text:
        raise InputError("no-text", "the file has no text apart from headers and page numbers")
    return builder.build(path, fmt, pages=len(pages), furniture=furniture)


def _strip_furniture(pages: list[Page], leading: float) -> list[Furniture]:
    """Remove running headers, footers and page numbers from the pages' lines, number
    the body lines, and return what was removed.

    At each edge of a page, the outermost line or two set apart from the body by a gap
    are furniture when they repeat on another page (digits ignored) or sit in the
    page's outer margin band; the outermost line always is when it is a page number
    ("3", "Page 3 of 5", "- 3 -")."""
    groups = [(page, where, group, apart) for page in pages for where, group, apart in _edges(page, leading)]
    seen = Counter((where, _key(line.text)) for _, where, group, apart in groups if apart for line in group)
    furniture: list[Furniture] = []
    drop: set[int] = set()
    for page, where, group, apart in groups:
        for i, line in enumerate(group):
            key = _key(line.text)
            if i == 0 and _PAGE_NUMBER.match(key):
                kind = "page_number"
            elif apart and (seen[(where, key)] >= 2 or _in_margin(page, line, where)):
                kind = "header" if where == "top" else "footer"
            else:
                break
            furniture.append(Furniture(line.text, kind, page=page.number))
            drop.add(id(line))
    for page in pages:
        page.lines = [line for line in page.lines if id(line) not in drop]
        for number, line in enumerate(page.lines, start=1):
            line.number = number
    furniture.sort(key=lambda f: (f.page, f.kind != "header"))
    return furniture


def _edges(page: Page, leading: float) -> Iterator[tuple[str, list[Line], bool]]:
    """For the top and the bottom of a page: the outermost lines, outermost first (at
    most two, up to the first wide gap), and whether a wide gap sets them apart from
    the rest of the page."""
    by_height = sorted(page.lines, key=lambda line: -line.bottom)
    for where, ordered in (("top", by_height), ("bottom", by_height[::-1])):
        group = ordered[:1]
        apart = False
        for prev, line in pairwise(ordered[: _EDGE_LINES + 1]):
            if abs(prev.bottom - line.bottom) > leading * _GAP_FACTOR:
                apart = True
                break
            group.append(line)
        if len(group) > _EDGE_LINES or len(group) == len(ordered):
            group, apart = group[:1], False
        yield where, group, apart


def _in_margin(page: Page, line: Line, where: str) -> bool:
    if where == "top":
        return line.top >= page.height * (1 - _MARGIN_BAND)
    return line.bottom <= page.height * _MARGIN_BAND


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _right_edge(pages: list[Page]) -> float:
    """Where wrapped lines end: the furthest line end that another line also reaches
    (within 3 points; one over-long line of underscores does not move the margin), or,
    if further, the mirror of the left margin (a page whose lines are all short)."""
    body = [(page, line) for page in pages for line in page.lines if not _in_table(page, line)]
    if not body:
        return 0.0
    xs = sorted((line.x1 for _, line in body), reverse=True)
    reached = next((a for a, b in pairwise(xs) if a - b < 3.0), xs[0])
    left = min(line.x0 for _, line in body)
    mirrored = max(page.width for page, _ in body) - left
    return max(reached, mirrored)


def _in_table(page: Page, line: Line) -> Table | None:
    mid = (line.top + line.bottom) / 2
    return next((t for t in page.tables if t.bottom <= mid <= t.top), None)


class _Segmenter:
    """Groups body lines into blocks and tables, in reading order, across pages."""

    def __init__(self, builder: DocumentBuilder, right: float, leading: float) -> None:
        self.builder = builder
        self.right = right
        self.leading = leading
        self.pending: list[Piece] = []
        self.prev: Line | None = None
        self.prev_page = 0

    def run(self, pages: list[Page]) -> None:
        for page in pages:
            done: set[int] = set()
            for line in page.lines:
                table = _in_table(page, line)
                if table is not None:
                    if id(table) not in done:
                        done.add(id(table))
                        self._flush()
                        self._table(page, table)
                    continue
                if self._opens_block(line, page.number):
                    self._flush()
                self.pending.append((line.text, Origin(page=page.number, line=line.number)))
                self.prev, self.prev_page = line, page.number
        self._flush()

    def _opens_block(self, line: Line, page: int) -> bool:
        """A new block starts after a gap, where the font changes, after a line that ends short (the line's first
        word would have fitted on it), or at a list label that carries on a list (first
        item, or next after the last label of its style), not a number that wrapped to
        the start of a line ("... 34 C.F.R. § 300.510." is no item "300.510.")."""
        prev = self.prev
        if prev is None or not self.pending:
            return True
        if page == self.prev_page and prev.bottom - line.bottom > self.leading * _GAP_FACTOR:
            return True
        if line.font != prev.font and None not in (line.font, prev.font):  # a heading and the text after it
            return True
        # glyph boxes are tighter than advance widths: a near miss counts as not fitting
        full = prev.text.endswith("-") or prev.x1 + line.first_word + _SPACE >= self.right - _SPACE
        if not full:
            return True
        label = split_label(line.text)
        return label is not None and self.builder.levels.continues(label, split_label(self.pending[0][0]))

    def _flush(self) -> None:
        if self.pending:
            self.builder.text_block(self.pending)
            self.pending = []
        self.prev = None

    def _table(self, page: Page, table: Table) -> None:
        """The table's rows; a cell's lines top to bottom (OCR may list a row's cells as
        separate lines in any order)."""
        index = self.builder.new_table()
        lines = sorted((line for line in page.lines if _in_table(page, line) is table), key=lambda line: -line.bottom)
        for r, (top, bottom, cells) in enumerate(table.rows):
            row_lines = [line for line in lines if bottom <= (line.top + line.bottom) / 2 <= top]
            self.builder.table_row(index, r, [self._cell(page, x0, x1, row_lines) for x0, x1 in cells])

    @staticmethod
    def _cell(page: Page, x0: float, x1: float, row_lines: list[Line]) -> list[Piece]:
        pieces: list[Piece] = []
        for line in row_lines:
            text = page.cell_text(line, x0, x1)
            if text:
                pieces.append((text, Origin(page=page.number, line=line.number)))
        return pieces


def _leading(pages: list[Page]) -> float:
    """The distance between baselines of lines of one paragraph: the smallest step
    between consecutive lines on a page that recurs (gaps between blocks are larger)."""
    steps = sorted(
        a.bottom - b.bottom
        for page in pages
        for a, b in pairwise(page.lines)
        if 0.5 * (a.top - a.bottom) < a.bottom - b.bottom < 3 * (a.top - a.bottom + 1)
    )
    recurring = [x for x, y in pairwise(steps) if y - x < 0.5]
    return recurring[0] if recurring else steps[0] if steps else 14.0
