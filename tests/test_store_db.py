"""IndicatorDB: schema, migrations, idempotent and atomic ingest, queries, exports, CLI."""
from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from _store_helpers import fake_extract, fixtures_module, ingest
from textmine.errors import StoreError
from textmine.store import schema
from textmine.store.db import ClaimFilter, IndicatorDB
from textmine.output import write_records


@pytest.fixture
def planted_dir(tmp_path):
    paths, expected = fixtures_module().write_planted(tmp_path / "reports")
    return tmp_path / "reports"


@pytest.fixture
def db(tmp_path, planted_dir):
    d = IndicatorDB(tmp_path / "ind.db")
    ingest(d, sorted(planted_dir.glob("*.txt")), fake_extract)
    yield d
    d.close()


def test_schema_is_created_and_versioned(tmp_path):
    with IndicatorDB(tmp_path / "a.db") as d:
        assert d.schema_version == schema.SCHEMA_VERSION
        assert {"documents", "sentences", "claims", "sentences_fts", "textmine_schema"} <= set(
            d.db.table_names())
        cols = set(d.db["claims"].columns_dict)
        for c in ("doc", "page", "sentence", "start", "end", "text", "kind", "value", "unit",
                  "qualifier", "lower", "upper", "indicator", "measure", "bbox",
                  "measure_confidence", "indicator_key", "indicator_key_score", "region",
                  "period", "period_start", "period_end"):
            assert c in cols
        assert set(d.db["documents"].columns_dict) >= {
            "id", "path", "sha256", "title", "issuer", "issue_date", "year", "pages",
            "ingested_at", "textmine_version"}
        assert any(i.columns == ["indicator_key", "region", "period"]
                   for i in d.db["claims"].indexes)


