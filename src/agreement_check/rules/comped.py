"""AC201–AC207: compensatory education that cannot be used or enforced as written.

A compensatory award makes up for services the student already missed, so it needs more
than a service does: how much, of what, from whom, by when it must be used, and how the
sessions get scheduled. And a draft that admits missed services but awards nothing for
them leaves the loss unremedied.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from agreement_check.model import Commitment
from agreement_check.rules.base import Context, Doc, Example, Hit, commitment_rule, document_rule
from agreement_check.rules.describe import day, element, stated, subject
from agreement_check.rules.elements import has_rate, requires
from agreement_check.rules.timing import periods, resolve

COMPLETE_AWARD = (
    "The District will provide twenty-four (24) hours of compensatory speech-language therapy, "
    "delivered by a District speech-language pathologist in one-hour sessions once per week, "
    "beginning the week of April 7, 2025, with all hours to be completed by December 19, 2025."
)


requires(
    Doc(
        code="AC201",
        name="comp-ed-missing-amount",
        severity="error",
        summary="A compensatory education award states no amount (hours, sessions or money).",
        explanation=(
            "An award of compensatory services “to be determined” or with no number of hours, "
            "sessions or dollars cannot be measured, so it cannot be enforced."
        ),
        question="How many hours or sessions (or how much money) of compensatory education will my child receive?",
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District will provide compensatory occupational therapy, amount to be determined "
                "at the IEP meeting, provided by the District OT, to be used by June 30, 2026.",
                True,
            ),
        ),
    ),
    ("comp_ed",),
    ("amount",),
    "states no number of hours, sessions or dollars",
)


def _generic(c: Commitment, ctx: Context) -> bool:
    """A service named only as “compensatory services/education/hours”."""
    service = element(c, "service")
    if service is None:
        return True
    left = service.text
    for s, e in reversed(ctx.phrases("rules-generic-services").find(left)):
        left = left[:s] + left[e:]
    return not re.search(r"\w", left)


@commitment_rule(
    Doc(
        code="AC202",
        name="comp-ed-missing-service",
        severity="error",
        summary="A compensatory education award does not say what service it is.",
        explanation=(
            "“15 hours of compensatory services” does not say whether the hours are reading "
            "instruction, speech therapy or something else. The award should name the service."
        ),
        question="What service will the compensatory hours be (for example, reading instruction or speech therapy)?",
        legal_basis=None,
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District will provide 15 hours of compensatory services by a District special "
                "education teacher, one hour per week, beginning March 3, 2025, to be used by "
                "June 30, 2025.",
                True,
            ),
        ),
    ),
    kinds=("comp_ed",),
)
def comp_ed_service(c: Commitment, ctx: Context) -> str | None:
    return f"{subject(c)} does not say what service the hours are for." if _generic(c, ctx) else None


requires(
    Doc(
        code="AC203",
        name="comp-ed-missing-provider",
        severity="error",
        summary="A compensatory education award does not say who provides it.",
        explanation=(
            "Who delivers compensatory services matters: a District staff member, a contracted "
            "provider, or a provider of the parent's choosing. “Of the Parent's choosing” "
            "counts as a provider."
        ),
        question="Who will provide the compensatory services, and can I choose the provider?",
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District will provide twelve (12) hours of compensatory occupational therapy in "
                "45-minute sessions once per week, beginning April 1, 2025, with any unused hours "
                "expiring on December 31, 2025.",
                True,
            ),
        ),
    ),
    ("comp_ed",),
    ("provider",),
    "does not say who will provide it",
)

requires(
    Doc(
        code="AC204",
        name="comp-ed-missing-deadline",
        severity="error",
        summary="A compensatory education award has no deadline or expiry for using it.",
        explanation=(
            "Without a date by which the hours must be delivered (or expire), compensatory "
            "services can drift for years and the District is never late."
        ),
        question="By what date must the compensatory hours be delivered, and what happens to hours not used by then?",
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District shall provide Student with twenty (20) hours of compensatory "
                "speech-language therapy by a licensed speech-language pathologist, beginning "
                "April 1, 2025, in two 30-minute sessions per week.",
                True,
            ),
        ),
    ),
    ("comp_ed",),
    ("deadline", "end"),
    "has no deadline or expiry date for using it",
)

@commitment_rule(
    Doc(
        code="AC205",
        name="comp-ed-missing-schedule",
        severity="warning",
        summary="A compensatory education award states neither a rate nor a way to schedule it.",
        explanation=(
            "Hours that are awarded but never scheduled are easily lost. The award should state "
            "a rate (“2 hours per week”, “60-minute sessions once per week”) or how sessions are "
            "scheduled (“by mutual agreement of the Parent and the provider”). A session length "
            "alone (“in 60-minute sessions”) is not a rate, and a vague word (“ongoing "
            "sessions”) is neither."
        ),
        question="How often will the compensatory sessions take place, or how will they be scheduled?",
        legal_basis=None,
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District will make available fifteen (15) hours of compensatory math tutoring "
                "with a District math interventionist, beginning September 2, 2025, to be used by "
                "January 30, 2026.",
                True,
            ),
            Example(
                "The District will provide ten (10) hours of compensatory reading instruction by a "
                "District reading teacher in 60-minute sessions, beginning March 3, 2025, to be used "
                "by June 30, 2025.",
                True,
            ),
            Example(
                "The District will provide ten (10) hours of compensatory reading instruction by a "
                "District reading teacher, scheduled by mutual agreement of the Parent and the teacher, "
                "beginning March 3, 2025, to be used by June 30, 2025.",
                False,
            ),
        ),
    ),
    kinds=("comp_ed",),
)
def comp_ed_schedule(c: Commitment, ctx: Context) -> str | None:
    if not has_rate(c, ctx) and not stated(c, "schedule"):
        return f"{subject(c)} states neither a rate nor how the sessions will be scheduled."
    return None


@dataclass(frozen=True, slots=True)
class Capacity:
    """How much of an award fits between its start and its deadline at its stated rate."""

    amount: float
    fits: float
    unit: str
    start: date
    deadline: date


def _number_in(value: object, key: str) -> float | None:
    n = value.get(key) if isinstance(value, dict) else None
    return n if isinstance(n, int | float) and not isinstance(n, bool) and n > 0 else None


def _sessions(c: Commitment, start: date, deadline: date) -> float | None:
    """Sessions that fit at the stated frequency; “bi-weekly” is read generously, as twice a week."""
    freq = element(c, "frequency")
    value = freq.value if freq is not None else None
    if isinstance(value, dict) and value.get("ambiguous"):
        value = {"times": 2, "per": "week"}
    times = _number_in(value, "times")
    count = periods(start, deadline, value.get("per")) if times else None
    return None if count is None else times * count


def capacity(c: Commitment, ctx: Context) -> Capacity | None:
    """The award's capacity, or None when its amount, rate, start or deadline is unknown."""
    amount = element(c, "amount")
    start_el = element(c, "start")
    end_el = element(c, "deadline") or element(c, "end")
    if amount is None or start_el is None or end_el is None:
        return None
    unit = amount.value.get("unit") if isinstance(amount.value, dict) else None
    n = _number_in(amount.value, "n")
    start = resolve(start_el.value, ctx, latest=False)
    deadline = resolve(end_el.value, ctx, latest=True)
    if unit not in ("hours", "sessions") or n is None or start is None or deadline is None:
        return None
    if deadline < start:
        return None  # AC501's problem, not a capacity one
    fits = _fits(c, unit, start, deadline)
    return None if fits is None else Capacity(float(n), fits, unit, start, deadline)


