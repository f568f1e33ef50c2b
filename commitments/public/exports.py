"""CSV and Excel downloads of any filtered list of commitments, and of a whole region-year.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return)
are prefixed with an apostrophe: report text is public input and must not become a formula.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from commitments.public.downloads import CONTENT_TYPES, Download

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


@functools.cache
def _commitment_path() -> str:
    # reverse() once, not per row: it was a third of a large export's time
    return reverse("commitments:commitment", args=[987654321]).replace("987654321", "{pk}")


def _commitment_url(commitment) -> str:
    return settings.SITE_URL + _commitment_path().format(pk=commitment.pk)


Column = tuple[str, Callable[[object], object]]

COMMITMENT_COLUMNS: list[Column] = [
    ("编号", lambda c: c.pk),
    ("地区", lambda c: c.region.full_name),
    ("年度", lambda c: c.year),
    ("类型", lambda c: c.get_kind_display()),
    ("类别", lambda c: c.category),
    ("指标", lambda c: c.indicator_label),
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
    ("网址", _commitment_url),
]

OUTCOME_COLUMNS: list[Column] = [
    ("编号", lambda o: o.pk),
    ("地区", lambda o: o.region.full_name),
    ("年度", lambda o: o.year),
    ("指标", lambda o: o.indicator_label),
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


def about_commitment(headers: tuple[str, ...]) -> list[Column]:
    """Columns of COMMITMENT_COLUMNS for rows that carry a commitment (`row.commitment`): one definition of
    a commitment as a row, whatever the list."""
    by_header = dict(COMMITMENT_COLUMNS)
    return [(h, lambda row, get=by_header[h]: get(row.commitment)) for h in headers]


def _rows(items: Iterable, columns: list[Column]) -> Iterator[list]:
    yield [header for header, _ in columns]
    for item in items:
        yield [safe_cell(get(item)) for _, get in columns]


def csv_response(*, items: Iterable, columns: list[Column], filename: str) -> HttpResponse:
    """A CSV built in the request: staff's own lists (a few thousand rows at most, never anonymous)."""
    response = HttpResponse(content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a BOM
    csv.writer(response).writerows(_rows(items, columns))
    return response


def write_csv(path: Path, *, items: Iterable, columns: list[Column]) -> None:
    """A CSV in UTF-8 with BOM, so Excel reads the Chinese."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(_rows(items, columns))


def write_xlsx(path: Path, *, sheets: list[tuple[str, Iterable, list[Column]]]) -> None:
    """An .xlsx with one sheet per (title, items, columns), written in openpyxl's streaming mode."""
    from openpyxl import Workbook  # (imported by the download that needs it, not by every process)

    book = Workbook(write_only=True)
    for title, items, columns in sheets:
        sheet = book.create_sheet(title=title)
        for row in _rows(items, columns):
            sheet.append(row)
    book.save(path)


def _stream(queryset):
    return queryset.iterator(chunk_size=2000)


def commitments_download(*, queryset, fmt: str, filename: str, key: str) -> Download:
    """A list of commitments as CSV or Excel; `key` names the list (same key, same rows)."""
    queryset = export_commitments(queryset)

    def write(path: Path) -> None:
        if fmt == "csv":
            write_csv(path, items=_stream(queryset), columns=COMMITMENT_COLUMNS)
        else:
            write_xlsx(path, sheets=[("承诺", _stream(queryset), COMMITMENT_COLUMNS)])

    return Download(key=f"commitments|{fmt}|{key}", fmt=fmt, filename=filename, count=queryset.count, write=write)


def region_year_download(*, commitments, outcomes, fmt: str, filename: str) -> Download:
    """A whole region-year: its commitments, and (in Excel) the outcomes its report states for last year."""
    if fmt == "csv":
        return commitments_download(queryset=commitments, fmt="csv", filename=filename, key=filename)
    commitments, outcomes = export_commitments(commitments), export_outcomes(outcomes)

    def write(path: Path) -> None:
        write_xlsx(
            path,
            sheets=[
                ("承诺", _stream(commitments), COMMITMENT_COLUMNS),
                ("上年实绩", _stream(outcomes), OUTCOME_COLUMNS),
            ],
        )

    return Download(
        key=f"region-year|xlsx|{filename}",
        fmt=fmt,
        filename=filename,
        count=lambda: commitments.count() + outcomes.count(),
        write=write,
    )
