"""Scanned agreements: real Tesseract OCR of the scanned sample (fixtures/scans/) must give
what the born-digital PDF gives, located by page and line; images are pages; errors are
one clear line.

Each scanned fixture is OCR'd once per session (module-scoped fixtures): about 2 s a page.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
import weakref
from pathlib import Path

import jsonschema
import numpy as np
import pypdfium2 as pdfium
import pytesseract
import pytest
from PIL import ExifTags, Image
from test_cli import run

from agreement_check.batch import expand
from agreement_check.check import check_path
from agreement_check.config import Settings
from agreement_check.errors import InputError
from agreement_check.extract import image_reader, load, ocr, pdf_reader
from agreement_check.extract.layout import Page
from agreement_check.model import Analysis
from agreement_check.report.text import concise_place

ROOT = Path(__file__).resolve().parents[1]
TEXT_PDF = ROOT / "fixtures" / "samples" / "sample-mediation.pdf"
SCANS = ROOT / "fixtures" / "scans"
SCAN = SCANS / "sample-mediation-scan.pdf"
PHOTO = SCANS / "sample-mediation-photo.jpg"
SCHEMA = json.loads((ROOT / "src" / "agreement_check" / "schema" / "agreement-check-1.schema.json").read_text())


def analyse(path: Path) -> Analysis:
    result = check_path(path, Settings())
    assert result.error is None, result.error
    return result.analysis


@pytest.fixture(scope="module")
def text() -> Analysis:
    return analyse(TEXT_PDF)


@pytest.fixture(scope="module")
def scan() -> Analysis:
    return analyse(SCAN)


@pytest.fixture(scope="module")
def photo_report() -> dict:
    """`agreement-check --format json` on the phone photo, end to end."""
    proc = run("--format", "json", "--exit-zero", str(PHOTO))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    return report["files"][0]


def where(analysis: Analysis, start: int) -> tuple[int | None, int | None]:
    loc = analysis.document.locate(start)
    return loc.page, loc.line


def commitments(analysis: Analysis) -> list[tuple]:
    """Each commitment's clause number, kind and page:line."""
    return [(c.label, c.kind, *where(analysis, c.start)) for c in analysis.commitments]


# ------------------------------------------------------------------------ the scan


def test_the_scan_is_image_only_at_200_dpi() -> None:
    pdf = pdfium.PdfDocument(SCAN)
    assert len(pdf) == len(pdfium.PdfDocument(TEXT_PDF)) == 2
    for page in pdf:
        assert page.get_textpage().count_chars() == 0
        assert pdf_reader._scan_dpi(page) == pytest.approx(200, abs=1)


def test_scanned_pdf_gives_the_same_commitments_at_the_same_places(text: Analysis, scan: Analysis) -> None:
    assert text.commitments and commitments(scan) == commitments(text)
    assert scan.agreement_date == text.agreement_date
    assert scan.document.pages == 2 and scan.document.format == "pdf"


def test_scanned_pdf_keeps_the_table_and_the_clause_structure(text: Analysis, scan: Analysis) -> None:
    """The ruled table is found from the pixels; every block has the kind, label and
    place it has in the text layer."""

    def blocks(a: Analysis) -> list[tuple]:
        return [(b.kind, b.label, b.row, *where(a, b.start)) for b in a.document.blocks]

    assert blocks(scan) == blocks(text)
    row = next(b for b in scan.document.blocks if b.kind == "table_row" and b.row == 3)
    cells = [scan.document.text[s:e] for s, e in row.cells]
    assert cells == ["Reading intervention", "as appropriate", "", "TBD", "Special education teacher", "Resource room"]
    assert [f.kind for f in scan.document.furniture] == [f.kind for f in text.document.furniture]


def test_scanned_pdf_text_is_nearly_the_text_layer(text: Analysis, scan: Analysis) -> None:
    """Measured: 5 of 544 word positions differ: "If the" read as one word, and the three
    long signature blanks drawn 29 underscores long where the text layer has 30. The
    bound leaves room for one more slip of that size, not for a misread line."""
    import difflib

    a, b = text.document.text.split(), scan.document.text.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    differing = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    assert differing <= 7
    assert text.document.text.count("Date: ____") == scan.document.text.count("Date: ____") == 3


