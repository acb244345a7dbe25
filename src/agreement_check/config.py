"""Settings from the command line and from ``agreement-check.toml`` / ``pyproject.toml``.

A config file is found by walking up from the checked path's folder: the first
``agreement-check.toml``, or ``pyproject.toml`` with a ``[tool.agreement-check]`` table,
wins. Command-line options override it. Keys: ``select``, ``ignore`` (codes or prefixes
such as ``"AC3"``), ``fail-on`` (error|warning|info), and a ``[words]`` table whose keys
name a word list in ``patterns/`` and whose values extend it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from agreement_check.errors import UsageError
from agreement_check.patterns import patterns_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Settings:
    """Which rules run, what fails the run, and the extra words for ``patterns/`` lists."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def selects(self, code: str) -> bool:
        """Whether rule ``code`` runs: it matches a selected prefix and no ignored one."""
        chosen = not self.select or any(code.startswith(p) for p in self.select)
        return chosen and not any(code.startswith(p) for p in self.ignore)

    def fails(self, severity: str) -> bool:
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.fail_on]


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("agreement-check")
    return data


def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder``."""
    for d in (folder, *folder.parents):
        for name in ("agreement-check.toml", "pyproject.toml"):
            candidate = d / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def rule_codes(values: list[str], where: str) -> tuple[str, ...]:
    """Codes or prefixes ("AC1", "AC301"), each checked against the catalogue."""
    from agreement_check.rules import CATALOGUE

    codes = tuple(v.strip().upper() for v in values if v.strip())
    for c in codes:
        if not any(code.startswith(c) for code in CATALOGUE):
            raise UsageError(f"{where}unknown rule code or prefix '{c}' (see 'agreement-check rules')")
    return codes


def _codes(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: '{key}' must be a list of rule codes")
    return rule_codes(value, f"{path}: '{key}': ")


def load_config(path: Path) -> Settings:
    table = _table(path) or {}
    known = {"select", "ignore", "fail-on", "words"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(f"{path}: unknown setting '{unknown[0]}' (known: {', '.join(sorted(known))})")
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITY_RANK:
        raise UsageError(f"{path}: 'fail-on' must be error, warning or info")
    words = table.get("words", {})
    if not isinstance(words, dict) or not all(
        isinstance(v, list) and all(isinstance(t, str) for t in v) for v in words.values()
    ):
        raise UsageError(f"{path}: [words] must map a word-list name to a list of terms")
    for name in words:
        if not (patterns_dir() / f"{name}.txt").is_file():
            raise UsageError(f"{path}: [words] '{name}' is not a word list in patterns/")
    if words:
        from .nlp.lexicon import grammar_lists  # loads the engine: only for a config that extends lists

        fixed = sorted(set(words) & grammar_lists())
        if fixed:
            raise UsageError(
                f"{path}: [words] '{fixed[0]}' is part of the engine's grammar and cannot be extended "
                f"from a config file; edit patterns/{fixed[0]}.txt instead"
            )
    return Settings(
        select=_codes(table.get("select", []), "select", path),
        ignore=_codes(table.get("ignore", []), "ignore", path),
        fail_on=fail_on,
        words={k: tuple(v) for k, v in sorted(words.items())},
    )


def settings_for(target: Path, explicit: Path | None, overrides: dict[str, Any]) -> Settings:
    """Settings for checking ``target``: its config file, then command-line overrides."""
    if explicit is not None:
        base = load_config(explicit)
    else:
        folder = target if target.is_dir() else target.parent
        found = find_config(folder.resolve())
        base = load_config(found) if found else Settings()
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})
