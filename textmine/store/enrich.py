"""Per-claim fields the store adds: indicator key (+ score), region and period."""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..types import Claim, Document, decimal_text
from .keys import KeyMatcher
from .periods import PeriodResolver
from .regions import RegionResolver


@dataclass
class Enricher:
    keys: KeyMatcher = field(default_factory=KeyMatcher.from_table)
    regions: RegionResolver = field(default_factory=RegionResolver.from_table)
    periods: PeriodResolver = field(default_factory=PeriodResolver.from_table)

    def document_region(self, doc: Document) -> str:
        first = doc.blocks[0].text if doc.blocks else ""
        return self.regions.document_region(doc.title, doc.issuer, first[:60])

    def claim_rows(self, doc: Document, claims: list[Claim]) -> tuple[str, list[dict]]:
        """(document region, one row a claim with the store's columns)."""
        doc_region = self.document_region(doc)
        by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            by_sentence[_sentence_key(c)].append(c)
        rows = []
        mentions: dict[str, list] = {}
        for c in claims:
            ms = mentions.get(c.sentence)
            if ms is None:
                ms = mentions[c.sentence] = self.regions.mentions(c.sentence)
            k = self.keys.match(c.indicator)
            region, region_source = self.regions.resolve(c.sentence, c.start, doc_region, ms)
            p = self.periods.resolve(c, by_sentence[_sentence_key(c)], doc.year, doc.issue_date)
            rows.append({
                "doc": c.doc, "page": c.page, "sentence": c.sentence, "start": c.start,
                "end": c.end, "text": c.text, "kind": c.kind,
                "value": _num(c.value) if c.kind != "date" else None,
                "value_text": _value_text(c.value), "unit": c.unit, "qualifier": c.qualifier,
                "lower": _num(c.lower), "lower_text": _value_text(c.lower),
                "upper": _num(c.upper), "upper_text": _value_text(c.upper),
                "indicator": c.indicator, "measure": str(c.measure),
                "measure_confidence": c.measure_confidence, "per": c.per, "change": c.change,
                "bbox": None if c.bbox is None else json.dumps([round(float(x), 2) for x in c.bbox]),
                "sentence_index": c.sentence_index, "section": c.section,
                "year_source": c.year_source, "optional": int(bool(c.optional)),
                "indicator_key": k.key, "indicator_key_score": k.score,
                "region": region, "region_source": region_source,
                "period": p.label, "period_start": p.start, "period_end": p.end,
                "period_source": p.source,
            })
        return doc_region, rows


def _sentence_key(c: Claim) -> tuple:
    return (c.sentence_index, c.page, c.sentence) if c.sentence_index is None else (c.sentence_index,)


def _value_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        return decimal_text(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _num(v) -> float | None:
    """A finite float, or None: for text that is no number (a date) and for a number no
    finite float holds (its exact text is kept beside it)."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v) if isinstance(v, (int, float, Decimal)) else float(Decimal(str(v)))
    except (ArithmeticError, ValueError):  # a date or other text value has no number
        return None
    return f if math.isfinite(f) else None
