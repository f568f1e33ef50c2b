from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from commitments.ingest.reports import import_fixtures

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "reports"
REPORTS = {
    "linyi-2024": ("临沂市", "山东省", 2024, 2023),
    "linyi-hedong-2023": ("河东区", "临沂市", 2023, 2022),
    "xuzhou-2024": ("徐州市", "江苏省", 2024, 2023),
    "weifang-2024": ("潍坊市", "山东省", 2024, 2023),
    "zibo-2024": ("淄博市", "山东省", 2024, 2023),
}


@pytest.fixture(scope="session", autouse=True)
def _test_storage(tmp_path_factory):
    """Uploaded files in a temporary folder; static files found in place (no collectstatic manifest)."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # No page cache: tests roll their data back, but not a cache's data version (tests/test_cache.py enables one).
    caches = {alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in settings.CACHES}
    # A fast hasher: the suite logs in hundreds of times; what it checks is who may do what, not PBKDF2.
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    override = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), STORAGES=storages, CACHES=caches, PASSWORD_HASHERS=hashers
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The five real reports, imported once per test session; each test runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        import_fixtures(directory=FIXTURES)
