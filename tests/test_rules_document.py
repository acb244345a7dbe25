"""Document-level rules on the wording and layouts real drafts use.

The analyses here are built from text with no NLP stage, so these tests pin what the
document rules read: signature lines, statements, admissions of missed services.
"""

from __future__ import annotations

from datetime import date

import pytest

from agreement_check import extract
from agreement_check.model import Analysis, Commitment
from agreement_check.rules import Context, run
from agreement_check.rules.document import signature_block

CONFIDENTIAL = (
    "Discussions that occurred during the mediation process are confidential and may not be used "
    "as evidence in any subsequent due process hearing or civil proceeding."
)
ENFORCEABLE = "This Agreement is legally binding and may be enforced in any state court of competent jurisdiction."
REMEDY = (
    "If the Parent believes the District has not implemented this Agreement, the Parent may notify "
    "the Director in writing and may file a state complaint."
)
SIGNED = "Parent: ____________  Date: 3/4/2025\n\nSuperintendent: ____________  Date: 3/4/2025"


def analysis(*paragraphs: str, comp_ed: bool = False) -> Analysis:
    text = "MEDIATION AGREEMENT\n\n" + "\n\n".join(paragraphs) + "\n"
    commitments = []
    if comp_ed:
        clause = "The District will provide compensatory services."
        text += "\n" + clause + "\n"
        start = text.index(clause)
        commitments.append(Commitment("c1", "comp_ed", "District", clause, start, start + len(clause)))
    return Analysis(extract.from_string(text), True, date(2025, 3, 4), commitments)


def doc_codes(a: Analysis) -> set[str]:
    return {f.code for f in run(a) if f.commitment is None}


def roles(*paragraphs: str) -> tuple[bool, bool]:
    block = signature_block(Context(analysis(*paragraphs)))
    assert block is not None
    return block.has("parent"), block.has("district")


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (SIGNED, (True, True)),
        # Title above the line, name under it.
        ("PARENT:\n\n________________\nCarmen Archuleta\n\nBy: ________________\nJuan Ortiz, Superintendent", (True, True)),
        # Lines joined into one paragraph, as a text file without blank lines gives them.
        ("/s/ Carmen Archuleta, Parent\n/s/ Juan Ortiz, Director of Special Education", (True, True)),
        # Side by side.
        ("__________________      __________________\nParent/Guardian          Authorized District Representative", (True, True)),
        # Lawyers, advocates and the mediator bind no one.
        ("Counsel for Parent: ________\n\nCounsel for the District: ________\n\nMediator: ________", (False, False)),
        ("Parents' Advocate: ________\n\nDirector of Special Education: ________", (False, True)),
        # Pleadings name the parent as complainant; notes write "Mom" and shorten titles.
        ("Complainant: ________\n\nCounsel for Complainant: ________\n\nBy: ________  Its: Superintendent", (True, True)),
        ("Mom: ________  date: 11-12-24\n\nExec Dir of Sped: ________  date: 11-12-24", (True, True)),
        ("Dad: ________\n\nAsst Supt for Student Svcs: ________", (True, True)),
        ("Father: ________\n\nCase Manager: ________", (True, False)),
    ],
)
def test_signature_layouts(layout: str, expected: tuple[bool, bool]) -> None:
    assert roles(layout) == expected


def test_the_signature_block_is_read_once_per_document() -> None:
    """AC401 and AC402 both ask for it; the second asks the memo, not the matcher."""
    ctx = Context(analysis(SIGNED))
    assert signature_block(ctx) is signature_block(ctx)


def test_a_clause_just_above_the_signatures_is_not_a_title() -> None:
    assert roles("Parent will make the Student available.", "Counsel for Parent: ________") == (False, False)


def test_signature_findings_point_at_the_signature_lines() -> None:
    a = analysis(CONFIDENTIAL, ENFORCEABLE, REMEDY, "Counsel for Parent: ________\n\nSuperintendent: ________")
    (finding,) = [f for f in run(a) if f.code == "AC401"]
    assert finding.text.startswith("Counsel for Parent")
    assert "Counsel for Parent" in finding.message


