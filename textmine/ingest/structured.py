"""Documents from formats that carry their own structure (Word, HTML): paragraphs, headings
and tables arrive as such, so they become blocks directly (no re-joining of column lines as
for plain text, no layout as for PDF). The readers (``docx.py``, ``html.py``) hand over
``Part``s in reading order; ``build_document`` makes the ``Document``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..types import Block, Document, Table
from .docinfo import HEAD_BLOCKS, reference_year, report_title, sign_off
from .table_heads import text_table
from .text import CLOSERS, TERMINAL, clean_text, join_lines

HEADING_MAX = 40  # a heading-like paragraph is at most this long
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")  # 、 and ： occur in numbered headings
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


@dataclass
class Part:
    """A paragraph (``kind``: ``title``, ``heading`` or ``paragraph``; ``None``: decide from
    the text) or a table (``rows``)."""

    text: str = ""
    kind: str | None = None
    rows: list[list[str | None]] | None = None


@dataclass
class Collected:
    parts: list[Part] = field(default_factory=list)
    title: str | None = None  # a title the format states (<title>, core properties)


def tidy(text: str) -> str:
    """A paragraph's text: control characters dropped, its lines joined the way column lines
    are (nothing between Chinese characters, a space between Latin words), runs of spaces
    made one, indentation (full-width spaces) dropped."""
    lines = clean_text(text).split("\n")
    return _SPACES.sub(" ", join_lines(lines)).strip()


def looks_like_heading(text: str) -> bool:
    """Short, without sentence punctuation and not ending a sentence: a heading."""
    s = text.rstrip(CLOSERS)
    return (0 < len(text) <= HEADING_MAX and not _SENTENCE_PUNCT.search(text)
            and not (s and s[-1] in TERMINAL))


def _clean_rows(rows: list[list[str | None]]) -> list[list[str | None]]:
    rows = [[None if c is None else tidy(c) for c in r] for r in rows]
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for r in rows)]
    return [[r[j] if j < len(r) else None for j in keep] for r in rows]


def build_document(collected: Collected, doc_id: str, path: str, what: str) -> Document:
    """The ``Document`` of the parts (``what`` names the format in errors: "Word document")."""
    blocks: list[Block] = []
    tables: list[Table] = []
    for part in collected.parts:
        if part.rows is not None:
            rows = _clean_rows(part.rows)
            if not rows:
                continue
            table, cells = text_table(rows, len(tables), f"t{len(tables) + 1}")
            table.at = len(blocks)
            tables.append(table)
            blocks += cells
            continue
        text = tidy(part.text)
        if text:
            kind = part.kind or ("heading" if looks_like_heading(text) else "paragraph")
            blocks.append(Block(text, kind))
    if not blocks and not tables:
        raise InputError(f"{path}: {what} holds no text")
    doc = Document(doc_id=doc_id, blocks=blocks, path=path, tables=tables)
    doc.title = collected.title or report_title(blocks)
    doc.year, doc.year_source = reference_year(
        doc_id, doc.title, {}, [b.text for b in blocks[:HEAD_BLOCKS]], doc.text,
        trust_title=collected.title is not None)
    sign_off(doc)
    return doc
