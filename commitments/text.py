"""Small text helpers for showing a quote in its place. No Django."""

MAX_CONTEXT = 240


def paragraph_span(text: str, start: int, end: int, *, limit: int = MAX_CONTEXT) -> tuple[int, int]:
    """The paragraph around text[start:end]; sentences at most `limit` characters away on each side.

    Paragraphs end at line breaks; in a text without them (some reports run on), at most `limit`
    characters are kept each side, cut at a sentence end.

    >>> paragraph_span("甲。乙丙丁。\\n戊。", 3, 4)
    (0, 6)
    """
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    if start - left > limit:
        cut = text.find("。", start - limit, start)
        left = cut + 1 if cut != -1 else start - limit
    if right - end > limit:
        cut = text.rfind("。", end, end + limit)
        right = cut + 1 if cut != -1 else end + limit
    return left, right


def quote_in_paragraph(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the quote's paragraph split around it, for a <mark>."""
    left, right = paragraph_span(text, start, end)
    return text[left:start], text[start:end], text[end:right]
