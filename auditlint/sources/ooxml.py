"""Office Open XML packages (docx, xlsx): a zip read with limits, parts parsed without DTDs.

A docx or xlsx file is a zip of XML parts. Both are attack surfaces: a zip can
claim or hide a decompressed size thousands of times its own (a zip bomb), and
XML can declare entities that expand exponentially or fetch URLs. Office never
writes a DTD into these parts, so any part that declares one is refused, and
every part is read with a hard cap on its decompressed size.
"""

from __future__ import annotations

import codecs
import io
import posixpath
import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from .errors import ReadError

#: Largest decompressed size of one part, and of all parts read from one package.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class Package:
    """An opened OOXML package: named parts read within the size limits."""

    def __init__(self, data: bytes, kind: str):
        self.kind = kind  # "Word" / "Excel", for messages
        self._read = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise ReadError("corrupt", f"不是有效的 {kind} 文件：文件不是 zip 压缩包，或已损坏、被截断") from None
        except (OSError, ValueError, EOFError) as exc:
            raise ReadError("corrupt", f"不是有效的 {kind} 文件：zip 结构无法读取（{exc}）") from None
        self.names = {info.filename: info for info in self.zip.infolist()}

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names.get(name)
        if info is None:
            raise ReadError("corrupt", f"{self.kind} 文件缺少必需的部件 {name}，文件可能已损坏")
        if info.flag_bits & 0x1:
            raise ReadError("unreadable", f"{self.kind} 文件已加密，请先取消密码保护后再检查")
        if info.file_size > MAX_PART_BYTES or self._read + info.file_size > MAX_TOTAL_BYTES:
            raise ReadError("too-large", f"{self.kind} 文件解压后过大（部件 {name} 超过上限），疑似压缩炸弹，未检查")
        try:
            with self.zip.open(info) as fh:
                # the header's size may lie: never read past the cap whatever it says
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise ReadError("corrupt", f"{self.kind} 文件的部件 {name} 无法解压（{type(exc).__name__}），文件可能已损坏或被截断") from None
        if len(data) > MAX_PART_BYTES:
            raise ReadError("too-large", f"{self.kind} 文件解压后过大（部件 {name} 超过上限），疑似压缩炸弹，未检查")
        self._read += len(data)
        if self._read > MAX_TOTAL_BYTES:
            raise ReadError("too-large", f"{self.kind} 文件解压后总量过大，疑似压缩炸弹，未检查")
        return data

    def xml(self, name: str) -> ET.Element:
        return parse_xml(self.read(name), f"{self.kind} 文件的部件 {name}")

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship id -> target part name, for the part given (e.g. xl/workbook.xml)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out: dict[str, str] = {}
        for rel in self.xml(rels_name).iter(_RELS_NS + "Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = resolved
        return out


def parse_xml(data: bytes, what: str) -> ET.Element:
    """Parse one XML part, refusing DTDs (entity expansion, external entities) outright.

    The part is decoded here, as the XML rules say (a byte-order mark, the first bytes of
    `<?xml` in UTF-16 or UTF-32, or the declared encoding), so that a DTD is found in any
    encoding; the parser is then given UTF-8 with no declaration left to reinterpret it."""
    text = _decoded(data, what)
    if text is None:  # UTF-8 as it is: searched and parsed without a copy
        if _DTD.search(data):
            raise _dtd_refused(what)
    else:
        if _DTD_TEXT.search(text):
            raise _dtd_refused(what)
        data = _DECLARATION.sub("", text, count=1).encode("utf-8")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReadError("corrupt", f"{what} 不是有效的 XML（{exc}），文件可能已损坏") from None
    except (ValueError, LookupError) as exc:
        raise ReadError("corrupt", f"{what} 无法解析（{exc}）") from None


_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_DECLARED = re.compile(rb"^<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._\-]{1,40})[\"']")
#: The first bytes of a part, and the encoding they show (XML 1.0, appendix F)
_BY_FIRST_BYTES = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
)
#: Encodings whose decoding is not plain text, or not linear in the input: a part never names one.
_REFUSED = frozenset({"punycode", "idna", "undefined"})


def _decoded(data: bytes, what: str) -> str | None:
    """The part's text, or None when it is UTF-8 already (as Office writes every part)."""
    encoding = next((name for head, name in _BY_FIRST_BYTES if data.startswith(head)), None)
    if encoding is None and b"\x00" in data[:2]:  # a zero byte first or second: UTF-16, as the parser reads it
        encoding = "utf-16-be" if data[:1] == b"\x00" else "utf-16-le"
    if encoding is None:
        declared = _DECLARED.match(data)
        if declared is None:
            return None
        encoding = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        codec = None
    if codec is None or not getattr(codec, "_is_text_encoding", True) or codec.name in _REFUSED:
        raise ReadError("corrupt", f"{what} 声明了无法识别的字符编码 {encoding}，文件可能已损坏")
    if codec.name == "utf-8":
        return None
    try:
        return data.decode(codec.name)
    except (UnicodeDecodeError, ValueError):
        raise ReadError("corrupt", f"{what} 不是有效的 {encoding} 文本，文件可能已损坏") from None


def _dtd_refused(what: str) -> ReadError:
    return ReadError("corrupt", f"{what} 含有 DTD 或实体声明（Office 文件不会包含），出于安全原因拒绝读取")
