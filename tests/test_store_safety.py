"""Nothing stored can take the database's readers down, and documents can be taken out again.

Issue 18: a number above the float range stored as ``inf`` made every ``query``, ``export``
and ``check`` die with ``OverflowError``; a damaged file was written into; two ``ingest`` runs
lost documents to "database is locked" (tests/test_faults.py runs those concurrently).
"""
from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

import pytest
from click.testing import CliRunner

from textmine.errors import StoreError
from textmine.store.db import ClaimFilter, IndicatorDB, record
from textmine.types import Claim, Document, json_number

HUGE = "9" * 310  # no finite float holds it


def _claim(doc: str, text: str, value: Decimal, lower=None, upper=None, **kw) -> Claim:
    sentence = kw.pop("sentence", f"安排项目{text}。")
    start = sentence.index(text)
    return Claim(doc=doc, page=None, sentence=sentence, start=start, end=start + len(text),
                 text=text, kind=kw.pop("kind", "count"), value=value, unit="个",
                 qualifier=kw.pop("qualifier", "exact"), lower=lower, upper=upper,
                 indicator="安排项目", sentence_index=0, **kw)


def _store(db: IndicatorDB, tmp_path, name: str, claims: list[Claim]) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(claims[0].sentence if claims else "空。", encoding="utf-8")
    doc = Document(doc_id=name, blocks=[], year=2020)
    db.add_document(doc, claims, path=path, sha256=name)


@pytest.fixture
def cli():
    import cli as cli_module
    return cli_module.main


# ---------------------------------------------------------------- numbers beyond floats

@pytest.mark.parametrize("text, expect", [
    ("1", 1), ("1.5", 1.5), ("1E+300", 10 ** 300),
    (HUGE, HUGE), (HUGE + ".5", HUGE + ".5"), ("-" + HUGE, "-" + HUGE),
    ("1E-400", "0." + "0" * 399 + "1"), ("1.11E+19999", "1.11E+19999"),
])
def test_json_number_never_gives_inf_nan_or_a_silent_zero(text, expect):
    got = json_number(Decimal(text))
    assert got == expect and type(got) is type(expect)
    json.loads(json.dumps(got))  # and every record is JSON a reader can load


def test_huge_numbers_are_stored_exactly_and_every_reader_survives(tmp_path, cli):
    dbp = tmp_path / "n.db"
    with IndicatorDB(dbp) as db:
        _store(db, tmp_path, "huge", [_claim("huge", HUGE + "个", Decimal(HUGE), Decimal(HUGE),
                                             Decimal(HUGE) + 1, qualifier="over")])
        _store(db, tmp_path, "small", [_claim("small", "1672个", Decimal(1672), Decimal(1672),
                                              Decimal(1672))])
        rows = {r["doc"]: r for r in db.db.query("SELECT * FROM claims")}
        assert rows["huge"]["value"] is None and rows["huge"]["lower"] is None
        assert rows["huge"]["value_text"] == HUGE and rows["huge"]["upper_text"] == "1" + "0" * 310
        assert rows["small"]["value"] == 1672.0 and rows["small"]["value_text"] == "1672"
        recs = {r["doc"]: r for r in db.query()}
        assert recs["huge"]["value"] == HUGE and recs["huge"]["upper"] == "1" + "0" * 310
        assert recs["small"]["value"] == 1672 and type(recs["small"]["value"]) is int
        assert [r["doc"] for r in db.query(ClaimFilter(min_value=1000))] == ["small"]
    _every_reader_survives(cli, dbp, tmp_path)


def _every_reader_survives(cli, dbp, tmp_path) -> None:
    run = CliRunner().invoke
    for args in (["query"], ["query", "--format", "jsonl"], ["query", "--format", "csv"],
                 ["query", "--format", "parquet", "-o", str(tmp_path / "q.parquet")],
                 ["export", "--format", "csv", "-o", str(tmp_path / "e.csv")],
                 ["export", "--format", "jsonl", "-o", str(tmp_path / "e.jsonl")],
                 ["export", "--format", "parquet", "-o", str(tmp_path / "e.parquet")],
                 ["check"], ["check", "--format", "json", "--html", str(tmp_path / "c.html")]):
        r = run(cli, [*args, "--db", str(dbp)], terminal_width=200)
        assert r.exception is None or isinstance(r.exception, SystemExit), (args, r.output)
        assert r.exit_code in (0, 3), (args, r.output)
    for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)  # no Infinity, no NaN


