"""CSV, SARIF, HTML and Markdown: each parses, escapes what a draft can hold, and says the
same thing as the parent's report."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser

import jsonschema
import pytest
from markdown_it import MarkdownIt
from test_report_samples import TRICKY, Render, as_format, error_result, letter_result, sample_result

from agreement_check.check import FileResult
from agreement_check.report import renderer_class
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.csv import COLUMNS
from agreement_check.report.content import DISCLAIMER, asked, clause, content, stated


def batch() -> list[FileResult]:
    return [sample_result(), error_result(), letter_result(), as_format(sample_result(), "pdf"), as_format(sample_result(), "docx")]


def findings_of(results: list[FileResult]) -> list[tuple[str, object]]:
    return [(r.path, f) for r in results if r.analysis for f in r.analysis.findings]


# ---------------------------------------------------------------- CSV


def test_csv_has_a_row_per_finding_and_per_unreadable_file(render: Render) -> None:
    results = batch()
    rows = list(csv.DictReader(io.StringIO(render("csv", results), newline="")))
    assert tuple(rows[0].keys()) == COLUMNS
    expected = findings_of(results)
    ok = [row for row in rows if row["status"] == "ok"]
    assert [(row["path"], row["code"]) for row in ok] == [(p, f.code) for p, f in expected]  # type: ignore[attr-defined]
    errors = [row for row in rows if row["status"] == "error"]
    assert [(e["path"], e["name"]) for e in errors] == [("drafts/scan.pdf", "no-text")]
    tricky = next(row for row in ok if row["code"] == "AC301")
    assert tricky["text"].startswith(TRICKY) and tricky["kind"] == "service" and tricky["party"] == ""
    assert tricky["question"] == 'Can "as needed" be replaced by a fixed schedule | number?'


def test_csv_location_columns_follow_the_source_format(render: Render) -> None:
    by_path = {}
    for row in csv.DictReader(io.StringIO(render("csv", batch()), newline="")):
        if row["code"] == "AC103":
            by_path[row["path"]] = (row["page"], row["line"], row["paragraph"])
    assert by_path["drafts/smith.txt"] == ("", "6", "")
    assert by_path["drafts/smith.pdf"] == ("1", "6", "")
    assert by_path["drafts/smith.docx"] == ("", "", "6")


def test_csv_streams_rows_as_files_arrive() -> None:
    out = io.StringIO()
    renderer = renderer_class("csv")(out, ReportOptions())
    renderer.add(sample_result())
    written = out.getvalue()
    assert written.count("\n") == 1 + len(sample_result().analysis.findings)  # type: ignore[union-attr]
    renderer.finish(Summary(files=1))
    assert out.getvalue() == written


def csv_rows(source: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(source, newline="")))


def test_csv_has_one_status_row_for_a_clean_file_and_for_a_non_agreement(render: Render) -> None:
    clean = sample_result("drafts/clean.txt")
    clean.analysis.findings.clear()  # type: ignore[union-attr]
    source = render("csv", [clean, letter_result(), sample_result()])
    assert source.splitlines()[0] == ",".join(COLUMNS)
    rows = csv_rows(source)
    by_path: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_path.setdefault(row["path"], []).append(row)
    assert [r["status"] for r in by_path["drafts/clean.txt"]] == ["ok"]
    assert [r["status"] for r in by_path["drafts/letter.txt"]] == ["not-agreement"]
    for row in by_path["drafts/clean.txt"] + by_path["drafts/letter.txt"]:
        assert all(row[c] == "" for c in COLUMNS if c not in ("path", "status")), row
    # a file with findings still has exactly one row per finding and no status-only row
    assert all(r["code"] for r in by_path["drafts/smith.txt"])
    assert len(by_path["drafts/smith.txt"]) == len(sample_result().analysis.findings)  # type: ignore[union-attr]


FORMULAS = ["=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(render: Render, formula: str) -> None:
    result = sample_result(f"{formula}.txt")
    analysis = result.analysis
    assert analysis is not None
    analysis.commitments[0].party = formula
    first = analysis.findings[0]
    first.message, first.question, first.text = formula, formula, formula
    rows = csv_rows(render("csv", [result, error_result(formula)]))
    assert rows[0]["path"] == "'" + result.path
    for column in ("party", "message", "question", "text"):
        assert rows[0][column] == "'" + formula, column
    assert (rows[-1]["status"], rows[-1]["path"]) == ("error", "'" + formula)
    # other cells are as written, including text with a formula character further in
    payment = next(f for f in analysis.findings if f.code == "AC108")
    payment.message = f"Pay {formula}"
    row = next(r for r in csv_rows(render("csv", [result])) if r["code"] == "AC108")
    assert (row["message"], row["text"], row["party"]) == (payment.message, payment.text, "District")


# ---------------------------------------------------------------- SARIF

_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_ARTIFACT_LOCATION = {
    "type": "object",
    "required": ["uri"],
    "additionalProperties": False,
    "properties": {"uri": {"type": "string", "pattern": r"^[^\s\\]+$"}, "index": {"type": "integer", "minimum": 0}},
}
_LOCATION = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation"],
            "additionalProperties": False,
            "properties": {
                "artifactLocation": _ARTIFACT_LOCATION,
                "region": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "startLine": {"type": "integer", "minimum": 1},
                        "charOffset": {"type": "integer", "minimum": 0},
                        "charLength": {"type": "integer", "minimum": 0},
                        "snippet": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                        "properties": {"type": "object"},
                    },
                },
            },
        }
    },
}
#: The part of the SARIF 2.1.0 schema this renderer uses, with its property names fixed.
SARIF_SUBSET = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool"],
                "additionalProperties": False,
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "additionalProperties": False,
                                            "properties": {
                                                "id": {"type": "string"},
                                                "name": {"type": "string"},
                                                "shortDescription": _MESSAGE,
                                                "fullDescription": _MESSAGE,
                                                "help": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {"level": _LEVEL},
                                                },
                                                "properties": {"type": "object"},
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "invocations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["executionSuccessful"],
                            "additionalProperties": False,
                            "properties": {
                                "executionSuccessful": {"type": "boolean"},
                                "toolExecutionNotifications": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["message"],
                                        "additionalProperties": False,
                                        "properties": {
                                            "level": _LEVEL,
                                            "message": _MESSAGE,
                                            "descriptor": {"type": "object", "properties": {"id": {"type": "string"}}},
                                            "locations": {"type": "array", "items": _LOCATION},
                                        },
                                    },
                                },
                            },
                        },
                    },
                    "artifacts": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"location": _ARTIFACT_LOCATION}},
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "additionalProperties": False,
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": _LEVEL,
                                "message": _MESSAGE,
                                "locations": {"type": "array", "minItems": 1, "items": _LOCATION},
                                "properties": {"type": "object"},
                            },
                        },
                    },
                },
            },
        },
    },
}


Sarif = Callable[[list[FileResult]], dict]


@pytest.fixture
def sarif(render: Render) -> Sarif:
    """``sarif(results)``: the SARIF log for ``results``, checked against SARIF_SUBSET."""

    def log(results: list[FileResult]) -> dict:
        parsed = json.loads(render("sarif", results))
        jsonschema.validate(parsed, SARIF_SUBSET)
        return parsed

    return log


def test_sarif_validates_and_describes_every_catalogue_rule(sarif: Sarif) -> None:
    from agreement_check.rules import CATALOGUE

    run = sarif(batch())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules) == sorted(CATALOGUE)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for r in rules:
        assert r["defaultConfiguration"]["level"] == levels[CATALOGUE[r["id"]].severity]
        assert CATALOGUE[r["id"]].question in r["help"]["text"]


def test_sarif_results_point_at_the_clause(sarif: Sarif) -> None:
    results = batch()
    run = sarif(results)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    expected = findings_of(results)
    assert len(run["results"]) == len(expected)
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    for res, (path, f) in zip(run["results"], expected):
        assert res["ruleId"] == f.code  # type: ignore[attr-defined]
        if "ruleIndex" in res:
            assert rules[res["ruleIndex"]]["id"] == f.code  # type: ignore[attr-defined]
        physical = res["locations"][0]["physicalLocation"]
        assert uris[physical["artifactLocation"]["index"]] == path
        assert f.message in res["message"]["text"] and f.question in res["message"]["text"]  # type: ignore[attr-defined]
        if f.end > f.start:  # type: ignore[attr-defined]
            region = physical["region"]
            assert (region["charOffset"], region["charLength"]) == (f.start, f.end - f.start)  # type: ignore[attr-defined]
            assert region["snippet"]["text"] == f.text  # type: ignore[attr-defined]
        else:
            assert "region" not in physical
    docx_103 = next(
        r for r, (p, f) in zip(run["results"], expected) if p.endswith(".docx") and f.code == "AC103"  # type: ignore[attr-defined]
    )
    assert docx_103["locations"][0]["physicalLocation"]["region"]["startLine"] == 6  # paragraph 6


def test_sarif_reports_unreadable_files_and_non_agreements_as_notifications(sarif: Sarif) -> None:
    invocation = sarif(batch())["runs"][0]["invocations"][0]
    notes = {
        (n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for n in invocation["toolExecutionNotifications"]
    }
    assert notes == {("error", "drafts/scan.pdf"), ("note", "drafts/letter.txt")}
    assert invocation["executionSuccessful"] is False
    assert sarif([sample_result()])["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_uris_are_encoded(sarif: Sarif) -> None:
    run = sarif([sample_result("my drafts/smith #2.txt"), sample_result("/abs/a b.txt")])["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["my%20drafts/smith%20%232.txt", "file:///abs/a%20b.txt"]


# ---------------------------------------------------------------- HTML

VOID = {"meta", "br", "hr", "img", "link", "input"}


class Page(HTMLParser):
    """Checks that tags nest, and collects the visible text and any external references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self.in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.text.append(data)


