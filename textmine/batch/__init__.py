"""Batch processing of whole archives: parallel (local processes or Dask), resumable, streamed.

    >>> from textmine.batch import WorkOptions, RecordSink, run_batch
    >>> sink = RecordSink()                                   # keeps the records  # doctest: +SKIP
    >>> summary = run_batch(["archive/"], sink, options=WorkOptions(classify=False), jobs=2)  # doctest: +SKIP

Modules: ``work`` (what a worker runs), ``engines`` (inline, process pool, Dask), ``runner``
(``BatchRun``: planning, scheduling, ordered results, events), ``sinks`` (the single writer:
a file, Parquet parts, the indicator database). Reading and extracting go through
``textmine.api``; the file formats are ``textmine.output``'s.
"""
from __future__ import annotations

from .engines import default_jobs
from .runner import BatchSummary, FileEvent, run_batch
from .sinks import CsvSink, DBSink, JsonlSink, ParquetSink, RecordSink
from .work import FileResult, WorkOptions

__all__ = ["BatchSummary", "CsvSink", "DBSink", "FileEvent", "FileResult", "JsonlSink",
           "ParquetSink", "RecordSink", "WorkOptions", "default_jobs", "run_batch"]
