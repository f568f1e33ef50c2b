"""The plain verification rules on hand-made inputs: verdicts, hedges, units, milestones, matching."""

from commitments.status import Status
from commitments.verification import Fact, Passage, Promise, judge, judge_milestone, match, silent, verify


def target(quote, value, unit, qualifier="", *, indicator="指标", stretch=None, direction="higher", key=1):
    return Promise(key, "target", indicator, quote, value, unit, qualifier, stretch, direction=direction)


def outcome(quote, value, unit, *, indicator="指标", qualifier="", key="o"):
    return Fact(key, indicator, value, unit, quote, qualifier)


def milestone(quote, key=1):
    return Promise(key, "milestone", "", quote)


def shown(verdict):
    return verdict.arithmetic_with(Status(verdict.status).label)


def test_a_target_reached_by_a_little_is_done_with_its_arithmetic_in_words():
    verdict = judge(
        promise=target("新增城镇就业9万人以上", 9, "万人", "以上", indicator="城镇新增就业"),
        fact=outcome("城镇新增就业9.4万人", 9.4, "万人", indicator="城镇新增就业"),
    )
    assert shown(verdict) == "目标 ≥ 9万人，实绩 9.4万人，完成 104.4% → 已完成"


def test_units_are_normalised_before_comparing_and_both_are_shown():
    verdict = judge(
        promise=target("新增城镇就业9万人以上", 9, "万人", "以上"), fact=outcome("城镇新增就业94000人", 94000, "人")
    )
    assert verdict.status == "done"
    assert "实绩 94000人（折合 9.4万人），完成 104.4%" in verdict.arithmetic


def test_percent_and_percentage_points_never_compare():
    assert (
        judge(promise=target("城镇化率提高1个百分点", 1, "个百分点"), fact=outcome("城镇化率提高1.2%", 1.2, "%"))
        is None
    )
    assert judge(promise=target("增长5%", 5, "%"), fact=outcome("提高5个百分点", 5, "个百分点")) is None


def test_a_growth_rate_is_not_compared_with_a_level():
    assert (
        judge(
            promise=target("城镇化率提高1个百分点", 1, "个百分点"),
            fact=outcome("城镇化率60.3个百分点", 60.3, "个百分点"),
        )
        is None
    )
    assert judge(promise=target("投资增长7%", 7, "%"), fact=outcome("投资占比达到7.5%", 7.5, "%")) is None


def test_this_years_new_is_not_compared_with_a_running_total():
    assert (
        judge(promise=target("新增市场主体20万户", 20, "万户"), fact=outcome("市场主体总量达到152万户", 152, "万户"))
        is None
    )


def test_a_count_for_each_county_is_not_compared_with_the_citys_total():
    assert judge(promise=target("各县打造2个特色产业", 2, "个"), fact=outcome("培育特色产业18个", 18, "个")) is None


def test_about_has_a_stated_tolerance_of_five_percent():
    within = judge(
        promise=target("入库科技型中小企业3000家左右", 3000, "家", "左右"), fact=outcome("入库3080家", 3080, "家")
    )
    below = judge(
        promise=target("入库科技型中小企业3000家左右", 3000, "家", "左右"), fact=outcome("入库2800家", 2800, "家")
    )
    above = judge(
        promise=target("入库科技型中小企业3000家左右", 3000, "家", "左右"), fact=outcome("入库3300家", 3300, "家")
    )
    assert within.status == "done" and "左右按 ±5% 计，即 2850–3150家" in within.arithmetic
    assert below.status == "missed"
    assert above.status == "exceeded"


