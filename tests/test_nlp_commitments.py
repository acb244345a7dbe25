"""Which clauses the commitment engine reports, with what kind and party."""

from __future__ import annotations

import pytest

from agreement_check.extract import from_string
from agreement_check.nlp import analyze


def commitments(text: str):
    return analyze(from_string(text)).commitments


def only(text: str):
    found = commitments(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The District will provide speech-language therapy twice weekly.", "service"),
        ("The District shall provide 20 hours of compensatory reading instruction.", "comp_ed"),
        ("The District will provide 15 more hours of speech therapy to make up for missed sessions.", "comp_ed"),
        ("Dist will provide comp speech for the missed sessions, by the dist SLP.", "comp_ed"),
        ("The District will provide 15 hours of recovery services in speech-language therapy.", "comp_ed"),
        ("The District will provide 10 additional speech sessions to replace the sessions missed in October.", "comp_ed"),
        ("The District will provide twenty (20) hours of make up instruction in math.", "comp_ed"),
        ("The District will complete a functional behavioral assessment by May 1, 2025.", "evaluation"),
        ("The District shall fund an independent educational evaluation at public expense.", "evaluation"),
        ("The District will fund an independent psychoeducational and vocational evaluation by Dr. Begay.", "evaluation"),
        ("The District will convene an IEP meeting within 10 school days.", "meeting"),
        ("The District shall reimburse the Parent $450 for the private evaluation.", "payment"),
        ("The District will amend the Student's IEP to add the services above.", "action"),
        ("The District will consider adding a 1:1 aide for the Student.", "action"),
        ("The District will let the Parent observe an OT session once before May 1, 2025.", "action"),
        ("The District will train the Student's teachers on the behavior plan.", "action"),
        ("The District will hold monthly progress meetings with the Parent.", "meeting"),
        ("The District's transition specialist will meet with the Student periodically.", "service"),
        ("The Parent agrees to sign the consent form within 5 school days.", "parent"),
    ],
)
def test_kind_follows_the_promised_act(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("The District will provide counseling weekly.", "District"),
        ("The District's SLP will consult with the teacher monthly.", "District's SLP"),
        ("School psych will do an FBA by March 1, 2025.", "School psych"),
        ("To the extent possible, the District will assign an aide each school day.", "District"),
        ("Parents agree to provide copies of the private records.", "Parents"),
        ("The Guardian will make the Student available for testing.", "Guardian"),
    ],
)
def test_party_is_the_subject_as_written(sentence: str, party: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").party == party


def test_passive_voice_takes_its_party_from_by_or_has_none() -> None:
    with_agent = only("AGREEMENT\n\n1. Speech therapy shall be provided weekly by the District's SLP.\n")
    without = only("AGREEMENT\n\n1. Speech therapy shall be provided weekly.\n")
    assert (with_agent.kind, with_agent.party) == ("service", "District's SLP")
    assert (without.kind, without.party) == ("service", None)


def test_negated_and_hedged_undertakings_are_commitments_but_rights_are_not() -> None:
    found = commitments(
        "AGREEMENT\n\n"
        "1. The District shall not change the Student's placement before the IEP meeting.\n"
        "2. The District may provide a laptop for the Student's use at school.\n"
        "3. The Parent may file a state complaint with NMPED at any time.\n"
        "4. Either party may void this Agreement within three business days.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("1", "action"), ("2", "action")]


def test_lead_in_gives_its_party_start_end_and_setting_to_each_item() -> None:
    found = commitments(
        "TERMS\n\n"
        "2. Services. Beginning January 27, 2025, the District will provide the Student the "
        "following services at Mesa High School through May 21, 2025:\n"
        "(a) Specialized instruction in mathematics, three 30-minute sessions weekly;\n"
        "(b) Speech-language services, 120 minutes per month;\n"
        "3. The Parent will make the Student available for all sessions.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("2(a)", "service", "District"),
        ("2(b)", "service", "District"),
        ("3", "parent", "Parent"),
    ]
    first = found[0].elements
    assert first["start"].value == {"date": "2025-01-27"}
    assert first["end"].value == {"date": "2025-05-21"}
    assert first["location"].text == "at Mesa High School"


def test_bare_lead_in_and_bullets() -> None:
    found = commitments(
        "Agreed:\n\nDistrict will:\n\n- hold an IEP meeting within 10 school days of the FBA\n\n"
        "- reimburse Parents for the private evaluation\n\nParents will:\n\n"
        "- return the interview form within 10 school days of receiving it\n\n"
        "Parents and District talked about a new school. Nothing was decided.\n"
    )
    assert [(c.kind, c.party) for c in found] == [
        ("meeting", "District"),
        ("payment", "District"),
        ("parent", "Parents"),
    ]


def test_inline_items_after_a_colon_are_separate_commitments() -> None:
    found = commitments(
        "TERMS\n\n4. The District agrees to: (a) convene an IEP meeting by March 3, 2025; "
        "(b) reimburse the Parent $200 by April 1, 2025; and (c) train staff on the BIP.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("4(a)", "meeting", "District"),
        ("4(b)", "payment", "District"),
        ("4(c)", "action", "District"),
    ]


def test_services_table_rows_are_commitments_with_the_introducing_party() -> None:
    found = commitments(
        "SERVICES\n\nThe District will provide the following services beginning March 3, 2025:\n\n"
        "| Service | Frequency | Duration | End | Location |\n|---|---|---|---|---|\n"
        "| Speech-language therapy | 2x/week | 30 minutes | 5/22/2025 | Speech room |\n"
        "| Occupational therapy | TBD | | 5/22/2025 | |\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District")] * 2
    speech, ot = (c.elements for c in found)
    assert speech["service"].text == "Speech-language therapy"
    assert speech["frequency"].value == {"times": 2, "per": "week"}
    assert speech["duration"].value == {"minutes": 30, "per": "session"}
    assert speech["start"].value == {"date": "2025-03-03"}  # from the sentence above the table
    assert speech["end"].value == {"date": "2025-05-22"}
    assert ot["frequency"] is None and ot["duration"] is None and ot["location"] is None


def test_recitals_definitions_boilerplate_and_cure_are_not_commitments() -> None:
    found = commitments(
        "SETTLEMENT AGREEMENT\n\nRECITALS\n\n"
        "WHEREAS, the District acknowledges that the Student did not receive speech therapy;\n\n"
        "NOW, THEREFORE, the Parties agree as follows:\n\n"
        '1. Definitions. "Effective Date" means the date this Agreement is signed.\n'
        "2. The District will provide speech therapy twice weekly.\n"
        "3. Failure to Implement. If the Parent believes the District has not implemented "
        "this Agreement, the Parent may notify the Director. The District shall then have "
        "ten (10) school days to correct the failure.\n"
        "4. Confidentiality. Discussions during mediation are confidential and may not be "
        "used as evidence.\n"
        "5. This Agreement is legally binding and shall be enforceable in any state court.\n"
        "6. Nothing in this Agreement limits the Parent's right to request an IEP meeting.\n"
        "7. Each Party shall bear its own attorney fees.\n"
    )
    assert [c.label for c in found] == ["2"]


def test_further_sentences_belong_to_their_clause() -> None:
    c = only(
        "TERMS\n\n2.1 The District will provide 24 hours of compensatory speech therapy by a "
        "licensed SLP, beginning March 3, 2025. All hours must be used by May 30, 2025. "
        "Sessions cancelled by the provider do not count toward the 24 hours.\n"
    )
    assert c.kind == "comp_ed"
    assert c.elements["deadline"].value == {"date": "2025-05-30"}
    assert "Sessions cancelled" in c.text


def test_defined_names_are_their_party() -> None:
    c = only(
        'AGREEMENT\n\nThis Agreement is between Mesa Vista Schools ("the District") and '
        'Ana Ruiz ("Parent").\n\nTERMS\n\n1. Mesa Vista Schools will provide tutoring weekly.\n'
    )
    assert c.party == "District"


def test_ids_and_labels_in_document_order() -> None:
    found = commitments(
        "TERMS\n\n1. Services\n\n1.1 The District will provide OT weekly.\n\n"
        "1.2 The District will provide PT monthly.\n"
    )
    assert [(c.id, c.label) for c in found] == [("c1", "1.1"), ("c2", "1.2")]
    assert all(c.text.endswith("ly.") for c in found)


def test_progress_report_is_not_an_agreement() -> None:
    analysis = analyze(
        from_string(
            "Rio Abajo Schools\n\nIEP PROGRESS REPORT (2024-2025)\n\n"
            "The team will keep using the Wilson steps and will add repeated reading twice a week.\n"
        )
    )
    assert analysis.is_agreement is False
    assert analysis.commitments == []


def test_agreement_form_fields_give_party_and_timing() -> None:
    found = commitments(
        "NMPED SPECIAL EDUCATION MEDIATION - AGREEMENT FORM\n\n"
        "Issue 1: Reading\n\n"
        "Agreement: S.M. will receive small-group reading intervention daily for 45 minutes.\n\n"
        "Person(s) responsible: Special education teacher (Ms. Tafoya)\n\n"
        "Timeline / due date: Start 9/2/2025; end of the 2025-2026 school year.\n\n"
        "Issue 2: IEP meeting\n\n"
        "Agreement: IEP meeting to review the independent evaluation.\n\n"
        "Person(s) responsible:\n\n"
        "Timeline / due date: Within 15 school days of receipt of the evaluation report.\n"
    )
    assert [(c.kind, c.party) for c in found] == [
        ("service", "Special education teacher (Ms. Tafoya)"),
        ("meeting", None),
    ]
    reading, meeting = (c.elements for c in found)
    assert reading["start"].value == {"date": "2025-09-02"}
    assert reading["end"].value["school_year"] == [2025, 2026]
    assert meeting["deadline"].value["anchor"] == "receipt of the evaluation report"


def test_notes_typed_at_the_table_and_services_the_student_receives() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\n1. District to pay $500 to the Parent by March 1, 2026.\n"
        "2. The Student will receive 30 minutes of speech therapy weekly.\n"
        "3. The Parent asked the District to provide make-up services.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("1", "payment", "District"),
        ("2", "service", None),
    ]
    assert found[0].elements["payee"].text == "Parent"


