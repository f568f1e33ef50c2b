import json

from django.core.management.base import BaseCommand, CommandError

from commitments.regions import find_region
from commitments.verification.workflow import proposals_for


class Command(BaseCommand):
    help = "列出某地区某年承诺的核对建议（匹配的实绩、建议结论、计算过程、处理状态）及次年报告未提及的承诺。"

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="地区名称，如 临沂市")
        parser.add_argument("--year", type=int, required=True, help="承诺所属年度")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        region = find_region(options["region"])
        if region is None:
            raise CommandError(f"未找到地区：{options['region']}")
        data = proposals_for(region=region, year=options["year"])
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        for item in data["proposals"]:
            self.stdout.write(f"[{item['score']:.2f}] {item['quote']} ⇄ {item['outcome_quote']}")
            self.stdout.write(f"    {item['arithmetic']}（{item['state']}）")
        for item in data["not_mentioned_next_year"]:
            self.stdout.write(f"[次年报告未提及] {item['quote']}")
