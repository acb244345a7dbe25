"""Extraction: any supported input file -> one :class:`~agreement_check.model.Document`.

``load`` picks the reader by extension; every failure becomes an
:class:`~agreement_check.errors.InputError` with a stable code and a message without the
path. ``from_string`` builds a document from text, through the same code as .txt files.

All formats give the same ``Document.text`` for the same agreement (up to white space):
blocks joined by "\n", wrapped lines joined by a space, list labels at the start of
their item, table rows as cells joined by " | ". Locations (``Document.refs``):

* TXT/MD: ``line``, the 1-based source line.
* PDF: ``page`` (1-based) and ``line``, the 1-based text line on that page in pdfium's
  reading order, counting body lines only (not running headers, footers, page numbers).
  Pages without a text layer (scans) are read by OCR, lines counted in Tesseract's
  reading order.
* Images (PNG, JPEG, TIFF; a multi-page TIFF has pages): ``page`` and ``line``, as on
  scanned PDF pages; their ``Document.format`` is "image".
* DOCX: ``paragraph``, the 1-based position of the ``<w:p>`` among
  :func:`docx_reader.body_paragraphs` (body paragraphs and table-cell paragraphs in
  reading order); in a table also ``table``, ``row`` and ``cell``, 0-based like
  ``Block.table`` and ``Block.row``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document
from . import docx_reader, image_reader, pdf_reader, txt_reader

SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt", ".md", *image_reader.SUFFIXES)


def load(path: Path) -> Document:
    """Read one agreement file; raises InputError for anything it cannot read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        what = f"unsupported file type '{suffix}'" if suffix else "the file name has no extension"
        raise InputError("unsupported-format", f"{what} (expected PDF, DOCX, TXT, MD or a PNG, JPEG or TIFF scan)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("not-found", "no such file") from None
    except IsADirectoryError:
        raise InputError("not-a-file", "this is a directory, not a file") from None
    except OSError as exc:
        raise InputError("unreadable", f"cannot read the file ({exc.strerror or exc})") from None
    if not data:
        raise InputError("empty", "the file is empty")
    if suffix in (".txt", ".md"):
        return txt_reader.parse(txt_reader.decode(data), str(path), suffix[1:])
    if suffix == ".docx":
        return docx_reader.load(path, data)
    if suffix in image_reader.SUFFIXES:
        return image_reader.load(path, data)
    return pdf_reader.load(path, data)


def from_string(text: str, path: str = "<string>") -> Document:
    """Document of a text, read exactly as a .txt file with that content would be."""
    if not text.strip():
        raise InputError("empty", "the file has no text, only white space" if text else "the file is empty")
    return txt_reader.parse(text.lstrip("\ufeff"), path, "txt")


__all__ = ["SUFFIXES", "from_string", "load"]
