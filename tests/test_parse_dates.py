"""Dates and periods (issue 14): every written form, resolved against the document's year and
month, never with a silently wrong year.

Table tests use sentences written for these tests in the style of government reports; the
property tests generate dates in every written form (figures, Chinese numerals, two-digit
years, spaces and line breaks, full-width digits, ranges) and check that the value round-trips.
Where docs/claims.md is silent the reading follows JioNLP's tests (centuries, decades, counted
parts of a year, 年底 alone as the year's end).
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given, settings, strategies as st

from textmine.parse.dates import document_month, relative_year, shift_month, two_digit_year
from textmine.parse.numbers import find_numbers

YEAR = 2020


def dates_of(text: str, year: int | None = YEAR, month: int | None = None):
    return [(m.text, m.value, m.qualifier) for m in find_numbers(text, year, month) if m.kind == "date"]


# ---------------------------------------------------------------- tables: (sentence, [(text, value, qualifier)])

SPACES = [  # a space or line break before 年/月 (PDF text) or between year and month
    ("截至2008 年底，全省共有", [("2008 年底", "2008", "end")]),
    ("2018年 12月召开总结会", [("2018年 12月", "2018-12", "exact")]),
    ("2019\n年3月出台实施意见", [("2019\n年3月", "2019-03", "exact")]),
    ("于 2021 年 6 月 30 日前完成", [("2021 年 6 月 30 日前", "2021-06-30", "before")]),
]
CHINESE_YEARS = [
    ("二〇一九年全县脱贫", [("二〇一九年", "2019", "exact")]),
    ("两千零四年建成投产", [("两千零四年", "2004", "exact")]),
    ("二零零三年十二月通过验收", [("二零零三年十二月", "2003-12", "exact")]),
    ("一九九八年七月遭遇洪灾", [("一九九八年七月", "1998-07", "exact")]),
]
TWO_DIGIT_YEARS = [  # the century nearest the document year (2020)
    ("19年3月启动", [("19年3月", "2019-03", "exact")]),
    ("08年受灾严重", [("08年", "2008", "exact")]),
    ("零八年受灾严重", [("零八年", "2008", "exact")]),
    ("截至19年底", [("19年底", "2019", "end")]),
    ("98年4月建厂", [("98年4月", "1998-04", "exact")]),
    ("连续15年增长", []),  # a count of years, not 2015
    ("三四年内完成", []),  # three or four years
]
RANGES = [
    ("2017年8月15日至2018年3月29日开展专项行动", [("2017年8月15日至2018年3月29日", "2017-08-15/2018-03-29", "range")]),
    ("2016年五月至2017年四月", [("2016年五月至2017年四月", "2016-05/2017-04", "range")]),
    ("2015年和2018年之间新增", [("2015年和2018年之间", "2015/2018", "range")]),
    ("从2016到2018连续三年", [("2016到2018", "2016/2018", "range")]),
    ("1995 – 1997年间", [("1995 – 1997年", "1995/1997", "range")]),
    ("2018年1－9月份，全市", [("2018年1－9月份", "2018-01/2018-09", "range")]),
    ("2019年2——4月集中整治", [("2019年2——4月", "2019-02/2019-04", "range")]),
    ("2019年4月12-19日举办", [("2019年4月12-19日", "2019-04-12/2019-04-19", "range")]),
    ("从2018年12月九号到十五号", [("2018年12月九号到十五号", "2018-12-09/2018-12-15", "range")]),
    ("1999.08-2002.02任职", [("1999.08-2002.02", "1999-08/2002-02", "range")]),
    ("自2020-05-26起至2020-05-29止", [("2020-05-26起至2020-05-29止", "2020-05-26/2020-05-29", "range")]),
    ("11月至次年2月", [("11月至次年2月", "2020-11/2021-02", "range")]),
    # a range of months whose ends name a part of the month: the months
    ("6月中旬至7月底", [("6月中旬至7月底", "2020-06/2020-07", "range")]),
    ("3月底至5月上旬", [("3月底至5月上旬", "2020-03/2020-05", "range")]),
    ("2019年11月至次年2月", [("2019年11月至次年2月", "2019-11/2020-02", "range")]),
    ("8月至1月", [("8月至1月", "2020-08/2021-01", "range")]),  # January of the next year
]
BOUNDS = [
    ("2019年或之后建成的", [("2019年或之后", "2019", "since")]),
    ("2020年5月及以后", [("2020年5月及以后", "2020-05", "since")]),
    ("2018年起实施", [("2018年起", "2018", "since")]),
    ("自从2017年开始", [("2017年开始", "2017", "since")]),
    ("自从2017年", [("2017年", "2017", "since")]),
    ("2019年3月开始试点", [("2019年3月开始", "2019-03", "since")]),
    ("2025年或之前实现", [("2025年或之前", "2025", "before")]),
    ("2018年及以前", [("2018年及以前", "2018", "before")]),
    ("从2001年起至今", [("2001年起至今", "2001", "since")]),
    ("2020年内蒙古自治区", [("2020年", "2020", "exact")]),  # 内蒙古 is no 年内
    ("2020年初步核算", [("2020年", "2020", "exact")]),  # 初步: preliminary
    ("到2022年全面完成", [("2022年", "2022", "before")]),  # a deadline
    ("到2025年底森林覆盖率达到60%", [("2025年底", "2025", "before")]),  # ... also a year's end
    ("截至2024年底累计建成", [("2024年底", "2024", "end")]),  # (as of: no deadline)
    ("预计达到2022年水平", [("2022年", "2022", "exact")]),  # 到 ends 达到: no deadline
    ("考虑到2022年任务较重", [("2022年", "2022", "exact")]),  # ... nor 考虑到
    ("认识到2022年形势复杂", [("2022年", "2022", "exact")]),  # ... nor 认识到
]
PARTS = [
    ("全省2022年度考核优秀", [("2022年度", "2022", "exact")]),  # 年度: the year, 度 with it
    ("2022年度假村建成", [("2022年", "2022", "exact")]),  # (not 度假)
    ("年底前完成验收", [("年底前", "2020", "before")]),
    ("力争年初开工", [("年初", "2020", "start")]),
    ("每年年底考核", []),  # every year's end
    ("比上年末减少36万人", []),  # the base of a change
    ("截至上年末", [("上年末", "2019", "end")]),
    ("10月底全部完工", [("10月底", "2020-10", "end")]),
    ("十二月月底结算", [("十二月月底", "2020-12", "end")]),
    ("前半年完成投资", [("前半年", "2020-01/2020-06", "range")]),
    ("2019年前两个季度", [("2019年前两个季度", "2019-01/2019-06", "range")]),  # not "before 2019"
    ("2019年前十一个月", [("2019年前十一个月", "2019-01/2019-11", "range")]),
    ("2018年最后4个月", [("2018年最后4个月", "2018-09/2018-12", "range")]),
    ("2018年第三个月", [("2018年第三个月", "2018-03", "exact")]),
    ("2018年首季度", [("2018年首季度", "2018-01/2018-03", "range")]),
    ("前十一个月，全市实现", [("前十一个月", "2020-01/2020-11", "range")]),
    ("项目建成前3个月", []),  # three months before, not January to March
    ("2013年一季度末", [("2013年一季度末", "2013-03", "end")]),
    ("2019年第一季度末", [("2019年第一季度末", "2019-03", "end")]),
    ("2020年上半年末", [("2020年上半年末", "2020-06", "end")]),
    ("二十世纪九十年代末期", [("二十世纪九十年代末期", "1990/1999", "end")]),
    ("上世纪80年代建成", [("上世纪80年代", "1980/1989", "range")]),
    ("18世纪", [("18世纪", "1700/1799", "range")]),
]
RELATIVE = [  # against the document's year 2020 (and month where given)
    ("去年5月启动", [("去年5月", "2019-05", "exact")]),
    ("明年四月完成", [("明年四月", "2021-04", "exact")]),
    ("今年上半年", [("今年上半年", "2020-01/2020-06", "range")]),
    ("上年末", [("上年末", "2019", "end")]),
    ("前年9月", [("前年9月", "2018-09", "exact")]),
    ("今明两年", [("今明两年", "2020/2021", "range")]),
    ("比上年增长", []),  # the base of a change, not a date
    ("在稳定就业的基础上年均增长6%", []),  # 基础上 + 年均: no 上年
    ("培育8个以上年销售额过亿元的企业", []),  # 以上 + 年销售额: no 上年
    ("上年均有增长", [("上年", "2019", "exact")]),
    ("上年同期", [("上年", "2019", "exact")]),
    # bare relative periods back from the document year (docs/claims.md: 五年来 -> Y-5, since)
    ("五年来，经济实力明显增强", [("五年来", "2015", "since")]),
    ("十年来", [("十年来", "2010", "since")]),
    ("近十年来", [("十年来", "2010", "since")]),
    ("3年来", [("3年来", "2017", "since")]),
    ("多年来", []), ("这些年来", []), ("每五年来一次", []),  # vague, or no period
    ("一百年来", []),  # history, not a period of the report (more than [years].back_max)
    ("过去五年，全区新增就业", [("过去五年", "2015/2019", "range")]),
    ("这五年，经济实力明显增强", [("这五年", "2015/2019", "range")]),
    ("过去的五年里", [("过去的五年", "2015/2019", "range")]),
    ("过去一年", []), ("这一年", [("这一年", "2020", "exact")]),  # one year: as before
    ("五年前", []), ("过去五年前", []),
]
RELATIVE_MONTHS = [  # a report dated March 2020
    ("上个月召开", [("上个月", "2020-02", "exact")]),
    ("下月九号", [("下月九号", "2020-04-09", "exact")]),
    ("本季度末", [("本季度末", "2020-03", "end")]),
    ("上季度", [("上季度", "2019-10/2019-12", "range")]),
]


@pytest.mark.parametrize("text,expected", SPACES + CHINESE_YEARS + TWO_DIGIT_YEARS + RANGES + BOUNDS + PARTS
                         + RELATIVE)
def test_dates(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize("text,expected", RELATIVE_MONTHS)
def test_relative_months(text, expected):
    assert dates_of(text, YEAR, 3) == expected


UNKNOWN = [  # no document year: XXXX where the year is omitted, nothing where it cannot be known
    ("3月5日召开", [("3月5日", "XXXX-03-05", "exact")]),
    ("今年以来", [("今年以来", "XXXX", "since")]),
    ("去年5月启动", []),
    ("上个月召开", []),
    ("19年底", [("19年底", "2019", "end")]),
    ("五年来", []),
]


@pytest.mark.parametrize("text,expected", UNKNOWN)
def test_unknown_year(text, expected):
    assert dates_of(text, None) == expected


def test_unknown_relative_dates_hide_their_pieces():
    # 去年3月3号 without a year: not 3月3号 of an unknown year (that would be this year's)
    assert [m.text for m in find_numbers("去年3月3号", None)] == []
    assert [m.text for m in find_numbers("次年2月完成", YEAR)] == []  # 次年 of which year?


def test_relative_month_needs_the_month():
    assert dates_of("上个月召开", YEAR, None) == []


def test_helpers():
    assert relative_year("去年", 2021) == 2020 and relative_year("明年", None) is None
    assert shift_month(2018, 1, -1) == (2017, 12) and shift_month(2018, 12, 1) == (2019, 1)
    assert two_digit_year(98, 1997) == 1998 and two_digit_year(19, 2021) == 2019
    assert two_digit_year(58, None) == 1958 and two_digit_year(8, None) == 2008
    assert document_month(2018, "2018-03-05") == 3 and document_month(2017, "2018-03-05") is None


# ---------------------------------------------------------------- properties: every written form

CN = "〇一二三四五六七八九"
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn_small(n: int) -> str:
    """1-31 in Chinese numerals (十二, 二十九, 三十一)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN[tens]) + "十" if tens else "") + (CN[ones] if ones else "")


