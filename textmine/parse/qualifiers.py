"""Qualifier words -> bounds rule and interval, from ``data/qualifiers.toml``.

The bounds follow docs/claims.md: 多/余 add 10^k where k is the power of ten of the last
non-zero digit of the value (2100多 -> [2100, 2200]; 290多亿 -> [290亿, 300亿]).

>>> bounds(Rule.OVER_K, Decimal(2100))
(Decimal('2100'), Decimal('2200'))
>>> Rule.AT_MOST_IF_SUFFIX.qualifier, Rule.VAGUE_K.qualifier
('exact', 'about')
"""
from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from .tables import table


class Rule(StrEnum):
    """How a qualifier word bounds the value (the rule names of ``data/qualifiers.toml``)."""
    EXACT = "exact"
    OVER_K = "over_k"  # 多, 余: [v, v + 10^k]
    OVER = "over"
    UNDER = "under"
    ABOUT = "about"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"  # 数千: about, optional
    VAGUE_K = "vague_k"  # 十几个
    AT_MOST_IF_SUFFIX = "at_most_if_suffix"  # 控制在: exact unless a suffix decides

    @property
    def qualifier(self) -> str:
        """The qualifier written to the record."""
        return QUALIFIER[self]


# The members as module names too: ``Rule.X`` looks the member up through the enum's
# metaclass, which costs more than a grammar step that asks for it (Python 3.11).
EXACT, OVER_K, OVER, UNDER, ABOUT = Rule.EXACT, Rule.OVER_K, Rule.OVER, Rule.UNDER, Rule.ABOUT
AT_LEAST, AT_MOST, RANGE, VAGUE, VAGUE_K = Rule.AT_LEAST, Rule.AT_MOST, Rule.RANGE, Rule.VAGUE, Rule.VAGUE_K
AT_MOST_IF_SUFFIX = Rule.AT_MOST_IF_SUFFIX
# the qualifier written to the record for each rule
QUALIFIER: dict[Rule, str] = {r: r.value for r in Rule} | {
    OVER_K: "over", VAGUE: "about", VAGUE_K: "about", AT_MOST_IF_SUFFIX: "exact"}
# rules a later word may still replace (a suffix, an inner 多/余, a comparison)
UNDECIDED = frozenset({EXACT, AT_MOST_IF_SUFFIX})
VAGUE_RULES = frozenset({VAGUE, VAGUE_K})

_T = table("qualifiers")
PREFIX: dict[str, Rule] = {w: Rule(r) for w, r in _T["prefix"].items()}
SUFFIX: dict[str, Rule] = {w: Rule(r) for w, r in _T["suffix"].items()}
MAGNITUDE_ONLY: frozenset[str] = frozenset(_T["magnitude_only"]["words"])
ADVERB: dict[str, Rule] = {w: Rule(r) for w, r in _T["adverb"]["words"].items()}
_ADVERB_GAP, _ADVERB_GAP_NOT = _T["adverb"]["gap"], frozenset(_T["adverb"]["gap_not"])
_PB = _T["phrase_bound"]
PHRASE_BOUND: dict[str, Rule] = {w: Rule(r) for w, r in _PB["words"].items()}
_PHRASE_JOINT = _PB["joint"]
_PHRASE_DIRECT: tuple[str, ...] = tuple(_PB.get("direct", ()))
_PHRASE_BOUND = re.compile("(%s)[^%s]{1,%d}%s$" % (
    "|".join(map(re.escape, sorted(PHRASE_BOUND, key=len, reverse=True))),
    re.escape(_PB["gap_not"]), _PB["gap"], re.escape(_PHRASE_JOINT)))
_PHRASE_WINDOW = _PB["gap"] + max(map(len, PHRASE_BOUND)) + len(_PHRASE_JOINT)
NOT_AFTER: dict[str, str] = dict(_T.get("not_after", {}))
_AFTER_ANYWAY: dict[str, tuple[str, ...]] = {w: tuple(v) for w, v in _T["after_anyway"].items()}
# (suffixes of a span of time alone: 24小时内; not before a word they start: 3年内部)
DURATION_SUFFIX: dict[str, Rule] = {w: Rule(r) for w, r in _T["duration_suffix"]["words"].items()}
DURATION_SUFFIX_NOT_BEFORE: frozenset[str] = frozenset(_T["duration_suffix"]["not_before"])
# the suffix words 多, 余, 餘, 有余: after the unit they add 10^k only in a few places
OVER_K_SUFFIXES: frozenset[str] = frozenset(w for w, r in SUFFIX.items() if r is OVER_K)
# (what may follow 多/余 after a unit: 一年多时间, 两年多的时间)
OVER_K_FOLLOWERS: tuple[str, ...] = tuple(_T["over_k_after_unit"]["words"])
_PREFIX_LONGEST = sorted(PREFIX, key=len, reverse=True)
_SUFFIX_LONGEST = sorted(SUFFIX, key=len, reverse=True)

