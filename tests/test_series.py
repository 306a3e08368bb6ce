"""A province's work reports over three years (written for this project, figures invented):
the indicator database built from them, its series, the between-report check that finds the
one revised figure, and targets judged by the next year's outcomes; CLI and library."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

PAD = "各项工作扎实推进，发展质量和效益稳步提高，人民群众获得感幸福感安全感持续增强。"
REPORTS = {
    "jx-gov-2020": f"""2020年江西省政府工作报告
一、2019年工作回顾
过去一年，全省地区生产总值达到24757亿元，比上年增长8%；一般公共预算收入2487亿元，增长5.6%；城镇新增就业52万人。{PAD}
二、2020年主要任务
今年经济社会发展的主要预期目标是：地区生产总值增长8%左右；城镇新增就业45万人以上；居民消费价格涨幅控制在3.5%左右。{PAD}
今年拟安排省级财政专项资金120亿元，其中产业发展资金40亿元。{PAD}
""",
    "jx-gov-2021": f"""2021年江西省政府工作报告
一、2020年工作回顾
过去一年，全省地区生产总值25692亿元，增长3.8%；城镇新增就业47万人；居民消费价格上涨2.6%。{PAD}
五年来，全省地区生产总值从16724亿元增加到25692亿元，年均增长7.2%。{PAD}
二、2021年主要任务
今年经济社会发展的主要预期目标是：地区生产总值增长8%以上；城镇新增就业45万人以上。{PAD}
""",
    "jx-gov-2022": f"""2022年江西省政府工作报告
