"""Server-drawn SVG charts: readable without JavaScript, allowed by the strict CSP (no style attributes).

Every chart carries role="img" and a text alternative; the numbers it shows are also printed next to it
in the page, so a screen reader or a text browser loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from commitments.public.scorecard import Scorecard
from commitments.status import Status

#: the status whose colour stands for each bucket of a one-line scorecard
GROUP_STATUS = {
    "kept": Status.DONE,
    "progress": Status.IN_PROGRESS,
    "not_started": Status.NOT_STARTED,
    "missed": Status.MISSED,
    "pending": Status.PENDING,
}

LABEL_WIDTH = 88
ROW_HEIGHT = 26
BAR_HEIGHT = 16


def _segments(parts: list[tuple[str, int, str]], *, total: int, x0: float, y: float, width: float, height: float):
    """Stacked rectangles: (colour, count, title) each, scaled so that `total` fills `width`."""
    x = x0
    for colour, n, title in parts:
        if not n:
            continue
        w = width * n / total
        yield (f"{x:.2f}", f"{y:.2f}", f"{w:.2f}", f"{height:.2f}", colour, title)
        x += w


def _rects(segments) -> SafeString:
    return format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        segments,
    )


def scorecard_bar(card: Scorecard, *, width: int = 240, height: int = 14) -> SafeString:
    """One line: kept / in progress / missed / not yet assessable, as a stacked bar."""
    summary = "，".join(f"{label} {n}" for _, label, n in card.groups)
    if not card.total:
        return format_html(
            '<svg class="bar" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="暂无承诺">'
            '<rect width="{}" height="{}" fill="#f4f4f4"/></svg>',
            width,
            height,
            width,
            height,
            width,
            height,
        )
    parts = [(GROUP_STATUS[g].colour, n, f"{label} {n}") for g, label, n in card.groups]
    return format_html(
        '<svg class="bar" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        width,
        height,
        summary,
        _rects(_segments(parts, total=card.total, x0=0, y=0, width=width, height=height)),
    )


def breakdown_chart(cards: list[Scorecard], *, width: int = 760) -> SafeString:
    """Horizontal stacked bars by status, one row per scorecard (overall first, then each category)."""
    if not cards:
        return mark_safe("")
    bar_width = width - LABEL_WIDTH - 48
    height = ROW_HEIGHT * len(cards) + 4
    rows = []
    for i, card in enumerate(cards):
        y = 4 + i * ROW_HEIGHT
        parts = [(s.colour, n, f"{card.label}：{s.label} {n}") for s, n in card.statuses]
        rows.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>{}'
                '<text x="{}" y="{}" class="chart-value">{}</text>',
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 3,
                card.label,
                _rects(
                    _segments(parts, total=card.total or 1, x0=LABEL_WIDTH, y=y, width=bar_width, height=BAR_HEIGHT)
                ),
                LABEL_WIDTH + bar_width + 6,
                y + BAR_HEIGHT - 3,
                card.total,
            )
        )
    summary = "；".join(
        f"{card.label}：" + "，".join(f"{s.label} {n}" for s, n in card.statuses) for card in cards if card.total
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        width,
        height,
        summary,
        mark_safe("".join(rows)),
    )


@dataclass
class Point:
    """One row of an indicator chart: a region-year with its target and, once known, its actual."""

    label: str
    target: Decimal | None
    actual: Decimal | None


def indicator_chart(points: list[Point], *, unit: str, width: int = 760) -> SafeString:
    """Target (outlined) against actual (filled) for each region-year, on one shared scale."""
    points = [p for p in points if p.target is not None or p.actual is not None]
    if not points:
        return mark_safe("")
    values = [float(v) for p in points for v in (p.target, p.actual) if v is not None]
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    label_width, bar_width = 150, width - 150 - 70
    row = 34
    height = row * len(points) + 24

    def x_of(v: float) -> float:
        return label_width + bar_width * (v - low) / span

    zero = x_of(0.0)
    rows = []
    for i, p in enumerate(points):
        y = 20 + i * row
        parts = [
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>', label_width - 8, y + 16, p.label
            )
        ]
        for value, dy, cls, name in ((p.target, 0, "target", "目标"), (p.actual, 13, "actual", "实绩")):
            if value is None:
                continue
            v = float(value)
            x, w = min(zero, x_of(v)), abs(x_of(v) - zero)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="11" class="{}"><title>{} {} {}{}</title></rect>'
                    '<text x="{}" y="{}" class="chart-value">{}</text>',
                    f"{x:.2f}",
                    y + dy,
                    f"{max(w, 1.0):.2f}",
                    cls,
                    p.label,
                    name,
                    _num(value),
                    unit,
                    f"{max(zero, x_of(v)) + 4:.2f}",
                    y + dy + 10,
                    _num(value),
                )
            )
        rows.append(mark_safe("".join(parts)))
    legend = format_html(
        '<rect x="{}" y="2" width="12" height="10" class="target"/><text x="{}" y="11" class="chart-label">目标</text>'
        '<rect x="{}" y="2" width="12" height="10" class="actual"/><text x="{}" y="11" class="chart-label">实绩</text>'
        '<text x="{}" y="11" class="chart-label">单位：{}</text>',
        label_width,
        label_width + 16,
        label_width + 60,
        label_width + 76,
        label_width + 130,
        unit or "—",
    )
    summary = "；".join(f"{p.label}：目标 {_or(p.target, '无')}，实绩 {_or(p.actual, '未知')}" for p in points)
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">{}{}'
        '<line x1="{}" y1="16" x2="{}" y2="{}" class="axis"/></svg>',
        width,
        height,
        width,
        height,
        summary,
        legend,
        mark_safe("".join(rows)),
        f"{zero:.2f}",
        f"{zero:.2f}",
        height,
    )


def _or(value, missing: str) -> str:
    return missing if value is None else _num(value)


def _num(value) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return f"{value:g}"
