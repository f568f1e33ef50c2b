import pytest
from django.urls import reverse

from commitments.models import Commitment, Region
from commitments.reading import explain_qualifier
from tests.builders import change_status, hide

pytestmark = pytest.mark.django_db


def linyi_jobs() -> Commitment:
    return Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上")


def test_the_home_page_lists_every_region_with_its_latest_scorecard(client):
    page = client.get(reverse("commitments:home"))
    html = page.content.decode()
    for name in ["临沂市", "河东区", "徐州市", "潍坊市", "淄博市"]:
        assert name in html
    rows = {r.name: (year, card) for r, year, card in page.context["rows"]}
    assert rows["河东区"][0] == 2023 and rows["临沂市"][0] == 2024
    assert rows["临沂市"][1].total == Commitment.objects.filter(region__name="临沂市").count()
    assert "待评估" in html and "尚难评估" not in html and '<svg class="bar"' in html
    assert 'action="/search/"' in html and 'name="q"' in html


def test_the_home_page_shows_the_latest_status_change_with_its_reason(client):
    change_status(linyi_jobs(), "in_progress", reason="人社局：上半年新增就业5.1万人")
    html = client.get(reverse("commitments:home")).content.decode()
    assert "人社局：上半年新增就业5.1万人" in html
    assert html.index("新增城镇就业9万人以上") < html.index("全部变化与更正记录")


def test_the_home_page_runs_the_same_queries_however_many_changes_it_lists(client, django_assert_num_queries):
    with django_assert_num_queries(5):
        client.get(reverse("commitments:home"))
    for c in Commitment.objects.filter(region__name="徐州市")[:12]:
        change_status(c, "in_progress", reason="测试")
    with django_assert_num_queries(5):
        client.get(reverse("commitments:home"))


def test_a_region_page_shows_the_latest_year_with_its_districts_under_the_city(client):
    linyi = Region.objects.get(name="临沂市")
    page = client.get(linyi.get_absolute_url())
    assert page.context["year"] == 2024
    html = page.content.decode()
    assert "下辖区县" in html and "河东区" in html
    assert "待评估" in html  # the year is not over: neutral, never 未完成
    assert "status-missed" not in html


def test_the_headline_targets_table_shows_last_years_actual_and_the_change(client):
    page = client.get(reverse("commitments:region_year", args=["linyi", 2024]))
    headline = page.context["headline"]
    names = [c.indicator.name for c in headline]
    assert "地区生产总值" in names and len(headline) >= 4
    gdp = next(c for c in headline if c.indicator.name == "地区生产总值")
    assert gdp.last_actual is not None
    html = page.content.decode()
    assert "主要预期目标" in html and "目标较上年实绩" in html


def test_a_region_page_for_a_year_without_commitments_is_not_found(client):
    assert client.get(reverse("commitments:region_year", args=["linyi", 1999])).status_code == 404


def test_the_status_breakdown_is_drawn_as_svg_overall_and_by_category(client):
    html = client.get(reverse("commitments:region_year", args=["xuzhou", 2024])).content.decode()
    chart = html[html.index('<svg class="chart"') :]
    chart = chart[: chart.index("</svg>")]
    assert 'role="img"' in chart and "全部" in chart and "民生保障" in chart


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"kind": "milestone"}, lambda c: c.kind == "milestone"),
        ({"category": "民生保障"}, lambda c: c.category == "民生保障"),
        ({"hedge": "左右"}, lambda c: "左右" in c.qualifier.split("+")),
        ({"has_number": "false"}, lambda c: c.value is None),
        ({"status": "pending"}, lambda c: c.status == "pending"),
    ],
)
def test_the_commitments_list_filters(client, params, check):
    page = client.get(reverse("commitments:region_year", args=["xuzhou", 2024]), params)
    shown = list(page.context["page"])
    assert shown and all(check(c) for c in shown)
    everything = Commitment.objects.filter(region__name="徐州市", year=2024)
    assert page.context["page"].paginator.count == sum(1 for c in everything if check(c))


