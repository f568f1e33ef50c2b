"""Progress updates drive a commitment's status; the lag light reads the latest value reached."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery

from commitments.models import Commitment, Indicator, ProgressUpdate
from commitments.staff.lag import LagResult, Light, lag_light
from commitments.status import Status

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


def latest_update(commitment: Commitment) -> ProgressUpdate | None:
    return commitment.latest_update()


def sync_status(*, commitment_id: int, reason: str) -> bool:
    """The commitment follows its latest update (Commitment.follow_latest_update); True when it changed."""
    return Commitment.objects.get(pk=commitment_id).follow_latest_update(reason=reason)


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
