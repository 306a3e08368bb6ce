"""Which number expressions are claims: one row per rule of data/exclusions.toml and of
claims.md's guidelines (sentence -> the claim texts kept). No spaCy: the number layer and the
selection alone."""
from __future__ import annotations

import pytest

from textmine.nlp.claims import select_claims
from textmine.parse.numbers import find_numbers


def kept(sentence: str) -> list[str]:
    return [m.text for m in select_claims(sentence, find_numbers(sentence, 2020))]


SELECTION = [
    # names and slogans ([names])
    ("落实六稳六保任务，投入资金3亿元。", ["3亿元"]),
    ("一方有难、八方支援，捐款120万元。", ["120万元"]),
    ("九年义务教育巩固率达到95%。", ["95%"]),
    ("全县学前三年毛入园率提高到92.6%。", ["92.6%"]),  # (the name of a statistic)
    ("三次产业结构进一步优化，服务业占比50.3%。", ["50.3%"]),
    ("推进万企兴万村行动，结对帮扶村庄36个。", ["36个"]),
    # 个体 is a word: the number counts the households after it (not 620多万个)
    ("全省620多万个体工商户享受减税政策。", ["620多万"]),
    # 眼 counts wells in digits; a Chinese numeral before it is a glance or the eyes
    ("群众两眼放光，新打机井12眼。", ["12眼"]),
    # adverbs that look like a number and a unit: 一方面 (not 一方 of earth), 一度 (at one time)
    ("一方面稳投资，一方面促消费，全年新增投资3亿元。", ["3亿元"]),
    ("物价一度上涨较快，全年上涨2.1%，节约用电一度电省0.5元。", ["2.1%", "一度", "0.5元"]),
    # wheels (三轮车, 两轮驱动), not rounds (督查4轮)
    ("新购三轮车12辆，坚持两轮驱动，开展督查4轮。", ["12辆", "4轮"]),
    # ... 方面, 方向, 方案 after a number (not 方 of earth): 土方 stays a volume
    ("重点抓好两方面工作，全年清运土方4000方。", ["4000方"]),
    ("比选三方案后，打通两方向通道12公里。", ["12公里"]),
    # titles, document numbers, quoted names
    ("印发《某县2020年消费扶贫行动方案》，采购农产品592万公斤。", ["592万公斤"]),
    ("根据〔2016〕60号文件，下达资金8000万元。", ["8000万元"]),
    ("实施“1+3+16”帮扶模式，覆盖12个乡镇。", ["12个"]),
    # list markers
    ("（一）完成投资5亿元。", ["5亿元"]),
    ("附件：1.2024年项目清单，2.资金分配表。", []),  # (a marker before a year: no 1.2024 years)
    # identifiers in a page's footer and contact lines; calls counted stay
    ("网站标识码：5227000012 黔ICP备06001234号-2 联系电话：0854-8221234 邮编：558000", []),
    ("全年接听热线电话1.2万次。", ["1.2万次"]),
    # a service line's number before its name (was 12333人, a count); a count before a
    # clause that names a line stays
    ("全省12333人社服务热线接听来电260万个。", ["260万个"]),
    ("全市新增就业12333人，服务平台同步上线。", ["12333人"]),
    ("一是新建车间12个，二是培训劳动力300人次。", ["12个", "300人次"]),
    # numbered slogans and programmes
    ("坚持五个持续，新增就业岗位1200个。", ["1200个"]),
    ("构建九大体系，建成基地46个。", ["46个"]),
    ("启动十百千工程，培育企业100家。", ["100家"]),
    # a slogan, the idiom of priority and anniversaries (events' names); a rank stays
    ("调动县乡两个积极性，新建项目18个。", ["18个"]),
    # a grade is no count of levels; tiers stay (县乡村三级)
    ("一级补助3万元/户，二级补助1万元/户。", ["3万元/户", "1万元/户"]),
    ("新建三级医院2家，县乡村三级服务网络覆盖率100%。", ["2家", "三级", "100%"]),  # (a guard)
    # a grade in a person's title is part of the title (二级巡视员), not a count of levels
    ("市民政局二级调研员王某出席并讲话，全市80个社区参加。", ["80个"]),
    ("四级主任科员2名，省市县乡四级联动。", ["2名", "四级"]),
    ("审计了所属86个二级单位。", ["86个"]),  # (a unit's grade in its name)
    # a count of provinces as a collective noun (东部8省市, 两省区); a slogan of one per place
    ("东部8省市向西部10省区市派出干部，广西、贵州两省区实行一县一策。", ["8省市", "10省区市", "两省区"]),
    ("始终把群众安全摆在第一位，转移群众2300人。", ["2300人"]),
    ("全县评比中排在第一位。", ["第一位"]),
    ("今年是建县70周年，也是撤乡并镇二十周年，新增企业36家。", ["今年", "36家"]),
    # codes, editions, plan names, size classes
    ("建成5G基站320个。", ["320个"]),
    # a small number written with a magnitude is no code: its counted noun gives the unit
    ("全县计划实现0.8万贫困人口脱贫，引进人才0.3万名，设立编号2019的专户。", ["0.8万", "0.3万名"]),
    ("推广3D打印和4K超高清视频，新增60Hz屏幕产线2条。", ["2条"]),
    # ... but a number with a unit symbol of the units table is a measure, also before Chinese
    ("全市算力规模突破120Eflops，储能电池产能达38GWh，光伏装机2.5GW。",
     ["突破120Eflops", "38GWh", "2.5GW"]),
    ("修建健身步道12km，人均日用电量3kWh。", ["12km", "3kWh"]),
    # a bare number after the name of an index, a coefficient or a ratio of sums is its value
    ("全省城乡居民收入比为2.41，基尼系数0.45，设立编号2019的专户。", ["2.41", "0.45"]),
    ("城乡收入倍差由2.9缩小到2.7，入驻832平台。", ["2.9", "2.7"]),
    # ... also after the time of the span's start (由上年的, 从2020年的)
    ("城乡居民收入比由上年的2.52缩小到2.46。", ["上年", "2.52", "2.46"]),
    # a ratio to one is a multiple; to another number it is none of the figures the
    # guidelines name, nor is a time of day
    ("收入之比为2.6:1，按3:2分担，9:30开会。", ["2.6:1"]),
    ("全县收入倍差从2020年的2.8缩小到2.6。", ["2020年", "2.8", "2.6"]),
    # ... also the span's end after its year, and a change of the ratio right after its name
    ("城乡居民收入比由2020年的2.45缩小到2023年的2.32。", ["2020年", "2.45", "2023年", "2.32"]),
    ("城乡居民收入比缩小0.06，设立编号2019的专户。", ["0.06"]),
    ("室内温度不低于18℃。", ["不低于18℃"]),
    # the end of 由X降至Y written bare: a claim in the start's unit when the start is a
    # percentage or the end is zero (not a sum whose magnitude it does not say)
    ("全县贫困发生率由2015年的19.4%降至0，设立编号2019的专户。", ["2015年", "19.4%", "0"]),
    ("全县贫困人口从8600人减少到零。", ["8600人", "零"]),
    ("全县投资由5亿元增加到8，入驻832平台。", ["5亿元"]),
    ("第十二届农交会签约金额18亿元。", ["18亿元"]),
    ("实施三年行动，累计投资26亿元。", ["26亿元"]),
    ("2019年计划脱贫560户，实施三年行动计划。", ["2019年", "560户"]),  # a year is no duration
    ("打造千亿级产业集群，产值增长8.5%。", ["8.5%"]),
    # project phases and tiers of government
    ("国家区域医疗中心二期项目建成，新增床位800张。", ["800张"]),
    ("一期工程投资2亿元。", ["2亿元"]),
    ("推进三北六期宁夏建设工程，完成造林12万亩。", ["12万亩"]),
    # tiers of government are borderline (optional in the gold files) and kept: they also
    # bound the indicator of the number after them (市区两级到位帮扶资金54.52亿元)
    ("建立省市县三级联动机制，市区两级投入资金3亿元。", ["三级", "两级", "3亿元"]),
    ("行政办公区二期建成，主题公园二期开工，新增床位600张。", ["600张"]),
    ("城市轨道交通地铁三期建设规划获批，新开通线路46公里。", ["46公里"]),
    ("基地一期8GW、二期15GW产能相继投产。", ["8GW", "15GW"]),
    ("逐步打破城乡二元结构，每亩补贴三元，形成产销三元布局。", ["三元"]),
    # plenums, grades of classes, counts of quoted slogans, the outline of a speech, lines
    ("落实省委十二届六次全会部署，新增就业岗位3000个。", ["3000个"]),
    ("全面消除劣四类水体，全市二级以上综合医院达到56家。", ["56家"]),
    ("抓实三个“重点环节”，建成社区食堂120个。", ["120个"]),
    ("重点做好以下八个方面工作，全年安排资金8亿元。", ["8亿元"]),
    ("守住耕地和安全两条底线，粮食产量达到600万吨。", ["600万吨"]),
    ("召开会议三次，建成一级站点5个。", ["三次", "5个"]),
    ("分三期建设，举办三期培训班。", ["三期", "三期"]),
    ("航空零部件产值增长15%，建成3人制篮球场40个。", ["15%", "40个"]),
    # units: 微克 with its denominator, 亩次 with its qualifier
    ("PM2.5年平均浓度不高于23微克/立方米。", ["不高于23微克/立方米"]),
    ("农机作业服务面积60万亩次以上。", ["60万亩次以上"]),
    ("天然气产能达到22亿方，清淤50万方。", ["22亿方", "50万方"]),
    ("签订三方协议126份。", ["126份"]),
    # regional groupings named by direction and number, but a province's counties are counted
    ("推动通州区与北三县协同发展，东北三省新增园区4个。", ["4个"]),
    ("江西三县入选，城北三个村庄完成改造。", ["三县", "三个"]),
    # a phase count is a count; a date in figures is a date
    ("截至2019-12-31，全县完成投资5亿元。", ["2019-12-31", "5亿元"]),
    # articles are not counts
    ("建成一批扶贫车间，吸纳就业一个。", []),
    # a fraction of a whole is a share (of a noun after 的, after 占 or a verb of change);
    # a fraction that is no share (a game's 1/4决赛) is not
    ("约四分之一的农户入社，审批时限压缩三分之一以上，占全省五分之二。",
     ["约四分之一", "三分之一以上", "五分之二"]),
    ("进入1/4决赛，三又三分之一。", []),
    # ... also after a share's word in its clause, 占 far before it too (were none)
    ("全县民生支出比重为三分之二，民生支出占一般公共预算支出的比重超过四分之三。",
     ["三分之二", "超过四分之三"]),
]


