"""Running headers, footers, page numbers and mastheads.

Text above a full-width rule near the top of a page (or below one near the foot) is page
furniture. Without a rule, lines in the top/bottom band are *candidates*: they are furniture
when the same text (digits ignored) comes back on another page, when they are a page
number, or when they carry an issue date / edition number (a masthead).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .columns import BBox

# page numbers: "3", "- 3 -", "— 3 —", "第 3 页", "3 / 13", "Page 3"
PAGE_NUMBER = re.compile(r"""^\s*(?:
      [-—–－·\s]*\d{1,4}[-—–－·\s]*            # 3, - 3 -, — 3 —
    | 第\s*\d{1,4}\s*[页頁]                     # 第 3 页
    | \d{1,4}\s*/\s*\d{1,4}                     # 3 / 13
    | (?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d+)?    # Page 3 of 9
    )\s*$""", re.VERBOSE | re.IGNORECASE)

# a masthead line: an issue date, or an edition/issue number
MASTHEAD = re.compile(r"""
      (?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日   # 2020年9月2日
    | 第\s*\d{1,4}\s*[版期]                               # 第12版, 第3期
    | 星期[一二三四五六日天]                                 # 星期三
    """, re.VERBOSE)

ISSUE_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")

TOP_BAND = 0.10      # fraction of the page height searched for headers without a rule
BOTTOM_BAND = 0.08
RULE_ZONE = 0.15     # a full-width rule this close to the top/bottom fences the margin
RULE_WIDTH = 0.6     # ... and spans at least this fraction of the page width


def norm_key(text: str) -> str:
    """Text compared across pages: NFKC, no blanks, every digit run as '#'."""
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", t))


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(unicodedata.normalize("NFKC", text)))


def is_masthead(text: str) -> bool:
    return bool(MASTHEAD.search(unicodedata.normalize("NFKC", text)))


def issue_date(texts: list[str]) -> str | None:
    for t in texts:
        m = ISSUE_DATE.search(unicodedata.normalize("NFKC", t))
        if m:
            y, mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


@dataclass
class Fences:
    """y limits of the page body: glyphs above ``top`` / below ``bottom`` are furniture."""

    top: float | None
    bottom: float | None


def rule_fences(rules: list[BBox], width: float, height: float) -> Fences:
    """Full-width horizontal rules near the top and the foot of the page."""
    top = bottom = None
    for x0, t, x1, b in rules:
        if x1 - x0 < RULE_WIDTH * width:
            continue
        if b <= RULE_ZONE * height:
            top = b if top is None else max(top, b)
        elif t >= (1 - RULE_ZONE) * height:
            bottom = t if bottom is None else min(bottom, t)
    return Fences(top, bottom)


def band(top: float, bottom: float, height: float) -> str | None:
    """'top' / 'bottom' when a line lies in the margin band of the page, else None."""
    if bottom <= TOP_BAND * height:
        return "top"
    if top >= (1 - BOTTOM_BAND) * height:
        return "bottom"
    return None
