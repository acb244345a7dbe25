"""The commitment engine against the labelled dev corpus (LABELING.md rules).

Scored by the evaluation command's own matching (eval.score); the thresholds are the
project's targets for the held-out test split.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.eval import evaluate
from agreement_check.extract import load
from agreement_check.nlp import analyze

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dev"


@pytest.mark.parametrize("rendering", [None, "docx"])
def test_dev_corpus_meets_the_targets(rendering: str | None) -> None:
    score, golds = evaluate(DEV, rendering)
    assert golds and not score.skipped and not score.unreadable
    figures = {
        "precision": score.detection.precision,
        "recall": score.detection.recall,
        "kind": score.kind_accuracy,
        "party": score.party_accuracy,
        "agreement_date": score.date_accuracy,
    }
    assert figures["precision"] >= 0.95 and figures["recall"] >= 0.95, figures
    assert figures["kind"] >= 0.92 and figures["party"] >= 0.92, figures
    assert figures["agreement_date"] >= 0.9 and score.agreement_accuracy == 1.0, figures


def test_dev_corpus_element_facts() -> None:
    """Spot checks of elements that rules read, on real agreements."""
    med01 = analyze(load(DEV / "med-01.txt"))
    rows = {c.elements["service"].text: c for c in med01.commitments if c.elements["service"]}
    ot = rows["Occupational therapy (fine motor)"]
    assert ot.elements["location"] is None  # "TBD" cell
    assert ot.elements["start"].value == {"date": "2025-02-24"}  # from the lead-in 1.1
    reading = rows["Specialized reading instruction (Orton-Gillingham)"]
    assert reading.elements["duration"] is None  # blank cell
    counseling = rows["Counseling with the school social worker"]
    assert counseling.elements["frequency"] is None and counseling.elements["duration"].value["minutes"] == 30
    amend = next(c for c in med01.commitments if "amend the Student's IEP" in c.text)
    assert amend.elements["deadline"].value == {"date": "2025-03-10"}
    friday = next(m for m in med01.dates if m.weekday)
    assert (friday.weekday, friday.value.strftime("%A")) == ("Friday", "Monday")
