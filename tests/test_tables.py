"""Tables as data: tables the tests draw (ruled, three-line, without rules, merged headers,
units in the caption or the headers, years as columns, thousands separators, negative
values) read back as grids, CSV and one claim per figure, never two cells in one number."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pdfgen import Column, Page, build
from textmine.api import Extractor
from textmine.ingest.pdf import document_text, read_pdf, table_csv_name, table_to_csv
from textmine.nlp.sentences import split_document

PROSE = ("上半年，全区围绕稳就业保民生持续发力，新增城镇就业岗位一万余个，重点项目建设总体"
         "平稳，各项工作按计划推进。")
AFTER = "下半年将继续加大投入力度，确保全年目标任务如期完成。"

# merged header cells over two columns each, the unit in the caption, thousands separators,
# a negative value and an accounting negative in brackets
MERGED = [["项目", ("2019年", 2), ("2020年", 2)],
          ["", "1-8月", "全年", "1-8月", "全年"],
          ["产业项目", "1,250", "2,380", "1,406", "2,915"],
          ["就业项目", "836", "1,204", "-45", "1,377"],
          ["消费项目", "(120)", "312", "96", "1,018"]]

# years as columns with marks (A actual, E estimate), units in the row headers, a placeholder
YEARS = [["指标", "2020A", "2021A", "2022E", "2023E"],
         ["地区生产总值(亿元)", "3,610", "4,027", "4,390", "4,760"],
         ["增长率(%)", "6.1", "8.5", "6.0", "5.5"],
         ["常住人口(万人)", "2,189", "2,188", "2,190", "2,192"],
         ["财政收入(亿元)", "548", "593", "-", "630"]]


def _claims(path: Path):
    ex = Extractor(classify=False)
    doc = read_pdf(path)
    return doc, ex.extract_document(doc)


def _cells(claims, table: str) -> dict:
    return {(c.row, c.col): c for c in claims if c.table == table}


def _merged_page(rules: str) -> Page:
    page = Page()
    page.column(Column(60, 80, 470).para(PROSE))
    page.text(60, 150, "表2 重点帮扶项目资金情况（单位：万元）", 10)
    page.grid(60, 170, [110, 80, 80, 80, 80], MERGED, rules=rules, head=2)
    page.column(Column(60, 300, 470).para(AFTER))
    return page


@pytest.mark.parametrize("rules", ["all", "three", "none"])
def test_merged_headers_caption_unit_and_negatives(tmp_path, rules):
    doc, claims = _claims(build(tmp_path / f"bulletin-2020-{rules}.pdf", [_merged_page(rules)]))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.strategy == ("lines" if rules == "all" else "text")
    assert (t.id, t.header_rows, t.stub_cols) == ("p1-t1", 2, 1)
    assert "单位：万元" in t.caption
    assert [[c or "" for c in r] for r in t.rows[2:]] == [r for r in MERGED[2:]]
    cells = _cells(claims, "p1-t1")
    assert len(cells) == 12  # every figure, nothing else
    c = cells[(2, 1)]
    assert (c.text, c.kind, c.value, c.unit) == ("1,250", "money", Decimal(12500000), "元")
    assert (c.indicator, c.period, c.period_source, c.role) == (
        "产业项目", "2019-01/2019-08", "written", "outcome")
    assert cells[(2, 4)].value == Decimal(29150000) and cells[(2, 4)].period == "2020"
    assert cells[(3, 3)].value == Decimal(-450000)
    assert cells[(4, 1)].value == Decimal(-1200000) and cells[(4, 1)].text == "(120)"
    assert cells[(3, 2)].period == "2019"
    for c in cells.values():  # the figure is the whole cell of its row, its box inside the table
        assert c.sentence[c.start:c.end] == c.text and c.page == 1
        assert c.sentence.split()[c.col] == c.text  # (the row's cells, parted by spaces)
        assert t.bbox[0] - 1 <= c.bbox[0] and c.bbox[2] <= t.bbox[2] + 1
    # the rest of the page is prose, read as before
    text = document_text(doc)
    assert text.splitlines()[0] == PROSE and text.splitlines()[-1] == AFTER


def test_years_as_columns_give_period_and_role(tmp_path):
    page = Page()
    page.column(Column(60, 80, 470).para(PROSE))
    page.grid(60, 150, [130, 80, 80, 80, 80], YEARS, rules="three")
    doc, claims = _claims(build(tmp_path / "outlook-2021.pdf", [page]))
    assert [[c or "" for c in r] for r in doc.tables[0].rows] == YEARS
    cells = _cells(claims, "p1-t1")
    gdp = cells[(1, 3)]
    assert (gdp.text, gdp.value, gdp.unit, gdp.indicator) == (
        "4,390", Decimal(439000000000), "元", "地区生产总值")
    assert (gdp.period, gdp.role) == ("2022", "forecast")
    assert (cells[(1, 1)].period, cells[(1, 1)].role) == ("2020", "outcome")
    rate = cells[(2, 2)]
    assert (rate.kind, rate.value, rate.unit, rate.indicator) == ("percent", Decimal("8.5"), "%",
                                                                 "增长率")
    people = cells[(3, 1)]
    assert (people.kind, people.value, people.unit) == ("count", Decimal(21890000), "人")
    assert (4, 3) not in cells  # a placeholder is no figure
    assert len(cells) == 15


def test_group_rows_give_their_unit_to_the_rows_below(tmp_path):
    rows = [["主要指标", "2021", "2022E"],
            ["每股指标(元)", "", ""],
            ["每股收益", "1.07", "2.91"],
            ["估值(倍)", "", ""],
            ["市盈率", "82.90", "30.47"],
            ["经营指标", "", ""],
            ["流动比率", "1.2", "1.3"]]
    page = Page().grid(60, 100, [120, 80, 80], rows, rules="none")
    doc, claims = _claims(build(tmp_path / "note-2022.pdf", [page]))
    cells = _cells(claims, "p1-t1")
    assert (cells[(2, 1)].kind, cells[(2, 1)].value, cells[(2, 1)].unit) == (
        "money", Decimal("1.07"), "元")
    assert (cells[(4, 2)].kind, cells[(4, 2)].unit, cells[(4, 2)].role) == (
        "ratio", "倍", "forecast")
    assert (cells[(6, 1)].kind, cells[(6, 1)].unit) == ("other", "")  # no unit anywhere
    assert len(cells) == 6


def test_a_column_of_changes_beside_a_column_of_units(tmp_path):
    """A statistical table's 单位 column gives each row's unit, but a column whose header
    gives a percent (比上年增长（%）) is in percent, and its figures are changes of the row's
    statistic (a negative one names a fall by its sign); 单位 is no part of the indicator."""
    rows = [["指标", "单位", "2023年", "比上年增长(%)"],
            ["地区生产总值", "亿元", "186.5", "5.2"],
            ["固定资产投资", "亿元", "92.4", "-3.6"],
            ["农村居民人均可支配收入", "元", "15632", "8.2"]]
    page = Page().grid(40, 100, [140, 50, 60, 90], rows, rules="none")
    doc, claims = _claims(build(tmp_path / "county-2023.pdf", [page]))
    cells = _cells(claims, "p1-t1")
    level, growth, fall = cells[(1, 2)], cells[(1, 3)], cells[(2, 3)]
    assert (level.kind, level.value, level.unit, level.change) == (
        "money", Decimal(18650000000), "元", None)
    assert (growth.kind, growth.value, growth.unit, growth.change) == (
        "percent", Decimal("5.2"), "%", "increase")
    assert growth.indicator == "地区生产总值比上年增长"
    assert growth.indicator_key == level.indicator_key == "国内生产总值"
    assert (fall.value, fall.unit, fall.change) == (Decimal("-3.6"), "%", None)
    assert cells[(3, 3)].unit == "%" and cells[(3, 2)].unit == "元"


def test_a_row_of_a_change_is_the_change_of_the_row_above(tmp_path):
    """销售额（万元） then 同比增长（%）: the second row's figures are the growth of the
    first's statistic (one key), not a statistic named 同比增长."""
    rows = [["项目", "2022年", "2023年"],
            ["销售额(万元)", "10650", "12560"],
            ["同比增长(%)", "12.1", "18.2"]]
    page = Page().grid(40, 100, [140, 70, 70], rows, rules="none")
    doc, claims = _claims(build(tmp_path / "sales-2023.pdf", [page]))
    cells = _cells(claims, "p1-t1")
    growth = cells[(2, 2)]
    assert (growth.indicator, growth.unit, growth.change) == ("销售额同比增长", "%", "increase")
    assert growth.indicator_key == cells[(1, 2)].indicator_key == "销售额"


