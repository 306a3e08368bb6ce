"""A picture of an indicator's series (``textmine series --plot``): values over periods, one
panel per kind of figure (a level, its growth), outcomes as dots, targets, plans and
forecasts as their own marks, intervals as bars, multi-year periods as spans, conflicting
figures ringed in red. Chinese labels need a CJK font: the first one found among the
machine's fonts (``find_cjk_font``), or the one given; an SVG keeps its text as text, so a
browser draws it with its own fonts when the machine has none."""
from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from ..errors import ConfigError
from .periods import iso_bounds

PROBE = "国内生产总值增长"
MARKS = {"outcome": ("o", "#1f4e79"), "target": ("^", "#d68910"), "plan": ("s", "#7d3c98"),
         "forecast": ("D", "#117a65")}


def find_cjk_font(probe: str = PROBE) -> str | None:
    """The path of an installed font that has every character of ``probe``; None if none."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font
    preferred = ("notosanscjk", "notosanssc", "sourcehansans", "wqy", "droidsansfallback",
                 "simhei", "msyh", "pingfang", "arplum")
    paths = sorted(font_manager.findSystemFonts(),
                   key=lambda p: next((i for i, w in enumerate(preferred)
                                       if w in Path(p).name.lower().replace("-", "")), 99))
    for path in paths:
        try:
            cmap = FT2Font(path).get_charmap()
        except (OSError, RuntimeError, ValueError):
            continue
        if all(ord(ch) in cmap for ch in probe):
            return path
    return None


def _x(period: str) -> tuple[float, float, float] | None:
    """(start, middle, end) of a period in fractional years."""
    b = iso_bounds(period.replace("/..", "")) if period else None
    if b is None:
        return None
    def year(d: str, end: bool) -> float:
        y, m, day = (int(x) for x in d.split("-"))
        return y + (m - 1) / 12 + (day - (0 if end else 1)) / 365
    a, z = year(b[0], False), year(b[1], True)
    return a, (a + z) / 2, z


def series_svg(rows: list[dict], *, title: str, font: str | None = None) -> str:
    """The picture as an ``<svg>`` element to put inside an HTML page."""
    import io
    buf = io.StringIO()
    plot_series(rows, buf, title=title, font=font, fmt="svg")
    svg = buf.getvalue()
    return svg[svg.find("<svg"):]


def plot_series(rows: list[dict], path, *, title: str, font: str | None = None,
                fmt: str | None = None) -> str | None:
    """Draw ``rows`` (``series()``) to ``path`` (.png or .svg, or a file object with
    ``fmt``); returns the font used for the labels (None: no CJK font found)."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        raise ConfigError("plotting needs matplotlib: pip install 'textmine[plot]'") from None
    if fmt is None:
        fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ConfigError(f"{path}: --plot writes .png or .svg")
    import logging
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # .ttc weight notes
    font = font or find_cjk_font()
    rc = {"svg.fonttype": "none"}
    if font:
        font_manager.fontManager.addfont(font)
        rc["font.family"] = font_manager.FontProperties(fname=font).get_name()
    panels: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if isinstance(r.get("value"), (int, float)) and _x(r["period"]) is not None:
            panels[(r["kind"], r.get("unit") or "", r.get("change") or "")].append(r)
    with matplotlib.rc_context(rc):
        fig, axes = plt.subplots(max(1, len(panels)), 1, squeeze=False,
                                 figsize=(8, 2.8 * max(1, len(panels))))
        for ax, ((kind, unit, change), rs) in zip(axes[:, 0], sorted(panels.items())):
            _panel(ax, rs, f"{kind} ({unit}{', ' + change if change else ''})")
        axes[0, 0].set_title(title)
        fig.tight_layout()
        fig.savefig(path, format=fmt)
        plt.close(fig)
    return font


def _panel(ax, rows: list[dict], label: str) -> None:
    for role, (marker, colour) in MARKS.items():
        rs = [r for r in rows if (r.get("role") or "outcome") == role]
        if not rs:
            continue
        xs = [_x(r["period"]) for r in rs]
        ys = [float(r["value"]) for r in rs]
        ax.scatter([x[1] for x in xs], ys, marker=marker, color=colour, label=role, zorder=3)
        for (a, _, z), r, y in zip(xs, rs, ys):
            if z - a > 1.01:  # a multi-year period: its span
                ax.hlines(y, a, z, colors=colour, alpha=0.4)
            lo, hi = r.get("lower"), r.get("upper")
            if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and \
                    math.isfinite(lo) and math.isfinite(hi) and hi > lo:
                ax.vlines((a + z) / 2, lo, hi, colors=colour, alpha=0.5)
    bad = [r for r in rows if r.get("finding")]
    if bad:
        ax.scatter([_x(r["period"])[1] for r in bad], [float(r["value"]) for r in bad], s=160,
                   facecolors="none", edgecolors="#c0392b", linewidths=1.5, label="conflict",
                   zorder=4)
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{int(x)}"))
    ax.set_ylabel(label)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="best")
