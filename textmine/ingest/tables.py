"""Tables on a page: found and cut into a grid of cells; ``table_heads`` reads the grid.

Two strategies, chosen by what the page holds:

* ruled tables: pdfplumber's table finder ("lines" strategy) over the page's edges;
* tables without rules: columns of values aligned under each other. Value segments
  (numbers as tables print them: ``1,567``, ``-33``, ``35.3%``) stacked in lines close
  together form value columns; columns that share lines form a table, split where a column
  of row labels stands between two value columns (two tables side by side); the row labels
  left of the first value column are its stub, and short lines just above it (years,
  ``2022E``) its header rows.

Nothing here needs a pdfplumber page: glyphs and edges are all it reads, so a page
recognised by OCR goes through the same code as a text layer. A table's cells never run
into each other: every segment goes to the cells under it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parse.cells import is_period, is_placeholder, is_value
from ..types import BBox
from .columns import Glyph, LayoutParams, Segment, build_segments, inside, reading_order
from .layout import assemble_lines, segment_chars

TABLE_SETTINGS = {"snap_tolerance": 1, "join_tolerance": 1}  # don't snap to nearby drawings
MAX_CELL_CHARS = 80    # a "cell" holding more text than this is page layout, not a table
MAX_STUB_CHARS = 40    # a row label longer than this is prose beside the table
MAX_HEAD_CHARS = 24    # a header cell longer than this is prose above the table
ROW_GAP_EM = 3.5       # values further apart than this (in font sizes) are not one column
HEADER_LINES = 3       # header lines looked for above the first row of values
CAPTION_LINES = 2      # caption lines (title, 单位：万元) looked for above the headers


@dataclass(slots=True)
class GridCell:
    text: str
    boxes: list           # one box per character of text (None for an inserted blank)
    bbox: BBox | None     # None for a table that came as text (Word, HTML)
    span: int = 1         # columns it covers (a merged header cell)


Grid = list[list[GridCell | None]]


@dataclass
class PageTable:
    """A table found on a page: its box, its grid of cells (None: empty or merged away),
    how it was found, and the caption lines above it."""

    bbox: BBox | None
    grid: Grid
    strategy: str = "lines"
    caption: str = ""
    lines: list[str] | None = None  # its rows as written, for a table that came as text lines

    @property
    def size(self) -> float:
        """The font size of its cells (the middle one)."""
        sizes = sorted((b[3] - b[1]) for r in self.grid for c in r if c for b in c.boxes if b)
        return sizes[len(sizes) // 2] if sizes else 10.0


@dataclass
class Found:
    """The tables of a page, and the cell walls of ruled layout grids (rulings that are page
    layout, not tables: they still part segments)."""

    tables: list[PageTable] = field(default_factory=list)
    walls: list[BBox] = field(default_factory=list)


def find_tables(pi, glyphs: list[Glyph], params: LayoutParams) -> Found:
    """The tables of page input ``pi`` among ``glyphs`` (the page without its furniture):
    ruled ones first, then aligned columns of values among the glyphs left over."""
    found = Found()
    for t in _ruled(pi, glyphs, params.body_size):
        grid = _cell_grid(t, [g for g in glyphs if inside(g, t.bbox)], params)
        if grid is not None:
            found.tables.append(PageTable(tuple(t.bbox), grid))
        else:  # a ruled layout grid: its cell walls still part segments
            for c in t.cells:
                if any(inside(g, c) for g in glyphs):
                    found.walls += [(c[0], c[1], c[0], c[3]), (c[2], c[1], c[2], c[3])]
    rest = [g for g in glyphs if not any(inside(g, t.bbox) for t in found.tables)]
    lines = _lines([s for s in build_segments(rest, params) if s.text.strip()])
    found.tables += _aligned(lines, params, pi.width)
    free = [ln for ln in ([s for s in ln if not any(_within(s, t.bbox) for t in found.tables)]
                          for ln in lines) if ln]
    for t in found.tables:
        t.caption = _caption(t.bbox, free, t.size)
    return found


def _within(s: Segment, box: BBox) -> bool:
    cx, cy = (s.x0 + s.x1) / 2, (s.top + s.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# ---------------------------------------------------------------- ruled tables


class _Surface:
    """What pdfplumber's ``TableFinder`` reads of a page, without the page."""

    def __init__(self, edges: list[dict], bbox: BBox):
        self.edges = edges
        self.bbox = bbox


