"""The README's promises hold: CI runs its test command, and its sample exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_exactly_two_setup_commands():
    assert len(_setup_commands()) == 2


def test_ci_runs_the_readme_test_command():
    test_command = _setup_commands()[1]
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_sample_is_bundled():
    run_command = _setup_commands()[0]
    sample = re.search(r"(fixtures/\S+)", run_command).group(1)
    assert (ROOT / sample).is_file()


def test_every_pattern_file_is_explained_to_advocates():
    patterns = ROOT / "patterns"
    guide = (patterns / "README.md").read_text(encoding="utf-8")
    data = sorted(p.name for p in patterns.iterdir() if p.suffix in {".txt", ".jsonl"})
    assert data and [name for name in data if f"`{name}`" not in guide] == []


def test_ci_installs_tesseract_before_the_readme_test_command():
    """The OCR tests need the Tesseract program, which pip cannot install."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = re.search(r"command -v tesseract.*?apt-get update && .*?apt-get install -y .*?tesseract-ocr", ci, re.S)
    assert install and install.end() < ci.index(_setup_commands()[1])


def test_readme_says_scans_need_tesseract_outside_the_setup_commands():
    assert "apt-get install tesseract-ocr" in README
    assert not any("tesseract" in command for command in _setup_commands())


def test_readme_lists_every_input_error_code():
    raised = {
        code
        for path in (ROOT / "src").rglob("*.py")
        for code in re.findall(r'InputError\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8"))
    }
    listed = README.split("`error` object whose `code` is one of", 1)[1].split(". ", 1)[0]
    assert raised and raised == set(re.findall(r"`([a-z-]+)`", listed))


def test_readme_capture_is_what_the_tool_prints_today():
    """The README's terminal capture of the bundled sample matches a fresh run; after an
    engine change, `python scripts/readme_capture.py` rewrites it."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_capture.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
