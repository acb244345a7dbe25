"""Element values of commitments, normalised, with a fixed agreement date."""

from __future__ import annotations

from datetime import date

import pytest

from agreement_check.extract import from_string
from agreement_check.nlp import analyze
from agreement_check.nlp import values

HEAD = "MEDIATION AGREEMENT\n\nDate of Agreement: March 4, 2025\n\nTERMS\n\n"


def clause(text: str):
    analysis = analyze(from_string(HEAD + "1. " + text + "\n"))
    assert analysis.agreement_date == date(2025, 3, 4)
    assert len(analysis.commitments) == 1, [c.text for c in analysis.commitments]
    return analysis.commitments[0].elements


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("two (2) times per week", {"times": 2, "per": "week"}),
        ("3x/wk", {"times": 3, "per": "week"}),
        ("twice weekly", {"times": 2, "per": "week"}),
        ("weekly", {"times": 1, "per": "week"}),
        ("daily", {"times": 1, "per": "day"}),
        ("each school week", {"times": 1, "per": "week"}),
        ("monthly", {"times": 1, "per": "month"}),
        ("2x/month", {"times": 2, "per": "month"}),
        ("once a week", {"times": 1, "per": "week"}),
        ("bi-weekly", {"times": 1, "per": "2 weeks", "ambiguous": True}),
        ("three 30-minute sessions weekly", {"times": 3, "per": "week"}),
    ],
)
def test_frequency_values(phrase: str, value: dict) -> None:
    found = clause(f"The District will provide counseling {phrase} in the counseling office.")
    assert found["frequency"].text == phrase
    assert found["frequency"].value == value


@pytest.mark.parametrize("vague", ["on a regular basis", "periodically", "on an ongoing basis"])
def test_vague_words_are_not_a_frequency(vague: str) -> None:
    assert clause(f"The District will provide counseling {vague}.")["frequency"] is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("30 minutes", {"minutes": 30, "per": "session"}),
        ("45-minute sessions", {"minutes": 45, "per": "session"}),
        ("one hour", {"minutes": 60, "per": "session"}),
        ("120 minutes per month", {"minutes": 120, "per": "month"}),
    ],
)
def test_duration_values(phrase: str, value: dict) -> None:
    found = clause(f"The District will provide tutoring for {phrase}.")
    assert found["duration"].value == value


def test_amount_per_period_is_also_how_often() -> None:
    found = clause("The District will provide speech therapy, 120 minutes per month.")
    assert found["duration"].value == {"minutes": 120, "per": "month"}
    assert found["frequency"].value == {"times": None, "per": "month"}


def test_comp_ed_amount_service_provider_rate_start_and_expiry() -> None:
    found = clause(
        "The District will provide twenty-four (24) hours of compensatory speech-language "
        "therapy, delivered by a licensed speech-language pathologist, in 60-minute sessions "
        "once per week, beginning the week of April 7, 2025, with all hours to be used by "
        "December 19, 2025."
    )
    assert found["amount"].value == {"n": 24, "unit": "hours"}
    assert found["service"].text == "speech-language therapy"
    assert found["provider"].text == "by a licensed speech-language pathologist"
    assert found["frequency"].value == {"times": 1, "per": "week"}
    assert found["duration"].value == {"minutes": 60, "per": "session"}
    assert found["start"].value["date"] == "2025-04-07" and found["start"].value["week_of"]
    assert found["deadline"].value == {"date": "2025-12-19"}