HOSTILE = [  # (column, value) written behind textmine's back, one row each
    ("value", "abc"), ("value", 9e999), ("value_text", "abc"), ("value_text", "Infinity"),
    ("value_text", "NaN"), ("value_text", b"\xff\x00"), ("value_text", 12),
    ("lower", 9e999), ("lower", -9e999), ("lower", "x"), ("upper", b"\x00"),
    ("lower_text", "1e999999"), ("upper_text", "-"), ("kind", None), ("kind", 5),
    ("kind", "date"), ("start", "abc"), ("end", None), ("start", 10 ** 15), ("page", "x"),
    ("sentence", None), ("sentence", 42), ("sentence", b"\xe4\xb8"), ("text", None),
    ("doc", None), ("bbox", "not json"), ("bbox", "[1, 2]"), ("bbox", "[1, 2, 3, \"x\"]"),
    ("bbox", "[Infinity, 1, 2, 3]"), ("bbox", 7), ("measure_confidence", "high"),
    ("measure_confidence", 9e999), ("optional", "yes"), ("qualifier", None),
    ("indicator", None), ("indicator_key", None), ("region", 3), ("period", "2020-99"),
    ("period_start", "abc"), ("period_end", None), ("sentence_index", 1.5), ("unit", None),
    ("per", 0), ("change", b"x"),
]


def test_any_stored_row_is_read_as_a_record_of_the_declared_types(tmp_path, cli):
    dbp = tmp_path / "h.db"
    with IndicatorDB(dbp) as db:
        base = [_claim("a", "1672个", Decimal(1672), Decimal(1672), Decimal(1672)),
                _claim("a", "90.61%", Decimal("90.61"), Decimal("90.61"), Decimal("90.61"),
                       sentence="开工率90.61%。", kind="percent")]
        _store(db, tmp_path, "a", base)
        con = db.db.conn
        template = next(db.db.query("SELECT * FROM claims WHERE id = 1"))
        del template["id"]
        for col, value in HOSTILE:
            row = dict(template, **{col: value})
            con.execute(f"INSERT INTO claims ({', '.join(map(repr, row))}) VALUES "
                        f"({', '.join('?' * len(row))})", list(row.values()))
        con.commit()
        recs = db.query()
    assert len(recs) == 2 + len(HOSTILE)
    for r in recs:
        for k in ("value", "lower", "upper"):
            v = r[k]
            assert v is None or isinstance(v, (int, str)) or (
                isinstance(v, float) and v == v and abs(v) != float("inf")), (k, v)
        assert r["bbox"] is None or (isinstance(r["bbox"], list) and len(r["bbox"]) == 4)
        for k in ("start", "end", "page", "sentence_index"):
            assert r[k] is None or type(r[k]) is int
        for k in ("sentence", "text", "doc", "kind", "unit", "indicator", "period"):
            assert r[k] is None or isinstance(r[k], str)
        json.dumps(r, allow_nan=False)
    _every_reader_survives(cli, dbp, tmp_path)


def test_records_prefer_the_exact_text():
    row = {"kind": "money", "value": 0.30000000000000004, "value_text": "0.3",
           "lower": 1e308, "lower_text": "1" + "0" * 308, "upper": None, "upper_text": None}
    r = record(row)
    assert r["value"] == 0.3 and r["lower"] == 10 ** 308 and r["upper"] is None
    assert record({"kind": "date", "value": None, "value_text": "2020-06"})["value"] == "2020-06"


def test_old_databases_are_migrated_and_their_infinities_recovered(tmp_path):
    """A database written before value/lower/upper had their exact text (schema 2)."""
    import sqlite_utils
    from textmine.store import schema
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    schema.migrate(old, str(path), upto=2)
    old["documents"].insert({"id": 1, "doc": "a", "path": "/a.txt", "sha256": "x"})
    old["sentences"].insert({"id": 1, "document_id": 1, "sentence_index": 0, "text": "s"})
    for i, (value, lower, upper, qualifier, kind) in enumerate([
            ("1672", 1672.0, 1672.0, "exact", "count"), (HUGE, 9e999, 9e999, "exact", "count"),
            (HUGE, 9e999, 9e999, "over", "count"), ("2020-06", None, None, "end", "date")]):
        old["claims"].insert({"document_id": 1, "sentence_id": 1, "doc": "a", "kind": kind,
                              "value": value, "lower": lower, "upper": upper,
                              "qualifier": qualifier, "text": value,
                              "value_num": None if kind == "date" else float(value)})
    old.close()
    with IndicatorDB(path) as db:
        assert db.schema_version == schema.SCHEMA_VERSION
        assert "value_num" not in db.db["claims"].columns_dict
        assert db.db["claims"].columns_dict["value"] is float
        recs = db.query()
    assert [(r["value"], r["lower"], r["upper"]) for r in recs] == [
        (1672, 1672, 1672), (HUGE, HUGE, HUGE), (HUGE, HUGE, None), ("2020-06", None, None)]


# ---------------------------------------------------------------- damaged files

