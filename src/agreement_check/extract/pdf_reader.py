"""PDF agreements: pypdfium2's text layer, or OCR of the pages that are scans.

pypdfium2 gives each page's text and character boxes quickly. A line-end hyphen is kept
or dropped as the document itself attests (see :class:`.normalize.Lexicon`): pdfium does
not tell a soft hyphen from a hard one. Ruled tables are found with pdfplumber, which is
slow, so only on pages that draw lines or rectangles; their cells are read back from
pypdfium2. A page that is a picture (a scan, a photo saved as PDF: an image covering
much of the page, and next to no text layer) is rendered at its image's resolution and
read by :mod:`.ocr`; a PDF may mix both kinds of page. The few text-layer lines of such a
page (a scanning app's watermark, a stamped number) are not read, unless OCR cannot run:
then the page is read from its text layer, as every page was before OCR, and the file is
refused only when that leaves no text elsewhere (a typed agreement whose signature page
is a pasted scan needs no Tesseract). Either way the pages go through
:func:`.layout.assemble`, which joins lines into blocks, strips running headers and
footers and numbers the body lines.

Locations: ``page`` is 1-based; ``line`` is the 1-based number of the text line on that
page in reading order (pdfium's, or Tesseract's on a scanned page), counting body lines
only (not headers, footers or page numbers).
"""

from __future__ import annotations

import ctypes
import io
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError, internal_error
from ..model import Document
from .layout import Line, Page, Table, assemble, lattice_table
from .normalize import clean_line

#: pdfium's mark for a hyphen (U+002D or U+00AD alike) that ends a line between a letter
#: and a letter or digit: U+FFFE in a page's text, U+0002 in text read from a box.
_SOFT_BREAK = "\ufffe"
_LINE_END_HYPHEN = str.maketrans({_SOFT_BREAK: "-", "\x02": "-"})
#: Scans are read at their own resolution within these bounds (dots per inch): finer
#: costs OCR time for nothing, coarser gives Tesseract too few pixels per letter.
_OCR_DPI = (150.0, 300.0)
#: A page is a scan when an image covers at least this share of it and its text layer
#: holds fewer characters than _SCAN_TEXT (a typed page holds thousands).
_SCAN_COVER = 0.25
_SCAN_TEXT = 200


def load(path: Path, data: bytes) -> Document:
    """Document of a PDF file whose bytes are ``data``."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if _page_count(data) == 0:
            raise InputError("no-pages", "the PDF has no pages") from None
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(
                "encrypted-pdf", "the PDF is password-protected; save an unprotected copy"
            ) from None
        raise InputError("corrupt-pdf", "the file is not a readable PDF (damaged or incomplete)") from None
    try:
        read = list(_read_pages(pdf, data))
        pages = [page for page, _ in read]
        unread = [error for _, error in read if error is not None]
        if unread and not any(page.lines for page, error in read if error is None):
            raise unread[0]
        scanned = [page.scanned for page in pages]
        if not any(line.text for page in pages for line in page.lines):
            raise InputError("no-text", _no_text(scanned=any(scanned)))
        if any(scanned):
            from . import ocr

            what = "the PDF has no text layer, and its scan" if all(scanned) else "the PDF's scanned pages"
            ocr.check_legible(pages, what)
        document = assemble(pages, str(path))
        document.unread_pages = [page.number for page, error in read if error is not None]
        return document
    except InputError:
        raise
    except Exception:  # pdfium or pdfplumber failing on a damaged file
        raise InputError("corrupt-pdf", "the file is not a readable PDF (damaged or incomplete)") from None
    finally:
        pdf.close()


def _no_text(scanned: bool) -> str:
    if scanned:
        return "the PDF has no text layer and OCR found no text in its scanned pages (blank, or too faint or blurred?)"
    return "the PDF has no text layer and no scanned page to read (blank pages?)"


def _page_count(data: bytes) -> int | None:
    """Pages of a PDF that pdfium refused, as pdfminer counts them; None if unreadable.
    pdfium refuses a well-formed PDF with no pages without setting its error code (the
    code left is whatever failed before), so only another parser can tell."""
    import pdfplumber  # slow to import: only on this error path

    try:
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            return len(plumber.pages)
    except Exception:  # pdfminer failing on a damaged file
        return None


def _read_pages(pdf: pdfium.PdfDocument, data: bytes) -> Iterator[tuple[Page, InputError | None]]:
    """Each page, with the error that kept OCR from reading it when it is a scan read
    from its text layer instead. Once OCR has failed, later scans are not tried again."""
    plumber = None
    unread = None
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            lines = list(_lines(textpage))
            dpi = None if sum(len(line.text) for line in lines) >= _SCAN_TEXT else _scan_dpi(page)
            if dpi is not None and unread is None:
                try:
                    scanned = _ocr(page, index + 1, dpi)
                except InputError as exc:
                    if exc.code != "ocr-unavailable":
                        raise
                    unread = exc
                else:
                    yield scanned, None
                    continue
            result = Page(index + 1, *page.get_size(), lines, partial(_cell_text, textpage))
            if result.lines and _draws_rules(page):
                if plumber is None:
                    import pdfplumber  # slow to import and to run: only for pages with rules

                    plumber = pdfplumber.open(io.BytesIO(data))
                result.tables = _tables(plumber.pages[index], page.get_height())
            yield result, (unread if dpi is not None else None)
    finally:
        if plumber is not None:
            plumber.close()


def _scan_dpi(page: pdfium.PdfPage) -> float | None:
    """Resolution (dots per inch of the page) of the largest image on a page, or None
    when no image covers _SCAN_COVER of it (a blank page, a logo)."""
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        width = obj.get_px_size()[0]
        area = (right - left) * (top - bottom)
        if right > left and width and (best is None or area > best[0]):
            best = (area, width / (right - left) * 72.0)
    width, height = page.get_size()
    return best[1] if best is not None and best[0] >= _SCAN_COVER * width * height else None


def _ocr(page: pdfium.PdfPage, number: int, dpi: float) -> Page:
    """A scanned page, rendered at its scan's resolution (within _OCR_DPI) and read by OCR."""
    from . import ocr  # numpy, pytesseract and pdfplumber: imported only for scans

    scale = min(max(dpi, _OCR_DPI[0]), _OCR_DPI[1]) / 72.0
    image = page.render(scale=scale, grayscale=True).to_pil()
    try:
        return ocr.read_page(image, number, 1.0 / scale)
    except InputError:
        raise
    except Exception as exc:  # a bug in OCR, which load would take for a damaged PDF
        raise internal_error(exc, "reading a scanned page of") from exc


