"""序时进度: the light's arithmetic, and the staff list of their regions' commitments by light and department."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Commitment, ProgressUpdate
from commitments.staff.lag import Light, lag_light
from tests.builders import make_staff, region


def light(**kwargs):
    defaults = {"unit": "万人", "year": 2024}
    result = lag_light(**{**defaults, **kwargs})
    return result.light if result else None


def test_an_amount_on_schedule_at_mid_year_is_green():
    assert light(target=Decimal(9), reached=Decimal("4.6"), today=date(2024, 7, 1)) == Light.GREEN


def test_an_amount_less_than_ten_points_behind_schedule_is_yellow():
    assert light(target=Decimal(9), reached=Decimal(4), today=date(2024, 7, 1)) == Light.YELLOW


def test_an_amount_far_behind_schedule_is_red():
    assert light(target=Decimal(9), reached=Decimal(2), today=date(2024, 7, 1)) == Light.RED


def test_a_due_date_shortens_the_schedule():
    # Half of 9万人 by 1 July is on schedule for the year, but far behind for a 30 June deadline.
    assert light(target=Decimal(9), reached=Decimal("4.6"), today=date(2024, 7, 1), due_date=date(2024, 6, 30)) == (
        Light.RED
    )


def test_after_the_year_the_whole_target_is_expected():
    result = lag_light(target=Decimal(9), reached=Decimal(9), unit="万人", year=2024, today=date(2026, 1, 1))
    assert (result.light, result.expected) == (Light.GREEN, Decimal(1))
    assert "已过 366/366 天" in result.explanation


def test_a_rate_is_compared_with_the_target_itself_not_with_the_calendar():
    assert light(target=Decimal(6), reached=Decimal("6.2"), unit="%", today=date(2024, 2, 1)) == Light.GREEN
    assert light(target=Decimal(6), reached=Decimal("5.5"), unit="%", today=date(2024, 12, 1)) == Light.YELLOW
    assert light(target=Decimal(6), reached=Decimal(4), unit="%", today=date(2024, 12, 1)) == Light.RED


def test_lower_is_better_flips_the_comparison():
    assert light(target=Decimal(100), reached=Decimal(30), unit="起", today=date(2024, 7, 1), lower_is_better=True) == (
        Light.GREEN
    )
    assert light(target=Decimal(100), reached=Decimal(80), unit="起", today=date(2024, 7, 1), lower_is_better=True) == (
        Light.RED
    )


def test_no_light_without_a_target_or_a_value_reached():
    assert light(target=None, reached=Decimal(1), today=date(2024, 7, 1)) is None
    assert light(target=Decimal(9), reached=None, today=date(2024, 7, 1)) is None


def test_the_explanation_shows_the_arithmetic():
    result = lag_light(target=Decimal(9), reached=Decimal(4), unit="万人", year=2024, today=date(2024, 7, 1))
    assert result.explanation == (
        "截至 2024-07-01 已过 183/366 天，按序时进度应完成 50.0%；"
        "已达到 4万人 / 目标 9万人 = 44.4%。黄灯：略落后于序时进度。"
    )


@pytest.mark.django_db
def test_the_lag_list_shows_a_staff_member_their_regions_by_light_and_department():
    staff = make_staff("zhao", region("临沂市"))
    client = Client()
    client.force_login(staff)
    target = Commitment.objects.filter(region__name="临沂市", kind="target", value__gt=0).exclude(unit="%").first()
    target.lead_department = "市人力资源社会保障局"
    target.save()
    ProgressUpdate.objects.create(
        commitment=target, date=date(2024, 3, 31), status="in_progress", value_reached=target.value / 10, author=staff
    )
    page = client.get(reverse("admin:commitments_commitment_lag"), {"year": 2024})
    assert page.status_code == 200
    rows = page.context["rows"]
    assert {row.commitment.region.name for row in rows} == {"临沂市"}
    assert rows[0].commitment == target and rows[0].light == "red"
    departments = dict(page.context["departments"])
    assert dict(departments["市人力资源社会保障局"])["red"] == 1
    html = page.content.decode()
    assert "序时进度灯的规则" in html
    only_red = client.get(reverse("admin:commitments_commitment_lag"), {"year": 2024, "light": "red"})
    assert [row.commitment for row in only_red.context["rows"]] == [target]


@pytest.mark.django_db
def test_the_light_stands_beside_the_status_in_the_admin_list_and_form(admin_client):
    target = Commitment.objects.filter(region__name="潍坊市", kind="target", value__gt=0).first()
    ProgressUpdate.objects.create(commitment=target, date=date(2024, 12, 31), status="done", value_reached=target.value)
    page = admin_client.get(reverse("admin:commitments_commitment_change", args=[target.pk])).content.decode()
    assert 'class="light light-green"' in page
    assert 'class="status status-' in page
    listing = admin_client.get(reverse("admin:commitments_commitment_changelist"), {"q": target.quote[:10]})
    assert 'class="light light-green"' in listing.content.decode()


@pytest.mark.django_db
def test_the_lag_page_opens_on_the_latest_year_that_has_a_light(client):
    client.force_login(make_staff("lag-desk", region("临沂市")))
    older = Commitment.objects.filter(region__name="河东区", year=2023, kind="target").exclude(value=None).first()
    ProgressUpdate.objects.create(
        commitment=older, date=date(2023, 6, 30), status="in_progress", value_reached=older.value / 2
    )
    page = client.get(reverse("admin:commitments_commitment_lag"))
    assert page.context["year"] == 2023  # 临沂市's 2024 has no value reached yet; 河东区's 2023 has one
