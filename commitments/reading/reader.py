"""Walk the quantities of one part and read each in its sentence (see context.Reading)."""

from __future__ import annotations

import re

from .context import (
    _CREATION,
    CLAUSE_SEPS,
    OBTAINED_FUNDS,
    SEGMENT_SEPS,
    SENTENCE_SEPS,
    Reading,
    _back,
    _fwd,
    deadline_in,
    suffix_hedges,
)
from .exclusions import excluded_by
from .milestones import FINISH_VERBS, START_VERBS
from .names import with_direction
from .naming import Clause, name_number
from .numbers import Quantity, find_quantities
from .patterns import listed_with
from .tokens import word_start_at_or_before

_GOVERNING = re.compile(rf"力争|确保|争取(?!{OBTAINED_FUNDS})")
_NEAR_PREFIX = ("不低于", "不少于", "不超过", "不高于", "突破", "超过", "达到")
_SPLIT_NAMES = re.compile(r"、|和|及|与")
_MAX_SUBJECT = 24
#: numbers that are part of the name that follows them: 3岁以下婴幼儿托位数, 全球前1%学科, 投资过10亿元项目
_PART_OF_NAME = {
    "count of results",
    "threshold",
    "age bracket",
    "ordinal",
    "name with digits",
    "inside a quoted name",
    "name or size class",
}
#: the start of a change told by its two ends: 从1628家增加到9400家, 由31%提高到35%, 从14.8亿元跃升至422.7亿元
_START_VALUE_BEFORE = re.compile(
    r"(?:从|由)(?:(?:19|20)\d\d年(?:底|末)?的?|疫情前的?|[^，。；\d]{0,5}的?|[^，。；\d]{2,8}的(?:不足|不到|近|约))?$"
)
_CHANGE_AFTER = re.compile(
    r"(?:、[\d.]+[^\d、，。；]{0,3})*(?:以上|左右)?[，,]?"
    r"(?:转为(?:增长|下降)|(?:增加|提高|增长|提升|跃升|扩大|上升|下降|降低|减少|缩小|压减|压缩|缩减|缩短|精简|增|降|减|升|跃居|发展)(?:到|至)|"
    r"(?:缩小|压减|压缩|缩减|降低|下降|减少)为|(?:优化)?调整(?:为|到|至)|优化为)"
)

#: what a count was merged into: 市属重点国企由51家整合为33家, 188个园区整合优化为120个 (the 51 and 188 are gone)
_MERGED_INTO = re.compile(r"[^，。；、\d]{0,8}?(?:整合|合并|归并|精简|压减)(?:优化|重组)?(?:为|成|到|至)\d")


def read_part(text: str, quantities: list[Quantity], start: int, end: int, *, plan: bool = True) -> list[Reading]:
    """Read every quantity in [start, end) of a plan part (or, `plan=False`, a review); excluded ones keep their
    reason in `excluded`."""
    qs = [q for q in quantities if start <= q.start < end]
    readings: list[Reading] = []
    for i, _q in enumerate(qs):
        readings.append(_read_one(text, qs, i, start, end, readings, plan))
    return readings


def reading_of(text: str, number: str) -> Reading:
    """The reading of the first number of `text` written as `number`, read as a plan sentence: what
    `naming.explain` and `exclusions.why` show of one sentence."""
    for r in read_part(text, find_quantities(text), 0, len(text)):
        if text.startswith(number, r.quantity.start):
            return r
    raise ValueError(f"no number {number} in {text}")


#: a rate said of the things just counted: 310条河流按河长计算水体优良比例提升至75%
_RATE_OF = r"(?:比例|比重|占比|比率|率)(?:提升|提高|达到?|保持|稳定)?[在至到]?"
#: reasons said by a verb that governs the list after it (用好43个…、215个…; 编织着16个水库、112公里…)
_GOVERNS_LIST = ("existing asset", "past", "state of today")
#: a name said again in brackets right before the number or its predicate: 地区生产总值（GDP）增长6.5%
_ALIAS_BEFORE = re.compile(
    r"[（(][A-Za-z0-9.\u4e00-\u9fff]{2,10}[）)]((?:年?平均)?(?:浓度)?(?:同比)?(?:增长|下降|提高|降低|增加|减少|达到|达|突破|超过)?(?:到|至)?)$"
)
#: a piece of a list that ends in a result is a clause, not a name (…产业园竣工投产、…)
_DONE_AT_END = re.compile(rf"(?:{'|'.join(START_VERBS + FINISH_VERBS)})$")


