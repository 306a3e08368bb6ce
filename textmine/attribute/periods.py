"""The period of a claim: the time the figure describes (docs/claims.md, "Attribution").

The first rule that applies decides, and ``period_source`` says which:

1. ``written``: a date in the claim's clause, or in the opening clause of its sentence, that
   governs it (``2020年，…资金54.52亿元``, ``截至2017年底``, ``1-8月``). Comparison bases
   (``比2010年``) and event days (``3月5日，…开幕``) do not govern. A date claim is its own
   period. A date written without its year takes the year its context is about.
2. ``span``: ``从X增加到Y`` / ``由X提高到Y``: X belongs to the year before the context's
   period, Y to its last year.
3. ``relative``: a time word in the claim's clause or opening its sentence (去年, 今年,
   过去五年, “十三五”时期); ``section``: one opening its paragraph, a lead-in heading, or the
   heading of its part of the report (``一、2017年工作回顾``). In a multi-year context a
   level reached (达到, a rate) is the last year's, other figures cover the whole span.
4. ``document``: the document's reference year.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from ..parse.dates import ISO_YEAR, shift_years
from ..parse.tables import searchers, table
from ..types import Claim
from .timewords import Cue, TimeWords, label, last_base_year, year_range
from .view import _UNSET, LIST_JOINS, ClaimView, clause_start, goal_in_brackets

_EVERY_YEAR = frozenset(("at_least", "at_most"))  # (a rate's bound holds each year of a span)
_DAY_LIST = frozenset("、和及与至到")  # (a day beside one of these: of a list, or a span's end)
_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")  # (XXXX: a day whose year is not known)
_YEAR_OF = ISO_YEAR  # the years of an ISO date or period
_YEARS = re.compile(r"\d{4}/\d{4}$")  # a range of whole years (2023/2025)
_START_OF = ("", "的", "同期的", "同期")  # (由上年同期的2.98: what stands between the start's time and X)
DEADLINE_BEFORE = ("到", "至")  # (到2030年, 至2027年: a deadline, the characters right before it)
AS_OF = tuple(table("attribution")["time"]["as_of"])  # (截至, 截止到: a stock counted at a day after)
SPAN_FROM = tuple(table("attribution")["time"]["span_from"])  # (从, 由: a span's start)
_GOALS = tuple(table("attribution")["time"]["whole_year_goals"])
# a figure right after the year's goal it is the value of (完成年度目标任务4.5万人的80.4%: 4.5万人)
_YEAR_GOAL = re.compile(f"(?:全年|年度)(?:{'|'.join(_GOALS)}){{1,2}}$")


def _year_of_months(period: str) -> str:
    """The year of a period of months within it (2025-01/2025-06 -> 2025); else the period."""
    years = set(_YEAR_OF.findall(period))
    return years.pop() if len(years) == 1 and "-" in period else period


def whole_year_in(text: str, start: int, end: int) -> bool:
    """Whether 全年 stands in ``text[start:end]`` for the whole year a figure covers (全年进出口
    总额), not for a goal's year (全年目标任务的48.5%: a share of the goal)."""
    k = text.find("全年", start, end)
    while k >= 0:
        if not text.startswith(_GOALS, k + 2):
            return True
        k = text.find("全年", k + 2, end)
    return False


