"""The encoding of a text file, decided on its first bytes, and the file decoded block by
block in it (a file of any size is never held as bytes and text at once).

    >>> head = fh.read(PREFIX)                                  # doctest: +SKIP
    >>> enc, bom = detect(head, name)                           # doctest: +SKIP
    >>> text = "".join(decode_blocks(fh, enc, Notes(enc), head[bom:]))   # doctest: +SKIP

Detection: a byte order mark; UTF-32 or UTF-16 without one (their NUL bytes fall at fixed
places; a UTF-16 text of Chinese alone has none, and is told by what it decodes to); UTF-8;
else GB18030 or Big5, whichever gives more of the common characters of Chinese (Big5 bytes
read as GB18030 give kana, symbols and rare characters); else charset-normalizer's guess.
Decoding, line by line for the encodings in which a newline is one byte: a line that is not
valid in the file's encoding but is in the other common one (UTF-8 lines pasted into a GB18030
file, or the other way) is read in that one, and the file is said to mix them; a line valid in
neither has its bad bytes replaced with U+FFFD, and a warning names the line (a file cut in the
middle of a character loses that character only).
"""
from __future__ import annotations

import codecs
from functools import lru_cache
from typing import BinaryIO, Iterator

from ..errors import InputError

PREFIX = 64 * 1024        # bytes the encoding is decided on
BLOCK = 1 << 20           # bytes decoded at a time
MAX_NUL_SHARE = 0.001     # more NUL bytes than this (and no UTF-16/32 pattern): binary
MAX_LINES_NAMED = 5       # lines a warning names
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
ONE_BYTE_NEWLINE = ("utf-8", "gb18030", "big5")
OTHER = {"utf-8": "gb18030", "gb18030": "utf-8", "big5": "utf-8"}


