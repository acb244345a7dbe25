"""annotate_docx: a copy of the draft with one Word comment per finding, on its clause."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from test_report_samples import sample_analysis

from agreement_check import extract
from agreement_check.annotate import AUTHOR, annotate_docx
from agreement_check.extract.docx_reader import paragraph_text
from agreement_check.model import Document, Finding

SPEECH = "The District will provide speech-language therapy twice weekly."
MEETING = "The District will convene an IEP meeting."  # only inside a tracked insertion
OT_ROW = "Occupational therapy | weekly |"


def make_draft(path: Path) -> None:
    """A Word draft with what real ones hold: Word list numbering (labels not in the runs),
    an empty paragraph, a tracked insertion, a services table and an existing comment."""
    d = docx.Document()
    d.add_heading("SETTLEMENT AGREEMENT", level=0)
    d.add_paragraph("")
    date = d.add_paragraph("Date of Agreement: March 4, 2025")
    d.add_comment(date.runs, text="Check the date with the mediator.", author="Parent", initials="P")
    d.add_paragraph(SPEECH, style="List Number")
    d.add_paragraph("The District will reimburse the Parent for the <independent> evaluation & costs.", style="List Number")
    inserted = d.add_paragraph(style="List Number")
    inserted._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="90" w:author="District" w:date="2025-03-01T00:00:00Z">'
            f"<w:r><w:t>{MEETING}</w:t></w:r></w:ins>"
        )
    )
    table = d.add_table(rows=2, cols=3)
    for row, values in enumerate([("Service", "Frequency", "Duration"), ("Occupational therapy", "weekly", "")]):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    d.add_paragraph("Parent: ____________")
    d.save(str(path))


def finding_on(doc: Document, needle: str, code: str) -> Finding:
    start = doc.text.index(needle)
    end = start + len(needle)
    return Finding(code, "missing-thing", "error", f"{code}: something is missing.", f"{code}: what will it be?", doc.text[start:end], start, end, "c1")


def comments_by_anchor(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, text of the paragraph where its range starts) per comment."""
    word = docx.Document(str(path))
    out = []
    for start in word.element.body.iter(qn("w:commentRangeStart")):
        comment = word.comments.get(int(start.get(qn("w:id"))))
        assert comment is not None
        paragraph = next(a for a in start.iterancestors() if a.tag == qn("w:p"))
        out.append((comment.author, comment.text, paragraph_text(paragraph)))
    return out


def test_docx_draft_gets_one_comment_per_finding_on_its_clause(tmp_path: Path) -> None:
    source, out = tmp_path / "draft.docx", tmp_path / "draft-notes.docx"
    make_draft(source)
    doc = extract.load(source)
    findings = [
        finding_on(doc, SPEECH, "AC103"),
        finding_on(doc, SPEECH, "AC104"),
        finding_on(doc, "The District will reimburse", "AC108"),
        finding_on(doc, MEETING, "AC106"),
        finding_on(doc, OT_ROW, "AC103"),
        Finding("AC402", "missing-district-signature", "error", "No District signature line.", "Who signs for the District?", "", 0, 0),
    ]
    assert annotate_docx(source, findings, doc, out) == len(findings)

    comments = comments_by_anchor(out)
    ours = [(text, where) for author, text, where in comments if author == AUTHOR]
    assert len(ours) == len(findings)
    assert ("Check the date with the mediator.", "Date of Agreement: March 4, 2025") in [(t, w) for _, t, w in comments]
    anchored = {text.splitlines()[0]: where for text, where in ours}
    for f in findings:
        text = next(t for t, _ in ours if t.startswith(f.message))
        assert text.splitlines() == [f"{f.message} ({f.code})", f"Ask: {f.question}"]
    assert anchored["AC108: something is missing. (AC108)"].startswith("The District will reimburse the Parent for the <independent>")
    assert anchored["AC106: something is missing. (AC106)"] == MEETING
    assert anchored["No District signature line. (AC402)"] == "SETTLEMENT AGREEMENT"
    assert sorted(w for t, w in ours if t.startswith("AC103")) == ["Occupational therapy", SPEECH]


def test_annotated_copy_keeps_the_draft_as_it_was(tmp_path: Path) -> None:
    source, out = tmp_path / "draft.docx", tmp_path / "notes.docx"
    make_draft(source)
    doc = extract.load(source)
    annotate_docx(source, [finding_on(doc, SPEECH, "AC103")], doc, out)
    again = extract.load(out)
    assert again.text == doc.text  # numbering, table and tracked insertion all still there
    assert again.tracked_changes and again.comments
    assert docx.Document(str(source)).comments.get(1) is None  # the source is not touched


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_text_draft_becomes_a_commented_docx_of_its_text(tmp_path: Path, suffix: str) -> None:
    analysis = sample_analysis(f"drafts/smith.{suffix}")
    out = tmp_path / "smith-notes.docx"
    findings = analysis.findings
    assert annotate_docx(tmp_path / f"smith.{suffix}", findings, analysis.document, out) == len(findings)
    comments = comments_by_anchor(out)
    assert len(comments) == len(findings)
    assert {author for author, _, _ in comments} == {AUTHOR}
    for f in findings:
        where = next(w for _, text, w in comments if text.startswith(f.message))
        if f.end > f.start:
            assert f.text in where
        else:
            assert where == "SETTLEMENT AGREEMENT"
    body = [p.text for p in docx.Document(str(out)).paragraphs]
    doc = analysis.document
    assert body == [doc.block_text(b) for b in doc.blocks]


SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "samples"


@pytest.mark.parametrize(
    "name", ["sample-mediation.docx", "sample-settlement.docx", "tracked-changes.docx", "sample-resolution.pdf"]
)
def test_every_block_of_a_real_sample_can_carry_a_comment(tmp_path: Path, name: str) -> None:
    """One finding per block of a rendered sample: each comment lands on the paragraph
    (for a table row, the first cell) that holds that block's text."""
    doc = extract.load(SAMPLES / name)
    findings = [
        Finding("AC106", "missing-deadline", "error", f"block {i}", "When?", doc.block_text(b), b.start, b.end)
        for i, b in enumerate(doc.blocks)
    ]
    out = tmp_path / "notes.docx"
    annotate_docx(SAMPLES / name, findings, doc, out)
    comments = comments_by_anchor(out)
    ours = {text.split(" (AC106)")[0]: where for author, text, where in comments if author == AUTHOR}
    assert len(ours) == len(doc.blocks)
    for i, b in enumerate(doc.blocks):
        where = " ".join(ours[f"block {i}"].split())
        assert where and where in " ".join(doc.block_text(b).split()), (i, where, doc.block_text(b))
