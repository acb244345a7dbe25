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
def _matcher() -> Matcher:
    matcher = Matcher(_nlp().vocab)
    for entry in load_patterns("document"):
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


@lru_cache(maxsize=4096)
def labels(text: str) -> frozenset[str]:
    """The labels of every document phrase that occurs in ``text``."""
    doc = _nlp().make_doc(text)
    strings = _nlp().vocab.strings
    return frozenset(strings[match_id] for match_id, _, _ in _matcher()(doc))


def units(document: Document, unit: Unit) -> Iterator[tuple[int, int]]:
    """Spans of the document's paragraphs (blocks), or of the sentences inside them."""
    for block in document.blocks:
        if unit == "paragraph":
            yield block.start, block.end
            continue
        for s, e in sentences(document.block_text(block)):
            yield block.start + s, block.start + e
