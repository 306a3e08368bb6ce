"""Reading order, blocks and provenance on PDFs built by tests/pdfgen.py."""
from __future__ import annotations

import pytest

from pdfgen import FONT, Column, Page, build, pdfmetrics
from textmine.ingest.pdf import document_text, read_pdf, table_to_csv
from textmine.types import TableCell

HEADER = "示范区帮扶工作简报"
DATE = "2021年3月15日 星期一"

P_A = "今年以来，示范区坚持把产业帮扶作为重点，全年落实帮扶资金12.5亿元，比上年增长8.3%，支持建设产业项目326个，带动脱贫群众稳定增收。"
P_B = "在就业帮扶方面，组织开展线上招聘活动45场，提供就业岗位1.2万多个，帮助2300余名农村劳动力实现转移就业，其中跨省就业的占六成以上。"
P_C = "在消费帮扶方面，设立帮扶产品专柜180个，全年销售农特产品约3.6亿元，参与的企业超过200家，形成了线上线下联动的销售格局。"
P_D = "下一步，示范区将继续完善协作机制，确保各项帮扶措施落到实处，力争到6月底完成全年任务的一半以上。"
P_E = "文化帮扶同步推进，累计举办各类培训班60期，培训基层干部和技术人员4800人次，选派专业技术人才120名赴受援地区开展服务。"
P_F = "教育帮扶持续深化，新建和改扩建学校18所，资助困难学生9600名，结对帮扶学校达到85对，受援地区办学条件明显改善。"


def furniture(page: Page, number: int) -> Page:
    """Running header above a full-width rule, page number under a rule at the foot."""
    page.text(50, 30, HEADER, 9).text(420, 30, DATE, 9).hline(45, 550, 46)
    page.hline(45, 550, 800).text(285, 806, f"— {number} —", 9)
    return page


def two_column_page() -> Page:
    left = Column(50, 120, 230).para(P_A).para(P_B)
    right = Column(310, 120, 230).para(P_C).para(P_D)
    page = Page()
    page.column(right)                       # drawn right column first
    furniture(page, 1)
    page.text(180, 70, "示范区扎实推进帮扶协作", 20)   # the headline, drawn after the body
    page.column(left)
    return page


def test_two_column_reading_order(tmp_path):
    doc = read_pdf(build(tmp_path / "bulletin-2021.pdf", [two_column_page()]))
    texts = [b.text for b in doc.blocks]
    assert texts == ["示范区扎实推进帮扶协作", P_A, P_B, P_C, P_D]
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph", "paragraph",
                                             "paragraph"]
    assert doc.title == "示范区扎实推进帮扶协作"
    for b in doc.blocks:
        assert b.page == 1
        assert len(b.char_boxes) == len(b.text)
        x0, top, x1, bottom = b.bbox
        assert all(x0 - 0.01 <= c[0] and c[2] <= x1 + 0.01 for c in b.char_boxes if c)


def test_header_footer_go_to_metadata_and_masthead_gives_year(tmp_path):
    doc = read_pdf(build(tmp_path / "bulletin-2019.pdf", [two_column_page()]))
    assert not any(HEADER in b.text or "—" in b.text for b in doc.blocks)
    assert any(HEADER in h for h in doc.metadata["headers"])
    assert any("1" in f for f in doc.metadata["footers"])
    assert doc.issue_date == "2021-03-15"
    assert (doc.year, doc.year_source) == (2021, "masthead")


def test_year_from_filename_without_masthead(tmp_path):
    page = Page().column(Column(50, 100, 400).para(P_A))
    doc = read_pdf(build(tmp_path / "report-2019.pdf", [page]))
    assert (doc.year, doc.year_source) == (2019, "filename")
    assert doc.issue_date is None


def test_a_dated_line_under_the_title_gives_the_year_as_in_a_text_file(tmp_path):
    """A bulletin whose title names no year and whose dated line is a line of the page (no
    masthead furniture): the year is the dated line's, as a text file's would be, so that
    上月 and 9月底前 have one."""
    import textmine
    col = (Column(50, 60, 480).heading("协作工作简报", 16)
           .para("某市协作办公室　　2023年9月15日", indent=False)
           .para("上月新增帮扶车间3个，吸纳就业126人。力争9月底前资金到位率达到100%。"))
    path = build(tmp_path / "brief.pdf", [Page().column(col)])
    doc = read_pdf(path)
    assert (doc.year, doc.year_source, doc.issue_date) == (2023, "masthead", "2023-09-15")
    got = {c.text: (c.value, c.role) for c in textmine.extract(path, classify=False)}
    assert got["上月"][0] == "2023-08" and got["9月底前"] == ("2023-09", "target")


