"""columns.py: pure geometry, checked on synthetic glyph grids."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.ingest.columns import Glyph, LayoutParams, Segment, build_segments, reading_order


def column_glyphs(x: float, top: float, n_lines: int, per_line: int, tag: str, size=10.0):
    out = []
    for i in range(n_lines):
        for j in range(per_line):
            out.append(Glyph(f"{tag}{i}", x + j * size, top + i * 14, x + (j + 1) * size,
                             top + i * 14 + size, size))
    return out


@settings(max_examples=40, deadline=None)
@given(n_cols=st.integers(1, 6), n_lines=st.integers(1, 8), gutter=st.floats(9, 40),
       order=st.randoms(use_true_random=False))
def test_columns_read_left_to_right_whatever_the_drawing_order(n_cols, n_lines, gutter, order):
    per_line = 6
    cols = [column_glyphs(40 + k * (per_line * 10 + gutter), 100, n_lines, per_line, chr(65 + k))
            for k in range(n_cols)]
    lines = [col[i:i + per_line] for col in cols for i in range(0, len(col), per_line)]
    order.shuffle(lines)  # the content stream draws lines in any order
    glyphs = [g for line in lines for g in line]
    params = LayoutParams(body_size=10.0)
    segs = build_segments(glyphs, params)
    assert len(segs) == n_cols * n_lines
    placed = reading_order(segs, params)
    got = [p.item.glyphs[0].text for p in placed]
    assert got == [f"{chr(65 + k)}{i}" for k in range(n_cols) for i in range(n_lines)]


def test_spanning_headline_comes_before_its_columns():
    params = LayoutParams(body_size=10.0)
    head = Segment([Glyph("H", 40 + j * 20, 60, 60 + j * 20, 80, 20.0) for j in range(6)])
    body = build_segments(column_glyphs(40, 100, 3, 6, "L") + column_glyphs(120, 100, 3, 6, "R"),
                          params)
    placed = reading_order(body + [head], params)
    assert [p.item.glyphs[0].text for p in placed] == ["H", "L0", "L1", "L2", "R0", "R1", "R2"]


def test_overprinted_bold_is_deduplicated():
    g = [Glyph("帮", 10, 10, 20, 20, 10), Glyph("帮", 10.3, 10, 20.3, 20, 10),
         Glyph("扶", 20, 10, 30, 20, 10)]
    segs = build_segments(g, LayoutParams())
    assert [s.text for s in segs] == ["帮扶"]
