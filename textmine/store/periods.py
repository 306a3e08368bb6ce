"""Periods of claims: which stretch of time a figure covers.

Rules (and the as-of marker words) are in ``textmine/data/periods.toml``. Periods are ISO
8601 intervals: ``2020`` (a year), ``2020-01/2020-06`` (a range), ``../2020-06-30`` (up to a
date: cumulative, 截至), ``2020-01-01/..`` (since a date, end unknown).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ..types import Claim
from ._data import load_table


@dataclass(frozen=True)
class Period:
    label: str          # ISO interval as above, "" when unknown
    start: str | None   # YYYY-MM-DD or None (open)
    end: str | None     # YYYY-MM-DD or None (open)
    source: str         # sentence | document | none

    @property
    def comparable(self) -> bool:
        """True when two claims with equal labels cover the same time (closed or as-of)."""
        return bool(self.label) and self.end is not None


def iso_bounds(value: str) -> tuple[str, str] | None:
    """First and last day of an ISO date or interval at any precision; None if not a date."""
    if "/" in value:
        a, _, b = value.partition("/")
        lo, hi = iso_bounds(a), iso_bounds(b)
        if lo is None or hi is None:
            return None
        return lo[0], hi[1]
    parts = value.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if not nums or not 1000 <= nums[0] <= 9999 or len(nums) > 3:
        return None
    y = nums[0]
    try:
        if len(nums) == 1:
            return f"{y:04d}-01-01", f"{y:04d}-12-31"
        m = nums[1]
        last = calendar.monthrange(y, m)[1]
        if len(nums) == 2:
            return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
        d = date(y, m, nums[2]).isoformat()
        return d, d
    except ValueError:
        return None


@dataclass
class PeriodResolver:
    as_of_markers: tuple[str, ...] = ()
    day_dates_as_period: bool = False

    @classmethod
    def from_table(cls, table: dict | None = None) -> "PeriodResolver":
        t = table if table is not None else load_table("periods")
        markers = tuple(sorted(t.get("as_of", {}).get("markers", []), key=len, reverse=True))
        return cls(markers, bool(t.get("date", {}).get("day_dates_as_period", False)))

    def document_period(self, year: int | None) -> Period:
        if year is None:
            return Period("", None, None, "none")
        return Period(str(year), f"{year:04d}-01-01", f"{year:04d}-12-31", "document")

    def resolve(self, claim: Claim, same_sentence: Sequence[Claim], year: int | None,
                issue_date: str | None = None) -> Period:
        """The period of ``claim`` from the date claims before it in its sentence."""
        if claim.kind == "date":
            return Period("", None, None, "none")
        dates = [d for d in same_sentence
                 if d.kind == "date" and isinstance(d.value, str) and d.end <= claim.start]
        for d in sorted(dates, key=lambda d: d.start, reverse=True):
            p = self.from_date(d, issue_date)
            if p is not None:
                return p
        return self.document_period(year)

    def from_date(self, d: Claim, issue_date: str | None = None) -> Period | None:
        value = str(d.value)
        bounds = iso_bounds(value)
        if bounds is None:
            return None
        lo, hi = bounds
        as_of = any(d.sentence[:d.start].endswith(m) for m in self.as_of_markers)
        q = d.qualifier
        is_day = "/" not in value and value.count("-") == 2
        if as_of or q in ("end", "before"):
            return Period(f"../{hi}", None, hi, "sentence")
        if q == "since":
            end = issue_date if issue_date and issue_date >= lo else None
            return Period(f"{lo}/{end or '..'}", lo, end, "sentence")
        if is_day and not self.day_dates_as_period:
            return None  # an event date (a meeting), not the figure's period
        if q in ("exact", "range", "start", "mid"):
            return Period(value, lo, hi, "sentence")
        return None
