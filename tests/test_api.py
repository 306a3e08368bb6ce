"""The library's one seam (textmine.api): sniffing, shared extractors, extraction in parts."""
from __future__ import annotations

import threading

import pytest

import textmine
from textmine import api


@pytest.mark.parametrize("name, data, kind", [
    ("a.pdf", b"anything", "pdf"), ("a.PDF", b"", "pdf"), ("a.txt", b"%PDF-1.4\n", "pdf"),
    ("a.txt", b"  \n%PDF-1.7", "pdf"), ("a", b"%PDF-1.4", "pdf"), ("a.txt", "新建项目".encode(), "text"),
    ("a.dat", b"text %PDF later", "text"),
])
def test_file_kind_is_one_rule(tmp_path, name, data, kind):
    p = tmp_path / name
    p.write_bytes(data)
    assert api.file_kind(p) == kind


def test_default_extractors_are_built_once_per_kind_across_threads():
    got: list = []
    threads = [threading.Thread(target=lambda c=c: got.append((c, api.default_extractor(c))))
               for c in (True, False) * 8]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in (True, False):
        assert len({id(ex) for k, ex in got if k == c}) == 1
    assert api.default_extractor(True) is not api.default_extractor(False)
    assert api.default_extractor(False).classify is False


def test_extract_without_the_classifier_reuses_its_segmenter():
    """extract(classify=False) built a new pipeline on every call (50 calls: 0.43 s); the
    extractors of a process share one segmenter and its dictionary."""
    textmine.extract("安排项目1672个。", classify=False)
    seg = api.default_extractor(False).segmenter
    for _ in range(3):
        assert len(textmine.extract("安排项目1672个。", classify=False)) == 1
    assert api.default_extractor(False).segmenter is seg is api.default_extractor(True).segmenter


def test_the_spacy_pipeline_gives_the_extractions_claims():
    """``Extractor.nlp`` (built on first use, not used by extraction) finds the same claims
    and cuts the same tokens."""
    ex = api.Extractor(classify=False)
    text = "全年安排项目1672个，已开工1515个，开工率90.61%。"
    doc = ex.nlp.make_doc(text)
    doc._.year = 2020
    for _, proc in ex.nlp.pipeline:
        doc = proc(doc)
    claims = ex.extract_text(text, year=2020)
    assert [s.text for s in doc.spans["claims"]] == [c.text for c in claims]
    assert tuple(t.text for t in doc) == ex.segmenter.cut(text)[0]


def test_a_document_extracted_in_parts_equals_the_whole():
    text = "全年安排项目1672个，已开工1515个。\n到位资金54.52亿元。\n组织劳务输出2400余人。\n"
    ex = api.Extractor(classify=False)
    doc = api.document_from_text(text, doc_id="parts", year=2020)
    whole = [c.to_dict() for c in ex.extract_document(doc)]
    sentences = ex.sentences(doc)
    shell = api.shell(doc)
    claims = [c for k in range(len(sentences))
              for c in ex.extract_document(shell, sentences[k:k + 1])]
    assert [c.to_dict() for c in ex.finish(doc, sentences, claims)] == whole


def test_attribute_runs_once_per_whole_document(monkeypatch):
    """The hook of issue 13: called once with the document's full claims, whole or in parts."""
    calls = []
    ex = api.Extractor(classify=False)
    monkeypatch.setattr(ex, "attribute",
                        lambda doc, claims, sentences=None: calls.append(len(claims)) or claims)
    doc = api.document_from_text("安排项目1672个。\n已开工1515个。\n", year=2020)
    ex.extract_document(doc)
    sentences = ex.sentences(doc)
    parts = [c for s in sentences for c in ex.extract_document(api.shell(doc), [s])]
    ex.finish(doc, sentences, parts)
    assert calls == [2, 2]


def test_a_long_line_of_text_is_text_not_a_file_name():
    """A line longer than the system allows a file name (255 bytes) is read as text, not
    looked up as a file (which raised OSError: File name too long)."""
    line = "全县新建扶贫车间12个，吸纳就业680人，" * 12 + "到位帮扶资金5.4亿元。"
    assert len(line.encode("utf-8")) > 255 and "\n" not in line
    claims = textmine.extract(line, classify=False)
    assert [c.text for c in claims][-1] == "5.4亿元" and len(claims) == 25


def test_a_year_given_that_the_title_names_changes_no_period():
    """--year (or year=) equal to the title's year keeps what the title says: a year-end
    summary reviews its own year, under a review heading without a year too."""
    from textmine.api import Extractor
    text = "湄潭县2025年乡村振兴工作总结\n一、工作成效\n全县新建产业路36公里，新增茶园1.2万亩。\n"
    ex = Extractor(classify=False)
    own = {c.text: c.period for c in ex.extract_text(text)}
    given = {c.text: c.period for c in ex.extract_text(text, year=2025)}
    assert own == given and own["36公里"] == "2025"
