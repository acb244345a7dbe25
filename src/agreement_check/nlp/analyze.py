"""The NLP stage: a Document in, its commitments, dates and agreement facts out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Analysis, Document
from . import document_facts
from .commitments import CommitmentFinder
from .context import Context
from .pipeline import get_nlp, hits_of, parse
from .segment import segment


def analyze(doc: Document, words: Mapping[str, Sequence[str]] | None = None) -> Analysis:
    """Find the commitments in ``doc``. ``words`` extends the word lists in ``patterns/``
    (list name -> extra terms, from an advocate's config); ``findings`` is left to rules."""
    nlp = get_nlp(words)
    spacy_doc = parse(nlp, doc.text)
    lexicon = nlp.get_pipe("agreement_check_matcher").lexicon
    ctx = Context(doc, spacy_doc, hits_of(spacy_doc), lexicon)
    ctx.learn_names()
    ctx.learn_family()
    ctx.learn_speakers()
    ctx.base = document_facts.agreement_date(ctx)
    commitments = CommitmentFinder(ctx).find(segment(doc, lexicon))
    agreement = document_facts.is_agreement(ctx, len(commitments))
    return Analysis(
        document=doc,
        is_agreement=agreement,
        agreement_date=ctx.base,
        commitments=commitments if agreement else [],
        dates=document_facts.mentions(ctx),
    )
