"""Normalised text with an offset map back to the original decoded text.

Everything the extractor matches runs on `MappedText.text`; every span it returns is mapped back with
`MappedText.span()` so that quotes are always slices of the original text (`text[start:end] == quote`),
including the line breaks, `**` markers and spaces of a PDF extraction that the normalised text lost.

Normalisation (each step keeps a map, never a guess about offsets):
- `**` bold markers are dropped;
- a line break in the middle of a sentence (PDF pages) is dropped, a paragraph break becomes one "\\n";
- a space next to a digit or a Latin letter is dropped (`295 亿元` -> `295亿元`);
- a single space between two Chinese characters or after 。：becomes "\\n" (reports pasted without any
  line break separate paragraphs and headings by one space);
- full-width digits, letters and ％ become ASCII; traditional characters become simplified, one by one;
- a year in Chinese numerals becomes digits (二〇二四年 → 2024年);
- half-width punctuation between Chinese words becomes full-width (增长4%.一般 → 增长4%。一般);
- footnote markers ([12], ^[3]) are dropped: quotes keep them only where they sit inside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = set("。！？；：”」』）)!?;:…")
_HEADING_START = re.compile(r"(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|——|各位代表)")
_SPACED_LINE = re.compile(r"^\s*(?:\S[ \u3000]+){2,}\S\s*$")  # 政 府 工 作 报 告
_WS = " \t\r\n\u3000\xa0\u2002\u2003\u200b\ufeff"
#: a PDF line is "full" (so a break after it is a page/line wrap, not a paragraph end) past this length
_WRAP_MIN_LINE = 30


@dataclass(frozen=True)
class MappedText:
    text: str
    origin: tuple[int, ...]  # origin[i] = index in the original of normalised char i (+ sentinel)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised [start, end)."""
        if end <= start:
            at = self.origin[start]
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@lru_cache(maxsize=8192)
def _simplified(ch: str) -> str:
    import zhconv

    out = zhconv.convert(ch, "zh-cn")
    return out if len(out) == 1 else ch


