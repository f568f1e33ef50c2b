import pytest
from django.urls import reverse

from commitments.models import Commitment
from commitments.search import matching, search, terms
from tests.builders import hide

pytestmark = pytest.mark.django_db


def found(query: str) -> list[Commitment]:
    """Every public commitment the search finds (the page shows 20 at a time)."""
    return list(matching(Commitment.objects.public(), query))


def test_jiuye_finds_both_ways_of_writing_new_urban_jobs():
    results = search(query="就业")
    quotes = {c.quote for c in found("就业")}
    assert {c.quote for c in results.commitments} <= quotes and len(results.commitments) == min(20, len(quotes))
    assert {"新增城镇就业9万人以上", "全年城镇新增就业6.8万人"} <= quotes
    assert "城镇新增就业10.5万人" in {o.quote for o in results.outcomes}  # 临沂市's 2023 actual


def test_banlie_finds_the_china_europe_railway_targets():
    quotes = {c.quote: c.region.name for c in found("班列")}
    assert quotes.get("中欧班列全年到发450列以上") == "临沂市"
    assert any("中欧班列" in q and region == "徐州市" for q, region in quotes.items())


def test_the_words_of_a_query_match_in_any_order():
    quotes = {c.quote for c in found("新增城镇就业")}
    assert {"新增城镇就业9万人以上", "全年城镇新增就业6.8万人"} <= quotes


def test_every_word_must_match():
    assert found("就业 班列") == [] and list(search(query="就业 班列").commitments) == []


def test_a_query_is_cut_into_words_without_punctuation():
    assert terms("中欧班列，就业！") == [w for w in terms("中欧班列 就业")]
    assert terms("") == []


def test_the_search_page_links_results_to_commitment_pages_and_marks_the_words(client):
    c = Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上")
    html = client.get(reverse("commitments:search"), {"q": "就业"}).content.decode()
    assert f'<a href="{c.get_absolute_url()}">新增城镇<mark>就业</mark>9万人以上</a>' in html


def test_the_search_lists_the_reports_its_results_come_from(client):
    page = client.get(reverse("commitments:search"), {"q": "班列"})
    assert {r.region.name for r in page.context["results"].reports} == {"临沂市", "徐州市"}
    assert "临沂市2024年政府工作报告" in page.content.decode()


def test_hidden_commitments_are_not_found():
    c = Commitment.objects.get(region__name="临沂市", quote="中欧班列全年到发450列以上")
    hide(c)
    assert c not in list(search(query="班列").commitments) and c not in found("班列")


def test_the_search_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # commitments, outcomes (reports come joined; no count)
        client.get(reverse("commitments:search"), {"q": "就业"})
    with django_assert_num_queries(2):
        client.get(reverse("commitments:search"), {"q": "班列"})


def test_an_empty_search_shows_the_form_only(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        page = client.get(reverse("commitments:search"), {"q": " "})
    assert page.status_code == 200 and page.context["results"] is None


@pytest.mark.django_db
def test_the_search_words_can_be_rebuilt_from_the_quotes(client):
    from django.core.management import call_command

    from commitments.models import CommitmentWord

    CommitmentWord.objects.all().delete()
    assert "9万人以上" not in client.get("/search/?q=就业").content.decode()
    call_command("reindex_search")
    assert "9万人以上" in client.get("/search/?q=就业").content.decode()
