"""One large PDF split across workers: each reads a page range, the parent assembles.

    >>> parts = [read_page_range(path, 1, 8), read_page_range(path, 9, 16)]   # doctest: +SKIP
    >>> doc = assemble(path, parts)          # the same Document as read_pdf(path)  # doctest: +SKIP

The page loop and the assembly are the PDF reader's own (``textmine.ingest.pdf``:
``read_pdf`` is ``assemble`` of one part holding every page), so a split document equals the
whole one, errors and their messages included (tests/test_batch_pages.py).
"""
from __future__ import annotations

from ..ingest.pdf import PagePart, assemble, page_count, read_page_range

__all__ = ["PagePart", "assemble", "page_count", "read_page_range"]
