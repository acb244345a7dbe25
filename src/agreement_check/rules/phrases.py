"""Reads a document the way the NLP stage does: its tokens, its sentences, and the rules' patterns.

The rules reuse the NLP stage's pipeline (``nlp/pipeline.py``), whose tokenizer knows the
legal abbreviations, and its sentence splitter (``nlp/segment.py``), which does not end a
sentence at "Dr." or "U.S.". So a rule reads a sentence in the same pieces the commitments
came from. On those tokens it runs the spaCy Matcher patterns of ``patterns/NAME.jsonl``
that only rules use: a document statement ("the agreement is enforceable in state court")
is a set of labels found together in one sentence or paragraph; rules/document.py names which.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from spacy.language import Language
from spacy.matcher import Matcher

from agreement_check.model import Block, Document
from agreement_check.nlp.lexicon import Terms, compile_matcher
from agreement_check.nlp.pipeline import get_nlp
from agreement_check.nlp.segment import sentences

Unit = Literal["sentence", "paragraph"]
_TITLE_WORDS = 12  # a line this short with no closing stop is a title
_STOPS = (".", ";", ":", "?", "!")


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern's label and the character span it matched."""

    label: str
    start: int
    end: int


@cache
def _matcher(nlp: Language, name: str) -> Matcher:
    return compile_matcher(nlp, name)


@lru_cache(maxsize=4096)
def _matches(nlp: Language, name: str, text: str) -> tuple[Match, ...]:
    # Line breaks tokenized as spaces, as the NLP stage does: same offsets, a faster tokenizer.
    doc = nlp.make_doc(text.replace("\n", " "))
    strings = nlp.vocab.strings
    return tuple(
        Match(strings[match_id], doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        for match_id, s, e in _matcher(nlp, name)(doc)
    )


@dataclass(frozen=True, slots=True)
class Reader:
    """The NLP stage's tokenizer and sentence splitter for one set of extra words."""

    nlp: Language
    abbreviations: Terms

    @classmethod
    def of(cls, words: Mapping[str, Sequence[str]] | None) -> Reader:
        nlp = get_nlp(words)
        return cls(nlp, nlp.get_pipe("agreement_check_matcher").lexicon.terms["abbreviations"])

    def matches(self, text: str, name: str = "document") -> tuple[Match, ...]:
        """Each match of the patterns in ``patterns/NAME.jsonl`` in ``text``."""
        return _matches(self.nlp, name, text)

    def labels(self, text: str, name: str = "document") -> frozenset[str]:
        """The labels of every pattern of ``patterns/NAME.jsonl`` that occurs in ``text``."""
        return frozenset(m.label for m in self.matches(text, name))

    def sentences(self, text: str, offset: int = 0) -> list[tuple[int, int]]:
        """Sentence spans of ``text`` (shifted by ``offset``); abbreviations end none."""
        return sentences(text, offset, self.abbreviations)

    def units(self, document: Document, unit: Unit) -> Iterator[tuple[int, int]]:
        """Spans of the document's paragraphs (blocks), or of the sentences inside them. A
        heading reads with the paragraph under it: "If the District does not do what it
        agreed" states the condition whose remedy the next paragraph gives."""
        blocks = document.blocks
        for i, block in enumerate(blocks):
            if unit == "paragraph":
                under = i + 1 < len(blocks) and _titles(document, block) and not _titles(document, blocks[i + 1])
                yield block.start, blocks[i + 1].end if under else block.end
            else:
                yield from self.sentences(document.block_text(block), block.start)


def _titles(document: Document, block: Block) -> bool:
    """Whether a block is a heading, or a short line with no closing stop that reads as one."""
    if block.kind == "heading":
        return True
    text = document.block_text(block).rstrip()
    return block.kind == "paragraph" and len(text.split()) <= _TITLE_WORDS and not text.endswith(_STOPS)
