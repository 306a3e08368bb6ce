"""Measure model: save/load, safe-loading errors, batched apply, explain (tiny model)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.classify import model as M
from textmine.classify.corpus import LABELS, load_corpus
from textmine.classify.features import GROUPS, MeasureInput, clause, features, window
from textmine.classify.train import train
from textmine.errors import ModelError
from textmine.types import Claim

REPO = Path(__file__).resolve().parents[1]


def tiny_corpus(dest: Path, per_label: int = 14, heldout_per_label: int = 4) -> Path:
    """A small deterministic slice of the project corpus (hand-written rows first)."""
    corpus = load_corpus(REPO / "corpora")
    out = dest / "measures"
    out.mkdir(parents=True)
    for name, rows, n in (("train.jsonl", corpus.train, per_label),
                          ("heldout.jsonl", corpus.heldout, heldout_per_label)):
        picked = []
        for lab in LABELS:
            of_label = sorted((e for e in rows if e.label == lab),
                              key=lambda e: (e.source != "written", e.text))
            picked += of_label[:n]
        with open(out / name, "w", encoding="utf-8") as fh:
            for e in picked:
                fh.write(json.dumps({"text": e.text, "span": list(e.span), "indicator": e.indicator,
                                     "section": e.section, "label": e.label, "source": e.source},
                                    ensure_ascii=False) + "\n")
    return dest


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("tiny")
    train(tiny_corpus(base / "corpora"), base / "model", seed=0)
    return base / "model"


@pytest.fixture
def model_copy(tiny_model_dir, tmp_path) -> Path:
    d = tmp_path / "m"
    d.mkdir()
    for f in (M.MODEL_FILE, M.CARD_FILE):
        (d / f).write_bytes((tiny_model_dir / f).read_bytes())
    return d


def claim(sentence: str, mention: str, indicator: str = "", section: str | None = None) -> Claim:
    start = sentence.index(mention)
    return Claim(doc="t", page=None, sentence=sentence, start=start, end=start + len(mention),
                 text=mention, kind="count", value=Decimal(1), unit="人", qualifier="exact",
                 lower=None, upper=None, indicator=indicator, section=section)


def test_tiny_model_round_trip(tiny_model_dir):
    m = M.load_model(tiny_model_dir)
    assert sorted(m.labels) == sorted(LABELS)
    assert m.card["format"] == M.FORMAT and len(m.card["sha256"]) == 64
    (label, p), = m.predict(["组织贫困劳动力外出务工就业3000人，开展职业技能培训。"])
    assert label in LABELS and 0.0 < p <= 1.0


def test_load_by_model_file_path(tiny_model_dir):
    assert M.load_model(tiny_model_dir / M.MODEL_FILE).path == tiny_model_dir / M.MODEL_FILE


@pytest.mark.parametrize("bulk_min", [0, 10 ** 9])  # the bulk groups, the token path
def test_apply_model_scores_each_sentence_once(tiny_model_dir, monkeypatch, bulk_min):
    """Sentence-level groups are computed once per distinct sentence, claim-level groups
    once per claim, and the result equals scoring each claim on its own."""
    monkeypatch.setattr(M, "BULK_MIN", bulk_min)
    m = M.load_model(tiny_model_dir)
    claims = [claim("帮助贫困劳动力转移就业8000人，其中外出务工5000人。", "8000人", "转移就业", "就业扶贫"),
              claim("帮助贫困劳动力转移就业8000人，其中外出务工5000人。", "5000人", "外出务工", "就业扶贫"),
              claim("采购贫困地区农副产品2亿元。", "2亿元", "采购", "消费扶贫"),
              claim("召开领导小组会议5次。", "5次", "会议")]
    single = [m.predict([c])[0] for c in claims]
    made: dict[str, int] = {}
    groups = tuple(type(g)(g.name, g.weight, g.level,
                           (lambda f, n: lambda it, lex: made.update({n: made.get(n, 0) + 1}) or f(it, lex))
                           (g.make, g.name)) for g in GROUPS)
    monkeypatch.setattr("textmine.classify.features.GROUPS", groups)
    from textmine.classify import bulk
    rows: dict[str, int] = {}  # groups with a bulk form: the rows they are given
    monkeypatch.setattr(bulk, "BULK", {
        name: (lambda f, n: lambda items, lex, gp: rows.update({n: rows.get(n, 0) + len(items)})
               or f(items, lex, gp))(f, name) for name, f in bulk.BULK.items()})
    M.apply_model(m, claims)
    assert made["sentence_words"] == 3
    assert made.get("window", 0) + rows.get("window", 0) == 4
    assert made.get("section", 0) + rows.get("section", 0) == 3  # 就业扶贫, 消费扶贫, none
    for c, (label, p) in zip(claims, single):
        assert c.measure == label and c.measure_confidence == pytest.approx(p, abs=1e-4)
    for c in claims:
        assert c.measure in LABELS
        assert isinstance(c.measure_confidence, float) and 0 < c.measure_confidence <= 1
    assert claims[0].to_dict()["measure_confidence"] == claims[0].measure_confidence


def test_apply_model_on_no_claims_is_a_no_op(tiny_model_dir, monkeypatch):
    m = M.load_model(tiny_model_dir)
    calls = []
    monkeypatch.setattr(m, "predict", lambda items: calls.append(items) or [])
    claims: list = []
    assert M.apply_model(m, claims) is None
    assert claims == [] and calls == []  # the model is not even asked
    one = [claim("新建扶贫车间12个。", "12个")]
    monkeypatch.setattr(m, "predict", lambda items: calls.append(items) or [("industry", 0.75)])
    M.apply_model(m, one)
    assert len(calls) == 1 and (one[0].measure, one[0].measure_confidence) == ("industry", 0.75)


def test_a_growth_right_after_its_level_takes_the_levels_measure(tiny_model_dir, monkeypatch):
    """销售农特产品金额46.7亿元，同比增长2.3倍: the growth is about the sales; a growth of
    another statistic, or in another sentence, keeps its own label."""
    m = M.load_model(tiny_model_dir)
    s = "全年销售农特产品金额46.7亿元，同比增长2.3倍，带动就业1200人，增长5%。"
    level, growth = claim(s, "46.7亿元", "销售农特产品金额"), claim(s, "2.3倍", "销售农特产品金额增长")
    jobs, other = claim(s, "1200人", "带动就业"), claim(s, "5%", "其他指标增长")
    growth.change = other.change = "increase"
    for c in (level, growth, jobs, other):
        c.sentence_index = 0
    labels = iter([("consumption", 0.9), ("other", 0.6), ("employment", 0.8), ("other", 0.7)])
    monkeypatch.setattr(m, "predict", lambda items: [next(labels) for _ in items])
    M.apply_model(m, [level, growth, jobs, other])
    assert [c.measure for c in (level, growth, jobs, other)] == [
        "consumption", "consumption", "employment", "other"]
    assert growth.measure_confidence == 0.9


def test_predict_accepts_claims_dicts_inputs_and_strings(tiny_model_dir):
    m = M.load_model(tiny_model_dir)
    items = [claim("新建扶贫车间12个。", "12个"),
             {"text": "新建扶贫车间12个。", "span": [6, 9], "indicator": "扶贫车间"},
             {"sentence": "新建扶贫车间12个。", "start": 6, "end": 9},
             MeasureInput("新建扶贫车间12个。", 6, 9), "新建扶贫车间12个。"]
    out = m.predict(items)
    assert len(out) == 5 and all(lab in LABELS for lab, _ in out)
    assert m.predict([]) == []


def test_explain_names_features_of_the_label(tiny_model_dir):
    m = M.load_model(tiny_model_dir)
    ex = m.explain(MeasureInput("帮助贫困劳动力转移就业8000人。", 11, 16, "转移就业", "就业扶贫"))
    assert ex["label"] in LABELS and abs(sum(ex["probabilities"].values()) - 1) < 1e-6
    assert ex["features"] and all(isinstance(g, str) and isinstance(t, str) for g, t, _ in ex["features"])
    groups = {g.name for g in GROUPS}
    assert all(g in groups for g, _, _ in ex["features"]), ex["features"]
    weights = [w for _, _, w in ex["features"]]
    assert weights == sorted(weights, reverse=True)
    with pytest.raises(ValueError):
        m.explain("x", label="nope")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.integers(-5, 80), st.integers(-5, 80), st.text(max_size=8))
def test_features_never_raise(text, start, end, indicator):
    from textmine.classify.lexicon import load_lexicon
    feats = features(MeasureInput(text, start, end, indicator, indicator), load_lexicon())
    assert set(feats) == {g.name for g in GROUPS}
    assert all(isinstance(t, str) for toks in feats.values() for t in toks)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="扶贫就业消费产业帮扶采购劳务车间捐赠企业社会组织资金万元亿人个，。0123456789",
               max_size=60), st.text(max_size=6))
def test_lexicon_hits_are_exactly_the_keywords_in_the_text(text, extra):
    from textmine.classify.lexicon import load_lexicon
    lex = load_lexicon()
    for t in (text, text + extra):
        expected = {kw for kws in lex.keywords.values() for kw in kws if kw and kw in t}
        assert lex.hits(t) == expected


def test_pipeline_tokens_equal_segmenting_again():
    """The extractor hands the classifier its spaCy tokens; they must be the words the
    model was trained on (jieba's cut of the sentence)."""
    from textmine.classify.features import segment, sentence_words
    from textmine.nlp.pipeline import build_nlp
    nlp = build_nlp()
    for s in ("全市安排财政专项扶贫资金 54.52亿元，同比增长12.3%。", "组织劳务输出3万人次，其中  跨省就业1.2万人。",
              "２０１９年新建扶贫车间１２个。"):
        toks = tuple(t.text for t in nlp.make_doc(s))
        assert sentence_words(MeasureInput(s, tokens=toks)) == sentence_words(MeasureInput(s)), s
        assert segment(s)


def test_window_and_clause_surround_the_mention():
    it = MeasureInput("安排资金3亿元，吸纳就业1200人，销售产品5亿元。", 12, 17)
    assert "【0人】" in window(it)
    assert clause(it) == "吸纳就业1200人"


# ---------------------------------------------------------------- errors never fall back to "other"

def check_error(path, *words):
    with pytest.raises(ModelError) as exc:
        M.load_model(path)
    msg = str(exc.value)
    assert "textmine train" in msg, msg
    for w in words:
        assert w in msg, msg
    return msg


def test_missing_model_file(tmp_path):
    check_error(tmp_path / "nothing", "nothing", "not found")


def test_missing_model_in_folder(tmp_path):
    check_error(tmp_path, M.MODEL_FILE, "not found")


def test_missing_card(model_copy):
    (model_copy / M.CARD_FILE).unlink()
    check_error(model_copy, M.CARD_FILE, "card not found")


def test_corrupt_card(model_copy):
    (model_copy / M.CARD_FILE).write_text("{not json", encoding="utf-8")
    check_error(model_copy, M.CARD_FILE, "corrupt")


def test_truncated_model_file_fails_the_checksum(model_copy):
    f = model_copy / M.MODEL_FILE
    f.write_bytes(f.read_bytes()[:1000])
    check_error(model_copy, M.MODEL_FILE, "corrupt", "sha256")


def test_garbage_model_with_matching_checksum_is_still_refused(model_copy):
    f = model_copy / M.MODEL_FILE
    f.write_bytes(b"PK\x03\x04 this is not a numpy archive")
    card = json.loads((model_copy / M.CARD_FILE).read_text(encoding="utf-8"))
    card["sha256"] = M.sha256_file(f)
    (model_copy / M.CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    check_error(model_copy, M.MODEL_FILE, "corrupt")


@pytest.mark.parametrize("field,value,words", [
    ("format_version", 1, ("format version 1",)),
    ("format_version", 99, ("format version 99",)),
    ("features", [{"group": "hashed_words"}], ("hashed_words", "incompatible")),
    ("labels", ["a", "b"], ("five measures",)),
    ("format", "something-else", ("not a textmine measure model card",)),
])
def test_incompatible_card(model_copy, field, value, words):
    card_file = model_copy / M.CARD_FILE
    card = json.loads(card_file.read_text(encoding="utf-8"))
    card[field] = value
    card_file.write_text(json.dumps(card), encoding="utf-8")
    check_error(model_copy, M.CARD_FILE, *words)


def test_nothing_loads_at_import():
    import subprocess
    import sys
    code = ("import sys, textmine, textmine.classify.model; "
            "print(any(m in sys.modules for m in ('sklearn', 'numpy', 'jieba')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "False", out.stderr


def test_model_file_is_read_without_pickle(model_copy):
    """An archive member that needs pickle (an object array) is refused, not executed."""
    import numpy as np
    f = model_copy / M.MODEL_FILE
    with np.load(f) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["classes"] = np.array([object()] * 5, dtype=object)
    np.savez(f, **arrays)  # the name ends in .npz, so numpy keeps it
    card = json.loads((model_copy / M.CARD_FILE).read_text(encoding="utf-8"))
    card["sha256"] = M.sha256_file(f)
    (model_copy / M.CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    check_error(model_copy, M.MODEL_FILE, "corrupt")


def test_applying_the_model_does_not_import_sklearn(tiny_model_dir):
    import subprocess
    import sys
    code = ("import sys; from textmine.classify.model import load_model; "
            f"m = load_model({str(tiny_model_dir)!r}); m.predict(['组织劳务输出3万人。']); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "False", out.stderr


def test_a_part_after_qi_zhong_takes_its_wholes_measure(tiny_model_dir, monkeypatch):
    """到滨海市就业12846人，其中脱贫人口5102人: the part is about the jobs (the model, seeing only
    who is counted, said other); a part of another unit, or not after 其中, keeps its label."""
    m = M.load_model(tiny_model_dir)
    s = "吸纳劳动力到外省就业8650人，其中脱贫人口3120人，培训1400人次。"
    whole, part, trained = claim(s, "8650人"), claim(s, "3120人"), claim(s, "1400人次")
    trained.unit = "人次"
    for c in (whole, part, trained):
        c.sentence_index = 0
    labels = iter([("employment", 0.9), ("other", 0.6), ("other", 0.7)])
    monkeypatch.setattr(m, "predict", lambda items: [next(labels) for _ in items])
    M.apply_model(m, [whole, part, trained])
    assert [c.measure for c in (whole, part, trained)] == ["employment", "employment", "other"]


def test_the_progress_of_what_a_figure_counts_takes_its_measure(tiny_model_dir, monkeypatch):
    """安排产业项目X个，已开工Y个，开工率Z%: the projects started and the rate are about what the
    projects are about (the model, seeing only 已开工, said other); a figure that names
    something else (培训) keeps its label."""
    m = M.load_model(tiny_model_dir)
    s = "安排产业项目320个，已开工298个，开工率93.1%，培训1400人次。"
    texts = ("320个", "298个", "93.1%", "1400人次")
    claims = [claim(s, t) for t in texts]
    for c, indicator in zip(claims, ("安排产业项目", "已开工", "开工率", "培训")):
        c.sentence_index, c.indicator = 0, indicator
    labels = iter([("industry", 0.9), ("other", 0.6), ("other", 0.7), ("other", 0.8)])
    monkeypatch.setattr(m, "predict", lambda items: [next(labels) for _ in items])
    M.apply_model(m, claims)
    assert [c.measure for c in claims] == ["industry", "industry", "industry", "other"]
