"""extract(text) -> Extraction: the whole reading of one report, with every span in the original text."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from . import divisions
from .context import CLAUSE_SEPS, SENTENCE_SEPS, Reading, _back, _fwd
from .divisions import COUNTY_LEVELS
from .files import read_document
from .hedges import join_qualifier
from .indicators import category_for, short_name
from .milestones import count_vague_work, find_milestones
from .numbers import find_quantities
from .reader import read_part
from .regions import detect_region
from .structure import (
    RawPart,
    RawSection,
    chrome_lines,
    find_body,
    find_delivery_date,
    find_parts,
    find_sections,
    find_years,
    placeholder_year,
    results_spans,
    review_periods,
)
from .textmap import MappedText, normalise
from .types import Commitment, Extraction, Outcome, Part, Section

_STRETCH_GAP = re.compile(r"^[、，,]?(?:力争|争取|最高|冲刺)(?:达到)?$")
#: a range written with the unit at both ends (增长5.5%—6%): one goal, its upper end the stretch
_RANGE_GAP = re.compile(r"^(?:—{1,2}|-|–|－|~|～|至|到)$")


def extract(text: str) -> Extraction:
    """Read a report. Never raises on an odd text: what it cannot find becomes a warning."""
    mapped = normalise(text)
    norm = mapped.text
    body = find_body(norm)
    parts = find_parts(norm, body)
    sections = find_sections(norm, parts)
    where = detect_region(norm[body.start : body.end])
    delivered_on = find_delivery_date(norm)
    plan_year, review_year = find_years(norm, parts, delivered_on)
    result = Extraction(
        region=where.region,
        parent_region=where.parent,
        level=where.level,
        region_code=where.code,
        plan_year=plan_year,
        review_year=review_year,
        delivered_on=delivered_on,
        warnings=list(body.warnings),
    )
    result.title = _title(where, plan_year)
    if where.region is None:
        result.warnings.append("未识别出地区")
    if placeholder_year(norm):
        result.warnings.append("报告的年份是占位符（20XX年），这是一份模板，不是正式报告")
    elif plan_year is None:
        result.warnings.append("未识别出报告年份")
    if _ABRIDGED.search(norm[:3000]):
        result.warnings.append("这是报告的摘登或新闻稿，只含报告的一部分，承诺不完整")
    for p in parts:
        s, e = mapped.span(p.start, p.end)
        ts, te = mapped.span(p.start, p.start + len(p.title))
        result.parts.append(Part(kind=p.kind, title=text[ts:te], start=s, end=e, horizon=p.horizon))
    for sec in sections:
        s, e = mapped.span(sec.start, sec.end)
        result.sections.append(Section(part=sec.part, title=sec.title, start=s, end=e, level=sec.level))
    chrome = chrome_lines(norm)
    quantities = [q for q in find_quantities(norm) if not any(a <= q.start < b for a, b in chrome)]
    plans = [p for p in parts if p.kind == "plan"]
    reviews = [p for p in parts if p.kind == "review"]
    if not parts or not (plans or reviews):
        if parts:
            result.warnings.append("未找到报告的回顾和计划部分，按一般文本读取实绩")
        else:
            result.warnings.append("未找到报告的各部分（回顾/计划），按一般文本读取实绩")
        readings = read_part(norm, quantities, body.start, body.end, plan=False)
        result.outcomes = _outcomes(text, mapped, readings, [], "", None)
        # not a 政府工作报告 (a bulletin, a news item): its own first line, if that reads as a title
        first = next((line.strip() for line in norm.splitlines() if line.strip()), "")
        result.title = first if len(first) <= 60 and not re.search(r"[。，；]", first) else ""
        return result
    if not plans:
        result.warnings.append("未找到计划部分（第二部分）")
    for plan in plans:
        readings = read_part(norm, quantities, plan.start, plan.end)
        targets, taken = _targets(text, mapped, readings, sections, plan)
        milestones = find_milestones(norm, plan.start, plan.end, taken=taken)
        result.commitments += targets + [_milestone(text, mapped, m, sections, plan) for m in milestones]
        if plan.horizon is None:
            result.vague_work += count_vague_work(
                norm, plan.start, plan.end, taken=taken + [(m.start, m.end) for m in milestones]
            )
    result.commitments.sort(key=lambda c: c.start)
    if not reviews:
        result.warnings.append("未找到回顾部分（第一部分）")
    for review in reviews:
        spans = results_spans(norm, review.start, review.end)
        readings = [r for a, b in spans for r in read_part(norm, quantities, a, b, plan=False)]
        periods = review_periods(norm, review, review_year)
        # a goal with a later date stated in the review (…2025年全部交付) is a commitment, not a result
        ahead = [r for r in readings if not r.excluded and _dated_ahead(norm, r, plan_year)]
        if ahead:
            for r in ahead:
                r.deadline = r.deadline or _year_ahead(norm, r)
            targets, _ = _targets(text, mapped, ahead, sections, review)
            result.commitments = sorted(result.commitments + targets, key=lambda c: c.start)
        readings = [r for r in readings if r not in ahead]
        result.outcomes += _outcomes(text, mapped, readings, sections, review.title, periods)
    own = divisions.get(where.code)
    if own:
        result.commitments = [_without_own_name(c, own.stem) for c in result.commitments]
        result.outcomes = [_without_own_name(o, own.stem) for o in result.outcomes]
    return result


def _without_own_name(item, stem: str):
    """The report's own region is not part of what is measured: 深圳铁路到发旅客, 全国重点实验室落户河北.

    >>> from .types import Outcome
    >>> _without_own_name(Outcome("深圳铁路到发旅客", 1.87, "亿人次", "", "", 0, 0, ""), "深圳").indicator
    '铁路到发旅客'
    >>> _without_own_name(Outcome("深圳市民中心访客", 1, "万人次", "", "", 0, 0, ""), "深圳").indicator
    '深圳市民中心访客'
    """
    if getattr(item, "kind", "") == "milestone":
        return item
    stem = re.escape(stem)
    # 徐州经开区 is a place of its own; 深圳市民 are its citizens, not 深圳 + 市民
    keep = r"经开区|高新区|开发区|新区|港|综合保税区|综保区|自贸|片区|都市圈|民"
    lead = rf"^(?:全[省市区县])?{stem}(?![省市区县]?(?:{keep}))(?:[省市区县])?(?=[\u4e00-\u9fff“]{{2}})"
    name = re.sub(lead, "", item.indicator)
    name = re.sub(rf"(?<=[\u4e00-\u9fff]{{2}}){stem}(?:[省市区县])?$", "", name)
    return replace(item, indicator=name) if name != item.indicator else item


_AHEAD_YEAR = re.compile(r"(20\d\d)年(?:底|年底|末|前|内)?")
_AHEAD_WORDS = re.compile(r"力争|确保|争取|计划|预计将|将|全部交付|建成|完成|实现")


def _year_ahead(norm: str, r) -> str | None:
    m = _AHEAD_YEAR.search(norm, r.quantity.end, r.quantity.end + 20)
    return m.group(0) if m else None


def _dated_ahead(norm: str, r, plan_year: int | None) -> bool:
    """A figure of the review part given for a year not yet over: 保交楼项目2025年全部交付.

    >>> t = "去年新开工住房3万套，剩余1.2万套力争2025年全部交付。"
    >>> from .numbers import find_quantities
    >>> from .reader import read_part
    >>> [_dated_ahead(t, r, 2025) for r in read_part(t, find_quantities(t), 0, len(t))]
    [False, True]
    """
    if plan_year is None:
        return False
    q, end = r.quantity, len(norm)
    sentence = norm[_back(norm, q.start, SENTENCE_SEPS, 0) : _fwd(norm, q.end, SENTENCE_SEPS, end)]
    clause = norm[_back(norm, q.start, CLAUSE_SEPS, 0) : _fwd(norm, q.end, CLAUSE_SEPS, end)]
    years = [int(y) for y in _AHEAD_YEAR.findall(clause)]
    return any(y >= plan_year for y in years) and bool(_AHEAD_WORDS.search(sentence)) and "以来" not in clause


_ABRIDGED = re.compile(r"摘登|摘要|要点|本报讯|报告指出")


def extract_outcomes(text: str) -> list:
    """Outcomes of a short document without parts (统计公报 excerpt, news item) or of a report's review."""
    extraction = extract(text)
    return extraction.outcomes


