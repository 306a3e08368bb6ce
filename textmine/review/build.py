"""What a review page shows, gathered: each document's text (or, for a stored document, the
sentences the database keeps), its claims with the store's fields (indicator key, region,
period, role), the page images of a PDF with the claim boxes drawn (the ``show`` rendering),
and the findings of ``check`` that touch the documents.

A file is extracted and put into an in-memory indicator database, so that its claims carry
exactly the fields a stored document's claims carry, and one code path serves both.
"""
from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ..errors import InputError, TextmineError
from ..types import Block, Document

JPEG_QUALITY = 70
RESOLUTION = 100  # pixels per inch of the page images: readable, and 13 pages stay light


@dataclass
class PageImage:
    page: int
    data_uri: str
    width: float   # points
    height: float  # points


@dataclass
class ReviewDoc:
    """One reviewed document. ``blocks`` and ``spans`` (block index -> [(start, end,
    sentence index)]) hold the full text of a file; for a stored document ``blocks`` is None
    and the text is the stored sentences of ``records``."""

    doc_id: str
    title: str | None
    path: str | None
    records: list[dict]
    blocks: list[Block] | None = None
    spans: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)
    pages: list[PageImage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Review:
    docs: list[ReviewDoc]
    findings: list  # store.checks.Finding
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)


def page_images(path: str | Path, claims: list, password: str | None = None,
                resolution: int = RESOLUTION) -> list[PageImage]:
    """Every page of a PDF with its claims boxed, as JPEG data URIs."""
    from ..ingest.render import render_pages
    out = []
    for no, img, (w, h) in render_pages(path, claims, password=password, resolution=resolution):
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        uri = "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
        out.append(PageImage(no, uri, w, h))
    return out


def sentence_spans(doc: Document) -> dict[int, list[tuple[int, int, int]]]:
    """Block index -> (start, end, sentence index) of each sentence in it."""
    from ..nlp.sentences import split_document
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for s in split_document(doc):
        spans.setdefault(s.block, []).append((s.start, s.start + len(s.text), s.index))
    return spans


def _stored_records(doc: Document, claims: list, path: Path) -> list[dict]:
    """The claims as the store keeps them (indicator key, region, period, ...)."""
    from ..store.db import ClaimFilter, IndicatorDB
    sha = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()
    with IndicatorDB(":memory:") as mem:
        mem.add_document(doc, claims, path=path, sha256=sha)
        return mem.query(ClaimFilter())


def review_file(path: Path, extractor, *, password: str | None = None,
                pages: bool = True) -> ReviewDoc:
    doc, claims = extractor.extract_file(path, password=password)
    rd = ReviewDoc(doc.doc_id, doc.title, str(path), _stored_records(doc, claims, path),
                   blocks=doc.blocks, spans=sentence_spans(doc), warnings=list(doc.warnings))
    if pages and doc.pages:
        rd.pages = page_images(path, claims, password)
    return rd


def review_files(paths, extractor, *, password: str | None = None, pages: bool = True) -> Review:
    """Review of files (a file that fails is listed in ``failed``; the others are kept)."""
    from ..store.checks import run_checks
    docs, failed = [], []
    for p in map(Path, paths):
        try:
            docs.append(review_file(p, extractor, password=password, pages=pages))
        except TextmineError as e:
            failed.append((str(p), str(e)))
    records = [r for d in docs for r in d.records]
    return Review(docs, run_checks(records).findings, failed)


def _stored_pages(row: dict, records: list[dict]) -> list[PageImage]:
    """The page images of a stored PDF when the file is still there, unchanged."""
    from ..fileio import sha256_file
    p = Path(row["path"] or "")
    if not row.get("pages") or not p.is_file():
        return []
    try:
        if sha256_file(p) != row["sha256"]:
            return []
        boxes = [SimpleNamespace(page=r["page"], bbox=r["bbox"], value=r["value"],
                                 unit=r["unit"], kind=r["kind"]) for r in records]
        return page_images(p, boxes)
    except (OSError, TextmineError):
        return []


def review_stored(db, names: list[str], *, pages: bool = True) -> Review:
    """Review of documents stored in ``db`` (an ``IndicatorDB``), named by document id or
    path; findings of the whole database that touch them."""
    from ..store.checks import run_checks
    from ..store.db import ClaimFilter
    rows = db.documents()
    docs, failed = [], []
    for name in names:
        hits = [r for r in rows if name in (r["doc"], r["path"])
                or r["path"] == str(Path(name).resolve())]
        if not hits:
            failed.append((name, f"{name}: no such document in {db.path}"))
        for row in hits:
            records = [r for r in db.query(ClaimFilter(doc=row["doc"]))
                       if r.get("path") == row["path"]]
            rd = ReviewDoc(row["doc"], row.get("title"), row["path"], records)
            if pages:
                rd.pages = _stored_pages(row, records)
            docs.append(rd)
    shown = {d.path for d in docs}
    findings = [f for f in run_checks(db.iter_claims()).findings
                if any(c.get("path") in shown for c in f.claims)]
    if not docs and failed:
        raise InputError(failed[0][1])
    return Review(docs, findings, failed)
