"""SQLite connections and write transactions that several processes can share.

Every write runs in ``BEGIN IMMEDIATE``: the write lock is taken when the transaction starts,
so two writers never both read under a deferred transaction and then fail to upgrade it
("database is locked"). A writer that finds the lock taken waits (the busy timeout), and a
transaction that still meets a busy database is rolled back and run again, a few times.
"""
from __future__ import annotations

import random
import sqlite3
import time
from typing import Callable, TypeVar

BUSY_SECONDS = 30.0   # how long one statement waits for another writer's lock
ATTEMPTS = 6          # a transaction that still meets a busy database is run again
T = TypeVar("T")


def connect(path: str) -> sqlite3.Connection:
    """A connection that waits ``BUSY_SECONDS`` for a lock instead of failing at once, and
    reads text that is not UTF-8 (a damaged page, another program's bytes) with U+FFFD in
    place of the bad bytes instead of failing the whole query."""
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
    conn.text_factory = _text
    return conn


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")


def is_busy(e: BaseException) -> bool:
    return isinstance(e, sqlite3.OperationalError) and any(
        w in str(e) for w in ("database is locked", "database is busy", "database table is locked"))


def write_transaction(conn: sqlite3.Connection, fn: Callable[[], T], *,
                      attempts: int = ATTEMPTS) -> T:
    """``fn()`` in one ``BEGIN IMMEDIATE`` transaction, committed, or rolled back when it
    raises; run again (after a short random wait) while the database is busy."""
    for attempt in range(attempts):
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                out = fn()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return out
        except sqlite3.OperationalError as e:
            if not is_busy(e) or attempt == attempts - 1:
                raise
            time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))
    raise AssertionError("unreachable")
