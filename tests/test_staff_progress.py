"""Progress updates with evidence: their rules, the status they set, and the history they leave."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from commitments.models import Commitment, ProgressUpdate
from tests.builders import admin_form_data, make_staff, region

pytestmark = pytest.mark.django_db
ADD = reverse("admin:commitments_progressupdate_add")


@pytest.fixture
def staff():
    return make_staff("wang", region("临沂市"))


@pytest.fixture
def client(staff):
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def commitment():
    return Commitment.objects.filter(region__name="临沂市", kind="target", value__isnull=False).first()


def post_update(client, commitment, **fields):
    data = {"commitment": commitment.pk, "date": "2024-06-30", "status": "in_progress", "note": "", **fields}
    return client.post(ADD, data)


def errors_of(response) -> str:
    form = response.context["adminform"].form
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_an_update_sets_the_commitments_status_with_who_and_why_in_its_history(client, staff, commitment):
    response = post_update(client, commitment, status="in_progress", note="上半年完成4.6万人", value_reached="4.6")
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "in_progress"
    record = commitment.history.first()
    assert record.status == "in_progress"
    assert record.history_user == staff
    assert record.history_change_reason.startswith("进展 2024-06-30：推进中")
    update = ProgressUpdate.objects.get(commitment=commitment)
    assert update.author == staff
    assert update.history.first().history_user == staff


def test_missed_needs_a_reason_from_the_list_and_an_explanation(client, commitment):
    response = post_update(client, commitment, status="missed")
    assert response.status_code == 200
    assert "请从列表中选择原因" in errors_of(response)
    assert "请在说明中写明具体情况" in errors_of(response)
    response = post_update(client, commitment, status="adjusted", reason="不在列表里的原因", note="x")
    assert response.status_code == 200
    assert not ProgressUpdate.objects.filter(commitment=commitment).exists()
    response = post_update(
        client, commitment, status="adjusted", reason="经人大或政府会议调整", note="市人大常委会调整目标"
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "adjusted"
    assert "经人大或政府会议调整" in commitment.history.first().history_change_reason


def test_done_needs_evidence(client, commitment):
    response = post_update(client, commitment, status="done", note="已完成")
    assert response.status_code == 200
    assert "需要证据" in errors_of(response)
    response = post_update(client, commitment, status="done", evidence_url="https://www.linyi.gov.cn/tjgb/2024.html")
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "done"


def test_an_evidence_file_is_kept_when_its_type_and_size_are_allowed(client, commitment):
    pdf = SimpleUploadedFile("公报.pdf", b"%PDF-1.7\n" + b"0" * 1000, content_type="application/pdf")
    response = post_update(client, commitment, status="done", evidence_file=pdf)
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(commitment=commitment)
    assert update.evidence_file.name.startswith(f"evidence/{commitment.pk}/")


def test_an_evidence_file_of_the_wrong_type_is_refused(client, commitment):
    exe = SimpleUploadedFile("证据.exe", b"MZ\x90\x00")
    response = post_update(client, commitment, status="done", evidence_file=exe)
    assert "不支持 .exe 文件" in errors_of(response)
    fake = SimpleUploadedFile("证据.png", b"<html>not an image</html>")
    response = post_update(client, commitment, status="done", evidence_file=fake)
    assert "文件内容与扩展名 .png 不符" in errors_of(response)
    assert not ProgressUpdate.objects.filter(commitment=commitment).exists()


@override_settings(MAX_EVIDENCE_BYTES=1000)
def test_an_evidence_file_over_the_limit_is_refused(client, commitment):
    pdf = SimpleUploadedFile("大文件.pdf", b"%PDF-1.7\n" + b"0" * 5000)
    response = post_update(client, commitment, status="done", evidence_file=pdf)
    assert "文件过大" in errors_of(response)


def test_a_backdated_update_does_not_replace_the_latest_status(client, commitment):
    post_update(client, commitment, status="in_progress", date="2024-09-30", note="三季度")
    post_update(client, commitment, status="not_started", date="2024-03-31", note="一季度")
    commitment.refresh_from_db()
    assert commitment.status == "in_progress"


def test_an_update_posted_in_the_commitment_form_sets_the_status_too(client, commitment):
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    data = admin_form_data(
        client.get(url),
        **{
            "updates-TOTAL_FORMS": "1",
            "updates-0-date": "2024-06-30",
            "updates-0-status": "partial",
            "updates-0-value_reached": "3",
            "updates-0-note": "半年",
        },
    )
    assert client.post(url, data).status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "partial"
    assert commitment.updates.get().author.username == "wang"


def test_the_status_cannot_be_typed_over_in_the_commitment_form(client, commitment):
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    before = commitment.status
    assert before != "done"
    page = client.get(url)
    assert "status" not in page.context["adminform"].form.fields
    client.post(url, admin_form_data(page, status="done"))
    commitment.refresh_from_db()
    assert commitment.status == before


def test_a_change_is_kept_with_the_reason_given_or_the_fields_changed(client, staff, commitment):
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    client.post(url, admin_form_data(client.get(url), lead_department="市人社局"))
    assert commitment.history.first().history_change_reason == "修改：牵头单位"
    client.post(url, admin_form_data(client.get(url), value="10", change_reason="按市政府通知更正目标值"))
    record = commitment.history.first()
    assert (record.history_change_reason, record.history_user, record.value) == ("按市政府通知更正目标值", staff, 10)


def test_the_history_page_lists_versions_with_who_why_and_what_changed(client, commitment):
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    client.post(url, admin_form_data(client.get(url), lead_department="市人社局", change_reason="明确牵头单位"))
    page = client.get(reverse("admin:commitments_commitment_history", args=[commitment.pk])).content.decode()
    assert "明确牵头单位" in page
    assert "wang" in page
    assert "<ins>市人社局</ins>" in page
    version = commitment.history.last()
    one = client.get(reverse("admin:commitments_commitment_simple_history", args=[commitment.pk, version.history_id]))
    assert one.status_code == 200
    assert client.post(one.wsgi_request.path, {}).status_code == 403


def test_deleting_the_latest_update_gives_the_commitment_the_status_of_the_one_before(client, commitment):
    post_update(client, commitment, status="not_started", date="2024-03-31", note="一季度")
    post_update(client, commitment, status="in_progress", date="2024-06-30", note="二季度")
    latest = ProgressUpdate.objects.get(commitment=commitment, date="2024-06-30")
    response = client.post(
        reverse("admin:commitments_progressupdate_changelist"),
        {"action": "delete_selected", "_selected_action": [latest.pk], "post": "yes", "index": 0},
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "not_started"
    assert commitment.history.first().history_change_reason == "删除进展记录"


@pytest.mark.django_db
def test_deleting_a_commitments_only_update_in_the_admin_sends_it_back_to_pending(client):
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    client.force_login(make_staff("desk", region("临沂市")))
    update = ProgressUpdate.objects.create(commitment=commitment, date=datetime.date(2024, 6, 30), status="in_progress")
    Commitment.objects.filter(pk=commitment.pk).update(status="in_progress")  # as its update set it
    assert Commitment.objects.get(pk=commitment.pk).status == "in_progress"
    url = reverse("admin:commitments_progressupdate_delete", args=[update.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "pending"
    assert commitment.history.first().history_change_reason == "删除进展记录"


@pytest.mark.django_db
def test_a_long_history_reason_is_shortened_to_its_column_not_refused():
    commitment = Commitment.objects.filter(region__name="徐州市").first()
    commitment.lead_department = "市发展改革委"
    commitment._change_reason = "修订版导入：原文由“" + "很长的一句话" * 40 + "”改为……"
    commitment.save()
    reason = commitment.history.first().history_change_reason
    assert len(reason) == 100 and reason.endswith("…")


def test_the_evidence_help_text_says_the_limit_this_site_applies(settings):
    from commitments.staff.forms import ProgressUpdateForm

    settings.MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
    assert "25 MB 以内" in ProgressUpdateForm().fields["evidence_file"].help_text
