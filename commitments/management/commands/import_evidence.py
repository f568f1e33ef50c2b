from datetime import date

from django.core.management.base import BaseCommand, CommandError

from commitments.ingest.evidence import import_evidence
from commitments.ingest.reports import ImportRefused
from commitments.models import Report


class Command(BaseCommand):
    help = "导入报告某年实绩的文件（统计公报、计划执行情况、进展通报、新闻或次年政府工作报告），并核对该年承诺。"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--region", required=True, help="地区名称，如 临沂市 或 临沂市河东区")
        parser.add_argument("--year", type=int, required=True, help="文件所报告的年度（核对该年的承诺）")
        parser.add_argument("--kind", choices=Report.Kind.values, default=Report.Kind.STATISTICS, help="文件类型")
        parser.add_argument("--date", type=date.fromisoformat, help="文件日期 YYYY-MM-DD（默认从文本识别）")

    def handle(self, *args, **options):
        try:
            result = import_evidence(
                path=options["path"],
                region=options["region"],
                year=options["year"],
                kind=options["kind"],
                delivered_on=options["date"],
            )
        except ImportRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.summary)
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"提示：{warning}"))
