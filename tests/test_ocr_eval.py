"""OCR on the shared evaluation scans (skipped without ../shared/eval or the OCR extra):
../shared/eval/pdf/beijing-2020-imageonly.pdf is page 1 of beijing-2020-2col.pdf as a 110 dpi
greyscale JPEG. Read by OCR it must give that page's text in reading order (similarity
>= 0.97 against the expected text of the page) and its claims (claim F1 >= 0.90 against the
seed's gold records on that page); broken-text-layer.pdf must give its text."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from textmine.api import Extractor
from textmine.ingest import ocr
from textmine.ingest.pdf import assemble, document_text, read_page_range, read_pdf

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SCAN = EVAL / "pdf" / "beijing-2020-imageonly.pdf"
pytestmark = [
    pytest.mark.skipif(not SCAN.exists(), reason="shared evaluation files not present"),
    pytest.mark.skipif(not ocr.available(),
                       reason="OCR extra not installed: pip install 'textmine[ocr]'"),
]


def _bare(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@pytest.fixture(scope="module")
def page_one():
    """The text layer's page 1 (its text is where the expected text of the 2-column PDF
    starts) and the scan read by OCR."""
    two = EVAL / "pdf" / "beijing-2020-2col.pdf"
    text_doc = assemble(two, [read_page_range(two, 1, 1)])
    expected = (EVAL / "pdf" / "beijing-2020-2col.expected.txt").read_text(encoding="utf-8")
    assert _bare(expected).startswith(_bare(document_text(text_doc)))
    return text_doc, read_pdf(SCAN)


def test_scan_reading_order(page_one):
    spec = importlib.util.spec_from_file_location("reading_order", EVAL / "reading_order.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text_doc, scan_doc = page_one
    r = mod.score(document_text(text_doc), document_text(scan_doc))
    assert r["similarity"] >= 0.97, r
    assert r["spurious_spaces"] == 0, r


def test_scan_claims_against_gold(page_one, tmp_path):
    text_doc, scan_doc = page_one
    page = _bare(document_text(text_doc))
    gold = [json.loads(x) for x in (EVAL / "seed" / "beijing-2020.gold.jsonl").open(encoding="utf-8")]
    on_page = [g for g in gold  # the gold records whose mention, with its context, is on page 1
               if _bare(g["sentence"][max(0, g["start"] - 8):g["end"] + 8]) in page]
    assert len(on_page) >= 30
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n"
                                                 for g in on_page), encoding="utf-8")
    scan_doc.doc_id = "beijing-2020"  # the gold's document
    claims = Extractor().extract_document(scan_doc)
    assert claims and all(c.ocr and c.ocr_confidence > 0.5 for c in claims)
    (tmp_path / "pred.jsonl").write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False)
                                                 + "\n" for c in claims), encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold",
                          str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"),
                          "--json"], capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["claim"]["f1"] >= 0.90, out


def test_broken_text_layer_gives_its_text():
    doc = read_pdf(EVAL / "real" / "broken-text-layer.pdf")
    text = document_text(doc)
    assert doc.metadata["ocr_pages"] == [1]
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 200
    assert "证明" in text and "\ufffd" not in text
