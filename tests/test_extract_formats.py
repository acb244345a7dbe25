"""The sample agreements in TXT, DOCX and PDF: same analysable text, blocks and labels,
and every span located back to the right line, paragraph or page line of the source."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from agreement_check.extract import load
from agreement_check.model import Document

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
NAMES = sorted(p.stem for p in SAMPLES.glob("sample-*.txt"))
FORMATS = ("txt", "docx", "pdf")


@cache
def sample(name: str, fmt: str) -> Document:
    return load(SAMPLES / f"{name}.{fmt}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_there_are_samples_in_every_format() -> None:
    assert len(NAMES) == 3
    for name in NAMES:
        for fmt in FORMATS:
            assert (SAMPLES / f"{name}.{fmt}").is_file()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ("docx", "pdf"))
def test_same_text_blocks_and_labels_as_txt(name: str, fmt: str) -> None:
    txt, other = sample(name, "txt"), sample(name, fmt)
    assert squash(other.text) == squash(txt.text)
    assert [(b.kind, b.label, b.level) for b in other.blocks] == [(b.kind, b.label, b.level) for b in txt.blocks]
    rows = [b for b in other.blocks if b.kind == "table_row"]
    assert len(rows) == sum(b.kind == "table_row" for b in txt.blocks) > 0
    for block in rows:
        assert " | ".join(other.text[s:e] for s, e in block.cells) == other.block_text(block)
    for block in other.blocks:
        if block.kind == "list_item":
            assert other.block_text(block).startswith(block.label + " ")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_text_is_blocks_joined_by_newlines(name: str, fmt: str) -> None:
    doc = sample(name, fmt)
    assert doc.text == "\n".join(doc.block_text(b) for b in doc.blocks)
    assert "\r" not in doc.text and "\u00ad" not in doc.text and "\ufffe" not in doc.text


@pytest.mark.parametrize("name", NAMES)
def test_pdf_furniture_is_out_of_the_text(name: str) -> None:
    doc = sample(name, "pdf")
    assert doc.pages == len(pdfium.PdfDocument(SAMPLES / f"{name}.pdf")) >= 2
    headers = [f for f in doc.furniture if f.kind == "header"]
    numbers = [f for f in doc.furniture if f.kind == "page_number"]
    assert [f.page for f in headers] == [f.page for f in numbers] == list(range(1, doc.pages + 1))
    assert all(f.text.endswith("— Confidential") for f in headers)
    assert [f.text for f in numbers] == [f"Page {n} of {doc.pages}" for n in range(1, doc.pages + 1)]
    assert "Confidential" not in doc.text.splitlines()[0] and "Page 1 of" not in doc.text


@pytest.mark.parametrize("name", NAMES)
def test_docx_header_footer_and_flags(name: str) -> None:
    doc = sample(name, "docx")
    assert {f.kind for f in doc.furniture} == {"header", "footer"}
    assert "— Confidential" not in doc.text
    assert doc.pages is None and not doc.tracked_changes and not doc.comments


def test_pdf_rejoins_words_hyphenated_at_line_ends() -> None:
    """The renderer hyphenates some long words; pdfium marks those breaks U+FFFE."""
    split_words = []
    for name in NAMES:
        pdf = pdfium.PdfDocument(SAMPLES / f"{name}.pdf")
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
        split_words += [m.replace("\ufffe", "") for m in re.findall(r"\w+\ufffe\w+", text)]
    assert split_words
    joined = " ".join(sample(name, "pdf").text for name in NAMES)
    for word in split_words:
        assert re.search(rf"\b{word}\b", joined)


# ---------------------------------------------------------------- locating spans


def probes(doc: Document) -> list[tuple[int, int, str]]:
    """A three-word phrase from the middle of every block (and of every table cell),
    after any list label (Word draws it; it is not in the paragraph's text), that
    occurs once in the text: (start, end, phrase)."""
    spans = [(b.start + (len(b.label) + 1 if b.label else 0), b.end) for b in doc.blocks if b.kind != "table_row"]
    spans += [cell for b in doc.blocks for cell in b.cells if cell[1] > cell[0]]
    out = []
    for start, end in spans:
        words = list(re.finditer(r"\S+", doc.text[start:end]))
        if not words:
            continue
        k = len(words) // 2 if len(words) > 3 else 0
        first, last = words[k], words[min(k + 2, len(words) - 1)]
        phrase = doc.text[start + first.start() : start + last.end()]
        if doc.text.count(phrase) == 1:
            out.append((start + first.start(), start + last.end(), phrase))
    return out


def starts_on(line: str, word: str) -> bool:
    """``word`` is on ``line``, or begins at its end, hyphenated onto the next line."""
    return word in line or any(line.endswith(word[:i] + "-") for i in range(2, len(word)))


@pytest.mark.parametrize("name", NAMES)
def test_txt_spans_locate_to_their_source_line(name: str) -> None:
    doc = sample(name, "txt")
    lines = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    found = probes(doc)
    assert len(found) > 20
    for start, end, phrase in found:
        loc = doc.locate(start, end)
        assert (loc.start, loc.end, loc.page, loc.paragraph) == (start, end, None, None)
        assert phrase.split()[0] in lines[loc.line - 1], (phrase, loc)


@pytest.mark.parametrize("name", NAMES)
def test_docx_spans_locate_to_their_paragraph(name: str) -> None:
    doc = sample(name, "docx")
    package = docx.Document(str(SAMPLES / f"{name}.docx"))
    paragraphs = [docx.text.paragraph.Paragraph(p, None).text for p in package.element.body.iter(docx.oxml.ns.qn("w:p"))]
    cells = [
        (t, r, c, cell.text)
        for t, table in enumerate(package.tables)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
    ]
    found = probes(doc)
    assert len(found) > 20
    for start, end, phrase in found:
        loc = doc.locate(start, end)
        assert phrase in paragraphs[loc.paragraph - 1], (phrase, loc)
        if loc.table is not None:
            assert (loc.table, loc.row, loc.cell, phrase) in [(t, r, c, phrase) for t, r, c, text in cells if phrase in text]
    assert any(doc.locate(s).table is not None for s, _, _ in found)


def pdf_body_lines(path: Path) -> list[list[str]]:
    """Per page, pypdfium2's text lines (split where it joined a hyphenated word),
    without the running header and the page number."""
    pages = []
    for page in pdfium.PdfDocument(path):
        text = page.get_textpage().get_text_range().replace("\ufffe", "-\n")
        lines = [ln.strip() for ln in re.split(r"\r\n|\n", text) if ln.strip()]
        pages.append([ln for ln in lines if not ln.endswith("— Confidential") and not re.fullmatch(r"Page \d+ of \d+", ln)])
    return pages


@pytest.mark.parametrize("name", NAMES)
def test_pdf_spans_locate_to_their_page_and_line(name: str) -> None:
    doc = sample(name, "pdf")
    pages = pdf_body_lines(SAMPLES / f"{name}.pdf")
    found = probes(doc)
    assert len(found) > 20
    for start, end, phrase in found:
        loc = doc.locate(start, end)
        assert starts_on(pages[loc.page - 1][loc.line - 1], phrase.split()[0]), (phrase, loc)
    assert {doc.locate(s).page for s, _, _ in found} == set(range(1, doc.pages + 1))
