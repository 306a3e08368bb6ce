"""Dates and periods at the precision written -> ISO 8601 strings (docs/claims.md).

The grammar is a table: ``data/dates.toml`` lists the words (suffixes, periods, parts of a
year or month, relative dates, connectors), the regular-expression fragments and the rules
that combine them, in the order they are tried. This module compiles the rules into one
pattern, reads what a rule captured into at most two ``End``\\s (one point, or the two ends of
a range) and resolves them against a ``Reference``: the document's year and, where known, its
month. A date whose year the text omits takes the document year, written ``XXXX`` when that
is unknown; a relative date (去年3月, 上个月) that cannot be resolved is not given a guessed
year: ``scan_dates`` reports its span with no value, ``find_dates`` leaves it out.

>>> [(d.value, d.qualifier) for d in find_dates("2017年8月15日至2018年3月29日", None)]
[('2017-08-15/2018-03-29', 'range')]
>>> [(d.value, d.qualifier) for d in find_dates("去年6月上旬", 2021)]
[('2020-06', 'start')]
>>> [(d.value, d.qualifier) for d in find_dates("上个月", 2018, month=3)]
[('2018-02', 'exact')]
>>> [d.value for d in find_dates("19年底", None)], [d.value for d in find_dates("去年", None)]
(['2019'], [])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numerals import parse_numeral
from .tables import table

_T = table("dates")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str | None  # ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or a/b); None: cannot be resolved
    qualifier: str  # exact, range, since, before, end, start, mid, about
    year_written: bool
    optional: bool = False


@dataclass(frozen=True)
class Reference:
    """What relative dates and dates without a year are resolved against."""
    year: int | None = None
    month: int | None = None


@dataclass
class End:
    """One end of a date as written: absolute parts, relative offsets, a span of months."""
    year: int | None = None
    year_rel: int | None = None  # 去年: -1 (needs the reference year)
    month: int | None = None
    month_rel: int | None = None  # 上个月: -1 (needs the reference month)
    quarter_rel: int | None = None
    day: int | None = None
    months: tuple[int, int] | None = None  # 上半年: (1, 6)
    era: tuple[int, int] | None = None  # 80年代: (1980, 1989)
    part: str | None = None  # start, mid, end
    written: bool = False  # the year is written
    following: bool = False  # 次年: the year after the first end's


# ---------------------------------------------------------------- resolution helpers
# (plain functions: the attribution step resolves relative words with them too)

def relative_year(word: str, year: int | None) -> int | None:
    """The year a relative year word names (去年 in 2021 -> 2020), or None."""
    off = _REL_YEAR.get(word)
    return None if year is None or not isinstance(off, int) else year + off


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """(year, month) ``offset`` months from (year, month): (2018, 3, -1) -> (2018, 2)."""
    k = year * 12 + month - 1 + offset
    return k // 12, k % 12 + 1


def two_digit_year(yy: int, year: int | None) -> int:
    """The full year of a two-digit year: the century nearest ``year`` (the document's), else
    the pivot of the table (19年 -> 2019, 98年 -> 1998)."""
    if year is None:
        return (2000 if yy < _YEARS["two_digit_pivot"] else 1900) + yy
    return min((c * 100 + yy for c in (year // 100 - 1, year // 100, year // 100 + 1)),
               key=lambda y: (abs(y - year), y))


ISO_YEAR = re.compile(r"\b\d{4}(?=-|/|$)")  # the years of an ISO date or period


def shift_years(value: str, by: int) -> str:
    """The ISO date or period ``value`` with each of its years moved ``by`` years."""
    return ISO_YEAR.sub(lambda m: str(int(m[0]) + by), value)


def document_month(year: int | None, date: str | None) -> int | None:
    """The month relative dates are read against: the month of the document's date (its
    issue or publication date, ISO) when that falls in the document's year, else None."""
    m = re.match(r"(\d{4})-(\d{1,2})", date or "")
    if year is None or m is None or int(m.group(1)) != year or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(2))


# ---------------------------------------------------------------- the grammar

