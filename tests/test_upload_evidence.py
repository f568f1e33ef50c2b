"""Uploading an evidence document (统计公报, news …) in the admin: a preview with the verdicts it would propose.

The documents are TEST DATA, not real (tests/data/verification); the commitments are 临沂市's real 2024 ones.
"""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from commitments.ingest.evidence import import_evidence
from commitments.ingest.reports import ImportRefused
from commitments.models import Outcome, RegionGrant, Report, Verification
from commitments.staff import uploads
from tests.builders import VERIFICATION_MATERIAL, import_next_year_material, make_staff, region

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:commitments_report_upload")
CONFIRM = reverse("admin:commitments_report_upload_confirm")
QUEUE = reverse("admin:commitments_verification_changelist")
BULLETIN = "linyi-2024-bulletin.txt"


@pytest.fixture(autouse=True)
def _private_upload_folder(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def staff(*names: str, username: str = "uploader"):
    return make_staff(username, *(region(n) for n in names))


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def material(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else (VERIFICATION_MATERIAL / name).read_bytes())


def evidence_form(name: str = BULLETIN, *, kind: str = "statistics", where: str = "临沂市", year=2024, **extra):
    return {"file": material(name), "kind": kind, "region": region(where).pk, "year": year, **extra}


def stored_rows() -> tuple[int, int, int]:
    return Report.objects.count(), Outcome.objects.count(), Verification.objects.count()


def stored_files() -> set[Path]:
    return set(Path(settings.MEDIA_ROOT).rglob("*"))


def stashed() -> set[str]:
    folder = Path(settings.DATA_DIR) / "uploads"
    return {p.name for p in folder.glob("*")} if folder.exists() else set()


def test_a_linyi_staff_member_previews_the_bulletin_and_sees_outcomes_quotes_and_proposals_with_nothing_stored():
    client = client_for(staff("临沂市"))
    rows, files = stored_rows(), stored_files()
    page = client.post(UPLOAD, evidence_form())
    assert page.status_code == 200
    html = page.content.decode()
    facts = dict(page.context["facts"])
    assert facts["文件类型"] == "统计公报" and facts["地区"] == "临沂市" and facts["报告年度"] == "2024"
    assert facts["日期"] == "2025-03-20"
    assert int(facts["实绩"]) >= 10
    proposed = int(facts["将提出核对建议"])
    assert 5 <= proposed < int(facts["该年度可核对的承诺"])
    assert "全年城镇新增就业94200人" in html, "the outcomes are shown with their quotes"
    jobs = next(p for p in page.context["first_proposals"] if p.commitment_quote == "新增城镇就业9万人以上")
    assert jobs.verdict == "done" and "实绩 94200人（折合 9.42万人）" in jobs.arithmetic
    assert jobs.arithmetic in html and 'class="status status-done"' in html
    assert sum(n for _verdict, n in page.context["proposals_by_verdict"]) == proposed
    assert "确认导入" in html and page.context["token"]
    assert stored_rows() == rows, "the dry run is rolled back"
    assert stored_files() == files, "and leaves no stored file behind"


def test_confirm_stores_the_bulletin_and_its_proposals_appear_in_the_review_queue():
    user = staff("临沂市")
    client = client_for(user)
    before = stashed()
    preview = client.post(UPLOAD, evidence_form())
    proposed = int(dict(preview.context["facts"])["将提出核对建议"])
    response = client.post(CONFIRM, {"token": preview.context["token"], "confirm": "1"})
    bulletin = Report.objects.get(original_name=BULLETIN)
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?source__id__exact={bulletin.pk}"
    assert (bulletin.kind, bulletin.review_year, bulletin.region.name) == ("statistics", 2024, "临沂市")
    assert bulletin.imported_by == user and bulletin.delivered_on == date(2025, 3, 20)
    assert bulletin.verifications.count() == proposed, "confirm stores what the preview promised"
    assert stashed() == before
    queue = client.get(response["Location"])
    assert queue.status_code == 200
    listed = list(queue.context["cl"].result_list)
    assert len(listed) == proposed and {v.source_id for v in listed} == {bulletin.pk}
    assert "新增城镇就业9万人以上" in queue.content.decode()
    (message,) = [str(m) for m in queue.context["messages"]]
    assert "为该年 " in message and f"中的 {proposed} 条提出核对建议" in message


def test_cancel_stores_nothing_and_removes_the_uploaded_bytes():
    client = client_for(staff("临沂市"))
    rows, files, before = stored_rows(), stored_files(), stashed()
    token = client.post(UPLOAD, evidence_form()).context["token"]
    response = client.post(CONFIRM, {"token": token, "cancel": "1"}, follow=True)
    assert "已取消导入，没有保存任何内容" in response.content.decode()
    assert stored_rows() == rows and stored_files() == files and stashed() == before


def test_a_xuzhou_staff_member_cannot_upload_evidence_for_linyi():
    client = client_for(staff("徐州市"))
    form = client.get(UPLOAD).context["form"]
    assert set(form.fields["region"].queryset.values_list("name", flat=True)) == {"徐州市"}
    rows, before = stored_rows(), stashed()
    page = client.post(UPLOAD, evidence_form(where="临沂市"))
    assert page.status_code == 200
    assert "您没有该地区的权限" in page.content.decode()
    assert "确认导入" not in page.content.decode()
    assert stored_rows() == rows and stashed() == before


def test_the_preview_service_refuses_a_region_not_granted_even_when_the_form_is_bypassed():
    with pytest.raises(ImportRefused, match="您没有“临沂市”的权限"):
        uploads.preview(
            user=staff("徐州市"),
            data=(VERIFICATION_MATERIAL / BULLETIN).read_bytes(),
            filename=BULLETIN,
            kind="statistics",
            region=region("临沂市"),
            year=2024,
        )


def test_a_grant_withdrawn_between_preview_and_confirm_refuses_the_confirm():
    user = staff("临沂市")
    client = client_for(user)
    token = client.post(UPLOAD, evidence_form()).context["token"]
    RegionGrant.objects.filter(user=user).delete()
    rows = stored_rows()
    response = client.post(CONFIRM, {"token": token, "confirm": "1"}, follow=True)
    assert "导入失败，没有保存任何内容" in response.content.decode()
    assert stored_rows() == rows


def test_an_evidence_document_needs_a_region_and_the_year_it_reports_on():
    page = client_for(staff("临沂市")).post(UPLOAD, {"file": material(BULLETIN), "kind": "news"})
    errors = page.context["form"].errors
    assert "请选择地区" in errors["region"][0]
    assert "请填写文件所报告的年度" in errors["year"][0]


def test_a_date_chosen_by_staff_is_kept_over_the_one_in_the_text():
    client = client_for(staff("临沂市"))
    token = client.post(UPLOAD, evidence_form("linyi-2024-news.txt", kind="news", delivered_on="2025-01-02")).context[
        "token"
    ]
    client.post(CONFIRM, {"token": token, "confirm": "1"})
    news = Report.objects.get(original_name="linyi-2024-news.txt")
    assert news.kind == "news" and news.delivered_on == date(2025, 1, 2)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bulletin.xlsx", b"PK\x03\x04", "不支持 .xlsx 文件，只接受 .txt、.docx、.pdf"),
        ("bulletin.pdf", b"not a pdf at all", "文件内容与扩展名 .pdf 不符"),
    ],
)
def test_evidence_has_the_same_type_limits_as_a_report(name, data, message):
    form = {**evidence_form(), "file": material(name, data)}
    page = client_for(staff("临沂市")).post(UPLOAD, form)
    assert message in page.content.decode() and "确认导入" not in page.content.decode()


