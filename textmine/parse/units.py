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


def _load() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for group in table("units").values():
        norm = group.get("normalise", {})
        scale = group.get("scale", {})
        for s in group["units"]:
            units[s] = Unit(s, group["kind"], norm.get(s, s), Decimal(str(scale.get(s, 1))))
    return units


UNITS: dict[str, Unit] = _load()
_BY_FIRST: dict[str, list[str]] = {}
for _s in sorted(UNITS, key=len, reverse=True):
    _BY_FIRST.setdefault(_s[0], []).append(_s)


def match_unit(text: str, i: int) -> Unit | None:
    """The longest unit written at ``text[i:]``, or None. A unit symbol in Latin letters
    (m, kg) counts only where the letters end (not the m of 250ms)."""
    for s in _BY_FIRST.get(text[i:i + 1], ()):
        if text.startswith(s, i):
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
