"""A staff member in a real browser: log in, upload a report, preview, confirm, post an update with evidence.

The live server here shares the test's database connection (an in-memory SQLite in tests), so the test
runs inside the usual rolled-back transaction and the five reports imported for the session stay intact
for the tests after it (pytest-django's live_server would flush every table).
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread
from django.urls import reverse

from commitments.models import Commitment, ProgressUpdate, Report
from tests.browsing import chromium, record_problems
from tests.builders import make_staff, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "browser test passphrase 2024"
REPORT = Path(settings.BASE_DIR) / "fixtures" / "reports" / "xuzhou-2024.txt"


@pytest.fixture
def staff_live_server(db, monkeypatch):
    if connections["default"].vendor != "sqlite":
        pytest.skip("sharing the test transaction with the server thread needs the in-memory SQLite test database")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls here are still plain sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    connection = connections["default"]
    connection.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={"default": connection})
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    connection.dec_thread_sharing()


@pytest.fixture
def browser_page(staff_live_server):
    connection = connections["default"]
    with chromium() as browser:
        # Playwright runs an event loop in this thread, and Django then keeps connections per context, not
        # per thread: hand the test's own connection (with its open transaction) to the test body again.
        connections["default"] = connection
        page = browser.new_page(locale="zh-CN")
        page.set_default_timeout(30_000)
        page.problems = record_problems(page)
        yield page


def test_a_staff_member_uploads_a_report_confirms_it_and_posts_an_update_with_evidence(
    staff_live_server, browser_page, tmp_path
):
    make_staff("xu", region("徐州市"), password=PASSWORD)
    Report.objects.filter(region__name="徐州市").delete()  # so the real report comes in as new
    page, base = browser_page, staff_live_server

    page.goto(base + reverse("admin:login"))
    page.fill("#id_username", "xu")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")

    page.goto(base + reverse("admin:commitments_report_changelist"))
    page.click("text=上传报告")
    page.set_input_files("input[name=file]", str(REPORT))
    page.click("input[name=preview]")
    page.wait_for_selector("text=导入预览（尚未保存）")
    facts = page.inner_text(".upload-facts")
    assert "徐州市" in facts and "2024" in facts
    assert not Report.objects.filter(region__name="徐州市").exists(), "the preview stores nothing"

    page.click("input[name=confirm]")
    page.wait_for_selector(".messagelist .success")
    assert "已导入" in page.inner_text(".messagelist")
    report = Report.objects.get(region__name="徐州市")
    assert report.imported_by.username == "xu"

    commitment = report.commitments.filter(kind=Commitment.Kind.TARGET, value__isnull=False).order_by("start").first()
    evidence = tmp_path / "统计公报.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% evidence for the browser test\n")
    page.goto(base + reverse("admin:commitments_commitment_change", args=[commitment.pk]))
    page.click("#updates-group .add-row a")  # admin JavaScript, running under the Content-Security-Policy
    page.fill("#id_updates-0-date", "2024-12-31")
    page.select_option("#id_updates-0-status", "done")
    page.fill("#id_updates-0-value_reached", str(commitment.value))
    page.fill("#id_updates-0-note", "据年度统计公报，目标已完成")
    page.set_input_files("#id_updates-0-evidence_file", str(evidence))
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    assert page.locator(".field-status_label .status-done").count() == 1
    assert page.locator(".field-lag_light .light-green").count() == 1
    update = ProgressUpdate.objects.get(commitment=commitment)
    assert (update.status, update.author.username) == ("done", "xu")
    assert update.evidence_file.name.endswith(".pdf")
    commitment.refresh_from_db()
    assert commitment.status == "done"
    assert [p for p in page.problems if "Content Security Policy" in p or "Refused" in p] == []
