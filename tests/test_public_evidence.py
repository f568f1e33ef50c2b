import datetime

import pytest
from django.core.files.base import ContentFile

from commitments.models import Commitment, ProgressUpdate
from tests.builders import hide

pytestmark = pytest.mark.django_db


def _update_with_file(commitment) -> ProgressUpdate:
    update = ProgressUpdate(commitment=commitment, date=datetime.date(2024, 6, 30), status="in_progress")
    update.evidence_file.save("半年通报.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return update


def test_an_evidence_file_is_served_as_a_download_from_the_commitment_page(client):
    commitment = Commitment.objects.filter(region__name="临沂市").first()
    update = _update_with_file(commitment)
    page = client.get(commitment.get_absolute_url()).content.decode()
    link = f"/evidence/{update.pk}/"
    assert link in page
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_the_evidence_of_a_hidden_commitment_is_not_served(client):
    commitment = Commitment.objects.filter(region__name="徐州市").first()
    update = _update_with_file(commitment)
    hide(commitment)
    assert client.get(f"/evidence/{update.pk}/").status_code == 404


def test_the_public_page_of_an_evidence_document_opens_and_links_its_region(client):
    from django.conf import settings as conf

    from commitments.ingest.evidence import import_evidence

    path = conf.BASE_DIR / "tests" / "data" / "verification" / "linyi-2024-bulletin.txt"
    bulletin = import_evidence(path=path, region="临沂市", year=2024).report
    page = client.get(f"/reports/{bulletin.pk}/")
    assert page.status_code == 200
    assert "/regions/linyi/" in page.content.decode()
