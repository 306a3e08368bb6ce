"""Table-driven tests of the number layer: numerals, number mentions and dates.

Expected values follow the contract in ``docs/claims.md`` (normalisation, qualifiers and
bounds). Cases where the code disagrees with the contract are kept and marked
``xfail(strict=True)``: they are known bugs, not relaxed expectations.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from textmine.parse.dates import find_dates
from textmine.parse.numbers import find_numbers
from textmine.parse.numerals import parse_numeral

YEAR = 2020


def bug(case, reason):
    return pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=reason))


def num(v):
    return None if v is None else Decimal(str(v))


# ---------------------------------------------------------------- parse_numeral

ARABIC = [
    ("0", 0), ("7", 7), ("1672", 1672), ("54.52", 54.52), ("0.5", 0.5), ("2020", 2020),
    ("１２", 12), ("３８６", 386), ("１８．６", 18.6),
    ("10,000", 10000), ("44,624", 44624), ("1,234,567", 1234567), ("10,000.5", 10000.5),
]
CHINESE = [
    ("两", 2), ("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("三十", 30), ("三十五", 35),
    ("一百零五", 105), ("一百二十", 120), ("两百", 200), ("三千零六", 3006),
    ("一百二十万", 1200000), ("两百点五", 200.5), ("零", 0), ("一万", 10000),
    ("四亿", 400000000),
]
MIXED = [
    ("5万", 50000), ("1.2亿", 120000000), ("7000万", 70000000), ("1亿3千万", 130000000),
    ("2.4万", 24000), ("18.6亿", 1860000000), ("3千", 3000), ("12万", 120000),
    # zero under a compound magnitude stays zero (a table's 0 in 百万元 is no 万)
    ("0万", 0), ("0百万", 0), ("0千万", 0), ("0十万", 0), ("5百万", 5000000), ("百万", 1000000),
]
NOT_NUMERALS = [("", None), ("abc", None), ("元", None), ("扶贫", None)]


@pytest.mark.parametrize("text,expected", ARABIC + CHINESE + MIXED + NOT_NUMERALS)
def test_parse_numeral(text, expected):
    assert parse_numeral(text) == num(expected)


# ---------------------------------------------------------------- find_numbers
# (sentence, mention text, kind, value, unit, qualifier, lower, upper)

MONEY = [
    ("全年共投入财政资金54.52亿元", "54.52亿元", "money", 5452000000, "元", "exact", 5452000000, 5452000000),
    ("区级拨付3.2亿元用于基础设施", "3.2亿元", "money", 320000000, "元", "exact", 320000000, 320000000),
    ("每个村补助15万元", "15万元", "money", 150000, "元", "exact", 150000, 150000),
    ("捐赠善款860元", "860元", "money", 860, "元", "exact", 860, 860),
    ("筹集社会资金一百二十万元", "一百二十万元", "money", 1200000, "元", "exact", 1200000, 1200000),
    ("累计落实贴息资金7000万元", "7000万元", "money", 70000000, "元", "exact", 70000000, 70000000),
]
COUNTS = [
    ("今年新建扶贫车间38个", "38个", "count", 38, "个", "exact", 38, 38),
    ("新增合作企业17家", "17家", "count", 17, "家", "exact", 17, 17),
    ("本季度落地企业12家", "12家", "count", 12, "家", "exact", 12, 12),
    ("组织培训3200人", "3200人", "count", 3200, "人", "exact", 3200, 3200),
    ("选派5名干部驻村", "5名", "count", 5, "名", "exact", 5, 5),
    ("举办对接会16场", "16场", "count", 16, "场", "exact", 16, 16),
    ("上架特色农产品9种", "9种", "count", 9, "种", "exact", 9, 9),
    ("开展督导4次", "4次", "count", 4, "次", "exact", 4, 4),
    ("分3批完成", "3批", "count", 3, "批", "exact", 3, 3),
    ("覆盖建档立卡850户", "850户", "count", 850, "户", "exact", 850, 850),
    ("实施帮扶项目27项", "27项", "count", 27, "项", "exact", 27, 27),
    ("招聘岗位1,250个", "1,250个", "count", 1250, "个", "exact", 1250, 1250),
    ("结对村庄１２个", "１２个", "count", 12, "个", "exact", 12, 12),
    ("动员党员三十名参与", "三十名", "count", 30, "名", "exact", 30, 30),
    ("明确协作任务5大类", "5大类", "count", 5, "大类", "exact", 5, 5),  # (大 of a measure word)
    ("开展手术1900台次", "1900台次", "count", 1900, "台次", "exact", 1900, 1900),  # (was 台)
    ("开行务工专列3趟次", "3趟次", "count", 3, "趟次", "exact", 3, 3),  # (was 趟)
    ("科研人员投入1200人年", "1200人年", "count", 1200, "人年", "exact", 1200, 1200),
    ("更换节能门窗300万樘", "300万樘", "count", 3000000, "樘", "exact", 3000000, 3000000),  # (was 个)
    ("全年火化遗体38.2万具", "38.2万具", "count", 382000, "具", "exact", 382000, 382000),
    # ... not before 度 (年度): the people, and the year's goal after them (was 4.8万人年)
    ("完成4.8万人年度目标任务的95%", "4.8万人", "count", 48000, "人", "exact", 48000, 48000),
]
QUANTITIES = [
    ("收购蔬菜1.5万公斤", "1.5万公斤", "quantity", 15000, "公斤", "exact", 15000, 15000),
    ("调运饲料300吨", "300吨", "quantity", 300, "吨", "exact", 300, 300),
    ("收购烤烟5万担", "5万担", "quantity", 50000, "担", "exact", 50000, 50000),
    # provinces counted as a collective noun: no measure word written, so 个 (docs/claims.md)
    ("东部8省市结对帮扶", "8省市", "count", 8, "个", "exact", 8, 8),
    ("新种植茶叶2000亩", "2000亩", "quantity", 2000, "亩", "exact", 2000, 2000),
    ("改造厂房4500平方米", "4500平方米", "quantity", 4500, "平方米", "exact", 4500, 4500),
    ("治理水土流失12平方公里", "12平方公里", "quantity", 12, "平方公里", "exact", 12, 12),
    ("发放种苗两万公斤", "两万公斤", "quantity", 20000, "公斤", "exact", 20000, 20000),
]
PERCENTS = [
    ("开工率达93.7%", "93.7%", "percent", 93.7, "%", "exact", 93.7, 93.7),
    ("产值同比增长8.5%", "8.5%", "percent", 8.5, "%", "exact", 8.5, 8.5),
    ("贫困发生率降至百分之四十以下的县", "百分之四十以下", "percent", 40, "%", "at_most", None, 40),
    ("产品销售额的百分之三十", "百分之三十", "percent", 30, "%", "exact", 30, 30),
    # two digits side by side after a percent written before the number: a range
    ("成本下降百分之二三十", "百分之二三十", "percent", 20, "%", "range", 20, 30),
    ("增速提高百分之三四", "百分之三四", "percent", 3, "%", "range", 3, 4),
    ("有三成农户参与合作社", "三成", "percent", 30, "%", "exact", 30, 30),
    ("返贫率为千分之五", "千分之五", "percent", 0.5, "%", "exact", 0.5, 0.5),
    ("误差率为5‰", "5‰", "percent", 0.5, "%", "exact", 0.5, 0.5),
    # a rate per 100,000 (or 10,000, 1,000,000) written after a slash, in percent
    ("新生儿破伤风发病率为0.42/10万", "0.42/10万", "percent", 0.00042, "%", "exact", 0.00042, 0.00042),
    ("结核病报告发病率降至38.5/十万", "38.5/十万", "percent", 0.0385, "%", "exact", 0.0385, 0.0385),
    ("某病死亡率为2.7/万", "2.7/万", "percent", 0.027, "%", "exact", 0.027, 0.027),
    ("就业率提高2.3个百分点", "2.3个百分点", "percent", 2.3, "个百分点", "exact", 2.3, 2.3),
    # a per-mille point is a tenth of a percentage point (not 0.4 of the measure word 个)
    ("出生率下降0.4个千分点", "0.4个千分点", "percent", 0.04, "个百分点", "exact", 0.04, 0.04),
    ("占总量的一半", "一半", "percent", 50, "%", "exact", 50, 50),
    # 半数, with the qualifier words of a number around it
    ("半数以上合作社实现分红", "半数以上", "percent", 50, "%", "over", 50, None),
    ("近半数脱贫户参加了保险", "近半数", "percent", 50, "%", "under", None, 50),
    # 过半: more than half; 多 after a share before a noun: more than it (一半多农户)
    ("全县过半村庄建成了文化广场", "过半", "percent", 50, "%", "over", 50, None),
    ("年度任务完成过半", "过半", "percent", 50, "%", "over", 50, None),
    ("一半多脱贫户发展了庭院经济", "一半多", "percent", 50, "%", "over", 50, 60),
]
# ... not 过半 inside 超过半…, 经过半年, 不过半, nor 多 that begins a word (一半多种…)
NOT_SHARES = [("经过半年的试点", "过半"), ("完成投资不过半", "过半"), ("会议通过半年总结", "过半"),
              ("一半多种植玉米", "一半多")]


@pytest.mark.parametrize("text,absent", NOT_SHARES)
def test_what_is_no_share(text, absent):
    assert absent not in [m.text for m in find_numbers(text, 2020)]
RATIOS = [
    ("销售额增长1.5倍", "1.5倍", "ratio", 1.5, "倍", "exact", 1.5, 1.5),
    ("农户收入翻一番", "翻一番", "ratio", 2, "倍", "exact", 2, 2),
    ("集体经济收入翻两番", "翻两番", "ratio", 4, "倍", "exact", 4, 4),
    # 多 after the special word, ending the phrase: more than that (not 多方面)
    ("五年间农民收入翻了一番多。", "翻了一番多", "ratio", 2, "倍", "over", 2, 3),
    ("收入翻了一番多方面受益", "翻了一番", "ratio", 2, "倍", "exact", 2, 2),
]
RANKS = [
    ("考核结果位居全省第一位", "第一位", "rank", 1, "位", "exact", 1, 1),
    ("综合评价排名第2", "第2", "rank", 2, "名", "exact", 2, 2),
    # the field between the ranking word and 第; a list of ranks after one
    ("工业增速位列全州第一", "第一", "rank", 1, "名", "exact", 1, 1),
    ("分别居全省第三、第六", "第六", "rank", 6, "名", "exact", 6, 6),
    # 前N: a rank at most, after a ranking word or with its unit
    ("增速跻身全省前十", "前十", "rank", 10, "名", "at_most", None, 10),
    # ... also after a field ranked in that is not a known scope (the ranking word of two
    # characters or more)
    ("考核结果排在西部十二省区前三", "前三", "rank", 3, "名", "at_most", None, 3),
    ("综合实力跻身全国县域经济前百", "前百", "rank", 100, "名", "at_most", None, 100),
    ("综合考评位居全市前3名", "前3名", "rank", 3, "名", "at_most", None, 3),
    # 首位: first (was no claim); not 首位度, a city's primacy
    ("最低工资标准居全国首位", "首位", "rank", 1, "位", "exact", 1, 1),
    ("两项考核均排在首位", "首位", "rank", 1, "位", "exact", 1, 1),
]
DURATIONS = [
    ("集中攻坚4个月", "4个月", "duration", 4, "月", "exact", 4, 4),
    # hours counted with 个 are hours, as months are (was a count of 个)
    ("专列运行约26个小时", "约26个小时", "duration", 26, "小时", "about", 23.4, 28.6),
    ("抢修持续了18个小时", "18个小时", "duration", 18, "小时", "exact", 18, 18),
    # 负 that ends a word with the character before it is no sign (减负: lightened a burden)
    ("全年为企业减负6亿元", "6亿元", "money", 600000000, "元", "exact", 600000000, 600000000),
    ("利润增速为负1.5%", "负1.5%", "percent", -1.5, "%", "exact", -1.5, -1.5),
    # doses, class hours; 约有 bounds as 约为 does (not in 签约有)
    ("接种疫苗86万剂次", "86万剂次", "count", 860000, "剂次", "exact", 860000, 860000),
    ("每人培训不少于60学时", "不少于60学时", "duration", 60, "学时", "at_least", 60, None),
    ("其中约有15%为监测户", "约有15%", "percent", 15, "%", "about", 13.5, 16.5),
    ("签约有8家企业", "8家", "count", 8, "家", "exact", 8, 8),
    # half a year, day or month is a span of time; 上半年 stays a part of the year
    ("资金闲置超过半年", "超过半年", "duration", 0.5, "年", "over", 0.5, None),
    ("办理时限压缩到半天以内", "半天以内", "duration", 0.5, "天", "at_most", None, 0.5),
    ("用半个月时间完成排查", "半个月", "duration", 0.5, "月", "exact", 0.5, 0.5),
    # a number right before 人均 or 户均 counts the people or households (均: all, each)
    ("带动640人均增收1800元", "640人", "count", 640, "人", "exact", 640, 640),
    ("该村75户均已搬迁入住", "75户", "count", 75, "户", "exact", 75, 75),
    ("整改历时3个多月", "3个多月", "duration", 3, "月", "over", 3, 4),
    # a half after 个 and the time it counts: a duration (was a count of 6.5 个)
    ("最快仅需6个半小时左右", "6个半小时左右", "duration", 6.5, "小时", "about", 5.85, 7.15),
    ("整改历时两个半月", "两个半月", "duration", 2.5, "月", "exact", 2.5, 2.5),
    ("驻村工作满两年", "两年", "duration", 2, "年", "exact", 2, 2),
    # 多 after the time unit, before the time words that follow a span (not 万元多方筹措)
    ("前后用了两年多时间完成改造", "两年多", "duration", 2, "年", "over", 2, 3),
    ("经过一年多的努力", "一年多", "duration", 1, "年", "over", 1, 2),
    ("驻村四年多来", "四年多", "duration", 4, "年", "over", 4, 5),
]
OVER_DUO_YU = [
    ("线上销售特色产品2100多种", "2100多种", "count", 2100, "种", "over", 2100, 2200),
    ("实现销售额113余亿元", "113余亿元", "money", 11300000000, "元", "over", 11300000000, 11400000000),
    ("各方投入2亿多元", "2亿多元", "money", 200000000, "元", "over", 200000000, 300000000),
    ("发动社会组织5万多个", "5万多个", "count", 50000, "个", "over", 50000, 60000),
    ("累计投入1000余万元", "1000余万元", "money", 10000000, "元", "over", 10000000, 20000000),
    ("带动就业1000余人", "1000余人", "count", 1000, "人", "over", 1000, 2000),
    # a bare magnitude before 余/多 (as 近千种 after 近)
    ("结对帮扶百余家企业", "百余家", "count", 100, "家", "over", 100, 200),
    ("组织千余人参加", "千余人", "count", 1000, "人", "over", 1000, 2000),
    ("融资290亿多元", "290亿多元", "money", 29000000000, "元", "over", 29000000000, 30000000000),
    ("到位资金1亿余元", "1亿余元", "money", 100000000, "元", "over", 100000000, 200000000),
    ("受益群众2.4万余人", "2.4万余人", "count", 24000, "人", "over", 24000, 25000),
    ("组织活动30多场", "30多场", "count", 30, "场", "over", 30, 40),
    # ... not a 多 that begins the next word (多方, 多用于)
    ("到位资金5万元多方筹措", "5万元", "money", 50000, "元", "exact", 50000, 50000),
]
QUALIFIER_WORDS = [
    ("参训学员超过600人", "超过600人", "count", 600, "人", "over", 600, None),
    ("吸纳就业1200人以上", "1200人以上", "count", 1200, "人", "over", 1200, None),
    ("带贫人数逾千人", "逾千人", "count", 1000, "人", "over", 1000, None),
    ("交易额突破5亿元", "突破5亿元", "money", 500000000, "元", "over", 500000000, None),
    ("上架产品近千种", "近千种", "count", 1000, "种", "under", None, 1000),
    # 数/几 before 十 alone or 十 and magnitudes: tens, vague (as 数百)
    ("发展数十家合作社", "数十家", "count", 10, "家", "about", 9, 110),
    ("投入数十亿元", "数十亿元", "money", 1000000000, "元", "about", 900000000, 11000000000),
    ("失业率不到3%", "不到3%", "percent", 3, "%", "under", None, 3),
    ("剩余未开工项目不足20个", "不足20个", "count", 20, "个", "under", None, 20),
    ("惠及农户约45万元", "约45万元", "money", 450000, "元", "about", 405000, 495000),
    ("日均接待游客90人左右", "90人左右", "count", 90, "人", "about", 81, 99),
    ("到岗率不低于80%", "不低于80%", "percent", 80, "%", "at_least", 80, None),
    ("完成不少于200户", "不少于200户", "count", 200, "户", "at_least", 200, None),
    ("单个项目补助不超过5万元", "不超过5万元", "money", 50000, "元", "at_most", None, 50000),
    ("误差控制在3%以内", "控制在3%以内", "percent", 3, "%", "at_most", None, 3),
    ("每户最多10万元", "最多10万元", "money", 100000, "元", "at_most", None, 100000),
    ("贷款期限最长3年", "最长3年", "duration", 3, "年", "at_most", None, 3),
    # 最高 before a sum: a cap (最高可达); 约 after 折合 and 约合: about (not 合约, a contract)
    ("单笔贴息最高可达50万元", "最高可达50万元", "money", 500000, "元", "at_most", None, 500000),
    ("每人奖励最高2000元", "最高2000元", "money", 2000, "元", "at_most", None, 2000),
    ("物资折合约3.5亿元", "约3.5亿元", "money", 350000000, "元", "about", 315000000, 385000000),
    ("援建资金约合12亿元", "约合12亿元", "money", 1200000000, "元", "about", 1080000000, 1320000000),
    ("签订合约8亿元", "8亿元", "money", 800000000, "元", "exact", 800000000, 800000000),
    ("两地合作走过30个年头", "30个年头", "duration", 30, "年", "exact", 30, 30),
    # 千升 is a unit (kilolitres), not 千 of a number before 升
    ("全年白酒产量12万千升", "12万千升", "quantity", 120000, "千升", "exact", 120000, 120000),
    # 内 after a span of time: within it, as 以内; not before a word it starts, nor after a count
    ("接报后24小时内完成核查", "24小时内", "duration", 24, "小时", "at_most", None, 24),
    ("审批时限压缩至3个工作日内", "3个工作日内", "duration", 3, "工作日", "at_most", None, 3),
    ("15日内落实帮扶措施", "15日内", "duration", 15, "日", "at_most", None, 15),
    ("健全5年内部审计制度", "5年", "duration", 5, "年", "exact", 5, 5),
    ("在5个县内推广", "5个", "count", 5, "个", "exact", 5, 5),
    # freight and passenger turnover (吨公里, 人公里); vehicle trips (辆次)
    ("货物周转量1234.5亿吨公里", "1234.5亿吨公里", "quantity", 123450000000, "吨公里", "exact", 123450000000, 123450000000),
    ("旅客周转量300亿人公里", "300亿人公里", "quantity", 30000000000, "人公里", "exact", 30000000000, 30000000000),
    ("出动车辆1200辆次", "1200辆次", "count", 1200, "辆次", "exact", 1200, 1200),
    # rounds (轮) are counted: 开展专项督查4轮, 三轮强降雨
    ("开展专项督查4轮", "4轮", "count", 4, "轮", "exact", 4, 4),
    ("遭受三轮强降雨", "三轮", "count", 3, "轮", "exact", 3, 3),
    # an adverb before a verb of one or two characters bounds the number after it; the span
    # stays the number's (no 的, 是 or 有 between: 最多的县有12个 is exact)
    ("每乡至少建设1个示范点", "1个", "count", 1, "个", "at_least", 1, None),
    ("每人每年最多补贴2次", "2次", "count", 2, "次", "at_most", None, 2),
    ("每村至少培训2名", "2名", "count", 2, "名", "at_least", 2, None),
    ("乡镇中最多的有12个", "12个", "count", 12, "个", "exact", 12, 12),
    # a negated comparison before what the number is a part or multiple of, and 的
    ("救助标准不低于当地低保标准的1.5倍", "1.5倍", "ratio", 1.5, "倍", "at_least", 1.5, None),
    ("产量约占全国的37%", "37%", "percent", 37, "%", "about", 33.3, 40.7),  # (约占…的: about)
    # ... 约占 also right before the number (was exact); 签约占地 is no 约占
    ("其中外省游客约占四成", "四成", "percent", 40, "%", "about", 36, 44),
    ("女性学员约占62%", "62%", "percent", 62, "%", "about", 55.8, 68.2),
    ("签约占地80亩", "80亩", "quantity", 80, "亩", "exact", 80, 80),
    ("奖补资金不超过项目投资的40%", "40%", "percent", 40, "%", "at_most", None, 40),
    ("不低于，全县的40%", "40%", "percent", 40, "%", "exact", 40, 40),  # (not past a clause)
]
# a ratio to one in figures is a multiple of the first number (3:2 and a time are none)
RATIOS_TO_ONE = [
    ("收入之比为2.5:1", "2.5:1", "ratio", 2.5, "倍", "exact", 2.5, 2.5),
    ("按1∶1比例配套", "1∶1", "ratio", 1, "倍", "exact", 1, 1),
    ("两地收入比3.1：1左右", "3.1：1左右", "ratio", 3.1, "倍", "about", 2.79, 3.41),
]
RANGES = [
    ("单户补贴20～30万元", "20～30万元", "money", 200000, "元", "range", 200000, 300000),
    ("每组配备3至5个", "3至5个", "count", 3, "个", "range", 3, 5),
    ("每期培训10-15天", "10-15天", "duration", 10, "天", "range", 10, 15),
]
KNOWN_BUGS = [
    ("企业签约12家", "12家", "count", 12, "家", "exact", 12, 12),
]

NUMBER_CASES = (MONEY + COUNTS + QUANTITIES + PERCENTS + RATIOS + RANKS + DURATIONS + OVER_DUO_YU
                + QUALIFIER_WORDS + RATIOS_TO_ONE + RANGES + KNOWN_BUGS)


@pytest.mark.parametrize("sentence,text,kind,value,unit,qualifier,lower,upper", NUMBER_CASES)
def test_find_numbers(sentence, text, kind, value, unit, qualifier, lower, upper):
    found = find_numbers(sentence, YEAR)
    got = [(m.text, m.kind, m.value, m.unit, m.qualifier, m.lower, m.upper) for m in found]
    assert (text, kind, num(value), unit, qualifier, num(lower), num(upper)) in got, got
    for m in found:
        assert sentence[m.start:m.end] == m.text


def test_two_numbers_in_one_phrase():
    found = find_numbers("销售扶贫产品2100多种113余亿元", YEAR)
    assert [(m.text, m.kind) for m in found] == [("2100多种", "count"), ("113余亿元", "money")]


# The traditional 餘 reads as 余 wherever 余 is read: inside the number, between it and its
# unit, and after the unit (one definition of the 多/余 characters, numerals.toml [inner]).
YU_SENTENCES = ["实现销售额113余亿元", "带动就业1000余人", "受益群众2.4万余人", "累计投入3万元余",
                "整治河道三公里余，其中", "培训时长10小时余以上", "发放补贴百分之三十余"]


@pytest.mark.parametrize("sentence", YU_SENTENCES)
def test_traditional_yu_reads_as_yu(sentence):
    simple = find_numbers(sentence, YEAR)
    traditional = find_numbers(sentence.replace("余", "餘"), YEAR)
    assert [replace(m, text="") for m in traditional] == [replace(m, text="") for m in simple]


# ---------------------------------------------------------------- find_dates
# (text, [(mention, value, qualifier), ...])

DATES = [
    ("2月5日、3月9日召开领导小组会", [("2月5日", "2020-02-05", "exact"), ("3月9日", "2020-03-09", "exact")]),
    ("分别于1月8日、4月22日、7月1日调度", [("1月8日", "2020-01-08", "exact"), ("4月22日", "2020-04-22", "exact"),
                                       ("7月1日", "2020-07-01", "exact")]),
    ("6月底完成验收", [("6月底", "2020-06", "end")]),
    ("截至6月底已完工", [("6月底", "2020-06", "end")]),
    ("2019年以来累计投入", [("2019年以来", "2019", "since")]),
    ("4月20日～23日举办展销会", [("4月20日～23日", "2020-04-20/2020-04-23", "range")]),
    ("1-10月累计销售", [("1-10月", "2020-01/2020-10", "range")]),
    ("上半年完成投资", [("上半年", "2020-01/2020-06", "range")]),
    ("下半年继续推进", [("下半年", "2020-07/2020-12", "range")]),
    ("一季度签约项目", [("一季度", "2020-01/2020-03", "range")]),
    ("三季度开工", [("三季度", "2020-07/2020-09", "range")]),
    ("9月底前全部开工", [("9月底前", "2020-09", "before")]),
    ("12月31日前完成拨付", [("12月31日前", "2020-12-31", "before")]),
    ("4月下旬组织验收", [("4月下旬", "2020-04", "end")]),
    ("5月中旬召开推进会", [("5月中旬", "2020-05", "mid")]),
    ("3月上旬启动", [("3月上旬", "2020-03", "start")]),
    ("力争2020年底全部完成", [("2020年底", "2020", "end")]),
    ("2018年3月出台", [("2018年3月", "2018-03", "exact")]),
    ("2020年5月12日签署协议", [("2020年5月12日", "2020-05-12", "exact")]),
    ("2019年至2020年连续两年", [("2019年至2020年", "2019/2020", "range")]),
    ("10月份开展督查", [("10月份", "2020-10", "exact")]),
    ("1月至8月累计培训", [("1月至8月", "2020-01/2020-08", "range")]),
    ("十月至十二月集中采购", [("十月至十二月", "2020-10/2020-12", "range")]),
    ("8月至1月", [("8月至1月", "2020-08/2021-01", "range")]),  # January of the next year
    ("3月至今", [("3月至今", "2020-03", "since")]),
    # dates in figures: year, month and day with one separator
    ("截至2019-12-31全县完成投资", [("2019-12-31", "2019-12-31", "exact")]),
    ("2020/3/5召开推进会", [("2020/3/5", "2020-03-05", "exact")]),
    ("2021.06.30前完成", [("2021.06.30前", "2021-06-30", "before")]),
    ("2019-2020年", [("2019-2020年", "2019/2020", "range")]),
    ("2019-13-01", []), ("2019-12/31", []), ("版本2019.12.31.5", []), ("12019-12-31", []),
    ("2019-12-31至2020年3月", [("2019-12-31至2020年3月", "2019-12-31/2020-03", "range")]),
    # 自 (从) a date, the words of an event, then 以来 in the clause: since that date
    ("自2017年结对帮扶以来", [("2017年", "2017", "since")]),
    ("从2016年3月启动试点以来", [("2016年3月", "2016-03", "since")]),
    ("从2016年，到2020年以来", [("2016年", "2016", "exact"), ("2020年以来", "2020", "since")]),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_find_dates(text, expected):
    got = [(text[d.start:d.end], d.value, d.qualifier) for d in find_dates(text, YEAR)]
    assert got == expected


DEADLINES = [
    ("到2019年实现全部脱贫", "2019年", "2019", "before"),
    # ... also the end of a year (was end, its own qualifier: docs/claims.md gives deadlines
    # before, and three blind annotations of stop 41 read 到…年底 so)
    ("直到2021年底", "2021年底", "2021", "before"),
    ("力争到2022年全面完成", "2022年", "2022", "before"),
    ("达到2019年水平", "2019年", "2019", "exact"),  # 达到: reaches, not a deadline
    # the end of a change to a level: the level's time, not a deadline
    ("收入由2015年的8千元增加到2020年的1.2万元", "2020年", "2020", "exact"),
    ("覆盖率从2018年的60%提高到2021年的85%", "2021年", "2021", "exact"),
    ("发生率由2014年的20%下降到2019年的1%", "2019年", "2019", "exact"),
]


@pytest.mark.parametrize("sentence,text_contains,value,qualifier", DEADLINES)
def test_deadline_dates(sentence, text_contains, value, qualifier):
    got = [(m.text, m.value, m.qualifier) for m in find_numbers(sentence, YEAR) if m.kind == "date"]
    assert any(text_contains in t and v == value and q == qualifier for t, v, q in got), got


def test_dates_without_document_year_are_marked():
    (d,) = find_dates("3月9日召开", None)
    assert d.year_written is False


# ---------------------------------------------------------------- issue 8: number forms
# (text, mention text, value, lower, upper) with the project's own examples

FORMS = [
    # abbreviated last place and spaced numerals
    ("资助学生一百五", "一百五", 150, 150, 150),
    ("新建大棚一万二", "一万二", 12000, 12000, 12000),
    ("收入三千 五百 二十 元", "三千 五百 二十 元", 3520, 3520, 3520),
    ("资金 8万 6千 元", "8万 6千 元", 86000, 86000, 86000),
    ("规模达到二十 亿", "二十 亿", 2000000000, 2000000000, 2000000000),
    ("价值壹仟贰佰叁拾元", "壹仟贰佰叁拾元", 1230, 1230, 1230),
    ("總額伍萬陸仟元", "伍萬陸仟元", 56000, 56000, 56000),
    ("贷款一万五千亿元", "一万五千亿元", 1500000000000, 1500000000000, 1500000000000),
    ("总量二十兆", "二十兆", 20000000000000, 20000000000000, 20000000000000),
    # fractions and signs
    ("覆盖四分之三的村", "四分之三", 0.75, 0.75, 0.75),
    ("占总数的2/5", "2/5", 0.4, 0.4, 0.4),
    ("用了两又二分之一年", "两又二分之一", 2.5, 2.5, 2.5),
    ("气温负六点五度", "负六点五度", -6.5, -6.5, -6.5),
    ("利润增长-3.5%", "-3.5%", -3.5, -3.5, -3.5),
    ("约3e4户", "约3e4户", 30000, 27000, 33000),
    ("月薪12k元", "12k元", 12000, 12000, 12000),
    # percents, discounts
    ("贫困发生率降至千分之八", "千分之八", 0.8, 0.8, 0.8),
    ("合格率达到百 分 之 九十", "百 分 之 九十", 90, 90, 90),
    ("农产品打八折", "八折", 80, 80, 80),
    ("门票六五折", "六五折", 65, 65, 65),
    ("覆盖率七成五", "七成五", 75, 75, 75),
    # units with a half, the mass unit 两
    ("种植三亩半", "三亩半", 3.5, 3.5, 3.5),
    ("收购茶叶三千两百两", "三千两百两", 3200, 3200, 3200),
    # ranges and bounds
    ("人数大于五十并且小于八十", "大于五十并且小于八十", 50, 50, 80),
    ("年龄在18和60之间", "18和60之间", 18, 18, 60),
    ("产量在 1200 或以上", "1200 或以上", 1200, 1200, None),
    ("增幅比二成高", "比二成高", 20, 20, None),
    ("补贴一千到一千五百", "一千到一千五百", 1000, 1000, 1500),
    # round 2: coins after the main money unit, value in the main unit
    ("车票八元五角", "八元五角", 8.5, 8.5, 8.5),
    ("每斤售价3元2角5分", "3元2角5分", 3.25, 3.25, 3.25),
    ("邮费一元零五分", "一元零五分", 1.05, 1.05, 1.05),
    ("找零两块钱", "两块钱", 2, 2, 2),
    # dotted digit sequences (sections, versions) are whole numbers; a lone decimal stays
    ("亩产4.75吨", "4.75吨", 4.75, 4.75, 4.75),
    # two digits written apart before 折
    ("全场 8 5 折", "8 5 折", 85, 85, 85),
    ("会员价七 五 折", "七 五 折", 75, 75, 75),
    # M (million) after digits, Latin unit symbols
    ("投资 3.2 M", "3.2 M", 3200000, 3200000, 3200000),
    ("堤坝加高120cm", "120cm", 120, 120, 120),
    ("运距35km", "35km", 35, 35, 35),
    ("储存45kg", "45kg", 45, 45, 45),
    # 过 before any number; 位 as a measure word
    ("日均客流过3000", "过3000", 3000, 3000, None),
    ("经过三年", "三年", 3, 3, 3),  # 经过: passed, not "more than"
    ("通过两项", "两项", 2, 2, 2),
    ("特聘三位专家", "三位", 3, 3, 3),
    # a denominator without its numerator is a number
    ("占二分之", "二", 2, 2, 2),
    # positions between two ordinals
    ("名次在第3到第8之间", "第3到第8之间", 3, 3, 8),
]
NOT_NUMBERS = ["10:15至11:30", "大家一起努力", "收拾行装", "干劲十足", "新兵入伍", "四川盆地", "两两结对", "部队登陆演练",
               "访问 https://example.org/a?id=2020%20", "编号B2030417", "会议于9:30召开", "半成品仓库",
               "一眼望去，茶园连片",  # (眼 counts wells, not a glance: its noun_after_unit)
               "省会城市首位度不高", "培育首位产业"]  # (首位 of primacy, not a rank)
@pytest.mark.parametrize("sentence", ["进入第二阶段", "第一批、第二批", "前三季度增长5%", "提前3天完成",
                                      "位居前三年", "居民收入第一次超过",
                                      "居民收入前三，"])
def test_no_rank_without_a_ranking_word_or_unit(sentence):
    """Editions, stages, periods and spans after 第 or 前 are no ranks."""
    assert [m.text for m in find_numbers(sentence, YEAR) if m.kind == "rank"] == []


# (text, every mention as (text, value, unit)) where one sentence holds several
SPLITS = [
    ("按规程4.2.7条执行", [("4", 4, ""), ("2", 2, ""), ("7条", 7, "条")]),
    ("单价四美元又二十美分", [("四美元", 4, "美元"), ("二十", 20, "")]),  # one digit per coin
    ("延时250ms", [("250", 250, "")]),  # ms is not the metre
    ("第二位是七", [("第二位", 2, "位"), ("七", 7, "")]),
    # a formal numeral that never stands inside a word counts after any character
    ("新建项目壹个，改造厂房捌座", [("壹个", 1, "个"), ("捌座", 8, "座")]),
]


@pytest.mark.parametrize("text,mentions", SPLITS)
def test_number_splits(text, mentions):
    got = [(m.text, m.value, m.unit) for m in find_numbers(text, YEAR) if m.kind != "date"]
    assert got == [(t, num(v), u) for t, v, u in mentions]


@pytest.mark.parametrize("text,mention,value,lower,upper", FORMS)
def test_number_forms(text, mention, value, lower, upper):
    ms = [m for m in find_numbers(text, YEAR) if m.kind != "date"]
    assert [m.text for m in ms] == [mention]
    m = ms[0]
    assert (m.value, m.lower, m.upper) == (num(value), num(lower), num(upper))


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text):
    assert [m.text for m in find_numbers(text, YEAR)] == []


# ---------------------------------------------------------------- rates: the denominator
# (text, mention text, per)

RATES = [
    ("人均补助3.5万元/户", "3.5万元/户", "户"),
    ("低保标准4318元/年提高到7226元/年", "4318元/年", "年"),   # the verb is not the denominator
    ("每月645元/月", "645元/月", "月"),
    ("执业医师3.2人/千人", "3.2人/千人", "千人"),
    ("电价0.5元/千瓦时", "0.5元/千瓦时", "千瓦时"),
    ("租金30元/平方米·月", "30元/平方米·月", "平方米·月"),
    ("门票8元/万人次", "8元/万人次", "万人次"),
    ("收购价2.6元/公斤", "2.6元/公斤", "公斤"),
    ("生活补助1900元/生•年", "1900元/生•年", "生•年"),
    ("护理补贴800元/人·月。", "800元/人·月", "人·月"),
    ("补贴3元/提高", "3元", None),                               # no known denominator
    ("3元/", "3元", None),
]


@pytest.mark.parametrize("text,mention,per", RATES)
def test_rate_denominators(text, mention, per):
    (m,) = [m for m in find_numbers(text, YEAR) if m.start == text.index(mention)]
    assert (m.text, m.per) == (mention, per)


# ---------------------------------------------------------------- a unit word after a magnitude
# 千 starts unit words (千米, 千瓦, 千公顷); under a larger magnitude it is the numeral's 千

MAGNITUDE_UNITS = [
    ("运营里程增加到2万5千公里", "2万5千公里", 25000, "公里"),
    ("两万五千米", "两万五千米", 25000, "米"),
    ("装机3千5百千瓦", "3千5百千瓦", 3500, "千瓦"),
    ("装机300千瓦", "300千瓦", 300, "千瓦"),
    ("新建5千公里", "5千公里", 5000, "公里"),
    ("播种面积1万千公顷", "1万千公顷", 10000, "千公顷"),
    ("庆祝改革开放40周年", "40周年", 40, "年"),   # an anniversary counts years, not weeks
    ("培训4周", "4周", 4, "周"),
    ("子女未满16周岁", "16周岁", 16, "岁"),   # an age in full years, not 16 weeks
    ("发展食用菌2600万棒", "2600万棒", 26000000, "棒"),  # mushroom logs are counted in 棒
    ("新打机井120眼", "120眼", 120, "眼"),  # wells are counted in 眼
]


@pytest.mark.parametrize("text,mention,value,unit", MAGNITUDE_UNITS)
def test_unit_words_after_magnitudes(text, mention, value, unit):
    (m,) = find_numbers(text, YEAR)
    assert (m.text, m.value, m.unit) == (mention, value, unit)
