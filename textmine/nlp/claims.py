"""Which number expressions are claims (docs/claims.md, annotation guidelines), and the unit
of a number written without one. Names, slogans, titles and list markers come from
``data/exclusions.toml``; counted nouns from ``data/context_units.toml``."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

from ..parse.dates import shift_years
from ..parse.numbers import NumberMention
from ..parse.numerals import DIGITS, MAGNITUDES, UNITS
from ..parse.tables import divisions, table

_CLAUSE = re.compile(r"[，。；！？、：,;:!?（）()]")
_CLAUSE_CHARS = frozenset("，。；！？、：,;:!?（）()")  # _CLAUSE's characters
_NOUN_WINDOW = 12  # characters after a number without a unit read for its counted noun (190.6万
#                    农村建档立卡贫困人口: 人)


@cache
def _exclusions() -> tuple[tuple[re.Pattern, frozenset[str] | None], ...]:
    """Each pattern and the characters one of which its matches hold (None: not known)."""
    t = table("exclusions")
    names = sorted(t["names"]["words"], key=len, reverse=True)
    pats = [(re.compile("|".join(map(re.escape, names))), None)]
    pats += [(re.compile(p["re"].replace("{latin_units}", _latin_units())),
              frozenset(p["needs"]) if p.get("needs") else None)
             for p in t["patterns"]]
    return tuple(pats)


_NUMERALS = frozenset((*DIGITS, *UNITS, *MAGNITUDES))  # (the numerals table's characters)
_LEVEL_ENDS = ("市", "县", "区", "旗")


@cache
def _numbered_divisions() -> dict[str, tuple[str, ...]]:
    """The names of divisions that open with a numeral (三台县, 五家渠市, 七台河: a name, no
    count of 3 台 or 5 家), full and, where three characters or more are left, without the
    level's word, from the division table (``textmine/data/admin_regions.tsv``), by their
    first two characters."""
    out: dict[str, list[str]] = {}
    for _, name, _, _ in divisions():
        if name[:1] in _NUMERALS:
            short = name[:-1] if name.endswith(_LEVEL_ENDS) else ""
            for n in (name, short) if len(short) >= 3 else (name,):
                out.setdefault(n[:2], []).append(n)
    return {k: tuple(v) for k, v in out.items()}


def _opens_division(text: str, i: int) -> bool:
    """Whether a division's name that opens with a numeral starts at ``text[i]``."""
    names = _numbered_divisions().get(text[i:i + 2])
    return names is not None and any(text.startswith(n, i) for n in names)


@cache
def _magnitude() -> re.Pattern:
    """Any magnitude or unit character of the numerals (万, 亿, 千, 百)."""
    from ..parse.numerals import MAGNITUDES, UNITS
    return re.compile("[" + re.escape("".join([*MAGNITUDES, *UNITS])) + "]")


def _latin_units() -> str:
    """The units table's symbols in Latin letters (km, kWh, GWh), longest first, as an
    alternation: a number written with one is a measure, not a code. Single letters are left
    out: m and g also end codes and stray markup (5g, [0m)."""
    from ..parse.units import UNITS
    symbols = sorted((u for u in UNITS if len(u) > 1 and re.search("[A-Za-z]", u)),
                     key=len, reverse=True)
    return "|".join(map(re.escape, symbols)) or "(?!)"


@cache
def _needed() -> re.Pattern:
    """Any character some pattern's matches need."""
    chars = set().union(*(needs for _, needs in _exclusions() if needs))
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


