import pytest
from django.urls import reverse

from commitments.models import Commitment, Region

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_every_region(client):
    page = client.get(reverse("commitments:home")).content.decode()
    for name in ["临沂市", "河东区", "徐州市", "潍坊市", "淄博市"]:
        assert name in page


def test_a_region_page_lists_its_commitments_with_their_status(client):
    linyi = Region.objects.get(name="临沂市")
    page = client.get(linyi.get_absolute_url()).content.decode()
    assert "待评估" in page
    assert "河东区" in page  # the district is listed under its city
    assert Commitment.objects.filter(region=linyi).count() > 30


def test_a_hidden_commitment_is_not_public(client):
    commitment = Commitment.objects.filter(region__name="徐州市").first()
    commitment.is_public = False
    commitment.save()
    assert client.get(commitment.get_absolute_url()).status_code == 404
