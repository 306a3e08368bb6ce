"""Number forms with a shape of their own, read by the steps of ``textmine.parse.reading``:
special words (一半, 翻一番), fractions (三分之一, 3/4), percents written before the number
(百分之三十), ranks (第一位), coins after money (五元三毛), spaced discounts (7 2 折); and
the test for a numeral that is part of a word (一切, 四川, 队伍). Words come from
``data/grammar.toml``, ``data/numerals.toml`` and ``data/specials.toml``."""
from __future__ import annotations

import decimal
import re
from dataclasses import replace
from decimal import Decimal

from . import qualifiers as Q
from .mention import GRAMMAR, MINUS, NEGATIVE, NumberMention, minus_is_sign, qualified, \
    signed, skip_space, suffix_rule
from .numerals import DIGITS, INNER_SPACE, LIANG, MAGNITUDES, SUFFIX_SCALE, UNITS, Numeral, scan_numeral, \
    to_plain
from .qualifiers import AT_MOST_IF_SUFFIX, EXACT, OVER_K, QUALIFIER
from .tables import table
from .units import SUBUNITS, match_unit

# exact arithmetic for any number a report can hold (the default context rounds to 28 digits)
EXACT_MATH = decimal.Context(prec=80, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)  # no overflow on any digit run

_S = table("specials")
SPECIAL_WORDS: dict[str, dict] = _S["words"]  # 一半, 翻一番, ...
_SPECIALS_BY_FIRST: dict[str, list[str]] = {}
for _w in sorted(SPECIAL_WORDS, key=len, reverse=True):  # the longest word first
    _SPECIALS_BY_FIRST.setdefault(_w[0], []).append(_w)
SPECIAL_FIRST = frozenset(_SPECIALS_BY_FIRST)
NOUN_AFTER_UNIT = {k: set(v) for k, v in _S["noun_after_unit"].items()}  # 人口: 人 is not a unit
_UNIT_BEFORE = {k: tuple(v) for k, v in _S["unit_before"].items()}  # 名义务兵: 名 is


def starts_noun(t: str, unit: str, end: int) -> bool:
    """Whether the measure word ``unit``, ending at ``end`` of ``t``, starts a noun instead
    (13亿多人口), not when a word it stands before follows (5万名义务兵: not 名义)."""
    return t[end:end + 1] in NOUN_AFTER_UNIT.get(unit, ()) and \
        not t.startswith(_UNIT_BEFORE.get(unit, ()), end)

_N = table("numerals")
# a Chinese numeral written with formal (financial) characters only is part of a word when a
# Chinese character stands right before it (队伍, 放肆, 大陆, 收拾)
FORMAL = frozenset(_N["formal"]["chars"])
FORMAL_WORDS = frozenset(_N["formal"]["words"])
# characters that stand next to a single numeral without making a word with it (这是五那是四)
STANDALONE = frozenset(_N["standalone"]["chars"])
CJK_WORD = re.compile(r"[\u4e00-\u9fff]")

RANGE_DASH = frozenset(GRAMMAR["range"]["dashes"])
_SP = "[ \u00a0\u3000]{0,2}"
_SPACE_CHARS = " \u3000\u00a0"
_F = GRAMMAR["fraction"]
# fractions: 三分之一, 二十五分之一百四十四, 百分之五 (a bare denominator is a percent sign)
FRACTION_OF = re.compile(_SP + _SP.join(map(re.escape, _F["of"])) + _SP)
_FRACTION_FIRST = frozenset(_F["of"][0] + _SPACE_CHARS)
PERCENT_LEAD = re.compile("([" + re.escape(_F["percent_denominators"]) + "]{1,4})" + FRACTION_OF.pattern + "$")
PERCENT_LEAD_LAST = frozenset(_F["of"][-1] + _SPACE_CHARS)
MIXED_FRACTION = re.compile(_SP + re.escape(_F["mixed"]) + _SP)
_MIXED_FIRST = frozenset(_F["mixed"] + _SPACE_CHARS)
FRACTION_FIRST = _FRACTION_FIRST | _MIXED_FIRST  # what may follow the numeral of a fraction
SLASH_FRACTION = re.compile(r"(?<![\d/.])(?:(\d{1,4})[ \u00a0]+)?(\d{1,6})[ \u00a0]?/[ \u00a0]?(\d{1,6})(?![\d/.])")

