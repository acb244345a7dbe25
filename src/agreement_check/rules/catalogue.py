"""The rule catalogue, ordered by code, and the runner that applies it to one analysis."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from agreement_check.model import Analysis, Finding
from agreement_check.rules import comped, dates, document, elements, language  # noqa: F401  (registers the rules)
from agreement_check.rules.base import REGISTERED, Context, Hit, Rule

CATALOGUE: dict[str, Rule] = {r.code: r for r in sorted(REGISTERED, key=lambda r: r.code)}


def _finding(rule: Rule, hit: Hit, analysis: Analysis) -> Finding:
    c = hit.commitment
    text = c.text if c is not None else analysis.document.text[hit.start : hit.end]
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=hit.message,
        question=rule.question,
        text=text,
        start=hit.start,
        end=hit.end,
        commitment=c.id if c is not None else None,
    )


def run(
    analysis: Analysis,
    select: Callable[[str], bool] | None = None,
    words: Mapping[str, Sequence[str]] | None = None,
) -> list[Finding]:
    """Every selected rule's findings, sorted by position then code.

    ``words`` extends the word lists in ``patterns/`` (say, a district's own hedges). A
    document that is not an agreement gets no document-level findings: a progress report
    has no signature lines to miss.
    """
    ctx = Context(analysis, words or {})
    findings = []
    for code, rule in CATALOGUE.items():
        if select is not None and not select(code):
            continue
        for hit in rule.check(ctx):
            if hit.commitment is None and not analysis.is_agreement:
                continue
            findings.append(_finding(rule, hit, analysis))
    findings.sort(key=lambda f: (f.start, f.code))
    return findings
