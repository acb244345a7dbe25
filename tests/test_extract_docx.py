"""DOCX reading: accepted view of tracked changes, Word numbering labels, styles, flags."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from lxml import etree

from agreement_check.check import check_path
from agreement_check.config import Settings
from agreement_check.extract import load
from agreement_check.extract.numbering import W, Numbering, format_number

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
NS = f'xmlns:w="{W}"'


def test_tracked_changes_fixture_reads_the_accepted_view() -> None:
    doc = load(SAMPLES / "tracked-changes.docx")
    assert "speech-language therapy twice weekly for 30 minutes beginning on March 3, 2025." in doc.text
    assert "convene an IEP meeting by April 15, 2025." in doc.text
    assert "as appropriate" not in doc.text and "when staff are available" not in doc.text
    assert doc.tracked_changes and doc.comments


def test_clean_sample_has_no_flags() -> None:
    doc = load(SAMPLES / "sample-mediation.docx")
    assert not doc.tracked_changes and not doc.comments


def make_docx(tmp_path: Path, body: str, numbering: str | None = None, pages: int | None = None) -> Path:
    """A .docx whose body holds the given paragraph XML (w: prefix bound)."""
    document = docx.Document()
    body_el = document.element.body
    for p in list(body_el):
        if p.tag != f"{{{W}}}sectPr":
            body_el.remove(p)
    for el in parse_xml(f"<w:body {NS}>{body}</w:body>"):
        body_el.insert(len(body_el) - 1, el)
    if numbering is not None:
        document.part.numbering_part._element = parse_xml(f"<w:numbering {NS}>{numbering}</w:numbering>")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if pages is not None:
        data = _with_app_pages(data, pages)
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    return path


def _with_app_pages(data: bytes, pages: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/app.xml":
                blob = blob.replace(b"<Pages>1</Pages>", f"<Pages>{pages}</Pages>".encode())
            dst.writestr(info, blob)
    return out.getvalue()


def para(text: str, num: tuple[int, int] | None = None, style: str | None = None, extra: str = "") -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}{extra}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


OUTLINE = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "lowerLetter", "(%2)")
    + lvl(2, "lowerRoman", "%3.")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "upperLetter", "%1.")
    + lvl(1, "decimal", "%1.%2")
    + lvl(2, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="2">'
    + lvl(0, "upperRoman", "Article %1.", start=4)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    + '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
)


def test_word_numbering_labels_are_rebuilt(tmp_path: Path) -> None:
    body = "".join(
        [
            para("Speech therapy", (1, 0)),
            para("twice weekly", (1, 1)),
            para("for 30 minutes", (1, 2)),
            para("in the speech room", (1, 2)),
            para("with the SLP", (1, 1)),
            para("Occupational therapy", (1, 0)),
            para("weekly", (1, 1)),
            para("Services", (2, 0)),
            para("Reading", (2, 1)),
            para("Math", (2, 1)),
            para("a bullet", (2, 2)),
            para("Evaluations", (2, 0)),
            para("Reevaluation", (2, 1)),
            para("General", (3, 0)),
            para("Restarted list", (4, 0)),
            para("Continued list", (5, 0)),
            para("Plain paragraph with no list"),
        ]
    )
    doc = load(make_docx(tmp_path, body, OUTLINE))
    assert [doc.block_text(b) for b in doc.blocks] == [
        "1. Speech therapy",
        "(a) twice weekly",
        "i. for 30 minutes",
        "ii. in the speech room",
        "(b) with the SLP",
        "2. Occupational therapy",
        "(a) weekly",
        "A. Services",
        "A.1 Reading",
        "A.2 Math",
        "• a bullet",
        "B. Evaluations",
        "B.1 Reevaluation",
        "Article IV. General",
        "1. Restarted list",
        "2. Continued list",
        "Plain paragraph with no list",
    ]
    assert [b.level for b in doc.blocks[:7]] == [0, 1, 2, 2, 1, 0, 1]
    assert doc.blocks[0].label == "1." and doc.blocks[10].label == "•"
    assert [b.kind for b in doc.blocks].count("list_item") == 16


def test_numbering_from_a_paragraph_style(tmp_path: Path) -> None:
    document = docx.Document()
    style = document.styles["List Number"]
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(f"{{{W}}}numPr"):
        ppr.remove(old)
    ppr.append(parse_xml(f'<w:numPr {NS}><w:numId w:val="1"/></w:numPr>'))
    document.part.numbering_part._element = parse_xml(f"<w:numbering {NS}>{OUTLINE}</w:numbering>")
    document.add_paragraph("The District will provide speech therapy.", style="List Number")
    document.add_paragraph("The District will convene an IEP meeting.", style="List Number")
    path = tmp_path / "styled.docx"
    document.save(path)
    doc = load(path)
    assert [doc.block_text(b) for b in doc.blocks] == [
        "1. The District will provide speech therapy.",
        "2. The District will convene an IEP meeting.",
    ]


def test_moves_deleted_paragraph_marks_headings_and_pages(tmp_path: Path) -> None:
    body = (
        para("Services", style="Heading1")
        + '<w:p><w:r><w:t xml:space="preserve">The District will provide </w:t></w:r>'
        + '<w:moveFrom w:id="1" w:author="a"><w:r><w:t>weekly </w:t></w:r></w:moveFrom>'
        + '<w:r><w:t xml:space="preserve">counseling</w:t></w:r>'
        + '<w:moveTo w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> weekly</w:t></w:r></w:moveTo>'
        + '<w:r><w:t>.</w:t></w:r></w:p>'
        + para("The Parent will sign", extra='<w:rPr><w:del w:id="3" w:author="a"/></w:rPr>')
        + para("the consent form.")
        + '<w:p><w:r><w:t xml:space="preserve">Visible </w:t><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + '<w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:t xml:space="preserve"> text with</w:t><w:tab/><w:t>tab and non</w:t><w:noBreakHyphen/><w:t>break.</w:t></w:r></w:p>'
    )
    doc = load(make_docx(tmp_path, body, pages=3))
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", "Services"),
        ("paragraph", "The District will provide counseling weekly."),
        ("paragraph", "The Parent will sign the consent form."),
        ("paragraph", "Visible 7 text with tab and non-break."),
    ]
    assert doc.tracked_changes and not doc.comments and doc.pages == 3
    merged = doc.text.index("the consent form")
    assert doc.locate(merged).paragraph == 4 and doc.locate(doc.text.index("The Parent")).paragraph == 3


def test_table_cells_locate_to_table_row_cell_and_paragraph(tmp_path: Path) -> None:
    cell = lambda text: f"<w:tc>{para(text)}</w:tc>"  # noqa: E731
    body = (
        para("The District will provide:")
        + "<w:tbl>"
        + "<w:tr>" + cell("Service") + cell("Frequency") + "</w:tr>"
        + "<w:tr>" + cell("Speech") + "<w:tc><w:p/></w:tc>" + "</w:tr>"
        + "<w:tr>" + cell("OT") + f"<w:tc>{para('weekly,')}{para('30 minutes')}</w:tc>" + "</w:tr>"
        + "</w:tbl>"
        + para("After the table.")
    )
    doc = load(make_docx(tmp_path, body))
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [doc.block_text(b) for b in rows] == ["Service | Frequency", "Speech | ", "OT | weekly, 30 minutes"]
    assert [(b.table, b.row) for b in rows] == [(0, 0), (0, 1), (0, 2)]
    loc = doc.locate(doc.text.index("30 minutes"))
    assert (loc.paragraph, loc.table, loc.row, loc.cell) == (8, 0, 2, 1)
    assert doc.locate(doc.text.index("After")).paragraph == 9


def test_comments_alone_set_only_the_comment_flag(tmp_path: Path) -> None:
    body = (
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>The District will pay.</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/></w:p>'
    )
    doc = load(make_docx(tmp_path, body))
    assert doc.comments and not doc.tracked_changes


def test_empty_document_is_an_input_error(tmp_path: Path) -> None:
    from agreement_check.errors import InputError

    with pytest.raises(InputError) as err:
        load(make_docx(tmp_path, "<w:p/>"))
    assert err.value.code == "empty"


@pytest.mark.parametrize(
    "value, fmt, shown",
    [(1, "decimal", "1"), (28, "lowerLetter", "bb"), (3, "upperLetter", "C"), (14, "lowerRoman", "xiv"),
     (9, "upperRoman", "IX"), (7, "decimalZero", "07"), (5, "ordinalText", "5")],
)
def test_format_number(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_numbering_legal_style_and_none_format() -> None:
    root = etree.fromstring(
        f"<w:numbering {NS}>"
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "upperRoman", "%1.")
        + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>'
        + lvl(2, "none", "")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    numbering = Numbering.from_xml(root)
    assert [numbering.label("1", 0), numbering.label("1", 0), numbering.label("1", 1), numbering.label("1", 2)] == [
        "I.", "II.", "2.1", None,
    ]
    assert numbering.label("9", 0) is None and numbering.label("1", 5) is None


def test_text_struck_through_by_hand_is_left_out_and_flagged(tmp_path: Path) -> None:
    """A draft marks a deletion by striking the words through: they are not agreed, and
    the copy to sign should be clean (AC409)."""
    document = docx.Document()
    document.add_paragraph("MEDIATION AGREEMENT")
    p = document.add_paragraph("1. The District will buy a communication device by August 29, 2025")
    p.add_run(" if the budget allows").font.strike = True
    p.add_run(".")
    kept = document.add_paragraph("2. The District will train the staff by May 1, 2025.")
    kept.runs[0].font.strike = False  # switched off: still agreed
    path = tmp_path / "struck.docx"
    document.save(path)
    doc = load(path)
    assert "budget" not in doc.text and "train the staff" in doc.text and doc.struck_text
    findings = check_path(path, Settings()).analysis.findings
    assert "AC301" not in {f.code for f in findings}
    (clean,) = [f for f in findings if f.code == "AC409"]
    assert "struck-through text" in clean.message
