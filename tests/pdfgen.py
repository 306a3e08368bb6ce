"""Build small test PDFs with reportlab (CJK through the built-in STSong-Light CID font,
so no font file is needed). Every text here is written for the tests.

``Page`` collects drawing operations; ``Story`` lays paragraphs into a column (first line
indented two characters, lines wrapped by width, no hyphenation). Columns can be drawn in
any order, which is how the tests make content streams that are out of reading order.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from examples.make_example import FONT, wrap  # one line-wrapping rule for example and tests

W, H = A4  # points; pdfplumber's top = H - reportlab y


@dataclass
class Column:
    x: float
    top: float          # pdfplumber coordinates (from the top of the page)
    width: float
    size: float = 10.0
    leading: float = 14.0
    ops: list = field(default_factory=list)  # (x, top, text, size)
    y: float = 0.0

    def __post_init__(self):
        self.y = self.top

    def para(self, text: str, size: float | None = None, indent: bool = True) -> "Column":
        size = size or self.size
        ind = 2 * size if indent else 0.0
        for i, line in enumerate(wrap(text, self.width, size, ind)):
            self.ops.append((self.x + (ind if i == 0 else 0), self.y, line, size))
            self.y += self.leading * size / self.size
        return self

    def heading(self, text: str, size: float = 12.0, center: bool = True) -> "Column":
        w = pdfmetrics.stringWidth(text, FONT, size)
        x = self.x + (self.width - w) / 2 if center else self.x
        self.y += 0.4 * size
        self.ops.append((x, self.y, text, size))
        self.y += 1.6 * size
        return self


class Page:
    def __init__(self, width: float = W, height: float = H):
        self.width, self.height = width, height
        self.ops: list = []  # ("text", x, top, text, size) | ("line", ...) | ("rect", ...)

    def text(self, x: float, top: float, text: str, size: float = 10.0,
             font: str = FONT) -> "Page":
        self.ops.append(("text", x, top, text, size, font))
        return self

    def column(self, col: Column) -> "Page":
        self.ops.extend(("text", *op, FONT) for op in col.ops)
        return self

    def hline(self, x0: float, x1: float, top: float) -> "Page":
        self.ops.append(("line", x0, top, x1, top))
        return self

    def rect(self, x0: float, top: float, x1: float, bottom: float) -> "Page":
        self.ops.append(("rect", x0, top, x1, bottom))
        return self

    def table(self, x0: float, top: float, widths: list[float], rows: list[list[str]],
              row_h: float = 16.0, size: float = 9.0) -> "Page":
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        for i in range(len(rows) + 1):
            self.hline(xs[0], xs[-1], top + i * row_h)
        for x in xs:
            self.ops.append(("line", x, top, x, top + len(rows) * row_h))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                self.text(xs[j] + 4, top + i * row_h + (row_h - size) / 2, cell, size)
        return self

    def grid(self, x0: float, top: float, widths: list[float], rows: list[list],
             rules: str = "all", head: int = 1, row_h: float = 16.0, size: float = 9.0
             ) -> "Page":
        """A table as reports print it: a cell is a text or (text, columns it spans); text
        left-aligned, figures right-aligned. ``rules``: ``all`` (every cell ruled, merged
        cells without inner walls), ``three`` (a three-line table: top, below the ``head``
        header rows, bottom) or ``none``. Headers (but the first column's) are centred."""
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        bottom = top + len(rows) * row_h
        if rules == "three":
            for y in (top, top + head * row_h, bottom):
                self.hline(xs[0], xs[-1], y)
        for i, row in enumerate(rows):
            j = 0
            walls = [xs[0]]
            for cell in row:
                text, span = cell if isinstance(cell, tuple) else (cell, 1)
                a, b = xs[j], xs[j + span]
                w = pdfmetrics.stringWidth(text, FONT, size)
                figure = text[:1].isdigit() or text[:1] in "-(" and text[1:2].isdigit() \
                    or text in ("-", "—")
                if i < head and j > 0:
                    x = a + (b - a - w) / 2  # headers centred over their columns
                else:
                    x = b - 4 - w if figure else a + 4
                self.text(x, top + i * row_h + (row_h - size) / 2, text, size)
                j += span
                walls.append(xs[j])
            if rules == "all":
                y = top + i * row_h
                self.hline(xs[0], xs[-1], y)
                for x in walls:
                    self.ops.append(("line", x, y, x, y + row_h))
        if rules == "all":
            self.hline(xs[0], xs[-1], bottom)
        return self

    def image(self, x0: float, top: float, w: float, h: float) -> "Page":
        self.ops.append(("image", x0, top, w, h))
        return self


def _draw(c: canvas.Canvas, page: Page) -> None:
    c.setPageSize((page.width, page.height))
    H_ = page.height
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, top, text, size, font = op
            c.setFont(font, size)
            c.drawString(x, H_ - top - size * 0.88, text)  # glyph box top at `top`
        elif kind == "line":
            _, x0, t0, x1, t1 = op
            c.setLineWidth(0.5)
            c.line(x0, H_ - t0, x1, H_ - t1)
        elif kind == "rect":
            _, x0, t0, x1, t1 = op
            c.setLineWidth(0.6)
            c.rect(x0, H_ - t1, x1 - x0, t1 - t0, stroke=1, fill=0)
        elif kind == "image":
            from PIL import Image
            from reportlab.lib.utils import ImageReader
            _, x0, t0, w, h = op
            img = Image.new("L", (200, 120), 200)
            for i in range(0, 200, 7):
                for j in range(120):
                    img.putpixel((i, j), 40)
            c.drawImage(ImageReader(img), x0, H_ - t0 - h, w, h)
    c.showPage()


# pdfminer cannot map the CID font of a reportlab-encrypted file (its CMap name is
# encrypted with the strings), so encrypted test files use a standard Latin font
LATIN = "Helvetica"


def build(path: Path, pages: list[Page], encrypt=None) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for p in pages:
        _draw(c, p)
    c.save()
    return path


def build_bytes(pages: list[Page]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for p in pages:
        _draw(c, p)
    c.save()
    return buf.getvalue()