def parse_html(source: str) -> Page:
    page = Page()
    page.feed(source)
    page.close()
    assert page.stack == []
    return page


def test_html_is_one_self_contained_accessible_page(render: Render) -> None:
    source = render("html", batch())
    page = parse_html(source)
    tags = [t for t, _ in page.tags]
    assert tags[0] == "html" and dict(page.tags[0][1])["lang"] == "en"
    assert not {"script", "link", "img", "iframe"} & set(tags)
    assert "http" not in source.replace("https://json", "")  # no external asset
    assert tags.count("h1") == 1 and tags.count("h2") == len(batch())
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))
    text = " ".join("".join(page.text).split())
    assert text.count(DISCLAIMER) == 1


def test_html_escapes_draft_text_and_shows_it_as_written(render: Render) -> None:
    result = sample_result()
    source = render("html", [result])
    assert "<Student>" not in source and "&lt;Student&gt; &amp; family" in source
    text = " ".join(unescape("".join(parse_html(source).text)).split())
    assert TRICKY in text
    for f in result.analysis.findings:  # type: ignore[union-attr]
        assert f.message in text and f.question in text


# ---------------------------------------------------------------- Markdown


def test_markdown_renders_draft_text_as_written(render: Render) -> None:
    result = sample_result()
    source = render("markdown", [result])
    page = parse_html(MarkdownIt("commonmark").enable("table").render(source))
    text = " ".join("".join(page.text).split())
    assert clause(result.analysis.commitments[1].text) in text  # type: ignore[union-attr]
    for _, q in asked(result.analysis.findings):  # type: ignore[union-attr]
        assert q is None or q in text
    # one table of stated terms per flagged commitment that states any
    problems = content(result.analysis).problems  # type: ignore[arg-type]
    assert [t for t, _ in page.tags].count("table") == sum(1 for p in problems if stated(p.commitment))


def test_markdown_table_cells_keep_their_pipes(render: Render) -> None:
    result = sample_result()
    c = result.analysis.commitments[0]  # type: ignore[union-attr]
    c.elements["provider"] = type(c.elements["frequency"])("District SLP | contractor", 0, 0)  # type: ignore[misc]
    html = MarkdownIt("commonmark").enable("table").render(render("markdown", [result]))
    assert "<td>District SLP | contractor</td>" in html
    assert all(row.count("<td>") == 2 for row in html.split("<tr>")[1:] if "<td>" in row)


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_errors_and_non_agreements_are_reported(fmt: str, render: Render) -> None:
    out = render(fmt, [error_result(), letter_result()])
    assert "Could not be read" in out and "run OCR first" in out
    assert "does not look like an agreement" in out
    assert "Checked 2 files (1 could not be read)" in out
