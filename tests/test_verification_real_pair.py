"""A real pair of consecutive reports: 河北省's 2023 plan, checked by its 2024 report's review of 2023
(../shared/reports-dev; skipped where that folder is absent). The figures asserted are the reports' own."""

from pathlib import Path

import pytest

from commitments.ingest.reports import import_report
from commitments.verification.workflow import proposals_for

DEV = Path(__file__).resolve().parents[2] / "shared" / "reports-dev"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not DEV.is_dir(), reason="../shared/reports-dev is not here"),
]


def test_the_next_report_verifies_last_years_goals_with_its_own_figures():
    plan = import_report(path=DEV / "hebei-2023.txt")
    review = import_report(path=DEV / "hebei-2024.txt")
    assert (plan.plan_year, review.review_year) == (2023, 2023)
    found = proposals_for(region=plan.report.region, year=2023)
    by_quote = {p["quote"]: p for p in found["proposals"]}
    assert len(by_quote) >= 15

    gdp = by_quote["地区生产总值增长6%左右"]  # the 2024 report: 全省生产总值增长5.5%
    assert (gdp["outcome_value"], gdp["verdict"]) == (5.5, "missed")
    assert "低 0.5 个百分点" in gdp["arithmetic"], "a rate is compared in percentage points"
    jobs = by_quote["全年城镇新增就业86万人"]  # 城镇新增就业89.9万人
    assert (jobs["outcome_value"], jobs["verdict"]) == (89.9, "done")
    assert "完成 104.5%" in jobs["arithmetic"]
    grain = by_quote["确保粮食总产740亿斤以上"]  # 粮食总产762亿斤
    assert (grain["outcome_value"], grain["verdict"]) == (762, "done")
