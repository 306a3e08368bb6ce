"""The indicator of a claim: the shortest phrase of its sentence that says what the number
measures. The clause before the number (cut at jieba token boundaries of the spaCy doc),
trimmed of connectives and verbs of being; the words after the number when nothing
stands before it (五个省区 -> 省区) and, for dates, the event that follows."""
from __future__ import annotations

import re
from functools import cache
from typing import Container

from ..parse.qualifiers import SUFFIX
from ..parse.tables import alternation, clean, divisions, short_names, table, word_list

_T = table("indicator")["trim"]
_NEWS = table("attribution")["document"]
# a news dateline opening a sentence (本报讯, 新华社北京3月5日电（记者 …）): the filing's place
# and day, no part of a figure's phrase (本报讯 11月15日，…启动: the day's event is after it)
DATELINE = re.compile(_NEWS["dateline"].replace(
    "{sources}", "|".join(map(re.escape, _NEWS["dateline_sources"]))))
_DATELINE_FIRST = frozenset(w[0] for w in _NEWS["dateline_sources"])


# A leading word is cut when at least two characters stay after it, a trailing word when
# at least two stay before it; the longest word that can be cut is cut first.
_PLACE_KINDS = tuple("省市县区州旗盟镇乡村")  # the last character of a division's name


def _places_led_by(words: list[str]) -> list[str]:
    """Division names a leading word begins, also without their last character (从江县,
    都匀市, 都匀): trimming the word must not cut them."""
    names = {n for _, n, _, _ in divisions() if n.startswith(tuple(words))}
    bare = (re.sub("(?:地区|自治[县旗州]|[省市县区州旗])$", "", n) for n in names)
    return sorted(names | {n for n in bare if len(n) >= 2})


_LEAD = re.compile(f"(?s)(?!{alternation([*_T['keep'], *_places_led_by(_T['leading'])])})"
                   f"(?:{alternation(_T['leading'])})(?=..)")
# (and the verb of a level reached, 提高到, 降至: the gold keeps 增长 of a change, not 提高到)
_TRAILING = [*_T['trailing'], *table('indicator')['carry']['span_verbs']]
_ENDS_A_WORD = _T["trailing_not_after"]  # (达 of 下达, 传达: a verb of its own, not of a level)
_TRAIL = re.compile("(?s)(?<=..)(?:%s)\\Z" % "|".join(
    f"(?<![{_ENDS_A_WORD[w]}]){re.escape(w)}" if w in _ENDS_A_WORD else re.escape(w)
    for w in sorted(_TRAILING, key=len, reverse=True)))
# ... and a word of two characters or more after one character (的村达到 -> 村, not 村达: the
# search above, which keeps two, would cut 到 alone); tried first on phrases that short
_TRAIL_LONG = sorted((w for w in _TRAILING if len(w) > 1), key=len, reverse=True)
_TRAIL_AFTER_ONE = re.compile("(?:%s)\\Z" % "|".join(map(re.escape, _TRAIL_LONG)))
_TRAIL_AFTER_ONE_MAX = 1 + len(_TRAIL_LONG[0])
# the characters a word of _LEAD starts with and a word of _TRAIL ends with: a phrase that
# starts (ends) with none of them is not matched, known without trying the alternation
_LEAD_FIRST = frozenset(w[0] for w in _T["leading"])
_TRAIL_LAST = frozenset(w[-1] for w in _TRAILING)
_INSIDE = re.compile(alternation(_T["inside"]))
_CLAUSE = re.compile(r"[，。；！？：,;:!?（）()]")
_CLAUSE_CHARS = frozenset("，。；！？：,;:!?（）()")  # _CLAUSE's characters, for a test of one
_CJK = re.compile(r"[\u4e00-\u9fff]")
# two Chinese characters or more (``len(_CJK.findall(s)) >= 2`` without making the list)
_FUNCTION_CHARS = frozenset(_T["function_chars"])
_TWO_CJK = re.compile(r"[\u4e00-\u9fff][^\u4e00-\u9fff]*[\u4e00-\u9fff]")
_FIGURE = re.compile(r"[\d０-９]")
_SHARE_AFTER_SHARE = re.compile(r"的[^，。；,;]{1,8}[和、及与]")  # between A%的X和 and B%
_WHOLE = re.compile(r"^[全我本][国省区市州县]")  # 全市93%的村庄: the whole jurisdiction, no subject
_ADVERBIAL_END = "基础上"  # (every match ends so: a clause without it needs no search)
_ADVERBIAL = re.compile(r"在[^，。；、]{1,16}?的?" + _ADVERBIAL_END)  # a condition between subject and verb
_MEANS = re.compile(  # … and a means (通过线上线下渠道销售: 销售)
    f"通过[^，。；、]{{1,10}}?(?:{'|'.join(table('indicator')['trim']['means_ends'])})[”’\"]?")
_JOINS = frozenset(("、", "和", "及", "与", "至", "到", "-", "—"))
# words that lead in to a time (刚刚过去的2019年): no event of it; its next clause is
_DATE_LEAD_IN = frozenset(w.rstrip("的") for w in table("attribution")["time"]["lead_in"])
_BARE_WORDS = frozenset(_T["leading"]) | frozenset(_T["trailing"]) | frozenset(
    table("indicator")["carry"]["span_verbs"])  # (read once: the words that name nothing alone)
# a per-unit phrase cut by the number (补助标准由每人每年450元, 最低收购价每50公斤): not part of
# what is measured
_PER = r"(?:每(?:公斤|平方米|立方米|千瓦时|[人户年月日天亩吨斤生名个次])){1,2}"
_PER_TAIL = re.compile(f"(?<=..)(?:由|从)?(?:平均(?:{_PER}|每)?|{_PER}|每|[月年]?人均|户均)$")  # (每
# alone: 每50公斤; 基础养老金月人均提高到: not 基础养老金月人, once the verb and 均 were cut)
_PER_ONLY = re.compile(_PER)
_LIST_ITEM_END = re.compile("[、等和及与]")
# (not an ordinal, which names an event or an edition: 召开第二次领导小组会议, 第12次常委会会议)
_NUMBER_START = re.compile(  # (from the ordinal's first numeral: 第二十三次 holds no 十三次)
    r"(?<![第\d])\d|(?<![第一二两三四五六七八九十])[一二两三四五六七八九十]+(?:[个家项名]|次(?!性))"
    r"|[〇零一二三四五六七八九]{4}年"  # (a year in Chinese numerals: 二〇二〇年; an amount:
    r"|(?<![第一二两三四五六七八九十])[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿点]+[元人户]"
    r"|(?:超|近|逾)[百千万亿]{1,3}(?=[\u4e00-\u9fff])")  # (连续3年超千万吨: a figure of its own)
#   四千七百五十三元)
# the dates after a date in its list, and a count of times after them (、6月8日、9月23日三次)
_DAY = r"(?:\d{1,2}[日号]|[上中下]旬|[初底末])"  # (a month's day or part: 6月8日, 9月中旬)
_LISTED_DATE = rf"(?:\d{{4}}年)?\d{{1,2}}月{_DAY}?(?:[至到～~—-](?:\d{{1,2}}月)?{_DAY})?"
_LISTED_DATES = re.compile(rf"(?:[、和及与]{_LISTED_DATE})*"
                           r"(?:(?:\d+|[一二两三四五六七八九十]+)次(?!性))?")


def _date_right(right: str) -> tuple[str, re.Match | None]:
    """The words after a date that may name its event, and the first number in them: past
    the dates listed after it and a count of times (3月12日、6月8日两次召开…), and without a
    count of times inside (完成两次排查 -> 完成排查: the count's event)."""
    right = right[_after_dates(right):]
    number = _NUMBER_START.search(right)
    if number and (times := _TIMES.match(right, number.start())):
        right = right[:number.start()] + right[times.end():]
        number = _NUMBER_START.search(right, number.start())
    return right, number


def _after_dates(right: str) -> int:
    """Where the words after a date start past the dates listed after it (also parts of a
    month and ranges: 、9月中旬, 、6月10日至12日) and a count of times (3月12日、6月8日三次召开会议
    -> 召开会议), 0 when none follows."""
    return _LISTED_DATES.match(right).end()
MAX_LEN = 14


_TITLE = re.compile(r"《[^《》]*》")
# a footnote's marker (地区生产总值[1]): no part of what is measured
_FOOTNOTE = re.compile(r"[\[［【]\d{1,2}[\]］】]|[\u2460-\u2473]")
_FOOTNOTE_FIRST = frozenset("[［【") | frozenset(map(chr, range(0x2460, 0x2474)))
_RANK_VERB = re.compile(alternation(table("indicator")["rank"]["verbs"]))
_RANK_SCOPES = frozenset(table("indicator")["rank"]["scopes"])
_MARKER = re.compile(r"^(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                     r"|[一二三四五六七八九十]{1,3}[、．.](?![一二三四五六七八九十])"  # 一、二年级 stays
                     r"|[一二三四五六七八九十]是(?=..))")  # 一是全区…
