"""Walk the quantities of one part and read each in its sentence (see context.Reading)."""

from __future__ import annotations

import re

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
    deadline_in,
    exclusion,
    suffix_hedges,
)
from .numbers import Quantity

_GOVERNING = re.compile(r"力争|确保|争取")
_NEAR_PREFIX = ("不低于", "不少于", "不超过", "不高于", "突破", "超过", "达到")
_SPLIT_NAMES = re.compile(r"、|和|及|与")
_MAX_SUBJECT = 24


def read_part(text: str, quantities: list[Quantity], start: int, end: int) -> list[Reading]:
    """Read every quantity in [start, end); excluded ones keep their reason in `excluded`."""
    qs = [q for q in quantities if start <= q.start < end]
    readings: list[Reading] = []
    for i, q in enumerate(qs):
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
    for j, other in enumerate(qs[:i]):  # never reach back over an earlier goal of the same segment
        if seg_start <= other.start < q.start and not (done[j].excluded == "threshold"):
            seg_start = max(seg_start, other.end)
    subject_start = seg_start
    if q.start - subject_start > _MAX_SUBJECT:
        subject_start = q.start - _MAX_SUBJECT
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
    return r


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
        names_text = clean_subject(text[names_from:p])
        names = [n for n in _SPLIT_NAMES.split(names_text) if n] if names_text else []
        if len(names) == len(group) and len(group) > 1:
            name = names[k]
            longest = max(names, key=len)
            if len(name) <= 3 and len(longest) > len(name) + 2:  # 城镇和农村居民人均可支配收入
                name = name + longest[len(name) :] if longest.startswith(("农村", "城镇", "城乡")) else name
            r.indicator = name
            return
        if not names and len(previous) >= len(group) and len(group) > 1:
            r.indicator = previous[len(previous) - len(group) + k].indicator
            return
    cleaned = clean_subject(re.sub(r"^[的]+", "", subject))
    # 培育2家国家级农业产业化龙头企业, 推进安宜美、正新等130个食品全产业链项目: the counted thing follows
    after_end = _fwd(text, r.quote_end, SEGMENT_SEPS, clause_end)
    noun = text[r.quote_end : after_end]
    noun = re.sub(r"(?:建设任务|的建设|建设|等)$", "", noun).strip()
    if 2 <= len(noun) <= 24 and not re.match(r"^(?:以上|以下|左右|以内|的|[，。；]|[\d%])", noun):
        r.indicator = noun
        r.quote_end = r.quote_end + len(text[r.quote_end : after_end].rstrip())
        return
    if not cleaned or _VERB_ONLY.match(cleaned):
        if previous:
            r.indicator = previous[-1].indicator
            return
        r.indicator = cleaned
        return
    if cleaned in _GENERIC_SUBJECT:
        if previous:
            r.indicator = previous[-1].indicator + cleaned
            return
        # topic first, comment after: 食品产业，坚持…，力争产值突破2000亿元
        topic_end = _fwd(text, sentence_start, CLAUSE_SEPS, q.start)
        topic = text[sentence_start:topic_end].strip()
        if 2 <= len(topic) <= 8 and topic_end < q.start:
            r.indicator = topic + cleaned
            return
    r.indicator = cleaned
