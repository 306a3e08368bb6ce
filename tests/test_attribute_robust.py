"""Robustness of extraction with attribution: a whole report's claims are lost when any rule
raises, so no text may make it raise. The texts are recombined from the project's own test
sentences (``test_attribute.SENTENCES``) the way real files come: cut at any place, joined
with or without a boundary, after a title, heading, dateline or header line, with time and
span words put in at any place, in a report of a known year or of none."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from textmine.api import Extractor
from test_attribute import SENTENCES

POOL = sorted({s[0] for s in SENTENCES})
INSERTS = ["，", "；", "。", "、", "（", "）", "：", "\n", "其中", "分别", "由", "从", "到", "提高到",
           "增长", "比上年", "上年", "以来", "今年以来，", "2019年至2023年", "过去五年", "到2025年",
           "年均", "上半年", "1-6月", "截至6月底", "预计", "力争", "目标", "实际", "同比", "第一",
           "连续3年", "2023年", "1.2万元", "%"]
HEADS = ["", "2023年某县政府工作报告\n", "一、主要工作\n", "本报讯（记者 王明）", "# year=2024\n",
         "# region=广西\n"]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(classify=False)


@st.composite
def pieces(draw) -> str:
    """One sentence of the pool, cut to any part of it, with one inserted word or none."""
    s = draw(st.sampled_from(POOL))
    a = draw(st.integers(0, len(s)))
    b = draw(st.integers(a, len(s)))
    s = s[a:b] if draw(st.booleans()) else s
    if draw(st.booleans()):
        at = draw(st.integers(0, len(s)))
        s = s[:at] + draw(st.sampled_from(INSERTS)) + s[at:]
    return s


LEADS = ["", "今年以来，", "2024年以来，", "党的十八大以来，", "过去五年，", "到2025年，", "上半年，",
         "截至6月底，", "2019年至2023年，", "去年", "全年", "“十四五”时期，", "预计", "力争"]
SUBJECTS = ["", "全县", "贵州省", "城镇新增就业", "全镇集体经济收入", "地区生产总值", "其中"]
FORMS = ["由{a}提高到{b}", "从{a}增加到{b}", "增长{p}", "达到{b}，比上年增长{p}", "分别为{a}、{b}",
         "{a}，完成年度目标的{p}", "由上年的{a}下降到{b}", "年均增长{p}", "比2020年增加{a}"]


@st.composite
def clauses(draw) -> str:
    """A clause of the shapes reports state figures in: a time lead, a subject, a figure or a
    span of two, in any combination."""
    form = draw(st.sampled_from(FORMS)).format(
        a=draw(st.sampled_from(["860万元", "1.2万元", "5%", "12个"])),
        b=draw(st.sampled_from(["1120万元", "1.4万元", "8.5%", "20个"])),
        p=draw(st.sampled_from(["6.5%", "10%左右", "两成", "105.2%"])))
    return draw(st.sampled_from(LEADS)) + draw(st.sampled_from(SUBJECTS)) + form


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from(HEADS), parts=st.lists(pieces() | clauses(), min_size=1, max_size=6),
       joiner=st.sampled_from(["", "\n", "。", "；"]), year=st.sampled_from([None, 2020, 2024, 2026]))
def test_no_text_makes_attribution_raise(extractor, head, parts, joiner, year):
    claims = extractor.extract_text(head + joiner.join(parts), year=year)
    for c in claims:  # (every claim attributed: a role, and a period or none)
        assert c.role in ("outcome", "target", "plan", "forecast")
