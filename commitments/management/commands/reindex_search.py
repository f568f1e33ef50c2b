from django.core.management.base import BaseCommand

from commitments.cache import bump_data_version
from commitments.search import reindex_all


class Command(BaseCommand):
    help = "重建搜索词表（更换 jieba 词典后，或恢复了旧备份后运行）。"

    def handle(self, *args, **options):
        done = reindex_all()
        bump_data_version()
        self.stdout.write(f"已重建 {done} 份报告的搜索词。")
