"""``CharBoxes``: one box per character of a block, stored flat (4 doubles a character, NaN
for a character without a box) instead of a Python tuple of four floats per character.

A 500-page report has some 700,000 characters; as tuples their boxes took about 125 MB,
stored here about 22 MB. It reads like the list it replaces (``Block.char_boxes``):
``len``, indexing (a box tuple or ``None``), slicing (a list), iteration, equality with a
list.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence

from ..types import BBox

_NAN = float("nan")


class CharBoxes(Sequence):
    __slots__ = ("_a",)

    def __init__(self, boxes: Iterable[BBox | None] = ()):
        a = array("d")
        for b in boxes:
            a.extend((_NAN, _NAN, _NAN, _NAN) if b is None else b)
        self._a = a

    def __len__(self) -> int:
        return len(self._a) // 4

    def _box(self, i: int) -> BBox | None:
        x0 = self._a[4 * i]
        if math.isnan(x0):
            return None
        return (x0, self._a[4 * i + 1], self._a[4 * i + 2], self._a[4 * i + 3])

    def __getitem__(self, i):
        n = len(self)
        if isinstance(i, slice):
            return [self._box(k) for k in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("char box index out of range")
        return self._box(i)

    def __iter__(self):
        for k in range(len(self)):
            yield self._box(k)

    def __eq__(self, other) -> bool:
        if isinstance(other, CharBoxes):
            return list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return list(self) == [None if b is None else tuple(b) for b in other]
        return NotImplemented

    __hash__ = None  # mutable-looking, like the list it stands for

    def __repr__(self) -> str:
        return f"CharBoxes({len(self)} boxes)"

    def __reduce__(self):
        return (CharBoxes, (list(self),))
