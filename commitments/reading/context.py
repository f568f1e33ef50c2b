"""Read one quantity in its sentence: its hedges, its subject (indicator), its quote.

Whether it is a goal or an outcome at all is decided in exclusions.py.

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
    r"提出|保持(?=[\u4e00-\u9fff]{4})|安排(?=[\u4e00-\u9fff]{3})|培植|(?:到)?“?十[一二三四五六]五”?(?:时期|期间|末)|(?:到)?20\d\d年(?:底|末)?(?:前)?|年底前?|年均|累计|进一步|预计|预期|"
    r"共(?![享建同青])|总计|全面|分别|"
    r"确保全年|力争全年|上半年|下半年|(?:用)?[一二两三四五六七八九十\d]{1,2}年(?:内|时间|间)|三年|两年|五年|(?:近|过去)?[一二三四五六七八九十\d]{1,2}年(?=(?:累计|共|来)?(?:净?增加|增长|提升|提高|下降|减少|新增|净增))|我市|我区|全力|大力|积极|加快|继续|扎实|着力|持续|深入|示范带动|"
    r"将(?=[\u4e00-\u9fff“]{2})(?!军|来)|把(?!握|关)|稳步|各地|先(?=发行|安排)|[\d一二三四五六七八九十]+个月内?|"
    r"本[省市区县](?=[\u4e00-\u9fff]{2})|[使让](?=[\u4e00-\u9fff]{4})|首次|[一二三四五六七八九十]是|"
    r"(?:高标准|高质量|高水平)(?=新建|建设|建成|打造|完成|推进|改造|实施|举办|办好|筹集|办理)|"
    # a conjunction or the place of the whole before the name: 但赤字率, 在全国公开选调 (在粤就读的学生 keeps it)
    r"但|而(?=[\u4e00-\u9fff]{3})|在(?=全[国省市区县])|可(?=为)|"
    r"已(?=动工|开工)|及(?![时格])(?=[\u4e00-\u9fff]{3})|"
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
    r"增至|发展到|增加到|增长到|跃升至|跃升到|跃升|跨越|连跨|跨过|扩大到|预计|预期|可比|五年|跃上|迈上|跨上|站上|(?<![所存现实定])在|双过|“双过|“过|(?<![通经超])过|"
    r"要|将|可|继续|拟|安排|拟安排|目标是|目标为|尽快|早日|实际|历史性|一般在|一般|每人每月|每人每年|每生每年|每月|每年|缩短至|缩短到|压缩至|压缩到|扩展至|扩展到|扩展|"
    r"上升到|上升至|上升|调增到|调增至|调增|上调至|上调到|上调|(?<=资金)投入|(?<=投资)计划|稳定|双双|逆势|从无到有|同口径|翻了|翻|再破|(?<![打突识爆])破|持续|一直|始终|(?<=..)(?:大幅|显著|明显|快速|较快)|(?<=..)在20\d\d年|(?<=[\u4e00-\u9fff]{2})(?:近|用)?[\d一二三四五六七八九十]{1,2}年(?:来|间|内)?|(?<![平均同高中初优上次头])等)+$"
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
    excluded_by: str = ""  # the exclusion rule that gave `excluded` (exclusions.py)


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
    >>> clean_subject("全年为企业减负")  # (whose burden is the measure: 企业减负)
    '企业减负'
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
    >>> clean_subject("但赤字率"), clean_subject("居民消费价格涨幅在"), clean_subject("服务业增加值跨上")
    ('赤字率', '居民消费价格涨幅', '服务业增加值')
    >>> clean_subject("在全国公开选调公务员"), clean_subject("在粤就读的港澳学生")
    ('公开选调公务员', '在粤就读的港澳学生')
    >>> clean_subject("2018年前减少违法建筑"), clean_subject("五年内新增独角兽企业"), clean_subject("前海合作区企业")
    ('减少违法建筑', '新增独角兽企业', '前海合作区企业')
    """
    s = subject.strip(" \"'，、")
    # a figure at the front names the members, not the measure: 536个市重大项目、109个…分别完成
    s = re.sub(r"^(?:\d+(?:\.\d+)?[个家项条所处](?!月)|[\d.]+年(?:内|底前|底|末|前)?)(?=[\u4e00-\u9fff“])", "", s)
    # a hedge or a time inside a name is not the name: 被动房累计开工, 临空经济区年内完成投资, 3月份复工率,
    # 金融业预计实现增加值
    # (五年内 keeps its 年内: the leading filler below takes the whole 五年内, a time and not the name)
    s = re.sub(
        r"(?<=[\u4e00-\u9fff])(?<![一二两三四五六七八九十])(?:累计|年内|相继|即时|全年|预计)(?=[\u4e00-\u9fff]{2})",
        "",
        s,
    )
    # a modal or "again" before the change is not the name: 排放量要下降, “三公”经费再压减
    s = re.sub(r"(?<=[\u4e00-\u9fff])(?:要|将|再)(?=下降|降低|减少|压减|提高|增加|增长)", "", s)
    s = re.sub(r"^\d{1,2}月份?(?=[\u4e00-\u9fff]{2})", "", s)
    s = re.sub(r"(?<=[\u4e00-\u9fff]{2})[两二三四五六七八九十]个$", "", s)  # 智慧监管三个100%: the count of the results
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
    whose = re.search(r"为([\u4e00-\u9fff]{2,6}?)减负", subject)
    if whose and s == "减负":  # 为企业减负: whose burden is the measure
        s = whose.group(1) + s
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
