"""The language data of the commitment engine, compiled into spaCy matchers.

Word lists (``patterns/NAME.txt``) that mark things inside clauses become one
PhraseMatcher over the lower-cased text, each hit labelled with its list's name. Lists the
logic consults only at a few known places (the words right before a date, a heading, a
title) are compiled into :class:`Terms` instead, so common words such as "to" or "in" are
not matched all over the document.

Matcher patterns (``patterns/NAME.jsonl``) are costly to run over every token, so each
pattern has an *anchor*: a literal token every match must contain (the entry's optional
``"anchor"`` index, else the rarest-looking literal token). A cheap PhraseMatcher finds
the anchors of all files in one pass, and each file's Matcher then runs only on the
windows around its own anchors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from spacy.attrs import IDX
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from ..patterns import load_patterns, load_words

#: Word lists matched over the whole text (hit label = list name).
PHRASE_LISTS: tuple[str, ...] = (
    "obligations",
    "permissions",
    "soft_obligations",
    "parties",
    "parent_parties",
    "services",
    "comp_ed",
    "evaluations",
    "iee",
    "meetings",
    "payments",
    "actions",
    "recurrence",
    "settings",
    "providers",
    "boilerplate",
    "cure",
    "agreement_date_cues",
)

#: Word lists the logic looks up at known places (see :class:`Terms`).
TERM_LISTS: tuple[str, ...] = (
    "non_parties",
    "start_cues",
    "end_cues",
    "deadline_cues",
    "period_cues",
    "ignore_cues",
    "payee_cues",
    "skip_sections",
    "terms_openers",
    "agreement_titles",
    "non_agreement_titles",
    "stative_verbs",
    "event_verbs",
    "interrogatives",
    "auxiliaries",
    "participles",
    "decisions",
    "generic_services",
    "student_terms",
    "reporting_verbs",
    "lead_in_words",
    "comp_ed_words",
    "receiving_verbs",
    "blank_cells",
    "weekdays",
    "award_steps",
    "award_use",
    "parent_author",
    "payee_directions",
    "place_adverbs",
    "speakers",
    "missed",
    "abbreviations",
    "adverbs",
    "things",
    "addition_cues",
    "payment_steps",
    "term_lists",
    "pronouns",
    "aspect_verbs",
    "parent_parties",
    "duty_words",
    "list_breakers",
    "np_ends",
    "not_date_nouns",
    "session_length_cues",
    "obligations",
    "parties",
    "actions",
)

#: Matcher pattern files run over the whole document (near their anchors).
PATTERN_FILES: tuple[str, ...] = (
    "frequency",
    "duration",
    "amount",
    "dates",
    "time_terms",
    "schedule",
    "people",
)

#: Pattern files that describe any part of a document (every date is checked, every
#: defined name counts). The others describe the terms of clauses, so they run only on
#: lines that can hold a clause: a list item, a table row, a line with "will" or "shall".
DOCUMENT_WIDE: frozenset[str] = frozenset({"dates", "people"})
# A list label, a bullet or a form field ("Timeline: ...") at the start of a line.
_LINE_LABEL = re.compile(
    r"\s*(?:\(?[0-9A-Za-z]{1,4}(?:\.[0-9]+)*[.)]|[0-9A-Za-z]{1,4}(?:\.[0-9]+)+|[-•*–▪◦·]|[A-Za-z][A-Za-z()/’' -]{0,40}:)\s"
)
_MARKERS = ("obligations", "permissions", "soft_obligations")

#: Pattern file matched only against the header row of each table.
COLUMNS_FILE = "table_columns"

# Values too frequent to anchor a pattern on when the pattern offers anything rarer.
_COMMON = frozenset(
    "( ) , . - / : ; \" “ ” ' a an the of to in on at for and or by per each every x d dd "
    "dddd school day year".split()
)
_ANCHOR_ATTRS = ("LOWER", "ORTH", "TEXT", "SHAPE")
_UNBOUNDED = 4  # tokens a "*" or "+" operator is assumed to cover when sizing windows


# A noun naming someone by what they do: "interpreter", "tutor", "therapist", "consultant".
_AGENT_NOUN = re.compile(r"(?:[^m]er|or|ist|ian|ant|(?<!m)ent)s?$")


def agent_noun(word: str, things: Terms) -> bool:
    """Whether a word names someone by what they do ("instructor"), not a thing listed in
    ``things`` ("semester", "order")."""
    return bool(_AGENT_NOUN.search(word.lower())) and word.lower() not in things


def words(name: str, extra: Mapping[str, Sequence[str]] | None) -> list[str]:
    """Word list ``name`` with the advocate's extra terms for it."""
    return load_words(name, tuple((extra or {}).get(name, ())))