def test_the_baseline_decides_done_and_the_stretch_decides_exceeded():
    goal = target("地区生产总值增长5.5%、力争6%以上", 5.5, "%", "力争+以上", stretch=6)
    assert judge(promise=goal, fact=outcome("增长5.8%", 5.8, "%")).status == "done"
    assert judge(promise=goal, fact=outcome("增长6%", 6, "%")).status == "exceeded"
    assert judge(promise=goal, fact=outcome("增长5.2%", 5.2, "%")).status == "missed"
    assert (
        "基准目标 增长 ≥ 5.5%，力争 增长 ≥ 6%，实绩 增长 5.8%，高 0.3 个百分点"
        in judge(promise=goal, fact=outcome("增长5.8%", 5.8, "%")).arithmetic
    )


def test_a_promised_decrease_is_kept_by_a_bigger_decrease():
    goal = target("拥堵指数再下降5个百分点", 5, "个百分点", indicator="拥堵指数", direction="lower")
    assert judge(promise=goal, fact=outcome("拥堵指数下降6.1个百分点", 6.1, "个百分点")).status == "exceeded"
    assert judge(promise=goal, fact=outcome("拥堵指数下降4个百分点", 4, "个百分点")).status == "missed"
    rose = judge(promise=goal, fact=outcome("拥堵指数上升1个百分点", 1, "个百分点"))
    assert rose.status == "missed" and "实绩与目标方向相反，相差 6 个百分点" in rose.arithmetic


def test_a_lower_is_better_level_flips_the_comparison_and_a_kept_cap_is_done_not_exceeded():
    goal = target("PM2.5平均浓度控制在35微克/立方米", 35, "微克/立方米", direction="lower")
    kept = judge(promise=goal, fact=outcome("PM2.5平均浓度30微克/立方米", 30, "微克/立方米"))
    assert kept.status == "done" and "目标 ≤ 35" in kept.arithmetic and "实绩为目标的 85.7%" in kept.arithmetic
    assert judge(promise=goal, fact=outcome("PM2.5平均浓度38微克/立方米", 38, "微克/立方米")).status == "missed"
    cap = target("城镇登记失业率控制在4.5%以内", 4.5, "%", "以内")
    assert judge(promise=cap, fact=outcome("城镇登记失业率3.2%", 3.2, "%")).status == "done"


def test_short_of_a_count_is_partial_but_short_of_a_rate_is_missed():
    assert judge(
        promise=target("通车里程达到750公里", 750, "公里", "达到"), fact=outcome("726公里", 726, "公里")
    ).status == ("partial")
    assert (
        judge(promise=target("供水率达到96%", 96, "%", "达到"), fact=outcome("供水率95.2%", 95.2, "%")).status
        == "missed"
    )
    assert judge(promise=target("引进项目50个", 50, "个"), fact=outcome("引进项目20个", 20, "个")).status == "missed"


def test_nearly_the_value_does_not_reach_it():
    assert judge(
        promise=target("新增就业9万人", 9, "万人"), fact=outcome("新增就业近9万人", 9, "万人", qualifier="近")
    ).status == ("partial")


def test_a_milestone_found_with_a_completion_verb_is_done():
    verdict, seen = judge_milestone(
        promise=milestone("启阳国际机场航站楼建成投用"),
        passages=[Passage("前文。启阳国际机场航站楼建成投用，开通航线。", 100)],
    )
    assert verdict.status == "done"
    assert seen[0].quote == "启阳国际机场航站楼建成投用" and seen[0].start == 103


def test_a_milestone_mentioned_without_a_completion_verb_is_progress():
    verdict, _ = judge_milestone(
        promise=milestone("临沂应用科学城二期建成使用"), passages=[Passage("临沂应用科学城二期加快建设。")]
    )
    assert verdict.status == "in_progress"


def test_starting_work_does_not_complete_a_promise_to_finish_but_completes_a_promise_to_start():
    text = [Passage("临淄至临沂高速开工建设。")]
    assert judge_milestone(promise=milestone("建成临淄至临沂高速"), passages=text)[0].status == "in_progress"
    assert judge_milestone(promise=milestone("力争开工临淄至临沂高速"), passages=text)[0].status == "done"


