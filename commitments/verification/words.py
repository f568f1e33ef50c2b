"""Text helpers the matcher needs: the reading package's tokenizer and units, 繁體 folding, measure words.

The reading package (commitments.reading) owns jieba and unit normalisation; this module only adapts its
interface, so that the verification rules never load a second tokenizer or convert units their own way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from commitments import reading

#: classifiers that count the same kind of thing (3个展销中心 = 3家展销中心, 4座水厂 = 4个水厂); not 户 or 项
_SAME_COUNT = {"家": "个", "所": "个", "座": "个", "处": "个"}


def normalize(value: float, unit: str) -> tuple[float, str]:
    """(value in base unit, base unit) as the reading package defines it: 9万人 -> (90000, 人); the
    classifiers of institutions and sites count alike.

    >>> normalize(3, "家"), normalize(2.6, "万户")
    ((3.0, '个'), (26000.0, '户'))
    """
    amount, base = reading.normalize(value, unit)
    return amount, _SAME_COUNT.get(base, base)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Content words of a short name: jieba tokens without punctuation, digits and function words.

    The tokenizer returns overlapping pieces in search mode (新增, 增城, 城镇, 新增城镇就业); the text is tiled
    left to right with the shortest piece of two or more characters at each place, so that the same words
    come out whatever the order: 新增城镇就业 and 城镇新增就业 both give 城镇, 就业.

    >>> words("新增城镇就业") == words("城镇新增就业")
    True
    """
    text = simplified(text)
    pieces = {w for w in reading.tokenize(text) if len(w) >= 2}
    out, i = [], 0
    while i < len(text):
        fits = [w for w in pieces if text.startswith(w, i)]
        piece = min(fits, key=len) if fits else text[i]
        out.append(piece)
        i += len(piece)
    return tuple(dict.fromkeys(w for w in out if w.strip() and w not in STOP_WORDS and not _NOISE.fullmatch(w)))


_NOISE = re.compile(r"[\W\d_.%]+")

#: words that say nothing about *what* is measured (they carry hedges, verbs, scope or place)
_STOP = """全市 全区 全县 我市 我区 全年 年度 今年 当年 去年 上年 实现 完成 达到 达 突破 超过 力争 确保 争取 不低于 以上
    左右 约 累计 新增 新建 新 增长 提高 提升 下降 降低 减少 增加 总量 总额 规模 分别 其中 全部 全面 持续 稳定 在
    的 和 与 及 等 个 年 各类 一批 有 为 了 到 再 共 同比 比 上 每 万 亿 元 人 至"""
STOP_WORDS = frozenset(_STOP.split())


@lru_cache(maxsize=65536)
def _fold(ch: str) -> str:
    import zhconv

    out = zhconv.convert(ch, "zh-cn")
    return out if len(out) == 1 else ch


def simplified(text: str) -> str:
    """繁體 -> 简体 one character at a time, so offsets into the original stay valid.

    >>> simplified("城鎮新增就業9.4萬人")
    '城镇新增就业9.4万人'
    """
    return "".join(_fold(ch) for ch in text)


# ---- what a number measures: a change up or down, or a level; new this year or a running total ----

_DOWN = ("下降", "降低", "减少", "压减", "削减", "降幅", "缩减", "回落", "压降")
_UP = ("增长", "增幅", "增速", "提高", "提升", "增加", "上升", "上涨", "涨幅")
_NEW = ("新增", "新建", "新培育", "新引进", "新开发", "新认定", "新开工", "新签约", "新改建", "新开通", "净增", "当年")
_TOTAL = ("总量", "总数", "累计", "总计", "保有量", "存量", "余额")
_HEDGES_BEFORE_NUMBER = re.compile(r"(?:分别|均|再|了|达到|达|为|到|约|超过|突破|近|保持在|稳定在|至|力争|确保|、)+$")
#: the count reaches a level (超充站达1000座, 总数突破500家), not an amount done this year
_REACHED = re.compile(r"(?:达到|达|突破|增至|增加到|超过)(?:约|近)?$")
_FLOW = re.compile(r"建成|建设|新建|完成|实施|开工|改造|培育|引进|招引|举办|开展|投入|安排")
_PER_UNIT = re.compile(r"各县|各区|各市|各乡镇|各街道|各村|每个|每县|每区|每村|每镇")
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?（）()]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿]+")