_MARKER_FIRST = frozenset("（(一二三四五六七八九十")  # what a marker starts with, besides a digit


def _trim(s: str) -> str:
    while s:
        s2 = s.strip(" \u3000\t、“”\"'")
        if s2[:1].isdecimal() or s2[:1] in _MARKER_FIRST:  # (\d: the characters of Nd, as isdecimal)
            s2 = _MARKER.sub("", s2)  # a list marker (1. （一） 二、) names nothing
        m = _LEAD.match(s2) if s2[:1] in _LEAD_FIRST else None
        if m:
            s2 = s2[m.end():]
        # (由平均 before its 均; every match of _PER_TAIL holds 每 or 均)
        m = ("每" in s2 or "均" in s2) and _PER_TAIL.search(s2) or \
            (len(s2) <= _TRAIL_AFTER_ONE_MAX and _TRAIL_AFTER_ONE.match(s2, 1) or
             _TRAIL.search(s2) if s2[-1:] in _TRAIL_LAST else None)
        if m:
            s2 = s2[:m.start()]
            if s2 in _BY and m.re is _PER_TAIL:
                s2 = ""  # (按照每平方米200元的标准: no words of what is measured before it)
        if s2 == s:
            break
        s = s2
    return s


def indicator_for(text: str, start: int, end: int, kind: str, prev_end: int,
                  token_starts: Container[int]) -> str:
    """``text[start:end]`` is the mention; ``prev_end`` the end of the previous mention in
    the same clause (numbers in one phrase do not share the words between them)."""
    cut, left = _left_of(text, start, prev_end)
    m = _CLAUSE.search(text, end)
    right = text[end:m.start() if m else len(text)]
    right, number = _date_right(right) if kind == "date" else \
        (right, _NUMBER_START.search(right))
    right = right[:number.start()] if number else right
    if right.startswith("、") and kind != "date":
        right = ""  # (镇2016个、乡626个: the words after 、 are the next item's)
    if kind == "date":
        phrase = _date_event(text, end, left, right, m, number)
    elif framed := _framed(kind, left, right):
        phrase = framed
    elif item := _item_after(left, right):
        phrase = item[:MAX_LEN]
    elif kind == "count" and (acted := _acted(text, end, left, right, token_starts)):
        phrase = acted
    else:
        phrase = _words_around(text, cut, left, right, end, token_starts)
        if kind == "duration" and text[start - 1:start] not in _SPAN_BEFORE and \
                _figure_follows(text, end, right, number) and names_something(after := _trim(right)) \
                and phrase == _trim(left):
            phrase += after  # (省财政五年投入衔接资金X亿元: the time of that sum's deeds;
            #                   not 受教育年限从2015年的8.7年, 比前五年, 前四年)
    places = kind != "date"  # (a date's event keeps where it was: 赴广西调研)
    bare = _without_inside(phrase, places)
    inside = len(phrase) - len(bare)  # (cut after the length limit: the cut finds the
    limit = MAX_LEN + inside + _change_tail_len(bare)  # phrase in the text)
    if len(phrase) > limit:
        bare = _without_inside(_tail(text, phrase, start - len(left), token_starts, limit,
                                     kind != "date"), places)
    phrase = _FOOTNOTE.sub("", bare) if _FOOTNOTE_FIRST.intersection(bare) else bare
    phrase = _balanced(_untitled(_trim(phrase.strip("·•（）()：:、，, "))))
    if not _TWO_CJK.search(phrase):
        phrase = _head(text, _trim(right.strip("·•（）()：:、，, ")), end, token_starts) or phrase
    if not phrase and cut > 0 and _CLAUSE.match(text[cut - 1]):
        phrase = _before_clause(text, cut)
    return phrase


def _left_of(text: str, start: int, prev_end: int) -> tuple[int, str]:
    """Where the phrase of a mention at ``start`` may start, and its words up to the mention:
    the clause's, after a news lead (本报讯), without a condition (在…的基础上) or a means
    (通过…渠道)."""
    cut = _clause_start(text, start, prev_end)
    if text[cut:cut + 1] in _DATELINE_FIRST and (news := DATELINE.match(text, cut)) and \
            news.end() <= start:
        cut = news.end()
    left = text[cut:start]
    if _ADVERBIAL_END in left:  # (生产总值在优化结构的基础上年均增长: a condition)
        left = _ADVERBIAL.sub("", left)
    if "通过" in left:
        left = _MEANS.sub("", left)
    return cut, left


def _date_event(text: str, end: int, left: str, right: str, clause_end: re.Match | None,
                number: re.Match | None) -> str:
    """A date's event: the words after it (``right``, up to a number); else the words before
    it (从2020年的9.6年: not 的); else the next clause's (3月12日、5月20日，县里举办对接会), not when
    a figure of its own clause follows it (从2015年120亿元增加到…; 是2015年的1.6倍)."""
    after, before = _trim(right), _trim(left)
    # (刚刚过去的2019年，…; ——这五年，…; 截至10月底，…: words that name no event)
    phrase = _first_event(after) if _TWO_CJK.search(after) else \
        before if before not in _DATE_LEAD_IN and names_something(before) else ""
    if not phrase and clause_end and not _figure_follows(text, end, right, number):
        nxt = _CLAUSE.search(text, clause_end.end())
        clause = text[clause_end.end():nxt.start() if nxt else len(text)]
        times = _TIMES.search(clause)  # (…，省委主要负责同志三次赴某地调研: what was done)
        if times and len(_CJK.findall(clause, times.end())) >= 2:
            clause = clause[times.end():]
        phrase = _trim(_NUMBER_START.split(clause)[0])
    return _without_venue(phrase) if "在" in phrase or "上" in phrase[-1:] else phrase


_SPAN_BEFORE = "的从由比前到至"  # (before a span of time that is a figure or a base, no adverb)
_TIMES = re.compile(r"(?<![第\d一二两三四五六七八九十])(?:\d+|[一二两三四五六七八九十]+)次(?!性)")
# (a count of times: not an ordinal, 第二次会议)


def _without_venue(phrase: str) -> str:
    """A date's event without the venue it took place in, between its subject and its verb
    (推进会在市会议中心召开 -> 推进会召开), when two characters are left on each
    side (its name before the venue: 在县政务中心会议室); and without the 上 of a meeting at its
    end (…第四次会议上 -> …第四次会议)."""
    for m in _VENUE.finditer(phrase):  # (a venue, not a place alone: 在云南调研 is what was done)
        if len(_CJK.findall(phrase, 0, m.start())) >= 2 and len(_CJK.findall(phrase, m.end())) >= 2:
            phrase = phrase[:m.start()] + phrase[m.end():]
            break
    return phrase[:-1] if phrase.endswith(_MEETING_ENDS) else phrase


_EVENT = table("indicator")["date_event"]
# 在, then up to eight characters of a place's or a building's name, then a venue
_VENUE = re.compile(f"在[^，,。；;、在]{{0,8}}?(?:{'|'.join(map(re.escape, _EVENT['venues']))})")
_MEETING_ENDS = tuple(_EVENT["meeting_ends"])


def _first_event(after: str) -> str:
    """The first of the events joined by 并 after a date (9月底前完成自查整改并报县里备案 ->
    完成自查整改; not at 和, 及, 与, which join the parts of a name as often: 国民经济和社会
    发展统计公报), when the words before it say something (four characters at least); else all."""
    k = after.find("并", 4)
    return after[:k] if k > 0 and len(_CJK.findall(after, 0, k)) >= 4 else after


def _without_inside(phrase: str, places: bool = False) -> str:
    """``phrase`` without the words that say nothing of what is measured wherever they
    stand (分别), abbreviations and notes in brackets ((GDP), （CPI）, （下同）); with
    ``places``, also without where it happened (_without_places)."""
    phrase = _ABBREVIATION.sub("", _INSIDE.sub("", phrase))
    return _without_places(phrase) if places and _TO_PLACE.search(phrase) else phrase


_TO_PLACE = re.compile("[到赴向]")  # (在 opens conditions as often: 在…基础上)


def _without_places(phrase: str) -> str:
    """``phrase`` without a preposition of direction and the places it leads to inside it
    (引导企业到河北、内蒙古投资 -> 引导企业投资: where, not what), when two characters or more
    are left on each side; a date's event keeps them (赴广西调研)."""
    for m in _TO_PLACE.finditer(phrase):
        end = _places_end(phrase, m.end())
        rest, before = len(_CJK.findall(phrase, end)), len(_CJK.findall(phrase, 0, m.start()))
        if end > m.end() and (before >= 2 and rest != 1 or before == 0 and rest >= 2):
            return phrase[:m.start()] + phrase[end:]  # (none after it: 引导企业到河北; none
            #                                          before: 向河北、内蒙古省市县镇 -> 省市县镇)
    return phrase


