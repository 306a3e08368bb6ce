"""The role of a claim: ``outcome`` (what happened or stands; the default), ``target`` (a
quantified goal, ceiling or floor), ``plan`` (money or standards the issuing body arranges)
or ``forecast`` (the author's estimate of a value not yet known). The cue words are in
``textmine/data/attribution.toml`` ``[roles]``; the rules, first that applies:

1. a forecast word in the claim's clause (预计全年…);
1a. a figure followed by the goal it is the value of (低于3%左右的调控目标): target;
2. a word that says it happened (已, 完成, 目前) in the clause: outcome;
3. money (or a per-unit standard) after an arranging word (安排, 拟, 预算): plan, also in
   the review of a past year (the contract names these words, not a tense);
3a. a word that states a plan or goal (计划, 预期目标是) in the clause, also of a past year:
   target;
3b. a part (其中…) has the role of the figure before it;
3c. a past time word in the clause (去年, not as a comparison base) or a period that ended
   before the report year: outcome;
3d. money of a budget item (财政赤字, 财政支出, 专项债券; a budget rate with an arranging word)
   in the year's tasks or a plan period: plan; so is every sum, and its change or share, in
   the budget draft of a budget report (二、2023年预算草案), but a stated goal (预期增长6%);
3e. a sentence that opens with a forecast word (预计到年底，…将突破X): forecast;
4. a target word before it in the sentence (预期目标是：; not one a comparison refers to:
   低于年初预期目标), or in its clause (力争, 确保, 控制在,
   the modal 要/将), or a deadline (到2020年) it falls under: target;
5. in a forward-looking part of a report (the year's tasks, a plan period) or with a period
   after the report year: plan for arranged money, else target;
6. outcome.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from ..parse.tables import alternation, searchers, table
from ..types import Claim
from .periods import AS_OF
from .timewords import TimeWords, year_range
from .view import _UNSET, CLAUSE_BOUNDARY, LIST_JOINS, ClaimView, clause_start, goal_in_brackets

STRONG_TARGET = ("预期目标", "目标是", "目标为", "主要目标", "发展目标")
_STRONG_TARGET = re.compile("|".join(STRONG_TARGET))
# a word of the outcome after a stated target (预期目标增长5%，实际完成X: X what happened)
_TARGET_ENDED = re.compile(alternation(table("attribution")["roles"]["target_ended"]))
TARGET_LISTS = ("预期目标", "主要目标", "目标任务是", "目标是：")  # (each holds 目标)
_TARGET_LISTS = re.compile("|".join(TARGET_LISTS))
# A goal referred to, not stated: a comparison with it, and which goal (低于年初预期目标2.7个百分
# 点, 高于全年目标, 超过省下达目标任务: who set it); before a stated-goal word also its reaching
# (完成全年主要目标).
_COMPARED_WITH = r"(?:低于|高于|超过|超出|好于|偏离|比|较)"
_WHICH_GOAL = (r"了?(?:年初|年度|全年|今年|当年|上年)?(?:国家|上级|省|市|州|县)?"
               r"(?:确定|提出|设定|下达)?的?")
_REFERRED = re.compile(rf"(?:{_COMPARED_WITH}|完成|实现|达到){_WHICH_GOAL}(?:经济社会发展)?$")
_REFERRED_GOAL = re.compile(rf"{_COMPARED_WITH}{_WHICH_GOAL}(?:预期|调控|计划)?目标")
# a figure that is the value of a goal: 低于3%左右的调控目标
_GOAL_AFTER = re.compile(r"的?(?:年度|全年|预期|调控|控制|发展|奋斗){0,2}目标")  # (的年度调控目标)
goal_after = _GOAL_AFTER.match  # (text, end of a figure): the goal it is the value of
_GOAL_BEFORE = re.compile(r"(?:目标|计划)(?:任务)?$")  # (…目标任务（X）: its value in brackets)
# (完成年度任务62万人的94.56%: the goal's value named before the share of it that was done)
_GOAL_NAMED = re.compile(r"(?:目标|计划|任务)$")


def _unreferred(clause: str) -> str:
    return _REFERRED_GOAL.sub("", clause) if "目标" in clause else clause


def stated_goal(pattern: re.Pattern, text: str, end: int | None = None) -> re.Match | None:
    """The first word of ``pattern`` in ``text`` (up to ``end``) that states a goal, not one
    a comparison refers to (低于年初预期目标)."""
    if "目标" not in text:  # (every word of both patterns holds 目标)
        return None
    for m in pattern.finditer(text, 0, len(text) if end is None else end):
        if not _REFERRED.search(text, max(0, m.start() - 12), m.start()):
            return m
    return None


TARGET_MARK = "目标"  # every word of TARGET_LISTS holds it (tested): a text without it opens none


def opens_target_list(text: str) -> bool:
    """Whether ``text`` opens a list of targets (主要预期目标是：A；B；C。)."""
    return TARGET_MARK in text and stated_goal(_TARGET_LISTS, text) is not None


class _Question:
    """What the role rules ask about one claim: its view, its period's first and last year
    (``years``), the date claim governing its period (``governing``), the document's
    reference year (``year``), the kind of the report's part it stands in (``part``:
    review, forward, other, or None) and its period (``period``). (A plain class: one is
    made per claim.)"""
    __slots__ = ("v", "years", "governing", "year", "part", "period")

    def __init__(self, v: ClaimView, period: str | None, years: tuple[int, int] | None,
                 governing) -> None:
        s = v.s
        self.v, self.years, self.governing, self.period = v, years, governing, period
        self.year, self.part = s.facts.year, s.part


@dataclass
class RoleRules:
    times: TimeWords
    words: dict
    modal: re.Pattern
    has: dict = field(default_factory=dict)  # word list name -> search of its words
    plan_names: re.Pattern = field(init=False)  # the words of plan_names, one search
    not_target: re.Pattern = field(init=False)  # the words of target_not, one search
    held: re.Pattern = field(init=False)  # the words of target_held, one search
    goal_refs: re.Pattern = field(init=False)  # the words of goal_referred, one search
    _by_sentence: dict = field(default_factory=dict, repr=False)  # _rules_for's, by kind
    # PeriodRules.span_end: "from" for X of 从X增加到Y (a goal's starting point)
    span_end: Callable[[ClaimView], str | None] | None = None

    def __post_init__(self) -> None:
        self.plan_names = re.compile("|".join(map(re.escape, self.words["plan_names"])))
        self.not_target = re.compile("|".join(map(re.escape, self.words["target_not"])))
        self.held = re.compile(f"(?<!{self.words['target_held_not_after']})"
                               f"(?:{alternation(self.words['target_held'])})")
        self.goal_refs = re.compile("|".join(map(re.escape, self.words["goal_referred"])))
        w = self.words  # clause_cues: the words without which _forecast, _happened,
        self.has = searchers({**w, "clause_cues": [  # _budget and _planned give nothing
            *w["forecast"], *w["outcome"], *w["budget"], *w["planned"]]})

    @classmethod
    def load(cls, times: TimeWords, span_end: Callable[[ClaimView], str | None] | None = None
             ) -> "RoleRules":
        r = table("attribution")["roles"]
        return cls(times, r, re.compile(r["modal"]), span_end=span_end)

    def role(self, v: ClaimView, period: str | None, governing_date=None) -> str:
        """The first rule of ``RULES`` that gives a role, else ``outcome``."""
        c = v.claim
        if c.role:
            return c.role
        if c.kind == "duration" and (self.has["duration_target"](v.clause) or
                                     c.qualifier == "at_most" and v.s.part == "forward" or
                                     self._required_limit(v)):
            return "target"  # (争取3年内: the time a goal takes; 10日内完成 in the tasks: a limit)
        if c.kind == "rank" and _ranks_a_forecast(v):
            return "forecast"
        if c.kind == "date" or (c.kind in ("duration", "rank") and not self._ahead_of(v, period)):
            return self._date_role(v, period)
        q = _Question(v, period, year_range(period), governing_date)
        s = v.s
        if s.rules is _UNSET:
            s.rules = self._rules_for(s.text, len(s.claims), s.whole is not None, s.lead,
                                      s.forecasts)
        # (a clause without any of their words skips the rules that only read such words)
        for rule in s.rules[0] if self.has["clause_cues"](v.clause) else s.rules[1]:
            found = rule(self, q)
            if found:
                return found
        return "outcome"

    # ---------------------------------------------------------------- the rules, in order
    def _forecast(self, q: "_Question") -> str | None:
        return "forecast" if self.has["forecast"](q.v.clause) else None

    def _goal_value(self, q: "_Question") -> str | None:
        """A figure followed by the goal it is the value of (低于3%左右的调控目标): target,
        unless its clause says the goal was reached (实现人均经费300元的目标)."""
        v = q.v
        if v.claim.kind != "date" and (goal_in_brackets(v, _GOAL_BEFORE) or _goal_of_share(v)):
            return "target"  # (完成年度目标任务（25亿元）的74.8%: the goal's value)
        goal = _GOAL_AFTER.match(v.s.text, v.claim.end)
        if not goal or v.claim.kind == "date":
            return None
        # (实现…300元的目标: the goal reached, what happened; 实现…的预期目标有较好基础: not yet)
        rest = _to_boundary(v.s.text, goal.end())
        if self.has["goal_ahead"](rest) or self.has["goal_pursued"](v.clause):
            return "target"  # (确保完成…6%左右的目标: still to do)
        if self.has["goal_missed"](v.clause):
            return "target"  # (未完成年初确定的增长5%的目标: the goal missed, its value)
        if _share_after(v, goal.end()):
            return "target"  # (完成4.8万人年度目标任务的106.7%: the share is what was done)
        return None if "实现" in v.clause or self.has["planned_done"](v.clause) else "target"

    def _goal_referred(self, q: "_Question") -> str | None:
        """The last figure before a later clause that points back to a goal (按…的4%编制预算，
        确保实现这一目标): target, unless that clause says the goal was reached (完成了这一目标)."""
        v = q.v
        c, text = v.claim, v.s.text
        at = self.goal_refs.search(text, c.end) if c.kind != "date" else None
        if at is None or any(o.kind != "date" and o.start < at.start()
                             for o in v.s.claims[v.index + 1:]):
            return None  # (another figure before it: the goal, if any, is that one's)
        done = self.has["planned_done"](text[clause_start(text, at.start()):at.start()])
        return None if done else "target"

    def _forecast_opening(self, q: "_Question") -> str | None:
        """A sentence that opens with a forecast word, maybe after a lead (预计到今年年底，
        全年…将突破20亿元; 据测算，预计…), or goes on after a ； with one that did and names
        nothing done before its figures (预计A X；支出Y, not 预计A X；完成B Y): its figures are
        forecasts unless a word of their own clause said otherwise (the rules before)."""
        # (_rules_for runs it only in such sentences; the test stays for every-rule runs)
        v = q.v
        if v.clause_start > v.s.head_end and self.has["target"](self._no_target_words(v.clause)):
            return None  # (预计可争取X，确保开工率达到Y: Y's own clause sets a goal)
        opens = self.opens_forecast(v.s.text, v.s.lead)
        if v.s.forecasts and not opens:
            done = self.has["planned_done"](v.s.text[:v.s.claims[0].start])
            return None if done else "forecast"  # (预计A X；完成B Y: B what was done)
        return "forecast" if opens else None

    def opens_forecast(self, sentence: str, lead: int = 0) -> bool:
        """Whether a sentence opens with a forecast word after its lead (预计全年…)."""
        return sentence.startswith(self._forecast_words, lead)

    @cached_property
    def _target_right_before(self) -> tuple[str, ...]:
        return tuple(self.words["target_right_before"])

    @cached_property
    def _grants(self) -> tuple[str, ...]:
        return tuple(self.words["plan_right_after"])

    @cached_property
    def _forecast_words(self) -> tuple[str, ...]:
        return tuple(self.words["forecast"])

    def _continues(self, q: "_Question") -> str | None:
        """拟安排X，比上年增加Y: the change of the figure before it has its role; so has the
        level a raise reaches (补助标准再提高30元，达到670元)."""
        v = q.v
        prev = v.s.claims[v.index - 1] if v.index else None
        if prev is None or not prev.role:
            return None
        if not v.claim.change:
            return prev.role if prev.change and prev.kind == v.claim.kind and \
                _LEVEL_REACHED.fullmatch(v.clause) else None
        # (…预计分别达到X、Y，分别增长Z、W: W, an item of a list after the bare change)
        head = v.clause if _BARE_CHANGE.fullmatch(v.clause) else v.list_item(LIST_JOINS)[0]
        return prev.role if _BARE_CHANGE.fullmatch(head) else None

    def _part(self, q: "_Question") -> str | None:
        """计划搬迁X人，其中贫困人口Y人: a part has the role of the figure before it (not a
        date or a span of time), unless a cue of its own said otherwise (the rules before);
        so has each part listed after 其中 standing as a clause of its own (其中，A X；B Y),
        and a figure restated after 即 (每人每年6216元，即每人每月518元)."""
        v = q.v
        at = v.clause_start
        if v.clause.startswith("即") and at > 0:  # (每人每年6216元，即每人每月518元: restated)
            prev = next((c for c in reversed(v.s.claims[:v.index]) if c.end <= at), None)
            return prev.role if prev is not None else None
        if not v.clause.startswith("其中"):  # (其中，教育支出X；社会保障支出Y: the parts it lists)
            at = v.s.text.rfind("其中", 0, v.clause_start)
            if at < 0 and v.s.whole is not None:
                return v.s.whole.role  # (a part after a ；, listed after the 其中 before it)
            if at < 0 or v.s.text[at + 2:at + 3] not in _PARTS_LISTED:
                return None
        prev = next((c for c in reversed(v.s.claims[:v.index])
                     if c.end <= at and c.kind not in ("date", "duration", "rank")
                     and not _names_goal_after(c)), v.s.whole)
        # (…930亿元。其中，教育支出Y: the sentence before's; not a goal's value: 3145万人，超过
        # 3000万人的年度目标任务。其中，跨省务工Y: a part of what was done)
        if prev is None or _names_goal_after(prev) or \
                prev.role == "target" and _ended(v.s.text, prev.end, at):
            return None  # (预期目标增长X，实际完成Y；其中出口Z: a part of what was done)
        return prev.role

    def _goals_part(self, q: "_Question") -> str | None:
        """A figure under a heading of goals (二、脱贫目标): a goal whatever its year (the
        earlier years of a table of goals by year are goals too, also when the report is
        read a year later), unless a word of its own clause said otherwise (the rules
        before: 已, 目前) or its sentence reports what was done (完成情况：…)."""
        v = q.v
        block = v.s.block
        part = block.part if block is not None else None
        if part is None or part.kind != "forward" or not self.has["goal_headings"](part.heading):
            return None
        # (…计划搬迁X户。完成情况：安置点共7个: what was done, reported beside the goal; the
        # start of 从X提高到Y: where the goal starts from)
        if self.has["goal_reports"](v.s.text[:v.claim.start]) or \
                self.span_end is not None and self.span_end(v) == "from":
            return None
        d = q.governing
        if d is not None and q.years is not None and q.year is not None and q.years[1] < q.year \
                and _BASE_STATED.fullmatch(v.s.text, d.end, v.claim.start):
            return None  # (地区生产总值2020年为X in the goals of a 2021 plan: the base it
            #              starts from, not a goal of 2020 as 2017年：计划搬迁X is)
        return "target"

    def _happened(self, q: "_Question") -> str | None:
        """已, 目前: it happened (力争完成 is still a target)."""
        has = self.has
        clause = q.v.clause
        return "outcome" if has["outcome"](clause) and not has["target"](
            self._no_plan_names(clause)) else None

    def _plan(self, q: "_Question") -> str | None:
        """安排, 预算, 补助标准: arranged by the issuing body, also in a review."""
        return "plan" if self._arranged(q.v) else None

    def _planned(self, q: "_Question") -> str | None:
        """A figure stated as planned (计划搬迁1297户, 预期目标是), also for a year already
        over: the goal, not what happened (完成计划的95% is)."""
        has, clause = self.has, self._no_plan_names(_unreferred(q.v.clause))
        if not has["planned"](clause) or has["planned_done"](clause) or _share_of_goal(q.v):
            return None
        return "target"

    def _over(self, q: "_Question") -> str | None:
        """A past time word in the clause, or a period over when the report was written:
        before its year, or before the day it was issued (截至2024年5月底 in an audit report
        delivered that July)."""
        over = q.years is not None and q.year is not None and q.years[1] < q.year
        return "outcome" if over or self._past(q.v) or _ended_before(q.period, q.v.s.facts.issued) \
            else None

    def _budget(self, q: "_Question") -> str | None:
        """An item of the budget (财政赤字, 财政支出, 专项债券) in the year's tasks or a plan
        period, as money or a rate the body arranges (赤字率拟按2.8%安排)."""
        v, c = q.v, q.v.claim
        ahead = q.part == "forward" or (q.part != "review" and q.years is not None and
                                        q.year is not None and q.years[0] >= q.year)
        if not ahead or v.s.facts.kind == "bulletin":  # (a statistical bulletin's year is over)
            return None
        if c.change or not self.has["budget"](_not_compared(v.clause)):
            return None
        money = c.kind == "money"  # (a rate: arranged in its clause or its sentence before
        #                             it: 拟安排财政赤字X，…，赤字率提高到3%)
        return "plan" if money or (c.kind == "percent" and self.has["plan"](
            self._plain(v.s.text[:v.claim.start]))) else None

    def _budget_part(self, q: "_Question") -> str | None:
        """A sum in a forward part whose heading names the budget drafted for its year
        (二、2023年预算草案: 教育支出9.62亿元, 收入总计X), its change (增长2%) and its share (占一般
        公共预算支出的1.1%): what the budget arranges, not a goal; a stated goal there
        (收入预期增长6%左右) stays one (the rule after)."""
        v, c = q.v, q.v.claim
        block = v.s.block
        part = block.part if block is not None else None
        if c.kind not in ("money", "percent") or part is None or part.kind != "forward" or \
                not self.has["budget_parts"](part.heading):
            return None
        return None if self.has["target"](self._no_target_words(v.clause)) else "plan"

    def _stated_target(self, q: "_Question") -> str | None:
        v, clause = q.v, q.v.clause
        listed = v.s.block is not None and v.s.block.targets and self._in_list(v)
        if not listed and v.claim.kind == "percent" and (
                self.has["planned_done"](clause) or _share_of_goal(v)):
            return None  # 完成年度目标任务的106%, 占年度计划的70%: how much of the goal was done
        words = self._no_target_words(_unreferred(clause))
        if q.part == "review" or v.s.facts.kind == "bulletin" or self.has["held_past"](words):
            words = self.held.sub("", words)  # (保持在X以上 in a review or a bulletin, or
            #                                    连续多年保持在X以上: what held)
        if listed or self._strong_target_before(v) or self.has["target"](words) or \
                words.endswith(self._target_right_before) or \
                (q.part != "review" and self._modal_in(v.s.text, v.clause_start, v.claim.start)):
            return "target"
        return "target" if q.part != "review" and self._goals_listed(v) else None

    def _goals_listed(self, v: ClaimView) -> bool:
        """A figure of a clause after one whose figure a goal verb or a modal one set (力争全年
        新建X，培育Y，带动Z; 今年要投入X，实施项目Y; 将安排资金X，实施项目Y): the goals it
        lists, in the same sentence with no ； between."""
        prev = next((c for c in reversed(v.s.claims[:v.index]) if c.kind != "date"), None)
        if prev is None or prev.role not in ("target", "plan") or \
                v.claim.change and _BARE_CHANGE.fullmatch(v.clause):
            return False  # (a plan too: 将安排资金X，实施项目Y, the sum arranged and a goal;
            #               not a change of its own after it: 拟安排X，比上年增加Y, _continues)
        text = v.s.text
        start = max(text.rfind(";", 0, v.claim.start), text.rfind("；", 0, v.claim.start)) + 1
        return prev.start >= start and prev.end <= v.clause_start and \
            bool(self.has["duration_target"](text[start:prev.start]) or
                 self._modal_in(text, start, prev.start))

    def _required_limit(self, v: ClaimView) -> bool:
        """A span of time bounded (15日内, 不少于7天) in a sentence that requires it by a modal
        verb before it (各地要…，15日内将整改方案报送): a limit set, outside a review."""
        c = v.claim
        return c.qualifier in ("at_most", "at_least") and v.s.part != "review" and \
            self._modal_in(v.s.text, v.s.lead, c.start)

    def _modal_in(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a modal verb (要, 将): not 将 as the object marker,
        with a verb of what is done with its object later in its clause (将X名人员作为…)."""
        for m in self.modal.finditer(text, start, end):
            if m.group() != "将":
                return True
            rest = _CLAUSE_END.search(text, m.end())
            if not self.has["disposal"](text[m.end():rest.start() if rest else len(text)]):
                return True
        return False

    @staticmethod
    def _strong_target_before(v: ClaimView) -> bool:
        """A stated-target word (预期目标) in the sentence before the claim."""
        s = v.s
        end = s.target_end  # (the end of the sentence's first one, looked up once)
        if end is _UNSET:
            m = stated_goal(_STRONG_TARGET, s.text)
            end = s.target_end = m.end() if m else -1
        if end < 0 or end <= v.claim.start:
            return end >= 0 and not _ended(s.text, end, v.claim.start)
        return stated_goal(_STRONG_TARGET, s.text, v.claim.start) is not None  # (rare)

    @staticmethod
    def _in_list(v: ClaimView) -> bool:
        """In a list of targets: after the words that open it when its sentence holds them
        (产值增长4.1%，低于年初预期目标…: no list; 预期目标是：A；B: A and B)."""
        s = v.s
        if s.list_start is _UNSET:
            m = stated_goal(_TARGET_LISTS, s.text)
            s.list_start = m.start() if m else -1
        return s.list_start < v.claim.start and not _ended(s.text, s.list_start, v.claim.start)

    def _ahead(self, q: "_Question") -> str | None:
        """A deadline not yet past (到2020年), or a figure of the coming years in a
        forward-looking part of the report."""
        if q.years is None or q.year is None or q.years[1] < q.year:
            return None
        d = q.governing
        if d is not None and d.qualifier == "before" and \
                not q.v.s.text.endswith(_SPAN_VERBS, 0, d.start):  # (增加到2019年的X: a span's
            return "target"                                         # end, not a deadline)
        if d is not None and q.v.s.text.endswith(AS_OF, 0, d.start):
            return None  # (截至2024年1月中旬，…发布岗位X in a report on 2023: counted to a day)
        ahead = q.part == "forward" or (q.part != "review" and q.v.s.facts.ahead)  # (工作要点)
        # (a part that reports how a later year went, 三、2023年上半年预算执行情况 in a report
        # on 2022's final accounts delivered in July 2023: what was done, no goal)
        return "target" if ahead or (q.years[1] > q.year and q.part != "review") else None

    def _rules_for(self, sentence: str, claims: int, parts: bool = False, lead: int = 0,
                   forecasts: bool = False) -> tuple[tuple, tuple]:
        """``RULES`` and ``QUIET_RULES`` less the rules that cannot fire in the sentence (no
        目标, 任务 or 计划 after a figure, no 其中 nor parts listed after one before it: ``parts``, no
        forecast word opening it after its lead, 据测算，, a single claim), once a kind of
        sentence."""
        key = ("目标" in sentence or "任务" in sentence or "计划" in sentence, parts or "其中" in sentence or "，即" in sentence,
               forecasts or self.opens_forecast(sentence, lead), claims > 1)
        found = self._by_sentence.get(key)
        if found is None:
            drop = {r for r, ok in zip((RoleRules._goal_value, RoleRules._part,
                                        RoleRules._forecast_opening, RoleRules._continues), key)
                    if not ok}
            if not key[0]:
                drop.add(RoleRules._goal_referred)  # (no 目标 after a figure either)
            found = self._by_sentence[key] = (tuple(r for r in self.RULES if r not in drop),
                                               tuple(r for r in self.QUIET_RULES if r not in drop))
        return found

    # (a sentence opening with 预计 forecasts a year just over too: 预计全年…，收入完成X in a
    # January report, before the year's figures are final; _forecast_opening before _over)
    RULES = (_forecast, _goal_value, _goal_referred, _continues, _happened, _plan, _planned,
             _part, _forecast_opening, _goals_part, _over, _budget, _budget_part, _stated_target,
             _ahead)
    QUIET_RULES = (_goal_value, _goal_referred, _continues, _plan, _part, _forecast_opening,
                   _goals_part, _over, _budget_part, _stated_target, _ahead)  # (RULES less four)

    def _arranged(self, v: ClaimView) -> bool:
        """Money or a standard after an arranging word in its clause, or money in a sentence
        that opens with one (今年拟安排财政赤字X，其中中央财政赤字Y)."""
        c = v.claim
        if c.kind in ("percent", "money") and self.has["policy_raises"](v.clause):
            return True  # (返还比例由去年的60%提高到90%: a rate of a policy set anew)
        if not (c.kind in self.words["plan_kinds"] or c.per or "标准" in v.clause):
            return False
        if self.has["plan_faults"](v.clause):
            return False  # (少编报非税收入预算X: an audit's finding)
        if self.has["plan"](self._plain(v.clause)):
            return True
        if c.kind == "money" and (self.has["plan_after"](_to_boundary(v.s.text, c.end)) or
                                  v.s.text.startswith(self._grants, c.end)):
            return True  # (按每处不超过200万元的标准给予补助, 给予1000元奖补: a grant's standard)
        if c.kind == "money" and self._granted_per_head(v):
            return True
        # the parts of an arranged sum: 拟安排财政赤字X，其中中央财政赤字Y
        k = v.s.text.find("其中", 0, c.start)
        return c.kind == "money" and k > 0 and self.has["plan"](self._plain(v.s.text[:k]))

    def _granted_per_head(self, v: ClaimView) -> bool:
        """Money per head (1.5万元/户, 每人每年1500元; not 人均, an average) of a grant named in its
        clause or the clause before (给予补助，每户1.5万元): a standard."""
        if not (v.claim.per or self.has["per_heads"](v.clause)):
            return False
        before = clause_start(v.s.text, max(v.clause_start - 1, 0))
        return self.has["grants"](v.s.text[before:v.claim.start]) is not None

    def _no_target_words(self, clause: str) -> str:
        """The clause without plan names and the words that hold 再 but set no goal
        (失业人员再就业1.21万人)."""
        clause = self._no_plan_names(clause)
        return self.not_target.sub("", clause) if "再" in clause or "争取" in clause else clause

    def _no_plan_names(self, clause: str) -> str:
        """The clause without the 计划 of a programme's name or of a comparison
        (营养改善计划惠及, 比年度计划)."""
        return self.plan_names.sub("", clause) if "计划" in clause else clause

    def _plain(self, text: str) -> str:
        """``text`` without comparison bases, names that hold an arranging word, and the
        words of how often or to whom inside a raise of a standard (标准每月分别提高 ->
        标准提高)."""
        text = _not_compared(text)
        for w in self.words["plan_not"]:
            text = text.replace(w, "")
        if "标准" in text:
            for w in self.words["standard_fillers"]:
                text = text.replace(w, "")
        return text

    def _date_role(self, v: ClaimView, period: str | None) -> str:
        """Dates, durations and ranks: a deadline ahead of the report is a target."""
        years, year = year_range(period), v.s.facts.year
        future = years is not None and year is not None and (
            years[1] > year or years[1] == year and v.s.part == "forward" and not v.s.facts.issued)
        issued = v.s.facts.issued  # (6月底前 in the year's tasks, unless its issue day says)
        if not future and issued and period and years is not None and years[1] == int(issued[:4]):
            future = _last_day(period) > issued  # 10月底前 in a bulletin of 2 September
        return "target" if future and v.claim.qualifier == "before" else "outcome"

    @staticmethod
    def _ahead_of(v: ClaimView, period: str | None) -> bool:
        """A period after the report's year: a span of time or a rank of the years ahead is
        measured like any figure (受教育年限达11年 among the goals for 2030 is a target)."""
        years, year = year_range(period), v.s.facts.year
        return years is not None and year is not None and years[0] > year

    def _past(self, v: ClaimView) -> bool:
        year = v.s.facts.year
        if year is None:
            return False
        cues = v.time_cues(self.times)  # (most clauses have none)
        return bool(cues) and any(cue.last < year and cue.kind in ("relative", "span")
                                  for _, cue in cues)


