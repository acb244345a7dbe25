"""Clause segmentation that understands agreements.

Each block is a unit; a paragraph holding several numbered items inline ("The District
agrees to: (a) ...; (b) ...") is split into a lead-in and its items. Every unit learns its
nested label ("2.3(a)"), the section it sits in, whether that section holds commitments at
all (recitals, definitions and signatures do not), and the lead-in ("... agrees to the
following:") that governs it. Table rows are units too, tied to the sentence that
introduces their table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Block, Document
from .lexicon import Lexicon, Terms

# An inline list label after a colon or semicolon: "...: (a) provide ...; (b) ...".
_INLINE = re.compile(
    r"[:;](?:\s(?:and|or))?\s+(?P<label>\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})\))\s+"
)
# Lettered items run into a sentence without a colon: "agrees to (a) sign ..., and (b) make ...".
_INLINE_BARE = re.compile(r"(?<=\s)(?P<label>\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+")
# A numbered item run into the previous one: "... by March 1. 2. The Parent will ...".
_RUN_ON = re.compile(r"(?<=[.;])\s+(?P<label>\d{1,2}\.)\s+(?=[A-Z])")
# A form field label at the start of a line: "Person(s) responsible: ...".
_FIELD = re.compile(r"\s*(?P<label>[A-Za-z][A-Za-z()/’' -]{0,40}?)\s*:\s*")
_SECTION = re.compile(r"^(?:section|article|part|§)\s*([0-9]+|[IVX]+)\b", re.I)
_LABEL_CORE = re.compile(r"^\(?([0-9]+(?:\.[0-9]+)*|[A-Za-z]{1,4}(?:\.[0-9]+)*)[.)]?$")
# A sentence ends at a stop before any word: notes typed at the table start sentences in
# lower case ("... in writing. dist will make up ..."); abbreviations are checked apart.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Za-z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")  # "R.", "A.T.", "a.m."
_SECTION_PREFIX = re.compile(
    r"^\s*(?:(?:section|article|part)\s+|§\s*)?(?:[0-9]+(?:\.[0-9]+)*|[IVX]+(?=[.)\s]))?[.)]?\s*", re.I
)
# A lead-in that stops at its verb, so the lines below complete it: "The District will:".
_BARE_LEAD = re.compile(r"\b(?:will|shall|must|agrees?\s+to|agreed\s+to|also|to)\s*:\s*$", re.I)
_MINOR = frozenset("a an and as at by for from in of on or the to with".split())
_SHORT_TITLE = re.compile(r"^[^.;:!?]{1,80}\.?$")


@dataclass(slots=True)
class Unit:
    """A clause-sized piece of the document: a heading, paragraph, list item or table row."""

    start: int  # span of the unit's text (with its label) in Document.text
    end: int
    body: int  # where the text after the label starts
    kind: str  # "heading", "paragraph", "item" or "row"
    label: str | None = None
    path: str | None = None  # nested label: "1(c)", "2.3(a)"
    level: int = 0
    skip: bool = False  # inside recitals, definitions or signatures
    lead: Unit | None = None  # the lead-in whose list this unit belongs to
    intro: Unit | None = None  # for a table row: the unit before its table
    block: Block | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""
    fields: dict[str, tuple[int, int]] | None = None  # a form's "party" and "time" values
    introduces: bool = False  # "... in the table below." with the table right after it

    @property
    def is_lead_in(self) -> bool:
        return (
            self.kind in ("paragraph", "item")
            and self.fields is None
            and (self.introduces or self.text.rstrip().endswith(":"))
        )

    @property
    def title(self) -> str:
        """The unit's words without its label or section number ("Background")."""
        body = self.text[self.body - self.start :]
        return _SECTION_PREFIX.sub("", body).strip().rstrip(".:").strip()


def label_core(label: str) -> str:
    m = _LABEL_CORE.match(label.strip())
    return m.group(1) if m else ""


def nest(parent: str | None, label: str) -> str | None:
    """The nested label of ``label`` under ``parent``: ("1", "(c)") -> "1(c)"."""
    core = label_core(label)
    if not core:
        return parent
    if parent is None or core.startswith(parent + "."):
        return core
    return f"{parent}({core})"


