"""Extraction speed against bare jieba segmentation (issue 3) and what classification adds
(issue 5), on inputs of at least 300,000 characters.

    python bench/bench_extract.py [--chars 300000] [--repeat 3] [--source real|example|both] [--wall]

Sources: ``real`` = the real government reports in ``../shared/eval/real/*.txt`` (read at run
time, never copied into the project; skipped when absent), ``example`` = the project's own
``examples/bulletin.txt``, a synthetic bulletin about five times denser in claims than the real
reports (a worst case for everything that runs per claim). Each is repeated up to ``--chars``.

For each source, in one run and alternating: bare ``jieba.lcut`` on the whole text,
``Extractor(classify=False).extract_text`` and ``Extractor(classify=True).extract_text``; the
best of ``--repeat`` runs of each. Times are CPU seconds of this process (``time.process_time``:
every step is single-threaded), so that other programs on a shared machine skew the ratios
less; ``--wall`` uses wall-clock time. Pipeline and model load times are reported separately.
Targets: extraction / jieba <= 3.0; classification adds <= 20%; attribution (period, role,
region, indicator key: ``Extractor.attribute``) adds <= 15% to finding the claims.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
REAL = REPO.parent / "shared" / "eval" / "real"
TARGET_RATIO = 3.0
TARGET_CLASSIFY = 20.0
TARGET_ATTRIBUTION = 15.0  # issue 13: period, role, region and key add at most 15%


def source_text(name: str, chars: int) -> str | None:
    if name == "real":
        files = sorted(REAL.glob("*.txt"))
        if not files:
            return None
        base = "\n".join(f.read_text(encoding="utf-8").strip() for f in files) + "\n"
    else:
        base = (REPO / "examples" / "bulletin.txt").read_text(encoding="utf-8").strip() + "\n"
    return base * (chars // len(base) + 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each step; the best counts")
    ap.add_argument("--source", choices=["real", "example", "both"], default="both")
    ap.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    args = ap.parse_args()
    clock = time.perf_counter if args.wall else time.process_time

    import jieba
    from rich.console import Console
    from rich.table import Table

    from textmine.api import Extractor, document_from_text

    t0 = clock()
    jieba.initialize()
    jieba_load = clock() - t0
    plain = Extractor(classify=False)
    t0 = clock()
    plain.nlp  # noqa: B018  (builds the pipeline)
    load = clock() - t0
    labelled = Extractor(classify=True)
    labelled._nlp = plain.nlp  # share the pipeline; time the model load alone
    t0 = clock()
    labelled.model  # noqa: B018
    model_load = clock() - t0

    kind = "wall-clock" if args.wall else "CPU"
    table = Table(title=f"extraction speed, best of {args.repeat}, {kind} seconds")
    for col in ("input", "step", "seconds", "chars/s", "note"):
        table.add_column(col, justify="left" if col in ("input", "step", "note") else "right")
    table.add_row("", "jieba initialise", f"{jieba_load:.2f}", "", "dictionary load")
    table.add_row("", "pipeline load", f"{load:.2f}", "", "Extractor(classify=False).nlp")
    table.add_row("", "model load", f"{model_load:.2f}", "", "measure classifier")
    verdicts = []
    for name in (["real", "example"] if args.source == "both" else [args.source]):
        text = source_text(name, args.chars)
        if text is None:
            table.add_row(name, "(skipped)", "", "", f"{REAL} not found")
            continue
        n = len(text)
        plain.extract_text(text[:20000], year=2020)  # warm-up (lazy tables, caches)
        labelled.extract_text(text[:20000], year=2020)
        times: dict[str, list[float]] = {"jieba": [], "extract": [], "classify": [],
                                         "claims": [], "attribute": []}
        for _ in range(args.repeat):
            t0 = clock()
            jieba.lcut(text)
            times["jieba"].append(clock() - t0)
            t0 = clock()
            claims = plain.extract_text(text, year=2020)
            times["extract"].append(clock() - t0)
            t0 = clock()
            labelled.extract_text(text, year=2020)
            times["classify"].append(clock() - t0)
            doc = document_from_text(text, year=2020)  # the two steps of extract, apart
            t0 = clock()
            sentences = plain.sentences(doc)
            found, _ = plain.unlabelled_claims(doc, with_tokens=False, sentences=sentences)
            t1 = clock()
            plain.attribute(doc, found, sentences)
            times["claims"].append(t1 - t0)
            times["attribute"].append(clock() - t1)
        tj, te, tc = (min(times[k]) for k in ("jieba", "extract", "classify"))
        ratio, extra = te / tj, (tc - te) / te * 100
        attribution = min(times["attribute"]) / min(times["claims"]) * 100
        label = f"{name} ({n:,} chars, {len(claims):,} claims)"
        table.add_row(label, "jieba.lcut", f"{tj:.2f}", f"{n / tj:,.0f}", "bare segmentation")
        table.add_row("", "extract (classify=False)", f"{te:.2f}", f"{n / te:,.0f}",
                      f"ratio {ratio:.2f} (target <= {TARGET_RATIO})")
        table.add_row("", "extract (classify=True)", f"{tc:.2f}", f"{n / tc:,.0f}",
                      f"classification +{extra:.1f}% (target <= {TARGET_CLASSIFY:.0f}%)")
        table.add_row("", "attribution", f"{min(times['attribute']):.2f}", "",
                      f"+{attribution:.1f}% of finding the claims (target <= "
                      f"{TARGET_ATTRIBUTION:.0f}%)")
        verdicts.append(f"{name}: ratio {ratio:.2f} {'OK' if ratio <= TARGET_RATIO else 'OVER'}, "
                        f"classification +{extra:.1f}% {'OK' if extra <= TARGET_CLASSIFY else 'OVER'}, "
                        f"attribution +{attribution:.1f}% "
                        f"{'OK' if attribution <= TARGET_ATTRIBUTION else 'OVER'}")
    Console().print(table)
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
