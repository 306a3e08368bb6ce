"""PDF -> ``Document`` with pdfplumber: reading order, provenance, tables, bad files.

    >>> doc = read_pdf("examples/bulletin.pdf")          # doctest: +SKIP
    >>> doc.blocks[0].kind, doc.blocks[0].page, doc.issue_date   # doctest: +SKIP

Pages are processed one at a time and closed (memory is bounded by the largest page).
Each page becomes a ``page.PageInput`` (glyphs, rules, frames) and is laid out by
``page.layout_page`` (furniture, tables, framed boxes, reading order, paragraphs). Running
headers/footers are decided across pages (``layout_margins``) and go to
``Document.metadata``, never to blocks.
"""
from __future__ import annotations

import logging
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from .limits import bound_pdfminer
from ..types import Block, Document, Table
from . import layout_margins as lm
from . import ocr as ocr_mod
from .columns import Glyph
from .page import PageInput, PageLayout, layout_page
from .text import clean_text

MAX_PAGE_SIDE = 14400.0       # PDF's own limit (200 inches); larger pages are refused
MAX_PAGE_CHARS = 200_000      # a page with more glyphs than this is skipped with a warning
GARBAGE_SHARE = 0.3           # unmapped glyphs above this share: no usable text layer


# ---------------------------------------------------------------- opening


def _open(path: Path, password: str | None):
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    name = str(path)
    bound_pdfminer()  # no stream inflates beyond ingest.limits.MAX_STREAM_BYTES
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
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


def _page_input(page, page_no: int, glyphs: list[Glyph]) -> PageInput:
    """What the layout needs of a pdfplumber page: its glyphs, rules and frames."""
    horiz, vert = _rules(page)
    rects = page.rects
    enough = len(horiz) + len(vert) + len(rects) >= 4  # for a ruled table
    return PageInput(page_no, page.width, page.height, glyphs, horiz, vert,
                     frames=[(r["x0"], r["top"], r["x1"], r["bottom"])
                             for r in rects if r.get("stroke")],
                     edges=page.edges if enough else [])


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


# ---------------------------------------------------------------- the document


def read_pdf(path: str | Path, password: str | None = None, ocr: str = "auto") -> Document:
    """Read a PDF into a ``Document``; ``IngestError`` (one line naming the file) when it
    cannot be read: encrypted, corrupt, not a PDF, no pages, no (usable) text layer and no
    OCR. A PDF whose pages are all blank gives an empty document with a warning.
    ``ocr``: ``auto`` reads pages without a usable text layer by OCR (when the ``ocr`` extra
    is installed), ``always`` every page, ``never`` none."""
    return assemble(path, [read_page_range(path, 1, None, password, ocr=ocr)])


@dataclass
class PagePart:
    """Pages ``first..last`` (1-based, inclusive) laid out: what a worker sends back when
    one large PDF is split across processes (``textmine.batch``)."""

    first: int
    last: int
    n_pages: int = 0
    pages: list[PageLayout] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # numbered from 0 inside the part
    warnings: list[str] = field(default_factory=list)
    total: int = 0          # visible glyphs
    unmapped: int = 0
    suspect: int = 0
    cjk: int = 0
    image_pages: int = 0    # pages of images only, not read by OCR
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR
    ocr_empty: int = 0      # pages OCR found no text on


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


def scanned(path: str | Path, password: str | None = None) -> tuple[int, bool]:
    """Number of pages of a PDF, and whether its first page is an image without a text layer
    (a scan: OCR will read its pages, seconds each; ``IngestError`` for files that cannot be
    opened)."""
    with _pdfminer_warnings([]):
        pdf = _open(Path(path), password)
        try:
            first = pdf.pages[0] if pdf.pages else None
            image_only = first is not None and not first.chars and bool(first.images)
            return len(pdf.pages), image_only
        finally:
            pdf.close()


