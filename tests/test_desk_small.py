"""The small desk items: no table when every input failed, what -q hides, train from an
installed textmine, the claims table on narrow terminals and pipes (--columns)."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from textmine.errors import ConfigError
from textmine.output import TABLE_COLUMNS, fit_columns, parse_columns, screen_table

ROOT = Path(__file__).resolve().parents[1]
RECORDS = [{"doc": "xishan-2020", "page": None, "text": "2600余人", "kind": "count",
            "value": 2600, "unit": "人", "qualifier": "over", "lower": 2600, "upper": 2700,
            "indicator": "组织劳务输出", "measure": "employment"}]


def _run(*args):
    return CliRunner().invoke(cli.main, list(args))


def test_no_table_when_every_input_failed(tmp_path):
    r = _run("extract", str(tmp_path / "nope.pdf"), "--no-classify", "--jobs", "1")
    assert r.exit_code == 1 and "nope.pdf: no such file" in r.stderr
    assert r.stdout == ""  # no empty claims table
    out = tmp_path / "o.jsonl"
    r = _run("extract", str(tmp_path / "nope.txt"), "--format", "jsonl", "-o", str(out),
             "--no-classify", "--jobs", "1")
    assert r.exit_code == 1 and not out.exists() and list(tmp_path.iterdir()) == []


def test_table_when_some_inputs_failed(tmp_path):
    ok = tmp_path / "a.txt"
    ok.write_text("全县新建扶贫车间9个。", encoding="utf-8")
    r = _run("extract", str(ok), str(tmp_path / "nope.txt"), "--no-classify", "--jobs", "1")
    assert r.exit_code == 1 and "9个" in r.stdout


def test_quiet(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("全县新建扶贫车间9个。", encoding="utf-8")
    (d / "b.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "o.jsonl"
    r = _run("extract", str(d), "--format", "jsonl", "-o", str(out), "-q", "--no-classify")
    assert r.exit_code == 0 and r.stderr == "" and r.stdout == "" and out.stat().st_size
    r = _run("ingest", str(d), "--db", str(tmp_path / "q.db"), "-q", "--no-classify")
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [f"{tmp_path / 'q.db'}: 1 ok (1 claims), 0 failed, 1 skipped"]
    assert "ingest still prints its one-line result" in " ".join(
        _run("ingest", "--help").output.split())
    r = _run("extract", str(d), "--format", "jsonl", "--no-classify")
    assert "Skipped:" in r.stderr and "b.xlsx" in r.stderr  # without -q: listed


def test_train_corpus_ships_and_is_found_outside_the_source_tree(tmp_path):
    import tomllib
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert conf["package-dir"]["textmine.corpus"] == "corpora/measures"
    assert "*.jsonl" in conf["package-data"]["textmine.corpus"]
    code = ("from textmine.classify.corpus import default_corpus, load_corpus;"
            "d = default_corpus(); c = load_corpus(d); print(d, len(c.train), len(c.heldout))")
    # the installed package, from a folder without ./corpora (no PYTHONPATH to the source
    # tree: it has no textmine/corpus folder, which only the install maps from corpora/)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                       text=True, env=env)
    assert r.returncode == 0, r.stderr
    where, n_train, n_held = r.stdout.split()
    assert Path(where).name in ("measures", "corpus") and int(n_train) > 1000 and int(n_held) > 100


def test_train_names_a_missing_corpus(tmp_path):
    r = _run("train", "--corpus", str(tmp_path / "none"), "--out", str(tmp_path / "m"))
    assert r.exit_code == 1 and "none: corpus folder not found (give --corpus" in r.stderr


# ---------------------------------------------------------------- the table's width


def test_fit_columns():
    assert fit_columns(TABLE_COLUMNS, 200) == TABLE_COLUMNS
    narrow = fit_columns(TABLE_COLUMNS, 80)
    assert set(narrow) >= {"text", "value", "unit", "indicator"}
    assert "bounds" not in narrow and "qualifier" not in narrow
    assert len(fit_columns(TABLE_COLUMNS, 10)) >= 3


class Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_narrow_terminal_lines_fit(monkeypatch, width):
    import shutil
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((width, 40)))
    out = Tty()
    screen_table(RECORDS, None, TABLE_COLUMNS, out)
    from rich.cells import cell_len
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", x) for x in out.getvalue().splitlines()]
    assert max(cell_len(x) for x in lines) <= width  # on screen: CJK characters are 2 wide
    # every cell whole on one line (with all ten columns at 80, they are folded to pieces)
    row = [x for x in lines if "2600余人" in x]
    assert len(row) == 1 and "组织劳务输出" in row[0] and ("employment" in row[0] or width < 80)


def test_piped_table_is_not_squeezed():
    out = io.StringIO()
    screen_table(RECORDS, None, TABLE_COLUMNS, out)
    row = [x for x in out.getvalue().splitlines() if "2600余人" in x]
    assert len(row) == 1 and "组织劳务输出" in row[0] and "[2600, 2700]" in row[0]


def test_columns_option(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("全县组织劳务输出2600余人。", encoding="utf-8")
    r = _run("extract", str(src), "--no-classify", "--columns", "text,value,unit")
    assert r.exit_code == 0
    head = [x for x in r.stdout.splitlines() if "text" in x and "value" in x][0]
    assert "unit" in head and "indicator" not in head and "doc" not in head
    r = _run("extract", str(src), "--columns", "text,colour")
    assert r.exit_code == 2 and "unknown column colour" in r.output
    with pytest.raises(ConfigError):
        parse_columns(" , ")
