"""Keep the README's terminal capture of the bundled sample true to the tool's output.

Usage: python scripts/readme_capture.py [--check]

Runs ``agreement-check fixtures/samples/sample-mediation.pdf`` as a parent would see it in
an 80-column terminal without colour, and writes that output into the README's capture
block (the ```text block that starts with the command). With ``--check`` it writes
nothing and exits 1, with a diff, when the README is out of date.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLE = "fixtures/samples/sample-mediation.pdf"
COMMAND = f"$ agreement-check {SAMPLE}"


def capture() -> list[str]:
    """The report as an 80-column terminal without colour shows it."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "agreement_check", SAMPLE],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if run.returncode not in (0, 1):  # 1: findings at or above --fail-on, as expected here
        raise SystemExit(f"readme_capture: agreement-check failed: {run.stderr.strip()}")
    return [COMMAND, *run.stdout.rstrip("\n").split("\n")]


def block(lines: list[str]) -> tuple[int, int]:
    """Line indexes of the capture block's first and last lines (inside the fences)."""
    start = lines.index(COMMAND)
    if lines[start - 1] != "```text":
        raise SystemExit("readme_capture: the capture block must open with ```text")
    return start, lines.index("```", start) - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the README is current")
    args = parser.parse_args()
    lines = README.read_text(encoding="utf-8").split("\n")
    first, last = block(lines)
    old, new = lines[first : last + 1], capture()
    if old == new:
        return 0
    if args.check:
        sys.stdout.writelines(difflib.unified_diff(
            [f"{line}\n" for line in old], [f"{line}\n" for line in new], "README.md", "agreement-check",
        ))
        return 1
    README.write_text("\n".join(lines[:first] + new + lines[last + 1 :]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
