"""Number expressions in a sentence: numeral + qualifier words + unit -> ``NumberMention``.

This is the number layer under claim extraction: ``find_numbers(text)`` reports every
number expression (claim or not; names and slogans are filtered later, in
``textmine.nlp.claims``). Offsets are into the text as given: the scanner works on a
width-folded copy of the same length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
import decimal
from decimal import Decimal

from . import qualifiers as Q
from .dates import find_dates
from .numerals import DIGITS, MAGNITUDES, UNITS, Numeral, fold_width, scan_numeral, to_plain
from .tables import table
from .units import SUBUNITS, Unit, match_unit, per_at

_S = table("specials")
SPECIAL_WORDS: dict[str, dict] = _S["words"]  # 一半, 翻一番, ...
_SPECIAL_LONGEST = sorted(SPECIAL_WORDS, key=len, reverse=True)
_SPECIAL_FIRST = {w[0] for w in SPECIAL_WORDS}
RANK_LEAD = re.compile(r"(?:排名|排在|位居|位列|名列|居)$")
NOUN_AFTER_UNIT = {k: set(v) for k, v in _S["noun_after_unit"].items()}  # 人口: 人 is not a unit
RANGE_DASH = set("~～-—–－至到")
NEGATIVE = "负負"
MINUS = "-−"
# exact arithmetic for any number a report can hold (the default context rounds to 28 digits)
_EXACT = decimal.Context(prec=80)
# a Chinese numeral written with formal (financial) characters only is part of a word when a
# Chinese character stands right before it (队伍, 放肆, 大陆, 收拾)
FORMAL = frozenset(table("numerals")["formal"]["chars"])
FORMAL_WORDS = frozenset(table("numerals")["formal"]["words"])


def _in_formal_word(t: str, a: int) -> bool:
    """The formal numeral character at ``a`` belongs to an ordinary word (队伍, 收拾, 登陆)."""
    return t[max(0, a - 1):a + 1] in FORMAL_WORDS or t[a:a + 2] in FORMAL_WORDS
# fractions: 三分之一, 二十五分之一百四十四, 百分之五 (a bare denominator is a percent sign)
FRACTION_OF = re.compile(r"[ \u00a0\u3000]{0,2}分[ \u00a0\u3000]{0,2}之[ \u00a0\u3000]{0,2}")
PERCENT_LEAD = re.compile(r"([百佰千仟万萬亿億]{1,4})[ \u00a0\u3000]{0,2}分[ \u00a0\u3000]{0,2}之[ \u00a0\u3000]{0,2}$")
MIXED_FRACTION = re.compile(r"[ \u00a0\u3000]{0,2}又[ \u00a0\u3000]{0,2}")
SLASH_FRACTION = re.compile(r"(?<![\d/.])(?:(\d{1,4})[ \u00a0]+)?(\d{1,6})[ \u00a0]?/[ \u00a0]?(\d{1,6})(?![\d/.])")
# not numbers: web addresses, clock times, codes that start with a letter (A2021..., G20)
NOT_NUMBERS = re.compile(r"(?:https?://|www\.)[!-~]+|\d{1,2}:\d{2}(?::\d{2})?(?!\d)|(?<![A-Za-z0-9])[A-Za-z]+\d[A-Za-z0-9]*")
# a currency sign before the number: $20, ￥300
CURRENCY_SIGN = {"$": "美元", "¥": "元", "￥": "元", "€": "欧元", "£": "英镑"}
HALF = "半"
# a lower and an upper bound side by side are one range (大于10小于20, 1000以上，1500以下)
BOUND_JOIN = re.compile(r"^\s{0,2}(?:的同时|同时|并且|而且|并|而|且|但|又|[,，、])?\s{0,2}$")
# X和Y之间: a range
BETWEEN_JOIN = re.compile(r"^\s{0,2}(?:和|与|與|及|到|至)\s{0,2}$")
BETWEEN_END = re.compile(r"\s{0,2}(?:之间|之間|间|間)")
# comparisons: 比三十大, 比 170 低
COMPARE_BEFORE = re.compile(r"比\s{0,2}$")
COMPARE_AFTER = re.compile(r"\s{0,2}([大高多小低少])")
COMPARE_RULE = {"大": "over", "高": "over", "多": "over", "小": "under", "低": "under", "少": "under"}
SPACE = " \u00a0\u2009\u3000\t"
_SPACE_SET = frozenset(SPACE)
# a number is read where it starts: an ASCII digit, or a Chinese numeral character
_START_CHARS = frozenset("0123456789") | frozenset(DIGITS) | frozenset(UNITS) | frozenset(MAGNITUDES)
# where the scanner looks at all: a number start, a special word's first character, or a
# decimal point (.5); everything else is skipped at C speed
_CANDIDATE = re.compile("[" + re.escape("".join(sorted(_START_CHARS | _SPECIAL_FIRST | {"."}))) + "]")


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
    if _NOT_NUMBER_HINT.search(folded):
        taken += [(m.start(), m.end()) for m in NOT_NUMBERS.finditer(folded)]
        taken.sort()
    if "/" in folded:
        for fm in SLASH_FRACTION.finditer(folded):
            if not any(a < fm.end() and fm.start() < b for a, b in taken):
                sm = _slash_fraction(text, folded, fm)
                found.append(sm)
                taken.append((sm.start, sm.end))
    same = folded == text  # no full-width characters: mention texts need no re-slicing
    n = len(folded)
    last_end = 0  # end of the last mention found by the loop below
    cand = _CANDIDATE.search(folded)
    while cand is not None:
        i = cand.start()
        if taken and any(a <= i < b for a, b in taken):
            i = next(b for a, b in taken if a <= i < b)
            while any(a <= i < b for a, b in taken):
                i = next(b for a, b in taken if a <= i < b)
            cand = _CANDIDATE.search(folded, i)
            continue
        c = folded[i]
        special = _special_at(folded, i) if c in _SPECIAL_FIRST else None
        if special is not None:
            found.append(special if same else replace(special, text=text[special.start:special.end]))
            cand = _CANDIDATE.search(folded, special.end)
            continue
        if c not in _START_CHARS or (i > 0 and folded[i - 1].isdigit()):
            if not (c == "." and i + 1 < n and folded[i + 1].isdigit() and not (i > 0 and folded[i - 1] in "0123456789.")):
                cand = _CANDIDATE.search(folded, i + 1)
                continue
        m = _mention_at(folded, i)
        if m is None:
            num = scan_numeral(folded, i)
            cand = _CANDIDATE.search(folded, num.end if num is not None else i + 1)
            continue
        if taken and any(a < m.end and m.start < b for a, b in taken) or m.start < last_end:
            # (a qualifier word before the number that the previous mention already holds:
            # 10多于20个 -> the 多 is 10多's)
            cand = _CANDIDATE.search(folded, i + 1)
            continue
        last_end = m.end
        found.append(m if same else replace(m, text=text[m.start:m.end]))
        cand = _CANDIDATE.search(folded, m.end)
    found.sort(key=lambda x: x.start)
    if len(found) > 1:
        found = _join_bounds(text, folded, found)
    return found


_ASCII_LETTER = re.compile("[A-z]")  # as the range "A" <= c <= "z"
_NOT_NUMBER_HINT = re.compile("[:A-z]")  # every NOT_NUMBERS match holds a letter or a colon


def _has_ascii_letter(t: str) -> bool:
    return _ASCII_LETTER.search(t) is not None


def _slash_fraction(text: str, t: str, fm: re.Match) -> NumberMention:
    whole, a, b = fm.group(1), Decimal(fm.group(2)), Decimal(fm.group(3))
    v = a / b if b else Decimal(0)
    if whole:
        v += Decimal(whole)
    s0 = fm.start()
    if s0 > 0 and t[s0 - 1] in MINUS + NEGATIVE and _minus_is_sign(t, s0 - 1):
        s0, v = s0 - 1, -v
    v = to_plain(v)
    m = _qualified(t, NumberMention(s0, fm.end(), t[s0:fm.end()], "number", v, "", "exact", v, v,
                                    unit_written=False, number_start=fm.start()))
    return replace(m, text=text[m.start:m.end])


def _join_bounds(text: str, t: str, found: list[NumberMention]) -> list[NumberMention]:
    """Merge a lower and an upper bound written side by side into one range
    (大于二十的同时小于等于三十五, 最多100最少20个) and X和Y之间 into X to Y."""
    out: list[NumberMention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "date" and m.kind != "date" and prev.end <= m.start:
            gap = t[prev.end:m.start]
            joined = None
            if BOUND_JOIN.match(gap):
                joined = _bounds_range(t, prev, m)
            elif BETWEEN_JOIN.match(gap) and prev.qualifier == "exact" and m.qualifier == "exact":
                if m.unit in ("间", "間") and prev.value <= m.value:  # 10000与20000间
                    m = replace(m, kind="number", unit="", unit_written=False)
                    joined = _make_range(t, prev, m, prev.value, m.value, m.end)
                e = None if joined else BETWEEN_END.match(t, m.end)
                if e and _same_unit(prev, m) and prev.value <= m.value:
                    joined = _make_range(t, prev, m, prev.value, m.value, e.end())
            if joined is not None:
                out[-1] = replace(joined, text=text[joined.start:joined.end])
                continue
        out.append(m)
    return out


def _same_unit(a: NumberMention, b: NumberMention) -> bool:
    return not a.unit or not b.unit or a.unit == b.unit


def _bounds_range(t: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    if not _same_unit(a, b):
        return None
    lows = ("over", "at_least")
    highs = ("under", "at_most")
    if a.qualifier in lows and b.qualifier in highs:
        lo, hi = a.lower, b.upper
    elif a.qualifier in highs and b.qualifier in lows:
        lo, hi = b.lower, a.upper
    else:
        return None
    if lo is None or hi is None or lo > hi:
        return None
    return _make_range(t, a, b, lo, hi, b.end)


def _make_range(t: str, a: NumberMention, b: NumberMention, lo, hi, end: int) -> NumberMention:
    u = b if b.unit else a
    return NumberMention(a.start, end, t[a.start:end], u.kind, lo, u.unit, "range", lo, hi,
                         per=u.per, unit_written=a.unit_written or b.unit_written,
                         chinese=a.chinese and b.chinese, number_start=a.number_start)


def _minus_is_sign(t: str, k: int) -> bool:
    """Whether the minus or 负 at ``k`` is a sign, not a dash between two numbers."""
    if t[k] in NEGATIVE:
        return True
    j = k - 1
    while j >= 0 and t[j] in SPACE:
        j -= 1
    if j < 0:
        return True
    if t[j] in MINUS or t[j] == ".":
        return False  # --9, ...9
    c = t[j]
    return not (c.isascii() and c.isalnum() or c in "%‰" or c in DIGITS or c in UNITS or c in MAGNITUDES)


def _special_at(t: str, i: int) -> NumberMention | None:
    for w in _SPECIAL_LONGEST:
        if t.startswith(w, i):
            s = SPECIAL_WORDS[w]
            nxt = t[i + len(w):i + len(w) + 1]
            if i > 0 and t[i - 1] in s.get("not_after", "") or nxt and nxt in s.get("not_before", ""):
                continue
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
    if t[j:j + 1] not in _SPACE_SET:
        return j
    k, n = j, len(t)
    while k < n and k - j < limit and t[k] in SPACE:
        k += 1
    return k


def _mention_at(t: str, i: int, signed: bool = True) -> NumberMention | None:
    num = scan_numeral(t, i)
    if num is None:
        return None
    n = len(t)
    # percent written before the number: 百分之三十, 千分之五, 百 分 之 五, 百万分之五
    if i > 0 and t[i - 1] in "之 \u00a0\u3000":
        lead = PERCENT_LEAD.search(t[max(0, i - 14):i])
        if lead is not None:
            return _fraction_percent(t, i - len(lead.group()), num, lead.group(1))
    # rank: 第一位, 排名第2, 前三
    if i > 0 and t[i - 1] == "第":
        return _rank(t, i - 1, num) or _ordinal_between(t, i - 1, num)
    # a fraction: 三分之一, 3又一千分之23
    frac = _fraction(t, num)
    if frac is not None:
        return _signed(t, i, frac) if signed else frac
    start = i
    rule = "exact"
    pre = Q.prefix_before(t, i)
    if pre and (pre not in Q.MAGNITUDE_ONLY or num.bare):
        rule, start = Q.PREFIX[pre], i - Q.prefix_len(t, i, pre)
    if num.bare and not pre:
        return None  # 千, 万 alone are numbers only after 近/逾/上/数 (近千种, 上万人)
    if num.end - num.start == 1 and num.end < n and t[num.end] in SPACE:
        num = _spaced_discount(t, num)
    value = num.value
    if num.over:
        rule = rule if rule not in ("exact", "at_most_if_suffix") else "over_k"
    if num.vague:
        rule = "vague_k"
    j = num.end
    # 多/余 between the number and its unit (2100多种, 5万多个, 十几个)
    k = _skip_space(t, j)
    if k < n and t[k] in "多余几幾餘" and not (t[k] in "余餘" and t.startswith("额", k + 1)):
        if t[k] in "几幾":
            rule = "vague_k"
        elif rule in ("exact", "at_most_if_suffix"):
            rule = "over_k"
        j = k + 1
    k = _skip_space(t, j)
    unit = match_unit(t, k)
    if unit is not None and t[k + len(unit.surface):k + len(unit.surface) + 1] in NOUN_AFTER_UNIT.get(unit.surface, ()):
        unit = None
    if unit is None and k < n and t[k] in "两兩" and num.chinese and not num.digit_string \
            and t[k - 1] in UNITS or k < n and t[k] in "两兩" and t[k - 1] in MAGNITUDES:
        unit = Unit(t[k], "quantity", "两")  # 两 after a number is the mass unit (两万两)
    elif unit is None and k < n and t[k] in "两兩" and num.chinese and k == num.end and not num.arabic \
            and t[k - 1] not in "两兩" \
            and match_unit(t, k + 1) is None and not (k + 1 < n and (t[k + 1] in DIGITS or t[k + 1] in UNITS)):
        unit = Unit(t[k], "quantity", "两")  # 二两, 三两 (一两个 is one or two)
    if unit is not None and unit.surface in ("个", "個") and t.startswith("多月", k + 1):
        unit = Unit(t[k] + "多月", "duration", "月")
        rule = "over_k" if rule == "exact" else rule
    if unit is not None and unit.kind == "duration" and unit.surface == "年" and _looks_like_year(num):
        return None  # 2020年 is a date, handled by the date scanner
    if unit is None and _word_part(t, num):
        return None  # 一切, 四川, 两两, 队伍, 美味十足: numeral characters inside a word
    if unit is not None and num.end - num.start == 1 and num.chinese and i > 0 \
            and _in_formal_word(t, i):
        return None  # 登陆部队
    if unit is not None:
        j = k + len(unit.surface)
    scale = unit.scale if unit is not None else Decimal(1)
    if unit is not None and unit.surface == "折" and value >= 10:
        if not (value < 100 and (num.digit_string or num.arabic and num.decimals == 0)):
            return None  # 十折 is not a discount
        scale = Decimal(1)  # 五五折, 75折: 55 %, 75 %
    if unit is not None:
        value = _EXACT.multiply(value, scale)
        # 两米半, 三成半; 七成六
        if j < n and t[j] == HALF:
            value, j = value + scale / 2, j + 1
        elif unit.surface in ("成", "折") and not num.digit_string:
            d = _skip_space(t, j)
            if d < n and t[d] in DIGITS and t[d] not in "两兩" and not (
                    d + 1 < n and (t[d + 1] in UNITS or t[d + 1] in MAGNITUDES or t[d + 1] in DIGITS)):
                value, j = value + DIGITS[t[d]], d + 1
        if unit.kind == "money" and unit.unit in SUBUNITS:
            value, j = _coins(t, j, value, SUBUNITS[unit.unit])
    per = None
    if unit is not None and j < n and t[j] == "/":
        per = per_at(t, j)
        if per is not None:
            j += 1 + len(per)
    # suffix qualifier after the unit: 6600万人以上, 15%左右, 5.5%以内, 1200 或以上
    suf = Q.suffix_at(t, j)
    if suf is None and j < n and t[j] in SPACE:
        k2 = _skip_space(t, j)
        suf = Q.suffix_at(t, k2)
        if suf is not None and suf not in ("多", "余", "有余", "餘"):
            j = k2
        else:
            suf = None
    if suf and suf not in ("多", "余", "有余"):
        rule = Q.SUFFIX[suf] if rule in ("exact", "at_most_if_suffix", "over_k") or Q.SUFFIX[suf] == "at_most" else rule
        j += len(suf)
    elif suf and unit is not None and rule == "exact" and not _starts_word_after(t, j + len(suf)):
        rule = "over_k"  # 3万元多 (rare)
        j += len(suf)
    if rule == "at_most_if_suffix":
        rule = "exact"
    # a comparison: 比三十大, 比 170 低
    if rule == "exact" and start > 0 and COMPARE_BEFORE.search(t, max(0, start - 3), start):
        c = COMPARE_AFTER.match(t, j)
        if c:
            rule, j = COMPARE_RULE[c.group(1)], c.end()
            start = COMPARE_BEFORE.search(t, max(0, start - 3), start).start()
    # a range: 20～30万元, 3至5个, 10%-15%
    dash_at = _skip_space(t, j, 1)
    if dash_at < n and t[dash_at] in RANGE_DASH and rule == "exact":
        rng = _range(t, start, num, unit, dash_at)
        if rng is not None:
            return _signed(t, i, rng) if signed and start == i else rng
    kind, unit_s = ("number", "") if unit is None else (unit.kind, unit.unit)
    if unit is None and i > 0 and t[i - 1] in CURRENCY_SIGN and start == i:
        kind, unit_s, start = "money", CURRENCY_SIGN[t[i - 1]], i - 1
    value = to_plain(value)
    lo, hi = Q.bounds(rule, value)
    m = NumberMention(start, j, t[start:j], kind, value, unit_s, Q.QUALIFIER[rule],
                      lo, hi, per=per, optional=rule in ("vague", "vague_k"),
                      unit_written=unit is not None, chinese=num.chinese and not num.arabic,
                      bare=num.bare, number_start=i)
    return _signed(t, i, m) if signed and start == i else m


# characters that stand next to a single numeral without making a word with it (这是五那是四)
STANDALONE = set(table("numerals")["standalone"]["chars"])
CJK_WORD = re.compile(r"[\u4e00-\u9fff]")


def _word_part(t: str, num: Numeral) -> bool:
    """A Chinese numeral without a unit that is part of a word: one numeral character
    before another Chinese character (一切, 四川) or next to another numeral character that
    does not join it (两两), a formal character after a Chinese character (队伍, 收拾), or a
    string of digit characters inside a word (阳光九九)."""
    if not num.chinese or num.arabic:
        return False
    a, b = num.start, num.end
    before = t[a - 1] if a > 0 else ""
    after = t[b] if b < len(t) else ""
    if after and (after in STANDALONE or after in RANGE_DASH or Q.suffix_at(t, b)
                  or after == "分" and FRACTION_OF.match(t, b)):
        after = ""  # 分之 without a numerator (二分之。): the denominator alone is the number
    if before and before in STANDALONE:
        before = ""
    if b - a == 1:
        if after and CJK_WORD.match(after):
            return True
        if before and (before in DIGITS or before in UNITS):
            return True
        if t[a] in FORMAL and before and CJK_WORD.match(before):  # 收拾, 放肆: no unit after
            return True
    if num.digit_string and (before and CJK_WORD.match(before) and before not in "第" or after and CJK_WORD.match(after)):
        return True
    return False


def _digit_at(t: str, k: int) -> Decimal | None:
    """The value of a single digit (Arabic or Chinese, not 两) at ``k`` that no other digit
    follows, else None."""
    if k >= len(t):
        return None
    c = t[k]
    if "0" <= c <= "9":
        v = Decimal(c)
    elif c in DIGITS and c not in "两兩":
        v = Decimal(DIGITS[c])
    else:
        return None
    nxt = t[k + 1:k + 2]
    if nxt and ("0" <= nxt <= "9" or nxt in DIGITS or nxt in UNITS or nxt in MAGNITUDES):
        return None
    return v


def _spaced_discount(t: str, num: Numeral) -> Numeral:
    """Two single digits written apart before 折 are one discount (7 2 折, 九 九 折: 72 %, 99 %):
    ``num`` read as a two-digit string, else ``num`` unchanged."""
    d1 = _digit_at(t, num.start)
    if d1 is None or d1 == 0:
        return num
    k = _skip_space(t, num.end, 1)
    d2 = _digit_at(t, k)
    if d2 is None:
        return num
    z = _skip_space(t, k + 1, 1)
    unit = match_unit(t, z)
    if unit is None or unit.surface != "折" or t[z + 1:z + 2] in NOUN_AFTER_UNIT.get("折", ()):
        return num
    return replace(num, end=k + 1, value=d1 * 10 + d2, digit_string=True)


def _coins(t: str, j: int, value: Decimal, subunits: dict[str, Decimal]) -> tuple[Decimal, int]:
    """``value`` with the smaller coins written after the main money unit at ``j`` (五元三毛,
    50元6角三分, 两美元又三美分, 5元零5分): one digit and a coin each, in falling order."""
    n, k, end, last = len(t), j, j, None
    total = value
    while k < n:
        if t[k] in "又零" and k + 1 < n and _digit_at(t, k + 1) is not None:
            k += 1
        d = _digit_at(t, k)
        if d is None:
            break
        coin = next((s for s in _COINS_LONGEST if s in subunits and t.startswith(s, k + 1)), None)
        if coin is None or last is not None and subunits[coin] >= last:
            break
        after = k + 1 + len(coin)
        if t[after:after + 1] in ("之", "钟", "鐘"):
            break  # 三分之一, 三分钟
        total, last, end, k = total + d * subunits[coin], subunits[coin], after, after
    return total, end


_COINS_LONGEST = sorted({s for subs in SUBUNITS.values() for s in subs}, key=len, reverse=True)


def _signed(t: str, i: int, m: NumberMention) -> NumberMention:
    """``m`` negated when a minus sign or 负 stands right before its number."""
    if i == 0 or not (t[i - 1] in NEGATIVE or t[i - 1] in MINUS and _minus_is_sign(t, i - 1)):
        return m
    if not isinstance(m.value, Decimal):
        return m
    neg = lambda v: None if v is None else to_plain(-v)  # noqa: E731
    return replace(m, start=i - 1, text=t[i - 1:m.end], value=neg(m.value), lower=neg(m.upper),
                   upper=neg(m.lower))


def _fraction(t: str, den: Numeral) -> NumberMention | None:
    """``den``分之``num`` (三分之一, 3 分 之 1), with a whole part before 又 (三百五十又三分之一)."""
    j = den.end
    f = FRACTION_OF.match(t, j) if j < len(t) and t[j] in "分 \u3000\u00a0" else None
    if f is None:
        if j < len(t) and t[j] in "又 \u3000\u00a0":
            x = MIXED_FRACTION.match(t, j)
            if x:
                d2 = scan_numeral(t, x.end())
                part = _fraction(t, d2) if d2 is not None and not d2.bare else None
                if part is not None and part.lower is not None:
                    v = to_plain(den.value + part.value)
                    return replace(part, start=den.start, text=t[den.start:part.end], value=v, lower=v,
                                   upper=v, number_start=den.start)
        return None
    k = f.end()
    negative = k < len(t) and t[k] in NEGATIVE
    numer = scan_numeral(t, k + negative)
    if numer is None or numer.bare or den.value == 0:
        return None
    if den.bare:  # 百分之五, 百 分 之 五, 百万分之五: a percent
        return _fraction_percent(t, den.start, numer, "", den.value)
    v = numer.value / den.value
    if negative:
        v = -v
    v = to_plain(v)
    return _qualified(t, NumberMention(den.start, numer.end, t[den.start:numer.end], "number", v, "", "exact",
                                       v, v, unit_written=False, chinese=den.chinese, number_start=den.start))


def _qualified(t: str, m: NumberMention) -> NumberMention:
    """``m`` with the qualifier words around it (超过1/2, 比四分之一大)."""
    rule, start, end = "exact", m.start, m.end
    pre = Q.prefix_before(t, start)
    if pre and pre not in Q.MAGNITUDE_ONLY:
        rule, start = Q.PREFIX[pre], start - Q.prefix_len(t, start, pre)
    else:
        c = COMPARE_AFTER.match(t, end)
        b = COMPARE_BEFORE.search(t, max(0, start - 3), start)
        if b and c:
            rule, start, end = COMPARE_RULE[c.group(1)], b.start(), c.end()
    suf = Q.suffix_at(t, end)
    if suf and suf not in ("多", "余", "有余"):
        rule, end = Q.SUFFIX[suf], end + len(suf)
    if rule in ("exact", "at_most_if_suffix"):
        return m
    lo, hi = Q.bounds(rule, m.value)
    return replace(m, start=start, end=end, text=t[start:end], qualifier=Q.QUALIFIER[rule], lower=lo, upper=hi)


def _starts_word_after(t: str, j: int) -> bool:
    return j < len(t) and "\u4e00" <= t[j] <= "\u9fff"


def _looks_like_year(num: Numeral) -> bool:
    return (num.decimals == 0 and 1800 <= num.value <= 2100 and not num.magnitude) or num.digit_string


def _fraction_percent(t: str, start: int, num: Numeral, lead: str, den_value: Decimal | None = None) -> NumberMention:
    """百分之X, 千分之X, 万分之X, 百万分之X: X parts of the (bare) denominator, in percent."""
    if den_value is None:
        den = scan_numeral(lead, 0)
        den_value = den.value if den is not None and den.end == len(lead) else None
    scale = Decimal(100) / den_value if den_value else Decimal(1)
    value = to_plain(_EXACT.multiply(num.value, scale))
    j = num.end
    pre = Q.prefix_before(t, start)
    rule = Q.PREFIX[pre] if pre and pre not in Q.MAGNITUDE_ONLY else "exact"
    s0 = start - Q.prefix_len(t, start, pre) if rule != "exact" and pre else start
    suf = Q.suffix_at(t, j)
    if suf and suf not in ("多", "余", "有余"):
        rule, j = Q.SUFFIX[suf], j + len(suf)
    rule = "exact" if rule == "at_most_if_suffix" else rule
    lo, hi = Q.bounds(rule, value)
    m = NumberMention(s0, j, t[s0:j], "percent", value, "%", Q.QUALIFIER[rule], lo, hi,
                      chinese=num.chinese, number_start=num.start)
    return _signed(t, s0, m) if s0 == start else m


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


# 第十和第十五之间: a range of positions
ORDINAL_JOIN = re.compile(r"\s{0,2}(?:和|与|與|及|到|至)\s{0,2}第")


def _ordinal_between(t: str, di: int, num: Numeral) -> NumberMention | None:
    j = ORDINAL_JOIN.match(t, num.end)
    second = scan_numeral(t, j.end()) if j else None
    if second is None or second.bare:
        return None
    e = BETWEEN_END.match(t, second.end)
    lo, hi = num.value, second.value
    if e is None or lo > hi:
        return None
    return NumberMention(di, e.end(), t[di:e.end()], "rank", lo, "", "range", lo, hi,
                         unit_written=False, chinese=num.chinese and second.chinese, number_start=num.start)


def _range(t: str, start: int, first: Numeral, unit1: Unit | None, dash: int) -> NumberMention | None:
    k = _skip_space(t, dash + 1, 1)
    second = _mention_at(t, k, signed=False) if k < len(t) else None
    if second is None or second.kind == "date":
        return None
    if second.kind == "number" and unit1 is None and (_looks_like_year(first) or t[dash] not in "至到~～"
                                                      and not first.arabic):
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
        lo = to_plain(_EXACT.multiply(lo, scale))
    if lo > hi:
        return None
    return NumberMention(start, second.end, t[start:second.end], second.kind, lo, second.unit,
                         "range", lo, hi, per=second.per, chinese=first.chinese and second.chinese,
                         number_start=first.start)


def _mantissa(t: str, m: NumberMention) -> Decimal:
    """The value of the numeral of ``m`` before its magnitude (30 in 30万元)."""
    j = m.number_start
    k = j
    while k < len(t) and (t[k].isdigit() or t[k] in ".,kK" or t[k] in DIGITS or t[k] in UNITS):
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
