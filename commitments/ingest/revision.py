"""A revised version of an imported report: re-extract, keep what staff did, say what changed.

A region's report for a year is sometimes replaced (a corrected or final text after the 人代会). The new
text is extracted as if fresh (the importer's own `store_extraction`), then each new commitment is matched
to the old one it revises: the same sentence first, then the same indicator, then a similar sentence.
A matched commitment keeps its row (its permalink, progress updates, verdicts and history) and takes the
new text's values, except those staff changed by hand and the curated fields (status, 牵头单位, deadline,
public or not). An old commitment the new text drops is deleted, unless staff worked on it: then it is
kept, hidden from the public, with the reason in its history. Manual commitments stay. Outcomes carry no
staff work: the new ones replace the old, and whatever pointed at an old outcome points at its match.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from commitments.models import Commitment, Outcome, Part, ProgressUpdate, Report, Verification
from commitments.verification import workflow

REASON = "修订版导入"
# Fields staff own: never taken from the new text.
CURATED = {"status", "lead_department", "due_date", "is_public", "not_mentioned_next_year", "origin"}
# Bookkeeping: neither staff's nor the extraction's.
FIXED = {"id", "report", "region", "year", "version", "created_at", "updated_at"}
# Set only by staff (not_mentioned_next_year is set by the verification, origin never changes).
STAFF_SET = ("status", "lead_department", "due_date", "is_public")
SPAN = {"start", "end", "section_id"}  # where the sentence is: always the new text's
COMPUTED = {"baseline_outcome_id", "ambition_ratio"}  # recomputed from the new text after the revision
SIMILAR = 0.6


@dataclass
class Revision:
    """What a revised version changed, for the importer's summary and the admin message."""

    unchanged: int = 0
    changed: list[tuple[str, str]] = field(default_factory=list)  # (old quote, new quote)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_hidden: list[str] = field(default_factory=list)  # dropped by the new text, kept for staff's work
    kept_edits: int = 0  # fields staff had changed, kept over the new text's value
    outcomes: int = 0

    @property
    def summary(self) -> str:
        parts = [
            f"未变 {self.unchanged} 条",
            f"修改 {len(self.changed)} 条",
            f"新增 {len(self.added)} 条",
            f"删除 {len(self.removed)} 条",
        ]
        if self.kept_hidden:
            parts.append(f"新文本已无、因有人工记录而保留（不公开）{len(self.kept_hidden)} 条")
        if self.kept_edits:
            parts.append(f"保留人工修改的字段 {self.kept_edits} 处")
        return "承诺：" + "，".join(parts) + f"；实绩 {self.outcomes} 条已按新文本重建。"

    def lines(self, *, limit: int = 20) -> list[str]:
        shown = [f"修改：{old} → {new}" for old, new in self.changed]
        shown += [f"新增：{quote}" for quote in self.added]
        shown += [f"删除：{quote}" for quote in self.removed]
        shown += [f"保留为不公开：{quote}" for quote in self.kept_hidden]
        return shown[:limit] + ([f"……另有 {len(shown) - limit} 处变化"] if len(shown) > limit else [])


def _kind(item) -> str:
    return getattr(item, "kind", "")  # outcomes have no kind


def _position(item, length: int) -> float:
    return (item.start or 0) / max(length, 1)


def match(*, old: list, new: list, old_length: int, new_length: int) -> list[tuple]:
    """Pairs (old, new) rows: same kind and sentence, then same kind and indicator, then similar sentence.

    Within each rule the nearest by relative position in the text wins, so repeated sentences pair in order.
    """
    pairs: list[tuple] = []
    free_old, free_new = list(old), list(new)

    def take(key) -> None:
        by_key = defaultdict(list)
        for item in free_old:
            if key(item):
                by_key[key(item)].append(item)
        for item in list(free_new):
            candidates = by_key.get(key(item)) if key(item) else None
            if not candidates:
                continue
            best = min(candidates, key=lambda o: abs(_position(o, old_length) - _position(item, new_length)))
            candidates.remove(best)
            free_old.remove(best)
            free_new.remove(item)
            pairs.append((best, item))

    take(lambda c: (_kind(c), c.quote))
    take(lambda c: (_kind(c), c.indicator_name) if c.indicator_name else None)
    scored = sorted(
        (
            (SequenceMatcher(None, o.quote, n.quote).ratio(), i, j)
            for i, o in enumerate(free_old)
            for j, n in enumerate(free_new)
            if _kind(o) == _kind(n)
        ),
        reverse=True,
    )
    used_old, used_new = set(), set()
    for ratio, i, j in scored:
        if ratio < SIMILAR:
            break
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((free_old[i], free_new[j]))
    pairs += [(o, None) for i, o in enumerate(free_old) if i not in used_old]
    pairs += [(None, n) for j, n in enumerate(free_new) if j not in used_new]
    return pairs


def _extracted_fields() -> list[str]:
    return [f.attname for f in Commitment._meta.concrete_fields if f.name not in CURATED | FIXED]


def _originals(commitments: list[Commitment]) -> dict[int, object]:
    """Each commitment's row as first stored by the importer (its '+' history record)."""
    first = Commitment.history.filter(id__in=[c.pk for c in commitments], history_type="+").order_by("history_id")
    found: dict[int, object] = {}
    for record in first:
        found.setdefault(record.id, record)
    return found


