"""What the whole document says about its figures: its region, its kind, and the time each
part and paragraph of it is about.

* region: a header line (``# region=`` or ``# province=``), else the place named in the
  title, else the issuing body (国务院 and the national congress -> 全国), else the first
  place named in the opening lines. News datelines (新华社北京3月5日电), meeting places and
  photo credits are never read (``[document].not_region_lines``).
* parts: a work report is cut into numbered parts (``一、2017年工作回顾``, ``二、2018年工作总体部署``);
  each part is a review (of the past) or forward-looking (targets and tasks), with the time
  its heading names. Within a part, a lead-in heading (``五年来，我们主要做了以下工作：``) and
  a paragraph that opens with a time word (``五年来，…``) narrow the time further.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from ..nlp.indicator import DATELINE
from ..parse.dates import find_dates
from ..parse.tables import alternation, searchers, table
from ..types import Block, Document
from .gazetteer import NATIONAL, Gazetteer, Region
from .timewords import Cue, TimeWords, label
from .townships import township

_D = table("attribution")["document"]
TIME_LEAD = re.compile(r"年|月|以来|季度")  # (a phrase of time opening a sentence)
_BRACKETED = re.compile(_D["bracketed_heading"])  # (【下一步工作】: a bulletin's part)
# where a year the document is about comes from (its title, its file's name, a header line),
# not a masthead's or the text's most named year: a summary so dated reports on that year
_OWN_YEAR = ("title", "filename", "header")
_YEAR_FIRST = re.compile(r"(?:19|20)\d\d年")  # (天荒坪镇2023年工作总结: a township's title)
# a list marker and a name alone, then the end of a heading or the first sentence of a paragraph
# (（一）三台县。一是…; （二）江油市)
_DIVISION_PART = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|"
                            r"\d{1,2}[.．、])\s*([\u4e00-\u9fff]{2,12}?)\s*(?:([。：:])|$)")
_NO_NAME = "全我本各该某"  # (全市, 某镇: no name, a name left out)
_OWN = "我"  # (我省, 我市: the author's own division)
_OWN_BELOW = "市州县区盟旗"  # (the last words of the divisions below a province)
_EARLY_MONTHS = 3  # (a document issued by March reports on no year of its own yet)
_LATE_MONTH = 10  # (... one issued from October on reports on its own year, nearly over)
_MONTH_OF = re.compile(r"\d{4}-\d{2}")  # (a month's date value)
_MONTH_RELEASE = tuple(table("attribution")["document"]["month_release"])
_TITLE_EVENTS = tuple(table("attribution")["document"]["title_events"])
_DELIVERED = re.compile(r"(\d{4})年(\d{1,2})月\d{1,2}日在")  # (the day a report was delivered)
# a lead that opens with the day of the event it reports (2021年7月16日上午，省政府新闻办举行…)
_DAY_LEAD = re.compile(r"(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?[，,]")


@dataclass(frozen=True)
class Part:
    heading: str
    kind: str              # review | forward | other
    cue: Cue | None        # the time the heading names
    also: Cue | None = None  # another time it names (一、2025年和“十四五”时期工作回顾: the
    #                          plan period besides the year), which a paragraph may turn to
    named: bool = True     # its heading names its time (else ``cue`` is the default)
    months: str | None = None  # the part of its year its heading names (三、2023年上半年预算执行
    #                            情况: 2023-01/2023-06), the period of its figures that name none


_IMPLICIT = "(no part headings)"


@dataclass
class BlockTime:
    """The time context of one block (or sentence): its part and the cue that governs it."""
    part: Part | None
    cue: Cue | None        # the narrowest cue (paragraph, lead-in heading or part)
    source: str            # section | none
    targets: bool = False  # within a list of targets (主要预期目标是：A；B；C。)
    place: Region | None = None  # the place the heading above it opens with, in a document
    #                              whose title names none (a news page: 贵州 易地搬迁群众…)


def speaking_year(part: Part | None, year: int | None, issued: str | None = None) -> int | None:
    """The year relative words (今年, 去年) count from in ``part``: the year after the
    document's that a forward part's heading names (二、2024年工作计划 of a 2023年工作总结和2024年
    工作计划: 今年 there is 2024), else the document's ``year`` (also under a heading that
    names the year by a relative word, 四、明年工作目标: its 明年 is the heading's; and where
    the document was issued in its own year, ``issued``: in December 2023, 明年 is 2024 under
    九、2024年工作目标 too)."""
    cue = part.cue if part is not None else None
    if year is not None and cue is not None and part.kind == "forward" and \
            cue.first == cue.last == year + 1 and cue.kind != "relative" and \
            (issued or "")[:4] != str(year):
        return cue.first
    return year


@dataclass
class DocumentFacts:
    year: int | None
    region: Region | None
    region_source: str      # header | title | issuer | masthead | text | none
    kind: str               # work_report | bulletin | plan | other
    blocks: list[BlockTime] = field(default_factory=list)
    issued: str | None = None  # the day the document was issued (ISO), when known
    span: str | None = None    # the part of its year the title names (2023年1-10月…运行情况:
    #                            ``2023-01/2023-10``): the period of figures that name no time
    ahead: bool = False        # its title names the work planned for its year (工作要点): its
    #                            parts but a review look ahead
    opens_year: bool = False   # delivered at the start of its year (a work report): what is
    #                            counted to date counts to the end of the year before
    township: str | None = None  # the township under the county ``region`` that issues it
    #                              (营山县金凤岭镇人民政府): its figures that name no place are its


_WIDE = re.compile("[\uff00-\uffef\u3000]")
_SENTENCE_END = re.compile("[。！？!?]")
_FIRST_CLAUSE = re.compile("[^，,：:。；]*")
_SHORT_HEADING = re.compile(r"([\u4e00-\u9fff]{2,4})[：:]")  # (榕江：百香果铺就致富路)


def _leads_in(block: Block, title: str | None) -> bool:
    """A heading or a line that ends with a colon (五年来，我们主要做了以下工作：), but not the
    title: it names the report's year, not a part of it."""
    return (block.kind == "heading" or block.text.rstrip().endswith(("：", ":"))) and \
        not (block.kind == "title" or block.text.strip() == (title or "").strip())


