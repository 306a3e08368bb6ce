"""The indicator database (SQLite) and the consistency checks.

Modules: ``db`` (the IndicatorDB class: opening, migrating, add_document, ingest, query), ``schema``
(tables and migrations), ``enrich`` (indicator key, region, period per claim, from
``keys``, ``regions``, ``periods``), ``checks`` (within and between reports -> Finding),
``numbers`` (intervals and rounding tolerances), ``export`` (CSV/JSONL/Parquet), ``report``
(HTML). Import the module you need; nothing here loads at ``import textmine``.
"""