# a prefix word may be written with spaces inside and before the number (小于 或 等于100, < = 100)
_SPACE_CHARS = " \u00a0\u3000"
_SP = f"[{_SPACE_CHARS}]{{0,2}}"
_PREFIX_RE = re.compile("(?:" + "|".join(_SP.join(map(re.escape, w)) for w in _PREFIX_LONGEST) + ")" + _SP + r"\Z")
_PREFIX_LAST = frozenset(w[-1] for w in PREFIX)
# the character before a number that a prefix word or its spaces may end with
_PREFIX_NEAR = _PREFIX_LAST | frozenset(_SPACE_CHARS)
_WINDOW = 3 * max(map(len, PREFIX)) + 2
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


@lru_cache(maxsize=64)
def _prefix_match(text: str, i: int) -> tuple[str, int] | None:
    """(word, characters it takes before ``i``) of the prefix word ending at ``i``; the
    number layer asks twice for each position (thread-safe, bounded cache)."""
    k = i - 1
    while k >= 0 and i - k <= 2 and text[k] in _SPACE_CHARS:
        k -= 1
    if k < 0 or text[k] not in _PREFIX_LAST:
        return None
    m = _PREFIX_RE.search(text, max(0, i - _WINDOW), i)
    if m is None:
        return None
    word = _SPACES.sub("", m.group())
    s = m.start()
    if s > 0 and text[s - 1] in NOT_AFTER.get(word, "") and \
            not text.endswith(_AFTER_ANYWAY.get(word, ()), 0, s):
        return None
    return word, i - s


def prefix_before(text: str, i: int) -> str | None:
    """The longest prefix qualifier word ending at ``i`` (spaces inside and after it allowed)."""
    if i == 0 or text[i - 1] not in _PREFIX_NEAR:
        return None  # (most numbers: known without the cached search)
    m = _prefix_match(text, i)
    return m[0] if m else None


def adverb_before(text: str, i: int) -> Rule | None:
    """The rule of an adverb written before a verb of one or two characters that ends at
    ``i`` (至少打造1个: at least), else None."""
    for gap in range(1, _ADVERB_GAP + 1):
        k = i - gap
        c = text[k]
        if k < 2 or not 0x4E00 <= ord(c) <= 0x9FFF or c in _ADVERB_GAP_NOT:  # (a CJK verb)
            return None
        rule = ADVERB.get(text[k - 2:k])
        if rule is not None:
            return rule
    return None


def phrase_bound_before(text: str, i: int) -> Rule | None:
    """The rule of a bound written before the phrase and 的 that end at ``i`` (不低于当地低保
    标准的1.3倍: at least; 约占三成, one of the bounds also written right before it: about),
    else None."""
    if not text.endswith(_PHRASE_JOINT, 0, i):
        direct = next((w for w in _PHRASE_DIRECT if text.endswith(w, 0, i)), None)
        return PHRASE_BOUND[direct] if direct is not None else None
    m = _PHRASE_BOUND.search(text, max(0, i - _PHRASE_WINDOW), i)
    return PHRASE_BOUND[m.group(1)] if m else None


def prefix_len(text: str, i: int, word: str) -> int:
    """How many characters before ``i`` the prefix word ``word`` takes (with its spaces)."""
    m = _prefix_match(text, i)
    return m[1] if m and m[0] == word else len(word)


_SUFFIX_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _w in _SUFFIX_LONGEST:
    _SUFFIX_BY_FIRST[_w[0]] = _SUFFIX_BY_FIRST.get(_w[0], ()) + (_w,)
SUFFIX_FIRST = frozenset(_SUFFIX_BY_FIRST)  # the first characters of the suffix words


def suffix_at(text: str, i: int) -> str | None:
    """The longest suffix qualifier word starting at ``i``."""
    for w in _SUFFIX_BY_FIRST.get(text[i:i + 1], ()):
        if text.startswith(w, i):
            return w
    return None


def last_digit_step(v: Decimal) -> Decimal:
    """10^k for the last non-zero digit of v: 2100 -> 100, 1000 -> 1000, 2.5 -> 0.1."""
    if v == 0:
        return Decimal(1)
    sign, digits, exp = v.normalize().as_tuple()
    return Decimal(1).scaleb(exp)


def bounds(rule: Rule, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The interval [lower, upper] a bounds rule gives for ``value`` (None = unbounded)."""
    if rule in UNDECIDED:
        return value, value
    if rule is OVER_K:
        return value, value + last_digit_step(value)
    if rule is OVER or rule is AT_LEAST:
        return value, None
    if rule is UNDER or rule is AT_MOST:
        return None, value
    if rule is ABOUT:
        return _clean(value * Decimal("0.9")), _clean(value * Decimal("1.1"))
    if rule in VAGUE_RULES:
        return _clean(value * Decimal("0.9")), _clean(value * 10 * Decimal("1.1"))
    raise ValueError(f"unknown bounds rule {rule!r}")


def _clean(v: Decimal) -> Decimal:
    v = v.normalize()
    return Decimal(int(v)) if v == v.to_integral_value() else v
