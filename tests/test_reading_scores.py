"""The extractor against the hand annotations in tests/data/gold (skipped when none exist yet)."""

import json
from pathlib import Path

import pytest

from commitments.reading import extract
from commitments.reading.score import combine, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.json"))


def _scores():
    out = []
    for path in GOLD:
        report = ROOT / "fixtures" / "reports" / f"{path.stem}.txt"
        if report.exists():
            gold = json.loads(path.read_text(encoding="utf-8"))
            out.append(score(extract(report.read_text(encoding="utf-8")), gold))
    return out


@pytest.mark.skipif(not GOLD, reason="no gold annotation yet")
def test_the_extraction_meets_the_goals_on_the_hand_annotations():
    scores = _scores()
    pooled = combine(scores)
    t, o = pooled["targets"], pooled["outcomes"]
    assert t["recall"] >= 0.98 and t["precision"] >= 0.95, t
    assert t["unit"] >= 0.98 and t["hedge"] >= 0.90, t
    assert o["recall"] >= 0.97 and o["precision"] >= 0.95, o
    assert o["unit"] >= 0.98 and o["hedge"] >= 0.90, o
    assert t["indicator"] >= 0.85 and o["indicator"] >= 0.85, (t, o)
    assert pooled["milestones"]["recall"] >= 0.80, pooled["milestones"]
    assert pooled["region_ok"] == len(scores) and pooled["years_ok"] == len(scores)


@pytest.mark.skipif(not GOLD, reason="no gold annotation yet")
def test_milestone_recall_holds_on_every_report_not_only_on_average():
    for s in _scores():
        assert s["milestones"]["recall"] >= 0.85, s["milestones"]["_misses"]


def test_the_score_command_reads_a_key_beside_its_text(tmp_path, capsys):
    from commitments.reading.score import main

    for stem in ("zibo-2024", "linyi-hedong-2023"):
        (tmp_path / f"{stem}.txt").write_text(
            (ROOT / "fixtures" / "reports" / f"{stem}.txt").read_text("utf-8"), "utf-8"
        )
        (tmp_path / f"{stem}.json").write_text(
            (ROOT / "tests" / "data" / "gold" / f"{stem}.json").read_text("utf-8"), "utf-8"
        )
    assert main([str(p) for p in sorted(tmp_path.glob("*.json"))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["linyi-hedong-2023", "zibo-2024", "合计"]
    assert "目标 召回 1.000" in lines[0] and "地区 1 年度 1" in lines[0]
    assert main([str(tmp_path / "missing.json")]) == 1
