"""Chinese search over commitments, outcomes and reports.

How it works: the *query* is cut into words with jieba (`reading.tokenize`, the same tokenizer and user
dictionary the extraction uses, in search mode), and a row matches when its quote contains every word. So 新增城镇就业
finds 城镇新增就业10.5万人 (same words, other order), 就业 finds both spellings, and 班列 finds 中欧班列
whatever jieba makes of the longer word, because a stored quote is matched by substring, not by its tokens.

Why not a token column or a full-text index: Chinese words are mostly two characters, which PostgreSQL's
trigram indexes cannot serve, and a token column of jieba's words would miss 班列 inside 中欧班列 unless it
also stored every search-mode sub-word. The cost is a scan of the short quote columns: measured on
302,000 commitments + 302,000 outcomes in SQLite (seed_scale), each scan takes 120–230 ms, and a
search page does three of them plus one of the report texts (~0.6 s in all). Results are paged (20 rows);
outcomes are not counted, to save a scan. Past that scale, the next step is an inverted table
(word → commitment) filled at import with the search-mode words, served by a plain B-tree index.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from .models import Commitment, Outcome, Report
from .reading import tokenize

MAX_TERMS = 8
PAGE_SIZE = 20
_PUNCTUATION = set("，。、；：？！“”‘’（）《》【】—…·,.;:?!()[]<>\"' \t\n")


def terms(query: str) -> list[str]:
    """The words of a query: jieba's search-mode words, keeping the smallest ones.

    Search mode gives a compound and its parts (新增城镇就业 → 新增, 城镇, 就业, 新增城镇就业); requiring
    only the parts finds the other word orders too (城镇新增就业). Single characters count only when
    nothing longer is left.

    >>> terms("新增城镇就业")
    ['新增', '城镇', '就业']
    >>> terms("  ")
    []
    """
    query = query.strip()[:100]
    if not query:
        return []
    words = [w.strip() for w in tokenize(query)]
    words = list(dict.fromkeys(w for w in words if w and not set(w) <= _PUNCTUATION))
    longer = [w for w in words if len(w) > 1] or words
    smallest = [w for w in longer if not any(other != w and other in w for other in longer)]
    return _without_overlaps(query, smallest)[:MAX_TERMS]


def _without_overlaps(query: str, words: list[str]) -> list[str]:
    """Drops a word whose characters the other words already cover (增城 in 新增|城镇: a bigram of search mode)."""
    kept = list(words)
    for word in words:
        at = query.find(word)
        others = set()
        for other in kept:
            if other != word and (o := query.find(other)) != -1:
                others.update(range(o, o + len(other)))
        if at != -1 and set(range(at, at + len(word))) <= others:
            kept.remove(word)
    return kept


def _all_words(words: list[str], field: str) -> Q:
    q = Q()
    for word in words:
        q &= Q(**{f"{field}__icontains": word})
    return q


def matching(queryset: QuerySet, query: str, *, field: str = "quote") -> QuerySet:
    """The rows of `queryset` whose `field` contains every word of the query."""
    words = terms(query)
    return queryset.filter(_all_words(words, field)) if words else queryset.none()


@dataclass
class Results:
    query: str
    words: list[str]
    commitments: Page
    outcomes: list[Outcome]
    more_outcomes: bool
    reports: list[Report]


def search(*, query: str, page: str | int | None = 1) -> Results:
    """Public commitments (paged), outcomes (the first 20) and reports that contain every word of the query."""
    words = terms(query)
    commitments = Commitment.objects.public().select_related("region__parent", "indicator").order_by("-year", "pk")
    outcomes = Outcome.objects.select_related("region__parent", "report").order_by("-year", "pk")
    reports = Report.objects.work_reports().select_related("region__parent").defer("text")
    if words:
        commitments = commitments.filter(_all_words(words, "quote"))
        outcomes = outcomes.filter(_all_words(words, "quote"))
        reports = reports.filter(_all_words(words, "text"))
    else:
        commitments, outcomes, reports = commitments.none(), outcomes.none(), reports.none()
    # The first outcomes only, and no count: a count is one more scan of the table.
    first_outcomes = list(outcomes[: PAGE_SIZE + 1])
    return Results(
        query=query,
        words=words,
        commitments=Paginator(commitments, PAGE_SIZE).get_page(page),
        outcomes=first_outcomes[:PAGE_SIZE],
        more_outcomes=len(first_outcomes) > PAGE_SIZE,
        reports=list(reports.order_by("-plan_year", "region__slug")[:PAGE_SIZE]),
    )
