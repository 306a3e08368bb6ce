"""A file whose text is the same as another's in the run or in the database is a duplicate:
reported and skipped, not ingested (or extracted) twice. Same text: a byte-for-byte copy, the
text in another encoding or with other line breaks, a Word document holding it."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import cli
from textmine.store.db import IndicatorDB
from textmine.types import Block, Document

TEXT = "东山县2020年就业帮扶工作简报\n全县组织劳务输出2600余人，新建扶贫车间15个，吸纳就业480人。\n"


def test_fingerprint_ignores_whitespace_and_blocks():
    a = Document("a", [Block("全县组织劳务输出2600余人，"), Block("新建扶贫车间15个。")])
    b = Document("b", [Block("全县组织劳务输出 2600余人，新建扶贫车间15个。")])
    c = Document("c", [Block("全县组织劳务输出2700余人，新建扶贫车间15个。")])
    assert a.fingerprint() == b.fingerprint() != c.fingerprint()


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    (d / "copies").mkdir(parents=True)
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "copies" / "a.txt").write_text(TEXT, encoding="utf-8")             # the same bytes
    (d / "copies" / "b-gbk.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    (d / "c.txt").write_text(TEXT.replace("2600", "2700"), encoding="utf-8")  # other text
    return d


def _run(*args):
    return CliRunner().invoke(cli.main, list(args))


def test_ingest_stores_each_text_once(folder, tmp_path):
    dbp = tmp_path / "d.db"
    log = tmp_path / "log.jsonl"
    r = _run("ingest", str(folder), "--db", str(dbp), "--no-classify", "--jobs", "1",
             "--log-json", str(log))
    assert r.exit_code == 0, r.output
    assert "2 ok" in r.stderr and "2 skipped" in r.stderr
    events = {e["file"].split("/in/")[1]: e for e in map(json.loads, log.read_text().splitlines())}
    assert events["copies/a.txt"]["status"] == "skipped"
    assert events["copies/a.txt"]["error"].startswith("same content as ")
    assert events["copies/b-gbk.txt"]["error"] == f"duplicate: same text as {folder / 'a.txt'}"
    assert f"Skipped: {folder / 'copies' / 'b-gbk.txt'}: duplicate" in r.stderr
    with IndicatorDB(dbp) as db:
        assert sorted(d["path"].split("/in/")[1] for d in db.documents()) == ["a.txt", "c.txt"]
    # a later run: the copy in another encoding is still a duplicate of the stored text
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "again.txt").write_bytes(TEXT.encode("utf-16"))
    r = _run("ingest", str(tmp_path / "later"), "--db", str(dbp), "--no-classify")
    assert r.exit_code == 0 and "0 ok" in r.stderr and "duplicate: same text as" in r.stderr
    # a changed file under the same path is no duplicate of itself
    (folder / "a.txt").write_text(TEXT.replace("\n", "\n\n"), encoding="utf-8")
    r = _run("ingest", str(folder / "a.txt"), "--db", str(dbp), "--no-classify")
    assert r.exit_code == 0 and "1 ok" in r.stderr


def test_extract_writes_every_file(folder):
    """extract writes what it is given (records in input order, one set a file); only the
    database refuses a second copy of a text."""
    r = _run("extract", str(folder), "--format", "jsonl", "--no-classify", "--jobs", "1")
    assert r.exit_code == 0
    docs = [json.loads(x)["doc"] for x in r.stdout.splitlines()]
    assert sorted(set(docs)) == ["a", "b-gbk", "c"]


def test_docx_with_the_same_text_is_a_duplicate(tmp_path):
    docx = pytest.importorskip("docx")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    w = docx.Document()
    for line in TEXT.splitlines():
        w.add_paragraph(line)
    w.save(str(d / "b.docx"))
    r = _run("ingest", str(d), "--db", str(tmp_path / "x.db"), "--no-classify", "--jobs", "2")
    assert r.exit_code == 0 and "1 ok" in r.stderr
    assert "b.docx: duplicate: same text as" in r.stderr
