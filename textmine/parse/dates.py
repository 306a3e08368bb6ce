"""Dates and periods at the precision written -> ISO 8601 strings (docs/claims.md).

``find_dates(text, year)`` scans a width-folded sentence; ``year`` is the document year used
when the text omits it (``None`` leaves such dates with the year unknown, written ``XXXX``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import parse_numeral
from .tables import table

_T = table("dates")
_SUFFIX_QUAL: dict[str, str] = _T["suffix"]
_PERIODS: dict[str, list[int]] = {k: v for k, v in _T["periods"].items()}

_NUM = r"(?:\d{1,4}|[零〇一二三四五六七八九十两]{1,4})"
_SUFFIX = "|".join(sorted(map(re.escape, _SUFFIX_QUAL), key=len, reverse=True))
_PERIOD = "|".join(sorted(map(re.escape, _PERIODS), key=len, reverse=True))
_DASH = r"(?:[~～\-—–－至到])"

# every date starts with a digit, a Chinese numeral or a period word's first character: the
# lookahead lets the scanner skip other positions at once
_FIRST = "[\\d" + re.escape("零〇一二三四五六七八九十两" + "".join(sorted({p[0] for p in _PERIODS}))) + "]"
DATE = re.compile(rf"""
  (?={_FIRST})
  (?:
  (?P<y1>(?:1[89]|20)\d{{2}}|[一二][〇零一二三四五六七八九]{{3}})年?
      (?:{_DASH}(?P<y2>(?:1[89]|20)\d{{2}})年)?          # 2019年至2020年 / 2019-2020年
      (?:(?P<period>{_PERIOD})
       |(?P<m1>{_NUM})月(?:份)?(?:(?P<d1>{_NUM})[日号])?
          (?:{_DASH}(?:(?P<m2>{_NUM})月)?(?:(?P<d2>{_NUM})[日号])?)?)?
      (?P<suf>{_SUFFIX})?
  | (?P<period_only>{_PERIOD})(?P<suf_p>{_SUFFIX})?
  | (?P<m1b>{_NUM})(?:{_DASH}(?P<m2b>{_NUM}))?月(?:份)?(?:(?P<d1b>{_NUM})[日号])?
      (?:{_DASH}(?:(?P<m3b>{_NUM})月)?(?P<d2b>{_NUM})[日号]
         |{_DASH}(?P<m4b>{_NUM})月(?:份)?)?                # 4月20日～23日 / 1月至8月
      (?P<suf_b>{_SUFFIX})?
  )
""", re.VERBOSE)


# dates written in figures: 2019-12-31, 2020/3/5, 2021.06.30 (year, month and day, the same
# separator twice; a year-month pair such as 2019-20 is a range of years, not a date)
NUMERIC_DATE = re.compile(rf"""
  (?<![\d.])(?P<y>(?:19|20)\d{{2}})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)
  (?P<d>0?[1-9]|[12]\d|3[01])(?![\d.])(?P<suf>{_SUFFIX})?