def test_scanned_pdf_gives_the_same_findings_per_clause(text: Analysis, scan: Analysis) -> None:
    """Every commitment gets exactly the same rule codes. Document-level findings may
    differ by one: the scan reads clause 11's "If the" as "Ifthe", so it does not
    recognise what happens if the District fails to implement (AC408). One OCR slip can
    hide one statement of the agreement as a whole; a per-clause check is not fooled by it."""

    def per_commitment(a: Analysis) -> list[tuple]:
        index = {c.id: i for i, c in enumerate(a.commitments)}
        return sorted((index[f.commitment], f.code, where(a, f.start)) for f in a.findings if f.commitment)

    def document_level(a: Analysis) -> set[str]:
        return {f.code for f in a.findings if not f.commitment}

    assert per_commitment(text) and per_commitment(scan) == per_commitment(text)
    assert len(document_level(scan) ^ document_level(text)) <= 1


def test_scanned_findings_are_located_page_line(scan: Analysis) -> None:
    places = [concise_place(scan.document, f) for f in scan.findings if f.end > f.start]
    assert places and all(p.count(":") == 1 and all(n.isdigit() for n in p.split(":")) for p in places)
    assert {p.split(":")[0] for p in places} == {"1", "2"}


def test_a_pdf_mixing_scanned_and_text_pages(text: Analysis, tmp_path: Path) -> None:
    """Page 1 a scan whose text layer is one invisible line (a scanning app's tag), page 2
    typed: page 1 is still read by OCR (its tag is not), page 2 from its text layer, and
    they make one document."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page_one = pdfium.PdfDocument(SCAN)[0].render(scale=200 / 72, grayscale=True).to_pil()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter)
    c.drawImage(ImageReader(page_one), 0, 0, *letter)
    tag = c.beginText(20, 8)
    tag.setTextRenderMode(3)  # invisible, as OCR layers and app tags are
    tag.textLine("Scanned with PocketScan")
    c.drawText(tag)
    c.showPage()
    c.save()
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(buffer.getvalue()), [0])
    mixed.import_pages(pdfium.PdfDocument(TEXT_PDF), [1])
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    result = analyse(path)
    assert commitments(result) == commitments(text)
    assert [f.kind for f in result.document.furniture] == [f.kind for f in text.document.furniture]
    assert "PocketScan" not in result.document.text + str(result.document.furniture)


# ------------------------------------------------------------------------ images


def test_the_photo_is_stored_sideways_with_an_exif_orientation() -> None:
    with Image.open(PHOTO) as image:
        assert image.width > image.height
        assert image.getexif()[ExifTags.Base.Orientation] == 6


def test_a_phone_photo_reads_like_its_page(text: Analysis, photo_report: dict) -> None:
    """The photo is page 1 only: its commitments and their findings are those of page 1."""
    page_one = [c for c in commitments(text) if c[2] == 1]
    got = [(c["label"], c["kind"], c["location"]["page"], c["location"]["line"]) for c in photo_report["commitments"]]
    assert page_one and got == page_one
    codes = sorted((f["location"]["line"], f["code"]) for f in photo_report["findings"] if "page" in f["location"])
    want = sorted((line, f.code) for f in text.findings if f.commitment for page, line in [where(text, f.start)] if page == 1)
    assert codes == want


def test_a_photo_is_an_image_whose_findings_are_placed_by_page_and_line() -> None:
    photo = analyse(PHOTO)
    assert photo.document.format == "image"
    placed = [concise_place(photo.document, f) for f in photo.findings if f.commitment]
    assert placed and all(p.startswith("1:") for p in placed)


def test_multipage_tiff_frames_are_pages(scan: Analysis, tmp_path: Path) -> None:
    """A blank first frame, then the scan's page 2: two pages, text all on page 2."""
    page_two = pdfium.PdfDocument(SCAN)[1].render(scale=200 / 72, grayscale=True).to_pil()
    blank = Image.new("L", page_two.size, 255)
    path = tmp_path / "draft.tiff"
    blank.save(path, save_all=True, append_images=[page_two], compression="tiff_deflate")
    doc = load(path)
    assert doc.pages == 2 and {ref.page for ref in doc.refs} == {2}
    assert doc.text.startswith("intervention plan.") and len(doc.text) > 1000
    assert " ".join(doc.text.split()) in " ".join(scan.document.text.split())


