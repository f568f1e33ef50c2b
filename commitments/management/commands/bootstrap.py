from django.core.management.base import BaseCommand

from commitments.ingest.bootstrap import first_start


class Command(BaseCommand):
    help = "首次启动：导入 fixtures/ 中的报告，并确保存在管理员账号。可重复运行。"

    def handle(self, *args, **options):
        for line in first_start():
            self.stdout.write(line)
