"""Indicator keys: the canonical name of the statistic a claim's indicator names.

``国内生产总值增长`` and ``国内生产总值`` share the key ``国内生产总值`` (they differ in kind and
``change``); ``财政收入``, ``公共财政收入`` and ``一般公共预算收入`` are one key. The rules and
the synonyms are in ``textmine/data/indicator_keys.toml``.

    >>> k = KeyTable.load()
    >>> k.key("居民消费价格涨幅"), k.key("比上年增长"), k.key("全省粮食总产量达到")
    ('居民消费价格', '', '粮食产量')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..parse.tables import alternation, clean, table


@dataclass(eq=False)
class KeyTable:
    synonyms: dict[str, str] = field(default_factory=dict)  # cleaned synonym -> key
    anywhere: re.Pattern = field(default=re.compile("(?!)"))
    leading: re.Pattern = field(default=re.compile("(?!)"))
    trailing: frozenset[str] = frozenset()  # words cut from the end (after two characters)
    min_suffix: int = 3
    max_prefix: int = 2
    _bare: frozenset[str] = frozenset()  # words that name no statistic on their own (增长)
    distributive: dict[str, list[str]] = field(default_factory=dict)  # 城乡 -> 城镇, 农村
    # a prefix ending in one of these is no short prefix of a synonym: a share's (占), another
    # population's (城镇)
    not_after: tuple[str, ...] = ()
    whole_only: frozenset[str] = frozenset()  # keys a short prefix makes a part of (轻工业增加值)
    modals: dict[str, str] = field(default_factory=dict)  # 要 at the end of a key (排放量要) ->
    #                                                       not after 主, 重 (主要, 重要)
    # the first characters of the leading words (None: not known, ``leading`` is tried on
    # every phrase): a phrase starting with none of them starts with no leading word
    leading_firsts: frozenset[str] | None = None
    # (growth words a rank's phrase ends with, the suffix of its key, the ends of keys that
    # already name a growth)
    rank_growth: tuple[tuple[str, ...], str, tuple[str, ...]] = ((), "", ())
    # keys of populations that, as a part after 其中, are the part of the whole before them
    # (其中贫困人口Y after 易地扶贫搬迁X: 易地扶贫搬迁贫困人口, not the county's poor)
    qualified_parts: frozenset[str] = frozenset()
    area_parts: tuple[str, ...] = ()  # (城镇, 农村: a part of the whole's statistic)
    levels_alone: frozenset[str] = frozenset()  # (总量: the level of the statistic before it)
    shares_alone: frozenset[str] = frozenset()  # (比重: the share before it)
    goal_words: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # (leads, names)
    actual: tuple[str, ...] = ()  # words of the outcome after a goal (实际完成X)
    # (a real change beside a nominal one: its words, the words of its sentence that say so,
    # and the suffix of its key)
    real: tuple[tuple[str, ...], tuple[str, ...], str] = ((), (), "")
    account_items: frozenset[str] = frozenset()  # (支出, 结余: an account's, after its revenue)
    account_ends: tuple[str, ...] = ()  # (收入: the end of the account's key before them)
    apart_bases: tuple[str, ...] = ()  # 环比: a change against it is a series of its own
    # words of an account cut from the end only after these (一般公共预算收入预算 -> …收入: the
    # budgeted figure of the statistic, which its role tells from the outcome)
    accounts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    paces: frozenset[str] = frozenset()  # 加快, 降幅收窄: a change of a growth's pace alone
    # statistics a category alone after a category's figure of them takes (股份制企业增长Y
    # after 国有控股企业增加值增长X: 增加值), longest first
    parallel_heads: tuple[str, ...] = ()
    # short forms written out before any rule reads the phrase (规上 -> 规模以上)
    expanded: dict[str, str] = field(default_factory=dict)
    abbreviations: re.Pattern = field(default=re.compile("(?!)"))
    _cache: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _known: frozenset[str] | None = field(default=None, repr=False)
    _longest_trailing: int = field(default=0, init=False, repr=False)
    # the last characters of the trailing words: a phrase ending in none of them ends in no
    # trailing word (most keys end in a noun: 总值, 收入), and the loop of suffixes is skipped
    _trailing_ends: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    # the last characters of the modal verbs: a phrase ending in none of them ends in none
    _modal_ends: frozenset[str] = field(default=frozenset(), init=False, repr=False)

    def __post_init__(self) -> None:
        self._longest_trailing = max(map(len, self.trailing), default=0)
        self._trailing_ends = frozenset(w[-1] for w in self.trailing if w)
        self._modal_ends = frozenset(w[-1] for w in self.modals if w)

    @classmethod
    def load(cls) -> "KeyTable":
        t = table("indicator_keys")
        syn: dict[str, str] = {}
        for key, variants in t["keys"].items():
            for v in (key, *variants):
                syn.setdefault(clean(v), key)
        s, m = t["strip"], t["match"]
        kt = cls(syn, re.compile(alternation(s["anywhere"])),
                 re.compile(f"^(?!{alternation(table('indicator')['trim']['keep'])})"
                            f"(?:{alternation(s['leading'])})了?(?=..)"),  # (完成了)
                 frozenset(s["trailing"]),
                 int(m["min_suffix"]), int(m["max_prefix"]),
                 distributive=dict(t.get("distribute", {})),
                 modals=dict(s.get("modals", {})), not_after=tuple(m.get("not_after", ())),
                 whole_only=frozenset(m.get("whole_only", ())),
                 leading_firsts=frozenset(w[0] for w in s["leading"] if w),
                 rank_growth=(tuple(t["rank_growth"]["ends"]), t["rank_growth"]["suffix"],
                              tuple(t["rank_growth"]["growth_keys"])),
                 qualified_parts=frozenset(t["parts"]["qualified"]),
                 area_parts=tuple(t["parts"]["areas"]),
                 levels_alone=frozenset(t["levels"]["alone"]),
                 shares_alone=frozenset(t["levels"]["shares"]),
                 goal_words=(tuple(t["goals"]["leads"]), tuple(t["goals"]["names"])),
                 actual=tuple(t["goals"]["actual"]),
                 real=(tuple(t["bases"]["real"]), tuple(t["bases"]["real_beside"]),
                       t["bases"]["real_suffix"]),
                 account_items=frozenset(t["accounts"]["items"]),
                 account_ends=tuple(t["accounts"]["of"]),
                 apart_bases=tuple(t["bases"]["apart"]),
                 accounts={w: tuple(a) for w, a in s.get("accounts", {}).items()},
                 expanded=dict(t["abbreviations"]),
                 parallel_heads=tuple(sorted(t["parallel"]["heads"], key=len, reverse=True)),
                 abbreviations=re.compile(alternation(t["abbreviations"]) or "(?!)"))
        kt._bare = frozenset(clean(w) for w in (*s["leading"], *s["trailing"], *s["anywhere"])
                             ) - frozenset(map(clean, s["names_alone"]))
        kt.paces = frozenset(a + p for a in ("", *s["pace_aspects"]) for p in s["pace"])
        return kt

    def strip(self, text: str) -> str:
        """The phrase without change verbs, modal and time words."""
        s = self.anywhere.sub("", clean(text))
        while True:
            s2 = self._cut_trailing(self._cut_leading(s))
            if s2 == s:
                return s
            s = s2

    def before_trailing(self, s: str) -> str | None:
        """The key of a synonym ``s`` is with trailing words only cut, one at a time, its
        leading words kept (实际使用外商直接投资增长, 城乡居民收入比缩小: the leading words
        that ``strip`` cuts begin those names); None when none is."""
        s = self.anywhere.sub("", s)
        while (cut := self._cut_trailing(s)) != s:
            if (hit := self.synonyms.get(cut)) is not None:
                return hit
            s = cut
        return None

    def _cut_leading(self, s: str) -> str:
        """``s`` without the leading word it starts with (``leading``)."""
        if self.leading_firsts is not None and s[:1] not in self.leading_firsts:
            return s
        return self.leading.sub("", s)

    def _cut_trailing(self, s: str) -> str:
        """``s`` without the longest trailing word it ends with, after two characters at
        least (what ``(?<=..)(?:words)$`` removes: a set lookup a suffix, where the pattern
        tried every word at every place), or without a modal verb at its end (``modals``)."""
        if s[-1:] in self._trailing_ends:
            for start in range(max(2, len(s) - self._longest_trailing), len(s)):
                if s[start:] in self.trailing:
                    return s[:start]
        for word, after in self.accounts.items():
            if s.endswith(word) and s.endswith(after, 0, len(s) - len(word)):
                return s[:-len(word)]
        if s[-1:] not in self._modal_ends:
            return s
        for modal, not_after in self.modals.items():
            n = len(modal)
            if len(s) > n + 1 and s.endswith(modal) and s[-n - 1] not in not_after:
                return s[:-n]
        return s

    def names_goal(self, indicator: str | None, goal_after: bool = False) -> bool:
        """Whether an indicator phrase names only a goal (完成年度目标任务, 目标, 省下达目标);
        with ``goal_after`` (the figure is followed by the goal it is the value of: …增长5%的
        目标), also one that names only the goal's words before it and a change (未完成年初
        确定的增长)."""
        leads, names = self.goal_words
        s = indicator or ""
        while s and s.startswith(leads):
            s = s[len(next(w for w in leads if s.startswith(w))):]
        return s in names or goal_after and (not s or self.bare(s))

    def on_base(self, key: str, indicator: str | None) -> str:
        """``key``, with the word of its base after it when the indicator names a change
        against another base than the year before (环比下降 -> 居民消费价格环比)."""
        if key and indicator:
            for base in self.apart_bases:  # (one word: a loop, not a generator, per claim)
                if base in indicator:
                    return key if key.endswith(base) else key + base
        return key

    def of_real(self, key: str, change: str | None, clause: str, sentence: str) -> str:
        """``key`` with the real change's suffix when a change's ``clause`` (up to the
        figure) says a real change and its ``sentence`` a nominal one or prices taken out
        (名义增长X，实际增长Y: 居民人均可支配收入实际增长); ``key`` otherwise (实际增长 after a
        goal, 预期目标增长6%，实际增长5.1%: what actually happened, the goal's statistic)."""
        if not change or "实际" not in clause:  # (most figures: at once)
            return key
        words, beside, suffix = self.real
        if not key or key.endswith(suffix) or not any(w in clause for w in words) or \
                not any(w in sentence for w in beside):
            return key
        return key + suffix

    def of_account(self, item: str, before: str) -> str:
        """An account's item named alone (``item``: 支出, 基金支出, 累计结余) after the key of
        the account's revenue or spending (``before``: 工伤保险基金收入): the account's item
        (工伤保险基金支出), mapped through the synonyms; ``item`` when either is no such key."""
        if item not in self.account_items or not before.endswith(self.account_ends):
            return item
        account = before[:-2]
        if len(account) < 2:
            return item
        if account.endswith("基金") and item.startswith("基金"):
            item = item[2:]
        return self.key(account + item) or item

    def bare(self, indicator: str | None) -> bool:
        """Whether an indicator phrase is only words of change, time and the like (增长,
        比上年分别下降, 扣除价格因素实际增长): no statistic of its own."""
        s = self.strip(indicator or "")
        return bool(indicator) and (not s or s in self._bare)

    def distribute(self, indicator: str, item: int, items: int) -> str:
        """The indicator of the ``item``-th of ``items`` figures after 分别 when it names
        as many statistics at once (城乡居民人均可支配收入, 2 figures: 城镇居民… and
        农村居民…); the indicator itself otherwise."""
        for word, parts in self.distributive.items():
            if word in indicator and len(parts) == items:
                return indicator.replace(word, parts[item], 1)
        return indicator

    def of_rank(self, key: str, indicator: str) -> str:
        """The key of a rank of the statistic ``key``: with the growth suffix when the rank's
        phrase ranks its growth (规模以上工业增加值增速 -> 规模以上工业增加值增速; 经济增速 ->
        国内生产总值增速), else ``key`` (a rank of the level)."""
        return self.growth_of(key) if key and indicator.endswith(self.rank_growth[0]) else key

    def growth_of(self, key: str) -> str:
        """The key of the growth of the statistic ``key`` (规模以上工业增加值 ->
        规模以上工业增加值增速), or ``key`` when it names a growth already."""
        _, suffix, growth = self.rank_growth
        return key if key.endswith(growth) else key + suffix

    def forget(self) -> None:
        """Drop the keys remembered of the phrases read so far."""
        self._cache.clear()

    def key(self, indicator: str | None, region_prefix: str = "") -> str:
        """The key of an indicator phrase ("" for a phrase that names nothing)."""
        k = (indicator or "", region_prefix)
        hit = self._cache.get(k)
        if hit is None:
            hit = self._cache[k] = _key(self, *k)
        return hit

    @property
    def known(self) -> frozenset[str]:
        """The keys of the synonym table."""
        if self._known is None:
            self._known = frozenset(self.synonyms.values())
        return self._known

    @cached_property
    def tails(self) -> frozenset[str]:
        """The last two characters of every synonym: a phrase ending otherwise is none of
        them, whatever is cut from its middle."""
        return frozenset(w[-2:] for w in self.synonyms)

    def canonical(self, word: str) -> str | None:
        """The key a word is a synonym of (for queries: ``--indicator GDP``); None if none."""
        s = self.strip(word)
        return self.synonyms.get(s) or self.synonyms.get(clean(word))


# Examples listed before 等 and the kind they are examples of (电工、焊工等技能培训; 华为、
# 比亚迪等龙头企业): the key is the kind's. Not 等 of a word (高等, 中等, 同等, 平等, 等级, 等于)
# nor before fewer than two characters.
_EXAMPLES_BEFORE = re.compile(r".{2,}?(?<![高中初同平对均特优一二三四五六七八九十])等(?![级于待次值量额同等])(?=..)")
_ORGAN_AFTER = "委"  # a place's name before it names its party committee (省委, 市委, 县委)


def _key(kt: KeyTable, indicator: str, region_prefix: str) -> str:
    s = clean(indicator)
    if kt.abbreviations.search(s) is not None:  # (规上工业企业营业收入: 规模以上…)
        s = kt.abbreviations.sub(lambda m: kt.expanded[m[0]], s)
    if "等" in s and (m := _EXAMPLES_BEFORE.match(s)) is not None:  # (电工焊工等技能培训:
        s = s[m.end():]                                               # the kind, not examples)
    if region_prefix and s.startswith(region_prefix) and len(s) > len(region_prefix) + 1 and \
            s[len(region_prefix)] not in _ORGAN_AFTER:  # (广东省委: the party committee, whole)
        s = s[len(region_prefix):]
    hit = kt.synonyms.get(s)  # a synonym as written (实际使用外资), before any word is cut
    if hit is not None:
        return hit
    hit = kt.synonyms.get(stripped := kt.strip(s)) or kt.before_trailing(s)
    if hit is not None:
        return hit
    s = stripped
    for i in range(1, kt.max_prefix + 1):  # the longest synonym it ends with, after a short prefix
        if len(s) - i < kt.min_suffix or s.endswith(kt.not_after, 0, i):
            break  # (占一般公共预算收入: a share of the statistic; 城镇居民收入: another one)
        hit = kt.synonyms.get(s[i:])
        if hit is not None and hit not in kt.whole_only:
            return hit
    # change words alone (增长, 比上年增长) name no statistic
    return "" if s in kt._bare or len(s) < 2 else s

