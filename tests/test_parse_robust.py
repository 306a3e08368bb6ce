"""Robustness properties of the number and date parsers (issue 7): they never raise on any
text (control and zero-width characters included), a value lies within its own bounds, and
every integer written in Arabic digits, with separators, in full width, in Chinese or in
financial numerals reads back as itself, alone and inside a sentence."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given, settings, strategies as st

from textmine.parse.dates import find_dates
from textmine.parse.numbers import find_numbers
from textmine.parse.numerals import parse_numeral
from test_parse_properties import to_chinese

# ---------------------------------------------------------------- writing integers

FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
TRADITIONAL = str.maketrans("万亿", "萬億")
FULL = str.maketrans("0123456789,", "０１２３４５６７８９，")


def arabic(n: int) -> str:
    return str(n)


def commas(n: int) -> str:
    return f"{n:,}"


def fullwidth(n: int) -> str:
    return f"{n:,}".translate(FULL)


def thin_spaces(n: int) -> str:
    return f"{n:,}".replace(",", "\u2009")


def chinese(n: int) -> str:
    return to_chinese(n)


def financial(n: int) -> str:
    return to_chinese(n).translate(FINANCIAL)


def financial_traditional(n: int) -> str:
    return financial(n).translate(TRADITIONAL)


WRITERS = [arabic, commas, fullwidth, chinese, financial, financial_traditional]
INTS = st.integers(min_value=0, max_value=10**12)


@pytest.mark.parametrize("write", WRITERS, ids=[w.__name__ for w in WRITERS])
@settings(max_examples=150, deadline=None)
@given(n=INTS)
@example(n=0)
@example(n=10)
@example(n=10**12)
@example(n=100_010_001)
def test_integer_round_trips_alone(write, n):
    assert parse_numeral(write(n)) == n, write(n)


@pytest.mark.parametrize("write", WRITERS, ids=[w.__name__ for w in WRITERS])
@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12))
def test_integer_round_trips_in_a_sentence(write, n):
    s = f"全年新建产业项目{write(n)}个，带动群众增收。"
    found = [m for m in find_numbers(s, 2020) if m.kind != "date"]
    assert len(found) == 1, (s, found)
    m = found[0]
    assert (m.value, m.unit, m.kind) == (n, "个", "count"), (s, m)
    assert s[m.start:m.end] == m.text and m.text.startswith(write(n))


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_thin_space_groups_round_trip(n):
    assert parse_numeral(thin_spaces(n)) == n


@settings(max_examples=30, deadline=None)
@given(n=st.integers(min_value=10**28, max_value=10**40))
def test_long_integers_round_trip(n):
    assert parse_numeral(str(n)) == n


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**27))
def test_integers_up_to_28_digits_round_trip(n):
    assert parse_numeral(str(n)) == n


@settings(max_examples=150, deadline=None)
@given(d=st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
       written=st.sampled_from(["arabic", "chinese_year"]))
def test_dates_round_trip(d, written):
    year = str(d.year) if written == "arabic" else \
        "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    s = f"{year}年{d.month}月{d.day}日"
    found = find_dates(s, None)
    assert [(f.start, f.end, f.value) for f in found] == [(0, len(s), d.isoformat())]


# ---------------------------------------------------------------- never raise, bounds hold

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\x01\x0b\x0c\x1b\x7f\x85\u2028"
REPORTISH = st.text(alphabet=st.sampled_from(list(
    "0123456789０１２３４５６７８９.,，%‰～~-至到零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟萬億"
    "多余近约超过以上下内左右不低于第位名个家人元吨亩年月日底前后旬季度半翻番倍成百分之点。、（）"
    " \t\n" + INVISIBLE)), max_size=80)
ANY_TEXT = st.one_of(st.text(max_size=80), REPORTISH,
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=40))


def _bounds_hold(m) -> None:
    if isinstance(m.value, Decimal):
        if m.lower is not None:
            assert m.lower <= m.value, m
        if m.upper is not None:
            assert m.value <= m.upper, m
    if m.lower is not None and m.upper is not None:
        assert m.lower <= m.upper, m


@settings(max_examples=400, deadline=None)
@given(s=ANY_TEXT, year=st.one_of(st.none(), st.integers(1900, 2100)))
def test_find_numbers_never_raises_and_bounds_hold(s, year):
    prev_end = 0
    for m in find_numbers(s, year):
        assert 0 <= m.start < m.end <= len(s) and s[m.start:m.end] == m.text
        # left to right, not overlapping
        assert m.start >= prev_end, (s, m)
        prev_end = m.end
        _bounds_hold(m)


@settings(max_examples=300, deadline=None)
@given(s=ANY_TEXT, year=st.one_of(st.none(), st.integers(1900, 2100)))
def test_find_dates_never_raises(s, year):
    for d in find_dates(s, year):
        assert 0 <= d.start < d.end <= len(s)
        assert isinstance(d.value, str) and d.value


@settings(max_examples=300, deadline=None)
@given(s=ANY_TEXT)
def test_parse_numeral_never_raises(s):
    v = parse_numeral(s)
    assert v is None or isinstance(v, Decimal) and v.is_finite()


QUALIFIED = ["超过{n}{u}", "近{n}{u}", "{n}多{u}", "约{n}{u}", "{n}余{u}", "不低于{n}{u}",
             "不到{n}{u}", "{n}{u}以上", "{n}{u}左右", "{n}{u}以内", "接近{n}{u}", "逾{n}{u}",
             "至少{n}{u}", "最高{n}{u}", "{n}至{m}{u}", "{n}-{m}{u}"]


@settings(max_examples=300, deadline=None)
@given(template=st.sampled_from(QUALIFIED), n=st.integers(min_value=1, max_value=10**9),
       extra=st.integers(min_value=1, max_value=10**6),
       unit=st.sampled_from(["个", "万元", "亿元", "%", "人", "吨", "万亩"]),
       decimal=st.booleans())
def test_qualified_values_lie_within_their_bounds(template, n, extra, unit, decimal):
    num = f"{n / 100:.2f}" if decimal else str(n)
    s = "全年" + template.format(n=num, m=n + extra, u=unit) + "。"
    found = [m for m in find_numbers(s, 2020) if m.kind != "date"]
    assert found, s
    for m in found:
        _bounds_hold(m)


@pytest.mark.parametrize("s", ["0多于0", "共10多于20个"])
def test_mentions_do_not_overlap_at_duo_yu(s):
    found = find_numbers(s, 2020)
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), found


# ---------------------------------------------------------------- plain decimals

@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
@example(Decimal("-0.0"))
@example(Decimal("1.2E+8"))
@example(Decimal("5.000"))
def test_to_plain_keeps_the_value_and_drops_exponent_and_zero_places(v):
    from textmine.parse.numerals import to_plain
    p = to_plain(v)
    assert p == v
    assert "E" not in str(p) and "e" not in str(p) or p.as_tuple().exponent < 0
    if v == v.to_integral_value():
        assert str(p) == str(int(v))  # what int() gives, without its quadratic cost


def test_a_long_run_of_digits_is_read_whole_at_its_magnitude():
    digits = "7" * 50_000  # exact to the 80 digits of forms.EXACT_MATH (rounded there), then its magnitude
    (m,) = [m for m in find_numbers(f"安排项目{digits}个。") if m.text.startswith("7")]
    assert m.text == digits + "个"
    assert len(str(m.value)) == len(digits) and str(m.value).startswith("7" * 79)


@pytest.mark.parametrize("n", [1_000_001, 2_000_000])
def test_runs_of_digits_beyond_the_decimal_exponent_limit_never_raise(n):
    """A run longer than the default context's exponent limit (999,999) is still a number."""
    ms = [m for m in find_numbers("安排项目" + "7" * n + "个。") if m.text.startswith("7")]
    assert len(ms) == 1 and len(str(ms[0].value)) == n
    from textmine.types import json_number
    assert json_number(ms[0].value).startswith("7.7777")  # exact, short, no OverflowError
