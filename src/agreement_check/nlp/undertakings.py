"""Finding the undertaking in a sentence: its marker, its party, its voice.

"The District will provide ..." (active: the party is the subject), "Speech therapy shall
be provided by the District's SLP" (passive: the party is the by-agent, or none),
"The District shall not ..." (negated: still an undertaking), "The District may provide
..." (hedged). Rights and options ("the Parent may file ...", "either party may ..."),
statements ("shall then have ten days", "shall be legally binding") and sentences with
boilerplate or cure language are not undertakings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .context import Context
from .hits import Hit
from .lexicon import Terms, agent_noun

_CLAUSE_BREAK = re.compile(  # a period after a long word ends a run-in heading: "Services. dist will"
    r"[,;:()]|(?<=\w{4})\.\s|\b(?:but|that|if|unless|then|so|when|whenever|where|whether|because|while|until)\s",
    re.I,
)
_WORD = re.compile(r"[\w'’]+")
_APPOSITION = re.compile(r"[,(]")
_CONJUNCTION = re.compile(r"\b(?:and|or)\s")
_LEADING = re.compile(
    r"^(?:\s|and\b|or\b|but\b|then\b|also\b|the\b|a\b|an\b|each\b|its\b|their\b|[-–•*]"
    r"|(?:section|article|paragraph|step|item|§)\s*[\w.()-]*\d[\w.()-]*[.:]?"
    r"|(?:[A-Za-z]?\d+(?:\.\d+)*|[A-Za-z](?:\.\d+)+)[.)]?(?=\s))+",  # "4.1", "b.2" run into the text
    re.I,
)
_AFTER_MARKER = (  # "will not also provide", "may, at its discretion, convene": negation, an aside,
    # adverbs, the verb and the word after it
    r"(?:\s*,[^,;:.]{{1,60}},)?\s+(?P<neg>not\s+)?(?:(?:{adverbs})\s+)*(?P<word>[\w'’-]+)(?:\s+(?P<next>[\w'’-]+))?"
)
_AGENT = re.compile(r"\bby\s+(?P<np>(?:the\s+|a\s+|an\s+)?[^,;:.()]*)", re.I)
_GOVERNED = re.compile(
    r"\s(?:hereby\s+)?(?:agrees|agree|agreed|commits|commit|guarantees|ensures|(?:will|shall)\s+ensure)\s+that\s+$", re.I
)
_AGREES_THAT = re.compile(r"\s(?:agrees|agree|agreed)(?:\s+as\s+follows|\s+that)?\s*:\s*$", re.I)
_INDEFINITE = re.compile(r"(?:a|an|any)\s", re.I)
_SOURCE = re.compile(r"\b(?:by|from)\s+(?P<np>(?:the\s+|a\s+|an\s+)?[^,;:.()]*)", re.I)
_NP_STOP = re.compile(
    r"\s+(?:within|to|in|at|on|for|no|not|by|during|beginning|starting|from|through|until|"
    r"before|after|with|and|or|who|which|that|as|upon|once|each|every|daily|weekly|monthly|"
    r"once|twice|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b.*$",
    re.I,
)
_PERMISSION = "permissions"
_SOFT = "soft_obligations"
_MARKERS = ("obligations", _PERMISSION, _SOFT)
_CONDITION = re.compile(r"\b(?:if|unless|when|whenever|in case)\s+$", re.I)
# Hits that make a subject a thing rather than someone: "Speech therapy will ...".
_THING_LABELS = (
    "services", "comp_ed", "evaluations", "meetings", "payments", "DATE", "MONTH", "SCHOOL_YEAR",
    "FREQUENCY", "DURATION", "AMOUNT",
)
_POSSESSOR = re.compile(r"\W*(?:the\s+)?([\w.]+(?:\s+[\w.]+)?)(?:'s|’s)\s", re.I)
_ARTICLE = re.compile(r"\b(?:the|a|an)\s", re.I)
_PARTY_LABELS = ("parties", "parent_parties", "PERSON")
_ASIDE = re.compile(r"\([^()]*\)")
_NAME_JOINERS = frozenset({"and", "&", "+", "of", "de", "del", "la"})
# "District to provide ...": a party, "to" and a verb at the start of a sentence.
_NOTE = re.compile(  # after a bullet or a run-in label: "Step 2: BCBA to complete ..."
    r"\s*(?:[-–•*]\s*)?(?:[\w .]{1,20}:\s*)?(?:the\s+)?[A-Za-z][\w'’ +&./]{0,40}?\s+(?P<to>to)\s+(?!be\b|the\b|a\b|an\b|\d)(?P<verb>[a-z]+)\b"
)


@dataclass(slots=True)
class Undertaking:
    marker: tuple[int, int]  # span of "will", "shall", "agrees to" ...
    predicate: int  # where the promised act starts (after the marker, "not", "be")
    party: str | None
    party_span: tuple[int, int] | None
    passive: bool = False
    negated: bool = False
    hedged: bool = False
    # The subject stands for a party named elsewhere ("it will", "a TVI shall"): a lead-in's
    # party, or the party of the clause's earlier promise, answers for it.
    deferred: bool = False


@lru_cache(maxsize=8)
def _participles(acts: Terms) -> re.Pattern[str]:
    """The past participles of the one-word acts: "train" -> "trained", "revise" -> "revised"."""
    verbs = sorted({t.removesuffix("e") for t in acts.terms if t.isalpha() and not t.endswith(("ed", "ing"))})
    return re.compile(rf"^(?:{'|'.join(map(re.escape, verbs))})e?d$", re.I)


def clean_party(text: str, adverbs: Terms | None = None) -> str:
    """A noun phrase as a party name: clause numbers, determiners and conjunctions off,
    adverbs between the party and its verb off ("The District hereby agrees"), spaces
    collapsed."""
    words = _LEADING.sub("", text).split()
    while adverbs is not None and len(words) > 1 and words[-1].lower() in adverbs:
        words.pop()
    return " ".join(words).strip(" ,.\"“”'’")


class UndertakingFinder:
    """Reads sentences for undertakings, using the hits of one document."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.terms = ctx.terms
        self.adverbs = ctx.terms["adverbs"]
        adverbs = "|".join(re.escape(a) for a in self.adverbs.terms)
        self._after_marker = re.compile(_AFTER_MARKER.format(adverbs=adverbs), re.I)
        self._acts = _participles(ctx.terms["actions"])

    def in_sentence(self, start: int, end: int) -> Undertaking | None:
        """The first undertaking in the sentence ``[start, end)``, if any."""
        hits = self.ctx.hits.within(start, end)
        if any(h.label in ("boilerplate", "cure") for h in hits):
            return None
        for marker in (h for h in hits if h.label in _MARKERS):
            found = self._at(marker, start, end, hits)
            if found is not None:
                return found
        return self._note(start, end, hits) or self._agrees_that(start, end, hits)

    def _agrees_that(self, start: int, end: int, hits: list[Hit]) -> Undertaking | None:
        """A lead-in "The District hereby agrees that:" or "The District agrees:", whose items
        are the District's."""
        m = _AGREES_THAT.search(self.ctx.text, start, end)
        if m is None:
            return None
        party, span = self._active_party(start, m.start(), hits)
        return None if party is None else Undertaking((m.start(), m.end()), end, party, span)

    def _note(self, start: int, end: int, hits: list[Hit]) -> Undertaking | None:
        """A note typed at the table: "District to pay $500 by March 1", "Parent to sign"."""
        m = _NOTE.match(self.ctx.text, start, end)
        if m is None or self.ctx.hits.first(m.start("verb"), m.end("verb"), "settings"):
            return None  # "Get T.G. to school by 7:45" goes somewhere; it names no party
        subject = (self.subject_start(start, m.start("to")), m.start("to") - 1)
        party, span = self._party(subject, hits)
        if party is None or span is None:
            return None
        if any(w.lower() in self.terms["reporting_verbs"] for w in _WORD.findall(self.ctx.text, start, span[1])):
            return None  # "The Parent asked the District to provide" is reported talk
        return Undertaking((m.start("to"), m.end("to")), m.start("verb"), party, span)

    def _at(self, marker: Hit, start: int, end: int, hits: list[Hit]) -> Undertaking | None:
        text = self.ctx.text
        after = self._after_marker.match(text, marker.end, end)
        if after is None:
            if _ASIDE.sub("", text[marker.end : end]).strip() not in (":", ""):
                return None  # but "What the District agreed to (final):" is a bare lead-in
            # A bare lead-in: "District will:", "Parents agree to:", "The Father agrees to (a) ...".
            party, span = self._active_party(start, marker.start, hits)
            return None if party is None else Undertaking((marker.start, marker.end), end, party, span)
        word = after.group("word").lower()
        subject_start = self.subject_start(start, marker.start)
        said = clean_party(text[subject_start : marker.start], self.adverbs).lower()
        if (after.group("next") or "").lower() == "to" and word in self.terms["aspect_verbs"]:
            # "will continue to provide": the act is the verb after "to"
            after = self._after_marker.match(text, after.end("next"), end) or after
            word = after.group("word").lower()
        elif word in self.terms["aspect_verbs"] and said in self.terms["pronouns"]:
            return None  # "They will begin February 2, 2026": when the services before start
        negated = bool(after.group("neg"))
        hedged = marker.label in (_PERMISSION, _SOFT)
        if hedged and not text[marker.start : marker.end].islower():
            return None  # "May 2025" is a month, "Should the Student be absent" a condition
        if marker.label == _SOFT and _CONDITION.search(text, start, subject_start):
            return None  # "if the District should fail to ..."
        if word in self.terms["stative_verbs"]:
            return None
        passive = False
        predicate = after.start("word")
        two_words = f"{word} {(after.group('next') or '').lower()}"
        if word in self.terms["event_verbs"] or two_words in self.terms["event_verbs"]:
            passive = True  # "Training will occur within 10 days": no one named
        elif word == "be":
            participle = (after.group("next") or "").lower()
            if not (participle.endswith(("ed", "en")) or participle in self.terms["participles"]):
                return None
            passive = True
            predicate = after.start("next")
        subject = (subject_start, marker.start)
        if passive:
            if not clean_party(self.ctx.text[subject[0] : subject[1]], self.adverbs):
                subject = (start, marker.start)  # "A full reevaluation, including ..., will be"
            if not self._passive_subject(subject, predicate, end, hits):
                return None
            party, span = self._agent(predicate, end, hits)
            if party is None:  # "The District commits that the Student will not be suspended"
                party, span = self._governor(start, subject[0], hits)
            if marker.label == _PERMISSION and span is not None and self._parent(span):
                return None
            if party is None and text[predicate:end].split(" ", 1)[0].lower() in self.terms["decisions"]:
                return None  # "transfer of rights will be discussed": talk by no one, no promise
            return Undertaking((marker.start, marker.end), predicate, party, span, True, negated, hedged)
        party, span = self._active_party(start, marker.start, hits)
        if party is None and said in self.terms["pronouns"]:
            return Undertaking((marker.start, marker.end), predicate, None, None, False, negated, hedged, True)
        if party is not None and text[marker.start : marker.end].lower().startswith(("is ", "are ")):
            # "The District is to provide" binds; "The District's goal is to ..." does not.
            if not any(h.end == marker.start - 1 for h in hits if h.label in ("parties", "PERSON")):
                return None
        if party is None and self._receives(subject, two_words, predicate, end):
            # "The Student will receive speech therapy weekly": provided, by no one named
            # or by whoever it comes "from".
            party, span = self._agent(predicate, end, hits, _SOURCE)
            return Undertaking((marker.start, marker.end), predicate, party, span, True, negated, hedged)
        if party is not None and marker.label == _PERMISSION and self._parent(span):
            # "The District agrees that the Parents may obtain an IEE": the District allows it
            party, span = self._governor(start, subject[0], hits)
        if party is None:
            return None
        deferred = _INDEFINITE.match(text[subject[0] : subject[1]].lstrip()) is not None
        return Undertaking((marker.start, marker.end), predicate, party, span, False, negated, hedged, deferred)

    def _governor(self, start: int, subject: int, hits: list[Hit]) -> tuple[str | None, tuple[int, int] | None]:
        """The party that agrees or commits that what follows will be so."""
        m = _GOVERNED.search(self.ctx.text, start, subject)
        return self._active_party(start, m.start(), hits) if m else (None, None)

    def _student(self, subject: tuple[int, int]) -> bool:
        name = clean_party(self.ctx.text[subject[0] : subject[1]], self.adverbs).lower()
        return name in self.terms["student_terms"] or name in self.ctx.student_names

    def _student_owns(self, subject: tuple[int, int]) -> bool:
        """Whether a subject is something of the Student's: "the Student's IEP"."""
        m = _POSSESSOR.match(self.ctx.text, subject[0], subject[1])
        return m is not None and self._student((subject[0], m.start(1) + len(m.group(1))))

    def _receives(self, subject: tuple[int, int], words: str, predicate: int, end: int) -> bool:
        """Whether the subject is given what the clause promises: the Student with any verb
        of receiving, anyone else who will "receive" a service, training or copy."""
        verb = words.split()[0]
        if self._student(subject):
            return verb in self.terms["receiving_verbs"] or words in self.terms["receiving_verbs"]
        cues = ("services", "comp_ed", "evaluations", "actions")
        return verb == "receive" and bool(self.ctx.hits.first(predicate, end, *cues))

    def subject_start(self, start: int, marker: int) -> int:
        """Start of the subject: after the last comma, parenthesis, conjunction or verb of
        saying ("The teacher said she will ...")."""
        head = self.ctx.text[start:marker]
        cut = 0
        for m in _CLAUSE_BREAK.finditer(head):
            cut = m.end()
        for m in _WORD.finditer(head, cut):
            if m.group(0).lower() in self.terms["reporting_verbs"]:
                cut = m.end()
        return start + cut

    def _subjects(self, start: int, marker: int) -> list[tuple[int, int]]:
        """Where the subject may be, most likely first: after the last comma ("Mother and
        Father will"), after the last "and" ("..., and the District will"), or before the
        first comma ("The IEP team, including the Parent, will")."""
        first = self.subject_start(start, marker)
        out = [(first, marker)]
        if not self.ctx.text[first:marker].strip(" ,"):
            # a subject closed by its appositive: "..., the District's job coach, Mr. Arviso, will"
            commas = [m.start() for m in re.finditer(",", self.ctx.text[start:marker])]
            bounds = [start] + [start + c + 1 for c in commas]
            pieces = [(a, start + c) for a, c in zip(bounds, commas)]
            out += [p for p in pieces[-2:] if self.ctx.text[p[0] : p[1]].strip()]
        joined = list(_CONJUNCTION.finditer(self.ctx.text, first, marker))
        if joined:
            out.append((joined[-1].end(), marker))
        head = _APPOSITION.search(self.ctx.text, start, marker)
        if head is not None and first > start:
            out.append((start, head.start()))
        defined = [h for h in self.ctx.hits.within(start, marker, "DEFINED") if not self.ctx.text[h.end : marker].strip()]
        if defined:  # "Mr. and Mrs. Tsosie (the "Parents") agreed to"
            opening = self.ctx.text.rfind("(", start, defined[0].start)
            before = self.subject_start(start, max(start, opening))
            out.append((before, marker))
        return out

    def _active_party(
        self, start: int, marker: int, hits: list[Hit]
    ) -> tuple[str | None, tuple[int, int] | None]:
        for subject in self._subjects(start, marker):
            party, span = self._party(subject, hits)
            if party is not None:
                return party, span
        return None, None

    def _party(self, span: tuple[int, int], hits: list[Hit]) -> tuple[str | None, tuple[int, int] | None]:
        """The party a subject names, as written, or None."""
        raw = self.ctx.text[span[0] : span[1]]
        name = clean_party(raw, self.adverbs)
        if not name or name.lower() in self.terms["non_parties"]:
            return None, None
        if name.split()[-1].lower() in self.terms["auxiliaries"]:
            return None, None  # "The District did not agree to ..."
        first, *rest = name.split()
        if rest and first.lower() in self.terms["interrogatives"]:
            after = self._party((span[0] + raw.find(rest[0]), span[1]), hits)
            if after[0] is not None:
                return after  # "What you agreed to:" is what the Parent agreed to
        offset = span[0] + raw.find(name.split()[0])
        named = (offset, offset + len(name))
        defined = self.ctx.names.get(name.lower())
        if defined:
            return defined, named
        term = self.ctx.hits.first(span[0], span[1], "DEFINED")
        if term is not None and self.ctx.text[term.start : term.end] in self.ctx.terms_text:
            return self.ctx.terms_text[self.ctx.text[term.start : term.end]], named
        if name.lower() in self.ctx.defined:
            return name, named
        heads = [  # the party word is the head: "the District's SLP", not "the District's obligation"
            h for h in hits if h.label in _PARTY_LABELS and span[0] <= h.start and named[1] - 3 <= h.end <= named[1]
        ]
        if heads:
            # "For the 2025-2026 school year the District", "Actions the District": the
            # subject starts at its last article
            article = list(_ARTICLE.finditer(self.ctx.text, named[0] + 1, heads[0].start))
            if article:
                return self._party((article[-1].start(), span[1]), hits)
        if heads and len(name.split()) <= 6:
            return name, named
        if self._agent_like(named, name):
            return name, named
        return None, None

    def _agent_like(self, span: tuple[int, int], name: str) -> bool:
        """Whether a subject no word list knows still names someone: a proper name ("Marcus
        and Elena", "the Charter", "LEA") or a noun of agency ("the interpreter", "each
        tutor"), and not a thing the clause is about ("Instruction", "the report")."""
        words = name.split()
        if len(words) > 4 or self.ctx.hits.first(span[0], span[1], *_THING_LABELS):
            return False
        head = words[-1].lower()
        if head in self.terms["things"] or head in self.terms["weekdays"] or head in self.terms["student_terms"]:
            return False
        if self._student(span):
            return False
        before = self.ctx.text[max(0, span[0] - 8) : span[0]].split()
        determined = bool(before) and before[-1].lower() in ("the", "a", "an")
        names = [w for w in words if w.lower() not in _NAME_JOINERS]
        # One capitalised word opening a sentence may be any noun; after "the" it is a name.
        proper = all(w[:1].isupper() for w in names) and (
            len(names) > 1 or determined or (len(head) > 1 and head.isalpha() and words[-1].isupper())
        )
        return proper or agent_noun(head, self.terms["things"])

    def _passive_subject(
        self, subject: tuple[int, int], predicate: int, end: int, hits: list[Hit]
    ) -> bool:
        """A passive sentence is an undertaking when its subject or its participle says
        what is to be done: "Speech therapy shall be provided", "The IEP will be amended"."""
        name = clean_party(self.ctx.text[subject[0] : subject[1]], self.adverbs)
        if not name or name.lower() in self.terms["non_parties"] or name.lower() in self.terms["pronouns"]:
            return False
        lead_in = self.terms["lead_in_words"].search(self.ctx.text[subject[0] : subject[1]])
        if lead_in and self.ctx.text[:end].rstrip().endswith(":"):
            return True  # "The following will be provided by the District:"
        if self._student(subject) or self._student_owns(subject):
            return True  # "The Student will be provided ...", "The Student's schedule shall be restored"
        head = name.split()[-1].lower()
        if head in self.terms["generic_services"] and head not in self.terms["things"]:
            return True  # "Keyboarding instruction shall be provided", not "Unused hours will be"
        cues = ("services", "comp_ed", "evaluations", "meetings", "payments", "actions")
        participle = self.ctx.text[predicate:end].split(" ", 1)[0]
        if self._acts.search(participle):
            return True  # "Staff will be trained": the participle of an act ("train")
        word_end = predicate + len(participle)
        return any(
            h.label in cues and (subject[0] <= h.start < subject[1] or predicate <= h.start < word_end)
            for h in hits
        )

    def _agent(
        self, predicate: int, end: int, hits: list[Hit], agent: re.Pattern[str] = _AGENT
    ) -> tuple[str | None, tuple[int, int] | None]:
        """The party after "by" in a passive sentence, if there is one."""
        text = self.ctx.text
        for m in agent.finditer(text, predicate, end):
            if _INDEFINITE.match(m.group("np")):
                continue  # "by a licensed teacher" names who delivers, not who answers for it
            np = _NP_STOP.sub("", m.group("np"))
            span = (m.start("np"), m.start("np") + len(np))
            party, named = self._party(span, hits)
            if party is not None:
                return party, named
        return None, None

    def _parent(self, span: tuple[int, int] | None) -> bool:
        """Whether the party is the family's side (their "may" is a right)."""
        if span is None:
            return False
        return bool(self.ctx.hits.within(span[0], span[1], "parent_parties"))
