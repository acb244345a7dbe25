"""The catalogue is complete and documented, and every documented example behaves as it says.

Each example runs through the whole pipeline (extract.from_string -> nlp.analyze ->
rules.run), so a rule's documentation is also its test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agreement_check import extract, nlp
from agreement_check.model import SEVERITIES
from agreement_check.rules import CATALOGUE, Example, Rule, run
from agreement_check.rules.comped import COMPLETE_AWARD
from agreement_check.rules.document import COMPLETE_AGREEMENT
from agreement_check.rules.elements import COMPLETE_SERVICE

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
SPEC_CODES = (
    [f"AC1{n:02d}" for n in range(1, 11)]
    + [f"AC2{n:02d}" for n in range(1, 8)]
    + [f"AC3{n:02d}" for n in range(1, 5)]
    + [f"AC4{n:02d}" for n in range(1, 11)]  # AC401-AC408, AC409 and AC410
    + [f"AC5{n:02d}" for n in range(1, 6)]
)
SPEC_NAMES = {
    "AC101": "missing-responsible-party",
    "AC102": "missing-frequency",
    "AC103": "missing-duration",
    "AC104": "missing-start",
    "AC105": "missing-end",
    "AC106": "missing-deadline",
    "AC107": "missing-location",
    "AC108": "missing-amount",
    "AC109": "missing-payee",
    "AC110": "iee-missing-cost-terms",
    "AC207": "missed-services-without-remedy",
    "AC301": "hedged-commitment",
    "AC302": "ambiguous-days",
    "AC303": "missing-anchor",
    "AC304": "vague-quantity",
    "AC409": "unresolved-tracked-changes",
    "AC410": "unread-scanned-pages",
}
BASELINES = {COMPLETE_SERVICE, COMPLETE_AWARD, COMPLETE_AGREEMENT}
EXAMPLES = [
    pytest.param(rule, ex, id=f"{code}-{i}-{'fires' if ex.fires else 'quiet'}")
    for code, rule in CATALOGUE.items()
    for i, ex in enumerate(rule.examples)
]


def test_catalogue_holds_every_spec_code_in_order() -> None:
    assert list(CATALOGUE) == SPEC_CODES


@pytest.mark.parametrize("code", SPEC_NAMES)
def test_names_follow_the_spec(code: str) -> None:
    assert CATALOGUE[code].name == SPEC_NAMES[code]


@pytest.mark.parametrize("rule", CATALOGUE.values(), ids=list(CATALOGUE))
def test_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name)
    assert rule.severity in SEVERITIES
    assert rule.scope in ("commitment", "document")
    assert rule.summary and "\n" not in rule.summary
    assert rule.explanation.endswith(".") and len(rule.explanation) > len(rule.summary)
    assert rule.question.endswith("?")
    fires = {ex.fires for ex in rule.examples}
    # Tracked changes and unread scans cannot be written in a text example; unit tests cover them.
    assert fires == ({False} if rule.code in ("AC409", "AC410") else {True, False})


def test_names_are_unique() -> None:
    names = [r.name for r in CATALOGUE.values()]
    assert len(names) == len(set(names))


def test_essential_elements_are_errors_and_settings_info() -> None:
    assert CATALOGUE["AC103"].severity == "error"
    assert CATALOGUE["AC107"].severity == "info"
    assert CATALOGUE["AC110"].severity == "info"
    assert CATALOGUE["AC301"].severity == "warning"


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_example(rule: Rule, example: Example) -> None:
    """A quiet example gets no finding at all; a firing one gets them on its one clause (a
    commitment of a kind the rule applies to), or on the document for a document rule, so an
    example cannot pass by firing somewhere else for another reason."""
    analysis = nlp.analyze(extract.from_string(example.text))
    findings = run(analysis, lambda code: code == rule.code)
    if not example.fires:
        assert findings == [], [f.message for f in findings]
        return
    assert findings, analysis.commitments
    if rule.kinds is None:
        assert all(f.commitment is None for f in findings), [f.text for f in findings]
    else:
        (clause,) = analysis.commitments
        assert clause.kind in rule.kinds, clause
        assert {f.commitment for f in findings} == {clause.id}, [f.text for f in findings]
    clauses = {c.id: c.text for c in analysis.commitments}
    for f in findings:
        assert f.message and f.question == rule.question
        quoted = clauses[f.commitment] if f.commitment else analysis.document.text[f.start : f.end]
        assert f.text == quoted


def test_each_example_belongs_to_one_rule_but_the_complete_baselines() -> None:
    """An example shared by two rules shows the edge of neither; only the complete clause or
    agreement of a family is shared, and nothing in the catalogue fires on it."""
    owners: dict[str, set[str]] = {}
    for code, rule in CATALOGUE.items():
        for ex in rule.examples:
            owners.setdefault(ex.text, set()).add(code)
    shared = {text for text, codes in owners.items() if len(codes) > 1}
    assert shared == BASELINES
    for text in BASELINES:
        findings = run(nlp.analyze(extract.from_string(text)))
        # A clause alone has no signature lines: only the agreement is complete as a document.
        assert [f.code for f in findings if f.commitment is not None or text == COMPLETE_AGREEMENT] == []


@pytest.mark.parametrize(("sample", "fires"), [("tracked-changes.docx", True), ("sample-mediation.docx", False)])
def test_tracked_changes_in_a_real_docx(sample: str, fires: bool) -> None:
    analysis = nlp.analyze(extract.load(SAMPLES / sample))
    findings = run(analysis, lambda code: code == "AC409")
    assert bool(findings) == fires
    assert all("clean" in f.message for f in findings)
