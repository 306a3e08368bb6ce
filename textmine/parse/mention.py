"""A number expression found in a sentence (``NumberMention``) and the helpers every reading of
one shares: spaces, signs and the qualifier words around a finished mention. Words come from
``data/grammar.toml`` and ``data/qualifiers.toml``."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import qualifiers as Q
from .numerals import DIGITS, MAGNITUDES, UNITS, to_plain
from .qualifiers import EXACT, Rule
from .tables import table


# slots: a third faster to make, and the layer makes many; not frozen: a frozen dataclass sets
# each field through object.__setattr__, three times slower to make (treat it as frozen: change
# a copy with dataclasses.replace, except where it is made, before anything else holds it);
# hashed by its fields all the same
@dataclass(slots=True, unsafe_hash=True)
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
    currency: str | None = None  # money: ISO 4217 code (CNY, USD, HKD, ...)


GRAMMAR = table("grammar")
SPACE = " \u00a0\u2009\u3000\t"
_SPACE_SET = frozenset(SPACE)
NEGATIVE = frozenset(GRAMMAR["signs"]["negative"])  # 负
NEGATIVE_NOT_AFTER = frozenset(GRAMMAR["signs"].get("negative_not_after", ""))  # 减负: no sign
MINUS = frozenset(GRAMMAR["signs"]["minus"])
SIGNS = NEGATIVE | MINUS
# characters after which a minus is a dash between two numbers: digits, numerals, percent signs
_BEFORE_DASH = frozenset(DIGITS) | frozenset(UNITS) | frozenset(MAGNITUDES) | frozenset(
    u for u in table("units")["percent"]["units"] if len(u) == 1 and not u.isalnum())

_COMPARE = GRAMMAR["compare"]
COMPARE_RULE = {w: Rule(r) for w, r in _COMPARE["after"].items()}
COMPARE_WORD: str = _COMPARE["before"]
COMPARE_BEFORE = re.compile(re.escape(COMPARE_WORD) + r"\s{0,2}$")  # 比三十大, 比 170 低
COMPARE_AFTER = re.compile(r"\s{0,2}([" + "".join(map(re.escape, COMPARE_RULE)) + "])")


def skip_space(t: str, j: int, limit: int = 2) -> int:
    """``j`` moved past at most ``limit`` spaces."""
    if t[j:j + 1] not in _SPACE_SET:
        return j
    k, n = j, len(t)
    while k < n and k - j < limit and t[k] in SPACE:
        k += 1
    return k


def minus_is_sign(t: str, k: int) -> bool:
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
    return not (c.isascii() and c.isalnum() or c in _BEFORE_DASH)


def signed(t: str, i: int, m: NumberMention) -> NumberMention:
    """``m`` negated when a minus sign or 负 stands right before its number."""
    if i == 0 or not (t[i - 1] in NEGATIVE and (i < 2 or t[i - 2] not in NEGATIVE_NOT_AFTER) or
                      t[i - 1] in MINUS and minus_is_sign(t, i - 1)):
        return m
    if not isinstance(m.value, Decimal):
        return m
    neg = lambda v: None if v is None else to_plain(-v)  # noqa: E731
    return replace(m, start=i - 1, text=t[i - 1:m.end], value=neg(m.value), lower=neg(m.upper),
                   upper=neg(m.lower))


def qualified(t: str, m: NumberMention) -> NumberMention:
    """``m`` (a fraction) with the qualifier words around it (超过1/2, 比四分之一大)."""
    rule, start, end = EXACT, m.start, m.end
    pre = Q.prefix_before(t, start)
    if pre and pre not in Q.MAGNITUDE_ONLY:
        rule, start = Q.PREFIX[pre], start - Q.prefix_len(t, start, pre)
    else:
        c = COMPARE_AFTER.match(t, end)
        b = COMPARE_BEFORE.search(t, max(0, start - 3), start)
        if b and c:
            rule, start, end = COMPARE_RULE[c.group(1)], b.start(), c.end()
        elif start > 2 and (bound := Q.phrase_bound_before(t, start)) is not None:
            rule = bound  # (约占…的四分之一: the words stay out of the span, as a number's do)
    rule, end = suffix_rule(t, end, rule)
    if rule in Q.UNDECIDED:
        return m
    lo, hi = Q.bounds(rule, m.value)
    return replace(m, start=start, end=end, text=t[start:end], qualifier=Q.QUALIFIER[rule], lower=lo, upper=hi)


def suffix_rule(t: str, j: int, rule: Rule) -> tuple[Rule, int]:
    """The rule and end after a suffix qualifier word at ``j`` (百分之三十以下), where a
    suffix other than 多/余 decides."""
    suf = Q.suffix_at(t, j)
    if suf and suf not in Q.OVER_K_SUFFIXES:
        return Q.SUFFIX[suf], j + len(suf)
    return rule, j
