"""Five-year goals (“十四五”时期 …) are commitments with their horizon year, kept apart from the year's goals."""

import pytest
from django.urls import reverse

from commitments.ingest.reports import import_report
from commitments.models import Commitment, Outcome

pytestmark = pytest.mark.django_db

REPORT = """政府工作报告
——2021年2月19日在河北省第十三届人民代表大会第四次会议上
各位代表：
现在，我代表省人民政府向大会报告工作。
一、2020年工作回顾和“十三五”时期发展成就
过去一年，全省生产总值增长3.9%，城镇新增就业88.9万人。
五年来，全省生产总值年均增长6.3%，单位GDP能耗五年下降21%。
二、“十四五”时期的主要目标
“十四五”时期，全省生产总值年均增长6%左右，常住人口城镇化率达到65%。
三、2021年主要工作
今年全省经济社会发展主要预期目标是：生产总值增长6.5%左右，城镇新增就业88万人以上。
（一）加快推进科技创新。新增高新技术企业2000家。
（二）扩大有效投资。实施省重点项目600个以上。
"""


@pytest.fixture
def hebei(tmp_path):
    path = tmp_path / "hebei-2021-short.txt"
    path.write_text(REPORT, encoding="utf-8")
    return import_report(path=path).report


def test_five_year_goals_keep_their_horizon_and_five_year_results_their_period(hebei):
    assert (hebei.region.name, hebei.region.code, hebei.plan_year) == ("河北省", "130000", 2021)
    five = Commitment.objects.filter(report=hebei, horizon=2025)
    assert sorted(c.indicator_name for c in five) == ["地区生产总值", "常住人口城镇化率"]
    assert not Commitment.objects.filter(report=hebei, horizon__isnull=True, quote__contains="6%左右").exists()
    assert Outcome.objects.get(report=hebei, quote__contains="6.3%").period == "2016-2020"
    assert Outcome.objects.get(report=hebei, quote__contains="3.9%").period == ""


def test_the_scorecard_counts_the_years_goals_and_links_the_five_year_ones_apart(client, hebei):
    page = client.get(reverse("commitments:region_year", args=[hebei.region.slug, 2021]))
    year_goals = Commitment.objects.public().filter(report=hebei, horizon__isnull=True).count()
    assert page.context["overall"].total == year_goals
    assert page.context["five_year"] == {"n": 2, "horizon": 2025}
    assert "2 条五年规划目标" in page.content.decode()
    listed = client.get(reverse("commitments:region_year", args=[hebei.region.slug, 2021]), {"term": "five-year"})
    assert {c.horizon for c in listed.context["page"].object_list} == {2025}
    one = Commitment.objects.filter(report=hebei, horizon=2025).first()
    assert "目标年 2025 年" in client.get(one.get_absolute_url()).content.decode()


def test_the_report_after_the_horizon_year_checks_the_five_year_goals(tmp_path, hebei):
    from commitments.models import Verification

    later = tmp_path / "hebei-2026-short.txt"
    later.write_text(
        "政府工作报告\n——2026年1月26日在河北省第十四届人民代表大会第四次会议上\n各位代表：\n"
        "现在，我代表省人民政府向大会报告工作。\n一、“十四五”时期发展回顾\n"
        "这五年，全省生产总值年均增长5.5%，常住人口城镇化率达到66%。\n"
        "二、2026年主要工作\n今年全省经济社会发展主要预期目标是：生产总值增长5%左右。\n",
        encoding="utf-8",
    )
    import_report(path=later)
    checked = Verification.objects.filter(commitment__report=hebei, commitment__horizon=2025)
    assert checked.filter(commitment__indicator_name="常住人口城镇化率", verdict="done").exists()
    assert not Verification.objects.filter(commitment__report=hebei, commitment__horizon__isnull=True).exists()


def test_the_five_year_goals_by_their_horizon_year_do_not_open_the_years_plan():
    from commitments.reading import extract

    text = (
        "各位代表：\n一、2020年工作回顾及“十三五”发展成绩\n地区生产总值增长3%。\n二、“十四五”发展的基本思路\n"
        "到2025年，全区经济社会发展的主要预期目标是：地区生产总值超6800亿元。\n三、2021年主要工作\n地区生产总值增长6%。\n"
    )
    e = extract(text)
    assert (e.plan_year, e.review_year) == (2021, 2020)
    assert {(c.value, c.horizon) for c in e.commitments} == {(6800, 2025), (6, None)}
