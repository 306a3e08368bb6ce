"""Write claim records as CSV, JSONL or Parquet (pyarrow)."""
from __future__ import annotations

from ..fileio import write_atomic  # noqa: F401  (re-exported for cli)

import csv
import io
import json
import math
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError, StoreError

EXPORT_FIELDS = [
    "id", "doc", "path", "page", "sentence_index", "section", "sentence", "start", "end", "text",
    "kind", "value", "value_text", "unit", "qualifier", "lower", "lower_text", "upper",
    "upper_text", "indicator", "measure",
    "measure_confidence", "per", "change", "optional", "bbox", "year_source",
    "indicator_key", "indicator_key_score", "region", "region_source",
    "period", "period_start", "period_end", "period_source", "role", "region_level",
]
FORMATS = ("csv", "jsonl", "parquet")


def _clean(r: dict) -> dict:
    out = {k: r.get(k) for k in EXPORT_FIELDS}
    for num, text in (("value", "value_text"), ("lower", "lower_text"), ("upper", "upper_text")):
        if out[text] is None and out[num] is not None:
            out[text] = str(out[num])
    return out


def _finite(v) -> float | None:
    """A number column of a typed output (Parquet): a finite float, else None (a date, or a
    number no float holds: its exact text is in the ``*_text`` column)."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def records_to_text(records: Iterable[dict], fmt: str) -> str:
    """CSV or JSONL text of the records (Parquet is binary: use ``write_records``)."""
    buf = io.StringIO()
    if fmt == "jsonl":
        for r in records:
            buf.write(json.dumps(_clean(r), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in records:
            w.writerow({k: (json.dumps(v) if isinstance(v, list) else v)
                        for k, v in _clean(r).items()})
    else:
        raise ConfigError(f"format {fmt!r} is not text; choose csv or jsonl")
    return buf.getvalue()


def parquet_bytes(records: Iterable[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_clean(r) for r in records]
    cols: dict[str, list] = {k: [r[k] for r in rows] for k in EXPORT_FIELDS}
    schema = pa.schema([
        ("id", pa.int64()), ("doc", pa.string()), ("path", pa.string()), ("page", pa.int64()),
        ("sentence_index", pa.int64()), ("section", pa.string()), ("sentence", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("kind", pa.string()),
        ("value", pa.float64()), ("value_text", pa.string()), ("unit", pa.string()),
        ("qualifier", pa.string()), ("lower", pa.float64()), ("lower_text", pa.string()),
        ("upper", pa.float64()), ("upper_text", pa.string()), ("indicator", pa.string()),
        ("measure", pa.string()), ("measure_confidence", pa.float64()), ("per", pa.string()),
        ("change", pa.string()), ("optional", pa.bool_()), ("bbox", pa.list_(pa.float64())),
        ("year_source", pa.string()), ("indicator_key", pa.string()),
        ("indicator_key_score", pa.float64()), ("region", pa.string()),
        ("region_source", pa.string()), ("period", pa.string()), ("period_start", pa.string()),
        ("period_end", pa.string()), ("period_source", pa.string()), ("role", pa.string()),
        ("region_level", pa.string()),
    ])
    for k in ("value", "lower", "upper", "measure_confidence", "indicator_key_score"):
        cols[k] = [_finite(v) for v in cols[k]]
    table = pa.Table.from_pydict({f.name: cols[f.name] for f in schema}, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def write_records(records: Iterable[dict], fmt: str, path: str | Path) -> int:
    """Write records to ``path`` atomically; returns the number written."""
    rows = list(records)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        data = parquet_bytes(rows) if fmt == "parquet" else records_to_text(rows, fmt)
        write_atomic(path, data)
    except OSError as e:
        raise StoreError(f"{path}: cannot write: {e.strerror or e}") from e
    return len(rows)