def test_migration_from_version_1(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    assert schema.migrate(old, str(path), upto=1) == [1]
    assert not old["sentences_fts"].exists()
    old.close()
    with IndicatorDB(path) as d:
        assert d.schema_version == schema.SCHEMA_VERSION
        assert d.db["sentences_fts"].exists()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    IndicatorDB(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO textmine_schema VALUES (99, 'future', '')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this textmine"):
        IndicatorDB(path)


@pytest.mark.parametrize("content,match", [
    (b"hello, not a database", "not an SQLite database"),
])
def test_bad_database_files(tmp_path, content, match):
    p = tmp_path / "x.db"
    p.write_bytes(content)
    with pytest.raises(StoreError, match=match):
        IndicatorDB(p)


def test_foreign_sqlite_database_is_refused(tmp_path):
    p = tmp_path / "other.db"
    sqlite_utils.Database(p)["t"].insert({"a": 1})
    with pytest.raises(StoreError, match="not a textmine database"):
        IndicatorDB(p)


def test_missing_database_without_create(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        IndicatorDB(tmp_path / "none.db", create=False)


def test_ingest_counts_and_idempotence(db, planted_dir):
    counts = db.counts()
    assert counts["documents"] == 5
    before = db.db.execute("SELECT count(*), max(id) FROM claims").fetchone()
    again = ingest(db, sorted(planted_dir.glob("*.txt")), fake_extract)
    assert (again.ok, len(again.skipped)) == ([], 5)
    assert all(reason == "unchanged" for _, reason in again.skipped)
    assert db.db.execute("SELECT count(*), max(id) FROM claims").fetchone() == before


def test_copy_of_a_file_is_skipped(db, planted_dir, tmp_path):
    copy = tmp_path / "p2.txt"
    copy.write_bytes((planted_dir / "p2.txt").read_bytes())
    r = ingest(db, [copy], fake_extract)
    assert r.skipped and "same content as" in r.skipped[0][1]


def test_changed_file_replaces_its_records(db, planted_dir):
    p = planted_dir / "p4.txt"
    n_before = db.counts()["claims"]
    old_id = db.db.execute("SELECT id FROM documents WHERE doc='p4'").fetchone()[0]
    p.write_text(p.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    r = ingest(db, [p], fake_extract)
    assert r.ok == [str(p)]
    rows = db.db.execute("SELECT id FROM documents WHERE doc='p4'").fetchall()
    assert len(rows) == 1 and rows[0][0] != old_id
    assert db.counts()["claims"] == n_before
    assert db.db.execute("SELECT count(*) FROM claims WHERE document_id=?", [old_id]).fetchone()[0] == 0


def test_interrupted_document_leaves_nothing(tmp_path, monkeypatch):
    """An interrupt in the middle of a document's claims rolls the whole document back,
    and the previously stored version of that file stays as it was."""
    import textmine.store.db as dbmod

    r = fixtures_module().planted_reports()[0][0]
    claims = r.claims()
    with IndicatorDB(tmp_path / "i.db") as d:
        d.add_document(r.document(), claims[:2], path=tmp_path / "p1.txt", sha256="old")
        before = d.counts()
        orig, calls = dbmod._claim_tuple, []

        def interrupted(doc_id, sid, row):
            calls.append(1)
            if len(calls) == 4:
                raise KeyboardInterrupt
            return orig(doc_id, sid, row)

        monkeypatch.setattr(dbmod, "_claim_tuple", interrupted)
        with pytest.raises(KeyboardInterrupt):
            d.add_document(r.document(), claims, path=tmp_path / "p1.txt", sha256="new")
        assert len(calls) == 4
        assert d.counts() == before
        assert d.db.execute("SELECT sha256 FROM documents").fetchall() == [("old",)]


def test_one_bad_file_does_not_stop_the_batch(tmp_path, planted_dir):
    bad = tmp_path / "unknown.txt"
    bad.write_text("nothing", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    with IndicatorDB(tmp_path / "b.db") as d:
        r = ingest(d, [bad, planted_dir / "p1.txt", missing, planted_dir / "p2.txt"], fake_extract)
        assert len(r.ok) == 2 and len(r.failed) == 2
        assert "unknown.txt" in r.failed[0][1] and "missing.txt" in r.failed[1][1]
        assert d.counts()["documents"] == 2


QUERY_CASES = [
    # (filter, expected texts (set) or a count)
    (ClaimFilter(indicator="帮扶资金"), {"54.52亿元", "54.5亿元", "21.3亿元"}),
    (ClaimFilter(indicator="财政帮扶资金"), {"54.52亿元", "54.5亿元", "21.3亿元"}),
    (ClaimFilter(indicator="帮扶资金", region="内蒙古"), {"21.3亿元"}),
    (ClaimFilter(indicator="扶贫车间", period="2020-06"), {"150个"}),
    (ClaimFilter(indicator="选派干部", period="2020", kind="count"), {"360名", "360余名"}),
    (ClaimFilter(unit="人", min_value=45000), {"5万多人", "52310人"}),
    (ClaimFilter(unit="%", max_value=70, doc="p3"), {"65%"}),
    (ClaimFilter(kind="money", period="2019"), {"8000万元", "6000万元"}),
]


@pytest.mark.parametrize("f,texts", QUERY_CASES)
def test_query_filters(db, f, texts):
    assert {r["text"] for r in db.query(f)} == texts


def test_query_records_speak_the_contract(db):
    r = db.query(ClaimFilter(doc="p1", indicator="帮扶资金"))[0]
    assert r["value"] == 5452000000 and isinstance(r["value"], int)
    assert (r["lower"], r["upper"], r["unit"], r["kind"]) == (5452000000, 5452000000, "元", "money")
    assert r["sentence"][r["start"]:r["end"]] == r["text"]
    d = db.query(ClaimFilter(doc="p1", kind="date"))[0]
    assert d["value"] == "2020-06"


def test_full_text_search_on_sentences(db):
    rows = list(db.db["sentences"].search("扶贫车间"))
    assert rows and all("扶贫车间" in r["text"] for r in rows)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_formats(db, tmp_path, fmt):
    out = tmp_path / f"claims.{fmt}"
    n = write_records(db.iter_claims(), fmt, out)
    assert n == db.counts()["claims"]
    if fmt == "jsonl":
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert len(recs) == n and recs[0]["doc"] == "p1"
    elif fmt == "csv":
        import csv
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert len(rows) == n and "indicator_key" in rows[0]
    else:
        import pyarrow.parquet as pq
        t = pq.read_table(out)
        assert t.num_rows == n
        assert "帮扶资金" in t.column("indicator_key").to_pylist()


# ---------------------------------------------------------------- CLI

@pytest.fixture
def cli(monkeypatch):
    from textmine.api import Extractor
    monkeypatch.setattr(Extractor, "extract_file",
                        lambda self, path, password=None, year=None, ocr="auto": fake_extract(path))
    import cli as cli_module
    return cli_module.main


def test_cli_ingest_query_export_check(cli, tmp_path, planted_dir):
    run = CliRunner().invoke
    dbp = str(tmp_path / "c.db")
    r = run(cli, ["ingest", str(planted_dir), "--db", dbp, "--quiet"])
    assert r.exit_code == 0, r.output
    assert "5 ok" in r.output and "0 failed" in r.output
    r = run(cli, ["ingest", str(planted_dir), "--db", dbp, "--quiet"])
    assert r.exit_code == 0 and "0 ok" in r.output and "6 skipped" in r.output  # + planted.json
    r = run(cli, ["query", "--db", dbp, "--indicator", "到位帮扶资金", "--format", "jsonl"])
    assert r.exit_code == 0
    assert {json.loads(x)["text"] for x in r.output.splitlines() if x.startswith("{")} == {
        "54.52亿元", "54.5亿元", "21.3亿元"}
    r = run(cli, ["query", "--db", dbp, "--format", "parquet"])
    assert r.exit_code == 1 and "needs -o" in r.output
    r = run(cli, ["export", "--db", dbp, "--format", "parquet", "-o", str(tmp_path / "a.parquet")])
    assert r.exit_code == 0 and (tmp_path / "a.parquet").exists()
    html = tmp_path / "r.html"
    r = run(cli, ["check", "--db", dbp, "--format", "json", "--html", str(html)])
    assert r.exit_code == 3
    out = r.output[r.output.index("["):r.output.rindex("]") + 1]
    findings = json.loads(out)
    assert len(findings) == 6
    for f in findings:
        assert set(f) == {"type", "claims", "message"}
        assert f["type"] in ("between_reports", "within_report")
        for c in f["claims"]:
            assert {"doc", "page", "sentence", "text", "value", "unit", "lower", "upper"} <= set(c)
    assert html.read_text(encoding="utf-8").count('class="finding') >= 6


def test_cli_ingest_bad_file_exit_1_others_stored(cli, tmp_path, planted_dir):
    bad = planted_dir / "zzz.txt"
    bad.write_text("?", encoding="utf-8")
    dbp = str(tmp_path / "c.db")
    r = CliRunner().invoke(cli, ["ingest", str(planted_dir), "--db", dbp, "--quiet"])
    assert r.exit_code == 1
    assert "zzz.txt: not a report this test knows" in r.output
    assert "5 ok" in r.output and "1 failed" in r.output


def test_cli_check_without_findings_exits_0(cli, tmp_path, planted_dir):
    dbp = str(tmp_path / "c.db")
    CliRunner().invoke(cli, ["ingest", str(planted_dir / "p1.txt"), "--db", dbp, "--quiet"])
    r = CliRunner().invoke(cli, ["check", "--db", dbp, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output) == []


def test_cli_errors_are_one_line(cli, tmp_path):
    r = CliRunner().invoke(cli, ["check", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1
    assert "no such database" in r.output and "Traceback" not in r.output
    (tmp_path / "junk.db").write_text("junk")
    r = CliRunner().invoke(cli, ["query", "--db", str(tmp_path / "junk.db")])
    assert r.exit_code == 1 and "not an SQLite database" in r.output


def test_cli_ingest_with_progress_bar_and_table_output(cli, tmp_path, planted_dir):
    dbp = str(tmp_path / "c.db")
    r = CliRunner().invoke(cli, ["ingest", str(planted_dir / "p1.txt"), str(planted_dir / "p2.txt"),
                                 "--db", dbp])
    assert r.exit_code == 0 and "2 ok" in r.output
    r = CliRunner().invoke(cli, ["query", "--db", dbp, "--region", "北京", "--unit", "元"],
                           terminal_width=200)
    assert r.exit_code == 0 and "9 claims" in r.output  # money claims of the two reports
    r = CliRunner().invoke(cli, ["check", "--db", dbp], terminal_width=200)
    assert r.exit_code == 3 and "between_reports" in r.output
