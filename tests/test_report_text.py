"""The parent's text report and the --concise line format."""

from __future__ import annotations

import io
import re

import pytest
from test_report_samples import TRICKY, Render, as_format, error_result, letter_result, sample_result

from agreement_check.check import FileResult
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.content import DISCLAIMER, content, marker
from agreement_check.report.text import TextRenderer

ANSI = re.compile(r"\x1b\[[0-9;]*m")



def batch() -> list[FileResult]:
    return [sample_result(), error_result(), letter_result(), as_format(sample_result(), "pdf")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_plain_report_fits_80_columns_without_ansi_or_trailing_spaces(render: Render) -> None:
    long_path = "archive/" + "x" * 100 + ".txt"
    text = render("text", [*batch(), sample_result(long_path), error_result(long_path)])
    assert text.strip()
    assert not ANSI.search(text)
    for line in text.splitlines():
        assert len(line) <= 80, line
        assert line == line.rstrip(), repr(line)


@pytest.mark.parametrize("width", [40, 60, 100])
def test_width_option_is_respected(width: int, render: Render) -> None:
    assert max(len(line) for line in render("text", batch(), width=width).splitlines()) <= width


def test_colour_marks_missing_terms_but_keeps_the_words(render: Render) -> None:
    text = render("text", [sample_result()], color=True)
    assert ANSI.search(text)
    assert "MISSING:" in ANSI.sub("", text)


def test_report_names_each_problem_commitment_what_it_states_what_is_missing_and_what_to_ask(render: Render) -> None:
    result = sample_result()
    analysis = result.analysis
    assert analysis is not None
    text = squash(render("text", [result]))
    fc = content(analysis)
    flagged = {f.commitment for f in analysis.findings if f.commitment}
    assert f"{len(analysis.commitments)} commitments found; {len(flagged)} are missing something" in text
    for c in analysis.commitments:
        shown = f"Clause {c.label.rstrip('.')}:" in text  # type: ignore[union-attr]
        assert shown == (c.id in flagged), c.id
    for f in analysis.findings:
        assert f"{marker(f)}: {f.message} ({f.code})" in text
        assert f"Ask: {f.question}" in text
    assert "how often: twice weekly" in text and "paid to: the Parent" in text
    assert TRICKY in text  # quoted as written, nothing escaped or eaten
    # The document-level findings come after every commitment, under their own heading.
    whole = text.index("The agreement as a whole")
    assert all(text.index(f.message) > whole for f in fc.general)
    assert all(text.index(f.message) < whole for p in fc.problems for f in p.findings)


def test_very_long_clause_is_trimmed(render: Render) -> None:
    text = squash(render("text", [sample_result()]))
    assert "The District will provide reading instruction" in text
    assert "reading program." not in text and "for ..." in text


def test_errors_and_non_agreements_are_one_line_each(render: Render) -> None:
    text = render("text", [error_result(), letter_result()], width=200)
    lines = text.splitlines()
    assert "drafts/scan.pdf: could not be read: the PDF has no text layer (a scan?); run OCR first" in lines
    assert "drafts/letter.txt: does not look like an agreement; nothing was checked." in lines


def test_disclaimer_once_per_report_and_totals_only_for_batches(render: Render) -> None:
    many = squash(render("text", batch()))
    assert many.count(DISCLAIMER) == 1
    assert "Checked 4 files (1 could not be read)" in many
    one = squash(render("text", [sample_result()]))
    assert one.count(DISCLAIMER) == 1 and "Checked" not in one


def test_piped_output_is_plain_even_when_the_stream_is_not_a_terminal() -> None:
    class Pipe(io.StringIO):
        def isatty(self) -> bool:
            return False

    out = Pipe()
    renderer = TextRenderer(out, ReportOptions())
    renderer.add(sample_result())
    renderer.finish(Summary(files=1))
    assert not ANSI.search(out.getvalue()) and max(map(len, out.getvalue().splitlines())) <= 80


CONCISE = {
    "txt": re.compile(r"^drafts/smith\.txt:(\d+:)? AC\d{3} \S.*$"),
    "pdf": re.compile(r"^drafts/smith\.pdf:(\d+:\d+:)? AC\d{3} \S.*$"),
    "docx": re.compile(r"^drafts/smith\.docx:(para:\d+:)? AC\d{3} \S.*$"),
}


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
def test_concise_is_one_line_per_finding_in_the_format_of_the_source(fmt: str, render: Render) -> None:
    result = sample_result() if fmt == "txt" else as_format(sample_result(), fmt)
    assert result.analysis is not None
    lines = render("text", [result], concise=True, color=True).splitlines()
    assert len(lines) == len(result.analysis.findings)
    doc = result.analysis.document
    for line, f in zip(lines, result.analysis.findings):
        assert CONCISE[fmt].match(line), line
        assert line.endswith(f"{f.code} {f.message}")
        if f.end > f.start:
            loc = doc.locate(f.start)
            where = {"txt": f":{loc.line}:", "pdf": f":{loc.page}:{loc.line}:", "docx": f":para:{loc.paragraph}:"}
            assert where[fmt] in line
        else:
            assert line.startswith(f"{result.path}: {f.code} ")


def test_concise_errors_and_no_extras(render: Render) -> None:
    text = render("text", batch(), concise=True)
    assert "drafts/scan.pdf: error: the PDF has no text layer (a scan?); run OCR first\n" in text
    assert DISCLAIMER not in text and "Checked" not in text and not ANSI.search(text)
