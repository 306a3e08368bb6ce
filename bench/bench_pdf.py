"""PDF ingestion speed as ratios against references measured in the same run.

    python bench/bench_pdf.py [PDF] [--repeat N] [--scan SCAN_PDF] [--no-ocr]

Whole processes, best of N, for PDF (default ../shared/eval/pdf/bulletin-36pages.pdf):
  plain     : python -c "pdfplumber: extract_words() on every page, page.close()"
  read_pdf  : textmine text PDF          (ingestion only: layout, tables, furniture)
  extract   : textmine extract PDF --no-classify --format jsonl --jobs 1
  no-tables : the same extract with table detection switched off (for its cost)
each as a ratio to plain (target for extract: <= 1.5x), and table detection's cost as
extract / no-tables (target: at most +30%).

OCR (with the ``ocr`` extra; SCAN default ../shared/eval/pdf/beijing-2020-imageonly.pdf,
a dense newspaper page): CPU seconds per page on one core (rendering + recognition, in
this process, best of N; target <= 3 s), as a ratio to reading the same page's text layer
(page 1 of beijing-2020-2col.pdf) and to rendering the page (pypdfium2, as OCR does); and a
4-page scan (the page four times) through ``textmine extract --jobs 1`` and ``--jobs 2`` (a
scan's pages go to the workers a page each), beside the speed-up two processes can get on
the machine at that moment (ceiling.spin_wall: two copies of a CPU-bound loop against
one, in the same turns). Skips cleanly when a file or the extra is missing.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # ceiling.spin_wall
EVAL = ROOT.parent / "shared" / "eval" / "pdf"
DEFAULT = EVAL / "bulletin-36pages.pdf"
SCAN = EVAL / "beijing-2020-imageonly.pdf"
TEXT_PAGE = EVAL / "beijing-2020-2col.pdf"

PLAIN = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    n = 0
    for page in pdf.pages:
        n += len(page.extract_words())
        page.close()
print(n)
"""

# textmine's CLI with table detection switched off (no table found on any page)
NO_TABLES = """
import sys
import textmine.ingest.page as page, textmine.ingest.tables as tables
page.find_tables = lambda *a, **k: tables.Found()
sys.argv = ["textmine"] + sys.argv[1:]
import cli
cli.main()
"""


