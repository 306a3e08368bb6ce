"""Write examples/bulletin.pdf and examples/bulletin.txt: a two-page, two-column work
bulletin (masthead with issue date, running header and footer, one ruled table) in the
style of a municipal paired-assistance bulletin. All text is written for this example.

    python examples/make_example.py
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = A4
HERE = Path(__file__).resolve().parent
MASTHEAD = "东西部协作工作简报"
ISSUE = "2021年第6期 2021年7月8日"
HEADER = "东西部协作工作简报 · 第6期"
FOOTER = "市对口支援和合作交流办公室编印"

TITLE = "上半年对口帮扶工作稳步推进"
LEAD = "各区各部门克服不利影响，聚焦产业、就业、消费三个重点，上半年各项指标完成进度均超过时间进度。"

PAGE1 = [
    ("h", "一、资金项目加快落地"),
    ("p", "上半年，全市到位财政帮扶资金18.6亿元，完成年度计划的62%，安排帮扶项目412个，已开工386个，开工率达93.7%。"
          "区级层面新增投入资金3.2亿元，较去年同期增长15%以上。"),
    ("p", "截至6月底，已完工项目218个，带动受援地区脱贫人口2.4万余人增收，项目资产确权登记工作同步推进。"),
    ("h", "二、产业合作不断深化"),
    ("p", "引导47家企业到协作地区投资兴业，实际到位投资约26亿元，新建帮扶车间35个，吸纳当地群众就业1800多人。"
          "3月12日，两地共同举办产业合作推介会，现场签约项目16个，协议金额超过40亿元。"),
    ("p", "共建产业园区9个，入驻企业近百家，园区上半年实现产值12.8亿元。"),
    ("t", "表1 上半年帮扶资金项目进展"),
    ("table", [["指标", "完成数", "完成进度"],
               ["到位财政帮扶资金", "18.6亿元", "62%"],
               ["安排帮扶项目", "412个", "58%"],
               ["已开工项目", "386个", "93.7%"],
               ["新建帮扶车间", "35个", "70%"]]),
    ("h", "三、劳务协作提质增效"),
    ("p", "举办线上线下招聘会58场，提供就业岗位3.5万个，帮助受援地区农村劳动力转移就业6200余人，"
          "其中到本市就业1300多人。开展职业技能培训120期，培训4500人次。"),
]

PAGE2 = [
    ("p", "建立就业服务站点24个，为返乡务工人员提供政策咨询、岗位推荐等服务，全年稳岗目标确定为1万人以上。"),
    ("h", "四、消费帮扶持续发力"),
    ("p", "在商超和社区设立消费帮扶专柜260个，上线协作地区特色产品800多种，上半年销售农特产品9.3亿元，"
          "同比增长近三成。预算单位预留采购份额不低于30%，已完成采购1.6亿元。"),
    ("p", "组织开展“帮扶产品进社区”活动40场，参与群众超过5万人次。"),
    ("h", "五、社会力量广泛参与"),
    ("p", "动员112家民营企业结对帮扶156个村，捐款捐物折合人民币约8500万元；"
          "组织医疗、教育专家320名赴受援地区开展帮扶，接收受援地区干部来京挂职培训95名。"),
    ("h", "六、下一步工作安排"),
    ("p", "下半年将加快资金拨付和项目建设，力争9月底前项目全部开工，年底前完成全部年度任务；"
          "持续做好稳岗就业，确保脱贫人口务工规模不低于上年。"),
]


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Lines of ``text`` that fit ``width`` points in FONT at ``size`` (the first line
    ``indent`` points narrower); also used by the tests' PDF builder (tests/pdfgen.py)."""
    lines, cur, avail = [], "", width - indent
    for ch in text:
        if pdfmetrics.stringWidth(cur + ch, FONT, size) > avail and cur:
            lines.append(cur)
            cur, avail = "", width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


