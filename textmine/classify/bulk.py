"""The feature groups of many claims at once, for inference: the same features as
``features.GROUPS``' ``make``, as (row, column, value) entries of the group's model.

``make`` builds one Python string per character and pair of characters of the window, the
clause, the indicator and the heading (about sixty per claim and group), and the model looks
each up in its vocabulary; the keyword tags loop over characters. Here:

- character 1-2-grams (``GramIndex``): a group's vocabulary as tables (character ->
  column, pair of characters -> column, by small character numbers); the texts of all the
  claims are joined, read as code points, and the columns of every character and of every
  pair inside one text are found by numpy in a few array operations;
- keyword tags (``TagTable``): every keyword and override phrase in one Aho-Corasick
  automaton (``ahocorasick_rs``), one overlapping search per place (sentence, window,
  indicator, heading) over the distinct texts joined, the (text, keyword) pairs made
  unique and the tags counted by ``bincount`` (not a matrix product: a tiny one through
  OpenBLAS's threads cost 7-12 ms);
- windows and clauses (``window_texts``, ``clauses``): sliced from the claims' distinct
  sentences joined, with the offsets computed by numpy (clause marks found once, each
  mention's clause by binary search among them);
- ``normalise_all`` is ``features.normalise`` of many texts in one regex pass.

The tables cost a few milliseconds and megabytes to build, so ``model`` uses this only for
batches of ``model.BULK_MIN`` claims or more (a one-line input is scored token by token).

The (row, column, count) triples are those of ``make``'s tokens, and
``linear.GroupParams.weigh`` weighs them in sorted order whatever order they come in, so the
scores are the same to the last bit (``tests/test_classify_bulk.py`` checks the entries
against ``make`` on random claims).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from .features import (_CLAUSE_END, WINDOW_LEFT, WINDOW_RIGHT, MeasureInput, normalise,
                       window_text)

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .linear import GroupParams

Entries = tuple[np.ndarray, np.ndarray, np.ndarray]  # (row, column, weighted value)
_SEP = "\x00"  # joins texts; never inside a number run nor a keyword
_MARKS = np.array([ord(c) for c in _CLAUSE_END])  # clause marks (``features.clause``)
_PLACES = ("_s", "_w", "_i", "_h")  # the lexicon's places: sentence, window, indicator, heading


def normalise_all(texts: Sequence[str]) -> list[str]:
    """``[normalise(t) for t in texts]`` in one pass (a number run never spans the
    separator; texts that hold it are normalised one by one)."""
    if not texts:
        return []
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:
        return [normalise(t) for t in texts]
    return normalise(joined).split(_SEP)


def windows(items: Sequence[MeasureInput]) -> list[str]:
    """Each item's ``window`` (normalised), computed in one pass for the items that do not
    have it yet and kept on them (the window and lexicon groups both read it)."""
    missing = [it for it in items if "_window" not in it.__dict__]
    for it, w in zip(missing, normalise_all(window_texts(missing))):
        object.__setattr__(it, "_window", w)
    return [it.window for it in items]


class Joined:
    """The items' distinct sentences joined by the separator (``text``), and per item where
    its sentence starts there (``base``), its length and the mention's ``start``/``end``."""

    def __init__(self, items: Sequence[MeasureInput]):
        n = len(items)
        sentences = [it.sentence for it in items]
        distinct = list(dict.fromkeys(sentences))
        self.text = _SEP.join(distinct)
        offsets = np.cumsum([0] + [len(t) + 1 for t in distinct[:-1]])
        at = dict(zip(distinct, offsets.tolist()))
        self.base = np.fromiter(map(at.__getitem__, sentences), dtype=np.int64, count=n)
        self.length = np.fromiter(map(len, sentences), dtype=np.int64, count=n)
        self.start = np.fromiter((it.start for it in items), dtype=np.int64, count=n)
        self.end = np.fromiter((it.end for it in items), dtype=np.int64, count=n)

    def slices(self, *bounds: np.ndarray) -> list[list[str]]:
        """For consecutive bounds a, b (offsets in each sentence, 0 <= a, b <= length):
        the pieces ``sentence[a:b]`` of every item."""
        text = self.text
        cuts = [(self.base + b).tolist() for b in bounds]
        return [[text[x:y] for x, y in zip(lo, hi)] for lo, hi in zip(cuts, cuts[1:])]


def window_texts(items: Sequence[MeasureInput]) -> list[str]:
    """``[features.window_text(it) for it in items]``: the slices of all the items' sentences
    at once (items with a negative offset, which slices count from the end, one by one)."""
    if not items:
        return []
    j = Joined(items)
    length, start = j.length, j.start
    end = np.minimum(length, np.maximum(start, j.end))
    end = np.where((start == 0) & (end == 0), length, end)
    odd = (start < 0) | (end < 0)
    start, end = np.where(odd, 0, start), np.where(odd, 0, end)
    left, mid, right = j.slices(np.minimum(np.maximum(0, start - WINDOW_LEFT), length),
                                np.minimum(start, length), end,
                                np.minimum(end + WINDOW_RIGHT, length))
    out = [f"{a}【{b}】{c}" for a, b, c in zip(left, mid, right)]
    for i in np.flatnonzero(odd).tolist():
        out[i] = window_text(items[i])
    return out


