"""report.content: what every human-readable format says, decided once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_report_formats import parse_html
from test_report_samples import Render, as_format, sample_result

from agreement_check.extract import from_string
from agreement_check.nlp import analyze
from agreement_check.report.content import at, stated

SRC = Path(__file__).resolve().parent.parent / "src" / "agreement_check"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports from, relative imports resolved against its package."""
    package = path.relative_to(SRC.parent).with_suffix("").parts[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            out.add(".".join([*base, *(node.module or "").split(".")]).strip("."))
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return out


def test_no_module_takes_report_content_from_the_terminal_renderer() -> None:
    text = SRC / "report" / "text.py"
    users = [p.relative_to(SRC) for p in SRC.rglob("*.py") if p != text and "agreement_check.report.text" in imported_modules(p)]
    assert users == []


#: Where the sample's date line (line 3 of the text) is, by the format it came from.
DATE_LINE = {"txt": "line 3", "pdf": "page 1, line 3", "docx": "paragraph 3"}


@pytest.mark.parametrize("fmt", sorted(DATE_LINE))
def test_a_document_level_finding_is_placed_alike_in_every_human_format(fmt: str, render: Render) -> None:
    result = sample_result() if fmt == "txt" else as_format(sample_result(), fmt)
    analysis = result.analysis
    assert analysis is not None
    points = {f.code: at(f, analysis.document) for f in analysis.findings}
    assert points["AC502"] == (DATE_LINE[fmt], "March 4, 2025")
    assert points["AC402"] is None  # a missing signature line is nowhere
    assert all(points[f.code] is None for f in analysis.findings if f.commitment)  # quoted under its clause
    place, quote = points["AC502"]

    text = " ".join(render("text", [result]).split())
    html = " ".join("".join(parse_html(render("html", [result])).text).split())
    markdown = MarkdownIt("commonmark").render(render("markdown", [result]))
    markdown = " ".join("".join(parse_html(markdown).text).split())
    for shown, expected in ((text, f'At: {place}: "{quote}"'), (html, f"At {place}: “{quote}”"), (markdown, f"At {place}: “{quote}”")):
        assert expected in shown and len(re.findall(r"\bAt:? ", shown)) == 1


def test_stated_terms_read_as_plain_words() -> None:
    """The provider's "by" is already in its label: "provided by: a licensed SLP"."""
    (award,) = analyze(from_string(
        "AGREEMENT\n\n1. The District will provide 10 hours of compensatory reading instruction, "
        "delivered by a licensed reading specialist in 60-minute sessions weekly, by June 1, 2026.\n"
    )).commitments
    assert ("provided by", "a licensed reading specialist") in stated(award)
