"""Attribution rules, table by table: period (+ source), role, region, indicator key, and the
document's reference year and region. Every sentence here is written for this project in
the style of work reports and bulletins."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

import textmine
from textmine.attribute.gazetteer import Gazetteer
from textmine.attribute.keys import KeyTable
from textmine.attribute.timewords import Cue, TimeWords

REPORT = """2021年某省政府工作报告
一、2020年工作回顾
过去一年，面对复杂严峻的形势，全省上下攻坚克难，全省地区生产总值达到5200亿元，比上年增长3.8%，经济运行稳中向好。
五年来，我们坚持稳中求进，城镇新增就业累计260万人，居民人均可支配收入从1.8万元增加到2.6万元，年均增长7.5%。
脱贫攻坚取得决定性成就，截至2020年底，贫困发生率降至0.5%，区域性整体贫困基本解决。今年以来，新增市场主体12万户。
二、2021年主要任务
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业40万人以上；居民消费价格涨幅控制在3%左右。
加大财政支持力度，今年拟安排省级财政专项资金80亿元，比上年增加5亿元，其中产业发展资金30亿元，重点支持乡村产业。
稳定粮食生产，预计全年粮食产量达到600万吨。推进新型城镇化，到2025年，常住人口城镇化率提高到60%，城乡融合发展。
“十四五”时期，全省研发投入年均增长10%以上，创新能力明显增强，科技进步贡献率稳步提高，高新技术企业数量持续增加。
"""


def _claims(text: str, year: int | None = None, doc_id: str = "report"):
    return textmine.extract(text, year=year, doc_id=doc_id, classify=False)


@pytest.fixture(scope="module")
def report():
    return {c.text: c for c in _claims(REPORT.replace("某省", "江西省"))}


PERIODS = [
    # (figure as written, period, period_source)
    ("5200亿元", "2020", "relative"),       # the review of the past year (过去一年)
    ("3.8%", "2020", "relative"),           # 比上年 is the base, not the period
    ("260万人", "2016/2020", "relative"),   # 五年来: cumulative over the five years
    ("1.8万元", "2015", "span"),            # 从X增加到Y in a five-year review: the year before
    ("2.6万元", "2020", "span"),            # ... and the last year
    ("7.5%", "2016/2020", "relative"),      # 年均: the whole span
    ("0.5%", "2020", "written"),            # 截至2020年底
    ("6%左右", "2021", "relative"),         # this year's targets (今年…预期目标)
    ("40万人以上", "2021", "section"),      # the next item of the list: the paragraph's 今年
    ("80亿元", "2021", "relative"),         # 今年拟安排
    ("600万吨", "2021", "section"),         # 预计全年, in the part on this year
    ("60%", "2025", "written"),             # 到2025年: the deadline
    ("10%以上", "2021/2025", "relative"),   # “十四五”时期
]


SENTENCES = [
    # (sentence in a report of the year, figure, period, role)
    # a sentence of the parts (其中，…) of a sentence that opened with a date: of that date
    # (was the document's year); a sentence of its own after it is not (a guard)
    ("截至10月底，全县有126家企业参与结对帮扶。其中，投入帮扶资金3.6亿元。", 2020, "3.6亿元",
     "2020-10", "outcome"),
    ("截至10月底，全县有126家企业参与结对帮扶。全年投入帮扶资金3.6亿元。", 2020, "3.6亿元",
     "2020", "outcome"),
    # a clause of a time that recurs (每年) is governed by no date of another clause (was 2018)
    ("在2018年培训护理人员300人以上；每年选派不少于15名医师下乡服务。", 2020, "不少于15名",
     "2020", "outcome"),
    ("1-6月，全县培训护理人员300人；选派医师15名。", 2020, "15名", "2020-01/2020-06", "outcome"),
    # a standard before the deed of a grant, 的 or no 的 between: the body's plan
    ("按每人每月600元标准发放护理补贴。", 2020, "600元", "2020", "plan"),
    # a sentence that opens with a forecast word after a source's lead: its figures forecasts
    ("据测算，预计全年交易额将突破80亿元，带动农户约2万户。", 2020, "约2万户", "2020", "forecast"),
    # a figure restated after 即 has the role of the one before it (was outcome) and its
    # statistic (was 即每人)
    ("城市低保平均保障标准为每人每年8520元，即每人每月710元。", 2023, "710元", "2023", "plan"),
    # the year a level regains (恢复到2019年的八成) is a comparison base, not the period (was
    # 2019, and the clause after it an outcome of 2019)
    ("力争接待游客人数恢复到2019年的八成以上，实现旅游收入650亿元左右。", 2023, "八成以上", "2023",
     "target"),
    ("力争接待游客人数恢复到2019年的八成以上，实现旅游收入650亿元左右。", 2023, "650亿元左右", "2023",
     "target"),
    # a month after 其中 opens its clause: it governs the clauses after it (环比, was 2025)
    ("全市工业生产者出厂价格同比下降1.2%，其中10月份同比下降0.8%，环比上涨0.3%。", 2025, "0.3%",
     "2025-10", "outcome"),
    # a sum arranged under a modal verb, then a figure of a clause after it: a goal it lists
    # (was an outcome); without the modal, what was done
    ("今年将安排衔接资金12亿元，实施项目360个。", 2021, "360个", "2021", "target"),
    ("全年安排衔接资金12亿元，实施项目360个。", 2021, "360个", "2021", "outcome"),  # (a guard)
    # a year and the event it began, then 以来: from the event to date, as 2016年以来 (was the
    # year alone; to date: open, the report naming no day); a year that is the figure's own stays
    ("自2013年闽宁协作深化以来，福建省累计选派挂职干部210名。", 2020, "210名", "2013/2020", "outcome"),
    # 由上年的X增加到Y: X of the year before the context's, Y of the context's (were the year
    # before 上年 and 上年)
    ("全省每千人口执业医师数由上年的3.1人增加到3.3人。", 2024, "3.1人", "2023", "outcome"),
    ("全省每千人口执业医师数由上年的3.1人增加到3.3人。", 2024, "3.3人", "2024", "outcome"),
    # ... also after a clause naming where the figures come from (据了解，: was the year)
    ("据了解，宁波市自2017年开展结对帮扶以来，累计投入帮扶资金18.4亿元。", 2021, "18.4亿元", "2017/2021",
     "outcome"),
    ("2016年结对帮扶以来，累计援建学校36所。", 2020, "36所", "2016/2020", "outcome"),
    # (a longer event, names in quotes: 2018年“春风行动”“南粤工匠”两项工程启动以来)
    ("2018年“春风行动”“南粤工匠”两项工程启动以来，全市累计开展培训超过300万人次。", 2023, "超过300万人次",
     "2018/2023", "outcome"),
    ("2016年，援建学校36所。", 2020, "36所", "2016", "outcome"),  # (a guard)
    # a standard per head of a grant (per 户, 每人每年, 标准为) is what the issuing body sets: a
    # plan, in a review as in a policy page (was outcome, or target under a goals heading);
    # money per head that names no grant, or an average received (人均), is no standard (the
    # last three: guards)
    ("对易地搬迁户给予装修补助，每户8000元。", 2019, "8000元", "2019", "plan"),
    ("为寄宿学生提供生活补助，每人每年1200元。", 2019, "1200元", "2019", "plan"),
    ("农村危房改造一级补助3万元/户。", 2019, "3万元/户", "2019", "plan"),
    ("免住宿费，标准为600元/生•年。", 2019, "600元/生•年", "2019", "plan"),
    ("全县贫困户户均增收2600元。", 2019, "2600元", "2019", "outcome"),
    ("全县脱贫户人均享受补贴900元。", 2019, "900元", "2019", "outcome"),
    ("全年发放助学金860万元。", 2019, "860万元", "2019", "outcome"),
    # 计划生育 is a policy's name, no plan (was a target)
    ("全县计划生育家庭奖励扶助1200户。", 2019, "1200户", "2019", "outcome"),
    # the level a standard's raise reaches has the raise's role (was a target in the tasks)
    ("城乡居民医保财政补助标准每人每年再提高30元，达到670元。", 2024, "670元", "2024", "plan"),
    ("力争地区生产总值增长8%，达到1200亿元。", 2024, "1200亿元", "2024", "target"),  # (a guard)
    ("义务教育生均公用经费基准定额每生每年提高到720元。", 2024, "720元", "2024", "plan"),  # (a standard)
    # a floor or ceiling of a rate in a span of years holds every year of it (was its last);
    # a level reached is the last year's
    ("“十四五”期间，衔接资金用于产业发展的比例不低于55%。", 2022, "不低于55%", "2021/2025", "target"),
    ("五年来，城镇调查失业率控制在5.5%以内。", 2026, "控制在5.5%以内", "2021/2025", "outcome"),
    ("“十四五”期间，常住人口城镇化率达到65%。", 2022, "65%", "2025", "target"),
    # a part after a goal's value is a part of what was done, not of the goal (was a target)
    ("务工规模达到3145万人，超过3000万人的年度目标任务，其中跨省务工1228万人。", 2022, "1228万人",
     "2022", "outcome"),
    # ... and 计划总投资 the size of the projects counted, no goal (was a target)
    ("全年新开工项目36个，其中计划总投资亿元以上项目7个。", 2022, "7个", "2022", "outcome"),
    # an average rate to a deadline: from the report's year to it
    ("到2025年，农村居民人均可支配收入年均增长8%左右。", 2021, "8%左右", "2021/2025", "target"),
    ("2020年到2025年，工业投资占比从17.9%提升到35.5%。", 2026, "17.9%", "2020", "outcome"),
    ("2020年到2025年，工业投资占比从17.9%提升到35.5%。", 2026, "35.5%", "2025", "outcome"),
    ("力争完成水利投资300亿元。", 2026, "300亿元", "2026", "target"),
    # a span of years measured (schooling) among the goals of the years ahead: a target
    ("到2030年，劳动年龄人口平均受教育年限达11.5年。", 2026, "11.5年", "2030", "target"),
    ("2025年，劳动年龄人口平均受教育年限达11.2年。", 2026, "11.2年", "2025", "outcome"),
    # ... and the time a goal is set to take (争取, 力争, 确保), not a streak that held
    ("争取用2年时间完成全部危桥改造。", 2026, "2年", "2026", "target"),
    ("全县粮食产量连续4年稳定在30万吨以上。", 2026, "4年", "2026", "outcome"),
    # a later clause pointing back to a goal (确保实现这一目标): the figure before it is one
    ("省财政已按科技支出占一般公共预算支出的3%编制预算，各地也要同步落实，共同实现这一目标。",
     2026, "3%", "2026", "target"),
    ("去年全县新增就业1.2万人，提前完成了这一目标。", 2026, "1.2万人", "2025", "outcome"),
    # a date opening a sentence that ends in ； governs the items after it up to the 。
    ("1-6月，全县生产总值完成52亿元；固定资产投资完成18亿元；新增就业1500人。", 2023, "1500人",
     "2023-01/2023-06", "outcome"),
    # ... also after the words that name a breakdown (分行业看，; 按经营单位所在地分，)
    ("按城乡分，1-9月，城镇消费品零售额420亿元；乡村消费品零售额96亿元。", 2023, "96亿元",
     "2023-01/2023-09", "outcome"),
    ("分行业看，1-9月，采矿业增长3%；制造业增长7%。", 2023, "7%", "2023-01/2023-09", "outcome"),
    # a date between 由 and X of 由X下降到Y is the start's: Y is the context's year
    ("贫困发生率由2022年底的6.1%下降到0.9%。", 2023, "6.1%", "2022", "outcome"),
    ("贫困发生率由2022年底的6.1%下降到0.9%。", 2023, "0.9%", "2023", "outcome"),
    ("2022年，贫困发生率由6.1%下降到0.9%。", 2023, "0.9%", "2022", "outcome"),
    # a share of the year's plan or goal is how much was done
    ("截至6月底，已拨付协作资金1.4亿元，占年度计划的60%。", 2022, "60%", "2022-06", "outcome"),
    # a sentence that opens with a forecast word: its figures are forecasts, unless a word
    # of their own clause says otherwise
    ("预计到今年年底，全年消费帮扶金额将突破12亿元。", 2022, "突破12亿元", "2022", "forecast"),
    ("预计全年增长5%，力争达到6%。", 2022, "6%", "2022", "target"),
    # relative months (今年1-5月) govern like written ones
    ("今年1-5月，农产品销售额同比增长28%。", 2022, "28%", "2022-01/2022-05", "outcome"),
    # ... but not, outside a statistical release, the later sentences of its paragraph
    ("1-6月，全县生产总值完成52亿元。固定资产投资完成18亿元。", 2023, "18亿元", "2023", "outcome"),
    ("6月，全县生产总值完成9亿元。固定资产投资完成3亿元。", 2023, "3亿元", "2023", "outcome"),
    # ... up to a sentence of the whole year (全年B。C: C not the months' either)
    ("1-11月，规上工业增加值增长7.2%。全年财政收入完成152亿元。居民收入达到38960元。", 2023,
     "38960元", "2023", "outcome"),
    # the change after a list of forecasts, itself a list, is forecast (was outcome after the
    # first item)
    ("全县城乡居民人均可支配收入预计分别达到38960元、17320元，分别增长5.2%、6.9%。", 2022, "6.9%",
     "2022", "forecast"),
    # ... not past an item with a time of its own
    ("1-6月，生产总值完成52亿元；同时，到9月底存栏500万羽；建成基地24个。", 2023, "24个", "2023",
     "outcome"),
    # 全年 in a figure's clause after 今年以来: the whole year, not the year so far
    ("今年以来，全县新增市场主体860户，预计全年新增1500户以上。", 2026, "1500户以上", "2026", "forecast"),
    ("今年以来，全县新增市场主体860户。", 2026, "860户", "2026", "outcome"),
    # a span from X to Y after 以来 counted from the report's own year, issued on no known
    # day: to date is that year alone (raised an IndexError, and the whole file was lost)
    ("今年以来，全镇集体经济收入由860万元提高到1120万元。", 2026, "1120万元", "2026", "outcome"),
    ("2026年以来，全镇集体经济收入由860万元提高到1120万元。", 2026, "1120万元", "2026", "outcome"),
    ("今年以来，全镇集体经济收入由860万元提高到1120万元。", 2026, "860万元", "2026", "outcome"),
    # a lead-in that names a plan or a speaker is no opening clause of time: the clause after
    # it opens the sentence, and its 明年 governs the goals after it (was the report's year)
    ("按照计划，明年全县将新建大棚300座，力争建成育苗基地5个以上。", 2023, "5个以上", "2024", "target"),
    ("县农业农村局负责人表示，明年全县新建冷库10座，并培育家庭农场20家。", 2023, "20家", "2024",
     "target"),
    # a later clause's own goal word after a forecast opening the sentence: a goal
    ("预计明年可争取专项资金2亿元左右，确保项目完工率达到90%以上。", 2023, "90%以上", "2024", "target"),
    ("预计明年可争取专项资金2亿元左右，确保项目完工率达到90%以上。", 2023, "2亿元左右", "2024",
     "forecast"),
    # funds obtained (共争取, 争取衔接…资金) and a programme named 计划: what happened
    ("全年共争取衔接推进乡村振兴补助资金2.4亿元。", 2023, "2.4亿元", "2023", "outcome"),
    ("全年落实雨露计划补助学生620人。", 2023, "620人", "2023", "outcome"),
    # a standard set or adjusted (确定为, 调整为) is arranged, as one raised is (were outcomes)
    ("城乡低保标准调整为每人每月680元。", 2022, "680元", "2022", "plan"),
    ("临时救助标准确定为每人每次5000元。", 2022, "5000元", "2022", "plan"),
    # the parts listed after 其中 past a ； take the time of the whole they are parts of, the
    # last figure before them (was the date the sentence before opened with)
    ("2023年下达的项目中，截至2024年3月底仍有86个未完工；其中桑植县有9个未验收。", 2024, "9个", "2024-03",
     "outcome"),
    # a deadline after a subject and a goal word governs the goals after it in its sentence
    ("下一步，全县将力争到2028年建成高标准农田8万亩，粮食综合产值突破30亿元。", 2026, "突破30亿元",
     "2028", "target"),
    ("同时，该县计划到2027年新建学校6所，改造农村公路150公里。", 2026, "150公里", "2027", "target"),
    # ... not a date without a goal word before it (a year of the past, what was done)
    ("该县2024年建成基地3个，今年新增基地2个。", 2026, "2个", "2026", "outcome"),
    # a final account (决算) is what was spent, whatever budget word it holds
    ("全省一般公共预算支出决算数为6120亿元。", 2026, "6120亿元", "2026", "outcome"),
    ("今年全省一般公共预算支出安排6300亿元。", 2026, "6300亿元", "2026", "plan"),
    # a minimum purchase price is a standard the government sets: a plan
    ("今年稻谷最低收购价每50公斤提高6元。", 2023, "6元", "2023", "plan"),
    # ... so is the raise of a standard, to or by a sum, however often it is paid
    ("去年低保标准每人每月分别提高25元、50元。", 2024, "50元", "2023", "plan"),
    ("今年困难残疾人生活补贴标准分别提高60元、45元。", 2024, "45元", "2024", "plan"),
    # 再 inside a word (再就业, 再生) sets no goal; 今年再减少 does
    ("全年城镇新增就业5.3万人，失业人员再就业1.2万人。", 2023, "1.2万人", "2023", "outcome"),
    ("全年再生资源回收量120万吨。", 2023, "120万吨", "2023", "outcome"),
    ("今年再减少农村贫困人口50万人。", 2023, "50万人", "2023", "target"),
    # a record since a year (为2005年以来最高) is compared with those years, it covers none
    ("全县工业投资增速为2005年以来最高，连续三年高于全省平均水平。", 2013, "三年", "2013", "outcome"),
    ("工业增加值增速为2009年以来最低的6.8%。", 2013, "6.8%", "2013", "outcome"),
    ("2009年以来，工业增加值年均增长6.8%。", 2013, "6.8%", "2009/2013", "outcome"),  # to date
    # a comparison base is never the period; an average rate from it covers the years since
    ("国内生产总值比2015年增长42%，年均增长7.3%。", 2021, "42%", "2021", "outcome"),
    ("国内生产总值比2015年增长42%，年均增长7.3%。", 2021, "7.3%", "2016/2021", "outcome"),
    ("去年全市生产安全事故死亡人数比2019年下降6.2%。", 2024, "6.2%", "2023", "outcome"),
    # a level reached in a multi-year review is the last year's, the verb inside the claim too
    ("过去五年，全市一产增加值突破2600亿元。", 2026, "突破2600亿元", "2025", "outcome"),
    ("过去五年，全市累计新增城镇就业52万人。", 2026, "52万人", "2021/2025", "outcome"),
    # a stock is a level, with no verb of reaching (a capacity, a length in service) ...
    ("过去五年，全省锂电池产能近80万吨，光伏装机1200万千瓦。", 2026, "近80万吨", "2025", "outcome"),
    ("过去五年，全省锂电池产能近80万吨，光伏装机1200万千瓦。", 2026, "1200万千瓦", "2025", "outcome"),
    # ... not what was added to it over the span
    ("过去五年，全省新增风电装机680万千瓦。", 2026, "680万千瓦", "2021/2025", "outcome"),
    ("过去五年，全省压减粗钢产能320万吨、平板玻璃产能90万吨。", 2026, "90万吨", "2021/2025", "outcome"),
    ("下半年经济回升，全年进出口总额2.2万亿美元。", 2010, "2.2万亿美元", "2010", "outcome"),
    ("省财政拟安排奖补资金215亿元，比上年增加18.5亿元。", 2010, "18.5亿元", "2010", "plan"),
    ("今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元。", 2013, "4000亿元", "2013", "plan"),
    ("今年全省赤字率拟按3.2%左右安排，比上年预算低0.3个百分点。", 2015, "0.3个百分点", "2015", "plan"),
    ("一般公共预算收入2487亿元，增长5.6%。", 2020, "2487亿元", "2020", "outcome"),
    # the value of the year's goal in a sentence of the months so far: the year's
    ("1-9月，全市城镇新增就业3.1万人，完成年度目标任务4万人的77.5%。", 2024, "4万人", "2024", "target"),
    ("1-9月，全市城镇新增就业3.1万人，完成年度目标任务4万人的77.5%。", 2024, "77.5%", "2024-01/2024-09",
     "outcome"),
    # the value of a goal named after it, also of a goal missed or of a control goal
    ("全市工业投资下降1.8%，未完成年初确定的增长6%的目标。", 2024, "6%", "2024", "target"),
    ("城镇调查失业率5.2%，低于5.5%的控制目标。", 2024, "低于5.5%", "2024", "target"),
    # a margin over a goal set by a higher level: what happened, not a goal
    ("全县脱贫人口务工规模达到8.6万人，超过省下达目标任务4200人。", 2024, "4200人", "2024", "outcome"),
    ("全年城镇新增就业2.3万人，比市下达的目标多1800人。", 2024, "1800人", "2024", "outcome"),
    # the start of a span under a deadline is where the figure stands when the report is
    # written (the year before it), not the year before the deadline; its end is the goal
    ("到2030年，全市人均公园绿地面积从14.6平方米提高到16平方米。", 2026, "14.6平方米", "2025", "outcome"),
    ("到2030年，全市人均公园绿地面积从14.6平方米提高到16平方米。", 2026, "16平方米", "2030", "target"),
    # an audit's finding of money budgeted or arranged wrongly: found, not arranged
    ("审计发现，4个单位少编报事业收入预算1.48亿元。", 2024, "1.48亿元", "2024", "outcome"),
    ("有的县违规安排衔接资金620万元用于楼堂馆所建设。", 2024, "620万元", "2024", "outcome"),
    ("我国经济增长预期目标是在提高质量的基础上年均增长7%。", 2011, "7%", "2011", "target"),
    # a multiple's base (是X年的N倍) is not its period, in its clause or opening the sentence
    ("省财政投入保障资金860亿元，是2015年的1.8倍。", 2017, "1.8倍", "2017", "outcome"),
    ("是上年的3倍多，增速居全国前列。", 2017, "3倍多", "2017", "outcome"),
    ("直播带货销售额是去年同期的2.4倍。", 2021, "2.4倍", "2021", "outcome"),  # (同期: the base's)
    # a day of one event governs a figure with its year (was the document's year; not of a
    # list, nor an end; 截至 a day: the stock at that day)
    ("2023年3月5日，省财政下达衔接资金5.8亿元。", 2024, "5.8亿元", "2023", "outcome"),
    ("7月20日，全市发放稳岗补贴1.2亿元。", 2023, "1.2亿元", "2023", "outcome"),
    ("1月24日，全市启动一级响应；全年累计报告病例576例。", 2021, "576例", "2021", "outcome"),
    ("截至10月20日，全市发放贷款12亿元。", 2024, "12亿元", "2024-10-20", "outcome"),
    ("3月8日、5月20日，全县举办招聘会2场。", 2023, "2场", "2023", "outcome"),
    ("展销活动持续至12月15日，预计销售农产品1.5亿元。", 2023, "1.5亿元", "2023", "forecast"),
    ("全省规上工业企业“十四五”时期营业收入为“十三五”时期的1.6倍。", 2026, "1.6倍", "2021/2025",
     "outcome"),
    ("人均预期寿命从2015年的76.1岁提高到2020年的77.3岁。", 2021, "76.1岁", "2015", "outcome"),
    # 年均 and 累计 are the figure's they stand before, not the next one's in the clause
    ("“十五五”时期，全市地区生产总值年均增长5.5%左右、迈上5000亿元台阶。", 2026, "5000亿元",
     "2030", "target"),
    ("过去五年，城镇化率年均提高1.2个百分点、达到62%。", 2018, "62%", "2017", "outcome"),
    ("过去五年，全市地区生产总值跨越3000亿元大关，年均增长6.1%。", 2026, "3000亿元", "2025", "outcome"),
    ("过去五年，全市地区生产总值跨越3000亿元大关，年均增长6.1%。", 2026, "6.1%", "2021/2025", "outcome"),
    ("过去五年，全省养老保险基金积累860亿元，比五年前增加410亿元。", 2026, "860亿元", "2025", "outcome"),
    ("过去五年，全省养老保险基金积累860亿元，比五年前增加410亿元。", 2026, "410亿元", "2021/2025",
     "outcome"),
    ("过去五年，全省五年财政用于科技的投入达到860亿元。", 2018, "860亿元", "2013/2017", "outcome"),
    # what was planned for a year already over is still its target, and so are its parts
    ("2019年：计划易地搬迁1320户5600人，其中贫困人口4100人。", 2020, "1320户", "2019", "target"),
    ("2019年：计划易地搬迁1320户5600人，其中贫困人口4100人。", 2020, "4100人", "2019", "target"),
    ("2019年，全县完成易地搬迁1320户，其中贫困户980户。", 2020, "980户", "2019", "outcome"),
    ("2019年，全县已完成年度计划的96%。", 2020, "96%", "2019", "outcome"),
    ("2019年，新建农村公路比年度计划多了一倍。", 2020, "一倍", "2019", "outcome"),
    ("学生营养改善计划惠及120万农村学生。", 2020, "120万", "2020", "outcome"),
    ("2019年计划脱贫560户，力争3个贫困村出列。", 2020, "3个", "2019", "target"),
    ("2019年计划脱贫560户，力争3个贫困村出列。", 2020, "2019年", "2019", "outcome"),
    # goals listed after the one a goal verb sets, in its sentence (力争全年新建X，培育Y，带动Z)
    ("下一步，我们将力争全年改造提升高标准农田3万亩以上，培育省级龙头企业40家，带动脱贫户户均增收800元左右。",
     2021, "40家", "2021", "target"),
    ("下一步，我们将力争全年改造提升高标准农田3万亩以上，培育省级龙头企业40家，带动脱贫户户均增收800元左右。",
     2021, "800元左右", "2021", "target"),
    # ... also after a modal verb (要) in the first clause
    ("今年全市要投入衔接资金不低于8亿元，实施项目300个以上。", 2021, "300个以上", "2021", "target"),
    # ... but 将 before an object and what is done with it (将X作为, 将X纳入) is no modal
    ("将筛选出的12,396名脱贫劳动力作为重点服务对象，开展就业帮扶。", 2020, "12,396名", "2020",
     "outcome"),
    ("将全县1.2万名脱贫人口纳入防返贫监测。", 2020, "1.2万名", "2020", "outcome"),
    # ... not past a ； (a new clause of what was done; a guard)
    ("力争全年新建冷链仓储设施20个；已建成乡镇快递服务站36个。", 2021, "36个", "2021", "outcome"),
    # a plan issued is what was done (已下达项目计划X个), and 再贴现 sets no goal (再)
    ("全市已下达项目计划326个，开工298个。", 2021, "326个", "2021", "outcome"),
    ("全年累计办理再贴现8.6亿元。", 2020, "8.6亿元", "2020", "outcome"),
    # the year of the start of a span governs its start alone (and the list of starts: a
    # guard), not a later clause of the sentence
    ("全县森林覆盖率由2016年的52.1%提高到58.3%，草原综合植被盖度达到71.5%。", 2019, "71.5%", "2019",
     "outcome"),
    ("城乡低保标准分别从2018年的520元/月、3900元/年提高到2021年的610元/月、5100元/年。", 2022,
     "3900元/年", "2018", "outcome"),
    # funds or projects won (争取上级资金, 争取到): what was done, no goal; 要争取 still one
    ("全年全县争取上级资金8.2亿元，争取到项目资金5亿元。", 2020, "8.2亿元", "2020", "outcome"),
    ("全年全县争取上级资金8.2亿元，争取到项目资金5亿元。", 2020, "5亿元", "2020", "outcome"),
    ("今年要争取中央资金10亿元。", 2021, "10亿元", "2021", "target"),  # (a guard)
    # money planned to be put in (计划投入) and a standard loans are given by: arranged
    ("明年计划投入衔接资金2亿元。", 2020, "2亿元", "2021", "plan"),
    ("按照每户不超过5万元的标准发放扶贫小额信贷。", 2020, "不超过5万元", "2020", "plan"),
    # a standard of a subsidy (补贴标准, as 补助标准): what the body arranges
    ("全县现有公益性岗位1200个，岗位补贴标准为每人每月600元。", 2022, "600元", "2022", "plan"),
    # an average rate after a span from a written year (由2020年的X增加到2025年的Y，年均增长Z):
    # the years after the start up to the end
    ("脱贫人口人均纯收入由2020年的10200元增加到2025年的16800元，年均增长10.5%。", 2026, "10.5%",
     "2021/2025", "outcome"),
    # a change against a written year in a five-year review (比2020年增长65%): the end's
    ("过去五年，全省农业全产业链产值突破2.3万亿元，比2020年增长65%。", 2026, "65%", "2025", "outcome"),
    # a part with its own cue keeps it (其中中央政府拟新增X: plan)
    ("去年实施总额800亿元的两年投资计划，其中省政府拟新增260亿元。", 2020, "260亿元", "2019",
     "plan"),
]


FIVE_YEAR_REVIEW = """2021年某省政府工作报告
一、过去五年工作回顾
五年来，全省经济实力明显增强，城镇新增就业累计260万人。
刚刚过去的2020年，全省经受住了严峻考验。地区生产总值增长3.9%，城镇新增就业45万人；全年完成固定资产投资8000亿元。
五年来，全省生态环境持续改善，新增造林面积900万亩。
"""


@pytest.mark.parametrize("text,period", [("260万人", "2016/2020"), ("3.9%", "2020"), ("45万人", "2020"),
                                         ("8000亿元", "2020"), ("900万亩", "2016/2020")])
def test_a_paragraph_on_the_last_year_inside_a_five_year_review(text, period):
    """刚刚过去的2020年 opens a paragraph: its sentences are about 2020, not the five years."""
    c = next(c for c in _claims(FIVE_YEAR_REVIEW.replace("某省", "江西省")) if c.text == text)
    assert c.period == period


YEAR_AND_PLAN_REVIEW = """2026年某省政府工作报告
一、2025年和“十四五”时期工作回顾
2025年，面对外部压力加大、内部困难增多的复杂局面，全省经济稳中有进。城镇新增就业55万人，粮食产量达到1100万吨，居民收入稳步增长。
——民生持续改善。坚持把保障和改善民生作为政府工作的出发点，全年新建城镇保障性住房3万套，基本医疗保险参保率稳定在95%以上。
各位代表！2025年主要目标任务顺利完成，“十四五”规划圆满收官。回望过去五年，我们迎难而上、攻坚克难，办成了一批事关长远的大事要事。
（一）城乡面貌明显改善。累计完成老旧小区改造42万户，铁路省际通道增至38个，城市功能和品质持续提升，居民人均可支配收入年均增长6.2%。
（二）公共服务更加均衡。新增基础教育学位20万个，基本养老金最低标准从110元/月提高到160元/月，群众获得感幸福感安全感不断增强。
二、2026年主要任务
今年经济社会发展的主要预期目标是：城镇新增就业50万人以上，居民人均可支配收入增长与经济增长同步，粮食产量稳定在1100万吨以上。
"""

PLAN_AND_YEAR_REVIEW = """2026年某省政府工作报告
一、“十四五”时期和2025年工作回顾
五年来，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，全省累计新增城镇就业260万人，经济实力明显增强。
回顾过去一年，面对复杂严峻的外部环境和艰巨繁重的改革发展稳定任务，全省上下攻坚克难、砥砺前行，各项工作取得新的成效，成绩来之不易。
（一）产业发展提质增效。坚持把发展经济的着力点放在实体经济上，新增规模以上工业企业600家，工业增加值增长7.1%，制造业投资持续较快增长。
"""

# ... or with the plan period as the subject of its first sentence, however long
PLAN_AS_SUBJECT = """2016年某省政府工作报告
一、2015年和“十二五”时期工作回顾
过去一年，全省生产总值增长7.6%，城镇新增就业62万人。
“十二五”时期是全省发展很不平凡的五年，经济实力跃上新台阶。
全省生产总值年均增长9.8%，城镇化率年均提高1.4个百分点，高速公路通车里程达到5200公里。
二、2016年主要任务
今年全省生产总值增长7%左右，到2020年全省生产总值比2010年翻一番，主要指标平衡协调，年均增长保持在7%以上。
"""


@pytest.mark.parametrize("report,text,period", [
    (PLAN_AS_SUBJECT, "7.6%", "2015"), (PLAN_AS_SUBJECT, "9.8%", "2011/2015"),
    (PLAN_AS_SUBJECT, "1.4个百分点", "2011/2015"), (PLAN_AS_SUBJECT, "5200公里", "2015"),
    # an average from a base of other figures two clauses back: not from that base's year
    (PLAN_AS_SUBJECT, "7%以上", "2016/2020"),
    (YEAR_AND_PLAN_REVIEW, "55万人", "2025"),           # the year, before the turn
    (YEAR_AND_PLAN_REVIEW, "3万套", "2025"),
    (YEAR_AND_PLAN_REVIEW, "42万户", "2021/2025"),      # after 回望过去五年: the plan period
    (YEAR_AND_PLAN_REVIEW, "38个", "2025"),             # a level reached (增至): its last year
    (YEAR_AND_PLAN_REVIEW, "6.2%", "2021/2025"),        # 年均: the whole span
    (YEAR_AND_PLAN_REVIEW, "20万个", "2021/2025"),
    (YEAR_AND_PLAN_REVIEW, "110元/月", "2020"),         # 从X提高到Y over the plan period
    (YEAR_AND_PLAN_REVIEW, "160元/月", "2025"),
    (YEAR_AND_PLAN_REVIEW, "50万人以上", "2026"),       # the next part: the turn ends with it
    (PLAN_AND_YEAR_REVIEW, "260万人", "2021/2025"),     # the heading's first time
    (PLAN_AND_YEAR_REVIEW, "600家", "2025"),            # after 回顾过去一年: the year
    (PLAN_AND_YEAR_REVIEW, "7.1%", "2025"),
])
def test_a_review_of_the_year_and_the_plan_period_turns_at_the_paragraph_that_says_so(
        report, text, period):
    """A part headed with two times (the year and the plan period) is about the first until
    a paragraph turns to the other (回望过去五年，…); the paragraphs after it without a time
    word of their own are about that one."""
    c = next(c for c in _claims(report.replace("某省", "江西省")) if c.text == text)
    assert c.period == period


FIVE_YEAR_SPAN = """2018年某省政府工作报告
一、过去五年工作回顾
过去五年，全省经济实力跃上新台阶。2017年全省地区生产总值达到3.2万亿元，在全国的位次从第十二位上升到第九位。
"""


@pytest.mark.parametrize("text,period", [("第十二位", "2012"), ("第九位", "2017")])
def test_the_start_of_a_span_in_a_review_of_five_years_is_the_year_before_them(text, period):
    """从X上升到Y after the last year of a five-year review (2017年…): X is of the year
    before the five years (was the year before the last, 2016)."""
    c = next(c for c in _claims(FIVE_YEAR_SPAN.replace("某省", "江西省")) if c.text == text)
    assert c.period == period


BUDGET_REPORT = """2021年某省政府工作报告
一、2020年工作回顾
全省一般公共预算支出6500亿元，财政赤字380亿元。
二、2021年主要任务
今年赤字率拟按2.8%安排；财政赤字400亿元，其中省级财政赤字150亿元。全省一般公共预算支出6800亿元，比上年增长4.6%。
地区生产总值增长6%左右。
今年拟安排财政赤字420亿元，赤字率下降到2.5%左右。
"""


@pytest.mark.parametrize("text,role", [("6500亿元", "outcome"), ("380亿元", "outcome"), ("2.8%", "plan"),
                                       ("400亿元", "plan"), ("150亿元", "plan"), ("6800亿元", "plan"),
                                       ("6%左右", "target"),
                                       ("2.5%左右", "plan")])  # (arranged earlier in its sentence)
def test_budget_items_of_the_years_tasks_are_plans(text, role):
    """The deficit and spending of the year's budget are arranged (plan); last year's are
    outcomes; a growth target stays a target."""
    c = next(c for c in _claims(BUDGET_REPORT.replace("某省", "江西省")) if c.text == text)
    assert c.role == role


TASKS = """2025年务川县人民政府工作报告
一、2024年工作回顾
预计全年地区生产总值增长5%左右，增速居全市第3位。
二、2025年工作安排
对返乡创业的脱贫人口给予每人3000元的一次性补贴。对新发现的风险户在10日内完成核查。
"""


@pytest.mark.parametrize("text,role", [
    # the rank of a forecast's growth in the clause right after it is forecast too (was outcome)
    ("5%左右", "forecast"), ("第3位", "forecast"),
    # a grant's standard before its name (一次性补贴) is arranged: plan (was target)
    ("3000元", "plan"),
    # a time limit in the year's tasks is a goal (was outcome)
    ("10日内", "target"),
])
def test_forecast_ranks_grants_and_limits(text, role):
    c = next(c for c in _claims(TASKS) if c.text == text)
    assert c.role == role


@pytest.mark.parametrize("sentence,year,text,period,role", SENTENCES)
def test_sentences(sentence, year, text, period, role):
    c = next(c for c in _claims(sentence, year=year) if c.text == text)
    assert (c.period, c.role) == (period, role)


@pytest.mark.parametrize("text,period,source", PERIODS)
def test_periods(report, text, period, source):
    c = report[text]
    assert (c.period, c.period_source) == (period, source)


ROLES = [
    ("5200亿元", "outcome"), ("260万人", "outcome"), ("0.5%", "outcome"),
    ("6%左右", "target"), ("40万人以上", "target"), ("控制在3%左右", "target"),
    ("80亿元", "plan"), ("5亿元", "plan"), ("30亿元", "plan"),  # an arranged sum, its change, its part
    ("600万吨", "forecast"), ("60%", "target"), ("10%以上", "target"),
]


@pytest.mark.parametrize("text,role", ROLES)
def test_roles(report, text, role):
    assert report[text].role == role


def test_quiet_clauses_skip_only_rules_that_cannot_fire(monkeypatch):
    """Clauses without a forecast, outcome, budget or planned word skip those four rules, and
    sentences without 目标, 其中, an opening forecast word or a second claim the rules that read
    them: the roles are the same as with every rule run for every claim."""
    from textmine.attribute.roles import RoleRules
    texts = [REPORT, BUDGET_REPORT.replace("某省", "江西省"), BUDGET_EXECUTION.replace("某省", "江西省"),
             MONTHLY, NEWS_PAGE, *(s for s, *_ in SENTENCES)]
    quick = [[c.role for c in _claims(t)] for t in texts]
    monkeypatch.setattr(RoleRules, "_rules_for",
                        lambda self, text, n, parts=False, lead=0, forecasts=False: (self.RULES, self.RULES))
    assert [[c.role for c in _claims(t)] for t in texts] == quick


def test_every_claim_is_attributed(report):
    for c in report.values():
        assert c.role in ("outcome", "target", "plan", "forecast")
        assert c.period_source in ("written", "span", "section", "relative", "document")
        assert c.region == "江西省"
        d = c.to_dict()
        assert {"period", "period_source", "role", "region", "indicator_key"} <= set(d)


def test_a_figure_to_date_has_its_years_and_is_marked(report):
    """今年以来 in a report with no issue date: the report's year (docs/claims.md rule 3),
    marked as counted to date (its JSON record says so; a store compares it with no figure
    of the whole year); a figure of the year is not marked."""
    c = report["12万户"]
    assert (c.period, c.to_date, c.to_dict()["to_date"]) == ("2021", True, True)
    assert not any(c.to_date for c in report.values() if c.text != "12万户" and
                   "以来" not in (c.sentence or ""))


def test_a_paragraph_counted_to_date_marks_each_figure():
    """今年以来，A。B。: B, whose period the paragraph's lead gives, is counted to date too."""
    got = {c.text: (c.period, c.to_date) for c in _claims(
        "今年以来，全县识别监测对象1236户。新增公益岗位320个。", year=2022)}
    assert got["1236户"] == got["320个"] == ("2022", True)


