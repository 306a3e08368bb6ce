"""Qualifier words -> qualifier and interval, from ``data/qualifiers.toml``.

The bounds follow docs/claims.md: 多/余 add 10^k where k is the power of ten of the last
non-zero digit of the value (2100多 -> [2100, 2200]; 290多亿 -> [290亿, 300亿]).
"""
from __future__ import annotations

import re
from decimal import Decimal

from .tables import table

_T = table("qualifiers")
PREFIX: dict[str, str] = dict(_T["prefix"])
SUFFIX: dict[str, str] = dict(_T["suffix"])
MAGNITUDE_ONLY: set[str] = set(_T["magnitude_only"]["words"])
NOT_AFTER: dict[str, str] = dict(_T.get("not_after", {}))
_PREFIX_LONGEST = sorted(PREFIX, key=len, reverse=True)
_SUFFIX_LONGEST = sorted(SUFFIX, key=len, reverse=True)

# the qualifier written to the record for each bounds rule
QUALIFIER = {"exact": "exact", "over_k": "over", "over": "over", "under": "under",
             "about": "about", "at_least": "at_least", "at_most": "at_most", "range": "range",
             "vague": "about", "vague_k": "about", "at_most_if_suffix": "exact"}


# a prefix word may be written with spaces inside and before the number (小于 或 等于100, < = 100)
_SP = r"[ \u00a0\u3000]{0,2}"
_PREFIX_RE = re.compile("(?:" + "|".join(_SP.join(map(re.escape, w)) for w in _PREFIX_LONGEST) + ")" + _SP + r"\Z")
_PREFIX_LAST = {w[-1] for w in PREFIX}
_WINDOW = 3 * max(map(len, PREFIX)) + 2
_memo: list = [None, -1, None]
_SPACES = re.compile(r"[ \u00a0\u3000]")


def _prefix_match(text: str, i: int) -> tuple[str, int] | None:
    if _memo[0] is text and _memo[1] == i:
        return _memo[2]
    k = i - 1
    while k >= 0 and i - k <= 2 and text[k] in " \u00a0\u3000":
        k -= 1
    res = None
    if k >= 0 and text[k] in _PREFIX_LAST:
        w0 = max(0, i - _WINDOW)
        m = _PREFIX_RE.search(text, w0, i)
        if m is not None:
            word = _SPACES.sub("", m.group())
            s = m.start()
            if not (s > 0 and text[s - 1] in NOT_AFTER.get(word, "")):
                res = (word, i - s)
    _memo[0], _memo[1], _memo[2] = text, i, res
    return res


def prefix_before(text: str, i: int) -> str | None:
    """The longest prefix qualifier word ending at ``i`` (spaces inside and after it allowed)."""
    m = _prefix_match(text, i)
    return m[0] if m else None


def prefix_len(text: str, i: int, word: str) -> int:
    """How many characters before ``i`` the prefix word ``word`` takes (with its spaces)."""
    m = _prefix_match(text, i)
    return m[1] if m and m[0] == word else len(word)


_SUFFIX_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _w in _SUFFIX_LONGEST:
    _SUFFIX_BY_FIRST[_w[0]] = _SUFFIX_BY_FIRST.get(_w[0], ()) + (_w,)


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


def bounds(rule: str, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The interval [lower, upper] a bounds rule gives for ``value`` (None = unbounded)."""
    if rule in ("exact", "at_most_if_suffix"):
        return value, value
    if rule == "over_k":
        return value, value + last_digit_step(value)
    if rule == "over" or rule == "at_least":
        return value, None
    if rule == "under" or rule == "at_most":
        return None, value
    if rule == "about":
        return _clean(value * Decimal("0.9")), _clean(value * Decimal("1.1"))
    if rule in ("vague", "vague_k"):
        return _clean(value * Decimal("0.9")), _clean(value * 10 * Decimal("1.1"))
    raise ValueError(f"unknown bounds rule {rule!r}")


def _clean(v: Decimal) -> Decimal:
    v = v.normalize()
    return Decimal(int(v)) if v == v.to_integral_value() else v
