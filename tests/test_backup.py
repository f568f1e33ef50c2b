import datetime
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.backup import BackupError, backed_up_models, backup, media_files, restore, row_counts
from commitments.models import Commitment, ProgressUpdate, Report
from commitments.status import Status
from tests.builders import make_staff, region

pytestmark = pytest.mark.django_db


def _snapshot() -> dict:
    """What must survive a round trip: every row of the main and history tables, field by field."""
    return {
        "commitments": list(Commitment.objects.order_by("pk").values()),
        "history": list(Commitment.history.order_by("history_id").values()),
        "updates": list(ProgressUpdate.objects.order_by("pk").values()),
        "update_history": list(ProgressUpdate.history.order_by("history_id").values()),
        "reports": list(Report.objects.order_by("pk").values("pk", "checksum", "text", "source_file")),
    }


def _curate():
    """Staff work the five reports do not have: an edit with a reason, an update with an evidence file."""
    staff = make_staff("backup-staff", region("临沂市"))
    commitment = Commitment.objects.filter(region__name="临沂市").first()
    commitment.lead_department = "市发展改革委"
    commitment.status = Status.IN_PROGRESS
    commitment._history_user = staff
    commitment._change_reason = "指定牵头单位"
    commitment.save()
    update = ProgressUpdate(
        commitment=commitment, date=datetime.date(2024, 6, 30), status=Status.IN_PROGRESS, note="半年进展", author=staff
    )
    update.evidence_file.save("半年报.txt", ContentFile("上半年完成 52%".encode()), save=False)
    update.save()
    return commitment


def _empty_database():
    """Deletes every backed-up row inside the test's transaction (flush cannot TRUNCATE there on PostgreSQL)."""
    for model in backed_up_models():
        model._base_manager.all()._raw_delete(model._base_manager.db)
    assert not any(row_counts().values())


def test_a_backup_restored_into_an_empty_database_gives_back_every_row_history_and_file(tmp_path, settings):
    _curate()
    before, counts, files = _snapshot(), row_counts(), media_files()
    contents = {name: path.read_bytes() for name, path in files.items()}
    archive = tmp_path / "tracker.tar.gz"

    result = backup(path=archive)
    assert result.files == len(files) >= 6  # five report originals and one evidence file
    _empty_database()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    restore(path=archive)

    assert row_counts() == counts
    assert _snapshot() == before
    assert {name: path.read_bytes() for name, path in media_files().items()} == contents
    edited = Commitment.history.filter(history_change_reason="指定牵头单位").get()
    assert edited.history_user.username == "backup-staff"


def test_a_restore_into_a_database_with_data_is_refused_and_changes_nothing(tmp_path):
    archive = tmp_path / "tracker.tar.gz"
    backup(path=archive)
    counts = row_counts()
    with pytest.raises(BackupError, match="只能恢复到空数据库"):
        restore(path=archive)
    assert row_counts() == counts


def test_a_damaged_archive_is_refused_and_changes_nothing(tmp_path):
    archive = tmp_path / "tracker.tar.gz"
    backup(path=archive)
    archive.write_bytes(archive.read_bytes()[:2000])
    _empty_database()
    with pytest.raises(BackupError, match="无法读取备份文件"):
        restore(path=archive)
    assert not any(row_counts().values())


def test_the_archive_holds_a_manifest_the_rows_and_the_uploaded_files(tmp_path):
    archive = tmp_path / "tracker.tar.gz"
    backup(path=archive)
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert names[:2] == ["manifest.json", "data.jsonl"]
    assert {f"media/{report.source_file.name}" for report in Report.objects.all()} <= set(names)


def test_the_commands_back_up_and_refuse_to_restore_over_data(tmp_path, capsys):
    archive = tmp_path / "tracker.tar.gz"
    call_command("backup", str(archive))
    assert "已备份" in capsys.readouterr().out
    with pytest.raises(CommandError, match="只能恢复到空数据库"):
        call_command("restore", str(archive))