FIVE_YEAR_SUMMARY = """江苏省对口支援某州工作总结
（2016—2020年）
一、主要成效
引进企业43家落户受援地，实际到位资金52.7亿元。
2020年，全州农牧民人均可支配收入达到15200元。
二、下一步工作
新建学校10所。
"""


@pytest.mark.parametrize("title,text,period", [
    # a summary whose title, or the line under it, names a span of years ending with its
    # year reviews the span in its review headings: a count over it, a level at its end
    ("", "43家", "2016/2020"), ("", "52.7亿元", "2016/2020"), ("", "15200元", "2020"),
    ("“十三五”", "43家", "2016/2020"),  # the plan period named
    ("2020年", "43家", "2020"),  # (a guard: the title's year alone, one year)
])
def test_a_summary_of_years_reviews_them(title, text, period):
    doc = FIVE_YEAR_SUMMARY.replace("江苏省", "江苏省" + title).replace("某州", "拉萨市")
    if title:
        doc = doc.replace("（2016—2020年）\n", "")
    c = next(c for c in _claims(doc, doc_id="summary-2020") if c.text == text)
    assert c.period == period


PROJECT_NOTICE = """某村2021年度衔接资金项目公告公示
一、项目名称：某村蔬菜种植基地建设项目。
二、绩效目标：项目建成后带动脱贫户45户增收。
三、联农带农机制：村集体按投资额的5%收取租金，用于公益岗位和村内小型公益事业的日常管护。
"""


def test_a_numbered_heading_run_into_its_paragraph_ends_the_part_before():
    """三、联农带农机制：… (a heading with a colon, its paragraph after it on the line) opens a
    part of its own: the goals of 二、绩效目标 end before it."""
    got = {c.text: c.role for c in _claims(PROJECT_NOTICE)}
    assert got["45户"] == "target" and got["5%"] == "outcome"


def test_a_tables_rows_headed_by_places_are_those_places():
    """A text table by county (县区 | 销售额（万元） | 同比增长（%）): each row's figures are its
    county's, the total's the document's."""
    text = ("2023年黔南州消费帮扶情况\n县区\t销售额（万元）\t同比增长（%）\n长顺县\t12560\t18.2\n"
            "惠水县\t9830\t6.4\n合计\t53420\t9.6\n")
    got = {c.text: (c.region, c.indicator_key) for c in _claims(text) if c.kind != "date"}
    assert got["12560"] == got["18.2"] == ("长顺县", "销售额")
    assert got["9830"][0] == "惠水县"
    assert got["53420"] == ("黔南布依族苗族自治州", "销售额")


def test_a_tables_columns_headed_by_places_are_those_places():
    """A text table whose columns are places (指标 长顺县 惠水县 全州) under a word that heads
    its rows: each column's figures are its place's; a row of a change alone (同比增长) is
    the change of the statistic of the row above it."""
    text = ("2023年黔南州消费帮扶情况\n指标\t长顺县\t惠水县\t全州\n销售额（万元）\t12560\t9830\t53420\n"
            "同比增长（%）\t18.2\t6.4\t9.6\n")
    got = {c.text: (c.region, c.indicator_key, c.change) for c in _claims(text) if c.kind != "date"}
    assert got["12560"] == ("长顺县", "销售额", None)
    assert got["18.2"] == ("长顺县", "销售额", "increase")
    assert got["53420"] == got["9.6"][:2] + (None,) == ("黔南布依族苗族自治州", "销售额", None)


def test_a_plans_table_of_years_and_average_growth():
    """A plan's table (指标 单位 2020年 2025年 年均增长（%） 属性) in a report of 2021: the
    base year's column is an outcome, the last year's a target, and the average growth
    covers the years after the base up to the last, a target too."""
    text = ("某县主要指标\n指标\t单位\t2020年\t2025年\t年均增长（%）\t属性\n"
            "地区生产总值\t亿元\t86.5\t120\t6.8\t预期性\n"
            "农村居民人均可支配收入\t元\t11230\t16500\t8\t预期性\n")
    got = {c.text: (c.period, c.role, c.indicator_key, c.change) for c in _claims(text, year=2021)}
    assert got["86.5"] == ("2020", "outcome", "国内生产总值", None)
    assert got["120"] == ("2025", "target", "国内生产总值", None)
    assert got["6.8"] == ("2021/2025", "target", "国内生产总值", "increase")
    assert got["8"][:2] == ("2021/2025", "target")


@pytest.mark.parametrize("header,year,expected", [
    ("2020年", 2021, ("2020", "outcome")), ("2025年", 2021, ("2025", None)),  # (None: ahead)
    ("2021-2025", 2021, ("2021/2025", None)), ("2019-2021", 2022, ("2019/2021", "outcome")),
    ("2023E", 2021, ("2023", "forecast")),  # (a guard)
])
def test_a_headers_period_and_role(header, year, expected):
    from textmine.parse.cells import period_of
    assert period_of(header, year) == expected


YEAR_NOTICE = """关于2020年某省金融帮扶工作情况的通报
一、总体情况
年末全省扶贫贷款余额达到620亿元。
二、重点工作
全年发放扶贫再贷款36亿元，农业保险覆盖率达到96%。
三、2021年重点工作
各机构要推动扶贫贷款余额保持在600亿元以上。
"""

BUDGET_DRAFT = """关于某省2023年预算执行情况和2024年预算草案的报告
——2024年1月24日在某省第十四届人民代表大会第二次会议上
一、2023年预算执行情况
全省一般公共预算收入完成1020.6亿元，增长6.4%，为预算的101.2%，各项工作推进有力有序有效。
二、2024年预算草案
全省一般公共预算收入预算安排1070亿元，比上年增长5%左右，保持财政收入平稳增长态势。
三、扎实做好2024年财政改革发展工作
重点评价项目扩大到150个以上，评价结果与下年度预算安排挂钩，推动绩效管理提质增效。
"""

QUARTER_NOTICE = """关于2023年前三季度某省人社工作情况的通报
一、总体情况
全省城镇新增就业52.6万人，完成年度目标任务的87.7%。
二、重点工作安排
城镇调查失业率控制在5.5%以内。
"""

PLAN_REVIEW = """某省“十四五”规划纲要实施中期评估报告
——2023年11月21日在省人民代表大会常务委员会会议上
各位委员：
我受省人民政府委托，报告规划纲要的实施情况，请予审议。
一、主要指标完成情况
每万人口发明专利拥有量达到6.2件。
二、后半程工作建议
力争到2025年，常住人口城镇化率达到62%。
"""


@pytest.mark.parametrize("doc,text,period,role", [
    # a report on its year: a heading that names the year's work and no time (二、重点工作)
    # reviews that year; one with a year (三、2021年重点工作) looks ahead to it
    (YEAR_NOTICE, "36亿元", "2020", "outcome"), (YEAR_NOTICE, "96%", "2020", "outcome"),
    (YEAR_NOTICE, "600亿元以上", "2021", "target"),
    # ... and so does one that names the work arranged (二、重点工作安排: was a review)
    (QUARTER_NOTICE, "控制在5.5%以内", "2023", "target"),
    # a budget report delivered in the year of its draft: the outcome the year before; a
    # heading of the tasks (扎实做好…工作) looks ahead (was an outcome once the year was the
    # draft's)
    (BUDGET_DRAFT, "1020.6亿元", "2023", "outcome"), (BUDGET_DRAFT, "150个以上", "2024", "target"),
    (QUARTER_NOTICE, "52.6万人", "2023-01/2023-09", "outcome"),
    # a report on how a plan went is no plan: its review is of the year it is delivered in,
    # not of the plan period before
    (PLAN_REVIEW, "6.2件", "2023", "outcome"), (PLAN_REVIEW, "62%", "2025", "target"),
])
def test_reports_on_a_year_or_a_plan_review_what_was_done(doc, text, period, role):
    doc_id = "review-2023" if doc is PLAN_REVIEW else "report"  # (dated by its file's name too)
    c = next(c for c in _claims(doc.replace("某省", "青海省"), doc_id=doc_id) if c.text == text)
    assert (c.period, c.role) == (period, role)


