"""The read-only JSON API under /api/: plain JsonResponse views over the public FilterSets.

Why not Django REST framework: five read-only list/detail endpoints with the filters the pages already
have are about a hundred lines here; DRF would add a dependency, its own pagination and a browsable
API whose inline scripts the strict CSP forbids.

Every list answers {"count", "next", "previous", "results"}; `page` and `page_size` (at most 200) page it.
`count` is exact up to 10,000 and null past it (counting 300,000 rows costs more than the page; follow `next`).
Lists come newest first off an index (year, then id).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from commitments.cache import public_page
from commitments.models import Commitment, Indicator, Outcome, Region, Report
from commitments.public import queries
from commitments.public.filters import CommitmentFilter, IndicatorFilter, OutcomeFilter, RegionFilter, ReportFilter
from commitments.search import more_page

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
COUNT_LIMIT = 10_000


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _abs(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def region_json(r: Region, request: HttpRequest) -> dict:
    return {
        "slug": r.slug,
        "name": r.name,
        "full_name": r.full_name,
        "level": r.level,
        "code": r.code,
        "parent": r.parent.slug if r.parent_id else None,
        "url": _abs(request, r.get_absolute_url()),
    }


def report_json(r: Report, request: HttpRequest) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "region": r.region.slug,
        "kind": r.kind,
        "plan_year": r.plan_year,
        "review_year": r.review_year,
        "delivered_on": r.delivered_on.isoformat() if r.delivered_on else None,
        "url": _abs(request, r.get_absolute_url()),
    }


def commitment_json(c: Commitment, request: HttpRequest) -> dict:
    return {
        "id": c.pk,
        "region": c.region.slug,
        "region_name": c.region.full_name,
        "year": c.year,
        "report": c.report_id,
        "kind": c.kind,
        "category": c.category,
        "indicator": c.indicator.slug if c.indicator_id else None,
        "indicator_name": c.indicator_name,
        "value": _num(c.value),
        "unit": c.unit,
        "qualifier": c.qualifier,
        "stretch_value": _num(c.stretch_value),
        "normalized_value": _num(c.normalized_value),
        "base_unit": c.base_unit,
        "deadline": c.deadline,
        "horizon": c.horizon,
        "lead_department": c.lead_department,
        "status": c.status,
        "status_label": c.get_status_display(),
        "not_mentioned_next_year": c.not_mentioned_next_year,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        "url": _abs(request, c.get_absolute_url()),
    }


def outcome_json(o: Outcome, request: HttpRequest) -> dict:
    return {
        "id": o.pk,
        "region": o.region.slug,
        "year": o.year,
        "report": o.report_id,
        "indicator": o.indicator.slug if o.indicator_id else None,
        "indicator_name": o.indicator_name,
        "value": _num(o.value),
        "unit": o.unit,
        "qualifier": o.qualifier,
        "period": o.period or None,
        "normalized_value": _num(o.normalized_value),
        "base_unit": o.base_unit,
        "quote": o.quote,
        "start": o.start,
        "end": o.end,
    }


def indicator_json(i: Indicator, request: HttpRequest) -> dict:
    return {
        "slug": i.slug,
        "name": i.name,
        "aliases": i.aliases,
        "base_unit": i.base_unit,
        "direction": i.direction,
        "category": i.category,
        "url": _abs(request, i.get_absolute_url()),
    }


def _page_size(request: HttpRequest) -> int:
    try:
        return max(1, min(MAX_PAGE_SIZE, int(request.GET.get("page_size", DEFAULT_PAGE_SIZE))))
    except ValueError:
        return DEFAULT_PAGE_SIZE


def _valid_values(filterset, errors) -> dict:
    """For each refused parameter with a fixed set of values, the values it takes (a client can correct itself)."""
    out = {}
    for name in errors:
        field = filterset.form.fields.get(name)
        choices = getattr(field, "choices", None)
        if choices:
            out[name] = [{"value": str(value), "label": str(label)} for value, label in choices if value != ""]
    return out


def _list(request: HttpRequest, filter_class, queryset, serialize: Callable) -> JsonResponse:
    filterset = filter_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        return JsonResponse(
            {"errors": filterset.errors.get_json_data(), "valid": _valid_values(filterset, filterset.errors)},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    size = _page_size(request)
    number = request.GET.get("page", "1")
    page = more_page(filterset.qs, number, size=size)
    if (
        not (number.isascii() and number.isdigit())
        or page.number != int(number)
        or (page.number > 1 and not page.object_list)
    ):
        return JsonResponse({"errors": {"page": [{"message": "没有这一页。", "code": "invalid"}]}}, status=404)
    # A count reads every matching row: counted up to COUNT_LIMIT (one bounded subquery), null past it.
    count = filterset.qs.order_by()[: COUNT_LIMIT + 1].count()

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return JsonResponse(
        {
            "count": count if count <= COUNT_LIMIT else None,
            "next": link(page.next_page_number()) if page.has_next else None,
            "previous": link(page.previous_page_number()) if page.has_previous else None,
            "results": [serialize(item, request) for item in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _one(request: HttpRequest, item, serialize: Callable) -> JsonResponse:
    return JsonResponse(serialize(item, request), json_dumps_params={"ensure_ascii": False})


@require_safe
def docs(request):
    return render(request, "commitments/api.html", {"endpoints": ENDPOINTS})


@require_safe
@public_page
def regions(request):
    return _list(
        request,
        RegionFilter,
        Region.objects.filter(published=True).select_related("parent").order_by("slug"),
        region_json,
    )


@require_safe
@public_page
def region(request, slug):
    region = get_object_or_404(Region.objects.select_related("parent"), slug=slug, published=True)
    return _one(request, region, region_json)


@require_safe
@public_page
def reports(request):
    queryset = (
        Report.objects.work_reports()
        .filter(region__published=True)
        .select_related("region")
        .defer("text")
        .order_by("-plan_year", "region__slug")
    )
    return _list(request, ReportFilter, queryset, report_json)


@require_safe
@public_page
def report(request, pk):
    published = Report.objects.work_reports().filter(region__published=True)
    item = get_object_or_404(published.select_related("region").defer("text"), pk=pk)
    return _one(request, item, report_json)


@require_safe
@public_page
def commitments(request):
    queryset = queries.commitments().order_by("-year", "pk")
    return _list(request, CommitmentFilter, queryset, commitment_json)


@require_safe
@public_page
def commitment(request, pk):
    return _one(request, get_object_or_404(queries.commitments(), pk=pk), commitment_json)


@require_safe
@public_page
def outcomes(request):
    queryset = (
        Outcome.objects.filter(region__published=True).select_related("region", "indicator").order_by("-year", "pk")
    )
    return _list(request, OutcomeFilter, queryset, outcome_json)


@require_safe
@public_page
def indicators(request):
    return _list(request, IndicatorFilter, Indicator.objects.order_by("name"), indicator_json)


@require_safe
@public_page
def indicator(request, slug):
    return _one(request, get_object_or_404(Indicator, slug=slug), indicator_json)


#: (URL name, title, filters) of each endpoint, for the documentation page
ENDPOINTS = [
    ("api_regions", "地区", RegionFilter),
    ("api_reports", "政府工作报告", ReportFilter),
    ("api_commitments", "承诺", CommitmentFilter),
    ("api_outcomes", "实绩（报告回顾部分所述的上年完成数）", OutcomeFilter),
    ("api_indicators", "指标", IndicatorFilter),
]
