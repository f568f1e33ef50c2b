"""What the public pages read: hidden commitments never leave this module's querysets.

Every function returns a queryset (or a list built from a fixed number of queries), with the related rows
its templates show already joined, so a page's query count does not depend on its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value

from commitments.models import Commitment, Outcome, ProgressUpdate, Region, Report, Verification

HistoricalCommitment = Commitment.history.model


def commitments() -> QuerySet:
    """Public commitments with what a list row shows."""
    return Commitment.objects.public().select_related("region__parent", "indicator")


def accepted_verifications() -> Prefetch:
    """The accepted verdicts of each commitment, as `commitment.accepted` (a list)."""
    return Prefetch(
        "verifications",
        queryset=Verification.objects.filter(state=Verification.State.ACCEPTED)
        .select_related("outcome", "source")
        .defer("source__text"),
        to_attr="accepted",
    )


def region_years(region: Region) -> list[int]:
    """Years with public commitments or a work report, newest first."""
    years = set(Commitment.objects.public().filter(region=region).order_by().values_list("year", flat=True).distinct())
    years |= set(Report.objects.work_reports().filter(region=region).values_list("plan_year", flat=True))
    return sorted((y for y in years if y), reverse=True)


def headline_targets(report: Report | None) -> list[Commitment]:
    """The report's 主要预期目标, each with `last_actual` (last year's outcome from the same report's review
    part, linked at import), `ambition` (target against it, in percent) and `accepted` (confirmed verdicts)."""
    if report is None:
        return []
    targets = list(
        commitments()
        .filter(report=report, is_headline=True)
        .select_related("baseline_outcome")
        .prefetch_related(accepted_verifications())
        .order_by("start")
    )
    for c in targets:
        c.last_actual = c.baseline_outcome
        c.ambition = c.ambition()
    return targets


def status_changes(*, region_ids: list[int] | None = None) -> QuerySet:
    """Every change of a public commitment's status, newest first, from the audit history.

    Each row is a historical record whose status differs from the record before it (`prev_status`);
    `note` is the note of the progress update that set that status, when there is one.
    """
    previous = HistoricalCommitment.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
    update_note = ProgressUpdate.objects.filter(
        commitment_id=OuterRef("id"),
        status=OuterRef("status"),
        created_at__lte=OuterRef("history_date") + timedelta(minutes=5),
    ).order_by("-created_at")
    # EXISTS rather than IN: the rows are then read newest first off the history_date index, and a page of
    # changes stops after its rows instead of sorting the whole history (0.8 s at 300,000 commitments).
    rows = HistoricalCommitment.objects.filter(
        Exists(Commitment.objects.public().filter(pk=OuterRef("id"))), history_type="~"
    ).annotate(
        prev_status=Subquery(previous.order_by("-history_date").values("status")[:1]),
        note=Subquery(update_note.values("note")[:1]),
    )
    if region_ids is not None:
        rows = rows.filter(region_id__in=region_ids)
    return (
        rows.filter(~Q(prev_status=F("status")))
        .select_related("region__parent", "history_user")
        .order_by("-history_date", "-history_id")
    )


def timeline(item: Commitment) -> QuerySet:
    return item.updates.select_related("author", "source_outcome").order_by("-date", "-created_at")


def same_indicator(item: Commitment) -> QuerySet:
    """The indicator's public commitments in other regions and years."""
    if item.indicator_id is None:
        return Commitment.objects.none()
    return commitments().filter(indicator_id=item.indicator_id).exclude(pk=item.pk).order_by("-year", "region__slug")


def indicator_years(indicator, wanted: str | None = None) -> tuple[list[int], int | None]:
    """The years with public targets or outcomes of the indicator (newest first), and the year to show:
    `wanted` when it is one of them, else the latest year with both a target and an outcome (a comparison
    of target and actual), else the latest. One query: at national scale one year is ~300 regions."""
    targets = Commitment.objects.public().filter(indicator=indicator).order_by().values("year").annotate(t=Value(1))
    actuals = Outcome.objects.filter(indicator=indicator).order_by().values("year").annotate(t=Value(2))
    kinds: dict[int, int] = {}
    for row in targets.union(actuals):
        kinds[row["year"]] = kinds.get(row["year"], 0) | row["t"]
    years = sorted(kinds, reverse=True)
    if wanted and wanted.isascii() and wanted.isdigit() and int(wanted) in kinds:
        return years, int(wanted)
    return years, next((y for y in years if kinds[y] == 3), years[0] if years else None)


