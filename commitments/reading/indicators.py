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
    # 规模以上 and 规上 are one word; 占X的比重 and 占X比重 one phrase
    return re.sub(r"[“”\"'、，,\s]|的(?=比重)", "", name).replace("规模以上", "规上")


@lru_cache(maxsize=8192)  # the alias table is fixed data; a report asks for the same names many times
def resolve(name: str) -> str:
    """Canonical name of an indicator as read.

    >>> resolve("新增城镇就业"), resolve("城镇新增就业"), resolve("新增“上云”企业")
    ('城镇新增就业', '城镇新增就业', '新增“上云”企业')
    >>> resolve("万元GDP能耗下降"), resolve("本地生产总值")
    ('单位GDP能耗下降', '地区生产总值')
    """
    if not name:
        return name
    key = _key(name)
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    # a qualified form of a known indicator: 全市地区生产总值, 全年城镇新增就业人数
    for prefix in ("全市", "全区", "全县", "全年", "年内", "当年", "今年", "全社会"):
        if key.startswith(prefix) and key[len(prefix) :] in aliases:
            return aliases[key[len(prefix) :]]
    for suffix in ("人数", "总量", "规模", "增速", "总额"):
        if key.endswith(suffix) and key[: -len(suffix)] in aliases:
            return aliases[key[: -len(suffix)]]
    for direction in ("下降", "降低"):  # 万元GDP能耗降低 = 单位GDP能耗下降: one word for the direction
        if key.endswith(direction) and key[: -len(direction)] in aliases:
            return aliases[key[: -len(direction)]] + "下降"
    # the measured noun comes last: 示范带动全市秸秆综合利用率 -> 秸秆综合利用率; but a flow verb or a level
    # in front makes another series (新增高新技术企业, 省级专精特新中小企业)
    for alias in _long_aliases():
        if key.endswith(alias):
            if _KEEP_BEFORE.search(key[: -len(alias)]):
                return name
            return aliases[alias]
    # a share is named by its two terms: 研发经费支出占GDP比重 = 研发投入占地区生产总值比重
    share = re.fullmatch(r"(.{2,}?)占(.{2,}?)(比重|比例)", key)
    if share:
        composed = _key(f"{resolve(share.group(1))}占{resolve(share.group(2))}{share.group(3)}")
        if composed != key and composed in aliases:
            return aliases[composed]
    return name


_KEEP_BEFORE = re.compile(
    r"(?:新增|新建|净增|新改建|改造|引进|招引|新开工|新登记|国家级|省级|市级|县级|以上|农村|城镇|城市|乡村)$"
)


@lru_cache(maxsize=1)
def _long_aliases() -> list[str]:
    return sorted((k for k in _aliases() if len(k) >= 5), key=len, reverse=True)


#: verbs that say how the work is done, not what is counted: stripped (培育2家…企业 counts 企业).
#: Verbs that define a flow are kept: 新增/新建/净增/改造/引进/招引/发放 X is a different series from X
#: (新增高新技术企业 200家 is not 高新技术企业 1200家), so they stay in the name.
_ACTION = re.compile(
    r"^(?:新培育|新认定|新入选|出台|做深做优|做大做强|做优做强|培育|创建提升|创建|建设(?!筹集|筹措|统筹)|打造|布局|举办|开展|组织开展|组织|落实|吸引|实施|完成|实现|"
    r"推动|推进|支持|评选|筛选|分类|各类|全面|成功|高标准建设|提升|创成|选育|争创|召开|促成|启动|发展|入选|精准提升|高效|"
    r"累计|年内|全年|当年|全市|全区|全县|主城区|中心城区|市区|每个|在[^，。；]{1,14}?等地|"
    r"推出|提供|上线|组建|滚动实施|高质量完成|重组形成|每年)+"
)
_FLOW_ONLY = re.compile(r"^(?:新增|新建|净增|新改建|新建改造|改造|引进|招引|新引进|发放|办理|建成)$")
#: examples before 等 name the members, the words after it the class: 进口商品博览会等国际性展会 -> 国际性展会
_EXAMPLES = re.compile(r"^[^等]{2,}?等(?=[\u4e00-\u9fff“]{2})")
_ANYWHERE = re.compile(r"各类|各种")
#: the 的 of a threshold inside a name: 税收过千万元的企业 -> 税收过千万元企业
_THRESHOLD_DE = re.compile(r"(?<=[元上下万亿%])的(?=[\u4e00-\u9fff])")
_TRAILING = re.compile(r"(?:同比|保持|工作|继续|分别|新增|增速|增幅|力争|确保|争取|年均|实现翻番|翻番|缩小|平稳运营)+$")
#: two verbs for one noun: 新建、提升精品民宿 -> 精品民宿
_VERB_PAIR = re.compile(
    r"^(?:新建|提升|改造|建设|培育|创建|引进|认定)(?:[、和](?:新建|提升|改造|建设|培育|创建|引进|认定))+"
)
_LEVEL = re.compile(r"^(?:国家级|省级以上|市级以上|县级以上|省级|市级|省)")


