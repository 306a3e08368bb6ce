"""Property tests of the number layer: numerals round-trip, find_numbers is total and honest."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from textmine.parse.numbers import find_numbers
from textmine.parse.numerals import parse_numeral

DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """0 < n < 10000 in Chinese, with 零 for inner gaps (一千零五, 三百零六)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + unit
    return out


def to_chinese(n: int) -> str:
    """0 <= n <= 10^12 in ordinary Chinese numerals (一万零五百, 三亿零二十万, 一万亿)."""
    if n == 0:
        return "零"
    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, need_zero = "", False
    for value, mag in parts:
        if value == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or value < 1000):
            out += "零"
        out += (to_chinese(value) if value >= 10**4 else _section(value)) + mag
        need_zero = False
    return out


def test_to_chinese_helper():
    assert to_chinese(105) == "一百零五"
    assert to_chinese(10) == "一十"
    assert to_chinese(10500) == "一万零五百"
    assert to_chinese(300200000) == "三亿零二十万"
    assert to_chinese(10**12) == "一万亿"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    assert parse_numeral(to_chinese(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_arabic_with_magnitude_round_trips(n, mag):
    word, factor = mag
    assert parse_numeral(f"{n}{word}") == n * factor


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=9999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_arabic_decimal_with_magnitude_round_trips(d, mag):
    word, factor = mag
    assert parse_numeral(f"{d}{word}") == Decimal(d) * factor


@pytest.mark.parametrize("text", ["0万", "0.00亿", "0 万"])
def test_zero_with_magnitude_is_zero(text):
    assert parse_numeral(text) == 0


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_integers_and_separators_round_trip(n):
    assert parse_numeral(str(n)) == n
    assert parse_numeral(f"{n:,}") == n


_REPORTISH = st.text(alphabet=st.sampled_from(list(
    "0123456789０１２３４５６７８９.,%‰～~-至到零一二两三四五六七八九十百千万亿多余近约超过以上下内左右"
    "不低于足到第位名个家人种元吨亩月日年底前后旬季度半翻番倍成百分之点，。、（）《》“”扶贫资金 ")),
    max_size=60)


def _check_mentions(s: str) -> None:
    for m in find_numbers(s, 2020):
        assert s[m.start:m.end] == m.text
        assert 0 <= m.start < m.end <= len(s)
        if m.lower is not None and m.upper is not None:
            assert m.lower <= m.upper, m


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_find_numbers_total_on_any_text(s):
    _check_mentions(s)


@settings(max_examples=400, deadline=None)
@given(_REPORTISH)
def test_find_numbers_total_on_report_like_text(s):
    _check_mentions(s)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), _REPORTISH))
def test_parse_numeral_never_raises(s):
    v = parse_numeral(s)
    assert v is None or isinstance(v, Decimal)


_VERB_CHARS = st.sampled_from(list("建设培训补贴打造配备开展扶持安置"))


@given(st.sampled_from([("至少", "at_least"), ("最多", "at_most")]),
       st.text(alphabet=_VERB_CHARS, min_size=1, max_size=2),
       st.integers(min_value=1, max_value=9999), st.sampled_from(["个", "名", "次", "户"]))
def test_an_adverb_before_a_short_verb_bounds_the_number(adverb, verb, n, unit):
    """至少/最多, a verb of one or two characters, then a number: the number is bounded
    below or above by its value, and its span is the number and unit alone."""
    word, qualifier = adverb
    text = f"每村{word}{verb}{n}{unit}"
    m = next(m for m in find_numbers(text, 2020) if m.text == f"{n}{unit}")
    assert m.qualifier == qualifier
    assert (m.lower, m.upper) == ((n, None) if qualifier == "at_least" else (None, n))
