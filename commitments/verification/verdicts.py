"""A verdict from the numbers and the hedge, with the arithmetic in words (DESIGN.md "Hedges and verdicts").

Rules, stated once:
- 以上/不低于/突破/超过/确保/达到 (or no hedge): the outcome must reach the value. Reaching it is 已完成; beating
  it by EXCEED_MARGIN or more is 超额完成 (so 9.4万人 against 9万人, 104.4%, is 已完成). Rates and shares show
  their gap in percentage points (目标 增长 ≥ 5.5%，实绩 增长 5.8%，高 0.3 个百分点), never as a percent of a percent.
- 左右/约: within ±ABOUT_TOLERANCE of the value is 已完成; beyond it on the good side 超额完成, on the bad side 未完成.
- 力争 with a baseline (增长5.5%、力争6%以上): the baseline decides 已完成, the stretch value 超额完成.
- 以内/以下/不超过, a lower-is-better indicator, or a promised decrease flip the comparison. A cap that is
  kept is 已完成, never 超额完成; a bigger decrease than promised counts like a bigger increase.
- Short of the value: 未完成; for a count or amount (not a rate) with at least PARTIAL_FLOOR of it done, 部分完成.
- Units must agree after normalising (9万人 = 90000人; % and 个百分点 never compare), and so must what the
  numbers measure (a growth rate is not a level; this year's new is not a running total): otherwise no verdict.
"""

from __future__ import annotations

from commitments.reading import HEDGES
from commitments.reading.hedges import ABOUT_TOLERANCE  # the one stated tolerance of 左右/约
from commitments.reading.numbers import fmt
from commitments.reading.units import RATE_UNITS

from .types import Fact, Promise, Verdict
from .words import measure_of, normalize

EXCEED_MARGIN = 0.10
PARTIAL_FLOOR = 0.5
#: an outcome this many times a count or amount promised is not its figure (checked on a real pair, 深圳 2024 → 2025)
TIMES_NOT_SAME = 10
TIMES_NOT_NEW = 5  # … or this many times a promised flow (新增…) when the outcome is not a flow


def about_tolerance() -> float:
    """The 左右/约 tolerance, as the reading package's hedge table states it."""
    return ABOUT_TOLERANCE


def hedge_kinds(qualifier: str) -> set[str]:
    """The comparison kinds of a joined qualifier, from the reading package's hedge table."""
    return {HEDGES[w][0] for w in qualifier.split("+") if w in HEDGES}


def comparable(promise: Promise, fact: Fact) -> str:
    """ "" when the two numbers can be compared, else why not (shown to reviewers).

    >>> comparable(Promise(1, "target", "新增高新技术企业", "新增国家高新技术企业1000家", 1000, "家", ""),
    ...            Fact(2, "高新技术企业", 2.5, "万家", "国家高新技术企业突破2.5万家"))
    '实绩是目标的 25 倍，多半不是同一口径（总量或更大范围），不作比较'
    >>> comparable(Promise(1, "target", "5G基站", "新建5G基站8000个", 8000, "个", ""),
    ...            Fact(2, "5G基站", 2.7, "万个", "新建改造5G基站2.7万个"))
    ''
    """
    if promise.value is None:
        return "承诺没有数值"
    _, target_base = normalize(promise.value, promise.unit)
    _, fact_base = normalize(fact.value, fact.unit)
    if target_base != fact_base and not firms_counted(promise.unit, fact.unit):
        return f"单位不一致（{promise.unit or '无单位'} 与 {fact.unit or '无单位'}），不作比较"
    target_measure = measure_of(
        quote=promise.quote, value=promise.value, indicator=promise.indicator, qualifier=promise.qualifier
    )
    fact_measure = measure_of(quote=fact.quote, value=fact.value, indicator=fact.indicator, qualifier=fact.qualifier)
    conflict = target_measure.conflicts_with(fact_measure)
    times = times_of(promise, fact)
    if conflict or times is None or promise.value <= 0:
        return conflict
    # 新增国家高新技术企业1000家 against 国家高新技术企业突破2.5万家: a figure many times the goal is a stock or a
    # wider measure (外贸进出口总额 for 跨境电商进出口额), not the goal's own figure
    if times >= TIMES_NOT_SAME or (times >= TIMES_NOT_NEW and target_measure.scope == "new" != fact_measure.scope):
        return f"实绩是目标的 {times:.0f} 倍，多半不是同一口径（总量或更大范围），不作比较"
    return ""


