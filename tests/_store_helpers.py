"""Shared helpers for the store and checks tests (not a test module)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from _paths import ROOT, SHARED  # noqa: F401  (SHARED: for the tests that import it here)


def fixtures_module():
    """scripts/make_fixture_reports.py as a module."""
    name = "make_fixture_reports"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def ingest(db, paths, extract, jobs: int = 1):
    """``textmine ingest`` through its one path (``run_batch`` into a ``DBSink``) with
    ``extract(path) -> (Document, claims)`` in place of the extractor; the batch summary
    (``ok``, ``failed``, ``skipped``)."""
    from textmine.api import Extractor
    from textmine.batch import DBSink, WorkOptions, run_batch

    class Stand(Extractor):
        def load(self):
            return self

        def extract_file(self, path, *, password=None, year=None):
            return extract(path)

    return run_batch(paths, DBSink(db), jobs=jobs,
                     options=WorkOptions(factory=lambda opts: Stand(classify=False)))


def fake_extract(path: Path):
    """Stand-in for Extractor.extract_file: the planted reports' own claims, by file name."""
    from textmine.errors import InputError

    mod = fixtures_module()
    reports = {r.name: r for r in mod.planted_reports()[0]}
    reports.update({r.name: r for r in mod.corpus_reports(5, seed=1)})
    path = Path(path)
    if path.stem not in reports:
        raise InputError(f"{path}: not a report this test knows")
    r = reports[path.stem]
    return r.document(), r.claims()
