"""Every record writer: JSON lines, CSV, Parquet and the table on screen, all over one set of
columns (``COLUMNS``), written atomically (``AtomicFile``).

    >>> records = [c.to_dict() for c in claims]                        # doctest: +SKIP
    >>> write_records(records, "csv", "claims.csv")                   # doctest: +SKIP

A record is a claim's contract record (``Claim.to_dict()``) or a stored claim
(``IndicatorDB.iter_claims()``): the same names, the store adding its own (``id``, ``path``,
the indicator key's score, ...). JSON lines write each record as it is; CSV and Parquet write
``COLUMNS`` in their order, empty where a record has no value, so ``extract`` and ``export``
give files of the same shape, and the database's claims table has these columns too
(``store/schema.py``). A number keeps its exact decimal text beside it (``value_text``,
``lower_text``, ``upper_text``): typed outputs (Parquet, the database) hold a float, or
nothing where no finite float holds the number (``9`` * 310) or the value is a date.

``printable`` makes any text safe to show on one line of a terminal: a file name or an error
message is data, never markup, control sequences or a second line.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable

from .errors import ConfigError, OutputError


@dataclass(frozen=True)
class Column:
    name: str
    type: type          # str, int, float, bool or list (bbox: four floats)


def _cols(spec: str, t: type) -> list[Column]:
    return [Column(n, t) for n in spec.split()]


# one set of columns for every output (JSONL records use the same names)
COLUMNS: tuple[Column, ...] = tuple(
    _cols("id", int) + _cols("doc path", str) + _cols("page sentence_index", int)
    + _cols("section sentence", str) + _cols("start end", int) + _cols("text kind", str)
    + [Column("value", float), Column("value_text", str), Column("unit", str),
       Column("qualifier", str), Column("lower", float), Column("lower_text", str),
       Column("upper", float), Column("upper_text", str), Column("indicator", str),
       Column("measure", str), Column("measure_confidence", float), Column("per", str),
       Column("currency", str), Column("change", str), Column("optional", bool), Column("bbox", list),
       Column("year_source", str), Column("indicator_key", str),
       Column("indicator_key_score", float)]
    + _cols("region region_source period period_start period_end period_source role "
            "region_level region_code", str)
    # a table cell's claim (its table, 0-based row and column) and a claim read by OCR
    + [Column("table", str), Column("row", int), Column("col", int), Column("ocr", bool),
       Column("ocr_confidence", float)])
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
EXACT = (("value", "value_text"), ("lower", "lower_text"), ("upper", "upper_text"))
FORMATS = ("csv", "jsonl", "parquet")


def row(record: dict, path: str | None = None) -> dict:
    """``record`` as a row of ``COLUMNS`` (None where it has no value); the exact text of a
    number taken from the number where the record has none (a contract record)."""
    out = {k: record.get(k) for k in NAMES}
    if out["path"] is None:
        out["path"] = path
    for num, text in EXACT:
        v = out[num]
        if out[text] is None and v is not None and not isinstance(v, bool):
            out[text] = str(v)
    return out


# ---------------------------------------------------------------- encoders

def claim_records(claims) -> list[dict]:
    """The contract records (``Claim.to_dict()``) of ``claims``."""
    return [c.to_dict() for c in claims]


def jsonl_text(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def claim_jsonl(claims) -> str:
    """The contract records of ``claims`` as JSON lines (``json.dumps(r, ensure_ascii=False)``
    each, by one encoder instead of a new one a record)."""
    encode = _encode_record
    return "".join(encode(c.to_dict()) + "\n" for c in claims)


_JSON = json.JSONEncoder(ensure_ascii=False)


def _record_encoder():
    """``_JSON.encode`` of a record: the standard library's C encoder that ``encode`` runs,
    called directly (the Python steps around it, ``encode`` and ``iterencode``, cost about a
    sixth of the time of a record of twenty fields); no check for circular references (a
    record is a flat dict, its only list the box). ``_JSON.encode`` itself where the C
    encoder is not built."""
    from json import encoder
    try:
        c_encode = encoder.c_make_encoder(None, _JSON.default, encoder.encode_basestring, None,
                                          _JSON.key_separator, _JSON.item_separator, False,
                                          False, True)
    except TypeError:  # (None where the C accelerator is missing)
        return _JSON.encode
    return lambda record: "".join(c_encode(record, 0))


_encode_record = _record_encoder()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _csv_cell(v):
    """A CSV cell: lists as JSON; text that a spreadsheet would run as a formula (it starts
    with = + - @, a tab or a carriage return: a sentence, a file named ``=1+2.txt``) with a
    ``'`` before it, as spreadsheets expect; a plain signed number stays as it is."""
    if isinstance(v, list):
        return json.dumps(v)
    if isinstance(v, str) and v.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(v):
        return "'" + v
    return v


