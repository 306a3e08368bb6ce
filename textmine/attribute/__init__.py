"""Attribution: every claim's period, role, region and indicator key (docs/claims.md,
"Attribution"), from its sentence and the whole document.

    >>> att = Attributor.load()
    >>> att.apply(doc, claims)      # fills claim.period, period_source, role, region, indicator_key

One ``Attributor`` holds the tables (the gazetteer of China's divisions, the time words, the
role cues, the indicator keys); build it once and reuse it for many documents. The rules:
``periods.py`` (period), ``roles.py`` (role), ``document.py`` (the document's region and the
time of its parts), ``keys.py`` (indicator key), ``gazetteer.py`` (region names).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter

from ..parse.tables import table, word_list
from ..types import Claim, Document
from .document import BlockTime, DocumentFacts, DocumentReader, speaking_year
from .gazetteer import Gazetteer, Region
from .keys import KeyTable, clean
from ..parse.dates import shift_years
from .periods import AS_OF, DEADLINE_BEFORE, PeriodRules, states_spans, whole_year_in
from .roles import RoleRules, goal_after, opens_target_list
from .timewords import Cue, TimeWords
from .townships import township
from .view import CLAUSE_BOUNDARY, LIST_JOINS, ClaimView, SentenceView, clause_start, opens_clause

# 等 of examples, not of a means (通过空转等方式虚增: the place still the subject)
_EXAMPLES = re.compile(f"等(?!{'|'.join(table('indicator')['trim']['means_ends'])})")
# a clause that only continues the figure before it: a change of it, or a joined figure
_CONTINUES = re.compile(r"(?:比上年末?|比去年|较上年|同比)?(?:实际|名义|年均)?"
                        r"(?:增长|增加|提高|上升|上涨|下降|减少|降低|回落)?了?|[、和及与 ]*")

_AT = "在"  # (在青川县，…: the sentence's setting)
_OF = "的"  # (8个区的86个街镇: the figure of a thing the one before counts)
# a clause that is only the verb of a level reached (威宁县销售额最高，达3.1亿元)
_REACHED = re.compile(r"(?:共|累计|分别)?(?:达到?|为|约为?|突破|超过|实现)了?")
_START = attrgetter("start")
_ANY_CLAUSE_END = re.compile(r"[；;。：:！？!?]")
_WHOLE = re.compile(r"[全我本][国省区市州县盟旗乡镇村]")  # 全县, 我省, 本市: the whole jurisdiction
_WHOLE_FIRST = frozenset("全我本")  # (the characters such a name starts with)
_MONTHS = re.compile(r"\d{4}-\d{2}/\d{4}-\d{2}$")  # 2023-01/2023-10
_UNSET_BLOCK = object()
_PLACE_JOINS = "、和与及"  # between the places a phrase starts with (广东、江苏两省…)
_JOINT = re.compile(r"[两三四五六七八九十\d]+个?(?:省|市|县|区|州|地)")  # ... and their count


def _township_region(name: str) -> Region | None:
    """A township's region, for a name that is one (者海镇), else None."""
    return Region(name, "township") if township(name) == name else None


def _townships_in(home: Region | None) -> bool:
    """Whether a report's figures may be a township's: a county's report, or one whose
    region is not known."""
    return home is None or home.level == "county"


__all__ = ["Attributor", "DocumentFacts", "Gazetteer", "KeyTable", "Region"]


