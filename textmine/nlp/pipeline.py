"""build_nlp(): textmine's segmentation and claims as a spaCy pipeline, for those who want
spaCy objects (a blank ``zh`` pipeline with the jieba segmenter and textmine's own component,
built in code, no model download). Extraction itself does not use it (``extract``: the
numbers are found first and only the sentences with claims are cut into words, without
spaCy); this module is the one place that imports spaCy. Call it explicitly; nothing loads
at import of ``textmine``.

    >>> doc = build_nlp()("安排项目1672个。")               # doctest: +SKIP
    >>> [s.text for s in doc.spans["claims"]]             # doctest: +SKIP
    ['1672个']
"""
from __future__ import annotations

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import claim_mentions
from .segmenter import default_segmenter

if not Span.has_extension("mention"):
    Span.set_extension("mention", default=None)
if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)
if not Doc.has_extension("month"):
    Doc.set_extension("month", default=None)  # the document's month, for 上个月


TEXT_KEY = "textmine.text"  # doc.user_data: the text the doc was made from


class JiebaTokenizer(ChineseTokenizer):
    """spaCy's zh tokenizer with the jieba segmenter, its tokens made by textmine's
    ``Segmenter`` (the same tokens, with jieba's dictionary read as far as the text needs
    it). The Doc remembers its text, so the components do not rebuild it from the tokens
    (``doc.text`` joins them on every access)."""

    def __init__(self, vocab):
        super().__init__(vocab, segmenter=Segmenter.jieba)

    def __call__(self, text: str) -> Doc:
        words, starts = default_segmenter().cut(text)
        ends = starts[1:] + [len(text)]
        spaces = [s + len(w) < e for w, s, e in zip(words, starts, ends)]
        doc = Doc(self.vocab, words=list(words), spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


def token_texts(doc: Doc, text: str | None = None) -> tuple[str, ...]:
    """The doc's token texts, sliced from its text (``text`` if known) by offset, without
    making Token objects."""
    text = doc.text if text is None else text
    return tuple(text[i:i + n] for i, n in doc.to_array(["IDX", "LENGTH"]).tolist())


@Language.component("textmine_numbers")
def numbers_component(doc: Doc) -> Doc:
    """Finds the claims (``extract.claim_mentions``) and stores them as spans in
    ``doc.spans["claims"]`` with the parsed mention under ``span._.mention``."""
    spans = []
    for m in claim_mentions(doc_text(doc), doc._.year, doc._.month):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        span._.mention = m
        spans.append(span)
    doc.spans["claims"] = spans
    return doc


def build_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    nlp.add_pipe("textmine_numbers")
    return nlp
