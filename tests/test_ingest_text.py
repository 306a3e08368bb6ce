"""Plain-text input: header lines of key=value metadata at the top are metadata, not text."""
from __future__ import annotations

import pytest

import textmine
from textmine.ingest.text import document_from_text, front_matter

# (text, expected body, expected metadata, expected headings)
FRONT = [
    ("# region=某县 year=2020 publish_date=2020-06-30\n某县2020年工作简报\n",
     "某县2020年工作简报\n", {"region": "某县", "year": "2020", "publish_date": "2020-06-30"}, []),
    ("# 某县2020年工作简报\n# source=https://example.org/a?b=1\n\n正文",
     "正文", {"source": "https://example.org/a?b=1"}, ["某县2020年工作简报"]),
    ("\n\n# a=1\n# b=2 c=\n正文", "正文", {"a": "1", "b": "2", "c": ""}, []),
    ("正文\n# year=2020\n", "正文\n# year=2020\n", {}, []),       # only at the top
    ("#2号简报：完成投资5亿元。", "", {}, ["2号简报：完成投资5亿元。"]),  # not key=value
    ("# 比值=3.5 个\n", "", {}, ["比值=3.5 个"]),                    # keys are ASCII names
    ("###\n正文", "正文", {}, []),
    ("", "", {}, []),
]


@pytest.mark.parametrize("text,body,meta,headings", FRONT)
def test_front_matter(text, body, meta, headings):
    assert front_matter(text) == (body, meta, headings)


def test_metadata_header_gives_no_claims():
    text = ("# region=某县 year=2020 publish_date=2020-06-30 n=12\n"
            "# 某县2020年扶贫工作简报\n全县到位帮扶资金3.5亿元。\n")
    doc = document_from_text(text, "brief")
    assert doc.metadata["header"]["publish_date"] == "2020-06-30"
    assert doc.title == "某县2020年扶贫工作简报" and doc.year == 2020
    claims = textmine.extract(text, year=2020, classify=False)
    assert [c.text for c in claims] == ["2020年", "3.5亿元"]


PARAGRAPHS = [
    # (text of short column lines, paragraphs expected)
    ("新建扶贫车间12个，\n带动就业300人。\n\n新增电商网点40个。\n", ["新建扶贫车间12个，带动就业300人。", "新增电商网点40个。"]),
    # a blank line inside a sentence (a page break in a scrape) does not cut it
    ("新建扶贫车间12个，\n\n带动就业300人。\n", ["新建扶贫车间12个，带动就业300人。"]),
    ("完成投资8亿元。\n新增网点40个。\n", ["完成投资8亿元。新增网点40个。"]),
]


JOINED = [
    # (lines, joined): a number and its unit across a line break join without a gap ...
    (["全县新建车间12", "个，带动就业300人。"], "全县新建车间12个，带动就业300人。"),
    (["增长12.", "5%，高于全省。"], "增长12.5%，高于全省。"),
    # ... but a table's cells, one number a line, stay apart (not 14351231.25%)
    (["东岭村", "143", "512", "31.25%"], "东岭村143\t512\t31.25%"),
    (["合计", "1,260", "-3.5"], "合计1,260\t-3.5"),
    (["Rural", "revitalisation"], "Rural revitalisation"),
]


@pytest.mark.parametrize("lines,expected", JOINED)
def test_lines_are_joined_without_gluing_cells(lines, expected):
    from textmine.ingest.text import join_lines
    assert join_lines(lines) == expected


@pytest.mark.parametrize("text,expected", PARAGRAPHS)
def test_a_blank_line_after_a_sentence_ends_a_paragraph(text, expected):
    from textmine.ingest.text import paragraphs
    assert [p for p, kind in paragraphs(text) if kind == "paragraph"] == expected


# a newspaper page's column of headlines and leads, lines as wide as the body's columns
PAGE = ("全年新建扶贫车间一百二十个，带动\n\n贫困劳动力就业三千余人，实现稳定\n\n增收。\n\n"
        "稳就业 保民生 助力受援地区巩固成果\n"
        "省里通报今年东西部协作考核结果，全\n\n市三项考核均排在前列\n\n"
        "消费帮扶提质增效\n"
        "全市坚持多方联动，发挥市场作用，\n\n构建全民参与的消费帮扶格局\n")

PAGE_PARTS = [
    ("全年新建扶贫车间一百二十个，带动贫困劳动力就业三千余人，实现稳定增收。", "paragraph"),
    ("稳就业 保民生 助力受援地区巩固成果", "heading"),  # phrases apart by spaces
    ("省里通报今年东西部协作考核结果，全市三项考核均排在前列", "paragraph"),  # a lead, no 。
    ("消费帮扶提质增效", "heading"),  # a short line after a line that does not run on
    ("全市坚持多方联动，发挥市场作用，构建全民参与的消费帮扶格局", "paragraph"),  # ... that does
]


def test_headlines_and_leads_of_a_newspaper_page():
    from textmine.ingest.text import paragraphs
    assert paragraphs(PAGE) == PAGE_PARTS


def test_a_short_text_whose_long_lines_are_paragraphs_keeps_its_title_and_headings():
    """Every line longer than a heading ends a sentence: the text is a paragraph a line, not
    a column of wrapped lines (its few short lines set no column width to join them by)."""
    from textmine.ingest.text import paragraphs
    text = ("某县扶贫办工作总结\n一、工作回顾\n五年累计投入各级财政扶贫资金28.6亿元，年均增长12.3%，"
            "贫困地区基础设施和公共服务明显改善。\n某县扶贫办\n2020年12月28日\n")
    assert [k for _, k in paragraphs(text)] == ["heading", "heading", "paragraph", "heading", "heading"]
    assert document_from_text(text, "summary").title == "某县扶贫办工作总结"


@pytest.mark.parametrize("text,kinds", [
    # a first line without punctuation is the title, however few and short the lines after it
    ("某县东西部协作工作简报\n遵义红茶等12个品牌入选省级名录。\n", ["heading", "paragraph"]),
    # ... not the first line of a wrapped sentence (it holds a comma)
    ("全年新建扶贫车间12个，吸纳\n贫困劳动力就业3400余人。\n", ["paragraph"]),
])
def test_a_short_texts_first_line_without_punctuation_is_its_title(text, kinds):
    from textmine.ingest.text import paragraphs
    assert [k for _, k in paragraphs(text)] == kinds


@pytest.mark.parametrize("text,expected", [
    # a bulletin's masthead line (the issuing body, spaces, the day) is a line of its own,
    # not run into the paragraph after it (was one paragraph with it)
    ("第5期\n\n县乡村振兴局　　2022年3月31日\n\n今年以来，全县新增公益性岗位260个。\n",
     [("第5期", "heading"), ("县乡村振兴局　　2022年3月31日", "heading"),
      ("今年以来，全县新增公益性岗位260个。", "paragraph")]),
    # ... a day that ends a wrapped sentence's line is no masthead
    ("全县新增公益性岗位260个，截至\n2022年3月31日\n已全部上岗。\n",
     [("全县新增公益性岗位260个，截至2022年3月31日已全部上岗。", "paragraph")]),
])
def test_a_mastheads_line_stands_alone(text, expected):
    from textmine.ingest.text import paragraphs
    assert paragraphs(text) == expected
