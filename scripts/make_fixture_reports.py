#!/usr/bin/env python
"""Generate small reports in the style of aid bulletins, with planted figures.

    python scripts/make_fixture_reports.py planted OUT_DIR [--pdf p1]
    python scripts/make_fixture_reports.py corpus OUT_DIR -n 1000 [--seed 0]

``planted`` writes five reports whose figures agree or disagree on purpose (between reports:
same indicator, region and period; within a report: rates, parts and shares) and
``planted.json`` listing what a correct checker must find. ``corpus`` writes many random
reports for benchmarks. Every sentence here is written for this project. Each report also
comes with the claims it plants (``Report.claims``), so the store can be tested without the
extractor. PDFs use reportlab's built-in CID font STSong-Light (no font files needed).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textmine.types import Claim, Document  # noqa: E402

D = Decimal


@dataclass
class Fig:
    """A planted figure: text as written and its contract normalisation."""
    text: str
    kind: str
    value: Decimal | str
    unit: str
    indicator: str
    qualifier: str = "exact"
    lower: Decimal | None = None
    upper: Decimal | None = None
    exact_bounds: bool = True  # lower = upper = value when qualifier is exact

    def bounds(self) -> tuple:
        if self.qualifier == "exact" and self.exact_bounds and self.kind != "date":
            return self.value, self.value
        return self.lower, self.upper


def money(text, yuan, indicator, q="exact", lo=None, hi=None):
    return Fig(text, "money", D(yuan), "元", indicator, q, lo and D(lo), hi and D(hi))


def count(text, n, unit, indicator, q="exact", lo=None, hi=None):
    return Fig(text, "count", D(n), unit, indicator, q, lo and D(lo), hi and D(hi))


def pct(text, v, indicator):
    return Fig(text, "percent", D(v), "%", indicator)


def date(text, iso, indicator, q="exact"):
    return Fig(text, "date", iso, "date", indicator, q, exact_bounds=False)


@dataclass
class Report:
    name: str
    title: str
    year: int
    paragraphs: list[list[list]] = field(default_factory=list)  # paragraph -> sentence -> parts

    def text(self) -> str:
        lines = [self.title, ""]
        for para in self.paragraphs:
            lines.append("".join("".join(p if isinstance(p, str) else p.text for p in s)
                                 for s in para))
            lines.append("")
        return "\n".join(lines)

    def claims(self) -> list[Claim]:
        out, index = [], 0
        for para in self.paragraphs:
            for parts in para:
                sentence = "".join(p if isinstance(p, str) else p.text for p in parts)
                pos = 0
                for p in parts:
                    if isinstance(p, Fig):
                        lo, hi = p.bounds()
                        out.append(Claim(self.name, None, sentence, pos, pos + len(p.text),
                                         p.text, p.kind, p.value, p.unit, p.qualifier, lo, hi,
                                         p.indicator, sentence_index=index))
                    pos += len(p if isinstance(p, str) else p.text)
                index += 1
        return out

    def document(self) -> Document:
        from textmine.types import Block
        blocks = [Block(self.title, "title")] + [
            Block("".join("".join(p if isinstance(p, str) else p.text for p in s) for s in para))
            for para in self.paragraphs]
        return Document(self.name, blocks, year=self.year, year_source="title", title=self.title)


# ---------------------------------------------------------------- planted reports

def planted_reports() -> tuple[list[Report], dict]:
    """Five reports and what must be found (``expected``)."""
    r1 = Report("p1", "北京市扶贫协作工作简报（2020年第7期）", 2020, [
        [["资金项目方面，本年度到位帮扶资金", money("54.52亿元", 5452000000, "到位帮扶资金"),
          "，安排项目", count("845个", 845, "个", "安排项目"), "，已开工",
          count("796个", 796, "个", "已开工"), "，开工率", pct("94.2%", "94.2", "开工率"), "。"]],
        [["产业合作持续深化，援建扶贫车间", count("326个", 326, "个", "扶贫车间"),
          "，带动贫困人口", count("44624人", 44624, "人", "带动贫困人口"), "就近务工。"],
         ["各区组织线上线下招聘活动", count("200余场", 200, "场", "招聘会", "over", 200, 300),
          "，帮助贫困劳动力就业", count("5万多人", 50000, "人", "帮助贫困劳动力就业", "over", 50000, 60000),
          "。"]],
        [["消费帮扶渠道更加畅通，销售扶贫产品", money("113亿元", 11300000000, "销售扶贫产品"),
          "，采购农副产品", money("8000万元", 80000000, "采购农副产品"), "，其中贫困户产品",
          money("6000万元", 60000000, "贫困户产品"), "，占", pct("75%", "75", "占比"), "。"],
         ["开展职业技能培训", count("2600人次", 2600, "人次", "职业技能培训"), "，其中线上培训",
          count("1100人次", 1100, "人次", "线上培训"), "、线下培训",
          count("1400人次", 1400, "人次", "线下培训"), "。"]],
        [["社会各界踊跃参与，结对帮扶贫困村", count("118个", 118, "个", "结对帮扶贫困村"),
          "，捐款捐物", money("2亿多元", 200000000, "捐款捐物", "over", 200000000, 300000000), "。"],
         ["截至", date("6月底", "2020-06", "选派干部", "end"), "，累计选派干部",
          count("360名", 360, "名", "选派干部"), "。"]],
    ])
    r2 = Report("p2", "北京市东西部扶贫协作进展情况（2020年12月）", 2020, [
        [["全年到位帮扶资金", money("54.5亿元", 5450000000, "到位帮扶资金"),
          "，安排项目", count("845个", 845, "个", "安排项目"), "，已开工",
          count("796个", 796, "个", "已开工"), "，开工率", pct("94.2%", "94.2", "开工率"), "。"]],
        [["扶贫车间建设稳步推进，建成扶贫车间", count("298个", 298, "个", "扶贫车间"),
          "，带动贫困人口", count("4.1万人", 41000, "人", "带动贫困人口"), "。"],
         ["举办招聘会", count("230场", 230, "场", "招聘会"), "，帮助贫困劳动力就业",
          count("52310人", 52310, "人", "帮助贫困劳动力就业"), "。"]],
        [["销售扶贫产品", money("超过120亿元", 12000000000, "销售扶贫产品", "over", 12000000000, None),
          "，采购农副产品", money("8000万元", 80000000, "采购农副产品"), "。"],
         ["开展职业技能培训", count("2600人次", 2600, "人次", "职业技能培训"), "。"]],
        [["结对帮扶贫困村", count("约120个", 120, "个", "结对帮扶贫困村", "about", 108, 132),
          "，社会捐赠款物", money("2.6亿元", 260000000, "捐款捐物"), "。"],
         ["截至", date("6月底", "2020-06", "选派干部", "end"), "，累计选派干部",
          count("360余名", 360, "名", "选派干部", "over", 360, 370), "。"]],
    ])
    # within-report errors; period 2019, so its figures meet no 2020 figure
    r3 = Report("p3", "北京市扶贫协作工作简报（2019年第4期）", 2019, [
        [["资金项目方面，安排项目", count("620个", 620, "个", "安排项目"), "，已开工",
          count("540个", 540, "个", "已开工"), "，开工率", pct("91.3%", "91.3", "开工率"), "。"],
         ["新建扶贫车间", count("40个", 40, "个", "新建扶贫车间"), "，已投产",
          count("36个", 36, "个", "已投产"), "，投产率", pct("90%", "90", "投产率"), "。"]],
        [["开展职业技能培训", count("2600人次", 2600, "人次", "职业技能培训"), "，其中线上培训",
          count("1700人次", 1700, "人次", "线上培训"), "、线下培训",
          count("1200人次", 1200, "人次", "线下培训"), "。"],
         ["采购农副产品", money("8000万元", 80000000, "采购农副产品"), "，其中贫困户产品",
          money("6000万元", 60000000, "贫困户产品"), "，占", pct("65%", "65", "占比"), "。"]],
    ])
    # another region (from the title): different figures, no conflict with p1/p2
    r4 = Report("p4", "内蒙古自治区东西部扶贫协作工作简报（2020年）", 2020, [
        [["全年到位帮扶资金", money("21.3亿元", 2130000000, "到位帮扶资金"), "，建成扶贫车间",
          count("95个", 95, "个", "扶贫车间"), "，带动贫困人口", count("9800人", 9800, "人", "带动贫困人口"),
          "。"]],
    ])
    # same region, earlier period named in the sentence: no conflict with p1/p2
    r5 = Report("p5", "北京市扶贫协作半年工作情况（2020年7月）", 2020, [
        [[date("上半年", "2020-01/2020-06", "扶贫车间", "range"), "，建成扶贫车间",
          count("150个", 150, "个", "扶贫车间"), "，带动贫困人口", count("2.2万人", 22000, "人", "带动贫困人口"),
          "。"]],
    ])
    expected = {
        "between_reports": [
            {"docs": ["p1", "p2"], "texts": ["326个", "298个"]},
            {"docs": ["p1", "p2"], "texts": ["44624人", "4.1万人"]},
            {"docs": ["p1", "p2"], "texts": ["113亿元", "超过120亿元"]},
        ],
        "within_report": [
            {"docs": ["p3"], "texts": ["540个", "620个", "91.3%"]},
            {"docs": ["p3"], "texts": ["2600人次", "1700人次", "1200人次"]},
            {"docs": ["p3"], "texts": ["6000万元", "8000万元", "65%"]},
        ],
        "consistent_between": [
            ["54.52亿元", "54.5亿元"], ["5万多人", "52310人"], ["200余场", "230场"],
            ["118个", "约120个"], ["2亿多元", "2.6亿元"], ["360名", "360余名"],
            ["94.2%", "94.2%"], ["8000万元", "8000万元"],
        ],
        "confirmed_within": [
            {"docs": ["p1"], "texts": ["796个", "845个", "94.2%"]},
            {"docs": ["p3"], "texts": ["36个", "40个", "90%"]},
        ],
    }
    return [r1, r2, r3, r4, r5], expected


# ---------------------------------------------------------------- random corpus

REGIONS = ["河北省", "内蒙古自治区", "张家口市", "承德市", "赤峰市", "和田地区", "拉萨市", "玉树州"]


def random_report(i: int, rng: random.Random) -> Report:
    year = rng.choice([2018, 2019, 2020])
    region = rng.choice(REGIONS)
    funds = rng.randint(1000, 9999)
    projects = rng.randint(100, 2000)
    started = rng.randint(projects // 2, projects)
    rate = (Decimal(started) * 100 / projects).quantize(Decimal("0.01"))
    shops = rng.randint(10, 400)
    people = rng.randint(1000, 90000)
    fairs = rng.randint(2, 9) * 100
    train = rng.randint(500, 5000)
    online = rng.randint(0, train // 2)
    paras = [
        [[f"{region}资金项目方面，到位帮扶资金", money(f"{funds / 100:.2f}亿元", funds * 1000000, "到位帮扶资金"),
          "，安排项目", count(f"{projects}个", projects, "个", "安排项目"), "，已开工",
          count(f"{started}个", started, "个", "已开工"), "，开工率", pct(f"{rate}%", rate, "开工率"), "。"]],
        [["产业帮扶有序推进，建成扶贫车间", count(f"{shops}个", shops, "个", "扶贫车间"),
          "，带动贫困人口", count(f"{people}人", people, "人", "带动贫困人口"), "。"],
         ["组织招聘活动", count(f"{fairs}余场", fairs, "场", "招聘会", "over", fairs, fairs + 100),
          "，开展职业技能培训", count(f"{train}人次", train, "人次", "职业技能培训"), "，其中线上培训",
          count(f"{online}人次", online, "人次", "线上培训"), "。"]],
        [["消费帮扶方面，销售扶贫产品", money(f"{people % 97 + 3}亿元", (people % 97 + 3) * 100000000, "销售扶贫产品"),
          "，设立消费扶贫专柜", count(f"{shops * 3}个", shops * 3, "个", "消费扶贫专柜"), "。"]],
    ]
    return Report(f"r{i:05d}", f"{region}扶贫协作工作简报（{year}年第{i % 12 + 1}期）", year, paras)


def corpus_reports(n: int, seed: int = 0) -> list[Report]:
    rng = random.Random(seed)
    return [random_report(i, rng) for i in range(n)]


# ---------------------------------------------------------------- writing

def write_text(report: Report, out_dir: Path) -> Path:
    path = out_dir / f"{report.name}.txt"
    path.write_text(report.text(), encoding="utf-8")
    return path


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters that never split a number (1,234.5 / 54.52)."""
    lines, start = [], 0
    while len(text) - start > width:
        cut = start + width
        while cut > start + 1 and _numeric(text[cut - 1]) and _numeric(text[cut]):
            cut -= 1
        while cut < len(text) and text[cut] in NO_LINE_START:
            cut += 1  # kinsoku: punctuation stays at the end of the line
        lines.append(text[start:cut])
        start = cut
    lines.append(text[start:])
    return lines


