"""Parts (一、回顾 / 二、计划 / 三、自身建设), sections (（一）…) and lead phrases, years, delivery date.

All positions here are in the normalised text (see textmap); `extract` maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_ORDER = "一二三四五六七八九十"
# a part heading starts a line (or follows a full stop when a report has no line breaks at all)
_PART = re.compile(r"(?:^|(?<=[。！？]))[ \t]*([一二三四五])、[ \t]*([^\n。]{2,40})", re.M)
_SECTION = re.compile(r"(?:^|(?<=[。！？]))[ \t]*([（(][一二三四五六七八九十]{1,3}[）)])([^\n]*)", re.M)
_YEAR = re.compile(r"(20\d\d)\s*年")
_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_LEAD = re.compile(r"(?:^|(?<=\n))[ \t]*([^\n，,。；：“”（）\d]{3,16}。)")
_REVIEW_WORDS = ("回顾", "过去", "总结", "工作情况")
_SELF_WORDS = ("自身建设", "政府建设", "履职", "治理能力", "作风", "政府职能", "政府自身")


@dataclass(frozen=True)
class RawPart:
    kind: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class RawSection:
    part: str
    title: str
    start: int
    end: int
    level: int  # 1 = （一）heading, 2 = lead phrase inside it


def find_parts(text: str) -> list[RawPart]:
    """The numbered parts, in order 一, 二, 三 …, each classified by its title.

    >>> text = "各位代表：\\n一、2023年工作回顾\\n好。\\n二、2024年重点工作\\n要。\\n三、全面加强政府自身建设\\n"
    >>> [(p.kind, p.title) for p in find_parts(text)]
    [('review', '一、2023年工作回顾'), ('plan', '二、2024年重点工作'), ('self', '三、全面加强政府自身建设')]
    """
    heads: list[tuple[int, str]] = []
    expected = 0
    for m in _PART.finditer(text):
        number = _CN_ORDER.index(m.group(1))
        if number != expected:
            continue
        title = (m.group(1) + "、" + m.group(2)).strip()
        # a report without line breaks runs the first sentence into the title: cut at a second year/colon
        cut = re.search(r"(?<=.{6})20\d\d年|：", title)
        title = title[: cut.start()] if cut else title
        heads.append((m.start(1), title))
        expected += 1
    parts: list[RawPart] = []
    for i, (start, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        parts.append(RawPart(_kind(title, i), title, start, end))
    return parts


def _kind(title: str, index: int) -> str:
    if any(w in title for w in _SELF_WORDS):
        return "self"
    if any(w in title for w in _REVIEW_WORDS):
        return "review"
    if index == 0 and _YEAR.search(title) and "目标" not in title and "安排" not in title:
        return "review"
    if index >= 1 and any(w in title for w in ("年", "今年", "目标", "任务", "安排", "重点", "工作")):
        return "plan"
    return ("review", "plan", "self")[index] if index < 3 else "other"


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


def find_years(text: str, parts: list[RawPart]) -> tuple[int | None, int | None]:
    """(plan_year, review_year) from the part titles, then from the text ("2024年是…")."""
    review = plan = None
    for part in parts:
        m = _YEAR.search(part.title)
        if m and part.kind == "review" and review is None:
            review = int(m.group(1))
        if m and part.kind == "plan" and plan is None:
            plan = int(m.group(1))
    if plan is None:
        for part in parts:
            if part.kind == "plan":
                m = re.search(r"(20\d\d)\s*年是", text[part.start : part.start + 600])
                if m:
                    plan = int(m.group(1))
    if plan is None and review is not None:
        plan = review + 1
    if review is None and plan is not None:
        review = plan - 1
    if plan is None:
        m = re.search(r"(20\d\d)\s*年是", text)
        if m:
            plan = int(m.group(1))
            review = plan - 1
    return plan, review


def find_delivery_date(text: str) -> str | None:
    """The cover's date: "——2023年1月10日在…人民代表大会" -> "2023-01-10"."""
    head = text[:1500]
    for m in _DATE.finditer(head):
        after = head[m.end() : m.end() + 60]
        if "在" in after[:2] or "人民代表大会" in after or "会议" in after:
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None