def sentences(text: str, offset: int, abbreviations: Terms) -> list[tuple[int, int]]:
    """Sentence spans of a unit's text; abbreviations and initials do not end one."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE.search(text[start : m.start() + 1])
        token = word.group(1) if word else ""
        if token in abbreviations or _INITIALS.match(token) or re.fullmatch(r"\(?\d{1,2}\.", token):
            continue
        out.append((offset + start, offset + m.start() + 1))
        start = m.end()
    if text[start:].strip():
        out.append((offset + start, offset + len(text.rstrip())))
    return out


def _pieces(text: str) -> list[tuple[int, str | None]]:
    """Offsets (and labels) where a paragraph splits into inline items, if it holds at
    least two consecutive ones."""
    if text.count(")") + text.count(". ") < 2:
        return [(0, None)]
    for pattern in (_INLINE, _RUN_ON, _INLINE_BARE):
        found = list(pattern.finditer(text))
        if len(found) >= 2 and _consecutive([m.group("label") for m in found]):
            return [(0, None)] + [(m.start("label"), m.group("label")) for m in found]
    return [(0, None)]


def _consecutive(labels: list[str]) -> bool:
    cores = [label_core(lab).lower() for lab in labels]
    first = cores[0]
    if first not in ("a", "i", "1") and not (first.isdigit() and len(cores) > 2):
        return False
    return all(_successor(a, b) for a, b in zip(cores, cores[1:]))


def _successor(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if len(a) == 1 and len(b) == 1 and a.isalpha():
        return ord(b) == ord(a) + 1
    return set(a + b) <= set("ivx")


def heading_like(unit: Unit) -> bool:
    """A numbered title such as "2. Compensatory Education" or "I. RECITALS"."""
    body = unit.text[unit.body - unit.start :].strip()
    if unit.kind != "item" or not _SHORT_TITLE.match(body) or body.endswith(":"):
        return False
    if "," in body and body.endswith((".", ";")):
        return False  # a sentence, not a title: "(ii) the Parent, by September 15, 2025."
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", body) if w.lower() not in _MINOR]
    return 0 < len(words) <= 8 and all(w[0].isupper() for w in words)


def question_title(text: str, interrogatives: Terms) -> bool:
    """A short line that asks what a section holds: "What the Charter will do",
    "Item 6 — What the Parent will do"."""
    words = text.split()
    if not words or len(words) > 10 or text.rstrip()[-1] in ".;:!?":
        return False
    return any(w.lower().strip("—–-:") in interrogatives for w in words[:4])


def segment(doc: Document, lexicon: Lexicon) -> list[Unit]:
    """The document's units in reading order, with labels, sections and lead-ins."""
    terms = lexicon.terms
    units = list(_units(doc))
    for unit in units:
        if unit.kind == "paragraph" and question_title(unit.text, terms["interrogatives"]):
            unit.kind = "heading"
    units = _forms(units, doc.text, lexicon.form_fields, terms["abbreviations"])
    for unit, after in zip(units, units[1:]):
        below = after.kind == "row" or (
            after.kind == "item" and (after.level > unit.level or unit.kind == "paragraph")
        )
        unit.introduces = unit.introduces or (below and bool(terms["lead_in_words"].search(unit.text)))
    _structure(units, terms)
    for unit in units:  # only clauses that can hold a commitment are split into sentences
        if unit.kind in ("paragraph", "item") and not unit.skip and unit.fields is None:
            body = unit.body + len(doc.text[unit.body : unit.end]) - len(doc.text[unit.body : unit.end].lstrip(" "))
            unit.sentences = sentences(doc.text[body : unit.end], body, terms["abbreviations"])
    return units


def _forms(units: list[Unit], text: str, fields: dict[str, str], abbreviations: Terms) -> list[Unit]:
    """Agreement forms: an "Agreement:" field absorbs the "Person responsible:" and
    "Timeline:" fields that follow it, so the three make one clause."""
    out: list[Unit] = []
    form: Unit | None = None
    for unit in units:
        m = _FIELD.match(text, unit.body, unit.end) if unit.kind == "paragraph" else None
        role = fields.get(" ".join(m.group("label").lower().split())) if m else None
        if role == "agreement":
            form = unit
            unit.fields = {}
            unit.body = m.end()
            unit.sentences = sentences(text[m.end() : unit.end], m.end(), abbreviations)
        elif form is not None and role in ("party", "time") and m is not None:
            form.fields[role] = (m.end(), unit.end)
            form.end = unit.end
            form.text = text[form.start : form.end]
            continue
        else:
            form = None
        out.append(unit)
    return out


def _units(doc: Document) -> Iterator[Unit]:
    text = doc.text
    for block in doc.blocks:
        raw = text[block.start : block.end]
        if block.kind == "table_row":
            yield _unit(text, block.start, block.end, block.start, "row", None, block)
            continue
        if block.kind == "heading":
            yield _unit(text, block.start, block.end, block.start, "heading", None, block)
            continue
        label = block.label if block.kind == "list_item" else None
        body = block.start + (len(label) if label and raw.startswith(label) else 0)
        pieces = _pieces(raw) if block.kind == "paragraph" or label else [(0, None)]
        for i, (offset, inline) in enumerate(pieces):
            start = block.start + offset
            end = block.start + pieces[i + 1][0] if i + 1 < len(pieces) else block.end
            if inline is None:
                kind = "item" if label else "paragraph"
                unit = _unit(text, start, end, body, kind, label, block)
                unit.introduces = len(pieces) > 1  # the words before its inline items
                yield unit
            else:
                yield _unit(text, start, end, start + len(inline), "item", inline, block, inline=True)


def _unit(
    text: str, start: int, end: int, body: int, kind: str, label: str | None,
    block: Block, inline: bool = False,
) -> Unit:
    while end > start and text[end - 1] in " ;":
        end -= 1
    unit = Unit(start=start, end=end, body=body, kind=kind, label=label, block=block)
    unit.text = text[start:end]
    unit.level = block.level + (1 if inline else 0)
    return unit


