"""Fixes: apply Finding.fix replacements to text-based files, or show them as a unified diff.

Safe fixes only restore how a figure is written (full-width digits, a missing 元
or %, a minus sign doubling a direction word): `--fix` applies them. Every other
fix changes a figure or a word's meaning (a rate recomputed, 减少 for 增加, a
renumbered heading) and is a suggestion, applied only with `--unsafe-fixes`, and
only when

- no other finding is about the same text: neither the span fixed nor the figures
  the fix was worked out from (another finding disputing a figure means the figure,
  not the word or rate, may be what is wrong);
- the sentence would not then say the opposite of the word put in (a direction word
  turned while a clause after it still argues the old direction);
- checking the fixed text again finds nothing that was not found before, and the
  finding fixed is gone: fixes are tried together, and halved until the ones that
  fail are found and rolled back.

Fixes are applied to the file's own decoded text at the finding's span, then the
text is checked again and any fix that became possible is applied, until nothing
changes. The file keeps its encoding, BOM and line endings byte for byte outside
the replaced spans. docx, xlsx and pdf are never rewritten.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .api import check_bytes
from .config import Config
from .extract import lexicon
from .files import ChangedSinceRead, Snapshot, WriteFailed, replace_file
from .fingerprint import fingerprint
from .model import FileResult, Finding
from .sources import TEXT_SUFFIXES, ReadError
from .sources.text import decode

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
    #: unsafe fixes not applied, and why (by fingerprint)
    held: dict[str, str] = field(default_factory=dict)

    @property
    def suggested(self) -> list[Finding]:
        """The fixes left in the text after fixing that --fix does not apply (unsafe ones), safe ones aside."""
        return [f for f in (self.result.findings if self.result else []) if f.fix is not None and not f.fix_safe]

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


class _Fixer:
    """One file's text, fixed pass by pass: safe fixes first, then the unsafe ones that survive their checks."""

    def __init__(self, path: str, bom: bytes, codec: str, config: Config, keep_document: bool, unsafe: bool) -> None:
        self.path, self.bom, self.codec, self.config = path, bom, codec, config
        self.keep_document, self.unsafe = keep_document, unsafe
        self.checks = 0

    def check(self, text: str) -> FileResult:
        self.checks += 1
        return check_bytes(self.path, self.bom + text.encode(self.codec), self.config, keep_document=self.keep_document)

    def run(self, outcome: FixOutcome) -> None:
        result = self.check(outcome.fixed)
        while self.checks < MAX_CHECKS:
            safe = [f for f in result.findings if f.fix is not None and f.fix_safe]
            fixed, applied = _apply(outcome.fixed, safe)
            if applied:
                result = self.check(fixed)
            elif self.unsafe:
                fixed, applied, result = self._unsafe(outcome.fixed, result, outcome.held)
            if not applied:
                break
            outcome.fixed = fixed
            outcome.applied.update(f.rule for f in applied)
        outcome.result = result

    def _unsafe(self, text: str, result: FileResult, held: dict[str, str]) -> tuple[str, list[Finding], FileResult]:
        """The unsafe fixes of one pass that pass their checks: (the text with them, them, its check)."""
        group = []
        for f in result.findings:
            if f.fix is None or f.fix_safe or fingerprint(f) in held:
                continue
            why = _disputed(f, result.findings) or _turns_against_its_sentence(text, f)
            if why:
                held[fingerprint(f)] = why
            else:
                group.append(f)
        while group and self.checks < MAX_CHECKS:
            fixed, chosen = _apply(text, group)
            after = self.check(fixed)
            if _nothing_new(result.findings, chosen, after.findings):
                return fixed, chosen, after
            if len(chosen) == 1:
                held[fingerprint(chosen[0])] = "改后复查出现了新的问题（会使其他表述不符），已撤回"
                return text, [], result
            group = chosen[: len(chosen) // 2]  # the other half waits for the next pass
        return text, [], result


#: checks of one file's text while fixing it: each accepts or rolls back at least one fix
MAX_CHECKS = 40


def _questioned(f: Finding) -> list[tuple[int, int]]:
    """What a finding calls into question: its own span and the places it sets against it."""
    return [(f.start, max(f.end, f.start + 1)), *f.related_spans]


def _disputed(f: Finding, findings: list[Finding]) -> str | None:
    """Why f's fix must wait: another finding questions the text it replaces, a place it refers to, or a
    figure it was worked out from — which of them is wrong is then not certain. (Two findings that merely
    use the same figure do not dispute each other.)"""
    relied = [*_questioned(f), *f.basis]
    for other in findings:
        if other is f:
            continue
        if any(s < oe and os_ < e for s, e in relied for os_, oe in _questioned(other)):
            return f"{other.rule}（第 {other.line} 行）对同一处数字也提出了问题，无法确定哪一处有误"
    return None


_DIRECTION_WORD = re.compile(lexicon.CHANGE_WORD + "|" + lexicon.COMPARATIVE_WORD)
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _direction(word: str) -> int:
    """Which way a word points: a change (增加 1, 减少 −1) or a comparison (大于 1, 小于 −1); 0 for others."""
    if lexicon.direction(word):
        return lexicon.direction(word)
    compared = lexicon.comparative(word)
    return {"大于": 1, "小于": -1}.get(compared or "", 0)


def _turns_against_its_sentence(text: str, f: Finding) -> str | None:
    """Why a fix that turns a direction word must wait: the rest of its sentence still says the old direction
    ("…减少93,157.14元，主要原因：绩效奖金减少" — the figures or the reason may be the slip, not the word)."""
    old, new = _direction(text[f.start : f.end]), _direction(f.fix or "")
    if not old or not new or old == new:
        return None
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, f.start - 400), f.start)), default=max(0, f.start - 400))
    end_match = _SENTENCE_END.search(text, f.end, f.end + 400)
    end = end_match.start() if end_match else min(len(text), f.end + 400)
    for m in _DIRECTION_WORD.finditer(text, begin, end):
        if (m.start() >= f.end or m.end() <= f.start) and _direction(m.group()) == old:
            return f"同一句中“{m.group()}”仍是原来的方向，改为“{f.fix}”会使句子自相矛盾"
    return None


def _nothing_new(before: list[Finding], fixed: list[Finding], after: list[Finding]) -> bool:
    """Whether the check after fixing found only what was found before, less every finding fixed."""
    expected = Counter(fingerprint(f) for f in before)
    expected.subtract(fingerprint(f) for f in fixed)
    return not Counter(fingerprint(f) for f in after) - +expected


def fix_bytes(path: str, data: bytes, config: Config, keep_document: bool = False, unsafe: bool = False) -> FixOutcome:
    """Apply a text file's safe fixes (and, with unsafe, the suggestions that pass their checks); nothing is written here."""
    if Path(path).suffix.lower() not in TEXT_SUFFIXES:
        raise NotFixable("只修复文本类文件（txt、md、html）；docx、xlsx、pdf 不会被改写")
    try:
        original, _ = decode(data)
    except ReadError as exc:
        raise NotFixable(exc.message) from None
    bom, codec = _encoder(data, original)
    outcome = FixOutcome(path=path, original=original, fixed=original)
    _Fixer(path, bom, codec, config, keep_document, unsafe).run(outcome)
    return outcome


def fix_file(path: str, config: Config, write: bool, keep_document: bool = False, unsafe: bool = False) -> FixOutcome:
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
    outcome = fix_bytes(path, data, config, keep_document, unsafe)
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
