"""The extractor on real sentences of the five fixture reports."""

from functools import cache
from pathlib import Path

from commitments.reading import HEDGES, explain_qualifier, extract, extract_outcomes, normalize, tokenize

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


@cache
def _read(stem: str):
    text = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
    return text, extract(text)


def _target(stem: str, needle: str):
    text, extraction = _read(stem)
    pos = text.index(needle)
    return next(c for c in extraction.commitments if c.start <= pos < c.end)


def _covered(stem: str, needle: str, kind: str = "commitments") -> bool:
    text, extraction = _read(stem)
    pos = text.index(needle)
    return any(c.start <= pos < c.end for c in getattr(extraction, kind))


def test_it_reads_region_years_and_parts_of_all_five_reports():
    expected = {
        "linyi-2024": ("临沂市", "山东省", "地级市", 2024, 2023),
        "linyi-hedong-2023": ("河东区", "临沂市", "市辖区", 2023, 2022),
        "xuzhou-2024": ("徐州市", "江苏省", "地级市", 2024, 2023),
        "weifang-2024": ("潍坊市", "山东省", "地级市", 2024, 2023),
        "zibo-2024": ("淄博市", "山东省", "地级市", 2024, 2023),
    }
    for stem, (region, parent, level, plan, review) in expected.items():
        _, e = _read(stem)
        assert (e.region, e.parent_region, e.level, e.plan_year, e.review_year) == (region, parent, level, plan, review)
        assert [p.kind for p in e.parts] == ["review", "plan", "self"]


def test_every_quote_is_an_exact_slice_of_the_original_text():
    for path in REPORTS.glob("*.txt"):
        text, e = _read(path.stem)
        for item in [*e.commitments, *e.outcomes]:
            assert text[item.start : item.end] == item.quote
            assert len(item.quote) < 80


def test_it_reads_the_delivery_date_from_the_cover():
    assert _read("linyi-hedong-2023")[1].delivered_on == "2023-01-10"


def test_it_reads_a_plan_goal_with_its_hedge_and_canonical_indicator():
    c = _target("linyi-2024", "新增城镇就业9万人以上")
    assert (c.kind, c.value, c.unit, c.qualifier, c.indicator) == ("target", 9, "万人", "以上", "城镇新增就业")
    assert c.quote == "新增城镇就业9万人以上"
    assert c.category == "民生保障"
    assert c.section.startswith("（九）")


def test_it_reads_the_outcome_under_the_other_wording_of_the_same_indicator():
    text, e = _read("linyi-2024")
    pos = text.index("城镇新增就业10.5万人")
    o = next(o for o in e.outcomes if o.start <= pos < o.end)
    assert (o.indicator, o.value, o.unit) == ("城镇新增就业", 10.5, "万人")


def test_it_reads_baseline_and_stretch_as_one_commitment():
    c = _target("linyi-2024", "地区生产总值增长5.5%、力争6%以上")
    assert (c.value, c.stretch_value, c.unit, c.qualifier) == (5.5, 6, "%", "力争+以上")
    assert c.quote == "地区生产总值增长5.5%、力争6%以上"


def test_it_reads_a_range_as_value_and_stretch():
    c = _target("linyi-2024", "1-2个省级旅游民宿集聚区")
    assert (c.value, c.stretch_value, c.unit) == (1, 2, "个")


def test_it_reads_a_stated_count_with_its_hedge():
    c = _target("linyi-2024", "中欧班列全年到发450列以上")
    assert (c.value, c.unit, c.qualifier) == (450, "列", "以上")


def test_a_governing_hedge_applies_to_each_clause_of_its_list():
    for needle in ("新引进500强项目50个以上", "实际到位资金1300亿元以上"):
        assert _target("linyi-2024", needle).qualifier == "力争+以上"


def test_a_threshold_is_not_a_goal_but_the_count_is():
    text, e = _read("linyi-2024")
    threshold = text.index("投资过10亿元项目") + len("投资过")
    count = text.index("项目100个以上") + 2
    assert not any(c.start <= threshold < c.end and c.value == 10 for c in e.commitments)
    assert any(c.start <= count < c.end and c.value == 100 for c in e.commitments)


def test_it_skips_existing_assets_ordinals_and_names_with_digits():
    text, e = _read("linyi-2024")
    for needle in ("43个国家级平台", "26届省运会", "G518", "“12345"):
        pos = text.index(needle)
        assert not any(c.start <= pos < c.end and c.kind == "target" for c in e.commitments), needle
    assert not _covered("zibo-2024", "3510")


def test_it_reads_spaced_numbers_of_a_pdf_extraction():
    c = _target("linyi-hedong-2023", "新增城镇就业 5000 人以上")
    assert (c.value, c.unit, c.qualifier, c.indicator) == (5000, "人", "力争+以上", "城镇新增就业")


def test_it_reads_a_report_without_line_breaks():
    c = _target("weifang-2024", "新增高新技术企业300家以上")
    assert (c.value, c.unit, c.indicator) == (300, "家", "新增高新技术企业")


def test_a_flow_verb_stays_in_the_indicator_and_a_manner_verb_does_not():
    assert _target("xuzhou-2024", "新建改造雨污管网220公里").indicator == "新建改造雨污管网"
    assert _target("linyi-2024", "1-2个省级旅游民宿集聚区").indicator == "省级旅游民宿集聚区"


def _names_in(stem: str, needle: str) -> list[str]:
    """Indicators of the outcomes whose numbers lie in `needle`."""
    text, e = _read(stem)
    pos = text.index(needle)
    return [o.indicator for o in e.outcomes if pos < o.end <= pos + len(needle)]


