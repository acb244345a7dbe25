"""Plain-text and Markdown agreements: decoding, paragraphs, list items, pipe tables.

A block is a run of non-blank lines; a line that starts with a list label or a table
pipe also starts a new block, so a hard-wrapped typed paragraph is joined while a file
with one item per line still gives one block per item. "# Title" lines are headings. In
Markdown files inline markup is taken out of each line (emphasis, code backticks, link
targets), so "**The District** will" reads "The District will"; a plain-text file keeps
its asterisks. Each piece's Location names its 1-based source line, which the markup
taken out of that line does not change.
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
#: Markdown inline markup, replaced in this order by the text it marks up.
_MARKUP = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"<((?:https?://|mailto:)[^>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # `code`
    (re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1"), r"\2"),  # **strong**, __strong__
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"), r"\1"),  # _emphasis_
    (re.compile(r"\\([\\`*_{}\[\]()#+.!-])"), r"\1"),  # backslash escapes
)


def decode(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if not data.strip():
        raise InputError("empty", "the file has no text, only white space")
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
        raise InputError("empty", "the file has no text, only white space")
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

    inline = _strip_markup if fmt == "md" else str
    for number, raw in enumerate(split_lines(text), start=1):
        line = clean_line(raw)
        origin = Origin(line=number)
        if line.startswith("|"):
            flush()
            if not table_rows:
                table_index = builder.new_table()
            if not _SEPARATOR_ROW.match(line):
                cells = [inline(c) for c in _cells(line)]
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
            builder.text_block([(inline(clean_line(heading.group(1))), origin)], heading=True)
        elif line:
            pending.append((inline(line), origin))
    flush()
    if not builder.has_text:
        raise InputError("empty", "the file has no text")
    return builder.build(path, fmt)


def _strip_markup(line: str) -> str:
    """A Markdown line as its reader sees it: no emphasis marks or code backticks, links
    as their text. A list bullet ("* item") is no emphasis and stays."""
    for pattern, repl in _MARKUP:
        line = pattern.sub(repl, line)
    return line


def _cells(line: str) -> list[str]:
    """Cells of a Markdown pipe-table row, leading and trailing pipes dropped."""
    inner = line[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(inner)]
