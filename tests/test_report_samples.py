"""Real-shaped results for the report tests (imported by test_report_* and test_annotate).

The document is a real extraction of a short agreement; commitments and findings are built
at the offsets of the clauses they name, as the NLP stage and the rules would, so that the
reports are tested on locations that map back through ``Document.locate``. One clause holds
every character a report must escape (< > & | " ' * _ [ ]).
"""

from __future__ import annotations

from dataclasses import replace

from agreement_check.check import FileResult
from agreement_check.errors import InputError
from agreement_check.extract import from_string
from agreement_check.model import Analysis, Commitment, Document, Element, Finding, SourceRef

AGREEMENT = """SETTLEMENT AGREEMENT

Date of Agreement: March 4, 2025

1. The District agrees to the following:
(a) The District will provide speech-language therapy twice weekly.
(b) Counseling "as needed" for <Student> & family | 'check-ins' *with* the [school_team] will be provided.
2. The District will reimburse the Parent for the independent evaluation.
3. The Parent will sign the consent within five (5) school days of the execution of this Agreement.
4. The District will provide reading instruction using the Orton-Gillingham method, delivered by a certified special education teacher in the resource room, in small groups of no more than three students, with progress reports sent home every grading period and a review of the method at each annual IEP meeting, and the District will also purchase decodable readers and a reading software licence for use at home, together with training for the Parent on the use of the software and the readers, all as part of the Student's reading program.

Parent: ____________________
"""

TRICKY = 'Counseling "as needed" for <Student> & family'


def span(doc: Document, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


def element(doc: Document, needle: str, value: object = None) -> Element:
    start, end = span(doc, needle)
    return Element(needle, start, end, value)


def commitment(doc: Document, cid: str, kind: str, party: str | None, clause: str, label: str, **elements: Element) -> Commitment:
    start, end = span(doc, clause)
    c = Commitment(id=cid, kind=kind, party=party, text=doc.text[start:end], start=start, end=end, label=label)  # type: ignore[arg-type]
    c.elements.update(elements)
    return c


def on(c: Commitment, code: str, name: str, severity: str, message: str, question: str) -> Finding:
    return Finding(code, name, severity, message, question, c.text, c.start, c.end, c.id)  # type: ignore[arg-type]


def sample_analysis(path: str = "drafts/smith.txt") -> Analysis:
    doc = from_string(AGREEMENT, path)
    speech = commitment(
        doc, "c1", "service", "District", "The District will provide speech-language therapy twice weekly.", "1(a)",
        frequency=element(doc, "twice weekly", {"times": 2, "per": "week"}),
        service=element(doc, "speech-language therapy"),
    )
    counsel = commitment(doc, "c2", "service", None, TRICKY + " | 'check-ins' *with* the [school_team] will be provided.", "1(b)")
    pay = commitment(doc, "c3", "payment", "District", "The District will reimburse the Parent for the independent evaluation.", "2.", payee=element(doc, "the Parent"))
    consent = commitment(
        doc, "c4", "parent", "Parent", "The Parent will sign the consent within five (5) school days of the execution of this Agreement.", "3.",
        deadline=element(doc, "within five (5) school days of the execution of this Agreement", {"n": 5, "unit": "day", "day_type": "school"}),
    )
    reading = commitment(doc, "c5", "service", "District", AGREEMENT[AGREEMENT.index("The District will provide reading"): AGREEMENT.index("reading program.") + 16], "4.")
    findings = [
        on(speech, "AC103", "missing-duration", "error", "The clause says how often but not how long each session lasts.", "How many minutes will each speech-language therapy session last?"),
        on(speech, "AC104", "missing-start", "error", "The clause does not say when the service starts.", "On what date will the service start?"),
        on(counsel, "AC101", "missing-responsible-party", "error", "No one is named as responsible for this.", "Who will provide the counseling?"),
        on(counsel, "AC301", "hedged-commitment", "warning", 'The promise is hedged with "as needed" <unclear> & open.', "Can \"as needed\" be replaced by a fixed schedule | number?"),
        on(pay, "AC108", "missing-amount", "error", "The payment has no amount or cap.", "How much will the District pay?"),
        on(reading, "AC107", "missing-location", "info", "The clause does not say where the service takes place.", "Where will the service be delivered?"),
        Finding("AC402", "missing-agency-signature", "error", "There is no signature line for a District representative.", "Who will sign for the District?", "", 0, 0),
        Finding("AC502", "weekday-mismatch", "warning", "The date line names no weekday that matches the date.", "Which date is meant?", "March 4, 2025", *span(doc, "March 4, 2025")),
    ]
    return Analysis(document=doc, commitments=[speech, counsel, pay, consent, reading], findings=findings)


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
        refs = [SourceRef(r.start, r.end, page=1 + r.line // 20, line=r.line % 20 or 20) for r in doc.refs]
    else:
        refs = [SourceRef(r.start, r.end, paragraph=r.line) for r in doc.refs]
    converted = Document(path, fmt, doc.text, doc.blocks, refs, pages=1)  # type: ignore[arg-type]
    return FileResult(path=path, analysis=replace(result.analysis, document=converted))
