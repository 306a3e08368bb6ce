"""Plain data types shared by every stage. Imports nothing from textmine.

Data flow: a file -> ``Document`` (blocks in reading order, each with page/bbox)
-> ``Sentence`` objects (exact offsets into their block) -> ``Claim`` records.
``Claim.to_dict()`` speaks the JSONL contract of ``docs/claims.md``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from functools import lru_cache
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal
from enum import StrEnum
from typing import Any

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (pdfplumber's frame)


class Measure(StrEnum):
    INDUSTRY = "industry"
    EMPLOYMENT = "employment"
    CONSUMPTION = "consumption"
    SOCIAL_MOBILISATION = "social_mobilisation"
    OTHER = "other"


KINDS = ("money", "count", "percent", "quantity", "date", "duration", "rank", "ratio", "other")
ROLES = ("outcome", "target", "plan", "forecast")  # docs/claims.md, "Attribution"
QUALIFIERS = ("exact", "over", "under", "about", "at_least", "at_most", "range",
              "since", "before", "end", "start", "mid")


@dataclass
class Block:
    """One paragraph-level unit of a document in reading order.

    ``kind``: ``title``, ``heading``, ``paragraph``, ``caption`` or ``table_cell``.
    ``char_boxes`` (PDF input only) holds one box per character of ``text`` (``None``
    for characters that were inserted, e.g. a joining space), so that any span of the
    text can be traced back to the page. ``cell`` says, for a table cell, where it
    stands and what its headers say it measures.
    """

    text: str
    kind: str = "paragraph"
    page: int | None = None
    bbox: BBox | None = None
    char_boxes: list[BBox | None] | None = None
    table: int | None = None  # index into Document.tables for table cells
    cell: TableCell | None = None
    continues: bool = False  # the paragraph before it, broken by a page break, runs on here
    # read by OCR: per character, the recogniser's confidence in its line (None: inserted)
    ocr: tuple[float | None, ...] | None = None


@dataclass
class TableCell:
    """A table cell's place and what the table's headers and caption say about it."""

    table: str                # table id, p<page>-t<n> (the CSV file is <doc>-<id>.csv)
    row: int                  # 0-based, as in the CSV file
    col: int
    row_header: str = ""      # the stub (row headers), units left out
    col_header: str = ""      # the column's header rows joined, units left out
    unit: str | None = None   # the unit a header or the caption gives (百万元, %, 万元)
    period: str | None = None  # the header naming a year or period, as written (2021E, 1-8月)
    row_text: str = ""         # its row as written (the sentence of its claims), "" if unknown
    row_at: int = 0            # where the cell's text starts in ``row_text``


@dataclass
class Table:
    """A table as found: its rows of cell texts (None where a merged cell covers a place)."""

    page: int
    bbox: BBox | None
    rows: list[list[str | None]]
    at: int | None = None       # where it stands: the index of the first block after it
    id: str = ""                # p<page>-t<n>, n counted from 1 on each page
    caption: str | None = None  # title and unit lines just above it
    header_rows: int = 0        # rows of column headers at the top
    stub_cols: int = 0          # columns of row headers at the left
    strategy: str = "lines"     # lines: ruled; text: columns aligned without rules


@dataclass
class Document:
    doc_id: str
    blocks: list[Block]
    path: str | None = None
    pages: int | None = None
    year: int | None = None
    year_source: str = "unknown"  # option | masthead | filename | title | text | unknown
    title: str | None = None
    issuer: str | None = None
    issue_date: str | None = None  # ISO date when known (PDF masthead)
    region: str | None = None  # the issuing government's region (set by attribution)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    text_sha256: str | None = None  # the text's fingerprint, kept when the blocks are dropped
    # a file of several issues (a bulletin's, each under its masthead): (the masthead's block,
    # the ISO day of its issue) of each, in order; [] for a file of one
    issues: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Reading-order text, one block per line."""
        return "\n".join(b.text for b in self.blocks)

    def fingerprint(self) -> str:
        """SHA-256 of the text without its whitespace: the same for two files that hold the
        same text (a copy, another encoding, other line breaks, a .txt of a .docx)."""
        if self.text_sha256 is None:
            import hashlib
            text = "".join("".join(b.text.split()) for b in self.blocks)
            self.text_sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.text_sha256


@dataclass
class Sentence:
    text: str
    block: int  # index into Document.blocks
    start: int  # offset of the sentence in the block's text
    index: int  # running sentence number in the document
    page: int | None = None
    section: str | None = None  # the nearest heading above the sentence
    cell: TableCell | None = None  # the table cell the sentence is, from the block
    ocr: tuple[float | None, ...] | None = None  # per character, from the block (OCR only)


