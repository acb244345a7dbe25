"""AC401–AC410: what the agreement as a whole must (or should not) contain, and what of it could not be read.

A mediated agreement must be signed by the parent and by a District representative with
authority to bind the District, must state that mediation discussions are confidential,
and is enforceable in court (34 CFR 300.506(b)(6)–(7); 300.510(d) for resolution
agreements). Some terms deserve a second look before signing: a broad release, a waiver
of attorney fees, and the absence of any remedy if the District does not do what it promised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from agreement_check.rules.base import Context, Doc, Example, Hit, document_rule
from agreement_check.rules.phrases import Reader, Unit

Role = Literal["parent", "district", "other"]

# Building blocks for the examples: a short agreement, and the pieces each rule looks for.
_TITLE = "MEDIATION AGREEMENT\n\nDate of Agreement: February 11, 2025\n\n"
_TERM = "1. The District will complete a functional behavioral assessment no later than March 28, 2025.\n\n"
_CONFIDENTIAL = (
    "Discussions that occurred during the mediation process are confidential and may not be used "
    "as evidence in any subsequent due process hearing or civil proceeding.\n\n"
)
_ENFORCEABLE = (
    "This Agreement is legally binding and is enforceable in any state court of competent "
    "jurisdiction or in a district court of the United States.\n\n"
)
_REMEDY = (
    "If the Parent believes the District has not implemented any term of this Agreement, the Parent "
    "may notify the Director of Special Education in writing, and the District shall have ten (10) "
    "school days to correct the failure.\n\n"
)
_PARENT_LINE = "Parent: ______________________  Date: 2/11/2025\n\n"
_DISTRICT_LINE = "Director of Special Education: ______________________  Date: 2/11/2025\n\n"
_MEDIATOR_LINE = "Mediator: ______________________  Date: 2/11/2025\n"
COMPLETE_AGREEMENT = _TITLE + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE + _MEDIATOR_LINE


# What separates one signer's title from the next inside a signature paragraph.
_SIGN_MARK = re.compile(r"_{3,}|/s/|\bdate\b\s*:?", re.IGNORECASE)
# A title written above or under a line is short and is not a sentence.
_CAPTION_WORDS = 12


@dataclass(frozen=True, slots=True)
class Caption:
    """A title written at a signature line ("Parent", "Counsel for the District") and its roles."""

    text: str
    roles: frozenset[Role]


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    start: int
    end: int
    captions: tuple[Caption, ...]

    def has(self, role: Role) -> bool:
        return any(role in c.roles for c in self.captions)


def _captions(reader: Reader, text: str) -> Iterator[Caption]:
    for part in _SIGN_MARK.split(text):
        part = part.strip(" :,")
        if not part:
            continue
        found = reader.labels(part)
        if "role-other" in found:  # "Counsel for Parent" is not the parent
            yield Caption(part, frozenset({"other"}))
        else:
            yield Caption(part, frozenset(r for r in ("parent", "district") if f"role-{r}" in found))


def _is_caption(text: str) -> bool:
    text = text.strip()
    return len(text.split()) <= _CAPTION_WORDS and not text.endswith(".")


def signature_block(ctx: Context) -> SignatureBlock | None:
    """The paragraphs with signature lines, and the short titles just above or under them."""
    return ctx.once(_signature_block)


def _signature_block(ctx: Context) -> SignatureBlock | None:
    doc, reader = ctx.analysis.document, ctx.reader
    texts = [doc.block_text(b) for b in doc.blocks]
    lines = [i for i, t in enumerate(texts) if "signature-line" in reader.labels(t)]
    if not lines:
        return None
    near = {j for i in lines for j in (i - 1, i + 1) if 0 <= j < len(texts) and _is_caption(texts[j])}
    captions = tuple(c for j in sorted(near | set(lines)) for c in _captions(reader, texts[j]))
    return SignatureBlock(doc.blocks[lines[0]].start, doc.blocks[lines[-1]].end, captions)


def _signature_hit(ctx: Context, role: Role, message: str) -> Iterator[Hit]:
    block = signature_block(ctx)
    if block is None:
        yield Hit(message + " The draft has no signature lines.")
    elif not block.has(role):
        titles = "; ".join(c.text for c in block.captions if c.roles) or "no one named"
        yield Hit(f"{message} The signature lines are for: {titles}.", block.start, block.end)


@document_rule(
    Doc(
        code="AC401",
        name="missing-parent-signature",
        severity="error",
        summary="No signature line for the parent or guardian.",
        explanation=(
            "A mediated or resolution agreement binds only if the parent signs it. A line for "
            "the parent's attorney or advocate is not the parent's signature."
        ),
        question="Can a signature line for me, the parent or guardian, be added?",
        legal_basis="34 CFR 300.506(b)(6)(ii); 34 CFR 300.510(d)(1)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(_TITLE + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _DISTRICT_LINE + _MEDIATOR_LINE, True),
            Example(
                _TITLE + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY
                + "Counsel for Parent: ______________________  Date: 2/11/2025\n\n" + _DISTRICT_LINE,
                True,
            ),
        ),
    )
)
def missing_parent_signature(ctx: Context) -> Iterator[Hit]:
    yield from _signature_hit(ctx, "parent", "No signature line for the parent or guardian.")


@document_rule(
    Doc(
        code="AC402",
        name="missing-district-signature",
        severity="error",
        summary="No signature line for a District representative with authority to bind the District.",
        explanation=(
            "The agreement must be signed by someone who can bind the District: the "
            "superintendent, a director, or an authorized representative. The mediator's line "
            "and the District's lawyer's line do not count."
        ),
        question="Who will sign for the District, and do they have the authority to bind it?",
        legal_basis="34 CFR 300.506(b)(6)(ii); 34 CFR 300.510(d)(1)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(
                _TITLE + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE
                + "Counsel for the District: ______________________  Date: __________\n\n" + _MEDIATOR_LINE,
                True,
            ),
        ),
    )
)
def missing_district_signature(ctx: Context) -> Iterator[Hit]:
    yield from _signature_hit(
        ctx, "district", "No signature line for a District representative with authority to bind the District."
    )


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement the draft makes: labels that occur together in one sentence or paragraph,
    and, for a paragraph, a statement one of its sentences makes (``having``)."""

    needs: frozenset[str]
    unit: Unit = "sentence"
    unless: str | None = None
    having: Statement | None = None

    def find(self, ctx: Context) -> tuple[int, int] | None:
        """The first sentence or paragraph that makes the statement."""
        return next(self._made(ctx, ctx.reader.units(ctx.analysis.document, self.unit)), None)

    def _made(self, ctx: Context, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        text = ctx.analysis.document.text
        for s, e in spans:
            found = ctx.reader.labels(text[s:e])
            if self.needs <= found and self.unless not in found and (
                self.having is None or any(self.having._made(ctx, ctx.reader.sentences(text[s:e], s)))
            ):
                yield s, e


CONFIDENTIALITY = Statement(frozenset({"confidential", "not-evidence"}), unit="paragraph")
ENFORCEABILITY = Statement(frozenset({"enforceable", "court"}))
RELEASE = Statement(frozenset({"release", "all-claims"}), unless="keeps-right")
FEE_WAIVER = Statement(frozenset({"fees", "fee-waiver"}), unless="keeps-right")
# "If the District fails to ..." in one sentence, and what the parent can then do in its paragraph.
FAILURE = Statement(frozenset({"condition", "failing"}))
REMEDY = Statement(frozenset({"remedy"}), unit="paragraph", having=FAILURE)


def _missing(ctx: Context, statement: Statement, message: str) -> Iterator[Hit]:
    if statement.find(ctx) is None:
        yield Hit(message)


def _present(ctx: Context, statement: Statement, message: str) -> Iterator[Hit]:
    span = statement.find(ctx)
    if span is not None:
        yield Hit(message, *span)


@document_rule(
    Doc(
        code="AC403",
        name="missing-confidentiality",
        severity="warning",
        summary="No statement that mediation discussions are confidential and may not be used as evidence.",
        explanation=(
            "A mediation agreement must state that the discussions during mediation are "
            "confidential and may not be used as evidence in a later hearing or lawsuit. This "
            "protects what both sides said at the table."
        ),
        question="Can the agreement state that what was said in mediation is confidential and cannot be used as evidence later?",
        legal_basis="34 CFR 300.506(b)(6)(i)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(_TITLE + _TERM + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE, True),
        ),
    )
)
def missing_confidentiality(ctx: Context) -> Iterator[Hit]:
    yield from _missing(
        ctx, CONFIDENTIALITY, "The draft does not state that mediation discussions are confidential and may not be used as evidence."
    )