def _places_end(phrase: str, at: int) -> int:
    """Where a list of place names starting at ``at`` ends (河北、内蒙古; 新疆和田地区: a
    place and one in it), else ``at``."""
    end = last = at
    while (k := _place_at(phrase, end)) is not None or (
            end > at and phrase[end:end + 1] in _PLACE_JOINS and
            (k := _place_at(phrase, end + 1)) is not None):
        end = last = k
    return last


def _place_at(phrase: str, at: int) -> int | None:
    """The end of the longest place name at ``at``, else None."""
    names = _place_names()
    return next((k for k in range(min(len(phrase), at + _PLACE_MAX), at + 1, -1)
                 if phrase[at:k] in names), None)


_PLACE_JOINS = "、和及与"
_PLACE_MAX = 8


@cache
def _place_names() -> frozenset[str]:
    """The names of the divisions, and the short names the gazetteer reads of provinces and
    prefectures (河北, 内蒙古, 和田; not those it blocks as words: 中山, 和平)."""
    rules = table("attribution")["regions"]
    out = set()
    for _, name, level, _ in divisions():
        out.add(name)
        out.update(s for s in short_names(name, level, rules)
                   if len(s) >= 2 and s not in rules["not_short"])
    return frozenset(out)


def names_statistic(indicator: str) -> bool:
    """Whether ``indicator``, less the whole jurisdiction it opens with (全市), is a name of
    the key table (新增城镇就业: its verb is part of the name)."""
    return clean(_WHOLE.sub("", indicator)) in _key_names()


@cache
def _key_names() -> frozenset[str]:
    """The statistics' names of the key table, keys and synonyms, cleaned as it cleans them."""
    return frozenset(clean(v) for key, variants in table("indicator_keys")["keys"].items()
                     for v in (key, *variants))


def _before_clause(text: str, cut: int) -> str:
    """The words before the clause boundary at ``cut - 1`` (a bracket, a colon), for a figure
    whose clause names nothing: 计划搬迁（4个）, 展销中心（馆）15个; "" when they hold another
    figure (2150户，8630人)."""
    end = _words_end(text, cut - 1)
    extra = 2 if end == cut else 0  # (the brackets around a part of the name)
    phrase = _before_bracket(text[max(0, end - MAX_LEN - extra):end])
    return "" if _FIGURE.search(phrase) else phrase


def _words_around(text: str, cut: int, left: str, right: str, end: int,
                  token_starts: Container[int]) -> str:
    """What a figure measures from the words of its clause: those before it (``left``, from
    ``cut``), else those after it (``right``, from ``end``)."""
    phrase = _trim(left)
    if cut > 0 and text[cut - 1] in "）)" and (gloss := _gloss(text, cut, phrase)):
        return gloss
    if not phrase and cut > 0 and text[cut - 1] in "）)":  # (展销中心（馆）15个、专柜…)
        phrase = _before_clause(text, cut)
    if not _TWO_CJK.search(phrase):
        return (phrase + _head(text, _trim(right), end, token_starts)) if right else phrase
    if (not names_something(phrase) or not _WHOLE.sub("", phrase)) and names_something(
            after := _head(text, _trim(right), end, token_starts)):
        return after  # 每年75%左右新增财力投向民生事业: what follows, not 每年 (nor 全县 of
        #               全县还有1.2万人未脱贫)
    return phrase


def _gloss(text: str, cut: int, phrase: str) -> str:
    """The name in the bracket that closes at ``cut - 1`` when only a link word stands
    between it and the figure (占常住人口比重（常住人口城镇化率）为64.77%: 常住人口城镇化率,
    the statistic's own name for the words before it); else ""."""
    if not phrase or names_something(phrase) or _FIGURE.search(phrase):
        return ""  # (居委会（社区工作站）X个: no link word, the bracket an alternative)
    k = max(text.rfind("（", 0, cut), text.rfind("(", 0, cut))
    inner = text[k + 1:cut - 1] if k >= 0 else ""
    if len(_CJK.findall(inner)) < _GLOSS_MIN or len(inner) > MAX_LEN or \
            not _CJK.fullmatch(inner[:1]) or inner.startswith(_NOTE) or _DIGIT.search(inner) or \
            not _CJK.match(text, k - 1):
        return ""
    return inner


_GLOSS_MIN = 4  # (shorter brackets are parts of a name: 专科（高职）, 展销中心（馆）)


def _figure_follows(text: str, end: int, right: str, number: re.Match | None) -> bool:
    """Whether a figure in digits follows a date (ending at ``end``) in its clause
    (``number``: the first number after it, ``right``: the words before that), other than
    the next date of a list (2021年、2022年实现…)."""
    return number is not None and _FIGURE.match(text, end + number.start()) is not None and \
        right not in _JOINS


def _head(text: str, phrase: str, base: int, token_starts: Container[int]) -> str:
    """The first MAX_LEN characters of ``phrase`` (found in ``text`` from ``base``), the end
    nearest the number, up to a token boundary (在55%乡镇政府举办的公共卫生机构实施…: not …机构实)."""
    if len(phrase) <= MAX_LEN:
        return phrase
    pos = text.find(phrase, base)
    k = pos + MAX_LEN
    while pos >= 0 and k > pos + 2 and k not in token_starts:
        k -= 1
    return (phrase[:k - pos] if pos >= 0 and k > pos + 2 else phrase[:MAX_LEN]).rstrip()


def without(indicator: str, words: str) -> str:
    """``indicator`` less ``words`` (a time word of its clause), trimmed again (居民人均收入从
    2020年 -> 居民人均收入)."""
    if not words:
        return indicator
    if words not in indicator:  # the time word's end left by a cut to MAX_LEN (2024年全省一般
        # 公共预算收入预计 -> 年全省…)
        for k in range(len(words) - 1, 0, -1):
            if indicator.startswith(words[-k:]) and names_something(indicator[k:]):
                return _trim(indicator[k:])
        return indicator
    return _trim(indicator.replace(words, ""))


_EXAMPLES = re.compile(f"等(?:{'|'.join(table('indicator')['trim']['example_bodies'])})")


def _tail(text: str, phrase: str, base: int, token_starts: Container[int],
          limit: int = MAX_LEN, head_word: bool = True) -> str:
    """The last ``limit`` characters of ``phrase`` (found in ``text`` from ``base``), the end
    nearest the number, from a token boundary, with the word of two characters before it when
    ``head_word`` (a statistic's, not a date's event: 县里举办对接会 stays 举办对接会); not from
    the last character of a list item (…康复服务覆盖率、新建社区无障碍设施达标率 ->
    新建社区无障碍设施达标率)."""
    k = len(phrase) - limit
    pos = text.find(phrase, base)
    if pos >= 0:
        k = _token_from(pos + k, pos + len(phrase), token_starts) - pos
        back = _word_before(text, pos, pos + k, token_starts) if 0 < k < len(phrase) else None
        # the word before the cut too: of two characters, so that a long statistic keeps its
        # head (研发经费投入占地区生产总值比重, not 经费投入占…; at most MAX_LEN + 2; not 全县,
        # which names no statistic); or the word a name's last character ends (脱贫县农村居民…:
        # not 县农村居民…, another population's name)
        if back is not None and (
                (head_word and _TWO_CJK.match(text, back, pos + k) and
                 not _WHOLE.match(text[back:pos + k])) or
                (phrase[k] in _BOUND and pos + k + 1 in token_starts)):
            k = back - pos
        elif head_word and k >= 4 and pos + k - 4 in token_starts and \
                _WHOLE.match(phrase[k - 4:k - 2]) and _TWO_CJK.match(phrase, k - 2, k):
            k -= 2  # (全国工会系统…: 工会系统…, the body without its jurisdiction, one word)
        if 0 < k < len(phrase) and phrase.startswith(_SCALE_ENDS, k) and \
                (back := _word_before(text, pos, pos + k, token_starts)) is not None:
            k = back - pos  # (规模以上服务业企业营业收入: not 以上服务业…)
    tail = phrase[k:] if k < len(phrase) else phrase[-limit:]
    if "等" in tail and (m := _EXAMPLES.search(tail)) and len(_CJK.findall(tail, m.end())) >= 2:
        return tail[m.end():]  # (…市商务委等部门发动会员采购: the examples of a subject, cut)
    cut, sep, rest = tail.partition("、")
    if sep and len(cut) == 1 and len(tail) < len(phrase) and len(_CJK.findall(rest)) >= 2:
        return rest  # (a single character left of an item that lost its head with the cut)
    return tail


