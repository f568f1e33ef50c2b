"""Progress updates drive a commitment's status; the lag light reads the latest value reached."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery

from ..lag import LagResult, Light, lag_light
from ..models import Commitment, Indicator, ProgressUpdate
from ..status import Status

# Statuses that need a reason from this short list plus a sentence of explanation.
NEEDS_REASON = {Status.MISSED, Status.ADJUSTED}
# Statuses that need evidence (a link or a file).
NEEDS_EVIDENCE = {Status.DONE, Status.EXCEEDED}
REASONS = [
    "上级政策或规划调整",
    "经人大或政府会议调整",
    "资金或要素保障不足",
    "外部条件变化",
    "项目前期手续未完成",
    "其他",
]
HISTORY_REASON_MAX = 100  # simple_history's history_change_reason is a CharField(100)


def latest_update(commitment: Commitment) -> ProgressUpdate | None:
    return commitment.updates.order_by("-date", "-created_at", "-pk").first()


def update_reason(update: ProgressUpdate) -> str:
    """The history reason of a status change made by an update: what, when, and why."""
    text = f"进展 {update.date:%Y-%m-%d}：{Status(update.status).label}"
    if update.reason:
        text += f"（{update.reason}）"
    if update.note:
        text += f" {update.note}"
    return text[:HISTORY_REASON_MAX]


def sync_status(*, commitment_id: int, reason: str) -> bool:
    """Sets the commitment's status to its latest update's, kept in its history; True when it changed.

    The version goes up too, so a colleague editing the commitment at the same time is told to reload
    instead of saving over the new status.
    """
    with transaction.atomic():
        commitment = Commitment.objects.select_for_update().get(pk=commitment_id)
        latest = latest_update(commitment)
        if latest is None or latest.status == commitment.status:
            return False
        commitment.status = latest.status
        commitment.version += 1
        commitment._change_reason = reason[:HISTORY_REASON_MAX]
        commitment.save(update_fields=["status", "version", "updated_at"])
        return True


def with_latest_value(queryset: QuerySet) -> QuerySet:
    """Annotates each commitment with the value reached in its latest update that gives one."""
    latest = (
        ProgressUpdate.objects.filter(commitment=OuterRef("pk"), value_reached__isnull=False)
        .order_by("-date", "-created_at", "-pk")
        .values("value_reached")[:1]
    )
    return queryset.annotate(latest_value=Subquery(latest))


def light_of(commitment: Commitment, *, today: date) -> LagResult | None:
    """The lag light of a commitment annotated by with_latest_value (None: nothing to compare)."""
    if commitment.kind != Commitment.Kind.TARGET:
        return None
    lower = commitment.indicator_id is not None and commitment.indicator.direction == Indicator.Direction.LOWER
    return lag_light(
        target=commitment.value,
        reached=getattr(commitment, "latest_value", None),
        unit=commitment.unit,
        year=commitment.year,
        today=today,
        due_date=commitment.due_date,
        lower_is_better=lower,
    )


@dataclass
class LagRow:
    commitment: Commitment
    result: LagResult | None

    @property
    def light(self) -> str:
        return self.result.light.value if self.result else "none"


LIGHT_ORDER = [Light.RED.value, Light.YELLOW.value, Light.GREEN.value, "none"]
NO_LIGHT_LABEL = "无灯：缺少目标值或进展值"


def lag_rows(queryset: QuerySet, *, today: date) -> list[LagRow]:
    """Quantitative commitments with their lights, reddest first."""
    items = with_latest_value(queryset.filter(kind=Commitment.Kind.TARGET)).select_related(
        "region", "region__parent", "indicator"
    )
    rows = [LagRow(commitment=c, result=light_of(c, today=today)) for c in items]
    rows.sort(key=lambda row: (LIGHT_ORDER.index(row.light), row.commitment.lead_department, row.commitment.pk))
    return rows


def by_department(rows: list[LagRow]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Counts of each light (in LIGHT_ORDER) per 牵头单位, the most red first, unassigned last."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row.commitment.lead_department or ""][row.light] += 1
    ordered = sorted(counts, key=lambda name: (name == "", -counts[name][Light.RED.value], name))
    return [(name, [(light, counts[name][light]) for light in LIGHT_ORDER]) for name in ordered]
