"""Uploaded files: type and size limits, a safe place for a file between preview and confirm, and the
preview and confirm themselves, for a 政府工作报告 and for an evidence document (统计公报, news …).

A report PDF can be several MB, too big for the session, so the bytes wait in a private folder under
DATA_DIR (never served) in a file named by a random token; the browser only holds that token, signed
together with the user's id so nobody can confirm another person's upload. Files are removed on confirm,
on cancel, and after a day by the sweep that runs on every new upload.

The preview is the import itself run as a dry run (everything stored, then rolled back), so what staff see
is exactly what confirm will store, including the verdicts an evidence document would propose.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from commitments import access
from commitments.ingest import undo
from commitments.ingest.evidence import EvidenceResult, import_evidence
from commitments.ingest.reports import (
    NEEDS_REGION,
    NEEDS_REVISE,
    NEEDS_YEAR,
    NO_PLAN,
    ImportRefused,
    ImportResult,
    import_report,
)
from commitments.models import COUNTY_LEVELS, Region, Report

SALT = "commitments.staff.upload"
MAX_AGE_SECONDS = 3600
KEEP_SECONDS = 24 * 3600

# Extension -> magic bytes the file must start with (None: plain text, checked by decoding later).
REPORT_TYPES = {".txt": None, ".docx": b"PK\x03\x04", ".pdf": b"%PDF-"}
EVIDENCE_TYPES = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".txt": None,
}


def max_report_bytes() -> int:
    return settings.MAX_UPLOAD_BYTES


def max_evidence_bytes() -> int:
    return getattr(settings, "MAX_EVIDENCE_BYTES", 10 * 1024 * 1024)


def check_file(upload, *, types: dict[str, bytes | None], max_bytes: int) -> None:
    """Refuses a file of the wrong type or size with a message that says what is allowed."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    allowed = "、".join(types)
    if suffix not in types:
        hint = "（旧版 Word 文件请另存为 .docx）" if suffix == ".doc" else ""
        raise ValidationError(f"不支持 {suffix or '无扩展名'} 文件，只接受 {allowed}。{hint}", code="type")
    if upload.size > max_bytes:
        raise ValidationError(
            f"文件过大（{filesizeformat(upload.size)}），上限为 {filesizeformat(max_bytes)}。", code="size"
        )
    if upload.size == 0:
        raise ValidationError("文件是空的。", code="empty")
    magic = types[suffix]
    if magic is not None:
        upload.seek(0)
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise ValidationError(f"文件内容与扩展名 {suffix} 不符，可能已损坏或被改名。", code="content")


@dataclass(frozen=True)
class Stashed:
    path: Path
    filename: str
    region_id: int | None
    year: int | None
    kind: str = Report.Kind.WORK_REPORT
    delivered_on: date | None = None
    revise: bool = False

    def read(self) -> bytes:
        return self.path.read_bytes()

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def _folder() -> Path:
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stash(
    *,
    data: bytes,
    filename: str,
    user,
    region_id: int | None = None,
    year: int | None = None,
    kind: str = Report.Kind.WORK_REPORT,
    delivered_on: date | None = None,
    revise: bool = False,
) -> str:
    """Keeps the bytes until the user confirms or cancels; returns a signed token naming them and the choices."""
    sweep()
    key = secrets.token_hex(16)
    (_folder() / key).write_bytes(data)
    payload = {"k": key, "n": filename, "u": user.pk, "r": region_id, "y": year, "t": kind, "v": revise}
    payload["d"] = delivered_on.isoformat() if delivered_on else None
    return signing.dumps(payload, salt=SALT)