class CsvWriter:
    """Rows of ``COLUMNS`` on a text stream, the header first; ``bom``: start with a UTF-8
    byte order mark, which Excel needs to read UTF-8 (pandas and Python's csv skip it with
    ``encoding="utf-8-sig"``). Formulas are neutralised (``_csv_cell``)."""

    def __init__(self, dest: IO[str], bom: bool = True):
        if bom:
            dest.write("\ufeff")
        self.writer = csv.writer(dest, lineterminator="\n")
        self.writer.writerow(NAMES)

    def write(self, records: Iterable[dict], path: str | None = None) -> None:
        self.writer.writerows([_csv_cell(v) for v in row(r, path).values()] for r in records)


def table_csv(rows: Iterable[Iterable]) -> str:
    """The rows of a table found in a document as CSV text (``textmine text --tables``):
    None as an empty cell, formulas neutralised, no byte order mark (one file a table)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        w.writerow(["" if c is None else _csv_cell(c) for c in r])
    return buf.getvalue()


def csv_text(records: Iterable[dict], bom: bool = True) -> str:
    buf = io.StringIO()
    CsvWriter(buf, bom).write(records)
    return buf.getvalue()


def _finite(v) -> float | None:
    """A number column of a typed output: a finite float, else None (a date, or a number no
    float holds: its exact text is in the ``*_text`` column)."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def _int(v) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) and -2**63 <= v < 2**63 else None


def _text(v) -> str | None:
    return None if v is None else str(v)


def _list(v) -> list | None:
    return [float(x) for x in v] if isinstance(v, (list, tuple)) else None


_CONVERT: dict[type, Callable] = {str: _text, int: _int, float: _finite, bool: bool,
                                  list: _list}


def parquet_bytes(records: Iterable[dict], path: str | None = None) -> bytes:
    """``COLUMNS`` as one Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
             list: pa.list_(pa.float64())}
    schema = pa.schema([(c.name, types[c.type]) for c in COLUMNS])
    rows = [row(r, path) for r in records]
    cols = {c.name: [_CONVERT[c.type](r[c.name]) for r in rows] for c in COLUMNS}
    table = pa.Table.from_pydict(cols, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def records_text(records: Iterable[dict], fmt: str, bom: bool = True) -> str:
    """CSV or JSONL text of the records (Parquet is binary: use ``write_records``)."""
    if fmt == "jsonl":
        return jsonl_text(row(r) for r in records)
    if fmt == "csv":
        return csv_text(records, bom)
    raise ConfigError(f"format {fmt!r} is not text; choose csv or jsonl")


def write_records(records: Iterable[dict], fmt: str, path: str | Path, bom: bool = True) -> int:
    """Write records to ``path`` atomically; returns the number written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = list(records)
    write_atomic(path, parquet_bytes(rows) if fmt == "parquet" else records_text(rows, fmt, bom))
    return len(rows)


# ---------------------------------------------------------------- the table on screen

TABLE_COLUMNS = ("doc", "page", "text", "kind", "value", "unit", "qualifier", "bounds",
                 "indicator", "measure")


QUERY_COLUMNS = ("doc", "page", "text", "value", "unit", "indicator_key", "region", "period",
                 "measure")
# what --columns may name, and the width each column needs to stay readable
COLUMN_WIDTHS = {"doc": 8, "page": 4, "text": 10, "kind": 8, "value": 12, "unit": 4,
                 "qualifier": 9, "bounds": 20, "lower": 12, "upper": 12, "indicator": 14,
                 "indicator_key": 12, "measure": 12, "role": 8, "region": 8, "period": 10,
                 "per": 4, "change": 8, "section": 12, "sentence": 30,
                 "measure_confidence": 6}
