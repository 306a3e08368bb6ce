"""The indicator database (SQLite) and the consistency checks.

Modules: ``db`` (the IndicatorDB class: opening, migrating, add_document, ingest, query), ``schema``
(tables and migrations), ``rows`` (claims -> rows; period, role, region and key come from
the extractor, ``textmine.attribute``), ``checks`` (within and between reports -> Finding),
``numbers`` (intervals and rounding tolerances), ``export`` (CSV/JSONL/Parquet), ``report``
(HTML). Import the module you need; nothing here loads at ``import textmine``.
"""
