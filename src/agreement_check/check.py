"""Checks one file: extraction, then the NLP stage, then the rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agreement_check.config import Settings
from agreement_check.errors import InputError, internal_error
from agreement_check.model import Analysis


#: Longest text analysed. Real agreements are a few thousand words; anything near spaCy's
#: own limit (1,000,000 characters) is not an agreement and would take minutes.
MAX_CHARS = 500_000


@dataclass(slots=True)
class FileResult:
    """The outcome for one input: an analysis, or the reason it could not be read."""

    path: str
    analysis: Analysis | None = None
    error: InputError | None = None


def check_path(path: Path, settings: Settings, display: str | None = None) -> FileResult:
    """Check one file; an unreadable file becomes an error result, never an exception."""
    from agreement_check import extract, nlp, rules

    name = display or str(path)
    try:
        document = extract.load(path)
    except InputError as exc:
        return FileResult(path=name, error=exc)
    except Exception as exc:  # a bug in a reader, or a library failing in a way it does not document
        return FileResult(path=name, error=internal_error(exc, "reading"))
    document.path = name
    if len(document.text) > MAX_CHARS:
        size = f"{len(document.text):,} characters of text; the limit is {MAX_CHARS:,}"
        return FileResult(path=name, error=InputError("too-large", f"too long for an agreement ({size})"))
    try:
        analysis = nlp.analyze(document, settings.words)
        analysis.findings = rules.run(analysis, settings.selects, settings.words)
    except Exception as exc:
        return FileResult(path=name, error=internal_error(exc, "analysing"))
    return FileResult(path=name, analysis=analysis)