@document_rule(
    Doc(
        code="AC404",
        name="missing-enforceability",
        severity="warning",
        summary="No statement that the agreement is enforceable in a state court or a US district court.",
        explanation=(
            "A signed mediation or resolution agreement is enforceable in any state court of "
            "competent jurisdiction or a US district court. Saying so in the agreement tells "
            "both sides, and any later reader, that it is binding."
        ),
        question="Can the agreement state that it is legally binding and enforceable in state or federal court?",
        legal_basis="34 CFR 300.506(b)(7); 34 CFR 300.510(d)(2)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(_TITLE + _TERM + _CONFIDENTIAL + _REMEDY + _PARENT_LINE + _DISTRICT_LINE, True),
        ),
    )
)
def missing_enforceability(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, ENFORCEABILITY, "The draft does not state that it is enforceable in a state or federal court.")


@document_rule(
    Doc(
        code="AC405",
        name="missing-agreement-date",
        severity="warning",
        summary="The agreement has no date.",
        explanation=(
            "Deadlines such as “within 30 days of this Agreement” count from its date, and a "
            "resolution agreement can be voided within 3 business days of signing. Without a "
            "date none of these can be worked out."
        ),
        question="What is the date of this agreement, and can it be written on it?",
        legal_basis="34 CFR 300.510(e)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(
                "MEDIATION AGREEMENT\n\n" + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY
                + "Parent: ______________________  Date: __________\n\n"
                + "Director of Special Education: ______________________  Date: __________\n",
                True,
            ),
        ),
    )
)
def missing_agreement_date(ctx: Context) -> Iterator[Hit]:
    if ctx.analysis.agreement_date is None:
        yield Hit("The draft has no date of agreement.")


