"""Two imports of one report at once, on the default SQLite in a real file: the loser gets a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.mark.slow
def test_two_imports_of_one_report_at_once_store_it_once_and_neither_fails(tmp_path):
    env = dict(os.environ, DEBUG="1", DATA_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    report = str(ROOT / "fixtures" / "reports" / "zibo-2024.txt")
    runs = [
        subprocess.Popen([*manage, "import_report", report], env=env, cwd=ROOT, stdout=-1, stderr=-1, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Traceback" in err for _, err in outputs), outputs
    said = "".join(out for out, _ in outputs)
    assert "已导入" in said and "未做改动" in said
    count = subprocess.run(
        [*manage, "shell", "-c", "from commitments.models import Report; print(Report.objects.count())"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert count.stdout.split()[-1] == "1"
