"""What a number counts when the counted noun follows it: 9家图书馆获评国家一级馆, 121个项目竣工投产.

The counted noun alone (图书馆, 项目, 事项) often names nothing that can be compared across years; what
happened to it is the measure. The name keeps that, by one convention: an event stays after the noun
(项目竣工投产, 国省考断面水质达标), a result with an object goes before it as a noun phrase would say it
(获评国家一级馆图书馆, 享受长护险待遇老年人, 零见面审批事项). Building a thing or working on it adds nothing
to the name: 11处过街通道投入使用 counts 过街通道, 100个示范村集中推进 counts 示范村.
"""

from __future__ import annotations

import re

from .tokens import is_verb_phrase

#: where the counted noun ends and the predicate begins
PREDICATE = re.compile(
    r"(?:投入使用|加快|集中推进|实现|完成|入选|入围|荣获|获得|获评|获|通过|有序实施|发布实施|全部|全面|全城通办|早开快投|落地|上榜|"
    r"享受|可以|开展|参与|(?<!参)与|上半年|年内|顺利|达标|(?:发展)?成为|(?<!新)(?:建成|竣工|投产|开工)|纳入|签约落地|成功|设立|建立|配备|开设|搬迁$)"
)
_ADVERBS = re.compile(
    r"^(?:全部|全面|均|顺利|成功|集中|陆续|相继|先后|已经|已|可以|年内|上半年|下半年|当年|首批|实现)+"
)
#: work on a thing, or the thing built: the noun alone is what is counted
_WORK = re.compile(
    r"^(?:投入使用|建成(?:使用|投用|投运|运营|运行|开放|启用|通车)?|投用|投运|通车|交付使用|有序实施|推进|加快.*|开展.*|早开快投|与.*|落[地户].+|(?:发展)?成为.*)$"
)
#: an event that happens to the counted thing: it goes after the noun
_EVENT = re.compile(
    r"^(?:搬迁|竣工投产|建成投产|投产|开工建设|开工|动工|竣工|完工|开业|开园|开馆|达标|签约落地|落地|上市|重组|挂牌|并网|发布实施)$"
)
_EVENT_AT_END = re.compile(_EVENT.pattern.replace("^", "", 1))
#: what completing a yearly task says: nothing to add to the name
_TASK = re.compile(r"^(?:年度任务|任务|目标任务|目标)$")
_AWARD = re.compile(r"^(?:入选|入围|上榜|荣获|获评|获得|获|享受|通过|纳入)")
_MAX_PREDICATE = 16


def defines_set(predicate: str) -> bool:
    """Whether the predicate says which of the things are counted (获评…, 入选…), not what happened to them."""
    return bool(_AWARD.match(_ADVERBS.sub("", predicate.strip())))


def without_event(name: str) -> str:
    """国省考断面水质达标 -> 国省考断面水质: the thing, for a share of it named next."""
    event = _EVENT_AT_END.search(name)
    if event and event.start() > 1:
        return name[: event.start()]
    return name


def split_predicate(segment: str) -> tuple[str, str]:
    """The counted noun and the predicate after it, from the words after a number up to the clause's end.

    >>> split_predicate("图书馆获评国家一级馆"), split_predicate("项目上半年全部开工")
    (('图书馆', '获评国家一级馆'), ('项目', '上半年全部开工'))
    """
    cut = PREDICATE.search(segment, 1)
    if not cut:
        return segment, ""
    return segment[: cut.start()], segment[cut.start() :]


def counted_name(noun: str, predicate: str) -> str:
    """The name of the count: the noun, with what happened to it when that is the measure.

    >>> counted_name("图书馆", "获评国家一级馆"), counted_name("项目", "上半年全部开工")
    ('获评国家一级馆图书馆', '项目开工')
    >>> counted_name("事项", "实现“零见面”审批"), counted_name("过街通道", "投入使用")
    ('“零见面”审批事项', '过街通道')
    >>> counted_name("农村家庭", "完成清洁取暖改造"), counted_name("镇", "入选首批全国“千强镇”")
    ('农村家庭清洁取暖改造', '全国“千强镇”')
    >>> counted_name("排水小区", "年内完工"), counted_name("中心卫生院", "全部开业")
    ('排水小区完工', '中心卫生院开业')
    >>> split_predicate("单位荣获首届“中国节水奖”")
    ('单位', '荣获首届“中国节水奖”')
    """
    rest = _ADVERBS.sub("", predicate.strip()).rstrip("等的")
    noun = re.sub(r"(?<=..)等$", "", noun)  # 85个口袋公园等建成开放
    if not rest or len(rest) > _MAX_PREDICATE or _WORK.match(rest):
        return noun
    setup = re.match(r"(?:设立|建立|配备|开设)(.{2,})", rest)
    if setup:  # 在200个社区设立仲裁服务联络站: the places, each with what was set up in it
        return noun + setup.group(1)
    if rest.startswith("完成"):
        done = _ADVERBS.sub("", rest[2:])
        return noun if not done or _TASK.match(done) else noun + done
    if re.sub(r"^实现", "", rest) in noun:
        return noun  # 7.2万名就业困难人员实现就业: the result is already in the name
    if _EVENT.match(rest):
        return noun + rest
    award = _AWARD.match(rest)
    if award:
        rest = re.sub(r"^(入选|入围)首批", r"\1", rest)
        if rest.replace("“", "").replace("”", "").endswith(noun):
            # 5个镇入选全国“千强镇”: the award names a kind of 镇, and that is the name; 29个项目入选省市重大项目
            # counts the projects chosen this year (a flow): the verb stays
            return rest[award.end() :] if len(noun) == 1 else rest
        return rest + noun
    if is_verb_phrase(rest):
        return noun + rest  # 1270个排水小区年内完工, 47家卫生院全部开业: what happened, after what it happened to
    return rest + noun
