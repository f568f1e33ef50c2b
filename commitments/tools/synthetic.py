"""Synthetic, realistic data at national scale, for benchmarks and load tests (never for tests).

The sentences are the real ones of the five hand-annotated reports (tests/data/gold/), with their
numbers varied, so search, indicator pages and scorecards see realistic text, indicators and hedges.
Each city gets districts; each region gets one work report a year with a review part (outcomes), a
plan part in sections (commitments), and staff progress updates on past years' commitments, all with
history rows as the admin would have written them. Rows go in with bulk inserts, one transaction per city.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from pypinyin import lazy_pinyin
from simple_history.utils import bulk_create_with_history

from commitments.cache import bump_data_version
from commitments.indicators import indicator_for
from commitments.models import Category, Commitment, Indicator, Outcome, Part, ProgressUpdate, Region, Report, Section
from commitments.search import index_commitments, index_outcomes
from commitments.status import Status

GOLD_DIR = Path(settings.BASE_DIR) / "tests" / "data" / "gold"
BATCH = 2000
SYLLABLES = (
    "安宝北滨昌成川春大德东丰福富阜广海汉和河华淮惠吉嘉江金锦靖九康乐"
    "临龙鲁洛梅南宁平浦齐庆泉瑞山商上胜寿顺泰唐天通威文西咸湘新兴阳宜永裕元云枣长漳镇中舟"
)
SECTION_TITLES = [
    ("产业发展", "（一）坚定不移推进产业转型升级"),
    ("科技创新", "（二）深入实施创新驱动发展战略"),
    ("扩大内需", "（三）全力扩大有效需求"),
    ("城乡建设", "（四）持续提升城市能级"),
    ("乡村振兴", "（五）全面推进乡村振兴"),
    ("生态环境", "（六）加快建设美丽家园"),
    ("民生保障", "（七）用心用情增进民生福祉"),
]
FILLER = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，推动经济实现质的有效提升和量的合理增长。"
PAST_STATUSES = [Status.DONE, Status.DONE, Status.EXCEEDED, Status.PARTIAL, Status.MISSED, Status.ADJUSTED]
NOTES = ["据统计部门季度数据", "牵头单位报送进展", "现场核查确认", "媒体报道", "年度统计公报"]
DEPARTMENTS = [
    "市发展改革委",
    "市工业和信息化局",
    "市商务局",
    "市人力资源社会保障局",
    "市住房城乡建设局",
    "市生态环境局",
]


@dataclass(frozen=True)
class Template:
    kind: str  # "target" | "milestone" | "outcome"
    sentence: str
    number: str = ""
    value: float | None = None
    unit: str = ""
    qualifier: str = ""
    stretch_value: float | None = None
    indicator: str = ""


def load_templates() -> dict[str, list[Template]]:
    """The target, milestone and outcome sentences of the annotated reports."""
    found: dict[str, list[Template]] = {"target": [], "milestone": [], "outcome": []}
    for path in sorted(GOLD_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind, key in (("target", "targets"), ("outcome", "outcomes")):
            for row in data[key]:
                if row["number"] in row["context"] and isinstance(row["value"], int | float) and row["indicator"]:
                    found[kind].append(
                        Template(
                            kind=kind,
                            sentence=row["context"],
                            number=row["number"],
                            value=row["value"],
                            unit=row["unit"][:16],
                            qualifier=row["qualifier"],
                            stretch_value=row.get("stretch_value"),
                            indicator=row["indicator"][:64],
                        )
                    )
        found["milestone"] += [Template(kind="milestone", sentence=row["text"]) for row in data["milestones"]]
    if not all(found.values()):
        raise RuntimeError(f"找不到标注样例（{GOLD_DIR}），无法生成合成数据。")
    return found


@dataclass
class _Quote:
    template: Template
    sentence: str
    value: Decimal | None
    start: int = 0
    end: int = 0


def _vary(template: Template, rng: random.Random) -> _Quote:
    if template.value is None or not template.number.replace(".", "").isdigit():
        return _Quote(template, template.sentence, None if template.value is None else Decimal(str(template.value)))
    factor = rng.uniform(0.6, 1.4)
    decimals = len(template.number.partition(".")[2])
    value = round(Decimal(str(template.value)) * Decimal(str(round(factor, 3))), decimals)
    number = f"{value:.{decimals}f}"
    return _Quote(template, template.sentence.replace(template.number, number, 1), Decimal(number))


class _TextBuilder:
    """Builds a report's text and remembers where each quote landed."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.chunks.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.chunks)


