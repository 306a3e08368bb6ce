"""Write the bad-input corpus for the robustness tests into a directory, with a manifest.

    python scripts/make_bad_inputs.py OUT_DIR [--seed N] [--big-mb 5] [--pages 10000]

Every case is a file (or a directory, or a path that does not exist) in OUT_DIR plus an
entry in ``OUT_DIR/manifest.json``:

    {"file": "zero-width.txt", "expect": "ok", "claims": {"exact": 2},
     "values": ["1672", "3500000000"], "why": "..."}
    {"file": "random.pdf", "expect": "error", "message": "not a PDF file", "why": "..."}
    {"file": "flip-3.pdf", "expect": "handled", "why": "..."}

``ok``: the file is read; ``claims`` gives ``exact`` or ``min`` counts and ``values`` the claim
values (as strings) that must be among the results. ``error``: a ``TextmineError`` whose one-line
message names the file and contains ``message``. ``handled``: either of the two (damaged PDFs
that pdfminer may or may not repair), never an unexpected exception. ``warning``: a substring of one
of the document's warnings. ``skip_if_root``: a case that root can read anyway (file
permissions); ``slow``: a case that takes many seconds (the tests run it only when asked). Expectations are written here from what the
input is, never from running textmine on it. All texts are written for this corpus.
"""
from __future__ import annotations

import argparse
import codecs
import io
import json
import random
from pathlib import Path

# Report-like sentences with one claim each (value in the second field).
SENTENCES = [
    ("全年新建产业帮扶项目326个，带动脱贫群众增收。", "326"),
    ("到位对口支援资金12.5亿元，重点投向基础设施。", "1250000000"),
    ("累计组织劳务输出4800人次，稳岗就业率明显提高。", "4800"),
    ("农产品消费帮扶销售额达到3.6亿元。", "360000000"),
]
GOOD_TEXT = "".join(s for s, _ in SENTENCES)
GOOD_VALUES = [v for _, v in SENTENCES]


