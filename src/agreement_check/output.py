"""Runs a batch into a report: progress, baseline filtering, atomic output, exit status."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from agreement_check import batch
from agreement_check.check import FileResult
from agreement_check.errors import UsageError
from agreement_check.model import Analysis, Finding
from agreement_check.report import ReportOptions, Summary, renderer_class

BASELINE_SCHEMA = "agreement-check-baseline/1"


def fingerprint(path: str, finding: Finding) -> str:
    """Stable identity of a finding across re-runs: file name, rule and clause wording."""
    text = re.sub(r"\s+", " ", finding.text).strip().lower()
    key = f"{Path(path).name}\x00{finding.code}\x00{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _read_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != BASELINE_SCHEMA:
            raise ValueError("not an agreement-check baseline")
        return frozenset(data["fingerprints"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc}") from None


def _default_mode() -> int:
    """The mode a plain ``open()`` would give a new file (mkstemp's is always 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it only when the block succeeds."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"{path}: folder {folder} does not exist")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; name a file to write")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@contextmanager
def atomic_writer(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a text file that appears whole or not at all."""
    if path is None:
        yield sys.stdout
        return
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        yield out


def _progress(results: Iterator[FileResult], total: int) -> Iterator[FileResult]:
    """A progress bar on stderr for batches on a terminal; silent otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        job = bar.add_task("check", total=total)
        for result in results:
            yield result
            bar.advance(job)


def _annotate(task: batch.Task, analysis: Analysis, out: Path) -> None:
    """Write the commented copy of the draft (the CLI allows one plain input file only)."""
    from agreement_check.annotate import annotate_docx

    with atomic_path(out) as tmp:
        annotate_docx(task.path, analysis.findings, analysis.document, tmp)


def report(tasks: list[batch.Task], args: argparse.Namespace, color: bool) -> int:
    """Check every task, render the report, and return the exit status."""
    if not tasks:
        raise UsageError("no PDF, DOCX, TXT or MD files found in the given paths")
    known = _read_baseline(args.baseline) if args.baseline else frozenset()
    recorded: list[str] = []
    summary = Summary()
    failing = unreadable = False
    options = ReportOptions(concise=args.concise, color=color)
    with atomic_writer(args.output) as out:
        renderer = renderer_class(args.format)(out, options)
        results = _progress(batch.run(tasks, args.jobs), len(tasks))
        for task, result in zip(tasks, results):
            if result.analysis is not None:
                if known or args.write_baseline:
                    prints = [fingerprint(result.path, f) for f in result.analysis.findings]
                    recorded.extend(prints)
                    result.analysis.findings = [
                        f for f, fp in zip(result.analysis.findings, prints) if fp not in known
                    ]
                failing |= any(task.settings.fails(f.severity) for f in result.analysis.findings)
            else:
                unreadable = True
                print(f"agreement-check: {result.path}: {result.error.message}", file=sys.stderr)
            summary.add(result)
            renderer.add(result)
        renderer.finish(summary)
    if args.annotate is not None and result.analysis is not None:
        _annotate(task, result.analysis, args.annotate)
    if args.write_baseline:
        with atomic_writer(args.write_baseline) as out:
            json.dump({"schema": BASELINE_SCHEMA, "fingerprints": sorted(set(recorded))}, out, indent=1)
            out.write("\n")
    if unreadable:
        return 2
    return 1 if failing and not args.exit_zero else 0
