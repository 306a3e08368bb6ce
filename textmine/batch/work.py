"""What runs in a worker process: one file, or one page range of a large PDF.

Each worker process keeps one ``Extractor`` per option set (``_extractor``): the spaCy pipeline
and the classifier load on the first file the process gets and stay loaded for the next ones.
The functions here are plain module-level functions with picklable arguments and results, so
the same code runs in a local process pool and on Dask workers.
"""
from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ..errors import TextmineError
from ..types import Block, Claim, Document


@dataclass(frozen=True)
class WorkOptions:
    """Options every worker needs (picklable). ``factory``: a module-level callable
    ``factory(options) -> object with extract_document(doc, sentences=None) and
    extract_file(path, ...)``
    (default: ``textmine.api.Extractor``); tests use it to plug in a cheap extractor.
    ``encode``: a module-level ``encode(claims) -> payload`` the worker applies to a file's
    claims (the sink's own encoding, e.g. JSON lines), so that the one writer only writes and
    the records cross the process boundary as one string instead of many objects."""

    classify: bool = True
    model_path: str | None = None
    password: str | None = None
    year: int | None = None
    factory: Callable | None = None
    encode: Callable | None = None


@dataclass
class FileResult:
    """A document's outcome. ``doc``: the Document without its text (only what the store
    needs); ``claims``: the claims (Claim objects), or None when failed or encoded;
    ``payload``: ``WorkOptions.encode(claims)`` when the options have an encoder;
    ``count``: the number of claims either way."""

    index: int
    path: str
    doc: Document | None = None
    claims: list[Claim] | None = None
    pages: int = 0
    chars: int = 0
    seconds: float = 0.0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    payload: object = None
    count: int = 0


_EXTRACTORS: dict = {}


def _default_factory(opts: WorkOptions):
    from ..api import Extractor
    return Extractor(classify=opts.classify, model_path=opts.model_path)


def extractor(opts: WorkOptions):
    """This process's extractor for ``opts`` (built once, on first use)."""
    key = (opts.classify, opts.model_path, opts.factory)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = (opts.factory or _default_factory)(opts)
    return ex


def warm_up(opts: WorkOptions) -> None:
    """Load the pipeline (and the classifier when classifying) now."""
    ex = extractor(opts)
    for attr in ("nlp", "model") if opts.classify else ("nlp",):
        getattr(ex, attr, None)


def init_worker() -> None:
    """Pool initializer: Ctrl-C goes to the parent, which stops the workers itself; one BLAS
    or OpenMP thread a worker (the workers already fill the cores; more threads only fight)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(1)
    except ImportError:  # threadpoolctl comes with scikit-learn; without it, no limit
        pass


def slim(doc: Document) -> Document:
    """The document's metadata and first block (no character boxes): what the store uses."""
    first = [Block(b.text[:200], b.kind, b.page) for b in doc.blocks[:1]]
    return replace(doc, blocks=first, tables=[], metadata={})


def error_text(path: str | Path, e: BaseException) -> str:
    if isinstance(e, TextmineError):
        return str(e)
    if isinstance(e, OSError):
        return f"{path}: cannot read: {e.strerror or e}"
    return f"{path}: unexpected {type(e).__name__}: {e}"


def shell(doc: Document) -> Document:
    """The document without its blocks: what extracting a part of its sentences needs (id,
    year and year source), cheap to send to a worker."""
    return replace(doc, blocks=[], tables=[], metadata={})


def run_sentences(chunk: int, doc: Document, sentences: list, opts: WorkOptions) -> list[Claim]:
    """The claims of a run of a split document's sentences (``doc``: its ``shell``), without
    boxes: the parent, which holds the character boxes, adds them. Errors are raised."""
    return extractor(opts).extract_document(doc, sentences)


def doc_result(index: int, path: str, doc: Document, claims: list[Claim], sentences: list,
               started: float, opts: WorkOptions) -> FileResult:
    """The outcome of a split document whose claims came back from the workers: boxes and
    attribution need the whole document, which only the parent holds."""
    from ..nlp.sentences import fill_boxes
    fill_boxes(doc, sentences, claims)
    attribute = getattr(extractor(opts), "attribute", None)
    if attribute is not None:
        claims = attribute(doc, claims)
    return FileResult(index, path, doc=slim(doc), claims=claims, count=len(claims),
                      pages=doc.pages or 1, chars=sum(len(b.text) for b in doc.blocks),
                      warnings=list(doc.warnings), seconds=time.perf_counter() - started)


def run_file(index: int, path: str, opts: WorkOptions) -> FileResult:
    """Read and extract one file (``Extractor.extract_file``). Errors are returned, not raised."""
    t0 = time.perf_counter()
    res = FileResult(index, path)
    try:
        doc, claims = extractor(opts).extract_file(path, password=opts.password, year=opts.year)
        res.doc, res.count = slim(doc), len(claims)
        if opts.encode is None:
            res.claims = claims
        else:
            res.payload = opts.encode(claims)
        res.pages = doc.pages or 1
        res.chars = sum(len(b.text) for b in doc.blocks)
        res.warnings = list(doc.warnings)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a batch
        res.error = error_text(path, e)
    res.seconds = time.perf_counter() - t0
    return res


def run_files(items: list[tuple[int, str]], opts: WorkOptions) -> list[FileResult]:
    """``run_file`` for each (index, path): one unit for several small files, so that the
    cost of handing out a unit and returning its result is paid once for all of them."""
    return [run_file(index, path, opts) for index, path in items]


def run_pages(path: str, first: int, last: int, password: str | None):
    """Lay out pages first..last of a PDF; (part, seconds). Errors are raised."""
    from .pages import read_page_range
    t0 = time.perf_counter()
    part = read_page_range(path, first, last, password)
    return part, time.perf_counter() - t0


def ping() -> int:
    return os.getpid()
