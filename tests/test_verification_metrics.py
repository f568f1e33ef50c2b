"""The measures of issue 5 on the test material (TEST DATA, not real) and its hand-made answer key."""

import pytest
from django.core.management import call_command

from commitments.models import Report
from commitments.tools.verification_metrics import measure


@pytest.mark.django_db
def test_matching_precision_recall_arithmetic_and_units_meet_the_measures():
    total, per_source = measure()
    assert total.precision >= 0.95, total.false_matches
    assert total.recall >= 0.90, total.missed_matches
    assert total.arithmetic_checked > 40 and total.arithmetic_wrong == []
    assert total.unit_mismatches == []
    assert total.wrong_verdicts == []
    assert set(per_source) == {
        "linyi-2025-report.txt",
        "linyi-2024-bulletin.txt",
        "linyi-2024-news.txt",
        "linyi-2024-news-traditional.txt",
    }


@pytest.mark.django_db
def test_measuring_keeps_nothing():
    before = Report.objects.count()
    measure()
    assert Report.objects.count() == before


@pytest.mark.django_db
def test_verification_metrics_prints_the_figures(capsys):
    call_command("verification_metrics")
    out = capsys.readouterr().out
    assert "匹配准确率（precision）：1.000" in out
    assert "单位不一致却给出结论：0 条" in out
