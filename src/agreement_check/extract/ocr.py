"""Scanned pages and photos: Tesseract's words laid out as the lines of a :class:`~.layout.Page`.

A scan is usually tilted a little, which would break a table's rules into steps and
wrap one text line into the next, so the page is first straightened (the angle whose
horizontal projection of dark pixels is sharpest). Ruled tables are found from long
straight runs of dark pixels, which pdfplumber's lattice finder (the one pdf_reader uses
on drawn rules) turns into rows and cells; the rules are then whited out so Tesseract
reads only the text. Tesseract (through pytesseract's ``image_to_data``) gives words with
boxes and its own block, paragraph and line numbers; its lines, in its reading order,
become the page's lines, in PDF points with the origin bottom left, so the rest of the
pipeline treats a scanned page like a page with a text layer. OCR runs locally: the
image never leaves the machine.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import attrgetter

import numpy as np
import pytesseract
from pdfplumber import table as lattice
from PIL import Image

from ..errors import InputError
from .layout import Line, Page, lattice_table
from .normalize import clean_line

#: The least average confidence (0-100) of OCR'd words a document is analysed with.
#: Measured on the sample agreement scanned at 54, 72, 100, 150 and 200 dpi: 58, 77, 86,
#: 93, 94; below about 80 a third of the words are misread, dates and clause numbers
#: with them, and a report would be wrong rather than incomplete.
MIN_CONFIDENCE = 80.0
MAX_SKEW = 5.0  # degrees either way a page is searched for tilt
_SKEW_STEP = 0.1
_SKEW_WIDTH = 1000  # pixels: the page is shrunk to about this width to measure its tilt
_INK = 160  # a gray level darker than this is ink (paper is near 255)
_RULE_H = 0.5  # inches: a horizontal run of ink at least this long is a rule
_RULE_V = 0.2  # inches: a vertical one (a one-line table row is about 0.3 in tall)
#: letters and marks that reach below the baseline; a word without them sits on it
_DESCENDERS = frozenset("gjpqyQJ,;()[]{}|/@$§_µ")
#: Seconds one Tesseract run may take before it is stopped: a page takes 1 to 2 s, so
#: only a hung or broken install reaches this, which must not hang a batch.
TIMEOUT = 120
_NEEDS = "this file is a scan and reading it needs the Tesseract OCR engine, which "
_NOT_INSTALLED = "is not installed; install it (Debian/Ubuntu: apt-get install tesseract-ocr)"


@dataclass(frozen=True, slots=True)
class Word:
    """One word Tesseract read, its box in pixels of the straightened image."""

    line: tuple[int, int, int]  # Tesseract's block, paragraph and line numbers
    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float


def read_page(image: Image.Image, number: int, points: float) -> Page:
    """The page an image shows, with the confidence of each word read on it.

    ``points`` is the size of one pixel in PDF points (72 / dpi). Raises
    ``ocr-unavailable`` when Tesseract is not installed, cannot run or hangs."""
    gray = _straighten(image.convert("L"))
    pixels = np.asarray(gray)
    dpi = 72.0 / points
    rules = _rules(pixels, dpi)
    found = _lattice(rules, dpi)
    in_tables = [any(_within(rule, table.bbox, dpi) for table in found) for rule in rules]
    blanks = [rule for rule, ruled in zip(rules, in_tables) if not ruled and rule["orientation"] == "h"]
    words = _words(Image.fromarray(_white_out(pixels, rules, dpi)), dpi)
    groups = _fill_blanks([list(group) for _, group in groupby(words, key=attrgetter("line"))], blanks, dpi)
    height = gray.height * points
    lines = [_line(group, points, height) for group in groups]
    tables = [t for table in found if (t := lattice_table(table, points, height)) is not None]
    return Page(number, gray.width * points, height, lines, _cell_text, tables, [w.confidence for w in words])


def check_legible(pages: list[Page], what: str) -> None:
    """Raise ``no-text`` when OCR read the words of the scanned pages too unsurely on
    average (see MIN_CONFIDENCE); ``what`` names them in the message."""
    confidences = [c for page in pages for c in page.confidences or ()]
    if confidences and (mean := sum(confidences) / len(confidences)) < MIN_CONFIDENCE:
        raise InputError(
            "no-text",
            f"{what} could not be read reliably by OCR (words read with {mean:.0f}% confidence on average); "
            "scan it at 200 dpi or more, or ask for the original document",
        )


def _straighten(gray: Image.Image) -> Image.Image:
    """The page rotated so its text lines are level (no larger tilt than MAX_SKEW)."""
    factor = max(1, gray.width // _SKEW_WIDTH)
    small = np.asarray(gray.reduce(factor)) < _INK
    ys, xs = np.nonzero(small)
    if len(ys) < 100:  # blank: nothing to level
        return gray
    ys = ys - small.shape[0] / 2
    xs = xs - small.shape[1] / 2

    def sharpness(angle: float) -> float:
        rad = np.deg2rad(angle)
        rows = np.round(ys * np.cos(rad) - xs * np.sin(rad)).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    angles = np.arange(-MAX_SKEW, MAX_SKEW + _SKEW_STEP / 2, _SKEW_STEP)
    best = max(angles, key=sharpness)
    if abs(best) < _SKEW_STEP / 2:
        return gray
    return gray.rotate(best, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _runs(ink: np.ndarray, length: int, gap: int) -> Iterator[tuple[int, int, int]]:
    """(row, start, end) of each horizontal run of ink at least ``length`` pixels long,
    bridging breaks of up to ``gap`` pixels (between the underscores of a blank, or
    where noise lightened a pixel)."""
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    if not len(rows):
        return
    opens = np.ones(len(rows), dtype=bool)
    opens[1:] = (rows[1:] != rows[:-1]) | (starts[1:] - ends[:-1] > gap)
    closes = np.roll(opens, -1)
    for row, start, end in zip(rows[opens], starts[opens], ends[closes]):
        if end - start >= length:
            yield int(row), int(start), int(end)


def _rules(pixels: np.ndarray, dpi: float) -> list[dict]:
    """The page's straight rules as pdfplumber edges (pixels, measured from the top).
    A rule a few pixels thick, or broken by noise, is snapped and joined into one edge."""
    ink = pixels < _INK
    gap = round(_tolerance(dpi))
    h = [
        {"x0": s, "x1": e, "top": r, "bottom": r, "width": e - s, "height": 0, "orientation": "h"}
        for r, s, e in _runs(ink, round(_RULE_H * dpi), gap)
    ]
    v = [
        {"x0": c, "x1": c, "top": s, "bottom": e, "width": 0, "height": e - s, "orientation": "v"}
        for c, s, e in _runs(ink.T, round(_RULE_V * dpi), gap)
    ]
    tolerance = _tolerance(dpi)
    return lattice.merge_edges(h + v, tolerance, tolerance, tolerance, tolerance) if h or v else []


def _tolerance(dpi: float) -> float:
    """How far apart (pixels) two rules may be and still be one: about a point."""
    return max(3.0, dpi / 72.0)


def _lattice(rules: list[dict], dpi: float) -> list[lattice.Table]:
    """Ruled tables: where rules cross to close cells, as pdfplumber finds them on drawn rules."""
    tolerance = _tolerance(dpi)
    cells = lattice.intersections_to_cells(lattice.edges_to_intersections(rules, tolerance, tolerance))
    return [lattice.Table(None, group) for group in lattice.cells_to_tables(cells)]


def _within(rule: dict, bbox: tuple[float, float, float, float], dpi: float) -> bool:
    tolerance = _tolerance(dpi)
    x0, top, x1, bottom = bbox
    return (
        rule["x0"] >= x0 - tolerance
        and rule["x1"] <= x1 + tolerance
        and rule["top"] >= top - tolerance
        and rule["bottom"] <= bottom + tolerance
    )


def _white_out(pixels: np.ndarray, rules: list[dict], dpi: float) -> np.ndarray:
    """The pixels with the rules (a little thickened) painted white: Tesseract reads a
    rule beside a word as letters, and underscores it would half read are put back as
    text by :func:`_fill_blanks`."""
    out = pixels.copy()
    pad = round(_tolerance(dpi))
    for rule in rules:
        top, bottom = max(int(rule["top"]) - pad, 0), int(rule["bottom"]) + pad + 1
        left, right = max(int(rule["x0"]) - pad, 0), int(rule["x1"]) + pad + 1
        out[top:bottom, left:right] = 255
    return out


def _fill_blanks(lines: list[list[Word]], blanks: list[dict], dpi: float) -> list[list[Word]]:
    """Lines with the rules to write on (signature and date blanks) as words of
    underscores, as a text layer has them; a rule under words is their underline and is
    left out. A blank beside words joins their line; one alone is a line of its own, in
    its place from the top."""
    reach = round(0.15 * dpi)  # how far from a rule the words it underlines end
    for rule in blanks:
        left, right, y = int(rule["x0"]), int(rule["x1"]), int(rule["top"])
        over = [w for line in lines for w in line if abs(w.bottom - y) <= reach and w.right > left and w.left < right]
        if sum(min(w.right, right) - max(w.left, left) for w in over) > (right - left) / 2:
            continue
        word = Word((0, 0, 0), "_" * max(3, round((right - left) / dpi * 12)), left, y - reach, right, y, 100.0)
        beside = [line for line in lines if min(w.top for w in line) <= y <= max(w.bottom for w in line) + reach]
        if beside:
            line = min(beside, key=lambda line: abs(max(w.bottom for w in line) - y))
            line.append(word)
            line.sort(key=attrgetter("left"))
        else:
            at = sum(1 for line in lines if max(w.bottom for w in line) < y)
            lines.insert(at, [word])
    return lines


def _words(image: Image.Image, dpi: float) -> list[Word]:
    """Tesseract's words, in its reading order, grouped later by their line numbers.

    Page segmentation mode 4 (one column of text of varying sizes): an agreement is one
    column, and in the automatic mode (3) Tesseract dropped the clause numbers standing
    in their hanging indent on one page of the sample (4 of 7), never in mode 4. The
    resolution is given rather than left to Tesseract's estimate. The page goes to
    Tesseract as an uncompressed BMP in a private temporary folder: pytesseract's default
    PNG costs a third of the page's time to compress."""
    with tempfile.TemporaryDirectory(prefix="agreement-check-ocr-") as folder:
        path = os.path.join(folder, "page.bmp")
        image.save(path)
        data = _tesseract(path, f"--psm 4 --dpi {round(dpi)}")
    words = []
    for i, text in enumerate(data["text"]):
        text = clean_line(text)
        if text:
            line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            left, top = data["left"][i], data["top"][i]
            right, bottom = left + data["width"][i], top + data["height"][i]
            words.append(Word(line, text, left, top, right, bottom, float(data["conf"][i])))
    return words