def _ruled(pi, glyphs: list[Glyph], body: float) -> list:
    """Ruled tables of at least 2 x 2 cells with text in two cells or more."""
    if not pi.edges:
        return []
    from pdfplumber.table import TableFinder, TableSettings
    edges = pi.edges + _open_sides(pi.edges, body)
    finder = TableFinder(_Surface(edges, (0, 0, pi.width, pi.height)),
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


def _open_sides(edges: list[dict], body: float) -> list[dict]:
    """The side a ruled table leaves open (its row rules end at the same place, with no
    vertical rule there): a vertical edge that closes it. Only rules close together, as
    the rows of a table are (not a page's header and footer rules)."""
    from pdfplumber.table import merge_edges
    horiz = merge_edges([e for e in edges if e["orientation"] == "h"], 1, 1, 1, 1)
    vert = [e for e in edges if e["orientation"] == "v"]
    out = []
    for key in ("x0", "x1"):
        ends: dict[int, list[dict]] = {}
        for e in horiz:
            if e["x1"] - e["x0"] >= 3 * body:
                ends.setdefault(round(e[key] / 2), []).append(e)
        for rules in ends.values():
            tops = sorted(e["top"] for e in rules)
            x = rules[0][key]
            if (len(tops) < 3 or max(b - a for a, b in zip(tops, tops[1:])) > 5 * body
                    or any(abs(v["x0"] - x) < 2 and v["top"] <= tops[0] + 1
                           and v["bottom"] >= tops[-1] - 1 for v in vert)):
                continue
            out.append({"x0": x, "x1": x, "top": tops[0], "bottom": tops[-1],
                        "height": tops[-1] - tops[0], "width": 0, "orientation": "v",
                        "object_type": "line"})
    return out


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


def _cell_grid(t, glyphs: list[Glyph], params: LayoutParams) -> Grid | None:
    """The cells of a ruled table, empty rows and columns dropped; None when the ruling is
    page layout rather than a table (long text in a cell, fewer than 2 x 2 cells left)."""
    grid: Grid = []
    for row in t.rows:
        cells: list[GridCell | None] = []
        for cell in row.cells:
            held = [g for g in glyphs if inside(g, cell)] if cell is not None else []
            text, boxes = text_of(held, params) if held else ("", [])
            if len(text) > MAX_CELL_CHARS:
                return None
            cells.append(None if cell is None else GridCell(text, boxes, tuple(cell)))
        grid.append(cells)
    grid = _drop_empty(grid)
    if len(grid) < 2 or len(grid[0]) < 2:
        return None
    multi = sum(1 for r in grid if sum(1 for c in r if c and c.text) >= 2)
    if multi < 0.5 * len(grid):  # mostly one text per row: a layout grid around prose
        return None
    _spans(grid)
    return grid


def _drop_empty(grid: Grid) -> Grid:
    grid = [r for r in grid if any(c and c.text for c in r)]
    width = max((len(r) for r in grid), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] and r[j].text for r in grid)]
    return [[r[j] if j < len(r) else None for j in keep] for r in grid]


def _spans(grid: Grid) -> None:
    """How many columns each cell covers: those whose centres lie inside its box."""
    width = len(grid[0])
    centres = []
    for j in range(width):
        xs = sorted((c.bbox[0] + c.bbox[2]) / 2 for r in grid if (c := r[j]) is not None)
        centres.append(xs[len(xs) // 2] if xs else None)
    for r in grid:
        for j, c in enumerate(r):
            if c is not None:
                c.span = max(1, sum(1 for k in range(j, width) if centres[k] is not None
                                    and c.bbox[0] <= centres[k] <= c.bbox[2]))


# ---------------------------------------------------------------- tables without rules


Line = list[Segment]


def _lines(segs: list[Segment]) -> list[Line]:
    """Segments grouped into text lines, top to bottom, each line's segments left to right:
    a segment joins a line when its middle is close to the middle of the line's first
    segment (small print stacked beside a line of prose starts lines of its own)."""
    out: list[Line] = []
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        if out:
            f = out[-1][0]
            if abs((s.top + s.bottom) - (f.top + f.bottom)) / 2 <= 0.35 * max(
                    s.bottom - s.top, f.bottom - f.top):
                out[-1].append(s)
                continue
        out.append([s])
    for ln in out:
        ln.sort(key=lambda s: s.x0)
    return out


@dataclass
class _Column:
    members: list[Segment]
    lines: set[int]

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.members)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.members)


