"""PDF -> ``Document`` with pdfplumber: reading order, provenance, tables, bad files.

    >>> doc = read_pdf("examples/bulletin.pdf")          # doctest: +SKIP
    >>> doc.blocks[0].kind, doc.blocks[0].page, doc.issue_date   # doctest: +SKIP

Pages are processed one at a time and closed (memory is bounded by the largest page).
Per page: page furniture fenced off by full-width rules, ruled tables found with
pdfplumber's table finder, framed boxes (photo captions) kept whole, the rest ordered by
``columns.reading_order`` and joined into paragraphs by ``layout.paragraphs``. Running
headers/footers are decided across pages (``layout_margins``) and go to
``Document.metadata``, never to blocks.
"""
from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from ..types import Block, Document, Table
from . import layout_margins as lm
from .boxes import CharBoxes
from .columns import Atom, Glyph, LayoutParams, Placed, Segment, build_segments, reading_order
from .layout import Line, Para, ParaParams, assemble_lines, paragraphs
from .text import clean_text

MAX_PAGE_SIDE = 14400.0       # PDF's own limit (200 inches); larger pages are refused
MAX_PAGE_CHARS = 200_000      # a page with more glyphs than this is skipped with a warning
GARBAGE_SHARE = 0.3           # unmapped glyphs above this share: no usable text layer
CSV_NAME = "{doc}-p{page}-t{n}.csv"


@dataclass(slots=True)
class _Para:
    """A finished paragraph, kept compact until the document is assembled."""
    text: str
    kind: str
    bbox: tuple
    boxes: CharBoxes


@dataclass
class _Page:
    number: int
    paras: list[tuple[_Para, str | None]] = field(default_factory=list)  # (para, margin)
    tables: list[tuple[int, list[Block], int]] = field(default_factory=list)  # (at para, cells, t)
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- opening


def _open(path: Path, password: str | None):
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    name = str(path)
    try:
        head = path.read_bytes()[:1024]
    except OSError as e:
        raise IngestError(f"{name}: cannot read ({e.strerror})") from None
    if not head.strip():
        raise IngestError(f"{name}: file is empty")
    if b"%PDF" not in head:
        what = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "other data"
        raise IngestError(f"{name}: not a PDF file (it holds {what})")
    try:
        pdf = pdfplumber.open(path, password=password or "")
        pdf.pages  # noqa: B018  (parses the page tree: truncated files fail here)
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if type(cause).__name__ == "PDFPasswordIncorrect":
            if password:
                raise IngestError(f"{name}: wrong password for this encrypted PDF") from None
            raise IngestError(f"{name}: the PDF is encrypted; give its password with "
                              "--password") from None
        raise IngestError(f"{name}: corrupt or truncated PDF ({_why(cause)})") from None
    except Exception as e:  # pdfminer raises a zoo of types on damaged files
        raise IngestError(f"{name}: corrupt or truncated PDF ({_why(e)})") from None
    return pdf