NO_LINE_START = "，。、；：？！）》”%"


def _numeric(ch: str) -> bool:
    return ch.isdigit() or ch in ".,%"


def write_pdf(report: Report, out_dir: Path, *, chars_per_line: int = 32) -> Path:
    """A one-column A4 PDF with the report's title and paragraphs (text layer, CID font)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = out_dir / f"{report.name}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    right = 72 + 12 * chars_per_line + 24  # right edge of the text column
    y = height - 120  # below the top margin band that readers drop as running headers
    c.setFont("STSong-Light", 16)
    c.drawString(72, y, report.title)
    y -= 36
    c.setFont("STSong-Light", 12)
    for para in report.text().split("\n")[2:]:
        if not para:
            continue
        lines = wrap(para, chars_per_line)
        for k, line in enumerate(lines):
            if y < 72:
                c.showPage()
                c.setFont("STSong-Light", 12)
                y = height - 120
            x = 72 + (24 if k == 0 else 0)
            t = c.beginText(x, y)
            t.setFont("STSong-Light", 12)
            if k < len(lines) - 1 and len(line) > 1:  # justified, as printed reports are
                natural = pdfmetrics.stringWidth(line, "STSong-Light", 12)
                t.setCharSpace((right - x - natural) / (len(line) - 1))
            t.textOut(line)
            c.drawText(t)
            y -= 20
        y -= 8
    c.save()
    return path


def write_planted(out_dir: Path, pdf: tuple[str, ...] = ()) -> tuple[list[Path], dict]:
    out_dir.mkdir(parents=True, exist_ok=True)
    reports, expected = planted_reports()
    paths = [write_pdf(r, out_dir) if r.name in pdf else write_text(r, out_dir) for r in reports]
    (out_dir / "planted.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    return paths, expected


def write_corpus(out_dir: Path, n: int, seed: int = 0) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_text(r, out_dir) for r in corpus_reports(n, seed)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("planted", help="reports with planted (in)consistent figures")
    p.add_argument("out_dir", type=Path)
    p.add_argument("--pdf", nargs="*", default=[], help="report names to write as PDF (p1 ...)")
    c = sub.add_parser("corpus", help="many random small reports")
    c.add_argument("out_dir", type=Path)
    c.add_argument("-n", type=int, default=1000)
    c.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if a.cmd == "planted":
        paths, _ = write_planted(a.out_dir, tuple(a.pdf))
    else:
        paths = write_corpus(a.out_dir, a.n, a.seed)
    print(f"{len(paths)} reports -> {a.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