def run(cmd: list[str]) -> tuple[float, int, str, float]:
    """Wall seconds, exit code, last line of stderr and the CPU seconds (user + system) of
    the process and its children (the share of a loaded machine moves wall time, not this)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, p.returncode, (p.stderr.strip().splitlines() or [""])[-1], cpu


def best(cmd: list[str], repeat: int) -> tuple[float | None, str]:
    times = []
    for _ in range(repeat):
        dt, rc, err, _ = run(cmd)
        if rc != 0:
            return None, err
        times.append(dt)
    return min(times), ""


def bench_tables(pdf: Path, repeat: int) -> None:
    py = sys.executable
    extract = ["extract", str(pdf), "--no-classify", "--format", "jsonl", "--jobs", "1", "-q"]
    cases = {
        "plain": [py, "-c", PLAIN, str(pdf)],
        "read_pdf": [py, "cli.py", "text", str(pdf)],
        "extract": [py, "cli.py", *extract],
        "no-tables": [py, "-c", NO_TABLES, *extract],
    }
    results: dict[str, tuple] = {}
    for _ in range(repeat):  # interleaved: the machine's load falls on every case alike
        for name, cmd in cases.items():
            wall, rc, err, cpu = run(cmd)
            old = results.get(name)
            if rc != 0:
                results[name] = (None, None, err)
            elif old is None or old[0] is not None:
                results[name] = (min(wall, old[0]) if old else wall,
                                 min(cpu, old[1]) if old else cpu, "")
    base = results["plain"]
    print(f"{pdf.name}: best of {repeat} whole-process runs (wall; CPU of the process tree)")
    for name, (wall, cpu, err) in results.items():
        if wall is None:
            print(f"  {name:9s} failed: {err}")
        elif base[0]:
            print(f"  {name:9s} {wall:7.2f} s {wall / base[0]:5.2f}x plain   CPU {cpu:6.2f} s "
                  f"{cpu / base[1]:5.2f}x plain")
    ext, off = results["extract"], results["no-tables"]
    if ext[0] and off[0]:
        print(f"  table detection: extract {ext[0] / off[0] - 1:+.1%} wall, "
              f"{ext[1] / off[1] - 1:+.1%} CPU against no-tables (target: at most +30%)")


def _page_seconds(fn, repeat: int) -> float:
    best_t = None
    for _ in range(repeat):
        t = time.process_time()
        fn()
        dt = time.process_time() - t
        best_t = dt if best_t is None else min(best_t, dt)
    return best_t


def bench_ocr(scan: Path, repeat: int) -> None:
    from textmine.ingest import ocr
    from textmine.ingest.pdf import read_page_range
    if not ocr.available():
        print("OCR: skipped (pip install 'textmine[ocr]')")
        return
    if not scan.exists() or not TEXT_PAGE.exists():
        print(f"OCR: skipped ({scan} or {TEXT_PAGE} not found)")
        return
    ocr._engine()  # loaded once per process, not part of a page's time
    r = ocr.Renderer(scan)

    chars = []

    def one_page():
        chars.append(sum(1 for g in ocr.recognise(r.image(0), r.scale).glyphs
                         if not g.text.isspace()))

    page = _page_seconds(one_page, repeat)
    render = _page_seconds(lambda: r.image(0), repeat)
    r.close()
    layer = _page_seconds(lambda: read_page_range(TEXT_PAGE, 1, 1), repeat)
    print(f"OCR of {scan.name} (one page of {chars[-1]} characters, one core, CPU time, "
          f"best of {repeat}): {page:.2f} s/page = {page / 3.0:.2f}x the 3 s target "
          f"({1000 * page / chars[-1]:.2f} s per 1000 characters), "
          f"{page / layer:.0f}x reading the page's text layer ({layer:.2f} s), "
          f"{page / render:.0f}x rendering it ({render:.2f} s)")
    _bench_jobs(scan)


def _bench_jobs(scan: Path) -> None:
    from ceiling import spin_wall
    with tempfile.TemporaryDirectory() as d:
        four = Path(d) / "scan-4pages.pdf"
        _repeat_pages(scan, four, 4)
        py = sys.executable
        times, spins = {}, {}
        for jobs in (1, 2):
            spins[jobs] = spin_wall(jobs)
            dt, err = best([py, "cli.py", "extract", str(four), "--no-classify", "--format",
                            "jsonl", "--jobs", str(jobs), "-q"], 1)
            times[jobs] = dt
            print(f"  4-page scan, textmine extract --jobs {jobs}: "
                  + (f"{dt:.1f} s wall" if dt else f"failed: {err}"))
        if times[1] and times[2]:
            ceiling = 2 * spins[1] / spins[2]
            print(f"  speed-up with two workers: {times[1] / times[2]:.2f}x; the machine's "
                  f"ceiling in the same turns {ceiling:.2f}x (two CPU-bound loops against one)")


def _repeat_pages(src: Path, dest: Path, n: int) -> None:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(src))
    out = pypdfium2.PdfDocument.new()
    for _ in range(n):
        out.import_pages(pdf, [0])
    out.save(str(dest))
    out.close()
    pdf.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scan", type=Path, default=SCAN)
    ap.add_argument("--no-ocr", action="store_true")
    a = ap.parse_args(argv)
    if a.pdf.exists():
        bench_tables(a.pdf, a.repeat)
    else:
        print(f"tables: skipped ({a.pdf} not found)")
    if not a.no_ocr:
        bench_ocr(a.scan, a.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
