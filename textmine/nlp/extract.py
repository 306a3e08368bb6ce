"""Document -> Claim records. The number expressions are found first, on each sentence's raw
text; only a sentence that holds a claim is cut into words (jieba, as spaCy's ``zh``
tokenizer cuts it: ``segmenter``), and only when its indicator or the classifier asks for
them. Each claim span becomes a contract record with its indicator, provenance (page, bbox)
and year source."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import Iterator

from ..parse.dates import document_month
from ..parse import qualifiers as Q
from ..parse.numbers import NumberMention, find_numbers
from ..parse.tables import alternation, table
from ..types import Claim, Document, Sentence
from .cells import cell_claims
from .claims import days_of_month, of_the_same_year, select_claims
from .indicator import (PLACE_NOUNS, STANDARD, benefited, carried, change_words, concern_after,
                        counted_noun, indicator_for, is_per, names_something, names_statistic,
                        rank_aspect, ranks_alone, respective_events, split_respectively,
                        subject_before, with_verb, without, without_change)
from .segmenter import Segmenter, Tokens
from .sentences import bbox_of as _bbox, ocr_fields, split_document


def claim_mentions(text: str, year: int | None, month: int | None = None
                   ) -> list[NumberMention]:
    """The number expressions of a sentence that are claims, in order (no segmentation);
    ``year`` and ``month``: the document's, for dates written without them."""
    n = len(text)
    found = [m for m in select_claims(text, find_numbers(text, year, month))
             if 0 <= m.start < n and 0 < m.end <= n]
    return _with_structures(text, found) if any(c in text for c in _RATIO_COLONS) else found


_STRUCTURE = table("indicator")["structure"]
_SHARE_NUMBER = r"\d{1,2}(?:\.\d{1,2})?"  # (a share of a structure: 18.8)
_SHARES = re.compile(rf"(?<![\d.:∶])({_SHARE_NUMBER})(?:[:∶]({_SHARE_NUMBER})){{2,3}}(?![\d.:∶])")
_SHARE = re.compile(_SHARE_NUMBER)
_SHARE_BEFORE = re.compile(_SHARE_NUMBER + "$")
_RATIO_COLONS = (":", "∶")  # (a tuple: "" is in no tuple, as it is in every string)


_STRUCTURE_NAME = re.compile(f"[\\u4e00-\\u9fff]{{1,8}}(?:{'|'.join(_STRUCTURE['words'])})")


def _structure_name(text: str, m: NumberMention) -> str:
    """What a share of a structure written with ratio colons is a part of (三次产业结构), the
    last structure its sentence names before it; "" for other figures."""
    if m.kind != "percent" or m.unit_written or not (
            text[m.end:m.end + 1] in _RATIO_COLONS or text[m.start - 1:m.start] in _RATIO_COLONS):
        return ""
    names = list(_STRUCTURE_NAME.finditer(text, 0, m.start))
    if not names:
        return ""
    name, place, j = names[-1].group(), 0, m.start  # (its place: the shares before it)
    while j > 0 and text[j - 1] in _RATIO_COLONS and (
            share := _SHARE_BEFORE.search(text, 0, j - 1)) is not None:
        place, j = place + 1, share.start()
    parts = next((v for k, v in _STRUCTURE["parts"].items() if name.endswith(k)), None)
    return parts[place] if parts and place < len(parts) else f"{name}第{place + 1}项"


