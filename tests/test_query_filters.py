"""Query filters: closed choices are checked (CLI and library), amounts take 万/亿."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from _desk_helpers import planted_db
from textmine.errors import ConfigError
from textmine.query import CHOICES, make_filter, parse_amount

AMOUNTS = [
    ("1亿", 1e8), ("5000万", 5e7), ("1.5亿", 1.5e8), ("1.2万", 12000.0), ("三千", 3000.0),
    ("两万", 20000.0), ("１０００", 1000.0), ("1,500,000", 1.5e6), ("1.5e6", 1.5e6),
    ("0.5", 0.5), ("-3", -3.0), ("-2万", -20000.0), ("90.61", 90.61), (" 8000万 ", 8e7),
]
NOT_AMOUNTS = ["", "abc", "1亿x", "nan", "inf", "一百块"]


@pytest.mark.parametrize("text,expected", AMOUNTS)
def test_amounts(text, expected):
    assert parse_amount(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    with pytest.raises(ConfigError, match="amount"):
        parse_amount(text)


@pytest.mark.parametrize("name,bad", [("measure", "employement"), ("measure", "就业"),
                                      ("role", "goal"), ("kind", "moneys")])
def test_unknown_choice_lists_the_valid_ones(name, bad):
    with pytest.raises(ConfigError) as e:
        make_filter(**{name: bad})
    msg = str(e.value)
    assert repr(bad) in msg and all(v in msg for v in CHOICES[name])


def test_unknown_filter_name():
    with pytest.raises(ConfigError, match="unknown filter colour"):
        make_filter(colour="red")


def test_valid_filter_passes_through():
    f = make_filter(measure="employment", role="target", kind="count", min_value="1亿",
                    indicator="资金", limit=5)
    assert (f.measure, f.role, f.kind, f.min_value, f.indicator, f.limit) == (
        "employment", "target", "count", 1e8, "资金", 5)


@pytest.fixture
def dbp(tmp_path):
    planted_db(tmp_path / "q.db").close()
    return str(tmp_path / "q.db")


def _query(dbp, *args):
    import cli
    return CliRunner().invoke(cli.main, ["query", "--db", dbp, *args])


@pytest.mark.parametrize("opt,bad,valid", [
    ("--measure", "employement", "social_mobilisation"), ("--measure", "就业", "employment"),
    ("--kind", "moneys", "percent"), ("--role", "goal", "forecast")])
def test_cli_rejects_unknown_values(dbp, opt, bad, valid):
    r = _query(dbp, opt, bad)
    assert r.exit_code == 2
    assert bad in r.output and valid in r.output


def test_cli_min_max_take_chinese_magnitudes(dbp):
    r = _query(dbp, "--min", "1亿", "--max", "100亿", "--kind", "money", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    texts = {json.loads(x)["text"] for x in r.output.splitlines()}
    # money between 1e8 and 1e10 yuan in the planted reports
    assert texts == {"54.52亿元", "54.5亿元", "21.3亿元", "2亿多元", "2.6亿元"}
    r = _query(dbp, "--max", "5000万", "--kind", "money", "--format", "jsonl")
    assert {json.loads(x)["text"] for x in r.output.splitlines()} == set()
    r = _query(dbp, "--max", "八千万", "--kind", "money", "--format", "jsonl")
    assert {json.loads(x)["text"] for x in r.output.splitlines()} == {"8000万元", "6000万元"}


def test_cli_bad_amount_is_a_usage_error(dbp):
    r = _query(dbp, "--min", "很多")
    assert r.exit_code == 2 and "not an amount" in r.output


def test_role_filter(tmp_path):
    """--role picks the claims of one role (attributed by textmine.attribute)."""
    import cli
    report = tmp_path / "gov-2021.txt"
    report.write_text("2021年工作报告\n一、2020年工作回顾\n全市地区生产总值增长5.2%。\n"
                      "二、2021年主要任务\n今年的主要预期目标是：地区生产总值增长6%左右。\n",
                      encoding="utf-8")
    db = str(tmp_path / "r.db")
    assert CliRunner().invoke(cli.main, ["ingest", str(report), "--db", db, "-q",
                                         "--no-classify"]).exit_code == 0
    for role, text in (("target", "6%左右"), ("outcome", "5.2%")):
        r = CliRunner().invoke(cli.main, ["query", "--db", db, "--role", role, "--kind",
                                          "percent", "--format", "jsonl"])
        assert r.exit_code == 0, r.output
        assert [json.loads(x)["text"] for x in r.output.splitlines()] == [text]
