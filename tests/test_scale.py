"""seed_scale and bench on small data: the rows are coherent, every page answers, and no page's number of
SQL queries grows with the data (the national-scale figures are in the README, not in a timed test)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from commitments.models import Commitment, Outcome, ProgressUpdate, Region, Report
from commitments.tools.bench import page_urls, run_bench
from commitments.tools.synthetic import seed_scale

pytestmark = [pytest.mark.django_db, pytest.mark.scale]


def test_seeded_data_has_districts_yearly_reports_and_quotes_that_are_their_report_spans():
    counts = seed_scale(regions=2, years=2, districts=3, per_report=20)
    assert counts["regions"] == 8 and counts["reports"] == 16 and counts["commitments"] == 16 * 20
    city = Region.objects.filter(parent__isnull=True).latest("pk")
    assert city.children.count() == 3
    for commitment in Commitment.objects.filter(report__in=Report.objects.filter(region__parent=city)):
        assert commitment.report.text[commitment.start : commitment.end] == commitment.quote
    assert Outcome.objects.filter(region=city).count() == 2 * 20
    assert ProgressUpdate.objects.filter(commitment__region=city).exists()
    changed = Commitment.history.filter(region=city, history_type="~")
    assert changed.exists() and not changed.filter(status="pending").exists()  # staff's status changes


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_no_public_page_runs_more_queries_when_there_is_more_data(client):
    urls = {name: found[0] for name, found in page_urls().items()}
    assert {"首页", "地区记分卡", "承诺页", "指标对比", "搜索", "API列表"} <= set(urls)
    before = {name: _queries(client, url) for name, url in urls.items()}
    seed_scale(regions=3, years=3, districts=2, per_report=40)
    after = {name: _queries(client, url) for name, url in urls.items()}
    assert after == before


def test_the_bench_measures_extraction_and_every_page_against_the_bare_page(capsys):
    result = run_bench(rounds=3)
    assert len(result.extraction_ms) == 5
    assert [p.name for p in result.pages][:2] == ["空白页", "首页"]
    assert all(p.status == 200 and p.median_ms > 0 for p in result.pages)
    assert result.pages[0].ratio == 1
    call_command("bench", "--rounds", "2", "--no-extraction")
    out = capsys.readouterr().out
    assert "空白页" in out and "倍数" in out and "承诺 " in out


def test_a_page_of_public_commitments_newest_first_is_read_off_an_index_not_sorted():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL sorts a table this small; at 300,000 rows it uses the index (README 规模与性能)")
    plan = Commitment.objects.public().order_by("-year", "pk")[:20].explain()
    assert "commitment_public_recent" in plan and "TEMP B-TREE" not in plan
    counts = Commitment.objects.public().order_by().values("region", "year", "status").annotate(n=Count("id"))
    assert "commitment_public_scorecard" in counts.explain()
