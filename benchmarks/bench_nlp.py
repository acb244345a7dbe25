"""Throughput of the NLP stage (``agreement_check.nlp.analyze``) in words per second.

The dev corpus documents are repeated until they hold at least ``--words`` words and each
is analysed on its own, on one core, as a batch over an archive would. The median of
``--runs`` runs is printed beside the rate of bare ``spacy.blank("en")`` tokenisation of the
same texts, which is the ceiling, and their ratio. The pipeline tokenizes line breaks as
spaces (see nlp.pipeline.parse), so the ceiling is measured on that text; the rate on the
text as is is shown too. The first (cold) run is reported as well: the pipeline is built
beforehand, but every date is parsed for the first time; later runs find the dates in the
cache, as a batch over an archive with recurring dates does.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_nlp.py
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

import spacy
from timing import seconds

from agreement_check.extract import from_string
from agreement_check.model import Document
from agreement_check.nlp import analyze
from agreement_check.nlp.pipeline import get_nlp

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dev"


def corpus(min_words: int) -> list[Document]:
    """The dev documents, repeated until they hold at least ``min_words`` words."""
    docs = [from_string(p.read_text(encoding="utf-8"), p.name) for p in sorted(CORPUS.glob("*.txt"))]
    if not docs:
        raise SystemExit(f"no .txt files in {CORPUS}")
    words = sum(len(d.text.split()) for d in docs)
    return docs * -(-min_words // words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=60_000, help="minimum words of text")
    parser.add_argument("--runs", type=int, default=5, help="runs; the median is reported")
    args = parser.parse_args()

    get_nlp()  # build the pipeline outside the timed runs
    blank = spacy.blank("en")
    documents = corpus(args.words)
    words = sum(len(d.text.split()) for d in documents)

    runs = seconds(lambda: [analyze(d) for d in documents], args.runs + 1)
    cold, nlp_s = runs[0], statistics.median(runs[1:])
    as_is = statistics.median(seconds(lambda: [blank.make_doc(d.text) for d in documents], args.runs))
    spaced = [d.text.replace("\n", " ") for d in documents]
    tok_s = statistics.median(seconds(lambda: [blank.make_doc(t) for t in spaced], args.runs))
    nlp_rate, tok_rate = words / nlp_s, words / tok_s
    print(f"{len(documents)} documents, {words} words; median of {args.runs} runs after a cold one")
    print(f"nlp.analyze              {nlp_rate:>10,.0f} words/s   (cold first run {words / cold:,.0f})")
    print(f"spacy.blank tokenizer    {tok_rate:>10,.0f} words/s   (the ceiling: line breaks as spaces,")
    print(f"                         {'':>10}             as the pipeline tokenizes them)")
    print(f"  same, text as is       {words / as_is:>10,.0f} words/s   (a lone \\n defeats its cache)")
    print(f"ratio                    {nlp_rate / tok_rate:>10.2f}")


if __name__ == "__main__":
    main()