def unstash(token: str, *, user) -> Stashed | None:
    """The stashed upload of this user, or None when the token is forged, expired, or already used."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if payload.get("u") != user.pk:
        return None
    path = _folder() / payload["k"]
    if not path.is_file():
        return None
    return Stashed(
        path=path,
        filename=payload["n"],
        region_id=payload.get("r"),
        year=payload.get("y"),
        kind=payload.get("t") or Report.Kind.WORK_REPORT,
        delivered_on=date.fromisoformat(payload["d"]) if payload.get("d") else None,
        revise=bool(payload.get("v")),
    )


def sweep() -> None:
    """Removes uploads nobody confirmed or cancelled within a day."""
    cutoff = time.time() - KEEP_SECONDS
    for path in _folder().iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


# Preview and confirm -------------------------------------------------------------------------------------

PREVIEW_ITEMS = 8


#: what the upload form offers for each refusal it can resolve (the command offers options: see import_report)
HOW_TO_RESOLVE = {
    NEEDS_REGION: "请在“地区”中选择后重新预览。",
    NEEDS_YEAR: "请填写“年度”后重新预览。",
    NEEDS_REVISE: "如为修订版，请勾选“这是已导入报告的修订版”后重新预览：人工修改与进展会保留，并列出变化。",
    NO_PLAN: "如果这是统计公报、计划执行情况报告或新闻报道，请在“文件类型”中选择相应类型。",
}


@dataclass
class Preview:
    """What the preview page shows; `token` is empty when there is nothing the user may confirm."""

    result: ImportResult
    kind: str
    allowed: bool
    token: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    first_commitments: list = field(default_factory=list)
    first_outcomes: list = field(default_factory=list)
    first_proposals: list = field(default_factory=list)
    proposals_by_verdict: list[tuple[str, int]] = field(default_factory=list)
    queue_url: str = ""  # the review queue of a document already imported


def preview(
    *,
    user,
    data: bytes,
    filename: str,
    kind: str,
    region: Region | None,
    year: int | None,
    delivered_on: date | None = None,
    revise: bool = False,
) -> Preview:
    """Runs the import as a dry run and says what confirm would store; raises ImportRefused with the reason."""
    if kind == Report.Kind.WORK_REPORT:
        return _preview_report(user=user, data=data, filename=filename, region=region, year=year, revise=revise)
    if not access.may_work_on(user, region):
        # The form offers only granted regions; this guards a crafted request all the same.
        raise ImportRefused(f"您没有“{region}”的权限，不能为该地区导入文件。")
    result = import_evidence(
        data=data,
        filename=filename,
        region=region,
        year=year,
        kind=kind,
        delivered_on=delivered_on,
        dry_run=True,
        user=user,
    )
    shown = Preview(result=result, kind=kind, allowed=True, warnings=list(result.warnings))
    if not result.created:
        shown.queue_url = queue_url(result.report)
        return shown
    shown.token = stash(
        data=data, filename=filename, user=user, region_id=region.pk, year=year, kind=kind, delivered_on=delivered_on
    )
    shown.facts = _evidence_facts(result)
    shown.first_outcomes = result.extraction.outcomes[:PREVIEW_ITEMS]
    shown.first_proposals = result.proposals[:PREVIEW_ITEMS]
    shown.proposals_by_verdict = result.proposals_by_verdict()
    return shown


def confirm(*, user, stashed: Stashed) -> ImportResult:
    """Stores the previewed file for real (the caller discards the stashed bytes); ImportRefused says why not."""
    region = Region.objects.filter(pk=stashed.region_id).select_related("parent").first()
    if stashed.kind == Report.Kind.WORK_REPORT:
        return _import_report_if_allowed(user, data=stashed.read(), stashed=stashed, region=region)
    if region is None or not access.may_work_on(user, region):
        raise ImportRefused(f"您没有“{region or '该地区'}”的权限，不能为该地区导入文件。")
    return import_evidence(
        data=stashed.read(),
        filename=stashed.filename,
        region=region,
        year=stashed.year,
        kind=stashed.kind,
        delivered_on=stashed.delivered_on,
        user=user,
    )


def queue_url(report: Report) -> str:
    """The review queue of the proposals this document made."""
    return f"{reverse('admin:commitments_verification_changelist')}?source__id__exact={report.pk}"


def next_url(result: ImportResult) -> str:
    """Where to go after confirm: an evidence document's proposals, else the stored document."""
    if isinstance(result, EvidenceResult) and result.proposals:
        return queue_url(result.report)
    return reverse("admin:commitments_report_change", args=[result.report.pk])


def _evidence_facts(result: EvidenceResult) -> list[tuple[str, str]]:
    report = result.report
    return [
        ("文件类型", Report.Kind(result.kind).label),
        ("标题", report.title),
        ("地区", result.region),
        ("报告年度", str(result.review_year)),
        ("日期", report.delivered_on.isoformat() if report.delivered_on else "未识别"),
        ("实绩", str(result.counts.get("outcomes", 0))),
        ("该年度可核对的承诺", str(result.checkable)),
        ("将提出核对建议", str(len(result.proposals))),
    ]


