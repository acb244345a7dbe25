"""AC301–AC304: wording that makes a stated commitment soft or ambiguous.

Hedges and vague words are found in the clause text with the word lists in ``patterns/``;
relative times are judged from the values the NLP stage parsed, so there is one parser of
“within N days” in the tool, not two.
"""

from __future__ import annotations

from collections.abc import Iterator

from agreement_check.model import Commitment, Element
from agreement_check.rules.base import Context, Doc, Example, commitment_rule
from agreement_check.rules.describe import quoted, subject

TIME_ELEMENTS = ("start", "end", "deadline")
MORE_TIMES = "time"  # key prefix of further relative times (nlp.elements.MORE_TIMES)


def wording(c: Commitment, ctx: Context, name: str, exceptions: str) -> list[str]:
    """Phrases of word list ``name`` in the clause, outside its dates (“May” the month is no hedge)."""
    dates = [(m.start - c.start, m.end - c.start) for m in ctx.analysis.dates]
    spans = [
        (s, e)
        for s, e in ctx.phrases(name, exceptions).find(c.text)
        if not any(ds <= s and e <= de for ds, de in dates)
    ]
    return list(dict.fromkeys(c.text[s:e] for s, e in spans))


@commitment_rule(
    Doc(
        code="AC301",
        name="hedged-commitment",
        severity="warning",
        summary="A hedge (“as appropriate”, “will consider”, “when staff are available”) softens the commitment.",
        explanation=(
            "Qualifiers such as “as appropriate”, “as needed”, “will consider”, “reasonable "
            "efforts”, “when staff are available” or “may” in place of “will” turn a promise into "
            "an option: the District can meet it by deciding it is not appropriate or not possible."
        ),
        question="Can this say plainly what will be done, without the qualifier?",
        legal_basis=None,
        examples=(
            Example(
                "The District will provide extended school year services in reading as needed, from "
                "June 9, 2025 through July 17, 2025.",
                True,
            ),
            Example(
                "The District will consider purchasing a speech-generating device for the Student.",
                True,
            ),
            Example(
                "The District may provide a one-to-one aide during lunch, beginning March 3, 2025.",
                True,
            ),
            Example(
                "The District shall not change the Student's placement without first convening an IEP "
                "meeting, through the end of the 2024-2025 school year.",
                False,
            ),
            Example(
                "The District shall convene an IEP meeting within fifteen (15) school days after "
                "receipt of the IEE report to revise Student's IEP as the IEP Team determines.",
                False,
            ),
        ),
    )
)
def hedged(c: Commitment, ctx: Context) -> str | None:
    found = wording(c, ctx, "hedges", "rules-hedge-exceptions")
    if found:
        return f"{subject(c)} is qualified by {quoted(found)}, which makes it optional."
    return None


def relative_times(c: Commitment) -> Iterator[tuple[str, Element, dict]]:
    """The start/end/deadline elements stated relative to something (“within 10 days of …”),
    then any further relative times of the clause, which the NLP stage keeps under "time2",
    "time3", … (a second “within 10 days” is as ambiguous as the first)."""
    names = [*TIME_ELEMENTS, *sorted(n for n in c.elements if n.startswith(MORE_TIMES))]
    for name in names:
        el = c.elements.get(name)
        if el is not None and isinstance(el.value, dict) and "n" in el.value and "unit" in el.value:
            yield (MORE_TIMES if name.startswith(MORE_TIMES) else name), el, el.value


def _named(found: list[tuple[str, Element]]) -> str:
    """“The deadline “within 30 days”” — which time term, as written."""
    (first, _), texts = found[0], [el.text for _, el in found]
    return f"The {first} {quoted(list(dict.fromkeys(texts)))}"


