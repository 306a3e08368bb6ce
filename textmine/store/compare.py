"""Between reports: like with like, group by group.

Claims are compared only within a *comparison group*: the same indicator key, region,
period, kind, unit, ``per`` and ``change`` (docs/claims.md, "Attribution"), with a closed
period and a known region (two reports whose place is unknown may be a city's and a
province's); a yearly average (年均) is kept apart from a total over the same years. Within a group:

* figures of the same role (outcome with outcome, target with target) from different
  documents *conflict* when they cannot all be one value: their intervals (with the rounding
  of the printed figure, ``numbers.interval``) fall into more than one cluster of overlapping
  intervals. One finding per disagreeing group, listing each distinct value with the
  documents that give it;
* a target and the outcome a later document gives for it are an *attainment*: ``met`` or
  ``missed``, never a conflict. A ceiling (控制在…以内, 不超过, a qualifier ``at_most`` or
  ``under``) is met when the outcome can be at or below it; any other target is a floor, met
  when the outcome can reach its lower bound.

A change measured from a written base year further back than the year before its period
(比2018年下降5.6% in the review of 2023) is another statistic than the year's own change: its
base year is part of its group (``comparison_base``).

Groups arrive one at a time (``groups``), so memory is bounded by the largest group, and the
work is a sort of each group: n log n.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, groupby
from typing import Iterable, Iterator

from ..attribute.timewords import last_base_year
from ..attribute.view import clause_start
from ..parse.tables import table
from .numbers import fmt, interval, overlaps

BETWEEN, ATTAINMENT = "between_reports", "attainment"
COMPARABLE_KINDS = ("money", "count", "percent", "quantity", "ratio")
AVERAGE_WORDS = ("年均", "平均每年", "每年")
_T = table("attribution")["targets"]
CEILING_KEYS, CEILING_WORDS = frozenset(_T["ceiling_keys"]), tuple(_T["ceiling_words"])


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[str]:
    from ..attribute.keys import KeyTable
    return KeyTable.load().known


def base_key(r: dict) -> tuple | None:
    """The comparison group of a record without its role; None when it cannot be compared."""
    key = r.get("indicator_key") or ""
    if r.get("kind") not in COMPARABLE_KINDS or not (len(key) >= 3 or key in _known_keys()):
        return None  # a two-character phrase outside the key table (解决, 支持) names no statistic
    if not r.get("period_end") or r.get("optional") or interval(r) is None:
        return None
    if not r.get("region"):
        return None  # (two reports of no known place may be of two places: a city's, a province's)
    return (r["indicator_key"], r["region"], r["period"], r["kind"], r.get("unit") or "",
            r.get("per") or "", r.get("change") or "", is_average(r))


def is_average(r: dict) -> bool:
    """A yearly average over a span (年均增长7.1%, 平均每年新增1000万人) is another statistic
    than the total over it (增长65.5%, 五年新增5100万人), though they share key and period."""
    return any(w in (r.get("indicator") or "") for w in AVERAGE_WORDS)


@dataclass
class Cluster:
    lo: float
    hi: float
    claims: list[dict] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({c.get("path") or c["doc"] for c in self.claims})


def clusters(claims: list[dict]) -> list[Cluster]:
    """Claims in clusters of overlapping intervals, in order of value."""
    out: list[Cluster] = []
    for c in sorted(claims, key=lambda c: interval(c)):
        lo, hi = interval(c)
        if out and overlaps((out[-1].lo, out[-1].hi), (lo, hi)):
            out[-1].hi = max(out[-1].hi, hi)
            out[-1].claims.append(c)
        else:
            out.append(Cluster(lo, hi, [c]))
    return out


_YEAR = re.compile(r"\d{4}")


def comparison_base(r: dict) -> str:
    """The written base year of a change measured from further back than the year before
    its one-year period (``比2018年下降5.6%`` in 2023: ``2018``); ``""`` for any other figure."""
    period = r.get("period") or ""
    if not r.get("change") or not _YEAR.fullmatch(period):
        return ""
    s, pos = r["sentence"], r["start"]
    base = last_base_year(s[clause_start(s, pos):pos])
    return str(base) if base is not None and base < int(period) - 1 else ""


def groups(records: Iterable[dict]) -> Iterator[tuple[tuple, list[dict]]]:
    """(group key, its records) for records sorted by ``base_key`` (``IndicatorDB``
    streams them in that order), the key ending with the group's ``comparison_base``;
    records that cannot be compared are skipped."""
    keyed = ((base_key(r), r) for r in records)
    for key, items in groupby((kr for kr in keyed if kr[0] is not None), key=lambda kr: kr[0]):
        parts: dict[str, list[dict]] = {}
        for _, r in items:
            parts.setdefault(comparison_base(r), []).append(r)
        for base in sorted(parts):
            yield key + (base,), parts[base]


def conflicts(key: tuple, claims: list[dict], role: str) -> dict | None:
    """A finding when the documents of a group and role give values that cannot agree."""
    if len({c.get("path") or c["doc"] for c in claims}) < 2:
        return None
    cs = clusters(claims)
    if not disagree(cs):
        return None
    ind, region, period = key[0], key[1] or "no region", key[2]
    if key[-1]:
        period += f", change since {key[-1]}"
    values = "; ".join(f"{_texts(cl)} in {', '.join(_names(cl))}" for cl in cs)
    src = " (period from the document year)" if any(c.get("period_source") == "document"
                                                    for c in claims) else ""
    msg = (f"{ind} ({region}, {period}, {role}){src}: {len(cs)} values that cannot all hold: "
           f"{values}")
    return {"type": BETWEEN, "relation": "conflict", "message": msg,
            "claims": [cl.claims[0] for cl in cs], "values": [_value(cl) for cl in cs],
            "members": claims}


def disagree(cs: list[Cluster]) -> bool:
    """True when two documents give no value in common (each document's figures fall in a
    set of clusters; two disjoint sets disagree)."""
    sets: dict[str, set[int]] = {}
    for i, cl in enumerate(cs):
        for d in cl.docs:
            sets.setdefault(d, set()).add(i)
    if len(sets) < 2 or len(cs) < 2:
        return False
    single = {next(iter(s)) for s in sets.values() if len(s) == 1}
    if len(single) > 1:
        return True
    multi = [s for s in sets.values() if len(s) > 1]
    if single:
        only = single.pop()
        return any(only not in s for s in multi)
    return any(not (a & b) for a, b in combinations(multi, 2))


def attainments(targets: list[dict], outcomes: list[dict]) -> list[dict]:
    """Each target with the outcome the latest later document reports for it: met or missed
    (a target repeated in its report is judged once)."""
    out, seen = [], set()
    for t in targets:
        later = [o for o in outcomes if (o.get("doc_year") or 0) > (t.get("doc_year") or 0)]
        if not later or (t.get("path") or t["doc"], interval(t)) in seen:
            continue
        seen.add((t.get("path") or t["doc"], interval(t)))
        o = max(later, key=lambda o: (o.get("doc_year") or 0, o.get("id") or 0))
        met = is_met(t, o)
        kind = "ceiling" if is_ceiling(t) else "floor"
        msg = (f"{t['indicator_key']} ({t.get('region') or 'no region'}, {t['period']}): target "
               f"{t['text']} ({kind}, {t['doc']}) {'met' if met else 'missed'}: outcome "
               f"{o['text']} ({o['doc']}){_within_band(t, o, kind) if met else ''}")
        out.append({"type": ATTAINMENT, "relation": "met" if met else "missed",
                    "message": msg, "claims": [t, o]})
    return out


def _within_band(t: dict, o: dict, kind: str) -> str:
    """A note when an approximate target (6%左右) is met only within its band: the outcome
    falls short of (a floor) or exceeds (a ceiling) the value written."""
    if t.get("qualifier") != "about" or t.get("value") is None or o.get("value") is None:
        return ""
    short = o["value"] < t["value"] if kind == "floor" else o["value"] > t["value"]
    if not short:
        return ""
    lo, hi = interval(t)
    return f", within the band of {t['text']} ({fmt(lo)}-{fmt(hi)}), not the value written"


def is_ceiling(t: dict) -> bool:
    if t.get("qualifier") in ("at_most", "under") or \
            (t.get("indicator_key") in CEILING_KEYS and t.get("change") != "decrease"):
        return True
    s = t.get("sentence") or ""
    before = s[max(0, t["start"] - 8):t["start"]]
    after = s[t["end"]:t["end"] + 3]
    return any(w in before or w in after for w in CEILING_WORDS)


def is_met(t: dict, o: dict) -> bool:
    """Whether the outcome reaches a floor, or stays at or under a ceiling: the target as
    written (a goal of 3% is 3%, not any rate printed as 3%: an outcome of 2.6% misses it),
    the outcome with the rounding of its printed figure."""
    ti, oi = interval(t, rounding=False), interval(o)
    if is_ceiling(t):
        return oi[0] <= ti[1] + 1e-9 * max(1.0, abs(ti[1]))
    return oi[1] >= ti[0] - 1e-9 * max(1.0, abs(ti[0]))


def compare_groups(records: Iterable[dict]) -> Iterator[dict]:
    """Conflicts and attainments, group by group (records sorted by ``base_key``)."""
    for key, claims in groups(records):
        by_role: dict[str, list[dict]] = {}
        for c in claims:
            by_role.setdefault(c.get("role") or "outcome", []).append(c)
        for role, cs in sorted(by_role.items()):
            f = conflicts(key, cs, role)
            if f is not None:
                yield f
        if "target" in by_role and "outcome" in by_role:
            yield from attainments(by_role["target"], by_role["outcome"])


def _texts(cl: Cluster) -> str:
    texts = sorted({c["text"] for c in cl.claims})
    return " / ".join(texts[:3]) + (f" (+{len(texts) - 3})" if len(texts) > 3 else "")


def _names(cl: Cluster) -> list[str]:
    names = sorted({c["doc"] for c in cl.claims})
    return names[:5] + ([f"{len(names) - 5} more"] if len(names) > 5 else [])


def _value(cl: Cluster) -> dict:
    return {"interval": [fmt(cl.lo), fmt(cl.hi)], "texts": sorted({c["text"] for c in cl.claims}),
            "docs": _names(cl)}
