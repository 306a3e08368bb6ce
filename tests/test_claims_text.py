"""End to end on small hand-written bulletins: claims found, names and slogans excluded,
GB18030 = UTF-8, and the ``extract`` CLI (jsonl contract, bad files in a batch)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

import cli
import textmine

BULLETIN = """河西县对口帮扶工作情况通报
今年以来，河西县坚持“六稳六保”工作要求，紧扣两不愁三保障目标，认真落实《河西县2020年消费扶贫行动方案》，各项工作有序推进。
一是资金项目加快落地。上半年，全县到位帮扶资金3.6亿元，安排项目215个，已开工198个，开工率达92.1%。截至6月底，已完工项目87个，带动贫困人口1.8万余人增收。
二是消费扶贫持续发力。3月12日、5月20日，县里分别举办产销对接会，销售扶贫产品1300多种，新设扶贫专柜46个，线上销售额同比增长35%。
三是就业帮扶扎实有效。全县构建“1+3+16”帮扶体系，推动五个持续，组织劳务输出2400余人，新建扶贫车间12个，力争9月底前实现帮扶村全覆盖。
"""

# (text, kind, value, unit, qualifier, lower, upper, indicator must contain)
EXPECTED = [
    ("上半年", "date", "2020-01/2020-06", "date", "range", None, None, None),
    ("3.6亿元", "money", 360000000, "元", "exact", 360000000, 360000000, "帮扶资金"),
    ("215个", "count", 215, "个", "exact", 215, 215, "安排项目"),
    ("198个", "count", 198, "个", "exact", 198, 198, "已开工"),
    ("92.1%", "percent", 92.1, "%", "exact", 92.1, 92.1, "开工率"),
    ("6月底", "date", "2020-06", "date", "end", None, None, None),
    ("87个", "count", 87, "个", "exact", 87, 87, "已完工"),
    ("1.8万余人", "count", 18000, "人", "over", 18000, 19000, "贫困人口"),
    ("3月12日", "date", "2020-03-12", "date", "exact", None, None, None),
    ("5月20日", "date", "2020-05-20", "date", "exact", None, None, None),
    ("1300多种", "count", 1300, "种", "over", 1300, 1400, "扶贫产品"),
    ("46个", "count", 46, "个", "exact", 46, 46, "扶贫专柜"),
    ("35%", "percent", 35, "%", "exact", 35, 35, None),
    ("2400余人", "count", 2400, "人", "over", 2400, 2500, "劳务输出"),
    ("12个", "count", 12, "个", "exact", 12, 12, "扶贫车间"),
    ("9月底前", "date", "2020-09", "date", "before", None, None, None),
]

EXCLUDED = ["六稳六保", "两不愁三保障", "《河西县2020年消费扶贫行动方案》", "一是", "二是", "三是",
            "“1+3+16”", "五个持续"]

MORE = """北岭市2020年产业帮扶工作月报
1-10月，全市引进帮扶企业137家，投资总额54.52亿元，新增种植基地2000多亩，收购农产品592万公斤。
全市农民合作社覆盖率超过80%，贫困户人均纯收入约1.2万元，较去年提高2.3个百分点。
"""


def _num(v):
    return v if v is None or isinstance(v, str) else Decimal(str(v))


@pytest.fixture(scope="module")
def claims():
    return [c.to_dict() for c in textmine.extract(BULLETIN, year=2020, classify=False)]


@pytest.mark.parametrize("text,kind,value,unit,qualifier,lower,upper,indicator", EXPECTED)
def test_bulletin_claims(claims, text, kind, value, unit, qualifier, lower, upper, indicator):
    hits = [c for c in claims if c["text"] == text]
    assert hits, [c["text"] for c in claims]
    c = hits[0]
    assert (c["kind"], c["unit"], c["qualifier"]) == (kind, unit, qualifier)
    assert _num(c["value"]) == _num(value)
    assert _num(c["lower"]) == _num(lower) and _num(c["upper"]) == _num(upper)
    assert c["sentence"][c["start"]:c["end"]] == c["text"]
    if indicator:
        assert indicator in c["indicator"]


@pytest.mark.parametrize("name", EXCLUDED)
def test_names_and_slogans_give_no_claim(claims, name):
    """Every occurrence of the name is checked, in every sentence that holds it, whether or
    not that sentence gave claims (a sentence without claims passes by having none there)."""
    sentences = [s.text for s in textmine.Extractor(classify=False).sentences(
        textmine.document_from_text(BULLETIN, year=2020))]
    holding = [s for s in sentences if name in s]
    assert holding, f"{name} is in no sentence of the bulletin"
    for sent in holding:
        at = sent.find(name)
        spans = [(c["start"], c["end"], c["text"]) for c in claims if c["sentence"] == sent]
        while at >= 0:
            inside = [t for a, b, t in spans if a < at + len(name) and b > at]
            assert inside == [], (name, sent, inside)
            at = sent.find(name, at + 1)


def test_indicators_hold_no_other_number():
    text = "3月12日、5月20日，县里举办对接会，签约采购合同46份，销售扶贫产品1300多种8.2亿余元。"
    for c in textmine.extract(text, year=2020, classify=False):
        ind = c.indicator if hasattr(c, "indicator") else c.to_dict()["indicator"]
        assert not any(ch.isdigit() for ch in ind), (c.to_dict()["text"], ind)


def test_indicator_of_adjacent_numbers_and_of_dates():
    """Two numbers in one phrase share its words; a date at the head of a sentence is
    measured by the event of the next clause."""
    text = "3月12日、5月20日，县里举办对接会，签约采购合同46份，销售扶贫产品1300多种8.2亿余元。"
    got = {c.text: c.indicator for c in textmine.extract(text, year=2020, classify=False)}
    assert got["1300多种"] == got["8.2亿余元"] == "销售扶贫产品"
    assert got["46份"] == "签约采购合同"
    assert got["3月12日"] == got["5月20日"] == "县里举办对接会"


@pytest.mark.parametrize("sentence,events", [
    # dates listed before their event and a count of times: the event after both
    ("4月9日、7月15日、10月28日三次召开协作联席会议，部署年度任务。",
     {"4月9日": "召开协作联席会议", "10月28日": "召开协作联席会议", "三次": "召开协作联席会议"}),
    ("6月18日两次召开调度会，推进项目建设。", {"6月18日": "召开调度会", "两次": "召开调度会"}),
    # ... also parts of months and ranges of days in the list, and a count of times inside
    # the event (完成两次排查: the event the count has)
    ("县里分别于4月上旬、10月下旬组织两轮入户核查。",
     {"4月上旬": "组织两轮入户核查", "10月下旬": "组织两轮入户核查"}),
    ("分别于3月2日至4日、8月6日至9日举办农产品产销对接会。",
     {"3月2日至4日": "举办农产品产销对接会", "8月6日至9日": "举办农产品产销对接会"}),
    ("1月底、7月底完成两次全面排查。", {"1月底": "完成全面排查", "7月底": "完成全面排查"}),
    # 以来 closing 自…以来 is the time's word, not the event's
    ("自2019年实施消费帮扶行动以来，销售农产品3亿元。", {"2019年": "实施消费帮扶行动"}),
    # ... not a 一次性 (once-off) after a time word, which is the words' own
    ("去年一次性补助资金减少，今年收入增速放缓。", {"去年": "一次性补助资金减少"}),
    # ... or the next clause's: who acted, how often, then what was done
    ("5月12日、9月3日，省委主要负责同志两次赴对口地区考察，签订协议8份。",
     {"5月12日": "赴对口地区考察", "9月3日": "赴对口地区考察"}),
    ("4月8日，市领导赴四川凉山州调研。", {"4月8日": "市领导赴四川凉山州调研"}),  # (its place kept)
    # an ordinal names the event, it does not end it (第二次会议, 第12次常委会会议)
    ("2月18日，召开第二次协作联席会议。", {"2月18日": "召开第二次协作联席会议"}),
    ("7月3日，县委召开第9次常委会会议。", {"7月3日": "县委召开第9次常委会会议"}),
    # a venue is cut from a long event, a place alone is kept, and so is a meeting's 上
    ("3月2日，全县第三次劳务协作推进会在县政务中心会议室召开。", {"3月2日": "全县第三次劳务协作推进会召开"}),
    ("——2025年1月12日在某县第十八届人民代表大会第六次会议上", {"2025年1月12日": "人民代表大会第六次会议"}),
    # an ordinal of more numerals is one (第二十三次: no count of times 十三次 inside it)
    ("——2024年8月30日在县人大常委会第二十三次会议上", {"2024年8月30日": "县人大常委会第二十三次会议"}),
    # a news lead before a date is no event of it (本报讯, a dateline and its reporter)
    ("本报讯 6月20日，全县消费帮扶产品展销会开幕。", {"6月20日": "全县消费帮扶产品展销会开幕"}),
    ("新华社讯 今年以来，全县培训农村劳动力4200人次。", {"今年以来": "全县培训农村劳动力"}),
])
def test_the_event_of_a_date(sentence, events):
    got = {c.text: c.indicator for c in textmine.extract(sentence, year=2020, classify=False)}
    assert {t: got.get(t) for t in events} == events, got


LIST_ITEMS = [
    # (line, figure, indicator): list markers and brackets name nothing
    ("（一）重点贫困乡镇：2个（甲镇、乙镇）。", "2个", "重点贫困乡镇"),
    ("3.东山镇6个：上村、中村、下村。", "6个", "东山镇"),
    ("2.普通高中（高一、高二年级）（2100元/生•年）", "2100元/生•年", "普通高中高一、高二年级"),
    ("1.贫困人口识别准确率达到98%以上；", "98%以上", "贫困人口识别准确率"),
    ("二、全年新增城镇就业3.2万人。", "3.2万人", "新增城镇就业"),
    # a list item that starts with its figure: its words follow it, up to the next item
    ("推进5万吨级秸秆综合利用、20兆瓦时液流电池储能等项目建设。", "20兆瓦时", "液流电池储能"),
    ("免费开展孕前优生检查、0—3岁婴幼儿发育筛查和儿童口腔保健。", "0—3岁", "婴幼儿发育筛查"),
    ("新建学校5所、医院3家。", "3家", "新建医院"),  # (the next object of the first item's verb)
    # a bracket that is a note (含…, 不含…) on the words before it names nothing
    ("社会组织投入帮扶资金（含物资折价）2.6亿元。", "2.6亿元", "社会组织投入帮扶资金"),
    # a bracket of one or two characters inside a name is part of it
    ("每千人口执业（助理）医师数达到3.1人。", "3.1人", "每千人口执业（助理）医师数"),
    # a plan period cut off by the 14 characters leaves no 时期 behind
    ("“十四五”时期全县规上（限上）商贸企业新增数量120家。", "120家", "规上（限上）商贸企业新增数量"),
    # ... a bracket of one or two characters is part of the name, a longer one another name
    ("设立农产品展销中心（馆）8个、专柜60个。", "8个", "设立农产品展销中心馆"),
    ("新建村民议事会（理事会）300个。", "300个", "新建村民议事会"),
    ("补助标准为本科4000元/生•年、专科（高职）3000元/生•年。", "3000元/生•年", "专科高职"),
    # 共建, 在建: words that begin with a leading word keep it
    ("两地共建园区9个，在建项目41个。", "9个", "两地共建园区"),
    ("两地共建园区9个，在建项目41个。", "41个", "在建项目"),
    # an abbreviation in brackets neither ends the clause nor is part of the name
    ("全县居民消费价格（CPI）比上年上涨1.1%。", "1.1%", "全县居民消费价格比上年上涨"),
    ("规模以上工业增加值（下同）增长6.6%。", "6.6%", "规模以上工业增加值增长"),
    # 达 ending another verb (下达, 传达) is no verb of a level reached
    ("其中，定西市下达23.4亿元。", "23.4亿元", "定西市下达"),
    # ... nor one with digits after its letters (PM2.5, PM10); a bracket that says what the
    # name means (与…之比, 即…) is a note on it, not the name
    ("全县细颗粒物（PM2.5）年均浓度为26微克/立方米。", "26微克/立方米", "全县细颗粒物年均浓度"),
    ("市区可吸入颗粒物（PM10）平均浓度下降3.1%。", "3.1%", "市区可吸入颗粒物平均浓度下降"),
    ("全市研发经费投入强度（与地区生产总值之比）为2.15%。", "2.15%", "全市研发经费投入强度"),
    # a per-head tail left by the verb of a level reached is no part of the name
    ("城乡居民基础养老金月人均提高到210元。", "210元", "城乡居民基础养老金"),
    # 分别 names nothing: dropped, and the subject it would push past the limit stays
    ("城乡居民人均可支配收入分别增长4.4%和6.3%。", "6.3%", "城乡居民人均可支配收入增长"),
]


COUNTED_NOUNS = [
    # (sentence, figure, indicator): what a figure counts or measures, when it follows it
    ("市人社局举办30余场“春风行动”招聘会。", "30余场", "举办“春风行动”招聘会"),  # a quoted name
    ("开通12趟旅游专列。", "12趟", "开通旅游专列"),
    ("对口支援的54个县，全部摘帽。", "54个", "对口支援的县"),  # a place noun of one character
    ("全省四级320个就业服务站全部建成。", "320个", "就业服务站"),  # after another figure
    ("980所受灾学校全部如期开学。", "980所", "受灾学校"),  # not the verb or adverb after it
    # a quantity after words of building alone (jieba tags 新建, 建设 otherwise than verbs):
    # what is built (was the verb alone)
    ("全年新建450兆瓦风电场。", "450兆瓦", "新建风电场"),
    ("开工建设300兆瓦抽水蓄能电站。", "300兆瓦", "开工建设抽水蓄能电站"),
    ("海拔2100米的村寨。", "2100米", "海拔"),  # (a guard: a noun before it says what it measures)
    ("新建120所县医院。", "120所", "新建县医院"),
    # the verb a clause opens with, when examples of what is counted stand before 等
    ("召开县委常委会、专题推进会等20多次会议。", "20多次", "召开会议"),
    ("制定实施《就业帮扶方案》《技能培训细则》等8个文件。", "8个", "制定实施文件"),
    ("出台通用航空、低空经济等12项支持政策。", "12项", "出台支持政策"),  # one verb: 通用 a name's
    ("在城东、城西等6个市场设立专柜。", "6个", "市场设立专柜"),  # no verb: 在
    # a noun that begins with 上, 下 or 近 (stops of qualifiers: 以上, 上下)
    ("培育8家上市公司。", "8家", "培育上市公司"), ("吸引40家上海企业。", "40家", "吸引上海企业"),
    ("带动300人上下。", "300人上下", "带动"),
    # a stop character inside a word: part of a noun (网上, 人均), else the noun ends before
    # the word, not inside it (参与: not 志愿者参)
    ("开展30场网上招聘活动。", "30场", "开展网上招聘活动"), ("组织800名志愿者参与巡查。", "800名", "组织志愿者"),
    # a verb after a number of times is no noun: what the subject did, with the subject
    ("市领导20多次作出批示。", "20多次", "市领导作出批示"),
    ("三次提高出口退税率。", "三次", "提高出口退税率"),
    ("培训农民3000人次。", "3000人次", "培训农民"),  # (人次: people, not times)
    ("全县按照20%的比例抽查。", "20%", "比例"),  # a share after 按照: what 的 leads to
    ("全县抽查20%的农户。", "20%", "全县抽查"),  # ... not after a verb
    ("建成54个县级对口帮扶基地。", "54个", "建成县级对口帮扶基地"),  # 对 only as a word of its own
    # a noun longer than the window, whole to its head when no verb stands in it (not 产业)
    ("今年认定9个自治州级现代产业学院。", "9个", "认定自治州级现代产业学院"),
    ("两年资助1500名中部农村家庭经济困难学生。", "1500名", "资助中部农村家庭经济困难学生"),
    ("全市36家市管企业按照协议采购农产品。", "36家", "市管企业"),  # a preposition ends it
    ("全省12项约束性指标全部完成。", "12项", "约束性指标"),  # 约 begins a word, no qualifier
    ("引导80家本地民营企业结对帮扶脱贫村。", "80家", "引导本地民营企业"),  # ... so does a verb
    ("全年帮助3200万农民工实现就业。", "3200万", "帮助农民工"),  # a count without a measure word
    ("去年，650万困难群众纳入低保范围。", "650万", "困难群众纳入低保范围"),
    ("全年完成3.2万亩高标准农田建设。", "3.2万亩", "完成高标准农田建设"),  # a quantity after a verb
    ("为50所海拔2000米以上学校供暖。", "2000米以上", "海拔"),  # ... not after a noun
    ("全年新建温室大棚1200亩。", "1200亩", "新建温室大棚"),  # nothing after it
    ("省财政安排12亿元灾后重建资金和3亿元救灾款。", "12亿元", "安排灾后重建资金"),  # a fund
    ("省财政安排12亿元灾后重建资金和3亿元救灾款。", "3亿元", "救灾款"),
    ("省财政安排12亿元资金，支持产业发展。", "12亿元", "省财政安排"),  # no more than 资金
    ("全省经济总量迈上5000亿元台阶。", "5000亿元", "全省经济总量"),
    ("62%的村庄和78%的农户用上清洁能源。", "62%", "村庄"),
    ("招募3000名义务讲解员。", "3000名", "招募义务讲解员"),  # 名 before 义务, not 名义
    # the words after a figure cut to MAX_LEN at a word's end (not …机构实 of 实施)
    ("在55%乡镇政府举办的公共卫生机构实施绩效改革。", "55%", "乡镇政府举办的公共卫生机构"),
    # a word of being there (有, 尚有, 还有) names nothing, nor a noun's negated verb (未开工)
    ("截至年底，尚有15个项目未开工。", "15个", "项目"), ("有8.4亿元专项资金未及时下达。", "8.4亿元", "专项资金"),
    ("全县还有2300人未脱贫。", "2300人", "未脱贫"),  # nor the whole jurisdiction alone
    ("全市仍有4个乡镇未通高速。", "4个", "乡镇未通高速"),  # (未通: one word, no adverb)
    ("为全县860名脱贫学生发放助学金。", "860名", "脱贫学生发放助学金"),  # 全县 is no verb
    ("用于产业发展的比例原则上不低于55%。", "不低于55%", "用于产业发展的比例"),  # nor 原则上 a word of it
]


DATE_EVENTS = [
    # (sentence, {date: event}): a list of dates, and after it as many events, one for each
    ("2月5日、3月9日、4月22日，县委书记主持召开领导小组会、脱贫攻坚推进会和县委常委会专题会议。",
     {"2月5日": "召开领导小组会", "3月9日": "召开脱贫攻坚推进会", "4月22日": "召开县委常委会专题会议"}),
    ("3月12日、5月20日，县里分别举办产销对接会和消费扶贫展销会，销售产品100种。",
     {"3月12日": "举办产销对接会", "5月20日": "举办消费扶贫展销会"}),
    # as many dates as events only: else all share the clause after them
    ("3月12日、5月20日，县里举办对接会。", {"3月12日": "县里举办对接会", "5月20日": "县里举办对接会"}),
    ("6月1日、7月1日，县里举办对接会、展销会和推介会。",
     {"6月1日": "举办对接会、展销会和推介会", "7月1日": "举办对接会、展销会和推介会"}),
    # a qualifier of the next figure (从不到50亿元) is no part of the event
    ("三年来，全县财政收入从不到50亿元增加到72亿元。", {"三年来": "全县财政收入"}),
    # a word that leads in to a time (刚刚过去的) is no event of it: the next clause is
    ("刚刚过去的2019年，全县各项目标任务全面完成。", {"2019年": "全县各项目标任务全面完成"}),
    # ... nor what is left of 截至 (全县截至6月底: not 全县截)
    ("全县截至6月底，累计发放小额信贷1.8亿元。", {"6月底": "全县"}),
    # 和 inside a word (和田) joins nothing
    ("4月2日、5月6日，在和田召开推进会和座谈会。", {"4月2日": "召开推进会", "5月6日": "召开座谈会"}),
    # words that name no event before a date at its clause's end (——, 截至, 从…起): the next
    # clause is its event; not when a figure of its own clause follows it (是2015年的1.5倍)
    ("——这三年，全县农村面貌显著改善。", {"这三年": "全县农村面貌显著改善"}),
    ("截至6月底，全县累计发放贷款3.2亿元。", {"6月底": "全县累计发放贷款"}),
    ("从2019年1月1日起，在全市推行垃圾分类。", {"2019年1月1日起": "全市推行垃圾分类"}),
    ("省财政安排资金800亿元，是2015年的1.5倍，全年新建校舍120所。", {"2015年": "省财政安排资金"}),
    # two events joined by 并: the date's is the first; 和 joins parts of a name as often
    ("各乡镇9月底前完成自查整改并报县里备案。", {"9月底前": "完成自查整改"}),
    ("县统计局发布2023年国民经济和社会发展统计公报。", {"2023年": "国民经济和社会发展统计公报"}),
    # a portal's posting line: full-width spaces are no part of the event
    ("发布时间\u3000\u30002020年03月15日\u3000\u3000来源：本站", {"2020年03月15日": "来源"}),
]


@pytest.mark.parametrize("sentence,expected", DATE_EVENTS)
def test_a_list_of_dates_takes_its_events_in_turn(sentence, expected):
    got = {c.text: c.indicator for c in textmine.extract(sentence, year=2020, classify=False)}
    assert {k: got.get(k) for k in expected} == expected


BENEFITED = [
    # (sentence, figure, indicator): a verb of benefiting alone takes the programme before it
    ("加大农村学生营养补助力度，1.2亿人次受益。", "1.2亿人次", "农村学生营养补助受益"),
    ("建立困难老人“三项补贴”制度，惠及86万人。", "86万人", "三项补贴惠及"),
    ("低保标准每月提高60元，120万人受益。", "120万人", "受益"),  # a figure's clause: no
    ("120万人受益。", "120万人", "受益"),  # no clause before
    # ... less what is said of its 制度 (基本建立), and 已有 names nothing either
    ("城乡居民大病保险制度基本建立，已有860万人次受益。", "860万人次", "城乡居民大病保险受益"),
    ("全县已有2.3万农村学生受益。", "2.3万", "农村学生受益"),
    ("目前距离全面完成搬迁任务只有3个月时间。", "3个月", "距离全面完成搬迁任务"),  # (只有)
]


RANKS_AND_TITLES = [
    # a rank whose clause is the verb of ranking alone ranks the subject of the clause before
    ("全县固定资产投资增长9%，居全州第二。", "第二", "全县固定资产投资"),
    # ... so does a rank whose words are only its scope (从世界第七位上升到第五位: was 世界)
    ("全年粮食进口总额达到860亿美元，从世界第七位上升到第五位。", "第五位", "粮食进口总额"),
    # a run of ranks after 分别 ranks the figures of the run before it in turn
    ("城镇、农村居民收入分别增长5.1%、6.3%，分别居全省第三、第一。", "第三", "城镇居民收入"),
    # list markers (一是) and adverbs (连续) are trimmed
    ("一是全县工业增速连续3年居全州前三。", "前三", "全县工业增速"),
    # (sentence, figure, indicator): a rank measures what stands before the verb of ranking
    # ... and an aspect alone (总量, 增速) is that of the figure before it
    ("全省研发投入年均增长9%，总量跃居全国第八位。", "第八位", "全省研发投入"),
    ("规模以上工业增加值增长8.1%，增速居全国第5位。", "第5位", "规模以上工业增加值增速"),
    # a change of output (增产) after the output carries its subject; 年均 and 连续多年 are trimmed
    ("粮食产量1.37万亿斤，增产74亿斤。", "74亿斤", "粮食产量增产"),
    ("城镇新增就业年均1270万人以上。", "1270万人以上", "城镇新增就业"),
    # a counted noun and what befell those counted: a flow, not the stock of the noun
    ("全县计划实现1.5万贫困人口脱贫。", "1.5万", "实现贫困人口脱贫"),
    ("38个贫困村出列。", "38个", "贫困村出列"),
    # ... also after its adverbs (全部, 已), the longest state whole
    ("全省66个贫困县全部脱贫摘帽。", "66个", "贫困县脱贫摘帽"),
    ("全市412个贫困村已全部出列。", "412个", "贫困村出列"),
    # ... and a noun that is its short clause's subject, its verb and object less 了
    ("五年来，30多万群众住上了安全住房。", "30多万", "群众住上安全住房"),
    ("今年全州9万户农户用上了清洁能源。", "9万户", "农户用上清洁能源"),
    ("全县8200名义务教育学生享受营养改善计划。", "8200名", "义务教育学生享受营养改善计划"),
    # a figure restated after 即 measures what the one before it does
    ("城市低保平均保障标准为每人每年8520元，即每人每月710元。", "710元", "城市低保平均保障标准"),
    # 组织 after another word ends a counted noun as its head, no verb (was 社会, 动员社会)
    ("全县58家社会组织与312个村结对帮扶。", "58家", "社会组织"),
    ("动员26家社会组织参与帮扶。", "26家", "动员社会组织"),
    # a kind of place of one character is a list's item (not the next item's, not the whole's)
    ("全市共有乡级行政区划210个，其中街道58个、镇96个、乡56个。", "96个", "镇"),
    ("全市共有乡级行政区划210个，其中街道58个、镇96个、乡56个。", "56个", "乡"),
    # ... not after a preposition that makes it an object, nor before a modal verb (guards)
    ("同时向32个脱贫县推送就业信息。", "32个", "脱贫县"),
    ("12个工作专班需要加强统筹协调。", "12个", "工作专班"),
    # a per-unit standard after 按照 (每平方米): the words after it say what it is
    ("按照每平方米150元的标准给予改造补助。", "150元", "改造补助标准"),
    # funds won (争取到): what was won, not the verb's remainder
    ("去年争取到专项债券5亿元。", "5亿元", "专项债券"),
    # adverbs of a series are no part of what was done (先后, 相继)
    ("全县先后三次举办产销对接会。", "三次", "全县举办产销对接会"),
    ("相继建成冷链仓储设施8座。", "8座", "建成冷链仓储设施"),
    # a count whose measure word has two characters (家次) names the noun after it too
    ("组织展销会80余场3000家次企业参展。", "3000家次", "企业参展"),
    # years and amounts in Chinese numerals end a phrase as figures in digits do
    ("农村居民人均可支配收入由二〇一五年的七千二百元增加到二〇二〇年的一万一千元。", "七千二百元",
     "农村居民人均可支配收入"),
    # a level after a streak's clause is what the streak is of (not 达到)
    ("粮食产量连续三年增长，达到1.3万亿斤。", "1.3万亿斤", "粮食产量"),
    # how long a rank has held is no part of what it ranks
    ("农村居民人均可支配收入增速连续三年位居全州前三。", "前三", "农村居民人均可支配收入增速"),
    # ... and the word of two characters before its cut (研发经费…, not 经费…)
    ("全省研发经费投入占地区生产总值比重达到2.1%。", "2.1%", "研发经费投入占地区生产总值比重"),
    # ... a body of one word with its jurisdiction (全国工会) keeps the body's name
    ("全国工会系统已采购脱贫地区农副产品52.7亿元。", "52.7亿元", "工会系统已采购脱贫地区农副产品"),
    # ... and words of an account at its end (预算安排, 完成) do not count toward its length
    ("省本级一般公共预算收入预算安排210.3亿元。", "210.3亿元", "省本级一般公共预算收入预算安排"),
    # a phrase cut to its length keeps a name's word whole (not 县农村居民…)
    ("脱贫县农村居民人均可支配收入增长7.5%。", "7.5%", "脱贫县农村居民人均可支配收入增长"),
    # a multiple's time base is no part of what it measures
    ("全省研发经费投入是“十三五”时期的1.6倍。", "1.6倍", "研发经费投入"),
    # (an aspect is a figure's: not that of a clause without one)
    ("收入年均增长6.5%，超过GDP增速，增幅连续4年居全国前六。", "前六", "增幅"),
    ("集装箱吞吐量1050万标箱，较“十三五”末翻了一番。", "翻了一番", "集装箱吞吐量"),
    ("全市营商环境评价排在全省第一名。", "第一名", "全市营商环境评价"),
    ("排名第三。", "第三", "排名"),  # nothing before the verb
    # a document's title is no part of what is counted, unless nothing else names it
    ("发放《稳岗政策问答》宣传册3000本。", "3000本", "发放宣传册"),
    ("印发《实施方案》10份。", "10份", "印发《实施方案》"),
]


SPANS_FROM_A_YEAR = [
    # (sentence, figure, indicator): 从2020年的X提高到Y: the subject without the year and
    # without 从 or 分别从; the year itself dates that subject, not 的
    ("居民人均收入从2020年的2万元提高到3万元。", "2万元", "居民人均收入"),
    ("居民人均收入从2020年的2万元提高到3万元。", "3万元", "居民人均收入"),
    ("居民人均收入从2020年的2万元提高到3万元。", "2020年", "居民人均收入"),
    ("城乡低保标准分别从2019年的560元/月、3900元/年提高到720元/月、5400元/年。", "3900元/年",
     "城乡低保标准"),
    # a year run into a long subject: the cut to 14 characters keeps none of the year
    ("2026年全县村集体经济组织收入预计3.2亿元。", "3.2亿元", "全县村集体经济组织收入预计"),
]


CHANGES_OF_A_LEVEL = [
    # (sentence, figure, indicator): the verb of a level reached is no part of what it measures
    # (a change keeps its verb: 增长6%)
    ("新增劳动力平均受教育年数增加到13.8年。", "13.8年", "新增劳动力平均受教育年数"),
    ("全县城乡居民人均可支配收入分别增加到35100元和15200元。", "35100元", "全县城乡居民人均可支配收入"),
    # ... and its per words between two figures of a list are no statistic (每人每年: the
    # standard's, the unit says per what)
    ("城乡特困人员供养标准分别提高到每人每月900元、每人每年10800元。", "10800元", "城乡特困人员供养标准"),
    ("农村自来水普及率提升至92%。", "92%", "农村自来水普及率"),
    # a multiple right after its base year measures the subject before the base, not the
    # date's event (was 翻一番 itself, and so the key of the growth after it: test_attribute)
    ("全县生产总值比2015年翻一番，年均增长7.5%。", "翻一番", "全县生产总值"),
    # ... while a figure right after a date that is no base shares its subject
    ("全县研发经费，从2015年12亿元增加到2020年的20亿元。", "12亿元", "全县研发经费"),
    # (sentence, figure, indicator): a change alone (比上年末提高) measures the level before it
    ("年末常住人口512万人，比上年末增加3万人。", "3万人", "常住人口增加"),
    ("城镇化率为61.5%，比上年末提高1.1个百分点。", "1.1个百分点", "城镇化率提高"),
    # the value of a comparison base is the compared statistic's, and so is the change after it
    ("全市常住人口为512万人，与2010年第六次人口普查的498万人相比，增加14万人。", "498万人", "全市常住人口"),
    ("全市常住人口为512万人，与2010年第六次人口普查的498万人相比，增加14万人。", "14万人", "全市常住人口增加"),
    # ... not a rate of change: what fell is the growth, not the product
    ("地区生产总值增长6.8%，比上年回落0.2个百分点。", "0.2个百分点", "比上年回落"),
    # a clause that names nothing itself takes the subject of the clause before it
    ("全市研发经费，从2015年120亿元增加到2020年的210亿元。", "120亿元", "全市研发经费"),
    ("省财政安排资金850亿元，是2015年的1.6倍。", "1.6倍", "省财政安排资金"),
    ("网络零售额是去年同期的1.8倍。", "1.8倍", "网络零售额"),  # (同期 the base's too)
    # a figure converted in brackets after one (238万亩（合15.9万公顷）) measures what it does
    ("全县粮食播种面积238万亩（合15.9万公顷），增长1.2%。", "15.9万公顷", "全县粮食播种面积"),
    ("全县粮食播种面积238万亩（合15.9万公顷），增长1.2%。", "1.2%", "全县粮食播种面积增长"),
    # ... and a plan period or the five years before are no statistic either
    ("五年完成水利投资960亿元，是“十三五”时期的1.4倍。", "1.4倍", "完成水利投资"),
    ("五年完成水利投资960亿元，是上一个五年的1.4倍。", "1.4倍", "完成水利投资"),
    ("全市生产总值年均增长6.2%，2020年达到4100亿元。", "4100亿元", "全市生产总值"),
    ("人均预期寿命提高0.8岁，达到79.2岁。", "79.2岁", "人均预期寿命"),  # 达到 alone names nothing
    # a rate of growth after a share of the budget is the level's growth, not the share's
    ("全县税收收入8.6亿元，为预算的102.4%，增长5.3%。", "5.3%", "全县税收收入增长"),
    # a base N年前 and a condition 在…的基础上 are no part of what is measured
    ("全省企业年金基金积累780亿元，比五年前增加580亿元。", "580亿元", "全省企业年金基金积累增加"),
    ("全市财政科技支出五年累计560亿元，比前五年增长1.6倍。", "1.6倍", "全市财政科技支出增长"),
    # a generic head after a figure and 、 is the amount of what that figure counts
    ("全县销售扶贫产品800多种、金额3.2亿元。", "3.2亿元", "全县销售扶贫产品金额"),
    # where it happened (到, 赴, 向 and the places after them) is no part of what is measured
    ("全市组织42家企业到四川、重庆投资18.6亿元。", "18.6亿元", "企业投资"),
    ("全市组织42家企业到四川、重庆投资18.6亿元。", "42家", "组织企业"),
    ("省委书记赴新疆和田地区考察3次。", "3次", "省委书记考察"),  # a place and one in it
    ("向甘肃、内蒙古省市县三级就业服务机构发放手册5000本。", "三级", "省市县"),  # (leading)
    # a span of time between a subject and its deed: the time of both (not of a base, 比前五年,
    # nor a figure in years, 受教育年限从…的8.7年)
    ("省财政五年投入衔接资金260多亿元。", "五年", "省财政投入衔接资金"),
    ("全市财政科技支出五年累计560亿元。", "五年", "全市财政科技支出"),  # (累计: no deed)
    ("全县人均受教育年限从2015年的8.7年提高到2020年的9.3年。", "8.7年", "全县人均受教育年限"),
    # a noun alone after a figure of its kind and 、 is the next object of its verb of a deed,
    # unless that verb is part of a statistic's name
    ("全省淘汰落后炼铁产能120万吨、炼钢产能95万吨。", "95万吨", "淘汰炼钢产能"),
    ("帮助销售滞销蔬菜3200吨、水果1800吨。", "1800吨", "销售水果"),
    ("全市新增城镇就业6.2万人、农民工返乡创业就业1.3万人。", "1.3万人", "农民工返乡创业就业"),
    # the other side of one account after a comma has the first side's subject
    ("全市一般公共预算收入86.2亿元，支出142.5亿元。", "142.5亿元", "全市一般公共预算支出"),
    ("全年货物出口820亿元，进口460亿元。", "460亿元", "货物进口"),
    # a long subject before the span's start date: whole, as the date's words (not cut to
    # 居民人均可支配收入, another population's statistic)
    ("全县农村低收入家庭人均可支配收入由2015年的7120元增加到2020年的11860元。", "7120元",
     "农村低收入家庭人均可支配收入"),
    ("全市财政科技支出五年累计560亿元，比上个五年增长1.6倍。", "1.6倍", "全市财政科技支出增长"),
    ("全省生产总值在提高质量效益的基础上年均增长6%。", "6%", "全省生产总值年均增长"),
    # a share opening its clause measures the noun after 的, up to its verb
    ("从就业看，5.5%左右的增速可以保持就业稳定。", "5.5%左右", "增速"),
    ("全市91%的行政村实现清洁取暖。", "91%", "行政村"),
    ("城镇化率达到65%的目标如期实现。", "65%", "城镇化率"),  # not when the clause names it
    ("全市91%的行政村和95%的农户实现清洁取暖。", "95%", "农户"),  # a second share: its own noun
    ("受访户中，仅有3.6%的农户表示收入减少。", "3.6%", "农户"),  # after a word of existence
    # a growth rate after a level and its change: the level's
    ("省财政科技投入120亿元，比上年增加15亿元，增长14.3%。", "14.3%", "省财政科技投入增长"),
    ("全市地区生产总值突破3千亿元、达到3215亿元。", "3215亿元", "全市地区生产总值"),  # restated
    ("城镇新增就业超过60万人，达到62.3万人。", "62.3万人", "城镇新增就业"),
    # a level after a growth rate and 迈上 (a step reached): the rate's subject, not 台阶
    ("全市生产总值年均增长6%左右、迈上8千亿元台阶。", "8千亿元", "全市生产总值"),
    # the span's verb 跃升至 carries the subject; 到 before a date goes with the date
    ("五年来，全县经济总量从300亿元跃升至460亿元。", "460亿元", "全县经济总量"),
    ("到2030年全县经济总量迈上600亿元台阶。", "600亿元", "全县经济总量"),
    ("截止到2025年底累计建成厂房40万平方米。", "40万平方米", "建成厂房"),
    ("截至2025年底累计建成厂房40万平方米。", "40万平方米", "建成厂房"),
    ("全年城镇调查失业率平均5.2%。", "5.2%", "城镇调查失业率"),  # 平均 is no part of it
    ("脱贫人口务工就业2.6万人，较去年同期增加1300人。", "1300人", "脱贫人口务工就业增加"),
    ("带动脱贫户1.3万户增收。", "1.3万户", "带动脱贫户"),  # a verb after the measure word
    # an amount changes the last amount before it, not a share between them
    ("务工就业规模达到465万人，完成年度目标任务的101%，增加12万人。", "12万人", "务工就业规模增加"),
    # 分别: places of three characters share the last item's head; statistics do not
    ("遵义市、毕节市完成率分别为105.3%、103.8%。", "105.3%", "遵义市完成率"),
    ("城镇化率、户籍人口城镇化率分别达到65%和50%。", "65%", "城镇化率"),
    ("丧葬补助费由平均3100元下降到1200元。", "3100元", "丧葬补助费"),  # nor 由平均
    ("蔬菜、水果产量双双超过百万吨。", "超过百万吨", "蔬菜、水果产量"),  # nor the adverb
    ("完成投资120亿元，达到年度计划的110%。", "110%", "达到年度计划"),  # names its own
    ("向职校在校生发放生活补助，每人每年2000元。", "2000元", "向职校在校生发放生活补助"),
    # a per-unit phrase cut by the number is no part of what is measured
    ("城乡居民医保的补助标准由每人每年450元提高到520元。", "450元", "城乡居民医保的补助标准"),
    ("小麦最低收购价每50公斤提高3元。", "3元", "小麦最低收购价提高"),
    ("全县财力优先保障民生，每年75%左右新增财力投向民生事业。", "75%左右", "新增财力投向民生事业"),
]


RESPECTIVELY = [
    # (sentence, figure, indicator): the k-th figure after 分别 measures the k-th item
    ("化学需氧量、二氧化硫排放量分别下降4.2%和6.8%。", "6.8%", "二氧化硫排放量下降"),
    # short items share the head of the last one where its words part
    ("一产、二产、三产增加值分别增长5%、6%、7%。", "6%", "二产增加值增长"),
    # ... also items of one character, the first of the last one's word (中、高等: 高等 is a word)
    ("中、高等职业院校招生分别达到3万人和1万人。", "3万人", "中等职业院校招生"),
    # sectors named alone before a last item with the head of a statistic share that head
    ("规模以上纺织业和化学工业增加值分别增长4.1%、7.3%。", "4.1%", "规模以上纺织业增加值增长"),
    ("城镇、农村居民收入分别增长4.1%、6.3%。", "4.1%", "城镇居民收入增长"),
    # ... also of three characters when they are kinds (型, 类, 级) of what the head names
    ("困难型、应急型生活补助标准分别提高80元、120元。", "80元", "困难型生活补助标准提高"),
    ("发电量、全社会用电量分别增长5%、6%。", "5%", "发电量增长"),  # (a statistic of its own)
    # ... and later items, one too short to name a statistic, what qualifies the first one
    ("单位地区生产总值用水量、能耗分别下降12%、8%。", "8%", "单位地区生产总值能耗下降"),
    ("单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%。", "18%",
     "单位国内生产总值二氧化碳排放量"),  # (too long for its verb: whole, without it)
    ("城镇居民人均可支配收入、农村居民人均纯收入分别增长8%、9%。", "9%", "农村居民人均纯收入增长"),
    ("城镇、农村居民人均可支配收入分别增长4.1%、6.3%。", "6.3%", "农村居民人均可支配收入增长"),
    ("工业、服务业增加值分别增长5%和6%。", "5%", "工业增加值增长"),  # not 工业业
    # a time word before the items and a plan period as the base are no part of them; an
    # item too long for its verb keeps the item
    ("“十四五”时期全市火灾起数和受伤人数分别比“十三五”时期下降35%、40%。", "35%",
     "全市火灾起数下降"),
    ("城镇常住居民人均可支配收入、农村常住居民人均可支配收入分别增长4%、6%。", "6%",
     "农村常住居民人均可支配收入"),
    # 一二三产 lists three; 年均 belongs to the verb
    ("一二三产增加值年均分别增长3%、7%、6%。", "7%", "二产增加值年均增长"),
    # without 分别: a run of changes after a list of as many items
    ("城镇和农村居民收入实际增长5.2%和6.9%。", "6.9%", "农村居民收入实际增长"),
    ("城镇和农村居民收入实际增长5.2%和6.9%。", "5.2%", "城镇居民收入实际增长"),
    # ... or after as many levels, each in a clause of its own
    ("全年粮食产量6.5亿吨，棉花产量600万吨，分别增长2%和3%。", "2%", "粮食产量增长"),
    ("全年粮食产量6.5亿吨，棉花产量600万吨，分别增长2%和3%。", "3%", "棉花产量增长"),
    ("全年粮食产量6.5亿吨，增长2%和3%。", "3%", "粮食产量增长"),  # one level: no turns
    # ... or after as many levels in one clause of their own (was the last level's subject)
    ("城镇、农村居民收入分别为3.8万元、1.6万元，分别增长4.2%、6.1%。", "4.2%", "城镇居民收入增长"),
    ("城镇、农村居民收入分别为3.8万元、1.6万元，分别增长4.2%、6.1%。", "6.1%", "农村居民收入增长"),
    ("全县新建学校9所、卫生院4个，分别增长12%和30%。", "12%", "全县新建学校增长"),
    ("2150户，8630人。", "8630人", ""),  # another figure is no indicator
    # a tail cut off one character of an item starts at the next item
    ("全县残疾人基本康复服务覆盖率、新建社区无障碍设施达标率均达100%。", "100%", "新建社区无障碍设施达标率"),
]


MEANS_AND_EXAMPLES = [
    # a means before the verb is no part of what is measured
    ("通过线上线下渠道销售扶贫产品1500多种。", "1500多种", "销售扶贫产品"),
    # ... a quoted means whole (not a closing mark left: 预算单位”采购…, and then cut by count)
    ("全省预算单位通过“消费帮扶网上平台”采购脱贫地区农副产品3.6亿元。", "3.6亿元", "预算单位采购脱贫地区农副产品"),
    ("通过国家审查的项目12个。", "12个", "通过国家审查的项目"),  # (通过 as the verb)
    # examples of a subject cut inside by the length limit: cut whole
    ("市总工会、市商务委、市农业农村委等部门发动会员采购扶贫产品近4亿元。", "近4亿元",
     "发动会员采购扶贫产品"),
]


GENERIC_HEADS = [
    # a standard's head takes what it is a standard of from the clause before, when that
    # clause holds no figure (was 标准 alone: one key for every standard)
    ("（2）中职学生资助，标准为2000元/生•年；", "2000元/生•年", "中职学生资助标准"),
    ("全县有低保对象3200人，标准为每人每年4600元。", "4600元", "标准"),
    # a head that names a statistic only with a subject takes a streak's (产量 of what?) ...
    ("全省油菜连续三年增产，总产量达到95万吨。", "95万吨", "全省油菜总产量"),
    ("全县生猪出栏连续五年增长，2023年产量达到42万头。", "42万头", "全县生猪出栏产量"),
    # ... not another statistic's, nor the words of a clause without a figure
    ("全县茶叶种植面积12万亩，产量1.8万吨。", "1.8万吨", "产量"),
    ("全省工业稳步回升，增加值达到3200亿元。", "3200亿元", "增加值"),
    # what a record says is no part of the name
    ("全市粮食产量再创历史新高，达到120万吨。", "120万吨", "全市粮食产量"),
    # after a figure and 、: of what the figure before measures, less its own head (was
    # 粮食播种面积总产量, 茶叶种植面积产值)
    ("全年粮食播种面积815.6万亩、总产量376.5万吨。", "376.5万吨", "粮食总产量"),
    ("全县茶叶种植面积12万亩、产值18亿元。", "18亿元", "全县茶叶产值"),
    ("销售农特产品近千种、金额46.7亿元。", "46.7亿元", "销售农特产品金额"),
]

TOTALS_OF_ADDED = [
    # a total after the number added counts the stock: the noun without its verb of adding
    ("全年新认定科技型企业230家，总数达到1460家。", "1460家", "科技型企业总数"),
    ("新培育省级龙头企业14家，累计达到102家。", "102家", "省级龙头企业"),
    ("全县养老机构新增8个，达到53个。", "53个", "全县养老机构"),
    ("新建农村公路680公里，累计达2.1万公里。", "2.1万公里", "农村公路"),
    ("新增市场主体1.8万户，总量达到26万户。", "26万户", "市场主体总量"),
    # ... not a figure of another unit or kind, nor after a figure of no adding
    ("新增市场主体1.8万户，累计达到26万人。", "26万人", "新增市场主体"),
    ("建成农村公路680公里，累计达2.1万公里。", "2.1万公里", "建成农村公路"),
    ("新增市场主体1.8万户，其中个体工商户1.2万户。", "1.2万户", "个体工商户"),
]

NAMES_KEPT = [
    # a note in brackets on what is counted is no clause end and no part of the name
    ("1-9月，全县固定资产投资（不含农户）同比增长4.4%。", "4.4%", "全县固定资产投资同比增长"),
    ("全市生产总值（按可比价格计算）增长6.1%。", "6.1%", "全市生产总值增长"),
    ("全县投入帮扶资金（含社会捐赠）2.3亿元。", "2.3亿元", "全县投入帮扶资金"),
    # a name cut to the length limit keeps the size class it opens with (规模以上, 限额以上)
    ("前三季度全市规模以上服务业企业营业收入同比增长8.1%。", "8.1%", "规模以上服务业企业营业收入同比增长"),
    ("全年全省规模以上工业企业实现利润总额同比增长7.8%。", "7.8%", "规模以上工业企业实现利润总额同比增长"),
    # the change words a name ends with do not count toward the length limit: the statistic
    # keeps its whole name (was 人口人均可支配收入…, all residents')
    ("今后五年，农村低收入人口人均可支配收入年均增长7.5%。", "7.5%", "农村低收入人口人均可支配收入年均增长"),
    # what is left of a span of time's frame is no part of what is done (用时间完成, 内实现)
    ("用两年时间完成全部危桥改造。", "两年", "完成全部危桥改造"),
    ("力争5年内实现城乡供水一体化全覆盖。", "5年内", "实现城乡供水一体化全覆盖"),
    # 在 beginning a noun (在保, 在读) is no preposition to cut
    ("全年新增担保贷款20亿元，在保余额达到50亿元。", "50亿元", "在保余额"),
    ("全县用3年时间新建学校20所。", "20所", "全县新建学校"),
    # a goal's modal word opening the phrase is no part of what is measured
    ("今年力争全县粮食总产量稳定在45万吨以上。", "45万吨以上", "全县粮食总产量稳定在"),
    ("确保耕地保有量不少于320万亩。", "不少于320万亩", "耕地保有量"),
    ("预计全年外贸进出口总额增长6%。", "6%", "外贸进出口总额增长"),
    ("全县有经营收入的合作社仅占三成。", "三成", "全县有经营收入的合作社"),  # (仅: an adverb)
    # ... and so is the pronoun subject before it (我们将力争)
    ("明年我们将力争到位协作资金不低于5亿元。", "不低于5亿元", "到位协作资金"),
    # a verb of reaching after a noun of one character is cut whole (was 村达: only 到 cut)
    ("人均收入1万元以上的户达到320户。", "320户", "户"),
    # words of function characters alone name nothing: the subject before (were 是前, 的有)
    ("全县旅游收入五年累计45亿元，是前五年的2.1倍。", "2.1倍", "全县旅游收入"),
    ("全镇合作社收入均超过3万元，其中超过10万元的有8个。", "8个", "全镇合作社收入"),
    # an amount inside 按…标准 before a deed is the standard of what the deed gives
    ("按每人每月600元标准发放护理补贴。", "600元", "护理补贴标准"),
    ("按照每户2万元的标准给予奖补。", "2万元", "奖补标准"),
    # a footnote's marker is no part of what is measured
    ("全市地区生产总值[2]3560亿元。", "3560亿元", "全市地区生产总值"),
]
# a need or problem of the people or households counted, after 的 at the clause's end, says
# what was done for them (the verb alone, or the verb and the counted noun, said less)
CONCERNS = [
    ("新建集中供水点12处，解决了2.4万人的饮水困难。", "2.4万人", "解决饮水困难"),
    ("全年解决3100户群众的住房安全问题。", "3100户", "解决群众住房安全问题"),
    ("开通农村客运班线，满足5万群众的出行需求。", "5万", "满足群众出行需求"),
    # not a need that goes on in its clause, nor a count of things
    ("全县有2300人的住房问题得到解决。", "2300人", "住房问题得到解决"),
    ("建成12个村的灌溉设施。", "12个", "建成村"),
]


@pytest.mark.parametrize("sentence,text,indicator",
                         [*LIST_ITEMS, *COUNTED_NOUNS, *BENEFITED, *RANKS_AND_TITLES,
                          *SPANS_FROM_A_YEAR, *RESPECTIVELY, *CHANGES_OF_A_LEVEL, *GENERIC_HEADS,
                          *MEANS_AND_EXAMPLES, *TOTALS_OF_ADDED, *NAMES_KEPT, *CONCERNS])
def test_the_indicator_of_a_figure(sentence, text, indicator):
    """List items, counted nouns after the figure, verbs of benefiting, ranks and titles
    (the tables above, each with its own rule)."""
    got = {c.text: c.indicator for c in textmine.extract(sentence, year=2018, classify=False)}
    assert got.get(text) == indicator, got


def test_a_financial_numeral_inside_a_place_name_is_no_number():
    got = [c.text for c in textmine.extract("3.西山镇3个：张伍村、李陆庄、王家村。", year=2018, classify=False)]
    assert got == ["3个"]


@pytest.mark.parametrize("sentence,expected", [
    # a division whose name opens with a numeral and a measure word is no count (was 3 台,
    # 5 家, 3 元, 7 台)
    ("三台县完成投资30亿元。", ["30亿元"]),
    ("五家渠市、三元区新增企业12家。", ["12家"]),
    ("七台河新增设备3台。", ["3台"]),           # (the city's name without 市)
    ("伍家岗区新增企业12家。", ["12家"]),        # (a financial numeral, 伍: was 5 家)
    ("全市新建三个县级仓储中心。", ["三个"]),     # (a count before 县 stays one)
    # townships and villages named so, which the gazetteer of counties does not hold
    ("八家子镇新建温室40栋。", ["40栋"]),
    ("三间房乡、五里墩村新增就业岗位85个。", ["85个"]),
    ("有三家村集体企业参与。", ["三家"]),       # (a count of village enterprises stays one)
])
def test_a_division_named_with_a_numeral_is_no_count(sentence, expected):
    got = [c.text for c in textmine.extract(sentence, year=2021, classify=False)]
    assert got == expected


@pytest.mark.parametrize("sentence,expected", [
    # one year or month with a bound is a span of time (was dropped with the articles 一个,
    # 一批, 一次); without a bound it stays out
    ("有7个项目完工超过一年仍未办理竣工决算。", ["7个", "超过一年"]),
    ("专项资金闲置一年以上的有4笔。", ["一年以上", "4笔"]),
    ("受理后一个月内办结。", ["一个月内"]),
    ("全县开展一次集中排查。", []),
])
def test_one_year_with_a_bound_is_a_duration(sentence, expected):
    got = [c.text for c in textmine.extract(sentence, year=2022, classify=False)]
    assert got == expected


@pytest.mark.parametrize("sentence,text,qualifier", [
    # a bound word written before the first item of a list after 分别 bounds every item
    # that has none of its own (was the first item's alone)
    ("两项收入分别突破40亿元和25亿元。", "25亿元", "over"),
    ("补助标准分别不低于600元和400元。", "400元", "at_least"),
    ("两县分别约占三成和两成。", "两成", "about"),
    ("分别增长12%以上和9%。", "9%", "exact"),  # (以上 after a number is that number's own)
    ("分别达到40亿元和25亿元。", "25亿元", "exact"),
    # a floor or ceiling before a list of counts bounds its items (the noun counted after each)
    ("每季度抽查不少于6个乡镇、40个项目和300户。", "300户", "at_least"),
    ("每村不超过2个合作社、5个基地。", "5个", "at_most"),
    ("新增车间超过20个、带动就业900人。", "900人", "exact"),  # (a verb between: no list)
])
def test_a_bound_before_a_list_after_fenbie_bounds_its_items(sentence, text, qualifier):
    got = {c.text: c.qualifier for c in textmine.extract(sentence, year=2022, classify=False)}
    assert got[text] == qualifier


@pytest.mark.parametrize("sentence,expected", [
    # a half-year's report or review, and parts of the year, are no span of half a year
    ("2022年半年工作总结。", ["2022年"]),
    ("每半年开展一次评估。", []),
    ("下半年全县增长6%。", ["下半年", "6%"]),
])
def test_half_a_year_that_is_no_span_of_time(sentence, expected):
    assert [c.text for c in textmine.extract(sentence, year=2022, classify=False)] == expected


@pytest.mark.parametrize("sentence,expected", [
    # the shares of a structure joined by ratio colons: each a percent, the statistic its place's
    ("全县三次产业结构调整为21.4∶30.2∶48.4。",
     [("21.4", "第一产业比重"), ("30.2", "第二产业比重"), ("48.4", "第三产业比重")]),
    ("就业人员结构为40:35:25。",
     [("40", "就业人员结构第1项"), ("35", "就业人员结构第2项"), ("25", "就业人员结构第3项")]),
    ("会议于9:30召开，比分为3:2:1。", []),  # (no structure named, no shares of 100)
])
def test_the_shares_of_a_structure_are_percents(sentence, expected):
    got = [(c.text, c.indicator) for c in textmine.extract(sentence, year=2022, classify=False)]
    assert got == expected
    assert all(c.kind == "percent" and c.unit == "%"
               for c in textmine.extract(sentence, year=2022, classify=False))


@pytest.mark.parametrize("sentence,expected", [
    # places moved in a ranking are a rank, the verb its change
    ("与上次督查相比，宜昌市排名上升2位，荆州市下降3位。",
     [("2位", "rank", "increase"), ("3位", "rank", "decrease")]),
    ("全省排在第5位，比上年前移1位。", [("第5位", "rank", None), ("1位", "rank", "increase")]),
    ("专家组成员增加到7位。", [("7位", "count", None)]),  # (no ranking: people, a level reached)
])
def test_places_moved_in_a_ranking_are_a_rank(sentence, expected):
    got = [(c.text, c.kind, c.change) for c in textmine.extract(sentence, year=2022, classify=False)
           if c.kind != "date"]
    assert got == expected


@pytest.mark.parametrize("sentence,expected", [
    # 十分 the adverb is no numeral; 十分之一 is a fraction
    ("监测户占比不足十分之一。", [("不足十分之一", "percent", 10, "under")]),
    ("这项工作十分紧迫。", []),
    # a bound written before the whole a fraction is a part of (约占…的五分之一): about
    ("脱贫户约占全村农户的五分之一。", [("五分之一", "percent", 20, "about")]),
    # a share that does not end is given to two decimal places, as statistics print it
    ("监测户占全村的三分之一。", [("三分之一", "percent", Decimal("33.33"), "exact")]),
    ("这些支出约占总额的三分之二。", [("三分之二", "percent", Decimal("66.67"), "about")]),
    # a number with its limit included (（含）以下); an age reached (年满); a day before a verb
    # that starts with 提 (日前提交: before the day, not 前提, a premise)
    ("职工20人（含）以下的企业给予补贴。", [("20人（含）以下", "count", 20, "at_most")]),
    ("年满45周岁的失业人员。", [("年满45周岁", "quantity", 45, "at_least")]),
    ("请于11月30日前提交材料。", [("11月30日前", "date", "2022-11-30", "before")]),
    # 多 inside the measure word of hours (3个多小时), as of months
    ("单程需要4个多小时。", [("4个多小时", "duration", 4, "over")]),
    ("该县入选全国百强县前十。", [("前十", "rank", 10, "at_most")]),  # (入选…前十: a rank at most)
    # items of a list of percentage points written with 个 alone before the last
    ("入园率和巩固率分别提高1.5个和0.8个百分点。",
     [("1.5个", "percent", Decimal("1.5"), "exact"), ("0.8个百分点", "percent", Decimal("0.8"), "exact")]),
    # a date listed after one with its year written is of that year
    ("分别于2021年3月5日、6月8日召开推进会。",
     [("2021年3月5日", "date", "2021-03-05", "exact"), ("6月8日", "date", "2021-06-08", "exact")]),
    # a range of positions; counts of rounds; electric capacity
    ("排在第7至9位的县有3个。", [("第7至9位", "rank", 4 + 3, "range"), ("3个", "count", 3, "exact")]),
    ("组织督导8轮次。", [("8轮次", "count", 8, "exact")]),
    ("户均配变容量达到2.6千伏安。", [("2.6千伏安", "quantity", Decimal("2.6"), "exact")]),
])
def test_fractions_ranks_and_units_of_inspections(sentence, expected):
    got = [(c.text, c.kind, _num(c.value), c.qualifier)
           for c in textmine.extract(sentence, year=2022, classify=False)]
    assert got == expected


def test_second_bulletin():
    got = {c.to_dict()["text"]: c.to_dict() for c in textmine.extract(MORE, year=2020, classify=False)}
    assert got["1-10月"]["value"] == "2020-01/2020-10"
    assert _num(got["137家"]["value"]) == 137 and got["137家"]["unit"] == "家"
    assert _num(got["54.52亿元"]["value"]) == 5452000000
    assert _num(got["2000多亩"]["upper"]) == 3000
    assert _num(got["592万公斤"]["value"]) == 5920000
    assert got["超过80%"]["qualifier"] == "over" and got["超过80%"]["upper"] is None
    assert got["约1.2万元"]["qualifier"] == "about"
    assert got["2.3个百分点"]["unit"] == "个百分点"


def _key(d):
    return (d["sentence"], d["start"], d["end"], d["text"], d["kind"], str(d["value"]), d["unit"],
            d["qualifier"], str(d["lower"]), str(d["upper"]))


def test_gb18030_and_utf8_give_the_same_claims(tmp_path):
    u = tmp_path / "bulletin-utf8.txt"
    g = tmp_path / "bulletin-gb.txt"
    u.write_bytes(BULLETIN.encode("utf-8"))
    g.write_bytes(BULLETIN.encode("gb18030"))
    ex = textmine.Extractor(classify=False)
    cu = [_key(c.to_dict()) for c in ex.extract_file(u, year=2020)[1]]
    cg = [_key(c.to_dict()) for c in ex.extract_file(g, year=2020)[1]]
    assert cu and cu == cg


CONTRACT = ["doc", "page", "sentence", "start", "end", "text", "kind", "value", "unit", "qualifier",
            "lower", "upper", "indicator", "measure"]


def _run(args):
    return CliRunner().invoke(cli.main, args)


def test_cli_jsonl_contract(tmp_path):
    f = tmp_path / "hexi-2020.txt"
    f.write_text(BULLETIN, encoding="utf-8")
    r = _run(["extract", str(f), "--format", "jsonl", "--year", "2020", "--no-classify"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(recs) >= len(EXPECTED)
    for rec in recs:
        assert set(CONTRACT) <= set(rec), set(CONTRACT) - set(rec)
        assert rec["doc"] == "hexi-2020" and rec["page"] is None
        assert rec["sentence"][rec["start"]:rec["end"]] == rec["text"]
        assert rec["kind"] in {"money", "count", "percent", "quantity", "date", "duration", "rank",
                               "ratio", "other"}
    assert {e[0] for e in EXPECTED} <= {rec["text"] for rec in recs}


def test_cli_jsonl_with_classifier(tmp_path):
    f = tmp_path / "hexi.txt"
    f.write_text(BULLETIN, encoding="utf-8")
    r = _run(["extract", str(f), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert recs and all(rec["measure"] in {"industry", "employment", "consumption",
                                           "social_mobilisation", "other"} for rec in recs)


def _bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 4)
    return {"missing": tmp_path / "missing.txt", "empty": empty, "binary": binary}


@pytest.mark.parametrize("which", ["missing", "empty", "binary"])
def test_cli_bad_file_alone(tmp_path, which):
    bad = _bad_files(tmp_path)[which]
    r = _run(["extract", str(bad), "--format", "jsonl", "--no-classify"])
    assert r.exit_code == 1
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and bad.name in lines[0], r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize("which", ["missing", "empty", "binary"])
def test_cli_bad_file_in_batch_keeps_good_file(tmp_path, which):
    good = tmp_path / "good.txt"
    good.write_text(BULLETIN, encoding="utf-8")
    bad = _bad_files(tmp_path)[which]
    r = _run(["extract", str(bad), str(good), "--format", "jsonl", "--year", "2020", "--no-classify"])
    assert r.exit_code == 1
    recs = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert recs and all(rec["doc"] == "good" for rec in recs)
    assert {e[0] for e in EXPECTED} <= {rec["text"] for rec in recs}
    errors = [x for x in r.stderr.splitlines() if x.startswith("Error:")]
    assert len(errors) == 1 and bad.name in errors[0]


def test_the_verb_list_is_what_its_script_writes_from_jiebas_dictionary(tmp_path):
    """data/verbs.txt (the verbs a counted noun does not end with) is generated, not edited:
    scripts/make_verbs.py run on the installed jieba's dictionary writes the same file."""
    import importlib.util
    from importlib import resources

    from _paths import ROOT
    spec = importlib.util.spec_from_file_location("make_verbs", ROOT / "scripts" / "make_verbs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "verbs.txt"
    assert mod.main(["-o", str(out)]) == 0
    shipped = resources.files("textmine").joinpath("data", "verbs.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert mod.verbs(["参加 100 v", "人口 100 n", "罕用 3 v", "坏行"], 20) == ["参加"]


@pytest.mark.parametrize("phrase,expected", [
    ("年货大集活动”现场", "年货大集活动现场"),  # its “ was cut off before the phrase
    ("开展“清管行动", "开展清管行动"),          # its ” after it
    ("举办“不见面”招聘会", "举办“不见面”招聘会"),
    ("甲“乙“丙”丁", "甲乙“丙”丁"),
])
def test_an_indicator_keeps_only_paired_quotation_marks(phrase, expected):
    from textmine.nlp.indicator import _balanced
    assert _balanced(phrase) == expected


@given(st.lists(st.sampled_from(["“", "”", "甲", "乙"]), max_size=12).map("".join))
def test_balanced_quotes_are_a_paired_subsequence(phrase):
    from textmine.nlp.indicator import _balanced
    out = _balanced(phrase)
    depth = 0
    for ch in out:
        depth += (ch == "“") - (ch == "”")
        assert depth >= 0
    assert depth == 0
    assert out.replace("“", "").replace("”", "") == phrase.replace("“", "").replace("”", "")
    assert _balanced(out) == out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["引导", "企业", "到", "赴", "向", "河北", "、", "内蒙古", "和田地区", "投资",
                                 "新疆", "和", "考察", "北京市", "务工", "人员"]), min_size=1, max_size=8))
