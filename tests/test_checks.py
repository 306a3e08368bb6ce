"""Consistency checks: planted conflicts found, consistent pairs left alone, the seed page."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings, strategies as st

from _store_helpers import SHARED, fixtures_module
from textmine.store.checks import BETWEEN, WITHIN, run_checks
from textmine.store.db import IndicatorDB
from textmine.store.numbers import half_step, interval
from textmine.store.report import highlight, render_html
from textmine.types import Claim, Document


def load(reports) -> IndicatorDB:
    d = IndicatorDB(":memory:")
    for r in reports:
        d.add_document(r.document(), r.claims(), path=f"/fixtures/{r.name}.txt", sha256=r.name)
    return d


@pytest.fixture(scope="module")
def planted():
    reports, expected = fixtures_module().planted_reports()
    d = load(reports)
    yield run_checks(d.iter_claims()), expected
    d.close()


def _texts(f):
    return sorted(c["text"] for c in f.claims)


def test_every_planted_conflict_is_found(planted):
    result, expected = planted
    found = {(f.type, tuple(_texts(f))) for f in result.findings}
    for kind in (BETWEEN, WITHIN):
        for e in expected[kind]:
            assert (kind, tuple(sorted(e["texts"]))) in found, e


def test_no_false_findings(planted):
    result, expected = planted
    planted_keys = {(k, tuple(sorted(e["texts"]))) for k in (BETWEEN, WITHIN) for e in expected[k]}
    extra = [f.message for f in result.findings if (f.type, tuple(_texts(f))) not in planted_keys]
    assert extra == []
    consistent = {tuple(sorted(p)) for p in expected["consistent_between"]}
    for f in result.findings:
        assert tuple(_texts(f)) not in consistent


def test_planted_relations_that_hold_are_confirmed(planted):
    result, expected = planted
    confirmed = {tuple(_texts(f)) for f in result.confirmed}
    for e in expected["confirmed_within"]:
        assert tuple(sorted(e["texts"])) in confirmed


def test_findings_name_both_claims_with_document_page_and_sentence(planted):
    result, _ = planted
    for f in result.findings:
        d = f.to_dict()
        assert set(d) == {"type", "claims", "message"}
        docs = {c["doc"] for c in d["claims"]}
        assert len(docs) == (2 if f.type == BETWEEN else 1)
        for c in d["claims"]:
            assert c["sentence"][c["start"]:c["end"]] == c["text"]
            assert "page" in c and "lower" in c and "upper" in c
        json.dumps(d, ensure_ascii=False)


# ---------------------------------------------------------------- tolerances, table-driven

def rec(text, kind, value, unit="个", qualifier="exact", lower=None, upper=None):
    if qualifier == "exact" and lower is None:
        lower = upper = value
    return {"text": text, "kind": kind, "value": value, "unit": unit, "qualifier": qualifier,
            "lower": lower, "upper": upper}


TOLERANCE_CASES = [
    # (record, half step)
    (rec("54.52亿元", "money", 5452000000, "元"), 500000.0),
    (rec("1672 个", "count", 1672), 0.0),
    (rec("44,624人", "count", 44624, "人"), 0.0),
    (rec("1.2万人", "count", 12000, "人"), 500.0),
    (rec("5万人", "count", 50000, "人"), 5000.0),
    (rec("90.61%", "percent", 90.61, "%"), 0.005),
    (rec("100%", "percent", 100, "%"), 0.5),
    (rec("三成", "percent", 30, "%"), 0.0),
    (rec("１２个", "count", 12), 0.0),
    (rec("1.5个", "count", 1.5), 0.05),
]


@pytest.mark.parametrize("r,half", TOLERANCE_CASES)
def test_rounding_tolerance_of_printed_figures(r, half):
    assert half_step(r) == pytest.approx(half)


def test_qualified_figures_use_the_contract_bounds_only():
    assert interval(rec("5万多人", "count", 50000, "人", "over", 50000, 60000)) == (50000, 60000)
    assert interval(rec("超过120亿元", "money", 1.2e10, "元", "over", 1.2e10, None))[1] == float("inf")
    assert interval(rec("2月5日", "date", "2020-02-05", "date")) is None


def _report(name, title, year, parts_list):
    mod = fixtures_module()
    return mod.Report(name, title, year, [[p] for p in parts_list])


PAIR_CASES = [
    # (figure in report A, figure in report B, conflict?)
    ("5万多人", "52310人", False),
    ("5万多人", "61200人", True),
    ("54.52亿元", "54.5亿元", False),
    ("54.52亿元", "48.3亿元", True),
    ("约120个", "118个", False),
    ("约120个", "140个", True),
    ("超过3000人", "3500人", False),
    ("超过3000人", "2800人", True),
    ("近3000人", "2950人", False),
    ("近3000人", "3100人", True),
    ("2000～2500人", "2400人", False),
    ("2000～2500人", "2600人", True),
]


def _fig(text):
    mod = fixtures_module()
    table = {
        "5万多人": mod.count("5万多人", 50000, "人", "就业人数", "over", 50000, 60000),
        "52310人": mod.count("52310人", 52310, "人", "就业人数"),
        "61200人": mod.count("61200人", 61200, "人", "就业人数"),
        "54.52亿元": mod.money("54.52亿元", 5452000000, "就业人数"),
        "54.5亿元": mod.money("54.5亿元", 5450000000, "就业人数"),
        "48.3亿元": mod.money("48.3亿元", 4830000000, "就业人数"),
        "约120个": mod.count("约120个", 120, "个", "就业人数", "about", 108, 132),
        "118个": mod.count("118个", 118, "个", "就业人数"),
        "140个": mod.count("140个", 140, "个", "就业人数"),
        "超过3000人": mod.count("超过3000人", 3000, "人", "就业人数", "over", 3000, None),
        "3500人": mod.count("3500人", 3500, "人", "就业人数"),
        "2800人": mod.count("2800人", 2800, "人", "就业人数"),
        "近3000人": mod.count("近3000人", 3000, "人", "就业人数", "under", None, 3000),
        "2950人": mod.count("2950人", 2950, "人", "就业人数"),
        "3100人": mod.count("3100人", 3100, "人", "就业人数"),
        "2000～2500人": mod.count("2000～2500人", 2000, "人", "就业人数", "range", 2000, 2500),
        "2400人": mod.count("2400人", 2400, "人", "就业人数"),
        "2600人": mod.count("2600人", 2600, "人", "就业人数"),
    }
    return table[text]


@pytest.mark.parametrize("a,b,conflict", PAIR_CASES)
def test_between_reports_pairs(a, b, conflict):
    ra = _report("a", "北京市工作简报", 2020, [["帮助贫困劳动力实现就业", _fig(a), "。"]])
    rb = _report("b", "北京市工作情况", 2020, [["全年帮助就业", _fig(b), "。"]])
    with load([ra, rb]) as d:
        result = run_checks(d.iter_claims())
    assert [f.type for f in result.findings] == ([BETWEEN] if conflict else [])


def test_different_region_period_or_unit_is_never_a_conflict():
    mod = fixtures_module()
    base = _report("a", "北京市工作简报", 2020, [["建成扶贫车间", mod.count("300个", 300, "个", "扶贫车间"), "。"]])
    others = [
        _report("b", "河北省工作简报", 2020, [["建成扶贫车间", mod.count("90个", 90, "个", "扶贫车间"), "。"]]),
        _report("c", "北京市工作简报", 2019, [["建成扶贫车间", mod.count("90个", 90, "个", "扶贫车间"), "。"]]),
        _report("d", "北京市工作简报", 2020, [["建成扶贫车间", mod.count("90家", 90, "家", "扶贫车间"), "。"]]),
        _report("e", "北京市工作简报", 2020, [["今年以来", "，", "建成扶贫车间", mod.count("90个", 90, "个", "扶贫车间"), "。"]]),
    ]
    others[3].paragraphs[0][0][0] = mod.date("今年以来", "2020", "扶贫车间", "since")
    with load([base, *others]) as d:
        assert run_checks(d.iter_claims()).findings == []


def test_reports_of_no_known_place_are_never_compared():
    """Two reports that name no place may be a city's and a province's: their figures of one
    statistic and year are no conflict, though they differ."""
    mod = fixtures_module()
    a = _report("a", "工作简报", 2020, [["全市建成扶贫车间", mod.count("300个", 300, "个", "扶贫车间"), "。"]])
    b = _report("b", "工作情况", 2020, [["全省建成扶贫车间", mod.count("90个", 90, "个", "扶贫车间"), "。"]])
    with load([a, b]) as d:
        assert not any(c["region"] for c in d.iter_claims())
        assert run_checks(d.iter_claims()).findings == []


def test_one_finding_per_disagreeing_group_listing_its_values():
    """A generated archive where every report gives its own value: one finding per comparison
    group and role (never one per pair), each naming one claim per distinct value."""
    from textmine.store.compare import base_key, clusters
    reports = fixtures_module().corpus_reports(60, seed=3)
    with load(reports) as d:
        result = run_checks(d)  # streamed from the database, as `textmine check` runs it
        members: dict[tuple, list[dict]] = {}
        for r in d.iter_comparable():
            members.setdefault((base_key(r), r.get("role") or "outcome"), []).append(r)
    group_of = {r["id"]: g for g, rs in members.items() for r in rs}
    between = [f for f in result.findings if f.type == BETWEEN]
    assert between and len(between) <= len(members)
    found = [group_of[f.claims[0]["id"]] for f in between]
    assert len(found) == len(set(found))  # no group twice
    for f, g in zip(between, found):
        assert {group_of[c["id"]] for c in f.claims} == {g}
        assert len(f.claims) == len(clusters(members[g])) >= 2  # each distinct value once
        assert len({c["doc"] for c in f.claims}) >= 2
        assert "sentence" in f.claims[0] and "period_end" not in f.claims[0]  # slim records


BASE_CASES = [
    # (sentence, figure, period, change, comparison base)
    ("交通事故死亡人数比2018年下降5.6%。", "5.6%", "2023", "decrease", "2018"),
    ("交通事故起数和受伤人数分别比２０１８年下降5.6%和2.3%。", "2.3%", "2023", "decrease", "2018"),
    ("受伤人数比2022年下降5.6%。", "5.6%", "2023", "decrease", ""),
    ("受伤人数比上年下降5.6%。", "5.6%", "2023", "decrease", ""),
    ("比2018年增加两成，受伤人数下降5.6%。", "5.6%", "2023", "decrease", ""),
    ("受伤人数比2018年下降5.6%。", "5.6%", "2020/2023", "decrease", ""),
    ("比2018年受伤人数4800人。", "4800人", "2023", None, ""),
]


@pytest.mark.parametrize("sentence,text,period,change,base", BASE_CASES)
def test_comparison_base(sentence, text, period, change, base):
    from textmine.store.compare import comparison_base
    r = dict(sentence=sentence, start=sentence.rindex(text), period=period, change=change)
    assert comparison_base(r) == base


def test_a_change_from_an_older_base_is_another_statistic():
    """比2019年下降15% and 比上年下降6% for the same year are not a restatement; two reports
    that give the change since 2019 differently are."""
    from textmine.api import Extractor, document_from_text
    ex = Extractor(classify=False)
    texts = {"a": "# year=2024\n北京市2024年政府工作报告\n过去一年，全市生产安全事故死亡人数比上年下降6%。",
             "b": "# year=2024\n北京市2024年政府工作报告解读\n过去一年，全市生产安全事故死亡人数比2019年下降15%。",
             "c": "# year=2024\n北京市2024年政府工作报告摘要\n过去一年，全市生产安全事故死亡人数比2019年下降12%。"}
    with IndicatorDB(":memory:") as d:
        for name in ("a", "b"):
            doc = document_from_text(texts[name], doc_id=name)
            d.add_document(doc, ex.extract_document(doc), path=f"/x/{name}.txt", sha256=name)
        assert [(c["text"], c["period"]) for c in d.iter_claims() if c["kind"] == "percent"] \
            == [("6%", "2023"), ("15%", "2023")]
        assert run_checks(d).findings == []
        doc = document_from_text(texts["c"], doc_id="c")
        d.add_document(doc, ex.extract_document(doc), path="/x/c.txt", sha256="c")
        (f,) = run_checks(d).findings
        assert "change since 2019" in f.message and sorted(c["doc"] for c in f.claims) == ["b", "c"]


# ---------------------------------------------------------------- within a report

@given(d=st.integers(1, 10**6), frac=st.floats(0, 1), decimals=st.integers(0, 3))
@settings(max_examples=200, deadline=None)
def test_a_correctly_rounded_rate_is_always_confirmed(d, frac, decimals):
    mod = fixtures_module()
    n = int(d * frac)
    rate = (Decimal(n) * 100 / Decimal(d)).quantize(Decimal(1).scaleb(-decimals))
    assume(rate > 0)
    r = _report("x", "北京市工作简报", 2020, [[
        "安排项目", mod.count(f"{d}个", d, "个", "安排项目"), "，已开工", mod.count(f"{n}个", n, "个", "已开工"),
        "，开工率", mod.pct(f"{rate}%", rate, "开工率"), "。"]])
    with load([r]) as db:
        result = run_checks(db.iter_claims())
    assert result.findings == []
    assert len(result.confirmed) == 1


@pytest.mark.parametrize("rate,finding", [("90.61", False), ("90.6", False), ("91", False),
                                          ("90.7", True), ("80", True)])
def test_rate_against_numerator_and_denominator(rate, finding):
    mod = fixtures_module()
    r = _report("x", "北京市工作简报", 2020, [[
        "安排项目", mod.count("1672个", 1672, "个", "安排项目"), "，已开工", mod.count("1515个", 1515, "个", "已开工"),
        "，开工率", mod.pct(f"{rate}%", rate, "开工率"), "。"]])
    with load([r]) as db:
        result = run_checks(db.iter_claims())
    assert (len(result.findings), len(result.confirmed)) == ((1, 0) if finding else (0, 1))


def test_a_rate_is_not_checked_against_a_part_and_its_whole():
    """赤字率 names 赤字, and so do both 中央财政赤字 and 财政赤字: the part over its whole is
    no deficit rate (that is the deficit over GDP, not in the sentence)."""
    mod = fixtures_module()
    r = _report("x", "北京市工作简报", 2020, [[
        "拟安排财政赤字", mod.money("900亿元", 90000000000, "财政赤字"), "，其中中央财政赤字",
        mod.money("700亿元", 70000000000, "中央财政赤字"), "，赤字率", mod.pct("2%", 2, "赤字率"), "。"]])
    with load([r]) as db:
        result = run_checks(db.iter_claims())
    assert result.findings == []


def test_a_share_carried_from_the_clause_before_is_no_share_of_the_count_before_it():
    """优良天数比例平均为98.9%，其中59个县达到100%: the 100% is those counties' share of days
    (its indicator carried from the clause before), not 59 of the 88 counties; a share named
    in its own clause still is (a guard)."""
    mod = fixtures_module()
    carried = _report("x", "某省环境状况公报", 2020, [[
        "全省", mod.count("88个", 88, "个", "县"), "县优良天数比例平均为",
        mod.pct("98.9%", "98.9", "优良天数比例"), "，其中", mod.count("59个", 59, "个", "县"),
        "县达到", mod.pct("100%", 100, "优良天数比例"), "。"]])
    own = _report("y", "某省环境状况公报", 2020, [[
        "全省", mod.count("88个", 88, "个", "县"), "县中，达标县", mod.count("59个", 59, "个", "达标县"),
        "，占比", mod.pct("100%", 100, "占比"), "。"]])
    with load([carried]) as db:
        assert run_checks(db.iter_claims()).findings == []
    with load([own]) as db:
        assert len(run_checks(db.iter_claims()).findings) == 1


def test_unlinked_percentages_are_left_alone():
    mod = fixtures_module()
    r = _report("x", "北京市工作简报", 2020, [[
        "安排项目", mod.count("200个", 200, "个", "安排项目"), "，引进企业", mod.count("30个", 30, "个", "引进企业"),
        "，贫困发生率", mod.pct("0.5%", "0.5", "贫困发生率"), "，同比增长", mod.pct("12%", "12", "增长"), "。"]])
    with load([r]) as db:
        assert run_checks(db.iter_claims()).findings == []


def test_parts_with_a_vague_total_are_consistent():
    mod = fixtures_module()
    r = _report("x", "北京市工作简报", 2020, [[
        "培训", mod.count("5万多人次", 50000, "人次", "培训", "over", 50000, 60000), "，其中线上",
        mod.count("52310人次", 52310, "人次", "线上"), "。"]])
    with load([r]) as db:
        result = run_checks(db.iter_claims())
    assert result.findings == [] and len(result.confirmed) == 1


def test_parts_take_as_total_the_figure_they_add_up_to():
    """Two totals before 其中 (搬迁人口 and its 建档立卡 share): the parts belong to the one
    they add up to, whatever their nouns say."""
    import textmine
    text = ("全县易地扶贫搬迁任务为3200户12500人，搬迁人口中建档立卡贫困户2600户9800人，"
            "占搬迁人口的78.4%，其中：整组搬迁1100户5200人，零星搬迁2100户7300人。")
    claims = textmine.extract(text, year=2018, classify=False)
    with IndicatorDB(":memory:") as d:
        d.add_document(Document("plan", [], year=2018), claims, path="/x/plan.txt", sha256="p")
        result = run_checks(d.iter_claims())
    assert result.findings == []
    parts = [f for f in result.confirmed if f.relation == "parts"]
    assert [_texts(f) for f in parts] == [["12500人", "5200人", "7300人"]]


# ---------------------------------------------------------------- the seed page

def _gold_claims():
    gold = SHARED / "eval" / "seed" / "beijing-2020.gold.jsonl"
    if not gold.exists():
        pytest.skip("no ../shared/eval seed")
    claims, index = [], {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for k in ("value", "lower", "upper"):
            if isinstance(r[k], (int, float)):
                r[k] = Decimal(str(r[k]))
        r["sentence_index"] = index.setdefault(r["sentence"], len(index))
        claims.append(Claim(**r))
    return claims


def test_seed_page_confirms_1515_of_1672_and_finds_nothing_false():
    claims = _gold_claims()
    with IndicatorDB(":memory:") as d:
        d.add_document(Document("beijing-2020", [], year=2020), claims, path="/seed/beijing-2020.txt",
                       sha256="seed")
        result = run_checks(d.iter_claims())
    assert result.findings == []
    rates = [f for f in result.confirmed if f.relation == "rate"]
    assert any(_texts(f) == ["1515 个", "1672 个", "90.61%"] for f in rates)


# ---------------------------------------------------------------- HTML

def test_html_escapes_document_text_and_highlights_claims():
    assert highlight("<b>已开工1515个</b>", [(6, 11)]) == "&lt;b&gt;已开工<mark>1515个</mark>&lt;/b&gt;"
    mod = fixtures_module()
    evil = "<script>alert(1)</script>"
    ra = _report("a", "北京市简报", 2020, [[evil + "建成扶贫车间", mod.count("300个", 300, "个", "扶贫车间"), "。"]])
    rb = _report("b", "北京市情况", 2020, [["建成扶贫车间", mod.count("90个", 90, "个", "扶贫车间"), "&amp;。"]])
    with load([ra, rb]) as d:
        result = run_checks(d.iter_claims())
    html = render_html(result, db_path="x.db")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&amp;amp;" in html
    assert "<mark>300个</mark>" in html and "<mark>90个</mark>" in html


def _figure(doc, year, text, value, qualifier, lower, upper, role):
    return {"doc": doc, "doc_year": year, "path": doc, "id": year, "text": text, "value": value,
            "qualifier": qualifier, "lower": lower, "upper": upper, "unit": "%", "kind": "percent",
            "sentence": f"地区生产总值增长{text}。", "start": 8, "end": 8 + len(text),
            "indicator_key": "国内生产总值", "region": "遵义市", "period": "2024", "role": role,
            "change": "increase"}


@pytest.mark.parametrize("outcome,relation,note", [
    (5.6, "met", True),    # within 6%左右's band, short of the value written: said so
    (6.2, "met", False),
    (5.2, "missed", False),
])
def test_an_approximate_target_met_only_within_its_band_says_so(outcome, relation, note):
    from textmine.store.compare import attainments
    target = _figure("r2024", 2024, "6%左右", 6, "about", 5.4, 6.6, "target")
    [pair] = attainments([target], [_figure("r2025", 2025, f"{outcome}%", outcome, "exact", outcome, outcome, "outcome")])
    assert pair["relation"] == relation
    assert ("within the band of 6%左右" in pair["message"]) == note


@pytest.mark.parametrize("target,outcome,relation", [
    ("3%", 2.6, "missed"),   # a goal of 3% is 3%, not any rate printed as 3% (2.5-3.5)
    ("3%", 3.0, "met"),
    ("3%", 2.96, "missed"),
    ("5.5%", 5.4, "missed"),
])
def test_an_exact_target_is_the_value_written(target, outcome, relation):
    from textmine.store.compare import attainments
    value = float(target.rstrip("%"))
    t = _figure("r2024", 2024, target, value, "exact", value, value, "target")
    [pair] = attainments([t], [_figure("r2025", 2025, f"{outcome}%", outcome, "exact", outcome, outcome, "outcome")])
    assert pair["relation"] == relation
