"""Plain-text input -> ``Document``: encoding detection, and text dumped from PDFs (one
column line per line) re-joined into paragraphs, headings kept as their own blocks."""
from __future__ import annotations

import math
import re
import statistics
from pathlib import Path

from ..errors import InputError
from .encoding import PREFIX, Notes, decode_blocks, detect
from .docinfo import HEAD_BLOCKS, reference_year, report_title, sign_off
from ..types import Block, Document, Table
from .text_tables import split_tables

TERMINAL = "。！？；!?;…"
CLOSERS = "”’）)】』」"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HEADING_MAX = 40
_CONTINUES = "的和与及在了对为把被将从向并或而且是有个等"  # a line ending so continues
_PUNCT = re.compile(r"[。，、；：！？,;:!?]")
_HEADLINE = re.compile(r"^[^\s。，、；：！？,;:!?]*[\u4e00-\u9fff”](?: +[“\u4e00-\u9fff][^\s。，、；：！？,;:!?]*)+$")
# a bulletin's masthead line: the issuing body, spaces, the day it was issued (某某办公室
# 2020年4月30日): a line of its own, never run into the text after it
_MASTHEAD = re.compile(r"^[^\s。，、；：！？,;:!?]{2,40}[ \u3000\t]+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、])")


# Characters that are never content: zero-width marks, soft hyphen, BOM, and control
# characters (C0 but tab/newlines, DEL, C1). They are dropped, so ``1\u200b672个`` is 1672.
_DROP = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]+")
_BREAK = re.compile("[\x0c\u2028\u2029]")  # form feed, line and paragraph separators
MAX_BLOCK_CHARS = 20_000  # longer paragraphs are split (spaCy refuses texts above 1M chars)


def clean_text(text: str) -> str:
    """Drop invisible and control characters; page breaks become line breaks."""
    return _BREAK.sub("\n", _DROP.sub("", text))


def decode(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Text of a file's bytes in the encoding ``encoding.detect`` finds (UTF-8, GB18030,
    Big5, UTF-16/32 with or without a byte order mark, ...), lines in another common encoding
    and bad bytes noted in ``notes``; a one-line InputError when it is not text."""
    import io
    enc, bom = detect(data[:PREFIX], name)
    found = Notes(enc)
    text = "".join(decode_blocks(io.BytesIO(data[bom:]), enc, found))
    if notes is not None:
        notes.extend(found.warnings())
    return _nonempty(text, name)


def _nonempty(text: str, name: str) -> str:
    if not clean_text(text[:4096]).strip() and not clean_text(text).strip():
        raise InputError(f"{name}: file is empty")
    return text


def read_text(path: Path) -> tuple[str, list[str]]:
    """The text of a file, decoded block by block (the bytes are never all in memory), and
    the warnings decoding gave."""
    try:
        with open(path, "rb") as fh:
            blocks, notes = text_blocks(fh, str(path))
            text = "".join(blocks)
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    return _nonempty(text, str(path)), notes.warnings()


def text_blocks(fh, name: str):
    """(the text of a binary stream a block at a time, the ``Notes`` decoding fills): the
    encoding decided on the first bytes, as for files (``encoding.detect``)."""
    head = fh.read(PREFIX)
    if not head.strip() and len(head) < PREFIX:
        raise InputError(f"{name}: file is empty")
    enc, bom = detect(head, name)
    notes = Notes(enc)
    return decode_blocks(fh, enc, notes, head[bom:]), notes


def read_text_file(path: Path) -> Document:
    text, notes = read_text(path)
    if not _CJK.search(text) and not re.search(r"\d", text):
        raise InputError(f"{path}: no Chinese text or numbers found")
    doc = document_from_text(text, doc_id=path.stem)
    del text
    doc.path = str(path)
    doc.warnings[:0] = notes
    return doc


# a header line of ``key=value`` pairs (``# province=贵州省 year=2026 publish_date=2026-02-02``),
# as scrapers and archives put at the top of a text file: metadata, not report text
_META_LINE = re.compile(r"#\s*(?:[A-Za-z_][\w.-]*=\S*\s*)+")
_META_PAIR = re.compile(r"([A-Za-z_][\w.-]*)=(\S*)")


def front_matter(text: str) -> tuple[str, dict[str, str], list[str]]:
    """The ``#`` lines at the top of ``text``: (text without them, metadata from the
    ``key=value`` lines, the other lines as headings without their mark, e.g. a Markdown
    title ``# 2026年政府工作报告``)."""
    meta: dict[str, str] = {}
    headings: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
        line = lines[i].strip()
        if _META_LINE.fullmatch(line):
            meta.update(_META_PAIR.findall(line))
        elif line.lstrip("#").strip():
            headings.append(line.lstrip("#").strip())
        i += 1
    return "\n".join(lines[i:]), meta, headings


