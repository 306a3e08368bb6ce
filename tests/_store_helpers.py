"""Shared helpers for the store and checks tests (not a test module)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


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
