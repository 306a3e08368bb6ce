"""The number grammar: a numeral at ``i`` read into one ``NumberMention`` by a short pipeline of
named steps over a small ``Reading`` state.

Each step looks at the reading so far and returns it (go on, perhaps changed), or a finished
mention, or None (no number expression here). ``STEPS`` is the precedence: a percent written
before the number, a rank and a fraction each read the whole expression their own way; then
prefix words, how the numeral is written, an inner 多/余, the unit, the value in it, a rate,
suffix words, a comparison and a range; ``_finish`` makes the mention of what is left.

>>> [(m.text, m.value, m.unit, m.qualifier) for m in map(lambda i: read_mention("超过600人", i), [2])]
[('超过600人', Decimal('600'), '人', 'over')]
>>> m = read_mention("融资290亿多元", 2); (m.text, m.lower, m.upper)
('290亿多元', Decimal('29000000000'), Decimal('30000000000'))
>>> m = read_mention("3至5个", 0); (m.qualifier, m.lower, m.upper)
('range', Decimal('3'), Decimal('5'))
>>> read_mention("一切", 0) is None  # a numeral inside a word
True
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Union

from . import qualifiers as Q
from .forms import CJK_WORD, EXACT_MATH, FRACTION_FIRST, PAIR_DIGIT, PAIRS, PERCENT_LEAD, PERCENT_LEAD_LAST, RANGE_DASH, \
    RANK_MARK, TOP_MARK, STANDALONE, coins, fraction, fraction_percent, in_formal_word, looks_like_year, ordinal_between, \
    pair_percent, rank, top_rank, over_k_ends, shared_scale, spaced_discount, starts_noun, word_part
from .mention import COMPARE_AFTER, COMPARE_BEFORE, COMPARE_RULE, COMPARE_WORD, GRAMMAR, SIGNS, SPACE, NumberMention, \
    signed, skip_space
from .numerals import DIGITS, INNER_OVER, INNER_VAGUE, LIANG, LIANG_UNIT, MAGNITUDES, NUMERAL_CHARS, UNITS, \
    Numeral, scan_numeral, to_plain
from .qualifiers import ABOUT, AT_MOST, AT_MOST_IF_SUFFIX, EXACT, OVER_K, QUALIFIER, UNDECIDED, \
    VAGUE_K, VAGUE_RULES, Rule
from .units import COLLOQUIAL_MONEY, CURRENCY, CURRENCY_NAMES, SUBUNITS, UNITS as UNIT_WORDS, Unit, \
    match_unit, money_unit, per_at

HALF: str = GRAMMAR["signs"]["half"]  # 两米半
CURRENCY_SIGN: dict[str, str] = GRAMMAR["currency_signs"]  # $20, ￥300
WORD_DASHES = frozenset(GRAMMAR["range"]["word_dashes"])
_INNER = frozenset(INNER_OVER) | frozenset(INNER_VAGUE)
_INNER_NOT_BEFORE = {c: frozenset(v) for c, v in GRAMMAR["inner"]["not_before"].items()}  # 余额
_OVER_UNITS: dict[str, str] = GRAMMAR["inner"]["over_units"]  # 3个多月
_HALF_UNITS: dict[str, str] = GRAMMAR["inner"]["half_units"]  # 6个半小时
_MEASURE_WORDS = frozenset(GRAMMAR["inner"]["measure_before_magnitude"])  # (个, 個)
_OVER_UNIT_FIRST = frozenset(w[0] for w in _OVER_UNITS)
_TENTHS = frozenset(GRAMMAR["tenths"]["units"])  # 七成六
DISCOUNT: str = GRAMMAR["tenths"]["discount"]  # 五五折
YEAR_UNIT: str = GRAMMAR["year"]["unit"]
_MEASURE_MAGNITUDE = frozenset(GRAMMAR["inner"]["measure_before_magnitude"])  # 两个亿
_DOUBLED = frozenset(GRAMMAR["range"]["doubled"])  # 1万元--5万元
_INCLUSIVE: tuple[str, ...] = tuple(GRAMMAR["range"]["inclusive"])  # 1万(含)-5万元
_INCLUSIVE_FIRST = frozenset(w[0] for w in _INCLUSIVE)
# what may stand right after the reading for a step to find anything (a space: what comes after
# it); a step returns at once on anything else, most numbers being followed by none of these
_SPACES = frozenset(SPACE)
_INNER_NEXT = _INNER | _SPACES
_MEASURE_NEXT = _MEASURE_MAGNITUDE | _SPACES
_RANGE_NEXT = RANGE_DASH | _INCLUSIVE_FIRST | _SPACES
# the currency words by their first and by their last character, each in CURRENCY_NAMES' order
_CURRENCY_BY_FIRST: dict[str, tuple[str, ...]] = {}
_CURRENCY_BY_LAST: dict[str, tuple[str, ...]] = {}
for _w in CURRENCY_NAMES:
    _CURRENCY_BY_FIRST[_w[0]] = _CURRENCY_BY_FIRST.get(_w[0], ()) + (_w,)
    _CURRENCY_BY_LAST[_w[-1]] = _CURRENCY_BY_LAST.get(_w[-1], ()) + (_w,)
# 多/余 after 约 (大约十多欧元): the 多 range, as JioNLP reads it (the contract is silent)
_OVER_REPLACES = UNDECIDED | {ABOUT}
# longest match of PERCENT_LEAD: four denominator characters, 分之 and two spaces around each
_LEAD_WINDOW = 4 + len(GRAMMAR["fraction"]["of"]) + 2 * (len(GRAMMAR["fraction"]["of"]) + 1)


@dataclass(slots=True)
class Reading:
    """What is known of the number expression whose numeral starts at ``i``."""
    t: str  # the width-folded text
    i: int  # where the numeral starts
    num: Numeral
    may_sign: bool  # a minus or 负 right before the numeral negates it (not a range's second end)
    start: int = 0  # where the mention starts (prefix words included)
    end: int = 0  # how far the reading has got
    rule: Rule = Rule.EXACT
    value: Decimal = Decimal(0)
    unit: Unit | None = None
    per: str | None = None


Outcome = Union[Reading, NumberMention, None]


# A lone Chinese digit inside a word (一些, 进一步, 统一, “三保障”) is no number, and reading
# it through every step costs as much as reading a number. The steps' own tables say when that
# is sure (``in_word``): the digit (not 十/百/万, which read differently) stands after neither 第
# (a rank) nor 之 or a space (百分之五), and a Chinese character follows it that neither
# continues the numeral nor starts anything read after one: a unit, 多/余/几, 分之 or 又
# (a fraction), 个亿, a suffix word (以上), a range dash, or a character that stands apart
# from a numeral (这是五); so ``_unit`` finds no unit and ``word_part`` holds.
_LONE_DIGITS = frozenset(DIGITS) - frozenset(UNITS) - frozenset(MAGNITUDES)
_NOT_IN_WORD_AFTER = frozenset().union(
    NUMERAL_CHARS, FRACTION_FIRST, _MEASURE_MAGNITUDE, (w[0] for w in UNIT_WORDS), LIANG, STANDALONE,
    RANGE_DASH, Q.SUFFIX_FIRST)
_NOT_IN_WORD_BEFORE = PERCENT_LEAD_LAST | {RANK_MARK}


def in_word(t: str, i: int) -> bool:
    """Whether ``t[i]`` is a lone Chinese digit inside a word, so that ``read_mention(t, i)``
    is None (a cheap test before the grammar: ``tests/test_parse_properties.py`` checks it
    against the grammar on random text)."""
    if t[i] not in _LONE_DIGITS:
        return False
    x = t[i + 1:i + 2]
    return x not in _NOT_IN_WORD_AFTER and CJK_WORD.match(x) is not None and (
        i == 0 or t[i - 1] not in _NOT_IN_WORD_BEFORE)


def read_mention(t: str, i: int, may_sign: bool = True) -> NumberMention | None:
    """The number expression whose numeral starts at ``i`` of the folded text ``t``, or None."""
    if t[i] in PAIR_DIGIT and t[i + 1:i + 2] in PAIR_DIGIT:
        pair = _percent_pair(t, i) or _pair(t, i)
        if pair is not None:
            return pair
    num = scan_numeral(t, i)
    if num is None:
        return None
    r = Reading(t, i, num, may_sign)
    for step in STEPS:
        out = step(r)
        if out is not r:
            return out
    return _finish(r)


# ---------------------------------------------------------------- forms that read the whole expression

def _lead_word(r: Reading) -> Outcome:
    """A word right before the numeral that makes it another form: 百分之三十, 千分之五,
    百万分之五 (a percent written before the number); 第一位, 排名第2, 第十和第十五之间 (a
    rank; 第三届 is none)."""
    t, i = r.t, r.i
    before = t[i - 1] if i > 0 else ""
    if before in PERCENT_LEAD_LAST:
        lead = PERCENT_LEAD.search(t[max(0, i - _LEAD_WINDOW):i])
        if lead is not None:
            return fraction_percent(t, i - len(lead.group()), r.num, lead.group(1))
    elif before == RANK_MARK:
        return rank(t, i - 1, r.num) or ordinal_between(t, i - 1, r.num)
    elif before == TOP_MARK:
        return top_rank(t, i - 1, r.num) or r
    return r


def _fraction(r: Reading) -> Outcome:
    """三分之一, 3又一千分之23."""
    if r.t[r.num.end:r.num.end + 1] not in FRACTION_FIRST:
        return r
    frac = fraction(r.t, r.num)
    if frac is None:
        return r
    return signed(r.t, r.i, frac) if r.may_sign else frac


# ---------------------------------------------------------------- the numeral and its unit

def _numeral(r: Reading) -> Outcome:
    """The numeral with a qualifier word before it (超过600人; 上/数 only before a bare
    magnitude: 上万人) and as it is written: two digits spaced before 折, an inner 多/余
    (113余亿), 几."""
    t, i, num = r.t, r.i, r.num
    r.start = i
    pre = Q.prefix_before(t, i)
    if pre and (pre not in Q.MAGNITUDE_ONLY or num.bare or _ten_alone(t, num)):
        r.rule, r.start = Q.PREFIX[pre], i - Q.prefix_len(t, i, pre)  # (数十家, 几十个 too)
    elif pre is None and i > 2 and (adverb := Q.adverb_before(t, i) or Q.phrase_bound_before(t, i)):
        r.rule = adverb  # (至少打造1个, 不低于低保标准的1.3倍: the words stay out of the span)
    if num.bare and not pre and not _inner_at(t, num.end, INNER_OVER):
        return None  # 千, 万 alone are numbers only after 近/逾/上/数 or before 余 (近千种, 上万人,
        #              百余家, 千余人)
    if num.end - num.start == 1 and num.end < len(t) and t[num.end] in SPACE:
        num = r.num = spaced_discount(t, num)
    r.value, r.end = num.value, num.end
    if num.over and r.rule in _OVER_REPLACES:
        r.rule = OVER_K
    if num.vague:
        r.rule = VAGUE_K
    return r


def _ten_alone(t: str, num) -> bool:
    """The numeral is the unit 十 alone, or before magnitudes only (数十家, 几十个, 数十亿元:
    tens, as 数百 is hundreds)."""
    return UNITS.get(t[num.start]) == 10 and all(c in MAGNITUDES for c in t[num.start + 1:num.end])


def _inner_at(t: str, k: int, chars) -> bool:
    """One of ``chars`` (多, 余, 几) at ``k`` as an inner word, not the start of a word (余额)."""
    return k < len(t) and t[k] in chars and t[k + 1:k + 2] not in _INNER_NOT_BEFORE.get(t[k], ())


def _inner_word(r: Reading) -> Outcome:
    """多/余/几 between the number and its unit (2100多种, 5万多个, 十几个; not 余额)."""
    t = r.t
    if t[r.end:r.end + 1] not in _INNER_NEXT:
        return r
    k = skip_space(t, r.end)
    if not _inner_at(t, k, _INNER):
        return r
    if t[k] in INNER_VAGUE:
        r.rule = VAGUE_K
    elif r.rule in _OVER_REPLACES:
        r.rule = OVER_K
    r.end = k + 1
    return r


def _measure_magnitude(r: Reading) -> Outcome:
    """两个亿, 几个万 (spoken): the measure word before a magnitude is none; 2亿."""
    t = r.t
    if t[r.end:r.end + 1] not in _MEASURE_NEXT:
        return r
    k = skip_space(t, r.end)
    if k + 1 < len(t) and t[k] in _MEASURE_MAGNITUDE and t[k + 1] in MAGNITUDES and not r.num.magnitude:
        r.value, r.end = r.value * MAGNITUDES[t[k + 1]], k + 2
    return r


def _unit(r: Reading) -> Outcome:
    """The unit or measure word after the number and the value in it; None where the numeral
    turns out to be a year (2020年, the date scanner's) or part of a word (一切, 登陆部队)."""
    t, i, num = r.t, r.i, r.num
    k = skip_space(t, r.end)
    unit = match_unit(t, k)
    if unit is not None and starts_noun(t, unit.surface, k + len(unit.surface)):
        unit = None  # 13亿多人口: 人 starts a noun
    if unit is None:
        unit = _liang_unit(t, k, num)
    elif t[k] in _OVER_UNIT_FIRST:
        over = next((w for w in _OVER_UNITS if t.startswith(w, k)), None)
        if over is not None:
            unit = Unit(over, "duration", _OVER_UNITS[over])  # 3个多月
            r.rule = OVER_K if r.rule is EXACT else r.rule
    if unit is None:
        return None if word_part(t, num) else r  # 一切, 四川, 两两, 队伍: numerals inside a word
    if unit.kind == "duration" and unit.surface == YEAR_UNIT and looks_like_year(num):
        return None  # 2020年 is a date, read by the date scanner
    if num.end - num.start == 1 and num.chinese and i > 0 and in_formal_word(t, i):
        return None  # 登陆部队
    r.unit, r.end = unit, k + len(unit.surface)
    return _unit_value(r)


def _liang_unit(t: str, k: int, num: Numeral) -> Unit | None:
    """两 after a number is the mass unit: 两万两, 三千两; 二两, 三两 (but 一两个 is one or two)."""
    n = len(t)
    if k >= n or t[k] not in LIANG:
        return None
    if t[k - 1] in MAGNITUDES or num.chinese and not num.digit_string and t[k - 1] in UNITS:
        return Unit(t[k], "quantity", LIANG_UNIT)
    if num.chinese and k == num.end and not num.arabic and t[k - 1] not in LIANG \
            and match_unit(t, k + 1) is None and not (k + 1 < n and (t[k + 1] in DIGITS or t[k + 1] in UNITS)):
        return Unit(t[k], "quantity", LIANG_UNIT)
    return None


def _unit_value(r: Reading) -> Outcome:
    """The value in the unit's scale (三成 = 30 %), with 半 (两米半), a tenth after 成/折 (七成六)
    and coins after money (五元三毛); None for a discount that is none (十折)."""
    unit, num, t = r.unit, r.num, r.t
    scale = unit.scale
    if unit.surface == DISCOUNT and r.value >= 10:
        if not (r.value < 100 and (num.digit_string or num.arabic and num.decimals == 0)):
            return None  # 十折 is not a discount
        scale = Decimal(1)  # 五五折, 75折: 55 %, 75 %
    r.value = EXACT_MATH.multiply(r.value, scale)
    if r.end < len(t) and t[r.end] == HALF:
        r.value, r.end = r.value + scale / 2, r.end + 1
        if unit.surface in _MEASURE_WORDS and \
                (time := next((w for w in _HALF_UNITS if t.startswith(w, r.end)), None)):
            r.unit, r.end = Unit(unit.surface + HALF + time, "duration", _HALF_UNITS[time]), r.end + len(time)
    elif unit.surface in _TENTHS and not num.digit_string:
        r.value, r.end = _tenth(t, r.end, r.value)
    if unit.kind == "money" and unit.unit in SUBUNITS:
        r.value, r.end = coins(t, r.end, r.value, SUBUNITS[unit.unit])
    elif unit.surface in COLLOQUIAL_MONEY:  # 十块三毛: 块 is yuan where coins follow
        yuan = UNIT_WORDS[COLLOQUIAL_MONEY[unit.surface]]
        value, end = coins(t, r.end, r.value, SUBUNITS[yuan.unit])
        if end > r.end:
            r.unit, r.value, r.end = Unit(unit.surface, "money", yuan.unit, currency=yuan.currency), value, end
    return r


def _currency(r: Reading) -> Outcome:
    """A currency word right after 元 (三万元欧元, 9000元日币, 500元人民币) or right before the
    number (港币两千九百六十元, 新台币 177.1 亿元, 美元1.2亿) names the amount's currency."""
    t, unit = r.t, r.unit
    if unit is not None and unit.currency != "CNY":
        return r
    if unit is not None:  # (500元人民币 stays 500元: the word says what 元 says)
        after = next((w for w in _CURRENCY_BY_FIRST.get(t[r.end:r.end + 1], ()) if t.startswith(w, r.end)), None)
        if after is not None and money_unit(after).currency != unit.currency:
            r.unit, r.end = money_unit(after), r.end + len(after)
            return r
    s = r.start - 1 if r.start > 0 and t[r.start - 1] == " " else r.start
    words = _CURRENCY_BY_LAST.get(t[s - 1:s] if s > 0 else "")  # (mostly none: no generator made)
    before = None if words is None else next((w for w in words if t.startswith(w, s - len(w)) and s >= len(w)),
                                             None)
    if before is not None and (unit is None or money_unit(before).currency != unit.currency):
        r.unit, r.start = money_unit(before), s - len(before)
    return r


def _tenth(t: str, j: int, value: Decimal) -> tuple[Decimal, int]:
    """七成六: the digit after 成 or 折 added (one digit, not the start of another number)."""
    n = len(t)
    d = skip_space(t, j)
    if d < n and t[d] in DIGITS and t[d] not in LIANG and not (
            d + 1 < n and (t[d + 1] in UNITS or t[d + 1] in MAGNITUDES or t[d + 1] in DIGITS)):
        return value + DIGITS[t[d]], d + 1
    return value, j


def _per(r: Reading) -> Outcome:
    """A rate: 3.5万元/户, 1900元/生•年."""
    if r.unit is not None and r.end < len(r.t) and r.t[r.end] == "/":
        r.per = per_at(r.t, r.end)
        if r.per is not None:
            r.end += 1 + len(r.per)
    return r


# ---------------------------------------------------------------- words after the number

def _suffix(r: Reading) -> Outcome:
    """A qualifier word after the unit: 6600万人以上, 15%左右, 5.5%以内, 1200 或以上, 3万元多,
    一年多时间."""
    t, j = r.t, r.end
    suf = Q.suffix_at(t, j) if t[j:j + 1] in Q.SUFFIX_FIRST else None  # (mostly not: no call)
    if suf is None and j < len(t) and t[j] in SPACE:
        k = skip_space(t, j)
        suf = Q.suffix_at(t, k)
        if suf is not None and suf not in Q.OVER_K_SUFFIXES:
            j = k
        else:
            suf = None
    if suf and suf not in Q.OVER_K_SUFFIXES:
        if r.rule in UNDECIDED or r.rule is OVER_K or Q.SUFFIX[suf] is AT_MOST:
            r.rule = Q.SUFFIX[suf]
        j += len(suf)
    elif suf and r.unit is not None and r.rule is EXACT and over_k_ends(t, j + len(suf)):
        r.rule = OVER_K  # 3万元多 (rare)
        j += len(suf)
    elif suf is None and r.unit is not None and r.unit.kind == "duration" and r.rule is EXACT:
        j += _duration_suffix(r, t, j)
    if r.rule is AT_MOST_IF_SUFFIX:
        r.rule = EXACT
    r.end = j
    return r


def _duration_suffix(r: Reading, t: str, j: int) -> int:
    """The length of a suffix only a span of time takes (24小时内: at most), setting its
    rule; 0 when there is none."""
    for w, rule in Q.DURATION_SUFFIX.items():
        if t.startswith(w, j) and t[j + len(w):j + len(w) + 1] not in Q.DURATION_SUFFIX_NOT_BEFORE:
            r.rule = rule
            return len(w)
    return 0


def _comparison(r: Reading) -> Outcome:
    """比三十大, 比 170 低."""
    if r.rule is not EXACT or r.start == 0 or r.t.find(COMPARE_WORD, max(0, r.start - 3), r.start) < 0:
        return r  # (no 比 just before: no pattern search)
    b = COMPARE_BEFORE.search(r.t, max(0, r.start - 3), r.start)
    c = COMPARE_AFTER.match(r.t, r.end) if b else None
    if c:
        r.rule, r.end, r.start = COMPARE_RULE[c.group(1)], c.end(), b.start()
    return r


def _range_step(r: Reading) -> Outcome:
    """20～30万元, 3至5个, 10%-15%, 1万(含)-5万元."""
    t = r.t
    if t[r.end:r.end + 1] not in _RANGE_NEXT:
        return r
    dash = skip_space(t, r.end, 1)
    inclusive = next((w for w in _INCLUSIVE if t.startswith(w, dash)), "") if t[dash:dash + 1] in _INCLUSIVE_FIRST else ""
    dash = skip_space(t, dash + len(inclusive), 1)
    if dash >= len(t) or t[dash] not in RANGE_DASH or r.rule is not EXACT:
        return r
    rng = _range(t, r.start, r.num, r.unit, dash)
    if rng is None:
        return r
    return signed(t, r.i, rng) if r.may_sign and r.start == r.i else rng


def _range(t: str, start: int, first: Numeral, unit1: Unit | None, dash: int) -> NumberMention | None:
    k = dash + 2 if t[dash] in _DOUBLED and t[dash + 1:dash + 2] == t[dash] else dash + 1
    k = skip_space(t, k, 1)
    second = read_mention(t, k, may_sign=False) if k < len(t) else None
    if second is None or second.kind == "date":
        return None
    if second.kind == "number" and unit1 is None and (looks_like_year(first) or t[dash] not in WORD_DASHES
                                                      and not first.arabic):
        return None
    if second.qualifier != "exact" or second.kind == "rank":
        return None
    if unit1 is not None and unit1.kind != second.kind:
        return None
    lo = first.value
    hi = second.value
    if unit1 is None:
        # 20～30万元: the magnitude and unit written once apply to both ends (unless the first
        # is already the larger: 从8500到3万)
        scaled = to_plain(EXACT_MATH.multiply(lo, shared_scale(t, first, second)))
        lo = scaled if scaled <= hi else lo
    if lo > hi:
        return None
    return NumberMention(start, second.end, t[start:second.end], second.kind, lo, second.unit,
                         "range", lo, hi, per=second.per, chinese=first.chinese and second.chinese,
                         number_start=first.start, currency=second.currency)


def _percent_pair(t: str, i: int) -> NumberMention | None:
    """百分之二三十, 千分之三五: a pair of digits after a percent written before the number."""
    if i == 0 or t[i - 1] not in PERCENT_LEAD_LAST:
        return None
    lead = PERCENT_LEAD.search(t[max(0, i - _LEAD_WINDOW):i])
    return pair_percent(t, i - len(lead.group()), i, lead.group(1)) if lead is not None else None


def _pair(t: str, i: int) -> NumberMention | None:
    """八九亿 (8亿 to 9亿), 三五百块 (300 to 500), 七八个, 一两天: two digits side by side, the
    second the larger, and what follows the second (its magnitude, its unit) for both."""
    a, b = PAIR_DIGIT[t[i]], PAIR_DIGIT[t[i + 1]]
    if (a, b) not in PAIRS or i > 0 and (t[i - 1] in DIGITS or t[i - 1] in UNITS or t[i - 1] in MAGNITUDES):
        return None
    second = read_mention(t, i + 1, may_sign=False)
    num2 = scan_numeral(t, i + 1)
    if second is None or num2 is None or second.qualifier != "exact" or second.kind in ("date", "rank") \
            or not isinstance(second.value, Decimal) or second.number_start != i + 1:
        return None
    rest = t[num2.start + 1:num2.end]
    if not all(c in UNITS or c in MAGNITUDES for c in rest) or second.kind == "number" and not num2.magnitude:
        return None  # 一二三: a list; 五六亿20: another number; 八九: no unit, no magnitude
    lo, hi = to_plain(second.value / b * a), second.value
    return NumberMention(i, second.end, t[i:second.end], second.kind, lo, second.unit, "range", lo, hi,
                         per=second.per, chinese=True, number_start=i, currency=second.currency)


def _finish(r: Reading) -> NumberMention:
    """The mention of the reading; a currency sign before a number without a unit ($20)."""
    t, i, unit, start = r.t, r.i, r.unit, r.start
    kind, unit_s = ("number", "") if unit is None else (unit.kind, unit.unit)
    currency = None if unit is None else unit.currency
    if unit is None and i > 0 and t[i - 1] in CURRENCY_SIGN and start == i:
        kind, unit_s, start = "money", CURRENCY_SIGN[t[i - 1]], i - 1
        currency = CURRENCY.get(unit_s)
    value = to_plain(r.value)
    lo, hi = Q.bounds(r.rule, value)
    m = NumberMention(start, r.end, t[start:r.end], kind, value, unit_s, QUALIFIER[r.rule],
                      lo, hi, per=r.per, optional=r.rule in VAGUE_RULES,
                      unit_written=unit is not None, chinese=r.num.chinese and not r.num.arabic,
                      bare=r.num.bare, number_start=i, currency=currency)
    return signed(t, i, m) if r.may_sign and start == i and t[i - 1:i] in SIGNS else m


# the precedence of the grammar: the first step that finishes the reading decides
STEPS: tuple[Callable[[Reading], Outcome], ...] = (
    _lead_word, _fraction,  # forms that read the whole expression their own way
    _numeral, _inner_word, _measure_magnitude, _unit, _per, _currency,  # the numeral, its unit, a rate
    _suffix, _comparison, _range_step,  # words after it
)
