"""manage.py extract_report PATH --json: print what the extractor reads from a report file."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from commitments.reading import UnreadableDocument, extract_report_json


class Command(BaseCommand):
    help = "读取一份政府工作报告（.txt/.docx/.pdf），输出识别出的地区、年份、部分、承诺和实绩（JSON）。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="报告文件路径")
        parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")

    def handle(self, *args, path: str, **options):
        try:
            data = extract_report_json(path=path)
        except (UnreadableDocument, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
