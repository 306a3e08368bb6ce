"""Days of ISO periods: ``2020`` -> 2020-01-01..2020-12-31, ``2020-01/2020-06``,
``2013/2017``. The period of each claim comes from the extractor (``textmine.attribute``)."""
from __future__ import annotations

import calendar
from datetime import date


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
