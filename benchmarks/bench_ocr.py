"""OCR speed and accuracy: seconds per scanned page against the text-layer PDF of the same
agreement read in the same run, and how much of the text and of the findings OCR keeps.

    python benchmarks/bench_ocr.py [--runs 3]

Timings are medians of ``--runs`` runs. Accuracy compares the scanned sample
(fixtures/scans/, made by ``scripts/render_fixtures.py --scans``) with the PDF it was
scanned from: words (difflib alignment), commitments (clause number, kind, page, line)
and findings (code and place).
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from timing import median_seconds

from agreement_check import extract
from agreement_check.check import check_path
from agreement_check.config import Settings
from agreement_check.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
TEXT_PDF = ROOT / "fixtures" / "samples" / "sample-mediation.pdf"
SCAN = ROOT / "fixtures" / "scans" / "sample-mediation-scan.pdf"
PHOTO = ROOT / "fixtures" / "scans" / "sample-mediation-photo.jpg"


def word_accuracy(truth: str, read: str) -> float:
    """Share of the true words that OCR read exactly, in order."""
    a, b = truth.split(), read.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def places(analysis: Analysis) -> tuple[list[tuple], list[tuple]]:
    """Commitments and findings as (what, page, line), to compare two readings."""

    def where(start: int) -> tuple:
        loc = analysis.document.locate(start)
        return loc.page, loc.line

    commitments = [(c.label, c.kind, *where(c.start)) for c in analysis.commitments]
    findings = sorted((f.code, *where(f.start)) if f.end > f.start else (f.code, 0, 0) for f in analysis.findings)
    return commitments, findings


def overlap(a: list[tuple], b: list[tuple]) -> str:
    same = sum(1 for x in b if x in a)
    return f"{same}/{len(a)} the same, {len(b) - same} extra"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = extract.load(TEXT_PDF).pages or 1
    t_text = median_seconds(lambda: extract.load(TEXT_PDF), args.runs)
    t_scan = median_seconds(lambda: extract.load(SCAN), args.runs)
    t_photo = median_seconds(lambda: extract.load(PHOTO), args.runs)
    print(f"extraction, median of {args.runs} runs")
    print(f"  text-layer PDF (baseline):  {t_text / pages:6.3f} s/page")
    print(f"  scanned PDF, 200 dpi:       {t_scan / pages:6.3f} s/page  {t_scan / t_text:6.0f}x the baseline")
    print(f"  phone photo (one page):     {t_photo:6.3f} s/page")

    text, scan = check_path(TEXT_PDF, Settings()).analysis, check_path(SCAN, Settings()).analysis
    (text_commitments, text_findings), (scan_commitments, scan_findings) = places(text), places(scan)
    print("accuracy of the scanned PDF against the text-layer PDF")
    print(f"  words read exactly:         {word_accuracy(text.document.text, scan.document.text):.3f}")
    print(f"  commitments:                {overlap(text_commitments, scan_commitments)}")
    print(f"  findings:                   {overlap(text_findings, scan_findings)}")


if __name__ == "__main__":
    main()
