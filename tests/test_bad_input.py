"""The bad-input corpus: each case is answered by a clear message, and the database is left as it was.

Small files live in tests/data/bad/; the others are made here from the five real reports.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from commitments.ingest.reports import NEEDS_REGION, NEEDS_REVISE, ImportRefused, import_report
from commitments.models import Commitment, Outcome, Part, ProgressUpdate, Region, Report, Section
from commitments.status import Status
from tests.builders import make_staff, region
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

BAD = FIXTURES.parent.parent / "tests" / "data" / "bad"


def linyi_text() -> str:
    return (FIXTURES / "linyi-2024.txt").read_text(encoding="utf-8")


def database_state() -> dict:
    return {
        "regions": list(Region.objects.order_by("pk").values_list("pk", "name")),
        "reports": list(Report.objects.order_by("pk").values_list("pk", "checksum", "text")),
        "rows": [m.objects.count() for m in (Part, Section, Outcome, ProgressUpdate)],
        "commitments": list(Commitment.objects.order_by("pk").values()),
        "history": Commitment.history.count(),
    }


def refused(*, data: bytes, filename: str, match: str) -> ImportRefused:
    before = database_state()
    with pytest.raises(ImportRefused, match=match) as caught:
        import_report(data=data, filename=filename)
    assert database_state() == before
    return caught.value


@pytest.mark.parametrize(
    ("filename", "match"),
    [
        ("empty.txt", "文件为空"),
        ("binary.txt", "不是文本文件"),
        ("truncated.pdf", "PDF 文件已损坏或不完整"),
        ("scanned-no-text.pdf", "没有文字层（可能是扫描件）"),
    ],
)
def test_a_file_that_is_not_a_readable_report_is_refused_with_its_reason(filename, match):
    refused(data=(BAD / filename).read_bytes(), filename=filename, match=match)


def test_a_30_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(linyi_text().encode("utf-8") * (30 * 1024 * 1024 // len(linyi_text().encode("utf-8")) + 1))
    before = database_state()
    with pytest.raises(ImportRefused, match=r"文件过大（30\.\d MB），上限为 20 MB"):
        import_report(path=path)
    assert database_state() == before


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_report_in_gbk_or_utf16_without_a_declared_encoding_reads_as_the_same_report(encoding):
    before = database_state()
    result = import_report(data=linyi_text().encode(encoding), filename="临沂.txt")
    assert result.created is False
    assert result.report == Report.objects.get(original_name="linyi-2024.txt")
    assert "未做改动：该报告已导入过" in result.summary
    assert database_state() == before


def test_a_gbk_report_is_decoded_and_extracted_like_its_utf8_original():
    Report.objects.filter(original_name="zibo-2024.txt").delete()
    text = (FIXTURES / "zibo-2024.txt").read_text(encoding="utf-8")
    result = import_report(data=text.encode("gbk"), filename="淄博.txt")
    assert result.created and result.report.encoding == "gb18030"
    assert result.report.text == text
    assert result.counts["targets"] >= 30


def test_a_report_without_its_plan_part_is_refused():
    text = linyi_text()
    refused(data=text[: text.index("二、")].encode(), filename="review.txt", match="未找到报告的计划部分")


def test_a_report_that_names_no_known_region_is_refused_with_a_hint_to_name_it(tmp_path):
    text = linyi_text().replace("临沂市", "本市").replace("临沂", "本市")
    assert refused(data=text.encode(), filename="unknown.txt", match="未能从文本中识别地区").code == NEEDS_REGION
    path = tmp_path / "unknown.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="请用 --region 指定"):  # each interface says how to name it
        call_command("import_report", str(path))


def test_text_pasted_from_a_web_page_loses_its_tags_and_reads_as_the_report():
    text = (FIXTURES / "zibo-2024.txt").read_text(encoding="utf-8")
    page = "<html><body>" + "".join(f"<p>{line}&nbsp;</p>\n" for line in text.splitlines()) + "</body></html>"
    # the stored copy stays; the refusal says a revision would replace it
    assert refused(data=page.encode(), filename="zibo.html", match="已导入过另一份文件").code == NEEDS_REVISE

    originals = Report.objects.get(original_name="zibo-2024.txt").commitments.count()
    Report.objects.filter(original_name="zibo-2024.txt").delete()
    report = import_report(data=page.encode(), filename="zibo.html").report
    assert "<" not in report.text and "&nbsp;" not in report.text
    assert abs(report.commitments.count() - originals) <= 2


def test_the_same_report_twice_changes_nothing(capsys):
    before = database_state()
    call_command("import_report", str(FIXTURES / "weifang-2024.txt"))
    assert "未做改动" in capsys.readouterr().out
    assert database_state() == before


def test_a_revised_version_is_refused_without_revise_and_changes_nothing():
    revised = linyi_text().replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1)
    assert refused(data=revised.encode(), filename="linyi-revised.txt", match="已导入过另一份文件").code == NEEDS_REVISE


def _curated_linyi():
    """Staff work on 临沂 2024: an edited commitment with an update, a hidden one, and a manual one."""
    staff = make_staff("reviser", region("临沂市"))
    report = Report.objects.get(original_name="linyi-2024.txt")
    gdp = report.commitments.get(quote__contains="地区生产总值增长5.5%")
    gdp.lead_department, gdp.status = "市发展改革委", Status.IN_PROGRESS
    gdp._history_user, gdp._change_reason = staff, "指定牵头单位"
    gdp.save()
    ProgressUpdate.objects.create(
        commitment=gdp, date=datetime.date(2024, 7, 1), status=Status.IN_PROGRESS, note="上半年增长5.8%", author=staff
    )
    hidden = report.commitments.exclude(pk=gdp.pk).filter(kind="target").order_by("-start").first()
    hidden.is_public = False
    hidden._history_user = staff
    hidden.save()
    manual = Commitment.objects.create(
        report=report,
        region=report.region,
        year=2024,
        kind="milestone",
        quote="临沂技师学院新校区",
        origin=Commitment.Origin.MANUAL,
    )
    school = report.commitments.get(quote__contains="青岛理工大学临沂校区秋季搬迁招生")
    return report, gdp, hidden, manual, school


def test_a_revised_version_keeps_staff_work_updates_the_text_and_says_what_changed(capsys, tmp_path):
    report, gdp, hidden, manual, school = _curated_linyi()
    counts = report.commitments.count()
    text = (
        linyi_text()
        .replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1)
        .replace("青岛理工大学临沂校区秋季搬迁招生，", "", 1)
    )
    path = tmp_path / "linyi-2024-revised.txt"
    path.write_text(text, encoding="utf-8")

    call_command("import_report", str(path), "--revise")
    out = capsys.readouterr().out
    assert "已按修订版更新" in out and "修改 1 条" in out and "删除 1 条" in out
    assert "地区生产总值增长6%" in out

    report.refresh_from_db()
    assert report.text == text and report.original_name == path.name
    gdp.refresh_from_db()
    assert gdp.value == Decimal("6") and "增长6%" in gdp.quote
    assert (gdp.lead_department, gdp.status) == ("市发展改革委", Status.IN_PROGRESS)
    assert gdp.updates.get().note == "上半年增长5.8%"
    assert gdp.history.first().history_change_reason.startswith("修订版导入：原文由")
    hidden.refresh_from_db()
    assert hidden.is_public is False
    manual.refresh_from_db()
    assert text[manual.start : manual.end] == "临沂技师学院新校区"
    assert not Commitment.objects.filter(pk=school.pk).exists()
    assert Commitment.history.filter(id=school.pk, history_type="-").get().history_change_reason.startswith("修订版")
    assert report.commitments.count() == counts - 1
    for item in [*report.commitments.filter(start__isnull=False), *report.outcomes.all()]:
        assert text[item.start : item.end] == item.quote


def test_a_revision_keeps_a_dropped_commitment_staff_worked_on_hidden_from_the_public():
    _, gdp, *_ = _curated_linyi()
    sentence = gdp.quote
    result = import_report(data=linyi_text().replace(sentence, "").encode(), filename="linyi-v3.txt", revise=True)
    gdp.refresh_from_db()
    assert gdp.is_public is False and gdp.start is None
    assert gdp.updates.count() == 1
    assert result.revision.kept_hidden == [sentence]
    assert "保留" in gdp.history.first().history_change_reason


def test_a_revision_preview_changes_nothing():
    _curated_linyi()
    before = database_state()
    revised = linyi_text().replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1)
    result = import_report(data=revised.encode(), filename="linyi-v2.txt", revise=True, dry_run=True)
    assert "修订版预览（未保存）" in result.summary
    assert database_state() == before


def _docx_bomb(path, unpacked_mb: int):
    """A valid-looking .docx whose document.xml unpacks to `unpacked_mb` MB of zeros (a few hundred KB packed)."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return path


