"""Score an extraction against a hand annotation (tests/data/gold/<report>.json).

Matching: an extracted item matches a gold item when the gold `pos` lies in [start, end) of the item
(a milestone: when the gold text's start lies in the item's span). Recall = gold items matched;
precision = extracted items that match at least one gold item. Field figures are over matched gold items:
- unit: the same amount in the same base unit after `normalize` (9 万人 and 90000 人 agree, 1.1万亿元 and
  11000 亿元 too), else the same factor;
- hedge: same set of hedge words;
- indicator: `same_indicator_strict` (below): after light normalisation and alias resolution
  (fixtures/indicators.json) the two names are equal, or equal but for a generic affix.
  Light normalisation removes only what never changes the meaning: quote marks, punctuation,
  spaces, ASCII case, the joiners of a list (、和及与: 中小学、幼儿园 = 中小学和幼儿园), a
  leading scope word (全市, 全年 …) and the word for a share of a whole (占…比例 = 占…比重).
  Generic affixes: a suffix of GENERIC_SUFFIXES (总额, 总量, 数量 …) and a leading 新增/净增.
  新增 is an affix only because the annotators disagree on it
  systematically (annotator B keeps it in 36 of 38 cases, annotator C drops it in 21 of 21), so it
  cannot tell a right name from a wrong one. 新建/建成 likewise (annotator B keeps them: 新建5G基站,
  建成村内道路; A and C drop them: 新建城乡书房 -> 城乡书房, 新建县级以上示范社 -> 县级以上示范社), and
  the order of 改造 (B: 改造农村危房; A, C: 农村危桥改造, 直角出入口改造), and 入选 (B keeps it: 入选国家级重点人才工程;
  C drops it: 省绿色低碳高质量发展试点企业). The reader follows one
  convention (README, «Flow verbs»); the score does not punish the other. Every other word counts:
  改建, 招引 X differ from X, and so do levels (省级 X is not X). The same words in another order are the same
  name (图书馆获评国家一级馆 = 获评国家一级馆图书馆: annotators write either), compared as characters.
  The looser `indicators.same_indicator` of the first version (verbs stripped, containment) is still
  reported as `indicator_loose`, for comparison.
"""

from __future__ import annotations

import re

from .indicators import resolve, same_indicator
from .types import Extraction
from .units import normalize

_PUNCT = re.compile(r"[“”‘’\"'、，,。：:；;\s（）()·\-—]")
_SCOPE = re.compile(r"^(?:全市|全区|全县|全省|全年|年内|当年|今年|我市|我区|我县)")
GENERIC_SUFFIXES = ("总额", "总量", "数量", "总数", "个数", "人数", "规模", "额")
GENERIC_PREFIXES = ("新增", "净增", "新建", "建成", "入选")
RENOVATION_VERBS = ("改造提升", "升级改造", "提升改造", "更新提升", "整治提升", "维修加固", "综合整治", "改造")


#: joiners of a list of names: 中小学、幼儿园 = 中小学和幼儿园 = 中小学幼儿园 (not the 和 of 和美乡村)
_JOINER = re.compile(r"[、及与]|和(?!美|谐)")


def _light(name: str) -> str:
    key = _SCOPE.sub("", _PUNCT.sub("", name or "").upper())
    key = re.sub(r"(占.{2,}?)的?比例$", r"\1比重", key)  # a share of a whole: 占…比例 and 占…比重 say the same
    key = re.sub(r"降低$", "下降", key)  # 二氧化碳排放降低 = 二氧化碳排放下降
    return _JOINER.sub("", _PUNCT.sub("", resolve(key)).upper())


def same_indicator_strict(a: str, b: str) -> bool:
    """Equal after light normalisation and alias resolution, or equal but for a generic suffix.

    >>> same_indicator_strict("新增城镇就业", "城镇新增就业"), same_indicator_strict("经营主体总量", "经营主体")
    (True, True)
    >>> same_indicator_strict("招引企业", "企业"), same_indicator_strict("城镇居民收入", "居民收入")
    (False, False)
    >>> same_indicator_strict("新建口袋公园", "口袋公园"), same_indicator_strict("改造农村危桥", "农村危桥改造")
    (True, True)
    >>> same_indicator_strict("图书馆获评国家一级馆", "获评国家一级馆图书馆"), same_indicator_strict("进口", "出口")
    (True, False)
    >>> same_indicator_strict("教育经费占国内生产总值比例", "教育经费占国内生产总值比重")
    True
    """
    xs, ys = _forms(a), _forms(b)
    return bool(xs & ys)


