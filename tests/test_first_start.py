"""`make run` imports the bundled reports on the first start only, and a start never fails because of data."""

import pytest

from commitments.ingest import bootstrap
from commitments.models import Report
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def test_a_start_after_staff_deleted_a_bundled_report_does_not_bring_it_back():
    Report.objects.filter(original_name="zibo-2024.txt").delete()
    lines = list(bootstrap.first_start())
    assert lines[0] == "数据库中已有报告，不再导入内置报告。"
    assert not Report.objects.filter(original_name="zibo-2024.txt").exists()


def test_a_start_after_staff_uploaded_a_revised_bundled_report_still_starts(tmp_path):
    from commitments.ingest.reports import import_report

    revised = tmp_path / "linyi-2024-revised.txt"
    text = (FIXTURES / "linyi-2024.txt").read_text(encoding="utf-8")
    revised.write_text(text.replace("增长5.5%、力争6%以上", "增长6%、力争6.5%以上", 1), encoding="utf-8")
    import_report(path=revised, revise=True)
    lines = list(bootstrap.first_start())
    assert lines[0] == "数据库中已有报告，不再导入内置报告。"


def test_the_first_start_imports_each_report_and_skips_one_it_cannot_read(tmp_path, monkeypatch):
    Report.objects.all().delete()
    (tmp_path / "hedong.txt").write_bytes((FIXTURES / "linyi-hedong-2023.txt").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.setattr(bootstrap, "REPORTS_DIR", tmp_path)
    lines = list(bootstrap.first_start())
    assert any(line.startswith("跳过内置报告 empty.txt：文件为空") for line in lines)
    assert Report.objects.filter(original_name="hedong.txt", region__name="河东区").exists()


KILLED_IMPORT = """
import os, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from commitments.ingest import reports
reports.store_extraction = lambda **kw: os._exit(9)  # the process dies with the file written, rows not
reports.import_report(path=sys.argv[1])
"""

NEXT_START = """
import json, os, sys, time, django
django.setup()
from pathlib import Path
from django.conf import settings
from commitments.ingest.reports import import_report
from commitments.ingest.files import remove_abandoned
kept = import_report(path=sys.argv[1]).report.source_file.name
# a marker left by a process that stopped after its commit: the file is in use and must stay
(Path(settings.MEDIA_ROOT) / ".pending" / "after-commit").write_text(kept)
for marker in (Path(settings.MEDIA_ROOT) / ".pending").iterdir():
    os.utime(marker, (time.time() - 7200, time.time() - 7200))
print(json.dumps({"removed": remove_abandoned(), "kept": kept}))
"""


@pytest.mark.slow
def test_a_file_left_by_an_import_killed_midway_is_removed_at_the_next_start(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DATA_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    report = str(FIXTURES / "zibo-2024.txt")
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, report], env=env, capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    left = [p for p in (tmp_path / "media" / "reports").rglob("*") if p.is_file()]
    assert len(left) == 1, "the killed import left its original behind"
    start = subprocess.run([sys.executable, "-c", NEXT_START, report], env=env, capture_output=True, text=True)
    assert start.returncode == 0, start.stderr
    result = json.loads(start.stdout)
    assert [left[0].relative_to(tmp_path / "media").as_posix()] == result["removed"]
    assert not left[0].exists() and (tmp_path / "media" / result["kept"]).exists()
