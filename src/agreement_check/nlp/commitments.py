"""Commitments: which clauses are undertakings, their party, kind and elements.

A clause is a commitment when one of its sentences is an undertaking, when it is an item
under a lead-in that names a party ("The District agrees to the following:"), or when it
is a row of a services table. Its kind follows from the first cue word of the promised act
("convene" -> meeting, "reimburse" -> payment), with a compensatory award taking
precedence over a plain service and the parent's own undertakings being of kind "parent".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Block, Commitment, Element
from . import values
from .context import Context
from .elements import ElementFinder, empty
from .hits import Hit
from .lexicon import alternation
from .segment import Unit, heading_like
from .undertakings import Undertaking, UndertakingFinder

_KIND_CUES = {
    "comp_ed": "comp_ed",
    "evaluations": "evaluation",
    "meetings": "meeting",
    "payments": "payment",
    "actions": "action",
    "services": "service",
}
# Time words before a cue make it part of a time term, not the promised act:
# "shall not use suspension before the IEP meeting is held" is no meeting.
_QUANTIFIER = rf"(?:(?:{alternation('quantifiers')})\s+)?"
_TIME_BEFORE = re.compile(
    rf"\b(?:{alternation('time_prepositions')})\s+{_QUANTIFIER}(?:[\w'’-]+\s+){{0,2}}$", re.I
)
# What joins the items of a list: "IEP meetings, eligibility meetings and parent-teacher ...".
_LISTED = re.compile(
    rf"[\s,]*(?:(?:{alternation('joiners')})\s+)?(?:at\s+)?{_QUANTIFIER}(?:[\w'’-]+\s+){{0,2}}", re.I
)
# A cue that points at a commitment stated elsewhere: "the services in paragraph 1".
_ELSEWHERE = re.compile(
    rf"\s*(?:(?:{alternation('elsewhere_verbs')})\s+)?"
    rf"(?:{alternation('part_preps')})\s+(?:{alternation('document_parts')})",
    re.I,
)
# Up to four words modifying a noun after "a"/"an" ("a certified Spanish interpreter"), but
# no preposition or determiner: "an interview with the Parent" does not introduce a Parent.
_PHRASE_ENDS = f"{alternation('np_ends')}|{alternation('joiners')}"
_MODIFIERS = rf"(?:(?!(?:{_PHRASE_ENDS}|{alternation('determiners')})\b)[\w()'’-]+\s+){{0,4}}"
# A determiner that points at something stated elsewhere: "the compensatory sessions".
_REFERENCE = re.compile(rf"\b(?:{alternation('reference_words')})\s+(?:\w+\s+)?$", re.I)


def _compound(text: str, cue: Hit, after: Hit | None) -> bool:
    """Whether a service only names the subject of the evaluation or meeting right after
    it: an "occupational therapy evaluation" is an evaluation."""
    return (
        cue.label == "services"
        and after is not None
        and after.label in ("evaluations", "meetings")
        and not text[cue.end : after.start].strip()
    )


# A verb that makes a list item a clause rather than a noun phrase: "the award is ...".
_CLAUSE_VERB = re.compile(rf"\b(?:{alternation('clause_verbs')})\b", re.I)
# The head noun of a definite noun phrase: "the referral", "the written report".
_DEFINITE = re.compile(
    rf"\bthe\s+(?:[\w-]+\s+){{0,3}}?([\w-]+)(?=\s+(?:{_PHRASE_ENDS})\b|[.,;]|\s*$)",
    re.I,
)
# Hits that state a term of a promise rather than a promise: "twice weekly", "by May 1".
_TERM_LABELS = ("FREQUENCY", "DURATION", "AMOUNT", "DATE", "MONTH", "SCHOOL_YEAR", "RELATIVE", "EVENT", "SPAN", "settings")
_INHERITED = ("start", "end", "location")
# A lead-in that ends by naming what its act is for: its items finish its sentence.
_PURPOSES = re.compile(r"\b(?:to|in order to|for the purpose of|for the purposes of)\s*:\s*$", re.I)
# An item that opens with a noun phrase names whom "to:" reaches ("(i) the Student's teachers").
_NOUN_PHRASE = re.compile(rf"\s*(?:(?:{alternation('determiners')})\b|[A-Z])")
_IEE_REACH = 6  # words between "fund"/"pay for" and the evaluation it pays for


@dataclass(slots=True)
class Lead:
    """What a lead-in gives the items under it."""

    undertaking: Undertaking | None
    elements: dict[str, Element | None]
    services: bool  # "... the following services:"
    award: bool  # "Compensatory education. Dist will provide:"


class CommitmentFinder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.undertakings = UndertakingFinder(ctx)
        self.elements = ElementFinder(ctx)
        self._leads: dict[int, Lead] = {}
        self._columns: dict[int, dict[int, tuple[str, str]]] = {}
        self._continued: set[int] = set()
        self._tables: dict[int, list[Block]] = {}

    def find(self, units: list[Unit]) -> list[Commitment]:
        out: list[Commitment] = []
        items: dict[int, list[Unit]] = {}
        for unit in units:
            if unit.lead is not None:
                items.setdefault(unit.lead.start, []).append(unit)
        absorbed: set[int] = set()
        for i, unit in enumerate(units):
            if unit.start in absorbed:
                continue
            terms = items.get(unit.start, []) if unit.is_lead_in else []
            if terms and self._states_terms(unit, terms):
                absorbed.update(t.start for t in terms)
                found = [self._with_terms(unit, terms[-1].end)]
            elif unit.kind == "row":
                found = [self._row(unit)]
            else:
                found = self._clause(unit)
                terms = self._term_items(unit, units[i + 1 :]) if any(found) else []
                if terms:
                    absorbed.update(t.start for t in terms)
                    end = terms[-1].end
                    found = self._clause(replace(unit, end=end, text=self.ctx.text[unit.start : end]))
            for commitment in found:
                if commitment is not None:
                    commitment.id = f"c{len(out) + 1}"
                    out.append(commitment)
        return out

    # -- clauses ------------------------------------------------------------------------

    def _clause(self, unit: Unit) -> list[Commitment | None]:
        """The commitments of one clause: usually one, but a paragraph that holds a second,
        independent undertaking ("In addition, the District will ...", "The Parent shall
        ...") holds two; sentences that only add terms stay with the undertaking before them."""
        if unit.kind == "heading" or unit.skip or unit.is_lead_in or heading_like(unit):
            return []
        lead = self._lead(unit.lead) if unit.lead is not None else None
        found: list[tuple[int, int, Undertaking]] = []  # sentence span and its undertaking
        first_kind: str | None = None
        for start, end in unit.sentences:
            if self.ctx.hits.first(start, end, "cure"):
                break
            und = self.undertakings.in_sentence(start, end)
            if und is not None and (und.deferred or (und.passive and und.party is None)):
                und = self._answerable(und, lead, found[-1][2] if found else None)
            if und is None:
                continue
            if found and first_kind is None:
                first, first_end = found[0][2], found[0][1]
                first_kind = self._kind(first, first.predicate if not first.passive else unit.body, first_end) or ""
            if found and not self._independent(und, found[0], first_kind, start, end):
                continue
            found.append((start, end, und))
            if unit.fields is not None:
                break
        if unit.fields is not None:
            own, own_end = (found[0][2], found[0][1]) if found else (None, unit.end)
            return [self._form(unit, own, own_end)]
        if not found:
            if lead is None or lead.undertaking is None or self._excluded(unit):
                return []
            return [self._make(unit, lead.undertaking, unit.body, unit.end, lead)]
        out: list[Commitment | None] = []
        for i, (start, end, und) in enumerate(found):
            span_start = unit.start if i == 0 else start
            span_end = found[i + 1][0] if i + 1 < len(found) else unit.end
            body = unit.body if i == 0 else start
            out.append(self._make(unit, und, und.predicate, end, lead, own=True, span=(span_start, body, span_end)))
        return out

    def _answerable(self, und: Undertaking, lead: Lead | None, before: Undertaking | None) -> Undertaking | None:
        """An undertaking whose subject does not name who answers for it ("it will", "a TVI
        shall", a passive) with the party of its lead-in, or for "it", of the promise before
        it in the clause; a pronoun that stands for no one is no undertaking."""
        named = lead.undertaking if lead is not None and lead.undertaking is not None else None
        if named is not None and named.party is not None:
            return replace(und, party=named.party, party_span=named.party_span, deferred=False)
        if und.deferred and und.party is None:
            if before is None or before.party is None:
                return None
            return replace(und, party=before.party, party_span=before.party_span, deferred=False)
        return und

    def _introduced(self, head: str, first: tuple[int, int, Undertaking]) -> bool:
        """Whether the first sentence of a clause introduces ``head`` with "a"/"an"."""
        introduced = re.compile(rf"\b(?:a|an)\s+{_MODIFIERS}{re.escape(head)}(?![\w-])", re.I)
        return introduced.search(self.ctx.text, first[0], first[1]) is not None

    def _states_terms(self, lead: Unit, items: list[Unit]) -> bool:
        """Whether a lead-in is a whole promise whose items only state its terms. It names
        what it promises, and then either says "on the following terms:" or "as follows:"
        and its items are clauses about it ("(b) sessions will be one hour each, twice per
        week"), or its items name nothing to do, only terms ("(a) 30 minutes per session;
        (b) twice weekly")."""
        if lead.skip or any(item.kind == "row" for item in items):
            return False
        und = self._lead(lead).undertaking
        if und is None or und.party is None:
            return False
        listed = self.ctx.terms["term_lists"].search(lead.text)
        named = lead.start + listed.start() if listed else lead.end
        if not self.ctx.hits.first(und.predicate, named, *_KIND_CUES):
            return False  # "The District agrees as follows:" names nothing yet
        if _PURPOSES.search(lead.text):
            # "convene an IEP meeting ... to: (a) review the IEE report" finishes its sentence;
            # "provide training to: (i) the Student's teachers" promises it to each of them
            return not any(_NOUN_PHRASE.match(self.ctx.text, item.body) for item in items)
        if listed is not None:
            return any(
                self.ctx.hits.first(item.body, item.end, "obligations", "permissions") or _CLAUSE_VERB.search(item.text)
                for item in items
            )
        return not self.ctx.terms["lead_in_words"].search(lead.text) and all(
            not self._cues(item.body, item.end)
            and not self.ctx.hits.first(item.body, item.end, "obligations", "permissions")
            and self.ctx.hits.first(item.body, item.end, *_TERM_LABELS)
            for item in items
        )

    def _term_items(self, unit: Unit, after: list[Unit]) -> list[Unit]:
        """The first sub-items of a promise that only state its terms ("A. The District will
        fund 30 hours ... 1. The hours may be used beginning March 10, 2025 and expire on
        August 15, 2025."): no party of their own, no act named, but a time, rate or place;
        or an undertaking that only carries the promise out, as a later sentence of its clause
        would ("2. The Guardian will schedule sessions directly with the tutor")."""
        if unit.kind != "item" or unit.is_lead_in or unit.skip:
            return []
        first = next(((s, e, u) for s, e in unit.sentences if (u := self.undertakings.in_sentence(s, e))), None)
        if first is not None:
            first_kind = self._kind(first[2], first[2].predicate, first[1])
        elif unit.lead is not None and (lead := self._lead(unit.lead).undertaking) is not None:
            # an item of a lead-in: "(c) occupational therapy consultation, as needed. (i) The
            # consultation shall be provided by the District's occupational therapist."
            first = (unit.body, unit.end, lead)
            first_kind = self._kind(lead, unit.body, unit.end)
        else:
            return []
        out: list[Unit] = []
        for item in after:
            if item.kind != "item" or item.level <= unit.level or item.lead is not unit.lead or not item.sentences:
                break
            start, end = item.sentences[0]
            und = self.undertakings.in_sentence(start, end)
            if (
                und is not None and und.party is None and first_kind == "comp_ed"
                and self._refers_to_award(start, end) and self._kind(und, start, end) in (None, "service", "comp_ed")
            ):
                pass  # "(a) The compensatory sessions will be delivered by a licensed SLP."
            elif und is not None and und.party is not None:
                if self._independent(und, first, first_kind, start, end):
                    break  # "2. The Guardian will schedule sessions with the tutor" carries out the award
            elif self._cues(item.body, item.end) or not self.ctx.hits.first(item.body, item.end, *_TERM_LABELS):
                break
            out.append(item)
        return out

    def _with_terms(self, lead: Unit, end: int) -> Commitment:
        """A lead-in and the items that state its terms, as one commitment."""
        und = self._lead(lead).undertaking
        assert und is not None
        return self._make(lead, und, und.predicate, lead.end, None, own=True, span=(lead.start, lead.body, end))

    def _independent(
        self, und: Undertaking, first: tuple[int, int, Undertaking], first_kind: str | None,
        start: int, end: int,
    ) -> bool:
        """Whether a later undertaking in a clause is a promise of its own: an active one
        with its own party ("In addition, the District will ...", "The Parent shall ..."),
        unless it only carries out the first: its subject is what the first provides ("a
        Navajo interpreter ... The interpreter will attend in person"), or it schedules or
        pays for an award or a payment ("The Parents will schedule sessions with the tutor",
        "Respondent shall issue the payment within 45 days")."""
        if und.passive or und.party is None or und.party_span is None:
            return False
        if self.ctx.terms["addition_cues"].search(self.ctx.text[start : und.predicate]):
            return True
        head = self.ctx.text[und.party_span[0] : und.party_span[1]].split()[-1]
        if self._introduced(head, first):
            return False  # "... a Navajo interpreter ... The interpreter will attend in person"
        if und.party == first[2].party and self._kind(und, und.predicate, end) == "action" and any(
            self._introduced(m.group(1), first) for m in _DEFINITE.finditer(self.ctx.text, und.predicate, end)
        ):
            return False  # "... shall submit a referral ... will give the Parent a copy of the referral"
        if first_kind in ("comp_ed", "payment", "evaluation"):
            kind = self._kind(und, und.predicate, end)
            if (
                self.ctx.hits.first(und.predicate, end, "SCHEDULE")
                or kind == "payment"
                or self.ctx.terms["payment_steps"].search(self.ctx.text[und.predicate : end])
                or (first_kind == "comp_ed" and kind in ("service", "comp_ed"))
            ):
                return False
        return True

    def _form(self, unit: Unit, own: Undertaking | None, own_end: int) -> Commitment | None:
        """An "Agreement:" field of a form is a commitment whatever its grammar ("IEP
        meeting to review the evaluation"); its "Person responsible:" field, even when
        left blank, names its party."""
        assert unit.fields is not None
        agreed_end = unit.sentences[-1][1] if unit.sentences else unit.body
        if not unit.sentences or self.ctx.hits.first(unit.body, agreed_end, "boilerplate", "cure"):
            return None
        party, span = (own.party, own.party_span) if own else (None, None)
        field = unit.fields.get("party")
        if field is not None:
            value = self.ctx.text[field[0] : field[1]].strip().rstrip(".;")
            party, span = (value, (field[0], field[0] + len(value))) if value else (None, None)
        predicate = own.predicate if own else unit.body
        und = Undertaking((unit.body, unit.body), predicate, party, span, own.passive if own else True)
        found = self._make(unit, und, predicate, own_end if own else agreed_end, None, own=True)
        if found.elements["provider"] is None and span is not None and self.ctx.hits.first(*span, "providers"):
            # "Person responsible: Contracted speech-language pathologist" also delivers it
            found.elements["provider"] = self.elements.element(*span)
        return found

    def _excluded(self, unit: Unit) -> bool:
        return bool(self.ctx.hits.first(unit.start, unit.end, "boilerplate", "cure"))

    def _make(
        self, unit: Unit, und: Undertaking, cue_start: int, cue_end: int,
        lead: Lead | None, own: bool = False, span: tuple[int, int, int] | None = None,
    ) -> Commitment:
        """A commitment over ``span`` (start, where its words start after the label, end),
        by default the whole unit."""
        start, body, end = span or (unit.start, unit.body, unit.end)
        while end > start and self.ctx.text[end - 1].isspace():
            end -= 1
        kind = self._kind(und, cue_start if not und.passive or not own else body, cue_end)
        if kind is None:
            kind = "service" if lead is not None and lead.services else "action"
        if lead is not None and lead.award and kind in ("service", "action", "payment") and not own:
            kind = "comp_ed"  # an item of a compensatory award: "a) 24 sessions of reading tutoring"
        elements = self.elements.find(kind, body, end)
        if lead is not None and lead.undertaking is not None:
            for name in _INHERITED:
                if elements[name] is None:
                    elements[name] = lead.elements[name]
        return Commitment(
            id="", kind=kind, party=und.party, text=self.ctx.text[start:end], start=start,
            end=end, label=unit.path, elements=elements,
        )

    def _kind(self, und: Undertaking, start: int, end: int) -> str | None:
        """The kind named by the first cue of the promised act; None when there is none."""
        if und.party_span is not None and self._family(und.party_span):
            return "parent"
        if und.negated:
            return "action"  # a promise not to act: "shall not change the placement"
        text = self.ctx.text
        cues = self._cues(start, end)
        cues = [h for h, after in zip(cues, cues[1:] + [None]) if not _compound(text, h, after)]
        if und.passive:
            # The participle, then the subject: "an IEP meeting will be convened by ..."
            opens = self.undertakings.subject_start(start, und.marker[0])
            subject = [h for h in cues if opens <= h.start < und.marker[0]]
            participle = [h for h in cues if h.start == und.predicate]
            cues = participle + subject + [h for h in cues if h not in participle and h not in subject]
        if not cues:
            recurring = self.ctx.hits.first(start, end, "FREQUENCY", "DURATION", "recurrence")
            return "service" if recurring else None
        first = cues[0]
        kind = _KIND_CUES[first.label]
        decisions = self.ctx.terms["decisions"]
        participle = text[und.predicate : end].split(" ", 1)[0]
        iee = kind in ("evaluation", "payment") and self.ctx.hits.first(start, end, "iee")
        if not iee and (decisions.search(text[start : first.start]) or (und.passive and participle in decisions)):
            return "action"  # "will consider adding a 1:1 aide", "ESY will be considered"
        if kind == "meeting" and text[first.start : first.end].lower() == "meet":
            # "meet with the Student weekly" serves the Student; meeting the family is a meeting
            recurring = self.ctx.hits.first(start, end, "FREQUENCY", "recurrence")
            family = self.ctx.hits.first(first.end, min(end, first.end + 20), "parent_parties")
            return "service" if recurring and family is None else "meeting"
        if kind == "payment" and self._pays_for_evaluation(first, cues):
            return "evaluation"
        if kind in ("service", "action", "payment") and (self._awards(first, cues) or self._fronted_award(und)):
            return "comp_ed"
        return kind

    def _fronted_award(self, und: Undertaking) -> bool:
        """Whether the sentence opens by naming an award before its subject: "To make up for
        the missed sessions, the District will ...", "As compensatory education, ..."."""
        opens = self.ctx.text.rfind("\n", 0, und.marker[0]) + 1
        subject = self.undertakings.subject_start(opens, und.marker[0])
        return self.ctx.hits.first(opens, subject, "comp_ed") is not None

    def _awards(self, first: Hit, cues: list[Hit]) -> bool:
        """Whether the act awards compensatory services: a compensatory cue that is not a
        reference to an award made elsewhere ("for each compensatory session the Student
        attends") in an act that is not a reimbursement of the family's own costs."""
        text = self.ctx.text
        if first.label == "payments" and text[first.start : first.end].lower().startswith("reimburs"):
            return False
        return any(
            h.label == "comp_ed" and not _REFERENCE.search(text[max(0, h.start - 20) : h.start])
            for h in cues
        )

    def _refers_to_award(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` speaks of an award made before it: "the compensatory
        sessions", "these make-up hours"."""
        text = self.ctx.text
        return any(
            _REFERENCE.search(text[max(0, h.start - 20) : h.start])
            for h in self.ctx.hits.within(start, end)
            if h.label == "comp_ed"
        )

    def _cues(self, start: int, end: int) -> list[Hit]:
        """The kind cues of ``[start, end)`` that can name the promised act: not a time
        ("before the IEP meeting"), a place ("the counseling office"), a person ("a
        speech-language pathologist"), a commitment stated elsewhere, nor the next of a list
        of such ("at all IEP meetings, eligibility meetings and ...")."""
        text = self.ctx.text
        hits = self.ctx.hits.within(start, end)
        places = [h for h in hits if h.label in ("settings", "providers", "parties")]
        cues: list[Hit] = []
        dropped: Hit | None = None
        for h in hits:
            if h.label not in _KIND_CUES:
                continue
            if (
                _TIME_BEFORE.search(text[max(start, h.start - 40) : h.start])
                or any(p.start <= h.start and h.end <= p.end and p.end > h.end for p in places)
                or (_REFERENCE.search(text[max(start, h.start - 20) : h.start]) and _ELSEWHERE.match(text, h.end))
                or (dropped is not None and _LISTED.fullmatch(text, dropped.end, h.start))
            ):
                dropped = h
                continue
            cues.append(h)
        return cues

    def _family(self, span: tuple[int, int]) -> bool:
        """Whether a party is the family alone ("Parents", "Mother and Father"), not a
        joint party ("the District and the Parent")."""
        named = self.ctx.hits.within(span[0], span[1], "parties", "parent_parties")
        family = [h for h in named if h.label == "parent_parties"]
        if self.ctx.text[span[0] : span[1]].strip().lower() in self.ctx.family_names:
            return True  # "I", in a draft the parent wrote
        if not named:  # "Marcus and Elena", named as the family in the document
            words = re.findall(r"[A-Z][\w'’-]+", self.ctx.text[span[0] : span[1]])
            return bool(words) and all(w.lower() in self.ctx.family_names for w in words)
        return bool(family) and all(
            any(f.start <= h.start and h.end <= f.end for f in family) for h in named
        )

    def _pays_for_evaluation(self, payment: Hit, cues: list[Hit]) -> bool:
        """ "fund an IEE", "pay for an independent evaluation": an evaluation, not a payment."""
        for h in cues:
            if h.label == "evaluations" and h.start > payment.end:
                gap = self.ctx.text[payment.end : h.start].split()
                words = {w.lower() for w in gap[1:]}
                # "pay for the private OT evaluation you had" repays a cost; it is no IEE
                return len(gap) <= _IEE_REACH and not {"for", "to", "of", "private"} & words
        return False

    def _lead(self, unit: Unit) -> Lead:
        key = unit.start
        if key not in self._leads:
            und = None
            for start, end in unit.sentences:
                und = self.undertakings.in_sentence(start, end)
                if und is not None:
                    break
            if und is None and self.ctx.terms["duty_words"].search(unit.text):
                und = self._duties(unit)
            if und is None and unit.lead is not None:
                und = self._lead(unit.lead).undertaking  # "5.1 The District shall: (b) provide training to:"
            services = "service" in unit.text.lower() or bool(
                self.ctx.hits.first(unit.start, unit.end, "services")
            )
            award = bool(self.ctx.hits.first(unit.start, unit.end, "comp_ed"))
            self._leads[key] = Lead(und, self.elements.find("service", unit.body, unit.end), services, award)
        return self._leads[key]

    def _duties(self, unit: Unit) -> Undertaking | None:
        """The party of "DISTRICT RESPONSIBILITIES" or "Obligations of the Parents:"."""
        named = self.ctx.hits.first(unit.start, unit.end, "parties", "parent_parties")
        if named is None:
            return None
        party = self.ctx.text[named.start : named.end]
        return Undertaking((unit.end, unit.end), unit.end, party, (named.start, named.end))

    # -- table rows -----------------------------------------------------------------------

    def _row(self, unit: Unit) -> Commitment | None:
        block = unit.block
        if block is None or block.table is None or unit.skip:
            return None
        columns = self._table_columns(block.table)
        header = block.row == 0 and block.table not in self._continued
        named = {n for n, _ in columns.values()}
        if header or not block.cells or not named & {"service", "action"}:
            return None
        intro = self._lead(unit.intro) if unit.intro is not None else None
        if "service" not in named:
            return self._action_row(unit, block, columns, intro)
        und = intro.undertaking if intro is not None else None
        elements = empty()
        left_empty: set[str] = set()  # cells with nothing in them, unlike "TBD"
        for i, (start, end) in enumerate(block.cells):
            name, header = columns.get(i, (None, ""))
            cell = self.ctx.text[start:end].strip()
            if name is not None and not cell:
                left_empty.add(name)
            if name is not None and cell and cell.lower() not in self.ctx.terms["blank_cells"]:
                elements[name] = self._cell(name, start, end, header)
        # "60 minutes per month" in the Frequency column states the amount per period too.
        found = self.elements.quantities(unit.start, unit.end)
        for name in ("frequency", "duration"):
            if elements[name] is None:
                elements[name] = found[name]
        duration = elements["duration"]
        if elements["frequency"] is None and duration and duration.value and duration.value.get("per") != "session":
            elements["frequency"] = Element(duration.text, duration.start, duration.end, {"times": None, "per": duration.value["per"]})
        if intro is not None:  # "in the DD preschool classroom unless another place is listed"
            stated = {name for name, _ in columns.values()} - left_empty
            for name in _INHERITED:
                if name not in stated and elements[name] is None:
                    elements[name] = intro.elements[name]
        service = elements["service"]
        header = next(h for n, h in columns.values() if n == "service")
        award = self.ctx.terms["comp_ed_words"].search(header) or (
            service and self.ctx.hits.first(service.start, service.end, "comp_ed")
        )
        kind = "comp_ed" if award else "service"
        return Commitment(
            id="", kind=kind, party=und.party if und else None, text=unit.text,
            start=unit.start, end=unit.end, label=unit.path, elements=elements,
        )

    def _action_row(
        self, unit: Unit, block: Block, columns: dict[int, tuple[str, str]], intro: Lead | None
    ) -> Commitment | None:
        """A row of a table of agreed actions (Action | Person Responsible | Due Date): its
        party is the responsible person's cell, or the table's lead-in's party."""
        cells = {columns[i][0]: (s, e, columns[i][1]) for i, (s, e) in enumerate(block.cells) if i in columns}
        act = cells.get("action")
        if act is None or not self.ctx.text[act[0] : act[1]].strip():
            return None
        und = intro.undertaking if intro is not None and intro.undertaking is not None else None
        party, span = (und.party, und.party_span) if und is not None else (None, None)
        who = cells.get("provider")
        if who is not None:
            said = self.ctx.text[who[0] : who[1]].strip()
            if said and said.lower() not in self.ctx.terms["blank_cells"]:
                offset = who[0] + self.ctx.text[who[0] : who[1]].find(said)
                party, span = said, (offset, offset + len(said))
        und = Undertaking((act[0], act[0]), act[0], party, span)
        kind = self._kind(und, act[0], act[1]) or "action"
        elements = self.elements.find(kind, act[0], act[1])
        for name, (start, end, header) in cells.items():
            cell = self.ctx.text[start:end].strip()
            stated = cell and cell.lower() not in self.ctx.terms["blank_cells"]
            if stated and name in ("start", "end", "deadline", "location"):
                elements[name] = self._cell(name, start, end, header)
        return Commitment(
            id="", kind=kind, party=party, text=unit.text, start=unit.start, end=unit.end,
            label=unit.path, elements=elements,
        )

    def _cell(self, name: str, start: int, end: int, header: str) -> Element | None:
        """A cell as the element its column holds, valued from the hits inside it; a
        quantity column whose cell says no number ("periodic") states nothing."""
        finder = self.elements
        if name in ("start", "end", "deadline"):
            times = finder.times(start, self.ctx.hits.within(start, end))
            value = finder.time_value(times[0], name) if times else None
            return finder.element(start, end, value)
        if name not in ("frequency", "duration", "amount"):
            return finder.element(start, end)
        found = finder.quantities(start, end)[name]
        if found is not None:
            return finder.element(start, end, found.value)
        cell = self.ctx.text[start:end]
        if values.number(cell) is not None and (name != "frequency" or values.period(header)):
            # A bare "30" under "Minutes per Session" takes its unit from the header.
            read = {"duration": values.duration, "amount": values.amount, "frequency": values.frequency}[name]
            return finder.element(start, end, read(f"{cell} {header}"))
        return None

    def _table_columns(self, table: int) -> dict[int, tuple[str, str]]:
        """Element name and header text of each column of a table, from its header row.

        A table with no header whose rows have as many cells as the table before it is
        that table continued (a page break split it): it takes its columns, and its
        first row is a data row.
        """
        if not self._tables:
            for b in self.ctx.document.blocks:
                if b.table is not None:
                    self._tables.setdefault(b.table, []).append(b)
        if table not in self._columns:
            rows = self._tables.get(table, [])
            columns = self._header(rows[0]) if rows else {}
            before = self._tables.get(table - 1, [])
            if not columns and rows and before and len(before[0].cells) == len(rows[0].cells):
                columns = self._table_columns(table - 1)
                self._continued.add(table)
            self._columns[table] = columns
        return self._columns[table]

    def _header(self, header: Block) -> dict[int, tuple[str, str]]:
        columns: dict[int, tuple[str, str]] = {}
        matcher = self.ctx.lexicon.columns
        strings = self.ctx.doc.vocab.strings
        for i, (start, end) in enumerate(header.cells):
            span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
            # The last column word is the head ("Service Provider" is a provider column).
            found = sorted(matcher(span), key=lambda m: -m[1]) if span is not None else []
            taken = {name for name, _ in columns.values()}
            labels = [strings[m].removeprefix("COL_") for m, _, _ in found]
            label = next((lab for lab in labels if lab not in taken), None)
            if label is not None:
                columns[i] = (label, span.text)
        filled = sum(1 for start, end in header.cells if self.ctx.text[start:end].strip())
        return columns if 2 * len(columns) >= filled else {}  # a data row names few columns
