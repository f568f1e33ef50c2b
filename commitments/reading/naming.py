"""What a number measures: the indicator's name, decided by a pipeline of small named rules.

Each rule looks at one number in its clause (`Clause`) and either names it or passes. The first rule that
names the number wins, and the reading keeps the rule's name (`Reading.rule`), so that a wrong name on a new
report points to one rule: `explain(text, "5%")` tells which rule named a number and how.

Every rule's docstring shows its Chinese example, run as a doctest through `explain`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .context import (
    _GENERIC_SUBJECT,
    _VERB_ONLY,
    CLAUSE_SEPS,
    SEGMENT_SEPS,
    SENTENCE_SEPS,
    Reading,
    _back,
    _fwd,
    clean_subject,
    quote_bounds,
)
from .counted import counted_name, defines_set, split_predicate, without_event
from .indicators import short_name
from .names import split_names
from .numbers import Quantity
from .patterns import (
    COUNTED,
    FLOW_VERB,
    LEADING_FLOW,
    MEASURE_OF_WORKS,
    MEASURE_UNITS,
    OWN_VERB,
    PART_RATIO,
    RATIO,
    RENOVATION_BEFORE,
    SIZE_CLASS,
    TOPIC_HEAD,
    generic_named_before,
    listed_with,
    object_named_before,
    shared_predicate,
    subject_is_empty,
)
from .tokens import is_verb_phrase

#: a change told by its two ends: 高新技术企业从1628家增加到9400家, 森林覆盖率由31%提高到35%, 增至162家
CHANGE_TO = re.compile(
    r"(?:(?:增加|提高|提升|增长|跃升|扩大|上升|下降|降低|减少|缩小|压减|缩减|发展|增|降|减|升|跃居|达)(?:到|至)(?:20\d\d年(?:底|末)?的?|如今的?|目前的?)?|"
    r"(?:整合|合并|归并|精简|压减)(?:优化|重组)?(?:为|成|到|至))$"
)
#: the things merged, after the count they were before: 188个园区整合优化为120个
_MERGED = re.compile(r"^[\d.]+[个家所项座]([\u4e00-\u9fff]{2,10}?)(?:整合|合并|归并|精简|压减)")
_FROM = re.compile(r"(?:从(?!业|事)|由(?!于|此))(?=[^从由]*$)")  # (预制菜从业市场主体发展到1871家: no start)


@dataclass
class Clause:
    """One number with the text around it: what every naming rule may look at (normalised text)."""

    text: str
    r: Reading
    qs: list[Quantity]
    i: int
    subject: str  # the words right before the number, within its segment
    clause_start: int
    clause_end: int
    sentence_start: int
    start: int  # the part's start: no rule reads before it
    previous: list[Reading]  # the goals already read in this sentence

    @property
    def q(self) -> Quantity:
        return self.r.quantity

    @cached_property
    def cleaned(self) -> str:
        return clean_subject(re.sub(r"^[的]+", "", self.subject))

    @cached_property
    def before_start(self) -> int:
        """Where the clause before this one starts, in the same sentence (clause_start if there is none)."""
        if self.clause_start <= self.sentence_start:
            return self.clause_start
        return _back(self.text, self.clause_start - 1, CLAUSE_SEPS, self.sentence_start)

    @cached_property
    def after_end(self) -> int:
        end = _fwd(self.text, self.r.quote_end, SEGMENT_SEPS, self.clause_end)
        kinds = re.match(r"（[市区县旗、特]+）", self.text[end : self.clause_end])
        if kinds:  # 13个县（市、区）纳入…: the kinds of county are part of the noun
            end = _fwd(self.text, end + kinds.end(), SEGMENT_SEPS, self.clause_end)
        return end


@dataclass(frozen=True)
class Name:
    indicator: str
    quote_end: int | None = None  # a name read after the number widens the quote to it


Rule = Callable[[Clause], "str | Name | None"]


def task_done_share(c: Clause) -> str | None:
    """The share of a task done: 黄河“几字弯”攻坚战完成规划任务85%以上, 拆除违建…，完成市下达任务的168.4%.

    >>> explain("完成基础教育优化布局总任务的70%", "70")
    ('task_done_share', '基础教育优化布局总任务完成比例')
    >>> explain("拆除违建87.6万平方米，完成市下达任务的168.4%", "168.4")
    ('task_done_share', '拆除违建市下达任务完成比例')
    """
    m = re.fullmatch(r"(.*?)完成(.{0,14}?任务)的?", c.cleaned) if c.q.unit == "%" else None
    if not m:
        return None
    who = m.group(1) or (short_name(c.previous[-1].indicator) if c.previous and "下达" in m.group(2) else "")
    return f"{who}{m.group(2)}完成比例"


def industry_shares(c: Clause) -> str | None:
    """A term of the structure of the three industries: 三次产业比重调整为4.7∶46.2∶49.1.

    >>> explain("三次产业比重调整为4.7∶46.2∶49.1", "46.2"), explain("二、三产业比例调整为18.06：81.94", "81.94")
    (('industry_shares', '第二产业增加值比重'), ('industry_shares', '第三产业增加值比重'))
    """
    near = c.text[max(c.sentence_start, c.q.share_of[0] - 30) : c.q.share_of[0]] if c.q.share_of else ""
    if not re.search(r"三次产业|产业结构|一二三产|二、?三产业", near):  # (…三次产业结构进一步优化，调整为8.3∶41.4∶50.3)
        return None
    k = sum(1 for o in c.qs if o.share_of == c.q.share_of and o.start < c.q.start)
    parts = sum(1 for o in c.qs if o.share_of == c.q.share_of)
    first = 1 if parts == 2 else 0  # two terms are of the second and third industries
    return f"第{'一二三'[k + first]}产业增加值比重" if k + first < 3 else None


def respectively(c: Clause) -> str | None:
    """分别: the names before it go one by one with the numbers after it.

    >>> explain("城镇和农村居民人均可支配收入分别增长5%和6%", "6%")
    ('respectively', '农村居民人均可支配收入')
    >>> explain("全年接待游客1612万人次、实现旅游收入97亿元，分别增长14.5%、37.1%", "37.1")
    ('respectively', '实现旅游收入')
    >>> explain("城镇、农村低保补差水平分别从每月333元、147元提高到374元、172元", "172")
    ('respectively', '农村低保补差水平')
    >>> explain("教育、医疗卫生、公共安全分别支出68.6、29.2、34.2亿元", "29.2")
    ('respectively', '医疗卫生支出')
    """
    text, q = c.text, c.q
    p = text.rfind("分别", c.clause_start, q.start)
    if p < 0:
        return None
    group = [o for o in c.qs if p <= o.start < c.clause_end]
    change = re.search(r"(?:提高|增加|提升|降低|下降|减少|调整|扩大)(?:到|至)", text[p : c.clause_end])
    if change and re.search(r"[从由]", text[p : p + change.start()]):
        group = [o for o in group if o.start >= p + change.end()]  # 分别从333元、147元提高到374元、172元
    k = group.index(q) if q in group else 0
    names_from = _back(text, p, CLAUSE_SEPS, c.start)
    before = _back(text, names_from - 1, CLAUSE_SEPS, c.start) if names_from > c.start else names_from
    quiet = not any(before <= d.quantity.start < names_from for d in c.previous)
    if names_from == p and names_from > c.start and quiet:
        names_from = before  # the names sit in the clause before, which gives no number of its own
        p = names_from + len(re.split(r"全省|全国|均", text[names_from : p - 1])[0])
    # 集成电路与ICT、医药健康规模力争分别…: the hedge is not part of the last name
    names = split_names(re.sub(r"(?:力争|确保|争取)+$", "", clean_subject(text[names_from:p])), len(group))
    if names:
        # 536个市重大项目、109个…项目分别完成年度投资: the names are the members, the measure follows 分别
        measure = clean_subject(text[p + 2 : group[0].start]) if group else ""
        planned = re.fullmatch(r"完成(.{0,6}?(?:计划|任务))的?", measure)
        if planned and c.q.unit == "%":  # 分别完成年计划的118.2%、248.57%
            return f"{names[k]}完成{planned.group(1)}比例"
        # (教育、医疗卫生分别支出68.6、29.2亿元: what is measured is named once, after 分别)
        shared = measure in _GENERIC_SUBJECT or re.match(r"(?:高于|低于)|(?:支出|投入|投资|收入|出口|进口)$", measure)
        return names[k] + (measure if shared else "")
    earlier = [d for d in c.previous if d.quantity.start < p]  # not the group's own numbers read before this one
    if len(earlier) >= len(group) > 1:
        return earlier[len(earlier) - len(group) + k].indicator
    return None


def paired_list(c: Clause) -> str | None:
    """A list of names before a list of as many numbers pairs them one by one, 分别 or not.

    >>> explain("生产安全事故起数、死亡人数下降17.6%、11.6%", "11.6%")
    ('paired_list', '生产安全事故死亡人数下降')
    >>> explain("新发展家庭农场、农民合作社6000家、3000家", "3000家")
    ('paired_list', '新发展农民合作社')
    """
    listed = listed_with(c.text, c.qs, c.i, c.clause_start)
    if not listed or (listed[0] is c.q and c.i + 1 < len(c.qs) and c.qs[c.i + 1] not in listed):
        return None
    if len({o.base_unit for o in listed}) > 1 and any(o.base_unit in MEASURE_OF_WORKS for o in listed):
        return None  # 开工和续建23条、340公里地铁线路: a count and a length of the same lines, not a pair
    lead = clean_subject(c.text[c.clause_start : listed[0].start])
    verb = re.match(r"^(?:新发展|新培育|新增|新建|培育|建成)", lead)
    body = lead[verb.end() :] if verb else lead
    change = re.search(r"(?:同比)?(?:增长|下降|提高|降低|上涨|减少|增加)$", body)
    names = split_names(body[: change.start()] if change else body, len(listed))
    if not names:
        return None
    name = names[listed.index(c.q)]
    return (verb.group() if verb else "") + name + (change.group() if change and change.group() != "增长" else "")


def shares_earlier_names(c: Clause) -> str | None:
    """A bare list of numbers after a verb (增长5.1%和7.4%) takes the names of the numbers just before.

    >>> explain("城乡居民收入分别达到4.5万元、2.7万元，增长5.1%和7.4%", "7.4%")
    ('shares_earlier_names', '农村居民收入')
    """
    listed = listed_with(c.text, c.qs, c.i, c.clause_start)
    if listed and subject_is_empty(c.text, c.clause_start, listed[0]):
        earlier = [d for d in c.previous if d.quantity.start < c.clause_start]
        if len(earlier) >= len(listed) > 1:
            return earlier[len(earlier) - len(listed) + listed.index(c.q)].indicator
    return None


def change_from_to(c: Clause) -> str | None:
    """A change told by its two ends names the thing before 从/由: 高新技术企业从1628家增加到9400家.

    >>> explain("高新技术企业从1628家增加到9400家", "9400")
    ('change_from_to', '高新技术企业')
    >>> explain("森林覆盖率由31%提高到35%", "35%")
    ('change_from_to', '森林覆盖率')
    >>> explain("全省生产总值从2015年的2.6万亿元增长到2020年的3.62万亿元", "3.62")  # 生产总值: an alias of 地区生产总值
    ('change_from_to', '生产总值')
    >>> explain("市属重点国企由51家整合为33家", "33"), explain("188个园区整合优化为120个", "120")
    (('change_from_to', '市属重点国企'), ('change_from_to', '园区'))
    """
    if not CHANGE_TO.search(re.sub(r"(?:超过|超|近|约|接近)$", "", c.subject)):  # 增加到超1万亿美元
        return None
    lead = c.text[c.clause_start : c.q.start]
    m = _FROM.search(lead)
    if m is None:
        merged = _MERGED.match(lead)
        return merged.group(1) if merged else None
    name = clean_subject(lead[: m.start()])
    return name or None


def multiple_of_before(c: Clause) -> str | None:
    """A multiple of an earlier level is of the figure just given: 达到1220亿元、是2005年的3.5倍.

    >>> explain("高新技术产业增加值达到1220亿元、是2005年的3.5倍", "3.5")
    ('multiple_of_before', '高新技术产业增加值')
    """
    if c.q.base_unit == "倍" and c.previous and re.fullmatch(r"(?:是|为|相当于)[^，。；]{0,12}的", c.cleaned):
        return c.previous[-1].indicator
    if c.q.base_unit == "倍" and c.previous and c.previous[-1].quantity.base_unit == "倍" and c.cleaned.endswith("的"):
        return c.previous[-1].indicator  # 是全市的4.1倍、全国的23.6倍
    return None


_REACHING = "(?:实现|完成|达到|接入|纳入|开通)"


def share_of_following(c: Clause) -> str | None:
    """A share with no subject before it names what follows: 45%的规模以上工业企业实施数转智改.

    >>> explain("推动45%的规上工业企业实施数转智改", "45%"), explain("80%以上物业小区实现垃圾分类", "80")
    (('share_of_following', '规上工业企业数转智改比例'), ('share_of_following', '物业小区垃圾分类比例'))
    >>> explain("实现公办学校100%集团化办学", "100")
    ('share_of_following', '公办学校集团化办学比例')
    >>> explain("危险废物100%无害化处置", "100"), explain("老人日间照料中心100%全覆盖", "100")
    (('share_of_following', '危险废物无害化处置率'), ('share_of_following', '老人日间照料中心覆盖率'))
    >>> explain("固体废物100%安全处置", "100")
    ('share_of_following', '固体废物安全处置率')
    >>> explain("坚持将七成以上财政支出投入民生领域", "七"), explain("财政支出近八成投向民生领域", "八")
    (('share_of_following', '民生支出占财政支出比重'), ('share_of_following', '民生支出占财政支出比重'))
    """
    if c.q.unit not in ("%", "成"):
        return None
    after = c.text[c.r.quote_end : c.clause_end]
    # 七成以上财政支出投入民生领域, 财政支出近八成用于民生: the share of the spending that goes to a field
    spent = re.match(
        r"(?:以上|左右)?的?(\w{0,4}?(?:支出|资金|财力)?)(?:用于|投向|投入)(\w{2,6}?)(?:领域|事业)?$", after
    )
    whole = spent and (spent.group(1) or re.sub(r"^(?:坚持|每年|将|把)+", "", c.cleaned))
    if spent and whole and re.search(r"支出|资金|财力", whole) and not re.search(r"[\d、]", whole):
        return f"{spent.group(2)}支出占{'财政支出' if '财政' in whole else whole}比重"
    if c.q.unit != "%":
        return None
    share_of = re.match(r"(?:以上|左右)?的([^，。；、]{4,20})", after)
    # 80%以上物业小区实现垃圾分类: without 的, a share of the things that reach a result
    share_of = share_of or re.match(rf"(?:以上|左右)?([^，。；、\d]{{2,12}}?{_REACHING}[^，。；、\d]{{2,12}})", after)
    covered = re.fullmatch(r"(.{0,8}?)覆盖", c.cleaned)
    if covered and (noun := re.match(r"(?:以上|左右)?的?([\u4e00-\u9fff]{2,8})", after)):
        return f"{covered.group(1)}覆盖{noun.group(1)}比例"  # (5G网络)覆盖95%以上行政村
    if share_of and (not c.cleaned or _VERB_ONLY.fullmatch(c.cleaned)):
        return re.sub(r"(?<=.{2})(?:实施|实现|开展|完成)", "", share_of.group(1)) + "比例"
    # 保持国考断面100%达到Ⅲ类及以上, 实现公办学校100%集团化办学: the things before, the state they reach after
    state = re.fullmatch(r"(?:达到|实现)?([\u4e00-\u9fffⅠⅡⅢⅣⅤ]{2,12})", after)
    whose = re.sub(r"^(?:保持|实现|推动|确保)", "", c.cleaned)
    rated = re.search(r"率|比|增速|幅|指数|系数|强度|份额|按", whose)
    rated = rated or (state and re.match(r"安排|用于|的", state.group(1)))
    if state and len(whose) >= 2 and not rated and not re.search(r"(?:增长|下降|提高|降低)$", c.subject):
        done = _RATE_VERB.fullmatch(state.group(1))
        if done:  # 危险废物100%无害化处置 → 危险废物无害化处置率, 民生诉求100%按期办结 → …按期办结率
            return f"{whose}{done.group(1)}{done.group(2)}率"
        return f"{whose}{state.group(1)}比例"
    return None


#: an action whose share is said as its rate: 达标率, 覆盖率, 处置率, 办结率 (达到Ⅲ类 or 成为…社区 stay 比例)
_RATE_VERB = re.compile(
    r"(?:完成|持续)?([\u4e00-\u9fff]{0,4}?)(?:全(?=覆盖))?(达标|覆盖|处置|办结|履约|就业|纳管|转诊|利用|作业|核查|申办|办理|入学|"
    r"电动化|出列|回收|收集|处理|消纳|签约|接种|参保|联网|整改|核酸检测|建档|销号|清零)"
)


def fund_size(c: Clause) -> str | None:
    """The size of a fund: 设立10亿元规模预制菜基金.

    >>> explain("设立10亿元规模预制菜基金", "10"), explain("设立1000亿元的民营企业平稳发展基金", "1000")
    (('fund_size', '预制菜基金规模'), ('fund_size', '民营企业平稳发展基金规模'))
    """
    sized = re.match(r"(?:规模)?的?([\u4e00-\u9fff]{2,12}?基金)", c.text[c.r.quote_end : c.clause_end])
    if sized and c.q.base_unit == "元":
        return sized.group(1) + "规模"
    return None


#: what happened to a counted thing, kept before its name when it tells one series from another
#: (routes opened, awards won, rules issued, lines optimised, gangs broken up; building and generic doing add
#: nothing: 建成/新建/打造/培育/实施/完成 go, by the flow convention)
#: money put in by a verb alone (筹措7亿元…): what it pays for, or the money's own name, follows the number
_MONEY_VERB = re.compile(r"(?:投入|筹措|筹集|安排|统筹|拨付|下达|整合|落实|完成|争取|将|以)$")
_PURPOSE = re.compile(
    r"^(?:专项)?(?:用于)?(?:全面|大力|持续)?(?:实施|支持|扶持|推进|推动|开展|保障|奖补|补助|奖励|用于|提升|改善|加强|新建|改扩建)"
)
_MONEY_NAMED_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:投资|资金|收入|支出|销售额|产值|营业收入|贷款|债券|专项债|补贴|消费券)(?:(?![\u4e00-\u9fff])|(?=拉动|带动|撬动|惠及|支持))"
)


_WORKS_PAID = re.compile(
    r"(?:全面)?(完成|建成|启动|建设|新建|推进|实施)(?:剩余|第[一二三四五六七八九十]批)?"
    r"(?:[\d.]+[万千百]?(?:个|家|项|所|处|座|条|件|户|栋)(?:[^，。；、\d]{1,8}?等)?)?"
    r"([“”\u4e00-\u9fff]{2,16})"
)


def money_for_purpose(c: Clause) -> str | None:
    """Money with only its verb before it is named after the number, by itself or by what it pays for:
    全面完成200亿元环保投资 → 环保投资; 筹措7亿元实施就业惠民工程 → 就业惠民工程资金.

    >>> explain("全面完成200亿元环保投资，3月底前所有整治工程开工", "200")
    ('money_for_purpose', '环保投资')
    >>> explain("筹措7亿元实施就业惠民工程，开展稳岗扩容提质行动", "7")
    ('money_for_purpose', '就业惠民工程资金')
    >>> explain("加大扶持力度，安排1.54亿元扶持股份合作公司发展", "1.54")
    ('money_for_purpose', '扶持股份合作公司发展资金')
    >>> explain("消费活力释放，20.3亿元以旧换新补贴拉动消费", "20.3")
    ('money_for_purpose', '以旧换新补贴')
    >>> explain("以8亿元技改资金撬动企业投资", "8"), explain("争取161.4亿元超长期特别国债资金支持", "161.4")
    (('money_for_purpose', '技改资金'), ('money_for_purpose', '超长期特别国债资金'))
    >>> explain("投入1.33亿元完成省立绿道二号线改建", "1.33"), explain("投入7.6亿元建设“四道连通”慢行系统", "7.6")
    (('money_for_purpose', '省立绿道二号线改建投入'), ('money_for_purpose', '四道连通慢行系统建设投入'))
    >>> explain("投入20亿元启动剩余984个台区改造", "20")
    ('money_for_purpose', '台区改造投入')
    >>> explain("投入8亿元扶持科技与产业发展项目4593个", "8"), explain("投入500亿元全面提升县镇村医疗卫生水平", "500")
    (('money_for_purpose', '扶持科技与产业发展项目资金'), ('money_for_purpose', '全面提升县镇村医疗卫生水平资金'))
    """
    bare = not c.cleaned or _MONEY_VERB.fullmatch(c.cleaned)
    if not c.q.unit.endswith("元") or not bare:
        return None
    after = c.text[c.r.quote_end : c.after_end]
    named = _MONEY_NAMED_AFTER.match(after)
    if named and (_MONEY_VERB.search(c.subject.strip()) or not c.subject.strip()):
        return named.group()  # (20.3亿元以旧换新补贴拉动消费: the money's name follows it)
    if not _MONEY_VERB.search(c.subject.strip()):
        return None
    works = _WORKS_PAID.fullmatch(after)
    if works and c.subject.strip().endswith("投入"):
        # 投入1.33亿元完成省立绿道二号线改建: the money put into the works named after their count
        noun = works.group(2).replace("“", "").replace("”", "")
        return noun + ("建设" if works.group(1) in ("建设", "建成", "新建") else "") + "投入"
    purpose = _PURPOSE.match(after)
    if not purpose:
        return None
    goal = after[purpose.end() :] if purpose.group().endswith(("实施", "用于")) else after
    goal = re.sub(r"[\d.]+[万千百]?[个家项所处座条]$", "", goal)  # 扶持…项目4593个: the count is a figure of its own
    if not 2 <= len(goal) <= 16 or re.search(r"\d", goal):
        return None
    return goal + "资金"


#: a stage a counted thing reaches: the things just counted at another stage (开工390个、竣工437个)
_STAGE = re.compile(
    r"(?:基本|全部|已)?(?:开工|竣工|完工|建成|投产|供应|分配|交付|签约|落地|开业|通车|投用|办结|启动|入住|建成投用|竣工验收)"
)
_WORK_ON = re.compile(r"^(?:新增)?(?:筹集建设|建设筹集|新建筹集|筹集|建设|实施|新开工|开工|推进|筹建|谋划|储备|立项)")


def stage_of_previous(c: Clause) -> str | None:
    """A stage verb alone counts the things just counted, at that stage: 重大项目开工390个、竣工437个.

    >>> explain("自治区重大项目开工390个、竣工437个", "437")
    ('stage_of_previous', '自治区重大项目竣工')
    >>> explain("筹集建设公共住房1.76万套，竣工2551套", "2551")
    ('stage_of_previous', '公共住房竣工')
    """
    if not _STAGE.fullmatch(c.cleaned) or not c.previous:
        return None
    last = c.previous[-1]
    if last.quantity.base_unit != c.q.base_unit:
        return None
    noun = _WORK_ON.sub("", re.sub(rf"{_STAGE.pattern}$", "", last.indicator))
    return noun + c.cleaned if len(noun) >= 2 else None


_EVENTS = (
    r"新开通|开通|引进|承接|出台|获批设立|获批建设|获批|获评|开业运营|举办|承办|优化调整|优化|创建|提供|购置|打掉|刑拘|"
    r"清理规范|取消|下放|新设|新开办|认定|资助|处置|化解|精细化治理|专项治理"
)
_EVENT_BEFORE = re.compile(rf"(?:{_EVENTS})$")
#: a verb alone before the number says what was done to the things counted (释放75公顷土地),
#: and stays in the name, unless it only builds or works on them (建成, 推进, 打造: by the flow convention)
_LONE_VERB = re.compile(
    r"(?:力争|确保|全年|年内|今年|累计|共|再|计划)*([\u4e00-\u9fff]{2,4}?)(?:至少|不少于|超过|超|近|约)?"
)
_WORKING = re.compile(
    r"完成|建|推动|推进|打造|实施|培育|达|推出|开展|实现|加快|抓好|布局|形成|制定|争创|办好|安排|争取|加大|促进|组织|统筹|"
    r"滚动|构建|支持|用于|合计|来自|选|设置|攻坚|梳理|探索|集中|迈上|突破|总|其中|首批|创|每|全|是|为|有|在|的|等|和|及|与|、|"
    r"力争|确保|剩余|超过|占地|涵盖|完善|加强|强化|做好|办成|提高|提升|改善|巩固|保障|安装|解决"
)
_RENOVATION_LEAD = re.compile(
    r"^(?:启动|完成|全面|力争|年内|全年)*(?:升级改造|提升改造|更新改造|维修改造|改造提升|整治提升|提质升级|综合整治|改造)"
)
_EVENT_LEADS = re.compile(rf"^[\s　]*(?:力争|确保|年内|全年|累计|先后|相继)?(?:{_EVENTS})")


#: what measures counted mid-name are about, after the verb that issued them: 出台外贸高质量发展32项措施
_MEASURES_ABOUT = re.compile(r"(?:[^，。；、]{0,5}?(出台实施|制定出台|出台|制定|推出|印发))?(.{2,16}?)的?")


#: words after a number that name no thing: the mark passed or the task, with the thing named before the number
_NAMED_BEFORE = r"“?(?:新?台阶|大关|关口|(?:目标|年度|硬)?任务|进展|目标)”?"


def counted_noun_after(c: Clause) -> Name | None:
    """The counted thing follows the number: 培育2家国家级农业产业化龙头企业, 开工建设26个重大项目.

    >>> explain("培育2家国家级农业产业化龙头企业", "2")
    ('counted_noun_after', '国家级农业产业化龙头企业')
    >>> explain("开工建设26个重大项目", "26")
    ('counted_noun_after', '重大项目开工')
    >>> explain("4个机场相继建成", "4"), explain("完成25.6万亩高标准农田新建改造任务", "25.6")
    (('counted_noun_after', '机场'), ('counted_noun_after', '高标准农田新建改造'))
    >>> explain("新开通19条国际客货运航线", "19"), explain("引进清华大学研究院等20个高水平科研机构", "20")
    (('counted_noun_after', '新开通国际客货运航线'), ('counted_noun_after', '引进高水平科研机构'))
    >>> explain("建成20个500千伏输变电工程", "20")
    ('counted_noun_after', '建成500千伏输变电工程')
    >>> explain("优化242条公交线路", "242"), explain("培育2家龙头企业", "2")
    (('counted_noun_after', '优化公交线路'), ('counted_noun_after', '龙头企业'))
    >>> explain("实施22项稳增长财政政策和25项稳外贸举措", "22"), explain("减免7项基本服务收费", "7")
    (('counted_noun_after', '稳增长财政政策'), ('counted_noun_after', '减免基本服务收费'))
    >>> explain("新开工梅州至平远等15项950公里高速公路项目", "15"), explain("升级改造4家社康中心", "4")
    (('counted_noun_after', '新开工高速公路项目'), ('counted_noun_after', '社康中心升级改造'))
    >>> explain("13个县（市、区）纳入扶持范围", "13")
    ('counted_noun_after', '纳入扶持范围县（市、区）')
    >>> explain("3部作品荣获中宣部“五个一工程”奖", "3")
    ('counted_noun_after', '荣获中宣部“五个一工程”奖作品')
    >>> explain("力争释放75公顷土地", "75"), explain("盘活120公顷低效用地", "120")
    (('counted_noun_after', '释放土地'), ('counted_noun_after', '盘活低效用地'))
    >>> explain("推动29个已批规划项目实施", "29"), explain("推动100项以上的大赛优秀项目在区内产业化", "100")
    (('counted_noun_after', '已批规划项目实施'), ('counted_noun_after', '大赛优秀项目在区内产业化'))
    >>> explain("出台实施促进消费的29项措施", "29"), explain("集体经济健康发展16条措施", "16")
    (('counted_noun_after', '出台促进消费措施'), ('counted_noun_after', '集体经济健康发展措施'))
    """
    text, q, r = c.text, c.q, c.r
    noun = text[r.quote_end : c.after_end]
    nxt = c.qs[c.i + 1] if c.i + 1 < len(c.qs) else None
    if (
        nxt
        and nxt.start in (r.quote_end, r.quote_end + 1)
        and text[r.quote_end : nxt.start] in ("", "、")
        and (nxt.base_unit in MEASURE_OF_WORKS)
    ):
        # 15项950公里高速公路项目, 23条、340公里地铁线路: the length is of the things counted
        noun = text[nxt.end : _fwd(text, nxt.end, SEGMENT_SEPS, c.clause_end)]
    elif nxt and r.quote_end < nxt.start < c.after_end and text[nxt.start - 1] in "和及与":
        noun = text[r.quote_end : nxt.start - 1]  # 实施22项A和25项B: each count names its own noun
    noun = re.sub(r"^(?:力争|确保|争取)?(?:20\d\d年(?:底|末)?前?|年内|年底前)", "", noun)  # 1.2万套力争2025年全部交付
    noun = re.sub(r"(?:建设任务|的建设|建设|等)$", "", noun).strip()
    rest_of_set = c.previous and re.fullmatch(r"(?:全部|基本|全面)?(?:交付|完成|建成|开工|投用)", noun)
    if (
        re.match(r"(?:全部|全面|均|已(?!批)|顺利|基本(?=完成|建成|实现|消除|达到|解决|覆盖|具备))", noun)
        and not rest_of_set
    ):
        return None  # 政协提案622件全部办复: what follows says what happened, the name is before the number
    noun = re.sub(r"(?<=..)(?:相继|陆续|先后)(?=开通|建成|投用|竣工|开工|通车)", "", noun)  # 40条高速公路相继开通
    if re.match(r"参[与加]", noun):
        return None  # 5.2亿人次参与: who took part is named before the number
    noun, predicate = split_predicate(noun)
    # how and when it happened is not what was counted: 4个机场相继建成, 180万亩休耕种草任务提前完成
    noun = re.sub(r"(?<=..)(?:相继|加速|得到|基本|提前|陆续|先后|全部|均已|均|已经|已|精彩|平稳)$", "", noun)
    noun = re.sub(r"(?<=重建|改造|建设|脱贫|种植|治理|新建|整治|搬迁|种草|加固)任务$", "", noun)
    # (a number inside a quoted name is no figure: 荣获“五个一工程”奖)
    if any(r.quote_end < o.start < c.after_end and quote_bounds(text, o.start)[0] < 0 for o in c.qs[c.i + 1 :]):
        predicate = ""  # 1517个省市县重点项目完成投资2575亿元: the words before the next number are its subject
    elif not predicate:
        predicate = shared_predicate(text, c.qs, c.i, c.after_end, c.clause_end)
    if not defines_set(predicate):
        noun = generic_named_before(noun, c.previous)
    noun = counted_name(noun, predicate)
    if SIZE_CLASS.fullmatch(noun):
        # 打造2条千亿级、15条百亿级产业链: a size class names no thing; the list's last noun does
        head = re.search(r"级([\u4e00-\u9fff]{2,8})", text[c.after_end : c.clause_end])
        if head:
            noun += head.group(1)
    if not (2 <= len(noun) <= 24) or q.base_unit in MEASURE_UNITS or re.fullmatch(_NAMED_BEFORE, noun):
        return None  # (突破百万吨大关, 森林抚育提升200万亩任务: the thing is named before the number)
    if re.fullmatch(r"(?:全部|基本|全面)?(?:交付|完成|建成|开工|投用)", noun) and c.previous:
        same = c.previous[-1]  # 交付3.2万套，剩余1.2万套力争2025年全部交付: the rest of what was just counted
        if same.quantity.base_unit == q.base_unit:
            return Name(same.indicator, r.quote_end + len(text[r.quote_end : c.after_end].rstrip()))
    counted = q.base_unit in ("个", "项", "家", "所", "座", "条", "处") and not is_verb_phrase(noun[1:])
    if q.base_unit in MEASURE_OF_WORKS or counted:  # (实现从0到55所的跃升: no thing after 的)
        noun = re.sub(r"^的(?=[\u4e00-\u9fff]{2})", "", noun)  # 建设了6200多公里的污水管网, 100项以上的大赛优秀项目
    # a number inside the noun is a size (500千伏输变电工程, 24小时自助政务服务区), not another count
    size = r"\d(?![\d.]*(?:千伏|小时|万?吨级|米级?|A级|G|周?岁))"  # (和美乡村 is a noun, not 和 another count)
    # (新建成道路168条共46公里: a total of the same things; 9.3批次/千人: a rate's unit)
    if re.match(rf"^(?:以上|以下|左右|以内|的|和(?!美|谐)|[，。；、及与/]|%|{size}|(?:共|合计|总计)\d)", noun):
        return None
    before = text[c.clause_start : q.start]
    flow = FLOW_VERB.search(before[-8:]) or _EVENT_BEFORE.search(before[-6:])
    if not flow and before.rstrip().endswith("等"):
        # 引进A、B等20个高水平科研机构, 新开工A至B等15项…: the verb at the head of the list
        flow = _EVENT_LEADS.match(before) or LEADING_FLOW.match(before.lstrip())
    verb = flow.group() if flow else _lone_verb(before, noun)
    about = (
        _MEASURES_ABOUT.fullmatch(before.strip()) if re.fullmatch(r"(?:政策)?(?:措施|举措)|具体举措", noun) else None
    )
    if about and not flow and not re.search(r"[\d“”]", about.group(2)):
        # 出台外贸高质量发展32项措施: what the measures are about comes before their count
        verb, noun = "出台" if about.group(1) else "", about.group(2) + noun
    quoted = re.search(r"“([^“”]{2,8})”$", before)
    if quoted:  # “揭榜挂帅”20个应用场景: the quoted words say which kind
        noun = quoted.group(1) + noun
    if re.search(r"(?<!新)开工(?:建设)?$", before) and noun.endswith("项目"):
        noun += "开工"  # 开工建设26个重大项目 counts projects started: an event, after the noun
    renovated = RENOVATION_BEFORE.search(before.rstrip())
    if not renovated and before.rstrip().endswith(("等", "、", "和")):
        # 维修改造机场大道、友谊路等58条重要道路, 启动改造19个城中村、180个城镇老旧小区: the list's verb
        lead = _RENOVATION_LEAD.match(before.lstrip())
        renovated = lead and re.search(RENOVATION_BEFORE.pattern, lead.group())
    if renovated and not verb and not noun.endswith(renovated.group()):
        noun += renovated.group()  # 改造7公里老旧污水管网 → 老旧污水管网改造, as 改造 X is named everywhere
    return Name(verb + noun, r.quote_end + len(text[r.quote_end : c.after_end].rstrip()))


def _lone_verb(before: str, noun: str) -> str:
    """The verb that is all the clause says before the number, when it tells what was done (释放, 盘活)."""
    lone = _LONE_VERB.fullmatch(before.strip())
    done = lone.group(1) if lone else ""
    if not done or _WORKING.search(done) or OWN_VERB.match(done) or RENOVATION_BEFORE.search(done):
        return ""
    return done if is_verb_phrase(done) and done not in noun else ""


def shares_first_verb(c: Clause) -> str | None:
    """Later items of a list share the verb (and 乡村/农村) of the first: 建成中小学55所、幼儿园120所.

    >>> explain("建成中小学55所、幼儿园120所", "120"), explain("更新改造复康路等道路80条、桥梁15座", "15")
    (('shares_first_verb', '建成幼儿园'), ('shares_first_verb', '桥梁更新改造'))
    >>> explain("引进首席工程师10名和杰出工程师100名", "100")
    ('shares_first_verb', '引进杰出工程师')
    """
    previous, cleaned = c.previous, c.cleaned
    joined = previous and c.text[previous[-1].quote_end : c.q.start][:1]
    listed_after = (
        previous
        and c.text[previous[-1].quote_end : c.r.subject_start].strip() in ("、", "")
        and joined in ("、", "和", "及")
    )
    if listed_after and joined != "、":
        cleaned = cleaned[1:]  # 培养引进首席工程师10名和杰出工程师100名
    if not (cleaned and listed_after and previous[-1].quantity.start >= c.clause_start):
        return None
    flow = LEADING_FLOW.match(previous[-1].indicator)
    works = RENOVATION_BEFORE.search(previous[-1].indicator)
    plain = not re.search(r"改|治理|整治|抚育|加装|项目|占|率|比重", cleaned) and c.q.base_unit not in MEASURE_UNITS
    if works and not flow and plain and not OWN_VERB.match(cleaned):
        # 更新改造复康路等道路80条、桥梁15座 → 桥梁更新改造; 改造提升乡村中小学110所、幼儿园252所 → 乡村幼儿园…
        place = re.match(r"(?:乡村|农村|城市|城区)", previous[-1].indicator)
        return (place.group() if place and not cleaned.startswith(place.group()) else "") + cleaned + works.group()
    if flow and not LEADING_FLOW.match(cleaned) and not OWN_VERB.match(cleaned):
        rest = previous[-1].indicator[flow.end() :]
        place = re.match(r"(?:乡村|农村|城市|城区)", rest)
        return flow.group() + (place.group() if place and not cleaned.startswith(place.group()) else "") + cleaned
    return None


def part_of_whole(c: Clause) -> str | None:
    """其中 parts keep the whole's verb: 新招引3亿元以上项目402个，其中10亿元以上项目106个.

    >>> explain("新招引3亿元以上项目402个，其中10亿元以上项目106个", "106")
    ('part_of_whole', '新招引10亿元以上项目')
    """
    previous, cleaned = c.previous, c.cleaned
    if not (cleaned and previous and c.text[c.clause_start : c.q.start].lstrip().startswith("其中")):
        return None
    flow = LEADING_FLOW.match(previous[-1].indicator)
    if flow and not LEADING_FLOW.match(cleaned) and not OWN_VERB.match(cleaned) and len(cleaned) > 3:
        return flow.group() + cleaned
    if len(cleaned) <= 3:  # 其中农村达到10.5万辆 after 新能源汽车保有量…: the part named before the whole
        return flow.group() + cleaned if flow else cleaned + previous[-1].indicator
    return None


def brought_about(c: Clause) -> str | None:
    """What the thing just counted brought about: 发放消费券超2.5亿元，拉动消费50亿元.

    >>> explain("发放消费券超2.5亿元，拉动消费50亿元", "50")
    ('brought_about', '消费券拉动消费')
    """
    if c.previous and re.match(r"(?:拉动|带动|撬动)", c.cleaned):
        return LEADING_FLOW.sub("", short_name(c.previous[-1].indicator)) + c.cleaned
    return None


def benchmark_gap(c: Clause) -> str | None:
    """The gap of the figure just given to a benchmark: 进口增长17.1%，高于全省14.4个百分点.

    >>> explain("进口增长17.1%，高于全省14.4个百分点", "14.4")
    ('benchmark_gap', '进口增速高于全省')
    >>> explain("建筑业增加值增长9.9%、比全市高4个百分点", "4")
    ('benchmark_gap', '建筑业增加值增速高于全市')
    """
    # 比全市高2.5个百分点 says 高于全市 in other words
    than = re.fullmatch(r"(?:增速)?比(全[国省市区县]|[^，。；、]{2,6}?平均水?平?)(高|快|低|慢)(?:出|了)?", c.cleaned)
    gap = f"{than.group(2)}于{than.group(1)}" if than else c.cleaned
    if c.previous and re.match(r"(?:高于|低于|快于|慢于)", gap):
        prev = c.previous[-1]
        rate = prev.quantity.unit == "%" and not RATIO.search(prev.indicator)
        return prev.indicator + ("增速" if rate else "") + re.sub(r"平均水平$", "", gap)
    return None


_COMPARED = re.compile(
    r"^(?:比|较)(?:20\d\d年|上一?年度?|去年|前一年|上年年初预算|同期)?(增加|提高|提升|改善|下降|降低|减少)了?$"
)


def compared_with_before(c: Clause) -> str | None:
    """The change of the figure just given: 赤字规模4.06万亿元，比上年年初预算增加1800亿元.

    >>> explain("赤字规模4.06万亿元，比上年年初预算增加1800亿元", "1800")
    ('compared_with_before', '赤字规模增加')
    >>> explain("普惠园在园儿童占比93.7%、比上一年提升3.9个百分点", "3.9")
    ('compared_with_before', '普惠园在园儿童占比提高')
    """
    m = _COMPARED.match(c.subject.strip())
    if m and c.previous:
        change = {"降低": "下降", "提升": "提高"}.get(m.group(1), m.group(1))
        return short_name(c.previous[-1].indicator) + change
    return None


def total_of_stock(c: Clause) -> str | None:
    """The total after a flow is the stock's: 新登记经营主体增长8.2%，总数突破140万户.

    >>> explain("新登记经营主体增长8.2%，总数突破140万户", "140")
    ('total_of_stock', '经营主体总数')
    """
    total = re.match(r"(?:总数|总量)", c.subject.strip())
    if total and not c.cleaned and c.previous and LEADING_FLOW.match(c.previous[-1].indicator):
        return LEADING_FLOW.sub("", c.previous[-1].indicator) + total.group()
    return None


_BARE_TOTAL = re.compile(
    r"(?:其)?(总量|总数|总规模)(?:达到|达|超过|超|接近|突破|跃升到|增至)?|一年(?:净)?(?:(新增)|(增加)了?)|(新增|净增)"
)
_EFFORT = re.compile(r"^(?:狠抓|抓好|抓实|加强|加快|推动|强化|做好|深化|持续|大力|积极|全力)+")


def _topic(words: str) -> str:
    """The thing a short headline is about: 经营主体持续壮大 → 经营主体, 狠抓高新技术企业培育 → 高新技术企业."""
    head = _EFFORT.sub("", words.strip())
    end = _TOPIC_END.search(head, 2)
    topic = head[: end.start()] if end else re.sub(r"(?<=..)(?:培育|建设|发展|工作|引进|招引)$", "", head)
    topic = clean_subject(topic) if end or topic != head else ""
    return topic if 2 <= len(topic) <= 10 and not re.search(r"[\d，、“”（）]", topic) else ""


def total_of_topic(c: Clause) -> str | None:
    """A bare total or change is of the figure just given, else of the headline before it:
    经营主体持续壮大。总量接近800万户 → 经营主体总量; 狠抓高新技术企业培育，新增8000家 → 新增高新技术企业.

    >>> explain("经营主体持续壮大。总量接近800万户", "800")
    ('total_of_topic', '经营主体总量')
    >>> explain("狠抓高新技术企业培育，新增8000家、总量超过1.9万家", "8000")
    ('total_of_topic', '新增高新技术企业')
    >>> explain("地区生产总值增长3.5%，总量达到4702亿元，一年增加了280亿元", "280")
    ('total_of_topic', '地区生产总值增加')
    """
    m = _BARE_TOTAL.fullmatch(c.subject.strip())
    if not m:
        return None
    total, new, grew, flow = m.groups()
    if c.previous:
        of = c.previous[-1].indicator
        if re.search(r"新增|净增|新[\u4e00-\u9fff]|认定|纳入|比重|占比|[高低快慢]于|增速|率$", of) or not (
            total or grew
        ):
            return None  # (a total after a flow is the stock's: total_of_stock)
        topic = re.sub(r"(?<=..)(?:增加|提高|下降|减少)$", "", of)
        topic = re.sub(r"(?<=..)(?:总量|总数|总规模)$", "", topic) if grew else topic
    elif c.clause_start > c.sentence_start:
        topic = _topic(c.text[c.before_start : c.clause_start - 1])
    else:
        before = _back(c.text, c.sentence_start - 1, SENTENCE_SEPS, c.start)
        headline = c.text[before : c.sentence_start - 1] if c.sentence_start > c.start else ""
        topic = _topic(headline) if len(headline.strip()) <= 16 else ""
    if not topic:
        return None
    if total:
        return topic + total
    return topic + "增加" if grew else (flow or new) + topic


#: the works a sentence speeds up: 加快北京大兴国际机场临空经济区廊坊片区建设，完成投资300亿元
_WORKS_BEFORE = re.compile(r"(?:加快|推进|抓好|加速|推动)(?:推进)?([^，。；、]{2,20}?)(?:开发)?建设(?:进度)?$")


def investment_of_works(c: Clause) -> str | None:
    """An investment with nothing named before it is of the works the clause before speeds up:
    加快临空经济区廊坊片区建设，完成投资300亿元 → 临空经济区廊坊片区完成投资.

    >>> explain("加快临空经济区廊坊片区建设，完成投资300亿元", "300")
    ('investment_of_works', '临空经济区廊坊片区完成投资')
    """
    if c.cleaned not in ("投资", "完成投资") or c.previous or c.clause_start <= c.sentence_start:
        return None
    works = _WORKS_BEFORE.search(c.text[c.before_start : c.clause_start - 1])
    return works.group(1) + "完成投资" if works else None


#: whom a measure reached: 惠及居民 (受益村集体 names the villages themselves)
_REACHED = re.compile(r"^惠及")
_DOING = re.compile(r"^(?:发放|举办|完成|实施|开展|落实|出台|推出|安排|投入)")


#: the kinds of school whose places are counted (新建幼儿园5所，新增学位2700个: kindergarten places)
_SCHOOL_KIND = re.compile(r"(幼儿园|中小学|义务教育|学前教育|普通高中)")  # (南山小学 is a school's name)
_PLACES = re.compile(r"(新增|增加|新建|提供)?(公办)?(?:优质)?学位(?:数)?")


def school_places(c: Clause) -> str | None:
    """School places are of the kind of school the sentence builds: 新建幼儿园5所，新增学位2700个 → 新增幼儿园学位.

    >>> explain("新建幼儿园5所，新增学位2700个", "2700"), explain("新增学位4290个", "4290")
    (('school_places', '新增幼儿园学位'), ('subject_before', '新增学位'))
    >>> explain("新建改扩建中小学23处、新增学位2.3万个", "2.3")
    ('school_places', '新增中小学学位')
    """
    places = _PLACES.fullmatch(c.cleaned)
    if not places or c.q.unit not in ("个", "座", "万个", "万座", "千个"):
        return None
    kinds = _SCHOOL_KIND.findall(c.text, max(c.sentence_start, c.q.start - 40), c.r.subject_start)
    if not kinds:
        return None
    return (places.group(1) or "新增") + (places.group(2) or "") + kinds[-1] + "学位"


def beneficiaries(c: Clause) -> str | None:
    """Whom a measure reached is named with the measure, the figure or words just before:
    发放生态补助金1.9亿元，惠及原村民1.6万人 → 生态补助金惠及原村民.

    >>> explain("发放生态补助金1.9亿元，惠及原村民1.6万人", "1.6")
    ('beneficiaries', '生态补助金惠及原村民')
    >>> explain("发放价格临时补贴，惠及群众1870万人次", "1870")
    ('beneficiaries', '价格临时补贴惠及群众')
    """
    if not _REACHED.match(c.cleaned):
        return None
    near = [d for d in c.previous if d.quantity.start >= c.before_start]
    if near:
        what = near[-1].indicator
    elif c.before_start < c.clause_start:
        what = clean_subject(c.text[c.before_start : c.clause_start - 1])
    else:
        return None
    what = _DOING.sub("", what)
    return what + c.cleaned if 2 <= len(what) <= 12 else None


def verb_only(c: Clause) -> str | None:
    """Only a verb before the number: the name of the figure just before, or the verb's object named earlier
    in the sentence (实施企业家培训行动，年内培训2000人 → 企业家培训).

    >>> explain("实施企业家素质提升行动，开展企业家培训，年内培训2000人", "2000")
    ('verb_only', '企业家培训')
    """
    if c.cleaned and not _VERB_ONLY.match(c.cleaned):
        return None
    if c.previous:
        last = c.previous[-1].indicator
        # 提高1.16岁、达到79.72岁: the level reached is of the thing, not of its change
        # (增加1.4亿、覆盖10.5亿人 is the stock the change reached, 折合 the same sum in another currency)
        reached = re.search(r"(?:达到?|覆盖|折合)$", c.subject)
        return re.sub(r"(?<=..)(?:提高|下降|增加|减少)$", "", last) if reached else last
    return object_named_before(c.text, c.cleaned, c.sentence_start, c.clause_start) or c.cleaned or None


def share_of_whole(c: Clause) -> str | None:
    """A share of the whole, of the part named before it: 民生支出35.3亿元，占财政支出的81.45%.

    >>> explain("民生支出35.3亿元，占财政支出的81.45%", "81.45")
    ('share_of_whole', '民生支出占财政支出比重')
    >>> explain("民生支出占一般公共预算支出的81.7%", "81.7")
    ('share_of_whole', '民生支出占一般公共预算支出比重')
    >>> explain("研发投入236亿元，占地区生产总值比重提升至6.46%", "6.46")
    ('share_of_whole', '全社会研发投入占地区生产总值比重')
    >>> explain("集体收入10万元以上的村占50%以上", "50")
    ('share_of_whole', '集体收入10万元以上的村占比')
    >>> explain("社会消费品零售总额1000亿元，总量占全市三成", "三")
    ('share_of_whole', '社会消费品零售总额占全市比重')
    >>> explain("摘取10项国家科学技术奖，占全市2/3", "2/3"), explain("营业利润57亿元，占全市总额的57.5%", "57.5")
    (('share_of_whole', '国家科学技术奖占全市比重'), ('share_of_whole', '营业利润占全市比重'))
    >>> explain("外贸进出口总额从15.9亿美元增加到超1万亿美元，约占全国的1/4", "1/4")
    ('share_of_whole', '进出口总额占全国比重')
    """
    cleaned = re.sub(r"^(?:总量|规模|数量|总数)(?=占)", "", c.cleaned)  # 总量占全市三成: the figure just named
    # 约占全国的1/4, 超过全市1/4: a share of the whole however it is said
    cleaned = re.sub(r"^(?:约|近|接近|超过|超|相当于)(?:占)?(?=全[国省市区县])", "占", cleaned)
    fraction = not c.q.unit and ("/" in c.q.number or "分之" in c.q.number)
    if not (c.q.unit in ("%", "成") or fraction) or "占比" in cleaned or re.search(r"占有|占地面积|占用", cleaned):
        return None  # 市场占有率, 占地面积: no share of a whole
    if cleaned.endswith("占") and len(cleaned) > 2:
        return cleaned + "比"  # 集体收入10万元以上的村占50%以上
    if cleaned.startswith("占") and c.previous:
        whole = re.sub(r"(?:的?(?:比重|比例))?的?$", "", cleaned.replace("同期", ""))
        whole = re.sub(r"^(占全[国省市区县])(?:总额|总量|总数)$", r"\1", whole)  # 占全市总额的57.5%
        # a share after a share is of the same thing: 上市公司占全市13.3%，新增7家、占全市22.6%
        of = re.sub(r"占[^占]*$", "", short_name(c.previous[-1].indicator))
        # what was won or made is the part (摘取10项国家科学技术奖，占全市2/3), not the winning or the month
        of = re.sub(r"^(?:\d{1,2}[—-]\d{1,2}月|获得?|荣获|摘取|斩获|生产)(?=[\u4e00-\u9fff]{2})", "", of)
        of = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:挂牌成立|揭牌成立|成立|挂牌)$", "", of)
        return of + whole + "比重"
    reached = re.fullmatch(r"(.{2,}?)(?:达到|达)(.{2,}?(?:总面积|总量|总数|总额|总人口))的", cleaned)
    if reached:  # 高标准农田达到耕地总面积的64%
        return f"{reached.group(1)}占{reached.group(2)}比重"
    m = re.fullmatch(r"(.{2,}?)占(.{2,}?)的?(?<!比)比?", cleaned)  # 占GDP比达5.6%: 比 is the share
    if m and not cleaned.endswith(("比重", "比例")):
        return f"{m.group(1)}占{m.group(2)}比重"
    return None


def threshold_sibling(c: Clause) -> str | None:
    """The second of two thresholds shares all but its threshold: 收入过20万元的行政村超过75%，过50万元的超过45%.

    >>> explain("集体收入过20万元的行政村占比超过75%，过50万元的超过45%", "45%")
    ('threshold_sibling', '集体收入过50万元的行政村占比')
    """
    if not (c.cleaned.endswith("的") and c.previous):
        return None
    prev = c.previous[-1].indicator
    a = prev.find(c.cleaned[0])
    b = prev.find("的", a + 1)
    return prev[:a] + c.cleaned + prev[b + 1 :] if 0 < a < b else None


_LEVEL = r"(?:国家|省|市|区|县|省市|市区)级(?:以上)?"


def level_sibling(c: Clause) -> str | None:
    """A level alone after a count of one level is the same thing at that level: 国家级众创空间1家、省级2家.

    >>> explain("培育国家级众创空间（孵化器）1家以上、省级2家以上", "2")
    ('level_sibling', '培育省级众创空间')
    >>> explain("新增国家级专精特新企业10家、省级50家", "50")
    ('level_sibling', '新增省级专精特新企业')
    """
    if not (re.fullmatch(_LEVEL, c.cleaned) and c.previous):
        return None
    prev = c.previous[-1].indicator
    level = re.search(_LEVEL, prev)
    return prev[: level.start()] + c.cleaned + prev[level.end() :] if level else None


def part_ratio(c: Clause) -> str | None:
    """A share named only by its kind is of what the sentence just counted: 44个断面水质达标、优Ⅲ比例达到97.7%.

    >>> explain("44个国省考断面水质全部达标、优Ⅲ比例达到97.7%", "97.7")
    ('part_ratio', '国省考断面水质优Ⅲ比例')
    """
    if PART_RATIO.fullmatch(c.cleaned) and c.previous and c.previous[-1].quantity.start >= c.clause_start - 40:
        return without_event(c.previous[-1].indicator) + c.cleaned
    return None


def investment_total(c: Clause) -> str | None:
    """Money before a count of projects is their total: 实施年度投资1100亿元的221个市重大产业项目.

    >>> explain("实施年度投资1100亿元的221个市重大产业项目", "1100")
    ('investment_total', '市重大产业项目年度投资')
    """
    total_of = re.match(r"的[\d.]+[个家项]([^，。；、]{2,16})", c.text[c.r.quote_end : c.clause_end])
    invested = re.search(r"(?:年度|计划|总)?投资$", c.cleaned)
    if total_of and invested:
        return split_predicate(total_of.group(1))[0] + invested.group()
    return None


_INVESTMENT_OF = re.compile(r"(?:计划)?(?:总投资额?|投资总额|投资|意向投资额|意向投资总额|计划投资)")


def investment_of_counted(c: Clause) -> str | None:
    """The investment right after a count of projects is theirs: 新开工重点项目135个，总投资419亿元.

    >>> explain("新开工重点项目135个，总投资419亿元", "419")
    ('investment_of_counted', '新开工重点项目总投资')
    """
    if not (c.previous and _INVESTMENT_OF.fullmatch(c.cleaned) and c.q.base_unit in ("元", "美元")):
        return None
    prev = c.previous[-1]
    between = c.text[prev.quote_end : c.r.subject_start]
    if prev.quantity.base_unit not in ("个", "项", "宗", "家") or not re.fullmatch(r"(?:以上|左右)?[，、,]?", between):
        return None
    return without_event(prev.indicator) + c.cleaned


#: a measure of a thing; after another measure of it the name is the thing's (面积 then 总产量)
_MEASURES = ("产值", "总产量", "产量", "总装机", "总装机容量", "装机容量", "吞吐量", "总里程", "营业收入", "总规模")
_MEASURE_END = re.compile(r"(?:播种面积|总面积|面积|年产量|总产量|产量|里程|吞吐量|总装机|装机容量|规模)$")


def generic_subject(c: Clause) -> str | None:
    """A generic subject (产值, 货值, 完成投资) takes the figure before or the topic of its sentence:
    食品产业，坚持…，力争产值突破2000亿元 → 食品产业产值.

    >>> explain("食品产业，坚持链式发展，力争产值突破2000亿元", "2000")
    ('generic_subject', '食品产业产值')
    >>> explain("粮食播种面积5600万亩、总产量1280万吨", "1280"), explain("林下经济总面积800万亩、产值突破百亿元", "百")
    (('generic_subject', '粮食总产量'), ('generic_subject', '林下经济产值'))
    """
    cleaned = c.cleaned
    if cleaned not in _GENERIC_SUBJECT:
        return None
    if c.previous:
        before = re.sub(r"(?:开行|开通|建设|实施)$", "", c.previous[-1].indicator)
        if cleaned in _MEASURES:  # 粮食播种面积…，总产量… → 粮食总产量: the thing, not its other measure
            thing = _MEASURE_END.sub("", before)
            thing = re.sub(r"^(?:新增|新开工)", "", thing) if cleaned.startswith("总") else thing
            before = thing if len(thing) >= 2 else before
        return before + cleaned
    topic_end = _fwd(c.text, c.sentence_start, CLAUSE_SEPS, c.q.start)
    topic = c.text[c.sentence_start : topic_end].strip()
    if topic_end < c.q.start and len(topic) > 8:
        # 粮食生产实现“二十连丰”，总产量…: the topic is the noun before the first verb of the sentence
        head = TOPIC_HEAD.match(topic)
        topic = head.group(1) if head else ""
    if 2 <= len(topic) <= 8 and topic_end < c.q.start:
        return without_event(topic) + cleaned  # 益阳电厂二期投产，总装机达386万千瓦 → 益阳电厂二期总装机
    return None


#: what the head of a sentence says before its predicate: 地区生产总值首次突破…, 新设企业大幅增长
_TOPIC_END = re.compile(
    r"(?:首次|大幅|明显|显著|快速|较快|平稳|稳步|持续|继续|保持|实现|加快|突破|达到|完成|取得|再创|发展|增长|下降|提高|提升|"
    r"创(?:历史|近\d+年)?新高|翻一番|翻番|连续|跨越|连跨|跨过|跨上|迈上|跃上|站上|跃升|增量提质)"
)


def topic_of_sentence(c: Clause) -> str | None:
    """A bare change with nothing named before it in its clause is of the sentence's topic:
    地区生产总值首次突破400亿元大关，增长4.5% → 地区生产总值.

    >>> explain("玫瑰海岸婚庆经济发展较快，增长15%", "15")
    ('topic_of_sentence', '玫瑰海岸婚庆经济')
    >>> explain("一是港区集装箱吞吐量创历史新高，增长8.1%", "8.1")
    ('topic_of_sentence', '港区集装箱吞吐量')
    >>> explain("全省生产总值连续跨越三个大台阶，年均增长5.9%", "5.9")
    ('topic_of_sentence', '生产总值')
    >>> explain("经济总量跨过两个万亿元大关、超过6万亿元", "6")
    ('topic_of_sentence', '经济总量')
    """
    if c.cleaned or c.previous:
        return None
    # the segment before in its own clause (经济总量跨过两个万亿元大关、超过6万亿元)
    listed = c.text[c.clause_start : c.r.subject_start].strip()
    if c.clause_start <= c.sentence_start and not listed.endswith("、"):
        return None
    # the clause just before first (集装箱吞吐量创历史新高，达1167万标箱), then the head of the sentence
    just_before = listed[:-1] if listed.endswith("、") else c.text[c.before_start : c.clause_start - 1].strip()
    for n, head in enumerate((just_before, c.text[c.sentence_start : c.clause_start])):
        head = re.sub(r"^(?:[一二三四五六七八九十]是)?(?:实现|推动|促进)?", "", head.strip())
        end = _TOPIC_END.search(head, 2)
        # 加大研发经费投入力度，全年增长10%: the effort's object is what grew
        effort = re.fullmatch(r"加大(.{2,12}?)(?:力度|规模)", head) if n == 0 else None
        topic = clean_subject(head[: end.start()] if end else effort.group(1) if effort else "")
        if end and head[: end.start()].endswith("总量") and topic:
            topic += "总量"  # 经济总量跨过…: the whole economy, not 经济
        if 2 <= len(topic) <= 12 and not re.search(r"[\d，、“”（）]", topic):
            return topic
    return None


def subject_before(c: Clause) -> str:
    """The words before the number, cleaned; a rate of counted things is their share (行政村超过75% → 行政村占比).

    >>> explain("地区生产总值增长5.5%左右", "5.5"), explain("十三届文博会成交207.53亿元", "207.53")
    (('subject_before', '地区生产总值'), ('subject_before', '文博会成交额'))
    """
    grew = re.search(r"(?:增长|下降|增加|减少|提高|降低)[了到至]?(?:超过|超|近|约)?$", c.subject)
    if c.q.unit == "%" and COUNTED.search(c.cleaned) and not RATIO.search(c.cleaned) and not grew:
        return c.cleaned + "占比"  # (新设外资企业增长近70% is a growth, not a share)
    if c.q.base_unit in ("元", "美元") and c.cleaned.endswith(("成交", "交易", "销售")):
        return c.cleaned + "额"  # 文博会成交207.53亿元: the money is the amount traded
    works = _RENOVATED_THING.fullmatch(c.cleaned)
    if works and c.q.base_unit not in MEASURE_UNITS:
        return works.group(2) + works.group(1)  # 更新改造复康路等道路80条 → 道路更新改造
    return c.cleaned


#: works named before what they are done to, with examples (更新改造复康路等道路): the thing, then the works
_RENOVATED_THING = re.compile(
    r"(升级改造|提升改造|更新改造|维修改造|改造提升|整治提升|提质升级|综合整治|改造)(?:[^，。；、]{1,12}?等)?([\u4e00-\u9fff]{2,8})"
)


RULES: tuple[Rule, ...] = (
    industry_shares,
    task_done_share,
    respectively,
    paired_list,
    shares_earlier_names,
    change_from_to,
    multiple_of_before,
    share_of_following,
    fund_size,
    money_for_purpose,
    stage_of_previous,
    counted_noun_after,
    level_sibling,
    shares_first_verb,
    part_of_whole,
    brought_about,
    benchmark_gap,
    compared_with_before,
    total_of_stock,
    total_of_topic,
    investment_of_works,
    school_places,
    beneficiaries,
    verb_only,
    share_of_whole,
    threshold_sibling,
    part_ratio,
    investment_total,
    investment_of_counted,
    generic_subject,
    topic_of_sentence,
    subject_before,
)


def name_number(c: Clause) -> None:
    """Sets `c.r.indicator` (and `c.r.rule`) from the first rule that names the number."""
    for rule in RULES:
        named = rule(c)
        if named is None:
            continue
        if isinstance(named, Name):
            c.r.indicator = named.indicator
            if named.quote_end is not None:
                c.r.quote_end = named.quote_end
        else:
            c.r.indicator = named
        c.r.rule = rule.__name__
        return


def explain(text: str, number: str) -> tuple[str, str]:
    """(rule, indicator) for the first number of `text` written as `number`, read as a plan sentence."""
    from .reader import reading_of

    r = reading_of(text, number)
    return r.rule, r.indicator