_REL_YEAR: dict[str, int | list[int]] = _T["relative"]["year"]
_REL_MONTH: dict[str, int] = _T["relative"]["month"]
_REL_QUARTER: dict[str, int] = _T["relative"]["quarter"]
_YEARS = _T["years"]
_YEARS_BACK = _YEARS["back_max"]
_ERA = _T["era"]
_COUNTED = _T["counted"]
_SUFFIX: dict[str, str] = _T["suffix"]
_PARTS = {k: _T[k] for k in ("year_parts", "month_parts", "period_parts", "era_parts")}
_NOT_BEFORE: dict[str, str] = _T["not_before"]
_MACRO = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _words(words) -> str:
    """Alternatives, the longest first; a word with a [not_before] entry is not followed by
    those characters."""
    alts = []
    for w in sorted(words, key=len, reverse=True):
        guard = "".join(_NOT_BEFORE.get(w[-1], "")) if w[-1] in _NOT_BEFORE and len(w) == 1 else ""
        alts.append(re.escape(w) + (f"(?![{re.escape(guard)}])" if guard else ""))
    return "(?:" + "|".join(alts) + ")"


def _word_fragments() -> dict[str, str]:
    c = _T["connect"]
    return {
        "suffix": _words(_SUFFIX), "periods": _words(_T["periods"]),
        "year_parts": _words(_PARTS["year_parts"]), "month_parts": _words(_PARTS["month_parts"]),
        "period_parts": _words(_PARTS["period_parts"]), "era_parts": _words(_PARTS["era_parts"]),
        "counted_first": _words(_COUNTED["first"]), "counted_last": _words(_COUNTED["last"]),
        "counted_nth": _words(_COUNTED["nth"]), "counted_months": _words(_COUNTED["months"]),
        "counted_quarters": _words(_COUNTED["quarters"]),
        "relative_year": _words(w for w, v in _REL_YEAR.items() if not isinstance(v, list)),
        "relative_year_range": _words(w for w, v in _REL_YEAR.items() if isinstance(v, list)),
        "relative_month": _words(_REL_MONTH), "relative_quarter": _words(_REL_QUARTER),
        "era_century": re.escape(_ERA["century"]), "era_decade": re.escape(_ERA["decade"]),
        "era_last_century": _words(_ERA["last_century"]), "era_this_century": _words(_ERA["this_century"]),
        "dashes": _words(c["dashes"]), "between_joins": _words(c["between_joins"]),
        "between_ends": _words(c["between_ends"]), "range_starts_chars": re.escape("".join(c["range_starts"])),
        "year_word_before": re.escape(_T["scan"]["year_word_before"]),
    }


def _expand(text: str, words: dict[str, str], slot: str | None = None) -> str:
    """``text`` with every {name} replaced: {slot} by the slot's name, a slot (y, y2, m2 ...)
    by its pattern, a fragment or a word list by its regular expression."""
    def one(m: re.Match) -> str:
        name = m.group(1)
        if name == "slot" and slot is not None:
            return slot
        base = name[:-1] if name.endswith("2") and name[:-1] in _T["slots"] else name
        if base in _T["slots"]:
            return "(?:" + _expand(_T["slots"][base], words, name) + ")"
        if name in _T["fragments"]:
            return "(?:" + _expand(_T["fragments"][name], words, slot) + ")"
        return words[name]
    return _MACRO.sub(one, text)


_GROUP = re.compile(r"\(\?P([<=])([a-z_][a-z0-9_]*)")


@dataclass(frozen=True)
class _Rule:
    name: str
    body: str  # its regular expression
    group: int  # its group in the combined pattern (r<i>)
    slots: tuple[str, ...]  # the names of its groups, in order (y, m, d2, nd_y ...)

    @property
    def pattern(self) -> re.Pattern:
        """The rule alone (tried where an earlier rule's reading is not valid; compiled when
        first needed: most texts never need it)."""
        return _compiled(self.body)

    def read(self, m: re.Match, combined: bool) -> tuple[dict[str, str], int]:
        """(slot -> text, end) of a match of the combined pattern or of the rule alone."""
        values = m.groups()[self.group:self.group + len(self.slots)] if combined else m.groups()
        return {k: v for k, v in zip(self.slots, values) if v is not None}, m.end(self.group if combined else 0)


@lru_cache(maxsize=None)
def _compiled(body: str) -> re.Pattern:
    return re.compile(body)


