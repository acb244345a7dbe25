"""Gold files: what a labeller says the tool should find in one agreement.

The format and rules are the team's (``shared/LABELING.md``): one ``NAME.gold.json`` per
agreement, naming its ``doc``, the agreement date, every commitment by a verbatim
anchor with its kind, party and commitment-level codes, and the document-level codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from agreement_check.model import KINDS
from agreement_check.rules import CATALOGUE

#: Which kinds each commitment-level code may be labelled on (LABELING.md): the kinds each
#: rule of the catalogue applies to.
CODE_KINDS: dict[str, frozenset[str]] = {code: r.kinds for code, r in CATALOGUE.items() if r.kinds is not None}
DOC_CODES: frozenset[str] = frozenset(
    ("AC207", "AC401", "AC402", "AC403", "AC404", "AC405", "AC406", "AC407", "AC408", "AC409", "AC410")
    + ("AC501", "AC502", "AC503", "AC504", "AC505")
)

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text for anchor matching: white space collapsed, case ignored."""
    return _SPACE.sub(" ", text).strip().lower()


@dataclass(frozen=True, slots=True)
class GoldCommitment:
    anchor: str
    kind: str
    party: str | None
    codes: frozenset[str]


@dataclass(slots=True)
class Gold:
    path: Path  # the gold file
    doc: str  # the labelled agreement's file name, beside the gold file
    agreement_date: str | None
    commitments: list[GoldCommitment]
    doc_codes: frozenset[str]
    is_agreement: bool = True

    def document_path(self, rendering: str | None = None) -> Path:
        """The agreement file; ``rendering`` ("docx", "pdf") picks a rendering beside it."""
        doc = self.path.parent / self.doc
        return doc.with_suffix(f".{rendering}") if rendering else doc


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Gold(
        path=path,
        doc=data["doc"],
        agreement_date=data.get("agreement_date"),
        commitments=[
            GoldCommitment(c["anchor"], c["kind"], c.get("party"), frozenset(c.get("codes", ())))
            for c in data["commitments"]
        ],
        doc_codes=frozenset(data.get("doc_codes", ())),
        is_agreement=data.get("agreement", True),
    )


def find_gold(folder: Path) -> list[Gold]:
    """Every gold file under ``folder``, in a stable order."""
    return [load_gold(p) for p in sorted(folder.rglob("*.gold.json"))]


def validate(gold: Gold) -> list[str]:
    """What is wrong with a gold file by the labelling rules (empty when it is valid)."""
    problems = []
    where = gold.path.name
    doc = gold.document_path()
    if not doc.is_file():
        return [f"{where}: its doc {gold.doc!r} does not exist"]
    text = doc.read_text(encoding="utf-8")
    for c in gold.commitments:
        n = text.count(c.anchor)
        if n != 1:
            problems.append(f"{where}: anchor {c.anchor!r} occurs {n} times")
        if c.kind not in KINDS:
            problems.append(f"{where}: anchor {c.anchor!r}: unknown kind {c.kind!r}")
        for code in sorted(c.codes):
            if code not in CODE_KINDS:
                problems.append(f"{where}: anchor {c.anchor!r}: {code} is not a commitment-level code")
            elif c.kind not in CODE_KINDS[code]:
                problems.append(f"{where}: anchor {c.anchor!r}: {code} does not apply to kind {c.kind}")
        if (c.party is None) != ("AC101" in c.codes):
            problems.append(f"{where}: anchor {c.anchor!r}: party must be null exactly when AC101 fires")
    for code in sorted(gold.doc_codes - DOC_CODES):
        problems.append(f"{where}: {code} is not a document-level code")
    if (gold.agreement_date is None) != ("AC405" in gold.doc_codes) and gold.is_agreement:
        problems.append(f"{where}: agreement_date must be null exactly when AC405 fires")
    return problems
