"""PDF specifics: running headers, footers and page numbers, line numbering, and that
the slow table finder only sees pages that draw rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agreement_check.extract import load, pdf_reader

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
BREAKS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "hyphen-breaks"


def test_pdfplumber_runs_only_on_pages_with_ruled_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = pdf_reader._tables

    def spy(plumber_page, height):  # noqa: ANN001, ANN202
        seen.append(plumber_page.page_number)
        return real(plumber_page, height)

    monkeypatch.setattr(pdf_reader, "_tables", spy)
    for name in ("sample-mediation", "sample-resolution", "sample-settlement"):
        seen.clear()
        doc = load(SAMPLES / f"{name}.pdf")
        table_pages = {doc.locate(b.start).page for b in doc.blocks if b.kind == "table_row"}
        assert table_pages and sorted(set(seen)) == sorted(table_pages) and len(seen) == len(set(seen))
        assert len(seen) < doc.pages


def test_table_rows_come_in_reading_order_with_their_lines() -> None:
    doc = load(SAMPLES / "sample-mediation.pdf")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    before = doc.blocks[doc.blocks.index(rows[0]) - 1]
    after = doc.blocks[doc.blocks.index(rows[-1]) + 1]
    assert doc.block_text(before).startswith("1. The District will provide the services in the table below")
    assert doc.block_text(after).startswith("2. The District will provide compensatory")
    lines = [doc.locate(b.start).line for b in rows]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    cells = [doc.text[s:e] for s, e in rows[3].cells]
    assert cells == ["Reading intervention", "as appropriate", "", "TBD", "Special education teacher", "Resource room"]


def test_body_lines_are_numbered_from_one_on_every_page() -> None:
    doc = load(SAMPLES / "sample-settlement.pdf")
    firsts = {}
    for ref in doc.refs:
        firsts.setdefault(ref.page, ref.line)
    assert set(firsts) == set(range(1, doc.pages + 1)) and set(firsts.values()) == {1}


def test_line_end_hyphens_keep_to_how_the_document_writes_the_word() -> None:
    """The fixture breaks lines after real hyphens and inside a word; pdfium marks all
    three breaks alike, and the reader still gets each word as the source has it."""
    import pypdfium2 as pdfium

    raw = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(BREAKS.with_suffix(".pdf")))
    assert {"speech\ufffelanguage", "follow\ufffeup", "reimbur\ufffesement"} <= set(re.findall(r"\w+\ufffe\w+", raw))
    doc = load(BREAKS.with_suffix(".pdf"))
    assert doc.text.split() == load(BREAKS.with_suffix(".txt")).text.split()
    assert "delivered by a licensed speech-language pathologist" in doc.text  # written so elsewhere
    assert "a second follow-up meeting" in doc.text  # "follow" and "up" are words of the document
    assert "issue reimbursement for the mileage" in doc.text  # "reimbur" and "sement" are not
    row = next(b for b in doc.blocks if b.kind == "table_row" and b.row == 1)
    assert doc.text[slice(*row.cells[-1])] == "Certified speech-language pathologist"  # a broken cell line
    start = doc.text.index("language pathologist in a")
    assert doc.locate(start).line == doc.locate(doc.text.index("licensed speech-language")).line + 1


reportlab = pytest.importorskip("reportlab")


def test_pdfium_marks_a_soft_and_a_hard_line_end_hyphen_alike(tmp_path: Path) -> None:
    """Why the reader cannot take U+FFFE for a soft hyphen: a PDF whose text says U+00AD
    (soft) and one that says U+002D (hard) both come back as U+FFFE at a line end,
    though pdfium keeps them apart inside a line."""
    import pypdfium2 as pdfium
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # embedded, with a ToUnicode map
    pdfmetrics.registerFont(TTFont("Vera", str(font)))
    c = canvas.Canvas(str(tmp_path / "h.pdf"), invariant=1)
    c.setFont("Vera", 11)
    for y, line in ((700, "evalu\u00adation speech-language"), (686, "evalu\u00ad"), (672, "ation speech-"), (658, "language")):
        c.drawString(72, y, line)
    c.save()
    text = pdfium.PdfDocument(tmp_path / "h.pdf")[0].get_textpage().get_text_range()
    assert text.startswith("evalu\u00adation speech-language\r\n")
    assert "evalu\ufffeation speech\ufffelanguage" in text


def make_pdf(path: Path, pages: list[list[str]], top: str | None, bottom: str | None) -> Path:
    """Pages of body lines, with optional header/footer templates ("{n}", "{total}")."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for n, lines in enumerate(pages, start=1):
        c.setFont("Helvetica", 9)
        if top:
            c.drawString(72, 750, top.format(n=n, total=len(pages)))
        if bottom:
            c.drawCentredString(306, 36, bottom.format(n=n, total=len(pages)))
        c.setFont("Helvetica", 11)
        y = 700
        for line in lines:
            c.drawString(72, y, line)
            y -= 24
        c.showPage()
    c.save()
    return path


BODY = [
    ["The District will provide speech therapy.", "The Parent will sign the consent."],
    ["The District will convene an IEP meeting.", "The District will pay the invoice."],
    ["The District will train the staff."],
]


@pytest.mark.parametrize(
    "top, bottom, kinds",
    [
        ("Draft {n} - Smith Agreement", "- {n} -", ("header", "page_number")),
        ("{n}", "Confidential settlement draft", ("page_number", "footer")),
        (None, "Page {n} of {total}", ("page_number",)),
        ("Page {n}", None, ("page_number",)),
    ],
)
def test_headers_footers_and_page_numbers(tmp_path: Path, top, bottom, kinds) -> None:
    doc = load(make_pdf(tmp_path / "d.pdf", BODY, top, bottom))
    assert [doc.block_text(b) for b in doc.blocks] == [line for page in BODY for line in page]
    assert sorted({f.kind for f in doc.furniture}) == sorted(kinds)
    assert len(doc.furniture) == len(kinds) * len(BODY)
    assert [doc.locate(doc.text.index(p[0])).line for p in BODY] == [1, 1, 1]


def test_one_page_header_in_the_margin_is_furniture_but_body_text_is_not(tmp_path: Path) -> None:
    doc = load(make_pdf(tmp_path / "one.pdf", BODY[:1], "Smith v. District - draft", None))
    assert [f.text for f in doc.furniture] == ["Smith v. District - draft"]
    assert doc.text == "\n".join(BODY[0])


def test_repeated_body_lines_are_not_furniture(tmp_path: Path) -> None:
    same = ["The District will provide speech therapy.", "It will be delivered weekly."]
    doc = load(make_pdf(tmp_path / "same.pdf", [same, same], None, None))
    assert doc.furniture == [] and len(doc.blocks) == 4
