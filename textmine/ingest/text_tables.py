"""Tables in plain text: the rows of a table copied from a web page or a word processor
come as lines of cells parted by tabs or runs of spaces (``常住人口城镇化率（%）  64.5  68``).
Such a run of lines is read as a table (``table_heads.text_table``: its header row, row
labels and units, as for Word and HTML), not joined into a paragraph whose numbers lose
their labels.

A run is a table when it has at least ``MIN_ROWS`` rows of the same number of cells, each a
label and at least two values or placeholders (—), one a value at least (a row may end in
words such as 预期性), optionally under one header line of the same number of cells that
holds no value and names periods or units (指标 2025年 2030年 属性; 产品 产量（万吨）
比上年增长（%）). Cells are parted by a tab, two spaces or more, an ideographic space or a bar
(a Markdown table, whose rule line under the header is dropped); a line with
no sentence punctuation is also parted at single spaces. Prose never has two such lines
in a row (``上一页 1 2 3 下一页``, a page's navigation, is one line).
"""
from __future__ import annotations

import re
from typing import NamedTuple

MIN_ROWS = 2
WORD_CELL_MAX = 6  # words after a row's values (预期性, 约束性) are at most this long
CAPTION_MAX = 40   # the short line right above a table is its caption (专栏1 …主要指标)
LABEL_MAX = 8      # a header's labels of its columns (长顺县, 全州) are at most this long
_SEP = re.compile(r"\t| {2,}|\u3000+|\s*[|｜]\s*")
_RULE = re.compile(r"\s*[|｜]?(?:\s*:?-{3,}:?\s*[|｜])+\s*:?-*:?\s*")  # a Markdown table's |---|---|
_SENTENCE = re.compile(r"[。，；！？,;!?]")
_MAY_PART = re.compile(r"[\s|｜]")  # (a line without these is one cell: cells_of)


def cells_of(line: str) -> list[str]:
    """The cells of a line (one cell for a line that is not parted)."""
    s = line.strip().strip("|｜")
    cells = [c.strip() for c in _SEP.split(s) if c.strip()]
    if len(cells) < 3 and not _SENTENCE.search(s):
        cells = s.split()
    return cells


def _is_row(kinds: list[str]) -> bool:
    return len(kinds) >= 3 and kinds[0] in ("text", "phrase") and "value" in kinds and \
        kinds[1:].count("value") + kinds[1:].count("placeholder") >= 2 and \
        all(k in ("value", "placeholder", "words") for k in kinds[1:])


def _is_header(kinds: list[str], cells: list[str]) -> bool:
    """No figure in it, and a period or a unit in brackets over the values (2025年; 产量（万吨）),
    or short labels after a word that heads the rows (指标 长顺县 惠水县 全州)."""
    from ..parse.cells import is_generic, split_unit
    return len(kinds) >= 3 and not {"value", "phrase"} & set(kinds) and \
        ("period" in kinds[1:] or any(split_unit(c)[1] for c in cells[1:]) or
         is_generic(cells[0]) and all(len(c) <= LABEL_MAX for c in cells[1:]))


def _kinds(cells: list[str]) -> list[str]:
    from .table_heads import cell_kind
    out = [cell_kind(c) for c in cells]
    # (a short word after the values, 预期性: not a label)
    return [k if k != "text" or j == 0 or len(c) > WORD_CELL_MAX else "words"
            for j, (k, c) in enumerate(zip(out, cells))]


class TextTable(NamedTuple):
    rows: list[list[str]]  # the cells of each line
    caption: str
    lines: list[str]       # the lines as written (a cell's claim has its row's as sentence)


def _parted_lines(lines: list[str]) -> int:
    """How many of ``lines`` are parted at all (a line without white space or a bar is one
    cell: ``cells_of``)."""
    return sum(1 for ln in lines if _MAY_PART.search(ln.strip()))


def split_tables(text: str) -> list[str | TextTable]:
    """The text's pieces in order: runs of lines (``str``) and tables."""
    lines = text.split("\n")
    if "-|" in text or "|-" in text or "｜" in text:  # (a Markdown table's rule under its header)
        lines = [ln for ln in lines if not _RULE.fullmatch(ln)]
    if _parted_lines(lines) < MIN_ROWS:
        return [text]  # (the common case: no line parted, so none has three cells)
    parted = [cells_of(ln) for ln in lines]
    if sum(len(c) >= 3 for c in parted) < MIN_ROWS:
        return [text]  # (no line has three cells)
    kinds = [_kinds(c) if len(c) >= 3 else [] for c in parted]
    pieces: list[str | TextTable] = []
    start = i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_row(kinds[j]) and len(kinds[j]) == len(kinds[i]):
            j += 1
        if j - i < MIN_ROWS:
            i += 1
            continue
        top = i - 1 if i > start and _is_header(kinds[i - 1], parted[i - 1]) and \
            len(kinds[i - 1]) == len(kinds[i]) else i
        if top > start:
            pieces.append("\n".join(lines[start:top]))
        pieces.append(TextTable([parted[k] for k in range(top, j)], _caption(lines, parted, start, top),
                                [lines[k].strip() for k in range(top, j)]))
        start = i = j
    if start < len(lines):
        pieces.append("\n".join(lines[start:]))
    return pieces


def _caption(lines: list[str], parted: list[list[str]], start: int, top: int) -> str:
    """The last line with text of ``lines[start:top]`` (right above a table) when it is short,
    ends no clause and is no line of cells; else ""."""
    k = next((k for k in range(top - 1, start - 1, -1) if lines[k].strip()), None)
    if k is None:
        return ""
    above = lines[k].strip()
    return above if len(above) <= CAPTION_MAX and not _SENTENCE.search(above) and \
        len(parted[k]) < 3 else ""
