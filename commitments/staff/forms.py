"""Staff forms: report upload, progress updates with their rules, and the commitment form with its lock."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from commitments.models import Commitment, ProgressUpdate, Region, Report
from commitments.reading import divisions
from commitments.staff import uploads
from commitments.staff.progress import NEEDS_EVIDENCE, NEEDS_REASON, REASONS
from commitments.status import Status


class UploadReportForm(forms.Form):
    """A 政府工作报告 (region and year read from the text) or an evidence document (region and year chosen)."""

    kind = forms.TypedChoiceField(
        label="文件类型",
        choices=Report.Kind.choices,
        required=False,
        empty_value=Report.Kind.WORK_REPORT,
        help_text="统计公报、计划执行情况报告、新闻报道（进展通报也选此项）用于核对该地区该年度的承诺。",
    )
    file = forms.FileField(label="文件", help_text="支持 .txt（UTF-8 或 GB18030/GBK）、.docx、.pdf。")
    region = forms.ModelChoiceField(
        label="地区",
        queryset=Region.objects.none(),
        required=False,
        help_text="政府工作报告：仅在系统未能从文本中识别地区时选择；其他文件：必选。",
        error_messages={"invalid_choice": "您没有该地区的权限，或该地区不存在。"},
    )
    year = forms.IntegerField(
        label="年度",
        min_value=2000,
        max_value=2100,
        required=False,
        help_text="政府工作报告：计划年度，仅在未能识别时填写；其他文件：必填，文件所报告的年度"
        "（如 2024 年统计公报填 2024）。",
    )
    revise = forms.BooleanField(
        label="这是已导入报告的修订版",
        required=False,
        help_text="同一地区同一年度已导入过另一份报告时勾选：按新文本重新抽取，保留人工修改、进展和隐藏设置，并列出变化。",
    )
    delivered_on = forms.DateField(
        label="文件日期（可选）",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="仅用于其他文件；不填则从文本识别（如公报落款日期）。",
    )

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions.select_related("parent")
        self.fields["file"].help_text += f"大小上限 {uploads.max_report_bytes() // (1024 * 1024)} MB。"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_file(upload, types=uploads.REPORT_TYPES, max_bytes=uploads.max_report_bytes())
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != Report.Kind.WORK_REPORT:
            # Evidence rarely names its year and region the way a report does: staff say what it reports on.
            for name, ask in (("region", "请选择地区"), ("year", "请填写文件所报告的年度")):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, f"上传统计公报等其他文件时，{ask}。")
        return cleaned


class ProgressUpdateForm(forms.ModelForm):
    """Used by the inline on a commitment and by the progress admin: the same rules in both places."""

    reason = forms.ChoiceField(
        label="调整/未完成原因",
        choices=[("", "—")] + [(r, r) for r in REASONS],
        required=False,
        help_text="状态为“未完成”或“已调整”时必选，并在说明中写明具体情况。",
    )

    class Meta:
        model = ProgressUpdate
        fields = ["date", "status", "value_reached", "note", "reason", "evidence_url", "evidence_file"]
        help_texts = {"value_reached": "与承诺目标同一单位；用于序时进度灯。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "evidence_file" in self.fields:  # the limit the check below applies, as set for this site
            limit = uploads.max_evidence_bytes() / 1024 / 1024
            self.fields["evidence_file"].help_text = f"PDF、Word、Excel、图片或文本，{limit:g} MB 以内。"

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        # Only a newly attached file is checked; one already stored passed these checks when it came in.
        if upload and hasattr(upload, "content_type"):
            uploads.check_file(upload, types=uploads.EVIDENCE_TYPES, max_bytes=uploads.max_evidence_bytes())
        return upload

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status in NEEDS_REASON:
            if not data.get("reason"):
                self.add_error("reason", f"状态为“{Status(status).label}”时，请从列表中选择原因。")
            if not (data.get("note") or "").strip():
                self.add_error("note", f"状态为“{Status(status).label}”时，请在说明中写明具体情况。")
        # An update made from a next-year report's outcome has that quote as its evidence.
        has_evidence = data.get("evidence_url") or data.get("evidence_file") or self.instance.source_outcome_id
        if status in NEEDS_EVIDENCE and not has_evidence:
            raise ValidationError(f"标记为“{Status(status).label}”需要证据：请填写证据链接或上传证据文件。")
        return data


class CommitmentAdminForm(forms.ModelForm):
    """The change form of a commitment, with the version seen when it was opened (optimistic locking)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        label="修改原因",
        max_length=100,
        required=False,
        help_text="记入修改历史；留空时自动记为“修改：字段名”。",
    )

    class Meta:
        model = Commitment
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
            if "section" in self.fields:  # a commitment's section is one of its own report's
                self.fields["section"].queryset = self.instance.report.sections.all()

    def clean(self):
        data = super().clean()
        seen = data.get("seen_version")
        if self.instance.pk and seen is not None:
            current = Commitment.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and current != seen:
                raise ValidationError(stale_message(self.instance.pk), code="stale")
        return data

    def history_reason(self) -> str:
        reason = (self.cleaned_data.get("change_reason") or "").strip()
        return reason or _changed_fields(self, "修改：")


