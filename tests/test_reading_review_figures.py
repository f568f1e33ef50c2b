"""Figures of the review part that real reports of other regions write in their own ways (ratios, tenths, merged
counts, money put into a purpose), read from a short report written for this test."""

import pytest

from commitments.reading import extract

TEXT = """宜宾市2026年政府工作报告
一、2025年工作回顾
过去一年，全市地区生产总值增长5.6%。市属重点国企由51家整合为33家，188个园区整合优化为120个。
城乡居民收入比缩小至2.21∶1，民生支出占财政支出的比重稳定在八成左右，人均预期寿命较2020年提高1.16岁、达到79.72岁。
两所高校实现升格。利用地方政府债券97.6亿元、争取中央预算内投资15亿元。宜宾铁路到发旅客达1870万人次。
自治区重大项目开工390个、竣工437个。
二、2026年工作安排
地区生产总值增长5.5%左右。筹措7亿元实施就业惠民工程，开展稳岗扩容提质行动。全面完成200亿元环保投资。
建成2座110千伏变电站，新增供水能力10万吨/日。
我市60岁以上人口已达120万，以江北等4个片区为重点推进城市更新，人均住房面积15平方米以下的困难家庭实现应保尽保。
"""


@pytest.fixture(scope="module")
def report():
    return extract(TEXT)


def _outcome(e, needle):
    pos = TEXT.index(needle)
    return next((o for o in e.outcomes if o.start <= pos < o.end), None)


def _target(e, needle):
    pos = TEXT.index(needle)
    return next((c for c in e.commitments if c.start <= pos < c.end), None)


def test_a_merged_count_is_one_figure_named_by_what_was_merged(report):
    assert _outcome(report, "51家") is None  # where the merger began
    assert (_outcome(report, "33家").indicator, _outcome(report, "33家").value) == ("市属重点国企", 33)
    assert _outcome(report, "188个") is None
    assert _outcome(report, "120个").indicator == "园区"


def test_ratios_tenths_and_an_age_that_is_the_measure(report):
    ratio = _outcome(report, "2.21∶1")
    assert (ratio.indicator, ratio.value, ratio.unit) == ("城乡居民收入比", 2.21, "∶1")
    tenths = _outcome(report, "八成")
    assert (tenths.value, tenths.unit, tenths.qualifier) == (8, "成", "左右")
    age = _outcome(report, "79.72岁")
    assert (age.indicator, age.value, age.unit) == ("人均预期寿命", 79.72, "岁")


def test_a_counted_result_in_words_money_used_and_the_own_region_out_of_names(report):
    assert (_outcome(report, "两所").value, _outcome(report, "两所").unit) == (2, "所")
    assert _outcome(report, "97.6亿元").indicator == "利用地方政府债券"  # money used is a flow, not an asset
    assert _outcome(report, "15亿元").indicator == "中央预算内投资"
    assert _outcome(report, "1870万人次").indicator == "铁路到发旅客"
    assert _outcome(report, "437个").indicator == "自治区重大项目竣工"


def test_money_named_by_what_it_pays_for_and_units_per_day(report):
    assert _target(report, "7亿元").indicator == "就业惠民工程资金"
    assert _target(report, "200亿元").indicator == "环保投资"
    assert _target(report, "2座").indicator == "110千伏变电站"
    supply = _target(report, "10万吨/日")
    assert (supply.indicator, supply.unit) == ("新增供水能力", "万吨/日")


def test_facts_scopes_and_bars_in_the_plan_are_not_goals(report):
    assert _target(report, "120万") is None  # 已达: said of the present
    assert _target(report, "4个") is None  # 以…为重点: the places the work is on
    assert _target(report, "15平方米").kind == "milestone"  # 以下的: the bar that says who is meant, not a goal
    assert any(c.kind == "milestone" and "应保尽保" in c.quote for c in report.commitments)
