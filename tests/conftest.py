"""Shared helpers for the report tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from agreement_check.check import FileResult
from agreement_check.report import renderer_class
from agreement_check.report.base import ReportOptions, Summary


def _render(fmt: str, results: list[FileResult], **options: object) -> str:
    """The whole report in ``fmt`` for ``results``, streamed one file at a time as the CLI does."""
    out = io.StringIO()
    renderer = renderer_class(fmt)(out, ReportOptions(**options))  # type: ignore[arg-type]
    summary = Summary()
    for r in results:
        summary.add(r)
        renderer.add(r)
    renderer.finish(summary)
    return out.getvalue()


@pytest.fixture
def render() -> Callable[..., str]:
    """``render(fmt, results, **options)``: the report as text."""
    return _render