@dataclass
class Attributor:
    gazetteer: Gazetteer
    keys: KeyTable
    reader: DocumentReader
    periods: PeriodRules
    roles: RoleRules
    _placeless: dict[str, str] = field(default_factory=dict)  # key -> _known_without_place

    @classmethod
    def load(cls) -> "Attributor":
        gaz, times = Gazetteer.load(), TimeWords.load()
        periods = PeriodRules.load(times)
        return cls(gaz, KeyTable.load(), DocumentReader.load(gaz, times), periods,
                   RoleRules.load(times, periods.span_end))

    def forget(self) -> None:
        """Drop what was remembered of the texts read so far (the time cues of clauses, the
        lead cues of paragraphs, the keys of indicator phrases): a long run keeps them, as
        documents repeat their wording; a benchmark of one document's cost starts without."""
        self.periods.times.forget()
        self.reader.forget()
        self.keys.forget()
        self._placeless.clear()

    def apply(self, doc: Document, claims: list[Claim], sentences=None) -> list[Claim]:
        """Fill the attribution fields of ``claims`` (the claims of the whole ``doc``;
        ``sentences``: its sentences when already split)."""
        if not claims:
            return claims
        facts = self.reader.read(doc)
        doc.region = facts.township or (facts.region.name if facts.region is not None else None)
        by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:  # (a sentence is known by its number; by its text when it has none)
            index = c.sentence_index
            by_sentence[(index, c.page) if index is not None else (index, c.page, c.sentence)
                        ].append(c)
        where: dict[int, int] = {}  # sentence index -> its block
        times = self._sentence_times(doc, facts, sentences, {k[0] for k in by_sentence}, where)
        province = self.gazetteer.province_code(facts.region)
        places: dict[str, str] = {}  # indicator -> the place it starts with
        found = self.gazetteer.find_each([g[0].sentence or "" for g in by_sentence.values()],
                                         province)
        reading = _Reading()
        issues = _Issues(facts, doc.issues)
        for ((index, *_), group), mentions in zip(by_sentence.items(), found):
            group.sort(key=_START)
            block = where.get(index)
            s = SentenceView(group[0].sentence or "", group, issues.facts(block),
                             times.get(index) if index is not None else None)
            heading = self._heading_kind(doc, block, s.text)
            s.paragraph = doc.blocks[block].text if block is not None and \
                block < len(doc.blocks) else ""
            reading.enter(s, index, block, heading)
            s.home = _opening_place(s.text, mentions) or s.home
            governing = None  # (the date governing the sentence's last figure)
            for i, c in enumerate(group):
                v = ClaimView(c, i, s)
                self.attribute(v, mentions, places, reading.recent)
                if c.kind != "date":  # (looked up by attribute already)
                    governing = self.periods.governing_date(v)
            self._places_share_the_last_key(s, places)
            opening = self._opening_date(s) if s.dates else None  # (once: three readers)
            reading.forecast(s, index, self.roles.opens_forecast(s.text, s.lead))
            reading.leave(s, index, block, self._carry(s, index, opening),
                          _opening_months(opening), opening, governing)
            if heading:
                reading.heading(s, heading)
        return claims

    def _heading_kind(self, doc: Document, block: int | None, text: str) -> str:
        """``part`` for a sentence that is a numbered heading of a part of the report,
        ``heading`` for another heading, "" for the sentences of the text."""
        if block is None or block >= len(doc.blocks) or doc.blocks[block].kind != "heading":
            return ""
        return "part" if self.reader.opens_part.match(text) else "heading"

    def _places_share_the_last_key(self, s: SentenceView, places: dict[str, str]) -> None:
        """A figure whose indicator is only a place, listed before the next figure of its
        kind (黔南州、黔东南州消费帮扶金额分别达到X和Y: X's indicator is 黔南州), takes that
        figure's key when it has none of its own."""
        joins = LIST_JOINS
        claims = s.claims
        for i in range(len(claims) - 2, -1, -1):  # (from the end: a run of places in turn)
            c, nxt = claims[i], claims[i + 1]
            if not c.indicator_key and c.indicator and places.get(c.indicator) == c.indicator \
                    and nxt.kind == c.kind and s.text[c.end:nxt.start] in joins:
                c.indicator_key = nxt.indicator_key

    def _opening_date(self, s: SentenceView) -> Claim | None:
        """The date a sentence opens with (in its opening clause), when it may govern the
        figures after it; else None."""
        first = s.claims[0]
        if first.kind == "date" and first.end <= s.head_end and opens_clause(s.text, first.start) \
                and self.periods.may_govern(s, 0):
            return first  # (not 收入由2014年的X增加到…: the start of a span inside the clause)
        return None

    @staticmethod
    def _carry(s: SentenceView, index: int | None, first: Claim | None) -> tuple | None:
        """The date a sentence ending in ； passes on to the next (``first``: its own opening
        date that may govern, else the one it was given when it names no time of its own),
        with its index; None for other sentences."""
        if index is None or not s.text.rstrip().endswith(("；", ";")):
            return None
        if first is not None:
            return index, first
        if s.dates:  # (a time of its own, not at its opening: what follows is not the list's)
            return None
        return (index, s.carried) if s.carried is not None else None

    def attribute(self, v: ClaimView, mentions: list, places: dict[str, str],
                  recent: dict | None = None) -> None:
        c = v.claim
        if c.kind == "date" and v.s.year != v.s.facts.year:
            self._relative_to_its_part(c, v.s)
        if c.period_source is not None:  # set by an earlier stage (a table's year column)
            period, source = c.period, c.period_source
        else:
            period, source = self.periods.period(v)
        governing = self.periods.governing_date(v) if c.kind != "date" else None
        c.role = c.role or self.roles.role(v, period, governing)
        c.period, c.period_source = period, source
        if c.kind == "date":
            self._date_of_its_part(c)
        indicator = c.indicator or ""
        place = places.get(indicator)
        if place is None:
            place = places[indicator] = self.gazetteer.leading(indicator)
        town = (township(indicator) or township(v.clause) or _township_opening(v, mentions)) \
            if not place and _townships_in(v.s.home) else ""  # (the clause: an indicator cut in the name)
        bracketed = self._bracketed(v, mentions)  # (长顺县（71.2%）: 长顺县's)
        region = bracketed.region if bracketed is not None else \
            Region(town, "township") if town else \
            self._row_place(v, place) or self.region(v, mentions, place)
        if region is not None and region is v.s.facts.region and v.s.facts.township and \
                not any(m.region is region and m.start < c.start for m in mentions):
            region = Region(v.s.facts.township, "township")  # (a township's own report)
        place = place or town  # (a township's name is no part of the key either)
        c.region = region.name if region is not None else None
        c.indicator_key = self._key(v, place, recent if recent is not None else {},
                                    bracketed is not None)

    def _date_of_its_part(self, c: Claim) -> None:
        """A date whose year the text left out takes its part's year, as its period does
        (12月26日 in the review of 2023 of a 2024 report: 2023-12-26, was 2024-12-26; 3月底前 in
        the 2025 plan of a 2024 summary: 2025-03), unless a relative word counts it from the
        document's year (去年, 今年一季度), or from the year of its part (_relative_to_its_part)."""
        period = c.period
        if period and isinstance(c.value, str) and len(period) == len(c.value) and \
                (c.year_source or "").startswith("document") and not self.periods.names_relative_year(c.text):
            c.value = period

    def _relative_to_its_part(self, c: Claim, s: SentenceView) -> None:
        """A relative date (今年, 去年, 年底前) in a part whose relative words count from
        another year than the document's (``speaking_year``: 今年 in the 2024 plan of a 2023
        summary) counted from that year."""
        value, year = c.value, s.facts.year
        if isinstance(value, str) and value[:4].isdigit() and year is not None and \
                (c.year_source or "").startswith("document") and self.periods.names_relative_year(c.text):
            c.value = shift_years(value, s.year - year)

    def _row_place(self, v: ClaimView, place: str) -> Region | None:
        """The division a table cell's row is headed by (长顺县 | 12560 | 18.2: 长顺县's), the
        cell's indicator starting with it (read in the document's province: 朝阳区); None for
        other claims."""
        if v.claim.table is None or not place:
            return None
        found = self.gazetteer.find(place, self.gazetteer.province_code(v.s.home))
        r = found[0].region if found else None
        return r if r is not None and r.level in ("province", "prefecture", "county") else None

    def _key(self, v: ClaimView, place: str, recent: dict, elided: bool) -> str:
        """The claim's indicator key; ``recent``: the keys of the paragraph's figures so far
        by kind and change, which a figure whose statistic is left out takes (``elided``: it
        stands in brackets after a place; also a figure whose indicator is only a place,
        其中：长顺县1.2亿元, or a place and a change, 海南省增长9.2%)."""
        c = v.claim
        # (a list of places: 天津、河北输出技术合同成交额 -> 输出技术合同成交额; their statistic
        # together, 广东、江苏两省地区生产总值, is no one place's: in no series)
        places_ = self._places_before(c.indicator or "", place) if place else place
        if places_ != place and _JOINT.match(c.indicator or "", len(places_)):
            return ""
        last = recent.get((c.kind, c.change), "") if place or elided else ""
        if elided or c.indicator == place:  # (a date's place alone names no event: 截至9月底，广西…)
            return "" if c.kind in ("date", "duration") else last
        # (成都市生产总值X，绵阳市增长Y: a place and a change name no statistic either)
        bare = (bool(c.change) or c.kind == "ratio") and c.kind not in ("date", "duration") and \
            self.keys.bare((c.indicator or "")[len(places_):])
        # (a change that names no statistic: the one before it in its sentence; after a ；,
        # the paragraph's last of its kind: A增长X；上半年增长Y)
        key = self.keys.key(self._distributed(v), clean(places_) if places_ else "") or last or \
            (bare and self._change_key(v, recent)) or self._actual_key(v)
        if key[-2:] in self.keys.tails:  # (most keys: no synonym ends as they do)
            key = self._as_known(key)
        if not elided:
            key = self._with_parallel_head(v, key, recent)
        key = self._account_item(c, key, recent)  # (收入X，基金支出Y: whose 支出)
        # (环比 in the clause also where the indicator was carried from the clause before:
        # 同比增长X，环比增长Y)
        key = self.keys.on_base(self._refined(v, key), (c.indicator or "") + v.clause)
        key = self.keys.of_real(key, c.change, v.clause, v.s.text)  # (名义增长X，实际增长Y)
        if key:
            _remember(v, key, recent)
        return key

    def _account_item(self, c: Claim, key: str, recent: dict) -> str:
        """An item of an account named alone (支出, 结余) after the account's revenue in its
        paragraph (``recent``: 工伤保险基金收入X，基金支出Y): that account's item
        (``KeyTable.of_account``); ``key`` for other figures."""
        return self.keys.of_account(key, recent.get(("money", None), "")) \
            if c.kind == "money" else key

    def _with_parallel_head(self, v: ClaimView, key: str, recent: dict) -> str:
        """A category alone after a figure of its kind whose key names a category and the
        statistic (国有控股企业增加值增长X，股份制企业增长Y: 股份制企业增加值; 城镇居民人均可支配收入
        增长X，农村居民增长Y: 农村居民人均可支配收入): the category and that statistic;
        ``key`` when it names a statistic of its own, or the figure before it none
        (``_parallel_before``)."""
        heads = self.keys.parallel_heads
        last = _parallel_before(v, recent, heads) if key else ""  # (mostly none: at once)
        if not last or v.claim.kind in ("date", "duration", "rank") or len(key) > 14 or \
                key in self.keys.known or key.endswith(heads):
            return key
        head = next((h for h in heads if last.endswith(h) and len(last) > len(h)), None)
        if head is None or last[-len(head) - 1] != key[-1]:  # (企业 and 企业, 居民 and 居民:
            return key                                       # categories of one kind)
        return self.keys.key(key + head) or key

    def _as_known(self, key: str) -> str:
        """``key``, or the statistic of the synonym table it names without a place inside it
        (销售云南扶贫产品: the place is no part of it), remembered per key."""
        if not key or key in self.keys.known:
            return key
        known = self._placeless.get(key)
        if known is None:
            known = self._placeless[key] = self._known_without_place(key)
        return known or key

    def _known_without_place(self, key: str) -> str:
        """The statistic of the synonym table a key names once a place inside it is left out
        (销售云南扶贫产品 -> 消费扶贫销售额), or once the words up to the place are
        after 的 (对口帮扶的云南省贫困发生率 -> 贫困发生率); "" when neither is one."""
        at = self.gazetteer.inside(key)
        if at is None or key[at[0]] in _WHOLE_FIRST:  # (占全县出口总额: a whole, not a place)
            return ""
        before, after = key[:at[0]], key[at[1]:]
        for words in (before + after, after if before.endswith("的") else ""):
            known = self.keys.key(words) if words else ""
            if known in self.keys.known:
                return known
        return ""

    def _actual_key(self, v: ClaimView) -> str:
        """The key of a figure whose words name only the outcome after a goal (预期目标增长5%，
        实际完成X; 预期控制在5.5%以内，实际为Y): the key of the figure before it in its
        sentence; "" for other figures."""
        if not (v.claim.indicator or "").startswith(self.keys.actual):
            return ""  # (called when the figure's own words gave no key)
        prev = next((p for p in reversed(v.s.claims[:v.index])
                     if p.kind not in ("date", "duration")), None)
        if prev is not None:
            return prev.indicator_key or ""
        # (实际使用外资预期目标与上年持平，实际完成X: a goal of no figure; the words before it)
        text, at = v.s.text, v.s.text.find("预期", v.s.lead, v.claim.start)
        return self.keys.key(text[clause_start(text, at):at]) if at > 0 else ""

    def _change_key(self, v: ClaimView, recent: dict) -> str:
        """The key of a change whose words name no statistic: the one before it in its
        sentence (_sentence_key); after a ；, the paragraph's last figure's, when its own
        sentence names no other statistic before it (_names_none_before)."""
        return self._sentence_key(v) or (
            _continued_key(v.claim, recent.get(_LAST))
            if v.s.continues and self._names_none_before(v) else "")

    def _refined(self, v: ClaimView, key: str) -> str:
        """A rank's key (of the growth or the level), a part's (of its whole: _of_whole) and
        a goal's (of the figure before it: _goal_of)."""
        if self.keys.names_goal(v.claim.indicator, bool(goal_after(v.s.text, v.claim.end))) and \
                (of := _goal_of(v)):
            return of
        if key and v.claim.kind == "rank":
            if key.startswith(_GROWTH_WORDS) and (growth := _growth_before(v)):
                return self.keys.growth_of(growth)  # (…增长5.4%，增速高于全国…，居第8位)
            return self.keys.of_rank(key, v.claim.indicator or "")
        if key in self.keys.qualified_parts and v.clause.startswith("其中"):
            return _of_whole(v, key)
        if key in self.keys.area_parts and (whole := _whole_before(v, self.keys.area_parts)):
            # (居民恩格尔系数X，其中城镇Y: 城镇居民恩格尔系数; 全体居民…: 城镇居民…)
            return self.keys.key(key + whole.indicator_key.removeprefix("全体"))
        if key in self.keys.levels_alone and not v.claim.change:
            return _level_before(v) or key  # (国内生产总值增长6.6%，总量突破90万亿元)
        return self._refined_rate(v, key) if v.claim.kind in ("percent", "ratio") else key

    def _refined_rate(self, v: ClaimView, key: str) -> str:
        """A share's, a gap's and a pace's key (``_refined`` of a percent or a ratio)."""
        if key.startswith(_SHARE):
            return self._share_of(v, key)
        if key in self.keys.shares_alone and v.claim.change:  # (占X的60.0%，比重提升Y: whose)
            return _share_before(v) or key
        gap = _GOAL_GAP.match(v.claim.indicator or "")
        if gap and (subject := _level_before(v)):  # (…增长5.3%，低于年初预期目标X: whose)
            return subject + gap[1] + ("目标" if "目标" in gap.string else gap[2])
        if key in self.keys.paces:  # (…增长5.1%，比上月加快0.5个百分点: the growth's pace)
            return _pace_of(v, key)
        if key.startswith(_ASPECTS) and (subject := _level_before(v)):
            return subject + key  # (…增长5.4%，增速高于全国平均水平0.1个百分点: whose)
        if v.claim.unit == "个百分点" and (gap := _GAP_TO.match(v.claim.indicator or "")):
            return self._gap_to(v, gap)
        if key and (m := _OF_WHOLE.match(v.clause)) and not _TIME_WHOLE.search(m["whole"]):
            return self._share_of(v, _SHARE + key)  # (收入X亿元，为预算的101.2%: not 预算)
        return key

    def _gap_to(self, v: ClaimView, gap: re.Match) -> str:
        """The key of a growth's lead on another statistic's (收入增长6.2%，高于城镇居民收入增速
        1.9个百分点): the growth's key, the comparison and the other's key (农村居民人均可支配
        收入快于城镇居民人均可支配收入), so that the gap joins neither statistic's series; ""
        when either is not named."""
        subject, other = _level_before(v), self.keys.key(gap.string[gap.end():])
        return subject + gap[0] + other if subject and other and other != subject else ""

    def _share_of(self, v: ClaimView, key: str) -> str:
        """The key of a share whose phrase names no subject (占世界经济比重, 占规划总投资: a
        share of anything): with the subject of its clause before 占 (cut from the indicator
        by its length: 财政性职业教育经费占国内生产总值比例), else that of the amount right before
        it in its sentence (已完成投资X亿元，占规划总投资的Y; 总值X万亿元，年均增长Y，占世界
        经济比重Z: past its growth), so that shares of different
        statistics make different series; ``key`` when neither is there."""
        prev = v.s.claims[v.index - 1] if v.index else None
        if prev is not None and prev.indicator == v.claim.indicator and prev.start >= v.clause_start:
            return prev.indicator_key or key  # (从1.9%提高到2.2%: the span's start's)
        own = v.clause.rfind(_SHARE)
        subject = _trim_subject(v.clause[:own]) if own > 0 else ""
        if not subject:
            subject = _level_before(v)
        if not subject:
            return key
        whole = self.keys.key(subject + key)
        return whole if whole and not whole.startswith(_SHARE) else key

    def _names_none_before(self, v: ClaimView) -> bool:
        """Whether the words of the claim's sentence before its clause name no statistic of
        their own (其中，6月份增长Y; 纳雍县增速最快，增长Y; not 固定资产投资增速由负转正，全年增长Y,
        which is no change of the figure before the ；)."""
        before = v.s.text[:v.clause_start].rstrip("，,：: ")
        if not before:
            return True
        place = self.gazetteer.leading(before)
        return self.keys.bare(before[len(place):]) if len(before) > len(place) else True

    @staticmethod
    def _sentence_key(v: ClaimView) -> str:
        """The key of a change whose words name no statistic (4.5%，二季度增长6.3%; 名义增长X，
        扣除价格因素实际增长Y; 完成X，同口径增长Y): the statistic of the change of its kind, or of
        the level, right before it, in the clause before its own (a change either way: 同比上涨
        X，环比下降Y); "" when there is none
        (用水量减少X，噪声、扬尘投诉连续回落，分别减少Y: a clause between names others)."""
        c, text = v.claim, v.s.text
        for p in reversed(v.s.claims[:v.index]):
            if p.kind in ("date", "duration"):
                continue
            between = text[p.end:c.start]
            same = p.kind == c.kind and (p.change == c.change or bool(p.change and c.change))
            level = p.change is None and (c.unit == "%" or c.kind == "ratio" or (
                p.kind == c.kind and p.unit == c.unit))  # (完成98.6亿元，同口径增长7.1%: its
            #     growth; 销售X亿元，比上年翻一番: its multiple; 达到542家，比上年净增96家)
            if not (same or level) or len(CLAUSE_BOUNDARY.findall(between)) > 1:
                return ""
            return p.indicator_key or ""
        return ""

    def _distributed(self, v: ClaimView) -> str | None:
        """The claim's indicator, or for an item of a list after 分别 whose indicator names
        as many statistics (城乡居民…分别达到X和Y) the item's own (``KeyTable.distribute``)."""
        indicator = v.claim.indicator
        if indicator and _SHARE in indicator:
            indicator = _uncut_share(v, indicator)
        if not indicator or "分别" not in v.s.text or \
                not any(w in indicator for w in self.keys.distributive):
            return indicator
        joins = LIST_JOINS
        head, item, items = v.list_item(joins)
        subjects, respectively, _ = head.partition("分别")  # (a list after it: 分别从X、Y提高到Z、W)
        if items < 2 or not respectively or any(j in subjects for j in joins):
            return indicator  # (城乡居民基础养老金、低保标准分别提高X、Y: a list of subjects)
        return self.keys.distribute(indicator, item, items)

    @staticmethod
    def _bracketed(v: ClaimView, mentions: list):
        """The place a figure stands in brackets right after (长顺县（71.2%）, a ranking's
        items), as found in its sentence; None for other figures."""
        at = v.claim.start - 1
        if at < 1 or v.s.text[at] not in "（(":
            return None
        return next((m for m in mentions if m.end == at and m.region is not None), None)

    def _places_before(self, indicator: str, place: str) -> str:
        """The places a phrase starts with, each after a joiner (广东、江苏两省地区生产总值 ->
        广东、江苏) or a division and those under it (黔南州长顺县消费帮扶金额 -> 黔南州长顺县),
        the first being ``place``."""
        if not place or len(indicator) <= len(place):
            return place
        if indicator[len(place)] not in _PLACE_JOINS:
            under = self._under(place, indicator[len(place):])
            return place + self._places_before(indicator[len(place):], under) if under else place
        rest = indicator[len(place) + 1:]
        more = self.gazetteer.leading(rest)
        return indicator[:len(place) + 1] + self._places_before(rest, more) if more else place

    def _under(self, place: str, rest: str) -> str:
        """The name of a division under ``place`` that ``rest`` starts with, else ""."""
        name = self.gazetteer.leading(rest)
        outer = self.gazetteer.region(place) if name else None
        if outer is None:
            return ""
        m = next(iter(self.gazetteer.find(name, self.gazetteer.province_code(outer))), None)
        inner = m.region if m is not None else None
        return name if inner is not None and self.gazetteer.lies_in(inner, outer) else ""

    def region(self, v: ClaimView, mentions: list, place: str = "") -> Region | None:
        """The document's region, unless a place is the subject of the claim's clause
        (``mentions``: the places named in the claim's sentence; ``place``: the one the
        claim's indicator starts with, in a run after 分别 its own subject: 长顺县、荔波县分别
        到位资金X、Y -> 荔波县 for Y)."""
        start = v.clause_start
        inside = [m for m in mentions if start <= m.start and m.end <= v.claim.start] \
            if mentions else []
        if place and len(inside) > 1 and "分别" in v.clause:  # (each its own: 分别)
            named = next((m for m in inside if m.surface == place), None)
            if named is not None and named.region is not None:
                return named.region
        first = inside[0] if inside else None
        if first is None:
            return self._unnamed(v, mentions)
        helped = len(inside) > 1 and v.s.text[first.end:inside[1].start] in self._helped_by
        if helped:
            first, inside = inside[1], inside[1:]  # (上海市帮扶的云南省…: the place helped)
        home = v.s.home
        if first.region is not None and first.region.level == "national" and \
                home is not None and home.level != "national" and \
                self._national_title(v.s.text, first.end, v.claim.start):
            return home  # 全国文明村镇 in a province's report: a title
        if not helped and not self._is_subject(v, first):
            # (某市某平台等3个平台: the place one example of what is counted; 帮助销售陇南
            # 农特产品: the place an object, the clause's subject that of the clause before)
            return self._unnamed(v, mentions)
        if first.region is None:  # (全省, 本市: the document's, unless of another kind)
            return self._whole_named_before(v, first, mentions) or home
        return self.gazetteer.narrowed(inside, v.s.text)  # (河北承德贫困发生率: 承德市)

    def _respective(self, v: ClaimView, mentions: list) -> Region | None:
        """For an item of a list after 分别 in a clause that names no place, the place of the
        same rank in the list of places before an earlier 分别 of its sentence, of as many
        items (玉林市、贵港市分别建成车间X、Y，吸纳就业分别为Z、W: 贵港市 for W); else None."""
        text = v.s.text
        if "分别" not in v.clause or not mentions or mentions[0].end > v.clause_start:
            return None
        joins = LIST_JOINS
        _, item, items = v.list_item(joins)
        before = [m for m in mentions if m.end <= v.clause_start and m.region is not None]
        run = before[-1:]
        while len(run) < len(before) and \
                text[before[-len(run) - 1].end:run[0].start] in joins:
            run.insert(0, before[-len(run) - 1])
        if items < 2 or len(run) != items:
            return None
        bound = CLAUSE_BOUNDARY.search(text, run[-1].end)  # (分别 in the places' own clause,
        own = "分别" in text[run[-1].end:bound.start() if bound else None]  # or opening the
        first = v.s.claims[v.index - item]                                   # next one's list)
        nxt = bound is not None and CLAUSE_BOUNDARY.search(text, bound.end(), first.start) is None \
            and "分别" in text[bound.end():first.start] and \
            not any(run[-1].end <= c.start < first.start for c in v.s.claims)
        return run[item].region if own or nxt else None  # (韶关、湛江等市依托品牌，分别建成X、Y)

    def _national_title(self, text: str, end: int, start: int) -> bool:
        """Whether the words after 全国 (ending at ``end``) up to the claim (at ``start``)
        name an honour or a programme (全国文明村镇), not the nation's statistic."""
        words = text[end:start]
        return any(w in words for w in self._national_titles)

    @cached_property
    def _national_titles(self) -> tuple[str, ...]:
        return tuple(self.reader.rules["regions"]["national_titles"])

    def _unnamed(self, v: ClaimView, mentions: list) -> Region | None:
        """The region of a claim whose clause names no place: the document's, or the one
        the clause before it is about when the clause goes on with it (or one of an earlier
        list of places, ``_respective``)."""
        if (respective := self._respective(v, mentions)) is not None:
            return respective
        k = v.index - 1  # (the figure before, past a span of time in the claim's own clause:
        while k >= 0 and v.s.claims[k].kind in ("date", "duration") and \
                v.s.claims[k].start >= v.clause_start:  # …达到17320元，五年年均增长Y)
            k -= 1
        prev = v.s.claims[k] if k >= 0 else None
        if prev is not None and prev.region and (
                _CONTINUES.fullmatch(v.clause) or self._same_subject(v, prev) or
                _next_in_list(v, prev, mentions)):
            # 长沙市地区生产总值X，增长Y: the change of the figure before, its place;
            # 贵定县新建车间15个，吸纳就业620人: a clause without a subject, the one before's
            return self.gazetteer.region(prev.region) or _township_region(prev.region) or v.s.home
        return self._subject_of_clause_before(v, prev, mentions) or _framed(v, mentions) or \
            v.s.home

    def _whole_named_before(self, v: ClaimView, whole, mentions: list) -> Region | None:
        """The division a whole jurisdiction (``whole``: 全州, 全县) stands for when the
        document's is of another kind: the last one of that kind its sentence names before it
        (云南省文山州…，全州贫困发生率X in a city's report: 文山州), or its paragraph's sentences
        before it (在甘肃省定西市，…。全市马铃薯种植面积X in a national article), else the one of that kind
        the document's lies in (全省 in the notice of a bank's branch in 西宁市: 青海省);
        else None."""
        home, word = v.s.home, whole.surface
        if len(word) != 2 or word[0] != "全" or home is None or home.name.endswith(word[1]):
            return None
        before = _before_in(v.s.paragraph, v.s.text)
        named = self._named_as(word, [x for x in mentions if x.end <= whole.start]) or \
            self._named_as(word, self.gazetteer.find(before) if before else [])
        if named:  # (its sentence's, else its paragraph's before it: 定西市，…。全市X)
            return named[-1].region
        if v.claim.kind == "rank" or "在" in v.s.text[v.clause_start:whole.start]:
            return None  # (在全省考核中排名第二: the scope of a rank, not the subject)
        return next((r for r in self.gazetteer.path(home)[:-1]
                     if r.name.endswith(word[1]) and word[1] in "省州"), None)

    @staticmethod
    def _named_as(word: str, mentions: list) -> list:
        """The places of ``mentions`` of the kind a whole jurisdiction's word says (全市: 市)."""
        return [x for x in mentions if x.region is not None and
                x.region.name.endswith(word[1]) and x.surface.endswith(word[1])]

    def _subject_of_clause_before(self, v: ClaimView, prev: Claim | None,
                                  mentions: list) -> Region | None:
        """The place the clause right before the claim's opens with, when that clause holds
        no figure and the claim's is only a verb of a change or of a level reached, with no
        words of its own (威宁县销售额最高，达3.1亿元: 威宁县's); else None."""
        text, start = v.s.text, v.clause_start
        if start < 2 or text[start - 1] not in "，,":
            return None
        plain = _CONTINUES.fullmatch(v.clause) or _REACHED.fullmatch(v.clause)
        if not plain and not (mentions and mentions[0].start == v.s.lead and
                              not _names_whole(v.clause)):
            return None  # (a clause with words of its own after a clause that does not open
            #              the sentence with a place: 西部数谷等4个项目, 全县…)
        lo = clause_start(text, start - 1)
        if not plain and lo > v.s.lead:  # (花垣县依托…，大力发展…，实现网络零售额X: the
            lo = v.s.lead                  # sentence's subject, with no place between)
            if any(lo < m.start < start for m in mentions):
                return None
        if prev is not None and prev.end > lo:
            return None  # (the clause before holds a figure: its own rules)
        inside = [m for m in mentions if lo <= m.start and m.end < start]
        if not inside or inside[0].start != lo or inside[0].region is None or \
                inside[0].region.level not in ("province", "prefecture", "county"):
            return None
        return self.gazetteer.narrowed(inside, text)

    @staticmethod
    def _same_subject(v: ClaimView, prev: Claim) -> bool:
        """Whether the claim's clause goes on with the subject of the clause before it: the
        one before is a place's (not the document's) and ends at a comma just before the
        claim's clause, which names no whole jurisdiction (全县, 全州, 我省) of its own."""
        home = v.s.home
        if home is not None and prev.region == home.name:
            return False
        start = v.clause_start
        between = v.s.text[prev.end:start]
        return between.count("，") == 1 and not _ANY_CLAUSE_END.search(between) and \
            not _names_whole(v.clause)

    @cached_property
    def _subject_lead(self) -> list[str]:
        return sorted(self.reader.rules["regions"]["subject_lead"], key=len, reverse=True)

    def _is_subject(self, v: ClaimView, first) -> bool:
        """Whether the place ``first`` (the first named in the claim's clause) is its subject:
        only time words and the like before it (``subject_lead``), not one of a list or an
        example (、, 等), not where the actor did something (在宁波开设…)."""
        text = v.s.text
        lead = text[v.clause_start:first.start]
        if lead.endswith("在") and text.startswith(self._acts_at, first.end):
            return False
        for w in self._subject_lead:
            lead = lead.replace(w, "")
        for d in v.s.claims:  # (2016年至2020年全省搬迁X: a written time before it, too;
            if d.kind == "date" and v.clause_start <= d.start and d.end <= first.start:  # a
                lead = lead.replace(d.text, "")  # deadline, 到2025年九寨沟县将建成X: the 到 with it)
                if text[d.start - 1:d.start] in DEADLINE_BEFORE and lead.endswith(text[d.start - 1]):
                    lead = lead[:-1]
        return not (lead.strip() or text.startswith(self._not_subject_after, first.end) or
                    _EXAMPLES.search(text, first.end, v.claim.start) is not None and
                    not _acts(text, first.end))

    @cached_property
    def _helped_by(self) -> frozenset[str]:
        return frozenset(self.reader.rules["regions"]["helped_by"])

    @cached_property
    def _acts_at(self) -> tuple[str, ...]:
        return tuple(self.reader.rules["regions"]["acts_at"])

    @cached_property
    def _not_subject_after(self) -> tuple[str, ...]:
        return tuple(self.reader.rules["regions"]["not_subject_after"])

    def _sentence_times(self, doc: Document, facts: DocumentFacts, sentences=None,
                        wanted: set | None = None, where: dict | None = None
                        ) -> dict[int, BlockTime]:
        """The time context of each sentence: its block's, narrowed by the last sentence of
        the paragraph that opened with a time word (过去一年，…。国内生产总值增长X).
        ``wanted``: the indices of the sentences asked about (a block is read up to its last
        one: the context starts afresh at every block and runs forward). ``where``, when
        given, is filled: sentence index -> its block.
        """
        from ..nlp.sentences import split_document  # offsets only: no spaCy
        sents = sentences if sentences is not None else split_document(doc)
        # (the index of the last sentence asked about in each block; None: every sentence)
        last_wanted = {s.block: s.index for s in sents if s.index in wanted} \
            if wanted is not None else None
        out: dict[int, BlockTime] = {}
        block, current, targets, last = -1, None, False, None
        blocks, year, lead_cue = facts.blocks, facts.year, self.reader.lead_cue
        for s in sents:
            if s.block >= len(blocks) or \
                    last_wanted is not None and s.index > last_wanted.get(s.block, -1):
                continue
            bt = blocks[s.block]
            if s.block != block:
                block, current, targets = s.block, bt, False
            text = s.text
            cue = _time_of_later_sentences(
                lead_cue(text, speaking_year(bt.part, year, facts.issued)), text)
            if cue is not None and (bt.part is not None or bt.cue is None):
                current = BlockTime(bt.part, cue, "section")
            # a list of targets runs from 预期目标是： over items cut by ； to the full stop
            targets = targets or opens_target_list(text)
            if last is None or last.targets != targets or last.cue is not current.cue or \
                    last.part is not current.part or last.source != current.source or \
                    last.place is not bt.place:
                last = BlockTime(current.part, current.cue, current.source, targets, bt.place)
            out[s.index] = last  # (read only: sentences with the same context share one)
            if where is not None:
                where[s.index] = s.block
            if targets and not text.rstrip().endswith(("；", ";")):
                targets = False
        return out


