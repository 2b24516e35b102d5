"""Inline suppression: `<!-- auditlint: ignore RULE -->` comments in a report's own text.

    <!-- auditlint: ignore CHG001 -->           the next line with text (or this line,
                                                when the comment follows text on it)
    <!-- auditlint: ignore CHG001 已与财务核实 -->  codes, then an optional reason
    <!-- auditlint: ignore -->                  every rule, on that line
    <!-- auditlint: ignore-file UNIT002 -->     that rule in the whole file
    <!-- auditlint: ignore-file -->             every rule in the whole file

Codes may be rule ids or family prefixes (CHG). An HTML comment is invisible in
html and markdown when rendered, and harmless in a plain-text draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, Finding

_COMMENT = re.compile(r"<!--\s*auditlint\s*:\s*(ignore-file|ignore)\b(.*?)-->", re.S | re.I)
_CODE = re.compile(r"^[A-Za-z]{2,6}\d{0,3}$")
_ANY_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Suppression:
    """Rules silenced on one line (line None: the whole file); no codes means every rule."""

    line: int | None
    codes: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        if self.line is not None and not finding.line <= self.line <= finding.end_line:
            return False
        return not self.codes or any(finding.rule.startswith(code) for code in self.codes)


def _codes(body: str) -> tuple[str, ...]:
    """The leading rule codes of a comment's body; whatever follows them is the reviewer's reason."""
    codes = []
    for token in re.split(r"[\s,，、]+", body.strip()):
        if not token:
            continue
        if not _CODE.match(token):
            break
        codes.append(token.upper())
    return tuple(codes)


def find_suppressions(document: Document) -> list[Suppression]:
    text = document.text
    if "auditlint" not in text:
        return []
    found = []
    for m in _COMMENT.finditer(text):
        codes = _codes(m.group(2))
        if m.group(1).lower() == "ignore-file":
            found.append(Suppression(None, codes))
            continue
        line, column = document.position(m.start())
        if document.line_text(line)[: column - 1].strip():
            found.append(Suppression(line, codes))  # a trailing comment: its own line
        else:
            last, _ = document.position(m.end() - 1)
            found.append(Suppression(_next_line_with_text(document, last), codes))
    return found


def _next_line_with_text(document: Document, line: int) -> int:
    """The first line after `line` that says something (not blank, not only comments)."""
    total = len(document.line_starts)
    for n in range(line + 1, total + 1):
        if _ANY_COMMENT.sub("", document.line_text(n)).strip():
            return n
    return line + 1


def apply_suppressions(document: Document, findings: list[Finding]) -> tuple[list[Finding], int]:
    """The findings no comment silences, and how many were silenced."""
    rules = find_suppressions(document)
    if not rules:
        return findings, 0
    kept = [f for f in findings if not any(s.covers(f) for s in rules)]
    return kept, len(findings) - len(kept)