""", re.VERBOSE)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or a/b for ranges)
    qualifier: str  # exact, range, since, before, end, start, mid
    year_written: bool
    optional: bool = False


def _n(s: str | None) -> int | None:
    if not s:
        return None
    v = parse_numeral(s)
    return int(v) if v is not None and v == int(v) else None


def _ym(y: int | str, m: int | None = None, d: int | None = None) -> str:
    out = str(y)
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


# every date holds 年 or 月 or a period word (上半年, 一季度 ...), or is written in figures
# with separators; other text has none
_HINT = re.compile("年|月" + ("|" + _PERIOD if _PERIOD else ""))
_MAY_HAVE_FIGURES = re.compile(r"\d[-/.]\d")


def find_dates(text: str, year: int | None) -> list[DateMention]:
    found = [DateMention(m.start(), m.end(), _ym(m["y"], int(m["m"]), int(m["d"])),
                         _qual(m["suf"]), True)
             for m in NUMERIC_DATE.finditer(text)] if _MAY_HAVE_FIGURES.search(text) else []
    if _HINT.search(text) is None:
        return found
    doc_year: int | str = year if year is not None else "XXXX"
    figures = [(d.start, d.end) for d in found]
    for m in DATE.finditer(text):
        if figures and any(a < m.end() and m.start() < b for a, b in figures):
            continue
        g = m.groupdict()
        if g["y1"] is not None:
            mention = _with_year(m, g)
        elif g["period_only"]:
            mention = _period(m, doc_year, g["period_only"], g["suf_p"], year_written=False)
        else:
            mention = _month(m, g, doc_year)
        if mention is not None:
            found.append(_deadline(text, mention))
    if len(found) > 1:
        found.sort(key=lambda d: d.start)
    return found


_DEADLINE = _T["deadline"]


def _deadline(text: str, d: DateMention) -> DateMention:
    """到2019年: a date after a deadline word is the time before which something happens."""
    if d.qualifier != "exact":
        return d
    for w in _DEADLINE["words"]:
        a = d.start - len(w)
        if a >= 0 and text.startswith(w, a) and not (a > 0 and text[a - 1] in _DEADLINE["not_after"]):
            return DateMention(d.start, d.end, d.value, "before", d.year_written, d.optional)
    return d


def _qual(suffix: str | None, default: str = "exact") -> str:
    return _SUFFIX_QUAL.get(suffix, default) if suffix else default


def _with_year(m: re.Match, g: dict) -> DateMention | None:
    y1 = _n(g["y1"])
    if y1 is None or not 1800 <= y1 <= 2100:
        return None
    if not m.group().__contains__("年") and g["m1"] is None:
        return None  # a bare four-digit number is not a year
    if g["y2"]:
        y2 = _n(g["y2"])
        return DateMention(m.start(), m.end(), f"{y1}/{y2}", "range", True)
    if g["period"]:
        return _period(m, y1, g["period"], g["suf"], year_written=True)
    m1, d1, m2, d2 = _n(g["m1"]), _n(g["d1"]), _n(g["m2"]), _n(g["d2"])
    if m1 is not None and not 1 <= m1 <= 12 or d1 is not None and not 1 <= d1 <= 31:
        return None
    if "年" not in m.group():
        return None
    if m2 is not None or d2 is not None:
        return DateMention(m.start(), m.end(),
                           f"{_ym(y1, m1, d1)}/{_ym(y1, m2 or m1, d2 if d1 is not None else None)}",
                           "range", True)
    return DateMention(m.start(), m.end(), _ym(y1, m1, d1), _qual(g["suf"]), True)


def _period(m: re.Match, y: int | str, period: str, suffix: str | None,
            year_written: bool) -> DateMention:
    a, b = _PERIODS[period]
    value = f"{_ym(y, a)}/{_ym(y, b)}"
    qual = "range"
    if suffix:
        qual = _qual(suffix, "range")
        # 上半年末: the end of the period's last month
        value = _ym(y, b) if qual in ("end", "before") else _ym(y, a) if qual == "start" else value
    return DateMention(m.start(), m.end(), value, qual, year_written)


def _month(m: re.Match, g: dict, y: int | str) -> DateMention | None:
    m1, m2 = _n(g["m1b"]), _n(g["m2b"] or g["m4b"])
    d1, d2, m3 = _n(g["d1b"]), _n(g["d2b"]), _n(g["m3b"])
    if m1 is None or not 1 <= m1 <= 12 or (m2 is not None and not 1 <= m2 <= 12):
        return None
    if d1 is not None and not 1 <= d1 <= 31 or d2 is not None and not 1 <= d2 <= 31:
        return None
    if g["m4b"] is not None and (m2 is None or m2 <= m1):  # 8月至1月: not a range of this year
        return DateMention(m.start(), m.end("m1b") + 1, _ym(y, m1), "exact", False)
    if m2 is not None:  # 1-10月, 1月至8月
        return DateMention(m.start(), m.end(), f"{_ym(y, m1)}/{_ym(y, m2)}", "range", False)
    if d2 is not None and d1 is not None:  # 4月20日～23日, 3月30日至4月2日
        return DateMention(m.start(), m.end(), f"{_ym(y, m1, d1)}/{_ym(y, m3 or m1, d2)}",
                           "range", False)
    return DateMention(m.start(), m.end(), _ym(y, m1, d1), _qual(g["suf_b"]), False)
