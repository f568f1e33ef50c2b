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

from django.db import transaction

from . import reading
from .importing import (
    ImportRefused,
    ImportResult,
    already_imported,
    create_report,
    decode,
    delete_files,
    import_report,
    read_input,
    store_extraction,
)
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
    data, filename = read_input(path=path, data=data, filename=filename)
    if kind == Report.Kind.WORK_REPORT:
        # a next year's report: its plan year is the year after the one it reviews
        return import_report(data=data, filename=filename, region=region, year=year + 1, user=user)
    checksum = hashlib.sha256(data).hexdigest()
    if existing := already_imported(checksum):
        return existing
    document = decode(data=data, filename=filename)
    extraction = reading.extract(document.text)
    # an evidence document makes no commitments of its own; its plan part, if any, is not this year's news
    extraction.commitments = []
    if not extraction.outcomes:
        extraction.warnings.append("未从该文件中读出任何实绩数字。")
    stored: list[str] = []
    try:
        with transaction.atomic():
            region_obj = find_region(region) or get_or_create_region(name=region, level=None)
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
            counts = store_extraction(report=report, extraction=extraction)
    except BaseException:
        delete_files(stored)
        raise
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