@document_rule(
    Doc(
        code="AC406",
        name="broad-release",
        severity="info",
        summary="The draft contains a broad release or waiver of claims.",
        explanation=(
            "A release gives up the right to bring claims later, often every claim “known or "
            "unknown” up to the signing date, including claims not discussed at mediation. It "
            "may be acceptable, but it should be read and understood before signing."
        ),
        question="Which claims am I giving up by signing, and can the release be limited to the issues in this dispute?",
        legal_basis=None,
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(
                _TITLE + _TERM + "Parent releases and forever discharges the District from any and all "
                "claims, known or unknown, arising under the IDEA through the date of this Agreement.\n\n"
                + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE,
                True,
            ),
            Example(
                _TITLE + "1. Parent shall sign a release of information authorizing the District to "
                "talk with the evaluator no later than March 14, 2025.\n\n"
                + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE,
                False,
            ),
        ),
    )
)
def broad_release(ctx: Context) -> Iterator[Hit]:
    yield from _present(ctx, RELEASE, "The draft releases or waives the parent's claims against the District.")


@document_rule(
    Doc(
        code="AC407",
        name="attorney-fee-waiver",
        severity="info",
        summary="The draft waives the parent's right to recover attorney fees.",
        explanation=(
            "A parent who prevails can sometimes recover attorney fees from the District. A "
            "clause that each party bears its own fees, or that the parent waives fees, gives "
            "that up."
        ),
        question="Am I giving up the right to recover attorney fees, and do I intend to?",
        legal_basis="20 U.S.C. 1415(i)(3)(B)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(
                _TITLE + _TERM + "Each party shall bear its own attorney fees and costs.\n\n"
                + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE,
                True,
            ),
            Example(
                _TITLE + _TERM + "Nothing in this Agreement waives the Parent's right to seek reasonable "
                "attorney's fees as provided by law.\n\n"
                + _CONFIDENTIAL + _ENFORCEABLE + _REMEDY + _PARENT_LINE + _DISTRICT_LINE,
                False,
            ),
        ),
    )
)
def attorney_fee_waiver(ctx: Context) -> Iterator[Hit]:
    yield from _present(ctx, FEE_WAIVER, "The draft gives up the parent's claim to attorney fees.")


