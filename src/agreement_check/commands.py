"""The documentation and evaluation commands: ``rules``, ``explain CODE``, ``eval FOLDER``."""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from agreement_check.errors import UsageError


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def cmd_rules(argv: Sequence[str]) -> int:
    """List the catalogue: code, name, severity, one line."""
    p = argparse.ArgumentParser(prog="agreement-check rules", description="List every rule.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    from agreement_check.rules import CATALOGUE

    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity, "scope": r.scope, "summary": r.summary}
            for r in CATALOGUE.values()
        ]
        print(json.dumps(rows, indent=2))
        return 0
    con = _console()
    for r in CATALOGUE.values():
        con.print(f"[bold]{r.code}[/] {r.name} [dim]({r.severity})[/]")
        indent = " " * 6  # wrapped lines keep the indent
        con.print(textwrap.fill(r.summary, con.width, initial_indent=indent, subsequent_indent=indent), markup=False)
    return 0


def cmd_explain(argv: Sequence[str]) -> int:
    """Show one rule in full: explanation, question, legal basis, examples."""
    p = argparse.ArgumentParser(prog="agreement-check explain", description="Explain one rule.")
    p.add_argument("code", metavar="CODE")
    args = p.parse_args(argv)
    from agreement_check.rules import CATALOGUE

    rule = CATALOGUE.get(args.code.strip().upper())
    if rule is None:
        raise UsageError(f"unknown rule code '{args.code}' (see 'agreement-check rules')")
    con = _console()
    con.print(f"[bold]{rule.code} {rule.name}[/] ({rule.severity})")
    con.print(rule.summary)
    con.print()
    con.print(rule.explanation)
    con.print()
    con.print(f"[bold]Ask:[/] {rule.question}")
    if rule.legal_basis:
        con.print(f"[bold]Basis:[/] {rule.legal_basis}")
    for example in rule.examples:
        con.print()
        con.print(f"[bold]{'Flagged' if example.fires else 'Passes'}:[/]")
        con.print(Padding(Text(example.text.strip()), (0, 0, 0, 2)))
    return 0


def _pct(x: float) -> str:
    return f"{x:.3f}"


def cmd_eval(argv: Sequence[str]) -> int:
    """Score the checker on a folder of agreements with gold files."""
    p = argparse.ArgumentParser(
        prog="agreement-check eval",
        description="Measure precision and recall per rule on a folder of labelled agreements (NAME.gold.json beside each).",
    )
    p.add_argument("folder", type=Path)
    p.add_argument("--as", dest="rendering", choices=("txt", "docx", "pdf"), default=None,
                   help="score the DOCX or PDF rendering beside each labelled .txt")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N")
    args = p.parse_args(argv)
    from agreement_check.eval import code_support, evaluate
    from agreement_check.rules import CATALOGUE

    if not args.folder.is_dir():
        raise UsageError(f"{args.folder}: not a folder")
    rendering = None if args.rendering in (None, "txt") else args.rendering
    score, golds = evaluate(args.folder, rendering, max(1, args.jobs))
    if not golds:
        raise UsageError(f"{args.folder}: no labelled agreements (*.gold.json) found")
    if args.json:
        print(json.dumps(score.to_json(), indent=2))
        return 0

    con = _console()
    det = score.detection
    t = Table(title=f"Commitments ({score.documents} documents)", box=box.SIMPLE_HEAD,
              caption="kind, party: accuracy on the commitments found; date, is agr.: per document")
    for col in ("gold", "found", "prec.", "recall", "F1", "kind", "party", "date", "is agr."):
        t.add_column(col, justify="right")
    t.add_row(str(det.tp + det.fn), str(det.tp + det.fp), _pct(det.precision), _pct(det.recall),
              _pct(det.f1), _pct(score.kind_accuracy), _pct(score.party_accuracy),
              _pct(score.date_accuracy), _pct(score.agreement_accuracy))
    con.print(t)

    support = code_support(golds)
    t = Table(title="Findings per rule", box=box.SIMPLE_HEAD)
    for col, justify in (("code", "left"), ("name", "left"), ("gold", "right"), ("TP", "right"),
                         ("FP", "right"), ("FN", "right"), ("precision", "right"), ("recall", "right"), ("F1", "right")):
        t.add_column(col, justify=justify)
    for code, c in sorted(score.codes.items()):
        rule = CATALOGUE.get(code)
        t.add_row(code, rule.name if rule else "?", str(support[code]), str(c.tp), str(c.fp), str(c.fn),
                  _pct(c.precision), _pct(c.recall), _pct(c.f1))
    m = score.micro
    t.add_section()
    t.add_row("micro", "all codes", str(m.tp + m.fn), str(m.tp), str(m.fp), str(m.fn),
              _pct(m.precision), _pct(m.recall), _pct(m.f1))
    con.print(t)
    for line in score.unreadable:
        con.print(f"[red]unreadable:[/] {line}", markup=True)
    if score.skipped:
        con.print(f"skipped (no {rendering} rendering): {len(score.skipped)} documents")
    if args.verbose:
        for miss in score.misses:
            con.print(f"{miss.doc}: {miss.what}: {miss.text!r}", markup=False)
    elif score.misses:
        con.print(f"{len(score.misses)} disagreements with the gold; --verbose lists them", markup=False)
    return 0
