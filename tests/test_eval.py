"""The evaluation command scores any labelled folder, honestly."""

from __future__ import annotations

import json
from pathlib import Path

from agreement_check.cli import main
from agreement_check.eval.gold import load_gold
from agreement_check.eval.score import Score, score_document
from agreement_check.extract import from_string
from agreement_check.model import Analysis, Commitment

AGREEMENT = """MEDIATION AGREEMENT

Date of Agreement: March 3, 2025

1. The District will provide speech-language therapy two times per week for 30 minutes per session in the speech room, beginning March 10, 2025 and ending May 30, 2025.

2. The District will convene an IEP meeting as appropriate.

Parent: ____________________ Date: __________
Director of Special Education: ____________________ Date: __________
"""

GOLD = {
    "doc": "tiny.txt",
    "agreement_date": "2025-03-03",
    "commitments": [
        {"anchor": "The District will provide speech-language therapy", "kind": "service", "party": "District", "codes": []},
        {"anchor": "The District will convene an IEP meeting", "kind": "meeting", "party": "District", "codes": ["AC106", "AC301"]},
    ],
    "doc_codes": ["AC403", "AC404", "AC408"],
}


def labelled_folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny.txt").write_text(AGREEMENT, encoding="utf-8")
    (tmp_path / "tiny.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_eval_scores_any_labelled_folder(tmp_path, capsys):
    folder = labelled_folder(tmp_path)
    assert main(["eval", "--json", str(folder)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 1
    assert report["commitments"]["tp"] == 2 and report["commitments"]["fp"] == 0
    assert report["agreement_date_accuracy"] == 1.0
    assert report["codes"]["AC106"]["tp"] == 1 and report["codes"]["AC301"]["tp"] == 1
    assert main(["eval", str(folder)]) == 0
    table = capsys.readouterr().out
    assert "Findings per rule" in table and "AC106" in table and "micro" in table


def test_eval_without_gold_files_is_a_usage_error(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "no labelled agreements" in capsys.readouterr().err


def test_a_merged_clause_is_credited_once_and_misses_are_listed(tmp_path):
    folder = labelled_folder(tmp_path)
    gold = load_gold(folder / "tiny.gold.json")
    doc = from_string(AGREEMENT)
    both = doc.text.index("1. The District"), doc.text.index("Parent:")
    merged = Commitment("c1", "service", "District", doc.text[both[0] : both[1]], *both)
    score = Score()
    score_document(score, gold, Analysis(document=doc, commitments=[merged]))
    assert (score.detection.tp, score.detection.fp, score.detection.fn) == (1, 0, 1)
    assert any(m.what.startswith("missed commitment") for m in score.misses)
    assert score.codes["AC106"].fn == 1 and score.codes["AC403"].fn == 1