def test_comp_ed_scheduling_and_parents_choice() -> None:
    found = clause(
        "The District shall establish a compensatory education fund of $4,500 for tutoring "
        "from a provider of the Parent's choosing. Sessions shall be scheduled directly by "
        "the Parent with the provider."
    )
    assert found["amount"].value == {"n": 4500, "unit": "usd"}
    assert found["provider"].text == "from a provider of the Parent's choosing"
    assert found["schedule"].text.startswith("scheduled directly by")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        (
            "within thirty (30) calendar days of receipt of each invoice",
            {"n": 30, "unit": "day", "day_type": "calendar", "anchor": "receipt of each invoice", "relation": "within"},
        ),
        (
            "within 10 school days after the FBA is completed",
            {"n": 10, "unit": "day", "day_type": "school", "anchor": "the FBA is completed", "relation": "within"},
        ),
        ("within 30 days", {"n": 30, "unit": "day", "day_type": None, "anchor": None, "relation": "within"}),
        (
            "at least five (5) school days before the IEP meeting",
            {"n": 5, "unit": "day", "day_type": "school", "anchor": "the IEP meeting", "relation": "before"},
        ),
    ],
)
def test_relative_deadlines(phrase: str, value: dict) -> None:
    found = clause(f"The District will send the Parent a copy of the report {phrase}.")
    assert found["deadline"].value == value


def test_year_less_date_is_the_next_one_after_the_agreement() -> None:
    assert clause("The District will convene an IEP meeting no later than March 1.")["deadline"].value == {
        "date": "2026-03-01"
    }
    assert clause("The District will convene an IEP meeting no later than April 1.")["deadline"].value == {
        "date": "2025-04-01"
    }


def test_a_wrong_date_is_still_a_stated_deadline() -> None:
    found = clause("The District will complete an FBA no later than April 31, 2025.")
    assert found["deadline"].value == {"date": None, "impossible": True}


def test_service_start_end_and_setting() -> None:
    found = clause(
        "The District will provide speech-language therapy two (2) times per week for 30 "
        "minutes per session in the speech therapy room at Alto Vista Elementary School, "
        "beginning December 16, 2025 and continuing through the end of the 2025-2026 school year."
    )
    assert found["start"].value == {"date": "2025-12-16"}
    assert found["end"].value["school_year"] == [2025, 2026] and found["end"].value["point"] == "end"
    assert found["location"].text == "in the speech therapy room"


def test_trigger_start_and_remainder_of_the_year() -> None:
    found = clause(
        "Beginning upon execution of this Agreement, the District shall provide a one-to-one "
        "paraprofessional each school day for the remainder of the 2024-2025 school year."
    )
    assert found["start"].value["event"] == "upon execution of this Agreement"
    assert found["end"].value["school_year"] == [2024, 2025]
    assert found["frequency"].value == {"times": 1, "per": "day"}


def test_payment_amount_payee_and_deadline() -> None:
    found = clause(
        "The District shall pay the sum of $6,500.00 to Sandoval & Reyes Law, LLC, counsel for "
        "the Parent, within forty-five (45) calendar days of the Effective Date."
    )
    assert found["amount"].value == {"n": 6500, "unit": "usd"}
    assert found["payee"].text == "Sandoval & Reyes Law"
    assert found["deadline"].value["n"] == 45
    reimburse = clause("The District shall reimburse the Parent $480 for the private evaluation.")
    assert reimburse["payee"].text == "Parent"
    unnamed = clause("The District will pay $650 toward the cost of private math tutoring.")
    assert unnamed["payee"] is None


def test_background_dates_are_not_deadlines() -> None:
    found = clause(
        "The District will reimburse the Parent for the evaluation the Parent obtained in "
        "November 2024."
    )
    assert found["deadline"] is None


def test_number_words() -> None:
    assert values.number("twenty-four (24)") == 24
    assert values.number("sixty") == 60
    assert values.number("$1,860.00") == 1860
    assert values.number("6.5 hours") == 6.5


