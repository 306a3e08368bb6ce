"""The one writer of a batch: records to a file (streamed, atomic), Parquet parts, or the
indicator database. Each sink receives documents in input order from ``run_batch``; the
formats themselves are ``textmine.output``'s."""
from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Callable

from ..errors import TextmineError
from ..fileio import sha256_file
from ..output import CsvWriter, claim_jsonl, claim_records, parquet_bytes, write_atomic
from .work import FileResult

SLICE = 2000  # claims of a large document are encoded this many at a time


class Spool:
    """The parts of a streamed document (encoded records, or claims for the database), kept
    in an anonymous temporary file in arrival order until the document's turn to be written:
    memory holds one part at a time, and a document that fails is never partly written."""

    def __init__(self):
        import tempfile
        self.fh = tempfile.TemporaryFile()
        self.n = 0

    def add(self, part) -> None:
        import pickle
        pickle.dump(part, self.fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.n += 1

    def parts(self):
        import pickle
        self.fh.seek(0)
        for _ in range(self.n):
            yield pickle.load(self.fh)

    def close(self) -> None:
        self.fh.close()


class RecordSink:
    """Contract records (``Claim.to_dict()``) of each document, in order.

    ``write``: called with the records of one document and its path; without it the records
    are kept in ``records`` (for a table on screen, or library callers). ``encode`` turns
    claims into what ``emit`` takes; parallel workers run it, so a file's records arrive
    ready to write."""

    encode = staticmethod(claim_records)

    def __init__(self, write: Callable[[list[dict], str], None] | None = None):
        self.write = write
        self.records: list[dict] = []
        self.count = 0

    def plan(self, path: Path) -> str | None:
        return None

    def accept(self, res: FileResult) -> tuple[str, str | None]:
        if res.spool is not None:  # a streamed document, encoded part by part
            for part in res.spool.parts():
                self.emit(part, res.path)
            self.count += res.count
            return "ok", None
        if res.payload is not None:  # encoded by the worker
            self.emit(res.payload, res.path)
            self.count += res.count
            return "ok", None
        claims = res.claims or []
        # encoded in slices (bounded temporary lists), all before the first is written: a
        # record that cannot be encoded fails the document, never leaves a part of it written
        parts = [self.encode(claims[i:i + SLICE]) for i in range(0, len(claims), SLICE)]
        for part in parts:
            self.emit(part, res.path)
        self.count += len(claims)
        return "ok", None

    def emit(self, recs, path: str) -> None:
        if self.write is None:
            self.records.extend(recs)
        else:
            self.write(recs, path)

    def close(self, ok: bool) -> None:
        pass


class JsonlSink(RecordSink):
    """The contract records as JSON lines on ``dest`` (a text stream, e.g. an
    ``output.AtomicFile`` or standard output)."""

    encode = staticmethod(claim_jsonl)

    def __init__(self, dest: IO[str]):
        super().__init__()
        self.dest = dest

    def emit(self, text: str, path: str) -> None:
        self.dest.write(text)


class CsvSink(RecordSink):
    """The records as CSV rows of ``output.COLUMNS`` on ``dest``, each with its file's path
    (``bom``: a UTF-8 byte order mark first, for Excel)."""

    def __init__(self, dest: IO[str], bom: bool = True):
        super().__init__(write=CsvWriter(dest, bom).write)


class ParquetSink(RecordSink):
    """Records as a folder of Parquet files ``part-00000.parquet``, ... of about ``rows``
    records each (a dataset that pyarrow, DuckDB or Spark read as one table). Parts are written
    atomically; on success the old parts of the folder are replaced by the new ones."""

    def __init__(self, folder: str | Path, rows: int = 50_000):
        super().__init__(write=self._add)
        self.folder = Path(folder)
        self.rows = rows
        self.buf: list[dict] = []
        self.parts: list[Path] = []
        self.stage = self.folder / f".partial-{os.getpid()}"

    def _add(self, recs: list[dict], path: str) -> None:
        self.buf.extend(dict(r, path=path) for r in recs)
        if len(self.buf) >= self.rows:
            self._flush()

    def _flush(self) -> None:
        if not self.buf and self.parts:
            return
        part = self.stage / f"part-{len(self.parts):05d}.parquet"
        write_atomic(part, parquet_bytes(self.buf))
        self.parts.append(part)
        self.buf = []

    def close(self, ok: bool) -> None:
        if ok:
            self._flush()
            for old in self.folder.glob("part-*.parquet"):
                old.unlink()
            for p in self.parts:
                os.replace(p, self.folder / p.name)
        else:
            for p in self.parts:
                p.unlink(missing_ok=True)
        if self.stage.exists():
            for p in self.stage.iterdir():
                p.unlink()
            self.stage.rmdir()


class _Parts:
    """A spool's parts, as often as they are iterated (a transaction may be run again)."""

    def __init__(self, spool: Spool):
        self.spool = spool

    def __iter__(self):
        return self.spool.parts()


class DBSink:
    """The indicator database: a file whose content is stored already is skipped (checked when
    planned, and again inside the transaction that would store it, for copies inside one batch
    and for other processes ingesting at the same time); each document goes in with its claims
    in one transaction (``IndicatorDB.add_document``). ``replace``: a file stored unchanged
    under the same path is read again and its records replaced (content stored under another
    path is still skipped)."""

    def __init__(self, db, version: str = "", replace: bool = False):
        self.db = db
        self.version = version
        self.replace = replace
        self.sha: dict[str, str] = {}

    def plan(self, path: Path) -> str | None:
        try:
            sha = sha256_file(path)
        except OSError:
            return None  # the worker reports why it cannot be read
        self.sha[str(path)] = sha
        return self._skip(path, sha)

    def _skip(self, path: Path, sha: str) -> str | None:
        reason = self.db.skip_reason(path, sha)
        return None if reason == "unchanged" and self.replace else reason

    def accept(self, res: FileResult) -> tuple[str, str | None]:
        path = Path(res.path)
        sha = self.sha.pop(res.path, None) or sha256_file(path)
        text_sha = res.doc.fingerprint() if res.doc is not None else None

        def skip(stored_path: str, sha256: str) -> str | None:
            return self._skip(stored_path, sha256) or self.db.duplicate_of(stored_path, text_sha)
        claims = _Parts(res.spool) if res.spool is not None else [res.claims or []]
        try:
            out = self.db.add_document(res.doc, claims, path=path, sha256=sha, parts=True,
                                       version=self.version, skip_stored=skip)
        except TextmineError as e:
            return "failed", str(e)
        if isinstance(out, str):
            return "skipped", out
        return "ok", None

    def close(self, ok: bool) -> None:
        pass
