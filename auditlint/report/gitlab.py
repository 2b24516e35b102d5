"""GitLab Code Quality report: a JSON array of issues, as a merge request's code quality widget reads it.

Each finding is one issue (description, check_name, fingerprint, severity, location);
a file that could not be checked is one too, so the widget does not show it as clean.
Fingerprints are auditlint's own (by meaning, not by line: they stay the same when
paragraphs are added above), made unique within the report as GitLab requires.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from ..fingerprint import fingerprint
from ..model import FileResult, Finding
from . import Reporter, ReportOptions, page_label, shown_path

# GitLab's severities: info, minor, major, critical, blocker
_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _unique(key: str, seen: Counter[str]) -> str:
    seen[key] += 1
    return hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()[:32]


class GitlabReporter(Reporter):
    """Issues written as files come in (memory stays flat), closed into one JSON array at the end."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.issues = 0
        self.seen: Counter[str] = Counter()

    def _issue(self, record: dict) -> None:
        self.out.write(("[\n  " if self.issues == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        self.issues += 1

    def file(self, result: FileResult) -> None:
        super().file(result)
        if result.error:
            self._issue(
                {
                    "description": f"无法检查：{result.error}",
                    "check_name": f"auditlint:{result.error_code or 'unreadable'}",
                    "fingerprint": _unique(f"{shown_path(result.path)}\x1f{result.error_code}", self.seen),
                    "severity": "critical",
                    "location": {"path": shown_path(result.path), "lines": {"begin": 1}},
                }
            )
        for f in result.findings:
            self._finding(f)

    def cross(self, outcome) -> None:
        """The findings between reports: each an issue of the report it sits in (its message names the other)."""
        super().cross(outcome)
        for f in outcome.findings:
            self._finding(f)

    def _finding(self, f: Finding) -> None:
        where = page_label(f)
        self._issue(
            {
                "description": f"{where}：{f.message}" if where else f.message,
                "check_name": f.rule,
                "fingerprint": _unique(f"{shown_path(f.path)}\x1f{fingerprint(f)}", self.seen),
                "severity": _SEVERITY[f.severity.value],
                "location": {"path": shown_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
            }
        )

    def finish(self) -> None:
        self.out.write("[]\n" if self.issues == 0 else "\n]\n")