@commitment_rule(
    Doc(
        code="AC302",
        name="ambiguous-days",
        severity="warning",
        summary="A number of days does not say school, calendar or business days.",
        explanation=(
            "“Within 10 days” can mean 10 calendar days or 10 school days, which may be two weeks "
            "or, over a holiday, much longer. The clause should say which kind of day it counts."
        ),
        question="Are these school days, calendar days or business days?",
        legal_basis="34 CFR 300.11",
        examples=(
            Example(
                "The District shall conduct a functional behavioral assessment of Student within 30 "
                "days of the date of this Agreement.",
                True,
            ),
            Example(
                "The District shall conduct a functional behavioral assessment of Student within 30 "
                "school days of the date of this Agreement.",
                False,
            ),
        ),
    )
)
def ambiguous_days(c: Commitment, ctx: Context) -> str | None:
    vague = [(name, el) for name, el, v in relative_times(c) if v["unit"] == "day" and v.get("day_type") is None]
    if vague:
        return f"{_named(vague)} does not say whether it counts school, calendar or business days."
    return None


@commitment_rule(
    Doc(
        code="AC303",
        name="missing-anchor",
        severity="warning",
        summary="A relative deadline does not say what it is counted from.",
        explanation=(
            "“Within 30 school days” needs a starting point: the date of the agreement, receipt "
            "of a report, the end of an evaluation. Without one, the deadline has no date. A "
            "clause that names its triggering event (“if any staff member restrains the Student, "
            "… within two school days”) counts from that event."
        ),
        question="Counted from when: from what date or event does this period run?",
        legal_basis=None,
        examples=(
            Example("The District shall conduct a comprehensive reevaluation of Student within forty-five (45) school days.", True),
            Example(
                "The District will convene an IEP meeting within ten (10) school days after the FBA "
                "is completed.",
                False,
            ),
            Example(
                "MEDIATION AGREEMENT\n\n1. If any staff member physically restrains the Student, the "
                "principal will give the Parent the written incident report within two school days.\n",
                False,
            ),
        ),
    )
)
def missing_anchor(c: Commitment, ctx: Context) -> str | None:
    triggers = [c.start + s for s, _ in ctx.phrases("rules-event-triggers").find(c.text)]
    loose = [
        (name, el)
        for name, el, v in relative_times(c)
        if v.get("relation") in ("within", "after", "before")
        and not v.get("anchor")
        and not any(t < el.start for t in triggers)  # counted from the event the clause names
    ]
    if loose:
        return f"{_named(loose)} does not say what it is counted from."
    return None


def _ambiguous_elements(c: Commitment) -> list[str]:
    return [
        el.text
        for el in c.elements.values()
        if el is not None and isinstance(el.value, dict) and el.value.get("ambiguous")
    ]


@commitment_rule(
    Doc(
        code="AC304",
        name="vague-quantity",
        severity="warning",
        summary="A vague word (“regular”, “periodic”, “ongoing”, “as necessary”, “bi-weekly”) stands in for a number.",
        explanation=(
            "“Regular”, “periodic” and “ongoing” give no number. “Bi-weekly” means both twice a "
            "week and every two weeks. “As necessary” leaves the amount to the District."
        ),
        question="Can this state an exact number, such as how many times per week or per month?",
        legal_basis=None,
        examples=(
            Example(
                "The District's SLP will consult with the Student's classroom teacher on a regular basis.",
                True,
            ),
            Example(
                "The District will provide counseling with the school social worker bi-weekly, 30 "
                "minute sessions, in the counseling office, beginning February 18, 2025 through "
                "May 21, 2025.",
                True,
            ),
            Example(
                "The District will provide specialized reading instruction in the regular education "
                "classroom 4 times per week for 45 minutes, beginning March 3, 2025 through May 22, 2025.",
                False,
            ),
        ),
    )
)
def vague_quantity(c: Commitment, ctx: Context) -> str | None:
    found = list(dict.fromkeys(wording(c, ctx, "vague", "rules-vague-exceptions") + _ambiguous_elements(c)))
    if found:
        return f"{subject(c)} uses {quoted(found)} where a number is needed."
    return None
