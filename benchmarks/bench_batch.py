"""Batch speed and memory: files/s for the whole check against extraction alone, and peak
memory of a JSON Lines run as the batch grows (constant memory means a ratio near 1).

    python benchmarks/bench_batch.py [--copies 4] [--runs 3]

Every figure is the median of ``--runs`` runs, and each is reported beside a baseline
measured in the same run, so the ratios hold from one machine to another.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_seconds

from agreement_check import batch, extract
from agreement_check.config import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"

PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def make_archive(folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of every corpus agreement in all three formats."""
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in {".txt", ".docx", ".pdf"})
    out = []
    for i in range(copies):
        for p in files:
            target = folder / f"copy{i}" / p.parent.name / p.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(p, target)
            out.append(target)
    return out


def peak_rss_mib(args: list[str]) -> float:
    cmd = [sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "agreement_check", *args]
    kib = int(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()[-1])
    return kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_archive(Path(tmp), args.copies)
        tasks = [batch.Task(str(p), p, Settings()) for p in files]
        list(batch.run(tasks[:3]))  # warm up: spaCy pipeline, pattern files, dateparser
        n = len(files)
        t_extract = median_seconds(lambda: [extract.load(p) for p in files], args.runs)
        t_check = median_seconds(lambda: list(batch.run(tasks, 1)), args.runs)
        t_jobs2 = median_seconds(lambda: list(batch.run(tasks, 2)), args.runs)
        print(f"{n} files (txt, docx, pdf), median of {args.runs} runs")
        print(f"  extraction only (baseline): {n / t_extract:8.1f} files/s")
        print(f"  full check, --jobs 1:       {n / t_check:8.1f} files/s  ratio to baseline {t_extract / t_check:.2f}")
        print(f"  full check, --jobs 2:       {n / t_jobs2:8.1f} files/s  speed-up over --jobs 1 {t_check / t_jobs2:.2f}")

        small = Path(tmp) / "copy0"
        rss_small = statistics.median(peak_rss_mib(["--format", "jsonl", "--exit-zero", str(small)]) for _ in range(args.runs))
        rss_all = statistics.median(peak_rss_mib(["--format", "jsonl", "--exit-zero", tmp]) for _ in range(args.runs))
        print(f"  peak memory, jsonl, {n // args.copies} files: {rss_small:7.1f} MiB")
        print(f"  peak memory, jsonl, {n} files: {rss_all:7.1f} MiB  ratio {rss_all / rss_small:.2f} (1.00 = constant)")


if __name__ == "__main__":
    main()