def extract_report_json(*, path: str | Path) -> dict:
    """What `manage.py extract_report PATH --json` prints: read the file, extract, as_json()."""
    path = Path(path)
    document = read_document(data=path.read_bytes(), filename=path.name)
    return extract(document.text).as_json()


def _title(where, plan_year: int | None) -> str:
    county_level = where.level in COUNTY_LEVELS
    name = (where.parent or "") + where.region if where.region and county_level else where.region or ""
    body = "管理委员会" if where.level in ("新区", "开发区") and not where.code else "政府"  # a zone reports as 管委会
    return f"{name}{plan_year or ''}{'年' if plan_year else ''}{body}工作报告"


def _section_of(pos: int, sections: list[RawSection], fallback: str) -> str:
    best = fallback
    for sec in sections:
        if sec.level == 1 and sec.start <= pos < sec.end:
            best = sec.title
    return best


def _targets(
    text: str, mapped: MappedText, readings: list[Reading], sections: list[RawSection], part: RawPart
) -> tuple[list[Commitment], list[tuple[int, int]]]:
    kept = [r for r in readings if not r.excluded]
    merged: list[Reading] = []
    norm = mapped.text
    for r in kept:
        if merged:
            prev = merged[-1]
            gap = norm[prev.quote_end : r.quantity.start]
            same_unit = prev.quantity.base_unit == r.quantity.base_unit
            if prev.stretch is None and same_unit and _STRETCH_GAP.match(gap):
                prev.stretch = r.quantity
                prev.quote_end = r.quote_end
                prev.suffix_hedges = r.suffix_hedges
                prev.governing = [*prev.governing, "力争"]
                continue
            if prev.stretch is None and same_unit and _RANGE_GAP.match(gap) and r.quantity.value > prev.quantity.value:
                prev.stretch = r.quantity
                prev.quote_end = r.quote_end
                prev.suffix_hedges = r.suffix_hedges
                continue
        merged.append(r)
    out: list[Commitment] = []
    taken: list[tuple[int, int]] = []
    for r in merged:
        q = r.quantity
        start, end = mapped.span(r.subject_start, r.quote_end)
        start, end = _trim(text, start, end)
        section = _section_of(q.start, sections, part.title)
        indicator = short_name(r.indicator)
        stretch = r.stretch.value if r.stretch else q.stretch
        out.append(
            Commitment(
                kind="target",
                indicator=indicator,
                value=q.value,
                unit=q.unit,
                stretch_value=stretch,
                qualifier=join_qualifier(r.governing + r.prefix_hedges + r.suffix_hedges),
                quote=text[start:end],
                start=start,
                end=end,
                section=section,
                category=category_for(indicator=indicator, section=section),
                deadline=r.deadline or _horizon(part),
                horizon=part.horizon,
            )
        )
        taken.append((r.subject_start, r.quote_end))
    return out, taken