@document_rule(
    Doc(
        code="AC408",
        name="missing-remedy",
        severity="warning",
        summary="The draft does not say what happens if the District fails to implement it.",
        explanation=(
            "A clause on what the parent can do if the District does not carry out the agreement "
            "(written notice and time to cure, a state complaint, enforcement in court) makes "
            "the promises practical to enforce. The bare statement that the agreement is "
            "enforceable is not such a clause."
        ),
        question="What happens, and what can I do, if the District does not carry out this agreement?",
        legal_basis="34 CFR 300.152; 34 CFR 300.506(b)(7)",
        examples=(
            Example(COMPLETE_AGREEMENT, False),
            Example(_TITLE + _TERM + _CONFIDENTIAL + _ENFORCEABLE + _PARENT_LINE + _DISTRICT_LINE, True),
        ),
    )
)
def missing_remedy(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, REMEDY, "The draft does not say what the parent can do if the District fails to implement it.")


@document_rule(
    Doc(
        code="AC409",
        name="unresolved-tracked-changes",
        severity="warning",
        summary="The document still holds tracked changes, comments or struck-through text.",
        explanation=(
            "What is signed must be a clean copy. Tracked changes, comments and text struck "
            "through by hand leave open which wording was agreed, and a hidden deletion may "
            "still be part of the file. The check reads the accepted wording, without the "
            "struck text."
        ),
        question="Can I have a clean copy, with every change accepted or rejected and the comments removed, before I sign?",
        legal_basis=None,
        examples=(Example(COMPLETE_AGREEMENT, False),),
    )
)
def unresolved_tracked_changes(ctx: Context) -> Iterator[Hit]:
    doc = ctx.analysis.document
    held = [
        what
        for what, present in (
            ("tracked changes", doc.tracked_changes), ("comments", doc.comments), ("struck-through text", doc.struck_text)
        )
        if present
    ]
    if held:
        listed = ", ".join(held[:-1]) + " and " + held[-1] if len(held) > 1 else held[0]
        yield Hit(f"The document still holds {listed}; the copy to sign should be clean.")


@document_rule(
    Doc(
        code="AC410",
        name="unread-scanned-pages",
        severity="warning",
        summary="Some pages are scans that could not be read, so their promises were not checked.",
        explanation=(
            "A PDF can mix typed pages with scanned ones. Scanned pages are read by OCR (the "
            "Tesseract program); when it is missing or fails, only the typed pages are checked, "
            "and a promise on a scanned page goes unreviewed. Install Tesseract and check the "
            "file again, or read those pages yourself."
        ),
        question="Can I have the original typed file of these pages, so that every promise in the draft can be checked?",
        legal_basis=None,
        examples=(Example(COMPLETE_AGREEMENT, False),),
    )
)
def unread_scanned_pages(ctx: Context) -> Iterator[Hit]:
    pages = ctx.analysis.document.unread_pages
    if pages:
        listed = ", ".join(map(str, pages))
        yield Hit(
            f"Page{'s' if len(pages) > 1 else ''} {listed} {'are scans' if len(pages) > 1 else 'is a scan'} "
            "that OCR could not read (is Tesseract installed?); no promise there was checked."
        )
