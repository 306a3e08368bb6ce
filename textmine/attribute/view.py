"""One claim seen with what attribution reads around it: its sentence's other claims, its
clause, the opening clause of its sentence, and the time context of its paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..types import Claim
from .document import BlockTime, DocumentFacts

CLAUSE_BOUNDARY = re.compile(r"[，,；;：:。！？!?]")
_UP_TO_BOUNDARY = re.compile(r".*[，,；;：:。！？!?]", re.S)  # to the last boundary
_UNSET = object()


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last boundary before it)."""
    m = _UP_TO_BOUNDARY.match(sentence, 0, pos)  # (one call: the regex walks back in C)
    return m.end() if m else 0


@dataclass(slots=True)
class ClaimView:
    claim: Claim
    siblings: list[Claim]          # the claims of the sentence, in order
    index: int                     # the claim's place among them
    facts: DocumentFacts
    block: BlockTime | None
    head_end: int                  # the end of the sentence's opening clause (``head_end``)
    pairs: list                    # per pair of neighbouring claims of the sentence: whether
    #                                they are X and Y of 从X增加到Y (None: not yet looked at)
    dates: list[int]               # the places of the sentence's date claims, in order
    governing: object = _UNSET  # the governing date claim, once looked up (PeriodRules)
    clause_start: int = field(init=False)  # where the claim's clause starts
    clause: str = field(init=False)        # the claim's clause up to the claim

    def __post_init__(self) -> None:
        # (every rule reads the clause: computed at once, not behind a property)
        s, at = self.claim.sentence, self.claim.start
        self.clause_start = start = clause_start(s, at)
        self.clause = s[start:at]

    @property
    def sentence(self) -> str:
        return self.claim.sentence

    @property
    def before(self) -> str:
        return self.claim.sentence[:self.claim.start]

    def in_scope(self, other: Claim) -> bool:
        """``other`` stands before the claim, in its clause, in the sentence's opening clause,
        or at the start of a clause of its own (2007年单位能耗下降X，…下降Y)."""
        if other.end > self.claim.start:
            return False
        return other.start >= self.clause_start or other.end <= self.head_end or \
            opens_clause(self.claim.sentence, other.start)


def head_end(sentence: str) -> int:
    """The end of the sentence's opening clause."""
    m = CLAUSE_BOUNDARY.search(sentence)
    return m.start() if m else len(sentence)


def opens_clause(s: str, i: int) -> bool:
    """True when position ``i`` of ``s`` starts a clause (after at most a preposition)."""
    k = i
    while k > 0 and not CLAUSE_BOUNDARY.match(s[k - 1]) and i - k < 3:
        k -= 1
    return (k == 0 or CLAUSE_BOUNDARY.match(s[k - 1]) is not None) and \
        s[k:i] in ("", "在", "截至", "截止", "到", "至", "于", "从", "自")
