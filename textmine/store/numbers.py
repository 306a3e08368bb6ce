"""Intervals of stored claims with the rounding of the printed figure.

A printed figure stands for every value that rounds to it: ``54.52亿元`` is any amount in
[54.515亿, 54.525亿), ``90.61%`` any rate in [90.605, 90.615). The tolerance applied to a
figure is half a unit of its last printed digit: digits after the decimal point count at
the scale of the unit word (``1.2万`` -> 0.1万 -> ±500); a whole number with 万/亿 counts at
that scale (``5万`` -> ±5000); a whole percentage is ±0.5 (``91%``); any other plain whole
number is exact (``1672个``, ``44,624人``). Qualifiers give the
contract's [lower, upper] first (``5万多`` -> [50000, 60000]); the tolerance widens that.
"""
from __future__ import annotations

import math
import unicodedata
from decimal import Decimal, InvalidOperation

NUMERIC_KINDS = ("money", "count", "percent", "quantity", "duration", "ratio", "rank")
EPS = 1e-9


def written_number(text: str) -> str | None:
    """The first number written in Arabic digits in ``text`` (``1,672`` -> ``1672``)."""
    s = unicodedata.normalize("NFKC", text or "")
    out, seen = [], False
    for ch in s:
        if ch.isdigit() and ch.isascii():
            out.append(ch)
            seen = True
        elif seen and ch in ".,":
            out.append(ch)
        elif seen and ch == " ":
            continue
        elif seen:
            break
    num = "".join(out).replace(",", "").rstrip(".")
    return num or None


def half_step(rec: dict) -> float:
    """Half a unit of the last printed digit of the claim's figure (0 when unknown)."""
    value = rec.get("value")
    num = written_number(rec.get("text", ""))
    if num is None or not isinstance(value, (int, float)):
        return 0.0
    try:
        written = Decimal(num)
    except InvalidOperation:
        return 0.0
    if written == 0:
        return 0.0
    scale = 1.0 if rec.get("kind") == "percent" else float(Decimal(str(value)) / written)
    if not math.isfinite(scale) or scale <= 0:
        return 0.0
    decimals = len(num.partition(".")[2])
    if decimals:
        step = scale * 10.0 ** -decimals
    elif scale > 1:
        step = scale  # 5万 -> rounded to 万
    elif rec.get("kind") == "percent":
        step = 1.0  # 91% may be any rate rounded to a whole percent
    else:
        return 0.0  # a whole number without 万/亿 (1672个, 44,624人) is exact
    return step / 2


def interval(rec: dict, *, rounding: bool = True) -> tuple[float, float] | None:
    """[lo, hi] of a numeric claim (infinite where unbounded); None when not numeric."""
    if rec.get("kind") not in NUMERIC_KINDS:
        return None
    value = rec.get("value")
    lower, upper = rec.get("lower"), rec.get("upper")
    if lower is None and upper is None:
        if rec.get("qualifier") != "exact" or not isinstance(value, (int, float)):
            return None
        lower = upper = value
    lo = -math.inf if lower is None else float(lower)
    hi = math.inf if upper is None else float(upper)
    if rounding and rec.get("qualifier") in ("exact", "range"):
        h = half_step(rec)
        lo, hi = lo - h, hi + h
    return lo, hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    tol = EPS * max(1.0, *(abs(x) for x in (*a, *b) if math.isfinite(x)))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def ratio_interval(n: tuple[float, float], d: tuple[float, float]) -> tuple[float, float] | None:
    """[lo, hi] of 100 * n / d for non-negative intervals; None when d may be zero."""
    if d[0] <= 0 or n[0] < 0:
        return None
    return 100 * n[0] / d[1], 100 * n[1] / d[0]


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(a[0] - b[1], b[0] - a[1], 0.0)


def fmt(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.6g}" if abs(x) < 1e6 else f"{x:.6e}"
