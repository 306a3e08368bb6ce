"""Inputs beyond PDF and text: Word (.docx) and web pages (.html), the refusal of formats
textmine does not read, folder runs that list what they skipped. Every document here is
written by the test (python-docx, HTML strings) with sentences in the style of bulletins."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
import textmine
from textmine.errors import InputError
from textmine.ingest.formats import folder_reason, reader_name, scan_inputs
from textmine.ingest.html import html_document

TITLE = "南山县2020年消费扶贫工作总结"
P1 = "　　上半年，全县销售扶贫产品2.5亿元，新设扶贫专柜36个。"
P2 = "组织劳务输出1800余人，新建扶贫车间9个。"
TABLE = [["指标", "2019年", "2020年"], ["帮扶资金（万元）", "1200", "1500"], ["培训人次", "800", "960"]]


def make_docx(path: Path, merged: bool = False) -> Path:
    docx = pytest.importorskip("docx", reason="python-docx is not installed")
    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_paragraph(P1)
    d.add_heading("二、就业帮扶", level=2)
    d.add_paragraph(P2)
    t = d.add_table(rows=len(TABLE), cols=3)
    for i, row in enumerate(TABLE):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    if merged:
        top = t.cell(0, 1).merge(t.cell(0, 2))
        top.text = "年度"
    d.add_paragraph("三、下一步工作")
    d.save(str(path))
    return path


HTML = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{TITLE}_南山县人民政府网</title>
<style>p {{ color: red }}</style><script>var x = "销售扶贫产品999亿元";</script></head>
<body>
<header><div class="logo">南山县人民政府</div></header>
<nav><a href="/">首页</a> <a href="/gk">政务公开</a> <a href="/fw">办事服务</a></nav>
<div class="main-nav"><ul><li><a href="/a">机构</a></li><li><a href="/b">政策</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/gk">政务公开</a></div>
<article>
<h1>{TITLE}</h1>
<p>{P1.strip()}</p>
<h2>二、就业帮扶</h2>
<p>组织劳务输出1800余人，<br>新建扶贫车间<b>9</b>个。</p>
<div>&nbsp;帮扶村村
集体经济收入均超过10万元。</div>
<table border="1"><tr><th>指标</th><th>2019年</th><th>2020年</th></tr>
<tr><td>帮扶资金（万元）</td><td>1200</td><td>1500</td></tr>
<tr><td>培训人次</td><td>800</td><td>960</td></tr></table>
<ul class="related"><li><a href="/x">关于印发2021年工作要点的通知</a></li>
<li><a href="/y">2019年扶贫资金公告</a></li></ul>
</article>
<footer>版权所有 南山县人民政府 2020 备案号 12345678号</footer>
<noscript>请启用JavaScript</noscript>
</body></html>"""


# ---------------------------------------------------------------- formats

READERS = [
    ("a.pdf", b"%PDF-1.7", "pdf"), ("a.txt", b"%PDF-1.4", "pdf"), ("a.docx", b"PK\x03\x04", "docx"),
    ("a.html", b"<html>", "html"), ("a.HTM", b"", "html"), ("a.txt", b"<html>", "text"),
    ("a", b"<!DOCTYPE html><html>", "html"), ("a.md", "# 标题".encode(), "text"),
    ("a", "上半年".encode(), "text"),
]
REFUSED = [
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "unsupported format: .doc (Word 97-2003 document)"),
    ("a.xlsx", b"PK\x03\x04", "unsupported format: .xlsx (Excel workbook)"),
    ("a.png", b"\x89PNG\r\n\x1a\n", "unsupported format: .png (image)"),
    ("a.jpg", b"\xff\xd8\xff", "unsupported format: .jpg (image)"),
    ("scan", b"\xff\xd8\xff\xe0", "unsupported format: JPEG image"),
    ("old", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "unsupported format: Office 97-2003 file"),
]


@pytest.mark.parametrize("name,head,expected", READERS)
def test_reader_name(name, head, expected):
    assert reader_name(Path(name), head) == expected


@pytest.mark.parametrize("name,head,message", REFUSED)
def test_refused_formats(name, head, message):
    with pytest.raises(InputError) as e:
        reader_name(Path(name), head)
    assert str(e.value).startswith(f"{name}: {message}")
    assert str(e.value).endswith("(convert to PDF or DOCX)")


def test_zip_is_read_only_when_it_is_a_word_document(tmp_path):
    docx_file = make_docx(tmp_path / "renamed.bin")
    assert reader_name(docx_file, docx_file.read_bytes()[:8]) == "docx"
    import zipfile
    z = tmp_path / "bundle"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("xl/workbook.xml", "<x/>")
    with pytest.raises(InputError, match="unsupported format: Excel workbook"):
        reader_name(z, z.read_bytes()[:8])


