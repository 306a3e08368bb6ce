"""Full-text search: the word index finds one- and two-character words (in textmine, and in
sqlite-utils and Datasette as they are), the trigram index any longer substring."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st
import sqlite_utils
from click.testing import CliRunner

from _desk_helpers import planted_db
from _store_helpers import fixtures_module
from textmine.errors import ConfigError
from textmine.store import schema
from textmine.store.db import IndicatorDB
from textmine.store.search import split_terms, term_spans
from textmine.store.words import index_words

# (sentence, words that must be tokens of its index text)
WORDS = [
    ("帮助贫困劳动力就业5万多人。", {"就业", "贫困", "劳动力", "劳动", "贫困劳动力"}),
    ("全县每个村都建起了卫生室。", {"村", "每个", "卫生室", "卫生"}),
    ("援建扶贫车间326个。", {"扶贫", "车间", "扶贫车间", "326", "个"}),  # pair of words
    ("开展消费扶贫，稳就业保民生。", {"消费", "扶贫", "消费扶贫", "就业", "民生"}),
    ("城镇调查失业率5.1%。", {"失业率", "失业", "5.1%"}),
]


@pytest.mark.parametrize("sentence,expected", WORDS)
def test_index_words(sentence, expected):
    tokens = index_words(sentence).split(" ")
    assert expected <= set(tokens)
    assert "。" not in tokens and "，" not in tokens and "" not in tokens


def test_no_pair_across_punctuation():
    assert "扶贫稳" not in index_words("开展消费扶贫，稳就业保民生。").split()


def _jieba_index_words(text: str) -> str:
    """The index text built with jieba's own tokenizer and dictionary (jieba.dt.cut, FREQ),
    as the word index was first built: the reference the project's segmenter must equal."""
    import re
    import jieba
    jieba.setLogLevel(60)
    dt = jieba.dt
    cut = list(dt.cut(text, HMM=True))
    cjk = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
    words, extra = [], []
    for i, w in enumerate(cut):
        if not re.search(r"\w", w):
            continue
        words.append(w)
        for n in (2, 3):
            if len(w) > n:
                extra += [w[k:k + n] for k in range(len(w) - n + 1) if dt.FREQ.get(w[k:k + n])]
        if i and cjk.fullmatch(w) and cjk.fullmatch(cut[i - 1]):
            extra.append(cut[i - 1] + w)
    return " ".join(words + extra)


def test_index_words_are_jiebas_on_generated_reports():
    texts = [r.text() for r in fixtures_module().corpus_reports(30, seed=7)]
    texts += [s for s, _ in WORDS] + ["", "  ", "GDP增长6.1%，ＣＰＩ上涨2.9％。", "中华人民共和国国务院总理"]
    for t in texts:
        assert index_words(t) == _jieba_index_words(t), t


@given(st.text(alphabet="就业扶贫车间贫困人口劳动力中华人民共和国消费稳民生村卫生室，。 0123456789%个亿元",
               max_size=40))
@settings(max_examples=150, deadline=None)
def test_index_words_are_jiebas_on_any_text(text):
    assert index_words(text) == _jieba_index_words(text)


@pytest.fixture
def db(tmp_path):
    d = planted_db(tmp_path / "s.db")
    yield d
    d.close()


def _like(db, term):
    return [t for (t,) in db.db.execute("SELECT text FROM sentences WHERE text LIKE ?",
                                        [f"%{term}%"])]


def texts(result):
    return [h.sentence for h in result.hits]


def test_two_character_words(db):
    r = db.search("就业")
    assert r.total == 2 and all("就业" in s for s in texts(r))
    # the word 扶贫 (in 扶贫车间, 扶贫产品, ...), not the characters of 帮扶|贫困村
    like = _like(db, "扶贫")
    words = [t for t in like if "帮扶贫困" not in t]
    assert len(words) == 7 and len(like) - len(words) == 2
    assert sorted(texts(db.search("扶贫", limit=None))) == sorted(words)


def test_one_character_word(tmp_path):
    rep = fixtures_module().Report("v1", "某县扶贫工作总结（2020年）", 2020, [
        [["全县每个村都建起了卫生室，新建卫生室", fixtures_module().count("120个", 120, "个", "卫生室"),
          "。"]]])
    d = planted_db(tmp_path / "v.db", [rep])
    try:
        r = d.search("村")
        assert r.total == 1 and r.hits[0].spans == [(4, 5)]
    finally:
        d.close()


