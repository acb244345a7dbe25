"""AC101–AC110: an element a commitment of its kind must state is missing.

What each kind must state comes from SPEC.md: a service its party, frequency, session length
or amount per period, start, end and setting (34 CFR 300.320(a)(7) asks the same of an
IEP); a one-time act its deadline; a payment its amount and payee.
"""

from __future__ import annotations

from agreement_check.model import Commitment
from agreement_check.rules.base import Context, Doc, Example, commitment_rule
from agreement_check.rules.describe import element, stated, subject

IEP_SERVICES = "34 CFR 300.320(a)(7)"
ONE_TIME_KINDS = ("evaluation", "meeting", "payment", "action")
_PERIODS = ("day", "week", "month", "year")

COMPLETE_SERVICE = (
    "The District will provide speech-language therapy two times per week for 30 minutes per "
    "session in the speech therapy room, beginning March 3, 2025 and continuing through "
    "May 30, 2025."
)


def requires(doc: Doc, kinds: tuple[str, ...], names: tuple[str, ...], missing: str) -> None:
    """Registers a rule that fires on a commitment of one of ``kinds`` stating none of the
    elements ``names``; its message is the commitment's subject and ``missing``."""

    @commitment_rule(doc, kinds)
    def check(c: Commitment, ctx: Context) -> str | None:
        return None if stated(c, *names) else f"{subject(c)} {missing}."


def has_rate(c: Commitment, ctx: Context) -> bool:
    """A frequency, or an amount of time per week or month ("150 minutes per week").

    A frequency with no number that is only a vague word ("regular sessions") is not one;
    "bi-weekly" has a number (once per two weeks, or twice a week) and counts.
    """
    freq = element(c, "frequency")
    if freq is not None:
        counted = isinstance(freq.value, dict) and "times" in freq.value
        if counted or not ctx.phrases("vague", "rules-vague-exceptions").find(freq.text):
            return True
    duration = element(c, "duration")
    return duration is not None and _per(duration.value) in _PERIODS


def _per(value: object) -> str | None:
    return value.get("per") if isinstance(value, dict) else None


@commitment_rule(
    Doc(
        code="AC101",
        name="missing-responsible-party",
        severity="error",
        summary="No one is named as responsible for the commitment.",
        explanation=(
            "A promise written in the passive voice (“services shall be provided”) with no "
            "“by …” and no lead-in naming a party does not say who must act. If no one is "
            "named, no one can be held to it."
        ),
        question="Who exactly is responsible for doing this: the District, a named staff member, or someone else?",
        legal_basis=None,
        examples=(
            Example(
                "MEDIATION AGREEMENT\n\n1. Occupational therapy shall be provided to the Student for 30 "
                "minutes per session.\n",
                True,
            ),
            Example("MEDIATION AGREEMENT\n\n1. An IEP meeting shall be held no later than April 4, 2025.\n", True),
            Example(
                "MEDIATION AGREEMENT\n\n1. The District shall convene an IEP meeting no later than April 4, 2025.\n",
                False,
            ),
        ),
    )
)
def missing_party(c: Commitment, ctx: Context) -> str | None:
    if c.party is None:
        return f"{subject(c)} does not say who is responsible for it."
    return None


@commitment_rule(
    Doc(
        code="AC102",
        name="missing-frequency",
        severity="error",
        summary="A service does not say how often it is provided.",
        explanation=(
            "A service needs a frequency such as “2x/week”, “daily” or “monthly”. Words like "
            "“regular” or “periodic” in place of a number are not a frequency. An amount of "
            "time per week or month (“150 minutes per week”) states both frequency and amount."
        ),
        question="How often will this service be provided, for example how many times per week?",
        legal_basis=IEP_SERVICES,
        examples=(
            Example(COMPLETE_SERVICE, False),
            Example(
                "The District's SLP will consult with the Student's classroom teacher on a regular "
                "basis, beginning March 3, 2025 through May 30, 2025.",
                True,
            ),
            Example(
                "The District shall provide Student with specialized instruction in written "
                "expression for 150 minutes per week in the resource room, beginning March 3, 2025 "
                "and continuing through the end of the 2024-2025 school year.",
                False,
            ),
        ),
    ),
    kinds=("service",),
)
def missing_frequency(c: Commitment, ctx: Context) -> str | None:
    return None if has_rate(c, ctx) else f"{subject(c)} does not say how often it will be provided."


