"""Find quantities (number + multiplier + unit) in normalised report text.

A quantity is a number as written (Arabic or Chinese numerals, a range, a fraction) followed by an
optional approximation mark (余/多), a multiplier (万, 亿, 千亿 …) and a unit (%, 个百分点, 万人, 亿元 …).
This module only says where quantities are and what they are; whether one is a goal, an outcome or
neither is decided by `filters`, `targets` and `outcomes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN = "零〇一二两三四五六七八九十百千万亿"
_MULTIPLIERS = ["万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "万", "亿", "千", "百"]
_MULTIPLIER_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

#: units, longest first; "个" after a multiplier-free number is the most common unit of all
UNITS = sorted(
    [
        "个百分点",
        "百分点",
        "%",
        "‰",
        "千瓦时",
        "千瓦",
        "兆瓦时",
        "兆瓦",
        "吉瓦时",
        "吉瓦",
        "平方公里",
        "平方千米",
        "平方米",
        "立方米",
        "公里",
        "千米",
        "米",
        "公顷",
        "亩",
        "吨",
        "千克",
        "公斤",
        "斤",
        "美元",
        "欧元",
        "元",
        "人次",
        "人年",
        "人",
        "名",
        "户次",
        "户",
        "家次",
        "家",
        "个",
        "项",
        "处",
        "所",
        "座",
        "条",
        "辆",
        "台",
        "套",
        "张",
        "场次",
        "场",
        "列",
        "件",
        "例",
        "批次",
        "批",
        "类",
        "间",
        "栋",
        "幢",
        "次",
        "部",
        "款",
        "只",
        "头",
        "株",
        "棵",
        "篇",
        "支",
        "艘",
        "架",
        "趟",
        "班",
        "床",
        "标箱",
        "标准箱",
        "倍",
        "PF",
        "Eflops",
        "EFLOPS",
        "GWh",
        "P",
        "天",
        "小时",
        "分钟",
        "岁",
        "轮",
        "层",
        "根",
        "节",
        "对",
        "组",
        "份",
        "本",
        "册",
        "门",
        "首",
        "位",
        "片",
        "口",
        "眼",
        "孔",
        "宗",
        "笔",
        "单",
        "所",
        "校",
        "园",
        "店",
        "站",
        "村",
        "镇",
        "亿",
        "吨标准煤",
        "微克/立方米",
        "微克每立方米",
        "微克",
        "块",
        "成",
        "金",
        "银",
        "铜",
        "度",
        "种",
        "枚",
        "车次",
        "个工作日",
        "工作日",
        "届",
        "期",
        "千伏安",
        "分贝",
        "起",
        "方",
        "万",
    ],
    key=len,
    reverse=True,
)
UNITS = [u for u in dict.fromkeys(UNITS) if u not in ("亿", "万")]

#: a unit character that continues into a word is not a unit: 1200万人民, 一个人口 …
_UNIT_WORD_CONTINUATION = {
    "人": "民口才员工力大",
    "成": "为立果功效本绩员交都长熟型就像品片套不",
    "金": "融额属牌奖山华沙钱币额",
    "银": "行川河",
    "铜": "仁陵川",
    "度": "假过数",
    "块": "钱",
    "位": "于居列置数",
    "名": "单录片牌义称额",
    "家": "庭居电具乡长园",
    "户": "籍口外型",
    "P": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "首": "席批都发店台个次位家创届站部套府先选付贷款要页日",
    "次": "全会性",
    "场": "所景馆地景",
    "所": "有以在属",
    "处": "理置罚级长",
    "部": "署门分署长",
    "批": "准复",
    "类": "型别",
    "台": "阶风",
    "片": "区",
    "口": "岸径号",
    "门": "类户槛",
    "单": "位",
    "支": "持出撑柱",
    "班": "子列",
    "间": "隔",
    "对": "接外口",
    "组": "织团",
    "份": "额",
    "本": "地土科",
    "站": "点",
    "村": "民庄级",
    "镇": "街",
    "园": "区林",
    "天": "然气",
    "倍": "增",
    "节": "能约点",
    "条": "件例",
    "头": "部",
    "款": "项",
    "层": "级次面",
    "期": "工间末限货待望刊",
}

_ARABIC = r"\d+(?:\.\d+)?"
_CNNUM = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*"
_RANGE_SEP = r"(?:-|—|–|~|至|到)"
_MULT = "|".join(_MULTIPLIERS)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)

QUANTITY = re.compile(
    rf"""
    (?P<fraction>[一二三四五六七八九十]分之[一二三四五六七八九十]|一半)
    |
    (?P<triple>\d+(?:\.\d+)?[∶:]\d+(?:\.\d+)?[∶:]\d+(?:\.\d+)?)(?![\d.∶:])
    |
    (?P<ratio>\d+(?:\.\d+)?)[∶:：]1(?![\d.])
    |
    (?<=产业)[^，。；\d]{{0,8}}?(?P<pair>\d+(?:\.\d+)?[∶:：]\d+(?:\.\d+)?)(?![\d.∶:：])
    |
    (?P<num>{_ARABIC}|{_CNNUM})
    (?:(?P<sep>{_RANGE_SEP})(?P<num2>{_ARABIC}|{_CNNUM}))?
    (?P<approx>多|余)?
    (?P<mult>{_MULT})?
    (?P<approx2>多|余)?
    (?P<mult2>(?<=万多|万余)亿)?
    (?P<unit>{_UNIT_RE})?
    (?P<per>[/／](?:日|天|年|月|小时|平方公里|平方千米))?
    """,
    re.X,
)


@dataclass(frozen=True)
class Quantity:
    start: int  # of the number as written (normalised text)
    end: int  # after the unit
    number: str  # as written, e.g. "9", "两", "1-2"
    value: float
    stretch: float | None  # upper end of a range
    unit: str  # multiplier + unit as written: 万人, 亿元, %, 个百分点
    base_unit: str  # the unit without multiplier: 人, 元
    approx: str  # 余 / 多 / ""
    chinese: bool  # written in Chinese numerals
    bare: bool = False  # a multiplier with no digit before it: 突破万亿, 过千亿, 千家企业
    share_of: tuple[int, int] | None = None  # a term of a structure a∶b∶c (三次产业结构4.7∶46.2∶49.1): its span


#: a multiplier written without a digit (物流总额突破万亿, “过千亿”, 组织千家企业, 超百亿斤): its first
#: character is the number, the rest belongs to the unit (千亿 -> 1000 亿元, as the annotators write it).
#: Only after a word that says "reach/pass" or before 以上, or as a count right after a verb: 千家万户,
#: “千项技改”, 新百万台 and 千万千瓦级 stay prose.
_BARE = re.compile(
    rf"""
    (?<![\d.零〇一二两三四五六七八九十百千万亿新])
    (?P<mult>万亿|千亿|百亿|千万|百万|千|百|万|亿)
    (?P<approx>余|多)?
    (?P<unit>{_UNIT_RE}|元)?
    """,
    re.X,
)
_BARE_BEFORE = re.compile(r"(?:过|超|突破|破|跃上|迈上|站上|达到|达|近|逾|上)“?(?:双过)?$")
_BARE_COUNT_VERB = re.compile(r"(?:组织|参加|带动|吸引|培育|引进|服务|开展|举办)$")
_BARE_COUNTS = ("家", "个", "项", "场", "名", "人", "户", "所", "次", "人次")


def _bare_multipliers(text: str, taken: list[Quantity]) -> list[Quantity]:
    found: list[Quantity] = []
    covered = {i for q in taken for i in range(q.start, q.end)}
    for m in _BARE.finditer(text):
        if m.start() in covered:
            continue
        mult, unit = m.group("mult"), m.group("unit") or ""
        after = text[m.end() : m.end() + 2]
        before = text[max(0, m.start() - 5) : m.start()]
        if after[:1] in ("级", "强", "万", "千", "亿") or (unit and after[:1] and after[:1] in "级"):
            continue
        if not unit and (not mult.endswith("亿") or mult == "亿"):
            continue  # 过万, 超百, 上亿: too vague without a unit
        reach = bool(_BARE_BEFORE.search(before))
        # 千余家优质企业: a round count with 余 is a count wherever it stands
        count = unit in _BARE_COUNTS and (
            bool(_BARE_COUNT_VERB.search(before)) or after.startswith("以上") or bool(m.group("approx"))
        )
        if not (reach or count):
            continue
        if not unit:
            unit = "元"  # 突破万亿, “双过千亿”: money, the only thing reports count in 亿 without a unit
        rest = mult[1:]
        if (
            unit in UNITS
            and unit in _UNIT_WORD_CONTINUATION
            and after[:1]
            and after[:1] in _UNIT_WORD_CONTINUATION[unit]
        ):
            continue
        if mult == "亿":  # 累计进口量超亿吨: one 亿吨, as the annotators write it
            rest = "亿"
        found.append(
            Quantity(
                start=m.start(),
                end=m.end(),
                number=mult[0],
                value=1.0 if mult == "亿" else float(_MULTIPLIER_VALUE[mult[0]]),
                stretch=None,
                unit=rest + unit,
                base_unit=unit,
                approx=m.group("approx") or "",
                chinese=True,
                bare=True,
            )
        )
    return found


def _to_number(text: str) -> float | None:
    if re.fullmatch(_ARABIC, text):
        return float(text)
    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError):
        return None


#: after a bare 万/亿 the number ends: 173.1万、 / 3300万。 (not 3300万元, not 千家万户)
_BARE_END = re.compile(r"(?:以上|左右|以内)?(?:[、，,。；;）)]|$)")


#: who a count of people names when it has no 人: 17.63万群众, 64.8万贫困人口, 1100多万学生
_PEOPLE_AFTER = re.compile(
    r"(?:各族|各民族|农村|城乡|城镇|高校|高中|低保|困难|贫困|在校|中小|新增|偏远|参保|重点){0,2}"
    r"(?:群众|人员|人才|人口|群体|孕产妇|贫困人口|建档立卡贫困人口|农村人口|农业转移人口|纳税人|学生|青年|老年人|妇女|职工|居民|农民工|农民|儿童|患者|"
    r"劳动力|游客|旅客|市民|村民|农牧民|牧民|渔民|适龄女生|毕业生|考生|残疾人|监测对象|脱贫人口|婴幼儿|困难群众)"
)


_HOMES_AFTER = re.compile(r"(?:各族|各民族)?(?:家庭|农户)")


_UNIT_THEN_WORD = re.compile(r"以上|以下|以内|长者|长期")


def find_quantities(text: str) -> list[Quantity]:
    """All number+unit occurrences; numbers without a unit are left out (except a bare %).

    >>> [(q.value, q.unit) for q in find_quantities("新增城镇就业9万人以上，开展培训10万人次")]
    [(9.0, '万人'), (10.0, '万人次')]
    >>> [(q.value, q.stretch, q.unit) for q in find_quantities("打造1-2个特色产业，突破1千亿元")]
    [(1.0, 2.0, '个'), (1.0, None, '千亿元')]
    >>> [(q.value, q.unit) for q in find_quantities("64.8万贫困人口稳定脱贫，PM2.5浓度降至36.8微克/立方米")]
    [(64.8, '万人'), (36.8, '微克/立方米')]
    >>> [(q.value, q.unit) for q in find_quantities("新增供水能力10万吨/日，路网密度8公里/平方公里")]
    [(10.0, '万吨/日'), (8.0, '公里/平方公里')]
    >>> [(q.value, q.unit) for q in find_quantities("城乡居民收入比缩小至2.21∶1，比重稳定在八成左右")]
    [(2.21, '∶1'), (8.0, '成')]
    >>> [(q.value, q.unit) for q in find_quantities("产业比重调整为4.7∶46.2∶49.1")]
    [(4.7, '%'), (46.2, '%'), (49.1, '%')]
    >>> [(q.value, q.unit) for q in find_quantities("天然气产能达到22亿方，备案压缩到2个工作日，形成三方合力")]
    [(22.0, '亿方'), (2.0, '个工作日')]
    >>> [(q.value, q.unit) for q in find_quantities("获2金1银1铜，发电量超3000亿度，进口量超亿吨，赋能上千家")]
    [(2.0, '金'), (1.0, '银'), (1.0, '铜'), (3000.0, '亿度'), (1.0, '亿吨'), (1000.0, '家')]
    >>> [(q.value, q.unit) for q in find_quantities("算力190Eflops、智能算力1.7万P，产能55GWh，幼儿园200所以上，P2P")]
    [(190.0, 'Eflops'), (1.7, '万P'), (55.0, 'GWh'), (200.0, '所')]
    >>> [(q.value, q.unit) for q in find_quantities("可用算力达5000P，2首原创歌曲")]
    [(5000.0, 'P'), (2.0, '首')]
    >>> [(q.value, q.unit) for q in find_quantities("举办讲堂12期，二期工程，新增供电容量19万千伏安，噪声70分贝")]
    [(12.0, '期'), (19.0, '万千伏安'), (70.0, '分贝')]
    """
    found: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if m.group("fraction"):
            num, den = m.group("fraction").split("分之") if "分之" in m.group("fraction") else ("二", "一")
            value = _to_number(den) / _to_number(num)  # 三分之一 -> 0.3333; 一半 -> 0.5
            found.append(Quantity(m.start(), m.end(), m.group(), round(value, 4), None, "", "", "", True))
            continue
        whole = "triple" if m.group("triple") else "pair" if m.group("pair") else ""
        terms = re.findall(r"\d+(?:\.\d+)?", m.group(whole)) if whole else []
        if terms and abs(sum(map(float, terms)) - 100) > 1.5:
            continue  # not shares of a whole (比分3:2:1)
        if terms:  # 三次产业结构调整为4.7∶46.2∶49.1, 二、三产业比例18.06：81.94: shares of the whole, in per cent
            span = m.span(whole)
            for t in re.finditer(r"\d+(?:\.\d+)?", m.group(whole)):
                a, b = span[0] + t.start(), span[0] + t.end()
                found.append(Quantity(a, b, t.group(), float(t.group()), None, "%", "%", "", False, False, span))
            continue
        if m.group("ratio"):  # 城乡居民收入比缩小至2.21∶1: a ratio to one
            found.append(
                Quantity(m.start(), m.end(), m.group("ratio"), float(m.group("ratio")), None, "∶1", "∶1", "", False)
            )
            continue
        unit = m.group("unit")
        mult = (m.group("mult") or "") + (m.group("mult2") or "")  # 3万多亿元: some 3 万亿元
        if not unit and mult and m.group("num")[0].isdigit() and _PEOPLE_AFTER.match(text, m.end()):
            unit = "人"  # 17.63万群众, 6600多万纳税人: people counted by who they are (the noun stays out of the quote)
        elif not unit and mult and m.group("num")[0].isdigit() and _HOMES_AFTER.match(text, m.end()):
            unit = "户"  # 近20万各民族家庭
        elif not unit and mult in ("万", "亿") and m.group("num")[0].isdigit() and _BARE_END.match(text, m.end()):
            unit = ""  # 增至173.1万、增长865倍: a count of so many ten-thousands (of whatever the sentence counts)
        elif not unit:
            continue
        end = m.end()
        nxt = text[end : end + 1]
        glued = unit in _UNIT_WORD_CONTINUATION and nxt and nxt in _UNIT_WORD_CONTINUATION[unit]
        if glued and not _UNIT_THEN_WORD.match(text, end):
            continue  # 所以, 家长, 人民: one word; but 200所以上, 2家长者服务中心: a unit, then a word
        if unit == "P" and not mult and "算力" not in text[max(0, m.start() - 16) : m.end() + 4]:
            continue  # 1.7万P or 算力达5000P of computing power; a bare P is a letter (P2P)
        if unit == "方" and not mult:
            continue  # 天然气产能22亿方 (cubic metres), not 三方 or 多方
        if unit == "起" and not m.group("num")[0].isdigit():
            continue  # 118起避险案例, 事故起数; 一起 is "together"
        if unit == "度" and not mult:
            continue  # 3000亿度 of electricity; a bare 度 is a degree or a time (一度)
        if unit == "期" and not (m.group("num")[0].isdigit() and float(m.group("num")) >= 5):
            continue  # 举办院士讲堂12期 (sessions); 二期, 3期 are a project's phases
        number = m.group("num")
        chinese = not number[0].isdigit()
        if chinese and mult:
            # "三万" is one Chinese numeral: fold the multiplier back in
            value = _to_number(number + mult)
            mult = ""
        else:
            value = _to_number(number)
        if value is None:
            continue
        stretch = _to_number(m.group("num2")) if m.group("num2") else None
        if chinese and number in ("十", "百", "千") and not mult:
            pass
        approx = m.group("approx") or m.group("approx2") or ""
        if unit == "百分点":
            unit = "个百分点"
        if m.group("per"):
            unit += "/" + m.group("per")[1:]  # a rate: 6.5万吨/日, 3.1公里/平方公里
        shown = number if not m.group("num2") else m.group("num") + m.group("sep") + m.group("num2")
        found.append(
            Quantity(
                start=m.start(),
                end=end,
                number=shown,
                value=value,
                stretch=stretch,
                unit=mult + unit,
                base_unit=unit,
                approx=approx,
                chinese=chinese,
            )
        )
    found = _mixed_numerals(text, found)
    found += _shared_units(text, found)
    found += _bare_multipliers(text, found)
    found += _doublings(text, found)
    found += _years_of_schooling(text, found)
    found += _fractions_and_scores(text, found)
    found.sort(key=lambda q: q.start)
    return found


_MIXED = re.compile(rf"(?<![\d.])(\d+)(万|亿)(\d)千(多|余)?(万(?=[^\u4e00-\u9fff]|$))?({_UNIT_RE})?")


def _mixed_numerals(text: str, found: list[Quantity]) -> list[Quantity]:
    """1万6千多户, 2万5千公里, 1亿3千多万: a number written in two places of the Chinese count.

    >>> [(q.number, q.value, q.unit) for q in find_quantities("增加到1万6千多户，里程增加到2万5千公里")]
    [('1万6千', 1.6, '万户'), ('2万5千', 2.5, '万公里')]
    """
    out = list(found)
    for m in _MIXED.finditer(text):
        mult, unit = m.group(2), m.group(6) or ""
        if mult == "万" and m.group(5):
            continue  # 1万6千万 is no way to write a number
        value = int(m.group(1)) + int(m.group(3)) / 10
        out = [q for q in out if q.end <= m.start() or q.start >= m.end()]
        q = Quantity(m.start(), m.end(), m.group(1) + mult + m.group(3) + "千", value, None, mult + unit, unit,
                     m.group(4) or "", False)  # fmt: skip
        out.append(q)
    return out


#: 占全国1/3, 约占地区生产总值的1/3强: a share written as a fraction (of a whole named before it)
_SLASH_FRACTION = re.compile(r"(?<=[\u4e00-\u9fff、])([1-9])/([2-9]|1\d|20)(?![\d/.])")
#: a measure that reports write without a unit: 收入比缩小至2.54, 收入倍差从1.96缩小至1.81, 满意度提升至89.6
_UNITLESS_NUM = r"(?:\d+\.\d+|\d{2}(?:\.\d+)?)(?![\d.%％‰∶:万亿千百个分年天次项家倍名位届期岁月日])"
_UNITLESS = re.compile(
    rf"(?:收入比|倍差|满意度|综合指数)[^，。；、\d%]{{0,8}}?{_UNITLESS_NUM}(?:[^，。；、\d%]{{1,6}}?{_UNITLESS_NUM})?"
)


def _fractions_and_scores(text: str, found: list[Quantity]) -> list[Quantity]:
    """Shares written as fractions, and ratios and scores written without a unit.

    >>> [(q.number, q.value, q.unit) for q in find_quantities("占全国1/3，收入比缩小至2.54，满意度从84.7提升至89.6")]
    [('1/3', 0.3333, ''), ('2.54', 2.54, ''), ('84.7', 84.7, ''), ('89.6', 89.6, '')]
    """
    taken = {i for q in found for i in range(q.start, q.end)}
    out = []
    for m in _SLASH_FRACTION.finditer(text):
        if m.start() not in taken and int(m.group(1)) < int(m.group(2)):
            value = round(int(m.group(1)) / int(m.group(2)), 4)
            out.append(Quantity(m.start(), m.end(), m.group(), value, None, "", "", "", False))
    for m in _UNITLESS.finditer(text):
        for g in re.finditer(r"\d+(?:\.\d+)?", text[m.start() : m.end()]):
            a = m.start() + g.start()
            if a not in taken and not text[a - 1 : a].isdigit():
                out.append(Quantity(a, a + len(g.group()), g.group(), float(g.group()), None, "", "", "", False))
    return out


def _years_of_schooling(text: str, found: list[Quantity]) -> list[Quantity]:
    """A length of time that is the measure, not a date or a duration: 平均受教育年限提高到10.5年.

    >>> [(q.value, q.unit) for q in find_quantities("劳动年龄人口平均受教育年限提高到11.3年，用3年时间")]
    [(11.3, '年')]
    >>> [(q.value, q.unit) for q in find_quantities("受教育年限从2020年的9.6年提升至2025年的10.2年左右")]
    [(9.6, '年'), (10.2, '年')]
    """
    taken = {q.start for q in found}
    out = []
    for m in re.finditer(r"年限", text):
        window = re.match(r"[^，。；]{0,30}", text[m.end() :]).group()
        for g in re.finditer(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)年(?!代)", window):
            a = m.end() + g.start(1)
            if a not in taken:
                out.append(Quantity(a, m.end() + g.end(), g.group(1), float(g.group(1)), None, "年", "年", "", False))
    return out


def _doublings(text: str, found: list[Quantity]) -> list[Quantity]:
    """翻一番 / 翻两番: so many doublings, the number the annotators write with the unit 番.

    >>> [(q.number, q.value, q.unit) for q in find_quantities("研发投入翻一番，托位数翻两番，收入翻番")]
    [('一', 1.0, '番'), ('两', 2.0, '番')]
    """
    taken = {q.start for q in found}
    out = []
    for m in re.finditer(r"翻了?([一两二三四])番", text):
        if m.start(1) not in taken:
            value = float("一二三四".index(m.group(1).replace("两", "二")) + 1)
            out.append(Quantity(m.start(1), m.end(), m.group(1), value, None, "番", "番", "", True))
    return out


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """Numbers of a list that leave the unit to the last one: 分别提高20.9、36.2、54个百分点.

    >>> [(q.value, q.unit) for q in find_quantities("分别提高20.9、36.2、54个百分点，第1、2号线")]
    [(20.9, '个百分点'), (36.2, '个百分点'), (54.0, '个百分点')]
    >>> [(q.value, q.unit) for q in find_quantities("规模分别达1.28万亿、1.18万亿、8200亿元")]
    [(1.28, '万亿元'), (1.18, '万亿元'), (8200.0, '亿元')]
    """
    at = {q.start: q for q in found}
    out: list[Quantity] = []
    for m in reversed(list(re.finditer(r"(?<![\d.第])(\d+(?:\.\d+)?)(万亿|千亿|亿|万)?(?=、\d)", text))):
        after = at.get(m.end() + 1)
        if after is None or after.stretch is not None or m.start() in at:
            continue
        unit = (m.group(2) or after.unit.removesuffix(after.base_unit)) + after.base_unit  # 1.28万亿、…、8200亿元
        q = Quantity(m.start(), m.end(), m.group(1), float(m.group(1)), None, unit, after.base_unit, "", False)
        at[q.start] = q
        out.append(q)
    return out


def fmt(value: float) -> str:
    """A number as a report would print it: 9.4, 90000, 104.4 (no trailing zeros).

    >>> fmt(9.4), fmt(90000.0), fmt(-0.0)
    ('9.4', '90000', '0')
    """
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def multiplier_of(unit: str) -> tuple[float, str]:
    """Split a written unit into (factor, base unit): 万人 -> (10000, 人); 千瓦 stays a unit.

    >>> multiplier_of("千亿元"), multiplier_of("万千瓦"), multiplier_of("千米")
    ((100000000000.0, '元'), (10000.0, '千瓦'), (1.0, '千米'))
    """
    factor = 1.0
    rest = unit
    for mult in _MULTIPLIERS:
        if rest.startswith(mult) and rest[len(mult) :] and rest != mult:
            remaining = rest[len(mult) :]
            if remaining in UNITS or remaining in ("元", "美元"):
                # 千瓦, 千米, 千克 are units of their own: keep the 千
                if mult == "千" and remaining in ("瓦", "米", "克", "瓦时"):
                    break
                factor = 1.0
                for ch in mult:
                    factor *= _MULTIPLIER_VALUE[ch]
                rest = remaining
                break
    return factor, rest
