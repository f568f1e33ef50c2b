"""The page cache of the public pages: what an anonymous visitor sees, kept until the data changes.

Every public page is the same for every anonymous visitor, and its data changes only when staff work or a
report is imported, so a page is kept whole under its full URL plus a *data version*, and any change of
the data bumps the version (the old pages are then never read again, and age out of the bounded cache).

The version is bumped by signal on every save and delete of the rows the pages show, and by a call at the
end of an import, a revision and seeding (bulk inserts send no signal). It lives in the same cache as the
pages (the "pages" alias: a FileBasedCache under DATA_DIR/cache by default, shared by gunicorn's workers).

Never cached: requests other than GET, logged-in users (staff see the same pages but may have just changed
them, and the pages show them their own links), answers other than 200, and answers that set a cookie or
use the CSRF token (their form would carry another visitor's token).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from commitments.models import Commitment, Indicator, Outcome, ProgressUpdate, Region, Report, Verification

ALIAS = "pages"
VERSION_KEY = "data-version"
#: pages outlive no data change; a day bounds what an edit made outside Django (SQL by hand) leaves stale
TIMEOUT = 24 * 3600


def _cache():
    return caches[ALIAS]


def data_version() -> str:
    """The current data version (set on first use)."""
    version = _cache().get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        _cache().add(VERSION_KEY, version, None)
        version = _cache().get(VERSION_KEY, version)
    return version


def bump_data_version() -> None:
    """Makes every cached page stale: call after any change of the data the public pages show.

    Inside a transaction the bump happens again at commit, so a page rendered between the change and the
    commit (with the old data) is not kept under the new version."""
    _cache().set(VERSION_KEY, str(time.time_ns()), None)
    connection = transaction.get_connection()
    # One bump at commit is enough; a rolled-back transaction drops its callbacks, so no flag can go stale.
    if connection.in_atomic_block and not any(f is _bump_at_commit for _, f, _ in connection.run_on_commit):
        transaction.on_commit(_bump_at_commit)


def _bump_at_commit() -> None:
    _cache().set(VERSION_KEY, str(time.time_ns()), None)


def _key(request: HttpRequest, version: str) -> str:
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{version}:{url}"


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
    )


def public_page(view: Callable) -> Callable:
    """Serves an anonymous GET from the page cache, and keeps a fresh answer there."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request, data_version())
        response = _cache().get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response):
            _cache().set(key, response, TIMEOUT)
        return response

    return wrapper


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata / restore: the caller bumps once at the end
        return
    bump_data_version()


for _model in (Commitment, ProgressUpdate, Verification, Report, Outcome, Region, Indicator):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"page-cache-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"page-cache-delete-{_model.__name__}")