@pytest.mark.parametrize(
    ("phrase", "frequency", "minutes"),
    [
        ("two 30-minute sessions per week", {"times": 2, "per": "week"}, 30),
        ("two 30 minute sessions each week", {"times": 2, "per": "week"}, 30),
        ("three (3) forty-five (45) minute sessions weekly", {"times": 3, "per": "week"}, 45),
        ("2x30 min/wk", {"times": 2, "per": "week"}, 30),
    ],
)
def test_a_count_of_sessions_is_a_frequency_and_their_length_a_duration(
    phrase: str, frequency: dict, minutes: int
) -> None:
    found = clause(f"The District will provide counseling in {phrase} in the counseling office.")
    assert found["frequency"].value == frequency
    assert found["duration"].value == {"minutes": minutes, "per": "session"}


def test_totals_of_awards_as_notes_write_them() -> None:
    found = clause("Dist will provide comp ed: 30 hrs speech w/ contract SLP, 1 hr/wk, start 3/10/25.")
    assert found["amount"].value == {"n": 30, "unit": "hours"}
    assert found["duration"].value == {"minutes": 60, "per": "week"}
    assert (found["service"].text, found["provider"].text) == ("speech", "w/ contract SLP")
    sessions = clause("Dist will provide comp ed: 18 x 30 min speech sessions (9 hrs total), use by 6/13/25.")
    assert sessions["amount"].value == {"n": 18, "unit": "sessions"}
    assert sessions["duration"].value == {"minutes": 30, "per": "session"}
    assert sessions["deadline"].value == {"date": "2025-06-13"}


def test_spelled_out_money_and_its_figure() -> None:
    assert values.number("Three Thousand Five Hundred Dollars ($3,500.00)") == 3500
    assert values.number("one hundred and twenty minutes") == 120
    assert values.number("two and one-half hours") == 2
    found = clause("The District shall fund an IEE at a cost not to exceed Four Thousand Two Hundred Dollars ($4,200.00).")
    assert found["amount"].value == {"n": 4200, "unit": "usd"}


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("9/8/25 thru 5/21/26", "9/8/25", "5/21/26"),
        ("starting next Mon thru EOY", "next Mon", "EOY"),
        ("from the 1st day of 2nd semester thru end of SY 25-26", "the 1st day of 2nd semester", "end of SY 25-26"),
    ],
)
def test_ranges_and_shorthand_times_start_and_end_a_service(phrase: str, start: str, end: str) -> None:
    found = clause(f"Dist will provide RR math 5x/wk, 50 min, {phrase}, in the RR.")
    assert (found["start"].text, found["end"].text) == (start, end)


def test_a_start_cue_before_a_deadline_cue_starts() -> None:
    found = clause(
        "The District shall provide 24 hours of compensatory speech-language therapy in sixty-minute "
        "sessions twice per week, commencing no later than April 7, 2025. All hours shall be used by August 29, 2025."
    )
    assert found["start"].value == {"date": "2025-04-07"}
    assert found["deadline"].value == {"date": "2025-08-29"}


@pytest.mark.parametrize(
    ("sentence", "provider"),
    [
        ("delivered by a certified Wilson Reading System instructor", "by a certified Wilson Reading System instructor"),
        ("w/ dist job coach", "w/ dist job coach"),
        ("by a tutor of Complainant's choosing", "by a tutor of Complainant's choosing"),
    ],
)
def test_providers_named_by_what_they_do(sentence: str, provider: str) -> None:
    found = clause(f"The District shall provide 40 hours of compensatory reading instruction, {sentence}, by June 1, 2025.")
    assert found["provider"].text == provider


def test_payees_as_notes_name_them() -> None:
    assert clause("Dist will reimburse mom up to $600 by 4/1/25.")["payee"].text == "mom"
    assert clause("Dist will reimburse Elena $450 for the private OT eval by 4/1/25.")["payee"].text == "Elena"