def open_pdf(path: str | Path, password: str | None = None,
             warnings: list[str] | None = None):
    """The PDF open (a pdfplumber ``PDF``; close it when done), for reading several page
    ranges of it without parsing the file again (``IngestError`` when it cannot be opened);
    pdfminer's complaints while opening it go to ``warnings``."""
    with _pdfminer_warnings([] if warnings is None else warnings):
        return _open(Path(path), password)


def read_page_range(path: str | Path, first: int = 1, last: int | None = None,
                    password: str | None = None, pdf=None, ocr: str = "auto") -> PagePart:
    """Lay out pages ``first..last`` (None: to the end), one page at a time, each closed
    after use. pdfminer's complaints about a damaged file become the part's warnings.
    ``pdf``: the file already open (``open_pdf``), left open. ``ocr``: as for ``read_pdf``."""
    path = Path(path)
    part = PagePart(first, last or 0)
    use = _OcrUse(path, password, ocr)
    with _pdfminer_warnings(part.warnings):
        opened = pdf is None
        if opened:
            pdf = _open(path, password)
        try:
            part.n_pages = len(pdf.pages)
            if part.n_pages == 0:
                raise IngestError(f"{path}: the PDF has no pages")
            part.last = min(last or part.n_pages, part.n_pages)
            for i in range(first - 1, part.last):
                page = pdf.pages[i]
                try:
                    _read_page(page, i + 1, part, use)
                except IngestError:
                    raise
                except Exception as e:  # a damaged page: say so, go on with the others
                    part.warnings.append(f"page {i + 1}: cannot be read ({_why(e)})")
                finally:
                    page.close()
        finally:
            if opened:
                pdf.close()
            use.close()
    return part


class _OcrUse:
    """When OCR reads a page (``mode``: auto, always, never), and the renderer it uses."""

    def __init__(self, path: Path, password: str | None, mode: str):
        if mode not in ocr_mod.MODES:
            raise ValueError(f"ocr must be one of {ocr_mod.MODES}, not {mode!r}")
        self.mode = mode
        self.ready = mode != "never" and ocr_mod.available()
        if mode == "always" and not self.ready:
            raise IngestError(f"{path}: OCR was asked for (--ocr always) but is not installed: "
                              f"{ocr_mod.INSTALL}")
        self.renderer = ocr_mod.Renderer(path, password)

    def wanted(self, image_only: bool, garbled: bool) -> bool:
        return self.mode == "always" or (self.ready and (image_only or garbled))

    def close(self) -> None:
        self.renderer.close()


def _garbled(visible: int, unmapped: int, suspect: int, cjk: int) -> bool:
    """No usable text layer: glyphs without a Unicode mapping, or Latin-1 accents where a
    Chinese text would be (fonts that map their glyphs to the wrong characters)."""
    return unmapped > GARBAGE_SHARE * visible or (suspect > GARBAGE_SHARE * visible
                                                   and cjk < 0.05 * visible)


def _read_page(page, page_no: int, part: PagePart, use: _OcrUse) -> None:
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
    cjk = sum(1 for g in glyphs if "\u3400" <= g.text[:1] <= "\u9fff")
    if use.wanted(not visible and bool(page.images),
                  bool(visible) and _garbled(visible, unmapped, suspect, cjk)):
        return _ocr_page(page, page_no, part, use)
    part.total += visible
    part.unmapped += unmapped
    part.suspect += suspect
    part.cjk += cjk
    if unmapped:
        warnings.append(f"page {page_no}: {unmapped} unmapped glyphs (cid:NN)")
    if not visible:
        if page.images:
            part.image_pages += 1
            warnings.append(f"page {page_no}: no text layer (image only); OCR is needed for it"
                            f" ({_ocr_hint()})")
        else:
            warnings.append(f"page {page_no}: empty page")
        return
    part.pages.append(layout_page(_page_input(page, page_no, glyphs), part.tables))


