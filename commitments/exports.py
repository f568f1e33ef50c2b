"""CSV and Excel downloads of any filtered list of commitments, and of a whole region-year.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return)
are prefixed with an apostrophe: report text is public input and must not become a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from io import BytesIO

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """A value fit for a spreadsheet cell: numbers stay numbers, text never starts a formula.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-5%"), safe_cell(Decimal("-5.5000")), safe_cell(None)
    ("'=HYPERLINK(1)", "'-5%", -5.5, '')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):  # 5.5000 → 5.5, 90000.0000 → 90000
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _url(path: str) -> str:
    base = settings.SITE_URL
    return f"{base}{path}"


Column = tuple[str, Callable[[object], object]]

COMMITMENT_COLUMNS: list[Column] = [
    ("编号", lambda c: c.pk),
    ("地区", lambda c: c.region.full_name),
    ("年度", lambda c: c.year),
    ("类型", lambda c: c.get_kind_display()),
    ("类别", lambda c: c.category),
    ("指标", lambda c: c.indicator.name if c.indicator_id else c.indicator_name),
    ("目标值", lambda c: c.value),
    ("单位", lambda c: c.unit),
    ("限定词", lambda c: c.qualifier),
    ("力争值", lambda c: c.stretch_value),
    ("折算值", lambda c: c.normalized_value),
    ("折算单位", lambda c: c.base_unit),
    ("期限", lambda c: c.deadline),
    ("五年规划目标年", lambda c: c.horizon),
    ("牵头单位", lambda c: c.lead_department),
    ("进展状态", lambda c: c.get_status_display()),
    ("次年报告未提及", lambda c: "是" if c.not_mentioned_next_year else ""),
    ("原文", lambda c: c.quote),
    ("原文起点", lambda c: c.start),
    ("原文终点", lambda c: c.end),
    ("网址", lambda c: _url(c.get_absolute_url())),
]

OUTCOME_COLUMNS: list[Column] = [
    ("编号", lambda o: o.pk),
    ("地区", lambda o: o.region.full_name),
    ("年度", lambda o: o.year),
    ("指标", lambda o: o.indicator.name if o.indicator_id else o.indicator_name),
    ("时期", lambda o: o.period),
    ("实绩值", lambda o: o.value),
    ("单位", lambda o: o.unit),
    ("限定词", lambda o: o.qualifier),
    ("折算值", lambda o: o.normalized_value),
    ("折算单位", lambda o: o.base_unit),
    ("原文", lambda o: o.quote),
    ("原文起点", lambda o: o.start),
    ("原文终点", lambda o: o.end),
]


def export_commitments(queryset):
    return queryset.select_related("region__parent", "indicator")


def export_outcomes(queryset):
    return queryset.select_related("region__parent", "indicator")


def _rows(items: Iterable, columns: list[Column]) -> Iterator[list]:
    yield [header for header, _ in columns]
    for item in items:
        yield [safe_cell(get(item)) for _, get in columns]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(*, items: Iterable, columns: list[Column], filename: str) -> StreamingHttpResponse:
    """A streamed CSV (UTF-8 with BOM, so Excel reads the Chinese), one row at a time."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        for row in _rows(items, columns):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(*, sheets: list[tuple[str, Iterable, list[Column]]], filename: str) -> HttpResponse:
    """An .xlsx with one sheet per (title, items, columns), written in openpyxl's streaming mode."""
    book = Workbook(write_only=True)
    for title, items, columns in sheets:
        sheet = book.create_sheet(title=title)
        for row in _rows(items, columns):
            sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def commitments_download(*, queryset, fmt: str, filename: str):
    items = export_commitments(queryset).iterator(chunk_size=2000)
    if fmt == "csv":
        return csv_response(items=items, columns=COMMITMENT_COLUMNS, filename=filename)
    return xlsx_response(sheets=[("承诺", items, COMMITMENT_COLUMNS)], filename=filename)


def region_year_download(*, commitments, outcomes, fmt: str, filename: str):
    """A whole region-year: its commitments, and (in Excel) the outcomes its report states for last year."""
    if fmt == "csv":
        return commitments_download(queryset=commitments, fmt="csv", filename=filename)
    return xlsx_response(
        sheets=[
            ("承诺", export_commitments(commitments).iterator(chunk_size=2000), COMMITMENT_COLUMNS),
            ("上年实绩", export_outcomes(outcomes).iterator(chunk_size=2000), OUTCOME_COLUMNS),
        ],
        filename=filename,
    )