def roles(name: str, extra: Mapping[str, Sequence[str]] | None) -> dict[str, str]:
    """A word list whose lines read "term = role", as a mapping."""
    out: dict[str, str] = {}
    for line in words(name, extra):
        term, _, role = line.rpartition("=")
        out[" ".join(term.lower().split())] = role.strip()
    return out


#: Word lists compiled into the engine's regexes when its modules load (see alternation).
_GRAMMAR: set[str] = set()


@cache
def alternation(name: str) -> str:
    """Word list ``name`` as a regex alternation, longest term first and spaces flexible,
    for the few regexes that take a list of words into their grammar ("by|with|from").
    Such a list is fixed when the module loads, so a config file cannot extend it."""
    _GRAMMAR.add(name)
    terms = sorted({" ".join(t.lower().split()) for t in load_words(name)}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, t.split())) for t in terms)


def grammar_lists() -> frozenset[str]:
    """Word lists read only into the engine's regexes: an advocate's [words] cannot extend
    them, since every regex is built once, when the engine loads."""
    from .. import rules  # noqa: F401 - loads every module that builds its regexes from lists

    return frozenset(_GRAMMAR - set(PHRASE_LISTS) - set(TERM_LISTS))


class Tail(NamedTuple):
    """A term found at the end of a text: where it starts, the text from there on, and
    the term as listed."""

    start: int
    text: str
    term: str


class Terms:
    """A word list for lookups in Python: whole words, case-insensitive, spaces flexible."""

    def __init__(self, terms: Iterable[str]) -> None:
        terms = sorted({" ".join(t.lower().split()) for t in terms}, key=len, reverse=True)
        self.terms = terms
        self.set = frozenset(terms)
        self._longest = max((len(t.split()) for t in terms), default=0)
        body = "|".join(r"\s+".join(map(re.escape, t.split())) for t in terms) or r"(?!x)x"
        self._any = re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.I)

    def __contains__(self, word: str) -> bool:
        return " ".join(word.lower().split()) in self.set

    def search(self, text: str) -> re.Match[str] | None:
        """First term anywhere in ``text``."""
        return self._any.search(text)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        return self._any.finditer(text, start, end)

    def tail(self, text: str) -> Tail | None:
        """The longest term that ``text`` ends with, give or take a trailing "the", spaces
        and commas ("missed during the " ends with "missed during")."""
        words = _last_words(text, self._longest + 1)
        if words and words[-1][1] == "the":
            words.pop()
        for k in range(min(self._longest, len(words)), 0, -1):
            term = " ".join(w for _, w in words[-k:])
            if term in self.set:
                start = words[-k][0]
                return Tail(start, text[start:], term)
        return None


_SEPARATORS = frozenset(" ,(\t\n")


def _last_words(text: str, n: int) -> list[tuple[int, str]]:
    """(offset, lower-cased word) of the last ``n`` words; commas and "(" separate words."""
    out: list[tuple[int, str]] = []
    pos = len(text)
    while len(out) < n:
        while pos > 0 and text[pos - 1] in _SEPARATORS:
            pos -= 1
        end = pos
        while pos > 0 and text[pos - 1] not in _SEPARATORS:
            pos -= 1
        if pos == end:
            break
        out.append((pos, text[pos:end].lower()))
    out.reverse()
    return out


class Cues(Terms):
    """The cue lists before a time expression as one lookup: each term names its slot
    ("beginning" -> "start"); a term in several lists takes the first list's slot."""

    LISTS = ("ignore_cues", "deadline_cues", "start_cues", "end_cues", "period_cues")

    def __init__(self, terms: Mapping[str, Terms]) -> None:
        self.slot: dict[str, str] = {}
        for name in reversed(self.LISTS):
            self.slot.update(dict.fromkeys(terms[name].terms, name.split("_")[0]))
        super().__init__(self.slot)