def document_from_text(text: str, doc_id: str = "text", front: bool = True,
                       tables_before: int = 0) -> Document:
    """A document from text; ``front``: the text is the top of a file (its ``#`` lines are
    header metadata and title), not a later segment of one; ``tables_before``: the tables of
    the file's segments before it (its tables' ids go on from them: t4, not t1 again)."""
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text, meta, headings = front_matter(text) if front else (text, {}, [])
    blocks: list[Block] = [Block(h, "heading") for h in headings]
    warnings: list[str] = []
    tables: list[Table] = []
    for piece in split_tables(text):
        if not isinstance(piece, str):  # a table's rows: a block per cell with a figure
            from .table_heads import text_table
            table, cells = text_table(piece.rows, len(tables), f"t{tables_before + len(tables) + 1}",
                                      piece.caption, piece.lines)
            table.at = len(blocks)
            tables.append(table)
            blocks += cells
            continue
        for t, kind in paragraphs(piece):
            if len(t) <= MAX_BLOCK_CHARS:
                blocks.append(Block(t, kind))
                continue
            parts = split_long(t)
            warnings.append(f"a paragraph of {len(t)} characters was split into {len(parts)} blocks")
            blocks.extend(Block(p, "paragraph") for p in parts)
    doc = Document(doc_id=doc_id, blocks=blocks, warnings=warnings, tables=tables)
    if meta:
        doc.metadata["header"] = meta
    doc.title = report_title(blocks)
    doc.year, doc.year_source = reference_year(doc_id, doc.title, meta,
                                               [b.text for b in blocks[:HEAD_BLOCKS]], text)
    sign_off(doc)
    return doc


SEGMENT_CHARS = 250_000  # a large text file is read in documents of about this size
CONTEXT_HEADINGS = 3     # the headings before a segment it carries as context


def read_text_segments(path: Path, max_chars: int | None = None):
    """A large text file as a sequence of documents of about ``max_chars`` characters each,
    decoded block by block and cut where a line ends a sentence (or at a blank line; at
    twice the size at the latest), so that no more than one segment is ever held. The first
    segment is read as ``read_text_file`` reads a file (header lines, title, year); the
    others take its id, title, year, header and issuer. Yields ``(segment, notes)``: the
    decoding warnings come with the last segment, when they are all known."""
    path = Path(path)
    max_chars = max_chars or SEGMENT_CHARS
    try:
        fh = open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    with fh:
        blocks, notes = text_blocks(fh, str(path))
        first: Document | None = None
        headings: list[str] = []
        tables = 0  # (of the segments so far: table ids are the file's)
        for text in _segment_texts(blocks, max_chars):
            if first is None:
                _nonempty(text, str(path))
                first = doc = document_from_text(text, doc_id=path.stem)
            else:
                doc = document_from_text(text, doc_id=path.stem, front=False, tables_before=tables)
                doc.title, doc.issuer = first.title, first.issuer
                doc.year, doc.year_source = first.year, first.year_source
                # the headings above the segment, as context: the part of the report and the
                # section it continues (their own claims came with the segment before)
                doc.blocks[:0] = [Block(h, "heading") for h in headings]
                doc.metadata = dict(first.metadata, context_blocks=len(headings))
            tables += len(doc.tables)
            seen = [b.text for b in doc.blocks if b.kind in ("heading", "title") and b.text.strip()]
            headings = seen[-CONTEXT_HEADINGS:] if seen else headings
            doc.path = str(path)
            yield doc, None
        if first is None:
            raise InputError(f"{path}: file is empty")
    yield None, notes.warnings()


def _segment_texts(blocks, max_chars: int):
    buf: list[str] = []
    size = 0
    rest = ""
    for block in blocks:
        lines = (rest + block).split("\n")
        rest = lines.pop()
        for line in lines:
            buf.append(line)
            size += len(line) + 1
            ends = not line.strip() or _ends_sentence(line)
            if size >= max_chars and ends or size >= 2 * max_chars:
                yield "\n".join(buf) + "\n"
                buf, size = [], 0
    if rest:
        buf.append(rest)
    if buf:
        yield "\n".join(buf) + "\n"