def _before_in(paragraph: str, sentence: str) -> str:
    """The text of ``paragraph`` before ``sentence`` ("" when it opens it)."""
    at = paragraph.find(sentence[:20]) if sentence else -1
    return paragraph[:at] if at > 0 else ""


def _time_of_later_sentences(cue: Cue | None, text: str) -> Cue | None:
    """The time a sentence opens with (``cue``), as the time of its paragraph's later
    sentences: not a range of years whose sentence states spans (2020年到2025年，A从X提升到Y。
    B…: the years are the ends of its spans, not B's time)."""
    return None if cue is not None and cue.kind == "years" and states_spans(text) else cue


def _opening_months(first: Claim | None) -> Claim | None:
    """The months a sentence opens with (``first``: the date it opens with, if any; 1-10月，…;
    前三季度，…; 上半年，…: a range of months of a year, a statistic's period; not 9月份后 or
    去年下半年开始, a narrative's), which govern the figures of the later sentences of its
    paragraph that name no time of their own, up to one with a time of its own; None when it
    opens otherwise."""
    if first is None or first.qualifier != "range" or not _MONTHS.match(str(first.value)):
        return None
    return first


def _names_whole(clause: str) -> bool:
    """Whether a clause names a whole jurisdiction (全县, 我省) other than as the base of a
    comparison (低于全省平均, 居全省第二: not its subject)."""
    m = _WHOLE.search(clause)
    return m is not None and not clause.endswith(_COMPARED_WITH, 0, m.start())