@dataclass(frozen=True)
class Measure:
    change: str  # "up" | "down" | "level"
    scope: str  # "new" | "total" | ""
    cumulative: bool
    per_unit: bool = False  # 各县打造1-2个 / 每个县区3个: a count for each county, not for the region
    reached: bool = False  # 超充站达1000座: a level the whole count reaches, which a running total (累计) reports

    def conflicts_with(self, other: Measure) -> str:
        """Why two numbers cannot be compared, or "" when they can."""
        if (self.change == "level") != (other.change == "level"):
            return "一个是增减幅度，一个是绝对值"
        if self.scope and other.scope and self.scope != other.scope:
            return "一个是当年新增，一个是累计总量"
        yearly = other if self.cumulative else self
        if self.cumulative != other.cumulative and not yearly.reached:
            return "一个是多年累计，一个是当年数"
        if self.per_unit != other.per_unit:
            return "一个是每个县区的数，一个是全市（区）合计"
        return ""


def number_position(quote: str, value: float | None) -> int:
    """Where the number of `value` starts in `quote` (its first Arabic occurrence), else -1."""
    if value is None:
        return -1
    for m in _NUMBER.finditer(quote):
        token = m.group()
        if token[0].isdigit() and abs(float(token) - value) < 1e-9:
            return m.start()
    return -1


def measure_of(*, quote: str, value: float | None, indicator: str = "", qualifier: str = "") -> Measure:
    """What the number in a quote measures, read from the words just before it (and from the indicator name).

    >>> measure_of(quote="拥堵指数再下降5个百分点", value=5)
    Measure(change='down', scope='', cumulative=False, per_unit=False, reached=False)
    >>> measure_of(quote="新增城镇就业9万人以上", value=9)
    Measure(change='level', scope='new', cumulative=False, per_unit=False, reached=False)
    >>> measure_of(quote="地区生产总值6105亿元、增长6.3%", value=6.3).change
    'up'
    >>> measure_of(quote="精准提升造林1.6万亩", value=1.6).change, measure_of(quote="利用率提高到95%", value=95).change
    ('level', 'level')
    >>> measure_of(quote="同比增长 5%", value=5).change
    'up'
    >>> measure_of(quote="超充站达1000座", value=1000).reached, measure_of(quote="建成超充站达10座", value=10).reached
    (True, False)
    """
    quote = re.sub(r"\s+|\*\*", "", simplified(quote))  # a PDF's "同比增长 5%" is 同比增长5%
    at = number_position(quote, value)
    before = quote[:at] if at >= 0 else quote
    # the clause that holds the number; "分别增长5.7%、7.9%" keeps its verb across the 、 list
    clause = _CLAUSE_END.split(before)[-1]
    # 增加值 is a quantity (value added), not a change
    lead = re.sub(r"[\d.%、]+$", "", clause.rstrip("、")).replace("增加值", "＿＿＿")
    tail = lead[-6:]
    # a change word counts only right before the number (hedges aside): 提升造林1.6万亩 is an action on 造林;
    # and 提高到95% / 降至30 name the level reached, not the change
    hedges = _HEDGES_BEFORE_NUMBER.search(lead)
    verb_end = lead[: hedges.start()] if hedges else lead
    change = "level"
    if not (hedges and hedges.group().startswith(("到", "至"))):
        for words_, kind in ((_DOWN, "down"), (_UP, "up")):
            if verb_end.endswith(words_):
                change = kind
    name = simplified(indicator)
    scope = ""
    if any(w in clause or w in name for w in _NEW):
        scope = "new"
    if any(w in tail or w in name for w in _TOTAL):
        scope = "total"
    cumulative = "累计" in qualifier or "累计" in clause
    per_unit = bool(_PER_UNIT.search(clause))
    reached = change == "level" and not scope and bool(_REACHED.search(lead)) and not _FLOW.search(clause)
    return Measure(change=change, scope=scope, cumulative=cumulative, per_unit=per_unit, reached=reached)
