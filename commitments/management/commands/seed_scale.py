import time

from django.core.management.base import BaseCommand

from commitments.tools.synthetic import seed_scale


class Command(BaseCommand):
    help = (
        "生成全国规模的合成数据（仅用于基准测试与压测，勿在生产库运行）：地级市及其区县、逐年报告、承诺、实绩与进展。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--regions", type=int, required=True, help="地级市个数（每个另带 --districts 个区县）")
        parser.add_argument("--years", type=int, required=True, help="每个地区的报告年数")
        parser.add_argument("--districts", type=int, default=8, help="每个地级市的区县数（默认 8）")
        parser.add_argument("--per-report", type=int, default=110, help="每份报告的承诺数（默认 110，与真实报告相当）")
        parser.add_argument("--last-year", type=int, default=2024, help="最后一个计划年度（默认 2024）")

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = seed_scale(
            regions=options["regions"],
            years=options["years"],
            districts=options["districts"],
            per_report=options["per_report"],
            last_year=options["last_year"],
            progress=self.stdout.write if options["verbosity"] > 1 else None,
        )
        elapsed = time.perf_counter() - started
        summary = "，".join(f"{key} {value}" for key, value in counts.items())
        self.stdout.write(f"已生成：{summary}；用时 {elapsed:.0f} 秒。")
