"""What runs in a worker process: one file, a group of small files, one page range of a
large PDF, or one run of a split document's sentences.

Each process keeps one ``Extractor`` per option set (``extractor``: the spaCy pipeline and the
classifier load on first use and stay loaded) and the split PDFs it reads open
(``pdf_files``: each is parsed once per worker, not once per page range). The functions here
are plain module-level functions with picklable arguments and results, so the same code runs
in a local process pool and on Dask workers; everything they read or extract goes through
``textmine.api``.
"""
from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .. import api
from ..errors import TextmineError
from ..types import Block, Claim, Document, Sentence


@dataclass(frozen=True)
class WorkOptions:
    """Options every worker needs (picklable). ``factory``: a module-level callable
    ``factory(options) -> api.Extractor`` (default: ``api.Extractor`` of these options); tests
    use it to plug in a cheap extractor. ``encode``: a module-level ``encode(claims) ->
    payload`` the worker applies to a file's claims (the sink's own encoding, e.g. JSON
    lines), so that the one writer only writes and the records cross the process boundary as
    one string instead of many objects."""

    classify: bool = True
    model_path: str | None = None
    password: str | None = None
    year: int | None = None
    ocr: str = "auto"  # PDF pages without a usable text layer: auto | always | never
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
    spool: object = None   # a streamed document: its parts, in order (``sinks.Spool``)


def extractor(opts: WorkOptions) -> api.Extractor:
    """This process's extractor for ``opts`` (built once, on first use)."""
    return _extractor(opts.classify, opts.model_path, opts.factory)


@lru_cache(maxsize=None)
def _extractor(classify: bool, model_path: str | None, factory: Callable | None):
    if factory is not None:
        return factory(WorkOptions(classify=classify, model_path=model_path))
    return api.Extractor(classify=classify, model_path=model_path)


@lru_cache(maxsize=1)
def pdf_files() -> api.PdfFiles:
    """The split PDFs this process has open."""
    return api.PdfFiles()


def warm_up(opts: WorkOptions) -> None:
    """Load the pipeline (and the classifier when classifying) now."""
    extractor(opts).load()


def init_worker() -> None:
    """Pool initializer: Ctrl-C goes to the parent, which stops the workers itself; SIGTERM
    and SIGHUP kill a worker as they should (a forked worker inherits the parent's handler,
    which raises an exception the pool's worker loop catches as a task's error: a worker the
    parent terminated would go on to its next unit, and the pool's shutdown wait for it
    forever); one BLAS or OpenMP thread a worker (the workers already fill the cores)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(1)
    except ImportError:  # threadpoolctl comes with scikit-learn; without it, no limit
        pass


def slim(doc: Document) -> Document:
    """The document's metadata and first block (no character boxes): what the store uses."""
    first = [Block(b.text[:200], b.kind, b.page) for b in doc.blocks[:1]]
    return replace(doc, blocks=first, tables=[], metadata={}, text_sha256=doc.fingerprint())


def error_text(path: str | Path, e: BaseException) -> str:
    if isinstance(e, TextmineError):
        return str(e)
    if isinstance(e, OSError):
        return f"{path}: cannot read: {e.strerror or e}"
    return f"{path}: unexpected {type(e).__name__}: {e}"


def run_file(index: int, path: str, opts: WorkOptions) -> FileResult:
    """Read and extract one file (``Extractor.extract_file``). Errors are returned, not raised."""
    t0 = time.perf_counter()
    res = FileResult(index, path)
    try:
        # ocr only when asked for: stand-in extractors (tests, plug-ins) need not know it
        more = {} if opts.ocr == "auto" else {"ocr": opts.ocr}
        doc, claims = extractor(opts).extract_file(path, password=opts.password, year=opts.year,
                                                   **more)
        _fill(res, doc, claims, opts)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a batch
        res.error = error_text(path, e)
    res.seconds = time.perf_counter() - t0
    return res


def _fill(res: FileResult, doc: Document, claims: list[Claim], opts: WorkOptions) -> None:
    res.doc, res.count = slim(doc), len(claims)
    if opts.encode is None:
        res.claims = claims
    else:
        res.payload = opts.encode(claims)
    res.pages = doc.pages or 1
    res.chars = sum(len(b.text) for b in doc.blocks)
    res.warnings = list(doc.warnings)


