"""The parent's report: what each vague promise states, what it leaves out, what to ask.

The first half of this module decides the report's *content* (grouping, wording, where a
clause is); the HTML and Markdown formats reuse it so every human-readable format says the
same thing. The second half lays that content out for a terminal or a pipe with rich,
wrapping by hand so that no line ends in padding and none is wider than the console.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console
from rich.text import Text

from agreement_check.check import FileResult
from agreement_check.model import ELEMENT_NAMES, Analysis, Commitment, Document, Finding, Location
from agreement_check.report.base import ReportOptions, Summary

DISCLAIMER = (
    "agreement-check points out what a draft leaves unclear so you can ask about it; "
    "it informs and is not legal advice."
)
NOT_AGREEMENT = "does not look like an agreement; nothing was checked."
CLAUSE_LIMIT = 400  # characters of a quoted clause before it is trimmed

KIND_WORDS: dict[str, str] = {
    "service": "service",
    "comp_ed": "compensatory education",
    "evaluation": "evaluation",
    "meeting": "meeting",
    "payment": "payment",
    "action": "action",
    "parent": "parent's obligation",
}

#: How the report names each stated element, in plain words.
ELEMENT_WORDS: dict[str, str] = {
    "party": "party",
    "service": "what",
    "frequency": "how often",
    "duration": "how long",
    "amount": "how much",
    "start": "from when",
    "end": "until when",
    "deadline": "by when",
    "location": "where",
    "provider": "provided by",
    "payee": "paid to",
    "schedule": "scheduling",
}


# ---------------------------------------------------------------- content (shared)


@dataclass(slots=True)
class Problem:
    """A commitment with the findings on it, in document order."""

    commitment: Commitment
    findings: list[Finding]


@dataclass(slots=True)
class FileContent:
    """Everything the parent's report says about one readable agreement."""

    analysis: Analysis
    problems: list[Problem]
    general: list[Finding]  # findings about the agreement as a whole

    @property
    def document(self) -> Document:
        return self.analysis.document


def content(analysis: Analysis) -> FileContent:
    """Group findings by commitment; findings on no known commitment are document-level."""
    by_id: dict[str, list[Finding]] = {c.id: [] for c in analysis.commitments}
    general: list[Finding] = []
    for f in analysis.findings:
        by_id.get(f.commitment or "", general).append(f)
    problems = [Problem(c, by_id[c.id]) for c in analysis.commitments if by_id[c.id]]
    return FileContent(analysis, problems, general)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def headline(fc: FileContent) -> str:
    """The one line at the top of a file's report."""
    n, m = len(fc.analysis.commitments), len(fc.problems)
    if n == 0:
        line = "No commitments found."
    elif m == 0:
        line = f"{plural(n, 'commitment')} found; none is missing anything."
    else:
        line = f"{plural(n, 'commitment')} found; {m} {'is' if m == 1 else 'are'} missing something."
    if fc.general:
        line += f" {plural(len(fc.general), 'point')} about the agreement as a whole."
    return line


def where(loc: Location) -> str:
    """Where a reader finds a span: "page 2, line 14", "paragraph 7", "line 14"."""
    parts = [
        f"{name} {value}"
        for name, value in (("page", loc.page), ("paragraph", loc.paragraph), ("line", loc.line))
        if value is not None
    ]
    if loc.table is not None and loc.row is not None:
        parts.append(f"table {loc.table + 1}, row {loc.row + 1}")
    return ", ".join(parts)


def has_span(f: Finding) -> bool:
    """Whether a finding points at a place in the text (document-level ones may not)."""
    return f.end > f.start


def title(c: Commitment, document: Document) -> str:
    """How a commitment is named: its clause number as written, its kind and its place."""
    place = where(document.locate(c.start, c.end))
    kind = KIND_WORDS.get(c.kind, c.kind)
    head = f"Clause {c.label.rstrip('.')}: {kind}" if c.label else kind[0].upper() + kind[1:]
    return f"{head}, {place}" if place else head


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def clause(text: str, limit: int = CLAUSE_LIMIT) -> str:
    """The clause on one line, cut at a word boundary when very long."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " ..."


def stated(c: Commitment) -> list[tuple[str, str]]:
    """(plain name, text) of every element the commitment does state, party first.

    A normalised date is shown beside the words it came from when they differ.
    """
    out = [("party", c.party)] if c.party else []
    for name in ELEMENT_NAMES:
        el = c.elements.get(name)
        if el is None:
            continue
        text = one_line(el.text)
        value = el.value
        if isinstance(value, dict) and isinstance(value.get("date"), str) and value["date"] not in text:
            text += f" ({value['date']})"
        out.append((ELEMENT_WORDS.get(name, name), text))
    return out


def marker(f: Finding) -> str:
    """"MISSING" for a finding about an absent term, "PROBLEM" for anything else."""
    return "MISSING" if "missing" in f.name.split("-") else "PROBLEM"


def asked(findings: list[Finding]) -> list[tuple[Finding, str | None]]:
    """Each finding with its question, or None when an earlier one already asks it."""
    seen: set[str] = set()
    out: list[tuple[Finding, str | None]] = []
    for f in findings:
        q = one_line(f.question)
        out.append((f, q if q and q not in seen else None))
        seen.add(q)
    return out


def totals(summary: Summary) -> str:
    """The batch's totals in one line."""
    files = plural(summary.files, "file")
    if summary.errors:
        files += f" ({summary.errors} could not be read)"
    counts = summary.findings
    parts = [
        plural(counts.get("error", 0), "error"),
        plural(counts.get("warning", 0), "warning"),
        plural(counts.get("info", 0), "note"),
    ]
    return f"Checked {files}: {plural(summary.commitments, 'commitment')}; {', '.join(parts)}."


def error_line(result: FileResult) -> str:
    assert result.error is not None
    return f"{result.path}: could not be read: {result.error.message}"


# ---------------------------------------------------------------- concise lines


def concise_place(document: Document, f: Finding) -> str:
    """``page:line``, ``para:N`` or ``line`` (by source format), or "" with no span."""
    if not has_span(f):
        return ""
    loc = document.locate(f.start, f.end)
    if document.format == "pdf" and loc.page is not None:
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
            if f.commitment is None and has_span(f):
                place = where(document.locate(f.start, f.end))
                self._labelled("At:", Text(f'{place}: "{clause(f.text, 160)}"'))
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
