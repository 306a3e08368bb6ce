"""Consistency checks over stored claims -> ``Finding`` objects.

Within a report (claims of one sentence):
  * rate: a percentage whose indicator ends in 率 (开工率) is checked against a numerator
    whose indicator contains the rate's stem (已开工) and a denominator: another claim
    before it with the same unit and kind and a value at least the numerator's
    (安排项目 1672 个). ``1515/1672 = 90.61%`` holds when 100·n/d, over the intervals of
    n and d, meets the interval of the printed rate.
  * share: a percentage after 占 (占比, 占…的) against the claim just before it (the part)
    and an earlier claim of the same unit (the base).
  * parts: claims after 其中 with the unit and kind of the claim just before 其中 (the
    total) must not add up to more than the total.
  A relation that holds is recorded as confirmed; a finding is raised only when the relation
  is named (stem or 占 or 其中) and no candidate pair satisfies it, so unlinked figures never
  produce findings.
Between reports (``compare.py``): like with like (indicator key, region, period, role, kind,
unit, per, change), one finding per group whose documents cannot agree; targets against the
outcomes later reports give are attainments (met, missed), not findings.

Tolerances (``numbers.py``): each exact printed figure stands for ± half a unit of its last
printed digit; qualifiers use the contract's [lower, upper]; plus a relative 1e-9 for floats.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable

from .compare import ATTAINMENT, BETWEEN, base_key, compare_groups
from .numbers import fmt, interval, overlaps, ratio_interval

WITHIN = "within_report"
AMOUNT_KINDS = ("money", "count", "quantity")
RATE_SUFFIXES = ("率",)
SHARE_WORDS = ("占比", "比重", "比例", "占")
PARTS_WORD = "其中"
CLAUSE_STOPS = "；;。!！?？"

RECORD_FIELDS = ("doc", "page", "sentence", "start", "end", "text", "kind", "value", "unit",
                 "qualifier", "lower", "upper", "indicator", "measure", "per", "change",
                 "sentence_index", "indicator_key", "indicator_key_score", "region", "period",
                 "period_source", "role", "path", "id")


@dataclass
class Finding:
    type: str                      # within_report | between_reports
    claims: list[dict]
    message: str
    relation: str = ""             # rate | share | parts | conflict

    def __post_init__(self) -> None:
        # only the fields a finding is shown with: a check over a large archive keeps one
        # finding per disagreeing group, not the store's whole records behind it
        self.claims = [{k: c[k] for k in RECORD_FIELDS if k in c} for c in self.claims]

    def to_dict(self) -> dict:
        return {"type": self.type, "claims": [dict(c) for c in self.claims], "message": self.message}


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    confirmed: list[Finding] = field(default_factory=list)  # relations that hold
    attainments: list[Finding] = field(default_factory=list)  # targets met or missed


def run_checks(source, *, within: bool = True, between: bool = True) -> CheckResult:
    """All checks over an ``IndicatorDB`` (streamed: memory bounded by the largest sentence
    or comparison group) or over claim records (``IndicatorDB.iter_claims()``)."""
    result = CheckResult()
    streamed = hasattr(source, "iter_claims")
    records = None if streamed else [r for r in source if not r.get("optional")]
    if within:
        check_within(source.iter_claims() if streamed else records, result)
    if between:
        compared = source.iter_comparable() if streamed else sorted(
            (r for r in records if base_key(r) is not None), key=base_key)
        for f in compare_groups(compared):
            target = result.attainments if f["type"] == ATTAINMENT else result.findings
            target.append(Finding(f["type"], f["claims"], f["message"], f["relation"]))
    return result


# ---------------------------------------------------------------- within a report

def check_within(records: Iterable[dict], result: CheckResult) -> None:
    """Records in document and sentence order (as ``IndicatorDB.iter_claims`` gives them)."""
    def sentence(r: dict) -> tuple:
        return (r.get("path") or r.get("doc"), r.get("sentence_index"), r["sentence"])
    for _, group in groupby((r for r in records if not r.get("optional")), key=sentence):
        claims = sorted(group, key=lambda c: c["start"])
        for c in claims:
            if c["kind"] == "percent" and c.get("unit") == "%" and not c.get("change"):
                _check_rate(c, claims, result)
        _check_parts(claims, result)


def _amounts_before(claims: list[dict], pos: int) -> list[dict]:
    """Levels before ``pos``: an increase (比上年增加5038亿元) is neither a part nor a base."""
    return [c for c in claims if c["kind"] in AMOUNT_KINDS and c["end"] <= pos
            and not c.get("change") and interval(c) is not None]


def _same_measure(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a.get("unit") == b.get("unit") and a.get("per") == b.get("per")


def _rate_holds(rate: dict, n: dict, d: dict) -> bool:
    ri = ratio_interval(interval(n), interval(d))
    return ri is not None and overlaps(ri, interval(rate))


def _check_rate(rate: dict, claims: list[dict], result: CheckResult) -> None:
    """A rate (开工率) against a numerator whose indicator holds its stem and a denominator;
    a share (占比) against the figure just before it and a base."""
    stem = _rate_stem(rate)
    if stem is None:
        return
    cands = _amounts_before(claims, rate["start"])
    pairs = [(n, d) for n in cands for d in cands
             if n is not d and _same_measure(n, d) and interval(n)[0] <= interval(d)[1]]
    if not pairs:
        return
    linked = _linked(pairs, cands, stem)
    holding = [(n, d) for n, d in pairs if _rate_holds(rate, n, d)]
    rel = "rate" if stem else "share"
    if holding:
        n, d = next((p for p in holding if any(p[0] is q[0] and p[1] is q[1] for q in linked)),
                    holding[0])
        result.confirmed.append(Finding(WITHIN, [n, d, rate], _rate_message(rate, n, d, True), rel))
    elif linked:
        n, d = min(linked, key=lambda p: rate["start"] - p[1]["end"])  # nearest denominator
        result.findings.append(Finding(WITHIN, [n, d, rate], _rate_message(rate, n, d, False), rel))


def _rate_stem(rate: dict) -> str | None:
    """The stem of a rate's indicator (开工率 -> 开工); "" for a share (占比, 占…); None when
    the percentage is neither."""
    ind = (rate.get("indicator") or "").strip()
    for suf in RATE_SUFFIXES:
        if ind.endswith(suf) and len(ind) > len(suf):
            return ind[: -len(suf)]
    clause = _clause_before(rate["sentence"], rate["start"])
    # (a share named in the rate's own clause: not one its indicator carries from the clause
    # before, 优良天数比例平均为98.9%，其中59个县达到100%: those counties' share of days)
    return "" if any(w in ind and w in clause for w in SHARE_WORDS) or "占" in clause else None


def _linked(pairs: list[tuple[dict, dict]], cands: list[dict], stem: str) -> list[tuple]:
    """The pairs the text names: a numerator whose indicator holds the rate's stem (or, for a
    share, the figure nearest before it)."""
    if not stem:
        nearest = cands[-1] if cands else None
        return [(n, d) for n, d in pairs if n is nearest]

    def names(n: dict) -> bool:
        ind = n.get("indicator") or ""
        return stem in ind or (len(ind) >= 2 and ind in stem)
    # (a base that names the stem too is the whole the numerator is part of, not the rate's
    # base: 赤字率 is no 中央财政赤字 / 财政赤字)
    return [(n, d) for n, d in pairs if names(n) and not names(d)]


def _rate_message(rate: dict, n: dict, d: dict, ok: bool) -> str:
    ri = ratio_interval(interval(n), interval(d)) or (math.nan, math.nan)
    exact = 100 * float(n["value"]) / float(d["value"]) if d["value"] else math.nan
    what = f"{rate['indicator'] or rate['text']} {rate['text']}"
    calc = f"{n['text']} / {d['text']} = {exact:.4g}%"
    rng = f"[{fmt(ri[0])}, {fmt(ri[1])}]%"
    if ok:
        return f"{doc_ref(rate)}: {what} confirmed: {calc} (with rounding {rng})"
    return (f"{doc_ref(rate)}: {what} does not match {calc}: the figures allow {rng}, the "
            f"printed rate allows [{fmt(interval(rate)[0])}, {fmt(interval(rate)[1])}]%")


def _check_parts(claims: list[dict], result: CheckResult) -> None:
    sentence = claims[0]["sentence"] if claims else ""
    p = sentence.find(PARTS_WORD)
    if p < 0:
        return
    stop = len(sentence)
    for ch in CLAUSE_STOPS:
        q = sentence.find(ch, p)
        if 0 <= q < stop:
            stop = q
    after = [c for c in claims if c["start"] >= p and c["end"] <= stop and not c.get("change")
             and interval(c) is not None]
    total = _total(_amounts_before(claims, p), after)
    if total is None:
        return
    parts = [c for c in after if _same_measure(c, total)]
    ti = interval(total)
    lows = sum(max(interval(c)[0], 0.0) for c in parts)
    ok = lows <= ti[1] + 1e-9 * max(1.0, abs(ti[1]) if math.isfinite(ti[1]) else 1.0)
    names = " + ".join(c["text"] for c in parts)
    if ok:
        msg = f"{doc_ref(total)}: parts {names} fit within the total {total['text']}"
        result.confirmed.append(Finding(WITHIN, [total, *parts], msg, "parts"))
    else:
        msg = (f"{doc_ref(total)}: the parts after 其中 ({names}, at least {fmt(lows)}) exceed "
               f"the total {total['text']} (at most {fmt(ti[1])})")
        result.findings.append(Finding(WITHIN, [total, *parts], msg, "parts"))


def _total(before: list[dict], after: list[dict]) -> dict | None:
    """The total the parts after 其中 belong to: a level (not an increase: 比去年增加4000亿元
    is no total) of their measure: one they add up to exactly, else the one whose indicator
    shares most of their noun (拟安排财政赤字 for 中央财政赤字 and 地方财政赤字), the nearest
    among equals."""
    cands = [c for c in before if not c.get("change") and any(_same_measure(c, a) for a in after)]
    if not cands:
        return None

    def shared(c: dict) -> int:
        return max((_common_suffix(c.get("indicator") or "", a.get("indicator") or "")
                    for a in after if _same_measure(c, a)), default=0)
    return max(cands, key=lambda c: (_adds_up(c, after), shared(c), c["start"]))


def _adds_up(total: dict, after: list[dict]) -> bool:
    """Whether the parts of ``total``'s measure after 其中 add up to it exactly (搬迁人口X人，
    其中建档立卡Y人，…其中：整组搬迁A人，零星搬迁B人 with A + B = X: X is their total)."""
    parts = [c for c in after if _same_measure(c, total)]
    if len(parts) < 2:
        return False
    lo, hi = interval(total)
    low = sum(interval(c)[0] for c in parts)
    high = sum(interval(c)[1] for c in parts)
    return lo == hi and math.isclose(low, high) and math.isclose(low, lo, rel_tol=1e-9)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _clause_before(sentence: str, pos: int) -> str:
    start = pos
    while start > 0 and sentence[start - 1] not in "，,；;。":
        start -= 1
    return sentence[start:pos]


def doc_ref(r: dict) -> str:
    page = f" p.{r['page']}" if r.get("page") is not None else ""
    return f"{r['doc']}{page}"
