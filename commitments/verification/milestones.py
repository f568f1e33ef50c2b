"""Milestones: the named object of a commitment found again in a later document, with or without completion.

A milestone (启阳国际机场航站楼建成投用) promises a stage: starting work (开工, 启动) or finishing it (建成, 投用,
通车 …). In the later text, the object found in a clause with a verb of that stage or a later one, not
negated, is 已完成; found with only an earlier stage's verb, or with none (加快建设, 有序推进), it is 推进中.
A milestone that names several objects (开工A、B、C) is 部分完成 when only some of them are done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from commitments.reading.milestones import FINISH_VERBS, START_VERBS

from .types import Passage, Promise, Verdict
from .words import simplified, words

_NEGATION = re.compile(r"(未|尚未|没有|未能|推迟|暂缓|延期|延迟|仍未)$")
#: words around the object that are neither object nor verb
_FILLER = re.compile(
    r"^(?:力争|确保|争取|全面|加快|加速|积极|推动|推进|全力|年内|年底前|年底|上半年|下半年|秋季|今年|当年|基本|基本上|主体|"
    r"顺利|正式|全部|同步|持续|开展|实施|完成|启动|开工|建设|建成|开建|新建|改扩建|扩建|续建|提升|打造|实现)+"
)
#: a time phrase in front of the object: 国庆节前, 6月底前, 年底前
_WHEN = re.compile(
    r"^(?:力争|确保|争取)?(?:[\u4e00-\u9fff]{1,3}节前|\d{1,2}月底?前?|年底前|年内|上半年|下半年|春季|秋季|年底)"
)
_WHEN_AFTER = re.compile(r"(?:年底前|年内|上半年|下半年|春季|秋季|年底|前)$")
_OBJECT_MIN = 3
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_CLAUSE = re.compile(r"[^，,。；;！？!?\n]+")


def stage_of(quote: str) -> str:
    """ "finish" when the promise is to complete something, "start" when only to begin it."""
    text = simplified(quote)
    if any(v in text for v in FINISH_VERBS if v not in ("完成", "实现")):
        return "finish"
    if any(v in text for v in START_VERBS):
        return "start"
    return "finish"


def objects_of(quote: str) -> list[str]:
    """The named objects of a milestone, without its verbs and hedges.

    >>> objects_of("启阳国际机场航站楼建成投用")
    ['启阳国际机场航站楼']
    >>> objects_of("力争开工临沂至徐州、临沂至东海、日兰高速改扩建")
    ['临沂至徐州', '临沂至东海', '日兰高速改扩建']
    """
    text = simplified(quote).strip("，。；、 ")
    for verb in sorted(START_VERBS + FINISH_VERBS, key=len, reverse=True):
        text = text.replace(verb, "｜")
    found = []
    for chunk in re.split(r"[｜，,；;、和及与]", text):
        chunk = _FILLER.sub("", _WHEN.sub("", chunk.strip("“”\"' 等"))).strip("“”\"' ")
        chunk = _WHEN_AFTER.sub("", chunk)
        if chunk.count("“") != chunk.count("”"):
            chunk = chunk.replace("“", "").replace("”", "")
        chunk = re.sub(r"(工程|项目)?(建设|工作)$", lambda m: m.group(1) or "", chunk)
        if len(chunk) >= _OBJECT_MIN:
            found.append(chunk)
    return found


@dataclass(frozen=True)
class Sighting:
    object: str
    found: bool
    completed: bool
    verbs: tuple[str, ...]
    quote: str
    start: int
    end: int
    overlap: float


def _object_in(obj: str, clause: str) -> float:
    """How much of the object the clause names; 0 when a word of it is replaced by another, which names another
    thing (临沂科技职业学院 is not 临沂城市职业学院; 启阳国际机场航站楼 is 启阳机场航站楼).

    >>> _object_in("临沂科技职业学院", "临沂城市职业学院开工"), _object_in("启阳国际机场航站楼", "启阳机场航站楼建成")
    (0.0, 0.8)
    """
    if obj in clause:
        return 1.0
    obj_words = words(obj)
    ow = set(obj_words)
    if len(ow) < 2:
        return 0.0
    clause_words = words(clause)
    overlap = len(ow & set(clause_words)) / len(ow)
    if overlap < 1:
        ops = [tag for tag, *_ in SequenceMatcher(a=obj_words, b=clause_words, autojunk=False).get_opcodes()]
        same = [i for i, tag in enumerate(ops) if tag == "equal"]
        if same and "replace" in ops[same[0] : same[-1]]:  # between the first and the last words in common
            return 0.0
    return overlap


def sight(obj: str, *, stage: str, passages: Iterable[Passage]) -> Sighting:
    """The best place the object appears in the passages: completed if possible, else merely mentioned."""
    wanted = FINISH_VERBS if stage == "finish" else START_VERBS + FINISH_VERBS
    best = Sighting(obj, False, False, (), "", 0, 0, 0.0)
    for passage in passages:
        folded = simplified(passage.text)
        for sentence in _SENTENCE.finditer(folded):
            clauses = list(_CLAUSE.finditer(sentence.group()))
            for i, clause in enumerate(clauses):
                overlap = _object_in(obj, clause.group())
                if overlap < 0.75:
                    continue
                # the verb is in the object's clause, or else in the next one when it has no subject of its own
                last = clause
                found = [v for v in wanted if _affirmed(v, clause.group())]
                if not found and i + 1 < len(clauses) and not _has_object(clauses[i + 1].group()):
                    last = clauses[i + 1]
                    scope = sentence.group()[clause.start() : last.end()]
                    found = [v for v in wanted if _affirmed(v, scope)]
                verbs = tuple(v for v in found if not any(v != w and v in w for w in found))
                start, end = sentence.start() + clause.start(), sentence.start() + last.end()
                candidate = Sighting(
                    obj,
                    True,
                    bool(verbs),
                    verbs,
                    passage.text[start:end].strip(),
                    passage.start + start,
                    passage.start + end,
                    overlap,
                )
                if (candidate.completed, candidate.overlap) > (best.completed, best.overlap):
                    best = candidate
    return best


def _has_object(clause: str) -> bool:
    return len(words(clause)) >= 4


def _affirmed(verb: str, text: str) -> bool:
    return any(not _NEGATION.search(text[: m.start()]) for m in re.finditer(re.escape(verb), text))


def judge_milestone(*, promise: Promise, passages: list[Passage]) -> tuple[Verdict, list[Sighting]] | None:
    """The proposed verdict for a milestone from later text, or None when its object is never named."""
    objects = objects_of(promise.quote)
    if not objects:
        return None
    stage = stage_of(promise.quote)
    sightings = [sight(obj, stage=stage, passages=passages) for obj in objects]
    seen = [s for s in sightings if s.found]
    if not seen:
        return None
    done = [s for s in seen if s.completed]
    stage_text = "建成/投用等完成用语" if stage == "finish" else "开工/启动等用语"
    steps = [f"节点：{'、'.join(objects)}（需{stage_text}）"]
    for s in seen:
        said = f"用语：{'、'.join(dict.fromkeys(s.verbs))}" if s.completed else "只提到进展，没有完成用语"
        steps.append(f"{s.object}：次年材料“{s.quote}”（{said}）")
    if len(done) == len(objects):
        status = "done"
    elif done:
        status = "partial"
        steps.append(f"{len(done)}/{len(objects)} 项完成")
    else:
        status = "in_progress"
    return Verdict(status=status, arithmetic="；".join(steps)), seen
