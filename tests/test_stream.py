"""A large text file is read and extracted a segment at a time (issue 18: memory grew about
45 MB per MB of text): the records are those of the whole document, in order, with --jobs 1
and 2, into a file or the database; a file that fails half-way writes nothing."""
from __future__ import annotations

import io
import random
import sys

import pytest

from _paths import ROOT
from textmine.batch import DBSink, JsonlSink, WorkOptions, run_batch
from textmine.store.db import IndicatorDB

sys.path.insert(0, str(ROOT / "bench"))
import bench_memory  # noqa: E402  (the benchmark's report templates, written for it)

SEGMENT = 10_000  # characters a segment here (a million in use)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    rnd = random.Random(5)
    parts = ["北岭市帮扶工作年度报告\n"]
    for k in range(60):
        parts.append(bench_memory.HEADINGS[k % len(bench_memory.HEADINGS)] + "\n")
        parts += [bench_memory.paragraph(rnd, rnd.randint(3, 6)) + "\n" for _ in range(5)]
    path = tmp_path_factory.mktemp("stream") / "report-2021.txt"
    path.write_text("".join(parts), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > 4 * SEGMENT
    return path


@pytest.fixture
def small_segments(monkeypatch):
    import textmine.ingest.text as text_mod
    monkeypatch.setattr(text_mod, "SEGMENT_CHARS", SEGMENT)


def _jsonl(paths, jobs, stream: bool) -> tuple[list[str], object]:
    buf = io.StringIO()
    s = run_batch(paths, JsonlSink(buf), options=WorkOptions(classify=False), jobs=jobs,
                  stream_min_bytes=1000 if stream else 1 << 40)
    return buf.getvalue().splitlines(), s


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_streamed_file_gives_the_records_of_the_whole(big, small_segments, jobs):
    whole, _ = _jsonl([big], 1, stream=False)
    streamed, summary = _jsonl([big], jobs, stream=True)
    assert summary.ok == [str(big)] and summary.claims == len(whole) > 500
    assert streamed == whole


def test_a_streamed_file_goes_into_the_database_once(big, small_segments, tmp_path):
    whole, _ = _jsonl([big], 1, stream=False)
    with IndicatorDB(tmp_path / "s.db") as db:
        s = run_batch([big], DBSink(db), options=WorkOptions(classify=False), jobs=2,
                      stream_min_bytes=1000)
        assert s.ok == [str(big)]
        assert db.counts()["claims"] == len(whole)
        assert db.documents()[0]["n_claims"] == len(whole)
        stored = [(r["sentence_index"], r["start"], r["text"]) for r in db.query()]
    import json
    assert stored == [(r["sentence_index"], r["start"], r["text"])
                      for r in map(json.loads, whole)]


def test_a_failure_half_way_writes_nothing_of_that_file(big, small_segments, tmp_path,
                                                        monkeypatch):
    from textmine.batch import work
    calls = []
    real = work.run_segment

    def flaky(doc, offset, opts):
        calls.append(offset)
        if len(calls) == 3:
            raise RuntimeError("a worker fell over")
        return real(doc, offset, opts)

    monkeypatch.setattr(work, "run_segment", flaky)
    other = tmp_path / "other.txt"
    other.write_text("全年新建项目326个。\n", encoding="utf-8")
    lines, s = _jsonl([big, other], 1, stream=True)
    assert [f for f, _ in s.failed] == [str(big)] and "a worker fell over" in s.failed[0][1]
    assert len(calls) >= 3 and len(lines) == 1 and '"326个"' in lines[0]


def test_a_segment_is_split_once_where_the_parent_runs_it():
    import copy

    from textmine.api import Extractor, document_from_text
    from textmine.batch import work
    ex = Extractor(classify=False)
    seg = document_from_text("全年新建车间12个。吸纳就业3400人。\n到位资金5.4亿元。", year=2020)
    first = work.segment_sentences(ex, seg)
    assert work.segment_sentences(ex, seg) is first  # the parent's count and its run
    other = copy.deepcopy(seg)  # a worker's copy of the segment
    again = work.segment_sentences(ex, other)
    assert again is not first and [s.text for s in again] == [s.text for s in first]