def test_every_relative_time_of_a_clause_stays_reachable() -> None:
    from agreement_check.rules import run

    text = (
        HEAD + "1. The District will convene an IEP meeting within 10 school days of the FBA report "
        "and will send the Parent the draft IEP within 5 days.\n"
    )
    analysis = analyze(from_string(text))
    (meeting,) = analysis.commitments
    assert meeting.elements["deadline"].text == "within 10 school days"
    assert meeting.elements["time2"].value["n"] == 5  # kept beside the deadline, not in the JSON slots
    codes = {f.code for f in run(analysis)}
    assert {"AC302", "AC303"} <= codes  # "within 5 days": no day type, no anchor


@pytest.mark.parametrize(
    ("sentence", "element", "text"),
    [
        ("The District will provide 10 hours of compensatory OT delivered by ABC Therapy Services by June 1, 2025.", "provider", "by ABC Therapy Services"),
        ("The District will provide 40 hours of compensatory services by June 1, 2025. The Parent may select the provider.", "provider", "Parent may select the provider"),
        ("The District will provide 20 hours of compensatory tutoring, expiring one year from the date of this Agreement.", "deadline", "one year from"),
        ("Beginning with the second semester, the District will provide OT twice monthly for 45 minutes.", "start", "the second semester"),
        ("The District will provide one hour of reading instruction per day in the resource room.", "duration", "one hour"),
        ("The District will provide a 1:1 aide for the entire school day, every school day.", "duration", "entire school day"),
    ],
)
def test_more_ways_to_state_an_element(sentence: str, element: str, text: str) -> None:
    assert clause(sentence)[element].text == text


def test_a_period_alone_after_what_it_measures_is_the_frequency() -> None:
    found = clause("The District will provide one hour of reading instruction per day in the resource room.")
    assert found["frequency"].value == {"times": 1, "per": "day"}
    assert found["duration"].value == {"minutes": 60, "per": "session"}
    assert clause("Beginning with the second semester, the District will provide OT twice monthly.")["end"] is None


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("BCBA to consult w/ K.'s teachers monthly, in person at TRMS, by 6/1/25.", "at TRMS"),
        ("Dist will provide reading intervention (Wilson): 4x/wk, 45 mins, resource room at Cañada MS.", "resource room at Cañada MS"),
        ("The District shall transport A.O. from Ojo Feliz High School to the Career Center every Tuesday.", "from Ojo Feliz High School"),
    ],
)
def test_places_in_routes_names_and_note_fields(sentence: str, place: str) -> None:
    assert clause(sentence)["location"].text == place


def test_the_school_counselor_is_a_person_not_a_place() -> None:
    assert clause("The Student will receive counseling from the school counselor weekly.")["location"] is None


def test_an_empty_cell_takes_the_lead_ins_default_but_tbd_stays_missing() -> None:
    analysis = analyze(from_string(
        HEAD + "Dist will provide the following in the DD preschool classroom unless another place is listed:\n\n"
        "| Svc | Freq | Mins | Where |\n|---|---|---|---|\n| Speech-lang | 3x/wk | 30 | |\n| OT | 1x/wk | 30 | TBD |\n"
    ))
    speech, ot = analysis.commitments
    assert speech.elements["location"].text == "in the DD preschool classroom"
    assert ot.elements["location"] is None


def test_an_object_after_with_is_no_provider_and_a_hyphenated_word_no_service() -> None:
    elements = clause("The District will provide the Student with a tablet that has speech-to-text software for use in class.")
    assert elements["provider"] is None
    assert elements["service"] is None


def test_a_rate_cap_is_not_the_amount_of_an_award() -> None:
    elements = clause(
        "The District will fund twenty (20) hours of compensatory math tutoring, "
        "delivered by a tutor of the Parent's choosing at a rate not to exceed $85 per hour."
    )
    assert elements["amount"].value == {"n": 20, "unit": "hours"}
    assert "tutor" in elements["provider"].text


@pytest.mark.parametrize(
    ("phrase", "times"),
    [("on Mondays and Thursdays", 2), ("every Tuesday", 1), ("Mon., Wed. and Fri.", 3), ("Tues and Tuesdays", 1)],
)
def test_weekdays_of_patterns_weekdays_count_once_each(phrase: str, times: int) -> None:
    assert values.frequency(phrase) == {"times": times, "per": "week"}


