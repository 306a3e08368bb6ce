"""IndicatorDB: the SQLite indicator database (documents, sentences, claims).

    >>> db = IndicatorDB(":memory:")
    >>> db.add_document(doc, claims, path="a.txt", sha256="...")   # one transaction
    >>> db.query(ClaimFilter(indicator="帮扶资金", period="2020"))

Each document (its row, sentences and claims) is written in one ``BEGIN IMMEDIATE``
transaction (``txn.write_transaction``), so an interrupted run leaves no partial document, a
changed file replaces its old records in that same transaction, and several processes may
ingest into one database at once: whether a file is stored already is decided inside the
transaction that would store it. A database that fails SQLite's ``quick_check`` is refused on
open. Every reader goes through ``record``, which turns any stored row (whatever another
program or an older textmine wrote) into a record of the declared types. The file is a plain
SQLite database: Datasette and the sqlite-utils CLI open it as it is.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils
from sqlite_utils.db import quote_identifier

from ..fileio import name_text
from ..errors import StoreError, TextmineError
from ..types import Claim, Document, json_number
from .periods import iso_bounds
from .rows import claim_rows
from .schema import CLAIM_COLUMNS, migrate, schema_version
from .words import index_words
from .txn import connect, is_busy, write_transaction


_CLAIM_INSERT_COLUMNS = [c for c in CLAIM_COLUMNS if c != "id"]


@dataclass
class ClaimFilter:
    """Query filters; None means no filter. ``indicator`` matches the key (after
    normalisation, any synonym: ``GDP``) or a substring of the written indicator; ``region``
    a region by any of its names (宁夏 = 宁夏回族自治区), with the divisions under it unless
    ``rollup`` is False; ``period`` (``2020``, ``2020-06``, ``2020-01/2020-06``) claims whose period ends
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
    rollup: bool = True           # a region includes the divisions under it


