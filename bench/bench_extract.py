"""Extraction speed against bare jieba segmentation, on the project's example bulletin.

    /work/venv/bin/python bench/bench_extract.py [--chars 300000]

Builds an input of at least ``--chars`` characters by repeating ``examples/bulletin.txt`` and
reports, in one run: pipeline load time, bare ``jieba.lcut`` chars/s, textmine extraction
(``Extractor(classify=False).extract_text``) chars/s, their ratio (target <= 3.0), and the
extra time classification adds (``classify=True``) in percent.

Times are CPU seconds of this process (``time.process_time``; every step is single-threaded),
so that other programs on a shared machine do not skew the ratios; ``--wall`` uses wall-clock
time instead.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
TARGET_RATIO = 3.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    args = ap.parse_args()
    clock = time.perf_counter if args.wall else time.process_time

    base = (REPO / "examples" / "bulletin.txt").read_text(encoding="utf-8").strip() + "\n"
    text = base * (args.chars // len(base) + 1)
    n = len(text)

    import jieba
    from rich.console import Console
    from rich.table import Table

    from textmine.api import Extractor

    t0 = clock()
    jieba.initialize()
    jieba_load = clock() - t0

    ex = Extractor(classify=False)
    t0 = clock()
    ex.nlp  # noqa: B018  (builds the pipeline)
    load = clock() - t0

    exc = Extractor(classify=True)
    exc._nlp = ex.nlp  # share the pipeline; time the model load alone
    t0 = clock()
    exc.model  # noqa: B018
    model_load = clock() - t0

    ex.extract_text(base, year=2020)  # warm-up (lazy tables, caches)
    exc.extract_text(base, year=2020)

    t0 = clock()
    jieba.lcut(text)
    t_jieba = clock() - t0

    t0 = clock()
    claims = ex.extract_text(text, year=2020)
    t_ext = clock() - t0

    t0 = clock()
    claims_c = exc.extract_text(text, year=2020)
    t_cls = clock() - t0

    ratio = t_ext / t_jieba
    extra = (t_cls - t_ext) / t_ext * 100
    kind = "wall-clock" if args.wall else "CPU"
    table = Table(title=f"extraction speed, {n:,} characters ({len(claims):,} claims), {kind} seconds")
    for col in ("step", "seconds", "chars/s", "note"):
        table.add_column(col, justify="right" if col != "step" else "left")
    table.add_row("jieba initialise", f"{jieba_load:.2f}", "", "dictionary load")
    table.add_row("pipeline load", f"{load:.2f}", "", "Extractor(classify=False).nlp")
    table.add_row("model load", f"{model_load:.2f}", "", "classifier")
    table.add_row("jieba.lcut", f"{t_jieba:.2f}", f"{n / t_jieba:,.0f}", "bare segmentation")
    table.add_row("extract (classify=False)", f"{t_ext:.2f}", f"{n / t_ext:,.0f}",
                  f"ratio {ratio:.2f} (target <= {TARGET_RATIO})")
    table.add_row("extract (classify=True)", f"{t_cls:.2f}", f"{n / t_cls:,.0f}",
                  f"classification +{extra:.1f}% ({len(claims_c):,} claims)")
    Console().print(table)
    print(f"ratio {ratio:.2f} {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
