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
from functools import lru_cache

from .tables import table

_T = table("numerals")
DIGITS: dict[str, int] = {ch: int(v) for v, chars in _T["digits"].items() for ch in chars}
UNITS: dict[str, int] = {ch: int(v) for v, chars in _T["units"].items() for ch in chars}
MAGNITUDES: dict[str, int] = {ch: int(v) for v, chars in _T["magnitudes"].items() for ch in chars}
# words that start with a unit character but are measure units, not numerals (千克, 百分点)
UNIT_WORDS = tuple(_T["unit_words"]["words"])
FRACTION_WORDS = tuple(w for w in UNIT_WORDS if not w.endswith(table("grammar")["fraction"]["of"]))
INNER_OVER = set(_T["inner"]["over"])  # 多 余 between a number and its magnitude
INNER_VAGUE = set(_T["inner"]["vague"])  # 几
POINT = frozenset(_T["point"]["chars"])  # 三点五
LIANG = frozenset(_T["liang"]["chars"])  # 两: 2, or the mass unit after a number (两万两)
LIANG_UNIT: str = _T["liang"]["unit"]

# Arabic digits with thousands separators (ASCII or full-width comma, already folded to ',')
# or thin/normal spaces between groups of three, and an optional decimal part.
ARABIC = re.compile(r"""
    \d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?     # 44,624 / 10,000.5
  | \d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d])(?:\.\d+)?   # 10 000 (groups of three only)
  | \d+(?:\.\d+)?                          # 1672 / 54.52
""", re.VERBOSE)


# written right after Arabic digits: 2e5, 1.2E-3, 2^5, 2.5^-1, 40k
ARABIC_SUFFIX = re.compile(r"[eE]([+-]?\d{1,3})(?![\dA-Za-z])|\^([+-]{0,2})(\d{1,3})(?!\d)| ?([kKMw])(?![A-Za-z])")
# 40k, 2.5 M; 30w (万, as online ads write it; a capital W is watts)
SUFFIX_SCALE = {"k": 1000, "K": 1000, "M": 1000000, "w": 10000}
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


# slots: faster to make (one for every numeral read); not frozen, which would make it three
# times slower to make (treat it as frozen), hashed by its fields all the same
@dataclass(slots=True, unsafe_hash=True)
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
        return last in ("unit", "mag") and not (c in LIANG and not _numeral_char_after(text, k + 1))
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


_SEPARATORS = re.compile(r"[,\s\u00a0\u2009]")


# what may follow Arabic digits inside one numeral (7万, 1000 万, 十几, 2e5, 40k, 3.5)
_AFTER_ARABIC = frozenset(INNER_SPACE + "eE^kKMw.") | POINT | frozenset(UNITS) | frozenset(MAGNITUDES) \
    | frozenset(DIGITS) | INNER_OVER | INNER_VAGUE
# what may follow a magnitude inside one numeral (5万3千, 1亿 5000万, 3万多)
_AFTER_MAGNITUDE = frozenset(INNER_SPACE + "0123456789") | frozenset(UNITS) | frozenset(MAGNITUDES) \
    | frozenset(DIGITS) | INNER_OVER | INNER_VAGUE


@lru_cache(maxsize=64)
def scan_numeral(text: str, i: int) -> Numeral | None:
    """The longest numeral starting at ``i`` of a width-folded text, or None.

    Spaces may stand between the parts of one numeral (``一百 二 十``, ``7万 5千``); where
    the longer reading is not a well-formed numeral the scanner falls back to the part
    before the space (``10万 20万`` is two numbers). The number layer asks for the same
    position more than once: a small thread-safe cache answers the repeats.

    >>> scan_numeral("投入3.2亿元", 2).value, scan_numeral("一百 二 十人", 0).value
    (Decimal('320000000'), Decimal('120'))
    """
    c = text[i:i + 1]
    if not "0" <= c <= "9":
        if c in _LONE_DIGIT and text[i + 1:i + 2] not in NUMERAL_CHARS:
            # fast path: one Chinese digit that nothing continues (三个, 一项)
            return Numeral(i, i + 1, _LONE_DIGIT[c], chinese=True)
        return _scan_numeral(text, i)
    # fast path: Arabic digits followed by nothing that continues a numeral
    m = ARABIC.match(text, i)
    if _dotted(text, m):
        m = ARABIC_WHOLE.match(text, i)
    end = m.end()
    nxt = text[end:end + 1]
    if nxt not in _AFTER_ARABIC:
        return _arabic_numeral(i, end, m.group(), None)
    if nxt in MAGNITUDES and text[end + 1:end + 2] not in _AFTER_MAGNITUDE \
            and not _is_unit_word(text, end, True):
        # fast path: Arabic digits and one magnitude (3.2亿元, 15万人)
        return _arabic_numeral(i, end + 1, m.group(), Decimal(MAGNITUDES[nxt]))
    return _scan_numeral(text, i)


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


