"""`make run` imports the bundled reports on the first start only, and a start never fails because of data."""

import pytest

from commitments import setup
from commitments.models import Report

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def test_a_start_after_staff_deleted_a_bundled_report_does_not_bring_it_back():
    Report.objects.filter(original_name="zibo-2024.txt").delete()
    lines = list(setup.first_start())
    assert lines[0] == "数据库中已有报告，不再导入内置报告。"
    assert not Report.objects.filter(original_name="zibo-2024.txt").exists()


def test_a_start_after_staff_uploaded_a_revised_bundled_report_still_starts(tmp_path):
    from commitments.importing import import_report

    revised = tmp_path / "linyi-2024-revised.txt"
    text = (FIXTURES / "linyi-2024.txt").read_text(encoding="utf-8")
    revised.write_text(text.replace("增长5.5%、力争6%以上", "增长6%、力争6.5%以上", 1), encoding="utf-8")
    import_report(path=revised, revise=True)
    lines = list(setup.first_start())
    assert lines[0] == "数据库中已有报告，不再导入内置报告。"


def test_the_first_start_imports_each_report_and_skips_one_it_cannot_read(tmp_path, monkeypatch):
    Report.objects.all().delete()
    (tmp_path / "hedong.txt").write_bytes((FIXTURES / "linyi-hedong-2023.txt").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.setattr(setup, "REPORTS_DIR", tmp_path)
    lines = list(setup.first_start())
    assert any(line.startswith("跳过内置报告 empty.txt：文件为空") for line in lines)
    assert Report.objects.filter(original_name="hedong.txt", region__name="河东区").exists()
