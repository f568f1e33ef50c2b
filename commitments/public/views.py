"""The public pages. Thin: each view fetches through commitments.public.queries and renders one template."""

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from commitments.cache import public_page
from commitments.models import Commitment, Indicator, Outcome, ProgressUpdate, Region, Report
from commitments.public import charts, downloads, exports, queries, scorecard
from commitments.public.filters import CommitmentFilter, IndicatorFilter
from commitments.reading import explain_qualifier
from commitments.reading.units import RATE_UNITS
from commitments.search import search as run_search
from commitments.status import GROUP_LABELS, Status
from commitments.text import quote_in_paragraph

PAGE_SIZE = 50
CHANGES_ON_HOME = 10
CHANGES_PER_PAGE = 50


def _filtered(request, queryset, *, fixed: dict | None = None) -> dict:
    """A public list: its FilterSet, one page of the result, the form fields to show, and the links
    that download exactly the filtered list (every page of it). `fixed` filters come from the URL."""
    filterset = CommitmentFilter(request.GET, queryset=queryset)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in (fixed or {}).items():
        params[key] = value
    query = params.urlencode()
    return {
        "filter": filterset,
        "fields": [f for f in filterset.form if f.name not in {"region", "indicator", *(fixed or {})}],
        "page": page,
        "downloads": {
            "csv": f"{reverse('commitments:commitments_download', args=['csv'])}?{query}",
            "xlsx": f"{reverse('commitments:commitments_download', args=['xlsx'])}?{query}",
            "json": f"{reverse('commitments:api_commitments')}?{query}",
        },
    }


@require_safe
@public_page
def home(request):
    cards = scorecard.latest_by_region(Commitment.objects.public().filter(horizon__isnull=True))
    regions = list(Region.objects.select_related("parent").filter(pk__in=list(cards)))
    rows = sorted(
        ((r, *cards[r.pk]) for r in regions if r.pk in cards),
        key=lambda row: (
            row[0].parent.slug if row[0].is_county_level else row[0].slug,
            row[0].is_county_level,
            row[0].slug,
        ),
    )
    changes = list(queries.status_changes()[:CHANGES_ON_HOME])
    return render(
        request,
        "commitments/home.html",
        {
            "rows": rows,
            "changes": changes,
            "groups": GROUP_LABELS,
            "total": sum(c.total for _, _, c in rows),
            "checkable": queries.checkability_of_latest({r.pk: year for r, year, _ in rows}),
        },
    )


@require_safe
@public_page
def region(request, slug, year=None):
    item = get_object_or_404(Region.objects.select_related("parent"), slug=slug, published=True)
    years = queries.region_years(item)
    if year is None and years:
        year = years[0]
    elif year is not None and year not in years:
        raise Http404("该地区没有这一年度的承诺。")
    # five-year goals (“十四五”时期 …) are checked after their horizon year: not in the year's scorecard
    own = Commitment.objects.public().filter(region=item, year=year, horizon__isnull=True)
    five_year = Commitment.objects.public().filter(region=item, year=year, horizon__isnull=False)
    report = (
        Report.objects.work_reports().filter(region=item, plan_year=year).defer("text").first()
        if year is not None
        else None
    )
    districts = list(item.children.order_by("slug"))
    district_cards = scorecard.latest_by_region(Commitment.objects.public().filter(region__parent=item))
    overall = scorecard.scorecard(own, label="全部")
    listing = _filtered(
        request,
        queries.commitments().filter(region=item, year=year).order_by("start", "pk"),
        fixed={"region": item.slug, "year": year or ""},
    )
    outcomes = (
        list(Outcome.objects.filter(report=report).select_related("indicator").order_by("start")) if report else []
    )
    return render(
        request,
        "commitments/region.html",
        {
            "region": item,
            "year": year,
            "years": years,
            "report": report,
            "districts": [(d, *district_cards[d.pk]) for d in districts if d.pk in district_cards],
            "other_districts": [d for d in districts if d.pk not in district_cards],
            "overall": overall,
            "bar": charts.scorecard_bar(overall, width=480, height=18),
            "breakdown": charts.breakdown_chart([overall, *scorecard.by_category(own)]),
            "headline": queries.headline_targets(report),
            "five_year": five_year.aggregate(n=Count("pk"), horizon=Max("horizon")),
            "checkable": queries.checkability(report),
            "outcomes": outcomes,
            **listing,
            "statuses": list(Status),
        },
    )


