"""Walk the quantities of one part and read each in its sentence (see context.Reading)."""

from __future__ import annotations

import re

from .context import (
    _CREATION,
    _GENERIC_SUBJECT,
    _VERB_ONLY,
    CLAUSE_SEPS,
    SEGMENT_SEPS,
    SENTENCE_SEPS,
    Reading,
    _back,
    _fwd,
    clean_subject,
    deadline_in,
    exclusion,
    suffix_hedges,
)
from .counted import PREDICATE, counted_name, defines_set, split_predicate, without_event
from .indicators import short_name
from .names import split_names, with_direction
from .numbers import Quantity
from .tokens import cut_words, word_start_at_or_before

_GOVERNING = re.compile(r"力争|确保|争取")
_NEAR_PREFIX = ("不低于", "不少于", "不超过", "不高于", "突破", "超过", "达到")
_SPLIT_NAMES = re.compile(r"、|和|及|与")
_MAX_SUBJECT = 24
#: verbs before a number that define a flow, kept in front of the counted noun: 新增2家跨境电商产业园
_FLOW_VERB = re.compile(
    r"(?:新晋|新增|新建|净增|新改建|新改扩建|新建改扩建|新建改造|新引进|新招引|引进|招引|新开工|改造提升|发放|建成|新上线|新开放共享|新开发)$"
)
_LEADING_FLOW = re.compile(
    r"^(?:新增|新登记|新设立|新建|净增|新改建|新改扩建|新建改扩建|新建改造|新引进|新招引|引进|招引|新开工|改造提升|发放|建成|新开发)"
)
#: money and shares: what follows them is not the counted thing
#: (旅游总收入跃上千亿元台阶, 超千亿元市域农业全产业链)
_MEASURE_UNITS = frozenset(["元", "美元", "欧元", "%", "‰", "个百分点", "倍"])
#: an item of a list with a verb of its own does not share the verb of the first: 新增高新技术企业300家、入库…
_OWN_VERB = re.compile(
    r"^(?:入库|新认定|认定|评价|创建|培育|打造|建设|建成|实施|开展|举办|完成|开工|落地|签约|设立|新设立|吸引|选育|入选|获评)"
)
_COUNTED = re.compile(r"(?:村|企业|县|镇|户|社区|园区)$")
_RATIO = re.compile(r"(?:率|比|比重|比例|占比|增速|增幅|指数|系数|强度|涨幅|份额)$")
#: a share named only by its kind (优Ⅲ比例, 达标比例): a share of the thing counted just before
_PART_RATIO = re.compile(r"[^\d，。、]{1,3}比例")
#: the topic at the head of a sentence, before its first verb (粮食生产实现…, 工程机械加快…)
_TOPIC_HEAD = re.compile(
    r"^([\u4e00-\u9fff]{2,6}?)(?:生产|工作|发展|建设)?(?:实现|保持|加快|持续|稳步|继续|坚持|完成|达到|突破|取得|再创)"
)
#: a size class alone (千亿级, 百亿级, 万吨级) is not the name of what is counted
_SIZE_CLASS = re.compile(r"[\d十百千万亿]+(?:吨|元|平方米|人)?级|[一二三四五]星级")
#: a list of numbers that share the subjects of the clause before: 分别达到4.5万元、2.7万元，增长5.1%和7.4%
_LIST_GAP = re.compile(r"^(?:以上|左右)?[、和及与]$")


def read_part(text: str, quantities: list[Quantity], start: int, end: int) -> list[Reading]:
    """Read every quantity in [start, end); excluded ones keep their reason in `excluded`."""
    qs = [q for q in quantities if start <= q.start < end]
    readings: list[Reading] = []
    for i, _q in enumerate(qs):
        readings.append(_read_one(text, qs, i, start, end, readings))
    return readings