def test_table_columns_are_read_from_their_head_words() -> None:
    found = commitments(
        "RESOLUTION AGREEMENT\n\nThe District will provide the following services:\n\n"
        "| Type of Service | Sessions/Week | Minutes/Session | Service Provider |\n|---|---|---|---|\n"
        "| Speech therapy | 2 | 30 | SLP |\n\n"
        "| Compensatory Service | Hours | Provider | Use By |\n|---|---|---|---|\n"
        "| Reading tutoring | 20 | Certified tutor | 8/31/2026 |\n"
    )
    speech, tutoring = found
    assert speech.elements["frequency"].value == {"times": 2, "per": "week"}
    assert speech.elements["duration"].value == {"minutes": 30, "per": "session"}
    assert speech.elements["provider"].text == "SLP"
    assert tutoring.kind == "comp_ed"
    assert tutoring.elements["amount"].value == {"n": 20, "unit": "hours"}
    assert tutoring.elements["deadline"].value == {"date": "2026-08-31"}


def test_a_clause_that_introduces_a_table_is_a_lead_in_not_a_commitment() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\n1. The District will provide the services in the table below, "
        "beginning on March 3, 2025 and continuing through the last day of the 2024-2025 school year.\n\n"
        "| Service | Frequency | Duration |\n|---|---|---|\n| Speech-language therapy | 2x/week | 30 minutes |\n\n"
        "2. Extended school year services will be considered by the IEP team.\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District"), ("action", "IEP team")]
    assert found[0].elements["start"].value == {"date": "2025-03-03"}
    assert found[0].elements["end"].value["school_year"] == [2024, 2025]


