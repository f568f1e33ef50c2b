"""ModelAdmin bases that keep every admin page within the user's regions (the rule itself is in access.py).

What is covered, and where:
- lists, change/delete pages, autocomplete (Django's autocomplete view asks the target admin's
  get_queryset and get_search_results), inlines (they hang off a scoped parent): get_queryset;
- a URL to another region's object: 403 (404 when there is no such object);
- actions and bulk edit posting ids outside the regions: 403, before anything runs;
- foreign-key choices: formfield_for_foreignkey; list filters list only the user's regions;
- saving: the object's region is checked again (defence in depth for added rows);
- history and history versions: the same scope as the change page.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from commitments import access
from commitments.models import Commitment, Outcome, Region, Report, Section


class RegionScopedAdmin(admin.ModelAdmin):
    """Staff see and change only the rows of their regions (see access.py)."""

    region_path = "region"

    def get_queryset(self, request):
        return access.scope(super().get_queryset(request), request.user, field=self.region_path)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.related_model in SCOPED_PATHS:
            path = SCOPED_PATHS[db_field.related_model]
            field.queryset = access.scope(field.queryset, request.user, field=path)
        return field

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            self._refuse(request, object_id)
        return obj

    def _refuse(self, request, object_id) -> None:
        """403 for another region's object, 404 for one that does not exist."""
        try:
            exists = self.model._default_manager.filter(pk=unquote(str(object_id))).exists()
        except (ValueError, ValidationError):
            exists = False
        if exists:
            raise PermissionDenied("您没有该地区的权限。")
        raise Http404

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            self._check_posted_ids(request)
        return super().changelist_view(request, extra_context)

    def _check_posted_ids(self, request) -> None:
        """An action or a bulk edit naming a row outside the user's regions is refused as a whole."""
        ids = set(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        ids |= {value for key, value in request.POST.items() if key.startswith("form-") and key.endswith("-id")}
        ids.discard("")
        if not ids:
            return
        pk = self.model._meta.pk
        try:
            wanted = {pk.to_python(value) for value in ids}
        except ValidationError:
            raise PermissionDenied from None
        visible = set(self.get_queryset(request).filter(pk__in=wanted).values_list("pk", flat=True))
        if wanted - visible:
            raise PermissionDenied("所选条目中有您无权处理的地区。")

    def save_model(self, request, obj, form, change):
        access.require(request.user, region_of(obj, self.region_path))
        super().save_model(request, obj, form, change)


class ScopedHistoryAdmin(RegionScopedAdmin, SimpleHistoryAdmin):
    """History pages follow the change page's scope; reverting is off (it would bypass the version lock)."""

    object_history_list_template = "admin/commitments/object_history_list.html"

    def _check_history_scope(self, request, object_id) -> None:
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404("没有这条记录。") from None
        if access.region_ids_for(request.user) is None:
            return  # a superuser may read the history of anything, deleted rows included
        if not self.get_queryset(request).filter(pk=pk).exists():
            self._refuse(request, object_id)

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_scope(request, object_id)
        if request.method == "POST":
            raise PermissionDenied("历史版本只可查看，不能直接恢复。")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)


class ReadableChanges(HistoricalRecordContextHelper):
    """A change as a reader says it: a status's label (待评估 → 已完成), 是/否, （空）, never a code or
    "Deleted 实绩 (pk=None)"."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value in (None, ""):
            return "（空）"
        if isinstance(value, bool):
            return "是" if value else "否"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if field.is_relation and getattr(value, "pk", "") is None:
            return "（空）"
        return super().prepare_delta_change_value(change, value)


def region_of(obj, path: str) -> Region | None:
    """Follows `path` (like "commitment__region") from an object to its Region."""
    if path == "":
        return obj.parent if obj.pk is None else obj
    for name in path.split("__"):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


SCOPED_PATHS = {Region: "", Report: "region", Commitment: "region", Section: "report__region", Outcome: "region"}