@dataclass
class PeriodRules:
    times: TimeWords
    rules: dict
    has: dict = field(default_factory=dict)  # word list name -> search of its words

    def __post_init__(self) -> None:
        self.has = searchers(self.rules)

    @classmethod
    def load(cls, times: TimeWords) -> "PeriodRules":
        t = table("attribution")["time"]  # (reach: the span verbs, not bare 到/至, and reach_also)
        return cls(times, {**t, "reach": [*(w for w in t["span_to"] if len(w) > 1), *t["reach_also"]]})

    def period(self, v: ClaimView) -> tuple[str | None, str]:
        c = v.claim
        if c.period:
            return c.period, c.period_source or "written"
        period, source = self._period(v)
        if period and (_YEAR_GOAL.search(v.clause) or goal_in_brackets(v, _YEAR_GOAL)):
            period = _year_of_months(period)  # (完成年度目标任务（25亿元）的74.8%: 25亿元)
        return self.since_base(v, period), source

    def governing_date(self, v: ClaimView) -> Claim | None:
        """The date claim that governs the claim's period (``v.governing``, once a view)."""
        if v.governing is _UNSET:
            v.governing = self._governing_date(v)
        return v.governing

    def since_base(self, v: ClaimView, period: str | None) -> str | None:
        """An average rate from a written base year (比2015年增长42%，年均增长7.3%: the 7.3%)
        covers the years after the base up to the period's last year. Any other change keeps
        the current period: a comparison base is never the period (docs/claims.md)."""
        if not v.claim.change:
            return period
        years = year_range(period)
        if years is None:
            return period
        if years[0] != years[1]:  # (a span's change against a written year before it, 比2020年
            base = self.base_year(v)  # 增长65% in a five-year review: of the span's last year)
            average = self._average(v.clause)
            return str(years[1]) if base is not None and base < years[0] and not average \
                else period
        if not self._average(v.clause):
            return period
        base = self.base_year(v)
        if base is None:  # 到2025年，…年均增长8%: from the report's year to the deadline
            year = v.s.facts.year
            if year is not None and year < years[1] and self._deadline(v):
                return label(year, years[1])
            return period
        if not base < years[1]:
            return period
        return label(base + 1, years[1])

    def _average(self, clause: str) -> bool:
        return self.has["average"](clause)

    def base_year(self, v: ClaimView) -> int | None:
        """The year of the comparison base before the claim: in its clause, or for an
        average rate (年均) in the clause before it too (比2015年增长42%，年均增长7.3%; not a
        base further back, of other figures: 比2010年翻一番，主要指标平衡协调，年均增长X)."""
        start = v.clause_start
        if self._average(v.clause) and start > 0:
            start = clause_start(v.s.text, start - 1)
            # (由2020年的X增加到2025年的Y，年均增长Z: the span's start is the base)
            span = _SPAN_START.search(v.s.text, start, v.clause_start)
            if span is not None:
                return int(unicodedata.normalize("NFKC", span.group(1)))
        return last_base_year(v.s.text[start:v.claim.start])

    def _period(self, v: ClaimView) -> tuple[str | None, str]:
        c = v.claim
        if c.kind == "date":  # (its context gives only a year the text left out, not one
            #                     a relative word counts: 今年一季度 in a review of the year before)
            cue = self.context(v)[0] if (c.year_source or "").startswith("document") and \
                not self.names_relative_year(c.text) else None
            return self.date_period(c, cue, v.s.facts), "written"
        cue, source, at = self.context(v)
        base = self._base_value(v)
        if base is not None:  # (与2010年…的65683722人相比: the base's own value, of 2010)
            return self.date_period(base, cue), "written"
        own = self._respective_year(v, cue)
        if own is not None:  # (2024年、2025年分别增长X、Y: X 2024's)
            return own, "written"
        d = self.governing_date(v)
        if d is not None and not self._governs_here(v, d, source, at):
            d = None
        elif d is not None and self._dates_other_start(v, d):
            # 由2018年底的8.7%下降到1.3%: the year is the start's; the end's is the
            # paragraph's or the document's, and so is a later clause's (…，病毒抑制率达到Y)
            d, (cue, source) = None, _outer_cue(v)
        if d is not None and d.start >= v.clause_start:
            return self._governed(v, d, cue), "written"
        if d is None and v.s.dates and self._relative_start(v):
            cue, source = _outer_cue(v)  # (由上年的6.9张增加到7.1张: the year before the
            #                              paragraph's or the document's, and that year; not
            #                              the year before 上年 and 上年)
        span = self.span_end(v)
        if span is not None and (at_span := self._span_period(v, cue, span)) is not None:
            return at_span, "span"
        if d is None and v.s.carried is not None and source in ("section", "document"):
            d = v.s.carried  # (1-6月，A；B。: the date opening the list governs B)
        if d is not None and not self.has["recurring"](v.clause):
            return self._governed(v, d, cue), "written"
        return self._in_context(v, cue, source)

    def _span_period(self, v: ClaimView, cue: Cue | None, span: str) -> str | None:
        """The period of X or Y of 从X增加到Y (``span``: from or to): X the year before the
        context's years, Y their last; between written years (2016年至2020年，由X提高到Y) X
        the first; under a deadline (到2030年，从X提高到Y) X where it stands when the report
        is written. None without a context or a document year."""
        year = v.s.facts.year
        base = cue or (Cue(year, year, "document") if year else None)
        if base is None:
            return None
        if base.kind == "since" and base.first is not None:  # (党的十八大以来，由X下降到Y:
            if span == "from":                                  # X the start's, Y to date's)
                return str(base.first)
            end = self.to_date(str(base.first), v.s.facts).split("/")[-1][:4]  # (or one year)
            return end if end.isdigit() else (str(year) if year else None)
        outer = _outer_cue(v)[0] if span == "from" and base.first == base.last else None
        if outer is not None and outer.first < outer.last == base.last:
            base = outer  # (过去五年，…2012年…从第六位上升到第二位: X the year before the five)
        first = base.first if base.kind == "years" else base.first - 1
        if span == "from" and year is not None and first >= year and self._deadline(v):
            first = year - 1  # (not 2029, the year before the deadline)
        y = first if span == "from" else base.last
        return label(y, y)

    def _deadline(self, v: ClaimView) -> bool:
        """Whether the date governing the claim is a deadline (到2030年, 至2027年)."""
        d = self.governing_date(v)
        return d is not None and v.s.text[d.start - 1:d.start] in DEADLINE_BEFORE

    def _respective_year(self, v: ClaimView, cue: Cue | None) -> str | None:
        """The year of a figure's place in a list after 分别 whose clause names as many years
        right before 分别 (2023年、2024年、2025年分别增长X、Y、Z: X is 2023's; or one range,
        2023年至2025年分别…: a year each, in order); None for other figures."""
        if "分别" not in v.clause:
            return None
        joins = LIST_JOINS
        head, item, items = v.list_item(joins)
        if items < 2 or "分别" not in head:
            return None
        claims, text = v.s.claims, v.s.text
        first = v.index - item  # (the list's first figure)
        k = first - 1
        if k < 0 or claims[k].kind != "date" or claims[k].start < v.clause_start:
            return None
        while k > 0 and claims[k - 1].kind == "date" and \
                text[claims[k - 1].end:claims[k].start] in joins:
            k -= 1
        dates = claims[k:first]
        if dates[0].start < v.clause_start:
            return None
        if len(dates) == items and all(d.qualifier in ("exact", "range") for d in dates):
            return self.date_period(dates[item], cue)  # (1月、2月分别…, 一季度、二季度分别…)
        years = year_range(str(dates[0].value)) if len(dates) == 1 and \
            dates[0].qualifier == "range" and _YEARS.match(str(dates[0].value)) else None
        if years is None or years[1] - years[0] + 1 != items:
            return None
        return label(years[0] + item, years[0] + item)  # (one range of years: a year each)

    def _base_value(self, v: ClaimView) -> Claim | None:
        """The date of a comparison base whose value the claim is (与2010年第六次人口普查的
        65683722人相比: the figure is 2010's, not the current period's); else None."""
        s, c = v.s, v.claim
        if not v.index or not s.text.startswith(self.times.after_base, c.end):
            return None
        d = s.claims[v.index - 1]  # (the date right before it, in its clause)
        if d.kind != "date" or d.start < v.clause_start or not self.times.is_base(s.text, d.start, d.end):
            return None
        return d

    @staticmethod
    def _governs_here(v: ClaimView, d: Claim, source: str, at: int) -> bool:
        """Whether the governing date ``d`` governs the claim in its context: not when a
        nearer relative time word does (从2006年X增加到去年的Y), nor a part of a year when the
        claim is of the whole (下半年…，全年进出口总额X)."""
        if source == "relative" and at > d.start:
            return False
        return not (("-" in str(d.value) or d.qualifier == "since") and
                    whole_year_in(v.s.text, d.end, v.claim.start))

    @staticmethod
    def _dates_other_start(v: ClaimView, d: Claim) -> bool:
        """Whether date ``d`` is the time of the start X of a 从X…到Y, written between 从/由
        and X (由2018年底的8.7%), and the claim comes after the span's verb: it governs X (and
        the list of Xs: 分别从2020年的X1、X2提高到…) alone."""
        text, claims = v.s.text, v.s.claims
        if not text.endswith(SPAN_FROM, 0, d.start):
            return False
        k = next(i for i, c in enumerate(claims) if c is d)
        x = claims[k + 1] if k + 1 < len(claims) else None
        return x is not None and x is not v.claim and text[d.end:x.start] in _START_OF and \
            _SPAN_VERB.search(text, x.end, v.claim.start) is not None

    def _relative_start(self, v: ClaimView) -> bool:
        """Whether a relative date (上年, 去年) stands between 从/由 and the start X of a
        从X…到Y that holds the claim (the claim is X or comes after the span's verb)."""
        text, claims = v.s.text, v.s.claims
        for k in v.s.dates:
            d = claims[k]
            if k >= v.index or not text.endswith(SPAN_FROM, 0, d.start) or \
                    self.may_govern(v.s, k):  # (a written year: _dates_other_start)
                continue
            x = claims[k + 1]
            if text[d.end:x.start] in _START_OF and (
                    x is v.claim or _SPAN_VERB.search(text, x.end, v.claim.start) is not None):
                return True
        return False

    def _in_context(self, v: ClaimView, cue: Cue | None, source: str) -> tuple[str | None, str]:
        """The period a figure takes from its context (no date governs it)."""
        if cue is not None and cue.kind == "since":
            if whole_year_in(v.s.text, v.clause_start, v.claim.start):  # (今年以来…，预计全年X:
                return str(cue.first), source                           # the whole year)
            v.claim.to_date = True  # (今年以来，A。B。: B counted to date, as A)
            return self.to_date(str(cue.first), v.s.facts), source
        facts = v.s.facts
        # (全年预计增长X: the year; only a document about a part of its year asks)
        whole_year = facts.span and len(facts.span) > 4 and whole_year_in(v.s.text, 0, v.claim.start)
        if cue is not None:
            part = v.s.block.part if source == "section" and v.s.block is not None else None
            if part is not None and part.months and cue is part.cue and \
                    not whole_year_in(v.s.text, 0, v.claim.start):
                return part.months, source  # (三、2023年上半年预算执行情况: its months)
            if source == "section" and facts.span and not whole_year and v.s.part == "review" and \
                    cue.first == cue.last == facts.year and cue is v.s.block.part.cue:
                return facts.span, source  # (一、上半年工作完成情况 of a half-year summary)
            return self.within(v, cue), source
        # (a statistical bulletin describes the year of its title: the report's structure)
        own = "section" if facts.kind == "bulletin" and facts.year is not None else "document"
        if facts.span and not whole_year:
            return facts.span, own
        return (None if facts.year is None else str(facts.year)), own

    # ---------------------------------------------------------------- context
    def context(self, v: ClaimView) -> tuple[Cue | None, str, int]:
        """The time word that governs the claim, narrowest first: its clause, its sentence's
        opening, its paragraph's opening or lead-in heading, its part of the report; with
        its source and its offset in the sentence (-1 outside it)."""
        clause = v.time_cues(self.times)
        if clause:
            at, cue = clause[-1]
            return cue, "written" if cue.kind in ("year", "years") else "relative", v.clause_start + at
        s = v.s
        if v.claim.start >= s.head_end:  # the whole opening clause: once a sentence
            opening = s.opening
            if opening is _UNSET:
                opening = s.opening = self.times.cues(s.text[:s.head_end], s.year)
        elif v.clause_start == 0:  # (the sentence up to the claim is its clause: no cue)
            opening = clause
        else:
            opening = self.times.cues(v.reading(s.text[:v.claim.start]), s.year)
        if opening and self._opens(s, opening[0][0]) and \
                not self._of_circumstance(s.text, opening[0][0], v.clause_start):
            at, cue = opening[0]
            return cue, "written" if cue.kind in ("year", "years") else "relative", at
        earlier = self._clause_before(v) if v.clause_start > s.head_end else None
        if earlier is not None:
            at, cue = earlier
            return cue, "written" if cue.kind in ("year", "years") else "relative", at
        if s.block is not None and s.block.cue is not None:
            return s.block.cue, "section", -1
        return None, "document", -1

    def _clause_before(self, v: ClaimView) -> tuple[int, Cue] | None:
        """The time word that opens the nearest clause before the claim's, after the
        sentence's opening one and with no ； between (乡村旅游发展起来，去年接待游客X，旅游收入Y:
        Y of 去年 too), with its offset; None when no such clause opens with one."""
        s, text = v.s, v.s.text
        start = max(s.head_end, text.rfind("；", 0, v.clause_start), text.rfind(";", 0, v.clause_start))
        if self.times.may_cue.search(text, start, v.clause_start) is None:
            return None  # (most sentences: no time word between)
        end = v.clause_start - 1
        while end > start:
            at = clause_start(text, end - 1)
            found = self.times.cues(text[at:end], s.year)
            if found and found[0][0] == 0:
                return at, found[0][1]
            end = at - 1
        return None

    def _opens(self, s, at: int) -> bool:
        """Whether a time word at ``at`` opens the sentence (after a news dateline): at its
        start, after a lead-in (刚刚过去的) or after the place it is about (广西壮族自治区去年…,
        全省去年…)."""
        before = s.text[s.lead:at]
        return len(before) <= 2 or before in self.rules["lead_in"] or _PLACE.fullmatch(before) is not None

    def within(self, v: ClaimView, cue: Cue) -> str:
        """The period of a figure in a context: a single year, or within a span of years the
        last year for a level reached, the whole span for flows and averages."""
        if not cue.multi:
            return label(cue.first, cue.first)
        clause = v.clause
        if self.has["annual"](clause):
            return label(cue.last, cue.last)  # 比上年: a change over one year, the last
        if self.has["cumulative"](_PER_HEAD.sub("", _since_previous(v))):
            return label(cue.first, cue.last)  # (年均增长5%、迈上3万亿元台阶: 年均 is the 5%'s)
        c = v.claim
        reached = self.has["reach"](_reach_words(v)[-6:]) or \
            c.text.startswith(self._reach) or self._stock(c.indicator or "")
        if reached or (c.kind == "percent" and not c.change and c.unit == "%" and
                       c.qualifier not in _EVERY_YEAR):
            return label(cue.last, cue.last)
        return label(cue.first, cue.last)  # (a floor or ceiling of a rate: 十四五期间…不低于55%)

    # ---------------------------------------------------------------- written dates
    def _governing_date(self, v: ClaimView) -> Claim | None:
        s = v.s
        for k in reversed(s.dates):  # (the dates before the claim, nearest first)
            if k >= v.index:
                continue
            if v.in_scope(s.claims[k]) and self.may_govern(s, k) and \
                    not self._of_circumstance(s.text, s.claims[k].start, v.clause_start) and \
                    not self._base_stated(v, s.claims[k]):
                return s.claims[k]
        return None

    def _base_stated(self, v: ClaimView, d: Claim) -> bool:
        """Whether date ``d`` states the base of an average in a clause before the average's
        (地区生产总值2020年为X，年均增长Y: the base year, not Y's period)."""
        return d.start < v.clause_start and v.s.text.startswith(_BASE_VERBS, d.end) and \
            self._average(v.clause)

    def _of_circumstance(self, text: str, at: int, clause: int) -> bool:
        """Whether the time at ``at`` stands in a clause of circumstance (面对2021年秋汛…，) that
        is not the clause starting at ``clause``: it governs its own clause only."""
        start = clause_start(text, at)
        return start < clause and text.startswith(self._circumstances, start)

    @cached_property
    def _circumstances(self) -> tuple[str, ...]:
        return tuple(self.rules["circumstance_leads"])

    def may_govern(self, s, k: int) -> bool:
        """Whether the sentence's date claim ``k`` may govern a figure after it (once a date)."""
        may = s.governs.get(k)
        if may is None:
            may = s.governs[k] = self._may_govern(s.text, s.claims[k])
        return may

    def _may_govern(self, sentence: str, d: Claim) -> bool:
        """Whether date claim ``d`` of ``sentence`` may govern a figure after it in scope."""
        if not isinstance(d.value, str) or self.times.is_base(sentence, d.start, d.end):
            return False
        if "-" not in d.value and self._relative(d.text, d.qualifier == "since"):
            return False  # relative words (去年, 五年来): the context rule reads them (今年1-5月,
            #               去年6月底 name their months: they govern)
        if not self._event_day(sentence, d):
            return True
        # a day of one event governs with its year (2023年3月5日，省财政下达资金5.8亿元 in a
        # report of 2024: 2023, ``governed``), not one of a list (2月5日、3月9日，…召开会议
        # 30多次), an end (活动将持续至12月15日) or a start (自1月1日起: the document's time)
        return d.qualifier == "exact" and sentence[d.end:d.end + 1] not in _DAY_LIST and \
            sentence[d.start - 1:d.start] not in _DAY_LIST

    def _event_day(self, sentence: str, d: Claim) -> bool:
        """Whether date claim ``d`` is a day, not one a stock is counted at (截至10月20日)."""
        return isinstance(d.value, str) and _DAY.match(d.value) is not None and \
            not sentence.endswith(AS_OF, 0, d.start)

    def _stock(self, indicator: str) -> bool:
        """Whether an indicator names a stock (绿氢产能, 高铁营业里程), not what was added to
        it or cut from it in the span (新增风电装机, 淘汰炼钢产能)."""
        return indicator.endswith(self._stocks) and not self.has["stock_changed"](indicator)

    @cached_property
    def _stocks(self) -> tuple[str, ...]:
        return tuple(self.rules["stocks"])

    @cached_property
    def _reach(self) -> tuple[str, ...]:
        """The verbs of reaching a level, as one tuple for ``str.startswith``."""
        return tuple(self.rules["reach"])

    def names_relative_year(self, text: str) -> bool:
        """Whether ``text`` holds a relative time word (去年, 今年一季度, 年初): its year is
        counted from the document's, not the part's it stands in."""
        return any(w in text for w in self.rules["relative_years"])

    def _relative(self, text: str, since: bool = False) -> bool:
        """A relative time word, as the context rule reads it: a span back (五年来) also when
        the date counts from it; a relative year only when it does not (今年以来 governs: the
        year to date)."""
        cue = self.times.cue(text, 2000)
        return cue is not None and (cue.kind == "span" or cue.kind == "relative" and not since)

    def date_period(self, d: Claim, cue: Cue | None, facts=None) -> str | None:
        """The period a date claim stands for; a year the text left out comes from the
        context (6月底 in the review of 2017 is 2017-06), the last year counted to date
        when the context counts from a year (2021年以来，…。年末…: the year the count runs
        to, not 2021; ``facts``: the document's, to know it)."""
        value = str(d.value) if d.value is not None else None
        if value is None or year_range(value) is None:
            return value
        if cue is not None and (d.year_source or "").startswith("document") and not cue.multi:
            year = str(cue.first)
            if cue.kind == "since" and facts is not None:
                end = self.to_date(year, facts).rpartition("/")[2][:4]
                year = end if end.isdigit() else year
            value = _YEAR_OF.sub(year, value)
        return value

    def _governed(self, v: ClaimView, d: Claim, cue: Cue | None) -> str | None:
        """``governed``, marking a figure counted to date (``Claim.to_date``)."""
        value = self.governed(d, cue, v.s.facts)
        v.claim.to_date = self.counts_from(d) and value is not None
        return value

    def governed(self, d: Claim, cue: Cue | None, facts) -> str | None:
        """The period of a figure governed by date ``d``: the date's, or for a date it counts
        from (今年以来, 2019年以来, also of an event that date began: 2016年结对帮扶以来) the time
        from it to date (``to_date``)."""
        value = self.date_period(d, cue, facts)
        if value is not None and self._event_day(d.sentence or "", d):
            return value[:4]  # (the day of an event: the figure's year, not the one day)
        if value is not None and len(value) == 10 and _LAST_DAY.fullmatch(value[4:]):
            # (截至2022年12月31日, 截至6月30日: a stock at the end of the year or the month,
            # as 年底 and 6月末 time it: 2022, 2023-06)
            return value[:4] if value[5:7] == "12" else value[:7]
        if value is None or not self.counts_from(d):
            return value  # (自1996年闽宁协作启动以来, 2016年结对以来: from the event to date)
        return self.to_date(value.partition("/")[0], facts)

    @staticmethod
    def counts_from(d: Claim) -> bool:
        """Whether a figure date ``d`` governs counts from it to date (今年以来, 2019年以来;
        2016年结对帮扶以来: from the event that year began)."""
        return d.qualifier == "since" or d.qualifier == "exact" and \
            (d.sentence or "").find("以来", d.end, d.end + 23) >= 0 and \
            _SINCE_EVENT.match(d.sentence or "", d.end) is not None

    def to_date(self, start: str, facts) -> str:
        """From ``start`` to the day the document was issued (from an earlier year, to the
        year of that day: 2021/2023); issued on no known day, from
        a year to the report's year (2021/2023), or to the year before in a report delivered
        at its year's start (2013/2017 in a 2018 work report), or that year alone (今年以来:
        the report's year, docs/claims.md rule 3); else open (``2020-06/..``; ``2020/..``
        without a report year). A report that opens its year counts a year before it to
        the end of the year before, not to the day it was delivered (2021年以来 in a work
        report delivered on 2025-01-10: 2021/2024); so does a summary of its year issued
        after it (2021年以来 in a 2021 report signed 2022-01-25: 2021)."""
        issued, year = facts.issued, facts.year
        if facts.opens_year and year is not None and len(start) == 4 and int(start) < year:
            return f"{start}/{year - 1}" if int(start) < year - 1 else start
        if issued and year is not None and len(start) == 4 and int(start) <= year < int(issued[:4]):
            return f"{start}/{year}" if int(start) < year else start  # (a summary of its year
            #  issued the next January: 2021年以来 in a 2021 report signed 2022-01-25 is 2021)
        if issued and issued[:len(start)] >= start:
            if len(start) == 4 and start < issued[:4]:  # (years to date: 2021年以来 in a
                return f"{start}/{issued[:4]}"          # report of 2023-09-26, 2021/2023)
            return f"{start}/{issued}"  # (今年以来 in an issue of 2022-03-31: 2022/2022-03-31)
        if year is not None and len(start) == 4 and int(start) <= year:
            end = year - 1 if facts.opens_year else year
            return f"{start}/{end}" if int(start) < end else start
        if year is not None and start[:5] == f"{year}-" and self.times.through_year:
            return f"{start[:7]}/{year}-12"  # (7月以来 in a year-end summary: to the year's end)
        return f"{start}/.."

    # ---------------------------------------------------------------- 从X增加到Y
    def span_end(self, v: ClaimView) -> str | None:
        """``from`` for X and ``to`` for Y of 从X增加到Y / 由X提高到Y, else None."""
        s = v.s
        if s.may_span is _UNSET:  # (a sentence without 从 or 由 has no such pair)
            s.may_span = len(s.claims) > 1 and any(w in s.text for w in SPAN_FROM)
        if not s.may_span:
            return None
        if v.claim.kind == "date":
            return None
        if v.index + 1 < len(s.claims) and self._pair(v, v.index):
            return "from"
        before = _figure_before(s.claims, v.index)
        if before is not None and self._pair(v, before):
            return "to"
        return None

    def _pair(self, v: ClaimView, i: int) -> bool:
        """``_is_span`` of claim i and the next claim that is not a date, once a sentence
        (shared by their views)."""
        found = v.s.pairs[i]
        if found is None:
            found = v.s.pairs[i] = self._is_span(v, i)
        return found

    def _is_span(self, v: ClaimView, i: int) -> bool:
        claims = v.s.claims
        x = claims[i]
        j = next((k for k in range(i + 1, len(claims)) if claims[k].kind != "date"), None)
        if x.kind == "date" or j is None:
            return False
        y, text = claims[j], v.s.text
        # (the time of Y between them is no part of the verb: 由上年末的X增加到10月末的Y)
        between = "".join(text[a.end:b.start] for a, b in zip(claims[i:j], claims[i + 1:j + 1]))
        between = between.replace("的", "").strip()
        if between not in self.rules["span_to"]:
            return False
        k = x.start
        while k > 0 and v.s.text[k - 1] not in "，,；;：:。":
            k -= 1
        return any(w in v.s.text[k:x.start] for w in SPAN_FROM)


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|旗|盟)|[全我本][国省区市州县]")
_BASE_VERBS = ("为", "是")  # (2020年为X: a level stated for a year)
# a rate's heads after its verb (提高到每人每月702元: the verb before them)
_PER_HEAD = re.compile(r"每(?![年月日天])[\u4e00-\u9fff](?:每[年月日天])?$")  # (每人每月, 每户;
#                                                                    not 每年 alone: every year)
# the last day of a month (-01-31, -06-30, -02-28 or -29), after the year of an ISO day
_LAST_DAY = re.compile(r"-(?:(?:01|03|05|07|08|10|12)-31|(?:04|06|09|11)-30|02-2[89])")


