import pytest

from commitments.models import Commitment

pytestmark = pytest.mark.django_db


def test_a_pdf_extracted_quote_reads_cleanly_in_its_whole_paragraph(client):
    commitment = Commitment.objects.get(region__name="河东区", quote__contains="播种面积稳定在")
    assert "\n" in commitment.quote  # the stored quote is exact, PDF line break included
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "<mark>粮食播种面积稳定在 44.7 万亩以上</mark>" in page
    assert "全年新建、改建高标准农田" in page  # the paragraph goes on across the PDF's line breaks
    assert "**" not in page
