"""Text and html files: decode bytes without guessing wildly, blank out markup in place."""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterator

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
    except UnicodeDecodeError as exc:
        text = None
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3 and exc.start > 0:
            # a download cut off inside its last character: the rest is still the report
            try:
                text = data[: exc.start].decode("utf-8")
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


# Where markup may start: a comment, a script/style element, a tag, an entity. Comments and
# script/style elements are closed by a separate forward search (see _markup).
_MARKUP = re.compile(
    r"<!--|<(script|style)\b|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"
)
_TAG_AT = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_CLOSERS = {"script": re.compile(r"</script\s*>"), "style": re.compile(r"</style\s*>")}
_NOT_NEWLINE = re.compile(r"[^\n]")
_HTML_TAGS = frozenset(
    "p br div span ol ul li table tbody thead tfoot tr td th strong b i u em font h1 h2 h3 h4 h5 h6 "
    "a img section article header footer body html head title meta link sup sub hr pre blockquote".split()
)
_BLOCK_TAGS = frozenset("p br div li tr td th table h1 h2 h3 h4 h5 h6 section article hr pre blockquote title ol ul".split())


def _markup(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, tag name) of each comment, script/style element, tag and entity, left to right.

    A comment or element runs to the first closer after it; one that has none is not
    markup (an element's opening tag is then an ordinary tag). Once a closer is known to
    be missing it is not searched for again, and the end of an opening tag is searched
    for once for all the openings before it, so a file of a million unclosed ``<!--`` or
    ``<script`` costs one pass, not a million.
    """
    unclosed: set[str] = set()
    gt = -1  # the first ">" after the last element opening looked at
    pos = 0
    while (m := _MARKUP.search(text, pos)) is not None:
        start = m.start()
        if m.group() == "<!--":
            if "<!--" not in unclosed:
                end = text.find("-->", m.end())
                if end >= 0:
                    yield start, end + 3, "comment", ""
                    pos = end + 3
                    continue
                unclosed.add("<!--")
            pos = start + 1
            continue
        if m.group(1):
            name = m.group(1)
            if name not in unclosed:
                if gt < m.end():
                    gt = text.find(">", m.end())
                close = _CLOSERS[name].search(text, gt + 1) if gt >= 0 else None
                if close is not None:
                    yield start, close.end(), "element", name
                    pos = close.end()
                    continue
                unclosed.add(name)
            m = _TAG_AT.match(text, start)
            if m is None:
                pos = start + 1
                continue
            yield start, m.end(), "tag", m.group(1).lower()
        elif m.group(2):
            yield start, m.end(), "tag", m.group(2).lower()
        else:
            yield start, m.end(), "entity", ""
        pos = m.end()


def mask_markup(text: str, only_known_tags: bool) -> str:
    """Blank out tags and entities without moving any other character.

    A block-level tag becomes a line break plus spaces, an inline tag spaces, an
    entity its character plus spaces: same length, so offsets survive. In plain
    text only real html tag names are touched (``<张掖市…方案>`` is a title, not a tag),
    and script/style elements are left alone.
    """
    pieces: list[str] = []
    last = 0
    for start, end, kind, name in _markup(text):
        whole = text[start:end]
        if kind == "entity":
            char = html.unescape(whole)
            if len(char) != 1 or char == whole:
                continue
            if char in "\xa0\u3000":
                char = " "
            filler = char + " " * (len(whole) - 1)
        elif only_known_tags and (kind == "element" or kind == "tag" and name not in _HTML_TAGS):
            continue
        else:
            filler = _NOT_NEWLINE.sub(" ", whole)
            if kind == "element" or name in _BLOCK_TAGS:
                filler = "\n" + filler[1:]
        pieces.append(text[last:start])
        pieces.append(filler)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def read_text(path: str, data: bytes, fmt: str) -> Document:
    text, encoding = decode(data)
    if encoding.startswith("utf-8-sig"):
        encoding = "utf-8-sig"
    # Lone CRs (old Mac files, mixed endings) end lines too; swapping them for LF keeps every offset.
    if "\r" in text:
        text = re.sub(r"\r(?!\n)", "\n", text)
    content = mask_markup(text, only_known_tags=fmt != "html")
    if "\r" in content:
        # a Windows line end is read as the line end it is: the CR before the LF counts as a blank at the end
        # of the line (same offsets), so that no check sees it as a character of the line
        content = content.replace("\r\n", " \n")
    return Document(
        path=path,
        format=fmt,
        text=text,
        content=content,
        encoding=encoding,
        blocks=[Block(kind="text", start=0, end=len(text))],
    )
