"""Report formats: one renderer module per format, looked up by name."""

from __future__ import annotations

from importlib import import_module

from agreement_check.report.base import Renderer, ReportOptions, Summary

#: format name -> (module in this package, renderer class)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextRenderer"),
    "json": ("json", "JsonRenderer"),
    "jsonl": ("json", "JsonlRenderer"),
    "csv": ("csv", "CsvRenderer"),
    "sarif": ("sarif", "SarifRenderer"),
    "html": ("html", "HtmlRenderer"),
    "markdown": ("markdown", "MarkdownRenderer"),
}


def renderer_class(name: str) -> type[Renderer]:
    module, cls = FORMATS[name]
    return getattr(import_module(f"agreement_check.report.{module}"), cls)


__all__ = ["FORMATS", "Renderer", "ReportOptions", "Summary", "renderer_class"]