def _change_tail_len(phrase: str) -> int:
    """The length of the change or account words ``phrase`` ends with (年均增长: 4), which do not count
    toward its length limit: 农村低收入人口人均可支配收入年均增长 keeps its 农村低收入, the statistic's
    name."""
    m = _CHANGE_TAIL.search(phrase) if phrase.endswith(_CHANGE_ENDS) else None
    return len(m[0]) if m else next((len(w) for w in _ACCOUNT_TAILS if phrase.endswith(w)), 0)


def _balanced(phrase: str) -> str:
    """``phrase`` without a quotation mark whose partner was cut off with the clause
    (…年货大集活动”现场 -> …年货大集活动现场)."""
    if "”" not in phrase and "“" not in phrase:
        return phrase
    unmatched, opened = set(), []
    for i, ch in enumerate(phrase):
        if ch == "“":
            opened.append(i)
        elif ch == "”":
            if opened:
                opened.pop()
            else:
                unmatched.add(i)  # its “ stood before the phrase
    unmatched.update(opened)  # their ” stood after it
    return "".join(ch for i, ch in enumerate(phrase) if i not in unmatched)


def _untitled(phrase: str) -> str:
    """``phrase`` less the titles of documents in it when words after the last one name what
    is counted (发放《就业问答》宣传手册2000本: 发放宣传手册)."""
    if "《" not in phrase:
        return phrase  # (most phrases: no title, no search)
    title = None
    for title in _TITLE.finditer(phrase):
        pass
    if title is not None and len(_CJK.findall(phrase, title.end())) >= 2:
        return _TITLE.sub("", phrase)
    return phrase


def _ranked(left: str) -> str:
    """What a rank ranks: the words before the verb of ranking (两项考核均排在第一位 ->
    两项考核), "" when there is none or nothing before it."""
    found = None
    for found in _RANK_VERB.finditer(left):
        pass
    if found is None:
        return ""
    subject = _trim(_STREAK.sub("", _CLAUSE.split(left[:found.start()])[-1]))
    return subject if len(_CJK.findall(subject)) >= 2 else ""


_STREAK = re.compile(table("indicator")["rank"]["streak"])  # (连续三年: how long it has held)


_RANK_ASPECTS = table("indicator")["rank"]["aspects"]


def rank_aspect(phrase: str) -> str | None:
    """The word a rank of ``phrase`` adds to the subject of the figure before it, when the
    phrase names only an aspect of that figure (增速 -> 增速, 总量 -> ""); None otherwise."""
    return _RANK_ASPECTS.get(phrase)


def ranks_alone(phrase: str) -> bool:
    """Whether ``phrase`` is a verb of ranking with no subject before it (居全国, 分别位居全州)
    or only the scope it ranks in (从世界第五位: 世界): the rank ranks the subject of the clause
    before."""
    return (_RANK_VERB.search(phrase) is not None and not _ranked(phrase)) or \
        phrase.lstrip("从由在") in _RANK_SCOPES


def _acted(text: str, end: int, left: str, right: str, token_starts: Container[int]) -> str:
    """A number of times (次, not 人次) between a subject and what it did, the verb right after
    it: the two together (市领导30多次作出批示指示 -> 市领导作出批示指示); else ""."""
    if text[end - 1:end] != "次" or text[end - 2:end - 1] == "人" or not left:
        return ""
    k = _token_from(end + 1, end + len(right), token_starts)
    if text[end:k] not in word_list("verbs"):
        return ""
    subject, act = _trim(left), _trim(right)
    return subject + act if names_something(subject) and len(act) >= 2 else ""


def _item_after(left: str, right: str) -> str:
    """The words of a list item that starts with its number (…、100吉瓦时锂电池储能等: they
    follow it, up to the next item), when they hold at least two Chinese characters; else ""."""
    if not left.endswith("、"):
        return ""
    item = _trim(_LIST_ITEM_END.split(right, 1)[0])
    return item if len(_CJK.findall(item)) >= 2 else ""


_NOTE = ("含", "包括", "包含", "不含", "其中", "扣除", "按",  # a bracket that opens so is a note,
         "与", "即")  # or says what the name means (投入强度（与地区生产总值之比）)
_NAME_PART = 2  # a bracket of as many characters or fewer is part of a name (展销中心（馆）)


def _words_end(text: str, end: int) -> int:
    """Where the words a figure after ``text[end]`` names end: for a bracket that closes at
    ``end``, after it when it holds a part of the name (展销中心（馆）, 专科（高职）), before it
    when it holds a note or another name (投入资金（含物资折款）, 村民议事会（理事会））;
    else at ``end``."""
    if text[end] in "）)":
        k = max(text.rfind("（", 0, end), text.rfind("(", 0, end))
        if k >= 0 and (text.startswith(_NOTE, k + 1) or end - k - 1 > _NAME_PART):
            return k
        return end + 1
    return end


def _before_bracket(seg: str) -> str:
    """计划搬迁（4个）: the words before the bracket or colon; 中职学校（一、二年级）（1900元）:
    the name and its bracket."""
    pieces = [p for p in _CLAUSE.split(seg) if p.strip()]
    if len(pieces) > 1 and re.search(f"[（(]{re.escape(pieces[-1])}[）)]$", seg):
        pieces[-1] = pieces[-2].rpartition("、")[2] + pieces[-1]  # (本科X元、专科（高职）)
    return _trim(pieces[-1].strip("·•、，,.． ")) if pieces else ""


_C = table("indicator")["carry"]
_SPAN_VERB = frozenset(_C["span_verbs"])
_RESTATED = frozenset(_C["restated"])
_TIME_WORDS = re.compile(r"(?:19|20)\d\d年(?:底|末)?|去年|今年|上年")
_COMPARED = table("indicator")["change"]["compared"]  # (比去年预算低: 降低)
_CHANGE_ONLY = re.compile(
    f"^(?:(?:{alternation(_C['change_bases'])})?(?P<mod>(?:{alternation(_C['change_mods'])})*)"
    f"(?P<verb>{alternation(_C['change_words'])})|(?:{alternation(_C['change_bases'])})"
    f"(?P<compared>{alternation(_COMPARED)}))$")
_CHANGE_END = re.compile(f"(?:{alternation(_C['change_words'])})$")
_CHANGE_TAIL = re.compile(f"(?:{alternation(_C['change_bases'])})?(?:{alternation(_C['change_mods'])})*"
                          f"(?:{alternation(_C['change_words'])})$")
_CHANGE_ENDS = tuple({w[-1] for w in _C["change_words"]})  # (most phrases end otherwise)
_ACCOUNT_TAILS = tuple(_C["account_tails"])  # (longest first, as written)
_DIGIT = re.compile(r"\d|[一二三四五六七八九十百千万亿两]")
_COUNTED_AFTER = frozenset(_C["counted_after"])
_NOT_NOUN = tuple(_C["not_noun"])
_SKIP_BEFORE_NOUN = "等的了"
_PARTICLES = "了过着"
_NOUN_HEADS = frozenset(_C["noun_heads"])
_NOUN_TOKENS, _NOUN_MAX = 4, 9
_NOUN_LONG = 12  # a noun of more words, whole to its stop (_whole_noun)
_ADVERBS = frozenset(_C["not_noun_end"])
_ADVERB = re.compile(alternation(_C["not_noun_end"]))
_SUFFIXES = sorted(SUFFIX, key=len, reverse=True)  # qualifier words after a unit, longest first
_SUFFIX_LAST = frozenset(w[-1] for w in _SUFFIXES)  # the characters they end with
_FUNDS = tuple(_C["funds"])
_BUILD_ACTS = re.compile(f"(?:{alternation(_C['build_acts'])}){{1,2}}")
_NOUN_STATES = tuple(sorted(_C["noun_states"], key=len, reverse=True))
_PREDICATE_NOT_AFTER = tuple(_C["predicate_not_after"])
_PREDICATE_NOT_BEFORE = tuple(_C["predicate_not_before"])
_STATE_ADVERBS = tuple(sorted(_C["state_adverbs"], key=len, reverse=True))
# the counted noun (or none), 的, then up to eight Chinese characters ending in a need or
# problem, then the clause's end
_CONCERN = re.compile("([\u4e00-\u9fff]{0,6}?)的([\u4e00-\u9fff]{0,8}?(?:%s))(?=[，。；！？,;!?]|$)"
                      % alternation(_C["concerns"]))
_CONCERN_COUNTED = frozenset(_C["concern_counted"])
_LEAD_VERBS = frozenset(_C["lead_verbs"])
_BY = tuple(_C["share_by"])
STANDARD = _C["standard"]
_STANDARD_BY = re.compile("(?:%s)(?:每[^，。；、\\d]{0,4})?$" % "|".join(
    map(re.escape, sorted(_C["standard_by"], key=len, reverse=True))))
