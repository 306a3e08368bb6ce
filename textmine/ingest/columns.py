"""Pure page geometry: characters -> horizontal segments -> reading order.

No pdfplumber here: input is plain ``Glyph`` records (one per character, in the order of
the content stream), output is segments in reading order, each tagged with the column it
was read from. The method is general:

* glyphs are chained into *runs* along the content stream while they stay on one baseline
  and close together; runs that touch on the same baseline merge into *segments* (this
  survives pages whose stories are drawn out of order);
* a gap wider than ``gap_em`` font sizes ends a segment (column gutters, word spacing in
  headlines);
* segments (and atomic items: tables, framed boxes) are ordered by a recursive XY-cut:
  a region with a vertical whitespace gutter is split into columns read left to right,
  otherwise it is split at its widest horizontal gap and read top to bottom.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def box(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Segment:
    """Glyphs on one baseline with no wide gap between them, sorted by x."""

    glyphs: list[Glyph]
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        g = self.glyphs
        self.x0 = min(c.x0 for c in g)
        self.x1 = max(c.x1 for c in g)
        self.top = min(c.top for c in g)
        self.bottom = max(c.bottom for c in g)
        sizes = sorted(c.size for c in g if not c.text.isspace()) or [g[0].size]
        self.size = sizes[len(sizes) // 2]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.glyphs)

    @property
    def bold(self) -> bool:
        vis = [c for c in self.glyphs if not c.text.isspace()]
        return bool(vis) and sum(c.bold for c in vis) > 0.6 * len(vis)

    @property
    def box(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Atom:
    """Something laid out as a whole: a table or a framed box (``ref`` says which)."""

    x0: float
    top: float
    x1: float
    bottom: float
    ref: object = None

    @property
    def box(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


Item = Segment | Atom


def inside(g: Glyph, box: BBox) -> bool:
    """Whether the glyph's centre lies in ``box``."""
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


@dataclass(slots=True)
class Placed:
    """An item in reading order with the column (x0, x1) it was read in."""

    item: Item
    col: tuple[float, float]


@dataclass
class LayoutParams:
    gap_em: float = 0.8          # a gap wider than this (in font sizes) ends a segment
    gutter_em: float = 0.5       # narrowest column gutter, in body font sizes
    band_em: float = float("inf")  # a horizontal gap this wide beats a gutter (off: side-by-side
                                   # stories often have their headlines on one level)
    body_size: float = 10.0
    rulings: list[BBox] = field(default_factory=list)  # vertical rules: also end a segment


def _voverlap(a_top: float, a_bot: float, b_top: float, b_bot: float) -> float:
    """Vertical overlap as a fraction of the smaller height."""
    inter = min(a_bot, b_bot) - max(a_top, b_top)
    h = min(a_bot - a_top, b_bot - b_top)
    return inter / h if h > 0 else (1.0 if inter >= 0 else 0.0)


def _ruled_between(rulings: Sequence[BBox], x_left: float, x_right: float,
                   top: float, bottom: float) -> bool:
    mid = (top + bottom) / 2
    return any(x_left - 0.5 <= r[0] <= x_right + 0.5 and r[1] <= mid <= r[3] for r in rulings)


def build_segments(glyphs: Iterable[Glyph], params: LayoutParams) -> list[Segment]:
    """Glyphs in content-stream order -> segments (duplicates of fake-bold overprint dropped)."""
    return _merge_runs(_runs(glyphs, params), params)


def _joins(p: Glyph, g: Glyph, params: LayoutParams) -> bool:
    """Whether glyph ``g`` continues the run that ends with ``p`` (same line, close by)."""
    em = max(p.size, g.size)
    gap = g.x0 - p.x1
    return (_voverlap(p.top, p.bottom, g.top, g.bottom) >= 0.5
            and -0.6 * em <= gap <= params.gap_em * em
            and not (params.rulings and _ruled_between(params.rulings, p.x1, g.x0,
                                                       g.top, g.bottom)))


def _overprint(p: Glyph, g: Glyph) -> bool:
    """``g`` prints ``p`` again almost on the spot (fake bold)."""
    em = max(p.size, g.size)
    return (g.text == p.text and abs(g.x0 - p.x0) < min(0.5 * (p.x1 - p.x0), 0.15 * em)
            and abs(g.top - p.top) < 0.15 * em)


def _runs(glyphs: Iterable[Glyph], params: LayoutParams) -> list[list[Glyph]]:
    """Glyphs chained along the content stream while they stay on one line, close together."""
    runs: list[list[Glyph]] = []
    cur: list[Glyph] = []
    last: Glyph | None = None  # last visible glyph of cur: blanks never bridge a gap

    def close() -> None:
        while cur and cur[-1].text.isspace():
            cur.pop()
        if cur:
            runs.append(cur[:])
        cur.clear()

    for g in glyphs:
        if g.text.isspace():
            if last is not None:
                cur.append(g)
            continue
        if last is not None:
            if _overprint(last, g):
                continue
            if not _joins(last, g, params):
                close()
        cur.append(g)
        last = g
    close()
    return runs