def test_longer_terms_are_substrings(db):
    # 贫困人口4 is no word: the trigram index finds it as a substring
    r = db.search("贫困人口4")
    assert {h.doc for h in r.hits} == {"p1", "p2"}
    for term in ("带动贫困人口", "54.52亿", "帮扶贫困村", "开工率"):
        assert sorted(texts(db.search(term, limit=None))) == sorted(_like(db, term)) != []


def test_all_terms_must_occur(db):
    r = db.search("扶贫车间 带动")
    assert r.total == 4 and all("扶贫车间" in s and "带动" in s for s in texts(r))
    assert db.search("扶贫车间 招聘").total == 0


def test_nothing_found_and_bad_queries(db):
    assert db.search("火箭").total == 0
    with pytest.raises(ConfigError):
        split_terms("  ")
    assert db.search('"就业"').total == 2  # quotes are not operators


def test_limit_and_total(db):
    r = db.search("扶贫", limit=2)
    assert len(r.hits) == 2 and r.total > 2


def test_index_follows_replacement_and_removal(db, tmp_path):
    assert db.search("就业").total == 2
    db.remove(tmp_path / "p2.txt")
    assert db.search("就业").total == 1


def test_term_spans_merge_and_fold_case():
    assert term_spans("GDP增长，gdp总量", ["gdp"]) == [(0, 3), (6, 9)]
    assert term_spans("扶贫车间", ["扶贫", "扶贫车"]) == [(0, 3)]


def test_snippet_cuts_around_the_first_hit():
    from textmine.store.search import Hit
    s = "甲" * 50 + "就业" + "乙" * 50
    h = Hit("d", None, None, 0, s, [(50, 52)])
    text, spans = h.snippet(context=5)
    assert text == "…甲甲甲甲甲就业乙乙乙乙乙…"
    assert [text[a:b] for a, b in spans] == ["就业"]


def test_migration_from_version_2_indexes_stored_sentences(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    schema.migrate(old, str(path), upto=2)
    old["documents"].insert({"id": 1, "doc": "a", "path": "/a.txt", "sha256": "x"})
    old["sentences"].insert({"id": 7, "document_id": 1, "sentence_index": 0,
                             "text": "帮助贫困劳动力就业5万多人。"})
    old.close()
    with IndicatorDB(path) as d:
        assert d.schema_version >= 3
        assert d.db["sentences"].detect_fts() == "sentences_fts"
        assert d.search("就业").total == 1 and d.search("劳动力就业5").total == 1
        d.db["sentences"].insert({"id": 8, "document_id": 1, "sentence_index": 1,
                                  "text": "稳就业保民生。", "words": index_words("稳就业保民生。")})
        assert d.search("就业").total == 2


def test_sqlite_utils_finds_short_words(db):
    t = db.db["sentences"]
    assert t.detect_fts() == "sentences_fts"
    rows = list(t.search("就业"))
    assert len(rows) == 2 and all("就业" in r["text"] for r in rows)
    assert len(list(t.search("扶贫车间"))) == len(_like(db, "扶贫车间")) == 5


def test_datasette_search_finds_short_words(db):
    datasette = pytest.importorskip("datasette.app", reason="datasette is not installed")
    import asyncio

    async def get(q):
        ds = datasette.Datasette([db.path])
        r = await ds.client.get(f"/s/sentences.json?_search={q}&_shape=array")
        assert r.status_code == 200
        return [x["text"] for x in r.json()]

    found = asyncio.run(get("就业"))
    assert len(found) == 2 and all("就业" in s for s in found)
    assert len(asyncio.run(get("扶贫车间"))) == 5


def _run(*args):
    import cli
    return CliRunner().invoke(cli.main, list(args))


def test_cli_search_table_marks_words_when_piped(db):
    r = _run("search", "--db", db.path, "就业")
    assert r.exit_code == 0, r.output
    assert "2 sentence(s) with 就业" in r.output and r.output.count("**就业**") == 2


def test_cli_search_jsonl(db):
    r = _run("search", "--db", db.path, "扶贫车间", "带动", "--format", "jsonl", "--limit", "2")
    assert r.exit_code == 0
    recs = [json.loads(x) for x in r.output.splitlines()]
    assert len(recs) == 2
    for rec in recs:
        assert {rec["sentence"][a:b] for a, b in rec["hits"]} == {"扶贫车间", "带动"}
        assert rec["doc"] in ("p1", "p2", "p3", "p4", "p5") and rec["path"].endswith(".txt")


def test_cli_search_errors(tmp_path):
    r = _run("search", "--db", str(tmp_path / "none.db"), "就业")
    assert r.exit_code == 1 and "no such database" in r.output
    assert _run("search", "--db", str(tmp_path / "none.db")).exit_code == 2
