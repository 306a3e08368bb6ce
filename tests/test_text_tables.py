"""Tables in plain text (``ingest/text_tables.py``): lines of cells parted by tabs or runs of
spaces are a table with a header row, row labels and units, not a paragraph; the cells of
any table (text, Word, HTML, PDF) that hold a number among many words are labels."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import textmine
from textmine.ingest.table_heads import cell_kind
from textmine.ingest.text_tables import cells_of, split_tables
from textmine.parse.cells import is_label

PLAN = ("某市“十五五”规划纲要\n\n"
        "专栏2 主要发展指标\n"
        "指标\t2025年\t2030年\t属性\n"
        "全市生产总值年均增长（%）\t6.1\t5.5左右\t预期性\n"
        "常住人口城镇化率（%）\t58.2\t63\t预期性\n"
        "每千名老年人拥有养老床位数（张）\t31\t35以上\t约束性\n"
        "人均预期寿命（岁）\t—\t80\t预期性\n\n"
        "到2030年，全市生产总值力争突破5000亿元。\n")

# (line, its cells)
CELLS = [
    ("指标\t2025年\t2030年", ["指标", "2025年", "2030年"]),
    ("城镇化率（%）  58.2   63", ["城镇化率（%）", "58.2", "63"]),
    ("城镇化率（%）\u300058.2\u300063", ["城镇化率（%）", "58.2", "63"]),
    ("城镇化率（%） 58.2 63 预期性", ["城镇化率（%）", "58.2", "63", "预期性"]),  # (no punctuation)
    ("安排项目 1672 个，已开工 1515 个", ["安排项目 1672 个，已开工 1515 个"]),  # (prose)
]


@pytest.mark.parametrize("line,cells", CELLS)
def test_cells_of_a_line(line, cells):
    assert cells_of(line) == cells


# (cell text, kind): a digit among many words is a phrase: a label in the stub, else read as
# a sentence
KINDS = [
    ("58.2", "value"), ("5.5左右", "value"), ("35以上", "value"), ("1.2万亿元以上", "value"),
    ("2030年", "period"), ("—", "placeholder"), ("", "empty"), ("预期性", "text"),
    ("每千名老年人拥有养老床位数（张）", "text"), ("每千名常住人口拥有3星级托育位数（个）", "phrase"),
    ("预期未来半年股价涨幅高于基准15%以上", "phrase"),
    ("3岁以下", "value"),  # (a short age group stays a value, as before)
]


@pytest.mark.parametrize("text,kind", KINDS)
def test_cell_kind(text, kind):
    assert cell_kind(text) == kind


def test_is_label_counts_words_outside_brackets():
    assert is_label("每千名常住人口拥有3星级托育位数") and not is_label("3岁以下（人）") \
        and not is_label("增长5.5%左右")


def test_a_table_of_text_is_split_from_its_paragraphs():
    pieces = split_tables(PLAN)
    assert [type(p).__name__ for p in pieces] == ["str", "TextTable", "str"]
    rows, caption, _ = pieces[1]
    assert caption == "专栏2 主要发展指标" and len(rows) == 5 and rows[0] == ["指标", "2025年", "2030年", "属性"]
    assert "专栏2" in pieces[0] and pieces[2].strip() == "到2030年，全市生产总值力争突破5000亿元。"


@pytest.mark.parametrize("text", [
    "上一页  1   2   3   4   下一页\n正文第一段。\n",            # one line of navigation
    "安排项目 1672 个，已开工 1515 个。\n新建学校 12 所，医院 3 个。\n",  # prose with spaces
    "2019年\t2020年\t2021年\n2022年\t2023年\t2024年\n",            # no labels, no values
    "城镇化率（%）\t58.2\t63\n森林覆盖率（%）\t60.1\n",              # rows of unequal width
])
def test_what_is_no_table(text):
    assert split_tables(text) == [text]


def test_the_cells_of_a_text_table_are_claims_with_their_headers():
    claims = textmine.extract(PLAN, year=2026, classify=False)
    cells = {(c.row, c.col): c for c in claims if c.table}
    assert sorted(cells) == [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2), (4, 2)]
    about = cells[(1, 2)]  # 5.5左右 under a label in (%): 5.5% about, the target of 2030
    assert (about.kind, about.unit, about.qualifier, float(about.lower), float(about.upper)) == \
        ("percent", "%", "about", 4.95, 6.05)
    assert (about.indicator, about.period, about.role) == ("全市生产总值年均增长", "2030", "target")
    beds = cells[(3, 1)]
    assert (beds.kind, beds.unit, beds.indicator, beds.period, beds.role) == \
        ("count", "张", "每千名老年人拥有养老床位数", "2025", "outcome")
    assert (cells[(3, 2)].qualifier, float(cells[(3, 2)].lower)) == ("over", 35.0)
    # the paragraph after the table is read as prose
    assert any(c.text == "突破5000亿元" for c in claims if not c.table)


def _html_table_claims(path, title: str, rows: list[list[str]]):
    """The claims of a web page of one heading and one table of ``rows``."""
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    path.write_text(f"<html><body><h1>{title}</h1><table>{cells}</table></body></html>",
                    encoding="utf-8")
    return textmine.extract(path, classify=False)


def test_a_label_with_a_number_heads_its_row_in_html(tmp_path):
    claims = _html_table_claims(tmp_path / "plan.html", "某市发展规划纲要", [
        ["指标", "2025年", "2030年"], ["每千名常住人口拥有3星级托育位数（个）", "3.1", "4.5"],
        ["森林覆盖率（%）", "60.2", "61"]])
    assert [(c.text, c.unit, c.indicator) for c in claims] == [
        ("3.1", "个", "每千名常住人口拥有3星级托育位数"), ("4.5", "个", "每千名常住人口拥有3星级托育位数"),
        ("60.2", "%", "森林覆盖率"), ("61", "%", "森林覆盖率")]


_LABELS = st.sampled_from(["粮食产量（万吨）", "城镇化率（%）", "森林覆盖率（%）", "研发经费（亿元）",
                           "新增就业（万人）", "养老床位数（张）"])
_VALUES = st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False).map(str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_LABELS, st.lists(_VALUES, min_size=2, max_size=2)), min_size=2, max_size=6),
       st.sampled_from(["\t", "  ", "\u3000"]))
def test_any_grid_of_labels_and_values_comes_back_as_its_rows(rows, sep):
    """Rows of a label and values, parted by any separator, are read back cell for cell."""
    text = "前言一段。\n" + "\n".join(sep.join([label, *values]) for label, values in rows) + "\n"
    pieces = split_tables(text)
    tables = [p for p in pieces if not isinstance(p, str)]
    assert len(tables) == 1 and tables[0][0] == [[label, *values] for label, values in rows]


def test_a_phrase_in_a_column_of_values_is_read_as_a_sentence(tmp_path):
    """A cell of many words with a figure, right of the stub (a rating's definition), is no
    label: its figure is a claim, read with the claim rules."""
    claims = _html_table_claims(tmp_path / "ratings.html", "评级说明", [
        ["评级", "类别", "说明"], ["股票评级", "推荐", "预期未来半年股价涨幅高于基准15%以上"],
        ["股票评级", "回避", "预期未来半年股价涨幅低于基准10%以上"]])
    # (未来半年: a span of time, as 未来6个月 is)
    assert [(c.text, c.row, c.col) for c in claims] == [("半年", 1, 2), ("15%以上", 1, 2),
                                                        ("半年", 2, 2), ("10%以上", 2, 2)]


BULLETIN = ("某市2025年国民经济和社会发展统计公报\n\n"
            "表3 2025年主要工业产品产量及其增长速度\n"
            "产品名称\t产量（万吨）\t比上年增长（%）\n"
            "水泥\t812.4\t-3.2\n"
            "钢材\t96.7\t4.5\n"
            "发电量（亿千瓦时）\t—\t6.1\n")


def test_a_header_of_units_heads_the_columns_and_a_growth_names_its_level():
    """A header line with units in brackets and no period is the header (its units were the
    caption's, so 812.4 was read as a percentage); a change column names the level before it."""
    rows, caption, _ = [p for p in split_tables(BULLETIN) if not isinstance(p, str)][0]
    assert caption == "表3 2025年主要工业产品产量及其增长速度" and rows[0][0] == "产品名称"
    claims = {(c.row, c.col): c for c in textmine.extract(BULLETIN, year=2026, classify=False)
              if c.table}
    cement, growth = claims[(1, 1)], claims[(1, 2)]
    assert (cement.kind, cement.unit, float(cement.value), cement.indicator) == \
        ("quantity", "吨", 8124000.0, "水泥产量")
    assert (growth.kind, growth.unit, growth.indicator) == ("percent", "%", "水泥产量比上年增长")
    assert growth.indicator_key == cement.indicator_key  # (a level and its growth: one key)
    assert (claims[(3, 2)].kind, claims[(3, 2)].unit) == ("percent", "%")  # (the column's unit)


@pytest.mark.parametrize("line", ["产品名称\t产量\t比上年增长", "地区\t城市\t县城"])
def test_a_line_of_words_without_periods_or_units_heads_nothing(line):
    text = f"{line}\n水泥\t812.4\t-3.2\n钢材\t96.7\t4.5\n"
    rows = [p for p in split_tables(text) if not isinstance(p, str)][0][0]
    assert rows[0][0] == "水泥"  # (the line stays text above the table)


def test_the_tables_of_a_long_text_file_read_in_segments_keep_distinct_ids(tmp_path):
    """A large text file is read in segments: the ids of its tables go on across them (each
    segment's first table was t1 again)."""
    from textmine.ingest.text import read_text_segments
    table = "指标\t2024年\t2025年\n粮食产量（万吨）\t50.1\t51.2\n森林覆盖率（%）\t60.2\t61.0\n"
    para = "全县新建扶贫车间12个，吸纳贫困劳动力就业3400余人。\n"
    f = tmp_path / "long.txt"
    f.write_text("某县工作总结\n" + "".join(para * 40 + "\n" + table + "\n" for _ in range(3)), encoding="utf-8")
    docs = [d for d, _ in read_text_segments(f, max_chars=1500) if d is not None]
    ids = [t.id for d in docs for t in d.tables]
    assert len(docs) >= 3 and ids == ["t1", "t2", "t3"]


@pytest.mark.parametrize("figure,unit,kind,value,qualifier", [
    ("5.5左右", "%", "percent", "5.5", "about"),
    # a figure in Chinese numerals with words after it: the unit goes after its numeral too
    # (its place was looked for among the digits 0-9 alone, and none was found: an error)
    ("三左右", "%", "percent", "3", "about"),
    ("两千以上", "万元", "money", "20000000", "over"),
])
def test_a_header_unit_goes_after_the_numeral_of_a_cell(figure, unit, kind, value, qualifier):
    from textmine.nlp.cells import _with_unit
    from textmine.parse.numbers import find_numbers
    got = _with_unit(find_numbers(figure, 2025)[0], unit, 2025)
    assert (got.kind, str(got.value), got.qualifier) == (kind, value, qualifier)


PIPE_BULLETIN = """某县2025年国民经济和社会发展统计公报
| 指标 | 单位 | 绝对数 | 比上年增长% |
|------|------|-------:|------------:|
| 茶叶产量 | 吨 | 3260 | 5.4 |
| 生猪出栏 | 万头 | 12.6 | -1.9 |
"""


@pytest.mark.parametrize("text", [PIPE_BULLETIN, PIPE_BULLETIN.replace(" | ", "\t").replace("| ", "").replace(" |", "")])
def test_a_bar_table_with_a_percent_header_and_an_absolute_column(text):
    """Cells parted by bars (a Markdown table: its rule line dropped) are read as the cells of
    tabs; a header ending in a percent sign gives its column's unit (was a level in the row's
    unit, 5.4 吨), and 绝对数 names nothing (was part of the key: 茶叶产量绝对数)."""
    text = text.replace("某县", "湄潭县")
    got = {(c.row, c.col): c for c in textmine.extract(text, classify=False) if c.table}
    tea, growth, pigs = got[(1, 2)], got[(1, 3)], got[(2, 2)]
    assert (tea.kind, float(tea.value), tea.unit, tea.indicator_key) == ("quantity", 3260.0, "吨", "茶叶产量")
    assert (growth.kind, growth.unit, growth.change, growth.indicator_key) == \
        ("percent", "%", "increase", "茶叶产量")
    assert (pigs.unit, float(pigs.value), got[(2, 3)].unit) == ("头", 126000.0, "%")
    assert all("|" not in (c.indicator or "") for c in got.values())


PRODUCTS = ("2025年某市国民经济和社会发展统计公报\n\n表2 主要工业产品产量\n产品 | 产量 | 比上年增长%\n"
            "发电量（亿千瓦时） | 186.4 | 4.2\n水泥（万吨） | 412.8 | 4.2\n汽车（万辆） | 6.3 | -2.5\n")


def test_a_cells_claim_has_its_row_as_written_for_its_sentence():
    """A cell's figure stands in its row's line (a reader finds 4.2 of 发电量 there; a cell
    alone, twice 4.2 in the table, is no place), and a unit whose magnitude ends inside it
    (亿千瓦时: 亿 and 千瓦时) is read from the row's header."""
    claims = [c for c in textmine.extract(PRODUCTS, year=2025, classify=False) if c.table]
    assert all(c.sentence[c.start:c.end] == c.text for c in claims)
    power = [c for c in claims if c.row == 1]
    assert {c.sentence for c in power} == {"发电量（亿千瓦时） | 186.4 | 4.2"}
    assert (power[0].kind, power[0].unit, float(power[0].value)) == ("quantity", "千瓦时", 18640000000.0)


@pytest.mark.parametrize("header,unit", [
    ("发电量（亿千瓦时）", "亿千瓦时"), ("用电量（万千瓦时）", "万千瓦时"), ("原煤（万吨）", "万吨"),
    ("营业收入(百万元)", "百万元"), ("播种面积（千公顷）", "千公顷"), ("说明（详见附件）", None),
])
def test_a_headers_unit(header, unit):
    from textmine.parse.cells import split_unit
    assert split_unit(header)[1] == unit
