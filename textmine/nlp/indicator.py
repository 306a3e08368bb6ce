"""The indicator of a claim: the shortest phrase of its sentence that says what the number
measures. The clause before the number (cut at jieba token boundaries of the spaCy doc),
trimmed of connectives and verbs of being; the words after the number when nothing
stands before it (五个省区 -> 省区) and, for dates, the event that follows."""
from __future__ import annotations

import re
from typing import Container

from ..parse.tables import table

_T = table("indicator")["trim"]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# A leading word is cut when at least two characters stay after it, a trailing word when
# at least two stay before it; the longest word that can be cut is cut first.
_LEAD = re.compile(f"(?s)(?:{_alternation(_T['leading'])})(?=..)")
_TRAIL = re.compile(f"(?s)(?<=..)(?:{_alternation(_T['trailing'])})\\Z")
_CLAUSE = re.compile(r"[，。；！？：,;:!?（）()]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_START = re.compile(r"\d|[一二三四五六七八九十]+[个家项名次]")
MAX_LEN = 14


def _trim(s: str) -> str:
    while s:
        s2 = s.strip(" 、“”\"'")
        m = _LEAD.match(s2)
        if m:
            s2 = s2[m.end():]
        m = _TRAIL.search(s2)
        if m:
            s2 = s2[:m.start()]
        if s2 == s:
            break
        s = s2
    return s


def indicator_for(text: str, start: int, end: int, kind: str, prev_end: int,
                  token_starts: Container[int]) -> str:
    """``text[start:end]`` is the mention; ``prev_end`` the end of the previous mention in
    the same clause (numbers in one phrase do not share the words between them)."""
    cut = start
    while cut > prev_end and not _CLAUSE.match(text[cut - 1]):
        cut -= 1
    left = text[cut:start]
    m = _CLAUSE.search(text, end)
    right = text[end:m.start() if m else len(text)]
    right = _NUMBER_START.split(right)[0]
    if kind == "date":
        phrase = _trim(right) or _trim(left)
        if not phrase and m:  # 3月12日、5月20日，县里举办对接会: the event of the next clause
            nxt = _CLAUSE.search(text, m.end())
            phrase = _trim(_NUMBER_START.split(text[m.end():nxt.start() if nxt else len(text)])[0])
    else:
        phrase = _trim(left)
        if len(_CJK.findall(phrase)) < 2:
            phrase = (phrase + _trim(right)[:MAX_LEN]) if right else phrase
    if len(phrase) > MAX_LEN:
        # keep the end of the phrase nearest the number, from a token boundary
        base = start - len(left)
        k = len(phrase) - MAX_LEN
        pos = text.find(phrase, base)
        if pos >= 0:
            while k < len(phrase) and pos + k not in token_starts:
                k += 1
        phrase = phrase[k:] if k < len(phrase) else phrase[-MAX_LEN:]
    phrase = _trim(phrase.strip("·•（）()：:、，, "))
    if len(_CJK.findall(phrase)) < 2:
        phrase = _trim(right.strip("·•（）()：:、，, "))[:MAX_LEN] or phrase
    if not phrase and cut > 0 and _CLAUSE.match(text[cut - 1]):
        # 计划搬迁（4个）: the words before the bracket or colon
        phrase = _trim(text[max(0, cut - 1 - MAX_LEN):cut - 1].strip("·•（）()：:、，, "))
    return phrase
