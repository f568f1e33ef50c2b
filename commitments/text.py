"""Small text helpers for showing a quote in its place. No Django."""

import re

MAX_CONTEXT = 240
_SENTENCE_END = "。！？；：!?;:”"
_PDF_ARTIFACTS = re.compile(r"\*\*|[ \t\u3000]*\n[\s]*")


def paragraph_span(text: str, start: int, end: int, *, limit: int = MAX_CONTEXT) -> tuple[int, int]:
    """The paragraph around text[start:end]; sentences at most `limit` characters away on each side.

    A paragraph ends at a line break after a sentence end; a break in mid-sentence (a PDF's line or
    page end) does not end it. In a text without breaks (some reports run on), at most `limit`
    characters are kept each side, cut at a sentence end.

    >>> paragraph_span("甲。\\n乙丙\\n丁。\\n戊。", 3, 4)
    (3, 8)
    """
    left = start
    while (left := text.rfind("\n", 0, left)) != -1 and not _ends_sentence(text, left):
        pass
    left += 1
    right = end
    while (right := text.find("\n", right + 1)) != -1 and not _ends_sentence(text, right):
        pass
    right = len(text) if right == -1 else right
    if start - left > limit:
        cut = text.find("。", start - limit, start)
        left = cut + 1 if cut != -1 else start - limit
    if right - end > limit:
        cut = text.rfind("。", end, end + limit)
        right = cut + 1 if cut != -1 else end + limit
    return left, right


def _ends_sentence(text: str, newline: int) -> bool:
    before = text[:newline].rstrip(" \t\u3000*")
    return not before or before.endswith(tuple(_SENTENCE_END)) or before.endswith("\n")


def readable(piece: str) -> str:
    """A piece of report text as a reader should see it: no PDF line breaks or ** bold markers.

    Display only: the stored quote and its span stay exactly as in the source.

    >>> readable("粮食\\n\\n播种面积**稳定**")
    '粮食播种面积稳定'
    """
    return _PDF_ARTIFACTS.sub("", piece)


def quote_in_paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the quote's paragraph split around it, for a <mark>, made readable."""
    left, right = paragraph_span(text, start, end)
    return readable(text[left:start]), readable(text[start:end]), readable(text[end:right])
