"""Real-shaped results for the report tests (imported by test_report_* and test_annotate).

The document is a real extraction of a short agreement; commitments and findings are built
at the offsets of the clauses they name, as the NLP stage and the rules would, so that the
reports are tested on locations that map back through ``Document.locate``. One clause holds
every character a report must escape (< > & | " ' * _ [ ]).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from agreement_check.check import FileResult
from agreement_check.errors import InputError
from agreement_check.extract import from_string
from agreement_check.model import Analysis, Commitment, Document, Element, Finding, Location

LONG_CLAUSE = (
    "The District will provide reading instruction using the Orton-Gillingham method, delivered by a "
    "certified special education teacher in the resource room, in small groups of no more than three "
    "students, with progress reports sent home every grading period and a review of the method at each "
    "annual IEP meeting, and the District will also purchase decodable readers and a reading software "
    "licence for use at home, together with training for the Parent on the use of the software and the "
    "readers, all as part of the Student's reading program."
)
AGREEMENT = f"""SETTLEMENT AGREEMENT

Date of Agreement: March 4, 2025

1. The District agrees to the following:
(a) The District will provide speech-language therapy twice weekly.
(b) Counseling "as needed" for <Student> & family | 'check-ins' *with* the [school_team] will be provided.
2. The District will reimburse the Parent for the independent evaluation.
3. The Parent will sign the consent within five (5) school days of the execution of this Agreement.
4. {LONG_CLAUSE}

Parent: ____________________
"""

#: The ``render`` fixture (tests/conftest.py): ``render(fmt, results, **options)`` -> report.
Render = Callable[..., str]

TRICKY = 'Counseling "as needed" for <Student> & family'

#: id, kind, party, clause number as reported, list label as written
COMMITMENTS = [
    ("c1", "service", "District", "1(a)", "(a)"),
    ("c2", "service", None, "1(b)", "(b)"),
    ("c3", "payment", "District", "2.", "2."),
    ("c4", "parent", "Parent", "3.", "3."),
    ("c5", "service", "District", "4.", "4."),
]
#: commitment id, element slot, its words, its value
ELEMENTS = [
    ("c1", "service", "speech-language therapy", None),
    ("c1", "frequency", "twice weekly", {"times": 2, "per": "week"}),
    ("c3", "payee", "the Parent", None),
    ("c4", "deadline", "within five (5) school days of the execution of this Agreement",
     {"n": 5, "unit": "day", "day_type": "school", "anchor": "execution of this Agreement"}),
]
#: commitment id (or the words a document-level finding quotes, "" for none), code, name,
#: severity, message, question
FINDINGS = [
    ("c1", "AC103", "missing-duration", "error",
     "The clause says how often but not how long each session lasts.",
     "How many minutes will each speech-language therapy session last?"),
    ("c1", "AC104", "missing-start", "error",
     "The clause does not say when the service starts.", "On what date will the service start?"),
    ("c2", "AC101", "missing-responsible-party", "error",
     "No one is named as responsible for this.", "Who will provide the counseling?"),
    ("c2", "AC301", "hedged-commitment", "warning",
     'The promise is hedged with "as needed" <unclear> & open.',
     'Can "as needed" be replaced by a fixed schedule | number?'),
    ("c3", "AC108", "missing-amount", "error",
     "The payment has no amount or cap.", "How much will the District pay?"),
    ("c5", "AC107", "missing-location", "info",
     "The clause does not say where the service takes place.", "Where will the service be delivered?"),
    ("", "AC402", "missing-district-signature", "error",
     "There is no signature line for a District representative.", "Who will sign for the District?"),
    ("March 4, 2025", "AC502", "wrong-weekday", "warning",
     "The date line names no weekday that matches the date.", "Which date is meant?"),
]


def span(doc: Document, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


def sample_analysis(path: str = "drafts/smith.txt") -> Analysis:
    doc = from_string(AGREEMENT, path)
    commitments: dict[str, Commitment] = {}
    for cid, kind, party, label, written in COMMITMENTS:
        line = next(doc.block_text(b) for b in doc.blocks if doc.block_text(b).startswith(written + " "))
        start, end = span(doc, line[len(written) + 1 :])
        commitments[cid] = Commitment(cid, kind, party, doc.text[start:end], start, end, label)  # type: ignore[arg-type]
    for cid, slot, words, value in ELEMENTS:
        commitments[cid].elements[slot] = Element(words, *span(doc, words), value)
    findings = []
    for owner, code, name, severity, message, question in FINDINGS:
        c = commitments.get(owner)
        if c is not None:
            text, start, end = c.text, c.start, c.end
        else:
            text, (start, end) = owner, span(doc, owner) if owner else (0, 0)
        findings.append(Finding(code, name, severity, message, question, text, start, end, c and c.id))  # type: ignore[arg-type]
    return Analysis(document=doc, commitments=list(commitments.values()), findings=findings)


def sample_result(path: str = "drafts/smith.txt") -> FileResult:
    return FileResult(path=path, analysis=sample_analysis(path))


def error_result(path: str = "drafts/scan.pdf") -> FileResult:
    return FileResult(path=path, error=InputError("no-text", "the PDF has no text layer (a scan?); run OCR first"))


def letter_result(path: str = "drafts/letter.txt") -> FileResult:
    doc = from_string("Dear Ms. Smith,\n\nThank you for meeting with us today.\n", path)
    return FileResult(path=path, analysis=Analysis(document=doc, is_agreement=False))


def as_format(result: FileResult, fmt: str) -> FileResult:
    """The same result as if extracted from a PDF (page + line) or a DOCX (paragraph):
    every text line becomes line n of page 1 + n // 20, or paragraph n."""
    assert result.analysis is not None
    doc = result.analysis.document
    path = result.path.rsplit(".", 1)[0] + "." + fmt
    if fmt == "pdf":
        refs = [Location(start=r.start, end=r.end, page=1 + r.line // 20, line=r.line % 20 or 20) for r in doc.refs]
    else:
        refs = [Location(start=r.start, end=r.end, paragraph=r.line) for r in doc.refs]
    converted = Document(path, fmt, doc.text, doc.blocks, refs, pages=1)  # type: ignore[arg-type]
    return FileResult(path=path, analysis=replace(result.analysis, document=converted))
