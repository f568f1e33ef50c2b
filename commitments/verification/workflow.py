"""Verifying last year's commitments with a later document: proposals, silence flags, staff review, ambition.

The rules live in the plain package commitments.verification; this module turns rows into its dataclasses,
stores what it proposes as Verification rows, and turns a staff member's decision into a ProgressUpdate.
Re-running changes nothing; a proposal that staff have reviewed is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from commitments import verification as rules
from commitments.models import Commitment, Indicator, Outcome, Part, ProgressUpdate, Report, Verification
from commitments.status import Status


@dataclass
class VerificationRun:
    source: Report
    year: int | None
    created: int = 0
    updated: int = 0
    kept: int = 0  # reviewed by staff: left as they are
    silent: list[int] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if self.year is None:
            return "未核对：该文件没有可核对的年度。"
        return (
            f"核对 {self.source.region.full_name} {self.year} 年承诺：新建议 {self.created} 条，"
            f"更新 {self.updated} 条，已审核保持不变 {self.kept} 条，次年报告未提及 {len(self.silent)} 条。"
        )


# ---- rows -> the plain package's dataclasses ----


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def promise_of(commitment: Commitment) -> rules.Promise:
    indicator: Indicator | None = commitment.indicator
    return rules.Promise(
        key=commitment.pk,
        kind=commitment.kind,
        indicator=commitment.indicator_label,
        quote=commitment.quote,
        value=_float(commitment.value),
        unit=commitment.unit,
        qualifier=commitment.qualifier,
        stretch_value=_float(commitment.stretch_value),
        aliases=tuple(indicator.aliases) if indicator else (),
        indicator_written=commitment.indicator_name,
        direction=indicator.direction if indicator else Indicator.Direction.HIGHER,
        section=commitment.section.title if commitment.section_id else "",
    )


def fact_of(outcome: Outcome) -> rules.Fact:
    indicator = outcome.indicator
    return rules.Fact(
        key=outcome.pk,
        indicator=outcome.indicator_label,
        value=float(outcome.value),
        unit=outcome.unit,
        quote=outcome.quote,
        qualifier=outcome.qualifier,
        aliases=tuple(indicator.aliases) if indicator else (),
        indicator_written=outcome.indicator_name,
        section=outcome.section.title if outcome.section_id else "",
        start=outcome.start,
        end=outcome.end,
    )


def _restated(commitment: Commitment) -> rules.Fact:
    """A commitment of the later report, seen as a mention of the same indicator (for silence only)."""
    return rules.Fact(
        key=("restated", commitment.pk),
        indicator=commitment.indicator_label,
        value=_float(commitment.value) or 0.0,
        unit=commitment.unit,
        quote=commitment.quote,
        indicator_written=commitment.indicator_name,
    )


def arithmetic_of(verdict: rules.Verdict) -> str:
    return verdict.arithmetic_with(Status(verdict.status).label)


# ---- which documents check which commitments ----


def checked_year(report: Report) -> int | None:
    """The year whose commitments a document reports on: a report's review year, an evidence document's year."""
    return report.review_year


def _commitments_checked_by(report: Report) -> QuerySet:
    year = checked_year(report)
    # the year's commitments, and five-year goals whose horizon is the year reviewed
    of_year = Q(year=year, horizon__isnull=True) | Q(horizon=year)
    return (
        Commitment.objects.filter(of_year, region=report.region, report__kind=Report.Kind.WORK_REPORT)
        .exclude(report=report)
        .select_related("indicator", "section")
        .order_by("pk")
    )


def _passages(report: Report) -> list[rules.Passage]:
    """Where a document reports results: a report's review part(s); an evidence document as a whole."""
    if report.kind == Report.Kind.WORK_REPORT:
        parts = report.parts.filter(kind=Part.Kind.REVIEW)
        if parts:
            return [rules.Passage(report.text[p.start : p.end], p.start) for p in parts]
    return [rules.Passage(report.text, 0)]


def _reported_outcomes(report: Report) -> QuerySet:
    outcomes = report.outcomes.select_related("indicator", "section").order_by("start")
    year = checked_year(report)
    return outcomes.filter(year=year) if year else outcomes.none()


