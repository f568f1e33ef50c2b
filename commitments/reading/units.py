"""Unit normalisation: a value in its base unit, so 9万人 and 90000人 compare equal.

Base units keep money in 元 (1.2亿元 -> 120000000 元), people in 人, area in 平方米 (2.5平方公里 = 250万平方米,
1公顷 = 1万平方米) or 亩, and so on.
% and 个百分点 are different units and never convert into each other.
"""

from __future__ import annotations

from .numbers import multiplier_of

#: compared in percentage points (5.5% against 4.2% is 1.3 个百分点 short), never as a percent of a percent
RATE_UNITS = frozenset({"%", "％", "个百分点", "‰"})
#: a level read at a moment, not an amount that builds up through the year: the rates, and 倍 分 天 米 岁 微克/立方米
#: (审批时限压缩至3天 is reached or not; it is never "67% done")
LEVEL_UNITS = RATE_UNITS | {"倍", "分", "天", "个工作日", "工作日", "微克/立方米", "微克", "米", "岁", "年", "成", "∶1"}


_SQUARE_METRES = {"平方公里": 1e6, "平方千米": 1e6, "公顷": 1e4}


def normalize(value: float, unit: str) -> tuple[float, str]:
    """(value in base unit, base unit).

    >>> normalize(9, "万人")
    (90000.0, '人')
    >>> normalize(1.2, "亿元")
    (120000000.0, '元')
    >>> normalize(5, "个百分点"), normalize(5, "%"), normalize(3, "公里")
    ((5.0, '个百分点'), (5.0, '%'), (3.0, '公里'))
    >>> normalize(2.5, "平方公里"), normalize(313, "万平方米"), normalize(21.3, "公顷")
    ((2500000.0, '平方米'), (3130000.0, '平方米'), (213000.0, '平方米'))
    """
    if unit in ("%", "个百分点", "百分点", "‰"):
        return float(value), "个百分点" if unit == "百分点" else unit
    factor, base = multiplier_of(unit)
    if base == "千米":
        return round(value * factor, 6), "公里"
    if base in _SQUARE_METRES:
        return round(float(value) * factor * _SQUARE_METRES[base], 6), "平方米"
    return round(float(value) * factor, 6), base
