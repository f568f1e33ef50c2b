"""Score an extraction against a hand annotation (tests/data/gold/<report>.json).

Matching: an extracted item matches a gold item when the gold `pos` lies in [start, end) of the item
(a milestone: when the gold text's start lies in the item's span). Recall = gold items matched;
precision = extracted items that match at least one gold item. Field figures are over matched gold items:
- unit: same base unit and same factor after `normalize` (9 万人 and 90000 人 agree);
- hedge: same set of hedge words;
- indicator: `indicators.same_indicator`: same name after alias resolution (fixtures/indicators.json),
  without leading action verbs (新增, 培育 …), or one name is the other plus a qualifier.
"""

from __future__ import annotations

from .indicators import same_indicator
from .types import Extraction
from .units import normalize


def _covering(items: list, pos: int):
    best = None
    for item in items:
        if item.start <= pos < item.end and (best is None or abs(item.start - pos) < abs(best.start - pos)):
            best = item
    return best


def _same_unit(a: str, b: str) -> bool:
    return normalize(1.0, a or "") == normalize(1.0, b or "")


def _hedges(q: str | None) -> frozenset[str]:
    return frozenset(w for w in (q or "").split("+") if w)


def _ratio(n: int, d: int) -> float:
    return round(n / d, 4) if d else 1.0


def _score_numbers(extracted: list, gold: list) -> dict:
    matched = 0
    unit = hedge = indicator = 0
    hits: set[int] = set()
    misses = []
    wrong: dict[str, list] = {"unit": [], "hedge": [], "indicator": []}
    for g in gold:
        item = _covering(extracted, g["pos"])
        if item is None:
            misses.append(g)
            continue
        matched += 1
        hits.add(id(item))
        if _same_unit(item.unit, g["unit"]):
            unit += 1
        else:
            wrong["unit"].append((g, item))
        if _hedges(item.qualifier) == _hedges(g["qualifier"]):
            hedge += 1
        else:
            wrong["hedge"].append((g, item))
        if same_indicator(item.indicator or "", g["indicator"] or ""):
            indicator += 1
        else:
            wrong["indicator"].append((g, item))
    false = [e for e in extracted if id(e) not in hits]
    return {
        "gold": len(gold),
        "extracted": len(extracted),
        "recall": _ratio(matched, len(gold)),
        "precision": _ratio(len(extracted) - len(false), len(extracted)),
        "unit": _ratio(unit, matched),
        "hedge": _ratio(hedge, matched),
        "indicator": _ratio(indicator, matched),
        "_misses": misses,
        "_false": false,
        "_wrong": wrong,
    }


def score(extraction: Extraction, gold: dict) -> dict:
    """Figures for one report: {"targets": {...}, "outcomes": {...}, "milestones": {...}, "region_ok", ...}.

    Keys starting with "_" hold the misses and false items, for debugging.
    """
    targets = [c for c in extraction.commitments if c.kind == "target"]
    milestones = [c for c in extraction.commitments if c.kind == "milestone"]
    gold_milestones = gold.get("milestones", [])
    found = [m for m in gold_milestones if _covering(milestones, m["pos"]) is not None]
    return {
        "targets": _score_numbers(targets, gold.get("targets", [])),
        "outcomes": _score_numbers(extraction.outcomes, gold.get("outcomes", [])),
        "milestones": {
            "gold": len(gold_milestones),
            "extracted": len(milestones),
            "recall": _ratio(len(found), len(gold_milestones)),
            "_misses": [m for m in gold_milestones if m not in found],
        },
        "region_ok": extraction.region == gold.get("region") and extraction.parent_region == gold.get("parent_region"),
        "years_ok": extraction.plan_year == gold.get("plan_year") and extraction.review_year == gold.get("review_year"),
    }


def combine(scores: list[dict]) -> dict:
    """Pooled figures over several reports (micro-averages)."""
    out: dict = {}
    for kind in ("targets", "outcomes"):
        gold = sum(s[kind]["gold"] for s in scores)
        extracted = sum(s[kind]["extracted"] for s in scores)
        matched = sum(round(s[kind]["recall"] * s[kind]["gold"]) for s in scores)
        correct = sum(round(s[kind]["precision"] * s[kind]["extracted"]) for s in scores)
        fields = {}
        for f in ("unit", "hedge", "indicator"):
            fields[f] = _ratio(
                sum(round(s[kind][f] * round(s[kind]["recall"] * s[kind]["gold"])) for s in scores), matched
            )
        out[kind] = {
            "gold": gold,
            "extracted": extracted,
            "recall": _ratio(matched, gold),
            "precision": _ratio(correct, extracted),
            **fields,
        }
    gold = sum(s["milestones"]["gold"] for s in scores)
    found = sum(round(s["milestones"]["recall"] * s["milestones"]["gold"]) for s in scores)
    out["milestones"] = {"gold": gold, "recall": _ratio(found, gold)}
    out["region_ok"] = sum(s["region_ok"] for s in scores)
    out["years_ok"] = sum(s["years_ok"] for s in scores)
    return out
