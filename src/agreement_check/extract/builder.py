"""Assembles a Document from blocks of source pieces, keeping the map back to the source.

Every reader hands over its blocks as pieces (a bit of text plus where it came from: a
TXT line, a PDF line, a DOCX paragraph or table cell); the builder joins them into the
canonical text, one block per line, and records a Location for each piece.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Block, BlockKind, Document, Format, Furniture, Location, Origin
from .normalize import wrap_join
from .structure import LevelTracker, looks_like_heading, split_label


Piece = tuple[str, Origin]


@dataclass(slots=True)
class DocumentBuilder:
    """Collects blocks in reading order; :meth:`build` returns the Document."""

    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    refs: list[Location] = field(default_factory=list)
    levels: LevelTracker = field(default_factory=LevelTracker)
    tables: int = 0
    _pos: int = 0

    def text_block(self, pieces: list[Piece], heading: bool = False) -> None:
        """Add a heading, paragraph or list item made of wrapped lines.

        The kind follows from the text (a leading list label makes a list item, a short
        title line a heading) unless the source said it is a heading; levels of list
        items come from the labels' styles in reading order.
        """
        pieces = [(t, o) for t, o in pieces if t]
        if not pieces:
            return
        label = split_label(pieces[0][0])
        if heading or (label is None and looks_like_heading(" ".join(t for t, _ in pieces))):
            self.levels.reset()
            self._add(pieces, "heading")
        elif label is not None:
            level, _ = self.levels.level(label)
            self._add(pieces, "list_item", label=label, level=level)
        else:
            self._add(pieces, "paragraph")

    def list_item(self, label: str, pieces: list[Piece]) -> None:
        """Add a list item whose label the source draws (Word numbering). Its level comes
        from the label styles, as for typed labels, so every format nests alike."""
        pieces = [(t, o) for t, o in pieces if t]
        if not pieces:
            return
        first, origin = pieces[0]
        level, _ = self.levels.level(label)
        self._add([(f"{label} {first}", origin), *pieces[1:]], "list_item", label, level)

    def table_row(self, table: int, row: int, cells: list[list[Piece]]) -> None:
        """Add one table row; each cell is a list of pieces (its lines or paragraphs)."""
        self._open_block()
        start = self._pos
        spans: list[tuple[int, int]] = []
        for i, cell in enumerate(cells):
            if i:
                self._emit(" | ", None)
            cell_start = self._pos
            self._join(cell)
            spans.append((cell_start, self._pos))
        self.blocks.append(Block(start, self._pos, "table_row", table=table, row=row, cells=spans))

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
    ) -> Document:
        return Document(
            path=path,
            format=fmt,
            text="".join(self.parts),
            blocks=self.blocks,
            refs=self.refs,
            pages=pages,
            furniture=furniture or [],
            tracked_changes=tracked_changes,
            comments=comments,
        )

    def _add(self, pieces: list[Piece], kind: BlockKind, label: str | None = None, level: int = 0) -> None:
        self._open_block()
        start = self._pos
        self._join(pieces)
        self.blocks.append(Block(start, self._pos, kind, label=label, level=level))

    def _open_block(self) -> None:
        if self.blocks:
            self._emit("\n", None)

    def _join(self, pieces: list[Piece]) -> None:
        """Append pieces as wrapped lines of one unit (see :func:`wrap_join`)."""
        for i, (text, origin) in enumerate(p for p in pieces if p[0]):
            if i:
                drop, sep = wrap_join(self.parts[-1], text)
                if drop:
                    self._drop_last(drop)
                self._emit(sep, None)
            self._emit(text, origin)

    def _emit(self, text: str, origin: Origin | None) -> None:
        if origin is not None:
            self.refs.append(origin.at(self._pos, self._pos + len(text)))
        self.parts.append(text)
        self._pos += len(text)

    def _drop_last(self, n: int) -> None:
        """Remove the last ``n`` characters (a line-end hyphen) of the last piece."""
        last = self.parts[-1]
        self.parts[-1] = last[:-n]
        self._pos -= n
        ref = self.refs[-1]
        if ref.end > self._pos:
            self.refs[-1] = replace(ref, end=self._pos)