def detect(head: bytes, name: str) -> tuple[str, int]:
    """(encoding, length of its byte order mark) of a file that starts with ``head``; a
    one-line InputError when it is no text."""
    for bom, enc in BOMS:
        if head.startswith(bom):
            return enc, len(bom)
    wide = _wide(head)
    if wide is not None:
        return wide, 0
    if head.count(b"\x00") > max(2, MAX_NUL_SHARE * len(head)):
        raise InputError(f"{name}: binary file, not text (NUL bytes)")
    if _valid(head, "utf-8"):
        return "utf-8", 0
    # a few bad bytes in UTF-8 (a file cut in a character) still read best as UTF-8
    scores = {enc: _score(head, enc)
              for enc in ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be")}
    best = max(scores, key=scores.get)
    if scores[best] > 0:
        return best, 0
    guess = _guess(head)
    if guess is None:
        raise InputError(f"{name}: cannot decode the file as text (not UTF-8, GB18030 or Big5)")
    return guess, 0


def _wide(head: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte order mark, from where their NUL bytes fall (the high
    bytes of ASCII characters; the top bytes of every UTF-32 character)."""
    n = len(head) - len(head) % 4
    if n >= 8:
        quads = [head[i::4][: n // 4] for i in range(4)]
        if quads[2].count(0) == len(quads[2]) and quads[3].count(0) == len(quads[3]):
            return "utf-32-le"
        if quads[0].count(0) == len(quads[0]) and quads[1].count(0) == len(quads[1]):
            return "utf-32-be"
    if not head.count(0):
        return None
    # the ASCII characters of UTF-16 (digits, newlines) put their NUL on one side, the high
    # byte; few Chinese characters have a NUL low byte (U+4E00)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    side = "utf-16-le" if odd > 9 * even else "utf-16-be" if even > 9 * odd else None
    return side if side is not None and _score(head, side) > 0 else None


def _valid(data: bytes, enc: str) -> bool:
    """``data`` decodes in ``enc`` (a character cut at the end of the prefix allowed)."""
    try:
        codecs.getincrementaldecoder(enc)().decode(data, final=False)
        return True
    except UnicodeDecodeError:
        return False


def _score(data: bytes, enc: str) -> float:
    """How much of ``data`` read in ``enc`` is the common characters of Chinese (simplified:
    GB2312 level 1; traditional: Big5 level 1), less what no Chinese text holds (kana, Hangul,
    symbols between characters, private use, replacement characters); per character."""
    text = codecs.getincrementaldecoder(enc)(errors="replace").decode(data, final=False)
    if not text:
        return 0.0
    good = bad = 0
    for ch in text:
        kind = _kind(ch)
        good += kind > 0
        bad += kind < 0
    return (good - 3 * bad) / len(text)


@lru_cache(maxsize=None)
def _kind(ch: str) -> int:
    """1: a common Chinese character; -1: a character no Chinese report is made of; 0: other
    (ASCII, punctuation, a rarer character)."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF:
        return 1 if _common(ch) else 0
    if ch == "\ufffd" or 0xE000 <= o <= 0xF8FF or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF \
            or 0x0370 <= o <= 0x052F or 0x2500 <= o <= 0x25FF or (o < 0x20 and ch not in "\t\n\r\f"):
        return -1
    return 0


def _common(ch: str) -> bool:
    try:
        g = ch.encode("gb2312")
        if 0xB0 <= g[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        return 0xA440 <= int.from_bytes(b, "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def _guess(head: bytes) -> str | None:
    from charset_normalizer import from_bytes
    best = from_bytes(head).best()
    if best is None or best.encoding is None:
        return None
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        return None
    return best.encoding


NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030", "big5": "Big5"}


class Notes:
    """What decoding found: lines in UTF-8 and in the legacy encoding (GB18030 or Big5)
    mixed in one file, lines with bad bytes."""

    def __init__(self, enc: str):
        self.enc = enc
        self.legacy = enc if enc in ("gb18030", "big5") else "gb18030"
        self.utf8 = self.other = 0
        self.bad: list[int] = []
        self.n_bad = 0

    def warnings(self) -> list[str]:
        out = []
        if self.utf8 and self.other:
            out.append(f"mixed encodings: {self.utf8} line(s) UTF-8, {self.other} line(s) "
                       f"{NAMES[self.legacy]}")
        if self.n_bad:
            lines = ", ".join(map(str, self.bad))
            more = f" and {self.n_bad - len(self.bad)} more" if self.n_bad > len(self.bad) else ""
            out.append(f"bytes that are not {NAMES.get(self.enc, self.enc.upper())} replaced "
                       f"(U+FFFD) in line {lines}{more}")
        return out

    def replaced(self, line: int) -> None:
        if self.bad and self.bad[-1] == line:
            return
        self.n_bad += 1
        if len(self.bad) < MAX_LINES_NAMED:
            self.bad.append(line)


def decode_blocks(fh: BinaryIO, enc: str, notes: Notes, first: bytes = b"") -> Iterator[str]:
    """The text of ``first`` (bytes already read, after any byte order mark) and the rest of
    the stream, a block at a time (whole lines for one-byte-newline encodings)."""
    if enc in ONE_BYTE_NEWLINE:
        yield from _by_lines(_blocks(fh, first), notes)
        return
    dec = codecs.getincrementaldecoder(enc)(errors="replace")
    line = 1
    for block in _blocks(fh, first):
        text = dec.decode(block)
        _note_replaced(text, line, notes)
        line += text.count("\n")
        yield text
    tail = dec.decode(b"", final=True)
    _note_replaced(tail, line, notes)
    yield tail


def _note_replaced(text: str, line: int, notes: Notes) -> None:
    pos = text.find("\ufffd")
    while pos >= 0:
        notes.replaced(line + text.count("\n", 0, pos))
        pos = text.find("\ufffd", pos + 1)


def _blocks(fh: BinaryIO, first: bytes) -> Iterator[bytes]:
    if first:
        yield first
    yield from iter(lambda: fh.read(BLOCK), b"")


def _by_lines(blocks: Iterator[bytes], notes: Notes) -> Iterator[str]:
    rest = b""
    line = 0
    for block in blocks:
        data = rest + block
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        out = []
        for raw in data[:cut].split(b"\n")[:-1]:
            line += 1
            out.append(_line(raw, line, notes))
            out.append("\n")
        yield "".join(out)
    if rest:
        yield _line(rest, line + 1, notes)


def _line(raw: bytes, line: int, notes: Notes) -> str:
    """One line: UTF-8 if it is valid UTF-8 (lines pasted from another source keep theirs),
    else the file's legacy encoding (GB18030 or Big5) if valid in it and, in a UTF-8 file,
    more like Chinese read so than as UTF-8 with its bad bytes replaced; else the file's
    encoding with the bad bytes replaced, and the line named in a warning."""
    if raw.isascii():
        return raw.decode("ascii")
    try:
        text = raw.decode("utf-8")
        notes.utf8 += 1
        return text
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode(notes.legacy)
    except UnicodeDecodeError:
        text = None
    if text is not None and (notes.enc == notes.legacy
                             or _score(raw, notes.legacy) > _score(raw, "utf-8")):
        notes.other += 1
        return text
    notes.replaced(line)
    return raw.decode(notes.enc, "replace")