def test_a_damaged_database_is_refused_on_open_and_not_written_into(tmp_path, cli):
    dbp = tmp_path / "d.db"
    with IndicatorDB(dbp) as db:
        for i in range(40):
            _store(db, tmp_path, f"r{i}", [_claim(f"r{i}", f"{i + 10}个", Decimal(i + 10),
                                                  Decimal(i + 10), Decimal(i + 10),
                                                  sentence=f"第{i}份报告安排项目{i + 10}个。" * 20)])
        db.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(dbp.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page:3 * page + 8] = b"\xff" * 8  # the header of a b-tree page
    dbp.write_bytes(bytes(data))
    before = dbp.read_bytes()
    with pytest.raises(StoreError, match=r"d\.db: the database is damaged"):
        IndicatorDB(dbp)
    for args in (["query"], ["export", "-o", str(tmp_path / "x.csv")], ["check"],
                 ["ingest", str(tmp_path / "r1.txt")], ["remove", "r1"]):
        r = CliRunner().invoke(cli, [*args, "--db", str(dbp)])
        assert r.exit_code == 1, (args, r.output)
        lines = [ln for ln in r.output.splitlines() if ln.strip()]
        assert len(lines) == 1 and "the database is damaged" in lines[0], (args, r.output)
    assert dbp.read_bytes() == before


def test_text_that_is_not_utf8_is_read_with_replacement_characters(tmp_path, cli):
    """A flipped bit inside a stored sentence leaves bytes that are not UTF-8: SQLite's
    quick_check cannot see it (the page is sound); the readers show U+FFFD there."""
    dbp = tmp_path / "u.db"
    with IndicatorDB(dbp) as db:
        _store(db, tmp_path, "a", [_claim("a", "1672个", Decimal(1672), Decimal(1672),
                                          Decimal(1672))])
        db.db.conn.execute("UPDATE claims SET sentence = CAST(? AS TEXT), text = ?",
                           (b"\xe5\xae\x89\xff\xe6\x8e\x92", b"\xc3"))
        db.db.conn.commit()
    with IndicatorDB(dbp) as db:
        [r] = db.query()
    assert r["sentence"] == "安\ufffd排" and r["text"] == "\ufffd"
    _every_reader_survives(cli, dbp, tmp_path)


# ---------------------------------------------------------------- taking documents out

def test_remove_takes_out_claims_sentences_and_full_text_rows(tmp_path, cli):
    dbp = tmp_path / "r.db"
    with IndicatorDB(dbp) as db:
        for name in ("a", "b"):
            _store(db, tmp_path, name, [_claim(name, "1672个", Decimal(1672), Decimal(1672),
                                               Decimal(1672), sentence=f"{name}县安排项目1672个。")])
    (tmp_path / "sub").mkdir()
    twin = tmp_path / "sub" / "b.txt"
    twin.write_text("b县安排项目1672个。又一份。", encoding="utf-8")
    with IndicatorDB(dbp) as db:
        db.add_document(Document(doc_id="b", blocks=[]), [], path=twin, sha256="twin")
    run = CliRunner().invoke
    r = run(cli, ["remove", "--db", str(dbp), "a", "b", "nothere"])
    assert r.exit_code == 1
    assert "removed " + str(tmp_path / "a.txt") in r.output
    assert "b: 2 documents have this id" in r.output and "give the path" in r.output
    assert "nothere: no such document" in r.output
    r = run(cli, ["remove", "--db", str(dbp), str(tmp_path / "b.txt")])
    assert r.exit_code == 0, r.output
    with IndicatorDB(dbp) as db:
        assert [d["path"] for d in db.documents()] == [str(twin)]
        assert db.counts() == {"documents": 1, "sentences": 0, "claims": 0}
        for fts in ("sentences_fts", "sentences_trigram"):  # the index rows, not the content
            assert db.db.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?",
                                 ["安排项目" if fts.endswith("trigram") else "项目"]
                                 ).fetchone()[0] == 0, fts
        assert list(db.db["sentences"].search("安排项目")) == []


def test_ingest_replace_reads_an_unchanged_file_again(tmp_path, monkeypatch, cli):
    from textmine.api import Extractor
    calls = []
    real = Extractor.extract_file

    def counting(self, path, **kw):
        calls.append(path)
        return real(self, path, **kw)

    monkeypatch.setattr(Extractor, "extract_file", counting)
    src = tmp_path / "r.txt"
    src.write_text("安排项目1672个，已开工1515个。", encoding="utf-8")
    dbp = str(tmp_path / "p.db")
    run = CliRunner().invoke
    args = ["ingest", str(src), "--db", dbp, "--no-classify", "--jobs", "1", "-q"]
    assert run(cli, args).exit_code == 0
    r = run(cli, args)
    assert "1 skipped" in r.output and len(calls) == 1
    r = run(cli, [*args, "--replace"])
    assert r.exit_code == 0 and "1 ok" in r.output and len(calls) == 2, r.output
    with IndicatorDB(dbp) as db:
        assert db.counts()["documents"] == 1 and db.counts()["claims"] == 2


def test_a_huge_limit(tmp_path, cli):
    dbp = tmp_path / "l.db"
    with IndicatorDB(dbp) as db:
        _store(db, tmp_path, "a", [_claim("a", "1672个", Decimal(1672), Decimal(1672),
                                          Decimal(1672))])
    r = CliRunner().invoke(cli, ["query", "--db", str(dbp), "--format", "jsonl",
                                 "--limit", "99999999999999999999999"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == 1, r.output