@dataclass(slots=True)
class _Scan:
    """The scanner's state: tokens read so far (kind, value), how the numeral is written, and
    the places before inner spaces to fall back to (``cuts``)."""
    text: str
    pos: int
    toks: list[tuple[str, Decimal]]
    cuts: list[tuple]
    over: bool = False
    vague: bool = False
    chinese: bool = False
    arabic: bool = False
    decimals: int = 0

    def mark(self) -> tuple:
        return len(self.toks), self.pos, self.over, self.vague, self.chinese, self.arabic, self.decimals

    def restore(self, cut: tuple) -> None:
        ntok, self.pos, self.over, self.vague, self.chinese, self.arabic, self.decimals = cut
        del self.toks[ntok:]


# A token reader looks at the character at ``s.pos``: None when it is not its kind, True when
# it read a token (go on), False when the numeral ends here.

def _read_space(s: _Scan, c: str) -> bool | None:
    if c not in INNER_SPACE or not s.toks:
        return None
    k = _skip_inner_space(s.text, s.pos)
    if not _continues(s.text, k, s.toks[-1][0]):
        return False
    s.cuts.append(s.mark())
    s.pos = k
    return True


def _arabic_match(text: str, pos: int, c: str, first: bool) -> re.Match | None:
    m = ARABIC.match(text, pos) if c.isdigit() and c.isascii() else None
    if m is not None and _dotted(text, m):
        m = ARABIC_WHOLE.match(text, pos)
    if m is None and c == "." and first and pos + 1 < len(text) and text[pos + 1].isdigit() and (
            pos == 0 or not (text[pos - 1].isdigit() or text[pos - 1] == ".")):
        m = LEAD_POINT.match(text, pos)  # .5
    return m


def _read_arabic(s: _Scan, c: str) -> bool | None:
    m = _arabic_match(s.text, s.pos, c, not s.toks)
    if m is None:
        return None
    last = s.toks[-1][0] if s.toks else None
    if last == "num" or last == "digit" and s.toks[-1][1] != 0:
        return False
    raw = m.group()
    if not raw.isdigit():
        raw = _SEPARATORS.sub("", raw)
    v = Decimal(raw)
    if "." in raw:
        s.decimals = len(raw.split(".")[1])
    s.pos = m.end()
    x = ARABIC_SUFFIX.match(s.text, s.pos)
    if x:
        v, s.pos = _arabic_suffix(v, x), x.end()
    s.toks.append(("num", v))
    s.arabic = True
    return True


def _read_digit(s: _Scan, c: str) -> bool | None:
    if c not in DIGITS:
        return None
    last = s.toks[-1][0] if s.toks else None
    if last == "num":
        return False
    if c in LIANG and last == "digit":
        return False  # 一两个: one or two
    if c in LIANG and last in ("unit", "mag") and not _numeral_char_after(s.text, s.pos + 1):
        return False  # 两 after a number is the mass unit (两万两, 三千两百两)
    s.toks.append(_TOKEN[c])
    s.chinese = True
    s.pos += 1
    return True


def _read_unit(s: _Scan, c: str) -> bool | None:
    if c not in UNITS or _is_unit_word(s.text, s.pos, bool(s.toks)) and not _inside_magnitude(s.toks, c):
        return None
    if s.toks and s.toks[-1][0] == "unit" and s.toks[-1][1] <= UNITS[c]:
        return False
    s.toks.append(_TOKEN[c])
    s.chinese = True
    s.pos += 1
    return True


def _read_magnitude(s: _Scan, c: str) -> bool | None:
    if c not in MAGNITUDES or _is_unit_word(s.text, s.pos, bool(s.toks)):
        return None
    s.toks.append(_TOKEN[c])
    s.pos += 1
    return True


def _read_inner(s: _Scan, c: str) -> bool | None:
    """多/余/几 inside the numeral (113余亿, 十几万)."""
    if not (c in INNER_OVER or c in INNER_VAGUE) or not s.toks or not _continues(s.text, s.pos, s.toks[-1][0]):
        return None
    if c in INNER_OVER:
        s.over = True
    else:
        s.vague = True
    s.pos = _skip_inner_space(s.text, s.pos + 1)
    return True