def test_a_number_broken_before_a_paragraphs_last_line_rejoins_but_axis_labels_do_not(tmp_path):
    """…决算数为31⏎2.8亿元。: a full line ending in a figure over the paragraph's short last
    line is one number; two short stacked labels (380%⏎360%) are two."""
    import textmine
    page = Page()
    page.text(50, 100, "全省政府性基金预算收入决算数为58.6亿元，为调整预算的92.4%。支出决算数为31", 10)
    page.text(50, 114, "2.8亿元。", 10)
    page.text(400, 300, "380%", 9).text(400, 314, "360%", 9)
    path = build(tmp_path / "accounts-2023.pdf", [page])
    texts = [c.text for c in textmine.extract(path, classify=False)]
    assert "312.8亿元" in texts and "2.8亿元" not in texts
    assert not any("380%360%" in b.text for b in read_pdf(path).blocks)


def test_repeated_header_without_rule_is_dropped(tmp_path):
    pages = []
    for n, text in enumerate((P_A, P_B, P_C), start=1):
        p = Page().text(50, 30, "第四季度帮扶工作动态", 9).text(290, 810, str(n), 9)
        pages.append(p.column(Column(50, 120, 450).para(text)))
    doc = read_pdf(build(tmp_path / "q4.pdf", pages))
    assert [b.text for b in doc.blocks] == [P_A, P_B, P_C]
    assert doc.metadata["headers"] == ["第四季度帮扶工作动态"]
    assert doc.metadata["footers"] == ["1", "2", "3"]


def newspaper_page() -> Page:
    """Two stories of two columns each, headlines spanning their story, a framed caption
    under story 1; drawn story 2, caption, headlines, story 1."""
    s1a = Column(40, 150, 120, size=9).para(P_A)
    s1b = Column(172, 150, 120, size=9).para(P_B)
    s2a = Column(310, 150, 120, size=9).para(P_C)
    s2b = Column(442, 150, 120, size=9).para(P_E)
    page = Page()
    page.column(s2b).column(s2a)
    page.rect(40, 520, 292, 600).text(50, 585, "图为帮扶产品展销会现场", 8)
    page.text(70, 100, "产业帮扶 成效明显", 18).text(345, 100, "消费帮扶持续升温", 18)
    page.column(s1b).column(s1a)
    return page


def test_multi_column_stories_with_spanning_headlines_and_box(tmp_path):
    doc = read_pdf(build(tmp_path / "paper.pdf", [newspaper_page()]))
    texts = [b.text for b in doc.blocks]
    assert texts == ["产业帮扶 成效明显", P_A + P_B, "图为帮扶产品展销会现场",
                     "消费帮扶持续升温", P_C + P_E] or texts == [
        "产业帮扶 成效明显", P_A, P_B, "图为帮扶产品展销会现场", "消费帮扶持续升温", P_C, P_E]
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["图为帮扶产品展销会现场"] == "caption"
    assert kinds["消费帮扶持续升温"] == "heading"
    assert " " not in "".join(t for t in texts if t.startswith("今年"))


def test_paragraph_runs_on_from_column_to_column(tmp_path):
    text = P_A + P_B
    # split one paragraph over two columns: the head of column 2 is not indented
    lines = Column(50, 100, 200).para(text).ops
    half = len(lines) // 2
    page = Page()
    for i, (x, top, line, size) in enumerate(lines):
        if i < half:
            page.text(x, top, line, size)
        else:
            page.text(x + 260, top - (lines[half][1] - 100), line, size)
    doc = read_pdf(build(tmp_path / "runon.pdf", [page]))
    assert [b.text for b in doc.blocks] == [text]


def test_number_and_unit_split_by_line_break_rejoin(tmp_path):
    size = 10
    first = "全年腾退土地2282"
    width = 2 * size + pdfmetrics.stringWidth(first, FONT, size) + 0.1
    text = first + "公顷，新增城市绿地约三十万平方米，完成年度计划。"
    col = Column(50, 100, width).para(text)
    assert col.ops[0][2] == first  # the break falls between the number and its unit
    doc = read_pdf(build(tmp_path / "units.pdf", [Page().column(col)]))
    assert doc.blocks[0].text == text
    assert "2282公顷" in doc.blocks[0].text


