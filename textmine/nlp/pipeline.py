"""build_nlp(): a blank spaCy ``zh`` pipeline with the jieba segmenter and textmine's own
component, built in code (no model download). Call it explicitly; nothing loads at import."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..parse.numbers import find_numbers
from .claims import select_claims

if not Span.has_extension("mention"):
    Span.set_extension("mention", default=None)
if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)


@Language.component("textmine_numbers")
def numbers_component(doc: Doc) -> Doc:
    """Finds number expressions, keeps the claims, and stores them as spans in
    ``doc.spans["claims"]`` with the parsed mention under ``span._.mention``."""
    spans = []
    text = doc.text  # Doc.text joins the tokens on every access: read it once
    for m in select_claims(text, find_numbers(text, doc._.year)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        span._.mention = m
        spans.append(span)
    doc.spans["claims"] = spans
    return doc


def build_nlp() -> Language:
    import jieba
    jieba.setLogLevel(60)  # silence jieba's start-up messages
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("textmine_numbers")
    return nlp
