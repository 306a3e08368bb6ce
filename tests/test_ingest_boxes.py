"""CharBoxes (compact per-character boxes) reads like the list of tuples it replaces."""
from __future__ import annotations

import pickle

import pytest
from hypothesis import given, strategies as st

from textmine.ingest.boxes import CharBoxes

BOX = st.one_of(st.none(), st.tuples(*[st.floats(-1e4, 1e4, allow_nan=False)] * 4))


@given(st.lists(BOX, max_size=30), st.integers(-35, 35), st.integers(-35, 35))
def test_behaves_like_a_list(boxes, a, b):
    cb = CharBoxes(boxes)
    assert len(cb) == len(boxes) and bool(cb) == bool(boxes)
    assert list(cb) == boxes and cb == boxes
    assert cb[a:b] == boxes[a:b]
    assert [x for x in cb[a:b] if x is not None] == [x for x in boxes[a:b] if x is not None]
    if -len(boxes) <= a < len(boxes):
        assert cb[a] == boxes[a]
    else:
        with pytest.raises(IndexError):
            cb[a]
    assert pickle.loads(pickle.dumps(cb)) == cb


def test_smaller_than_tuples():
    import sys
    boxes = [(float(i), 2.0 + i, 3.0 + i, 4.0 + i) for i in range(1000)]
    as_tuples = sys.getsizeof(boxes) + sum(sys.getsizeof(b) + 4 * 24 for b in boxes)
    assert sys.getsizeof(CharBoxes(boxes)._a) < as_tuples / 4
