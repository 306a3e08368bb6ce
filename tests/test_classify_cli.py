"""`textmine classify` and `textmine train` through click's CliRunner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main
from test_classify_model import tiny_corpus


def test_classify_jsonl_with_explain():
    r = CliRunner().invoke(main, ["classify", "帮助贫困劳动力转移就业8000人", "--mention", "8000人",
                                  "--indicator", "转移就业", "--explain", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output.splitlines()[0])
    assert rec["measure"] == "employment" and 0 < rec["measure_confidence"] <= 1
    assert rec["features"]


def test_classify_table():
    r = CliRunner().invoke(main, ["classify", "采购贫困地区农副产品2亿元"])
    assert r.exit_code == 0 and "consumption" in r.output


def test_classify_missing_model_is_one_line_error(tmp_path):
    r = CliRunner().invoke(main, ["classify", "x", "--model", str(tmp_path / "none")])
    assert r.exit_code == 1
    assert "measure model not found" in r.output and "textmine train" in r.output
    assert "Traceback" not in r.output


def test_classify_mention_not_in_sentence():
    r = CliRunner().invoke(main, ["classify", "新建车间5个", "--mention", "9个"])
    assert r.exit_code == 1 and "does not occur" in r.output


def test_train_command(tmp_path):
    corpus = tiny_corpus(tmp_path / "corpora", per_label=8, heldout_per_label=3)
    r = CliRunner().invoke(main, ["train", "--corpus", str(corpus), "--out", str(tmp_path / "m")])
    assert r.exit_code == 0, r.output
    assert "keyword_baseline" in r.output and (tmp_path / "m" / "README.md").exists()


def test_train_missing_corpus(tmp_path):
    r = CliRunner().invoke(main, ["train", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert r.exit_code == 1 and "corpus folder not found" in r.output
