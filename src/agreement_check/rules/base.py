"""What a rule is, the context it runs in, and the decorators that register rules.

A rule is a small function plus the documentation a parent reads (``agreement-check explain``).
Its examples are small agreement texts with whether the rule fires on them; the test suite
runs every example through the whole pipeline, so a rule's documentation is also its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

from agreement_check.model import Analysis, Commitment, Severity
from agreement_check.rules.words import PhraseFinder

Scope = Literal["commitment", "document"]


@dataclass(frozen=True, slots=True)
class Example:
    """A small agreement text (a clause or a short document) and whether the rule fires on it."""

    text: str
    fires: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule fires: the message, the span it concerns and the commitment, if any."""

    message: str
    start: int = 0
    end: int = 0
    commitment: Commitment | None = None


@dataclass
class Context:
    """One analysis plus the word lists rules match against, extended by the user's ``words``."""

    analysis: Analysis
    words: Mapping[str, Sequence[str]] = field(default_factory=dict)
    _finders: dict[tuple[str, str | None], PhraseFinder] = field(default_factory=dict, repr=False)

    def phrases(self, name: str, exceptions: str | None = None) -> PhraseFinder:
        """A finder for word list ``name``; matches inside a phrase of ``exceptions`` do not count."""
        key = (name, exceptions)
        if key not in self._finders:
            self._finders[key] = PhraseFinder.load(name, exceptions, self.words)
        return self._finders[key]


CommitmentCheck = Callable[[Commitment, Context], "str | None"]
DocumentCheck = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One catalogue entry: its stable code and name, its documentation and its check."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    explanation: str
    question: str
    legal_basis: str | None
    examples: tuple[Example, ...]
    check: DocumentCheck = field(repr=False, compare=False)


REGISTERED: list[Rule] = []


@dataclass(frozen=True, slots=True)
class Doc:
    """A rule's documentation, given to a registering decorator."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    question: str
    examples: tuple[Example, ...]
    legal_basis: str | None = None


def _register(doc: Doc, scope: Scope, check: DocumentCheck) -> None:
    REGISTERED.append(Rule(scope=scope, check=check, **{f.name: getattr(doc, f.name) for f in fields(doc)}))


def commitment_rule(doc: Doc) -> Callable[[CommitmentCheck], CommitmentCheck]:
    """Registers ``fn(commitment, ctx) -> message | None``, run on every commitment."""

    def register(fn: CommitmentCheck) -> CommitmentCheck:
        def check(ctx: Context) -> Iterator[Hit]:
            for c in ctx.analysis.commitments:
                message = fn(c, ctx)
                if message:
                    yield Hit(message, c.start, c.end, c)

        _register(doc, "commitment", check)
        return fn

    return register


def document_rule(doc: Doc, scope: Scope = "document") -> Callable[[DocumentCheck], DocumentCheck]:
    """Registers ``fn(ctx) -> hits`` run once per document.

    Consistency rules use ``scope="commitment"``: their hits name the commitment whose clause
    holds the bad date, or none when the date is outside every clause.
    """

    def register(fn: DocumentCheck) -> DocumentCheck:
        _register(doc, scope, fn)
        return fn

    return register
