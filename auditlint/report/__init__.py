"""Reporters: turn file results into text for people or JSON for programs."""

from __future__ import annotations

from collections import Counter

from ..model import ClaimCount, FileResult, Severity, TableCount

FORMATS = ("text", "json")


def summarize(results: list[FileResult]) -> dict:
    """Counts over a run: files, findings by severity and rule, claims found/checked/not assessable."""
    by_severity: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    claims = ClaimCount()
    tables = TableCount()
    for r in results:
        tables.tables += r.tables.tables
        tables.rows += r.tables.rows
        tables.figures += r.tables.figures
        for f in r.findings:
            by_severity[f.severity.value] += 1
            by_rule[f.rule] += 1
        for c in r.claims.values():
            claims.found += c.found
            claims.checked += c.checked
            claims.not_assessable += c.not_assessable
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.findings),
        "unreadable": sum(1 for r in results if r.error),
        "internal_errors": sum(len(r.internal_errors) for r in results),
        "findings": sum(by_severity.values()),
        "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
        "by_rule": dict(sorted(by_rule.items())),
        "claims": claims.model_dump(),
        "tables": tables.model_dump(),
    }