_COMPARED_WITH = ("低于", "高于", "快于", "慢于", "好于", "比", "较", "占", "居", "列", "于", "超过")


def _framed(v: ClaimView, mentions: list) -> Region | None:
    """The division a sentence opens with as its setting, for a figure whose own clause names
    no subject: 在 and the place alone before a comma (在青川县，安吉县援建的茶叶基地面积X:
    青川县's), or the place of the body whose speaker the sentence's lead-in names (赫章县农业
    农村局负责人表示，…力争突破X: 赫章县's); else None."""
    m = mentions[0] if mentions else None
    lead, text = v.s.lead, v.s.text
    if m is None or m.region is None or m.end >= v.clause_start:
        return None
    framed = m.start == lead + 1 and text[lead] == _AT and text[m.end:m.end + 1] in ("，", ",")
    spoken = v.s.spoken and m.start == 0 and m.end < lead
    return m.region if (framed or spoken) and \
        m.region.level in ("province", "prefecture", "county") else None


def _next_in_list(v: ClaimView, prev: Claim, mentions: list) -> bool:
    """Whether the claim goes on with the figure before it in its own clause, naming no place
    between them: the next item of a list (after 、, 和, 及, 与: 台州市选派干部X，其中教师Y、
    医生Z: Z, as Y, the clause before's), or a figure after it with no 的 between (监测对象
    2186户9354人); not a figure of what the one before counts (8个区的86个街镇)."""
    text = v.s.text
    return prev.start >= v.clause_start and (
        text.startswith(LIST_JOINS, prev.end, v.claim.start) or
        _OF not in text[prev.end:v.claim.start]) and \
        not any(prev.end <= m.start < v.claim.start for m in mentions)


