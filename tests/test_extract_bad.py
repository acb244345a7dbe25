"""Every unreadable input gives an InputError with a stable code and a path-free message."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.errors import InputError
from agreement_check.extract import load

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"

EXPECTED = {
    "empty.txt": ("empty", "the file is empty"),
    "empty.pdf": ("empty", "the file is empty"),
    "truncated.pdf": ("corrupt-pdf", None),
    "not-a-pdf.pdf": ("corrupt-pdf", None),
    "encrypted.pdf": ("encrypted-pdf", "the PDF is password-protected; save an unprotected copy"),
    "scanned.pdf": ("no-text", None),
    "blank-page.pdf": ("no-text", None),
    "no-pages.pdf": ("no-pages", "the PDF has no pages"),
    "corrupt.docx": ("corrupt-docx", None),
    "broken.docx": ("corrupt-docx", None),
    "latin1.txt": ("bad-encoding", None),
    "unsupported.rtf": (
        "unsupported-format",
        "unsupported file type '.rtf' (expected PDF, DOCX, TXT, MD or a PNG, JPEG or TIFF scan)",
    ),
}


def test_every_bad_file_is_covered() -> None:
    assert {p.name for p in BAD.iterdir()} == set(EXPECTED) | {"utf16.txt"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_raises_input_error(name: str) -> None:
    code, message = EXPECTED[name]
    with pytest.raises(InputError) as err:
        load(BAD / name)
    assert err.value.code == code
    if message is not None:
        assert err.value.message == message
    assert err.value.message and "\n" not in err.value.message
    assert name not in err.value.message and str(BAD) not in err.value.message


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("scanned.pdf", "the PDF has no text layer, and its scan could not be read reliably by OCR"),
        ("blank-page.pdf", "the PDF has no text layer and no scanned page to read (blank pages?)"),
    ],
)
def test_pdf_without_text_message_says_why(name: str, why: str) -> None:
    """A blank page is not sent to OCR; a 54 dpi scan is, and is refused as illegible
    rather than analysed from misread words."""
    with pytest.raises(InputError) as err:
        load(BAD / name)
    assert err.value.message.startswith(why)


def test_zero_page_pdf_has_no_pages_whatever_failed_before() -> None:
    """pdfium refuses a PDF without pages but sets no error code of its own (the last
    code stays whatever failed before), so the reader must not trust that code."""
    import pdfplumber

    with pdfplumber.open(BAD / "no-pages.pdf") as pdf:
        assert pdf.pages == []
    for before in ("truncated.pdf", "encrypted.pdf", "no-pages.pdf"):
        with pytest.raises(InputError):
            load(BAD / before)
        with pytest.raises(InputError) as err:
            load(BAD / "no-pages.pdf")
        assert (err.value.code, err.value.message) == ("no-pages", "the PDF has no pages")


def test_empty_and_blank_inputs(tmp_path: Path) -> None:
    cases = {
        "zero.docx": (b"", "the file is empty"),
        "spaces.txt": (b"  \n\t\n   \r\n", "the file has no text, only white space"),
        "spaces.md": ("\u3000\n \n".encode(), "the file has no text, only white space"),
        "rule.md": (b"|---|---|\n", "the file has no text"),
    }
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError) as err:
            load(tmp_path / name)
        assert (err.value.code, err.value.message) == ("empty", message), name


def test_docx_of_only_a_table_is_a_document_and_of_empty_cells_has_no_text(tmp_path: Path) -> None:
    import docx

    only_table = docx.Document()
    table = only_table.add_table(rows=2, cols=2)
    for r, row in enumerate([["Service", "Frequency"], ["Speech therapy", "Twice weekly"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    only_table.save(tmp_path / "table.docx")
    doc = load(tmp_path / "table.docx")
    assert doc.text == "Service | Frequency\nSpeech therapy | Twice weekly"
    assert [(b.kind, b.row) for b in doc.blocks] == [("table_row", 0), ("table_row", 1)]
    assert doc.locate(doc.text.index("Twice")).to_json()["cell"] == 1

    empty_cells = docx.Document()
    empty_cells.add_table(rows=2, cols=3)
    empty_cells.add_paragraph("   ")
    empty_cells.save(tmp_path / "blank.docx")
    with pytest.raises(InputError) as err:
        load(tmp_path / "blank.docx")
    assert (err.value.code, err.value.message) == ("empty", "the document has no text")


def test_utf16_with_bom_is_a_good_file() -> None:
    doc = load(BAD / "utf16.txt")
    assert doc.text.startswith("SETTLEMENT AGREEMENT\nThe District will provide speech therapy")
    assert doc.blocks[0].kind == "heading"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load(tmp_path / "gone.pdf")
    assert (err.value.code, err.value.message) == ("not-found", "no such file")
    folder = tmp_path / "drafts.docx"
    folder.mkdir()
    with pytest.raises(InputError) as err:
        load(folder)
    assert err.value.code == "not-a-file"


@pytest.mark.parametrize("suffix", [".PDF", ".Docx", ".TXT"])
def test_extension_dispatch_is_case_insensitive(tmp_path: Path, suffix: str) -> None:
    source = {".PDF": "sample-mediation.pdf", ".Docx": "sample-mediation.docx", ".TXT": "sample-mediation.txt"}
    target = tmp_path / f"draft{suffix}"
    target.write_bytes((BAD.parent / "samples" / source[suffix]).read_bytes())
    assert load(target).format == suffix[1:].lower()


def test_a_text_file_named_docx_is_corrupt(tmp_path: Path) -> None:
    f = tmp_path / "draft.docx"
    f.write_text("The District will provide speech therapy.", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(f)
    assert err.value.code == "corrupt-docx"