def test_a_status_group_filter_lists_what_the_scorecard_counts(client):
    for c in Commitment.objects.filter(region__name="淄博市")[:3]:
        change_status(c, "done")
    page = client.get(reverse("commitments:region_year", args=["zibo", 2024]), {"group": "kept"})
    assert page.context["page"].paginator.count == 3 == page.context["overall"].group_count("kept")


def test_the_list_is_paginated_and_the_download_links_carry_the_filter(client):
    page = client.get(reverse("commitments:region_year", args=["xuzhou", 2024]), {"kind": "target", "page": 2})
    assert page.context["page"].number == 2
    csv_link = page.context["downloads"]["csv"]
    assert csv_link.startswith("/commitments.csv?") and "kind=target" in csv_link
    assert "region=xuzhou" in csv_link and "year=2024" in csv_link and "page=" not in csv_link


def test_a_region_page_runs_a_fixed_number_of_queries_whatever_its_length(client, django_assert_num_queries):
    # 临沂市 has a district, 152 commitments and a headline table; 徐州市 has none of the first and fewer of the rest.
    with django_assert_num_queries(16):
        client.get(reverse("commitments:region_year", args=["linyi", 2024]))
    with django_assert_num_queries(16):
        client.get(reverse("commitments:region_year", args=["xuzhou", 2024]), {"kind": "target"})


def test_the_commitment_page_shows_the_quote_marked_in_its_paragraph(client):
    c = linyi_jobs()
    html = client.get(c.get_absolute_url()).content.decode()
    assert "<mark>新增城镇就业9万人以上</mark>" in html
    assert "稳定和扩大就业岗位，<mark>" in html  # the sentence before it, in the same paragraph
    assert explain_qualifier("以上") in html
    assert "目标较上年实绩 −14%" in html  # 9万人 against 10.5万人 last year


def test_the_commitment_page_shows_the_timeline_with_who_and_evidence(client, admin_user):
    from datetime import date

    c = linyi_jobs()
    c.updates.create(
        date=date(2024, 7, 15),
        status="in_progress",
        value_reached=5.1,
        note="上半年新增就业5.1万人",
        evidence_url="https://example.org/evidence",
        author=admin_user,
    )
    html = client.get(c.get_absolute_url()).content.decode()
    assert "上半年新增就业5.1万人" in html and "https://example.org/evidence" in html
    assert admin_user.username in html and "2024-07-15" in html
    assert '<progress max="100" value="57"' in html


def test_the_commitment_page_lists_the_same_indicator_elsewhere(client):
    page = client.get(linyi_jobs().get_absolute_url())
    regions = {o.region.name for o in page.context["others"]}
    assert {"徐州市", "淄博市", "潍坊市"} <= regions


def test_the_commitment_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    url = linyi_jobs().get_absolute_url()
    with django_assert_num_queries(4):
        client.get(url)


def test_a_hidden_commitment_is_on_no_public_page(client):
    c = hide(linyi_jobs())
    assert client.get(c.get_absolute_url()).status_code == 404
    region_page = client.get(reverse("commitments:region_year", args=["linyi", 2024]), {"q": "就业"})
    assert c not in list(region_page.context["page"])
    assert "新增城镇就业9万人以上" not in client.get(reverse("commitments:search"), {"q": "就业"}).content.decode()
    assert "新增城镇就业9万人以上" not in client.get(reverse("commitments:commitment_list")).content.decode()


def test_the_indicator_page_compares_regions_and_years_in_a_table_and_a_chart(client):
    indicator = linyi_jobs().indicator
    page = client.get(indicator.get_absolute_url())
    regions = {r["region"].name for r in page.context["rows"]}
    assert {"临沂市", "徐州市", "淄博市", "潍坊市", "河东区"} <= regions
    html = page.content.decode()
    assert '<svg class="chart"' in html and "实绩" in html