def _years(cue: Cue | None) -> tuple[int, int] | None:
    return (cue.first, cue.last) if cue is not None else None


def title_span(title: str | None, year: int | None) -> str | None:
    """The months of the document's year its title names (2023年1-10月遵义市经济运行情况,
    2023年前三季度…, 关于2023年1-6月…的通报): a range within the year, or one month of a
    release of its statistics (2025年10月份全市居民消费价格变动情况); else None."""
    if not title or year is None or "月" not in title and "季" not in title and "半年" not in title:
        return None
    month = any(w in title for w in _MONTH_RELEASE)
    title = _norm(title)
    for d in find_dates(title, year):
        if title.startswith(_TITLE_EVENTS, d.end):
            continue  # (2023年第三季度新闻发布会: the event's name)
        first, _, last = str(d.value).partition("/")
        if d.qualifier == "range" and first[:5] == f"{year}-" and last[:5] == f"{year}-":
            return d.value
        if month and d.qualifier == "exact" and _MONTH_OF.fullmatch(str(d.value)) and \
                first[:5] == f"{year}-":
            return d.value
    return None


def _unnamed_cue(kind: str, year: int | None, reviewed: int | Cue | None, ahead: Cue | None,
                 plan: bool) -> Cue | None:
    """The time of a part whose heading names none (``DocumentReader.part_of``): a review's
    year before (``reviewed``), a forward part's ``ahead`` or year, a plan's other parts its
    period, and a plan's review (发展基础) the plan period before its own."""
    if plan and kind == "review" and ahead is not None:
        n = ahead.last - ahead.first + 1
        return Cue(ahead.first - n, ahead.first - 1, "plan")
    if year is None:
        return None
    back = year - 1 if reviewed is None else reviewed  # (a Cue: the span of years a summary
    review = back if isinstance(back, Cue) else Cue(back, back, "relative")  # reviews)
    return review if kind == "review" else \
        (ahead or Cue(year, year, "relative")) if kind == "forward" else \
        ahead if plan else None


def _issued_month(doc: Document) -> int | None:
    """The month of its own year the document was issued in; None when issued in another
    year or on no known day."""
    day = doc.issue_date or ""
    return int(day[5:7]) if day[:4] == str(doc.year) and day[5:7].isdigit() else None


def _issued_early(doc: Document) -> bool:
    """Whether the document was issued in the first months of its own year (``_EARLY_MONTHS``)."""
    month = _issued_month(doc)
    return month is not None and month <= _EARLY_MONTHS


def _issued_late(doc: Document) -> bool:
    """Whether the document was issued in the last quarter of its own year (``_LATE_MONTH`` on)."""
    month = _issued_month(doc)
    return month is not None and month >= _LATE_MONTH


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s) if s and _WIDE.search(s) else (s or "")


