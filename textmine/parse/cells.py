"""What the text of a table cell or header says: a value, a period, a unit.

    >>> is_value("1,567"), is_value("-33"), is_value("35.3%"), is_value("营业收入")
    (True, True, True, False)
    >>> is_label("每千名常住人口拥有3星级托育位数(个)"), is_label("5左右"), is_label("1.2万亿元以上")
    (True, False, False)
    >>> split_unit("营业收入(百万元)"), split_unit("单位：万元"), split_unit("(+/-)YOY(%)")
    (('营业收入', '百万元'), ('', '万元'), ('(+/-)YOY', '%'))
    >>> period_of("2022E", 2022), period_of("2020A", 2022), period_of("1-8月", 2020)
    (('2022', 'forecast'), ('2020', 'outcome'), ('2020-01/2020-08', 'outcome'))

Patterns, marks and words come from ``data/tables.toml``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .tables import table
from .units import match_unit


def fold(text: str) -> str:
    """NFKC without blanks: how the patterns see a cell's text."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@cache
def _data() -> dict:
    t = table("tables")
    return {
        "value": re.compile(t["cells"]["value"]),
        "negative": re.compile(t["cells"]["negative"]),
        "date": re.compile(t["cells"]["date"]),
        "placeholder": frozenset(t["cells"]["placeholder"]),
        "label_min_chars": int(t["cells"]["label_min_chars"]),
        "year": re.compile(t["periods"]["year"]),
        "periods": [re.compile(p) for p in t["periods"]["other"]],
        "roles": t["roles"],
        "average": tuple(t["averages"]["words"]),
        "caption_unit": re.compile(t["units"]["caption"]),
        "bracket_unit": re.compile(t["units"]["bracket"]),
        "percent_tail": re.compile(t["units"]["percent_tail"]),
        "magnitudes": t["units"]["magnitudes"],
        "generic": frozenset(t["headers"]["generic"]),
    }


def is_value(text: str) -> bool:
    """A number as tables print it: ``1,567``, ``-33``, ``35.3%``, ``(12)``, ``21.6-97.4``."""
    t = fold(text)
    return bool(_data()["value"].match(t)) and not _data()["date"].match(t)


def is_label(text: str) -> bool:
    """Words, though a number may stand among them: ``label_min_chars`` Chinese characters
    or more outside brackets (``每千名常住人口拥有3星级托育位数（个）``; not ``5左右``)."""
    words = _BRACKETED.sub("", fold(text))
    return sum(1 for ch in words if _CJK.match(ch)) >= _data()["label_min_chars"]


