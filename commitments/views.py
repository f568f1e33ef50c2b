from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Commitment, Indicator, Region, Report
from .status import Status
from .text import quote_in_paragraph


@require_GET
def home(request):
    regions = Region.objects.select_related("parent").annotate(n=Count("commitments")).order_by("parent_id", "slug")
    return render(request, "commitments/home.html", {"regions": regions})


@require_GET
def region(request, slug):
    region = get_object_or_404(Region.objects.select_related("parent"), slug=slug)
    commitments = (
        Commitment.objects.public()
        .filter(region=region)
        .select_related("indicator", "section")
        .order_by("-year", "start")
    )
    return render(
        request,
        "commitments/region.html",
        {"region": region, "commitments": commitments, "districts": region.children.order_by("slug")},
    )


@require_GET
def commitment(request, pk):
    item = get_object_or_404(
        Commitment.objects.public().select_related("region", "region__parent", "report", "indicator", "section"),
        pk=pk,
    )
    before, quote, after = (
        quote_in_paragraph(item.report.text, item.start, item.end) if item.start is not None else ("", item.quote, "")
    )
    updates = item.updates.select_related("author").order_by("-date", "-created_at")
    return render(
        request,
        "commitments/commitment.html",
        {"c": item, "before": before, "quote": quote, "after": after, "updates": updates},
    )


@require_GET
def report(request, pk):
    item = get_object_or_404(Report.objects.select_related("region"), pk=pk)
    return render(request, "commitments/report.html", {"report": item, "parts": item.parts.all()})


@require_GET
def indicator(request, slug):
    item = get_object_or_404(Indicator, slug=slug)
    commitments = item.commitments.public().select_related("region", "region__parent").order_by("-year", "region__slug")
    return render(request, "commitments/indicator.html", {"indicator": item, "commitments": commitments})


@require_GET
@cache_control(max_age=3600, public=True)
def status_css(request):
    return render(request, "commitments/status.css", {"statuses": list(Status)}, content_type="text/css")
