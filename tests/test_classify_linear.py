"""The shipped arrays (``LinearModel``) score exactly as the fitted scikit-learn objects."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import hstack

from textmine.classify.corpus import LABELS, load_corpus
from textmine.classify.features import GROUPS, features
from textmine.classify.lexicon import load_lexicon
from textmine.classify.linear import LinearModel
from textmine.classify.model import MeasureModel
from textmine.classify.train import fit_sklearn

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fitted():
    corpus = load_corpus(REPO / "corpora")
    lex = load_lexicon()
    train = [e for e in corpus.train if e.source == "written"][:400]
    vecs, clf = fit_sklearn([e.as_input() for e in train], [e.label for e in train], lex, min_df=1)
    return corpus, lex, vecs, clf


def sklearn_proba(vecs, clf, items, lex):
    feats = [features(it, lex) for it in items]
    x = hstack([v.transform([f[g.name] for f in feats]) * g.weight for g, v in zip(GROUPS, vecs)])
    return clf.predict_proba(x.tocsr())


def test_linear_model_equals_sklearn_on_heldout(fitted, tmp_path):
    corpus, lex, vecs, clf = fitted
    linear = LinearModel.from_sklearn(vecs, [g.weight for g in GROUPS], [g.name for g in GROUPS], clf)
    items = [e.as_input() for e in corpus.heldout[:300]]
    want = sklearn_proba(vecs, clf, items, lex)
    got = MeasureModel(linear, {"lexicon": lex.to_table()}).predict_proba(items)
    assert np.allclose(got, want, atol=1e-9)
    linear.save(tmp_path / "m.npz")  # float32 on disk
    again = MeasureModel(LinearModel.load(tmp_path / "m.npz"), {"lexicon": lex.to_table()})
    assert np.allclose(again.predict_proba(items), want, atol=1e-4)
    assert sorted(again.labels) == sorted(LABELS)


def test_unknown_tokens_only_give_the_intercept(fitted):
    _, lex, vecs, clf = fitted
    linear = LinearModel.from_sklearn(vecs, [g.weight for g in GROUPS], [g.name for g in GROUPS], clf)
    scores = linear.groups[0].scores([["⿰⿱never-seen"], []])
    assert scores.shape == (2, len(LABELS)) and not scores.any()
