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
Between reports: claims with the same indicator key, region, period, kind, unit, per and
change in different documents conflict when no claim of one document has an interval that
overlaps a claim of the other. Periods must be closed or as-of (``periods.Period.comparable``).

Tolerances (``numbers.py``): each exact printed figure stands for ± half a unit of its last
printed digit; qualifiers use the contract's [lower, upper]; plus a relative 1e-9 for floats.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

from .numbers import fmt, gap, interval, overlaps, ratio_interval

WITHIN, BETWEEN = "within_report", "between_reports"
AMOUNT_KINDS = ("money", "count", "quantity")
RATE_SUFFIXES = ("率",)
SHARE_WORDS = ("占比", "比重", "比例", "占")
PARTS_WORD = "其中"
CLAUSE_STOPS = "；;。!！?？"

RECORD_FIELDS = ("doc", "page", "sentence", "start", "end", "text", "kind", "value", "unit",
                 "qualifier", "lower", "upper", "indicator", "measure", "per", "change",
                 "sentence_index", "indicator_key", "indicator_key_score", "region", "period",
                 "period_source", "path", "id")


@dataclass
class Finding:
    type: str                      # within_report | between_reports
    claims: list[dict]
    message: str
    relation: str = ""             # rate | share | parts | conflict

    def to_dict(self) -> dict:
        return {"type": self.type,
                "claims": [{k: c.get(k) for k in RECORD_FIELDS if k in c} for c in self.claims],
                "message": self.message}


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    confirmed: list[Finding] = field(default_factory=list)  # relations that hold


def run_checks(records: Iterable[dict], *, within: bool = True, between: bool = True) -> CheckResult:
    """All checks over claim records (``IndicatorDB.iter_claims()``)."""
    recs = [r for r in records if not r.get("optional")]
    result = CheckResult()
    if within:
        check_within(recs, result)
    if between:
        check_between(recs, result)
    return result


# ---------------------------------------------------------------- within a report

def check_within(records: list[dict], result: CheckResult) -> None:
    by_sentence: dict[tuple, list[dict]] = defaultdict(list)
    for r in records:
        by_sentence[(r.get("path") or r.get("doc"), r.get("sentence_index"), r["sentence"])].append(r)
    for claims in by_sentence.values():
        claims.sort(key=lambda c: c["start"])
        for c in claims:
            if c["kind"] == "percent" and c.get("unit") == "%" and not c.get("change"):
                _check_rate(c, claims, result)
        _check_parts(claims, result)


def _amounts_before(claims: list[dict], pos: int) -> list[dict]:
    return [c for c in claims if c["kind"] in AMOUNT_KINDS and c["end"] <= pos
            and interval(c) is not None]


def _same_measure(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a.get("unit") == b.get("unit") and a.get("per") == b.get("per")


def _rate_holds(rate: dict, n: dict, d: dict) -> bool:
    ri = ratio_interval(interval(n), interval(d))
    return ri is not None and overlaps(ri, interval(rate))


def _check_rate(rate: dict, claims: list[dict], result: CheckResult) -> None:
    ind = (rate.get("indicator") or "").strip()
    clause = _clause_before(rate["sentence"], rate["start"])
    stem = ""
    for suf in RATE_SUFFIXES:
        if ind.endswith(suf) and len(ind) > len(suf):
            stem = ind[: -len(suf)]
    share = not stem and (any(w in ind for w in SHARE_WORDS) or "占" in clause)
    if not stem and not share:
        return
    cands = _amounts_before(claims, rate["start"])
    pairs = [(n, d) for n in cands for d in cands
             if n is not d and _same_measure(n, d) and interval(n)[0] <= interval(d)[1]]
    if not pairs:
        return
    linked: list[tuple[dict, dict]] = []
    if stem:
        nums = [n for n in cands if stem in (n.get("indicator") or "")
                or (len(n.get("indicator") or "") >= 2 and (n.get("indicator") or "") in stem)]
        linked = [(n, d) for n, d in pairs if any(n is m for m in nums)]
    else:
        nearest = cands[-1] if cands else None
        linked = [(n, d) for n, d in pairs if n is nearest]
    holding = [(n, d) for n, d in pairs if _rate_holds(rate, n, d)]
    rel = "rate" if stem else "share"
    if holding:
        n, d = next((p for p in holding if any(p[0] is q[0] and p[1] is q[1] for q in linked)),
                    holding[0])
        result.confirmed.append(Finding(WITHIN, [n, d, rate], _rate_message(rate, n, d, True), rel))
    elif linked:
        n, d = min(linked, key=lambda p: rate["start"] - p[1]["end"])  # nearest denominator
        result.findings.append(Finding(WITHIN, [n, d, rate], _rate_message(rate, n, d, False), rel))


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
    before = _amounts_before(claims, p)
    if not before:
        return
    total = before[-1]
    stop = len(sentence)
    for ch in CLAUSE_STOPS:
        q = sentence.find(ch, p)
        if 0 <= q < stop:
            stop = q
    parts = [c for c in claims if c["start"] >= p and c["end"] <= stop and _same_measure(c, total)
             and interval(c) is not None]
    if not parts:
        return
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


def _clause_before(sentence: str, pos: int) -> str:
    start = pos
    while start > 0 and sentence[start - 1] not in "，,；;。":
        start -= 1
    return sentence[start:pos]


# ---------------------------------------------------------------- between reports

def group_key(r: dict) -> tuple | None:
    if r["kind"] in ("date", "other") or not r.get("indicator_key") or not r.get("period_end"):
        return None
    if interval(r) is None:
        return None
    return (r["indicator_key"], r.get("region") or "", r["period"], r["kind"], r.get("unit"),
            r.get("per"), r.get("change"))


def check_between(records: list[dict], result: CheckResult) -> None:
    groups: dict[tuple, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in records:
        k = group_key(r)
        if k is not None:
            groups[k][r.get("path") or r["doc"]].append(r)
    for key, by_doc in groups.items():
        for da, db_ in combinations(sorted(by_doc), 2):
            pairs = [(a, b) for a in by_doc[da] for b in by_doc[db_]]
            if any(overlaps(interval(a), interval(b)) for a, b in pairs):
                continue
            a, b = min(pairs, key=lambda p: gap(interval(p[0]), interval(p[1])))
            result.findings.append(Finding(BETWEEN, [a, b], _conflict_message(key, a, b, len(pairs)),
                                           "conflict"))


def _conflict_message(key: tuple, a: dict, b: dict, n_pairs: int) -> str:
    ind, region, period = key[0], key[1] or "no region", key[2]
    ia, ib = interval(a), interval(b)
    src = " (period from the document year)" if "document" in (a.get("period_source"),
                                                                b.get("period_source")) else ""
    more = f"; {n_pairs} claim pairs compared, none agree" if n_pairs > 1 else ""
    return (f"{ind} ({region}, {period}{src}): {doc_ref(a)} says {a['text']} "
            f"[{fmt(ia[0])}, {fmt(ia[1])}] but {doc_ref(b)} says {b['text']} "
            f"[{fmt(ib[0])}, {fmt(ib[1])}]; the intervals do not overlap{more}")


def doc_ref(r: dict) -> str:
    page = f" p.{r['page']}" if r.get("page") is not None else ""
    return f"{r['doc']}{page}"
