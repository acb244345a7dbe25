"""Facts about the whole document: is it an agreement, its date, every date it mentions."""

from __future__ import annotations

import re
from datetime import date

from ..model import DateMention
from . import dates
from .context import Context

_SIGNATURE_LINE = re.compile(r"_{4,}")
_DATE_LINE = re.compile(r"\s*date\s*:\s*(?:\w+day,?\s*)?[\w./,\s]{4,30}$", re.I)
_CUE_REACH = 60  # characters between "Dated:" and the date it introduces
_SEVERAL = 4  # commitments that make a document under another title an agreement after all
_TITLE_BLOCKS = 8  # headings and short lines at the top that make up the title


def is_agreement(ctx: Context, commitments: int) -> bool:
    """An agreement has an agreement title; a progress report or a letter has another.
    A document with neither decides by whether it holds any commitment at all. A title
    such as "Facilitated IEP Meeting Summary" still heads an agreement when the document
    says it records an agreement and holds several commitments (a progress report's
    "next report will be sent home" is one or two)."""
    blocks = ctx.document.blocks
    top = [
        b for b in blocks[:12] if b.kind in ("heading", "paragraph") and b.end - b.start <= 120
    ][:_TITLE_BLOCKS]
    title = "\n".join(ctx.text[b.start : b.end] for b in top)
    agreement = ctx.terms["agreement_titles"].search(title)
    other = ctx.terms["non_agreement_titles"].search(title)
    if agreement and (other is None or agreement.start() < other.start()):
        return True
    if other:
        return commitments >= _SEVERAL and bool(ctx.terms["agreement_titles"].search(ctx.text))
    return commitments > 0


def agreement_date(ctx: Context) -> date | None:
    """The agreement's own date: after "Date of Agreement:", "Dated:", "Signed this ...",
    "entered into this ...", "effective on ..."; else the latest date on a signature line."""
    text = ctx.text
    for cue in ctx.hits.labelled("agreement_date_cues"):
        line_end = text.find("\n", cue.end)
        line_end = len(text) if line_end < 0 else line_end
        found = ctx.hits.first(cue.end, line_end, "DATE")
        if found is not None and found.start <= cue.end + _CUE_REACH:
            parsed = dates.parse(text[found.start : found.end], None)
            if parsed is not None:
                return parsed
    for block in ctx.document.blocks:
        if _DATE_LINE.match(text, block.start, block.end):  # a line of its own: "Date: 3/4/2025"
            found = ctx.hits.first(block.start, block.end, "DATE")
            parsed = dates.parse(text[found.start : found.end], None) if found else None
            if parsed is not None:
                return parsed
    signed: list[date] = []
    for block in ctx.document.blocks:
        if _SIGNATURE_LINE.search(text, block.start, block.end):
            for found in ctx.hits.within(block.start, block.end, "DATE"):
                parsed = dates.parse(text[found.start : found.end], None)
                if parsed is not None:
                    signed.append(parsed)
    return max(signed) if signed else None


def mentions(ctx: Context) -> list[DateMention]:
    """Every date-like mention, with its weekday as written, impossibility, school year."""
    text = ctx.text
    weekdays = ctx.terms["weekdays"]
    out: list[DateMention] = []
    found = [*ctx.hits.labelled("DATE"), *ctx.hits.labelled("SCHOOL_YEAR"), *ctx.hits.labelled("MONTH")]
    for hit in sorted(found, key=lambda h: h.start):
        span = text[hit.start : hit.end]
        start = hit.start
        mention = DateMention(text=span, start=hit.start, end=hit.end)
        if hit.label == "SCHOOL_YEAR":
            mention.school_year = dates.school_year(span)
        elif hit.label == "DATE":
            weekday = weekdays.tail(text[max(0, start - 14) : start])
            if weekday:
                mention.weekday = weekday.text.strip(" ,")
                mention.start = start - len(weekday.text)
                mention.text = text[mention.start : hit.end]
            mention.impossible = dates.impossible(span)
            mention.value = None if mention.impossible else dates.parse(span, ctx.base)
        out.append(mention)
    return out