def _read_point(s: _Scan, c: str) -> bool | None:
    """A Chinese decimal (两百点五, 三点五, 四百 点 五): always the numeral's last token."""
    if c not in POINT or not s.toks or s.toks[-1][0] not in ("digit", "unit"):
        return None
    text, n = s.text, len(s.text)
    j = _skip_inner_space(text, s.pos + 1)
    frac = ""
    while j < n and text[j] in DIGITS and text[j] not in LIANG:
        frac += str(DIGITS[text[j]])
        j += 1
        k = _skip_inner_space(text, j)
        if k > j and k < n and text[k] in DIGITS and text[k] not in LIANG:
            j = k
    if frac:
        s.toks.append(("frac", Decimal("0." + frac)))
        s.decimals = len(frac)
        s.pos = j
    return False


# the reader of each character that may stand in a numeral (the classes do not overlap)
_READER = {c: read for chars, read in (
    (INNER_SPACE, _read_space), ("0123456789.", _read_arabic), (DIGITS, _read_digit), (UNITS, _read_unit),
    (MAGNITUDES, _read_magnitude), (INNER_OVER | INNER_VAGUE, _read_inner), (POINT, _read_point))
    for c in chars}
NUMERAL_CHARS = frozenset(_READER)  # every character that may stand in a numeral
# the value of a numeral of one digit character (not 十/百/万: those read as units)
_LONE_DIGIT = {c: Decimal(v) for c, v in DIGITS.items() if c not in UNITS and c not in MAGNITUDES}


# the token of each numeral character (kind, value)
_TOKEN = {c: (kind, Decimal(v)) for kind, table_ in (("digit", DIGITS), ("unit", UNITS), ("mag", MAGNITUDES))
          for c, v in table_.items()}


def _scan_numeral(text: str, i: int) -> Numeral | None:
    s = _Scan(text, i, [], [])
    n = len(text)
    while s.pos < n:
        c = text[s.pos]
        read = _READER.get(c)
        if read is None or not read(s, c):
            break
    return _settle(s, i)


def _settle(s: _Scan, i: int) -> Numeral | None:
    """The numeral the tokens make, falling back to before an inner space until they make one."""
    while s.toks:
        kinds = [k for k, _ in s.toks]
        digit_string = kinds.count("digit") >= 2 and all(k == "digit" for k in kinds) and not s.cuts
        value = _evaluate(s.toks, digit_string)
        if value is not None:
            break
        if not s.cuts:
            return None
        s.restore(s.cuts.pop())
    if not s.toks:
        return None
    bare = not any(k in ("num", "digit") for k in kinds) and s.toks[0][1] >= 100
    return Numeral(i, s.pos, value, over=s.over, vague=s.vague, magnitude="mag" in kinds,
                   chinese=s.chinese, arabic=s.arabic, bare=bare, digit_string=digit_string,
                   decimals=s.decimals)


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
    return v * SUFFIX_SCALE[x.group(4)]


def _evaluate(toks: list[tuple[str, Decimal]], digit_string: bool) -> Decimal | None:
    """The value of numeral tokens, or None where they are not a well-formed numeral.

    Magnitudes multiply what stands before them down to the next larger magnitude
    (五兆六十二亿: 5e12 + 62e8; 三十万多亿: (30万)亿; 一万万: 1e8). A digit written last
    right after a unit or magnitude stands for the next lower place (二百五 = 250,
    一万三 = 13000, 两千三点一 = 2300.1); after 零 it is a unit digit (一百零五)."""
    if digit_string:
        return Decimal("".join(str(int(v)) for _, v in toks))
    last = len(toks) - 1
    while last > 0 and toks[last][0] == "frac":
        last -= 1
    total = _Sum(toks, last, [])
    for idx, (kind, v) in enumerate(toks):
        if not _ADD[kind](total, idx, v):
            return None
    return total.value()


