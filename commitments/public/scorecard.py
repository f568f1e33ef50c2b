"""Counting commitments by status: the one-line scorecards of the public pages.

Each function runs one GROUP BY query, whatever the number of commitments, so that a page's query count
does not grow with its data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from commitments.models import Category
from commitments.status import GROUP_LABELS, Status

#: the order of the four buckets in every bar and table
GROUPS = ("kept", "progress", "not_started", "missed", "pending")


@dataclass
class Scorecard:
    """Counts of commitments by status, and by the four buckets a reader cares about."""

    counts: dict[str, int] = field(default_factory=dict)
    label: str = ""

    def add(self, status: str, n: int) -> None:
        self.counts[status] = self.counts.get(status, 0) + n

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def groups(self) -> list[tuple[str, str, int]]:
        """(group, label, count) in the fixed order kept, in progress, not started, missed, not yet assessable."""
        sums = dict.fromkeys(GROUPS, 0)
        for status, n in self.counts.items():
            sums[Status(status).group] += n
        return [(g, GROUP_LABELS[g], sums[g]) for g in GROUPS]

    @property
    def statuses(self) -> list[tuple[Status, int]]:
        """(status, count) for every status present, in the vocabulary's order."""
        return [(s, self.counts[s.value]) for s in Status if self.counts.get(s.value)]

    def group_count(self, group: str) -> int:
        return next(n for g, _, n in self.groups if g == group)


def scorecard(queryset: QuerySet, *, label: str = "") -> Scorecard:
    card = Scorecard(label=label)
    for row in queryset.order_by().values("status").annotate(n=Count("id")):
        card.add(row["status"], row["n"])
    return card


def by_category(queryset: QuerySet) -> list[Scorecard]:
    """One scorecard per category present, in the order of the Category vocabulary."""
    cards: dict[str, Scorecard] = {}
    for row in queryset.order_by().values("category", "status").annotate(n=Count("id")):
        cards.setdefault(row["category"], Scorecard(label=row["category"])).add(row["status"], row["n"])
    order = {value: i for i, value in enumerate(Category.values)}
    return sorted(cards.values(), key=lambda card: order.get(card.label, len(order)))


def latest_by_region(queryset: QuerySet) -> dict[int, tuple[int, Scorecard]]:
    """region id -> (its latest year, that year's scorecard)."""
    rows = defaultdict(lambda: defaultdict(Scorecard))
    for row in queryset.order_by().values("region_id", "year", "status").annotate(n=Count("id")):
        rows[row["region_id"]][row["year"]].add(row["status"], row["n"])
    result = {}
    for region_id, years in rows.items():
        year = max(years)
        result[region_id] = (year, years[year])
    return result
