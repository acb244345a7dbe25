"""AC501–AC505: dates that contradict themselves or each other.

A stated but wrong date still counts as stated (no AC104/AC105/AC106 besides), but it
cannot be relied on. Each finding goes on the commitment whose clause holds the bad date,
or on the document when the date is outside every clause (a lead-in, the date line).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator

from agreement_check.model import Commitment, DateMention, Element
from agreement_check.rules.base import Context, Doc, Example, Hit, document_rule
from agreement_check.rules.describe import day, subject
from agreement_check.rules.timing import resolve


def _inside(c: Commitment, start: int) -> bool:
    return c.start <= start < c.end


def _holder(ctx: Context, start: int) -> Commitment | None:
    """The commitment whose clause holds the offset ``start``."""
    return next((c for c in ctx.analysis.commitments if _inside(c, start)), None)


def _hit(message: str, c: Commitment | None, els: tuple[Element, ...]) -> Hit:
    """On ``c`` when one of its elements lies in its clause, else on the document at the element."""
    if c is not None and any(_inside(c, el.start) for el in els):
        return Hit(message, c.start, c.end, c)
    first = min(els, key=lambda el: el.start)
    return Hit(message, first.start, max(el.end for el in els))


def _unique(hits: Iterator[Hit]) -> Iterator[Hit]:
    """A lead-in's bad date is one document finding, not one per item under the lead-in."""
    seen: set[tuple[int, int, str | None]] = set()
    for h in hits:
        key = (h.start, h.end, h.commitment.id if h.commitment else None)
        if key not in seen:
            seen.add(key)
            yield h


def _mentions(ctx: Context, bad: Callable[[DateMention], str | None]) -> Iterator[Hit]:
    for m in ctx.analysis.dates:
        message = bad(m)
        if message:
            c = _holder(ctx, m.start)
            yield Hit(message, c.start, c.end, c) if c else Hit(message, m.start, m.end)


@document_rule(
    Doc(
        code="AC501",
        name="end-before-start",
        severity="warning",
        summary="A commitment ends before it starts.",
        explanation=(
            "An end date earlier than the start date is a typing error that leaves the real "
            "period unknown, and a service that “ends” before it starts can be read as never owed."
        ),
        question="The end date is before the start date: which dates are meant?",
        legal_basis=None,
        examples=(
            Example(
                "The District will provide the Student with a social skills group once per week for 30 "
                "minutes in the counseling office, beginning April 7, 2025 and ending April 4, 2025.",
                True,
            ),
            Example(
                "The District will provide the Student with a social skills group once per week for 30 "
                "minutes in the counseling office, beginning April 7, 2025 and ending May 23, 2025.",
                False,
            ),
        ),
    ),
    scope="commitment",
)
def end_before_start(ctx: Context) -> Iterator[Hit]:
    def hits() -> Iterator[Hit]:
        for c in ctx.analysis.commitments:
            start_el = c.elements.get("start")
            end_el = c.elements.get("end") or c.elements.get("deadline")
            if start_el is None or end_el is None:
                continue
            start = resolve(start_el.value, ctx, latest=False)
            end = resolve(end_el.value, ctx, latest=True)
            if start and end and end < start:
                message = f"{subject(c)} ends ({day(end)}) before it starts ({day(start)})."
                yield _hit(message, c, (start_el, end_el))

    return _unique(hits())


@document_rule(
    Doc(
        code="AC502",
        name="wrong-weekday",
        severity="warning",
        summary="A weekday does not match its date.",
        explanation=(
            "“Thursday, December 10, 2024” cannot be right: December 10, 2024 was a Tuesday. "
            "Either the weekday or the date is wrong, and each side may rely on a different one."
        ),
        question="The weekday and the date do not match: which one is correct?",
        legal_basis=None,
        examples=(
            Example("The District shall convene an IEP meeting on Thursday, December 10, 2024.", True),
            Example("The District shall convene an IEP meeting on Tuesday, December 10, 2024.", False),
        ),
    ),
    scope="commitment",
)
def wrong_weekday(ctx: Context) -> Iterator[Hit]:
    def bad(m: DateMention) -> str | None:
        if m.value is None or not m.weekday:
            return None
        actual = calendar.day_name[m.value.weekday()]
        if actual.lower().startswith(m.weekday.strip(" .,").lower()[:3]):
            return None
        return f"“{m.text}”: {day(m.value)} is a {actual}, not a {m.weekday.strip(' .,')}."

    return _mentions(ctx, bad)


