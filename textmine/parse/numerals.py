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
INNER_OVER = set(_T["inner"]["over"])  # 多 余 between a number and its magnitude
INNER_VAGUE = set(_T["inner"]["vague"])  # 几

# Arabic digits with thousands separators (ASCII or full-width comma, already folded to ',')
# or thin/normal spaces between groups of three, and an optional decimal part.
ARABIC = re.compile(r"""
    \d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?     # 44,624 / 10,000.5
  | \d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d])(?:\.\d+)?   # 10 000 (groups of three only)
  | \d+(?:\.\d+)?                          # 1672 / 54.52
""", re.VERBOSE)


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


def _is_unit_word(text: str, i: int) -> bool:
    return any(text.startswith(w, i) for w in UNIT_WORDS)


def scan_numeral(text: str, i: int) -> Numeral | None:
    """The longest numeral starting at ``i`` of a width-folded text, or None."""
    n = len(text)
    toks: list[tuple[str, Decimal]] = []
    pos = i
    over = vague = chinese = arabic = False
    decimals = 0
    while pos < n:
        c = text[pos]
        m = ARABIC.match(text, pos) if c.isdigit() and c.isascii() else None
        if m:
            if toks and toks[-1][0] in ("num", "digit"):
                break
            raw = re.sub(r"[,\s\u00a0\u2009]", "", m.group())
            toks.append(("num", Decimal(raw)))
            if "." in raw:
                decimals = len(raw.split(".")[1])
            arabic = True
            pos = m.end()
            continue
        if c in DIGITS:
            if toks and toks[-1][0] == "num":
                break
            if c in "两兩" and toks and toks[-1][0] in ("digit", "num", "unit"):
                break  # 两 after a number is the mass unit (两万两)
            toks.append(("digit", Decimal(DIGITS[c])))
            chinese = True
            pos += 1
            continue
        if c in UNITS and not _is_unit_word(text, pos):
            if toks and toks[-1][0] == "unit" and toks[-1][1] <= UNITS[c]:
                break
            toks.append(("unit", Decimal(UNITS[c])))
            chinese = True
            pos += 1
            continue
        if c in MAGNITUDES:
            toks.append(("mag", Decimal(MAGNITUDES[c])))
            pos += 1
            continue
        if c in INNER_OVER | INNER_VAGUE and toks and pos + 1 < n and (
                text[pos + 1] in MAGNITUDES or (text[pos + 1] in UNITS and toks[-1][0] != "unit"
                                                and not _is_unit_word(text, pos + 1))):
            if c in INNER_OVER:
                over = True
            else:
                vague = True
            pos += 1
            continue
        if c == "点" and toks and toks[-1][0] in ("digit", "unit") and pos + 1 < n and text[pos + 1] in DIGITS:
            # Chinese decimal: 两百点五, 三点五
            j = pos + 1
            frac = ""
            while j < n and text[j] in DIGITS and text[j] not in "两兩":
                frac += str(DIGITS[text[j]])
                j += 1
            if not frac:
                break
            toks.append(("frac", Decimal("0." + frac)))
            decimals = len(frac)
            pos = j
            break
        break
    if not toks:
        return None
    # trailing inner 多 consumed? (only consumed when followed by a magnitude/unit)
    kinds = [k for k, _ in toks]
    digit_string = kinds.count("digit") >= 2 and "unit" not in kinds and "mag" not in kinds \
        and all(k == "digit" for k in kinds)
    value = _evaluate(toks, digit_string)
    if value is None:
        return None
    bare = not any(k in ("num", "digit") for k in kinds)
    return Numeral(i, pos, value, over=over, vague=vague, magnitude="mag" in kinds,
                   chinese=chinese, arabic=arabic, bare=bare, digit_string=digit_string,
                   decimals=decimals)


def _evaluate(toks: list[tuple[str, Decimal]], digit_string: bool) -> Decimal | None:
    if digit_string:
        return Decimal("".join(str(int(v)) for _, v in toks))
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    for kind, v in toks:
        if kind == "num":
            number = v
        elif kind == "digit":
            if v == 0:
                continue  # 零 as a placeholder: 一百零五
            if number is not None and number != 0:
                return None  # two digits without a unit between them: not a numeral
            number = v
        elif kind == "unit":
            section += (number if number is not None else Decimal(1)) * v
            number = None
        elif kind == "mag":
            if v >= 100_000_000:
                part = section + (number or 0)
                if part == 0 and total == 0:
                    part = Decimal(1)
                total = (total + part) * v
                section = Decimal(0)
            else:
                part = section + (number or 0)
                if part == 0:
                    part = Decimal(1)
                section = part * v
            number = None
        elif kind == "frac":
            number = section + (number or 0) + v
            section = Decimal(0)
    return to_plain(total + section + (number or 0))


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


def fold_width(text: str) -> str:
    """Fold full-width ASCII to ASCII, keeping length; the CJK comma between digit groups
    (``44，624``) becomes ``,`` only where it separates thousands."""
    t = text.translate(_WIDE)
    if "," in t:
        # a full-width comma folded to ',' is a thousands separator only between a digit and
        # exactly three digits; elsewhere restore it as the CJK comma so clauses still split.
        out = list(t)
        for k, ch in enumerate(t):
            if ch == "," and text[k] == "，" and not _thousands_at(t, k):
                out[k] = "，"
        t = "".join(out)
    return t


def _thousands_at(t: str, k: int) -> bool:
    return (k > 0 and t[k - 1].isdigit() and t[k + 1:k + 4].isdigit() and len(t[k + 1:k + 4]) == 3
            and not (k + 4 < len(t) and t[k + 4].isdigit()))