def firms_counted(a: str, b: str) -> bool:
    """家 and 户 both count firms (首贷户2.0万家 / 新增首贷户2.6万户, 经营主体120万户); 个 and 户 differ
    (老旧小区391个、4万户).

    >>> firms_counted("万家", "万户"), firms_counted("个", "户")
    (True, False)
    """
    return {a.lstrip("万千百"), b.lstrip("万千百")} == {"家", "户"}


def times_of(promise: Promise, fact: Fact) -> float | None:
    """How many times the promised count or amount the outcome is (None for rates, or when either is zero)."""
    if promise.value is None or promise.unit in RATE_UNITS:
        return None
    target, _ = normalize(promise.value, promise.unit)
    outcome, _ = normalize(fact.value, fact.unit)
    return outcome / target if target and outcome else None


def judge(*, promise: Promise, fact: Fact) -> Verdict | None:
    """The proposed verdict for a quantitative target and a matched outcome; None when they do not compare.

    >>> judge(promise=Promise(1, "target", "城镇新增就业", "新增城镇就业9万人以上", 9, "万人", "以上"),
    ...       fact=Fact(2, "城镇新增就业", 9.4, "万人", "城镇新增就业9.4万人")).arithmetic_with("已完成")
    '目标 ≥ 9万人，实绩 9.4万人，完成 104.4% → 已完成'
    """
    if comparable(promise, fact):
        return None
    t_value, _ = normalize(promise.value, promise.unit)
    f_value, _ = normalize(fact.value, fact.unit)
    t_measure = measure_of(quote=promise.quote, value=promise.value, indicator=promise.indicator)
    f_measure = measure_of(quote=fact.quote, value=fact.value, indicator=fact.indicator)
    kinds = hedge_kinds(promise.qualifier)
    is_rate = promise.unit in RATE_UNITS
    decrease = t_measure.change == "down"
    capped = "at_most" in kinds or (promise.direction == "lower" and not decrease)
    lower_better = capped or decrease or promise.direction == "lower"
    # signed values: a decrease of 5 is -5, so "a bigger decrease" is "lower is better" on one scale
    target = -t_value if decrease else t_value
    actual = -f_value if f_measure.change == "down" else f_value
    stretch = None
    if promise.stretch_value is not None:
        stretch, _ = normalize(promise.stretch_value, promise.unit)
        stretch = -stretch if decrease else stretch

    def reaches(value: float, goal: float) -> bool:
        if "近" in fact.qualifier.split("+") and value == goal:
            return False  # 近9万人 is a little short of 9万人
        return value <= goal if lower_better else value >= goal

    ratio = actual / target if target and (actual == 0 or (actual > 0) == (target > 0)) else None
    verb = {"up": "增长", "down": "下降"}
    t_text = _target_text(promise, kinds, capped=capped, change=verb.get(t_measure.change, ""))
    f_verb = verb.get(f_measure.change, "")
    f_text = f"实绩 {f_verb + ' ' if f_verb else ''}{_as_written(fact, promise, f_value, t_value)}"
    if is_rate and target and actual and (actual > 0) != (target > 0):
        how = f"实绩与目标方向相反，相差 {fmt(round(abs(actual - target), 4))} {_points(promise.unit)}"
    elif is_rate:
        how = points_gap(f_value - t_value, promise.unit, decrease=decrease)
    elif ratio is None:
        how = "实绩与目标方向相反" if target and actual else "无法计算完成比例"
    elif capped:
        how = f"实绩为目标的 {ratio:.1%}"
    else:
        how = f"完成 {ratio:.1%}"
    steps = [t_text, f_text, how]

    if "about" in kinds and promise.stretch_value is None:
        tolerance = about_tolerance()
        band = abs(target) * tolerance
        low, high = sorted((abs(target) - band, abs(target) + band))
        shown = f"{fmt(_back(low, promise, t_value))}–{fmt(_back(high, promise, t_value))}{promise.unit}"
        steps[0] += f"（左右按 ±{tolerance:.0%} 计，即 {shown}）"
        if abs(actual - target) <= band:
            status = "done"
        elif reaches(actual, target):
            status = "exceeded"
            steps.append("优于允许范围")
        else:
            status = "missed"
            steps.append("未达到允许范围")
    elif stretch is not None:
        if reaches(actual, stretch):
            status = "exceeded"
            steps.append("达到力争目标")
        elif reaches(actual, target):
            status = "done"
            steps.append("达到基准目标、未达到力争目标")
        else:
            status = _short(ratio, is_rate=is_rate or t_measure.change != "level")
            steps.append("未达到基准目标")
    elif reaches(actual, target):
        beaten = ratio is not None and not capped and ratio >= 1 + EXCEED_MARGIN
        status = "exceeded" if beaten else "done"
        if beaten:
            steps.append(f"超出目标值的 {EXCEED_MARGIN:.0%} 以上")
    else:
        status = _short(ratio, is_rate=is_rate or capped or t_measure.change != "level")
    return Verdict(status=status, arithmetic="，".join(steps), ratio=ratio)


