"""Reading text files: encodings, line endings, markup blanked without moving the text."""

import codecs

import pytest

from auditlint.sources import ReadError, read_bytes
from auditlint.sources.text import decode, mask_markup

TEXT = "2021年度收、支总计474.49万元。\n其中：财政拨款收入474.49万元。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected(data, encoding):
    text, found = decode(data)
    assert text == TEXT
    assert found == encoding


def test_binary_data_is_refused_with_a_reason():
    with pytest.raises(ReadError) as err:
        read_bytes("scan.txt", bytes(range(256)) * 40)
    assert err.value.code in ("unreadable", "encoding")


def test_latin1_noise_is_not_read_as_chinese():
    with pytest.raises(ReadError) as err:
        read_bytes("x.txt", "Ærøskøbing façade naïve ".encode("latin-1") * 50)
    assert err.value.code == "encoding"


def test_empty_file_is_refused():
    with pytest.raises(ReadError) as err:
        read_bytes("empty.txt", b"  \n ")
    assert err.value.code == "not-a-disclosure"


def test_crlf_keeps_lines_and_columns():
    doc = read_bytes("r.txt", TEXT.replace("\n", "\r\n").encode())
    offset = doc.text.index("其中")
    assert doc.position(offset) == (2, 1)


def test_lone_cr_ends_a_line():
    doc = read_bytes("r.txt", "第一行\r第二行474.49万元".encode())
    assert doc.position(doc.text.index("第二行")) == (2, 1)


def test_html_tags_never_shift_the_text_they_surround():
    raw = '<p>收入合计<b>474.49</b>万元</p><br/><span class="x">其中&nbsp;财政拨款</span>'
    masked = mask_markup(raw, only_known_tags=False)
    assert len(masked) == len(raw)
    for word in ("收入合计", "474.49", "万元", "财政拨款"):
        assert masked.index(word) == raw.index(word)
    assert "<" not in masked and "nbsp" not in masked


def test_plain_text_keeps_angle_brackets_that_are_not_tags():
    raw = "《中共张掖市委办公室关于印发<张掖市科协系统深化改革实施方案>的通知》<p>正文</p>"
    masked = mask_markup(raw, only_known_tags=True)
    assert "<张掖市科协系统深化改革实施方案>" in masked
    assert "<p>" not in masked


def test_old_office_formats_get_a_conversion_hint():
    with pytest.raises(ReadError) as err:
        read_bytes("report.doc", b"\xd0\xcf\x11\xe0")
    assert err.value.code == "unsupported-format" and ".docx" in err.value.message


def test_a_file_that_grew_after_it_was_measured_is_read_whole_or_refused(tmp_path, monkeypatch):
    import os

    import auditlint.sources as sources

    path = tmp_path / "report.txt"
    text = "机关运行经费支出33.39万元。" * 40
    path.write_text(text, encoding="utf-8")
    real_stat = os.stat

    def stale_stat(name, *args, **kwargs):  # the size as it was before the file grew
        info = real_stat(name, *args, **kwargs)
        return os.stat_result((*info[:6], 10, *info[7:]))

    monkeypatch.setattr(sources.os, "stat", stale_stat)
    assert sources.read_path(str(path)).text == text
    with pytest.raises(ReadError) as refused:
        sources.read_path(str(path), max_bytes=100)
    assert refused.value.code == "too-large"
