"""Readers: one per file format, each turning bytes into a Document or a ReadError."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..model import Document
from .errors import ReadError
from .text import read_text

__all__ = ["ReadError", "read_bytes", "read_file", "read_path", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}
STRUCTURED_SUFFIXES = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = frozenset(TEXT_SUFFIXES) | frozenset(STRUCTURED_SUFFIXES)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_CONVERT_HINT = {
    ".doc": "旧版 Word（.doc）格式不受支持：请在 Word 或 LibreOffice 中另存为 .docx 后再检查",
    ".xls": "旧版 Excel（.xls）格式不受支持：请另存为 .xlsx 后再检查",
    ".wps": "WPS 文字格式不受支持：请另存为 .docx 后再检查",
}


def read_bytes(path: str, data: bytes) -> Document:
    """Read a file's bytes as the format its name says."""
    suffix = Path(path).suffix.lower()
    if suffix in _CONVERT_HINT:
        raise ReadError("unsupported-format", _CONVERT_HINT[suffix])
    if not data.strip():
        raise ReadError("not-a-disclosure", "文件为空，没有可检查的内容")
    structured = STRUCTURED_SUFFIXES.get(suffix)
    if structured is not None:
        return _read_structured(path, data, structured)
    document = read_text(path, data, TEXT_SUFFIXES.get(suffix, "text"))
    if not document.content.strip():  # only full-width spaces, or only markup
        raise ReadError("not-a-disclosure", "文件中没有文字内容，没有可检查的内容")
    return document


def _read_structured(path: str, data: bytes, fmt: str) -> Document:
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, data)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path, data)
    from .xlsx import read_xlsx

    return read_xlsx(path, data)


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file from disk, refusing what is too large to be a report."""
    name = os.fspath(path)
    return read_bytes(name, read_file(name, max_bytes))


def read_file(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes from disk, or the ReadError saying why there are none (missing, a folder, too large …)."""
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("unreadable", "这是一个目录，不是文件")
        if not stat.S_ISREG(info.st_mode):  # a named pipe would block the run forever, a device never end
            raise ReadError("unreadable", "不是普通文件（命名管道、设备或套接字），未读取")
        size = info.st_size
        if size > max_bytes:
            raise ReadError(
                "too-large",
                f"文件过大（{_size(size, max_bytes)}，超过上限 {_size(max_bytes, size)}），未检查；可用 --max-file-size 调整上限",
            )
        with open(name, "rb") as fh:
            # what stat said, and on to the limit only if the file has grown since: one read of the
            # limit would allocate all of it (megabytes) for every file
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError("unreadable", "文件不存在或在检查期间被删除") from None
    except PermissionError:
        raise ReadError("unreadable", "没有读取该文件的权限") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("unreadable", "符号链接形成循环，无法读取") from None
        raise ReadError("unreadable", f"无法读取文件：{exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError("too-large", f"文件在读取时超过上限 {_size(max_bytes)}，未检查")
    return data


def _size(n: int, other: int | None = None) -> str:
    """A size as people read it; in bytes when that is the only way to tell it from other."""
    text = f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} 字节"
    if other is not None and other != n and text == _size(other):
        return f"{n:,} 字节"
    return text
