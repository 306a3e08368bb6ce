"""Batch engine: same records for any number of workers, in input order; one bad file fails
with its reason while the others are kept; atomic outputs; resumable ingest; events; Dask."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import _batch_helpers
from _batch_helpers import cheap_factory, make_pdf, make_text_batch
from textmine.api import iter_inputs
from textmine.batch import (DBSink, ParquetSink, RecordSink, WorkOptions,
                            run_batch)
from textmine.output import AtomicFile
from textmine.store.db import IndicatorDB

CHEAP = WorkOptions(factory=cheap_factory)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> list[Path]:
    """Text reports, a 6-page PDF (split across workers), a bad file in the middle."""
    d = tmp_path_factory.mktemp("batch")
    make_text_batch(d, 8)
    make_pdf(d / "report-0004b.pdf", 6, seed=3)
    (d / "report-0005b.pdf").write_bytes(b"%PDF-1.4\n garbage, no objects")
    return iter_inputs([d])


def _records(paths, jobs, opts=CHEAP, **kw):
    sink = RecordSink()
    events = []
    s = run_batch(paths, sink, options=opts, jobs=jobs, on_event=events.append, **kw)
    return sink.records, s, events


def test_same_records_for_any_number_of_workers(batch):
    one, s1, ev1 = _records(batch, 1)
    two, s2, ev2 = _records(batch, 2)
    three, _, _ = _records(batch, 3)
    assert one == two == three
    assert len(one) > 100
    assert [e.file for e in ev1] == [e.file for e in ev2] == [str(p) for p in batch]
    assert s2.workers == 2 and s1.workers == 1
    # documents in input order, claims in document order
    docs = [r["doc"] for r in one]
    assert docs == sorted(docs, key=[p.stem for p in batch].index)


def test_bad_file_fails_with_reason_others_kept(batch):
    recs, s, events = _records(batch, 2)
    assert len(s.failed) == 1
    path, reason = s.failed[0]
    assert path.endswith("report-0005b.pdf") and "report-0005b.pdf" in reason
    assert len(s.ok) == len(batch) - 1
    assert {r["doc"] for r in recs} == {p.stem for p in batch} - {"report-0005b"}
    bad = [e for e in events if e.status == "failed"][0]
    line = json.loads(bad.to_json())
    assert set(line) >= {"file", "status", "claims", "seconds", "error"}
    assert line["status"] == "failed" and line["error"] == reason


def test_split_pdf_counts_its_pages(batch):
    _, s, events = _records(batch, 2)
    pdf = [e for e in events if e.file.endswith("0004b.pdf")][0]
    assert pdf.status == "ok" and pdf.pages == 6 and pdf.claims > 20


def test_results_stream_per_document(batch):
    """The sink gets one call a document, in order: the batch is never held in memory."""
    calls = []
    sink = RecordSink(write=lambda recs, path: calls.append({r["doc"] for r in recs}))
    run_batch(batch, sink, options=CHEAP, jobs=2)
    assert len(calls) == len(batch) - 1 and all(len(c) == 1 for c in calls)
    assert sink.records == []


def test_interrupted_output_is_not_written(tmp_path, batch):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    target = AtomicFile(out)
    n = 0

    def write(recs, path):
        nonlocal n
        target.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
        n += 1
        if n == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        try:
            run_batch(batch, RecordSink(write), options=CHEAP, jobs=2)
        finally:
            target.abort()
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary left


def test_parquet_parts(tmp_path, batch):
    import pyarrow.dataset as ds
    recs, _, _ = _records(batch, 1)
    sink = ParquetSink(tmp_path / "pq", rows=100)
    run_batch(batch, sink, options=CHEAP, jobs=2)
    parts = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert len(parts) >= 2 and all(p.startswith("part-") for p in parts)
    table = ds.dataset(tmp_path / "pq", format="parquet").to_table()
    assert table.num_rows == len(recs)
    assert table.column("text").to_pylist() == [r["text"] for r in recs]


def test_ingest_resumes_and_skips(tmp_path, batch):
    dbp = tmp_path / "i.db"
    with IndicatorDB(dbp) as db:
        s = run_batch(batch[:4], DBSink(db), options=CHEAP, jobs=2)
        assert len(s.ok) == 4
    with IndicatorDB(dbp) as db:
        s = run_batch(batch, DBSink(db), options=CHEAP, jobs=2)
        assert len(s.skipped) == 4 and len(s.ok) == len(batch) - 5 and len(s.failed) == 1
        assert {r for _, r in s.skipped} == {"unchanged"}
        docs = db.counts()["documents"]
        assert docs == len(batch) - 1
    # a copy of a stored file (same content, other path) is skipped, also within one batch
    copy = tmp_path / "copy.txt"
    copy.write_bytes(batch[0].read_bytes())
    with IndicatorDB(dbp) as db:
        s = run_batch([copy, copy.with_name("missing.txt")], DBSink(db), options=CHEAP, jobs=2)
        assert s.skipped[0][1].startswith("same content as")
        assert "missing.txt" in s.failed[0][1]
        assert db.counts()["documents"] == docs


def test_globs_are_expanded(batch):
    folder = batch[0].parent
    got = iter_inputs([str(folder / "report-000[0-2].txt"), str(folder / "*.pdf")])
    assert [p.name for p in got] == ["report-0000.txt", "report-0001.txt", "report-0002.txt",
                                     "report-0004b.pdf", "report-0005b.pdf"]


def test_unknown_engine_and_scheduler_without_dask():
    from textmine.batch.engines import make_engine
    from textmine.errors import ConfigError
    with pytest.raises(ConfigError, match="unknown engine"):
        make_engine("spark", 2)
    with pytest.raises(ConfigError, match="needs --engine dask"):
        make_engine("local", 2, "tcp://127.0.0.1:8786")


def test_dask_local_cluster_same_records(batch):
    pytest.importorskip("distributed")
    import cloudpickle
    cloudpickle.register_pickle_by_value(_batch_helpers)  # workers do not see tests/
    try:
        local, _, _ = _records(batch, 1)
        dask, s, events = _records(batch, 2, engine="dask")
    finally:
        cloudpickle.unregister_pickle_by_value(_batch_helpers)
    assert s.engine == "dask" and s.workers == 2
    assert dask == local
    assert [e.status for e in events].count("failed") == 1


# ---------------------------------------------------------------- the real pipeline, CLI

@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("small")
    make_text_batch(d, 2)
    make_pdf(d / "bulletin-2020.pdf", 5)
    (d / "broken.txt").write_bytes(b"")
    return d


def test_cli_extract_jobs_same_output(tmp_path, small):
    import cli
    outs, logs = [], []
    for jobs in ("1", "2"):
        out, log = tmp_path / f"o{jobs}.jsonl", tmp_path / f"l{jobs}.jsonl"
        r = CliRunner().invoke(cli.main, ["extract", str(small), "--no-classify", "--format",
                                          "jsonl", "-o", str(out), "--jobs", jobs,
                                          "--log-json", str(log)])
        assert r.exit_code == 1, r.output  # broken.txt
        assert "broken.txt: file is empty" in r.output and "Traceback" not in r.output
        outs.append(out.read_text(encoding="utf-8"))
        logs.append([json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()])
    assert outs[0] == outs[1]
    recs = [json.loads(x) for x in outs[0].splitlines()]
    assert {r["doc"] for r in recs} == {"bulletin-2020", "report-0000", "report-0001"}
    assert any(r["page"] == 5 for r in recs)
    assert [e["status"] for e in logs[1]] == ["failed", "ok", "ok", "ok"]  # broken.txt sorts first


def test_cli_ingest_twice_then_csv(tmp_path, small):
    import cli
    dbp = tmp_path / "c.db"
    args = ["ingest", str(small), "--db", str(dbp), "--no-classify", "--quiet", "--jobs", "2"]
    r = CliRunner().invoke(cli.main, args)
    assert r.exit_code == 1 and "3 ok" in r.output and "1 failed" in r.output
    r = CliRunner().invoke(cli.main, args)
    assert "0 ok" in r.output and "3 skipped" in r.output
    with IndicatorDB(dbp) as db:
        assert db.counts()["documents"] == 3
    out = tmp_path / "o.csv"
    r = CliRunner().invoke(cli.main, ["extract", str(small / "report-0000.txt"), "--format",
                                      "csv", "-o", str(out), "--no-classify", "-q"])
    assert r.exit_code == 0
    import csv
    from textmine.output import NAMES
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only after a byte order mark
    rows = list(csv.DictReader(text[1:].splitlines()))
    assert tuple(rows[0]) == NAMES  # the columns of export and Parquet
    assert {r["path"] for r in rows} == {str(small / "report-0000.txt")}
    r = CliRunner().invoke(cli.main, ["extract", str(small / "report-0000.txt"), "--format",
                                      "csv", "-o", str(out), "--no-classify", "-q", "--no-bom"])
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("id,doc,path,")


def test_cli_summary_lists_failures_again_on_a_terminal(tmp_path, small, monkeypatch):
    """On a terminal the errors scroll away with the progress bar: the end summary repeats
    each failed file with its reason (the first SUMMARY_FAILURES, then a count)."""
    import io
    import cli
    from rich.console import Console
    for limit, want in ((10, "failed: " + str(small / "broken.txt") + ": file is empty"),
                        (0, "... and 1 more failed file(s)")):
        buf = io.StringIO()
        monkeypatch.setattr(cli, "err", Console(file=buf, force_terminal=True, color_system=None,
                                                         width=300))
        monkeypatch.setattr(cli, "SUMMARY_FAILURES", limit)
        r = CliRunner().invoke(cli.main, ["extract", str(small), "--no-classify", "--format",
                                          "jsonl", "-o", str(tmp_path / "o.jsonl")])
        assert r.exit_code == 1
        text = buf.getvalue()
        summary = text.index("3 ok (")
        assert "1 failed" in text[summary:] and want in text[summary:], text


def test_jsonl_sink_writes_the_records_workers_encode(batch):
    """With workers the records arrive encoded as JSON lines (one string a file); the text is
    the same as --jobs 1, where the writer encodes them itself."""
    import io
    from textmine.batch import JsonlSink
    recs, _, _ = _records(batch, 1)
    want = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    for jobs in (1, 2):
        buf = io.StringIO()
        sink = JsonlSink(buf)
        s = run_batch(batch, sink, options=CHEAP, jobs=jobs)
        assert buf.getvalue() == want
        assert sink.count == s.claims == len(recs)


def test_worker_encodes_with_the_sinks_encoder(batch):
    from dataclasses import replace
    from textmine.output import claim_jsonl
    from textmine.batch.work import run_files
    plain = run_files([(0, str(batch[0])), (1, str(batch[1]))], CHEAP)
    coded = run_files([(0, str(batch[0])), (1, str(batch[1]))], replace(CHEAP, encode=claim_jsonl))
    assert [r.index for r in coded] == [0, 1]
    for p, c in zip(plain, coded):
        assert c.claims is None and p.payload is None
        assert c.count == p.count == len(p.claims) > 0
        assert c.payload == claim_jsonl(p.claims)


def test_small_files_share_units_yet_fail_alone(tmp_path):
    """Forty small files go out in groups; a missing and an unreadable one in the middle fail
    with their own reasons, every other file is kept, in input order, as with --jobs 1."""
    files = make_text_batch(tmp_path, 40)
    bad = tmp_path / "report-0017x.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 50)
    files[17:17] = [tmp_path / "gone.txt", bad]
    one, s1, ev1 = _records(files, 1)
    two, s2, ev2 = _records(files, 2)
    assert one == two and len(one) > 200
    assert [e.file for e in ev2] == [str(p) for p in files]
    assert [(e.status, e.error) for e in ev1] == [(e.status, e.error) for e in ev2]
    assert [p for p, _ in s2.failed] == [str(tmp_path / "gone.txt"), str(bad)]
    assert len(s2.ok) == 40
    # 42 files, 2 workers: groups of 42 // (4 * 2) = 5 files (at least four units a worker)
    assert s1.units == 42 and s2.units == 9


@pytest.mark.parametrize("lengths,parts,expected", [
    ([10, 10, 10, 10], 2, [[10, 10], [10, 10]]),
    ([10, 10, 10, 10], 4, [[10], [10], [10], [10]]),
    ([10, 10, 10], 6, [[10], [10], [10]]),            # never more runs than sentences
    ([100, 1, 1, 1], 2, [[100], [1, 1, 1]]),
    ([1, 1, 1, 100], 2, [[1, 1, 1, 100]]),            # order kept: the long one closes a run
    ([], 3, []),
    ([5], 1, [[5]]),
])
def test_sentence_chunks(lengths, parts, expected):
    from textmine.batch.runner import sentence_chunks
    from textmine.types import Sentence
    sents = [Sentence("字" * n, 0, 0, i) for i, n in enumerate(lengths)]
    got = sentence_chunks(sents, parts)
    assert [[len(x.text) for x in run] for run in got] == expected
    assert [x for run in got for x in run] == sents