def _tesseract(path: str, config: str) -> dict[str, list]:
    """pytesseract's ``image_to_data`` of an image file. Whatever goes wrong with the
    engine (missing, broken, hung: pytesseract lets a failed version check through as
    CalledProcessError or SystemExit) is ``ocr-unavailable``, in one line saying what."""
    with _one_thread():
        problem = _engine_problem(pytesseract.pytesseract.tesseract_cmd)
        if problem is None:
            try:
                return pytesseract.image_to_data(
                    path, config=config, output_type=pytesseract.Output.DICT, timeout=TIMEOUT
                )
            except (Exception, SystemExit) as exc:
                problem = _problem(exc)
    raise InputError("ocr-unavailable", _NEEDS + problem)


@contextmanager
def _one_thread() -> Iterator[None]:
    """OMP_THREAD_LIMIT=1 for the Tesseract processes started inside, unless the user set
    it: Tesseract's OpenMP threads spin against each other on a busy machine (tenfold
    slower measured on 2 cores), and batches already run files in parallel. pytesseract
    starts Tesseract with our environment, so the variable is set only for the call:
    left set, it would reach everything started later (a batch's workers included)."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        del os.environ["OMP_THREAD_LIMIT"]


@cache
def _engine_problem(command: str) -> str | None:
    """What is wrong with the engine ``command`` runs, unless ``command --version`` answers
    in time (pytesseract asks the same first, with no time limit). Asked once per command
    and process, so a hung install costs a batch one wait, not one per file."""
    try:
        answer = subprocess.run(
            [command, "--version"], capture_output=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT, check=False
        )
    except FileNotFoundError:
        return _NOT_INSTALLED
    except subprocess.TimeoutExpired:
        return f"did not answer `tesseract --version` within {TIMEOUT} s"
    except OSError as exc:  # not executable, ...
        return _problem(exc)
    if answer.returncode:
        return f"does not work (`tesseract --version` exited with status {answer.returncode}); reinstall it"
    return None


def _problem(exc: BaseException) -> str:
    """What went wrong with Tesseract, to end the sentence in _NEEDS."""
    if isinstance(exc, pytesseract.TesseractNotFoundError):
        return _NOT_INSTALLED
    if isinstance(exc, pytesseract.TesseractError):
        return f"failed ({_one_line(str(exc.message)) or f'exit status {exc.status}'})"
    if isinstance(exc, RuntimeError) and str(exc) == "Tesseract process timeout":  # pytesseract's own words
        return f"was stopped after {TIMEOUT} s on a page"
    return f"failed ({_one_line(f'{type(exc).__name__}: {exc}')})"


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _line(words: list[Word], points: float, height: float) -> Line:
    """A Tesseract line as a page line: box in points, baseline where its words without
    descenders end (a "g" or a comma would put it lower)."""
    flat = [w.bottom for w in words if not _DESCENDERS & set(w.text)] or [w.bottom for w in words]
    baseline = float(np.median(flat))
    first = words[0]
    return Line(
        text=" ".join(w.text for w in words),
        x0=first.left * points,
        x1=max(w.right for w in words) * points,
        bottom=height - baseline * points,
        top=height - min(w.top for w in words) * points,
        first_word=(first.right - first.left) * points,
        font=None,  # OCR does not tell fonts apart
        words=[(w.left * points, w.right * points, w.text) for w in words],
    )


def _cell_text(line: Line, x0: float, x1: float) -> str:
    """The words of a line whose middle is between x0 and x1."""
    return " ".join(text for left, right, text in line.words if x0 <= (left + right) / 2 <= x1)
