"""Milestones: concrete deliverables without a number, read clause by clause in the plan part.

A milestone is a completion verb with a named object: 启阳国际机场航站楼建成投用, 建成潍烟高铁,
力争黄山水利枢纽开工, 启动屠苏岛大型会展中心建设. Not 加快推进 / 深化 / 积极培育 (work, not a result).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import CLAUSE_SEPS, deadline_in

#: the stage a milestone promises, in one vocabulary for reading and for verifying it: starting work or finishing it
START_VERBS = ("开工建设", "开工", "开建", "动工", "启动建设", "启动", "奠基", "破土")
FINISH_VERBS = (
    "建成投用", "建成使用", "建成运营", "建成通车", "建成", "竣工", "完工", "投入使用", "投入运营", "投用", "投运",
    "通车", "开通", "通航", "运营", "交付", "落成", "启用", "揭牌", "挂牌", "下线", "投产", "达产", "上线",
    "验收", "搬迁", "招生", "开园", "开馆", "开业", "完成", "实现", "落地", "建立", "设立", "获批", "成立",
)  # fmt: skip
_STRONG_BEFORE = (
    r"建成投用|建成投运|建成运营|建成使用|全面建成|基本建成|开工建设|动工建设|新开工|开工|动工|开建|竣工|改造扩建|改扩建|"
    # a removal or an opening is checkable (全部取消手机国内长途和漫游费, 放开外资保险经纪公司经营范围限制), so is
    # the end of a negotiation
    r"(?:全部|全面|基本)(?:取消|淘汰|消除)|取消|免除|(?:全面)?放开|(?:早日)?结束(?=[^，。；]{2,30}谈判$)"
)
_WEAK_BEFORE = (
    r"建成|全面启动|启动|全面完成|基本完成|全域完成|全部完成|完成|新开通|开通|创成|创建|获批|实现|投用|挂牌|出台|建立(?!健全)|设立|整合设立|新创设|"
    r"开发上线|上线|编制|搭建|实行|全面取消|取消|改建|通过|办好|举办|承办|全面消除|筹建|成立|推开|增设|"
    r"消除|新建|制定出台|制定实施|制定好|制定|颁布实施|修订|投入使用|投入运营|落地|组建|开办|发布|绘制|贯通|启用|划定|编制好|改造升级|关停淘汰|关停|全面出清|出清|升级改造|改造提升|提升改造|签署|开业运营|开放运营|扩建完成|"
    r"全面投运|投运|扩建|迁建|修缮|立项建设|修编|开设"
)
_DONE_AFTER = (
    r"建成投用|建成投运|建成使用|建成运营|建成通车|建成开放|投入使用|投入运营|竣工验收|竣工投产|全面竣工|竣工|全面完工|完工|"
    r"建成|投产|投用|下线|通车|通航|开工建设|开工|开建|开业|开园|开馆|开通|验收挂牌|挂牌|揭牌|搬迁招生|完成主体工程|主体完工|"
    r"全线贯通|贯通|试运行|建设完成|全覆盖|动态清零|验收|并网投运|并网发电|全容量并网|晋升国家级|升级为国家级|"
    r"达到(?:地表水)?[ⅠⅡⅢⅣⅤIV]{1,3}类(?:标准)?|达到国家[一二三]级标准|应保尽保|住有所居|“?双下降”?|通高铁|通高速公路|通高速|摘帽出列|主体完工|"
    r"转场投运|投运|开学招生|设立|获批升本|升本|获批|开行动车|通动车|完成(?:国家|省|市)下达的?(?:年度)?(?:目标任务|目标要求|任务|目标|计划)|"
    r"投产达产|投产达效|达产|全部完成|全面完成|全部退出|面市|开业运营|开通运营|投产运营|竣工投用|封顶|修订完善|修订|对外开放|对外运营|开放运营|(?:建设|改造|整治|治理|修复)完成|签署|生效实施|启用开放|启用|建成通水|通水运行|通水|扩区|清零|零增长|"
    r"建成招生|完成主体施工|开门营业|建成交付|连通|上升为国家级[\u4e00-\u9fff]{2,8}|启动建设|全面达效|达效|动态归零|归零|动工建设|动工|全部脱贫|全部摘帽|全部取消|"
    r"竣工使用|获批实施|达产满产|完成改造|正式上线|上线|上市|整体搬迁|搬迁|正式运行|正式运营|落地运营|建成开学|开学|"
    r"量产|试生产|建成对外营业|建成对外开放|对外营业|"
    r"通过[^，。；]{2,16}?(?:验收|评审|认证|定级|复核|复审|评估)|"
    r"纳入[^，。；]{2,24}?(?:规划|范围|项目库|名录|联盟|清单|目录|试点)(?:中期调整)?"
)
_NAMED = re.compile(
    r"工程|项目|高铁|铁路|高速|公路|快速路|机场|航站楼|港|码头|泊位|校区|学院|学校|大学|医院|中心|馆|园区|产业园|公园|大桥|桥|"
    r"路|街|线|站|枢纽|水库|基地|实验室|小镇|街区|综合体|大厦|广场|工厂|电站|管网|隧道|水厂|厂|一期|二期|三期|航线|班列|"
    r"平台|园|城|院|所|室|制度|规划|政策|措施|细则|纲要|系统|数据库|基金|示范市|示范区|示范城市|试点|大会|马拉松|活动年|"
    r"门票|复检|普查|改革|升级|提升|任务|全覆盖|水体|调查|连冠|分流|纲要|方案|设施|总部|行动计划|条例|办法|活动|电站|意见|"
    r"高新区|开发区|经开区|试验区|合作区|[ⅠⅡⅢⅣⅤIV]{1,3}类|口岸|大厅|指引|法规|清单|联盟|图谱|计划|前期工作|修复|"
    r"粮库|仓库|冷库|专班|研究院|奖学金|片区|酒店|宾馆|楼|大队|中队|支队|社区|景区|目录|车间|驿站|"
    r"中学|小学|幼儿园|协会|保税区|保护区|示范单位|步道|绿道|专项资金|名录|集团|银行|公司|连廊|廊道|示范县|规则|《[^》]+》|"
    r"先导区|先行区|机组|大奖|通道|示范点|协定|议定书|工具|大道|榜单|红黑榜|地图|“[^”]{1,8}条”|委员会|促进区|引领区|集聚区|商场|碧道|规定|"
    r"停车场|受纳场|体育场|故居|油库|仓|(?<!阶|手)段|苑|运动场地|综合区|生态区|示范省|支行|分行|白皮书|附中|附小|网”"
)
_WORK_NOT_RESULT = re.compile(
    r"^(?:加快|推进|推动|深化|积极|持续|支持|鼓励|谋划|加速|培育|探索|研究|扎实|全力推进|继续|大力)"
)
_HEDGE_LEAD = re.compile(
    r"^(?:力争|确保|争取|年内|今年|上半年|下半年|国庆节前|年底前|汛期前|全面|同时|并|尽快|扎实|大力|"
    # a date before the deliverable: 2018年建成…, 2017年上半年启动…, 2017年初…, 今年11月30日前…
    r"(?:\d{4}年|今年)(?:上半年|下半年|年初|初|年底|底|末)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底前|前|内|底)?(?!是)|"
    r"\d{1,2}月(?:底|份|中旬|上旬|下旬)?前?|[一二三四]季度(?:末|内)?前?|"
    r"[一二三四五六七八九十]是|以及|协调|协同|率先|"
    r"高质量|高水平|高标准|高品质|圆满|如期|按期|按时|限期|顺利|策划|科学|全力|做好|要|抓紧|今明两年|[两三五]年内|基本(?!建成|完成|淘汰|取消|消除)|"
    r"加快(?=启用|建成投用|投入使用|设立|组建|完成|推动)|全线(?=贯通|通车)|稳妥有序|稳妥|有序|不折不扣)+"
)
#: who or where before the verb: 在全国实施…, 省市县建立…, 与北京联合制定…
_SCOPE_LEAD = re.compile(
    r"^(?:在全[国省市区县]|全[国省市区县]|省市县|市县|各[地市县区]|与[^，。]{2,10}?(?:联合|共同|合作)?(?=建立|制定|共建)|"
    r"对[^，。]{2,16}?(?=实行|实施|推行))"
)
#: checkable though the verb is usually work: a census held (开展第四次全国文物普查), a rule rolled out
#: everywhere (在全国实施个人养老金制度, 全面实施跨境服务贸易负面清单)
_CARRIED_OUT = re.compile(
    r"^开展.{2,}普查$|^全面(?:实施|推行|实行).{2,}(?:制度|清单|政策|制)$|^在全[国省市](?:实施|推行|实行|推开).{2,}$"
)
#: a result that needs no named object: 零就业家庭动态清零, 规上工业企业实现…全覆盖
_RESULT_ALONE = (
    "下线", "通航", "通车", "投产", "竣工", "竣工验收", "动态清零", "清零", "动态归零", "归零", "零增长", "全覆盖",
    "应保尽保", "住有所居", "全部脱贫", "全部摘帽", "全部取消",
)  # fmt: skip
#: a state one can check (水质稳定达到Ⅲ类, 空气质量达到国家二级标准, 事故“双下降”): its subject is the measure
_STATE_REACHED = re.compile(
    r"(?:达到|优于)(?:地表水)?[ⅠⅡⅢⅣⅤIV]{1,3}类(?:标准)?|达到国家[一二三]级标准|“?双下降”?|摘帽出列|主体完工|"
    r"完成(?:国家|省|市)下达的?(?:年度)?(?:目标任务|目标要求|任务|目标|计划)"
)
#: 推动/促进 + a deliverable: 推动潍坊现代农业山东省实验室验收挂牌 (推动 alone is work, not a result)
_PUSH = re.compile(r"^(?:推动|促进|力促|推进)")
#: a law or rule pushed through: 推动制定重庆市公平竞争审查条例
_PUSHED_RULE = re.compile(r"^(?:推动|促进|力促)(?:制定|修订)")
#: who, then a result they reach: 中心城区建成…, 南宁获批…; (X创建Y is an aim most annotators leave out)
_DONE_BY = re.compile(
    r"^(?!实施|开展|推进|推动|加快|深化|持续|组织)([\u4e00-\u9fff]{2,12}?)(?:建成|获批|开通|挂牌|设立)([^，。、]{4,})$"
)
#: an event held (举办第九届中国非物质文化遗产博览会); 办好 an event is left out, as most annotators do
_HELD = re.compile(r"^(?:举办|承办).{2,}(?:博览会|交易会|运动会|大赛|艺术节|文化节|论坛|峰会)$")
#: a rule that brings something under a scheme: 将产前检查费用纳入门诊报销, 把高血压等门诊用药纳入医保报销
_BROUGHT_INTO = re.compile(r"^(?:将|把)[^，。；]{2,24}纳入[^，。；]{2,12}(?:报销|保险|保障|医保|范围|目录|支付|扣除)$")
#: an institution or zone that settles (落地) is checkable; projects and policies that 落地 are not
_LANDED = re.compile(
    r"(?:学院|研究院|大学|医院|总部|合作区|自贸片区|实验室)[^，。；]{0,24}?(?:等)?(?:尽快|早日)?落地(?:实施)?$"
)
#: a named road opened through (打通中山路延长线, 打通玉泉路等“断头路”); 打通…通道/堵点 is a figure of speech
_OPENED = re.compile(
    r"^打通(?!断头|区内|城区|路网|一批|更多)(?:[^和及、，。；\d]{2,10}?(?:路|大道|隧道|延长线)|[^，。；\d]{2,40}?路等“?断头路”?)$"
)
#: future tense: 鲁南高铁将西接郑州, 济郑高铁将建成通车
_FUTURE = re.compile(r"^(.{2,20}?)将(?:[东南西北]接|建成|通车|开通|投用|投运|竣工|开工|贯通|全线贯通)")
#: a document issued by someone else: 国家层面出台淮海经济区高质量发展规划纲要
_ISSUED = re.compile(r"(?:出台|印发|获批|批复)(.{4,})$")
_PREFIX = re.compile(rf"^(?:{_STRONG_BEFORE}|{_WEAK_BEFORE})")
_SUFFIX = re.compile(rf"(?:{_DONE_AFTER})$")
#: works started or finished (启动/完成…建设) and tasks finished (完成…整改) are deliverables without a named object
_WORKS_DONE = "建设|改造|整治|修缮|迁建|清淤|疏浚|确权登记|贯通|开发"
_TASKS_DONE = (
    "|评估|研究|整改|换届|重建|扩区|认定|组建|搬迁安置|搬迁|清拆|拆除|选址|施工图设计|迁移|改建"
    "|编制|修缮|出让|改制|备案|复绿|考评|划定"
)
_ISSUING = ("出台", "制定", "制定出台", "发布", "编制", "修订", "颁布实施")
#: what 通过 passes when it is a result (通过国家生态园林城市复检), not a means (通过深化改革)
_PASSED = re.compile(r"验收|评审|认证|审查|评估|考核|审议|鉴定|复核|复审|复检|达标|创建")
_THE_WHOLE_PLAN = re.compile(
    r"(?:“?十[一二三四五六]五”?规划|今年|全年|上述|各项|今年各项|全年各项|今年发展|年度|20\d\d年[^，。；]{0,12}?)(?:各项)?目标任务"
)
#: 所有/全部 + a class (所有设区市通高铁) is specific: all of them; 各项/一批 are not
_VAGUE_OBJECT = re.compile(r"^(?:一[批些次座个]|更多|若干|各类|新的|好|了|各项|年度|目标|任务)")


@dataclass(frozen=True)
class RawMilestone:
    start: int
    end: int
    text: str
    hedges: tuple[str, ...]
    deadline: str | None


def find_milestones(text: str, start: int, end: int, *, taken: list[tuple[int, int]]) -> list[RawMilestone]:
    """Clauses in [start, end) that state a deliverable; `taken` are spans of numeric goals (skipped)."""
    out: list[RawMilestone] = []
    i = start
    while i < end:
        j = i
        while j < end and text[j] not in CLAUSE_SEPS:
            j += 1
        sentence_start = max(text.rfind("。", start, i), start)
        for a, b in _deliverables(text, i, j, taken):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            hedges = tuple(w for w in ("力争", "确保", "争取") if w in text[i:b])
            deadline = _dated(text, a, b) or deadline_in(text, a, b) or deadline_in(text, sentence_start, b)
            out.append(RawMilestone(a + lead, b, piece.strip(), hedges, deadline))
        i = j + 1
    return out


#: the date a deliverable is due by, written in its own clause: 2018年建成…, 2017年上半年完成…, 2016年底启用…
_DUE = re.compile(
    r"(?<![面向至《\-－—~\d])(20\d\d年|明年)(?:上半年|下半年|年初|初|年底|底|末)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底前|前|底)?(?!是|以来)"
)


def _dated(text: str, start: int, end: int) -> str | None:
    """The due date in [start, end) as written.

    >>> _dated("2018年底前建成总部大厦", 0, 11), _dated("力争2017年上半年完成城市设计", 0, 15)
    ('2018年底前', '2017年上半年')
    """
    m = _DUE.search(text, start, end)
    return m.group() if m else None


def _deliverables(text: str, i: int, j: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clause [i, j) if it states a deliverable; else those of its 、-pieces that do, once a number or a
    second deliverable shares the clause: 确保所有贫困县摘帽出列、33万贫困人口脱贫 → 确保所有贫困县摘帽出列.

    >>> t = "确保所有贫困县摘帽出列、33万贫困人口脱贫"
    >>> [t[a:b] for a, b in _deliverables(t, 0, len(t), [(t.index("33"), len(t))])]
    ['确保所有贫困县摘帽出列']
    """
    free = not any(a < j and i < b for a, b in taken)
    if not text[i:j].strip():
        return []
    if free and _is_milestone(text[i:j]):
        return [(i, j)]
    pieces, a = [], i
    for k in [*(m.start() for m in re.finditer("、", text[i:j])), j - i]:
        pieces.append((a, i + k))
        a = i + k + 1
    if len(pieces) < 2:
        return []
    heads = [_HEDGE_LEAD.sub("", text[a:b].strip()) for a, b in pieces]
    listed = not any(_PREFIX.match(h) or _SUFFIX.search(h) for h in heads[1:])
    if free and listed and re.match(r"(?:建立|搭建|实行)", heads[0]):
        return []  # 建立人员密集场所、高层楼宇、地下空间日常巡查机制: one verb and its list (a way of working)
    return [
        (a, b)
        for a, b in pieces
        if b - a >= 6 and not any(x < b and a < y for x, y in taken) and _is_milestone(text[a:b])
    ]


