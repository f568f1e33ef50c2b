"""Region, parent region, level and division code, read from the text itself and the national table.

Signals, strongest first, each resolved against every division of China (divisions.py):
1. the State Council: 我代表国务院 / 全国人民代表大会 in the congress line;
2. the congress line (在河北省第十四届人民代表大会 / 保定市十六届人大七次会议 / 临沂市河东区第二十届人民代表大会),
   the speaker (我代表河东区人民政府), the signature (河北省人民政府省长), the title (河北省2011年政府工作报告);
3. what kind of government speaks (我代表省人民政府, 省长, 全省/我省 against 全市/我市 …) and which division of that
   kind the text names most (full names, and the stems 河北, 保定 of provinces and prefectures).
A name several divisions share (鼓楼区, 朝阳区) goes to the one whose parent the text names most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .divisions import (
    COUNTY_LEVELS,
    NATIONAL,
    NATIONAL_CODE,
    Division,
    ancestors,
    by_name,
    by_stem,
    divisions,
    get,
    parent_of,
)

_CN = "一二三四五六七八九十"
_CONGRESS = re.compile(rf"([\u4e00-\u9fff]{{1,16}}?)第?[{_CN}]+届\s*(?:人民代表大会|人大[{_CN}]+次会议)")
_SPEAKER = re.compile(r"我(?:谨)?代表([\u4e00-\u9fff]{0,14}?)(?:人民政府|政府筹备组)")
_SIGNATURE = re.compile(r"([\u4e00-\u9fff]{2,16}?)人民政府(?:代理|代)?(?:省长|市长|县长|区长|州长|盟长|旗长|主席)")
_TITLE = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:20\d\d年)?政府工作报告")
_OFFICE = re.compile(r"(?<![副])(?:代)?(省长|市长|县长|区长|州长|盟长|旗长|自治区主席)")
_SCOPE = re.compile(r"(?:全|我|本)(省|市|县|区|州|盟|旗)")
_NATIONAL = re.compile(r"我代表国务院|全国人民代表大会第|国务院总理")
#: what kind of government a word names → the levels it may be
_KINDS = {
    "省": ("省", "自治区"),
    "自治区": ("自治区",),
    "市": ("地级市", "县级市", "直辖市"),
    "区": ("市辖区", "自治区", "新区"),
    "县": ("县", "自治县"),
    "州": ("自治州",),
    "自治州": ("自治州",),
    "盟": ("盟",),
    "旗": ("旗", "自治旗"),
}


@dataclass(frozen=True)
class RegionGuess:
    region: str | None
    parent: str | None
    level: str | None
    code: str | None


NONE = RegionGuess(None, None, None, None)


@lru_cache(maxsize=1)
def _names_by_first_two() -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    for name in [*by_name(), *by_stem()]:
        if len(name) >= 2:
            out.setdefault(name[:2], set()).add(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


#: division names that are also common words of any report: 城区 (urban area), 郊区, 矿区, 东区, 市中区 …
COMMON_WORDS = frozenset({"城区", "郊区", "矿区", "东区", "西区", "市中区", "新城区", "城中区", "城关区", "老城区"})
#: a zone's own administration (功能区 often have no division code): 我代表大鹏新区管理委员会, a title line
#: 大鹏新区2024年管理委员会工作报告; "我代表新区管委会" names its zone elsewhere (光明新区管委会在市委…)
_ZONE_WORD = r"(?:新区|开发区|高新区|园区|试验区|合作区)"
_ZONE_SPEAKER = re.compile(r"我(?:谨)?代表([\u4e00-\u9fff]{0,14}?)(?:党工委、)?(?:管理委员会|管委会)")
_ZONE_TITLE = re.compile(
    rf"^[\s　]*([\u4e00-\u9fff]{{2,14}}?{_ZONE_WORD})(?:20\d\d年)?(?:管理委员会|管委会)(?:20\d\d年)?工作报告", re.M
)
_ZONE_NAME = re.compile(rf"(?<![全本我该])([\u4e00-\u9fff]{{2,4}}?{_ZONE_WORD})")


def _after_parent(text: str, i: int, division: Division) -> bool:
    """Whether the name at text[i:] follows the name or stem of one of its parents (阳泉市城区, 攀枝花东区)."""
    before = text[max(0, i - 12) : i]
    return any(before.endswith((a.name, a.stem)) for a in ancestors(division) if a.stem)


def named_divisions(text: str) -> Counter:
    """How often the text names each division: a full name counts 3, a stem (保定, 河北) 1; at each place the
    longest name wins (河北省 is not also 河北).

    >>> c = named_divisions("河北省保定市，保定，高阳县")
    >>> c["130000"], c["130600"], c["130628"]
    (3, 4, 3)
    >>> named_divisions("城区人口增加，城区面积扩大")["140302"], named_divisions("阳泉市城区")["140302"]
    (0, 3)
    """
    counts: Counter = Counter()
    index = _names_by_first_two()
    full, stems = by_name(), by_stem()
    i, n = 0, len(text)
    while i < n - 1:
        names = index.get(text[i : i + 2])
        hit = next((name for name in names if text.startswith(name, i)), None) if names else None
        if hit is None:
            i += 1
            continue
        for d in full.get(hit, ()):
            if hit in COMMON_WORDS and not _after_parent(text, i, d):
                continue  # 城区 of 阳泉市 only as 阳泉市城区: alone it is any report's "urban area"
            counts[d.code] += 3
        if hit not in full:
            for d in stems[hit]:
                counts[d.code] += 1
        i += len(hit)
    return counts


def detect_region(text: str) -> RegionGuess:
    """The region that delivers the report.

    >>> detect_region("现在，我代表河东区人民政府向大会报告工作。在临沂市河东区第二十届人民代表大会")
    RegionGuess(region='河东区', parent='临沂市', level='市辖区', code='371312')
    >>> detect_region("省长王正谱在省十四届人大四次会议上作政府工作报告。河北，河北，河北，北京").region
    '河北省'
    >>> detect_region("各位代表：现在，我代表大鹏新区管理委员会，向大会作工作报告。深圳，龙岗区，龙岗区").level
    '新区'
    >>> detect_region("现在，我代表坪山区政府筹备组向大会作工作报告。深圳市，深圳市").region
    '坪山区'
    >>> detect_region("现在，我代表区人民政府向大会作工作报告。" + "深圳，" * 3 + "坪山，" * 6).region
    '坪山区'
    """
    head = text[:8000]
    if _NATIONAL.search(head[:3000]) and not _SPEAKER.search(head.replace("我代表国务院", "")):
        return RegionGuess(NATIONAL, None, "国家", NATIONAL_CODE)
    counts = named_divisions(text)
    kind = _kind(head, text)
    for pattern in (_CONGRESS, _SPEAKER, _SIGNATURE, _TITLE):
        for m in pattern.finditer(head):
            found = _resolve_chain(m.group(1), counts, kind)
            if found is not None:
                return _guess(found)
    zone = _zone_named(head, text)
    if zone:
        found = _resolve_chain(zone, counts, None)
        return _guess(found) if found else _zone(zone, counts)
    allowed = _KINDS.get(kind or "", ())
    pool = [(score, code) for code, score in counts.items() if not allowed or get(code).level in allowed]
    score, code = max(pool, key=lambda item: (item[0], -get(item[1]).rank)) if pool else (0, "")
    # (a district that never writes its full name: 我代表区人民政府, then 坪山 44 times and 深圳 27)
    if kind in ("区", "县") and (own := _named_by_stem(text, counts)) and own[0] > score:
        return _guess(own[1])
    return _guess(get(code)) if score >= 3 else NONE


def _named_by_stem(text: str, counts: Counter) -> tuple[int, Division] | None:
    """A district or county that names itself by its stem (盐田 59 times in 盐田区's report, which says only
    我代表区人民政府): among the county-level divisions of the cities the text names, the one whose stem it
    repeats most, at least five times and twice as often as any other. (Stems of counties are short and often
    common words, so they are looked at only here, inside cities the text names.)

    >>> _named_by_stem("深圳市。" + "新盐田，盐田港。" * 3 + "滨海城区", named_divisions("深圳市。滨海城区"))[1].name
    '盐田区'
    """
    cities = {code for code, score in counts.items() if score >= 3 and get(code).rank == 1}
    seen = Counter()
    for d in divisions().values():
        if d.parent_code in cities and d.level in COUNTY_LEVELS and len(d.stem) >= 2:
            seen[d.code] = text.count(d.stem)
    ranked = seen.most_common(2)
    if not ranked or ranked[0][1] < 5 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][1], get(ranked[0][0])


def _kind(head: str, text: str) -> str | None:
    """省, 市, 县 … : the speaker's own words first, then the office, then 全省/我市 and the like."""
    m = _SPEAKER.search(head)
    if m and m.group(1) in _KINDS:
        return m.group(1)
    m = _CONGRESS.search(head)
    if m and m.group(1)[-1:] in _KINDS and not _resolve_names(m.group(1)):
        return m.group(1)[-1]
    offices = Counter(o[0] if o != "自治区主席" else "自治区" for o in _OFFICE.findall(head))
    if offices:
        return offices.most_common(1)[0][0]
    scopes = Counter(_SCOPE.findall(text)).most_common(2)
    if scopes and scopes[0][1] >= 3 and (len(scopes) == 1 or scopes[0][1] >= 2 * scopes[1][1]):
        return scopes[0][0]
    return None


