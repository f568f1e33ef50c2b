"""Ways of writing a figure that unseen reports use: ranges, doublings, mixed numerals, the plan's own outline.

The texts are short paraphrases written for these tests, in the shapes met on real provincial and national
reports (新疆 2026, 湖南 2026, 国务院 2018 and 2021, 宝安区 2022, 天津 2026)."""

from commitments.reading import extract

REPORT = """一、2025年工作回顾
这一年，我们交出了一份优异答卷。外贸进出口突破5000亿元大关，利用外资、投资分别增长45%、20%。国家高新技术企业总量达到6759家（上年5842家），\
两个街道全市排名分别上升31名和18名。研发投入翻一番，有效发明专利拥有量增加两倍。日均新设企业增加到1万6千多户，共减轻市场主体负担3万多亿元。\
营养改善计划惠及3600多万农村学生，千余家优质企业融入产业链。扎实开展深入贯彻中央八项规定精神学习教育。
二、2026年工作安排
《规划纲要（草案）》提出五大类21个主要指标，包括13个预期性指标、8个约束性指标。
今年主要预期目标是：地区生产总值增长5.5%—6%，城镇新增就业28万人，劳动年龄人口平均受教育年限提高到11.3年。\
淘汰关停不达标的30万千瓦以下煤电机组。更新改造复康路等道路80条、桥梁15座。
"""


def _by_value(items, value):
    return [x for x in items if x.value == value]


def test_a_range_with_the_unit_at_both_ends_is_one_goal_with_its_upper_end():
    e = extract(REPORT)
    (gdp,) = _by_value(e.commitments, 5.5)
    assert (gdp.indicator, gdp.stretch_value, gdp.quote) == ("地区生产总值", 6.0, "地区生产总值增长5.5%—6%")
    assert not _by_value(e.commitments, 6.0)


def test_the_plans_own_outline_thresholds_and_the_year_before_are_not_figures():
    e = extract(REPORT)
    values = {c.value for c in e.commitments if c.kind == "target"}
    assert not values & {21, 13, 8, 30}  # 21个主要指标…, 30万千瓦以下煤电机组
    # （上年5842家）, rank changes, 交出了一份答卷, 中央八项规定
    assert not {(o.value, o.unit) for o in e.outcomes} & {(5842, "家"), (31, "名"), (18, "名"), (1, "份"), (8, "项")}


def test_doublings_mixed_numerals_and_people_counted_in_wan_are_read():
    e = extract(REPORT)
    got = {(o.indicator, o.value, o.unit) for o in e.outcomes}
    assert ("进出口总额", 5000, "亿元") in got
    assert ("实际使用外资", 45, "%") in got  # 利用外资 is the measure, not an existing asset
    assert {("全社会研发投入", 1, "番"), ("有效发明专利拥有量", 2, "倍")} <= got
    assert {("日均新设企业", 1.6, "万户"), ("减轻市场主体负担", 3, "万亿元")} <= got  # 1万6千多户, 3万多亿元
    assert {(o.value, o.unit, o.qualifier) for o in e.outcomes} >= {(3600, "万人", "多"), (1000, "家", "余")}


def test_years_of_schooling_and_works_named_after_the_thing():
    e = extract(REPORT)
    targets = {c.indicator: (c.value, c.unit) for c in e.commitments if c.kind == "target"}
    assert targets["劳动年龄人口平均受教育年限"] == (11.3, "年")
    assert targets["道路更新改造"] == (80, "条")
    assert targets["桥梁更新改造"] == (15, "座")


def test_unnumbered_part_headings_with_their_own_numbering_are_the_parts():
    text = (
        "各位代表：\n现在，我代表区人民政府向大会报告政府工作。\n2022年工作回顾\n一、切实做到“疫情要防住”\n"
        "全年新增就业2万人。\n二、切实做到“经济要稳住”\n地区生产总值增长3%。\n2023年主要工作\n"
        "一、加快融入新发展格局\n地区生产总值增长6%。\n二、增进民生福祉\n新增学位1万个。\n"
    )
    e = extract(text)
    assert (e.plan_year, e.review_year) == (2023, 2022)
    assert [p.kind for p in e.parts] == ["review", "plan"]
    assert {c.value for c in e.commitments} == {6, 1} and {o.value for o in e.outcomes} == {2, 3}


def test_a_new_terms_report_reads_its_five_year_review_and_plan_and_their_years():
    # 宝安区 2016 and 龙华区 2021 (the first session of a new congress): no year in any heading; a bare
    # 过去五年工作回顾 / 未来五年工作 above the plan's numbered chapters, or a 新一届政府 part aiming at 到2025年
    bare = (
        "各位代表：\n现在，我代表区人民政府向大会报告工作。\n过去五年工作回顾\n地区生产总值年均增长9%，新增学位3万个。\n"
        "未来五年工作\n今后五年区政府着力做好以下工作：\n一、着力培育经济发展新动能\n新增国家高新技术企业500家。\n"
        "二、多渠道增加公共服务资源\n新增学位5万个。\n"
    )
    e = extract(bare)
    assert [p.kind for p in e.parts] == ["review", "plan"]
    assert {c.value for c in e.commitments if c.kind == "target"} == {500, 5} and {o.value for o in e.outcomes} == {
        9,
        3,
    }
    term = (
        "各位代表：\n现在，我代表区人民政府向大会报告政府工作。\n一、本届政府工作回顾\n2018年以来，地区生产总值年均增长7%。\n"
        "二、新一届政府工作的总体思路和奋斗目标\n未来五年，是全面建设现代化的关键时期。到2025年，地区生产总值突破4000亿元。\n"
        "三、今后五年政府工作安排\n新增学位6万个。\n"
    )
    e = extract(term)
    assert (e.plan_year, e.review_year) == (2021, 2020)
    assert {c.deadline for c in e.commitments if c.kind == "target"} == {"2025年"}
