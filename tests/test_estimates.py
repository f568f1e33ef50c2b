"""An estimate (预计…) is last year's actual marked as an estimate, replaced once a final figure arrives."""

import pytest
from django.urls import reverse

from commitments.ingest.evidence import import_evidence
from commitments.models import Commitment

pytestmark = pytest.mark.django_db


def _gdp_target():
    return Commitment.objects.select_related("baseline_outcome").get(
        region__name="河东区", year=2023, is_headline=True, indicator_name="地区生产总值", unit="%"
    )


def test_an_estimated_actual_is_shown_as_last_years_actual_marked_as_an_estimate(client):
    gdp = _gdp_target()
    assert gdp.baseline_outcome is not None and gdp.baseline_outcome.estimated
    html = client.get(reverse("commitments:region_year", args=[gdp.region.slug, 2023])).content.decode()
    assert "（预计）" in html


def test_a_final_figure_from_a_bulletin_replaces_the_estimate(tmp_path):
    bulletin = tmp_path / "hedong-2022-bulletin.txt"
    bulletin.write_text(
        "2022年河东区国民经济和社会发展统计公报\n初步核算，全年全区地区生产总值296.3亿元，比上年增长5.2%。\n",
        encoding="utf-8",
    )
    import_evidence(path=bulletin, region="临沂市河东区", year=2022)
    gdp = _gdp_target()
    assert not gdp.baseline_outcome.estimated
    assert (float(gdp.baseline_outcome.value), gdp.baseline_outcome.report.kind) == (5.2, "statistics")