def test_grammar_words_of_the_pattern_lists_shape_elements() -> None:
    """Condition openers, range words and name particles come from patterns/*.txt."""
    notify = clause("In the event that the Student is restrained, the District will notify the Parent within two (2) school days.")
    assert notify["deadline"].value["anchor"] == "the Student is restrained"
    served = clause("The District will provide counseling from March 10 till June 5, 2025 by Lindamood Bell of Santa Fe.")
    assert (served["start"].value, served["end"].value) == ({"date": "2025-03-10"}, {"date": "2025-06-05"})
    assert served["provider"].text.startswith("by Lindamood Bell of Santa Fe")


def test_payees_and_event_points_read_from_the_pattern_lists() -> None:
    """paid_phrases, representatives, start_points and end_points shape these elements."""
    assert clause("The Parent shall be reimbursed $300 for mileage by the District within 30 days.")["payee"].text == "Parent"
    assert clause("The District will pay $2,000 to the Parent's attorney within 30 days.")["payee"].text == "Parent's attorney"
    served = clause("The District will provide counseling weekly from the first day of school through the end of the school year.")
    assert (served["start"].value["point"], served["end"].value["point"]) == ("start", "end")
    assert served["location"] is None  # "school" in "the first day of school" is a time, not a place


@pytest.mark.parametrize(("hours", "total"), [("12 hours", {"n": 12, "unit": "hours"}), ("2 hours each", None)])
def test_hours_of_an_award_are_its_total_unless_a_session_length(hours: str, total: dict | None) -> None:
    found = clause(f"The District will provide compensatory reading tutoring, {hours}, by June 1, 2025.")
    assert (found["amount"].value if found["amount"] else None) == total


def test_a_payment_term_inside_a_comp_ed_award_is_no_deadline_for_using_it():
    text = (
        "SETTLEMENT AGREEMENT\n\nDate of Agreement: March 3, 2025\n\n"
        "1. The District will fund 30 hours of compensatory reading instruction by a provider of the "
        "Parent's choosing, at one hour per week beginning March 10, 2025. The District shall pay the "
        "provider within 30 calendar days of receiving each invoice. Progress reports will be sent to the "
        "Parent by June 1, 2025.\n\n"
        "2. The District shall establish a compensatory education fund of $3,000 for tutoring by a provider "
        "of the Parent's choosing. Any amount not invoiced by August 31, 2026 reverts to the District, and "
        "the District shall pay each invoice within 30 days of receipt.\n"
    )
    first, second = analyze(from_string(text)).commitments
    assert first.kind == second.kind == "comp_ed"
    assert first.elements["deadline"] is None
    assert second.elements["deadline"].value == {"date": "2026-08-31"}


@pytest.mark.parametrize(
    "award",
    [
        # a relative clause about contracting for the award
        "18 hours of compensatory math instruction by a tutor from an outside agency, which the District "
        "will contract with by April 4, 2025, in 45-minute sessions twice per week beginning April 7, 2025.",
        # a clause after a semicolon about paying for it
        "comp ed: $2,000 for private tutoring, Mom picks the tutor; dist pays tutor invoices w/in 30 days of receipt.",
        # naming the provider, and the services the award makes up
        "30 hours of compensatory ABA services by a BCBA of the Parent's choosing, scheduled directly by the "
        "Parent with the provider, with the District notified of the provider by March 1, 2026.",
        "make-up speech sessions for each session missed between September and December 2025, by the "
        "District SLP, at two 30-minute sessions per week.",
        # a meeting to set the schedule, after a semicolon; a review of progress, after a comma
        "24 hours of compensatory reading instruction by the District reading specialist, twice weekly; the "
        "Parent and the specialist will meet by February 6, 2026 to agree on the session times.",
        "24 hours of compensatory reading instruction by the District reading specialist, twice weekly, beginning "
        "February 2, 2026, and progress will be reviewed at the annual IEP meeting in May 2026.",
        # a bill's due date
        "20 hours of compensatory math tutoring by a certified teacher, twice weekly. The first invoice is due "
        "May 5, 2026.",
        # a later sentence about rescheduling cancelled sessions
        "20 hours of compensatory speech-language therapy in two 60-minute sessions per week. Sessions cancelled "
        "by the provider will be rescheduled within two (2) weeks.",
    ],
)
def test_a_step_that_carries_out_an_award_dates_that_step_not_its_use(award: str) -> None:
    (found,) = analyze(from_string(f"AGREEMENT\n\nDate: March 3, 2025\n\n1. The District will provide {award}\n")).commitments
    assert found.kind == "comp_ed" and found.elements["deadline"] is None


