"""Accuracy evaluation against a folder of labelled agreements (``agreement-check eval``)."""

from __future__ import annotations

from pathlib import Path

from agreement_check import batch
from agreement_check.config import Settings
from agreement_check.eval.gold import Gold, find_gold, validate
from agreement_check.eval.score import Counts, Score, code_support, score_document


def evaluate(folder: Path, rendering: str | None = None, jobs: int = 1) -> tuple[Score, list[Gold]]:
    """Check every labelled agreement under ``folder`` and score the result.

    ``rendering`` ("docx" or "pdf") checks the rendering beside each ``.txt`` instead;
    a labelled document without that rendering is skipped and listed in ``Score.skipped``.
    """
    golds = find_gold(folder)
    score = Score()
    settings = Settings()
    chosen = [g for g in golds if g.document_path(rendering).is_file()]
    score.skipped.extend(g.doc for g in golds if g not in chosen)
    tasks = [batch.Task(str(g.document_path(rendering)), g.document_path(rendering), settings) for g in chosen]
    for gold, result in zip(chosen, batch.run(tasks, jobs)):
        if result.analysis is None:
            score.unreadable.append(f"{result.path}: {result.error.message}")
            continue
        score_document(score, gold, result.analysis)
    return score, chosen


__all__ = ["Counts", "Gold", "Score", "code_support", "evaluate", "find_gold", "validate"]
