import csv
import fcntl
import io

import pytest
from django.core.cache import caches
from django.urls import reverse
from openpyxl import load_workbook

from commitments.cache import bump_data_version
from commitments.models import Commitment, Outcome
from commitments.public import downloads
from commitments.public.exports import safe_cell

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_exactly_the_filtered_list(client):
    params = {"region": "xuzhou", "year": 2024, "kind": "target", "category": "民生保障"}
    rows = csv_rows(client.get(reverse("commitments:commitments_download", args=["csv"]), params))
    expected = Commitment.objects.filter(region__slug="xuzhou", year=2024, kind="target", category="民生保障")
    assert rows[0][:3] == ["编号", "地区", "年度"]
    assert sorted(int(r[0]) for r in rows[1:]) == sorted(expected.values_list("pk", flat=True))


def test_the_region_page_download_link_gives_what_the_page_lists(client):
    page = client.get(reverse("commitments:region_year", args=["linyi", 2024]), {"hedge": "力争"})
    rows = csv_rows(client.get(page.context["downloads"]["csv"]))
    assert len(rows) - 1 == page.context["page"].paginator.count > 0


def test_the_excel_download_opens_with_numbers_as_numbers(client):
    response = client.get(reverse("commitments:commitments_download", args=["xlsx"]), {"region": "zibo"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.max_row - 1 == Commitment.objects.filter(region__slug="zibo").count()
    value_column = header.index("目标值")
    values = [
        row[value_column].value for row in sheet.iter_rows(min_row=2) if row[value_column].value not in ("", None)
    ]
    assert values and all(isinstance(v, (int, float)) for v in values)


def test_a_whole_region_year_comes_with_its_outcomes_in_excel(client):
    response = client.get(reverse("commitments:region_year_download", args=["linyi", 2024, "xlsx"]))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["承诺", "上年实绩"]
    assert book["承诺"].max_row - 1 == Commitment.objects.filter(region__slug="linyi", year=2024).count()
    assert book["上年实绩"].max_row - 1 == Outcome.objects.filter(report__region__slug="linyi").count()


def test_a_cell_that_would_run_as_a_formula_is_neutralised(client):
    c = Commitment.objects.filter(region__name="淄博市").first()
    c.lead_department = '=HYPERLINK("http://evil.example","点击")'
    c.save()
    rows = csv_rows(client.get(reverse("commitments:commitments_download", args=["csv"]), {"region": "zibo"}))
    header = rows[0]
    row = next(r for r in rows if r[0] == str(c.pk))
    assert row[header.index("牵头单位")].startswith("'=HYPERLINK")
    assert [safe_cell(v) for v in ["+1", "-1", "@a", "\tx", "ok"]] == ["'+1", "'-1", "'@a", "'\tx", "ok"]


def test_a_hidden_commitment_is_not_downloaded(client):
    c = Commitment.objects.filter(region__name="淄博市").first()
    c.is_public = False
    c.save()
    rows = csv_rows(client.get(reverse("commitments:region_year_download", args=["zibo", 2024, "csv"])))
    assert str(c.pk) not in {r[0] for r in rows}


def test_csv_numbers_read_as_written_and_links_are_absolute(client, settings):
    settings.SITE_URL = "https://tracker.example.org"
    body = b"".join(client.get("/commitments.csv", {"region": "linyi", "year": 2024}).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    header = rows[0]
    gdp = next(r for r in rows if "地区生产总值增长5.5%" in r[header.index("原文")])
    assert gdp[header.index("目标值")] == "5.5" and gdp[header.index("力争值")] == "6"
    assert gdp[header.index("网址")].startswith("https://tracker.example.org/commitments/")


@pytest.fixture
def versioned(settings, monkeypatch):
    """A real data version (the suite's dummy cache gives a new one per read), and background jobs kept
    for the test to run when it chooses."""
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    caches["pages"].clear()
    jobs = []
    monkeypatch.setattr(downloads, "run_in_background", jobs.append)
    yield jobs
    caches["pages"].clear()


def test_a_large_download_is_built_once_in_the_background_and_then_sent_as_a_file(
    client, settings, versioned, django_assert_num_queries
):
    settings.EXPORT_INLINE_ROWS = 10  # the whole list is "large"
    url = reverse("commitments:commitments_download", args=["xlsx"])
    first = client.get(url)
    assert first.status_code == 202 and first["Retry-After"] and len(versioned) == 1
    assert "正在生成" in first.content.decode() and 'http-equiv="refresh"' in first.content.decode()
    assert client.get(url).status_code == 202 and len(versioned) == 1, "one build at a time for one file"
    versioned[0]()
    with django_assert_num_queries(0):  # a built file is sent without asking the database anything
        second = client.get(url)
    assert second.status_code == 200 and len(versioned) == 1, "built once per data version"
    sheet = load_workbook(io.BytesIO(b"".join(second.streaming_content))).active
    assert sheet.max_row - 1 == Commitment.objects.public().count()
    bump_data_version()
    assert client.get(url).status_code == 202 and len(versioned) == 2, "new data, a new file"
    versioned[1]()


def test_when_every_builder_is_busy_a_visitor_is_queued_not_held(client, settings, versioned):
    settings.EXPORT_BUILDERS = 1
    root = downloads._root()
    root.mkdir(parents=True, exist_ok=True)
    with (root / "builder-0.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another worker's build
        busy = client.get("/commitments.csv", {"region": "zibo"})
        assert busy.status_code == 202 and "排队" in busy.content.decode() and not versioned
        fcntl.flock(held, fcntl.LOCK_UN)
    rows = csv_rows(client.get("/commitments.csv", {"region": "zibo"}))
    assert len(rows) - 1 == Commitment.objects.filter(region__slug="zibo").count()


def test_the_staff_exports_are_the_same_rows_with_the_same_formula_guard(admin_client):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    c = Commitment.objects.filter(region__name="淄博市").first()
    c.lead_department = "=HYPERLINK(1)"
    c.save()
    action = admin_client.post(
        reverse("admin:commitments_commitment_changelist"),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [c.pk], "index": 0},
    )
    lag = admin_client.get(reverse("admin:commitments_commitment_lag_csv"), {"year": c.year})
    for response in (action, lag):
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        row = next(r for r in rows if r[0] == str(c.pk))
        assert row[rows[0].index("牵头单位")] == "'=HYPERLINK(1)"
        assert rows[0][:3] == ["编号", "地区", "年度"]
