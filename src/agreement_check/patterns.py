"""Loads the language data in ``patterns/``: word lists and spaCy Matcher patterns.

The files are data an advocate can read and extend: ``NAME.txt`` is a word list (one term
per line, ``#`` starts a comment), ``NAME.jsonl`` holds one spaCy Matcher pattern per line
(``{"label": ..., "pattern": [...]}``, the format of spaCy's EntityRuler). In an installed
wheel the folder ships as ``agreement_check/patterns``; in a source checkout it is the
top-level ``patterns/`` folder.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any


@cache
def patterns_dir() -> Path:
    packaged = Path(str(files("agreement_check"))) / "patterns"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "patterns"


@cache
def _read_words(name: str) -> tuple[str, ...]:
    path = patterns_dir() / f"{name}.txt"
    terms = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        term = raw.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return tuple(terms)


def load_words(name: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The word list ``patterns/NAME.txt`` plus any terms a config file adds to it."""
    seen = dict.fromkeys(_read_words(name))
    seen.update(dict.fromkeys(t.strip() for t in extra if t.strip()))
    return list(seen)


@cache
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """The Matcher patterns in ``patterns/NAME.jsonl``, each ``{"label", "pattern"}``."""
    path = patterns_dir() / f"{name}.jsonl"
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        raw = raw.strip()
        if not raw or raw.startswith("//"):
            continue
        try:
            out.append(json.loads(raw))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not a JSON pattern: {exc.msg}") from None
    return tuple(out)