KEYS = [
    # a sector's part, what was added to a stock and a comparison are no statistic they end
    # with (were 全社会固定资产投资, 高速公路里程, 城镇居民人均可支配收入); a verb before one is
    ("交通固定资产投资", "交通固定资产投资"), ("新增高速公路通车里程", "新增高速公路通车里程"),
    ("高于城镇居民收入增速", "高于城镇居民收入"), ("完成固定资产投资", "全社会固定资产投资"),
    # the verb of holding an activity is no part of its statistic (开展, 举办; not 组织, also a
    # noun: 组织化程度)
    ("开展补贴性职业技能培训", "补贴性职业技能培训"), ("举办线上招聘活动", "线上招聘活动"),
    ("组织化程度", "组织化程度"),
    # a budget's word after revenue or spending: the budgeted figure of that statistic (its
    # role tells it from the outcome); not the budget itself
    ("省本级一般公共预算收入预算", "省本级一般公共预算收入"), ("政府性基金预算支出预算数", "政府性基金预算支出"),
    ("一般公共预算", "一般公共预算"),
    # a bound and the time within which it holds are the qualifier's and the period's
    ("至少新增公益性岗位", "新增公益性岗位"), ("宽带资费年内至少降低", "宽带资费"),
    # who paid or met is no part of what was paid or held (省里, 两地; 折合: an amount's
    # worth); society's funds are not the government's
    ("县里拨付援助资金", "帮扶资金"), ("两地举办劳务对接会", "劳务对接会"),
    ("折合社会帮扶资金", "社会帮扶资金"),
    ("虚增财政收入", "虚增财政收入"),  # an audit's finding of faked revenue, not the revenue
    ("发放创业担保贷款", "创业担保贷款"),  # (the verb of paying out)
    ("全国性消费帮扶产销对接活动", "全国性消费帮扶产销对接活动"), ("经济总量继续", "国内生产总值"),
    # a sector's part of a whole economy's statistic is its own (轻工业增加值 is not 工业增加值);
    # new track is no part of the length in service; public spending with or without 用于
    ("轻工业增加值", "轻工业增加值"), ("全省工业增加值", "工业增加值"),
    ("新建铁路", "新增铁路营业里程"), ("铁路运营里程", "铁路营业里程"),
    ("财政用于教育支出", "财政教育支出"),
    # a level restored (将恢复至) is the level; 继续 before what is done again is cut
    ("公路水路货运量将恢复至", "公路水路货运量"), ("继续代地方发行债券", "代地方发行债券"),
    # a level and its rise share the key (上升, as 提高); the statistics of an environment
    # bulletin by their synonyms
    ("中心城市环境空气质量优良天数比例上升", "空气质量优良天数比例"), ("结案率上升", "结案率"),
    ("国控断面水质优良比例稳定在", "地表水优良水质断面比例"), ("PM10年均浓度", "可吸入颗粒物浓度"),
    ("R&D经费", "研发投入"),
    # core CPI is no CPI (was 居民消费价格: 核心CPI ends with CPI); cuts share the key of the
    # level (缩短, 压减: the change says which way)
    ("核心CPI同比上涨", "核心居民消费价格"), ("企业开办时间缩短", "企业开办时间"),
    ("审批事项压减", "审批事项"),
    # a fund spent is not the fund allocated (was 衔接资金); the funds passed on (拨付) are a
    # statistic of their own for 衔接资金, and the aid delivered for 帮扶资金 (a guard)
    ("已支出衔接资金", "支出衔接资金"), ("已拨付衔接资金", "拨付衔接资金"),
    ("拨付财政帮扶资金", "帮扶资金"),
    # 计划 before a statistic is stripped as 安排 is (the role says it is planned), not in the
    # names of a policy (计划生育) nor alone (完成计划的X%: the plan, a whole)
    ("计划听取审议专项工作报告", "听取审议专项工作报告"),
    ("计划生育家庭奖励扶助", "计划生育家庭奖励扶助"),  # (a guard)
    ("脱贫劳动力务工就业", "脱贫人口务工规模"),  # (was a key of its own)
    # a trading partner's trade is no total (was 进出口总额)
    ("东盟进出口", "东盟进出口"), ("美国进出口", "美国进出口"),
    ("各级财政衔接推进乡村振兴补助资金", "衔接资金"), ("计划投入衔接资金", "衔接资金"),
    ("农民人均可支配收入", "农村居民人均可支配收入"),  # farmers' income: no residents' income
    ("农牧民人均可支配收入增长", "农村居民人均可支配收入"),  # the levels of government together: the whole
    # a final account's figure is the statistic's (its role says it is one); a level of
    # government's own part is no whole jurisdiction's
    ("一般公共预算收入决算数", "一般公共预算收入"), ("省级一般公共预算支出", "省级一般公共预算支出"),
    ("市本级一般公共预算收入", "市本级一般公共预算收入"),
    ("国内生产总值增长", "国内生产总值"), ("地区生产总值", "国内生产总值"), ("GDP", "国内生产总值"),
    ("居民消费价格涨幅", "居民消费价格"), ("居民消费价格上涨", "居民消费价格"),
    ("CPI涨幅", "居民消费价格"), ("财政收入", "一般公共预算收入"),
    ("公共财政收入增长", "一般公共预算收入"), ("一般公共预算收入", "一般公共预算收入"),
    ("新增城镇就业", "城镇新增就业"), ("城镇新增就业", "城镇新增就业"),
    ("城镇登记失业率控制在", "城镇登记失业率"), ("全省粮食总产量达到", "粮食产量"),
    ("实际使用外商直接投资", "实际使用外资"), ("贫困人口减少", "贫困人口"),
    ("到位帮扶资金", "帮扶资金"), ("比上年增长", ""), ("增长", ""),
    ("新建乡镇卫生院", "新建乡镇卫生院"),  # no table entry: the phrase itself
    ("二产增加值增长", "第二产业增加值"), ("服务业增加值", "第三产业增加值"),
    ("一二三产增加值年均", "三次产业增加值"),  # a list of the three, not the third's
    ("全社会研究与实验发展经费", "研发投入"), ("国内生产总值能耗", "单位国内生产总值能耗"),
    ("化学需氧量", "化学需氧量排放量"), ("二氧化硫排放总量", "二氧化硫排放量"),
    ("最低工资标准每月提高", "最低工资标准"),  # a unit it is per is no part of the statistic
    ("城乡居民", "城乡居民"),  # a leading word that alone still names who is counted
    ("一般工商业电价平均降低", "一般工商业电价"), ("能耗、水耗均下降", "能耗水耗"),  # adverbs
    ("学前教育毛入园率提升至", "学前教育毛入园率"), ("贫困发生率下降至", "贫困发生率"),  # 至 as 到
    ("务工就业人数较去年同期增加", "务工就业人数"),  # a comparison base with 同期
    ("经济增长预期目标是年均增长", "国内生产总值"),  # (是 after a goal)
    ("全市地区生产总值跨越", "国内生产总值"), ("全县生产总值跨过", "国内生产总值"),  # (a level passed)
    ("自然增长率", "人口自然增长率"),  # (a statistic that ends in a change word)
    ("城乡收入倍差", "城乡居民收入比"), ("城乡居民收入比", "城乡居民收入比"),
    # arranging and estimating verbs are no part of the statistic
    ("一般公共预算支出安排", "一般公共预算支出"), ("拟安排保障房专项资金", "保障房专项资金"),
    ("省财政拟安排", "省财政"), ("一般公共预算收入预计", "一般公共预算收入"),
    ("全县一般公共预算收入完成", "一般公共预算收入"),
    # a per-head tail is no part of the statistic (月人均, 户均)
    ("城乡居民基础养老金月人均增加", "基础养老金"), ("农村居民人均可支配收入", "农村居民人均可支配收入"),
    # all industry and industry above a size are two statistics
    ("全部工业增加值增长", "工业增加值"), ("规上工业增加值增长", "规模以上工业增加值"),
    ("年平均增长", ""), ("常住人口年平均增长", "常住人口"), ("全省共有家庭户", "家庭户"),
    ("计划完成固定资产投资", "全社会固定资产投资"), ("争取中央预算内资金", "中央预算内资金"),
    # a leading word that begins another word is no leading word (共建: not 共); 连续 and 再
    # left at the end once the verb is cut are no part of the statistic
    ("共建产业园区", "共建产业园区"), ("共帮扶村", "帮扶村"), ("棉花产量连续稳定在", "棉花产量"),
    ("失业保险金标准每人每月再提高", "失业保险金标准"),
    # a modal verb before a forecast's verb (将, 可, 有望) is no part of it; 许可 keeps its 可
    ("全年粮食产量将达到", "粮食产量"), ("一般公共预算收入预计可完成", "一般公共预算收入"),
    ("城镇新增就业有望超过", "城镇新增就业"), ("行政许可", "行政许可"),
    ("省级财政拟新增", "省级财政"), ("数字模拟", "数字模拟"),  # 拟 too (not 模拟's)
    ("完成了易地搬迁入住", "易地搬迁入住"),  # a particle after a leading verb goes with it
    # consumption a voucher drives is no sale of poverty-relief products; 带动消费扶贫 is one
    ("带动消费", "带动消费"), ("带动消费扶贫", "消费扶贫销售额"),
    # urban or rural residents' income is not all residents' (城镇 before 居民收入)
    ("城镇居民收入增长", "城镇居民人均可支配收入"), ("农村居民收入", "农村居民人均可支配收入"),
    ("全省居民收入", "居民人均可支配收入"), ("农村居民家庭纯收入", "农村居民家庭纯收入"),
    # a share of a statistic (占X的64.2%) is not in X's series
    ("占一般公共预算收入", "占一般公共预算收入"), ("占地区生产总值比重", "占地区生产总值比重"),
    # the central or local government's part of a national statistic is not the whole; the
    # deficit's size is the deficit, a base of the budget no part of it
    ("中央财政支出", "中央财政支出"), ("地方财政赤字", "地方财政赤字"), ("中央财政赤字", "中央财政赤字"),
    ("全国财政支出", "一般公共预算支出"), ("赤字规模比上年预算减少", "财政赤字"),
    # the names a statistic had over the years are one series (投入/支出, 新农合 and 城镇居民医保
    # before they merged); a name cut to the length limit too
    ("中央财政用于科技的投入", "中央财政科技支出"), ("中央财政科技投入", "中央财政科技支出"),
    ("新农合和城镇居民医保财政补助标准", "居民基本医保人均财政补助标准"),
    ("城乡居民基本医保人均财政补助标准", "居民基本医保人均财政补助标准"),
    ("企业退休人员养老金", "企业退休人员基本养老金"), ("中央预算投资", "中央预算内投资"),
    ("教育经费支出占国内生产总值", "财政性教育经费支出占国内生产总值比重"),
    ("全省财政性教育经费占地区生产总值比例", "财政性教育经费支出占国内生产总值比重"),
    ("发展经费支出占国内生产总值比重", "研发投入强度"),
    ("粮食总产量再创历史新高", "粮食产量"),
    ("力争电力总装机", "电力装机容量"), ("全省电力装机规模", "电力装机容量"),
    ("新增电力装机", "新增发电装机容量"), ("新能源装机规模占比", "新能源装机占比"),
    ("全省空气质量优良天数比率", "空气质量优良天数比例"), ("细颗粒物(PM2.5)平均浓度", "细颗粒物浓度"),
    ("PM_2.5浓度", "细颗粒物浓度"), ("地表水国控断面水质优良比例", "地表水优良水质断面比例"),
    ("非化石能源消费比重", "非化石能源占一次能源消费比重"),
    ("全省经营主体", "市场主体"), ("新登记经营主体", "新设市场主体"),  # (renamed in 2023)
    ("旅游总花费", "旅游总收入"), ("全区游客人次", "接待游客人次"),
    ("规上工业企业利润总额", "规模以上工业企业利润"),
    # the report's own jurisdiction or its authors as the subject name no statistic (我州, 我们)
    ("我州选派挂职干部", "选派干部"),
    # the statistics of consolidating the gains after 2020, under their names of the years
    ("脱贫劳动力务工就业规模", "脱贫人口务工规模"), ("全县纳入防止返贫监测对象", "防止返贫监测对象"),
    ("财政衔接推进乡村振兴补助资金下达我市", "衔接资金"),
    ("我们将帮助农村劳动力转移就业", "帮助农村劳动力转移就业"),
    # acts that bring about what is counted are no part of it (兑付, 设立, 签订, 召开, 获得)
    ("兑付耕地地力保护补贴", "耕地地力保护补贴"), ("签订协作协议", "协作协议"),
    ("召开联席会议", "联席会议"), ("设立跨境电商综合试验区", "跨境电商综合试验区"),
    # east-west cooperation's fiscal aid is the aid delivered
    ("拨付东西部协作财政援助资金", "帮扶资金"), ("东西部扶贫协作资金", "帮扶资金"),
    # short forms are written out first (规上 -> 规模以上, 限上 -> 限额以上)
    ("规上工业企业营业收入", "规模以上工业企业营业收入"), ("限上单位商品零售额", "限额以上单位商品零售额"),
    ("规上工业增加值增长", "规模以上工业增加值"), ("空气质量优良天数率", "空气质量优良天数比例"),
    # examples listed before 等 are no part of the kind they are examples of; 等 of a word stays
    ("引进华为、比亚迪等龙头企业", "龙头企业"), ("建成茶叶、蔬菜等特色产业基地", "特色产业基地"),
    ("高等教育毛入学率", "高等教育毛入学率"), ("二级以上等级公路", "二级以上等级公路"),
]


@pytest.mark.parametrize("indicator,key", KEYS)
def test_indicator_keys(indicator, key):
    assert KeyTable.load().key(indicator) == key


def test_a_leading_region_is_not_part_of_the_key():
    assert KeyTable.load().key("江西省地区生产总值", "江西省") == "国内生产总值"


def _clean_by_category(text):
    """``keys.clean`` as its docstring says it: NFKC, then no space, punctuation, symbol or
    control character (read character by character: no fast path)."""
    import unicodedata
    s = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PZSC")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("生产总值增长亿元aZ09０９ＡＧＤＰ，。（）“”%.\u3000 \t\u200b㈤﹪丨"),
                                  st.characters(min_codepoint=0x3000, max_codepoint=0xa000),
                                  st.characters(max_codepoint=0x2fff)), max_size=20))
def test_clean_reads_every_character_as_its_category_says(text):
    from textmine.attribute.keys import clean
    assert clean(text) == _clean_by_category(text)


_KEYS = KeyTable.load()
_TRAILING = sorted(_KEYS.trailing)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRAILING),
                          st.sampled_from("生产总值收入增长率要主重可许将大")), max_size=5))
def test_a_trailing_word_is_cut_as_the_pattern_of_the_words_would(pieces):
    # (?<=..)(?:words)$, the longest word first: the longest word the phrase ends with that
    # leaves two characters at least; else a modal (要, 可, 将) after two characters, not of
    # a word it ends (主要, 许可, 大将)
    import re
    words = "|".join(map(re.escape, sorted(_TRAILING, key=len, reverse=True)))
    text = "".join(pieces)
    expected = re.sub(f"(?<=..)(?:{words})$", "", text)
    for modal, not_after in _KEYS.modals.items():
        if expected != text:
            break
        expected = re.sub(f"(?<=..)(?<![{re.escape(not_after)}]){modal}$", "", text)
    assert _KEYS._cut_trailing(text) == expected


def test_forgetting_the_texts_read_changes_no_attribution():
    """``Attributor.forget`` drops what attribution remembers of earlier texts (the time cues
    of clauses, paragraphs' lead cues, indicators' keys): the same document read again after
    it is attributed as before."""
    from textmine.api import Extractor
    ex = Extractor(classify=False)
    first = [c.to_dict() for c in ex.extract_text(REPORT, year=2021)]
    a = ex.attributor
    assert a.keys._cache and a.periods.times._cache and a.reader._leads
    a.forget()
    assert not (a.keys._cache or a.periods.times._cache or a.reader._leads)
    assert [c.to_dict() for c in ex.extract_text(REPORT, year=2021)] == first


GAZETTEER = [
    # (text, [(surface, canonical name, level)])
    # conventional short names no rule gives (克州, 巴州, 博州)
    ("克州和巴州", [("克州", "克孜勒苏柯尔克孜自治州", "prefecture"),
                 ("巴州", "巴音郭楞蒙古自治州", "prefecture")]),
    ("宁夏和黔南州", [("宁夏", "宁夏回族自治区", "province"),
                  ("黔南州", "黔南布依族苗族自治州", "prefecture")]),
    ("黔东南的长顺县", [("黔东南", "黔东南苗族侗族自治州", "prefecture"),
                    ("长顺县", "长顺县", "county")]),
    # a name whose last character begins the word after it is no name (上海市场: 上海's
    # market, was 上海市 and 场), the name written out before another word still is
    ("上海市场销售额", []),
    ("上海市新增就业", [("上海市", "上海市", "province")]),
    ("吉林、海南、新疆", [("吉林", "吉林省", "province"), ("海南", "海南省", "province"),
                      ("新疆", "新疆维吾尔自治区", "province")]),
    ("北京时间", []),                       # part of another word
    ("贵州人和北京市人民政府", [("北京市", "北京市", "province")]),  # 人民 is not 人
    # an autonomous county or banner: its place with 县 or 旗 (not the bare place: a word)
    ("三都县和莫力达瓦旗", [("三都县", "三都水族自治县", "county"),
                     ("莫力达瓦旗", "莫力达瓦达斡尔族自治旗", "county")]),
    # ... and with its whole suffix (务川自治县); a name before 性 is an adjective (全国性)
    ("务川自治县和全国性协会", [("务川自治县", "务川仡佬族苗族自治县", "county")]),
    ("中西部地区和全国", [("中西部地区", "中西部地区", "aggregate"), ("全国", "全国", "national")]),
    # a short name that is more often a company's: only in full
    ("联合阿里、京东等企业", []), ("阿里地区", [("阿里地区", "阿里地区", "prefecture")]),
    # counties renamed or made after 2018 (邵东县 -> 邵东市, 2019; 沙县 -> 沙县区, 2021)
    ("邵东市和沙县区", [("邵东市", "邵东市", "county"), ("沙县区", "沙县区", "county")]),
]


@pytest.mark.parametrize("text,expected", GAZETTEER)
def test_gazetteer(text, expected):
    found = [(m.surface, m.region.name, m.region.level) for m in Gazetteer.load().find(text)]
    assert found == expected


_GAZ = Gazetteer.load()
_NAMES = sorted(_GAZ.surfaces)


def _greedy_longest(text: str) -> list[tuple[int, int]]:
    """The reference reading: at each position the longest name starting there, then on
    after it; matches followed by a word of ``not_after`` dropped afterwards."""
    out, i = [], 0
    longest = max(map(len, _NAMES))
    while i < len(text):
        end = next((i + k for k in range(min(longest, len(text) - i), 1, -1)
                    if text[i:i + k] in _GAZ.surfaces), None)
        if end is None:
            i += 1
            continue
        if not text.startswith(_GAZ.not_after, end):
            out.append((i, end))
        i = end
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(["的", "和", "省", "市", "县",
                                                                   "区", "大学", "时间", "，"])),
                max_size=8),
       st.data())