def test_the_indicator_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries):
    url = linyi_jobs().indicator.get_absolute_url()
    with django_assert_num_queries(5):  # indicator, its years, targets, their verdicts, outcomes
        client.get(url)
    with django_assert_num_queries(1):
        client.get(reverse("commitments:indicator_list"))


def test_the_methodology_page_defines_every_status_and_logs_corrections_with_reasons(client):
    change_status(linyi_jobs(), "unverified", reason="次年报告称已完成，待核实")
    html = client.get(reverse("commitments:methodology")).content.decode()
    from commitments.status import Status

    for s in Status:
        assert s.definition in html
    log = html[html.index('id="corrections"') :]
    assert "次年报告称已完成，待核实" in log and "新增城镇就业9万人以上" in log


def test_an_edit_that_keeps_the_status_is_not_a_status_change(client):
    c = linyi_jobs()
    c.lead_department = "市人力资源社会保障局"
    c.save()
    assert client.get(reverse("commitments:methodology")).context["changes"].paginator.count == 0


def test_the_report_page_marks_each_commitment_with_a_link(client):
    c = linyi_jobs()
    html = client.get(c.report.get_absolute_url()).content.decode()
    assert f'href="{c.get_absolute_url()}">新增城镇就业9万人以上</a>' in html


def test_every_page_links_the_api_documentation_in_its_footer(client):
    api = reverse("commitments:api")
    for url in [reverse("commitments:home"), linyi_jobs().get_absolute_url(), reverse("commitments:methodology")]:
        footer = client.get(url).content.decode().split('<footer class="site-footer">')[1]
        assert f'href="{api}"' in footer


