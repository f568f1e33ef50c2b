"""Turn an uploaded file (bytes + name) into text: .txt/.htm(l)/.docx/.pdf, UTF-8/UTF-16/GB18030.

The returned text is what every offset of the extraction refers to; the importer stores it verbatim.
Every refusal raises `UnreadableDocument` with a message in 简体中文 that can be shown as is.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import PurePath

from .types import DecodedDocument, UnreadableDocument

#: below this share of CJK characters among the non-space characters, a text is not a Chinese report
_MIN_CJK_SHARE = 0.2
_MIN_CJK_CHARS = 20
_TAG = re.compile(r"<[^<>]{0,2000}>")
_HTML_HINT = re.compile(r"<\s*(?:html|body|p|div|br|span|table|td|tr|h[1-6]|head|meta|!doctype)\b", re.I)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|tr|li|h[1-6]|table|section|article)\b[^>]*>", re.I)
_DROP_BLOCK = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)


def read_document(*, data: bytes, filename: str) -> DecodedDocument:
    """Decode an uploaded report. Raises UnreadableDocument with a 简体中文 reason."""
    if not data or not data.strip():
        raise UnreadableDocument("文件为空，没有可读取的内容。")
    suffix = PurePath(filename or "").suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return _check(DecodedDocument(text=_read_pdf(data), encoding="pdf", format="pdf"))
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        return _check(DecodedDocument(text=_read_docx(data), encoding="docx", format="docx"))
    if suffix in (".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".wps"):
        raise UnreadableDocument(f"不支持 {suffix} 文件，请另存为 .docx、.pdf 或 .txt 后再导入。")
    text, encoding = decode_text(data)
    fmt = "txt"
    if suffix in (".htm", ".html") or looks_like_html(text):
        text = html_to_text(text)
        fmt = "html" if suffix in (".htm", ".html") else "txt"
    return _check(DecodedDocument(text=text, encoding=encoding, format=fmt))


def decode_text(data: bytes) -> tuple[str, str]:
    """Strict decoding in a sensible order, then charset-normalizer as a fallback.

    >>> decode_text("各位代表".encode("gbk"))
    ('各位代表', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    if _binary(data):
        guess = _bomless_utf16(data)
        if guess:
            return guess
        raise UnreadableDocument("这不是文本文件（内容是二进制数据），请上传 .txt、.docx 或 .pdf 格式的报告。")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocument("无法识别文件的文字编码，请另存为 UTF-8 编码的文本后再导入。")
    return str(best), best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"文件声明为 {encoding} 编码，但内容无法按该编码解码，文件可能已损坏。") from exc


def _binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: for ASCII-heavy text one byte of each pair is NUL; for Chinese, try both."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _cjk_share(text) >= 0.3 and not any(ord(c) < 9 for c in text[:2000]):
            return text, "utf-16"
    return None


def _cjk_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if "\u3400" <= c <= "\u9fff") / len(chars)


def looks_like_html(text: str) -> bool:
    """Text pasted from a web page: several tags, at least one of them a known HTML element."""
    head = text[:20000]
    return bool(_HTML_HINT.search(head)) and len(_TAG.findall(head)) >= 3


def html_to_text(text: str) -> str:
    """Strip tags (block tags become line breaks) and decode entities.

    >>> html_to_text("<p>各位代表：</p><p>增长&nbsp;5%</p>")
    '各位代表：\\n增长 5%'
    """
    text = _DROP_BLOCK.sub("", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t\n]*", "\n", text)
    return text.strip()


#: a report's PDF has tens of pages, a budget's a few hundred; more is not a report and holds a worker for minutes
MAX_PDF_PAGES = 1500
#: a report's DOCX unpacks to a few MB; a file that unpacks to more is refused before it is parsed (zip bomb)
MAX_DOCX_UNPACKED = 60 * 1024 * 1024


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UnreadableDocument(
                f"PDF 有 {len(reader.pages)} 页，超过 {MAX_PDF_PAGES} 页的上限，不像是一份政府工作报告。"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise UnreadableDocument("PDF 文件已损坏或不完整，无法读取。请重新导出 PDF 后再导入。") from exc
    except Exception as exc:  # pypdf raises many types on broken files
        raise UnreadableDocument("PDF 文件已损坏或不完整，无法读取。请重新导出 PDF 后再导入。") from exc
    text = "\n".join(pages)
    if not pages or len(text.strip()) < 10:
        raise UnreadableDocument("这个 PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）后再导入。")
    return text


def _read_docx(data: bytes) -> str:
    import docx

    _refuse_zip_bomb(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument("DOCX 文件已损坏或不完整，无法读取。请用 Word 重新保存后再导入。") from exc
    except Exception as exc:
        raise UnreadableDocument("DOCX 文件已损坏或不完整，无法读取。请用 Word 重新保存后再导入。") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _refuse_zip_bomb(data: bytes) -> None:
    """The unpacked size a DOCX declares, checked before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument("DOCX 文件已损坏或不完整，无法读取。请用 Word 重新保存后再导入。") from exc
    if unpacked > MAX_DOCX_UNPACKED:
        raise UnreadableDocument(
            f"DOCX 解压后有 {unpacked / 1024 / 1024:.0f} MB，超过 {MAX_DOCX_UNPACKED // 1024 // 1024} MB 的上限"
            "（政府工作报告通常只有几 MB），不予读取。"
        )


def read_document_limited(*, data: bytes, filename: str, seconds: int = 60, memory_mb: int = 1536) -> DecodedDocument:
    """read_document in a child process with a time and a memory limit: a hostile file (a PDF of 100,000
    pages, a DOCX that unpacks to gigabytes) costs one child, never the worker that serves the site."""
    import multiprocessing as mp

    context = mp.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_read_in_child, args=(send, data, filename, memory_mb), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise UnreadableDocument(f"读取文件超过 {seconds} 秒仍未完成，文件可能异常庞大或已损坏，未导入。")
        kind, payload = receive.recv()
    except EOFError as exc:  # the child died: out of memory, most likely
        raise UnreadableDocument("读取文件所需内存超出上限，文件可能异常庞大或已损坏，未导入。") from exc
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if kind == "refused":
        raise UnreadableDocument(payload)
    return payload


def _read_in_child(send, data: bytes, filename: str, memory_mb: int) -> None:
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        send.send(("ok", read_document(data=data, filename=filename)))
    except UnreadableDocument as exc:
        send.send(("refused", str(exc)))
    except MemoryError:
        send.send(("refused", "读取文件所需内存超出上限，文件可能异常庞大或已损坏，未导入。"))
    finally:
        send.close()


def _check(doc: DecodedDocument) -> DecodedDocument:
    text = doc.text
    if not text.strip():
        raise UnreadableDocument("文件中没有可读取的文字。")
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    if cjk < _MIN_CJK_CHARS or _cjk_share(text) < _MIN_CJK_SHARE:
        raise UnreadableDocument("文件内容几乎没有中文，不像是一份政府工作报告，请检查文件或其编码。")
    return doc
