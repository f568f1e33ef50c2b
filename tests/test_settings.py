import os
import subprocess
import sys

from django.conf import settings


def _settings_in_subprocess(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings'; django.setup(); "
    code += "from django.conf import settings as s; "
    code += "print(s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_in_subprocess()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_on_only_when_set_to_1():
    assert _settings_in_subprocess(DEBUG="1").stdout.split()[0] == "True"
    refused = _settings_in_subprocess(DEBUG="true", SECRET_KEY="x" * 50)
    assert refused.returncode != 0
    assert "DEBUG must be 0 or 1" in refused.stderr


def test_the_defaults_are_simplified_chinese_shanghai_time_and_sqlite():
    out = _settings_in_subprocess(DEBUG="1").stdout.split()
    assert out[1:] == ["zh-hans", "Asia/Shanghai", "django.db.backends.sqlite3"]
