"""The command line as a user meets it: exit status, one-line errors, formats, batches, config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from agreement_check.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "fixtures" / "samples"
BAD = ROOT / "fixtures" / "bad"
SAMPLE = SAMPLES / "sample-mediation.txt"
SCHEMA = json.loads(
    (ROOT / "src" / "agreement_check" / "schema" / "agreement-check-1.schema.json").read_text(encoding="utf-8")
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "agreement_check", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        cwd=ROOT,
        timeout=300,
    )


def check_json(capsys, *args: str) -> tuple[int, dict]:
    status = main(["--format", "json", *args])
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    return status, report


BAD_CASES = {
    "empty.txt": ("empty", "the file is empty"),
    "empty.pdf": ("empty", "the file is empty"),
    "truncated.pdf": ("corrupt-pdf", "not a readable PDF"),
    "not-a-pdf.pdf": ("corrupt-pdf", "not a readable PDF"),
    "encrypted.pdf": ("encrypted-pdf", "password-protected"),
    "scanned.pdf": ("no-text", "no text layer"),
    "corrupt.docx": ("corrupt-docx", "not a valid Word document"),
    "broken.docx": ("corrupt-docx", "not a valid Word document"),
    "latin1.txt": ("bad-encoding", "not valid UTF-8"),
    "unsupported.rtf": ("unsupported-format", "unsupported file type '.rtf'"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_gives_one_line_naming_the_file_and_exit_2(name):
    path = BAD / name
    code, words = BAD_CASES[name]
    proc = run("--format", "json", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"agreement-check: {path}: ") and words.lower() in lines[0].lower()
    assert "Traceback" not in proc.stderr + proc.stdout
    (entry,) = json.loads(proc.stdout)["files"]
    assert entry["status"] == "error" and entry["error"]["code"] == code


def test_missing_file_is_a_clear_error():
    proc = run("no/such/draft.pdf")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "agreement-check: no/such/draft.pdf: no such file"


def test_batch_reports_readable_files_despite_a_bad_one(capsys):
    status, report = check_json(capsys, str(BAD / "truncated.pdf"), str(SAMPLE))
    assert status == 2
    bad, good = report["files"]
    assert bad["status"] == "error" and bad["error"]["code"] == "corrupt-pdf"
    assert good["status"] == "ok" and good["commitments"]
    assert report["summary"]["files"] == 2 and report["summary"]["errors"] == 1


LOCATION_KEYS = {"txt": {"line"}, "docx": {"paragraph"}, "pdf": {"page", "line"}}


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_json_output_follows_the_contract(capsys, suffix):
    from agreement_check.extract import load

    path = SAMPLE.with_suffix(f".{suffix}")
    _, report = check_json(capsys, str(path))
    (entry,) = report["files"]
    text = load(path).text
    assert report["schema"] == "agreement-check/1"
    assert entry["status"] == "ok" and entry["error"] is None
    assert (entry["pages"] is not None) == (suffix == "pdf")
    assert entry["commitments"] and entry["findings"]
    for c in entry["commitments"]:
        loc = c["location"]
        assert LOCATION_KEYS[suffix] <= loc.keys()
        assert text[loc["start"] : loc["end"]] == c["text"]
    ids = {c["id"] for c in entry["commitments"]}
    for f in entry["findings"]:
        loc = f["location"]
        if f["commitment"] is not None:
            assert f["commitment"] in ids and LOCATION_KEYS[suffix] <= loc.keys()
        elif loc["end"] == loc["start"]:  # about the whole document: no invented place
            assert loc.keys() == {"start", "end"}
    assert report["summary"]["commitments"] == len(entry["commitments"])


def test_jsonl_streams_one_line_per_file_then_a_summary(capsys):
    main(["--format", "jsonl", str(SAMPLE), str(BAD / "empty.txt")])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("path") for line in lines[:2]] == [str(SAMPLE), str(BAD / "empty.txt")]
    assert lines[2]["summary"]["files"] == 2


def test_output_file_is_written_whole_and_stdout_stays_empty(tmp_path, capsys):
    out = tmp_path / "report.json"
    main(["--format", "json", "-o", str(out), str(SAMPLE)])
    assert capsys.readouterr().out == ""
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SCHEMA)
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    proc = run("-o", str(tmp_path / "nope" / "r.json"), str(SAMPLE))
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_folders_and_zip_archives_are_read_in_a_stable_order(tmp_path, capsys):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLE, "b/sample.txt")
        zf.write(SAMPLES / "sample-resolution.txt", "a/resolution.txt")
        zf.writestr("notes.json", "{}")
    _, report = check_json(capsys, str(archive))
    assert [f["path"] for f in report["files"]] == [f"{archive}/a/resolution.txt", f"{archive}/b/sample.txt"]
    assert all(f["status"] == "ok" for f in report["files"])


def test_parallel_jobs_give_the_same_report(capsys):
    _, one = check_json(capsys, str(SAMPLES))
    _, two = check_json(capsys, "--jobs", "2", str(SAMPLES))
    assert one == two and len(one["files"]) >= 6


def test_exit_status_follows_fail_on_and_exit_zero(capsys):
    _, report = check_json(capsys, str(SAMPLE))
    severities = {f["severity"] for f in report["files"][0]["findings"]}
    assert "error" in severities
    assert main(["--format", "json", str(SAMPLE)]) == 1
    assert main(["--format", "json", "--exit-zero", str(SAMPLE)]) == 0
    assert main(["--format", "json", "--select", "AC107", "--fail-on", "error", str(SAMPLE)]) == 0
    capsys.readouterr()


def test_select_and_ignore_take_codes_and_prefixes(capsys):
    _, report = check_json(capsys, "--select", "AC1,AC3", "--ignore", "AC107", str(SAMPLE))
    codes = {f["code"] for f in report["files"][0]["findings"]}
    assert codes and all(c.startswith(("AC1", "AC3")) and c != "AC107" for c in codes)


def test_unknown_rule_code_is_a_usage_error(capsys):
    assert main(["--select", "AC999", str(SAMPLE)]) == 2
    assert "AC999" in capsys.readouterr().err


def test_config_file_is_found_by_walking_up(tmp_path, capsys):
    (tmp_path / "agreement-check.toml").write_text('ignore = ["AC1"]\nfail-on = "info"\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    draft = sub / "draft.txt"
    draft.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    status, report = check_json(capsys, str(draft))
    codes = {f["code"] for f in report["files"][0]["findings"]}
    assert codes and not any(c.startswith("AC1") for c in codes)
    assert status == 1


def test_pyproject_table_and_bad_config(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.agreement-check]\nselect = ["AC4"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _, report = check_json(capsys, str(draft))
    assert all(f["code"].startswith("AC4") for f in report["files"][0]["findings"])
    (tmp_path / "agreement-check.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    assert main([str(draft)]) == 2
    assert "fail-on" in capsys.readouterr().err


def test_baseline_hides_known_findings(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    _, first = check_json(capsys, "--write-baseline", str(baseline), str(SAMPLE))
    assert first["files"][0]["findings"]
    status, second = check_json(capsys, "--baseline", str(baseline), str(SAMPLE))
    assert second["files"][0]["findings"] == [] and status == 0


def test_version_and_plain_text_when_piped():
    assert run("--version").stdout.startswith("agreement-check ")
    proc = run(str(SAMPLE))
    assert proc.returncode == 1 and "\x1b[" not in proc.stdout
    assert "legal advice" in proc.stdout.lower()


def test_annotate_writes_one_word_comment_per_finding(tmp_path, capsys):
    import docx

    out = tmp_path / "commented.docx"
    _, report = check_json(capsys, "--annotate", str(out), str(SAMPLE.with_suffix(".docx")))
    findings = report["files"][0]["findings"]
    assert findings and len(list(docx.Document(str(out)).comments)) == len(findings)


def test_annotate_needs_one_file_and_a_docx_name(tmp_path, capsys):
    assert main(["--annotate", str(tmp_path / "x.pdf"), str(SAMPLE)]) == 2
    assert main(["--annotate", str(tmp_path / "x.docx"), str(SAMPLES)]) == 2
    assert "--annotate" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_rules_lists_every_code_and_explain_shows_one(capsys):
    from agreement_check.rules import CATALOGUE

    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert all(code in listing for code in CATALOGUE)
    # every line but a rule's head is its indented summary, with no trailing spaces
    assert all(line.startswith(("AC", "      ")) and line == line.rstrip() for line in listing.splitlines())
    assert main(["explain", "ac103"]) == 0
    text = capsys.readouterr().out
    assert "AC103" in text and CATALOGUE["AC103"].question in text.replace("\n", " ")
    assert main(["explain", "AC999"]) == 2


def test_an_output_path_never_overwrites_an_input(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = draft.read_bytes()
    for option in ("-o", "--write-baseline"):
        assert main([option, str(draft), str(draft)]) == 2
    assert main(["--annotate", str(SAMPLE.with_suffix(".docx")), str(SAMPLE.with_suffix(".docx"))]) == 2
    assert draft.read_bytes() == before
    assert "being checked" in capsys.readouterr().err


def test_output_into_a_folder_is_refused_before_checking(tmp_path):
    proc = run("-o", str(tmp_path), str(SAMPLE))
    assert proc.returncode == 2 and "is a folder" in proc.stderr and "Traceback" not in proc.stderr


def test_report_file_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "r.json"
    run("--format", "json", "-o", str(out), str(SAMPLE))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ('select = ["AC999"]\n', "AC999"),
        ('[words]\nnot_a_list = ["x"]\n', "not_a_list"),
        ('[words]\nplace_preps = ["alongside"]\n', "engine's grammar"),  # built into a regex at load
    ],
)
def test_config_mistakes_are_usage_errors_not_silence(tmp_path, capsys, config, words):
    (tmp_path / "agreement-check.toml").write_text(config, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([str(draft)]) == 2
    assert words in capsys.readouterr().err


def test_config_words_extend_a_pattern_list(tmp_path, capsys):
    clause = "1. The District will provide speech therapy twice weekly for 30 minutes in the speech room, beginning March 3, 2025 and ending May 30, 2025, once the budget is settled.\n"
    draft = tmp_path / "draft.txt"
    draft.write_text("MEDIATION AGREEMENT\n\n" + clause, encoding="utf-8")
    _, plain = check_json(capsys, "--select", "AC301", str(draft))
    (tmp_path / "agreement-check.toml").write_text('[words]\nhedges = ["once the budget is settled"]\n', encoding="utf-8")
    _, extended = check_json(capsys, "--select", "AC301", str(draft))
    assert [f["code"] for f in plain["files"][0]["findings"]] == []
    assert [f["code"] for f in extended["files"][0]["findings"]] == ["AC301"]


def test_a_text_too_long_for_an_agreement_is_refused_and_the_batch_goes_on(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    huge.write_text("The District will provide speech therapy weekly.\n" * 20_000, encoding="utf-8")
    status, report = check_json(capsys, str(huge), str(SAMPLE))
    assert status == 2
    assert report["files"][0]["error"]["code"] == "too-large"
    assert report["files"][1]["status"] == "ok"


def test_archive_edge_cases_are_named_and_never_escape(tmp_path, capsys):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(SAMPLE, "sample.txt")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "inner.zip")
        zf.write(SAMPLE, "../evil.txt")
    status, report = check_json(capsys, str(outer), str(tmp_path / "missing.zip"))
    assert status == 2
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[f"{outer}/evil.txt"]["status"] == "ok"
    assert by_path[f"{outer}/inner.zip"]["error"]["code"] == "nested-archive"
    assert by_path[f"{tmp_path / 'missing.zip'}"]["error"]["code"] == "not-found"


def test_more_jobs_than_files_is_fine(capsys):
    _, one = check_json(capsys, str(SAMPLE))
    _, many = check_json(capsys, "--jobs", "16", str(SAMPLE))
    assert one == many


def test_a_closed_pipe_is_not_reported_as_success():
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"'{sys.executable}' -m agreement_check --format json '{SAMPLES}' | head -c 10 >/dev/null"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 141 and "Traceback" not in proc.stderr


def test_a_failure_inside_the_engine_costs_one_file_not_the_batch(monkeypatch, capsys):
    import agreement_check.nlp as nlp

    real = nlp.analyze

    def analyze(document, words=None):
        if document.path.endswith("sample-resolution.txt"):
            raise ZeroDivisionError("boom")
        return real(document, words)

    monkeypatch.setattr(nlp, "analyze", analyze)
    status, report = check_json(capsys, str(SAMPLES / "sample-resolution.txt"), str(SAMPLE))
    assert status == 2
    bad, good = report["files"]
    assert bad["error"]["code"] == "internal-error" and "ZeroDivisionError: boom" in bad["error"]["message"]
    assert good["status"] == "ok"


def test_a_failure_while_reading_a_file_costs_that_file_not_the_batch(monkeypatch, capsys):
    from agreement_check import extract

    real = extract.load

    def load(path):
        if str(path).endswith("sample-resolution.txt"):
            raise KeyError("boom")
        return real(path)

    monkeypatch.setattr(extract, "load", load)
    status, report = check_json(capsys, str(SAMPLES / "sample-resolution.txt"), str(SAMPLE))
    assert status == 2
    bad, good = report["files"]
    assert bad["error"]["code"] == "internal-error"
    assert bad["error"]["message"].startswith("internal error while reading this file (KeyError: 'boom')")
    assert good["status"] == "ok"