@dataclass(slots=True)
class _Sum:
    """The running value of numeral tokens: finished terms (value, magnitude), the section
    under the current magnitude, its last unit and the number not yet multiplied."""
    toks: list[tuple[str, Decimal]]
    last: int  # index of the last token that is not a decimal fraction
    terms: list[tuple[Decimal, Decimal]]
    section: Decimal = Decimal(0)
    sec_unit: Decimal | None = None
    number: Decimal | None = None
    zero: bool = False

    def num(self, idx: int, v: Decimal) -> bool:
        if self.number is not None:
            return False
        self.number = v
        return True

    def digit(self, idx: int, v: Decimal) -> bool:
        if v == 0:
            if self.number is not None and idx > 0 and self.toks[idx - 1][0] == "num":
                return False
            self.zero = True
            return True
        if self.number is not None and self.number != 0:
            return False  # two digits without a unit between them: not a numeral
        self.number = v
        before = self.toks[idx - 1] if idx > 0 else None
        if idx == self.last and before is not None and not self.zero and before[0] in ("unit", "mag"):
            self.number = v * before[1] / 10  # 二百五, 一万三
        return True

    def unit(self, idx: int, v: Decimal) -> bool:
        if self.sec_unit is not None and v >= self.sec_unit:
            return False
        self.section += (self.number if self.number is not None else Decimal(1)) * v
        self.sec_unit, self.number, self.zero = v, None, False
        return True

    def mag(self, idx: int, v: Decimal) -> bool:
        part = self.section + (self.number or 0)
        inner = [t for t in self.terms if t[1] <= v]
        if inner:
            if part and (max(p for _, p in inner) >= v or part >= min(p for _, p in inner)):
                return False  # 10万 20万: two numbers (一万五千亿 is one)
            part += sum(t for t, _ in inner)
            self.terms = [t for t in self.terms if t[1] > v]
        elif part == 0 and self.number is None and self.sec_unit is None:
            part = Decimal(1)  # 万 alone is ten thousand; 0万 and 0百万 stay zero
        self.terms.append((part * v, v))
        self.section, self.sec_unit, self.number, self.zero = Decimal(0), None, None, False
        return True

    def frac(self, idx: int, v: Decimal) -> bool:
        self.number = (self.number or 0) + v
        return True

    def value(self) -> Decimal:
        return to_plain(sum((t for t, _ in self.terms), Decimal(0)) + self.section + (self.number or 0))


_ADD = {"num": _Sum.num, "digit": _Sum.digit, "unit": _Sum.unit, "mag": _Sum.mag, "frac": _Sum.frac}


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
    """A Decimal without exponent notation (1.2E+8 -> 120000000), an integral value without
    decimal places (5.00 -> 5); linear in the digits (``int(v)`` is quadratic in them, and a
    run of a million digits is a number too).

    >>> to_plain(Decimal("1.2E+8")), to_plain(Decimal("5.00")), to_plain(Decimal("0.50"))
    (Decimal('120000000'), Decimal('5'), Decimal('0.50'))
    """
    if not v.is_finite():
        return v
    s = str(v)  # (cheaper than as_tuple, for the common case: already plain)
    if "E" not in s and ("." not in s or s[-1] != "0") and v:
        return v  # positional: exponent 0, or a fraction that does not end in 0
    sign, digits, exp = v.as_tuple()
    if not any(digits):
        return Decimal(0)
    if exp > 0:
        return Decimal((sign, digits + (0,) * exp, 0))
    if exp < 0 and not any(digits[exp:]):
        return Decimal((sign, digits[:exp] or (0,), 0))
    return v


# full-width ASCII (digits, letters, ％．，～－) -> ASCII, one character for one, so that
# offsets into the folded text are offsets into the original.
_WIDE_COMMA = "\uff0c"  # full-width ',', which is also the CJK clause comma: folded apart
_WIDE = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F) if chr(cp) != _WIDE_COMMA}
_WIDE["\u3000"] = " "  # ideographic space
_HAS_WIDE = re.compile("[\uff01-\uff0b\uff0d-\uff5e\u3000]")  # a key of _WIDE


def _narrow(m: re.Match) -> str:
    return _WIDE[m.group()]


def fold_width(text: str) -> str:
    """Fold full-width ASCII to ASCII, keeping length; the CJK comma between digit groups
    (``44，624``) becomes ``,`` only where it separates thousands."""
    t = _HAS_WIDE.sub(_narrow, text)  # (faster than str.translate where few characters are wide)
    k = t.find(_WIDE_COMMA)
    if k < 0:
        return t
    # the full-width comma is a thousands separator only between a digit and exactly three
    # digits (whether other commas are folded does not change that test); elsewhere it stays
    # the CJK comma so clauses still split.
    out = None
    while k >= 0:
        if t[k - 1:k].isdigit() and _thousands_at(t, k):
            if out is None:
                out = list(t)
            out[k] = ","
        k = t.find(_WIDE_COMMA, k + 1)
    return t if out is None else "".join(out)


def _thousands_at(t: str, k: int) -> bool:
    return (k > 0 and t[k - 1].isdigit() and t[k + 1:k + 4].isdigit() and len(t[k + 1:k + 4]) == 3
            and not (k + 4 < len(t) and t[k + 4].isdigit()))
