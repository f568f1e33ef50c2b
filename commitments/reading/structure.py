"""Parts (一、回顾 / 二、计划 / 三、自身建设), sections (（一）…) and lead phrases, years, delivery date.

All positions here are in the normalised text (see textmap); `extract` maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_ORDER = "一二三四五六七八九十"
# a part heading starts a line (or follows a full stop when a report has no line breaks at all):
# 一、2023年工作回顾 / 第二部分 2024年工作安排
_PART = re.compile(
    r"(?:^|(?<=[。！？]))[ \t]*(?:([一二三四五六七八九])、|第([一二三四五六七八九])部分[：:、 \t]*)"
    r"[ \t]*([^\n。]{2,40})",
    re.M,
)
#: an unnumbered part heading on a line of its own (摘登 and news versions): “十五五”时期的主要目标任务, 2026年主要工作
_BARE_PART = re.compile(
    r"^[ \t]*([^\n，。；：（(]{0,24}(?:工作回顾|发展回顾|回顾|主要目标任务|目标任务|主要任务|工作安排|主要工作|"
    r"重点工作|重点任务|(?:今后|未来)五年的?(?:政府)?工作|"
    r"总体要求|主要目标)[^\n，。；：]{0,8})[ \t]*$",
    re.M,
)
_SECTION = re.compile(r"(?:^|(?<=[。！？]))[ \t]*([（(][一二三四五六七八九十]{1,3}[）)])([^\n]*)", re.M)
_YEAR = re.compile(r"(20\d\d)\s*年")
_PLACEHOLDER_YEAR = re.compile(r"(?:20[XＸx×*＊]{2}|20\d[XＸx×*＊]|[XＸx×]{4})\s*年")
_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_LEAD = re.compile(r"(?:^|(?<=\n))[ \t]*([^\n，,。；：“”（）\d]{3,16}。)")
_REVIEW_WORDS = ("回顾", "过去", "总结", "工作情况", "成就", "执行情况")
_PLAN_WORDS = ("目标", "任务", "安排", "重点", "主要工作", "工作建议", "部署", "思路", "总体要求")
_SELF_WORDS = ("自身建设", "政府建设", "履职", "治理能力", "作风", "政府职能", "政府自身")
#: 十四五 → 2025: the last year of a five-year plan
_FIVE_YEAR = re.compile(r"十([一二三四五六七])五|第十([一二三四五六七])个五年")
#: a paragraph that opens the year's plan (news versions and 摘登 often give it no heading)
_YEAR_PLAN_CUE = re.compile(
    r"^[^\n。]{0,24}?(?:今年是|(?:20\d\d)年是[^\n。]{0,20}之年|今年政府工作的总体要求|"
    r"今年(?:全省|全市|全区|全县|全州|全国)?经济社会发展(?:的)?主要预期目标|(?:经济社会发展|发展)的主要预期目标是|"
    r"今年(?:的)?(?:政府)?工作(?:安排|任务)?(?:是|要|将)|20\d\d年(?:的)?(?:政府)?工作(?:安排|任务)?[是：:])",
    re.M,
)
#: a paragraph that opens the review in a text without headings: 2023年，我们… / 过去一年 / 一年来
_REVIEW_CUE = re.compile(
    r"^[^\n。]{0,24}?(?:过去的一年|过去一年|一年来|去年以来|这一年|过去五年|五年来|这五年|20\d\d年[，,]我们|20\d\d年[，,]面对)",
    re.M,
)
#: where a news page leaves the report for another speech or for links
_AFTER_REPORT = re.compile(
    r"^[^\n]{0,40}(?:人大常委会工作报告|人大常委会主任[^\n]{0,20}作|法院工作报告|检察院工作报告)|"
    r"^[ \t（(]*(?:责任编辑|编辑推荐|延伸阅读|相关阅读|相关新闻|相关链接|相关报道)",
    re.M,
)
#: a web page's own lines: 来源：河北日报, 浏览次数 4034 次, 【字号：大 中 小】, 发布时间：2024/1/23
_CHROME = re.compile(
    r"^[ \t【\[]*(?:来源|日期|时间|发布时间|发布日期|发布机构|浏览次数|浏览量|点击数|阅读数|添加时间|信息发布人|"
    r"作者|编辑|责任编辑|字号|字体|打印|关闭|分享到|扫一扫|索引号|文号|发文机关|成文日期)[^\n]*$"
    r"|^[ \t]*(?:您是第)?[ \t]*\d+[ \t]*位(?:访客|访问者)[ \t]*$|^[^\n]*(?:ICP备|公网安备|上班时间)[^\n]*$",
    re.M,
)
#: a glossary after the report: its terms are not commitments
_GLOSSARY = re.compile(
    r"^[ \t　]*(?:附[：:件]?[ \t　]*)?(?:有关|主要|部分)?(?:名词解释|注释|注解|名词注释|词语解释)"
    r"[ \t　]*[：:]?[ \t　]*$",
    re.M,
)
#: an annex after the report (附件\n2026年自治区民生实事): a list the report refers to, not its text
_ANNEX = re.compile(r"^[ \t　]*附件[一二三四五1-9]?[ \t　]*[：:]?[ \t　]*\n[ \t　]*([^\n]{2,40})$", re.M)


_REPORT_LIKE = re.compile(r"各位代表|政府工作报告|主要预期目标|政府工作的总体要求")


@dataclass(frozen=True)
class RawPart:
    kind: str
    title: str
    start: int
    end: int
    horizon: int | None = None  # a five-year plan's last year (“十四五” → 2025)


@dataclass(frozen=True)
class RawSection:
    part: str
    title: str
    start: int
    end: int
    level: int  # 1 = （一）heading, 2 = lead phrase inside it


@dataclass(frozen=True)
class Body:
    start: int
    end: int
    warnings: tuple[str, ...] = ()


def find_body(text: str) -> Body:
    r"""The report itself: not a second copy of it, not the glossary, links or another speech after it.

    >>> copy = "各位代表：\n一、2023年工作回顾\n" + "甲" * 90
    >>> t = "导航\n" + copy + "\n结束。\n导航\n" + copy
    >>> b = find_body(t); t[b.start:b.end].count("一、"), b.warnings
    (1, ('页面中报告全文出现了两次，只读取第一份。',))
    >>> find_body(copy + "\n附件\n2026年民生实事\n1.新增托位2000个").warnings[0][:24]
    '报告后的附件（2026年民生实事）不作为承诺读取'
    """
    warnings: list[str] = []
    end = len(text)
    lines = [m for m in re.finditer(r"[^\n]{60,}", text)][:6]
    for m in lines:
        again = text.find(m.group(0), m.end())
        if again != -1:
            end = _copy_start(text, again, m.start())
            warnings.append("页面中报告全文出现了两次，只读取第一份。")
            break
    half = len(text[:end]) // 3
    for pattern in (_GLOSSARY, _ANNEX, _AFTER_REPORT):
        m = pattern.search(text, half, end)
        if m:
            end = m.start()
            if pattern is _GLOSSARY:
                warnings.append("报告后的名词解释不作为承诺读取。")
            elif pattern is _ANNEX and not _GLOSSARY.match(m.group(1)):
                warnings.append(f"报告后的附件（{m.group(1).strip()}）不作为承诺读取，如需跟踪请在后台逐条添加。")
    return Body(0, end, tuple(warnings))


def chrome_lines(text: str) -> list[tuple[int, int]]:
    r"""Spans of a web page's own lines (来源, 浏览次数, 字号 …): no figure there is the report's.

    >>> t = "添加时间 2026/2/12 浏览次数 4034 次\n地区生产总值增长6%。\n   74367782 位访客\n冀ICP备05019637号-2"
    >>> [t[a:b] for a, b in chrome_lines(t)]
    ['添加时间 2026/2/12 浏览次数 4034 次', '   74367782 位访客', '冀ICP备05019637号-2']
    """
    return [(m.start(), m.end()) for m in _CHROME.finditer(text) if len(m.group(0)) <= 80]


def _copy_start(text: str, again: int, first: int) -> int:
    """Back from the repeated paragraph over the title lines that the first copy also has."""
    start = text.rfind("\n", 0, again) + 1
    first_head = text[max(0, first - 3000) : first]
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1].strip()
        if line and line not in first_head:
            break
        start = prev
    return start


def find_parts(text: str, body: Body | None = None) -> list[RawPart]:
    r"""The parts of the report, in order, each classified by its title.

    >>> text = "各位代表：\n一、2023年工作回顾\n好。\n二、2024年重点工作\n要。\n三、全面加强政府自身建设\n"
    >>> [(p.kind, p.title) for p in find_parts(text)]
    [('review', '一、2023年工作回顾'), ('plan', '二、2024年重点工作'), ('self', '三、全面加强政府自身建设')]
    >>> text = "“十四五”时期发展回顾\n这五年，好。\n“十五五”时期的主要目标任务\n到2030年。\n2026年主要工作\n今年要。"
    >>> [(p.kind, p.horizon) for p in find_parts(text)]
    [('review', None), ('plan', 2030), ('plan', None)]
    >>> text = "各位代表：\n一、2019年工作回顾\n好。\n二、今年主要目标\n要。\n三、加大宏观政策力度\n四、扩大内需\n"
    >>> [p.kind for p in find_parts(text)]
    ['review', 'plan', 'plan', 'plan']
    >>> text = "各位代表：\n2022年工作回顾\n一、防疫\n好。\n二、稳\n好。\n2023年主要工作\n一、发展\n要。\n二、民生\n"
    >>> [(p.kind, p.title) for p in find_parts(text)]
    [('review', '2022年工作回顾'), ('plan', '2023年主要工作')]
    """
    body = body or Body(0, len(text))
    report_like = bool(_REPORT_LIKE.search(text, body.start, body.end))
    numbered, bare = _numbered_heads(text, body), _bare_heads(text, body)
    # headings on lines of their own above numbered ones (“十四五”时期发展成就和2025年工作回顾 … 一、…): the
    # numbered ones are the plan's chapters
    titles = {t for _, t in numbered}  # (a table of contents repeats the numbered headings: not headings of its own)
    own = [b for b in bare if b[1] not in titles]
    above = [b for b in own if not numbered or b[0] < numbered[0][0]]
    # 2022年工作回顾 一、… 二、… 2023年主要工作 一、…: the numbering starts again under each bare heading
    restarts = len(own) >= 2 and any(
        (m.group(1) or m.group(2)) == "一" for m in _PART.finditer(text, own[1][0], body.end)
    )
    heads = bare if len(above) >= 2 or (above and restarts) else numbered
    parts: list[RawPart] = []
    for i, (start, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else body.end
        kind = _kind(title, i, report_like)
        parts.append(RawPart(kind, title, start, end, _horizon(title, text, start) if kind == "plan" else None))
    # a 今后五年 part that names no year aims where its sibling five-year part says (到2025年), else it is guessed
    said = next((p.horizon for p in parts if p.horizon), None)
    parts = [
        RawPart(p.kind, p.title, p.start, p.end, said or _horizon(p.title, text, p.start, guess=True))
        if p.kind == "plan" and p.horizon is None and _five_year_title(p.title)
        else p
        for p in parts
    ]
    parts = _split_year_plan(text, _split_five_year_review(text, parts))
    year_plan = next((int(m.group(1)) for p in parts if not p.horizon and (m := _YEAR.search(p.title))), None)
    if year_plan:  # 今后五年 runs from the year of the plan that follows it
        parts = [
            RawPart(p.kind, p.title, p.start, p.end, year_plan + 4)
            if p.horizon and not _FIVE_YEAR.search(p.title)
            else p
            for p in parts
        ]
    if not any(p.kind == "plan" for p in parts) and report_like:
        parts = _parts_from_cues(text, body, parts)
    return parts


def _numbered_heads(text: str, body: Body) -> list[tuple[int, str]]:
    heads: list[tuple[int, str]] = []
    expected = 0
    for m in _PART.finditer(text, body.start, body.end):
        number = _CN_ORDER.index(m.group(1) or m.group(2))
        title = (m.group(0).strip()).lstrip("。！？ \t")
        if number == 0 and heads and title.startswith(heads[0][1][:8]):
            heads, expected = [], 0  # the headings again: what came first was a table of contents
        if number != expected:
            continue
        # a report without line breaks runs the first sentence into the title: cut at a second year/colon
        cut = next(
            (m for m in re.finditer(r"(?<=.{6})20\d\d年|：", title) if m.group() == "：" or _second_year(title, m)),
            None,
        )
        title = title[: cut.start()] if cut else title
        heads.append((m.start(1) if m.group(1) else m.start(2) - 1, title))
        expected += 1
    if len(heads) == 1 and not any(w in heads[0][1] for w in (*_REVIEW_WORDS, *_PLAN_WORDS)):
        return []
    return heads


def _second_year(title: str, m: re.Match) -> bool:
    r"""A year that starts the first sentence run into the title (一、2023年工作回顾2023年，我们…), not one of the
    title's own words (一、过去五年和2021年工作回顾).

    >>> t = "一、2023年工作回顾2023年，我们"
    >>> [_second_year(t, m) for m in re.finditer(r"20\d\d年", t)]
    [False, True]
    >>> t = "一、过去五年和2021年工作回顾"
    >>> [_second_year(t, m) for m in re.finditer(r"20\d\d年", t)]
    [False]
    """
    return bool(_YEAR.search(title, 0, m.start())) or m.start() > 24


def _bare_heads(text: str, body: Body) -> list[tuple[int, str]]:
    return [(m.start(1), m.group(1).strip()) for m in _BARE_PART.finditer(text, body.start, body.end)]


def _kind(title: str, index: int, report_like: bool) -> str:
    if any(w in title for w in _SELF_WORDS):
        return "self"
    if any(w in title for w in _REVIEW_WORDS) and not re.search(r"(?:目标|任务|安排)$", title):
        return "review"
    if index == 0 and _YEAR.search(title) and "目标" not in title and "安排" not in title and "任务" not in title:
        return "review"
    if (index >= 1 and any(w in title for w in _PLAN_WORDS)) or re.search(r"十[一二三四五六七]五|五年", title):
        return "plan"
    if index >= 1 and "年" in title and report_like:
        return "plan"
    if not report_like:  # a statistical bulletin's 一、综合 二、农业: sections, not a plan
        return "other"
    if index >= 2 and re.search(r"政府(?!工作)", title):
        return "self"  # 三、努力建设人民满意的政府
    # later parts with no cue are more of the work to do (国务院 2020: 三、加大宏观政策实施力度… 八、…民生)
    return ("review", "plan")[index] if index < 2 else "plan"


def _five_year_title(title: str) -> bool:
    return "五年" in title or bool(re.search(r"新一届政府|本届政府", title))


def _horizon(title: str, text: str, start: int = 0, *, guess: bool = False) -> int | None:
    """The last year of a five-year plan part: “十四五” → 2025; 今后五年 → the year it aims at, or (`guess`) its
    first year + 4.

    >>> _horizon("二、“十四五”时期发展的总体思路", ""), _horizon("二、2024年重点工作", "")
    (2025, None)
    >>> _horizon("二、关于《国民经济和社会发展第十五个五年规划纲要（草案）》的说明", "2025年")
    2030
    >>> _horizon("二、今后五年的主要工作", "由2015年增至2020年。二、今后五年的主要工作 主要目标是：到2025年", 14)
    2025
    """
    m = _FIVE_YEAR.search(title)
    if m:
        return 2005 + 5 * (_CN_ORDER.index(m.group(1) or m.group(2)) + 1)
    if _five_year_title(title):
        # the part's own words first: 未来五年…主要目标是：到2025年, 未来五年是实施“十四五”规划的关键时期
        own = text[start : start + 1500]
        dated = [int(y) for y in re.findall(r"到(20\d\d)年", own) if int(y) % 5 == 0]
        if dated:
            return min(dated)
        if m := _FIVE_YEAR.search(own):
            return 2005 + 5 * (_CN_ORDER.index(m.group(1) or m.group(2)) + 1)
        years = [int(y) for y in _YEAR.findall(text[:3000])] if guess else []
        if years:
            return max(set(years), key=years.count) + 4
    return None


def _split_five_year_review(text: str, parts: list[RawPart]) -> list[RawPart]:
    r"""A part on two five-year plans (“十四五”时期发展成就和“十五五”时期主要目标任务) reviews the first and plans the
    second: a review up to the paragraph that opens the later plan, a plan with the later horizon after it.

    >>> t = "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年，增长30%。\n根据第十五个五年规划的建议…\n"
    >>> parts = _split_five_year_review(t, [RawPart("plan", t[:27], 0, len(t), 2025)])
    >>> [(p.kind, p.title, p.horizon) for p in parts], t[parts[1].start : parts[1].end][:6]
    ([('review', '二、“十四五”时期发展成就', None), ('plan', '“十五五”时期主要目标任务', 2030)], '根据第十五个')
    >>> t = "二、关于第十五个五年规划纲要的说明\n“十四五”时期，这五年增长30%。\n“十五五”时期，到2030年…\n"
    >>> [(p.kind, p.horizon) for p in _split_five_year_review(t, [RawPart("plan", t[:17], 0, len(t), 2030)])]
    [('review', None), ('plan', 2030)]
    """
    out: list[RawPart] = []
    for p in parts:
        plans = [_CN_ORDER.index(a or b) for a, b in _FIVE_YEAR.findall(p.title)]
        if p.kind != "plan" or not plans:
            out.append(p)
            continue
        later = _CN_ORDER[max(plans)]
        horizon = 2005 + 5 * (max(plans) + 1)
        after = p.start + len(p.title)
        if len(set(plans)) < 2:
            # a plan's part that first looks back on the plan before (…规划纲要（草案）的说明: “十四五”时期，…这五年，…)
            looks_back = re.compile(
                rf"^[ \t　]*(?:“?十{_CN_ORDER[max(plans) - 1]}五”?时期|过去五年|五年来|这五年)", re.M
            )
            back = looks_back.search(text, after, p.end)
            if back is None:
                out.append(p)
                continue
            after = back.end()
        opens = re.compile(rf"^[^\n]{{0,60}}?(?:十{later}五|第十{later}个五年|今后五年|未来五年)", re.M)
        cue = next(
            (m for m in opens.finditer(text, after, p.end) if not _REVIEW_CUE.match(text, m.start())),
            None,
        )
        if cue is None:
            out.append(RawPart(p.kind, p.title, p.start, p.end, horizon))
            continue
        first, _, second = p.title.partition("和")  # 二、“十四五”时期发展成就 | “十五五”时期主要目标任务
        out.append(RawPart("review", first if second else p.title, p.start, cue.start(), None))
        out.append(RawPart("plan", second or p.title, cue.start(), p.end, horizon))
    return out


_BY_THEN = re.compile(r"[ \t　]*(?:到|至)20\d\d年")


def _split_year_plan(text: str, parts: list[RawPart]) -> list[RawPart]:
    """A five-year part that runs on into the year's plan (摘登: “今年是‘十五五’开局之年…”) is two parts."""
    out: list[RawPart] = []
    for p in parts:
        m = _YEAR_PLAN_CUE.search(text, p.start + len(p.title), p.end) if p.horizon else None
        while m and _BY_THEN.match(text, m.start()):  # 到2025年，…主要预期目标是: the five-year goals themselves
            m = _YEAR_PLAN_CUE.search(text, m.end(), p.end)
        if m:
            line = text[m.start() : text.find("\n", m.start()) if "\n" in text[m.start() :] else p.end]
            out.append(RawPart(p.kind, p.title, p.start, m.start(), p.horizon))
            out.append(RawPart("plan", line[:40], m.start(), p.end, None))
        else:
            out.append(p)
    return out