@document_rule(
    Doc(
        code="AC503",
        name="deadline-before-agreement",
        severity="warning",
        summary="A deadline falls before the date of the agreement.",
        explanation=(
            "A deadline that has already passed when the agreement is signed cannot be met, "
            "so it is either a typing error or a promise that was broken on signing."
        ),
        question="This deadline is before the date of the agreement: what is the correct deadline?",
        legal_basis=None,
        examples=(
            Example(
                "MEDIATION AGREEMENT\n\nDate of Agreement: March 4, 2025\n\n1. The District will provide "
                "training on the Student's behavior intervention plan to the Student's teachers no later "
                "than February 28, 2025.\n",
                True,
            ),
            Example(
                "MEDIATION AGREEMENT\n\nDate of Agreement: March 4, 2025\n\n1. The District will provide "
                "training on the Student's behavior intervention plan to the Student's teachers no later "
                "than March 28, 2025.\n",
                False,
            ),
        ),
    ),
    scope="commitment",
)
def deadline_before_agreement(ctx: Context) -> Iterator[Hit]:
    agreed = ctx.analysis.agreement_date
    if agreed is None:
        return iter(())

    def hits() -> Iterator[Hit]:
        for c in ctx.analysis.commitments:
            el = c.elements.get("deadline")
            due = resolve(el.value, ctx, latest=True) if el else None
            if el and due and due < agreed:
                message = f"{subject(c)}: the deadline {day(due)} is before the agreement date {day(agreed)}."
                yield _hit(message, c, (el,))

    return _unique(hits())


@document_rule(
    Doc(
        code="AC504",
        name="impossible-date",
        severity="warning",
        summary="A date that does not exist, such as February 30 or April 31.",
        explanation="A date that does not exist cannot be a deadline: each side may read it as a different real date.",
        question="This date does not exist: which date is meant?",
        legal_basis=None,
        examples=(
            Example("The District shall complete Student's reevaluation no later than April 31, 2025.", True),
            Example("The District shall complete Student's reevaluation no later than April 30, 2025.", False),
        ),
    ),
    scope="commitment",
)
def impossible_date(ctx: Context) -> Iterator[Hit]:
    return _mentions(ctx, lambda m: f"“{m.text}” is not a real date." if m.impossible else None)


@document_rule(
    Doc(
        code="AC505",
        name="malformed-school-year",
        severity="warning",
        summary="A school year that does not span two consecutive years, such as “2024-2026”.",
        explanation=(
            "A school year runs from one year into the next (2024-2025). “2024-2026” or "
            "“2023-2025” could mean either of two school years, or both."
        ),
        question="Which school year is meant?",
        legal_basis=None,
        examples=(
            Example(
                "The District will provide ESY math instruction 3x/wk for 45 minutes in the resource room "
                "during June of the 2024-2026 school year.",
                True,
            ),
            Example(
                "The District will provide math instruction 3x/wk for 45 minutes in the resource room, "
                "beginning March 3, 2025, for the remainder of the 2024-2025 school year.",
                False,
            ),
        ),
    ),
    scope="commitment",
)
def malformed_school_year(ctx: Context) -> Iterator[Hit]:
    def bad(m: DateMention) -> str | None:
        if m.school_year is None or m.school_year[1] == m.school_year[0] + 1:
            return None
        return f"“{m.text}” is not one school year: a school year runs over two consecutive years."

    return _mentions(ctx, bad)