def test_reported_talk_and_goals_are_not_undertakings() -> None:
    found = commitments(
        "AGREEMENT\n\n1. The teacher said she will send home weekly notes.\n"
        "2. The Parent is worried that the Student will fall further behind.\n"
        "3. The District's goal is to support the Student.\n"
        "4. The District is to complete an FBA by May 1, 2026.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [("4", "evaluation", "District")]


def test_a_paragraph_with_a_second_independent_undertaking_holds_two_commitments() -> None:
    found = commitments(
        "AGREEMENT\n\n"
        "3. The District will complete a reevaluation of the Student by March 1, 2026. The "
        "reevaluation will include a classroom observation. The Parent shall sign the consent "
        "within five school days.\n"
        "4. The District will pay for tutoring at the Academy, not to exceed $2,000. In addition, "
        "the District shall transport the Student to the Academy each school day.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("3", "evaluation", "District"),
        ("3", "parent", "Parent"),
        ("4", "payment", "District"),
        ("4", "service", "District"),
    ]
    assert found[0].text.startswith("3. The District") and "observation" in found[0].text
    assert found[1].text == "The Parent shall sign the consent within five school days."


def test_later_sentences_that_only_carry_out_the_first_stay_with_it() -> None:
    found = commitments(
        "AGREEMENT\n\n"
        "1. The District will provide a certified Spanish interpreter at every IEP meeting this "
        "school year. The interpreter will attend in person.\n"
        "2. The District shall establish a compensatory education account of $3,000 for tutoring. "
        "The Parents will schedule sessions directly with the tutor. The District shall pay each "
        "invoice within 30 calendar days.\n"
        "3. Respondent shall reimburse Petitioner for the private evaluation, up to $1,500. "
        "Respondent shall issue the payment within 45 calendar days after it receives the receipts.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("1", "action"), ("2", "comp_ed"), ("3", "payment")]


@pytest.mark.parametrize(
    ("sentence", "party"),
    [
        ("The District hereby agrees to provide counseling weekly.", "District"),
        ("Section 2.02 The District will train the Student's teachers by May 1, 2026.", "District"),
        ("The Charter will provide occupational therapy weekly.", "Charter"),
        ("LEA shall convene an IEP meeting by May 1, 2026.", "LEA"),
        ("Marcus and Elena agree to sign the consent by May 1, 2026.", "Marcus and Elena"),
        ("The interpreter will translate the IEP by May 1, 2026.", "interpreter"),
        ("sped dept to train the teachers before spring break", "sped dept"),
        ("mom will charge the device each night", "mom"),
        ("Lucas will receive counseling from the school counselor weekly.", "school counselor"),
    ],
)
def test_parties_rest_on_syntax_as_well_as_word_lists(sentence: str, party: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").party == party


def test_subjects_that_are_things_are_not_parties() -> None:
    found = commitments(
        "AGREEMENT\n\n1. Instruction will total 225 minutes per week.\n"
        "2. The District's obligation under this paragraph shall not exceed $4,500.\n"
        "3. The IEP will reflect the new services.\n"
        "4. Staff working with the Student will receive training on the behavior plan.\n"
    )
    assert [(c.label, c.party) for c in found] == [("4", None)]


def test_a_lead_in_that_states_the_promise_absorbs_items_that_state_its_terms() -> None:
    found = commitments(
        "AGREEMENT\n\n"
        "1. Starting March 3, 2025, the District will provide Lucas with specialized reading "
        "instruction on the following terms:\n"
        "(a) instruction will total 225 minutes per week, delivered in five 45-minute sessions;\n"
        "(b) instruction will take place in the resource room;\n"
        "2. The District further agrees to:\n"
        "(a) train Lucas's teachers in his accommodations by March 26, 2025;\n"
        "(b) consider whether Lucas needs an assistive technology evaluation.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("1", "service", "District"), ("2(a)", "action", "District"), ("2(b)", "action", "District"),
    ]
    reading = found[0].elements
    assert reading["duration"].value == {"minutes": 225, "per": "week"}
    assert reading["location"].text == "in the resource room"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The District will reimburse the Parent at $0.70 per mile for each compensatory session.", "payment"),
        ("The District will consider whether compensatory occupational therapy is warranted.", "action"),
        ("The District will consider funding an independent educational evaluation.", "evaluation"),
        ("The District shall cause a comprehensive occupational therapy evaluation of the Student.", "evaluation"),
        ("Within 15 school days after receipt of the IEE report, an IEP meeting will be convened by the Director.", "meeting"),
    ],
)
def test_kind_follows_the_head_of_the_promised_act(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


def test_table_headers_in_shorthand() -> None:
    found = commitments(
        "AGREEMENT\n\nServices. dist will provide the following:\n\n"
        "| Svc | Freq | Mins | Start | End | Where |\n|---|---|---|---|---|---|\n"
        "| SLP - artic | 2x/wk | 30 | 3/10/25 | 5/23/25 | speech rm |\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "dist")]
    assert found[0].elements["frequency"].value == {"times": 2, "per": "week"}
    assert found[0].elements["location"].text == "speech rm"


def test_items_whose_subject_names_no_one_answerable_take_the_lead_ins_party() -> None:
    found = commitments(
        "AGREEMENT\n\n3.1 The District hereby agrees that:\n\n"
        "(a) beginning February 2, 2026, a TVI shall provide the Student with braille instruction weekly;\n\n"
        "(b) orientation and mobility instruction shall be provided by an O&M Specialist monthly;\n\n"
        "(c) it will purchase a refreshable braille display no later than February 27, 2026;\n\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("3.1(a)", "service", "District"), ("3.1(b)", "service", "District"), ("3.1(c)", "action", "District"),
    ]
    assert commitments("AGREEMENT\n\n1. It will be reviewed at the annual IEP meeting.\n") == []


def test_an_indefinite_by_phrase_names_a_provider_not_a_party() -> None:
    award = only(
        "AGREEMENT\n\n4.1 Thirty-six (36) hours of compensatory instruction in Algebra I shall be "
        "provided to the Student by a licensed secondary teacher by June 30, 2026.\n"
    )
    assert (award.kind, award.party) == ("comp_ed", None)
    assert award.elements["provider"].text == "by a licensed secondary teacher"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Student's schedule shall be restored to a full school day on January 12, 2026.", "action"),
        ("Keyboarding instruction shall be provided to the Student for twenty (20) minutes daily.", "service"),
        ("The LEA is responsible for providing a quiet space adjacent to the counseling office by May 1, 2026.", "action"),
        ("Step 2: BCBA to complete FBA incl. 2 observations by 12/6/24.", "evaluation"),
        ("The Parents agree to sign releases of information within ten (10) school days.", "parent"),
    ],
)
def test_passives_about_the_students_program_notes_and_places(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


def test_should_is_a_hedged_commitment_but_not_a_condition() -> None:
    found = commitments(
        "AGREEMENT\n\n1. The District should provide counseling weekly.\n"
        "2. The Parent should send the private evaluation by May 1, 2026.\n"
        "3. Should the Student be absent, the session will be made up.\n"
        "4. If the District should fail to provide a session, the Parent may call the director.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [("1", "service", "District"), ("2", "parent", "Parent")]


def test_inline_items_asides_and_family_names() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\nParent (Marcus Montoya): ________\n\nParent (Elena Montoya): ________\n\n"
        "TERMS\n\n"
        "5. The Father agrees to (a) sign the consent by Nov. 7, 2025, and (b) make sure Lucas attends the sessions.\n"
        "6. The District may, at its discretion, convene an IEP meeting in February 2026.\n"
        "7. The District has agreed to provide speech therapy twice weekly.\n"
        "8. The District will continue to provide counseling 30 minutes weekly.\n"
        "9. Marcus and Elena will sign the IEE consent by 2/6/26.\n"
        "10. The case manager will meet with the Parent on an ongoing basis.\n"
        "11. Transfer of rights will be discussed at the annual IEP meeting.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("5(a)", "parent", "Father"), ("5(b)", "parent", "Father"), ("6", "meeting", "District"),
        ("7", "service", "District"), ("8", "service", "District"), ("9", "parent", "Marcus and Elena"),
        ("10", "meeting", "case manager"),
    ]


def test_items_of_a_compensatory_lead_in_are_awards() -> None:
    found = commitments(
        "AGREEMENT\n\n5. Compensatory education. Dist will provide:\n\n"
        "a) 24 sessions (45 min each) of reading tutoring w/ the reading specialist, 2x/wk, starting 9/15/25\n\n"
        "b) $1,500 for private tutoring of mom's choice, use by 6/30/26\n"
    )
    assert [(c.kind, c.party) for c in found] == [("comp_ed", "Dist"), ("comp_ed", "Dist")]


def test_duty_headings_and_lead_ins_without_a_verb_give_their_party() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\nDISTRICT RESPONSIBILITIES\n\n"
        "1. Provide speech-language therapy 30 minutes twice weekly beginning March 10, 2025.\n\n"
        "2. Convene an IEP meeting by April 1, 2025.\n\nPARENT RESPONSIBILITIES\n\n"
        "3. Sign the consent for evaluation by March 14, 2025.\n\nGeneral terms\n\n"
        "Responsibilities of the District:\n\na. Complete an FBA within 30 school days.\n\n"
        "Parent: ____________________ Date: 3/4/2025\n"
    )
    assert [(c.kind, c.party) for c in found] == [
        ("service", "DISTRICT"), ("meeting", "DISTRICT"), ("parent", "PARENT"), ("evaluation", "District"),
    ]


def test_numbered_duty_headings_give_their_sub_items_a_party_even_after_definitions() -> None:
    found = commitments(
        "MEDIATED SETTLEMENT AGREEMENT\n\nDefinitions\n\n\"Seclusion\" has the meaning given in 6.11.2.11 NMAC.\n\n"
        "A. DISTRICT RESPONSIBILITIES\n\n"
        "A.1 Provide the Student with social skills instruction 30 minutes weekly in the resource room.\n\n"
        "A.2 Not use seclusion with the Student for the remainder of the 2025-2026 school year.\n\n"
        "B. PARENT RESPONSIBILITIES\n\nB.1 Sign the consent for the evaluation within five (5) school days.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("A.1", "service", "DISTRICT"), ("A.2", "action", "DISTRICT"), ("B.1", "parent", "PARENT"),
    ]


def test_rows_of_a_table_of_agreed_actions() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\nThe District will complete these actions:\n\n"
        "| Action | Person Responsible | Due Date |\n|---|---|---|\n"
        "| Amend IEP to add counseling | Case manager | 3/21/2025 |\n"
        "| Complete the FBA | | 4/28/2025 |\n"
    )
    assert [(c.kind, c.party) for c in found] == [("action", "Case manager"), ("evaluation", "District")]
    assert found[0].elements["deadline"].value == {"date": "2025-03-21"}