def _read_one(
    text: str, qs: list[Quantity], i: int, start: int, end: int, done: list[Reading], plan: bool = True
) -> Reading:
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
        if _DONE_AT_END.search(text, piece, seg_start - 1):
            break  # 产业园竣工投产、预计每年产能约12万立方米: a deliverable of its own, not a name of the list
        seg_start = piece
    abbreviation = _ALIAS_BEFORE.search(text[clause_start : q.start])
    if abbreviation and text[q.start - len(abbreviation.group()) - 1 : q.start - len(abbreviation.group())] in "（(":
        abbreviation = None  # (…（含…（GDP）: brackets in brackets are no alias
    if abbreviation and seg_start == q.start - len(abbreviation.group(1)):
        # 完成地区生产总值（GDP）670.6亿元, 众创空间（孵化器）1家, 地区生产总值（GDP）增长6.5%: the name said again
        seg_start = _back(text, abbreviation.start() + clause_start, SEGMENT_SEPS, clause_start)
    later = any(q.end <= o.start < clause_end for o in qs[i + 1 :])
    # the reader's own reasons below apply only when no rule gave one, so `rule` names the reason it gave
    rule, reason = excluded_by(text, q, seg_start=seg_start, later_in_clause=later, plan=plan)
    if not reason and i > 0 and done[i - 1].excluded in _GOVERNS_LIST and qs[i - 1].start >= clause_start:
        # 用好43个国家级平台、215个省级平台; 遴选了12类44项: the verb governs the whole list
        gap = text[qs[i - 1].end : q.start]
        if re.fullmatch(r"[^，。；：,;]{0,10}?、?", gap) and not _CREATION.search(gap):
            reason = done[i - 1].excluded
    if not reason and i + 1 < len(qs) and q.unit in ("个", "家", "条", "项", "所", "处") and qs[i + 1].unit == "%":
        gap = re.sub(r"[（(][^（）()]{1,10}[）)]", "", text[q.end : qs[i + 1].start])  # 细颗粒物（PM2.5）
        rate = r"(?:同比)?(?:增长|下降|增加|减少|降价|降低|占[^，。；、]{1,12}?的?|" + _RATE_OF + ")"
        # (农宅空置率30%—50%的“空心村”: a class of the things counted, not their rate)
        classed = re.match(
            r"(?:[—~～至到-]+[\d.]+%)?(?:以上|以下|左右)?[”’]?的", text[qs[i + 1].end : qs[i + 1].end + 10]
        )
        if re.fullmatch(rf"[^，。；、：,;（）()\n]{{1,20}}?{rate}", gap) and not classed:
            reason = "scope of a rate"  # 18个特色产业产值增长15%, 310条河流…水体优良比例提升至75%: the rate counts
    if not reason and i + 1 < len(qs) and qs[i + 1].base_unit == q.base_unit and qs[i + 1].value < q.value:
        gap, words = text[q.end : qs[i + 1].start], r"[^，。；：,;、\n\d]"
        if re.fullmatch(rf"{words}{{1,12}}?(?:累计)?(?:完成|实现|开工|建成|竣工){words}{{0,8}}", gap):
            reason = "scope of a count"  # 1600个城中村累计完成综合治理1200个: the 1200 is the result
    a, b = q.share_of or (q.start, q.end)  # 由9.2∶46.6∶44.2调整为…: the whole structure is the start
    began = _START_VALUE_BEFORE.search(text, max(start, a - 12), a) and _CHANGE_AFTER.match(text, b)
    began = began or _MERGED_INTO.match(text, q.end)
    # 从每月333元、147元提高到374元、172元: every figure of the list before the change is a start
    began = began or (
        i > 0
        and done[i - 1].excluded == "start value"
        and text[qs[i - 1].end : q.start] == "、"
        and _CHANGE_AFTER.match(text, q.end)
    )
    if not reason and began:
        reason = "start value"  # 从1628家增加到9400家: the 1628 is where the change began
    for j, other in enumerate(qs[:i]):  # never reach back over an earlier goal of the same segment
        if seg_start <= other.start < q.start and done[j].excluded not in _PART_OF_NAME:
            seg_start = max(seg_start, other.end)
    subject_start = seg_start
    if q.start - subject_start > _MAX_SUBJECT:
        subject_start = word_start_at_or_before(text, q.start - _MAX_SUBJECT)
    after_year = re.match(r"(?:底前|底|末前|末|前|内|以来|起)(?=[\u4e00-\u9fff“\d])", text[subject_start : q.start])
    if after_year and text[subject_start - 1 : subject_start] == "年":
        subject_start += after_year.end()  # 2018年前减少3100万平方米: the rest of the date, not the name
    subject = text[subject_start : q.start]
    if abbreviation and subject.endswith(abbreviation.group()):
        subject = subject[: -len(abbreviation.group())] + abbreviation.group(1)
    r = Reading(quantity=q, subject_start=subject_start, quote_end=q.end, indicator="", excluded=reason)
    r.excluded_by = rule
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
    if q.bare and re.search(r"(?<![通经超])过“?$|(?<![跃迈站])上$", subject) and "超过" not in r.prefix_hedges:
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
    previous = [d for d in done if d.quantity.start >= sentence_start and not d.excluded and d.indicator]
    name_number(Clause(text, r, qs, i, subject, clause_start, clause_end, sentence_start, start, previous))
    r.indicator = _with_counted_head(r, done, sentence_start)
    r.indicator = _second_measure(r, done, clause_start)
    first = listed_with(text, qs, i, clause_start)
    lead_end = first[0].start if first else q.start
    if q.base_unit not in ("倍", "番"):  # 专利拥有量增加两倍: the multiple says the direction
        counted = q.base_unit in ("家", "个", "户", "所", "座", "项", "条", "名", "人", "件", "套", "台", "辆")
        r.indicator = with_direction(r.indicator, text[max(clause_start, lead_end - 8) : lead_end], counted)
    return r


