"""SARIF 2.1.0, so code-scanning viewers and review tools can show the findings.

Lines are the file's lines for text, the paragraph number for DOCX (a DOCX has no lines),
and the line on its page for PDFs (the page goes in the region's property bag).
``charOffset``/``charLength`` count Unicode code points into the *extracted* text, the
same offsets as the JSON report, which for PDF and DOCX is not the file's own bytes.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from agreement_check import __version__
from agreement_check.check import FileResult
from agreement_check.model import Document, Finding
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.content import NOT_AGREEMENT, has_span, one_line

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path as the user named it (relative stays relative)."""
    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def rule_descriptors() -> list[dict[str, Any]]:
    """``tool.driver.rules``: the whole catalogue, so a viewer can explain every code."""
    from agreement_check.rules import CATALOGUE

    out = []
    for code in sorted(CATALOGUE):
        r = CATALOGUE[code]
        help_text = f"Ask: {r.question}"
        if r.legal_basis:
            help_text += f" Legal basis: {r.legal_basis}"
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": help_text},
                "defaultConfiguration": {"level": LEVELS[r.severity]},
                "properties": {"scope": r.scope},
            }
        )
    return out


def region(document: Document, f: Finding) -> dict[str, Any]:
    loc = document.locate(f.start, f.end)
    out: dict[str, Any] = {}
    line = loc.paragraph if document.format == "docx" else loc.line
    if line is not None:
        out["startLine"] = line
    out["charOffset"] = f.start
    out["charLength"] = f.end - f.start
    out["snippet"] = {"text": f.text}
    if loc.page is not None:
        out["properties"] = {"page": loc.page}
    return out


class SarifRenderer:
    """One SARIF log with one run; unreadable files become tool execution notifications."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.artifacts: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> None:
        index = len(self.artifacts)
        uri = artifact_uri(result.path)
        self.artifacts.append({"location": {"uri": uri}})
        artifact = {"uri": uri, "index": index}
        a = result.analysis
        if a is None:
            assert result.error is not None
            self._notify("error", result.error.code, result.error.message, artifact)
            return
        if not a.is_agreement:
            self._notify("note", "not-an-agreement", NOT_AGREEMENT, artifact)
        commitments = {c.id: c for c in a.commitments}
        for f in a.findings:
            physical: dict[str, Any] = {"artifactLocation": artifact}
            if has_span(f):
                physical["region"] = region(a.document, f)
            c = commitments.get(f.commitment or "")
            self.results.append(
                {
                    "ruleId": f.code,
                    "level": LEVELS[f.severity],
                    "message": {"text": f"{one_line(f.message)} Ask: {one_line(f.question)}"},
                    "locations": [{"physicalLocation": physical}],
                    "properties": {
                        "name": f.name,
                        "question": f.question,
                        "commitment": f.commitment,
                        "kind": c.kind if c else None,
                        "party": c.party if c else None,
                    },
                }
            )

    def _notify(self, level: str, code: str, message: str, artifact: dict[str, Any]) -> None:
        self.notifications.append(
            {
                "level": level,
                "descriptor": {"id": code},
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
            }
        )

    def finish(self, summary: Summary) -> None:
        rules = rule_descriptors()
        index = {r["id"]: i for i, r in enumerate(rules)}
        for r in self.results:
            if r["ruleId"] in index:
                r["ruleIndex"] = index[r["ruleId"]]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {"driver": {"name": "agreement-check", "version": __version__, "rules": rules}},
                    "invocations": [
                        {
                            "executionSuccessful": summary.errors == 0,
                            "toolExecutionNotifications": self.notifications,
                        }
                    ],
                    "artifacts": self.artifacts,
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")
