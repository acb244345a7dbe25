"""The spaCy pipeline: a blank English tokenizer plus the project's own matcher component.

No trained model is needed or downloaded. The tokenizer learns the legal abbreviations in
``patterns/abbreviations.txt``; the ``agreement_check_matcher`` component runs every word
list and pattern file once over the document and leaves the hits in ``doc.user_data``.
Building the matchers takes a moment, so the pipeline is built once per process for each
set of extra words an advocate's config adds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from .hits import Hits
from .lexicon import Lexicon, words

HITS_KEY = "agreement_check.hits"
TEXT_KEY = "agreement_check.text"  # the text the doc was made from (Doc.text rebuilds it)
WordsKey = tuple[tuple[str, tuple[str, ...]], ...]


class MatcherComponent:
    """Finds every phrase and pattern of the lexicon in a doc."""

    def __init__(self, nlp: Language, extra: dict[str, list[str]]) -> None:
        self.lexicon = Lexicon.build(nlp, extra)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY) or doc.text
        doc.user_data[HITS_KEY] = Hits(doc, self.lexicon.matches(doc, text), text)
        return doc


@Language.factory("agreement_check_matcher", default_config={"extra": {}})
def make_matcher(nlp: Language, name: str, extra: dict[str, list[str]]) -> MatcherComponent:
    return MatcherComponent(nlp, extra)


def words_key(extra: Mapping[str, Sequence[str]] | None) -> WordsKey:
    """A hashable, order-independent form of the extra words (the pipeline cache key)."""
    return tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))


@lru_cache(maxsize=8)
def _build(key: WordsKey) -> Language:
    extra = {k: list(v) for k, v in key}
    nlp = spacy.blank("en")
    for term in words("abbreviations", extra):
        for form in {term, term[:1].upper() + term[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("agreement_check_matcher", config={"extra": extra})
    return nlp


def get_nlp(extra: Mapping[str, Sequence[str]] | None = None) -> Language:
    """The pipeline for these extra words, built on first use."""
    return _build(words_key(extra))


def parse(nlp: Language, text: str) -> Doc:
    """Run the pipeline on ``text``, letting the matcher read the text without rebuilding it.

    Line breaks are tokenized as spaces (same length, so every offset holds): spaCy's
    tokenizer caches the words between spaces, and a word glued to the next line by a lone
    "\n" is a new string on every line, which makes tokenizing several times slower.
    Matches never cross a line (see Hits).
    """
    doc = nlp.make_doc(text.replace("\n", " "))
    doc.user_data[TEXT_KEY] = text
    return nlp(doc)


def hits_of(doc: Doc) -> Hits:
    return doc.user_data[HITS_KEY]