一、2021年工作回顾
过去一年，全省地区生产总值29620亿元，增长8.8%；城镇新增就业49万人。{PAD}
经过核实，2020年全省地区生产总值为25782亿元，比上年增长3.8%。{PAD}
二、2022年主要任务
今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。{PAD}
""",
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    import cli
    d = tmp_path_factory.mktemp("province")
    for name, text in REPORTS.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    db = d / "jx.db"
    r = CliRunner().invoke(cli.main, ["ingest", str(d), "--db", str(db), "-q", "--no-classify",
                                      "--jobs", "1"])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture
def db(db_path):
    from textmine.store.db import IndicatorDB
    with IndicatorDB(db_path) as d:
        yield d


def _points(rows, kind="money", role="outcome"):
    return [(r["period"], r["text"], r["doc"]) for r in rows
            if r["kind"] == kind and r["role"] == role]


def test_series_of_a_level_across_reports(db):
    from textmine.store.series import series
    rows = series(db, "地区生产总值", region="江西")  # any synonym, any name of the region
    assert _points(rows) == [
        ("2015", "16724亿元", "jx-gov-2021"), ("2019", "24757亿元", "jx-gov-2020"),
        ("2020", "25692亿元", "jx-gov-2021"), ("2020", "25692亿元", "jx-gov-2021"),
        ("2020", "25782亿元", "jx-gov-2022"), ("2021", "29620亿元", "jx-gov-2022")]
    growth = [(r["period"], r["text"]) for r in rows
              if r["kind"] == "percent" and r["role"] == "outcome"]
    assert ("2016/2020", "7.2%") in growth and ("2020", "3.8%") in growth


def test_the_revised_figure_is_the_one_conflict(db):
    from textmine.store.checks import run_checks
    result = run_checks(db)
    conflicts = [f for f in result.findings if f.type == "between_reports"]
    assert len(conflicts) == 1
    assert {c["text"] for c in conflicts[0].claims} == {"25692亿元", "25782亿元"}
    assert "国内生产总值 (江西省, 2020, outcome)" in conflicts[0].message


def test_series_marks_the_conflict_and_the_attainments(db):
    from textmine.store.series import series
    rows = series(db, "GDP", region="江西省")
    marked = {(r["period"], r["text"]): (r["finding"], r["attainment"]) for r in rows}
    assert marked[("2020", "25782亿元")][0] == "conflict"
    assert marked[("2021", "29620亿元")][0] is None
    assert marked[("2020", "8%左右")] == (None, "missed")   # 3.8% against 8%左右


def test_targets_met_and_missed(db):
    from textmine.store.checks import run_checks
    judged = {(a.claims[0]["indicator_key"], a.claims[0]["period"], a.claims[0]["text"]):
              a.relation for a in run_checks(db, within=False).attainments}
    assert judged == {
        ("国内生产总值", "2020", "8%左右"): "missed",        # outcome 3.8%
        ("城镇新增就业", "2020", "45万人以上"): "met",       # outcome 47万人
        ("居民消费价格", "2020", "控制在3.5%左右"): "met",    # a ceiling; outcome 2.6%
        ("国内生产总值", "2021", "8%以上"): "met",           # outcome 8.8%
        ("城镇新增就业", "2021", "45万人以上"): "met",       # outcome 49万人
    }


def test_plans_are_neither_targets_nor_outcomes(db):
    from textmine.store.db import ClaimFilter
    plans = {r["text"] for r in db.query(ClaimFilter(role="plan"))}
    assert plans == {"120亿元", "40亿元"}


def _cli(*args):
    import cli
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def test_cli_series_formats(db_path, tmp_path):
    r = _cli("series", "--db", db_path, "--indicator", "GDP", "--role", "outcome",
             "--format", "jsonl")
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.output.splitlines()]
    periods = [x["period"] for x in rows]
    assert periods == sorted(periods, key=lambda p: p.split("/")[0])  # ordered by period
    assert {"period", "value", "lower", "upper", "unit", "kind", "change", "role", "region",
            "doc", "page", "sentence", "text", "finding"} <= set(rows[0])
    out = tmp_path / "gdp.csv"
    r = _cli("series", "--db", db_path, "--indicator", "地区生产总值", "-o", out)
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("period,value,lower,upper") and len(lines) == len(
        _cli("series", "--db", db_path, "--indicator", "GDP", "--format", "jsonl").output
        .splitlines()) + 1


def test_cli_series_of_an_unknown_indicator_says_so(db_path):
    r = _cli("series", "--db", db_path, "--indicator", "不存在的指标", "--format", "jsonl")
    assert r.exit_code == 0 and r.stdout == ""
    assert "no figures of 不存在的指标" in r.stderr


def test_cli_series_plot(db_path, tmp_path):
    pytest.importorskip("matplotlib")
    svg = tmp_path / "gdp.svg"
    r = _cli("series", "--db", db_path, "--indicator", "GDP", "--plot", svg, "--format", "csv")
    assert r.exit_code == 0, r.output
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "国内生产总值" not in text  # the title names it
    assert "GDP" in text and "<svg" in text
    png = tmp_path / "gdp.png"
    assert _cli("series", "--db", db_path, "--indicator", "GDP", "--plot", png).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = _cli("series", "--db", db_path, "--indicator", "GDP", "--plot", tmp_path / "x.gif")
    assert bad.exit_code == 1 and "png or .svg" in bad.stderr


def test_cli_targets(db_path):
    r = _cli("targets", "--db", db_path, "--format", "json")
    assert r.exit_code == 0, r.output
    found = json.loads(r.stdout)
    assert sorted(f["message"].split(": target ")[1].split(" (")[0] for f in found) == [
        "45万人以上", "45万人以上", "8%以上", "8%左右", "控制在3.5%左右"]
    r = _cli("targets", "--db", db_path, "--indicator", "CPI")
    assert r.exit_code == 0 and "1 target(s) judged: 1 met, 0 missed" in r.stdout


def test_check_html_embeds_the_series_of_a_finding(db_path, tmp_path):
    pytest.importorskip("matplotlib")
    html = tmp_path / "report.html"
    r = _cli("check", "--db", db_path, "--html", html)
    assert r.exit_code == 3  # findings exist
    page = html.read_text(encoding="utf-8")
    assert "Series of the indicators with findings" in page and "<svg" in page
    assert "国内生产总值 (江西省)" in page and "Targets met or missed" in page
