"""Units and measure words after a number: surface -> (kind, normalised unit), from
``data/units.toml``; the longest surface wins (平方公里 before 公里)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .tables import table


@dataclass(frozen=True)
class Unit:
    surface: str
    kind: str  # money, count, quantity, percent, duration, ratio
    unit: str  # normalised
    scale: Decimal = Decimal(1)  # 三成 -> 30 %, 5‰ -> 0.5 %
    currency: str | None = None  # ISO 4217 code of a money unit (CNY, USD, ...)


_MONEY = table("units")["money"]
CURRENCY: dict[str, str] = _MONEY["currency"]  # normalised money unit -> ISO code


def _load() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for group in table("units").values():
        if "kind" not in group:  # [per]: denominators, not units
            continue
        norm = group.get("normalise", {})
        scale = group.get("scale", {})
        for s in group["units"]:
            u = norm.get(s, s)
            units[s] = Unit(s, group["kind"], u, Decimal(str(scale.get(s, 1))), CURRENCY.get(u))
    return units


UNITS: dict[str, Unit] = _load()
_BY_FIRST: dict[str, list[str]] = {}
for _s in sorted(UNITS, key=len, reverse=True):
    _BY_FIRST.setdefault(_s[0], []).append(_s)


_NOT_BEFORE: dict[str, str] = {u: after for u, after in table("units")["not_before"].items() if after}
_PER_BY_FIRST: dict[str, list[str]] = {}
for _s in sorted(set(UNITS) | set(table("units")["per"]["words"]), key=len, reverse=True):
    if not _s.isascii():
        _PER_BY_FIRST.setdefault(_s[0], []).append(_s)
_PER_MAGNITUDE = frozenset(table("units")["per"]["magnitudes"])


def per_at(text: str, i: int) -> str | None:
    """The denominator of a rate written at ``text[i:]`` (``/户``, ``/万人``, ``/平方米``):
    a slash, an optional magnitude and the longest known unit or denominator word; None if
    there is none."""
    if not text.startswith("/", i):
        return None
    end = _per_word_end(text, i + 1)
    # a compound denominator: 元/生•年, 元/人·月
    while end is not None and end < len(text) and text[end] in _PER_JOIN:
        more = _per_word_end(text, end + 1)
        if more is None:
            break
        end = more
    return None if end is None else text[i + 1:end]


_PER_JOIN = frozenset(table("units")["per"]["joins"])


def _per_word_end(text: str, i: int) -> int | None:
    """End of the longest denominator word at ``text[i:]``: right at ``i`` (千瓦时) or after
    a magnitude (千人); None if there is none."""
    best = None
    k = i
    while True:
        for s in _PER_BY_FIRST.get(text[k:k + 1], ()):
            if text.startswith(s, k):
                best = max(best or 0, k + len(s))
                break
        if k < len(text) and text[k] in _PER_MAGNITUDE and k - i < 2:
            k += 1
        else:
            return best


def match_unit(text: str, i: int) -> Unit | None:
    """The longest unit written at ``text[i:]``, or None. A unit symbol in Latin letters
    (m, kg) counts only where the letters end (not the m of 250ms)."""
    for s in _BY_FIRST.get(text[i:i + 1], ()):
        if text.startswith(s, i):
            if s in _NOT_BEFORE and text[i + len(s):i + len(s) + 1] and \
                    text[i + len(s)] in _NOT_BEFORE[s]:
                continue  # (万人年度: 人, and 年度 after it)
            if s.isascii() and s.isalpha():
                nxt = text[i + len(s):i + len(s) + 1]
                if nxt.isascii() and nxt.isalpha():
                    continue
            return UNITS[s]
    return None


# coins below the main money unit (元 -> 角 0.1, 分 0.01), from the money table
SUBUNITS: dict[str, dict[str, Decimal]] = {
    main: {s: Decimal(str(f)) for s, f in subs.items()}
    for main, subs in table("units")["money"].get("subunits", {}).items()}


def money_unit(surface: str) -> Unit | None:
    """The money unit of a currency word (港币 -> 港元, HKD), or None."""
    u = UNITS.get(surface)
    return u if u is not None and u.kind == "money" else None


# currency words written before the number or after 元, the longest first
CURRENCY_NAMES: tuple[str, ...] = tuple(sorted(_MONEY["names"], key=len, reverse=True))
# count units that are yuan where coins follow them (十块三毛)
COLLOQUIAL_MONEY: dict[str, str] = _MONEY["colloquial"]