#: a name that ends in what happened, without the thing it happened to: 落地开工583个, 过会1家
_HEADLESS = re.compile(r"^[\u4e00-\u9fff]{0,5}?(?:开工|落地|挂牌|过会|上市|投产|签约|竣工|开业)$")
_HEAD_NOUN = re.compile(r"项目|企业|公司")
_ENDS_IN_HEAD_NOUN = re.compile(rf"(?:{_HEAD_NOUN.pattern})$")


def _with_counted_head(r: Reading, done: list[Reading], sentence_start: int) -> str:
    """新签约项目1126个，落地开工583个 -> 落地开工项目: the thing counted before in the sentence (a name that holds
    its head already, 重大项目开工, keeps it)."""
    named = _HEAD_NOUN.search(r.indicator[:-2])
    if named or not _HEADLESS.match(r.indicator) or r.quantity.base_unit not in ("个", "家", "项"):
        return r.indicator
    for d in reversed(done):
        head = _ENDS_IN_HEAD_NOUN.search(d.indicator) if d.quantity.start >= sentence_start and not d.excluded else None
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
    money = ("元", "美元", "欧元")
    if last.quantity.base_unit == r.quantity.base_unit or {last.quantity.base_unit, r.quantity.base_unit} <= set(money):
        return r.indicator  # 160.6亿美元、折合1148亿元: one sum in two currencies
    word = _MEASURE_BY_UNIT.get(r.quantity.base_unit, "")
    return r.indicator + word if word and not r.indicator.endswith(word) else r.indicator


def _is_stretch_marker(text: str, qs: list[Quantity], a: int, b: int) -> bool:
    """力争 right after a number and right before another one: 增长5.5%、力争6%以上."""
    starts_number = any(o.start == b for o in qs)
    after_number = any(0 <= a - o.end <= 4 and re.fullmatch(r"(?:以上|左右)?[、，,]?", text[o.end : a]) for o in qs)
    return starts_number and after_number
