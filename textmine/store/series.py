"""Time series of one indicator across the stored reports.

    >>> rows = series(db, "GDP", region="全国", role="outcome")
    >>> [(r["period"], r["text"], r["doc"]) for r in rows]

One row per figure whose indicator key is the one named (any synonym: ``GDP``, ``财政收入``),
ordered by period: the figure, its interval, unit, kind and change (a level and its growth
share the key), role, region, where it stands, and what the checks say of it: ``finding``
(``conflict`` when its comparison group holds values that cannot all hold) and
``attainment`` (``met``/``missed`` for a target judged by a later report's outcome,
``judges`` for that outcome).
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable

from .compare import base_key, compare_groups
from .db import ClaimFilter, IndicatorDB

SERIES_FIELDS = ("period", "value", "lower", "upper", "unit", "kind", "change", "role", "region",
                 "doc", "page", "sentence_index", "text", "indicator", "indicator_key",
                 "period_source", "finding", "attainment", "sentence", "id")
SERIES_KINDS = ("money", "count", "percent", "quantity", "ratio")


def series(db: IndicatorDB, indicator: str, *, region: str | None = None,
           role: str | None = None, rollup: bool = True) -> list[dict]:
    """The figures of ``indicator`` (any name of its key) ordered by period."""
    key = db.indicator_key(indicator)
    f = ClaimFilter(region=region, role=role, rollup=rollup, include_optional=False)
    rows = [r for r in db.iter_claims(f, key=key) if r["kind"] in SERIES_KINDS and r.get("period")]
    mark(rows)
    rows.sort(key=_order)
    return [{k: r.get(k) for k in SERIES_FIELDS} for r in rows]


def mark(rows: list[dict]) -> None:
    """Set ``finding`` and ``attainment`` of each row from the between-report checks."""
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["finding"], r["attainment"] = None, None
    comparable = sorted((r for r in rows if base_key(r) is not None), key=base_key)
    for f in compare_groups(comparable):
        if f["relation"] == "conflict":
            for c in f["members"]:
                by_id[c["id"]]["finding"] = "conflict"
        else:
            target, outcome = f["claims"]
            by_id[target["id"]]["attainment"] = f["relation"]
            by_id[outcome["id"]]["attainment"] = by_id[outcome["id"]]["attainment"] or "judges"


def _order(r: dict) -> tuple:
    return (r.get("period_start") or "", r.get("period_end") or "", r.get("doc_year") or 0,
            r["kind"], r.get("change") or "", r.get("role") or "", r["doc"], r["id"])


def series_text(rows: Iterable[dict], fmt: str) -> str:
    """The rows as CSV or JSON lines."""
    buf = io.StringIO()
    if fmt == "jsonl":
        for r in rows:
            buf.write(json.dumps(r, ensure_ascii=False) + "\n")
        return buf.getvalue()
    w = csv.DictWriter(buf, fieldnames=SERIES_FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()
