"""GitLab Code Quality and JUnit XML reports: the shapes the CI systems read, every finding, unreadable files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from auditlint.api import check_bytes
from auditlint.model import FileResult, Finding, Severity
from auditlint.report import ReportOptions, render

DRAFT = (
    "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"  # CHG001 (error)
    "另获专项资金扶持共计 5 万。\n"  # UNIT002 (warning)
    "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"  # the same finding again
)
UNREADABLE = FileResult(path="old.doc", error="旧版 Word（.doc）格式不受支持", error_code="unsupported-format")
CLEAN = FileResult(path="clean.txt")


def _results():
    return [check_bytes("draft.txt", DRAFT.encode()), UNREADABLE, CLEAN]


def test_gitlab_code_quality_issues():
    issues = json.loads(render("gitlab", _results(), ReportOptions()))
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("CHG001", "major", 1),
        ("UNIT002", "minor", 2),
        ("CHG001", "major", 3),
        ("auditlint:unsupported-format", "critical", 1),
    ]
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert issues[0]["location"]["path"] == "draft.txt" and "下降93.4%" in issues[0]["description"]
    assert len({i["fingerprint"] for i in issues}) == 4  # unique, even for the finding stated twice


def test_gitlab_fingerprints_do_not_move_with_lines():
    before = json.loads(render("gitlab", [check_bytes("draft.txt", DRAFT.encode())], ReportOptions()))
    after = json.loads(render("gitlab", [check_bytes("draft.txt", ("前言。\n\n" + DRAFT).encode())], ReportOptions()))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_gitlab_of_nothing_is_an_empty_array():
    assert json.loads(render("gitlab", [CLEAN], ReportOptions())) == []


def test_junit_one_suite_per_file_a_failure_per_finding_an_error_per_unreadable_file():
    root = ET.fromstring(render("junit", _results(), ReportOptions()))
    assert root.tag == "testsuites" and (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "1")
    suites = {s.get("name"): s for s in root}
    assert list(suites) == ["draft.txt", "old.doc", "clean.txt"]
    cases = suites["draft.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["CHG001 第 1 行", "UNIT002 第 2 行", "CHG001 第 3 行"]
    failure = cases[0].find("failure")
    assert failure.get("type") == "error" and failure.text.startswith("draft.txt:1:29: 错误 CHG001 下降93.4%")
    assert suites["old.doc"].find("testcase/error").get("type") == "unsupported-format"
    (passing,) = suites["clean.txt"].findall("testcase")
    assert list(passing) == []


def test_junit_is_well_formed_whatever_a_message_holds():
    odd = Finding(
        rule="DOC004", severity=Severity.WARNING, message='模板 <占位符> & "引号" \x07 控制字符', path='a&"b".txt',
        line=1, column=1, end_line=1, end_column=2, page=3, page_line=4,
    )
    root = ET.fromstring(render("junit", [FileResult(path='a&"b".txt', findings=[odd])], ReportOptions()))
    case = root.find("testsuite/testcase")
    assert case.get("name") == "DOC004 第 3 页第 4 行" and case.get("classname") == 'a&"b".txt'
    assert case.find("failure").get("message") == '模板 <占位符> & "引号" \ufffd 控制字符'
