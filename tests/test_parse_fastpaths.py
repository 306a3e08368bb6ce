"""Fast paths of the number layer give exactly what the full grammar gives (issue 19: finding
the claims cheaper, every record as it was)."""
from __future__ import annotations

import re
from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

from textmine.parse import dates, numbers, numerals, reading
from textmine.parse.mention import NumberMention
from textmine.parse.numbers import find_numbers
from textmine.parse.numerals import fold_width, scan_numeral, to_plain
from textmine.parse.reading import in_word, read_mention
from textmine.parse.tables import table
from textmine.parse.units import CURRENCY_NAMES



def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


_ORDINARY = list("些起步统保障愁委癌大星川切队伍陆港海季衣重看法达标卡通提供书记届次会清零“”，。 ")
# the words of the number grammar's tables (units, qualifier words, forms, specials: what it
# reads after and before a number), ordinary characters that make words with a digit, and
# punctuation
_WORDS = sorted({w for name in ("numerals", "units", "qualifiers", "grammar", "specials")
                 for w in _strings(table(name))
                 if w and len(w) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in w)}
                | set(_ORDINARY))
_LONE = sorted(reading._LONE_DIGITS)
_TEXT = st.lists(st.one_of(st.sampled_from(_LONE), st.sampled_from(_WORDS)), max_size=12).map("".join)


@pytest.mark.parametrize("text, i, expected", [
    ("进一步加强", 1, True), ("统一提供", 1, True), ("一些地区", 0, True), ("“三保障”", 1, True),
    ("村“两委”", 2, True), ("队伍建设", 1, True),
    ("一个", 0, False),  # a measure word follows
    ("第一书记", 1, False),  # a rank: read by its own form
    ("百分之五十", 3, False), ("三分之一", 0, False), ("一两个", 0, False), ("五以上", 0, False),
    ("这是五那是四", 2, False),  # 那 stands apart from a numeral
    ("五", 0, False), ("十分", 0, False),  # not a lone digit
])
def test_in_word_examples(text, i, expected):
    assert in_word(text, i) is expected
    if expected:
        assert read_mention(text, i) is None


@pytest.mark.parametrize("before", ["", "人", "第", "之", "百分之", "约", "比", " ", "3", "十"])
def test_in_word_is_a_sure_no_after_every_digit_and_word(before):
    """Every lone digit followed by every word of the grammar's tables (and a character
    after): where ``in_word`` says no number, the grammar reads none."""
    for d in _LONE:
        for w in _WORDS:
            t = before + d + w + "人"
            i = len(before)
            if in_word(t, i):
                assert read_mention(t, i) is None, t


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_in_word_is_a_sure_no_of_the_grammar(s):
    t = fold_width(s)
    for i in range(len(t)):
        if in_word(t, i):
            assert read_mention(t, i) is None, (t, i)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=40)))
def test_find_numbers_same_without_the_shortcut(s):
    fast = find_numbers(s, 2020)
    scan_numeral.cache_clear()
    with mock.patch.object(numbers, "in_word", lambda t, i: False):
        full = find_numbers(s, 2020)
    assert fast == full


def _currency_plain(t: str, after: int, before: int) -> tuple[str | None, str | None]:
    """The currency words after ``after`` and before ``before`` as the grammar first looked
    them up: every name in turn."""
    a = next((w for w in CURRENCY_NAMES if t.startswith(w, after)), None)
    b = next((w for w in CURRENCY_NAMES if t.startswith(w, before - len(w)) and before >= len(w)), None)
    return a, b


_MONEY_TEXT = st.text(alphabet=st.sampled_from(sorted(set("".join(CURRENCY_NAMES))) + list("元12 ，")),
                      max_size=12)


@settings(max_examples=400, deadline=None)
@given(_MONEY_TEXT, st.integers(0, 12), st.integers(0, 12))
def test_currency_words_by_character_equal_the_plain_lookup(t, after, before):
    after, before = min(after, len(t)), min(before, len(t))
    a = next((w for w in reading._CURRENCY_BY_FIRST.get(t[after:after + 1], ()) if t.startswith(w, after)), None)
    b = next((w for w in reading._CURRENCY_BY_LAST.get(t[before - 1:before] if before > 0 else "", ())
              if t.startswith(w, before - len(w)) and before >= len(w)), None)
    assert (a, b) == _currency_plain(t, after, before)


def test_mentions_compare_and_hash_by_their_fields():
    a, b = find_numbers("投入资金3.2亿元"), find_numbers("投入资金3.2亿元")
    assert a == b and hash(a[0]) == hash(b[0]) and len({a[0], b[0]}) == 1
    assert isinstance(a[0], NumberMention)


