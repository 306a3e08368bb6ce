"""Limits on what a PDF may make textmine hold: the decompressed size of one stream, and the
pixels of one rendered page.

pdfminer inflates a Flate stream whole (``zlib.decompress``): 1 MB of a crafted PDF inflates
to gigabytes. ``bound_pdfminer()`` gives pdfminer's stream decoder a ``zlib`` that stops at
``MAX_STREAM_BYTES`` and raises ``StreamTooLarge`` instead (the page that holds the stream is
then skipped with a warning naming it, as any page that cannot be read). Everything else about
decoding is unchanged: a truncated stream still raises ``zlib.error``, which pdfminer answers
with its repair of corrupted data, bounded the same way.
"""
from __future__ import annotations

import zlib

from ..errors import IngestError

MAX_STREAM_BYTES = 128 * 1024 * 1024   # one decompressed PDF stream, at most
MAX_PAGE_PIXELS = 64_000_000           # one rendered page (show), at most (RGBA: 256 MB)


class StreamTooLarge(ValueError):
    """A PDF stream that inflates beyond ``MAX_STREAM_BYTES`` (the page that holds it cannot
    be read; a whole file that cannot: ``IngestError``)."""

    def __init__(self, limit: int):
        super().__init__(f"a compressed stream inflates to more than {limit // (1 << 20)} MB "
                         "(the limit)")


class _Bounded:
    """A ``zlib.decompressobj`` that refuses to give more than ``limit`` bytes in all."""

    def __init__(self, limit: int, *args):
        self._d = zlib.decompressobj(*args)
        self._left = limit
        self._limit = limit

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0 or self._d.unconsumed_tail:
            raise StreamTooLarge(self._limit)
        return out

    def flush(self, *args) -> bytes:
        out = self._d.flush(*args)
        self._left -= len(out)
        if self._left < 0:
            raise StreamTooLarge(self._limit)
        return out

    def __getattr__(self, name):  # eof, unused_data, ...
        return getattr(self._d, name)


class BoundedZlib:
    """The ``zlib`` module as pdfminer's stream decoder sees it, with the size bound."""

    error = zlib.error

    def __init__(self, limit: int = MAX_STREAM_BYTES):
        self.limit = limit

    def decompressobj(self, *args) -> _Bounded:
        return _Bounded(self.limit, *args)

    def decompress(self, data: bytes, *args) -> bytes:
        d = _Bounded(self.limit, *args)
        out = d.decompress(data)
        if not d.eof:  # as zlib.decompress says of a stream cut short
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def __getattr__(self, name):
        return getattr(zlib, name)


def bound_pdfminer(limit: int | None = None) -> None:
    """Bound pdfminer's stream decoding at ``limit`` (default ``MAX_STREAM_BYTES``);
    idempotent (pdfminer's module ``pdftypes`` keeps ``zlib`` as a global it calls)."""
    from pdfminer import pdftypes
    limit = limit or MAX_STREAM_BYTES
    if not isinstance(pdftypes.zlib, BoundedZlib) or pdftypes.zlib.limit != limit:
        pdftypes.zlib = BoundedZlib(limit)


def check_render(path, page_no: int, width: float, height: float, resolution: int) -> None:
    """An InputError naming the page when rendering it at ``resolution`` (pixels per inch)
    would take more than ``MAX_PAGE_PIXELS``, with the resolution that would fit."""
    pixels = (width * resolution / 72) * (height * resolution / 72)
    if pixels > MAX_PAGE_PIXELS:
        fits = int(resolution * (MAX_PAGE_PIXELS / pixels) ** 0.5)
        raise IngestError(f"{path}: page {page_no} is {width:.0f} x {height:.0f} pt: at "
                          f"{resolution} pixels per inch that is {pixels / 1e6:.0f} million "
                          f"pixels, above the limit of {MAX_PAGE_PIXELS // 1_000_000} million; "
                          f"use --resolution {max(fits, 1)} or less")