@lru_cache(maxsize=1)
def _grammar() -> tuple[re.Pattern, dict[int, _Rule]]:
    """The combined pattern (each rule a group r<i>, tried in order) and the rules by the
    number of their group, compiled once."""
    words = _word_fragments()
    bodies = []
    for i, rule in enumerate(_T["rule"]):
        bodies.append(_GROUP.sub(lambda g: f"(?P{g.group(1)}r{i}_{g.group(2)}", _expand(rule["pattern"], words)))
    combined = re.compile(f"(?={_FIRST.pattern})(?:" + "|".join(
        f"(?P<r{i}>{b})" for i, b in enumerate(bodies)) + ")")
    names = {v: k for k, v in combined.groupindex.items()}
    rules = {}
    for i, (rule, body) in enumerate(zip(_T["rule"], bodies)):
        group = combined.groupindex[f"r{i}"]
        n = len(f"r{i}_")
        slots = tuple(names[g][n:] for g in range(group + 1, group + 1 + body.count("(?P<")))  # (all named)
        rules[group] = _Rule(rule["name"], body, group, slots)
    return combined, rules


def _first_chars() -> set[str]:
    """Every character a date may start with."""
    chars = set("0123456789" + _T["scan"]["first"]) | {w[0] for w in _T["periods"]}
    for table_ in (_REL_YEAR, _REL_MONTH, _REL_QUARTER):
        chars |= {w[0] for w in table_}
    chars |= {w[0] for w in _ERA["last_century"] + _ERA["this_century"]}
    return chars


# a character a date may start with: the combined pattern's first test, and where the scan
# tries it (the places between are skipped at C speed)
_FIRST = re.compile(f"[{re.escape(''.join(sorted(_first_chars())))}]")


# the anchors a date holds: every date holds one of them, and starts at most a few characters
# before the first (二〇一九 年, 上一个季度, 2008  年)
# (a hint character; a digit with a separator and a digit after it: 2020-1, 2020/1, and a point
# only after a year of four digits, 2021.06: no rule reads a point between digits anywhere
# else (``num``, ``yb``: not before a point), so a decimal, 18.6亿元, tries no date; a digit
# after 从/自; a digit with a dash and a digit after it: 3至5. Written to start with one
# character class, so that the scan skips every other character at C speed: a hint or a
# digit, then which.)
_HINT = _T["scan"]["hint"]
ANCHOR_START = f"{_HINT}\\d"  # (a character class's body) what every anchor starts with
_ANCHOR = re.compile(
    f"[{ANCHOR_START}](?:(?<=[{_HINT}])|(?<=\\d)(?:[-/]\\d|(?<=(?:19|20)\\d\\d)\\.\\d"
    f"|(?<=[{''.join(_T['connect']['range_starts'])}]\\d)"
    f"|[ \\t]{{0,2}}{_words(_T['connect']['dashes'])}[ \\t]{{0,2}}\\d))")
_LEAD = _T["scan"]["lead"]


def find_dates(text: str, year: int | None, month: int | None = None) -> list[DateMention]:
    """The dates of a width-folded sentence that have a value (``year``, ``month``: the
    document's, for dates without a year and relative dates)."""
    return [d for d in scan_dates(text, Reference(year, month)) if d.value is not None]


def scan_dates(text: str, ref: Reference) -> list[DateMention]:
    """Every date of a width-folded sentence, left to right; those that cannot be resolved
    against ``ref`` (去年 without a document year) with ``value`` None.

    Every date holds an anchor (年, 月, 季, 世, 旬, figures with a separator, 从 or 自 before a
    digit) within a few characters of its start, so the grammar is tried only at the places
    just before an anchor, not at every character of the sentence."""
    combined, rules = _grammar()
    found: list[DateMention] = []
    pos = tried = 0  # where the last date ended; the places tried so far
    for a in _ANCHOR.finditer(text):
        p = a.start()
        if p < pos:
            continue
        f = _FIRST.search(text, max(pos, tried, p - _LEAD), p + 1)
        while f is not None:
            m = combined.match(text, f.start())
            d = _read(text, m, rules, ref) if m is not None else None
            if d is not None:
                found.append(d)
                pos = d.end
                break
            f = _FIRST.search(text, f.start() + 1, p + 1)
        tried = max(tried, p + 1)
    return found


def _read(text: str, m: re.Match, rules: dict[int, _Rule], ref: Reference) -> DateMention | None:
    """The date of the first rule that reads a valid date at ``m.start()``, or None."""
    at = m.start()
    order = list(rules)
    first = order.index(m.lastindex)
    for k in range(first, len(order)):
        rule = rules[order[k]]
        rm = m if k == first else rule.pattern.match(text, at)
        if rm is None:
            continue
        g, end = rule.read(rm, k == first)
        d = _build(text, at, end, g, ref) if end > at else None
        if d is not None:
            return d
    return None


