"""Web pages (``.html``/``.htm``) -> ``Document``, through lxml: the page's blocks (paragraphs,
headings, list items, data tables) in order, with scripts, styles and page furniture
(navigation, menus, breadcrumbs, footers, lists of links) dropped. What counts as furniture
is data: ``textmine/data/html.toml``. The encoding is the one the page declares (GB2312 and
GBK read as their superset GB18030), else the one textmine detects for text files."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..types import Document
from .structured import Collected, Part, build_document
from .text import decode

WHAT = "web page"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WORDS = re.compile(r"[\s_-]+")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin-1": "cp1252"}


@dataclass(frozen=True)
class Rules:
    drop_tags: frozenset
    header_kept_inside: frozenset
    drop_roles: frozenset
    drop_class_words: frozenset
    max_link_share: float
    block_tags: frozenset
    title_tags: frozenset
    heading_tags: frozenset
    max_cell_chars: int


@cache
def rules() -> Rules:
    text = resources.files("textmine").joinpath("data", "html.toml").read_text(encoding="utf-8")
    t = tomllib.loads(text)
    return Rules(**{k: (frozenset(v) if isinstance(v, list) else v) for k, v in t.items()})


def decode_html(data: bytes, name: str) -> str:
    """The page's text: its declared charset, else textmine's detection (``text.decode``)."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET.search(data[:8192])
        if m:
            enc = m.group(1).decode("ascii").lower()
            try:
                return data.decode(_SUPERSETS.get(enc, enc))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: detect instead
    return decode(data, name)


class _Walker:
    """Collects the parts of a page: inline text gathers in ``buf`` until a block ends."""

    def __init__(self, r: Rules):
        self.r = r
        self.out = Collected()
        self.buf: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.buf.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def flush(self, kind: str | None = None) -> None:
        text = "".join(self.buf)
        size = len("".join(text.split()))
        if size and self.link_chars < self.r.max_link_share * size:
            self.out.parts.append(Part(text, kind))
        self.buf, self.link_chars = [], 0

    def dropped(self, el, tag: str, inside: tuple[str, ...]) -> bool:
        r = self.r
        if tag in r.drop_tags or (el.get("role") or "").lower() in r.drop_roles:
            return True
        if tag == "header" and not r.header_kept_inside.intersection(inside):
            return True
        words = _WORDS.split(f"{el.get('class') or ''} {el.get('id') or ''}".lower())
        hidden = el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "")
        return hidden or bool(r.drop_class_words.intersection(words))

    def walk(self, el, inside: tuple[str, ...] = (), in_link: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or self.dropped(el, tag, inside):
            return  # a comment, or furniture (its tail is the parent's, added there)
        if tag == "br":
            self.flush()
            return
        if tag == "table" and self.data_table(el):
            self.flush()
            self.out.parts.append(Part(rows=table_rows(el)))
            return
        block = tag in self.r.block_tags
        if block:
            self.flush()
        in_link = in_link or tag == "a"
        self.add(el.text, in_link)
        for child in el:
            self.walk(child, inside + (tag,), in_link)
            self.add(child.tail, in_link)
        if block:
            self.flush(self.kind(tag))

    def kind(self, tag: str) -> str | None:
        if tag in self.r.title_tags:
            return "title"
        return "heading" if tag in self.r.heading_tags else None

    def data_table(self, el) -> bool:
        if el.xpath(".//table"):
            return False  # tables inside tables: page layout
        rows = [r.xpath("./td|./th") for r in el.xpath(".//tr")]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            return False  # one row or one column: a frame around text
        return all(len(_cell_text(c)) <= self.r.max_cell_chars for r in rows for c in r)


def _cell_text(cell) -> str:
    return "".join(t for t in cell.itertext() if t).strip()


def _span(cell, name: str, most: int) -> int:
    try:
        return max(1, min(most, int(cell.get(name) or 1)))
    except ValueError:
        return 1


def table_rows(table) -> list[list[str | None]]:
    """The grid of a data table; a cell spanning rows or columns keeps its text in its first
    place (the others are None)."""
    rows: list[list[str | None]] = []
    below: dict[int, int] = {}  # column -> rows still covered by a cell above
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[str | None] = []

        def skip_covered():
            while below.get(len(row), 0) > 0:
                below[len(row)] -= 1
                row.append(None)

        for cell in tr.xpath("./td|./th"):
            skip_covered()
            cols, down = _span(cell, "colspan", 50), _span(cell, "rowspan", 500)
            start = len(row)
            row += [_cell_text(cell)] + [None] * (cols - 1)
            for k in range(start, start + cols):
                if down > 1:
                    below[k] = down - 1
        skip_covered()
        rows.append(row)
    return rows


def read_html(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    return html_document(decode_html(data, str(path)), path.stem, str(path))


def html_document(text: str, doc_id: str, path: str = "") -> Document:
    """The ``Document`` of an HTML page given as text."""
    import lxml.html
    from lxml.etree import ParserError
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1))
    except (ParserError, ValueError) as e:
        raise InputError(f"{path or doc_id}: not a readable web page ({e})") from None
    walker = _Walker(rules())
    title = root.findtext(".//title")
    walker.out.title = " ".join(title.split()) if title and title.strip() else None
    try:
        walker.walk(root)
    except RecursionError:
        raise InputError(f"{path or doc_id}: web page nested too deeply to read") from None
    walker.flush()
    return build_document(walker.out, doc_id, path, WHAT)