_STANDARD_DEED = re.compile("的?%s(?:%s)?([^，。；、\\d]{2,12})$" % (re.escape(_C["standard"]), "|".join(
    map(re.escape, sorted(_C["standard_verbs"], key=len, reverse=True)))))


def _framed(kind: str, left: str, right: str) -> str:
    """What the frame around a figure says it measures: an amount's inside 按…标准 (the
    standard of the deed after it), a rank's (the words before the ranking verb); else ""."""
    if kind == "money":
        return _standard_of_deed(left, right)
    return _ranked(left) if kind == "rank" else ""


def _standard_of_deed(left: str, right: str) -> str:
    """The standard an amount inside 按…标准 is of, named by the deed after it (按每人每月800元
    标准发放岗位补贴 -> 岗位补贴标准), else ""."""
    if not right.startswith(("的", STANDARD[0])) or not _STANDARD_BY.search(left):
        return ""
    m = _STANDARD_DEED.match(right)
    return m.group(1) + STANDARD if m else ""
_EXISTS = frozenset(_C["share_exists"])
_INSIDE_NOUNS = frozenset(_C["inside_nouns"])
_BENEFIT = frozenset(_C["benefit_verbs"])
_GENERIC_END = re.compile(f"(?:{alternation(_C['generic_end'])})$")
_PROGRAMME_MAX = 8
PLACE_NOUNS = frozenset(_C["place_nouns"])  # nouns of one character a count may name
_MODIFIER_ENDS = tuple(_C["modifier_ends"])  # kinds that qualify a head (急难型)
_NOUN_STOP = re.compile(r"[的以左上下约近多余和、与及等均都也向在被将已从，。；：,;:（）()“”《》\s]|\d")


def carried(text: str, prev: tuple[int, int, str, str] | None, start: int, indicator: str) -> str:
    """The indicator a figure takes from the figure before it in the same sentence
    (``prev``: start, end, kind and indicator of that figure), else ``indicator``:
    Y of 从X增加到Y measures what X measures; a phrase of change words alone (比上年增长)
    takes the subject of the figure in the clause before it: an amount, or a rate's level
    (not a rate of change: 增长6.8%，比上年回落0.2个百分点 keeps its words)."""
    if prev is None or not prev[3]:
        return indicator
    p_start, p_end, p_kind, p_ind = prev
    between = text[p_end:start]
    if "年" in between:  # (every time word holds 年)
        between = _TIME_WORDS.sub("", between)
    between = between.replace("的", "").strip()
    if between in _SPAN_VERB:
        return p_ind
    if between[:1] in "、，," and between[1:] in _RESTATED:  # (突破3千亿元、达到3215亿元: the
        return without_change(p_ind) or p_ind  # same level; 年均增长5%、迈上3万亿元台阶: not 台阶)
    m = _CHANGE_ONLY.match(indicator)
    level = p_kind in ("money", "count", "quantity") or (  # (城镇化率为61.5%，比上年末提高1.1
        p_kind == "percent" and not _CHANGE_END.search(p_ind))  # 个百分点: a rate's level too)
    if m and level and _clauses_apart(text, p_end, start) <= 2:
        subject = _CHANGE_ONLY.sub("", p_ind) or p_ind
        if m.group("compared"):  # (赤字率…，比去年预算低Y -> 赤字率降低)
            return subject + _COMPARED[m.group("compared")]
        mod = m.group("mod").replace("分别", "")
        return subject + mod + m.group("verb")
    return indicator


def change_words(words: str) -> str | None:
    """``words`` (a clause before a figure) when they are a change word alone (实际增长,
    比上年增长, 分别下降), stripped; else None."""
    words = _trim(words.strip())
    return words if words and _CHANGE_TAIL.fullmatch(words.replace("分别", "")) else None


def without_change(indicator: str) -> str:
    """``indicator`` less the change words it ends with (全省地区生产总值年均增长 -> 全省地区生产总值)."""
    return _CHANGE_TAIL.sub("", indicator)


def with_verb(subject: str, verb: str) -> str:
    """``subject`` and the change words after it, within MAX_LEN; the subject alone when both
    are longer, whole up to MAX_LEN + 2 (单位国内生产总值二氧化碳排放量: not 位国内…), else its
    last MAX_LEN characters."""
    if len(subject + verb) <= MAX_LEN:
        return subject + verb
    return subject if len(subject) <= MAX_LEN + 2 else subject[-MAX_LEN:]


def is_per(words: str) -> bool:
    """Whether ``words`` are a unit's per words alone (每人每年)."""
    return _PER_ONLY.fullmatch(words) is not None


def names_something(phrase: str) -> bool:
    """Whether ``phrase`` holds two Chinese characters or more and is more than a word of
    reaching or changing, a unit it is per or function characters (从, 是, 县, 达到, 增加到,
    每人每年, 的有 alone name nothing)."""
    return _TWO_CJK.search(phrase) is not None and phrase not in _BARE_WORDS and \
        not (phrase[:1] == "每" and _PER_ONLY.fullmatch(phrase)) and \
        not _FUNCTION_CHARS.issuperset(phrase)  # (_PER starts with 每; 的有, 是前)


def subject_before(text: str, start: int, figures: list[tuple[int, str, str]],
                   token_starts: Container[int] = (), words: bool = True, raw: bool = True) -> str:
    """What a figure measures whose own clause names nothing (…研发经费，从2015年120亿元增加到…;
    …安排资金850亿元，是2015年的1.6倍): the subject of the clause before it, after a comma:
    the indicator of its last figure less its change words, else its words when they hold no
    number (its last MAX_LEN characters from a word of ``token_starts``; not with ``words``
    false, nor with ``raw`` false, which still takes a span of time's: 粮食连续五年增产);
    "" when neither names anything. ``figures``: (start, kind, indicator) of the sentence's
    figures before it."""
    cut = _clause_start(text, start)
    if cut == 0 or text[cut - 1] not in "，,":
        return ""
    lo = _clause_start(text, cut - 1)
    inside = [(kind, ind) for at, kind, ind in figures if lo <= at < cut]
    before = [ind for kind, ind in inside if kind not in ("date", "duration")]
    if before:
        subject = without_change(before[-1])
    elif not words:
        return ""
    elif times := [ind for kind, ind in inside if kind == "duration"]:
        subject = without_change(times[-1]) or times[-1]  # (粮食产量连续三年增长，达到X: what
        #                                                     the streak is of, not 达到)
    elif not raw:
        return ""
    else:
        # (…的在校生发放补助，每人每年1800元: the clause's last words, from a word's start)
        words = text[_token_from(max(lo, cut - 1 - MAX_LEN), cut - 1, token_starts):cut - 1] \
            if cut - 1 - lo > MAX_LEN else text[lo:cut - 1]
        subject = "" if _DIGIT.search(words) else _trim(words)
    return subject if names_something(subject) else ""


def _clauses_apart(text: str, a: int, b: int) -> int:
    gap = text[a:b]
    return 99 if any(ch in gap for ch in "；;。") else gap.count("，") + gap.count(",")


def counted_noun(text: str, start: int, end: int, kind: str, unit: str, written: bool,
                 left: str, token_starts: Container[int]) -> str | None:
    """``_counted_noun`` less where it happened (42家企业到四川、重庆 -> 企业)."""
    noun = _counted_noun(text, start, end, kind, unit, written, left, token_starts)
    return _without_inside(noun, True) if noun else noun


def _counted_noun(text: str, start: int, end: int, kind: str, unit: str, written: bool,
                  left: str, token_starts: Container[int]) -> str | None:
    """``verb + noun`` when what the figure counts or measures follows it: after its measure
    word (第一时间抢通256个断路村 -> 抢通断路村; 北京扶贫支援的90个旗县 -> 北京扶贫支援的旗县),
    right after a count written without one (惠及8.6万农村居民 -> 惠及农村居民), or after a
    physical quantity whose clause before it is only a verb (完成5.8万亩高标准农田建设 ->
    完成高标准农田建设), or the fund a sum of money names after it (安排384亿元救灾款 ->
    安排救灾款); None when no noun follows or the figure is none of these."""
    if not _names_after(text, start, end, kind, unit, written) and not (
            kind == "percent" and text.startswith("的", end) and _SHARE_AFTER_SHARE.fullmatch(left)):
        return None  # (93%的村庄和96%的农户: the second share after the first's noun, its own)
    noun = _noun_after(text, end, token_starts, keep_first=kind == "percent")
    if noun is None:
        return None
    left = _CLAUSE.split(left)[-1]
    verb = _verb_before(text, start, left, token_starts) or \
        _verb_opening_list(text, start, left, token_starts)
    if kind == "count":  # (1.5万贫困人口脱贫: the noun and what befell it)
        noun += _befell(text, end, noun, left, verb, token_starts)
    if left.endswith("的") and kind == "count":  # the words before 的 qualify the noun (帮扶的五个省区)
        cut = _token_from(start - max(0, MAX_LEN - len(noun)), start, token_starts)
        head = _trim(text[max(cut, start - len(left)):start - 1])
        return head + "的" + noun if head else noun
    only_verb = bool(verb) and _trim(left) == verb
    if kind == "money":  # 安排35亿元技改专项资金: the fund (a bare 资金 after a verb only)
        if not noun.endswith(_FUNDS) or (noun in _FUNDS and not only_verb):
            return None
    elif kind == "quantity":  # (海拔1500米的村: the words before it say what it measures)
        if _BUILD_ACTS.fullmatch(acts := _trim(left)):  # (开工建设720兆瓦储能电站)
            return (acts + noun)[:MAX_LEN]
        if not (only_verb and verb in word_list("verbs")):
            return None
    elif kind == "percent":
        return noun[:MAX_LEN]
    elif not written and verb not in word_list("verbs"):
        return noun[:MAX_LEN]  # 惠及8.6万农村居民: a verb's object, the verb when it is one
    return (_trim(verb + noun) if verb else noun)[:MAX_LEN]


