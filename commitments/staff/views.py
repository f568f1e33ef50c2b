"""Admin views for staff: upload a report with a preview, the lag list and its CSV.

Each view is mounted by a ModelAdmin (get_urls) behind admin_site.admin_view, so it needs a logged-in
staff member and CSRF like every admin page; what it shows goes through access.py.
"""

from __future__ import annotations

import csv
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import access
from ..forms import UploadReportForm
from ..importing import ImportRefused, ImportResult, import_report
from ..lag import LIGHT_LABELS
from ..models import Commitment, Region
from . import uploads
from .progress import LIGHT_ORDER, NO_LIGHT_LABEL, by_department, lag_rows

PREVIEW_ITEMS = 8


class _NotYours(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def _context(model_admin, request, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "app_label": model_admin.model._meta.app_label,
        **extra,
    }


def _region_of(result: ImportResult) -> Region | None:
    return result.report.region if result.report is not None else None


def _allowed(user, result: ImportResult) -> bool:
    try:
        return access.may_work_on(user, _region_of(result))
    except Region.DoesNotExist:
        # A region created only inside the dry run's rolled-back transaction, under a parent that was too.
        return user.is_superuser


def upload_report(request, model_admin):
    """Step 1: choose a file; step 2: the preview with confirm and cancel (see confirm_upload)."""
    if not request.user.has_perm("commitments.add_report"):
        raise PermissionDenied
    regions = access.scope(Region.objects.all(), request.user, field="")
    form = UploadReportForm(request.POST or None, request.FILES or None, regions=regions)
    context = _context(model_admin, request, title="上传政府工作报告", form=form)
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(request, "admin/commitments/report/upload.html", context)

    upload = form.cleaned_data["file"]
    data = upload.read()
    region = form.cleaned_data.get("region")
    year = form.cleaned_data.get("year")
    try:
        result = import_report(
            data=data,
            filename=upload.name,
            region=region.full_name if region else None,
            year=year,
            dry_run=True,
            user=request.user,
        )
    except ImportRefused as exc:
        message = str(exc).replace("请用 --region 指定（如 --region 临沂市）", "请在“地区”中选择后重新预览")
        message = message.replace("请用 --year 指定", "请填写“计划年度”后重新预览")
        form.add_error(None, message)
        return TemplateResponse(request, "admin/commitments/report/upload.html", context)

    allowed = _allowed(request.user, result)
    token = ""
    if result.created and allowed:
        token = uploads.stash(
            data=data, filename=upload.name, user=request.user, region_id=region.pk if region else None, year=year
        )
    context.update(
        title="导入预览（尚未保存）",
        result=result,
        allowed=allowed,
        token=token,
        facts=_facts(result),
        warnings=_warnings(result, region_chosen=region),
        first_commitments=(result.extraction.commitments[:PREVIEW_ITEMS] if result.extraction else []),
        first_outcomes=(result.extraction.outcomes[:PREVIEW_ITEMS] if result.extraction else []),
    )
    return TemplateResponse(request, "admin/commitments/report/upload_preview.html", context)


def confirm_upload(request, model_admin):
    """Confirm stores the previewed file; cancel throws it away. Either way the stashed bytes are removed."""
    if request.method != "POST" or not request.user.has_perm("commitments.add_report"):
        raise PermissionDenied
    changelist = reverse("admin:commitments_report_changelist")
    stashed = uploads.unstash(request.POST.get("token", ""), user=request.user)
    if stashed is None:
        messages.error(request, "预览已过期或已处理，请重新上传文件。")
        return redirect("admin:commitments_report_upload")
    if "cancel" in request.POST:
        stashed.discard()
        messages.info(request, "已取消导入，没有保存任何内容。")
        return redirect(changelist)
    region = Region.objects.filter(pk=stashed.region_id).select_related("parent").first()
    try:
        result = _import_if_allowed(request.user, data=stashed.read(), stashed=stashed, region=region)
    except ImportRefused as exc:
        messages.error(request, f"导入失败，没有保存任何内容：{exc}")
        return redirect("admin:commitments_report_upload")
    finally:
        stashed.discard()
    messages.success(request, result.summary)
    return redirect(reverse("admin:commitments_report_change", args=[result.report.pk]))


def _import_if_allowed(user, *, data: bytes, stashed: uploads.Stashed, region: Region | None) -> ImportResult:
    """Imports for real, then checks the region against the user's grants; a refusal rolls it all back."""
    try:
        with transaction.atomic():
            result = import_report(
                data=data,
                filename=stashed.filename,
                region=region.full_name if region else None,
                year=stashed.year,
                user=user,
            )
            if not _allowed(user, result):
                raise _NotYours(result)
    except _NotYours as refused:
        if refused.result.created:
            # The rolled-back transaction cannot take the stored file with it.
            refused.result.report.source_file.delete(save=False)
        raise ImportRefused(f"您没有 {_region_of(refused.result)} 的权限，不能导入该地区的报告。") from None
    return result


def _facts(result: ImportResult) -> list[tuple[str, str]]:
    extraction = result.extraction
    level = (extraction.level if extraction else None) or (
        result.report.region.get_level_display() if result.report else ""
    )
    counts = result.counts
    return [
        ("地区", result.region or "未识别"),
        ("级别", level or "未识别"),
        ("计划年度", str(result.plan_year or "未识别")),
        ("回顾年度", str(result.review_year or "未识别")),
        ("部分", str(counts.get("parts", 0))),
        ("章节", str(counts.get("sections", 0))),
        ("量化目标", str(counts.get("targets", 0))),
        ("工作节点", str(counts.get("milestones", 0))),
        ("实绩", str(counts.get("outcomes", 0))),
    ]


def _warnings(result: ImportResult, *, region_chosen: Region | None) -> list[str]:
    warnings = list(result.warnings)
    extraction = result.extraction
    if extraction is None:
        return warnings
    kinds = {part.kind for part in extraction.parts}
    if "plan" not in kinds:
        warnings.append("未找到计划部分：无法抽取承诺。")
    if "review" not in kinds:
        warnings.append("未找到回顾部分：不会抽取上年实绩。")
    if not extraction.region:
        chosen = f"，将使用您选择的“{region_chosen.full_name}”" if region_chosen else ""
        warnings.append(f"未识别出地区{chosen}。")
    if not extraction.commitments:
        warnings.append("未抽取到任何承诺，请确认文件内容。")
    return warnings


# The lag list ----------------------------------------------------------------------------------------


def _lag_queryset(request):
    queryset = access.scope(Commitment.objects.all(), request.user)
    region_id = request.GET.get("region")
    if region_id:
        region = Region.objects.filter(pk=region_id).select_related("parent").first()
        if region is None or not access.may_work_on(request.user, region):
            raise PermissionDenied("您没有该地区的权限。")
        queryset = queryset.filter(region_id__in=[region.pk, *region.children.values_list("pk", flat=True)])
    year = request.GET.get("year") or queryset.aggregate(y=Max("year"))["y"]
    if year:
        queryset = queryset.filter(year=int(year))
    return queryset, int(year) if year else None


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


def lag_csv(request, model_admin):
    rows, _departments, year = _filtered_rows(request, timezone.localdate())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lag-{year or "all"}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
    writer = csv.writer(response)
    writer.writerow(["编号", "地区", "年度", "牵头单位", "原文", "目标值", "单位", "已达到", "进展状态", "灯", "说明"])
    for row in rows:
        c = row.commitment
        writer.writerow(
            safe_cells(
                [
                    c.pk,
                    c.region.full_name,
                    c.year,
                    c.lead_department,
                    c.quote,
                    c.value,
                    c.unit,
                    getattr(c, "latest_value", None),
                    c.get_status_display(),
                    row.light,
                    row.result.explanation if row.result else NO_LIGHT_LABEL,
                ]
            )
        )
    return response


def safe_cells(values: list) -> list[str]:
    """Keeps a spreadsheet from running a cell as a formula (CSV injection)."""
    out = []
    for value in values:
        text = "" if value is None else str(value)
        risky = isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r")
        out.append("'" + text if risky else text)
    return out


def commitments_csv(queryset) -> HttpResponse:
    """The admin export action: the selected commitments (already limited to the user's regions)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="commitments.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        ["编号", "地区", "年度", "类型", "指标", "目标值", "单位", "限定词", "牵头单位", "进展状态", "原文"]
    )
    for c in queryset.select_related("region", "region__parent"):
        writer.writerow(
            safe_cells(
                [
                    c.pk,
                    c.region.full_name,
                    c.year,
                    c.get_kind_display(),
                    c.indicator_name,
                    c.value,
                    c.unit,
                    c.qualifier,
                    c.lead_department,
                    c.get_status_display(),
                    c.quote,
                ]
            )
        )
    return response