requires(
    Doc(
        code="AC103",
        name="missing-duration",
        severity="error",
        summary="A service states no session length and no amount per period.",
        explanation=(
            "Knowing how often a service happens is not enough: “two times per week” could be "
            "five minutes each. The clause should state the length of each session (“30 minutes”, "
            "“one class period”) or an amount per period (“120 minutes per month”)."
        ),
        question="How many minutes will each session last?",
        legal_basis=IEP_SERVICES,
        examples=(
            Example(COMPLETE_SERVICE, False),
            Example(
                "The District will provide speech-language therapy two times per week in the speech "
                "room, beginning March 3, 2025 through May 30, 2025.",
                True,
            ),
        ),
    ),
    ("service",),
    ("duration", "amount"),
    "has no session length",
)


requires(
    Doc(
        code="AC104",
        name="missing-start",
        severity="error",
        summary="A service or compensatory award has no start date or start trigger.",
        explanation=(
            "Without a start date (“beginning March 3, 2025”) or a start trigger (“upon execution "
            "of this Agreement”), the District can begin whenever it likes, and a late start "
            "is not a breach."
        ),
        question="On what date will this start?",
        legal_basis=IEP_SERVICES,
        examples=(
            Example(COMPLETE_SERVICE, False),
            Example(
                "The District will provide speech-language therapy two times per week for 30 minutes "
                "per session in the speech therapy room through May 30, 2025.",
                True,
            ),
        ),
    ),
    ("service", "comp_ed"),
    ("start",),
    "has no start date",
)


requires(
    Doc(
        code="AC105",
        name="missing-end",
        severity="error",
        summary="A service has no end date, period or number of weeks.",
        explanation=(
            "A service with no end (“through May 30, 2025”, “for the remainder of the 2024-2025 "
            "school year”, “for 12 weeks”) can be read as ending at any time."
        ),
        question="On what date will this service end, or for how many weeks will it run?",
        legal_basis=IEP_SERVICES,
        examples=(
            Example(COMPLETE_SERVICE, False),
            Example(
                "The District will provide speech-language therapy two times per week for 30 minutes "
                "per session in the speech therapy room, beginning March 3, 2025.",
                True,
            ),
        ),
    ),
    ("service",),
    ("end",),
    "has no end date or period",
)


@commitment_rule(
    Doc(
        code="AC106",
        name="missing-deadline",
        severity="error",
        summary="A one-time commitment (evaluation, meeting, payment, action) has no deadline.",
        explanation=(
            "An evaluation, meeting, payment or other one-time act needs a date by which it "
            "must be done. A relative deadline (“within 10 school days after the report is "
            "received”, “at least five school days before the IEP meeting”) counts; a start "
            "date does not, since an act begun on time can still go unfinished. Without a "
            "deadline, the act can be put off indefinitely. A promise not to act (“shall not "
            "suspend the Student”) needs none."
        ),
        question="By what date will this be done?",
        legal_basis=None,
        examples=(
            Example("The District shall train Student's general education teachers on the behavior intervention plan.", True),
            Example("The District shall begin a comprehensive reevaluation of Student starting March 3, 2025.", True),
            Example("The District shall complete a functional behavioral assessment of Student no later than April 25, 2025.", False),
            Example(
                "The District shall give the Parent a draft of the revised IEP at least five (5) "
                "school days before the IEP meeting.",
                False,
            ),
            Example("The District shall not use seclusion or restraint with the Student.", False),
        ),
    ),
    kinds=ONE_TIME_KINDS,
)
def missing_deadline(c: Commitment, ctx: Context) -> str | None:
    if stated(c, "deadline", "end") or prohibits(c, ctx):
        return None
    return f"{subject(c)} has no deadline."


