"""Writing records and messages for people and programs.

``printable`` makes any text safe to show on one line of a terminal: a file name or an error
message is data, never markup, control sequences or a second line.
"""
from __future__ import annotations

import re

# C0 and C1 control characters, DEL, line and paragraph separators, and the bidirectional
# overrides that reorder what a terminal shows; lone surrogates (a file name that is not UTF-8,
# decoded with surrogateescape) are matched apart
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` as one line of plain characters: control characters, separators and
    direction overrides as backslash escapes (``\\x1b``, ``\\n``), the bytes of a file name
    that is not UTF-8 as ``\\xff``.

        >>> printable("a\\x1b[31mb\\nc")
        'a\\\\x1b[31mb\\\\nc'
        >>> printable("bad\\udcff.txt")
        'bad\\\\xff.txt'
    """
    s = str(text)
    if s.isprintable():
        return s
    return _SURROGATE.sub(_escape, _UNSAFE.sub(_escape, s))