def _horizon(part: RawPart) -> str | None:
    return f"{part.horizon}年" if part.horizon else None


def _milestone(text: str, mapped: MappedText, m, sections: list[RawSection], part: RawPart) -> Commitment:
    start, end = _trim(text, *mapped.span(m.start, m.end))
    section = _section_of(m.start, sections, part.title)
    name = re.sub(r"^(?:力争|确保|争取|年内|今年|上半年|下半年|全面)+", "", m.text)
    return Commitment(
        kind="milestone",
        indicator=name,
        value=None,
        unit="",
        stretch_value=None,
        qualifier=join_qualifier(list(m.hedges)),
        quote=text[start:end],
        start=start,
        end=end,
        section=section,
        category=category_for(indicator=name, section=section),
        deadline=m.deadline or _horizon(part),
        horizon=part.horizon,
    )


def _outcomes(
    text: str, mapped: MappedText, readings: list[Reading], sections: list[RawSection], part_title: str, periods
) -> list[Outcome]:
    out: list[Outcome] = []
    for r in readings:
        if r.excluded and r.excluded != "past":  # the review reports the past: 完成了 is an outcome
            continue
        q = r.quantity
        start, end = _trim(text, *mapped.span(r.subject_start, r.quote_end))
        out.append(
            Outcome(
                indicator=short_name(r.indicator),
                value=q.value,
                unit=q.unit,
                qualifier=join_qualifier(r.prefix_hedges + r.suffix_hedges),
                quote=text[start:end],
                start=start,
                end=end,
                section=_section_of(q.start, sections, part_title),
                period=periods(q.start) if periods else None,
                estimated=_estimated(mapped.text, q.start),
            )
        )
    return out


def _estimated(norm: str, pos: int) -> bool:
    """预计 earlier in the number's sentence: 预计全年实现地区生产总值295亿元、同比增长5%.

    >>> _estimated("去年增长4%。预计全年实现地区生产总值295亿元、同比增长5%", 27), _estimated("去年增长4%。", 4)
    (True, False)
    """
    return "预计" in norm[_back(norm, pos, SENTENCE_SEPS, 0) : pos]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """No leading/trailing spaces, line breaks or ** markers in a quote."""
    while start < end and (text[start] in " \t\r\n\u3000*，、,.;。；"):
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u3000*":
        end -= 1
    return start, _close_quotation(text, start, end)


def _close_quotation(text: str, start: int, end: int) -> int:
    """A quote that opens a “name” ends after it: 布设20处“抬头可见、驻足可观” (not 布设20处“抬头可见).

    >>> t = "布设20处“抬头可见、驻足可观”的景观小品"
    >>> t[: _close_quotation(t, 0, t.index("、"))]
    '布设20处“抬头可见、驻足可观”'
    """
    piece = text[start:end]
    if piece.count("“") > piece.count("”"):
        close = text.find("”", end, end + 20)
        if close != -1:
            return close + 1
    return end
