"""Indicator keys, regions and periods: table-driven."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from textmine.store.keys import KeyMatcher, clean
from textmine.store.periods import PeriodResolver, iso_bounds
from textmine.store.regions import RegionResolver
from textmine.types import Claim

KEYS = KeyMatcher.from_table()
REGIONS = RegionResolver.from_table()
PERIODS = PeriodResolver.from_table()

KEY_CASES = [
    # (indicator, key, minimum score)
    ("帮扶资金", "帮扶资金", 1.0),
    ("到位帮扶资金", "帮扶资金", 1.0),
    ("财政帮扶资金", "帮扶资金", 1.0),
    ("累计到位帮扶资金", "帮扶资金", 1.0),       # prefix stripped
    ("市级财政帮扶资金", "帮扶资金", 0.8),       # fuzzy: ends with a synonym
    ("已开工", "开工项目", 1.0),
    ("举办“不见面”招聘会", "招聘会", 0.8),
    ("开工率", "开工率", 1.0),
    ("", "", 0.0),
]
UNMATCHED = ["召开领导小组会", "线上培训", "贫困户产品"]


@pytest.mark.parametrize("indicator,key,score", KEY_CASES)
def test_indicator_keys(indicator, key, score):
    k = KEYS.match(indicator)
    assert k.key == key
    assert k.score >= score


@pytest.mark.parametrize("indicator", UNMATCHED)
def test_unmatched_indicator_keeps_its_text_with_score_zero(indicator):
    k = KEYS.match(indicator)
    assert (k.key, k.score) == (clean(indicator), 0.0)


@given(st.text(max_size=30))
@settings(max_examples=150, deadline=None)
def test_key_matching_never_raises_and_scores_are_in_range(text):
    k = KEYS.match(text)
    assert 0.0 <= k.score <= 1.0
    assert isinstance(k.key, str)


REGION_CASES = [
    # (sentence, claim text, document region, region, source)
    ("组织32家企业赴河北、内蒙古考察并签约投资8.6亿元。", "8.6亿元", "北京市", "河北省、内蒙古自治区", "sentence"),
    ("动员企业在河北、内蒙古设厂。", "企业", "北京市", "河北省、内蒙古自治区", "clause"),
    ("全市到位帮扶资金10亿元。", "10亿元", "北京市", "北京市", "sentence"),
    ("受援地区新建扶贫车间20个。", "20个", "北京市", "受援地区", "sentence"),
    ("到位帮扶资金10亿元。", "10亿元", "北京市", "北京市", "document"),
    ("到位帮扶资金10亿元。", "10亿元", "", "", "none"),
    ("玉树州新增就业300人。", "300人", "北京市", "玉树藏族自治州", "sentence"),
    ("北京时间上午签约项目5个。", "5个", "", "", "none"),   # 北京时间 is not a region
]


@pytest.mark.parametrize("sentence,text,default,region,source", REGION_CASES)
def test_regions(sentence, text, default, region, source):
    assert REGIONS.resolve(sentence, sentence.index(text), default) == (region, source)


def test_document_region_from_title():
    assert REGIONS.document_region("内蒙古自治区东西部扶贫协作工作简报") == "内蒙古自治区"
    assert REGIONS.document_region(None, "北京市扶贫支援办") == "北京市"
    assert REGIONS.document_region("工作简报") == ""


def _claim(sentence, text, kind, value, qualifier="exact"):
    s = sentence.index(text)
    v = Decimal(value) if kind != "date" else value
    return Claim("d", None, sentence, s, s + len(text), text, kind, v, "date" if kind == "date" else "个",
                 qualifier, None, None, "", sentence_index=0)


PERIOD_CASES = [
    # (sentence, date text, iso, qualifier, figure, label, start, end, source)
    ("截至6月底，累计选派干部360名。", "6月底", "2020-06", "end", "360名",
     "../2020-06-30", None, "2020-06-30", "sentence"),
    ("截至9月15日，安排项目800个。", "9月15日", "2020-09-15", "exact", "800个",
     "../2020-09-15", None, "2020-09-15", "sentence"),
    ("2019年，安排项目800个。", "2019年", "2019", "exact", "800个",
     "2019", "2019-01-01", "2019-12-31", "sentence"),
    ("上半年，安排项目800个。", "上半年", "2020-01/2020-06", "range", "800个",
     "2020-01/2020-06", "2020-01-01", "2020-06-30", "sentence"),
    ("今年以来，安排项目800个。", "今年以来", "2020", "since", "800个",
     "2020-01-01/..", "2020-01-01", None, "sentence"),
    ("2月5日召开会议，安排项目800个。", "2月5日", "2020-02-05", "exact", "800个",
     "2020", "2020-01-01", "2020-12-31", "document"),  # an event date is not the period
    ("安排项目800个，9月底前全部开工。", "9月底前", "2020-09", "before", "800个",
     "2020", "2020-01-01", "2020-12-31", "document"),  # dates after the figure do not count
]


@pytest.mark.parametrize("sentence,dtext,iso,q,figure,label,start,end,source", PERIOD_CASES)
def test_periods(sentence, dtext, iso, q, figure, label, start, end, source):
    d = _claim(sentence, dtext, "date", iso, q)
    c = _claim(sentence, figure, "count", "1")
    p = PERIODS.resolve(c, [d, c], 2020)
    assert (p.label, p.start, p.end, p.source) == (label, start, end, source)


def test_since_period_ends_at_issue_date():
    s = "今年以来，安排项目800个。"
    p = PERIODS.resolve(_claim(s, "800个", "count", "800"), [_claim(s, "今年以来", "date", "2020", "since")],
                        2020, issue_date="2020-06-15")
    assert (p.label, p.comparable) == ("2020-01-01/2020-06-15", True)


@pytest.mark.parametrize("value,bounds", [
    ("2020", ("2020-01-01", "2020-12-31")),
    ("2020-02", ("2020-02-01", "2020-02-29")),
    ("2020-02-05", ("2020-02-05", "2020-02-05")),
    ("2019/2020", ("2019-01-01", "2020-12-31")),
    ("2020-03-09/2020-03-12", ("2020-03-09", "2020-03-12")),
    ("abc", None), ("2020-13", None), ("", None),
])
def test_iso_bounds(value, bounds):
    assert iso_bounds(value) == bounds
