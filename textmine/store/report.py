"""The HTML report of ``textmine check --html``: one section a finding, each with its
sentences and the claims highlighted. All document text is escaped."""
from __future__ import annotations

from collections import defaultdict
from html import escape

from .checks import CheckResult, Finding, doc_ref

CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.05rem;margin:0 0 .4rem}
.finding{border:1px solid #ddd;border-left:6px solid #c0392b;border-radius:4px;padding:.8rem 1rem;margin:1rem 0}
.finding.within_report{border-left-color:#d68910}
.confirmed .finding{border-left-color:#27ae60}
.src{color:#555;font-size:.85rem} .sentence{margin:.3rem 0 .6rem;line-height:1.7}
mark{background:#fde68a;padding:0 .1em;border-radius:2px}
table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
"""


def highlight(text: str, spans, *, offset: int = 0, mark=None) -> str:
    """``text`` escaped, each span ``(start, end, ...)`` in it (offsets from ``offset``)
    wrapped by ``mark(span, inner_html)``, ``<mark>…</mark>`` by default; a span that
    overlaps an earlier one is left out."""
    out, pos = [], 0
    for span in sorted(set(spans)):
        a, b = span[0] - offset, span[1] - offset
        if a < pos or b > len(text) or a >= b:
            continue
        out.append(escape(text[pos:a]))
        inner = escape(text[a:b])
        out.append(mark(span, inner) if mark else f"<mark>{inner}</mark>")
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _finding_html(f: Finding, n: int) -> str:
    by_sentence: dict[tuple, list[dict]] = defaultdict(list)
    for c in f.claims:
        by_sentence[(c.get("path") or c.get("doc"), c.get("sentence_index"), c["sentence"])].append(c)
    parts = [f'<div class="finding {escape(f.type)}"><h2>{n}. {escape(f.type)}'
             f'{" · " + escape(f.relation) if f.relation else ""}</h2>',
             f"<p>{escape(f.message)}</p>"]
    for (_, _, sentence), cs in by_sentence.items():
        src = escape(doc_ref(cs[0]) + (f" · {cs[0]['path']}" if cs[0].get("path") else ""))
        parts.append(f'<div class="src">{src}</div>')
        parts.append(f'<div class="sentence">{highlight(sentence, [(c["start"], c["end"]) for c in cs])}</div>')
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape('' if c.get(k) is None else str(c.get(k)))}</td>"
                         for k in ("doc", "page", "text", "value", "unit", "lower", "upper",
                                   "indicator", "region", "period")) + "</tr>"
        for c in f.claims)
    head = "".join(f"<th>{h}</th>" for h in ("doc", "page", "text", "value", "unit", "lower",
                                               "upper", "indicator", "region", "period"))
    parts.append(f"<table><tr>{head}</tr>{rows}</table></div>")
    return "\n".join(parts)


def series_figures(db, result: CheckResult, limit: int = 30) -> list[tuple[str, str]]:
    """(title, inline SVG) of the series of every indicator (and region) with a finding
    between reports; empty without matplotlib."""
    import importlib.util
    if importlib.util.find_spec("matplotlib") is None:
        return []
    from .plot import series_svg
    from .series import series
    out, seen = [], set()
    for f in result.findings:
        key, region = f.claims[0].get("indicator_key"), f.claims[0].get("region") or None
        if f.type != "between_reports" or not key or (key, region) in seen or len(seen) >= limit:
            continue
        seen.add((key, region))
        rows = series(db, key, region=region, rollup=False)
        out.append((f"{key} ({region or 'no region'})",
                    series_svg(rows, title=f"{key} · {region or ''}")))
    return out


def render_html(result: CheckResult, *, title: str = "textmine consistency report",
                db_path: str = "", figures: list[tuple[str, str]] = ()) -> str:
    fs = result.findings
    body = [f"<h1>{escape(title)}</h1>",
            f"<p>{escape(db_path)}: {len(fs)} finding(s); {len(result.confirmed)} relation(s) "
            f"confirmed; {len(result.attainments)} target(s) judged.</p>"]
    body += [_finding_html(f, i) for i, f in enumerate(fs, 1)]
    if figures:
        body.append("<h2>Series of the indicators with findings</h2>")
        body += [f'<figure><figcaption>{escape(t)}</figcaption>{svg}</figure>' for t, svg in figures]
    if result.attainments:
        body.append('<details class="confirmed"><summary>Targets met or missed</summary>')
        body += [_finding_html(f, i) for i, f in enumerate(result.attainments, 1)]
        body.append("</details>")
    if result.confirmed:
        body.append('<details class="confirmed"><summary>Confirmed relations</summary>')
        body += [_finding_html(f, i) for i, f in enumerate(result.confirmed, 1)]
        body.append("</details>")
    return ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