@dataclass(slots=True)
class Group:
    """The patterns of one file that share an anchor, run together near that anchor."""

    file: str
    matcher: Matcher


class Anchors:
    """Where each group of patterns may match: the anchor hits of all groups in one pass.

    Patterns are grouped by file and anchor, so the windows around "within" run only the
    patterns that need "within". An anchor is added under a key naming its group and how
    many tokens its pattern may reach before and after it, so a window covers exactly the
    tokens a match could use.
    """

    def __init__(self, nlp: Language) -> None:
        self.matchers = {a: PhraseMatcher(nlp.vocab, attr=a) for a in ("LOWER", "ORTH", "SHAPE")}
        self.groups: list[Group] = []
        self._index: dict[tuple[str, str, tuple[str, ...]], int] = {}
        self._nlp = nlp

    def add(self, file: str, entry: Mapping[str, Any]) -> None:
        pattern = entry["pattern"]
        i, attr, values = _anchor(pattern, entry.get("anchor"))
        group = self._index.setdefault((file, attr, tuple(values)), len(self.groups))
        if group == len(self.groups):
            self.groups.append(Group(file, Matcher(self._nlp.vocab)))
        self.groups[group].matcher.add(entry["label"], [pattern])
        key = f"{group}:{_reach(pattern[:i])}:{_reach(pattern[i + 1:])}"
        vocab = self._nlp.vocab
        # A pattern token is one token, so each value is one token (never re-tokenized).
        samples = [_shape_sample(v) if attr == "SHAPE" else v for v in values]
        self.matchers[attr].add(key, [Doc(vocab, words=[v]) for v in samples])

    def windows(self, doc: Doc) -> dict[int, list[tuple[int, int]]]:
        """Merged token windows of each group."""
        strings = doc.vocab.strings
        keys: dict[int, tuple[int, int, int]] = {}
        spans: dict[int, list[tuple[int, int]]] = {}
        for matcher in self.matchers.values():
            if not len(matcher):
                continue
            for key, s, e in matcher(doc):
                if key not in keys:
                    keys[key] = tuple(map(int, strings[key].split(":")))  # type: ignore[assignment]
                index, before, after = keys[key]
                spans.setdefault(index, []).append((s - before, e + after))
        return {index: _merge(found, len(doc)) for index, found in spans.items()}


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlaps of two sorted lists of disjoint ranges."""
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _merge(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return [(max(0, lo), min(hi, n)) for lo, hi in out]


def _values(spec: Any) -> list[str] | None:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and isinstance(spec.get("IN"), list):
        return [str(v) for v in spec["IN"]]
    return None


def _literal(tok: Mapping[str, Any]) -> tuple[str, list[str]] | None:
    for attr in _ANCHOR_ATTRS:
        values = _values(tok.get(attr))
        if values is not None:
            kind = "LOWER" if attr == "TEXT" else attr
            return kind, [v.lower() if kind == "LOWER" else v for v in values]
    return None


def _anchor(pattern: list[dict[str, Any]], given: int | None) -> tuple[int, str, list[str]]:
    """Index, attribute (LOWER, ORTH or SHAPE) and values of the anchor token: the one
    ``given`` by the pattern's author, else the first literal, required token whose values
    are not common words (a digit shape such as "d/d/dddd" or "dx" before any word)."""
    if given is not None:
        literal = _literal(pattern[given])
        if literal is None or pattern[given].get("OP") in ("?", "*", "!"):
            raise ValueError(f"anchor {given} is not a required literal token: {pattern}")
        return given, *literal
    candidates = []
    for i, tok in enumerate(pattern):
        literal = _literal(tok) if tok.get("OP") not in ("?", "*", "!") else None
        if literal is not None:
            candidates.append((i, *literal))
    if not candidates:
        raise ValueError(f"pattern has no literal token to anchor it: {pattern}")
    rare = [c for c in candidates if not any(v.lower() in _COMMON for v in c[2])]
    return next((c for c in rare if c[1] == "SHAPE"), rare[0] if rare else candidates[0])


def _reach(tokens: list[dict[str, Any]]) -> int:
    """How many tokens ``tokens`` may cover: "*" and "+" any number, "{0,3}" three."""
    total = 0
    for tok in tokens:
        op = str(tok.get("OP", ""))
        bounded = re.fullmatch(r"\{(?:\d*,)?(\d+)\}", op)
        total += _UNBOUNDED if op in ("*", "+") or op.endswith(",}") else int(bounded.group(1)) if bounded else 1
    return total


def _shape_sample(shape: str) -> str:
    """A word whose shape is ``shape`` ("d/d/dddd" -> "1/1/1111")."""
    return "".join({"d": "1", "x": "a", "X": "A"}.get(ch, ch) for ch in shape)


def _in_compound(text: str, start: int, last: Token) -> bool:
    """Whether a phrase is only part of a hyphenated word, as "speech" in "text-to-speech
    software" or "speech-to-text": the word is about something else, so the phrase is not
    meant ("speech-language" is a phrase of its own)."""
    end = last.idx + len(last)
    return (start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()) or (
        text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum()
    )


def compile_matcher(nlp: Language, name: str) -> Matcher:
    """One Matcher for all patterns of file ``name``."""
    matcher = Matcher(nlp.vocab)
    for entry in load_patterns(name):
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


@dataclass(slots=True)
class Lexicon:
    """Everything the pipeline matches, built once per set of extra words."""

    phrases: PhraseMatcher
    anchors: Anchors
    columns: Matcher
    terms: dict[str, Terms]
    cues: Cues
    form_fields: dict[str, str]

    @classmethod
    def build(cls, nlp: Language, extra: Mapping[str, Sequence[str]] | None) -> Lexicon:
        phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name in PHRASE_LISTS:
            phrases.add(name, list(nlp.tokenizer.pipe(words(name, extra))))
        anchors = Anchors(nlp)
        for name in PATTERN_FILES:
            for entry in load_patterns(name):
                anchors.add(name, entry)
        terms = {name: Terms(words(name, extra)) for name in TERM_LISTS}
        terms["abbreviations"] = Terms(
            [*words("abbreviations", extra), *words("sentence_abbreviations", extra)]
        )
        columns = compile_matcher(nlp, COLUMNS_FILE)
        fields = roles("form_fields", extra)
        return cls(phrases, anchors, columns, terms, Cues(terms), fields)

    def matches(self, doc: Doc, text: str) -> Iterable[tuple[int, int, int]]:
        """(match_id, start, end) of every phrase and pattern in ``doc`` (made from
        ``text``); patterns are run only inside the windows around their anchors."""
        phrases = [m for m in self.phrases(doc) if not _in_compound(text, doc[m[1]].idx, doc[m[2] - 1])]
        yield from phrases
        lines: list[tuple[int, int]] | None = None
        for index, windows in self.anchors.windows(doc).items():
            group = self.anchors.groups[index]
            if group.file not in DOCUMENT_WIDE:
                lines = self._clause_lines(doc, text, phrases) if lines is None else lines
                windows = _intersect(windows, lines)
            matcher = group.matcher
            for lo, hi in windows:
                yield from ((m, lo + s, lo + e) for m, s, e in matcher(doc[lo:hi]))

    def _clause_lines(
        self, doc: Doc, text: str, phrases: list[tuple[int, int, int]]
    ) -> list[tuple[int, int]]:
        """Token ranges of the lines that can hold a clause or a term of one."""
        strings = doc.vocab.strings
        marked = sorted(s for m, s, _ in phrases if strings[m] in _MARKERS)
        starts = doc.to_array([IDX]).tolist()
        out: list[tuple[int, int]] = []
        pos = 0
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            lo, hi = bisect_left(starts, pos), bisect_left(starts, end)
            k = bisect_left(marked, lo)
            clause = (
                (k < len(marked) and marked[k] < hi)
                or _LINE_LABEL.match(text, pos, end)
                or text.find(" | ", pos, end) >= 0
            )
            if hi > lo and clause:
                out.append((lo, hi))
            pos = end + 1
        return out
