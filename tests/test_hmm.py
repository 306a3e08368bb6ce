"""The segmenter's HMM for runs no dictionary word covers gives ``jieba.finalseg.cut``'s words
(same model, same arithmetic, same tie-breaks), for any text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.nlp.hmm import hmm_cutter

finalseg = pytest.importorskip("jieba.finalseg")
CUT = hmm_cutter(finalseg)

CASES = [
    "", "嘎", "乜犇嘎啦", "彭水县新建扶贫车间", "abc", "a1b2", "3.5%", "嘎啦 乜犇", "\u3000嘎",
    "贵州省黔东南苗族侗族自治州从江县加勉乡", "COVID-19疫情", "，。、", "嘎嘎嘎嘎嘎嘎嘎嘎嘎嘎",
]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5)


@pytest.mark.parametrize("text", CASES)
def test_words_are_finalsegs(text):
    assert CUT(text) == list(finalseg.cut(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=HAN, min_size=1, max_size=24))
def test_words_of_any_chinese_run_are_finalsegs(text):
    assert CUT(text) == list(finalseg.cut(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(HAN, st.sampled_from("ab19.% ，\t")), max_size=24))
def test_words_of_mixed_text_are_finalsegs(text):
    assert CUT(text) == list(finalseg.cut(text))


def test_a_forced_split_is_left_to_finalseg(monkeypatch):
    text = "彭水县新建扶贫车间"
    plain = CUT(text)
    word = next(w for w in plain if len(w) > 1)
    monkeypatch.setattr(finalseg, "Force_Split_Words", {word})
    forced = CUT(text)
    assert forced == list(finalseg.cut(text)) and forced != plain
