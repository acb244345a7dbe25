"""Plain-text and Markdown agreements: decoding, paragraphs, list items, pipe tables.

A block is a run of non-blank lines; a line that starts with a list label or a table
pipe also starts a new block, so a hard-wrapped typed paragraph is joined while a file
with one item per line still gives one block per item. Each piece's Location names its
1-based source line.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Document, Format, Origin
from .builder import DocumentBuilder, Piece
from .normalize import clean_line, split_lines
from .structure import split_label

_ATX_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if not data.strip():
        raise InputError("empty", "the file is empty")
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            "bad-encoding", "the text is not valid UTF-8 or UTF-16 (save it as UTF-8)"
        ) from None
    if "\x00" in text:
        raise InputError("bad-encoding", "the file holds binary data, not text")
    if not text.strip():
        raise InputError("empty", "the file is empty")
    return text


def parse(text: str, path: str, fmt: Format) -> Document:
    """Document of an already decoded text."""
    builder = DocumentBuilder()
    pending: list[Piece] = []
    table_rows: list[list[list[Piece]]] = []
    table_index = -1

    def flush() -> None:
        builder.text_block(pending)
        pending.clear()

    for number, raw in enumerate(split_lines(text), start=1):
        line = clean_line(raw)
        origin = Origin(line=number)
        if line.startswith("|"):
            flush()
            if not table_rows:
                table_index = builder.new_table()
            if not _SEPARATOR_ROW.match(line):
                cells = _cells(line)
                builder.table_row(
                    table_index, len(table_rows), [[(c, origin)] if c else [] for c in cells]
                )
                table_rows.append([])
            continue
        table_rows.clear()
        heading = _ATX_HEADING.match(line)
        if not line or heading or split_label(line) is not None:
            flush()
        if heading:
            builder.text_block([(clean_line(heading.group(1)), origin)], heading=True)
        elif line:
            pending.append((line, origin))
    flush()
    if not builder.blocks:
        raise InputError("empty", "the file is empty")
    return builder.build(path, fmt)


def _cells(line: str) -> list[str]:
    """Cells of a Markdown pipe-table row, leading and trailing pipes dropped."""
    inner = line[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(inner)]