def _ocr_page(page, page_no: int, part: PagePart, use: _OcrUse) -> None:
    """The page read by OCR: its image recognised, then laid out like a text layer."""
    image = use.renderer.image(page_no - 1)
    found = ocr_mod.recognise(image, use.renderer.scale)
    visible = sum(1 for g in found.glyphs if not g.text.isspace())
    part.ocr_pages.append(page_no)
    if not visible:
        part.ocr_empty += 1
        part.warnings.append(f"page {page_no}: no text layer, and OCR found no text on it")
        return
    part.total += visible
    part.cjk += sum(1 for g in found.glyphs if "\u3400" <= g.text[:1] <= "\u9fff")
    pi = _page_input(page, page_no, found.glyphs)
    pi.ocr = found.lines
    horiz, vert = ocr_mod.rules(image, use.renderer.scale)
    pi.horiz += horiz
    pi.vert += vert
    if len(pi.horiz) + len(pi.vert) >= 4:
        pi.edges = pi.edges + ocr_mod.rule_edges(horiz, vert)
    part.pages.append(layout_page(pi, part.tables))


def _ocr_hint() -> str:
    return "OCR is off: --ocr never" if ocr_mod.available() else ocr_mod.INSTALL


def _renumber(part: PagePart, offset: int) -> None:
    """Shift the part's table indices by ``offset`` (tables found in earlier parts)."""
    if not offset:
        return
    for rec in part.pages:
        for place in rec.tables:
            place.table += offset
            for b in place.cells:
                if b.table is not None:
                    b.table += offset


def assemble(path: str | Path, parts: list[PagePart]) -> Document:
    """The ``Document`` of all page parts (joined in page order): decides what holds for the
    whole file (no text at all, a garbled text layer, page furniture, title, year)."""
    path, name = Path(path), str(path)
    parts = sorted(parts, key=lambda p: p.first)
    pages: list[PageLayout] = []
    tables: list[Table] = []
    warnings: list[str] = []
    for part in parts:
        _renumber(part, len(tables))
        pages += part.pages
        tables += part.tables
        warnings += part.warnings
    n_pages = parts[0].n_pages if parts else 0
    _refuse_unreadable(name, parts, warnings, n_pages)
    doc = _assemble(path, pages, tables, warnings, n_pages)
    ocr_pages = sorted(n for p in parts for n in p.ocr_pages)
    if ocr_pages:
        doc.metadata["ocr_pages"] = ocr_pages
    return doc


def _refuse_unreadable(name: str, parts: list[PagePart], warnings: list[str],
                       n_pages: int) -> None:
    """``IngestError`` for a file without text (scans not read by OCR, no page readable) or
    with a garbled text layer; a file of blank pages gets a warning."""
    total = sum(p.total for p in parts)
    if total == 0:
        if any(p.image_pages for p in parts):
            raise IngestError(f"{name}: has no text layer (scanned images); OCR is needed "
                              f"({_ocr_hint()})")
        if any(p.ocr_empty for p in parts):
            raise IngestError(f"{name}: has no text layer, and OCR found no text in its images")
        unread = [w for w in warnings if w.startswith("page ") and "cannot be read (" in w]
        if unread:
            raise IngestError(f"{name}: corrupt PDF, no page could be read ({unread[0]})")
        warnings[:] = [w for w in warnings if not w.endswith(": empty page")]
        warnings.append(f"all {n_pages} page(s) are empty: no text")
    if _garbled(total, sum(p.unmapped for p in parts), sum(p.suspect for p in parts),
                sum(p.cjk for p in parts)):
        raise IngestError(f"{name}: no usable text layer (fonts without Unicode mapping); "
                          f"OCR is needed ({_ocr_hint()})")


