"""One page laid out: furniture, tables, framed boxes, reading order, paragraphs.

Nothing here knows where the page came from: a ``PageInput`` holds glyphs with their boxes
and the page's rules, whether read from a PDF's text layer (``pdf``) or recognised in an
image of the page (``ocr``); both go through the same code from here on.

Per page: text above/below full-width rules near the edges is page furniture (kept apart
for ``layout_margins``), tables are found (``tables``), framed boxes (photo captions) are kept
whole, and the rest is ordered by ``columns.reading_order`` and joined into paragraphs by
``layout.paragraphs``. Tables and boxes take part in the reading order as atoms.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..types import BBox, Block
from . import layout_margins as lm
from .boxes import CharBoxes
from .charts import axis_labels
from .columns import Atom, Glyph, LayoutParams, Segment, build_segments, inside, reading_order
from .layout import Line, Para, ParaParams, assemble_lines, paragraphs
from .ocr import OcrLine, confidences
from .table_heads import build_table
from .tables import PageTable, find_tables


@dataclass
class PageInput:
    """What the layout needs of a page. ``edges``: pdfplumber edge dicts (empty unless the
    page holds enough rules to make a ruled table); ``frames``: stroked rectangles."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    horiz: list[BBox] = field(default_factory=list)
    vert: list[BBox] = field(default_factory=list)
    frames: list[BBox] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    ocr: list[OcrLine] | None = None  # the recognised lines, when the glyphs come from OCR


@dataclass(slots=True)
class PagePara:
    """A finished paragraph, kept compact until the document is assembled."""
    text: str
    kind: str
    bbox: tuple
    boxes: CharBoxes
    margin: str | None = None  # top | bottom: it stands in a band where furniture may be
    ocr: tuple[float | None, ...] | None = None  # per character (OCR only)


@dataclass
class TablePlace:
    """A table found on a page: it stands before paragraph ``at`` of the page; ``table`` is
    its index among the tables of the page part, ``cells`` its cell blocks."""
    at: int
    table: int
    cells: list[Block]


@dataclass
class PageLayout:
    number: int
    paras: list[PagePara] = field(default_factory=list)
    tables: list[TablePlace] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


def body_size(glyphs: list[Glyph]) -> float:
    sizes = Counter(round(g.size, 1) for g in glyphs if not g.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def layout_page(pi: PageInput, tables_out: list) -> PageLayout:
    """Lay out one page; its tables are appended to ``tables_out`` (the part's list)."""
    body = body_size(pi.glyphs)
    params = LayoutParams(body_size=body,
                          rulings=[v for v in pi.vert if v[3] - v[1] > 2 * body])
    rec = PageLayout(pi.number)
    rest = _furniture(pi, params, rec)
    found = find_tables(pi, rest, params)
    params.rulings.extend(found.walls)
    boxes = _boxes(pi, body, [t.bbox for t in found.tables], rest)
    zones = [t.bbox for t in found.tables] + boxes
    zone_glyphs, flow = _partition(rest, zones)
    items: list = build_segments(flow, params)
    items += [Atom(*z, ref=k) for k, z in enumerate(zones)]
    n_tables = len(found.tables)
    lines: list[Line] = []
    for piece in _pieces(reading_order(items, params), zone_glyphs, n_tables, params):
        if isinstance(piece, int):  # a table: the lines before it are finished
            _add_paras(rec, lines, pi, body)
            lines = []
            _place_table(rec, found.tables[piece], tables_out, pi.ocr)
        else:
            lines.extend(piece)
    _add_paras(rec, lines, pi, body)
    for i in axis_labels([p.text for p in rec.paras], [p.bbox for p in rec.paras]):
        rec.paras[i].kind = "axis"  # (a chart's scale: no sentence is made of it)
    return rec


def _furniture(pi: PageInput, params: LayoutParams, rec: PageLayout) -> list[Glyph]:
    """Text ruled off at the top and the foot goes to the page's header and footer lines;
    the other glyphs are returned."""
    fences = lm.rule_fences(pi.horiz, pi.width, pi.height)
    head_g, foot_g, rest = [], [], []
    for g in pi.glyphs:
        if fences.top is not None and g.bottom <= fences.top + 1:
            head_g.append(g)
        elif fences.bottom is not None and g.top >= fences.bottom - 1:
            foot_g.append(g)
        else:
            rest.append(g)
    for gs, dest in ((head_g, rec.header), (foot_g, rec.footer)):
        if gs:
            placed = reading_order(build_segments(gs, params), params)
            dest.extend(ln.text.strip() for ln in assemble_lines(placed) if ln.text.strip())
    return rest


def _boxes(pi: PageInput, body: float, tables: list[BBox], glyphs: list[Glyph]) -> list[BBox]:
    """Outermost stroked frames that hold text (photo captions, sidebars), not tables."""
    area = pi.width * pi.height
    cands = []
    for box in pi.frames:
        w, h = box[2] - box[0], box[3] - box[1]
        if w < 4 * body or h < 1.5 * body or w * h > 0.6 * area:
            continue
        if any(_overlaps(box, t) for t in tables):
            continue
        cands.append(box)
    outer = [b for b in cands
             if not any(o != b and o[0] <= b[0] and o[1] <= b[1] and o[2] >= b[2] and o[3] >= b[3]
                        for o in cands)]
    return [b for b in outer if any(inside(g, b) for g in glyphs)]


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _partition(glyphs: list[Glyph], zones: list[BBox]) -> tuple[list[list[Glyph]], list[Glyph]]:
    """Each glyph to the first zone (table, then box) that holds it, else to the flow."""
    per_zone: list[list[Glyph]] = [[] for _ in zones]
    flow: list[Glyph] = []
    for g in glyphs:
        k = next((k for k, z in enumerate(zones) if inside(g, z)), None)
        (flow if k is None else per_zone[k]).append(g)
    return per_zone, flow


def _pieces(order: list, zone_glyphs: list[list[Glyph]], n_tables: int, params: LayoutParams):
    """The reading order as runs of lines (a framed box's lines inline) and table numbers."""
    pending: list = []
    for p in order:
        if isinstance(p.item, Segment):
            pending.append(p)
            continue
        yield assemble_lines(pending)
        pending = []
        k = p.item.ref
        if k < n_tables:
            yield k
        else:
            inner = build_segments(zone_glyphs[k], params)
            yield assemble_lines(reading_order(inner, params), zone=("box", k - n_tables))
    yield assemble_lines(pending)


def _add_paras(rec: PageLayout, lines: list[Line], pi: PageInput, body: float) -> None:
    for para in paragraphs(lines, ParaParams(body_size=body)):
        boxes = [b for _, b in para.chars]
        rec.paras.append(PagePara(para.text, para.kind, para.bbox, CharBoxes(boxes),
                                  _margin_of(para, pi.height),
                                  confidences(boxes, pi.ocr) if pi.ocr else None))


def _place_table(rec: PageLayout, table: PageTable, tables_out: list,
                 ocr: list[OcrLine] | None) -> None:
    t_index = len(tables_out)
    t_id = f"p{rec.number}-t{len(rec.tables) + 1}"
    model, cells = build_table(table, rec.number, t_index, t_id)
    if ocr:
        for b in cells:
            b.ocr = confidences(b.char_boxes, ocr)
    tables_out.append(model)
    rec.tables.append(TablePlace(len(rec.paras), t_index, cells))


def _margin_of(para: Para, height: float) -> str | None:
    bands = {lm.band(ln.top, ln.bottom, height) for ln in para.lines}
    return bands.pop() if len(bands) == 1 else None
