"""What every report format shares: the summary tally and the renderer protocol.

Renderers receive file results one at a time in input order (``add``) so that streaming
formats (JSONL, CSV) hold constant memory in a batch; the rest keep what they need and
write it in ``finish``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TextIO

from agreement_check.check import FileResult
from agreement_check.model import SEVERITIES


@dataclass(slots=True)
class Summary:
    files: int = 0
    ok: int = 0
    errors: int = 0
    commitments: int = 0
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.analysis is None:
            self.errors += 1
            return
        self.ok += 1
        self.commitments += len(result.analysis.commitments)
        for f in result.analysis.findings:
            self.findings[f.severity] += 1

    def to_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "ok": self.ok,
            "errors": self.errors,
            "commitments": self.commitments,
            "findings": dict(self.findings),
        }


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Choices that shape a report but not what was found."""

    concise: bool = False
    color: bool = False
    width: int | None = None


class Renderer(Protocol):
    def __init__(self, out: TextIO, options: ReportOptions) -> None: ...

    def add(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...
