"""What the measure classifier sees of a claim: named groups of string features.

A claim becomes a ``MeasureInput`` (sentence, the span of its number mention, its
indicator, its section heading and, when the extractor has them, the sentence's tokens
from the spaCy/jieba pipeline). ``features`` turns it into one token list per group of
``GROUPS``: the sentence's words, character 1-2-grams of a window around the mention, of
the clause holding it, of the indicator and of the heading, and keyword-table tags.
The same function feeds training (scikit-learn TF-IDF + logistic regression) and
inference (``linear.LinearModel``), so both see exactly the same features.

Groups marked ``sentence`` or ``section`` depend only on that text: inference scores
them once per sentence or heading, not once per claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import add
from typing import TYPE_CHECKING, Any, Callable

from ..types import Claim

if TYPE_CHECKING:
    from .lexicon import Lexicon

WINDOW_LEFT = 14   # characters of context before the mention
WINDOW_RIGHT = 12   # ... and after it
NUM_TOKEN = "0"

_ARABIC = re.compile(r"[0-9０-９][0-9０-９.,．]*")
_CLAUSE_END = "，。；！？：;,"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_END}]")
_LAST_MARK = re.compile(f".*[{_CLAUSE_END}]", re.S)
_NOT_WORD = re.compile(r"[\W_]+")

Tokens = tuple[str, ...]  # the sentence as the segmenter cut it


@dataclass(frozen=True)
class MeasureInput:
    """One thing to classify. ``start``/``end`` mark the number mention in ``sentence``."""

    sentence: str
    start: int = 0
    end: int = 0
    indicator: str = ""
    section: str = ""
    tokens: Tokens | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_claim(cls, claim: Claim, tokens: Tokens | None = None) -> "MeasureInput":
        # the fields set at once: a frozen dataclass's __init__ sets each one through
        # object.__setattr__, twice the cost, and inference makes one per claim
        it = object.__new__(cls)
        it.__dict__.update(sentence=claim.sentence or "", start=claim.start or 0,
                           end=claim.end or 0, indicator=claim.indicator or "",
                           section=claim.section or "", tokens=tokens)
        return it

    @property
    def window(self) -> str:
        """``window(self)``, computed once (two feature groups use it)."""
        w = self.__dict__.get("_window")
        if w is None:
            w = window(self)
            object.__setattr__(self, "_window", w)
        return w

    @classmethod
    def coerce(cls, item: Any) -> "MeasureInput":
        """A ``MeasureInput`` from a Claim, a dict (corpus record or claim record) or a
        plain sentence (the whole sentence is then the mention's context)."""
        if isinstance(item, MeasureInput):
            return item
        if isinstance(item, Claim):
            return cls.from_claim(item)
        if isinstance(item, str):
            return cls(item, 0, len(item))
        if isinstance(item, dict):
            text = item.get("sentence") if "sentence" in item else item.get("text", "")
            if "span" in item:
                start, end = item["span"]
            else:
                start, end = item.get("start", 0), item.get("end", len(text or ""))
            return cls(text or "", int(start), int(end), item.get("indicator") or "",
                       item.get("section") or "")
        raise TypeError(f"cannot classify a {type(item).__name__}; give a Claim, dict or str")


def normalise(text: str) -> str:
    """Arabic numbers collapse to one token so that values do not become features."""
    return _ARABIC.sub(NUM_TOKEN, text)


def window(item: MeasureInput) -> str:
    return normalise(window_text(item))


def window_text(item: MeasureInput) -> str:
    """The mention in 【】 with up to ``WINDOW_LEFT`` characters before it and
    ``WINDOW_RIGHT`` after (before ``normalise``)."""
    s = item.sentence
    start, end = max(0, item.start), min(len(s), max(item.start, item.end))
    if start == end == 0:
        end = len(s)
    return (s[max(0, start - WINDOW_LEFT):start] + "【" + s[start:end] + "】"
            + s[end:end + WINDOW_RIGHT])


def clause(item: MeasureInput) -> str:
    """The clause holding the mention: from the punctuation before it to the one after."""
    s = item.sentence
    start = min(len(s), max(0, item.start))
    end = min(len(s), max(start, item.end))
    m = _LAST_MARK.match(s, 0, start)  # the last mark before the mention
    lo = m.end() if m else 0
    m = _CLAUSE_MARK.search(s, end)
    return s[lo:m.start() if m else len(s)]


def segment(text: str) -> Tokens:
    """jieba's segmentation of ``text``: the tokens the extraction pipeline's tokenizer
    makes of a sentence (spaCy's zh tokenizer runs ``jieba.cut`` on it)."""
    if not text:
        return ()
    from ..nlp.segmenter import jieba_module
    return tuple(jieba_module().cut(text))


class _Words(dict):
    """token -> the word ``sentence_words`` keeps of it ("" when it drops the token),
    worked out on a token's first sight (a report's tokens repeat: most are looked up)."""

    LIMIT = 200_000  # (numbers are new tokens: past this, new ones are not kept)

    def __missing__(self, token: str) -> str:
        word = token if token.isalpha() else \
            normalise(token) if token.strip() and not _NOT_WORD.fullmatch(token) else ""
        if len(self) < self.LIMIT:
            self[token] = word
        return word


_WORDS = _Words()


def sentence_words(item: MeasureInput) -> list[str]:
    """The sentence's words (numbers collapsed, punctuation and spaces dropped)."""
    toks = item.tokens if item.tokens is not None else segment(item.sentence)
    return [w for w in map(_WORDS.__getitem__, toks) if w]


def char_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """All character n-grams, lo <= n <= hi (n-grams of one length built by ``map``
    over shifted copies of the text: no Python-level loop per character)."""
    out: list[str] = []
    grams: Any = text
    for k in range(1, hi + 1):
        if k > 1:
            grams = map(add, grams, text[k - 1:])
        if k >= lo:
            grams = list(grams)
            out += grams
    return out


@dataclass(frozen=True)
class Group:
    """A feature group: its name, how much it weighs, what it depends on (``sentence``,
    ``section`` or ``claim``: the cache key at inference) and how it is computed (at
    inference ``bulk`` computes the same features of many claims at once)."""

    name: str
    weight: float
    level: str
    make: Callable[[MeasureInput, "Lexicon"], list[str]]


GROUPS: tuple[Group, ...] = (
    Group("sentence_words", 1.0, "sentence", lambda it, lex: sentence_words(it)),
    Group("window", 1.0, "claim", lambda it, lex: char_ngrams(it.window, 1, 2)),
    Group("clause", 1.0, "claim", lambda it, lex: char_ngrams(normalise(clause(it)), 1, 2)),
    Group("indicator", 1.0, "claim", lambda it, lex: char_ngrams(normalise(it.indicator), 1, 2)),
    Group("section", 0.8, "section", lambda it, lex: char_ngrams(normalise(it.section), 1, 2)),
    Group("lexicon", 0.6, "claim",
          lambda it, lex: lex.tags(it.sentence, it.window, it.indicator, it.section)),
)
MIN_DF = 2  # a feature must occur in two training examples to be kept


def cache_key(group: Group, item: MeasureInput) -> str | None:
    """What a group's features depend on, when that is less than the whole claim."""
    if group.level == "sentence":
        return item.sentence
    if group.level == "section":
        return item.section
    return None


def features(item: Any, lexicon: "Lexicon") -> dict[str, list[str]]:
    """One token list per group of ``GROUPS``."""
    it = MeasureInput.coerce(item)
    return {g.name: g.make(it, lexicon) for g in GROUPS}