@pytest.mark.parametrize(
    ("expiry", "value"),
    [
        ("Any hours not delivered before the Student exits high school are forfeited.", None),
        ("The hours must be used within one calendar year of the execution of this Agreement.", "year"),
        ("The hours must be used within the next twelve (12) months.", "month"),
        ("The hours are available until the Student's 22nd birthday.", None),  # a pattern reaching {0,3} words
        ("The hours must be used by the last day of ESY 2026.", None),
    ],
)
def test_use_by_times_of_an_award_in_years_and_school_exit(expiry: str, value: str | None) -> None:
    found = clause(
        f"The District will provide 24 hours of compensatory transition services by its transition specialist "
        f"at two hours per month, beginning January 5, 2026. {expiry}"
    )
    deadline = found["deadline"]
    assert deadline is not None and deadline.text in expiry
    assert (deadline.value or {}).get("unit") == value


def test_the_first_session_is_a_start_and_extra_hours_are_an_amount() -> None:
    found = clause(
        "The District will provide 20 additional hours of reading tutoring to make up for missed instruction, "
        "by a certified teacher twice weekly, with the first session to occur within ten (10) school days of "
        "the execution of this Agreement."
    )
    assert found["amount"].value == {"n": 20, "unit": "hours"}
    assert found["start"].text == "within ten (10) school days" and found["deadline"] is None


@pytest.mark.parametrize(
    ("award", "service"),
    [
        ("compensatory instruction in English 9 and Algebra I", "English 9 and Algebra I"),
        ("compensatory services in the resource room", None),
        ("compensatory services in 30-minute sessions", None),
        ("compensatory instruction in accordance with the Student's IEP", None),
    ],
)
def test_the_subject_of_generic_compensatory_instruction_is_its_service(award: str, service: str | None) -> None:
    found = clause(f"The District will provide 20 hours of {award} by a licensed teacher, twice weekly, by June 1, 2026.")
    assert (found["service"].text if found["service"] else None) == service


@pytest.mark.parametrize("end", ["for the rest of the SY", "through end of 24-25 SY", "through the last day of that school year"])
def test_notes_shorthand_for_the_end_of_the_school_year(end: str) -> None:
    found = clause(f"The District will provide counseling 2x/wk, 30 min, in the counselor's office, start 2/2/26 {end}.")
    assert found["end"] is not None and found["end"].text in end


def test_a_defined_effective_date_and_the_last_instructional_day_are_times() -> None:
    found = clause(
        "The District will provide 36 hours of compensatory occupational therapy by the District OT, available "
        "from the Effective Date, and any hours not used by the last instructional day of the 2025-2026 school "
        "year are forfeited."
    )
    assert found["start"].text == "the Effective Date"
    assert found["deadline"].text == "the last instructional day of the 2025-2026 school year"