@transaction.atomic
def verify_source(*, report: Report) -> VerificationRun:
    """Proposes verdicts for the commitments a document reports on, and flags those a next-year report skips."""
    year = checked_year(report)
    run = VerificationRun(source=report, year=year)
    if year is None:
        return run
    commitments = list(_commitments_checked_by(report))
    if not commitments:
        return run
    outcomes = list(_reported_outcomes(report))
    facts = rules.carry_subjects([fact_of(o) for o in outcomes], text=report.text)
    five_year_outcomes = {o.pk for o in outcomes if o.period}  # 五年来 …: not last year's result
    yearly_facts = [f for f in facts if f.key not in five_year_outcomes]
    passages = _passages(report)
    yearly = [promise_of(c) for c in commitments if c.horizon is None]
    five_year = [promise_of(c) for c in commitments if c.horizon is not None]
    proposals = rules.verify(promises=yearly, facts=yearly_facts, passages=passages)
    if five_year:
        proposals += rules.verify(promises=five_year, facts=facts, passages=passages)
    existing = {v.commitment_id: v for v in report.verifications.all()}
    for proposal in proposals:
        values = {
            "outcome_id": proposal.fact.key if proposal.fact else None,
            "score": proposal.score,
            "verdict": proposal.verdict.status,
            "arithmetic": arithmetic_of(proposal.verdict),
            "quote": proposal.quote,
            "start": proposal.start,
            "end": proposal.end,
        }
        current = existing.get(proposal.promise.key)
        if current is None:
            Verification.objects.create(commitment_id=proposal.promise.key, source=report, **values)
            run.created += 1
        elif current.state != Verification.State.PROPOSED:
            run.kept += 1
        elif any(getattr(current, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            current.save()
            run.updated += 1
    if report.kind == Report.Kind.WORK_REPORT:
        run.silent = _flag_silence(report=report, commitments=commitments, spoken={p.promise.key for p in proposals})
    return run


def _flag_silence(*, report: Report, commitments: list[Commitment], spoken: set) -> list[int]:
    """次年报告未提及: neither a reported result nor a restatement anywhere in the next year's report."""
    mentions = [fact_of(o) for o in report.outcomes.select_related("indicator")]
    mentions += [_restated(c) for c in report.commitments.select_related("indicator")]
    silent = []
    for commitment in commitments:
        is_silent = commitment.pk not in spoken and rules.silent(
            promise=promise_of(commitment), facts=mentions, text=report.text
        )
        if is_silent:
            silent.append(commitment.pk)
        if commitment.not_mentioned_next_year != is_silent:
            commitment.not_mentioned_next_year = is_silent
            commitment._change_reason = f"核对《{report.title}》"
            commitment.save(update_fields=["not_mentioned_next_year", "updated_at"])
    return silent


def verify_later_documents(*, report: Report) -> list[VerificationRun]:
    """When an earlier report arrives after the documents that check it, check it now."""
    if report.kind != Report.Kind.WORK_REPORT or not report.plan_year:
        return []
    # the next year's documents, and those of the horizon years of its five-year goals
    horizons = set(report.commitments.exclude(horizon=None).values_list("horizon", flat=True))
    years = {report.plan_year, *horizons}
    later = Report.objects.filter(region=report.region, review_year__in=years).exclude(pk=report.pk)
    return [verify_source(report=doc) for doc in later.order_by("pk")]


def on_report_stored(*, report: Report) -> None:
    """Called by the importer once a document's rows are stored (inside its transaction)."""
    if report.kind == Report.Kind.WORK_REPORT:
        link_baselines(report=report)
        verify_later_documents(report=report)
    elif report.review_year:  # a final figure for a year whose report gave an estimate
        for later in Report.objects.work_reports().filter(region=report.region, review_year=report.review_year):
            link_baselines(report=later)
    verify_source(report=report)


# ---- ambition: each target against last year's actual in the same report ----


def link_baselines(*, report: Report) -> int:
    """Sets Commitment.baseline_outcome and ambition_ratio (target / last year's actual) for a report's targets."""
    targets = list(report.commitments.filter(kind=Commitment.Kind.TARGET).select_related("indicator", "section"))
    promises = [promise_of(c) for c in targets]
    # a report's outcomes all come from its review part: last year's actuals, some of them estimates (预计)
    own = report.outcomes.filter(period="").select_related("indicator", "section")
    linked = rules.link_baselines(targets=promises, facts=[fact_of(o) for o in own])
    estimates = set(own.filter(estimated=True).values_list("pk", flat=True))
    # the final figure of that year, once a bulletin or a plan-execution report gives it, replaces the estimate
    finals = Outcome.objects.filter(
        region=report.region,
        year=report.review_year,
        estimated=False,
        period="",
        report__kind__in=[Report.Kind.STATISTICS, Report.Kind.PLAN_EXECUTION],
    ).select_related("indicator", "section")
    if report.review_year and finals.exists():
        facts = []  # a bulletin's "比上年增长5.8%" takes the subject of the figure before it
        for source in Report.objects.filter(pk__in=finals.values("report")):
            facts += rules.carry_subjects([fact_of(o) for o in finals if o.report_id == source.pk], text=source.text)
        final = rules.link_baselines(targets=promises, facts=facts)
        for key, pair in final.items():
            mine = linked.get(key)
            if mine is None or mine[0].key in estimates:
                linked[key] = pair
    changed = []
    for commitment in targets:
        fact, ratio = linked.get(commitment.pk, (None, None))
        outcome_id = fact.key if fact else None
        ratio = None if ratio is None else Decimal(str(ratio))
        if (commitment.baseline_outcome_id, commitment.ambition_ratio) != (outcome_id, ratio):
            commitment.baseline_outcome_id, commitment.ambition_ratio = outcome_id, ratio
            changed.append(commitment)
    Commitment.objects.bulk_update(changed, ["baseline_outcome", "ambition_ratio"])
    return len(linked)


# ---- staff review ----


class ReviewRefused(Exception):
    """A review action that cannot be done; the message says why (简体中文)."""


@transaction.atomic
def accept(*, verification: Verification, user, verdict: str | None = None, note: str = "") -> ProgressUpdate:
    """Accepts a proposal (or corrects it: another verdict and a note) and records it as a progress update."""
    verification = (
        Verification.objects.select_for_update().select_related("commitment", "source").get(pk=verification.pk)
    )
    corrected = verdict is not None and verdict != verification.verdict
    if verdict is not None and verdict not in Status.values:
        raise ReviewRefused(f"未知的进展状态：{verdict}")
    if corrected:
        verification.arithmetic = f"{verification.arithmetic}\n人工更正为「{Status(verdict).label}」：{note}".strip(
            "："
        )
        verification.verdict = verdict
    verification.state = Verification.State.ACCEPTED
    verification.reviewed_by = user
    verification.reviewed_at = timezone.now()
    update = verification.progress_update or ProgressUpdate(commitment=verification.commitment)
    update.date = verification.source.delivered_on or timezone.localdate()
    update.status = verification.verdict
    update.value_reached = _value_reached(verification)
    update.note = _note(verification, note)
    update.source_outcome_id = verification.outcome_id
    update.author = user
    update._change_reason = "更正核对结论" if corrected else "接受核对建议"
    update.save()
    verification.progress_update = update
    verification._change_reason = update._change_reason
    verification.save()
    _refresh_status(verification.commitment)
    return update


def correct(*, verification: Verification, user, verdict: str, note: str) -> ProgressUpdate:
    """A staff member's own verdict; the proposal and every earlier decision stay in the history."""
    if not note.strip():
        raise ReviewRefused("更正核对结论时请写明理由。")
    return accept(verification=verification, user=user, verdict=verdict, note=note)


@transaction.atomic
def reject(*, verification: Verification, user, note: str = "") -> None:
    """Rejects a proposal; if it had been accepted, its progress update is withdrawn (the history keeps it)."""
    verification = Verification.objects.select_for_update().select_related("commitment").get(pk=verification.pk)
    update = verification.progress_update
    verification.state = Verification.State.REJECTED
    verification.reviewed_by = user
    verification.reviewed_at = timezone.now()
    verification.progress_update = None
    verification._change_reason = (f"驳回：{note}" if note else "驳回")[:100]
    verification.save()
    if update is not None:
        update._change_reason = "核对建议被驳回"
        update.delete()
        _refresh_status(verification.commitment)


def _value_reached(verification: Verification) -> Decimal | None:
    """The outcome in the commitment's own unit (94000人 against a target in 万人 is 9.4)."""
    outcome, commitment = verification.outcome, verification.commitment
    if outcome is None or outcome.normalized_value is None:
        return None
    if commitment.value and commitment.normalized_value and commitment.base_unit == outcome.base_unit:
        factor = commitment.normalized_value / commitment.value
        return (outcome.normalized_value / factor).quantize(Decimal("0.0001"))
    return outcome.value


def _note(verification: Verification, note: str) -> str:
    source = verification.source
    lines = [f"依据《{source.title}》：“{verification.quote}”", verification.arithmetic]
    if note:
        lines.append(f"审核说明：{note}")
    return "\n".join(lines)


def _refresh_status(commitment: Commitment) -> None:
    """The commitment's status is its latest confirmed progress update's (none left: back to 待评估)."""
    latest = commitment.latest_update()
    commitment.follow_latest_update(reason=latest.history_reason() if latest else "核对结论被驳回，已无进展记录")


# ---- the report of a region-year ----


def proposals_for(*, region, year: int) -> dict:
    """Every proposal for a region's commitments of a year, and the commitments a next-year report skipped."""
    verifications = (
        Verification.objects.filter(commitment__region=region, commitment__year=year)
        .select_related("commitment", "commitment__indicator", "outcome", "source")
        .order_by("-score", "commitment__start", "pk")
    )
    items = []
    for v in verifications:
        c, o = v.commitment, v.outcome
        items.append(
            {
                "commitment_id": c.pk,
                "indicator": c.indicator_label,
                "quote": c.quote,
                "value": _float(c.value),
                "unit": c.unit,
                "qualifier": c.qualifier,
                "outcome_quote": v.quote or (o.quote if o else ""),
                "outcome_value": _float(o.value) if o else None,
                "outcome_unit": o.unit if o else "",
                "score": v.score,
                "verdict": v.verdict,
                "verdict_label": v.get_verdict_display(),
                "arithmetic": v.arithmetic,
                "state": v.state,
                "source": v.source.title,
                "source_id": v.source_id,
                "source_kind": v.source.kind,
            }
        )
    silent = Commitment.objects.filter(region=region, year=year, not_mentioned_next_year=True).order_by("start")
    return {
        "region": region.full_name,
        "year": year,
        "proposals": items,
        "not_mentioned_next_year": [
            {"commitment_id": c.pk, "indicator": c.indicator_name, "quote": c.quote, "flag": "次年报告未提及"}
            for c in silent
        ],
    }


class VerificationReviewForm(forms.ModelForm):
    """A decision is a button: 接受 keeps the proposed verdict, 更正 picks another one and says why, 驳回
    dismisses the proposal. Saving the page without one of them decides nothing."""

    DECISIONS = {"accept": "接受", "correct": "更正", "reject": "驳回"}

    note = forms.CharField(label="审核说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    decision = forms.ChoiceField(choices=[("", ""), *DECISIONS.items()], required=False, widget=forms.HiddenInput)

    class Meta:
        model = Verification
        fields = ["verdict"]
        labels = {"verdict": "结论（更正时选择）"}

    def clean(self):
        cleaned = super().clean()
        decision, note = cleaned.get("decision"), (cleaned.get("note") or "").strip()
        changed = cleaned.get("verdict") != self.instance.verdict
        if not decision:
            raise forms.ValidationError("请点击“接受”“更正”或“驳回”：保存页面本身不作任何决定。")
        if decision == "accept" and changed:
            self.add_error("verdict", "接受即采用建议结论；要改结论请点“更正”。")
        if decision == "correct" and not changed:
            self.add_error("verdict", "更正时请选择另一个结论。")
        if decision == "correct" and not note:
            self.add_error("note", "更正核对结论时请写明理由。")
        return cleaned
