"""Matcher results as character spans, queried by range.

Every later step works on character offsets into ``Document.text`` (the same offsets a
Commitment or Element reports), so matches are converted once, here, and kept sorted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc


class Hit(NamedTuple):
    label: str
    start: int  # character offsets into the document text
    end: int


class Hits:
    """All hits of one document; where a label overlaps itself the longest hit wins.

    The doc is tokenized with line breaks as spaces (see pipeline.parse), so a match that
    runs over a line break of ``text`` is dropped: no phrase continues onto the next line.
    """

    def __init__(self, doc: Doc, matches: Iterable[tuple[int, int, int]], text: str) -> None:
        offsets = doc.to_array([IDX, LENGTH])
        starts: list[int] = offsets[:, 0].tolist()
        ends: list[int] = (offsets[:, 0] + offsets[:, 1]).tolist()
        by_label: dict[int, list[tuple[int, int]]] = {}
        for match_id, s, e in matches:
            if e - s == 1 or text.find("\n", starts[s], ends[e - 1]) < 0:  # within one line
                by_label.setdefault(match_id, []).append((s, e))
        strings = doc.vocab.strings
        hits = [
            Hit(strings[label], starts[s], ends[e - 1])
            for label, spans in by_label.items()
            for s, e in _longest(spans)
        ]
        hits.sort(key=lambda h: (h.start, -h.end))
        self.all = hits
        self._starts = [h.start for h in hits]
        self._by_label: dict[str, list[Hit]] = {}
        for h in hits:
            self._by_label.setdefault(h.label, []).append(h)

    def labelled(self, label: str) -> list[Hit]:
        """Every hit of one label, in document order."""
        return self._by_label.get(label, [])

    def within(self, start: int, end: int, *labels: str) -> list[Hit]:
        """Hits lying wholly inside ``[start, end)``, optionally only those labels."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [
            h for h in self.all[lo:hi] if h.end <= end and (not labels or h.label in labels)
        ]

    def first(self, start: int, end: int, *labels: str) -> Hit | None:
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return next(
            (h for h in self.all[lo:hi] if h.end <= end and (not labels or h.label in labels)),
            None,
        )


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, preferring the longest (like spacy.util.filter_spans)."""
    spans.sort()
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):
        return spans
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for s, e in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        if not taken.intersection(range(s, e)):
            kept.append((s, e))
            taken.update(range(s, e))
    return kept