_R = GRAMMAR["rank"]
RANK_MARK: str = _R["marker"]  # 第
RANK_UNITS = frozenset(_R["units"])
_RANK_RANGE_JOINS = frozenset(_R["range_joins"])


def _lead(words: list[str]) -> tuple[re.Pattern, int]:
    """A ranking word, then maybe the field ranked (全国, 全省同类), at the end of a text; and
    how far back it can start."""
    scopes = sorted(_R["scopes"], key=len, reverse=True)
    pattern = "(?:%s)(?:%s)?$" % ("|".join(map(re.escape, words)), "|".join(map(re.escape, scopes)))
    return re.compile(pattern), max(map(len, words)) + max(map(len, scopes))


RANK_LEAD, _RANK_WINDOW = _lead(_R["lead_words"])
_RANK_LIST = re.compile(  # a rank before, in a list of ranks (第二、第七)
    f"{re.escape(RANK_MARK)}[\\d{re.escape(''.join(DIGITS))}{re.escape(''.join(UNITS))}]{{1,3}}"
    f"[{re.escape(_R['units'])}]?[{re.escape(_R['list_joins'])}]$")
TOP_MARK: str = _R["top_marker"]  # 前
_TOP_WORDS = [*_R["lead_words"], *_R["top_lead_words"]]
_TOP_LEAD, _TOP_WINDOW = _lead(_TOP_WORDS)
# (a ranking word of two characters or more before a field of its own naming: 排在中西部省份前三)
_TOP_FIELD = _R["top_field_len"]
_TOP_LEAD_FIELD = re.compile(r"(?:%s)[\u4e00-\u9fff]{1,%d}$" % (
    "|".join(w for w in _TOP_WORDS if len(w) > 1), _TOP_FIELD))
_BETWEEN = GRAMMAR["between"]
BETWEEN_JOINS = "|".join(map(re.escape, _BETWEEN["joins"]))
BETWEEN_END = re.compile(r"\s{0,2}(?:" + "|".join(map(re.escape, sorted(_BETWEEN["ends"], key=len, reverse=True))) + ")")
# 第十和第十五之间: a range of positions
ORDINAL_JOIN = re.compile(r"\s{0,2}(?:" + BETWEEN_JOINS + r")\s{0,2}" + re.escape(RANK_MARK))

_TENTHS = GRAMMAR["tenths"]
DISCOUNT: str = _TENTHS["discount"]  # 折
_COINS = GRAMMAR["coins"]
_COIN_JOINS = frozenset(_COINS["joins"])
_NOT_COIN = frozenset(_COINS["not_before"])
_COINS_LONGEST = sorted({s for subs in SUBUNITS.values() for s in subs}, key=len, reverse=True)


def in_formal_word(t: str, a: int) -> bool:
    """The formal numeral character at ``a`` belongs to an ordinary word (队伍, 收拾, 登陆)."""
    return t[max(0, a - 1):a + 1] in FORMAL_WORDS or t[a:a + 2] in FORMAL_WORDS


def special_at(t: str, i: int) -> NumberMention | None:
    """A special word at ``i`` (一半, 翻一番, 对折) with its qualifier words."""
    for w in _SPECIALS_BY_FIRST.get(t[i:i + 1], ()):
        if not t.startswith(w, i):
            continue
        s = SPECIAL_WORDS[w]
        nxt = t[i + len(w):i + len(w) + 1]
        if i > 0 and t[i - 1] in s.get("not_after", "") or nxt and nxt in s.get("not_before", ""):
            continue
        v = Decimal(str(s["value"]))
        pre = Q.prefix_before(t, i)
        rule = Q.PREFIX.get(pre, EXACT) if pre else Q.Rule(s.get("rule", "exact"))
        start = i - len(pre) if pre else i
        end = i + len(w)
        suf = Q.suffix_at(t, end)
        if suf and (Q.SUFFIX[suf] is not OVER_K or rule is EXACT and (
                over_k_ends(t, end + len(suf)) or _share_over_k(s["kind"], t, end))):
            rule, end = Q.SUFFIX[suf], end + len(suf)  # (翻了一番多, 一半多: more than that)
        lo, hi = Q.bounds(rule, v)
        return NumberMention(start, end, t[start:end], s["kind"], v, s["unit"],
                             QUALIFIER[rule], lo, hi, chinese=True, number_start=i)
    return None