def _opening_place(text: str, mentions: list) -> Region | None:
    """The place a sentence opens with as its heading (盘州市：本月…, 【水城区】1-8月…): what
    its figures are about, as the document's region is of other sentences; None if none."""
    m = mentions[0] if mentions else None
    if m is None or m.region is None or m.start > 1 or text[:m.start] not in ("", "【", "["):
        return None
    after = text[m.end:m.end + 1]
    return m.region if after in ("：", ":") or (m.start and after in ("】", "]")) else None


_LAST = "last"  # (in a paragraph's ``recent``: its last figure with a key)
_PART_OPENING = "其中"  # (a sentence that opens so goes on with the one before it)
_SHARE = "占"  # (a share's phrase: 占国内生产总值比重)
# an aspect of the figure before or a comparison with the nation's (增速高于全国平均水平,
# 比全国平均水平高): no statistic named, the one before it in its sentence
_GROWTH_WORDS = ("增速", "增幅", "涨幅")  # (the words of a growth rate a rank may rank)
_ASPECTS = (*_GROWTH_WORDS, "降幅", "比全国", "高于全国", "低于全国")
# a gap between a figure and its goal (低于年初预期目标, 高于计划目标): keyed by the statistic
_GOAL_GAP = re.compile(r"^(低于|高于|超过|超出|好于)[^，,；;。]{0,8}?(目标|计划)")
# a share written as 为/完成 the whole 的 (为预算的101.2%, 完成年度计划的98%), but not of a time
# (为上年的1.2倍: a multiple of the statistic's own past)
# a growth's lead on another statistic's (高于城镇居民收入增速, 快于城镇居民): keyed by both
_GAP_TO = re.compile(r"^(?:高于|低于|快于|慢于)")
_OF_WHOLE = re.compile(r"^(?:为|是|完成|相当于)(?P<whole>[^，,；;。：:]{2,10})的$")
_TIME_WHOLE = re.compile(r"(?:年|月|期|季度)$")  # (上年, 同期; not 年度目标任务, a goal)


