"""The currency of money (issue 14) reaches every output: JSONL, CSV, Parquet and the database."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

TEXT = "全年实际使用外资120亿美元，比上年增长5%，其中港澳资金30亿港元，各项工作稳步推进。\n" * 3


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "trade-2023.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def _run(*args):
    import cli
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def test_currency_in_jsonl_csv_and_database(report, tmp_path):
    r = _run("extract", report, "--format", "jsonl", "--no-classify", "-q")
    got = {(d["text"], d.get("currency")) for d in map(json.loads, r.stdout.splitlines())}
    assert {("120亿美元", "USD"), ("30亿港元", "HKD")} <= got
    r = _run("extract", report, "--format", "csv", "--no-classify", "-q")
    rows = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert {(x["text"], x["currency"]) for x in rows} >= {("120亿美元", "USD"), ("30亿港元", "HKD")}
    db = tmp_path / "c.db"
    assert _run("ingest", report, "--db", db, "--no-classify", "-q").exit_code == 0
    r = _run("query", "--db", db, "--kind", "money", "--format", "jsonl")
    assert {(d["text"], d["currency"]) for d in map(json.loads, r.stdout.splitlines())} == {
        ("120亿美元", "USD"), ("30亿港元", "HKD")}