def _written_year(y: int, form: str) -> str:
    if form == "arabic":
        return str(y)
    if form == "wide":
        return str(y).translate(WIDE)
    if form == "chinese":
        return "".join(CN[int(c)] for c in str(y))
    if form == "chinese_zero":
        return "".join("零一二三四五六七八九"[int(c)] for c in str(y))
    return f"{y % 100:02d}"  # two digits


SP = st.sampled_from(["", "", "", " ", "\n", "  "])


@st.composite
def written_dates(draw, precision=None):
    """(text, ISO value) of a date written in one of the forms."""
    d = draw(st.dates(min_value=date(1971, 1, 1), max_value=date(2069, 12, 31)))
    form = draw(st.sampled_from(["arabic", "wide", "chinese", "chinese_zero", "two_digit"]))
    precision = precision or draw(st.sampled_from(["year", "month", "day"]))
    if form == "two_digit" and precision == "year":
        precision = "month"  # a bare two-digit year (15年) is a count of years
    month_cn, day_cn = draw(st.booleans()), draw(st.booleans())
    text = _written_year(d.year, form) + draw(SP) + "年"
    value = str(d.year)
    if precision in ("month", "day"):
        text += draw(SP) + (_cn_small(d.month) if month_cn else str(d.month)) + draw(SP) + "月"
        value += f"-{d.month:02d}"
    if precision == "day":
        text += draw(SP) + (_cn_small(d.day) if day_cn else str(d.day)) + draw(SP) + draw(st.sampled_from("日号"))
        value += f"-{d.day:02d}"
    return text, value


