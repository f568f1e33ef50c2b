"""The public pages' cache (commitments/cache.py), with a real in-memory cache instead of the tests' DummyCache."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings
from django.urls import reverse

from commitments.cache import data_version, public_page
from commitments.models import Commitment, ProgressUpdate
from commitments.status import Status
from tests.builders import admin_form_data, make_staff, region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache():
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-default"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
    }
    with override_settings(CACHES=caches):
        from django.core.cache import caches as handler

        handler["pages"].clear()
        yield handler["pages"]
        handler["pages"].clear()


def linyi_jobs() -> Commitment:
    return Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上")


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    urls = [
        reverse("commitments:home"),
        linyi_jobs().get_absolute_url(),
        region("临沂市").get_absolute_url(),
        reverse("commitments:search") + "?q=就业",
        reverse("commitments:api_commitments"),
    ]
    first = [client.get(url) for url in urls]
    with django_assert_num_queries(0):
        second = [client.get(url) for url in urls]
    assert [r.content for r in second] == [r.content for r in first]
    assert all(r.status_code == 200 for r in second)
    # the middleware still adds its headers to a cached answer
    assert all("Content-Security-Policy" in r.headers for r in second)


def test_a_status_change_in_the_admin_shows_at_once(client):
    item = linyi_jobs()
    url = item.get_absolute_url()
    assert Status.PENDING.label in client.get(url).content.decode()  # now cached
    staff = make_staff("wang", region("临沂市"))
    admin = type(client)()
    admin.force_login(staff)
    change = reverse("admin:commitments_commitment_change", args=[item.pk])
    data = admin_form_data(
        admin.get(change),
        **{
            "updates-TOTAL_FORMS": "1",
            "updates-0-date": "2024-06-30",
            "updates-0-status": "partial",
            "updates-0-note": "半年",
        },
    )
    assert admin.post(change, data).status_code == 302
    assert Status.PARTIAL.label in client.get(url).content.decode()


def test_a_progress_update_makes_the_cached_pages_stale(client, django_assert_num_queries):
    item = linyi_jobs()
    url = item.get_absolute_url()
    client.get(url)
    before = data_version()
    ProgressUpdate.objects.create(commitment=item, date="2024-06-30", status="in_progress", note="季度进展：已完成六成")
    assert data_version() != before
    assert "季度进展：已完成六成" in client.get(url).content.decode()


def test_logged_in_staff_never_get_a_cached_page_and_never_fill_the_cache(client, page_cache):
    url = linyi_jobs().get_absolute_url()
    client.force_login(make_staff("wang", region("临沂市")))
    client.get(url)
    client.get(url)
    assert not [key for key in page_cache._cache if "page:" in key]  # only the data version is there


def test_a_page_that_uses_the_csrf_token_or_sets_a_cookie_is_not_cached(page_cache):
    calls = []

    @public_page
    def with_form(request):
        calls.append(1)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    @public_page
    def with_cookie(request):
        calls.append(1)
        response = HttpResponse("ok")
        response.set_cookie("seen", "1")
        return response

    for view in (with_form, with_cookie):
        for _ in range(2):
            request = RequestFactory().get("/x/")
            request.user = type("Anonymous", (), {"is_authenticated": False})()
            view(request)
    assert len(calls) == 4


def test_a_post_is_never_answered_from_the_cache():
    calls = []

    @public_page
    def view(request):
        calls.append(request.method)
        return HttpResponse("ok")

    for method in ("get", "get", "post", "post"):
        request = getattr(RequestFactory(), method)("/x/")
        request.user = type("Anonymous", (), {"is_authenticated": False})()
        view(request)
    assert calls == ["GET", "POST", "POST"]


def test_rows_inserted_in_bulk_make_the_cached_pages_stale_too(client):
    from commitments.tools.synthetic import seed_scale

    home = reverse("commitments:home")
    client.get(home)
    counts = seed_scale(regions=1, years=1, districts=1, per_report=5)  # bulk inserts: no signal
    city = Commitment.objects.latest("pk").region.parent or Commitment.objects.latest("pk").region
    assert counts["commitments"] == 10 and city.name in client.get(home).content.decode()