def _to_plain_reference(v: Decimal) -> Decimal:
    """to_plain as first written: from the digits and exponent, every time."""
    if not v.is_finite():
        return v
    sign, digits, exp = v.as_tuple()
    if not any(digits):
        return Decimal(0)
    if exp > 0:
        return Decimal((sign, digits + (0,) * exp, 0))
    if exp < 0 and not any(digits[exp:]):
        return Decimal((sign, digits[:exp] or (0,), 0))
    return v


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.decimals(allow_nan=True, allow_infinity=True),
                 st.builds(lambda d, e: Decimal(d).scaleb(e), st.integers(-10**6, 10**6), st.integers(-12, 12))))
def test_to_plain_fast_check_equals_the_digits_rule(v):
    got, want = to_plain(v), _to_plain_reference(v)
    if want.is_nan():
        assert got.is_nan()
    else:
        assert got.as_tuple() == want.as_tuple() and str(got) == str(want)


_NUMERAL_TEXT = st.lists(st.one_of(st.sampled_from(sorted(numerals.NUMERAL_CHARS)), st.sampled_from(_WORDS),
                                   st.sampled_from(list("0123456789.,eEkKMw^+-"))), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_NUMERAL_TEXT)
def test_scan_numeral_fast_paths_equal_the_scanner(s):
    """One Chinese digit alone, Arabic digits with at most one magnitude: what the token
    scanner reads."""
    t = fold_width(s)
    for i in range(len(t)):
        scan_numeral.cache_clear()
        assert scan_numeral(t, i) == numerals._scan_numeral(t, i), (t, i)


# the date anchors as plain alternatives, each tried at every character (a point between
# digits only after a year of four digits)
_ANCHOR_REFERENCE = re.compile(
    "[" + dates._T["scan"]["hint"] + "]|\\d[-/]\\d|(?<=(?:19|20)\\d)\\d\\.\\d|(?<=["
    + "".join(dates._T["connect"]["range_starts"])
    + "])\\d|\\d[ \\t]{0,2}" + dates._words(dates._T["connect"]["dashes"]) + "[ \\t]{0,2}\\d")
# as first written: a point between any two digits (every decimal) an anchor too
_ANCHOR_FIRST = re.compile(_ANCHOR_REFERENCE.pattern.replace("\\d[-/]\\d", "\\d[-/.]\\d"))
_ANCHOR_TEXT = st.lists(st.one_of(
    st.sampled_from(list("0123456789٣")), st.sampled_from(list("-/. \t")),
    st.sampled_from(list(dates._T["scan"]["hint"] + "".join(dates._T["connect"]["range_starts"]))),
    st.sampled_from(dates._T["connect"]["dashes"]), st.sampled_from(_ORDINARY)), max_size=30).map("".join)


@pytest.mark.parametrize("s", ["从2-3月", "2020-1-5", "3至5年", "自 2", "1 — 2季度", "第2.5世纪", "12--15日"])
def test_date_anchors_examples(s):
    assert [m.span() for m in dates._ANCHOR.finditer(s)] == [m.span() for m in _ANCHOR_REFERENCE.finditer(s)]


@settings(max_examples=500, deadline=None)
@given(_ANCHOR_TEXT)
def test_date_anchors_equal_the_plain_alternatives(s):
    assert [m.span() for m in dates._ANCHOR.finditer(s)] == [m.span() for m in _ANCHOR_REFERENCE.finditer(s)]


_DATE_TEXT = st.lists(st.one_of(
    st.sampled_from(list("0123456789..-/ 年月日号季度底初前以来至从")), st.sampled_from(["2020", "1999", "20", ".06", ".1", ".12", "18.6", "一", "十"]),
    st.sampled_from(_ORDINARY)), max_size=24).map("".join)


@pytest.mark.parametrize("s", ["2021.06.30前", "1999.08-2002.02", "18.6亿元", "3.5至2020.5", "2.2020.1",
                               "12020.5", "2019.12.31", "8.6-9.1", "20.19.12"])
def test_dates_with_a_point_anchored_only_after_a_year_examples(s):
    ref = dates.Reference(2021, 6)
    with mock.patch.object(dates, "_ANCHOR", _ANCHOR_FIRST):
        first = dates.scan_dates(s, ref)
    assert dates.scan_dates(s, ref) == first


@settings(max_examples=1000, deadline=None)
@given(_DATE_TEXT)
def test_dates_with_a_point_anchored_only_after_a_year(s):
    """A point between digits is an anchor only after a year of four digits: the dates are
    those the anchors as first written find."""
    ref = dates.Reference(2021, 6)
    with mock.patch.object(dates, "_ANCHOR", _ANCHOR_FIRST):
        first = dates.scan_dates(s, ref)
    assert dates.scan_dates(s, ref) == first
