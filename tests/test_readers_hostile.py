"""Damaged and hostile Word, Excel and PDF files end as a clear error record, never a crash."""

from __future__ import annotations

import io
import zipfile

import pytest

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.sources import ReadError, ooxml, pdf, read_bytes

from .office import Paragraph, build_docx, build_xlsx
from .test_tables_office import TABLES


def _zip(parts: dict[str, bytes], flag_encrypted: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    data = buf.getvalue()
    if flag_encrypted:
        # set the "encrypted" general-purpose flag in every local and central header
        data = data.replace(b"PK\x03\x04\x14\x00\x00\x00", b"PK\x03\x04\x14\x00\x01\x00")
        data = data.replace(b"PK\x01\x02\x14\x03\x14\x00\x00\x00", b"PK\x01\x02\x14\x03\x14\x00\x01\x00")
    return data


def _docx_with(document_xml: bytes) -> bytes:
    good = zipfile.ZipFile(io.BytesIO(build_docx([Paragraph("收入合计1.00万元。")])))
    parts = {n: good.read(n) for n in good.namelist()}
    parts["word/document.xml"] = document_xml
    return _zip(parts)


def _code(name: str, data: bytes) -> str:
    with pytest.raises(ReadError) as info:
        read_bytes(name, data)
    assert info.value.message  # a message a user can read
    return info.value.code


@pytest.mark.parametrize("name", ["report.docx", "report.xlsx"])
def test_not_a_zip(name):
    assert _code(name, b"this is plain text, not an office file") == "corrupt"


@pytest.mark.parametrize("name, build", [("report.docx", lambda: build_docx([Paragraph("本年收入合计1.00万元。")])), ("report.xlsx", lambda: build_xlsx([(t.title, t) for t in TABLES]))])
def test_truncated_package(name, build):
    data = build()
    assert _code(name, data[: len(data) // 2]) == "corrupt"


def test_malformed_xml():
    assert _code("report.docx", _docx_with(b"<w:document><w:body><w:p>")) == "corrupt"


def test_entity_expansion_is_refused_before_parsing():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>'
    )
    assert _code("report.docx", _docx_with(bomb)) == "corrupt"


def test_external_entity_is_refused():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    assert _code("report.docx", _docx_with(xxe)) == "corrupt"


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(ooxml, "MAX_PART_BYTES", 100_000)
    huge = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + b"<w:p/>" * 50_000 + b"</w:body></w:document>"
    assert len(huge) > 100_000
    assert _code("report.docx", _docx_with(huge)) == "too-large"


def test_encrypted_member_is_refused():
    data = _zip({"word/document.xml": b"<x/>", "_rels/.rels": b"<x/>"}, flag_encrypted=True)
    with pytest.raises(ReadError) as info:
        read_bytes("report.docx", data)
    assert info.value.code == "unreadable" and "加密" in info.value.message


def test_xlsx_without_workbook():
    assert _code("report.xlsx", _zip({"hello.txt": b"hi"})) == "corrupt"


def test_an_unreadable_file_is_an_error_record_not_a_crash():
    result = check_bytes("report.docx", b"PK\x03\x04 garbage", Config())
    assert result.error and result.error_code == "corrupt" and result.findings == []


# ------------------------------------------------------------------- pdf


def test_pdf_without_the_extra_names_it(monkeypatch):
    monkeypatch.setattr(pdf, "available", lambda: False)
    with pytest.raises(ReadError) as info:
        read_bytes("report.pdf", b"%PDF-1.7\n...")
    assert info.value.code == "unsupported-format"
    assert "[pdf]" in info.value.message


def test_pdf_that_is_not_a_pdf():
    pytest.importorskip("pypdfium2")
    assert _code("report.pdf", b"<html>not a pdf</html>") == "corrupt"


def test_truncated_pdf(corpus):
    pytest.importorskip("pypdfium2")
    data = (corpus / "pdf" / "putuo-social-work-2024.pdf").read_bytes()
    assert _code("report.pdf", data[:60_000]) == "corrupt"


def test_encrypted_pdf():
    pytest.importorskip("pypdfium2")
    # a minimal PDF with an /Encrypt dictionary that no password opens
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"3 0 obj<</Filter/Standard/V 1/R 2/O(0123456789abcdef0123456789abcdef)/U(0123456789abcdef0123456789abcdef)/P -4>>endobj\n"
    )
    xref_at = len(body)
    xref = b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000111 00000 n \n"
    trailer = b"trailer<</Size 4/Root 1 0 R/Encrypt 3 0 R/ID[<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]>>\nstartxref\n" + str(xref_at).encode() + b"\n%%EOF\n"
    with pytest.raises(ReadError) as info:
        read_bytes("report.pdf", body + xref + trailer)
    assert info.value.code == "unreadable" and "加密" in info.value.message
