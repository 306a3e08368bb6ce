"""Claims -> rows of the claims table: the contract fields, the attribution fields the
extractor filled (period, role, region, indicator key) and what the store derives from them
(the period's first and last day, the region's level and division code)."""
from __future__ import annotations

import json
import math
from decimal import Decimal

from ..types import Claim, Document, decimal_text
from .periods import iso_bounds


def claim_rows(doc: Document, claims: list[Claim], attributor) -> tuple[str, list[dict]]:
    """(the document's region, one row a claim). Claims that were never attributed (made
    by hand, or by an older extractor) are attributed here first."""
    if any(c.period_source is None for c in claims):
        attributor.apply(doc, claims)
    gaz, keys = attributor.gazetteer, attributor.keys
    rows = []
    for c in claims:
        region = gaz.region(c.region) if c.region else None
        bounds = period_bounds(c.period)
        rows.append({
            "doc": c.doc, "page": c.page, "sentence": c.sentence, "start": c.start,
            "end": c.end, "text": c.text, "kind": c.kind,
            "value": number(c.value) if c.kind != "date" else None,
            "value_text": value_text(c.value), "unit": c.unit, "qualifier": c.qualifier,
            "lower": number(c.lower), "lower_text": value_text(c.lower),
            "upper": number(c.upper), "upper_text": value_text(c.upper),
            "indicator": c.indicator, "measure": str(c.measure),
            "measure_confidence": c.measure_confidence, "per": c.per, "currency": c.currency,
            "change": c.change,
            "bbox": None if c.bbox is None else json.dumps([round(float(x), 2) for x in c.bbox]),
            "sentence_index": c.sentence_index, "section": c.section,
            "year_source": c.year_source, "optional": int(bool(c.optional)),
            "indicator_key": c.indicator_key or "",
            "indicator_key_score": 1.0 if c.indicator_key in keys.known else 0.0,
            "region": c.region or "", "region_source": None,
            "region_level": region.level if region is not None else None,
            "region_code": region.code or None if region is not None else None,
            "period": c.period or "", "period_start": bounds[0] if bounds else None,
            # (a figure counted to date: its period open, compared with no whole period's)
            "period_end": bounds[1] if bounds and not c.to_date else None,
            "period_source": c.period_source,
            "role": c.role or "outcome",
            "table": c.table, "row": c.row, "col": c.col, "ocr": int(bool(c.ocr)),
            "ocr_confidence": c.ocr_confidence,
        })
    return doc.region or "", rows


def value_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return decimal_text(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def number(v) -> float | None:
    """A finite float, or None: for text that is no number (a date) and for a number no
    finite float holds (its exact text is kept beside it)."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v) if isinstance(v, (int, float, Decimal)) else float(Decimal(str(v)))
    except (ArithmeticError, ValueError):  # a date or other text value has no number
        return None
    return f if math.isfinite(f) else None


def period_bounds(period: str | None) -> tuple[str | None, str | None] | None:
    """First and last day of a period; an open end (``2020/..``) has no last day."""
    if not period:
        return None
    if period.endswith("/.."):
        b = iso_bounds(period[:-3])
        return (b[0], None) if b else None
    return iso_bounds(period)
