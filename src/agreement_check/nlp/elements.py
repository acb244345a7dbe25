"""The elements of a commitment: what, how often, how long, how much, when, where, by whom.

Each element comes from the hits inside the clause. Times are sorted into start, end and
deadline by the cue words right before them ("beginning", "through", "no later than") and
by the kind of commitment: a one-time act has a deadline, a service has a start and an end,
a compensatory award has a start and an expiry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import ELEMENT_NAMES, Element
from . import dates, values
from .context import Context
from .hits import Hit
from .lexicon import agent_noun, alternation

TIME_LABELS = ("DATE", "MONTH", "SCHOOL_YEAR", "RELATIVE", "EVENT", "SPAN")
_ATTRIBUTIVE = re.compile(rf"\b(?:{alternation('determiners')})(?:\s+\w+)?\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
_RANGE_JOIN = re.compile(rf"\s*(?:{alternation('range_words')}|{alternation('joiners')})\s+", re.I)
_RANGE_TO = re.compile(rf"\s*(?:{alternation('range_words')})\s*", re.I)
_SENTENCE_START = re.compile(r"(?<=[.;:])\s+(?=[A-Z(])")
# Where the words about one step of a clause start: "..., which the District will contract
# with by April 4", "...; dist pays tutor invoices w/in 30 days".
_FRAGMENT_START = re.compile(r"[,;:]\s+|(?<=\.)\s+")
# A time right after words of missed services: "for each session missed between September
# and December 2025" (a few words at most come between).
_MISSED_WORDS = 4
_CONDITION = re.compile(rf"\s*(?:{alternation('condition_openers')})\s+([^,;]{{3,120}}?),", re.I)
_AFTER_PROVIDER_PREP = re.compile(rf"(?<![\w/])(?:{alternation('provider_preps')})\s*([^,;:.()]{{1,80}})", re.I)
_PARTICLES = alternation("name_particles")
_BY_NAME = re.compile(
    rf"\b(?:{alternation('name_preps')})\s+((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|&|{_PARTICLES}))*)"
)
_PEOPLE = ("parties", "parent_parties", "PERSON")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_JOINER = re.compile(rf"^\s*(?:{alternation('joiners')})\s*$", re.I)
_OPEN_PAREN = re.compile(r"^\s*\(\s*$")
# The nearest preposition before a place or provider head, with nothing but words between.
# Words up to the head: no clause punctuation, though an initial's period may occur ("A.'s room").
_NP_WORDS = r"(?:[^,;:.()]|(?<=\b[A-Z])\.)*"
_PREPOSITION = re.compile(rf".*\b((?:{alternation('place_preps')})\s+{_NP_WORDS})$", re.I | re.S)
# A named place: "at TRMS", "at Cuchillo Valley Food Bank".
_AT_NAME = re.compile(rf"\bat\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|{_PARTICLES}))*)")
# A place written as a field of its own in a note: "4x/wk, 45 mins, resource room at Cañada MS".
_FIELD_BEFORE = re.compile(r"[,;:(]\s*(?P<owner>[\w-]+(?:'s|’s)\s+)?$")  # "..., counselor's office, ..."
_FIELD_END = re.compile(r"[,;()]")
_PROVIDER_PREP = re.compile(rf".*(?<![\w/])((?:{alternation('provider_preps')})\s*{_NP_WORDS})$", re.I | re.S)
_NOT_A_PLACE = re.compile(rf"^\s*(?:{alternation('not_places')})\b", re.I)
_AWARD_TYPE = re.compile(
    rf"\s+((?:[\w/-]+\s+){{0,2}}?[\w/-]+)(?=\s+(?:{alternation('award_type_ends')})\b|[,;.]|$)"
)
# The subject of generic "instruction" or "services": "... in English 9 and Algebra I".
_IN_SUBJECT = re.compile(
    rf"\s+in\s+(?!(?:{alternation('determiners')}|{alternation('not_subjects')})\b)((?:[\w/-]+\s+){{0,4}}?[\w/-]+)"
    rf"(?=\s+(?:{alternation('award_type_ends')})\b|[,;.]|$)",
    re.I,
)
# An amount just before "to": "$6,500.00 to", "$2,400 in tuition to".
_AMOUNT_BEFORE = re.compile(r"[\d$][\d,.]*(?:\s+(?:in|of)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*$")
# Whoever a payment is directed to, named by a common noun: "directly to the camp".
_PAYEE_PHRASE = re.compile(r"\s+((?:the\s+)?[\w'’-]+(?:\s+(?!by\b|within\b|for\b|on\b|no\b)[\w'’-]+){0,2})")
_POSSESSED = re.compile(rf"(?:'s|’s|s'|s’)\s+(?:{alternation('representatives')})\b", re.I)
_PAID_PARTY = re.compile(rf"(\s+)(?:{alternation('paid_phrases')})\b", re.I)
_NAME = re.compile(r"(?:[A-Z][\w.&'’-]*|&)(?:\s+(?:[A-Z][\w.&'’-]*|&))*")
_PHRASE_END = re.compile(rf"[,;:.()]|\s(?:{alternation('schedule_ends')})\s")
_START_POINT = re.compile(
    rf"^(?:{alternation('start_point_openers')})\b|\b(?:{alternation('start_points')})\b", re.I
)
_END_POINT = re.compile(rf"^(?:{alternation('end_point_openers')})\b|\b(?:{alternation('end_points')})\b", re.I)
#: Key prefix of the relative times a clause states beyond its start, end and deadline
#: ("time2", "time3"); they are elements for the rules, not report slots.
MORE_TIMES = "time"
ONE_TIME = ("evaluation", "meeting", "payment", "action", "parent")


@dataclass(slots=True)
class Time:
    """One time expression in a clause, with its slot."""

    start: int
    end: int
    label: str
    slot: str  # "start", "end", "deadline", "period", "ignore" or "" (no cue)
    clause: int = 0  # where its clause starts
    ranged: bool = False  # one end of a range that ended before the agreement: "9/2 - 10/3/25"


def empty() -> dict[str, Element | None]:
    return dict.fromkeys(ELEMENT_NAMES)


class ElementFinder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.terms = ctx.terms
        self.cues = ctx.lexicon.cues

    def element(self, start: int, end: int, value: Any = None) -> Element:
        return Element(self.text[start:end], start, end, value)

    def find(self, kind: str, start: int, end: int) -> dict[str, Element | None]:
        """All elements stated in ``[start, end)`` for a commitment of ``kind``."""
        hits = self.ctx.hits.within(start, end)
        out = empty()
        self._quantities(hits, out, kind == "comp_ed")
        self._times(kind, start, hits, out)
        first = _first(hits, "services")
        if first:
            out["service"] = self.element(first.start, first.end)
        elif kind == "comp_ed":
            out["service"] = self._award_type(hits, end)
        # "the school counselor" is a person and "the first day of school" a time, not places
        owners = [h for h in hits if h.label in (*_PEOPLE, "providers", *TIME_LABELS)]
        places = [h for h in hits if not (h.label == "settings" and any(_inside(h, o) for o in owners))]
        out["location"] = (
            self._after_preposition(places, "settings", _PREPOSITION, start)
            or self._place_field(places, start, end)
            or self._named_place(hits, start, end)
            or self._adverb_place(places)
        )
        out["provider"] = self._provider(hits, start, end)
        schedule = _first(hits, "SCHEDULE")
        if schedule:
            out["schedule"] = self._phrase(schedule, end)
        if kind == "payment":
            out["payee"] = self._payee(start, end, hits)
        return out

    # -- quantities ---------------------------------------------------------------------

    def quantities(self, start: int, end: int) -> dict[str, Element | None]:
        """Only the frequency, duration and amount stated in ``[start, end)``."""
        out = empty()
        self._quantities(self.ctx.hits.within(start, end), out)
        return out

    def _quantities(self, hits: list[Hit], out: dict[str, Element | None], award: bool = False) -> None:
        """Frequency, session length and total amount; in an ``award`` (compensatory
        services) a number of hours with no period is its total ("30 hrs speech")."""
        measured = [h for h in hits if h.label == "DURATION"]
        frequencies = [  # "per month" inside "120 minutes per month" is the duration's period
            h for h in hits if h.label == "FREQUENCY" and not any(_inside(h, d) for d in measured)
        ]
        amounts = [
            h for h in hits if h.label == "AMOUNT" and not any(_inside(h, f) for f in frequencies)
        ]
        rates = [h for h in hits if h.label == "RATE"]
        # "30 hours ... at a rate not to exceed $70 per hour": the total, not the price cap
        amounts = [h for h in amounts if not any(_inside(h, r) for r in rates)] or amounts
        if award and not amounts:
            amounts = [h for h in hits if h.label == "DURATION" and self._total(h)][:1]
        money = [h for h in amounts if "$" in self.text[h.start : h.end]] + [
            h for h in amounts if "dollar" in self.text[h.start : h.end].lower()  # figures first
        ]
        amount = (money or amounts or [None])[0]
        if amount is not None:
            text = re.sub(r"\s+of$", "", self.text[amount.start : amount.end])
            out["amount"] = Element(text, amount.start, amount.start + len(text), values.amount(text))
        timed = [a for a in amounts if values.amount(self.text[a.start : a.end])["unit"] in ("hours", "minutes")]
        durations = [  # a length inside "18 x 30 min sessions" is the sessions' length
            h for h in hits if h.label == "DURATION" and not any(_inside(h, a) or h == a for a in timed)
        ]
        frequency = frequencies[0] if frequencies else None
        if durations:
            d = durations[0]
            out["duration"] = self.element(d.start, d.end, values.duration(self.text[d.start : d.end]))
        elif out["amount"] is not None and frequency and self._timed_amount(out["amount"], award):
            # "30 minutes of speech therapy weekly", "one hour of reading instruction per day":
            # time at a frequency is a session length
            a = out["amount"]
            minutes = a.value["n"] * (60 if a.value["unit"] == "hours" else 1) if a.value["n"] is not None else None
            out["duration"] = Element(a.text, a.start, a.end, {"minutes": minutes, "per": "session"})
        if frequency is not None:
            out["frequency"] = self.element(
                frequency.start, frequency.end, values.frequency(self.text[frequency.start : frequency.end])
            )
        elif durations and out["duration"] and out["duration"].value["per"] != "session":
            # "120 minutes per month" states how often as well as how much.
            d = out["duration"]
            out["frequency"] = Element(d.text, d.start, d.end, {"times": None, "per": d.value["per"]})

    @staticmethod
    def _timed_amount(amount: Element, award: bool) -> bool:
        """Whether an amount of time is a session length: minutes, or hours outside an
        award (where "20 hours of tutoring" is the award's total)."""
        unit = amount.value["unit"]
        return unit == "minutes" or (unit == "hours" and not award)

    def _total(self, hit: Hit) -> bool:
        """Whether a number of hours is a total rather than a session length: no period
        after it ("1 hr/wk") and no "each", "long" or "sessions" ("1 hr each")."""
        text = self.text[hit.start : hit.end]
        after = self.text[hit.end : hit.end + 12].lower().split()
        return (
            values.duration(text)["per"] == "session"
            and values.amount(text)["unit"] == "hours"
            and not (after and after[0].strip(".,;)") in self.terms["session_length_cues"])
        )

    # -- times ----------------------------------------------------------------------------

    def times(self, clause_start: int, hits: list[Hit]) -> list[Time]:
        """Time expressions of a clause, nested ones dropped, each with its cue's slot."""
        found = [h for h in hits if h.label in TIME_LABELS]
        found = [h for h in found if not any(o is not h and _inside(h, o) for o in found)]
        merged: list[Time] = []
        for h in found:
            if merged and _OPEN_PAREN.match(self.text[merged[-1].end : h.start]):
                merged[-1].end = h.end + (1 if self.text[h.end : h.end + 1] == ")" else 0)
                continue
            if merged and h.start < merged[-1].end:
                continue
            merged.append(Time(h.start, h.end, h.label, "", clause_start))
        previous: Time | None = None
        for t in merged:
            window = self.text[max(clause_start, t.start - 48) : t.start]
            weekday = self.terms["weekdays"].tail(window)  # "beginning Tuesday, March 10"
            t.slot = self._cue(window[: weekday.start] if weekday else window)
            if t.label == "RELATIVE" and t.slot == "ignore":
                t.slot = ""  # "within 30 days" carries its own cue
            if t.label in ("DATE", "MONTH") and _ATTRIBUTIVE.search(window) and self._noun_after(t.end):
                t.slot = "ignore"  # "the March 30, 2026 incident report" names a thing
            joined = previous is not None and _JOINER.match(self.text[previous.end : t.start])
            if not t.slot and joined and t.label in ("DATE", "MONTH"):
                t.slot = previous.slot
            ranged = previous is not None and _RANGE_TO.fullmatch(self.text, previous.end, t.start)
            if ranged and previous.slot == "ignore":
                t.slot = "ignore"  # "missed from August 14 through October 31": both ends are history
            elif ranged and previous.slot in ("", "start"):
                previous.slot = "start"  # "9/8/25 thru 5/21/26": a range starts where it starts
                t.slot = t.slot or "end"
                if self._past(self.time_value(t, "end")):
                    previous.ranged = t.ranged = True
            previous = t
        return merged

    def _cue(self, window: str) -> str:
        """The slot named by the longest cue that ends the window ("" when none does); a
        start cue before a deadline cue starts ("commencing no later than April 7")."""
        found = self.cues.tail(window)
        if found is None:
            return ""
        slot = self.cues.slot[found.term]
        if slot == "deadline":
            before = self.cues.tail(window[: found.start])
            if before is not None and self.cues.slot[before.term] == "start":
                return "start"
        return slot

    def _times(self, kind: str, clause_start: int, hits: list[Hit], out: dict[str, Element | None]) -> None:
        times = [t for t in self.times(clause_start, hits) if t.slot != "ignore"]
        unused: list[Time] = []
        if kind == "comp_ed":
            others = [t for t in times if self._dates_another_act(t)]
            unused = [t for t in others if t.label == "RELATIVE"]
            times = [t for t in times if t not in others]
        if kind in ONE_TIME:
            # The time of an act: a cued deadline first ("no later than"), then a relative
            # or plain time, and only then the end of a period it mentions.
            rank = {"deadline": 0, "": 1, "start": 1, "period": 2, "end": 2}
            times.sort(key=lambda t: (rank[t.slot] + (t.label != "RELATIVE" and t.slot == ""), t.start))
        for t in times:
            used = False
            for slot in self._slots(kind, t):
                if out[slot] is not None:
                    continue
                value = self.time_value(t, slot)
                if t.ranged or (t.slot == "period" and self._past(value)):
                    continue  # "the evaluation they got in Dec. 2024", "sessions (9/2 - 10/3/25)": history
                out[slot] = self.element(t.start, t.end, value)
                used = True
            if not used and t.label == "RELATIVE":
                unused.append(t)
        for i, t in enumerate(sorted(unused, key=lambda t: t.start), 1):
            # A second "within 10 days" in the clause: not the element, but its wording still
            # counts (AC302, AC303). Reports show only ELEMENT_NAMES, so the JSON is unchanged.
            out[f"{MORE_TIMES}{i + 1}"] = self.element(t.start, t.end, self.time_value(t, "deadline"))

    def _range_base(self, hit: Hit) -> date | None:
        """For "from September 2 through December 19, 2025": the day before the range's
        end, so a year-less start is read in the range's year, not after the agreement."""
        m = _RANGE_JOIN.match(self.text, hit.end)
        if m is None or dates.parts(self.text[hit.start : hit.end]) is None:
            return None
        if dates.parts(self.text[hit.start : hit.end])[0] is not None:
            return None
        end = self.ctx.hits.first(m.end(), m.end() + 40, "DATE")
        if end is None or end.start != m.end():
            return None
        last = dates.parse(self.text[end.start : end.end], None)
        return None if last is None else last.replace(year=last.year - 1)

    def _condition(self, t: Time) -> str | None:
        """The event a conditional duty counts from: "If any staff member restrains E.S.,
        the Administrator will ... within two school days" counts from the restraint."""
        head = self.text[max(t.clause, t.start - 400) : t.start]
        head = _SENTENCE_START.split(head)[-1]
        m = _CONDITION.match(head)
        return m.group(1) if m else None

    def _dates_another_act(self, t: Time) -> bool:
        """In a comp-ed award, a deadline for a step that carries it out ("a tutor, which the
        District will contract with by April 4", "The District shall pay the provider within 30
        calendar days of each invoice", "with the District notified of the provider by March
        1"), or in a later sentence about another act ("Progress reports will be sent to the
        Parent by June 1"), dates that step, not the use of the hours, so it is no deadline for
        the award. Nor is the time of the services it makes up ("for each session missed
        between September and December 2025"). Words of using the hours ("must be used and
        paid for by") keep a time the award's."""
        fragment = _FRAGMENT_START.split(self.text[t.clause : t.start])[-1]
        begin = t.start - len(fragment)
        if self.terms["award_use"].search(fragment) is not None:
            return False
        if self.terms["missed"].search(" ".join(fragment.split()[-_MISSED_WORDS:])) is not None:
            return True
        if t.slot not in ("deadline", "period", ""):
            return False  # "through June 30", "until the Student exits high school" bound the award
        award = [h for h in self.ctx.hits.within(begin, t.start) if h.label == "comp_ed"]
        if award:  # the award's own words: a step named after them still dates that step
            # ("20 hours of comp tutoring by a provider the Parent chooses within 15 days"),
            # but not the award itself ("the District will schedule 20 hours of comp tutoring by")
            return self.terms["award_steps"].search(self.text[award[-1].end : t.start]) is not None
        return (
            self.terms["award_steps"].search(fragment) is not None
            or self.ctx.hits.first(begin, t.start, "actions", "meetings", "evaluations") is not None
        )  # "..., and progress will be reviewed at the annual IEP meeting in May 2026"

    def _noun_after(self, end: int) -> bool:
        m = _WORD_AFTER.match(self.text, end)
        return bool(m) and m.group(1) not in self.terms["not_date_nouns"]

    def _past(self, value: dict[str, Any] | None) -> bool:
        day = (value or {}).get("date")
        return bool(day and self.ctx.base and day < self.ctx.base.isoformat())

    def _slots(self, kind: str, t: Time) -> tuple[str, ...]:
        point = self._point(t)
        if t.label == "SPAN":  # "for 12 weeks" bounds a service; it is the time of an act
            return ("deadline",) if kind in ONE_TIME or kind == "comp_ed" else ("end",)
        if t.label == "EVENT" and self.text[t.start : t.end].lower().startswith("at "):
            return ("deadline",) if kind in ONE_TIME else ()  # "at the IEP meeting" is a moment
        if kind in ONE_TIME:
            return ("start",) if t.slot == "start" else ("deadline",)
        if t.slot == "period" and point is None:
            return ("start", "deadline") if kind == "comp_ed" else ("start", "end")
        if t.slot in ("start", "end", "deadline"):
            slot = t.slot
        elif point is not None:
            slot = point
        elif t.label == "RELATIVE":
            slot = "deadline"
        elif t.label in ("MONTH", "SCHOOL_YEAR") or (t.label == "EVENT" and point is None):
            return ("start", "deadline") if kind == "comp_ed" else ("start", "end")
        else:
            return ()
        if kind == "comp_ed" and slot == "end":
            slot = "deadline"
        return (slot,)

    def _point(self, t: Time) -> str | None:
        text = self.text[t.start : t.end]
        if t.label == "EVENT":
            if _START_POINT.search(text):
                return "start"
            if _END_POINT.search(text):
                return "end"
        return None

    def time_value(self, t: Time, slot: str) -> dict[str, Any] | None:
        text = self.text[t.start : t.end]
        if t.label == "RELATIVE":
            value = values.relative(text, self.text[t.end : t.end + 120].split("\n", 1)[0])
            if value["anchor"] is None:
                value["anchor"] = self._condition(t)
            return value
        if t.label == "SPAN":
            return {"length": {"n": values.number(text), "unit": values.period(text)}}
        if t.label == "MONTH":
            return dates.month_value(text, last_day=slot != "start")
        value: dict[str, Any] = {}
        date_hit = self.ctx.hits.first(t.start, t.end, "DATE")
        if date_hit is not None:
            date_text = self.text[date_hit.start : date_hit.end]
            parsed = dates.parse(date_text, self._range_base(date_hit) or self.ctx.base)
            if parsed is not None:
                value["date"] = parsed.isoformat()
            elif dates.impossible(date_text):
                value.update(date=None, impossible=True)
            else:
                value["date"] = None
        year = dates.school_year(text)
        if year is not None:
            value["school_year"] = list(year)
        if t.label == "EVENT":
            point = self._point(t)
            value["event"] = text
            if point:
                value["point"] = point
            if text.lower().startswith("the week of"):
                value["week_of"] = True
        return value or None

    def _award_type(self, hits: list[Hit], end: int) -> Element | None:
        """The service of an award named only after "compensatory" ("compensatory
        job-skills instruction"); "compensatory services" names none."""
        for h in hits:
            if h.label != "comp_ed" or self.text[h.start : h.end].lower().split()[-1] in self.terms["generic_services"]:
                continue
            m = _AWARD_TYPE.match(self.text, h.end, end)
            if m and m.group(1).split()[0].lower() not in self.terms["generic_services"]:
                return self.element(m.start(1), m.end(1))
            subject = _IN_SUBJECT.match(self.text, m.end(1) if m else h.end, end)
            if subject and not self.ctx.hits.first(
                subject.start(1), subject.end(1), "settings", "DURATION", "FREQUENCY", "AMOUNT", "DATE", "MONTH"
            ):
                return self.element(subject.start(1), subject.end(1))  # "instruction in mathematics"
        return None

    # -- places and people ----------------------------------------------------------------

    def _after_preposition(
        self, hits: list[Hit], labels: str | tuple[str, ...], preposition: re.Pattern[str], clause_start: int
    ) -> Element | None:
        """The first hit of ``labels`` that a preposition introduces ("in the resource room")."""
        for h in hits:
            if h.label not in labels or _NOT_A_PLACE.match(self.text[h.end : h.end + 8]):
                continue
            window = self.text[max(clause_start, h.start - 64) : h.start]
            m = preposition.match(window)
            if m and len(m.group(1).split()) <= 8:
                return self.element(h.start - len(window) + m.start(1), h.end)
        return None

    def _place_field(self, hits: list[Hit], start: int, end: int) -> Element | None:
        """A setting that opens a comma-separated field of a note ("..., resource room at
        Cañada MS", "..., counselor's office, ...") and is not part of someone's title
        ("classroom teacher")."""
        for h in hits:
            opens = _FIELD_BEFORE.search(self.text, start, h.start) if h.label == "settings" else None
            if opens is None:
                continue
            field_end = _FIELD_END.search(self.text, h.end, end)
            stop = field_end.start() if field_end else end
            field = (opens.start("owner") if opens.group("owner") else h.start, stop - (self.text[stop - 1 : stop] == "."))
            if field[1] - h.end < 2 or not self.ctx.hits.first(h.end, field[1], "providers", "parties", *TIME_LABELS):
                return self.element(*field)
        return None

    def _adverb_place(self, hits: list[Hit]) -> Element | None:
        """A setting said by one adverb, with no preposition: "provided virtually"."""
        for h in hits:
            if h.label == "settings" and self.text[h.start : h.end].lower() in self.terms["place_adverbs"]:
                return self.element(h.start, h.end)
        return None

    def _named_place(self, hits: list[Hit], start: int, end: int) -> Element | None:
        """"at" a name that is no date, time, meeting or person: "at TRMS"."""
        skip = [h for h in hits if h.label in (*TIME_LABELS, "PERSON", "meetings", "parties")]
        return self._first_name(_AT_NAME, skip, start, end)

    def _first_name(self, pattern: re.Pattern[str], skip: list[Hit], start: int, end: int) -> Element | None:
        """The first match of ``pattern`` whose name (group 1) starts in none of the ``skip``
        hits and is not a weekday."""
        for m in pattern.finditer(self.text, start, end):
            if not any(h.start <= m.start(1) < h.end for h in skip) and m.group(1).split()[0] not in self.terms["weekdays"]:
                return self.element(m.start(), m.end(1))
        return None

    def _provider(self, hits: list[Hit], clause_start: int, clause_end: int) -> Element | None:
        """Who delivers: "by a licensed SLP", "of the Parent's choosing", or both at once
        ("from a provider of the Parent's choosing")."""
        choice = _first(hits, "CHOICE")
        found = self._after_preposition(hits, ("providers", "PERSON"), _PROVIDER_PREP, clause_start)
        if found is None:  # "delivered by a certified Wilson instructor", "w/ dist job coach"
            agents = self._agents(hits, clause_start, clause_end)
            found = self._after_preposition(agents, "agent", _PROVIDER_PREP, clause_start)
        if found is None:  # "delivered by ABC Therapy Services"
            found = self._named_provider(hits, clause_start, clause_end)
        if choice is None:
            return found
        if found is None or choice.start < found.start:
            return self.element(choice.start, choice.end)
        if not self.text[found.end : choice.start].strip():
            return self.element(found.start, choice.end)
        return found

    def _named_provider(self, hits: list[Hit], start: int, end: int) -> Element | None:
        """A name after "by", "through" or "from" that is not a date: a provider."""
        return self._first_name(_BY_NAME, [h for h in hits if h.label in TIME_LABELS], start, end)

    def _agents(self, hits: list[Hit], start: int, end: int) -> list[Hit]:
        """Words after "by", "with", "from" or "through" that name someone by what they do,
        and are not family nor part of a date ("by December 1")."""
        skip = [h for h in hits if h.label in ("DATE", "MONTH", "parent_parties", "SCHOOL_YEAR")]
        out: list[Hit] = []
        for np in _AFTER_PROVIDER_PREP.finditer(self.text, start, end):
            # only the noun phrase right after it: not "for" in "a laptop that has ... for"
            stop = next(self.terms["np_ends"].finditer(self.text, np.start(1), np.end(1)), None)
            for m in _WORD.finditer(self.text, np.start(1), stop.start() if stop else np.end(1)):
                if (
                    agent_noun(m.group(0), self.terms["things"])
                    and m.group(0).lower() not in self.terms["weekdays"]
                    and not any(h.start <= m.start() < h.end for h in skip)
                ):
                    out.append(Hit("agent", m.start(), m.end()))
        return out

    def _phrase(self, hit: Hit, end: int) -> Element:
        """A hit extended to the end of its phrase ("scheduled directly by Parent with the provider")."""
        m = _PHRASE_END.search(self.text, hit.end, end)
        return self.element(hit.start, m.start() if m else end)

    def _payee(self, start: int, end: int, hits: list[Hit]) -> Element | None:
        """Who is paid: "reimburse the Parent", "payable to ...", "$6,500.00 to ..."."""
        text = self.text
        passive = _PAID_PARTY.search(text, start, end)
        if passive is not None:  # "The Parent will be reimbursed for mileage"
            party = next((h for h in hits if h.label in _PEOPLE and h.end == passive.start(1)), None)
            if party is not None:
                return self.element(party.start, party.end)
        cues = self.terms["payee_cues"]
        for m in cues.finditer(text, start, end):
            cue = m.group(0).lower()
            if cue == "to" and not _AMOUNT_BEFORE.search(text, max(start, m.start() - 30), m.start()):
                continue  # "$6,500.00 to", "$2,400 in tuition to"; not "to the IEP meeting"
            np_start = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
            np_start += len(re.match(r"(?:the\s+)?", text[np_start:end], re.I).group(0))
            party = next(
                (h for h in hits if h.label in _PEOPLE and h.start == np_start), None
            )
            if party is not None:  # "the Parent", "Parent's counsel"
                owner = _POSSESSED.match(text, party.end, end)
                return self.element(party.start, owner.end() if owner else party.end)
            name = _NAME.match(text, np_start, end)
            if name:
                return self.element(np_start, name.end())
            speaker = _WORD.match(text, np_start, end)
            if speaker and speaker.group(0).lower() in self.ctx.names:  # "reimburse me", by the Parent's draft
                return self.element(*speaker.span())
            if cue in self.terms["payee_directions"]:  # "paid directly to the camp"
                thing = _PAYEE_PHRASE.match(text, m.end(), end)
                if thing:
                    return self.element(thing.start(1), thing.end(1))
        return None


def _first(hits: list[Hit], label: str) -> Hit | None:
    return next((h for h in hits if h.label == label), None)


def _inside(inner: Hit, outer: Hit) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.start, outer.end) != (inner.start, inner.end)
