"""The region boundary, proved by every way in: URL, action, bulk edit, autocomplete, export, choices."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from commitments import access
from commitments.models import Commitment, Outcome, ProgressUpdate, Region, Report
from tests.builders import make_staff, region

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def xuzhou_staff():
    return make_staff("xuzhou", region("徐州市"))


@pytest.fixture
def xuzhou(xuzhou_staff):
    return client_for(xuzhou_staff)


def linyi_commitment() -> Commitment:
    return Commitment.objects.filter(region__name="临沂市", kind="target").first()


def hedong_commitment() -> Commitment:
    return Commitment.objects.filter(region__name="河东区").first()


def change_url(obj) -> str:
    return reverse(f"admin:commitments_{obj._meta.model_name}_change", args=[obj.pk])


def test_a_city_grant_covers_its_districts_and_a_district_grant_only_itself():
    city = make_staff("city", region("临沂市"))
    district = make_staff("district", region("河东区"))
    assert access.may_work_on(city, region("河东区"))
    assert access.may_work_on(district, region("河东区"))
    assert not access.may_work_on(district, region("临沂市"))
    assert not access.may_work_on(city, region("徐州市"))
    assert set(access.region_ids_for(city)) == {region("临沂市").pk, region("河东区").pk}


def test_the_commitment_list_of_a_xuzhou_staff_member_holds_only_xuzhou(xuzhou):
    page = xuzhou.get(reverse("admin:commitments_commitment_changelist"), {"all": ""})
    assert page.status_code == 200
    regions = {c.region.name for c in page.context["cl"].queryset}
    assert regions == {"徐州市"}
    assert page.context["cl"].result_count == Commitment.objects.filter(region__name="徐州市").count()


def test_the_region_filter_of_a_xuzhou_staff_member_names_no_other_city(xuzhou):
    page = xuzhou.get(reverse("admin:commitments_commitment_changelist")).content.decode()
    assert "徐州市" in page
    assert "临沂市" not in page


@pytest.mark.parametrize(
    "find",
    [
        linyi_commitment,
        lambda: Report.objects.get(region__name="临沂市"),
        lambda: Outcome.objects.filter(region__name="临沂市").first(),
        lambda: Region.objects.get(name="临沂市"),
    ],
)
def test_a_xuzhou_staff_member_is_refused_linyi_objects_by_url(xuzhou, find):
    obj = find()
    assert xuzhou.get(change_url(obj)).status_code == 403
    assert xuzhou.post(change_url(obj), {}).status_code == 403


def test_a_xuzhou_staff_member_is_refused_linyi_history_and_its_versions(xuzhou):
    commitment = linyi_commitment()
    history = reverse("admin:commitments_commitment_history", args=[commitment.pk])
    version = commitment.history.first()
    one_version = reverse("admin:commitments_commitment_simple_history", args=[commitment.pk, version.history_id])
    assert xuzhou.get(history).status_code == 403
    assert xuzhou.get(one_version).status_code == 403


def test_a_xuzhou_staff_member_is_refused_deleting_a_linyi_commitment_by_url(xuzhou):
    commitment = linyi_commitment()
    url = reverse("admin:commitments_commitment_delete", args=[commitment.pk])
    assert xuzhou.post(url, {"post": "yes"}).status_code == 403
    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_a_missing_object_is_not_found(xuzhou):
    assert xuzhou.get(reverse("admin:commitments_commitment_change", args=[99999999])).status_code == 404


def test_a_xuzhou_staff_member_is_refused_an_action_on_a_linyi_commitment(xuzhou):
    own = Commitment.objects.filter(region__name="徐州市").first()
    other = linyi_commitment()
    response = xuzhou.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [own.pk, other.pk], "post": "yes", "index": 0},
    )
    assert response.status_code == 403
    assert Commitment.objects.filter(pk__in=[own.pk, other.pk]).count() == 2


def test_a_xuzhou_staff_member_is_refused_an_export_of_linyi_commitments(xuzhou):
    response = xuzhou.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [linyi_commitment().pk], "index": 0},
    )
    assert response.status_code == 403


def test_the_export_action_gives_the_selected_own_commitments_as_csv(xuzhou):
    own = list(Commitment.objects.filter(region__name="徐州市")[:3])
    response = xuzhou.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [c.pk for c in own], "index": 0},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert len(body.strip().splitlines()) >= 4
    assert "徐州市" in body and "临沂市" not in body


def test_a_xuzhou_staff_member_is_refused_the_lag_export_of_linyi(xuzhou):
    url = reverse("admin:commitments_commitment_lag_csv")
    assert xuzhou.get(url, {"region": region("临沂市").pk}).status_code == 403
    assert xuzhou.get(reverse("admin:commitments_commitment_lag"), {"region": region("临沂市").pk}).status_code == 403
    own = xuzhou.get(url, {"region": region("徐州市").pk})
    assert own.status_code == 200
    assert "临沂市" not in own.content.decode("utf-8-sig")


def test_a_xuzhou_staff_member_is_refused_a_bulk_edit_of_a_linyi_commitment(xuzhou):
    other = linyi_commitment()
    before = other.lead_department
    response = xuzhou.post(
        reverse("admin:commitments_commitment_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": other.pk,
            "form-0-lead_department": "徐州市某局",
            "_save": "保存",
        },
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.lead_department == before


def test_a_bulk_edit_of_own_commitments_is_saved_with_a_history_reason(xuzhou):
    own = Commitment.objects.filter(region__name="徐州市").order_by("pk").first()
    page = xuzhou.get(reverse("admin:commitments_commitment_changelist"), {"q": own.quote[:8]})
    ids = [obj.pk for obj in page.context["cl"].result_list]
    data = {
        "form-TOTAL_FORMS": str(len(ids)),
        "form-INITIAL_FORMS": str(len(ids)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "保存",
    }
    for i, pk in enumerate(ids):
        data[f"form-{i}-id"] = pk
        data[f"form-{i}-lead_department"] = "市人力资源社会保障局" if pk == own.pk else ""
    response = xuzhou.post(reverse("admin:commitments_commitment_changelist") + f"?q={own.quote[:8]}", data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.lead_department == "市人力资源社会保障局"
    assert own.history.first().history_change_reason == "批量修改：牵头单位"


def test_autocomplete_offers_a_xuzhou_staff_member_only_xuzhou_commitments(xuzhou):
    url = reverse("admin:autocomplete")
    params = {"app_label": "commitments", "model_name": "progressupdate", "field_name": "commitment"}
    found = xuzhou.get(url, {**params, "term": "就业"}).json()["results"]
    assert found, "徐州's own commitments about 就业 are offered"
    ids = {int(item["id"]) for item in found}
    assert set(Commitment.objects.filter(pk__in=ids).values_list("region__name", flat=True)) == {"徐州市"}
    linyi_quote = linyi_commitment().quote[:10]
    assert xuzhou.get(url, {**params, "term": linyi_quote}).json()["results"] == []


def test_autocomplete_of_regions_offers_only_granted_regions(xuzhou):
    url = reverse("admin:autocomplete")
    params = {"app_label": "commitments", "model_name": "region", "field_name": "parent", "term": "临沂"}
    assert xuzhou.get(url, params).json()["results"] == []


def test_a_progress_update_cannot_be_pointed_at_a_linyi_commitment(xuzhou):
    response = xuzhou.post(
        reverse("admin:commitments_progressupdate_add"),
        {"commitment": linyi_commitment().pk, "date": "2024-06-30", "status": "in_progress", "note": "x"},
    )
    assert response.status_code == 200
    assert "commitment" in response.context["adminform"].form.errors
    assert not ProgressUpdate.objects.filter(commitment=linyi_commitment()).exists()


def test_a_hedong_staff_member_cannot_touch_linyi_citys_own_commitments():
    hedong = client_for(make_staff("hedong", region("河东区")))
    assert hedong.get(change_url(linyi_commitment())).status_code == 403
    assert hedong.get(change_url(hedong_commitment())).status_code == 200


def test_a_linyi_staff_member_can_touch_hedongs_commitments():
    linyi = client_for(make_staff("linyi", region("临沂市")))
    commitment = hedong_commitment()
    page = linyi.get(change_url(commitment))
    assert page.status_code == 200
    response = linyi.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [commitment.pk, linyi_commitment().pk], "index": 0},
    )
    assert response.status_code == 200


def test_a_superuser_sees_every_region(admin_client):
    page = admin_client.get(reverse("admin:commitments_commitment_changelist"))
    assert page.context["cl"].result_count == Commitment.objects.count()
    assert admin_client.get(change_url(linyi_commitment())).status_code == 200


def test_only_a_superuser_manages_region_grants(xuzhou, admin_client):
    url = reverse("admin:commitments_regiongrant_changelist")
    assert xuzhou.get(url).status_code == 403
    assert admin_client.get(url).status_code == 200
    add = admin_client.post(
        reverse("admin:commitments_regiongrant_add"),
        {"user": make_staff("newcomer").pk, "region": region("潍坊市").pk},
    )
    assert add.status_code == 302
