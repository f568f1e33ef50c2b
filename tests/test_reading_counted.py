"""What a number counts, read on real sentences of the five reports (commitments/reading/counted.py and the
rules of reader.py around it): a count keeps what happened to the thing counted, a generic noun takes the
kind named before, a second number of one name says its measure, a total is not a threshold."""

import re
from functools import cache
from pathlib import Path

import pytest

from commitments.reading import extract
from commitments.reading.counted import counted_name

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


@cache
def _read(stem: str):
    text = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
    return text, extract(text)


def _at(stem: str, needle: str):
    """The item whose span holds the first digit of `needle` (or its first character)."""
    text, e = _read(stem)
    digit = re.search(r"\d", needle)
    pos = text.index(needle) + (digit.start() if digit else 0)
    return next(c for c in e.commitments + e.outcomes if c.start <= pos < c.end)


@pytest.mark.parametrize(
    ("stem", "needle", "indicator"),
    [
        # the result is the measure: an event after the noun, a result with an object before it
        ("xuzhou-2024", "9家图书馆获评国家一级馆", "获评国家一级馆图书馆"),
        ("weifang-2024", "1508个事项实现", "“零见面”审批事项"),
        ("xuzhou-2024", "121个项目竣工投产", "项目竣工投产"),
        # a generic noun (项目) counts the kind the sentence named before
        ("xuzhou-2024", "确保147个项目上半年全部开工", "市重大产业项目开工"),
        # the predicate at the end of a list of counts applies to each
        ("weifang-2024", "4个县市区", "省绿色低碳高质量发展试点县市区"),
        ("linyi-2024", "39处物流园区", "物流园区搬迁"),
        # places, each with what was set up in it
        ("weifang-2024", "200个以上社区", "社区仲裁服务联络站"),
        # a star class takes the noun of its list
        ("weifang-2024", "1家五星级", "五星级旅游饭店"),
    ],
)
def test_a_count_is_named_by_the_thing_and_what_happened_to_it(stem, needle, indicator):
    assert _at(stem, needle).indicator == indicator


def test_building_or_working_on_a_thing_adds_nothing_to_its_name():
    assert counted_name("过街通道", "投入使用") == "过街通道"
    assert counted_name("示范村", "集中推进") == "示范村"
    assert counted_name("为民办实事项目", "完成年度任务") == "为民办实事项目"


def test_money_stated_before_the_count_of_projects_is_their_total_not_a_threshold():
    total = _at("xuzhou-2024", "实施年度投资1100亿元")
    assert (total.kind, total.indicator, total.value, total.unit) == ("target", "市重大产业项目年度投资", 1100, "亿元")
    assert _at("xuzhou-2024", "221个市重大产业项目").indicator == "市重大产业项目"
    # a bar the projects pass stays a threshold: only the count is a goal
    bar = _at("linyi-2024", "投资过10亿元项目100个")
    assert (bar.value, bar.indicator) == (100, "投资过10亿元项目")


def test_a_second_number_of_one_name_says_what_it_measures():
    assert _at("linyi-2024", "改造老旧小区391个").indicator == "老旧小区改造"
    assert _at("linyi-2024", "4万户").indicator == "老旧小区改造户数"


def test_figures_that_lean_on_the_one_before():
    assert _at("weifang-2024", "高于全省14.4").indicator == "进口增速高于全省"
    assert _at("weifang-2024", "28.6个").indicator == "国控河流优良水体比例高于省定目标"
    assert _at("weifang-2024", "21.9个").indicator == "近岸海域优良水体比例高于省定目标"
    assert _at("xuzhou-2024", "拉动消费50亿元").indicator == "消费券拉动消费"
    assert _at("xuzhou-2024", "总数突破140万户").indicator == "经营主体总数"


def test_shares_and_sizes_without_a_subject_before_the_number():
    assert _at("weifang-2024", "45%的规模以上").indicator == "规上工业企业数转智改比例"
    fund = _at("weifang-2024", "10亿元规模预制菜基金")
    assert (fund.indicator, fund.value, fund.unit) == ("预制菜基金规模", 10, "亿元")
