"""The reader on texts it was not tuned on: short county-level reports written for these tests
(tests/data/reading/), slices of the real reports, and odd input."""

from pathlib import Path

import pytest

from commitments.reading import extract
from commitments.reading.names import split_names, with_direction
from commitments.reading.score import same_indicator_strict

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "reading"
REPORTS = ROOT / "fixtures" / "reports"


def _sample(name: str):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return text, extract(text)


def _one(extraction, needle: str, text: str):
    pos = text.index(needle)
    return next(c for c in extraction.commitments if c.start <= pos < c.end)


def test_a_county_report_names_its_county_from_the_congress_line():
    _, e = _sample("county-a.txt")
    assert (e.region, e.level, e.plan_year, e.review_year) == ("沂水县", "县", 2024, 2023)
    assert [p.kind for p in e.parts] == ["review", "plan", "self"]
    assert [s.title[:4] for s in e.sections if s.level == 1] == ["（一）聚", "（二）全", "（三）持"]


def test_a_county_report_reads_numbered_points_and_targets_with_hedges():
    text, e = _sample("county-a.txt")
    c = _one(e, "新增市场主体5000户以上", text)
    assert (c.indicator, c.value, c.unit, c.qualifier) == ("新增市场主体", 5000, "户", "以上")
    c = _one(e, "城镇新增就业8000人以上", text)
    assert (c.indicator, c.category) == ("城镇新增就业", "民生保障")
    c = _one(e, "完成投资150亿元以上", text)
    assert c.indicator == "县级重点项目完成投资"
    assert _one(e, "污水处理厂建成投用", text).kind == "milestone"
    m = _one(e, "县人民医院新院区年内开工建设", text)
    assert (m.kind, m.qualifier, m.deadline) == ("milestone", "力争", "年内")
    assert len([c for c in e.commitments if c.kind == "target"]) == 15


def test_a_county_report_without_line_breaks_reads_the_main_targets():
    _text, e = _sample("county-b.txt")
    assert (e.region, e.level, e.plan_year, e.review_year) == ("临朐县", "县", 2023, 2022)
    got = {(c.indicator, c.value, c.qualifier) for c in e.commitments}
    assert {
        ("地区生产总值", 5.5, "左右"),
        ("城镇调查失业率", 5.5, "以内"),
        ("居民消费价格涨幅", 3, "左右"),
        ("粮食产量", 45, "以上"),
        ("单位GDP能耗下降", 3, ""),
        ("新增科技型中小企业", 50, ""),
    } <= got
    assert [(o.indicator, o.qualifier) for o in e.outcomes][-1] == ("空气质量优良天数比率", "达到")


def test_a_county_level_city_is_told_from_a_prefecture_city():
    text, e = _sample("city-c.txt")
    assert (e.region, e.level) == ("寿光市", "县级市")
    assert _one(e, "R&D投入强度达到3%", text).indicator == "研发投入占地区生产总值比重"
    assert _one(e, "全市生产总值增长6%", text).indicator == "地区生产总值"


DEV = ROOT.parent / "shared" / "reports-dev"  # the unseen reports, when this checkout has them beside it


@pytest.mark.parametrize(("folder", "size"), [(REPORTS, 2000), (DEV, 4000)], ids=["bundled", "reports-dev"])
def test_every_slice_of_every_report_reads_without_error_and_quotes_exactly(folder, size):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for i in range(0, len(text), size):
            piece = text[i : i + size]
            e = extract(piece)
            for item in [*e.commitments, *e.outcomes]:
                assert piece[item.start : item.end] == item.quote, path.name


@pytest.mark.parametrize(
    "odd", ["", "\n\n", "一、", "二、二、", "（一）", "增长%", "1-", "第", "亿亿亿", "分别分别", "“”“"]
)
def test_odd_input_gives_an_extraction_not_an_error(odd):
    assert extract(odd).commitments == []


def test_list_names_share_their_head_and_split_paired_words():
    assert split_names("徐州经开区、徐州高新区工业开票销售收入", 2) == [
        "徐州经开区工业开票销售收入",
        "徐州高新区工业开票销售收入",
    ]
    assert split_names("城乡低保标准", 2) == ["城市低保标准", "农村低保标准"]
    assert split_names("国控河流、近岸海域优良水体比例", 2) == ["国控河流优良水体比例", "近岸海域优良水体比例"]
    assert split_names("制造业、普惠小微贷款余额", 2) == ["制造业贷款余额", "普惠小微贷款余额"]
    assert split_names("生产安全事故起数、死亡人数", 2) == ["生产安全事故起数", "生产安全事故死亡人数"]
    assert split_names("高新技术企业、科技型中小企业", 3) == []
    assert with_direction("工单重办率", "工单重办率下降") == "工单重办率下降"


def test_the_strict_indicator_comparison_allows_aliases_and_generic_affixes_only():
    assert same_indicator_strict("新增城镇就业", "城镇新增就业")
    assert same_indicator_strict("经营主体总数", "市场主体")
    assert same_indicator_strict("新增高新技术企业", "高新技术企业")
    assert same_indicator_strict("中小学、幼儿园", "中小学和幼儿园")
    assert not same_indicator_strict("新建城市书房", "改造城市书房")
    assert not same_indicator_strict("省级专精特新中小企业", "专精特新中小企业")
    assert not same_indicator_strict("居民人均可支配收入", "农村居民人均可支配收入")
