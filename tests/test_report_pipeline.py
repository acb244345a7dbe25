"""Every report format, and the annotated copy, on what the whole pipeline finds in the
rendered samples (TXT, DOCX and PDF of the same agreements)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
import pytest
from test_report_formats import SARIF_SUBSET, parse_html
from test_report_samples import Render

from agreement_check.annotate import annotate_docx
from agreement_check.check import FileResult, check_path
from agreement_check.config import Settings
from agreement_check.report.content import content

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "samples").glob("sample-*.*"))


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    return [check_path(p, Settings()) for p in SAMPLES]



def test_the_samples_give_findings_to_report(results: list[FileResult]) -> None:
    assert len(SAMPLES) >= 6 and all(r.analysis and r.analysis.findings for r in results)


def test_text_report_quotes_every_flagged_clause_in_80_columns(results: list[FileResult], render: Render) -> None:
    text = render("text", results)
    assert "\x1b" not in text and max(len(line) for line in text.splitlines()) <= 80
    flat = " ".join(text.split())
    for r in results:
        assert r.analysis is not None
        for p in content(r.analysis).problems:
            opening = " ".join(p.commitment.text.split()[:6])
            assert f'"{opening}' in flat, opening
            for f in p.findings:
                assert f"({f.code})" in flat


def test_concise_has_one_line_per_finding_located_by_source_format(results: list[FileResult], render: Render) -> None:
    lines = render("text", results, concise=True).splitlines()
    assert len(lines) == sum(len(r.analysis.findings) for r in results if r.analysis)
    shapes = {".txt": r":\d+: AC\d{3} ", ".pdf": r":\d+:\d+: AC\d{3} ", ".docx": r":para:\d+: AC\d{3} "}
    for line in lines:
        path = line.split(":", 1)[0]
        assert re.search(re.escape(path) + f"(?:{shapes[Path(path).suffix]}|: AC\\d{{3}} )", line), line


def test_machine_formats_carry_every_finding(results: list[FileResult], render: Render) -> None:
    import jsonschema

    total = sum(len(r.analysis.findings) for r in results if r.analysis)
    assert len(list(csv.DictReader(io.StringIO(render("csv", results), newline="")))) == total
    log = json.loads(render("sarif", results))
    jsonschema.validate(log, SARIF_SUBSET)
    assert len(log["runs"][0]["results"]) == total
    page = parse_html(render("html", results))
    assert sum(1 for t, a in page.tags if t == "li" and a.get("class") in ("error", "warning", "info")) == total


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
def test_annotated_copy_has_one_comment_per_finding(tmp_path: Path, results: list[FileResult], suffix: str) -> None:
    path, result = next((p, r) for p, r in zip(SAMPLES, results) if p.suffix == suffix)
    assert result.analysis is not None
    out = tmp_path / "notes.docx"
    annotate_docx(path, result.analysis.findings, result.analysis.document, out)
    word = docx.Document(str(out))
    ids = {int(e.get(qn("w:id"))) for e in word.element.body.iter(qn("w:commentReference"))}
    ours = [word.comments.get(i) for i in ids]
    assert sum(1 for c in ours if c is not None and c.author == "agreement-check") == len(result.analysis.findings)
