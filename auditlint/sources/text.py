"""Text and html files: decode bytes without guessing wildly, blank out markup in place."""

from __future__ import annotations

import codecs
import html
import re

from ..model import Block, Document
from .errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters no text document contains (C0 controls other than tab, LF, CR, FF).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte (for ASCII) — or
    for Chinese, many pairs that decode to CJK ideographs; try both byte orders."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    candidates = []
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        candidates.append("utf-16-le")
    elif even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        candidates.append("utf-16-be")
    elif 0 not in sample:
        candidates = ["utf-16-le", "utf-16-be"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text, need_cjk=not any(c.isascii() and c.isalpha() for c in text[:200])):
            return text
    return None


def _looks_like_text(text: str, need_cjk: bool = False) -> bool:
    if not text:
        return True
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        return False
    if need_cjk:
        printable = sum(1 for c in sample if not c.isspace())
        return printable == 0 or len(_CJK.findall(sample)) / printable > 0.3
    return True


def _mostly_common_hanzi(text: str) -> bool:
    hanzi = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not hanzi:
        return True
    common = 0
    for c in hanzi:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(hanzi) >= 0.8


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding found: BOMs, then UTF-8, UTF-16, then GB18030."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ReadError("encoding", f"文件以 {enc} 字节序标记开头，但内容无法按该编码解码（第 {exc.start} 字节）") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text[:4096]:
            utf16 = _utf16_without_bom(data)
            if utf16 is not None:
                return utf16, "utf-16"
        if not _looks_like_text(text):
            raise ReadError("unreadable", "文件内容是二进制数据，不是文本")
        return text, "utf-8"
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16, "utf-16"
        raise ReadError("unreadable", "文件内容是二进制数据，不是文本")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError(
            "encoding", "无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK；请另存为 UTF-8 后再检查"
        ) from None
    # GB18030 maps almost any byte string; insist that the result reads as Chinese text,
    # whose ideographs are nearly all among the common ones GB2312 already had.
    if not _looks_like_text(text, need_cjk=True) or not _mostly_common_hanzi(text):
        raise ReadError("encoding", "无法识别文件编码：按 GB18030 解码得到的不是可读文本；请另存为 UTF-8 后再检查")
    return text, "gb18030"


_TAG = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});",
    re.S,
)
_HTML_TAGS = frozenset(
    "p br div span ol ul li table tbody thead tfoot tr td th strong b i u em font h1 h2 h3 h4 h5 h6 "
    "a img section article header footer body html head title meta link sup sub hr pre blockquote".split()
)
_BLOCK_TAGS = frozenset("p br div li tr td th table h1 h2 h3 h4 h5 h6 section article hr pre blockquote title ol ul".split())


def mask_markup(text: str, only_known_tags: bool) -> str:
    """Blank out tags and entities without moving any other character.

    A block-level tag becomes a line break plus spaces, an inline tag spaces, an
    entity its character plus spaces: same length, so offsets survive. In plain
    text only real html tag names are touched (``<张掖市…方案>`` is a title, not a tag).
    """

    def blank(match: re.Match[str]) -> str:
        whole = match.group(0)
        name = (match.group(2) or "").lower()
        if whole.startswith("&"):
            char = html.unescape(whole)
            if len(char) != 1 or char == whole:
                return whole
            if char in "\xa0\u3000":
                char = " "
            return char + " " * (len(whole) - 1)
        if only_known_tags and match.group(2) and name not in _HTML_TAGS:
            return whole
        if only_known_tags and not match.group(2) and not whole.startswith("<!--"):
            return whole
        filler = "".join("\n" if c == "\n" else " " for c in whole)
        if name in _BLOCK_TAGS or match.group(1):
            filler = "\n" + filler[1:]
        return filler

    return _TAG.sub(blank, text)


def read_text(path: str, data: bytes, fmt: str) -> Document:
    text, encoding = decode(data)
    if encoding.startswith("utf-8-sig"):
        encoding = "utf-8-sig"
    # Lone CRs (old Mac files, mixed endings) end lines too; swapping them for LF keeps every offset.
    if "\r" in text:
        text = re.sub(r"\r(?!\n)", "\n", text)
    content = mask_markup(text, only_known_tags=fmt != "html")
    return Document(
        path=path,
        format=fmt,
        text=text,
        content=content,
        encoding=encoding,
        blocks=[Block(kind="text", start=0, end=len(text))],
    )
