"""Hedge words: what a qualifier means for checking a goal against an outcome.

`HEDGES` maps each word to (comparison kind, explanation in 简体中文). Kinds:
at_least (reach the value), about (within ±5%), at_most (a cap: 以内/以下/不超过), stretch (力争: a
stretch goal, the baseline, if any, decides 已完成), guaranteed (确保: a binding floor), cumulative
(累计: counted over several years), approx_outcome (近/余/多 in an outcome: the stated value is rounded).
"""

from __future__ import annotations

ABOUT_TOLERANCE = 0.05

HEDGES: dict[str, tuple[str, str]] = {
    "以上": ("at_least", "至少达到该数值"),
    "不低于": ("at_least", "至少达到该数值"),
    "不少于": ("at_least", "至少达到该数值"),
    "突破": ("at_least", "超过该数值"),
    "超过": ("at_least", "超过该数值"),
    "超": ("at_least", "超过该数值"),
    "达到": ("at_least", "达到该数值"),
    "确保": ("guaranteed", "必须完成的底线目标"),
    "力争": ("stretch", "争取达到的目标（有基准值时，基准值决定是否完成）"),
    "争取": ("stretch", "争取达到的目标"),
    "左右": ("about", f"接近该数值，允许±{ABOUT_TOLERANCE:.0%}"),
    "约": ("about", f"接近该数值，允许±{ABOUT_TOLERANCE:.0%}"),
    "累计": ("cumulative", "多年累计数，不是当年新增数"),
    "以内": ("at_most", "不超过该数值（上限）"),
    "以下": ("at_most", "不超过该数值（上限）"),
    "不超过": ("at_most", "不超过该数值（上限）"),
    "不高于": ("at_most", "不超过该数值（上限）"),
    "近": ("approx_outcome", "略低于该数值"),
    "余": ("approx_outcome", "略高于该数值"),
    "多": ("approx_outcome", "略高于该数值"),
}

#: words that precede the number (in this order of search), and words that follow it
PREFIX_HEDGES = (
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "突破",
    "超过",
    "达到",
    "确保",
    "力争",
    "争取",
    "累计",
    "约",
    "超",
    "近",
)
SUFFIX_HEDGES = ("以上", "左右", "以内", "以下")


def explain_qualifier(qualifier: str) -> str:
    """A readable explanation of a joined qualifier.

    >>> explain_qualifier("力争+以上")
    '力争：争取达到的目标（有基准值时，基准值决定是否完成）；以上：至少达到该数值'
    >>> explain_qualifier("")
    '无限定词：按原数值核对'
    """
    words = [w for w in qualifier.split("+") if w]
    if not words:
        return "无限定词：按原数值核对"
    return "；".join(f"{w}：{HEDGES[w][1]}" if w in HEDGES else f"{w}：（未定义的限定词）" for w in words)


def join_qualifier(words: list[str]) -> str:
    """Join hedge words with '+', each once, in reading order."""
    return "+".join(dict.fromkeys(w for w in words if w))