def _parts_from_cues(text: str, body: Body, parts: list[RawPart]) -> list[RawPart]:
    """A text without part headings (a news version, a plan-only excerpt): the plan starts at the first
    paragraph that opens the year's plan, the review at the first that reviews the year before it."""
    plan = _YEAR_PLAN_CUE.search(text, body.start, body.end)
    if plan is None:
        return parts
    out: list[RawPart] = []
    review = _REVIEW_CUE.search(text, body.start, plan.start())
    if review is not None:
        out.append(RawPart("review", _line(text, review.start())[:40], review.start(), plan.start()))
    out.append(RawPart("plan", _line(text, plan.start())[:40], plan.start(), body.end))
    return out


#: the paragraph that turns from results to shortcomings: 在肯定成绩的同时，我们也清醒地看到…
_SHORTCOMINGS = re.compile(
    r"(?:清醒地?(?:看到|认识到)|也要看到|肯定成绩的?同时|存在(?:一些|不少)?(?:困难和问题|问题和不足|短板|不足)|"
    r"差距和不足|困难和挑战)"
)


#: a paragraph that looks back on five years (not “十三五”时期 of a plan ahead)
_LOOKING_BACK = re.compile(r"过去五年|五年来|这五年|收官之年")


def results_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""The stretches of a review that state results: up to the shortcomings, and again from a paragraph that
    opens a five-year review after them (国务院 2016: 去年… 我们也清醒看到… 各位代表！2015年是“十二五”收官之年。
    过去五年，…国内生产总值年均增长7.8%).

    >>> t = "一、回顾\n新增就业5万人。\n我们也清醒看到，仍有9条黑臭水体。\n2015年是收官之年。过去五年，增长7.8%。\n"
    >>> [t[a:b][:4] for a, b in results_spans(t, 0, len(t))]
    ['一、回顾', '2015']
    """
    cut = results_end(text, start, end)
    if cut >= end:
        return [(start, end)]
    for m in re.finditer(r"\n[\s\u3000]*", text[cut:end]):
        at = cut + m.end()
        if _LOOKING_BACK.search(text, at, min(at + 40, end)):
            return [(start, cut), *results_spans(text, at, end)]
    return [(start, cut)]


def results_end(text: str, start: int, end: int) -> int:
    r"""Where a review's results end: at the paragraph that turns to shortcomings (its figures, 迁出纳税大户33家,
    仍有9条黑臭水体, say what is wrong, not what was achieved), else at the part's end.

    >>> t = "一、工作回顾\n新增就业5万人。\n同时，我们也清醒地看到，仍有9条黑臭水体。\n"
    >>> t[results_end(t, 0, len(t)):].startswith("同时")
    True
    >>> t = "一、工作回顾\n过去一年，困难和挑战比预想的大。我们迎难而上，主要做了以下工作。\n新增就业5万人。\n"
    >>> results_end(t, 0, len(t)) == len(t)
    True
    """
    for m in re.finditer(r"\n[\s\u3000]*", text[start:end]):
        at = start + m.end()
        line_end = text.find("\n", at)
        turn = _SHORTCOMINGS.search(text, at, min(at + 40, end, line_end if line_end != -1 else end))
        if turn:
            if re.search(r"做了以下工作|迎难而上|主要做了|着力抓了", text[turn.end() : turn.end() + 30]):
                continue  # 过去一年，困难和挑战比预想的大。我们迎难而上，主要做了以下工作: the results follow
            return at
    return end


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end != -1 else len(text)]


def find_sections(text: str, parts: list[RawPart]) -> list[RawSection]:
    """（一）headings inside each part, and the lead phrases (短句。at a paragraph start) inside those."""
    out: list[RawSection] = []
    for part in parts:
        heads: list[tuple[int, str]] = []
        expected = 0
        for m in _SECTION.finditer(text, part.start, part.end):
            number = m.group(1)[1:-1]
            try:
                value = _cn_small(number)
            except ValueError:
                continue
            if value != expected + 1:
                continue
            expected = value
            body = m.group(2)
            cut = re.search(r"[。！]", body)
            title = m.group(1) + (body[: cut.start()] if cut else body[:40]).strip()
            heads.append((m.start(1), title))
        for i, (start, title) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else part.end
            out.append(RawSection(part.kind, title, start, end, 1))
            for lead in _LEAD.finditer(text, start + len(title), end):
                out.append(RawSection(part.kind, lead.group(1)[:-1], lead.start(1), lead.end(1), 2))
    return out


def _cn_small(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_ORDER.index(text[1]) + 1
    if len(text) == 1:
        return _CN_ORDER.index(text) + 1
    if len(text) == 2 and text[1] == "十":
        return (_CN_ORDER.index(text[0]) + 1) * 10
    if len(text) == 3 and text[1] == "十":
        return (_CN_ORDER.index(text[0]) + 1) * 10 + _CN_ORDER.index(text[2]) + 1
    raise ValueError(text)


def find_years(text: str, parts: list[RawPart], delivered_on: str | None = None) -> tuple[int | None, int | None]:
    """(plan_year, review_year): the year's plan part title, "2024年是…", the report's own title
    (河北省2011年政府工作报告), the delivery date (reports are delivered in the first months of their plan
    year), the review part title, a review that opens with its year.

    >>> find_years("", [RawPart("plan", "二、“十四五”时期", 0, 0, 2025)], "2021-02-19")
    (2021, 2020)
    >>> review = "一、过去五年工作回顾 由2015年的85亿元增至2020年的120亿元，入选2021年度优秀案例。"
    >>> find_years(review, [RawPart("review", "一、过去五年工作回顾", 0, 50), RawPart("plan", "二、", 50, 50, 2025)])
    (2022, 2021)
    >>> term = [RawPart("review", "一、本届政府工作回顾", 0, 20), RawPart("plan", "二、", 20, 20, 2025)]
    >>> find_years("一、本届政府工作回顾 2018年以来，增长5%", term)
    (2021, 2020)
    """
    year_plans = [p for p in parts if p.kind == "plan" and p.horizon is None]
    reviews = [p for p in parts if p.kind == "review"]
    plan = next((int(m.group(1)) for p in year_plans if (m := _YEAR.search(p.title))), None)
    for p in year_plans:
        if plan is None and (m := re.search(r"(20\d\d)\s*年是", text[p.start : min(p.start + 600, p.end)])):
            plan = int(m.group(1))
    if plan is None and (m := re.search(r"(20\d\d)\s*年[^\n，。]{0,12}政府工作报告", text[:3000])):
        plan = int(m.group(1))
    if plan is None and (m := _PLAN_TITLE_YEAR.search(text[:6000])):  # 二是2023年主要目标任务
        plan = int(m.group(1))
    if plan is None and delivered_on and int(delivered_on[5:7]) <= 4:
        plan = int(delivered_on[:4])
    if plan is None and delivered_on and int(delivered_on[5:7]) == 12:
        plan = int(delivered_on[:4]) + 1  # a new congress in December plans the coming year
    review = next((int(m.group(1)) for p in reviews if (m := _YEAR.search(p.title))), None)
    for p in reviews:
        if review is None and (m := re.match(r"[^\n。]{0,24}?(20\d\d)\s*年[，,]", text[p.start : p.start + 200])):
            review = int(m.group(1))
    if plan is None and review is not None:
        plan = review + 1
    if plan is None:
        # within the report read (a page may hold it twice); 2022年是…极为重要的一年 at the head of the review
        # speaks of the year reviewed
        for m in re.finditer(r"(20\d\d)\s*年是", text[: max((p.end for p in parts), default=len(text))]):
            in_review = any(p.start <= m.start() < p.end for p in reviews)
            if not in_review and not _PAST_YEAR_IS.search(text, max(0, m.start() - 8), m.start()):
                plan = int(m.group(1))
                break
            review = review or int(m.group(1))
    if plan is None and review is None:
        review = _year_reviewed(text, reviews)
    horizons = [p.horizon for p in parts if p.kind == "plan" and p.horizon]
    if plan is None and review is None and horizons and reviews:
        # a new term's report (过去五年 … 未来五年, 到2025年) that names no year of its own: the five years
        # reviewed end with the latest year they speak of before the plan's horizon, and no earlier than the
        # end of the five-year plan before it (“十三五”圆满收官 … 到2025年: 2020 at least)
        spoken = [int(y) for r in reviews for y in _YEAR.findall(text, r.start, r.end) if int(y) <= max(horizons) - 4]
        review = max([*spoken, max(horizons) - 5])
    if plan is None and review is not None:
        plan = review + 1
    for p in year_plans:  # the year a plan part speaks of most (今年 rarely names itself)
        years = _YEAR.findall(text, p.start, p.end)
        if plan is None and years:
            plan = int(max(sorted(set(years)), key=years.count))
    if plan is not None and (review is None or review != plan - 1):
        review = plan - 1
    return plan, review


_PLAN_TITLE_YEAR = re.compile(
    r"(20\d\d)年(?:的)?(?:主要目标任务|工作安排|主要任务|重点工作|目标任务|主要工作|工作重点|工作建议|工作计划|工作要点|形势与任务)"
)
_ESTIMATED_YEAR = re.compile(r"预计(20\d\d)\s*年")
_REVIEW_HEADING_YEAR = re.compile(r"^[ \t　一、]*(20\d\d)\s*年(?:工作)?回顾", re.M)
_LOOKED_BACK_ON = re.compile(r"(?:回顾|总结)了?(20\d\d)\s*年")


def _year_reviewed(text: str, reviews: list[RawPart]) -> int | None:
    r"""The year a text without a plan year looks back on: a 2024年工作回顾 heading, a five-year review's
    预计2012年全市生产总值…, a news item's 回顾了2025年的工作.

    >>> _year_reviewed("过去五年工作回顾\n五年来，预计2012年全市生产总值完成3440亿元。", [])
    2012
    """
    head = text[:6000]
    m = _REVIEW_HEADING_YEAR.search(head)
    if m is None:
        spans = [(p.start, p.end) for p in reviews] or [(0, len(text))]
        m = next((e for a, b in spans if (e := _ESTIMATED_YEAR.search(text, a, min(b, a + 3000)))), None)
    m = m or _LOOKED_BACK_ON.search(head)
    return int(m.group(1)) if m else None


#: “2015年是…之年” said of the year just past (刚刚过去的2015年是“十二五”收官之年): the review's year
_PAST_YEAR_IS = re.compile(r"(?:过去的|过去|去年即)\s*$")


def placeholder_year(text: str) -> bool:
    """A template's 20XX年 (202x年, xxxx年) where the year should be.

    >>> placeholder_year("一、202x年工作回顾"), placeholder_year("一、xxxx年工作回顾"), placeholder_year("2024年")
    (True, True, False)
    """
    return bool(_PLACEHOLDER_YEAR.search(text[:5000]))


def find_delivery_date(text: str) -> str | None:
    r"""The cover's date: "——2023年1月10日在…人民代表大会" -> "2023-01-10"; or a date in brackets on a line of its
    own under the speaker, as many counties print it.

    >>> find_delivery_date("——在尉犁县第十八届人民代表大会第五次会议上\n县长 某某\n（2025年1月6日）\n各位代表")
    '2025-01-06'
    """
    head = text[:3000]
    for m in [*_DATE.finditer(head), *_CN_DATE.finditer(head)]:
        after = head[m.end() : m.end() + 60]
        own_line = re.fullmatch(r"[ \t　]*[（(]", head[head.rfind("\n", 0, m.start()) + 1 : m.start()])
        if "在" in after[:2] or "人民代表大会" in after or "会议" in after or (own_line and m.start() < 600):
            y, mo, d = (_cn_int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_CN_DATE = re.compile(r"([二〇○零一三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def _cn_int(text: str) -> int:
    """'2019' -> 2019, '二〇一九' -> 2019, '十四' -> 14.

    >>> _cn_int("二〇一九"), _cn_int("十四"), _cn_int("一")
    (2019, 14, 1)
    """
    if text.isdigit():
        return int(text)
    if len(text) == 4:
        return int("".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else "0" for c in text))
    return _cn_small(text)


_FIVE_YEAR_CUE = re.compile(r"五年来|这五年|过去五年|十[一二三四五六七]五”?(?:时期|期间|以来|规划)")
_ONE_YEAR_CUE = re.compile(
    r"过去的一年|过去一年|一年来|刚刚过去的20\d\d年|^20\d\d年[，,]|^[^\n，。]{0,12}[，,]20\d\d年[，,]"
)


def review_periods(text: str, part: RawPart, review_year: int | None):
    """pos -> "2016-2020" for the outcomes of a five-year review (五年来, “十三五”时期), None for the last year's.

    >>> t = "一、2020年工作回顾\\n一年来，增长5%。\\n五年来，增长30%。\\n2020年，增长2%。"
    >>> f = review_periods(t, RawPart("review", "一、2020年工作回顾", 0, len(t)), 2020)
    >>> f(t.index("5%")), f(t.index("30%")), f(t.index("2%"))
    (None, '2016-2020', None)
    """
    if review_year is None:
        return lambda pos: None
    m = _FIVE_YEAR.search(text, part.start, part.end)
    last = 2005 + 5 * (_CN_ORDER.index(m.group(1) or m.group(2)) + 1) if m else review_year
    last = last if last <= review_year else review_year
    span = f"{last - 4}-{last}"
    five_year_title = bool(_FIVE_YEAR_CUE.search(part.title) or "五年" in part.title) and not _YEAR.match(
        part.title.lstrip("一二三四五六七八九、第部分 ")
    )
    changes: list[tuple[int, bool]] = [(part.start, five_year_title)]
    for para in re.finditer(r"[^\n]+", text[part.start : part.end]):
        head = para.group(0)[:40]
        head = re.sub(r"^(?:各位代表[，,]|[^\n，。]{0,10}(?:指出|表示)[，,])", "", head)
        if _FIVE_YEAR_CUE.search(head[:12]):
            changes.append((part.start + para.start(), True))
        elif _ONE_YEAR_CUE.search(head[:16]):
            changes.append((part.start + para.start(), False))

    def period(pos: int) -> str | None:
        state = False
        for at, five in changes:
            if at <= pos:
                state = five
        return span if state else None

    return period