def _changed_fields(form: forms.ModelForm, lead: str) -> str:
    """修改：牵头单位、类别 — the history reason of an edit without a typed one (within its 100 characters)."""
    changed = [str(form.fields[n].label) for n in form.changed_data if n not in {"seen_version", "change_reason"}]
    return (lead + "、".join(changed))[:100] if changed else ""


def stale_message(pk: int) -> str:
    """Says who changed the commitment meanwhile, so the staff member knows whom to ask."""
    latest = Commitment.history.filter(id=pk).select_related("history_user").first()
    who = "他人"
    if latest and latest.history_user:
        who = f"{latest.history_user} 于 {timezone.localtime(latest.history_date):%Y-%m-%d %H:%M} "
    return (
        f"保存失败：这条承诺在您打开之后已被{who}修改。为避免覆盖对方的修改，您的修改没有保存。"
        "请重新打开本页，查看最新内容后再修改。"
    )


class RegionForm(forms.ModelForm):
    """A new region is named by its official division code alone; the national table gives the rest."""

    class Meta:
        model = Region
        fields = ["code", "published"]
        help_texts = {"code": "民政部六位行政区划代码，如 371400（德州市）；名称、级别和上级由全国区划表确定。"}

    def clean_code(self):
        code = (self.cleaned_data.get("code") or "").strip()
        if self.instance.pk:
            return self.instance.code
        if not code:
            raise forms.ValidationError("请填写行政区划代码。")
        if code != divisions.NATIONAL_CODE and divisions.get(code) is None:
            raise forms.ValidationError(f"全国行政区划表中没有代码 {code}。")
        if Region.objects.filter(code=code).exists():
            raise forms.ValidationError(f"代码 {code} 的地区已存在。")
        return code


class CommitmentListForm(forms.ModelForm):
    """One row of the commitment list's inline edit, with the version the row had when the list was shown."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Commitment
        fields = ["lead_department"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        editable = [name for name in self.fields if name != "seen_version"]
        if self.instance.pk and editable:
            # the admin's list renders only the edited cells: the version rides along in the first of them
            self.fields[editable[0]].widget = _WithVersion(
                name=self.add_prefix("seen_version"),
                version=self.instance.version,
                widget=self.fields[editable[0]].widget,
            )

    def history_reason(self) -> str:
        return _changed_fields(self, "批量修改：")


class _WithVersion(forms.Widget):
    """The field's own widget, followed by the row's version as a hidden input."""

    def __init__(self, *, name: str, version: int, widget: forms.Widget):
        super().__init__()
        self.version_name, self.version, self.inner = name, version, widget

    def render(self, name, value, attrs=None, renderer=None):
        hidden = forms.HiddenInput().render(self.version_name, self.version)
        return self.inner.render(name, value, attrs, renderer) + hidden

    def value_from_datadict(self, data, files, name):
        return self.inner.value_from_datadict(data, files, name)