def _is_milestone(clause: str) -> bool:
    """
    >>> [_is_milestone(c) for c in ("启阳国际机场航站楼建成投用", "力争黄山水利枢纽开工", "加快建设临沂职业学院新校区")]
    [True, True, False]
    >>> [_is_milestone(c) for c in ("建成潍烟高铁", "启动屠苏岛大型会展中心建设", "启动新一轮主攻海洋经济战场行动")]
    [True, True, False]
    >>> [_is_milestone(c) for c in ("在全国实施个人养老金制度", "开展第四次全国文物普查", "做好新机场转场投运工作")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("推动出台河套深圳园区条例", "粮食产量完成国家下达任务", "与北京联合制定实施方案")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("推动制定公平竞争审查条例", "举办第九届非遗博览会", "推动西坑粮库竣工投用")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("推动开通至香港吐露港航线", "推动杨梅坑建成国家AAA级旅游景区", "完成智慧应急建设")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("启动大沙河生态长廊建设", "加快启用指挥中心", "完成中央生态环保督察整改")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("推动吉隆开发开放试验区设立", "发布生物多样性保护行动计划", "组建产业基金")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("重庆昌都完全中学开工建设", "主要河流达到地表水V类标准", "建立效益评估机制")]
    [True, True, False]
    >>> [_is_milestone(c) for c in ("将产前检查费用纳入门诊报销", "节能减排指标完成国家下达年度计划", "划定生态控制线")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("建立健全经营异常名录", "推动项目尽快投产达效", "推动邯郸等一批项目投产达效")]
    [False, False, False]
    >>> [_is_milestone(c) for c in ("全部取消药品加成", "基本淘汰黄标车", "新开通莲塘口岸", "组建省种业集团")]
    [True, True, True, True]
    >>> [_is_milestone(c) for c in ("制定实施《中国教育现代化2030》", "全部完成倒损民房恢复重建", "推动外资项目落地")]
    [True, True, False]
    >>> [_is_milestone(c) for c in ("关停淘汰燃煤机组", "完成综保区扩区", "稳妥有序组建农商银行", "编制好发展规划")]
    [True, True, True, True]
    >>> [_is_milestone(c) for c in ("推动北大剑桥深圳学院等落地", "推动企业总部等疏解项目落地")]
    [True, False]
    >>> [_is_milestone(c) for c in ("推动特高压输电通道开工建设", "加快设立科技成果转化基金", "推动融资平台全部退出")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("实施文化惠民工程", "建立安全生产长效机制", "开展城市体检评估", "办好冰雪运动会")]
    [False, False, False, False]
    >>> [_is_milestone(c) for c in ("推进产业园建设", "推动建立长效机制", "加快城区建成区扩容")]
    [False, False, False]
    >>> [_is_milestone(c) for c in ("取消流量“漫游”费", "全面放开一般制造业", "一是完成深盐二通道噪音整治工程")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("地铁15号线纳入轨道交通五期建设规划", "中欧投资协定签署", "确保区游泳馆启用开放")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("高质量完成“十四五”规划目标任务", "取消或降低一批收费", "通过深化改革、完善政策")]
    [False, False, False]
    >>> [_is_milestone(c) for c in ("实行更优惠的政策", "搭建监管平台", "举办促消费活动", "举办自行车产业大会")]
    [False, False, False, True]
    >>> [_is_milestone(c) for c in ("建立重点产业项目推送机制", "建立“潍坊好成果”发布制度")]
    [False, True]
    >>> [_is_milestone(c) for c in ("出台美宿评定标准", "实行评价考核标准", "果洛海东中学建成招生", "如期实现碳达峰")]
    [True, False, True, True]
    >>> [_is_milestone(c) for c in ("高品质完成轨道14号线绿化恢复工程", "完成龙岗河干流清淤", "升级改造杨门工业园")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("推动南山博物馆通过国家二级博物馆定级", "实现零就业家庭动态归零", "组建专家委员会")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("完成国家下达的单位地区生产总值二氧化碳排放降低目标", "推动轨道17号线一期启动建设")]
    [True, True]
    >>> [_is_milestone(c) for c in ("农村贫困人口全部脱贫", "推动签署经济伙伴关系协定", "推进地铁19号线一期动工")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("打通中山路延长线", "打通断头路", "打通一批未贯通路", "打通惠企政策通道")]
    [True, False, False, False]
    >>> [_is_milestone(c) for c in ("9月底完成红坳村整体搬迁", "推动荣耀全球央仓开工建设", "莲塘-香园围口岸竣工使用")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("组建区级残工委", "打通翠金路、宝润路和农批路等“断头路”", "完成设计通则编制")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("修编《支持科技创新若干措施》", "出台根治欠薪全流程管理机制", "南科大附中9月开学")]
    [True, True, True]
    >>> [_is_milestone(c) for c in ("实施最严格的耕地保护制度", "推动人工智能广东省实验室正式运行", "设立科技支行")]
    [False, True, True]
    >>> [_is_milestone(c) for c in ("确保4月份通过国家三部委中期验收", "推动华星光电T6项目量产")]
    [True, True]
    >>> [_is_milestone(c) for c in ("免除普通高中学杂费", "实现成套设备出口融资保险应保尽保")]
    [True, True]
    >>> [_is_milestone(c) for c in ("2018年建成卓越、宝投中小企业总部大厦", "2018年上半年启动人民医院（二期）扩建工程")]
    [True, True]
    """
    if clause.strip().endswith("以来"):
        return False  # 2015年启动城市更新改革试点以来: since when, not what will be done
    core = _HEDGE_LEAD.sub("", clause.strip()).rstrip('”"').replace("“清零”", "清零")
    if clause.strip().startswith("做好"):
        core = re.sub(r"工作$", "", core)  # 做好盛乐国际机场转场投运工作: the deliverable inside
    if _CARRIED_OUT.match(core) or _CARRIED_OUT.match(clause.strip()):
        return True
    if re.fullmatch(r"完成(?:国家|省|市)下达的?[^，。；]{4,24}?(?:目标任务|目标|任务)", core):
        return True  # 完成国家下达的单位地区生产总值二氧化碳排放降低目标: a target set from above, checked next year
    if re.fullmatch(r"(?:如期)?实现碳达峰(?:目标)?|碳达峰目标如期实现", core):
        return True  # the carbon peak, a dated national deliverable that annotators count
    core = _SCOPE_LEAD.sub("", core)
    if len(core) < 4 or len(core) > 60:
        return False
    future = _FUTURE.match(core)
    if future and _NAMED.search(future.group(1)):
        return True
    if _HELD.match(core) or _BROUGHT_INTO.match(core) or _OPENED.match(core):
        return True
    landed = _LANDED.search(core)
    if landed and not re.search(r"项目|政策|措施|机构|应用|规划|计划", core):
        return True  # 推动北大剑桥深圳学院…等落地: a named institution settles here
    pushed_to = _PUSH.sub("", core)
    pushed = bool(
        _PUSH.match(core)
        and (
            _SUFFIX.search(core)
            or _ISSUED.search(core)
            or _PUSHED_RULE.match(core)
            or _PREFIX.match(pushed_to)
            or _DONE_BY.match(pushed_to)
        )
    )
    if pushed:
        core = _PUSH.sub("", core)
    if _WORK_NOT_RESULT.match(core):
        return False
    issued = _ISSUED.search(core)
    if issued and not _PREFIX.match(core) and re.search(r"规划|纲要|方案|意见|办法|条例", issued.group(1)):
        return True
    m = _PREFIX.match(core)
    if m:
        obj = core[m.end() :]
        if m.group() in ("编制", "制定"):
            obj = re.sub(r"^好(?=[\u4e00-\u9fff“]{2})", "", obj)  # 编制好…规划
        if len(obj) < 2 or _VAGUE_OBJECT.match(obj) or ("一批" in obj and not re.match(_STRONG_BEFORE, m.group())):
            return False
        if "一批" in obj and "取消" in m.group():
            return False  # 取消或降低一批收费: which ones?
        if _THE_WHOLE_PLAN.fullmatch(obj):
            return False  # 高质量完成“十四五”规划目标任务: the plan as a whole, checked figure by figure
        if m.group() == "通过":  # 通过深化改革, 通过人才住房补租等多种政策: the means, not passing a review
            return bool(_PASSED.search(obj))
        if m.group().startswith("建立") and re.search(r"(?:机制|体系|清单)$", obj):
            return False  # 建立重点产业常态化项目推送机制: a way of working (a 制度 one can check is kept)
        if m.group() in ("实行", "搭建") and ("的" in obj or re.search(r"(?:平台|渠道)$", obj)):
            return False  # 实行更加优惠的政策, 搭建综合监管平台: a way of working, not a deliverable one can check
        if m.group() in ("举办", "承办") and re.search(r"活动$", obj):
            return False  # 举办系列深港促消费活动 (an event year, 活动年, is named: 举办…活动年)
        if m.group() in ("实现", "办好") and "的" in obj:  # 实现经济“质的有效提升”, 办好群众家门口的学校: aims
            return False
        if m.group() in ("升级改造", "改造提升", "提升改造") and re.search(r"[、等]", obj):
            return False  # 升级改造步行街、商业街: a kind of place, not one named
        if re.match(_STRONG_BEFORE, m.group()) or _NAMED.search(obj):
            return True
        if m.group() in ("成立", "组建", "设立") and re.search(r"(?:会|局|委|团队|团|队|指挥部|办公室)$", obj):
            return True  # 组建光明区文学艺术联合会, 成立查违工作指挥部: a body one can check exists
        issued = m.group() in _ISSUING and obj.endswith(("标准", "机制"))
        if issued or (m.group() in ("成立", "组建") and obj.endswith("机构")):
            return True  # 出台精品度假美宿评定标准, 成立全市首个民宿管家培训机构 (实行…标准 is a way of working)
        obj = re.sub(r"(?<=..)等?工作$", "", obj)  # 完成大梅沙综合整治等工作: the works named
        done = _WORKS_DONE + (_TASKS_DONE if m.group().endswith("完成") else "")
        if m.group().endswith(("完成", "启动")) and re.search(rf"(?:{done})$", obj):
            return True  # 完成智慧应急建设: the work done is the deliverable
    done_by = _DONE_BY.match(core)
    if done_by and _NAMED.search(done_by.group(2)) and not _WORK_NOT_RESULT.match(core):
        return True  # 杨梅坑建成国家AAA级旅游景区: who, then the result
    m = _SUFFIX.search(core)
    if m:
        obj = re.sub(r"(?:尽快|早日|如期|全面|正式)$", "", core[: m.start()])  # 推动项目尽快投产达效: which projects?
        if len(obj) < 3 or _VAGUE_OBJECT.match(obj) or _WORK_NOT_RESULT.match(obj) or "一批" in obj:
            return False  # 推动邯郸…等一批项目投产达效: a batch, not a named deliverable
        if _NAMED.search(obj):
            return True
        # 零就业家庭动态清零: a result named by its subject, not by 推动 or a bare 实现
        alone = m.group() in _RESULT_ALONE or _STATE_REACHED.fullmatch(m.group())
        if alone:
            obj = re.sub(r"^实现", "", obj)  # 实现零就业家庭动态归零, 实现…出口融资保险应保尽保: who is named
        return bool(alone) and not re.match(r"(?:努力|实现|[\d\s])", obj)
    return False


