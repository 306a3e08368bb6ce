"""The indicator database from a notebook: claims, findings and search hits as pandas
DataFrames (``pip install 'textmine[notebook]'`` brings pandas).

    >>> import textmine
    >>> db = textmine.open_db("indicators.db")                       # doctest: +SKIP
    >>> df = db.claims(measure="employment", min_value="1万")        # doctest: +SKIP
    >>> df.groupby("indicator_key")["value"].sum()                   # doctest: +SKIP
    >>> db.findings()                                                # doctest: +SKIP
    >>> db.series("城镇新增就业", role="outcome")                     # doctest: +SKIP

``value`` (and ``lower``/``upper``) are floats, NaN for dates; ``value_text`` keeps the exact
decimal or the ISO date. Filters are those of ``textmine query`` (``textmine.query``), checked
the same way: an unknown measure, role or kind raises ``ConfigError`` with the valid ones.
"""
from __future__ import annotations

from pathlib import Path

from .errors import ConfigError
from .query import make_filter

# the columns an analyst reads first; the others follow in the database's order
FIRST_COLUMNS = ["doc", "page", "text", "kind", "value", "value_text", "unit", "qualifier",
                 "lower", "upper", "per", "change", "indicator", "indicator_key", "measure",
                 "role", "region", "period", "sentence"]


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ConfigError("DataFrames need pandas: pip install 'textmine[notebook]'") from None
    return pandas


def _number(v):
    if isinstance(v, bool) or v is None:
        return None
    return float(v) if isinstance(v, (int, float)) else None


def claims_frame(records: list[dict]):
    """A DataFrame of claim records: numbers as floats (NaN where there is none), the exact
    text of the value beside it, the analyst's columns first."""
    pd = _pandas()
    rows = []
    for r in records:
        r = dict(r)
        r.setdefault("value_text", None if r.get("value") is None else str(r["value"]))
        for k in ("value", "lower", "upper"):
            r[k] = _number(r.get(k))
        rows.append(r)
    df = pd.DataFrame.from_records(rows)
    if df.empty:
        return pd.DataFrame(columns=FIRST_COLUMNS)
    for k in ("value", "lower", "upper"):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype("float64")
    first = [c for c in FIRST_COLUMNS if c in df.columns]
    return df[first + [c for c in df.columns if c not in first]]


class IndicatorData:
    """An open indicator database (``textmine.open_db``). Close it, or use it in ``with``."""

    def __init__(self, path: str | Path):
        from .store.db import IndicatorDB
        self.path = str(path)
        self._db = IndicatorDB(path, create=False)

    def claims(self, **filters):
        """Claims matching every filter (measure, role, kind, indicator, region, period,
        unit, doc, min_value, max_value, limit), one row a claim."""
        return claims_frame(self._db.query(make_filter(**filters)))

    def findings(self, *, within: bool = True, between: bool = True):
        """The findings of ``textmine check``: one row per claim of each finding (``finding``
        numbers them), with the finding's type, relation and message."""
        from .store.checks import run_checks
        result = run_checks(self._db.iter_claims(), within=within, between=between)
        rows = []
        for n, f in enumerate(result.findings, 1):
            for c in f.claims:
                rows.append({"finding": n, "type": f.type, "relation": f.relation,
                             "message": f.message, **c})
        df = claims_frame(rows)
        lead = ["finding", "type", "relation", "message"]
        return df.reindex(columns=lead + [c for c in df.columns if c not in lead])

    def series(self, indicator: str, *, region: str | None = None, role: str | None = None,
               rollup: bool = True):
        """The figures of one indicator (any synonym of its key) ordered by period, as
        ``textmine series`` lists them: one row a figure, with ``finding`` (conflict) and
        ``attainment`` (met, missed, judges) from the checks between reports."""
        from .query import check_choice
        from .store.series import SERIES_FIELDS, series
        rows = series(self._db, indicator, region=region, role=check_choice("role", role),
                      rollup=rollup)
        df = claims_frame(rows)
        return df.reindex(columns=list(SERIES_FIELDS) + ["value_text"])

    def search(self, *words: str, limit: int | None = None):
        """Sentences holding every word (``textmine search``), with the places of the words."""
        pd = _pandas()
        result = self._db.search(list(words), limit=limit)
        return pd.DataFrame([h.to_dict() for h in result.hits],
                            columns=["doc", "path", "page", "sentence_index", "sentence",
                                     "hits", "snippet", "snippet_hits"])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "IndicatorData":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<textmine indicator database {self.path}>"


def open_db(path: str | Path) -> IndicatorData:
    """Open an existing indicator database for reading into DataFrames."""
    return IndicatorData(path)
