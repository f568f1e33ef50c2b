"""Finding and creating regions by their Chinese names."""

from django.db.models import Q

from commitments.models import COUNTY_LEVELS, Region
from commitments.reading import divisions

_SUFFIXES = ("自治州", "自治县", "新区", "市", "区", "县", "省", "州", "盟", "旗")


def short_name(name: str) -> str:
    """临沂市 → 临沂; keeps one-character names whole (城区 stays 城区)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def slug_for(name: str, parent: Region | None = None, *, county_level: bool = True) -> str:
    """临沂市 → linyi, 临沂市河东区 → linyi-hedong: a county-level region's slug says its city."""
    from pypinyin import lazy_pinyin  # (0.3 s of tables: loaded when a region is made, not by every process)

    own = "".join(lazy_pinyin(short_name(name))).lower()
    own = "".join(ch for ch in own if ch.isascii() and ch.isalnum()) or "region"
    return f"{parent.slug}-{own}" if parent and county_level else own


def find_region(name: str) -> Region | None:
    """Finds a region by its name (临沂市) or its full name (临沂市河东区)."""
    name = name.strip()
    candidates = list(Region.objects.select_related("parent").filter(name__in=[name, short_name(name)]))
    if not candidates:
        candidates = [
            r for r in Region.objects.select_related("parent").filter(parent__isnull=False) if r.full_name == name
        ]
    if len(candidates) == 1:
        return candidates[0]
    top = [r for r in candidates if r.parent_id is None]
    return top[0] if len(top) == 1 else None


def region_for_division(code: str, *, created: list[Region] | None = None, published: bool = True) -> Region:
    """The region of an official division code, created with its parents from the national table.

    One code is one region, however a report spells it; a region made before codes were stored (by name)
    takes the code. Regions it creates go into `created`; one created by a staff upload is not `published`
    until a staff member has checked it.
    """
    found = Region.objects.filter(code=code).first()
    if found:
        return found
    if code == divisions.NATIONAL_CODE:
        division = divisions.Division(code, divisions.NATIONAL, "国家", None)
    else:
        division = divisions.get(code)
        if division is None:
            raise ValueError(f"unknown division code {code}")
    parent = (
        region_for_division(division.parent_code, created=created, published=published)
        if division.parent_code
        else None
    )
    county_level = division.level in COUNTY_LEVELS
    legacy = Region.objects.filter(name=division.name, code__isnull=True)
    legacy = legacy.filter(parent=parent) if county_level else legacy.filter(Q(parent=parent) | Q(parent__isnull=True))
    existing = legacy.first()
    if existing:
        existing.code, existing.parent, existing.level = code, parent, division.level
        existing.save(update_fields=["code", "parent", "level"])
        return existing
    region = Region.objects.create(
        name=division.name,
        level=division.level,
        parent=parent,
        code=code,
        published=published,
        slug=_free_slug(slug_for(division.name, parent, county_level=county_level)),
    )
    if created is not None:
        created.append(region)
    return region


def _free_slug(base: str) -> str:
    slug, n = base, 2
    while Region.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def get_or_create_region(
    *, name: str, level: str | None, parent_name: str | None = None, created: list | None = None, published: bool = True
) -> Region:
    """A region without a division code (a 功能区 such as 大鹏新区, or a name staff typed), under the region of
    `parent_name`: a division of the national table when the name is one (so 深圳市 stays one region)."""
    parent = None
    if parent_name:
        parent = find_region(parent_name)
        official = divisions.by_name().get(parent_name, ())
        if parent is None and len(official) == 1:
            parent = region_for_division(official[0].code, created=created, published=published)
        elif parent is None:
            parent = get_or_create_region(
                name=parent_name, level=Region.Level.CITY, created=created, published=published
            )
    existing = Region.objects.filter(name=name, parent=parent).first()
    if existing:
        return existing
    if level not in Region.Level.values:
        level = Region.Level.DISTRICT if parent else Region.Level.CITY
    region = Region.objects.create(
        name=name,
        level=level,
        parent=parent,
        published=published,
        slug=_free_slug(slug_for(name, parent, county_level=bool(parent))),
    )
    if created is not None:
        created.append(region)
    return region