_BRACKETED = re.compile(r"\([^()]*\)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def negative_in_brackets(text: str) -> bool:
    """Accounting style: ``(1,234)`` is -1234."""
    return bool(_data()["negative"].match(fold(text)))


def is_placeholder(text: str) -> bool:
    """A cell that stands for no value (``-``, ``—``, ``N/A``) in a column of values."""
    return fold(text) in _data()["placeholder"]


def is_period(text: str) -> bool:
    """A header that names a year or a period: ``2021E``, ``2019年``, ``1-8月``, ``上半年``."""
    t = fold(text)
    return bool(t) and (bool(_data()["year"].match(t)) or any(p.match(t) for p in _data()["periods"]))


def is_generic(header: str) -> bool:
    """A column header that names no quantity of its own (数值, 金额, 合计)."""
    return fold(header) in _data()["generic"]


def is_unit(text: str) -> bool:
    """A unit as headers write it: magnitude words, then a unit, a percent sign or one
    measure word (``百万元``, ``%``, ``万股``, ``元/吨``, ``倍``)."""
    u = fold(text)
    mags = _data()["magnitudes"]
    k = 0
    while k < len(u) and u[k] in mags:
        k += 1
    if k == len(u):
        return k > 0
    # (the magnitudes may end inside the unit: 亿千瓦时 is 亿 and 千瓦时, not 亿千 and 瓦时)
    return any(_unit_alone(u[j:]) for j in range(k, -1, -1))


def _unit_alone(rest: str) -> bool:
    """``rest`` is a unit, a percent sign or one measure word, and nothing after it but a
    short denominator (元/吨)."""
    if rest in ("%", "‰", "个百分点"):
        return True
    unit = match_unit(rest, 0)
    if unit is not None:
        tail = rest[len(unit.surface):]
        return not tail or (tail.startswith("/") and len(tail) <= 4)
    return len(rest) == 1 and "\u4e00" <= rest <= "\u9fff"


def split_unit(text: str) -> tuple[str, str | None]:
    """A header's words and the unit it gives: ``单位：万元``, or the last bracket that
    holds a unit (``营业收入(百万元)``), or a percent sign after its words; a trailing colon
    goes too."""
    d = _data()
    m = d["caption_unit"].search(text)
    if m and is_unit(m.group("unit")):
        return _clean(text[:m.start()] + text[m.end():]), fold(m.group("unit"))
    for m in reversed(list(d["bracket_unit"].finditer(text))):
        if is_unit(m.group("unit")):
            return _clean(text[:m.start()] + text[m.end():]), fold(m.group("unit"))
    m = d["percent_tail"].search(text)  # (比上年增长%)
    if m:
        return _clean(text[:m.start()]), "%"
    return _clean(text), None


def _clean(text: str) -> str:
    return text.strip().rstrip(":：").strip()


def year_of(header: str) -> str | None:
    """The year a header names alone (2025年, 2020), without an estimate's mark; else None."""
    m = _data()["year"].match(fold(header))
    return m.group("year") if m and not m.group("mark") else None


def is_average(label: str) -> bool:
    """A header of an average rate over years (年均增长, 年均增长（%）)."""
    return any(w in fold(label) for w in _data()["average"])


def period_of(header: str, year: int | None) -> tuple[str | None, str | None]:
    """The period (ISO, as in docs/claims.md) and role a header gives the figures under it:
    a year with its mark (``2021E`` forecast, ``2020A`` outcome), a year alone (an outcome
    up to the document's year), or a month, quarter or half (an outcome)."""
    t = fold(header)
    d = _data()
    m = d["year"].match(t)
    if m:
        y, mark = m.group("year"), m.group("mark")
        if mark:
            return y, d["roles"].get(mark)
        return y, "outcome" if year is None or int(y) <= year else None
    if not any(p.match(t) for p in d["periods"]):
        return None, None
    span = _SPAN.fullmatch(t)
    if span:
        mark = span.group("mark")
        if mark:
            return _span_period(span), d["roles"].get(mark)
        ahead = span.group("b") and year is not None and int(span.group("b")) > year
        return _span_period(span), None if ahead else "outcome"  # (2021-2025 in 2021: ahead)
    from .dates import find_dates
    dates = find_dates(t, year)
    if len(dates) == 2 and re.fullmatch(r"\d{4}", str(dates[0].value)) \
            and not dates[1].year_written:  # 2019年1-8月: the months of that year
        dates = find_dates(t[dates[1].start:], int(dates[0].value))
    if len(dates) != 1 or not isinstance(dates[0].value, str):
        return None, None
    return dates[0].value, "outcome"


# spans of years (2019-2021), quarters (2021Q1) and halves (2021H2), with an estimate's mark
_SPAN = re.compile(r"(?P<a>(?:19|20)\d\d)(?:[-~～至](?P<b>(?:19|20)\d\d)年?|(?P<q>[QqHh])(?P<n>[1-4]))"
                   r"(?P<mark>[AEFaef])?")


def _span_period(m: re.Match) -> str:
    a = m.group("a")
    if m.group("b"):
        return f"{a}/{m.group('b')}"
    n = int(m.group("n"))
    months = 3 if m.group("q") in "Qq" else 6
    return f"{a}-{(n - 1) * months + 1:02d}/{a}-{n * months:02d}"
