import pytest
from django.urls import reverse

from commitments.models import Commitment, Indicator, Outcome, Region
from tests.builders import hide

pytestmark = pytest.mark.django_db


def get(client, name, *args, **params):
    response = client.get(reverse(f"commitments:{name}", args=args), params)
    return response.status_code, response.json() if response["Content-Type"].startswith("application/json") else None


def test_the_commitments_endpoint_pages_and_counts_public_commitments(client):
    status, data = get(client, "api_commitments", page_size=20)
    assert status == 200
    assert data["count"] == Commitment.objects.public().count()
    assert len(data["results"]) == 20 and data["previous"] is None
    assert "page=2" in data["next"] and "page_size=20" in data["next"]


def test_the_commitments_endpoint_takes_the_same_filters_as_the_pages(client):
    status, data = get(client, "api_commitments", region="linyi", year=2024, kind="target", hedge="以上")
    assert status == 200 and data["count"] > 0
    expected = Commitment.objects.filter(region__slug="linyi", year=2024, kind="target", qualifier__contains="以上")
    assert data["count"] == expected.count()
    assert {r["region"] for r in data["results"]} == {"linyi"}


def test_a_commitment_in_the_api_has_its_quote_number_and_permalink(client):
    c = Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上")
    status, data = get(client, "api_commitment", c.pk)
    assert status == 200
    assert data["quote"] == "新增城镇就业9万人以上"
    assert (data["value"], data["unit"], data["normalized_value"]) == (9, "万人", 90000)
    assert data["status_label"] == "待评估"
    assert data["url"].endswith(c.get_absolute_url())


def test_a_hidden_commitment_is_not_in_the_api(client):
    c = hide(Commitment.objects.filter(region__name="淄博市").first())
    assert get(client, "api_commitment", c.pk)[0] == 404
    _, data = get(client, "api_commitments", region="zibo", page_size=200)
    assert c.pk not in {r["id"] for r in data["results"]}


def test_regions_reports_outcomes_and_indicators_are_listed(client):
    assert get(client, "api_regions")[1]["count"] == Region.objects.count() >= 5
    _, data = get(client, "api_regions", parent="linyi")
    assert [r["name"] for r in data["results"]] == ["河东区"]
    assert get(client, "api_reports", plan_year=2024)[1]["count"] == 4
    _, data = get(client, "api_outcomes", region="xuzhou")
    assert data["count"] == Outcome.objects.filter(region__slug="xuzhou").count()
    _, data = get(client, "api_indicators", category="民生保障")
    assert data["count"] == Indicator.objects.filter(category="民生保障").count() > 0
    jobs = Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上").indicator
    assert get(client, "api_indicator", jobs.slug)[1]["name"] == jobs.name


def test_a_bad_filter_or_page_is_answered_with_an_error(client):
    status, data = get(client, "api_commitments", status="finished")
    assert status == 400 and "status" in data["errors"]
    assert get(client, "api_commitments", page=999)[0] == 404


def test_a_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get(reverse("commitments:api_commitments"), {"page_size": 5})
    with django_assert_num_queries(2):
        client.get(reverse("commitments:api_commitments"), {"page_size": 200})


def test_the_documentation_page_links_every_endpoint(client):
    html = client.get(reverse("commitments:api")).content.decode()
    for name in ["api_regions", "api_reports", "api_commitments", "api_outcomes", "api_indicators"]:
        assert f'href="{reverse(f"commitments:{name}")}"' in html


def test_a_refused_parameter_lists_the_values_it_takes(client):
    response = client.get("/api/commitments/", {"status": "finished"})
    assert response.status_code == 400
    body = response.json()
    assert "status" in body["errors"]
    assert {"value": "done", "label": "已完成"} in body["valid"]["status"]


def test_outcomes_filter_by_term_a_years_or_a_five_year_reviews(client):
    from commitments.models import Outcome

    five = Outcome.objects.filter(report__region__slug="zibo").first()
    five.period = "2019-2023"
    five.save()
    year = client.get("/api/outcomes/", {"region": "zibo", "term": "year", "page_size": 200}).json()
    review = client.get("/api/outcomes/", {"region": "zibo", "term": "five-year"}).json()
    assert [o["id"] for o in review["results"]] == [five.pk]
    assert five.pk not in {o["id"] for o in year["results"]} and year["results"]
