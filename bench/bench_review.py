#!/usr/bin/env python
"""`textmine review` of a PDF: the page's weight, and its time to render in headless Chromium
beside a reference page measured in the same run.

    .venv/bin/python bench/bench_review.py [PDF] [--repeat 3]

1. builds the review page of PDF (default: ../shared/eval/real/beijing-gov-2024.pdf, 13
   pages) with the classifier, and reports its size (target < 5 MB);
2. opens it in Debian's chromium (playwright, executable_path) --repeat times in fresh tabs
   and times navigation to the page's script having run (``html[data-ready]``) and the
   first screenshot being possible (a rendered frame); best of the runs (target < 3 s);
3. the same for a reference page: the document's plain text as one HTML page without
   images, script or styles, so the ratio says what the review adds to showing the text.
"""
from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

DEFAULT = ROOT.parent / "shared" / "eval" / "real" / "beijing-gov-2024.pdf"


def load_time(browser, path: Path, ready: str | None) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        if ready:
            page.wait_for_selector(ready, state="attached")
        page.screenshot()  # a frame has been rendered
        return time.perf_counter() - t0
    finally:
        page.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    from _browser import ARGS, chromium_path
    from playwright.sync_api import sync_playwright
    from textmine.api import Extractor
    from textmine.review import render_review, review_files

    work = Path(tempfile.mkdtemp(prefix="bench_review."))
    t0 = time.perf_counter()
    ex = Extractor()
    review = review_files([a.pdf], ex)
    page = render_review(review)
    build = time.perf_counter() - t0
    out = work / "review.html"
    out.write_text(page, encoding="utf-8")
    d = review.docs[0]
    ref = work / "text.html"
    ref.write_text("<!DOCTYPE html><meta charset=utf-8><body>" + "".join(
        f"<p>{html.escape(b.text)}</p>" for b in d.blocks) + "</body>", encoding="utf-8")
    size = out.stat().st_size
    print(f"{a.pdf.name}: {len(d.pages)} pages, {len(d.records)} claims, "
          f"{len(review.findings)} findings; built in {build:.1f} s (extraction included)")
    print(f"review page: {size / 1e6:.2f} MB (target < 5 MB; page images "
          f"{sum(len(p.data_uri) for p in d.pages) / 1e6:.2f} MB) -> {out}")
    exe = chromium_path()
    if exe is None:
        print("no chromium: browser timings skipped")
        return 0
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        try:
            load_time(b, ref, None)  # warm the browser up
            t_rev = min(load_time(b, out, "html[data-ready='1']") for _ in range(a.repeat))
            t_ref = min(load_time(b, ref, None) for _ in range(a.repeat))
        finally:
            b.close()
    print(f"render in chromium: review {t_rev:.2f} s (target < 3 s), plain text page "
          f"{t_ref:.2f} s, ratio {t_rev / t_ref:.1f}x (best of {a.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
