"""The shared evaluation PDFs (skipped when ../shared/eval is not there)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from _paths import EVAL
from textmine.errors import IngestError
from textmine.ingest.pdf import document_text, read_pdf

PDF = EVAL / "pdf"
pytestmark = pytest.mark.skipif(not (PDF / "manifest.json").exists(),
                                reason="shared evaluation files not present")


def _scorer():
    spec = importlib.util.spec_from_file_location("reading_order", EVAL / "reading_order.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


def _manifest() -> dict:
    return json.loads((PDF / "manifest.json").read_text(encoding="utf-8")) \
        if (PDF / "manifest.json").exists() else {}


READABLE = [(n, m) for n, m in _manifest().items() if m.get("expected") and m.get("pages")
            and (PDF / m["expected"]).read_text(encoding="utf-8").strip()]
UNREADABLE = [(n, m) for n, m in _manifest().items() if not m.get("expected")]
EMPTY = [(n, m) for n, m in _manifest().items() if m.get("expected")
         and not (PDF / m["expected"]).read_text(encoding="utf-8").strip()]


@pytest.mark.parametrize("name,meta", READABLE, ids=[n for n, _ in READABLE])
def test_reading_order_targets(name, meta):
    doc = read_pdf(PDF / name, password=meta.get("password") or None)
    r = _scorer()((PDF / meta["expected"]).read_text(encoding="utf-8"), document_text(doc))
    assert r["similarity"] >= 0.99, r
    assert r["sentence_recall"] >= 0.98, r
    assert r["spurious_spaces"] == 0, r
    assert doc.year == 2020 and doc.year_source == "masthead"
    for b in doc.blocks:
        assert b.page is not None and len(b.char_boxes) == len(b.text)


@pytest.mark.parametrize("name,meta", UNREADABLE, ids=[n for n, _ in UNREADABLE])
def test_unreadable_files_raise_one_line(name, meta):
    with pytest.raises(IngestError) as e:
        read_pdf(PDF / name, ocr="never")
    assert str(e.value).startswith(str(PDF / name) + ": ") and "\n" not in str(e.value)


def test_broken_text_layer_is_refused():
    path = EVAL / "real" / "broken-text-layer.pdf"
    if not path.exists():
        pytest.skip("no broken-text-layer.pdf")
    with pytest.raises(IngestError, match="no usable text layer"):
        read_pdf(path, ocr="never")


@pytest.mark.parametrize("name,meta", EMPTY, ids=[n for n, _ in EMPTY])
def test_empty_files_read_as_empty_text(name, meta):
    from textmine.api import Extractor
    doc = read_pdf(PDF / name, password=meta.get("password") or None)
    assert document_text(doc) == ""
    assert doc.pages == meta["pages"]
    assert any("empty" in w for w in doc.warnings)
    assert Extractor(classify=False).extract_document(doc) == []


@pytest.mark.parametrize("name,meta", EMPTY, ids=[n for n, _ in EMPTY])
def test_text_command_prints_nothing_for_an_empty_pdf(name, meta):
    """`textmine text` gives exactly the manifest's expected text: zero bytes."""
    import subprocess
    import sys
    repo = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, "cli.py", "text", str(PDF / name)], cwd=repo,
                       capture_output=True)
    expected = (PDF / name).with_suffix(".expected.txt")
    assert r.returncode == 0 and r.stdout == (expected.read_bytes() if expected.exists() else b"")