def split_long(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters, cut after the last sentence end in each
    window, else after the last comma or blank, else at the limit."""
    parts: list[str] = []
    pos, n = 0, len(text)
    while n - pos > limit:
        window = text[pos:pos + limit]
        cut = max(window.rfind(c) for c in TERMINAL)
        if cut < limit // 2:
            cut = max(cut, *(window.rfind(c) for c in "，,、 \u3000"))
        cut = cut + 1 if cut >= limit // 2 else limit
        parts.append(text[pos:pos + cut])
        pos += cut
    parts.append(text[pos:])
    return [p for p in parts if p.strip()]


_CELL = re.compile(r"[-+]?\d[\d.,%‰]*")  # a line that is one number: a table's cell


def join_lines(lines: list[str]) -> str:
    """Join column lines: nothing between CJK characters or a number and its unit; a space
    only between two Latin words split by the line break; a tab between two numbers when
    either line is a number alone (a table's cells, one a line: 143 / 512 / 31.25%)."""
    out, last = "", ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        elif out and (out[-1].isdigit() or out[-1] in "%‰") and _CELL.match(line) and (
                _CELL.fullmatch(line) or _CELL.fullmatch(last)):
            out += "\t"
        out += line
        last = line
    return out


def _ends_sentence(line: str) -> bool:
    s = line.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in TERMINAL


def _is_heading(line: str, width: float) -> bool:
    s = line.strip()
    bare = _MARKER.sub("", s, count=1)  # 二、2021年主要任务: the list marker's 、 is no clause
    return (0 < len(s) <= _HEADING_MAX and len(s) < 0.8 * width and not _PUNCT.search(bare)
            and bool(_CJK.search(s)) and s[-1] not in _CONTINUES)


def paragraphs(text: str) -> list[tuple[str, str]]:
    """(paragraph text, kind) in order; kind is ``heading`` or ``paragraph``."""
    nonempty = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not nonempty:
        return []
    chars_in_long = sum(len(ln) for ln in nonempty if len(ln) > 60)
    full = [ln for ln in nonempty if len(ln) > _HEADING_MAX]
    if chars_in_long > 0.5 * sum(len(ln) for ln in nonempty) or \
            (full and all(map(_ends_sentence, full))):
        # (long lines, or every line longer than a heading a whole paragraph: a column's
        # lines end sentences only now and then, so a short text is read by its lines too)
        # one paragraph per line; short lines without end punctuation are headings
        out = []
        for ln in nonempty:
            kind = "heading" if len(ln) <= _HEADING_MAX and not _ends_sentence(ln) else "paragraph"
            out.append((ln, kind))
        return out
    # column lines: the typical (full) line width is the most common long-ish length
    width = statistics.median_high(sorted(len(ln) for ln in nonempty)[len(nonempty) // 2:])
    return _column_paragraphs(text.split("\n"), width)


def _column_paragraphs(lines: list[str], width: float) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    current: list[str] = []
    prev_ended, gap = True, False
    for raw in lines:
        ln = raw.strip()
        if not ln:  # a blank line after a sentence's end closes the paragraph
            if prev_ended and current:
                out.append((join_lines(current), "paragraph"))
                current = []
            gap = True
            continue
        heading = _opens_heading(ln, current, prev_ended, gap, width) or \
            (not out and not current and _is_title(ln))
        gap = False
        if heading:
            if current:
                out.append((join_lines(current), "paragraph"))
                current = []
            out.append((ln, "heading"))
            prev_ended = True
            continue
        current.append(ln)
        prev_ended = _ends_sentence(ln)
        if prev_ended and len(ln) < 0.9 * width or len(ln) < 0.5 * width:
            out.append((join_lines(current), "paragraph"))
            current = []
    if current:
        out.append((join_lines(current), "paragraph"))
    return out


def _is_title(ln: str) -> bool:
    """A text's first line is its title when it is short and holds no punctuation, however
    narrow the column its other lines set (a short text's few lines set none)."""
    return _is_heading(ln, math.inf) and not _PUNCT.search(ln)


def _opens_heading(ln: str, current: list[str], prev_ended: bool, gap: bool, width: float) -> bool:
    """Whether column line ``ln`` is a heading: a short line without punctuation after a
    sentence's end; a headline (its phrases apart by spaces) or a bulletin's masthead line
    (某某办公室　2020年4月30日); or, after a blank line, a short
    line without punctuation when the line before it does not run on (it ends no clause and
    is no full column line), also after a lead paragraph that has no full stop (newspaper
    pages)."""
    if _HEADLINE.match(ln) or _MASTHEAD.match(ln):
        return True
    if not _is_heading(ln, width):
        return False
    if prev_ended:
        return True
    last = current[-1] if current else ""
    return gap and bool(last) and last[-1] not in _CONTINUES + "，、：,:" and \
        abs(len(last) - width) > 0.15 * width