@override_settings(MAX_UPLOAD_BYTES=500)
def test_evidence_has_the_same_size_limit_as_a_report():
    page = client_for(staff("临沂市")).post(UPLOAD, evidence_form())
    assert "文件过大" in page.content.decode()


def test_a_wrong_year_and_a_year_without_commitments_are_warned_about():
    page = client_for(staff("临沂市")).post(UPLOAD, evidence_form(year=2023))
    warnings = page.context["warnings"]
    assert "文件标题写的是 2024 年，与所选的 2023 年不同，请确认。" in warnings
    assert any("临沂市 2023 年尚无已导入的承诺" in w for w in warnings)
    assert dict(page.context["facts"])["将提出核对建议"] == "0"


def test_a_document_without_numbers_is_warned_about():
    text = "临沂市2024年重点工作进展通报\n各项工作稳步推进，群众满意度持续提升。\n".encode()
    page = client_for(staff("临沂市")).post(UPLOAD, {**evidence_form(kind="news"), "file": material("t.txt", text)})
    assert "未从该文件中读出任何实绩数字。" in page.context["warnings"]
    assert "未识别出报告年份" not in page.context["warnings"], "the year is stated by staff"


def test_a_bulletin_uploaded_as_a_work_report_is_refused_with_a_hint_to_choose_its_type():
    page = client_for(staff("临沂市")).post(UPLOAD, {"file": material(BULLETIN)})
    assert "请在“文件类型”中选择相应类型" in page.content.decode()


def test_a_document_already_imported_links_to_its_proposals_with_nothing_to_confirm():
    (bulletin,) = import_next_year_material(BULLETIN)
    page = client_for(staff("临沂市")).post(UPLOAD, evidence_form())
    assert "该文件已导入过" in page.content.decode()
    assert page.context["token"] == ""
    assert f"{QUEUE}?source__id__exact={bulletin.pk}" in page.content.decode()


def test_a_dry_run_of_the_service_says_what_it_would_propose_and_stores_nothing():
    rows, files = stored_rows(), stored_files()
    result = import_evidence(path=VERIFICATION_MATERIAL / BULLETIN, region="临沂市", year=2024, dry_run=True)
    assert result.created and result.dry_run and result.summary.startswith("预览（未保存）")
    assert result.proposals and result.checkable > len(result.proposals)
    assert stored_rows() == rows and stored_files() == files
    stored = import_evidence(path=VERIFICATION_MATERIAL / BULLETIN, region="临沂市", year=2024)
    assert [p.commitment_quote for p in stored.proposals] == [p.commitment_quote for p in result.proposals]