def test_a_negated_verb_is_no_completion():
    verdict, _ = judge_milestone(promise=milestone("黄山水利枢纽开工"), passages=[Passage("黄山水利枢纽尚未开工。")])
    assert verdict.status == "in_progress"


def test_a_milestone_naming_several_objects_is_partial_when_only_some_are_done():
    verdict, _ = judge_milestone(
        promise=milestone("开工临沂城市职业学院、临沂科技学院"), passages=[Passage("临沂城市职业学院开工建设。")]
    )
    assert verdict.status == "partial" and "1/2 项完成" in verdict.arithmetic


def test_traditional_characters_are_read_and_the_quote_stays_as_written():
    verdict, seen = judge_milestone(
        promise=milestone("启阳国际机场航站楼建成投用"), passages=[Passage("臨沂啟陽國際機場新航站樓正式投運。")]
    )
    assert verdict.status == "done" and seen[0].quote == "臨沂啟陽國際機場新航站樓正式投運"


def test_each_target_gets_its_best_outcome_and_an_outcome_backs_one_target():
    jobs = target("新增城镇就业9万人以上", 9, "万人", "以上", indicator="新增城镇就业", key="jobs")
    skills = target("新增高技能人才1万人以上", 1, "万人", "以上", indicator="高技能人才", key="skills")
    facts = [
        outcome("城镇新增就业9.4万人", 9.4, "万人", indicator="城镇新增就业", key="a"),
        outcome("新增高技能人才1.23万人", 1.23, "万人", indicator="高技能人才", key="b"),
        outcome("城镇新增就业人数9.4万人", 9.4, "万人", indicator="城镇新增就业人数", key="c"),
    ]
    chosen = match([jobs, skills], facts)
    assert chosen["jobs"].fact.key == "a" and chosen["skills"].fact.key == "b"


def test_a_threshold_inside_a_name_makes_another_indicator():
    goal = target("新增产值超10亿元企业10家", 10, "家", indicator="新增产值超10亿元企业")
    other = outcome("新增产值超50亿元企业4家", 4, "家", indicator="新增产值超50亿元企业")
    assert match([goal], [other]) == {}


def test_a_commitment_the_later_text_never_names_is_silent():
    goal = milestone("启动临沂大学医学院建设")
    assert silent(promise=goal, facts=[], text="临沂城市职业学院开工建设。")
    assert not silent(promise=goal, facts=[], text="加快临沂大学医学院建设。")
    jobs = target("新增城镇就业9万人以上", 9, "万人", "以上", indicator="城镇新增就业")
    assert not silent(promise=jobs, facts=[outcome("城镇新增就业率", 1, "%", indicator="城镇新增就业")], text="")


def test_verify_proposes_for_targets_and_milestones_and_leaves_out_what_it_cannot_compare():
    promises = [
        target("新增城镇就业9万人以上", 9, "万人", "以上", indicator="城镇新增就业", key=1),
        target("城镇化率提高1个百分点", 1, "个百分点", indicator="常住人口城镇化率", key=2),
        milestone("启阳国际机场航站楼建成投用", key=3),
    ]
    facts = [
        outcome("城镇新增就业9.4万人", 9.4, "万人", indicator="城镇新增就业", key="a"),
        outcome("常住人口城镇化率达到60.3%", 60.3, "%", indicator="常住人口城镇化率", key="b"),
    ]
    proposals = verify(promises=promises, facts=facts, passages=[Passage("启阳国际机场航站楼建成投用。")])
    assert {p.promise.key: p.verdict.status for p in proposals} == {1: "done", 3: "done"}


def test_a_growth_rate_is_compared_in_percentage_points_never_as_a_percent_of_a_percent():
    goal = target("地区生产总值增长5.5%", 5.5, "%")
    short = judge(promise=goal, fact=outcome("增长4.2%", 4.2, "%"))
    assert "低 1.3 个百分点" in short.arithmetic and "完成" not in short.arithmetic
    assert "105" not in judge(promise=goal, fact=outcome("增长5.8%", 5.8, "%")).arithmetic
