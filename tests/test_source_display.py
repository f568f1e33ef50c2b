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


def test_a_target_is_written_back_as_the_report_phrased_it():
    from decimal import Decimal
    from types import SimpleNamespace

    from commitments.templatetags.tracker import target_text

    def goal(value, unit, qualifier="", stretch=None):
        return target_text(SimpleNamespace(value=Decimal(value), unit=unit, qualifier=qualifier, stretch_value=stretch))

    assert goal("5.5", "%", "力争+以上", Decimal("6")) == "5.5%，力争6%以上"  # 增长5.5%、力争6%以上
    assert goal("5.5", "%", "", Decimal("6")) == "5.5%—6%"  # 增长5.5%—6%: a range, not a stretch
    assert goal("0.3333", "", "以上") == "1/3以上"  # 将1/3以上资金投向基础研究
    assert goal("9", "万人", "以上") == "9万人以上"
