"""Command line: ``agreement-check PATH...`` plus ``rules``, ``explain`` and ``eval``.

Exit status: 0 when nothing is at or above ``--fail-on``; 1 when something is; 2 for a
usage error or any input that could not be read (the readable ones are still reported).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from agreement_check import __version__
from agreement_check.config import rule_codes
from agreement_check.errors import UsageError
from agreement_check.report import FORMATS

COMMANDS = ("rules", "explain", "eval")


def _check_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="agreement-check",
        description=(
            "Flag the promises in a draft special-education agreement that are too vague "
            "to enforce. Other commands: 'agreement-check rules', "
            "'agreement-check explain CODE', 'agreement-check eval FOLDER'."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="PDF, DOCX, TXT or MD files, folders, or .zip archives")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="report format (default: text)")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write the report to PATH instead of the terminal")
    p.add_argument("--annotate", type=Path, metavar="OUT.docx", help="also write a copy of the draft with each finding as a Word comment (one input file)")
    p.add_argument("--concise", action="store_true", help="text format: one line per finding, path:page:line: CODE message")
    p.add_argument("--select", metavar="CODES", help="only these rules: comma-separated codes or prefixes (AC1,AC301)")
    p.add_argument("--ignore", metavar="CODES", help="skip these rules: comma-separated codes or prefixes")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that makes the exit status 1 (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported (2 still means unreadable input)")
    p.add_argument("--config", type=Path, metavar="PATH", help="read settings from this TOML file instead of searching for one")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="hide findings recorded in this baseline file")
    p.add_argument("--write-baseline", type=Path, metavar="FILE", help="record every current finding in FILE")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N worker processes (default: 1)")
    p.add_argument("--version", action="version", version=f"agreement-check {__version__}")
    return p


def _codes(raw: str | None) -> tuple[str, ...] | None:
    return None if raw is None else rule_codes(raw.split(","), "")


def _use_color(stream: object) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def _refuse_overwriting_inputs(tasks: list, outputs: list[Path | None]) -> None:
    """An output path that names an input would destroy the draft being checked."""
    inputs = {t.path.resolve() for t in tasks if t.path.is_file()}
    for out in outputs:
        if out is not None and out.resolve() in inputs:
            raise UsageError(f"{out}: is one of the files being checked; choose another output path")


def run_check(argv: Sequence[str]) -> int:
    from agreement_check import batch, output
    from agreement_check.config import settings_for

    args = _check_parser().parse_args(argv)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    single = Path(args.paths[0])
    if args.annotate is not None and (
        args.annotate.suffix.lower() != ".docx" or len(args.paths) != 1 or single.is_dir() or single.suffix.lower() == ".zip"
    ):
        raise UsageError("--annotate takes one input file and an output path ending in .docx")
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: config file not found")
    overrides = {
        "select": _codes(args.select),
        "ignore": _codes(args.ignore),
        "fail_on": args.fail_on,
    }
    targets = [(Path(p), settings_for(Path(p), args.config, overrides)) for p in args.paths]
    tasks = list(batch.expand(targets))
    _refuse_overwriting_inputs(tasks, [args.output, args.annotate, args.write_baseline])
    return output.report(tasks, args, color=args.output is None and _use_color(sys.stdout))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            from agreement_check import commands

            return getattr(commands, f"cmd_{argv[0]}")(argv[1:])
        return run_check(argv)
    except UsageError as exc:
        print(f"agreement-check: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("agreement-check: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away before the report ended: say so the way a
        # shell does (128 + SIGPIPE) rather than claim a result nobody saw.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
