"""Importing next year's material (TEST DATA, not real) verifies 临沂市's real 2024 commitments."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F

from commitments.models import Commitment, Outcome, Report, Verification
from commitments.verification.workflow import verify_later_documents, verify_source
from tests.builders import VERIFICATION_MATERIAL, import_next_year_material, region


def proposal_for(quote: str, source: Report) -> Verification:
    return Verification.objects.get(commitment__quote=quote, commitment__year=2024, source=source)


@pytest.mark.django_db
def test_next_years_report_proposes_a_verdict_with_its_arithmetic_for_the_employment_target():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    proposal = proposal_for("新增城镇就业9万人以上", report)
    assert proposal.outcome.quote == "城镇新增就业9.4万人"
    assert proposal.verdict == "done"
    assert proposal.arithmetic == "目标 ≥ 9万人，实绩 9.4万人，完成 104.4% → 已完成"
    assert proposal.state == Verification.State.PROPOSED


@pytest.mark.django_db
def test_baseline_and_stretch_lower_is_better_and_about_targets_get_their_own_verdicts():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    assert proposal_for("固定资产投资增长7%、力争9%以上", report).verdict == "exceeded"
    assert proposal_for("地区生产总值增长5.5%、力争6%以上", report).verdict == "done"
    assert proposal_for("拥堵指数再下降5个百分点", report).verdict == "exceeded"
    about = proposal_for("入库科技型中小企业3000家左右", report)
    assert about.verdict == "done" and "±5%" in about.arithmetic


@pytest.mark.django_db
def test_mismatched_units_give_no_verdict_but_the_commitment_is_not_called_silent():
    import_next_year_material("linyi-2025-report.txt")
    urbanisation = Commitment.objects.get(
        region__name="临沂市", year=2024, quote="力争县域常住人口城镇化率提高1个百分点以上"
    )
    assert not urbanisation.verifications.exists()
    assert not urbanisation.not_mentioned_next_year


@pytest.mark.django_db
def test_milestones_need_a_completion_verb_and_a_mere_mention_is_progress():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    terminal = proposal_for("启阳国际机场航站楼建成投用", report)
    assert terminal.verdict == "done" and terminal.outcome is None
    assert report.text[terminal.start : terminal.end] == terminal.quote
    assert proposal_for("临沂应用科学城二期建成使用", report).verdict == "in_progress"


@pytest.mark.django_db
def test_commitments_the_next_report_neither_reports_nor_restates_are_flagged_silent():
    import_next_year_material("linyi-2025-report.txt")
    flagged = set(
        Commitment.objects.filter(region__name="临沂市", year=2024, not_mentioned_next_year=True).values_list(
            "quote", flat=True
        )
    )
    assert {"启动临沂大学医学院建设", "力争西泇河通航工程开工", "数字园区2家"} <= flagged
    # restated in the 2025 plan, so not silent
    assert "启动屠苏岛大型会展中心建设" not in flagged
    assert "新增城镇就业9万人以上" not in flagged


@pytest.mark.django_db
def test_reimporting_and_rerunning_change_nothing():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    before = list(Verification.objects.order_by("pk").values_list("pk", "verdict", "arithmetic", "score"))
    history = Verification.history.count()
    (again,) = import_next_year_material("linyi-2025-report.txt")
    run = verify_source(report=report)
    assert again.pk == report.pk
    assert (run.created, run.updated) == (0, 0)
    assert list(Verification.objects.order_by("pk").values_list("pk", "verdict", "arithmetic", "score")) == before
    assert Verification.history.count() == history


@pytest.mark.django_db
def test_a_statistics_bulletin_is_read_whole_keeps_its_date_and_compares_units_after_normalising():
    (bulletin,) = import_next_year_material("linyi-2024-bulletin.txt")
    assert bulletin.kind == Report.Kind.STATISTICS
    assert bulletin.delivered_on == date(2025, 3, 20)
    assert bulletin.review_year == 2024 and bulletin.plan_year is None
    jobs = proposal_for("新增城镇就业9万人以上", bulletin)
    assert jobs.outcome.quote == "全年城镇新增就业94200人" and jobs.outcome.report == bulletin
    assert "实绩 94200人（折合 9.42万人），完成 104.7%" in jobs.arithmetic
    # 431万吨 of grain against a target in 亿斤: no verdict
    assert not Verification.objects.filter(source=bulletin, commitment__quote="粮食产量稳定在85亿斤以上").exists()


@pytest.mark.django_db
def test_a_traditional_chinese_news_item_verifies_like_the_simplified_one_and_keeps_its_quotes():
    simplified, traditional = import_next_year_material("linyi-2024-news.txt", "linyi-2024-news-traditional.txt")
    assert traditional.kind == Report.Kind.NEWS and traditional.delivered_on == date(2024, 12, 28)
    for news in (simplified, traditional):
        assert proposal_for("中欧班列全年到发450列以上", news).verdict == "done"
        assert proposal_for("启阳国际机场航站楼建成投用", news).verdict == "done"
    outcome = Outcome.objects.get(report=traditional)
    assert outcome.quote == "臨沂中歐班列到發468列" == traditional.text[outcome.start : outcome.end]
    assert "啟陽國際機場新航站樓正式投運" in proposal_for("启阳国际机场航站楼建成投用", traditional).quote


@pytest.mark.django_db
def test_an_earlier_report_imported_after_its_later_evidence_is_verified_then():
    linyi_2024 = Report.objects.get(region__name="临沂市", plan_year=2024)
    (news,) = import_next_year_material("linyi-2024-news.txt")
    news.verifications.all().delete()
    verify_later_documents(report=linyi_2024)
    assert news.verifications.count() == 2


@pytest.mark.django_db
def test_each_target_is_linked_to_last_years_actual_in_the_same_report():
    jobs = Commitment.objects.get(region__name="临沂市", year=2024, quote="新增城镇就业9万人以上")
    assert jobs.baseline_outcome.quote == "城镇新增就业10.5万人"
    assert jobs.ambition_ratio == Decimal("0.8571")
    weifang_gdp = Commitment.objects.get(region__name="潍坊市", year=2024, quote__startswith="地区生产总值增长5.5%")
    assert weifang_gdp.baseline_outcome.value == Decimal("5.1")
    # a growth target is never linked to last year's amount in 亿元
    assert not Commitment.objects.filter(baseline_outcome__isnull=False).exclude(
        base_unit=F("baseline_outcome__base_unit")
    )


@pytest.mark.django_db
def test_verification_report_prints_one_object_per_proposal_with_the_fields_of_the_issue(capsys):
    import_next_year_material("linyi-2025-report.txt")
    call_command("verification_report", "--region", "临沂市", "--year", "2024", "--json")
    data = json.loads(capsys.readouterr().out)
    fields = {"commitment_id", "indicator", "quote", "value", "unit", "qualifier", "outcome_quote", "outcome_value"}
    fields |= {"outcome_unit", "score", "verdict", "arithmetic", "state"}
    assert all(fields <= set(item) for item in data["proposals"])
    scores = [item["score"] for item in data["proposals"]]
    assert scores == sorted(scores, reverse=True)
    assert any(item["quote"] == "启动临沂大学医学院建设" for item in data["not_mentioned_next_year"])


@pytest.mark.django_db
def test_import_evidence_command_reads_kind_and_date(capsys):
    call_command(
        "import_evidence",
        str(VERIFICATION_MATERIAL / "linyi-2024-news.txt"),
        "--region",
        "临沂市",
        "--year",
        "2024",
        "--kind",
        "news",
        "--date",
        "2024-12-29",
    )
    news = Report.objects.get(region=region("临沂市"), kind=Report.Kind.NEWS)
    assert news.delivered_on == date(2024, 12, 29)
    assert "已导入" in capsys.readouterr().out
