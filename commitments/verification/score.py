"""Scoring proposals against a hand-made answer key: matching precision/recall, arithmetic, unit agreement.

A rate's arithmetic is checked as a gap in percentage points, an amount's as a percent of the target.

Plain Python. A proposal and a key entry are the same when they name the same commitment (its quote) and
the proposal's evidence contains the key's evidence text. The arithmetic is checked by recomputing the
percentage from the two numbers, independently of the code that wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from commitments.reading.units import RATE_UNITS

from .verdicts import firms_counted, points_gap
from .words import measure_of, normalize

_PERCENT = re.compile(r"(?:完成|实绩为目标的) (-?\d+(?:\.\d+)?)%")


@dataclass
class Metrics:
    proposed: int = 0
    expected: int = 0
    correct: int = 0
    verdicts_agreeing: int = 0
    arithmetic_checked: int = 0
    arithmetic_wrong: list[str] = field(default_factory=list)
    unit_mismatches: list[str] = field(default_factory=list)
    false_matches: list[str] = field(default_factory=list)
    missed_matches: list[str] = field(default_factory=list)
    wrong_verdicts: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def add(self, other: Metrics) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def lines(self) -> list[str]:
        return [
            f"匹配准确率（precision）：{self.precision:.3f}（{self.correct}/{self.proposed}）",
            f"匹配召回率（recall）：{self.recall:.3f}（{self.correct}/{self.expected}）",
            f"结论与答案一致：{self.verdicts_agreeing}/{self.correct}",
            f"计算过程复核：{self.arithmetic_checked - len(self.arithmetic_wrong)}/{self.arithmetic_checked} 正确",
            f"单位不一致却给出结论：{len(self.unit_mismatches)} 条",
        ]


def check_arithmetic(proposal: dict) -> str:
    """ "" when the percentage in the arithmetic is what the two numbers give, else what is wrong."""
    if proposal.get("outcome_value") is None or proposal.get("value") is None:
        return ""
    target, t_base = normalize(proposal["value"], proposal["unit"])
    actual, a_base = normalize(proposal["outcome_value"], proposal["outcome_unit"])
    if t_base != a_base and not firms_counted(proposal["unit"], proposal["outcome_unit"]):
        return f"单位不一致：{proposal['unit']} / {proposal['outcome_unit']}"
    t_down = measure_of(quote=proposal["quote"], value=proposal["value"]).change == "down"
    a_down = measure_of(quote=proposal["outcome_quote"], value=proposal["outcome_value"]).change == "down"
    target, actual = (-target if t_down else target), (-actual if a_down else actual)
    if proposal["unit"] in RATE_UNITS:  # a rate's gap is in percentage points
        if not target or (actual and (actual > 0) != (target > 0)):
            return "" if "方向相反" in proposal["arithmetic"] else f"应写明方向相反：{proposal['arithmetic']}"
        gap = points_gap(abs(actual) - abs(target), proposal["unit"], decrease=t_down)
        return "" if gap in proposal["arithmetic"] else f"百分点差应为“{gap}”：{proposal['arithmetic']}"
    found = _PERCENT.search(proposal["arithmetic"])
    if not target or (actual and (actual > 0) != (target > 0)):
        return "" if found is None else f"不应给出完成比例：{proposal['arithmetic']}"
    expected = round(actual / target * 100, 1)
    if found is None:
        return f"缺少完成比例（应为 {expected}%）"
    if abs(float(found.group(1)) - expected) > 0.05:
        return f"完成比例应为 {expected}%：{proposal['arithmetic']}"
    return ""


def score(*, proposals: list[dict], key: list[dict]) -> Metrics:
    """Proposals (dicts as verification_report prints them) against one source's answer-key entries."""
    metrics = Metrics(proposed=len(proposals), expected=len(key))
    by_commitment = {entry["commitment"]: entry for entry in key}
    matched = set()
    for p in proposals:
        label = f"{p['quote']} ⇄ {p['outcome_quote']}"
        entry = by_commitment.get(p["quote"])
        if entry is not None and entry["evidence"] in p["outcome_quote"]:
            metrics.correct += 1
            matched.add(p["quote"])
            if entry["verdict"] == p["verdict"]:
                metrics.verdicts_agreeing += 1
            else:
                metrics.wrong_verdicts.append(f"{label}：{p['verdict']}，应为 {entry['verdict']}")
        else:
            metrics.false_matches.append(label)
        if p.get("outcome_value") is not None:
            metrics.arithmetic_checked += 1
            problem = check_arithmetic(p)
            if problem.startswith("单位不一致"):
                metrics.unit_mismatches.append(f"{label}：{problem}")
            elif problem:
                metrics.arithmetic_wrong.append(f"{label}：{problem}")
    metrics.missed_matches = [f"{e['commitment']} ⇄ {e['evidence']}" for e in key if e["commitment"] not in matched]
    return metrics
