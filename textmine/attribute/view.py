"""What attribution reads around a claim: its sentence (``SentenceView``: the sentence's
claims, its opening clause, the time context of its paragraph, and what the rules work out
once a sentence) and the claim in it (``ClaimView``: its clause and what the rules work out
once a claim)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parse.tables import alternation, table
from ..types import Claim
from .document import DATELINE, BlockTime, DocumentFacts, speaking_year
from .gazetteer import Region
from .timewords import Cue

CLAUSE_BOUNDARY = re.compile(r"[，,；;：:。！？!?]")
_D = table("attribution")["document"]
_DATELINE_FIRST = frozenset(w[0] for w in _D["dateline_sources"])  # (本报贵阳3月7日电（记者 …）)
_GROUP_LEAD = re.compile(f'{_D["group_lead"]}|{_D["source_lead"]}')
_DEADLINE_LEAD = re.compile(_D["deadline_lead"])  # (该县将力争到2027年: governs the goals after it)
_GROUP_LEAD_FIRST = "分按从据记数统"
_SPEAKER_VERBS = tuple(_D["speaker_verbs"])
_SPEAKER_LEAD = re.compile(f'{_D["speaker_lead"]}(?:{alternation(_SPEAKER_VERBS)})[，,：:]')  # (负责人
#                                                          表示，: who speaks, no clause of time)
# the words between the figures of a list (教师30名、医生25名; 分别达到X和Y)
LIST_JOINS = tuple(table("attribution")["time"]["list_joins"])
_UP_TO_BOUNDARY = re.compile(r".*[，,；;：:。！？!?]", re.S)  # to the last boundary
_UNSET = object()


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last boundary before it)."""
    m = _UP_TO_BOUNDARY.match(sentence, 0, pos)  # (one call: the regex walks back in C)
    return m.end() if m else 0


@dataclass(slots=True)
class SentenceView:
    """One sentence of claims and what they all share: read once a sentence, some of it on
    first use by the rules (``_UNSET`` until then)."""
    text: str
    claims: list[Claim]            # the claims of the sentence, in order
    facts: DocumentFacts
    block: BlockTime | None        # the time context of its paragraph
    head_end: int = field(init=False)  # the end of the sentence's opening clause
    lead: int = field(init=False)      # where it starts after a news dateline or a breakdown
    #                                    (分地区看，; 0: none)
    spoken: bool = field(init=False)   # its lead-in names a speaker (负责人表示，)
    home: Region | None = field(init=False)  # the region of a claim whose clause names none
    pairs: list = field(init=False)  # per pair of neighbouring claims: whether they are X and
    #                                  Y of 从X增加到Y (None: not yet looked at)
    dates: list[int] = field(init=False)  # the places of the sentence's date claims, in order
    governs: dict = field(init=False)  # date place -> whether it may govern a figure (PeriodRules)
    part: str | None = field(init=False)  # the kind of the report's part it stands in
    year: int | None = field(init=False)  # the year its relative words count from (speaking_year)
    opening: object = _UNSET       # the time cues of the opening clause (PeriodRules)
    may_span: object = _UNSET      # whether it holds a word that opens 从X增加到Y (PeriodRules)
    target_end: object = _UNSET    # the end of the first stated-target word, or -1 (RoleRules)
    list_start: object = _UNSET    # where the words opening a list of targets start, or -1
    rules: object = _UNSET         # the role rules that may fire in it (RoleRules._rules_for)
    carried: Claim | None = None   # the date opening the sentences before it that end in ；
    continues: bool = False        # it goes on with the one before, in its paragraph (；, 其中)
    whole: Claim | None = None     # opening with 其中: the paragraph's last figure before it
    paragraph: str = ""            # the text of its paragraph
    forecasts: bool = False        # it goes on after a ； with a forecast the sentence before
    #                                opened (预计A X；B Y: B's figures are forecasts too)

    def __post_init__(self) -> None:
        m = DATELINE.match(self.text) if self.text[:1] in _DATELINE_FIRST else None
        self.lead = m.end() if m else 0
        self.spoken = False
        if self.text[self.lead:self.lead + 1] in _GROUP_LEAD_FIRST and \
                (g := _GROUP_LEAD.match(self.text, self.lead)):
            self.lead = g.end()  # (分三大门类看，1-10月份，…; 据了解，: no clause of time)
        elif any(w in self.text[self.lead:self.lead + 17] for w in _SPEAKER_VERBS) and \
                (g := _SPEAKER_LEAD.match(self.text, self.lead)):
            self.lead, self.spoken = g.end(), True
        self.head_end = head_end(self.text, self.lead)
        self.pairs = [None] * len(self.claims)
        self.dates = [i for i, c in enumerate(self.claims) if c.kind == "date"]
        self.governs = {}
        block = self.block
        self.part = block.part.kind if block is not None and block.part is not None else None
        self.year = speaking_year(block.part if block is not None else None, self.facts.year,
                                  self.facts.issued)
        # (its article's on a news page, a heading's place; else the document's)
        self.home = block.place if block is not None and block.place is not None else self.facts.region


