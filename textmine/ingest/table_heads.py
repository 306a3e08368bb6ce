"""A table's grid read the way a reader reads it: which rows are column headers, which
columns are row headers (the stub), which rows only head a group of rows, and what unit
and period the headers and the caption give each cell.

    header rows  the rows at the top without a value outside the stub (years, 2022E, 项目)
    stub         the columns at the left with (almost) no values: row labels, a unit column
    group rows   a label with nothing beside it (每股指标(元)): its unit holds for the rows
                 below it, up to the next group row
    units        the row's own (营业收入(百万元), a unit column), else the column header's,
                 else the group row's, else the corner cell's (利润表(百万元)), else the
                 caption's (单位：万元)

Each value cell becomes a ``table_cell`` block whose ``TableCell`` carries all that.
"""
from __future__ import annotations

from ..parse.cells import (fold, is_average, is_generic, is_label, is_period, is_placeholder, is_unit,
                           split_unit, year_of)
from ..types import Block, Table, TableCell
from .boxes import CharBoxes
from .tables import Grid, GridCell, PageTable

_PERCENTS = frozenset(["%", "个百分点", "百分点", "‰"])  # a column's units that beat a row's

STUB_VALUE_SHARE = 0.2  # a stub column may hold this share of values (52周内股价区间)


def _kind(c: GridCell | None) -> str:
    return cell_kind(c.text if c is not None else "")


def cell_kind(text: str) -> str:
    """``empty``, ``placeholder`` (—), ``period`` (2025年), ``value`` (a cell with a digit),
    ``phrase`` (a digit among many words: a row label in the stub, 每千名常住人口拥有3星级
    托育位数（个）, else a phrase read like a sentence, 预期涨幅高于基准15%以上) or ``text``."""
    if not text.strip():
        return "empty"
    if is_placeholder(text):
        return "placeholder"
    if is_period(text):
        return "period"
    if any(ch.isdigit() for ch in text):
        return "phrase" if is_label(text) else "value"
    return "text"


def header_rows(kinds: list[list[str]]) -> int:
    """Rows at the top with no value outside the first column but something there (a row
    with a label only heads a group of rows), and at least one row left for values."""
    h = 0
    while h < len(kinds) - 1 and not {"value", "phrase"} & set(kinds[h][1:]) \
            and any(k != "empty" for k in kinds[h][1:]):
        h += 1
    return h


def stub_cols(kinds: list[list[str]], h: int) -> int:
    """Columns at the left whose data cells are labels, not values (one column at least
    stays for the values)."""
    width = len(kinds[0]) if kinds else 0
    s = 0
    while s < width - 1:
        col = [r[s] for r in kinds[h:] if r[s] != "empty"]
        values = sum(1 for k in col if k == "value")
        if not col or values > STUB_VALUE_SHARE * len(col) or len(col) == values:
            break
        s += 1
    return s


def column_headers(grid: Grid, h: int, s: int) -> list[str]:
    """Each column's header rows joined. A header row with fewer headers than there are
    columns of values spans them: each column takes the header nearest above it (2019年
    over 1-8月 and 全年); a merged cell of a ruled table heads every column it covers."""
    width = len(grid[0]) if grid else 0
    centres = _centres(grid, h)
    out = [[] for _ in range(width)]
    for r in grid[:h]:
        heads = [(k, c) for k, c in enumerate(r)
                 if k >= s and c is not None and c.text.strip() and c.bbox is not None]
        spanning = 0 < len(heads) < width - s
        for j in range(width):
            c = r[j] or next((r[k] for k in range(j - 1, -1, -1)
                              if r[k] is not None and k + r[k].span > j), None)
            if spanning and j >= s and centres[j] is not None:
                c = min(heads, key=lambda kc: abs((kc[1].bbox[0] + kc[1].bbox[2]) / 2
                                                  - centres[j]))[1]
            if c is not None and c.text.strip():
                out[j].append(c.text.strip())
    return [" ".join(parts) for parts in out]