def _level_before(v: ClaimView) -> str:
    """The key of the amount a share right after it is a share of: in the clause before, or
    before a run of its changes (总值X万亿元，年均增长Y，占…); else the key of the growth
    right before it (高技术制造业增加值增长12.5%，占…的比重为15.8%); "" when there is none."""
    after, growth = v.claim.start, ""
    for p in reversed(v.s.claims[:v.index]):
        if len(CLAUSE_BOUNDARY.findall(v.s.text, p.end, after)) > 1:
            break
        if p.kind == "date":  # (the base of a change of its growth: 增速较一季度加快X)
            continue
        if p.kind in ("money", "count", "quantity"):
            return p.indicator_key or ""
        if p.kind != "percent" or not p.change:
            break
        growth, after = growth or p.indicator_key or "", p.start
    return growth


def _uncut_share(v: ClaimView, indicator: str) -> str:
    """A share's indicator with the words of its clause before it that the length limit cut
    (第三产业增加值占地区生产总值比重 -> 增加值占…: whose share was lost, and every industry's
    share met in one key), when they are few; else the indicator."""
    clause = v.clause
    if (year := _YEAR_FIRST.match(clause)) is not None:
        clause = clause[year.end():]  # (2025年财政性教育经费…: the year governs, no subject)
    at = clause.find(indicator)
    if not 0 < at <= _SHARE_HEAD_MAX or clause[0] in _NOT_A_SUBJECT or \
            _DIGIT_IN.search(clause, 0, at):
        return indicator  # (在国内生产总值中占比: a preposition, no subject)
    return clause[:at + len(indicator)]