def concern_after(text: str, end: int, unit: str, noun: str) -> str:
    """The need or problem of those a count of people or households counts (``_CONCERN``),
    right after the figure or its counted noun ``noun``; else ""."""
    if unit not in _CONCERN_COUNTED or "的" not in text[end:end + 8]:
        return ""
    m = _CONCERN.match(text, end)
    return m.group(2) if m and noun.endswith(m.group(1)) else ""


def _state_after(text: str, at: int, noun: str) -> str:
    """The word of ``noun_states`` right after ``noun`` (found at ``at``), else ""."""
    if at < 0:
        return ""
    after = at + len(noun)
    for _ in range(2):  # (贫困县全部脱贫摘帽, 贫困村已全部出列: the state after its adverbs)
        adverb = next((w for w in _STATE_ADVERBS if text.startswith(w, after)), "")
        after += len(adverb)
    return next((w for w in _NOUN_STATES if text.startswith(w, after)), "")


def _befell(text: str, end: int, noun: str, left: str, verb: str,
            token_starts: Container[int]) -> str:
    """What befell those a count counts, after their noun ``noun``: a word of
    ``noun_states`` (1.5万贫困人口脱贫), else the verb and object of the short clause whose
    subject they are (``_predicate_after``), not where the words ``left`` of the figure make
    it an object (a verb ``verb`` before it, a preposition) or end in 的."""
    at = _found_after(text, noun, end)
    state = _state_after(text, at, noun)
    if state or verb or left.endswith("的") or _trim(left).endswith(_PREDICATE_NOT_AFTER):
        return state
    return _predicate_after(text, at, noun, token_starts)


def _found_after(text: str, noun: str, end: int) -> int:
    """Where ``noun`` starts after a figure ending at ``end`` (past 等/的/了), -1 when not."""
    return text.find(noun, end, end + len(_SKIP_BEFORE_NOUN) + len(noun))


_PREDICATE = re.compile("[\u4e00-\u9fff]+(?=[，。；！？,;!?]|$)")  # the rest of a clause, words only


def _predicate_after(text: str, at: int, noun: str, token_starts: Container[int]) -> str:
    """What befell those a count counts, when their noun ``noun`` (found at ``at``) is
    the subject of a short clause: its verb and object, less 了/过/着 (30多万群众住上了
    安全住房 -> 群众住上安全住房; 9万户农户用上清洁能源); "" when the clause goes
    on past MAX_LEN, holds a figure, a list or 的, or no verb follows the noun."""
    if at < 0:
        return ""
    after = at + len(noun)
    m = _PREDICATE.match(text, after)
    if m is None or "的" in m.group():
        return ""
    first = text[after:_token_from(after + 1, m.end(), token_starts)]
    words = [text[p:_token_from(p + 1, m.end(), token_starts)]
             for p in range(after, m.end()) if p in token_starts or p == after]
    rest = "".join(w for w in words if w not in _PARTICLES)
    if not (first in word_list("verbs") or any(w in _PARTICLES for w in words[:2])) or \
            first.startswith(_PREDICATE_NOT_BEFORE) or len(rest) < 2 or len(noun) + len(rest) > MAX_LEN:
        return ""
    return rest


def _names_after(text: str, start: int, end: int, kind: str, unit: str, written: bool) -> bool:
    """Whether what the figure counts or measures may follow it: a count after its measure
    word (also before a qualifier: 800名以上科技特派员) or without one, a physical quantity
    or a sum of money with its unit."""
    if kind == "percent":  # 按照不低于25%的预留比例: the share after a preposition; a share
        # opening its clause (6.5%左右的增速可以…, 全市93%的村庄…): the noun after 的
        before = _trim(_CLAUSE.split(text[:start])[-1])
        return text.startswith("的", end) and (before.endswith(_BY) or before in _EXISTS or
                                                not _WHOLE.sub("", before))
    if kind == "count":
        number_end = _before_suffix(text, start, end)
        return not written or (unit in _COUNTED_AFTER and text.endswith(unit, start, number_end))
    return kind in ("quantity", "money") and written


def _before_suffix(text: str, start: int, end: int) -> int:
    """Where the mention ``text[start:end]`` ends less a qualifier written after its unit
    (1200名以上 -> after 名)."""
    if text[end - 1:end] not in _SUFFIX_LAST:
        return end  # (most mentions: no qualifier after the unit)
    for w in _SUFFIXES:
        if text.endswith(w, start, end):
            return end - len(w)
    return end


def _noun_after(text: str, end: int, token_starts: Container[int],
                keep_first: bool = False) -> str | None:
    """The noun that starts at ``end`` (after 等/的/了): at most _NOUN_TOKENS whole tokens
    and _NOUN_MAX characters, up to an adverb (全部, 基本), a name in quotation marks
    (“春风行动”招聘会) counted as one; a single character only for a kind of place (54个县)."""
    i = end
    while i < len(text) and text[i] in _SKIP_BEFORE_NOUN:
        i += 1  # 等单位, 了基地
    quoted = ""
    if text.startswith("“", i):
        close = text.find("”", i + 1, i + 2 + _NOUN_MAX)
        if close < 0 or len(_CJK.findall(text, i, close)) < 2:
            return None
        quoted, i = text[i:close + 1], close + 1
    limit = _noun_limit(text, i, token_starts)
    k, tokens, last = i + 1, 1, None
    while k <= limit:  # at most _NOUN_TOKENS tokens and _NOUN_MAX characters, whole tokens
        if k == limit or k in token_starts:
            if k - i > _NOUN_MAX and last is not None:
                k = last
                break
            last, tokens = k, tokens + 1
            if k == limit or tokens > _NOUN_TOKENS:
                break
        k += 1
    if not keep_first and k < limit:
        k = _whole_noun(text, i, k, limit, token_starts)
    noun = _before_verb(text, i, min(k, limit), token_starts) if keep_first else \
        _without_verbs(text, i, min(k, limit), token_starts)
    if quoted:
        return None if noun.startswith(_NOT_NOUN) else quoted + noun
    if len(noun) == 1 and noun in PLACE_NOUNS:
        return noun
    if not 2 <= len(noun) or not _CJK.match(noun) or noun.startswith(_NOT_NOUN):
        return None
    return noun


def _whole_noun(text: str, i: int, k: int, limit: int, token_starts: Container[int]) -> int:
    """The end of a noun cut at ``k`` by the window of _NOUN_TOKENS tokens and _NOUN_MAX
    characters, when the window holds no verb, adverb or preposition (中心设立消费, 企业按照)
    and words that are none go on to its stop or such a word within _NOUN_LONG characters:
    a noun's head stands last (8个省级现代农业产业学院 -> the 学院, not 省级现代农业产业);
    else ``k``."""
    verbs, p = word_list("verbs"), _token_from(i + 1, k, token_starts)
    while p < limit:
        q = _token_from(p + 1, limit, token_starts)
        word = text[p:q]
        if word in verbs or word in _ADVERBS or word in _PARTICLES or word in _BY:
            return p if p > k else k
        if q - i > _NOUN_LONG:
            return k
        p = q
    return limit


_WORD_STOPS = frozenset("上下近约")  # stops (5万人以上, 上下, 约) that also begin words (上海, 上市, 约束性)
_WORD_CHARS = _WORD_STOPS | _INSIDE_NOUNS  # the stops that may be part of a noun


def _begins_word(text: str, p: int, token_starts: Container[int]) -> bool:
    """Whether the stop character at ``p`` begins a noun of several characters (上海, 上市,
    近郊), not a qualifier (上下) or a verb (下调, 上涨)."""
    if text[p] not in _WORD_STOPS or p not in token_starts or p + 1 in token_starts or \
            p + 1 >= len(text):
        return False
    k = _token_from(p + 2, len(text), token_starts)
    return text[p:k] != "上下" and text[p:k] not in word_list("verbs")