def _build(text: str, at: int, end: int, g: dict[str, str], ref: Reference) -> DateMention | None:
    """The date of one rule's reading ``g`` (slot -> text), or None where it is not valid."""
    a = _end(g, "", ref)
    second = any(k.endswith("2") or "2_" in k for k in g)
    b = _end(g, "2", ref) if second else None
    if a is None or second and b is None:
        return None
    if a.following:
        return DateMention(at, end, None, "exact", False)  # 次年 of a year not written
    if b is not None:
        _link(a, b)
    if not _complete(a) or b is not None and not _complete(b):
        return None
    written = a.written or (b is not None and b.written)
    span_a = _iso_span(a, ref)
    if "ypast" in g:  # 过去五年: the years before the document's
        n = _number(g["ypast"])
        if not n or n < 2 or n > _YEARS_BACK:
            return None  # (这一年 is the document year: [relative.year]; 过去一年 no claim)
        lo, hi = (None, None) if ref.year is None else (ref.year - n, ref.year - 1)
        return DateMention(at, end, None if lo is None else f"{lo}/{hi}", "range", False)
    if "yrr" in g:  # 今明两年
        lo, hi = _REL_YEAR[g["yrr"]]
        value = None if ref.year is None else f"{ref.year + lo}/{ref.year + hi}"
        return DateMention(at, end, value, "range", False)
    if b is not None:
        return _range(text, at, end, span_a, _iso_span(b, ref), written)
    if span_a is None:
        return DateMention(at, end, None, "exact", written)
    value, qual = _point(a, span_a, g)
    if "yback" in g:  # 五年来: since then
        qual = "since"
    return DateMention(at, end, value, _prefixed(text, at, end, qual), written)


def _range(text: str, at: int, end: int, a: tuple[str, str] | None, b: tuple[str, str] | None,
           written: bool) -> DateMention | None:
    if a is None or b is None:
        return DateMention(at, end, None, "range", written)
    if _key(a[0], False) > _key(b[1], True) or _key(a[0], False) > _key(b[0], False):
        return None  # 8月至1月: not a range
    return DateMention(at, end, f"{a[0]}/{b[1]}", "range", written)


def _key(iso: str, last: bool) -> tuple[int, int, int]:
    parts = iso.split("-")
    y = 0 if parts[0] == "XXXX" else int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    d = int(parts[2]) if len(parts) > 2 else (31 if last else 1)
    return y, m, d


def _point(e: End, span: tuple[str, str], g: dict[str, str]) -> tuple[str, str]:
    """(value, qualifier) of one end: a suffix since/before wins, then a part (start, mid,
    end), then a span of months (range), then 左右 (about)."""
    lo, hi = span
    suf = _SUFFIX.get(g.get("suf", ""), "keep")
    if suf in ("since", "before"):
        qual = suf
    elif e.part:
        qual = e.part
    elif lo != hi:
        qual = "range"
    else:
        qual = "about" if suf == "about" else "exact"
    if lo == hi:
        return lo, qual
    if e.months is not None and qual in ("end", "before"):
        return hi, qual  # 一季度末, 上半年底前: the period's last month
    if e.months is not None and qual == "start":
        return lo, qual
    return f"{lo}/{hi}", qual


_DEADLINE = _T["deadline"]
_SINCE_WORDS = _T["since"]["words"]
_SINCE_OPENS = _T["since"]["opens"]
# (the words of an event between the date and the word that closes 自…以来)
_SINCE_CLOSE = re.compile("[^%s]{1,%d}?(?:%s)" % (
    re.escape(_T["since"]["not_between"]), _T["since"]["gap"], "|".join(_T["since"]["closes"])))


_PREFIXABLE = frozenset(("exact", "end"))  # (the qualifiers a deadline word overrides)


def _prefixed(text: str, at: int, end: int, qual: str) -> str:
    """到2019年, 到2025年底: a date after a deadline word is the time before which something
    happens (also the end of a year or month: docs/claims.md, deadlines take before);
    自从2019年, 自2018年开展帮扶以来: since."""
    if qual not in _PREFIXABLE:
        return qual
    for w in _DEADLINE["words"]:
        a = at - len(w)
        if a >= 0 and text.startswith(w, a) and not (a > 0 and text[a - 1] in _DEADLINE["not_after"]):
            return "before"
    if any(text.startswith(w, at - len(w)) for w in _SINCE_WORDS if at >= len(w)):
        return "since"
    if at > 0 and text[at - 1] in _SINCE_OPENS and _SINCE_CLOSE.match(text, end):
        return "since"
    return qual


