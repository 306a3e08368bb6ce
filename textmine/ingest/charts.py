"""Chart axes on a PDF page: the tick labels of a chart's scale (380%, 360%, … -60% stacked
on one right edge; 2016 2017 2018 2019 set on one baseline) come out of the text layer as
short lines of their own. They are the chart's scale, not figures the text states: the
page marks them ``axis`` and no sentence is made of them.

A run counts as an axis when it holds at least ``min_labels`` lines, each only a number (a
sign, a percent sign or 年 allowed), aligned on one right edge and going down the page, or
on one top and going across it, and their values step evenly: each gap one step, or
``max_steps`` where a label is not printed (0% of a scale from 380% to -60%). Labels set
across the page close enough to join into one line (2020 2021 2022 2023) are an axis on
the same terms."""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Sequence

from ..parse.tables import table

_T = table("tables")["charts"]
_LABEL = re.compile(_T["label"])
_MIN, _ALIGN, _MAX_STEPS = int(_T["min_labels"]), float(_T["align"]), int(_T["max_steps"])


def label_value(text: str) -> Fraction | None:
    """The value of a tick label (``-20%`` -> -20), None for any other text."""
    s = text.strip()
    if not _LABEL.match(s):
        return None
    return Fraction(s.rstrip("%年").replace(",", "").replace("−", "-"))


def axis_labels(texts: Sequence[str], boxes: Sequence[tuple]) -> set[int]:
    """The places of the lines (``texts`` in reading order, ``boxes`` their (x0, top, x1,
    bottom)) that are a chart's tick labels."""
    out = {i for i, text in enumerate(texts) if _one_line_axis(text)}
    values = [label_value(t) for t in texts]
    run: list[int] = []
    for i, value in enumerate([*values, None]):
        if value is not None and (not run or _aligned(boxes[run[-1]], boxes[i])):
            run.append(i)
            continue
        if _is_axis(run, values, boxes):
            out.update(run)
        run = [i] if value is not None else []
    return out


def _one_line_axis(text: str) -> bool:
    """Whether a line is only tick labels side by side (2020 2021 2022 2023)."""
    labels = text.split()
    if len(labels) < _MIN:
        return False
    values = [label_value(t) for t in labels]
    return None not in values and _steps_evenly(values)


def _aligned(a: tuple, b: tuple) -> bool:
    """Whether ``b`` may follow ``a`` on one axis: below it on its right edge, or beside it
    on its top."""
    down = abs(a[2] - b[2]) <= _ALIGN and b[1] > a[1]
    across = abs(a[1] - b[1]) <= _ALIGN and b[0] > a[2] - _ALIGN
    return down or across


def _is_axis(run: list[int], values: list[Fraction | None], boxes: Sequence[tuple]) -> bool:
    if len(run) < _MIN:
        return False
    down = all(abs(boxes[a][2] - boxes[b][2]) <= _ALIGN for a, b in zip(run, run[1:]))
    across = all(abs(boxes[a][1] - boxes[b][1]) <= _ALIGN for a, b in zip(run, run[1:]))
    if not (down or across):  # (one direction along the whole run)
        return False
    return _steps_evenly([values[i] for i in run])


def _steps_evenly(values: list[Fraction]) -> bool:
    """Whether values go one way in even steps (a gap of ``max_steps`` at most)."""
    gaps = [b - a for a, b in zip(values, values[1:])]
    if any(g == 0 for g in gaps) or len({g > 0 for g in gaps}) > 1:
        return False  # (a scale goes one way)
    step = min(abs(g) for g in gaps)
    return all(abs(g) % step == 0 and abs(g) // step <= _MAX_STEPS for g in gaps)
