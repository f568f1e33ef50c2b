"""Verifying last year's commitments against a later document.

The rules are plain Python, no Django (matching, verdicts, words, milestones, and `score` for measuring them):
`verify(promises=…, facts=…, passages=…)` proposes, for each commitment, the best evidence and a verdict;
`link_baselines(targets=…, facts=…)` pairs each target with last year's actual in the same report.
`workflow` is the one Django module: rows in, Verification rows out, and a staff member's decision turned into a
progress update (the importers call it once a document is stored; the admin calls it to accept or reject).
"""

from __future__ import annotations

from collections.abc import Iterable

from .matching import (
    BASELINE_THRESHOLD,
    MATCH_THRESHOLD,
    carry_subjects,
    indicator_similarity,
    match,
    mentioned,
    score_pair,
)
from .milestones import judge_milestone, objects_of, sight, stage_of
from .types import Fact, Passage, Promise, Proposal, Verdict
from .verdicts import about_tolerance, comparable, fmt, judge
from .words import measure_of, normalize, simplified

__all__ = [
    "BASELINE_THRESHOLD",
    "MATCH_THRESHOLD",
    "Fact",
    "Passage",
    "Promise",
    "Proposal",
    "Verdict",
    "about_tolerance",
    "carry_subjects",
    "comparable",
    "fmt",
    "indicator_similarity",
    "judge",
    "judge_milestone",
    "link_baselines",
    "match",
    "measure_of",
    "mentioned",
    "normalize",
    "objects_of",
    "score_pair",
    "sight",
    "silent",
    "simplified",
    "stage_of",
    "verify",
]


def verify(*, promises: Iterable[Promise], facts: Iterable[Fact], passages: list[Passage]) -> list[Proposal]:
    """One proposal per commitment that the later document speaks to; commitments it is silent on are left out."""
    promises, facts = list(promises), list(facts)
    proposals: list[Proposal] = []
    for pair in match(promises, facts).values():
        verdict = judge(promise=pair.promise, fact=pair.fact)
        if verdict is None:  # match() only pairs comparable numbers; kept as a guard
            continue
        fact = pair.fact
        proposals.append(
            Proposal(pair.promise, verdict, pair.score, fact, fact.quote, fact.start, fact.end, list(pair.reasons))
        )
    for promise in promises:
        if promise.kind != "milestone":
            continue
        judged = judge_milestone(promise=promise, passages=passages)
        if judged is None:
            continue
        verdict, seen = judged
        first = max(seen, key=lambda s: (s.completed, s.overlap))
        score = round(sum(s.overlap for s in seen) / len(objects_of(promise.quote)), 4)
        proposals.append(
            Proposal(promise, verdict, score, None, first.quote, first.start, first.end, ["节点对象在次年材料中出现"])
        )
    return proposals


def silent(*, promise: Promise, facts: Iterable[Fact], text: str) -> bool:
    """Whether a later report neither reports nor restates a commitment (次年报告未提及)."""
    if promise.kind == "milestone":
        objects = objects_of(promise.quote)
        passages = [Passage(text)]
        return not any(sight(obj, stage="finish", passages=passages).found for obj in objects)
    return not mentioned(promise, facts, text)


def link_baselines(*, targets: Iterable[Promise], facts: Iterable[Fact]) -> dict[object, tuple[Fact, float]]:
    """Each target's last-year actual from the same report, with the ratio target / actual (both normalised)."""
    linked = {}
    for key, pair in match(targets, facts, threshold=BASELINE_THRESHOLD).items():
        target, _ = normalize(pair.promise.value, pair.promise.unit)
        actual, _ = normalize(pair.fact.value, pair.fact.unit)
        if not actual:
            continue
        ratio = round(target / actual, 4)
        if not 0.2 <= ratio <= 5 and _new(pair.promise) != _new(pair.fact):
            continue  # 新增…200家 against 2000家 (a total, not last year's new ones): not the same series
        linked[key] = (pair.fact, ratio)
    return linked


def _new(item) -> bool:
    return measure_of(quote=item.quote, value=item.value, indicator=item.indicator).scope == "new"