@pytest.mark.parametrize("sentence,text,value,qualifier,lower,upper,change", [
    ("约四分之一的农户入社。", "约四分之一", 25, "about", 22.5, 27.5, None),
    # (a share that does not end: to two decimal places, as statistics print it)
    ("审批事项削减三分之二。", "三分之二", 66.67, "exact", 66.67, 66.67, "decrease"),
    ("有3/5的村建成合作社。", "3/5", 60, "exact", 60, 60, None),
])
def test_a_fraction_of_a_whole_is_a_percent(sentence, text, value, qualifier, lower, upper, change):
    import textmine
    c = next(c for c in textmine.extract(sentence, classify=False, year=2024) if c.text == text)
    assert (c.kind, c.unit, c.qualifier, c.change) == ("percent", "%", qualifier, change)
    for got, want in ((c.value, value), (c.lower, lower), (c.upper, upper)):
        assert float(got) == pytest.approx(want)


@pytest.mark.parametrize("sentence,text,value,lower,upper", [
    # a growth of a negative rate is a fall of its size (the direction of a change is no
    # part of the value: was -6.8 and an increase)
    ("全年水泥产量增长-6.8%。", "-6.8%", 6.8, 6.8, 6.8),
    ("人口自然增长率为-0.65‰。", "-0.65‰", 0.065, 0.065, 0.065),
])
def test_a_negative_growth_is_a_decrease(sentence, text, value, lower, upper):
    import textmine
    c = next(c for c in textmine.extract(sentence, classify=False, year=2024) if c.text == text)
    assert c.change == "decrease"
    for got, want in ((c.value, value), (c.lower, lower), (c.upper, upper)):
        assert float(got) == pytest.approx(want)