def short_name(raw: str) -> str:
    """The indicator as stored: canonical if known, else the words read without leading action verbs.

    >>> short_name("新增城镇就业"), short_name("新培育省级以上工业设计中心"), short_name("举办各类促消费活动")
    ('城镇新增就业', '省级以上工业设计中心', '促消费活动')
    >>> short_name("、提升精品民宿"), short_name("税收过千万元的企业"), short_name("新增跨境电商产业园")
    ('精品民宿', '税收过千万元企业', '新增跨境电商产业园')
    >>> short_name("单位生产总值能耗比2005年下降"), short_name("单位国内生产总值能耗降低")
    ('单位GDP能耗下降', '单位GDP能耗下降')
    >>> short_name("入选全国首批重点培育中试平台单位"), short_name("第三轮督察交办问题办结率")
    ('全国重点培育中试平台单位', '督察交办问题办结率')
    >>> short_name("建设筹集保障性住房")  # one compound verb, as 新建筹集 (a series of its own)
    '建设筹集保障性住房'

    """
    # 完成年度投资 is the 年度投资 done: the verb adds nothing to the measure (完成投资 alone is the measure)
    raw = re.sub(r"(?<=.)完成年度投资$", "年度投资", _one_count(_PRIDE.sub("", raw)))
    raw = re.sub(r"首批|第[一二三四五六七八九十\d]+(?:轮|批次?|届)", "", raw)  # when a kind was named, not which kind
    raw = re.sub(r"(?<=..)(?:精彩|成功|顺利|如期)(?=亮相|举办|召开|开幕|落地|投用|开通)", "", raw)
    raw = re.sub(r"(?<=.)(?:平均|同比)(?=提速|提高|下降|增长|缩短|压缩|减少|降低)", "", raw)  # 时限平均提速 -> 时限提速
    # a comparison's base is not part of the name: 单位生产总值能耗比2005年下降 -> 单位GDP能耗下降
    raw = re.sub(r"(?<=..)(?:比|较)(?:20\d\d年|上年|去年|上年年初预算)(?=下降|降低|减少|提高|增加|增长)", "", raw)
    direction = re.search(r"(?<=.{2})(?:下降|降低|减少|提高|增加)$", raw)
    if direction:  # 拥堵指数下降: the direction stays after the canonical name (one word for a fall: 下降)
        return short_name(raw[: direction.start()]) + direction.group().replace("降低", "下降")
    name = resolve(raw)
    if name != raw or name in indicators():
        return name
    cleaned = _THRESHOLD_DE.sub("", _ANYWHERE.sub("", _unmatched_quotes_out(raw.strip("、，,；： "))))
    cleaned = re.sub(r"^万人", "每万人", cleaned.replace("GDP", "地区生产总值"))
    # a share of the whole economy names it one way: 占全省生产总值的比重 → 占地区生产总值比重
    cleaned = re.sub(r"占(?:全省|全市|全县|全区|全国)?(?:地区)?生产总值的?(比重|比例)", r"占地区生产总值\1", cleaned)
    cleaned = re.sub(r"占([\u4e00-\u9fff]{2,12})的(比重|比例)$", r"占\1\2", cleaned)
    cleaned = re.sub(r"(?<=[\u4e00-\u9fff]{2})的(比重|比例|贡献率|占比|覆盖率)$", r"\1", cleaned)
    # 规上 is how statistics name 规模以上 (规上工业增加值); 办理了 -> 办理: a name has no tense
    cleaned = re.sub(r"(?<=[\u4e00-\u9fff])了(?=[\u4e00-\u9fff])", "", cleaned.replace("规模以上", "规上"))
    # per unit of output, however the report names the output: 单位国内生产总值能耗, 万元地区生产总值用水量
    cleaned = re.sub(r"(单位|万元)(?:国内|地区)?生产总值", r"\1GDP", cleaned)
    stripped = _TRAILING.sub("", _strip_actions(_VERB_PAIR.sub("", cleaned)))
    flow = _FLOW_AT_START.match(stripped)
    rest = stripped[flow.end() :] if flow else stripped
    if (not rest.startswith("“") or re.match(r"“[^”]+”等", rest)) and _EXAMPLES.match(rest):
        level = _LEVEL.match(rest)  # 省级以上单项冠军、专精特新等优质企业 -> 省级以上优质企业
        rest = (level.group() if level else "") + _EXAMPLES.sub("", rest)
    stripped = _canonical_flow(flow.group() if flow else "", rest)
    if len(stripped) >= 2 and not _FLOW_ONLY.match(stripped):
        return _flow_of_canonical(resolve(stripped))
    return resolve(cleaned) if len(cleaned) >= 2 else raw