def prohibits(c: Commitment, ctx: Context) -> bool:
    """Whether the clause's first undertaking is a promise not to act ("shall not suspend")."""
    negated = ctx.phrases("rules-prohibitions").find(c.text)
    if not negated:
        return False
    markers = ctx.phrases("obligations").find(c.text)
    return negated[0][0] <= min((s for s, _ in markers), default=len(c.text))


requires(
    Doc(
        code="AC107",
        name="missing-location",
        severity="info",
        summary="A service does not say where it is provided.",
        explanation=(
            "A setting (“in the speech therapy room”, “in the general education classroom”) "
            "settles whether a service is pull-out or in class. Times such as “after school” "
            "are not settings."
        ),
        question="Where will this service be provided?",
        legal_basis=IEP_SERVICES,
        examples=(
            Example(COMPLETE_SERVICE, False),
            Example(
                "The District will provide speech-language therapy two times per week for 30 minutes "
                "per session, beginning March 3, 2025 and continuing through May 30, 2025.",
                True,
            ),
        ),
    ),
    ("service",),
    ("location",),
    "does not say where it will be provided",
)


requires(
    Doc(
        code="AC108",
        name="missing-amount",
        severity="error",
        summary="A payment states no money amount, rate or cap.",
        explanation=(
            "A promise to reimburse or pay with no amount, rate or cap leaves the sum to be "
            "argued about later."
        ),
        question="How much money will be paid, or what is the maximum?",
        legal_basis=None,
        examples=(
            Example(
                "The District will reimburse the Parent for mileage driven to private speech therapy "
                "appointments within 30 calendar days of receiving the mileage log.",
                True,
            ),
            Example(
                "The District will reimburse the Parent for mileage driven to private speech therapy "
                "appointments at the rate of $0.67 per mile, within 30 calendar days of receiving "
                "the mileage log.",
                False,
            ),
        ),
    ),
    ("payment",),
    ("amount",),
    "states no amount of money",
)


requires(
    Doc(
        code="AC109",
        name="missing-payee",
        severity="error",
        summary="A payment does not say who is paid.",
        explanation=(
            "“The District will pay the cost of the evaluation” does not say whether the money "
            "goes to the parent (who may already have paid) or to the provider."
        ),
        question="Who will be paid: the parent, or the provider directly?",
        legal_basis=None,
        examples=(
            Example(
                "The District will pay the cost of the Student's private audiology evaluation, in the "
                "amount of $450, no later than January 31, 2025.",
                True,
            ),
            Example(
                "The District will pay Dr. Ruiz, the Student's private audiologist, $450 for the "
                "audiology evaluation no later than January 31, 2025.",
                False,
            ),
        ),
    ),
    ("payment",),
    ("payee",),
    "does not say who will be paid",
)


@commitment_rule(
    Doc(
        code="AC110",
        name="iee-missing-cost-terms",
        severity="info",
        summary="An independent educational evaluation (IEE) has no cost cap or rate.",
        explanation=(
            "An IEE at public expense is usually subject to the District's cost criteria. "
            "If the agreement names no cap or rate, the District may later refuse part of an "
            "evaluator's bill."
        ),
        question="Is there a cost cap or rate for the independent evaluation, and who pays any amount above it?",
        legal_basis="34 CFR 300.502",
        examples=(
            Example(
                "The District shall fund an independent educational evaluation in occupational therapy "
                "at public expense, to be completed no later than May 1, 2025.",
                True,
            ),
            Example(
                "The District shall fund an independent educational evaluation (IEE) in speech and "
                "language at a cost not to exceed $3,200, to be completed no later than June 13, 2025.",
                False,
            ),
            Example(
                "The District shall complete an occupational therapy evaluation of Student no later "
                "than May 1, 2025.",
                False,
            ),
        ),
    ),
    kinds=("evaluation",),
)
def iee_cost_terms(c: Commitment, ctx: Context) -> str | None:
    if ctx.reader.labels(c.text, "rules-iee") and not stated(c, "amount"):
        return "The independent educational evaluation has no cost cap or rate."
    return None
