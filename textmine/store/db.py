"""IndicatorDB: the SQLite indicator database (documents, sentences, claims).

    >>> db = IndicatorDB(":memory:")
    >>> db.add_document(doc, claims, path="a.txt", sha256="...")   # one transaction
    >>> db.query(ClaimFilter(indicator="帮扶资金", period="2020"))

Writes go through ``sqlite_utils.Database.atomic()``: each document (its row, sentences and
claims) is written in one transaction, so an interrupted run leaves no partial document, and a
changed file replaces its old records in that same transaction. The file is a plain SQLite
database: Datasette and the sqlite-utils CLI open it as it is.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from ..fileio import sha256_file as file_sha256
from ..errors import StoreError, TextmineError
from ..types import Claim, Document, json_number
from .enrich import Enricher
from .periods import iso_bounds
from .schema import CLAIM_COLUMNS, migrate, schema_version
from .words import index_words

ExtractFn = Callable[[Path], "tuple[Document, list[Claim]]"]
ProgressFn = Callable[[Path, str, str], None]  # path, status (ok|failed|skipped), detail

_CLAIM_INSERT_COLUMNS = [c for c in CLAIM_COLUMNS if c != "id"]


@dataclass
class ClaimFilter:
    """Query filters; None means no filter. ``indicator`` matches the key (after
    normalisation) or a substring of the written indicator; ``region`` a substring of the
    region; ``period`` (``2020``, ``2020-06``, ``2020-01/2020-06``) claims whose period ends
    inside it."""

    measure: str | None = None
    role: str | None = None
    indicator: str | None = None
    region: str | None = None
    period: str | None = None
    unit: str | None = None
    kind: str | None = None
    doc: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    include_optional: bool = True
    limit: int | None = None


@dataclass
class IngestResult:
    ok: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path, message)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    claims: int = 0


class IndicatorDB:
    """Open (creating and migrating as needed) the database at ``path``."""

    def __init__(self, path: str | Path, *, create: bool = True, enricher: Enricher | None = None):
        self.path = str(path)
        if self.path != ":memory:":
            p = Path(self.path)
            if p.is_dir():
                raise StoreError(f"{p}: is a directory, not a database file")
            if not p.exists() and not create:
                raise StoreError(f"{p}: no such database; run `textmine ingest` first")
            if p.exists() and p.stat().st_size:
                with open(p, "rb") as fh:
                    if not fh.read(16).startswith(b"SQLite format 3"):
                        raise StoreError(f"{p}: not an SQLite database")
        try:
            self.db = sqlite_utils.Database(self.path, execute_plugins=False)
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints
                self.db.execute("PRAGMA wal_autocheckpoint=10000")  # fewer fsyncs while ingesting
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db, self.path)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open database: {e}") from e
        self._enricher = enricher

    # ------------------------------------------------------------------ housekeeping
    @property
    def enricher(self) -> Enricher:
        if self._enricher is None:
            self._enricher = Enricher()
        return self._enricher

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "IndicatorDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def skip_reason(self, path: Path, sha256: str) -> str | None:
        """Why a file need not be ingested: its content is stored already (``unchanged``
        when under the same path); None when it must go in."""
        known = self.find_sha(sha256)
        if known is None:
            return None
        return "unchanged" if known["path"] == str(Path(path).resolve()) \
            else f"same content as {known['path']}"

    def find_sha(self, sha256: str) -> dict | None:
        rows = list(self.db["documents"].rows_where("sha256 = ?", [sha256], limit=1))
        return rows[0] if rows else None

    def documents(self) -> list[dict]:
        return list(self.db["documents"].rows_where(order_by="id"))

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "sentences", "claims")}

    # ------------------------------------------------------------------ writing
    def add_document(self, doc: Document, claims: Iterable[Claim], *, path: str | Path,
                     sha256: str, version: str = "") -> int:
        """Write one document and its claims in one transaction; a document already stored
        under the same path is replaced. Returns the new document id."""
        claims = list(claims)
        doc_region, rows = self.enricher.claim_rows(doc, claims)
        path = str(Path(path).resolve()) if str(path) != "" else str(path)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn = self.db.conn
        try:
            with self.db.atomic():
                old = conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
                if old is not None:
                    self._delete(old[0])
                cur = conn.execute(
                    "INSERT INTO documents (doc, path, sha256, title, issuer, issue_date, year,"
                    " year_source, pages, region, n_claims, warnings, ingested_at,"
                    " textmine_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc.doc_id, path, sha256, doc.title, doc.issuer, doc.issue_date, doc.year,
                     doc.year_source, doc.pages, doc_region, len(rows),
                     json.dumps(doc.warnings, ensure_ascii=False) if doc.warnings else None,
                     now, version))
                doc_id = cur.lastrowid
                sentence_ids = self._insert_sentences(doc_id, rows)
                conn.executemany(
                    f"INSERT INTO claims ({', '.join(_q(c) for c in _CLAIM_INSERT_COLUMNS)})"
                    f" VALUES ({', '.join('?' * len(_CLAIM_INSERT_COLUMNS))})",
                    (_claim_tuple(doc_id, sentence_ids[_skey(r)], r) for r in rows))
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write {path}: {e}") from e
        return doc_id

    def _insert_sentences(self, doc_id: int, rows: list[dict]) -> dict[tuple, int]:
        ids: dict[tuple, int] = {}
        conn = self.db.conn
        for r in rows:
            k = _skey(r)
            if k not in ids:
                cur = conn.execute(
                    "INSERT INTO sentences (document_id, sentence_index, page, section, text,"
                    " words) VALUES (?,?,?,?,?,?)",
                    (doc_id, r["sentence_index"], r["page"], r["section"], r["sentence"],
                     index_words(r["sentence"])))
                ids[k] = cur.lastrowid
        return ids

    def _delete(self, doc_id: int) -> None:
        conn = self.db.conn
        conn.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM sentences WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def remove(self, path: str | Path) -> bool:
        """Remove a document (by its path) and its claims; True if it was there."""
        with self.db.atomic():
            row = self.db.conn.execute("SELECT id FROM documents WHERE path = ?",
                                       (str(Path(path).resolve()),)).fetchone()
            if row:
                self._delete(row[0])
        return row is not None

    def ingest(self, paths: Iterable[Path], extract: ExtractFn, *,
               progress: ProgressFn | None = None, version: str = "",
               catch_unexpected: bool = True) -> IngestResult:
        """Extract and store each file. A file whose content (sha256) is already stored is
        skipped; a file stored under the same path with other content is replaced. A file that
        fails is recorded in the result and the others still go in."""
        result = IngestResult()
        for path in map(Path, paths):
            status, detail = "ok", ""
            try:
                sha = file_sha256(path)
                reason = self.skip_reason(path, sha)
                if reason is not None:
                    status, detail = "skipped", reason
                    result.skipped.append((str(path), detail))
                else:
                    doc, claims = extract(path)
                    self.add_document(doc, claims, path=path, sha256=sha, version=version)
                    result.ok.append(str(path))
                    result.claims += len(claims)
                    detail = f"{len(claims)} claims"
            except TextmineError as e:
                status, detail = "failed", str(e)
                result.failed.append((str(path), detail))
            except OSError as e:
                status, detail = "failed", f"{path}: cannot read: {e.strerror or e}"
                result.failed.append((str(path), detail))
            except Exception as e:  # noqa: BLE001 - one bad file must not stop a batch
                if not catch_unexpected:
                    raise
                status, detail = "failed", f"{path}: unexpected {type(e).__name__}: {e}"
                result.failed.append((str(path), detail))
            if progress is not None:
                progress(path, status, detail)
        return result

    # ------------------------------------------------------------------ reading
    def search(self, query: str | list[str], *, limit: int | None = 50):
        """Sentences holding every word of ``query`` (``store/search.py``)."""
        from .search import search_sentences
        return search_sentences(self.db, query, limit=limit)

    def query(self, f: ClaimFilter | None = None) -> list[dict]:
        """Claim records (contract fields plus the store's) matching the filter."""
        return list(self.iter_claims(f))

    def iter_claims(self, f: ClaimFilter | None = None) -> Iterator[dict]:
        f = f or ClaimFilter()
        where, params = [], []
        if f.measure:
            where.append("c.measure = ?"); params.append(f.measure)
        if f.role:
            if "role" not in self.db["claims"].columns_dict:
                raise StoreError(f"{self.path}: this database has no role column yet; "
                                 "re-ingest with a textmine that attributes roles")
            where.append("c.role = ?"); params.append(f.role)
        if f.unit:
            where.append("c.unit = ?"); params.append(f.unit)
        if f.kind:
            where.append("c.kind = ?"); params.append(f.kind)
        if f.doc:
            where.append("c.doc = ?"); params.append(f.doc)
        if f.indicator:
            key = self.enricher.keys.match(f.indicator).key
            where.append("(c.indicator_key = ? OR c.indicator LIKE ?)")
            params += [key, f"%{f.indicator}%"]
        if f.region:
            canon, _ = self.enricher.regions.resolve(f.region, len(f.region))
            where.append("(c.region LIKE ? OR c.region LIKE ?)")
            params += [f"%{f.region}%", f"%{canon or f.region}%"]
        if f.period:
            b = iso_bounds(f.period)
            if b is None:
                where.append("c.period = ?"); params.append(f.period)
            else:
                where.append("(c.period = ? OR coalesce(c.period_end, c.period_start) BETWEEN ? AND ?)")
                params += [f.period, b[0], b[1]]
        if f.min_value is not None:
            where.append("c.value_num >= ?"); params.append(f.min_value)
        if f.max_value is not None:
            where.append("c.value_num <= ?"); params.append(f.max_value)
        if not f.include_optional:
            where.append("c.optional = 0")
        sql = ("SELECT c.*, d.path AS path, d.title AS doc_title FROM claims c"
               " JOIN documents d ON d.id = c.document_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.document_id, c.sentence_id, c.start, c.id"
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        cur = self.db.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield record(dict(zip(names, row)))


def record(row: dict) -> dict:
    """A claims row as a contract record (numbers as int/float, bbox as a list) plus the
    store's fields (indicator_key, region, period, ...)."""
    r = dict(row)
    v = r.get("value")
    if v is not None and r.get("kind") != "date":
        try:
            r["value"] = json_number(Decimal(v))
        except (ArithmeticError, ValueError):
            pass  # non-numeric value of a numeric kind: keep the text as stored
    for k in ("lower", "upper"):
        if isinstance(r.get(k), float):
            r[k] = json_number(Decimal(repr(r[k])))
    if r.get("bbox"):
        r["bbox"] = json.loads(r["bbox"])
    r["optional"] = bool(r.get("optional"))
    return r


def _q(name: str) -> str:
    return f'"{name}"'


def _skey(r: dict) -> tuple:
    return (r["sentence_index"], r["page"], r["sentence"])


def _claim_tuple(doc_id: int, sentence_id: int, r: dict) -> tuple:
    r = dict(r, document_id=doc_id, sentence_id=sentence_id)
    return tuple(r.get(c) for c in _CLAIM_INSERT_COLUMNS)
