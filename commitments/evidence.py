"""Importing evidence: a document that reports results for a region and a year (统计公报, 计划执行情况, 进展通报, news).

Its numbers become outcomes with quotes and spans, like a report's review part (a short document with no parts
is read whole, by the reading package). 繁體 text is read through the same reader, which folds characters one
by one, so spans and quotes stay as written. A next year's report can come this way too (kind "report"): it
goes through import_report. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from . import reading
from .importing import ImportRefused, ImportResult, import_report, store_extraction
from .models import Report
from .regions import find_region, get_or_create_region

_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def import_evidence(
    *,
    path: Path | str | None = None,
    data: bytes | None = None,
    filename: str | None = None,
    region: str,
    year: int,
    kind: str = Report.Kind.STATISTICS,
    delivered_on: date | None = None,
    title: str = "",
    user=None,
) -> ImportResult:
    """Imports a document reporting results of `year` for `region`, and verifies that year's commitments."""
    if kind not in Report.Kind.values:
        raise ImportRefused(f"未知的文件类型：{kind}（可选：{'、'.join(Report.Kind.values)}）")
    if data is None:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportRefused(f"无法读取文件：{exc.strerror or exc}") from exc
        filename = filename or path.name
    if kind == Report.Kind.WORK_REPORT:
        # a next year's report: its plan year is the year after the one it reviews
        return import_report(data=data, filename=filename, region=region, year=year + 1, user=user)
    checksum = hashlib.sha256(data).hexdigest()
    existing = Report.objects.filter(checksum=checksum).select_related("region").first()
    if existing:
        return ImportResult(
            report=existing, created=False, region=existing.region.full_name, review_year=existing.review_year
        )
    try:
        document = reading.read_document(data=data, filename=filename)
    except reading.UnreadableDocument as exc:
        raise ImportRefused(str(exc)) from exc
    extraction = reading.extract(document.text)
    # an evidence document makes no commitments of its own; its plan part, if any, is not this year's news
    extraction.commitments = []
    if not extraction.outcomes:
        extraction.warnings.append("未从该文件中读出任何实绩数字。")
    with transaction.atomic():
        region_obj = find_region(region) or get_or_create_region(name=region, level=None)
        report = Report(
            region=region_obj,
            kind=kind,
            plan_year=None,
            review_year=year,
            title=(title or _title(document.text) or f"{region_obj.full_name}{year}年{Report.Kind(kind).label}")[:200],
            delivered_on=delivered_on or _date_in(document.text) or _iso(extraction.delivered_on),
            original_name=filename,
            encoding=document.encoding,
            text=document.text,
            checksum=checksum,
            imported_by=user if user and user.is_authenticated else None,
            warnings=list(extraction.warnings),
        )
        report.source_file.save(f"{checksum[:16]}{Path(filename).suffix.lower()}", ContentFile(data), save=False)
        report.save()
        counts = store_extraction(report=report, extraction=extraction)
    return ImportResult(
        report=report,
        created=True,
        region=region_obj.full_name,
        review_year=year,
        counts=counts,
        warnings=list(extraction.warnings),
        extraction=extraction,
    )


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