# A 政府工作报告: region and years come from the text, so access is checked on what the import found.


def _region_of(result: ImportResult) -> Region | None:
    return result.report.region if result.report is not None else None


def _allowed(user, result: ImportResult) -> bool:
    try:
        return access.may_work_on(user, _region_of(result))
    except Region.DoesNotExist:
        # A region created only inside the dry run's rolled-back transaction, under a parent that was too.
        return user.is_superuser


def _preview_report(
    *, user, data: bytes, filename: str, region: Region | None, year: int | None, revise: bool
) -> Preview:
    try:
        result = import_report(
            data=data,
            filename=filename,
            region=region.full_name if region else None,
            year=year,
            dry_run=True,
            user=user,
            revise=revise,
        )
    except ImportRefused as exc:
        raise ImportRefused(f"{exc}{HOW_TO_RESOLVE.get(exc.code, '')}", code=exc.code) from exc
    allowed = _allowed(user, result)
    shown = Preview(result=result, kind=Report.Kind.WORK_REPORT, allowed=allowed)
    if result.created and allowed:
        shown.token = stash(
            data=data, filename=filename, user=user, region_id=region.pk if region else None, year=year, revise=revise
        )
    shown.facts = _report_facts(result)
    shown.warnings = _report_warnings(result, region_chosen=region)
    if result.revision:
        shown.warnings = [f"修订版：{line}" for line in result.revision.lines()] + shown.warnings
    if result.extraction:
        shown.first_commitments = result.extraction.commitments[:PREVIEW_ITEMS]
        shown.first_outcomes = result.extraction.outcomes[:PREVIEW_ITEMS]
    return shown


def _import_report_if_allowed(user, *, data: bytes, stashed: Stashed, region: Region | None) -> ImportResult:
    """Imports for real, then checks the region against the user's grants; a refusal takes it all back."""
    with undo.atomic() as work:
        result = import_report(
            data=data,
            filename=stashed.filename,
            region=region.full_name if region else None,
            year=stashed.year,
            user=user,
            revise=stashed.revise,
        )
        if not _allowed(user, result):
            work.undo()
    if work.undone:
        if result.created:
            result.report.source_file.delete(save=False)  # the database is taken back, the file is not
        raise ImportRefused(f"您没有 {_region_of(result)} 的权限，不能导入该地区的报告。")
    return result


def _report_facts(result: ImportResult) -> list[tuple[str, str]]:
    extraction = result.extraction
    level = (extraction.level if extraction else None) or (
        result.report.region.get_level_display() if result.report else ""
    )
    counts = result.counts
    return [
        ("文件类型", Report.Kind.WORK_REPORT.label),
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


def _report_warnings(result: ImportResult, *, region_chosen: Region | None) -> list[str]:
    warnings = list(result.warnings)
    extraction = result.extraction
    if extraction is None:
        return warnings
    kinds = {part.kind for part in extraction.parts}
    if "plan" not in kinds:
        warnings.append("未找到计划部分：无法抽取承诺。")
    if "review" not in kinds:
        warnings.append("未找到回顾部分：不会抽取上年实绩。")
    for new in result.new_regions:
        above = f"（上级：{new.parent.name}）" if new.parent_id else ""
        warnings.append(
            f"将新建地区“{new.name}”{above}，区划代码 {new.code}；新建的地区经工作人员在“行政区划”中核实后才公开。"
        )
    if not extraction.region:
        chosen = f"，将使用您选择的“{region_chosen.full_name}”" if region_chosen else ""
        warnings.append(f"未识别出地区{chosen}。")
    elif region_chosen and region_chosen.code != extraction.region_code and region_chosen.name != extraction.region:
        county = extraction.level in COUNTY_LEVELS and extraction.parent_region
        read = f"{extraction.parent_region}{extraction.region}" if county else extraction.region
        warnings.append(
            f"文件中识别出的地区是“{read}”，与您选择的“{region_chosen.full_name}”不同；将按您的选择导入，请确认。"
        )
    if not extraction.commitments:
        warnings.append("未抽取到任何承诺，请确认文件内容。")
    return warnings
