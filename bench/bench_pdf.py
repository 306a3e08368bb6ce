"""PDF ingestion speed: textmine vs a plain pdfplumber pass, as whole processes, same run.

    python bench/bench_pdf.py [PDF] [--repeat N]

Times (best of N) for
  plain    : python -c "pdfplumber: extract_words() on every page, page.close()"
  read_pdf : textmine text PDF          (ingestion only: layout, tables, furniture)
  extract  : textmine extract PDF --no-classify --format jsonl   (ingestion + claims)
and prints each as a ratio to plain (target for extract: <= 1.5x). Skips cleanly when the
PDF is missing (default: ../shared/eval/pdf/bulletin-36pages.pdf).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "pdf" / "bulletin-36pages.pdf"

PLAIN = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    n = 0
    for page in pdf.pages:
        n += len(page.extract_words())
        page.close()
print(n)
"""


def run(cmd: list[str]) -> tuple[float, int, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - t, p.returncode, (p.stderr.strip().splitlines() or [""])[-1]


def best(cmd: list[str], repeat: int) -> tuple[float | None, str]:
    times = []
    for _ in range(repeat):
        dt, rc, err = run(cmd)
        if rc != 0:
            return None, err
        times.append(dt)
    return min(times), ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    if not a.pdf.exists():
        print(f"skipped: {a.pdf} not found")
        return 0
    py = sys.executable
    cases = {
        "plain": [py, "-c", PLAIN, str(a.pdf)],
        "read_pdf": [py, "cli.py", "text", str(a.pdf)],
        "extract": [py, "cli.py", "extract", str(a.pdf), "--no-classify", "--format", "jsonl"],
    }
    results = {name: best(cmd, a.repeat) for name, cmd in cases.items()}
    base = results["plain"][0]
    print(f"{a.pdf.name}: best of {a.repeat} whole-process runs")
    for name, (dt, err) in results.items():
        if dt is None:
            print(f"  {name:9s} failed: {err}")
        else:
            print(f"  {name:9s} {dt:7.2f} s   {dt / base:5.2f}x plain" if base else
                  f"  {name:9s} {dt:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
