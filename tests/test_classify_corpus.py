"""The measure corpus: format, size, balance, split without template leakage, provenance."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from _paths import ROOT as REPO, SHARED
from textmine.classify.corpus import LABELS, load_corpus
from textmine.errors import InputError


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(REPO / "corpora")


def test_at_least_300_examples_per_label(corpus):
    c = Counter(e.label for e in corpus.train + corpus.heldout)
    assert set(c) == set(LABELS)
    assert min(c.values()) >= 300, c


def test_every_label_has_handwritten_and_heldout_examples(corpus):
    for lab in LABELS:
        assert sum(e.label == lab and e.source == "written" for e in corpus.train) >= 30
        assert sum(e.label == lab for e in corpus.heldout) >= 50


def test_records_are_well_formed(corpus):
    for e in corpus.train + corpus.heldout:
        mention = e.text[e.span[0]:e.span[1]]
        assert mention.strip() and mention[0] not in "，。；", e
        assert re.search(r"[0-9０-９一二两三四五六七八九十百千万亿半成]", mention), e
        assert e.source == "written" or e.source.startswith("generated:generate.py#"), e


def test_no_template_in_both_splits(corpus):
    def templates(rows):
        return {e.source.split("#")[1].split("+")[0] for e in rows if "#" in e.source}
    assert not templates(corpus.train) & templates(corpus.heldout)
    assert not {e.text for e in corpus.train} & {e.text for e in corpus.heldout}


def test_generator_reproduces_the_corpus_files():
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen", REPO / "corpora" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    held_t = gen.heldout_templates()
    rows = gen.generated() + gen.compound(held_t) + gen.written()
    on_disk = [json.loads(line) for f in ("train.jsonl", "heldout.jsonl")
               for line in (REPO / "corpora" / "measures" / f).read_text(encoding="utf-8").splitlines()]
    key = lambda r: (r["text"], tuple(r["span"]), r["label"])  # noqa: E731
    assert sorted(map(key, rows)) == sorted(map(key, on_disk))


def test_bad_corpus_lines_name_the_file_and_line(tmp_path):
    d = tmp_path / "measures"
    d.mkdir()
    (d / "heldout.jsonl").write_text("", encoding="utf-8")
    (d / "train.jsonl").write_text('{"text": "x1", "span": [1, 2], "label": "nope", "source": "written"}\n',
                                   encoding="utf-8")
    with pytest.raises(InputError, match=r"train.jsonl:1: unknown label 'nope'"):
        load_corpus(tmp_path)
    (d / "train.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"train.jsonl:1: not valid JSON"):
        load_corpus(tmp_path)
    with pytest.raises(InputError, match="corpus folder not found"):
        load_corpus(tmp_path / "missing")


@pytest.mark.skipif(not (SHARED / "eval").exists(), reason="../shared/eval not available")
def test_no_24_char_window_from_shared_eval_texts(corpus):
    """The corpus is the project's own writing: no 24-character run of the evaluation texts."""
    def windows(text, n=24):
        text = re.sub(r"\s+", "", text)
        return {text[i:i + n] for i in range(0, max(0, len(text) - n + 1))}
    shared: set[str] = set()
    for f in (SHARED / "eval").rglob("*"):
        if f.suffix in (".txt", ".jsonl") and f.stat().st_size < 5_000_000:
            shared |= windows(f.read_text(encoding="utf-8", errors="ignore"))
    ours = "".join(e.text for e in corpus.train + corpus.heldout)
    for src in (REPO / "corpora" / "src").glob("*.txt"):
        ours += src.read_text(encoding="utf-8")
    leaks = [w for w in windows(ours) if w in shared]
    assert not leaks, leaks[:3]