def _with_structures(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """``found`` with the parts of a structure written as shares joined by ratio colons
    (三次产业结构由上年的17.3:27.6:55.1调整为18.8:26.0:55.2): each a percent of the whole, when
    the words before it name a structure and the parts add up to about 100 (no claim else)."""
    parts: list[NumberMention] = []
    window = _STRUCTURE["window"]
    for m in _SHARES.finditer(text):
        before = text[max(0, m.start() - window):m.start()]
        shares = list(_SHARE.finditer(text, m.start(), m.end()))
        named = any(w in before for w in _STRUCTURE["words"]) or \
            bool(parts) and m.start() - parts[-1].end <= window  # (…调整为18.8:26.0:55.2)
        if not named or abs(sum(Decimal(x.group()) for x in shares) - 100) > 1:
            continue
        parts += [NumberMention(x.start(), x.end(), x.group(), "percent", Decimal(x.group()), "%",
                                "exact", Decimal(x.group()), Decimal(x.group()), unit_written=False,
                                number_start=x.start()) for x in shares]
    if not parts:
        return found
    taken = [(p.start, p.end) for p in parts]
    kept = [m for m in found if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(kept + parts, key=lambda m: m.start)


def sentence_claims(doc: Document, segmenter: Segmenter, sentences: list[Sentence] | None = None
                    ) -> Iterator[tuple[Tokens, list[Claim]]]:
    """Per sentence with claims: its tokens (cut when first asked for: the indicator may,
    the classifier reads them) and its claims. ``sentences``: a part of
    ``split_document(doc)`` (default: all of it); ``doc`` then only lends its id and year,
    and boxes are left to ``fill_boxes`` when it has no blocks."""
    if sentences is None:
        sentences = split_document(doc)
    def box(sent: Sentence, a: int, b: int):
        return _bbox(doc, sent, a, b) if doc.blocks else None

    year, month = doc.year, _reference_month(doc)
    # the claims' numbers first, then the sentences that hold them (most sentences hold none:
    # they are never cut); the segmenter told how much text it is to cut
    found_in = [(sent, None if sent.cell is not None else claim_mentions(sent.text, year, month))
                for sent in sentences]
    found_in = _dated_days(found_in, f"{year}-{month:02d}" if year and month else None)
    segmenter.expect(sum(len(sent.text) for sent, mentions in found_in if mentions))
    for sent, mentions in found_in:
        if sent.cell is not None:  # a table cell: its headers say what it measures
            found = _cell_changes(cell_claims(doc, sent, box))
            tokens = segmenter.tokens(sent.text) if found else None
        else:
            if not mentions:
                continue  # (most sentences: no tokens made)
            tokens = segmenter.tokens(sent.text)  # nothing is cut until asked for
            found = _claims(doc, sent, mentions, tokens, box)
        if found:
            yield tokens, found


def _claims(doc: Document, sent: Sentence, mentions: list[NumberMention], token_starts,
            box) -> list[Claim]:
    claims: list[Claim] = []
    prev_end = 0
    first = prev = None  # (the first mention of the list the last one is in, and the last)
    for m in _points_listed(sent.text, mentions):
        first = m if prev is None or not _next_item(sent.text, prev, m) else first
        m, prev = _rank_move(sent.text, _shared_bound(sent.text, first, prev, m)), m
        indicator = _structure_name(sent.text, m) or \
            _indicator(sent.text, m, prev_end, claims, token_starts)
        change = _change(sent.text, m.start) or _reduced(indicator, m.kind)
        if claims and not sent.text[prev_end:m.start].strip(_JOINERS):
            change = claims[-1].change  # 分别下降3.14%和4.66%
        if change == "increase" and isinstance(m.value, Decimal) and m.value < 0:
            m, change = _negated(m), "decrease"  # (增长-6.8%: a fall of 6.8%, docs/claims.md)
        if m.kind == "money" and m.per is None:
            m = _per_of(sent.text, m, indicator, claims[-1] if claims else None)
        prev_end = m.end
        year_source = None
        if m.kind == "date":
            year_source = "written" if m.year_written else f"document:{doc.year_source}"
        claims.append(Claim(
            doc=doc.doc_id, page=sent.page, sentence=sent.text, start=m.start, end=m.end,
            text=sent.text[m.start:m.end], kind=m.kind, value=m.value, unit=m.unit,
            qualifier=m.qualifier, lower=m.lower, upper=m.upper, indicator=indicator,
            per=m.per, currency=m.currency, change=change,
            bbox=box(sent, m.start, m.end),
            sentence_index=sent.index,
            section=sent.section, year_source=year_source, optional=m.optional,
            **ocr_fields(sent, m.start, m.end)))
    kinds = [c.kind for c in claims]  # (each pass below needs two claims of its kind)
    if kinds.count("date") > 1:
        _dates_respectively(sent.text, claims, token_starts)
    if kinds.count("rank") > 1:
        _ranks_respectively(sent.text, claims)
    return claims


@cache
def _per_pattern() -> re.Pattern:
    t = table("units")["per"]
    return re.compile(f"每(?P<head>{alternation(t['before_heads'])})(?:每(?P<time>{alternation(t['before_times'])}))?"
                      f"[^，,。；;：:\\d每]{{0,{t['before_gap']}}}$")


_SPAN_TO = re.compile(r"(?:提高|增加|上调|调整|提升)(?:到|至|为)")
_LIST_JOINS = ("和", "、", "及", "与")  # (the next item of a list, of the same standard)


_R = table("grammar")["rank"]
_MOVES, _MOVE_UNITS, _MOVE_CONTEXT = tuple(_R["moves"]), _R["move_units"], tuple(_R["move_context"])


def _rank_move(text: str, m: NumberMention) -> NumberMention:
    """``m`` as a rank when it counts places moved in a ranking (襄阳市排名上升3位，孝感市上升
    2位; 居第3位，比上年前移2位: 2 位, its change the verb's); else ``m``."""
    if m.kind != "count" or m.unit not in _MOVE_UNITS or not text.endswith(_MOVES, 0, m.start) \
            or not any(w in text[:m.start] for w in _MOVE_CONTEXT):
        return m
    return replace(m, kind="rank")


_POINTS = "个百分点"  # (the unit percentage points are given in: units.toml)


def _points_listed(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """``mentions`` with the items of a list of percentage points written with 个 alone before
    the last (分别提高2.1个、0.6个和3.4个百分点: 2.1 and 0.6 percentage points too, not counts)."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        m, nxt = out[i], out[i + 1]
        if m.kind == "count" and text.endswith("个", 0, m.end) and nxt.kind == "percent" and \
                nxt.unit == _POINTS and text[m.end:nxt.start] in _LIST_JOINS:
            out[i] = replace(m, kind="percent", unit=_POINTS)
    return out


def _next_item(text: str, prev: NumberMention, m: NumberMention) -> bool:
    """Whether ``m`` is the next item of a list after ``prev``: only a joiner between them
    (700元和520元), or, for counts, the noun counted and a joiner (10个县、200个项目)."""
    between = text[prev.end:m.start]
    return between in _LIST_JOINS or \
        prev.kind == m.kind == "count" and _COUNTED_JOIN.fullmatch(between) is not None


def _shared_bound(text: str, first: NumberMention, prev: NumberMention | None,
                  m: NumberMention) -> NumberMention:
    """``m``, an item after the first of a list after 分别 whose first item a bound word
    written before it bounds (分别突破30亿元和20亿元, 分别不低于500元和300元, 分别约占三成和两成),
    bounded by it too when it has no bound of its own; so too an item of a list of counts
    whose first a floor or a ceiling bounds (抽查不少于10个县、200个项目和1000户); else ``m``."""
    if prev is None or first is m or m.qualifier != "exact" or prev.kind != m.kind or \
            first.qualifier in ("exact", "range") or not isinstance(m.value, Decimal):
        return m
    before = text[max(0, first.start - 6):first.start]
    written = first.number_start > first.start or \
        Q.phrase_bound_before(text, first.start) is not None
    counts = m.kind == "count" and first.qualifier in ("at_least", "at_most") and \
        first.number_start > first.start
    if not written or not counts and (
            "分别" not in before or _BOUND_GAP.search(before, before.rindex("分别"))):
        return m  # (a bound after the number, 30亿元以上, is that number's own)
    lo, hi = Q.bounds(Q.Rule(first.qualifier), m.value)
    return replace(m, qualifier=first.qualifier, lower=lo, upper=hi)


_BOUND_GAP = re.compile(r"[，,；;：:。\d]")  # (分别 and the bound in one clause, nothing counted between)
_COUNTED_JOIN = re.compile(r"[\u4e00-\u9fff]{1,4}[、和及]")  # (10个县、200个项目: a noun, a joiner)


def _per_of(text: str, m: NumberMention, indicator: str, prev: Claim | None) -> NumberMention:
    """``m`` (money) with the unit it is per when its words say so before it: written after
    每 (``_per_before``), a standard per head (医保人均财政补助标准X元: per 人, as the
    excerpt's annotation has it), the end of a span whose start has one (由每人每月143元
    提高到163元) or the next item of a list after one (分别提高到每人每月700元和520元); else
    ``m``."""
    if "每" in text[max(0, m.start - 12):m.start]:
        m = _per_before(text, m)
    if m.per is None and "人均" in indicator and "标准" in indicator:
        m = replace(m, per="人")
    if m.per is None and prev is not None and prev.per and prev.kind == "money" and (
            _SPAN_TO.fullmatch(text, prev.end, m.start) or
            text[prev.end:m.start] in _LIST_JOINS):  # (分别提高到每人每月700元和520元)
        m = replace(m, per=prev.per)
    return m


def _per_before(text: str, m: NumberMention) -> NumberMention:
    """``m`` with the unit written before it as ``per`` (每人每年6216元 -> 人•年), else ``m``."""
    found = _per_pattern().search(text, max(0, m.start - 12), m.start)
    if found is None:
        return m
    time = found.group("time")
    return replace(m, per=found.group("head") + ("•" + time if time else ""))


def _negated(m: NumberMention) -> NumberMention:
    """``m`` with its value and bounds of the other sign (the direction of a change is no
    part of the value)."""
    return replace(m, value=-m.value, lower=None if m.upper is None else -m.upper,
                   upper=None if m.lower is None else -m.lower)


def _runs(text: str, claims: list[Claim], kind: str) -> list[tuple[int, int, bool]]:
    """The runs of claims joined by joiners only, each all of ``kind`` or all of other kinds
    (3月12日、4月20日; 第二、第七; 6%、5.2%和5.2%), as (first, last, of ``kind``)."""
    runs, i = [], 0
    while i < len(claims):
        j, of_kind = i, claims[i].kind == kind
        while j + 1 < len(claims) and (claims[j + 1].kind == kind) == of_kind and \
                not text[claims[j].end:claims[j + 1].start].strip(_JOINERS):
            j += 1
        runs.append((i, j, of_kind))
        i = j + 1
    return runs


def _ranks_respectively(text: str, claims: list[Claim]) -> None:
    """一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九: a run of ranks after
    分别 and a ranking verb alone ranks, in turn, the figures of the run before it."""
    runs = _runs(text, claims, "rank")
    for (a, b, prev_ranked), (c, d, ranked) in zip(runs, runs[1:]):
        ranks, figures = claims[c:d + 1], claims[a:b + 1]
        if not ranked or prev_ranked or len(ranks) < 2 or len(ranks) != len(figures) or \
                any(f.kind in ("date", "duration") for f in figures):
            continue
        words = text[claims[b].end:ranks[0].start]
        if "分别" not in words or not ranks_alone(words.rpartition("，")[2].replace("分别", "")):
            continue
        for r, f in zip(ranks, figures):
            r.indicator = without_change(f.indicator) or f.indicator


def _dates_respectively(text: str, claims: list[Claim], token_starts) -> None:
    """Each date of a list of dates takes its own event when the clause after the list
    names as many (``respective_events``)."""
    for i, j, dates in _runs(text, claims, "date"):
        if dates and j > i:
            events = respective_events(text, claims[j].end, j - i + 1, token_starts)
            for c, event in zip(claims[i:j + 1], events or ()):
                c.indicator = event


def _dated_days(found_in: list, month: str | None) -> list:
    """The sentences' mentions with days written without their month read as dates of the
    news they are in (``days_of_month``: 记者3日从…获悉 after 新华社北京1月17日电), in order."""
    out, year = [], None
    for sent, mentions in found_in:
        if mentions and "日" in sent.text:
            mentions, month = days_of_month(sent.text, mentions, month)
        if mentions and "年" in sent.text:  # (同年11月: of the year written before it)
            mentions, year = of_the_same_year(sent.text, mentions, year)
        out.append((sent, mentions))
    return out


def _reference_month(doc: Document) -> int | None:
    """The document's month for relative dates (上个月): from its issue date, or a header's
    ``publish_date``/``date``, when that falls in the document's year."""
    header = doc.metadata.get("header") or {}
    date = doc.issue_date or header.get("publish_date") or header.get("date")
    return document_month(doc.year, date)


_JOINERS = " 、和及与:∶"  # (∶ between the shares of a structure, 17.3∶27.6∶55.1)
# a figure converted into another unit in brackets after it (238万亩（合15.9万公顷）): the same
# statistic
_CONVERTED = frozenset(b + w for b in "（(" for w in ("合", "折合", "约合", "即"))
# a multiple's words that only name a time (是“十三五”时期的, 是上一个五年的: 十三五时期, 上一个;
# 较“十三五”末翻了一番: the base)
_TIME_ONLY = re.compile(f"(?:比|较)?[“”\"]*(?:{'|'.join(map(re.escape, table('indicator')['ratio']['time_only']))})"
                        f"[“”\"]*(?:时期|期间)?末?的?")
_TIME_TAIL = re.compile(f"(?:是|为)?(?:{_TIME_ONLY.pattern})$")  # (研发经费投入是“十三五”时期的)


def _indicator(text: str, m, prev_end: int, claims: list[Claim], token_starts) -> str:
    """What the mention measures: the words before it, or the counted noun after it; else
    shared with the figure before it when only a joiner stands between (1300多种8.2亿余元,
    分别增长3.9%和5.7%), carried from it across 从X增加到Y and 比上年增长."""
    prev = claims[-1] if claims else None
    compared = _compared_with(text, m, claims)
    if compared is not None:  # (与2010年…的65683722人相比: the compared figure's statistic)
        return compared.indicator
    if _joined(text, prev, prev_end, m.start):
        # (四级258个就业服务部门: a figure with its own counted noun after it does not share)
        return counted_noun(text, m.start, m.end, m.kind, m.unit, m.unit_written, "",
                            token_starts) or _respectively(text, claims, token_starts, m.end) \
            or prev.indicator
    time = prev is not None and prev.kind in ("date", "duration") and \
        not _CLAUSE_END.search(text, prev.end, m.start)
    if time and (listed := _after_listed_dates(text, m, claims, token_starts)):
        return listed
    if time:
        # 资产总额比2002年增长X, 支出五年累计Y: a time word in the clause is not what is
        # measured; the words before it are
        claims = claims[:-1]
        prev_end = claims[-1].end if claims else 0
    indicator = indicator_for(text, m.start, m.end, m.kind, prev_end, token_starts)
    words = _clause_words(text, m.start, prev_end)
    items = split_respectively(words, m.start - len(words), token_starts,
                               run=_RUN_NEXT.match(text, m.end) is not None)
    if items:
        indicator = items[0]
    if time:
        base = (_DATE_LEAD if prev.kind == "date" else _BASE).search(text, 0, prev.start)
        indicator = without(indicator, text[base.start() if base else prev.start:_time_end(text, prev)])
        if prev.indicator != indicator and prev.indicator.endswith(indicator) and \
                text.find(prev.indicator, max(0, prev.start - len(prev.indicator) - 2),
                          prev.start) >= 0:
            indicator = prev.indicator  # (收入由2014年的X: the date's words before it, whole,
            #                              where the length cut took the head of the figure's)
    noun = _noun_and_concern(text, m, indicator, text[prev_end:m.start], token_starts)
    if noun:
        return noun
    subject = _subject_before(claims, m.kind, rate=m.unit == "%" and bool(_change(text, m.start)))
    if subject is not None:
        indicator = carried(text, subject, m.start, indicator)
    if m.kind == "duration" or time:  # (用两年时间完成: 完成, not 用时间完成)
        indicator = _unframed(indicator, m.kind == "duration")
    indicator = _item_of(text, m, indicator, claims)
    return benefited(text, m.start, _named(text, m, indicator, claims, token_starts), token_starts)


def _noun_and_concern(text: str, m, indicator: str, left: str, token_starts) -> str:
    """The counted noun after the figure (with its verb), or "", and after it or after
    ``indicator`` the need or problem of those counted (解决了1.6万人的饮水安全问题 ->
    解决饮水安全问题)."""
    if m.kind == "money" and indicator.endswith(STANDARD) and \
            text.startswith(STANDARD, m.end + (text[m.end:m.end + 1] == "的")):
        return ""  # (按每人每月800元标准发放岗位补贴: the standard of the deed, no noun after it)
    noun = counted_noun(text, m.start, m.end, m.kind, m.unit, m.unit_written, left,
                        token_starts) or ""
    if m.kind == "count" and (concern := concern_after(text, m.end, m.unit, noun)):
        base = noun or indicator
        return base if base.endswith(concern) else base + concern
    return noun


_OF_BRACKETED = ("）的", ")的")


def _time_end(text: str, time: Claim) -> int:
    """Where the words of a time word before a figure end: with 前 or 同期 after it (比五年前,
    是去年同期的)."""
    return next((time.end + len(w) for w in ("前", "同期") if text.startswith(w, time.end)), time.end)


def _joined(text: str, prev: Claim | None, prev_end: int, start: int) -> bool:
    """Whether a figure at ``start`` shares what the figure before it measures: only a joiner
    between them, and that figure no comparison base's year (比2010年翻一番: the date's event,
    翻一番, is no subject)."""
    if prev is not None and text[prev_end:start] in _OF_BRACKETED and prev.start > 0 and \
            text[prev.start - 1] in "（(":
        return True  # (完成年度目标任务（25亿元）的74.8%: a share of what the bracket's figure is)
    if prev is None:
        return False
    between = text[prev_end:start].strip(_JOINERS)
    return (not between or between in _CONVERTED or (prev.per is not None and is_per(between))) \
        and not (prev.kind == "date" and _BASE.search(text, 0, prev.start))  # (每人每月X、每人每年Y)


def _unframed(phrase: str, own: bool) -> str:
    """``phrase`` without what is left of a span of time's frame (用时间, and for the span's
    own phrase 内 at its start: 3年内实现全覆盖 -> 实现全覆盖)."""
    for w in _TIME_FRAME:
        phrase = phrase.replace(w, "")
    if own:
        phrase = phrase[next((len(w) for w in _TIME_FRAME_AFTER if phrase.startswith(w)), 0):]
    return phrase


def _item_of(text: str, m, indicator: str, claims: list[Claim]) -> str:
    """A noun alone after a figure of its kind and 、 is the next object of that figure's
    verb of a deed (淘汰落后炼铁产能X、炼钢产能Y -> 淘汰炼钢产能; 帮助销售…粮食X、牛羊肉Y ->
    销售牛羊肉), unless that verb is part of a statistic's name (新增城镇就业X、农村劳动力转移
    就业Y) or the noun opens with a verb of its own."""
    prev = claims[-1] if claims else None
    if prev is None or prev.kind != m.kind or m.kind not in ("count", "quantity", "money") or \
            text[prev.end:prev.end + 1] != "、" or text[prev.end + 1:m.start].strip() != indicator \
            or not prev.indicator or indicator.startswith(_ITEM_VERBS) or \
            names_statistic(prev.indicator):
        return indicator
    verb = next((v for v in _ITEM_VERBS if v in prev.indicator[:_ITEM_VERB_AT + len(v)]), None)
    return verb + indicator if verb else indicator


def _named(text: str, m, indicator: str, claims: list[Claim], token_starts) -> str:
    """``indicator``, or, when it names nothing, the subject of the clause before (从2015年
    120亿元: 从; 是2015年的1.6倍: nothing; …增长9%，居全州第二: 居全州), with the aspect a rank
    names (增速居全国第5位: the figure before's 增速); a multiple's time base is no part of it
    (研发经费投入是“十三五”时期的1.6倍: 研发经费投入)."""
    if m.kind == "ratio":
        indicator = _TIME_TAIL.sub("", indicator)
    if claims and (total := _total_of_added(text, m, claims[-1])):
        return total
    if indicator in _SIBLINGS and claims and (prev := claims[-1]).indicator.endswith(
            _SIBLINGS[indicator]) and text[prev.end:m.start].lstrip("，,、；;") == indicator:
        # (省级一般公共预算收入X亿元，支出Y亿元: the same subject's other side)
        return prev.indicator[:-len(_SIBLINGS[indicator])] + indicator
    if m.kind != "rank" and (headed := _headed(text, m, indicator, claims, token_starts)):
        return headed
    if not _names_nothing(indicator, m.kind) or _place_item(text, m, indicator):
        return indicator
    aspect = rank_aspect(indicator) if m.kind == "rank" else None
    subject = subject_before(text, m.start, [(c.start, c.kind, c.indicator) for c in claims],
                             token_starts, words=aspect is None)  # (an aspect: of a figure)
    if not subject:
        return indicator
    return subject + aspect if aspect and not subject.endswith(aspect) else subject


def _headed(text: str, m, indicator: str, claims: list[Claim], token_starts) -> str | None:
    """A head that names a statistic only with a subject, with its subject: the figure
    before's after 、, a standard's in the clause before, a streak's; None for no such head."""
    if indicator in _GENERIC_HEADS and claims and \
            text[claims[-1].end:m.start].startswith("、") and claims[-1].indicator:
        # (销售农特产品近千种、金额46.7亿元: the amount of what the figure before counts;
        # 粮食播种面积X、总产量Y: of what the figure before measures, less its own head)
        subject = without_change(claims[-1].indicator)
        head = next((h for h in _MEASURE_HEADS if subject.endswith(h) and
                     names_something(subject[:-len(h)])), "")
        return subject[:len(subject) - len(head)] + indicator
    if m.kind in ("money", "quantity") and indicator in _STANDARD_HEADS:
        subject = subject_before(text, m.start, [], token_starts)  # (助学金，标准为X: of what)
    elif indicator in _GENERIC_HEADS:
        # (油菜连续三年增产，总产量X: 油菜总产量; the subject of a streak, not another
        # statistic's: 茶叶种植面积12万亩，产量Y is no 种植面积产量)
        streaks = [(c.start, c.kind, c.indicator) for c in claims if c.kind == "duration"]
        subject = subject_before(text, m.start, streaks, token_starts, raw=False)
    else:
        return None
    return subject + indicator if subject and not subject.endswith(indicator) else indicator


def _total_of_added(text: str, m, prev: Claim) -> str | None:
    """The stock a total counts after the number added to it in the clause before (新增高新
    技术企业415家，总数达到2380家 -> 高新技术企业总数; 新认定…12家，累计达到86家 -> …企业): the
    figure before's noun less its verb of adding; None where ``m`` is no such total."""
    words = text[prev.end:m.start]
    if m.kind != prev.kind or m.unit != prev.unit or words[:1] not in "，," or \
            words[1:] not in _TOTAL_WORDS or not prev.indicator:
        return None
    noun = prev.indicator
    verb = next((v for v in _NEW_VERBS if noun.startswith(v) or noun.endswith(v)), None)
    if verb is None:
        return None
    noun = noun[len(verb):] if noun.startswith(verb) else noun[:-len(verb)]
    if not names_something(noun):
        return None
    head = next((h for h in _TOTAL_HEADS if words[1:].startswith(h)), "")
    return noun + head


_GENERIC_HEADS = frozenset(table("indicator")["carry"]["generic_heads"])
# (the heads a figure before may end with, longest first: 粮食播种面积X、总产量Y)
_MEASURE_HEADS = sorted((*_GENERIC_HEADS, *table("indicator")["carry"]["measure_heads"]),
                        key=len, reverse=True)
_TIME_FRAME = tuple(table("indicator")["trim"]["time_frame"])
_TIME_FRAME_AFTER = tuple(table("indicator")["trim"]["time_frame_after"])
_STANDARD_HEADS = frozenset(table("indicator")["carry"]["standard_heads"])
_NEW_VERBS = sorted(table("indicator")["carry"]["new_verbs"], key=len, reverse=True)
_TOTAL_WORDS = frozenset(table("indicator")["carry"]["total_words"])
_TOTAL_HEADS = tuple(table("indicator")["carry"]["total_heads"])
_ITEM_VERBS = tuple(table("indicator")["carry"]["item_verbs"])
_ITEM_VERB_AT = 2  # (帮助销售: a verb after a verb of two characters)
_SIBLINGS = {a: b for pair in table("indicator")["carry"]["siblings"] for a, b in (pair, pair[::-1])}


def _place_item(text: str, m, indicator: str) -> bool:
    """Whether ``indicator`` is a kind of place of one character right before a count, an
    item of a list (其中街道459个、镇2016个、乡626个: 乡)."""
    return m.kind == "count" and indicator in PLACE_NOUNS and \
        text[m.start - 2:m.start - 1] in tuple("、，,：:") and text[m.start - 1] == indicator


def _names_nothing(indicator: str, kind: str) -> bool:
    """Whether an indicator names no statistic: too few words, a rank's verb alone (居全州),
    or a multiple's time alone (是“十三五”时期的1.5倍: 十三五时期)."""
    return not names_something(indicator) or \
        (kind == "rank" and (ranks_alone(indicator) or rank_aspect(indicator) is not None)) or \
        (kind == "ratio" and _TIME_ONLY.fullmatch(indicator) is not None)


def _after_listed_dates(text: str, m, claims: list[Claim], token_starts) -> str | None:
    """What the first figure after a list of dates and 分别 measures (全市地区生产总值2024年、
    2025年分别增长X、Y; or one range, 2023年至2025年分别…): the words before the dates and the
    change after them (the figures after it share it); None after a single date, or when
    the words after the dates are not 分别 and a change word."""
    k = len(claims) - 1
    while k > 0 and claims[k - 1].kind == "date" and \
            not text[claims[k - 1].end:claims[k].start].strip(_JOINERS):
        k -= 1
    first = claims[k]
    if k == len(claims) - 1 and first.qualifier != "range":
        return None
    between = text[claims[-1].end:m.start]
    verb = change_words(between)
    if verb is None or "分别" not in between:
        return None
    subject = indicator_for(text, first.start, first.end, m.kind, claims[k - 1].end if k else 0,
                            token_starts)
    return with_verb(subject, verb) if names_something(subject) else None


def _compared_with(text: str, m, claims: list[Claim]) -> Claim | None:
    """The figure a comparison base's value is compared with (全省常住人口为66444864人，与2010年
    第六次全国人口普查的65683722人相比: the first), when ``m`` is such a value: between 与/同
    and 相比 in its clause, after a figure that is no time; else None."""
    if not text.startswith(_BASE_AFTER, m.end):
        return None
    if not _clause_words(text, m.start, 0).startswith(_BASE_BEFORE):
        return None
    return next((c for c in reversed(claims) if c.kind not in ("date", "duration")), None)


def _respectively(text: str, claims: list[Claim], token_starts, end: int) -> str | None:
    """The k-th figure of a run after 分别 takes the k-th subject (化学需氧量、二氧化硫排放量
    分别下降4.2%和6.8%), or, at the run's last figure (``end``: where it ends), the run of
    changes after as many levels takes their subjects in turn (``_levels_in_turn``); None
    when the run has neither."""
    r = len(claims)  # the run: the claims joined to the new one by joiners only
    while r > 1 and not text[claims[r - 2].end:claims[r - 1].start].strip(_JOINERS):
        r -= 1
    first = claims[r - 1]
    j = r - 2  # a comparison base between 分别 and the run (分别比2019年下降X和Y) is no subject
    while j >= 0 and claims[j].kind == "date" and _BASE.search(text[:claims[j].start]):
        j -= 1
    before = claims[j].end if j >= 0 else 0
    words = _clause_words(text, first.start, before)
    items = split_respectively(words, first.start - len(words), token_starts, run=True)
    k = len(claims) - r + 1
    if items:
        return items[k] if k < len(items) else None
    if _RUN_NEXT.match(text, end):
        return None  # (not the run's last figure: how many levels it takes is not known yet)
    return _levels_in_turn(text, claims[:r - 1], claims[r - 1:], words)


def _levels_in_turn(text: str, before: list[Claim], run: list[Claim], words: str) -> str | None:
    """城镇居民人均可支配收入41200元，农村居民人均可支配收入18300元，实际增长5.1%和6.7%: a run of
    changes whose clause is a change word alone, after as many levels, each in a clause of its
    own or all in one clause of their own (城镇、农村居民收入分别为X、Y，分别增长A、B), takes their
    subjects in turn. The figures of the run before the last are given theirs (they were
    read before the run's length was known); the last one's is returned."""
    verb = change_words(words)
    levels = [c for c in before if c.kind not in ("date", "duration")][-(len(run) + 1):]
    if verb is None or len(levels) != len(run) + 1 or any(c.change for c in levels) or \
            not _CLAUSE_END.search(text, levels[-1].end, run[0].start):
        return None
    gaps = [text[a.end:b.start] for a, b in zip(levels, levels[1:])]
    if len({_CLAUSE_END.search(g) is None for g in gaps}) > 1:
        return None
    subjects = [without_change(c.indicator) for c in levels]
    if not all(map(names_something, subjects)):
        return None
    for c, subject in zip(run, subjects):
        c.indicator = with_verb(subject, verb)
    return with_verb(subjects[-1], verb)


def _clause_words(text: str, start: int, prev_end: int) -> str:
    m = _LAST_CLAUSE_END.match(text, prev_end, start)  # (the last clause end before start)
    return text[m.end() if m else prev_end:start]


def _subject_before(claims: list[Claim], kind: str = "", rate: bool = False
                    ) -> tuple[int, int, str, str] | None:
    """The figure a change phrase refers back to: the previous claim, or, after a run of
    changes (比2002年增长X，年均增长Y), the level before them; for an amount (``kind``: the
    new figure's) the last amount (规模465.3万人，完成目标的101.2%，增加12.6万人: not the
    share); for a rate of growth (``rate``: 增长7.2%) not a share of something before it
    (收入X亿元，为预算的101.3%，增长7.2%: the growth is the income's)."""
    amount = kind in ("money", "count", "quantity")
    change = None  # (投入120亿元，比上年增加15亿元，增长14.3%: the level, not its change)
    for c in reversed(claims):
        if c.kind in ("date", "duration") or (amount and c.kind == "percent") or \
                (rate and c.kind == "percent" and not c.change and _share(c)):
            continue  # (an amount is no change of a share, nor is a rate of growth)
        if c.kind in ("money", "count", "quantity"):
            if c.change and change is None:
                change = c
                continue
            if c.change:
                break
            return c.start, c.end, c.kind, c.indicator
        if c.kind != "percent" or not c.change:
            break
    if change is not None:
        return change.start, change.end, change.kind, change.indicator
    c = claims[-1] if claims else None
    return (c.start, c.end, c.kind, c.indicator) if c is not None else None


def _share(c: Claim) -> bool:
    """A percentage of something named before it (为预算的101.3%, 占全省的35%)."""
    return c.unit == "%" and (c.sentence or "")[c.start - 1:c.start] == "的"


_BASE = re.compile(r"(?:比|较|同)(?:前|上一?个?)?$")  # (比前五年, 比上个五年: a time before the base word)
# ... and the words that lead a date, cut with it from the indicator (比2020年增长: 比; 到2030年
# 经济总量迈上, 截至2025年底累计建成: 到, 截至)
_DATE_LEAD = re.compile(r"(?:比|较|同|截至|截止到|截止|到)$")
_RUN_NEXT = re.compile(r"\s*[和、及与]\s*[\d０-９]")  # another figure joined to this one
_CLAUSE_END = re.compile(r"[，,；;。：:！？!?]")
_LAST_CLAUSE_END = re.compile("(?s).*" + _CLAUSE_END.pattern)  # (.* runs to the end, steps back)


def _reduced(indicator: str, kind: str) -> str | None:
    """``decrease`` for an amount whose indicator opens with a verb of reduction (after a
    place or a modal word: four characters at most) before what it reduces (全县减少贫困人口
    1.2万人, 降低企业成本30亿元: by how much, not the level left); else None (not a rate, a
    date or a span of time; not an increase: 增加值 is a noun)."""
    if kind in ("date", "duration", "rank", "percent"):
        return None
    m = _REDUCING.search(indicator, 0, 6)  # (after a place or a modal: 全县减少…, 再减少…)
    return "decrease" if m and m.start() <= 4 and len(indicator) - m.end() >= 2 else None


def _cell_changes(claims: list[Claim]) -> list[Claim]:
    """A table cell's figure under a header of a change (比上年增长（%）, 增减额) is the size of
    that change, as the same words before a figure in a sentence make it (a negative one,
    -3.6 under 增长, names a fall by its sign: no direction added)."""
    for c in claims:
        ind = c.indicator or ""
        if c.kind not in ("date", "duration", "rank") and ind and \
                not isinstance(c.value, str) and c.value is not None and c.value >= 0:
            c.change = _change(ind, len(ind))
    return claims


def _change(text: str, start: int) -> str | None:
    """``increase``/``decrease`` when the number is the size of a change (增长8.7%, 比上年
    增加1839亿元, 涨幅控制在3%左右); None for a level, also one reached by a change
    (增加到82.7万亿元, 降至3.1%)."""
    end = start - 1 if text[start - 1:start] == "\n" else start  # (where $ may match)
    if text[end - 1:end] not in _CHANGE_LAST:
        return None  # (most numbers: no change word, or filler, right before them)
    m = _CHANGE.search(text, max(0, start - 10), start)
    if m is None:
        return None
    return "increase" if m.group("up") else "decrease"


_REDUCING = re.compile(alternation(table("indicator")["change"]["reducing"]))
_BV = table("indicator")["base_value"]
_BASE_BEFORE, _BASE_AFTER = tuple(_BV["before"]), tuple(_BV["after"])
_C = table("indicator")["change"]
_BASED = r"(?:比|较)(?!重|例|率|值)[^，,。；;：:、\s]{1,8}?"  # (a base: 比上年, 较全国平均水平)
_UP = [w for w, verb in _C["compared"].items() if verb in _C["up"]]
_DOWN = [w for w, verb in _C["compared"].items() if verb in _C["down"]]
_CHANGE = re.compile(
    f"(?:(?P<up>{alternation(_C['up'])}|{_BASED}(?:{alternation(_UP)}))|"
    f"(?P<down>{alternation(_C['down'])}|{_BASED}(?:{alternation(_DOWN)})))(?:{alternation(_C['fillers'])})?$")
_CHANGE_LAST = frozenset(w[-1] for w in (*_C["up"], *_C["down"], *_C["fillers"], *_C["compared"])
                         )  # what it ends with
