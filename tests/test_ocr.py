"""Scanned pages read by OCR: the tests draw a page (a paragraph, a ruled table), render it to
an image, wrap the image as a PDF, and read that back. The OCR engine is an extra; tests
that need it skip without it, the messages about it are tested either way."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pdfgen import Column, Page, build
from textmine.api import Extractor
from textmine.errors import IngestError
from textmine.ingest import ocr
from textmine.ingest.pdf import document_text, read_pdf

PARA = ("今年以来，全县统筹安排衔接资金3.6亿元，实施产业项目128个，带动脱贫群众就业2400多人，"
        "新建帮扶车间15个，开工率达到92.5%。")
TABLE = [["指标", "2021年", "2022年"],
         ["帮扶资金（万元）", "12,400", "15,800"],
         ["培训人次", "3,260", "4,105"]]
needs_engine = pytest.mark.skipif(not ocr.available(),
                                  reason="OCR extra not installed: pip install 'textmine[ocr]'")


def _page() -> Page:
    page = Page()
    page.column(Column(60, 80, 460, size=11, leading=17).para(PARA))
    page.grid(60, 170, [150, 100, 100], TABLE, rules="all", row_h=20, size=11)
    return page


def _scan(src: Path, dest: Path, dpi: int = 150) -> Path:
    """The PDF's first page as a greyscale image wrapped in a PDF: a scan, no text layer."""
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(src))
    image = pdf[0].render(scale=dpi / 72).to_pil().convert("L")
    pdf.close()
    image.save(dest, "PDF", resolution=dpi)
    return dest


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    d = tmp_path_factory.mktemp("scan")
    original = build(d / "county-2022.pdf", [_page()])
    return original, _scan(original, d / "county-2022-scan.pdf")


def _bare(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def test_without_the_engine_the_message_says_how_to_install(scanned, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(IngestError, match=r"scan.pdf: has no text layer .*OCR is needed "
                                          r"\(pip install 'textmine\[ocr\]'\)"):
        read_pdf(scanned[1])
    with pytest.raises(IngestError, match=r"--ocr always.*pip install 'textmine\[ocr\]'"):
        read_pdf(scanned[0], ocr="always")


def test_never_leaves_scans_unread(scanned):
    with pytest.raises(IngestError, match="has no text layer .*OCR is needed"):
        read_pdf(scanned[1], ocr="never")
    with pytest.raises(ValueError):
        read_pdf(scanned[1], ocr="sometimes")


@needs_engine
def test_scan_reads_like_its_text_layer(scanned):
    original, scan = scanned
    text_doc, ocr_doc = read_pdf(original), read_pdf(scan)
    assert ocr_doc.metadata["ocr_pages"] == [1] and "ocr_pages" not in text_doc.metadata
    assert _bare(document_text(ocr_doc)) == _bare(document_text(text_doc))
    # the ruled table is found from the rules printed in the image
    assert len(ocr_doc.tables) == 1 and ocr_doc.tables[0].strategy == "lines"
    assert [[_bare(c or "") for c in r] for r in ocr_doc.tables[0].rows] == \
        [[_bare(c) for c in r] for r in TABLE]


@needs_engine
def test_scan_claims_keep_page_box_and_confidence(scanned):
    ex = Extractor(classify=False)
    original, scan = scanned
    want = ex.extract_document(read_pdf(original))
    got = ex.extract_document(read_pdf(scan))

    def key(c):
        return (_bare(c.text), c.kind, c.value, c.unit, c.period, c.table, c.row, c.col)

    assert sorted(map(key, got), key=str) == sorted(map(key, want), key=str)
    assert any(c.table for c in got)  # 12,400 under 帮扶资金（万元） is 124000000 yuan
    boxes = {key(c): c.bbox for c in want}
    for c in got:
        assert c.ocr and 0.5 < c.ocr_confidence <= 1 and c.page == 1
        rec = c.to_dict()
        assert rec["ocr"] is True and rec["ocr_confidence"] == c.ocr_confidence
        assert all(abs(a - b) < 4 for a, b in zip(c.bbox, boxes[key(c)])), (c.text, c.bbox)
    assert "ocr" not in want[0].to_dict()


@needs_engine
def test_a_blank_scan_is_reported(tmp_path):
    blank = build(tmp_path / "blank.pdf", [Page().image(50, 100, 400, 240)])
    with pytest.raises(IngestError, match="OCR found no text"):
        read_pdf(blank)


@needs_engine
def test_rules_found_in_an_image(scanned):
    renderer = ocr.Renderer(scanned[1])
    try:
        horiz, vert = ocr.rules(renderer.image(0), renderer.scale)
    finally:
        renderer.close()
    # the table: 4 row rules 350 pt long, 4 column walls 60 pt high
    long_h = [h for h in horiz if h[2] - h[0] > 300]
    tall_v = [v for v in vert if v[3] - v[1] > 50]
    assert len(long_h) == 4 and len(tall_v) == 4
    assert all(abs(h[0] - 60) < 2 and abs(h[2] - 410) < 2 for h in long_h)


def _two_page_scan(scanned, dest: Path) -> Path:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(scanned[1]))
    out = pypdfium2.PdfDocument.new()
    out.import_pages(pdf, [0, 0])
    out.save(str(dest))
    out.close()
    pdf.close()
    return dest


def test_scans_go_to_the_workers_a_page_each(scanned, tmp_path):
    """A scan of two pages is split (a text PDF only from four pages on), a page a unit:
    OCR takes seconds a page, so two workers halve it."""
    from textmine.batch.runner import WorkOptions, _page_count, chunk_size
    two = _two_page_scan(scanned, tmp_path / "scan-2.pdf")
    opts = WorkOptions()
    assert _page_count(two, opts) == (2, True)
    assert _page_count(scanned[0], opts) == (1, False)
    assert _page_count(scanned[0], WorkOptions(ocr="always")) == (1, True)
    assert _page_count(two, WorkOptions(ocr="never")) == (2, False)
    assert chunk_size(40, 2, ocr=True) == 1 and chunk_size(40, 2) == 7


@needs_engine
def test_a_split_scan_gives_the_records_of_one_worker(scanned, tmp_path):
    from textmine.batch import RecordSink, WorkOptions, run_batch
    two = _two_page_scan(scanned, tmp_path / "scan-2.pdf")
    out = {}
    for jobs in (1, 2):
        sink = RecordSink()
        summary = run_batch([two], sink, options=WorkOptions(classify=False), jobs=jobs)
        out[jobs] = (sink.records, summary.units)
    assert out[1][0] == out[2][0] and {r["page"] for r in out[1][0]} == {1, 2}
    assert out[2][1] >= 2  # the two pages in two units (then the sentences)
