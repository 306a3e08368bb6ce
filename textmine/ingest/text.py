"""Plain-text input -> ``Document``: encoding detection, and text dumped from PDFs (one
column line per line) re-joined into paragraphs, headings kept as their own blocks."""
from __future__ import annotations

import codecs
import re
import statistics
from pathlib import Path

from ..errors import InputError
from .docinfo import HEAD_BLOCKS, reference_year, report_title
from ..types import Block, Document

TERMINAL = "。！？；!?;…"
CLOSERS = "”’）)】』」"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HEADING_MAX = 40
_CONTINUES = "的和与及在了对为把被将从向并或而且是有个等"  # a line ending so continues
_PUNCT = re.compile(r"[。，、；：！？,;:!?]")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、])")


# Characters that are never content: zero-width marks, soft hyphen, BOM, and control
# characters (C0 but tab/newlines, DEL, C1). They are dropped, so ``1\u200b672个`` is 1672.
_DROP = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]+")
_BREAK = re.compile("[\x0c\u2028\u2029]")  # form feed, line and paragraph separators
MAX_NUL_SHARE = 0.001  # more NUL bytes than this in the first 4 KB: binary, not text
MAX_BLOCK_CHARS = 20_000  # longer paragraphs are split (spaCy refuses texts above 1M chars)


def clean_text(text: str) -> str:
    """Drop invisible and control characters; page breaks become line breaks."""
    return _BREAK.sub("\n", _DROP.sub("", text))


def decode(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Text of a file's bytes: UTF-16 or UTF-8 with a BOM, UTF-8, GB18030/GBK, UTF-8 and
    GB18030 lines mixed in one file (said in ``notes``), else the detected encoding; a
    one-line InputError when it is not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: invalid UTF-16 text (byte {e.start})") from None
        return _nonempty(text.lstrip("\ufeff"), name)
    head = data[:4096]
    if head.count(b"\x00") > max(2, MAX_NUL_SHARE * len(head)):
        raise InputError(f"{name}: binary file, not text (NUL bytes)")
    try:
        return _nonempty(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        text, n_utf8, n_gb = mixed
        if notes is not None:
            notes.append(f"mixed encodings: {n_utf8} line(s) UTF-8, {n_gb} line(s) GB18030")
        return _nonempty(text, name)
    try:
        return _nonempty(data.decode("gb18030"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the file as text (not UTF-8 or GB18030)")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise InputError(f"{name}: cannot decode the file as text ({best.encoding} guess is garbage)")
    return _nonempty(text, name)


def _nonempty(text: str, name: str) -> str:
    if not clean_text(text[:4096]).strip() and not clean_text(text).strip():
        raise InputError(f"{name}: file is empty")
    return text


def _mixed_lines(data: bytes) -> tuple[str, int, int] | None:
    """Lines in UTF-8 and lines in GB18030 (text pasted together from two sources): the
    text decoded line by line, or None when the file is not like that."""
    out: list[str] = []
    n_utf8 = n_gb = 0
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
            n_utf8 += not line.isascii()
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode("gb18030"))
            n_gb += 1
        except UnicodeDecodeError:
            return None
    if n_utf8 == 0 or n_gb == 0:
        return None
    return "\n".join(out).lstrip("\ufeff"), n_utf8, n_gb


def read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    notes: list[str] = []
    text = decode(data, str(path), notes)
    if not _CJK.search(text) and not re.search(r"\d", text):
        raise InputError(f"{path}: no Chinese text or numbers found")
    doc = document_from_text(text, doc_id=path.stem)
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


def document_from_text(text: str, doc_id: str = "text") -> Document:
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text, meta, headings = front_matter(text)
    blocks: list[Block] = [Block(h, "heading") for h in headings]
    warnings: list[str] = []
    for t, kind in paragraphs(text):
        if len(t) <= MAX_BLOCK_CHARS:
            blocks.append(Block(t, kind))
            continue
        parts = split_long(t)
        warnings.append(f"a paragraph of {len(t)} characters was split into {len(parts)} blocks")
        blocks.extend(Block(p, "paragraph") for p in parts)
    doc = Document(doc_id=doc_id, blocks=blocks, warnings=warnings)
    if meta:
        doc.metadata["header"] = meta
    doc.title = report_title(blocks)
    doc.year, doc.year_source = reference_year(doc_id, doc.title, meta,
                                               [b.text for b in blocks[:HEAD_BLOCKS]], text)
    return doc


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


def join_lines(lines: list[str]) -> str:
    """Join column lines: nothing between CJK characters or a number and its unit; a space
    only between two Latin words split by the line break."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
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
    if chars_in_long > 0.5 * sum(len(ln) for ln in nonempty):
        # one paragraph per line; short lines without end punctuation are headings
        out = []
        for ln in nonempty:
            kind = "heading" if len(ln) <= _HEADING_MAX and not _ends_sentence(ln) else "paragraph"
            out.append((ln, kind))
        return out
    # column lines: the typical (full) line width is the most common long-ish length
    width = statistics.median_high(sorted(len(ln) for ln in nonempty)[len(nonempty) // 2:])
    out: list[tuple[str, str]] = []
    current: list[str] = []
    prev_ended = True
    for ln in nonempty:
        if prev_ended and _is_heading(ln, width):
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