# ---------------------------------------------------------------- one end of a date

def _end(g: dict[str, str], k: str, ref: Reference) -> End | None:
    """The end ``k`` ("" or "2") of a reading, or None where a part is out of range."""
    e = End()
    if _year(e, g, k, ref) and _month_day(e, g, k) and _span(e, g, k) and _era(e, g, k, ref):
        return e
    return None


def _number(s: str) -> int | None:
    v = parse_numeral(s)
    return int(v) if v is not None and v == int(v) else None


def _year(e: End, g: dict[str, str], k: str, ref: Reference) -> bool:
    full = g.get(f"nd{k}_y") or g.get(f"nm{k}_y") or g.get(f"y{k}") or g.get(f"yb{k}")
    short = g.get(f"yy{k}") or g.get(f"ya{k}")
    if full is not None:
        e.year, e.written = _number(full), True
        return e.year is not None and _YEARS["min"] <= e.year <= _YEARS["max"]
    if short is not None:
        digits = [_number(c) for c in short]
        if None in digits or f"ya{k}" in g and _pair(short):
            return False
        e.year, e.written = two_digit_year(digits[0] * 10 + digits[1], ref.year), True
        return True
    back = g.get(f"yback{k}")
    if back is not None:  # 五年来: from five years before the document year
        n = _number(back)
        e.year_rel = -n if n else None
        return bool(n) and n <= _YEARS_BACK
    rel = _REL_YEAR.get(g.get(f"yr{k}", ""))
    if rel == "following":
        e.following = True
    elif rel:
        e.year_rel = rel  # (今年, 0, is the document year itself: XXXX when it is unknown)
    return True


# 三四年, 八九年 alone are "three or four years", not 2034, 1989
_PAIRS = {(d, d + 1) for d in range(1, 9)} | {(3, 5)}


def _pair(short: str) -> bool:
    ds = tuple(_number(c) for c in short)
    return not short.isascii() and ds in _PAIRS


def _month_day(e: End, g: dict[str, str], k: str) -> bool:
    month = g.get(f"nd{k}_m") or g.get(f"nm{k}_m") or g.get(f"m{k}") or g.get(f"mb{k}")
    day = g.get(f"nd{k}_d") or g.get(f"d{k}") or g.get(f"db{k}")
    if month is not None:
        e.month = _number(month)
        if e.month is None or not 1 <= e.month <= 12:
            return False
    if f"mr{k}" in g:
        e.month_rel = _REL_MONTH[g[f"mr{k}"]]
    if day is not None:
        e.day = _number(day)
        if e.day is None or not 1 <= e.day <= 31:
            return False
    return True


def _span(e: End, g: dict[str, str], k: str) -> bool:
    """A period, a counted part or a relative quarter, and the part written after it."""
    if f"per{k}" in g:
        e.months = tuple(_T["periods"][g[f"per{k}"]])
    if f"qr{k}" in g:
        e.quarter_rel = _REL_QUARTER[g[f"qr{k}"]]
    if f"cnt{k}_w" in g:
        e.months = _counted(g[f"cnt{k}_w"], g.get(f"cnt{k}_n"), g[f"cnt{k}_u"])
        if e.months is None:
            return False
    for slot, parts in ((f"pp{k}", "period_parts"), (f"yp{k}", "year_parts"), (f"mp{k}", "month_parts"),
                        (f"ep{k}", "era_parts")):
        if slot in g:
            e.part = _PARTS[parts][g[slot]]
    return True


def _counted(word: str, n: str | None, unit: str) -> tuple[int, int] | None:
    """前十一个月 -> (1, 11), 后三月 -> (10, 12), 第三个月 -> (3, 3), 前两个季度 -> (1, 6)."""
    count = 1 if n is None else _number(n)
    size = 3 if unit in _COUNTED["quarters"] else 1
    if count is None or not 1 <= count * size <= 12:
        return None
    if word in _COUNTED["first"]:
        return 1, count * size
    if word in _COUNTED["last"]:
        return 13 - count * size, 12
    return count * size - size + 1, count * size


