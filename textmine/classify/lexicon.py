"""The measure keyword table (``textmine/data/measure_keywords.toml``).

Used twice: by the keyword baseline, and as the model's ``lexicon`` feature group (one
token per label and place a keyword of that label occurs in: sentence, window,
indicator, heading). A trained model keeps the table it was trained with in its card, so
editing the data file does not change an existing model's features.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from typing import Any

TABLE = "measure_keywords.toml"


@dataclass(frozen=True)
class Lexicon:
    keywords: dict[str, dict[str, float]]
    overrides: dict[str, str]
    default: str
    indicator_weight: float
    window_weight: float
    section_weight: float

    @classmethod
    def from_table(cls, t: dict[str, Any]) -> "Lexicon":
        return cls(t["keywords"], t.get("override", {}), t["default"], t["indicator_weight"],
                   t["window_weight"], t["section_weight"])

    def to_table(self) -> dict[str, Any]:
        return {"keywords": self.keywords, "override": self.overrides, "default": self.default,
                "indicator_weight": self.indicator_weight, "window_weight": self.window_weight,
                "section_weight": self.section_weight}

    @cached_property
    def _by_keyword(self) -> dict[str, list[str]]:
        by: dict[str, list[str]] = {}
        for label, kws in self.keywords.items():
            for kw in kws:
                by.setdefault(kw, []).append(label)
        return by

    @cached_property
    def _starts(self) -> dict[str, tuple[int, ...]]:
        """First character -> the lengths of the keywords that start with it."""
        lengths: dict[str, set[int]] = {}
        for kw in self._by_keyword:
            if kw:
                lengths.setdefault(kw[0], set()).add(len(kw))
        return {ch: tuple(sorted(ls)) for ch, ls in lengths.items()}

    @cached_property
    def _seen(self) -> dict[str, frozenset[str]]:
        return {}  # text -> hits: a sentence or heading is shared by several claims

    def hits(self, text: str) -> frozenset[str]:
        """The keywords that occur in ``text`` (each once): at each character that starts
        a keyword, the substrings of those keywords' lengths are looked up."""
        seen = self._seen
        found = seen.get(text)
        if found is None:
            by, starts = self._by_keyword, self._starts
            found = frozenset(sub for i, ch in enumerate(text) if ch in starts
                              for k in starts[ch] if (sub := text[i:i + k]) in by)
            if len(seen) > 4096:
                seen.clear()
            seen[text] = found
        return found

    def tags(self, sentence: str, window: str, indicator: str, section: str) -> list[str]:
        """``[industry_s, employment_w, ...]``: a label's tag once per keyword hit and place."""
        out: list[str] = []
        by = self._by_keyword
        for place, text in (("_s", sentence), ("_w", window), ("_i", indicator), ("_h", section)):
            for kw in self.hits(text):
                out += [label + place for label in by[kw]]
        for phrase, label in self.overrides.items():
            if phrase in window or phrase in indicator:
                out.append(f"{label}_override")
        return out


def load_lexicon() -> Lexicon:
    text = files("textmine").joinpath("data", TABLE).read_text(encoding="utf-8")
    return Lexicon.from_table(tomllib.loads(text))
