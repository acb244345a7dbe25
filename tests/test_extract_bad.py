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
    "corrupt.docx": ("corrupt-docx", None),
    "broken.docx": ("corrupt-docx", None),
    "latin1.txt": ("bad-encoding", None),
    "unsupported.rtf": ("unsupported-format", "unsupported file type '.rtf' (expected PDF, DOCX, TXT or MD)"),
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


def test_scanned_pdf_message_says_why() -> None:
    with pytest.raises(InputError) as err:
        load(BAD / "scanned.pdf")
    assert err.value.message.startswith("the PDF has no text layer (a scan?); ")


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
