"""Attribution in whole documents of kinds the work-report tests do not cover: a budget
report's draft of the year's budget, a plan's mid-term evaluation, a provincial paper's report
of a press conference. Every text here is written for this project."""
from __future__ import annotations

import pytest

import textmine


def _by_text(text: str, doc_id: str, year: int | None = None) -> dict:
    """The claims of ``text`` (no classifier), by the text of each mention."""
    return {c.text: c for c in textmine.extract(text, year=year, doc_id=doc_id, classify=False)}

BUDGET_REPORT = """关于某县2024年预算执行情况和2025年预算草案的报告
——2025年1月8日在某县第五届人民代表大会第三次会议上
一、2024年预算执行情况
全县一般公共预算收入完成7.42亿元，完成调整预算的102.1%，增长5.3%。
二、2025年预算草案
全县一般公共预算收入预算安排7.8亿元，比上年执行数增长5.1%。
主要支出：教育支出8.35亿元，增长3.2%；卫生健康支出4.16亿元；预备费0.45亿元，占一般公共预算支出的1%。
综合考虑各方面因素，全县一般公共预算收入预期增长5%左右。
三、2025年重点工作
力争全年争取上级资金40亿元以上。
"""


@pytest.mark.parametrize("text,role,period", [
    ("7.42亿元", "outcome", "2024"),   # the execution of the year before: what happened
    ("7.8亿元", "plan", "2025"),       # the draft: what the budget arranges
    ("8.35亿元", "plan", "2025"),      # an item of it named without an arranging word
    ("3.2%", "plan", "2025"),          # ... its change
    ("4.16亿元", "plan", "2025"),
    ("1%", "plan", "2025"),            # ... a share of the budget
    ("5%左右", "target", "2025"),      # a goal stated in the draft stays a goal
    ("40亿元以上", "target", "2025"),  # the year's tasks after the draft: goals
])
def test_a_budget_drafts_sums_are_plans(text, role, period):
    claims = _by_text(BUDGET_REPORT.replace("某县", "苍溪县"), "budget")
    assert (claims[text].role, claims[text].period) == (role, period)


MIDTERM = """某省国民经济和社会发展第十四个五年规划纲要实施中期评估报告
一、主要指标进展情况
全省地区生产总值达到2.1万亿元，年均增长6.2%。
常住人口城镇化率达到63.4%，比2020年提高1.9个百分点。
二、下一步工作建议
力争到2025年全省地区生产总值年均增长6%左右。
"""


@pytest.mark.parametrize("text,period", [
    ("2.1万亿元", "2022"),   # the progress, named by no year: the last full year's
    ("63.4%", "2022"),
])
def test_a_midterm_evaluation_reviews_the_year_before_it_is_issued(text, period):
    claims = _by_text(MIDTERM.replace("某省", "山西省"), "shanxi-midterm-2023")
    assert claims[text].period == period


PRESS = """我省易地搬迁后续扶持工作取得新成效
本报贵阳6月18日讯（记者 王明）记者从18日召开的省政府新闻发布会上获悉，今年以来，我省扎实推进易地搬迁后续扶持工作。
我省共建成安置点949个，搬迁群众就业率保持在95%以上。
黔南州新建扶贫车间36个，吸纳就业2100人；黔南州累计培训搬迁劳动力1.2万人次。
毕节市安置点配套学校42所。
全省今年计划新增就业岗位3万个，我省将继续加大投入。
"""


@pytest.mark.parametrize("text,region", [
    ("949个", "贵州省"),     # the province the paper speaks of as its own (我省)
    ("95%以上", "贵州省"),
    ("3万个", "贵州省"),
    ("36个", "黔南布依族苗族自治州"),  # a prefecture that is its clause's subject keeps it
    ("42所", "毕节市"),
])
def test_a_provincial_papers_report_is_of_its_own_province(text, region):
    claims = _by_text(PRESS, "press", 2023)
    assert claims[text].region == region