def _read_one(text: str, qs: list[Quantity], i: int, start: int, end: int, done: list[Reading]) -> Reading:
    q = qs[i]
    clause_start = _back(text, q.start, CLAUSE_SEPS, start)
    clause_end = _fwd(text, q.end, CLAUSE_SEPS, end)
    sentence_start = _back(text, q.start, SENTENCE_SEPS, start)
    seg_start = _back(text, q.start, SEGMENT_SEPS, start)
    # a list of names without numbers before this one belongs to its subject: 晨星工厂、智能工厂和数字化车间200家
    while seg_start > clause_start and text[seg_start - 1] == "、":
        piece = _back(text, seg_start - 1, SEGMENT_SEPS, clause_start)
        if any(piece <= o.start < seg_start for o in qs) or text[piece - 1 : piece] in "（(":
            break
        seg_start = piece
    later = any(q.end <= o.start < clause_end for o in qs[i + 1 :])
    reason = exclusion(text, q, seg_start=seg_start, later_in_clause=later)
    if not reason and i > 0 and done[i - 1].excluded in ("existing asset", "past") and qs[i - 1].start >= clause_start:
        # 用好43个国家级平台、215个省级平台; 遴选了12类44项: the verb governs the whole list
        gap = text[qs[i - 1].end : q.start]
        if re.fullmatch(r"[^，。；：,;]{0,10}?、?", gap) and not _CREATION.search(gap):
            reason = done[i - 1].excluded
    if not reason and i + 1 < len(qs) and q.unit in ("个", "家", "条", "项", "所", "处") and qs[i + 1].unit == "%":
        gap = text[q.end : qs[i + 1].start]
        if re.fullmatch(r"[^，。；、：,;（）()\n]{1,16}?(?:同比)?(?:增长|下降|增加|减少)", gap):
            reason = "scope of a rate"  # 18个特色产业产值增长15%: the rate is the outcome, not the 18
    for j, other in enumerate(qs[:i]):  # never reach back over an earlier goal of the same segment
        if seg_start <= other.start < q.start and done[j].excluded != "threshold":
            seg_start = max(seg_start, other.end)
    subject_start = seg_start
    if q.start - subject_start > _MAX_SUBJECT:
        subject_start = word_start_at_or_before(text, q.start - _MAX_SUBJECT)
    subject = text[subject_start : q.start]
    r = Reading(quantity=q, subject_start=subject_start, quote_end=q.end, indicator="", excluded=reason)
    # hedges before the number: the near ones, then 力争/确保 that govern the sentence
    tail = text[max(subject_start, q.start - 8) : q.start]
    for word in _NEAR_PREFIX:
        if word in tail:
            r.prefix_hedges.append(word)
    for one in ("超", "近", "约"):
        if subject.endswith(one) and not subject.endswith(("超过",)):
            r.prefix_hedges.append(one)
    if subject.endswith("达") and "达到" not in r.prefix_hedges:
        r.prefix_hedges.append("达到")
    if re.search(r"(?:跃上|迈上|站上)$", subject) and "突破" not in r.prefix_hedges:
        r.prefix_hedges.append("突破")  # 旅游总收入跃上千亿元台阶: passing a mark
    if q.bare and re.search(r"(?<![通经超])过“?$", subject) and "超过" not in r.prefix_hedges:
        r.prefix_hedges.append("超过")  # 贷款余额过万亿, “双过千亿”
    if "累计" in text[sentence_start : q.start]:
        r.prefix_hedges.insert(0, "累计")
    for m in _GOVERNING.finditer(text, sentence_start, q.start):
        if _is_stretch_marker(text, qs, m.start(), m.end()) and m.start() < seg_start:
            continue  # 增长5.5%、力争6%以上: that 力争 belongs to the 6% only
        r.governing.append(m.group())
    if q.approx:
        r.suffix_hedges.append(q.approx)
    words, r.quote_end = suffix_hedges(text, q.end)
    r.suffix_hedges += words
    r.deadline = deadline_in(text, sentence_start, _fwd(text, q.end, SENTENCE_SEPS, end))
    _read_indicator(text, r, qs, i, subject, clause_start, clause_end, sentence_start, start, done)
    r.indicator = _with_counted_head(r, done, sentence_start)
    r.indicator = _second_measure(r, done, clause_start)
    first = _listed_with(text, qs, i, clause_start)
    lead_end = first[0].start if first else q.start
    r.indicator = with_direction(r.indicator, text[max(clause_start, lead_end - 8) : lead_end])
    return r