def test_where_it_happened_is_cut_whole_or_not_at_all(words):
    """_without_places removes one run of a preposition and places, or nothing: what stays
    is the phrase less that run, with two Chinese characters at least before it, or none
    before it and two after it."""
    from textmine.nlp.indicator import _without_places
    phrase = "".join(words)
    out = _without_places(phrase)
    n = len(phrase) - len(out)

    def cjk(s: str) -> int:
        return sum("\u4e00" <= ch <= "\u9fff" for ch in s)

    assert out == phrase or any(
        phrase[:k] + phrase[k + n:] == out and phrase[k] in "到赴向" and n >= 3 and (
            cjk(phrase[:k]) >= 2 or cjk(phrase[:k]) == 0 and cjk(out[k:]) >= 2)
        for k in range(len(out) + 1))


@pytest.mark.parametrize("sentence,text,unit", [
    ("全市注册志愿者达到461万。", "461万", "人"),   # (志愿者, 旅客: people, as 群众)
    ("全年运送旅客1.2亿，较上年增长8%。", "1.2亿", "人"),
    ("带动12万农户增收。", "12万", "户"),
    ("培育市场主体3.6万。", "3.6万", "家"),
])
def test_the_unit_of_a_count_without_a_measure_word_is_its_nouns(sentence, text, unit):
    """A count written without a measure word takes the usual one of the noun it counts
    (data/context_units.toml): 人 for people, 户 for households, 家 for enterprises."""
    got = {c.text: c for c in textmine.extract(sentence, year=2024, classify=False)}
    assert (got[text].kind, got[text].unit) == ("count", unit)


