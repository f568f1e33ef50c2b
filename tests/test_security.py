"""Security: lock-out after failed logins, deploy checks, CSP with nothing inline, CSRF, escaping, first admin."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from commitments.ingest.bootstrap import ensure_admin
from commitments.ingest.reports import import_report
from commitments.models import Commitment, Region, Report
from tests.builders import admin_form_data, make_staff, region

REPORTS = Path(settings.BASE_DIR) / "fixtures" / "reports"
LOGIN = reverse("admin:login")
SCRIPT = "<script>alert('x')</script>"


def try_login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": reverse("admin:index")})


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_out_even_with_the_right_password():
    make_staff("chen", region("临沂市"), password="the right password 2024")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_login(client, "chen", "wrong").status_code == 200
    locked = try_login(client, "chen", "wrong")
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode()
    refused = try_login(client, "chen", "the right password 2024")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_few_failed_logins_do_not_lock_out_and_a_success_resets_the_count():
    make_staff("chen", region("临沂市"), password="the right password 2024")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, "chen", "wrong")
    assert try_login(client, "chen", "the right password 2024").status_code == 302
    assert "_auth_user_id" in client.session


def test_check_deploy_reports_nothing_under_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"}}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="tracker.example.org", DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def csp_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", [reverse("commitments:home"), LOGIN])
def test_the_content_security_policy_allows_no_inline_script_and_no_other_origin(client, url):
    policy = csp_of(client.get(url))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    for sources in policy.values():
        outside = [s for s in sources if s.startswith(("http", "*", "'unsafe")) or (s.endswith(":") and s != "data:")]
        assert outside == []


@pytest.mark.django_db
def test_admin_pages_have_no_inline_script_or_style_attribute_so_they_work_under_the_policy(admin_client):
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    urls = [
        reverse("admin:index"),
        reverse("admin:commitments_commitment_changelist"),
        reverse("admin:commitments_commitment_change", args=[commitment.pk]),
        reverse("admin:commitments_commitment_history", args=[commitment.pk]),
        reverse("admin:commitments_commitment_lag"),
        reverse("admin:commitments_report_changelist"),
        reverse("admin:commitments_report_upload"),
        reverse("admin:commitments_progressupdate_add"),
        reverse("admin:commitments_regiongrant_add"),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response, url
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script on {url}"
        assert not re.search(r"\sstyle=", html), f"style attribute on {url}"
        assert not re.search(r"\son(click|load|change|submit)=", html), f"inline handler on {url}"


@pytest.mark.django_db
def test_csrf_is_enforced_on_admin_forms():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff("csrf", region("临沂市")))
    commitment = Commitment.objects.filter(region__name="临沂市").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    assert client.post(url, {"lead_department": "x"}).status_code == 403
    assert client.post(reverse("admin:commitments_report_upload"), {}).status_code == 403


@pytest.mark.django_db
def test_a_script_in_an_imported_report_shows_as_text_in_the_admin_and_on_the_public_page(admin_client):
    original = Report.objects.get(region__name="徐州市")
    first = original.commitments.filter(kind="target").order_by("start").first()
    text, quote, end = original.text, first.quote, first.end
    Report.objects.filter(pk=original.pk).delete()
    injected = text[:end] + SCRIPT + text[end:]
    report = import_report(data=injected.encode(), filename="xuzhou.txt").report
    # The reader takes the tag into the quote itself: all the better a test.
    commitment = report.commitments.get(start=first.start)
    assert commitment.quote.startswith(quote)

    admin_page = admin_client.get(reverse("admin:commitments_commitment_change", args=[commitment.pk]))
    public_page = Client().get(reverse("commitments:commitment", args=[commitment.pk]))
    for page in (admin_page, public_page):
        html = page.content.decode()
        assert "&lt;script&gt;alert" in html and "&lt;/script&gt;" in html
        assert "<script>alert" not in html


@pytest.mark.django_db
def test_a_script_typed_by_staff_shows_as_text_on_the_public_page(admin_client):
    commitment = Commitment.objects.filter(region__name="潍坊市", kind="target").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    admin_client.post(url, admin_form_data(admin_client.get(url), lead_department=SCRIPT[:40]))
    commitment.refresh_from_db()
    assert commitment.lead_department == SCRIPT[:40]
    html = Client().get(reverse("commitments:commitment", args=[commitment.pk])).content.decode()
    assert "&lt;script&gt;" in html and "<script>alert" not in html


@pytest.mark.django_db
def test_the_first_admin_gets_a_random_password_printed_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "root")
    lines = list(ensure_admin())
    password = re.search(r"密码 (\S+)", "\n".join(lines)).group(1)
    assert len(password) >= 16
    assert get_user_model().objects.get(username="root").check_password(password)
    assert list(ensure_admin()) == []


@pytest.mark.django_db
def test_the_first_admin_takes_its_password_from_the_environment_and_never_prints_it(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "root")
    monkeypatch.setenv("ADMIN_PASSWORD", "a long passphrase from the environment")
    lines = list(ensure_admin())
    assert "a long passphrase" not in "\n".join(lines)
    assert get_user_model().objects.get(username="root").check_password("a long passphrase from the environment")


def test_no_secret_is_kept_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout.split()
    patterns = re.compile(
        r"-----BEGIN [A-Z ]*PRIVATE KEY-----|SECRET_KEY\s*=\s*['\"][^'\"]{20,}|ADMIN_PASSWORD\s*=\s*\S{6,}|"
        r"postgres(ql)?://[^:\s]+:[^@\s]{6,}@(?!localhost|127\.0\.0\.1)"
    )
    found = []
    for name in tracked:
        path = Path(settings.BASE_DIR) / name
        if path.suffix in {".py", ".txt", ".md", ".toml", ".cfg", ".ini", ".env", ".yml", ".yaml", ".sh", ""}:
            text = path.read_text(encoding="utf-8", errors="ignore") if path.is_file() else ""
            found += [f"{name}: {m.group(0)[:40]}" for m in patterns.finditer(text) if "insecure" not in m.group(0)]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/indicators/%00/", 404),
        ("/api/indicators/a%00b/", 404),
        ("/regions/linyi%00/", 404),
        ("/search/?q=%00", 400),
        ("/commitments/?lead_department=a%00b", 400),
    ],
)
def test_a_nul_byte_in_a_path_or_a_query_is_refused_not_a_server_error(client, url, status):
    assert client.get(url).status_code == status


@pytest.mark.django_db
def test_a_nul_byte_in_the_admin_autocomplete_is_refused(client):
    client.force_login(make_staff("nul", region("临沂市")))
    url = "/admin/autocomplete/?app_label=commitments&model_name=commitment&field_name=indicator&term=%00"
    assert client.get(url).status_code == 400


@pytest.mark.django_db
def test_a_staff_member_cannot_create_or_rename_a_region(client):
    """Region squatting: a 德州市 made under one's own city would take the real city's reports and URL."""
    client.force_login(make_staff("squatter", region("临沂市")))
    assert client.get("/admin/commitments/region/add/").status_code == 403
    before = Region.objects.count()
    client.post("/admin/commitments/region/add/", {"code": "371400"})
    assert Region.objects.count() == before
    linyi = region("临沂市")
    client.post(f"/admin/commitments/region/{linyi.pk}/change/", {"name": "德州市", "parent": ""})
    linyi.refresh_from_db()
    assert (linyi.name, linyi.parent.name) == ("临沂市", "山东省")


@pytest.mark.django_db
def test_a_superuser_adds_a_region_by_its_code_and_the_table_names_and_places_it(admin_client):
    page = admin_client.post("/admin/commitments/region/add/", {"code": "371400"})
    assert page.status_code == 302
    dezhou = Region.objects.get(code="371400")
    assert (dezhou.name, dezhou.level, dezhou.parent.name, dezhou.slug) == ("德州市", "地级市", "山东省", "dezhou")
    page = admin_client.post("/admin/commitments/region/add/", {"code": "379999"})
    assert "全国行政区划表中没有代码 379999" in page.content.decode()
    # an import of one of its districts attaches to it, never to a region of that name elsewhere
    result = import_report(
        data="在德州市德城区第十九届人民代表大会第三次会议上\n各位代表：\n一、2023年工作回顾\n增长5%。\n"
        "二、2024年工作安排\n地区生产总值增长5.5%。\n".encode(),
        filename="decheng.txt",
    )
    assert result.report.region.parent == dezhou


@pytest.mark.django_db
def test_public_pages_show_a_role_never_a_login_name(client):
    import datetime

    from commitments.models import ProgressUpdate

    commitment = Commitment.objects.filter(region__name="临沂市").first()
    staff = make_staff("zhang.san.login", region("临沂市"))
    day = datetime.date(2024, 6, 1)
    ProgressUpdate.objects.create(commitment=commitment, date=day, status="in_progress", author=staff)
    html = client.get(commitment.get_absolute_url()).content.decode()
    assert "zhang.san.login" not in html and "工作人员 填报于" in html


@pytest.mark.django_db
def test_a_commitment_added_by_hand_is_stored_as_manual_with_its_quote_editable(admin_client):
    report = Report.objects.get(original_name="linyi-2024.txt")
    page = admin_client.post(
        "/admin/commitments/commitment/add/",
        {
            "report": report.pk,
            "region": report.region_id,
            "year": 2024,
            "kind": "milestone",
            "category": "其他",
            "quote": "临沂北站综合枢纽建成投用",
            "is_public": "on",
            "updates-TOTAL_FORMS": "0",
            "updates-INITIAL_FORMS": "0",
        },
    )
    added = Commitment.objects.filter(quote="临沂北站综合枢纽建成投用").first()
    assert added is not None, page.content.decode()[:3000]
    assert added.origin == Commitment.Origin.MANUAL