#: a name that ends in what happened, without the thing it happened to: 落地开工583个, 过会1家
_HEADLESS = re.compile(r"^[\u4e00-\u9fff]{0,5}?(?:开工|落地|挂牌|过会|上市|投产|签约|竣工|开业)$")
_HEAD_NOUN = re.compile(r"(?:项目|企业|公司)$")


def _with_counted_head(r: Reading, done: list[Reading], sentence_start: int) -> str:
    """新签约项目1126个，落地开工583个 -> 落地开工项目: the thing counted before in the sentence."""
    if not _HEADLESS.match(r.indicator) or r.quantity.base_unit not in ("个", "家", "项"):
        return r.indicator
    for d in reversed(done):
        head = _HEAD_NOUN.search(d.indicator) if d.quantity.start >= sentence_start and not d.excluded else None
        if head:
            return r.indicator + head.group()
    return r.indicator


#: what a second number of the same thing measures, by its unit: 老旧小区改造391个、4万户 -> 老旧小区改造户数
_MEASURE_BY_UNIT = {
    "户": "户数",
    "人": "人数",
    "平方米": "面积",
    "亩": "面积",
    "公里": "里程",
    "元": "金额",
    "套": "套数",
}


def _second_measure(r: Reading, done: list[Reading], clause_start: int) -> str:
    """Two numbers of one clause under one name measure two things: the second says what by its unit."""
    last = next((d for d in reversed(done) if not d.excluded), None)
    if last is None or last.quantity.start < clause_start or last.indicator != r.indicator:
        return r.indicator
    if last.quantity.base_unit == r.quantity.base_unit:
        return r.indicator
    word = _MEASURE_BY_UNIT.get(r.quantity.base_unit, "")
    return r.indicator + word if word and not r.indicator.endswith(word) else r.indicator


def _shared_predicate(text: str, qs: list[Quantity], i: int, after_end: int, clause_end: int) -> str:
    """The predicate at the end of a list of counts: 4个县市区、5个园区、15家企业入选… gives 入选… to each."""
    j = i
    while j + 1 < len(qs) and qs[j + 1].start < clause_end:
        gap = text[qs[j].end : qs[j + 1].start]
        if not re.fullmatch(r"[\u4e00-\u9fff]{0,12}、", gap) or PREDICATE.search(gap, 1):
            break
        j += 1
    if j == i:
        return ""
    end = _fwd(text, qs[j].end, SEGMENT_SEPS, clause_end)
    if j + 1 < len(qs) and qs[j + 1].start < end:
        return ""  # …分别完成年度投资1310亿元: the words before the next number are its subject
    return split_predicate(text[qs[j].end : end])[1]


#: counted nouns that name no particular thing: 确保147个项目上半年全部开工 counts the 市重大产业项目 named before
_GENERIC_NOUNS = ("项目", "企业", "事项")


def _generic_named_before(noun: str, previous: list[Reading]) -> str:
    if noun not in _GENERIC_NOUNS:
        return noun
    for d in reversed(previous):
        if "“" in d.indicator or defines_set(d.indicator):
            continue  # a name composed from what happened to the things, not a kind of them
        at = d.indicator.rfind(noun)
        if at > 0 and (at + len(noun) == len(d.indicator) or d.indicator[at + len(noun) :] in _GENERIC_SUBJECT):
            return d.indicator[: at + len(noun)]
    return noun