_CLAUSE_END = re.compile(r"[，；;：:。！？!?]|,(?!\d{3})")  # (not the comma of 20,396)
_SPAN_VERBS = tuple(table("indicator")["carry"]["span_verbs"])  # (增加到, 提高至, …)
_PARTS_LISTED = "，,：:"  # (其中， / 其中： opening a list of parts)
_LEVEL_REACHED = re.compile(r"(?:达到|达|增至|升至)了?")  # (…提高30元，达到670元)
_BASE_STATED = re.compile(r"(?:为|是)(?:增长|下降)?")  # (2020年为X, 2020年为增长Y: a base stated)
_RANK_ASPECTS = tuple(table("indicator")["rank"]["aspects"])


def _ranks_a_forecast(v: ClaimView) -> bool:
    """Whether a rank of an aspect (增速居全省第3位) follows a forecast in the clause right
    before it (预计全年…增长5%左右，增速居全省第3位): the rank of that forecast."""
    prev = v.s.claims[v.index - 1] if v.index else None
    return prev is not None and prev.role == "forecast" and prev.end <= v.clause_start and \
        v.clause.startswith(_RANK_ASPECTS) and \
        CLAUSE_BOUNDARY.search(v.s.text, prev.end, v.clause_start - 1) is None


_BARE_CHANGE = re.compile(  # (比上年增加; 比去年预算低: a difference from the base)
    r"(?:分别)?(?:(?:比上年|比去年|较上年|同比)?(?:分别)?(?:预算)?(?:增加|增长|提高|减少|下降|降低)|"
    f"(?:比上年|比去年|较上年)(?:预算)?[{''.join(table('indicator')['change']['compared'])}])了?")
