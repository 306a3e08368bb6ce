"""Start-up: what a small run loads (issue 19). ``textmine extract`` of a one-line file needs
no spaCy and starts no worker; ``textmine numbers`` needs neither spaCy nor jieba."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _batch_helpers import cheap_factory, make_pdf
from textmine.batch import RecordSink, WorkOptions, run_batch

ROOT = Path(__file__).resolve().parents[1]


def test_extraction_does_not_import_spacy_and_numbers_do_not_import_jieba(tmp_path):
    """``textmine extract`` of a one-line file needs no spaCy; ``textmine numbers`` neither
    spaCy nor jieba."""
    src = tmp_path / "one.txt"
    src.write_text("全年新建扶贫车间12个，到位资金5.4亿元。\n", encoding="utf-8")
    code = ("import sys, cli\n"
            "sys.argv = ['textmine'] + sys.argv[1:]\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print('MODULES', 'spacy' in sys.modules, 'jieba' in sys.modules, file=sys.stderr)\n")
    for args, jieba_expected in ((["extract", str(src), "-q", "--jobs", "1"], True),
                                 (["numbers", str(src)], False)):
        proc = subprocess.run([sys.executable, "-c", code, *args, "--format", "jsonl"],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        assert '"text": "12个"' in proc.stdout, proc.stderr
        assert f"MODULES False {jieba_expected}" in proc.stderr, proc.stderr


def test_one_text_file_runs_in_this_process(tmp_path):
    """Workers for one file that is not split would only add their start-up."""
    src = tmp_path / "one.txt"
    src.write_text("全年新建扶贫车间12个。\n", encoding="utf-8")
    opts = WorkOptions(factory=cheap_factory)
    s = run_batch([src], RecordSink(), options=opts, jobs=2)
    assert s.workers == 1 and len(s.ok) == 1
    s = run_batch([src, src], RecordSink(), options=opts, jobs=2)
    assert s.workers == 2
    make_pdf(tmp_path / "six.pdf", 6, seed=1)  # one PDF is split across the workers
    s = run_batch([tmp_path / "six.pdf"], RecordSink(), options=opts, jobs=2)
    assert s.workers == 2 and len(s.ok) == 1
    big = tmp_path / "big.txt"  # a text file read in segments: they go to the workers
    big.write_text("全年新建扶贫车间12个。\n" * 200, encoding="utf-8")
    s = run_batch([big], RecordSink(), options=opts, jobs=2, stream_min_bytes=1000)
    assert s.workers == 2 and len(s.ok) == 1
