"""Number expressions in a sentence: numeral + qualifier words + unit -> ``NumberMention``.

This is the number layer under claim extraction: ``find_numbers(text)`` reports every
number expression (claim or not; names and slogans are filtered later, in
``textmine.nlp.claims``). Offsets are into the text as given: the scanner works on a
width-folded copy of the same length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import qualifiers as Q
from .dates import find_dates
from .numerals import DIGITS, MAGNITUDES, UNITS, Numeral, fold_width, scan_numeral, to_plain
from .tables import table
from .units import Unit, match_unit

_S = table("specials")
SPECIAL_WORDS: dict[str, dict] = _S["words"]  # 一半, 翻一番, ...
_SPECIAL_LONGEST = sorted(SPECIAL_WORDS, key=len, reverse=True)
_SPECIAL_FIRST = {w[0] for w in SPECIAL_WORDS}
RANK_LEAD = re.compile(r"(?:排名|排在|位居|位列|名列|居)$")
NOUN_AFTER_UNIT = {k: set(v) for k, v in _S["noun_after_unit"].items()}  # 人口: 人 is not a unit
RANGE_DASH = set("~～-—–－至到")
SPACE = " \u00a0\u2009\u3000\t"
# a number is read where it starts: an ASCII digit, or a Chinese numeral character
_START = re.compile(r"[0-9" + "".join(DIGITS) + "".join(UNITS) + "".join(MAGNITUDES) + "]")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    kind: str  # money count percent quantity duration ratio rank date number
    value: Decimal | str
    unit: str
    qualifier: str
    lower: Decimal | None
    upper: Decimal | None
    per: str | None = None
    year_written: bool = True  # dates: was the year in the text
    optional: bool = False  # vague amounts (数万, 几十)
    unit_written: bool = True  # False when no unit or measure word follows the number
    chinese: bool = False  # the number is written in Chinese numerals
    bare: bool = False  # only a magnitude word (千 in 近千种)
    number_start: int = 0  # where the numeral itself starts (after prefix words)


def find_numbers(text: str, year: int | None = None) -> list[NumberMention]:
    """Every number expression in ``text``, left to right, not overlapping."""
    folded = fold_width(text)
    found: list[NumberMention] = []
    for d in find_dates(folded, year):
        found.append(NumberMention(d.start, d.end, text[d.start:d.end], "date", d.value, "date",
                                   d.qualifier, None, None, year_written=d.year_written,
                                   number_start=d.start))
    taken = [(m.start, m.end) for m in found]
    i, n = 0, len(folded)
    while i < n:
        if any(a <= i < b for a, b in taken):
            i = next(b for a, b in taken if a <= i < b)
            continue
        special = _special_at(folded, i) if folded[i] in _SPECIAL_FIRST else None
        if special is not None:
            found.append(replace(special, text=text[special.start:special.end]))
            i = special.end
            continue
        if not _START.match(folded, i) or (i > 0 and folded[i - 1].isdigit()):
            i += 1
            continue
        m = _mention_at(folded, i)
        if m is None:
            num = scan_numeral(folded, i)
            i = num.end if num is not None else i + 1
            continue
        if any(a < m.end and m.start < b for a, b in taken):
            i += 1
            continue
        found.append(replace(m, text=text[m.start:m.end]))
        i = m.end
    found.sort(key=lambda x: x.start)
    return found


def _special_at(t: str, i: int) -> NumberMention | None:
    for w in _SPECIAL_LONGEST:
        if t.startswith(w, i):
            s = SPECIAL_WORDS[w]
            v = Decimal(str(s["value"]))
            pre = Q.prefix_before(t, i)
            rule = Q.PREFIX.get(pre, "exact") if pre else "exact"
            start = i - len(pre) if pre else i
            end = i + len(w)
            suf = Q.suffix_at(t, end)
            if suf and Q.SUFFIX[suf] not in ("over_k",):
                rule, end = Q.SUFFIX[suf], end + len(suf)
            lo, hi = Q.bounds(rule, v)
            return NumberMention(start, end, t[start:end], s["kind"], v, s["unit"],
                                 Q.QUALIFIER[rule], lo, hi, chinese=True, number_start=i)
    return None


def _skip_space(t: str, j: int, limit: int = 2) -> int:
    k = j
    while k < len(t) and k - j < limit and t[k] in SPACE:
        k += 1
    return k


def _mention_at(t: str, i: int) -> NumberMention | None:
    num = scan_numeral(t, i)
    if num is None:
        return None
    # percent written before the number: 百分之三十, 千分之五
    lead = t[max(0, i - 3):i]
    if lead in ("百分之", "千分之", "万分之"):
        return _fraction_percent(t, i - 3, num, lead)
    # rank: 第一位, 排名第2, 前三
    if i > 0 and t[i - 1] == "第":
        return _rank(t, i - 1, num)
    start = i
    rule = "exact"
    pre = Q.prefix_before(t, i)
    if pre and (pre not in Q.MAGNITUDE_ONLY or num.bare):
        rule, start = Q.PREFIX[pre], i - len(pre)
    if num.bare and not pre:
        return None  # 千, 万 alone are numbers only after 近/逾/上/数 (近千种, 上万人)
    value = num.value
    if num.over:
        rule = rule if rule not in ("exact", "at_most_if_suffix") else "over_k"
    if num.vague:
        rule = "vague_k"
    j = num.end
    # 多/余 between the number and its unit (2100多种, 5万多个, 十几个)
    k = _skip_space(t, j)
    if k < len(t) and t[k] in "多余几" and not (t[k] == "余" and t.startswith("余额", k)):
        if t[k] == "几":
            rule = "vague_k"
        elif rule in ("exact", "at_most_if_suffix"):
            rule = "over_k"
        j = k + 1
    k = _skip_space(t, j)
    unit = match_unit(t, k)
    if unit is not None and t[k + len(unit.surface):k + len(unit.surface) + 1] in NOUN_AFTER_UNIT.get(unit.surface, ()):
        unit = None
    if unit is not None and unit.surface == "个" and t.startswith("多月", k + 1):
        unit = Unit("个多月", "duration", "月")
        rule = "over_k" if rule == "exact" else rule
    if unit is not None and unit.kind == "duration" and unit.surface == "年" and _looks_like_year(num):
        return None  # 2020年 is a date, handled by the date scanner
    if unit is not None:
        j = k + len(unit.surface)
    per = None
    if unit is not None and j < len(t) and t[j] == "/":
        m = re.match(r"/([一-龥•·]{1,4})", t[j:])
        if m:
            per = m.group(1)
            j += len(m.group())
    # suffix qualifier after the unit: 6600万人以上, 15%左右, 5.5%以内
    suf = Q.suffix_at(t, j)
    if suf and suf not in ("多", "余", "有余"):
        rule = Q.SUFFIX[suf] if rule in ("exact", "at_most_if_suffix", "over_k") or Q.SUFFIX[suf] == "at_most" else rule
        j += len(suf)
    elif suf and unit is not None and rule == "exact" and not _starts_word_after(t, j + len(suf)):
        rule = "over_k"  # 3万元多 (rare)
        j += len(suf)
    if rule == "at_most_if_suffix":
        rule = "exact"
    # a range: 20～30万元, 3至5个, 10%-15%
    dash_at = _skip_space(t, j, 1)
    if dash_at < len(t) and t[dash_at] in RANGE_DASH and rule == "exact":
        rng = _range(t, start, num, unit, dash_at)
        if rng is not None:
            return rng
    kind, unit_s = ("number", "") if unit is None else (unit.kind, unit.unit)
    if unit is not None:
        value = value * unit.scale
    lo, hi = Q.bounds(rule, value)
    return NumberMention(start, j, t[start:j], kind, to_plain(value), unit_s, Q.QUALIFIER[rule],
                         lo, hi, per=per, optional=rule in ("vague", "vague_k"),
                         unit_written=unit is not None, chinese=num.chinese and not num.arabic,
                         bare=num.bare, number_start=i)


def _starts_word_after(t: str, j: int) -> bool:
    return j < len(t) and "\u4e00" <= t[j] <= "\u9fff"


def _looks_like_year(num: Numeral) -> bool:
    return (num.decimals == 0 and 1800 <= num.value <= 2100 and not num.magnitude) or num.digit_string


def _fraction_percent(t: str, start: int, num: Numeral, lead: str) -> NumberMention:
    scale = {"百分之": Decimal(1), "千分之": Decimal("0.1"), "万分之": Decimal("0.01")}[lead]
    value = to_plain(num.value * scale)
    j = num.end
    pre = Q.prefix_before(t, start)
    rule = Q.PREFIX[pre] if pre and pre not in Q.MAGNITUDE_ONLY else "exact"
    s0 = start - len(pre) if rule != "exact" and pre else start
    suf = Q.suffix_at(t, j)
    if suf and suf not in ("多", "余", "有余"):
        rule, j = Q.SUFFIX[suf], j + len(suf)
    rule = "exact" if rule == "at_most_if_suffix" else rule
    lo, hi = Q.bounds(rule, value)
    return NumberMention(s0, j, t[s0:j], "percent", value, "%", Q.QUALIFIER[rule], lo, hi,
                         chinese=num.chinese, number_start=num.start)


def _rank(t: str, di: int, num: Numeral) -> NumberMention | None:
    j = num.end
    unit = t[j] if j < len(t) and t[j] in "位名" else None
    if unit is None and RANK_LEAD.search(t[max(0, di - 4):di]):
        unit = "名"  # 排名第2: a rank without a written unit takes 名
        j -= 1
    if unit is None:
        return None  # 第三届, 第二批: editions and sequence numbers are not ranks
    j += 1
    v = num.value
    return NumberMention(di, j, t[di:j], "rank", v, unit, "exact", v, v, chinese=num.chinese,
                         number_start=num.start)


def _range(t: str, start: int, first: Numeral, unit1: Unit | None, dash: int) -> NumberMention | None:
    k = _skip_space(t, dash + 1, 1)
    second = _mention_at(t, k) if k < len(t) else None
    if second is None or second.kind in ("date", "number") and not second.unit_written and unit1 is None:
        return None
    if second.qualifier != "exact" or second.kind == "rank":
        return None
    if unit1 is not None and unit1.kind != second.kind:
        return None
    lo = first.value
    hi = second.value
    if not first.magnitude and unit1 is None:
        # 20～30万元: the magnitude and unit written once apply to both ends
        scale = second.value / _mantissa(t, second)
        lo = to_plain(lo * scale)
    if lo > hi:
        return None
    return NumberMention(start, second.end, t[start:second.end], second.kind, lo, second.unit,
                         "range", lo, hi, per=second.per, chinese=first.chinese and second.chinese,
                         number_start=first.start)


def _mantissa(t: str, m: NumberMention) -> Decimal:
    """The value of the numeral of ``m`` before its magnitude (30 in 30万元)."""
    j = m.number_start
    k = j
    while k < len(t) and (t[k].isdigit() or t[k] in ".," or t[k] in DIGITS or t[k] in UNITS):
        k += 1
    inner = scan_numeral(t[j:k], 0)
    if inner is None or inner.value == 0:
        return m.value if isinstance(m.value, Decimal) and m.value else Decimal(1)
    return inner.value


def number_records(lines, year: int | None = None):
    """One record per number expression of each line (1-based ``line``), for
    ``textmine numbers``: every number, claim or not."""
    from ..types import json_number
    for ln, line in enumerate(lines, 1):
        for m in find_numbers(line.rstrip("\n"), year):
            yield {"line": ln, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                   "value": json_number(m.value), "unit": m.unit, "lower": json_number(m.lower),
                   "upper": json_number(m.upper), "qualifier": m.qualifier}