_COMPARED = re.compile(r"(?:比|较|同)(?:上年|去年|前年|\d{4}年)?的?(?:预算)?")


_OF_GOAL = re.compile(r"(?:计划|目标|任务)(?:任务)?的$")


def _share_of_goal(v: ClaimView) -> bool:
    """A percentage of a plan or goal (占年度计划的70%, 为目标任务的95%): how much was done."""
    return v.claim.kind == "percent" and _OF_GOAL.search(v.clause) is not None


def _not_compared(text: str) -> str:
    """The text without comparison bases (比上年预算增加X is no budget)."""
    return _COMPARED.sub("", text) if "比" in text or "较" in text else text


def _ended_before(period: str | None, issued: str | None) -> bool:
    """Whether a period (ISO, closed) ended before the day ``issued`` (ISO, any precision)."""
    if not period or not issued or not period.rpartition("/")[2][:4].isdigit():
        return False
    return _last_day(period) < issued


def _last_day(period: str) -> str:
    """The last day of an ISO period as a string that sorts with ISO dates (``2020-09`` ->
    ``2020-09-99``: later than every day of the month)."""
    end = period.rpartition("/")[2]
    return end + {4: "-99-99", 7: "-99"}.get(len(end), "")


def _to_boundary(text: str, at: int) -> str:
    """``text`` from ``at`` to the end of its clause (the words after a figure or a goal)."""
    m = CLAUSE_BOUNDARY.search(text, at)
    return text[at:m.start() if m else len(text)]


