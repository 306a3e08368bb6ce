"""Claims of table cells: the cell's figure with the unit, period and indicator its
headers give (``ingest/table_heads.py`` read them).

A cell that is one figure (``746``, ``35.3%``, ``(1,234)``) is a claim even without a unit
of its own: the header's unit is applied (``746`` under ``营业收入(百万元)`` is 746000000
元), a figure without any unit is kind ``other``. A cell that holds a phrase
(``相对强于市场表现20%以上``) is read like a sentence, with the same claim rules.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..parse.cells import is_generic, is_period, negative_in_brackets, period_of
from ..parse.numbers import NumberMention, find_numbers
from ..parse.numerals import NUMERAL_CHARS
from ..parse.tables import table
from ..types import Claim, Document, Sentence, TableCell
from .claims import select_claims
from .sentences import ocr_fields, row_of

FIGURE_SHARE = 0.6  # a cell is one figure when its mention covers this share of it
_PLACE = re.compile(table("tables")["headers"]["place_header"])  # (a column header: a place)


def cell_mentions(text: str, unit: str | None, year: int | None) -> list[NumberMention]:
    """The number mentions of a cell's text, the header's unit applied to a bare figure."""
    found = find_numbers(text, year)
    core = len("".join(text.split()))
    if len(found) != 1 or found[0].end - found[0].start < FIGURE_SHARE * core:
        return select_claims(text, found)
    m = found[0]
    if m.kind == "date":
        return [m]
    if negative_in_brackets(text):
        m = _negated(m, text)
    if unit and (m.kind == "number" or not m.unit_written):
        m = _with_unit(m, unit, year)
    if m.kind == "number":
        m = replace(m, kind="other", unit="")
    return [m]


def _negated(m: NumberMention, text: str) -> NumberMention:
    """``(1,234)``: minus 1234, the brackets part of the mention."""
    a, b = text.index("("), text.rindex(")") + 1
    neg = [None if v is None else -v for v in (m.value, m.lower, m.upper)]
    return replace(m, start=a, end=b, text=text[a:b], value=neg[0], lower=neg[1], upper=neg[2])


def _with_unit(m: NumberMention, unit: str, year: int | None) -> NumberMention:
    """The figure read again with the header's unit written after it; a measure word the
    number grammar does not know (股) stays the unit of a count."""
    figure = str(m.value) if m.text.startswith("(") else m.text
    text = figure + unit
    found = find_numbers(text, year)
    k = max((i for i, ch in enumerate(figure) if ch in NUMERAL_CHARS), default=-1) + 1
    if found and found[0].kind == "number" and found[0].end < len(text) and k:
        # (5左右 or 三左右 under %: 5%左右, the unit before the words after the numeral)
        placed = figure[:k] + unit + figure[k:]
        again = find_numbers(placed, year)
        if again and again[0].start == 0 and again[0].end == len(placed) and again[0].kind != "number":
            text, found = placed, again
    if not found or found[0].start != 0 or found[0].end < len(figure):
        return m
    u = found[0]
    rest = text[u.end:]
    if u.kind == "number" and rest:
        u = replace(u, kind="count", unit=rest)
    return replace(m, kind=u.kind, value=u.value, unit=u.unit, lower=u.lower, upper=u.upper,
                   per=u.per, unit_written=False)


def cell_indicator(cell: TableCell) -> str:
    """The row header, with the column header where it names a quantity (not a period, not
    a word like 数值); the column header alone where the rows are periods; a column header
    that names a place (长顺县, 全州) before the row's statistic (长顺县销售额)."""
    heads = (cell.row_header, cell.col_header)
    if cell.col_header and _PLACE.fullmatch(cell.col_header):
        heads = (cell.col_header, cell.row_header)
    parts = [p for p in heads if p and not is_period(p) and not is_generic(p)]
    out = ""
    for p in parts:
        if out and (out[-1].isascii() or p[0].isascii()):
            out += " "
        out += p
    return out


def cell_claims(doc: Document, sent: Sentence, bbox_of) -> list[Claim]:
    """The claims of a table cell's sentence (``bbox_of(sent, start, end)``: their box)."""
    cell = sent.cell
    period, role = period_of(cell.period, doc.year) if cell.period else (None, None)
    indicator = cell_indicator(cell)
    row, at = row_of(sent)
    claims = []
    for m in cell_mentions(sent.text, cell.unit, doc.year):
        date = m.kind == "date"
        claims.append(Claim(
            doc=doc.doc_id, page=sent.page, sentence=row, start=at + m.start, end=at + m.end,
            text=sent.text[m.start:m.end], kind=m.kind, value=m.value, unit=m.unit,
            qualifier=m.qualifier, lower=m.lower, upper=m.upper, indicator=indicator,
            per=m.per, currency=m.currency, bbox=bbox_of(sent, m.start, m.end), sentence_index=sent.index,
            section=sent.section,
            year_source=("written" if m.year_written else f"document:{doc.year_source}")
            if date else None, optional=m.optional,
            period=None if date else period, period_source="written" if period and not date
            else None, role=None if date else role,
            table=cell.table, row=cell.row, col=cell.col, **ocr_fields(sent, m.start, m.end)))
    return claims