@pytest.mark.parametrize("swap", [
    ("我省", "我州"),        # the author speaks of its own prefecture: no province
])
def test_a_text_of_its_own_prefecture_keeps_it(swap):
    claims = _by_text(PRESS.replace(*swap).replace("省政府", "州政府"), "press", 2023)
    assert claims["949个"].region == "黔南布依族苗族自治州"


RELEASE_SPANS = "某市2024年1-9月经济运行情况\n{}\n"


@pytest.mark.parametrize("sentence,text,value,period", [
    # a span from a year's end to a month without its year ends in the next year (was the
    # start's year: 2023-08, before the start)
    ("全市规上工业企业从2023年底的1520家增加到8月底的1607家。", "8月底", "2024-08", "2024-08"),
    ("全市规上工业企业从2023年底的1520家增加到8月底的1607家。", "1607家", 1607, "2024-08"),
    # ... after a whole year too; after an earlier month of a year, in that year
    ("新增市场主体从2023年的2.1万户增加到6月的2.6万户。", "6月", "2024-06", "2024-06"),
    ("在库项目从2024年3月的212个增加到9月的260个。", "9月", "2024-09", "2024-09"),
    ("在库项目从2024年9月的212个增加到3月的260个。", "3月", "2025-03", "2025-03"),
    # a start named by a relative year before a month: the start is of that year (was the
    # document's: the end's month between them hid the span)
    ("限额以上商贸单位由上年末的830家增加到9月末的872家。", "830家", 830, "2023"),
    ("限额以上商贸单位由上年末的830家增加到9月末的872家。", "872家", 872, "2024-09"),
])
def test_a_span_ends_after_its_start(sentence, text, value, period):
    claims = _by_text(RELEASE_SPANS.format(sentence), "release", 2024)
    c = claims[text]
    assert (c.value if c.kind == "date" else int(c.value), c.period) == (value, period)


TOWNSHIP_SUMMARY = """某某镇2024年工作总结和2025年工作思路
某某镇人民政府
一、2024年工作成效
全镇接待游客126.5万人次，实现旅游收入8.2亿元。
上海游客约占三成，杭州游客占24%。
二、2025年工作思路
力争全镇村级集体经济总收入达到3200万元。
"""


@pytest.mark.parametrize("town", ["桐溪镇", "高峰乡"])
def test_a_townships_report_that_names_no_county_is_the_townships(town):
    claims = textmine.extract(TOWNSHIP_SUMMARY.replace("某某镇", town), doc_id="summary",
                              classify=False)
    # (was 上海市, the place its text names most)
    assert {c.region for c in claims if c.text in ("126.5万人次", "8.2亿元", "3200万元")} == {town}


FEATURE = """山沟里的好日子
——宁夏西吉县发展特色产业见闻
本报记者 李文
宁夏回族自治区固原市西吉县地处六盘山西麓。近年来，宁夏大力扶持马铃薯产业，宁夏各地纷纷跟进。
去年，全县马铃薯种植面积达到65万亩，产值超过20亿元。
全县肉牛饲养量达到28万头，带动农户3.1万户。
"""


def test_a_text_opening_with_a_path_of_divisions_is_of_the_last():
    claims = _by_text(FEATURE, "feature", 2024)
    # (宁夏回族自治区固原市西吉县地处…: was 宁夏回族自治区, the first name of the path)
    assert claims["65万亩"].region == claims["28万头"].region == "西吉县"


FINAL_ACCOUNTS = """关于某市2024年市级决算的报告
——2025年7月24日在某市人民代表大会常务委员会会议上
一、2024年市级决算情况
全市一般公共预算收入218.6亿元，完成调整预算的100.4%。
二、2025年上半年预算执行情况
全市一般公共预算支出186.2亿元，完成年度预算的51.3%，增长4.6%。
三、下半年重点工作
力争全年一般公共预算收入增长5%以上。
"""


