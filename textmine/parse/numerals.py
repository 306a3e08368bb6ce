"""Numerals: Arabic, full-width, Chinese (simple, financial, traditional) and mixed
(``5万``, ``1.2亿``, ``1亿3千多万``, ``三十万多亿``) -> ``Decimal``. No spaCy, no jieba.

``scan_numeral(text, i)`` reads the longest numeral starting at ``i`` and reports how it was
written (inner ``多``/``余``, magnitude words, a bare magnitude such as ``千`` in ``近千种``);
``parse_numeral(s)`` parses a whole string or returns ``None``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .tables import table

_T = table("numerals")
DIGITS: dict[str, int] = {ch: int(v) for v, chars in _T["digits"].items() for ch in chars}
UNITS: dict[str, int] = {ch: int(v) for v, chars in _T["units"].items() for ch in chars}
MAGNITUDES: dict[str, int] = {ch: int(v) for v, chars in _T["magnitudes"].items() for ch in chars}
# words that start with a unit character but are measure units, not numerals (千克, 百分点)
UNIT_WORDS = tuple(_T["unit_words"]["words"])
FRACTION_WORDS = tuple(w for w in UNIT_WORDS if not w.endswith("分之"))
INNER_OVER = set(_T["inner"]["over"])  # 多 余 between a number and its magnitude
INNER_VAGUE = set(_T["inner"]["vague"])  # 几

# Arabic digits with thousands separators (ASCII or full-width comma, already folded to ',')
# or thin/normal spaces between groups of three, and an optional decimal part.
ARABIC = re.compile(r"""
    \d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?     # 44,624 / 10,000.5
  | \d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d])(?:\.\d+)?   # 10 000 (groups of three only)
  | \d+(?:\.\d+)?                          # 1672 / 54.52
