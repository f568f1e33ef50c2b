"""Matching outcomes of a later document to the commitments they report on.

A pair scores by what is measured (same canonical indicator, an alias, or jieba word overlap of the names),
and only if the numbers can be compared at all (units after normalising, growth vs level, new vs total).
Place adjusts the score: the topic of the sections they sit in, and the county or district a quote names.
Each commitment gets at most one outcome, the best; an outcome backs one commitment, except a commitment
stated twice in the same plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .types import Fact, Promise
from .verdicts import comparable, times_of
from .words import normalize, simplified, words

MATCH_THRESHOLD = 0.6
#: a baseline (same report, last year's actual) is only linked when the indicator is clearly the same
BASELINE_THRESHOLD = 0.8


@dataclass(frozen=True)
class Pair:
    promise: Promise
    fact: Fact
    score: float
    reasons: tuple[str, ...]


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a and b else 0.0


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\W\d_]+", "", simplified(text))
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _names(item: Promise | Fact) -> list[str]:
    return [simplified(n) for n in dict.fromkeys((item.indicator, item.indicator_written, *item.aliases)) if n]


def indicator_similarity(promise: Promise, fact: Fact) -> tuple[float, str]:
    """How surely the two measure the same thing, and how we know.

    >>> indicator_similarity(Promise(1, "target", "新增城镇就业", ""), Fact(2, "城镇新增就业", 1, "万人", ""))
    (1.0, '指标用词相同（城镇、就业）')
    """
    p_names, f_names = _names(promise), _names(fact)
    if not p_names or not f_names:
        return 0.0, ""
    # a threshold inside a name makes another indicator: 产值超10亿元企业 is not 产值超50亿元企业
    if _digits(promise.indicator_written or p_names[0]) != _digits(fact.indicator_written or f_names[0]):
        return 0.0, ""
    if p_names[0] == f_names[0]:
        return 1.0, f"同一指标（{p_names[0]}）"
    if set(p_names) & set(f_names):
        return 0.95, f"指标别名相同（{'、'.join(sorted(set(p_names) & set(f_names)))}）"
    best, why = 0.0, ""
    for p in p_names:
        for f in f_names:
            # 中欧班列 / 中欧班列开行: the same head with a verb or measure word after it
            short, long_ = sorted((p, f), key=len)
            if len(short) >= 3 and long_.startswith(short) and best < 0.8:
                best, why = 0.8, f"指标名称包含（{short} / {long_}）"
    for p in p_names:
        for f in f_names:
            pw, fw = words(p), words(f)
            # one name inside the other (重点项目投资 / 省市县重点项目完成投资) counts, less than the same words
            subset = (
                0.65 if len(set(pw)) >= 2 and len(set(fw)) >= 2 and (set(pw) <= set(fw) or set(fw) <= set(pw)) else 0
            )
            by_words = max(_jaccard(pw, fw), subset)
            by_chars = 0.9 * _jaccard(_bigrams(p), _bigrams(f))
            if by_words >= by_chars and by_words > best:
                shared = "、".join(w for w in pw if w in fw)
                best, why = by_words, (f"指标用词相同（{shared}）" if by_words == 1 else f"指标用词重合（{shared}）")
            elif by_chars > best:
                best, why = by_chars, f"指标字面相近（{p} / {f}）"
    if best < HEAD_SCORE:
        for p in p_names:
            for f in f_names:
                head = _same_head(p, f)
                score = HEAD_SCORE + 0.1 * _jaccard(words(p), words(f))
                if head and score > best:
                    best, why = score, f"{_HEAD_REASON}（{head}）"
    return round(best, 4), why


#: two names that end in the same specific thing (新建改造绿道 / 新建提升绿道, 5G基站 / 5G-A基站) may be one
#: measure; the pair then also needs figures of one size (see score_pair)
HEAD_SCORE = MATCH_THRESHOLD
_HEAD_REASON = "指标所计之物相同"
_GENERIC_THINGS = """面积 投资 收入 企业 项目 资金 规模 总量 数量 人数 人次 比例 比重 占比 增加值 产值
工程 活动 服务 设施 平台 中心 机构 总额 金额 支出 人员 人才 产业 行业 单位 事项
政策 措施 任务 问题 改造 建设 整治 提升 就业 岗位 学位 家庭 群众 社区 场所 空间
用地 土地 能力 水平 指数 补贴 贷款 销售 消费 税收 利润 成本 工作 行动 园区 基地
载体 团队 产品 市场 主体 经营 资产 总数 新增 累计 年度 全年 标准 体系 网络 覆盖
公里 万元 投入 试点 集群 示范 项目区"""
_GENERIC_HEADS = set(_GENERIC_THINGS.split())


def _same_head(a: str, b: str) -> str:
    """The specific thing both names count, if they end in it: 新建改造公园 / 公园 → 公园.

    >>> _same_head("新建改造5G基站", "新建改造5G-A基站"), _same_head("展览面积", "办展面积")
    ('基站', '')
    """
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return ""
    short, long_ = sorted((wa[-1], wb[-1]), key=len)
    if len(short) < 2 or not long_.endswith(short) or short in _GENERIC_HEADS or re.search(r"[\d率]", short):
        return ""
    return short


def _digits(name: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", name)


_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(县|区)")
_GENERIC_AREAS = """城区 园区 片区 新区 景区 社区 街区 商区 山区 老区 辖区 市区 地区 校区 港区 矿区 库区
保护区 开发区 示范区 试验区 功能区 集聚区 先行区 产业区"""
_NOT_PLACES = set(_GENERIC_AREAS.split())


def _places(text: str) -> set[str]:
    return {
        m.group() for m in _PLACE.finditer(simplified(text)) if m.group() not in _NOT_PLACES and m.group(1)[-1] != "城"
    }


def score_pair(promise: Promise, fact: Fact) -> Pair | None:
    """The pair's score in [0, 1], or None when the two cannot be the same measure."""
    if promise.kind != "target" or promise.value is None or comparable(promise, fact):
        return None
    similarity, why = indicator_similarity(promise, fact)
    if similarity <= 0:
        return None
    score, reasons = similarity, [why]
    sections = _jaccard(words(promise.section), words(fact.section)) if promise.section and fact.section else 0
    if sections:
        score += 0.05 * sections
        reasons.append("所在章节主题相近")
    p_places, f_places = _places(promise.quote), _places(fact.quote)
    if p_places and f_places and not p_places & f_places:
        score *= 0.7
        reasons.append(f"地点不同（{'、'.join(sorted(p_places))} / {'、'.join(sorted(f_places))}）")
    times = times_of(promise, fact)
    if why.startswith(_HEAD_REASON) and (times is None or not 0.5 <= times <= 2.5):
        return None  # the same thing counted, but not in figures of one size: another measure of it
    if times is not None and not 0.05 <= abs(times) <= 20:
        score *= 0.6
        reasons.append("数量级相差很大")
    return Pair(promise, fact, round(min(score, 1.0), 4), tuple(r for r in reasons if r))


