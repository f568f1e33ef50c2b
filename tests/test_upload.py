"""Upload in the admin: a preview first, stored only on confirm, refused with a clear reason otherwise."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from commitments.models import Commitment, Outcome, Region, Report
from tests.builders import make_staff, region

pytestmark = pytest.mark.django_db

REPORTS = Path(settings.BASE_DIR) / "fixtures" / "reports"
UPLOAD = reverse("admin:commitments_report_upload")
CONFIRM = reverse("admin:commitments_report_upload_confirm")


def staff_client(*names: str) -> Client:
    client = Client()
    client.force_login(make_staff("uploader", *(region(n) for n in names)))
    return client


def report_file(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else (REPORTS / name).read_bytes())


def stash_folder() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def stashed() -> set[str]:
    return {p.name for p in stash_folder().glob("*")} if stash_folder().exists() else set()


@pytest.fixture(autouse=True)
def _private_upload_folder(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def xuzhou_removed():
    """The real 徐州 report is imported for the session; removing it lets us upload it again as new."""
    Report.objects.filter(region__name="徐州市").delete()


def test_the_preview_shows_what_was_read_and_stores_nothing(xuzhou_removed):
    client = staff_client("徐州市")
    before = (Report.objects.count(), Commitment.objects.count(), Outcome.objects.count())
    files_before = set(Path(settings.MEDIA_ROOT).rglob("*"))
    page = client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt")})
    assert page.status_code == 200
    html = page.content.decode()
    facts = dict(page.context["facts"])
    assert facts["地区"] == "徐州市"
    assert facts["计划年度"] == "2024" and facts["回顾年度"] == "2023"
    assert int(facts["量化目标"]) > 10 and int(facts["实绩"]) > 5 and int(facts["部分"]) >= 2
    assert "确认导入" in html and "取消" in html
    assert page.context["first_commitments"][0].quote in html
    assert (Report.objects.count(), Commitment.objects.count(), Outcome.objects.count()) == before
    assert set(Path(settings.MEDIA_ROOT).rglob("*")) == files_before, "the dry run leaves no stored file"
    assert page.context["token"]


def test_confirm_stores_the_previewed_report_and_removes_the_uploaded_bytes(xuzhou_removed):
    client = staff_client("徐州市")
    before = stashed()
    token = client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt")}).context["token"]
    assert len(stashed() - before) == 1
    response = client.post(CONFIRM, {"token": token, "confirm": "1"})
    report = Report.objects.get(region__name="徐州市")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:commitments_report_change", args=[report.pk])
    assert report.imported_by.username == "uploader"
    assert report.commitments.count() > 10
    assert stashed() == before
    again = client.post(CONFIRM, {"token": token, "confirm": "1"}, follow=True)
    assert "预览已过期或已处理" in again.content.decode()


def test_cancel_stores_nothing_and_removes_the_uploaded_bytes(xuzhou_removed):
    client = staff_client("徐州市")
    before = stashed()
    token = client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt")}).context["token"]
    response = client.post(CONFIRM, {"token": token, "cancel": "1"}, follow=True)
    assert "已取消导入，没有保存任何内容" in response.content.decode()
    assert not Report.objects.filter(region__name="徐州市").exists()
    assert stashed() == before


def test_a_staff_member_cannot_import_a_report_of_a_region_not_granted(xuzhou_removed):
    client = staff_client("临沂市")
    page = client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt")})
    assert page.status_code == 200
    assert "您没有“徐州市”的权限" in page.content.decode()
    assert page.context["token"] == ""
    assert not Report.objects.filter(region__name="徐州市").exists()


def test_a_token_is_good_only_for_the_user_who_uploaded(xuzhou_removed):
    token = staff_client("徐州市").post(UPLOAD, {"file": report_file("xuzhou-2024.txt")}).context["token"]
    other = Client()
    other.force_login(make_staff("other", region("徐州市")))
    response = other.post(CONFIRM, {"token": token, "confirm": "1"}, follow=True)
    assert "预览已过期或已处理" in response.content.decode()
    assert not Report.objects.filter(region__name="徐州市").exists()


def test_a_file_already_imported_is_shown_as_such_with_nothing_to_confirm():
    page = staff_client("临沂市").post(UPLOAD, {"file": report_file("linyi-2024.txt")})
    assert "该文件已导入过" in page.content.decode()
    assert page.context["token"] == ""


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.exe", b"MZ\x90\x00", "不支持 .exe 文件，只接受 .txt、.docx、.pdf"),
        ("report.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("report.pdf", b"not a pdf at all", "文件内容与扩展名 .pdf 不符"),
        ("report.docx", b"not a zip", "文件内容与扩展名 .docx 不符"),
        ("empty.txt", b"", "空文件"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_with_a_clear_message(name, data, message):
    page = staff_client("临沂市").post(UPLOAD, {"file": report_file(name, data)})
    assert page.status_code == 200
    assert message in page.content.decode()
    assert "确认导入" not in page.content.decode()


@override_settings(MAX_UPLOAD_BYTES=10_000)
def test_a_file_over_the_size_limit_is_refused_with_the_limit_named():
    page = staff_client("临沂市").post(UPLOAD, {"file": report_file("linyi-2024.txt")})
    assert "文件过大" in page.content.decode()
    assert "上限为 9.8" in page.content.decode()


def test_a_text_without_a_plan_part_is_refused_with_the_reason():
    text = (REPORTS / "xuzhou-2024.txt").read_text(encoding="utf-8")
    review_only = text[: text.index("二、2024年")].encode()
    page = staff_client("徐州市").post(UPLOAD, {"file": report_file("review.txt", review_only)})
    assert "未找到报告的计划部分" in page.content.decode()
    assert "确认导入" not in page.content.decode()


def test_a_region_not_recognised_asks_the_staff_member_to_choose_one(xuzhou_removed):
    text = (REPORTS / "xuzhou-2024.txt").read_text(encoding="utf-8").replace("徐州", "本").replace("江苏", "本省")
    client = staff_client("徐州市")
    page = client.post(UPLOAD, {"file": report_file("anon.txt", text.encode())})
    html = page.content.decode()
    assert "请在“地区”中选择后重新预览" in html
    chosen = client.post(UPLOAD, {"file": report_file("anon.txt", text.encode()), "region": region("徐州市").pk})
    assert dict(chosen.context["facts"])["地区"] == "徐州市"
    assert any("未识别出地区" in w for w in chosen.context["warnings"])


def test_the_report_list_links_to_the_upload():
    page = staff_client("临沂市").get(reverse("admin:commitments_report_changelist"))
    assert UPLOAD in page.content.decode()


def test_a_staff_member_without_the_add_permission_cannot_upload():
    user = make_staff("viewer", region("临沂市"))
    user.user_permissions.set(user.user_permissions.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403


def test_a_revised_report_is_refused_until_marked_as_a_revision_then_previewed_with_its_changes_and_stored():
    client = staff_client("临沂市")
    text = (REPORTS / "linyi-2024.txt").read_text(encoding="utf-8")
    revised = report_file("linyi-2024-v2.txt", text.replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1).encode())
    refused = client.post(UPLOAD, {"file": revised})
    assert "修订版" in refused.content.decode() and not refused.context.get("token")

    revised.seek(0)
    page = client.post(UPLOAD, {"file": revised, "revise": "on"})
    assert any("地区生产总值增长6%" in w for w in page.context["warnings"])
    assert Report.objects.get(region__name="临沂市").original_name == "linyi-2024.txt", "a preview stores nothing"

    client.post(CONFIRM, {"token": page.context["token"], "confirm": "1"})
    report = Report.objects.get(region__name="临沂市")
    assert report.original_name == "linyi-2024-v2.txt"
    assert report.commitments.filter(quote__contains="地区生产总值增长6%").exists()


def test_the_preview_says_when_a_page_holds_the_report_twice_and_counts_it_once(xuzhou_removed):
    once = (REPORTS / "xuzhou-2024.txt").read_text(encoding="utf-8")
    twice = ("网站首页 | 政务公开\n" + once + "\n网站首页 | 政务公开\n" + once).encode("utf-8")
    client = staff_client("徐州市")
    single = dict(client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt")}).context["facts"])
    page = client.post(UPLOAD, {"file": report_file("xuzhou-2024-page.txt", twice)})
    assert "页面中报告全文出现了两次，只读取第一份。" in page.context["warnings"]
    assert dict(page.context["facts"])["量化目标"] == single["量化目标"]


def test_a_region_chosen_against_the_one_read_from_the_text_is_warned_about(xuzhou_removed):
    client = staff_client("徐州市", "临沂市")
    page = client.post(UPLOAD, {"file": report_file("xuzhou-2024.txt"), "region": region("河东区").pk})
    assert any("文件中识别出的地区是“徐州市”，与您选择的“临沂市河东区”不同" in w for w in page.context["warnings"])


DEZHOU = (
    "在德州市第十八届人民代表大会第三次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
    "一、2023年工作回顾\n全市地区生产总值增长6%。\n二、2024年工作安排\n地区生产总值增长5.5%左右。\n"
).encode()


def test_a_region_an_upload_creates_is_announced_and_stays_unpublished_until_checked(client):
    staff = staff_client("山东省")
    preview = staff.post(UPLOAD, {"file": report_file("dezhou-2024.txt", DEZHOU)})
    assert any("将新建地区“德州市”（上级：山东省），区划代码 371400" in w for w in preview.context["warnings"])
    staff.post(CONFIRM, {"token": preview.context["token"]})
    dezhou = Region.objects.get(code="371400")
    assert not dezhou.published
    assert client.get(dezhou.get_absolute_url()).status_code == 404
    assert not Commitment.objects.public().filter(region=dezhou).exists()
    change = reverse("admin:commitments_region_change", args=[dezhou.pk])
    staff.post(change, {"published": "on"})
    dezhou.refresh_from_db()
    assert dezhou.published and client.get(dezhou.get_absolute_url()).status_code == 200
