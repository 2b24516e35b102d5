"""Every finding on the corpus adjudicated false (bench/adjudication.jsonl) is a test that auditlint stays silent there.

While its fix is pending ("pending": true) the test is expected to fail, strictly: once
the false alarm is gone it fails loudly, and the entry's "pending" is to be removed so
that the silence is kept from then on. Skipped without the shared corpus.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from auditlint.api import check_path
from auditlint.model import Finding

from .conftest import CORPUS

ADJUDICATION = Path(__file__).resolve().parent.parent / "bench" / "adjudication.jsonl"


def _false_alarms() -> list:
    cases = []
    for raw in ADJUDICATION.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        item = json.loads(raw)
        if item["verdict"] is not False:
            continue
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=f"fix pending: {item['reason']}")] if item.get("pending") else []
        cases.append(pytest.param(item["doc"], item["line"], item["rule"], marks=marks, id=f"{item['doc']}:{item['line']}:{item['rule']}"))
    return cases


@cache
def _findings(doc: str) -> tuple[Finding, ...]:
    [path] = [p for p in (CORPUS / "real" / doc, CORPUS / "seeds" / doc) if p.is_file()]
    result = check_path(path)
    assert result.error is None, result.error
    return tuple(result.findings)


@pytest.mark.parametrize("doc, line, rule", _false_alarms())
def test_a_false_alarm_stays_silent(corpus, doc, line, rule):
    there = [f for f in _findings(doc) if f.rule == rule and f.line <= line <= f.end_line]
    assert there == [], f"{rule} at {doc}:{line} was adjudicated a false alarm: {there[0].message}"