class IndicatorDB:
    """Open (creating and migrating as needed) the database at ``path``."""

    def __init__(self, path: str | Path, *, create: bool = True, attributor=None):
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
            self.db = sqlite_utils.Database(connect(self.path), execute_plugins=False)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open database: {e}") from e
        try:
            self._configure()
            migrate(self.db, self.path)
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(_db_error(self.path, e)) from e
        except BaseException:
            self.db.close()
            raise
        self._attributor = attributor

    def _configure(self) -> None:
        if self.path != ":memory:":
            problems = [r[0] for r in self.db.execute("PRAGMA quick_check(5)").fetchall()]
            if problems != ["ok"]:
                detail = " ".join("; ".join(map(str, problems)).split())[:200]
                raise StoreError(f"{self.path}: the database is damaged (SQLite quick_check: "
                                 f"{detail}); restore a copy or ingest into a new database")
            for _ in range(3):  # switching to WAL needs a moment without other writers
                try:
                    self.db.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError as e:
                    if not is_busy(e):
                        raise
            self.db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints
            self.db.execute("PRAGMA wal_autocheckpoint=10000")  # fewer fsyncs while ingesting
        self.db.execute("PRAGMA foreign_keys=ON")

    # ------------------------------------------------------------------ housekeeping
    @property
    def attributor(self):
        """The attribution tables (gazetteer, keys) for queries and for claims made by hand."""
        if self._attributor is None:
            from ..attribute import Attributor
            self._attributor = Attributor.load()
        return self._attributor

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
        return "unchanged" if known["path"] == name_text(str(Path(path).resolve())) \
            else f"same content as {known['path']}"

    def duplicate_of(self, path: str, text_sha256: str | None) -> str | None:
        """Why a document is a duplicate: another stored document (not under ``path``) has the
        same text; None when none has."""
        if not text_sha256:
            return None
        rows = self.db.query("SELECT path FROM documents WHERE text_sha256 = ? AND path != ?"
                             " LIMIT 1", [text_sha256, path])
        known = next(rows, None)
        return None if known is None else f"duplicate: same text as {known['path']}"

    def find_sha(self, sha256: str) -> dict | None:
        rows = list(self.db["documents"].rows_where("sha256 = ?", [sha256], limit=1))
        return rows[0] if rows else None

    def documents(self) -> list[dict]:
        return list(self.db["documents"].rows_where(order_by="id"))

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "sentences", "claims")}

    # ------------------------------------------------------------------ writing
    def add_document(self, doc: Document, claims: Iterable, *, path: str | Path,
                     sha256: str, version: str = "",
                     skip_stored: Callable[[str, str], str | None] | None = None,
                     parts: bool = False) -> int | str:
        """Write one document and its claims in one transaction; a document already stored
        under the same path is replaced. Returns the new document id; with ``skip_stored``
        (e.g. ``IndicatorDB.skip_reason``), the reason it returns instead, asked inside the
        transaction, so that concurrent ingests store each document once. ``parts``:
        ``claims`` is a re-iterable of lists of claims (a document streamed in parts), each
        turned into rows and written in turn, so that the rows are never all in memory."""
        batches = claims if parts else [list(claims)]
        path = name_text(str(Path(path).resolve()) if str(path) != "" else str(path))
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        meta = (name_text(doc.doc_id), path, sha256, doc.title, doc.issuer, doc.issue_date,
                doc.year, doc.year_source, doc.pages, None, 0,
                json.dumps(doc.warnings, ensure_ascii=False) if doc.warnings else None,
                now, version, doc.fingerprint())

        def write(safe: bool) -> int | str:
            if skip_stored is not None:
                reason = skip_stored(path, sha256)
                if reason is not None:
                    return reason
            return self._write_document(doc, _db_safe(meta) if safe else meta, batches, safe)

        try:
            try:
                return write_transaction(self.db.conn, lambda: write(False))
            except UnicodeEncodeError:  # a file name that is not UTF-8 (surrogates)
                return write_transaction(self.db.conn, lambda: write(True))
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot write {path}: {e}") from e

    def _write_document(self, doc: Document, meta: tuple, batches: Iterable, safe: bool) -> int:
        conn = self.db.conn
        old = next(self.db.query("SELECT id FROM documents WHERE path = ?", [meta[1]]), None)
        if old is not None:
            self._delete(old["id"])
        cur = conn.execute(
            "INSERT INTO documents (doc, path, sha256, title, issuer, issue_date, year,"
            " year_source, pages, region, n_claims, warnings, ingested_at,"
            " textmine_version, text_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", meta)
        doc_id = cur.lastrowid
        n, region = 0, None
        for claims in batches:
            region, rows = claim_rows(doc, list(claims), self.attributor)
            if safe:
                rows = [_db_safe(r) for r in rows]
            sentence_ids = self._insert_sentences(doc_id, rows)
            conn.executemany(
                f"INSERT INTO claims ({', '.join(map(quote_identifier, _CLAIM_INSERT_COLUMNS))})"
                f" VALUES ({', '.join('?' * len(_CLAIM_INSERT_COLUMNS))})",
                (_claim_tuple(doc_id, sentence_ids[_skey(r)], r) for r in rows))
            n += len(rows)
        region = region if region is not None else claim_rows(doc, [], self.attributor)[0]
        conn.execute("UPDATE documents SET n_claims = ?, region = ? WHERE id = ?",
                     (n, region, doc_id))
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
        key = name_text(str(Path(path).resolve()))
        return bool(self.remove_ids([d["id"] for d in self.documents()
                                     if d["path"] == key]))

    def find_documents(self, ref: str | Path) -> list[dict]:
        """The stored documents ``ref`` names: its path (as stored, or resolved from here),
        else its document id (the file name without extension)."""
        ref = str(ref)
        by_path = list(self.db["documents"].rows_where(
            "path IN (?, ?)", [name_text(ref), name_text(str(Path(ref).resolve()))],
            order_by="id"))
        return by_path or list(self.db["documents"].rows_where("doc = ?", [name_text(ref)],
                                                               order_by="id"))

    def remove_ids(self, ids: Iterable[int]) -> int:
        """Remove documents by id, with their sentences (and their full-text rows) and
        claims, in one transaction; returns how many were there."""
        ids = list(ids)

        def delete() -> int:
            n = 0
            for i in ids:
                if next(self.db.query("SELECT 1 FROM documents WHERE id = ?", [i]), None):
                    self._delete(i)
                    n += 1
            return n
        try:
            return write_transaction(self.db.conn, delete)
        except sqlite3.Error as e:
            raise StoreError(_db_error(self.path, e)) from e

    # ------------------------------------------------------------------ reading
    def search(self, query: str | list[str], *, limit: int | None = 50):
        """Sentences holding every word of ``query`` (``store/search.py``)."""
        from .search import search_sentences
        return search_sentences(self.db, query, limit=limit)

    def query(self, f: ClaimFilter | None = None) -> list[dict]:
        """Claim records (contract fields plus the store's) matching the filter."""
        return list(self.iter_claims(f))

    def iter_claims(self, f: ClaimFilter | None = None, *, key: str | None = None
                    ) -> Iterator[dict]:
        """Claim records matching ``f`` (and, with ``key``, of that indicator key exactly)."""
        f = f or ClaimFilter()
        where, params = ([], []) if key is None else (["c.indicator_key = ?"], [key])
        if f.measure:
            where.append("c.measure = ?"); params.append(f.measure)
        if f.role:
            where.append("c.role = ?"); params.append(f.role)
        if f.unit:
            where.append("c.unit = ?"); params.append(f.unit)
        if f.kind:
            where.append("c.kind = ?"); params.append(f.kind)
        if f.doc:
            where.append("c.doc = ?"); params.append(f.doc)
        if f.indicator:
            where.append("(c.indicator_key = ? OR c.indicator LIKE ? ESCAPE '\\')")
            params += [self.indicator_key(f.indicator), f"%{like_escape(f.indicator)}%"]
        if f.region:
            self._region_filter(f, where, params)
        if f.period:  # the period of figures; a date is the time of an event
            where.append("c.kind != 'date'")
            b = iso_bounds(f.period)
            if b is None:
                where.append("c.period = ?"); params.append(f.period)
            else:
                where.append("(c.period = ? OR coalesce(c.period_end, c.period_start) BETWEEN ? AND ?)")
                params += [f.period, b[0], b[1]]
        if f.min_value is not None:
            where.append("c.value >= ?"); params.append(f.min_value)
        if f.max_value is not None:
            where.append("c.value <= ?"); params.append(f.max_value)
        if not f.include_optional:
            where.append("c.optional = 0")
        sql = _SELECT
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.document_id, c.sentence_id, c.start, c.id"
        if f.limit:
            sql += " LIMIT ?"
            params.append(min(int(f.limit), 2 ** 63 - 1))
        try:
            for row in self.db.query(sql, params):
                yield record(row)
        except sqlite3.DatabaseError as e:
            raise StoreError(_db_error(self.path, e)) from e

    def indicator_key(self, name: str) -> str:
        """The key a query names: a synonym (GDP, 财政收入) or an indicator phrase."""
        keys = self.attributor.keys
        return keys.canonical(name) or keys.key(name) or name

    def _region_filter(self, f: ClaimFilter, where: list, params: list) -> None:
        """A region by any of its names; with ``rollup`` the divisions under it too."""
        region = self.attributor.gazetteer.region(f.region.strip())
        if region is not None and region.code and f.rollup:
            prefix = region.code[:{"province": 2, "prefecture": 4}.get(region.level, 6)]
            where.append("(c.region = ? OR c.region_code LIKE ?)")
            params += [region.name, f"{prefix}%"]
        else:
            where.append("c.region = ?")
            params.append(region.name if region is not None else f.region.strip())

    def iter_comparable(self) -> Iterator[dict]:
        """The claims that between-report checks compare, in the order of their comparison
        group (``store.compare.base_key``): one group after the other."""
        kinds = ("money", "count", "percent", "quantity", "ratio")
        sql = (_SELECT + f" WHERE c.kind IN ({', '.join('?' * len(kinds))}) AND c.optional = 0"
               " AND c.indicator_key != '' AND c.period_end IS NOT NULL"
               " ORDER BY c.indicator_key, c.region, c.period, c.kind, coalesce(c.unit, ''),"
               " coalesce(c.per, ''), coalesce(c.change, ''), c.document_id, c.id")
        try:
            cur = self.db.conn.execute(sql, kinds)
            names = [d[0] for d in cur.description]
            for row in cur:
                yield record(dict(zip(names, row)))
        except sqlite3.DatabaseError as e:
            raise StoreError(_db_error(self.path, e)) from e