def _why(e: BaseException | str, limit: int = 160) -> str:
    """``Type: message`` on one line, cut to ``limit`` characters (pdfminer puts whole
    dictionaries of a damaged file into its messages)."""
    text = " ".join(str(e).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"{type(e).__name__}: {text}" if isinstance(e, BaseException) else text


class _Collect(logging.Handler):
    """pdfminer's complaints about a damaged file, kept as document warnings instead of
    going to stderr through logging's last-resort handler."""

    MAX = 20

    def __init__(self, out: list[str]):
        super().__init__(logging.WARNING)
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = "pdfminer: " + _why(record.getMessage())
        except Exception:  # a record with bad arguments is not worth a crash
            return
        if len(self.out) < self.MAX and msg not in self.out:
            self.out.append(msg)


# ---------------------------------------------------------------- glyphs


def _unmapped(text: str) -> bool:
    if text.startswith("(cid:"):
        return True
    return any(ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def _suspect(text: str) -> bool:
    """Glyphs typical of fonts without a Unicode map (Latin-1 accents in a Chinese text)."""
    return _unmapped(text) or any(0x80 <= ord(ch) <= 0x2FF for ch in text)


def _glyphs(chars: list[dict]) -> tuple[list[Glyph], int, int]:
    out: list[Glyph] = []
    unmapped = suspect = 0
    for c in chars:
        text = c.get("text") or ""
        if text and not clean_text(text):  # zero-width and control characters
            continue
        if not c.get("upright", True) or c["x1"] <= c["x0"] and not text.isspace():
            continue
        if _suspect(text):
            suspect += 1
            if _unmapped(text):
                unmapped += 1
                text = "\ufffd"
        font = c.get("fontname") or ""
        out.append(Glyph(text, c["x0"], c["top"], c["x1"], c["bottom"], c.get("size") or 0.0,
                         any(w in font for w in ("Bold", "Heavy", "Black", "bold"))))
    return out, unmapped, suspect


def _body_size(glyphs: list[Glyph]) -> float:
    sizes = Counter(round(g.size, 1) for g in glyphs if not g.text.isspace())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _inside(g: Glyph, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


# ---------------------------------------------------------------- page parts


def _rules(page) -> tuple[list[tuple], list[tuple]]:
    """Horizontal and vertical rules: lines and thin rectangles."""
    horiz, vert = [], []
    for o in list(page.lines) + list(page.rects):
        w, h = o["x1"] - o["x0"], o["bottom"] - o["top"]
        box = (o["x0"], o["top"], o["x1"], o["bottom"])
        if h <= 2.5 and w > 10:
            horiz.append(box)
        elif w <= 2.5 and h > 10:
            vert.append(box)
    return horiz, vert


TABLE_SETTINGS = {"snap_tolerance": 1, "join_tolerance": 1}  # don't snap to nearby drawings


def _find_tables(page, n_edges: int, glyphs: list[Glyph]) -> list:
    """Ruled tables of at least 2 x 2 cells with text in two cells or more."""
    if n_edges < 4:
        return []
    tables = []
    for t in page.find_tables(TABLE_SETTINGS):
        rows = t.rows
        if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
            continue
        inside = [g for g in glyphs if _inside(g, t.bbox) and not g.text.isspace()]
        filled = {i for g in inside for i, c in enumerate(t.cells) if _inside(g, c)}
        if len(filled) >= 2:
            tables.append(t)
    return tables


def _boxes(page, body: float, tables: list, glyphs: list[Glyph]) -> list[tuple]:
    """Outermost stroked frames that hold text (photo captions, sidebars), not tables."""
    area = page.width * page.height
    cands = []
    for r in page.rects:
        if not r.get("stroke"):
            continue
        box = (r["x0"], r["top"], r["x1"], r["bottom"])
        w, h = box[2] - box[0], box[3] - box[1]
        if w < 4 * body or h < 1.5 * body or w * h > 0.6 * area:
            continue
        if any(_overlaps(box, t.bbox) for t in tables):
            continue
        cands.append(box)
    outer = [b for b in cands
             if not any(o != b and o[0] <= b[0] and o[1] <= b[1] and o[2] >= b[2] and o[3] >= b[3]
                        for o in cands)]
    return [b for b in outer if any(_inside(g, b) for g in glyphs)]


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _text_of(glyphs: list[Glyph], params: LayoutParams) -> tuple[str, list]:
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


MAX_CELL_CHARS = 80  # a "cell" holding more text than this is page layout, not a table


def _cell_grid(t, glyphs: list[Glyph], params: LayoutParams) -> list[list[tuple | None]] | None:
    """(text, boxes, bbox) per cell, empty rows and columns dropped; None when the ruling
    is page layout rather than a table (long text in a cell, fewer than 2 x 2 cells left)."""
    grid: list[list[tuple | None]] = []
    for row in t.rows:
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            inside = [g for g in glyphs if _inside(g, cell)]
            text, boxes = _text_of(inside, params) if inside else ("", [])
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


def _table(grid: list[list[tuple | None]], bbox, page_no: int, t_index: int
           ) -> tuple[Table, list[Block]]:
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
    return Table(page_no, tuple(bbox), rows), blocks


# ---------------------------------------------------------------- one page


def _layout_page(page, page_no: int, glyphs: list[Glyph], doc_tables: list[Table],
                 rec: _Page) -> None:
    body = _body_size(glyphs)
    horiz, vert = _rules(page)
    fences = lm.rule_fences(horiz, page.width, page.height)
    params = LayoutParams(body_size=body, rulings=[v for v in vert if v[3] - v[1] > 2 * body])

    head_g, foot_g, rest = [], [], []
    for g in glyphs:
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

    n_edges = len(horiz) + len(vert) + len(page.rects)
    tables, grids, layout_cells = [], [], []
    for t in _find_tables(page, n_edges, rest):
        grid = _cell_grid(t, [g for g in rest if _inside(g, t.bbox)], params)
        if grid is not None:
            tables.append(t)
            grids.append(grid)
        else:  # a ruled layout grid: its cell walls still part segments
            layout_cells.extend(c for c in t.cells if any(_inside(g, c) for g in rest))
    boxes = _boxes(page, body, tables, rest)
    n_framed = len(boxes)
    params.rulings.extend(w for c in layout_cells
                          for w in ((c[0], c[1], c[0], c[3]), (c[2], c[1], c[2], c[3])))
    items: list = []
    table_glyphs: list[list[Glyph]] = [[] for _ in tables]
    box_glyphs: list[list[Glyph]] = [[] for _ in boxes]
    flow: list[Glyph] = []
    for g in rest:
        for k, t in enumerate(tables):
            if _inside(g, t.bbox):
                table_glyphs[k].append(g)
                break
        else:
            for k, b in enumerate(boxes):
                if _inside(g, b):
                    box_glyphs[k].append(g)
                    break
            else:
                flow.append(g)
    items.extend(build_segments(flow, params))
    items.extend(Atom(*t.bbox, ref=("table", k)) for k, t in enumerate(tables))
    items.extend(Atom(*b, ref=("box", k)) for k, b in enumerate(boxes))

    pp = ParaParams(body_size=body)
    lines: list[Line] = []
    pending: list[Placed] = []

    def flush() -> None:
        lines.extend(assemble_lines(pending))
        pending.clear()
        for para in paragraphs(lines, pp):
            rec.paras.append((_Para(para.text, para.kind, para.bbox,
                                    CharBoxes(b for _, b in para.chars)),
                              _margin_of(para, page.height)))
        lines.clear()

    for p in reading_order(items, params):
        it = p.item
        if isinstance(it, Segment):
            pending.append(p)
            continue
        kind, k = it.ref
        if kind == "box":
            lines.extend(assemble_lines(pending))
            pending.clear()
            inner = build_segments(box_glyphs[k], params)
            zone = ("box" if k < n_framed else "cell", page_no, k)
            lines.extend(assemble_lines(reading_order(inner, params), zone=zone))
        else:
            flush()
            table, blocks = _table(grids[k], tables[k].bbox, page_no, len(doc_tables))
            doc_tables.append(table)
            rec.tables.append((len(rec.paras), blocks, len(doc_tables) - 1))
    flush()


def _margin_of(para: Para, height: float) -> str | None:
    bands = {lm.band(ln.top, ln.bottom, height) for ln in para.lines}
    return bands.pop() if len(bands) == 1 else None


# ---------------------------------------------------------------- the document


def read_pdf(path: str | Path, password: str | None = None) -> Document:
    """Read a PDF into a ``Document``; ``IngestError`` (one line naming the file) when it
    cannot be read: encrypted, corrupt, not a PDF, no pages, no (usable) text layer.
    A PDF whose pages are all blank gives an empty document with a warning."""
    return assemble(path, [read_page_range(path, 1, None, password)])


@dataclass
class PagePart:
    """Pages ``first..last`` (1-based, inclusive) laid out: what a worker sends back when
    one large PDF is split across processes (``textmine.batch``)."""

    first: int
    last: int
    n_pages: int = 0
    pages: list[_Page] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # numbered from 0 inside the part
    warnings: list[str] = field(default_factory=list)
    total: int = 0          # visible glyphs
    unmapped: int = 0
    suspect: int = 0
    cjk: int = 0
    image_pages: int = 0


@contextmanager
def _pdfminer_warnings(out: list[str]):
    """pdfminer's log records (about damaged files) go to ``out``, not to stderr."""
    log = logging.getLogger("pdfminer")
    handler = _Collect(out)
    log.addHandler(handler)
    try:
        yield out
    finally:
        log.removeHandler(handler)


def page_count(path: str | Path, password: str | None = None) -> int:
    """Number of pages of a PDF (``IngestError`` for files that cannot be opened)."""
    with _pdfminer_warnings([]):
        pdf = _open(Path(path), password)
        try:
            return len(pdf.pages)
        finally:
            pdf.close()


def read_page_range(path: str | Path, first: int = 1, last: int | None = None,
                    password: str | None = None) -> PagePart:
    """Lay out pages ``first..last`` (None: to the end), one page at a time, each closed
    after use. pdfminer's complaints about a damaged file become the part's warnings."""
    path = Path(path)
    part = PagePart(first, last or 0)
    with _pdfminer_warnings(part.warnings):
        pdf = _open(path, password)
        try:
            part.n_pages = len(pdf.pages)
            if part.n_pages == 0:
                raise IngestError(f"{path}: the PDF has no pages")
            part.last = min(last or part.n_pages, part.n_pages)
            for i in range(first - 1, part.last):
                page = pdf.pages[i]
                try:
                    _read_page(page, i + 1, part)
                except IngestError:
                    raise
                except Exception as e:  # a damaged page: say so, go on with the others
                    part.warnings.append(f"page {i + 1}: cannot be read ({_why(e)})")
                finally:
                    page.close()
        finally:
            pdf.close()
    return part


def _read_page(page, page_no: int, part: PagePart) -> None:
    warnings = part.warnings
    if max(page.width, page.height) > MAX_PAGE_SIDE:
        warnings.append(f"page {page_no}: {page.width:.0f} x {page.height:.0f} pt "
                        f"is larger than PDF allows; skipped")
        return
    chars = page.chars
    if len(chars) > MAX_PAGE_CHARS:
        warnings.append(f"page {page_no}: {len(chars)} characters, above the "
                        f"limit of {MAX_PAGE_CHARS}; skipped")
        return
    glyphs, unmapped, suspect = _glyphs(chars)
    visible = sum(1 for g in glyphs if not g.text.isspace())
    part.total += visible
    part.unmapped += unmapped
    part.suspect += suspect
    part.cjk += sum(1 for g in glyphs if "\u3400" <= g.text[:1] <= "\u9fff")
    if unmapped:
        warnings.append(f"page {page_no}: {unmapped} unmapped glyphs (cid:NN)")
    if not visible:
        if page.images:
            part.image_pages += 1
            warnings.append(f"page {page_no}: no text layer (image only); OCR is needed for it")
        else:
            warnings.append(f"page {page_no}: empty page")
        return
    rec = _Page(page_no)
    _layout_page(page, page_no, glyphs, part.tables, rec)
    part.pages.append(rec)


def _renumber(part: PagePart, offset: int) -> None:
    """Shift the part's table indices by ``offset`` (tables found in earlier parts)."""
    if not offset:
        return
    for rec in part.pages:
        new = []
        for pos, cells, t in rec.tables:
            for b in cells:
                if b.table is not None:
                    b.table += offset
            new.append((pos, cells, t + offset))
        rec.tables = new


def assemble(path: str | Path, parts: list[PagePart]) -> Document:
    """The ``Document`` of all page parts (joined in page order): decides what holds for the
    whole file (no text at all, a garbled text layer, page furniture, title, year)."""
    path, name = Path(path), str(path)
    parts = sorted(parts, key=lambda p: p.first)
    pages: list[_Page] = []
    tables: list[Table] = []
    warnings: list[str] = []
    for part in parts:
        _renumber(part, len(tables))
        pages += part.pages
        tables += part.tables
        warnings += part.warnings
    n_pages = parts[0].n_pages if parts else 0
    total = sum(p.total for p in parts)
    unmapped_total = sum(p.unmapped for p in parts)
    suspect_total = sum(p.suspect for p in parts)
    cjk_total = sum(p.cjk for p in parts)
    if total == 0:
        if any(p.image_pages for p in parts):
            raise IngestError(f"{name}: has no text layer (scanned images); OCR is needed")
        unread = [w for w in warnings if w.startswith("page ") and "cannot be read (" in w]
        if unread:
            raise IngestError(f"{name}: corrupt PDF, no page could be read ({unread[0]})")
        warnings[:] = [w for w in warnings if not w.endswith(": empty page")]
        warnings.append(f"all {n_pages} page(s) are empty: no text")
    if (unmapped_total > GARBAGE_SHARE * total
            or (suspect_total > GARBAGE_SHARE * total and cjk_total < 0.05 * total)):
        raise IngestError(f"{name}: no usable text layer (fonts without Unicode mapping); "
                          "OCR is needed")
    return _assemble(path, pages, tables, warnings, n_pages)


def _assemble(path: Path, pages: list[_Page], tables: list[Table], warnings: list[str],
              n_pages: int) -> Document:
    # page furniture: ruled-off text, plus band lines that repeat or look like furniture
    keys = Counter()
    for rec in pages:
        for key in {lm.norm_key(p.text) for p, m in rec.paras if m}:
            keys[key] += 1
    headers: list[str] = []
    footers: list[str] = []
    masthead: list[str] = []
    blocks: list[Block] = []
    table_at: dict[int, int] = {}
    continues: list[int] = []
    for rec in pages:
        kept: list[tuple[_Para, int]] = []
        for idx, (p, margin) in enumerate(rec.paras):
            text = p.text.strip()
            if margin and (lm.is_page_number(text) or keys[lm.norm_key(text)] >= 2
                           or lm.is_masthead(text)):
                (headers if margin == "top" else footers).append(text)
                continue
            kept.append((p, idx))
        headers.extend(rec.header)
        footers.extend(rec.footer)
        if rec.number == pages[0].number:
            masthead = [t for t in rec.header if t] + [t for t in headers if lm.is_masthead(t)]
        tables_by_pos: dict[int, list] = {}
        for pos, cells, t in rec.tables:
            tables_by_pos.setdefault(pos, []).append((cells, t))
        first_of_page = len(blocks)
        for pos in range(len(rec.paras) + 1):
            for cells, t in tables_by_pos.get(pos, ()):
                table_at[t] = len(blocks)
                blocks.extend(cells)
            for p, idx in kept:
                if idx == pos:
                    blocks.append(_block(p, rec.number))
        if (first_of_page < len(blocks) and first_of_page > 0
                and _runs_on(blocks[first_of_page - 1], blocks[first_of_page])):
            continues.append(first_of_page)

    doc = Document(doc_id=path.stem, blocks=blocks, path=str(path), pages=n_pages,
                   warnings=warnings, tables=tables)
    _title(doc)
    doc.metadata["headers"] = _unique(headers)
    doc.metadata["footers"] = _unique(footers)
    if masthead:
        doc.metadata["masthead"] = _unique(masthead)
    doc.metadata["table_at"] = table_at
    doc.metadata["continues"] = continues
    date = lm.issue_date(masthead + headers + footers)
    if date:
        doc.issue_date = date
        doc.year, doc.year_source = int(date[:4]), "masthead"
    else:
        from .text import infer_year
        doc.year, doc.year_source = infer_year(doc.doc_id, doc.title, "")
    return doc


def _block(p: _Para, page_no: int) -> Block:
    return Block(p.text, p.kind, page_no, p.bbox, p.boxes)


def _runs_on(prev: Block, cur: Block) -> bool:
    """A paragraph split by a page break: no full stop before it, a plain line after it."""
    return (prev.kind == cur.kind == "paragraph" and prev.page != cur.page
            and prev.text[-1:] not in "。！？；!?…：:”）)")


def _title(doc: Document) -> None:
    first = [b for b in doc.blocks if b.page == (doc.blocks[0].page if doc.blocks else None)]
    heads = [b for b in first if b.kind == "heading" and b.char_boxes]
    if not heads:
        return

    def size(b: Block) -> float:
        boxes = [x for x in b.char_boxes if x]
        return max(x[3] - x[1] for x in boxes) if boxes else 0.0

    best = max(heads, key=size)
    best.kind = "title"
    doc.title = best.text


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(x for x in xs if x))


# ---------------------------------------------------------------- output helpers


def table_to_csv(table: Table) -> str:
    """The table's rows as CSV text (empty strings for merged cells)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in table.rows:
        w.writerow(["" if c is None else c for c in row])
    return buf.getvalue()


def table_csv_name(doc: Document, t_index: int) -> str:
    """``<doc>-p<page>-t<n>.csv`` with n counted from 1 on each page."""
    t = doc.tables[t_index]
    n = sum(1 for u in doc.tables[:t_index] if u.page == t.page) + 1
    return CSV_NAME.format(doc=doc.doc_id, page=t.page, n=n)


def document_text(doc: Document) -> str:
    """Reading-order text: one paragraph a line, a paragraph broken by a page break joined
    again, tables as TAB-separated rows where they stand."""
    table_at: dict[int, int] = {int(k): v for k, v in doc.metadata.get("table_at", {}).items()}
    starts: dict[int, list[int]] = {}
    for t, at in table_at.items():
        starts.setdefault(at, []).append(t)
    continues = set(doc.metadata.get("continues", []))
    out: list[str] = []
    for i, b in enumerate(doc.blocks + [None]):
        for t in sorted(starts.get(i, ())):
            out.extend("\t".join("" if c is None else c.replace("\n", " ") for c in row)
                       for row in doc.tables[t].rows)
        if b is None or b.kind == "table_cell":
            continue
        if i in continues and out:
            out[-1] += b.text
        else:
            out.append(b.text)
    return "\n".join(out)
