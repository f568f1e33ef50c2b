import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from commitments.models import Commitment
from tests.builders import change_status, hide

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url) -> list[ET.Element]:
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_the_feed_has_one_entry_per_status_change_with_its_reason(client):
    c = Commitment.objects.get(region__name="临沂市", quote="新增城镇就业9万人以上")
    change_status(c, "in_progress", reason="上半年新增就业5.1万人")
    change_status(c, "done", reason="全年新增就业10.2万人")
    found = entries(client, reverse("commitments:feed"))
    assert len(found) == 2
    newest = found[0]
    assert "推进中 → 已完成" in newest.find(f"{ATOM}title").text
    assert "全年新增就业10.2万人" in newest.find(f"{ATOM}summary").text
    assert newest.find(f"{ATOM}link").get("href").endswith(c.get_absolute_url())


def test_a_region_feed_holds_the_region_and_its_districts_only(client):
    hedong = Commitment.objects.filter(region__name="河东区").first()
    xuzhou = Commitment.objects.filter(region__name="徐州市").first()
    change_status(hedong, "done", reason="区报告确认")
    change_status(xuzhou, "missed", reason="未达到")
    titles = [e.find(f"{ATOM}title").text for e in entries(client, reverse("commitments:region_feed", args=["linyi"]))]
    assert len(titles) == 1 and "河东区" in titles[0]


def test_a_hidden_commitments_changes_are_not_in_the_feed(client):
    c = Commitment.objects.filter(region__name="淄博市").first()
    change_status(c, "done", reason="核实")
    hide(c)
    assert entries(client, reverse("commitments:feed")) == []
