"""Scans and photos saved as images (PNG, JPEG, TIFF): every page read by OCR.

A multi-page TIFF gives one page per frame. A photo is first turned upright as its
camera recorded (EXIF orientation), and a transparent background is made white. An image
file does not say how large the paper was, so a page is taken to be as wide as a US Letter
page (8.5 in): point sizes then match a PDF's closely enough for the layout's tolerances.
Pages are read like the scanned pages of a PDF (:mod:`.ocr`) and laid out by
:func:`.layout.assemble`, so their locations are pages and lines as in a PDF.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ..errors import InputError
from ..model import Document
from .layout import assemble

SUFFIXES: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_PAGE_WIDTH = 612.0  # points: US Letter
#: Pixels on a page's longer side, at least and at most: 150 to 300 dpi of an 11 in
#: page, as for scanned PDF pages (a small photo is enlarged for Tesseract, a large one
#: shrunk to save OCR time).
_LONG_SIDE = (1650, 3300)


def load(path: Path, data: bytes) -> Document:
    """Document of an image file whose bytes are ``data``."""
    from . import ocr  # numpy, pytesseract and pdfplumber: imported only for scans

    pages = [ocr.read_page(image, number, _PAGE_WIDTH / image.width) for number, image in enumerate(_pages(data), 1)]
    if not any(page.lines for page in pages):
        raise InputError("no-text", "OCR found no text in the image (blank, or too faint or blurred?)")
    ocr.check_legible(pages, "the image")
    return assemble(pages, str(path), "image")


def _pages(data: bytes) -> list[Image.Image]:
    """The image's frames, upright, on white, at a size Tesseract reads well. Pillow's
    warnings about damaged metadata are silenced: the error, if any, is the one line."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                return [_prepared(frame) for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError:
        raise InputError("too-large", "the image has too many pixels to be a scanned page") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):  # Pillow's ways of saying "damaged"
        raise InputError("corrupt-image", "the file is not a readable image (damaged or incomplete)") from None


def _prepared(frame: Image.Image) -> Image.Image:
    upright = ImageOps.exif_transpose(frame)
    if "A" in upright.getbands() or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        upright = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    gray = upright.convert("L")
    longer = max(gray.size)
    target = min(max(longer, _LONG_SIDE[0]), _LONG_SIDE[1])
    if target == longer:
        return gray
    size = (round(gray.width * target / longer), round(gray.height * target / longer))
    return gray.resize(size, Image.Resampling.LANCZOS)
