"""Blocks -> sentences with exact offsets (``block.text[s.start:s.start+len(s.text)] == s.text``).

A sentence ends at 。！？；!?; (closing quotes and brackets stay with it). Headings and
table cells are sentences of their own.
"""
from __future__ import annotations

import re

from ..types import BBox, Claim, Document, Sentence

_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
# A sentence longer than this is cut into pieces, after the last clause mark of each window
# (else at the limit): the work per claim grows with its sentence (clauses, features), so
# a sentence of thousands of claims (2020年 x 4000, a table pasted as one line) would make
# extraction quadratic in it. Reports' longest sentences are a few hundred characters.
MAX_SENTENCE = 1000
_CLAUSE_MARKS = "，,、：: \u3000"


def split_text(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, whitespace at the edges excluded."""
    spans = []
    pos = 0
    for m in _END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out += capped(text, a, b)
    return out


def capped(text: str, a: int, b: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``text[a:b]`` as spans of at most ``limit`` characters, each cut after the last clause
    mark in its second half, else at the limit; one span when it is short enough."""
    out = []
    while b - a > limit:
        window = text[a:a + limit]
        cut = max(window.rfind(c) for c in _CLAUSE_MARKS) + 1
        cut = cut if cut > limit // 2 else limit
        out.append((a, a + cut))
        a += cut
    out.append((a, b))
    return out


def split_document(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    section: str | None = None
    for bi, block in enumerate(doc.blocks):
        if block.kind == "axis":  # (a chart's tick labels: its scale, no text)
            continue
        if block.kind in ("heading", "title"):
            section = block.text.strip() or section
        if block.kind in ("heading", "title", "table_cell"):
            parts = split_text(block.text)  # one sentence: the whole block, edges trimmed
            spans = capped(block.text, parts[0][0], parts[-1][1]) if parts else []
        else:
            spans = split_text(block.text)
        for a, b in spans:
            sentences.append(Sentence(block.text[a:b], bi, a, len(sentences), page=block.page,
                                      section=section if block.kind not in ("heading", "title") else None,
                                      cell=block.cell,
                                      ocr=block.ocr[a:b] if block.ocr else None))
    return sentences


def fill_boxes(doc: Document, sentences: list[Sentence], claims: list[Claim]) -> None:
    """Set each claim's bbox from ``doc``'s character boxes (claims extracted from sentences
    without their document: the sentence's place in ``sentences`` is its ``sentence_index``)."""
    for c in claims:
        sent = sentences[c.sentence_index]
        row, at = row_of(sent)  # (a cell's claim stands in its row: its offsets less where the
        at = at if c.sentence == row else 0  # cell starts; not a claim read from the cell alone)
        c.bbox = bbox_of(doc, sent, c.start - at, c.end - at)


def row_of(sent: Sentence) -> tuple[str, int]:
    """The text a sentence's claims stand in and where the sentence starts in it: a table
    cell's row as written (a cell alone, 4.2, is no place a reader can find), else the
    sentence itself at 0."""
    cell = sent.cell
    if cell is not None and cell.row_text and cell.row_at >= 0:
        return cell.row_text, cell.row_at
    return sent.text, 0


def bbox_of(doc: Document, sent: Sentence, a: int, b: int) -> BBox | None:
    """The box around characters a..b of ``sent`` (PDF input; None for text)."""
    block = doc.blocks[sent.block]
    if not block.char_boxes:
        return None
    boxes = [bx for bx in block.char_boxes[sent.start + a:sent.start + b] if bx is not None]
    if not boxes:
        return None
    return (min(x[0] for x in boxes), min(x[1] for x in boxes),
            max(x[2] for x in boxes), max(x[3] for x in boxes))


def ocr_fields(sent: Sentence, a: int, b: int) -> dict:
    """``ocr`` and ``ocr_confidence`` of a claim on characters a..b of a sentence read by OCR
    (the lowest confidence among them); nothing for a text layer."""
    if not sent.ocr:
        return {}
    known = [c for c in sent.ocr[a:b] if c is not None]
    return {"ocr": True, "ocr_confidence": round(min(known), 4) if known else None}
