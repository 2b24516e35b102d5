"""JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure Pipelines …).

One <testsuite> per file; each finding is a failing <testcase> (named by its rule and
place, its message and location in the <failure>); a file without findings is one
passing test case; a file that could not be checked is an <error>.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax import saxutils

from ..model import FileResult, Finding
from . import SEVERITY_WORDS, Reporter, ReportOptions, page_label, shown_path

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an element: XML 1.0 cannot hold control characters at all, so they become U+FFFD."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text))


def _case(f: Finding) -> str:
    """A failing test case: the finding's rule and place, its message and location (and any place in
    another report it is held against) in the failure."""
    path = quoteattr(shown_path(f.path))
    place = page_label(f) or f"第 {f.line} 行"
    text = f"{shown_path(f.path)}:{f.line}:{f.column}: {SEVERITY_WORDS[f.severity.value]} {f.rule} {f.message}"
    for r in f.related:
        if r.path is not None:
            text += f"\n  = 对照 {shown_path(r.path)}:{r.line}:{r.column}: {r.message}"
    return (
        f"    <testcase name={quoteattr(f'{f.rule} {place}')} classname={path} file={path} line=\"{f.line}\">\n"
        f"      <failure type={quoteattr(f.severity.value)} message={quoteattr(f.message)}>{escape(text)}</failure>\n"
        "    </testcase>\n"
    )


class JunitReporter(Reporter):
    """Each file's suite is kept as text until the end: the root element carries the run's totals."""

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.suites: list[str] = []
        self.tests = self.failures = self.errors = 0

    def file(self, result: FileResult) -> None:
        super().file(result)
        path = quoteattr(shown_path(result.path))
        cases = []
        if result.error:
            cases.append(
                f"    <testcase name=\"auditlint\" classname={path} file={path}>\n"
                f"      <error type={quoteattr(result.error_code or 'unreadable')} message={quoteattr(result.error)}>"
                f"{escape(result.error)}</error>\n    </testcase>\n"
            )
        cases += [_case(f) for f in result.findings]
        if not cases:
            cases.append(f"    <testcase name=\"auditlint\" classname={path} file={path}/>\n")
        self._suite(path, cases, len(result.findings), int(bool(result.error)))

    def cross(self, outcome) -> None:
        """The findings between reports: one more suite, a failing case per finding, in the file it sits in
        (the other report's place in its text)."""
        super().cross(outcome)
        if outcome.findings:
            self._suite(quoteattr("跨报告核对"), [_case(f) for f in outcome.findings], len(outcome.findings), 0)

    def _suite(self, name: str, cases: list[str], failures: int, errors: int) -> None:
        self.tests += len(cases)
        self.failures += failures
        self.errors += errors
        self.suites.append(
            f"  <testsuite name={name} tests=\"{len(cases)}\" failures=\"{failures}\" errors=\"{errors}\">\n"
            + "".join(cases)
            + "  </testsuite>\n"
        )

    def finish(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(
            f'<testsuites name="auditlint" tests="{self.tests}" failures="{self.failures}" errors="{self.errors}">\n'
        )
        self.out.write("".join(self.suites))
        self.out.write("</testsuites>\n")
