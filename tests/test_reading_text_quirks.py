"""Real-world text around a report: web pages, footnotes, half-width marks, letter-spaced titles, glossaries."""

import pytest

from commitments.reading import extract
from commitments.reading.numbers import find_quantities
from commitments.reading.reader import read_part

PAGE = """网站首页 | 政务公开 | 互动交流
【字号：大 中 小】 打印 关闭
来源：临沂日报  浏览次数 4034 次  发布时间：2024-01-20
政 府 工 作 报 告
——2024年1月10日在临沂市第十九届人民代表大会第三次会议上
各位代表：
现在，我代表市人民政府向大会报告工作。
一、2023年工作回顾
全市地区生产总值[1]增长5.2%[1]，规上工业增加值增长6%^[2]，进口下降12%。
二、2024年工作安排
地区生产总值增长5.5%左右[3],城镇新增就业5万人以上.一般公共预算收入增长4%.
名词解释
[1]地区生产总值：按市场价格计算的一个地区所有常住单位在一定时期内生产活动的最终成果，涉及100个行业。
"""


def test_a_report_inside_a_web_page_reads_as_the_report_and_nothing_else():
    e = extract(PAGE)
    assert (e.region, e.level, e.plan_year, e.review_year) == ("临沂市", "地级市", 2024, 2023)
    assert e.delivered_on == "2024-01-10"
    assert {c.value for c in e.commitments} == {5.5, 5, 4}
    assert {o.value for o in e.outcomes} == {5.2, 6, 12}  # not the page's 4034 次, not the glossary's 100个
    assert "报告后的名词解释不作为承诺读取。" in e.warnings


def test_footnote_markers_stay_out_of_names_and_quotes_stay_exact():
    e = extract(PAGE)
    gdp = next(o for o in e.outcomes if o.value == 5.2)
    assert gdp.indicator == "地区生产总值" and PAGE[gdp.start : gdp.end] == gdp.quote
    assert not gdp.quote.endswith("]")
    assert next(o for o in e.outcomes if o.value == 6).quote == "规上工业增加值增长6%"


def test_half_width_marks_end_clauses_and_a_fall_is_read_as_a_fall():
    e = extract(PAGE)
    quotes = [c.quote for c in e.commitments]
    assert quotes == ["地区生产总值增长5.5%左右", "城镇新增就业5万人以上", "一般公共预算收入增长4%"]
    assert next(o for o in e.outcomes if o.value == 12).indicator == "进口额下降"


def test_a_dated_goal_inside_the_review_is_a_commitment_not_a_result():
    text = (
        "各位代表：\n一、2024年工作回顾\n保交楼项目交付3.2万套，剩余1.2万套力争2025年全部交付。\n"
        "二、2025年工作安排\n地区生产总值增长5%左右。\n"
    )
    e = extract(text)
    assert [o.value for o in e.outcomes] == [3.2]
    ahead = next(c for c in e.commitments if c.value == 1.2)
    assert ahead.deadline == "2025年" and ahead.start < text.index("二、")
    assert ahead.indicator == "保交楼项目交付"


def test_years_in_chinese_numerals_are_years():
    text = "各位代表：\n一、二〇二三年工作回顾\n增长5%。\n二、二〇二四年工作安排\n地区生产总值增长5.5%左右。"
    e = extract(text)
    assert (e.plan_year, e.review_year) == (2024, 2023)
    assert [c.value for c in e.commitments] == [5.5]


def test_an_annex_and_bars_that_members_pass_are_not_goals():
    text = (
        "各位代表：\n一、2025年工作回顾\n全市地区生产总值增长5%，17.63万群众安居圆梦，PM2.5浓度降至36.8微克/立方米。\n"
        "二、2026年工作安排\n地区生产总值增长5%左右。培育100家年产值10亿元以上的农产品加工产业集群，"
        "招引投资超50亿元、超100亿元的重大产业项目。创建省\n级劳务品牌30个。\n"
        "附件\n2026年民生实事\n1.新增托位2000个。\n"
    )
    e = extract(text)
    assert sorted(c.value for c in e.commitments if c.kind == "target") == [5, 30, 100]
    assert next(c for c in e.commitments if c.value == 30).indicator == "省级劳务品牌"
    assert any("附件（2026年民生实事）" in w for w in e.warnings)
    assert [(o.value, o.unit) for o in e.outcomes][1:] == [(17.63, "万人"), (36.8, "微克/立方米")]


def test_secondary_is_not_a_count_but_twice_is():
    text = (
        "各位代表：\n一、2024年工作回顾\n完成410个小区二次供水设施提标改造工程，开展两次专项检查。\n"
        "二、2025年工作安排\n地区生产总值增长5%左右。\n"
    )
    assert [(o.value, o.unit) for o in extract(text).outcomes] == [(410, "个"), (2, "次")]


def test_a_news_item_names_the_years_by_its_parts_and_the_year_just_past():
    e = extract(
        "迪庆州第十二届人大六次会议隆重开幕\n2月26日上午，迪庆藏族自治州第十二届人民代表大会第六次会议开幕。"
        "代理州长代表州人民政府向大会报告政府工作。报告分三个部分：“十二五”时期工作回顾；“十三五”时期主要目标和任务；"
        "2016年工作建议。报告指出，刚刚过去的2015年是“十二五”规划的收官之年。"
    )
    assert (e.region, e.parent_region, e.level, e.plan_year, e.review_year) == (
        "迪庆藏族自治州",
        "云南省",
        "自治州",
        2016,
        2015,
    )


