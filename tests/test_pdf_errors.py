"""Bad PDFs: one-line IngestError naming the file, warnings for partial damage, CLI exits."""
from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from reportlab.lib.pdfencrypt import StandardEncryption

from cli import main
from pdfgen import LATIN, Column, Page, build, build_bytes
from textmine.errors import IngestError
from textmine.ingest.pdf import _glyphs, document_text, read_pdf
from textmine.types import Claim

TEXT = "全年落实帮扶资金12.5亿元，支持建设产业项目326个，带动脱贫群众稳定增收。"


def good_page() -> Page:
    return Page().column(Column(50, 100, 400).para(TEXT))


LATIN_TEXT = "In 2021 the county spent 12.5 million on 326 projects."


def latin_page() -> Page:
    return Page().text(50, 100, LATIN_TEXT, 10, font=LATIN)


def image_page() -> Page:
    return Page().image(50, 100, 400, 240)


CASES = [
    # name, writer(tmp_path) -> path, password, expected message fragments
    ("encrypted, no password",
     lambda d: build(d / "enc.pdf", [latin_page()], encrypt=StandardEncryption("pw2021", "own")),
     None, ["enc.pdf: the PDF is encrypted", "--password"]),
    ("encrypted, wrong password",
     lambda d: build(d / "enc.pdf", [latin_page()], encrypt=StandardEncryption("pw2021", "own")),
     "nope", ["enc.pdf: wrong password"]),
    ("truncated",
     lambda d: _write(d / "cut.pdf", build_bytes([good_page(), good_page()])[:600]),
     None, ["cut.pdf: corrupt or truncated PDF"]),
    ("not a PDF",
     lambda d: _write(d / "page.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>"),
     None, ["page.pdf: not a PDF file (it holds HTML)"]),
    ("empty file", lambda d: _write(d / "zero.pdf", b""), None, ["zero.pdf: file is empty"]),
    ("zero pages", lambda d: _write(d / "nopages.pdf", ZERO_PAGES), None,
     ["nopages.pdf: the PDF has no pages"]),
    ("scanned", lambda d: build(d / "scan.pdf", [image_page()]), None,
     ["scan.pdf: has no text layer", "OCR is needed"]),
    ("fonts without Unicode map",
     lambda d: build(d / "garbage.pdf", [Page().text(50, 100, "êêÆÆ##¯¯KK" * 8, 10)]), None,
     ["garbage.pdf: no usable text layer", "OCR is needed"]),
]

ZERO_PAGES = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
              b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
              b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,writer,password,fragments", CASES, ids=[c[0] for c in CASES])
def test_bad_pdf_errors(tmp_path, name, writer, password, fragments):
    path = writer(tmp_path)
    with pytest.raises(IngestError) as e:
        read_pdf(path, password=password, ocr="never")
    msg = str(e.value)
    assert "\n" not in msg
    for f in fragments:
        assert f in msg


def test_right_password_and_owner_only(tmp_path):
    enc = build(tmp_path / "enc.pdf", [latin_page()], encrypt=StandardEncryption("pw2021", "own"))
    assert read_pdf(enc, password="pw2021").blocks[0].text == LATIN_TEXT
    owner = build(tmp_path / "owner.pdf", [latin_page()],
                  encrypt=StandardEncryption("", "own", canCopy=0, canModify=0))
    assert read_pdf(owner).blocks[0].text == LATIN_TEXT


def test_only_empty_pages_give_an_empty_document(tmp_path):
    doc = read_pdf(build(tmp_path / "blank.pdf", [Page(), Page()]))
    assert doc.blocks == [] and doc.pages == 2
    assert "all 2 page(s) are empty: no text" in doc.warnings
    assert document_text(doc) == ""


def test_empty_and_image_pages_among_good_ones_warn(tmp_path):
    doc = read_pdf(build(tmp_path / "mixed.pdf", [good_page(), Page(), image_page(), good_page()]))
    assert [b.page for b in doc.blocks] == [1, 4]
    assert "page 2: empty page" in doc.warnings
    assert any(w.startswith("page 3: no text layer") and "OCR" in w for w in doc.warnings)


def test_oversized_page_is_refused_with_warning(tmp_path):
    big = Page(width=20000, height=800).text(50, 100, TEXT)
    doc = read_pdf(build(tmp_path / "big.pdf", [big, good_page()]))
    assert any(w.startswith("page 1:") and "skipped" in w for w in doc.warnings)
    assert [b.page for b in doc.blocks] == [2]


def test_unmapped_glyphs_are_counted():
    chars = [dict(text=t, x0=i * 10.0, x1=i * 10.0 + 9, top=0.0, bottom=10.0, size=10.0,
                  fontname="F", upright=True) for i, t in enumerate(["(cid:12)", "帮", "扶"])]
    glyphs, unmapped, suspect = _glyphs(chars)
    assert (unmapped, suspect) == (1, 1)
    assert glyphs[0].text == "\ufffd"


# ---------------------------------------------------------------- CLI


def test_cli_text_prints_paragraphs_and_tables(tmp_path):
    page = good_page().table(60, 160, [140, 100], [["项目", "金额（亿元）"], ["消费帮扶", "3.2"]])
    path = build(tmp_path / "t.pdf", [page])
    r = CliRunner().invoke(main, ["text", str(path), "--tables", str(tmp_path / "csv")])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [TEXT, "项目\t金额（亿元）", "消费帮扶\t3.2"]
    assert (tmp_path / "csv" / "t-p1-t1.csv").read_text(encoding="utf-8") == \
        "项目,金额（亿元）\n消费帮扶,3.2\n"