def match(
    promises: Iterable[Promise], facts: Iterable[Fact], *, threshold: float = MATCH_THRESHOLD
) -> dict[object, Pair]:
    """The best outcome for each target (by promise key), at or above the threshold."""
    promises = [p for p in promises if p.kind == "target"]
    facts = list(facts)
    pairs = [pair for p in promises for f in facts if (pair := score_pair(p, f)) and pair.score >= threshold]
    # best first; on a tie the outcome written closest to the start (reports state the total before its parts)
    pairs.sort(key=lambda pair: (-pair.score, pair.fact.start, str(pair.promise.key)))
    chosen: dict[object, Pair] = {}
    used: dict[object, Pair] = {}
    for pair in pairs:
        if pair.promise.key in chosen:
            continue
        holder = used.get(pair.fact.key)
        if holder is not None and not _same_promise(holder.promise, pair.promise):
            continue
        chosen[pair.promise.key] = pair
        used.setdefault(pair.fact.key, pair)
    return chosen


def _same_promise(a: Promise, b: Promise) -> bool:
    """A target stated twice (in the 主要预期目标 and again in its section) is backed by the same outcome."""
    return simplified(a.indicator) == simplified(b.indicator) and (
        normalize(a.value, a.unit) == normalize(b.value, b.unit)
    )


def mentioned(promise: Promise, facts: Iterable[Fact], text: str) -> bool:
    """Whether a later document reports or restates a target at all, whatever its unit or number."""
    folded = simplified(text)
    if any(name and len(name) >= 3 and name in folded for name in _names(promise)):
        return True
    return any(indicator_similarity(promise, f)[0] >= MATCH_THRESHOLD for f in facts)


_COMPARED = re.compile(r"(比上年|较上年|同比|比去年|较去年).*$")


def carry_subjects(facts: Iterable[Fact], *, text: str) -> list[Fact]:
    """Outcomes whose name is only "比上年" or "同比" take the subject of the outcome before them in the sentence.

    Statistics bulletins write "地区生产总值6480.2亿元，比上年增长5.8%": the growth rate belongs to the same
    indicator as the amount before it.
    """
    from dataclasses import replace

    out: list[Fact] = []
    previous: Fact | None = None
    for fact in sorted(facts, key=lambda f: f.start):
        name = _COMPARED.sub("", simplified(fact.indicator))
        between = text[previous.end : fact.start] if previous else "。"
        if name != simplified(fact.indicator) or not words(name):
            if not words(name) and previous is not None and not re.search(r"[。；;！？\n]", between):
                fact = replace(fact, indicator=previous.indicator, aliases=previous.aliases)
            elif words(name):
                fact = replace(fact, indicator=name)
        out.append(fact)
        previous = fact
    return out
