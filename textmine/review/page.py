"""The review page: one self-contained HTML file (styles, script and page images inline, no
network). Every piece of document text is escaped; the claims go to the script as JSON inside
a ``<script type="application/json">`` with ``<`` escaped, so no text can end it.

Ids: ``d{n}`` a document, ``s{n}-{i}`` its sentence ``i``, ``c{k}`` claim ``k`` (``data-k``
on its mark, its box on the page image and its table row ``r{k}``).
"""
from __future__ import annotations

import json
from html import escape
from importlib import resources

from ..store.report import highlight
from ..types import KINDS, ROLES, Measure
from .build import Review, ReviewDoc

TIP_FIELDS = ("doc", "page", "text", "kind", "value", "unit", "qualifier", "lower", "upper",
              "per", "change", "period", "role", "region", "indicator", "indicator_key",
              "measure")


def _asset(name: str) -> str:
    return resources.files("textmine.review").joinpath(name).read_text(encoding="utf-8")


def _e(v) -> str:
    return escape("" if v is None else str(v), quote=True)


def _value(r: dict):
    v = r.get("value_text")
    return r.get("value") if v is None else v


class Ids:
    """Claim numbers and sentence ids of the whole page."""

    def __init__(self, review: Review):
        self.claim: dict[int, int] = {}       # id(record) -> k
        self.records: list[dict] = []
        self.sentence: dict[tuple, str] = {}  # (path, sentence index) -> element id
        for n, d in enumerate(review.docs):
            for r in d.records:
                self.claim[id(r)] = len(self.records)
                self.records.append(r)
                self.sentence[(r.get("path"), r.get("sentence_index"))] = \
                    f"s{n}-{r.get('sentence_index')}"


# ---------------------------------------------------------------- the text

def _claim_mark(claim: tuple[int, int, int, str], inner: str) -> str:
    _, _, k, measure = claim
    return f'<mark class="c m-{_e(measure)}" id="c{k}" data-k="{k}">{inner}</mark>'


def _marked(text: str, offset: int, claims: list[tuple[int, int, int, str]]) -> str:
    """``text`` escaped, each claim (start, end, k, measure) in it (offsets from ``offset``)
    wrapped in a mark; overlapping claims after the first are left to the table."""
    return highlight(text, claims, offset=offset, mark=_claim_mark)


