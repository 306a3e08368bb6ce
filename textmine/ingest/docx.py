"""Word documents (``.docx``) -> ``Document``, through python-docx: the body's paragraphs and
tables in their order; paragraph styles ``Title`` and ``Heading N`` (``标题 N``) give titles
and headings, other short paragraphs without sentence punctuation are headings too (reports
often set headings by hand); a merged table cell keeps its text once."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..types import Document
from .structured import Collected, Part, build_document

WHAT = "Word document"


def _style_kind(paragraph) -> str | None:
    try:
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):  # a style the document names but does not define
        return None
    low = name.lower()
    if low == "title" or name == "标题":
        return "title"
    if low.startswith("heading") or name.startswith("标题"):
        return "heading"
    return None


def _table_rows(table) -> list[list[str | None]]:
    """The table's grid; a cell merged over several grid places keeps its text in the first."""
    seen: dict[int, object] = {}  # id -> the cell element (kept, so that ids stay unique)
    rows = []
    for row in table.rows:
        cells: list[str | None] = []
        for cell in row.cells:
            tc = cell._tc
            cells.append(None if seen.get(id(tc)) is tc else cell.text)
            seen[id(tc)] = tc
        rows.append(cells)
    return rows


def collect(document) -> Collected:
    """Parts of a python-docx ``Document`` in body order."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph
    out = Collected(title=(document.core_properties.title or None))
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(el, document)
            out.parts.append(Part(p.text, _style_kind(p)))
        elif tag == "tbl":
            out.parts.append(Part(rows=_table_rows(DocxTable(el, document))))
    return out


def read_docx(path: Path) -> Document:
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)") \
            from None
    try:
        document = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds for a bad file
        raise InputError(f"{path}: not a readable Word document ({type(e).__name__}: "
                         f"{str(e)[:120]})") from None
    return build_document(collect(document), path.stem, str(path), WHAT)