def test_a_docx_that_unpacks_to_hundreds_of_megabytes_is_refused_before_it_is_parsed(tmp_path):
    bomb = _docx_bomb(tmp_path / "bomb.docx", 80)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ImportRefused, match="解压后有 80 MB"):
        import_report(path=bomb)


def test_a_pdf_of_thousands_of_pages_is_refused_without_reading_them(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(1600):
        writer.add_blank_page(width=72, height=72)
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(ImportRefused, match="PDF 有 1600 页"):
        import_report(path=path)


def test_parsing_runs_with_a_memory_limit_and_a_time_limit(monkeypatch):
    from commitments.reading import files

    def hungry(*, data, filename):
        return [bytearray(1024 * 1024) for _ in range(4096)]  # 4 GB

    monkeypatch.setattr(files, "read_document", hungry)
    with pytest.raises(files.UnreadableDocument, match="内存超出上限"):
        files.read_document_limited(data=b"x", filename="a.txt", memory_mb=512)

    def slow(*, data, filename):
        import time

        time.sleep(30)

    monkeypatch.setattr(files, "read_document", slow)
    with pytest.raises(files.UnreadableDocument, match="超过 1 秒"):
        files.read_document_limited(data=b"x", filename="a.txt", seconds=1)


def test_a_revision_records_who_revised_the_report_and_when():
    staff = make_staff("reviser", region("临沂市"))
    text = linyi_text().replace("增长5.5%、力争6%以上", "增长6%、力争6.5%以上", 1)
    result = import_report(data=text.encode(), filename="linyi-v4.txt", revise=True, user=staff)
    report = Report.objects.get(pk=result.report.pk)
    assert report.revised_by == staff and report.revised_at is not None
    assert report.imported_at < report.revised_at


def test_a_revision_verifies_once_on_the_merged_rows_not_first_on_rows_it_then_deletes(monkeypatch, tmp_path):
    from commitments.verification import workflow

    seen = []
    real = workflow.on_report_stored

    def counted(*, report):
        seen.append(sorted(report.commitments.values_list("pk", flat=True)))
        real(report=report)

    monkeypatch.setattr(workflow, "on_report_stored", counted)
    path = tmp_path / "linyi-2024-revised.txt"
    path.write_text(linyi_text().replace("地区生产总值增长5.5%", "地区生产总值增长6%", 1), encoding="utf-8")
    report = import_report(path=path, revise=True).report
    assert len(seen) == 1, "one verification pass"
    assert seen[0] == sorted(report.commitments.values_list("pk", flat=True)), "and on the rows that stay"


def test_one_undo_takes_back_a_dry_run_a_return_inside_it_and_a_decision_made_after_the_work():
    from commitments.ingest import undo

    undone = []

    def work_then_return():
        with undo.atomic(undo=True, on_undo=lambda: undone.append("files")):
            Region.objects.create(name="试验县", slug="shiyan", level="县")
            return "returned"

    assert work_then_return() == "returned"
    with undo.atomic() as work:
        Region.objects.create(name="试验区", slug="shiyan-qu", level="市辖区")
        work.undo()
    assert work.undone and undone == ["files"]
    assert not Region.objects.filter(slug__startswith="shiyan").exists()