# dropped first when the terminal is too narrow for every column, in this order
NARROW_DROP = ("bounds", "qualifier", "page", "doc", "region", "kind", "period", "measure",
               "indicator_key")


def parse_columns(spec: str) -> tuple[str, ...]:
    """``doc,text,value`` -> the column names, each checked (ConfigError lists the valid)."""
    from .errors import ConfigError
    cols = tuple(c.strip() for c in spec.split(",") if c.strip())
    bad = [c for c in cols if c not in COLUMN_WIDTHS]
    if bad or not cols:
        raise ConfigError(f"unknown column {', '.join(bad) or '(none given)'}; columns are "
                          f"{', '.join(COLUMN_WIDTHS)}")
    return cols


def fit_columns(columns: Iterable[str], width: int) -> tuple[str, ...]:
    """``columns`` less the least needed ones (``NARROW_DROP``) until they fit ``width``."""
    cols = list(columns)

    def need(cs):
        return sum(COLUMN_WIDTHS.get(c, 10) + 3 for c in cs) + 1

    for c in NARROW_DROP:
        if need(cols) <= width or len(cols) <= 3:
            break
        if c in cols:
            cols.remove(c)
    return tuple(cols)


def screen_table(records: list[dict], columns: Iterable[str] | None, default: Iterable[str],
                 dest: IO[str] | None = None) -> None:
    """The claims table on a terminal or a pipe: on a terminal narrower than the columns
    need, the least needed columns go (unless ``columns`` were chosen); piped, the table is
    as wide as the columns need rather than 80 characters."""
    import shutil
    import sys
    stream = dest or sys.stdout
    if stream.isatty():
        width = shutil.get_terminal_size().columns
        cols = tuple(columns) if columns else fit_columns(default, width)
        render_table(records, stream, columns=cols, width=width)
    else:
        cols = tuple(columns or default)
        render_table(records, stream, columns=cols,
                     width=max(80, sum(COLUMN_WIDTHS.get(c, 10) + 3 for c in cols) * 2))


def _bounds(r: dict) -> str:
    lo, hi = r.get("lower"), r.get("upper")
    if lo is None and hi is None:
        return ""
    return f"[{'' if lo is None else lo}, {'' if hi is None else hi}]"


def render_table(records: list[dict], dest: IO[str] | None = None, *,
                 columns: Iterable[str] = TABLE_COLUMNS, title: str | None = None,
                 width: int | None = None) -> None:
    """A rich table of the records on ``dest`` (default: standard output), every cell plain
    text (no markup) made ``printable``."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    columns = tuple(columns)
    table = Table(title=title if title is not None else f"{len(records)} claims")
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in records:
        table.add_row(*(Text(printable(cell)) for cell in (
            _bounds(r) if c == "bounds" else ("" if r.get(c) is None else r.get(c))
            for c in columns)))
    Console(file=dest, width=width, markup=False, emoji=False, highlight=False).print(table)


def table_text(records: list[dict], width: int = 200, **kw) -> str:
    buf = io.StringIO()
    render_table(records, buf, width=width, **kw)
    return buf.getvalue()


# ---------------------------------------------------------------- files

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot(path, e: OSError) -> OutputError:
    return OutputError(f"{printable(path)}: cannot write: {e.strerror or e}")


class _Committed:
    """An output that is committed when its ``with`` block ends normally, aborted otherwise."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class AtomicFile(_Committed):
    """A file written through a temporary file beside it: ``commit()`` renames it into
    place, ``abort()`` (or an error, as a context manager) removes it and leaves the old
    file, never a part. The file gets the permissions a plain ``open()`` would give it
    (0666 less the umask; ``mkstemp`` makes 0600). Text mode writes UTF-8, a lone surrogate
    (a file name that is not UTF-8) as its escape. Every error (no space left, a file size
    limit, no permission) is an ``OutputError`` naming ``shown``, the path as given, and
    leaves no temporary file."""

    def __init__(self, path: str | Path, *, binary: bool = False, shown: str | Path | None = None):
        self.path = Path(path)
        self.shown = shown if shown is not None else path
        self.tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                            suffix=".tmp")
        except OSError as e:
            raise _cannot(self.shown, e) from None
        try:
            os.fchmod(fd, 0o666 & ~_umask())
            self.fh: IO = os.fdopen(fd, "wb") if binary else os.fdopen(
                fd, "w", encoding="utf-8", errors="backslashreplace", newline="")
        except BaseException:
            os.close(fd)
            Path(self.tmp).unlink(missing_ok=True)
            raise

    def write(self, data) -> None:
        try:
            self.fh.write(data)
        except OSError as e:
            self.abort()
            raise _cannot(self.shown, e) from None

    def commit(self) -> None:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.path)
        except OSError as e:
            self.abort()
            raise _cannot(self.shown, e) from None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        try:
            if not self.fh.closed:
                self.fh.close()
        except OSError:  # a full disk refuses the last flush too: the file goes anyway
            pass
        if self.tmp is not None:
            Path(self.tmp).unlink(missing_ok=True)