def _resolve_names(phrase: str) -> list[str]:
    """The division names a phrase ends with, in order: 在临沂市河东区 → [临沂市, 河东区]."""
    names: list[str] = []
    rest = phrase
    while rest:
        at = next((i for i in range(len(rest) - 1) if current_name(rest[i:])), None)
        if at is None:
            break
        names.insert(0, current_name(rest[at:]))
        rest = rest[:at]
    return names


def current_name(name: str) -> str | None:
    """A division's name today: itself, or what a 县 became as a 区 (清苑县 → 清苑区), a 地区 as a 市.

    >>> current_name("高阳县"), current_name("清苑县"), current_name("莲池")
    ('高阳县', '清苑区', None)
    """
    if name in by_name():
        return name
    for old, new in (("县", "区"), ("县", "市"), ("市", "区"), ("地区", "市")):
        if name.endswith(old) and len(name) > len(old) + 1 and name[: -len(old)] + new in by_name():
            return name[: -len(old)] + new
    return None


def _resolve_chain(phrase: str, counts: Counter, kind: str | None) -> Division | None:
    names = _resolve_names(phrase)
    if not names:
        return None
    candidates = list(by_name()[names[-1]])
    if len(names) > 1:
        named_parent = [d for d in candidates if any(a.name == names[-2] for a in ancestors(d))]
        candidates = named_parent or candidates
    allowed = _KINDS.get(kind or "", ())
    if allowed and not any(d.level in allowed for d in candidates) and len(names) == 1 and kind in ("县", "区"):
        return None  # 在石家庄市…: the county's own report names its city elsewhere
    return max(candidates, key=lambda d: sum(counts[a.code] for a in ancestors(d)))


