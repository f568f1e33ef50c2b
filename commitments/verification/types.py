"""Inputs and outputs of the verification package. Plain dataclasses: no Django here or anywhere in verification/."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Promise:
    """A commitment of the plan year, as the matcher sees it."""

    key: Hashable
    kind: str  # "target" | "milestone"
    indicator: str  # canonical name when known, else the name as written
    quote: str
    value: float | None = None
    unit: str = ""
    qualifier: str = ""  # hedge words joined with "+", e.g. "力争+以上"
    stretch_value: float | None = None
    aliases: tuple[str, ...] = ()
    indicator_written: str = ""  # the name as the extractor read it, when it differs from `indicator`
    direction: str = "higher"  # of the indicator: "higher" | "lower" is better
    section: str = ""


@dataclass(frozen=True)
class Fact:
    """An outcome reported as achieved in a later document."""

    key: Hashable
    indicator: str
    value: float
    unit: str
    quote: str
    qualifier: str = ""
    aliases: tuple[str, ...] = ()
    indicator_written: str = ""
    section: str = ""
    start: int = 0  # of the quote in its document
    end: int = 0


@dataclass(frozen=True)
class Passage:
    """A stretch of a later document where milestones are looked for (a review part, a whole news item)."""

    text: str
    start: int = 0  # offset of `text` in its document


@dataclass(frozen=True)
class Verdict:
    status: str  # a value of commitments.status.Status ("done", "exceeded", …); plain strings keep Django out
    arithmetic: str  # the reasoning in words, e.g. "目标 ≥ 9万人，实绩 9.4万人，完成 104.4% → 已完成"
    ratio: float | None = None  # outcome / target on the comparable scale, when numbers were compared

    def arithmetic_with(self, label: str) -> str:
        """The arithmetic ending in the verdict's label; the label comes from commitments.status (Django)."""
        return f"{self.arithmetic} → {label}"


@dataclass(frozen=True)
class Proposal:
    """One commitment with its best evidence and the proposed verdict."""

    promise: Promise
    verdict: Verdict
    score: float
    fact: Fact | None = None  # the matched outcome (targets)
    quote: str = ""  # the evidence as written in the later document
    start: int | None = None
    end: int | None = None
    reasons: list[str] = field(default_factory=list)  # why these two were matched (shown to reviewers)