def _lines(textpage: pdfium.PdfTextPage) -> Iterator[Line]:
    """The page's text lines: pdfium's lines, also split where pdfium joined a word
    hyphenated across a line end (it marks the hyphen U+FFFE). The hyphen is put back:
    whether it belongs to the word is for the builder to decide, since pdfium marks a
    hyphen-minus and a soft hyphen alike."""
    text = textpage.get_text_range()
    start = 0
    for m in re.finditer(r"\r\n|\r|\n|\ufffe", text + "\n"):
        end = m.start()
        hyphen = m.group() == _SOFT_BREAK
        raw = text[start:end] + ("-" if hyphen else "")
        line = _line(textpage, text, start, end, raw)
        if line is not None:
            yield line
        start = m.end()


def _line(textpage: pdfium.PdfTextPage, text: str, start: int, end: int, raw: str) -> Line | None:
    cleaned = clean_line(raw)
    if not cleaned:
        return None
    first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    last = start + len(text[start:end].rstrip()) - 1
    if raw.endswith("-") and text[end : end + 1] == _SOFT_BREAK:
        last = end  # the hyphen itself
    word_end = first
    while word_end + 1 < end and not text[word_end + 1].isspace():
        word_end += 1
    left, _, _, top = textpage.get_charbox(first)
    right = textpage.get_charbox(last)[2]
    word_right = textpage.get_charbox(word_end)[2]
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y))
    font = (
        round(pdfium_c.FPDFText_GetFontSize(textpage.raw, first), 1),
        pdfium_c.FPDFText_GetFontWeight(textpage.raw, first) >= 600,
    )
    return Line(cleaned, left, right, y.value, max(top, y.value), word_right - left, font)


def _draws_rules(page: pdfium.PdfPage) -> bool:
    """Whether the page draws something like a ruled table: two or more horizontal and
    vertical rules, or two or more boxes (cheap to ask pypdfium2; an underline or a
    signature rule alone does not send the page to pdfplumber)."""
    horizontal = vertical = boxes = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        wide, tall = right - left > 8.0, top - bottom > 8.0
        horizontal += wide and not tall
        vertical += tall and not wide
        boxes += wide and tall
        if (horizontal >= 2 and vertical >= 2) or boxes >= 2:
            return True
    return False


def _tables(plumber_page, height: float) -> list[Table]:  # noqa: ANN001 - pdfplumber.Page
    """Ruled tables of one page, in PDF coordinates (pdfplumber measures from the top)."""
    return [t for found in plumber_page.find_tables() if (t := lattice_table(found, 1.0, height)) is not None]


def _cell_text(textpage: pdfium.PdfTextPage, line: Line, x0: float, x1: float) -> str:
    """The text layer's text of a line between x0 and x1."""
    raw = textpage.get_text_bounded(x0, line.bottom - 1, x1, line.top + 1)
    return clean_line(raw.translate(_LINE_END_HYPHEN))
