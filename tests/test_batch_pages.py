"""A PDF split by page ranges and assembled again is the Document read_pdf returns."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from _batch_helpers import make_pdf
from _paths import EVAL
from textmine.api import PdfFiles, assemble, page_count, read_page_range
from textmine.batch.runner import chunk_size
from textmine.errors import IngestError
from textmine.ingest.pdf import read_pdf

SHARED = EVAL / "pdf"


def _split(path: Path, size: int):
    n = page_count(path)
    # through pickle, as parts travel from worker processes
    return [pickle.loads(pickle.dumps(read_page_range(path, a, min(a + size - 1, n))))
            for a in range(1, n + 1, size)]


@pytest.fixture(scope="module")
def pdf7(tmp_path_factory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pages") / "bulletin-2020.pdf", 7)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_assembled_equals_read_pdf(pdf7, size):
    whole = read_pdf(pdf7)
    assert len(whole.tables) == 2 and any(b.continues for b in whole.blocks)  # tables, runs over pages
    assert assemble(pdf7, _split(pdf7, size)) == whole


def test_parts_in_any_order(pdf7):
    parts = _split(pdf7, 2)
    assert assemble(pdf7, parts[::-1]) == read_pdf(pdf7)


@pytest.mark.parametrize("name", ["beijing-2020-2col.pdf", "empty-page.pdf"])
def test_eval_pdfs(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    try:
        whole = read_pdf(path)
    except IngestError as e:  # the assembled path must fail the same way
        with pytest.raises(IngestError, match=str(e)[:30]):
            assemble(path, _split(path, 1))
        return
    assert assemble(path, _split(path, 1)) == whole


@pytest.mark.parametrize("pages, workers, size", [
    (1, 2, 2), (4, 2, 2), (36, 2, 6), (36, 1, 8), (500, 2, 8), (12, 4, 2), (100, 8, 5),
])
def test_chunk_size(pages, workers, size):
    assert chunk_size(pages, workers) == size


def test_a_split_pdf_is_opened_once_per_worker(pdf7, monkeypatch):
    """Issue 17/18: a worker kept no file open, so each range parsed the whole PDF again
    (2,000 pages in ranges of 8: 250 parses). Ranges read through one ``PdfFiles`` open the
    file once and give the same parts as reading each range alone."""
    import textmine.ingest.pdf as pdf_mod
    opened = []
    real = pdf_mod.open_pdf
    monkeypatch.setattr(pdf_mod, "open_pdf", lambda *a, **k: opened.append(a[0]) or real(*a, **k))
    files = PdfFiles()
    try:
        parts = [read_page_range(pdf7, a, min(a + 1, 7), files=files) for a in range(1, 8, 2)]
    finally:
        files.close()
    assert opened == [pdf7]
    alone = _split(pdf7, 2)
    assert [p.pages for p in parts] == [p.pages for p in alone]
    assert assemble(pdf7, parts) == read_pdf(pdf7)


def test_open_files_are_bounded_and_follow_changes(tmp_path):
    a, b, c = (make_pdf(tmp_path / f"{n}.pdf", 2) for n in "abc")
    files = PdfFiles(size=2)
    try:
        first = files.get(a)[0]
        files.get(b), files.get(c)  # a is the least recently used: closed and dropped
        assert len(files._open) == 2 and files.get(a)[0] is not first
        again = files.get(a)[0]
        assert files.get(a)[0] is again
        make_pdf(a, 3)  # the file changed: opened anew
        assert files.get(a)[0] is not again and len(files.get(a)[0].pages) == 3
    finally:
        files.close()
