#!/usr/bin/env python
"""`textmine search` of two-character words over N stored reports, beside a plain LIKE scan.

    .venv/bin/python bench/bench_search.py [-n 1000] [--sentences 120] [--keep DB]

1. builds a database of N generated reports (sentences written from the word lists below,
   in the style of aid bulletins, each with one figure) through IndicatorDB.add_document, so
   the word and trigram indexes are filled the way `ingest` fills them;
2. for each two-character word, times the search (the total count and the first 50
   sentences, as `textmine search` asks for them) and the same two answers from a plain
   `text LIKE '%word%'` scan, each the best of --repeat runs;
3. times one whole `textmine search --db DB 就业 --format jsonl` process (start-up included).
Target: a two-character word in under 0.2 s over 1,000 reports.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ["就业", "扶贫", "消费", "产业", "培训", "车间", "扶贫车间"]  # the last: words and trigrams
SUBJECTS = ["全县", "各乡镇", "市人社局", "对口帮扶地区", "受援县", "各区", "农业农村局", "驻村工作队"]
VERBS = ["组织开展", "新建", "累计完成", "帮助", "投入", "安排", "推动", "落实"]
OBJECTS = ["职业技能培训", "扶贫车间", "就业岗位", "消费扶贫专柜", "产业项目", "农村公路",
           "贫困劳动力转移就业", "产业发展资金", "光伏电站", "易地搬迁安置点", "村集体经济项目",
           "农副产品采购", "劳务协作", "公益岗位", "危房改造", "饮水安全工程"]
UNITS = [("个", "count"), ("人", "count"), ("人次", "count"), ("万元", "money"), ("公里", "quantity"),
         ("场", "count"), ("户", "count")]
TAILS = ["，进展顺利", "，超额完成年度任务", "，比上年有所增加", "，群众满意度较高", ""]


def make_report(i: int, n_sentences: int, rng: random.Random):
    from textmine.types import Block, Claim, Document
    sentences, claims = [], []
    for k in range(n_sentences):
        head = f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"
        unit, kind = rng.choice(UNITS)
        n = rng.randint(2, 9999)
        num = f"{n}{unit}"
        s = f"{head}{num}{rng.choice(TAILS)}。"
        start = len(head)
        value = Decimal(n) * (10000 if unit == "万元" else 1)
        claims.append(Claim(f"r{i:05d}", None, s, start, start + len(num), num, kind, value,
                            "元" if unit == "万元" else unit, "exact", value, value,
                            head[-4:], sentence_index=k))
        sentences.append(s)
    doc = Document(f"r{i:05d}", [Block(" ".join(sentences))], year=2020, title="扶贫工作简报")
    return doc, claims


def build(path: Path, n: int, n_sentences: int, seed: int) -> float:
    from textmine.store.db import IndicatorDB
    from textmine.store.enrich import Enricher
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with IndicatorDB(path, enricher=Enricher()) as db:
        for i in range(n):
            doc, claims = make_report(i, n_sentences, rng)
            sha = hashlib.sha256(doc.text.encode()).hexdigest()
            db.add_document(doc, claims, path=path.parent / f"r{i:05d}.txt", sha256=sha)
    return time.perf_counter() - t0


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def like_scan(db, word: str, limit: int = 50):
    pat = f"%{word}%"
    total = db.execute("SELECT count(*) FROM sentences WHERE text LIKE ?", [pat]).fetchone()[0]
    rows = db.execute("SELECT d.doc, d.path, s.page, s.sentence_index, s.text FROM sentences s"
                      " JOIN documents d ON d.id = s.document_id WHERE s.text LIKE ?"
                      " ORDER BY s.document_id, s.sentence_index, s.id LIMIT ?",
                      [pat, limit]).fetchall()
    return total, rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="reports")
    ap.add_argument("--sentences", type=int, default=120, help="sentences a report")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="write the database here (and reuse it)")
    a = ap.parse_args(argv)
    from textmine.store.db import IndicatorDB

    path = a.keep or Path(tempfile.mkdtemp(prefix="bench_search.")) / "search.db"
    if not path.exists():
        secs = build(path, a.n, a.sentences, a.seed)
        print(f"built {a.n} reports x {a.sentences} sentences in {secs:.1f} s -> {path} "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    with IndicatorDB(path) as db:
        n_sent = db.db["sentences"].count
        print(f"{db.db['documents'].count} reports, {n_sent} sentences")
        print(f"{'word':6} {'matches':>8} {'search s':>9} {'LIKE s':>8} {'LIKE/search':>11}")
        worst = 0.0
        for w in WORDS:
            ts, res = best(lambda: db.search(w, limit=50), a.repeat)
            tl, (total, _) = best(lambda: like_scan(db.db, w), a.repeat)
            worst = max(worst, ts)
            note = "" if res.total == total else f"  (LIKE finds {total}: also inside other words)"
            print(f"{w:6} {res.total:8d} {ts:9.4f} {tl:8.4f} {tl / ts:10.1f}x{note}")
    cmd = [str(Path(sys.executable).parent / "textmine"), "search", "--db", str(path), "就业",
           "--format", "jsonl"]
    tp, _ = best(lambda: subprocess.run(cmd, capture_output=True, check=True), 3)
    print(f"slowest search {worst:.4f} s (target < 0.2 s); whole `textmine search` process "
          f"(start-up included) {tp:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
