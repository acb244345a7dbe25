"""Checks one file: extraction, then the NLP stage, then the rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agreement_check.config import Settings
from agreement_check.errors import InputError
from agreement_check.model import Analysis


@dataclass(slots=True)
class FileResult:
    """The outcome for one input: an analysis, or the reason it could not be read."""

    path: str
    analysis: Analysis | None = None
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def check_path(path: Path, settings: Settings, display: str | None = None) -> FileResult:
    """Check one file; an unreadable file becomes an error result, never an exception."""
    from agreement_check import extract, nlp, rules

    name = display or str(path)
    try:
        document = extract.load(path)
    except InputError as exc:
        return FileResult(path=name, error=exc)
    document.path = name
    analysis = nlp.analyze(document, settings.words)
    analysis.findings = rules.run(analysis, settings.selects, settings.words)
    return FileResult(path=name, analysis=analysis)
