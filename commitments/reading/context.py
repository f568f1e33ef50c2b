"""Read one quantity in its sentence: is it a goal at all, its hedges, its subject (indicator), its quote.

Shared by targets (plan part) and outcomes (review part). Positions are in the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .hedges import SUFFIX_HEDGES
from .numbers import Quantity

CLAUSE_SEPS = "，,；;。：:\n！？!?"
SEGMENT_SEPS = CLAUSE_SEPS + "、（）()"
SENTENCE_SEPS = "。；;！？!?\n"

#: a number after these verbs counts something that already exists: 用好43个国家级平台
_EXISTING = re.compile(
    r"^(?:继续)?(?:用好|用足|发挥|依托|围绕|立足|借助|利用(?!外资)|延续(?:执行|实施)?|聚焦|面向|对标|做大做强|按照|根据|结合|紧扣)"
)
#: words that follow a unit and make the number a name, a rank or a size class: 500强, 5万吨级, 三件大事
#: the same after continuing work (继续抓实124个市级示范片区) or a method (按…4个类型推进): not new
_EXISTING_LATE = re.compile(
    r"^(?:按|(?:继续|持续)(?:抓实|抓好|办好|用好|管好|做好|做实|运营好|实施|推进)|优化提升|加快提升|振兴|做强|做优|壮大|"
    r"(?:稳妥)?运行好?)"
)
_NAME_AFTER = re.compile(r"^(?:强|号|届|周年|级|大(?!关|台阶)|方面|期|工作日|个月|月|代|中全会|次全会|批次|口径)")
_AREA_SLOGAN = re.compile(
    r"^.{0,6}(?:圈|生活|服务|通勤|阅读|经济)|^(?:在线|通关|过境|免签|不打烊|值守|营业|自助)"
)  # 15分钟生活圈, 24小时在线监控, 144小时过境免签: a name, not an amount of time
#: a count of policies or programmes is the name of a document: 30条措施, 11项重大事项行动方案
_DOCUMENT_AFTER = re.compile(r"^[^，。；、]{0,8}(?:措施|举措|意见|细则|行动方案|行动计划)(?:[，。；、]|$)")
#: carrying out documents that exist (落实…30条措施), unlike issuing new ones (出台11项…举措)
_CARRY_OUT = re.compile(r"^(?:全力|认真|继续|持续|深入)?(?:落实|实施|贯彻|执行)(?!.*(?:制定|出台|推行))")
#: a count whose verb comes after it: 两处方舱医院建成使用, 郑旺两处卫生院通过…评审
_RESULT_AFTER = re.compile(
    r"^[^，。；、]{0,10}?(?:建成|投入使用|投用|竣工|通过|落户|开工|获评|获批|入选|升格|开诊|全国推广)"
)
#: verbs that make a bare Chinese numeral (两处, 三座) a counted goal rather than a slogan
_CREATION = re.compile(
    r"(?:新建|新增|建成|建设|打造|培育|创建|引进|招引|完成|改造|开通|新开|达到|实现|新培育|办好|举办|开展|建立|设立|落地|签约|提升|扩建|招聘|发放)"
)
#: 争取 before funds is the act of obtaining them (争取中央预算内投资155亿元), not a hedge
OBTAINED_FUNDS = r"[^，。；]{0,12}?(?:资金|债券|投资|国债|转移支付|专项债)"
_LEADING_FILLER = re.compile(
    r"^(?:其中|同时|并(?![购网联])|再(?![生制就融贷])|还(?![贷款])|此外|力争|确保|争取(?!"
    + OBTAINED_FUNDS
    + r")|努力|全年|年内|今年|当年|全市|全区|全县|全省|全国|全州|全盟|全旗|我省|我县|"
    r"提出|(?:到)?“?十[一二三四五六]五”?(?:时期|期间|末)|(?:到)?20\d\d年(?:底|末)?(?:前)?|年均|累计|进一步|预计|预期|"
    r"共(?![享建同青])|总计|全面|分别|"
    r"确保全年|力争全年|上半年|下半年|三年|两年|五年|(?:近|过去)?[一二三四五六七八九十\d]{1,2}年(?=(?:累计|共|来)?(?:增加|增长|提升|提高|下降|减少|新增))|我市|我区|全力|大力|积极|加快|继续|扎实|着力|持续|深入|示范带动|"
    r"将(?=[\u4e00-\u9fff“]{2})(?!军|来)|把(?!握|关)|稳步|各地|先(?=发行|安排)|[\d一二三四五六七八九十]+个月内?|"
    r"本[省市区县](?=[\u4e00-\u9fff]{2})|[使让](?=[\u4e00-\u9fff]{4})|首次|[一二三四五六七八九十]是|"
    r"(?:高标准|高质量|高水平)(?=新建|建设|建成|打造|完成|推进|改造|实施|举办|办好|筹集)|"
    r"获(?=[\u4e00-\u9fff“”]{2,12}奖$)|"
    r"对(?![外接口象标比照应])(?![\u4e00-\u9fff]{1,6}?(?:进出口|出口|进口|贸易|投资|合作))(?=[\u4e00-\u9fff]{4})|"
    r"要(?![素求件点案闻塞害])(?=[\u4e00-\u9fff]{3})|"
    r"(?:安排|投入|筹措|筹集|拨付|下达)(?=[\u4e00-\u9fff]{2,12}(?:资金|经费)$)|辖区|多渠道|预算安排|"
    r"(?:第?[一二三四五六七八九十百]+|第\d+)届(?=[\u4e00-\u9fff]{2}))+"
)
_TRAILING_VERB = re.compile(
    r"(?:分别|均|达到|达|突破|超过|超|同比增长|增长|同比下降|下降|提高到|提高至|提高|提升至|提升到|提升|降低到|降低|降至|降到|减少|"
    r"增加|稳定在|保持在|控制在|保持|不低于|不少于|不超过|不高于|为|至|到|接近|将近|近|(?<![签节制预合条公契履])约|年均|平均|累计|再|实现|完成了|完成|总量|总数|(?<=[\u4e00-\u9fff]{3})(?<!总)规模|"
    r"全部|各|共|同比|新增|在全省率先|在全国率先|率先|连续[一二三四五六七八九十\d]+年|仅用|首次|全面|"
    r"增至|发展到|增加到|增长到|跃升至|跃升到|跃升|扩大到|预计|预期|可比|五年|跃上|迈上|双过|“双过|“过|(?<![通经超])过|"
    r"要|将|可|继续|拟|安排|拟安排|实际|历史性|一般在|一般|每人每月|每人每年|每生每年|每月|每年|缩短至|缩短到|压缩至|压缩到|扩展至|扩展到|扩展|"
    r"上升到|上升至|上升|调增到|调增至|调增|上调至|上调到|上调|(?<=资金)投入|(?<=投资)计划|稳定|双双|逆势|从无到有|同口径|翻了|翻|再破|(?<![打突识爆])破|持续|一直|始终|(?<=[\u4e00-\u9fff]{2})(?:近|用)?[\d一二三四五六七八九十]{1,2}年(?:来|间|内)?|(?<![平均同高中初优上次头])等)+$"
)
_VERB_ONLY = re.compile(
    r"^(?:新建|新增|建设|建成|完成|实施|打造|培育|创建|引进|招引|开工建设|开工|改造|推进|开展|举办|办好|抓好|落地|新培育|新认定|"
    r"新建改扩建|新改建|组织|吸引|发放|评选|支持|推动|提升|改造提升|建好|创成|实现|达到|新引进|新开发|分类培训|培养|选派|招聘|"
    r"开设|设立|建立|创评|承办|新开设|认定|入库|储备|实施改造|扩建|筹建|新设立|布局|遴选|创建提升|整治|治理|保护|修复|新选配|"
    r"帮扶|救助|培训|服务|对接|引进转化|转化|建|评定|新上|投放|增加|新开通|开行|开通|打通|新开辟|下放|折合|覆盖)?$"
)
_GENERIC_SUBJECT = (
    "占比",
    "比重",
    "增速",
    "增幅",
    "降幅",
    "总量",
    "余额",
    "总额",
    "产值",
    "营业收入",
    "规模",
    "货值",
    "贸易额",
    "交易额",
    "营业额",
    "完成投资",
    "年度投资",
    "完成年度投资",
    "总产量",
    "产量",
    "总装机",
    "总装机容量",
    "装机容量",
    "吞吐量",
    "总里程",
    "访问量",
    "月访问量",
    "总花费",
    "总规模",
)
DEADLINE = re.compile(
    r"(国庆节前|春节前|元旦前|上半年|下半年|年内|年底前|今年底|年底|前三季度|[一二三四1-4]季度|\d{1,2}月底前|\d{1,2}月份?前|"
    r"(?:用)?[一二三两五1-5]年(?:内|时间)|(?<![十\d])(?<!奋斗)[两三五]年(?!行动|攻坚|计划|专项|规划|一贯))"
)


@dataclass
class Reading:
    quantity: Quantity
    subject_start: int  # where the quote starts (normalised)
    quote_end: int  # where the quote ends (normalised)
    indicator: str
    prefix_hedges: list[str] = field(default_factory=list)
    suffix_hedges: list[str] = field(default_factory=list)
    governing: list[str] = field(default_factory=list)  # 力争/确保 that govern the whole sentence
    deadline: str | None = None
    excluded: str = ""  # why this is not a goal/outcome ("" = it is one)
    stretch: Quantity | None = None
    rule: str = ""  # the naming rule that named it (naming.py)


def _back(text: str, pos: int, seps: str, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in seps:
        i -= 1
    return i


def _fwd(text: str, pos: int, seps: str, ceiling: int) -> int:
    i = pos
    while i < ceiling and text[i] not in seps:
        i += 1
    return i


def quote_bounds(text: str, pos: int) -> tuple[int, int]:
    """Inside “…” or 《…》 of a short length: (open, close) else (-1, -1)."""
    for left, right, limit in (("“", "”", 16), ("《", "》", 40), ('"', '"', 16)):
        a = text.rfind(left, max(0, pos - limit), pos)
        if a < 0:
            continue
        b = text.find(right, pos, pos + limit)
        if b < 0:
            continue
        if right not in text[a + 1 : pos] and (left == right or left not in text[pos:b]):
            return a, b
    return -1, -1


#: what a member of a class is measured by, before a bar: 年产值10亿元以上的…, 营业收入超千亿元的…
_PER_ENTITY = re.compile(r"(?:年产值|产值|营业收入|营收|主营业务收入|销售收入|收入|投资|资产|税收|规模)[过超达]?$")
_NEXT_BAR = re.compile(r"[、和或]\s*[超过]?\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千]+)[万亿千百]*元")
_BAR_END = re.compile(r"(?:以上|以下)的")
_RANK_BEFORE = re.compile(r"(?:全国|全球|全省|全市|世界|国内|进入|跻身|位居|位列|排名|居)前$")


#: an age that is itself the measure: 人均预期寿命达到79.72岁, 提高1.16岁, 平均年龄降至45岁
_AGE_MEASURED = re.compile(r"(?:寿命|年龄)[^，。；]{0,16}$|(?:提高|增加|延长|降低|下降)(?:了|到|至)?$")


#: a capacity right after these is the amount built (建成700万千瓦新型储能项目), after a company it is a name
_BUILT_BEFORE = re.compile(r"(?:新增|建成|建设|开工|投产|新建|实施|推进|完成|形成|达到|达|超)$")


def exclusion(text: str, q: Quantity, *, seg_start: int, later_in_clause: bool) -> str:
    """Why a quantity is not a goal or outcome, or "" if it may be one."""
    before = text[max(0, q.start - 1) : q.start]
    after = text[q.end : q.end + 6]
    if before == "第" or text[max(0, q.start - 2) : q.start] in ("排名", "位居", "居前", "前列"):
        return "ordinal"
    if q.unit in ("%", "‰") and re.search(r"(?:ESI|进入[^，。；]{0,8})前$", text[max(0, q.start - 12) : q.start]):
        return "ordinal"  # 15个学科进入ESI前1%: a rank
    if text[max(0, q.start - 1) : q.start] == "每" and q.base_unit in ("人", "户"):
        return "denominator"  # 每10万人刑事案件数: per so many people
    if _RANK_BEFORE.search(text[max(0, q.start - 4) : q.start]) or (
        q.base_unit in ("名", "位") and re.search(r"(?:前|进步|前进)$", text[max(0, q.start - 2) : q.start])
    ):
        return "ordinal"  # 人均GDP进入全国前8位, ESI全球前1%学科: a rank, not an amount
    if q.base_unit in ("位", "个位次", "名") and re.search(
        r"(?:排名|排位|位次|名次)[^，。；]{0,10}$", text[max(0, q.start - 16) : q.start]
    ):
        return "ordinal"  # 区域创新能力全国排名提升4位, 排名分别上升31名和18名: places in a ranking
    ordinal_next = "\u4e00" <= text[q.end : q.end + 1] <= "\u9fff"  # 二轮土地延包 (not 组织四轮，…)
    spelled = all(ch in "一二三四五六七八九十" for ch in text[q.start : q.end].removesuffix(q.unit))
    if q.unit in ("轮", "期", "届", "代") and spelled and ordinal_next:
        return "ordinal"  # 二轮土地延包, 三期工程: which round, not how many
    if q.base_unit == "届" and text[max(0, q.start - 2) : q.start] == "连续":
        return "streak"  # 连续3届荣获…金奖: how long a run lasted, not a count of work
    if q.unit == "类" and spelled and ordinal_next:
        return "name or size class"  # 完成四类村庄认定: the classes of a scheme, not a count of work
    if text[q.start : q.end] == "二次" and ordinal_next:
        return "name with digits"  # 二次供水设施, 二次创业: "secondary", not a count (a count says 两次)
    if spelled and re.match(r"规定", after):
        return "name with digits"  # 中央八项规定精神: a name (a count of rules is written 出台10项规定)
    outline = re.search(r"(?:提出|设置|设定|包括|其中|确定)[^。；]{0,16}$", text[max(0, q.start - 24) : q.start])
    if q.base_unit in ("个", "项") and outline and re.match(r"(?:主要|预期性|约束性|量化)?指标(?!体系)", after):
        return "the plan's outline"  # 提出五大类21个主要指标，包括13个预期性指标: how the plan is built, not a goal
    if re.search(r"[（(](?:上年|去年|上一年|20\d\d年)(?:为|同期)?$", text[max(0, q.start - 8) : q.start]):
        return "comparison base"  # 企业总量达到6759家（上年5842家）: the year before, for comparison
    if text[q.start : q.end] in ("一批", "一些", "一系列"):
        return "vague amount"  # 解决了一批群众急难愁盼问题
    if before and (before.isascii() and (before.isalnum() or before in ".-")):
        return "name with digits"
    if _NAME_AFTER.match(after):
        return "name or size class"
    if q.base_unit in ("分钟", "小时") and _AREA_SLOGAN.match(after):
        return "slogan"
    capacity = q.base_unit in ("吨", "千瓦", "兆瓦", "吉瓦", "立方米") or q.unit.endswith("/年")
    if (
        capacity
        and re.match(r"[^，。；、]{0,14}?(?:项目|工程)", text[q.end : q.end + 18])
        and not _BUILT_BEFORE.search(text[max(0, q.start - 4) : q.start])
    ):
        return "name or size class"  # 推动吉林梅花60万吨赖氨酸等项目释放产能: the size in a project's name
    if q.base_unit == "岁" and not _AGE_MEASURED.search(text[max(0, q.start - 24) : q.start]):
        return "age bracket"  # 3岁以下婴幼儿, 65岁以上老年人 (not 人均预期寿命达到79.72岁)
    a, b = quote_bounds(text, q.start)
    if a >= 0 and not re.match(r"双?[过超破突]", text[a + 1 : a + 3]):
        return "inside a quoted name"
    if a >= 0 and q.bare and re.match(r"[\u4e00-\u9fff]", text[b + 1 : b + 2]):
        return "inside a quoted name"  # 首个“双过万亿”城市: a title, the figure was given before
    segment = text[seg_start : q.start]
    used_money = q.base_unit.endswith("元") and re.match(r"(?:继续)?利用", segment)  # 利用地方政府债券978.6亿元: a flow
    if (_EXISTING.match(segment) or _EXISTING_LATE.match(segment)) and not used_money:
        return "existing asset"
    if re.match(r"(?:支持|提升|推动|促进|带动)$", segment) and re.match(
        r"[^，。；、]{1,14}?(?:高质量发展|质效|发展壮大|做大做强)(?:[，。；、]|$)", text[q.end : q.end + 24]
    ):
        return "existing asset"  # 支持29个扩权赋能县高质量发展: the places helped, not a count of new things
    one = q.chinese and q.value == 1 and not q.bare and q.unit not in ("倍", "番")  # 交出了一份答卷: prose
    if re.search(r"[^为]了$|已(?:达|达到|有|经|超过|突破)$", segment) and not one:
        return "past"  # 遴选了12类, 60岁以上人口已达2.5亿 (in a plan: said of the past or present, not a goal)
    led = re.match(r"以", segment) or re.search(r"以[^。；]{2,40}$", text[max(0, q.start - 44) : q.start])
    if led and re.match(r"[^，。；]{0,14}为(?:重点|抓手|核心|载体|依托|引领|支撑)", text[q.end :]):
        return "existing asset"  # 以环龙岐湾等4个片区为重点: the places the work is on, not a goal
    rest = text[q.end : q.end + 24]
    if q.base_unit in ("条", "项", "个") and _DOCUMENT_AFTER.match(rest) and _CARRY_OUT.match(segment):
        return "document name"
    carried = _CARRY_OUT.match(segment) or re.search(
        r"(?:落实|实施|贯彻|执行)[^，。；]*、[^，。；]*$", text[max(0, q.start - 30) : q.start]
    )
    if q.base_unit == "条" and carried and re.match(r"[^。；]{0,24}?(?:等)?(?:系列)?措施", rest):
        return "document name"  # 实施扩大工业有效投资26条、外贸稳增长25条等系列措施
    if re.search(r"见附件", text[q.end : q.end + 8]):
        return "in an annex"  # 其中新办10件，见附件: the annex lists them, the annotators leave them out
    # 压减三分之一以上, 压缩一半以上, 稳定在八成左右: a share, in words
    fraction = "分之" in q.number or q.number == "一半" or q.unit == "成"
    times = q.unit in ("倍", "番") and re.search(r"(?:增加|增长|提高|扩大|翻了?)$", segment)  # 增加两倍, 翻一番
    bare_chinese = q.chinese and not q.bare and not fraction and not times and not q.unit.startswith(("万", "亿", "千"))
    counted_result = bool(_RESULT_AFTER.match(rest)) or bool(re.search(r"(?:组织)$", segment))
    if bare_chinese and (q.value == 1 or not (_creates(segment) or counted_result) or q.number in ("十", "百", "千")):
        return "Chinese numeral in prose"
    # thresholds: 投资过10亿元项目, 10亿元以上项目, 年度投资1100亿元的221个项目
    tail = text[q.end : q.end + 4]
    # who or what is meant: 15平方米以下的低收入家庭, 10万千瓦及以下燃煤机组, 30万千瓦以下煤电机组, 不到100万元的部分
    if re.match(r"以下(?!水平)的?[\u4e00-\u9fff]|及以[上下][\u4e00-\u9fff]", tail) or (
        re.search(r"(?:不到|不足|(?<!不)低于|不超过)$", segment) and tail.startswith("的")
    ):
        return "threshold"
    money = q.base_unit in ("元", "美元", "欧元")
    if money and re.search(r"[过超]$", text[max(0, q.start - 1) : q.start]) and re.match(r"(?:以上|以下)?的", tail):
        return "threshold"  # 投资过百亿元的龙头项目: the projects are counted, not the money
    if q.bare and money and re.match(r"(?:的)?(?:城市|地市|县|企业|园区)", text[q.end : q.end + 3]):
        return "threshold"  # 东莞成为第四个经济总量超万亿元城市
    if q.bare and money and re.search(r"\d+[个家户]", text[seg_start : q.start]):
        return "threshold"  # 703个村集体经济收入达到百万元以上
    # 年度投资1100亿元的221个项目: the total of the things counted next, not a bar they pass
    total = money and re.search(r"投资$", segment) and re.match(r"的[\d.]+[个家项]", text[q.end : q.end + 8])
    listed = re.search(r"分别[^，。；]{0,4}$", text[max(0, q.start - 8) : q.start])  # 分别超过8万元、4.5万元
    bars = money and _NEXT_BAR.match(text, q.end) and not total and not listed
    if bars and (
        re.search(r"[过超]$", text[max(0, q.start - 1) : q.start]) or _BAR_END.search(text, q.end, q.end + 40)
    ):
        return "threshold"  # 投资超50亿元、超100亿元的重大产业项目: a list of bars
    fund = money and re.match(r"的[^，。；]{0,12}基金", text[q.end : q.end + 16])  # 设立首期规模30亿元的航运基金
    if money and not total and not fund and re.match(r"(?:以上|以下)?的", tail) and _PER_ENTITY.search(segment):
        return "threshold"  # 培育100家年产值10亿元以上的农产品加工产业集群: a bar each member passes
    if later_in_clause and q.base_unit in ("米", "公里") and re.match(r"(?:以内|内|范围内)[\u4e00-\u9fff]", tail):
        return "threshold"  # 公交与轨道50米内换乘比例提升至93%: the distance says which transfers are counted
    if later_in_clause and not total and not fund:
        if re.match(r"(?:以上|以下)?的", tail):
            return "threshold"
        if text[max(0, q.start - 2) : q.start].endswith(("过", "超")) and not re.match(r"(?:以上)?[，。；、]", tail):
            return "threshold"
        if money and re.match(r"(?:以上|以下)[\u4e00-\u9fff“]", tail):
            return "threshold"
    if money and re.match(r"(?:以上|以下)?(?:项目|企业|的)", tail) and later_in_clause and not total:
        return "threshold"
    return ""


def _creates(segment: str) -> bool:
    """A creation verb that governs the numeral: at the start of its segment or right before it
    (新建城市书房两处, 建成两处); not one inside a list of names (项目招引、要素保障、风险防范三项机制)."""
    head = _LEADING_FILLER.sub("", segment)
    return bool(_CREATION.match(head) or _CREATION.search(segment[-4:]) or re.search(r"(?:连添|新添|增添)$", segment))


#: the beneficiary is not the measure: 为经营主体减少税费 -> 减少税费, 为企业和个人减税降费 -> 减税降费
_BENEFICIARY = re.compile(
    r"^为(?:[\u4e00-\u9fff]{0,6}?(?:主体|企业|个人|群众|居民|农户|患者|家庭|用户)[和、及与]?)+(?=[\u4e00-\u9fff]{2})"
)
#: the base of a comparison or a rank is not the measure: 有效发明专利比2020年(增长), 同口径(增长), 里程全国第四
_COMPARED_WITH = re.compile(
    r"(?:(?:比|较)(?:20\d\d年(?:底|末)?|上年(?:同期|末)?|去年(?:同期|末)?|同期|年初|“?十[一二三四五]五”?(?:期末|末期|末|同期)?)|"
    r"^同比|^同口径(?:对比)?|"
    r"[，、]?(?:位居|位列|居|排名)?全[国省市区](?:第[一二三四五六七八九十\d]+位?|前列))$"
)


def clean_subject(subject: str) -> str:
    """The indicator part of the words before a number.

    >>> clean_subject("力争产值突破"), clean_subject("拥堵指数再下降"), clean_subject("新增城镇就业")
    ('产值', '拥堵指数', '新增城镇就业')
    >>> clean_subject("再生水利用率"), clean_subject("共享单车")
    ('再生水利用率', '共享单车')
    >>> clean_subject("小微企业贷款要"), clean_subject("中央预算内投资拟安排")
    ('小微企业贷款', '中央预算内投资')
    >>> clean_subject("有效发明专利比2020年增长"), clean_subject("同口径"), clean_subject("全年为企业和个人减税降费约")
    ('有效发明专利', '', '减税降费')
    >>> clean_subject("将城乡居民医保每人年补助标准"), clean_subject("高速公路通车里程全国第四、突破")
    ('城乡居民医保每人年补助标准', '高速公路通车里程')
    >>> clean_subject("5个月累计吸引客流超"), clean_subject("稳步达到"), clean_subject("各设区市一般在")
    ('吸引客流', '', '各设区市')
    >>> clean_subject("外贸进出口在对美贸易下降超3成的情况下"), clean_subject("光伏产品出口表现突出、")
    ('外贸进出口', '光伏产品出口')
    >>> clean_subject("全社会研发经费支出相当于全市生产总值的比例达到"), clean_subject("金融业实现增加值")
    ('全社会研发经费支出占地区生产总值比重', '金融业增加值')
    >>> clean_subject("二是取消中央涉企收费"), clean_subject("对俄进出口增速"), clean_subject("要素保障资金")
    ('取消中央涉企收费', '对俄进出口增速', '要素保障资金')
    >>> clean_subject("服务业增加值占国内生产总值比重上升到"), clean_subject("实有企业较“十三五”期末增长")
    ('服务业增加值占国内生产总值比重', '实有企业')
    >>> clean_subject("提请省人大常委会会议审议地方性法规草案"), clean_subject("地级及以上城市空气质量优良天数比例达到")
    ('提请审议地方性法规', '空气质量优良天数比例')
    """
    s = subject.strip(" \"'，、")
    # a figure at the front names the members, not the measure: 536个市重大项目、109个…分别完成
    s = re.sub(r"^(?:\d+(?:\.\d+)?[个家项条所处](?!月)|[\d.]+年内?)(?=[\u4e00-\u9fff“])", "", s)
    # a hedge or a time inside a name is not the name: 被动房累计开工, 临空经济区年内完成投资, 3月份复工率
    s = re.sub(r"(?<=[\u4e00-\u9fff])(?:累计|年内|相继|即时|全年)(?=[\u4e00-\u9fff]{2})", "", s)
    # a modal or "again" before the change is not the name: 排放量要下降, “三公”经费再压减
    s = re.sub(r"(?<=[\u4e00-\u9fff])(?:要|将|再)(?=下降|降低|减少|压减|提高|增加|增长)", "", s)
    s = re.sub(r"^\d{1,2}月份?(?=[\u4e00-\u9fff]{2})", "", s)
    s = re.sub(r"相当于(?=[\u4e00-\u9fff]{0,4}生产总值)", "占", s)  # 研发经费支出相当于全市生产总值的比例
    s = re.sub(r"(?<=占)(?:全[市省区县]|本[市省区县])(?=生产总值)", "地区", s)
    # 重点实验室助力页岩油年产量: what the help went to is the measure
    s = re.sub(r"^[\u4e00-\u9fff“”]{2,20}?助力(?=[\u4e00-\u9fff]{4})", "", s)
    s = s.replace("PM_2.5", "PM2.5")  # a subscript typed as an underscore
    s = re.sub(r"^地级及以上城市(?=空气|环境空气|PM|细颗粒物)", "", s)  # the national scope of air quality
    # the government's own count says to whom it was sent in many ways: 提请省人大常委会会议审议地方性法规草案
    s = re.sub(r"^提请[^审，。]{0,14}审议(?:省级|市级)?地方性法规(?:草案)?$", "提请审议地方性法规", s)
    # 金融业实现增加值: the measure is the name, 实现 only says it was reached
    s = re.sub(r"(?<=[\u4e00-\u9fff]{2})实现(?=增加值|产值|营业收入|营收|收入|利润|税收|销售收入|交易额|成交额)", "", s)
    # circumstances and praise are not the measure: 在对美贸易下降超3成的情况下, 出口表现突出
    s = re.sub(r"在[^，。；]{2,20}的(?:情况|背景)下|表现(?:突出|亮眼|强劲)", "", s)
    s = _balance_quotes(s)
    for _ in range(3):
        s2 = _BENEFICIARY.sub("", _LEADING_FILLER.sub("", s))
        s2 = _COMPARED_WITH.sub("", _TRAILING_VERB.sub("", s2))
        s2 = s2.strip(" ，、")
        if s2 == s:
            break
        s = s2
    s = re.sub(r"(占[\u4e00-\u9fff]{2,12}?)的?(?:比例|比重)$", r"\1比重", s)  # 占…的比例 = 占…比重
    return _balance_quotes(s)


def _balance_quotes(s: str) -> str:
    """Drop a quote mark whose partner was cut off: 上云”工业企业 -> 上云工业企业."""
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    return s


def suffix_hedges(text: str, end: int) -> tuple[list[str], int]:
    after = text[end : end + 2]
    for word in SUFFIX_HEDGES:
        if after.startswith(word):
            return [word], end + len(word)
    return [], end


def deadline_in(text: str, start: int, end: int) -> str | None:
    m = DEADLINE.search(text, start, end)
    return m.group(1) if m else None
