from django.contrib import admin
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .access import scope
from .models import (
    Commitment,
    Indicator,
    Outcome,
    Part,
    ProgressUpdate,
    Region,
    RegionGrant,
    Report,
    Section,
    Verification,
)
from .status import Status
from .text import quote_in_paragraph

admin.site.site_header = "政府工作报告承诺追踪 · 管理"
admin.site.site_title = "承诺追踪管理"
admin.site.index_title = "工作台"


def status_badge(status: str):
    s = Status(status)
    return format_html('<span class="status status-{}" title="{}">{}</span>', s.value, s.definition, s.label)


def quote_in_context(text: str, start: int | None, end: int | None, quote: str):
    if start is None or end is None:
        return quote
    before, mark, after = quote_in_paragraph(text, start, end)
    return format_html('<div class="source-paragraph">{}<mark>{}</mark>{}</div>', before, mark, after)


class RegionScopedAdmin(admin.ModelAdmin):
    """Staff see and change only the rows of their regions (see access.py)."""

    region_path = "region"

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user, field=self.region_path)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.related_model in _SCOPED_PATHS:
            path = _SCOPED_PATHS[db_field.related_model]
            field.queryset = scope(field.queryset, request.user, field=path)
        return field


class ScopedHistoryAdmin(RegionScopedAdmin, SimpleHistoryAdmin):
    pass


@admin.register(Region)
class RegionAdmin(RegionScopedAdmin):
    region_path = ""
    list_display = ["name", "level", "parent", "slug"]
    list_filter = ["level"]
    search_fields = ["name", "slug", "parent__name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]


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
    list_filter = ["kind", "plan_year", "region"]
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
        "warnings",
        "text",
    ]
    fields = ["title", "delivered_on", *readonly_fields]
    inlines = [PartInline]

    def has_add_permission(self, request):
        return False


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "base_unit", "direction", "category"]
    list_filter = ["direction", "category"]
    search_fields = ["name", "aliases"]


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["date", "status", "value_reached", "note", "reason", "evidence_url", "evidence_file", "author"]
    readonly_fields = ["author"]


@admin.register(Commitment)
class CommitmentAdmin(ScopedHistoryAdmin):
    list_display = ["short_quote", "region", "year", "kind", "indicator_name", "target", "status_label", "is_public"]
    list_filter = ["region", "year", "status", "category", "kind", "is_public", "origin"]
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
        ("跟踪", {"fields": ["lead_department", "status", "is_public", "not_mentioned_next_year", "version"]}),
    ]

    @admin.display(description="原文", ordering="start")
    def short_quote(self, obj):
        return obj.quote[:40]

    @admin.display(description="目标")
    def target(self, obj):
        if obj.value is None:
            return "—"
        return f"{obj.value.normalize():f}{obj.unit}{obj.qualifier and ' ' + obj.qualifier}"

    @admin.display(description="状态", ordering="status")
    def status_label(self, obj):
        return status_badge(obj.status)

    @admin.display(description="原文所在段落（高亮为抽取的原句）")
    def source_in_context(self, obj):
        if not obj.pk:
            return "—"
        return quote_in_context(obj.report.text, obj.start, obj.end, obj.quote)

    def get_readonly_fields(self, request, obj=None):
        # A commitment typed in by staff has no report span: its quote is theirs to write.
        if obj is None or obj.origin == Commitment.Origin.MANUAL:
            return ["source_in_context", "start", "end", "origin", "version"]
        return self.readonly_fields

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            if isinstance(instance, ProgressUpdate) and instance.author_id is None:
                instance.author = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Outcome)
class OutcomeAdmin(RegionScopedAdmin):
    list_display = ["short_quote", "region", "year", "indicator_name", "value", "unit", "qualifier"]
    list_filter = ["region", "year"]
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
    list_display = ["commitment", "date", "status_label", "value_reached", "author"]
    list_filter = ["status", "date"]
    search_fields = ["commitment__quote", "note"]
    list_select_related = ["commitment", "author"]
    autocomplete_fields = ["commitment"]
    readonly_fields = ["author"]

    @admin.display(description="状态")
    def status_label(self, obj):
        return status_badge(obj.status)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Verification)
class VerificationAdmin(ScopedHistoryAdmin):
    region_path = "commitment__region"
    list_display = ["commitment", "verdict", "score", "state"]
    list_filter = ["state", "verdict"]
    list_select_related = ["commitment"]


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


_SCOPED_PATHS = {Region: "", Report: "region", Commitment: "region", Section: "report__region", Outcome: "region"}