#: clauses of work without a checkable result: 加快推进…, 深化…, 积极培育… (counted, never stored as commitments)
_VAGUE_WORK = re.compile(
    r"^(?:着力|大力|全力|积极|持续|不断|进一步|坚持|扎实|深入|加快|加力|稳步|全面)?"
    r"(?:推进|推动|深化|培育|优化|提升|加强|完善|强化|促进|支持|鼓励|探索|谋划|做好|抓好|落实|健全|统筹|发展|实施)"
)


def count_vague_work(text: str, start: int, end: int, *, taken: list[tuple[int, int]]) -> int:
    """Clauses of the plan that promise work but no result one could check (加快推进…, 深化…): counted for the
    scorecard's "how checkable is this report", never stored as commitments.

    >>> t = "加快推进新型工业化，深化国企改革，新增就业9万人，启阳机场航站楼建成投用。"
    >>> count_vague_work(t, 0, len(t), taken=[(t.index("新增"), t.index("人") + 1)])
    2
    """
    n, i = 0, start
    while i < end:
        j = i
        while j < end and text[j] not in CLAUSE_SEPS:
            j += 1
        clause = _HEDGE_LEAD.sub("", text[i:j].strip())
        free = not any(a < j and i < b for a, b in taken)
        if free and 6 <= len(clause) <= 80 and _VAGUE_WORK.match(clause) and not _is_milestone(clause):
            n += 1
        i = j + 1
    return n