_SELECT = ("SELECT c.*, d.path AS path, d.title AS doc_title, d.year AS doc_year"
           " FROM claims c JOIN documents d ON d.id = c.document_id")
_INT = {k for k, t in CLAIM_COLUMNS.items() if t is int}
_REAL = {"measure_confidence", "indicator_key_score", "ocr_confidence"}
_TEXT = {k for k, t in CLAIM_COLUMNS.items() if t is str} | {"path", "doc_title"}
_CONTRACT_TEXT = ("doc", "sentence", "text", "kind", "unit", "qualifier", "indicator", "measure")
_EXACT = (("value", "value_text"), ("lower", "lower_text"), ("upper", "upper_text"))


def record(row: dict) -> dict:
    """A claims row as a contract record (numbers as int/float from their exact text, bbox
    as a list) plus the store's fields (indicator_key, region, period, ...). Any stored row
    gives a record of these types: a value of the wrong type (another program wrote it, or
    a file was damaged) becomes None (or "" and 0 for the contract's required text and
    offsets), never an exception in a reader."""
    r = dict(row)
    for k, v in r.items():
        if v is None:
            continue
        if k in _TEXT and type(v) is not str:
            r[k] = _as_text(v)
        elif k in _INT and type(v) is not int:
            r[k] = _as_int(v)
        elif k in _REAL and (type(v) is not float or not math.isfinite(v)):
            r[k] = _as_float(v)
    for k in _CONTRACT_TEXT:  # the contract's required fields always have their type
        if r.get(k) is None:
            r[k] = ""
    for k in ("start", "end"):
        if r.get(k) is None:
            r[k] = 0
    numeric = r.get("kind") != "date"
    for num, text in _EXACT:
        r[num] = _exact(r.get(text), r.get(num), numeric or num != "value")
    r["bbox"] = _bbox(r.get("bbox"))
    r["optional"] = bool(r.get("optional"))
    r["ocr"] = bool(r.get("ocr"))
    return r


