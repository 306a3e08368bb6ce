"""build_nlp(): a blank spaCy ``zh`` pipeline with the jieba segmenter and textmine's own
component, built in code (no model download). Call it explicitly; nothing loads at import."""
from __future__ import annotations

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..parse.numbers import find_numbers
from .claims import select_claims
from .segmenter import jieba_module

if not Span.has_extension("mention"):
    Span.set_extension("mention", default=None)
if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)
if not Doc.has_extension("month"):
    Doc.set_extension("month", default=None)  # the document's month, for 上个月


TEXT_KEY = "textmine.text"  # doc.user_data: the text the doc was made from


class JiebaTokenizer(ChineseTokenizer):
    """spaCy's zh tokenizer with the jieba segmenter, plus a fast path: a text without
    whitespace needs no re-alignment of jieba's words (spaCy's ``get_words_and_spaces``
    scans the text once per word), so its Doc is built from the words directly. Texts with
    whitespace go through spaCy's own code. Either way the Doc remembers its text, so the
    components do not rebuild it from the tokens (``doc.text`` joins them on every access)."""

    def __init__(self, vocab):
        super().__init__(vocab, segmenter=Segmenter.jieba)

    def __call__(self, text: str) -> Doc:
        if text.isprintable() and " " not in text:
            words = [w for w in self.jieba_seg.cut(text, cut_all=False) if w]
            doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        else:
            doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text
        return doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


@Language.component("textmine_numbers")
def numbers_component(doc: Doc) -> Doc:
    """Finds number expressions, keeps the claims, and stores them as spans in
    ``doc.spans["claims"]`` with the parsed mention under ``span._.mention``."""
    spans = []
    text = doc_text(doc)
    for m in select_claims(text, find_numbers(text, doc._.year, doc._.month)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        span._.mention = m
        spans.append(span)
    doc.spans["claims"] = spans
    return doc


def build_nlp() -> Language:
    jieba_module()  # the dictionary, read quickly, before spaCy's tokenizer asks for it
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    nlp.add_pipe("textmine_numbers")
    return nlp