def _reach_words(v: ClaimView) -> str:
    """The words before a figure that may hold the verb of a level reached: its item's, less
    the heads of a rate after the verb (提高到每人每月702元); those of the first figure of a
    list whose items are joined past such heads (…702元和每人每年5064元)."""
    claims, text, k = v.s.claims, v.s.text, v.index
    while k > 0 and _PER_HEAD.sub("", text[claims[k - 1].end:claims[k].start]) in LIST_JOINS:
        k -= 1
    if k == v.index:
        return _PER_HEAD.sub("", v.list_item(LIST_JOINS)[0])
    at = claims[k].start
    return _PER_HEAD.sub("", text[clause_start(text, at):at])


def _figure_before(claims: list[Claim], index: int) -> int | None:
    """The index of the last claim before ``index`` that is not a date, or None."""
    return next((k for k in range(index - 1, -1, -1) if claims[k].kind != "date"), None)


# an event after a date, then 以来, up to the clause's end (2016年结对帮扶以来，…)
_SINCE_EVENT = re.compile(r"[^，,。；;：:、\d]{2,20}?以来(?=[，,。；;：:]|$)")
_SPAN_START = re.compile(r"(?:由|从)((?:19|20|１９|２０)[\d０-９]{2})年")  # (由2020年的X…)
_SPAN_VERB = re.compile("|".join(map(re.escape, table("indicator")["carry"]["span_verbs"])))
# a span stated in one clause: 从/由, a figure, the verb (由21.4%上升到26.8%)
_SPAN_IN_CLAUSE = re.compile(rf"[从由][^，,。；;]{{0,30}}?\d[^，,。；;]{{0,12}}?(?:{_SPAN_VERB.pattern})")


def states_spans(text: str) -> bool:
    """Whether ``text`` states a span 从X增加到Y (2020年到2025年，A从X提升到Y: the years
    opening it are the ends of its spans, not the time of the sentences after it)."""
    return _SPAN_IN_CLAUSE.search(text) is not None


def _outer_cue(v: ClaimView) -> tuple[Cue | None, str]:
    """The time of the claim's paragraph (its block's cue), else none: the document's."""
    block = v.s.block
    return (block.cue, "section") if block is not None and block.cue else (None, "document")


def _since_previous(v: ClaimView) -> str:
    """The claim's clause after the figure before it in the clause, if any (a date or a
    duration is no figure here: 五年中央财政投入达到X reads 五年 as X's)."""
    for prev in reversed(v.s.claims[:v.index]):
        if prev.end <= v.clause_start:
            break
        if prev.kind not in ("date", "duration"):
            return v.s.text[prev.end:v.claim.start]
    return v.clause
