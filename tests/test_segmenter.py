"""The segmenter extraction uses: jieba's words with the dictionary read as far as the text
needs it, cut into the tokens spaCy's zh tokenizer makes; and the extraction that cuts only
the sentences with claims."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.nlp import dictionary
from textmine.nlp.dictionary import buckets_path, jieba_module, open_buckets
from textmine.nlp.segmenter import COMPILED_AFTER, Segmenter, align

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

SENTENCES = [
    "全市到位财政帮扶资金18.6亿元，完成年度计划的62%。", "1,234.5万元", "", " ", "a b",
    " 前导空格", "２０１９年\u3000新建车间１２个", "x\ty\nz", "多个  空格 ", "\u200b零宽字符3个",
    "销售农产品2100多种113余亿元；其中“832平台”销售额超过5亿元。", "彭水县新建扶贫车间12个，吸纳就业",
    "贵州省黔东南州从江县加勉乡", "COVID-19疫情 A股 iPhone12 5G基站",
]
# characters of report prose, a few of them rare, for texts the dictionary is filled by
ALPHABET = ("全市到位财政帮扶资金亿元完成年度计划的新建车间吸纳就业销售农产品其中平台额超过"
            "贫困人口减少脱贫攻坚乡村振兴县乡镇村户劳务输出培训消费扶贫协作对口支援东西部"
            "彭水从江加勉黔东南苗族侗族自治州嘎啦乜犇，。、；：“”（）0123456789.% \u3000\t")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A segmenter whose caches are in a folder of its own: it writes the dictionary by
    first character there (from jieba's own dictionary) and reads it as texts need it."""
    return Segmenter(str(tmp_path_factory.mktemp("jieba")))


@pytest.fixture(scope="module")
def spacy_tokenizer():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}).tokenizer


def test_words_with_a_dictionary_read_as_needed_are_jiebas(fresh):
    jieba = jieba_module()
    for s in SENTENCES:
        assert fresh.words(s) == [w for w in jieba.lcut(s) if w], s
    assert 0 < fresh.size < len(jieba.dt.FREQ) / 4


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=4))
def test_words_equal_jieba_while_the_dictionary_fills(fresh, texts):
    jieba = jieba_module()
    for t in texts:  # each text may bring characters whose words are not read yet
        assert fresh.words(t) == [w for w in jieba.lcut(t) if w]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), max_size=12))
def test_words_of_any_chinese_characters_are_jiebas(fresh, text):
    """Rare characters in a row: the runs jieba's HMM cuts."""
    assert fresh.words(text) == [w for w in jieba_module().lcut(text) if w]


