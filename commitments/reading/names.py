"""Indicator names that a sentence shares between several numbers.

`split_names` reads a list of names written once for several numbers (分别 lists):
城镇和农村居民人均可支配收入 -> 城镇居民人均可支配收入 / 农村居民人均可支配收入, 存贷款余额 -> 存款余额 /
贷款余额, 制造业、普惠小微贷款余额 -> 制造业贷款余额 / 普惠小微贷款余额. `with_direction` adds the
direction of a change to a name (拥堵指数再下降5个百分点 -> 拥堵指数下降), as the annotation convention asks.
"""

from __future__ import annotations

import re

from .tokens import cut_words

#: the measured head a list shares, longest first (the head of the last name is given to the others)
_HEADS = sorted(
    (
        "居民人均可支配收入",
        "人均可支配收入",
        "工业开票销售收入",
        "开票销售收入",
        "营业收入",
        "营业额",
        "产业产值",
        "产业",
        "产值",
        "增加值",
        "产量",
        "产能",
        "投资",
        "存款余额",
        "贷款余额",
        "余额",
        "收入",
        "规模",
        "比重",
        "比例",
        "占比",
        "标准",
        "水平",
        "交易额",
        "总额",
        "零售额",
        "人数",
        "起数",
        "数量",
        "排放量",
        "出栏量",
        "警情",
        "案件",
        "通关时间",
        "进出口",
        "出口",
        "支出",
        "率",
    ),
    key=len,
    reverse=True,
)
#: measures that name no subject of their own (the first name of the list gives it)
_BARE_MEASURES = ("死亡人数", "受伤人数", "直接经济损失", "营业收入", "利润总额", "利润", "税收")
#: a qualifier of the first name that the others share: 本外币存款、贷款余额
_SHARED_PREFIX = (
    "本外币", "限上", "规上", "金融机构", "万元GDP", "单位GDP", "万元地区生产总值", "单位地区生产总值", "对",
)  # fmt: skip
#: one word that stands for two series: 存贷款余额分别达到545亿元、575亿元
_PAIRS = (
    ("城乡居民", ("城镇居民", "农村居民")),
    ("存贷款", ("存款", "贷款")),
    ("进出口", ("进口", "出口")),
    ("城乡", ("城市", "农村")),
)
_DIRECTION = re.compile(r"(下降|降低|减少|提高|增加)(?:了)?$")


def _head(name: str) -> str:
    return next((h for h in _HEADS if name.endswith(h) and len(name) > len(h)), "")


def split_names(names_text: str, count: int) -> list[str]:
    """`count` names read from the words before 分别, or [] when they cannot be paired one by one.

    >>> split_names("城镇和农村居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> split_names("金融机构存贷款余额", 2), split_names("本外币存款、贷款余额", 2)
    (['金融机构存款余额', '金融机构贷款余额'], ['本外币存款余额', '本外币贷款余额'])
    >>> split_names("规上农产品加工企业数量、营业收入", 2)
    ['规上农产品加工企业数量', '规上农产品加工企业营业收入']
    >>> split_names("生产安全事故起数、死亡人数、直接经济损失", 3)
    ['生产安全事故起数', '生产安全事故死亡人数', '生产安全事故直接经济损失']
    >>> split_names("原煤、原油产量", 2)
    ['原煤产量', '原油产量']
    >>> split_names("食品、药品抽检合格率", 2)
    ['食品抽检合格率', '药品抽检合格率']
    >>> split_names("一、二、三产业增加值", 3)
    ['第一产业增加值', '第二产业增加值', '第三产业增加值']
    >>> split_names("生产安全事故数、死亡人数", 2)
    ['生产安全事故数', '生产安全事故死亡人数']
    >>> split_names("二氧化硫、化学需氧量排放量", 2), split_names("对欧盟、东盟进出口", 2)
    (['二氧化硫排放量', '化学需氧量排放量'], ['对欧盟进出口', '对东盟进出口'])
    """
    text = names_text.replace("“", "").replace("”", "")
    # 一、二、三产业增加值 (第一、二、三产业): three names, not 一 / 二 / 三产业增加值
    text = re.sub(r"第?一、(?:第)?二、(?:第)?三产业([\u4e00-\u9fff]*)", r"第一产业\1、第二产业\1、第三产业\1", text)
    if count < 2 or not text:
        return []
    for pattern in (r"、", r"、|和", r"、|和|与|及"):
        names = [n for n in re.split(pattern, text) if n]
        if len(names) == count:
            return _complete(names)
    if count == 2:
        for word, (a, b) in _PAIRS:
            if word in text:
                return [text.replace(word, a, 1), text.replace(word, b, 1)]
    return []


