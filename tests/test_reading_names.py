"""Indicator names that make a plan comparable with the next review, and the numbers read without digits.

Verification matches a target of year N with the outcome the report of year N+1 gives: both must land
on the same canonical name. Inside one report the headline targets (主要预期目标) and the review's
headline outcomes measure the same things, so they must share names there too.
"""

import re
from functools import cache
from pathlib import Path

from commitments.reading import extract
from commitments.reading.indicators import indicators

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "fixtures" / "reports"
SAMPLES = ROOT / "tests" / "data" / "reading"


@cache
def _read(stem: str):
    text = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
    return text, extract(text)


def _headline_targets(stem: str) -> list:
    """The targets of the 主要预期目标 sentence (up to its 。)."""
    text, e = _read(stem)
    start = re.search(r"主要预期目标(?:建议)?(?:是|为)?[：:]", text).start()
    end = text.index("。", start)
    return [c for c in e.commitments if c.kind == "target" and start <= c.start < end]


def _at(stem: str, needle: str, kind: str):
    text, e = _read(stem)
    pos = text.index(needle)
    return next(c for c in getattr(e, kind) if c.start <= pos < c.end)


#: headline targets the review part reports on in the same words (read from each report's text)
SHARED_HEADLINES = {
    "linyi-2024": {"地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "居民人均可支配收入"},
    "linyi-hedong-2023": {"地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额"},
    "weifang-2024": {"地区生产总值", "一般公共预算收入", "社会消费品零售总额", "居民人均可支配收入"},
    "xuzhou-2024": {"地区生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资"},
    "zibo-2024": {"地区生产总值", "一般公共预算收入", "固定资产投资"},
}


def test_headline_targets_and_the_review_outcomes_share_canonical_names_in_every_report():
    for stem, shared in SHARED_HEADLINES.items():
        _text, e = _read(stem)
        headline = {c.indicator for c in _headline_targets(stem)}
        reviewed = {o.indicator for o in e.outcomes}
        assert shared <= headline & reviewed, (stem, headline, shared - reviewed)


def test_headline_targets_carry_names_from_the_indicator_table():
    table = indicators()
    for stem in SHARED_HEADLINES:
        names = [re.sub(r"(?:下降|降低|提高)$", "", c.indicator) for c in _headline_targets(stem)]
        assert names and all(n in table for n in names), (stem, names)


def test_a_flow_before_a_known_indicator_keeps_the_verb_and_the_canonical_name():
    assert _at("linyi-2024", "新增国家高新技术企业200家", "commitments").indicator == "新增高新技术企业"
    assert _at("linyi-2024", "国家高新技术企业突破2000家", "outcomes").indicator == "高新技术企业"
    # an item of a list with a verb of its own does not take the 新增 of the first item
    c = _at("weifang-2024", "入库科技型中小企业3600家", "commitments")
    assert c.indicator == "科技型中小企业"


def test_a_multiplier_without_a_digit_is_read_as_the_annotators_write_it():
    c = _at("linyi-2024", "物流总额突破万亿", "commitments")
    assert (c.indicator, c.value, c.unit, c.qualifier) == ("物流总额", 10000, "亿元", "突破")
    c = _at("linyi-2024", "“过千亿”", "commitments")
    assert (c.value, c.unit) == (1000, "亿元") and "超过" in c.qualifier
    c = _at("weifang-2024", "组织千家企业", "commitments")
    assert (c.value, c.unit) == (1000, "家")
    o = _at("xuzhou-2024", "贷款余额过万亿", "outcomes")
    assert (o.indicator, o.value, o.unit, o.qualifier) == ("金融机构贷款余额", 10000, "亿元", "超过")
    o = _at("weifang-2024", "率先突破千万千瓦", "outcomes")
    assert (o.indicator, o.value, o.unit) == ("可再生能源装机容量", 1000, "万千瓦")
    o = _at("xuzhou-2024", "旅游总收入跃上千亿元台阶", "outcomes")
    assert (o.indicator, o.qualifier) == ("旅游总收入", "突破")


def test_prose_multipliers_and_thresholds_stay_prose():
    text, e = _read("zibo-2024")
    pos = text.index("投资过百亿元的龙头项目")
    assert not any(c.start <= pos + 3 < c.end and c.kind == "target" for c in e.commitments)
    text, e = _read("linyi-2024")
    pos = text.index("千家万户")
    assert not any(c.start <= pos < c.end for c in e.commitments + e.outcomes)
    text, e = _read("weifang-2024")
    pos = text.index("703个村集体经济收入达到百万元以上")
    assert [o.value for o in e.outcomes if o.start <= pos + 20 < o.end or o.start <= pos < o.end] == [703]


def test_a_bare_chinese_count_with_its_verb_after_it_is_an_outcome():
    o = _at("linyi-hedong-2023", "两处方舱医院建成使用", "outcomes")
    assert (o.value, o.unit) == (2, "处")
    text, e = _read("zibo-2024")
    pos = text.index("风险防范三项机制")
    assert not any(c.start <= pos + 4 < c.end for c in e.commitments)


def test_existing_counts_past_selections_and_annexed_items_are_not_targets():
    for stem, needle in (
        ("linyi-2024", "继续抓实124个市级示范片区"),
        ("linyi-2024", "215个省级平台"),  # 用好43个国家级平台、215个…: the verb governs the list
        ("xuzhou-2024", "遴选了12类44项"),
        ("zibo-2024", "遴选提出了13件"),
        ("weifang-2024", "其中新办10件，见附件"),
        ("zibo-2024", "落实支持个体工商户发展30条措施"),
    ):
        text, e = _read(stem)
        pos = text.index(needle)
        span = range(pos, pos + len(needle))
        assert not any(
            c.kind == "target" and (c.start in span or pos in range(c.start, c.end)) for c in e.commitments
        ), (
            stem,
            needle,
        )


def test_a_count_that_scopes_a_growth_rate_is_not_an_outcome_of_its_own():
    text, e = _read("linyi-2024")
    pos = text.index("18个特色产业产值增长15%")
    assert [o.value for o in e.outcomes if pos <= o.start + 20 and o.start < pos + 14] == [15]


def test_a_county_report_takes_its_parent_city_from_the_county_table():
    for name, expected in (
        ("county-a.txt", ("沂水县", "临沂市", "县")),
        ("county-b.txt", ("临朐县", "潍坊市", "县")),
        ("city-c.txt", ("寿光市", "潍坊市", "县级市")),
    ):
        e = extract((SAMPLES / name).read_text(encoding="utf-8"))
        assert (e.region, e.parent_region, e.level) == expected


def test_a_name_is_never_cut_inside_a_word_nor_left_as_a_size_class():
    assert _at("zibo-2024", "109个建设类省级重点项目", "outcomes").indicator == "建设类省级重点项目"
    assert _at("zibo-2024", "打造2条千亿级", "commitments").indicator == "千亿级产业链"
    assert _at("zibo-2024", "15条百亿级产业链", "commitments").indicator == "百亿级产业链"
    # a second counted item is another name: 340个亿元以上工业项目和100个重点服务业项目
    assert _at("xuzhou-2024", "加快340个亿元以上工业项目", "commitments").indicator == "亿元以上工业项目"


def test_a_generic_or_elliptic_subject_takes_what_its_sentence_named_before():
    assert (
        _at("xuzhou-2024", "总产量连续五年超百亿斤", "outcomes").indicator == "粮食产量"
    )  # canonical name of 粮食总产量
    assert _at("xuzhou-2024", "优Ⅲ比例达到97.7%", "outcomes").indicator == "国省考断面水质优Ⅲ比例"
    assert _at("zibo-2024", "年内培训2000人以上", "commitments").indicator == "企业家培训"
    # 财政支出 takes its canonical name (一般公共预算支出) inside the share
    assert _at("linyi-hedong-2023", "占财政支出的", "outcomes").indicator == "民生支出占一般公共预算支出比重"
    c = _at("linyi-hedong-2023", "占同期工业总产值的比重", "commitments")
    assert c.indicator == "高新技术产业产值占比"  # the canonical name of the share
    assert _at("linyi-2024", "过50万元的超过45%", "commitments").indicator == "村集体收入过50万元行政村占比"
    # the part of a whole is counted by the verb of the whole: 新招引…，其中10亿元以上项目106个
    assert _at("xuzhou-2024", "其中10亿元以上项目106个", "outcomes").indicator == "新招引10亿元以上项目"
    assert _at("xuzhou-2024", "50亿元以上项目22个", "outcomes").indicator == "新招引50亿元以上项目"
    # 分别 names the members; the measure after it belongs to each
    _text, e = _read("zibo-2024")
    names = [o.indicator for o in e.outcomes if (o.value, o.unit) in ((1310, "亿元"), (400, "亿元"))]
    assert names == ["市重大项目年度投资", "建设类省级重点项目年度投资"]


def test_praise_doubled_nouns_and_stray_quote_marks_stay_out_of_a_name():
    assert _at("xuzhou-2024", "产值超千亿元市域", "outcomes").indicator == "绿色蔬菜产值"
    o = _at("linyi-2024", "等5个镇入选", "outcomes")
    assert "镇镇" not in o.indicator.replace("”", "") and o.indicator.endswith("千强镇”")
    assert "“" not in _at("weifang-2024", "布设20处", "commitments").indicator
