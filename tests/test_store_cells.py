"""What a table cell's claim and an OCR claim carry (``table``, ``row``, ``col``, ``ocr``,
``ocr_confidence``) reaches the database and comes back out of ``query`` and ``export`` as
``extract`` writes it; a database of schema version 7 gains the columns when it is opened."""
from __future__ import annotations

import csv
import io
import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from pdfgen import Column, Page, build
from textmine.ingest import ocr
from textmine.store import schema
from textmine.store.db import IndicatorDB
from textmine.types import Claim, Document

PROSE = "今年以来，全县统筹安排衔接资金3.6亿元，实施产业项目128个，新建帮扶车间15个。"
ROWS = [["指标", "2021年", "2022年"],
        ["帮扶资金（万元）", "12,400", "15,800"],
        ["培训人次", "3,260", "-45"]]
FIELDS = ("text", "value", "unit", "table", "row", "col", "period")


def _run(*args):
    import cli
    return CliRunner().invoke(cli.main, [str(a) for a in args])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    page = Page()
    page.column(Column(60, 80, 460, size=11, leading=17).para(PROSE))
    page.grid(60, 150, [150, 100, 100], ROWS, rules="all", row_h=20, size=11)
    return build(tmp_path_factory.mktemp("cells") / "county-2022.pdf", [page])


def _key(d: dict) -> tuple:
    return tuple(d.get(k) for k in FIELDS)


def test_table_cells_stored_and_queried_back(report, tmp_path):
    r = _run("extract", report, "--format", "jsonl", "--no-classify", "-q")
    extracted = [json.loads(x) for x in r.stdout.splitlines()]
    cells = [d for d in extracted if "table" in d]
    assert len(cells) == 4 and {(d["row"], d["col"]) for d in cells} == {
        (1, 1), (1, 2), (2, 1), (2, 2)}
    db = tmp_path / "cells.db"
    assert _run("ingest", report, "--db", db, "--no-classify", "-q").exit_code == 0
    r = _run("query", "--db", db, "--format", "jsonl")
    queried = [json.loads(x) for x in r.stdout.splitlines()]
    assert sorted(map(_key, queried), key=str) == sorted(map(_key, extracted), key=str)
    stored = {(d["row"], d["col"]): d for d in queried if d["table"]}
    assert stored[(1, 2)]["table"] == "p1-t1" and stored[(1, 2)]["value"] == 158000000
    assert stored[(2, 2)]["value"] == -45 and stored[(1, 1)]["period"] == "2021"
    prose = [d for d in queried if not d["table"]]
    assert prose and all(d["row"] is None and d["col"] is None and d["ocr"] is False
                         for d in prose)
    out = tmp_path / "all.csv"
    assert _run("export", "--db", db, "--format", "csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {(x["table"], x["row"], x["col"]) for x in rows if x["table"]} == {
        ("p1-t1", "1", "1"), ("p1-t1", "1", "2"), ("p1-t1", "2", "1"), ("p1-t1", "2", "2")}


def test_ocr_fields_round_trip(tmp_path):
    doc = Document(doc_id="scan-2021", blocks=[], path=str(tmp_path / "scan-2021.pdf"))
    sentence = "全年新建帮扶车间15个。"
    claim = Claim(doc="scan-2021", page=1, sentence=sentence, start=8, end=11, text="15个",
                  kind="count", value=15, unit="个", qualifier="exact", lower=15, upper=15,
                  indicator="新建帮扶车间",
                  ocr=True, ocr_confidence=0.875, table="p1-t2", row=3, col=1)
    with IndicatorDB(tmp_path / "ocr.db") as d:
        d.add_document(doc, [claim], path=doc.path, sha256="0" * 64)
        (rec,) = d.query()
    want = claim.to_dict()
    assert (rec["ocr"], rec["ocr_confidence"], rec["table"], rec["row"], rec["col"]) == (
        True, 0.875, "p1-t2", 3, 1)
    assert all(rec[k] == want[k] for k in ("ocr", "ocr_confidence", "table", "row", "col"))


def test_a_version_7_database_gains_the_columns(tmp_path):
    path = tmp_path / "v7.db"
    old = sqlite_utils.Database(path)
    schema.migrate(old, str(path), upto=7)
    assert "table" not in old["claims"].columns_dict
    old.close()
    with IndicatorDB(path) as d:
        assert d.schema_version == schema.SCHEMA_VERSION >= 8
        cols = d.db["claims"].columns_dict
        assert {"table", "row", "col", "ocr", "ocr_confidence"} <= cols.keys()
        assert cols["row"] is int and cols["ocr_confidence"] is float


@pytest.mark.skipif(not ocr.available(), reason="OCR extra not installed")
def test_scan_claims_stored_with_their_confidence(report, tmp_path):
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(report))
    image = pdf[0].render(scale=150 / 72).to_pil().convert("L")
    pdf.close()
    scan = tmp_path / "county-2022-scan.pdf"
    image.save(scan, "PDF", resolution=150)
    db = tmp_path / "scan.db"
    assert _run("ingest", scan, "--db", db, "--no-classify", "-q").exit_code == 0
    r = _run("query", "--db", db, "--format", "jsonl")
    got = [json.loads(x) for x in r.stdout.splitlines()]
    assert got and all(d["ocr"] is True and 0.5 < d["ocr_confidence"] <= 1 for d in got)
    assert any(d["table"] == "p1-t1" and d["row"] == 1 for d in got)
