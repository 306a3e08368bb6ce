"""Number expressions in a sentence: numeral + qualifier words + unit -> ``NumberMention``.

This is the number layer under claim extraction: ``find_numbers(text)`` reports every
number expression (claim or not; names and slogans are filtered later, in
``textmine.nlp.claims``). Offsets are into the text as given: the scanner works on a
width-folded copy of the same length. Dates come from ``dates``, every other expression from
the grammar in ``reading`` (one numeral at a time) and the forms in ``forms``; a last pass
joins a lower and an upper bound written side by side into one range.

>>> [(m.text, m.kind, m.value, m.unit, m.qualifier) for m in find_numbers("销售扶贫产品2100多种113余亿元")]
[('2100多种', 'count', Decimal('2100'), '种', 'over'), ('113余亿元', 'money', Decimal('11300000000'), '元', 'over')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .dates import ANCHOR_START, Reference, scan_dates
from .forms import (BETWEEN_END, BETWEEN_JOINS, RATIO_TO_ONE, RATIO_TO_ONE_HINT, SLASH_FRACTION,
                    SPECIAL_FIRST, ratio_to_one, slash_fraction, special_at)
from .mention import GRAMMAR, NumberMention
from .numerals import DIGITS, MAGNITUDES, UNITS, fold_width, scan_numeral
from .reading import in_word, read_mention

__all__ = ["NumberMention", "find_numbers", "number_records"]

# not numbers: web addresses, clock times, codes that start with a letter (A2021..., G20)
NOT_NUMBERS = re.compile(r"(?:https?://|www\.)[!-~]+|\d{1,2}:\d{2}(?::\d{2})?(?!\d)|(?<![A-Za-z0-9])[A-Za-z]+\d[A-Za-z0-9]*")
_NOT_NUMBER_HINT = re.compile("[:A-z]")  # every NOT_NUMBERS match holds a letter or a colon
# a number is read where it starts: an ASCII digit, or a Chinese numeral character
_START_CHARS = frozenset("0123456789") | frozenset(DIGITS) | frozenset(UNITS) | frozenset(MAGNITUDES)
# where the scanner looks at all: a number start, a special word's first character, or a
# decimal point (.5); everything else is skipped at C speed
_CANDIDATE_CHARS = re.escape("".join(sorted(_START_CHARS | SPECIAL_FIRST | {"."})))
_CANDIDATE = re.compile(f"[{_CANDIDATE_CHARS}]")
# a text with none of these holds no number, no date and no slash fraction (half the sentences
# of a report): one search says so
_ANY = re.compile(f"[{_CANDIDATE_CHARS}{ANCHOR_START}]")
# the reference of dates, one object per (year, month) (immutable; made once, not per sentence)
_reference = lru_cache(maxsize=64)(Reference)
# a lower and an upper bound side by side are one range (大于10小于20, 1000以上，1500以下)
_BOUND_WORDS = sorted(GRAMMAR["bounds"]["joins"], key=len, reverse=True)
BOUND_JOIN = re.compile(r"^\s{0,2}(?:" + "|".join(map(re.escape, _BOUND_WORDS)) + r")?\s{0,2}$")
# X和Y之间: a range
BETWEEN_JOIN = re.compile(r"^\s{0,2}(?:" + BETWEEN_JOINS + r")\s{0,2}$")
# the longest gap either joins: a word and two spaces each side (a wider gap joins nothing,
# known without slicing it or trying the patterns)
_JOIN_GAP = 4 + max(map(len, [*_BOUND_WORDS, *GRAMMAR["between"]["joins"]]))
# 10000与20000间: the second number's "unit" is the end word
_BETWEEN_UNITS = frozenset(w for w in GRAMMAR["between"]["ends"] if len(w) == 1)
_Span = tuple[int, int]


def find_numbers(text: str, year: int | None = None, month: int | None = None) -> list[NumberMention]:
    """Every number expression in ``text``, left to right, not overlapping. ``year`` and
    ``month``: the document's, for dates written without a year and relative dates (a
    relative date that needs what is not known is left out, its words read as no number)."""
    folded = fold_width(text)
    if _ANY.search(folded) is None:
        return []
    dates = scan_dates(folded, _reference(year, month))
    found = [NumberMention(d.start, d.end, text[d.start:d.end], "date", d.value, "date",
                           d.qualifier, None, None, year_written=d.year_written, number_start=d.start)
             for d in dates if d.value is not None]
    taken = [(d.start, d.end) for d in dates]
    if _NOT_NUMBER_HINT.search(folded):
        taken += [(m.start(), m.end()) for m in NOT_NUMBERS.finditer(folded)]
    if "/" in folded:
        _forms(text, folded, SLASH_FRACTION, slash_fraction, taken, found)
    if not RATIO_TO_ONE_HINT.isdisjoint(folded):
        _forms(text, folded, RATIO_TO_ONE, ratio_to_one, taken, found)
    _scan(text, folded, taken, found)
    found.sort(key=lambda x: x.start)
    if len(found) > 1:
        found = _join_bounds(text, folded, found)
    return found


def _forms(text: str, folded: str, pattern: re.Pattern, make, taken: list[_Span],
           found: list[NumberMention]) -> None:
    """Append to ``found`` the mentions ``make`` reads from each match of ``pattern`` (a form
    in figures: 3/4, 2.5:1) outside ``taken``, and take their spans."""
    for fm in pattern.finditer(folded):
        if not _overlaps(fm.start(), fm.end(), taken):
            m = make(text, folded, fm)
            found.append(m)
            taken.append((m.start, m.end))


def _scan(text: str, folded: str, taken: list[_Span], found: list[NumberMention]) -> None:
    """Append to ``found`` the mentions read at each candidate position outside ``taken``: a
    special word (一半), else a number where one starts (a numeral character not inside Arabic
    digits, or a decimal point before digits: .5)."""
    same = folded == text  # no full-width characters: mention texts need no re-slicing
    last_end = 0  # end of the last mention the grammar read
    cand = _CANDIDATE.search(folded)
    while cand is not None:
        i = cand.start()
        b = _cover_end(i, taken) if taken else None
        if b is not None:
            cand = _CANDIDATE.search(folded, _uncovered(b, taken))
            continue
        c = folded[i]
        m = special_at(folded, i) if c in SPECIAL_FIRST else None
        if m is None:
            if (c not in _START_CHARS or i > 0 and folded[i - 1].isdigit()) and not (
                    c == "." and i + 1 < len(folded) and folded[i + 1].isdigit()
                    and not (i > 0 and folded[i - 1] in "0123456789.")):
                cand = _CANDIDATE.search(folded, i + 1)
                continue
            if in_word(folded, i):  # 一些, 统一: no number, known without the grammar
                cand = _CANDIDATE.search(folded, i + 1)
                continue
            m, nxt = _read_number(folded, i, taken, last_end)
            if m is None:
                cand = _CANDIDATE.search(folded, nxt)
                continue
            last_end = m.end
        if not same:  # (m was made just now, by this scan: set in place)
            m.text = text[m.start:m.end]
        found.append(m)
        cand = _CANDIDATE.search(folded, m.end)


def _read_number(t: str, i: int, taken: list[_Span], last_end: int) -> tuple[NumberMention | None, int]:
    """(the number expression at ``i`` or None, where to look next)."""
    m = read_mention(t, i)
    if m is None:
        num = scan_numeral(t, i)
        return None, num.end if num is not None else i + 1
    if taken and _overlaps(m.start, m.end, taken) or m.start < last_end:
        # (a qualifier word before the number that the previous mention already holds:
        # 10多于20个 -> the 多 is 10多's)
        return None, i + 1
    return m, m.end


def _cover_end(i: int, taken: list[_Span]) -> int | None:
    """The end of a span in ``taken`` that covers ``i``, or None."""
    for a, b in taken:
        if a <= i < b:
            return b
    return None


def _uncovered(i: int, taken: list[_Span]) -> int:
    """The first position from ``i`` on that no span in ``taken`` covers."""
    b = _cover_end(i, taken)
    while b is not None:
        i = b
        b = _cover_end(i, taken)
    return i


def _overlaps(start: int, end: int, taken: list[_Span]) -> bool:
    for a, b in taken:
        if a < end and start < b:
            return True
    return False


def _join_bounds(text: str, t: str, found: list[NumberMention]) -> list[NumberMention]:
    """Merge a lower and an upper bound written side by side into one range
    (大于二十的同时小于等于三十五, 最多100最少20个) and X和Y之间 into X to Y."""
    out: list[NumberMention] = []
    for m in found:
        prev = out[-1] if out else None
        joined = None
        if prev is not None and prev.kind != "date" and m.kind != "date" and 0 <= m.start - prev.end <= _JOIN_GAP:
            joined = _joined(t, prev, m)
        if joined is not None:
            out[-1] = replace(joined, text=text[joined.start:joined.end])
        else:
            out.append(m)
    return out


def _joined(t: str, prev: NumberMention, m: NumberMention) -> NumberMention | None:
    """``prev`` and ``m`` as one range, or None."""
    gap = t[prev.end:m.start]
    if BOUND_JOIN.match(gap):
        return _bounds_range(t, prev, m)
    if not (BETWEEN_JOIN.match(gap) and prev.qualifier == "exact" and m.qualifier == "exact"):
        return None
    if m.unit in _BETWEEN_UNITS and prev.value <= m.value:  # 10000与20000间
        m = replace(m, kind="number", unit="", unit_written=False)
        return _make_range(t, prev, m, prev.value, m.value, m.end)
    e = BETWEEN_END.match(t, m.end)
    if e and _same_unit(prev, m) and prev.value <= m.value:
        return _make_range(t, prev, m, prev.value, m.value, e.end())
    return None


def _same_unit(a: NumberMention, b: NumberMention) -> bool:
    return not a.unit or not b.unit or a.unit == b.unit


_LOWS = ("over", "at_least")
_HIGHS = ("under", "at_most")


def _bounds_range(t: str, a: NumberMention, b: NumberMention) -> NumberMention | None:
    if not _same_unit(a, b):
        return None
    if a.qualifier in _LOWS and b.qualifier in _HIGHS:
        lo, hi = a.lower, b.upper
    elif a.qualifier in _HIGHS and b.qualifier in _LOWS:
        lo, hi = b.lower, a.upper
    else:
        return None
    if lo is None or hi is None or lo > hi:
        return None
    return _make_range(t, a, b, lo, hi, b.end)


def _make_range(t: str, a: NumberMention, b: NumberMention, lo, hi, end: int) -> NumberMention:
    u = b if b.unit else a
    return NumberMention(a.start, end, t[a.start:end], u.kind, lo, u.unit, "range", lo, hi,
                         per=u.per, unit_written=a.unit_written or b.unit_written,
                         chinese=a.chinese and b.chinese, number_start=a.number_start)


def number_records(lines, year: int | None = None, month: int | None = None):
    """One record per number expression of each line (1-based ``line``), for
    ``textmine numbers``: every number, claim or not."""
    from ..types import json_number
    for ln, line in enumerate(lines, 1):
        for m in find_numbers(line.rstrip("\n"), year, month):
            rec = {"line": ln, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                   "value": json_number(m.value), "unit": m.unit, "lower": json_number(m.lower),
                   "upper": json_number(m.upper), "qualifier": m.qualifier}
            if m.currency is not None:
                rec["currency"] = m.currency
            yield rec
