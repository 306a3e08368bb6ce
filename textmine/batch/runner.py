"""The batch loop: plan work units, keep the workers busy, collect results in input order.

    >>> summary = run_batch(paths, sink, options=WorkOptions(classify=False), jobs=2)  # doctest: +SKIP

A file is one unit, except when workers run in parallel: small files then go out in groups
(up to ``GROUP_FILES`` files and ``GROUP_BYTES`` bytes, and never so few groups that a worker
would idle at the end: handing out a unit and returning its result costs about as much as
extracting a short report), and a PDF of many pages goes out in ranges of pages; the parent
assembles the document, its sentences go out in runs of about equal length, and the parent
finishes the claims that come back (boxes, attribution: ``Extractor.finish``). Workers encode
their records the way the sink writes them (``sink.encode``), so the one writer only writes.
Results reach ``sink`` (an output file, a Parquet folder or the indicator database) strictly
in input order, and only a bounded number of documents is in flight, so memory does not grow
with the batch.

``BatchRun`` holds the state of one run; each event has its method: a file is planned
(``plan``), a unit finishes (``done`` -> ``files_done``, ``pages_done``, ``sentences_done``), a
split document's pages are all laid out (``assemble``) or its sentences all extracted
(``finish_split``), and the next documents in order are written (``emit``).
"""
from __future__ import annotations

import json
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Protocol

from .. import api
from ..errors import OutputError
from . import work
from .engines import default_jobs, make_engine
from .work import FileResult, WorkOptions

MAX_CHUNK_PAGES = 8
STREAM_BYTES = 2 << 20   # a text file larger than this is read and extracted in segments
STREAM_AHEAD = 2         # segments a worker may hold, at most (each of 250,000 characters)
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


class Sink(Protocol):
    def plan(self, path: Path) -> str | None:
        """A reason to skip ``path`` (already stored), or None to process it."""

    def accept(self, res: FileResult) -> tuple[str, str | None]:
        """Write one document's results; (status, detail) with status ok|skipped|failed."""

    def close(self, ok: bool) -> None:
        """Finish (``ok``) or abandon the output."""


class UnitKind(Enum):
    FILE = "file"            # one file, whole
    FILES = "files"          # a group of small files, each whole
    PAGES = "pages"          # a page range of a split PDF
    SENTENCES = "sentences"  # a run of a split document's sentences
    SEGMENT = "segment"      # a segment of a large text file, streamed


@dataclass
class Unit:
    """One piece of work handed to the engine. ``index``: the input position of its file (of
    the first file for a group); ``part``: the page range's or sentence run's number."""

    kind: UnitKind
    index: int
    fn: Callable
    args: tuple
    part: int = 0
    files: list[tuple[int, str]] = field(default_factory=list)  # FILES: (index, path)
    attempts: int = 0


@dataclass
class Split:
    """A PDF split across workers: first its pages are laid out in ranges (``parts``), then
    the assembled document's sentences are extracted in runs (``claims``)."""

    path: str
    ranges: int
    started: float
    parts: list = field(default_factory=list)    # (PagePart, seconds), in arrival order
    error: str | None = None
    doc: object = None
    sentences: list = field(default_factory=list)
    claims: dict = field(default_factory=dict)   # run number -> its claims
    runs: int = 0


@dataclass
class Stream:
    """A large text file read and extracted a segment at a time: segments go out as they
    are read (a few at a time), their encoded records come back and go to a ``Spool`` in
    order, so that neither the file nor its claims are ever all in memory."""

    path: str
    started: float
    segments: object                              # api.read_segments(...)
    spool: object
    results: dict = field(default_factory=dict)   # segment number -> its result
    sent: int = 0
    written: int = 0
    offset: int = 0                               # sentences of the segments sent
    done: bool = False
    error: str | None = None
    first: object = None                          # the first segment's result
    text_sha: object = None                       # the whole text's fingerprint, running
    count: int = 0
    chars: int = 0
    warnings: list = field(default_factory=list)


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