@pytest.mark.skipif(not EVAL.is_dir(), reason="no ../shared/eval")
@pytest.mark.parametrize("compiled", [False, True])
def test_words_of_the_evaluation_texts_are_jiebas(tmp_path, compiled):
    jieba = jieba_module()
    seg = Segmenter(str(tmp_path), compiled=compiled)
    files = sorted(EVAL.glob("real/**/*.txt")) + sorted(EVAL.glob("seed/*.txt"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert seg.words(text) == [w for w in jieba.lcut(text) if w], path


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_tokens_equal_spacys_jieba_tokenizer(fresh, spacy_tokenizer, text):
    ref = spacy_tokenizer(text)
    texts, starts = fresh.cut(text)
    assert texts == tuple(t.text for t in ref)
    assert starts == [t.idx for t in ref]


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_of_sentences_equal_spacys(fresh, spacy_tokenizer, text):
    ref = spacy_tokenizer(text)
    assert fresh.cut(text) == (tuple(t.text for t in ref), [t.idx for t in ref])
    toks = fresh.tokens(text)
    assert all((t.idx in toks) for t in ref)
    assert not any(i in toks for i in range(len(text) + 1) if i not in {t.idx for t in ref})


def test_align_keeps_one_space_after_a_word_as_its_whitespace():
    assert align(["多个", " ", " ", "空格", " "], "多个  空格 ") == (("多个", " ", "空格"), [0, 3, 4])
    assert align([" ", "前导"], " 前导") == ((" ", "前导"), [0, 1])
    assert align(["x", "\t", "y"], "x\ty") == (("x", "\t", "y"), [0, 1, 2])


def test_load_all_gives_the_same_words(tmp_path):
    seg = Segmenter(str(tmp_path))
    first = seg.words("贵州省黔东南州从江县加勉乡")
    seg.load_all()
    assert seg.words("贵州省黔东南州从江县加勉乡") == first
    assert seg.size == len(jieba_module().dt.FREQ)


@pytest.mark.parametrize("content", [b"", b"\x05\x00\x00\x00\x00\x00\x00\x00abc", b"x" * 100,
                                     "truncated"])
def test_a_broken_cache_is_written_again(tmp_path, fresh, content):
    path = Path(buckets_path(str(tmp_path)))
    if content == "truncated":
        content = Path(buckets_path(fresh._tmp_dir)).read_bytes()[:5_000_000]
    path.write_bytes(content)
    buckets = open_buckets(str(tmp_path))
    assert buckets is not None and buckets.words("扶")["扶贫"] < 0  # a log probability
    assert path.stat().st_size > 1_000_000
    seg = Segmenter(str(tmp_path))
    assert seg.words("扶贫车间") == [w for w in jieba_module().lcut("扶贫车间") if w]


def test_an_unwritable_cache_folder_reads_the_whole_dictionary(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    assert open_buckets(str(missing)) is None
    seg = Segmenter(str(missing))
    assert seg.words("扶贫车间12个") == [w for w in jieba_module().lcut("扶贫车间12个") if w]
    assert seg.size == len(jieba_module().dt.FREQ)


# ---------------------------------------------------------------- extraction cuts what it needs

class Spy(Segmenter):
    def __init__(self):
        super().__init__()
        self.cut_texts: list[str] = []

        self.expected: list[int] = []

    def cut(self, text):
        self.cut_texts.append(text)
        return super().cut(text)

    def expect(self, n):
        self.expected.append(n)
        super().expect(n)


def test_only_sentences_with_claims_are_cut_and_the_segmenter_is_told_how_much():
    from textmine.api import document_from_text
    from textmine.nlp.extract import sentence_claims
    doc = document_from_text("坚持精准扶贫精准脱贫基本方略。全年新建扶贫车间12个，吸纳就业3400余人。"
                             "各级干部深入一线。“两不愁三保障”突出问题基本解决。", year=2020)
    spy = Spy()
    found = [(toks.texts, [c.text for c in claims]) for toks, claims in sentence_claims(doc, spy)]
    assert [c for _, c in found] == [["12个", "3400余人"]]
    assert spy.cut_texts == ["全年新建扶贫车间12个，吸纳就业3400余人。"]
    assert spy.expected == [len("全年新建扶贫车间12个，吸纳就业3400余人。")]


def test_a_cache_damaged_after_it_was_opened_gives_way_to_the_whole_dictionary(tmp_path):
    seg = Segmenter(str(tmp_path))
    assert seg.words("扶贫车间") == [w for w in jieba_module().lcut("扶贫车间") if w]
    path = Path(buckets_path(str(tmp_path)))
    seg._buckets.close()  # the open cache now reads a file whose buckets are garbage
    data = path.read_bytes()
    head = 8 + int.from_bytes(data[:8], "little")  # the index stays; the buckets are garbage
    path.write_bytes(data[:head] + b"\xff" * (len(data) - head))
    from textmine.nlp.dictionary import Buckets
    seg._buckets = Buckets(str(path))
    text = "贵州省黔东南州从江县加勉乡"
    assert seg.words(text) == [w for w in jieba_module().lcut(text) if w]
    assert seg.size == len(jieba_module().dt.FREQ)


# ---------------------------------------------------------------- the route from rjieba

@pytest.fixture(scope="module")
def compiled():
    seg = Segmenter(compiled=True)
    seg.words("扶贫")
    if not seg.compiled:
        pytest.skip("rjieba's route cannot be had here (not installed, or another dictionary)")
    return seg


# letters, digits and the signs jieba keeps in a run, beside Chinese: the pieces the route
# from rjieba has to take apart again (its cut joins letters and digits in a row)
MIXED = ALPHABET + "abcXYZ+#&_-CEOT恤超股PC机3G"


@pytest.mark.parametrize("text", SENTENCES + [
    "增长5.2%和2017-2019年CEO与T恤3G网络PC机", "AT&T和C++、c#", "1-2个", "0-35000元", "B超A股AA制",
    "www.gov.cn_2026-02-09", "方得己年进动下期常在去情地", "常在", "3.14%%5..6--7"])
def test_the_compiled_route_gives_jiebas_words(compiled, text):
    assert compiled.words(text) == [w for w in jieba_module().lcut(text) if w]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MIXED, max_size=60))
def test_the_compiled_route_gives_jiebas_words_of_any_text(compiled, text):
    assert compiled.words(text) == [w for w in jieba_module().lcut(text) if w]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), max_size=16))
def test_the_compiled_route_gives_jiebas_words_of_rare_characters(compiled, text):
    assert compiled.words(text) == [w for w in jieba_module().lcut(text) if w]


def test_the_compiled_route_gives_jiebas_words_of_the_projects_texts(compiled):
    jieba = jieba_module()
    files = sorted((ROOT / "corpora").rglob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    assert files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert compiled.words(line) == [w for w in jieba.lcut(line) if w], (path, line)


def test_rjieba_is_not_imported_for_short_texts_and_taken_once_they_add_up(compiled):
    seg = Segmenter()
    seg.words("全市新建扶贫车间12个。")
    assert not seg.compiled  # one sentence: rjieba's start-up would cost more than it saves
    text = "全市新建扶贫车间12个，吸纳就业3400余人。" * 200
    for _ in range(COMPILED_AFTER // len(text) + 1):
        assert seg.words(text) == compiled.words(text)
    assert seg.compiled
    assert not Segmenter(compiled=False).prepare().compiled
    told = Segmenter()
    told.expect(COMPILED_AFTER // 2)  # told of a short text: the Python route
    assert not told.compiled
    told.expect(COMPILED_AFTER)  # of a long one: rjieba before its first word
    assert told.compiled
    assert Segmenter().prepare().compiled  # before workers are forked


def test_another_dictionary_keeps_the_python_route(monkeypatch, tmp_path):
    monkeypatch.setattr(dictionary, "ROUTE_DICTIONARY", "0" * 64)
    assert dictionary.compiled_route() is None
    seg = Segmenter(str(tmp_path), compiled=True)
    assert seg.words("增长5.2%和2017-2019年") == [w for w in jieba_module().lcut("增长5.2%和2017-2019年")
                                               if w]
    assert not seg.compiled