def _zone_named(head: str, text: str) -> str | None:
    """The zone whose 管理委员会 delivers the report, if one does.

    >>> _zone_named("我代表新区管委会向大会报告工作。", "光明新区管委会在市委领导下，光明新区，全新区")
    '光明新区'
    >>> _zone_named("做好今年新区管委会工作", "") is None
    True
    >>> _zone_named("一、2016年工作回顾", "在此，我代表光明新区党工委、管委会，向全区干部群众表示感谢")
    '光明新区'

    """
    # (the speaker may name the zone only in the thanks, after the review: 我代表光明新区党工委、管委会，向…)
    m = _ZONE_SPEAKER.search(head) or _ZONE_TITLE.search(head) or _ZONE_SPEAKER.search(text)
    if m is None:
        return None
    if re.fullmatch(rf"[\u4e00-\u9fff]{{2,14}}{_ZONE_WORD}", m.group(1)):
        return m.group(1)
    named = Counter(_ZONE_NAME.findall(text)).most_common(1)  # 我代表新区管委会: its name is in the text
    return named[0][0] if named else None


def _zone(name: str, counts: Counter) -> RegionGuess:
    """A zone outside the division table: its name as the text gives it, under the city the text names most.

    >>> _zone("大鹏新区", named_divisions("深圳市，深圳，广东省，龙岗区"))
    RegionGuess(region='大鹏新区', parent='深圳市', level='新区', code=None)
    """
    cities = [(score, code) for code, score in counts.items() if get(code).rank == 1]
    parent = get(max(cities)[1]).name if cities else None
    return RegionGuess(name, parent, "新区" if name.endswith("新区") else "开发区", None)


def _guess(d: Division) -> RegionGuess:
    parent = parent_of(d)
    return RegionGuess(d.name, parent.name if parent else None, d.level, d.code)
