"""Regions of claims: the region named nearest before the claim in its sentence.

Names come from ``textmine/data/regions.toml`` (provinces, places, aggregates such as
``受援地区``). Lookup is a longest-match scan over the sentence: no regular expressions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ._data import load_table

LIST_JOINERS = ("、", "和", "与", "及", "以及", "，")  # "，" only joins when a name follows at once
CLAUSE_ENDS = "，。；;！？!?\n"


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    name: str  # canonical name, or "self" for 全市/本市


@dataclass
class RegionResolver:
    names: dict[str, str] = field(default_factory=dict)  # surface -> canonical
    not_after: tuple[str, ...] = ()
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_first: dict[str, set[int]] = {}
        for surface in self.names:
            if len(surface) >= 2:
                by_first.setdefault(surface[0], set()).add(len(surface))
        self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_first.items()}

    @classmethod
    def from_table(cls, table: dict | None = None) -> "RegionResolver":
        t = table if table is not None else load_table("regions")
        names: dict[str, str] = {}
        for section in ("provinces", "places"):
            for canon, others in t.get(section, {}).items():
                names[canon] = canon
                for o in others:
                    names.setdefault(o, canon)
        for surface, canon in t.get("aggregates", {}).items():
            names[surface] = canon
        return cls(names, tuple(t.get("not_after", {}).get("words", [])))

    def mentions(self, text: str) -> list[RegionMention]:
        """Region names in ``text``, longest match first, left to right."""
        out: list[RegionMention] = []
        i, n = 0, len(text)
        lengths, names = self._lengths, self.names
        while i < n:
            step = 1
            for length in lengths.get(text[i], ()):
                if i + length > n:
                    continue
                canon = names.get(text[i:i + length])
                if canon is None:
                    continue
                if any(text.startswith(w, i + length) for w in self.not_after):
                    continue
                out.append(RegionMention(i, i + length, canon))
                step = length
                break
            i += step
        return out

    def document_region(self, *texts: str | None) -> str:
        """The first province or place named in the title/issuer (aggregates excluded)."""
        for t in texts:
            for m in self.mentions(t or ""):
                if m.name not in ("self", "受援地区", "贫困地区", "全国"):
                    return m.name
        return ""

    def resolve(self, sentence: str, start: int, default: str = "",
                mentions: list[RegionMention] | None = None) -> tuple[str, str]:
        """(region, source) for the claim at ``start`` of ``sentence``.

        source: ``sentence`` (named before the claim), ``clause`` (named after it in the same
        clause), ``document`` (the document's region) or ``none``.
        """
        ms = self.mentions(sentence) if mentions is None else mentions
        before = [m for m in ms if m.end <= start]
        if before:
            return self._group(sentence, before, default), "sentence"
        end = start
        while end < len(sentence) and sentence[end] not in CLAUSE_ENDS:
            end += 1
        after = [m for m in ms if m.start >= start and m.end <= end]
        if after:
            return self._group(sentence, after[:1] + _following(sentence, after), default), "clause"
        return (default, "document") if default else ("", "none")

    def _group(self, sentence: str, ms: list[RegionMention], default: str) -> str:
        """The last mention with the ones listed right before it (A、B和C) as one region."""
        group = [ms[-1]]
        for m in reversed(ms[:-1]):
            gap = sentence[m.end:group[0].start]
            if gap in LIST_JOINERS or gap == "":
                group.insert(0, m)
            else:
                break
        names: list[str] = []
        for m in group:
            name = default if m.name == "self" else m.name
            if name and name not in names:
                names.append(name)
        return "、".join(names)


def _following(sentence: str, ms: list[RegionMention]) -> list[RegionMention]:
    out = []
    for prev, m in zip(ms, ms[1:]):
        if sentence[prev.end:m.start] in LIST_JOINERS:
            out.append(m)
        else:
            break
    return out