def test_real_space_inside_line_is_kept(tmp_path):
    page = Page().text(50, 100, "安排项目1672 个，已开工1515个。", 10)
    doc = read_pdf(build(tmp_path / "space.pdf", [page]))
    assert doc.blocks[0].text == "安排项目1672 个，已开工1515个。"
    assert len(doc.blocks[0].char_boxes) == len(doc.blocks[0].text)


def test_full_width_digits_left_as_written(tmp_path):
    text = "全年销售农特产品约３．６亿元，同比增长１２％。"
    doc = read_pdf(build(tmp_path / "fw.pdf", [Page().column(Column(50, 100, 400).para(text))]))
    assert doc.blocks[0].text == text


def test_paragraph_split_at_page_break_keeps_unique_pages(tmp_path):
    text = P_A + P_B + P_C
    lines = Column(50, 700, 200).para(text).ops
    cut = 3
    p1, p2 = Page(), Page()
    for i, (x, top, line, size) in enumerate(lines):
        if i < cut:
            p1.text(x, top, line, size)
        else:
            p2.text(x, 100 + (i - cut) * 14, line, size)
    doc = read_pdf(build(tmp_path / "break.pdf", [p1, p2]))
    assert [b.page for b in doc.blocks] == [1, 2]
    assert doc.blocks[0].text + doc.blocks[1].text == text
    assert [i for i, b in enumerate(doc.blocks) if b.continues] == [1]
    assert document_text(doc) == text


TABLE = [["项目", "金额（亿元）", "个数"],
         ["消费帮扶", "3.2", "15"],
         ["产业帮扶", "12.5", "326"],
         ["备注", "按年度汇总", "—"]]


def test_ruled_table_cells_with_headers_and_csv(tmp_path):
    page = Page()
    page.column(Column(50, 100, 450).para(P_A))
    page.text(200, 170, "表1 帮扶资金安排情况", 10)
    page.table(60, 190, [140, 140, 100], TABLE)
    page.column(Column(50, 290, 450).para(P_D))
    doc = read_pdf(build(tmp_path / "table.pdf", [page]))
    assert len(doc.tables) == 1
    assert doc.tables[0].rows == TABLE
    t = doc.tables[0]
    assert (t.id, t.header_rows, t.stub_cols, t.strategy) == ("p1-t1", 1, 1, "lines")
    assert t.caption == "表1 帮扶资金安排情况"
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [(b.text, b.cell) for b in cells] == [
        ("3.2", TableCell("p1-t1", 1, 1, "消费帮扶", "金额", "亿元", None, "消费帮扶 3.2 15", 5)),
        ("15", TableCell("p1-t1", 1, 2, "消费帮扶", "个数", None, None, "消费帮扶 3.2 15", 9)),
        ("12.5", TableCell("p1-t1", 2, 1, "产业帮扶", "金额", "亿元", None, "产业帮扶 12.5 326", 5)),
        ("326", TableCell("p1-t1", 2, 2, "产业帮扶", "个数", None, None, "产业帮扶 12.5 326", 10))]
    for b in cells:
        assert b.table == 0 and b.page == 1 and len(b.char_boxes) == len(b.text)
    # table text does not come out again as paragraphs
    assert not any("消费帮扶" in b.text for b in doc.blocks if b.kind != "table_cell")
    lines = document_text(doc).splitlines()
    assert lines[:3] == [P_A, "表1 帮扶资金安排情况", "项目\t金额（亿元）\t个数"]
    assert lines[-1] == P_D
    assert table_to_csv(doc.tables[0]).splitlines()[1] == "消费帮扶,3.2,15"


@pytest.mark.parametrize("size", [9.0, 10.5, 12.0])
def test_char_boxes_match_text_at_any_size(tmp_path, size):
    page = Page().column(Column(50, 100, 300, size=size, leading=1.5 * size).para(P_B))
    doc = read_pdf(build(tmp_path / "s.pdf", [page]))
    assert doc.blocks[0].text == P_B
    assert len(doc.blocks[0].char_boxes) == len(P_B)
    assert all(box is not None for box in doc.blocks[0].char_boxes)
