"""What the parent's report says, whatever the format lays it out in.

Grouping findings by commitment, naming each clause and where it is, what a commitment
states, what to ask, the headline, the batch totals and the disclaimer are decided here
once, so that the terminal, HTML and Markdown reports say the same thing and the machine
formats and the annotated copy share the same small text helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agreement_check.model import ELEMENT_NAMES, Analysis, Commitment, Document, Finding, Location
from agreement_check.report.base import Summary

DISCLAIMER = (
    "agreement-check points out what a draft leaves unclear so you can ask about it; "
    "it informs and is not legal advice."
)
NOT_AGREEMENT = "does not look like an agreement; nothing was checked."
CLAUSE_LIMIT = 400  # characters of a quoted clause before it is trimmed
QUOTE_LIMIT = 160  # characters quoted after the place of a document-level finding

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


def at(f: Finding, document: Document) -> tuple[str, str] | None:
    """(place, quoted words) for a document-level finding that points at the text.

    A commitment's finding needs none (its clause is quoted under the clause's title), nor
    does one with no span (a missing signature line is nowhere).
    """
    if f.commitment is not None or not has_span(f):
        return None
    return where(document.locate(f.start, f.end)), clause(f.text, QUOTE_LIMIT)


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
        if name == "provider" and text.lower().startswith("by "):
            text = text[3:]  # "provided by: a licensed SLP", not "provided by: by a licensed SLP"
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
