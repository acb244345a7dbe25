"""PDF specifics: running headers, footers and page numbers, line numbering, and that
the slow table finder only sees pages that draw rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.extract import load, pdf_reader

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"


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


reportlab = pytest.importorskip("reportlab")


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
