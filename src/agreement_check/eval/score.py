"""Scores the tool's output against gold files.

A gold commitment is found when a reported commitment's text contains its anchor (white
space collapsed, case ignored); each reported commitment is matched to at most one gold
commitment, so a tool that merges two clauses into one is not credited with both. A
reported commitment containing no anchor is a false positive, and so is every finding on
it. Commitment-level codes are scored per gold commitment; document-level codes (and
consistency codes outside every commitment) per document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from agreement_check.eval.gold import Gold, squash
from agreement_check.model import Analysis, Commitment


def _party_key(party: str | None) -> str | None:
    if party is None:
        return None
    key = squash(party).strip(" .,:;")
    return key.removeprefix("the ")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement with the gold, for ``--verbose``."""

    doc: str
    what: str  # "missed commitment", "false commitment", "wrong kind", "FN AC102", ...
    text: str


@dataclass(slots=True)
class Score:
    detection: Counts = field(default_factory=Counts)
    kind_correct: int = 0
    party_correct: int = 0
    date_correct: int = 0  # documents whose agreement date (or its absence) matches the gold
    agreement_correct: int = 0  # documents rightly told apart as agreement or not
    codes: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0
    unreadable: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # labelled, but no such rendering

    @property
    def matched(self) -> int:
        return self.detection.tp

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.matched if self.matched else 0.0

    @property
    def party_accuracy(self) -> float:
        return self.party_correct / self.matched if self.matched else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.documents if self.documents else 0.0

    @property
    def agreement_accuracy(self) -> float:
        return self.agreement_correct / self.documents if self.documents else 0.0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.codes.values():
            total.add(c)
        return total

    def _code(self, code: str) -> Counts:
        return self.codes.setdefault(code, Counts())

    def tally(self, doc: str, gold_codes: frozenset[str], found: frozenset[str], text: str) -> None:
        for code in gold_codes | found:
            counts = self._code(code)
            if code in gold_codes and code in found:
                counts.tp += 1
            elif code in found:
                counts.fp += 1
                self.misses.append(Miss(doc, f"false {code}", text))
            else:
                counts.fn += 1
                self.misses.append(Miss(doc, f"missed {code}", text))

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "unreadable": self.unreadable,
            "skipped": self.skipped,
            "commitments": {
                **self.detection.to_json(),
                "kind_accuracy": round(self.kind_accuracy, 4),
                "party_accuracy": round(self.party_accuracy, 4),
            },
            "agreement_date_accuracy": round(self.date_accuracy, 4),
            "is_agreement_accuracy": round(self.agreement_accuracy, 4),
            "codes": {code: c.to_json() for code, c in sorted(self.codes.items())},
            "micro": self.micro.to_json(),
            "misses": [{"doc": m.doc, "what": m.what, "text": m.text} for m in self.misses],
        }


def _match(gold: Gold, reported: list[Commitment]) -> list[Commitment | None]:
    """For each gold commitment, the reported commitment that contains its anchor."""
    texts = [squash(c.text) for c in reported]
    taken: set[int] = set()
    matches: list[Commitment | None] = []
    for g in gold.commitments:
        anchor = squash(g.anchor)
        hit = next((i for i, t in enumerate(texts) if i not in taken and anchor in t), None)
        if hit is None:
            matches.append(None)
        else:
            taken.add(hit)
            matches.append(reported[hit])
    return matches


def score_document(score: Score, gold: Gold, analysis: Analysis) -> None:
    """Add one document's agreement and disagreement with its gold to ``score``."""
    doc = gold.doc
    score.documents += 1
    found_date = analysis.agreement_date.isoformat() if analysis.agreement_date else None
    if found_date == gold.agreement_date:
        score.date_correct += 1
    else:
        score.misses.append(Miss(doc, f"agreement date {found_date}, gold {gold.agreement_date}", "(document)"))
    if analysis.is_agreement == gold.is_agreement:
        score.agreement_correct += 1
    else:
        score.misses.append(Miss(doc, f"is_agreement {analysis.is_agreement}, gold {gold.is_agreement}", "(document)"))
    by_commitment: dict[str | None, set[str]] = {}
    for f in analysis.findings:
        by_commitment.setdefault(f.commitment, set()).add(f.code)

    matches = _match(gold, analysis.commitments)
    matched_ids = {c.id for c in matches if c is not None}
    for g, c in zip(gold.commitments, matches):
        if c is None:
            score.detection.fn += 1
            score.misses.append(Miss(doc, f"missed commitment ({g.kind})", g.anchor))
            score.tally(doc, g.codes, frozenset(), g.anchor)
            continue
        score.detection.tp += 1
        if c.kind == g.kind:
            score.kind_correct += 1
        else:
            score.misses.append(Miss(doc, f"kind {c.kind}, gold {g.kind}", g.anchor))
        if _party_key(c.party) == _party_key(g.party):
            score.party_correct += 1
        else:
            score.misses.append(Miss(doc, f"party {c.party!r}, gold {g.party!r}", g.anchor))
        score.tally(doc, g.codes, frozenset(by_commitment.get(c.id, ())), g.anchor)

    for c in analysis.commitments:
        if c.id not in matched_ids:
            score.detection.fp += 1
            score.misses.append(Miss(doc, f"false commitment ({c.kind})", c.text))
            score.tally(doc, frozenset(), frozenset(by_commitment.get(c.id, ())), c.text)

    found_doc = frozenset(by_commitment.get(None, ()))
    score.tally(doc, gold.doc_codes, found_doc, "(document)")


def code_support(golds: list[Gold]) -> Counter[str]:
    """How many positive cases of each code the gold holds."""
    support: Counter[str] = Counter()
    for g in golds:
        support.update(g.doc_codes)
        for c in g.commitments:
            support.update(c.codes)
    return support