def test_a_past_range_in_a_one_time_act_is_what_it_pays_for_not_its_deadline() -> None:
    text = "AGREEMENT\n\nDate: 11/4/2025\n\n* Dist will reimburse mom $600 for the private speech sessions (9/2 - 10/3/25)\n"
    (payment,) = analyze(from_string(text)).commitments
    assert payment.kind == "payment" and payment.elements["deadline"] is None


def test_terms_of_an_item_numbered_without_a_closing_stop_are_read() -> None:
    """"A.4" opens a clause line as "4." does, so its relative deadline is matched."""
    text = (
        "AGREEMENT\n\nA. DISTRICT RESPONSIBILITIES\n\nA.4 Fund an independent educational evaluation by an "
        "evaluator chosen by the Parents, with the report due within sixty (60) calendar days of this agreement.\n"
    )
    (iee,) = analyze(from_string(text)).commitments
    assert iee.elements["deadline"].text == "within sixty (60) calendar days"


def test_telehealth_is_a_setting_and_a_first_occasion_is_a_time() -> None:
    assert clause("The District will provide OT via telehealth, 30 minutes weekly.")["location"].text == "via telehealth"
    found = clause("The District will train the bus aide on the behavior plan before the aide's first ride with the Student.")
    assert found["deadline"].text == "before the aide's first ride"


@pytest.mark.parametrize(
    "clause_text",
    [
        # words of missed services well before the deadline; the award's own verb "schedule";
        # an evaluation that only describes the award; "take place" in a later sentence
        "The District will provide 20 hours of compensatory speech-language therapy by a licensed SLP for the "
        "sessions missed in the fall no later than June 1, 2026.",
        "Beginning February 9, 2026, the District will schedule twenty (20) hours of compensatory tutoring by a "
        "certified teacher no later than June 1, 2026.",
        "The District will provide 20 hours of compensatory speech-language therapy recommended in the IEE by a "
        "licensed SLP, twice weekly, no later than June 1, 2026.",
        "The District will provide 20 hours of compensatory OT by the District OT, weekly. All compensatory OT "
        "sessions will take place by June 1, 2026.",
    ],
)
def test_the_awards_own_deadline_stays_its_deadline(clause_text: str) -> None:
    (award,) = analyze(from_string(f"AGREEMENT\n\nDate: January 12, 2026\n\n1. {clause_text}\n")).commitments
    assert award.kind == "comp_ed" and award.elements["deadline"].value == {"date": "2026-06-01"}


def test_a_range_still_running_at_the_agreement_date_is_no_history() -> None:
    text = "AGREEMENT\n\nDate: January 28, 2026\n\n1. The District will provide OT once weekly for 30 minutes, 1/12/26 - 5/22/26.\n"
    (service,) = analyze(from_string(text)).commitments
    assert service.elements["start"].value == {"date": "2026-01-12"}


def test_a_scheduling_column_schedules_an_award_and_start_in_is_a_start() -> None:
    text = (
        "AGREEMENT\n\nDate: November 3, 2025\n\nThe District will provide the following compensatory services:\n\n"
        "| Service | Hours | Provider | Use by | Scheduling |\n|---|---|---|---|---|\n"
        "| Compensatory occupational therapy | 8 | District OT | 6/1/2026 | By agreement of the Parent and the provider |\n\n"
        "Dist will:\n\n- Comp services for last spring: 10 hrs of reading w/ the reading teacher, start in January 2026\n"
    )
    row, note = analyze(from_string(text)).commitments
    assert row.kind == "comp_ed" and row.elements["schedule"].text == "By agreement of the Parent and the provider"
    assert note.elements["start"].value["month"] == "2026-01" and note.elements["deadline"] is None


@pytest.mark.parametrize(
    "note",
    [
        "Dist will provide social skills grp w/ school counselor weekly, counselor's office, 2/10/25 thru EOY.",
        "school counselor will check in w/ K. weekly (lunch bunch, counselor's office) for the rest of the SY.",
    ],
)
def test_a_place_field_of_a_note_may_be_someones_office(note: str) -> None:
    assert clause(note)["location"].text == "counselor's office"