@pytest.mark.parametrize("sentence,expected", SELECTION)
def test_claim_selection(sentence, expected):
    assert kept(sentence) == expected


# ---------------------------------------------------------------- the patterns' needed characters

def _patterns_with_needs():
    from textmine.parse.tables import table
    return [(p["re"], p["needs"]) for p in table("exclusions")["patterns"] if p.get("needs")]


@pytest.mark.parametrize("pattern,needs", _patterns_with_needs())
def test_every_match_of_a_pattern_holds_a_character_it_needs(pattern, needs):
    """``needs`` lets a sentence skip a pattern: true only if every match holds one of them."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st
    rx = re.compile(pattern)

    @settings(max_examples=150, deadline=None)
    @given(st.from_regex(rx))
    def check(s):
        for m in rx.finditer(s):
            if m.end() > m.start():
                assert set(m.group()) & set(needs), (pattern, m.group())

    check()


def test_needs_leave_the_excluded_spans_as_they_were():
    """The spans with the needs applied equal the spans of every pattern searched."""
    import re

    from textmine.nlp.claims import _exclusions, excluded_spans
    texts = [s for s, _ in SELECTION] + ["十大工程、“三个一批”与2020年行动计划；A2021号文件第三届会议",
                                         "600519.SH 股价", "推进五个一批工程，实施八大行动"]
    for text in texts:
        every = sorted((m.start(), m.end()) for p, _ in _exclusions() for m in p.finditer(text)
                       if m.end() > m.start())
        assert sorted(excluded_spans(text)) == every, text
    assert any(needs for _, needs in _exclusions())
    assert all(isinstance(p, re.Pattern) for p, _ in _exclusions())


@pytest.mark.parametrize("sentence,text,change", [
    ("国内生产总值增长6.9%。", "6.9%", "increase"),
    ("比上年增加1839亿元。", "1839亿元", "increase"),
    ("增加到82.7万亿元。", "82.7万亿元", None),  # a level reached by a change
    # a difference from a base named right before it (比X高/多/低/少) is a change too ...
    ("居民消费价格上涨2.0%，比上年低0.5个百分点。", "0.5个百分点", "decrease"),
    ("粮食产量比去年多50亿斤。", "50亿斤", "increase"),
    ("人均收入比全国平均水平高15%。", "15%", "increase"),
    ("赤字率比去年预算少0.2个百分点。", "0.2个百分点", "decrease"),
    # ... not a word of degree without a base, nor 比重/比例
    ("占比高达30%。", "30%", None),
    ("第三产业比重高达45%。", "45%", None),
    ("较多的12个县已摘帽。", "12个", None),
    # an amount after a verb of reduction and what it reduces: by how much, not what is left
    ("全县减少贫困人口1.2万人。", "1.2万人", "decrease"),
    ("今年再压减粗钢产能1200万吨左右。", "1200万吨左右", "decrease"),
    ("全县贫困人口减少到3200人。", "3200人", None),  # (a level reached)
    ("“十三五”期间，全县累计减贫5.6万人。", "5.6万人", "decrease"),  # (减贫: the poor reduced by)
    ("全市规模以上工业增加值1200亿元。", "1200亿元", None),  # (增加值: a noun)
    # income raised, a pace quickened or slowed, a time lengthened: changes too
    ("户均增收3200元。", "3200元", "increase"),
    ("支出进度比上年同期加快3个百分点。", "3个百分点", "increase"),
    ("增速比上月放缓0.5个百分点。", "0.5个百分点", "decrease"),
    ("办理时限比上年延长2天。", "2天", "increase"),
])
def test_the_direction_of_a_change(sentence, text, change):
    import textmine
    c = next(c for c in textmine.extract(sentence, classify=False, year=2024) if c.text == text)
    assert c.change == change


@pytest.mark.parametrize("sentence,text,per", [
    # money after 每 and a unit (a time after a second 每) is per that unit, as 元/人 is
    ("按每人800元的标准发放一次性求职补贴。", "800元", "人"),
    ("城市低保标准提高到每人每月780元。", "780元", "人•月"),
    ("每户最高不超过8000元。", "不超过8000元", "户"),
    ("按每平方米150元的标准给予补助。", "150元", "平方米"),
    # ... so is a standard per head (人均…标准) and the end of a span whose start is per one
    ("城乡居民医保人均财政补助标准由580元提高到610元。", "610元", "人"),
    ("基础养老金最低标准由每人每月143元提高到163元。", "163元", "人•月"),
    # ... and the next item of a list after one (分别…每人每月700元和520元)
    ("城乡低保标准分别提高到每人每月700元和520元。", "520元", "人•月"),
    ("每人每月补助300元和一次性奖励2000元。", "2000元", None),  # (words between: its own)
    # an average (人均) and a sum a year are no rates (guards)
    ("城乡居民人均可支配收入2.1万元。", "2.1万元", None),
    ("每年安排衔接资金3亿元。", "3亿元", None),
])
def test_money_per_a_unit_written_before_it(sentence, text, per):
    import textmine
    c = next(c for c in textmine.extract(sentence, classify=False, year=2024) if c.text == text)
    assert c.per == per

