"""A copy of the draft with each finding as a Word comment on its clause.

The parent hands this back to the district: every vague promise carries a comment saying
what is missing and the question to ask. A DOCX draft is copied as is (its formatting,
numbering and any existing comments kept) and commented on the paragraph that holds each
clause, found through the same paragraph numbering extraction uses. A PDF or text draft has
no Word file to copy, so a plain DOCX is built from its extracted text, one paragraph per
block, and commented the same way.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from agreement_check.extract.docx_reader import body_paragraphs
from agreement_check.model import Document, Finding
from agreement_check.report.content import has_span, one_line

AUTHOR = "agreement-check"
INITIALS = "AC"


def comment_text(f: Finding) -> str:
    """What the comment says: the problem, then the question to ask (two paragraphs)."""
    return f"{one_line(f.message)} ({f.code})\nAsk: {one_line(f.question)}"


def annotate_docx(source: Path, findings: Sequence[Finding], document: Document, out: Path) -> int:
    """Write ``out``: ``source`` (or, for a PDF/TXT/MD source, its extracted text) with one
    comment per finding. Returns the number of comments written.

    ``document`` is the extraction of ``source`` the findings' offsets refer to. Findings
    with no span (document-level ones) are anchored on the document's first paragraph.
    """
    if document.format == "docx":
        word = docx.Document(str(source))
        paragraphs = _docx_paragraphs(word)

        def target(f: Finding) -> Paragraph:
            n = document.locate(f.start, f.end).paragraph if has_span(f) else None
            if n is not None and 1 <= n <= len(paragraphs):
                return paragraphs[n - 1]
            return next((p for p in paragraphs if p.text.strip()), paragraphs[0])

    else:
        word, paragraphs = _rebuild(document)
        starts = [b.start for b in document.blocks]

        def target(f: Finding) -> Paragraph:
            i = bisect_right(starts, f.start) - 1 if has_span(f) else 0
            return paragraphs[max(i, 0)]

    for f in findings:
        word.add_comment(_runs(target(f)), text=comment_text(f), author=AUTHOR, initials=INITIALS)
    word.save(str(out))
    return len(findings)


def _docx_paragraphs(word: WordDocument) -> list[Paragraph]:
    """Body paragraphs (table cells included) in the numbering extraction gives them."""
    body = word.element.body
    return [Paragraph(p, word) for p in body_paragraphs(body)]


def _rebuild(document: Document) -> tuple[WordDocument, list[Paragraph]]:
    """A new Word document with one paragraph per block of the extracted text."""
    word = docx.Document()
    paragraphs: list[Paragraph] = []
    for block in document.blocks:
        text = document.block_text(block)
        if block.kind == "heading":
            p = word.add_heading(text, level=2)
        else:
            p = word.add_paragraph(text)
            if block.level:
                p.paragraph_format.left_indent = Cm(0.75 * block.level)
        paragraphs.append(p)
    if not paragraphs:
        paragraphs.append(word.add_paragraph(""))
    return word, paragraphs


def _runs(paragraph: Paragraph) -> list[Run]:
    """The runs a comment spans: the paragraph's own runs, else any run inside it (tracked
    insertions, hyperlinks), else a new empty run so that the comment still has an anchor."""
    if paragraph.runs:
        return paragraph.runs
    removed = {qn("w:del"), qn("w:moveFrom")}
    nested = [
        Run(r, paragraph)
        for r in paragraph._p.iter(qn("w:r"))
        if not any(a.tag in removed for a in r.iterancestors())
    ]
    return nested or [paragraph.add_run("")]
