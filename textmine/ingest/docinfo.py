"""A text document's title and reference year (docs/claims.md, "Attribution").

The reference year is the year the report is of: a header ``# year=…``, else the title
(``2018年政府工作报告``), else the file name, else the publication date of a header
(``# publish_date=2020-09-02``) or a dated line at the top (the day the report was delivered,
``——2011年3月5日在…会议上``, or the publication date of the page), else the year the text
names most. A plan horizon (``到2020年``) never sets it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..parse.dates import find_dates
from ..parse.tables import table
from ..types import Block, Document
from .layout_margins import issue_date

TITLE_WORDS = ("报告", "公报", "简报", "快报", "通报", "年报", "规划", "纲要", "白皮书", "总结",
               "意见", "方案", "通知", "决定", "要点", "讲话", "政策", "情况", "进展", "发布会")
_NUMBERED = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])")
NOT_TITLE = ("当前位置", "首页", ">>", "来源", "字体", "责任编辑", "新华社", "日电")
HEAD_BLOCKS = 12
# a year, not a horizon (到2025年, 展望2035年, 远景目标2035年) nor a span's first year
_YEAR = re.compile(r"(?<![\d到至比较])(?<!展望)(?<!远景)(?<!\d[~～—–-])(19[5-9]\d|20\d\d)\s*年"
                   r"(?!前(?![一二两三四五六七八九十\d])|以前|之前|[~～—–-])")  # (2023年前三季度: a year)
_PLAN_TITLE = ("规划", "纲要", "计划", "方案")  # a plan's title: its plan period's first year is its year
_YEARS = re.compile(r"\d{4}/\d{4}")  # a span of years, as the date grammar gives it
_DATED = re.compile(r"(19[5-9]\d|20\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_ISO_DAY = re.compile(r"\s*(19[5-9]\d|20\d\d)-\d{2}(?:-\d{2})?\b")  # a header's publish_date
# ... or a scraped page's line of when it was posted (发布时间：2020-05-12 10:30, 日期：2020/5/12)
_POSTED = re.compile(r"(?:发布|日期|时间)\s*[:：]\s*(19[5-9]\d|20\d\d)[-/.]\d{1,2}[-/.]\d{1,2}")


# The last lines of an official document: the issuing body (…人力资源和社会保障厅) and the day
# it was issued (2023年7月12日, 二〇二三年七月十二日). (办公室 covers 人民政府办公室, 局 统计局.)
ISSUER_ENDS = ("人民政府", "委员会", "领导小组", "调查队", "办公室", "厅", "局", "委", "办", "部", "署")


_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")  # (in a file name, a title)
_TOP_HEADINGS = 4  # (the lines over and under a title: its issuer, its date)
_CLAUSE_MARK = re.compile(r"[，。：:；;、,（(]")
# the label of a date line (发布时间：2023年2月16日): the day the document was issued
_DATE_LABELS = ("发布时间", "发布日期", "印发日期", "成文日期")
# a newspaper page's date line: the day with the weekday or the page (星期三, 第2版)
_NEWSPAPER_DATE_LINE = re.compile(r"星期[一二三四五六日天]|第\s*\d{1,3}\s*版")

# the day a report was delivered, in the line under its title: ——2024年7月25日在某省第十四届
# 人民代表大会常务委员会第十次会议上, （2026年1月27日在…大会第四次会议上）
_DELIVERED = re.compile(r"日\s*在[^。，]{2,60}?(?:会议|大会)")  # (after the day: read by _closing_day)


def sign_off(doc: Document) -> None:
    """The issuing body and the issue day from the document's last lines (an official
    document ends with them), where not known already: ``doc.issuer``, ``doc.issue_date``;
    else the day a report was delivered (the line under its title: ——2024年7月25日在…会议上),
    else from a short line near the top that ends with the day (a bulletin's masthead:
    上海市合作交流办公室 2020年9月15日); and, in a file of several issues, the day of each
    (``doc.issues``)."""
    tail = [b.text.strip() for b in doc.blocks[-2:] if b.text.strip()]
    if not tail:
        return
    doc.issues = issue_days(doc)
    _end_lines(doc, tail)
    if doc.issue_date is None:
        _delivered(doc)
    if doc.issue_date is None:
        _masthead(doc)
    if doc.issuer is None:
        doc.issuer = _issuing_line(doc)


def _issuing_line(doc: Document) -> str | None:
    """The issuing body written on a line of its own among the headings that open the
    document, before its first paragraph (甘肃省人民政府新闻办公室 over the title of a press
    conference's transcript); None when there is none."""
    for b in doc.blocks[:_TOP_HEADINGS]:
        if b.kind != "heading":
            return None
        line = unicodedata.normalize("NFKC", b.text).strip()
        if 4 <= len(line) <= 30 and line.endswith(ISSUER_ENDS) and not _CLAUSE_MARK.search(line):
            return line
    return None


def _delivered(doc: Document) -> None:
    """The day the report was delivered to a congress or meeting, from a line near the top
    that is no sentence of the text (the date line under the title, or the title run into
    it: 政府工作报告——2008年3月5日在…会议上)."""
    for b in doc.blocks[:HEAD_BLOCKS * 3]:  # (a scraped page: portal navigation above it)
        line = unicodedata.normalize("NFKC", b.text).strip()
        m = _DELIVERED.search(line) if len(line) <= 120 and "。" not in line else None
        day = _closing_day(line[:m.start() + 1]) if m is not None else None
        if day is not None:
            doc.issue_date = day.value
            return


def _masthead(doc: Document) -> None:
    for b in doc.blocks[1:min(6, len(doc.blocks) - 1)]:  # (the top, not the last line)
        line = unicodedata.normalize("NFKC", b.text).strip()
        if line[:1] == "(" and line[-1:] == ")":
            line = line[1:-1].strip()  # (a date line in brackets: (2023年12月18日))
        if len(line) > 40 or "。" in line:
            continue
        day = _closing_day(line)
        if day is None and _NEWSPAPER_DATE_LINE.search(line):  # (a newspaper's date line:
            doc.issue_date = issue_date([line])              # 2025年12月3日 星期三 第2版 要闻)
            if doc.issue_date is not None:
                return
        if day is not None:
            rest = line[:day.start].strip()
            if rest.rstrip("：: ").endswith(_DATE_LABELS):  # (发布时间：2023年2月16日)
                doc.issue_date = day.value
                return
            if not rest or rest.endswith(ISSUER_ENDS):
                doc.issue_date = day.value
                doc.issuer = doc.issuer or rest or None
            return


def issue_days(doc: Document) -> list[tuple[int, str]]:
    """The issues of a file that holds several (a bulletin's 第12期, 第13期, … one after the
    other, each under its masthead: 某某办公室　2020年4月30日): (the index of the masthead's
    block, the day it was issued), in order; [] for a file of one issue."""
    found: list[tuple[int, str]] = []
    for i, b in enumerate(doc.blocks):
        line = b.text.strip()
        if not line.endswith("日") or len(line) > 60 or "。" in line:
            continue  # (most blocks: known without the date grammar)
        line = unicodedata.normalize("NFKC", line)
        day = _closing_day(line)
        rest = line[:day.start].strip() if day is not None else ""
        if day is not None and rest.endswith(ISSUER_ENDS):
            found.append((i, str(day.value)))
    return found if len({d for _, d in found}) > 1 else []


def _end_lines(doc: Document, tail: list[str]) -> None:
    last = unicodedata.normalize("NFKC", tail[-1]).rstrip()
    day = _closing_day(last)  # (the lines may run together)
    rest = last[:day.start] if day else last
    if not rest.strip() and len(tail) > 1:
        rest = tail[-2]
    body = re.split(r"[。！？；!?;]", rest)[-1].strip()  # (after the last sentence)
    if body and len(body) <= 40 and body.endswith(ISSUER_ENDS) and not re.search("[，：:]", body):
        doc.issuer = doc.issuer or body
        if day is not None:
            doc.issue_date = doc.issue_date or day.value


def _closing_day(line: str):
    """The day written out (…年…月…日, in digits or Chinese numerals) that ends ``line``, as
    the project's date grammar reads it; None when the line does not end with one."""
    if not line.endswith("日"):
        return None  # (at once: most lines end otherwise)
    found = find_dates(line, None)
    d = found[-1] if found else None
    if d is None or d.end != len(line) or len(str(d.value)) != 10:
        return None
    written = line[d.start:d.end]
    return d if "年" in written and written.endswith("日") else None


def report_title(blocks: list[Block]) -> str | None:
    """The first heading near the top that names a report (政府工作报告, 统计公报), else the
    first heading that is not page furniture (navigation, source lines, datelines)."""
    head = [b for b in blocks[:HEAD_BLOCKS] if not any(w in b.text for w in NOT_TITLE)
            and not b.text.rstrip().endswith("。") and not _NUMBERED.match(b.text)]
    for b in head:
        if names_report(b.text):
            return b.text.strip()
    return next((b.text.strip() for b in head if _heading_like(b)), None)


def names_report(title: str | None) -> bool:
    return bool(title) and len(title) <= 80 and any(w in title for w in TITLE_WORDS)


def _heading_like(b: Block) -> bool:
    return b.kind in ("heading", "title") or len(b.text) <= 40


def reference_year(doc_id: str, title: str | None, header: dict[str, str],
                   head: list[str], text: str, *, trust_title: bool = False) -> tuple[int | None, str]:
    """(year, source) with source header | title | filename | masthead | text | unknown.
    ``trust_title``: the title was found by layout (a PDF's largest line), not guessed."""
    y = (header or {}).get("year", "")
    if y.isdigit() and 1900 <= int(y) <= 2200:
        return int(y), "header"
    recorded = _yearbook_year(title)
    if recorded is not None:
        return recorded, "title"
    if title and (trust_title or names_report(title)):
        years = [int(m.group(1)) for m in _YEAR.finditer(unicodedata.normalize("NFKC", title))]
        if years:
            return _title_year(years, head), "title"
    plan = _plan_start(title)
    if plan is not None:
        return plan, "title"
    m = _FOUR_DIGIT_YEAR.search(doc_id)
    if m:
        return int(m.group(1)), "filename"
    for line in ((header or {}).get("publish_date", ""), (header or {}).get("date", ""), *head):
        line = unicodedata.normalize("NFKC", line)
        m = _DATED.search(line) or _ISO_DAY.match(line) or _POSTED.search(line)
        if m:
            return int(m.group(1)), "masthead"
    return _most_named_year(text)


def _yearbook_year(title: str | None) -> int | None:
    """The year a yearbook records: the year before the one its title names (某县年鉴（2021）
    records 2020, as yearbooks do); None for other titles."""
    if not title or _YEARBOOK not in title:
        return None
    m = _FOUR_DIGIT_YEAR.search(unicodedata.normalize("NFKC", title))
    return int(m.group(1)) - 1 if m else None


_YEARBOOK = "年鉴"


def _title_year(years: list[int], head: list[str]) -> int:
    """The year of a title naming ``years``: the first, or the next year it names too when a
    head line dates the document in that one (…2022年…执行情况与2023年…草案的报告, ——2023年1月9日
    在…会议上: the year it is delivered in, whose report it is; 2023年工作总结和2024年工作安排
    written at the end of 2023: 2023)."""
    if len(years) > 1 and years[1] == years[0] + 1 and any(
            (m := _DATED.search(unicodedata.normalize("NFKC", line))) and int(m.group(1)) == years[1]
            for line in head[:4]):
        return years[1]
    return years[0]


def _plan_start(title: str | None) -> int | None:
    """The first year of the plan period a plan's title names (“十四五”…规划 -> 2021;
    …三年行动实施方案（2023—2025年） -> 2023)."""
    if not title or not any(w in title for w in _PLAN_TITLE) or evaluates_plan(title):
        return None  # (…规划纲要实施中期评估报告: the year it is written in, not the plan's first)
    years = next((str(d.value) for d in find_dates(unicodedata.normalize("NFKC", title), None)
                  if _YEARS.fullmatch(str(d.value))), None)  # (2023—2025年: 2023/2025)
    if years is not None and years[:4] < years[5:]:
        return int(years[:4])
    m = _plan_period().search(re.sub(r"第([一二三四五六七八九十]+)个五年", r"\1五", title))
    return table("attribution")["time"]["plans"][m.group()] if m else None


def evaluates_plan(title: str) -> bool:
    """Whether a title names a report on how a plan went (…规划纲要实施中期评估报告)."""
    return any(w in title for w in table("attribution")["document"]["plan_reviews"])


@lru_cache(maxsize=1)
def _plan_period() -> re.Pattern:
    names = sorted(table("attribution")["time"]["plans"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _most_named_year(text: str) -> tuple[int | None, str]:
    # (not 到2025年: a horizon; not 比2020年: a comparison base)
    years = [int(m.group(1)) for m in _YEAR.finditer(text[:20000])]
    if not years:
        return None, "unknown"
    counts = {y: years.count(y) for y in set(years)}
    top = max(counts.values())
    return max(y for y, c in counts.items() if c >= max(2, top // 3) or c == top), "text"
