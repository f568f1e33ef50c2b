from django.core.management.base import BaseCommand, CommandError

from commitments.backup import BackupError, restore


class Command(BaseCommand):
    help = "把 backup 命令生成的备份恢复到一个空的、已 migrate 的数据库；数据库非空时拒绝。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="备份文件路径")

    def handle(self, *args, **options):
        try:
            result = restore(path=options["path"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已恢复：{result.summary}")