def _as_text(v) -> str | None:
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return str(v) if isinstance(v, (int, float)) else None


def _as_int(v) -> int | None:
    try:
        f = float(v)
        return int(f) if math.isfinite(f) and f == int(f) else None
    except (TypeError, ValueError, OverflowError):
        return None


def _as_float(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _exact(text, num, numeric: bool):
    """The number of a value/lower/upper column pair, from its exact text when it has one
    (int/float, or the exact decimal text when no finite float holds it); a date's text."""
    if isinstance(text, str):
        if not numeric:
            return text
        try:
            d = Decimal(text)
        except ArithmeticError:
            d = None
        if d is not None and d.is_finite():
            return json_number(d)
    if isinstance(num, (int, float)) and not isinstance(num, bool):
        return json_number(Decimal(repr(num))) if math.isfinite(num) else None
    if isinstance(num, str) and not numeric:
        return num
    return None


def _bbox(v) -> list[float] | None:
    if v is None:
        return None
    try:
        box = json.loads(v) if isinstance(v, (str, bytes)) else None
    except ValueError:
        return None
    if isinstance(box, list) and len(box) == 4 and all(
            isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
            for x in box):
        return box
    return None


def _db_safe(v):
    """Text that SQLite can store: the bytes of a file name that is not UTF-8 (lone
    surrogates) as ``\\xff`` escapes; tuples and dicts value by value."""
    if isinstance(v, str):
        return name_text(v)
    if isinstance(v, tuple):
        return tuple(_db_safe(x) for x in v)
    if isinstance(v, dict):
        return {k: _db_safe(x) for k, x in v.items()}
    return v


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``: ``%`` and ``_``
    match themselves (``--indicator %`` no longer matches every claim)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _db_error(path: str, e: sqlite3.Error) -> str:
    msg = str(e)
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return (f"{path}: the database is damaged ({msg}); restore a copy or ingest into a "
                "new database")
    return f"{path}: database error: {msg}"


def _skey(r: dict) -> tuple:
    return (r["sentence_index"], r["page"], r["sentence"])


def _claim_tuple(doc_id: int, sentence_id: int, r: dict) -> tuple:
    r = dict(r, document_id=doc_id, sentence_id=sentence_id)
    return tuple(r.get(c) for c in _CLAIM_INSERT_COLUMNS)
