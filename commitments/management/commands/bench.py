from django.core.management.base import BaseCommand

from commitments.tools.bench import run_bench


class Command(BaseCommand):
    help = "基准测试：每份报告的抽取耗时，各公开页面的中位数/p95 耗时与 SQL 条数，及与空白页的倍数。"

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=50, help="每个页面的请求次数（默认 50）")
        parser.add_argument("--no-extraction", action="store_true", help="不测抽取速度")
        parser.add_argument(
            "--cache", choices=["cold", "warm"], default="cold", help="cold：不用页面缓存（默认）；warm：页面已缓存"
        )

    def handle(self, *args, **options):
        result = run_bench(
            rounds=options["rounds"],
            extraction=not options["no_extraction"],
            cache=options["cache"],
            progress=self.stderr.write if options["verbosity"] > 1 else None,
        )
        for line in result.lines():
            self.stdout.write(line)