def test_gazetteer_reads_leftmost_longest_names(pieces, data):
    # names run together and cut at random: overlapping candidates (吉林 / 吉林市 / 林市)
    text = "".join(pieces)
    if text:
        text = text[data.draw(st.integers(0, 1)):]
    assert [(m.start, m.end) for m in _GAZ.find(text)] == _greedy_longest(text)
    parts = [text[:len(text) // 2], "", text[len(text) // 2:]]
    assert _GAZ.find_each(parts) == [_GAZ.find(p) for p in parts]
    assert _GAZ.named(text) == dict(Counter(m.surface for m in _GAZ.find(text)))
    first = _GAZ.find(text)[:1]
    assert _GAZ.leading(text) == (first[0].surface if first and first[0].start == 0 else "")


def test_an_ambiguous_name_is_read_in_the_documents_province():
    g = Gazetteer.load()
    beijing = g.find("朝阳区", province="110000")[0].region
    changchun = g.find("朝阳区", province="220000")[0].region
    assert beijing.code.startswith("11") and changchun.code.startswith("22")


def test_region_path_rolls_up():
    g = Gazetteer.load()
    assert [r.name for r in g.path(g.region("长顺县"))] == ["贵州省", "黔南布依族苗族自治州", "长顺县"]
    assert [r.name for r in g.path(g.region("邵东市"))] == ["湖南省", "邵阳市", "邵东市"]


DOC_REGIONS = [
    # (text, region of its figures)
    ("# region=宁夏 year=2021\n全年地区生产总值增长6%。", "宁夏回族自治区"),
    ("# province=贵州省\n全年地区生产总值增长6%。", "贵州省"),
    ("2021年湖南省政府工作报告\n全省地区生产总值增长6%。", "湖南省"),
    # a news dateline never gives the region; 国务院 gives 全国
    ("新华社北京3月5日电\n政府工作报告\n我代表国务院向大会报告工作。\n国内生产总值增长6%。", "全国"),
    # ... not where a text carries out its policy (党中央、国务院关于…): no place known, none
    ("某某镇2021年工作总结\n2021年，全镇深入贯彻落实党中央、国务院关于乡村振兴的决策部署，"
     "新建车间12个。", None),
    # a place that is the subject of its clause overrides the document's region
    ("2021年湖南省政府工作报告\n对口支援的和田地区新建学校12所。", "和田地区"),
    # the places a text names most give its region ...
    ("扶贫协作工作进展\n湖南省对口帮扶工作扎实推进。湖南省新建车间12个。\n湖南省投入资金3亿元。",
     "湖南省"),
    # the issuing body signs off at the end (…厅 and the day): its place
    ("关于上半年就业帮扶工作进展情况的通报\n全省新增务工就业5万人。\n贵州省人力资源和社会保障厅\n"
     "2023年7月12日", "贵州省"),
    # a title that names a division and one under it (甘肃定西：…) is about the one under it
    ("甘肃定西：马铃薯产业带动增收\n全市马铃薯种植面积达到300万亩。", "定西市"),
    ("北京市对口帮扶内蒙古工作综述\n全年投入帮扶资金3亿元。", "北京市"),  # not a division of it
    # ... unless the body opens with a place as its subject (after its time): the actor, the
    # places it helps being named more often
    ("闽甘协作工作综述\n2022年，福建省聚焦甘肃所需。\n帮助甘肃受援县新建车间12个。\n"
     "向甘肃受援县投入资金3亿元。", "福建省"),
    # a press conference's title names its body; a numbered heading is never the title
    ("政务公开\n北京市人民政府新闻办公室举行新闻发布会\n向天津市销售农产品3亿元。为天津市培训工人1200名。",
     "北京市"),
    ("北京市对口帮扶工作综述\n一、工作进展\n天津市、河北省投入协作资金3亿元。", "北京市"),
    # ... or a division under it named once with its path written out (a village's story)
    ("驻村见闻\n初冬时节，走进甘肃省定西市安定区大坪村，温室整齐排列。\n全村建成日光温室86座。", "安定区"),
    # ... the first named of two named as often (not the larger code: 陕西省 610000)
    ("定点帮扶工作报告\n向云南省和陕西省的4个县投入帮扶资金1.2亿元。\n全年培训基层干部2100名。",
     "云南省"),
    # ... and a division under it named once is no evidence it is about that one
    ("定点帮扶工作报告\n向云南省和陕西省的4个县投入帮扶资金1.2亿元。\n"
     "援建茶叶加工厂2座，带动澜沧县茶农6300户。", "云南省"),
    # a body named for a city whose text speaks of the whole province, never of its city:
    # a provincial office seated there (人民银行西宁中心支行)
    ("人民银行西宁中心支行关于金融帮扶工作情况的通报\n全省扶贫贷款余额达到620亿元。\n"
     "全省农业保险覆盖率达到96%。\n发放扶贫再贷款36亿元。", "青海省"),
    ("西宁市人民政府关于金融帮扶工作情况的通报\n全省扶贫贷款余额达到620亿元。\n"
     "全市农业保险覆盖率达到96%。", None),  # (None: the clauses' own, see the next test)
    # ... but not in a broker's note on a company (its plants' towns are no jurisdiction)
    ("某某股份（600000.SH）：扩产提速\n证券分析师 张三\n长沙基地投产，湘潭基地扩产。\n"
     "公司营业收入12亿元。", None),
    # a division the table does not hold, before the body that issues the text: that name, not
    # a place the text names (the partner city; was 宁波市), nor 全市 of a body's title
    ("2025年云岭彝族苗族自治州人民政府工作报告\n全年争取宁波市援助资金3.2亿元。\n全州地区生产总值增长5.2%。",
     "云岭彝族苗族自治州"),
    ("宁州市统计局 2024年1-10月全市经济运行情况\n全市社会消费品零售总额增长5%。\n"
     "全市争取杭州市援助资金3亿元。", "宁州市"),
    ("关于全市经济运行情况的报告\n湖南省规模以上工业增加值增长6%。\n湖南省新增就业5万人。", "湖南省"),
]


PAD = "，各项工作扎实推进，发展质量和效益稳步提高，人民群众获得感幸福感安全感持续增强。"


def test_a_national_body_in_a_news_lead_gives_the_nation():
    """新华社…电 记者…从农业农村部获悉: the figures are the nation's (was the place the text
    names most); the provinces it names later are still their figures' own."""
    got = {c.text: c.region for c in _claims(
        "新华社北京11月8日电（记者王某）记者8日从农业农村部获悉，全国新建高标准农田8000万亩。\n"
        "今年以来，累计培训高素质农民75万人。四川省新建350万亩，四川省培训农民6万人。", year=2021)}
    assert (got["8000万亩"], got["75万人"], got["350万亩"]) == ("全国", "全国", "四川省")


@pytest.mark.parametrize("text,region", [
    ("全国网上零售额增长14%。", "全国"),  # 全国 the subject: the nation's figure
    ("全省获评全国文明村镇3个。", "贵州省"),  # an honour the nation awards
    ("在全国率先建成县级服务中心9个。", "贵州省"),  # a place in the nation the province takes
])
def test_the_nation_as_the_subject_in_a_province_s_report(text, region):
    c = next(c for c in _claims("# region=贵州省\n" + text, year=2021) if c.kind != "date")
    assert c.region == region


SHORT_HEADINGS_PAGE = """贵州日报 2021年7月16日 第5版

榕江：百香果铺就致富路

本报讯 截至6月底，全县百香果种植面积达到2.1万亩。车间目前吸纳就业56人。

赫章：核桃出山记

本报讯 上半年，赫章县开展电工、焊工等技能培训52期。全县核桃种植面积120万亩。
"""


@pytest.mark.parametrize("text,region", [
    # an article's heading that names its county short before a colon (榕江：…) gives the
    # article its county (were the page's province)
    ("2.1万亩", "榕江县"), ("56人", "榕江县"), ("120万亩", "赫章县"),
    # a place that acts (开展…) is the subject, whatever examples (等) follow its verb
    ("52期", "赫章县"),
])
def test_a_news_pages_articles_under_short_headings(text, region):
    c = next(c for c in _claims(SHORT_HEADINGS_PAGE) if c.text == text)
    assert c.region == region


def test_a_whole_after_a_time_word_is_the_county_named_before():
    """全县 after 目前 (a time word before the subject) stands for the county the sentence
    named before it, not the page's province (was 贵州省)."""
    doc = "贵州日报 2021年7月16日 第5版\n\n从江县依托稻鱼鸭系统，目前全县稻田养鱼面积达到6万亩。\n"
    assert next(c for c in _claims(doc) if c.text == "6万亩").region == "从江县"


@pytest.mark.parametrize("text,region", DOC_REGIONS)
def test_regions(text, region):
    text = text.replace("。", PAD)  # paragraphs of a report's length, one a line
    claims = [c for c in _claims(text, year=2021) if c.kind != "date"]
    if region is None and "西宁市" in text:  # (a city's: its 全省 the province, 全市 the city)
        assert [c.region for c in claims] == ["青海省", "西宁市"]
        return
    assert claims and all(c.region == region for c in claims)


def test_a_summary_of_its_year_issued_after_it_counts_to_its_years_end():
    """X年以来 in a summary of year X signed the next January counts to the end of X, not
    to the day it was signed (was 2021/2022-01-25)."""
    text = ("2021年某市消费帮扶工作情况报告\n\n2021年以来，全市累计销售帮扶地区农产品18.6亿元。\n\n"
            "某市商务局\n2022年1月25日\n")
    assert {c.text: c.period for c in _claims(text, year=2021)}["18.6亿元"] == "2021"


def test_each_issue_of_a_file_of_several_counts_to_its_own_day():
    """A file of a bulletin's issues one after the other, each under its masthead: 今年以来
    in each counts to that issue's day (was the first issue's for all)."""
    text = ("2022年某县乡村振兴工作简报\n\n第5期\n\n县乡村振兴局　　2022年3月31日\n\n"
            "今年以来，全县新增公益性岗位260个。\n\n第9期\n\n县乡村振兴局　　2022年8月31日\n\n"
            "今年以来，全县新增公益性岗位540个。\n")
    got = {c.text: c.period for c in _claims(text, year=2022)}
    assert got["260个"] == "2022/2022-03-31"
    assert got["540个"] == "2022/2022-08-31"
    one = text[:text.index("第9期")]  # (one issue: its masthead's day, as before)
    assert {c.text: c.period for c in _claims(one, year=2022)}["260个"] == "2022/2022-03-31"


def test_a_headings_as_of_date_times_the_figures_of_its_part():
    """三、…（数据截至10月31日）: the figures under it that name no time of their own are
    counted to that day, up to the next part (was the report's year); the last day of a month
    times them as the month's end does (2021-10, as 10月底 would)."""
    text = ("2021年某区对口协作工作简报\n\n二、各县进展（数据截至10月31日）\n\n"
            "敖汉旗：到位资金2600万元，实施项目14个。\n\n喀喇沁旗：到位资金1800万元，实施项目9个。\n\n"
            "三、下一步工作\n\n继续推进项目建设，新建温室150座。\n")
    got = {c.text: c.period for c in _claims(text, year=2021)}
    assert got["2600万元"] == got["14个"] == got["1800万元"] == "2021-10"
    assert got["150座"] == "2021"


@pytest.mark.parametrize("text,figure,region", [
    # a place after a deadline that opens its clause is the clause's subject (was the issuer)
    ("到2027年盘州市将建成乡村振兴示范村12个。", "12个", "盘州市"),
    # the items listed after 其中 go on with the subject of the sentence's first figure, all
    # of them (was the issuer's from the second item on)
    ("遵义市选派干部95名赴浙江学习，其中教师30名、医生25名。", "30名", "遵义市"),
    ("遵义市选派干部95名赴浙江学习，其中教师30名、医生25名。", "25名", "遵义市"),
    # a sentence that opens with 在 and a place alone before a comma sets the scene of its
    # figures that name no subject of their own (was the issuer)
    ("在松潘县，湖州市援建的中药材基地面积达到1500亩。", "1500亩", "松潘县"),
    ("在宁波稳定就业的务工人员达到3200人。", "3200人", "宁波市"),  # (no comma: as before)
    # a list of places before a clause that opens with 分别: each item its place
    ("清远、河源、梅州等市依托本地品牌，分别建成展销中心9个、7个和5个。", "7个", "河源市"),
    # the body of a speaker the lead-in names is the place of a clause naming none
    ("嘉兴市商务局负责人表示，下一步将力争消费帮扶金额突破5亿元。", "突破5亿元", "嘉兴市"),
    # a figure of what the one before counts does not take that one's place
    ("上城区、拱墅区与巴中市建立结对关系，2个区的43个社区参与。", "43个", "浙江省"),
])
def test_the_subject_of_a_figure_after_a_deadline_or_in_a_list(text, figure, region):
    claims = {c.text: c for c in _claims("2024年浙江省东西部协作工作简报\n" + text, year=2024)}
    assert claims[figure].region == region


REFERENCE_YEARS = [
    # (first lines, file name, year, source)
    ("# year=2019\n工作总结\n", "report", 2019, "header"),
    ("2018年政府工作报告\n", "gov", 2018, "title"),
    # a title of the year's outcome and the next year's plan, delivered in the next year: that
    # year, whose report it is (its review is of the year before, as in a work report)
    ("关于2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n——2023年1月9日在市人民代表大会上\n",
     "plan", 2023, "title"),
    ("关于2023年预算执行情况和2024年预算草案的报告\n——2024年1月24日在省人民代表大会上\n",
     "budget", 2024, "title"),
    # ... not one written at the end of the first (a summary and the next year's plan)
    ("某局2023年工作总结和2024年工作安排\n2023年12月20日\n", "summary", 2023, "title"),
    ("某局2023年工作总结和2024年工作安排\n", "summary", 2023, "title"),
    # a comparison base (比2020年) is not a year the text is about
    ("一、2025年工作回顾\n粮食产量比2020年增长12%，棉花产量比2020年增长8%。\n", "text", 2025, "text"),
    ("2023年前三季度全省经济运行情况新闻发布会\n", "news", 2023, "title"),  # 年前三季度: no 年前
    ("2023年前全省经济运行情况的报告\n", "news", None, "unknown"),  # ... but 2023年前 is before it
    ("某省产业发展规划（2023—2025年）\n", "plan", 2023, "title"),  # a plan period's first year
    ("政府工作报告\n", "gov-2017", 2017, "filename"),
    ("政府工作报告\n——2016年3月5日在省人民代表大会上\n", "gov", 2016, "masthead"),
    ("到2025年发展规划纲要\n", "plan-2021", 2021, "filename"),  # a plan horizon never sets it
    ("# publish_date=2020-09-02\n消费扶贫工作简报\n", "bulletin", 2020, "masthead"),  # its issue day
    # ... nor the year the text names most: 2020 is the base, 到2025年 and 展望2035年 horizons
    ("某省发展回顾与展望\n2020年全省地区生产总值达到4.1万亿元。到2025年，城镇化率达到65%。"
     "展望2035年，基本实现现代化。\n", "plan", 2020, "text"),
    # a plan's title: the first year of the plan period it names
    ("某省第十四个五年规划纲要\n2020年全省地区生产总值达到4.1万亿元。到2025年，城镇化率达到65%。\n",
     "plan", 2021, "title"),
    ("某县“十四五”乡村振兴规划\n展望2035年，基本实现现代化。\n", "plan", 2021, "title"),
    # a scraped page's line of when it was posted
    ("发布时间：2020-05-12 10:30 来源：扶贫办\n消费扶贫工作动态\n", "news", 2020, "masthead"),
    # ... but not the title of a report on how a plan went: the day it was delivered
    ("某省“十四五”规划纲要实施中期评估报告\n——2023年11月21日在省人民代表大会常务委员会会议上\n",
     "review", 2023, "masthead"),
]


@pytest.mark.parametrize("head,doc_id,year,source", REFERENCE_YEARS)
def test_reference_year(head, doc_id, year, source):
    body = "全年新增城镇就业5万人，城镇调查失业率控制在5.5%以内，重点群体就业保持稳定，就业形势总体平稳。\n"
    doc = textmine.document_from_text(head + body * 3, doc_id=doc_id)
    assert (doc.year, doc.year_source) == (year, source)


# ---------------------------------------------------------------- properties

@settings(max_examples=60, deadline=None)
@given(y=st.integers(1990, 2090), report_year=st.integers(1990, 2090))
def test_a_written_year_is_its_own_cue(y, report_year):
    assert TimeWords.load().cue(f"{y}年", report_year) == Cue(y, y, "year")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 10), year=st.integers(1990, 2090),
       word=st.sampled_from(["过去{}年", "近{}年", "{}年来", "{}年累计", "{}年增加", "{}年年均"]))
def test_spans_back_end_the_year_before_the_report(n, year, word):
    numeral = "一二三四五六七八九十"[n - 1]
    for written in (str(n), numeral):
        cue = TimeWords.load().cue(word.format(written), year)
        assert (cue.first, cue.last) == (year - n, year - 1)


def test_a_streak_is_no_span_of_years():
    """连续三年增长 says how long a run lasted, not which years a figure covers."""
    assert TimeWords.load().cues("粮食产量连续三年增长", 2023) == []
    # ... nor the five years before, a comparison base (比前五年增长1.3倍)
    assert TimeWords.load().cues("教育支出比前五年增长1.3倍", 2008) == []


@settings(max_examples=60, deadline=None)
@given(word=st.sampled_from(["比上年", "较上年", "同比", "比去年"]), year=st.integers(1990, 2090))
def test_a_comparison_base_is_never_a_period(word, year):
    assert TimeWords.load().cues(f"{word}增长", year) == []


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(set(KeyTable.load().synonyms))))
def test_every_synonym_maps_to_its_key_and_keys_are_fixed_points(synonym):
    kt = KeyTable.load()
    key = kt.key(synonym)
    assert key in kt.known
    assert kt.key(key) == key


@pytest.mark.parametrize("change", ["增长", "下降", "提高到", "比上年增长"])
def test_a_synonym_and_its_change_share_the_key(change):
    """A level and its change share the key, every synonym of the table, also one whose
    first word the key cuts elsewhere (实际使用外商直接投资增长 was 使用外商直接投资)."""
    kt = KeyTable.load()
    wrong = {s: kt.key(s + change) for s, key in kt.synonyms.items() if kt.key(s + change) != key}
    assert not wrong


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="国内生产总值增长比上年分别达到的，。2019年5%亿元", max_size=30))
def test_attribution_never_fails_and_periods_are_iso(text):
    for c in _claims(text, year=2020):
        assert c.role in ("outcome", "target", "plan", "forecast")
        if c.period:
            first = c.period.split("/")[0]
            assert first[:4].isdigit()


BULLETIN = """湖南省2023年国民经济和社会发展统计公报
初步核算，全年全省地区生产总值50012.85亿元，比上年增长4.6%，经济运行总体回升向好，高质量发展扎实推进。
年末全省常住人口6568万人，比上年末减少36万人，城镇化率稳步提高，人口结构继续优化调整。
全年长沙市地区生产总值14331.98亿元，增长4.8%，省会城市的辐射带动作用进一步增强，发展势头良好。
其中，城镇常住人口4300万人，占常住人口比重（常住人口城镇化率）为65.47%，比上年末提高0.9个百分点。
全年城镇新增就业70.1万人，比上年多增2.3万人；农村劳动力转移就业31.2万人，比上年少增0.8万人。
在规模以上工业中，高技术制造业增加值增长10.2%，占规模以上工业增加值的比重为14.6%。
全年规模以上工业增加值比上年增长5.8%。其中，11月份增长6.9%。
"""

BULLETIN_ROWS = [
    # (figure, period, region, indicator key, change)
    ("50012.85亿元", "2023", "湖南省", "国内生产总值", None),
    ("4.6%", "2023", "湖南省", "国内生产总值", "increase"),
    ("6568万人", "2023", "湖南省", "常住人口", None),
    ("36万人", "2023", "湖南省", "常住人口", "decrease"),   # 比上年末减少: the change of the level
    ("14331.98亿元", "2023", "长沙市", "国内生产总值", None),  # a city as the clause's subject
    ("4.8%", "2023", "长沙市", "国内生产总值", "increase"),  # ... and its growth
    # a statistic's own name in brackets before a link word names the figure after it
    ("65.47%", "2023", "湖南省", "城镇化率", None),
    ("0.9个百分点", "2023", "湖南省", "城镇化率", "increase"),
    # a larger or smaller increase than the year before: a change of the statistic
    ("2.3万人", "2023", "湖南省", "城镇新增就业", "increase"),
    ("0.8万人", "2023", "湖南省", "农村劳动力转移就业", "decrease"),
    # a share after a growth rate with no level: the share of what grew
    ("14.6%", "2023", "湖南省", "高技术制造业增加值占规模以上工业增加值的比重", None),
    # a sentence opening with 其中 goes on with the statistic of the one before
    ("6.9%", "2023-11", "湖南省", "规模以上工业增加值", "increase"),
]


def test_a_spans_dates_are_neither_deadlines_nor_carried_past_a_semicolon():
    """由2015年的X增加到2020年的Y in a summary of 2020: 到2020年 ends the span (Y happened,
    no target), and the span's start does not date the next sentence after its ；."""
    doc = ("某县2020年脱贫攻坚工作总结\n一、2020年工作完成情况\n全县农村低收入家庭人均可支配收入由"
           "2015年的7120元增加到2020年的11860元，年均增长10.8%；贫困户人均纯收入达到9350元。\n")
    got = {c.text: (c.period, c.role) for c in _claims(doc.replace("某县", "惠水县"))}
    assert got["11860元"] == ("2020", "outcome") and got["10.8%"][1] == "outcome"
    assert got["9350元"] == ("2020", "outcome")


def test_a_date_whose_words_are_a_place_alone_takes_no_other_dates_key():
    """截至9月底，广西…: the date's words name a place, no event; it does not take the key of
    the date before it in its paragraph (a place alone takes it only for a figure)."""
    doc = ("2020年江西省扶贫工作简报\n3月18日，省委主要负责同志赴对口地区调研。"
           "截至9月底，广西33个贫困县中已有29个摘帽。\n")
    got = {c.text: c.indicator_key for c in _claims(doc)}
    assert got["3月18日"] and got["9月底"] == ""


@pytest.mark.parametrize("text,period,region,key,change", BULLETIN_ROWS)
def test_a_statistical_bulletin(text, period, region, key, change):
    """A bulletin describes the year of its title, whatever its file name."""
    c = next(c for c in _claims(BULLETIN, doc_id="bulletin-2024-03") if c.text == text)
    assert (c.period, c.region, c.indicator_key, c.change, c.role) == (
        period, region, key, change, "outcome")


def test_a_bulletins_figures_without_a_time_word_take_its_year_from_its_structure():
    """The year of a bulletin's title is the report's structure (``section``), not a
    fallback to the document's year: 初步核算，全年… and 其中，城镇常住人口… alike."""
    claims = {c.text: c for c in _claims(BULLETIN, doc_id="bulletin-2024-03")}
    assert (claims["4300万人"].period, claims["4300万人"].period_source) == ("2023", "section")
    assert claims["50012.85亿元"].period == "2023"


def _key_by_scan(kt, s: str) -> str | None:
    """The synonym an already stripped phrase ends with, found by scanning every synonym
    longest first (the first way the key table did it): the reference for ``_key``."""
    for v in sorted((v for v in kt.synonyms if len(v) >= kt.min_suffix), key=len, reverse=True):
        if s.endswith(v) and len(s) - len(v) <= kt.max_prefix:
            return kt.synonyms[v]
    return None


@given(st.lists(st.sampled_from(["全省", "年末", "国内生产总值", "城镇新增就业", "粮食产量", "居民",
                                 "消费价格", "进出口", "总额", "财政收入", "规模", "以上", "增长", "累计"]),
                max_size=4))
@settings(max_examples=200, deadline=None)
def test_key_suffix_lookup_equals_a_scan_of_the_synonyms(parts):
    from textmine.attribute.keys import KeyTable, _key
    kt = KeyTable.load()
    s = kt.strip("".join(parts))
    expected = kt.synonyms.get(s) or _key_by_scan(kt, s)
    got = _key(kt, s, "")
    if expected is not None:
        assert got == expected
    else:
        assert got not in kt.known or got == s


RESPECTIVELY = [
    # (sentence, figure, indicator): the k-th figure after 分别 takes the k-th subject
    ("全县交通事故起数和受伤人数分别比2021年下降6.3%和2.1%。", "6.3%", "全县交通事故起数下降"),
    ("全县交通事故起数和受伤人数分别比2021年下降6.3%和2.1%。", "2.1%", "受伤人数下降"),
    ("粮食播种面积、粮食产量分别增长1.2%、2.6%。", "2.6%", "粮食产量增长"),
    ("出口总额和进口总额分别比上年增长8.8%和4.1%。", "4.1%", "进口总额增长"),
]


@pytest.mark.parametrize("sentence,text,indicator", RESPECTIVELY)
def test_respectively_across_a_comparison_base(sentence, text, indicator):
    c = next(c for c in _claims(sentence, year=2022) if c.text == text)
    assert c.indicator == indicator


@pytest.mark.parametrize("text,role", [("10月底前", "target"), ("5月底前", "outcome"),
                                       ("2020年底前", "target"), ("300个", "outcome")])
def test_a_deadline_after_the_issue_date_is_a_target(text, role):
    """In a bulletin issued on 2 September, 10月底前 is still ahead, 5月底前 is past."""
    doc = ("# publish_date=2020-09-02\n某市消费扶贫工作简报\n目前，设立消费帮扶专柜300个，"
           "10月底前全部投入使用；5月底前已完成招标。到2020年底前，全面完成帮扶任务。\n")
    c = next(c for c in _claims(doc.replace("某市", "北京市")) if c.text == text)
    assert c.role == role


HEADLESS = """2025年某省政府工作报告
某省日报记者 摄
1月20日，某省第十四届人民代表大会第三次会议开幕。
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。

项目建设提速。实施重点项目1200多个，完成投资860亿元，新增规上工业企业320家。

民生保障有力。城镇新增就业4.6万人，最低工资标准每月提高120元。

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业4.5万人以上。

一是扩大有效投资。实施重大项目1300个以上，完成投资900亿元。
"""


@pytest.mark.parametrize("text,period,role", [
    ("1月20日", "2025-01-20", "outcome"),          # the caption before the greeting: the report's day
    ("1200多个", "2024", "outcome"), ("860亿元", "2024", "outcome"), ("4.6万人", "2024", "outcome"),
    ("5.5%左右", "2025", "target"), ("4.5万人以上", "2025", "target"),
    ("1300个以上", "2025", "target"), ("900亿元", "2025", "target")])
def test_a_work_report_without_part_headings_reviews_the_past_year_first(text, period, role):
    """An excerpt of a work report (paragraphs without 一、…回顾 / 二、…任务): the past year until
    a paragraph turns to this year's targets."""
    c = next(c for c in _claims(HEADLESS.replace("某省", "江西省")) if c.text == text)
    assert (c.period, c.role) == (period, role)


def test_a_year_end_summary_without_part_headings_is_about_its_own_year():
    """A 工作总结 of 2024 (no part headings) describes 2024: no review of the year before."""
    text = ("2024年某县乡村振兴工作总结\n\n今年以来，全县新建扶贫车间12个，带动就业560人。\n\n"
            "全年完成投资3.2亿元。\n")
    got = {c.text: c.period for c in _claims(text.replace("某县", "长顺县"))}
    assert got["3.2亿元"] == "2024" and got["12个"].startswith("2024")


SUMMARY_WITH_PARTS = """关于2023年某县乡村振兴工作情况的报告
一、主要工作成效
全县投入衔接资金2.8亿元，新建产业基地36个；脱贫人口务工就业1.9万人，完成年度目标任务的104%。
二、2024年工作打算
计划投入衔接资金3亿元，新建产业基地40个。
"""