@require_safe
@public_page
def commitment_list(request):
    listing = _filtered(request, queries.commitments().order_by("-year", "region__slug", "start", "pk"))
    return render(request, "commitments/commitment_list.html", listing)


@require_safe
@public_page
def commitment(request, pk):
    item = get_object_or_404(
        queries.commitments().select_related("report", "section", "baseline_outcome__report"),
        pk=pk,
    )
    if item.start is not None and item.report.text[item.start : item.end] == item.quote:
        before, quote, after = quote_in_paragraph(item.report.text, item.start, item.end)
    else:  # added by hand, or the text was corrected: show the quote alone rather than a wrong place
        before, quote, after = "", item.quote, ""
    updates = list(queries.timeline(item))
    latest = next((u for u in updates if u.value_reached is not None), None)
    verifications = list(
        item.verifications.filter(state="accepted")
        .select_related("outcome", "source", "reviewed_by")
        .order_by("-reviewed_at")
    )
    return render(
        request,
        "commitments/commitment.html",
        {
            "c": item,
            "before": before,
            "quote": quote,
            "after": after,
            "hedge": explain_qualifier(item.qualifier) if item.qualifier else "",
            "updates": updates,
            "latest": latest,
            "progress": item.percent_reached(latest.value_reached if latest else None),
            "verifications": verifications,
            "others": list(queries.same_indicator(item)[:40]),
            "last_actual": item.baseline_outcome,
            "ambition": item.ambition(),
        },
    )


@require_safe
@public_page
def report(request, pk):
    item = get_object_or_404(Report.objects.select_related("region__parent"), pk=pk, region__published=True)
    return render(
        request,
        "commitments/report.html",
        {
            "report": item,
            "parts": item.parts.all(),
            "pieces": queries.report_pieces(item),
            "counts": dict(
                queries.commitments().filter(report=item).order_by().values_list("kind").annotate(n=Count("id"))
            ),
            "outcome_count": item.outcomes.count(),
        },
    )


@require_safe
@public_page
def indicator_list(request):
    """Indicators of quantitative targets, those shared by most regions first (a milestone names no indicator)."""
    shown = Q(commitments__is_public=True, commitments__region__published=True, commitments__kind="target")
    listed = IndicatorFilter(request.GET, queryset=Indicator.objects.all())
    indicators = list(
        listed.qs.filter(shown)
        .annotate(n=Count("commitments", distinct=True), regions=Count("commitments__region", distinct=True))
        .order_by("-regions", "-n", "name")
    )
    shared = sum(1 for i in indicators if i.regions >= 2)
    return render(
        request,
        "commitments/indicator_list.html",
        {"indicators": indicators, "shared": shared, "fields": list(listed.form)},
    )


@require_safe
@public_page
def indicator(request, slug):
    item = get_object_or_404(Indicator, slug=slug)
    years, year = queries.indicator_years(item, request.GET.get("year"))
    targets, outcomes = queries.indicator_rows(item, year=year)
    # a total (6000亿元) and a growth rate (5.1%) of one indicator are two series: one table and chart each
    present = [_series(x.unit) for x in [*targets, *outcomes] if x.unit]
    series = request.GET.get("series")
    if series not in SERIES:
        series = max(set(present), key=present.count) if present else "amount"
    targets = [c for c in targets if _series(c.unit) == series]
    outcomes = [o for o in outcomes if _series(o.unit) == series]
    rows = _indicator_table(targets, outcomes)
    unit = _common_unit(rows)
    points = [
        charts.Point(
            label=f"{r['region'].full_name} {r['year']}",
            target=r["target"].normalized_value if r["target"] and r["target"].base_unit == unit else None,
            actual=r["actual"].normalized_value if r["actual"] and r["actual"].base_unit == unit else None,
        )
        for r in rows
    ]
    return render(
        request,
        "commitments/indicator.html",
        {
            "indicator": item,
            "rows": rows,
            "chart": charts.indicator_chart(points, unit=unit),
            "unit": unit,
            "years": years,
            "year": year,
            "series": series,
            "other_series": [(key, label) for key, label in SERIES.items() if key != series and key in present],
        },
    )


