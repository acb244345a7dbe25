"""One CSV row per finding, and one per file with no finding to show, written as each file is checked.

Rows are streamed so a batch of thousands of agreements runs in constant memory; an
advocate's spreadsheet or pandas reads the header row for the column names. Every file in
the batch has at least one row, so a file that was checked and found clean never looks like
one that was skipped. The header is always these columns, in this order:

- ``path``: the file as it was named (an archive member as ``archive/member``).
- ``status``: ``ok`` (read and checked), ``not-agreement`` (read, but it does not look like
  an agreement, so nothing was checked) or ``error`` (could not be read).
- ``code``, ``name``, ``severity``: the finding's rule. An ``ok`` row with an empty ``code``
  is a checked file with no findings; an ``error`` row has the error's code in ``name``.
- ``commitment``, ``kind``, ``party``: the commitment the finding is about; empty for a
  finding about the agreement as a whole.
- ``page``, ``line``, ``paragraph``: where the finding is, as its source format counts
  (PDF page and line, DOCX paragraph, text line); empty when it points at no text.
- ``message``, ``question``, ``text``: what is wrong, what to ask, and the words it is about.
  An ``error`` row says why the file could not be read in ``message``.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
single quote, so a spreadsheet shows draft text such as ``=HYPERLINK(...)`` as text instead
of running it as a formula (OWASP's advice on CSV injection). A program reading the file
should drop that quote.
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

#: What a spreadsheet reads as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """``value`` as it is safe to write: text that a spreadsheet would run is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class CsvRenderer:
    """Findings as rows; a file with none to show is one row with its status."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.writer = csv.DictWriter(out, fieldnames=COLUMNS)
        self.writer.writeheader()

    def add(self, result: FileResult) -> None:
        a = result.analysis
        if a is None:
            assert result.error is not None
            self._row(path=result.path, status="error", name=result.error.code, message=result.error.message)
            return
        if not a.is_agreement:
            self._row(path=result.path, status="not-agreement")
            return
        if not a.findings:
            self._row(path=result.path, status="ok")
        commitments = {c.id: c for c in a.commitments}
        for f in a.findings:
            c = commitments.get(f.commitment or "")
            # A document-level finding with no span has no place: leave its cells empty.
            loc = a.document.locate(f.start, f.end) if has_span(f) else Location()
            self._row(
                path=result.path,
                status="ok",
                code=f.code,
                name=f.name,
                severity=f.severity,
                commitment=f.commitment,
                kind=c.kind if c else None,
                party=c.party if c else None,
                page=loc.page,
                line=loc.line,
                paragraph=loc.paragraph,
                message=f.message,
                question=f.question,
                text=f.text,
            )

    def _row(self, **values: object) -> None:
        self.writer.writerow({name: cell(value) for name, value in values.items()})

    def finish(self, summary: Summary) -> None:
        """Nothing to add: every row was written as its file was checked."""