def _centres(grid: Grid, h: int) -> list[float | None]:
    """The middle of each column, from its cells below the headers."""
    out = []
    for j in range(len(grid[0]) if grid else 0):
        xs = sorted((c.bbox[0] + c.bbox[2]) / 2 for r in grid[h:]
                    if (c := r[j]) is not None and c.bbox is not None)
        out.append(xs[len(xs) // 2] if xs else None)
    return out


def _row_header(cells: list[GridCell | None]) -> tuple[str, str | None]:
    """The stub's label and unit: a cell that is only a unit (亿元) is the row's unit."""
    words, unit = [], None
    for c in cells:
        if c is None or not c.text.strip():
            continue
        if is_unit(c.text):
            unit = unit or split_unit(f"({c.text.strip()})")[1]
        else:
            words.append(c.text.strip())
    label, own = split_unit(" ".join(words))
    return label, own or unit


def text_table(rows: list[list[str | None]], t_index: int, t_id: str, caption: str = "",
               lines: list[str] | None = None) -> tuple[Table, list[Block]]:
    """``build_table`` for a table that comes as text, without boxes (Word, HTML): a cell
    followed by empty places (None) spans them; ``lines``: its rows as written (plain text)."""
    grid: Grid = []
    for r in rows:
        cells: list[GridCell | None] = []
        for j, text in enumerate(r):
            if text is None:
                cells.append(None)
                continue
            span = 1 + next((k for k, t in enumerate(r[j + 1:]) if t is not None), len(r) - j - 1)
            cells.append(GridCell(text, [None] * len(text), None, span))
        grid.append(cells)
    table, blocks = build_table(PageTable(None, grid, "text", caption, lines), None, t_index, t_id)
    table.bbox = None
    for b in blocks:
        b.bbox = b.char_boxes = None
    return table, blocks


def build_table(pt: PageTable, page_no: int | None, t_index: int, t_id: str
                ) -> tuple[Table, list[Block]]:
    """The document's ``Table`` and one ``table_cell`` block per cell with a figure."""
    grid = pt.grid
    kinds = [[_kind(c) for c in r] for r in grid]
    h = header_rows(kinds)
    s = stub_cols(kinds, h)
    corner = next((u for r in grid[:h] for c in r[:s] if c
                   for u in [split_unit(c.text)[1]] if u), None)
    heads = _Heads(t_id, column_headers(grid, h, s), corner or split_unit(pt.caption)[1])
    blocks: list[Block] = []
    level = ""  # the last row label of a statistic (销售额), which a row of its change follows
    for i in range(h, len(grid)):
        row = grid[i]
        if all(k in ("empty", "placeholder") for k in kinds[i][s:]):
            heads.group_unit = split_unit(" ".join(c.text for c in row[:s] if c))[1]
            continue  # a group row (or an empty one)
        label, row_unit = _row_header(row[:s])
        label, level = _of_row_level(label, level)
        written, at = _row_as_written(row, pt.lines[i] if pt.lines else None)
        for j in range(s, len(row)):
            c = row[j]
            if c is not None and kinds[i][j] in ("value", "phrase", "period"):
                blocks.append(Block(c.text, "table_cell", page_no, c.bbox, CharBoxes(c.boxes),
                                    table=t_index, cell=heads.cell(i, j, label, row_unit,
                                                                   (written, at[j]))))
    rows = [[None if c is None else c.text for c in r] for r in grid]
    return Table(page_no, pt.bbox and tuple(pt.bbox), rows, id=t_id, caption=pt.caption or None,
                 header_rows=h, stub_cols=s, strategy=pt.strategy), blocks


def _row_as_written(row: list, line: str | None) -> tuple[str, list[int]]:
    """A row's text (its line as written, else its cells parted by spaces) and where each
    cell's text starts in it (-1 for an empty place)."""
    at, pos = [], 0
    text = line if line is not None else " ".join(c.text for c in row if c is not None)
    for c in row:
        k = text.find(c.text, pos) if c is not None else -1
        at.append(k)
        if k >= 0:
            pos = k + len(c.text)
    return text, at


class _Heads:
    """What the column headers, the current row group and the table say about a cell."""

    def __init__(self, t_id: str, columns: list[str], table_unit: str | None):
        self.t_id = t_id
        self.columns = _of_level([(text, *split_unit(text)) for text in columns])
        self.table_unit = table_unit
        self.group_unit: str | None = None
        self.average_years = _average_years(columns)  # (年均增长 beside 2020年 and 2025年)

    def cell(self, i: int, j: int, label: str, row_unit: str | None,
             written: tuple[str, int] = ("", 0)) -> TableCell:
        """The cell at row ``i``, column ``j`` (``written``: its row's text and where the
        cell starts in it)."""
        head, col_label, col_unit = self.columns[j]
        period = head if is_period(head) else (label if is_period(label) else None)
        if period is None and self.average_years and is_average(col_label):
            period = self.average_years  # (an average rate over the table's years)
        # (a column of rates or changes, 比上年增长（%）, beside a column of units, 单位 亿元:
        # the column's percent, not the row's unit)
        unit = col_unit if col_unit and fold(col_unit) in _PERCENTS else \
            row_unit or col_unit or self.group_unit or self.table_unit
        return TableCell(self.t_id, i, j, label, col_label, unit,
                         "".join(period.split()) if period else None, *written)


def _average_years(columns: list[str]) -> str | None:
    """The years an average rate beside columns of years covers (2020年, 2025年 -> 2021-2025:
    the years after the first up to the last); None without two columns of single years."""
    years = [int(y) for y in (year_of(c) for c in columns) if y is not None]
    if len(years) < 2 or max(years) <= min(years):
        return None
    return f"{min(years) + 1}-{max(years)}"


def _of_row_level(label: str, level: str) -> tuple[str, str]:
    """(label, level) of a row: a row of a change alone (同比增长) under the row of a
    statistic (销售额) is that statistic's change (销售额同比增长), as ``_of_level`` does for
    columns."""
    from ..nlp.indicator import change_words
    if label and change_words(label) == label:
        return (level + label if level else label), level
    return label, (label if label and not is_period(label) and not is_generic(label) else level)


def _of_level(columns: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """The columns' (header, label, unit), a change column's label (比上年增长, 增长) with the
    label of the level's column before it (产量（万吨） 比上年增长（%） -> 产量比上年增长), so that
    a level and its growth name one statistic."""
    from ..nlp.indicator import change_words
    out = list(columns)
    level = ""
    for j, (head, label, unit) in enumerate(columns):
        if label and change_words(label) == label:
            if level:
                out[j] = (head, level + label, unit)
        elif label and not is_period(head) and not is_generic(label):
            level = label
    return out