class _Union:
    def __init__(self, n: int):
        self.up = list(range(n))

    def find(self, i: int) -> int:
        while self.up[i] != i:
            self.up[i] = self.up[self.up[i]]
            i = self.up[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.up[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.up)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def _value_columns(lines: list[Line], body: float) -> list[_Column]:
    """Value segments stacked under each other in different lines, close together."""
    vals = [(s, i) for i, ln in enumerate(lines) for s in ln if is_value(s.text)]
    vals.sort(key=lambda v: v[0].x0)
    u = _Union(len(vals))
    for a, (s, i) in enumerate(vals):
        for b in range(a + 1, len(vals)):
            t, k = vals[b]
            if t.x0 > s.x1:
                break
            gap = max(s.top, t.top) - min(s.bottom, t.bottom)
            if k != i and gap <= ROW_GAP_EM * body:
                u.join(a, b)
    cols = []
    for g in u.groups():
        lines_of = {vals[a][1] for a in g}
        if len(lines_of) >= 2:
            cols.append(_Column([vals[a][0] for a in g], lines_of))
    return cols


def _aligned(lines: list[Line], params: LayoutParams, page_width: float) -> list[PageTable]:
    """Tables without rules: groups of value columns sharing lines, each with its stub and
    header lines."""
    body = params.body_size
    cols = _value_columns(lines, body)
    u = _Union(len(cols))
    for a in range(len(cols)):
        for b in range(a + 1, len(cols)):
            if _one_table(cols[a], cols[b], lines):
                u.join(a, b)
    tables = []
    for g in u.groups():
        group = sorted((cols[a] for a in g), key=lambda c: c.x0)
        others = [c for k, c in enumerate(cols) if k not in g]
        for rows in _row_runs(group, lines):
            t = _table_of(group, others, rows, lines, body, page_width)
            if t is not None:
                tables.append(t)
    return tables


def _one_table(a: _Column, b: _Column, lines: list[Line]) -> bool:
    """Two value columns of one table: they share two lines or more, and in most of those
    no row labels stand between them (which would make two tables side by side)."""
    shared = a.lines & b.lines
    if len(shared) < 2:
        return False
    if a.x0 > b.x0:
        a, b = b, a
    between = sum(1 for i in shared
                  if any(s.x0 >= a.x1 and s.x1 <= b.x0 and not is_value(s.text)
                         and not is_placeholder(s.text) for s in lines[i]))
    return between < 0.5 * len(shared)


def _row_runs(cols: list[_Column], lines: list[Line]) -> list[range]:
    """The lines of a group of value columns, cut before a line whose values are all
    periods again (the header row of the next table stacked under the first)."""
    lo = min(min(c.lines) for c in cols)
    hi = max(max(c.lines) for c in cols)
    cuts = [lo]
    for i in range(lo + 1, hi + 1):
        heads = [s for s in lines[i] if any(s.x0 < c.x1 and c.x0 < s.x1 for c in cols)]
        if len(heads) >= 2 and all(is_period(s.text) for s in heads):
            cuts.append(i)
    cuts.append(hi + 1)
    return [range(a, b) for a, b in zip(cuts, cuts[1:]) if b - a >= 2]


def _stub(cols: list[_Column], others: list[_Column], lines: list[Line], rows: range,
          body: float, page_width: float) -> list[Segment]:
    """Row labels: in each line, the short text segments left of the first value column,
    walking left until prose, a value or a header of another table, or a wide gap."""
    first = cols[0].x0
    taken = [(c.x0, c.x1) for c in others if c.lines & set(rows)]
    out = []
    for i in rows:
        edge = first
        for s in reversed([s for s in lines[i] if s.x1 <= first + 0.3 * body]):
            if (is_value(s.text) or len(s.text.strip()) > MAX_STUB_CHARS
                    or s.x1 - s.x0 > 0.4 * page_width or edge - s.x1 > 0.3 * page_width
                    or any(s.x0 < b and a < s.x1 for a, b in taken)):
                break
            out.append(s)
            edge = s.x0
    return out


def _table_of(cols: list[_Column], others: list[_Column], rows: range, lines: list[Line],
              body: float, page_width: float) -> PageTable | None:
    cols = [c for c in cols if c.lines & set(rows)]
    if not cols:
        return None
    stub = _stub(cols, others, lines, rows, body, page_width)
    if not _labelled(cols, stub, rows, lines):
        return None
    left = min([s.x0 for s in stub] + [cols[0].x0])
    right = max(c.x1 for c in cols)
    tol = 0.5 * body
    body_lines = [[s for s in lines[i] if s.x0 >= left - tol and s.x1 <= right + tol]
                  for i in rows]
    heads = _header_lines(lines, rows.start, (left, cols[0].x0, right), body)
    grid_lines = [ln for ln in heads + body_lines if ln]
    grid = _grid(grid_lines, cols, stub, body)
    if len(grid) < 2:
        return None
    segs = [s for ln in grid_lines for s in ln]
    bbox = (min(s.x0 for s in segs), min(s.top for s in segs),
            max(s.x1 for s in segs), max(s.bottom for s in segs))
    return PageTable(bbox, grid, "text")


_LEADER = re.compile(r"(?:[.…·．]\s*){3,}$|…+$")


def _labelled(cols: list[_Column], stub: list[Segment], rows: range, lines: list[Line]) -> bool:
    """Whether aligned values make a table: two columns of them or more, or one with row
    labels beside most of its values (not a chart's axis or the numbers of a list), and
    no leader dots (a table of contents)."""
    if any(_LEADER.search(s.text.rstrip()) for s in stub):
        return False
    if len(cols) >= 2:
        return True
    value_rows = cols[0].lines & set(rows)
    stub_rows = {i for i in rows for s in lines[i] if any(s is t for t in stub)}
    return len(stub_rows & value_rows) >= 0.6 * len(value_rows)


def _in_range(s: Segment, left: float, right: float, tol: float) -> bool:
    return s.x1 > left - tol and s.x0 < right + tol


def _header_lines(lines: list[Line], lo: int, xs: tuple[float, float, float],
                  body: float) -> list[Line]:
    """Short lines just above the first row of values, inside the table's width: its column
    headers (years, ``2022E``, merged headers over several columns), and the labels of row
    groups between them and the values (每股指标(元)). ``xs``: the table's left edge, the
    first value column's and the right edge."""
    left, first, right = xs
    out: list[Line] = []
    groups: list[Line] = []  # lone labels: kept only under a header line
    top = min(s.top for s in lines[lo])
    sizes = sorted(s.size for s in lines[lo])
    size = sizes[len(sizes) // 2]
    for segs in _above(lines, lo, left, right, body):
        if len(out) == HEADER_LINES or top - max(s.bottom for s in segs) > 1.5 * body:
            break
        if any(s.x0 < left - 2 * body or s.x1 > right + 2 * body
               or len(s.text.strip()) > MAX_HEAD_CHARS or s.size < 0.8 * size for s in segs):
            break  # prose, a title wider than the table, the small print of a chart
        top = min(s.top for s in segs)
        if len(segs) < 2 and segs[0].x0 < first - body:
            if segs[0].x1 > first or len(groups) == HEADER_LINES:
                break  # a title or caption, not headers
            groups.insert(0, segs)
            continue
        out[:0] = [segs] + groups
        groups = []
    return out


def _above(lines: list[Line], lo: int, left: float, right: float, body: float):
    """Upwards from line ``lo - 1``: each line's segments inside left..right (lines with none
    there, such as the prose of a column beside the table, are passed over)."""
    for i in range(lo - 1, -1, -1):
        segs = [s for s in lines[i] if _in_range(s, left, right, body)]
        if segs:
            yield segs


def _caption(bbox: BBox, lines: list[Line], body: float) -> str:
    """The text of up to two short lines just above a table, inside its width (a title,
    ``单位：万元``)."""
    left, top, right = bbox[0], bbox[1], bbox[2]
    lo = sum(1 for ln in lines if max(s.bottom for s in ln) <= top + 1)
    out: list[str] = []
    for segs in _above(lines, lo, left, right, body):
        if len(out) == CAPTION_LINES or top - max(s.bottom for s in segs) > 2.5 * body \
                or any(s.size < 0.8 * body for s in segs):
            break
        out.insert(0, " ".join(s.text.strip() for s in segs))
        top = min(s.top for s in segs)
    return " ".join(out)


def _column_ranges(cols: list[_Column], stub: list[Segment], body: float
                   ) -> list[tuple[float, float]]:
    """The x-ranges of the grid's columns: the stub's (one per run of overlapping labels:
    a column of units beside the row labels is its own) and the value columns'."""
    ranges: list[tuple[float, float]] = []
    for s in sorted(stub, key=lambda s: s.x0):
        if ranges and s.x0 <= ranges[-1][1] + 0.3 * body:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], s.x1))
        else:
            ranges.append((s.x0, s.x1))
    first = cols[0].x0
    ranges = [(a, min(b, first - 0.1)) for a, b in ranges]
    return ranges + [(c.x0, c.x1) for c in cols]