def test_folders_and_zips_include_images(tmp_path: Path) -> None:
    for name in ("a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff", "f.gif", "g.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [Path(t.path).name for t in expand([(tmp_path, Settings())])] == [
        "a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff", "g.txt"
    ]


# ------------------------------------------------------------------------ errors


def test_without_tesseract_a_scan_is_one_line_naming_the_package(tmp_path: Path) -> None:
    proc = run(str(PHOTO), env={"PATH": str(tmp_path)})  # no tesseract on this PATH
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"agreement-check: {PHOTO}: this file is a scan")
    assert "apt-get install tesseract-ocr" in line


def test_without_tesseract_the_error_code_is_ocr_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "tesseract"))
    for path in (SCAN, PHOTO):
        with pytest.raises(InputError) as err:
            load(path)
        assert err.value.code == "ocr-unavailable" and "Tesseract" in err.value.message
    assert load(TEXT_PDF).text  # a text layer needs no OCR


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("truncated.jpg", PHOTO.read_bytes()[:20_000]),
        ("not-an-image.png", b"This is a note saved with a .png name.\n"),
        ("garbage.tif", b"II*\x00" + bytes(range(256)) * 4),
    ],
)
def test_an_unreadable_image_is_corrupt_image(tmp_path: Path, name: str, data: bytes) -> None:
    """One error and nothing else: Pillow's warnings about damaged metadata would be
    extra lines on the terminal."""
    (tmp_path / name).write_bytes(data)
    with warnings.catch_warnings(record=True) as caught, pytest.raises(InputError) as err:
        warnings.simplefilter("always")
        load(tmp_path / name)
    assert err.value.code == "corrupt-image" and caught == []
    assert err.value.message == "the file is not a readable image (damaged or incomplete)"


def test_an_image_too_large_for_a_page_is_refused_before_decoding(tmp_path: Path) -> None:
    Image.new("1", (15_000, 15_000), 1).save(tmp_path / "huge.png")  # 57 kB, 225 megapixels
    with pytest.raises(InputError) as err:
        load(tmp_path / "huge.png")
    assert err.value.code == "too-large"


