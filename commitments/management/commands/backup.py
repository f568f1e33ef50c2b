from django.core.management.base import BaseCommand, CommandError

from commitments.backup import BackupError, backup


class Command(BaseCommand):
    help = "把全部数据（含修改历史）和上传文件导出为一个 .tar.gz 备份文件。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="备份文件路径，如 backups/tracker-2025-01-31.tar.gz")

    def handle(self, *args, **options):
        try:
            result = backup(path=options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已备份：{result.summary}")