def _merge_runs(runs: list[list[Glyph]], params: LayoutParams) -> list[Segment]:
    """Runs that continue each other on the same baseline (drawn out of order) merge."""
    runs.sort(key=lambda r: r[0].x0)
    segs: list[Segment] = []
    buckets: dict[int, list[Segment]] = {}
    for run in runs:
        s_new = Segment(run)
        key = int((s_new.top + s_new.bottom) / 2 // 8)
        target, keep = _merge_target(s_new, buckets, key, params)
        if target is not None:
            if keep:
                target.glyphs.extend(run)
                target.glyphs.sort(key=lambda c: c.x0)
                target.refresh()
            continue
        segs.append(s_new)
        buckets.setdefault(key, []).append(s_new)
    return segs


def _merge_target(s_new: Segment, buckets: dict[int, list[Segment]], key: int,
                  params: LayoutParams) -> tuple[Segment | None, bool]:
    """The segment ``s_new`` continues (keep: True), or prints again (keep: False)."""
    for k in (key - 1, key, key + 1):
        for s in buckets.get(k, ()):
            if _voverlap(s.top, s.bottom, s_new.top, s_new.bottom) < 0.5:
                continue
            em = max(s.size, s_new.size)
            gap = s_new.x0 - s.x1
            if -0.6 * em <= gap <= params.gap_em * em and not (
                    params.rulings and _ruled_between(params.rulings, s.x1, s_new.x0,
                                                      s_new.top, s_new.bottom)):
                return s, True
            if gap < -0.6 * em and s_new.x1 <= s.x1 + 0.3 * em and s_new.text in s.text:
                return s, False  # a second print of the same text: drop it
    return None, False


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Empty intervals (start, end) between the union of spans, at least min_gap wide."""
    spans = sorted(spans)
    out = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= min_gap:
            out.append((reach, a))
        reach = max(reach, b)
    return out


def _split(items: list[Item], cuts: list[tuple[float, float]], vertical: bool) -> list[list[Item]]:
    groups: list[list[Item]] = [[] for _ in range(len(cuts) + 1)]
    for it in items:
        lo = it.x0 if vertical else it.top
        i = 0
        while i < len(cuts) and lo >= cuts[i][1] - 1e-6:
            i += 1
        groups[i].append(it)
    return [g for g in groups if g]


def _spanning_cuts(region: list[Item], hgaps: list[tuple[float, float]],
                   params: LayoutParams) -> list[tuple[float, float]]:
    """Where narrow items stand in columns under/over items that span them (headlines,
    decks, boxes, full-width paragraphs), cut just above and below the spanning items."""
    gutters = _gutters(region, params)
    if not gutters:
        return []
    spanning = [i for i in region if any(i.x0 < a and i.x1 > b for a, b in gutters)]
    cuts = []
    for a, b in hgaps:
        if any(abs(i.bottom - a) < 0.5 or abs(i.top - b) < 0.5 for i in spanning):
            cuts.append((a, b))
    return cuts


def _gutters(region: list[Item], params: LayoutParams) -> list[tuple[float, float]]:
    """Column gutters of body text: gaps with column lines side by side on both sides."""
    x0 = min(i.x0 for i in region)
    x1 = max(i.x1 for i in region)
    width = x1 - x0
    body = params.body_size
    narrow = [i for i in region if isinstance(i, Segment) and abs(i.size - body) <= 0.1 * body
              and 0.2 * width <= i.x1 - i.x0 < 0.6 * width]  # column lines of body text
    if len(narrow) < 2:
        return []
    gutters = []
    for a, b in _gaps([(i.x0, i.x1) for i in narrow], params.gutter_em * params.body_size):
        left = [(i.top, i.bottom) for i in narrow if i.x1 <= a]
        right = [(i.top, i.bottom) for i in narrow if i.x0 >= b]
        if any(lt < rb and rt < lb for lt, lb in left for rt, rb in right):
            gutters.append((a, b))
    return gutters


def _own_col(group: list[Item], parent: tuple[float, float], body: float
             ) -> tuple[float, float]:
    """A block of several lines is its own column; a lone line (a headline's words, a
    centred heading) keeps the column it sits in."""
    top = min(i.top for i in group)
    bottom = max(i.bottom for i in group)
    if bottom - top > 2.2 * body:
        return (min(i.x0 for i in group), max(i.x1 for i in group))
    return parent


def reading_order(items: list[Item], params: LayoutParams,
                  col: tuple[float, float] | None = None) -> list[Placed]:
    """Recursive XY-cut; returns every item once, in reading order."""
    if not items:
        return []
    if col is None:
        col = (min(i.x0 for i in items), max(i.x1 for i in items))
    out: list[Placed] = []
    stack: list[tuple[list[Item], tuple[float, float]]] = [(items, col)]
    # explicit stack (reversed children) so deep pages cannot hit the recursion limit
    while stack:
        region, rcol = stack.pop()
        if len(region) == 1:
            out.append(Placed(region[0], rcol))
            continue
        body = params.body_size
        hgaps = _gaps([(i.top, i.bottom) for i in region], 0.01)
        vgaps = _gaps([(i.x0, i.x1) for i in region], params.gutter_em * body)
        children: list[tuple[list[Item], tuple[float, float]]] = []
        widest = max((b - a for a, b in hgaps), default=0.0)
        if hgaps and (not vgaps or widest >= params.band_em * body):
            cuts = _spanning_cuts(region, hgaps, params) or \
                [g for g in hgaps if g[1] - g[0] >= widest - 0.5]
            children = [(g, _own_col(g, rcol, body)) for g in _split(region, cuts, vertical=False)]
        elif vgaps:
            for g in _split(region, vgaps, vertical=True):
                children.append((g, _own_col(g, rcol, body)))
        else:
            for it in sorted(region, key=lambda i: (i.top, i.x0)):
                out.append(Placed(it, rcol))
            continue
        stack.extend(reversed(children))
    return out