def _assemble(path: Path, pages: list[PageLayout], tables: list[Table], warnings: list[str],
              n_pages: int) -> Document:
    keys = Counter()  # band lines that repeat across pages are furniture
    for rec in pages:
        for key in {lm.norm_key(p.text) for p in rec.paras if p.margin}:
            keys[key] += 1
    headers: list[str] = []
    footers: list[str] = []
    masthead: list[str] = []
    blocks: list[Block] = []
    for rec in pages:
        first_of_page = len(blocks)
        _page_blocks(rec, keys, tables, blocks, headers, footers)
        if rec.number == pages[0].number:
            masthead = [t for t in rec.header if t] + [t for t in headers if lm.is_masthead(t)]
        if 0 < first_of_page < len(blocks) and _runs_on(blocks[first_of_page - 1],
                                                        blocks[first_of_page]):
            blocks[first_of_page].continues = True

    doc = Document(doc_id=path.stem, blocks=blocks, path=str(path), pages=n_pages,
                   warnings=warnings, tables=tables)
    _title(doc)
    doc.metadata["headers"] = _unique(headers)
    doc.metadata["footers"] = _unique(footers)
    if masthead:
        doc.metadata["masthead"] = _unique(masthead)
    date = lm.issue_date(masthead + headers + footers)
    if date:
        doc.issue_date = date
        doc.year, doc.year_source = int(date[:4]), "masthead"
    else:
        from .docinfo import HEAD_BLOCKS, reference_year
        # (as a text file's: a dated line near the top, else the year the text names most)
        doc.year, doc.year_source = reference_year(
            doc.doc_id, doc.title, {}, [b.text for b in blocks[:HEAD_BLOCKS]],
            "\n".join(b.text for b in blocks), trust_title=True)
    from .docinfo import sign_off
    sign_off(doc)
    return doc


def _page_blocks(rec: PageLayout, keys: Counter, tables: list[Table], blocks: list[Block],
                 headers: list[str], footers: list[str]) -> None:
    """The page's paragraphs (furniture to ``headers``/``footers``) and its tables' cells,
    in reading order, appended to ``blocks``; each table learns where it stands."""
    places = sorted(rec.tables, key=lambda t: t.at)
    k = 0
    for idx, p in enumerate(rec.paras + [None]):
        while k < len(places) and places[k].at == idx:
            tables[places[k].table].at = len(blocks)
            blocks.extend(places[k].cells)
            k += 1
        if p is None:
            break
        text = p.text.strip()
        if p.margin and (lm.is_page_number(text) or keys[lm.norm_key(text)] >= 2
                         or lm.is_masthead(text)):
            (headers if p.margin == "top" else footers).append(text)
            continue
        blocks.append(Block(p.text, p.kind, rec.number, p.bbox, p.boxes, ocr=p.ocr))
    headers.extend(rec.header)
    footers.extend(rec.footer)


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
    """The table's rows as CSV text (empty strings for merged cells; ``output.table_csv``)."""
    from ..output import table_csv
    return table_csv(table.rows)


def table_csv_name(doc: Document, t_index: int) -> str:
    """``<doc>-<table id>.csv``: ``<doc>-p<page>-t<n>.csv`` for a PDF (n counted from 1 on
    each page), ``<doc>-t<n>.csv`` for Word and HTML documents, which have no pages."""
    t = doc.tables[t_index]
    return f"{doc.doc_id}-{t.id}.csv"


def document_text(doc: Document) -> str:
    """Reading-order text: one paragraph a line, a paragraph broken by a page break joined
    again, tables as TAB-separated rows where they stand."""
    starts: dict[int, list[Table]] = {}
    for t in doc.tables:
        if t.at is not None:
            starts.setdefault(t.at, []).append(t)
    out: list[str] = []
    for i, b in enumerate(doc.blocks + [None]):
        for t in starts.get(i, ()):
            out.extend("\t".join("" if c is None else c.replace("\n", " ") for c in row)
                       for row in t.rows)
        if b is None or b.kind == "table_cell":
            continue
        if b.continues and out:
            out[-1] += b.text
        else:
            out.append(b.text)
    return "\n".join(out)
