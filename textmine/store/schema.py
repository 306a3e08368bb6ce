"""Database schema and its migrations.

The schema version lives in the table ``textmine_schema``; ``migrate`` applies, in order and
each in its own transaction, every migration above the database's version. A database written
by a newer textmine (a version above ``SCHEMA_VERSION``) is refused rather than damaged.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

import sqlite_utils

from ..errors import StoreError
from ..output import COLUMNS
from .txn import write_transaction

DOCUMENT_COLUMNS = {
    "id": int, "doc": str, "path": str, "sha256": str, "title": str, "issuer": str,
    "issue_date": str, "year": int, "year_source": str, "pages": int, "region": str,
    "n_claims": int, "warnings": str, "ingested_at": str, "textmine_version": str,
}
SENTENCE_COLUMNS = {
    "id": int, "document_id": int, "sentence_index": int, "page": int, "section": str,
    "text": str,
}  # + "words" (version 3): the sentence cut into words, for the word index
# the claims table as schema version 1 created it (migrations change it from there)
_V1_CLAIM_COLUMNS = {
    "id": int, "document_id": int, "sentence_id": int,
    # the contract fields (docs/claims.md)
    "doc": str, "page": int, "sentence": str, "start": int, "end": int, "text": str,
    "kind": str, "value": str, "unit": str, "qualifier": str, "lower": float, "upper": float,
    "indicator": str, "measure": str, "measure_confidence": float, "per": str, "change": str,
    "bbox": str, "sentence_index": int, "section": str, "year_source": str, "optional": int,
    # added by the store
    "value_num": float, "indicator_key": str, "indicator_key_score": float,
    "region": str, "region_source": str,
    "period": str, "period_start": str, "period_end": str, "period_source": str,
}
# the claims table after version 4: ``value``, ``lower`` and ``upper`` are numbers (REAL:
# sortable, NULL for a date or a number no finite float holds), each with its exact decimal
# text beside it (``value_text`` also holds a date's ISO text); readers prefer the text
_V4_CLAIM_ORDER = [
    "id", "document_id", "sentence_id", "doc", "page", "sentence", "start", "end", "text",
    "kind", "value", "value_text", "unit", "qualifier", "lower", "lower_text", "upper",
    "upper_text", "indicator", "measure", "measure_confidence", "per", "change", "bbox",
    "sentence_index", "section", "year_source", "optional", "indicator_key",
    "indicator_key_score", "region", "region_source", "period", "period_start", "period_end",
    "period_source"]
V5_CLAIM_COLUMNS = ("role", "region_level", "region_code")
# the claims table now: the columns of every output (``textmine.output.COLUMNS``; the path is
# the document's), booleans as 0/1 and the bbox as JSON text, after its own keys
_DB_TYPES = {bool: int, list: str}
CLAIM_COLUMNS: dict[str, type] = {"id": int, "document_id": int, "sentence_id": int} | {
    c.name: _DB_TYPES.get(c.type, c.type) for c in COLUMNS if c.name not in ("id", "path")}


def _v1_tables(db: sqlite_utils.Database) -> None:
    db["documents"].create(DOCUMENT_COLUMNS, pk="id", not_null={"path", "sha256"})
    db["documents"].create_index(["path"], unique=True)
    db["documents"].create_index(["sha256"])
    db["sentences"].create(SENTENCE_COLUMNS, pk="id",
                           foreign_keys=[("document_id", "documents", "id")])
    db["sentences"].create_index(["document_id", "sentence_index"])
    db["claims"].create(_V1_CLAIM_COLUMNS, pk="id",
                        foreign_keys=[("document_id", "documents", "id"),
                                      ("sentence_id", "sentences", "id")])
    # Few indexes on purpose: each one costs page writes on every ingest (bench/bench_db.py);
    # document_id serves replacement and deletion, the key triple the between-report check.
    for cols in (["document_id"], ["indicator_key", "region", "period"]):
        db["claims"].create_index(cols)


def _v2_fts(db: sqlite_utils.Database) -> None:
    # trigram: Chinese has no spaces, so words are found as substrings (3+ characters)
    db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="trigram")


TRIGRAM_TABLE = "sentences_trigram"


def _v3_word_index(db: sqlite_utils.Database) -> None:
    """Two full-text indexes of sentences: ``sentences_fts`` over the sentence cut into words
    (``words``, unicode61: finds 就业 and 村, see ``store/words.py``) and ``sentences_trigram``
    over the text (any substring of 3+ characters). The word index is the one sqlite-utils
    and Datasette find for the table (``content="sentences"``); the trigram index names its
    content table in single quotes, which their detection does not look for, so that they
    never pick it (it cannot find words of one or two characters)."""
    from .words import index_words
    table = db["sentences"]
    table.disable_fts()  # the trigram index of version 2, and its triggers
    table.add_column("words", str)
    rows = [(index_words(text), rowid) for rowid, text in
            db.execute("SELECT id, text FROM sentences").fetchall()]
    db.conn.executemany("UPDATE sentences SET words = ? WHERE id = ?", rows)
    table.enable_fts(["words"], create_triggers=True, tokenize="unicode61")
    t = TRIGRAM_TABLE
    db.execute(f"CREATE VIRTUAL TABLE {t} USING fts5(text, tokenize='trigram', "
               f"content='sentences', content_rowid='id')")
    db.execute(f"CREATE TRIGGER {t}_ai AFTER INSERT ON sentences BEGIN INSERT INTO {t}"
               f"(rowid, text) VALUES (new.id, new.text); END")
    db.execute(f"CREATE TRIGGER {t}_ad AFTER DELETE ON sentences BEGIN INSERT INTO {t}"
               f"({t}, rowid, text) VALUES ('delete', old.id, old.text); END")
    db.execute(f"CREATE TRIGGER {t}_au AFTER UPDATE ON sentences BEGIN INSERT INTO {t}"
               f"({t}, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO {t}"
               f"(rowid, text) VALUES (new.id, new.text); END")
    db.execute(f"INSERT INTO {t}({t}) VALUES ('rebuild')")


_INF = "(9e999, -9e999)"  # SQLite's literals for +-infinity


def _v3_exact_numbers(db: sqlite_utils.Database) -> None:
    claims = db["claims"]
    for col in ("value_text", "lower_text", "upper_text"):
        claims.add_column(col, str)
    db.execute("UPDATE claims SET value_text = value")
    # textmine 0.1 stored numbers above the float range as infinity; their exact bounds are
    # the value's text where the qualifier says so (otherwise `ingest --replace` re-reads them)
    db.execute(f"UPDATE claims SET lower_text = value_text WHERE lower IN {_INF}"
               " AND qualifier IN ('exact', 'range', 'over', 'at_least')")
    db.execute(f"UPDATE claims SET upper_text = value_text WHERE upper IN {_INF}"
               " AND qualifier IN ('exact', 'under', 'at_most')")
    for col in ("value_num", "lower", "upper"):
        db.execute(f"UPDATE claims SET {col} = NULL WHERE {col} IN {_INF}")
    claims.transform(drop={"value"}, rename={"value_num": "value"},
                     column_order=_V4_CLAIM_ORDER)


def _v5_attribution(db: sqlite_utils.Database) -> None:
    """role and the region's level and division code (textmine.attribute); rows stored before
    have none until `ingest --replace` reads their documents again."""
    have = db["claims"].columns_dict
    for col in V5_CLAIM_COLUMNS:
        if col not in have:
            db["claims"].add_column(col, str)
    db["claims"].create_index(["indicator_key", "region", "period", "role"], if_not_exists=True)


def _v6_text_fingerprint(db: sqlite_utils.Database) -> None:
    # the document's text without whitespace, hashed (Document.fingerprint): a file with the
    # same text as a stored one (a copy in another encoding, a .txt of a .docx) is a duplicate
    db["documents"].add_column("text_sha256", str)
    db["documents"].create_index(["text_sha256"])


def _v7_currency(db: sqlite_utils.Database) -> None:
    # the ISO code of money's currency (CNY, USD, HKD ...; issue 14), beside the unit as written
    if "currency" not in db["claims"].columns_dict:
        db["claims"].add_column("currency", str)


V8_CLAIM_COLUMNS = {"table": str, "row": int, "col": int, "ocr": int, "ocr_confidence": float}


def _v8_cells_and_ocr(db: sqlite_utils.Database) -> None:
    """A table cell's claim keeps its table id, row and column, a claim read by OCR its flag
    and confidence (issue 15); rows stored before have none until `ingest --replace`."""
    have = db["claims"].columns_dict
    for col, kind in V8_CLAIM_COLUMNS.items():
        if col not in have:
            db["claims"].add_column(col, kind)
    db.execute("UPDATE claims SET ocr = 0 WHERE ocr IS NULL")


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "documents, sentences and claims tables with indexes", _v1_tables),
    (2, "full-text index on sentences (FTS5, trigram tokenizer)", _v2_fts),
    (3, "word index of sentences (words column, FTS5 unicode61) beside the trigram index",
     _v3_word_index),
    (4, "claims: value, lower and upper as numbers with their exact text beside them",
     _v3_exact_numbers),
    (5, "claims: role, region level and division code (attribution)", _v5_attribution),
    (6, "documents: text_sha256, the fingerprint of the text (duplicates)", _v6_text_fingerprint),
    (7, "claims: currency (ISO code of money)", _v7_currency),
    (8, "claims: table, row, col (a table cell's) and ocr, ocr_confidence", _v8_cells_and_ocr),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(db: sqlite_utils.Database) -> int:
    if not db["textmine_schema"].exists():
        return 0
    row = db.execute("SELECT max(version) FROM textmine_schema").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite_utils.Database, path: str, upto: int = SCHEMA_VERSION) -> list[int]:
    """Apply pending migrations, each in its own write transaction (another process opening
    the same database at the same moment waits, then finds the migration done); returns the
    versions applied."""
    applied: list[int] = []
    for version, description, step in MIGRATIONS:
        if version > upto:
            break

        def apply() -> bool:
            current = _checked_version(db, path)
            if version <= current:
                return False
            if version == 1:
                db["textmine_schema"].create({"version": int, "description": str,
                                              "applied_at": str}, pk="version")
            step(db)
            db["textmine_schema"].insert({"version": version, "description": description,
                                          "applied_at": datetime.now(timezone.utc).isoformat()})
            return True

        if version <= _checked_version(db, path):
            continue
        try:
            if write_transaction(db.conn, apply):
                applied.append(version)
        except sqlite3.Error as e:
            raise StoreError(f"{path}: migration to schema version {version} failed: {e}") from e
    return applied


def _checked_version(db: sqlite_utils.Database, path: str) -> int:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise StoreError(f"{path}: database schema version {current} is newer than this "
                         f"textmine supports ({SCHEMA_VERSION}); upgrade textmine")
    if current == 0 and any(t for t in db.table_names() if t != "textmine_schema"):
        raise StoreError(f"{path}: not a textmine database (it has other tables and no "
                         f"textmine_schema table)")
    return current