def test_the_value_of_an_index_has_no_unit_and_a_ratio_of_sums_is_a_multiple():
    """基尼系数0.45: kind other and no unit (docs/claims.md kinds); 城乡居民收入比2.41 is
    2.41:1, a multiple (ratio, 倍), as 2.5:1 written with its one is."""
    got = {c.text: c for c in textmine.extract(
        "全省城乡居民收入比为2.41，基尼系数0.45，两地收入之比为2.5:1左右。", year=2024, classify=False)}
    assert [(got[t].kind, got[t].unit, float(got[t].value), got[t].qualifier)
            for t in ("2.41", "0.45", "2.5:1左右")] == \
        [("ratio", "倍", 2.41, "exact"), ("other", "", 0.45, "exact"), ("ratio", "倍", 2.5, "about")]


@pytest.mark.parametrize("sentence,text,kind,unit", [
    ("全县贫困发生率由2015年的19.4%降至0。", "0", "percent", "%"),
    ("城镇化率从45.1%提高到52，", "52", "percent", "%"),
    ("全县贫困人口从8600人减少到零。", "零", "count", "人"),
])
def test_the_bare_end_of_a_span_takes_the_start_s_unit(sentence, text, kind, unit):
    got = {c.text: c for c in textmine.extract(sentence, year=2021, classify=False)}
    assert (got[text].kind, got[text].unit, got[text].indicator_key) == \
        (kind, unit, next(c.indicator_key for c in got.values() if c.kind == kind and c.text != text))


@pytest.mark.parametrize("sentence", [
    "油料产量实现“六连增”，连续4年超千万吨。",
    "蔬菜产量实现“五连增”，连续3年逾千万吨。",
])
def test_a_figure_written_with_a_qualifier_and_a_magnitude_is_no_words_of_another(sentence):
    """超千万吨 after a streak (连续4年) is a figure of its own, not the streak's words (both
    were measured as 超千万吨, their own text)."""
    claims = textmine.extract(sentence, year=2015, classify=False)
    assert len(claims) == 2 and all(c.text not in (c.indicator or "") for c in claims)