_FLOW_AT_START = re.compile(
    r"(?:新增|新建成|新建|净增|新改建|新改扩建|新建改扩建|新建改造|新开发|建成|发放|改造提升|改造)"
)
#: the verb of a renovation goes after its object: 改造农村危桥 -> 农村危桥改造 (the measured thing as a noun phrase)
_RENOVATION = ("改造提升", "改造")
#: a list or a second verb after 新建 keeps it: 新建、改建 / 新建改扩建 are another series than 新建 alone
_COMPOUND_AFTER = re.compile(r"^(?:[、和及与]|改|扩|提升|筹集)")


def _canonical_flow(verb: str, rest: str) -> str:
    """The statistician's name for a flow: the object as a noun phrase (see README, «Flow verbs»).

    新建/建成 X counts the X built in the year; unless X is a stock indicator of the table (a level that
    other figures report), the verb adds nothing to what is counted and goes: 新建城乡书房 -> 城乡书房.
    改造 X is the renovation of X, named object first: 改造农村危桥 -> 农村危桥改造.

    >>> _canonical_flow("新建", "城乡书房"), _canonical_flow("改造", "农村危桥"), _canonical_flow("新建", "、改建学校")
    ('城乡书房', '农村危桥改造', '新建、改建学校')
    """
    if not verb or len(rest) < 2 or _COMPOUND_AFTER.match(rest) or rest.startswith("“"):
        return verb + rest
    if verb in ("新建", "建成", "新建成") and resolve(rest) not in indicators():
        return rest
    if verb in _RENOVATION and not rest.endswith(_RENOVATION):
        measure = re.search(r"(?:户数|面积|套数|人数|里程|金额)$", rest)  # 老旧小区改造户数, not 老旧小区户数改造
        return rest[: measure.start()] + verb + measure.group() if measure else rest + verb
    return verb + rest


#: praise inside a subject is not part of the name: 绿色蔬菜率先建成全省唯一产值 -> 绿色蔬菜产值
_PRIDE = re.compile(
    r"(?:在全[省国])?率先(?:建成|打造|实现|获评|入选)?(?:全[省国](?:唯一|首个|首家|第一)的?)?|全[省国](?:唯一|首个|首家)的?"
)
#: a counted number inside a name starts another item: 亿元以上工业项目和100个重点服务业项目
_INNER_COUNT = re.compile(r"[和及与、]?\d+(?:\.\d+)?(?:[个件项家条所处座名户])")


def _one_count(name: str) -> str:
    """One item per name: the words before a second counted number, else those after a leading one.

    >>> _one_count("亿元以上工业项目和100个重点服务业项目"), _one_count("109个建设类省级重点项目")
    ('亿元以上工业项目', '建设类省级重点项目')
    """
    m = _INNER_COUNT.search(name)
    if not m:
        return name
    before, after = name[: m.start()], name[m.end() :]
    if len(before) >= 2 and not _ACTION.fullmatch(before) and not _FLOW_ONLY.match(before):
        return before
    return name if m.start() else after if len(after) >= 2 else name


def _strip_actions(name: str) -> str:
    """Leading action verbs off, but never a cut inside a word: the verb and a bound suffix after it
    (类 型 性 式) form one word (建设类省级重点项目, 服务型制造), which jieba splits as 建设/类.

    >>> _strip_actions("建设类省级重点项目"), _strip_actions("培育省级专精特新企业"), _strip_actions("建设改造农村公路")
    ('建设类省级重点项目', '省级专精特新企业', '建设改造农村公路')
    """
    m = _ACTION.match(name)
    if m and m.group().endswith("建设") and re.match(r"改造|改建|扩建", name[m.end() :]):
        return name  # 建设改造农村公路: a compound verb counts another series than 改造 alone
    while m and m.end() < len(name) and name[m.end()] in "类型性式":
        m = _ACTION.match(name[: m.end() - 1])  # give back one character at a time until a word ends
    if not m or m.end() >= len(name):
        return name
    return name[m.end() :]


def _unmatched_quotes_out(name: str) -> str:
    """A quote mark whose partner lies outside the name is noise: “抬头可见 -> 抬头可见."""
    if name.count("“") != name.count("”"):
        return name.replace("“", "").replace("”", "")
    return name


_FLOW_PREFIX = re.compile(r"^(?:新增|净增|新建改扩建|新建|新认定|新入库|新引进|引进|招引)")


def _flow_of_canonical(name: str) -> str:
    """A flow verb before a known indicator keeps the verb and takes the canonical name:
    新增国家高新技术企业 -> 新增高新技术企业 (the stock of the review part is 高新技术企业)."""
    m = _FLOW_PREFIX.match(name)
    if not m:
        return name
    rest = resolve(name[m.end() :])
    if rest in indicators():
        verb = m.group()
        # 新认定/新入库 X add to the stock of X just as 新增 does: one series, 新增X
        return ("新增" if verb in ("新认定", "新入库") else verb) + rest
    return name


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
    ind = indicators().get(resolve(re.sub(r"(?<=.{2})(?:下降|降低|减少|提高|增加)$", "", indicator)))
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
