#!/usr/bin/env python
"""Database overhead of `ingest`: extraction alone vs extraction + SQLite writes.

    python bench/bench_db.py [-n 1000] [--no-classify] [--keep DIR]

1. generates N small reports with scripts/make_fixture_reports.py (text files);
2. warms the extractor up (models loaded once, outside the timings);
3. times extraction alone over all files (Extractor.extract_file);
4. times ingest over the same files into a fresh database: ``run_batch`` into a ``DBSink``
   with one worker, the path of ``textmine ingest --jobs 1`` (extraction + hashing +
   enrichment + one transaction per document);
5. times the database part alone: add_document for the claims kept from step 3.
Prints the times and ratio = ingest / extraction (target <= 1.2).

``--fake`` skips the extractor and uses the claims the fixture script planted (for measuring
the store alone while the extractor is unavailable).
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def fixtures():
    spec = importlib.util.spec_from_file_location("make_fixture_reports",
                                                  ROOT / "scripts" / "make_fixture_reports.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_fixture_reports"] = mod
    spec.loader.exec_module(mod)
    return mod


def fresh_db(path: Path) -> Path:
    """``path`` with no database (nor its WAL files) left from an earlier run."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="number of documents")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-classify", action="store_true", help="extract without the classifier")
    ap.add_argument("--fake", action="store_true", help="planted claims instead of the extractor")
    ap.add_argument("--keep", type=Path, help="keep the reports and databases in this folder")
    a = ap.parse_args(argv)

    from textmine import __version__
    from textmine.api import Extractor
    from textmine.batch import DBSink, WorkOptions, run_batch
    from textmine.fileio import sha256_file
    from textmine.store.db import IndicatorDB

    mod = fixtures()
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench_db."))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = mod.write_corpus(work / "reports", a.n, a.seed)
    print(f"generated {len(paths)} reports in {time.perf_counter() - t0:.2f} s -> {work / 'reports'}")

    if a.fake:
        reports = {r.name: r for r in mod.corpus_reports(a.n, a.seed)}

        class Planted(Extractor):
            def load(self):
                return self

            def extract_file(self, p, **kw):
                r = reports[Path(p).stem]
                return r.document(), r.claims()
        ex = Planted(classify=False)
    else:
        ex = Extractor(classify=not a.no_classify)
    extract = ex.extract_file
    extract(paths[0])  # warm-up: pipeline and model load outside the timings
    opts = WorkOptions(factory=lambda _: ex)

    t0 = time.perf_counter()
    results = [extract(p) for p in paths]
    t_extract = time.perf_counter() - t0
    n_claims = sum(len(c) for _, c in results)

    db_path = fresh_db(work / "ingest.db")
    db = IndicatorDB(db_path)
    db.attributor  # data tables loaded outside the timings, like the extractor's models
    t0 = time.perf_counter()
    res = run_batch(paths, DBSink(db, __version__), options=opts, jobs=1)
    t_ingest = time.perf_counter() - t0
    db.close()
    assert not res.failed and len(res.ok) == len(paths), res.failed[:3]

    db2_path = fresh_db(work / "write-only.db")
    db2 = IndicatorDB(db2_path)
    db2.attributor
    t0 = time.perf_counter()
    for p, (doc, claims) in zip(paths, results):
        db2.add_document(doc, claims, path=p, sha256=sha256_file(p), version=__version__)
    t_db = time.perf_counter() - t0
    db2.close()

    print(f"documents: {len(paths)}, claims: {n_claims} ({'planted' if a.fake else 'extracted'})")
    print(f"extraction alone:          {t_extract:8.2f} s  ({1000 * t_extract / len(paths):.2f} ms/doc)")
    print(f"ingest (extract + store):  {t_ingest:8.2f} s  ({1000 * t_ingest / len(paths):.2f} ms/doc)")
    print(f"store alone (hash+write):  {t_db:8.2f} s  ({1000 * t_db / len(paths):.2f} ms/doc)")
    if not a.fake:
        print(f"ratio ingest / extraction: {t_ingest / t_extract:.3f}  (target <= 1.2)")
        print(f"ratio (extract + store alone) / extraction: {(t_extract + t_db) / t_extract:.3f}")
    if a.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