def _structure(units: list[Unit], terms: dict[str, Terms]) -> None:
    """Nested labels, skipped sections, lead-ins and table intros, in one pass."""
    skip_sections, openers, duties = terms["skip_sections"], terms["terms_openers"], terms["duty_words"]
    labels: list[tuple[int, str | None]] = []  # open list items: (level, nested label)
    section: str | None = None
    skip_level: int | None = None  # a skipped section opened by a numbered title
    skipping = False
    leads: list[Unit] = []
    previous: Unit | None = None
    for unit in units:
        if unit.kind == "heading":
            labels.clear()
            leads.clear()
            m = _SECTION.match(unit.text.strip())
            section = m.group(1) if m else None
            skipping = unit.title.lower() in skip_sections
            skip_level = None
            if duties.search(unit.text):
                leads.append(unit)  # "DISTRICT RESPONSIBILITIES": its items are the District's
            previous = unit
            continue
        if unit.kind == "row":
            unit.intro = previous if previous is not None and previous.kind != "row" else (
                previous.intro if previous is not None else None
            )
            unit.skip = skipping
            unit.lead = unit.intro.lead if unit.intro is not None else None
            if previous is None or previous.kind != "row":
                unit.path = unit.intro.path if unit.intro else section
            else:
                unit.path = previous.path
            previous = unit
            continue
        if unit.kind == "item":
            while labels and labels[-1][0] >= unit.level:
                labels.pop()
            parent = labels[-1][1] if labels else section
            unit.path = nest(parent, unit.label or "")
            labels.append((unit.level, unit.path))
            # A new item closes the lists of the items at its level or deeper: the sub-items
            # of "2." never belong to "1. ... in the table below" before it.
            leads = [lead for lead in leads if lead.kind != "item" or lead.level < unit.level]
            if skip_level is not None and unit.level <= skip_level:
                skipping, skip_level = False, None
            if heading_like(unit):
                if unit.title.lower() in skip_sections:
                    skipping, skip_level = True, unit.level
                leads = [lead for lead in leads if lead.level < unit.level]
        else:
            if openers.search(unit.text):
                labels.clear()  # "NOW, THEREFORE, ... agree as follows:" ends the lettered recitals
            unit.path = labels[-1][1] if labels else section
        duty_heading = unit.kind == "item" and heading_like(unit) and bool(duties.search(unit.text))
        opens_terms = (unit.kind == "paragraph" and (unit.is_lead_in or unit.fields is not None)) or (
            unit.kind == "item" and (duty_heading or bool(terms["obligations"].search(unit.text)))
        )
        if skipping and skip_level is None and opens_terms:
            skipping = False  # a background section ends at "Agreed:", "Here is what we agreed:"
        unit.skip = skipping
        if skipping and skip_level is None and openers.search(unit.text):
            skipping = False  # "NOW, THEREFORE, the Parties agree as follows:"
        unit.lead = _governing(leads, unit, terms)
        if unit.is_lead_in:
            leads = [lead for lead in leads if _contains(lead, unit, terms)]
            leads.append(unit)
        elif duty_heading:
            leads.append(unit)  # "A. DISTRICT RESPONSIBILITIES": its sub-items are the District's
        elif unit.lead is None:
            leads = [lead for lead in leads if lead.kind == "item" and lead.level < unit.level]
        previous = unit


def _contains(lead: Unit, unit: Unit, terms: dict[str, Terms]) -> bool:
    """Whether ``unit`` may belong to the list that ``lead`` introduces; an unlabelled
    line that starts in lower case ("provide counseling weekly") continues the list, and so
    does one that opens with a verb under a bare "The District will:" ("Provide ...")."""
    if lead.kind == "heading":  # numbered items and rows, not the paragraphs of a later section
        return unit.kind in ("item", "row")
    if unit.kind == "paragraph":
        if lead.kind != "paragraph" or _not_an_item(unit):
            return False
        return unit.text[:1].islower() or _unnumbered_item(lead, unit, terms)
    if lead.kind == "item":
        return unit.level > lead.level
    return unit.kind in ("item", "row")


def _not_an_item(unit: Unit) -> bool:
    """A line that ends a list however it is cased: a short title ("other terms",
    "Comp ed") or a signature line."""
    text = unit.text.strip()
    return "___" in text or (len(text.split()) < 4 and not text.endswith((".", ";")))


def _unnumbered_item(lead: Unit, unit: Unit, terms: dict[str, Terms]) -> bool:
    """An item whose number Word kept out of the text: under a lead-in that ends at its
    verb ("The District will:"), a paragraph with no promise of its own that does not
    open like a new statement ("Provide Shandiin with ...")."""
    if not _BARE_LEAD.search(lead.text) or unit.is_lead_in:
        return False
    words = unit.text.split()
    first = words[0].lower() if words else ""
    return (
        first.isalpha()
        and not any(first in terms[name] for name in ("list_breakers", "parties", "parent_parties"))
        and not terms["obligations"].search(unit.text)
    )


def _governing(leads: list[Unit], unit: Unit, terms: dict[str, Terms]) -> Unit | None:
    for lead in reversed(leads):
        if _contains(lead, unit, terms):
            return lead
    return None
