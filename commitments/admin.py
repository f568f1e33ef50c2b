from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from commitments.models import (
    Commitment,
    Indicator,
    Outcome,
    Part,
    ProgressUpdate,
    Region,
    RegionGrant,
    Report,
    Verification,
)
from commitments.regions import region_for_division
from commitments.staff import views as staff_views
from commitments.staff.forms import (
    CommitmentAdminForm,
    CommitmentListForm,
    ProgressUpdateForm,
    RegionForm,
    stale_message,
)
from commitments.staff.progress import light_of, sync_status, with_latest_value
from commitments.staff.scoping import RegionScopedAdmin, ScopedHistoryAdmin
from commitments.templatetags.tracker import status_badge, target_text
from commitments.text import quote_in_paragraph
from commitments.verification import workflow
from commitments.verification.workflow import VerificationReviewForm

admin.site.site_header = "政府工作报告承诺追踪 · 管理"
admin.site.site_title = "承诺追踪管理"
admin.site.index_title = "工作台"


def quote_in_context(text: str, start: int | None, end: int | None, quote: str):
    if start is None or end is None:
        return quote
    before, mark, after = quote_in_paragraph(text, start, end)
    return format_html('<div class="source-paragraph">{}<mark>{}</mark>{}</div>', before, mark, after)


def light_badge(commitment):
    """The 序时进度 light, shown beside the status (never instead of it); its arithmetic in the tooltip."""
    result = light_of(commitment, today=timezone.localdate())
    if result is None:
        return "—"
    return format_html(
        '<span class="light light-{}" title="{}">{}</span>', result.light.value, result.explanation, result.light.label
    )


# Regions may only be picked among the user's own in list filters, too.
REGION_FILTER = ("region", admin.RelatedOnlyFieldListFilter)


