"""The national table of administrative divisions (data/divisions.tsv): every province, prefecture and
county-level division with its official code, its level and its parent.

The table is data, not code: 3,214 divisions (31 provinces, 334 prefectures, 2,849 county-level), regenerated
by scripts/build_divisions.py. Levels follow the names: 河北省 省, 保定市 地级市, 延边朝鲜族自治州 自治州, 高阳县 县,
涿州市 县级市, 莲池区 市辖区, 北京市 直辖市 …; a county-level division's parent is its prefecture, or its
province when it has none (天门市 is 湖北省's directly).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent / "data" / "divisions.tsv"
NATIONAL = "国务院"
NATIONAL_CODE = "100000"
_MUNICIPALITIES = ("11", "12", "31", "50")
#: the levels of county-level divisions: their full name says their city (临沂市河东区)
COUNTY_LEVELS = frozenset(["市辖区", "县", "自治县", "旗", "自治旗", "县级市", "林区", "特区"])
# the 55 minority nationalities, as they appear in the names of autonomous divisions (延边朝鲜族自治州 → 延边)
_PEOPLE_NAMES = """
蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇
柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京
塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺
"""
_PEOPLES = _PEOPLE_NAMES.split()


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # 省 自治区 直辖市 | 地级市 自治州 盟 地区 新区 | 县 自治县 旗 自治旗 县级市 市辖区 林区 特区
    parent_code: str | None

    @property
    def rank(self) -> int:
        """0 province, 1 prefecture, 2 county-level."""
        return 0 if self.code[2:] == "0000" else 1 if self.code[4:] == "00" else 2

    @property
    def stem(self) -> str:
        """The name without its level: 保定市 → 保定, 延边朝鲜族自治州 → 延边, 新疆维吾尔自治区 → 新疆.

        >>> [Division("", n, "", None).stem for n in ("河北省", "恩施土家族苗族自治州", "易县", "阿里地区")]
        ['河北', '恩施', '易县', '阿里']
        """
        name = self.name
        for suffix in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "特区"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
                break
        else:
            if name[-1] in "省市县区盟旗" and len(name) > 2:
                name = name[:-1]
        changed = True
        while changed:
            changed = False
            for people in _PEOPLES:
                for token in (people + "族", people):
                    if name.endswith(token) and len(name) - len(token) >= 2:
                        name, changed = name[: -len(token)], True
                        break
                if changed:
                    break
        return name


def _level(code: str, name: str) -> str:
    if code[2:] == "0000":
        if code[:2] in _MUNICIPALITIES:
            return "直辖市"
        return "自治区" if name.endswith("自治区") else "省"
    if code[4:] == "00":
        for suffix in ("自治州", "盟", "地区", "新区"):
            if name.endswith(suffix):
                return suffix
        return "地级市"
    for suffix in ("自治县", "自治旗", "林区", "特区"):
        if name.endswith(suffix):
            return suffix
    return {"县": "县", "旗": "旗", "市": "县级市"}.get(name[-1], "市辖区")


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    rows: dict[str, str] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            rows[code] = name
    out: dict[str, Division] = {}
    for code, name in rows.items():
        if code[2:] == "0000":
            parent = None
        elif code[4:] == "00":
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00" if code[:4] + "00" in rows else code[:2] + "0000"
        out[code] = Division(code, name, _level(code, name), parent)
    return out


@lru_cache(maxsize=1)
def by_name() -> dict[str, tuple[Division, ...]]:
    """Full name → divisions of that name (鼓楼区 names four)."""
    out: dict[str, list[Division]] = {}
    for d in divisions().values():
        out.setdefault(d.name, []).append(d)
    return {name: tuple(ds) for name, ds in out.items()}


@lru_cache(maxsize=1)
def by_stem() -> dict[str, tuple[Division, ...]]:
    """Stems of provinces and prefectures (河北, 保定, 延边): reports name their own place by it."""
    out: dict[str, list[Division]] = {}
    for d in divisions().values():
        if d.rank < 2 and len(d.stem) >= 2:
            out.setdefault(d.stem, []).append(d)
    return {stem: tuple(ds) for stem, ds in out.items()}


def get(code: str | None) -> Division | None:
    return divisions().get(code or "")


def parent_of(division: Division) -> Division | None:
    return get(division.parent_code)


def ancestors(division: Division) -> list[Division]:
    out = []
    parent = parent_of(division)
    while parent is not None:
        out.append(parent)
        parent = parent_of(parent)
    return out
