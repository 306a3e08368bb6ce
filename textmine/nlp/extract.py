"""Document -> Claim records: sentences through the spaCy pipeline, each claim span turned
into a contract record with its indicator, provenance (page, bbox) and year source."""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Claim, Document, Sentence
from .cells import cell_claims
from .indicator import indicator_for
from .sentences import bbox_of as _bbox, split_document


def sentence_claims(doc: Document, nlp: Language, sentences: list[Sentence] | None = None
                    ) -> Iterator[tuple[Doc, list[Claim]]]:
    """Per sentence with claims: its spaCy doc (the classifier reuses its tokens) and claims.
    ``sentences``: a part of ``split_document(doc)`` (default: all of it); ``doc`` then only
    lends its id and year, and boxes are left to ``fill_boxes`` when it has no blocks."""
    if sentences is None:
        sentences = split_document(doc)
    def box(sent: Sentence, a: int, b: int):
        return _bbox(doc, sent, a, b) if doc.blocks else None

    for sdoc, sent in _pipe(nlp, sentences, doc.year):
        if sent.cell is not None:  # a table cell: its headers say what it measures
            found = cell_claims(doc, sent, box)
            if found:
                yield sdoc, found
            continue
        spans = sdoc.spans.get("claims", [])
        if not spans:
            continue
        claims: list[Claim] = []
        token_starts = _TokenStarts(sdoc)
        prev_end = 0
        for span in spans:
            m = span._.mention
            indicator = indicator_for(sent.text, m.start, m.end, m.kind, prev_end, token_starts)
            if not indicator and claims and not sent.text[prev_end:m.start].strip(_JOINERS):
                indicator = claims[-1].indicator  # 1300多种8.2亿余元: one phrase, two numbers
            prev_end = m.end
            year_source = None
            if m.kind == "date":
                year_source = "written" if m.year_written else f"document:{doc.year_source}"
            claims.append(Claim(
                doc=doc.doc_id, page=sent.page, sentence=sent.text, start=m.start, end=m.end,
                text=sent.text[m.start:m.end], kind=m.kind, value=m.value, unit=m.unit,
                qualifier=m.qualifier, lower=m.lower, upper=m.upper, indicator=indicator,
                per=m.per, change=_change(sent.text, m.start),
                bbox=box(sent, m.start, m.end),
                sentence_index=sent.index,
                section=sent.section, year_source=year_source, optional=m.optional))
        yield sdoc, claims


_JOINERS = " 、和及与"


class _TokenStarts:
    """The character offsets where the doc's tokens start, read only when asked for."""

    def __init__(self, doc: Doc):
        self.doc, self._set = doc, None

    def __contains__(self, i: object) -> bool:
        if self._set is None:
            self._set = set(self.doc.to_array("IDX").tolist())
        return i in self._set


def token_texts(doc: Doc, text: str | None = None) -> tuple[str, ...]:
    """The doc's token texts, sliced from its text (``text`` if known) by offset, without
    making Token objects."""
    text = doc.text if text is None else text
    return tuple(text[i:i + n] for i, n in doc.to_array(["IDX", "LENGTH"]).tolist())


def _pipe(nlp: Language, sentences: list[Sentence], year: int | None):
    """Each sentence through the pipeline, with the document year set before the components run."""
    procs = [proc for _, proc in nlp.pipeline]  # the property builds a new list per access
    make_doc = nlp.make_doc
    for sent in sentences:
        d = make_doc(sent.text)
        d._.year = year
        if sent.cell is None:  # table cells are read by nlp.cells
            for proc in procs:
                d = proc(d)
        yield d, sent


_UP = ("增长", "增加", "提高", "上升", "上涨", "增至", "提升", "扩大")
_DOWN = ("下降", "减少", "降低", "下跌", "缩减", "回落", "降至", "缩小")


def _change(text: str, start: int) -> str | None:
    before = text[max(0, start - 4):start]
    if any(w in before for w in _UP):
        return "increase"
    if any(w in before for w in _DOWN):
        return "decrease"
    return None
