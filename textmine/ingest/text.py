"""Plain-text input -> ``Document``: encoding detection, and text dumped from PDFs (one
column line per line) re-joined into paragraphs, headings kept as their own blocks."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

from ..errors import InputError
from ..types import Block, Document

TERMINAL = "。！？；!?;…"
CLOSERS = "”’）)】』」"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HEADING_MAX = 40
_CONTINUES = "的和与及在了对为把被将从向并或而且是有个等"  # a line ending so continues
_PUNCT = re.compile(r"[。，、；：！？,;:!?]")


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else the detected encoding
    (GB18030/GBK are the usual ones); a one-line InputError when it is not text."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: binary file, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the file as text (not UTF-8 or GB18030)")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise InputError(f"{name}: cannot decode the file as text ({best.encoding} guess is garbage)")
    return text


def read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    text = decode(data, str(path))
    if not _CJK.search(text) and not re.search(r"\d", text):
        raise InputError(f"{path}: no Chinese text or numbers found")
    doc = document_from_text(text, doc_id=path.stem)
    doc.path = str(path)
    return doc


def document_from_text(text: str, doc_id: str = "text") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = [Block(t, kind) for t, kind in paragraphs(text)]
    doc = Document(doc_id=doc_id, blocks=blocks)
    if blocks and blocks[0].kind in ("heading", "title"):
        doc.title = blocks[0].text
    doc.year, doc.year_source = infer_year(doc_id, doc.title, text)
    return doc


def infer_year(doc_id: str, title: str | None, text: str) -> tuple[int | None, str]:
    """The report year: from the file name, else the title, else the latest year the text
    mentions (reports look back, not ahead), with how it was chosen."""
    m = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", doc_id)
    if m:
        return int(m.group(1)), "filename"
    if title:
        m = re.search(r"(19[5-9]\d|20\d\d)\s*年", title)
        if m:
            return int(m.group(1)), "title"
    years = [int(y) for y in re.findall(r"(?<!\d)(19[5-9]\d|20\d\d)\s*年", text[:20000])]
    if years:
        counts = {y: years.count(y) for y in set(years)}
        top = max(counts.values())
        return max(y for y, c in counts.items() if c >= max(2, top // 3) or c == top), "text"
    return None, "unknown"


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
    return (0 < len(s) <= _HEADING_MAX and len(s) < 0.8 * width and not _PUNCT.search(s)
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
