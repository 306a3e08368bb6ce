"""The bulk feature groups (``classify.bulk``) give exactly the entries of the reference
path (``features.GROUPS``' ``make``, looked up token by token), on random claims."""
from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.classify.bulk import BULK, GramIndex, clauses, normalise_all, window_texts
from textmine.classify.features import (GROUPS, MeasureInput, char_ngrams, clause, normalise,
                                        window_text)
from textmine.classify.model import load_model

MODEL = load_model()
LEX = MODEL.lexicon
PARAMS = {gp.name: gp for gp in MODEL.linear.groups}
MAKERS = {g.name: g for g in GROUPS}

# characters of the model's keywords, override phrases and frequent grams, digits in both
# widths, number punctuation, clause marks, the window's brackets, the joining separator
WORDS = sorted({kw for kws in LEX.keywords.values() for kw in kws} | set(LEX.overrides))
CHARS = ("".join(sorted(set("".join(WORDS))))
         + "0123456789０１２３４５６７８９.,．，。；！？：;【】 \x00亿元万人")
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=CHARS, max_size=4),
                          st.text(max_size=2)), max_size=12).map("".join)


@st.composite
def claims(draw) -> MeasureInput:
    sentence = draw(TEXT)
    start = draw(st.integers(-2, len(sentence) + 2))
    end = draw(st.integers(-2, len(sentence) + 2))
    section = draw(st.sampled_from(["", "一、产业扶贫"]) | TEXT)
    return MeasureInput(sentence, start, end, draw(TEXT), section)


def reference(name: str, items: list[MeasureInput]):
    return PARAMS[name].entries([MAKERS[name].make(it, LEX) for it in items])


def assert_same(got, want) -> None:
    for a, b in zip(got, want):
        assert a.dtype == b.dtype and np.array_equal(a, b)  # bit for bit: same values, same order


@settings(max_examples=150, deadline=None)
@given(st.lists(claims(), min_size=1, max_size=8))
def test_bulk_groups_equal_the_reference(items):
    for name, bulk in BULK.items():
        fresh = [MeasureInput(it.sentence, it.start, it.end, it.indicator, it.section)
                 for it in items]  # no window computed yet
        assert_same(bulk(fresh, LEX, PARAMS[name]), reference(name, items))


@pytest.mark.parametrize("sentence", [
    "全年实现产业扶贫资金3.5亿元，带动就业1,200人。",
    "消费扶贫：采购农产品\ud800 5000万元",  # a lone surrogate: the automaton cannot read it
    "社会消费品零售总额\x00增长8%",  # the separator inside a text
    "",
])
def test_bulk_groups_on_odd_text(sentence):
    items = [MeasureInput(sentence, 2, 6, "消费支出", "二、消费扶贫"), MeasureInput(sentence, 0, 0)]
    for name, bulk in BULK.items():
        assert_same(bulk(list(items), LEX, PARAMS[name]), reference(name, items))


@settings(max_examples=200, deadline=None)
@given(st.lists(claims(), max_size=8))
def test_window_texts_and_clauses_equal_one_by_one(items):
    assert window_texts(items) == [window_text(it) for it in items]
    assert clauses(items) == [clause(it) for it in items]


def test_input_from_a_claim_equals_the_constructor():
    from textmine.types import Claim
    c = Claim(doc="t", page=None, sentence="新建扶贫车间12个。", start=6, end=9, text="12个",
              kind="count", value=None, unit="个", qualifier=None, lower=None, upper=None,
              indicator="扶贫车间", section=None)
    it = MeasureInput.from_claim(c, ("新建",))
    assert it == MeasureInput("新建扶贫车间12个。", 6, 9, "扶贫车间", "")
    assert (it.tokens, it.window, hash(it)) == (("新建",), "新建扶贫车间【0个】。", hash(MeasureInput(
        "新建扶贫车间12个。", 6, 9, "扶贫车间", "")))
    with pytest.raises(AttributeError):
        it.start = 0  # still frozen


def test_every_claim_level_group_but_the_words_has_a_bulk_form():
    assert set(BULK) == {g.name for g in GROUPS} - {"sentence_words"}


def old_clause(item: MeasureInput) -> str:
    """``clause`` as it was: walking back one character at a time."""
    s = item.sentence
    start = min(len(s), max(0, item.start))
    end = min(len(s), max(start, item.end))
    lo = start
    while lo > 0 and s[lo - 1] not in "，。；！？：;,":
        lo -= 1
    m = re.compile("[，。；！？：;,]").search(s, end)
    return s[lo:m.start() if m else len(s)]


@settings(max_examples=300, deadline=None)
@given(claims())
def test_clause_equals_walking_back(item):
    assert clause(item) == old_clause(item)


@given(st.lists(st.text(alphabet=CHARS, max_size=10) | st.text(max_size=5), max_size=6))
def test_normalise_all_equals_one_by_one(texts):
    assert normalise_all(texts) == [normalise(t) for t in texts]


@given(st.lists(st.text(alphabet="产业就业01，\x00𝕏", max_size=6), max_size=5),
       st.sampled_from([GramIndex.DENSE, 0]))  # a dense pair table, or sorted pair keys
def test_gram_index_finds_the_vocabulary_grams(texts, dense):
    vocab = {"产": 0, "业": 1, "产业": 2, "0": 3, "就业人": 4, "𝕏产": 5, "，\x00": 6, "业业": 7}
    rows, cols = GramIndex(vocab, len(vocab), dense).columns(texts)
    want = sorted((r, vocab[g]) for r, t in enumerate(texts) for g in char_ngrams(t, 1, 2)
                  if g in vocab)
    assert sorted(zip(rows.tolist(), cols.tolist())) == want


@pytest.mark.parametrize("dense", [GramIndex.DENSE, 0])
def test_gram_index_of_an_empty_vocabulary(dense):
    rows, cols = GramIndex({}, 0, dense).columns(["产业", ""])
    assert len(rows) == len(cols) == 0