def _names(rng: random.Random, count: int, suffixes: tuple[str, ...], taken: set[str]) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = "".join(rng.sample(SYLLABLES, 2)) + rng.choice(suffixes)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def seed_scale(
    *,
    regions: int,
    years: int,
    districts: int = 8,
    per_report: int = 110,
    last_year: int = 2024,
    seed: int = 7,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Adds `regions` cities with `districts` districts each and `years` reports per region.

    Returns the counts of rows added. Runs again add more cities (names never clash).
    """
    rng = random.Random(seed + Region.objects.count())
    templates = load_templates()
    indicators = {
        name: indicator_for(name) for name in sorted({t.indicator for t in templates["target"] + templates["outcome"]})
    }
    taken_names = set(Region.objects.values_list("name", flat=True))
    taken_slugs = set(Region.objects.values_list("slug", flat=True))
    counts = dict.fromkeys(["regions", "reports", "commitments", "outcomes", "updates"], 0)
    for n, city_name in enumerate(_names(rng, regions, ("市",), taken_names), start=1):
        with transaction.atomic():
            _seed_city(
                name=city_name,
                districts=districts,
                years=range(last_year - years + 1, last_year + 1),
                last_year=last_year,
                per_report=per_report,
                templates=templates,
                indicators=indicators,
                taken_slugs=taken_slugs,
                rng=rng,
                counts=counts,
            )
        if progress:
            progress(f"{n}/{regions} {city_name}: 累计承诺 {counts['commitments']}")
    bump_data_version()  # bulk inserts send no signal: the cached public pages are stale
    return counts


def _slug(name: str, taken: set[str], parent_slug: str = "") -> str:
    own = "".join(lazy_pinyin(name[:-1])).lower()
    slug = base = f"{parent_slug}-{own}" if parent_slug else own
    n = 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _seed_city(
    *,
    name: str,
    districts: int,
    years: range,
    last_year: int,
    per_report: int,
    templates: dict[str, list[Template]],
    indicators: dict[str, Indicator],
    taken_slugs: set[str],
    rng: random.Random,
    counts: dict[str, int],
) -> None:
    city = Region.objects.create(name=name, level=Region.Level.CITY, slug=_slug(name, taken_slugs))
    children = Region.objects.bulk_create(
        Region(name=child, level=Region.Level.DISTRICT, parent=city, slug=_slug(child, taken_slugs, city.slug))
        for child in _names(rng, districts, ("区", "县"), set())
    )
    counts["regions"] += 1 + len(children)
    plans: list[tuple[Report, list[tuple[str, str, list[_Quote]]], list[_Quote], tuple[int, int]]] = []
    reports: list[Report] = []
    for region in [city, *children]:
        for year in years:
            report, sections, outcomes, plan_span = _build_report(
                region=region, year=year, per_report=per_report, templates=templates, rng=rng
            )
            reports.append(report)
            plans.append((report, sections, outcomes, plan_span))
    Report.objects.bulk_create(reports, batch_size=BATCH)
    counts["reports"] += len(reports)

    parts, sections = [], []
    for report, _, _, (plan_start, plan_end) in plans:
        parts.append(
            Part(
                report=report,
                kind=Part.Kind.REVIEW,
                title=f"一、{report.review_year}年工作回顾",
                start=0,
                end=plan_start,
            )
        )
        parts.append(
            Part(
                report=report,
                kind=Part.Kind.PLAN,
                title=f"二、{report.plan_year}年工作安排",
                start=plan_start,
                end=plan_end,
            )
        )
    Part.objects.bulk_create(parts, batch_size=BATCH)
    plan_parts = {part.report_id: part for part in parts if part.kind == Part.Kind.PLAN}
    for report, report_sections, _, _ in plans:
        for _category, title, quotes in report_sections:
            start, end = quotes[0].start, quotes[-1].end
            sections.append(Section(report=report, part=plan_parts[report.pk], title=title, start=start, end=end))
    Section.objects.bulk_create(sections, batch_size=BATCH)
    section_iter = iter(sections)

    commitments, outcomes, sentences = [], [], {}
    for report, report_sections, report_outcomes, _ in plans:
        for category, _title, quotes in report_sections:
            section = next(section_iter)
            for quote in quotes:
                sentences[quote.sentence] = quote.template.sentence
                commitments.append(
                    _commitment(
                        report=report,
                        section=section,
                        category=category,
                        quote=quote,
                        indicators=indicators,
                        last_year=last_year,
                        rng=rng,
                    )
                )
        outcomes += [
            Outcome(
                report=report,
                region_id=report.region_id,
                year=report.review_year,
                indicator=indicators[q.template.indicator],
                indicator_name=q.template.indicator,
                value=q.value,
                unit=q.template.unit,
                normalized_value=q.value,
                base_unit=q.template.unit,
                qualifier=q.template.qualifier[:40],
                quote=q.sentence,
                start=q.start,
                end=q.end,
            )
            for q in report_outcomes
        ]
        sentences.update((q.sentence, q.template.sentence) for q in report_outcomes)
    # Rows go in with their final status; their history says they were imported 待评估 and changed later.
    Commitment.objects.bulk_create(commitments, batch_size=BATCH)
    final = {c.pk: c.status for c in commitments}
    for commitment in commitments:
        commitment.status = Status.PENDING
        commitment._history_date = _moment(commitment.year, 1, 20)
    Commitment.history.bulk_history_create(commitments, batch_size=BATCH)
    Outcome.objects.bulk_create(outcomes, batch_size=BATCH)
    # The search's word tables, as the importer fills them (the words of a template sentence: the varied
    # numbers are not indexed, and tokenizing each template once keeps seeding fast).
    index_commitments(((c.pk, sentences[c.quote]) for c in commitments), replace=False)
    index_outcomes(((o.pk, sentences[o.quote]) for o in outcomes), replace=False)
    counts["commitments"] += len(commitments)
    counts["outcomes"] += len(outcomes)

    # Staff work, as the admin records it: progress updates, and each status change in the history.
    updates, changed = [], []
    for commitment in commitments:
        commitment.status = final[commitment.pk]
        if commitment.status == Status.PENDING:
            continue
        months = sorted(rng.sample(range(3, 13), rng.randint(1, 3)))
        for month in months:
            updates.append(
                ProgressUpdate(
                    commitment=commitment,
                    date=date(commitment.year, month, 28),
                    status=commitment.status if month == months[-1] else Status.IN_PROGRESS,
                    value_reached=commitment.value,
                    note=rng.choice(NOTES),
                )
            )
        commitment._history_date = _moment(commitment.year, months[-1], 28)
        changed.append(commitment)
    bulk_create_with_history(updates, ProgressUpdate, batch_size=BATCH)
    Commitment.history.bulk_history_create(changed, update=True, batch_size=BATCH, default_change_reason="进展更新")
    counts["updates"] += len(updates)


def _moment(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


def _build_report(
    *, region: Region, year: int, per_report: int, templates: dict[str, list[Template]], rng: random.Random
):
    full_name = f"{region.parent.name}{region.name}" if region.parent_id else region.name
    text = _TextBuilder()
    title = f"{full_name}{year}年政府工作报告"
    text.add(f"{title}\n\n一、{year - 1}年工作回顾\n")
    outcomes = [_vary(t, rng) for t in rng.sample(templates["outcome"], min(len(templates["outcome"]), per_report))]
    for quote in outcomes:
        quote.start, quote.end = text.add(quote.sentence)
        text.add("。" + (FILLER if rng.random() < 0.3 else "") + ("\n" if rng.random() < 0.2 else ""))
    plan_start, _ = text.add(f"\n二、{year}年工作安排\n{FILLER}\n")
    targets = rng.sample(templates["target"], min(len(templates["target"]), per_report * 5 // 6))
    milestones = rng.sample(templates["milestone"], min(len(templates["milestone"]), per_report - len(targets)))
    quotes = [_vary(t, rng) for t in targets + milestones]
    rng.shuffle(quotes)
    sections = []
    size = -(-len(quotes) // len(SECTION_TITLES))
    for i, (category, heading) in enumerate(SECTION_TITLES):
        chunk = quotes[i * size : (i + 1) * size]
        if not chunk:
            continue
        text.add(f"{heading}\n")
        for quote in chunk:
            quote.start, quote.end = text.add(quote.sentence)
            text.add("。" + (FILLER if rng.random() < 0.2 else ""))
        text.add("\n")
        sections.append((category, heading, chunk))
    _, plan_end = text.add("")
    text.add(f"\n三、全面加强政府自身建设\n{FILLER * 4}\n")
    body = text.text()
    checksum = hashlib.sha256(f"scale:{region.slug}:{year}".encode()).hexdigest()
    report = Report(
        region=region,
        kind=Report.Kind.WORK_REPORT,
        plan_year=year,
        review_year=year - 1,
        title=title,
        delivered_on=date(year, 1, rng.randint(5, 25)),
        source_file=f"reports/{year}/{checksum[:16]}.txt",
        original_name=f"{region.slug}-{year}.txt",
        encoding="utf-8",
        text=body,
        checksum=checksum,
    )
    return report, sections, outcomes, (plan_start, plan_end)


def _commitment(*, report, section, category, quote: _Quote, indicators, last_year: int, rng: random.Random):
    template = quote.template
    status = Status.PENDING
    if report.plan_year < last_year and rng.random() < 0.5:
        status = rng.choice(PAST_STATUSES)
    elif report.plan_year == last_year and rng.random() < 0.3:
        status = Status.IN_PROGRESS
    is_target = template.kind == "target"
    return Commitment(
        report=report,
        region_id=report.region_id,
        year=report.plan_year,
        section=section,
        category=category if category in Category.values else Category.OTHER,
        kind=Commitment.Kind.TARGET if is_target else Commitment.Kind.MILESTONE,
        indicator=indicators[template.indicator] if is_target else None,
        indicator_name=template.indicator[:100],
        value=quote.value,
        unit=template.unit,
        normalized_value=quote.value,
        base_unit=template.unit,
        qualifier=template.qualifier[:40],
        stretch_value=None if template.stretch_value is None else Decimal(str(template.stretch_value)),
        lead_department=rng.choice(DEPARTMENTS) if status != Status.PENDING else "",
        status=status,
        quote=quote.sentence,
        start=quote.start,
        end=quote.end,
        is_public=rng.random() > 0.02,
    )