def run_files(items: list[tuple[int, str]], opts: WorkOptions) -> list[FileResult]:
    """``run_file`` for each (index, path): one unit for several small files, so that the
    cost of handing out a unit and returning its result is paid once for all of them."""
    return [run_file(index, path, opts) for index, path in items]


def run_pages(path: str, first: int, last: int, password: str | None, ocr: str = "auto"):
    """Lay out pages first..last of a PDF (kept open for this worker's next ranges of it);
    (part, seconds). Errors are raised."""
    t0 = time.perf_counter()
    part = api.read_page_range(path, first, last, password, files=pdf_files(), ocr=ocr)
    return part, time.perf_counter() - t0


def run_sentences(doc: Document, sentences: list[Sentence], opts: WorkOptions) -> list[Claim]:
    """The claims of a run of a split document's sentences (``doc``: its ``api.shell``),
    without boxes: the parent, which holds the character boxes, adds them. Errors are
    raised."""
    return extractor(opts).extract_document(doc, sentences)


def split_result(index: int, path: str, doc: Document, sentences: list[Sentence],
                 claims: list[Claim], started: float, opts: WorkOptions) -> FileResult:
    """The outcome of a split document whose claims came back from the workers, finished
    in the parent (boxes and attribution need the whole document, which only it holds).
    Errors are returned, not raised."""
    res = FileResult(index, path, seconds=time.perf_counter() - started)
    try:
        claims = extractor(opts).finish(doc, sentences, claims)
        res.doc, res.claims, res.count = slim(doc), claims, len(claims)
        res.pages = doc.pages or 1
        res.chars = sum(len(b.text) for b in doc.blocks)
        res.warnings = list(doc.warnings)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a batch
        res.error = error_text(path, e)
    res.seconds = time.perf_counter() - started
    return res


_SPLIT: list = [None]  # (segment, its sentences): the last segment the parent split


def segment_sentences(ex, doc: Document) -> list[Sentence]:
    """``ex.sentences(doc)`` of a segment, split once where the parent that counted its
    sentences also runs it (``--jobs 1``): a worker's segment is a copy, and splits anew."""
    last = _SPLIT[0]
    if last is not None and last[0] is doc:
        return last[1]
    split = ex.sentences(doc)
    _SPLIT[0] = (doc, split)
    return split


def context_sentences(ex, doc: Document, sentences: list[Sentence] | None = None) -> int:
    """The sentences of a segment's context blocks (the headings above it, read with it so
    that attribution knows the part of the report it is in; they were the segment before's).
    ``sentences``: ``ex.sentences(doc)`` when already split."""
    n = doc.metadata.get("context_blocks", 0)
    if not n:
        return 0
    return sum(1 for s in (sentences if sentences is not None else ex.sentences(doc))
               if s.block < n)


def run_segment(doc: Document, offset: int, opts: WorkOptions) -> FileResult:
    """The claims of one segment of a large text file (``api.read_segments``), extracted and
    attributed as a document of its own (the headings above it as context, their claims left
    out), their sentence numbers shifted by ``offset`` (the sentences of the segments
    before), encoded as the sink writes them. Errors are raised."""
    t0 = time.perf_counter()
    ex = extractor(opts)
    split = segment_sentences(ex, doc)  # the context's count and the extraction read it
    skip = context_sentences(ex, doc, split)
    claims = [c for c in ex.extract_document(doc, split=split)
              if c.sentence_index is None or c.sentence_index >= skip]
    for c in claims:
        if c.sentence_index is not None:
            c.sentence_index += offset - skip
    n = doc.metadata.get("context_blocks", 0)
    res = FileResult(-1, doc.path or "", doc=slim(doc), count=len(claims),
                     chars=sum(len(b.text) for b in doc.blocks[n:]), warnings=list(doc.warnings))
    if opts.encode is None:
        res.claims = claims
    else:
        res.payload = opts.encode(claims)
    res.seconds = time.perf_counter() - t0
    return res


def ping() -> int:
    return os.getpid()
