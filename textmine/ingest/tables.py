"""Tables on a page: found, cut into cells, and turned into a ``Table`` and cell blocks.

Ruled tables come from pdfplumber's table finder (the "lines" strategy) over the page's
edges. Nothing here needs a pdfplumber page: the finder runs on a small stand-in that
lends it the edges, so a page recognised by OCR goes through the same code.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..types import BBox, Block, Table
from .boxes import CharBoxes
from .columns import Glyph, LayoutParams, build_segments, inside, reading_order
from .layout import assemble_lines

TABLE_SETTINGS = {"snap_tolerance": 1, "join_tolerance": 1}  # don't snap to nearby drawings
MAX_CELL_CHARS = 80  # a "cell" holding more text than this is page layout, not a table

Cell = tuple  # (text, char boxes, bbox)


@dataclass
class PageTable:
    """A table found on a page: its box and its grid of cells (None: merged away)."""

    bbox: BBox
    grid: list[list[Cell | None]]

    def to_model(self, page_no: int, t_index: int) -> tuple[Table, list[Block]]:
        """The document's ``Table`` and one ``table_cell`` block per cell with a number."""
        grid = self.grid
        rows = [[None if c is None else c[0] for c in r] for r in grid]
        blocks = []
        col_head = rows[0]
        for i, r in enumerate(grid):
            if i == 0:
                continue
            row_head = r[0][0] if r and r[0] is not None else ""
            for j, c in enumerate(r):
                if j == 0 or c is None or not _has_number(c[0]):
                    continue
                head = col_head[j] if j < len(col_head) and col_head[j] else ""
                context = " ".join(x for x in (row_head, head) if x)
                blocks.append(Block(c[0], "table_cell", page_no, tuple(c[2]), CharBoxes(c[1]),
                                    context=context or None, table=t_index, cell=(i, j)))
        return Table(page_no, tuple(self.bbox), rows), blocks


@dataclass
class Found:
    """The tables of a page, and the cell walls of ruled layout grids (rulings that are page
    layout, not tables: they still part segments)."""

    tables: list[PageTable] = field(default_factory=list)
    walls: list[BBox] = field(default_factory=list)


class _Surface:
    """What pdfplumber's ``TableFinder`` reads of a page, without the page."""

    def __init__(self, edges: list[dict], bbox: BBox):
        self.edges = edges
        self.bbox = bbox


def find_tables(pi, glyphs: list[Glyph], params: LayoutParams) -> Found:
    """The tables of page input ``pi`` among ``glyphs`` (the page without its furniture)."""
    found = Found()
    for t in _ruled(pi, glyphs):
        grid = _cell_grid(t, [g for g in glyphs if inside(g, t.bbox)], params)
        if grid is not None:
            found.tables.append(PageTable(tuple(t.bbox), grid))
        else:  # a ruled layout grid: its cell walls still part segments
            for c in t.cells:
                if any(inside(g, c) for g in glyphs):
                    found.walls += [(c[0], c[1], c[0], c[3]), (c[2], c[1], c[2], c[3])]
    return found


def _ruled(pi, glyphs: list[Glyph]) -> list:
    """Ruled tables of at least 2 x 2 cells with text in two cells or more."""
    if not pi.edges:
        return []
    from pdfplumber.table import TableFinder, TableSettings
    finder = TableFinder(_Surface(pi.edges, (0, 0, pi.width, pi.height)),
                         TableSettings.resolve(TABLE_SETTINGS))
    tables = []
    for t in finder.tables:
        rows = t.rows
        if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
            continue
        held = [g for g in glyphs if inside(g, t.bbox) and not g.text.isspace()]
        filled = {i for g in held for i, c in enumerate(t.cells) if inside(g, c)}
        if len(filled) >= 2:
            tables.append(t)
    return tables


def text_of(glyphs: list[Glyph], params: LayoutParams) -> tuple[str, list]:
    """Text and boxes of a small area (a table cell, a header line): lines top to bottom."""
    segs = build_segments(glyphs, params)
    placed = reading_order(segs, params)
    chars: list = []
    for ln in assemble_lines(placed):
        if chars and chars[-1][0].isascii() and chars[-1][0].isalpha() \
                and ln.chars[0][0].isascii() and ln.chars[0][0].isalpha():
            chars.append((" ", None))
        chars.extend(ln.chars)
    while chars and chars[0][0].isspace():
        chars.pop(0)
    while chars and chars[-1][0].isspace():
        chars.pop()
    return "".join(t for t, _ in chars), [b for _, b in chars]


def _has_number(text: str) -> bool:
    return any(unicodedata.category(ch) == "Nd" for ch in text)


def _cell_grid(t, glyphs: list[Glyph], params: LayoutParams) -> list[list[Cell | None]] | None:
    """(text, boxes, bbox) per cell, empty rows and columns dropped; None when the ruling
    is page layout rather than a table (long text in a cell, fewer than 2 x 2 cells left)."""
    grid: list[list[Cell | None]] = []
    for row in t.rows:
        cells: list[Cell | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            held = [g for g in glyphs if inside(g, cell)]
            text, boxes = text_of(held, params) if held else ("", [])
            if len(text) > MAX_CELL_CHARS:
                return None
            cells.append((text, boxes, cell))
        grid.append(cells)
    grid = [r for r in grid if any(c and c[0] for c in r)]
    width = max((len(r) for r in grid), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] and r[j][0] for r in grid)]
    grid = [[r[j] if j < len(r) else None for j in keep] for r in grid]
    if len(grid) < 2 or len(keep) < 2:
        return None
    multi = sum(1 for r in grid if sum(1 for c in r if c and c[0]) >= 2)
    if multi < 0.5 * len(grid):  # mostly one text per row: a layout grid around prose
        return None
    return grid
