from django.core.management.base import BaseCommand, CommandError

from commitments.ingest.reports import NEEDS_REGION, NEEDS_REVISE, NEEDS_YEAR, ImportRefused, import_report

HOW_TO_RESOLVE = {
    NEEDS_REGION: "请用 --region 指定（如 --region 临沂市）。",
    NEEDS_YEAR: "请用 --year 指定。",
    NEEDS_REVISE: "如为修订版，请用 --revise 导入：人工修改与进展会保留，并列出变化。",
}


class Command(BaseCommand):
    help = "导入一份政府工作报告（.txt/.docx/.pdf，UTF-8 或 GBK）并抽取其中的承诺与实绩。"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--region", help="地区名称，如 临沂市 或 临沂市河东区（默认从文本识别）")
        parser.add_argument("--year", type=int, help="计划年度（默认从文本识别）")
        parser.add_argument("--dry-run", action="store_true", help="只预览，不保存")
        parser.add_argument(
            "--revise", action="store_true", help="作为已导入报告的修订版导入：保留人工修改与进展，并列出变化"
        )

    def handle(self, *args, **options):
        try:
            result = import_report(
                path=options["path"],
                region=options["region"],
                year=options["year"],
                dry_run=options["dry_run"],
                revise=options["revise"],
            )
        except ImportRefused as exc:
            raise CommandError(f"{exc}{HOW_TO_RESOLVE.get(exc.code, '')}") from exc
        self.stdout.write(result.summary)
        for line in result.revision.lines() if result.revision else []:
            self.stdout.write(f"  {line}")
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"提示：{warning}"))
