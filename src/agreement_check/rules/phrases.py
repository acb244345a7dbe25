"""Labels the sentences and paragraphs of a document with the phrases of ``patterns/document.jsonl``.

The patterns are spaCy Matcher patterns over spaCy's blank English tokenizer (no model is
downloaded). A document statement ("the agreement is enforceable in state court") is a
set of labels found together in one sentence or one paragraph; rules/document.py names
which.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Literal

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from agreement_check.model import Document
from agreement_check.patterns import load_patterns
from agreement_check.rules.words import sentences

Unit = Literal["sentence", "paragraph"]


@cache
def _nlp() -> Language:
    return spacy.blank("en")


@cache
def _matcher(name: str) -> Matcher:
    matcher = Matcher(_nlp().vocab)
    for entry in load_patterns(name):
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


@lru_cache(maxsize=4096)
def matches(text: str, name: str = "document") -> tuple[tuple[str, int, int], ...]:
    """Each match of the patterns in ``patterns/NAME.jsonl``: its label and character span."""
    doc = _nlp().make_doc(text)
    strings = _nlp().vocab.strings
    return tuple(
        (strings[match_id], doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        for match_id, s, e in _matcher(name)(doc)
    )


def labels(text: str, name: str = "document") -> frozenset[str]:
    """The labels of every pattern of ``patterns/NAME.jsonl`` that occurs in ``text``."""
    return frozenset(label for label, _, _ in matches(text, name))


def units(document: Document, unit: Unit) -> Iterator[tuple[int, int]]:
    """Spans of the document's paragraphs (blocks), or of the sentences inside them."""
    for block in document.blocks:
        if unit == "paragraph":
            yield block.start, block.end
            continue
        for s, e in sentences(document.block_text(block)):
            yield block.start + s, block.start + e
