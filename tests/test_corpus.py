"""The labelled corpus obeys the labelling rules, so its figures mean what the team's mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.eval import code_support, find_gold, validate
from agreement_check.eval.gold import CODE_KINDS, DOC_CODES

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
SPLITS = ("dev", "test")
GOLDS = {split: find_gold(CORPUS / split) for split in SPLITS}
ALL = [g for split in SPLITS for g in GOLDS[split]]
# AC409 needs a DOCX with tracked changes, AC410 a scan that OCR could not read.
LABELLED_CODES = sorted((set(CODE_KINDS) | DOC_CODES) - {"AC409", "AC410"})


@pytest.mark.parametrize("gold", ALL, ids=lambda g: f"{g.path.parent.name}/{g.doc}")
def test_gold_file_is_valid(gold):
    assert validate(gold) == []


@pytest.mark.parametrize("gold", ALL, ids=lambda g: f"{g.path.parent.name}/{g.doc}")
def test_anchors_are_four_to_twelve_words_or_a_table_cell(gold):
    text = gold.document_path().read_text(encoding="utf-8")
    table_cells = {cell.strip() for line in text.splitlines() if line.lstrip().startswith("|") for cell in line.split("|")}
    for c in gold.commitments:
        assert 4 <= len(c.anchor.split()) <= 12 or c.anchor.strip() in table_cells, c.anchor


def test_corpus_is_large_enough_and_split():
    agreements = [g for g in ALL if g.is_agreement]
    assert len(agreements) >= 40
    assert all(GOLDS[split] for split in SPLITS)
    assert any(not g.is_agreement for g in GOLDS["test"])
    for g in agreements:
        words = len(g.document_path().read_text(encoding="utf-8").split())
        assert 300 <= words <= 1500, (g.doc, words)


@pytest.mark.parametrize("split", SPLITS)
def test_every_code_has_three_positive_cases(split):
    support = code_support(GOLDS[split])
    thin = {code: support[code] for code in LABELLED_CODES if support[code] < 3}
    assert thin == {}


def test_every_kind_is_labelled_in_each_split():
    for split in SPLITS:
        kinds = {c.kind for g in GOLDS[split] for c in g.commitments}
        assert kinds == set(CODE_KINDS["AC101"]), split


def test_many_commitments_are_complete():
    commitments = [c for g in ALL for c in g.commitments]
    complete = [c for c in commitments if not c.codes]
    assert len(complete) >= 0.3 * len(commitments)


def test_a_third_of_the_agreements_have_docx_and_pdf_renderings():
    rendered = [g for g in ALL if g.document_path("docx").is_file() and g.document_path("pdf").is_file()]
    assert len(rendered) >= len(ALL) / 3