def _share_over_k(kind: str, t: str, at: int) -> bool:
    """Whether a 多 at ``at`` after a share (一半多农户) means more than it: before a noun too,
    unless it begins a word of its own (一半多种…)."""
    return kind in _SHARE_OVER_K_KINDS and not t.startswith(_SHARE_OVER_K_NOT, at)


_SHARE_OVER_K_KINDS = frozenset(_S["share_over_k"]["kinds"])
_SHARE_OVER_K_NOT = tuple(_S["share_over_k"]["not_words"])


def over_k_ends(t: str, j: int) -> bool:
    """Whether a 多 or 余 ending at ``j`` ends the expression it follows: no Chinese word
    goes on from it (翻了一番多。, 3万元多; not 翻了一番多方面, 5万元多方筹措, where 多 begins a
    word), or a time word after a span follows it (一年多时间, 两年多的时间)."""
    return CJK_WORD.match(t, j) is None or t.startswith(Q.OVER_K_FOLLOWERS, j)


def slash_fraction(text: str, t: str, fm: re.Match) -> NumberMention:
    """A fraction in figures (3/4, 1 1/2) with its sign and qualifier words."""
    whole, a, b = fm.group(1), Decimal(fm.group(2)), Decimal(fm.group(3))
    v = a / b if b else Decimal(0)
    if whole:
        v += Decimal(whole)
    s0 = fm.start()
    if s0 > 0 and (t[s0 - 1] in MINUS or t[s0 - 1] in NEGATIVE) and minus_is_sign(t, s0 - 1):
        s0, v = s0 - 1, -v
    v = to_plain(v)
    m = qualified(t, NumberMention(s0, fm.end(), t[s0:fm.end()], "number", v, "", "exact", v, v,
                                   unit_written=False, number_start=fm.start()))
    return replace(m, text=text[m.start:m.end])


_TO_ONE = GRAMMAR["ratio_to_one"]
_COLON = re.escape(_TO_ONE["colons"])
RATIO_TO_ONE = re.compile(rf"(?<![\d.{_COLON}])(\d{{1,4}}(?:\.\d{{1,3}})?)[ \u00a0]?[{_COLON}]"
                          rf"[ \u00a0]?1(?![\d.{_COLON}])")
RATIO_TO_ONE_HINT = frozenset(_TO_ONE["colons"])


def ratio_to_one(text: str, t: str, rm: re.Match) -> NumberMention:
    """A ratio to one in figures (2.5:1): a multiple of the first number's value, with its
    qualifier words (2.5:1左右)."""
    v = to_plain(Decimal(rm.group(1)))
    m = qualified(t, NumberMention(rm.start(), rm.end(), t[rm.start():rm.end()], "ratio", v,
                                   _TO_ONE["unit"], "exact", v, v, number_start=rm.start()))
    return replace(m, text=text[m.start:m.end])


PAIR_DIGIT = {c: DIGITS[c] for c in GRAMMAR["pairs"]["digits"]}  # 八九亿, 三五百
PAIRS = frozenset(tuple(p) for p in GRAMMAR["pairs"]["pairs"])


