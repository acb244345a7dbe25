"""Scans and photos saved as images (PNG, JPEG, TIFF): every page read by OCR.

A multi-page TIFF gives one page per frame; any other format only its first frame (a
phone's JPEG may carry a second image, such as an HDR gain map, which is no page). A photo
is first turned upright as its camera recorded (EXIF orientation), a transparent
background is made white and 16-bit or floating-point pixels are scaled to 8 bits. An
image file does not say how large the paper was, so a page is taken to be as wide as a US
Letter page (8.5 in): point sizes then match a PDF's closely enough for the layout's
tolerances. Pages are read like the scanned pages of a PDF (:mod:`.ocr`), one at a time,
and laid out by :func:`.layout.assemble`, so their locations are pages and lines as in a PDF.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from ..errors import InputError
from ..model import Document
from .layout import assemble

SUFFIXES: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_PAGE_WIDTH = 612.0  # points: US Letter
#: Pixels on a page's longer side, at least and at most: 150 to 300 dpi of an 11 in
#: page, as for scanned PDF pages (a small photo is enlarged for Tesseract, a large one
#: shrunk to save OCR time).
_LONG_SIDE = (1650, 3300)
#: Most pages (TIFF frames) of one image: OCR takes 1 to 2 s a page, and a long
#: agreement has a few dozen.
MAX_PAGES = 100
#: Most pixels of one page: a Letter page scanned at 600 dpi has 34 million, a 48 MP
#: phone photo 48. Pillow decodes every pixel before the page is shrunk, at 3 bytes a
#: pixel for colour and more while it is converted (88 megapixels took about 1 GB).
_MAX_PIXELS = 50_000_000
#: Longest side over shortest: a page is 1.3 (Letter) to about 3 (a long receipt, pages
#: stitched together); a narrower strip is shrunk until its text is too small to read.
_MAX_ASPECT = 10
#: How to turn the page upright for each EXIF orientation, as ImageOps.exif_transpose
#: does; it is done here on the gray page, as exif_transpose would copy the decoded colour
#: image (4 bytes a pixel) even when it need not turn it.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
#: Pillow modes whose values go beyond 255, which its convert("L") clips to white
_DEEP_MODES = ("I", "F", "I;16", "I;16L", "I;16B", "I;16N")


def load(path: Path, data: bytes) -> Document:
    """Document of an image file whose bytes are ``data``."""
    from . import ocr  # numpy, pytesseract and pdfplumber: imported only for scans

    pages = [ocr.read_page(image, number, _PAGE_WIDTH / image.width) for number, image in enumerate(_pages(data), 1)]
    if not any(page.lines for page in pages):
        raise InputError("no-text", "OCR found no text in the image (blank, or too faint or blurred?)")
    ocr.check_legible(pages, "the image")
    return assemble(pages, str(path), "image")


def _pages(data: bytes) -> Iterator[Image.Image]:
    """The image's pages, each decoded and prepared only when the one before has been
    taken: the pixels of one page at a time are held, however many frames a TIFF has."""
    with _decoding():
        image = Image.open(io.BytesIO(data))
        count = image.n_frames if image.format == "TIFF" else 1
    with image:
        if count > MAX_PAGES:
            raise InputError("too-large", f"the image has {count} pages; at most {MAX_PAGES} are read")
        for index in range(count):
            with _decoding():
                image.seek(index)
                page = _prepared(image)
            yield page


@contextmanager
def _decoding() -> Iterator[None]:
    """Pillow's failures as one-line errors. Its warnings about damaged metadata are
    silenced (the error, if any, is the one line); its warning that an image has more
    pixels than it decodes without a second thought (a decompression bomb) is an error."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError("too-large", "the image has too many pixels to be a scanned page") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):  # Pillow's ways of saying "damaged"
        raise InputError("corrupt-image", "the file is not a readable image (damaged or incomplete)") from None


def _prepared(frame: Image.Image) -> Image.Image:
    """The current frame upright, on white, in 8-bit gray, at a size Tesseract reads well;
    refused by its size before its pixels are decoded."""
    width, height = frame.size
    if width * height > _MAX_PIXELS:
        raise InputError(
            "too-large",
            f"the image has {width * height / 1e6:.0f} megapixels; a page is read from at most "
            f"{_MAX_PIXELS // 1_000_000} (scan at 300 dpi, or resize the photo)",
        )
    if max(width, height) > _MAX_ASPECT * min(width, height):
        raise InputError(
            "not-a-page",
            f"the image is {width} x {height} pixels, too long and narrow for a page; crop it or split it into pages",
        )
    gray = _gray(frame)
    turn = _UPRIGHT.get(frame.getexif().get(ExifTags.Base.Orientation))
    if turn is not None:
        gray = gray.transpose(turn)
    longer = max(gray.size)
    target = min(max(longer, _LONG_SIDE[0]), _LONG_SIDE[1])
    if target == longer:
        return gray
    size = (round(gray.width * target / longer), round(gray.height * target / longer))
    return gray.resize(size, Image.Resampling.LANCZOS)


def _gray(image: Image.Image) -> Image.Image:
    """8-bit gray on white. 16-bit and 32-bit pixels are scaled from their range (16-bit
    integers, or 0 to 1 in floating point) rather than clipped at 255, which would turn
    all but the darkest ink white."""
    if image.mode in _DEEP_MODES:
        import numpy as np  # only for such images

        values = np.nan_to_num(np.asarray(image, dtype=np.float64))
        peak = float(values.max())
        if image.mode.startswith("I;16") or peak > 255.0:
            full = 65535.0
        else:  # I and F do not say their range: 0 to 255, or 0 to 1 in floating point
            full = 1.0 if image.mode == "F" and peak <= 1.0 else 255.0
        return Image.fromarray(np.clip(values * (255.0 / full), 0, 255).round().astype(np.uint8))
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    return image.convert("L")
