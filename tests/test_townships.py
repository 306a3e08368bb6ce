"""Townships (乡, 镇, 街道) in a county's report: the region of the figures a clause opens
with one for (textmine/attribute/townships.py, data/attribution.toml [regions.townships])."""
from __future__ import annotations

import doctest

import pytest

import textmine
import textmine.attribute.townships as T

PHRASES = [
    # (phrase an indicator opens with, the township it names or "")
    ("石桥镇新建冷库", "石桥镇"), ("大坪乡", "大坪乡"), ("白鹤山镇", "白鹤山镇"),
    ("东门街道", "东门街道"), ("城关镇", "城关镇"),
    ("青州镇", "青州镇"), ("尚重镇", "尚重镇"),  # (州 and 重 in a name: was none)
    # words of other kinds: a village-and-township pair, a kind of township, the whole county
    ("推进乡村振兴", ""), ("各乡镇", ""), ("贫困乡镇", ""), ("中心镇", ""), ("全镇", ""),
    ("新型城镇化", ""), ("小城镇建设", ""), ("新增城镇就业", ""), ("参加城乡居民养老保险", ""),
    ("带动乡亲", ""), ("返乡创业", ""), ("东门街道办事处", ""), ("乡镇卫生院", ""),
    # a name is two or three characters, after no verb or preposition of the clause
    ("以石桥镇为中心", ""), ("脱贫出列石桥镇", ""), ("工业重镇", ""),
]


@pytest.mark.parametrize("phrase,expected", PHRASES)
def test_township_a_phrase_opens_with(phrase, expected):
    assert T.township(phrase) == expected


def test_docstring_examples():
    result = doctest.testmod(T)
    assert result.attempted > 0 and result.failed == 0, result


COUNTY = "# region=长顺县\n"


@pytest.mark.parametrize("text,expected", [
    # a clause that opens with a township: its figure is the township's, the key without it
    ("石桥镇新建冷库3座。", {"3座": ("石桥镇", "新建冷库")}),
    # ... and so is a clause after it that names no subject (was the county's)
    ("石桥镇新建车间5个，吸纳就业326人。", {"326人": ("石桥镇", "吸纳就业")}),
    # ... and a clause after an opening clause of its own that holds no figure (was the county's)
    ("石桥镇依托安置社区，建成帮扶车间6个。", {"6个": ("石桥镇", "帮扶车间")}),
    # ... also when the indicator, cut to its length, starts inside the name (娜姑镇…: 姑镇…)
    ("娜姑镇农村常住居民人均可支配收入15236元。", {"15236元": ("娜姑镇", "农村居民人均可支配收入")}),
    # the parts of a whole, by township: each its own, the whole's key
    ("全县新建安置房620套，其中石桥镇200套、大坪乡420套。",
     {"620套": ("长顺县", "新建安置房"), "200套": ("石桥镇", "新建安置房"),
      "420套": ("大坪乡", "新建安置房")}),
    # a list of townships: each its own, the key of the figure it follows
    ("石桥镇新建冷库3座，青州镇2座，大坪乡1座。",
     {"2座": ("青州镇", "新建冷库"), "1座": ("大坪乡", "新建冷库")}),
    # other words before 镇 or 乡 name no township: the county's
    ("全县新增城镇就业1800人，推进乡村振兴项目12个。",
     {"1800人": ("长顺县", "城镇新增就业"), "12个": ("长顺县", "推进乡村振兴项目")}),
])
def test_a_township_s_figures_in_a_county_report(text, expected):
    got = {c.text: (c.region, c.indicator_key)
           for c in textmine.extract(COUNTY + text, year=2021, classify=False)}
    assert {t: got.get(t) for t in expected} == expected, got


def test_no_township_in_a_province_s_report():
    """A province's report names townships as sites, not as the subject of its figures."""
    got = {c.text: c.region for c in textmine.extract(
        "# region=贵州省\n石桥镇新建冷库3座。", year=2021, classify=False)}
    assert got["3座"] == "贵州省"


TOWNSHIP_REPORT = """关于{title}2024年工作总结和2025年工作计划的报告
营山县金凤岭镇人民政府
全年实现地区生产总值9.86亿元，在全县乡镇考核中排名第二。营山县地区生产总值增长5.2%。
"""


@pytest.mark.parametrize("title", ["金凤岭镇", "营山县金凤岭镇"])
def test_a_township_s_own_report_is_the_township_s(title):
    """A report the township issues (its title or issuing body names it after its county):
    its figures that name no place are the township's (were the county's), not one whose
    clause names the county."""
    got = {c.text: c.region for c in textmine.extract(TOWNSHIP_REPORT.format(title=title),
                                                      doc_id="report", classify=False)}
    assert (got["9.86亿元"], got["第二"], got["5.2%"]) == ("金凤岭镇", "金凤岭镇", "营山县")