class StreamFile(_Committed):
    """An output that is not a regular file (``-`` for standard output, a FIFO, a device):
    written straight through, never replaced; ``commit`` flushes, ``abort`` stops writing."""

    def __init__(self, path: str | Path, *, binary: bool = False):
        import sys
        self.shown = path
        try:
            if str(path) == "-":
                self.fh = sys.stdout.buffer if binary else sys.stdout
                self.own = False
            else:
                self.fh = open(path, "wb") if binary else open(
                    path, "w", encoding="utf-8", errors="backslashreplace", newline="")
                self.own = True
        except OSError as e:
            raise _cannot(path, e) from None

    def write(self, data) -> None:
        try:
            self.fh.write(data)
        except OSError as e:
            raise _cannot(self.shown, e) from None

    def commit(self) -> None:
        try:
            self.fh.flush()
        except OSError as e:
            raise _cannot(self.shown, e) from None
        finally:
            self.abort()

    def abort(self) -> None:
        if self.own and not self.fh.closed:
            try:
                self.fh.close()
            except OSError:
                pass


def open_output(path: str | Path, *, binary: bool = False) -> "AtomicFile | StreamFile":
    """The output file ``-o PATH`` names, as ``cp`` treats a destination: a new path or a
    regular file is written atomically (``AtomicFile``); a symbolic link is followed and its
    target written (the link stays); ``-``, a FIFO or a device is written straight through
    (``StreamFile``); a directory is refused (``OutputError``)."""
    import stat
    if str(path) == "-":
        return StreamFile(path, binary=binary)
    p = Path(path)
    real = Path(os.path.realpath(p)) if os.path.islink(p) else p
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return AtomicFile(real, binary=binary, shown=path)
    except OSError as e:
        raise _cannot(path, e) from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{printable(path)}: is a directory; name a file to write")
    if stat.S_ISREG(mode):
        return AtomicFile(real, binary=binary, shown=path)
    return StreamFile(real, binary=binary)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` as ``open_output`` says: atomically (a temporary file in
    the same folder and a rename) onto a new path or a regular file, straight into a FIFO or
    a device, never into a directory; an ``OutputError`` naming the path when it fails."""
    with open_output(path, binary=isinstance(data, bytes)) as fh:
        fh.write(data)


# ---------------------------------------------------------------- text for people

# C0 and C1 control characters, DEL, line and paragraph separators, and the bidirectional
# overrides that reorder what a terminal shows; lone surrogates (a file name that is not UTF-8,
# decoded with surrogateescape) are matched apart
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` as one line of plain characters: control characters, separators and
    direction overrides as backslash escapes (``\\x1b``, ``\\n``), the bytes of a file name
    that is not UTF-8 as ``\\xff``.

        >>> printable("a\\x1b[31mb\\nc")
        'a\\\\x1b[31mb\\\\nc'
        >>> printable("bad\\udcff.txt")
        'bad\\\\xff.txt'
    """
    s = str(text)
    if s.isprintable():
        return s
    return _SURROGATE.sub(_escape, _UNSAFE.sub(_escape, s))