def test_unnumbered_items_under_a_lead_in_that_stops_at_its_verb() -> None:
    found = commitments(
        "LETTER OF AGREEMENT\n\nThe District will:\n\n"
        "Provide Shandiin with small-group reading intervention four days a week for 40 minutes.\n\n"
        "Give Shandiin audiobooks and a reading pen before the spring testing window.\n\n"
        "Other terms\n\n"
        "Parents and District talked about a day program. Nothing was decided.\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District"), ("action", "District")]


def test_lower_case_notes_end_sentences_and_lists_like_typed_ones() -> None:
    found = commitments(
        "mediation agreement\n\n"
        "the district will give the parent a copy of the report by 3/1/25. the parent will also sign the consent.\n\n"
        "mom will:\n\n- bring the student to each session at 8:00 a.m. on mondays\n\nother terms\n\n"
        "parent: ____________________ date: 2/4/25\n\n"
        "b.2 the district will provide counseling weekly.\n"
    )
    assert [(c.kind, c.party) for c in found] == [
        ("action", "district"), ("parent", "parent"), ("parent", "mom"), ("service", "district"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The District will provide a Spanish interpreter at all IEP meetings, eligibility meetings and parent-teacher conferences.", "action"),
        ("The District will provide an interpreter at every IEP meeting and through the Student's annual IEP meeting.", "action"),
        ("The District will assign the same speech-language pathologist to deliver the services in paragraph 1.", "action"),
    ],
)
def test_cues_in_times_people_and_references_are_not_the_act(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


def test_sub_items_that_only_add_terms_stay_with_their_clause() -> None:
    found = commitments(
        "AGREEMENT\n\n1. The District will provide speech-language therapy to the Student:\n"
        "(a) 30 minutes per session;\n(b) twice weekly;\n(c) beginning March 1, 2025, in the speech room.\n"
        "2. The District will provide the following services:\n(a) Speech therapy 30 minutes weekly;\n"
        "(b) OT twice monthly.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("1", "service"), ("2(a)", "service"), ("2(b)", "service")]
    speech = found[0].elements
    assert (speech["frequency"].text, speech["duration"].text) == ("twice weekly", "30 minutes per session")
    assert (speech["start"].text, speech["location"].text) == ("March 1, 2025", "in the speech room")


@pytest.mark.parametrize(
    "lead",
    [
        "The District agrees:",
        "The District agrees to the following",
        "The following will be provided by the District:",
        "District Agreements",
        "Actions the District will take:",
    ],
)
def test_more_ways_to_open_a_list_of_the_districts_promises(lead: str) -> None:
    found = commitments(
        f"AGREEMENT\n\n{lead}\n\n(a) provide speech therapy twice weekly;\n\n(b) convene an IEP meeting by May 1, 2025.\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District"), ("meeting", "District")]


def test_a_party_that_agrees_or_commits_that_something_will_be_so_answers_for_it() -> None:
    found = commitments(
        "AGREEMENT\n\n1. The District commits that the Student will not be suspended without an IEP meeting.\n"
        "2. The District agrees that the Parents may obtain an independent educational evaluation at public expense.\n"
        "3. District staff will be trained on the Student's behavior intervention plan by April 1, 2025.\n"
        "4. The parties agree that the Student needs more reading support.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("1", "action", "District"), ("2", "evaluation", "District"), ("3", "action", None),
    ]


def test_a_meeting_summary_that_records_agreements_is_an_agreement_but_a_progress_report_is_not() -> None:
    terms = (
        "1. The District will provide speech therapy twice weekly.\n2. The District will convene an IEP meeting by May 1, 2025.\n"
        "3. The Parent will sign the consent by April 1, 2025.\n4. The District will reimburse the Parent $200 by May 1, 2025.\n"
    )
    summary = analyze(from_string("Facilitated IEP Meeting Summary\n\nThe team reached the following agreements.\n\n" + terms))
    assert summary.is_agreement and len(summary.commitments) == 4
    report = analyze(from_string(
        "IEP PROGRESS REPORT\n\nProgress: J.A. read 45 words per minute.\n\nThe next progress report will be sent home the week of March 17, 2025.\n"
    ))
    assert not report.is_agreement and report.commitments == []


@pytest.mark.parametrize("opener", ["Agreed:", "The agreements are:", "Here is what we agreed:", "Resolution:"])
def test_a_background_section_ends_where_a_list_of_terms_opens(opener: str) -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\nBackground\n\nThe Student is in 3rd grade. The District acknowledges missed sessions.\n\n"
        f"{opener}\n\n1. The District will provide speech therapy twice weekly.\n\n"
        "2. The Parent will sign the consent by May 1, 2025.\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District"), ("parent", "Parent")]


