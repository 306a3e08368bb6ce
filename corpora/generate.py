"""Build the measure corpus: ``corpora/measures/train.jsonl`` and ``heldout.jsonl``.

Two sources, both written by the textmine project (no text from evaluation documents):

* ``corpora/src/written_*.txt``: hand-written sentences, one a line,
  ``indicator | section | sentence`` with the claim's number mention marked ``⟦…⟧``
  (``-`` = no section). ``source`` = ``written``.
* ``TEMPLATES`` below: hand-written templates whose slots (regions, pairings, years,
  products, numbers in many styles) are filled with a seeded RNG. ``source`` =
  ``generated:generate.py#<template id>``.

Held-out split (deterministic, no leakage): a whole template goes to held-out or to
train (about 20% of the templates of each label, picked by a hash of the template id);
written sentences are split one by one by a hash of their text.

Run from the repository root:  python corpora/generate.py
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "measures"
SRC = HERE / "src"
SEED = 20240501
PER_TEMPLATE = 13          # fills per template
PER_TEMPLATE_COMPOUND = 5  # long sentences per template: its clause among 1-3 other clauses
HELDOUT_SHARE = 0.2
BLANK_INDICATOR = 0.15     # share of generated rows without an indicator (extractor misses)
LABELS = ("industry", "employment", "consumption", "social_mobilisation", "other")
WRITTEN_FILES = {"industry": "written_industry.txt", "employment": "written_employment.txt",
                 "consumption": "written_consumption.txt",
                 "social_mobilisation": "written_social.txt", "other": "written_other.txt"}
MARK = re.compile(r"⟦(.+?)⟧")

# ---------------------------------------------------------------- slot values

WEST = ["河北", "山西", "内蒙古", "吉林", "黑龙江", "安徽", "江西", "河南", "湖北", "湖南", "广西",
        "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"]
PAIRS = [("北京", "内蒙古"), ("北京", "河北"), ("天津", "甘肃"), ("上海", "云南"), ("江苏", "陕西"),
         ("浙江", "四川"), ("福建", "宁夏"), ("山东", "重庆"), ("广东", "广西"), ("广东", "贵州"),
         ("大连", "六盘水"), ("杭州", "恩施"), ("宁波", "黔西南"), ("苏州", "铜仁"), ("深圳", "百色"),
         ("青岛", "安顺"), ("厦门", "临夏"), ("珠海", "怒江"), ("天津", "承德"), ("北京", "张家口")]
COUNTIES = ["环县", "会宁县", "威宁县", "镇雄县", "赤城县", "阜平县", "岚县", "兰考县", "平江县",
            "都安县", "石柱县", "昭觉县", "尼勒克县", "同心县", "隆德县", "岢岚县", "丹凤县",
            "寿宁县", "大化县", "晴隆县", "屏边县", "察右后旗", "科右前旗", "化德县", "丰宁县",
            "东乡县", "布拖县", "望谟县", "紫云县", "石阡县"]
CITIES = ["赤峰", "乌兰察布", "张家口", "承德", "保定", "毕节", "遵义", "昭通", "文山", "甘孜",
          "凉山", "固原", "吴忠", "天水", "定西", "商洛", "安康", "黔东南", "黔南", "河池"]
PRODUCTS = ["小米", "牛羊肉", "马铃薯", "茶叶", "核桃", "苹果", "食用菌", "中药材", "蜂蜜", "红枣",
            "枸杞", "藜麦", "高原夏菜", "柑橘", "猕猴桃", "辣椒", "百香果", "咖啡", "杂粮", "牦牛肉"]
INDUSTRIES = ["肉牛", "肉羊", "蔬菜", "茶叶", "食用菌", "中药材", "马铃薯", "小杂粮", "生猪",
              "特色林果", "乡村旅游", "服装加工", "电子元件", "竹木加工"]
ORGS = ["工会", "机关食堂", "国有企业", "高校", "医院", "商超", "社区"]
YEARS = list(range(2016, 2024))
WHEN = ["{y}年", "今年", "去年", "{y}年以来", "上半年", "{y}年1—10月", "截至{y}年底", "全年",
        "“十三五”期间", "今年前三季度", "{y}年上半年", "近年来"]
REGION = ["{west}", "{county}", "{city}市", "受援地", "协作地区", "结对地区", "全省", "全市", "我省",
          "我市", "{west}等地", "对口地区", "{east}对口帮扶的{city}"]

SECTIONS = {
    "industry": ["产业扶贫", "产业协作", "产业合作", "推进产业发展", "二、深化产业合作", "（一）产业帮扶",
                 "产业振兴", "扶贫车间建设", "园区共建", "发展特色产业", "招商引资",
                 "聚焦产业发展 增强造血功能", "深化产业合作 激发内生动力", "产业带动 夯实增收基础"],
    "employment": ["就业扶贫", "劳务协作", "稳就业", "就业帮扶", "（二）劳务协作", "职业技能培训",
                   "稳岗就业", "三、促进转移就业", "就业优先", "劳务输出",
                   "稳岗就业 拓宽增收渠道", "劳务协作 精准对接", "技能提升 就业增收"],
    "consumption": ["消费扶贫", "消费帮扶", "产销对接", "政府采购", "（三）消费扶贫", "扶贫产品销售",
                    "四、拓展消费扶贫", "农产品进城", "电商扶贫",
                    "产销对接 拓宽销售渠道", "以购代捐 人人可为", "搭建平台 畅通流通"],
    "social_mobilisation": ["社会动员", "社会帮扶", "携手奔小康", "万企帮万村", "动员社会力量",
                            "（四）社会力量参与", "五、广泛动员社会力量", "社会组织参与", "宣传动员",
                            "凝聚社会合力 汇聚帮扶力量", "结对共建 携手同行", "营造氛围 广泛参与"],
    "other": ["组织领导", "资金支持", "干部人才", "教育扶贫", "健康扶贫", "脱贫成效", "考核评估",
              "经济运行", "兜底保障", "基础设施", "易地扶贫搬迁", "督查问责", "巩固拓展脱贫攻坚成果",
              "压实责任 强化保障", "从严考核 加强监督", "选派干部 智力支持", "完善机制 规范管理",
              "过去一年的工作", "经济运行", "扩大内需", "结构调整", "民生保障", "今年的主要任务"],
}
GENERIC_SECTIONS = ["一、2020年工作回顾", "主要成效", "工作进展", "二、重点工作完成情况", "总体情况",
                    "东西部扶贫协作", "对口支援", "脱贫攻坚", "乡村振兴", "过去一年的工作",
                    "一、主要工作及成效", "对口帮扶工作", "攻坚克难 再创佳绩",
                    "真抓实干 成效明显", "聚焦重点 精准发力", "勇于担当 扎实推进"]

# ---------------------------------------------------------------- numbers in many styles

DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1..99999 as Chinese numerals (一万二千三百, 三十五, 两千)."""
    if n == 0:
        return "零"
    parts, units = [], [(10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero = False
    for base, u in units:
        d, n = divmod(n, base)
        if base == 10000 and d:
            parts.append(chinese(d) + "万")
            continue
        if d:
            if zero:
                parts.append("零")
                zero = False
            parts.append(("两" if d == 2 and base >= 1000 else DIGITS[d]) + u)
        elif parts:
            zero = True
    s = "".join(parts)
    return s[1:] if s.startswith("一十") else s


def _sig(rng: random.Random) -> float:
    return rng.choice([1, 1.2, 1.5, 2, 2.3, 2.8, 3, 3.6, 4, 4.5, 5, 5.7, 6, 6.8, 7, 7.5, 8, 8.6, 9, 9.2])


def number(rng: random.Random, unit: str, scale: str) -> str:
    """A number mention with ``unit`` (元, 人, 个, %, 吨, ...) in a random style.

    ``scale``: ``money`` (万/亿 amounts), ``big`` (thousands to hundreds of thousands),
    ``small`` (tens to hundreds), ``pct``.
    """
    style = rng.random()
    if scale == "date":
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        return rng.choice([f"{m}月{d}日", f"{m}月{d}日", f"{m}月底", f"{m}月中旬",
                           f"{rng.choice(YEARS)}年{m}月", f"{m}月上旬"])
    if scale == "pct":
        v = rng.choice([rng.randint(5, 99), round(rng.uniform(5, 99.9), 1), round(rng.uniform(50, 100), 2)])
        if style < 0.12:
            return f"百分之{chinese(int(v))}"
        if style < 0.2:
            return f"{chinese(rng.randint(3, 9))}成"
        q = rng.choice(["", "", "", "超过", "近", "约"])
        return f"{q}{v}%"
    if scale == "money":
        if style < 0.35:
            s = f"{_sig(rng) * rng.choice([1, 10]):g}亿"
        elif style < 0.7:
            s = f"{rng.randint(120, 9800)}万"
        elif style < 0.8:
            s = f"{chinese(rng.randint(2, 99))}亿"
        elif style < 0.9:
            s = f"{rng.randint(2, 90)}亿多"
        else:
            s = f"{rng.randint(3, 90) * 100}余万"
        q = rng.choice(["", "", "", "超过", "近", "约", "累计"]) if "多" not in s and "余" not in s else ""
        return f"{q}{s}{unit}"
    if scale == "big":
        v = rng.choice([rng.randint(1000, 99999), rng.randint(10, 999) * 100])
        if style < 0.25:
            s = f"{round(v / 10000, 1):g}万" if v >= 10000 else f"{v}"
        elif style < 0.35:
            s = f"{v:,}"
        elif style < 0.5:
            s = chinese(round(v, -3) if v >= 1000 else v)
        elif style < 0.62:
            s = f"{v // 1000 * 1000 or 1000}余"
        elif style < 0.7:
            s = rng.choice(["近万", "上万", "两万多", "三万余", "近十万", "十余万"])
        else:
            s = str(v)
        q = rng.choice(["", "", "", "超过", "约", "近"]) if s[-1] not in "余多万" else ""
        return f"{q}{s}{unit}"
    # small
    v = rng.randint(3, 980)
    if style < 0.25:
        s = chinese(v)
    elif style < 0.4:
        s = f"{v // 10 * 10 or 10}余"
    elif style < 0.48:
        s = f"{v // 10 * 10 or 10}多"
    else:
        s = str(v)
    q = rng.choice(["", "", "", "", "超过", "近", "约"]) if s[-1] not in "余多" else ""
    return f"{q}{s}{unit}"


# A template: (id, label, indicator, text). Slots: {west} {east} {county} {city} {when}
# {region} {product} {industry} {org} {y}; the claim's mention is [[unit/scale]]; other
# numbers {n:unit/scale}. Scales: money, big, small, pct.
T = [
    # ------------------------------------------------------------ industry
    ("ind01", "industry", "引进企业", "{when}，共引导[[家/small]]{east}企业到{region}投资兴业。"),
    ("ind02", "industry", "实际投资", "{east}企业在{region}新增实际投资[[元/money]]，主要投向{industry}等产业。"),
    ("ind03", "industry", "扶贫车间", "{when}在{county}等地新建扶贫车间[[个/small]]，厂房设备全部投入使用。"),
    ("ind04", "industry", "产业发展资金", "安排产业发展资金[[元/money]]，支持{region}{industry}产业链建设。"),
    ("ind05", "industry", "生产基地", "在{region}建设{product}生产基地[[个/small]]，与龙头企业签订保底收购协议。"),
    ("ind06", "industry", "种植面积", "{county}{product}种植面积达到[[亩/big]]，标准化生产水平明显提高。"),
    ("ind07", "industry", "产业园区", "{east}与{west}合作共建产业园区[[个/small]]，入驻企业{n:家/small}。"),
    ("ind08", "industry", "龙头企业", "培育壮大{industry}产业龙头企业[[家/small]]，带动合作社和农户共同发展。"),
    ("ind09", "industry", "产业项目", "{when}，{region}实施产业扶贫项目[[个/big]]，覆盖种养加工和乡村旅游。"),
    ("ind10", "industry", "产值", "{city}市{industry}产业综合产值达到[[元/money]]，成为脱贫增收的主导产业。"),
    ("ind11", "industry", "投产", "协作地区扶贫车间投产率达到[[/pct]]，部分车间实现扩产。"),
    ("ind12", "industry", "建成扶贫车间", "{region}新建扶贫车间[[个/small]]，吸纳贫困人口就业{n:人/big}。"),
    ("ind13", "industry", "签约项目", "举办{industry}产业招商推介会，现场签约项目[[个/small]]。"),
    ("ind14", "industry", "签约金额", "推介会上签约产业合作项目金额[[元/money]]，一批企业落户{county}。"),
    ("ind15", "industry", "冷链设施", "支持{region}建设产地冷链仓储设施[[座/small]]，{product}损耗率明显下降。"),
    ("ind16", "industry", "加工能力", "新增{product}加工能力[[吨/big]]，产业链条进一步延伸。"),
    ("ind17", "industry", "产业资金占比", "{east}援助资金中用于产业发展的比例达到[[/pct]]。"),
    ("ind18", "industry", "合作社", "{county}新发展农民专业合作社[[个/small]]，带动贫困户发展{industry}。"),
    ("ind19", "industry", "养殖规模", "{industry}规模化养殖基地存栏达到[[头/big]]，配套饲草基地同步建设。"),
    ("ind20", "industry", "产业贷款", "为带贫企业发放产业扶贫贷款[[元/money]]，支持扩大生产规模。"),
    ("ind21", "industry", "转移订单", "{east}企业向{region}扶贫车间转移加工订单[[件/big]]。"),
    ("ind22", "industry", "供应基地", "认定{product}外埠供应基地[[家/small]]，稳定供应{east}市场。"),
    ("ind23", "industry", "落地企业", "{when}，{east}在{west}新落地企业[[家/small]]，其中制造业企业占比过半。"),
    ("ind24", "industry", "产业奖补", "对发展{industry}的贫困户兑现产业奖补资金[[元/money]]。"),
    ("ind25", "industry", "光伏电站", "{region}建成村级光伏扶贫电站[[座/small]]，收益用于村集体经济。"),
    ("ind26", "industry", "产业基地", "围绕{product}建设标准化示范基地[[个/small]]，辐射带动周边农户。"),
    ("ind27", "industry", "园区投资", "共建园区累计完成投资[[元/money]]，入园企业实现满产。"),
    ("ind28", "industry", "到位产业资金", "用于产业发展的协作资金到位[[元/money]]，占资金总量的{n:/pct}。"),
    # ------------------------------------------------------------ employment
    ("emp01", "employment", "转移就业", "{when}，帮助{region}贫困劳动力转移就业[[人/big]]。"),
    ("emp02", "employment", "吸纳就业", "{region}扶贫车间吸纳贫困人口就业[[人/big]]，实现在家门口增收。"),
    ("emp03", "employment", "吸纳就业", "新建扶贫车间{n:个/small}，吸纳贫困人口就业[[人/big]]。"),
    ("emp04", "employment", "技能培训", "开展贫困劳动力职业技能培训[[人次/big]]，培训后就业率明显提高。"),
    ("emp05", "employment", "公益岗位", "{county}开发乡村公益性岗位[[个/big]]，托底安置弱劳动力。"),
    ("emp06", "employment", "招聘会", "{east}与{west}联合举办劳务协作招聘会[[场/small]]，提供岗位{n:个/big}。"),
    ("emp07", "employment", "就业岗位", "专场招聘会为{region}劳动力提供就业岗位[[个/big]]。"),
    ("emp08", "employment", "返岗复工", "疫情期间通过包车专列组织{region}务工人员返岗复工[[人/big]]。"),
    ("emp09", "employment", "劳务输出", "{city}市向{east}有组织输出劳动力[[人/big]]，点对点送达用工企业。"),
    ("emp10", "employment", "稳岗补贴", "向吸纳贫困劳动力的企业发放稳岗补贴[[元/money]]。"),
    ("emp11", "employment", "外出务工", "{when}，{region}贫困劳动力外出务工[[人/big]]，务工收入稳定增长。"),
    ("emp12", "employment", "就业率", "参加订单式培训的学员就业率达到[[/pct]]。"),
    ("emp13", "employment", "劳务工作站", "{east}在当地设立劳务协作工作站[[个/small]]，为{west}籍务工人员提供服务。"),
    ("emp14", "employment", "生态护林员", "选聘建档立卡贫困人口担任生态护林员[[名/big]]。"),
    ("emp15", "employment", "跨省就业", "吸纳{west}贫困劳动力跨省就业[[人/big]]，超额完成协议任务。"),
    ("emp16", "employment", "以工代赈", "以工代赈项目吸纳当地群众务工[[人/big]]，发放劳务报酬{n:元/money}。"),
    ("emp17", "employment", "创业带动", "扶持返乡人员创业[[人/big]]，带动就业{n:人/big}。"),
    ("emp18", "employment", "就业服务", "为未就业的脱贫劳动力提供一对一就业服务[[人次/big]]。"),
    ("emp19", "employment", "职业院校招生", "{east}职业院校面向{west}招收贫困家庭学生[[名/big]]，毕业后推荐就业。"),
    ("emp20", "employment", "稳岗率", "对输出人员开展跟踪服务，稳岗率达到[[/pct]]。"),
    ("emp21", "employment", "务工收入", "{region}务工人员人均月收入达到[[元/big]]。"),
    ("emp22", "employment", "就业补贴", "发放一次性求职创业补贴和交通补贴[[元/money]]。"),
    ("emp23", "employment", "搬迁群众就业", "{county}安置点配套就业帮扶车间，吸纳搬迁群众就业[[人/big]]。"),
    ("emp24", "employment", "培训补贴", "发放职业培训补贴[[元/money]]，培训贫困劳动力{n:人次/big}。"),
    ("emp25", "employment", "直播带岗", "开展线上直播带岗[[场/small]]，帮助求职者与企业精准对接。"),
    ("emp26", "employment", "就业帮扶基地", "认定就业帮扶基地[[家/small]]，优先招用{region}脱贫人口。"),
    ("emp27", "employment", "季节性务工", "组织采棉、采茶等季节性务工[[人/big]]，人均增收{n:元/big}。"),
    ("emp28", "employment", "新增就业", "{when}，城镇新增就业[[人/big]]，就业形势总体稳定。"),
    # ------------------------------------------------------------ consumption
    ("con01", "consumption", "销售扶贫产品", "{when}，采购和帮助销售{region}农副产品[[元/money]]。"),
    ("con02", "consumption", "预留份额", "预算单位按照不低于[[/pct]]的比例预留食堂食材采购份额，定向采购贫困地区农副产品。"),
    ("con03", "consumption", "采购金额", "各级预算单位通过网络销售平台采购{west}农副产品[[元/money]]。"),
    ("con04", "consumption", "专柜", "在机关、医院和商超设置扶贫产品专柜[[个/big]]。"),
    ("con05", "consumption", "直播带货", "组织县长直播带货[[场/small]]，推介{county}{product}。"),
    ("con06", "consumption", "直播销售额", "{county}{product}直播专场销售额达到[[元/money]]。"),
    ("con07", "consumption", "扶贫产品", "认定扶贫产品[[种/big]]，涵盖{product}、{product}等特色农产品。"),
    ("con08", "consumption", "工会采购", "{east}各级{org}采购{west}{product}[[元/money]]。"),
    ("con09", "consumption", "进京销售量", "{west}{product}通过产销对接进入{east}市场[[吨/big]]。"),
    ("con10", "consumption", "专馆", "在{east}主要商圈开设{west}特色产品展销馆[[家/small]]。"),
    ("con11", "consumption", "智能柜", "在社区和写字楼投放消费扶贫智能柜[[台/big]]。"),
    ("con12", "consumption", "产销对接会", "举办{product}产销对接会[[场/small]]，签订采购协议{n:元/money}。"),
    ("con13", "consumption", "签约采购", "产销对接活动现场签约采购{west}农产品[[元/money]]。"),
    ("con14", "consumption", "旅游人次", "组织{east}游客赴{region}旅游[[人次/big]]，带动当地旅游消费。"),
    ("con15", "consumption", "消费券", "面向市民发放扶贫产品专项消费券[[元/money]]。"),
    ("con16", "consumption", "食堂采购占比", "{org}采购贫困地区农产品占食材采购总额的[[/pct]]。"),
    ("con17", "consumption", "滞销农产品", "疫情期间帮助{county}解决滞销{product}[[吨/big]]。"),
    ("con18", "consumption", "电商销售", "扶贫产品在电商平台的销售额达到[[元/money]]，同比增长{n:/pct}。"),
    ("con19", "consumption", "采购份额完成率", "预留采购份额完成率达到[[/pct]]，超额完成年度任务。"),
    ("con20", "consumption", "认购", "机关干部职工认购{west}扶贫礼包[[份/big]]。"),
    ("con21", "consumption", "直供配送", "建立{product}直供配送体系，覆盖{east}机关食堂[[家/small]]。"),
    ("con22", "consumption", "以购代捐", "开展以购代捐活动，购买贫困村{product}[[元/money]]。"),
    ("con23", "consumption", "扶贫产品专区", "在高速服务区和商超设立扶贫产品销售专区[[个/small]]。"),
    ("con24", "consumption", "展销会", "在{east}举办{west}特色农产品展销会[[场/small]]，现场销售{n:元/money}。"),
    ("con25", "consumption", "消费扶贫金额", "{when}，全市消费扶贫金额同比增长[[/pct]]。"),
    ("con26", "consumption", "农超对接", "推动连锁超市在{county}建立{product}直采基地，年采购额[[元/money]]。"),
    ("con27", "consumption", "帮助销售", "帮助{region}销售{product}等农产品[[吨/big]]。"),
    ("con28", "consumption", "订单", "线上消费扶贫专区累计成交[[单/big]]，复购率保持较高水平。"),
    # ------------------------------------------------------------ social_mobilisation
    ("soc01", "social_mobilisation", "结对帮扶", "动员民营企业与{region}贫困村结对帮扶[[个/big]]。"),
    ("soc02", "social_mobilisation", "参与企业", "参与“万企帮万村”行动的民营企业达到[[家/big]]。"),
    ("soc03", "social_mobilisation", "捐款捐物", "社会各界向{region}捐款捐物折合[[元/money]]。"),
    ("soc04", "social_mobilisation", "捐赠资金", "在扶贫日系列活动中募集社会捐赠资金[[元/money]]。"),
    ("soc05", "social_mobilisation", "社会组织", "引导[[家/small]]社会组织参与{west}脱贫攻坚。"),
    ("soc06", "social_mobilisation", "公益项目", "社会组织在{county}实施教育、医疗等公益项目[[个/small]]。"),
    ("soc07", "social_mobilisation", "携手奔小康", "{east}区县与{west}贫困县开展携手奔小康行动，结对[[对/small]]。"),
    ("soc08", "social_mobilisation", "乡镇结对", "{east}与{west}乡镇之间建立结对关系[[对/small]]。"),
    ("soc09", "social_mobilisation", "村企结对", "{east}企业与{region}贫困村开展村企结对[[对/big]]。"),
    ("soc10", "social_mobilisation", "志愿者", "组织志愿者赴{county}开展公益服务[[人次/big]]。"),
    ("soc11", "social_mobilisation", "企业捐赠", "民营企业通过捐赠方式投入帮扶资金[[元/money]]。"),
    ("soc12", "social_mobilisation", "助学捐赠", "基金会向{county}捐赠助学金[[元/money]]，资助困难学生{n:名/big}。"),
    ("soc13", "social_mobilisation", "宣传报道", "主流媒体刊发社会扶贫宣传报道[[篇/big]]，营造全社会参与氛围。"),
    ("soc14", "social_mobilisation", "物资捐赠", "社会各界向{region}捐赠防疫物资和生活物资[[件/big]]。"),
    ("soc15", "social_mobilisation", "商会", "组织商会和行业协会[[家/small]]赴{west}开展帮扶对接。"),
    ("soc16", "social_mobilisation", "爱心人士", "社会扶贫网注册爱心人士[[名/big]]，对接困难群众需求。"),
    ("soc17", "social_mobilisation", "结对学校", "{east}学校与{west}学校结成帮扶对子[[对/small]]。"),
    ("soc18", "social_mobilisation", "社会帮扶资金", "动员社会力量投入帮扶资金[[元/money]]，形成多元参与格局。"),
    ("soc19", "social_mobilisation", "帮扶贫困户", "结对企业通过资助、慰问等方式帮扶贫困户[[户/big]]。"),
    ("soc20", "social_mobilisation", "个人捐款", "机关干部和企业职工自愿捐款[[元/money]]，全部用于困难群众帮扶。"),
    ("soc21", "social_mobilisation", "专项基金", "公益基金会设立{county}帮扶专项基金，首期募集[[元/money]]。"),
    ("soc22", "social_mobilisation", "国有企业结对", "{east}国有企业与{west}深度贫困村开展结对帮扶[[个/small]]。"),
    ("soc23", "social_mobilisation", "公益活动", "开展爱心包裹、微心愿认领等公益活动[[次/small]]。"),
    ("soc24", "social_mobilisation", "慈善救治", "慈善机构为{region}患病儿童免费救治[[例/big]]。"),
    ("soc25", "social_mobilisation", "新增企业", "{when}，参与结对帮扶的民营企业新增[[家/big]]。"),
    ("soc26", "social_mobilisation", "协议资金", "民营企业与贫困村签订帮扶协议资金[[元/money]]。"),
    ("soc27", "social_mobilisation", "社区结对", "{east}街道社区与{west}易地搬迁安置社区结对[[个/small]]。"),
    ("soc28", "social_mobilisation", "慰问", "春节前爱心企业走访慰问{county}困难群众[[户/big]]。"),
    # ------------------------------------------------------------ other
    ("oth01", "other", "财政帮扶资金", "{when}，{east}向{west}拨付财政帮扶资金[[元/money]]。"),
    ("oth02", "other", "资金到位率", "{east}援助资金到位率达到[[/pct]]，项目资金全部按期拨付。"),
    ("oth03", "other", "安排项目", "年度计划安排帮扶项目[[个/big]]，已开工项目{n:个/big}。"),
    ("oth04", "other", "开工率", "截至{y}年9月底，帮扶项目开工率达到[[/pct]]。"),
    ("oth05", "other", "挂职干部", "{east}选派党政干部[[名/small]]到{west}挂职。"),
    ("oth06", "other", "专业技术人才", "选派教师、医生等专业技术人才[[名/big]]赴{region}服务。"),
    ("oth07", "other", "贫困发生率", "{west}贫困发生率下降到[[/pct]]，区域性整体贫困基本解决。"),
    ("oth08", "other", "减贫人数", "{when}，{region}减少农村贫困人口[[人/big]]。"),
    ("oth09", "other", "摘帽县", "{west}[[个/small]]贫困县全部脱贫摘帽。"),
    ("oth10", "other", "人均可支配收入", "{region}农村居民人均可支配收入达到[[元/big]]，增速高于全国平均。"),
    ("oth11", "other", "地区生产总值", "{when}，全市地区生产总值增长[[/pct]]，经济运行总体平稳。"),
    ("oth12", "other", "社会消费品零售总额", "{when}，{region}社会消费品零售总额增长[[/pct]]。"),
    ("oth13", "other", "居民消费支出", "{region}居民人均消费支出达到[[元/big]]，消费结构持续升级。"),
    ("oth14", "other", "消费贡献率", "最终消费支出对经济增长的贡献率达到[[/pct]]，内需拉动作用增强。"),
    ("oth15", "other", "易地扶贫搬迁", "{region}完成易地扶贫搬迁[[人/big]]，安置住房全部建成。"),
    ("oth16", "other", "危房改造", "完成建档立卡贫困户危房改造[[户/big]]。"),
    ("oth17", "other", "农村公路", "{county}新建改建农村公路[[公里/big]]。"),
    ("oth18", "other", "援建学校", "{east}援建{west}中小学和幼儿园[[所/small]]。"),
    ("oth19", "other", "学生资助", "资助{region}贫困家庭学生[[人次/big]]，资助金额{n:元/money}。"),
    ("oth20", "other", "医疗队员", "{east}派出医疗队员[[名/small]]，帮助{county}医院建设重点专科。"),
    ("oth21", "other", "低保", "将[[人/big]]符合条件的困难群众纳入农村低保范围。"),
    ("oth22", "other", "督查", "开展脱贫攻坚专项督查[[轮/small]]，发现问题全部整改。"),
    ("oth23", "other", "会议", "召开领导小组会议和专题会议[[次/small]]，研究部署帮扶工作。"),
    ("oth24", "other", "互访调研", "{east}党政主要负责同志赴{west}调研对接[[次/small]]。"),
    ("oth25", "other", "小额信贷", "累计发放扶贫小额信贷[[元/money]]，支持贫困户发展生产。"),
    ("oth26", "other", "干部培训", "为{region}培训党政干部和专业技术人员[[人次/big]]。"),
    ("oth27", "other", "监测对象", "纳入防止返贫监测的对象共[[户/big]]，已消除风险的占多数。"),
    ("oth28", "other", "援助资金", "{east}投入{west}的援助资金增长[[/pct]]，主要用于基础设施和公共服务。"),
    ("oth29", "other", "驻村工作队", "{region}派驻驻村工作队[[支/big]]，实现贫困村全覆盖。"),
    ("oth30", "other", "饮水工程", "巩固提升农村饮水安全工程，{region}受益人口[[人/big]]。"),
]

# Topic templates: a generic claim (a date, a meeting, counties, funds, documents) in a
# sentence about one measure takes that measure (claims.md: "a meeting, event or date
# belongs to the measure it is about"). Generic words (帮扶, 结对, 企业, 会议, 资金, 宣传)
# occur under several labels on purpose.
T += [
    ("empt01", "employment", "召开会议", "[[/date]]，{east}召开劳务协作工作推进会，部署促进贫困劳动力稳岗就业。"),
    ("empt02", "employment", "受援县", "向[[个/small]]受援县推送用工岗位信息，帮助贫困劳动力外出务工。"),
    ("empt03", "employment", "安排资金", "{east}各区安排资金[[元/money]]，专项用于贫困劳动力技能培训和稳岗就业。"),
    ("empt04", "employment", "宣传手册", "印发就业政策宣传手册[[份/big]]，送到有外出务工意愿的贫困劳动力手中。"),
    ("empt05", "employment", "结对区县", "[[个/small]]结对区县建立劳务协作对接机制，定期交换用工需求和劳动力信息。"),
    ("empt06", "employment", "出台文件", "出台促进贫困劳动力就业的政策文件[[个/small]]，明确岗位补贴和培训补贴标准。"),
    ("empt07", "employment", "用工企业", "组织[[家/big]]用工企业赴{west}开展现场招聘，帮扶贫困群众就业。"),
    ("empt08", "employment", "贫困人员", "动态掌握在{east}务工的建档立卡贫困人员[[人/big]]，逐一建立就业台账。"),
    ("empt09", "employment", "座谈会", "[[/date]]，人社部门召开稳就业座谈会，研究贫困劳动力返岗复工。"),
    ("empt10", "employment", "工作专班", "抽调[[人/small]]组成就业帮扶工作专班，驻点协调务工人员返岗。"),
    ("empt11", "employment", "视频会议", "与{west}人社部门召开视频对接会[[次/small]]，商定劳务输出计划。"),
    ("empt12", "employment", "贫困县", "在[[个/small]]贫困县设立就业服务站，为外出务工人员提供岗位推荐。"),
    ("cont01", "consumption", "召开会议", "[[/date]]，召开消费扶贫工作推进会，部署扶贫产品进机关、进企业、进社区。"),
    ("cont02", "consumption", "企业", "[[家/small]]国有企业签订扶贫产品采购协议，纳入职工福利采购。"),
    ("cont03", "consumption", "互联网企业", "联合[[家/small]]互联网企业开设受援地农产品线上销售专区。"),
    ("cont04", "consumption", "布设", "扶贫产品智能柜布点工作于[[/date]]前全部完成。"),
    ("cont05", "consumption", "出台文件", "出台推进消费扶贫的政策文件[[个/small]]，明确采购和销售的支持措施。"),
    ("cont06", "consumption", "引导资金", "安排专项引导资金[[元/money]]，支持扶贫产品流通、仓储和展销。"),
    ("cont07", "consumption", "培训班", "举办预算单位采购扶贫产品培训班[[期/small]]，讲解网络销售平台操作。"),
    ("cont08", "consumption", "参加活动", "[[人/big]]参加扶贫产品展销体验活动，现场认购受援地农产品。"),
    ("cont09", "consumption", "成员单位", "组建扶贫产品营销协作体，成员单位[[家/small]]，共同拓宽销路。"),
    ("cont10", "consumption", "受援县", "帮助[[个/small]]受援县的扶贫产品进入{east}商超和批发市场。"),
    ("cont11", "consumption", "街道乡镇", "扶贫产品销售网点覆盖[[个/small]]街道乡镇，市民就近购买更加便利。"),
    ("indt01", "industry", "召开会议", "[[/date]]，在{west}召开产业合作对接会，推动{east}企业到受援地投资建厂。"),
    ("indt02", "industry", "受援县", "{industry}产业项目覆盖[[个/small]]受援县，帮扶群众发展种养。"),
    ("indt03", "industry", "带动贫困人口", "龙头企业通过订单收购、土地流转带动贫困人口[[人/big]]发展{industry}。"),
    ("indt04", "industry", "出台文件", "出台支持企业到受援地投资兴业的政策文件[[个/small]]。"),
    ("indt05", "industry", "考察", "组织企业家赴{west}考察产业合作项目[[批次/small]]，推动项目落地。"),
    ("indt06", "industry", "企业", "与[[家/small]]加工企业签订原料基地共建协议，完善{industry}产业链。"),
    ("indt07", "industry", "贫困村", "{industry}产业基地辐射带动[[个/small]]贫困村，结对帮扶农户发展生产。"),
    ("soct01", "social_mobilisation", "召开会议", "[[/date]]，召开社会力量参与帮扶动员会，号召民营企业结对帮扶贫困村。"),
    ("soct02", "social_mobilisation", "深度贫困村", "动员爱心企业对接[[个/small]]深度贫困村，开展捐资助学和走访慰问。"),
    ("soct03", "social_mobilisation", "受援县", "社会组织在[[个/small]]受援县开展公益助学和义诊活动。"),
    ("soct04", "social_mobilisation", "出台文件", "出台鼓励社会组织参与脱贫攻坚的文件[[个/small]]。"),
    ("soct05", "social_mobilisation", "区", "[[个/small]]区的工商联组织民营企业开展“万企帮万村”结对。"),
    ("soct06", "social_mobilisation", "企业", "动员[[家/small]]企业参与村企结对，以捐赠带动贫困村发展。"),
    ("soct07", "social_mobilisation", "宣传", "在电视、网络投放社会扶贫公益宣传[[次/big]]，动员全社会参与。"),
    ("otht01", "other", "帮扶的省区", "{east}对口帮扶的[[个/small]]省区全部完成年度脱贫任务。"),
    ("otht02", "other", "召开会议", "[[/date]]，召开对口支援和东西部协作领导小组会议，研究年度帮扶计划。"),
    ("otht03", "other", "受援县", "[[个/small]]受援县全部通过脱贫摘帽第三方评估。"),
    ("otht04", "other", "项目", "安排帮扶项目[[个/big]]，资金使用和项目管理全部纳入监管。"),
    ("otht05", "other", "出台文件", "出台加强帮扶资金和项目管理的制度文件[[个/small]]。"),
    ("otht06", "other", "督导组", "组织[[批/small]]督导组赴受援地检查帮扶项目进展。"),
    ("otht07", "other", "挂职干部", "在{east}挂职锻炼的受援地干部[[名/small]]期满返岗。"),
    ("otht08", "other", "企业", "{east}[[家/small]]企业的援建项目全部竣工，交付受援地使用。"),
    ("otht09", "other", "帮扶资金", "{east}落实帮扶资金[[元/money]]，全部纳入受援地财政统筹管理。"),
]

# Macro-economic claims of government work reports: ``other``, although their sentences
# use words that are measure keywords elsewhere (产业, 企业, 社会, 消费, 旅游, 转移, 投资).
T += [
    ("mac01", "other", "国内生产总值", "{when}，国内生产总值增长[[/pct]]，经济社会发展主要目标任务全面完成。"),
    ("mac02", "other", "研发投入", "全社会研发投入增长[[/pct]]，创新型国家建设取得新进展。"),
    ("mac03", "other", "养老保险参保", "{region}城乡居民基本养老保险参保[[人/big]]，社会保障水平稳步提高。"),
    ("mac04", "other", "企业利润", "规模以上工业企业利润增长[[/pct]]，企业经营状况持续好转。"),
    ("mac05", "other", "新设市场主体", "{when}，{region}新登记市场主体[[户/big]]，其中新设企业占三成。"),
    ("mac06", "other", "服务业增加值", "服务业增加值比重达到[[/pct]]，消费对经济增长的贡献继续提高。"),
    ("mac07", "other", "战略性新兴产业", "战略性新兴产业增加值增长[[/pct]]，产业结构持续优化。"),
    ("mac08", "other", "转移支付", "中央财政对{west}的转移支付达到[[元/money]]，增长{n:/pct}。"),
    ("mac09", "other", "城镇化率", "{region}常住人口城镇化率提高到[[/pct]]，农业转移人口市民化有序推进。"),
    ("mac10", "other", "旅游人次", "{when}，国内旅游人次增长[[/pct]]，出境旅游市场平稳发展。"),
    ("mac11", "other", "减税降费", "为企业减税降费[[元/money]]，市场主体活力增强。"),
    ("mac12", "other", "固定资产投资", "{region}固定资产投资增长[[/pct]]，产业投资和民间投资回升。"),
    ("mac13", "other", "城镇新增就业目标", "主要预期目标是：地区生产总值增长[[/pct]]左右，城镇新增就业稳定，居民收入同步增长。"),
    ("mac14", "other", "社会事业投入", "{region}教育、卫生等社会事业支出增长[[/pct]]，民生支出占财政支出八成。"),
    ("mac15", "other", "文化产业", "{region}文化产业增加值占地区生产总值的[[/pct]]。"),
    ("mac16", "other", "居民消费价格", "{when}，{region}居民消费价格上涨[[/pct]]，就业和物价形势总体稳定。"),
]

# Templates whose section is usually a heading of another measure (hard negatives by context).
SECTION_OVERRIDE = {"emp02": "industry", "emp03": "industry", "emp23": "industry", "ind12": "employment",
                    "oth12": "consumption", "oth13": "consumption", "con14": "industry",
                    "soc12": "other", "oth19": "social_mobilisation", "con02": "other"}


def fill(rng: random.Random, tid: str, text: str) -> tuple[str, list[int]]:
    east, west = rng.choice(PAIRS)
    if rng.random() < 0.3:
        west = rng.choice(WEST)
    y = rng.choice(YEARS)
    when = rng.choice(WHEN).replace("{y}", str(y))
    region = rng.choice(REGION)
    vals = {"east": east, "west": west, "county": rng.choice(COUNTIES), "city": rng.choice(CITIES),
            "y": str(y), "when": when, "industry": rng.choice(INDUSTRIES), "org": rng.choice(ORGS)}
    text = text.replace("{region}", region)

    def slot(m: re.Match) -> str:
        key = m.group(1)
        if key == "product":
            return rng.choice(PRODUCTS)
        if key.startswith("n:"):
            unit, scale = key[2:].split("/")
            return number(rng, unit, scale)
        return vals[key]

    text = re.sub(r"\{(\w+(?::[^}]*)?)\}", slot, text)
    m = re.search(r"\[\[([^/\]]*)/(\w+)\]\]", text)
    if m is None:
        raise SystemExit(f"template {tid}: no [[unit/scale]] claim mark")
    mention = number(rng, m.group(1), m.group(2))
    text = text[:m.start()] + mention + text[m.end():]
    return text, [m.start(), m.start() + len(mention)]


def pick_section(rng: random.Random, label: str) -> str:
    r = rng.random()
    if r < 0.55:
        return rng.choice(SECTIONS[label])
    if r < 0.85:
        return rng.choice(GENERIC_SECTIONS)
    if r < 0.95:
        return ""
    return rng.choice(SECTIONS[rng.choice([x for x in LABELS if x != label])])


def _bucket(key: str) -> float:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF


def heldout_templates() -> set[str]:
    """About HELDOUT_SHARE of each label's templates, chosen by hash (stable)."""
    out: set[str] = set()
    for label in LABELS:
        ids = sorted((t[0] for t in T if t[1] == label), key=lambda i: _bucket("tpl:" + i))
        out.update(ids[:max(1, round(len(ids) * HELDOUT_SHARE))])
    return out


def generated() -> list[dict]:
    rng = random.Random(SEED)
    rows = []
    for tid, label, indicator, text in T:
        seen = set()
        for _ in range(PER_TEMPLATE * 3):
            if len(seen) >= PER_TEMPLATE:
                break
            sent, span = fill(rng, tid, text)
            if sent in seen:
                continue
            seen.add(sent)
            override = SECTION_OVERRIDE.get(tid)
            section = (rng.choice(SECTIONS[override]) if override and rng.random() < 0.6
                       else pick_section(rng, label))
            ind = "" if rng.random() < BLANK_INDICATOR else indicator
            rows.append({"text": sent, "span": span, "indicator": ind, "section": section,
                         "label": label, "source": f"generated:generate.py#{tid}"})
    return rows


LEADS = ["", "", "", "今年以来，", "{east}市有关部门", "在{east}的大力支持下，", "一年来，",
         "{west}方面，", "疫情发生后，", "按照协议要求，"]


def compound(held_t: set[str]) -> list[dict]:
    """Long sentences: a template's clause (the claim) among clauses of other templates of
    the same split, half of the time of the same measure. The label is the claim's."""
    rng = random.Random(SEED + 1)
    rows = []
    for tid, label, indicator, text in T:
        split = tid in held_t
        pool = [t for t in T if (t[0] in held_t) == split and t[0] != tid]
        same = [t for t in pool if t[1] == label]
        for _ in range(PER_TEMPLATE_COMPOUND):
            sent, span = fill(rng, tid, text)
            clauses = [(sent.rstrip("。"), span)]
            for _k in range(rng.choice([1, 1, 2, 3])):
                other = rng.choice(same if rng.random() < 0.5 else pool)
                clauses.append((fill(rng, other[0], other[3])[0].rstrip("。"), None))
            rng.shuffle(clauses)
            lead = rng.choice(LEADS).replace("{east}", rng.choice(PAIRS)[0]).replace(
                "{west}", rng.choice(WEST))
            out, new_span = lead, None
            for i, (c, sp) in enumerate(clauses):
                if i:
                    out += rng.choice(["，", "；", "。"])
                if sp is not None:
                    new_span = [len(out) + sp[0], len(out) + sp[1]]
                out += c
            out += "。"
            override = SECTION_OVERRIDE.get(tid)
            section = (rng.choice(SECTIONS[override]) if override and rng.random() < 0.6
                       else pick_section(rng, label))
            rows.append({"text": out, "span": new_span, "indicator": indicator, "section": section,
                         "label": label, "source": f"generated:generate.py#{tid}+compound"})
    return rows


def written() -> list[dict]:
    rows = []
    for label, name in WRITTEN_FILES.items():
        for n, line in enumerate((SRC / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3:
                raise SystemExit(f"{name}:{n}: expected 'indicator | section | sentence'")
            indicator, section, sent = parts
            marks = list(MARK.finditer(sent))
            if len(marks) != 1:
                raise SystemExit(f"{name}:{n}: expected exactly one ⟦mention⟧, found {len(marks)}")
            m = marks[0]
            text = sent[:m.start()] + m.group(1) + sent[m.end():]
            rows.append({"text": text, "span": [m.start(), m.start() + len(m.group(1))],
                         "indicator": indicator, "section": "" if section == "-" else section,
                         "label": label, "source": "written"})
    return rows


def main() -> int:
    held_t = heldout_templates()
    train, held = [], []
    for r in generated() + compound(held_t):
        (held if r["source"].split("#")[1].split("+")[0] in held_t else train).append(r)
    for r in written():
        (held if _bucket("w:" + r["text"]) < HELDOUT_SHARE else train).append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train.jsonl", train), ("heldout.jsonl", held)):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    for name, rows in (("train", train), ("heldout", held)):
        c = Counter(r["label"] for r in rows)
        w = Counter(r["label"] for r in rows if r["source"] == "written")
        print(name, len(rows), {k: (c[k], w[k]) for k in LABELS}, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