def _fits(c: Commitment, unit: str, start: date, deadline: date) -> float | None:
    sessions = _sessions(c, start, deadline)
    if unit == "sessions":
        return sessions
    duration = element(c, "duration")
    minutes = _number_in(duration.value, "minutes") if duration else None
    per = duration.value.get("per") if minutes else None
    if minutes is None:
        return None
    if per in (None, "session"):
        return None if sessions is None else sessions * minutes / 60
    count = periods(start, deadline, per)
    return None if count is None else count * minutes / 60


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:.1f}"


@commitment_rule(
    Doc(
        code="AC206",
        name="comp-ed-cannot-fit",
        severity="warning",
        summary="The awarded amount cannot be delivered before its deadline at the stated rate.",
        explanation=(
            "If 60 hours are awarded at one hour per week but must be used within 13 weeks, "
            "most of the award will expire unused. The check counts every calendar week the "
            "period touches, so it fires only when the shortfall is certain."
        ),
        question="At the stated rate the hours cannot all be delivered before the deadline: can the rate be increased or the deadline extended?",
        legal_basis=None,
        examples=(
            Example(COMPLETE_AWARD, False),
            Example(
                "The District shall provide sixty (60) hours of compensatory reading instruction by a "
                "District special education teacher, at one (1) hour per week, beginning March 3, "
                "2025, with all hours to be used by May 30, 2025.",
                True,
            ),
        ),
    ),
    kinds=("comp_ed",),
)
def comp_ed_cannot_fit(c: Commitment, ctx: Context) -> str | None:
    cap = capacity(c, ctx)
    if cap is None or cap.fits >= cap.amount:
        return None
    return (
        f"{subject(c)}: at the stated rate at most {_number(math.floor(cap.fits))} of the "
        f"{_number(cap.amount)} {cap.unit} fit between {day(cap.start)} and {day(cap.deadline)}."
    )