def test_numbered_promises_end_a_section_opened_by_a_background_heading() -> None:
    found = commitments(
        "MEDIATION AGREEMENT\n\nPURPOSE\n\nThis agreement resolves the due process request.\n\n"
        "1. The District will provide speech therapy twice weekly.\n\n2. The Parent will sign the consent by May 1, 2025.\n"
    )
    assert [(c.kind, c.party) for c in found] == [("service", "District"), ("parent", "Parent")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The District will provide monthly progress reports to the Parent.",
        "The case manager will email the Parent weekly updates on homework.",
    ],
)
def test_reports_to_the_family_are_acts_not_services_however_often(sentence: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == "action"


def test_sub_item_that_only_states_terms_belongs_to_the_promise_above() -> None:
    found = commitments(
        "AGREEMENT\n\nSection 1. Compensatory Education\n\n"
        "A. The District will fund twenty (20) hours of compensatory math tutoring by a tutor of the Parent's choosing.\n"
        "    1. The hours may be used beginning April 1, 2025 and expire on June 30, 2026.\n"
        "    2. The Parent will schedule sessions directly with the tutor.\n"
        "    3. The Parent will sign a release of information for the tutor within five (5) days.\n"
    )
    award = found[0]
    assert award.kind == "comp_ed" and "directly with the tutor." in award.text
    assert (award.elements["start"].value, award.elements["deadline"].value) == (
        {"date": "2025-04-01"}, {"date": "2026-06-30"},
    )
    assert award.elements["schedule"] is not None  # scheduling carries out the award
    assert [(c.text.split()[0], c.kind) for c in found[1:]] == [("3.", "parent")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The District will ensure the Student is ready prior to the IEP meeting.", "action"),
        ("The District will ensure the speech therapy described in paragraph 1 continues.", "action"),
    ],
)
def test_cues_in_a_time_term_or_pointing_elsewhere_name_no_kind(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


def test_sub_items_of_an_item_after_a_table_clause_belong_to_their_own_item() -> None:
    """The lead-in "1. ... in the table below" governs its table, not the sub-items of "2."."""
    found = commitments(
        "AGREEMENT\n\nThe District agrees to the following:\n\n"
        "1. The District will provide the services in the table below, beginning on March 3, 2025.\n\n"
        "| Service | Frequency | Duration | Provider | Location |\n|---|---|---|---|---|\n"
        "| Speech-language therapy | 2x/week | 30 minutes | District SLP | Speech room |\n\n"
        "2. The District will provide compensatory speech-language therapy for the missed sessions.\n"
        "   (a) The compensatory sessions will be delivered by a licensed speech-language pathologist.\n"
        "   (b) The Parent and the provider will schedule the compensatory sessions.\n\n"
        "3. The District will send the Parent a copy of the amended IEP by March 10, 2025.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("1", "service"), ("2", "comp_ed"), ("3", "action")]
    award = found[1]
    assert award.elements["start"] is None  # the table's start is not the award's
    assert award.elements["provider"] is not None and award.elements["schedule"] is not None


def test_purposes_of_a_meeting_finish_its_sentence_but_recipients_of_training_are_promises() -> None:
    found = commitments(
        "SETTLEMENT AGREEMENT\n\nA. Recitals. The Student attends Los Alamitos Middle School.\n\n"
        "NOW, THEREFORE, the parties agree as follows:\n\n"
        "4.2 The District shall convene an IEP meeting within fifteen (15) school days after it receives the IEE report, to:\n\n"
        "(a) review the IEE report; and\n\n(b) revise the Student's IEP consistent with this Agreement.\n\n"
        "5.1 The District shall:\n\n(a) purchase a Chromebook for the Student no later than August 8, 2025;\n\n"
        "(b) provide training on the software to:\n\n"
        "(i) the Student's teachers, before the first day of the 2025-2026 school year; and\n\n"
        "(ii) the Parent, by September 15, 2025.\n"
    )
    assert [(c.label, c.kind, c.party) for c in found] == [
        ("4.2", "meeting", "District"), ("5.1(a)", "action", "District"),
        ("5.1(b)(i)", "action", "District"), ("5.1(b)(ii)", "action", "District"),
    ]


def test_a_promise_subject_to_the_following_terms_is_one_commitment() -> None:
    (award,) = commitments(
        "AGREEMENT\n\n3.1 The District will fund forty (40) hours of compensatory instruction in written expression "
        "for the Student, subject to the following:\n\n"
        "(a) The instruction shall be provided by a tutor of the Parent's choosing.\n\n"
        "(b) Sessions shall be scheduled directly by the Parent with the tutor, beginning July 1, 2025.\n\n"
        "(c) All hours must be used by June 30, 2026.\n"
    )
    assert award.kind == "comp_ed" and award.elements["deadline"].value == {"date": "2026-06-30"}


def test_sub_items_with_acts_of_their_own_are_not_terms_of_the_award() -> None:
    found = commitments(
        "AGREEMENT\n\n2.1 The District will provide 20 hours of compensatory speech-language therapy by the "
        "District SLP, twice weekly, to be used by June 1, 2026.\n"
        "(a) The District will send the Parent a written log of the compensatory sessions by the 5th of each month.\n"
        "(b) The District will convene an IEP meeting to review progress in the compensatory sessions by April 1, 2026.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("2.1", "comp_ed"), ("2.1(a)", "action"), ("2.1(b)", "meeting")]
    assert found[0].elements["frequency"].text == "twice weekly"


def test_a_note_that_takes_someone_to_a_place_names_no_party_of_its_own() -> None:
    (duty,) = commitments("AGREEMENT\n\nMom will:\n\n- Get T.G. to school by 7:45 on his math intervention days\n")
    assert (duty.kind, duty.party) == ("parent", "Mom")


def test_a_sub_item_stating_the_provider_of_a_lead_in_item_belongs_to_it() -> None:
    found = commitments(
        "AGREEMENT\n\n1.2 The District shall provide the Student with the following services:\n\n"
        "(a) speech-language therapy, 60 minutes per week; and\n\n(b) occupational therapy consultation, as needed.\n\n"
        "(i) The consultation shall be provided to the classroom teacher by the District's occupational therapist.\n\n"
        "1.3 The District will convene an IEP meeting by March 1, 2026.\n"
    )
    assert [(c.label, c.kind) for c in found] == [("1.2(a)", "service"), ("1.2(b)", "service"), ("1.3", "meeting")]
    assert found[1].elements["provider"] is not None


def test_a_forms_person_responsible_who_delivers_is_also_the_provider() -> None:
    (award,) = commitments(
        "MEDIATION AGREEMENT\n\nIssue: missed speech sessions\n\nAgreement: A.P. will receive fifteen (15) hours "
        "of compensatory speech-language therapy by June 1, 2026.\n\n"
        "Person responsible: Contracted speech-language pathologist, Mesa Therapy Services\n\nTimeline: by June 1, 2026\n"
    )
    assert award.kind == "comp_ed" and award.elements["provider"] is not None


def test_they_will_begin_is_a_term_of_the_services_before_it() -> None:
    (award,) = commitments(
        "AGREEMENT\n\nDate: January 5, 2026\n\nTo make up for the therapy M.A. did not receive between August 13 and "
        "October 24, 2025, the District will provide M.A. with 12 hours of compensatory speech-language services. "
        "These services will be delivered by a District speech-language pathologist in 45-minute sessions after "
        "school. They will begin February 2, 2026.\n"
    )
    assert award.kind == "comp_ed" and award.elements["start"].value == {"date": "2026-02-02"}


@pytest.mark.parametrize(
    ("draft", "party"),
    [
        # the pronoun named once in parentheses
        ("What the District agreed to:\n\n1. Speech 2x/wk, 30 min, in the speech room.\n\nWhat I (Parent) agreed to:\n\n"
         "a. I will sign the FBA consent by 2/19/2025.\n", "Parent"),
        # a draft the parent plainly wrote
        ("1. District will fund an IEE by an evaluator of my choice, up to $3,000, by October 31, 2025.\n\n"
         "What I agreed to:\n\n- I will sign the IEE consent by May 20, 2025.\n", "Parent"),
    ],
)
def test_the_parents_first_person_duties_are_the_parents(draft: str, party: str) -> None:
    duty = commitments(f"MEDIATION AGREEMENT (parent's draft)\n\n{draft}")[-1]
    assert (duty.kind, duty.party) == ("parent", party)


def test_a_districts_email_saying_i_is_not_the_parent() -> None:
    found = commitments(
        "Hi Ms. Ortiz,\n\nHere is what we agreed at mediation today.\n\nThe District will:\n\n"
        "- provide speech 2x/wk, 30 min, in the speech room\n\nI will send the signed copy by Friday, March 6, 2026.\n"
    )
    assert all(c.kind != "parent" for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The District will provide a daily home-school communication log beginning February 2, 2026.",
        "The District will provide the Parent with monthly data on the Student's behavior goals through May 22, 2026.",
    ],
)
def test_logs_and_data_for_the_family_are_acts_not_services(sentence: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == "action"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("To make up for the twelve missed reading sessions, the District will provide T.M. with twelve additional "
         "45-minute sessions of reading instruction.", "comp_ed"),
        ("As additional compensatory education, Respondent shall reimburse Petitioners for up to forty (40) hours of "
         "private speech-language therapy.", "comp_ed"),
        ("The District will pay for the private OT evaluation the Parent obtained in March, $650, by May 1, 2026.", "payment"),
        ("The paraprofessional will keep a daily data sheet on the Student's behavior.", "action"),
    ],
)
def test_kind_at_the_boundaries(sentence: str, kind: str) -> None:
    assert only(f"AGREEMENT\n\n1. {sentence}\n").kind == kind


def test_an_appositive_subject_names_the_party() -> None:
    award = only(
        "AGREEMENT\n\n2.1 To make up for the job coaching Kayden missed, the District's job coach, Mr. Daniel Arviso, "
        "will provide 24 hours of compensatory job coaching at the work-study site, 2 hours per week.\n"
    )
    assert (award.kind, award.party) == ("comp_ed", "District's job coach")


def test_an_email_of_what_we_agreed_is_an_agreement() -> None:
    found = analyze(from_string(
        "From: Renata Quintana, Special Education Coordinator\n\nSubject: What we agreed today - Gabe C.\n\n"
        "Dear Ms. Lucero-Chavez,\n\nHere is what the District agreed to do:\n\n"
        "1. Ms. Archibeque will check in with Gabe for 10 minutes each school day in Room 14.\n\n"
        "2. We will hold an IEP meeting by May 8, 2026.\n"
    ))
    assert found.is_agreement and len(found.commitments) == 2
