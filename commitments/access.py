"""Who may work on which region: the one place the rule lives.

A staff member is granted regions; a grant of a city covers its districts, a grant of a district
covers only that district. Superusers see everything.
"""

from django.db.models import Q, QuerySet

from .models import Region, RegionGrant


def region_ids_for(user) -> set[int] | None:
    """Ids of the regions a user may work on; None means all (a superuser)."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cached = getattr(user, "_region_ids", None)
    if cached is None:
        granted = set(RegionGrant.objects.filter(user=user).values_list("region_id", flat=True))
        children = set(Region.objects.filter(parent_id__in=granted).values_list("id", flat=True))
        cached = user._region_ids = granted | children
    return cached


def scope(queryset: QuerySet, user, *, field: str = "region") -> QuerySet:
    """Limits a queryset to the rows the user may work on; `field` is the path to the Region."""
    ids = region_ids_for(user)
    if ids is None:
        return queryset
    lookup = "id__in" if field == "" else f"{field}__in"
    return queryset.filter(Q(**{lookup: ids}))


def may_work_on(user, region: Region) -> bool:
    ids = region_ids_for(user)
    return ids is None or region.pk in ids
