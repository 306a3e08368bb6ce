"""Peak memory (RSS) of ``textmine extract`` on a long PDF and on a large text batch.

    python bench/bench_memory.py [--pages 500] [--docs 1000] [--no-classify] [--cache DIR]

Generates (once, cached in DIR, default $TMPDIR/textmine-bench-memory) a PDF of N report-like pages
(reportlab, Chinese text with numbers) and a folder of M text reports, then runs each as a
separate process and reads its peak RSS from the kernel (``os.wait4`` rusage). For reference
the same run measures a bare ``python -c "import textmine"`` and a plain pdfplumber pass over
the PDF (``extract_words`` on every page, closing pages). Target: peak RSS < 600 MB each.
All text is generated here from templates written for the benchmark.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 600

REGIONS = ["东城区", "西山县", "南河镇", "北岭乡", "中原市", "青川县", "白水县", "红旗区"]
TEMPLATES = [
    "{r}全年新建产业帮扶项目{n}个，完成投资{x}亿元，同比增长{p}%。",
    "累计组织劳务输出{n}人次，其中跨省就业{m}人，稳岗率达到{p}%。",
    "通过消费帮扶销售农产品{x}万元，带动{n}户脱贫户增收。",
    "新建高标准农田{m}万亩，粮食总产量达到{x}万吨，比上年增加{p}%。",
    "{r}到位对口支援资金{x}亿元，实施援建项目{n}个，覆盖{m}个村。",
    "开展职业技能培训{n}期，培训各类人员{m}人次，取得证书{k}人。",
    "城镇新增就业{m}人，城镇登记失业率控制在{p}%以内。",
    "改造农村危房{n}户，解决{m}人的安全饮水问题。",
    "{r}引进企业{n}家，新增固定资产投资{x}亿元，税收增长约{p}%。",
    "截至年底，共有{m}名干部驻村帮扶，结对帮扶困难家庭{k}户。",
]
HEADINGS = ["一、主要工作进展", "二、产业合作情况", "三、劳务协作成效", "四、消费帮扶成果",
            "五、社会力量参与", "六、下一步工作安排"]


def sentence(rnd: random.Random) -> str:
    return rnd.choice(TEMPLATES).format(
        r=rnd.choice(REGIONS), n=rnd.randint(2, 900), m=rnd.randint(100, 90000),
        k=rnd.randint(10, 5000), x=f"{rnd.uniform(0.1, 99):.2f}", p=f"{rnd.uniform(0.5, 30):.1f}")


def paragraph(rnd: random.Random, n: int = 4) -> str:
    return "".join(sentence(rnd) for _ in range(n))


def make_pdf(path: Path, pages: int, seed: int = 1) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    rnd = random.Random(seed)
    tmp = path.with_suffix(".part")
    c = canvas.Canvas(str(tmp), pagesize=A4)
    width, height = A4
    for page in range(pages):
        y = height - 60
        c.setFont(font, 9)
        c.drawString(72, height - 40, "某省对口帮扶工作年度报告")
        c.drawString(width / 2 - 10, 30, str(page + 1))
        c.setFont(font, 14)
        c.drawString(72, y - 20, HEADINGS[page % len(HEADINGS)])
        y -= 50
        c.setFont(font, 10.5)
        while y > 90:
            text, first = paragraph(rnd, rnd.randint(2, 4)), True
            while text and y > 90:
                indent = 21 if first else 0
                k = 1
                while k < len(text) and pdfmetrics.stringWidth(text[:k + 1], font, 10.5) \
                        <= width - 144 - indent:
                    k += 1
                c.drawString(72 + indent, y, text[:k])
                text, first, y = text[k:], False, y - 16
            y -= 8
        c.showPage()
    c.save()
    tmp.replace(path)
    return path


def make_texts(folder: Path, docs: int, seed: int = 2) -> Path:
    rnd = random.Random(seed)
    part = folder.with_name(folder.name + ".part")
    part.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        title = f"{rnd.choice(REGIONS)}{2015 + i % 9}年帮扶工作总结"
        body = [title] + [h + "\n" + paragraph(rnd, 5) for h in rnd.sample(HEADINGS, 3)]
        (part / f"report-{i:04d}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    part.replace(folder)
    return folder


def peak_rss(cmd: list[str]) -> tuple[float, float, int, str]:
    """(peak RSS in MB, wall seconds, exit code, last stderr line) of one process."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return usage.ru_maxrss / 1024, time.perf_counter() - t, p.returncode, last


PLAIN = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_words()
        page.close()
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--no-classify", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "textmine-bench-memory")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    pdf = a.cache / f"report-{a.pages}p.pdf"
    texts = a.cache / f"texts-{a.docs}"
    t = time.perf_counter()
    if not pdf.exists():
        make_pdf(pdf, a.pages)
    if not texts.exists():
        make_texts(texts, a.docs)
    print(f"inputs in {a.cache} ({time.perf_counter() - t:.1f} s to make or find)")

    py = sys.executable
    out = a.cache / "out.jsonl"
    # one process (--jobs 1): its peak RSS is the whole cost; bench_scale.py measures the
    # process tree of parallel runs
    extract = [py, "cli.py", "extract", "--jobs", "1", "--format", "jsonl", "-o", str(out)] \
        + (["--no-classify"] if a.no_classify else [])
    cases = [
        ("import textmine (reference)", [py, "-c", "import textmine"], None),
        (f"pdfplumber words, {a.pages} pages (reference)", [py, "-c", PLAIN, str(pdf)], None),
        (f"extract PDF, {a.pages} pages", extract + [str(pdf)], TARGET_MB),
        (f"extract {a.docs} text files", extract + [str(texts)], TARGET_MB),
    ]
    from rich.console import Console
    from rich.table import Table
    table = Table(title=f"peak RSS (classify={'off' if a.no_classify else 'on'})")
    for col in ("case", "peak RSS MB", "wall s", "claims", "target", "result"):
        table.add_column(col, justify="left" if col == "case" else "right")
    failed = False
    for name, cmd, target in cases:
        if out.exists():
            out.unlink()
        mb, wall, rc, last = peak_rss(cmd)
        claims = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else None
        verdict = "" if target is None else ("ok" if mb < target and rc == 0 else "FAIL")
        failed |= verdict == "FAIL"
        table.add_row(name, f"{mb:.0f}", f"{wall:.1f}", "" if claims is None else str(claims),
                      "" if target is None else f"< {target}",
                      verdict if rc == 0 else f"exit {rc}: {last[:60]}")
    Console().print(table)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
