"""Atom feeds of public status changes, overall and per region (a city's feed includes its districts)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from commitments.models import Region
from commitments.public import queries
from commitments.status import Status

FEED_LENGTH = 50


class StatusChanges(Feed):
    feed_type = Atom1Feed
    title = "政府工作报告承诺追踪：进展状态变化"
    subtitle = "每条公开承诺的进展状态变化，最新的在前。"

    def link(self):
        return reverse("commitments:methodology") + "#corrections"

    def items(self):
        return queries.status_changes()[:FEED_LENGTH]

    def item_title(self, item):
        before = Status(item.prev_status).label if item.prev_status else "—"
        return f"{item.region.full_name}：{before} → {Status(item.status).label}｜{item.quote[:40]}"

    def item_description(self, item):
        reason = item.history_change_reason or item.note or "（未填写原因）"
        return f"{item.quote}\n\n原因：{reason}"

    def item_link(self, item):
        return reverse("commitments:commitment", args=[item.id])

    def item_guid(self, item):
        return f"status-change-{item.history_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.history_date

    def item_updateddate(self, item):
        return item.history_date


class RegionStatusChanges(StatusChanges):
    def get_object(self, request, slug):
        return get_object_or_404(Region.objects.select_related("parent"), slug=slug, published=True)

    def title(self, obj):
        return f"{obj.full_name}：承诺进展状态变化"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        ids = [obj.pk, *obj.children.values_list("pk", flat=True)]
        return queries.status_changes(region_ids=ids)[:FEED_LENGTH]