def test_the_pages_use_no_inline_style_or_script(client):
    for url in [
        reverse("commitments:home"),
        reverse("commitments:region_year", args=["linyi", 2024]),
        linyi_jobs().get_absolute_url(),
        linyi_jobs().indicator.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert "style=" not in html and "<script" not in html


def test_public_pages_answer_head_requests_like_get(client):
    assert client.head("/").status_code == 200
    assert client.post("/").status_code == 405


def test_a_province_without_its_own_report_lists_its_cities_and_says_so(client):
    shandong = Region.objects.get(name="山东省")
    assert (shandong.code, shandong.level) == ("370000", "省")
    html = client.get(shandong.get_absolute_url()).content.decode()
    assert "尚未导入山东省本级的政府工作报告" in html and "临沂市" in html and "承诺清单" not in html
    assert Region.objects.get(name="临沂市").parent == shandong


def test_every_page_names_a_favicon_that_exists(client):
    assert 'rel="icon" href="/static/commitments/favicon.svg"' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/commitments/favicon.svg"


def test_no_status_change_yet_is_a_sentence_not_a_numbered_item(client):
    from commitments.models import Commitment

    Commitment.history.exclude(history_type="+").delete()
    html = client.get("/").content.decode()
    assert '<p class="changes-empty">暂无状态变化' in html and "<li>暂无状态变化" not in html


def test_a_commitment_not_started_is_not_counted_as_progress():
    from commitments.models import Commitment
    from commitments.public import scorecard

    zibo = Commitment.objects.filter(region__name="淄博市", year=2024)
    zibo.filter(pk__in=list(zibo.values_list("pk", flat=True)[:2])).update(status="not_started")
    card = scorecard.scorecard(zibo)
    assert (card.group_count("not_started"), card.group_count("progress")) == (2, 0)
    assert [label for _, label, _ in card.groups] == ["已兑现", "推进中", "未启动", "未兑现", "待评估"]


def test_a_rate_target_is_set_against_last_years_actual_in_percentage_points(client):
    from commitments.models import Commitment

    rate = (
        Commitment.objects.filter(is_headline=True, unit="%", baseline_outcome__unit="%")
        .select_related("region", "baseline_outcome")
        .first()
    )
    gap = float(rate.value) - float(rate.baseline_outcome.value)
    page = client.get(reverse("commitments:region_year", args=[rate.region.slug, rate.year])).content.decode()
    assert "个百分点" in page
    word = "高" if gap > 0 else "低"
    detail = client.get(rate.get_absolute_url()).content.decode()
    assert f"目标较上年实绩 {word}" in detail and "个百分点" in detail and "完成比例" not in detail


def test_the_first_visit_says_how_checkable_the_reports_are_and_which_targets_are_set_below_last_year(client):
    home = client.get("/")
    figures = home.context["checkable"]
    assert figures["reports"] == 5 and figures["targets"] > 300 and figures["milestones"] > 50
    assert figures["vague"] > figures["milestones"]
    assert "处只说“加快推进”“深化”等的工作表述无法核对" in home.content.decode()
    page = client.get(reverse("commitments:region_year", args=["linyi", 2024]))
    checkable = page.context["checkable"]
    assert checkable.targets > 50 and 0 < checkable.checkable_share < 100
    for c in checkable.below_last_year:
        assert c.ambition.below  # each one really is below what the report says was achieved
    assert "这份报告能核对多少" in page.content.decode()
    assert "无法核对的工作表述" in client.get("/methodology/").content.decode()


def test_the_indicator_list_puts_shared_indicators_first_and_can_be_searched_and_filtered(client):
    page = client.get(reverse("commitments:indicator_list"))
    indicators = page.context["indicators"]
    regions = [i.regions for i in indicators]
    assert regions == sorted(regions, reverse=True) and regions[0] >= 4
    assert page.context["shared"] == sum(1 for n in regions if n >= 2)
    from commitments.models import Commitment

    milestone_only = set(
        Commitment.objects.filter(kind="milestone", indicator__isnull=False).values_list("indicator", flat=True)
    ) - set(Commitment.objects.filter(kind="target").values_list("indicator", flat=True))
    assert not {i.pk for i in indicators} & milestone_only
    found = client.get(reverse("commitments:indicator_list"), {"q": "就业"}).context["indicators"]
    assert found and all("就业" in i.name for i in found)
    ecology = client.get(reverse("commitments:indicator_list"), {"category": "生态环境"}).context["indicators"]
    assert ecology and all(i.category == "生态环境" for i in ecology)


def test_a_count_of_new_ones_is_not_set_against_last_years_total():
    from commitments.models import Commitment

    flow = Commitment.objects.select_related("baseline_outcome").get(
        region__name="临沂市", year=2024, quote__startswith="新增国家高新技术企业200家"
    )
    assert flow.baseline_outcome is None or float(flow.baseline_outcome.value) < 1000  # not the 2000家 in all


def test_an_indicators_totals_and_growth_rates_are_two_series_never_one_table(client):
    from commitments.models import Indicator

    gdp = Indicator.objects.get(name="地区生产总值")
    url = reverse("commitments:indicator", args=[gdp.slug])
    for series, units in (("rate", {"%"}), ("amount", {"元"})):
        page = client.get(url, {"year": 2023, "series": series})
        seen = {r[k].base_unit for r in page.context["rows"] for k in ("target", "actual") if r[k] is not None}
        assert seen and seen <= units, (series, seen)
    assert client.get(url, {"year": 2023, "series": "rate"}).context["other_series"] == [("amount", "总量与数量")]


def test_a_level_is_never_shown_as_a_share_done_where_the_lag_page_reads_it_as_a_level(client):
    """审批时限压缩至3天: the commitment page and 序时进度 read 天 (倍, 米, 岁 …) alike, as a level."""
    from datetime import date

    from commitments.staff.lag import lag_light

    c = linyi_jobs()
    c.value, c.unit, c.qualifier, c.stretch_value = 3, "天", "以内", None
    c.save()
    c.updates.create(date=date(2024, 7, 15), status="in_progress", value_reached=2, note="压缩至2天")
    html = client.get(c.get_absolute_url()).content.decode()
    assert "<progress" not in html
    light = lag_light(target=c.value, reached=2, unit=c.unit, year=2024, today=date(2024, 7, 15))
    assert light.explanation.startswith("比率类指标不按时间累计")
