"""Region, parent, level and years of governments of every level and shape, from the first lines of real reports and
news items (short quotes: the congress line, the speaker, a heading), checked against the national division table."""

import pytest

from commitments.reading import extract

CASES = [
    # a county of 新疆 under an autonomous prefecture; the date in brackets under the speaker
    (
        "政府工作报告\n——在尉犁县第十八届人民代表大会第五次会议上\n县长 某某\n(2025年1月6日)\n各位代表：\n"
        "现在，我代表县人民政府向大会报告政府工作。\n2024年工作回顾\n预计完成地区生产总值90.82亿元，增长8%。",
        ("尉犁县", "巴音郭楞蒙古自治州", "县", 2025, 2024),
    ),
    # a news item that lists the parts: 2026年工作要点
    (
        "芦山县第十八届人民代表大会第六次会议开幕\n县人民政府县长代表县政府作工作报告。报告由四个部分组成："
        "2025年和“十四五”工作回顾；“十五五”发展的主要考虑；2026年工作要点；全面加强政府自身建设。",
        ("芦山县", "雅安市", "县", 2026, 2025),
    ),
    # an autonomous county, in traditional characters, its congress in December
    (
        "麻陽苗族自治縣第八屆人民代表大會第五次會議開幕\n縣長代表縣人民政府作工作報告。報告分為三個部分："
        "一是2025年及“十四五”工作回顧；二是“十五五”期間總體要求和目標任務；三是2026年工作安排。",
        ("麻阳苗族自治县", "怀化市", "自治县", 2026, 2025),
    ),
    # a banner of a league
    (
        "2022年1月7日在正蓝旗第十六届人民代表大会第一次会议上\n正蓝旗人民政府代旗长 某某\n各位代表：\n"
        "一、十五届人民政府工作回顾\n地区生产总值预计达到58.8亿元，年均增长0.7%。",
        ("正蓝旗", "锡林郭勒盟", "旗", 2022, 2021),
    ),
    # a prefecture city whose five-year review names its last year only as 预计2012年
    (
        "包头市人民政府市长 某某\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n过去五年工作回顾\n"
        "五年来，预计2012年全市生产总值完成3440亿元左右。",
        ("包头市", "内蒙古自治区", "地级市", 2013, 2012),
    ),
    # an autonomous region reviewing a five-year plan and its last year
    (
        "政府工作报告\n——2001年2月16日在内蒙古自治区第九届人民代表大会第四次会议上\n各位代表：\n"
        "一、“九五”时期和2000年工作的回顾与总结\n国内生产总值由833亿元增加到2000年的1400亿元。",
        ("内蒙古自治区", None, "自治区", 2001, 2000),
    ),
    # a district of a prefecture city, its title in a page's table
    (
        "文件名称 | 汉滨区2025年政府工作报告 |\n2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上\n各位代表：\n"
        "一、过去一年工作回顾\n2024年，实现地区生产总值440.5亿元、增长5.4%。",
        ("汉滨区", "安康市", "市辖区", 2025, 2024),
    ),
    # an autonomous prefecture's news item: 2015年形势与任务 / 2015年工作重点
    (
        "大理白族自治州第十三届人民代表大会第三次会议隆重开幕。州人民政府代理州长报告政府工作。"
        "报告分三部分：一、2014年工作回顾；二、2015年形势与任务；三、2015年工作重点。",
        ("大理白族自治州", "云南省", "自治州", 2015, 2014),
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[1][0] for c in CASES])
def test_region_parent_level_and_years(text, expected):
    e = extract(text)
    assert (e.region, e.parent_region, e.level, e.plan_year, e.review_year) == expected