def _worked_on(commitment: Commitment, original) -> bool:
    """Staff left a trace: an update, a verdict decided, a status or a field edited by a person."""
    if commitment.updates.exists() or commitment.verifications.exclude(state=Verification.State.PROPOSED).exists():
        return True
    if commitment.history.filter(history_user__isnull=False).exists():
        return True
    return original is None or any(getattr(commitment, f) != getattr(original, f) for f in STAFF_SET)


def revise(*, report: Report, store, extraction, text: str, user=None) -> Revision:
    """Replaces `report`'s text and rows with those of `extraction`; `store` is the importer's store_extraction.

    The caller has already set the report's new text, file and checksum, inside a transaction.
    """
    revision = Revision()
    old_length = len(Report.objects.filter(pk=report.pk).values_list("text", flat=True).get())
    old = list(report.commitments.filter(origin=Commitment.Origin.EXTRACTED).order_by("start", "pk"))
    manual = list(report.commitments.exclude(origin=Commitment.Origin.EXTRACTED))
    old_outcomes = list(report.outcomes.all())
    originals = _originals(old)

    # Clear the old spans first: the new rows take the same places, and a span is unique in a report.
    report.commitments.update(start=None, end=None, section=None)
    top = 2_000_000_000
    for n, outcome in enumerate(old_outcomes):
        Outcome.objects.filter(pk=outcome.pk).update(start=top - n, end=top - n, section=None)
    report.sections.all().delete()
    Part.objects.filter(report=report).delete()
    report.save()
    store(report=report, extraction=extraction, verify=False)

    new = list(report.commitments.exclude(pk__in=[c.pk for c in old + manual]).order_by("start"))
    names = _extracted_fields()
    added: list[int] = []
    for before, after in match(old=old, new=new, old_length=old_length, new_length=len(text)):
        if before is None:
            revision.added.append(after.quote)
            added.append(after.pk)
            continue
        if after is None:
            _drop(before, originals.get(before.pk), revision)
            continue
        original = originals.get(before.pk)
        differs = False
        for name in names:
            mine, theirs = getattr(before, name), getattr(after, name)
            steady = name in SPAN | COMPUTED
            if not steady and original is not None and mine != getattr(original, name, mine):
                revision.kept_edits += mine != theirs  # staff changed it by hand: theirs wins over the text
                continue
            if not steady and mine != theirs:
                differs = True
            setattr(before, name, theirs)
        if differs:
            revision.changed.append((original.quote if original else before.quote, after.quote))
            before._change_reason = f"{REASON}：原文由“{_short(originals.get(before.pk))}”改为“{after.quote[:60]}”"
        else:
            revision.unchanged += 1
            before._change_reason = f"{REASON}：原文未变"
        before._history_user = user
        # The temporary row goes first (it holds the span the kept row takes), and leaves no history.
        Commitment.objects.filter(pk=after.pk).delete()
        Commitment.history.filter(id=after.pk).delete()
        before.version += 1  # a change form opened before the revision must not write the old text back
        before.save()

    # The importer wrote their creation in the history; say it came with the revised version.
    Commitment.history.filter(id__in=added, history_type="+").update(history_change_reason=f"{REASON}：新增")

    for commitment in manual:
        found = text.find(commitment.quote) if commitment.quote else -1
        taken = report.commitments.filter(kind=commitment.kind, start=found, end=found + len(commitment.quote))
        found = -1 if found >= 0 and taken.exists() else found
        commitment.start, commitment.end = (found, found + len(commitment.quote)) if found >= 0 else (None, None)
        commitment._change_reason = f"{REASON}：人工添加的承诺在新文本中" + ("已定位" if found >= 0 else "未找到原句")
        commitment._history_user = user
        commitment.version += 1
        commitment.save()

    _replace_outcomes(report=report, old=old_outcomes, old_length=old_length, new_length=len(text), revision=revision)
    workflow.on_report_stored(report=report)  # once, on the merged rows: verdicts and baselines against the new values
    return revision


def _short(original) -> str:
    return (original.quote if original else "")[:60]


def _drop(commitment: Commitment, original, revision: Revision) -> None:
    if _worked_on(commitment, original):
        commitment.is_public = False
        commitment.start = commitment.end = commitment.section_id = None  # no place in the new text
        commitment._change_reason = f"{REASON}：新文本中已无此句；因有人工记录而保留，设为不公开"
        commitment.version += 1
        commitment.save()
        revision.kept_hidden.append(commitment.quote)
    else:
        commitment._change_reason = f"{REASON}：新文本中已无此句"
        commitment.delete()
        revision.removed.append(commitment.quote)


def _replace_outcomes(*, report: Report, old: list[Outcome], old_length: int, new_length: int, revision: Revision):
    """Points whatever referred to an old outcome at its match in the new text, then deletes the old ones."""
    old_ids = {o.pk for o in old}
    new = list(report.outcomes.exclude(pk__in=old_ids))
    for before, after in match(old=old, new=new, old_length=old_length, new_length=new_length):
        if before is not None and after is not None:
            ProgressUpdate.objects.filter(source_outcome=before).update(source_outcome=after)
            Verification.objects.filter(outcome=before).update(outcome=after)
            Commitment.objects.filter(baseline_outcome=before).update(baseline_outcome=after)
    # A verdict staff reviewed stays, with its own quote, when its outcome has no match in the new text.
    Verification.objects.filter(outcome_id__in=old_ids).exclude(state=Verification.State.PROPOSED).update(outcome=None)
    Outcome.objects.filter(pk__in=old_ids).delete()
    revision.outcomes = len(new)
