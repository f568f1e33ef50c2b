"""Importing a report: read the file, extract, store everything in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, OperationalError
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from commitments import cache, reading, search
from commitments.indicators import indicator_for
from commitments.ingest import undo
from commitments.ingest.files import NewFiles
from commitments.ingest.revision import Revision
from commitments.ingest.revision import revise as revise_report
from commitments.models import Category, Commitment, Outcome, Part, Region, Report, Section
from commitments.regions import find_region, get_or_create_region, region_for_division
from commitments.verification import workflow


class ImportRefused(Exception):
    """A file the tracker will not import; the message says why, in the interface language. `code` names what
    the person importing could give to resolve it (NEEDS_REGION …): each interface says how to give it
    (the command by an option, the upload form by a field)."""

    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.code = code


NEEDS_REGION, NEEDS_YEAR, NEEDS_REVISE, NO_PLAN = "needs_region", "needs_year", "needs_revise", "no_plan"


@dataclass
class ImportResult:
    report: Report | None
    created: bool
    dry_run: bool = False
    region: str = ""
    plan_year: int | None = None
    review_year: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    extraction: reading.Extraction | None = None
    revision: Revision | None = None  # set when a revised version replaced an imported report
    new_regions: list = field(default_factory=list)  # regions this import creates (announced in the preview)

    @property
    def summary(self) -> str:
        if not self.created and not self.dry_run:
            return f"未做改动：该报告已导入过（{self.report}）。"
        if self.revision:
            head = "修订版预览（未保存）" if self.dry_run else "已按修订版更新"
            return f"{head}：{self.region} {self.plan_year} 年报告；{self.revision.summary}"
        head = "预览（未保存）" if self.dry_run else "已导入"
        counts = "，".join(f"{label} {self.counts.get(key, 0)}" for key, label in _COUNT_LABELS)
        years = f"计划年度 {self.plan_year or '未知'}，回顾年度 {self.review_year or '未知'}"
        return f"{head}：{self.region}，{years}；{counts}。"


_COUNT_LABELS = [
    ("parts", "部分"),
    ("sections", "章节"),
    ("targets", "量化目标"),
    ("milestones", "工作节点"),
    ("outcomes", "实绩"),
]


def import_report(
    *,
    path: Path | str | None = None,
    data: bytes | None = None,
    filename: str | None = None,
    region: str | None = None,
    year: int | None = None,
    dry_run: bool = False,
    user=None,
    revise: bool = False,
) -> ImportResult:
    """Imports a 政府工作报告 from a path (or bytes + filename). Re-importing the same file changes nothing.

    A different file for a region and year already imported is refused, unless `revise`: then it replaces
    the imported one, keeping staff's work (see revising.py), and `result.revision` says what changed.
    """
    data, filename = read_input(path=path, data=data, filename=filename)
    checksum = hashlib.sha256(data).hexdigest()
    if existing := already_imported(checksum, dry_run=dry_run):
        return existing
    document = decode(data=data, filename=filename)
    extraction = reading.extract(document.text)
    if reading.placeholder_year(document.text):
        raise ImportRefused("报告中的年份是占位符（如“20XX年”），这像是一份模板而不是正式报告，无法确定年度。")
    if not any(part.kind == "plan" for part in extraction.parts):
        raise ImportRefused(
            "未找到报告的计划部分（如“二、2024年工作安排”），无法抽取承诺。请确认这是一份完整的政府工作报告。",
            code=NO_PLAN,
        )
    plan_year = year or extraction.plan_year
    if not plan_year:
        raise ImportRefused("未能从文本中识别计划年度。", code=NEEDS_YEAR)
    review_year = extraction.review_year or plan_year - 1

    result = ImportResult(
        report=None,
        created=True,
        dry_run=dry_run,
        plan_year=plan_year,
        review_year=review_year,
        warnings=list(extraction.warnings),
        extraction=extraction,
    )
    stored = NewFiles()  # removed again if the database work is rolled back
    try:
        with undo.atomic(undo=dry_run, on_undo=stored.discard):
            region_obj = _resolve_region(extraction, region, created=result.new_regions, by_staff=user is not None)
            result.region = region_obj.full_name
            earlier = Report.objects.work_reports().filter(region=region_obj, plan_year=plan_year).first()
            if earlier and earlier.text == document.text:  # the same report in another encoding or format
                result.created, result.report = False, earlier
                return result
            if earlier and not revise:
                raise ImportRefused(
                    f"{region_obj.full_name} {plan_year} 年的政府工作报告已导入过另一份文件"
                    f"（{earlier.original_name}）。",
                    code=NEEDS_REVISE,
                )
            if earlier:
                report = earlier
                report.original_name, report.encoding, report.text = filename, document.encoding, document.text
                report.checksum, report.warnings = checksum, list(extraction.warnings)
                report.vague_work = extraction.vague_work
                report.revised_at = timezone.now()  # who replaced the text, and when (the rows keep their history)
                report.revised_by = user if user and user.is_authenticated else None
                _save_source(report, data=data, checksum=checksum, filename=filename, stored=stored)
                result.report = report  # the old file stays in storage: the history may point at it
                result.revision = revise_report(
                    report=report, store=store_extraction, extraction=extraction, text=document.text, user=user
                )
                return result
            report = create_report(
                stored=stored,
                data=data,
                checksum=checksum,
                filename=filename,
                document=document,
                user=user,
                region=region_obj,
                kind=Report.Kind.WORK_REPORT,
                plan_year=plan_year,
                review_year=review_year,
                title=extraction.title or f"{region_obj.full_name}{plan_year}年政府工作报告",
                delivered_on=_parse_date(extraction.delivered_on),
                warnings=list(extraction.warnings),
                vague_work=extraction.vague_work,
            )
            result.report = report
            result.counts = store_extraction(report=report, extraction=extraction)
    except IntegrityError as exc:
        # two imports of one report at once: the one that committed first wins, the other says so
        stored.discard()
        existing = already_imported(checksum, dry_run=dry_run)
        if existing is not None:
            return existing
        raise ImportRefused("同一地区同一年度的报告正由他人同时导入，本次没有保存。请稍后刷新查看。") from exc
    except OperationalError as exc:
        stored.discard()
        raise ImportRefused("数据库正忙（另一项导入正在写入），本次没有保存任何内容，请稍后重试。") from exc
    except BaseException:
        stored.discard()
        raise
    return result


def _save_source(report: Report, *, data: bytes, checksum: str, filename: str, stored: NewFiles) -> None:
    stored.save(report.source_file, f"{checksum[:16]}{Path(filename).suffix.lower()}", data)


def read_input(*, path: Path | str | None, data: bytes | None, filename: str | None) -> tuple[bytes, str]:
    """The bytes to import, from a path or as given; refused when unreadable or too big."""
    if data is None:
        path = Path(path)
        try:
            _refuse_if_too_big(path.stat().st_size)
            data = path.read_bytes()
        except OSError as exc:
            raise ImportRefused(f"无法读取文件：{exc.strerror or exc}") from exc
        filename = filename or path.name
    _refuse_if_too_big(len(data))
    return data, filename or "upload.txt"


def already_imported(checksum: str, *, dry_run: bool = False) -> ImportResult | None:
    existing = Report.objects.filter(checksum=checksum).select_related("region").first()
    if existing is None:
        return None
    return ImportResult(
        report=existing,
        created=False,
        dry_run=dry_run,
        region=existing.region.full_name,
        plan_year=existing.plan_year,
        review_year=existing.review_year,
    )


def decode(*, data: bytes, filename: str) -> reading.DecodedDocument:
    try:
        return reading.read_document_limited(data=data, filename=filename)
    except reading.UnreadableDocument as exc:
        raise ImportRefused(str(exc)) from exc


def create_report(*, stored: NewFiles, data: bytes, checksum: str, filename: str, document, user, **fields) -> Report:
    """Saves a new Report with its original file, written through `stored` (removed if rolled back)."""
    report = Report(
        original_name=filename,
        encoding=document.encoding,
        text=document.text,
        checksum=checksum,
        imported_by=user if user and user.is_authenticated else None,
        **fields,
    )
    _save_source(report, data=data, checksum=checksum, filename=filename, stored=stored)
    report.save()
    return report


def _refuse_if_too_big(size: int) -> None:
    # A report's text is well under 1 MB and its PDF a few MB; a bigger file is the wrong file, and
    # reading it would hold a worker for minutes.
    limit = settings.MAX_UPLOAD_BYTES
    if size > limit:
        raise ImportRefused(
            f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 {limit // 1024 // 1024} MB。"
            "政府工作报告的文本通常不到 1 MB，请确认选对了文件。"
        )


def _resolve_region(extraction: reading.Extraction, override: str | None, *, created: list, by_staff: bool) -> Region:
    if override:
        found = find_region(override)
        if found:
            return found
        if override not in (extraction.region, f"{extraction.parent_region or ''}{extraction.region}"):
            return get_or_create_region(name=override, level=None)
    if not extraction.region:
        raise ImportRefused("未能从文本中识别地区。", code=NEEDS_REGION)
    if extraction.region_code:  # a region an upload creates waits for a staff member to check it
        return region_for_division(extraction.region_code, created=created, published=not by_staff)
    return get_or_create_region(
        name=extraction.region,
        level=extraction.level,
        parent_name=extraction.parent_region,
        created=created,
        published=not by_staff,
    )


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def store_extraction(*, report: Report, extraction: reading.Extraction, verify: bool = True) -> dict[str, int]:
    """Stores parts, sections, commitments and outcomes of a freshly created report, then verifies what they
    report on (a revision stores first and verifies once, after it has merged the old rows)."""
    parts = Part.objects.bulk_create(
        Part(report=report, kind=p.kind, title=p.title[:300], start=p.start, end=p.end) for p in extraction.parts
    )

    def part_at(pos: int) -> Part | None:
        return next((p for p in parts if p.start <= pos < p.end), None)

    sections = Section.objects.bulk_create(
        Section(
            report=report,
            part=part_at(s.start),
            title=s.title[:300],
            level=getattr(s, "level", 1),
            start=s.start,
            end=s.end,
        )
        for s in extraction.sections
    )
    section_at = _innermost_section_finder(sections)
    # the year's plan, not a five-year plan part before it
    horizons = {(p.start, p.end): p.horizon for p in extraction.parts if p.kind == "plan"}
    plan = next((p for p in parts if p.kind == "plan" and not horizons.get((p.start, p.end))), None)
    first_section = min((s.start for s in sections if plan and s.part_id == plan.pk), default=None)

    region, year = report.region, report.plan_year
    indicators: dict[str, object] = {}  # one lookup per name, not per item: a report repeats its indicators

    def indicator(name: str):
        if not name:
            return None
        if name not in indicators:
            indicators[name] = indicator_for(name)
        return indicators[name]

    def common(item) -> dict:
        """The fields a commitment and an outcome read the same way: where it stands, what it measures, its span."""
        normalized, base_unit = _normalized(item.value, item.unit)
        return dict(
            report=report,
            region=region,
            section=section_at(item.start),
            indicator=indicator(item.indicator),
            indicator_name=item.indicator[:100],
            value=_decimal(item.value),
            unit=item.unit,
            normalized_value=normalized,
            base_unit=base_unit,
            qualifier=item.qualifier,
            quote=item.quote,
            start=item.start,
            end=item.end,
        )

    commitments = [
        Commitment(
            **common(item),
            year=year,
            category=item.category if item.category in Category.values else Category.OTHER,
            kind=item.kind,
            stretch_value=_decimal(item.stretch_value),
            deadline=(item.deadline or "")[:40],
            horizon=item.horizon,
            # 主要预期目标: the year's plan part's targets stated before its first numbered section.
            is_headline=item.kind == "target"
            and first_section is not None
            and plan.start <= item.start < first_section,
        )
        for item in extraction.commitments
    ]
    bulk_create_with_history(commitments, Commitment)
    outcomes = [
        Outcome(
            **common(item),
            year=report.review_year,
            period=getattr(item, "period", None) or "",
            estimated=getattr(item, "estimated", False),
        )
        for item in extraction.outcomes
    ]
    Outcome.objects.bulk_create(outcomes)
    if verify:  # ambition links, and verdicts for the commitments this document reports on
        workflow.on_report_stored(report=report)
    search.index_report(report)  # the search's word tables, and the public pages' cache: bulk inserts send no signal
    cache.bump_data_version()
    return {
        "parts": len(parts),
        "sections": len(sections),
        "targets": sum(1 for c in commitments if c.kind == Commitment.Kind.TARGET),
        "milestones": sum(1 for c in commitments if c.kind == Commitment.Kind.MILESTONE),
        "outcomes": len(outcomes),
    }


def _innermost_section_finder(sections: list[Section]):
    """A function giving the deepest section whose span holds an offset (a lead phrase before its heading)."""
    ordered = sorted(sections, key=lambda s: (s.level, s.start), reverse=True)

    def find(offset: int) -> Section | None:
        return next((s for s in ordered if s.start <= offset < s.end), None)

    return find


def _normalized(value, unit: str) -> tuple[Decimal | None, str]:
    if value is None:
        return None, ""
    normalized, base_unit = reading.normalize(value, unit)
    return _decimal(normalized), base_unit


def import_fixtures(*, directory: Path) -> list[ImportResult]:
    """Imports every report in a folder (first start). Files already imported are skipped."""
    return [
        import_report(path=path) for path in sorted(directory.glob("*")) if path.suffix in {".txt", ".docx", ".pdf"}
    ]
