"""The accuracy gate: the checker on the held-out test split must not fall below the floors.

The floors sit a few points under the figures measured when they were last raised (see
the closing notes of the issues that raised them); raise them as the engine improves so
the gate keeps meaning something. The DOCX and PDF renderings must score within 0.02 of
the text sources, since a parent's draft arrives in any of the three.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from agreement_check.eval import Score, code_support, evaluate, find_gold

TEST_SPLIT = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "test"

FLOORS = {
    "commitment precision": 0.965,
    "commitment recall": 0.985,
    "kind accuracy": 0.96,
    "party accuracy": 0.985,
    "finding micro F1": 0.90,
}
#: Every rule with at least three positive cases in the test split must reach this F1.
PER_CODE_F1_FLOOR = 0.75


@cache
def scored(rendering: str | None) -> Score:
    score, golds = evaluate(TEST_SPLIT, rendering)
    assert golds and not score.unreadable and not score.skipped
    return score


def figures(score: Score) -> dict[str, float]:
    return {
        "commitment precision": score.detection.precision,
        "commitment recall": score.detection.recall,
        "kind accuracy": score.kind_accuracy,
        "party accuracy": score.party_accuracy,
        "finding micro F1": score.micro.f1,
    }


def test_text_sources_meet_the_floors():
    measured = figures(scored(None))
    below = {k: round(v, 3) for k, v in measured.items() if v < FLOORS[k]}
    assert below == {}


@pytest.mark.parametrize("rendering", ["docx", "pdf"])
def test_renderings_score_like_the_text(rendering):
    base, other = figures(scored(None)), figures(scored(rendering))
    apart = {k: (round(base[k], 3), round(other[k], 3)) for k in base if abs(base[k] - other[k]) > 0.02}
    assert apart == {}


def test_every_well_supported_rule_meets_the_per_code_floor():
    support = code_support(find_gold(TEST_SPLIT))
    score = scored(None)
    weak = {
        code: round(counts.f1, 3)
        for code, counts in score.codes.items()
        if support[code] >= 3 and counts.f1 < PER_CODE_F1_FLOOR
    }
    assert weak == {}
