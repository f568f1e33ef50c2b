from django.core.management.base import BaseCommand

from commitments.tools.verification_metrics import measure


class Command(BaseCommand):
    help = (
        "在测试材料（tests/data/verification）上度量次年核对：匹配准确率/召回率、计算过程、单位一致。不保存任何数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--details", action="store_true", help="列出每条错配、漏配和计算错误")

    def handle(self, *args, **options):
        total, per_source = measure()
        for name, metrics in per_source.items():
            self.stdout.write(f"{name}：precision {metrics.precision:.3f}，recall {metrics.recall:.3f}")
            if options["details"]:
                for title, items in (
                    ("错配", metrics.false_matches),
                    ("漏配", metrics.missed_matches),
                    ("结论不同", metrics.wrong_verdicts),
                    ("计算错误", metrics.arithmetic_wrong),
                    ("单位不一致", metrics.unit_mismatches),
                ):
                    for item in items:
                        self.stdout.write(f"  {title}：{item}")
        self.stdout.write("合计：")
        for line in total.lines():
            self.stdout.write(f"  {line}")
