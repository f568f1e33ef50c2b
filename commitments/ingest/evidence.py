"""Importing evidence: a document that reports results for a region and a year (统计公报, 计划执行情况, 进展通报, news).

Its numbers become outcomes with quotes and spans, like a report's review part (a short document with no parts
is read whole, by the reading package). 繁體 text is read through the same reader, which folds characters one
by one, so spans and quotes stay as written. A next year's report can come this way too (kind "report"): it
goes through import_report. Importing the same file twice changes nothing.

A dry run (the admin's preview) stores everything inside a transaction, runs verification, notes what it
would propose, then rolls it all back and removes the stored file again, like import_report's dry run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from commitments import reading
from commitments.ingest import undo
from commitments.ingest.files import NewFiles
from commitments.ingest.reports import (
    ImportRefused,
    ImportResult,
    already_imported,
    create_report,
    decode,
    import_report,
    read_input,
    store_extraction,
)
from commitments.models import Commitment, Region, Report
from commitments.regions import find_region, get_or_create_region
from commitments.status import Status

_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"(20\d\d)\s*年")
# The reader's notes that are normal for evidence: staff state the year, and a bulletin has no parts.
_READER_NOTES = {"未识别出报告年份", "未找到报告的各部分（回顾/计划），按一般文本读取实绩"}


@dataclass(frozen=True)
class Proposal:
    """A verdict the document proposes for one commitment, kept as plain values (a dry run's rows are gone)."""

    commitment_quote: str
    verdict: str
    arithmetic: str
    evidence_quote: str
    score: float

    @property
    def verdict_label(self) -> str:
        return Status(self.verdict).label


@dataclass
class EvidenceResult(ImportResult):
    kind: str = Report.Kind.STATISTICS
    checkable: int = 0  # the region-year's commitments this document could verify
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.created and not self.dry_run:
            return f"未做改动：该文件已导入过（{self.report}）。"
        head = "预览（未保存）" if self.dry_run else "已导入"
        return (
            f"{head}：《{self.report}》（{Report.Kind(self.kind).label}，{self.region} {self.review_year} 年），"
            f"实绩 {self.counts.get('outcomes', 0)} 条；为该年 {self.checkable} 条承诺中的 "
            f"{len(self.proposals)} 条提出核对建议。"
        )

    def proposals_by_verdict(self) -> list[tuple[str, int]]:
        """(status value, how many), in the status vocabulary's order."""
        counts = {s: sum(1 for p in self.proposals if p.verdict == s) for s in Status.values}
        return [(s, n) for s, n in counts.items() if n]


def import_evidence(
    *,
    path: Path | str | None = None,
    data: bytes | None = None,
    filename: str | None = None,
    region: str | Region,
    year: int,
    kind: str = Report.Kind.STATISTICS,
    delivered_on: date | None = None,
    title: str = "",
    dry_run: bool = False,
    user=None,
) -> ImportResult:
    """Imports a document reporting results of `year` for `region`, and verifies that year's commitments.

    `region` is a name (临沂市, 临沂市河东区) or, from the admin, the Region itself. Returns an EvidenceResult
    (an ImportResult for kind "report"), with the proposals the import made.
    """
    if kind not in Report.Kind.values:
        raise ImportRefused(f"未知的文件类型：{kind}（可选：{'、'.join(Report.Kind.values)}）")
    data, filename = read_input(path=path, data=data, filename=filename)
    if kind == Report.Kind.WORK_REPORT:
        # a next year's report: its plan year is the year after the one it reviews
        name = region.full_name if isinstance(region, Region) else region
        return import_report(data=data, filename=filename, region=name, year=year + 1, dry_run=dry_run, user=user)
    checksum = hashlib.sha256(data).hexdigest()
    if existing := already_imported(checksum, dry_run=dry_run):
        return existing
    document = decode(data=data, filename=filename)
    extraction = reading.extract(document.text)
    # an evidence document makes no commitments of its own; its plan part, if any, is not this year's news
    extraction.commitments = []
    stored = NewFiles()
    try:
        with undo.atomic(undo=dry_run, on_undo=stored.discard):
            region_obj = region if isinstance(region, Region) else _region_named(region)
            extraction.warnings = [w for w in extraction.warnings if w not in _READER_NOTES]
            extraction.warnings += _doubts(extraction, text=document.text, region=region_obj, year=year)
            report = create_report(
                stored=stored,
                data=data,
                checksum=checksum,
                filename=filename,
                document=document,
                user=user,
                region=region_obj,
                kind=kind,
                plan_year=None,
                review_year=year,
                title=(title or _title(document.text) or f"{region_obj.full_name}{year}年{Report.Kind(kind).label}")[
                    :200
                ],
                delivered_on=delivered_on or _date_in(document.text) or _iso(extraction.delivered_on),
                warnings=list(extraction.warnings),
            )
            result = EvidenceResult(
                report=report,
                created=True,
                dry_run=dry_run,
                region=region_obj.full_name,
                review_year=year,
                counts=store_extraction(report=report, extraction=extraction),
                warnings=list(extraction.warnings),
                extraction=extraction,
                kind=kind,
                checkable=_checkable(region=region_obj, year=year).count(),
                proposals=_proposals(report),
            )
            if extraction.outcomes and not result.proposals and result.checkable:
                result.warnings.append(
                    f"读出的实绩与{region_obj.full_name} {year} 年的承诺均未匹配，不会产生核对建议。"
                )
                report.warnings = list(result.warnings)
                report.save(update_fields=["warnings"])
    except BaseException:
        stored.discard()
        raise
    return result


def _region_named(name: str) -> Region:
    return find_region(name) or get_or_create_region(name=name, level=None)


def _checkable(*, region: Region, year: int):
    return Commitment.objects.filter(region=region, year=year, report__kind=Report.Kind.WORK_REPORT)


def _proposals(report: Report) -> list[Proposal]:
    rows = report.verifications.select_related("commitment").order_by("-score", "commitment__start", "pk")
    return [
        Proposal(
            commitment_quote=v.commitment.quote,
            verdict=v.verdict,
            arithmetic=v.arithmetic,
            evidence_quote=v.quote,
            score=v.score,
        )
        for v in rows
    ]


def _doubts(extraction: reading.Extraction, *, text: str, region: Region, year: int) -> list[str]:
    """Signs that the staff member chose the wrong type, region or year for this document."""
    doubts = []
    if not extraction.outcomes:
        doubts.append("未从该文件中读出任何实绩数字。")
    if any(part.kind == "plan" for part in extraction.parts):
        doubts.append("该文件含有工作安排部分，像是一份政府工作报告；如是，请在“文件类型”中选择“政府工作报告”。")
    named = f"{extraction.parent_region or ''}{extraction.region or ''}"
    if extraction.region and extraction.region not in region.full_name and region.name not in named:
        doubts.append(f"文件中识别出的地区是“{named}”，与所选的“{region.full_name}”不同，请确认。")
    title_years = {int(y) for y in _YEAR.findall(_title(text))}
    if title_years and year not in title_years:
        written = "、".join(str(y) for y in sorted(title_years))
        doubts.append(f"文件标题写的是 {written} 年，与所选的 {year} 年不同，请确认。")
    if not _checkable(region=region, year=year).exists():
        doubts.append(
            f"{region.full_name} {year} 年尚无已导入的承诺（先导入该年的政府工作报告），暂时没有可核对的承诺。"
        )
    return doubts


def _title(text: str) -> str:
    """The document's own first line when it reads like a title (short, no full stop)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 60 and "。" not in line else ""
    return ""


def _date_in(text: str) -> date | None:
    """The first full date in the document's head (a bulletin's or article's publication date)."""
    m = _DATE.search(text[:400])
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
