"""One CSV row per finding (and per unreadable file), written as each file is checked.

Rows are streamed so a batch of thousands of agreements runs in constant memory; an
advocate's spreadsheet or pandas reads the header row for the column names.
"""

from __future__ import annotations

import csv
from typing import TextIO

from agreement_check.check import FileResult
from agreement_check.model import Location
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.content import has_span

COLUMNS: tuple[str, ...] = (
    "path",
    "status",
    "code",
    "name",
    "severity",
    "commitment",
    "kind",
    "party",
    "page",
    "line",
    "paragraph",
    "message",
    "question",
    "text",
)


class CsvRenderer:
    """Findings as rows; an unreadable file is one row with status "error" and its error code in ``name``."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.writer = csv.DictWriter(out, fieldnames=COLUMNS)
        self.writer.writeheader()

    def add(self, result: FileResult) -> None:
        a = result.analysis
        if a is None:
            assert result.error is not None
            self.writer.writerow(
                {"path": result.path, "status": "error", "name": result.error.code, "message": result.error.message}
            )
            return
        commitments = {c.id: c for c in a.commitments}
        for f in a.findings:
            c = commitments.get(f.commitment or "")
            # A document-level finding with no span has no place: leave its cells empty.
            loc = a.document.locate(f.start, f.end) if has_span(f) else Location()
            self.writer.writerow(
                {
                    "path": result.path,
                    "status": "ok",
                    "code": f.code,
                    "name": f.name,
                    "severity": f.severity,
                    "commitment": f.commitment,
                    "kind": c.kind if c else None,
                    "party": c.party if c else None,
                    "page": loc.page,
                    "line": loc.line,
                    "paragraph": loc.paragraph,
                    "message": f.message,
                    "question": f.question,
                    "text": f.text,
                }
            )

    def finish(self, summary: Summary) -> None:
        """Nothing to add: every row was written as its file was checked."""