@pytest.mark.parametrize("name,reason", [
    ("a.pdf", None), ("a.DOCX", None), ("a.htm", None), ("a.txt", None),
    ("a.xls", "unsupported format: .xls (Excel 97-2003 workbook) (convert to PDF or DOCX)"),
    ("a.json", "not a report format (.json;"), ("README", "not a report format (no suffix;")])
def test_folder_reasons(name, reason):
    got = folder_reason(Path(name))
    assert got == reason if reason is None or reason.endswith(")") else got.startswith(reason)


# ---------------------------------------------------------------- Word

def test_docx_blocks_and_table(tmp_path):
    doc = textmine.read_document(make_docx(tmp_path / "nanshan-2020.docx"))
    kinds = [(b.kind, b.text) for b in doc.blocks if b.kind != "table_cell"]
    assert kinds == [("heading", TITLE), ("paragraph", P1.strip()), ("heading", "二、就业帮扶"),
                     ("paragraph", P2), ("heading", "三、下一步工作")]
    assert doc.title == TITLE and doc.year == 2020 and doc.doc_id == "nanshan-2020"
    assert doc.tables[0].rows == TABLE
    cells = {(b.text, b.cell.row_header, b.cell.col_header, b.cell.unit)
             for b in doc.blocks if b.kind == "table_cell"}
    assert ("1500", "帮扶资金", "2020年", "万元") in cells
    assert ("800", "培训人次", "2019年", None) in cells
    # the table stands after the paragraph before it
    assert doc.blocks[doc.tables[0].at - 1].text == P2


def test_docx_merged_cells_keep_their_text_once(tmp_path):
    doc = textmine.read_document(make_docx(tmp_path / "m.docx", merged=True))
    assert doc.tables[0].rows[0] == ["指标", "年度", None]


def test_docx_claims(tmp_path):
    claims = textmine.extract(make_docx(tmp_path / "nanshan-2020.docx"), classify=False)
    got = {(c.text, c.value, c.unit) for c in claims}
    assert {("2.5亿元", 250000000, "元"), ("36个", 36, "个"), ("1800余人", 1800, "人"),
            ("9个", 9, "个")} <= got
    # a table's figure takes the unit of its row header: 帮扶资金（万元） 1500
    assert ("1500", 15000000, "元") in got
    assert all("<" not in c.sentence for c in claims)


def test_damaged_docx(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"bad.docx: not a readable Word document"):
        textmine.read_document(bad)


def test_empty_docx(tmp_path):
    docx = pytest.importorskip("docx")
    p = tmp_path / "empty.docx"
    docx.Document().save(str(p))
    with pytest.raises(InputError, match="empty.docx: Word document holds no text"):
        textmine.read_document(p)


# ---------------------------------------------------------------- HTML

def test_html_keeps_blocks_and_drops_furniture():
    doc = html_document(HTML, "nanshan-2020")
    text = doc.text
    for junk in ("var x", "999亿元", "color", "首页", "机构", "当前位置", "版权所有", "JavaScript",
                 "备案号", "关于印发", "南山县人民政府\n"):
        assert junk not in text, junk
    paras = [(b.kind, b.text) for b in doc.blocks if b.kind != "table_cell"]
    assert paras == [("title", TITLE), ("paragraph", P1.strip()), ("heading", "二、就业帮扶"),
                     ("paragraph", "组织劳务输出1800余人，"), ("paragraph", "新建扶贫车间9个。"),
                     ("paragraph", "帮扶村村集体经济收入均超过10万元。")]
    assert doc.title == f"{TITLE}_南山县人民政府网" and doc.year == 2020
    assert doc.tables[0].rows == TABLE


def test_html_spans_and_layout_tables():
    page = ("<html><body><table><tr><td colspan=2>项目</td><td rowspan=2>合计</td></tr>"
            "<tr><td>资金</td><td>人数</td></tr><tr><td>12</td><td>30</td><td>42</td></tr></table>"
            "<table><tr><td><table><tr><td>x</td></tr></table></td><td><p>" + "全县" * 50 +
            "新建扶贫车间9个。</p></td></tr></table></body></html>")
    doc = html_document(page, "t")
    assert doc.tables[0].rows == [["项目", None, "合计"], ["资金", "人数", None], ["12", "30", "42"]]
    assert len(doc.tables) == 1  # the second table is page layout: read as text
    assert any(b.text.endswith("新建扶贫车间9个。") for b in doc.blocks)