def chunk_size(n_pages: int, workers: int, ocr: bool = False) -> int:
    """Pages per unit: about three chunks a worker, 2 to MAX_CHUNK_PAGES pages each; a page
    each when the pages are read by OCR (seconds a page: the workers share them evenly)."""
    if ocr:
        return 1
    return max(2, min(MAX_CHUNK_PAGES, -(-n_pages // (3 * workers))))


def _page_count(path: Path, opts: WorkOptions) -> tuple[int, bool]:
    """Pages of a PDF file, and whether OCR will read them (its first page a scan, or
    ``--ocr always``); 0 for anything else or a file that cannot be opened (its file unit
    then reports the error)."""
    try:
        if api.file_kind(path) != api.PDF:
            return 0, False
        n, scan = api.scanned_pages(path, opts.password)
        return n, opts.ocr == "always" or (scan and opts.ocr != "never")
    except Exception:  # noqa: BLE001
        return 0, False


def _is_text(path: Path) -> bool:
    try:
        return api.file_kind(path) == "text"
    except Exception:  # noqa: BLE001 - its unit reports why
        return False


def _one_unit(path: Path, stream_min_bytes: int) -> bool:
    """Whether a file is one unit of work: not a PDF (split by pages) nor a text file read
    in segments."""
    try:
        kind = api.file_kind(path)
    except Exception:  # noqa: BLE001 - its unit reports why
        return True
    return kind != api.PDF and not (kind == "text" and _size(path) > stream_min_bytes)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # its unit reports why


def run_batch(paths: Iterable[str | Path], sink: Sink, *, options: WorkOptions | None = None,
              jobs: int | None = None, engine: str = "local", scheduler: str | None = None,
              on_event: Callable[[FileEvent], None] | None = None,
              on_pages: Callable[[int], None] | None = None,
              split_min_pages: int = 4, stream_min_bytes: int = STREAM_BYTES) -> BatchSummary:
    """Process every file with ``jobs`` workers (default: all cores) and hand the results to
    ``sink`` in input order. A file that fails is reported and the others go on. Ctrl-C stops
    the workers, abandons the output (``sink.close(False)``) and re-raises."""
    paths = [Path(p) for p in paths]
    jobs = jobs or default_jobs()
    if engine == "local" and len(paths) == 1 and _one_unit(paths[0], stream_min_bytes):
        jobs = 1  # one unit of work: no workers to start, no pipeline to load for them
    return BatchRun(paths, sink, options or WorkOptions(), jobs=jobs,
                    engine=engine, scheduler=scheduler, on_event=on_event, on_pages=on_pages,
                    split_min_pages=split_min_pages, stream_min_bytes=stream_min_bytes).run()


class BatchRun:
    """One run of ``run_batch``: the engine, the units in flight, the documents waiting to be
    written in order, and the summary."""

    def __init__(self, paths, sink: Sink, opts: WorkOptions, *, jobs: int, engine: str,
                 scheduler: str | None, on_event, on_pages, split_min_pages: int,
                 stream_min_bytes: int = STREAM_BYTES):
        self.paths = [Path(p) for p in paths]
        self.sink = sink
        self.on_event, self.on_pages = on_event, on_pages
        self.split_min_pages = split_min_pages
        self.stream_min_bytes = stream_min_bytes
        self.started = time.perf_counter()
        if engine == "local" and jobs > 1 and self.paths:
            # load the pipeline once here, then fork the workers, which share it (copy-on-write;
            # gc.freeze keeps its pages shared) instead of each loading its own: they extract
            # the files and the sentences of split PDFs
            work.warm_up(opts)
        self.eng = make_engine(engine, jobs, scheduler)
        if self.eng.parallel and getattr(sink, "encode", None) is not None:
            opts = replace(opts, encode=sink.encode)
        self.opts = opts
        # the parts of a streamed file are encoded where they are extracted, whatever engine
        self.stream_opts = replace(opts, encode=getattr(sink, "encode", None))
        self.streams: dict[int, Stream] = {}
        self.summary = BatchSummary(files=len(self.paths), engine=self.eng.name,
                                    workers=self.eng.workers)
        self.units: dict = {}                         # future -> Unit
        self.splits: dict[int, Split] = {}
        self.ready: dict[int, FileResult | tuple[str, str]] = {}
        self.group: list[tuple[int, str]] = []        # small files waiting to go out as one unit
        self.group_bytes = 0
        # at least four units a worker: the last units finish at about the same time
        self.group_files = max(1, min(GROUP_FILES, len(self.paths) // (4 * self.eng.workers)))
        self.weight: dict[int, float] = {}            # planned, not yet emitted
        self.max_units = 2 * self.eng.workers + 1
        self.max_ahead = 4 * self.eng.workers + 4     # documents in flight
        self.ahead = 0.0
        self.planned = 0
        self.emitted = 0

    # ------------------------------------------------------------------ the loop
    def run(self) -> BatchSummary:
        ok = False
        try:
            while self.emitted < len(self.paths):
                while (self.planned < len(self.paths) and len(self.units) < self.max_units
                       and self.ahead < self.max_ahead):
                    self.plan(self.planned)
                    self.planned += 1
                self.send_group()  # a partial group goes out rather than wait for more files
                self.emit()
                if self.units:
                    for fut in self.eng.wait_any(list(self.units), timeout=0.5):
                        self.done(fut)
                    self.emit()
            ok = True
        finally:
            self.eng.close(cancel=not ok)
            self.sink.close(ok)
            self.summary.seconds = time.perf_counter() - self.started
        return self.summary

    def submit(self, unit: Unit) -> None:
        self.units[self.eng.submit(unit.fn, *unit.args)] = unit
        self.summary.units += 1

    # ------------------------------------------------------------------ planning
    def plan(self, index: int) -> None:
        """File ``index`` planned: skipped, added to a group of small files, split into page
        ranges, or sent whole."""
        path = self.paths[index]
        reason = self.sink.plan(path)
        if reason is not None:
            self.ready[index] = ("skipped", reason)
            self.weight[index] = 0.0
            return
        n, ocr = 0, False
        size = _size(path)
        if size > self.stream_min_bytes and _is_text(path):
            self.ahead += 1
            return self.stream(index, path)
        if self.eng.parallel:
            n, ocr = _page_count(path, self.opts)
            if n < 2 and size <= SMALL_BYTES:
                return self.add_to_group(index, path, size)
        self.ahead += 1
        if n >= (2 if ocr else self.split_min_pages):  # a scan of two pages: two workers
            self.split(index, path, n, ocr)
        else:
            self.submit(Unit(UnitKind.FILE, index, work.run_file, (index, str(path), self.opts)))

    def add_to_group(self, index: int, path: Path, size: int) -> None:
        if self.group_bytes + size > GROUP_BYTES:
            self.send_group()
        self.group.append((index, str(path)))
        self.group_bytes += size
        self.weight[index] = 1 / GROUP_FILES
        self.ahead += self.weight[index]
        if len(self.group) >= self.group_files:
            self.send_group()

    def send_group(self) -> None:
        if self.group:
            files = list(self.group)
            self.submit(Unit(UnitKind.FILES, files[0][0], work.run_files, (files, self.opts),
                             files=files))
            self.group.clear()
            self.group_bytes = 0

    def split(self, index: int, path: Path, n_pages: int, ocr: bool = False) -> None:
        step = chunk_size(n_pages, self.eng.workers, ocr)
        ranges = [(a, min(a + step - 1, n_pages)) for a in range(1, n_pages + 1, step)]
        self.splits[index] = Split(str(path), len(ranges), time.perf_counter())
        for k, (a, b) in enumerate(ranges):
            self.submit(Unit(UnitKind.PAGES, index, work.run_pages,
                             (str(path), a, b, self.opts.password, self.opts.ocr), part=k))

    def stream(self, index: int, path: Path) -> None:
        from .sinks import Spool
        import hashlib
        attributor = getattr(work.extractor(self.opts), "attributor", None)
        self.streams[index] = Stream(str(path), time.perf_counter(),
                                     api.read_segments(path, self.opts.year, attributor),
                                     Spool(), text_sha=hashlib.sha256())
        self.feed(index)

    def feed(self, index: int) -> None:
        """Send the next segments of a streamed file, while few enough are out."""
        s = self.streams[index]
        ex = work.extractor(self.opts)
        while not s.done and s.sent - s.written < STREAM_AHEAD * self.eng.workers:
            try:
                seg, notes = next(s.segments)
            except StopIteration:
                s.done = True
                break
            except Exception as e:  # noqa: BLE001 - the file cannot be read: it fails
                s.error, s.done = s.error or work.error_text(s.path, e), True
                break
            if seg is None:  # the end: decoding's warnings
                s.warnings += notes or []
                continue
            offset = s.offset
            split = work.segment_sentences(ex, seg)
            s.offset += len(split) - work.context_sentences(ex, seg, split)
            # Document.fingerprint of the whole text, a segment at a time
            for b in seg.blocks[seg.metadata.get("context_blocks", 0):]:
                s.text_sha.update("".join(b.text.split()).encode("utf-8", "surrogatepass"))
            self.submit(Unit(UnitKind.SEGMENT, index, work.run_segment,
                             (seg, offset, self.stream_opts), part=s.sent))
            s.sent += 1
        if s.done and s.written == s.sent:
            self.finish_stream(index)

    def segment_done(self, unit: Unit, value) -> None:
        s = self.streams.get(unit.index)
        if s is None:
            return
        s.results[unit.part] = value
        while s.written in s.results:
            res = s.results.pop(s.written)
            s.written += 1
            if isinstance(res, BaseException):
                s.error = s.error or work.error_text(s.path, res)
            elif s.error is None:
                s.spool.add(res.payload if res.payload is not None else res.claims)
                s.first = s.first or res
                s.count += res.count
                s.chars += res.chars
                s.warnings += res.warnings
        if s.error is not None:
            s.done = True
        self.feed(unit.index)

    def finish_stream(self, index: int) -> None:
        s = self.streams.pop(index)
        seconds = time.perf_counter() - s.started
        if s.error is not None or s.first is None:
            s.spool.close()
            self.ready[index] = FileResult(index, s.path, seconds=seconds,
                                           error=s.error or f"{s.path}: file is empty")
            return
        doc = replace(s.first.doc, warnings=s.warnings, text_sha256=s.text_sha.hexdigest())
        self.ready[index] = FileResult(index, s.path, doc=doc, spool=s.spool, count=s.count,
                                       chars=s.chars, pages=1, seconds=seconds,
                                       warnings=list(s.warnings))
        if self.on_pages is not None:
            self.on_pages(1)

    # ------------------------------------------------------------------ results
    def done(self, fut) -> None:
        """A unit finished (or failed, or its worker died: run once more on a new pool)."""
        unit = self.units.pop(fut)
        try:
            value = fut.result()
        except BrokenProcessPool as e:
            if unit.attempts == 0 and hasattr(self.eng, "restart"):
                self.eng.restart()
                unit.attempts += 1
                return self.submit(unit)
            value = e
        except Exception as e:  # noqa: BLE001 - a worker's error, or a lost worker
            value = e
        if unit.kind in (UnitKind.FILE, UnitKind.FILES):
            self.files_done(unit, value)
        elif unit.kind is UnitKind.SEGMENT:
            self.segment_done(unit, value)
        elif unit.kind is UnitKind.PAGES:
            self.pages_done(unit, value)
        else:
            self.sentences_done(unit, value)

    def files_done(self, unit: Unit, value) -> None:
        items = unit.files or [(unit.index, None)]
        failed = isinstance(value, BaseException)
        results = [value] * len(items) if failed or unit.kind is UnitKind.FILE else value
        for (i, _), res in zip(items, results):
            if isinstance(res, BaseException):
                res = FileResult(i, str(self.paths[i]), error=work.error_text(self.paths[i], res))
            self.ready[i] = res
            if self.on_pages is not None and res.error is None:
                self.on_pages(res.pages)

    def pages_done(self, unit: Unit, value) -> None:
        s = self.splits.get(unit.index)
        if s is None:
            return
        if isinstance(value, BaseException):
            s.error = s.error or work.error_text(s.path, value)
            s.parts.append((None, 0.0))
        else:
            s.parts.append(value)
            if self.on_pages is not None:
                self.on_pages(len(value[0].pages))
        if len(s.parts) == s.ranges:
            self.assemble(unit.index)

    def sentences_done(self, unit: Unit, value) -> None:
        s = self.splits.get(unit.index)
        if s is None:
            return
        if isinstance(value, BaseException):
            s.error = s.error or work.error_text(s.path, value)
        s.claims[unit.part] = [] if isinstance(value, BaseException) else value
        if len(s.claims) == s.runs:
            self.finish_split(unit.index)

    def fail_split(self, index: int, error: str) -> None:
        s = self.splits.pop(index)
        self.ready[index] = FileResult(index, s.path, error=error,
                                       seconds=time.perf_counter() - s.started)

    def assemble(self, index: int) -> None:
        """All pages of a split document laid out: assemble it, send its sentences out."""
        s = self.splits[index]
        if s.error is not None:
            return self.fail_split(index, s.error)
        parts, s.parts = [p for p, _ in s.parts], []  # freed once assembled
        ex = work.extractor(self.opts)
        try:
            s.doc = api.assemble(s.path, parts, self.opts.year)
            del parts
            s.sentences = ex.sentences(s.doc)
        except Exception as e:  # noqa: BLE001 - this file fails, the batch goes on
            return self.fail_split(index, work.error_text(s.path, e))
        runs = sentence_chunks(s.sentences, 3 * self.eng.workers)
        s.runs = len(runs)
        if not runs:
            return self.finish_split(index)
        shell = api.shell(s.doc)
        for k, run in enumerate(runs):
            self.submit(Unit(UnitKind.SENTENCES, index, work.run_sentences,
                             (shell, run, self.opts), part=k))

    def finish_split(self, index: int) -> None:
        """All sentence runs extracted: the claims in order, finished in the parent."""
        s = self.splits[index]
        if s.error is not None:
            return self.fail_split(index, s.error)
        del self.splits[index]
        claims = [c for k in sorted(s.claims) for c in s.claims[k]]
        self.ready[index] = work.split_result(index, s.path, s.doc, s.sentences, claims,
                                              s.started, self.opts)

    # ------------------------------------------------------------------ writing, in order
    def emit(self) -> None:
        """Hand every document that is next in input order to the sink, and report it."""
        while self.emitted in self.ready:
            item = self.ready.pop(self.emitted)
            path = str(self.paths[self.emitted])
            self.ahead -= self.weight.pop(self.emitted, 1.0)
            self.emitted += 1
            self.report(self.write(path, item))

    def write(self, path: str, item: FileResult | tuple[str, str]) -> FileEvent:
        if isinstance(item, tuple):
            return FileEvent(path, item[0], error=item[1])
        if item.error is not None:
            return FileEvent(path, "failed", error=item.error, seconds=item.seconds)
        try:
            status, detail = self.sink.accept(item)
        except OutputError:  # the output itself cannot be written: the batch stops
            raise
        except Exception as e:  # noqa: BLE001 - this file fails, the batch goes on
            status, detail = "failed", work.error_text(path, e)
        finally:
            if item.spool is not None:
                item.spool.close()
        return FileEvent(path, status, claims=item.count if status == "ok" else 0,
                         seconds=item.seconds, error=detail if status != "ok" else None,
                         pages=item.pages, chars=item.chars, warnings=item.warnings)

    def report(self, ev: FileEvent) -> None:
        summary = self.summary
        if ev.status == "ok":
            summary.ok.append(ev.file)
            summary.claims += ev.claims
            summary.pages += ev.pages
            summary.chars += ev.chars
        elif ev.status == "skipped":
            summary.skipped.append((ev.file, ev.error or ""))
        else:
            summary.failed.append((ev.file, ev.error or ""))
        if self.on_event is not None:
            self.on_event(ev)