@pytest.mark.parametrize("text,role,period", [
    ("218.6亿元", "outcome", "2024"),
    # a part on how the year after went: what was done (were targets, of a year after 2024),
    # in the months its heading names (were 2025, the heading's year)
    ("186.2亿元", "outcome", "2025-01/2025-06"), ("51.3%", "outcome", "2025-01/2025-06"),
    ("4.6%", "outcome", "2025-01/2025-06"),
    # the months ahead of the day it was delivered (was a review of 2024)
    ("5%以上", "target", "2025"),
])
def test_a_final_accounts_report_reviews_the_year_it_is_delivered_in_too(text, role, period):
    claims = _by_text(FINAL_ACCOUNTS.replace("某市", "洛阳市"), "accounts")
    assert (claims[text].role, claims[text].period) == (role, period)


@pytest.mark.parametrize("sentence,text,period", [
    # a time word opening a clause after the sentence's first governs the clauses after it
    # (were the document's year)
    ("村里发展起乡村旅游，去年接待游客9万人次，旅游收入800多万元，人均可支配收入达到1.8万元。",
     "800多万元", "2023"),
    ("村里发展起乡村旅游，去年接待游客9万人次，旅游收入800多万元，人均可支配收入达到1.8万元。",
     "1.8万元", "2023"),
    # ... up to a ； (the list's next item is of no time it names)
    ("村里发展起乡村旅游，去年接待游客9万人次；民宿达到46家。", "46家", "2024"),
    # ... not a base of comparison inside a clause
    ("全县完成投资32亿元，比去年增长6%，新增就业1200人。", "1200人", "2024"),
    # a source lead (统计数据显示，) is no opening clause: the span after it holds the dates
    # that govern (was 2022/2024, the document's year as the end)
    ("统计数据显示，全县农民人均可支配收入从2020年的1.1万元增加到2023年的1.5万元，年均增长10.9%。",
     "10.9%", "2021/2023"),
])
def test_the_time_of_a_clause_before(sentence, text, period):
    claims = _by_text(sentence, "feature", 2024)
    assert claims[text].period == period


AUDIT = """关于某市2024年度市级预算执行和其他财政收支的审计工作报告
一、市级预算执行审计情况
市级一般公共预算收入完成126.3亿元。
二、县级财政管理审计情况
（一）三台县。一是少征土地出让收入1.2亿元。二是财政暂付款余额达到8.6亿元。
（二）江油市。一是违规向国有企业拨付财政资金6300万元，用于偿还企业到期融资。二是未及时支付中小企业账款，涉及企业41家。
三、重点专项资金审计情况
（一）盐亭县
抽查补贴资金2.1亿元，发现违规发放补贴96万元。
（二）就业补助资金
全市发放就业补助资金3.2亿元。
"""


@pytest.mark.parametrize("text,region", [
    ("126.3亿元", "绵阳市"),
    ("1.2亿元", "三台县"), ("8.6亿元", "三台县"),   # a paragraph opening with its county
    ("6300万元", "江油市"),                           # (were 绵阳市)
    ("2.1亿元", "盐亭县"), ("96万元", "盐亭县"),      # the paragraphs under a county's heading
    ("3.2亿元", "绵阳市"),                            # ... up to the next heading
])
def test_a_part_given_to_a_county_is_that_countys(text, region):
    claims = _by_text(AUDIT.replace("某市", "绵阳市"), "audit")
    assert claims[text].region == region


@pytest.mark.parametrize("sentence,text,value,period", [
    # a date in a clause of the circumstance (面对…，受…) is no time of the clauses after it
    # (were 2022's, and the dates 2022-02-10)
    ("面对2022年秋汛造成的900多万亩小麦晚播，全省组建技术指导组180个，2月10日召开现场会。",
     "180个", 180, "2023"),
    ("面对2022年秋汛造成的900多万亩小麦晚播，全省组建技术指导组180个，2月10日召开现场会。",
     "2月10日", "2023-02-10", "2023-02-10"),
    # ... but its own clause's
    ("面对2022年秋汛造成的900多万亩小麦晚播，全省组建技术指导组180个，2月10日召开现场会。",
     "900多万亩", 9000000, "2022"),
])
def test_a_circumstances_date_governs_its_own_clause(sentence, text, value, period):
    c = _by_text(sentence, "summary", 2023)[text]
    assert (c.value if c.kind == "date" else int(c.value), c.period) == (value, period)


