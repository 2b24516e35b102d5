"""Inline suppression: `<!-- auditlint: ignore RULE -->` comments in a report's own text.

    <!-- auditlint: ignore CHG001 -->           the next line with text (or this line,
                                                when the comment follows text on it)
    <!-- auditlint: ignore CHG001 已与财务核实 -->  codes, then an optional reason
    <!-- auditlint: ignore -->                  every rule, on that line
    <!-- auditlint: ignore-file UNIT002 -->     that rule in the whole file
    <!-- auditlint: ignore-file -->             every rule in the whole file

Codes may be rule ids or family prefixes (CHG). An HTML comment is invisible in
html and markdown when rendered, and harmless in a plain-text draft.

Applying the comments also records what each one silenced (SuppressionUse): the
SUP rules report a code that names no rule, and a comment (or a code of one) that
silenced nothing, as ruff reports an unused noqa.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .model import Document, Finding

_COMMENT = re.compile(r"<!--\s*auditlint\s*:\s*(ignore-file|ignore)\b(.*?)-->", re.S | re.I)
_CODE = re.compile(r"^[A-Za-z]{2,6}\d{0,3}$")
_TOKEN = re.compile(r"[^\s,，、]+")
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Suppression:
    """Rules silenced on one line (line None: the whole file); no codes means every rule.

    start, end: the comment in the text; spans: where each code is written."""

    line: int | None
    codes: tuple[str, ...]
    start: int = 0
    end: int = 0
    spans: tuple[tuple[int, int], ...] = ()

    def matching(self, finding: Finding) -> list[str]:
        """The codes of this comment that silence finding ("" for a comment without codes); [] if none does."""
        if self.line is not None and not finding.line <= self.line <= finding.end_line:
            return []
        if not self.codes:
            return [""]
        return [code for code in self.codes if finding.rule.startswith(code)]


def _codes(body: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The leading rule codes of a comment's body and where they are; whatever follows them is the reason."""
    codes, spans = [], []
    for m in _TOKEN.finditer(body):
        if not _CODE.match(m.group()):
            break
        codes.append(m.group().upper())
        spans.append((offset + m.start(), offset + m.end()))
    return tuple(codes), tuple(spans)


def find_suppressions(document: Document) -> list[Suppression]:
    text = document.text
    if "auditlint" not in text:
        return []
    found = []
    for m in _COMMENT.finditer(text):
        codes, spans = _codes(m.group(2), m.start(2))
        if m.group(1).lower() == "ignore-file":
            line: int | None = None
        else:
            at, column = document.position(m.start())
            if document.line_text(at)[: column - 1].strip():
                line = at  # a trailing comment: its own line
            else:
                line = _next_line_with_text(document, document.position(m.end() - 1)[0])
        found.append(Suppression(line, codes, m.start(), m.end(), spans))
    return found


def _next_line_with_text(document: Document, line: int) -> int:
    """The first line after `line` that says something (not blank, not only comments)."""
    total = len(document.line_starts)
    for n in range(line + 1, total + 1):
        if _ANY_COMMENT.sub("", document.line_text(n)).strip():
            return n
    return line + 1


@dataclass
class SuppressionUse:
    """The comments of a file, what each silenced, and which rules there were to silence."""

    suppressions: list[Suppression] = field(default_factory=list)
    used: list[set[str]] = field(default_factory=list)  # per comment: its codes that silenced a finding ("" if no codes)
    ran: frozenset[str] = frozenset()  # the rules that checked this file
    known: frozenset[str] = frozenset()  # every rule loaded
    between: frozenset[str] = frozenset()  # rules between reports (XDOC): they never check a file on its own

    def names_a_rule(self, code: str) -> bool:
        return any(rule_id.startswith(code) for rule_id in self.known)

    def all_ran(self, code: str) -> bool:
        """Whether every rule a code (or "" for every rule) covers checked this file: only then is silence news.
        A code naming a rule between reports is never news here (the step between reports reads the comment);
        a comment without codes is judged by the rules of the file alone."""
        if code and any(rule_id.startswith(code) for rule_id in self.between):
            return False
        return all(rule_id in self.ran for rule_id in self.known - self.between if rule_id.startswith(code))


def apply_suppressions(
    document: Document,
    findings: list[Finding],
    ran: Collection[str] = (),
    known: Collection[str] = (),
    between: Collection[str] = (),
) -> tuple[list[Finding], int, SuppressionUse]:
    """The findings no comment silences, how many were silenced, and what each comment silenced."""
    use = SuppressionUse(find_suppressions(document), ran=frozenset(ran), known=frozenset(known), between=frozenset(between))
    use.used = [set() for _ in use.suppressions]
    if not use.suppressions:
        return findings, 0, use
    kept = []
    for f in findings:
        silenced = False
        for i, s in enumerate(use.suppressions):
            codes = s.matching(f)
            use.used[i].update(codes)
            silenced = silenced or bool(codes)
        if not silenced:
            kept.append(f)
    return kept, len(findings) - len(kept), use
