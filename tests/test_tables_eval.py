"""Tables of a real report (../shared/eval/real/broker-note-2col-2022.pdf; skipped when the
evaluation files are not there): every table of pages 2-4 with its rows and columns, the
income statement as claims with the row header as indicator and the column year as
period, and no claim whose text runs over two cells."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from textmine.api import Extractor
from textmine.ingest.pdf import read_pdf
from textmine.nlp.sentences import split_document

NOTE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "real" \
    / "broker-note-2col-2022.pdf"
pytestmark = pytest.mark.skipif(not NOTE.exists(), reason="shared evaluation files not present")


@pytest.fixture(scope="module")
def note():
    doc = read_pdf(NOTE)
    return doc, Extractor(classify=False).extract_document(doc)


def test_tables_of_pages_2_to_4(note):
    doc, _ = note
    shapes = {t.id: (len(t.rows), len(t.rows[0])) for t in doc.tables if t.page >= 2}
    assert shapes == {"p2-t1": (6, 2), "p2-t2": (8, 6), "p3-t1": (32, 5), "p3-t2": (16, 5),
                      "p3-t3": (25, 5), "p3-t4": (25, 5), "p4-t1": (8, 3)}
    t = next(t for t in doc.tables if t.id == "p2-t2")
    assert t.rows[0] == [None, "2020", "2021", "2022E", "2023E", "2024E"]
    assert t.rows[1] == ["营业收入(百万元)", "746", "1,567", "3,684", "5,056", "5,752"]


def test_income_statement_rows_as_claims(note):
    _, claims = note
    revenue = sorted((c for c in claims if c.table == "p2-t2" and c.row == 1),
                     key=lambda c: c.col)
    assert [(c.text, c.value, c.unit, c.indicator, c.period, c.role) for c in revenue] == [
        ("746", Decimal(746000000), "元", "营业收入", "2020", "outcome"),
        ("1,567", Decimal(1567000000), "元", "营业收入", "2021", "outcome"),
        ("3,684", Decimal(3684000000), "元", "营业收入", "2022", "forecast"),
        ("5,056", Decimal(5056000000), "元", "营业收入", "2023", "forecast"),
        ("5,752", Decimal(5752000000), "元", "营业收入", "2024", "forecast")]
    costs = [c for c in claims if c.table == "p3-t3" and c.indicator == "营业成本"]
    assert len(costs) == 4 and {c.period for c in costs} == {"2021", "2022", "2023", "2024"}
    assert all(c.kind == "money" and c.unit == "元" for c in costs)  # 利润表(百万元)


def test_no_claim_runs_over_two_cells(note):
    """A claim's characters stand on one line, close together, or wrap to the start of the
    next line of a paragraph; never two cells or two stacked labels read as one number."""
    doc, claims = note
    sents = split_document(doc)
    for c in claims:
        s = sents[c.sentence_index]
        boxes = [b for ch, b in zip(c.text, doc.blocks[s.block].char_boxes[
            s.start + c.start:s.start + c.end]) if b is not None and not ch.isspace()]
        for a, b in zip(boxes, boxes[1:]):
            em = max(a[3] - a[1], b[3] - b[1])
            same_line = min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * em
            wrapped = b[1] > a[1] + 0.5 * em and b[0] < a[0] - 3 * em
            assert wrapped or (same_line and -0.5 * em <= b[0] - a[2] <= em), (c.text, c.page)
