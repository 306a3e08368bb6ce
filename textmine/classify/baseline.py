"""Keyword baseline: the alternative the model card compares the trained model against.

Scores from the table ``textmine/data/measure_keywords.toml``; no training.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .features import MeasureInput, window
from .lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class KeywordBaseline:
    lexicon: Lexicon

    @classmethod
    def load(cls) -> "KeywordBaseline":
        return cls(load_lexicon())

    def label(self, item: Any) -> str:
        it = MeasureInput.coerce(item)
        lx = self.lexicon
        win = window(it)
        for phrase, label in lx.overrides.items():
            if phrase in win or phrase in it.indicator:
                return label
        best, best_score = lx.default, 0.0
        for label, kws in lx.keywords.items():
            score = 0.0
            for kw, w in kws.items():
                score += w * ((kw in it.sentence) + lx.indicator_weight * (kw in it.indicator)
                              + lx.window_weight * (kw in win)
                              + lx.section_weight * (kw in it.section))
            if score > best_score:
                best, best_score = label, score
        return best

    def predict(self, items: Iterable[Any]) -> list[str]:
        return [self.label(i) for i in items]
