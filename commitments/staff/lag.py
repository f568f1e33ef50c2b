"""序时进度: is a quantitative commitment on schedule? A plain function, no database.

The rule, as staff read it on the lag page:
- For an amount that accumulates over the year (新增就业9万人, 完成投资100亿元), the expected progress on a
  day is the target times the share of the period elapsed, from 1 January of the plan year to the
  deadline (the due date when set, otherwise 31 December). The light compares the share reached with the
  share expected: green when on or ahead of schedule, yellow when behind by less than 10 percentage
  points, red when further behind.
- For a rate or a level (增长6%, 空气优良天数比例80%), time does not accumulate: the latest value reached
  is compared with the target itself: green at or above it, yellow within 10 % of it, red below that.
- For a lower-is-better indicator (事故起数, 拥堵指数) the comparison flips.
- No light without a target value or a progress value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from commitments.reading.units import LEVEL_UNITS

TOLERANCE = Decimal("0.10")


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return LIGHT_LABELS[self]


LIGHT_LABELS = {Light.GREEN: "绿灯：符合序时进度", Light.YELLOW: "黄灯：略落后于序时进度", Light.RED: "红灯：明显落后"}


@dataclass(frozen=True)
class LagResult:
    light: Light
    expected: Decimal  # share of the target expected by today (0..1), or 1 for a rate
    reached: Decimal  # share of the target reached (may exceed 1)
    explanation: str


def lag_light(
    *,
    target: Decimal | None,
    reached: Decimal | None,
    unit: str,
    year: int,
    today: date,
    due_date: date | None = None,
    lower_is_better: bool = False,
) -> LagResult | None:
    """The light of one commitment on `today`; None when there is nothing to compare.

    >>> lag_light(target=Decimal(9), reached=Decimal(4), unit="万人", year=2024, today=date(2024, 7, 1)).light
    <Light.YELLOW: 'yellow'>
    >>> lag_light(target=Decimal(6), reached=Decimal("6.1"), unit="%", year=2024, today=date(2024, 3, 1)).light
    <Light.GREEN: 'green'>
    """
    if target is None or reached is None or target == 0:
        return None
    target, reached = Decimal(target), Decimal(reached)
    if unit in LEVEL_UNITS:
        return _rate_light(target=target, reached=reached, unit=unit, lower_is_better=lower_is_better)
    start = date(year, 1, 1)
    end = due_date if due_date and due_date > start else date(year, 12, 31)
    total = (end - start).days + 1
    elapsed = min(max((today - start).days + 1, 0), total)
    expected = (Decimal(elapsed) / Decimal(total)).quantize(Decimal("0.0001"))
    share = (reached / target).quantize(Decimal("0.0001"))
    light = _light_for(gap=(share - expected) if not lower_is_better else (expected - share))
    explanation = (
        f"截至 {today:%Y-%m-%d} 已过 {elapsed}/{total} 天，按序时进度应完成 {_pct(expected)}；"
        f"已达到 {_num(reached)}{unit} / 目标 {_num(target)}{unit} = {_pct(share)}"
        f"{'（越低越好）' if lower_is_better else ''}。{light.label}。"
    )
    return LagResult(light=light, expected=expected, reached=share, explanation=explanation)


def _light_for(*, gap: Decimal) -> Light:
    """Ahead or on schedule is green; behind by less than TOLERANCE yellow; further behind red."""
    if gap >= 0:
        return Light.GREEN
    return Light.YELLOW if gap > -TOLERANCE else Light.RED


def _rate_light(*, target: Decimal, reached: Decimal, unit: str, lower_is_better: bool) -> LagResult:
    share = (reached / target).quantize(Decimal("0.0001"))
    light = _light_for(gap=(share - 1) if not lower_is_better else (1 - share))
    explanation = (
        f"比率类指标不按时间累计：最新值 {_num(reached)}{unit}，目标 {_num(target)}{unit}"
        f"{'（越低越好）' if lower_is_better else ''}。{light.label}。"
    )
    return LagResult(light=light, expected=Decimal(1), reached=share, explanation=explanation)


def _pct(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('0.1'))}%"


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text
