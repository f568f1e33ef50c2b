"""Staff review the proposals: accept, correct or reject, one or many, only for their regions."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commitments.models import ProgressUpdate, Verification
from commitments.verification.workflow import ReviewRefused, accept, correct, reject, verify_source
from tests.builders import import_next_year_material, make_staff, region


def jobs_proposal(report) -> Verification:
    return Verification.objects.get(source=report, commitment__quote="新增城镇就业9万人以上")


@pytest.mark.django_db
def test_accepting_turns_the_verdict_into_an_attributed_progress_update_with_the_quote_as_evidence():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    staff = make_staff("linyi-desk", region("临沂市"))
    proposal = jobs_proposal(report)
    update = accept(verification=proposal, user=staff)
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.ACCEPTED and proposal.reviewed_by == staff
    assert proposal.progress_update == update
    assert update.status == "done" and update.author == staff
    assert update.source_outcome == proposal.outcome
    assert update.value_reached == Decimal("9.4")  # in the commitment's own unit, 万人
    assert "“城镇新增就业9.4万人”" in update.note and report.title in update.note
    assert proposal.commitment.__class__.objects.get(pk=proposal.commitment_id).status == "done"


@pytest.mark.django_db
def test_a_correction_needs_a_reason_edits_the_same_update_and_history_keeps_both():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    staff = make_staff("linyi-desk", region("临沂市"))
    proposal = jobs_proposal(report)
    first = accept(verification=proposal, user=staff)
    with pytest.raises(ReviewRefused):
        correct(verification=proposal, user=staff, verdict="exceeded", note=" ")
    second = correct(
        verification=proposal, user=staff, verdict="exceeded", note="统计公报口径为 9.42 万人，另含返乡创业"
    )
    assert second.pk == first.pk
    assert [h.status for h in ProgressUpdate.history.filter(id=first.pk).order_by("history_date")] == [
        "done",
        "exceeded",
    ]
    proposal.refresh_from_db()
    assert proposal.verdict == "exceeded" and "人工更正为「超额完成」" in proposal.arithmetic
    assert proposal.history.filter(verdict="done").exists()


@pytest.mark.django_db
def test_a_reviewed_proposal_survives_rerunning_the_verification():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    staff = make_staff("linyi-desk", region("临沂市"))
    correct(verification=jobs_proposal(report), user=staff, verdict="exceeded", note="人工核实")
    run = verify_source(report=report)
    assert run.kept >= 1
    assert jobs_proposal(report).verdict == "exceeded"


@pytest.mark.django_db
def test_rejecting_an_accepted_verdict_withdraws_its_update_and_the_status_follows():
    (report,) = import_next_year_material("linyi-2025-report.txt")
    staff = make_staff("linyi-desk", region("临沂市"))
    proposal = jobs_proposal(report)
    update = accept(verification=proposal, user=staff)
    reject(verification=proposal, user=staff, note="口径不同")
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.REJECTED and proposal.progress_update is None
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()
    assert ProgressUpdate.history.filter(id=update.pk, history_type="-").exists()
    assert proposal.commitment.__class__.objects.get(pk=proposal.commitment_id).status == "pending"


@pytest.mark.django_db
def test_the_queue_shows_staff_only_their_regions_most_confident_first(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    client.force_login(make_staff("xuzhou-desk", region("徐州市")))
    page = client.get(reverse("admin:commitments_verification_changelist"))
    assert page.status_code == 200 and page.context["cl"].result_count == 0
    client.force_login(make_staff("linyi-desk", region("临沂市")))
    page = client.get(reverse("admin:commitments_verification_changelist"))
    rows = list(page.context["cl"].result_list)
    assert page.context["cl"].result_count == Verification.objects.filter(source=report).count()
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


@pytest.mark.django_db
def test_the_review_page_shows_both_quotes_side_by_side(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    client.force_login(make_staff("linyi-desk", region("临沂市")))
    proposal = jobs_proposal(report)
    page = client.get(reverse("admin:commitments_verification_change", args=[proposal.pk]))
    html = page.content.decode()
    assert "<mark>新增城镇就业9万人以上</mark>" in html and "<mark>城镇新增就业9.4万人</mark>" in html


@pytest.mark.django_db
def test_staff_accept_many_at_once_with_the_admin_action(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    staff = make_staff("linyi-desk", region("临沂市"))
    client.force_login(staff)
    chosen = list(Verification.objects.filter(source=report).order_by("-score")[:3].values_list("pk", flat=True))
    client.post(
        reverse("admin:commitments_verification_changelist"),
        {"action": "accept_selected", "_selected_action": chosen},
    )
    accepted = Verification.objects.filter(pk__in=chosen, state=Verification.State.ACCEPTED, reviewed_by=staff)
    assert accepted.count() == 3
    assert ProgressUpdate.objects.filter(verification__in=accepted, author=staff).count() == 3


@pytest.mark.django_db
def test_staff_correct_a_verdict_in_the_form_and_must_say_why(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    client.force_login(make_staff("linyi-desk", region("临沂市")))
    proposal = jobs_proposal(report)
    url = reverse("admin:commitments_verification_change", args=[proposal.pk])
    refused = client.post(url, {"verdict": "partial", "note": "", "decision": "correct"})
    assert refused.status_code == 200 and "请写明理由" in refused.content.decode()
    client.post(url, {"verdict": "partial", "note": "实绩含非城镇就业", "decision": "correct"})
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.ACCEPTED and proposal.verdict == "partial"
    assert proposal.progress_update.status == "partial"


@pytest.mark.django_db
def test_staff_of_another_region_cannot_open_a_proposal(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    client.force_login(make_staff("xuzhou-desk", region("徐州市")))
    page = client.get(reverse("admin:commitments_verification_change", args=[jobs_proposal(report).pk]))
    assert page.status_code in (302, 403, 404)


@pytest.mark.django_db
def test_saving_a_suggestion_without_a_decision_decides_nothing_and_each_button_does_what_it_says(client):
    (report,) = import_next_year_material("linyi-2025-report.txt")
    client.force_login(make_staff("linyi-desk", region("临沂市")))
    proposal = jobs_proposal(report)
    url = reverse("admin:commitments_verification_change", args=[proposal.pk])
    page = client.get(url).content.decode()
    assert 'value="accept"' in page and 'value="correct"' in page and 'value="reject"' in page
    assert 'name="_save"' not in page
    unchanged = client.post(url, {"verdict": proposal.verdict, "note": ""})
    assert unchanged.status_code == 200 and "保存页面本身不作任何决定" in unchanged.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.PROPOSED and proposal.progress_update is None
    client.post(url, {"verdict": proposal.verdict, "note": "口径不同", "decision": "reject"})
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.REJECTED
    client.post(url, {"verdict": proposal.verdict, "note": "", "decision": "accept"})
    proposal.refresh_from_db()
    assert proposal.state == Verification.State.ACCEPTED and proposal.progress_update is not None