@admin.register(Region)
class RegionAdmin(RegionScopedAdmin):
    """A region's name, level and parent come from the national table (its division code), not from a form:
    only a superuser adds one, by code; nobody renames or moves one (a staff member could otherwise
    create a 德州市 under their own city and gain rights over the real one's reports)."""

    region_path = ""
    form = RegionForm
    search_fields = ["name", "code", "slug", "parent__name"]
    list_select_related = ["parent"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    list_display = ["name", "code", "level", "parent", "slug", "published"]
    list_filter = ["level", "published"]

    def get_fields(self, request, obj=None):
        return ["code"] if obj is None else ["name", "code", "level", "parent", "slug", "published"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["name", "code", "level", "parent", "slug"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created = region_for_division(form.cleaned_data["code"])
        obj.pk, obj.name, obj.slug = created.pk, created.name, created.slug


class PartInline(admin.TabularInline):
    model = Part
    extra = 0
    fields = ["kind", "title", "start", "end"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(RegionScopedAdmin):
    list_display = ["title", "region", "kind", "plan_year", "review_year", "delivered_on", "imported_at"]
    list_filter = ["kind", "plan_year", REGION_FILTER]
    search_fields = ["title", "region__name", "original_name"]
    list_select_related = ["region", "region__parent"]
    readonly_fields = [
        "region",
        "kind",
        "plan_year",
        "review_year",
        "original_name",
        "encoding",
        "checksum",
        "source_file",
        "imported_at",
        "imported_by",
        "revised_at",
        "revised_by",
        "warnings",
        "text",
    ]
    fields = ["title", "delivered_on", *readonly_fields]
    inlines = [PartInline]

    def has_add_permission(self, request):
        # Reports come in through the upload with preview (get_urls), never through a blank form.
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("upload/", wrap(self.upload_view), name="commitments_report_upload"),
            path("upload/confirm/", wrap(self.confirm_view), name="commitments_report_upload_confirm"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        return staff_views.upload_report(request, self)

    def confirm_view(self, request):
        return staff_views.confirm_upload(request, self)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """Indicators are shared by every region: staff may look them up, only superusers change them."""

    list_display = ["name", "base_unit", "direction", "category"]
    list_filter = ["direction", "category"]
    search_fields = ["name", "aliases"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    form = ProgressUpdateForm
    extra = 0
    fields = ["date", "status", "value_reached", "note", "reason", "evidence_url", "evidence_file", "author"]
    readonly_fields = ["author"]


@admin.register(Commitment)
class CommitmentAdmin(ScopedHistoryAdmin):
    form = CommitmentAdminForm
    list_display = [
        "short_quote",
        "region",
        "year",
        "kind",
        "indicator_name",
        "target",
        "status_label",
        "lag_light",
        "lead_department",
        "is_public",
    ]
    list_editable = ["lead_department"]
    list_filter = [REGION_FILTER, "year", "status", "category", "kind", "is_public", "origin", "lead_department"]
    actions = ["export_csv"]
    search_fields = ["quote", "indicator_name", "indicator__name", "lead_department"]
    list_select_related = ["region", "region__parent", "indicator"]
    autocomplete_fields = ["indicator"]
    list_per_page = 50
    inlines = [ProgressUpdateInline]
    readonly_fields = ["source_in_context", "report", "region", "year", "quote", "start", "end", "origin", "version"]
    fieldsets = [
        ("原文", {"fields": ["source_in_context", "report", "region", "year", "quote", "start", "end", "origin"]}),
        (
            "承诺内容",
            {
                "fields": [
                    "kind",
                    "category",
                    "section",
                    "indicator",
                    "indicator_name",
                    ("value", "unit", "qualifier", "stretch_value"),
                    ("normalized_value", "base_unit"),
                    ("deadline", "due_date"),
                ]
            },
        ),
        (
            "跟踪",
            {
                "fields": [
                    "lead_department",
                    ("status_label", "lag_light"),
                    "is_public",
                    "not_mentioned_next_year",
                    "change_reason",
                    "version",
                    "seen_version",
                ]
            },
        ),
    ]

    @admin.display(description="原文", ordering="start")
    def short_quote(self, obj):
        return obj.quote[:40]

    @admin.display(description="目标")
    def target(self, obj):
        if obj.value is None:
            return "—"
        return target_text(obj)  # 5.5%，力争6%以上, as on the public pages (never 力争+以上)

    @admin.display(description="状态", ordering="status")
    def status_label(self, obj):
        return status_badge(obj.status)

    @admin.display(description="序时进度")
    def lag_light(self, obj):
        if not obj.pk:
            return "—"
        if not hasattr(obj, "latest_value"):
            obj = with_latest_value(Commitment.objects.filter(pk=obj.pk)).select_related("indicator").get()
        return light_badge(obj)

    def get_queryset(self, request):
        return with_latest_value(super().get_queryset(request))

    @admin.action(description="导出所选承诺（CSV）", permissions=["view"])
    def export_csv(self, request, queryset):
        return staff_views.commitments_csv(queryset)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("lag/", wrap(self.lag_view), name="commitments_commitment_lag"),
            path("lag.csv", wrap(self.lag_csv_view), name="commitments_commitment_lag_csv"),
            *super().get_urls(),
        ]

    def lag_view(self, request):
        return staff_views.lag_list(request, self)

    def lag_csv_view(self, request):
        return staff_views.lag_csv(request, self)

    @admin.display(description="原文所在段落（高亮为抽取的原句）")
    def source_in_context(self, obj):
        if not obj.pk:
            return "—"
        return quote_in_context(obj.report.text, obj.start, obj.end, obj.quote)

    def get_readonly_fields(self, request, obj=None):
        # The status follows the latest progress update (with its reason), so it is never typed here.
        # A commitment typed in by staff has no report span: its quote is theirs to write.
        if obj is None or obj.origin == Commitment.Origin.MANUAL:
            return ["source_in_context", "start", "end", "origin", "version", "status_label", "lag_light"]
        return [*self.readonly_fields, "status_label", "lag_light"]

    def get_changelist_form(self, request, **kwargs):
        # the list's 牵头单位 edit carries the version each row had when the list was shown (the lock below)
        return super().get_changelist_form(request, form=CommitmentListForm, **kwargs)

    def save_model(self, request, obj, form, change):
        """Optimistic locking: the row is claimed only if nobody saved it since the form or list was opened."""
        if not change and obj.origin == Commitment.Origin.EXTRACTED and obj.start is None:
            obj.origin = Commitment.Origin.MANUAL  # typed in by staff: its quote stays theirs to edit
        if change:
            seen = form.cleaned_data.get("seen_version") if hasattr(form, "cleaned_data") else None
            version = Commitment.objects.claim_version(obj.pk, seen=seen)
            if version is None:
                raise StaleEdit(obj.pk)
            obj.version = version
            reason = form.history_reason() if hasattr(form, "history_reason") else ""
            if reason:
                obj._change_reason = reason
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as stale:
            # The exception left the admin's transaction, so nothing of this save was written.
            messages.error(request, stale_message(stale.pk))
            return HttpResponseRedirect(request.path)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except StaleEdit as stale:  # a stale list: nothing of the bulk edit was written
            messages.error(request, stale_message(stale.pk))
            return HttpResponseRedirect(request.get_full_path())

    def save_formset(self, request, form, formset, change):
        touched = []
        for instance in formset.save(commit=False):
            if isinstance(instance, ProgressUpdate) and instance.author_id is None:
                instance.author = request.user
            instance.save()
            touched.append(instance)
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()
        if formset.model is ProgressUpdate and (touched or formset.deleted_objects):
            latest = max(touched, key=lambda u: (u.date, u.created_at)) if touched else None
            reason = latest.history_reason() if latest else "删除进展记录"
            sync_status(commitment_id=form.instance.pk, reason=reason)


class StaleEdit(Exception):
    def __init__(self, pk: int):
        super().__init__(pk)
        self.pk = pk


@admin.register(Outcome)
class OutcomeAdmin(RegionScopedAdmin):
    list_display = ["short_quote", "region", "year", "indicator_name", "value", "unit", "qualifier"]
    list_filter = [REGION_FILTER, "year"]
    search_fields = ["quote", "indicator_name", "indicator__name"]
    list_select_related = ["region", "region__parent"]
    readonly_fields = ["report", "region", "year", "quote", "start", "end", "source_in_context"]

    @admin.display(description="原文")
    def short_quote(self, obj):
        return obj.quote[:40]

    @admin.display(description="原文所在段落")
    def source_in_context(self, obj):
        return quote_in_context(obj.report.text, obj.start, obj.end, obj.quote)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ScopedHistoryAdmin):
    region_path = "commitment__region"
    form = ProgressUpdateForm
    list_display = ["commitment", "date", "status_label", "value_reached", "author"]
    list_filter = ["status", "date"]
    search_fields = ["commitment__quote", "note"]
    list_select_related = ["commitment", "author"]
    autocomplete_fields = ["commitment"]
    readonly_fields = ["author"]

    @admin.display(description="状态")
    def status_label(self, obj):
        return status_badge(obj.status)

    def get_fields(self, request, obj=None):
        return ["commitment", *ProgressUpdateForm.Meta.fields, "author"]

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        obj._change_reason = obj.history_reason()
        super().save_model(request, obj, form, change)
        sync_status(commitment_id=obj.commitment_id, reason=obj.history_reason())

    def delete_model(self, request, obj):
        commitment_id = obj.commitment_id
        super().delete_model(request, obj)
        sync_status(commitment_id=commitment_id, reason="删除进展记录")

    def delete_queryset(self, request, queryset):
        commitment_ids = set(queryset.values_list("commitment_id", flat=True))
        super().delete_queryset(request, queryset)
        for commitment_id in commitment_ids:
            sync_status(commitment_id=commitment_id, reason="删除进展记录")


@admin.register(Verification)
class VerificationAdmin(ScopedHistoryAdmin):
    """The review queue of next-year verdicts: most confident first, both quotes side by side."""

    region_path = "commitment__region"
    form = VerificationReviewForm
    list_display = ["confidence", "promise_quote", "evidence_quote", "verdict_label", "arithmetic", "state", "source"]
    list_display_links = ["promise_quote"]
    list_filter = [
        "state",
        "verdict",
        "source__kind",
        "commitment__year",
        ("commitment__region", admin.RelatedOnlyFieldListFilter),  # only the regions in the staff member's queue
    ]
    list_select_related = ["commitment", "commitment__region", "source", "outcome"]
    search_fields = ["commitment__quote", "quote", "commitment__indicator_name"]
    ordering = ["-score", "commitment__start", "pk"]
    list_per_page = 50
    actions = ["accept_selected", "reject_selected"]
    readonly_fields = ["side_by_side", "arithmetic", "score", "state", "reviewed_by", "reviewed_at", "progress_update"]
    fields = [
        *["side_by_side", "arithmetic", "score", "verdict", "note", "decision"],
        *["state", "reviewed_by", "reviewed_at"],
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description="匹配度", ordering="-score")
    def confidence(self, obj):
        return f"{obj.score:.2f}"

    @admin.display(description="承诺原文")
    def promise_quote(self, obj):
        return obj.commitment.quote[:60]

    @admin.display(description="次年材料原文")
    def evidence_quote(self, obj):
        return obj.quote[:60]

    @admin.display(description="建议结论", ordering="verdict")
    def verdict_label(self, obj):
        return status_badge(obj.verdict)

    @admin.display(description="两段原文对照")
    def side_by_side(self, obj):
        c, source = obj.commitment, obj.source
        return format_html(
            '<table class="verification-compare"><thead><tr><th>{}</th><th>{}</th></tr></thead>'
            "<tbody><tr><td>{}</td><td>{}</td></tr></tbody></table>",
            f"{c.year}年承诺（{c.report}）",
            f"核对材料（{source}）",
            quote_in_context(c.report.text, c.start, c.end, c.quote),
            quote_in_context(source.text, obj.start, obj.end, obj.quote),
        )

    change_form_template = "admin/commitments/verification/change_form.html"

    def save_model(self, request, obj, form, change):
        # The form carries the button pressed, the verdict and a note; the service records the decision.
        original = Verification.objects.get(pk=obj.pk)
        note, decision = form.cleaned_data.get("note", ""), form.cleaned_data["decision"]
        if decision == "correct":
            workflow.correct(verification=original, user=request.user, verdict=obj.verdict, note=note)
        elif decision == "reject":
            workflow.reject(verification=original, user=request.user, note=note)
        else:
            workflow.accept(verification=original, user=request.user, note=note)

    @admin.action(description="接受所选核对建议（生成进展记录）")
    def accept_selected(self, request, queryset):
        for verification in queryset:
            workflow.accept(verification=verification, user=request.user)
        self.message_user(request, f"已接受 {queryset.count()} 条核对建议。", messages.SUCCESS)

    @admin.action(description="驳回所选核对建议")
    def reject_selected(self, request, queryset):
        for verification in queryset:
            workflow.reject(verification=verification, user=request.user)
        self.message_user(request, f"已驳回 {queryset.count()} 条核对建议。", messages.SUCCESS)


@admin.register(RegionGrant)
class RegionGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "region"]
    autocomplete_fields = ["region"]
    list_select_related = ["user", "region"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    has_view_permission = has_change_permission = has_add_permission = has_delete_permission = (
        lambda self, request, obj=None: request.user.is_superuser
    )
