"""Benchmark of the data in the database: extraction speed, and each public page against a bare page.

Pages are requested in-process through django.test.Client, so the whole middleware stack, URL
routing, views, queries and templates are measured, without network or server noise. The bare page
is the floor of every page on this site: the same middleware, and the site's base template rendered
with no data and no query. A page's ratio is its median over the bare page's median.
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.shortcuts import render
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, include, path, reverse

from commitments.models import Commitment, Indicator, Outcome, ProgressUpdate, Region, Report

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "reports"
SEARCH_WORDS = ["就业", "高铁", "新能源", "营商环境", "养老"]


def bare(request):
    return render(request, "base.html")


class _BenchURLs:
    """The project's URLs plus the bare page; the URL conf only while the bench runs."""

    def __init__(self, project_urls: str) -> None:
        self.project_urls = project_urls

    @cached_property
    def urlpatterns(self) -> list:
        return [path("__bench__/bare/", bare, name="bench-bare"), path("", include(self.project_urls))]


@dataclass
class PageFigure:
    name: str
    url: str
    median_ms: float
    p95_ms: float
    queries: int
    status: int
    ratio: float = 0.0


@dataclass
class BenchResult:
    extraction_ms: dict[str, float]
    pages: list[PageFigure]
    sizes: dict[str, int]
    cache: str = "cold"

    def lines(self) -> Iterator[str]:
        python = platform.python_version()
        yield f"机器：{platform.machine()}，{_cpu_count()} 核，Python {python}，数据库 {connection.vendor}"
        yield "页面缓存：" + ("关（每次都计算页面）" if self.cache == "cold" else "开（已缓存的页面）")
        yield "数据量：" + "，".join(f"{key} {value:,}" for key, value in self.sizes.items())
        if self.extraction_ms:
            yield "抽取（read_document + extract，每份报告取中位数）："
            for name, ms in self.extraction_ms.items():
                yield f"  {name:<24} {ms:8.1f} ms"
            yield f"  {'最慢':<24} {max(self.extraction_ms.values()):8.1f} ms"
        yield f"{'页面':<12} {'中位数ms':>9} {'p95ms':>9} {'SQL':>5} {'倍数':>6}  状态  地址"
        for page in self.pages:
            yield (
                f"{page.name:<12} {page.median_ms:9.2f} {page.p95_ms:9.2f} {page.queries:5d} "
                f"{page.ratio:6.2f}  {page.status}   {page.url}"
            )


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def measure_extraction(*, directory: Path = FIXTURES, rounds: int = 3) -> dict[str, float]:
    """Milliseconds to read and extract each real report (median of `rounds`), jieba already loaded."""
    from commitments import reading

    files = sorted(p for p in directory.glob("*") if p.suffix in {".txt", ".docx", ".pdf"})
    if not files:
        return {}
    reading.extract(reading.read_document(data=files[0].read_bytes(), filename=files[0].name).text)
    figures = {}
    for file in files:
        data = file.read_bytes()
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            reading.extract(reading.read_document(data=data, filename=file.name).text)
            times.append((time.perf_counter() - started) * 1000)
        figures[file.name] = statistics.median(times)
    return figures


def _try_reverse(names: list[str], *args) -> str | None:
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def page_urls(*, samples: int = 10) -> dict[str, list[str]]:
    """A few URLs of each public page, chosen among the biggest cases (the largest city, the most used indicator)."""
    urls: dict[str, list[str]] = {"首页": [reverse("commitments:home")]}
    cities = list(
        Region.objects.filter(parent__isnull=True)
        .annotate(n=Count("commitments"))
        .order_by("-n")
        .values_list("slug", flat=True)[:samples]
    )
    if cities:
        urls["地区记分卡"] = [reverse("commitments:region", args=[slug]) for slug in cities]
    last = Commitment.objects.public().order_by("-pk").values_list("pk", flat=True).first()
    if last:
        step = max(1, last // samples)
        pks = Commitment.objects.public().filter(pk__in=range(1, last + 1, step)).values_list("pk", flat=True)
        urls["承诺页"] = [reverse("commitments:commitment", args=[pk]) for pk in pks[:samples]]
    indicators = list(
        Indicator.objects.annotate(n=Count("commitments")).order_by("-n").values_list("slug", flat=True)[:3]
    )
    if indicators:
        urls["指标对比"] = [reverse("commitments:indicator", args=[slug]) for slug in indicators]
    search = _try_reverse(["commitments:search", "search"])
    if search:
        urls["搜索"] = [f"{search}?{urlencode({'q': word})}" for word in SEARCH_WORDS]
    api = _try_reverse(["api:commitment-list", "api:commitments", "commitments:api_commitments", "commitments:api"])
    if api:
        urls["API列表"] = [api]
    return urls


def _time_page(client: Client, urls: list[str], rounds: int) -> tuple[list[float], int, int]:
    for url in urls:
        client.get(url)  # warm: template loading, first connection
    times, status = [], 200
    for i in range(rounds):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        status = max(status, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(urls[0])
    return times, len(captured.captured_queries), status


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18] if len(times) >= 2 else times[0]


def run_bench(
    *,
    rounds: int = 50,
    extraction: bool = True,
    cache: str = "cold",
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    """`cache`: "cold" measures every page computed (the page cache off), "warm" with the configured page
    cache (commitments/cache.py), after a first request of each URL has filled it."""
    sizes = {
        "地区": Region.objects.count(),
        "报告": Report.objects.count(),
        "承诺": Commitment.objects.count(),
        "实绩": Outcome.objects.count(),
        "进展": ProgressUpdate.objects.count(),
    }
    extraction_ms = measure_extraction() if extraction else {}
    pages = []
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    caches = settings.CACHES
    if cache == "cold":
        caches = {**caches, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(
        ROOT_URLCONF=_BenchURLs(settings.ROOT_URLCONF),
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
        STORAGES=storages,
        CACHES=caches,
    ):
        client = Client()
        for name, urls in {"空白页": [reverse("bench-bare")], **page_urls()}.items():
            if progress:
                progress(f"{name} …")
            times, queries, status = _time_page(client, urls, rounds)
            pages.append(PageFigure(name, urls[0], statistics.median(times), _p95(times), queries, status))
    floor = pages[0].median_ms
    for page in pages:
        page.ratio = page.median_ms / floor
    return BenchResult(extraction_ms=extraction_ms, pages=pages, sizes=sizes, cache=cache)
