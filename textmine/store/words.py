"""Sentences cut into words for the word index (FTS5, ``unicode61`` tokenizer).

Chinese has no spaces, so FTS5's word tokenizer sees a whole run of characters as one token,
and the trigram index cannot find words of one or two characters (就业, 扶贫, 村). The store
therefore keeps each sentence also as its words, one space between, and indexes that with
``unicode61``: a query for ``就业`` is then one token that matches the word ``就业``, in
sqlite-utils (``sqlite-utils search DB sentences 就业``) and Datasette (``?_search=就业``) as
they are. The words are jieba's (precise mode), plus, as jieba's search mode adds them, the
dictionary words of two and three characters inside a longer word (贫困人口 -> 贫困, 人口), plus
each pair of neighbouring Chinese words (扶贫 车间 -> 扶贫车间), so that a compound the
dictionary lacks is found as typed.

    >>> index_words("援建扶贫车间326个。")
    '援建 扶贫 车间 326 个 援建扶贫 扶贫车间'
"""
from __future__ import annotations

import re

from ..nlp.segmenter import default_segmenter

_CJK_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_KEEP = re.compile(r"\w", re.UNICODE)  # a token with a letter or digit is indexed


def _inner_words(word: str, is_word) -> list[str]:
    """Dictionary words of 2 and 3 characters inside ``word`` (jieba's search mode)."""
    out = []
    for n in (2, 3):
        if len(word) > n:
            out += [word[i:i + n] for i in range(len(word) - n + 1) if is_word(word[i:i + n])]
    return out


def index_words(text: str) -> str:
    """``text`` as words separated by single spaces (see the module docstring). The words
    are the extraction's own (``nlp.segmenter``: ``jieba.lcut``'s words, with only the part
    of the dictionary the text needs read, not jieba's whole dictionary in every process)."""
    seg = default_segmenter()
    cut = seg.words(text or "")
    words: list[str] = []
    extra: list[str] = []
    for i, w in enumerate(cut):
        if not _KEEP.search(w):
            continue  # punctuation and spaces
        words.append(w)
        extra += _inner_words(w, seg.is_word)
        if i and _CJK_WORD.fullmatch(w) and _CJK_WORD.fullmatch(cut[i - 1]):
            extra.append(cut[i - 1] + w)
    return " ".join(words + extra)