def test_a_template_with_202x_is_called_a_template():
    e = extract("各位代表：\n一、202x年工作回顾\n地区生产总值增长X%。\n二、202x年工作安排\n增长X%。")
    assert e.plan_year is None and any("占位符" in w for w in e.warnings)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year inside the review's own title is not a sentence run into it
        (
            "各位代表：\n现在，我代表昆山市人民政府，向大会报告工作。\n一、过去五年和2021年工作回顾\n五年来，增长30%。",
            ("昆山市", "苏州市", "县级市", 2022, 2021),
        ),
        # a new congress in December plans the coming year
        (
            "政 府 工 作 报 告\n——2017年12月5日在土默特左旗第十七届人民代表大会第一次会议上\n各位代表：\n"
            "一、本届政府工作回顾\n过去五年，年均增长6%。",
            ("土默特左旗", "呼和浩特市", "旗", 2018, 2017),
        ),
        # a news item that only says which year the report looked back on
        (
            "杭锦后旗第十八届人民代表大会第五次会议开幕\n旗人民政府旗长向大会作政府工作报告。\n他首先回顾了2025年的工作。",
            ("杭锦后旗", "巴彦淖尔市", "旗", 2026, 2025),
        ),
    ],
)
def test_years_of_county_level_reports_and_news_items(text, expected):
    e = extract(text)
    assert (e.region, e.parent_region, e.level, e.plan_year, e.review_year) == expected


def test_a_table_of_contents_before_the_report_is_not_its_parts():
    text = (
        "一、2023年工作回顾\n（一）改革开放持续攻坚突破\n二、2024年主要任务\n（一）打造引领区\n三、全面推进服务型政府建设\n"
        "2024年浦东新区政府工作报告\n各位代表：\n现在，我代表浦东新区人民政府，向大会报告政府工作。\n"
        "一、2023年工作回顾\n全年地区生产总值达到16715.15亿元。\n二、2024年主要任务\n地区生产总值增长5%左右。\n"
        "三、全面推进服务型政府建设\n依法行政。\n"
    )
    e = extract(text)
    assert [p.kind for p in e.parts] == ["review", "plan", "self"]
    assert e.parts[0].start == text.index("一、", 10)
    assert [c.quote for c in e.commitments] == ["地区生产总值增长5%左右"]


def test_a_deliverable_before_a_figure_of_its_list_stays_a_milestone():
    text = (
        "2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n全年地区生产总值增长5%。\n"
        "二、2025年工作安排\n推动总部基地一期主体完工，坪地智能建造产业园竣工投产、预计每年混凝土产能约12万立方米。\n"
        "（五）强力推进深化改革突破工程，实施七大重点改革，破解中心城区发展瓶颈\n"
        "　　启动北部片区协调发展三年行动计划。\n"
    )
    e = extract(text)
    milestones = [c.quote for c in e.commitments if c.kind == "milestone"]
    assert "坪地智能建造产业园竣工投产" in milestones
    assert "启动北部片区协调发展三年行动计划" in milestones  # the indented line is a paragraph of its own
    (target,) = [c for c in e.commitments if c.kind == "target"]
    assert target.quote.startswith("预计每年混凝土产能") and target.value == 12


def test_the_year_at_the_head_of_the_review_is_the_year_reviewed_even_in_a_page_that_holds_the_report_twice():
    report = (
        "各位代表：\n现在，我代表国务院，向大会报告工作。\n一、过去一年和五年工作回顾\n"
        "2022年是党和国家历史上极为重要的一年。面对风高浪急的国际环境和艰巨繁重的国内改革发展稳定任务，"
        "实现了经济平稳运行，国内生产总值增长3%。\n"
        "二、对今年政府工作的建议\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"
    )
    e = extract(report + "（新华社北京电）\n政府工作报告\n" + report)
    assert (e.region, e.plan_year, e.review_year) == ("国务院", 2023, 2022)


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        ("对所有重点工业污染源实行24小时在线监控。", "24", "slogan"),
        ("区域创新能力全国排名提升4位。", "4", "ordinal"),
        ("74个重点城市细颗粒物（PM2.5）年均浓度下降9.1%。", "74", "scope of a rate"),
        ("1600个城中村累计完成综合治理1200个。", "1600", "scope of a count"),
        ("工业企业利润由上年下降2.3%转为增长8.5%。", "2.3", "start value"),
        ("顺利完成了区二十届人大一次会议确定的目标任务。", "二十", "ordinal"),
        ("连续3届荣获中国优秀工业设计奖金奖。", "3", "streak"),
        ("关停淘汰10万千瓦及以下燃煤机组。", "10", "threshold"),
    ],
)
def test_figures_that_are_no_goal_or_result(sentence, number, reason):
    (r,) = [r for r in read_part(sentence, find_quantities(sentence), 0, len(sentence)) if r.quantity.number == number]
    assert r.excluded == reason


@pytest.mark.parametrize(
    ("sentence", "number", "unit"),
    [("圆满举办4届南博会", "4", "届"), ("118起成功避险案例", "118", "起"), ("89万监测对象稳定脱贫", "89", "万人")],
)
def test_counts_of_events_cases_and_people(sentence, number, unit):
    (r,) = [r for r in read_part(sentence, find_quantities(sentence), 0, len(sentence)) if r.quantity.number == number]
    assert (r.excluded, r.quantity.unit) == ("", unit)