def _pdf_bytes(paragraphs: list[str], pages: int = 1) -> bytes:
    """A small A4 PDF (STSong-Light, no font file needed) with the paragraphs on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        y = A4[1] - 80
        c.setFont(font, 10.5)
        for para in paragraphs:
            line = ""
            for ch in para:
                if pdfmetrics.stringWidth(line + ch, font, 10.5) > 420:
                    c.drawString(80, y, line)
                    y -= 16
                    line = ""
                line += ch
            if line:
                c.drawString(80, y, line)
                y -= 24
        c.showPage()
    c.save()
    return buf.getvalue()


def _blank_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        c.showPage()
    c.save()
    return buf.getvalue()


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand, object by object, with a correct cross-reference table: the
    damage is in the objects themselves."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


def make(out: Path, seed: int = 7, big_mb: int = 5, pages: int = 10_000) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    cases: list[dict] = []

    def put(name: str, data: bytes | str | None, **expect) -> None:
        if data is not None:
            p = out / name
            p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append({"file": name, **expect})

    good_pdf = _pdf_bytes([s for s, _ in SENTENCES])

    # --- good files (the batch test mixes these with bad ones)
    put("good.txt", GOOD_TEXT + "\n", expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        why="a plain UTF-8 report")
    put("good.pdf", good_pdf, expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        why="a small generated PDF")
    put("gbk.txt", GOOD_TEXT.encode("gbk"), expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        why="the same text in GBK")
    put("pdf-named.txt", good_pdf, expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        why="a PDF under a .txt name is sniffed by its %PDF header")

    # --- random bytes
    put("random.txt", bytes(rnd.getrandbits(8) for _ in range(8192)), expect="error",
        message="random.txt: ", why="random bytes are not text")
    put("random.pdf", bytes(rnd.getrandbits(8) for _ in range(8192)).replace(b"%PDF", b"%PDx"),
        expect="error", message="not a PDF file", why="random bytes under a .pdf name")
    put("random-header.pdf", b"%PDF-1.4\n" + bytes(rnd.getrandbits(8) for _ in range(8192)),
        expect="error", message="corrupt or truncated PDF", why="a PDF header, then noise")
    put("html.pdf", b"<!DOCTYPE html><html><body><h1>404</h1></body></html>\n",
        expect="error", message="not a PDF file (it holds HTML)", why="a scraper's error page")
    put("text-named.pdf", GOOD_TEXT.encode("utf-8"), expect="error",
        message="not a PDF file", why="text under a .pdf name")

    # --- truncated and mutated PDFs
    for share in (0.1, 0.5, 0.9):
        put(f"truncated-{int(share * 100)}.pdf", good_pdf[:int(len(good_pdf) * share)],
            expect="handled", why=f"the first {share:.0%} of a good PDF")
    put("truncated-head.pdf", good_pdf[:40], expect="error", message="truncated-head.pdf: ",
        why="only the header line survives")
    put("no-eof.pdf", good_pdf[:good_pdf.rindex(b"startxref")], expect="handled",
        why="trailer (startxref, %%EOF) cut off")
    for k in range(6):
        data = bytearray(good_pdf)
        for _ in range(8 * (k + 1)):
            i = rnd.randrange(len(data))
            data[i] ^= 1 << rnd.randrange(8)
        put(f"flip-{k}.pdf", bytes(data), expect="handled", why=f"{8 * (k + 1)} bits flipped")
    data = bytearray(good_pdf)
    start = good_pdf.index(b"stream") + 10
    data[start:start + 200] = bytes(rnd.getrandbits(8) for _ in range(200))
    put("garbled-stream.pdf", bytes(data), expect="handled", why="200 noise bytes in a stream")

    # a parser error that quotes the damaged dictionary: [/'Type', ...] reads as rich markup
    put("markup-dict.pdf", _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count >>",
        b"<< /Type /Page /Parent >>"]), expect="error", message="Invalid dictionary construct",
        why="an odd dictionary: the error message holds [/'Type', ...] (no markup, one line)")

    # --- names that are data: markup, control characters, bytes that are not UTF-8
    (out / "markup[").mkdir(exist_ok=True)
    def rotated(k: int) -> str:  # the good text in another order: other content, same claims
        return "".join(s for s, _ in SENTENCES[k:] + SENTENCES[:k]) + "\n"

    put("markup[/]name.txt", rotated(1), expect="ok", claims={"exact": 4},
        values=GOOD_VALUES, why="a path that reads as a rich closing tag [/]")
    put(":warning:[bold]name.txt", rotated(2), expect="ok", claims={"exact": 4},
        values=GOOD_VALUES, why="an emoji code and a markup tag in a file name")
    put("esc-\x1b[31m-line\nbreak.txt", b"", expect="error", message="file is empty",
        why="a terminal escape sequence and a newline in the name of a bad file")
    (out / b"latin1-\xe9t\xe9.txt".decode("utf-8", "surrogateescape")).write_bytes(
        rotated(3).encode("utf-8"))
    cases.append({"file": b"latin1-\xe9t\xe9.txt".decode("utf-8", "surrogateescape"),
                  "expect": "ok", "claims": {"exact": 4}, "values": GOOD_VALUES,
                  "why": "a file name that is not UTF-8 (Latin-1 bytes)"})
    put("nines-310.txt", "全年安排项目" + "9" * 310 + "个。\n", expect="ok",
        claims={"exact": 1}, values=["9" * 310],
        why="a count above the float range: kept exactly, never inf")

    # --- empty things
    put("empty.txt", b"", expect="error", message="empty.txt: file is empty", why="0 bytes")
    put("empty.pdf", b"", expect="error", message="empty.pdf: file is empty", why="0 bytes")
    put("blank.txt", " \n\n\t\u3000\n".encode("utf-8"), expect="error",
        message="blank.txt: file is empty", why="whitespace only")
    put("blank-pages.pdf", _blank_pdf(3), expect="ok", claims={"exact": 0}, warning="empty",
        why="a PDF whose pages are all empty: empty text, a warning, no claims")

    # --- paths that are not readable files
    (out / "folder.txt").mkdir(exist_ok=True)
    cases.append({"file": "folder.txt", "expect": "error", "message": "is a directory",
                  "why": "a directory named like a file"})
    cases.append({"file": "missing.pdf", "expect": "error", "message": "missing.pdf: no such file",
                  "why": "a path that does not exist"})
    p = out / "no-read.txt"
    p.write_bytes(GOOD_TEXT.encode("utf-8"))
    p.chmod(0)
    cases.append({"file": "no-read.txt", "expect": "error", "message": "no-read.txt: cannot read",
                  "skip_if_root": True, "why": "no read permission"})

    # --- encodings
    put("utf16-bom.txt", codecs.BOM_UTF16_LE + GOOD_TEXT.encode("utf-16-le"), expect="ok",
        claims={"exact": 4}, values=GOOD_VALUES, why="UTF-16 LE with BOM")
    put("utf16be-bom.txt", codecs.BOM_UTF16_BE + GOOD_TEXT.encode("utf-16-be"), expect="ok",
        claims={"exact": 4}, values=GOOD_VALUES, why="UTF-16 BE with BOM")
    put("utf8-bom.txt", codecs.BOM_UTF8 + GOOD_TEXT.encode("utf-8"), expect="ok",
        claims={"exact": 4}, values=GOOD_VALUES, why="UTF-8 with BOM")
    mixed = b"\n".join([SENTENCES[0][0].encode("utf-8"), SENTENCES[1][0].encode("gbk"),
                        SENTENCES[2][0].encode("utf-8"), SENTENCES[3][0].encode("gbk")])
    put("mixed-encoding.txt", mixed, expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        warning="mixed encodings",
        why="UTF-8 and GBK lines in one file (pasted together)")

    # Big5 (traditional characters), told from GB18030, which reads its bytes as garbage
    trad = ["全年新建產業幫扶項目326個，帶動脫貧群眾增收。", "到位對口支援資金12.5億元，重點投向基礎設施。",
            "累計組織勞務輸出4800人次，穩崗就業率明顯提高。", "農產品消費幫扶銷售額達到3.6億元。"]
    put("big5.txt", "\n".join(trad).encode("big5") + b"\n", expect="ok", claims={"exact": 4},
        values=GOOD_VALUES, why="a Big5 file (Taiwan, Hong Kong): not GB18030")
    # UTF-16 and UTF-32 without a byte order mark
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        put(f"{enc.replace('-', '')}-nobom.txt", (GOOD_TEXT + "\n").encode(enc), expect="ok",
            claims={"exact": 4}, values=GOOD_VALUES, why=f"{enc.upper()} without a BOM")
    put("utf16le-nobom-cjk.txt", "新建产业帮扶项目三百二十六个。".encode("utf-16-le"), expect="ok", claims={"exact": 1}, values=["326"],
        why="UTF-16 LE without a BOM and without one ASCII character (no NUL byte at all)")
    # bytes that are not text in a text file: replaced, the line named
    lines = [s.encode("utf-8") for s, _ in SENTENCES]
    put("invalid-byte.txt", b"\n".join([lines[0], lines[1][:9] + b"\xff" + lines[1][9:],
                                        *lines[2:]]) + b"\n", expect="ok", claims={"exact": 4},
        values=GOOD_VALUES, warning="replaced (U+FFFD) in line 2",
        why="one byte that is not UTF-8 in line 2 (the file is read, that byte replaced)")
    put("cut-mid-char.txt", (GOOD_TEXT + "\n帮扶").encode("utf-8")[:-1], expect="ok",
        claims={"exact": 4}, values=GOOD_VALUES, warning="replaced (U+FFFD) in line 2",
        why="a UTF-8 file cut in the middle of its last character")
    put("gbk-bad-byte.txt", b"\n".join([s.encode("gbk") for s, _ in SENTENCES[:2]])
        + b"\n\x80\xff" + "".join(s for s, _ in SENTENCES[2:]).encode("gbk") + b"\n",
        expect="ok", claims={"exact": 4}, values=GOOD_VALUES,
        warning="replaced (U+FFFD) in line 3", why="GBK with two bytes that are no character")

    # --- characters inside numbers and words
    put("zero-width.txt", "新建产业项目1\u200b672个，到位资金3\u200d5亿元，"
        "培训\u2060人数25\ufeff00人。\n", expect="ok", claims={"exact": 3},
        values=["1672", "3500000000", "2500"], why="zero-width characters inside numbers")
    put("control-chars.txt", "帮扶\x00资金12\x01.5亿元，新建项目3\x0b26个，\x1b[0m就业人数48\x7f00人。\n",
        expect="ok", claims={"exact": 3}, values=["1250000000", "326", "4800"],
        why="NUL, escape and other control characters inside numbers and words")
    put("forty-digits.txt", "全年共计处理数据" + "1234567890" * 4 + "条。\n", expect="ok",
        claims={"exact": 1}, values=["1234567890" * 4], why="a 40-digit integer, exactly")
    put("fullwidth.txt", "新建项目３２６个，到位资金１２．５亿元，劳务输出４，８００人次。\n", expect="ok",
        claims={"exact": 3}, values=["326", "1250000000", "4800"], why="full-width digits")

    # --- size
    size = big_mb * 1024 * 1024
    pad = " " * (size - 2 * len(GOOD_TEXT.encode("utf-8")))
    put("huge-line.txt", GOOD_TEXT + pad + GOOD_TEXT, expect="ok", claims={"exact": 8},
        values=GOOD_VALUES, why=f"one {big_mb} MB line (claims at both ends, blanks between)")
    put("huge-sentence.txt", "新建产业帮扶项目326个" + " " * 1_200_000 + "到位资金12.5亿元。",
        expect="ok", claims={"exact": 2}, values=GOOD_VALUES[:2], warning="split",
        why="one sentence of 1.2 million characters, above spaCy's max_length (blanks inside)")
    put("huge-words.txt", "新建产业帮扶项目326个" + "帮扶" * 600_000 + "到位资金12.5亿元。",
        expect="ok", claims={"min": 1}, values=GOOD_VALUES[:1], warning="split", slow=True,
        why="one sentence of 1.2 million Chinese characters (about 15 s: run with "
            "TEXTMINE_SLOW=1)")
    for name, run in (("numeral-run.txt", "一" * 20_000), ("letter-run.txt", "a" * 20_000),
                      ("digit-plus-run.txt", "1+" * 10_000), ("qualifier-run.txt", "约" * 20_000)):
        put(name, "新建产业帮扶项目326个，" + run + "。到位资金12.5亿元。\n", expect="ok",
            claims={"min": 2}, values=GOOD_VALUES[:2],
            why="a run of 20,000 characters that patterns repeat over (linear time, not cubic)")
    # sentences that would make the work per claim grow with the sentence (quadratic):
    # extraction cuts them into pieces of at most 1,000 characters at clause marks
    put("claims-2000.txt", "全年" + "".join(f"项目{i}个，" for i in range(1, 2001)) + "。\n",
        expect="ok", claims={"exact": 2000}, values=["1", "2000"],
        why="one sentence of 2,000 claims (about 30 KB)")
    put("years-4000.txt", "2020年" * 4000 + "。\n", expect="ok", claims={"exact": 4000},
        values=["2020"], why="4,000 dates in one sentence")
    put("digits-1mb.txt", "1" * (1 << 20) + "\n", expect="ok", claims={"min": 1},
        slow=True, why="a run of a million digits (jieba alone needs some seconds for it)")
    # every 1000th page holds a claim (k), the others a sentence without a number
    page_lines = [f"新建产业项目{(i + 1) // 1000}个。" if (i + 1) % 1000 == 0
                  else "持续推进产业帮扶和就业帮扶工作。" for i in range(pages)]
    put("many-pages.txt", "\f".join(page_lines) + "\n", expect="ok",
        claims={"exact": pages // 1000}, values=[str(k) for k in range(1, pages // 1000 + 1)],
        why=f"{pages} pages separated by form feeds")
    put("many-blank-lines.txt", "\n" * 200_000 + GOOD_TEXT + "\n" * 200_000, expect="ok",
        claims={"exact": 4}, values=GOOD_VALUES, why="text between 200,000 empty lines")

    # a name that is not UTF-8 goes into the JSON as a \udcXX escape (json.loads restores it)
    (out / "manifest.json").write_bytes(
        (json.dumps(cases, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace"))
    return cases


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="directory to write the corpus into")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--big-mb", type=int, default=5, help="size of the one-line file")
    ap.add_argument("--pages", type=int, default=10_000, help="pages of the form-feed text")
    a = ap.parse_args(argv)
    cases = make(a.out, a.seed, a.big_mb, a.pages)
    print(f"{len(cases)} cases -> {a.out / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
