"""Plain-language names for a commitment, so each message says which promise it means."""

from __future__ import annotations

from datetime import date

from agreement_check.model import Commitment, Element

_KIND_NAMES = {
    "service": "This service",
    "comp_ed": "This compensatory education award",
    "evaluation": "This evaluation",
    "meeting": "This meeting",
    "payment": "This payment",
    "action": "This commitment",
    "parent": "This parent obligation",
}
_MAX = 60


def _short(text: str) -> str:
    text = " ".join(text.split()).strip(" .,;:")
    if len(text) <= _MAX:
        return text
    return text[:_MAX].rsplit(" ", 1)[0] + "…"


def subject(c: Commitment) -> str:
    """"Speech-language therapy", "Compensatory reading instruction", or "This evaluation".

    Only services and awards are named by their service: in other kinds the service slot may
    hold an incidental word ("aide" in "train the bus aide").
    """
    service = c.elements.get("service")
    if c.kind not in ("service", "comp_ed") or service is None or not service.text.strip():
        return _KIND_NAMES[c.kind]
    name = _short(service.text)
    if c.kind == "comp_ed" and "compensatory" not in name.lower():
        return "Compensatory " + _decapitalise(name)
    return name[0].upper() + name[1:]


def _decapitalise(name: str) -> str:
    """"Speech therapy" -> "speech therapy", but "OT" and "IEE" stay as written."""
    return name if name[1:2].isupper() else name[0].lower() + name[1:]


def element(c: Commitment, name: str) -> Element | None:
    return c.elements.get(name)


def stated(c: Commitment, *names: str) -> bool:
    """Whether any of the named elements is stated (a stated but wrong value still counts)."""
    return any(c.elements.get(n) is not None for n in names)


def quoted(phrases: list[str]) -> str:
    return ", ".join(f"“{p}”" for p in phrases)


def day(d: date) -> str:
    """"March 3, 2025" on every platform: strftime has no portable day without a leading zero."""
    return f"{d:%B} {d.day}, {d.year}"