def test_both_ends_of_a_missed_period_are_history() -> None:
    text = (
        "AGREEMENT\n\nDate: November 20, 2024\n\n3.1 To make up for the services missed from August 14 through "
        "October 31, 2024, the District will provide the following compensatory education:\n\n"
        "| Compensatory service | Hours | Rate | Provider | Begin | Use by |\n|---|---|---|---|---|---|\n"
        "| Compensatory reading instruction | 30 | 2 hours/week | Lectura Learning Center | 12/2/2024 | 5/23/2025 |\n"
    )
    (row,) = analyze(from_string(text)).commitments
    assert row.elements["end"] is None and row.elements["deadline"].value == {"date": "2025-05-23"}


@pytest.mark.parametrize(
    ("payment", "payee"),
    [
        ("pay $2,400 in tuition to Desert Sky Academy for the spring semester by January 30, 2026.", "Desert Sky Academy"),
        ("cover the cost of the summer camp, up to $1,200, paid directly to the camp by June 1, 2026.", "the camp"),
        ("issue a check payable to the Parent for $600 by March 15, 2026.", "Parent"),
    ],
)
def test_whoever_a_payment_is_directed_to_is_its_payee(payment: str, payee: str) -> None:
    (found,) = analyze(from_string(f"AGREEMENT\n\n1. The District will {payment}\n")).commitments
    assert found.kind == "payment" and found.elements["payee"].text == payee


@pytest.mark.parametrize(
    ("where", "place"),
    [
        ("via Zoom", "via Zoom"), ("on a pull-out basis", "on a pull-out"), ("online", "online"),
        ("in the Structured Learning Program", "in the Structured Learning Program"),
        ("in the general education environment", "in the general education environment"),
    ],
)
def test_remote_and_pull_out_settings(where: str, place: str | None) -> None:
    found = clause(f"The District will provide speech therapy twice weekly for 30 minutes {where}, beginning February 2, 2026.")
    assert (found["location"].text if found["location"] else None) == place


@pytest.mark.parametrize(
    ("when", "slot", "said"),
    [
        ("as of the date of this Agreement through May 22, 2026", "start", "the date of this Agreement"),
        ("following the IEP meeting through May 22, 2026", "start", "following the IEP meeting"),
        ("once consent is received, through May 22, 2026", "start", "once consent is received"),
        ("beginning February 2, 2026 until the Student's annual review", "end", "until the Student's annual review"),
        ("beginning the week of February 2 and ending the last week of May", "end", "the last week of May"),
    ],
)
def test_more_ways_to_say_when_a_service_starts_and_ends(when: str, slot: str, said: str) -> None:
    found = clause(f"The District will provide counseling weekly for 30 minutes in the counselor's office {when}.")
    assert found[slot] is not None and found[slot].text == said


def test_a_meeting_after_an_evaluation_is_triggered_not_dated() -> None:
    found = analyze(from_string(
        "AGREEMENT\n\n4. The District will hold an IEP meeting after the reevaluation is completed to review its results.\n"
    )).commitments[0]
    assert found.kind == "meeting" and found.elements["deadline"] is None


def test_me_in_a_parents_draft_is_the_parent_paid() -> None:
    text = (
        "MEDIATION AGREEMENT (my draft)\n\n1. District will fund an IEE by an evaluator of my choice, up to $3,000, "
        "by October 31, 2025.\n\n2. District will reimburse me $1,150 for the private speech therapy by June 1, 2025.\n"
    )
    payment = analyze(from_string(text)).commitments[1]
    assert payment.kind == "payment" and payment.elements["payee"].text == "me"


def test_a_setting_said_by_one_adverb() -> None:
    found = clause("Speech-language therapy will be provided by the District SLP virtually, 60 minutes per week.")
    assert found["location"].text == "virtually"