@dataclass
class Claim:
    """One quantified claim, as in the contract (docs/claims.md)."""

    doc: str
    page: int | None
    sentence: str
    start: int
    end: int
    text: str
    kind: str
    value: Decimal | str | None
    unit: str
    qualifier: str
    lower: Decimal | None
    upper: Decimal | None
    indicator: str
    measure: str = Measure.OTHER.value
    measure_confidence: float | None = None
    per: str | None = None
    currency: str | None = None  # money: ISO 4217 code (CNY, USD, HKD ...); unit stays as written
    change: str | None = None
    bbox: BBox | None = None
    sentence_index: int | None = None
    section: str | None = None
    year_source: str | None = None
    optional: bool = False  # borderline mention (vague amounts such as 数万)
    # attribution (docs/claims.md, "Attribution"): filled by the attribution step; a stage
    # that knows better earlier (a table column headed 2021E) may set period/role first
    period: str | None = None         # ISO: 2017, 2017-06, 2013/2017
    period_source: str | None = None  # written | span | section | relative | document
    role: str | None = None           # outcome | target | plan | forecast
    region: str | None = None         # canonical name (宁夏回族自治区, 全国)
    indicator_key: str | None = None  # canonical statistic (国内生产总值)
    # a table cell's claim: the table's id and the cell's 0-based row and column in its CSV
    table: str | None = None
    row: int | None = None
    col: int | None = None
    # read by OCR: the recogniser's confidence (the lowest of the mention's characters)
    ocr: bool = False
    ocr_confidence: float | None = None
    # counted from a time to date (今年以来，…X): its period is the year or the years it falls
    # in (docs/claims.md); it is compared with no figure of the whole period (a store keeps
    # its period open)
    to_date: bool = False

    def __float__(self) -> float:
        """The value as a float (``float(claim)``, ``sum(map(float, claims))``, numpy); a
        date has none (TypeError). ``claim.value`` keeps the exact Decimal."""
        if isinstance(self.value, (Decimal, int, float)) and not isinstance(self.value, bool):
            return float(self.value)
        raise TypeError(f"claim {self.text!r} ({self.kind}) has no numeric value: "
                        f"{self.value!r}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of the contract; numbers become int where integral. (A shallow
        copy of the fields: they are all immutable, and ``asdict``'s deep copy made this the
        parent process's main cost in large batches.)"""
        d = self.__dict__.copy()  # the fields, in their order (__init__ sets them in turn)
        if len(d) != len(_claim_fields()):  # (an attribute set on it besides the fields)
            d = {name: getattr(self, name) for name in _claim_fields()}
        value = d["value"] = json_number(self.value)
        for k in ("lower", "upper"):  # (an exact figure's bounds are its value, the same object)
            d[k] = value if d[k] is self.value else json_number(d[k])
        if d["bbox"] is not None:
            d["bbox"] = [round(float(x), 2) for x in d["bbox"]]
        for k in ("per", "currency", "change", "measure_confidence", "bbox", "section", "table",
                  "row", "col", "ocr_confidence"):
            if d[k] is None:
                del d[k]
        if self.period_source is None:  # not attributed (a part of a document)
            for k in ATTRIBUTION_FIELDS:
                del d[k]
        for k in ("optional", "ocr", "to_date"):
            if not d[k]:
                del d[k]
        return d


ATTRIBUTION_FIELDS = ("period", "period_source", "role", "region", "indicator_key")


@lru_cache(maxsize=None)
def _claim_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Claim))


def json_number(v: Any) -> Any:
    """Decimal -> int when integral, else float; other values unchanged. A number that no
    finite float can hold (``9`` * 310, or a fraction below the smallest float) is kept
    exactly as its decimal text instead: never ``inf``, ``nan`` or a silent 0."""
    if isinstance(v, Decimal):
        if not v.is_finite():
            return str(v)
        f = float(v)
        if math.isinf(f) or (f == 0 and v != 0):
            return decimal_text(v)
        if v == v.to_integral_value():
            return int(v)
        return f
    return v


MAX_PLAIN_DIGITS = 1000


def decimal_text(v: Decimal) -> str:
    """The exact decimal text of ``v``, without exponent or trailing zeros (``1E+3`` ->
    ``1000``, ``2.50`` -> ``2.5``); in scientific notation when written out it would run
    past ``MAX_PLAIN_DIGITS`` digits (``1.11E+19999``: exact, and short)."""
    if v.is_finite() and abs(v.adjusted()) > MAX_PLAIN_DIGITS:
        # a context as wide as the number: the default one rounds to 28 digits and overflows
        # past an exponent of 999,999 (a run of a million digits)
        wide = Context(prec=max(1, len(v.as_tuple().digits)), Emax=MAX_EMAX, Emin=MIN_EMIN)
        return str(v.normalize(wide))
    s = format(v, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s
