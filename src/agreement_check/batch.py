"""Finds the files behind the paths a user names and checks them, in order, in parallel.

Directories are walked recursively and ``.zip`` archives are read in place; both yield
only the formats the tool reads. Results come back in input order whatever ``jobs`` is,
so reports are deterministic, and one bad file never stops the others.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from agreement_check.check import FileResult, check_path
from agreement_check.config import Settings
from agreement_check.errors import InputError
from agreement_check.extract import SUFFIXES


@dataclass(frozen=True, slots=True)
class Task:
    """One file to check: on disk, a member of a zip archive, or one known to be unreadable."""

    display: str
    path: Path
    settings: Settings
    member: str | None = None
    error: InputError | None = None


def _member_display(archive: Path, name: str) -> str:
    """How an archive member is named in reports: no "..", no leading "/"."""
    parts = [p for p in PurePosixPath(name).parts if p not in ("/", ".", "..")]
    return f"{archive}/{'/'.join(parts)}"


def _zip_members(archive: Path, settings: Settings) -> Iterator[Task]:
    try:
        with zipfile.ZipFile(archive) as zf:
            names = sorted(
                n
                for n in zf.namelist()
                if not n.endswith("/") and not PurePosixPath(n).name.startswith(("._", "~$"))
            )
    except FileNotFoundError:
        yield Task(str(archive), archive, settings, error=InputError("not-found", "no such file"))
        return
    except (zipfile.BadZipFile, OSError):
        yield Task(str(archive), archive, settings, error=InputError("corrupt-zip", "not a readable zip archive"))
        return
    for name in names:
        suffix = PurePosixPath(name).suffix.lower()
        display = _member_display(archive, name)
        if suffix == ".zip":
            nested = InputError("nested-archive", "a zip inside a zip; unzip the outer archive first")
            yield Task(display, archive, settings, member=name, error=nested)
        elif suffix in SUFFIXES:
            yield Task(display, archive, settings, member=name)


def expand(paths: Iterable[tuple[Path, Settings]]) -> Iterator[Task]:
    """Every file to check, in a stable order: named files as given, folders sorted."""
    for path, settings in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    p = Path(root) / name
                    if name.startswith(("~$", ".")):
                        continue
                    if p.suffix.lower() == ".zip":
                        yield from _zip_members(p, settings)
                    elif p.suffix.lower() in SUFFIXES:
                        yield Task(str(p), p, settings)
        elif path.suffix.lower() == ".zip":
            yield from _zip_members(path, settings)
        else:
            yield Task(str(path), path, settings)


def run_task(task: Task) -> FileResult:
    """Check one task; archive members are copied to a private temporary file first."""
    if task.error is not None:
        return FileResult(task.display, error=task.error)
    if task.member is None:
        return check_path(task.path, task.settings, task.display)
    suffix = PurePosixPath(task.member).suffix
    with tempfile.TemporaryDirectory(prefix="agreement-check-") as tmp:
        target = Path(tmp) / f"member{suffix}"
        try:
            with zipfile.ZipFile(task.path) as zf:
                target.write_bytes(zf.read(task.member))
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            return FileResult(task.display, error=InputError("corrupt-zip", f"cannot read this archive member ({exc})"))
        return check_path(target, task.settings, task.display)


def run(tasks: list[Task], jobs: int = 1) -> Iterator[FileResult]:
    """Results in task order; ``jobs`` > 1 checks files in up to that many worker processes.

    The first file is checked here, before the workers start, so that where processes
    fork they inherit the built pipeline instead of each building their own.
    """
    workers = min(jobs, len(tasks) - 1, os.cpu_count() or 1)
    if workers <= 1:
        yield from map(run_task, tasks)
        return
    yield run_task(tasks[0])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(run_task, tasks[1:], chunksize=1)
