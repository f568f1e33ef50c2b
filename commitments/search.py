"""Chinese search over commitments and outcomes.

How it works: the *query* is cut into words with jieba (`reading.tokenize`, the same tokenizer and user
dictionary the extraction uses, in search mode), and a row matches when its quote has every word. So 新增城镇就业
finds 城镇新增就业10.5万人 (same words, other order), 就业 finds both spellings, and 班列 finds 中欧班列
(search mode gives a long word's dictionary sub-words too: 中欧, 班列, 中欧班列).

Words of two characters or more are looked up in an inverted table (CommitmentWord, OutcomeWord: word →
row, a plain B-tree index), filled with the search-mode words of every quote at import, by seed_scale and on
every save. A scan of the quotes cost 120–230 ms per table at 300,000 rows, and PostgreSQL's trigram indexes
cannot serve two-character words. Single characters and numbers are not in the table: they are matched as
substrings, within the rows the other words found. A word matches as jieba cuts the quote, not as any
substring: 高铁 does not find 提高铁路运力 (提高|铁路), which is the better answer anyway.

Results come a page at a time (20 rows) without a total: counting every match is one more pass over them.
The reports listed are those of the rows shown (the full report texts are not searched: 1–2 MB each).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from commitments.models import Commitment, CommitmentWord, Outcome, OutcomeWord, Report
from commitments.reading import tokenize

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


def indexed(word: str) -> bool:
    """Whether the word tables hold this word: two to 32 characters, not a number."""
    return 2 <= len(word) <= 32 and not word.replace(".", "").replace("%", "").isdigit()


@lru_cache(maxsize=4096)
def words_of(text: str) -> frozenset[str]:
    """The words of a quote that go into the word tables."""
    return frozenset(w for w in tokenize(text) if indexed(w))


def index_commitments(rows: Iterable[tuple[int, str]], *, replace: bool = True) -> None:
    """Writes the words of (commitment id, quote) pairs; `replace` drops their old words first."""
    _index(CommitmentWord, "commitment_id", rows, replace=replace)


def index_outcomes(rows: Iterable[tuple[int, str]], *, replace: bool = True) -> None:
    _index(OutcomeWord, "outcome_id", rows, replace=replace)


def index_report(report: Report) -> None:
    """(Re)writes the words of a report's commitments and outcomes: after an import, which inserts in bulk."""
    index_commitments(report.commitments.values_list("pk", "quote"))
    index_outcomes(report.outcomes.values_list("pk", "quote"))


def reindex_all() -> int:
    """Rewrites every search word (after a change of the jieba dictionary, or an old backup); reports done."""
    done = 0
    for report in Report.objects.only("pk").iterator():
        index_report(report)
        done += 1
    return done


def _index(model, column: str, rows: Iterable[tuple[int, str]], *, replace: bool) -> None:
    rows = list(rows)
    if replace:
        ids = [pk for pk, _ in rows]
        for at in range(0, len(ids), 500):
            model.objects.filter(**{f"{column}__in": ids[at : at + 500]}).delete()
    model.objects.bulk_create(
        (model(word=word, **{column: pk}) for pk, quote in rows for word in sorted(words_of(quote))), batch_size=5000
    )


def _with_words(queryset: QuerySet, words: list[str], table) -> QuerySet:
    column = "commitment_id" if table is CommitmentWord else "outcome_id"
    for word in words:
        if indexed(word):
            queryset = queryset.filter(pk__in=table.objects.filter(word=word).values(column))
        else:
            queryset = queryset.filter(quote__contains=word)
    return queryset


def matching(queryset: QuerySet, query: str) -> QuerySet:
    """The commitments of `queryset` whose quote has every word of the query."""
    words = terms(query)
    return _with_words(queryset, words, CommitmentWord) if words else queryset.none()