def pair_percent(t: str, start: int, k: int, lead: str) -> NumberMention | None:
    """百分之二三十 (20 to 30 %), 百分之三四 (3 to 4 %): two digits side by side at ``k`` after the
    percent written before them (``lead``, its denominator) that starts at ``start``, the
    second the larger, and what follows the second for both; else None."""
    a, b = PAIR_DIGIT.get(t[k:k + 1]), PAIR_DIGIT.get(t[k + 1:k + 2])
    if a is None or b is None or (a, b) not in PAIRS:
        return None
    second = scan_numeral(t, k + 1)
    if second is None or second.bare or second.start != k + 1:
        return None
    scale = _percent_scale(lead)
    hi = to_plain(EXACT_MATH.multiply(second.value, scale))
    lo = to_plain(EXACT_MATH.multiply(second.value / b * a, scale))
    return NumberMention(start, second.end, t[start:second.end], "percent", lo, "%", "range",
                         lo, hi, chinese=True, number_start=k)


def fraction(t: str, den: Numeral) -> NumberMention | None:
    """``den``分之``num`` (三分之一, 3 分 之 1), with a whole part before 又 (三百五十又三分之一)."""
    j = den.end
    c = t[j:j + 1]
    if c not in FRACTION_FIRST:
        return None
    f = FRACTION_OF.match(t, j) if c in _FRACTION_FIRST else None
    if f is None:
        return _mixed_fraction(t, den) if c in _MIXED_FIRST else None
    k = f.end()
    negative = k < len(t) and t[k] in NEGATIVE
    numer = scan_numeral(t, k + negative)
    if numer is None or numer.bare or den.value == 0:
        return None
    if den.bare:  # 百分之五, 百 分 之 五, 百万分之五: a percent
        return fraction_percent(t, den.start, numer, "", den.value)
    v = numer.value / den.value
    if negative:
        v = -v
    v = to_plain(v)
    return qualified(t, NumberMention(den.start, numer.end, t[den.start:numer.end], "number", v, "", "exact",
                                      v, v, unit_written=False, chinese=den.chinese, number_start=den.start))


def _mixed_fraction(t: str, whole: Numeral) -> NumberMention | None:
    """``whole``又``fraction`` (3又一千分之23), or None."""
    x = MIXED_FRACTION.match(t, whole.end)
    if not x:
        return None
    d2 = scan_numeral(t, x.end())
    part = fraction(t, d2) if d2 is not None and not d2.bare else None
    if part is None or part.lower is None:
        return None
    v = to_plain(whole.value + part.value)
    return replace(part, start=whole.start, text=t[whole.start:part.end], value=v, lower=v,
                   upper=v, number_start=whole.start)


def fraction_percent(t: str, start: int, num: Numeral, lead: str, den_value: Decimal | None = None) -> NumberMention:
    """百分之X, 千分之X, 万分之X, 百万分之X: X parts of the (bare) denominator, in percent."""
    scale = _percent_scale(lead, den_value)
    value = to_plain(EXACT_MATH.multiply(num.value, scale))
    pre = Q.prefix_before(t, start)
    rule = Q.PREFIX[pre] if pre and pre not in Q.MAGNITUDE_ONLY else EXACT
    s0 = start - Q.prefix_len(t, start, pre) if rule is not EXACT and pre else start
    rule, j = suffix_rule(t, num.end, rule)
    rule = EXACT if rule is AT_MOST_IF_SUFFIX else rule
    lo, hi = Q.bounds(rule, value)
    m = NumberMention(s0, j, t[s0:j], "percent", value, "%", QUALIFIER[rule], lo, hi,
                      chinese=num.chinese, number_start=num.start)
    return signed(t, s0, m) if s0 == start else m


def _percent_scale(lead: str, den_value: Decimal | None = None) -> Decimal:
    """What one part of a percent written before the number is in percent: 100 over its
    denominator (``lead``, 百 or 千, or its value): 1 for 百分之, 0.1 for 千分之."""
    if den_value is None:
        den = scan_numeral(lead, 0)
        den_value = den.value if den is not None and den.end == len(lead) else None
    return Decimal(100) / den_value if den_value else Decimal(1)


