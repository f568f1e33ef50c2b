"""The public site in a real headless chromium (Debian's package: scripts/ensure_chromium.sh installs it).

The app is served by pytest-django's `live_server`, which needs `transactional_db`: the rows are really
committed, and every table is flushed after each test. So these tests do not rely on the reports the
session imports: each one imports what it reads (`site`), and pytest-django runs transactional tests after
all the others, so the flush cannot empty the database under a test that expects the five reports.
Screenshots are saved under test-artifacts/ (git-ignored) for a human to look at.
"""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from commitments.ingest.reports import import_report
from commitments.models import Commitment
from tests.browsing import chromium, record_problems
from tests.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def site(live_server, monkeypatch):
    """A served site holding 临沂市 2024 and its district 河东区 2023; the base URL."""
    for stem in ["linyi-2024", "linyi-hedong-2023"]:
        import_report(path=FIXTURES / f"{stem}.txt")  # re-importing an imported file changes nothing
    # Playwright's sync API runs an event loop in this thread; the ORM calls of a test are still plain sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    return live_server.url


@pytest.fixture
def page():
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium() as browser:
        context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        problems = tab.problems = record_problems(tab)
        yield tab
    assert not problems, problems


def shot(tab, name: str) -> None:
    tab.screenshot(path=ARTIFACTS / f"public-{name}.png", full_page=True)


def test_the_home_page_shows_each_region_with_a_scorecard_bar(site, page):
    page.goto(site)
    assert page.locator("h1").inner_text().startswith("各地政府工作报告里的承诺")
    row = page.locator("table.scorecards tbody tr", has_text="临沂市").first
    assert row.locator("svg.bar").count() == 1
    assert page.locator("table.scorecards tbody tr.district", has_text="河东区").count() == 1
    shot(page, "home")
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    shot(page, "home-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1


def test_a_region_opens_from_the_home_page_and_its_list_can_be_filtered(site, page):
    page.goto(site)
    page.get_by_role("link", name="临沂市", exact=True).first.click()
    page.wait_for_url("**/regions/linyi/2024/")
    assert "临沂市 2024 年承诺记分卡" in page.locator("h1").inner_text()
    assert page.locator("#headline").count() == 1 and page.locator("svg.chart").count() == 1
    shot(page, "region")
    total = int(page.locator(".list-meta strong").inner_text())
    page.select_option("#id_kind", "milestone")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**kind=milestone**")
    filtered = int(page.locator(".list-meta strong").inner_text())
    assert 0 < filtered < total
    assert filtered == Commitment.objects.filter(region__slug="linyi", year=2024, kind="milestone").count()
    shot(page, "region-filtered")


def test_a_commitment_page_shows_the_quote_highlighted_in_its_paragraph(site, page):
    c = Commitment.objects.get(region__slug="linyi", quote="新增城镇就业9万人以上")
    page.goto(site + c.get_absolute_url())
    mark = page.locator("blockquote.source mark")
    assert mark.inner_text() == "新增城镇就业9万人以上"
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "以上：至少达到该数值" in page.content()
    shot(page, "commitment")


def test_searching_jiuye_finds_the_jobs_target_and_leads_to_its_page(site, page):
    page.goto(site)
    page.fill("#home-q", "就业")
    page.locator("form.search-big button").click()
    page.wait_for_url("**/search/?q=**")
    result = page.locator("ol.results a", has_text="新增城镇就业9万人以上").first
    assert result.locator("mark").first.inner_text() == "就业"
    shot(page, "search")
    result.click()
    page.wait_for_url("**/commitments/*/")
    assert page.locator("h1").inner_text() == "新增城镇就业9万人以上"


def test_the_filtered_list_downloads_as_csv(site, page):
    page.goto(site + reverse("commitments:region_year", args=["linyi", 2024]) + "?hedge=力争")
    shown = int(page.locator(".list-meta strong").inner_text())
    with page.expect_download() as download:
        page.locator(".list-meta a", has_text="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "编号" and len(rows) - 1 == shown > 0
    assert all("力争" in row[rows[0].index("限定词")] for row in rows[1:])


def _right_edge(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    return box["x"] + box["width"]


def test_a_phone_sees_every_column_that_matters_without_scrolling(site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    pages = {
        "/": ["table.scorecards thead th.col-total", "table.scorecards thead th:has-text('未兑现')"],
        "/commitments/": ["table.commitments thead th:has-text('状态')"],
        "/regions/linyi/2024/": ["table.commitments thead th:has-text('状态')"],
        "/api/": ["h1"],
    }
    for path, needed in pages.items():
        page.goto(site + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
        for selector in needed:
            assert page.locator(selector).first.is_visible(), (path, selector)
            assert _right_edge(page, selector) <= 390 + 1, (path, selector)
        shot(page, "phone" + path.replace("/", "-").rstrip("-"))
