"""What the measure classifier sees of a claim, and the feature pipeline over it.

A claim becomes a ``MeasureInput`` (sentence, the span of its number mention, its
indicator and its section heading), then one row of text columns (``COLUMNS``): the
sentence as jieba words and as characters, a window of characters around the mention,
the indicator as words and characters, the section heading. Each column has its own
TF-IDF vectoriser and weight (``GROUPS``); the indicator weighs most.

Only scikit-learn types end up in the fitted pipeline (text is tokenised here, before it
reaches the vectorisers), so the model file loads with skops' safe loader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from ..types import Claim

if TYPE_CHECKING:
    from .lexicon import Lexicon

WINDOW_LEFT = 14   # characters of context before the mention
WINDOW_RIGHT = 8   # ... and after it
NUM_TOKEN = "0"

_ARABIC = re.compile(r"[0-9０-９][0-9０-９.,．]*")
_CLAUSE_END = "，。；！？：;,"


@dataclass(frozen=True)
class MeasureInput:
    """One thing to classify. ``start``/``end`` mark the number mention in ``sentence``."""

    sentence: str
    start: int = 0
    end: int = 0
    indicator: str = ""
    section: str = ""

    @classmethod
    def from_claim(cls, claim: Claim) -> "MeasureInput":
        return cls(claim.sentence or "", claim.start or 0, claim.end or 0,
                   claim.indicator or "", claim.section or "")

    @classmethod
    def coerce(cls, item: Any) -> "MeasureInput":
        """A ``MeasureInput`` from a Claim, a dict (corpus record or claim record) or a
        plain sentence (the whole sentence is then the mention's context)."""
        if isinstance(item, MeasureInput):
            return item
        if isinstance(item, Claim):
            return cls.from_claim(item)
        if isinstance(item, str):
            return cls(item, 0, len(item))
        if isinstance(item, dict):
            text = item.get("sentence") if "sentence" in item else item.get("text", "")
            if "span" in item:
                start, end = item["span"]
            else:
                start, end = item.get("start", 0), item.get("end", len(text or ""))
            return cls(text or "", int(start), int(end), item.get("indicator") or "",
                       item.get("section") or "")
        raise TypeError(f"cannot classify a {type(item).__name__}; give a Claim, dict or str")


def normalise(text: str) -> str:
    """Arabic numbers collapse to one token so that values do not become features."""
    return _ARABIC.sub(NUM_TOKEN, text)


def window(item: MeasureInput) -> str:
    s = item.sentence
    start, end = max(0, item.start), min(len(s), max(item.start, item.end))
    if start == end == 0:
        end = len(s)
    return normalise(s[max(0, start - WINDOW_LEFT):start] + "【" + s[start:end] + "】"
                     + s[end:end + WINDOW_RIGHT])


def clause(item: MeasureInput) -> str:
    """The clause holding the mention: from the punctuation before it to the one after."""
    s = item.sentence
    start, end = max(0, item.start), min(len(s), max(item.start, item.end))
    lo = max((s.rfind(p, 0, start) for p in _CLAUSE_END), default=-1) + 1
    hi_c = [i for i in (s.find(p, end) for p in _CLAUSE_END) if i >= 0]
    return s[lo:min(hi_c) if hi_c else len(s)]


_JIEBA = None


def _jieba():
    global _JIEBA  # jieba's dictionary is process-wide; import it once, on first use
    if _JIEBA is None:
        import logging

        import jieba
        jieba.setLogLevel(logging.WARNING)
        _JIEBA = jieba
    return _JIEBA


def words(text: str) -> str:
    """jieba words separated by spaces (punctuation dropped), numbers collapsed."""
    if not text:
        return ""
    toks = _jieba().lcut(normalise(text))
    return " ".join(t for t in toks if t.strip() and not re.fullmatch(r"\W+", t))


# column name, source, analyzer, ngram range, weight, log2 of the hashed feature space
GROUPS: list[tuple[str, str, str, tuple[int, int], float, int]] = [
    ("sent_words", "sentence_words", "word", (1, 2), 1.0, 16),
    ("sent_chars", "sentence", "char", (2, 3), 0.6, 17),
    ("window", "window", "char", (1, 3), 1.0, 16),
    ("clause", "clause_words", "word", (1, 2), 1.0, 15),
    ("ind_words", "indicator_words", "word", (1, 1), 1.2, 13),
    ("ind_chars", "indicator", "char", (1, 2), 1.0, 13),
    ("section", "section", "char", (1, 2), 0.8, 12),
    ("lexicon", "lexicon", "word", (1, 1), 0.6, 8),
]
COLUMNS = [g[1] for g in GROUPS]
TOKEN_PATTERN = r"[^ ]+"


def to_rows(items: Iterable[Any], lexicon: "Lexicon"):
    """A 2-D object array, one row per item, one column per entry of ``COLUMNS``."""
    import numpy as np
    rows = []
    for it in map(MeasureInput.coerce, items):
        win = window(it)
        cols = {"lexicon": lexicon.tokens(it.sentence, win, it.indicator, it.section),
                "sentence_words": words(it.sentence), "sentence": normalise(it.sentence),
                "window": win, "clause_words": words(clause(it)),
                "indicator_words": words(it.indicator),
                "indicator": normalise(it.indicator), "section": normalise(it.section)}
        rows.append([cols[c] for c in COLUMNS])
    return np.array(rows, dtype=object).reshape(len(rows), len(COLUMNS))


def build_pipeline(seed: int = 0, C: float = 8.0):
    """Per feature group: hashed n-gram counts -> TF-IDF (weighted); then multinomial
    logistic regression. Hashing keeps no vocabulary, so the saved model is small and
    loads fast."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    transformers, weights = [], {}
    for i, (name, _src, analyzer, ngram, weight, bits) in enumerate(GROUPS):
        vec = HashingVectorizer(analyzer=analyzer, ngram_range=ngram, n_features=2 ** bits,
                                alternate_sign=False, norm=None, lowercase=False,
                                token_pattern=TOKEN_PATTERN if analyzer == "word" else None)
        transformers.append((name, Pipeline([("hash", vec), ("tfidf", TfidfTransformer(
            sublinear_tf=True))]), i))
        weights[name] = weight
    features = ColumnTransformer(transformers, transformer_weights=weights, sparse_threshold=1.0)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def _hash_index(token: str, n_features: int) -> int:
    """The column HashingVectorizer gives ``token`` (scikit-learn's murmurhash3, seed 0)."""
    from sklearn.utils import murmurhash3_32
    h = murmurhash3_32(token, seed=0)
    if h == -2147483648:
        return (2147483647 - (n_features - 1)) % n_features
    return abs(h) % n_features


def explain_rows(pipeline, rows, label: str, top: int = 8) -> list[tuple[str, str, float]]:
    """Top (group, feature, contribution to the label's score) for the first row. Hashed
    columns are named back by hashing the row's own tokens."""
    feats = pipeline.named_steps["features"]
    clf = pipeline.named_steps["clf"]
    x = feats.transform(rows[:1]).tocsr()
    k = list(clf.classes_).index(label)
    names: dict[int, str] = {}
    offset = 0
    for (name, sub, col) in feats.transformers_:
        if name == "remainder":
            continue
        vec = sub.named_steps["hash"]
        for tok in vec.build_analyzer()(rows[0][col]):
            names.setdefault(offset + _hash_index(tok, vec.n_features), (name, tok))
        offset += vec.n_features
    contrib = [(*names.get(j, ("?", f"#{j}")), float(v * clf.coef_[k, j]))
               for j, v in zip(x.indices, x.data)]
    contrib.sort(key=lambda t: -t[2])
    return contrib[:top]