def _forms(name: str) -> set[str]:
    """The name and the names it equals but for a generic affix (all after alias resolution)."""
    base = _light(name)
    out = {base} if base else set()
    for prefix in GENERIC_PREFIXES:
        if base.startswith(prefix) and len(base) > len(prefix) + 1:
            out.add(_light(base[len(prefix) :]))
    for form in list(out):
        verb = next((v for v in RENOVATION_VERBS if form.startswith(v) and len(form) > len(v) + 1), "")
        if verb:  # 改造农村危桥 = 农村危桥改造: the same words in the other order
            out.add(form[len(verb) :] + verb)
    for form in list(out):
        for suffix in GENERIC_SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix) + 1:
                out.add(_light(form[: -len(suffix)]))
    # the same words in another order name the same thing: 图书馆获评国家一级馆 = 获评国家一级馆图书馆
    # (compared as characters: jieba cuts 人才培养 and 培养…人才 differently)
    return out | {"+" + "".join(sorted(form)) for form in out}


def _covering(items: list, pos: int):
    best = None
    for item in items:
        if item.start <= pos < item.end and (best is None or abs(item.start - pos) < abs(best.start - pos)):
            best = item
    return best


def _same_unit(item, g: dict) -> bool:
    """The same amount in the same base unit (1.28万亿元 = 12800 亿元 = “1.28万”亿元), else the same unit."""
    if item.value is not None and isinstance(g.get("value"), (int, float)):
        a, base_a = normalize(item.value, item.unit or "")
        b, base_b = normalize(g["value"], g["unit"] or "")
        if base_a == base_b and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1):
            return True
    return normalize(1.0, item.unit or "") == normalize(1.0, g["unit"] or "")


def _hedges(q: str | None) -> frozenset[str]:
    return frozenset(w for w in (q or "").split("+") if w)


def _ratio(n: int, d: int) -> float:
    return round(n / d, 4) if d else 1.0


def _score_numbers(extracted: list, gold: list) -> dict:
    matched = 0
    unit = hedge = indicator = loose = 0
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
        if _same_unit(item, g):
            unit += 1
        else:
            wrong["unit"].append((g, item))
        if _hedges(item.qualifier) == _hedges(g["qualifier"]):
            hedge += 1
        else:
            wrong["hedge"].append((g, item))
        loose += same_indicator(item.indicator or "", g["indicator"] or "")
        if same_indicator_strict(item.indicator or "", g["indicator"] or ""):
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
        "indicator_loose": _ratio(loose, matched),
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
        for f in ("unit", "hedge", "indicator", "indicator_loose"):
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


def main(argv: list[str]) -> int:
    """python -m commitments.reading.score KEY.json …: each answer key scored against the reading of the text
    beside it (same stem, .txt), one line per report and the pooled figures. Run it on a report the reader was
    never tuned on before reading its misses: that first line is the honest figure."""
    import json
    from pathlib import Path

    from .extract import extract

    scores = []
    for arg in argv:
        key = Path(arg)
        text = key.with_suffix(".txt")
        if not text.exists():
            print(f"{key}: 没有同名的 .txt 文本")
            return 1
        s = score(extract(text.read_text(encoding="utf-8")), json.loads(key.read_text(encoding="utf-8")))
        scores.append(s)
        print(key.stem, _line(s))
    if len(scores) > 1:
        print("合计", _line(combine(scores)))
    return 0


def _line(s: dict) -> str:
    t, o, m = s["targets"], s["outcomes"], s["milestones"]
    return (
        f"目标 召回 {t['recall']:.3f} 精确 {t['precision']:.3f} 指标 {t['indicator']:.3f} | "
        f"实绩 召回 {o['recall']:.3f} 精确 {o['precision']:.3f} 指标 {o['indicator']:.3f} | "
        f"节点 召回 {m['recall']:.2f} | 地区 {int(s['region_ok'])} 年度 {int(s['years_ok'])}"
    )


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