def test_two_tables_side_by_side_stay_apart(tmp_path):
    left = [["资金(万元)", "2021", "2022"], ["产业", "1,020", "1,130"],
            ["就业", "640", "702"], ["消费", "385", "410"]]
    right = [["项目(个)", "2021", "2022"], ["新建", "86", "95"],
             ["续建", "41", "38"], ["完工", "77", "90"]]
    page = Page().grid(40, 100, [80, 60, 60], left, rules="none") \
        .grid(300, 100, [80, 60, 60], right, rules="none")
    doc, claims = _claims(build(tmp_path / "side-2022.pdf", [page]))
    assert [[c or "" for c in r] for r in doc.tables[0].rows] == left
    assert [[c or "" for c in r] for r in doc.tables[1].rows] == right
    assert _cells(claims, "p1-t2")[(1, 2)].unit == "个"
    assert _cells(claims, "p1-t1")[(1, 2)].value == Decimal(11300000)


def test_csv_files_hold_the_rows(tmp_path):
    doc = read_pdf(build(tmp_path / "bulletin-2020.pdf", [_merged_page("three")]))
    assert table_csv_name(doc, 0) == "bulletin-2020-p1-t1.csv"
    lines = table_to_csv(doc.tables[0]).splitlines()
    assert lines[0] == "项目,2019年,,2020年,"  # a merged cell: its text, then empty places
    assert lines[3] == '就业项目,836,"1,204",-45,"1,377"'


