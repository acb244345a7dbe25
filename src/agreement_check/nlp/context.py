"""What every step of the analysis of one document shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