@dataclass
class DocumentReader:
    gazetteer: Gazetteer
    times: TimeWords
    rules: dict
    numbered: re.Pattern
    has: dict = field(default_factory=dict)  # [parts] word list name -> search of its words
    opens_part: re.Pattern | None = None     # ``numbered`` after any leading white space
    not_region: object = None                # search of [document].not_region_lines
    _leads: dict = field(default_factory=dict, repr=False)  # (text[:40], year) -> lead_cue's

    def __post_init__(self) -> None:
        self.has = searchers(self.rules["parts"])
        self.not_region = searchers(self.rules["document"])["not_region_lines"]
        self.opens_part = re.compile(r"\s*(?:%s)" % self.numbered.pattern.removeprefix("^"))

    @classmethod
    def load(cls, gazetteer: Gazetteer, times: TimeWords) -> "DocumentReader":
        rules = table("attribution")
        return cls(gazetteer, times, rules, re.compile(rules["parts"]["numbered"]))

    def forget(self) -> None:
        """Drop the lead cues remembered of the paragraphs read so far."""
        self._leads.clear()

    def read(self, doc: Document) -> DocumentFacts:
        head = [b.text for b in doc.blocks[: self.rules["document"]["head_blocks"]]]
        region, source = self.region(doc, head)
        facts = DocumentFacts(doc.year, region, source, self.kind(doc.title, head))
        self.times.through_year = self.reviews_its_year(doc, facts.kind)
        facts.opens_year = self.opens_the_year(doc)
        header = doc.metadata.get("header") or {}
        facts.issued = doc.issue_date or header.get("publish_date") or header.get("date") or None
        facts.blocks = self.outline(doc, doc.year, facts.kind)
        if source in ("text", "none", "masthead"):  # (a page of articles: each its place's)
            self._heading_places(doc, facts.blocks, region, news=source == "masthead")
        elif region is not None:
            self._division_parts(doc, facts.blocks, region)
        facts.span = title_span(doc.title, doc.year) or self._lead_span(doc) or \
            self._reference_point(doc) or self._summary_span(doc) or self._year_presented(doc)
        facts.ahead = self.looks_ahead(doc)
        if region is not None and region.level == "county" and source != "header":
            facts.township = self._issuing_township(doc, region, head)
        return facts

    def _issuing_township(self, doc: Document, county: Region, head: list[str]) -> str | None:
        """The township the title, the issuing body or a short head line names after its
        county (营山县金凤岭镇人民政府), or the title alone at its start (关于金凤岭镇2024年
        工作总结…), else None."""
        short = [t for t in head if len(t) <= 30]
        for i, text in enumerate((doc.title or "", doc.issuer or "", *short)):
            text = _norm(text).removeprefix("关于")
            end = max((m.end for m in self.gazetteer.find(text) if m.region is county), default=0)
            if (end or i == 0) and (town := township(text[end:])):
                return town
        return None

    def _lead_span(self, doc: Document) -> str | None:
        """The months of the document's year a news lead says the article releases (本报…电
        …发布上半年全省经济运行情况): as a title naming them, the period of the figures that
        name no time of their own; None without such a lead."""
        for b in doc.blocks[: self.rules["document"]["head_blocks"]]:
            m = DATELINE.match(b.text) or _DAY_LEAD.match(b.text)  # (or 2021年7月16日上午，…)
            if m is None:
                continue
            lead = "。".join(b.text[m.end():].split("。", 2)[:2])  # (its first two sentences:
            # …召开新闻发布会。新闻发言人通报了前三季度…)
            ats = sorted(v.end() for w in self.rules["document"]["release_verbs"]
                         for v in re.finditer(w, lead))
            return next((span for at in ats if (span := title_span(lead[at:], doc.year))), None)
        return None

    def _year_presented(self, doc: Document) -> str | None:
        """The year before its own that a document issued in its year's first months says
        near its top it presents, when its title names no year (a press conference of
        February 2023: 向大家介绍2022年全省…有关情况; 我就2022年…工作情况作简要通报): the period of
        the figures that name no time; None for other documents."""
        year = doc.year
        if year is None or not _issued_early(doc) or re.search(r"\d{4}年", _norm(doc.title or "")):
            return None
        said = re.compile(f"{year - 1}年[^。！？]{{0,30}}?情况")
        verbs = self.rules["document"]["release_verbs"]
        for b in doc.blocks[: self.rules["document"]["head_blocks"]]:
            for sentence in _SENTENCE_END.split(_norm(b.text)):
                if said.search(sentence) and any(w in sentence for w in verbs):
                    return str(year - 1)
        return None

    def _summary_span(self, doc: Document) -> str | None:
        """The plan period or span of years a summary's title names, ended by the document's
        year (江苏省“十三五”对口支援新疆工作总结 in 2021: 2016/2020), as the period of the
        figures that name no time; None for other documents."""
        title, year = doc.title or "", doc.year
        if year is None or not any(w in title for w in self.rules["document"]["summary_titles"]):
            return None
        span = next((c for _, c in self.times.cues(_norm(title), year)
                     if c.kind in ("plan", "years") and c.first < c.last <= year), None)
        return label(span.first, span.last) if span is not None else None

    def _reference_point(self, doc: Document) -> str | None:
        """The year of the moment a census or survey counts at (以2020年11月1日零时为标准时点),
        near the top: the period of its figures that name no time (not the year the bulletin
        was published in)."""
        words = self.rules["document"]["reference_point"]
        for b in doc.blocks[: self.rules["document"]["head_blocks"]]:
            k = next((k for k in map(b.text.find, words) if k > 0), -1)
            found = find_dates(_norm(b.text[:k]), doc.year) if k > 0 else []
            if found and isinstance(found[-1].value, str) and found[-1].value[:4].isdigit():
                return found[-1].value[:4]
        return None

    # ---------------------------------------------------------------- kind and region
    def kind(self, title: str | None, head: list[str]) -> str:
        d = self.rules["document"]
        if title and any(w in title for w in d["statistics_offices"]) and \
                any(w in title for w in d["month_release"]):
            return "bulletin"  # (湘潭市统计局：2025年上半年全市经济运行情况)
        for text in (title or "", *head[:5]):
            for kind in ("bulletin", "work_report", "plan"):
                if any(w in text for w in d[kind]):
                    # (…规划纲要实施中期评估报告 reviews how a plan went: no plan)
                    plan_review = kind == "plan" and any(w in text for w in d["plan_reviews"])
                    return "other" if plan_review else kind
        return "other"

    def region(self, doc: Document, head: list[str]) -> tuple[Region | None, str]:
        header = doc.metadata.get("header") or {}
        for key in ("region", "province", "city", "county"):
            if header.get(key):
                r = self.gazetteer.region(header[key].strip())
                return (r or Region(header[key].strip(), "other")), "header"
        d = self.rules["document"]
        lines = [t for t in head if not self.not_region(t)]
        title = doc.title if doc.title and not self.not_region(doc.title) else ""
        for text, source in ((title, "title"), (doc.issuer or "", "issuer")):
            r = self._place(text)
            if r is not None:
                return self._province_spoken_of(r, doc), source
        for text, source in ((title, "title"), (doc.issuer or "", "issuer")):
            r = self._unknown_issuer(text)
            if r is not None:
                return r, source
        town = self._township_alone(doc)
        if town is not None:
            return town, "issuer"
        r = self._masthead(doc.title or "")
        if r is not None:
            return r, "masthead"
        if self._national(doc, title, head):
            return Region(NATIONAL, "national"), "issuer"  # 国务院总理 温家宝, 代表国务院
        if any(w in t for t in (title, *head) for w in d["company_note"]):
            return None, "none"  # a broker's note on a company: no jurisdiction
        r = self.opening_subject(doc) or self.most_named(doc)
        return (self._own_province(r, doc), "text") if r is not None else (None, "none")

    def _unknown_issuer(self, text: str) -> Region | None:
        """The division a title or an issuing line names (two characters or more before its
        last word), at its start or after its year, right before a body that governs it
        (云岭彝族苗族自治州人民政府工作报告, 宁州市统计局), when the division table does not hold it:
        of the level its last word says; else None."""
        m = self._unknown_issuer_pattern.search(_norm(text)) if text else None
        if m is None or m["name"][0] in _NO_NAME:  # (某市: a name left out)
            return None
        levels = self.rules["document"]["unknown_issuer_levels"]
        return Region(m["name"], levels[m["suffix"]])

    @cached_property
    def _unknown_issuer_pattern(self) -> re.Pattern:
        d = self.rules["document"]
        return re.compile(f"(?:^|年|关于|\\s)(?P<name>[\u4e00-\u9fff]{{2,10}}?"
                          f"(?P<suffix>{alternation(d['unknown_issuer_levels'])}))"
                          f"(?={alternation(d['unknown_issuer_bodies'])})")

    def _township_alone(self, doc: Document) -> Region | None:
        """The township an issuing line names before its body (天荒坪镇人民政府), or a title
        opens with before its year (天荒坪镇2023年工作总结), when no division of the table is
        named there: the region of a township's report that never names its county; else None."""
        bodies = tuple(self.rules["document"]["unknown_issuer_bodies"])
        for text in (doc.issuer or "", doc.title or ""):
            t = _norm(text).removeprefix("关于")
            town = township(t)
            rest = t[len(town):]
            if town and town[0] not in _NO_NAME and (rest.startswith(bodies) or
                                                     _YEAR_FIRST.match(rest)):
                return Region(town, "township")
        return None

    def _province_spoken_of(self, r: Region, doc: Document) -> Region:
        """The province of a body named for a city or county when its text speaks of the
        whole province (全省, 我省, twice or more) and never of its own division (全市, 我市):
        a provincial office seated in a city (人民银行西宁中心支行: 全省…); else ``r``."""
        if r.level not in ("prefecture", "county"):
            return r
        text = doc.text
        kind = r.name[-1]
        if text.count("全省") + text.count("我省") < 2 or any(
                w + kind in text for w in ("全", "我", "本")):
            return r
        path = self.gazetteer.path(r)
        return path[0] if path[0].level == "province" else r

    def _own_province(self, r: Region, doc: Document) -> Region:
        """The province of the division a text names most when the text speaks of its own
        province (我省) at least twice and at least as often as it names that division, and of
        no division of its own below (我市, 我州, 我县): a provincial paper's report of a
        provincial press conference that names its prefectures in turn (本报昆明…讯 …我省…
        怒江州…); else ``r``."""
        if r.level not in ("prefecture", "county"):
            return r
        text = doc.text
        own = text.count(_OWN + "省")
        if own < 2 or any(_OWN + k in text for k in _OWN_BELOW):
            return r
        named = self.gazetteer.named_in([b.text for b in doc.blocks], self.not_region)
        if own < sum(n for name, n in named.items() if self.gazetteer.region(name) == r):
            return r
        path = self.gazetteer.path(r)
        return path[0] if path[0].level == "province" else r

    def opening_subject(self, doc: Document) -> Region | None:
        """The place the body's first paragraph opens with as its subject, after a news
        dateline and a time phrase (2021年，浙江省坚决扛起…): the actor of the text, whose
        figures they are, though the places it helps may be named more often (the aided
        province of an east-west cooperation page); None when it opens otherwise."""
        first = next((b.text for b in doc.blocks[:self.rules["document"]["head_blocks"]]
                      if "。" in b.text and len(b.text) > 40 and not self.not_region(b.text)), "")
        m = DATELINE.match(first)
        text = first[m.end():].lstrip() if m else first
        head, comma, rest = text.partition("，")
        if comma and len(head) <= 8 and TIME_LEAD.search(head):
            text = rest  # (a time phrase before the subject: 2021年, 今年以来)
        name = self.gazetteer.leading(text)
        r = self.gazetteer.region(name) if name else None
        if r is None or r.level not in ("province", "prefecture", "county"):
            return None
        mentions = [m for m in self.gazetteer.find(text[:40]) if m.region is not None]
        # (宁夏回族自治区固原市西吉县地处…: the county its path written out ends with)
        return self.gazetteer.narrowed(mentions, text) if mentions and mentions[0].start == 0 \
            else r

    def _masthead(self, title: str) -> Region | None:
        """The place a newspaper's masthead title is named for (贵州日报 -> 贵州省), also when
        the line goes on with the issue's day and page (天津日报 2019年11月18日 第6版); None
        for other titles."""
        name = title.strip().split()[0] if title.strip() else ""
        for word in self.rules["document"]["mastheads"]:
            if name.endswith(word) and len(name) > len(word):
                r = self.gazetteer.region(name[:-len(word)])
                if r is not None and r.level in ("province", "prefecture", "county"):
                    return r
        return None

    def _national(self, doc: Document, title: str, head: list[str]) -> bool:
        """Whether a national body issues the document: named in a byline (国务院总理 温家宝,
        代表国务院; a work report's opening lines: whose congress hears it) or as the subject
        of a news lead (新华社北京1月17日电 国家统计局17日发布)."""
        issuers = self.rules["document"]["national_issuers"]
        bylines = [title, *(t for t in head if len(t) <= 60 and "。" not in t),
                   *(t for t in head if "代表国务院" in t)]
        if self.kind(doc.title, head) == "work_report":
            bylines += head[:4]
        bylines = [self._unquoted(t) for t in bylines]
        leads = [t[m.end():] for t in head for m in (DATELINE.match(t),) if m]
        return any(w in t for t in bylines for w in issuers) or \
            any(self._national_lead.match(t) for t in leads)

    @cached_property
    def _national_lead(self) -> re.Pattern:
        """A news lead after its dateline that opens with a national body, maybe after the
        reporter's words (国家统计局17日发布; 记者20日从国家乡村振兴局获悉)."""
        d = self.rules["document"]
        bodies = sorted({*d["national_issuers"], *d["national_bodies"]}, key=len, reverse=True)
        return re.compile(d["national_lead"] + "(?:" + "|".join(map(re.escape, bodies)) + ")")

    def _unquoted(self, line: str) -> str:
        """``line`` without the words that name the central government as the author of a
        policy it carries out (滨海市深入贯彻落实党中央、国务院关于…的决策部署), not as its own."""
        for w in self.rules["document"]["centre_quoted"]:
            line = line.replace(w, "")
        return line

    def most_named(self, doc: Document) -> Region | None:
        """The place the text names most, or a division under it named at least half as
        often (a county's page names its province too: 贵州省 12 times, 长顺县 9)."""
        counts: dict[str, int] = {}
        regions: dict[str, Region] = {}
        # (one search, a block a line; not in a dateline, a photo credit, …: not_region)
        for name, n in self.gazetteer.named_in([b.text for b in doc.blocks], self.not_region).items():
            r = self.gazetteer.region(name)
            if r is not None and r.level in ("province", "prefecture", "county"):
                counts[r.code] = counts.get(r.code, 0) + n
                regions[r.code] = r
        if not counts:
            return None
        first = {c: i for i, c in enumerate(counts)}  # (in the order the text names them)
        top = max(counts, key=lambda c: (counts[c], -first[c]))  # (a tie: the first named)
        under = [c for c in counts if c != top and counts[c] * 2 >= counts[top]
                 and self.gazetteer.lies_in(regions[c], regions[top])
                 and (counts[c] > 1 or self._written_under(doc, regions[top], regions[c]))]
        return regions[max(under, key=lambda c: (len(self.gazetteer.path(regions[c])), counts[c]))
                       ] if under else regions[top]

    def _written_under(self, doc: Document, outer: Region, inner: Region) -> bool:
        """Whether a line near the top names ``inner`` right after ``outer``, its path written
        out (走进甘肃省定西市安定区…): a division named once is evidence only so (向云南省和
        陕西省4个县…。在澜沧县… is no text about 澜沧县)."""
        for b in doc.blocks[: self.rules["document"]["head_blocks"]]:
            found = self.gazetteer.find(b.text)
            for i, m in enumerate(found):
                if m.region == outer and self.gazetteer.narrowed(found[i:], b.text) == inner:
                    return True
        return False

    def _place(self, text: str) -> Region | None:
        """The first division ``text`` names, or a division under it named right after it
        (甘肃定西：… -> 定西市; 贵州省黔南州长顺县 -> 长顺县)."""
        found: Region | None = None
        for m in self.gazetteer.find(text):
            r = m.region
            if r is None or r.level not in ("province", "prefecture", "county"):
                continue
            if found is None:
                found = r
            elif r is not found and self.gazetteer.lies_in(r, found):
                found = r
            else:
                break
        return found

    def _heading_places(self, doc: Document, blocks: list[BlockTime], region: Region | None,
                        news: bool = False) -> None:
        """A heading that opens with a place (贵州 易地搬迁群众稳岗就业, 宁夏：…; 河北承德 …: the
        division under it named right after it) gives the blocks under it, up to the next
        heading that opens with one, that place: the articles of a news page, the sections of
        a compilation whose title names no place (two places at least, neither the
        document's nor one it lies in). On a newspaper's page (``news``: its masthead names
        the page's place) one such article is enough, and an article whose heading opens
        with no place is the page's."""
        places: dict[int, Region | None] = {}
        above = {r.code for r in self.gazetteer.path(region)} if region is not None else set()
        title = (doc.title or "").strip()
        for i, b in enumerate(doc.blocks):
            text = b.text.strip()
            if b.kind != "heading" or len(text) > 40 or text == title:
                continue
            r = self._heading_place(text, self.gazetteer.province_code(region))
            if r is not None:  # (the document's place or one it lies in: its own, no other's)
                places[i] = None if r.code in above else r
            elif news:
                places[i] = None
        if len({r.code for r in places.values() if r is not None}) < (1 if news else 2):
            return  # (one heading with a place is no set of articles: 黔南州：长顺县…)
        place: Region | None = None
        for i in range(min(len(doc.blocks), len(blocks))):
            place = places[i] if i in places else place
            if place is not None:
                b = blocks[i]
                blocks[i] = BlockTime(b.part, b.cue, b.source, b.targets, place)

    def _division_parts(self, doc: Document, blocks: list[BlockTime], region: Region) -> None:
        """A part of the document given to one division under its region, named alone after a
        list marker: a heading (（一）三台县) gives the blocks under it, up to the next heading,
        that place; a paragraph that opens so (（一）三台县。一是少征…) gives it its own."""
        place: Region | None = None
        for i, b in enumerate(doc.blocks[:len(blocks)]):
            m = _DIVISION_PART.match(b.text)
            r = self._division_named(m.group(1), region) if m else None
            if b.kind == "heading":
                place = r
                own = r
            else:
                own = r if r is not None and m.group(2) else place
            if own is not None:
                bt = blocks[i]
                blocks[i] = BlockTime(bt.part, bt.cue, bt.source, bt.targets, own)

    def _division_named(self, name: str, region: Region) -> Region | None:
        """The division under ``region`` that ``name`` is, whole; else None."""
        found = self.gazetteer.find(name, self.gazetteer.province_code(region))
        if len(found) != 1 or found[0].start or found[0].end != len(name):
            return None
        r = found[0].region
        return r if r is not None and self.gazetteer.lies_in(r, region) else None

    def _heading_place(self, text: str, province: str = "") -> Region | None:
        """The division a heading opens with (a province, prefecture or county), or the one
        under it named right after it (河北承德 -> 承德市); a county or city of ``province``
        (the document's) named short before a colon (榕江：百香果铺就致富路 -> 榕江县); None
        when it opens otherwise."""
        name = self.gazetteer.leading(text) if text[:1] in self.gazetteer.firsts else ""
        r = self.gazetteer.region(name) if name else None
        if r is None or r.level not in ("province", "prefecture", "county"):
            return self._short_heading_place(text, province)
        found = self.gazetteer.find(text[:len(name) + 12], self.gazetteer.province_code(r))
        if not found or found[0].start != 0 or found[0].region is None:
            return r
        return self.gazetteer.narrowed(found, text, " \u3000·")

    def _short_heading_place(self, text: str, province: str) -> Region | None:
        """The one division of ``province`` a heading names short before a colon (榕江：…:
        榕江县; 赫章： 赫章县), its suffix left out as news headings do; else None."""
        m = _SHORT_HEADING.match(text) if province else None
        if m is None:
            return None
        found = {r.code: r for suffix in self.rules["regions"]["short_heading_suffixes"]
                 for f in self.gazetteer.find(m[1] + suffix, province)
                 if (r := f.region) is not None and f.start == 0 and f.end == len(m[1]) + len(suffix)
                 and r.code[:2] == province[:2] and r.level in ("prefecture", "county")}
        return next(iter(found.values())) if len(found) == 1 else None

    # ---------------------------------------------------------------- parts and paragraphs
    def _implicit_part(self, doc: Document, year: int | None, kind: str,
                       parts: list[Part | None]) -> Part | None:
        """A work report without part headings reviews the past year from its start (until a
        paragraph turns to this year's targets: ``turn_forward``)."""
        if kind != "work_report" or year is None or any(p is not None for p in parts):
            return None
        if not self.opens_the_year(doc):
            return None  # a 工作总结 or 工作要点: no review of the year before
        return Part(_IMPLICIT, "review", Cue(year - 1, year - 1, "relative"))

    def reviews_its_year(self, doc: Document, kind: str) -> bool:
        """Whether the document reports on its reference year, over or nearly so: the year
        its title names (a year-end summary, a bulletin, final accounts; not a plan, not a
        report that opens its year, nor one issued in the first months of that year), or the
        year it was issued in, from October on. Its five years back (五年来, 五年累计) end with
        that year."""
        if doc.year is None or kind == "plan" or self.opens_the_year(doc):
            return False
        if _issued_early(doc):
            return False  # (issued in its year's first months: its past year is the one before)
        if self._midterm(doc):
            return False  # (a plan's mid-term evaluation: the last full year's statistics)
        return doc.year_source in _OWN_YEAR or _issued_late(doc)  # (or, named by no title,
        #                                                           one issued at the year's end)

    def _midterm(self, doc: Document) -> bool:
        """Whether the title names a plan's mid-term evaluation (``midterm_reviews``) not
        issued in its year's last quarter: it rests on the statistics of the year before."""
        return any(w in (doc.title or "") for w in self.rules["document"]["midterm_reviews"]) \
            and not _issued_late(doc)

    def opens_the_year(self, doc: Document) -> bool:
        """Whether the document is delivered at the start of its year (a government work
        report: its review is of the year before); a 工作总结 or 工作要点 is not."""
        head = [doc.title or "", *(b.text for b in doc.blocks[: self.rules["document"]["head_blocks"]])]
        p = self.rules["parts"]
        return any(w in t for t in head for w in p["opens_the_year"]
                   if not any(n in t for n in p["not_opening_the_year"])) or \
            any(self._delivered_early(t, doc.year) for t in head)

    def _delivered_early(self, line: str, year: int | None) -> bool:
        """Whether ``line`` says the report was delivered at a meeting in the first months of
        ``year`` (——2026年1月20日在政协…第五次会议上)."""
        p = self.rules["parts"]
        if year is None or p["delivered_at"] not in line:
            return False
        m = _DELIVERED.search(unicodedata.normalize("NFKC", line))
        return m is not None and int(m[1]) == year and int(m[2]) <= p["delivered_by_month"] and \
            p["delivered_at"] in line[m.end():]

    def _body_start(self, doc: Document) -> int:
        """The first block of the report itself: after its greeting (各位代表：) when it has
        one near the top, else the first block."""
        head = doc.blocks[: self.rules["document"]["head_blocks"] * 4]
        marks = [i for i, b in enumerate(head)
                 if any(w in b.text for w in self.rules["parts"]["greetings"])]
        return marks[-1] + 1 if marks else 0

    def looks_ahead(self, doc: Document) -> bool:
        """Whether the title names the work planned for its year (工作要点), and no review
        of work done before it (2020年工作总结和2021年工作安排: its parts are not all ahead)."""
        d, title = self.rules["document"], doc.title or ""
        return any(w in title for w in d["ahead_titles"]) and \
            not any(w in title for w in d["summary_titles"])

    def part_of(self, text: str, year: int | None, reviewed: int | Cue | None = None,
                ahead: Cue | None = None, plan: bool = False, done: bool = False
                ) -> Part | None:
        """The part a numbered heading opens (一、2017年工作回顾), None for other blocks.
        ``reviewed``: the year a review heading without a year looks back on (default: the
        year before ``year``); ``ahead``: the time a forward heading without a year looks to
        (default: ``year``), with ``plan`` also a heading neither review nor forward (a
        plan's 保障措施: its plan period); ``done``: the document reports on the work of its
        year, so that a heading naming that work and no time (二、重点工作) reviews it."""
        if len(text) > 8 and not self.opens_part.match(text) and not _BRACKETED.match(text):
            return None  # neither a numbered heading nor a closing one (附注)
        s = _norm(text).strip()
        if len(s) <= 8 and s.startswith(self._closing):
            return Part(s, "other", None)
        if not self.numbered.match(s):
            return self._bracketed_part(s, year, ahead, plan)  # (【下一步工作】; else None)
        if len(s) > 40:  # a heading run into its paragraph (column text): its first clause
            first = re.split(r"[，,。；：:]", s, maxsplit=1)[0]
            titled = len(first) <= 20 and s[len(first):len(first) + 1] in "：:"  # (六、联农带农机制：…)
            if len(first) > 40 or not (titled or self.has["review"](first) or
                                       self.has["forward"](first)):
                return None
            s = first
        kind = self._part_kind(s)
        cues = [c for _, c in self.times.cues(s, year)]
        if kind == "forward" and done and not cues and not self.has["forward"](
                self._year_work.sub("", s)):
            kind = "review"  # (二、重点工作 in a report on its year: the work done in it)
        cue = cues[0] if cues else _unnamed_cue(kind, year, reviewed, ahead, plan)
        also = next((c for c in cues[1:] if _years(c) != _years(cue)), None)
        months = title_span(s, cue.first) if cue is not None and cue.first == cue.last and \
            cue.kind == "year" else None
        return Part(s, kind, cue, also, bool(cues), months)

    def nested(self, parts: list[Part | None]) -> list[Part | None]:
        """``parts`` with each part that a heading of an outer level encloses (一、 under
        第一节, 第一节 under 第一章) and whose own heading names neither a time nor a kind
        (一、特色产业加快壮大 under 第一节 “十三五”时期发展取得历史性成就) taking the kind and
        time of the part enclosing it, instead of its document's default."""
        levels = self.rules["parts"]["levels"]
        open_: list[tuple[int, Part]] = []  # (level, part) of the enclosing parts, outermost first
        out: list[Part | None] = []
        for p in parts:
            if p is None:
                out.append(p)
                continue
            m = self._level_word.match(p.heading)  # (第一章, 第二节; 一、: below them all)
            level = levels.index(m.group(1)) if m else len(levels)
            while open_ and open_[-1][0] >= level:
                open_.pop()
            if open_ and not p.named and p.kind == "other":
                outer = open_[-1][1]
                p = Part(p.heading, outer.kind, outer.cue, outer.also, outer.named)
            open_.append((level, p))
            out.append(p)
        return out

    def _part_kind(self, heading: str) -> str:
        """review, forward or other, by the words of a part's heading; other for one of
        problems and next steps (五、存在问题和下一步工作: what is, and what is to be done)."""
        if self.has["review"](heading):
            return "review"
        if self.has["forward"](heading):
            problems = any(w in heading for w in self.rules["parts"]["problems"])
            return "other" if problems else "forward"
        return "other"

    def _bracketed_part(self, s: str, year: int | None, ahead: Cue | None, plan: bool
                        ) -> Part | None:
        """The part a bulletin's heading in brackets opens (【工作动态】, 【下一步工作】): a
        forward one looks ahead as a numbered one does; another is about the time it names,
        else the document's own (a bulletin reviews its own year, not the one before)."""
        if not _BRACKETED.fullmatch(s):
            return None
        cues = [c for _, c in self.times.cues(s, year)]
        if self.has["forward"](s):
            return Part(s, "forward", cues[0] if cues else _unnamed_cue("forward", year, None,
                                                                       ahead, plan))
        return Part(s, "review" if self.has["review"](s) else "other", cues[0] if cues else None)

    @cached_property
    def _year_work(self) -> re.Pattern:
        parts = self.rules["parts"]
        return re.compile(f'(?:{"|".join(map(re.escape, parts["year_work"]))})'
                          f'(?!{"|".join(map(re.escape, parts["year_work_not_before"]))})')

    @cached_property
    def _closing(self) -> tuple[str, ...]:
        """The words of a closing heading (附注, 附件), as one tuple for ``str.startswith``."""
        return tuple(self.rules["parts"]["closing"])

    def lead_cue(self, text: str, year: int | None) -> Cue | None:
        """The time word a paragraph or lead-in heading opens with (五年来，…; ——这五年，…)."""
        if self.times.may_cue.search(text, 0, 20) is None:
            return None  # (no cue starts its first words: TimeWords.cues's own gate)
        key = (text[:40], year, self.times.through_year)  # (a block and its first sentence share it)
        if key in self._leads:
            return self._leads[key]
        if len(self._leads) > 100_000:
            self._leads.clear()
        s = _norm(key[0]).lstrip("——-— ")
        first = _FIRST_CLAUSE.match(s).group()
        cue = self._opening(first, year) if len(first) <= 16 else None
        if cue is not None and first.startswith(self._deadline_words):
            cue = None  # (到2025年，… in a 2024 plan: a deadline of its sentence, not its paragraph's
            #              time; 到2020年，… in a review of 2016-2020: the levels its sentence reached)
        self._leads[key] = cue
        return cue

    @cached_property
    def _deadline_words(self) -> tuple[str, ...]:
        """The lead-in words that make a time a deadline or a level reached (到2025年,
        至2027年, 到2020年 in a review): the time of its sentence, not of its paragraph."""
        return tuple(self.rules["time"]["deadline_lead_in"])

    def turn(self, text: str, part: Part | None, year: int | None,
             lead: Cue | None = None) -> Cue | None:
        """The other time of ``part``'s heading (``Part.also``), when a sentence of ``text``
        opens with it: the paragraph that turns a review of the year and of the plan period
        to the plan period (各位代表！…。回望过去五年，…), whose paragraphs after it are
        about that time until a lead-in heading or the part's end. None when the ``lead`` in
        force is that time already."""
        if part is None or part.also is None or _years(lead) == _years(part.also):
            return None
        for i, sentence in enumerate(_SENTENCE_END.split(text)):
            cue = self.lead_cue(sentence.strip(), year)
            if cue is None and i == 0:  # (a paragraph that opens with that time as its
                cue = self._subject_cue(sentence.strip(), year)  # subject: “十二五”时期是…)
            if cue is not None and _years(cue) == _years(part.also):
                return cue
        return None

    def _subject_cue(self, sentence: str, year: int | None) -> Cue | None:
        """The span of years a sentence opens with, whatever the length of its first clause
        (“十二五”时期是我国发展很不平凡的五年); None when it opens otherwise."""
        cue = self._opening(_norm(sentence[:24]).lstrip("——-— "), year)
        return cue if cue is not None and cue.first < cue.last else None

    def _opening(self, text: str, year: int | None) -> Cue | None:
        """The first time word of ``text`` when it opens it (``opens``); else None."""
        found = self.times.cues(text, year)
        return found[0][1] if found and self.opens(text, found[0][0]) else None

    def opens(self, text: str, at: int) -> bool:
        """Whether a time word at ``at`` opens ``text``: at its start, or after a lead-in
        (刚刚过去的2020年)."""
        return at <= 2 or text[:at] in self.rules["time"]["lead_in"]

    def _unnamed_years(self, doc: Document, year: int | None, kind: str
                       ) -> tuple[int | Cue | None, Cue | None, bool]:
        """The years a review heading and a forward heading without a year are about, when
        not the defaults (``part_of``), and whether other headings share the forward time: a
        plan whose title names its plan period (“十四五”…规划, 三年行动方案（2023—2025年）) is
        about that period; a report on its title's year (2021年…工作情况的报告, not a work
        report that opens its year) reviews that year, and when delivered the year after
        (2023年决算 in July 2024) looks ahead to that year (下一步工作: 2024)."""
        if year is None or doc.year_source not in _OWN_YEAR:
            return None, None, False
        if kind == "plan":  # (关于印发《…行动方案（2023—2025年）》的通知: the plan it issues)
            title = _norm(doc.title or "").replace("《", "").replace("》", "")
            span = next((c for _, c in self.times.cues(title, year)
                         if c.kind in ("plan", "years") and c.first < c.last), None)
            return None, span, span is not None
        if self.opens_the_year(doc):
            return None, None, False
        day = doc.issue_date or ""
        issued = int(day[:4]) if day[:4].isdigit() else None
        reviewed = year - 1 if self._midterm(doc) else self._years_reviewed(doc, year)
        return reviewed, Cue(issued, issued, "relative") \
            if issued is not None and issued > year else None, False

    def _years_reviewed(self, doc: Document, year: int) -> int | Cue:
        """The years a report on its own year reviews: that year, or the span of years ending
        with it that its title or the line under it names (…工作总结 /（2016—2020年）,
        “十三五”…工作总结: its review headings are about the five years)."""
        title = doc.title or ""
        k = next((i for i, b in enumerate(doc.blocks[:8]) if b.text.strip() == title), None)
        under = doc.blocks[k + 1].text if k is not None and k + 1 < len(doc.blocks) else ""
        for text in (title, under if len(under) <= 16 else ""):
            span = next((c for _, c in self.times.cues(_norm(text), year)
                         if c.kind in ("plan", "years") and c.first < c.last == year), None)
            if span is not None:
                return span
        return year

    @cached_property
    def _level_word(self) -> re.Pattern:
        """第 and a numeral before the word of a heading's level (第一章, 第二节)."""
        levels = sorted(self.rules["parts"]["levels"], key=len, reverse=True)
        return re.compile(f"第[一二三四五六七八九十百\\d]{{1,4}}({'|'.join(levels)})")

    def _articles(self, doc: Document, parts: list[Part | None]) -> list[Part | None]:
        """``parts`` with the headline of each news article after a numbered part of a page
        (a heading over its byline or its dateline: 本报记者 李静; 本报讯（记者 …）) opening
        a part of no time: the parts of the article before it end there."""
        out, blocks = list(parts), doc.blocks
        first = next((i for i, p in enumerate(parts) if p is not None), len(parts))
        for i in range(first + 1, len(blocks) - 1):
            nxt = blocks[i + 1].text.strip()
            if out[i] is None and blocks[i].kind == "heading" and (
                    self._byline.match(nxt) or DATELINE.match(nxt)):
                out[i] = Part(blocks[i].text.strip(), "other", None, None, False)
        return out

    @cached_property
    def _byline(self) -> re.Pattern:
        return re.compile(self.rules["document"]["byline"])

    def outline(self, doc: Document, year: int | None, kind: str = "other") -> list[BlockTime]:
        out: list[BlockTime] = []
        reviewed, ahead, plan = self._unnamed_years(doc, year, kind)
        done = reviewed is not None and not self.looks_ahead(doc)  # (not a 工作要点's tasks)
        parts = self.nested([self.part_of(b.text, year, reviewed, ahead, plan, done)
                             for b in doc.blocks])
        implicit = self._implicit_part(doc, year, kind, parts)
        body = self._body_start(doc) if implicit is not None else 0
        part: Part | None = None
        lead: Cue | None = None  # from a lead-in heading, until the next part
        parts = self._articles(doc, parts)
        for i, (b, new) in enumerate(zip(doc.blocks, parts)):
            if i == body and implicit is not None:
                part = implicit
            if new is not None:
                part, lead = new, None
                out.append(BlockTime(part, part.cue, "section" if part.cue else "none"))
                continue
            cue = self.lead_cue(b.text, year)
            if part is not None and part.heading == _IMPLICIT and part.kind == "review" and \
                    (cue is None or cue.last >= year) and \
                    any(w in b.text for w in self.rules["parts"]["turn_forward"]):
                part, lead = Part(_IMPLICIT, "forward", Cue(year, year, "relative")), None
            if cue is not None and _leads_in(b, doc.title):
                lead = cue
            narrow = cue or lead or (part.cue if part else None)
            out.append(BlockTime(part, narrow, "section" if narrow else "none"))
            turn = self.turn(b.text, part, year, lead)
            if turn is not None:  # (its own sentences: read by the sentence's time context)
                lead = turn
        return out
