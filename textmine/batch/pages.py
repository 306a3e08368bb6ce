"""One large PDF split across workers: read a page range, then assemble the parts.

    >>> parts = [read_page_range(path, 1, 8), read_page_range(path, 9, 16)]   # doctest: +SKIP
    >>> doc = assemble(path, parts)          # the same Document as read_pdf(path)  # doctest: +SKIP

``read_page_range`` lays out pages ``first..last`` exactly as ``textmine.ingest.pdf.read_pdf``
does (its per-page step, ``_layout_page``, is called as is); ``assemble`` renumbers the tables,
joins the parts in page order and hands them to the reader's own ``_assemble`` (furniture,
title, masthead and year are decided across all pages there). Whenever the document as a
whole is unusual (no text, a garbled text layer) ``assemble`` returns ``read_pdf(path)``
itself, so errors and their messages are always the reader's own.

Equality with ``read_pdf`` is tested (tests/test_batch_pages.py); if ``read_pdf``'s page loop
changes, this module must follow (better: move a page-range reader into textmine/ingest/pdf.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from ..ingest import pdf as _pdf
from ..types import Document, Table


@dataclass
class PagePart:
    """What workers send back for pages ``first..last`` (1-based, inclusive)."""

    first: int
    last: int
    n_pages: int
    pages: list = field(default_factory=list)          # textmine.ingest.pdf._Page
    tables: list[Table] = field(default_factory=list)  # numbered from 0 inside the part
    warnings: list[str] = field(default_factory=list)
    total: int = 0
    unmapped: int = 0
    suspect: int = 0
    cjk: int = 0
    image_pages: int = 0
    chars: int = 0


def page_count(path: str | Path, password: str | None = None) -> int:
    """Number of pages of a PDF (raises the reader's ``IngestError`` for bad files)."""
    pdf = _pdf._open(Path(path), password)
    try:
        return len(pdf.pages)
    finally:
        pdf.close()


def read_page_range(path: str | Path, first: int, last: int,
                    password: str | None = None) -> PagePart:
    """Lay out pages ``first..last`` of a PDF (as read_pdf's page loop does)."""
    path = Path(path)
    pdf = _pdf._open(path, password)
    part = PagePart(first, last, 0)
    try:
        part.n_pages = len(pdf.pages)
        for i in range(first - 1, min(last, part.n_pages)):
            page_no = i + 1
            page = pdf.pages[i]
            try:
                if max(page.width, page.height) > _pdf.MAX_PAGE_SIDE:
                    part.warnings.append(f"page {page_no}: {page.width:.0f} x {page.height:.0f} pt "
                                         f"is larger than PDF allows; skipped")
                    continue
                chars = page.chars
                if len(chars) > _pdf.MAX_PAGE_CHARS:
                    part.warnings.append(f"page {page_no}: {len(chars)} characters, above the "
                                         f"limit of {_pdf.MAX_PAGE_CHARS}; skipped")
                    continue
                glyphs, unmapped, suspect = _pdf._glyphs(chars)
                visible = sum(1 for g in glyphs if not g.text.isspace())
                part.total += visible
                part.unmapped += unmapped
                part.suspect += suspect
                part.cjk += sum(1 for g in glyphs if "\u3400" <= g.text[:1] <= "\u9fff")
                if unmapped:
                    part.warnings.append(f"page {page_no}: {unmapped} unmapped glyphs (cid:NN)")
                if not visible:
                    if page.images:
                        part.image_pages += 1
                        part.warnings.append(f"page {page_no}: no text layer (image only); "
                                             "OCR is needed for it")
                    else:
                        part.warnings.append(f"page {page_no}: empty page")
                    continue
                rec = _pdf._Page(page_no)
                _pdf._layout_page(page, page_no, glyphs, part.tables, rec)
                part.pages.append(rec)
            except IngestError:
                raise
            except Exception as e:  # noqa: BLE001 - a damaged page: say so, go on
                part.warnings.append(f"page {page_no}: cannot be read ({type(e).__name__}: {e})")
            finally:
                page.close()
    finally:
        pdf.close()
    part.chars = part.total
    return part


def _renumber(part: PagePart, offset: int) -> None:
    """Shift the part's table indices by ``offset`` (tables found in earlier parts)."""
    if not offset:
        return
    for rec in part.pages:
        new = []
        for pos, cells, t in rec.tables:
            for b in cells:
                if b.table is not None:
                    b.table += offset
            new.append((pos, cells, t + offset))
        rec.tables = new


def assemble(path: str | Path, parts: list[PagePart], password: str | None = None) -> Document:
    """The Document of all parts (in page order), as ``read_pdf`` would return it."""
    path = Path(path)
    parts = sorted(parts, key=lambda p: p.first)
    pages, tables, warnings = [], [], []
    total = unmapped = suspect = cjk = 0
    n_pages = parts[0].n_pages if parts else 0
    for part in parts:
        _renumber(part, len(tables))
        pages.extend(part.pages)
        tables.extend(part.tables)
        warnings.extend(part.warnings)
        total += part.total
        unmapped += part.unmapped
        suspect += part.suspect
        cjk += part.cjk
    unusual = (total == 0 or unmapped > _pdf.GARBAGE_SHARE * total
               or (suspect > _pdf.GARBAGE_SHARE * total and cjk < 0.05 * total))
    if unusual:  # let the reader decide (and word the error) itself
        return _pdf.read_pdf(path, password=password)
    return _pdf._assemble(path, pages, tables, warnings, n_pages)