def _admission(ctx: Context) -> tuple[int, int] | None:
    """The first sentence that admits services were missed (an allegation or denial is no admission)."""
    text = ctx.analysis.document.text
    missed, disputed = ctx.phrases("missed", "rules-missed-exceptions"), ctx.phrases("rules-disputed")
    for s, e in ctx.reader.units(ctx.analysis.document, "sentence"):
        sentence = text[s:e]
        found = [start for start, _ in missed.find(sentence)]
        found += [m.start for m in ctx.reader.matches(sentence, "missed")]
        if found and not any(d < min(found) for d, _ in disputed.find(sentence)):
            return s, e
    return None


@document_rule(
    Doc(
        code="AC207",
        name="missed-services-without-remedy",
        severity="warning",
        summary="The draft admits services were missed but awards no compensatory education.",
        explanation=(
            "When an agreement records that the student did not receive services, the usual "
            "remedy is compensatory education. A draft that states the loss but awards nothing "
            "for it closes the dispute without making it up. A vague award is still an award: "
            "its gaps are reported by AC201–AC205."
        ),
        question="The agreement says services were missed: what compensatory education will make up for them?",
        legal_basis="34 CFR 300.151(b)(1)",
        examples=(
            Example(
                "MEDIATION AGREEMENT\n\nDate of Agreement: February 11, 2025\n\nThe District "
                "acknowledges that the Student did not receive twelve weeks of speech-language "
                "therapy because the position was vacant.\n\n1. The District will complete a "
                "functional behavioral assessment no later than March 28, 2025.\n",
                True,
            ),
            Example(
                "MEDIATION AGREEMENT\n\nDate of Agreement: February 11, 2025\n\nThe District "
                "acknowledges that the Student did not receive twelve weeks of speech-language "
                "therapy.\n\n1. " + COMPLETE_AWARD + "\n",
                False,
            ),
            Example(
                "MEDIATION AGREEMENT\n\nDate of Agreement: February 11, 2025\n\nThe Parent alleges "
                "that the District did not provide speech-language therapy; the District denies it."
                "\n\n1. The District will complete a functional behavioral assessment no later "
                "than March 28, 2025.\n",
                False,
            ),
        ),
    )
)
def missed_without_remedy(ctx: Context) -> Iterator[Hit]:
    if any(c.kind == "comp_ed" for c in ctx.analysis.commitments):
        return
    span = _admission(ctx)
    if span is not None:
        yield Hit("The draft says services were missed but awards no compensatory education for them.", *span)