_SHARE_HEAD_MAX = 8  # (the words a share's subject may have lost: 全省第三产业)
_NOT_A_SUBJECT = frozenset("在对把从由向将")  # (a clause opening with a preposition)
_DIGIT_IN = re.compile(r"[\d０-９]")
_YEAR_FIRST = re.compile(r"[\d０-９]{4}年(?:底|末)?")


def _share_before(v: ClaimView) -> str:
    """The key of the share a change of a bare share word is the change of (占全省进出口总值
    的60.0%，比重较上年提升0.7个百分点): the share right before it, in the clause before; ""
    when there is none."""
    for p in reversed(v.s.claims[:v.index]):
        if len(CLAUSE_BOUNDARY.findall(v.s.text, p.end, v.claim.start)) > 1:
            break
        if p.kind == "date":
            continue
        return (p.indicator_key or "") if p.kind == "percent" and not p.change else ""
    return ""


def _pace_of(v: ClaimView, key: str) -> str:
    """The key of a change of pace (加快, 降幅收窄): the growth's before it in its sentence,
    the aspect (增速, or 降幅 after a fall, where none is written) and the pace; "" when no
    growth stands before it."""
    growth = next((p for p in reversed(v.s.claims[:v.index])
                   if p.kind == "percent" and p.change and p.indicator_key), None)
    if growth is None or len(CLAUSE_BOUNDARY.findall(v.s.text, growth.end, v.claim.start)) > 1:
        return ""
    aspect = "" if key.startswith(_ASPECTS) else "降幅" if growth.change == "decrease" else "增速"
    return growth.indicator_key + aspect + key


def _goal_of(v: ClaimView) -> str:
    """The key of the figure a goal named after it is the goal of: the figure of the goal's
    kind and unit before it in its sentence (新增就业X，完成年度目标任务Y); "" when none."""
    c = v.claim
    for p in reversed(v.s.claims[:v.index]):
        if p.kind == c.kind and p.unit == c.unit:
            return p.indicator_key or ""
    return ""


def _growth_before(v: ClaimView) -> str:
    """The key of the growth a rank whose words name only an aspect of it (增速高于全国平均
    水平…，居全国第8位) ranks: the growth before it in its sentence, past gaps and ranks of
    it; "" when there is none."""
    for p in reversed(v.s.claims[:v.index]):
        if p.kind == "percent" and p.change and p.unit == "%":
            return p.indicator_key or ""
        if p.kind not in ("percent", "rank"):
            break
    return ""


def _trim_subject(words: str) -> str:
    """The subject of a share in the words of its clause before 占: "" when they hold a
    figure or name nothing of two characters (其中, 约)."""
    words = words.strip()
    return words if len(words) >= 2 and not any(ch.isdigit() for ch in words) else ""


def _of_whole(v: ClaimView, key: str) -> str:
    """The key of a part after 其中 that names a population counted by a statistic of its
    own (贫困人口): the key of the whole it is part of before it (全县易地扶贫搬迁1.2万人，
    其中贫困人口9800人 -> 易地扶贫搬迁贫困人口: the poor among those moved, not all the poor
    of the county), or ``key`` when no figure of its kind and unit stands before it."""
    whole = _whole_before(v)
    if whole is None or key in whole.indicator_key:
        return key
    return whole.indicator_key + key


def _whole_before(v: ClaimView, parts: tuple[str, ...] = ()) -> Claim | None:
    """The keyed figure of the claim's kind and unit nearest before it in its sentence, the
    whole a part after it is of; not one whose key starts with one of ``parts`` (an area's
    part itself: 其中城镇X，农村Y); None when there is none."""
    return next((p for p in reversed(v.s.claims[:v.index]) if p.kind == v.claim.kind and
                 p.unit == v.claim.unit and p.indicator_key and
                 not p.indicator_key.startswith(parts)), None)


def _remember(v: ClaimView, key: str, recent: dict) -> None:
    """Keep a keyed figure in its paragraph's ``recent``: the key of its kind and change, and
    the figure as the last (not a date, a span, a rank, nor a figure in brackets: 年度目标任务
    （25亿元）, an aside). A part listed after 其中 keeps the key of its whole for the figures
    after it that name only a place (…资金25.86亿元，其中省级资金X、市县资金Y。分地区看，甘孜州Z:
    the whole's, not 市县资金)."""
    c = v.claim
    if not (v.clause.startswith(_PART_OPENING) and (c.kind, c.change) in recent):
        recent[(c.kind, c.change)] = key
    if c.kind not in ("date", "duration", "rank") and \
            (c.start == 0 or v.s.text[c.start - 1] not in "（("):
        recent[_LAST] = c


def _township_opening(v: ClaimView, mentions: list) -> str:
    """The township a sentence opens with when the claim's clause comes after that opening
    clause, holds no figure before it and names no place (双塘街道依托安置社区，建成帮扶车间6个:
    双塘街道's), as a division's would be its subject; "" otherwise."""
    start = v.clause_start
    if start <= v.s.head_end:
        return ""
    town = township(v.s.text[v.s.lead:v.s.head_end])  # (mostly none: first)
    if not town or any(c.end <= start and c.kind != "date" for c in v.s.claims) or \
            any(start <= m.start < v.claim.start for m in mentions):
        return ""
    return town


def _acts(text: str, at: int) -> bool:
    """Whether a verb (jieba's, of two or three characters) follows a place at ``at``: the
    place acts (榕江县开展电工、焊工等技能培训: the subject, whatever examples follow), not
    one example of a list (某市某平台等3个平台)."""
    verbs = word_list("verbs")
    return text[at:at + 2] in verbs or text[at:at + 3] in verbs