def _era(e: End, g: dict[str, str], k: str, ref: Reference) -> bool:
    """18世纪 -> (1700, 1799); 上世纪80年代 -> (1980, 1989); 80年代 -> the latest 80s up to the
    document year (without one: 1930-1999 for 30-90年代)."""
    cent = g.get(f"cent{k}")
    rel = g.get(f"centr{k}")
    dec = g.get(f"dec{k}")
    if cent is None and rel is None and dec is None:
        return True
    c = _century(cent, rel, ref)
    if c is None:
        return False
    if dec is None:
        e.era, e.written = (100 * (c - 1), 100 * (c - 1) + 99), rel is None
        return True
    d = _number(dec.rstrip(_ERA["decade"]).strip()) or 0
    if c > 0:
        first = 100 * (c - 1) + d
    elif ref.year is not None:
        first = max((y for y in (1900 + d, 2000 + d) if y <= ref.year), default=None)
    else:
        first = 1900 + d if d >= 30 else None
    if first is None:
        return False
    e.era, e.written = (first, first + 9), cent is not None
    return True


def _century(cent: str | None, rel: str | None, ref: Reference) -> int | None:
    """The century written (1-21), or 0 for a decade without one; None when not valid."""
    if cent is not None:
        c = _number(cent)
        return c if c is not None and 1 <= c <= 21 else None
    if rel is None:
        return 0
    here = (ref.year - 1) // 100 + 1 if ref.year is not None else _ERA["assumed_century"]
    return here - 1 if rel in _ERA["last_century"] else here


def _link(a: End, b: End) -> None:
    """The second end of a range after the first: 次年 is the year after the first end's; an
    end without a year takes the first's (8月至1月: January of the next year)."""
    if b.following:
        b.year, b.year_rel, b.written = a.year, a.year_rel, a.written
        _next_year(b)  # 2019年11月至次年2月
    elif _inherit(b, a) and _months_wrap(a, b):
        _next_year(b)


def _inherit(b: End, a: End) -> bool:
    """A second end written without its year (or month) takes the first end's; whether it did."""
    if b.year is not None or b.year_rel is not None or b.month_rel is not None \
            or b.quarter_rel is not None or b.era is not None:
        return False
    b.year, b.year_rel, b.written = a.year, a.year_rel, a.written
    if b.month is None and b.day is not None:
        b.month, b.month_rel = a.month, a.month_rel
    return True


def _complete(e: End) -> bool:
    """A day has its month (2020年5日 is no date)."""
    return e.day is None or e.month is not None or e.month_rel is not None


def _months_wrap(a: End, b: End) -> bool:
    return a.month is not None and b.month is not None and b.month < a.month


def _next_year(b: End) -> None:
    if b.year is not None:
        b.year += 1
    else:
        b.year_rel = (b.year_rel or 0) + 1


def _iso_span(e: End, ref: Reference) -> tuple[str, str] | None:
    """First and last ISO value of an end at the precision written; None where it needs a
    reference year or month that is not known."""
    if e.era is not None:
        return str(e.era[0]), str(e.era[1])
    if e.month_rel is not None or e.quarter_rel is not None:
        return _relative_months(e, ref)
    if e.year is not None:
        y: int | str = e.year
    elif e.year_rel is not None:
        if ref.year is None:
            return None
        y = ref.year + e.year_rel
    else:
        y = ref.year if ref.year is not None else "XXXX"
    if e.months is not None:
        return _ym(y, e.months[0]), _ym(y, e.months[1])
    v = _ym(y, e.month, e.day)
    return v, v


def _relative_months(e: End, ref: Reference) -> tuple[str, str] | None:
    """上个月 (-> the month before the reference month), 本季度 (-> its quarter)."""
    if ref.year is None or ref.month is None:
        return None
    if e.month_rel is not None:
        y, m = shift_month(ref.year, ref.month, e.month_rel)
        v = _ym(y, m, e.day)
        return v, v
    y, m = shift_month(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * e.quarter_rel)
    months = e.months or (1, 3)
    if e.part == "end":
        return _ym(y, m + 2), _ym(y, m + 2)
    return _ym(y, m + months[0] - 1), _ym(y, m + months[1] - 1)


def _ym(y: int | str, m: int | None = None, d: int | None = None) -> str:
    out = str(y)
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out
