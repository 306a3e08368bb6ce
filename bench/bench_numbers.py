"""Speed of the number layer (``textmine numbers``) against bare jieba segmentation, in one run.

    python bench/bench_numbers.py [--source bulletin|real|example] [--repeat 5] [--wall]

Text: ``bulletin`` = the 36-page evaluation bulletin (../shared/eval/pdf/bulletin-36pages.pdf,
read by textmine's own PDF reader; read at run time, never copied into the project), ``real`` =
the real reports in ../shared/eval/real/*.txt, ``example`` = the project's own
examples/bulletin.txt. Without ../shared the example is used.

Steps, in turns, the best of ``--repeat`` each (CPU time of this process unless ``--wall``):
``number_records`` over the text's lines, as ``textmine numbers`` runs it (records built, no
output written), and bare ``jieba.lcut`` of the whole text (the reference; its dictionary
loaded before timing). Target: ``textmine numbers`` >= 1,000,000 characters/s on the
bulletin's text; the ratio to jieba in the same run is printed beside it, so that runs on
machines of different speed compare.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EVAL = REPO.parent / "shared" / "eval"
TARGET_CHARS_PER_S = 1_000_000


def source_text(name: str) -> tuple[str, str]:
    """(label, text) of the chosen source; the example when ../shared is absent."""
    pdf = EVAL / "pdf" / "bulletin-36pages.pdf"
    if name == "bulletin" and pdf.exists():
        from textmine.api import read_document
        return pdf.name, read_document(pdf).text
    reports = sorted((EVAL / "real").glob("*.txt"))
    if name == "real" and reports:
        return "real reports", "\n".join(f.read_text(encoding="utf-8") for f in reports)
    path = REPO / "examples" / "bulletin.txt"
    return path.name, path.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=["bulletin", "real", "example"], default="bulletin")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each step; the best counts")
    ap.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    args = ap.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time

    import jieba
    from textmine.parse.numbers import number_records

    jieba.setLogLevel(60)
    jieba.initialize()
    label, text = source_text(args.source)
    lines = text.splitlines(keepends=True)
    count = len(list(number_records(lines)))  # first call: tables read, patterns compiled
    best = {"numbers": float("inf"), "jieba": float("inf")}
    for _ in range(args.repeat):
        t0 = clock()
        for _rec in number_records(lines):
            pass
        best["numbers"] = min(best["numbers"], clock() - t0)
        t0 = clock()
        jieba.lcut(text)
        best["jieba"] = min(best["jieba"], clock() - t0)
    speed = {k: len(text) / v for k, v in best.items()}
    ratio = speed["numbers"] / speed["jieba"]
    verdict = "met" if speed["numbers"] >= TARGET_CHARS_PER_S else "NOT met"
    print(f"{label}: {len(text):,} characters, {len(lines):,} lines, {count:,} number records")
    print(f"textmine numbers  {best['numbers']:.3f} s  {speed['numbers']:>12,.0f} chars/s")
    print(f"jieba.lcut        {best['jieba']:.3f} s  {speed['jieba']:>12,.0f} chars/s  (reference)")
    print(f"numbers / jieba speed: {ratio:.2f}x; target >= {TARGET_CHARS_PER_S:,} chars/s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
