"""Region, parent region and level, read from the text itself.

Signals, strongest first:
1. the speaker: "我代表河东区人民政府" names a district/county/city; "我代表市人民政府" says "a city";
2. the congress: "临沂市河东区第二十届人民代表大会" gives the parent and the region;
3. frequency: a city report names its own city (临沂, 徐州 …) far more often than any other; the list of
   prefecture-level cities is data (data/cities.json), not code;
4. a county that never names its city takes it from data/counties.json (山东, 江苏: 沂水县 -> 临沂市).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "cities.json"
_COUNTIES = Path(__file__).resolve().parent / "data" / "counties.json"
_SPEAKER = re.compile(r"我(?:谨)?代表([\u4e00-\u9fff]{0,12}?)人民政府")
_CONGRESS = re.compile(r"在?([\u4e00-\u9fff]{2,14}?)第[一二三四五六七八九十]+届\s*人民代表大会")
_LOCAL = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|旗))")


@lru_cache(maxsize=1)
def prefecture_cities() -> dict[str, str]:
    """short name -> full name, e.g. 临沂 -> 临沂市."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for province, cities in data["provinces"].items():
        if not cities:  # a municipality
            out[province[:-1]] = province
        for full in cities:
            out[full[:-1]] = full
    return out


@lru_cache(maxsize=1)
def county_parents() -> dict[str, tuple[str, ...]]:
    """County-level division -> the prefecture cities that have one of that name (data/counties.json:
    山东, 江苏). Most names are unique; 市中区 and 鼓楼区 are not."""
    data = json.loads(_COUNTIES.read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for cities in data["provinces"].values():
        for city, counties in cities.items():
            for county in counties:
                out.setdefault(county, []).append(city)
    return {county: tuple(cities) for county, cities in out.items()}


def _parent_from_table(local: str, counts: Counter) -> str | None:
    """The parent city of a county that does not name it in its congress line (沂水县 -> 临沂市); a name
    shared by several cities takes the one the text names most, or none."""
    cities = county_parents().get(local, ())
    if len(cities) == 1:
        return cities[0]
    named = [c for c in cities if counts.get(c[:-1])]
    return max(named, key=lambda c: counts[c[:-1]]) if named else None


@lru_cache(maxsize=1)
def _city_pattern() -> re.Pattern[str]:
    names = sorted(prefecture_cities(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def detect_region(text: str) -> tuple[str | None, str | None, str | None]:
    """(region, parent_region, level) or Nones.

    >>> detect_region("现在，我代表河东区人民政府向大会报告工作。在临沂市河东区第二十届人民代表大会")
    ('河东区', '临沂市', '市辖区')
    """
    head = text[:6000]
    speaker = None
    m = _SPEAKER.search(head)
    if m:
        speaker = m.group(1)
    counts = Counter(_city_pattern().findall(text))
    top_city = None
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= 2:
            top_city = prefecture_cities()[name]
    congress = _CONGRESS.search(head)
    congress_name = congress.group(1) if congress else ""
    congress_name = re.sub(r"^.*[日在]", "", congress_name) if "在" in congress_name else congress_name
    congress_city = None
    for short, full in prefecture_cities().items():
        if congress_name.startswith(full) or congress_name.startswith(short):
            congress_city = full
            break
    local = speaker if speaker and len(speaker) >= 2 and speaker[-1] in "区县市旗" else None
    if not local and congress_name and congress_city:
        rest = congress_name[len(congress_city) :]
        if rest and rest[-1] in "区县市旗" and len(rest) >= 2:
            local = rest
    # 沂水县第十九届人民代表大会 (a county that does not name its city): the congress names the region
    own_congress = 2 <= len(congress_name) <= 8 and congress_name[-1] in "区县市旗"
    if not local and own_congress and not congress_city and (not speaker or congress_name.endswith(speaker)):
        local = congress_name
    if local and local in prefecture_cities().values():
        return local, None, "地级市"
    if local:
        parent = (
            congress_city
            or _parent_from_table(local, counts)
            or (top_city if top_city and not local.startswith(top_city[:-1]) else None)
        )
        level = {"区": "市辖区", "县": "县", "旗": "县", "市": "县级市"}[local[-1]]
        return local, parent, level
    city = congress_city or top_city
    if speaker in ("区", "县") and city:
        # a district report that names itself only through its own name: take the commonest "XX区"
        names = Counter(n for n in _LOCAL.findall(text) if n.endswith(speaker) and len(n) >= 3)
        if names:
            name = names.most_common(1)[0][0]
            return name, city, "市辖区" if speaker == "区" else "县"
    if city:
        return city, None, "地级市"
    return None, None, None