class Layout:
    """Flows items down the left column, then the right one."""

    def __init__(self, c: canvas.Canvas, top: float, cols=((50, 232), (313, 232)), bottom=780.0,
                 next_page=None):
        self.c, self.cols, self.col, self.y, self.bottom = c, cols, 0, top, bottom
        self.top, self.next_page = top, next_page

    def _room(self, h: float) -> None:
        if self.y + h > self.bottom:
            self.col += 1
            self.y = self.top
            if self.col >= len(self.cols):
                self.col, self.top = 0, self.next_page()
                self.y = self.top

    def text(self, x: float, top: float, s: str, size: float) -> None:
        self.c.setFont(FONT, size)
        self.c.drawString(x, H - top - 0.88 * size, s)

    def para(self, s: str, size=10.5, leading=18.0) -> None:
        x, w = self.cols[self.col]
        for i, line in enumerate(wrap(s, w, size, 2 * size)):
            self._room(leading)
            x, w = self.cols[self.col]
            self.text(x + (2 * size if i == 0 else 0), self.y, line, size)
            self.y += leading
        self.y += 2

    def heading(self, s: str, size=11.5) -> None:
        self._room(2.2 * size)
        x, _ = self.cols[self.col]
        self.y += 0.4 * size
        self.text(x, self.y, s, size)
        self.y += 1.8 * size

    def caption(self, s: str, size=9.5) -> None:
        self._room(2 * size)
        x, w = self.cols[self.col]
        self.text(x + (w - pdfmetrics.stringWidth(s, FONT, size)) / 2, self.y, s, size)
        self.y += 1.6 * size

    def table(self, rows: list[list[str]], size=9.0, row_h=17.0) -> None:
        self._room(row_h * len(rows) + 6)
        x, w = self.cols[self.col]
        widths = [w * 0.46, w * 0.30, w * 0.24]
        xs = [x]
        for cw in widths:
            xs.append(xs[-1] + cw)
        c = self.c
        c.setLineWidth(0.5)
        for i in range(len(rows) + 1):
            c.line(xs[0], H - self.y - i * row_h, xs[-1], H - self.y - i * row_h)
        for xx in xs:
            c.line(xx, H - self.y, xx, H - self.y - len(rows) * row_h)
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                self.text(xs[j] + 4, self.y + i * row_h + (row_h - size) / 2, cell, size)
        self.y += row_h * len(rows) + 8


def furniture(c: canvas.Canvas, page: int) -> None:
    c.setFont(FONT, 8.5)
    c.drawString(50, H - 40, HEADER)
    c.drawRightString(545, H - 40, "2021年7月8日")
    c.setLineWidth(0.6)
    c.line(45, H - 46, 550, H - 46)
    c.line(45, H - 796, 550, H - 796)
    c.drawString(50, H - 810, FOOTER)
    c.drawCentredString(W / 2, H - 810, f"— {page} —")


def write_pdf(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(TITLE)
    # page 1: masthead, title and lead across both columns, then the columns
    c.setFont(FONT, 22)
    c.drawCentredString(W / 2, H - 80, MASTHEAD)
    c.setFont(FONT, 10)
    c.drawCentredString(W / 2, H - 100, ISSUE)
    c.setLineWidth(1.5)
    c.line(45, H - 110, 550, H - 110)
    c.line(45, H - 796, 550, H - 796)
    c.setFont(FONT, 8.5)
    c.drawString(50, H - 810, FOOTER)
    c.drawCentredString(W / 2, H - 810, "— 1 —")
    c.setFont(FONT, 17)
    c.drawCentredString(W / 2, H - 148, TITLE)
    page = [1]

    def next_page() -> float:
        c.showPage()
        page[0] += 1
        furniture(c, page[0])
        lay.bottom = 780.0
        return 70.0

    lay = Layout(c, 190, bottom=560.0, next_page=next_page)
    for line_no, line in enumerate(wrap(LEAD, 492, 10.5, 0)):
        lay.text(50, 165 + 15 * line_no, line, 10.5)
    _flow(lay, PAGE1 + PAGE2)
    c.showPage()
    c.save()


def _flow(lay: Layout, items) -> None:
    for kind, value in items:
        {"h": lay.heading, "p": lay.para, "t": lay.caption, "table": lay.table}[kind](value)


def write_txt(path: Path) -> None:
    out = [TITLE, LEAD]
    for kind, value in PAGE1 + PAGE2:
        if kind == "table":
            out.extend("\t".join(r) for r in value)
        else:
            out.append(value)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_pdf(HERE / "bulletin.pdf")
    write_txt(HERE / "bulletin.txt")
