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
    """One file to check: on disk, or a member of a zip archive."""

    display: str
    path: Path
    settings: Settings
    member: str | None = None


def _zip_members(archive: Path, settings: Settings) -> Iterator[Task]:
    try:
        with zipfile.ZipFile(archive) as zf:
            names = sorted(
                n
                for n in zf.namelist()
                if not n.endswith("/")
                and PurePosixPath(n).suffix.lower() in SUFFIXES
                and not PurePosixPath(n).name.startswith(("._", "~$"))
            )
    except (zipfile.BadZipFile, OSError):
        yield Task(str(archive), archive, settings, member="")
        return
    for name in names:
        yield Task(f"{archive}/{name}", archive, settings, member=name)


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
        elif path.suffix.lower() == ".zip" and path.is_file():
            yield from _zip_members(path, settings)
        else:
            yield Task(str(path), path, settings)


def run_task(task: Task) -> FileResult:
    """Check one task; archive members are copied to a private temporary file first."""
    if task.member is None:
        return check_path(task.path, task.settings, task.display)
    if not task.member:
        return FileResult(task.display, error=InputError("corrupt-zip", "not a readable zip archive"))
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
    """Results in task order; ``jobs`` > 1 checks files in that many worker processes."""
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(run_task, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(run_task, tasks, chunksize=1)
