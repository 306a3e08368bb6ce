"""Time words of report structure: years, relative words (去年, 今年), multi-year spans back
(过去五年, 五年来) and plan periods (“十三五”时期), read from a fragment of text and resolved
against the report year. Periods are pairs of years; ``label`` writes them as ISO.

    >>> tw = TimeWords.load()
    >>> tw.cue("五年来，国内生产总值", 2018), tw.cue("“十三五”时期", 2018), tw.cue("比上年", 2018)
    (Cue(first=2013, last=2017, kind='span'), Cue(first=2016, last=2020, kind='plan'), None)
    >>> tw.cue("“十一五”前四年累计", 2010), tw.cue("近三年", 2009), tw.cue("今后五年", 2011)
    (Cue(first=2006, last=2009, kind='plan'), Cue(first=2006, last=2008, kind='span'), Cue(first=2011, last=2015, kind='span'))
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..parse.tables import alternation, table

# 比2002年, 较2019年: a written base year (of a change), never the period of the figure
BASE_YEAR = re.compile(r"(?:比|较|同)\s*((?:19|20)\d\d)\s*年")


def last_base_year(text: str) -> int | None:
    """The last written base year in ``text`` (full-width digits too), or None."""
    m = None
    for m in BASE_YEAR.finditer(unicodedata.normalize("NFKC", text)):
        pass
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Cue:
    first: int
    last: int
    kind: str  # year | years | relative | span | plan | since (今年以来: from then to date)

    @property
    def multi(self) -> bool:
        return self.last > self.first


def label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}/{last}"


@lru_cache(maxsize=10_000)  # (labels repeat over every document: each read once)
def year_range(period: str | None) -> tuple[int, int] | None:
    """(first year, last year) of an ISO period label; None when it is not one."""
    if not period:
        return None
    a, _, b = period.partition("/")
    try:
        return int(a[:4]), int((b or a)[:4])
    except ValueError:
        return None


@dataclass
class TimeWords:
    relative: dict[str, int]
    plans: dict[str, int]
    events: dict[str, int]        # 党的十八大 -> 2012 (before 以来: since then)
    pattern: re.Pattern           # any cue, first match in a fragment
    comparison: re.Pattern        # a comparison word right before a position
    after_base: tuple[str, ...]   # words after a base (与2010年相比)
    multiple: re.Pattern          # a multiple of the base after it (是2010年的2.2倍)
    record: re.Pattern            # a record since it after it (2012年以来最高)
    counted: re.Pattern           # N years counted without a word back (三年累计)
    bare: re.Pattern              # N years opening a clause with no word around them (五年新增)
    may_cue: re.Pattern           # a character or word every cue holds (the gate of ``cues``)
    _cache: dict = field(default_factory=dict, repr=False)  # (text, year, through) -> cues
    # Whether a span back from now (过去五年, 五年来) ends with the reference year, not the
    # year before: in a report on its own year (a year-end summary), not one that opens it
    # (set for each document by DocumentReader.read).
    through_year: bool = False

    @classmethod
    def load(cls) -> "TimeWords":
        t = table("attribution")["time"]
        sp = t["spans"]
        counts = "一二两三四五六七八九十"  # (and digits: a count of years)
        n = rf"[{counts}\d]{{1,3}}"
        plan = (f"(?:{alternation(t['plan_before'])})?(?P<plan>{alternation(t['plans'])})"
                f"(?=(?:{alternation(t['plan_after'])}))(?:[”\"])?(?:时期|期间)?"
                f"(?:(?P<plan_end>期末|末)|前(?P<plan_first>{n})年)?")
        back = (f"(?:{alternation(sp['back_before'])})(?P<back>{n})年(?:{alternation(sp['back_after'])})?"
                f"|{''.join(f'(?<!{re.escape(w)})' for w in sp['back_not_after'])}"
                f"(?P<back2>{n})年(?:{alternation(sp['back_after'])})")
        ahead = f"(?:{alternation(sp['ahead_before'])})(?P<ahead>{n})年"
        years = (r"(?P<from>(?:19|20)\d\d)\s*年?\s*(?:到|至|—|–|-|~|～)\s*"
                 r"(?P<to>(?:19|20)\d\d)\s*年(?!\d)")
        year = years + r"|(?P<year>(?:19|20)\d\d)\s*年(?!\d)"
        rel = f"(?<![{re.escape(t['relative_not_after'])}])(?P<rel>{alternation(t['relative'])})"
        event = f"(?P<event>{alternation(t['events'])})(?=以来)"
        # (a cue starts with the first character of one of these words, a count or a digit:
        # the lookahead skips every other place at once, where the alternatives were each
        # tried; the matches are the same)
        opening = [*t["events"], *t["plan_before"], *t["plans"], *sp["back_before"],
                   *sp["ahead_before"], *t["relative"]]
        starts = "".join(sorted({w[0] for w in opening}))
        first = rf"(?=[{re.escape(starts)}{counts}\d])" if all(opening) else ""
        pattern = re.compile(f"{first}(?:{event}|{plan}|{back}|{ahead}|{rel}|{year})")
        comparison = re.compile(f"(?:{alternation(t['comparison'])})$")
        return cls(dict(t["relative"]), dict(t["plans"]), dict(t["events"]), pattern, comparison,
                   tuple(t["comparison_after"]), re.compile(t["multiple_after"]),
                   re.compile(t["record_after"]),
                   re.compile(f"{n}年(?:{alternation(sp['counted_after'])})"),
                   re.compile(f"(?P<n>{n})年(?!{alternation(sp['bare_not_before'])})(?=[\u4e00-\u9fff])"),
                   re.compile(f"{_MAY_CUE_CHARS}|{alternation({e[-1] + '以来' for e in t['events']})}"))

    def forget(self) -> None:
        """Drop the cues remembered of the texts read so far."""
        self._cache.clear()

    def counted_years(self, text: str, at: int) -> bool:
        """Whether a span of years at ``at`` is counted without a word back (三年累计, 五年间),
        not a span back from now (过去五年, 五年来)."""
        return self.counted.match(text, at) is not None

    def bare_years(self, text: str, at: int) -> int:
        """The N of N years at ``at`` with no word around them (五年新增公路X), else 0."""
        m = self.bare.match(text, at)
        return _count(m["n"]) if m is not None else 0

    def cues(self, text: str, year: int | None) -> list[tuple[int, Cue]]:
        """Every cue in ``text`` (NFKC) with its offset, comparison bases left out."""
        if self.may_cue.search(text) is None:
            return _NO_CUES
        key = (text, year, self.through_year)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            hit = self._cache[key] = self._cues(text, year)
        return hit

    def _cues(self, text: str, year: int | None) -> list[tuple[int, Cue]]:
        s = unicodedata.normalize("NFKC", text) if _WIDE.search(text) else text
        out = []
        for m in self.pattern.finditer(s):
            if self.is_base(s, m.start(), m.end()) or s.rfind("《", 0, m.start()) > s.rfind("》", 0, m.start()):
                continue  # a comparison base, or a year inside a title
            cue = self._cue(m, year)
            if cue is not None and s.startswith("以来", m.end()) and cue.kind in ("year", "relative", "plan") \
                    and not (cue.kind == "plan" and year is not None and cue.last < year):
                # 今年以来, 2019年以来, “十四五”以来: to date; a plan period over before the
                # document's year is the plan period (“十四五”以来 in a 2026 report: 2021-2025)
                cue = Cue(cue.first, cue.first, "since")
            if cue is not None:
                out.append((m.start(), cue))
        return out

    def is_base(self, s: str, start: int, end: int) -> bool:
        """True when s[start:end] is a comparison base (比上年, 与2010年相比)."""
        return bool(start and self.comparison.search(s, 0, start)) or \
            s.startswith(self.after_base, end) or self.multiple.match(s, end) is not None or \
            ("以来" in s and self.record.match(s, end) is not None)

    def cue(self, text: str, year: int | None) -> Cue | None:
        """The first cue in ``text``."""
        found = self.cues(text, year)
        return found[0][1] if found else None

    def _cue(self, m: re.Match, year: int | None) -> Cue | None:
        g = m.groupdict()
        if g["event"]:
            y = self.events[g["event"]]
            return Cue(y, y, "since")
        if g["plan"]:
            first = self.plans[g["plan"]]
            if g["plan_end"]:
                return Cue(first + 4, first + 4, "plan")
            n = _count(g["plan_first"]) if g["plan_first"] else 5
            return Cue(first, first + min(max(n, 1), 5) - 1, "plan")
        if g["from"] and int(g["from"]) < int(g["to"]):
            return Cue(int(g["from"]), int(g["to"]), "years")  # 2020年到2025年
        if g["year"] or g["from"]:
            y = int(g["year"] or g["to"])
            return Cue(y, y, "year")
        if year is None:
            return None
        if g["back"] or g["back2"]:
            n = _count(g["back"] or g["back2"])
            end = year if self.through_year else year - 1
            return Cue(end - n + 1, end, "span") if n else None
        if g["ahead"]:
            n = _count(g["ahead"])
            return Cue(year, year + n - 1, "span") if n else None
        off = self.relative[g["rel"]]
        return Cue(year + off, year + off, "relative")


_WIDE = re.compile("[\uff00-\uffef\u3000]")  # full-width forms: NFKC first
# Every cue holds 年 or (a plan name) 五, also after NFKC (㈤, ㊄ and the compatibility 年
# are the only other characters it maps to them), or (an event) its last character and 以来
# (大以来, built from [time.events]): a text without one has no cue.
_MAY_CUE_CHARS = "[年五\u3224\u3284\uf98e]"
_NO_CUES: list = []  # (shared: callers only read the list)

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _count(s: str) -> int:
    """A small count written in figures or Chinese numerals (五, 十, 十二, 20)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(s, 0)