@dataclass
class MorePage:
    """One page of results without a total (no count query): enough to link to the previous and next page."""

    object_list: list
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def more_page(queryset: QuerySet, page: str | int | None, *, size: int = PAGE_SIZE) -> MorePage:
    """Page `page` of the queryset (1 when it is not a positive number): its rows and one more, to know if
    another page follows."""
    try:
        number = max(1, min(int(page or 1), 10_000))
    except (TypeError, ValueError):
        number = 1
    rows = list(queryset[(number - 1) * size : number * size + 1])
    return MorePage(object_list=rows[:size], number=number, has_next=len(rows) > size)


@dataclass
class Results:
    query: str
    words: list[str]
    commitments: MorePage
    outcomes: list[Outcome]
    more_outcomes: bool
    reports: list[Report] = field(default_factory=list)


def _driven(model, table, words: list[str], related: list[str]) -> list:
    """The rows of `model` with every word, newest first (by id), a page's worth at a time.

    Read from the word table: its (word, row) index gives the rows of the first word newest first, and the
    other words are checked on those only. Driving from the big table instead (rows newest first, probing
    the words) scans all of it when a word is rare: PostgreSQL chose that, 285 ms for 高铁 in 300,000 outcomes.
    """
    column = "commitment" if table is CommitmentWord else "outcome"
    first = next((w for w in words if indexed(w)), None)
    if first is None:  # only single characters or numbers: a scan of the quotes
        rows = model.objects.public() if model is Commitment else model.objects.all()
        for word in words:
            rows = rows.filter(quote__contains=word)
        return rows.select_related(*related).defer("report__text").order_by("-pk")
    rows = table.objects.filter(word=first)
    for word in words:
        if word == first:
            continue
        if indexed(word):
            rows = rows.filter(**{f"{column}_id__in": table.objects.filter(word=word).values(f"{column}_id")})
        else:
            rows = rows.filter(**{f"{column}__quote__contains": word})
    if model is Commitment:
        rows = rows.filter(commitment__is_public=True)
    return _Rows(
        rows.select_related(*(f"{column}__{r}" for r in related))
        .defer(f"{column}__report__text")
        .order_by(f"-{column}_id"),
        column,
    )


class _Rows:
    """A word-table queryset that slices into the rows it points at."""

    def __init__(self, queryset: QuerySet, column: str) -> None:
        self.queryset, self.column = queryset, column

    def __getitem__(self, at: slice) -> list:
        return [getattr(word, self.column) for word in self.queryset[at]]


def search(*, query: str, page: str | int | None = 1) -> Results:
    """Public commitments (paged), outcomes (the first 20) that have every word of the query, newest first,
    and their reports."""
    words = terms(query)
    if not words:
        return Results(query=query, words=words, commitments=MorePage([], 1, False), outcomes=[], more_outcomes=False)
    commitments = _driven(Commitment, CommitmentWord, words, ["region__parent", "indicator", "report"])
    outcomes = _driven(Outcome, OutcomeWord, words, ["region__parent", "report"])
    found = more_page(commitments, page)
    first_outcomes = list(outcomes[: PAGE_SIZE + 1])
    reports = {}
    for row in [*found, *first_outcomes[:PAGE_SIZE]]:
        row.report.region = row.region  # a row's region is its report's: no query for it
        reports[row.report_id] = row.report
    return Results(
        query=query,
        words=words,
        commitments=found,
        outcomes=first_outcomes[:PAGE_SIZE],
        more_outcomes=len(first_outcomes) > PAGE_SIZE,
        reports=sorted(reports.values(), key=lambda r: (-(r.plan_year or 0), r.region.slug)),
    )


def _reindex(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loaddata / restore: rows come with their words
        return
    (index_commitments if sender is Commitment else index_outcomes)([(instance.pk, instance.quote)])


def _unindex(sender, instance, **kwargs) -> None:
    table, column = (CommitmentWord, "commitment_id") if sender is Commitment else (OutcomeWord, "outcome_id")
    table.objects.filter(**{column: instance.pk}).delete()


for _model in (Commitment, Outcome):
    post_save.connect(_reindex, sender=_model, dispatch_uid=f"search-words-save-{_model.__name__}")
    post_delete.connect(_unindex, sender=_model, dispatch_uid=f"search-words-delete-{_model.__name__}")