@lru_cache(maxsize=256)
def _searched(present: frozenset[str]) -> tuple[re.Pattern, ...]:
    """The patterns to search in a sentence that holds the needed characters ``present``."""
    return tuple(p for p, needs in _exclusions() if needs is None or not needs.isdisjoint(present))


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of names, slogans, titles and markers in a sentence (a pattern is
    searched only when the sentence holds a character its matches need)."""
    return [(m.start(), m.end()) for p in _searched(frozenset(_needed().findall(text)))
            for m in p.finditer(text) if m.end() > m.start()]


def select_claims(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """The mentions that state a measured fact, with units inferred where none is written."""
    if not mentions:
        return []  # no number: no need to look for names and slogans
    spans = excluded_spans(text)
    out = []
    for m in mentions:
        core = m.number_start
        if spans and any(a <= core < b for a, b in spans):  # (most sentences have none)
            continue
        if text[core:core + 1] in _NUMERALS and _opens_division(text, core):
            continue  # (三台县, 五家渠市: a name)
        if m.kind == "date":
            out.append(m)
            continue
        if m.kind == "number":
            m = share_of(text, m) or index_value(text, m) or span_end(text, m, out) or \
                infer_unit(text, m)
            if m is None:
                continue
        if m.kind in ("count", "duration") and m.chinese and m.value == 1 and not m.bare and \
                not (m.kind == "duration" and m.qualifier != "exact"):
            continue  # 一个, 一批, 一次: articles, not counts (超过一年, 一年以上: a span bounded)
        out.append(m)
    return out


_HUNDRED = Decimal(100)
_BARE_DAY = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日")
_DAY = table("dates")["day_of_month"]
_DAY_AFTER, _DATELINE_AFTER = tuple(_DAY["after"]), _DAY["dateline_after"]


def days_of_month(text: str, mentions: list[NumberMention], month: str | None
                  ) -> tuple[list[NumberMention], str | None]:
    """Days written without their month that a news text dates by (国家统计局17日发布: the
    17th, not 17 days; ``[day_of_month]`` of dates.toml) as dates of ``month`` ("2024-01":
    the last news dateline's or the document's), and the month of a news dateline among the
    mentions (新华社北京1月17日电) or ``month`` when there is none. A day with no month to
    take is no claim."""
    out = []
    for m in mentions:
        if m.kind == "date" and isinstance(m.value, str) and len(m.value) == 10 and \
                text.startswith(_DATELINE_AFTER, m.end):
            month = m.value[:7]
        elif m.kind == "duration" and m.unit == "日" and _BARE_DAY.fullmatch(m.text) and (
                text.startswith(_DAY_AFTER, m.end) or _opens_news(text, m.start, m.end)):
            if month is None or not 1 <= m.value <= 31:
                continue
            m = replace(m, kind="date", unit="date", value=f"{month}-{int(m.value):02d}",
                        lower=None, upper=None, year_written=False)
        out.append(m)
    return out, month


_SAME_YEAR = tuple(table("dates")["same_year"]["words"])
_DATE_LIST_JOINS = ("、", "和", "及", "与", "以及")  # (a list of dates: the year of the first)
# a span's start (从2022年底的X增加到10月底的Y): the words the attribution reads as one too
_SPAN_FROM = tuple(table("attribution")["time"]["span_from"])
# ... and what stands between its start and its end: the start's figure and a verb ending
# in 到 or 至, in one clause
_SPAN_TO = re.compile(r"[^，,。；;：:]{0,16}?[到至]")


def of_the_same_year(text: str, mentions: list[NumberMention], year: str | None
                     ) -> tuple[list[NumberMention], str | None]:
    """Months and days after 同年 or 当年 (``[same_year]`` of dates.toml: 同年11月) as dates
    of ``year``, the year last written before them ("1996"; None: the document's year as
    read), with those words in their text; a date listed after one with its year written
    (2023年7月10日、10月10日) of that year too; and the year last written among the mentions,
    or ``year`` when they write none."""
    out: list[NumberMention] = []
    for m in mentions:
        if m.kind == "date" and isinstance(m.value, str):
            if m.year_written:
                year = m.value[:4]
            elif out and out[-1].kind == "date" and out[-1].year_written and year is not None \
                    and text[out[-1].end:m.start] in _DATE_LIST_JOINS:
                m = replace(m, value=_in_year(m.value, year),  # (2023年7月10日、10月10日:
                            year_written=True)                   # 10月10日 of 2023)
            elif (after := _span_start(text, out, m)) is not None:
                m = replace(m, value=_in_year(m.value, after),  # (从2022年底的X增加到10月底的Y:
                            year_written=True)                  # 10月底 of 2023)
            elif text.endswith(_SAME_YEAR, 0, m.start):
                value = m.value if year is None else _in_year(m.value, year)
                w = len(next(w for w in _SAME_YEAR if text.endswith(w, 0, m.start)))
                m = replace(m, value=value, start=m.start - w, text=text[m.start - w:m.end],
                            year_written=year is not None)
        out.append(m)
    return out, year


def _span_start(text: str, out: list[NumberMention], m: NumberMention) -> str | None:
    """The year of a date without its year that ends a span from a date with one (从2022年
    底的X增加到10月底的Y, 由上年末的X增加到10月末的Y): the start's year when it falls after the
    start's month in it, else the year after (after a whole year or its end, the next);
    None for other dates."""
    prev = next((p for p in reversed(out) if p.kind == "date"), None)
    if prev is None or not isinstance(prev.value, str) or not prev.value[:4].isdigit() or \
            not m.value[:7][5:].isdigit() or not text.endswith(_SPAN_FROM, 0, prev.start) or \
            not _SPAN_TO.fullmatch(text, prev.end, m.start):
        return None
    year, month = int(prev.value[:4]), prev.value[5:7]
    later = month.isdigit() and prev.qualifier != "end" and int(m.value[5:7]) > int(month)
    return str(year if later else year + 1)


def _in_year(value: str, year: str) -> str:
    """An ISO date or period moved to ``year`` (its first year; the others with it)."""
    return shift_years(value, int(year) - int(value[:4]))


_TRAILING_BRACKET = re.compile(r"[（(][^（()）]{0,30}[）)]\s*$")


def _opens_news(text: str, start: int, end: int) -> bool:
    """Whether a day alone opens its sentence, after a news dateline or nothing, before a
    comma (本报贵阳7月17日电（记者 王某）17日，省政府…): the day of the news."""
    if not text.startswith(("，", ","), end):
        return False
    before = _TRAILING_BRACKET.sub("", text[:start].rstrip())
    return not before or before.endswith((_DATELINE_AFTER, "。", "！", "？"))


@cache
def _changes() -> tuple[str, ...]:
    """The verbs of change (增长, 减少, 缩短, 削减) a share may follow."""
    c = table("indicator")["change"]
    return tuple(w for w in (*c["up"], *c["down"]) if len(w) > 1)


_SHARE_WORDS = ("比重", "比例", "占比")  # (a fraction after one in its clause is a share)


def share_of(text: str, m: NumberMention) -> NumberMention | None:
    """A fraction of a whole (约三分之一的农户, 占全县的四分之一以上, 1/3的村, 时间缩短三分之一)
    as the share it states, in percent like 一半 (docs/claims.md: percent); None for other
    numbers."""
    if not ("分之" in m.text or "/" in m.text) or not 0 < m.value < 1:
        return None
    before = text[max(0, m.start - 8):m.start]
    clause = _CLAUSE.split(text[max(0, m.start - 40):m.start])[-1]
    if not (text.startswith("的", m.end) or before.endswith("的") or
            "占" in clause or any(w in clause for w in _SHARE_WORDS) or  # (占世界三分之二;
            before.endswith(_changes())):  # 民生支出比重为三分之一; 缩短三分之一以上, 减少三分之二)
        return None
    return replace(m, kind="percent", unit="%", unit_written=True, value=_percent(m.value),
                   lower=None if m.lower is None else _percent(m.lower),
                   upper=None if m.upper is None else _percent(m.upper))


_CENT = Decimal("0.01")


def _percent(fraction: Decimal) -> Decimal:
    """A fraction in percent, to two decimal places where it does not end sooner (三分之一:
    33.33, as statistics print it; 四分之一: 25)."""
    v = fraction * _HUNDRED
    return v.quantize(_CENT, rounding=ROUND_HALF_UP) if v != v.quantize(_CENT) else v


_INDEX = table("context_units")["index"]


@cache
def _index_before() -> re.Pattern:
    t = _INDEX
    names, verbs = "|".join(t["names"]), "|".join(t["verbs"])
    # (its name and verb right before it; the start of its span, also after its time:
    # 倍差由2.8缩小到, 收入比由上年的2.41; or the end of the span, also before its year:
    # 由2020年的2.5缩小到, 由2020年的2.45缩小到2023年的)
    return re.compile(f"({names})(?:(?:{verbs})?|[由从][^，。；]{{1,8}}的"
                      f"|[由从][^，。；]{{1,14}}?(?:{verbs})(?:(?:19|20)\\d\\d年(?:底|末)?的?)?)$")


def index_value(text: str, m: NumberMention) -> NumberMention | None:
    """The value of an index, a coefficient or a ratio of two sums written without a unit
    right after its name (基尼系数为0.46: kind other, no unit; 城乡居民收入比为2.65: a
    multiple, 倍); None for other numbers."""
    if m.chinese or m.qualifier != "exact":
        return None
    found = _index_before().search(_clause_before(text, m.start))
    if found is None:
        return None
    if found.group(1) in _INDEX["ratios"]:
        return replace(m, kind="ratio", unit=_INDEX["ratio_unit"], unit_written=False)
    return replace(m, kind="other", unit="", unit_written=False)


def span_end(text: str, m: NumberMention, before: list[NumberMention]) -> NumberMention | None:
    """The end of 由X降至Y written without its unit (贫困发生率由28.6%降至0; 由12.3%下降到零):
    the start's kind and unit, where the start is a percentage (any other unit carries a
    magnitude the bare number does not say) or the end is zero; None for other numbers."""
    verb = next((v for v in _SPAN_VERBS if text.endswith(v, 0, m.start)), None) if before else None
    if verb is None:
        return None
    start = before[-1]
    if start.end != m.start - len(verb) or start.kind not in ("percent", "money", "count", "quantity") \
            or not (start.kind == "percent" or m.value == 0):
        return None
    return replace(m, kind=start.kind, unit=start.unit, per=start.per, unit_written=False)


_SPAN_VERBS = tuple(sorted(table("indicator")["carry"]["span_verbs"], key=len, reverse=True))


def infer_unit(text: str, m: NumberMention) -> NumberMention | None:
    """A unit for a number written without one, from the counted noun near it; None when
    the number is not a claim (bare codes, names)."""
    if m.chinese and not (m.value >= 10000):
        return None
    if not m.chinese and m.value < 10000 and m.qualifier == "exact" and \
            not _magnitude().search(m.text):
        return None  # a bare small number: a code, a name (832平台), a list number (0.6万 is none)
    after = _clause_after(text, m.end)[:_NOUN_WINDOW]
    before = _clause_before(text, m.start)
    best = None
    for rule in table("context_units")["rule"]:
        for w in rule["words"]:
            i = after.find(w)
            if i >= 0 and (best is None or (0, i) < best[0]):
                best = ((0, i), rule)
            j = before.rfind(w)
            if j >= 0:
                dist = (1, len(before) - j)
                if best is None or dist < best[0]:
                    best = (dist, rule)
    if best is None:
        return replace(m, kind="count", unit="个", unit_written=False)
    rule = best[1]
    return replace(m, kind=rule["kind"], unit=rule["unit"], unit_written=False)


def _clause_after(text: str, i: int) -> str:
    m = _CLAUSE.search(text, i)
    return text[i:m.start() if m else len(text)]


def _clause_before(text: str, i: int) -> str:
    k = i
    while k > 0 and text[k - 1] not in _CLAUSE_CHARS:
        k -= 1
    return text[k:i]
