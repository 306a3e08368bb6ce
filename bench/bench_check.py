#!/usr/bin/env python
"""`check` over a growing archive: time and peak memory at n and 10n reports.

    python bench/bench_check.py [--sizes 1000 10000] [--seed 0] [--keep DIR]

For each size n:
1. generates n county reports with scripts/make_fixture_reports.py (``corpus_reports``: eight
   regions, three years, the same dozen indicators in every report, values drawn at random, so
   most comparison groups disagree) and stores their planted claims with
   ``IndicatorDB.add_document`` (the extractor is not timed here; ``bench_db.py`` does that);
2. runs ``run_checks`` on that database in a fresh process and reports its wall time, its
   peak RSS (``getrusage``), the number of findings and of comparison groups.

Then the growth: time(10n) / time(n) beside 10n·log(10n) / (n·log n), the most the issue
allows (target: peak RSS under 1 GB, growth at most n·log n, one finding per disagreeing group).
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CHILD = r"""
import json, resource, sys, time
from textmine.store.db import IndicatorDB
from textmine.store.checks import run_checks
from textmine.store.compare import groups
db = IndicatorDB(sys.argv[1])
t0 = time.perf_counter()
res = run_checks(db)
t = time.perf_counter() - t0
n_groups = sum(1 for _ in groups(db.iter_comparable()))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": t, "rss_mb": rss, "findings": len(res.findings),
                  "between": sum(1 for f in res.findings if f.type.startswith("between")),
                  "groups": n_groups}))
"""


def build(mod, n: int, seed: int, path: Path) -> tuple[int, float]:
    from bench_db import fresh_db
    from textmine import __version__
    from textmine.store.db import IndicatorDB
    db = IndicatorDB(fresh_db(path))
    t0 = time.perf_counter()
    n_claims = 0
    for r in mod.corpus_reports(n, seed):
        claims = r.claims()
        n_claims += len(claims)
        db.add_document(r.document(), claims, path=f"{r.name}.txt", sha256=r.name,
                        version=__version__)
    db.close()
    return n_claims, time.perf_counter() - t0


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="keep the databases in this folder")
    a = ap.parse_args(argv)

    from bench_db import fixtures
    mod = fixtures()
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench_check."))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in a.sizes:
        path = work / f"check-{n}.db"
        n_claims, t_build = build(mod, n, a.seed, path)
        m = measure(path)
        m.update(n=n, claims=n_claims)
        rows.append(m)
        print(f"n={n:>6}: {n_claims} claims stored in {t_build:.1f} s; check {m['seconds']:.2f} s, "
              f"peak RSS {m['rss_mb']:.0f} MB, {m['findings']} findings "
              f"({m['between']} between reports) over {m['groups']} comparison groups")
    for small, big in zip(rows, rows[1:]):
        growth = big["seconds"] / small["seconds"]
        nlogn = big["n"] * math.log(big["n"]) / (small["n"] * math.log(small["n"]))
        print(f"growth {small['n']} -> {big['n']}: time x{growth:.2f} "
              f"(n log n allows x{nlogn:.2f}, linear x{big['n'] / small['n']:.0f}); "
              f"{'within' if growth <= nlogn else 'ABOVE'} n log n")
    worst = max(r["rss_mb"] for r in rows)
    print(f"peak RSS at most {worst:.0f} MB (target < 1024 MB)")
    if a.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
