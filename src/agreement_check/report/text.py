"""The parent's report on a terminal or a pipe, and the one-line-per-finding --concise form.

What the report says comes from ``report.content``; this module only lays it out with rich,
wrapping by hand so that no line ends in padding and none is wider than the console.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from rich.console import Console
from rich.text import Text

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
    has_span,
    headline,
    marker,
    one_line,
    stated,
    title,
    totals,
)


def error_line(result: FileResult) -> str:
    assert result.error is not None
    return f"{result.path}: could not be read: {result.error.message}"


# ---------------------------------------------------------------- concise lines


def concise_place(document: Document, f: Finding) -> str:
    """``page:line``, ``para:N`` or ``line`` (by source format), or "" with no span."""
    if not has_span(f):
        return ""
    loc = document.locate(f.start, f.end)
    if loc.page is not None:  # a PDF or a scanned image
        return f"{loc.page}:{loc.line}" if loc.line is not None else f"{loc.page}"
    if document.format == "docx" and loc.paragraph is not None:
        return f"para:{loc.paragraph}"
    return "" if loc.line is None else str(loc.line)


def concise_lines(result: FileResult) -> Iterator[str]:
    """``path:place: CODE message`` per finding; ``path: error: message`` when unreadable."""
    if result.analysis is None:
        assert result.error is not None
        yield f"{result.path}: error: {one_line(result.error.message)}"
        return
    if not result.analysis.is_agreement:
        yield f"{result.path}: note: {NOT_AGREEMENT}"
        return
    for f in result.analysis.findings:
        place = concise_place(result.analysis.document, f)
        prefix = f"{result.path}:{place}:" if place else f"{result.path}:"
        yield f"{prefix} {f.code} {one_line(f.message)}"


# ---------------------------------------------------------------- terminal layout

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
LABEL_WIDTH = 9  # "MISSING:" and a space
MAX_WIDTH = 100  # longer lines are hard to read even on a wide terminal


class TextRenderer:
    """Human-readable report for the parent (the default on a terminal)."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.options = options
        tty = bool(getattr(out, "isatty", lambda: False)())
        self.console = Console(
            file=out,
            width=options.width or (None if tty else 80),
            force_terminal=options.color,
            no_color=not options.color,
            color_system="auto" if options.color else None,
            highlight=False,
            markup=False,
            emoji=False,
        )
        self.width = min(self.console.width, MAX_WIDTH)
        self.first = True

    def add(self, result: FileResult) -> None:
        if self.options.concise:
            for line in concise_lines(result):
                self.out.write(line + "\n")
            return
        if not self.first:
            self._print(Text(""))
        self.first = False
        if result.analysis is None:
            self._para(Text(error_line(result), style="bold red"))
        elif not result.analysis.is_agreement:
            self._para(Text(f"{result.path}: {NOT_AGREEMENT}"))
        else:
            self._file(result.path, content(result.analysis))

    def finish(self, summary: Summary) -> None:
        if self.options.concise or summary.files == 0:
            return
        self._print(Text(""))
        if summary.files > 1:
            self._para(Text(totals(summary), style="bold"))
        self._para(Text(DISCLAIMER, style="dim"))

    # -- one file

    def _file(self, path: str, fc: FileContent) -> None:
        self._para(Text(path, style="bold underline"))
        self._para(Text(headline(fc)))
        for p in fc.problems:
            self._print(Text(""))
            self._para(Text(title(p.commitment, fc.document), style="bold"))
            self._para(Text(f'"{clause(p.commitment.text)}"', style="italic"), indent=2)
            facts = "; ".join(f"{name}: {text}" for name, text in stated(p.commitment))
            self._labelled("States:", Text(facts or "nothing beyond the clause itself"))
            self._findings(p.findings, fc.document)
        if fc.general:
            self._print(Text(""))
            self._para(Text("The agreement as a whole", style="bold"))
            self._findings(fc.general, fc.document)

    def _findings(self, findings: list[Finding], document: Document) -> None:
        """Each finding, where it is when it is not a commitment's, and its question."""
        for f, question in asked(findings):
            body = Text(one_line(f.message) + " ")
            body.append(f"({f.code})", style="dim")
            self._labelled(f"{marker(f)}:", body, STYLES.get(f.severity, "bold"))
            if (point := at(f, document)) is not None:
                place, quote = point
                self._labelled("At:", Text(f'{place}: "{quote}"'))
            if question:
                self._labelled("Ask:", Text(question), "bold green")

    # -- layout primitives: every line is wrapped here, never by rich's padding

    def _print(self, text: Text) -> None:
        self.console.print(text, soft_wrap=True, crop=False)

    def _para(self, text: Text, indent: int = 0) -> None:
        self._hang(Text(" " * indent), text)

    def _labelled(self, label: str, body: Text, style: str = "bold") -> None:
        head = Text("  ")
        head.append(label, style=style)
        self._hang(head.append(" " * (LABEL_WIDTH - len(label))), body)

    def _hang(self, head: Text, body: Text) -> None:
        """``head`` then ``body`` wrapped to the width, continuation lines indented."""
        indent = head.cell_len
        lines = body.wrap(self.console, max(20, self.width - indent))
        out = Text()
        for i, line in enumerate(lines):
            out.append_text(head if i == 0 else Text(" " * indent))
            line.rstrip()
            out.append_text(line)
            if i < len(lines) - 1:
                out.append("\n")
        out.rstrip()
        self._print(out)
