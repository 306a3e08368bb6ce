"""Segments in reading order -> lines -> paragraphs and headings, with one box per character.

Pure functions over the geometry of ``columns``; nothing here knows about pdfplumber.

* Segments read one after the other on the same baseline and in the same column join into
  one line with a space (a headline's words, ``党建引领 统筹推动``).
* A line is a heading when its font is clearly larger than the body (``heading_ratio``), or
  when it is short and bold; wrapped heading lines of the same size join into one heading.
* Body lines join into a paragraph unless the new line is indented, the previous line
  stopped short of its column's right edge, the font size changes, or a vertical gap
  opens. A paragraph runs on from the foot of one column to the head of the next.
* Lines join without a space except between two Latin letters, so ``2282⏎公顷`` becomes
  ``2282公顷``; spaces inside a line are kept as written. A short line ending in a figure
  never joins a line starting with one (``380%⏎360%``, a chart's axis): that would make a
  false number.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .columns import BBox, Glyph, Placed, Segment

TERMINAL = "。！？；!?…"


@dataclass
class Line:
    chars: list[tuple[str, BBox | None]]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    col: tuple[float, float]
    zone: object = None  # None for the page body, else the box the line sits in

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.chars)


@dataclass
class Para:
    kind: str  # heading | paragraph | caption
    chars: list[tuple[str, BBox | None]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    size: float = 0.0

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.chars)

    @property
    def bbox(self) -> BBox:
        return (min(ln.x0 for ln in self.lines), min(ln.top for ln in self.lines),
                max(ln.x1 for ln in self.lines), max(ln.bottom for ln in self.lines))


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def segment_chars(seg: Segment) -> list[tuple[str, BBox | None]]:
    """The characters of a segment with their boxes: runs of blanks collapse to one space,
    and a visible gap between two Latin/digit characters becomes an inserted space."""
    out: list[tuple[str, BBox | None]] = []
    prev: Glyph | None = None
    pending_space: BBox | None | bool = False
    for g in seg.glyphs:
        if g.text.isspace() or not g.text:
            if out:
                pending_space = g.box
            continue
        if pending_space is not False:
            out.append((" ", pending_space))  # a real space, as written
            pending_space = False
        elif prev is not None and out and _is_word(out[-1][0]) and _is_word(g.text[0]) \
                and g.x0 - prev.x1 > 0.3 * g.size:
            out.append((" ", None))
        for ch in g.text:
            out.append((ch, g.box))
        prev = g
    return out


def assemble_lines(placed: list[Placed], zone: object = None) -> list[Line]:
    lines: list[Line] = []
    for p in placed:
        seg = p.item
        if not isinstance(seg, Segment):
            continue
        chars = segment_chars(seg)
        if not chars:
            continue
        last = lines[-1] if lines else None
        if (last is not None and last.zone is zone and last.col == p.col
                and min(last.bottom, seg.bottom) - max(last.top, seg.top)
                >= 0.5 * min(last.bottom - last.top, seg.bottom - seg.top)
                and seg.x0 >= last.x1 - 0.6 * seg.size):
            last.chars.append((" ", None))
            last.chars.extend(chars)
            last.x1 = max(last.x1, seg.x1)
            last.top, last.bottom = min(last.top, seg.top), max(last.bottom, seg.bottom)
            last.bold = last.bold and seg.bold
            last.size = max(last.size, seg.size)
            continue
        lines.append(Line(chars, seg.x0, seg.top, seg.x1, seg.bottom, seg.size, seg.bold,
                          p.col, zone))
    return lines


@dataclass
class ParaParams:
    body_size: float
    heading_ratio: float = 1.08
    indent_em: float = 0.9
    short_em: float = 1.2
    gap_em: float = 0.8
    heading_max_chars: int = 60


def line_kind(line: Line, pp: ParaParams) -> str:
    if line.zone is not None and line.zone[0] == "box":
        return "caption"
    text = line.text.strip()
    if line.size >= pp.heading_ratio * pp.body_size and len(text) <= 2 * pp.heading_max_chars:
        return "heading"
    width = line.col[1] - line.col[0]
    if (line.bold and len(text) <= pp.heading_max_chars and text[-1:] not in TERMINAL
            and line.x1 - line.x0 < 0.75 * width):
        return "heading"
    return "paragraph"


def _joiner(a: str, b: str) -> str:
    return " " if _is_latin(a) and _is_latin(b) else ""


_FIGURE_END = set("0123456789%‰")
_FIGURE_START = set("0123456789+-−")


SHORT_LINE = 8  # characters: a line this short is a label, not a line of a paragraph


def _figures_meet(prev: Line, cur: Line) -> bool:
    """A short line ending in a figure over a line starting with one (the labels of a
    chart's axis, stacked): joined they would read as one false number (380%360%). A
    paragraph's line may still break inside a number (``38⏎6个``), also before its short
    last line (…决算数为31⏎2.8亿元。: the line above is a full one)."""
    a, b = prev.text.strip(), cur.text.strip()
    return (bool(a) and bool(b) and a[-1] in _FIGURE_END and b[0] in _FIGURE_START
            and len(a) < SHORT_LINE)


def _starts_new(prev: Line, cur: Line, prev_kind: str, kind: str, pp: ParaParams) -> bool:
    if kind != prev_kind or cur.zone is not prev.zone or _figures_meet(prev, cur):
        return True
    em = max(cur.size, prev.size)
    if abs(cur.size - prev.size) > 0.1 * em:
        return True
    if kind == "heading":  # wrapped heading lines: same column, close below
        return cur.col != prev.col or not (0 <= cur.top - prev.bottom <= 0.8 * em)
    if cur.col == prev.col and cur.top - prev.bottom > pp.gap_em * em:
        return True
    if cur.col == prev.col and cur.top < prev.top:
        return True
    if cur.x0 - cur.col[0] >= pp.indent_em * em and not _centred_run_on(prev, cur, em):
        return True
    if prev.col[1] - prev.x1 >= pp.short_em * em:
        return True
    return False


def _centred_run_on(prev: Line, cur: Line, em: float) -> bool:
    """The last line of centred text under a full line that ends mid-sentence (a deck's
    last line when its size is not known for sure, as from OCR): not a new paragraph."""
    left, right = cur.x0 - cur.col[0], cur.col[1] - cur.x1
    return (cur.col == prev.col and abs(left - right) <= 1.5 * em
            and prev.col[1] - prev.x1 < em and prev.x0 - prev.col[0] < 3 * em
            and prev.text.rstrip()[-1:] not in TERMINAL + "：:”）)")


def _usual_gap(lines: list[Line]) -> float:
    """The median blank between consecutive lines of one column (the leading)."""
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:])
                  if a.col == b.col and abs(a.size - b.size) < 0.1 * a.size
                  and 0 <= b.top - a.bottom < 2 * a.size)
    return gaps[len(gaps) // 2] if gaps else 0.0


def paragraphs(lines: list[Line], pp: ParaParams) -> list[Para]:
    usual = _usual_gap(lines)
    if usual:
        pp = ParaParams(**{**pp.__dict__,
                           "gap_em": max(pp.gap_em, (usual + 0.4 * pp.body_size) / pp.body_size)})
    out: list[Para] = []
    prev: Line | None = None
    prev_kind = ""
    for ln in lines:
        kind = line_kind(ln, pp)
        if prev is None or _starts_new(prev, ln, prev_kind, kind, pp):
            out.append(Para(kind, list(ln.chars), [ln], ln.size))
        else:
            para = out[-1]
            a, b = para.chars[-1][0], ln.chars[0][0]
            if _joiner(a, b) and a != "-":
                para.chars.append((" ", None))
            para.chars.extend(ln.chars)
            para.lines.append(ln)
        prev, prev_kind = ln, kind
    for para in out:  # trim blanks at the ends
        while para.chars and para.chars[0][0].isspace():
            para.chars.pop(0)
        while para.chars and para.chars[-1][0].isspace():
            para.chars.pop()
    return [p for p in out if p.chars]