def _object_named_before(text: str, verb: str, sentence_start: int, clause_start: int) -> str:
    """A bare verb (年内培训2000人) names its object earlier in the sentence: 实施…企业家培训…行动 -> 企业家培训."""
    if len(verb) < 2:
        return ""
    words = [w for w in cut_words(text[sentence_start:clause_start]) if w.strip()]
    for i in range(len(words) - 1, 0, -1):
        noun = words[i - 1]
        fits = len(noun) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", noun)
        if words[i] == verb and fits and not _VERB_ONLY.fullmatch(noun) and not _CREATION.fullmatch(noun):
            return noun + verb
    return ""


def _listed_with(text: str, qs: list[Quantity], i: int, clause_start: int) -> list[Quantity]:
    """The numbers of a bare list that q closes or belongs to (5.1%和7.4%), in order; [] if q stands alone."""
    group = [qs[i]]
    j = i
    while j > 0 and qs[j - 1].start >= clause_start and _LIST_GAP.match(text[qs[j - 1].end : qs[j].start]):
        j -= 1
        group.insert(0, qs[j])
    j = i
    while j + 1 < len(qs) and _LIST_GAP.match(text[qs[j].end : qs[j + 1].start]):
        j += 1
        group.append(qs[j])
    return group if len(group) > 1 else []


def subject_is_empty(text: str, clause_start: int, first: Quantity) -> bool:
    """Only verbs before the first number of the clause: 增长5.1%和7.4%."""
    lead = clean_subject(text[clause_start : first.start])
    return not lead or bool(_VERB_ONLY.match(lead))


def _is_stretch_marker(text: str, qs: list[Quantity], a: int, b: int) -> bool:
    """力争 right after a number and right before another one: 增长5.5%、力争6%以上."""
    starts_number = any(o.start == b for o in qs)
    after_number = any(0 <= a - o.end <= 4 and re.fullmatch(r"(?:以上|左右)?[、，,]?", text[o.end : a]) for o in qs)
    return starts_number and after_number