def clauses(items: Sequence[MeasureInput]) -> list[str]:
    """``[features.clause(it) for it in items]``: the clause marks of all the items'
    sentences found at once, each mention's clause by binary search among them."""
    if not items:
        return []
    j = Joined(items)
    length = j.length
    start = np.minimum(length, np.maximum(0, j.start))
    end = np.minimum(length, np.maximum(start, j.end))
    marks = np.flatnonzero(np.isin(_code_points(j.text), _MARKS))
    if not len(marks):
        return j.slices(np.zeros_like(length), length)[0]
    before = marks[np.maximum(np.searchsorted(marks, j.base + start) - 1, 0)] - j.base
    lo = np.where((before >= 0) & (before < start), before + 1, 0)
    after = marks[np.minimum(np.searchsorted(marks, j.base + end), len(marks) - 1)] - j.base
    hi = np.where((after >= end) & (after < length), after, length)
    return j.slices(lo, np.maximum(lo, hi))[0]


class GramIndex:
    """A vocabulary's one- and two-character entries as tables: ``ids`` numbers the
    characters the entries use (1..K; 0 any other), ``one[id]`` is a character's column and
    ``two[id_a * (K + 1) + id_b]`` a pair's (``width``, one past the last column, when it
    is no entry); past ``DENSE`` cells the pairs are sorted keys looked up by binary search
    instead. Longer entries are no character 1-2-gram and never match."""

    DENSE = 1 << 22  # cells of the dense pair table (int32: 16 MiB at most)
    __slots__ = ("ids", "one", "two", "keys", "cols", "size", "width")

    def __init__(self, vocabulary: dict[str, int], width: int, dense: int = DENSE):
        grams = {t: c for t, c in vocabulary.items() if 1 <= len(t) <= 2}
        chars = sorted(set("".join(grams)))
        number = {ch: i for i, ch in enumerate(chars, 1)}
        self.size = size = len(chars) + 1
        self.width = width
        self.ids = np.zeros(max(map(ord, chars), default=0) + 2, dtype=np.int64)
        self.ids[[ord(ch) for ch in chars]] = range(1, size)  # the last slot: any above
        self.one = np.full(size, width, dtype=np.int64)
        pairs = {}
        for t, c in grams.items():
            if len(t) == 1:
                self.one[number[t]] = c
            else:
                pairs[number[t[0]] * size + number[t[1]]] = c
        self.keys = np.array(sorted(pairs), dtype=np.int64)
        self.cols = np.array([pairs[k] for k in self.keys.tolist()], dtype=np.int64)
        self.two = None
        if size * size <= dense:
            self.two = np.full(size * size, width, dtype=np.int32)
            self.two[self.keys] = self.cols

    def columns(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(row, column) of every known 1- and 2-gram of every text (row = the text's index)."""
        n = len(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        ids = self.ids[np.minimum(_code_points("".join(texts)), len(self.ids) - 1)]
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        cols = self.one[ids]
        if len(ids) > 1:
            inner = np.ones(len(ids) - 1, dtype=bool)  # pairs that stay inside one text
            ends = np.cumsum(lengths) - 1
            inner[ends[(ends >= 0) & (ends < len(ids) - 1)]] = False
            cols = np.concatenate([cols, self._pairs(ids[:-1][inner] * self.size
                                                     + ids[1:][inner])])
            rows = np.concatenate([rows, rows[:-1][inner]])
        known = cols < self.width
        return rows[known], cols[known]

    def _pairs(self, keys: np.ndarray) -> np.ndarray:
        """The columns of pair keys (``width`` for no entry)."""
        if self.two is not None:
            return self.two[keys].astype(np.int64)
        if not len(self.keys):
            return np.full(len(keys), self.width, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, self.cols[at], self.width)


class TagTable:
    """The lexicon group's tags over one automaton's patterns (the keywords and the override
    phrases): ``tags[place][k]``, the columns of the tags a hit of pattern ``k`` in that place
    gives (one per label of the keyword; -1 pads), and ``phrases``, the override phrases'
    patterns and columns (a phrase in the window or the indicator gives its tag once)."""

    def __init__(self, lex: "Lexicon", vocabulary: dict[str, int]):
        import ahocorasick_rs
        by = lex._by_keyword
        self.patterns = sorted({kw for kw in by if kw} | {p for p in lex.overrides if p})
        self.automaton = ahocorasick_rs.AhoCorasick(self.patterns)  # standard: overlapping
        self.width = len(vocabulary)
        depth = max((len(by.get(p, ())) for p in self.patterns), default=0)
        self.tags = {place: np.full((len(self.patterns), max(depth, 1)), -1, dtype=np.int64)
                     for place in _PLACES}
        for k, pat in enumerate(self.patterns):
            for place, table in self.tags.items():
                for j, label in enumerate(by.get(pat, ())):
                    table[k, j] = vocabulary.get(label + place, -1)
        self.phrases = [(k, vocabulary[tag]) for k, pat in enumerate(self.patterns)
                        if pat in lex.overrides
                        and (tag := f"{lex.overrides[pat]}_override") in vocabulary]
        tag = f"{lex.overrides.get('')}_override"  # an empty phrase is in every window
        self.always = vocabulary.get(tag) if "" in lex.overrides else None

    def hits(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """(u, k, unit, n_distinct): pattern ``k[j]`` occurs in the ``u[j]``-th distinct text
        (each pair once; one search over the distinct texts joined); ``unit[i]``: the
        distinct text of ``texts[i]``."""
        distinct = list(dict.fromkeys(texts))
        index = dict(zip(distinct, range(len(distinct))))
        unit = np.fromiter(map(index.__getitem__, texts), dtype=np.intp, count=len(texts))
        starts = np.cumsum([0] + [len(t) + 1 for t in distinct[:-1]])
        found = np.array(self.automaton.find_matches_as_indexes(_SEP.join(distinct),
                                                                overlapping=True),
                         dtype=np.int64).reshape(-1, 3)
        u = np.searchsorted(starts, found[:, 1], side="right") - 1
        pairs = np.unique(u * len(self.patterns) + found[:, 0])
        return pairs // len(self.patterns), pairs % len(self.patterns), unit, len(distinct)

    def _place(self, place: str, hit) -> np.ndarray:
        """(len(texts), width): each text's count of each tag of that place."""
        u, k, unit, n = hit
        cols = self.tags[place][k]
        rows = np.repeat(u, cols.shape[1]).reshape(cols.shape)
        keep = cols >= 0
        flat = np.bincount(rows[keep] * self.width + cols[keep], minlength=n * self.width)
        return flat.reshape(n, self.width)[unit]

    def counts(self, items: Sequence[MeasureInput]) -> np.ndarray:
        """(len(items), width): each item's count of each known tag (``Lexicon.tags``)."""
        w, i = self.hits(windows(items)), self.hits([it.indicator for it in items])
        total = (self._place("_s", self.hits([it.sentence for it in items]))
                 + self._place("_w", w) + self._place("_i", i)
                 + self._place("_h", self.hits([it.section for it in items])))
        for k, col in self.phrases:
            seen = np.zeros(len(items), dtype=bool)
            for u, kk, unit, n in (w, i):
                has = np.zeros(n, dtype=bool)
                has[u[kk == k]] = True
                seen |= has[unit]
            total[:, col] += seen
        if self.always is not None:
            total[:, self.always] += 1
        return total


def gram_entries(texts: Callable[[Sequence[MeasureInput]], list[str]]):
    """The bulk form of a character-gram group whose normalised text per item is ``texts``."""
    def entries(items: Sequence[MeasureInput], lex: "Lexicon", gp: "GroupParams") -> Entries:
        index = gp.tables.get("grams")
        if index is None:
            index = gp.tables["grams"] = GramIndex(gp.vocabulary, len(gp.idf))
        return gp.weigh(*index.columns(texts(items)), len(items))
    return entries


def lexicon_entries(items: Sequence[MeasureInput], lex: "Lexicon", gp: "GroupParams") -> Entries:
    """The bulk form of the lexicon group (``Lexicon.tags``); falls back to it for text the
    automaton cannot read (lone surrogates)."""
    table = gp.tables.get("tags")
    if table is None:
        table = gp.tables["tags"] = TagTable(lex, gp.vocabulary)
    try:
        counts = table.counts(items)
    except UnicodeEncodeError:
        return gp.entries([lex.tags(it.sentence, it.window, it.indicator, it.section)
                           for it in items])
    row, col = np.nonzero(counts)  # row-major: sorted as ``weigh`` sorts
    return gp.weigh_counts(row, col, counts[row, col], len(items))


BULK: dict[str, Callable[[Sequence[MeasureInput], "Lexicon", "GroupParams"], Entries]] = {
    "window": gram_entries(windows),
    "clause": gram_entries(lambda items: normalise_all(clauses(items))),
    "indicator": gram_entries(lambda items: normalise_all([it.indicator for it in items])),
    "section": gram_entries(lambda items: normalise_all([it.section for it in items])),
    "lexicon": lexicon_entries,
}


def _code_points(text: str) -> np.ndarray:
    """The text's code points as int64 (lone surrogates included)."""
    raw = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(raw, dtype=np.uint32).astype(np.int64)
