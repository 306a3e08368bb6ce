"""Claim filters from what a person types: closed choices checked against their lists, and
amounts written the way reports write them (``1亿``, ``5000万``, ``1.5e8``).

    >>> make_filter(measure="employment", min_value="5000万").min_value
    50000000.0
    >>> make_filter(measure="employement")
    Traceback (most recent call last):
    ...
    textmine.errors.ConfigError: unknown measure 'employement'; choose one of industry, employment, consumption, social_mobilisation, other

The CLI offers the same lists as its choices (``CHOICES``), and the notebook API
(``textmine.open_db(...).claims(measure=...)``) goes through ``make_filter``.
"""
from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from .errors import ConfigError
from .parse.numerals import parse_numeral
from .store.db import ClaimFilter
from .types import KINDS, ROLES, Measure

CHOICES: dict[str, tuple[str, ...]] = {
    "measure": tuple(m.value for m in Measure),
    "role": ROLES,
    "kind": KINDS,
}


def check_choice(name: str, value: str | None) -> str | None:
    """``value`` when it is one of the valid values of ``name`` (or None); else a ConfigError
    that lists them."""
    if value is None:
        return None
    valid = CHOICES[name]
    if value not in valid:
        raise ConfigError(f"unknown {name} {value!r}; choose one of {', '.join(valid)}")
    return value


def parse_amount(text: str | float | int | Decimal | None) -> float | None:
    """A bound for ``value``: a number, or a numeral with 万/亿 (``1亿`` -> 1e8, ``5000万``,
    ``1.2万``, ``三千``, full-width digits); ConfigError when it is neither."""
    if text is None or isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return None if text is None else _finite(float(text), text)
    s = str(text).strip().replace(",", "").replace("，", "")
    try:
        return _finite(float(Decimal(s)), text)
    except (InvalidOperation, ValueError):
        pass
    sign = -1 if s[:1] in ("-", "−") else 1
    v = parse_numeral(s.lstrip("-−+"))
    if v is None:
        raise ConfigError(f"not an amount: {text!r} (write e.g. 1500000, 1.5e6, 150万, 1亿)")
    return _finite(sign * float(v), text)


def _finite(v: float, text) -> float:
    if not math.isfinite(v):
        raise ConfigError(f"not a finite amount: {text!r}")
    return v


def make_filter(*, measure: str | None = None, role: str | None = None,
                kind: str | None = None, min_value=None, max_value=None,
                **others) -> ClaimFilter:
    """A ``ClaimFilter`` from user input: choices checked, amounts parsed; the other
    fields (indicator, region, period, unit, doc, limit, ...) as given."""
    unknown = set(others) - set(ClaimFilter.__dataclass_fields__)
    if unknown:
        valid = sorted(set(ClaimFilter.__dataclass_fields__) | {"measure", "role", "kind"})
        raise ConfigError(f"unknown filter {', '.join(sorted(unknown))}; "
                          f"filters are {', '.join(valid)}")
    return ClaimFilter(measure=check_choice("measure", measure), role=check_choice("role", role),
                       kind=check_choice("kind", kind), min_value=parse_amount(min_value),
                       max_value=parse_amount(max_value), **others)