def _read_indicator(
    text: str,
    r: Reading,
    qs: list[Quantity],
    i: int,
    subject: str,
    clause_start: int,
    clause_end: int,
    sentence_start: int,
    start: int,
    done: list[Reading],
) -> None:
    q = r.quantity
    previous = [d for d in done if d.quantity.start >= sentence_start and not d.excluded and d.indicator]
    # 分别: names before it go one by one with the numbers after it
    p = text.rfind("分别", clause_start, q.start)
    if p >= 0:
        group = [o for o in qs if p <= o.start < clause_end]
        k = group.index(q) if q in group else 0
        names_from = _back(text, p, CLAUSE_SEPS, start)
        before = _back(text, names_from - 1, CLAUSE_SEPS, start) if names_from > start else names_from
        quiet = not any(before <= d.quantity.start < names_from for d in previous)
        if names_from == p and names_from > start and quiet:
            names_from = before  # the names sit in the clause before, which gives no number of its own
            p = names_from + len(re.split(r"全省|全国|均", text[names_from : p - 1])[0])
        # 集成电路与ICT、医药健康规模力争分别…: the hedge is not part of the last name
        names = split_names(re.sub(r"(?:力争|确保|争取)+$", "", clean_subject(text[names_from:p])), len(group))
        if names:
            # 536个市重大项目、109个…项目分别完成年度投资: the names are the members, the measure follows 分别
            measure = clean_subject(text[p + 2 : group[0].start]) if group else ""
            shared = measure in _GENERIC_SUBJECT or re.match(r"(?:高于|低于)", measure)
            r.indicator = names[k] + (measure if shared else "")
            return
        if len(previous) >= len(group) > 1:
            r.indicator = previous[len(previous) - len(group) + k].indicator
            return
    listed = _listed_with(text, qs, i, clause_start)
    if listed and subject_is_empty(text, clause_start, listed[0]):
        earlier = [d for d in previous if d.quantity.start < clause_start]
        if len(earlier) >= len(listed) > 1:
            r.indicator = earlier[len(earlier) - len(listed) + listed.index(q)].indicator
            return
    cleaned = clean_subject(re.sub(r"^[的]+", "", subject))
    # 培育2家国家级农业产业化龙头企业, 推进安宜美、正新等130个食品全产业链项目: the counted thing follows
    after_end = _fwd(text, r.quote_end, SEGMENT_SEPS, clause_end)
    noun = text[r.quote_end : after_end]
    noun = re.sub(r"(?:建设任务|的建设|建设|等)$", "", noun).strip()
    noun, predicate = split_predicate(noun)
    if any(r.quote_end < o.start < after_end for o in qs[i + 1 :]):
        predicate = ""  # 1517个省市县重点项目完成投资2575亿元: the words before the next number are its subject
    elif not predicate:
        predicate = _shared_predicate(text, qs, i, after_end, clause_end)
    if not defines_set(predicate):
        noun = _generic_named_before(noun, previous)
    noun = counted_name(noun, predicate)
    if _SIZE_CLASS.fullmatch(noun):
        # 打造2条千亿级、15条百亿级产业链: a size class names no thing; the list's last noun does
        head = re.search(r"级([\u4e00-\u9fff]{2,8})", text[after_end:clause_end])
        if head:
            noun += head.group(1)
    share_of = re.match(r"的([^，。；、]{4,20})", text[r.quote_end : clause_end]) if q.unit == "%" else None
    if share_of and not cleaned:
        # 45%的规模以上工业企业实施数转智改: the share of the things that did what follows
        r.indicator = re.sub(r"(?<=.{2})(?:实施|实现|开展|完成)", "", share_of.group(1)) + "比例"
        return
    sized = re.match(r"规模的?([\u4e00-\u9fff]{2,10}?基金)", text[r.quote_end : clause_end])
    if sized and q.base_unit == "元":
        r.indicator = sized.group(1) + "规模"  # 10亿元规模预制菜基金: the size of the fund
        return
    measure = q.base_unit in _MEASURE_UNITS
    if (
        2 <= len(noun) <= 24
        and not measure
        and not re.match(r"^(?:以上|以下|左右|以内|的|[，。；和、及与]|[\d%])", noun)
    ):
        before = text[clause_start : q.start]
        flow = _FLOW_VERB.search(before[-8:])
        quoted = re.search(r"“([^“”]{2,8})”$", before)
        if quoted:  # “揭榜挂帅”20个应用场景: the quoted words say which kind
            noun = quoted.group(1) + noun
        if re.search(r"(?<!新)开工(?:建设)?$", before) and noun.endswith("项目"):
            noun += "开工"  # 开工建设26个重大项目 counts projects started: an event, after the noun
        r.indicator = (flow.group() if flow else "") + noun
        r.quote_end = r.quote_end + len(text[r.quote_end : after_end].rstrip())
        return
    seg = r.subject_start
    listed_after = (
        previous
        and text[previous[-1].quote_end : seg].strip() in ("、", "")
        and "、" in text[previous[-1].quote_end : q.start][:1]
    )
    if cleaned and listed_after and previous[-1].quantity.start >= clause_start:
        # 建成中小学55所、幼儿园120所: the later items share the verb (and 乡村/农村) of the first
        flow = _LEADING_FLOW.match(previous[-1].indicator)
        if flow and not _LEADING_FLOW.match(cleaned) and not _OWN_VERB.match(cleaned):
            rest = previous[-1].indicator[flow.end() :]
            place = re.match(r"(?:乡村|农村|城市|城区)", rest)
            r.indicator = (
                flow.group() + (place.group() if place and not cleaned.startswith(place.group()) else "") + cleaned
            )
            return
    part_of = cleaned and previous and text[clause_start : q.start].lstrip().startswith("其中")
    whole_flow = _LEADING_FLOW.match(previous[-1].indicator) if part_of else None
    if whole_flow and not _LEADING_FLOW.match(cleaned) and not _OWN_VERB.match(cleaned) and len(cleaned) > 3:
        # 新招引3亿元以上项目402个，其中10亿元以上项目106个: the part is counted by the verb of the whole
        r.indicator = whole_flow.group() + cleaned
        return
    if part_of and len(cleaned) <= 3:
        # 其中农村达到10.5万辆 after 新能源汽车保有量…: the part named before the whole
        flow = _LEADING_FLOW.match(previous[-1].indicator)
        r.indicator = flow.group() + cleaned if flow else cleaned + previous[-1].indicator
        return
    if previous and re.match(r"(?:拉动|带动|撬动)", cleaned):
        # 发放消费券超2.5亿元，拉动消费50亿元: what the thing just counted brought about
        r.indicator = _LEADING_FLOW.sub("", short_name(previous[-1].indicator)) + cleaned
        return
    if previous and re.match(r"(?:高于|低于|快于|慢于)", cleaned):
        # 进口增长17.1%，高于全省14.4个百分点: the gap of the figure just given to a benchmark
        prev = previous[-1]
        rate = prev.quantity.unit == "%" and not _RATIO.search(prev.indicator)
        r.indicator = prev.indicator + ("增速" if rate else "") + cleaned
        return
    total = re.match(r"(?:总数|总量)", subject.strip())
    if total and not cleaned and previous and _LEADING_FLOW.match(previous[-1].indicator):
        # 新登记经营主体增长8.2%，总数突破140万户: the total is of the stock, not of the year's flow
        r.indicator = _LEADING_FLOW.sub("", previous[-1].indicator) + total.group()
        return
    if not cleaned or _VERB_ONLY.match(cleaned):
        if previous:
            r.indicator = previous[-1].indicator
            return
        r.indicator = _object_named_before(text, cleaned, sentence_start, clause_start) or cleaned
        return
    if cleaned.startswith("占") and not cleaned.startswith("占比") and previous and q.unit == "%":
        # 民生支出35.3亿元，占财政支出的81.45%: a share of the whole, of the part named just before
        whole = re.sub(r"(?:的(?:比重)?)?$", "", cleaned.replace("同期", ""))
        r.indicator = short_name(previous[-1].indicator) + whole + "比重"
        return
    if cleaned.endswith("的") and previous:
        # 收入过20万元的行政村超过75%，过50万元的超过45%: the second shares all but its threshold
        prev = previous[-1].indicator
        a = prev.find(cleaned[0])
        b = prev.find("的", a + 1)
        if 0 < a < b:
            r.indicator = prev[:a] + cleaned + prev[b + 1 :]
            return
    # 44个国省考断面水质全部达标、优Ⅲ比例达到97.7%: a share of what the sentence just counted
    if _PART_RATIO.fullmatch(cleaned) and previous and previous[-1].quantity.start >= clause_start - 40:
        r.indicator = without_event(previous[-1].indicator) + cleaned
        return
    total_of = re.match(r"的[\d.]+[个家项]([^，。；、]{2,16})", text[r.quote_end : clause_end])
    invested = re.search(r"(?:年度|计划|总)?投资$", cleaned)
    if total_of and invested:
        # 实施年度投资1100亿元的221个市重大产业项目: the money is the total of the things counted next
        r.indicator = split_predicate(total_of.group(1))[0] + invested.group()
        return
    if cleaned in _GENERIC_SUBJECT:
        if previous:
            r.indicator = re.sub(r"(?:开行|开通|建设|实施)$", "", previous[-1].indicator) + cleaned
            return
        # topic first, comment after: 食品产业，坚持…，力争产值突破2000亿元
        topic_end = _fwd(text, sentence_start, CLAUSE_SEPS, q.start)
        topic = text[sentence_start:topic_end].strip()
        if topic_end < q.start and len(topic) > 8:
            # 粮食生产实现“二十连丰”，总产量…: the topic is the noun before the first verb of the sentence
            head = _TOPIC_HEAD.match(topic)
            topic = head.group(1) if head else ""
        if 2 <= len(topic) <= 8 and topic_end < q.start:
            r.indicator = topic + cleaned
            return
    if q.unit == "%" and _COUNTED.search(cleaned) and not _RATIO.search(cleaned):
        cleaned += "占比"  # 村集体收入过50万元的行政村超过75%: a share of villages
    r.indicator = cleaned
