"""FilterSets of the public lists, shared by the pages, the downloads and the JSON API.

A filter never runs a query of its own (choices come from the vocabularies, not the database), so a
filtered page runs as many queries as an unfiltered one.
"""

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet

from commitments.models import Category, Commitment, Indicator, Outcome, Region, Report
from commitments.reading import HEDGES
from commitments.status import GROUP_LABELS, Status

NO_HEDGE = "无"
SORTS = (
    ("position", "报告顺序"),
    ("-year", "年度（新→旧）"),
    ("status", "进展状态"),
    ("category", "类别"),
    ("-value", "目标值（大→小）"),
)


def _qualifier_has(word: str) -> Q:
    """Qualifiers are stored joined with "+" (力争+以上): match the whole word, not a substring."""
    if word == NO_HEDGE:
        return Q(qualifier="")
    return (
        Q(qualifier=word)
        | Q(qualifier__startswith=f"{word}+")
        | Q(qualifier__endswith=f"+{word}")
        | Q(qualifier__contains=f"+{word}+")
    )


#: a year's goals (for outcomes: last year's) or a five-year plan's (for outcomes: a five-year review's)
TERMS = [("year", "当年目标"), ("five-year", "五年规划目标")]


class CommitmentFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__slug", label="地区（网址名）")
    year = django_filters.NumberFilter(label="年度")
    status = django_filters.ChoiceFilter(choices=Status.choices, label="进展状态", empty_label="全部")
    group = django_filters.ChoiceFilter(
        choices=list(GROUP_LABELS.items()), method="filter_group", label="兑现情况", empty_label="全部"
    )
    category = django_filters.ChoiceFilter(choices=Category.choices, label="类别", empty_label="全部")
    kind = django_filters.ChoiceFilter(choices=Commitment.Kind.choices, label="类型", empty_label="全部")
    lead_department = django_filters.CharFilter(lookup_expr="icontains", label="牵头单位")
    hedge = django_filters.ChoiceFilter(
        choices=[(w, w) for w in HEDGES] + [(NO_HEDGE, "无限定词")],
        method="filter_hedge",
        label="限定词",
        empty_label="全部",
    )
    has_number = django_filters.BooleanFilter(
        field_name="value",
        lookup_expr="isnull",
        exclude=True,
        label="有具体数值",
        widget=forms.Select(choices=[("", "全部"), ("true", "有"), ("false", "无")]),
    )
    term = django_filters.ChoiceFilter(choices=TERMS, method="filter_term", label="期限", empty_label="全部")
    indicator = django_filters.CharFilter(field_name="indicator__slug", label="指标（网址名）")
    q = django_filters.CharFilter(method="filter_text", label="关键词")
    sort = django_filters.ChoiceFilter(choices=SORTS, method="filter_sort", label="排序", empty_label="默认")

    class Meta:
        model = Commitment
        fields = []

    def filter_group(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(status__in=[s.value for s in Status if s.group == value])

    def filter_term(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(horizon__isnull=value == "year")

    def filter_hedge(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(_qualifier_has(value))

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from commitments.search import matching

        return matching(queryset, value)

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        order = {
            "position": ["year", "region__slug", "start", "pk"],
            "-year": ["-year", "region__slug", "start", "pk"],
            "status": ["status", "-year", "start", "pk"],
            "category": ["category", "-year", "start", "pk"],
            "-value": [F("normalized_value").desc(nulls_last=True), "start", "pk"],
        }[value]
        return queryset.order_by(*order)


class OutcomeFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__slug", label="地区（网址名）")
    year = django_filters.NumberFilter(label="年度")
    term = django_filters.ChoiceFilter(choices=TERMS, method="filter_term", label="期限", empty_label="全部")
    indicator = django_filters.CharFilter(field_name="indicator__slug", label="指标（网址名）")

    class Meta:
        model = Outcome
        fields = []

    def filter_term(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # a five-year review's outcomes carry their period (2021-2025); last year's carry none
        return queryset.filter(period="") if value == "year" else queryset.exclude(period="")


class ReportFilter(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__slug", label="地区（网址名）")
    plan_year = django_filters.NumberFilter(label="计划年度")

    class Meta:
        model = Report
        fields = []


class RegionFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=Region.Level.choices, label="级别")
    parent = django_filters.CharFilter(field_name="parent__slug", label="上级（网址名）")

    class Meta:
        model = Region
        fields = []


class IndicatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="指标名称")
    category = django_filters.ChoiceFilter(choices=Category.choices, label="类别", empty_label="全部")

    class Meta:
        model = Indicator
        fields = []
