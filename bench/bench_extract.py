"""Extraction speed against bare jieba segmentation, on the project's example bulletin.

    /work/venv/bin/python bench/bench_extract.py [--chars 300000]

Builds an input of at least ``--chars`` characters by repeating ``examples/bulletin.txt`` and
reports, in one run: pipeline load time, bare ``jieba.lcut`` chars/s, textmine extraction
(``Extractor(classify=False).extract_text``) chars/s, their ratio (target <= 3.0), and the
extra time classification adds (``classify=True``) in percent.
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
    args = ap.parse_args()

    base = (REPO / "examples" / "bulletin.txt").read_text(encoding="utf-8").strip() + "\n"
    text = base * (args.chars // len(base) + 1)
    n = len(text)

    import jieba
    from rich.console import Console
    from rich.table import Table

    from textmine.api import Extractor

    t0 = time.perf_counter()
    jieba.initialize()
    jieba_load = time.perf_counter() - t0

    ex = Extractor(classify=False)
    t0 = time.perf_counter()
    ex.nlp  # noqa: B018  (builds the pipeline)
    load = time.perf_counter() - t0

    exc = Extractor(classify=True)
    exc._nlp = ex.nlp  # share the pipeline; time the model load alone
    t0 = time.perf_counter()
    exc.model  # noqa: B018
    model_load = time.perf_counter() - t0

    ex.extract_text(base, year=2020)  # warm-up (lazy tables, caches)
    exc.extract_text(base, year=2020)

    t0 = time.perf_counter()
    jieba.lcut(text)
    t_jieba = time.perf_counter() - t0

    t0 = time.perf_counter()
    claims = ex.extract_text(text, year=2020)
    t_ext = time.perf_counter() - t0

    t0 = time.perf_counter()
    claims_c = exc.extract_text(text, year=2020)
    t_cls = time.perf_counter() - t0

    ratio = t_ext / t_jieba
    extra = (t_cls - t_ext) / t_ext * 100
    table = Table(title=f"extraction speed, {n:,} characters ({len(claims):,} claims)")
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