_MAY_END_INSIDE = re.compile(r"[\u4e00-\u9fff](?<!的)")  # (digits, marks and 的 are words of their own)


def _inside_word(text: str, p: int, token_starts: Container[int]) -> bool:
    """Whether the stop character at ``p`` is inside a noun (人均, 成都, 线上, 高等), not a
    word of its own (function words inside a word, 可以, 参与, stop still)."""
    return text[p] in _INSIDE_NOUNS and bool(token_starts) and p not in token_starts


def _noun_limit(text: str, i: int, token_starts: Container[int]) -> int:
    """Where a noun starting at ``i`` must end: at a stop character (的, 和, 、, a digit …) or
    before an adverb after its first character (759所受灾学校全部如期开学: 受灾学校), an adverb
    of one character only where it is a word of its own (对, not 对口)."""
    stop = _NOUN_STOP.search(text, i)
    while stop is not None and stop.group() in _WORD_CHARS and (
            _begins_word(text, stop.start(), token_starts) or
            _inside_word(text, stop.start(), token_starts)):
        stop = _NOUN_STOP.search(text, stop.start() + 1)  # (156家上海企业, 1万户脱贫户人均…)
    limit = stop.start() if stop else len(text)
    if stop is not None and limit > i and _MAY_END_INSIDE.match(text, limit) and token_starts:
        limit = _token_back(limit, i, token_starts)  # (a stop inside a word ends the noun
        #                                                before the word: 志愿者参与 -> 志愿者)
    adverb = _ADVERB.search(text, i + 1, limit)
    while adverb is not None and not (adverb.start() in token_starts and (
            adverb.end() - adverb.start() > 1 or adverb.end() in token_starts)):
        adverb = _ADVERB.search(text, adverb.start() + 1, limit)
    return adverb.start() if adverb is not None else limit


def _before_verb(text: str, i: int, k: int, token_starts: Container[int]) -> str:
    """``text[i:k]`` up to its first verb after its first word (the noun a share after 的
    counts: 62%的公园实现无界融通 -> 公园; 6.5%左右的增速可以… -> 增速, though jieba calls 增速 a
    verb)."""
    verbs, p = word_list("verbs"), _token_from(i + 1, k, token_starts)
    while p < k:
        q = _token_from(p + 1, k, token_starts)
        word = text[p:q]
        if word in verbs or word in _ADVERBS or word in _SPAN_VERB or word in _BARE_WORDS:
            break
        p = q
    return text[i:p]


def _without_verbs(text: str, i: int, k: int, token_starts: Container[int]) -> str:
    """``text[i:k]`` less the verbs, adverbs and particles it ends with, whole tokens after
    its first (志愿者奔波 -> 志愿者, 村庄基本 -> 村庄); "" when no more than a verb stays of
    several tokens (作出批示指示: no noun). jieba's dictionary says which words are verbs
    (``data/verbs.txt``)."""
    verbs, cut = word_list("verbs"), False
    while True:
        p = _token_back(k - 1, i, token_starts)
        last = text[p:k]
        if p <= i:
            return "" if last in verbs else last
        if (last not in verbs and last not in _ADVERBS and last not in _PARTICLES and
                last not in _BY) or (last in _NOUN_HEADS and not cut):  # (社会组织: no verb after 社会)
            return text[i:k]
        k, cut = p, True


def _verb_before(text: str, start: int, left: str, token_starts: Container[int]) -> str:
    """The last word before the number (skipping 了/过), when it can be a verb."""
    lo = start - len(left)
    k = start
    while k > lo and text[k - 1] in _PARTICLES:
        k -= 1
    j = _token_back(k - 1, lo, token_starts)
    verb = text[j:k] if left and j >= lo else ""
    if not (2 <= len(verb) <= 3 and _CJK.match(verb)) or text[j - 1:j] == "、" or \
            verb in _EXISTS or _WHOLE.match(verb):
        return ""  # (尚有18个项目: a verb of being there names nothing; 对全市3.6万名: no verb)
    return verb


def _verb_opening_list(text: str, start: int, left: str, token_starts: Container[int]) -> str:
    """The verb a clause opens with when examples of what is counted stand between it and
    the number (召开市领导小组会、市委常委会等10多次会议 -> 召开; 制定实施《…》《…》等10余个
    文件 -> 制定实施): its first word when it is a verb (``verbs``), with the second when
    that is one too and a name in brackets or quotes follows (not 出台通用人工智能、…等), and
    the words before the number end with 等 after a list (、, 《》, “”); else ""."""
    if not left.endswith("等"):
        return ""
    verbs, k, words = word_list("verbs"), start - len(left), ""
    for _ in range(2):
        j = _token_from(k + 1, start, token_starts)
        if text[k:j] not in verbs or words and text[j:j + 1] not in "《“":
            break
        words, k = words + text[k:j], j
    return words if words and any(ch in text[k:start - 1] for ch in "、》”") else ""


def benefited(text: str, start: int, indicator: str, token_starts: Container[int]) -> str:
    """An indicator that is only a verb of benefiting (受益, 惠及) takes the programme the
    clause before names (加大学生资助力度，4.3亿人次受益 -> 学生资助受益); else as it is."""
    if indicator not in _BENEFIT:
        return indicator
    k = _clause_start(text, start)  # the figure's clause; the clause before ends at k - 1
    if k == 0 or text[k - 1] not in "，,；;":
        return indicator
    j = _clause_start(text, k - 1)
    before = _GENERIC_END.sub("", _without_state(text[j:k - 1]))
    end = j + len(before)
    seg = text[_token_from(max(j, end - _PROGRAMME_MAX), end, token_starts):end]
    if seg.endswith("”") and "“" in seg:
        seg = seg[seg.rindex("“"):]  # a quoted name whole (…老人“三项补贴”)
    programme = _trim(seg) if len(before) >= 2 else ""
    if len(_CJK.findall(programme)) < 2 or any(ch.isdigit() for ch in text[j:k]):
        return indicator  # (人均增加1680元，5700多万人受益: a figure's clause names no programme)
    return programme + indicator


def _without_state(clause: str) -> str:
    """A programme's clause less what is said of its generic word after it (大病保险制度基本
    建立 -> 大病保险制度: two to four characters ending with a verb after 制度, 政策, …)."""
    for m in _GENERIC.finditer(clause, max(0, len(clause) - 6 - _STATE_MAX)):
        rest = clause[m.end():]
        if 2 <= len(rest) <= _STATE_MAX and rest[-2:] in word_list("verbs"):
            return clause[:m.end()]
    return clause


_GENERIC = re.compile(alternation(_C["generic_end"]))
_STATE_MAX = 4  # (基本建立, 全面推开, 不断完善)


def respective_events(text: str, end: int, n: int, token_starts: Container[int]) -> list[str] | None:
    """The events of the clause after a list of ``n`` dates that ends at ``end``, one for
    each date in turn, when that clause lists exactly ``n`` (2月5日、3月9日，县委主持召开推进会
    和座谈会 -> 召开推进会, 召开座谈会); None otherwise. The verb of the first item goes
    with every item: the first verb of the first item, or the verb after it when that is a
    leading verb (主持召开); a joiner (、 和 及 与) counts where it is a word of its own."""
    if not _CLAUSE.match(text, end):
        return None
    start = end + 1
    stop = _CLAUSE.search(text, start)
    stop = stop.start() if stop else len(text)
    if any(ch.isdigit() for ch in text[start:stop]):
        return None
    cuts = [p for p in range(start, stop) if text[p] == "、" or (
        text[p] in "和及与" and p in token_starts and p + 1 in token_starts)]
    if len(cuts) != n - 1:
        return None
    bounds = [start, *cuts, stop]
    items = [text[a + (a > start):b] for a, b in zip(bounds, bounds[1:])]
    first, verbs = items[0], word_list("verbs")
    tokens = [(p - start, _token_at(text, p, token_starts))
              for p in range(start, start + len(first)) if p in token_starts]
    k = next((k for k, (_, t) in enumerate(tokens) if t in verbs), None)
    if k is None:
        return None
    while k + 1 < len(tokens) and tokens[k][1] in _LEAD_VERBS and tokens[k + 1][1] in verbs:
        k += 1  # 主持召开: the verb after a leading one
    verb_at, verb = tokens[k]
    out = [first[verb_at:], *(verb + _trim(item) for item in items[1:])]
    if any(len(_CJK.findall(e)) < len(verb) + 2 for e in out):
        return None
    return [e[:MAX_LEN] for e in out]


