import pytest
from django.urls import reverse

from commitments.models import Commitment
from tests.builders import make_staff, region

pytestmark = pytest.mark.django_db


def test_saving_a_commitment_in_the_admin_is_kept_in_its_history_with_the_users_name(admin_client, admin_user):
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "lead_department": "市人力资源社会保障局",
            "status": "in_progress",
            "is_public": "on",
            "updates-TOTAL_FORMS": "0",
            "updates-INITIAL_FORMS": "0",
            "updates-MIN_NUM_FORMS": "0",
            "updates-MAX_NUM_FORMS": "1000",
        }
    )
    data.pop("not_mentioned_next_year", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    latest = commitment.history.first()
    assert latest.lead_department == "市人力资源社会保障局"
    assert latest.history_user == admin_user
    history_page = admin_client.get(reverse("admin:commitments_commitment_history", args=[commitment.pk]))
    assert admin_user.username in history_page.content.decode()


def test_the_change_page_shows_the_quote_highlighted_in_its_paragraph(admin_client):
    commitment = Commitment.objects.filter(region__name="潍坊市", kind="target").first()
    page = admin_client.get(reverse("admin:commitments_commitment_change", args=[commitment.pk])).content.decode()
    assert f"<mark>{commitment.quote}</mark>" in page


def test_admin_search_finds_commitments_by_chinese_words(admin_client):
    page = admin_client.get(reverse("admin:commitments_commitment_changelist"), {"q": "就业"})
    assert page.status_code == 200
    assert page.context["cl"].result_count >= 3


def test_the_admin_speaks_simplified_chinese_whatever_the_browser_asks_for(admin_client):
    page = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "承诺追踪" in page
    assert "Site administration" not in page


@pytest.mark.django_db
def test_the_admin_speaks_chinese_throughout(admin_client, client):
    index = admin_client.get("/admin/").content.decode()
    assert "登录限制" in index and ">Axes<" not in index
    assert "登录失败记录" in index and "Access" not in index, "the lock-out tables are named in Chinese too"
    assert index.index("承诺追踪") < index.index("登录限制")  # the product first, the lock-out records after
    target = Commitment.objects.filter(qualifier="力争+以上", stretch_value__isnull=False).first()
    listing = admin_client.get("/admin/commitments/commitment/", {"q": target.quote[:10]}).content.decode()
    assert "力争+以上" not in listing and "，力争" in listing
    staff = make_staff("outsider", region("徐州市"))
    client.force_login(staff)
    other = Commitment.objects.filter(region__name="临沂市").first()
    refused = client.get(f"/admin/commitments/commitment/{other.pk}/change/")
    assert refused.status_code == 403 and "没有权限" in refused.content.decode()


@pytest.mark.django_db
def test_history_shows_field_labels_and_status_names_and_no_empty_versions(admin_client):
    commitment = Commitment.objects.filter(region__name="临沂市", kind="target").first()
    before = commitment.history.count()
    commitment.status = "done"
    commitment._change_reason = "测试"
    commitment.save()
    del commitment._change_reason
    commitment.save()  # a save that changes nothing and says nothing: an empty version
    assert commitment.history.count() == before + 2
    page = admin_client.get(f"/admin/commitments/commitment/{commitment.pk}/history/").content.decode()
    assert "进展状态：" in page and "<del>待评估</del>" in page and "<ins>已完成</ins>" in page
    assert ">pending<" not in page and "pk=None" not in page
    table = page[page.index('id="change-history"') : page.index("</table>", page.index('id="change-history"'))]
    assert table.count("<tr>") - 1 == before + 1  # the header row, then every version but the empty one


@pytest.mark.django_db
def test_the_admin_index_links_the_work_that_waits_with_its_numbers(client):
    client.force_login(make_staff("desk", region("临沂市")))
    index = client.get("/admin/").content.decode()
    assert "工作台" in index and reverse("admin:commitments_report_upload") in index
    assert reverse("admin:commitments_commitment_lag") in index and "待审核" in index
    assert (
        client.get("/admin/").context["desk"]["targets"]
        == Commitment.objects.filter(region__name__in=["临沂市", "河东区"], kind="target").count()
    )
