"""Regressions for defects found in review: each test failed before its fix."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.urls import reverse

from commitments import cache
from commitments.ingest.reports import import_report
from commitments.models import Commitment, Indicator, Report
from tests.builders import admin_form_data, hide, make_staff, region

pytestmark = pytest.mark.django_db


def test_search_on_a_single_character_never_shows_a_hidden_commitment(client):
    hidden = Commitment.objects.filter(quote__contains="9").order_by("-pk").first()
    hide(hidden)
    page = client.get("/search/?q=9").content.decode()
    assert f"/commitments/{hidden.pk}/" not in page


def test_a_change_form_opened_before_a_revision_cannot_write_the_old_text_back(admin_client):
    gdp = Commitment.objects.get(region__name="临沂市", year=2024, quote__contains="地区生产总值增长5.5%")
    url = reverse("admin:commitments_commitment_change", args=[gdp.pk])
    stale = admin_form_data(admin_client.get(url), lead_department="市发展改革委")
    text = Report.objects.get(region__name="临沂市", plan_year=2024).text
    import_report(
        data=text.replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1).encode(), filename="v2.txt", revise=True
    )
    response = admin_client.post(url, stale)
    gdp.refresh_from_db()
    assert response.status_code == 200  # the form comes back with the "changed by someone else" message
    assert gdp.value == Decimal("6")


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_bump_does_not_stop_later_transactions_from_bumping_at_commit():
    with pytest.raises(RuntimeError), transaction.atomic():
        cache.bump_data_version()
        raise RuntimeError
    with transaction.atomic():
        cache.bump_data_version()
        assert len(connection.run_on_commit) == 1


def test_staff_of_one_region_cannot_change_or_delete_the_indicators_every_region_shares(client):
    client.force_login(make_staff("linyi-staff", region("临沂市")))
    indicator = Indicator.objects.filter(commitments__region__name="徐州市").first()
    delete = reverse("admin:commitments_indicator_delete", args=[indicator.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_odd_numbers_in_the_query_string_are_refused_not_crashed(client, admin_client):
    assert client.get("/api/commitments/?page=%C2%B2").status_code == 404
    assert admin_client.get("/admin/commitments/commitment/abc/history/").status_code in (403, 404)
    assert admin_client.get("/admin/commitments/commitment/lag/?region=abc").status_code == 404
    assert admin_client.get("/admin/commitments/commitment/lag/?year=abc").status_code == 404


def test_a_verdict_staff_accepted_survives_a_revision_of_the_document_it_cites(admin_user):
    from commitments.verification import workflow
    from tests.builders import import_next_year_material

    (report,) = import_next_year_material("linyi-2025-report.txt")
    verification = report.verifications.filter(outcome__isnull=False).order_by("-score").first()
    workflow.accept(verification=verification, user=admin_user)
    sentence = verification.outcome.quote
    revised = report.text.replace(sentence, "")
    import_report(data=revised.encode(), filename="linyi-2025-v2.txt", revise=True)
    verification.refresh_from_db()
    assert verification.state == "accepted"
    assert verification.quote  # the evidence as it was written stays with the verdict