@pytest.mark.parametrize("report,text,period,role", [
    # a report on its own year: a review heading without a year (主要工作成效) reviews that year
    ("关于2023年", "2.8亿元", "2023", "outcome"), ("关于2023年", "36个", "2023", "outcome"),
    ("关于2023年", "104%", "2023", "outcome"),  # how much of the goal was done: no target
    ("关于2023年", "3亿元", "2024", "plan"),  # (计划投入: money the body arranges)
    # a government work report, delivered at the start of its year, reviews the year before
    ("2024年某县政府工作报告\n", "2.8亿元", "2023", "outcome"),
])
def test_a_review_heading_without_a_year_reviews_the_reports_own_year_unless_it_opens_the_year(
        report, text, period, role):
    doc = SUMMARY_WITH_PARTS if report == "关于2023年" else \
        report + SUMMARY_WITH_PARTS.split("\n", 1)[1].replace("2024年工作打算", "2024年工作安排")
    c = next(c for c in _claims(doc.replace("某县", "长顺县")) if c.text == text)
    assert (c.period, c.role) == (period, role)


def test_a_datelines_day_without_a_year_governs_no_figure():
    """本报兰州11月20日电: the day the story was filed, not the time of its figures (also when
    the document's year is not known and the day has none)."""
    text = "本报兰州11月20日电 记者获悉，今年前三季度，全市马铃薯种植面积达到300万亩。\n"
    c = next(c for c in textmine.extract(text, doc_id="news", classify=False) if c.text == "300万亩")
    assert c.period is None or "11-20" not in c.period


LEAD_RELEASE = """黔中日报
2024年10月22日
本报安顺10月21日电（记者 周明）21日，市统计局{lead}。
{opening}全市社会消费品零售总额326.4亿元，同比增长4.8%。
分县区看，西秀区完成固定资产投资85.2亿元。
全年将力争新增城镇就业1.5万人。
"""


@pytest.mark.parametrize("lead,opening,period", [
    # its paragraphs name no time: the lead's months
    ("召开发布会，发布前三季度全市主要经济指标", "", "2024-01/2024-09"),
    ("通报1-9月全市主要经济指标", "", "2024-01/2024-09"),
    ("召开发布会，发布前三季度全市主要经济指标", "上半年，", "2024-01/2024-09"),  # (its own)
    ("召开发布会，发布全市主要经济指标", "", "2024"),  # a lead that names no months: the year
    ("部署前三季度工作", "", "2024"),               # no figures released in it
    ("DAY", "", "2024-01/2024-09"),  # a lead opening with the day of the event, no dateline
    ("DAY_NO_YEAR", "", "2024-01/2024-09"),  # ... also a day without its year
    # ... also when the release is its second sentence (召开发布会。发言人通报了…)
    ("召开新闻发布会。新闻发言人通报了前三季度全市主要经济指标", "", "2024-01/2024-09"),
    # a title naming a quarter as the time of its event (第三季度新闻发布会) does not date the
    # figures (were the third quarter's: the lead's months are)
    ("QUARTER_TITLE", "", "2024-01/2024-09"),
])
def test_a_news_leads_release_of_months_is_the_period_of_the_figures(lead, opening, period):
    """A news lead that releases the figures of months of its year (…召开发布会，发布前三季度
    全市主要经济指标) dates the article's figures that name no time, in later paragraphs
    too, as a title naming those months would; not a figure with a time of its own, nor
    the year's target."""
    text = LEAD_RELEASE.format(lead=lead, opening=opening)
    day = {"DAY": "2024年10月21日上午", "DAY_NO_YEAR": "10月21日上午", "QUARTER_TITLE": "10月21日"}
    if lead in day:
        text = LEAD_RELEASE.replace("本报安顺10月21日电（记者 周明）21日，市统计局{lead}",
                                    f"{day[lead]}，市统计局召开发布会，介绍前三季度全市经济运行情况"
                                    ).format(opening=opening)
    if lead == "QUARTER_TITLE":
        text = text.replace("黔中日报", "安顺市统计局2024年第三季度新闻发布会")
    got = {c.text: c.period for c in textmine.extract(text, doc_id="news", classify=False)}
    assert got["85.2亿元"] == period
    assert got["326.4亿元"] == ("2024-01/2024-06" if opening else period)
    assert got["1.5万人"] == "2024"


MONTH_RELEASE = """{title}
市统计局 2025-11-12
9月份，全市居民消费价格同比上涨0.6%，环比下降0.2%。
食品价格同比下降1.8%，其中鲜菜价格同比上涨4.1%。
"""


@pytest.mark.parametrize("title,period", [
    # a release of one month's statistics dates the figures that name no time (was 2025)
    ("2025年9月份全市居民消费价格变动情况", "2025-09"),
    ("2025年9月份全市主要经济指标", "2025-09"),
    # ... not a notice about work in a month (a guard: the year, as before)
    ("关于做好2025年9月份价格监测工作的通知", "2025"),
])
def test_a_release_of_a_months_statistics_dates_its_figures(title, period):
    got = {c.text: c for c in textmine.extract(MONTH_RELEASE.format(title=title), doc_id="cpi",
                                                  classify=False)}
    assert (got["1.8%"].period, got["4.1%"].period) == (period, period)
    # a change on the month before, either way from the year's change: a series of its own
    assert got["0.2%"].indicator_key == "居民消费价格环比"


@pytest.mark.parametrize("title,role", [
    # a statistics office's release of a part of the year is a bulletin: its figures are
    # what was, also the items of a budget (was plan, as in a report's tasks for the year)
    ("某市统计局：2025年前三季度全市经济运行情况", "outcome"),
    ("某市统计局关于2025年前三季度全市经济运行情况的通报", "outcome"),
    ("2025年前三季度全市经济运行情况", "plan"),  # (no office named: as before, a guard)
])
def test_a_statistics_offices_release_is_a_bulletin(title, role):
    text = f"{title}\n2025-10-20\n全市一般公共预算支出186.2亿元，增长2.5%。\n"
    got = {c.text: c for c in textmine.extract(text, doc_id="release", classify=False)}
    assert (got["186.2亿元"].role, got["186.2亿元"].period) == (role, "2025-01/2025-09")


CLAUSE_REGIONS = """2022年黔南州东西部协作工作简报
其中，长顺县、荔波县、三都县分别到位资金1.2亿元、0.9亿元、1.1亿元。
贵定县新建帮扶车间15个，吸纳就业620人；全州销售农特产品23.6亿元。
广西、云南两省区受援县新增就业9400人。
遵义红茶等12个品牌入选省级名录。
全省新认定省级龙头企业86个。我州协作工作扎实推进，在全省年度考核中排名第三。
2020年，贵定县农民人均可支配收入达到12800元，五年年均增长10.2%。
都匀市新建冷库3座，帮助销售荔波县农产品1.6亿元。
在宁波开设黔南农特产品展销中心6个。
龙里县通过虚报等方式多申领补助资金86万元。
瓮安县开展农村人居环境整治，改造户厕2100座，清理村庄4.2万处。
福泉市支出进度较慢，为48.3%，低于全州平均9.6个百分点。
都匀市帮扶的三都县新建车间7个。
宁波市援建的冷链仓储中心年周转能力达1.8万吨。
惠水县、龙里县分别建成车间11个、9个，吸纳就业分别为530人、410人。
"""


@pytest.mark.parametrize("text,region", [
    ("1.2亿元", "长顺县"), ("0.9亿元", "荔波县"),   # after 分别: each figure its own place
    ("1.1亿元", "三都水族自治县"),                   # (三都县: an autonomous county with 县)
    ("15个", "贵定县"), ("620人", "贵定县"),         # a clause without a subject goes on with it
    ("23.6亿元", "黔南布依族苗族自治州"),            # ... not after ；, nor one naming 全州
    ("9400人", "黔南布依族苗族自治州"),              # a list of places: no one of them
    ("86个", "贵州省"),  # 全省 in a prefecture's report: the province it lies in
    ("第三", "黔南布依族苗族自治州"),  # ... but not the scope of a rank (在全省…排名第三)
    ("10.2%", "贵定县"),  # a change goes on with the figure before, past its span (五年)
    # a place that is the object of the clause's verb: its subject is the clause before's
    ("1.6亿元", "都匀市"),
    ("6个", "黔南布依族苗族自治州"),  # (在宁波开设…: where the actor did it, no subject)
    ("86万元", "龙里县"),  # (等 of a means, 虚报等方式, is no list of examples of the place)
    ("12个", "黔南布依族苗族自治州"),                # (遵义红茶等12个: one example of what is counted)
    # the place a sentence's opening clause is about, without a figure of its own, is the
    # subject of the clauses after it that name none (were the prefecture's)
    ("2100座", "瓮安县"), ("4.2万处", "瓮安县"),
    # ... and a whole named as the base of a comparison (低于全州平均) is no subject
    ("48.3%", "福泉市"), ("9.6个百分点", "福泉市"),  # (48.3%: a guard)
    # a place, 帮扶的 and another place: the place helped (was the helper's)
    ("7个", "三都水族自治县"),
    # a place that built what the clause counts is no subject (was 宁波市)
    ("1.8万吨", "黔南布依族苗族自治州"),
    # a later list after 分别 in a clause naming no place: the places of the earlier list, in
    # their order (were shifted by one: the figure before's place, then the prefecture)
    ("530人", "惠水县"), ("410人", "龙里县"),
])
def test_the_region_of_each_figure_of_a_clause(text, region):
    c = next(c for c in _claims(CLAUSE_REGIONS) if c.text == text)
    assert c.region == region


def test_a_whole_after_a_written_time_is_the_province_named_before_it():
    """全省 in a national text after a province named in its sentence is that province's,
    also with a written time before it in its clause (2016年至2020年全省…: was the nation's)."""
    text = "# region=全国\n贵州省是搬迁任务最重的省份，2016年至2020年全省搬迁192万人。\n"
    c = next(c for c in _claims(text) if c.text == "192万人")
    assert c.region == "贵州省"


