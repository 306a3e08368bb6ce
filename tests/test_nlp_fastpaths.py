"""Fast paths of the extraction pipeline give exactly what the plain code gives."""
from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.nlp import indicator as I
from textmine.nlp.pipeline import build_nlp, doc_text, token_texts
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
    leaves two characters, then the longest trailing one that leaves two characters (one,
    for a word of two characters or more: 村达到 -> 村) and does not end another word (下达);
    repeat until nothing changes."""
    t = table("indicator")["trim"]
    lead = sorted(t["leading"], key=len, reverse=True)
    trail = sorted(t["trailing"], key=len, reverse=True)
    ends_a_word = t["trailing_not_after"]
    while s:
        s2 = s.strip(" 、“”\"'")
        for w in lead:
            if s2.startswith(w) and len(s2) > len(w) + 1:
                s2 = s2[len(w):]
                break
        for w in trail:
            if s2.endswith(w) and len(s2) > len(w) + (len(w) == 1) and \
                    s2[-len(w) - 1] not in ends_a_word.get(w, ""):
                s2 = s2[:-len(w)]
                break
        if s2 == s:
            return s
        s = s2
    return s


WORDS = ["其中", "共计", "累计", "达到", "达", "为", "的", "以上", "左右", "今年", "项目", "资金",
         "帮扶", "人", "分别为", "分别", " ", "“", "、", "\n", "下"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_trim_regexes_equal_the_plain_rule(words):
    s = "".join(words)
    assert I._trim(s) == reference_trim(s)


def test_trim_examples():
    assert I._trim("其中到位资金达到") == "到位资金"
    assert I._trim("累计达") == "累计"
    assert I._trim("共达") == "共达"  # a word of one character is not cut from two
    assert I._trim("村达到") == "村"  # one of two characters is (was 村达: 到 alone cut)
    assert re.fullmatch(r"\S*", I._trim("  帮扶项目 "))


# ---------------------------------------------------------------- jieba's dictionary, read fast

def test_jieba_dictionary_read_in_one_call_is_jiebas_own():
    """segmenter reads jieba's cache with one read + marshal.loads; a tokenizer that loads the
    same dictionary its own way (marshal.load on the file, or building it) has the same
    prefix dictionary and cuts the same words."""
    import jieba
    from textmine.nlp.segmenter import _load_cache, jieba_module
    jieba_module()  # loads the default tokenizer; writes jieba's cache if there was none
    fast = jieba.Tokenizer()
    assert _load_cache(fast) and fast.initialized
    own = jieba.Tokenizer()
    own.initialize()
    assert fast.total == own.total and fast.FREQ == own.FREQ
    for s in SENTENCES:
        assert fast.lcut(s) == own.lcut(s) == jieba_module().lcut(s)


@pytest.mark.parametrize("content", [None, b"", b"not marshal data", b"\xe9\x01\x00\x00\x00"])
def test_jieba_cache_missing_or_broken_leaves_it_to_jieba(tmp_path, content):
    import jieba
    from textmine.nlp.segmenter import CACHE_NAME, _load_cache
    if content is not None:
        (tmp_path / CACHE_NAME).write_bytes(content)
    t = jieba.Tokenizer()
    t.tmp_dir = str(tmp_path)
    assert not _load_cache(t) and not t.initialized


def test_jieba_other_dictionary_is_left_to_jieba(tmp_path):
    import jieba
    from textmine.nlp.segmenter import _load_cache
    d = tmp_path / "dict.txt"
    d.write_text("扶贫车间 5 n\n", encoding="utf-8")
    assert not _load_cache(jieba.Tokenizer(str(d)))