def rank(t: str, di: int, num: Numeral) -> NumberMention | None:
    """第一位, 第2名, 排名第2 (名 by default after a ranking word); None for editions (第三届)."""
    led = RANK_LEAD.search(t[max(0, di - _RANK_WINDOW):di]) is not None or \
        _RANK_LIST.search(t, max(0, di - 8), di) is not None  # (居全国第二、第七)
    return _rank_range(t, di, num) or \
        _rank_mention(t, di, num, led, "exact")  # (第三届, 第二批: editions are none)


def _rank_range(t: str, di: int, num: Numeral) -> NumberMention | None:
    """第4至6位, 第四至第六名: a range of positions, its unit written after the second."""
    j = num.end
    if j >= len(t) or t[j] not in _RANK_RANGE_JOINS:
        return None
    k = j + 1 + t.startswith(RANK_MARK, j + 1)
    second = scan_numeral(t, k)
    if second is None or second.end >= len(t) or t[second.end] not in RANK_UNITS or \
            second.value <= num.value:
        return None
    e = second.end + 1
    return NumberMention(di, e, t[di:e], "rank", num.value, t[second.end], "range", num.value,
                         second.value, chinese=num.chinese and second.chinese,
                         number_start=num.start)


def top_rank(t: str, di: int, num: Numeral) -> NumberMention | None:
    """前三名, 位居全州前三, 跻身全省前十: a rank at most (名 by default after a ranking word);
    None for other words after 前 (前三季度, 前两年; 位居前三年: a span of years)."""
    led = (_TOP_LEAD.search(t[max(0, di - _TOP_WINDOW):di]) is not None or
           _TOP_LEAD_FIELD.search(t[max(0, di - _TOP_FIELD - 2):di]) is not None) and \
        not CJK_WORD.match(t, num.end)
    return _rank_mention(t, di, num, led, "at_most")


def _rank_mention(t: str, di: int, num: Numeral, led: bool, qualifier: str) -> NumberMention | None:
    """The rank from the marker at ``di`` through its unit (位, 名), or without one 名 when a
    ranking word leads to it (``led``); None when neither."""
    j = num.end
    unit = t[j] if j < len(t) and t[j] in RANK_UNITS else None
    if unit is None:
        if not led:
            return None
        unit, j = _R["default_unit"], j - 1  # 排名第2: a rank without a written unit takes 名
    j += 1
    v = num.value
    return NumberMention(di, j, t[di:j], "rank", v, unit, qualifier,
                         v if qualifier == "exact" else None, v, chinese=num.chinese,
                         number_start=num.start)


def ordinal_between(t: str, di: int, num: Numeral) -> NumberMention | None:
    """第十和第十五之间: a range of positions."""
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


def digit_at(t: str, k: int) -> Decimal | None:
    """The value of a single digit (Arabic or Chinese, not 两) at ``k`` that no other digit
    follows, else None."""
    if k >= len(t):
        return None
    c = t[k]
    if "0" <= c <= "9":
        v = Decimal(c)
    elif c in DIGITS and c not in LIANG:
        v = Decimal(DIGITS[c])
    else:
        return None
    nxt = t[k + 1:k + 2]
    if nxt and ("0" <= nxt <= "9" or nxt in DIGITS or nxt in UNITS or nxt in MAGNITUDES):
        return None
    return v


def spaced_discount(t: str, num: Numeral) -> Numeral:
    """Two single digits written apart before 折 are one discount (7 2 折, 九 九 折: 72 %, 99 %):
    ``num`` read as a two-digit string, else ``num`` unchanged."""
    d1 = digit_at(t, num.start)
    if d1 is None or d1 == 0:
        return num
    k = skip_space(t, num.end, 1)
    d2 = digit_at(t, k)
    if d2 is None:
        return num
    z = skip_space(t, k + 1, 1)
    unit = match_unit(t, z)
    if unit is None or unit.surface != DISCOUNT or starts_noun(t, DISCOUNT, z + 1):
        return num
    return replace(num, end=k + 1, value=d1 * 10 + d2, digit_string=True)