@dataclass(slots=True)
class ClaimView:
    claim: Claim
    index: int                     # the claim's place among its sentence's claims
    s: SentenceView
    governing: object = _UNSET  # the governing date claim, once looked up (PeriodRules)
    cues: object = _UNSET       # the time cues of its clause, once looked up (PeriodRules)
    clause_start: int = field(init=False)  # where the claim's clause starts
    clause: str = field(init=False)        # the claim's clause up to the claim

    def __post_init__(self) -> None:
        # (every rule reads the clause: computed at once, not behind a property)
        at = self.claim.start
        self.clause_start = self._clause_start(at)
        self.clause = self.s.text[self.clause_start:at]

    def _clause_start(self, at: int) -> int:
        """Where the clause holding position ``at`` starts, not in a news dateline before it."""
        start, lead = clause_start(self.s.text, at), self.s.lead
        return lead if lead and at >= lead and start < lead else start

    def time_cues(self, times) -> list:
        """The time cues of the claim's clause (``TimeWords.cues``), once a view; N years
        counted without a word back (三年累计, 五年间; not 过去五年, 五年来) in a part about a
        span of N years are that span (三年累计投入 in a 2023—2025 plan: 2023/2025, not the
        three years before it)."""
        if self.cues is _UNSET:
            text = self.reading(self.clause)
            cues = times.cues(text, self.s.year)
            block = self.s.block.cue if self.s.block is not None else None
            if cues and block is not None and block.multi:
                cues = [(at, Cue(block.first, block.last, "span")
                         if c.kind == "span" and c.last - c.first == block.last - block.first
                         and times.counted_years(text, at) else c) for at, c in cues]
            elif not cues and self.s.part == "review":
                cues = self._review_years(times)
            self.cues = cues
        return self.cues

    def _review_years(self, times) -> list:
        """N years opening the claim's clause with no word around them, in a review of a
        span of N years (五年新增公路X in a five-year review, also after a paragraph that
        opened with 近两年): that span, as the clause's cue; else no cue."""
        part = self.s.block.part.cue
        at = self.clause_start
        if part is None or not part.multi or \
                times.bare_years(self.s.text, at) != part.last - part.first + 1:
            return []
        return [(0, Cue(part.first, part.last, "span"))]

    def list_item(self, joins) -> tuple[str, int, int]:
        """The claim as an item of a list of figures joined by ``joins`` (分别达到38650元和
        16820元): the clause before the list's first figure, the claim's place in the list
        and the list's length; (the clause, 0, 1) for a figure of no list."""
        text, claims = self.s.text, self.s.claims
        first = last = self.index
        while first > 0 and text[claims[first - 1].end:claims[first].start] in joins:
            first -= 1
        while last + 1 < len(claims) and text[claims[last].end:claims[last + 1].start] in joins:
            last += 1
        if first == self.index:
            return self.clause, 0, last - first + 1
        at = claims[first].start
        return text[self._clause_start(at):at], self.index - first, last - first + 1

    def reading(self, before: str) -> str:
        """``before`` (text that ends where the claim starts) as the time rules read it: with
        the claim when it is a multiple of what precedes it (是2010年的2.2倍: the year is the
        multiple's base, ``TimeWords.is_base``, not its period)."""
        if self.claim.kind == "ratio" and before.endswith("的"):
            return before + self.claim.text
        return before

    def in_scope(self, other: Claim) -> bool:
        """``other`` stands before the claim, in its clause, in the sentence's opening clause,
        or at the start of a clause of its own (2007年单位能耗下降X，…下降Y), or is a deadline
        after a goal word (该县将力争到2027年建成X，Y突破Z)."""
        if other.end > self.claim.start:
            return False
        return other.start >= self.clause_start or other.end <= self.s.head_end or \
            opens_clause(self.s.text, other.start) or \
            other.kind == "date" and _DEADLINE_LEAD.match(
                self.s.text, clause_start(self.s.text, other.start), other.start) is not None


def head_end(sentence: str, start: int = 0) -> int:
    """The end of the sentence's opening clause (which starts at ``start``)."""
    m = CLAUSE_BOUNDARY.search(sentence, start)
    return m.start() if m else len(sentence)


def opens_clause(s: str, i: int) -> bool:
    """True when position ``i`` of ``s`` starts a clause (after at most a preposition or
    其中: 其中6月份同比上涨X，环比下降Y)."""
    k = i
    while k > 0 and not CLAUSE_BOUNDARY.match(s[k - 1]) and i - k < 3:
        k -= 1
    return (k == 0 or CLAUSE_BOUNDARY.match(s[k - 1]) is not None) and \
        s[k:i] in ("", "在", "截至", "截止", "到", "至", "于", "从", "自", "其中")


def goal_in_brackets(v: ClaimView, goal: re.Pattern) -> bool:
    """Whether the claim stands in brackets right after a goal ``goal`` matches the end of
    (年度目标任务（25亿元）: the goal's value)."""
    at = v.claim.start - 1
    return at > 0 and v.s.text[at] in "（(" and goal.search(v.s.text, 0, at) is not None