@pytest.mark.parametrize("text,region,key", [
    ("72.5%", "长顺县", "资金支出进度"), ("65.1%", "荔波县", "资金支出进度"),  # in brackets after a place
    ("60.2%", "黔南布依族苗族自治州", "资金支出进度"),                          # the prefecture's own
])
def test_a_figure_in_brackets_after_a_place_is_that_places(text, region, key):
    doc = ("2024年黔南州衔接资金推进情况通报\n全州资金支出进度为60.2%，支出进度排名前二的是"
           "长顺县（72.5%）、荔波县（65.1%）。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert (c.region, c.indicator_key) == (region, key)


@pytest.mark.parametrize("last_lines,issuer,day", [
    ("某某县人民政府办公室\n2023年7月12日", "某某县人民政府办公室", "2023-07-12"),
    ("贵州省统计局\n二〇二三年十二月三十一日", "贵州省统计局", "2023-12-31"),
    ("贵州省统计局", "贵州省统计局", None),
    ("全县上下要坚定信心，真抓实干。\n2023年7月12日", None, None),  # a sentence signs nothing
])
def test_the_issuer_and_issue_day_come_from_the_last_lines(last_lines, issuer, day):
    doc = textmine.document_from_text("关于就业帮扶工作的通报\n全县新增就业500人。\n" + last_lines + "\n")
    assert (doc.issuer, doc.issue_date) == (issuer, day)


@pytest.mark.parametrize("head,issuer,day", [
    ("某某市扶贫办 2021年6月30日", "某某市扶贫办", "2021-06-30"),  # a bulletin's masthead
    ("2021年6月30日", None, "2021-06-30"),
    ("——2021年1月28日在市人民代表大会上", None, "2021-01-28"),  # the day it was delivered
])
def test_a_bulletins_masthead_gives_its_issue_day(head, issuer, day):
    doc = textmine.document_from_text(f"东西部协作工作简报\n（第3期）\n{head}\n\n{_BULLETIN_BODY}")
    assert (doc.issuer, doc.issue_date) == (issuer, day)


@pytest.mark.parametrize("line,day", [
    ("政府工作报告——2019年3月5日在省第十三届人民代表大会第二次会议上", "2019-03-05"),
    ("——２０２４年７月２５日在省人大常委会第十次会议上", "2024-07-25"),  # full-width digits
    ("（2026年1月27日在某市第十六届人民代表大会第五次会议上）", "2026-01-27"),
    ("2019年3月5日在省人民代表大会上作报告。", None),  # a sentence of the text
    ("3月5日在省人民代表大会第二次会议上", None),  # no year
    ("2019年13月5日在省人民代表大会第二次会议上", None),  # no such day
])
def test_the_day_a_report_was_delivered_is_its_issue_day(line, day):
    doc = textmine.document_from_text(f"某省政府工作报告\n{line}\n各位代表：\n全省新增就业50万人。\n")
    assert doc.issue_date == day


FINAL_ACCOUNTS = """关于2023年省级决算的报告
——2024年7月25日在某省第十四届人民代表大会常务委员会第十次会议上
一、2023年省级决算情况
全省一般公共预算支出完成6120.5亿元，为调整预算的96.8%。加上中央转移支付收入2410亿元，收入总量为3380.2亿元。
二、下一步工作
力争全年一般公共预算收入增长5%左右。
"""
AUDIT = """关于2023年度省级预算执行的审计工作报告
——2024年7月24日在某省第十四届人民代表大会常务委员会第十次会议上
一、重点资金审计情况
抽查的12个县有2.3亿元衔接资金闲置。
二、审计整改情况
截至2024年5月底，已整改问题金额21.5亿元，完善制度98项，追责问责164人。
"""


@pytest.mark.parametrize("doc,text,period,role", [
    # final accounts: the budget items of the year reported on happened (no plans)
    (FINAL_ACCOUNTS, "6120.5亿元", "2023", "outcome"), (FINAL_ACCOUNTS, "2410亿元", "2023", "outcome"),
    (FINAL_ACCOUNTS, "5%左右", "2024", "target"),
    # an audit report delivered in July: its parts review the year of its title (a standing
    # committee meeting opens no year), and what was done by May is done
    (AUDIT, "2.3亿元", "2023", "outcome"), (AUDIT, "98项", "2024-05", "outcome"),
    (AUDIT, "164人", "2024-05", "outcome"),
])
def test_final_accounts_and_audit_reports_review_their_year(doc, text, period, role):
    c = next(c for c in _claims(doc.replace("某省", "江西省")) if c.text == text)
    assert (c.period, c.role) == (period, role)


CONSULTATIVE = """某州政协常务委员会工作报告
——2026年1月16日在政协某州第十四届委员会第五次会议上
一、过去一年的工作
过去一年，州政协共收到提案386件，立案率91.2%。
二、过去五年的工作
五年来，共组织视察调研146次。
三、今年的工作
今年将组织视察调研30次以上。
"""
TOWN = """某镇2025年工作总结
一、工作完成情况
全镇完成地区生产总值18.2亿元，增长5.6%。
"""


@pytest.mark.parametrize("doc,text,period,role", [
    # a report delivered at a meeting in January (here a political consultative conference's,
    # whose title names its standing committee) opens its year: its past year is the year
    # before, its five years end with that year (was 2026 and 2022/2026)
    (CONSULTATIVE, "386件", "2025", "outcome"), (CONSULTATIVE, "146次", "2021/2025", "outcome"),
    (CONSULTATIVE, "30次以上", "2026", "target"),  # (a guard: it held before)
])
def test_a_report_delivered_early_in_its_year_reviews_the_year_before(doc, text, period, role):
    c = next(c for c in _claims(doc.replace("某州", "黔南州"), doc_id="zhengxie-2026") if c.text == text)
    assert (c.period, c.role) == (period, role)


@pytest.mark.parametrize("title,period", [
    # a summary of a plan period or a span of years ended by its year: its figures that name
    # no time are the span's cumulative figures (were the year it was issued in)
    ("某省“十三五”对口支援工作总结", "2016/2020"),
    ("某省2018—2020年脱贫攻坚工作总结", "2018/2020"),
    # ... not a plan of the years ahead, nor a summary naming none (guards)
    ("某省“十四五”对口支援规划", "2021"), ("某省对口支援工作总结", "2021"),
])
def test_a_summary_of_a_span_of_years_dates_its_figures_with_it(title, period):
    text = f"{title}\n2021年2月3日\n累计引进企业480家，带动当地就业4.2万人。\n".replace("某省", "浙江省")
    got = {c.text: c.period for c in _claims(text)}
    assert (got["480家"], got["4.2万人"]) == (period, period)


def test_a_towns_figures_are_keyed_without_the_whole_town():
    c = next(c for c in _claims(TOWN.replace("某镇", "龙场镇")) if c.text == "18.2亿元")
    assert (c.period, c.indicator_key) == ("2025", "国内生产总值")  # (was 全镇完成地区生产总值)


PLAN = """某省乡村产业发展规划（2021—2025年）
一、发展目标
到2025年，全省农产品加工转化率达到68%。
二、重点任务
培育省级龙头企业900家以上，农村卫生厕所普及率提高到88%，力争2022年底前完成产业园区规划。
三、保障措施
省级财政每年安排专项资金40亿元，五年累计投入不低于200亿元。
"""


@pytest.mark.parametrize("title,text,period,role", [
    # a plan whose title names its plan period is about it: its first year is the reference
    # year, and a part without a year of its own covers the period (a count to be reached
    # over it) or its last year (a level reached)
    ("", "68%", "2025", "target"), ("", "900家以上", "2021/2025", "target"),
    ("", "88%", "2025", "target"), ("", "2022年底前", "2022", "target"),
    ("", "不低于200亿元", "2021/2025", "target"),  # 五年累计 in the plan: its five years
    ("“十四五”", "900家以上", "2021/2025", "target"),  # the period named, not written in years
])
def test_a_plan_is_about_the_plan_period_its_title_names(title, text, period, role):
    doc = PLAN.replace("（2021—2025年）", "") if title else PLAN
    doc = doc.replace("某省", "江西省" + title)
    c = next(c for c in _claims(doc) if c.text == text)
    assert (c.period, c.role) == (period, role)


PLAN_CHAPTERS = """江西省第十四个五年规划和二〇三五年远景目标纲要
第一章 发展基础
全省经济总量年均增长7.4%，三次产业结构持续优化。
第二章 重点任务
新建改建农村公路1.2万公里，建成高标准农田420万亩。
"""


@pytest.mark.parametrize("text,period,role", [
    ("7.4%", "2016/2020", "outcome"),  # the base laid before the plan: the plan before
    ("1.2万公里", "2021/2025", "target"), ("420万亩", "2021/2025", "target")])
def test_a_plan_in_chapters_names_its_period_written_out(text, period, role):
    """第X章 headings open parts like 一、 ones, and 第十四个五年规划 is the 十四五 period."""
    c = next(c for c in _claims(PLAN_CHAPTERS) if c.text == text)
    assert (c.period, c.role) == (period, role)


PLAN_SECTIONS = """某市国民经济和社会发展第十四个五年规划纲要
第一章 迈向新阶段
第一节 “十三五”时期的主要成就
一、经济总量稳步扩大
全市生产总值年均增长7.1%，财政收入跨上百亿元台阶。
二、民生事业加快发展
新建改建学校64所，新增养老床位3200张。
第二节 “十四五”时期的主要任务
一、产业升级
新培育规模以上工业企业150家。
第二章 重大项目
一、交通项目
新建高速公路210公里。
"""


@pytest.mark.parametrize("text,period,role", [
    # 一、 under a 第一节 that names the years before the plan: those years, not the plan's
    ("7.1%", "2016/2020", "outcome"), ("64所", "2016/2020", "outcome"),
    ("3200张", "2016/2020", "outcome"),  # (加快发展: words of a task, under a review)
    ("150家", "2021/2025", "target"), ("210公里", "2021/2025", "target")])
def test_a_part_within_a_section_takes_the_sections_time(text, period, role):
    """第X节 headings open parts as 第X章 ones do, and a numbered part within one whose heading
    names no time of its own is about the time of the section enclosing it."""
    c = next(c for c in _claims(PLAN_SECTIONS.replace("某市", "玉林市")) if c.text == text)
    assert (c.period, c.role) == (period, role)


ARTICLES_PAGE = """某某日报
2023年11月20日　星期一
山海携手二十年　累计投入援助资金21亿元
本报讯（记者 张明）11月19日，记者从省乡村振兴局获悉，两省协作以来成效明显。
一、援助资金持续增加
今年安排援助资金2.8亿元，实施协作项目156个。
二、明年协作重点
明年计划引进企业12家以上，今年已引进企业9家。
戈壁滩上的葡萄园
本报记者 王芳　李强
全村葡萄种植面积达到3200亩，建成酒庄6家。
"""


@pytest.mark.parametrize("text,period,role", [
    ("2.8亿元", "2023", "plan"), ("156个", "2023", "outcome"),
    ("12家以上", "2024", "target"),  # (明年 under 二、明年协作重点: the page's next year)
    ("9家", "2023", "outcome"),
    ("3200亩", "2023", "outcome"), ("6家", "2023", "outcome")])  # (the next article's)
def test_the_parts_of_a_news_article_end_with_it(text, period, role):
    """On a page of several articles, the numbered parts of one end at the next headline
    (a heading over a byline or a dateline); a heading that names its year by a relative
    word (明年) leaves 今年 and 明年 under it counting from the page's year."""
    c = next(c for c in _claims(ARTICLES_PAGE.replace("某某日报", "宁夏日报")) if c.text == text)
    assert (c.period, c.role) == (period, role)


PRESS_CONFERENCE = """某省人民政府新闻办公室
全省就业帮扶工作新闻发布会文字实录
发布时间：2024年2月20日
一、主持人开场
主持人：各位记者朋友，上午好！今天邀请省人社厅负责同志向大家介绍2023年全省就业帮扶有关情况。
二、省人社厅负责同志介绍情况
（一）车间建设。全省新建就业帮扶车间210个，吸纳就业1.6万人。
（二）创业扶持。全年发放创业担保贷款36亿元，扶持创业1.2万人。
（三）下一步打算。今年，全省力争新增城镇就业40万人以上。
"""


@pytest.mark.parametrize("text,period,role,region", [
    ("210个", "2023", "outcome", "湖南省"),  # (figures that name no time, and 全年: the year
    ("36亿元", "2023", "outcome", "湖南省"),  # the text says near its top it presents)
    ("1.2万人", "2023", "outcome", "湖南省"),
    ("40万人以上", "2024", "target", "湖南省"),
])
def test_a_press_conference_early_in_its_year_presents_the_year_before(
        tmp_path, text, period, role, region):
    """The issuing body on a line of its own over the title gives the region; a date line
    labelled 发布时间 the issue day; a file issued in its year's first months (its name gives
    its year) whose top says it presents the year before (介绍2023年…有关情况) is about that
    year where its figures name no time."""
    path = tmp_path / "presser-2024.txt"
    path.write_text(PRESS_CONFERENCE.replace("某省", "湖南省"), encoding="utf-8")
    c = next(c for c in textmine.extract(path, classify=False) if c.text == text)
    assert (c.period, c.role, c.region) == (period, role, region)


MONTHLY_RELEASE = """2024年1-9月某州经济运行情况
某州统计局
2024年10月20日
一、工业
9月份，全州规模以上工业增加值当月增长3.1%。
二、收入
前三季度，城乡居民收入比由上年同期的2.87缩小至2.79。
"""


@pytest.mark.parametrize("text,period", [
    ("3.1%", "2024-09"),  # (当月: that month, the one named; no date of the document's month)
    ("2.87", "2023"),     # (由上年同期的X: X is of the year before, the span's start)
])
def test_a_monthly_release_reads_that_month_and_the_same_period_last_year(text, period):
    claims = _claims(MONTHLY_RELEASE.replace("某州", "黔南州"))
    c = next(c for c in claims if c.text == text)
    assert c.period == period
    assert "当月" not in [c.text for c in claims]


YEAR_END_RELEASE = """某省工商联“万企兴万村”行动2023年工作情况
（2023年12月18日）
一、2023年工作成效
全省参与行动的民营企业达到6200家。
二、2024年工作目标
明年3月底前完成结对村摸底，力争新增参与企业500家以上，6月至9月开展专场招聘。
"""


@pytest.mark.parametrize("text,value", [
    ("明年3月底前", "2024-03"),  # (written in December 2023: 明年 is 2024, also under 2024's heading)
    ("6月至9月", "2024-06/2024-09"),
])
def test_relative_words_of_a_year_end_text_count_from_the_year_it_was_written(text, value):
    c = next(c for c in _claims(YEAR_END_RELEASE.replace("某省", "四川省")) if c.text == text)
    assert c.value == value


YEARBOOK = """某县年鉴（2022）
概况
一、综合经济
全县地区生产总值86.4亿元，增长5.1%。一般公共预算支出28.2亿元，增长3.6%。
二、劳务输出
5月6日，专车将86名务工人员送往厦门市。
"""


@pytest.mark.parametrize("text,period,role", [
    ("86.4亿元", "2021", "outcome"),  # (a yearbook of 2022 records 2021, a year that is over)
    ("28.2亿元", "2021", "outcome"),  # (a budget item of that year: spent, no plan)
    ("86名", "2021", "outcome"),      # (将…送往: those taken there, no goal)
])
def test_a_yearbook_records_the_year_before_its_title(text, period, role):
    c = next(c for c in _claims(YEARBOOK.replace("某县", "屏边苗族自治县")) if c.text == text)
    assert (c.period, c.role) == (period, role)


ISSUED_PLAN = """某省人民政府办公厅关于印发《某省农民增收三年行动方案（2024—2026年）》的通知
各市、县人民政府：
现将方案印发给你们，请认真贯彻执行。
一、主要目标
每年培训高素质农民2万人以上，新建农产品加工园区12个。
"""


@pytest.mark.parametrize("text,period,role", [
    ("2万人以上", "2024/2026", "target"),  # (the plan a notice issues: its period, in 《》)
    ("12个", "2024/2026", "target"),
])
def test_a_notice_issuing_a_plan_is_about_the_plans_period(text, period, role):
    doc = ISSUED_PLAN.replace("某省", "江西省")
    c = next(c for c in _claims(doc) if c.text == text)
    assert (c.period, c.role) == (period, role)


NATIONAL_FEATURE = """人民日报 2021年6月22日 第2版
消费帮扶助力乡村振兴
本报北京6月21日电（记者 王浩）记者从国家乡村振兴局获悉，今年1—5月，全国消费帮扶销售额达到1500亿元。
在陇南市，花椒和油橄榄是两大主导产业。全市花椒种植面积稳定在150万亩左右，油橄榄种植面积达到60万亩。
全国认定帮扶产品12万个。
"""


@pytest.mark.parametrize("text,region", [
    ("150万亩左右", "陇南市"),  # (全市 after the city its paragraph named in a sentence before)
    ("60万亩", "陇南市"),
    ("12万个", "全国"),
])
def test_a_whole_city_in_a_national_article_is_the_city_its_paragraph_named(text, region):
    c = next(c for c in _claims(NATIONAL_FEATURE) if c.text == text)
    assert c.region == region


def test_a_deadline_of_the_year_in_its_tasks_is_a_target():
    """A 工作要点 of 2024 (no issue day known): 6月底前 in its tasks is still ahead."""
    doc = "2024年某市乡村振兴工作要点\n一、重点工作\n6月底前完成年度集中排查，新增合作社200家。\n"
    c = next(c for c in _claims(doc.replace("某市", "遵义市")) if c.text == "6月底前")
    assert (c.period, c.role) == ("2024-06", "target")


HALF_YEAR = """某州农业农村局2023年上半年工作总结和下半年工作计划
一、上半年工作完成情况
全州完成粮食播种面积305万亩，夏粮产量达到20.8万吨。
二、重点工作推进情况
发放耕地地力保护补贴2.6亿元，惠及农户41万户。
三、下半年工作计划
确保全年粮食播种面积稳定在500万亩以上。
"""


@pytest.mark.parametrize("text,period,role", [
    ("305万亩", "2023-01/2023-06", "outcome"),  # the review of the half year its title names
    ("20.8万吨", "2023-01/2023-06", "outcome"),
    ("500万亩以上", "2023", "target"),  # 全年: the whole year
    # the progress of the year's key tasks (重点工作推进情况): a review, though 重点工作 names tasks
    ("2.6亿元", "2023-01/2023-06", "outcome"),
    ("41万户", "2023-01/2023-06", "outcome"),
])
def test_a_half_year_summary_reviews_its_half_year(text, period, role):
    c = next(c for c in _claims(HALF_YEAR.replace("某州", "大理州")) if c.text == text)
    assert (c.period, c.role) == (period, role)


HALF_YEAR_JOBS = """某市人社局2023年上半年工作总结
一、上半年工作完成情况
全市城镇新增就业1.38万人，完成年度任务2.5万人的55.2%。农村劳动力转移就业41.6万人，完成市上下达目标任务40万人的104%。
失业保险稳岗返还中，大型企业返还比例由去年的30%提高到50%，创业担保贷款最高额度由20万元提高到30万元。
预计全年城镇新增就业2.6万人；转移就业43万人；城镇登记失业率3.8%。
预计全年发放创业担保贷款5亿元；完成职业技能培训1.1万人次。
帮扶车间的联农带农比例由上年的71%提高到78%。
二、整改要求
各县要对照问题清单制定整改方案，10日内报市人社局，公示时间不少于5天。
"""


@pytest.mark.parametrize("text,role,key", [
    # a goal named right before the share of it done: the goal's value, of the statistic done
    ("2.5万人", "target", None), ("40万人", "target", "农村劳动力转移就业"),
    ("1.38万人", "outcome", None), ("55.2%", "outcome", None),
    # a rate or ceiling of a policy set anew: what the body arranges
    ("30%", "plan", None), ("50%", "plan", None), ("30万元", "plan", None),
    # the items after a ； of a sentence that opened with 预计: forecasts too
    ("2.6万人", "forecast", None), ("43万人", "forecast", None), ("3.8%", "forecast", None),
    ("1.1万人次", "outcome", None),  # (after the ；, what was done: 完成)
    ("78%", "outcome", None),  # (a measured share raised: no policy's rate)
    # a span of time bounded in a sentence that requires it (要): a limit set
    ("10日内", "target", None), ("不少于5天", "target", None),
])
def test_goals_policy_rates_and_forecast_lists_of_a_summary(text, role, key):
    c = next(c for c in _claims(HALF_YEAR_JOBS.replace("某市", "天水市")) if c.text == text)
    assert c.role == role
    if key is not None:
        assert c.indicator_key == key


@pytest.mark.parametrize("sentence,text,key", [
    # a change whose indicator is a place alone takes the statistic of the change before it
    ("西藏自治区地区生产总值增长9.5%，居全国首位；海南省增长9.2%，居全国第二。", "9.2%", "国内生产总值"),
    # places listed before a statistic: not part of it ...
    ("北京向天津、河北输出技术合同成交额748.7亿元。", "748.7亿元", "输出技术合同成交额"),
    # ... unless counted as the whole it belongs to (no one place's: in no series)
    ("广东、江苏两省地区生产总值均超过12万亿元。", "超过12万亿元", ""),
    # a place alone is the statistic of the figure before it (the parts of an allocation)
    ("下达衔接资金9.5亿元，其中：长顺县1.2亿元，荔波县0.9亿元。", "0.9亿元", "衔接资金"),
    # a rank of the growth and a rank of the level: two series, not one (they would conflict)
    ("全省生产总值达到5000亿元，总量居全国第13位，增速居第2位。", "第13位", "国内生产总值"),
    ("全省生产总值达到5000亿元，总量居全国第13位，增速居第2位。", "第2位", "国内生产总值增速"),
    ("经济增速排名全国第3位。", "第3位", "国内生产总值增速"),
    ("规模以上工业增加值增长8.1%，增速居全国第5位。", "第5位", "规模以上工业增加值增速"),
    # ... also past a gap to the nation's average: the growth it ranks, not the gap's words
    ("全州生产总值820亿元，增长6.3%，增速比全国平均水平高1.1个百分点，居全省第2位。", "第2位",
     "国内生产总值增速"),
    ("全市居民消费价格上涨0.8%，涨幅低于全国0.2个百分点，居全省第9位。", "第9位", "居民消费价格增速"),
    # a goal named by its words only: the goal of the figure of its kind before it
    ("全县城镇新增就业1.1万人，完成全年目标任务1.3万人的84.6%。", "1.3万人", "城镇新增就业"),
    ("城镇调查失业率为4.9%，控制在5.5%的目标以内。", "控制在5.5%", "城镇调查失业率"),
    ("城镇调查失业率5.2%，低于5.5%的控制目标。", "低于5.5%", "城镇调查失业率"),
    # ... or by the goal's words before it, the goal after it (…增长6%的目标, missed)
    ("全市工业投资下降1.8%，未完成年初确定的增长6%的目标。", "6%", "工业投资"),
    # a gap between a figure and its goal: the statistic's gap, not one key of every gap
    ("全市生产总值增长4.9%，低于年初预期目标1.1个百分点。", "1.1个百分点", "国内生产总值低于目标"),
    ("全市规模以上工业增加值增长8.2%，高于计划目标2.2个百分点。", "2.2个百分点", "规模以上工业增加值高于目标"),
    # (a margin over a goal is no goal: its own words)
    ("全县城镇新增就业1.1万人，超过省下达目标任务1200人。", "1200人", "超过省下达目标任务"),
    # a change of a growth rate against an earlier period: its statistic's, past the base
    ("1-8月，全省出口总额下降2.6%，降幅比1-7月收窄0.9个百分点。", "0.9个百分点", "出口降幅收窄"),
    ("全市旅游收入增长11.2%，增速较上半年加快1.4个百分点。", "1.4个百分点", "旅游总收入增速加快"),
    # a population counted by a statistic of its own, as a part of another whole: that
    # whole's part (the poor among those moved), not the place's poor
    ("全县易地扶贫搬迁1.2万人，其中贫困人口9800人。", "9800人", "易地扶贫搬迁贫困人口"),
    ("带动就业3000人，其中贫困人口800人。", "800人", "带动就业贫困人口"),
    ("年末全县贫困人口3200人，其中因病致贫1200人。", "3200人", "贫困人口"),
    # the change of an arranged sum against last year's budget is that sum's (not 预算)
    ("今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元。", "4000亿元", "财政赤字"),
    # ... also a difference from the base (比X低/高/多/少), and 拟按…安排 is no part of the name
    ("今年全省赤字率拟按3.2%左右安排，比上年预算低0.3个百分点。", "0.3个百分点", "赤字率"),
    ("今年全省赤字率拟按3.2%左右安排，比上年预算低0.3个百分点。", "3.2%左右", "赤字率"),
    ("全省粮食总产量1400万吨，比上年多12万吨。", "12万吨", "粮食产量"),
    ("全市粮食产量稳定保持在80万吨以上。", "80万吨以上", "粮食产量"),
    ("中央财政拟安排“三农”投入9200亿元。", "9200亿元", "中央财政三农支出"),
    ("中央财政用于“三农”的支出8600亿元。", "8600亿元", "中央财政三农支出"),
    ("国内生产总值增加到51.9万亿元，跃升到世界第二位。", "第二位", "国内生产总值"),
    # a change naming nothing after a ；: the paragraph's figure before it (a change of its
    # kind, or the level a rate is the growth of; not a rank)
    ("一季度，全县固定资产投资增长4.1%；上半年增长3.6%。", "3.6%", "全社会固定资产投资"),
    ("国内生产总值增加到51.9万亿元，跃升到世界第二位；年均增长9.3%。", "9.3%", "国内生产总值"),
    # ... not after a full stop
    ("全县固定资产投资增长4.1%。上半年增长3.6%。", "3.6%", ""),
    # a growth's lead on another statistic's: keyed by both (was the other's key alone, and
    # so a point of 个百分点 in the urban income's series)
    ("农村居民人均可支配收入增长7.1%，高于城镇居民收入增速2.3个百分点。", "2.3个百分点",
     "农村居民人均可支配收入高于城镇居民人均可支配收入"),
    ("全县生产总值增长6.5%，高于一般公共预算收入增速1.2个百分点。", "1.2个百分点",
     "国内生产总值高于一般公共预算收入"),
    # an average growth after a multiple of a base year: the multiple's statistic
    ("全县生产总值比2015年翻一番，年均增长7.5%。", "7.5%", "国内生产总值"),
    # a change on the month before (环比) is a series of its own, also where it takes the key
    # of the figure before it
    ("9月份，全市居民消费价格同比上涨0.6%，环比上涨0.2%。", "0.2%", "居民消费价格环比"),
    ("9月份，全市居民消费价格同比上涨0.6%，环比上涨0.2%。", "0.6%", "居民消费价格"),
    ("9月份，全市规模以上工业增加值环比增长0.7%。", "0.7%", "规模以上工业增加值环比"),
    ("10月份，全县社会消费品零售总额18.6亿元，同比增长5.2%，环比增长1.4%。", "1.4%",
     "社会消费品零售总额环比"),
    # a share whose subject the indicator's length limit cut: with it again (was 增加值占…
    # for every industry's share), past a year that opens its clause
    ("全县第二产业增加值占全县生产总值比重是41.7%。", "41.7%", "第二产业增加值占全县生产总值比重"),
    ("全县新兴产业增加值占全县生产总值比重达7.3%。", "7.3%", "新兴产业增加值占全县生产总值比重"),
    ("2025年财政性教育经费支出占地区生产总值比重为4.2%。", "4.2%",
     "财政性教育经费支出占国内生产总值比重"),
    # a multiple of the year before (比上年翻一番) is one of the amount before it (was no key)
    ("全年销售农特产品4.3亿元，比上年翻一番。", "翻一番", "销售农特产品"),
    # a place inside a phrase that names a statistic of the table once it is left out: that
    # statistic (the place is the region's or the object's, never part of the key)
    ("全年销售云南扶贫产品33.5亿元。", "33.5亿元", "消费扶贫销售额"),
    ("对口帮扶的云南省贫困发生率下降到1.3%。", "1.3%", "贫困发生率"),
    ("累计引进江苏企业510家。", "510家", "引导企业投资"),
    ("全年帮助贵州贫困劳动力实现就业6.8万人。", "6.8万人", "贫困劳动力就业"),
    # those a programme reached are not the poor left (was 贫困人口 for both)
    ("全省帮扶贫困人口32.6万人，剩余贫困人口17.5万人。", "32.6万人", "帮扶贫困人口"),
    ("全省帮扶贫困人口32.6万人，剩余贫困人口17.5万人。", "17.5万人", "贫困人口"),
    # a place and a verb of its own (下达: not the 达 of a level reached, which left 定西市下)
    # name the statistic before them
    ("全省下达衔接资金198.6亿元，其中定西市下达23.4亿元。", "23.4亿元", "衔接资金"),
    ("全县粮食产量达15.2万吨。", "15.2万吨", "粮食产量"),  # (a guard: 达 of a level cut)
    # a share of a year's goal (年度目标任务: a goal, not a time such as 上年) is the share of
    # the statistic before it (was 年度目标任务, which every such share would share)
    ("全县脱贫劳动力务工就业3.2万人，完成年度目标任务的102.5%。", "102.5%",
     "脱贫人口务工规模占年度目标任务"),
    # a change of a bare share word (比重, 占比) after a share: that share's
    ("全县一般贸易出口12.4亿元，占全县出口总额的71.3%，比重较上年提高2.6个百分点。",
     "2.6个百分点", "一般贸易出口占全县出口总额"),
    # a trading partner's trade is no total (guards: 对 keeps them apart already)
    ("前三季度，全省对东盟进出口480.6亿元，增长9.1%。", "480.6亿元", "对东盟进出口"),
    ("前三季度，全省对欧盟出口210.2亿元。", "210.2亿元", "对欧盟出口"),
    ("前三季度，全省对美国出口96.5亿元。", "96.5亿元", "对美国出口"),
    # 按可比口径, like 可比口径, names nothing: the growth is the figure's before it
    ("全县接待游客86.2万人次，按可比口径同比增长8.3%。", "8.3%", "接待游客人次"),
    # a change of pace alone (比8月份加快: of the growth's 增速, or 降幅 after a fall), not a key
    # of its own (was 加快, 收窄)
    ("工业增加值增长5.1%，比8月份加快0.5个百分点。", "0.5个百分点", "工业增加值增速加快"),
    ("全县投资下降2.1%，比1-8月份收窄0.4个百分点。", "0.4个百分点", "投资降幅收窄"),
    ("今年以来，比8月份加快0.5个百分点。", "0.5个百分点", ""),
    # a place's party committee is no place before a statistic (江西省委…: its key keeps it)
    ("江西省委组织部选派驻村干部1200名。", "1200名", "江西省委组织部选派驻村干部"),
    # a share names what it is a share of: the subject before 占 in its clause (cut from a
    # long indicator), else the amount before it, past that amount's growth; a span's end
    # the span's start's
    ("全国财政性职业教育经费占国内生产总值比例稳定高于1%。", "高于1%",
     "财政性职业教育经费占国内生产总值比例"),
    ("全县已完成灾后重建投资38亿元，占规划总投资的76%。", "76%", "灾后重建投资占规划总投资"),
    ("全省出口总额从800亿元增加到1200亿元，年均增长8.4%，占全国比重从1.1%提高到1.3%。",
     "1.3%", "出口占全国比重"),
    ("全省研究与试验发展经费达到260亿元，占地区生产总值比重从1.9%提高到2.2%。", "2.2%", "研发投入强度"),
    ("全省种植面积中，占全国比重达到6%。", "6%", "占全国比重"),  # no amount before it
    # an aspect of the figure before, or its gap to the nation's, names that figure's statistic
    ("全省地区生产总值增长5.9%，增速高于全国平均水平0.7个百分点。", "0.7个百分点",
     "国内生产总值增速高于全国平均水平"),
    ("全省居民人均可支配收入增长6.2%，比全国平均水平高0.4个百分点。", "0.4个百分点",
     "居民人均可支配收入比全国平均水平高"),
    # a change after a ； is the level's before it, unless a clause of its own names another
    # statistic (固定资产投资增速由负转正): then no key rather than the level's
    ("全年规上工业增加值增长7.45%；其中，12月份增长8.1%。", "8.1%", "规模以上工业增加值"),
    ("全年外贸进出口总额86.2亿元；全社会用电量增速由负转正，全年增长4.3%。", "4.3%", ""),
    # a word of the level alone (总量, 规模) after the statistic's growth: its level
    ("全省地区生产总值增长5.8%，总量突破3万亿元。", "突破3万亿元", "国内生产总值"),
    ("全县旅游收入增长12%，总额达到36亿元。", "36亿元", "旅游总收入"),
])
def test_the_key_of_a_statistic_named_before_the_figure(sentence, text, key):
    c = next(c for c in _claims("2023年各地区经济运行情况\n" + sentence + "\n") if c.text == text)
    assert c.indicator_key == key


CENSUS = """某省第七次全国人口普查公报（第一号）
某省统计局
2021年5月20日
我省以2020年11月1日零时为标准时点进行了第七次全国人口普查。
一、常住人口
全省常住人口为4258万人，与2010年第六次全国人口普查的4103万人相比，增加155万人。
"""


@pytest.mark.parametrize("text,period", [
    ("4258万人", "2020"),  # the census moment's year, not the year it was published
    ("4103万人", "2010"),  # the value of the comparison base: its own year
    ("155万人", "2020"),
])
def test_a_census_counts_at_its_reference_moment(text, period):
    c = next(c for c in _claims(CENSUS.replace("某省", "江西省")) if c.text == text)
    assert (c.period, c.role) == (period, "outcome")


_BULLETIN_BODY = ("上半年，两地共建产业园区6个，引导企业到园区投资9.2亿元，带动脱贫群众就业3100人。"
                  "力争9月底前完成全部项目开工，年底前资金拨付率达到100%。\n")


def test_a_deadline_after_a_bulletins_masthead_day_is_a_target():
    doc = "东西部协作工作简报\n某某市扶贫办 2021年6月30日\n\n" + _BULLETIN_BODY
    c = next(c for c in _claims(doc) if c.text == "9月底前")
    assert (c.period, c.role) == ("2021-09", "target")


def test_budget_figures_of_a_statistical_bulletin_are_outcomes():
    """A bulletin describes its year, over when it is published: 一般公共预算支出 there is what
    was spent (an outcome), in a work report's tasks it is arranged (a plan)."""
    body = "全年一般公共预算支出31.2亿元，增长2.3%，其中民生支出24.1亿元。\n"
    bulletin = _claims("长顺县2022年国民经济和社会发展统计公报\n" + body)
    report = _claims("2022年长顺县政府工作报告\n二、2022年工作安排\n" + body)
    assert {c.text: c.role for c in bulletin if c.kind == "money"} == \
        {"31.2亿元": "outcome", "24.1亿元": "outcome"}
    assert {c.text: c.role for c in report if c.kind == "money"} == \
        {"31.2亿元": "plan", "24.1亿元": "plan"}


def test_a_work_plan_heading_opens_a_forward_part():
    """二、下半年工作计划: its figures are goals (工作计划 as 工作打算, 工作安排)."""
    doc = ("长顺县2023年上半年工作总结\n一、上半年工作完成情况\n全县新开工项目12个。\n"
           "二、下半年工作计划\n全县新开工项目20个，新增城镇就业1100人以上。\n")
    got = {c.text: c.role for c in _claims(doc)}
    assert (got["12个"], got["20个"], got["1100人以上"]) == ("outcome", "target", "target")


@pytest.mark.parametrize("heading,role", [
    ("二、脱贫目标", "target"),             # a part about goals, whatever goals
    ("二、2023年发展目标", "target"),
    ("二、脱贫攻坚目标任务全面完成", "outcome"),  # ... not a heading that says they were met
    ("二、目标完成情况", "outcome"),
])
def test_a_heading_of_goals_opens_a_forward_part(heading, role):
    """A county's page of its situation and its goals: figures of the year under 脱贫目标
    are goals; a heading that says the goals were met reviews."""
    doc = (f"某县2023年脱贫攻坚基本情况\n一、贫困情况\n全县现有贫困人口1.2万人。\n{heading}\n"
           "2023年：完成易地扶贫搬迁1500户，硬化通组公路300公里。\n")
    got = {c.text: c.role for c in _claims(doc.replace("某县", "长顺县"))}
    assert got["1.2万人"] == "outcome"
    assert (got["1500户"], got["300公里"]) == (role, role)


GOALS_BY_YEAR = """某县脱贫攻坚基本情况
一、贫困情况
全县现有贫困人口1.2万人。
二、脱贫目标
2022年：计划搬迁900户3600人。完成情况：建成安置点4个。
2023年：硬化通组公路300公里，建成蔬菜基地12个。
全县森林覆盖率由2020年的58.2%提高到62%。
"""


@pytest.mark.parametrize("year,text,role", [
    (2023, "900户", "target"),   # a goal of a year over when the page was written: still a goal
    (2023, "300公里", "target"),
    (2024, "12个", "target"),    # (read a year later: the same goals)
    (2023, "4个", "outcome"),    # what was done, reported beside the goal
    (2023, "58.2%", "outcome"),  # where a goal starts from
    (2023, "62%", "target"),
])
def test_the_figures_under_a_heading_of_goals_are_goals_whatever_their_year(year, text, role):
    doc = GOALS_BY_YEAR.replace("某县", "长顺县").replace("基本情况", f"基本情况（{year}年）")
    got = {c.text: c.role for c in _claims(doc)}
    assert got[text] == role


BUDGET_EXECUTION = """关于某省2025年预算执行情况与2026年预算草案的报告
一、2025年预算执行情况
全省一般公共预算支出4120.6亿元，完成调整预算的97.2%，增长1.9%。政府性基金预算收入830.4亿元，下降6.1%。
二、2026年预算草案
全省一般公共预算支出安排4200亿元，增长1.9%。其中，农林水支出520亿元，增长2.4%；卫生健康支出380亿元。政府性基金预算收入预计800亿元。
"""


@pytest.mark.parametrize("text,period,role", [
    ("4120.6亿元", "2025", "outcome"), ("830.4亿元", "2025", "outcome"),
    ("4200亿元", "2026", "plan"), ("800亿元", "2026", "forecast"),
    # the parts listed after a sentence opening with 其中 are parts of the sum before it
    ("520亿元", "2026", "plan"), ("2.4%", "2026", "plan"), ("380亿元", "2026", "plan")])
def test_a_budget_report_reviews_what_was_spent_and_arranges_the_next_year(text, period, role):
    """执行情况 reviews the title's year (what was spent: outcomes, also of the fund budgets
    whose names hold 预算), 预算草案 arranges the next (plans, forecasts)."""
    c = next(c for c in _claims(BUDGET_EXECUTION.replace("某省", "江西省")) if c.text == text)
    assert (c.period, c.role) == (period, role)


def test_a_share_of_the_budget_is_the_share_of_its_own_statistic():
    """完成调整预算的97.2% measures the spending against its budget: the key names both,
    so that another statistic's completion rate is not in its series."""
    c = next(c for c in _claims(BUDGET_EXECUTION.replace("某省", "江西省")) if c.text == "97.2%")
    assert c.indicator_key == "一般公共预算支出占调整预算"


@pytest.mark.parametrize("sentence,text,role", [
    # a goal a comparison refers to is not stated: the level and its differences happened
    ("全市生产总值增长5.2%，低于年初预期目标0.8个百分点。", "5.2%", "outcome"),
    ("全市生产总值增长5.2%，低于年初预期目标0.8个百分点。", "0.8个百分点", "outcome"),
    ("进出口总额增长9%，高于全年目标1个百分点。", "9%", "outcome"),
    # ... the figure that is the goal's value is its target
    ("居民消费价格上涨1.2%，低于3%左右的调控目标。", "3%左右", "target"),
    # ... unless the clause says it was reached
    ("提前一年实现人均公用经费600元的目标。", "600元", "outcome"),
    # ... but not when it is still ahead or pursued
    ("从前八个月看，实现全年5%左右的预期目标有较好基础。", "5%左右", "target"),
    ("确保完成生产总值增长5%左右的目标。", "5%左右", "target"),
    # a list of targets starts at the words that open it
    ("今年的主要预期目标是：生产总值增长5.5%；城镇新增就业6万人。", "5.5%", "target"),
    # in a review, 保持在/稳定在 say what held; with a target word of its own, a target
    ("全市外出务工人数保持在48万人以上。", "48万人以上", "outcome"),
    ("力争全市外出务工人数保持在48万人以上。", "48万人以上", "target"),
])
def test_a_goal_referred_to_and_a_goal_stated(sentence, text, role):
    report = "江西省某市2024年国民经济和社会发展计划执行情况的报告\n一、2024年计划执行情况\n" + sentence + "\n"
    c = next(c for c in _claims(report) if c.text == text or c.text.endswith(text))
    assert c.role == role


MONTHLY = """2025年1-8月某市经济运行简况
某市统计局

1-8月，全市工业增加值增长5.6%，增速比1-7月加快0.3个百分点。分门类看，制造业增长6.2%。
社会消费品零售总额312.8亿元，增长4.4%。
上半年，全市地区生产总值1260.5亿元，增长5.0%。全市居民人均可支配收入16320元，增长5.8%。全年预计增长6%左右。
"""


@pytest.mark.parametrize("text,period", [
    ("5.6%", "2025-01/2025-08"),
    ("6.2%", "2025-01/2025-08"),     # the months opening the paragraph
    ("312.8亿元", "2025-01/2025-08"),  # the months the title names
    ("1260.5亿元", "2025-01/2025-06"),
    ("16320元", "2025-01/2025-06"),    # the months of the sentence that opened the part
    ("6%左右", "2025"),               # 全年: the whole year
])
def test_a_monthly_report_dates_its_figures_by_the_months_it_covers(text, period):
    doc = MONTHLY.replace("某市", "遵义市")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.period == period


def test_a_month_in_a_narrative_governs_no_later_sentence():
    """9月份后，… opens a turn of events, not a statistic's period: the next sentence keeps
    the review's year."""
    doc = ("2024年政府工作报告\n一、2023年工作回顾\n9月份后，外部环境急剧变化，我们及时出台八项措施。"
           "全年新增减税降费2400亿元。\n")
    c = next(c for c in _claims(doc) if c.text == "2400亿元")
    assert c.period == "2023"


NEWS_PAGE = """某某日报 2022年4月6日 第7版 区域

云南 茶产业带动群众增收
本报昆明4月5日电（记者 王丽）云南省今年将新建标准化茶园2万亩。截至3月底，全省茶叶加工企业达到1260家。

宁夏 枸杞产业提质增效
本报银川4月5日电（记者 赵强）去年，宁夏回族自治区枸杞种植面积达到32万亩，综合产值210亿元。

湖南 油茶林面积稳步扩大
新华社长沙4月5日电 湖南省去年新增油茶林面积80万亩，同比增长12%。
"""


@pytest.mark.parametrize("text,period,region", [
    ("2万亩", "2022", "云南省"),         # the subject after the dateline, not the dateline's 昆明
    ("1260家", "2022-03", "云南省"),     # 全省 of an article: the article's province
    ("32万亩", "2021", "宁夏回族自治区"),  # 去年 opens the sentence after the dateline
    ("80万亩", "2021", "湖南省"),
    ("12%", "2021", "湖南省"),           # 去年 after the place it is about
])
def test_a_news_page_dates_and_places_each_article_apart(text, period, region):
    c = next(c for c in _claims(NEWS_PAGE) if c.text == text)
    assert (c.period, c.region) == (period, region)


def test_one_heading_that_opens_with_a_place_is_no_set_of_articles():
    """A county's page with one heading naming its prefecture keeps the county."""
    doc = ("脱贫攻坚政策汇编\n一、政策要点\n黔南州：长顺县、平塘县\n长顺县全县新建扶贫车间12个，吸纳就业680人。\n"
           "长顺县易地扶贫搬迁1898户。长顺县新增就业岗位560个。\n")
    c = next(c for c in _claims(doc) if c.text == "680人")
    assert c.region == "长顺县"


COUNTY_FIVE_YEARS = """某县人民政府工作报告
——2022年1月10日在某县第十届人民代表大会第一次会议上
一、过去五年工作回顾
五年来，全县城乡居民人均可支配收入分别增加到35100元和15200元，年均分别增长7.1%和9.4%；孤儿养育津贴、特困人员供养金每月分别上调30元、60元。
城乡低保标准分别从2016年的520元/月、3600元/年提高到2021年的760元/月、6100元/年。
"""


@pytest.mark.parametrize("text,period,key", [
    # levels reached: both items of the list are the last year's, not only the first
    ("35100元", "2021", "城镇居民人均可支配收入"),
    ("15200元", "2021", "农村居民人均可支配收入"),
    # 城乡 names two statistics; 分别 gives each figure its own, in order
    ("7.1%", "2017/2021", "城镇居民人均可支配收入"),
    ("9.4%", "2017/2021", "农村居民人均可支配收入"),
    # a list of subjects (A、B分别X、Y) is no statistic named twice
    ("30元", "2017/2021", "孤儿养育津贴"),
    # a span's two lists (分别从X、Y提高到Z、W): each list's items in order
    ("520元/月", "2016", "城镇低保标准"), ("3600元/年", "2016", "农村低保标准"),
    ("760元/月", "2021", "城镇低保标准"), ("6100元/年", "2021", "农村低保标准"),
])
def test_the_items_of_a_list_after_respectively(text, period, key):
    c = next(c for c in _claims(COUNTY_FIVE_YEARS.replace("某县", "湄潭县")) if c.text == text)
    assert (c.period, c.indicator_key) == (period, key)


@pytest.mark.parametrize("sentence,text,indicator,key", [
    # a place a trimmed word begins keeps it (从江县: not 江县; 都匀市: not 匀市)
    ("雷山县投入衔接资金2.9亿元，从江县投入4.3亿元，都匀市投入3.1亿元。", "4.3亿元", "从江县投入", "衔接资金"),
    ("雷山县投入衔接资金2.9亿元，从江县投入4.3亿元，都匀市投入3.1亿元。", "3.1亿元", "都匀市投入", "衔接资金"),
    # 投入 is the verb, not the statistic
    ("全县投入各类帮扶资金12.6亿元。", "12.6亿元", "全县投入各类帮扶资金", "帮扶资金"),
])
def test_places_keep_their_first_character_and_a_verb_is_no_key(sentence, text, indicator, key):
    c = next(c for c in _claims("2023年工作总结\n" + sentence + "\n") if c.text == text)
    assert (c.indicator, c.indicator_key) == (indicator, key)


YEAR_END_SUMMARY = """某市扶贫开发办公室2020年工作总结
一、2020年工作完成情况
全年投入财政专项扶贫资金42.7亿元，同比增长6.5%。
“十三五”期间，全市累计减少贫困人口115.3万人。五年累计投入各级财政扶贫资金286.4亿元，年均增长22.3%。
二、2021年工作计划
年内完成农村危房改造2000户。
"""


@pytest.mark.parametrize("text,period", [
    ("286.4亿元", "2016/2020"),  # (in a part about 十三五: that span)
    ("22.3%", "2016/2020"),      # (年均: the same five years as the figure before)
    ("42.7亿元", "2020"),
])
def test_the_periods_of_a_year_end_summary(text, period):
    c = next(c for c in _claims(YEAR_END_SUMMARY.replace("某市", "毕节市")) if c.text == text)
    assert c.period == period


@pytest.mark.parametrize("title,signed,period", [
    # a year-end summary reports on its own year: its five years end with it ...
    ("毕节市2020年工作总结", "", "2016/2020"),
    ("毕节市扶贫办工作总结", "毕节市扶贫办\n2020年12月28日\n", "2016/2020"),  # (signed in December)
    # ... a work report opens its year: its five years end the year before
    ("2020年毕节市人民政府工作报告", "", "2015/2019"),
    ("毕节市扶贫办工作总结", "毕节市扶贫办\n2020年3月28日\n", "2015/2019"),
])
def test_five_years_back_end_with_the_year_a_summary_reports_on(title, signed, period):
    doc = title + "\n一、工作回顾\n五年累计投入各级财政扶贫资金286.4亿元，年均增长22.3%，贫困地区基础设施和" \
        "公共服务明显改善，群众获得感显著增强。\n" + signed
    assert [c.period for c in _claims(doc) if c.text in ("286.4亿元", "22.3%")] == [period] * 2


def test_within_the_year_is_no_part_of_a_statistic():
    c = next(c for c in _claims(YEAR_END_SUMMARY.replace("某市", "毕节市")) if c.text == "2000户")
    assert (c.indicator, c.indicator_key, c.period, c.role) == ("完成农村危房改造", "农村危房改造", "2021", "target")


NEWS_RELEASE = """2023年国民经济运行情况

新华社北京1月17日电（记者 王立）国家统计局17日发布数据，初步核算，2023年国内生产总值1260582亿元，比上年增长5.2%。分季度看，一季度国内生产总值同比增长4.5%，二季度增长6.3%。
记者18日从国家统计局获悉，全年全国居民人均可支配收入39218元，比上年名义增长6.3%，扣除价格因素实际增长6.1%。全年城镇新增就业1244万人，项目将于30日内完成。
19日，国家发展改革委召开新闻发布会。
"""


def test_a_national_bodys_news_release_is_national_and_dated_by_its_dateline():
    claims = _claims(NEWS_RELEASE)
    assert {c.region for c in claims} == {"全国"}  # (国家统计局 after the dateline; not 北京)
    by_text = {c.text: c for c in claims}
    # days the news dates by are days of its dateline's month, not durations
    assert (by_text["17日"].kind, by_text["17日"].value) == ("date", "2023-01-17")
    assert (by_text["18日"].kind, by_text["18日"].value) == ("date", "2023-01-18")
    assert (by_text["30日内"].kind, by_text["30日内"].qualifier) == ("duration", "at_most")  # (a limit)
    # ... also a day opening its sentence before a comma (19日，…召开新闻发布会)
    assert (by_text["19日"].kind, by_text["19日"].value) == ("date", "2023-01-19")


@pytest.mark.parametrize("text,n,period,key", [
    ("6.3%", 0, "2023-04/2023-06", "国内生产总值"),  # the change before it, in the clause before
    # (扣除价格因素: no statistic; a real change beside a nominal one, a series of its own)
    ("6.1%", 0, "2023", "居民人均可支配收入实际增长"),
])
def test_a_change_that_names_no_statistic_continues_the_one_before(text, n, period, key):
    c = [c for c in _claims(NEWS_RELEASE) if c.text == text][n]
    assert (c.period, c.indicator_key) == (period, key)


def test_a_change_after_a_clause_naming_other_statistics_takes_no_key():
    sentence = "全市万元产值用水量较上年减少5.1%，城区噪声、扬尘投诉件数连续两年回落，较上年分别减少8.2%和6.4%。"
    c = next(c for c in _claims("2022年工作总结\n" + sentence + "\n") if c.text == "8.2%")
    assert c.indicator_key == ""


@pytest.mark.parametrize("text,value,period", [
    ("2003年9月", "2003-09", "2003-09"),
    ("同年12月", "2003-12", "2003-12"),  # (of the year written before it, the words its part)
    ("当年11月", "2003-11", "2003-11"),
    ("2010年3月", "2010-03", "2010-03"),
])
def test_a_month_of_the_same_year_takes_the_year_written_before_it(text, value, period):
    doc = ("2023年某县工作回顾\n2003年9月，两县签订协作协议。同年12月，首批干部到岗，"
           "当年11月已建成车间3个。2010年3月，协作扩大到8个乡镇。\n")
    c = next(c for c in _claims(doc.replace("某县", "西吉县")) if c.text == text)
    assert (c.value, c.period) == (value, period)


def test_a_month_of_the_same_year_with_none_written_before_is_the_documents():
    c = next(c for c in _claims("同年5月，全县新建车间4个。\n", year=2022) if c.kind == "date")
    assert (c.text, c.value) == ("同年5月", "2022-05")


def test_a_day_without_a_month_to_take_is_no_claim():
    assert [c.text for c in _claims("记者3日从省财政厅获悉，全省下达资金5亿元。\n", year=2023)] == ["5亿元"]


@pytest.mark.parametrize("sentence,text,role,key", [
    # the standard of a grant the issuing body gives is what it arranges
    ("对脱贫县按每处工程不超过200万元的标准给予补助。", "不超过200万元", "plan", None),
    # ... also named right after the sum, or as the grant's ceiling
    ("每新吸纳1名脱贫劳动力就业，给予企业800元奖补。", "800元", "plan", None),
    ("每个示范村补助最高不超过50万元。", "不超过50万元", "plan", None),
    # 力争 inside a target's phrase is no part of its statistic
    ("农村集中供水工程水费收缴率力争达到90%以上。", "90%以上", "target", "农村集中供水工程水费收缴率"),
    # ... and so are 实现, 提升 and 保持 (the role of these is not what is tested: None)
    ("农产品加工业产值实现186.3亿元，增长9.1%。", "186.3亿元", None, "农产品加工业产值"),
    ("全省学前教育毛入园率提升至95%左右。", "95%左右", None, "学前教育毛入园率"),
    ("全县集中式饮用水水源地达标率保持100%。", "100%", None, "集中式饮用水水源地达标率"),
    ("全市研发经费投入强度持续超过2.5%。", "超过2.5%", None, "研发投入强度"),
    ("今年二氧化硫排放量要下降3%。", "3%", None, "二氧化硫排放量"),  # (a modal 要; 主要 keeps it)
])
def test_grants_standards_are_plans_and_modal_words_no_key(sentence, text, role, key):
    doc = "某省人民政府办公厅关于加快推进农村供水保障工作的实施意见\n二、重点任务\n" + sentence + "\n"
    c = next(c for c in _claims(doc.replace("某省", "贵州省")) if c.text == text)
    assert (role is None or c.role == role) and (key is None or c.indicator_key == key)


@pytest.mark.parametrize("sentence,text,key", [
    ("一般公共预算收入完成98.6亿元，同口径增长7.1%。", "7.1%", "一般公共预算收入"),  # a level's growth
    ("中央财政支农投入累计近3万亿元，年均增幅超过23%。", "超过23%", "中央财政支农投入"),
    # a place and a change after another place's level: that level's statistic, each place's
    ("遵义市地区生产总值4850亿元，毕节市、铜仁市分别增长5.2%、4.8%。", "5.2%", "国内生产总值"),
    ("遵义市地区生产总值4850亿元，毕节市、铜仁市分别增长5.2%、4.8%。", "4.8%", "国内生产总值"),
    # parts named only by their area after the whole: the whole's statistic of that area
    ("居民恩格尔系数为30.2%，其中城镇为28.9%，农村为32.6%。", "32.6%", "农村居民恩格尔系数"),
    ("全体居民人均可支配收入3.1万元，其中城镇4.2万元，农村1.7万元。", "4.2万元", "城镇居民人均可支配收入"),
    # a place listed before the statistic the list's last place names: that statistic
    ("黔南州、黔东南州茶叶产量分别达到12.3万吨和9.8万吨。", "12.3万吨", "茶叶产量"),
])
def test_the_growth_of_a_level_right_before_it_is_the_levels(sentence, text, key):
    c = next(c for c in _claims("2023年工作总结\n" + sentence + "\n") if c.text == text)
    assert c.indicator_key == key


@pytest.mark.parametrize("lead,period", [
    # a time without a year after a paragraph's lead counted from a year: the year the count
    # runs to (2021年以来，…。年末…: 2023, was 2021)
    ("2021年以来，全县累计发放小额信贷28.3亿元。", "2023"),
    ("今年以来，全县新增市场主体860户。", "2023"),
])
def test_a_year_end_after_a_since_lead_is_the_year_counted_to(lead, period):
    doc = f"某县2023年乡村振兴工作总结\n{lead}年末各项贷款余额120亿元。\n"
    c = next(c for c in _claims(doc) if c.text == "120亿元")
    assert c.period == period


@pytest.mark.parametrize("text,key", [
    # figures that name only a place after the parts of a whole listed after 其中: the
    # whole's statistic broken down by place (was 市县资金, the last part's)
    ("5.12亿元", "帮扶资金"), ("4.86亿元", "帮扶资金"),
    # ... the parts keep their own
    ("19.36亿元", "市县资金"),
])
def test_a_breakdown_by_place_after_the_parts_is_of_the_whole(text, key):
    doc = ("浙江省2022年东西部协作工作总结\n全年拨付东西部协作财政援助资金25.86亿元，其中省级资金6.5亿元、"
           "市县资金19.36亿元。分地区看，甘孜州5.12亿元，凉山州4.86亿元。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.indicator_key == key


@pytest.mark.parametrize("sentence,text,key", [
    # a category alone after a category's figure of a statistic, in the clause right after it
    # (or after its ；): that statistic of the category (were 股份制企业, 农村居民, 制造业)
    ("分经济类型看，国有控股企业增加值增长3.2%，股份制企业增长6.1%，私营企业增长5.6%。", "6.1%",
     "股份制企业增加值"),
    ("分经济类型看，国有控股企业增加值增长3.2%，股份制企业增长6.1%，私营企业增长5.6%。", "5.6%",
     "私营企业增加值"),
    ("城镇居民人均可支配收入增长5%；农村居民增长7%。", "7%", "农村居民人均可支配收入"),
    ("规模以上工业增加值增长6%，其中制造业增长5.7%。", "5.7%", "制造业增加值"),
    # ... not a figure of another kind of thing (旅游总收入, then 游客), nor further back
    ("旅游总收入增长8%，接待游客增长6%。", "6%", "接待游客人次"),
    ("国有控股企业增加值增长3.2%，全年新增就业1万人，股份制企业增长6.1%。", "6.1%", "股份制企业"),
])
def test_a_category_after_a_categorys_statistic_takes_it(sentence, text, key):
    c = next(c for c in _claims("2023年统计公报\n" + sentence + "\n") if c.text == text)
    assert c.indicator_key == key


SINCE = """某州2023年乡村振兴工作总结

“十四五”以来，全州累计投入衔接资金86.5亿元。

党的十八大以来，全州累计减少农村贫困人口93.6万人。

2021年以来，全州累计发放小额信贷28.3亿元。
"""


@pytest.mark.parametrize("title,text,period,role", [
    # a plan period or an event a span runs from to date: since then, not the plan period
    ("", "86.5亿元", "2021/2023", "outcome"),
    ("", "93.6万人", "2012/2023", "outcome"),
    # a year-end summary on no known day: to the end of its year, not open
    ("", "28.3亿元", "2021/2023", "outcome"),
    # ... and on a known day: to its year, a span of years at the years' precision (was
    # 2021/2023-12-05, a period no other report of the series shares)
    ("某州乡村振兴工作总结\n某州乡村振兴局\n2023年12月5日\n", "28.3亿元", "2021/2023", "outcome"),
    # a plan period over before the document's year: the plan period (a 2026 report: 2021-2025)
    ("某州2026年政府工作报告\n一、2025年工作回顾\n", "86.5亿元", "2021/2025", "outcome"),
    # a work report delivered on a day at its year's start: to the end of the year before,
    # not to the day (was 2021/2026-01-20, and so a target)
    ("某州2026年政府工作报告\n——2026年1月20日在某州第十五届人民代表大会第五次会议上\n"
     "一、2025年工作回顾\n", "28.3亿元", "2021/2025", "outcome"),
])
def test_spans_to_date(title, text, period, role):
    doc = SINCE.replace("某州", "黔西南州")
    if title:
        doc = title.replace("某州", "黔西南州") + doc.split("\n", 1)[1]
    c = next(c for c in _claims(doc) if c.text == text)
    assert (c.period, c.role) == (period, role)


@pytest.mark.parametrize("line,text,region", [
    ("盘州市：本月组织专场招聘会2场，提供就业岗位1800余个。", "1800余个", "盘州市"),  # (盘县 until 2017)
    ("【荔波县】1-8月消费帮扶销售农特产品1.36亿元，同比增长18.2%。", "18.2%", "荔波县"),
    ("全市：本月新增帮扶车间3个。", "3个", "六盘水市"),  # (no place: the document's)
])
def test_a_sentence_headed_by_a_place_is_about_it(line, text, region):
    doc = "六盘水市东西部协作工作简报\n六盘水市协作办 2023年9月15日\n【县区动态】\n" + line + "\n"
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.region == region


YEARS_LISTED = """2026年湄潭县人民政府工作报告
一、“十四五”时期工作回顾
五年来，全县地区生产总值2021年、2022年、2023年分别增长8.2%、3.9%和5.1%。
全县农业增加值2023年至2025年分别增长4.4%、4.9%、5.2%。
全县粮食产量2024年为31.2万吨。
"""


@pytest.mark.parametrize("text,period,key", [
    # a list of years before 分别: each figure of the list after it is its year's
    ("8.2%", "2021", "国内生产总值"), ("3.9%", "2022", "国内生产总值"),
    ("5.1%", "2023", "国内生产总值"),
    # ... and so are the figures after a range of as many years
    ("4.4%", "2023", "农业增加值"), ("5.2%", "2025", "农业增加值"),
    ("31.2万吨", "2024", "粮食产量"),  # (one year: the year, as before)
])
def test_a_list_of_years_before_respectively_gives_each_figure_its_year(text, period, key):
    c = next(c for c in _claims(YEARS_LISTED) if c.text == text)
    assert (c.period, c.indicator_key) == (period, key)


def test_a_list_of_quarters_before_respectively_gives_each_figure_its_quarter():
    doc = "2025年全县经济运行情况\n全县工业增加值一季度、二季度分别增长6.1%和5.7%。\n"
    got = {c.text: c.period for c in _claims(doc)}
    assert (got["6.1%"], got["5.7%"]) == ("2025-01/2025-03", "2025-04/2025-06")


NEWSPAPER_PAGE = """黔西南日报
2024年11月6日 星期三 第3版 要闻

全州秋粮收购进度过半
本报讯（记者 李华）记者从州粮食局获悉，截至10月底，全州已收购秋粮8.6万吨，同比增长4.2%。

兴义市新建冷链仓储设施12座
本报讯 今年以来，兴义市新建冷链仓储设施12座，新增库容3.5万吨。全市冷链物流企业达到46家。

安龙县：特色种植带动增收
本报讯 今年以来，安龙县发展食用菌种植1.8万亩，带动农户增收9600万元。
"""


@pytest.mark.parametrize("text,region,period", [
    # a newspaper's masthead names the place it is named for: the page's region
    ("8.6万吨", "黔西南布依族苗族自治州", "2024-10"),
    # each article under a heading that opens with a place is that place's, 全市 too; its
    # date line is the day the page was issued: a span to date ends there
    ("3.5万吨", "兴义市", "2024/2024-11-06"),
    ("46家", "兴义市", "2024"),
    ("9600万元", "安龙县", "2024/2024-11-06"),
])
def test_a_newspaper_page_is_its_mastheads_and_each_article_its_places(text, region, period):
    c = next(c for c in _claims(NEWSPAPER_PAGE) if c.text == text)
    assert (c.region, c.period) == (region, period)


NEWS_PAGE_DATED = """浙江日报 2021年9月3日 第5版 乡村振兴

浙江对口帮扶四川 协作资金全部到位
本报讯 今年以来，全省向四川拨付协作资金18.4亿元，实施协作项目620个。

四川凉山 易地搬迁群众就业率达到96%
本报讯 截至8月底，全州有劳动力的易地搬迁家庭就业率达到96%，共开发公益性岗位5300个。
下一步，还将新建帮扶车间40个。

消费帮扶专柜进社区
本报讯 8月28日，全省首批消费帮扶专柜进社区活动启动，首批设立专柜120个。
"""


@pytest.mark.parametrize("text,region", [
    # a masthead line that goes on with the issue's day and page still names the page's place
    ("18.4亿元", "浙江省"),
    # one article under a heading that opens with a place is that place's on a newspaper's
    # page, the division under it named right after it (四川凉山: 凉山彝族自治州) ...
    ("40个", "凉山彝族自治州"),
    # ... and an article whose heading opens with no place is the page's again
    ("120个", "浙江省"),
])
def test_a_dated_masthead_and_a_single_placed_article(text, region):
    c = next(c for c in _claims(NEWS_PAGE_DATED) if c.text == text)
    assert c.region == region


@pytest.mark.parametrize("sentence,text,region,key", [
    # a subject naming a division and those under it in turn is the last one's
    ("贵州省黔南州长顺县消费帮扶金额达到1.2亿元。", "1.2亿元", "长顺县", "消费帮扶金额"),
    ("河北承德贫困发生率降至0.56%。", "0.56%", "承德市", "贫困发生率"),
    # a key does not start with the 的 left after its place is cut
    ("企业与四川、云南的86个贫困村结成对子。", "86个", "重庆市", "贫困村结成对子"),
    # a whole jurisdiction of another kind than the document's (全州 in a city's report) is
    # the last division of that kind its sentence names before it; of its kind, the document's
    ("四川省凉山州脱贫成效明显，全州贫困发生率降至0.5%。", "0.5%", "凉山彝族自治州", "贫困发生率"),
    ("四川省凉山州脱贫成效明显，全市贫困发生率降至0.5%。", "0.5%", "重庆市", "贫困发生率"),
])
def test_a_subject_naming_divisions_in_turn(sentence, text, region, key):
    c = next(c for c in _claims("# region=重庆市\n2020年工作简报\n" + sentence + "\n")
             if c.text == text)
    assert (c.region or "", c.indicator_key) == (region, key)


BULLETIN_PARTS = """就业帮扶工作简报
第3期
毕节市人力资源和社会保障局　　　　2021年6月30日

【工作动态】
6月10日，全市举办返乡创业培训班2期，培训学员160人。

【数据通报】
1—5月，全市农村劳动力转移就业3.2万人，提前超额完成年度目标任务（3万人）。其中：（一）省外就业1.9万人；（二）县内就业1.3万人。
全市培训农民工1.6万人次，完成年度目标任务（2万人次）的80%。
分县看，纳雍县转移就业最多，达4100人。

【下一步工作】
一是举办专场招聘会6场；二是新建就业帮扶车间5个。
"""


@pytest.mark.parametrize("text,period,role,region,indicator", [
    # a bulletin's heading in brackets opens a part: what follows 【下一步工作】 is planned
    ("6场", "2021", "target", "", None),
    ("5个", "2021", "target", "", None),
    # ... and what follows another is the bulletin's own time, done (a day of one event
    # governs with its year)
    ("160人", "2021", "outcome", "", None),
    # a figure in brackets after the year's goal is that goal's value, of the year; the
    # share after it is of that goal; the parts listed after it are the level's, done
    ("3万人", "2021", "target", "", None),
    ("1.9万人", "2021-01/2021-05", "outcome", "", None),
    ("80%", "2021", "outcome", "", "完成年度目标任务"),
    # a clause of a verb alone after one that opens with a place is that place's
    ("4100人", "2021", "outcome", "纳雍县", None),
])
def test_a_bulletins_parts_and_goals(text, period, role, region, indicator):
    c = next(c for c in _claims(BULLETIN_PARTS) if c.text == text)
    got = (c.period, c.role, "" if c.region == "毕节市" else c.region,
           indicator and c.indicator)
    assert got == (period, role, region, indicator)


@pytest.mark.parametrize("opening,start,end", [
    # a span under a time since a year: X is that year's, Y the year the summary reports on
    ("2014年以来", "2014", "2020"),
    ("党的十八大以来", "2012", "2020"),
    # (under a review of years: X the year before them, as before)
    ("五年来", "2015", "2020"),
])
def test_a_span_since_a_year_runs_from_it_to_the_reports_year(opening, start, end):
    doc = f"某县2020年脱贫攻坚工作总结\n{opening}，全县贫困发生率由24.6%下降到0.9%。\n"
    got = {c.text: c.period for c in _claims(doc)}
    assert (got["24.6%"], got["0.9%"]) == (start, end)


WORK_PLAN = """2022年某县农业农村工作要点
一、2021年工作回顾
全年粮食总产量达到18.6万吨。
二、巩固脱贫成果
全年新增脱贫劳动力务工就业1500人，开发公益性岗位300个左右。
"""


@pytest.mark.parametrize("text,role", [
    # a title of the work planned for its year (工作要点): its parts look ahead, also a part
    # whose heading says nothing of time (二、巩固脱贫成果)
    ("1500人", "target"), ("300个左右", "target"),
    # ... but not its review
    ("18.6万吨", "outcome"),
])
def test_a_work_plan_of_the_year_looks_ahead(text, role):
    c = next(c for c in _claims(WORK_PLAN.replace("某县", "务川县")) if c.text == text)
    assert c.role == role


@pytest.mark.parametrize("text,period", [
    # a deadline opening a paragraph of a plan governs its sentence, not the paragraphs after
    # it (were all 2025: the paragraph's time, carried on)
    # (1-10月 opening a paragraph of a work plan, no statistical release: its sentence's alone)
    ("20万亩", "2025"), ("5000亩", "2024"), ("1-10月", "2024-01/2024-10"), ("5亿元", "2024-01/2024-10"),
    ("300人", "2024"),
])
def test_a_deadline_is_no_paragraphs_time(text, period):
    doc = ("务川县2024年农业农村工作要点\n到2025年，全县建成高标准农田20万亩。新增节水灌溉面积5000亩。\n\n"
           "1-10月，全县完成投资5亿元。新增就业300人。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.period == period


def test_a_summary_with_the_next_years_work_does_not_look_ahead_in_every_part():
    """A title naming the year's summary and the next year's work (2022年工作总结和2023年
    工作安排): a part whose heading says nothing of time (存在的问题) states what is; a part
    of the next year's work looks ahead (the first was a target before)."""
    doc = ("某县交通运输局2022年工作总结和2023年工作安排\n2022-12-26\n一、存在的问题\n"
           "全县农村公路养护资金缺口超过3000万元。\n二、2023年工作安排\n新改建农村公路120公里以上。\n")
    got = {c.text: c.role for c in _claims(doc.replace("某县", "务川县"))}
    assert (got["超过3000万元"], got["120公里以上"]) == ("outcome", "target")


@pytest.mark.parametrize("text,value,period", [
    # relative words in the part of the next year's work count from that year (今年 there is
    # 2023, was 2022: the title's first year), the date's value as its period
    ("今年", "2023", "2023"), ("1.2亿元", 120000000, "2023"), ("年底前", "2023", "2023"),
    ("去年", "2022", "2022"),
    # ... not in the review of the document's year
    ("3000万元", 30000000, "2022"),
])
def test_relative_words_of_the_next_years_part_count_from_its_year(text, value, period):
    doc = ("务川县农业农村局2022年工作总结和2023年工作计划\n一、2022年工作回顾\n今年全县投入资金3000万元。\n"
           "二、2023年工作计划\n今年县财政安排衔接资金1.2亿元。\n年底前完成全部项目验收，去年项目全部完工。\n")
    c = [c for c in _claims(doc) if c.text == text][-1]  # (今年: the plan's)
    assert (str(c.value), c.period) == (str(value), period)


def test_a_part_of_problems_and_next_steps_states_what_is():
    """A heading naming the problems as well as the next steps (五、存在问题和下一步工作): a
    figure of a problem is what is (was a target, as in a part of next steps alone); one
    with a goal word of its own is still a target."""
    doc = ("务川县2022年巩固拓展脱贫攻坚成果工作报告\n五、存在问题和下一步工作\n"
           "当前，约15%的脱贫户家庭经营性收入占比不足两成。\n下一步，力争脱贫人口人均纯收入增长9%以上。\n")
    got = {c.text: c.role for c in _claims(doc)}
    assert (got["约15%"], got["不足两成"], got["9%以上"]) == ("outcome", "outcome", "target")


SUMMARY_UNDATED = "某县扶贫工作总结\n一、主要成效\n全年实施帮扶项目120个，到位资金3.2亿元。\n"


@pytest.mark.parametrize("header,doc_id", [
    ("", "2019年某县扶贫工作总结"),  # the year in the file's name, as in a title
    ("# year=2019\n", "report"),      # the year of a header line
])
def test_a_summary_dated_by_its_file_or_header_reviews_that_year(header, doc_id):
    """A summary whose year its file's name or a header gives (not its title) reports on that
    year, as one whose title names it does: its review part is that year's, not the year
    before's."""
    got = {c.text: c.period for c in _claims(header + SUMMARY_UNDATED, doc_id=doc_id)}
    assert got["120个"] == got["3.2亿元"] == "2019"


def test_every_opening_of_a_target_list_holds_the_mark_its_gate_looks_for():
    """``opens_target_list`` skips a text without ``TARGET_MARK``: every opening holds it."""
    from textmine.attribute.roles import TARGET_LISTS, TARGET_MARK, opens_target_list
    assert all(TARGET_MARK in w for w in TARGET_LISTS)
    assert all(opens_target_list(f"今年的{w}：增长5%。") for w in TARGET_LISTS)
    assert not opens_target_list("今年的任务是：增长5%。")


def test_a_revised_figure_keeps_the_key_of_its_statistic():
    """经统一核算修订为X: the revision of the statistic, in its series (its words are no key)."""
    c = next(c for c in _claims("2027年政府工作报告\n2025年全市地区生产总值经统一核算修订为3.35万亿元。\n")
             if c.text == "3.35万亿元")
    assert (c.period, c.indicator_key) == ("2025", "国内生产总值")


@pytest.mark.parametrize("text,expected", [
    ("全年进出口总额", True),
    ("完成全年目标任务的", False),   # the year of a goal the figure is a share of
    ("占全年计划的", False),
    ("全年预期目标", False),
    ("完成全年任务的一半，全年产值", True),  # the second 全年 covers the figure
    ("上半年产值", False),
])
def test_the_whole_year_is_not_a_goals_year(text, expected):
    from textmine.attribute.periods import whole_year_in
    assert whole_year_in(text, 0, len(text)) is expected


def test_a_share_of_the_years_goal_is_of_the_months_done():
    text = "2026年上半年经济运行情况的报告\n上半年固定资产投资增长3.6%，完成全年目标任务的48.5%。\n"
    c = next(c for c in _claims(text) if c.text == "48.5%")
    assert c.period == "2026-01/2026-06"


def test_a_sentence_opening_with_a_forecast_forecasts_the_year_just_over():
    """预计全年… in the review of a January report: the year is over, its figures not final."""
    text = "2026年某市政府工作报告\n一、2025年工作回顾\n预计全年地区生产总值增长5.5%左右，一般公共预算收入完成120亿元。\n全年粮食产量98万吨。\n"
    got = {c.text: (c.period, c.role) for c in _claims(text)}
    assert got["120亿元"] == ("2025", "forecast")
    assert got["98万吨"] == ("2025", "outcome")


PART_DATES = """遵义市政府工作报告
一、2023年工作回顾
上半年，全市地区生产总值增长6.1%，增速居全省第一位。12月26日，仁遵高速公路扩容工程建成通车。去年全市粮食产量稳定在280万吨以上。
年末全市常住人口660万人。
二、2024年工作安排
3月底前，全面完成省级审批事项清单修订，确保各项改革任务落地见效。
"""


@pytest.mark.parametrize("text,value", [
    # a date without its year takes its part's, as its period does (were the report's: 2024)
    ("上半年", "2023-01/2023-06"), ("12月26日", "2023-12-26"), ("3月底前", "2024-03"),
    ("去年", "2023"),  # ... not a relative word, counted from the report's year
    ("年末", "2023"),  # ... but a year's end alone is its part's (was 2024)
])
def test_a_date_without_its_year_is_of_its_part(text, value):
    c = next(c for c in _claims(PART_DATES, doc_id="zunyi-2024") if c.text == text)
    assert (c.value, c.period) == (value, value)


BARE_YEARS_REVIEW = """2013年江西省政府工作报告
一、过去五年工作回顾
五年新增高速公路2100公里。近两年，全面推进节能减排。依法关停小煤矿320处。
加强耕地保护，五年整理复垦补充耕地12.6万公顷。五年内完成的项目不在此列，三年行动计划投入45亿元。
"""


@pytest.mark.parametrize("text,period", [
    ("2100公里", "2008/2012"),   # 五年 opening its clause in a review of five years
    ("320处", "2011/2012"),      # the paragraph opened with 近两年: its two years
    ("12.6万公顷", "2008/2012"),  # 五年 after the paragraph's 近两年: still the review's five
    ("45亿元", "2011/2012"),      # 三年行动计划: the name of a plan, no span of years
])
def test_n_years_opening_a_clause_in_a_review_of_n_years_are_that_review(text, period):
    doc = BARE_YEARS_REVIEW.replace("\n加强", "加强")  # (one paragraph: 近两年 opens it)
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.period == period


def test_years_opening_a_span_are_its_ends_not_the_time_of_the_sentences_after_it():
    doc = ("2026年云南省政府工作报告\n一、2025年及“十四五”期间工作回顾\n回望过去五年，云南发展基础持续夯实。\n"
           "制造业加快升级。2020年至2025年，制造业增加值占地区生产总值比重由21.4%上升到26.8%。"
           "文旅产业稳步发展。新增A级旅游景区42家。\n")
    got = {c.text: c.period for c in _claims(doc)}
    assert (got["21.4%"], got["26.8%"], got["42家"]) == ("2020", "2025", "2021/2025")
    # (a range that states no span still sets the time of the paragraph's later sentences)
    plain = doc.replace("由21.4%上升到26.8%", "达到26.8%")
    assert {c.text: c.period for c in _claims(plain)}["42家"] == "2020/2025"


PLAN_EXECUTION = """开封市2024年国民经济和社会发展计划执行情况的报告
一般公共预算收入预期目标增长5%，实际完成312.4亿元，同口径增长3.6%。城镇调查失业率预期控制在5.5%以内，实际为5.2%。
进出口总值预期目标增长5%左右，实际完成300亿元，未完成预期目标；其中出口186.5亿元，增长2.2%。
实际使用外资预期目标与上年持平，实际完成23.5亿美元，下降37.6%。居民人均可支配收入预期增长6%，实际增长5.3%。人均预期寿命达到79岁。
"""


@pytest.mark.parametrize("text,role,key", [
    ("5%", "target", "一般公共预算收入"),
    ("312.4亿元", "outcome", "一般公共预算收入"),  # 实际完成 after the goal: what happened, its statistic
    ("3.6%", "outcome", "一般公共预算收入"),
    ("控制在5.5%以内", "target", "城镇调查失业率"),  # 预期 without 目标 right before the figure
    ("5.2%", "outcome", "城镇调查失业率"),
    ("300亿元", "outcome", "进出口总额"),
    ("186.5亿元", "outcome", "出口"),  # a part of what was done, not of the goal
    ("23.5亿美元", "outcome", "实际使用外资"),  # a goal of no figure: the words before 预期
    ("6%", "target", "居民人均可支配收入"),  # 预期增长
    ("5.3%", "outcome", "居民人均可支配收入"),
    ("79岁", "outcome", "人均预期寿命"),  # 预期 inside a statistic's name sets no goal
])
def test_a_goal_and_the_outcome_reported_after_it_share_the_key(text, role, key):
    c = next(c for c in _claims(PLAN_EXECUTION) if c.text == text)
    assert (c.role, c.indicator_key) == (role, key)


@pytest.mark.parametrize("doc,period", [
    # months opening a later sentence of a paragraph are that sentence's alone
    ("关于某市2023年财政工作情况的报告\n2023年，全市税收收入1200亿元。上半年全市税收收入增长9.1%。全市非税收入300亿元。\n",
     "2023"),
    # ... months opening the paragraph of a statistical release are its time (二季度，A。B。)
    ("某市2023年上半年经济运行情况\n二季度，全市税收收入增长9.1%。全市非税收入300亿元。\n", "2023-04/2023-06"),
    # ... not of a report's (1-10月，A。B。: B is the report's year)
    ("关于某市2023年财政工作情况的报告\n1-10月，全市税收收入增长9.1%。全市非税收入300亿元。\n", "2023"),
])
def test_months_opening_a_sentence_carry_only_from_the_paragraphs_opening(doc, period):
    c = next(c for c in _claims(doc.replace("某市", "开封市")) if c.text == "300亿元")
    assert c.period == period


HRSS_BULLETIN = """广东省2023年度人力资源和社会保障事业发展统计公报
失业保险金标准按当地最低工资标准的80%确定。
年末全市企业社会保险登记率保持在96%以上。9月1日起，全市将试点范围扩大到12家企业，年末参保人数达到40万人。
全市城镇登记失业率为2.4%，低于4%以内的年度调控目标。
"""


@pytest.mark.parametrize("text,role", [
    ("80%", "plan"),                      # a standard set 按…的80%
    ("96%以上", "outcome"),                # 保持在X以上 in a bulletin: what held
    ("12家", "outcome"), ("40万人", "outcome"),  # 将X扩大到Y: what was done to X, no goal
    ("2.4%", "outcome"), ("低于4%以内", "target"),  # the value of 的年度调控目标
])
def test_roles_of_a_bulletin_of_standards_and_goals(text, role):
    c = next(c for c in _claims(HRSS_BULLETIN) if c.text == text)
    assert c.role == role


def test_dang_nian_is_the_year_of_its_part_not_the_speakers():
    doc = ("关于杭州市2023年预算执行情况和2024年预算草案的报告\n——2024年1月在杭州市人民代表大会会议上\n"
           "一、2023年预算执行情况\n全市社会保险基金收入900.1亿元；当年收支结余81.2亿元，年末滚存结余903.4亿元。"
           "全市失业保险基金收入21.6亿元。\n")
    got = {c.text: c.period for c in _claims(doc)}
    assert (got["81.2亿元"], got["903.4亿元"], got["21.6亿元"]) == ("2023", "2023", "2023")


@pytest.mark.parametrize("text,key", [
    ("10.2亿元", "工伤保险基金支出"),    # an account's item after its revenue: that account's
    ("20.4亿元", "工伤保险基金结余"),
    ("850.2亿元", "社会保险基金支出"),    # also across ；
    ("903.4亿元", "社会保险基金滚存结余"),
    ("300亿元", "教育支出"),            # an item of its own name stays itself
])
def test_an_accounts_items_named_alone_are_that_accounts(text, key):
    doc = ("广东省2023年度人力资源和社会保障事业发展统计公报\n全年工伤保险基金收入12.5亿元，基金支出10.2亿元，"
           "年末累计结余20.4亿元。\n全市社会保险基金收入900.1亿元，完成预算的101.2%；支出850.2亿元；年末滚存结余"
           "903.4亿元。\n一般公共预算支出2500亿元，其中教育支出300亿元。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.indicator_key == key


def test_a_deadline_reached_in_a_review_is_no_time_of_the_sentences_after_it():
    doc = ("2021年梓潼县政府工作报告\n一、“十三五”时期工作回顾\n五年来，全县经济持续向好。到2020年，全县地区生产总值"
           "达到200亿元。规模以上工业增加值年均增长8.5%，城镇化率提高5.2个百分点。\n")
    got = {c.text: c.period for c in _claims(doc)}
    assert (got["200亿元"], got["8.5%"], got["5.2个百分点"]) == ("2020", "2016/2020", "2016/2020")


@pytest.mark.parametrize("text,key", [
    ("5.4%", "居民人均可支配收入"),
    ("5.1%", "居民人均可支配收入实际增长"),  # a real change beside a nominal one: its own series
    ("8%", "社会消费品零售总额"),
    ("6%", "社会消费品零售总额实际增长"),    # prices taken out
    ("4.9%", "国内生产总值"),               # 实际增长 after a goal: what actually happened
])
def test_a_real_change_beside_a_nominal_one_is_a_series_of_its_own(text, key):
    doc = ("2024年上半年湖北省经济运行简况\n上半年，全省居民人均可支配收入19850元，名义增长5.4%，实际增长5.1%。"
           "社会消费品零售总额增长8%，扣除价格因素实际增长6%。地区生产总值预期目标增长6.5%，实际增长4.9%。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.indicator_key == key


@pytest.mark.parametrize("text,key", [
    ("1.2%", "衣着类价格"), ("0.3%", "居住类价格"),  # a category's price after another's, either way
    ("96家", "高新技术企业"),  # 净增 after the level: the level's statistic
    ("1.5%", "国内生产总值"), ("3.2%", "国内生产总值"),  # 由负转正 is no statistic
])
def test_changes_that_name_no_statistic_of_their_own(text, key):
    doc = ("2024年上半年湖北省经济运行简况\n分类别看，食品烟酒类价格下降0.9%，衣着类上涨1.2%，居住类下降0.3%。"
           "高新技术企业达到542家，比上年净增96家。全省地区生产总值由负转正增长1.5%，前三季度增长3.2%。\n")
    c = next(c for c in _claims(doc) if c.text == text)
    assert c.indicator_key == key


@pytest.mark.parametrize("sentence,text,key", [
    ("城镇登记失业率始终控制在4%以内。", "控制在4%以内", "城镇登记失业率"),  # (始终, 一直, 仍: no part of a key)
    ("政府负债率一直控制在60%以内。", "控制在60%以内", "政府负债率"),
    ("传统产业占规模以上工业比重仍达到60%。", "60%", "传统产业占规模以上工业比重"),
])
def test_adverbs_of_time_are_cut_from_keys(sentence, text, key):
    c = next(c for c in _claims(sentence, year=2024) if c.text == text)
    assert c.indicator_key == key
