"""The parent's report as Markdown, for pasting into an email, an issue or a notes app.

Text from a draft is backslash-escaped so that its asterisks, brackets, angle brackets and
pipes show as written instead of turning into emphasis, links, HTML or table cells.
"""

from __future__ import annotations

import re
from typing import TextIO

from agreement_check.check import FileResult
from agreement_check.model import Document, Finding
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.content import (
    DISCLAIMER,
    NOT_AGREEMENT,
    FileContent,
    asked,
    at,
    clause,
    content,
    headline,
    marker,
    one_line,
    stated,
    title,
    totals,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")


def md(text: str) -> str:
    """Inline Markdown text that renders exactly as ``text`` (on one line)."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def _findings(findings: list[Finding], document: Document) -> str:
    """A list item per finding, with where it is (document-level ones) and what to ask."""
    out = []
    for f, question in asked(findings):
        out.append(f"- **{marker(f)}:** {md(f.message)} ({f.code})\n")
        if (point := at(f, document)) is not None:
            place, quote = point
            out.append(f"  - At {md(place)}: “{md(quote)}”\n")
        if question:
            out.append(f"  - **Ask:** {md(question)}\n")
    return "".join(out)


class MarkdownRenderer:
    """Streams one section per file under a single title."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        out.write("# agreement-check report\n")

    def add(self, result: FileResult) -> None:
        w = self.out.write
        w(f"\n## {md(result.path)}\n\n")
        if result.analysis is None:
            assert result.error is not None
            w(f"**Could not be read:** {md(result.error.message)}\n")
        elif not result.analysis.is_agreement:
            w(f"This file {md(NOT_AGREEMENT)}\n")
        else:
            self._content(content(result.analysis))

    def _content(self, fc: FileContent) -> None:
        w = self.out.write
        w(f"{md(headline(fc))}\n")
        for p in fc.problems:
            w(f"\n### {md(title(p.commitment, fc.document))}\n\n")
            w(f"> “{md(clause(p.commitment.text))}”\n\n")
            facts = stated(p.commitment)
            if facts:
                w("| It states | As written |\n|---|---|\n")
                w("".join(f"| {md(k)} | {md(v)} |\n" for k, v in facts))
            else:
                w("It states nothing beyond the clause itself.\n")
            w("\n" + _findings(p.findings, fc.document))
        if fc.general:
            w("\n### The agreement as a whole\n\n" + _findings(fc.general, fc.document))

    def finish(self, summary: Summary) -> None:
        w = self.out.write
        w("\n---\n\n")
        if summary.files > 1:
            w(f"**{md(totals(summary))}**\n\n")
        w(f"*{md(DISCLAIMER)}*\n")