def _fold(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E and ch not in "（），：；！？":
        return chr(code - 0xFEE0)
    if ch == "～":
        return "~"
    if _is_cjk(ch):
        return _simplified(ch)
    return ch


def normalise(original: str) -> MappedText:
    """Build the normalised text and its map.

    >>> normalise("创建省\\n级劳务品牌30个").text
    '创建省级劳务品牌30个'
    >>> h = "（五）强力推进深化改革突破工程，实施七大重点改革，破解中心城区发展瓶颈"
    >>> normalise(h + "\\n　　启动北部片区协调发展三年行动计划。").text.count("\\n")
    1
    >>> m = normalise("增长**5%**，达到 295 亿元")
    >>> m.text
    '增长5%，达到295亿元'
    >>> s, e = m.span(5, 12); "增长**5%**，达到 295 亿元"[s:e]
    '达到 295 亿元'
    """
    spaced_lines = set()
    pos = 0
    for line in original.split("\n"):
        if _SPACED_LINE.match(line) and len(line.strip()) <= 40:
            spaced_lines.add(pos)
        pos += len(line) + 1
    out: list[str] = []
    origin: list[int] = []
    n = len(original)
    i = 0
    line_start = 0
    cur_line_len = 0  # length of the current normalised line
    while i < n:
        ch = original[i]
        if ch == "*" and original.startswith("**", i):
            i += 2
            continue
        if ch in "[［^" and (note := _FOOTNOTE.match(original, i)):
            i = note.end()  # 增长5.2%[1]: a footnote marker is neither a number nor part of a name
            continue
        if ch in "（(" and out and _is_cjk(out[-1]) and (aside := _ASIDE.match(original, i)):
            i = aside.end()  # 中欧（亚）班列: a word's short aside does not cut the word
            continue
        if ch in _WS:
            j = i
            while j < n and original[j] in _WS:
                j += 1
            run = original[i:j]
            prev = out[-1] if out else ""
            nxt = original[j] if j < n else ""
            if nxt == "*" and original.startswith("**", j):
                k = j + 2
                nxt = original[k] if k < n else ""
            if "\n" in run:
                line_start = i + run.rfind("\n") + 1
                # an indented line opens a paragraph, however long the line before it (a heading without a
                # full stop: （五）强力推进深化改革突破工程…瓶颈\n　　启动北部片区…)
                indented = "\u3000" in run[run.rfind("\n") :] or run.endswith("  ")
                wrapped = (
                    prev
                    and nxt
                    and cur_line_len >= _WRAP_MIN_LINE
                    and not indented
                    and prev not in _SENTENCE_END
                    and not _HEADING_START.match(original, j)
                    and (_is_cjk(nxt) or _is_ascii_alnum(nxt) or nxt in "“%（")
                    and _continues(original, j)
                )
                # a web page breaks lines around inline quotes: 二、“\n十四五\n”时期 / 报告指出\n，去年以来
                inline = prev in "“‘《（(" or nxt in "”’》），,、。；：%"
                # 分别降低\n15%、15%、\n19%: not after a heading line (一、2023年工作回顾\n2023年，…)
                inline = inline or (nxt.isdigit() and (prev == "、" or (_is_cjk(prev) and cur_line_len >= 24)))
                # 创建省\n级劳务品牌: a line never starts with a bound word (级, 以上): the break splits a word
                bound = _is_cjk(prev) and original.startswith(("级", "以上", "以下", "及以上"), j)
                mid_sentence = bool(prev and nxt and (wrapped or inline or bound))
                if out and not mid_sentence:
                    out.append("\n")
                    origin.append(i)
                    cur_line_len = 0
            elif out and prev != "\n" and nxt:
                in_spaced = any(line_start == s for s in spaced_lines) or _in_spaced(i, original)
                if in_spaced or _is_ascii_alnum(prev) or _is_ascii_alnum(nxt) or nxt in "%":
                    pass  # drop: "295 亿元", "2023 年", "G206 主体"
                elif prev in "。！？：；!?" or ((_is_cjk(prev) or prev in "”）") and (_is_cjk(nxt) or nxt in "（“—")):
                    out.append("\n")
                    origin.append(i)
                    cur_line_len = 0
            i = j
            continue
        out.append(_HALF_WIDTH[ch] if ch in _HALF_WIDTH and _between_words(original, i) else _fold(ch))
        origin.append(i)
        cur_line_len += 1
        i += 1
    origin.append(n)
    return MappedText(text=_CN_YEAR.sub(_digits, "".join(out)), origin=tuple(origin))


#: a year in Chinese numerals, one character a digit: 二〇二四年 → 2024年 (the same length, so the map holds)
_CN_YEAR = re.compile(r"(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}(?=年)")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _digits(m: re.Match) -> str:
    return "".join(_CN_DIGITS[c] for c in m.group())


#: one or two characters in brackets inside a word (中欧（亚）班列, 长者服务中心（站）23家), not an ordinal (（一）)
_ASIDE = re.compile(r"[（(](?![一二三四五六七八九十]+[）)])[\u4e00-\u9fff]{1,2}[）)](?=[\u4e00-\u9fff\d])")
_FOOTNOTE = re.compile(r"\^?[\[［]\d{1,3}[\]］]|\^\d{1,3}(?!\d)")
#: half-width punctuation typed in Chinese text: read as the full-width mark it stands for
_HALF_WIDTH = {",": "，", ";": "；", ":": "：", ".": "。", "(": "（", ")": "）", "?": "？", "!": "！"}


def _between_words(original: str, i: int) -> bool:
    """A half-width mark next to a Chinese character, and not inside a number (5.5%, 1:1).

    >>> _between_words("增长4%.一般", 4), _between_words("增长5.5%", 3), _between_words("城镇新增就业(5万人)", 6)
    (True, False, True)
    """
    before = original[i - 1] if i else ""
    after = original[i + 1] if i + 1 < len(original) else ""
    if before.isdigit() and after.isdigit():
        return False
    return _is_cjk(before) or _is_cjk(after) or before in "%）)" or after in "（("


def _continues(original: str, j: int) -> bool:
    """A wrapped line goes on as a full line or ends its sentence; a short line without a full stop is a
    heading of its own (a web page's “十四五”时期经济社会发展回顾 after 浏览次数 4034 次).

    >>> _continues("扎实推进城乡融合发展，加快建设现代化产业体系，持续", 0), _continues("工作回顾", 0)
    (True, False)
    >>> _continues("完成。", 0)
    True
    """
    end = original.find("\n", j)
    line = original[j : end if end != -1 else len(original)].rstrip()
    return len(line) >= 24 or (bool(line) and line[-1] in _SENTENCE_END)


def _in_spaced(i: int, original: str) -> bool:
    """Is position i inside a letter-spaced line such as '政 府 工 作 报 告'?"""
    a = original.rfind("\n", 0, i) + 1
    b = original.find("\n", i)
    line = original[a : b if b >= 0 else len(original)]
    return bool(_SPACED_LINE.match(line)) and len(line.strip()) <= 40
