"""Why a number is not a goal or an outcome: a pipeline of small named rules.

Each rule looks at one number where it stands (`Candidate`) and either gives a reason or passes; the first reason
wins and stays on the reading (`Reading.excluded`), so that a number wrongly left out of a new report points to one
rule: `why("用好43个国家级平台", "43")` tells which rule left it out and why.

Every rule's docstring shows its Chinese example, run as a doctest through `why`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .context import _CREATION, _LEADING_FILLER, quote_bounds
from .numbers import Quantity

#: a number after these verbs counts something that already exists: 用好43个国家级平台
_EXISTING = re.compile(
    r"^(?:要|充分)?(?:继续)?(?:用好|用足|发挥|依托|围绕|立足|借助|利用(?!外资)|延续(?:执行|实施)?|聚焦|面向|对标|做大做强|按照|根据|结合|紧扣)"
)
#: the same after continuing work (继续抓实124个市级示范片区) or a method (按…4个类型推进): not new
_EXISTING_LATE = re.compile(
    r"^(?:按|(?:继续|持续)(?:抓实|抓好|办好|用好|管好|做好|做实|运营好|实施|推进)|(?:打造|建设|培育|运营|管理)好|优化提升|加快提升|振兴|做强|做优|壮大|"
    r"(?:稳妥)?运行好?)"
)
#: words that follow a unit and make the number a name, a rank or a size class: 500强, 5万吨级, 三件大事
_NAME_AFTER = re.compile(
    r"^(?:强|号|届|周年|级|大(?!关|台阶|型|宗|中型|中小|学|数据)|方面|期|工作日|个月|月|代|中全会|次全会|批次|口径)"
)
_AREA_SLOGAN = re.compile(
    r"^[^，。；、]{0,8}(?:圈|生活|服务|通勤|通达|直达|阅读|经济|热线)|^(?:在线|通关|过境|免签|不打烊|值守|营业|自助|自动化监测|监测|监控)"
)  # 15分钟生活圈, 24小时在线监控, 144小时过境免签: a name, not an amount of time
#: a count of policies or programmes is the name of a document: 30条措施, 11项重大事项行动方案
_DOCUMENT_AFTER = re.compile(
    r"^[^，。；、]{0,8}(?:措施|举措|意见|细则|行动方案|行动计划|任务清单|具体任务|帮扶规划)(?:[，。；、]|$)"
)
#: carrying out documents that exist (落实…30条措施), unlike issuing new ones (出台11项…举措)
_CARRY_OUT = re.compile(
    r"^(?:全力|认真|继续|持续|深入|细化|全面|加快)?(?:落实|实施|贯彻|执行|抓实)(?!.*(?:制定|出台|推行))"
)
#: a count whose verb comes after it: 两处方舱医院建成使用, 郑旺两处卫生院通过…评审
_RESULT_AFTER = re.compile(
    r"^[^，。；、]{0,10}?(?:建成|投入使用|投用|竣工|通过|落户|开工|获评|获批|入选|升格|开诊|全国推广|获(?:国家级|省级|全国|得)|荣获)"
)
#: what a member of a class is measured by, before a bar: 年产值10亿元以上的…, 营业收入超千亿元的…
_PER_ENTITY = re.compile(r"(?:年产值|产值|营业收入|营收|主营业务收入|销售收入|收入|投资|资产|税收|规模)[过超达]?$")
_NEXT_BAR = re.compile(r"[、和或]\s*[超过]?\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千]+)[万亿千百]*元")
_BAR_END = re.compile(r"(?:以上|以下)的")
_RANK_BEFORE = re.compile(r"(?:全国|全球|全省|全市|世界|国内|进入|跻身|位居|位列|排名|居|入围)前$")
#: an age that is itself the measure: 人均预期寿命达到79.72岁, 提高1.16岁, 平均年龄降至45岁
_AGE_MEASURED = re.compile(r"(?:寿命|年龄)[^，。；]{0,24}$|(?:提高|增加|延长|降低|下降)(?:了|到|至)?$")
#: a capacity right after these is the amount built (建成700万千瓦新型储能项目), after a company it is a name
_BUILT_BEFORE = re.compile(r"(?:新增|建成|建设|开工|投产|新建|实施|推进|完成|形成|达到|达|超)$")


@dataclass
class Candidate:
    """One number where it stands: what every exclusion rule may look at (normalised text)."""

    text: str
    q: Quantity
    seg_start: int  # where the number's segment (its list item) starts
    later_in_clause: bool  # another number follows in the same clause
    plan: bool = True  # in a plan part (else a review: what is said of today is a result there)

    def back(self, n: int) -> str:
        return self.text[max(0, self.q.start - n) : self.q.start]

    def ahead(self, n: int) -> str:
        return self.text[self.q.end : self.q.end + n]

    @cached_property
    def segment(self) -> str:
        return self.text[self.seg_start : self.q.start]

    @cached_property
    def spelled(self) -> bool:
        """Written in Chinese numerals only (二轮, 八项), unit aside."""
        return all(
            ch in "一二三四五六七八九十" for ch in self.text[self.q.start : self.q.end].removesuffix(self.q.unit)
        )

    @cached_property
    def word_follows(self) -> bool:
        return "\u4e00" <= self.ahead(1) <= "\u9fff"  # 二轮土地延包 (not 组织四轮，…)

    @cached_property
    def money(self) -> bool:
        return self.q.base_unit in ("元", "美元", "欧元")

    @cached_property
    def total(self) -> bool:
        """年度投资1100亿元的221个项目: the total of the things counted next, not a bar they pass."""
        return bool(self.money and re.search(r"投资$", self.segment) and re.match(r"的[\d.]+[个家项]", self.ahead(8)))

    @cached_property
    def fund(self) -> bool:
        return bool(self.money and re.match(r"的[^，。；]{0,12}基金", self.ahead(16)))  # 设立首期规模30亿元的航运基金


Rule = Callable[[Candidate], str]


def denominator(c: Candidate) -> str:
    """Per so many people: 每10万人刑事案件数下降36.9%.

    >>> why("每10万人刑事案件数下降36.9%", "10")
    ('denominator', 'denominator')
    """
    return "denominator" if c.back(1) == "每" and c.q.base_unit in ("人", "户") else ""


def ordinal(c: Candidate) -> str:
    """Which place or which round, not how many: 第3, 进入全国前8位, ESI前1%, 排名提升4位, 二轮土地延包.

    >>> why("区域创新能力全国排名提升4位", "4"), why("学科进入ESI前1%", "1"), why("推进二轮土地延包", "二")
    (('ordinal', 'ordinal'), ('ordinal', 'ordinal'), ('ordinal', 'ordinal'))
    """
    q = c.q
    if c.back(1) == "第" or c.back(2) in ("排名", "位居", "居前", "前列"):
        return "ordinal"
    if q.unit in ("%", "‰") and re.search(r"(?:ESI|进入[^，。；]{0,8})前$", c.back(12)):
        return "ordinal"
    if _RANK_BEFORE.search(c.back(4)) or (q.base_unit in ("名", "位") and re.search(r"(?:前|进步|前进)$", c.back(2))):
        return "ordinal"  # 人均GDP进入全国前8位, 前100名榜单, 一年进步6位
    if q.base_unit in ("位", "个位次", "名") and re.search(r"(?:排名|排位|位次|名次)[^，。；]{0,10}$", c.back(16)):
        return "ordinal"  # 排名分别上升31名和18名: places in a ranking
    if q.unit in ("轮", "期", "届", "代") and c.spelled and c.word_follows:
        return "ordinal"  # 三期工程
    return ""


def streak(c: Candidate) -> str:
    """How long a run lasted, not a count of work: 连续3届荣获金奖, 连续4次获评全国优秀.

    >>> why("连续3届荣获金奖", "3"), why("连续330余天确诊病例零新增", "330")
    (('streak', 'streak'), ('streak', 'streak'))
    """
    if c.q.base_unit in ("天", "个月", "周", "个季度", "季度") and c.back(2) == "连续":
        return "streak"  # 连续330余天确诊病例“零新增”
    return "streak" if c.q.base_unit in ("届", "次") and c.back(2) == "连续" else ""


def name_with_digits(c: Candidate) -> str:
    """A number inside a name: 四类村庄认定 (a class), 二次供水 ("secondary"), 中央八项规定, 5G.

    >>> why("完成四类村庄认定", "四"), why("落实中央八项规定精神", "八"), why("改造二次供水设施", "二")
    (('name_with_digits', 'name or size class'), ('name_with_digits', 'name with digits'), \
('name_with_digits', 'name with digits'))
    """
    before = c.back(1)
    if c.q.unit == "类" and c.spelled and c.word_follows:
        return "name or size class"  # the classes of a scheme, not a count of work
    if c.text[c.q.start : c.q.end] == "二次" and c.word_follows:
        return "name with digits"  # a count says 两次
    if c.spelled and re.match(r"规定", c.ahead(6)):
        return "name with digits"  # (a count of rules is written 出台10项规定)
    if before and before.isascii() and (before.isalnum() or before in ".-") and c.back(3) != "GDP":
        return "name with digits"  # (人均GDP10万元, 地均GDP70.75亿元: the measure, then its figure)
    return ""


def plan_outline(c: Candidate) -> str:
    """How the plan is built, not a goal: 提出五大类21个主要指标，包括13个预期性指标.

    >>> why("提出五大类21个主要指标，包括13个预期性指标", "21")
    ('plan_outline', "the plan's outline")
    >>> why("居民人均可支配收入增长与经济增长同步等16个预期性指标", "16")
    ('plan_outline', "the plan's outline")
    >>> why("以上共计28项指标，其中预期性指标19项、约束性指标9项", "19")
    ('plan_outline', "the plan's outline")
    """
    outline = re.search(r"(?:提出|设置|设定|包括|其中|确定|以及)[^。；]{0,40}$", c.back(48))
    kind = re.match(r"(?:(主要|量化)|(预期性|约束性))?指标(?!体系|全面完成|全部完成|完成)", c.ahead(12))
    # (预期性/约束性 indicators are the plan's own words for its parts, whatever verb comes before)
    if c.q.base_unit in ("个", "项") and kind and (outline or kind.group(2)):
        return "the plan's outline"
    named_before = re.search(r"(?:预期性|约束性)指标$|(?:共计|共|合计)$", c.segment)
    if c.q.base_unit in ("个", "项") and named_before and (named_before.group().endswith("标") or kind):
        return "the plan's outline"  # 以上共计28项指标，其中预期性指标19项、约束性指标9项
    return ""


def restatement(c: Candidate) -> str:
    """The year's target said again while explaining it: 6.5%左右的增速可以实现比较充分的就业, 5.5%左右的预期增长目标.

    >>> why("从就业吸纳能力看，6.5%左右的增速可以实现比较充分的就业", "6.5")
    ('restatement', 'restatement')
    """
    said_again = re.match(r"左右的(?:预期)?(?:增长)?(?:目标|增速|速度)|的预期(?:增长)?目标", c.ahead(10))
    # 有6.5%－7%的增速就能够实现…: the growth the target gives, said while explaining it
    said_again = said_again or (c.back(1) == "有" and re.match(r"(?:[－—-]+[\d.]+%)?的增速", c.ahead(10)))
    return "restatement" if c.q.unit == "%" and said_again else ""


def comparison_base(c: Candidate) -> str:
    """The year before, for comparison: 企业总量达到6759家（上年5842家）.

    >>> why("企业总量达到6759家（上年5842家）", "5842"), why("将原需2小时才能完成的围合时间压缩至30分钟", "2")
    (('comparison_base', 'comparison base'), ('comparison_base', 'comparison base'))
    """
    if re.search(r"从20\d\d年的?$", c.back(8)) and re.match(r"[，,]", c.ahead(1)):
        return "comparison base"  # 从2020年3847亿元，三年跨越两个千亿大关: where the years began
    if re.search(r"原定的?(?:近|约)?$|原计划的?(?:近|约)?$|原(?:来|本)?需(?:要)?(?:近|约)?$", c.back(6)):
        return "comparison base"  # 减税降费2.36万亿元，超过原定的近2万亿元规模
    return "comparison base" if re.search(r"[（(](?:上年|去年|上一年|20\d\d年)(?:为|同期)?$", c.back(8)) else ""


def forecast(c: Candidate) -> str:
    """A figure the year may still reach, said in the review: 全年有望历史性突破三千亿元大关.

    >>> why("全年有望历史性突破三千亿元大关", "三千"), why("建成后将惠及4市1800万人", "1800")
    (('forecast', 'forecast'), ('forecast', 'forecast'))
    """
    if re.search(r"(?:建成|投产|投用|达产|运营)后(?:将|可)[^，。；]{0,16}$", c.segment):
        return "forecast"  # 水资源配置工程开工建设，建成后将惠及…1800万人
    return "forecast" if re.search(r"有望[^，。；]{0,8}$", c.back(12)) else ""


def task_set(c: Candidate) -> str:
    """The size of a task set from above, not what was done: 超额完成国家下达的110万人就业任务; a rank moved
    (排名上升1个位次) is a rank, not a count.

    >>> why("城镇新增就业132万人、超额完成国家下达的110万人就业任务", "110")
    ('task_set', 'task set')
    """
    if re.search(r"下达的?$", c.segment) and re.match(r"[^，。；]{0,8}?(?:任务|目标|计划)", c.ahead(12)):
        return "task set"
    if c.q.unit == "个" and c.ahead(2) == "位次":
        return "task set"
    if c.q.unit == "位" and re.search(r"(?:跃升|上升|提升|前移|提高|晋升)了?$", c.segment):
        return "task set"  # 较2022年跃升11位
    return ""


def potential(c: Candidate) -> str:
    """What could be done, not what will be or was: 通过城市更新可释放土地资源265万平方米.

    >>> why("通过城市更新可释放土地资源265万平方米", "265")
    ('potential', 'potential')
    """
    could = re.search(r"(?<![认许])可(?:释放|拓展|腾出|节约|节省|减少|带动|拉动|容纳)[^，。；]{0,12}$", c.segment)
    return "potential" if could else ""


def site_size(c: Candidate) -> str:
    """How big a site is, said to tell which: 占地250公顷约20万工人的特大型工厂.

    >>> why("管控占地250公顷约20万工人的特大型工厂", "250")
    ('site_size', 'site size')
    >>> why("占地80.9万、建面200万平方米的未来科技城", "80.9"), why("占地80.9万、建面200万平方米的未来科技城", "200")
    (('site_size', 'site size'), ('site_size', 'site size'))
    >>> why("新开工建筑面积200万平方米", "200"), why("156平方公里土地上，不允许存留一片黑臭水体", "156")
    (('', ''), ('site_size', 'site size'))
    """
    area = c.q.base_unit in ("平方米", "亩", "公顷", "平方公里", "")
    if c.q.base_unit == "平方公里" and re.match(
        r"(?:[^，。；\d]{0,4}?(?:大地|热土|土地上|辖区))|的[\u4e00-\u9fff“”]{2,10}?(?:中心区|小镇|新城|凤凰城|城)(?:[，、。；]|$)",
        c.ahead(14),
    ):
        return "site size"  # 156平方公里土地上, 15平方公里的凤凰城: the place named, not land to work on
    if area and re.search(r"(?:占地|占地面积|建面|建筑面积|总建筑面积|规划面积)(?:约|近|超)?$", c.back(6)):
        # 占地80.9万、建面200万平方米的“互联网+”未来科技城: the size of a place, said to tell which
        return "site size" if c.back(2) == "占地" or re.match(r"[^，。；\d]{0,4}的", c.ahead(6)) else ""
    return ""


def field_of(c: Candidate) -> str:
    """The things a count is taken among, not a count of work: 国家公布产量的104种工业产品中，广东有…第一.

    >>> why("国家公布产量的104种工业产品中，广东有47种产量全国第一", "104")
    ('field_of', 'field')
    """
    among = re.match(r"[^，。；\d]{0,10}?中[，,有]", c.ahead(14))
    return "field" if among and c.q.unit in ("种", "个", "项", "家", "类") else ""


def state_of_today(c: Candidate) -> str:
    """In a plan, what is said of today is no goal: 百亿元链主工业企业仅11家, 宝安拥有5万多家制造业企业,
    没有500亿元以上的工业企业, 与第一名有着710亿元的差距 (in a review the same words are results).

    >>> why("百亿元链主工业企业仅11家", "11"), why("与第一名有着710亿元的差距", "710")
    (('state_of_today', 'state of today'), ('state_of_today', 'state of today'))
    >>> why("已累计完成土地整备2.58平方公里", "2.58")
    ('state_of_today', 'state of today')
    >>> why("龙华这座175.6平方公里的建成区，承载着1亿多平方米建筑体量", "1"), why("占比高达81%的非户籍人口", "81")
    (('state_of_today', 'state of today'), ('state_of_today', 'state of today'))
    >>> why("全区现有超10亿企业111家", "111"), why("这8条要点，每一条都来源于基层", "8")
    (('state_of_today', 'state of today'), ('state_of_today', 'state of today'))
    """
    if not c.plan:
        return ""
    only = re.search(r"仅(?:有|为|占)?$", c.segment) and not re.search(r"仅用$", c.segment)
    owned = re.search(r"(?<!人)(?<!人口)(?:拥有|现有|已有|没有|尚无|还没有)$", c.segment)  # (每千人口拥有: a rate)
    # 已累计完成土地整备2.58平方公里: done already, said in the plan as where the year starts
    done = re.search(r"已(?:经)?(?:累计)?(?:完成|建成|实现|形成|集聚|落地)[^，。；\d]{0,12}$", c.segment)
    gap = re.match(r"的差距", c.ahead(3)) or re.search(r"(?:相距|差距)(?:不足|约|近|达)?$", c.segment)
    # 龙华这座175.6平方公里的建成区, 承载着1亿多平方米建筑体量, 占比高达81%的非户籍人口: the place as it is
    owned = owned or re.search(r"这(?:座|片)?$|(?:承载|编织|拥有|汇聚|聚集|坐拥)着$", c.segment)
    owned = owned or re.match(r"(?:全[区市省县])?(?:现有|目前有)(?!的)", c.segment)  # 全区现有超10亿企业111家
    owned = owned or (re.search(r"(?:占比|比例|比重)高?达$", c.segment) and c.ahead(1) == "的")
    # 今年高校毕业生749万人; 一季度…地区生产总值增长9.6% (开门红): the year's start, reported in the plan
    people = re.fullmatch(r"(?:今年|全年)?(?:全国)?高校毕业生(?:人数)?(?:将|预计)?(?:高?达到?|超过|规模)?", c.segment)
    sentence = c.text[max(c.text.rfind("。", 0, c.q.start), c.q.start - 80) : c.q.start]
    started = re.search(r"一季度|前两个月|1[—-]2月|开门红|统计局反馈", sentence)
    return "state of today" if only or owned or done or gap or people or started else ""


def rank_field(c: Candidate) -> str:
    """The field of a ranking, not a count: 在全省127个县（市、区）考核中位列第一, 居全市18个重点区域前列.

    >>> why("在全省127个县（市、区）考核中位列第一", "127"), why("投资增速居全市18个重点区域前列", "18")
    (('rank_field', 'rank field'), ('rank_field', 'rank field'))
    """
    field = re.search(r"(?:在|居|位居|位列|退出|进入)?(?:全国|全省|全市|全区|全球)$", c.back(5))
    ranked = re.match(
        r"[^，。；]{0,20}?(?:前列|排名|排位|第[一二三四五六七八九十\d]|考核|评比|后十|前十|中位)", c.ahead(24)
    )
    return "rank field" if c.q.base_unit == "个" and field and ranked else ""


def vague_amount(c: Candidate) -> str:
    """解决了一批群众急难愁盼问题.

    >>> why("解决了一批群众急难愁盼问题", "一")
    ('vague_amount', 'vague amount')
    """
    return "vague amount" if c.text[c.q.start : c.q.end] in ("一批", "一些", "一系列") else ""


def size_class(c: Candidate) -> str:
    """A size or a rank that names a kind (500强, 5万吨级), or the size in a project's name
    (推动吉林梅花60万吨赖氨酸等项目释放产能; the amount built, 建成700万千瓦新型储能项目, stays a goal).

    >>> why("培育5万吨级码头", "5"), why("推动吉林梅花60万吨赖氨酸等项目释放产能", "60")
    (('size_class', 'name or size class'), ('size_class', 'name or size class'))
    >>> why("建成市美术馆新馆等4个大型场馆", "4"), why("15个强县参照直管县管理", "15")
    (('', ''), ('', ''))
    >>> why("举办10场10万平方米以上展会", "10万")
    ('size_class', 'name or size class')
    """
    q = c.q
    if _NAME_AFTER.match(c.ahead(6)) and not (q.unit and c.ahead(1) == "强"):
        return "name or size class"  # (15个强县 counts counties; 500强 is a rank)
    if c.q.unit in ("项", "个") and re.match(r"[^，。；、\d]{0,10}体系(?:[，。；]|$)", c.ahead(14)):
        return "name or size class"  # 健全41项基础数据监测体系: the system's name, not work counted
    if c.back(2) == "时速":
        return "name or size class"  # 时速350公里的广汕汕高铁: a speed that says which railway
    if (q.unit == "人" and c.ahead(1) == "制") or (
        q.unit == "个" and re.match(r"[万千百]亿元?级?(?:台阶|关口|大关)", c.ahead(6))
    ):
        return "name or size class"  # 3人制篮球场; 连跨4个万亿元台阶 (the steps passed, not a count of work)
    if re.search(r"\d[场个家项座所]$", c.back(2)) and re.match(r"以上(?!的)[\u4e00-\u9fff]", c.ahead(3)):
        return "name or size class"  # 举办10场10万平方米以上展会: the size of each, the count is the goal
    capacity = q.base_unit in ("吨", "千瓦", "兆瓦", "吉瓦", "立方米") or q.unit.endswith("/年")
    built = _BUILT_BEFORE.search(c.back(4))
    if capacity and re.match(r"[^，。；、]{0,14}?(?:项目|工程)", c.ahead(18)) and not built:
        return "name or size class"
    if capacity and re.search(r"\d+(?:座|台|个|套|条)$", c.back(6)):
        return "name or size class"  # 3座35万千瓦光热电站: the size of each, the count is the goal
    return ""


def slogan(c: Candidate) -> str:
    """A name, not an amount of time: 15分钟生活圈, 24小时在线监控, 144小时过境免签.

    >>> why("打造15分钟生活圈", "15"), why("完善500米公共法律服务圈", "500"), why("加快实现主要城市间1小时通达", "1")
    (('slogan', 'slogan'), ('slogan', 'slogan'), ('slogan', 'slogan'))
    >>> why("500米公交站点覆盖率达到95%以上", "500"), why("打造20分钟会展影视文旅圈", "20")
    (('slogan', 'slogan'), ('slogan', 'slogan'))
    """
    if c.q.base_unit in ("米", "公里") and re.match(r"[^，。；、\d]{1,8}?圈", c.ahead(10)):
        return "slogan"  # 500米公共法律服务圈: a reach, named
    if c.q.base_unit in ("米", "公里") and re.match(r"[^，。；、\d]{0,8}?(?:覆盖率|服务半径)", c.ahead(12)):
        return "slogan"  # 500米公交站点覆盖率达到95%: the radius is part of the rate's name
    ahead = c.ahead(11)[1:] if c.ahead(1) == "“" else c.ahead(10)  # (24小时“不打烊”)
    return "slogan" if c.q.base_unit in ("分钟", "小时") and _AREA_SLOGAN.match(ahead) else ""


def age_bracket(c: Candidate) -> str:
    """Who is meant: 3岁以下婴幼儿, 65岁以上老年人 (not 人均预期寿命达到79.72岁).

    >>> why("为65岁以上老年人免费体检", "65"), why("人均预期寿命达到79.72岁", "79.72")[1]
    (('age_bracket', 'age bracket'), '')
    """
    return "age bracket" if c.q.base_unit == "岁" and not _AGE_MEASURED.search(c.back(24)) else ""


def grouping(c: Candidate) -> str:
    """Kinds before the count of the things: 落实6类21项工作措施, 筛选七大类42项指标 (the 21 and the 42 are counted).

    >>> why("落实6类21项工作措施", "6")
    ('grouping', 'grouping')
    """
    return (
        "grouping" if c.q.base_unit == "类" and re.match(r"\d|[一二三四五六七八九十百]+[项个条家]", c.ahead(3)) else ""
    )


def counted_slogans(c: Candidate) -> str:
    """A count of results named right after it: 创造了四个“历史新高”, 实现办结率和满意度两个100% (the results are
    the figures, or no figures at all).

    >>> why("创造了四个“历史新高”，", "四")
    ('counted_slogans', 'count of results')
    """
    if not c.spelled or c.q.unit != "个":
        return ""
    return "count of results" if re.match(r"“[^”]{2,10}”(?:[，。；、]|$)|\d+(?:\.\d+)?[%％]", c.ahead(14)) else ""


def quoted_name(c: Candidate) -> str:
    """Inside a quoted name: “3个100”行动; 首个“双过万亿”城市 (a title, the figure was given before).

    >>> why("开展“3个100”行动", "3")
    ('quoted_name', 'inside a quoted name')
    """
    a, b = quote_bounds(c.text, c.q.start)
    if a >= 0 and not re.match(r"双?[过超破突]", c.text[a + 1 : a + 3]):
        return "inside a quoted name"
    if a >= 0 and c.q.bare and re.match(r"[\u4e00-\u9fff]", c.text[b + 1 : b + 2]):
        return "inside a quoted name"
    return ""


def existing_asset(c: Candidate) -> str:
    """Something that already exists, or the places helped: 用好43个国家级平台, 支持29个扩权赋能县高质量发展,
    以环龙岐湾等4个片区为重点 (but 利用地方政府债券978.6亿元 is a flow).

    >>> why("用好43个国家级平台", "43"), why("支持29个扩权赋能县高质量发展", "29")
    (('existing_asset', 'existing asset'), ('existing_asset', 'existing asset'))
    >>> why("以环龙岐湾等4个片区为重点", "4")
    ('existing_asset', 'existing asset')
    >>> why("要利用好175.1平方公里海域、52.98公里黄金海岸线", "52.98")
    ('reader', 'existing asset')
    """
    segment = c.segment
    if re.search(r"现有$|(?:我国|全国)有$", segment) and not re.search(r"获|入选|荣获|达到", c.ahead(16)):
        return "existing asset"  # 提质壮大现有8个万亿元级产业集群
    used_money = c.q.base_unit.endswith("元") and re.match(r"(?:继续)?利用", segment)
    # 围绕产业需求布局建设5条铁路专用线: what the work is for, then the work (a goal)
    aimed = re.match(
        r"(?:围绕|聚焦|面向|结合|根据|按照)[^，。；]{2,12}?(?:布局)?(?:建设|新建|建成|打造|培育)$", segment
    )
    if (_EXISTING.match(segment) or _EXISTING_LATE.match(segment)) and not used_money and not aimed:
        return "existing asset"
    helped = re.match(r"[^，。；、]{1,14}?(?:高质量发展|质效|发展壮大|做大做强)(?:[，。；、]|$)", c.ahead(24))
    if re.match(r"(?:支持|提升|推动|促进|带动)$", segment) and helped:
        return "existing asset"
    led = re.match(r"以", segment) or re.search(r"以[^。；]{2,40}$", c.back(44))
    if led and re.match(r"[^，。；]{0,14}为(?:重点|抓手|核心|载体|依托|引领|支撑|着力点|基础)", c.text[c.q.end :]):
        return "existing asset"
    return ""


def past(c: Candidate) -> str:
    """Said of the past or present (in a plan, not a goal): 遴选了12类, 60岁以上人口已达2.5亿; 交出了一份答卷 is prose.

    >>> why("遴选了12类重点产业", "12")
    ('past', 'past')
    """
    q = c.q
    one = q.chinese and q.value == 1 and not q.bare and q.unit not in ("倍", "番")
    said = re.search(r"[^为]了$|已(?:达|达到|有|经|超过|突破|立项|建成|开工|设立)的?$", c.segment)
    return "past" if said and not one else ""


def document_name(c: Candidate) -> str:
    """A count that names a document being carried out: 落实…30条措施, 实施扩大工业有效投资26条、…25条等系列措施
    (issuing new ones, 出台11项举措, is a goal).

    >>> why("落实稳增长30条措施，新增就业5万人", "30"), why("推动优化工商业电价机制12条举措落地见效", "12")
    (('document_name', 'document name'), ('document_name', 'document name'))
    """
    rest, segment = c.ahead(24), c.segment
    if c.q.base_unit in ("条", "项", "个") and _DOCUMENT_AFTER.match(rest) and _CARRY_OUT.match(segment):
        return "document name"
    carried = _CARRY_OUT.match(segment) or re.search(r"(?:落实|实施|贯彻|执行)[^，。；]*、[^，。；]*$", c.back(30))
    if c.q.base_unit == "条" and carried and re.match(r"[^。；]{0,24}?(?:等)?(?:系列)?措施", rest):
        return "document name"
    if c.q.base_unit == "条" and re.match(r"(?:落实|抓实)", segment) and re.match(r"[，。；]|[^，。；]{0,6}路径", rest):
        return "document name"  # (落实培育壮大市场主体30条，…: the count alone is the document's name)
    # …电价机制12条举措落地见效: the measures exist, what is promised is that they work
    if c.q.base_unit == "条" and re.match(r"(?:举措|措施|政策)(?:加快|全面|推动)?(?:落地见效|落地|落实)", rest):
        return "document name"
    return ""


def in_an_annex(c: Candidate) -> str:
    """其中新办10件，见附件: the annex lists them, the annotators leave them out.

    >>> why("其中新办10件，见附件", "10")
    ('in_an_annex', 'in an annex')
    """
    return "in an annex" if re.search(r"见附件", c.ahead(8)) else ""


def chinese_prose(c: Candidate) -> str:
    """A Chinese numeral in prose (统筹两个市场, 一份答卷), unless a creation verb governs it (新建城市书房两处) or it
    is a share (压减三分之一) or a multiple (增加两倍, 翻一番).

    >>> why("统筹两个市场", "两"), why("新建城市书房两处", "两")[1]
    (('chinese_prose', 'Chinese numeral in prose'), '')
    """
    q, segment = c.q, c.segment
    fraction = "分之" in q.number or q.number == "一半" or q.unit == "成"
    times = q.unit in ("倍", "番") and re.search(r"(?:增加|增长|提高|扩大|翻了?)$", segment)
    folded = re.search(r"[万亿]", c.text[q.start : q.end])  # 一千多万人次: an amount, however it is written
    bare_chinese = q.chinese and not (q.bare or fraction or times or folded or q.unit.startswith(("万", "亿", "千")))
    counted_result = bool(_RESULT_AFTER.match(c.ahead(24))) or bool(re.search(r"(?:组织)$", segment))
    if bare_chinese and (q.value == 1 or not (_creates(segment) or counted_result) or q.number in ("十", "百", "千")):
        return "Chinese numeral in prose"
    return ""


def scope(c: Candidate) -> str:
    """The places a result covers, or a height that says which: 实现10个街道全覆盖, 海拔1500米以上农村中小学.

    >>> why("建成街道级示范性托育机构11家，实现10个街道全覆盖", "10"), why("为海拔1500米以上学校建设供暖设施", "1500")
    (('scope', 'scope'), ('scope', 'scope'))
    >>> why("提供集老幼共托、医养照护等60项功能于一体的服务", "60")
    ('scope', 'scope')
    """
    if c.q.unit == "个" and re.match(r"(?:街道|地市|社区|乡镇|镇街|区县|县区|县|村)(?:全覆盖|各)", c.ahead(5)):
        return "scope"  # (10个街道各打造1个示范小区: the 1 is the goal)
    if re.search(r"集[^。；]{0,24}$", c.back(26)) and re.match(r"[^，。；\d]{0,8}于一体", c.ahead(10)):
        return "scope"  # 提供集…等60项功能于一体的服务: what the thing holds, said to describe it
    return "scope" if c.back(2) == "海拔" else ""


def who_is_meant(c: Candidate) -> str:
    """A bar that says who or what is meant: 15平方米以下的低收入家庭, 10万千瓦及以下燃煤机组, 30万千瓦以下煤电机组,
    所得额不到100万元的部分.

    >>> why("淘汰关停不达标的30万千瓦以下煤电机组", "30")
    ('who_is_meant', 'threshold')
    """
    tail = c.ahead(4)
    if c.q.unit == "%" and re.match(r"(?:以上)?(?:的)?(?:达|有)\d", c.ahead(6)):
        return "threshold"  # 工业产品中占全市比重100%达14种: the share says which products are counted
    classed = re.match(r"以上的?[\u4e00-\u9fff]{2}", tail) and c.q.base_unit in ("人", "平方米")
    counted = re.search(r"\d+\s*[家个所户处]\s*$", c.segment)
    rated = re.match(r"以上的?[\u4e00-\u9fff]{2,10}?(?:下降|增长|减少|上升)", c.ahead(16))
    if classed and (counted or rated):
        return "threshold"  # 30人以上重大劳资纠纷下降60%, 976家200平方米以上餐饮单位: which ones are meant
    if c.q.unit == "%" and re.match(r"(?:企业|个人)?所得税|税率", c.ahead(5)):
        return "name with digits"  # 企业和个人15%所得税优惠: a policy's name
    if re.match(r"以下(?!水平)的?[\u4e00-\u9fff]|以内的[\u4e00-\u9fff]|及以[上下][\u4e00-\u9fff]", tail) or (
        re.search(r"(?:不到|不足|(?<!不)低于|不超过)$", c.segment) and tail.startswith("的")
    ):
        return "threshold"
    return ""


def money_bar(c: Candidate) -> str:
    """A sum that the things counted pass: 投资过百亿元的龙头项目, 超万亿元城市, 703个村…达到百万元以上,
    投资超50亿元、超100亿元的重大产业项目, 年产值10亿元以上的…企业 (分别超过8万元、4.5万元 is a list).

    >>> why("引进投资过百亿元的龙头项目3个", "百"), why("培育年产值10亿元以上的农产品加工企业100家", "10")
    (('money_bar', 'threshold'), ('money_bar', 'threshold'))
    >>> why("继续培育超百亿、超千亿大型骨干企业", "百"), why("继续培育超百亿、超千亿大型骨干企业", "千")
    (('money_bar', 'threshold'), ('money_bar', 'threshold'))
    """
    if not c.money:
        return ""
    tail, before = c.ahead(4), c.back(1)
    passed = re.search(r"[过超]$|突破$", c.back(2))
    if passed and re.match(r"(?:以上|以下)?(?:的|城市|县市|省份|省|地市)", tail):
        return "threshold"  # (新增3个过三千亿元城市, 北方第一个过10万亿元省份)
    per_class = re.match(r"(?:以上|以下)(?:的)?(?:制造业|工业|产业|重大|重点)?(?:项目|企业)", tail + c.ahead(12)[4:])
    if per_class and _PER_ENTITY.search(c.segment) and not c.total:
        return "threshold"  # 抓好投资50亿元以上制造业项目
    if c.q.bare and re.match(r"(?:的)?(?:城市|地市|县|企业|园区|集群|产业链)", c.ahead(3)):
        return "threshold"
    classed = r"(?:以上)?的?[\u4e00-\u9fff]{0,4}?(?:企业|集群|项目)"
    if passed and re.match(rf"(?:、(?:超|过)[^，。；]{{1,6}}?)?{classed}", c.ahead(16)):
        return "threshold"  # 培育超百亿、超千亿大型骨干企业: bars of a class
    if c.q.bare and re.search(r"\d+[个家户]", c.segment):
        return "threshold"
    listed = re.search(r"分别[^，。；]{0,4}$", c.back(8))
    bars = _NEXT_BAR.match(c.text, c.q.end) and not c.total and not listed
    if bars and (re.search(r"[过超]$", before) or _BAR_END.search(c.text, c.q.end, c.q.end + 40)):
        return "threshold"
    if not c.total and not c.fund and re.match(r"(?:以上|以下)?的", tail) and _PER_ENTITY.search(c.segment):
        return "threshold"
    return ""


def bar_before_another(c: Candidate) -> str:
    """A bar with another number after it in the clause, which is the measure: 公交与轨道50米内换乘比例提升至93%,
    10亿元以上项目120个.

    >>> why("公交与轨道50米内换乘比例提升至93%", "50")
    ('bar_before_another', 'threshold')
    """
    tail = c.ahead(4)
    bar = re.search(r"([\u4e00-\u9fff]{2})(?:超过|超|过)$", c.back(4))
    owned = bar and not _CREATION.search(bar.group(1)) and c.q.unit not in ("%", "成", "") and "首个" not in c.back(12)
    if owned and tail.startswith("的") and not c.money and not c.total:
        return "threshold"  # 培育3个设计师超千人的工业设计基地 (but 建成超15万平方米的接驳站 is what is built)
    if not c.later_in_clause:
        return ""
    if c.q.base_unit in ("米", "公里") and re.match(r"(?:以内|内|范围内)[\u4e00-\u9fff]", tail):
        return "threshold"
    if not c.total and not c.fund:
        if re.match(r"(?:以上|以下)?的", tail):
            return "threshold"
        counted = c.q.base_unit in ("场", "次", "人次", "项", "个", "家", "名", "人", "批", "件")
        if c.back(2).endswith(("过", "超")) and not re.match(r"(?:以上)?[，。；、]", tail) and not counted:
            return "threshold"  # (举办超千场体育赛事、近百场…: 超 is a hedge on a count)
        if c.money and re.match(r"(?:以上|以下)[\u4e00-\u9fff“]", tail):
            return "threshold"
    if c.money and re.match(r"(?:以上|以下)?(?:项目|企业|的)", tail) and not c.total:
        return "threshold"
    return ""


RULES: tuple[Rule, ...] = (
    denominator,
    ordinal,
    streak,
    name_with_digits,
    plan_outline,
    restatement,
    forecast,
    task_set,
    site_size,
    field_of,
    state_of_today,
    potential,
    rank_field,
    comparison_base,
    vague_amount,
    size_class,
    slogan,
    counted_slogans,
    age_bracket,
    quoted_name,
    existing_asset,
    past,
    grouping,
    document_name,
    in_an_annex,
    chinese_prose,
    scope,
    who_is_meant,
    money_bar,
    bar_before_another,
)


def excluded_by(text: str, q: Quantity, *, seg_start: int, later_in_clause: bool, plan: bool = True) -> tuple[str, str]:
    """(rule, reason) for a quantity that is not a goal or outcome, ("", "") if it may be one."""
    c = Candidate(text, q, seg_start, later_in_clause, plan)
    for rule in RULES:
        reason = rule(c)
        if reason:
            return rule.__name__, reason
    return "", ""


def _creates(segment: str) -> bool:
    """A creation verb that governs the numeral: at the start of its segment or right before it
    (新建城市书房两处, 建成两处); not one inside a list of names (项目招引、要素保障、风险防范三项机制)."""
    head = _LEADING_FILLER.sub("", segment)
    return bool(_CREATION.match(head) or _CREATION.search(segment[-4:]) or re.search(r"(?:连添|新添|增添)$", segment))


def why(text: str, number: str) -> tuple[str, str]:
    """(rule, reason) for the first number of `text` written as `number`, read as a plan sentence (("", "") if
    it is kept; the rule is "reader" when the reading carried the reason over from the figure before it)."""
    from .reader import reading_of

    r = reading_of(text, number)
    return (r.excluded_by or ("reader" if r.excluded else "")), r.excluded