def _parallel_before(v: ClaimView, recent: dict, heads: tuple[str, ...]) -> str:
    """The key of the figure right before the claim, in the clause before its own or
    before the ； that ends the sentence before, when of its kind and a change either way
    or none alike, and ending in one of ``heads``; else ""."""
    c = v.claim
    p = v.s.claims[v.index - 1] if v.index else recent.get(_LAST) if v.s.continues else None
    key = p.indicator_key if p is not None and p.kind == c.kind and \
        (p.change == c.change or bool(p.change and c.change)) else ""  # (下降X，衣着类上涨Y)
    if not key or not key.endswith(heads):
        return ""
    return key if not v.index or \
        len(CLAUSE_BOUNDARY.findall(v.s.text, p.end, v.clause_start)) == 1 else ""


def _continued_key(c: Claim, p: Claim | None) -> str:
    """The key of a change naming no statistic after a ；: that of the paragraph's figure
    before it when it is a change of the same kind, or a level a rate is the growth of
    (国内生产总值…增加到51.9万亿元；年均增长9.3%); "" otherwise."""
    if p is None:
        return ""
    same = p.kind == c.kind and p.change == c.change
    level = p.change is None and c.unit == "%"
    return (p.indicator_key or "") if same or level else ""


class _Issues:
    """The facts of each issue of a file of several (a bulletin's issues one after the
    other, ``days``: (the block of each masthead, its day)): the document's, issued on the
    day of the masthead above (今年以来 in the issue of 9月30日 counts to that day, not to
    the first issue's)."""

    def __init__(self, facts: DocumentFacts, days: list[tuple[int, str]]) -> None:
        self.doc, self.days = facts, days
        self._by_day: dict[str, DocumentFacts] = {}

    def facts(self, block: int | None) -> DocumentFacts:
        if not self.days or block is None:
            return self.doc
        day = next((d for b, d in reversed(self.days) if b <= block), None)
        if day is None or day == self.doc.issued:
            return self.doc
        found = self._by_day.get(day)
        if found is None:
            found = self._by_day[day] = replace(self.doc, issued=day)
        return found


@dataclass
class _Reading:
    """What the sentences read so far pass on to the next, read in order."""
    carry: tuple | None = None  # (sentence index, date): 1-6月，A；B。 gives B its date
    para: tuple | None = None   # (block, months): 1-10月，A。B。 gives B its months
    recent: dict = field(default_factory=dict)  # the paragraph's keyed figures (by kind and
    #                                             change; _LAST: the last)
    block: object = _UNSET_BLOCK  # the paragraph of the last sentence
    semicolon: int | None = None  # the index of the last sentence, when it ended in ；
    whole: Claim | None = None    # the last sentence's whole of the parts it listed after 其中
    opening: tuple | None = None  # (sentence index, the date the last sentence opened with)
    governing: tuple | None = None  # (sentence index, the date governing its last figure)
    # the date a heading above says its figures are counted to, and the part of the report
    # it holds in (a numbered part's heading: that part; None: any)
    as_of: tuple | None = None
    opens: bool = True  # the last sentence entered opened its paragraph
    forecasting: int | None = None  # the index of the last sentence, when it forecast and
    #                                 ended in ；

    def forecast(self, s: SentenceView, index: int | None, opens: bool) -> None:
        """After sentence ``s``: whether the next goes on with its forecast (``opens``: it
        opens with a forecast word; or it went on with one), after its ；."""
        self.forecasting = index if index is not None and (opens or s.forecasts) and \
            s.text.rstrip().endswith(("；", ";")) else None

    def heading(self, s: SentenceView, kind: str) -> None:
        """After a heading (``kind``: part or heading): the date it says the figures under it
        are counted to (三、各县成效（数据截至11月30日）), which they take when they name no
        time of their own, up to the next part's heading (or, set by an unnumbered heading,
        the next heading that says another)."""
        d = next((c for c in s.claims if c.kind == "date" and
                  s.text.endswith(AS_OF, 0, c.start)), None)  # (（数据截至11月30日）)
        if d is not None:
            self.as_of = (d, s.block.part if kind == "part" and s.block is not None else None)

    def enter(self, s: SentenceView, index: int | None, block, heading: str = "") -> None:
        """Give sentence ``s`` (number ``index``, in paragraph ``block``; ``heading``: the
        kind of heading it is, "" for none) what it carries on."""
        part = s.text.lstrip().startswith(_PART_OPENING)  # (其中，…: parts of what came before)
        s.carried = self._carried(s, index, block, heading, part)
        self.opens = block != self.block
        if self.opens:
            self.recent, self.block = {}, block  # (a new paragraph)
        else:  # (A增长X；B… and A增长X。其中，6月份增长Y: a part of the sentence before)
            after_semicolon = index is not None and self.semicolon == index - 1
            s.continues = after_semicolon or (index is not None and part)
            # (…930亿元。其中，教育支出X；社会保障支出Y: each part listed has the whole)
            s.whole = self.recent.get(_LAST) if part else self.whole if after_semicolon else None
            s.forecasts = after_semicolon and self.forecasting == index - 1

    def _carried(self, s: SentenceView, index: int | None, block, heading: str,
                 part: bool) -> Claim | None:
        """The date the sentences read so far give sentence ``s`` (``part``: it opens with
        其中), else None."""
        if self.carry is not None and index is not None and self.carry[0] == index - 1:
            if part and self.governing is not None and self.governing[0] == index - 1:
                return self.governing[1]  # (2022年…，截至2023年4月底仍有X未完工；其中Y: the
            return self.carry[1]          # parts of X, of X's time)
        if part and self.opening is not None and index is not None and \
                self.opening[0] == index - 1 and not s.dates:
            return self.opening[1]  # (截至11月底，A。其中，B: the parts of A, of its time)
        if s.dates:
            return None
        if self.para is not None and self.para[0] == block and \
                not whole_year_in(s.text, 0, len(s.text)):
            return self.para[1]  # (1-10月，A。全年B: the whole year)
        if not heading and self.as_of is not None and (
                self.as_of[1] is None or s.block is not None and s.block.part is self.as_of[1]):
            return self.as_of[0]  # (the figures under 三、…（数据截至11月30日）)
        return None

    def leave(self, s: SentenceView, index: int | None, block, carry: tuple | None,
              months, opening: Claim | None = None, governing: Claim | None = None) -> None:
        """After sentence ``s``: the date it passes on (``carry``), the months it opens with
        (``months``, when it holds dates) and the date it opens with (``opening``), which a
        sentence of its parts after it (其中，…) takes, or, after a ；, the date governing its
        last figure (``governing``)."""
        self.carry = carry
        self.opening = (index, opening) if opening is not None and index is not None else None
        self.governing = (index, governing) if governing is not None and index is not None \
            else None
        self.semicolon = index if s.text.rstrip().endswith(("；", ";")) else None
        self.whole = s.whole
        if s.dates:  # (a time of its own: what follows is not the opening months'; months
            #            opening a later sentence of the paragraph are that sentence's alone,
            #            2023年，A。上半年B。C: C is the year's; and only a statistical
            #            release's paragraphs run on with the months they open with, not a
            #            report's: 上半年，A增长X。B增长Y in a work report, Y is the year's)
            self.para = (block, months) if months is not None and block is not None and \
                self.opens and (s.facts.kind == "bulletin" or s.facts.span is not None) else None
        elif self.para is not None and whole_year_in(s.text, 0, len(s.text)):
            self.para = None  # (1-11月，A。全年B。C: the months end at the whole year)