def _token_at(text: str, p: int, token_starts: Container[int]) -> str:
    return text[p:_token_from(p + 1, len(text), token_starts)]


_LIST_HEADS = tuple(sorted(_C["list_heads"], key=len, reverse=True))


def _share_last_head(items: list[str]) -> list[str]:
    """Items before a last one that ends with the head of a statistic, none of them ending
    with one, take that head (装备制造业、食品工业增加值 -> 装备制造业增加值, 食品工业增加值); the
    items as they are otherwise."""
    head = next((h for h in _LIST_HEADS if items[-1].endswith(h) and len(items[-1]) > len(h)), None)
    if head is None or any(i.endswith(_LIST_HEADS) or i.endswith(_PLACE_KINDS) for i in items[:-1]):
        return items  # (places share the whole statistic: 黔南州、黔东南州茶叶产量)
    return [i + head for i in items[:-1]] + [items[-1]]


def _share_first_head(items: list[str], start: int, token_starts: Container[int]) -> list[str]:
    """Items after a first one whose words before its last word qualify them all
    (单位国内生产总值用水量、能耗、二氧化碳排放量: 单位国内生产总值能耗, …), that first item
    starting at ``start`` in the text ``token_starts`` index; the items as they are when its
    last word leaves fewer than two characters before it."""
    first = items[0]
    head = first[:_token_back(start + len(first) - 1, start, token_starts) - start]
    if len(head) < 2:
        return items
    return [first] + [head + i for i in items[1:]]


def _splits_words(start: int, n: int, token_starts: Container[int]) -> bool:
    """Whether ``n`` characters after ``start`` a word starts, or a word of two parts of two
    characters or more each is cut (农村|居民 of 农村居民; not 服务|业 of 服务业)."""
    at = start + n
    if at in token_starts:
        return True
    first = _token_back(at - 1, start, token_starts)
    return at - first >= 2 and _token_from(at, at + 2, token_starts) - at >= 2


_BOUND = frozenset(table("indicator")["trim"]["bound_suffixes"])
_SCALE_ENDS = tuple(table("indicator")["trim"]["scale_ends"])


def _word_before(text: str, lo: int, at: int, token_starts: Container[int]) -> int | None:
    """The start of the word of one or two characters that ends at ``at`` (not before
    ``lo``), else None."""
    return next((j for j in (at - 1, at - 2) if j >= lo and j in token_starts), None)


def _token_from(pos: int, stop: int, token_starts: Container[int]) -> int:
    """The first token start at or after ``pos``, ``stop`` when none comes before it."""
    while pos < stop and pos not in token_starts:
        pos += 1
    return pos


def _token_back(pos: int, lo: int, token_starts: Container[int]) -> int:
    """The last token start at or before ``pos``, ``lo`` when none comes after it."""
    while pos > lo and pos not in token_starts:
        pos -= 1
    return pos


def _clause_start(text: str, pos: int, lo: int = 0) -> int:
    """Where the clause holding ``pos`` starts (after the last clause mark before it), not
    before ``lo``."""
    while pos > lo:
        mark = _LAST_MARK.match(text, lo, pos)
        if mark is None:
            return lo
        pos = mark.end()  # (right after the mark)
        if text[pos - 1] in "）)" and (
                (m := _NAME_BRACKET.search(text, max(lo, pos - _NAME_MAX), pos)) and m.end() == pos
                or (m := _NOTE_BRACKET.search(text, max(lo, pos - _NOTE_MAX - 3), pos)) and m.end() == pos) \
                and pos < len(text) and _CJK.match(text, pos):
            pos = m.start()  # (每千人口执业（助理）医师数: a bracket inside a name; 固定资产投资
            #                   （不含农户）同比下降: a note on it)
        else:
            break
    return pos


# the last clause mark of a text's part (text[lo:pos], matched from lo: the greedy .* runs to
# pos and steps back to the mark, in C rather than a loop over the characters)
_LAST_MARK = re.compile("(?s).*[" + re.escape("".join(sorted(_CLAUSE_CHARS))) + "]")


# a name in Latin letters, with digits after its first letter: GDP, R&D, PM2.5, PM10
_LATIN_NAME = r"[A-Za-z][A-Za-z&\d.]{1,6}"
_NAME_MAX = 9  # the longest such bracket, with its marks and the character before it
_NAME_BRACKET = re.compile(  # 执业（助理）医师; 居民消费价格（CPI）比上年上涨: an abbreviation
    r"(?<=[\u4e00-\u9fff])[（(](?:[\u4e00-\u9fff]{1,%d}|%s)[）)]" % (_NAME_PART, _LATIN_NAME))
_NOTE_MAX = 10  # a note in brackets inside a phrase (（不含农户）) is at most this long
_NOTE_BRACKET = re.compile(  # 固定资产投资（不含农户）同比下降: a note on what is counted
    r"(?<=[\u4e00-\u9fff])[（(](?:%s)[^（）()，,。；;\d]{1,%d}[）)]" % ("|".join(_NOTE), _NOTE_MAX))
_ABBREVIATION = re.compile(r"[（(](?:%s|下同|(?:%s)[^（）()，,。；;\d]{1,%d})[）)]"
                           % (_LATIN_NAME, "|".join(_NOTE), _NOTE_MAX))  # (GDP), （CPI）, （下同）, （不含农户）:
# no part of the name
_LIST = re.compile(r"[、和与及]")
_ORDINALS = re.compile(r"(.{0,4}?)([一二三]{2,3})(产(?:业)?(?:增加值|投资|比重)?.*)")


def _subject_and_verb(phrase: str, run: bool) -> tuple[str, str] | None:
    """(the items, the words after them) of a phrase of respective figures: around 分别, or
    before a change word alone when the figure starts a run; a 年均 moves to the verb."""
    subject, sep, verb = phrase.partition("分别")
    if not sep:
        m = _CHANGE_TAIL.search(phrase) if run else None
        if m is None or not _LIST.search(phrase, 0, m.start()):
            return None
        subject, verb = phrase[:m.start()], m.group()
    verb = _BASE_WORDS.sub("", verb)  # 分别比2019年下降: the base is not part of the indicator
    if subject.endswith("年均"):
        subject, verb = subject[:-2], "年均" + verb
    return subject, verb
_PLAN_PERIOD = r"“?十[一二三四五六]五”?(?:时期|期间|期末)?"
_BASE_WORDS = re.compile(r"(?:比|较|同)\s*(?:\d{4}\s*年|上年|去年|上年同期|去年同期|%s)(?:同期)?"
                         % _PLAN_PERIOD)
_LEADING_TIME = re.compile(r"^(?:%s|(?:19|20)\d\d年(?:底|末)?)" % _PLAN_PERIOD)


def split_respectively(phrase: str, base: int = 0, token_starts: Container[int] = (),
                       run: bool = False) -> list[str] | None:
    """``A、B分别增长`` -> [``A增长``, ``B增长``]: one indicator a figure of the run after 分别,
    or (``run``: the figure starts a run of figures joined by 和 or 、) after a change word
    alone (A和B实际增长X和Y); items as short as each other before a longer last one share its
    head (城镇、农村居民收入 -> 城镇居民收入, 农村居民收入) where its words part there
    (``_splits_words``; ``base``: the phrase's offset in the text ``token_starts`` index);
    一二三产增加值 lists three. None unless every item names something (three characters or
    more)."""
    parts = _subject_and_verb(phrase, run)
    if parts is None:
        return None
    subject, verb = parts
    items = [_trim(_LEADING_TIME.sub("", i)) for i in _LIST.split(subject) if i]
    if len(items) == 1 and (m := _ORDINALS.fullmatch(items[0])):  # 一二三产增加值
        items = [m.group(1) + n + m.group(3) for n in m.group(2)]
    if len(items) < 2:
        return None
    short = {len(i) for i in items[:-1]}
    if len(short) == 1 and (n := short.pop()) <= 4 and len(items[-1]) - n >= 2 and \
            (n < 3 or all(i.endswith(_PLACE_KINDS) or i.endswith(_MODIFIER_ENDS)
                          for i in items[:-1])) and \
            (n == 1 or _splits_words(base + subject.rfind(items[-1]), n, token_starts)):
        # 城镇、农村居民收入 / 一产、二产、三产增加值 / 遵义市、毕节市完成率: the short items
        # (of three characters or four only places or kinds: 急难型) share the last one's head
        head = items[-1][n:]
        items = [i + head for i in items[:-1]] + [items[-1]]
    elif any(len(i) < 3 for i in items[1:]):  # 单位国内生产总值用水量、能耗、二氧化碳排放量:
        items = _share_first_head(items, base + subject.find(items[0]), token_starts)
    else:
        items = _share_last_head(items)
    if any(len(i) < 3 for i in items):
        return None
    return [_trim(with_verb(i, verb)) for i in items]  # (分别为: no 为)
