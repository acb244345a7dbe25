"""What a rule is, the context it runs in, and the decorators that register rules.

A rule is a small function plus the documentation a parent reads (``agreement-check explain``).
Its examples are small agreement texts with whether the rule fires on them; the test suite
runs every example through the whole pipeline, so a rule's documentation is also its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Literal, TypeVar

from agreement_check.model import KINDS, Analysis, Commitment, Severity
from agreement_check.rules.phrases import Reader
from agreement_check.rules.words import PhraseFinder

Scope = Literal["commitment", "document"]
Kinds = frozenset[str]
ALL_KINDS: Kinds = frozenset(KINDS)
T = TypeVar("T")


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
    _memo: dict[Callable[[Context], object], object] = field(default_factory=dict, repr=False)

    @cached_property
    def reader(self) -> Reader:
        """The NLP stage's tokens and sentences, with the user's extra abbreviations."""
        return Reader.of(self.words)

    def once(self, fn: Callable[[Context], T]) -> T:
        """``fn(self)``, computed once however many rules ask for it."""
        if fn not in self._memo:
            self._memo[fn] = fn(self)
        return self._memo[fn]  # type: ignore[return-value]

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
    """One catalogue entry: its stable code and name, its documentation and its check.

    ``kinds`` are the kinds of commitment the rule can fire on; None for a rule about the
    document as a whole.
    """

    code: str
    name: str
    severity: Severity
    scope: Scope
    kinds: Kinds | None
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


def _register(doc: Doc, scope: Scope, kinds: Kinds | None, check: DocumentCheck) -> None:
    fixed = {f.name: getattr(doc, f.name) for f in fields(doc)}
    REGISTERED.append(Rule(scope=scope, kinds=kinds, check=check, **fixed))


def commitment_rule(doc: Doc, kinds: Iterable[str] = ALL_KINDS) -> Callable[[CommitmentCheck], CommitmentCheck]:
    """Registers ``fn(commitment, ctx) -> message | None``, run on every commitment of ``kinds``."""
    applies = frozenset(kinds)

    def register(fn: CommitmentCheck) -> CommitmentCheck:
        def check(ctx: Context) -> Iterator[Hit]:
            for c in ctx.analysis.commitments:
                message = fn(c, ctx) if c.kind in applies else None
                if message:
                    yield Hit(message, c.start, c.end, c)

        _register(doc, "commitment", applies, check)
        return fn

    return register


def document_rule(doc: Doc, scope: Scope = "document") -> Callable[[DocumentCheck], DocumentCheck]:
    """Registers ``fn(ctx) -> hits`` run once per document.

    Consistency rules use ``scope="commitment"``: their hits name the commitment (of any
    kind) whose clause holds the bad date, or none when the date is outside every clause.
    """

    def register(fn: DocumentCheck) -> DocumentCheck:
        _register(doc, scope, ALL_KINDS if scope == "commitment" else None, fn)
        return fn

    return register
