"""Date mentions and the agreement's own date."""

from __future__ import annotations

from datetime import date

import pytest

from agreement_check.extract import from_string
from agreement_check.nlp import analyze


def mentions(text: str):
    return {m.text: m for m in analyze(from_string(text)).dates}


def test_weekday_as_written_is_kept_beside_its_date() -> None:
    found = mentions("AGREEMENT\n\nDated: Friday, April 10, 2025\n")
    m = found["Friday, April 10, 2025"]
    assert (m.weekday, m.value) == ("Friday", date(2025, 4, 10))
    assert date(2025, 4, 10).strftime("%A") != m.weekday  # a Thursday: AC502 has its facts


def test_impossible_dates_are_flagged_not_parsed() -> None:
    found = mentions("AGREEMENT\n\n1. The District will complete an FBA by April 31, 2025 and by February 30, 2025.\n")
    assert found["April 31, 2025"].impossible and found["April 31, 2025"].value is None
    assert found["February 30, 2025"].impossible


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2024-2025 school year", (2024, 2025)),
        ("2024-25 school year", (2024, 2025)),
        ("SY 2025-26", (2025, 2026)),
        ("2024-2026 school year", (2024, 2026)),
    ],
)
def test_school_years_as_written(text: str, years: tuple[int, int]) -> None:
    found = mentions(f"AGREEMENT\n\n1. The District will provide ESY during the {text}.\n")
    assert found[text].school_year == years


def test_numeric_and_ordinal_dates() -> None:
    found = mentions(
        "SETTLEMENT AGREEMENT\n\nThis Agreement is entered into this 4th day of March, 2025.\n\n"
        "1. The District will pay $100 by 3/17/2025.\n"
    )
    assert found["3/17/2025"].value == date(2025, 3, 17)
    assert found["4th day of March, 2025"].value == date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MEDIATION AGREEMENT\n\nDate of Agreement: February 11, 2025\n", date(2025, 2, 11)),
        ("SETTLEMENT AGREEMENT\n\nThis Agreement is entered into this 4th day of March, 2025.\n", date(2025, 3, 4)),
        ("AGREEMENT\n\nThis agreement was reached on Tuesday, October 14, 2025, at the office.\n", date(2025, 10, 14)),
        ("AGREEMENT\n\nSigned this 12th day of February, 2025.\n", date(2025, 2, 12)),
        ("Ms. Benally,\n\nThis email confirms the agreement we reached at mediation today, Thursday, January 29, "
         "2026.\n", date(2026, 1, 29)),
        ("AGREEMENT\n\nParent: ________ Date: 1/15/2025\n\nDirector: ________ Date: 1/16/2025\n", date(2025, 1, 16)),
    ],
)
def test_agreement_date(text: str, expected: date) -> None:
    assert analyze(from_string(text)).agreement_date == expected


def test_recital_dates_are_not_the_agreement_date() -> None:
    analysis = analyze(
        from_string(
            "MEDIATION AGREEMENT\n\nThe Parent requested mediation on January 14, 2025. The IEP "
            "dated October 2, 2024 stays in place.\n\nParent: ________ Date: ________\n"
        )
    )
    assert analysis.agreement_date is None


def test_a_date_line_of_its_own_dates_the_agreement_but_other_dates_do_not() -> None:
    assert analyze(from_string("MEDIATION AGREEMENT\n\nDate: 1/22/2025\n\nStudent: J.A.\n")).agreement_date == date(2025, 1, 22)
    report = analyze(from_string("IEP PROGRESS REPORT\n\nIEP date: 4/18/2024   Report sent home: 1/17/2025\n"))
    assert report.agreement_date is None


def test_short_numeric_dates_of_notes_typed_at_the_table() -> None:
    analysis = analyze(from_string(
        "mediation agreement\n\ndate: Tues 2/4/25\n\n"
        "1) Dist will send mom the file by 2/14, start 3-3-25, thru end of SY 24-25 (open 24/7).\n"
    ))
    found = {m.text: m for m in analysis.dates}
    assert analysis.agreement_date == date(2025, 2, 4)  # not 2125
    assert (found["Tues 2/4/25"].weekday, found["Tues 2/4/25"].value) == ("Tues", date(2025, 2, 4))
    assert found["2/14"].value == date(2025, 2, 14)  # the next 14 February after the agreement
    assert found["3-3-25"].value == date(2025, 3, 3)
    assert found["SY 24-25"].school_year == (2024, 2025)
    assert found["24/7"].value is None and not found["24/7"].impossible


def test_an_email_of_what_we_agreed_is_dated_by_its_words() -> None:
    analysis = analyze(from_string(
        "Subject: RE: mediation - what we agreed today\n\n"
        "below is what we agreed at the table this afternoon (1/28/26).\n\n"
        "the district agreed to:\n\n- reimburse Elena $450 by 2/27/26\n"
    ))
    assert analysis.agreement_date == date(2026, 1, 28)
