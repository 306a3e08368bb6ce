"""The batch loop: plan work units, keep the workers busy, collect results in input order.

    >>> summary = run_batch(paths, sink, options=WorkOptions(classify=False), jobs=2)  # doctest: +SKIP

A file is one unit, except when workers run in parallel: small files then go out in groups
(up to ``GROUP_FILES`` files and ``GROUP_BYTES`` bytes, and never so few groups that a worker
would idle at the end: handing out a unit and returning its result costs about as much as
extracting a short report), and a PDF of many pages goes out
in chunks of pages (``read_page_range``); the parent assembles the document, and its
sentences go out in chunks too (``run_sentences``; the parent adds the character boxes to
their claims). Workers encode their records
the way the sink writes them (``sink.encode``), so the one writer only writes. Results reach
``sink`` (an output file, a Parquet folder or the indicator database) strictly in input order,
and only a bounded number of documents is in flight, so memory does not grow with the batch.
"""
from __future__ import annotations

import json
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Protocol

from . import work
from .engines import make_engine, default_jobs
from .work import FileResult, WorkOptions

MAX_CHUNK_PAGES = 8
GROUP_FILES = 16         # small files a unit, at most
GROUP_BYTES = 32 * 1024  # bytes a unit of small files, at most (about half a second of work)
SMALL_BYTES = 16 * 1024  # a file this small (text, or a PDF of a page or two) may share a unit


@dataclass
class FileEvent:
    """One file's outcome, as ``--log-json`` writes it (one JSON object a line)."""

    file: str
    status: str                     # ok | failed | skipped
    claims: int = 0
    seconds: float = 0.0
    error: str | None = None
    pages: int = 0
    chars: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        d = asdict(self)
        d["seconds"] = round(d["seconds"], 3)
        return json.dumps(d, ensure_ascii=False)


