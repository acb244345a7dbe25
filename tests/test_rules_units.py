"""Rules on hand-built analyses: what each check reads from elements, and where findings go.

These pin the rule logic independently of the NLP stage; tests/test_rules_catalogue.py runs
the documented examples through the whole pipeline.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from agreement_check import extract, rules
from agreement_check.model import ELEMENT_NAMES, KINDS, Analysis, Commitment, DateMention, Element
from agreement_check.rules import CATALOGUE, Context, run
from agreement_check.rules.comped import capacity
from agreement_check.rules.timing import periods, resolve


def commitment(doc_text: str, clause: str, kind: str = "service", party: str | None = "District",
               cid: str = "c1", **elements: tuple[str, object]) -> Commitment:
    """A commitment over ``clause`` (which must occur in ``doc_text``); elements by name ->
    (text as written in the clause, value)."""
    start = doc_text.index(clause)
    els: dict[str, Element | None] = dict.fromkeys(ELEMENT_NAMES)
    for name, (text, value) in elements.items():
        at = doc_text.index(text)
        els[name] = Element(text, at, at + len(text), value)
    return Commitment(cid, kind, party, clause, start, start + len(clause), elements=els)


def analyse(text: str, *commitments: Commitment, agreed: date | None = date(2025, 3, 4),
            dates: list[DateMention] | None = None, is_agreement: bool = True) -> Analysis:
    return Analysis(extract.from_string(text), is_agreement, agreed, list(commitments), dates or [])


def codes(analysis: Analysis, prefix: str = "AC", words: dict | None = None) -> set[str]:
    return {f.code for f in run(analysis, lambda c: c.startswith(prefix), words)}


SPEECH = (
    "The District will provide speech therapy two times per week for 30 minutes per session in "
    "the speech room, beginning March 10, 2025 through May 30, 2025."
)
SPEECH_ELEMENTS = {
    "service": ("speech therapy", None),
    "frequency": ("two times per week", {"times": 2, "per": "week"}),
    "duration": ("30 minutes per session", {"minutes": 30, "per": "session"}),
    "location": ("in the speech room", None),
    "start": ("March 10, 2025", {"date": "2025-03-10"}),
    "end": ("May 30, 2025", {"date": "2025-05-30"}),
}


def test_complete_service_has_no_element_findings() -> None:
    c = commitment(SPEECH, SPEECH, **SPEECH_ELEMENTS)
    assert codes(analyse(SPEECH, c), "AC1") == set()


@pytest.mark.parametrize(
    ("dropped", "code", "message"),
    [
        ("frequency", "AC102", "Speech therapy does not say how often it will be provided."),
        ("duration", "AC103", "Speech therapy has no session length."),
        ("start", "AC104", "Speech therapy has no start date."),
        ("end", "AC105", "Speech therapy has no end date or period."),
        ("location", "AC107", "Speech therapy does not say where it will be provided."),
    ],
)
def test_each_missing_service_element_is_named(dropped: str, code: str, message: str) -> None:
    els = {k: v for k, v in SPEECH_ELEMENTS.items() if k != dropped}
    findings = run(analyse(SPEECH, commitment(SPEECH, SPEECH, **els)), lambda c: c.startswith("AC1"))
    assert [(f.code, f.message, f.commitment) for f in findings] == [(code, message, "c1")]
    assert findings[0].question == CATALOGUE[code].question
    assert findings[0].text == SPEECH


def test_time_per_week_is_both_frequency_and_amount() -> None:
    text = "The District shall provide written expression instruction for 150 minutes per week."
    c = commitment(text, text, service=("written expression instruction", None),
                   duration=("150 minutes per week", {"minutes": 150, "per": "week"}))
    assert not {"AC102", "AC103"} & codes(analyse(text, c))


def test_a_rule_fires_only_on_the_kinds_it_names() -> None:
    """A passive clause of each kind that states nothing gets the codes LABELING.md gives its
    kind, each from a rule whose ``kinds`` name it."""
    text = "\n".join(f"Clause {kind}." for kind in KINDS)
    bare = [commitment(text, f"Clause {kind}.", kind=kind, party=None, cid=kind) for kind in KINDS]
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for f in run(analyse(text, *bare)):
        if f.commitment is not None:
            assert f.commitment in CATALOGUE[f.code].kinds, f
            found[f.commitment].add(f.code)
    one_time = {"AC101", "AC106"}
    assert found == {
        "service": {"AC101", "AC102", "AC103", "AC104", "AC105", "AC107"},
        "comp_ed": {"AC101", "AC104", "AC201", "AC202", "AC203", "AC204", "AC205"},
        "evaluation": one_time,
        "meeting": one_time,
        "payment": one_time | {"AC108", "AC109"},
        "action": one_time,
        "parent": {"AC101"},
    }


def test_kind_decides_which_elements_are_required() -> None:
    text = "The District shall train the teachers. Parent will sign the consent."
    action = commitment(text, "The District shall train the teachers.", kind="action")
    parent = commitment(text, "Parent will sign the consent.", kind="parent", party="Parent", cid="c2")
    found = {(f.code, f.commitment) for f in run(analyse(text, action, parent), lambda c: c.startswith("AC1"))}
    assert found == {("AC106", "c1")}


def test_payment_needs_amount_and_payee_and_iee_a_cost_cap() -> None:
    text = "The District will reimburse mileage. The District shall fund an IEE in speech."
    pay = commitment(text, "The District will reimburse mileage.", kind="payment",
                     deadline=("mileage", {"date": "2025-04-01"}))
    iee = commitment(text, "The District shall fund an IEE in speech.", kind="evaluation", cid="c2",
                     deadline=("speech", {"date": "2025-04-01"}))
    found = {(f.code, f.commitment) for f in run(analyse(text, pay, iee))}
    assert {("AC108", "c1"), ("AC109", "c1"), ("AC110", "c2")} <= found


AWARD = (
    "The District shall provide 60 hours of compensatory reading instruction by a District teacher, "
    "one hour per week, beginning March 3, 2025, to be used by May 30, 2025."
)


def award(**changes: tuple[str, object] | None) -> Commitment:
    els: dict[str, tuple[str, object]] = {
        "service": ("reading instruction", None),
        "amount": ("60 hours", {"n": 60, "unit": "hours"}),
        "provider": ("a District teacher", None),
        "duration": ("one hour per week", {"minutes": 60, "per": "week"}),
        "start": ("March 3, 2025", {"date": "2025-03-03"}),
        "deadline": ("May 30, 2025", {"date": "2025-05-30"}),
    }
    els.update(changes)
    return commitment(AWARD, AWARD, kind="comp_ed", **{k: v for k, v in els.items() if v is not None})


def test_periods_count_every_calendar_week_touched() -> None:
    # Monday 3 March to Friday 30 May 2025: 13 calendar weeks.
    assert periods(date(2025, 3, 3), date(2025, 5, 30), "week") == 13
    # A Sunday-to-Monday span touches two weeks.
    assert periods(date(2025, 3, 2), date(2025, 3, 3), "week") == 2
    assert periods(date(2025, 1, 31), date(2025, 3, 1), "month") == 3
    assert periods(date(2025, 3, 3), date(2025, 5, 30), "2 weeks") == 7


def test_ac206_capacity_from_hours_per_week() -> None:
    cap = capacity(award(), Context(analyse(AWARD)))
    assert cap is not None and (cap.amount, cap.fits) == (60, 13)
    (finding,) = run(analyse(AWARD, award()), lambda code: code == "AC206")
    assert finding.message.endswith("at most 13 of the 60 hours fit between March 3, 2025 and May 30, 2025.")


def test_rules_format_dates_the_same_on_every_platform() -> None:
    """strftime's "%-d" is glibc's alone (Windows raises ValueError): rules format days with describe.day."""
    sources = Path(rules.__file__).parent.glob("*.py")
    assert [p.name for p in sources if re.search(r"%-[a-zA-Z]", p.read_text(encoding="utf-8"))] == []


def test_ac206_capacity_from_sessions_times_length() -> None:
    changed = award(
        amount=("60 hours", {"n": 20, "unit": "hours"}),
        frequency=("one hour per week", {"times": 2, "per": "week"}),
        duration=("one hour", {"minutes": 60, "per": "session"}),
    )
    cap = capacity(changed, Context(analyse(AWARD)))
    assert cap is not None and cap.fits == 26  # 13 weeks x 2 sessions x 1 hour
    assert "AC206" not in codes(analyse(AWARD, changed))


def test_ac206_reads_bi_weekly_generously_and_counts_sessions() -> None:
    changed = award(
        amount=("60 hours", {"n": 20, "unit": "sessions"}),
        frequency=("one hour per week", {"times": 1, "per": "2 weeks", "ambiguous": True}),
        duration=None,
    )
    cap = capacity(changed, Context(analyse(AWARD)))
    assert cap is not None and cap.fits == 26  # "bi-weekly" read as twice a week


def test_ac206_skips_an_award_with_an_unknown_term() -> None:
    undated_start = award(start=("March 3, 2025", {"event": "execution of this Agreement"}))
    assert capacity(undated_start, Context(analyse(AWARD, agreed=None))) is None
    assert capacity(award(duration=None), Context(analyse(AWARD))) is None
    money = award(amount=("60 hours", {"n": 4500, "unit": "usd"}))
    assert capacity(money, Context(analyse(AWARD))) is None


def test_relative_dates_resolve_only_from_the_agreement() -> None:
    ctx = Context(analyse(AWARD, agreed=date(2025, 3, 4)))
    executed = {"n": 10, "unit": "day", "day_type": "school", "anchor": "execution of this Agreement", "relation": "within"}
    assert resolve(executed, ctx, latest=False) == date(2025, 3, 14)
    assert resolve(executed, ctx, latest=True) == date(2025, 3, 24)  # 10 school days, room for a break
    assert resolve({**executed, "anchor": "receipt of the report"}, ctx, latest=True) is None
    assert resolve({"school_year": [2024, 2025]}, ctx, latest=True) == date(2025, 6, 30)


def test_comp_ed_elements() -> None:
    text = "Compensatory services shall be provided to the Student."
    c = commitment(text, text, kind="comp_ed", party=None, service=("Compensatory services", None))
    assert codes(analyse(text, c), "AC2") == {"AC201", "AC202", "AC203", "AC204", "AC205"}
    full = award(duration=None, schedule=("by a District teacher", "by mutual agreement"))
    assert codes(analyse(AWARD, full), "AC2") == set()


def test_hedges_vague_words_and_their_exceptions() -> None:
    text = (
        "The District may not reduce reading instruction in the regular education classroom. "
        "The District may provide counseling as appropriate on a regular basis."
    )
    firm = commitment(text, text.split(". ")[0] + ".", kind="action")
    soft = commitment(text, text.split(". ")[1], kind="action", cid="c2")
    found = run(analyse(text, firm, soft), lambda c: c in ("AC301", "AC304"))
    assert {(f.code, f.commitment) for f in found} == {("AC301", "c2"), ("AC304", "c2")}
    hedge = next(f for f in found if f.code == "AC301")
    assert "“may”" in hedge.message and "“as appropriate”" in hedge.message


@pytest.mark.parametrize(
    ("clause", "hedged"),
    [
        ("The District will provide counseling on an as-needed basis.", True),  # a hyphen is a space
        ("The District will make good-faith efforts to assign the same aide.", True),
        ("Dist to maybe provide a bus pass for community outings.", True),
        ("Dist to look into a second set of textbooks for home if the budget allows.", True),
        ("The District agrees to: (c) consider whether the Student needs an AT evaluation.", True),
        ("The District will convene an IEP meeting to consider whether the Student needs ESY.", False),
        ("The District will amend the IEP; the amendment may be made without a meeting.", False),
        ("The District will: - Consider adding a second adult to the playground rotation.", True),
        ("The District will convene an IEP meeting to consider adding ESY services.", False),
        ("The District will provide speech therapy, 60 minutes weekly, which may be divided into two sessions.", False),
    ],
)
def test_hedge_wording(clause: str, hedged: bool) -> None:
    c = commitment(clause, clause, kind="action", deadline=(clause[:5], {"date": "2025-04-01"}))
    assert ("AC301" in codes(analyse(clause, c))) == hedged


@pytest.mark.parametrize(
    ("clause", "fires"),
    [
        ("The District shall not suspend the Student.", False),
        ("The District will never use seclusion with the Student.", False),
        ("The District shall not suspend the Student and shall train the staff on the BIP.", False),
        ("The District shall train the staff on the BIP and shall not suspend the Student.", True),
    ],
)
def test_a_promise_not_to_act_needs_no_deadline(clause: str, fires: bool) -> None:
    """AC106 asks when an act will be done; a clause whose first undertaking forbids an act has none."""
    assert ("AC106" in codes(analyse(clause, commitment(clause, clause, kind="action")))) == fires


def test_words_extend_the_hedge_list() -> None:
    text = "The District will provide a laptop once the school board approves it."
    c = commitment(text, text, kind="action", deadline=("laptop", {"date": "2025-04-01"}))
    assert "AC301" not in codes(analyse(text, c))
    assert "AC301" in codes(analyse(text, c), words={"hedges": ["once the school board approves"]})


def test_relative_time_codes_come_from_element_values() -> None:
    text = "The District will evaluate the Student within 30 days."
    loose = {"n": 30, "unit": "day", "day_type": None, "anchor": None, "relation": "within"}
    c = commitment(text, text, kind="evaluation", deadline=("within 30 days", loose))
    assert codes(analyse(text, c), "AC30") == {"AC302", "AC303"}
    anchored = {**loose, "day_type": "school", "anchor": "receipt of consent"}
    c = commitment(text, text, kind="evaluation", deadline=("within 30 days", anchored))
    assert codes(analyse(text, c), "AC30") == set()


def test_bad_dates_go_on_the_clause_that_holds_them_else_on_the_document() -> None:
    text = (
        "Date of Agreement: Tuesday, March 5, 2025\n"
        "The District shall convene an IEP meeting on Thursday, December 10, 2025."
    )
    clause = text.splitlines()[1]
    c = commitment(text, clause, kind="meeting", deadline=("December 10, 2025", {"date": "2025-12-10"}))
    mentions = [
        DateMention("Tuesday, March 5, 2025", text.index("Tuesday"), text.index("Tuesday") + 22,
                    date(2025, 3, 5), "Tuesday"),
        DateMention("Thursday, December 10, 2025", text.index("Thursday"), text.index("Thursday") + 27,
                    date(2025, 12, 10), "Thursday"),
    ]
    findings = run(analyse(text, c, agreed=date(2025, 3, 5), dates=mentions), lambda code: code == "AC502")
    assert [(f.commitment, f.text) for f in findings] == [
        (None, "Tuesday, March 5, 2025"),
        ("c1", clause),
    ]
    assert "Wednesday" in findings[0].message


def test_lead_in_date_problem_is_one_document_finding() -> None:
    text = (
        "Beginning May 1, 2025 and continuing through April 1, 2025, the District will provide:\n"
        "- speech therapy\n- occupational therapy"
    )
    start = ("May 1, 2025", {"date": "2025-05-01"})
    end = ("April 1, 2025", {"date": "2025-04-01"})
    items = [commitment(text, name, cid=f"c{i}", start=start, end=end)
             for i, name in enumerate(("speech therapy", "occupational therapy"))]
    findings = run(analyse(text, *items), lambda code: code == "AC501")
    assert [(f.commitment, f.start) for f in findings] == [(None, text.index("May 1"))]


def test_deadline_before_agreement_and_impossible_and_school_year() -> None:
    clause = "The District will pay $50 to Parent by February 1, 2025 for the 2024-2026 school year."
    text = clause + "\nSigned February 30, 2025."
    c = commitment(text, clause, kind="payment", deadline=("February 1, 2025", {"date": "2025-02-01"}),
                   amount=("$50", {"n": 50, "unit": "usd"}), payee=("Parent", None))
    sy = text.index("2024-2026")
    mentions = [DateMention("2024-2026", sy, sy + 9, school_year=(2024, 2026)),
                DateMention("February 30, 2025", text.index("February 30"), len(text), impossible=True)]
    found = {(f.code, f.commitment) for f in run(analyse(text, c, dates=mentions), lambda code: code.startswith("AC5"))}
    assert found == {("AC503", "c1"), ("AC505", "c1"), ("AC504", None)}


def test_tracked_changes_and_non_agreements() -> None:
    text = "MEDIATION AGREEMENT\nThe District will train the staff by May 1, 2025."
    a = analyse(text)
    assert "AC409" not in codes(a)
    a.document.tracked_changes = True
    assert "AC409" in codes(a)
    report = analyse(text, is_agreement=False)
    report.document.tracked_changes = True
    assert codes(report, "AC4") == set()


def test_scanned_pages_that_went_unread_are_reported() -> None:
    a = analyse("MEDIATION AGREEMENT\nThe District will train the staff by May 1, 2025.")
    assert "AC410" not in codes(a)
    a.document.unread_pages = [2, 3]
    (finding,) = [f for f in run(a) if f.code == "AC410"]
    assert finding.message.startswith("Pages 2, 3 are scans") and finding.severity == "warning"


def test_findings_are_sorted_by_position_then_code() -> None:
    text = "Speech therapy shall be provided. Occupational therapy shall be provided."
    first = commitment(text, "Speech therapy shall be provided.", party=None)
    second = commitment(text, "Occupational therapy shall be provided.", party=None, cid="c2")
    findings = run(analyse(text, second, first))
    keys = [(f.start, f.code) for f in findings]
    assert keys == sorted(keys)
    assert findings[0].start == 0


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_hedge() -> None:
    month = "The District will hold an IEP meeting by the end of May."
    modal = "The District may hold an IEP meeting by the end of May."
    for text, hedged in ((month, False), (modal, True)):
        c = commitment(text, text, kind="meeting", deadline=("the end of May", {"date": "2025-05-31"}))
        assert ("AC301" in codes(analyse(text, c))) == hedged


@pytest.mark.parametrize(
    ("clause", "vague"),
    [
        ("The District will provide counseling on a regular basis.", True),
        ("The District will train the classroom teacher and the two regular subs by March 7, 2025.", False),
    ],
)
def test_regular_as_a_frequency_but_not_as_a_kind_of_person(clause: str, vague: bool) -> None:
    c = commitment(clause, clause, kind="action", deadline=(clause[:5], {"date": "2025-04-01"}))
    assert ("AC304" in codes(analyse(clause, c))) == vague
