"""Where the output goes (issue 18): ``-o`` onto a regular file or a new path is atomic, a
directory is refused, a FIFO, a device or ``-`` is written straight through, a symbolic link
is followed as ``cp`` does; no temporary file is left by any error (a full disk, a file size
limit) or by SIGTERM/SIGHUP; CSV cells never run as formulas; LIKE filters are literal."""
from __future__ import annotations

import csv
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from _batch_helpers import make_text_batch
from _desk_helpers import planted_db
from _paths import ROOT
from textmine.errors import OutputError
from textmine.output import open_output, write_atomic

REPORT = "全年新建产业帮扶项目326个，到位资金12.5亿元。\n"


def _cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True,
                          text=True, timeout=300, **kw)


def _one_error(r, *words) -> None:
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), r.stderr
    for w in words:
        assert w in lines[0], lines[0]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def report(tmp_path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


# ---------------------------------------------------------------- what -o names

def test_a_directory_is_refused_in_one_line(tmp_path, report):
    out = tmp_path / "outdir"
    out.mkdir()
    r = _cli("extract", str(report), "--no-classify", "--format", "jsonl", "-o", str(out), "-q")
    _one_error(r, "outdir: is a directory")
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(out, "x")
    assert out.is_dir() and list(out.iterdir()) == []


def test_a_symlink_is_followed_and_stays_a_link(tmp_path, report):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    r = _cli("extract", str(report), "--no-classify", "--format", "jsonl", "-o", str(link), "-q")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [json.loads(x)["text"] for x in target.read_text(encoding="utf-8").splitlines()] == [
        "326个", "12.5亿元"]
    dangling = tmp_path / "dangling.jsonl"
    dangling.symlink_to(tmp_path / "new.jsonl")
    write_atomic(dangling, "a\n")
    assert dangling.is_symlink() and (tmp_path / "new.jsonl").read_text() == "a\n"
    assert _leftovers(tmp_path) == []


def test_a_fifo_is_written_straight_through(tmp_path, report):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = _cli("extract", str(report), "--no-classify", "--format", "jsonl", "-o", str(fifo), "-q")
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not replaced by a file
    assert len(got[0].decode("utf-8").splitlines()) == 2
    assert _leftovers(tmp_path) == []


def test_dash_is_standard_output(tmp_path, report):
    r = _cli("extract", str(report), "--no-classify", "--format", "csv", "-o", "-", "-q")
    assert r.returncode == 0 and r.stdout.startswith("\ufeffid,doc,path,")
    assert not (Path.cwd() / "-").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_a_device_is_written_straight_through_and_stays_a_device(tmp_path, report):
    dev = tmp_path / "null"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of its own
    r = _cli("extract", str(report), "--no-classify", "--format", "jsonl", "-o", str(dev), "-q")
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(dev.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_device_is_one_line(report):
    for args in (["extract", str(report), "--no-classify", "--format", "jsonl"],
                 ["numbers", str(report), "--format", "jsonl"]):
        r = _cli(*args, "-o", "/dev/full", "-q" if args[0] == "extract" else "--year=2020")
        _one_error(r, "/dev/full: cannot write: No space left on device")


def test_a_file_size_limit_leaves_no_temporary_file(tmp_path):
    """ulimit -f: the write fails with EFBIG (SIGXFSZ ignored), one line, no .tmp, and the
    file that was there stays as it was."""
    folder = tmp_path / "in"
    make_text_batch(folder, 40, paragraphs=30)
    out = tmp_path / "o" / "claims.jsonl"
    out.parent.mkdir()
    out.write_text("old\n", encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    for fmt in ("jsonl", "csv", "table"):
        r = _cli("extract", str(folder), "--no-classify", "--jobs", "1", "--format", fmt,
                 "-o", str(out), "-q", preexec_fn=limit)
        _one_error(r, "claims.jsonl: cannot write: File too large")
        assert out.read_text(encoding="utf-8") == "old\n" and _leftovers(out.parent) == []


def test_open_output_kinds(tmp_path):
    assert type(open_output("-")).__name__ == "StreamFile"
    f = open_output(tmp_path / "new.txt")
    assert type(f).__name__ == "AtomicFile"
    f.write("x")
    f.abort()
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- signals

def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_workers_and_removes_temporary_files(tmp_path, sig):
    folder = tmp_path / "in"
    make_text_batch(folder, 400, paragraphs=200)  # (several seconds of work: still running
    out = tmp_path / "o.jsonl"                    # when the signal comes)
    p = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "extract", str(folder),
                          "--no-classify", "--jobs", "2", "--format", "jsonl", "-o", str(out),
                          "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not (_leftovers(tmp_path) and len(_children(p.pid)) >= 2):
        time.sleep(0.1)
    workers = _children(p.pid)
    assert _leftovers(tmp_path) and workers, "the run should be under way"
    time.sleep(1.0)
    p.send_signal(sig)  # the parent only, as a service manager or a closed terminal does
    _, err = p.communicate(timeout=60)
    assert p.returncode == 128 + sig, err
    assert "Traceback" not in err and "Interrupted" in err
    time.sleep(0.5)
    assert not any(_alive(w) for w in workers), "workers left running"
    assert _leftovers(tmp_path) == [] and not out.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")
def test_sigterm_during_ingest_leaves_a_consistent_database(tmp_path):
    from textmine.store.db import IndicatorDB
    folder = tmp_path / "in"
    make_text_batch(folder, 200, paragraphs=100)
    db = tmp_path / "t.db"
    args = [sys.executable, str(ROOT / "cli.py"), "ingest", str(folder), "--no-classify",
            "--jobs", "2", "--db", str(db), "-q", "--log-json", str(tmp_path / "log.jsonl")]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    log = tmp_path / "log.jsonl"
    while time.time() < deadline and (not log.exists() or len(log.read_text().splitlines()) < 5):
        time.sleep(0.1)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=60)
    assert p.returncode == 128 + signal.SIGTERM
    with IndicatorDB(db) as d:  # opens: quick_check passes
        stored = d.counts()["documents"]
    assert 5 <= stored < 200
    r = _cli(*args[2:])
    assert r.returncode == 0, r.stderr
    with IndicatorDB(db) as d:
        assert d.counts()["documents"] == 200


# ---------------------------------------------------------------- what the cells hold

def test_csv_cells_never_run_as_formulas(tmp_path):
    src = tmp_path / "=1+2.txt"
    src.write_text("=HYPERLINK(\"http://x\")安排项目326个，-5个项目延期。\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    r = _cli("extract", str(src), "--no-classify", "--format", "csv", "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and all(r["doc"] == "'=1+2" for r in rows)
    assert all(r["sentence"].startswith("'=HYPERLINK") for r in rows)
    for r in rows:  # a plain negative number stays a number
        assert not r["value"].startswith("'") and not r["value_text"].startswith("'")


def test_a_signal_after_the_batch_says_interrupted_and_keeps_no_output(tmp_path, monkeypatch):
    """A signal that comes while a finished batch's output is being written (outside the
    batch's own handler) still says Interrupted, exits 128 + the signal and leaves no file."""
    import cli
    from textmine import output
    src = tmp_path / "a.txt"
    src.write_text("全年新建扶贫车间12个。\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"

    def stopped(*a, **k):
        raise cli.Stopped(signal.SIGTERM)
    monkeypatch.setattr(output, "write_atomic", stopped)
    monkeypatch.setattr(cli.textmine, "write_atomic", stopped)
    r = CliRunner().invoke(cli.main, ["extract", str(src), "--no-classify", "--jobs", "1",
                                      "--format", "table", "-o", str(out)])
    assert r.exit_code == 128 + signal.SIGTERM, r.output
    assert "Interrupted" in r.output and "Traceback" not in r.output
    assert not out.exists()


def test_like_filters_are_literal(tmp_path):
    import cli
    db = planted_db(tmp_path / "q.db")
    total = len(db.query())
    db.close()
    run = CliRunner().invoke
    for pattern in ("%", "_", "资金%"):
        r = run(cli.main, ["query", "--db", str(tmp_path / "q.db"), "--indicator", pattern,
                           "--format", "jsonl"])
        assert r.exit_code == 0 and r.output == "", (pattern, r.output[:200])
    r = run(cli.main, ["query", "--db", str(tmp_path / "q.db"), "--indicator", "资金",
                       "--format", "jsonl"])
    assert 0 < len(r.output.splitlines()) < total


def test_running_out_of_memory_is_one_line(tmp_path, monkeypatch):
    """show of one huge page ran out of memory with a traceback; now one line (the page
    pixels are also limited before rendering: tests/test_pdf_errors.py)."""
    import cli
    from textmine import api

    def huge(*a, **k):
        raise MemoryError

    monkeypatch.setattr(api, "render_page", huge)
    monkeypatch.setattr(api.Extractor, "extract_file", lambda self, p, **k: (None, []))
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    r = CliRunner().invoke(cli.main, ["show", str(pdf), "-o", str(tmp_path / "p.png")])
    assert r.exit_code == 1 and r.output.strip() == "Error: out of memory", r.output


def test_a_worker_dies_of_sigterm_instead_of_raising_the_parents_exception():
    """A forked worker inherits the parent's SIGTERM handler, which raises an exception the
    pool's worker loop catches as a task's error; the initializer restores the default, so a
    worker the parent terminates ends (and the pool's shutdown does not wait for it)."""
    code = ("import signal, sys; sys.path.insert(0, sys.argv[1]); import cli; cli._install_signals(); "
            "from textmine.batch.work import init_worker; init_worker(); "
            "print(signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "
            "signal.getsignal(signal.SIGHUP) is signal.SIG_DFL)")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True)
    assert out.stdout.split() == ["True", "True"], out.stderr


def test_a_record_holds_the_fields_in_order_whatever_else_is_set_on_the_claim():
    from dataclasses import fields

    from textmine.api import Extractor
    from textmine.types import Claim
    claims = Extractor(classify=False).extract_text("全市新建扶贫车间12个，到位资金3.5亿元。", year=2020)
    records = [c.to_dict() for c in claims]
    order = [f.name for f in fields(Claim)]
    assert len(records) == 2 and records[1]["value"] == 350000000
    for r in records:
        assert list(r) == [k for k in order if k in r]
    for c in claims:
        c.note = "a caller's own attribute"  # not a field: never in the record
    again = [c.to_dict() for c in claims]
    assert again == records and [list(r) for r in again] == [list(r) for r in records]
