"""The parent's report as one self-contained, printable HTML page.

Inline CSS only: no scripts, fonts or images to fetch, so the page opens offline and can
be emailed or printed as is. Every piece of text from a draft is escaped. Severity is shown
by words ("Missing:", "Problem:") as well as colour, for readers who cannot see colour.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from agreement_check.check import FileResult
from agreement_check.model import Document, Finding
from agreement_check.report.base import ReportOptions, Summary
from agreement_check.report.content import (
    DISCLAIMER,
    NOT_AGREEMENT,
    FileContent,
    asked,
    at,
    clause,
    content,
    headline,
    marker,
    one_line,
    stated,
    title,
    totals,
)

CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #444; padding-bottom: .2rem; margin-top: 2.5rem;
     overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
article { border-left: 4px solid #8a8a8a; padding: .2rem 0 .2rem 1rem; margin: 1.5rem 0; }
blockquote { margin: .3rem 0 .6rem; font-style: italic; color: #333; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { padding-left: 1.2rem; }
.marker { text-transform: uppercase; letter-spacing: .03em; }
.error .marker { color: #a10000; }
.warning .marker { color: #8a4b00; }
.info .marker { color: #005a8a; }
.code { color: #555; font-size: .9em; }
.ask { margin: .2rem 0 .5rem; }
.ask strong { color: #1d5e20; }
.unreadable { color: #a10000; font-weight: 600; }
footer { margin-top: 3rem; border-top: 1px solid #bbb; padding-top: .8rem; color: #333; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  article { break-inside: avoid; }
  .marker, .ask strong, .unreadable { color: #000; }
}
""".strip()


def _findings(findings: list[Finding], document: Document) -> str:
    """A list item per finding: what is wrong, where (for document-level ones), what to ask."""
    items = []
    for f, question in asked(findings):
        item = (
            f'<li class="{escape(f.severity)}"><strong class="marker">{marker(f).capitalize()}:</strong> '
            f'{escape(one_line(f.message))} <span class="code">({escape(f.code)})</span>'
        )
        if (point := at(f, document)) is not None:
            place, quote = point
            item += f"<br>At {escape(place)}: &ldquo;{escape(quote)}&rdquo;"
        if question:
            item += f'<p class="ask"><strong>Ask:</strong> {escape(question)}</p>'
        items.append(item + "</li>\n")
    return "<ul>\n" + "".join(items) + "</ul>\n"


class HtmlRenderer:
    """Streams one section per file between the page's head and its footer."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.files = 0
        out.write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>agreement-check report</title>\n<style>\n{CSS}\n</style>\n</head>\n"
            "<body>\n<main>\n<h1>agreement-check report</h1>\n"
        )

    def add(self, result: FileResult) -> None:
        self.files += 1
        fid = f"f{self.files}"
        w = self.out.write
        w(f'<section aria-labelledby="{fid}">\n<h2 id="{fid}">{escape(result.path)}</h2>\n')
        if result.analysis is None:
            assert result.error is not None
            w(f'<p class="unreadable">Could not be read: {escape(result.error.message)}</p>\n')
        elif not result.analysis.is_agreement:
            w(f"<p>This file {escape(NOT_AGREEMENT)}</p>\n")
        else:
            self._content(fid, content(result.analysis))
        w("</section>\n")

    def _content(self, fid: str, fc: FileContent) -> None:
        w = self.out.write
        w(f"<p>{escape(headline(fc))}</p>\n")
        for n, p in enumerate(fc.problems, 1):
            cid = f"{fid}-c{n}"
            w(f'<article aria-labelledby="{cid}">\n<h3 id="{cid}">{escape(title(p.commitment, fc.document))}</h3>\n')
            w(f"<blockquote><p>{escape(clause(p.commitment.text))}</p></blockquote>\n")
            facts = stated(p.commitment)
            if facts:
                rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
                w(f'<dl aria-label="What it states">{rows}</dl>\n')
            else:
                w("<p>It states nothing beyond the clause itself.</p>\n")
            w(_findings(p.findings, fc.document))
            w("</article>\n")
        if fc.general:
            w(f'<article aria-labelledby="{fid}-all">\n<h3 id="{fid}-all">The agreement as a whole</h3>\n')
            w(_findings(fc.general, fc.document))
            w("</article>\n")

    def finish(self, summary: Summary) -> None:
        w = self.out.write
        w("<footer>\n")
        if summary.files > 1:
            w(f"<p><strong>{escape(totals(summary))}</strong></p>\n")
        w(f"<p>{escape(DISCLAIMER)}</p>\n</footer>\n</main>\n</body>\n</html>\n")
