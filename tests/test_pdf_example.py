"""The bundled example: examples/bulletin.pdf reads back as examples/bulletin.txt."""
from __future__ import annotations

from pathlib import Path

import pytest

from textmine.ingest.pdf import document_text, read_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.skipif(not (EXAMPLES / "bulletin.pdf").exists(), reason="example not generated")
def test_example_bulletin_reads_back():
    doc = read_pdf(EXAMPLES / "bulletin.pdf")
    assert document_text(doc) + "\n" == (EXAMPLES / "bulletin.txt").read_text(encoding="utf-8")
    assert doc.pages == 2 and doc.issue_date == "2021-07-08" and doc.year_source == "masthead"
    assert doc.title == "上半年对口帮扶工作稳步推进"
    assert len(doc.tables) == 1
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert cells[0].text == "18.6亿元"
    assert (cells[0].cell.row_header, cells[0].cell.col_header) == ("到位财政帮扶资金", "完成数")
    assert all(len(b.char_boxes) == len(b.text) for b in doc.blocks)