@settings(max_examples=300, deadline=None)
@given(written_dates())
def test_every_written_form_round_trips(case):
    text, value = case
    sentence = "截至" + text + "，全县累计投入资金。"
    assert dates_of(sentence) == [(text, value, "exact")]


@st.composite
def written_ranges(draw):
    """(text, value) of a range between two dates of different years at one precision."""
    precision = draw(st.sampled_from(["year", "month", "day"]))
    a, b = draw(written_dates(precision)), draw(written_dates(precision))
    assume(a[1][:4] != b[1][:4] and len(a[1]) == len(b[1]))
    (ta, va), (tb, vb) = sorted([a, b], key=lambda c: c[1])
    dash = draw(st.sampled_from(["至", "到", "-", "~", "——", " – ", "－", "起至"]))
    return ta + dash + tb, f"{va}/{vb}"


@settings(max_examples=200, deadline=None)
@given(written_ranges())
def test_ranges_round_trip(case):
    text, value = case
    assert dates_of("在" + text + "期间") == [(text, value, "range")]


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)), day=st.booleans(),
       year=st.one_of(st.none(), st.integers(2000, 2040)))
def test_dates_without_a_year_take_the_documents_or_xxxx(d, day, year):
    text = f"{d.month}月{d.day}日" if day else f"{d.month}月"
    y = str(year) if year is not None else "XXXX"
    value = f"{y}-{d.month:02d}" + (f"-{d.day:02d}" if day else "")
    assert dates_of("于" + text + "召开", year) == [(text, value, "exact")]


