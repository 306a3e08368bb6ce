"""The measure keyword table (``textmine/data/measure_keywords.toml``).

Used twice: by the keyword baseline, and as the model's ``lexicon`` feature group (one
token per label and place a keyword of that label occurs in: sentence, window,
indicator, heading). A trained model keeps the table it was trained with in its card, so
editing the data file does not change an existing model's features.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
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

    def tokens(self, sentence: str, window: str, indicator: str, section: str) -> str:
        """``industry_s employment_w ...``: a label's tag once per keyword hit and place."""
        out: list[str] = []
        for label, kws in self.keywords.items():
            for kw in kws:
                for place, text in (("s", sentence), ("w", window), ("i", indicator), ("h", section)):
                    if kw in text:
                        out.append(f"{label}_{place}")
        for phrase, label in self.overrides.items():
            if phrase in window or phrase in indicator:
                out.append(f"{label}_override")
        return " ".join(out)


def load_lexicon() -> Lexicon:
    text = files("textmine").joinpath("data", TABLE).read_text(encoding="utf-8")
    return Lexicon.from_table(tomllib.loads(text))
