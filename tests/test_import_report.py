import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.ingest.reports import ImportRefused, import_report
from commitments.models import Commitment, Outcome, Part, Report
from tests.conftest import FIXTURES, REPORTS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stem", REPORTS)
def test_each_real_report_is_imported_with_region_years_and_parts(stem):
    name, parent, plan_year, review_year = REPORTS[stem]
    report = Report.objects.select_related("region__parent").get(original_name=f"{stem}.txt")
    assert report.region.name == name
    assert (report.region.parent.name if report.region.parent else None) == parent
    assert (report.plan_year, report.review_year) == (plan_year, review_year)
    kinds = list(report.parts.values_list("kind", flat=True))
    assert kinds[:2] == ["review", "plan"]
    assert report.sections.filter(part__kind="plan").count() >= 5


@pytest.mark.parametrize("stem", REPORTS)
def test_every_stored_quote_is_the_exact_span_of_the_report_text(stem):
    report = Report.objects.get(original_name=f"{stem}.txt")
    commitments = list(report.commitments.all())
    outcomes = list(report.outcomes.all())
    assert len([c for c in commitments if c.kind == "target"]) >= 30
    assert len(outcomes) >= 30
    for item in [*commitments, *outcomes]:
        assert report.text[item.start : item.end] == item.quote
    plan = report.parts.get(kind="plan")
    assert all(plan.start <= c.start < plan.end for c in commitments)


def test_a_second_import_of_the_same_file_adds_nothing():
    counts = (Report.objects.count(), Commitment.objects.count(), Outcome.objects.count(), Part.objects.count())
    result = import_report(path=FIXTURES / "linyi-2024.txt")
    assert result.created is False
    assert "已导入过" in result.summary
    assert counts == (Report.objects.count(), Commitment.objects.count(), Outcome.objects.count(), Part.objects.count())


def test_the_command_says_a_repeated_import_changed_nothing(capsys):
    call_command("import_report", str(FIXTURES / "zibo-2024.txt"))
    assert "未做改动" in capsys.readouterr().out


def test_a_dry_run_stores_nothing(tmp_path):
    path = tmp_path / "linyi-copy.txt"
    path.write_bytes((FIXTURES / "linyi-2024.txt").read_bytes() + b"\n")
    Report.objects.filter(region__name="临沂市").delete()
    result = import_report(path=path, dry_run=True)
    assert result.created and result.dry_run
    assert result.counts["targets"] > 30
    assert not Report.objects.filter(region__name="临沂市").exists()


def test_a_different_file_for_an_imported_region_and_year_is_refused_and_changes_nothing(tmp_path):
    path = tmp_path / "xuzhou-edited.txt"
    path.write_text((FIXTURES / "xuzhou-2024.txt").read_text(encoding="utf-8") + "\n（修订）", encoding="utf-8")
    before = Commitment.objects.count()
    with pytest.raises(ImportRefused, match="已导入过另一份文件"):
        import_report(path=path)
    assert Commitment.objects.count() == before


def test_a_report_without_a_plan_part_is_refused(tmp_path):
    text = (FIXTURES / "linyi-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "review-only.txt"
    path.write_text(text[: text.index("二、")], encoding="utf-8")
    with pytest.raises(ImportRefused, match="计划部分"):
        import_report(path=path)


def test_the_command_reports_a_refusal_as_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("import_report", str(path))


def test_a_gbk_file_imports_like_its_utf8_original(tmp_path):
    text = (FIXTURES / "zibo-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "zibo-gbk.txt"
    path.write_bytes(text.encode("gb18030"))
    Report.objects.filter(region__name="淄博市").delete()
    result = import_report(path=path)
    assert result.report.text == text
    assert result.report.encoding in {"gb18030", "gbk"}
    assert result.counts["targets"] == Commitment.objects.filter(report=result.report, kind="target").count()


def test_a_failure_while_storing_leaves_no_file_and_no_row_behind(tmp_path, monkeypatch, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    text = (FIXTURES / "weifang-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "weifang-copy.txt"
    path.write_text(text, encoding="utf-16")
    Report.objects.filter(region__name="潍坊市").delete()

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("commitments.ingest.reports.store_extraction", broken)
    with pytest.raises(RuntimeError):
        import_report(path=path)
    assert not Report.objects.filter(region__name="潍坊市").exists()
    assert not any(p.is_file() for p in (tmp_path / "media").rglob("*"))


def test_an_indicator_row_takes_what_the_alias_table_knows():
    from commitments.models import Indicator
    from commitments.reading.indicators import indicators

    row, known = Indicator.objects.get(name="城镇新增就业"), indicators()["城镇新增就业"]
    assert (row.base_unit, row.direction, row.category) == (known.unit, known.direction, known.category)
    assert row.base_unit, "the table's unit is stored (it was read under a key the table does not have)"


def test_a_zone_outside_the_division_table_is_imported_under_its_official_city():
    """功能区 (大鹏新区, 开发区) report through a 管理委员会 and have no division code of their own."""
    text = (
        "各位代表：\n现在，我代表大鹏新区管理委员会，向大会作工作报告。\n一、2023年工作回顾\n"
        "在市委市政府领导下，深圳东部，新区地区生产总值增长6%。城区面积扩大，城区人口增加。\n"
        "二、2024年工作安排\n地区生产总值增长5%左右。\n"
    )
    result = import_report(data=text.encode(), filename="dapeng.txt")
    zone = result.report.region
    assert (zone.name, zone.level, zone.code) == ("大鹏新区", "新区", None)
    assert (zone.parent.name, zone.parent.code) == ("深圳市", "440300"), "its city is the official one"
    assert zone.parent.parent.name == "广东省"
    assert result.report.title == "大鹏新区2024年管理委员会工作报告"
