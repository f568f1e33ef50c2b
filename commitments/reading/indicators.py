"""Indicator names: a short canonical name per measured thing, and its category.

The alias table is data: fixtures/indicators.json (canonical name, aliases, base unit, direction,
category). `resolve` maps a raw subject read from a sentence to its canonical name; a subject that is
not in the table stays as read (cleaned), so new indicators still work and can be added to the table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@dataclass(frozen=True)
class Indicator:
    name: str
    aliases: tuple[str, ...]
    unit: str
    direction: str  # "higher" | "lower"
    category: str


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads((FIXTURES / "indicators.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    return {
        row["name"]: Indicator(row["name"], tuple(row["aliases"]), row["unit"], row["direction"], row["category"])
        for row in _table()["indicators"]
    }


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for ind in indicators().values():
        out[_key(ind.name)] = ind.name
        for alias in ind.aliases:
            out.setdefault(_key(alias), ind.name)
    return out


def categories() -> list[str]:
    return list(_table()["categories"])


def _key(name: str) -> str:
    return re.sub(r"[“”\"'、，,\s]", "", name)


def resolve(name: str) -> str:
    """Canonical name of an indicator as read.

    >>> resolve("新增城镇就业"), resolve("城镇新增就业"), resolve("新增“上云”企业")
    ('城镇新增就业', '城镇新增就业', '新增“上云”企业')
    """
    if not name:
        return name
    key = _key(name)
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    # a qualified form of a known indicator: 全市地区生产总值, 全年城镇新增就业人数
    for prefix in ("全市", "全区", "全县", "全年", "年内", "当年", "今年", "新增", "全社会"):
        if key.startswith(prefix) and key[len(prefix) :] in aliases:
            return aliases[key[len(prefix) :]]
    for suffix in ("人数", "总量", "规模", "增速", "总额"):
        if key.endswith(suffix) and key[: -len(suffix)] in aliases:
            return aliases[key[: -len(suffix)]]
    # the measured noun comes last: 示范带动全市秸秆综合利用率 -> 秸秆综合利用率
    for alias in _long_aliases():
        if key.endswith(alias):
            return aliases[alias]
    return name


@lru_cache(maxsize=1)
def _long_aliases() -> list[str]:
    return sorted((k for k in _aliases() if len(k) >= 5), key=len, reverse=True)


_ACTION = re.compile(
    r"^(?:新增|新建|新培育|新认定|新引进|新开发|新改建|新建改扩建|培育|创建|建设|打造|布局|举办|开展|组织|落实|吸引|实施|完成|实现|"
    r"推动|推进|支持|发放|评选|筛选|引进|招引|分类|组织开展|各类|全面|在[^，、]{1,8}等地)+"
)


def short_name(raw: str) -> str:
    """The indicator as stored: canonical if known, else the words read without leading action verbs.

    >>> short_name("新增城镇就业"), short_name("新培育省级以上工业设计中心"), short_name("举办各类促消费活动")
    ('城镇新增就业', '省级以上工业设计中心', '促消费活动')
    """
    name = resolve(raw)
    if name != raw or name in indicators():
        return name
    stripped = _ACTION.sub("", raw)
    if len(stripped) >= 2:
        return resolve(stripped)
    return raw


def same_indicator(a: str, b: str) -> bool:
    """Two names for the same measured thing: equal after alias resolution and without action verbs,
    or one is the other with a qualifier (拥堵指数 / 拥堵指数下降, 供水管网 / 新增供水管网).
    """
    x, y = short_name(_key(a)), short_name(_key(b))
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 2 and short in long and len(short) * 2 >= len(long)


def direction_of(name: str) -> str:
    ind = indicators().get(resolve(name))
    if ind:
        return ind.direction
    return "lower" if re.search(r"(指数|事故|死亡|能耗|排放|浓度|拥堵|发生率)", name) else "higher"


def category_for(*, indicator: str, section: str) -> str:
    """Category from the table, else from the section heading (a strong hint), else from the indicator.

    >>> category_for(indicator="城镇新增就业", section="")
    '民生保障'
    >>> category_for(indicator="新建城市书房", section="（九）全力兜牢民生底线")
    '民生保障'
    """
    ind = indicators().get(resolve(indicator))
    if ind:
        return ind.category
    keywords = _table()["category_keywords"]
    for text in (section, indicator):
        best, best_pos = "", None
        for category, words in keywords.items():
            for word in words:
                pos = text.find(word)
                if pos >= 0 and (best_pos is None or pos < best_pos):
                    best, best_pos = category, pos
        if best:
            return best
    return "经济运行"
