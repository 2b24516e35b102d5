"""Certain fixes: apply Finding.fix replacements to text-based files, or show them as a unified diff.

A rule offers a fix only when the right text is certain (a rate recomputed
from two stated amounts, a doubled minus sign, a full-width comma). Fixes are
applied to the file's own decoded text at the finding's span, then the text is
checked again and any fix that became possible (or was held back because it
overlapped another) is applied, until nothing changes. The file keeps its
encoding, BOM and line endings byte for byte outside the replaced spans.
docx, xlsx and pdf are never rewritten.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .api import check_bytes
from .config import Config
from .files import ChangedSinceRead, Snapshot, WriteFailed, replace_file
from .model import FileResult, Finding
from .sources import TEXT_SUFFIXES, ReadError
from .sources.text import decode

MAX_PASSES = 10
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CODECS = ("utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


class NotFixable(Exception):
    """A file auditlint will not rewrite, and why (in Chinese, for the user)."""


class NotWritten(NotFixable):
    """The fixed text could not be written back (no permission, a full disk), or the file changed
    after it was read; the file on disk is as it was."""


@dataclass
class FixOutcome:
    """What fixing one file did: the text before and after, the fixes applied by rule, and the check after."""

    path: str
    original: str
    fixed: str
    applied: Counter[str] = field(default_factory=Counter)
    result: FileResult | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _encoder(data: bytes, text: str) -> tuple[bytes, str]:
    """The BOM and codec that turn text back into exactly these bytes (or NotFixable)."""
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    body = data[len(bom) :]
    for codec in _CODECS:
        try:
            if text.encode(codec) == body:
                return bom, codec
        except UnicodeEncodeError:
            continue
    raise NotFixable("无法在不改变文件其他字节的前提下写回（编码无法往返），未修改")


def _apply(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply the fixes that do not overlap an earlier one; the rest wait for the next pass."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or text[f.start : f.end] == f.fix or f.start < last_end:
            continue
        chosen.append(f)
        last_end = f.end
    for f in reversed(chosen):
        text = text[: f.start] + f.fix + text[f.end :]  # type: ignore[operator]
    return text, chosen


def fix_bytes(path: str, data: bytes, config: Config, keep_document: bool = False) -> FixOutcome:
    """Apply every certain fix to a text file's content; nothing is written here."""
    if Path(path).suffix.lower() not in TEXT_SUFFIXES:
        raise NotFixable("只修复文本类文件（txt、md、html）；docx、xlsx、pdf 不会被改写")
    try:
        original, _ = decode(data)
    except ReadError as exc:
        raise NotFixable(exc.message) from None
    bom, codec = _encoder(data, original)
    outcome = FixOutcome(path=path, original=original, fixed=original)
    for _ in range(MAX_PASSES):
        result = check_bytes(path, bom + outcome.fixed.encode(codec), config, keep_document=keep_document)
        outcome.result = result
        fixed, applied = _apply(outcome.fixed, [f for f in result.findings if f.fix is not None])
        if not applied:
            break
        outcome.fixed = fixed
        outcome.applied.update(f.rule for f in applied)
    else:
        outcome.result = check_bytes(path, bom + outcome.fixed.encode(codec), config, keep_document=keep_document)
    return outcome


def fix_file(path: str, config: Config, write: bool, keep_document: bool = False) -> FixOutcome:
    """Fix a file on disk; with write, replace it atomically (same permissions) when anything changed.

    A symbolic link is fixed in the file it points to and stays a link. The file is written
    only if it is still what was read (size, time stamp and content): an edit made while
    the fixes were worked out is never overwritten (NotWritten says so instead).
    """
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read()
    except OSError as exc:
        raise NotFixable(f"无法读取文件：{exc.strerror or exc}") from None
    outcome = fix_bytes(path, data, config, keep_document)
    if write and outcome.changed:
        bom, codec = _encoder(data, outcome.original)
        try:
            replace_file(path, bom + outcome.fixed.encode(codec), unchanged_since=Snapshot.of(st, data))
        except WriteFailed as exc:
            raise NotWritten(f"{exc}，文件未改动") from None
        except ChangedSinceRead:
            raise NotWritten("文件在检查期间被修改，为免覆盖新的编辑，未改动它；请重新运行 --fix") from None
    return outcome


def unified_diff(outcome: FixOutcome) -> str:
    """The change as a unified diff (a/path → b/path), as git shows it."""
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed.splitlines(keepends=True),
        fromfile=f"a/{outcome.path}",
        tofile=f"b/{outcome.path}",
    )
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
