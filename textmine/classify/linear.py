"""The fitted measure model as plain arrays: per feature group a vocabulary, its IDF
weights and the logistic regression's coefficients, plus the intercepts.

This is what ships in ``models/measure.npz`` (numpy's archive, read with
``allow_pickle=False``: loading it runs no code) and what scores claims at extraction
time without importing scikit-learn. ``from_sklearn`` converts the fitted TF-IDF
vectorisers and logistic regression of ``train``; ``tests/test_classify_linear.py``
checks that both give the same probabilities.

Scoring one group (``GroupParams.score``): counts of the group's known tokens -> sublinear tf (1 + ln count)
x idf -> L2-normalised -> times the group's weight -> dot the coefficients. A claim's
decision is the sum over groups plus the intercept (``MeasureModel`` sums them, reusing
sentence-level scores); probabilities are its softmax.
"""
from __future__ import annotations

from itertools import chain, repeat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np


@dataclass
class GroupParams:
    name: str
    weight: float
    vocabulary: dict[str, int]
    idf: np.ndarray     # (n_features,)
    coef: np.ndarray    # (n_classes, n_features)
    tables: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # (look-up tables the bulk feature groups build from the vocabulary on first use: ``bulk``)

    def entries(self, token_lists: Sequence[Sequence[str]]
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, weighted tf-idf value) of every known token of every row, all rows
        at once (one vectorised pass; Python only looks tokens up)."""
        n = len(token_lists)
        width = len(self.idf)  # unknown tokens go to column ``width``, then are dropped
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n)
        total = int(lengths.sum())
        cols = np.fromiter(map(self.vocabulary.get, chain.from_iterable(token_lists), repeat(width)),
                           dtype=np.int64, count=total)
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        known = cols < width
        return self.weigh(rows[known], cols[known], n)

    def weigh(self, rows: np.ndarray, cols: np.ndarray, n: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``entries`` from the (row, column) of every known token, in any order."""
        width = len(self.idf)
        keys, counts = np.unique(rows * (width + 1) + cols, return_counts=True)
        return self.weigh_counts(keys // (width + 1), keys % (width + 1), counts, n)

    def weigh_counts(self, row: np.ndarray, col: np.ndarray, counts: np.ndarray, n: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``entries`` from each (row, column) pair's count, the pairs sorted by row, then
        column (the order fixes the floating-point sums)."""
        v = (1.0 + np.log(counts)) * self.idf[col]
        norm = np.sqrt(np.bincount(row, weights=v * v, minlength=n))
        return row, col, v * (self.weight / norm[row])

    def vector(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, weighted tf-idf values) of the known tokens of one row."""
        _, col, v = self.entries([tokens])
        return col, v

    def scores(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """(len(token_lists), n_classes): this group's share of each row's decision."""
        return self.score_entries(self.entries(token_lists), len(token_lists))

    def score_entries(self, entries: tuple[np.ndarray, np.ndarray, np.ndarray], n: int
                      ) -> np.ndarray:
        """(n, n_classes) from ``entries`` of n rows."""
        row, col, v = entries
        contrib = np.take(self.coef, col, axis=1)  # (n_classes, n_entries); [:, col] is slower
        contrib *= v
        return np.stack([np.bincount(row, weights=c, minlength=n) for c in contrib], axis=1)


@dataclass
class LinearModel:
    classes: list[str]
    intercept: np.ndarray  # (n_classes,)
    groups: list[GroupParams]

    @staticmethod
    def softmax(z: np.ndarray) -> np.ndarray:
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    def contributions(self, feats: dict[str, list[str]], label: str) -> list[tuple[str, str, float]]:
        """(group, feature, contribution to ``label``'s score) for every active feature."""
        k = self.classes.index(label)
        out = []
        for g in self.groups:
            idx, v = g.vector(feats[g.name])
            names = {j: t for t in feats[g.name] if (j := g.vocabulary.get(t)) is not None}
            out += [(g.name, names[int(j)], float(x * g.coef[k, j])) for j, x in zip(idx, v)]
        return out

    # ------------------------------------------------------------------ file format

    def save(self, path: str | Path) -> None:
        arrays = {"classes": np.array(self.classes), "intercept": self.intercept,
                  "groups": np.array([g.name for g in self.groups]),
                  "weights": np.array([g.weight for g in self.groups])}
        for g in self.groups:
            vocab = sorted(g.vocabulary, key=g.vocabulary.__getitem__)
            arrays[f"{g.name}.vocabulary"] = np.array(vocab, dtype=str)
            arrays[f"{g.name}.idf"] = g.idf.astype(np.float32)
            arrays[f"{g.name}.coef"] = g.coef.astype(np.float32)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        """Raises ``ValueError``/``KeyError``/``OSError`` on a damaged file (the caller
        turns them into a ``ModelError``)."""
        with np.load(path, allow_pickle=False) as z:
            groups = []
            for name, weight in zip(z["groups"].tolist(), z["weights"].tolist()):
                vocab = z[f"{name}.vocabulary"].tolist()
                idf = z[f"{name}.idf"].astype(float)
                coef = z[f"{name}.coef"].astype(float)
                if not (len(vocab) == len(idf) == coef.shape[1]):
                    raise ValueError(f"group {name}: vocabulary, idf and coefficients disagree")
                groups.append(GroupParams(name, float(weight), dict(zip(vocab, range(len(vocab)))),
                                          idf, coef))
            classes = [str(c) for c in z["classes"].tolist()]
            intercept = z["intercept"].astype(float)
        if intercept.shape != (len(classes),) or any(g.coef.shape[0] != len(classes) for g in groups):
            raise ValueError("coefficients do not match the classes")
        return cls(classes, intercept, groups)

    @classmethod
    def from_sklearn(cls, vectorizers: Sequence, weights: Sequence[float], names: Sequence[str],
                     clf) -> "LinearModel":
        """From fitted ``TfidfVectorizer``s (one per group, in the order their columns were
        stacked) and a fitted multinomial ``LogisticRegression``."""
        groups, offset = [], 0
        for name, w, vec in zip(names, weights, vectorizers):
            n = len(vec.vocabulary_)
            groups.append(GroupParams(name, float(w), {str(t): int(i) for t, i in vec.vocabulary_.items()},
                                      np.asarray(vec.idf_, dtype=float),
                                      np.asarray(clf.coef_[:, offset:offset + n], dtype=float)))
            offset += n
        return cls([str(c) for c in clf.classes_], np.asarray(clf.intercept_, dtype=float), groups)