def _block_html(n: int, text: str, spans, by_sentence: dict[int, list]) -> str:
    """A block's text with its sentences as spans and its claims marked."""
    out, pos = [], 0
    for start, end, index in spans:
        if start < pos:
            continue
        out.append(_e(text[pos:start]))
        claims = [(start + r["start"], start + r["end"], k, r.get("measure") or "other")
                  for k, r in by_sentence.get(index, [])
                  if text[start + r["start"]:start + r["end"]] == r.get("text")]
        out.append(f'<span class="s" id="s{n}-{index}">'
                   f'{_marked(text[start:end], start, claims)}</span>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _cell_label(b) -> str:
    """What a table cell's headers say it measures."""
    c = b.cell
    return "" if c is None else " ".join(x for x in (c.row_header, c.col_header) if x)


def _full_text(n: int, d: ReviewDoc, ids: Ids) -> str:
    by_sentence: dict[int, list] = {}
    for r in d.records:
        by_sentence.setdefault(r.get("sentence_index"), []).append((ids.claim[id(r)], r))
    out, cells = [], []
    for bi, b in enumerate(d.blocks):
        html = _block_html(n, b.text, d.spans.get(bi, []), by_sentence)
        if b.kind == "table_cell":
            cells.append(f'<div class="cell"><span class="ctx">{_e(_cell_label(b))}</span>'
                         f'{html}</div>')
            continue
        if cells:
            out.append(f'<div class="tcells">{"".join(cells)}</div>')
            cells = []
        tag = "h3" if b.kind in ("heading", "title") else "p"
        out.append(f"<{tag}>{html}</{tag}>")
    if cells:
        out.append(f'<div class="tcells">{"".join(cells)}</div>')
    return "\n".join(out)


def _stored_text(n: int, d: ReviewDoc, ids: Ids) -> str:
    """The stored sentences, in order, under their section headings."""
    out = ['<p class="note">The database keeps the sentences that hold claims; they are '
           'shown here in order.</p>']
    seen: dict = {}
    for r in d.records:
        seen.setdefault(r.get("sentence_index"), []).append(r)
    section = None
    for index in sorted(seen, key=lambda i: (i is None, i or 0)):
        rs = seen[index]
        if rs[0].get("section") and rs[0].get("section") != section:
            section = rs[0]["section"]
            out.append(f"<h3>{_e(section)}</h3>")
        sentence = rs[0].get("sentence") or ""
        claims = [(r["start"], r["end"], ids.claim[id(r)], r.get("measure") or "other")
                  for r in rs if sentence[r["start"]:r["end"]] == r.get("text")]
        out.append(f'<p><span class="s" id="s{n}-{index}">{_marked(sentence, 0, claims)}</span></p>')
    return "\n".join(out)


def _pages(n: int, d: ReviewDoc, ids: Ids) -> str:
    if not d.pages:
        return ""
    figs = []
    for p in d.pages:
        boxes = []
        for r in d.records:
            bb = r.get("bbox")
            if r.get("page") != p.page or not bb or len(bb) != 4:
                continue
            x0, top, x1, bottom = bb
            style = (f"left:{100 * x0 / p.width:.2f}%;top:{100 * top / p.height:.2f}%;"
                     f"width:{100 * (x1 - x0) / p.width:.2f}%;"
                     f"height:{100 * (bottom - top) / p.height:.2f}%")
            k = ids.claim[id(r)]
            boxes.append(f'<a class="box" href="#c{k}" data-k="{k}" style="{style}"></a>')
        figs.append(f'<figure class="page" id="p{n}-{p.page}"><img alt="page {p.page}" '
                    f'src="{p.data_uri}">{"".join(boxes)}<figcaption>page {p.page}'
                    f"</figcaption></figure>")
    return f'<div class="pages">{"".join(figs)}</div>'


def _doc_html(n: int, d: ReviewDoc, ids: Ids) -> str:
    body = _full_text(n, d, ids) if d.blocks is not None else _stored_text(n, d, ids)
    warn = "".join(f'<p class="note">{_e(w)}</p>' for w in d.warnings)
    return (f'<article class="doc" id="d{n}" data-doc="{_e(d.doc_id)}">'
            f"<h2>{_e(d.title or d.doc_id)}</h2><div class=\"src\">{_e(d.path)} · "
            f"{len(d.records)} claims</div>{warn}<div class=\"text\">{body}</div>"
            f"{_pages(n, d, ids)}</article>")


# ---------------------------------------------------------------- the side: claims, findings

def _select(field: str, label: str, values) -> str:
    opts = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
    return (f'<label>{label} <select data-filter="{field}" id="f-{field}">'
            f'<option value="">all</option>{opts}</select></label>')


def _filters(review: Review, ids: Ids) -> str:
    parts = [_select("measure", "measure", [m.value for m in Measure]),
             _select("role", "role", ROLES), _select("kind", "kind", KINDS)]
    if len(review.docs) > 1:
        parts.append(_select("doc", "doc", sorted({d.doc_id for d in review.docs})))
    keys = sorted({r.get("indicator_key") or r.get("indicator") or "" for r in ids.records} - {""})
    options = "".join(f'<option value="{_e(k)}">' for k in keys)
    parts.append('<label>indicator <input data-filter="indicator" id="f-indicator" '
                 f'list="indicators" size="12"></label><datalist id="indicators">{options}'
                 '</datalist><span id="count"></span>')
    return f'<div class="filters">{"".join(parts)}</div>'


CLAIM_COLUMNS = ("text", "value", "unit", "kind", "measure", "role", "period", "indicator")


def _claims_table(ids: Ids) -> str:
    rows = []
    for k, r in enumerate(ids.records):
        cells = [f'<td><a href="#c{k}">{_e(r.get("text"))}</a></td>',
                 f'<td class="num">{_e(_value(r))}</td>']
        cells += [f"<td>{_e(r.get(c))}</td>" for c in CLAIM_COLUMNS[2:-1]]
        cells.append(f"<td>{_e(r.get('indicator_key') or r.get('indicator'))}</td>")
        rows.append(f'<tr id="r{k}" data-k="{k}">{"".join(cells)}</tr>')
    head = "".join(f"<th>{c}</th>" for c in CLAIM_COLUMNS)
    return (f'<table class="claims" id="claims"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _findings(review: Review, ids: Ids) -> str:
    items = []
    for f in review.findings:
        links = []
        for c in f.claims:
            sid = ids.sentence.get((c.get("path"), c.get("sentence_index")))
            label = _e(f"{c.get('doc')}{' p.' + str(c['page']) if c.get('page') else ''}: "
                       f"{c.get('text')}")
            links.append(f'<li><a href="#{sid}">{label}</a></li>' if sid else f"<li>{label}</li>")
        items.append(f'<li class="finding"><span class="type">{_e(f.type)}</span> '
                     f'{_e(f.message)}<ul>{"".join(links)}</ul></li>')
    return (f'<section class="findings" id="findings"><h3>Findings of check '
            f'({len(review.findings)})</h3><ol>{"".join(items)}</ol></section>')


def _claims_json(ids: Ids) -> str:
    data = [dict({f: r.get(f) for f in TIP_FIELDS}, k=k, value=_value(r))
            for k, r in enumerate(ids.records)]
    text = json.dumps(data, ensure_ascii=False, default=str)
    # nothing inside may close the script element or open a comment
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_review(review: Review, *, title: str = "textmine review") -> str:
    """The page as one HTML string."""
    ids = Ids(review)
    legend = "".join(f'<span class="m-{m.value}" style="background:var(--{m.value})">'
                     f"{m.value}</span>" for m in Measure)
    n_claims = len(ids.records)
    failed = "".join(f'<p class="note">failed: {_e(reason)}</p>' for _, reason in review.failed)
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_asset('review.css')}</style></head><body>\n"
        f'<header class="top"><h1>{_e(title)}</h1><div class="meta">{len(review.docs)} '
        f"document(s), {n_claims} claims, {len(review.findings)} finding(s) · "
        f'<span class="legend">{legend}</span></div>{failed}</header>\n'
        '<main class="layout"><section class="reading">'
        + "\n".join(_doc_html(n, d, ids) for n, d in enumerate(review.docs))
        + f'</section><aside class="side">{_filters(review, ids)}{_claims_table(ids)}'
        f"{_findings(review, ids)}</aside></main>\n"
        '<div id="tip" role="tooltip" hidden></div>\n'
        f'<script type="application/json" id="claims-data">{_claims_json(ids)}</script>\n'
        f"<script>{_asset('review.js')}</script>\n</body></html>\n")