def _points(unit: str) -> str:
    return "个千分点" if unit == "‰" else "个百分点"


def points_gap(gap: float, unit: str, *, decrease: bool) -> str:
    """A rate against its target in percentage points, never as a percent of a percent.

    >>> points_gap(-1.3, "%", decrease=False), points_gap(0.3, "%", decrease=False), points_gap(1, "%", decrease=True)
    ('低 1.3 个百分点', '高 0.3 个百分点', '降幅高 1 个百分点')
    """
    points = _points(unit)
    if abs(gap) < 1e-9:
        return "与目标持平"
    word = ("降幅高" if gap > 0 else "降幅低") if decrease else ("高" if gap > 0 else "低")
    return f"{word} {fmt(round(abs(gap), 4))} {points}"


def _short(ratio: float | None, *, is_rate: bool) -> str:
    if not is_rate and ratio is not None and ratio >= PARTIAL_FLOOR:
        return "partial"
    return "missed"


def _target_text(promise: Promise, kinds: set[str], *, capped: bool, change: str) -> str:
    sign = "≈" if "about" in kinds and promise.stretch_value is None else ("≤" if capped else "≥")
    head = "基准目标" if promise.stretch_value is not None else "目标"
    change = f"{change} " if change else ""
    text = f"{head} {change}{sign} {fmt(promise.value)}{promise.unit}"
    if promise.stretch_value is not None:
        text += f"，力争 {change}{sign} {fmt(promise.stretch_value)}{promise.unit}"
    return text


def _as_written(fact: Fact, promise: Promise, f_value: float, t_value: float) -> str:
    """The outcome in its own unit, and in the target's unit when they differ (94000人（折合 9.4万人））."""
    own = f"{fmt(fact.value)}{fact.unit}"
    if fact.unit == promise.unit or not promise.value or not t_value:
        return own
    factor = t_value / promise.value
    return f"{own}（折合 {fmt(f_value / factor)}{promise.unit}）"


def _back(normalized: float, promise: Promise, t_value: float) -> float:
    """A normalised number back in the target's written unit."""
    factor = t_value / promise.value if promise.value and t_value else 1
    return normalized / factor
