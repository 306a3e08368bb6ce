"""Fast paths of the extraction pipeline give exactly what the plain code gives."""
from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.nlp import indicator as I
from textmine.nlp.extract import token_texts
from textmine.nlp.pipeline import build_nlp, doc_text
from textmine.parse.tables import table

SENTENCES = [
    "全市到位财政帮扶资金18.6亿元，完成年度计划的62%。", "1,234.5万元", "", " ", "a b",
    " 前导空格", "２０１９年\u3000新建车间１２个", "x\ty\nz", "多个  空格 ", "\u200b零宽字符3个",
    "销售农产品2100多种113余亿元；其中“832平台”销售额超过5亿元。",
]


@pytest.fixture(scope="module")
def nlps():
    return build_nlp(), spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def same_doc(nlps, text):
    ours, ref = nlps[0].make_doc(text), nlps[1].make_doc(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in ref]
    assert doc_text(ours) == ref.text == text
    assert token_texts(ours) == tuple(t.text for t in ref)


@pytest.mark.parametrize("text", SENTENCES)
def test_tokenizer_equals_spacy_jieba_tokenizer(nlps, text):
    same_doc(nlps, text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="扶贫资金亿元万人个，。 0123456789.%\u3000\tab", max_size=40))
def test_tokenizer_equals_spacy_jieba_tokenizer_property(nlps, text):
    same_doc(nlps, text)


def reference_trim(s: str) -> str:
    """The trimming rule written plainly: strip quotes; cut the longest leading word that
    leaves two characters, then the longest trailing one; repeat until nothing changes."""
    t = table("indicator")["trim"]
    lead = sorted(t["leading"], key=len, reverse=True)
    trail = sorted(t["trailing"], key=len, reverse=True)
    while s:
        s2 = s.strip(" 、“”\"'")
        for w in lead:
            if s2.startswith(w) and len(s2) > len(w) + 1:
                s2 = s2[len(w):]
                break
        for w in trail:
            if s2.endswith(w) and len(s2) > len(w) + 1:
                s2 = s2[:-len(w)]
                break
        if s2 == s:
            return s
        s = s2
    return s


WORDS = ["其中", "共计", "累计", "达到", "达", "为", "的", "以上", "左右", "今年", "项目", "资金",
         "帮扶", "人", "分别为", "分别", " ", "“", "、", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_trim_regexes_equal_the_plain_rule(words):
    s = "".join(words)
    assert I._trim(s) == reference_trim(s)


def test_trim_examples():
    assert I._trim("其中到位资金达到") == "到位资金"
    assert I._trim("累计达") == "累计"
    assert I._trim("共达") == "共达"  # nothing is cut that would leave under two characters
    assert re.fullmatch(r"\S*", I._trim("  帮扶项目 "))