def indicator_rows(indicator, *, year: int | None) -> tuple[list[Commitment], list[Outcome]]:
    """The indicator's public targets and its outcomes in one year (none when there is no year)."""
    targets = list(
        commitments()
        .filter(indicator=indicator, year=year)
        .prefetch_related(accepted_verifications())
        .order_by("region__slug", "start")
    )
    outcomes = list(
        Outcome.objects.filter(indicator=indicator, year=year)
        .select_related("region__parent", "report")
        .defer("report__text")
        .order_by("region__slug", "start")
    )
    return targets, outcomes


def report_pieces(report: Report) -> list[dict]:
    """The report text cut into plain runs and marked spans (public commitments, outcomes, part starts).

    Spans that overlap one already placed are left unmarked rather than nested.
    """
    spans = [
        (c.start, c.end, "commitment", c.pk)
        for c in report.commitments.public().filter(start__isnull=False).only("pk", "start", "end")
    ]
    spans += [(o.start, o.end, "outcome", o.pk) for o in report.outcomes.only("pk", "start", "end")]
    spans += [(p.start, p.start, "part", p.pk) for p in report.parts.only("pk", "start")]
    text, pieces, cursor = report.text, [], 0
    for start, end, kind, pk in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor:
            continue
        if start > cursor:
            pieces.append({"kind": "text", "text": text[cursor:start]})
        if kind == "part":
            pieces.append({"kind": "text", "text": "", "anchor": True, "start": start})
            cursor = start
            continue
        pieces.append({"kind": kind, "text": text[start:end], "start": start, "pk": pk})
        cursor = end
    pieces.append({"kind": "text", "text": text[cursor:]})
    return pieces


@dataclass(frozen=True)
class Checkability:
    """What a single report already says, before any result is in: how much of it one can check at all, and
    how many of its targets are set below what was already achieved the year before."""

    targets: int
    milestones: int
    vague: int
    below_last_year: list

    @property
    def checkable_share(self) -> int | None:
        total = self.targets + self.milestones + self.vague
        return round((self.targets + self.milestones) / total * 100) if total else None


#: a higher-is-better target set below last year's actual (the ratio target / actual under 1)
BELOW_LAST_YEAR = Q(ambition_ratio__lt=1) & ~Q(indicator__direction="lower")


def checkability(report: Report | None) -> Checkability | None:
    """The year's own commitments of a report (not its five-year goals) and its vague work, counted."""
    if report is None:
        return None
    own = commitments().filter(report=report, horizon__isnull=True)
    counts = dict(own.order_by().values_list("kind").annotate(n=Count("id")))
    below = list(own.filter(BELOW_LAST_YEAR).select_related("baseline_outcome", "indicator").order_by("ambition_ratio"))
    for c in below:
        c.ambition = c.ambition()
    return Checkability(
        targets=counts.get(Commitment.Kind.TARGET, 0),
        milestones=counts.get(Commitment.Kind.MILESTONE, 0),
        vague=report.vague_work,
        below_last_year=below,
    )


def checkability_of_latest(latest: dict[int, int]) -> dict | None:
    """The same figures over the latest report of each region (region id -> its latest year), for the home page."""
    if not latest:
        return None
    which = Q()
    for region_id, year in latest.items():
        which |= Q(region_id=region_id, plan_year=year)
    reports = Report.objects.work_reports().filter(which).order_by()
    own = Commitment.objects.public().filter(report__in=reports, horizon__isnull=True).order_by()
    figures = own.aggregate(
        targets=Count("pk", filter=Q(kind=Commitment.Kind.TARGET)),
        milestones=Count("pk", filter=Q(kind=Commitment.Kind.MILESTONE)),
        below=Count("pk", filter=BELOW_LAST_YEAR),
        reports=Count("report", distinct=True),
    )
    figures["vague"] = sum(reports.values_list("vague_work", flat=True))
    return figures
