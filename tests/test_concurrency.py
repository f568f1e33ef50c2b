"""Two staff members edit the same commitment: the second save is refused and nothing is overwritten."""

import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Commitment, ProgressUpdate
from commitments.staff.forms import CommitmentAdminForm
from tests.builders import admin_form_data, make_staff, region

pytestmark = pytest.mark.django_db


def two_editors():
    clients = []
    for name in ("zhang", "li"):
        client = Client()
        client.force_login(make_staff(name, region("临沂市")))
        clients.append(client)
    return clients


def test_the_second_of_two_staff_saving_the_same_commitment_is_refused_and_overwrites_nothing():
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    zhang, li = two_editors()
    zhang_page, li_page = zhang.get(url), li.get(url)

    first = zhang.post(url, admin_form_data(zhang_page, lead_department="市人社局"))
    assert first.status_code == 302
    second = li.post(url, admin_form_data(li_page, lead_department="市发展改革委"))

    assert second.status_code == 200
    errors = " ".join(second.context["adminform"].form.non_field_errors())
    assert "在您打开之后已被zhang" in errors
    assert "没有保存" in errors
    commitment.refresh_from_db()
    assert commitment.lead_department == "市人社局"
    assert commitment.version == 2
    assert commitment.history.filter(lead_department="市发展改革委").count() == 0


def test_a_save_that_loses_the_race_after_validation_is_rolled_back_whole(monkeypatch):
    """The form check can pass for both when they save at the same instant; the conditional update cannot."""
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    zhang, li = two_editors()
    zhang_page, li_page = zhang.get(url), li.get(url)
    assert zhang.post(url, admin_form_data(zhang_page, lead_department="市人社局")).status_code == 302

    monkeypatch.setattr(CommitmentAdminForm, "clean", lambda self: self.cleaned_data)
    data = admin_form_data(
        li_page,
        lead_department="市发展改革委",
        **{
            "updates-TOTAL_FORMS": "1",
            "updates-0-date": "2024-06-30",
            "updates-0-status": "in_progress",
            "updates-0-note": "半年进展",
        },
    )
    response = li.post(url, data)

    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("没有保存" in m for m in messages)
    commitment.refresh_from_db()
    assert commitment.lead_department == "市人社局"
    assert not ProgressUpdate.objects.filter(commitment=commitment).exists()


def test_the_same_editor_can_save_twice_in_a_row():
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    zhang, _ = two_editors()
    assert zhang.post(url, admin_form_data(zhang.get(url), lead_department="甲")).status_code == 302
    assert zhang.post(url, admin_form_data(zhang.get(url), lead_department="乙")).status_code == 302
    commitment.refresh_from_db()
    assert (commitment.lead_department, commitment.version) == ("乙", 3)


def list_edit(formset, commitment, **changes) -> dict:
    """The POST of the admin list's inline edit: `changes` for `commitment`, every other row as shown."""
    data = {
        "form-TOTAL_FORMS": str(formset.total_form_count()),
        "form-INITIAL_FORMS": str(formset.initial_form_count()),
        "_save": "保存",
    }
    for i, form in enumerate(formset.forms):
        data[f"form-{i}-id"] = str(form.instance.pk)
        data[f"form-{i}-seen_version"] = str(form.instance.version)
        for name in changes:
            mine = form.instance.pk == commitment.pk
            data[f"form-{i}-{name}"] = changes[name] if mine else getattr(form.instance, name)
    return data


def test_a_stale_list_edit_of_the_lead_department_is_refused_and_overwrites_nothing():
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").order_by("pk").first()
    zhang, li = two_editors()
    url = reverse("admin:commitments_commitment_changelist") + f"?q={commitment.quote[:12]}"
    stale_page = li.get(url)  # li opens the list
    change = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    assert zhang.post(change, admin_form_data(zhang.get(change), lead_department="市人社局")).status_code == 302
    data = list_edit(stale_page.context["cl"].formset, commitment, lead_department="市发展改革委")
    assert 'name="form-0-seen_version"' in stale_page.content.decode()
    li.post(url, data)
    commitment.refresh_from_db()
    assert commitment.lead_department == "市人社局"


def test_a_list_edit_of_several_columns_says_each_in_the_history(admin_client, monkeypatch):
    """The list's inline edit is not tied to 牵头单位: every editable column rides the lock and names itself."""
    from commitments.admin import CommitmentAdmin

    monkeypatch.setattr(CommitmentAdmin, "list_editable", ["lead_department", "category"])
    monkeypatch.setattr(CommitmentAdmin, "list_display", [*CommitmentAdmin.list_display, "category"])
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").order_by("pk").first()
    url = reverse("admin:commitments_commitment_changelist") + f"?q={commitment.quote[:12]}"
    data = list_edit(
        admin_client.get(url).context["cl"].formset, commitment, lead_department="市发展改革委", category="民生保障"
    )
    assert admin_client.post(url, data).status_code == 302
    commitment.refresh_from_db()
    assert (commitment.lead_department, commitment.category) == ("市发展改革委", "民生保障")
    assert commitment.history.first().history_change_reason == "批量修改：牵头单位、类别"
