"""A chart's tick labels (its scale) are not figures of the text: ingest/charts.py finds
them on a PDF page, and no claim is made of them."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pdfgen import FONT, Column, Page, build, pdfmetrics
from textmine.ingest.charts import axis_labels, label_value


def stacked(labels, right=60.0, top=100.0, gap=8.0):
    """Boxes of labels set one under another on one right edge."""
    return [(right - 6 * len(t), top + k * gap, right, top + k * gap + 6)
            for k, t in enumerate(labels)]


def across(labels, left=80.0, top=400.0, gap=40.0):
    """Boxes of labels set side by side on one top."""
    return [(left + k * gap, top, left + k * gap + 20, top + 6) for k, _ in enumerate(labels)]


CASES = [
    # (what, texts, boxes, expected places)
    ("a percent scale going down", ["100%", "80%", "60%", "40%"], "stacked", {0, 1, 2, 3}),
    ("its zero not printed", ["40%", "20%", "-20%", "-40%"], "stacked", {0, 1, 2, 3}),
    ("years along the bottom", ["2019", "2020", "2021", "2022"], "across", {0, 1, 2, 3}),
    ("years with 年", ["2019年", "2020年", "2021年", "2022年"], "across", {0, 1, 2, 3}),
    ("thousands separators", ["1,000", "1,500", "2,000", "2,500"], "stacked", {0, 1, 2, 3}),
    ("decimals", ["0.5", "1.0", "1.5", "2.0", "2.5"], "stacked", {0, 1, 2, 3, 4}),
    ("three labels are too few", ["30%", "20%", "10%"], "stacked", set()),
    ("figures that do not step evenly", ["12.5", "30.1", "7.4", "45.0"], "stacked", set()),
    ("a gap of three steps", ["40", "30", "0", "-10"], "stacked", set()),
    ("values that turn back", ["10", "20", "30", "20"], "stacked", set()),
    ("one value repeated", ["5", "5", "5", "5"], "stacked", set()),
    ("words around the figures", ["增长10%", "增长20%", "增长30%", "增长40%"], "stacked", set()),
]


@pytest.mark.parametrize("what,texts,layout,expected", CASES, ids=[c[0] for c in CASES])
def test_axis_labels_table(what, texts, layout, expected):
    boxes = stacked(texts) if layout == "stacked" else across(texts)
    assert axis_labels(texts, boxes) == expected


def test_labels_off_one_edge_are_no_axis():
    texts = ["100%", "80%", "60%", "40%"]
    boxes = [(40, 100 + 8 * k, 60 + 10 * (k % 2), 106 + 8 * k) for k in range(4)]
    assert axis_labels(texts, boxes) == set()


def test_only_the_scale_among_paragraphs():
    texts = ["全年完成投资12亿元。", "30%", "20%", "10%", "0%", "增速回升。"]
    boxes = [(50, 60, 300, 70), *stacked(texts[1:5], top=100), (50, 200, 300, 210)]
    assert axis_labels(texts, boxes) == {1, 2, 3, 4}


@pytest.mark.parametrize("text,value", [("-20%", -20), ("1,500", 1500), ("2.5", 2.5),
                                        ("2021年", 2021), ("−40%", -40), ("增长5%", None),
                                        ("5亿元", None), ("", None)])
def test_label_value(text, value):
    got = label_value(text)
    assert (None if got is None else float(got)) == value


@given(start=st.integers(-500, 500), step=st.integers(1, 60), n=st.integers(4, 12),
       down=st.booleans(), percent=st.booleans())
def test_any_even_scale_stacked_on_one_edge_is_an_axis(start, step, n, down, percent):
    values = [start + k * step for k in range(n)]
    if down:
        values.reverse()
    texts = [f"{v}{'%' if percent else ''}" for v in values]
    assert axis_labels(texts, stacked(texts)) == set(range(n))


@given(values=st.lists(st.integers(-1000, 1000), min_size=4, max_size=10, unique=True))
def test_values_that_do_not_go_one_way_are_no_axis(values):
    gaps = [b - a for a, b in zip(values, values[1:])]
    if len({g > 0 for g in gaps}) == 1:  # (one way: the step rule decides, tested above)
        return
    texts = [str(v) for v in values]
    assert axis_labels(texts, stacked(texts)) == set()


def test_a_charts_scale_in_a_pdf_makes_no_claims(tmp_path):
    import textmine
    from textmine.ingest.pdf import read_pdf
    page = Page().column(Column(50, 60, 480).para(
        "全市农产品加工业产值增长7.3%，完成技术改造投资41亿元。"))
    for k, label in enumerate(["60%", "40%", "20%", "0%", "-20%"]):  # (its right edge at 90)
        page.text(90 - pdfmetrics.stringWidth(label, FONT, 7), 200 + 12 * k, label, 7)
    for k, year in enumerate(["2020", "2021", "2022", "2023"]):
        page.text(110 + 60 * k, 270, year, 7)
    path = build(tmp_path / "city-2024.pdf", [page])
    blocks = read_pdf(path).blocks
    assert sorted(t for b in blocks if b.kind == "axis" for t in b.text.split()) == sorted(
        ["60%", "40%", "20%", "0%", "-20%", "2020", "2021", "2022", "2023"])
    texts = [c.text for c in textmine.extract(path, classify=False)]
    assert texts == ["7.3%", "41亿元"]


@pytest.mark.parametrize("line,axis", [("2020 2021 2022 2023", True), ("0% 25% 50% 75% 100%", True),
                                       ("2020 2021 2022", False), ("12 7 30 45", False),
                                       ("2021-07 2021-11 2022-03 2022-07", False)])
def test_labels_joined_into_one_line(line, axis):
    assert axis_labels([line], [(100, 300, 300, 306)]) == ({0} if axis else set())