def test_html_declared_gb2312_page(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '</head><body><p>新建扶贫车间9个，带动就业300人。</p></body></html>')
    p = tmp_path / "gb.htm"
    p.write_bytes(page.encode("gb18030"))
    assert textmine.read_document(p).text == "新建扶贫车间9个，带动就业300人。"


def test_html_escaped_markup_stays_text():
    doc = html_document("<p>指标&lt;b&gt;达到95%&amp;以上</p>", "t")
    assert doc.text == "指标<b>达到95%&以上"


def test_html_claims_have_no_tags(tmp_path):
    p = tmp_path / "nanshan-2020.html"
    p.write_text(HTML, encoding="utf-8")
    claims = textmine.extract(p, classify=False)
    got = {(c.text, c.value) for c in claims}
    assert {("2.5亿元", 250000000), ("1800余人", 1800), ("9个", 9), ("超过10万元", 100000)} <= got
    assert not any(v == 99900000000 for _, v in got)  # the script's figure
    assert all("<" not in c.sentence and "nbsp" not in c.sentence for c in claims)


# ---------------------------------------------------------------- runs

@pytest.fixture
def mixed(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("全县新建扶贫车间9个。", encoding="utf-8")
    make_docx(d / "b.docx")
    (d / "c.html").write_text(HTML, encoding="utf-8")
    (d / "d.xlsx").write_bytes(b"PK\x03\x04")
    (d / "e.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (d / "sub" / "f.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (d / "notes.json").write_text("{}", encoding="utf-8")
    (d / ".DS_Store").write_bytes(b"\0")
    return d


def test_scan_inputs_lists_what_it_skips(mixed):
    inputs = scan_inputs([mixed])
    assert [p.name for p in inputs.files] == ["a.txt", "b.docx", "c.html"]
    reasons = {p.name: r for p, r in inputs.skipped}
    assert set(reasons) == {"d.xlsx", "e.png", "f.doc", "notes.json"}
    assert reasons["f.doc"] == ("unsupported format: .doc (Word 97-2003 document) "
                                "(convert to PDF or DOCX)")


def test_cli_folder_run_reports_skipped(mixed, tmp_path):
    log = tmp_path / "log.jsonl"
    r = CliRunner().invoke(cli.main, ["extract", str(mixed), "--format", "jsonl", "--jobs", "1",
                                      "--no-classify", "--log-json", str(log)])
    assert r.exit_code == 0, r.output
    docs = {json.loads(x)["doc"] for x in r.stdout.splitlines() if x.startswith("{")}
    assert docs == {"a", "b", "c"}
    for name in ("d.xlsx", "e.png", "f.doc", "notes.json"):
        assert f"Skipped: {mixed}" in r.stderr and name in r.stderr
    events = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    skipped = {Path(e["file"]).name: e["error"] for e in events if e["status"] == "skipped"}
    assert set(skipped) == {"d.xlsx", "e.png", "f.doc", "notes.json"}


def test_cli_named_unsupported_file_fails_with_one_line(tmp_path):
    p = tmp_path / "report.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    r = CliRunner().invoke(cli.main, ["extract", str(p), "--jobs", "1", "--no-classify", "-q"])
    assert r.exit_code == 1
    assert (f"{p}: unsupported format: .doc (Word 97-2003 document) (convert to PDF or DOCX)"
            in r.stderr)
    assert "Traceback" not in r.output


def test_word_and_html_tables_written_without_a_page(tmp_path):
    """Word and HTML documents have no pages: ``text --tables`` names their tables
    ``<doc>-t<n>.csv`` (not ``-pNone-``), and their claims carry that table id."""
    src = tmp_path / "nanshan-2020.html"
    src.write_text(HTML, encoding="utf-8")
    make_docx(tmp_path / "beishan-2020.docx")
    for name in ("nanshan-2020.html", "beishan-2020.docx"):
        out = tmp_path / f"csv-{name}"
        r = CliRunner().invoke(cli.main, ["text", str(tmp_path / name), "--tables", str(out)])
        assert r.exit_code == 0, r.output
        stem = name.rsplit(".", 1)[0]
        assert sorted(p.name for p in out.iterdir()) == [f"{stem}-t1.csv"]
        lines = (out / f"{stem}-t1.csv").read_text(encoding="utf-8").splitlines()
        assert lines == [",".join(r) for r in TABLE]
        claims = textmine.extract(tmp_path / name, classify=False)
        assert {c.table for c in claims if c.table} == {"t1"}
