"""The file reader: encodings, formats and clear refusals."""

import io

import pytest

from commitments.reading import UnreadableDocument, read_document

REPORT = "各位代表：\n现在，我代表市人民政府向大会报告工作。一、2023年工作回顾\n城镇新增就业10.5万人。" * 3


def test_it_reads_utf8_with_and_without_bom():
    plain = read_document(data=REPORT.encode("utf-8"), filename="r.txt")
    bom = read_document(data=b"\xef\xbb\xbf" + REPORT.encode("utf-8"), filename="r.txt")
    assert plain.text == REPORT and plain.encoding == "utf-8"
    assert bom.text == REPORT and bom.encoding == "utf-8-sig"


def test_it_reads_gbk_and_gb18030_without_declaration():
    doc = read_document(data=REPORT.encode("gbk"), filename="报告.txt")
    assert doc.text == REPORT
    assert doc.encoding == "gb18030"


def test_it_reads_utf16_with_bom_and_without():
    assert read_document(data=REPORT.encode("utf-16"), filename="r.txt").text == REPORT
    assert read_document(data=REPORT.encode("utf-16-le"), filename="r.txt").text == REPORT


def test_it_refuses_an_empty_file():
    with pytest.raises(UnreadableDocument, match="文件为空"):
        read_document(data=b"", filename="r.txt")
    with pytest.raises(UnreadableDocument, match="文件为空"):
        read_document(data=b"  \n ", filename="r.txt")


def test_it_refuses_binary_data():
    with pytest.raises(UnreadableDocument, match="二进制"):
        read_document(data=bytes(range(256)) * 20, filename="r.txt")


def test_it_refuses_text_with_almost_no_chinese():
    with pytest.raises(UnreadableDocument, match="几乎没有中文"):
        read_document(data=b"hello world, this is not a report at all. " * 20, filename="r.txt")


def test_it_strips_html_tags_and_entities_from_a_web_page():
    page = f"<html><body><p>{REPORT}</p><p>增长&nbsp;5%&amp;</p></body></html>"
    doc = read_document(data=page.encode("utf-8"), filename="r.html")
    assert "<p>" not in doc.text and "增长 5%&" in doc.text


def test_it_strips_html_pasted_into_a_txt_file():
    page = f"<div>{REPORT}</div><br><span>城镇新增就业</span>"
    doc = read_document(data=page.encode("utf-8"), filename="r.txt")
    assert "<div>" not in doc.text and "城镇新增就业" in doc.text


def test_it_reads_a_docx():
    import docx

    document = docx.Document()
    for line in REPORT.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_document(data=buffer.getvalue(), filename="r.docx")
    assert doc.format == "docx" and "城镇新增就业10.5万人" in doc.text


def test_it_refuses_a_truncated_docx():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(UnreadableDocument, match="DOCX 文件已损坏"):
        read_document(data=buffer.getvalue()[:200], filename="r.docx")


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_it_asks_for_ocr_when_a_pdf_has_no_text_layer():
    with pytest.raises(UnreadableDocument, match="OCR"):
        read_document(data=_blank_pdf(), filename="scan.pdf")


def test_it_refuses_a_truncated_pdf():
    with pytest.raises(UnreadableDocument, match="PDF"):
        read_document(data=b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", filename="r.pdf")


def test_it_reads_a_pdf_with_a_text_layer(monkeypatch):
    # pypdf cannot write CJK text without embedding a font; fake the page text, keep the real reader path
    from pypdf import PageObject

    monkeypatch.setattr(PageObject, "extract_text", lambda self, *a, **k: REPORT)
    doc = read_document(data=_blank_pdf(), filename="r.pdf")
    assert doc.format == "pdf" and "城镇新增就业" in doc.text
