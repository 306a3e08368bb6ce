"""Claims carry the number layer's new readings (issue 14): a currency code beside the unit,
relative dates resolved against the document's year and, from its date, month."""
from __future__ import annotations

import json

import pytest

import textmine
from textmine.parse.numbers import number_records

TEXT = "引进外资3200万美元，到位资金54.52亿元，新建车间38个。去年5月以来，新增就业1200人。"


def test_claim_records_carry_the_currency():
    recs = {c.to_dict()["text"]: c.to_dict() for c in textmine.extract(TEXT, year=2020, classify=False)}
    assert recs["3200万美元"]["currency"] == "USD" and recs["3200万美元"]["unit"] == "美元"
    assert recs["54.52亿元"]["currency"] == "CNY" and recs["54.52亿元"]["unit"] == "元"
    assert "currency" not in recs["38个"]  # omitted where there is none
    assert (recs["去年5月以来"]["value"], recs["去年5月以来"]["qualifier"]) == ("2019-05", "since")


def test_relative_months_read_against_the_documents_date():
    doc = textmine.document_from_text("# year=2018 publish_date=2018-03-05\n上个月新增就业1200人。",
                                      doc_id="report-2018")
    (date,) = [c for c in textmine.extract(doc, classify=False) if c.kind == "date"]
    assert (date.text, date.value) == ("上个月", "2018-02")


def test_number_records_carry_the_currency():
    recs = list(number_records(["采购设备4.5亿日元，共1.9万台。\n"]))
    assert [(r["text"], r.get("currency")) for r in recs] == [("4.5亿日元", "JPY"), ("1.9万台", None)]
    json.dumps(recs, ensure_ascii=False)


def test_cli_numbers_year_and_month():
    from click.testing import CliRunner

    import cli
    text = "上个月签约3200万美元；去年5月启动；3月9日召开。\n"
    runs = {}
    for args in ([], ["--year", "2018"], ["--year", "2018", "--month", "3"]):
        r = CliRunner().invoke(cli.main, ["numbers", "-", "--format", "jsonl", *args], input=text)
        assert r.exit_code == 0, r.output
        runs[len(args)] = [(x["text"], x["value"]) for x in map(json.loads, r.stdout.splitlines()) if x["kind"] == "date"]
    assert runs[0] == [("3月9日", "XXXX-03-09")]  # 去年, 上个月: not known without the year
    assert runs[2] == [("去年5月", "2017-05"), ("3月9日", "2018-03-09")]
    assert runs[4] == [("上个月", "2018-02"), ("去年5月", "2017-05"), ("3月9日", "2018-03-09")]


@pytest.mark.parametrize("sentence,text,unit", [
    # a number without a unit takes it from the counted noun after it, also a long one
    ("全市190.6万农村建档立卡贫困人口全部脱贫。", "190.6万", "人"),
    ("全县1.5万贫困人口脱贫。", "1.5万", "人"),
])
def test_a_long_counted_noun_gives_the_unit(sentence, text, unit):
    c = next(c for c in textmine.extract(sentence, year=2020, classify=False) if c.text == text)
    assert (c.kind, c.unit) == ("count", unit)