def test_months_to_date_in_a_year_end_summary_run_to_the_years_end():
    text = "某省农业农村厅2023年工作总结\n7月以来，全省累计投入抗旱资金3.6亿元。\n"
    c = _by_text(text.replace("某省", "河南省"), "summary")["3.6亿元"]
    assert c.period == "2023-07/2023-12"  # (was 2023-07/.., open)


SUMMARY_WORK = """湖南省商务厅2023年消费帮扶工作总结
一、2023年主要工作及成效
全年组织销售帮扶产品420亿元，培训电商人才1.8万人次。
二、2024年工作安排
力争全年销售帮扶产品突破450亿元。
"""

PLAN_GOALS = """某县国民经济和社会发展第十四个五年规划纲要
第二章　主要目标
地区生产总值2020年为386.5亿元，年均增长7.5%左右，2025年达到550亿元以上；
规模以上工业增加值年均增长8%左右，2020年为增长4.6%。
"""


@pytest.mark.parametrize("doc,doc_id,text,role", [
    # a heading of the work done and its results (主要工作及成效): a review (was forward:
    # 主要工作, and its figures targets)
    (SUMMARY_WORK, "summary", "420亿元", "outcome"), (SUMMARY_WORK, "summary", "1.8万人次", "outcome"),
    (SUMMARY_WORK, "summary", "突破450亿元", "target"),
    # the base a goal starts from, stated for a past year (2020年为X) among goals: what was
    # (were targets)
    (PLAN_GOALS, "lankao-2021", "386.5亿元", "outcome"), (PLAN_GOALS, "lankao-2021", "4.6%", "outcome"),
    (PLAN_GOALS, "lankao-2021", "550亿元以上", "target"), (PLAN_GOALS, "lankao-2021", "8%左右", "target"),
])
def test_roles_of_parts_of_work_done_and_of_goals(doc, doc_id, text, role):
    claims = _by_text(doc.replace("某县", "兰考县"), doc_id)
    assert claims[text].role == role


FIVE_YEARS = """2024年某县政府工作报告
一、过去五年工作回顾
五年来，城乡低保标准分别提高到每人每月702元和每人每年5064元，每年70%左右的财政支出用于民生。
县级行政审批事项由486项精简到235项。
截至2023年12月31日，全县存款余额512.3亿元；截至6月30日，贷款余额380亿元。
"""


@pytest.mark.parametrize("text,period", [
    # a level reached past the heads of a rate (提高到每人每月X), also the list's next item
    # (were 2019/2023, the five years)
    ("702元", "2023"), ("5064元", "2023"),
    ("70%左右", "2019/2023"),  # (每年 alone: every year of the five)
    # 精简到 joins a span as 减少到 does (were 2019/2023 both)
    ("486项", "2018"), ("235项", "2023"),
    # a stock at the end of a year or a month: the year, the month (were the days)
    ("512.3亿元", "2023"), ("380亿元", "2024-06"),
])
def test_levels_reached_spans_and_stocks_at_a_months_end(text, period):
    claims = _by_text(FIVE_YEARS.replace("某县", "雷山县"), "report")
    assert claims[text].period == period


@pytest.mark.parametrize("sentence,text,region", [
    # a county that opens its sentence as the subject is the figure's after clauses that
    # name no place (was the document's region)
    ("花垣县依托十八洞村品牌，大力发展特色产品网络销售，1-11月实现网络零售额9.6亿元。", "9.6亿元", "花垣县"),
    # ... not past another place named between
    ("花垣县依托十八洞村品牌，带动永顺县发展特色产业，1-11月实现网络零售额9.6亿元。", "9.6亿元", "湖南省"),
])
def test_a_sentences_place_is_the_subject_of_its_later_clauses(sentence, text, region):
    doc = "湖南省商务厅2021年消费帮扶工作总结\n" + sentence + "\n"
    claims = _by_text(doc, "summary")
    assert claims[text].region == region


