"""Who may work on which region: the one place the rule lives.

A staff member is granted regions; a grant of a city covers its districts (and a grant of a province its
cities and their districts), a grant of a district covers only that district. Superusers see everything.
Every staff view, admin list, form choice, action, autocomplete and export goes through these functions.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from commitments.models import Region, RegionGrant


def granted_ids(user) -> set[int] | None:
    """Ids of the regions granted to a user directly; None means all (a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cached = getattr(user, "_granted_region_ids", None)
    if cached is None:
        cached = user._granted_region_ids = set(
            RegionGrant.objects.filter(user=user).values_list("region_id", flat=True)
        )
    return cached


def region_ids_for(user) -> set[int] | None:
    """Ids of the regions a user may work on (grants and everything below them); None means all."""
    granted = granted_ids(user)
    if granted is None:
        return None
    cached = getattr(user, "_region_ids", None)
    if cached is None:
        cached, frontier = set(granted), set(granted)
        # Regions are at most three levels deep (省 > 市 > 区), so this loop runs at most three times.
        while frontier:
            frontier = set(Region.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - cached
            cached |= frontier
        user._region_ids = cached
    return cached


def scope(queryset: QuerySet, user, *, field: str = "region") -> QuerySet:
    """Limits a queryset to the rows the user may work on; `field` is the path to the Region ("" for Region)."""
    ids = region_ids_for(user)
    if ids is None:
        return queryset
    lookup = "id__in" if field == "" else f"{field}__in"
    return queryset.filter(Q(**{lookup: ids}))


def may_work_on(user, region: Region | None) -> bool:
    """Whether the user may work on this region.

    Walks up the parents rather than reading the cached id set, so a district created a moment ago (by an
    import of its first report) is covered by its city's grant.
    """
    granted = granted_ids(user)
    if granted is None:
        return True
    seen = set()
    while region is not None and region.pk not in seen:
        if region.pk in granted:
            return True
        seen.add(region.pk)
        region = region.parent if region.parent_id else None
    return False


def require(user, region: Region | None) -> None:
    """Raises PermissionDenied (403) unless the user may work on the region."""
    if not may_work_on(user, region):
        raise PermissionDenied("您没有该地区的权限。")
