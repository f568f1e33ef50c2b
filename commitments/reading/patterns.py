"""Word classes and small helpers shared by the reading of a number (reader.py) and its naming (naming.py)."""

from __future__ import annotations

import re

from .context import _CREATION, _GENERIC_SUBJECT, _VERB_ONLY, SEGMENT_SEPS, Reading, _fwd, clean_subject
from .counted import PREDICATE, defines_set, split_predicate
from .numbers import Quantity
from .tokens import cut_words

#: counted nouns that name no particular thing: 确保147个项目上半年全部开工 counts the 市重大产业项目 named before
GENERIC_NOUNS = ("项目", "企业", "事项")
#: verbs before a number that define a flow, kept in front of the counted noun: 新增2家跨境电商产业园
FLOW_VERB = re.compile(
    r"(?:新(?:认定|培育|成立|组建|获批|上线|引入|设立)|引入|新晋|新增|新建|净增|新改建|新改扩建|新建改扩建|新建改造|新引进|新招引|引进|招引|新开工|改造提升|发放|建成|新上线|新开放共享|新开发|打通|减免|新建和改造|新建和改扩建|开工和续建|新开工和续建)$"
)
LEADING_FLOW = re.compile(
    r"^(?:新(?:认定|培育|成立|组建|获批|上线|引入)|引入|新建和改造|新建和改扩建|新开工和续建|开工和续建|新增|新登记|新设立|新建|净增|新改建|新改扩建|新建改扩建|新建改造|新引进|新招引|引进|招引|新开工|改造提升|发放|建成|新开发|打通|减免|新建和改造|新建和改扩建|开工和续建|新开工和续建)"
)
#: works on an existing thing, said before the count and named after it: 升级改造4家社康中心 → 社康中心升级改造
RENOVATION_BEFORE = re.compile(
    r"(?<!新建)(?:升级改造|提升改造|更新改造|维修改造|改造提升|更新提升|整治提升|提质升级|维修加固|综合整治|改造)$"
)
#: measures of built works that may follow a count of them directly (15项950公里高速公路项目)
MEASURE_OF_WORKS = frozenset(["公里", "米", "平方公里", "平方米", "亩", "千瓦", "吨"])
#: money and shares: what follows them is not the counted thing
#: (旅游总收入跃上千亿元台阶, 超千亿元市域农业全产业链)
MEASURE_UNITS = frozenset(["元", "美元", "欧元", "%", "‰", "个百分点", "倍", "番", "成", "∶1"])
#: an item of a list with a verb of its own does not share the verb of the first: 新增高新技术企业300家、入库…
OWN_VERB = re.compile(
    r"^(?:入库|新认定|认定|评价|创建|培育|打造|建设|建成|实施|开展|举办|完成|开工|落地|签约|设立|新设立|吸引|选育|入选|获评|增加)"
)
COUNTED = re.compile(r"(?:村|企业|县|镇|户|社区|园区)$")
RATIO = re.compile(r"(?:率|比|比重|比例|占比|增速|增幅|指数|系数|强度|涨幅|份额)$")
#: a share named only by its kind (优Ⅲ比例, 达标比例): a share of the thing counted just before
PART_RATIO = re.compile(r"[^\d，。、]{1,3}比例")
#: the topic at the head of a sentence, before its first verb (粮食生产实现…, 工程机械加快…)
TOPIC_HEAD = re.compile(
    r"^([\u4e00-\u9fff]{2,6}?)(?:生产|工作|发展|建设)?(?:实现|保持|加快|持续|稳步|继续|坚持|完成|达到|突破|取得|再创)"
)
#: a size class alone (千亿级, 百亿级, 万吨级) is not the name of what is counted
SIZE_CLASS = re.compile(r"[\d十百千万亿]+(?:吨|元|平方米|人)?级|[一二三四五]星级")
#: a list of numbers that share the subjects of the clause before: 分别达到4.5万元、2.7万元，增长5.1%和7.4%
LIST_GAP = re.compile(r"^(?:以上|左右)?[、和及与]$")


def shared_predicate(text: str, qs: list[Quantity], i: int, after_end: int, clause_end: int) -> str:
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


def generic_named_before(noun: str, previous: list[Reading]) -> str:
    if noun not in GENERIC_NOUNS:
        return noun
    for d in reversed(previous):
        if "“" in d.indicator or defines_set(d.indicator):
            continue  # a name composed from what happened to the things, not a kind of them
        at = d.indicator.rfind(noun)
        if at > 0 and (at + len(noun) == len(d.indicator) or d.indicator[at + len(noun) :] in _GENERIC_SUBJECT):
            return d.indicator[: at + len(noun)]
    return noun


def object_named_before(text: str, verb: str, sentence_start: int, clause_start: int) -> str:
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


def listed_with(text: str, qs: list[Quantity], i: int, clause_start: int) -> list[Quantity]:
    """The numbers of a bare list that q closes or belongs to (5.1%和7.4%), in order; [] if q stands alone."""
    group = [qs[i]]
    j = i
    while j > 0 and qs[j - 1].start >= clause_start and LIST_GAP.match(text[qs[j - 1].end : qs[j].start]):
        j -= 1
        group.insert(0, qs[j])
    j = i
    while j + 1 < len(qs) and LIST_GAP.match(text[qs[j].end : qs[j + 1].start]):
        j += 1
        group.append(qs[j])
    return group if len(group) > 1 else []


def subject_is_empty(text: str, clause_start: int, first: Quantity) -> bool:
    """Only verbs before the first number of the clause: 增长5.1%和7.4%."""
    lead = clean_subject(text[clause_start : first.start])
    return not lead or bool(_VERB_ONLY.match(lead))
