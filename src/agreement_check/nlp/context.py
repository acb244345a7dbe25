"""What every step of the analysis of one document shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from spacy.tokens import Doc

from ..model import Document
from .hits import Hit, Hits
from .lexicon import Lexicon, Terms

_NAME_WORD = re.compile(r"[A-Z][\w.&'’-]*|of|de|del|la|los|las|y")


@dataclass(slots=True)
class Context:
    document: Document
    doc: Doc
    hits: Hits
    lexicon: Lexicon
    base: date | None = None  # the agreement's date: year-less dates count from it
    names: dict[str, str] = field(default_factory=dict)  # "mesa vista schools" -> "District"
    defined: set[str] = field(default_factory=set)  # defined party terms: "director"
    terms_text: dict[str, str] = field(default_factory=dict)  # '"Parents")' -> "Parents"
    student_names: set[str] = field(default_factory=set)  # "a.g." when A.G. (the "Student")
    family_names: set[str] = field(default_factory=set)  # "marcus" when "Parent (Marcus Montoya):"

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def terms(self) -> dict[str, Terms]:
        return self.lexicon.terms

    def span(self, hit: Hit) -> str:
        return self.document.text[hit.start : hit.end]

    def learn_names(self) -> None:
        """Defined names that make a party: Mesa Vista Schools ("the District")."""
        text = self.text
        for hit in self.hits.labelled("DEFINED"):
            before = text[max(0, hit.start - 90) : hit.start]
            opener = re.search(r"\(\s*(?:the\s+|hereinafter\s+|collectively\s+)?$", before, re.I)
            if opener is None:
                continue
            term = re.sub(r"^[\"“”\s]*(?:the\s+)?|[\"“”)\s]*$", "", self.span(hit), flags=re.I)
            inside = self.hits.within(hit.start, hit.end, "parties")
            head = before[: opener.start()].rstrip(" ,")
            name: list[str] = []
            for word in reversed(head.split()):
                if not _NAME_WORD.fullmatch(word):
                    break
                name.insert(0, word)
            if not name:
                continue
            name_text = " ".join(name)
            name_end = hit.start - len(before) + len(head)
            institution = self.hits.within(name_end - len(name_text), name_end, "parties")
            if term.lower() in self.terms["student_terms"]:
                self.student_names.add(name_text.lower())
            if term and (inside or institution) and term.lower() not in self.terms["non_parties"]:
                self.names[name_text.lower()] = term
                self.defined.add(term.lower())
                self.terms_text[self.span(hit)] = term

    def learn_speakers(self) -> None:
        """Who "I", "you" or "we" stands for: the party named in parentheses after it ("What
        I (Parent) agreed to:"), or, for "I", the parent when a parent plainly wrote the
        draft ("an evaluator of my choice", "the therapy I paid for")."""
        for m in _SPEAKER.finditer(self.text):
            pronoun, role = m.group(1).lower(), m.group(2)
            if pronoun in self.terms["speakers"] and self.hits.first(m.start(2), m.end(2), "parties", "parent_parties"):
                self.names.setdefault(pronoun, role)
        if "i" not in self.names and self.terms["parent_author"].search(self.text):
            self.names["i"] = "Parent"
        for subject, object_ in (("i", "me"), ("we", "us")):
            if subject in self.names:
                self.names.setdefault(object_, self.names[subject])  # "reimburse me $1,150"
        for pronoun, role in self.names.items():
            if pronoun in self.terms["speakers"] and role.lower() in self.terms["parent_parties"]:
                self.family_names.add(pronoun)

    def learn_family(self) -> None:
        """Names the family goes by in notes and signature lines: "Parent (Marcus Montoya):",
        "parents: Joaquin + Maria Baca", "Carla Romero (mom)"."""
        after, before = _family_patterns(self.terms["parent_parties"])
        for m in after.finditer(self.text):
            self.family_names.update(w.lower() for w in _CAPITALISED.findall(m.group(1) or m.group(2)))
        for m in before.finditer(self.text):
            name = _NAME_BEFORE.search(self.text, max(0, m.start() - 80), m.start())
            if name:
                self.family_names.update(w.lower() for w in _CAPITALISED.findall(name.group(0)))


_CAPITALISED = re.compile(r"[A-Z][\w'’-]+")
_SPEAKER = re.compile(r"\b([A-Za-z]+)\s*\(\s*(?:the\s+)?([A-Za-z][\w'’-]*)\s*\)")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|\+|&|and))*[ \t]*$")


@lru_cache(maxsize=8)
def _family_patterns(roles: Terms) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A role heading a line ("Parent (Marcus Montoya):", "parents: ...") and a role in
    parentheses after a name ("Carla Romero (mom)")."""
    said = "|".join(re.escape(t) for t in roles.terms)
    after = re.compile(rf"(?im)^[ \t]*(?:{said})[ \t]*(?:\(([^)\n]{{3,60}})\)|:[ \t]*([^\n(_]{{3,60}}))")
    before = re.compile(rf"\((?:the[ \t]+)?(?:{said})\b", re.I)
    return after, before
