"""Shared helpers for the analyst-desk tests (review, search, query, notebook): a database of
the planted reports, written through ``IndicatorDB.add_document`` (no extractor)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from _store_helpers import fixtures_module


def planted_db(path: Path, reports=None):
    """An IndicatorDB at ``path`` holding the five planted reports (or ``reports``)."""
    from textmine.store.db import IndicatorDB

    db = IndicatorDB(path)
    for r in reports if reports is not None else fixtures_module().planted_reports()[0]:
        doc = r.document()
        sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        db.add_document(doc, r.claims(), path=path.parent / f"{r.name}.txt", sha256=sha)
    return db
