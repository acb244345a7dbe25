"""Assembles a Document from blocks of source pieces, keeping the map back to the source.

Every reader hands over its blocks as pieces (a bit of text plus where it came from: a
TXT line, a PDF line, a DOCX paragraph or table cell); the builder joins them into the
canonical text, one block per line, and records a Location for each piece. The text is
written only when the whole document is known, because whether a hyphen at the end of a
line belongs to its word depends on how the rest of the document writes that word.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Block, BlockKind, Document, Format, Furniture, Location, Origin
from .normalize import Lexicon, wrap_join
from .structure import LevelTracker, looks_like_heading, split_label

Piece = tuple[str, Origin]


@dataclass(slots=True)
class _Unit:
    """A block waiting to be written: its runs of wrapped pieces (one run, or one per
    table cell) and what it is."""

    kind: BlockKind
    runs: list[list[Piece]]
    label: str | None = None
    level: int = 0
    table: int | None = None
    row: int | None = None


@dataclass(slots=True)
class DocumentBuilder:
    """Collects blocks in reading order; :meth:`build` returns the Document."""

    units: list[_Unit] = field(default_factory=list)
    levels: LevelTracker = field(default_factory=LevelTracker)
    tables: int = 0

    @property
    def has_text(self) -> bool:
        """Whether any block so far holds text (a table of empty cells does not)."""
        return any(text for unit in self.units for run in unit.runs for text, _ in run)

    def text_block(self, pieces: list[Piece], heading: bool = False) -> None:
        """Add a heading, paragraph or list item made of wrapped lines.

        The kind follows from the text (a leading list label with text after it makes a
        list item, a short title line a heading) unless the source said it is a heading;
        levels of list items come from the labels' styles in reading order. A label alone
        is no item (the "v." between the parties of a case caption).
        """
        pieces = [(t, o) for t, o in pieces if t]
        if not pieces:
            return
        label = split_label(pieces[0][0])
        if label is not None and len(pieces) == 1 and pieces[0][0] == label:
            label = None
        if heading or (label is None and looks_like_heading(" ".join(t for t, _ in pieces))):
            self.levels.reset()
            self.units.append(_Unit("heading", [pieces]))
        elif label is not None:
            level, _ = self.levels.level(label)
            self.units.append(_Unit("list_item", [pieces], label, level))
        else:
            self.units.append(_Unit("paragraph", [pieces]))

    def list_item(self, label: str, pieces: list[Piece]) -> None:
        """Add a list item whose label the source draws (Word numbering). Its level comes
        from the label styles, as for typed labels, so every format nests alike."""
        pieces = [(t, o) for t, o in pieces if t]
        if not pieces:
            return
        first, origin = pieces[0]
        level, _ = self.levels.level(label)
        self.units.append(_Unit("list_item", [[(f"{label} {first}", origin), *pieces[1:]]], label, level))

    def table_row(self, table: int, row: int, cells: list[list[Piece]]) -> None:
        """Add one table row; each cell is a list of pieces (its lines or paragraphs)."""
        runs = [[(t, o) for t, o in cell if t] for cell in cells]
        self.units.append(_Unit("table_row", runs, table=table, row=row))

    def new_table(self) -> int:
        """Index (0-based) of the next table in the document."""
        self.tables += 1
        return self.tables - 1

    def build(
        self,
        path: str,
        fmt: Format,
        pages: int | None = None,
        furniture: list[Furniture] | None = None,
        tracked_changes: bool = False,
        comments: bool = False,
        struck_text: bool = False,
    ) -> Document:
        writer = _Writer(Lexicon.of([t for t, _ in run] for unit in self.units for run in unit.runs))
        for unit in self.units:
            writer.write(unit)
        return Document(
            path=path,
            format=fmt,
            text="".join(writer.parts),
            blocks=writer.blocks,
            refs=writer.refs,
            pages=pages,
            furniture=furniture or [],
            tracked_changes=tracked_changes,
            comments=comments,
            struck_text=struck_text,
        )


@dataclass(slots=True)
class _Writer:
    """Writes units into the canonical text, recording blocks and piece locations."""

    lexicon: Lexicon
    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    refs: list[Location] = field(default_factory=list)
    pos: int = 0

    def write(self, unit: _Unit) -> None:
        if self.blocks:
            self._emit("\n", None)
        start = self.pos
        spans: list[tuple[int, int]] = []
        for i, run in enumerate(unit.runs):
            if i:
                self._emit(" | ", None)
            run_start = self.pos
            self._join(run)
            spans.append((run_start, self.pos))
        block = Block(start, self.pos, unit.kind, unit.label, unit.level, unit.table, unit.row)
        if unit.kind == "table_row":
            block.cells = spans
        self.blocks.append(block)

    def _join(self, pieces: list[Piece]) -> None:
        """Append pieces as wrapped lines of one unit (see :func:`wrap_join`)."""
        for i, (text, origin) in enumerate(pieces):
            if i:
                drop, sep = wrap_join(self.parts[-1], text, self.lexicon)
                if drop:
                    self._drop_last(drop)
                self._emit(sep, None)
            self._emit(text, origin)

    def _emit(self, text: str, origin: Origin | None) -> None:
        if origin is not None:
            self.refs.append(origin.at(self.pos, self.pos + len(text)))
        self.parts.append(text)
        self.pos += len(text)

    def _drop_last(self, n: int) -> None:
        """Remove the last ``n`` characters (a line-end hyphen) of the last piece."""
        self.parts[-1] = self.parts[-1][:-n]
        self.pos -= n
        ref = self.refs[-1]
        if ref.end > self.pos:
            self.refs[-1] = replace(ref, end=self.pos)
