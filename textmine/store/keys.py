"""Indicator keys: ``到位帮扶资金``, ``财政帮扶资金`` and ``帮扶资金`` all become ``帮扶资金``.

The synonym table and the matching rules are in ``textmine/data/indicator_synonyms.toml``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ._data import load_table


@dataclass(frozen=True)
class IndicatorKey:
    key: str
    score: float  # 1.0 synonym hit, fuzzy ratio, 0.0 no table entry matched


@dataclass
class KeyMatcher:
    """Maps indicator phrases to keys; build once, reuse for many claims."""

    synonyms: dict[str, str] = field(default_factory=dict)  # variant -> key
    strip_prefixes: tuple[str, ...] = ()
    threshold: float = 0.8
    min_suffix: int = 3
    _cache: dict[str, IndicatorKey] = field(default_factory=dict, repr=False)

    @classmethod
    def from_table(cls, table: dict | None = None) -> "KeyMatcher":
        t = table if table is not None else load_table("indicator_synonyms")
        syn: dict[str, str] = {}
        for key, variants in t.get("keys", {}).items():
            syn[clean(key)] = key
            for v in variants:
                syn.setdefault(clean(v), key)
        m = t.get("match", {})
        prefixes = tuple(sorted(t.get("clean", {}).get("strip_prefixes", []), key=len, reverse=True))
        return cls(syn, prefixes, float(m.get("threshold", 0.8)), int(m.get("min_suffix", 3)))

    def strip(self, text: str) -> str:
        s = clean(text)
        changed = True
        while changed:
            changed = False
            for p in self.strip_prefixes:
                if s.startswith(p) and len(s) > len(p):
                    s, changed = s[len(p):], True
        return s

    def match(self, indicator: str | None) -> IndicatorKey:
        text = indicator or ""
        hit = self._cache.get(text)
        if hit is None:
            hit = self._match(text)
            self._cache[text] = hit
        return hit

    def _match(self, text: str) -> IndicatorKey:
        raw = clean(text)
        if not raw:
            return IndicatorKey("", 0.0)
        for s in (raw, self.strip(text)):
            if s in self.synonyms:
                return IndicatorKey(self.synonyms[s], 1.0)
        s = self.strip(text)
        best_key, best = "", 0.0
        for variant, key in self.synonyms.items():
            score = SequenceMatcher(None, s, variant, autojunk=False).ratio()
            if len(variant) >= self.min_suffix and s.endswith(variant):
                score = max(score, 0.6 + 0.4 * len(variant) / len(s))
            if score > best or (score == best and key < best_key):
                best_key, best = key, score
        if best >= self.threshold:
            return IndicatorKey(best_key, round(best, 4))
        return IndicatorKey(s, 0.0)


def clean(text: str) -> str:
    """NFKC, without spaces, punctuation and symbols (quotes, brackets)."""
    s = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in s if not unicodedata.category(ch)[0] in "PZSC")