@dataclass
class BatchSummary:
    files: int = 0
    ok: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (file, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    claims: int = 0
    pages: int = 0
    chars: int = 0
    seconds: float = 0.0
    engine: str = ""
    workers: int = 1
    units: int = 0              # work units handed out (a group of small files is one)
    interrupted: bool = False


class Sink(Protocol):
    def plan(self, path: Path) -> str | None:
        """A reason to skip ``path`` (already stored), or None to process it."""

    def accept(self, res: FileResult) -> tuple[str, str | None]:
        """Write one document's results; (status, detail) with status ok|skipped|failed."""

    def close(self, ok: bool) -> None:
        """Finish (``ok``) or abandon the output."""


@dataclass
class _Split:
    """A PDF split across workers: first its pages are laid out in chunks (``parts``), then
    the assembled document's sentences are extracted in chunks (``claims``)."""
    path: str
    expected: int
    started: float
    parts: list = field(default_factory=list)
    error: str | None = None
    doc: object = None
    sentences: list = field(default_factory=list)
    claims: dict = field(default_factory=dict)   # chunk number -> its claims
    expected_chunks: int = 0


def sentence_chunks(sentences: list, parts: int) -> list[list]:
    """``sentences`` cut into at most ``parts`` runs of about equal length in characters."""
    total = sum(len(x.text) for x in sentences)
    out: list[list] = []
    run: list = []
    size = 0
    for x in sentences:
        run.append(x)
        size += len(x.text)
        if size * parts >= total * (len(out) + 1) and len(out) < parts - 1:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def chunk_size(n_pages: int, workers: int) -> int:
    """Pages per unit: about three chunks a worker, 2 to MAX_CHUNK_PAGES pages each."""
    return max(2, min(MAX_CHUNK_PAGES, -(-n_pages // (3 * workers))))


def _is_pdf(p: Path) -> bool:
    """A ``.pdf`` file, or a PDF under another name (not sniffed for ``.txt`` files)."""
    suffix = p.suffix.lower()
    if suffix in (".pdf", ".txt"):
        return suffix == ".pdf"
    try:
        with open(p, "rb") as fh:
            return fh.read(1024).lstrip().startswith(b"%PDF")
    except OSError:
        return False


def _page_count(path: Path, opts: WorkOptions) -> int:
    """Pages of a PDF file; 0 for anything else or a file that cannot be opened (its file
    unit then reports the error)."""
    if not _is_pdf(path):
        return 0
    try:
        from .pages import page_count
        return page_count(path, opts.password)
    except Exception:  # noqa: BLE001
        return 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # its unit reports why


def run_batch(paths: Iterable[str | Path], sink: Sink, *, options: WorkOptions | None = None,
              jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
              on_event: Callable[[FileEvent], None] | None = None,
              on_pages: Callable[[int], None] | None = None,
              split_min_pages: int = 4) -> BatchSummary:
    """Process every file with ``jobs`` workers (default: all cores) and hand the results to
    ``sink`` in input order. A file that fails is reported and the others go on. Ctrl-C stops
    the workers, abandons the output (``sink.close(False)``) and re-raises."""
    opts = options or WorkOptions()
    paths = [Path(p) for p in paths]
    t_start = time.perf_counter()
    jobs = jobs or default_jobs()
    if engine == "local" and jobs > 1 and paths:
        # load the pipeline once here, then fork the workers, which share it (copy-on-write;
        # gc.freeze keeps its pages shared) instead of each loading its own: they extract the
        # files and the sentences of split PDFs
        work.warm_up(opts)
    eng = make_engine(engine, jobs, scheduler)
    if eng.parallel and getattr(sink, "encode", None) is not None:
        opts = replace(opts, encode=sink.encode)
    summary = BatchSummary(files=len(paths), engine=eng.name, workers=eng.workers)
    units: dict = {}            # future -> (kind, index, fn, args, attempts)
    splits: dict[int, _Split] = {}
    ready: dict[int, FileResult | tuple[str, str]] = {}
    group: list[tuple[int, str]] = []  # small files waiting to go out as one unit
    group_bytes = 0
    # at least four units a worker: the last units finish at about the same time
    group_files = max(1, min(GROUP_FILES, len(paths) // (4 * eng.workers)))
    weight: dict[int, float] = {}      # planned, not yet emitted: a small file weighs less
    max_units = 2 * eng.workers + 1
    max_ahead = 4 * eng.workers + 4    # documents in flight (small files: GROUP_FILES a unit)
    ahead = 0.0
    planned = 0
    emitted = 0

    def submit(kind: str, index: int, fn, args: tuple, attempts: int = 0) -> None:
        units[eng.submit(fn, *args)] = (kind, index, fn, args, attempts)
        summary.units += 1

    def send_group() -> None:
        nonlocal group_bytes
        if group:
            submit("files", group[0][0], work.run_files, (list(group), opts))
            group.clear()
            group_bytes = 0

    def plan(index: int, path: Path) -> None:
        nonlocal ahead, group_bytes
        reason = sink.plan(path)
        if reason is not None:
            ready[index] = ("skipped", reason)
            weight[index] = 0.0
            return
        n = 0
        if eng.parallel:
            n = _page_count(path, opts)
            size = _size(path)
            if n < 2 and size <= SMALL_BYTES:
                if group_bytes + size > GROUP_BYTES:
                    send_group()
                group.append((index, str(path)))
                group_bytes += size
                weight[index] = 1 / GROUP_FILES
                ahead += weight[index]
                if len(group) >= group_files:
                    send_group()
                return
        ahead += 1
        if n >= split_min_pages:
            step = chunk_size(n, eng.workers)
            ranges = [(a, min(a + step - 1, n)) for a in range(1, n + 1, step)]
            splits[index] = _Split(str(path), len(ranges), time.perf_counter())
            for a, b in ranges:
                submit("pages", index, work.run_pages, (str(path), a, b, opts.password))
        else:
            submit("file", index, work.run_file, (index, str(path), opts))

    def fail_split(index: int, error: str) -> None:
        s = splits.pop(index)
        ready[index] = FileResult(index, s.path, error=error,
                                  seconds=time.perf_counter() - s.started)

    def pages_done(index: int) -> None:
        """All pages laid out: assemble the document and send its sentences out in chunks."""
        s = splits[index]
        if s.error is not None:
            return fail_split(index, s.error)
        from ..nlp.sentences import split_document
        from .pages import assemble
        parts, s.parts = [p for p, _ in s.parts], []  # freed once assembled
        try:
            doc = assemble(s.path, parts)
            del parts
            if opts.year is not None:
                doc.year, doc.year_source = opts.year, "option"
            s.doc, s.sentences = doc, split_document(doc)
        except Exception as e:  # noqa: BLE001
            return fail_split(index, work.error_text(s.path, e))
        chunks = sentence_chunks(s.sentences, 3 * eng.workers)
        s.expected_chunks = len(chunks)
        if not chunks:
            return sentences_done(index)
        shell = work.shell(doc)
        for k, chunk in enumerate(chunks):
            submit("sentences", index, work.run_sentences, (k, shell, chunk, opts))

    def sentences_done(index: int) -> None:
        """All chunks extracted: the claims in order, with their boxes from the document."""
        if splits[index].error is not None:
            return fail_split(index, splits[index].error)
        s = splits.pop(index)
        claims = [c for k in sorted(s.claims) for c in s.claims[k]]
        try:
            ready[index] = work.doc_result(index, s.path, s.doc, claims, s.sentences,
                                           s.started, opts)
        except Exception as e:  # noqa: BLE001 - this file fails, the batch goes on
            ready[index] = FileResult(index, s.path, error=work.error_text(s.path, e),
                                      seconds=time.perf_counter() - s.started)

    def handle(fut) -> None:
        kind, index, fn, args, attempts = units.pop(fut)
        try:
            value = fut.result()
        except BrokenProcessPool as e:
            if attempts == 0 and hasattr(eng, "restart"):
                eng.restart()
                submit(kind, index, fn, args, attempts + 1)
                return
            value = e
        except Exception as e:  # noqa: BLE001 - a worker's error, or a lost worker
            value = e
        if kind in ("file", "files"):
            items = args[0] if kind == "files" else [(index, None)]
            results = value if kind == "files" and not isinstance(value, BaseException) \
                else [value] * len(items)
            for (i, _), res in zip(items, results):
                if isinstance(res, BaseException):
                    res = FileResult(i, str(paths[i]), error=work.error_text(paths[i], res))
                ready[i] = res
                if on_pages is not None and res.error is None:
                    on_pages(res.pages)
            return
        s = splits.get(index)
        if s is None:
            return
        if isinstance(value, BaseException) and s.error is None:
            s.error = work.error_text(s.path, value)
        if kind == "sentences":
            k = args[0]
            s.claims[k] = [] if isinstance(value, BaseException) else value
            if len(s.claims) == s.expected_chunks:
                sentences_done(index)
            return
        if isinstance(value, BaseException):
            s.parts.append((None, 0.0))
        else:
            s.parts.append(value)
            if on_pages is not None:
                on_pages(len(value[0].pages))
        if len(s.parts) == s.expected:
            if s.error is None:
                s.parts = [p for p in s.parts if p[0] is not None]
            pages_done(index)

    def emit() -> None:
        nonlocal emitted, ahead
        while emitted in ready:
            item = ready.pop(emitted)
            path = str(paths[emitted])
            ahead -= weight.pop(emitted, 1.0)
            emitted += 1
            if isinstance(item, tuple):
                ev = FileEvent(path, item[0], error=item[1])
            elif item.error is not None:
                ev = FileEvent(path, "failed", error=item.error, seconds=item.seconds)
            else:
                try:
                    status, detail = sink.accept(item)
                except Exception as e:  # noqa: BLE001 - this file fails, the batch goes on
                    status, detail = "failed", work.error_text(path, e)
                n = item.count if status == "ok" else 0
                ev = FileEvent(path, status, claims=n, seconds=item.seconds,
                               error=detail if status != "ok" else None,
                               pages=item.pages, chars=item.chars,
                               warnings=item.warnings)
            if ev.status == "ok":
                summary.ok.append(path)
                summary.claims += ev.claims
                summary.pages += ev.pages
                summary.chars += ev.chars
            elif ev.status == "skipped":
                summary.skipped.append((path, ev.error or ""))
            else:
                summary.failed.append((path, ev.error or ""))
            if on_event is not None:
                on_event(ev)

    ok = False
    try:
        while emitted < len(paths):
            while planned < len(paths) and len(units) < max_units and ahead < max_ahead:
                plan(planned, paths[planned])
                planned += 1
            send_group()  # a partial group goes out rather than wait for more files
            emit()
            if units:
                for fut in eng.wait_any(list(units), timeout=0.5):
                    handle(fut)
                emit()
        ok = True
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        eng.close(cancel=not ok)
        sink.close(ok)
        summary.seconds = time.perf_counter() - t_start
    return summary
