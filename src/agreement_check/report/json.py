"""The versioned JSON contract (``agreement-check/1``), as one document or as JSON Lines."""

from __future__ import annotations

import json
from typing import Any, TextIO

from agreement_check.check import FileResult
from agreement_check.model import ELEMENT_NAMES, Commitment, Document, Finding
from agreement_check.report.base import ReportOptions, Summary

SCHEMA = "agreement-check/1"


def _location(document: Document, start: int, end: int) -> dict[str, int]:
    return document.locate(start, end).to_json()


def commitment_json(c: Commitment, document: Document) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "party": c.party,
        "label": c.label,
        "text": c.text,
        "location": _location(document, c.start, c.end),
        "elements": {
            name: (el.to_json() if (el := c.elements.get(name)) is not None else None)
            for name in ELEMENT_NAMES
        },
    }


def finding_json(f: Finding, document: Document) -> dict[str, Any]:
    """A finding; one about the document as a whole with no place in it has offsets only."""
    location = _location(document, f.start, f.end) if f.end > f.start else {"start": f.start, "end": f.end}
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "commitment": f.commitment,
        "message": f.message,
        "question": f.question,
        "text": f.text,
        "location": location,
    }


def file_json(result: FileResult) -> dict[str, Any]:
    """One entry of ``files``: the whole outcome for one input."""
    a = result.analysis
    if a is None:
        assert result.error is not None
        return {
            "path": result.path,
            "status": "error",
            "error": {"code": result.error.code, "message": result.error.message},
            "pages": None,
            "agreement_date": None,
            "is_agreement": None,
            "commitments": [],
            "findings": [],
        }
    doc = a.document
    return {
        "path": result.path,
        "status": "ok",
        "error": None,
        "pages": doc.pages,
        "agreement_date": a.agreement_date.isoformat() if a.agreement_date else None,
        "is_agreement": a.is_agreement,
        "commitments": [commitment_json(c, doc) for c in a.commitments],
        "findings": [finding_json(f, doc) for f in a.findings],
    }


class JsonRenderer:
    """The whole report as one JSON document (memory grows with the batch)."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.files: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> None:
        self.files.append(file_json(result))

    def finish(self, summary: Summary) -> None:
        report = {"schema": SCHEMA, "files": self.files, "summary": summary.to_json()}
        json.dump(report, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")


class JsonlRenderer:
    """One line per file as it is checked, then a summary line: constant memory."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out

    def add(self, result: FileResult) -> None:
        line = {"schema": SCHEMA, **file_json(result)}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(json.dumps({"schema": SCHEMA, "summary": summary.to_json()}) + "\n")