@pytest.mark.parametrize("sentence,text,role", [
    # counted to a day (截至…) in a part that looks ahead: what was done by then (was a
    # target, of the part on the year after a report on 2023)
    ("截至2024年1月中旬，全国已举办招聘活动1.4万场，发布岗位信息1200余万个。", "1200余万个", "outcome"),
    # ... a goal word keeps its own
    ("截至2025年底，全县力争建成高标准农田20万亩。", "20万亩", "target"),
])
def test_a_count_to_a_day_after_the_reports_year(sentence, text, role):
    doc = "人社部2023年工作总结\n二、2024年工作安排\n" + sentence + "\n"  # (a part ahead)
    claims = _by_text(doc, "release")
    assert claims[text].role == role


def test_an_average_after_a_base_stated_for_a_year_is_of_the_plan_period():
    claims = _by_text(PLAN_GOALS.replace("某县", "兰考县"), "lankao-2021")
    # (地区生产总值2020年为X，年均增长Y: the plan's years, was 2020, the base's)
    assert claims["7.5%左右"].period == "2021/2025"
    assert claims["386.5亿元"].period == "2020"


def test_an_audits_sample_is_of_the_place_sampled():
    doc = ("关于绵阳市2022年度市级预算执行和其他财政收支的审计工作报告\n"
           "抽查平武县2022年衔接资金1.28亿元，其中用于产业发展的资金0.75亿元。\n")
    claims = _by_text(doc, "audit")
    assert claims["1.28亿元"].region == "平武县"  # (was 绵阳市: 抽查 before the place)


# one sentence each, read in the year given: its figure's role
@pytest.mark.parametrize("year,sentence,text,role", [
    # a goal's value before the share of it that was done: the goal (was an outcome, as
    # 完成…的目标 says a goal was reached)
    (2024, "1-10月，全市城镇新增就业4.9万人，完成4.6万人年度目标任务的106.5%。", "4.6万人", "target"),
    (2024, "1-10月，全市城镇新增就业4.9万人，完成4.6万人年度目标任务的106.5%。", "106.5%", "outcome"),
    (2024, "全县实现地区生产总值增长6%的年度目标。", "6%", "outcome"),  # (reached: no share after it)
    # figures after a stated goal that its sentence says was missed (虽未完成，但…) are what
    # happened (were targets)
    (2023, "年初确定的地区生产总值增长7%左右的预期目标虽未完成，但主要指标逐季回稳：一季度增长4.5%，上半年增长5.1%。",
     "4.5%", "outcome"),
    (2023, "年初确定的地区生产总值增长7%左右的预期目标虽未完成，但主要指标逐季回稳：一季度增长4.5%，上半年增长5.1%。",
     "7%左右", "target"),
    # what held over years (连续多年保持在X以上) is an outcome (was a target: 保持在)
    (2023, "全省技工院校毕业生就业率连续多年保持在97%以上。", "97%以上", "outcome"),
    # ... a goal word keeps its own
    (2023, "确保粮食产量连续多年稳定在45万吨以上。", "45万吨以上", "target"),
    (2023, "力争城镇调查失业率控制在5.5%以内。", "控制在5.5%以内", "target"),
    # an average of many places' standards is a statistic of them, not a standard set (were
    # plans: 标准由…提高到, 标准为)
    (2022, "农村低保平均标准由年人均5014元提高到5523元，增长10.2%。", "5523元", "outcome"),
    (2022, "全省孤儿基本生活保障平均标准为每人每月1830元。", "1830元", "outcome"),
    (2022, "城乡低保标准提高到每人每月702元。", "702元", "plan"),  # (a standard set: a plan)
])
def test_roles_of_single_sentences(year, sentence, text, role):
    assert _by_text(sentence, "sentence", year)[text].role == role