def test_claim_records_carry_table_row_col(tmp_path):
    _, claims = _claims(build(tmp_path / "bulletin-2020.pdf", [_merged_page("all")]))
    rec = next(c for c in claims if c.table).to_dict()
    assert {"table", "row", "col"} <= rec.keys() and rec["period_source"] == "written"
    prose = next(c for c in claims if not c.table).to_dict()
    assert not {"table", "row", "col"} & prose.keys()


PROSE_LEFT = ("全年共安排帮扶资金3.2亿元，较上年增长12%，其中产业项目资金1.9亿元，就业项目资金"
              "6800万元，带动脱贫人口就业2100多人，新建扶贫车间15个。") * 2
PROSE_RIGHT = ("截至年底，累计培训农村劳动力4500人次，组织招聘会36场，提供岗位1.2万个，"
               "实现转移就业3200人，人均月收入达到3500元以上。") * 2


def test_prose_lists_and_contents_are_not_tables(tmp_path):
    page = Page()
    page.column(Column(40, 80, 240).para(PROSE_LEFT)).column(Column(310, 80, 240).para(PROSE_RIGHT))
    for i, (title, p) in enumerate([("总体情况", "3"), ("产业帮扶", "7"), ("就业帮扶", "12"),
                                    ("消费帮扶", "18")]):
        page.text(60, 330 + 16 * i, f"{i + 1}.", 10).text(80, 330 + 16 * i, title + "……………", 10)
        page.text(400, 330 + 16 * i, p, 10)
    for i, item in enumerate(["完成年度帮扶任务", "落实资金保障", "加强督查考核"]):
        page.text(60, 420 + 16 * i, f"{i + 1}.", 10).text(90, 420 + 16 * i, item, 10)
    doc, claims = _claims(build(tmp_path / "prose-2020.pdf", [page]))
    assert doc.tables == []
    assert not any(c.table for c in claims)


def test_no_claim_spans_two_cells(tmp_path):
    doc, claims = _claims(build(tmp_path / "bulletin-2020.pdf", [_merged_page("none")]))
    sents = split_document(doc)
    for c in claims:
        s = sents[c.sentence_index]
        at = s.text.find(c.text) if c.table else c.start  # (a cell's claim: in its row's text)
        boxes = [b for b in doc.blocks[s.block].char_boxes[s.start + at:s.start + at + len(c.text)] if b]
        assert max(b[1] for b in boxes) - min(b[1] for b in boxes) < 2 or c.table is None
        for a, b in zip(boxes, boxes[1:]):
            assert c.table is None or b[0] - a[2] < 5, c.text