def _names_goal_after(c: Claim) -> bool:
    """Whether claim ``c`` is the value of a goal named right after it (3000万人的年度目标)."""
    return _GOAL_AFTER.match(c.sentence or "", c.end) is not None


def _share_after(v: ClaimView, at: int, between: tuple[str, ...] = ("的", "任务的")) -> bool:
    """Whether the sentence's next figure is a percent that stands at ``at`` after one of
    ``between`` (的, 任务的): the share of a goal named before it that was done."""
    nxt = v.index + 1
    if nxt >= len(v.s.claims) or v.s.claims[nxt].kind != "percent":
        return False
    return v.s.text[at:v.s.claims[nxt].start] in between


def _goal_of_share(v: ClaimView) -> bool:
    """Whether a figure is a goal named right before it whose share done follows it
    (完成年度任务62万人的94.56%; 完成省上下达目标任务23.1万人的102.86%)."""
    c = v.claim
    return _share_after(v, c.end, ("的",)) and \
        _GOAL_NAMED.search(v.s.text, max(0, c.start - 2), c.start) is not None


def _ended(text: str, start: int, end: int) -> bool:
    """Whether a word of the outcome (实际) stands in ``text[start:end]``, between a stated
    target and a figure after it (预期目标增长5%，实际完成X: X is no goal)."""
    return _TARGET_ENDED.search(text, start, end) is not None