def test_a_list_after_fenbie_gives_each_number_its_own_indicator():
    names = _names_in("linyi-2024", "城镇和农村居民人均可支配收入分别增长5.7%、7.9%")
    assert names == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert _names_in("linyi-2024", "城乡低保标准分别提高5%、7%") == ["城市低保标准提高", "农村低保标准提高"]


def test_a_bare_list_of_numbers_takes_the_names_of_the_clause_before():
    names = _names_in("linyi-hedong-2023", "金融机构存贷款余额分别达到 545 亿元、575 亿元，同比增长 7.77%、12.52%")
    assert names == ["金融机构存款余额", "金融机构贷款余额"] * 2


def test_a_decrease_goes_into_the_indicator():
    assert _target("linyi-2024", "拥堵指数再下降5个百分点").indicator == "拥堵指数下降"


def test_a_generic_subject_takes_the_topic_of_its_sentence():
    c = _target("xuzhou-2024", "货值增长20%以上")
    assert c.indicator == "中欧班列货值"


def test_a_later_item_of_a_list_shares_the_verb_of_the_first():
    text, e = _read("weifang-2024")
    pos = text.index("幼儿园252所")  # 改造提升乡村中小学110所、幼儿园252所
    o = next(o for o in e.outcomes if o.start <= pos < o.end)
    assert o.indicator == "乡村幼儿园改造提升"


def test_a_count_of_things_built_is_named_by_the_object_and_a_renovation_puts_its_verb_last():
    names = {o.indicator for o in _read("weifang-2024")[1].outcomes}
    assert {"中小学", "幼儿园", "城乡书房", "直角出入口改造"} <= names  # 建成中小学55所、幼儿园120所; 新建城乡书房38家
    assert "新建城乡书房" not in names and "改造直角出入口" not in names


def test_the_government_s_own_yearly_figures_have_one_name_in_every_report():
    for report in ("weifang-2024", "linyi-2024"):
        names = {o.indicator for o in _read(report)[1].outcomes}
        assert {"办理人大代表建议", "办理政协委员提案", "提请审议地方性法规"} <= names, report


def test_it_reads_milestones_with_a_completion_verb_and_a_named_object():
    c = _target("linyi-2024", "启阳国际机场航站楼建成投用")
    assert c.kind == "milestone" and c.value is None
    assert _target("weifang-2024", "建成潍烟高铁").kind == "milestone"
    assert _target("linyi-2024", "国庆节前“临沂版”DeepWay新能源重卡下线").deadline == "国庆节前"


def test_vague_work_is_not_a_milestone():
    assert not _covered("linyi-2024", "加快建设临沂职业学院新校区")
    assert not _covered("linyi-hedong-2023", "实现经济“质的有效提升”")
    assert not _covered("linyi-2024", "办好一次会、搞活一座城")


def test_it_reads_future_tense_adverbs_and_results_as_milestones():
    for stem, needle in (
        ("linyi-2024", "鲁南高铁将西接郑州"),
        ("linyi-hedong-2023", "基本完成重点区域雨污分流"),
        ("weifang-2024", "推动潍坊现代农业山东省实验室验收挂牌"),
        ("weifang-2024", "确保零就业家庭动态清零"),
        ("zibo-2024", "高质量完成第五次全国经济普查"),
        ("xuzhou-2024", "力争国家层面出台淮海经济区高质量发展规划纲要"),
    ):
        assert _target(stem, needle).kind == "milestone", needle


def test_a_report_of_unknown_region_does_not_crash():
    e = extract("一、2023年工作回顾\n城镇新增就业10.5万人。\n二、2024年工作安排\n新增城镇就业9万人以上。")
    assert e.region is None and "未识别出地区" in e.warnings
    assert [c.value for c in e.commitments] == [9]


def test_a_text_without_a_plan_part_has_no_commitments_and_a_warning():
    e = extract("各位代表：\n一、2023年工作回顾\n城镇新增就业10.5万人，地区生产总值增长6.3%。")
    assert e.commitments == [] and "未找到计划部分（第二部分）" in e.warnings
    assert [o.value for o in e.outcomes] == [10.5, 6.3]


def test_a_short_document_without_parts_yields_outcomes():
    outcomes = extract_outcomes("2024年，全市城镇新增就业9.3万人，中欧班列开行460列。")
    assert [(o.indicator, o.value, o.unit) for o in outcomes] == [
        ("城镇新增就业", 9.3, "万人"),
        ("中欧班列开行", 460, "列"),
    ]


def test_a_traditional_chinese_text_is_read_and_quoted_as_written():
    text = "一、2023年工作回顧\n城鎮新增就業10.5萬人。\n二、2024年工作安排\n新增城鎮就業9萬人以上。"
    c = extract(text).commitments[0]
    assert c.indicator == "城镇新增就业" and c.quote == "新增城鎮就業9萬人以上"


def test_normalize_converts_multipliers_but_never_percent_into_points():
    assert normalize(9, "万人") == (90000, "人")
    assert normalize(1.2, "亿元") == (120000000, "元")
    assert normalize(5, "%") != normalize(5, "个百分点")


def test_hedges_explain_themselves():
    assert HEDGES["以上"][0] == "at_least" and HEDGES["左右"][0] == "about"
    assert "力争" in explain_qualifier("力争+以上") and "至少" in explain_qualifier("力争+以上")


def test_tokenize_keeps_indicator_words_whole():
    assert "城镇新增就业" in tokenize("全年城镇新增就业10.5万人")


def test_a_long_subject_is_cut_at_a_word_boundary_and_a_quoted_name_is_closed():
    green = _target("weifang-2024", "绿色工业园区10个以上")
    assert green.quote.startswith("省级以上绿色工厂")  # not "级以上…": the cut falls before 省级
    signs = _target("weifang-2024", "抬头可见")
    assert signs.quote == "布设20处“抬头可见、驻足可观”"
