"""Admin views for staff: upload a report or evidence document with a preview, the lag list and its CSV.

Each view is mounted by a ModelAdmin (get_urls) behind admin_site.admin_view, so it needs a logged-in
staff member and CSRF like every admin page; what it shows goes through access.py.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from commitments import access
from commitments.ingest.reports import ImportRefused
from commitments.models import Commitment, Region, Report
from commitments.public import exports
from commitments.staff import uploads
from commitments.staff.forms import UploadReportForm
from commitments.staff.lag import LIGHT_LABELS
from commitments.staff.progress import LIGHT_ORDER, NO_LIGHT_LABEL, by_department, lag_rows


def _context(model_admin, request, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "app_label": model_admin.model._meta.app_label,
        **extra,
    }


def upload_report(request, model_admin):
    """Step 1: choose a file and its type; step 2: the preview with confirm and cancel (see confirm_upload)."""
    if not request.user.has_perm("commitments.add_report"):
        raise PermissionDenied
    regions = access.scope(Region.objects.all(), request.user, field="")
    form = UploadReportForm(request.POST or None, request.FILES or None, regions=regions)
    context = _context(model_admin, request, title="上传报告或其他文件", form=form)
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(request, "admin/commitments/report/upload.html", context)
    upload = form.cleaned_data["file"]
    try:
        shown = uploads.preview(
            user=request.user,
            data=upload.read(),
            filename=upload.name,
            kind=form.cleaned_data["kind"],
            region=form.cleaned_data.get("region"),
            year=form.cleaned_data.get("year"),
            delivered_on=form.cleaned_data.get("delivered_on"),
            revise=form.cleaned_data.get("revise", False),
        )
    except ImportRefused as exc:
        form.add_error(None, str(exc))
        return TemplateResponse(request, "admin/commitments/report/upload.html", context)
    context.update(vars(shown), title="导入预览（尚未保存）", is_report=shown.kind == Report.Kind.WORK_REPORT)
    return TemplateResponse(request, "admin/commitments/report/upload_preview.html", context)


def confirm_upload(request, model_admin):
    """Confirm stores the previewed file; cancel throws it away. Either way the stashed bytes are removed."""
    if request.method != "POST" or not request.user.has_perm("commitments.add_report"):
        raise PermissionDenied
    stashed = uploads.unstash(request.POST.get("token", ""), user=request.user)
    if stashed is None:
        messages.error(request, "预览已过期或已处理，请重新上传文件。")
        return redirect("admin:commitments_report_upload")
    if "cancel" in request.POST:
        stashed.discard()
        messages.info(request, "已取消导入，没有保存任何内容。")
        return redirect("admin:commitments_report_changelist")
    try:
        result = uploads.confirm(user=request.user, stashed=stashed)
    except ImportRefused as exc:
        messages.error(request, f"导入失败，没有保存任何内容：{exc}")
        return redirect("admin:commitments_report_upload")
    finally:
        stashed.discard()
    messages.success(request, result.summary)
    return redirect(uploads.next_url(result))


# The lag list ----------------------------------------------------------------------------------------


def _whole_number(value: str | None) -> int | None:
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        raise Http404("参数应为整数。")
    return int(value)


def _lag_queryset(request):
    queryset = access.scope(Commitment.objects.all(), request.user)
    region_id = _whole_number(request.GET.get("region"))
    if region_id:
        region = Region.objects.filter(pk=region_id).select_related("parent").first()
        if region is None or not access.may_work_on(request.user, region):
            raise PermissionDenied("您没有该地区的权限。")
        queryset = queryset.filter(region_id__in=[region.pk, *region.children.values_list("pk", flat=True)])
    # by default the latest year that has a light to show (a value reached), else the latest year
    lit = queryset.filter(kind=Commitment.Kind.TARGET, updates__value_reached__isnull=False)
    year = (
        _whole_number(request.GET.get("year"))
        or lit.aggregate(y=Max("year"))["y"]
        or queryset.aggregate(y=Max("year"))["y"]
    )
    if year:
        queryset = queryset.filter(year=year)
    return queryset, year


def _filtered_rows(request, today: date):
    queryset, year = _lag_queryset(request)
    rows = lag_rows(queryset, today=today)
    departments = by_department(rows)
    light = request.GET.get("light")
    dept = request.GET.get("dept")
    if light in LIGHT_ORDER:
        rows = [row for row in rows if row.light == light]
    if dept is not None:
        rows = [row for row in rows if row.commitment.lead_department == dept]
    return rows, departments, year


def lag_list(request, model_admin):
    today = timezone.localdate()
    rows, departments, year = _filtered_rows(request, today)
    unlit = sum(1 for row in rows if row.light == "none")
    if not request.GET.get("light"):
        # Commitments without a value reached have no light; listing them all would bury the ones that do.
        rows = [row for row in rows if row.light != "none"]
    labels = {**{light.value: label for light, label in LIGHT_LABELS.items()}, "none": NO_LIGHT_LABEL}
    context = _context(
        model_admin,
        request,
        title=f"序时进度 · {year or ''} 年",
        rows=rows,
        departments=departments,
        lights=[(key, labels[key]) for key in LIGHT_ORDER],
        today=today,
        year=year,
        unlit=unlit,
        regions=access.scope(Region.objects.select_related("parent"), request.user, field=""),
        query=request.GET.urlencode(),
    )
    return TemplateResponse(request, "admin/commitments/commitment/lag.html", context)


LAG_COLUMNS = [
    *exports.about_commitment(("编号", "地区", "年度", "牵头单位", "原文", "目标值", "单位")),
    ("已达到", lambda row: getattr(row.commitment, "latest_value", None)),
    ("进展状态", lambda row: row.commitment.get_status_display()),
    ("灯", lambda row: row.light),
    ("说明", lambda row: row.result.explanation if row.result else NO_LIGHT_LABEL),
]


def lag_csv(request, model_admin):
    rows, _departments, year = _filtered_rows(request, timezone.localdate())
    return exports.csv_response(items=rows, columns=LAG_COLUMNS, filename=f"lag-{year or 'all'}")


def commitments_csv(queryset) -> HttpResponse:
    """The admin export action: the selected commitments (already limited to the user's regions), in the
    columns of every other download."""
    return exports.csv_response(
        items=exports.export_commitments(queryset), columns=exports.COMMITMENT_COLUMNS, filename="commitments"
    )