def coins(t: str, j: int, value: Decimal, subunits: dict[str, Decimal]) -> tuple[Decimal, int]:
    """``value`` with the smaller coins written after the main money unit at ``j`` (五元三毛,
    50元6角三分, 两美元又三美分, 5元零5分): one digit and a coin each, in falling order."""
    n, k, end, last = len(t), j, j, None
    total = value
    while k < n:
        if t[k] in _COIN_JOINS and k + 1 < n and digit_at(t, k + 1) is not None:
            k += 1
        d = digit_at(t, k)
        if d is None:
            break
        coin = next((s for s in _COINS_LONGEST if s in subunits and t.startswith(s, k + 1)), None)
        if coin is None or last is not None and subunits[coin] >= last:
            break
        after = k + 1 + len(coin)
        if t[after:after + 1] in _NOT_COIN:
            break  # 三分之一, 三分钟
        total, last, end, k = total + d * subunits[coin], subunits[coin], after, after
    return total, end


def _neighbours(t: str, num: Numeral) -> tuple[str, str]:
    """The characters right before and after ``num`` that could make a word with it ("" at
    the text's ends, and for characters that never do: 这是五, 三至五, 五以上, 二分之一)."""
    a, b = num.start, num.end
    before = t[a - 1] if a > 0 else ""
    after = t[b] if b < len(t) else ""
    if after and (after in STANDALONE or after in RANGE_DASH or Q.suffix_at(t, b)
                  or after == _F["of"][0] and FRACTION_OF.match(t, b)):
        after = ""  # 分之 without a numerator (二分之。): the denominator alone is the number
    if before in STANDALONE:
        before = ""
    return before, after


def word_part(t: str, num: Numeral) -> bool:
    """A Chinese numeral without a unit that is part of a word: one numeral character
    before another Chinese character (一切, 四川) or next to another numeral character that
    does not join it (两两), a formal character after a Chinese character (队伍, 收拾), or a
    string of digit characters inside a word (阳光九九)."""
    if not num.chinese or num.arabic:
        return False
    before, after = _neighbours(t, num)
    cjk_before = bool(before) and CJK_WORD.match(before) is not None
    cjk_after = bool(after) and CJK_WORD.match(after) is not None
    if num.end - num.start == 1:
        if cjk_after or before and (before in DIGITS or before in UNITS):
            return True
        if t[num.start] in FORMAL and cjk_before:  # 收拾, 放肆: no unit after
            return True
    return num.digit_string and (cjk_before and before != RANK_MARK or cjk_after)


def looks_like_year(num: Numeral) -> bool:
    return (num.decimals == 0 and 1800 <= num.value <= 2100 and not num.magnitude) or num.digit_string


def shared_scale(t: str, first: Numeral, second: NumberMention) -> Decimal:
    """What the magnitude written once, after the second end of a range, multiplies the first
    end by: 20～30万元, 一百二十到一百五十万元 (万), 10~15k元 (k), 八百到九百亿 (亿); where the
    second end has no magnitude, a lone unit after a lone digit (两到三千元, 两~3百) when the
    first end has no unit of its own. 1 where nothing is shared (1万-5万元, 10-15天)."""
    num2 = scan_numeral(t, second.number_start)
    if first.magnitude or num2 is None:
        return Decimal(1)
    written = "".join(c for c in t[num2.start:num2.end] if c not in INNER_SPACE)
    k = len(written)
    while k > 1 and (written[k - 1] in MAGNITUDES or written[k - 1] in SUFFIX_SCALE):
        k -= 1
    scale = Decimal(1)
    for c in written[k:]:
        scale *= MAGNITUDES.get(c) or SUFFIX_SCALE[c]
    if scale != 1:
        return scale
    lone_digit = len(written) == 2 or written[:-1].isdigit() and written[:-1].isascii()
    first_plain = not any(c in UNITS for c in t[first.start:first.end])
    if lone_digit and written[-1] in UNITS and UNITS[written[-1]] >= 100 and first_plain:
        return Decimal(UNITS[written[-1]])  # (not 十: 一到二十 is 1 to 20)
    return Decimal(1)