def test_a_blank_image_has_no_text(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("L", (1275, 1650), 250).save(buffer, "PNG")
    (tmp_path / "blank.png").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as err:
        load(tmp_path / "blank.png")
    assert err.value.code == "no-text" and "OCR found no text" in err.value.message


# ------------------------------------------------------------------------ a broken or hung Tesseract

TESSERACT = shutil.which("tesseract")


def fake_tesseract(folder: Path, script: str) -> Path:
    """An executable named ``tesseract`` in ``folder`` that runs a shell script: a broken
    or hung install, or a wrapper around the real one."""
    folder.mkdir(exist_ok=True)
    path = folder / "tesseract"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


def blank_png(folder: Path) -> Path:
    path = folder / "blank.png"
    Image.new("L", (850, 1100), 255).save(path)
    return path


@pytest.mark.parametrize(
    ("script", "problem"),
    [
        ("exit 127", "`tesseract --version` exited with status 127"),  # a broken install
        ("echo 'tesseract unknown-build'", "Invalid tesseract version"),  # pytesseract raises SystemExit
    ],
)
def test_a_broken_tesseract_is_one_line_per_scan_and_the_batch_goes_on(
    tmp_path: Path, script: str, problem: str
) -> None:
    fake = fake_tesseract(tmp_path / "bin", script)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    with Image.open(PHOTO) as photo:
        photo.save(drafts / "a-photo.png")
    shutil.copy(SCAN, drafts / "b-scan.pdf")
    shutil.copy(TEXT_PDF, drafts / "c-typed.pdf")
    proc = run("--format", "json", str(drafts), env={"PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert [line.split(": ")[1] for line in lines] == [str(drafts / "a-photo.png"), str(drafts / "b-scan.pdf")]
    for line in lines:
        assert "this file is a scan and reading it needs the Tesseract OCR engine" in line and problem in line
    files = json.loads(proc.stdout)["files"]
    assert [f["status"] for f in files] == ["error", "error", "ok"]
    assert {f["error"]["code"] for f in files[:2]} == {"ocr-unavailable"}


@pytest.mark.parametrize(
    ("script", "problem"),
    [
        ("exec sleep 30", "did not answer `tesseract --version` within 1 s"),
        (f'[ "$1" = --version ] && exec {TESSERACT} --version; exec sleep 30', "was stopped after 1 s on a page"),
    ],
)
def test_a_hung_tesseract_is_stopped_and_leaves_no_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str, problem: str
) -> None:
    monkeypatch.setattr(ocr, "TIMEOUT", 1)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(fake_tesseract(tmp_path / "bin", script)))
    image = blank_png(tmp_path)
    scratch = tmp_path / "scratch"  # where our page image and pytesseract's files go
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        load(image)
    assert time.monotonic() - started < 10
    assert err.value.code == "ocr-unavailable" and problem in err.value.message
    assert list(scratch.iterdir()) == []


def test_tesseract_alone_runs_on_one_thread(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The thread limit is given to the Tesseract child, not left in our environment (a
    batch's workers and anything else started later would inherit it)."""
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    seen = tmp_path / "seen"
    fake = fake_tesseract(tmp_path / "bin", f'echo "limit=$OMP_THREAD_LIMIT" >> {seen}; exec {TESSERACT} "$@"')
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(fake))
    with pytest.raises(InputError) as err:
        load(blank_png(tmp_path))
    assert err.value.code == "no-text"  # Tesseract ran, and found nothing
    assert set(seen.read_text().split()) == {"limit=1"}
    assert "OMP_THREAD_LIMIT" not in os.environ


def test_a_failure_while_reading_a_scan_is_an_internal_error_not_a_damaged_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_page(*args: object) -> Page:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(ocr, "read_page", read_page)
    result = check_path(SCAN, Settings())
    assert result.error.code == "internal-error" and "ZeroDivisionError: boom" in result.error.message


def test_a_typed_pdf_with_a_scanned_signature_needs_no_tesseract(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: Analysis
) -> None:
    """The signature page has a short text layer and a pasted scan of the signatures over
    half of it, so it is sent to OCR; without Tesseract it is read from its text layer, as
    the whole PDF is, rather than refused as a scan."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    signatures = Image.new("L", (1200, 600), 255)
    signatures.paste(40, (100, 280, 1100, 300))  # a pen stroke on paper
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter)
    c.drawString(72, 680, "IN WITNESS WHEREOF, the parties have signed this agreement.")
    c.drawImage(ImageReader(signatures), 72, 300, 468, 234 * 1.4)
    c.showPage()
    c.save()
    signed = pdfium.PdfDocument.new()
    signed.import_pages(pdfium.PdfDocument(TEXT_PDF))
    signed.import_pages(pdfium.PdfDocument(buffer.getvalue()))
    path = tmp_path / "signed.pdf"
    signed.save(path)
    assert pdf_reader._scan_dpi(pdfium.PdfDocument(path)[2]) is not None

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    doc = load(path)
    assert doc.pages == 3 and doc.unread_pages == [3]
    assert doc.text.startswith(text.document.text)
    assert doc.text.endswith("IN WITNESS WHEREOF, the parties have signed this agreement.")
    # ... and the report says that page 3 went unread
    result = check_path(path, Settings())
    (warning,) = [f for f in result.analysis.findings if f.code == "AC410"]
    assert warning.message.startswith("Page 3 is a scan that OCR could not read")


def test_a_broken_tesseract_on_a_scanned_pdf_is_not_a_damaged_pdf(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(fake_tesseract(tmp_path, "exit 127")))
    with pytest.raises(InputError) as err:
        load(SCAN)
    assert err.value.code == "ocr-unavailable"
    assert err.value.message.startswith("this file is a scan and reading it needs the Tesseract OCR engine")


# ------------------------------------------------------------------------ unusual images


def test_a_phone_jpeg_with_a_gain_map_is_one_page(tmp_path: Path) -> None:
    """A phone's JPEG may carry a second image (an HDR gain map, an MPO frame): no page."""
    page = pdfium.PdfDocument(SCAN)[1].render(scale=200 / 72).to_pil()
    gain_map = Image.new("RGB", (page.width // 4, page.height // 4), (90, 90, 90))
    path = tmp_path / "photo.jpg"
    page.save(path, "MPO", save_all=True, append_images=[gain_map])
    with Image.open(path) as image:
        assert image.format == "MPO" and image.n_frames == 2
    doc = load(path)
    assert doc.pages == 1 and doc.text.startswith("intervention plan.")


def test_a_tiff_of_too_many_frames_is_refused_before_any_is_read(tmp_path: Path) -> None:
    frames = [Image.new("L", (8, 8), 255) for _ in range(image_reader.MAX_PAGES + 1)]
    frames[0].save(tmp_path / "frames.tif", save_all=True, append_images=frames[1:])
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        load(tmp_path / "frames.tif")
    assert time.monotonic() - started < 5
    assert err.value.code == "too-large"
    most = image_reader.MAX_PAGES
    assert err.value.message == f"the image has {most + 1} pages; at most {most} are read"


def test_tiff_frames_are_prepared_one_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A page's pixels are let go once it is read, not all kept until the last is."""
    given: list[weakref.ref] = []
    at_once = []

    def read_page(image: Image.Image, number: int, points: float) -> Page:
        given.append(weakref.ref(image))
        gc.collect()
        at_once.append(sum(ref() is not None for ref in given))
        return Page(number, 612.0, 792.0, [], lambda line, x0, x1: "")

    monkeypatch.setattr(ocr, "read_page", read_page)
    frames = [Image.new("L", (100, 130), 255) for _ in range(5)]
    frames[0].save(tmp_path / "frames.tif", save_all=True, append_images=frames[1:])
    with pytest.raises(InputError):  # no text on blank pages
        load(tmp_path / "frames.tif")
    assert len(at_once) == 5 and max(at_once) <= 2


def test_pillows_decompression_bomb_warning_is_too_large(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pillow warns between its limit and twice it (and refuses above): the warning, too,
    means the image is too large, not a line to hide."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    Image.new("L", (1000, 1300), 255).save(tmp_path / "big.png")
    with pytest.raises(InputError) as err:
        load(tmp_path / "big.png")
    assert err.value.code == "too-large"


def test_an_image_of_more_pixels_than_a_page_is_refused_before_decoding(tmp_path: Path) -> None:
    """88 megapixels, under Pillow's own limit, in a 30 kB PNG: decoding it costs about 1 GB."""
    Image.new("1", (9400, 9400), 1).save(tmp_path / "huge.png")
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        load(tmp_path / "huge.png")
    assert time.monotonic() - started < 5
    assert err.value.code == "too-large" and "88 megapixels" in err.value.message


def test_a_16_bit_scan_reads_like_its_8_bit_original(scan: Analysis, tmp_path: Path) -> None:
    page_two = pdfium.PdfDocument(SCAN)[1].render(scale=200 / 72, grayscale=True).to_pil()
    Image.fromarray(np.asarray(page_two, dtype=np.uint16) * 257).save(tmp_path / "deep.png")
    with Image.open(tmp_path / "deep.png") as image:
        assert image.mode == "I;16"
    doc = load(tmp_path / "deep.png")
    assert doc.text.startswith("intervention plan.") and len(doc.text) > 1000
    assert " ".join(doc.text.split()) in " ".join(scan.document.text.split())


@pytest.mark.parametrize(("mode", "gray"), [("I;16", 32767), ("I", 32767), ("F", 0.5)])
def test_deep_pixels_are_scaled_to_8_bits_not_clipped(tmp_path: Path, mode: str, gray: float) -> None:
    """Mid gray in the image's range (16-bit, or 0 to 1 in floating point) is mid gray."""
    Image.new(mode, (100, 130), gray).save(tmp_path / "gray.tif")
    (page,) = image_reader._pages((tmp_path / "gray.tif").read_bytes())
    assert page.mode == "L" and 126 <= page.getextrema()[0] <= page.getextrema()[1] <= 129


def test_a_strip_is_not_a_page(tmp_path: Path) -> None:
    Image.new("L", (3, 20_000), 255).save(tmp_path / "strip.png")
    with pytest.raises(InputError) as err:
        load(tmp_path / "strip.png")
    assert err.value.code == "not-a-page"
    assert err.value.message == (
        "the image is 3 x 20000 pixels, too long and narrow for a page; crop it or split it into pages"
    )


# ------------------------------------------------------------------------ fixtures


def test_scan_fixtures_render_deterministically(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("render_fixtures", ROOT / "scripts" / "render_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert module.main(["--scans", "--out-dir", str(out)]) == 0
    names = sorted(p.name for p in (first / "scans").iterdir())
    assert names == sorted(p.name for p in SCANS.iterdir())
    assert all((first / "scans" / n).read_bytes() == (second / "scans" / n).read_bytes() for n in names)
