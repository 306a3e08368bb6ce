"""End to end: the real extractor on the project's own text and PDF reports, then ingest and
check."""
from __future__ import annotations

import re

import pytest

from _paths import EVAL
from _store_helpers import fixtures_module, ingest
from textmine.api import Extractor
from textmine.store.checks import BETWEEN, WITHIN, run_checks
from textmine.store.db import IndicatorDB


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(classify=False)


@pytest.mark.parametrize("pdf", [(), ("p1", "p3")], ids=["text", "pdf"])
def test_planted_findings_from_extracted_reports(tmp_path, extractor, pdf):
    paths, expected = fixtures_module().write_planted(tmp_path / "reports", pdf)
    with IndicatorDB(tmp_path / "e.db") as db:
        res = ingest(db, paths, extractor.extract_file)
        assert not res.failed, res.failed
        result = run_checks(db.iter_claims())
    found = [(f.type, {c["doc"] for c in f.claims}, sorted(_digits(c["text"]) for c in f.claims))
             for f in result.findings]
    wanted = [(k, set(e["docs"]), sorted(_digits(t) for t in e["texts"]))
              for k in (BETWEEN, WITHIN) for e in expected[k]]
    missing = [w for w in wanted if w not in found]
    extra = [f.message for f, key in zip(result.findings, found) if key not in wanted]
    assert missing == [] and extra == []


def test_seed_page_end_to_end(tmp_path, extractor):
    seed = EVAL / "seed" / "beijing-2020.txt"
    if not seed.exists():
        pytest.skip("no ../shared/eval seed")
    with IndicatorDB(tmp_path / "s.db") as db:
        res = ingest(db, [seed], extractor.extract_file)
        assert not res.failed, res.failed
        result = run_checks(db.iter_claims())
    assert [f.message for f in result.findings if f.type == WITHIN] == []
    assert any(f.relation == "rate" and sorted(_digits(c["text"]) for c in f.claims)
               == ["1515", "1672", "9061"] for f in result.confirmed)