def _complete(names: list[str]) -> list[str]:
    last = names[-1]
    head = _head(last)
    out = []
    for name in names[:-1]:
        if head and not _head(name) and not name.endswith(head) and name[-1] != head[-1]:
            # (生产安全事故数、死亡人数: 事故数 is a measure already, not 事故数 + 人数)
            # 城镇 + 农村居民人均可支配收入: the shorter a modifier, the longer the shared head
            name = name + _parallel_head(name, last, head)
        out.append(name)
    first = names[0]
    # (a count of events is a measure of its own: 生产安全事故数、死亡人数 share 生产安全事故)
    first_head = _head(first) or ("数" if re.search(r"(?:事故|案件?|警情)(?:宗|起|发生)?数$", first) else "")
    subject = re.sub(r"(?<=..)(?:宗|起|发生)$", "", first[: -len(first_head)]) if first_head else ""

    def bare(name: str) -> bool:  # a measure without its subject: 死亡人数, 营业收入, 直接经济损失
        return name in _HEADS or name in _BARE_MEASURES

    if first_head and len(subject) >= 2:
        # 企业数量、营业收入 / 生产安全事故起数、死亡人数、直接经济损失: a bare measure takes the subject of the first
        out = [out[0]] + [subject + n if bare(n) and not n.startswith(subject) else n for n in out[1:]]
        short = bool(head) and len(last) <= 4  # (…、死亡人数 as the last of two)
        last = subject + last if (bare(last) or short) and not last.startswith(subject) else last
    prefix = next((p for p in _SHARED_PREFIX if first.startswith(p) and not last.startswith(p)), "")
    out.append(prefix + last)
    return [prefix + n if prefix and not n.startswith(prefix) else n for n in out[:-1]] + [out[-1]]


def _parallel_head(name: str, last: str, head: str) -> str:
    """The part of the last name that follows a modifier as long as `name`, when that cut falls between
    words: 国控河流、近岸海域优良水体比例 -> 优良水体比例 (not 比例); else the measured head alone
    (制造业、普惠小微贷款余额 -> 贷款余额: a modifier of one word says nothing about the other's length)."""
    rest = last[len(name) :]
    two = len(name) == 2 and cut_words(last)[0] == last[:2]  # 食品、药品抽检合格率: one word against one word
    if (len(name) < 4 and not two) or len(rest) <= len(head) or not rest.endswith(head):
        return head
    at = 0
    for word in cut_words(last):
        at += len(word)
        if at == len(name):
            return rest
        if at > len(name):
            break
    return head


def with_direction(name: str, verb_before: str, counted: bool = False) -> str:
    """拥堵指数 + (再)下降 -> 拥堵指数下降; growth (增长) and levels (提高到) keep the name; things counted that
    increase are new ones (规上工业企业五年增加2万家 -> 新增规上工业企业).

    >>> with_direction("拥堵指数", "拥堵指数再下降"), with_direction("地区生产总值", "地区生产总值增长")
    ('拥堵指数下降', '地区生产总值')
    >>> with_direction("规上工业企业", "企业五年增加", counted=True)
    '新增规上工业企业'
    """
    m = _DIRECTION.search(re.sub(r"(?:再|同比|分别|平均|年均|均)+$", "", verb_before))
    if not m or not name or name.endswith(m.group(1)):
        return name
    if counted and m.group(1) == "增加" and not name.startswith(("新增", "净增")):
        return "新增" + name
    return name + m.group(1)