def test_complete_draft_has_no_document_findings() -> None:
    assert doc_codes(analysis(CONFIDENTIAL, ENFORCEABLE, REMEDY, SIGNED)) == set()


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        (CONFIDENTIAL, "AC403"),
        (
            "Confidentiality. All communications during mediation are confidential. They shall be "
            "inadmissible in any later proceeding.",
            "AC403",
        ),
        ("This Agreement is confidential.", None),
        (ENFORCEABLE, "AC404"),
        ("This Agreement is enforceable in the courts of the State of New Mexico.", "AC404"),
        ("This Agreement is legally binding.", None),
        (REMEDY, "AC408"),
        ("In the event the District does not timely provide a service, the Parent may seek enforcement.", "AC408"),
        ("Should the District fail to comply, the Parent may file a complaint with NMPED.", "AC408"),
        ("If the District has not performed an obligation, the Parents may give written notice.", "AC408"),
        ("If the Dist doesn't do something here, mom can write to the sped director to fix it.", "AC408"),
        ("If dist misses anything above, dad emails the case mgr. Dist has 10 days to fix it.", "AC408"),
        ("If the Student misses a session because of illness, it will be made up.", None),
        # A title that states the condition reads with the paragraph under it.
        ("If dist doesn't do what's agreed\n\n- Mom can call Dir. Apodaca; dist then has 10 days to fix it.", "AC408"),
        ("Failure to Implement\n\nThe Parent may notify the Director, who shall correct it in 10 school days.", "AC408"),
        ("If any of this doesn't happen, email me and I will get it fixed within 5 school days.", "AC408"),
        ("Failure to Implement\n\nThe District will provide speech therapy twice weekly.", None),
        ("Either party may void this Agreement within three business days.", None),
        # A condition and a failure make a failure clause only in one sentence.
        ("If needed, the Parent may contact the Director. The Student failed the vision screening.", None),
    ],
)
def test_required_statements(statement: str, missing: str | None) -> None:
    """Each statement either satisfies one requirement (which then does not fire) or none."""
    required = {"AC403", "AC404", "AC408"}
    found = doc_codes(analysis(statement, SIGNED)) & required
    assert found == required - {missing}


@pytest.mark.parametrize(
    ("term", "codes"),
    [
        ("Parent releases and forever discharges the District from any and all claims, known or unknown.", {"AC406"}),
        ("Parent shall sign a release of information for the private therapist.", set()),
        ("Each party shall bear its own attorney fees and costs.", {"AC407"}),
        ("The parties shall each be responsible for their own attorneys’ fees.", {"AC407"}),
        ("Nothing in this Agreement waives the Parent's right to seek reasonable attorney's fees.", set()),
        ("The District will pay $3,000 in attorney fees to counsel for Parent.", set()),
    ],
)
def test_terms_to_review(term: str, codes: set[str]) -> None:
    found = doc_codes(analysis(term, CONFIDENTIAL, ENFORCEABLE, REMEDY, SIGNED))
    assert found & {"AC406", "AC407"} == codes


@pytest.mark.parametrize(
    ("background", "fires"),
    [
        ("The District acknowledges that the Student did not receive 14 reading sessions.", True),
        ("Because of a vacancy, no speech-language therapy was provided to the Student in the fall.", True),
        ("From 10/6/25 to 12/19/25 no aide rode the am or pm route.", True),
        ("No trained interpreter was present at the three fall IEP meetings.", True),
        ("The Parent alleges that the District failed to implement the IEP. The District denies it.", False),
        ("Any missed session shall be made up within ten school days.", False),
        ("If a session is missed because the Student is absent, it will not be made up.", False),
        # "Dr." ends no sentence, so the allegation still governs the clause after the name.
        ("The Parent alleges, relying on Dr. Ruiz, that the Student did not receive 14 sessions.", False),
    ],
)
def test_admission_of_missed_services(background: str, fires: bool) -> None:
    assert ("AC207" in doc_codes(analysis(background, CONFIDENTIAL, ENFORCEABLE, REMEDY, SIGNED))) == fires


def test_any_compensatory_award_is_a_remedy() -> None:
    a = analysis("The Student did not receive 14 sessions.", CONFIDENTIAL, ENFORCEABLE, REMEDY, SIGNED, comp_ed=True)
    assert "AC207" not in doc_codes(a)


def test_admission_finding_quotes_the_admission() -> None:
    admission = "The District acknowledges that Dr. Ruiz did not provide 14 speech sessions to the Student."
    a = analysis("Background.", admission, CONFIDENTIAL, ENFORCEABLE, REMEDY, SIGNED)
    (finding,) = [f for f in run(a) if f.code == "AC207"]
    assert finding.text == admission
