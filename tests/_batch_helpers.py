"""Helpers for the batch and fault tests (not a test module): a cheap stand-in extractor
(no jieba, spaCy or model: every run of digits of a sentence is a claim) and generated inputs."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from textmine.api import Extractor

_NUM = re.compile(r"\d+(?:\.\d+)?")


class CheapExtractor(Extractor):
    """textmine's own readers, sentences, boxes and batch; claims are the digit runs of each
    sentence (no pipeline, no model). ``TEXTMINE_TEST_DELAY`` (seconds) slows each document
    down (fault tests)."""

    def load(self):
        return self

    def unlabelled_claims(self, doc, with_tokens=True, sentences=None):
        import os
        import time
        from textmine.nlp.sentences import bbox_of
        from textmine.types import Claim
        time.sleep(float(os.environ.get("TEXTMINE_TEST_DELAY", "0")))
        out = []
        for sent in sentences:
            for m in _NUM.finditer(sent.text):
                out.append(Claim(doc=doc.doc_id, page=sent.page, sentence=sent.text,
                                 start=m.start(), end=m.end(), text=m.group(), kind="count",
                                 value=Decimal(m.group()), unit="个", qualifier="exact",
                                 lower=None, upper=None, indicator="",
                                 bbox=bbox_of(doc, sent, m.start(), m.end()) if doc.blocks
                                 else None, sentence_index=sent.index))
        return out, []


def cheap_factory(opts):
    return CheapExtractor(classify=False)


_WORDS = ["全年新增就业岗位", "帮扶资金到位", "培训农村劳动力", "建成产业园区", "采购农产品",
          "新建学校", "完成投资", "接收务工人员"]
_UNITS = ["个", "万元", "人次", "所", "亿元", "家"]


def report_text(seed: int, paragraphs: int = 6) -> str:
    """A short made-up bulletin in the style of a work report (written for the tests)."""
    lines = [f"第{seed % 9 + 1}号工作简报", ""]
    for k in range(paragraphs):
        w = _WORDS[(seed + k) % len(_WORDS)]
        u = _UNITS[(seed * 3 + k) % len(_UNITS)]
        n = (seed * 37 + k * 101) % 9000 + 12
        lines.append(f"截至{2019 + k % 3}年底，{w}{n}{u}，比上年增长{(seed + k) % 30 + 1}.5%。")
    return "\n".join(lines) + "\n"


def make_text_batch(folder: Path, n: int, start: int = 0, paragraphs: int = 6) -> list[Path]:
    """``n`` reports of ``paragraphs`` lines (about 33 characters each)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"report-{i:04d}.txt"
        p.write_text(report_text(i, paragraphs), encoding="utf-8")
        out.append(p)
    return out


def make_pdf(path: Path, pages: int, seed: int = 0, paras: int = 3) -> Path:
    """A PDF of ``pages`` pages: title, running header and page number, ``paras`` paragraphs
    with numbers, a ruled table on every third page, a paragraph that runs over the page break."""
    from pdfgen import Column, Page, build
    out = []
    for p in range(pages):
        pg = Page()
        pg.text(60, 30, "某某县乡村振兴工作简报", 8).hline(50, 545, 44)
        col = Column(60, 70, 470)
        if p == 0:
            col.heading("关于帮扶工作进展情况的通报", 16)
        for k in range(paras):
            n = 1 if paras <= 3 else 3  # dense pages: three sentences a paragraph
            col.para("".join(report_text(seed + p * paras + k + j, 1).splitlines()[-1]
                             for j in range(n)))
        if p % 3 == 1:
            pg.column(col)
            pg.table(60, col.y + 20, [120, 120, 120],
                     [["项目", "计划", "完成"], ["新建厂房", f"{p + 10}个", f"{p + 8}个"],
                      ["培训人次", f"{p * 100 + 50}", f"{p * 90 + 40}"]])
        else:
            col.para("本页最后一段说明后续安排，各乡镇将继续推进项目建设并按月报送进展，其中" if
                     p < pages - 1 else "全年工作按计划完成。")
            pg.column(col)
        pg.text(290, 800, f"- {p + 1} -", 9)
        out.append(pg)
    return build(path, out)
