"""Training is deterministic; the bundled model beats the majority baseline by far."""
from __future__ import annotations

import json

import pytest

from _paths import ROOT as REPO, SHARED
from textmine.classify.corpus import LABELS, load_corpus
from textmine.classify.model import CARD_FILE, load_model, model_paths
from textmine.classify.train import train

from test_classify_model import tiny_corpus



def test_training_is_deterministic(tmp_path):
    corpus = tiny_corpus(tmp_path / "corpora", per_label=10, heldout_per_label=3)
    m1 = train(corpus, tmp_path / "a", seed=0)
    m2 = train(corpus, tmp_path / "b", seed=0)
    assert m1["model"] == m2["model"] and m1["corpus_hash"] == m2["corpus_hash"]
    items = [e.as_input() for e in load_corpus(corpus).heldout]
    p1 = load_model(tmp_path / "a").predict_proba(items)
    p2 = load_model(tmp_path / "b").predict_proba(items)
    assert (p1 == p2).all()
    card = json.loads((tmp_path / "a" / CARD_FILE).read_text(encoding="utf-8"))
    for key in ("textmine_version", "sklearn_version", "corpus_hash", "created", "metrics_heldout"):
        assert key in card
    readme = (tmp_path / "a" / "README.md").read_text(encoding="utf-8")
    assert "keyword_baseline" in readme and card["corpus_hash"] in readme


# ---------------------------------------------------------------- the bundled model

@pytest.fixture(scope="module")
def bundled():
    model_file, _ = model_paths(None)
    if not model_file.exists():
        pytest.fail(f"{model_file} missing: run `textmine train` (the model ships with the repo)")
    return load_model()


def test_bundled_model_predicts_the_five_measures(bundled):
    assert sorted(bundled.labels) == sorted(LABELS)


def test_bundled_model_was_trained_on_the_current_corpus(bundled):
    assert bundled.card["corpus_hash"] == load_corpus(REPO / "corpora").digest, \
        "corpus changed since the model was trained: run `textmine train`"


def test_bundled_model_beats_majority_baseline_on_heldout(bundled):
    from collections import Counter

    from sklearn.metrics import f1_score
    corpus = load_corpus(REPO / "corpora")
    y = [e.label for e in corpus.heldout]
    pred = [lab for lab, _ in bundled.predict([e.as_input() for e in corpus.heldout])]
    majority = Counter(e.label for e in corpus.train).most_common(1)[0][0]
    f1 = f1_score(y, pred, labels=list(LABELS), average="macro")
    f1_majority = f1_score(y, [majority] * len(y), labels=list(LABELS), average="macro",
                           zero_division=0)
    assert f1 >= 0.90
    assert f1 - f1_majority >= 0.5


@pytest.mark.parametrize("text,mention,indicator,section,expected", [
    ("扶贫车间吸纳贫困群众就业2600人。", "2600人", "吸纳就业", "产业扶贫", "employment"),
    ("预算单位预留食堂食材采购份额的15%用于贫困地区农副产品。", "15%", "预留份额", "", "consumption"),
    ("全市社会消费品零售总额增长7.2%。", "7.2%", "社会消费品零售总额", "经济运行", "other"),
    ("民营企业向受援地捐赠资金3000万元。", "3000万元", "捐赠资金", "", "social_mobilisation"),
    ("安排产业发展资金2亿元支持肉牛养殖。", "2亿元", "产业发展资金", "", "industry"),
])
def test_bundled_model_on_hard_negatives(bundled, text, mention, indicator, section, expected):
    from textmine.classify.features import MeasureInput
    s = text.index(mention)
    (label, _), = bundled.predict([MeasureInput(text, s, s + len(mention), indicator, section)])
    assert label == expected


# ---------------------------------------------------------------- seed (skipped without ../shared)

SEED_GOLD = SHARED / "eval" / "seed" / "beijing-2020.gold.jsonl"


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/eval not available")
def test_seed_measure_macro_f1(bundled):
    """Measure labels of the seed's gold claims (sentence, mention, indicator and the heading
    above the sentence, as the lead's text reader finds it) reach macro-F1 >= 0.85."""
    from sklearn.metrics import f1_score

    from textmine.api import read_document
    from textmine.classify.corpus import gold_inputs
    items, labels = gold_inputs(SEED_GOLD, read_document(SEED_GOLD.with_name("beijing-2020.txt")))
    pred = [lab for lab, _ in bundled.predict(items)]
    f1 = f1_score(labels, pred, labels=list(LABELS), average="macro",
                  zero_division=0)
    assert f1 >= 0.85, f1