@settings(max_examples=200, deadline=None)
@given(y=st.integers(1971, 2069), written=st.integers(1971, 2069),
       form=st.sampled_from(["arabic", "chinese", "two_digit"]))
def test_no_silently_wrong_year(y, written, form):
    """A written year is read as itself, whatever the document year; a two-digit year takes
    the century nearest it (within 50 years of the document year: exact)."""
    text = _written_year(written, form) + "年6月"
    found = dates_of(text, y)
    if form == "two_digit" and abs(written - y) >= 50:
        return
    assert found == [(text, f"{written}-06", "exact")]


@settings(max_examples=100, deadline=None)
@given(y=st.integers(1990, 2060), m=st.integers(1, 12), word=st.sampled_from(
    [("去年", -1, 0), ("明年", 1, 0), ("前年", -2, 0), ("今年", 0, 0), ("上个月", 0, -1), ("下个月", 0, 1),
     ("本月", 0, 0)]))
def test_relative_dates_against_year_and_month(y, m, word):
    w, dy, dm = word
    text = w + ("5月" if dm == 0 and w.endswith("年") else "")
    found = dates_of(text, y, m)
    if w.endswith("年"):
        assert found == [(text, f"{y + dy}-05", "exact")]
    else:
        yy, mm = shift_month(y, m, dm)
        assert found == [(text, f"{yy}-{mm:02d}", "exact")]