def test_cli_text_bad_file_one_line_and_batch_goes_on(tmp_path):
    bad = _write(tmp_path / "bad.pdf", b"<html>gone</html>")
    good = build(tmp_path / "good.pdf", [good_page()])
    r = CliRunner().invoke(main, ["text", str(bad), str(good)])
    assert r.exit_code == 1
    assert TEXT in r.stdout
    assert "Traceback" not in r.output
    err_lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == 1 and "bad.pdf: not a PDF file" in err_lines[0]


def test_cli_text_encrypted_needs_password(tmp_path):
    enc = build(tmp_path / "enc.pdf", [latin_page()], encrypt=StandardEncryption("pw2021", "own"))
    r = CliRunner().invoke(main, ["text", str(enc)])
    assert r.exit_code == 1 and "--password" in r.stderr
    r = CliRunner().invoke(main, ["text", "--password", "pw2021", str(enc)])
    assert r.exit_code == 0 and LATIN_TEXT in r.stdout


def test_render_claims_page(tmp_path):
    from textmine.ingest.render import render_claims_page
    path = build(tmp_path / "r.pdf", [good_page()])
    doc = read_pdf(path)
    b = doc.blocks[0]
    start = b.text.index("12.5")
    end = start + len("12.5亿元")
    boxes = [x for x in b.char_boxes[start:end] if x]
    bbox = (min(x[0] for x in boxes), min(x[1] for x in boxes),
            max(x[2] for x in boxes), max(x[3] for x in boxes))
    claim = Claim(doc="r", page=1, sentence=b.text, start=start, end=end, text="12.5亿元",
                  kind="money", value=Decimal("1250000000"), unit="元", qualifier="exact",
                  lower=None, upper=None, indicator="帮扶资金", bbox=bbox)
    out = tmp_path / "page.png"
    assert render_claims_page(path, 1, [claim], out) == 1
    from PIL import Image
    img = Image.open(out)
    assert img.size[0] > 500
    with pytest.raises(Exception, match="no page 3"):
        render_claims_page(path, 3, [claim], out)


# ---------------------------------------------------------------- limits (issue 18)

def _bomb_pdf(path, inflated: int, pages: int = 1) -> None:
    """A PDF whose first page's content stream inflates to ``inflated`` bytes of blanks
    (compressed in pieces: the test never holds them), the other pages plain text."""
    import zlib
    from pdfgen import Column, Page, build
    build(path, [Page().column(Column(60, 70, 470).para("新建产业项目326个。"))
                 for _ in range(pages)])
    data = path.read_bytes()
    c = zlib.compressobj(9)
    piece = b" " * (1 << 20)
    body = b"".join(c.compress(piece) for _ in range(inflated >> 20)) + c.flush()
    # a new object for the bomb, made the first page's content
    import re
    m = re.search(rb"/Contents (\d+) 0 R", data)
    assert m, "the generated page names its content stream"
    obj = int(m.group(1))
    start = data.index(b"%d 0 obj" % obj)
    end = data.index(b"endobj", start) + len(b"endobj")
    bomb = (b"%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % (obj, len(body))
            + body + b"\nendstream\nendobj")
    path.write_bytes(_reindex(data[:start] + bomb + data[end:]))


def _reindex(data: bytes) -> bytes:
    """The cross-reference table rebuilt for ``data`` (objects moved)."""
    import re
    head = data[:data.rindex(b"\nxref\n") + 1]
    offsets = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", head)}
    n = max(offsets) + 1
    trailer = data[data.index(b"trailer", len(head)):]
    trailer = trailer[:trailer.index(b"startxref")]
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % n + b"".join(
        b"%010d 00000 n \n" % offsets.get(i, 0) for i in range(1, n))
    return head + xref + trailer + b"startxref\n%d\n%%%%EOF\n" % len(head)


def test_a_stream_that_inflates_beyond_the_limit_skips_its_page(tmp_path, monkeypatch):
    from textmine.ingest import limits
    monkeypatch.setattr(limits, "MAX_STREAM_BYTES", 2 << 20)
    path = tmp_path / "bomb.pdf"
    _bomb_pdf(path, 8 << 20, pages=2)
    doc = read_pdf(path)
    assert any("page 1: cannot be read" in w and "inflates to more than 2 MB" in w
               for w in doc.warnings), doc.warnings
    assert "326" in doc.text  # page 2 read
    one = tmp_path / "bomb1.pdf"
    _bomb_pdf(one, 8 << 20, pages=1)
    with pytest.raises(IngestError, match=r"bomb1\.pdf: .*inflates to more than 2 MB"):
        read_pdf(one)


def test_a_page_too_large_to_render_is_one_line(tmp_path):
    from pdfgen import Column, Page, build
    from textmine.api import render_page
    path = build(tmp_path / "big.pdf", [Page().column(Column(60, 70, 470).para("项目326个。"))])
    with pytest.raises(IngestError, match=r"big\.pdf: page 1 is 595 x 842 pt: at 2400 pixels "
                                          r"per inch .* use --resolution \d+ or less"):
        render_page(path, 1, [], tmp_path / "p.png", resolution=2400)
    assert not (tmp_path / "p.png").exists()