""", re.VERBOSE)


# written right after Arabic digits: 2e5, 1.2E-3, 2^5, 2.5^-1, 40k
ARABIC_SUFFIX = re.compile(r"[eE]([+-]?\d{1,3})(?![\dA-Za-z])|\^([+-]{0,2})(\d{1,3})(?!\d)| ?([kKM])(?![A-Za-z])")
_SUFFIX_SCALE = {"k": 1000, "K": 1000, "M": 1000000}  # 40k, 2.5 M
# the same without a decimal part: the groups of a dotted sequence (2.1.3, 10.20.30.1) are
# whole numbers each
ARABIC_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d])|\d+")


def _dotted(text: str, m: re.Match) -> bool:
    """Whether the decimal number ``m`` is one group of a dotted sequence (a point and a digit
    before or after it)."""
    a, b = m.start(), m.end()
    if text[b:b + 1] != "." and text[a - 1:a] != ".":
        return False
    return "." in m.group() and (text[b:b + 1] == "." and text[b + 1:b + 2].isdigit()
                                 or a >= 2 and text[a - 1] == "." and text[a - 2].isdigit())


# a decimal written without its leading zero (.5)
LEAD_POINT = re.compile(r"\.\d+")


@dataclass(frozen=True)
class Numeral:
    start: int
    end: int
    value: Decimal
    over: bool = False  # inner 多/余 (113余亿, 三十万多亿)
    vague: bool = False  # inner 几 (十几万)
    magnitude: bool = False  # holds 万/亿
    chinese: bool = False  # holds a Chinese digit or unit character
    arabic: bool = False
    bare: bool = False  # only unit/magnitude characters, no digit (千 in 近千种, 万 in 上万)
    digit_string: bool = False  # positional Chinese digits (二〇二〇)
    decimals: int = 0


def _by_first(words) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        out[w[0]] = out.get(w[0], ()) + (w,)
    return out


_UNIT_WORDS_BY_FIRST = _by_first(UNIT_WORDS)
_FRACTION_WORDS_BY_FIRST = _by_first(FRACTION_WORDS)


def _is_unit_word(text: str, i: int, after_number: bool = False) -> bool:
    """Whether a unit word (千克, 百分点, 百分之) starts at ``i``; after a number, ``百分之``
    is the denominator of a fraction (一百分之二), not a percent sign."""
    words = (_FRACTION_WORDS_BY_FIRST if after_number else _UNIT_WORDS_BY_FIRST).get(text[i:i + 1])
    if not words:
        return False
    for w in words:
        if text.startswith(w, i):
            return True
    return False


# spaces that may stand inside one numeral (一百 二 十, 7万 5千, 1000  万); not TAB (table cells)
INNER_SPACE = " \u00a0\u2009\u3000"
_MAX_SPACE = 3


def _skip_inner_space(text: str, pos: int) -> int:
    k = pos
    while k < len(text) and k - pos < _MAX_SPACE and text[k] in INNER_SPACE:
        k += 1
    return k


def _continues(text: str, k: int, last: str) -> bool:
    """Whether the numeral read so far (last token kind ``last``) goes on at ``text[k]``
    after inner spaces: a unit or magnitude after a number, a number after a unit or
    magnitude, a decimal point or an inner 多/余/几. Two numbers side by side do not join."""
    if k >= len(text):
        return False
    c = text[k]
    if c in UNITS and not _is_unit_word(text, k) or c in MAGNITUDES:
        return last in ("digit", "num", "unit", "mag")
    if c in DIGITS:
        return last in ("unit", "mag") and not (c in "两兩" and not _numeral_char_after(text, k + 1))
    if c.isdigit() and c.isascii():
        return last in ("unit", "mag")
    if c in POINT:
        j = _skip_inner_space(text, k + 1)
        return last in ("digit", "unit") and j < len(text) and text[j] in DIGITS
    if c in INNER_OVER or c in INNER_VAGUE:
        j = _skip_inner_space(text, k + 1)
        return j < len(text) and (text[j] in MAGNITUDES or text[j] in UNITS and last != "unit"
                                  and not _is_unit_word(text, j))
    return False


def _numeral_char_after(text: str, k: int) -> bool:
    k = _skip_inner_space(text, k)
    return k < len(text) and (text[k] in UNITS and not _is_unit_word(text, k) or text[k] in MAGNITUDES)


POINT = "点點"
_SEPARATORS = re.compile(r"[,\s\u00a0\u2009]")


# what may follow Arabic digits inside one numeral (7万, 1000 万, 十几, 2e5, 40k, 3.5)
_AFTER_ARABIC = frozenset(INNER_SPACE + "eE^kKM." + POINT) | frozenset(UNITS) | frozenset(MAGNITUDES) \
    | frozenset(DIGITS) | INNER_OVER | INNER_VAGUE
# what may follow a magnitude inside one numeral (5万3千, 1亿 5000万, 3万多)
_AFTER_MAGNITUDE = frozenset(INNER_SPACE + "0123456789") | frozenset(UNITS) | frozenset(MAGNITUDES) \
    | frozenset(DIGITS) | INNER_OVER | INNER_VAGUE
_scan_memo: list = [None, -1, None]


def scan_numeral(text: str, i: int) -> Numeral | None:
    """The longest numeral starting at ``i`` of a width-folded text, or None.

    Spaces may stand between the parts of one numeral (``一百 二 十``, ``7万 5千``); where
    the longer reading is not a well-formed numeral the scanner falls back to the part
    before the space (``10万 20万`` is two numbers)."""
    if _scan_memo[0] is text and _scan_memo[1] == i:
        return _scan_memo[2]
    c = text[i:i + 1]
    if "0" <= c <= "9":
        # fast path: Arabic digits followed by nothing that continues a numeral
        m = ARABIC.match(text, i)
        if _dotted(text, m):
            m = ARABIC_WHOLE.match(text, i)
        end = m.end()
        nxt = text[end:end + 1]
        if nxt not in _AFTER_ARABIC:
            num = _arabic_numeral(i, end, m.group(), None)
        elif nxt in MAGNITUDES and text[end + 1:end + 2] not in _AFTER_MAGNITUDE \
                and not _is_unit_word(text, end, True):
            # fast path: Arabic digits and one magnitude (3.2亿元, 15万人)
            num = _arabic_numeral(i, end + 1, m.group(), Decimal(MAGNITUDES[nxt]))
        else:
            num = _scan_numeral(text, i)
    else:
        num = _scan_numeral(text, i)
    _scan_memo[0], _scan_memo[1], _scan_memo[2] = text, i, num
    return num


def _arabic_numeral(i: int, end: int, raw: str, magnitude: Decimal | None) -> Numeral:
    """The numeral of Arabic digits ``raw`` (and one magnitude word) read as the scanner would."""
    if not raw.isdigit() and not raw.replace(".", "", 1).isdigit():
        raw = _SEPARATORS.sub("", raw)  # 44,624 / 10 000
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    v = Decimal(raw)
    # what _evaluate gives for [num] and [num, mag] (no exponent in v, so adding zero is a no-op)
    if magnitude is None:
        value = to_plain(v)
    else:
        value = to_plain(v * magnitude)  # 0万 is zero
    return Numeral(i, end, value, magnitude=magnitude is not None, arabic=True, decimals=decimals)


def _scan_numeral(text: str, i: int) -> Numeral | None:
    n = len(text)
    toks: list[tuple[str, Decimal]] = []
    pos = i
    over = vague = chinese = arabic = False
    decimals = 0
    cuts: list[tuple[int, int, bool, bool, bool, bool, int]] = []
    while pos < n:
        c = text[pos]
        if c in INNER_SPACE and toks:
            k = _skip_inner_space(text, pos)
            if _continues(text, k, toks[-1][0]):
                cuts.append((len(toks), pos, over, vague, chinese, arabic, decimals))
                pos = k
                continue
            break
        m = ARABIC.match(text, pos) if c.isdigit() and c.isascii() else None
        if m is not None and _dotted(text, m):
            m = ARABIC_WHOLE.match(text, pos)
        if m is None and c == "." and not toks and pos + 1 < n and text[pos + 1].isdigit() and (
                pos == 0 or not (text[pos - 1].isdigit() or text[pos - 1] == ".")):
            m = LEAD_POINT.match(text, pos)
        if m:
            if toks and toks[-1][0] == "num" or toks and toks[-1][0] == "digit" and toks[-1][1] != 0:
                break
            raw = m.group()
            if not raw.isdigit():
                raw = _SEPARATORS.sub("", raw)
            v = Decimal(raw)
            if "." in raw:
                decimals = len(raw.split(".")[1])
            pos = m.end()
            x = ARABIC_SUFFIX.match(text, pos)
            if x:
                v, pos = _arabic_suffix(v, x), x.end()
            toks.append(("num", v))
            arabic = True
            continue
        if c in DIGITS:
            if toks and toks[-1][0] == "num":
                break
            if c in "两兩" and toks and toks[-1][0] == "digit":
                break  # 一两个: one or two
            if c in "两兩" and toks and toks[-1][0] in ("unit", "mag") and not _numeral_char_after(text, pos + 1):
                break  # 两 after a number is the mass unit (两万两, 三千两百两)
            toks.append(("digit", Decimal(DIGITS[c])))
            chinese = True
            pos += 1
            continue
        if c in UNITS and (not _is_unit_word(text, pos, bool(toks)) or _inside_magnitude(toks, c)):
            if toks and toks[-1][0] == "unit" and toks[-1][1] <= UNITS[c]:
                break
            toks.append(("unit", Decimal(UNITS[c])))
            chinese = True
            pos += 1
            continue
        if c in MAGNITUDES and not _is_unit_word(text, pos, bool(toks)):
            toks.append(("mag", Decimal(MAGNITUDES[c])))
            pos += 1
            continue
        if (c in INNER_OVER or c in INNER_VAGUE) and toks and _continues(text, pos, toks[-1][0]):
            if c in INNER_OVER:
                over = True
            else:
                vague = True
            pos = _skip_inner_space(text, pos + 1)
            continue
        if c in POINT and toks and toks[-1][0] in ("digit", "unit"):
            # Chinese decimal: 两百点五, 三点五, 四百 点 五
            j = _skip_inner_space(text, pos + 1)
            frac = ""
            while j < n and text[j] in DIGITS and text[j] not in "两兩":
                frac += str(DIGITS[text[j]])
                j += 1
                k = _skip_inner_space(text, j)
                if k > j and k < n and text[k] in DIGITS and text[k] not in "两兩":
                    j = k
            if not frac:
                break
            toks.append(("frac", Decimal("0." + frac)))
            decimals = len(frac)
            pos = j
            break
        break
    while toks:
        kinds = [k for k, _ in toks]
        digit_string = kinds.count("digit") >= 2 and all(k == "digit" for k in kinds) and not cuts
        value = _evaluate(toks, digit_string)
        if value is not None:
            break
        if not cuts:
            return None
        ntok, pos, over, vague, chinese, arabic, decimals = cuts.pop()
        del toks[ntok:]
    if not toks:
        return None
    bare = not any(k in ("num", "digit") for k in kinds) and toks[0][1] >= 100
    return Numeral(i, pos, value, over=over, vague=vague, magnitude="mag" in kinds,
                   chinese=chinese, arabic=arabic, bare=bare, digit_string=digit_string,
                   decimals=decimals)


def _inside_magnitude(toks: list[tuple[str, Decimal]], c: str) -> bool:
    """Whether unit character ``c`` continues the numeral read so far even though a unit word
    starts with it: after a number under a larger magnitude (2万5 + 千公里 is 2万5千 公里,
    两万五 + 千米 is 两万五千 米), unlike 300千瓦 (300 kW) or 1万千公顷 (10,000 kha)."""
    if not toks or toks[-1][0] not in ("num", "digit"):
        return False
    v = UNITS[c]
    return any(k == "mag" or k == "unit" and u > v for k, u in toks[:-1])


def _arabic_suffix(v: Decimal, x: re.Match) -> Decimal:
    if x.group(1) is not None:
        return v.scaleb(int(x.group(1)))
    if x.group(3) is not None:
        exp = int(x.group(3)) * (-1 if x.group(2).count("-") % 2 else 1)
        return v ** exp if v or exp > 0 else v
    return v * _SUFFIX_SCALE[x.group(4)]


def _evaluate(toks: list[tuple[str, Decimal]], digit_string: bool) -> Decimal | None:
    """The value of numeral tokens, or None where they are not a well-formed numeral.

    Magnitudes multiply what stands before them down to the next larger magnitude
    (五兆六十二亿: 5e12 + 62e8; 三十万多亿: (30万)亿; 一万万: 1e8). A digit written last
    right after a unit or magnitude stands for the next lower place (二百五 = 250,
    一万三 = 13000, 两千三点一 = 2300.1); after 零 it is a unit digit (一百零五)."""
    if digit_string:
        return Decimal("".join(str(int(v)) for _, v in toks))
    terms: list[tuple[Decimal, Decimal]] = []  # (value, magnitude it was multiplied by)
    section = Decimal(0)
    sec_unit: Decimal | None = None
    number: Decimal | None = None
    zero = False
    last = len(toks) - 1
    while last > 0 and toks[last][0] == "frac":
        last -= 1
    for idx, (kind, v) in enumerate(toks):
        if kind == "num":
            if number is not None:
                return None
            number = v
        elif kind == "digit":
            if v == 0:
                if number is not None and idx > 0 and toks[idx - 1][0] == "num":
                    return None
                zero = True
                continue
            if number is not None and number != 0:
                return None  # two digits without a unit between them: not a numeral
            number = v
            if idx == last and idx > 0 and not zero and toks[idx - 1][0] in ("unit", "mag"):
                number = v * toks[idx - 1][1] / 10
        elif kind == "unit":
            if sec_unit is not None and v >= sec_unit:
                return None
            section += (number if number is not None else Decimal(1)) * v
            sec_unit, number, zero = v, None, False
        elif kind == "mag":
            part = section + (number or 0)
            inner = [t for t in terms if t[1] <= v]
            if inner:
                if part and (max(p for _, p in inner) >= v or part >= min(p for _, p in inner)):
                    return None  # 10万 20万: two numbers (一万五千亿 is one)
                part += sum(t for t, _ in inner)
                terms = [t for t in terms if t[1] > v]
            elif part == 0 and number is None:
                part = Decimal(1)  # 万 alone is ten thousand; 0万 stays zero
            terms.append((part * v, v))
            section, sec_unit, number, zero = Decimal(0), None, None, False
        elif kind == "frac":
            number = (number or 0) + v
    return to_plain(sum((t for t, _ in terms), Decimal(0)) + section + (number or 0))


def parse_numeral(s: str) -> Decimal | None:
    """The value of a string that is exactly one numeral, else None.

    >>> parse_numeral("一百二十万"), parse_numeral("1.2亿"), parse_numeral("两")
    (Decimal('1200000'), Decimal('120000000'), Decimal('2'))
    """
    s = fold_width(s.strip())
    if not s:
        return None
    num = scan_numeral(s, 0)
    if num is None or num.end != len(s):
        return None
    return to_plain(num.value)


def to_plain(v: Decimal) -> Decimal:
    """A Decimal without exponent notation (1.2E+8 -> 120000000)."""
    if v == v.to_integral_value():
        return Decimal(int(v))
    return v


# full-width ASCII (digits, letters, ％．，～－) -> ASCII, one character for one, so that
# offsets into the folded text are offsets into the original.
_WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20  # ideographic space
_WIDE_BUT_COMMA = {k: v for k, v in _WIDE.items() if k != 0xFF0C}
_HAS_WIDE = re.compile("[\uff01-\uff0b\uff0d-\uff5e\u3000]")  # a key of _WIDE_BUT_COMMA


def fold_width(text: str) -> str:
    """Fold full-width ASCII to ASCII, keeping length; the CJK comma between digit groups
    (``44，624``) becomes ``,`` only where it separates thousands."""
    t = text.translate(_WIDE_BUT_COMMA) if _HAS_WIDE.search(text) else text
    k = t.find("，")
    if k < 0:
        return t
    # the full-width comma is a thousands separator only between a digit and exactly three
    # digits (whether other commas are folded does not change that test); elsewhere it stays
    # the CJK comma so clauses still split.
    out = None
    while k >= 0:
        if _thousands_at(t, k):
            if out is None:
                out = list(t)
            out[k] = ","
        k = t.find("，", k + 1)
    return t if out is None else "".join(out)


def _thousands_at(t: str, k: int) -> bool:
    return (k > 0 and t[k - 1].isdigit() and t[k + 1:k + 4].isdigit() and len(t[k + 1:k + 4]) == 3
            and not (k + 4 < len(t) and t[k + 4].isdigit()))