SERIES = {"amount": "总量与数量", "rate": "增速与比率（%）"}


def _series(unit: str) -> str:
    return "rate" if unit in RATE_UNITS else "amount"


def _indicator_table(targets: list[Commitment], outcomes: list[Outcome]) -> list[dict]:
    """One row per region-year: its first target, and the actual the next report states for that year."""
    rows: dict[tuple[int, int], dict] = {}
    for c in targets:
        row = rows.setdefault(
            (c.region_id, c.year), {"region": c.region, "year": c.year, "target": None, "actual": None, "others": []}
        )
        if row["target"] is None:
            row["target"] = c
        else:
            row["others"].append(c)
    for o in outcomes:
        row = rows.setdefault(
            (o.region_id, o.year), {"region": o.region, "year": o.year, "target": None, "actual": None, "others": []}
        )
        if row["actual"] is None:
            row["actual"] = o
    return sorted(rows.values(), key=lambda r: (r["region"].is_county_level, r["region"].slug, r["year"]))


def _common_unit(rows: list[dict]) -> str:
    units = [r[k].base_unit for r in rows for k in ("target", "actual") if r[k] is not None and r[k].base_unit]
    return max(set(units), key=units.count) if units else ""


@require_safe
@public_page
def methodology(request):
    changes = Paginator(queries.status_changes(), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "commitments/methodology.html", {"statuses": list(Status), "changes": changes, "groups": GROUP_LABELS}
    )


@require_safe
@public_page
def search(request):
    query = request.GET.get("q", "")
    results = run_search(query=query, page=request.GET.get("page")) if query.strip() else None
    return render(request, "commitments/search.html", {"q": query, "results": results})


@require_safe
@cache_control(max_age=3600, public=True)
def status_css(request):
    groups = list(charts.GROUP_STATUS.items())
    return render(
        request, "commitments/status.css", {"statuses": list(Status), "groups": groups}, content_type="text/css"
    )


@require_safe
def commitments_download(request, fmt):
    """Exactly the filtered list the page shows (all its pages), as CSV or Excel."""
    filterset = CommitmentFilter(
        request.GET, queryset=Commitment.objects.public().order_by("-year", "region__slug", "start", "pk")
    )
    asked = urlencode(sorted((k, v) for k, values in request.GET.lists() if k != "page" for v in values))
    return downloads.serve(
        exports.commitments_download(queryset=filterset.qs, fmt=fmt, filename="commitments", key=asked)
    )


@require_safe
def region_year_download(request, slug, year, fmt):
    item = get_object_or_404(Region, slug=slug)
    download = exports.region_year_download(
        commitments=Commitment.objects.public().filter(region=item, year=year).order_by("start", "pk"),
        outcomes=Outcome.objects.filter(report__region=item, report__plan_year=year, report__kind="report").order_by(
            "start"
        ),
        fmt=fmt,
        filename=f"{item.slug}-{year}",
    )
    return downloads.serve(download)


@require_safe
def evidence_file(request, pk):
    """An evidence file of a public commitment, always as a download (never rendered in our origin)."""
    update = get_object_or_404(
        ProgressUpdate.objects.filter(commitment__is_public=True).exclude(evidence_file=""), pk=pk
    )
    name = update.evidence_file.name.rsplit("/", 1)[-1]
    return FileResponse(update.evidence_file.open("rb"), as_attachment=True, filename=name)