def _grid(grid_lines: list[Line], cols: list[_Column], stub: list[Segment],
          body: float) -> Grid:
    """Every segment into the cells under it: one column, or several for a merged header."""
    ranges = _column_ranges(cols, stub, body)
    grid: Grid = []
    for ln in grid_lines:
        row: list[GridCell | None] = [None] * len(ranges)
        for s in (part for seg in ln for part in _split_at_columns(seg, ranges)):
            over = [j for j, (a, b) in enumerate(ranges) if s.x0 < b and a < s.x1]
            if not over:  # in a gap between columns: the one it aligns with best
                over = [min(range(len(ranges)), key=lambda j: _misalign(s, ranges[j]))]
            _put(row, over[0], s, len(over))
        grid.append(row)
    return grid


def _misalign(s: Segment, r: tuple[float, float]) -> float:
    """How far a segment is from lining up with a column: left, right or centred."""
    return min(abs(s.x0 - r[0]), abs(s.x1 - r[1]), abs(s.x0 + s.x1 - r[0] - r[1]) / 2)


def _split_at_columns(seg: Segment, ranges: list[tuple[float, float]]) -> list[Segment]:
    """A segment cut where a blank inside it lies between two columns (two headers printed
    close together: ``1-8月 全年``)."""
    cuts = [(a[1] + b[0]) / 2 for a, b in zip(ranges, ranges[1:])]
    if not any(seg.x0 < x < seg.x1 for x in cuts):
        return [seg]
    parts: list[list[Glyph]] = [[]]
    last = None
    for g in seg.glyphs:
        if g.text.isspace():
            continue
        if last is not None and g.x0 - last.x1 > 0.25 * g.size \
                and any(last.x1 - 1 <= x <= g.x0 + 1 for x in cuts):
            parts.append([])
        parts[-1].append(g)
        last = g
    return [Segment(p) for p in parts if p]


def _put(row: list[GridCell | None], j: int, s: Segment, span: int) -> None:
    chars = segment_chars(s)
    text, boxes = "".join(t for t, _ in chars), [b for _, b in chars]
    cur = row[j]
    if cur is None:
        row[j] = GridCell(text, boxes, s.box, span)
        return
    row[j] = GridCell(cur.text + " " + text, cur.boxes + [None] + boxes,
                      (min(cur.bbox[0], s.x0), min(cur.bbox[1], s.top),
                       max(cur.bbox[2], s.x1), max(cur.bbox[3], s.bottom)),
                      max(cur.span, span))
