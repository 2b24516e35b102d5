"""Reporters: turn file results into text for people or formats for programs, chosen by name.

Every reporter receives results one file at a time, in the order the run
produces them (deterministic), then, for a run that holds its reports against
each other, the findings between reports (`cross()`), then `finish()`. Streaming
formats (text, concise, jsonl) write as they go; whole-run formats (json, sarif,
github, html) keep what they need and write at the end.
"""

from __future__ import annotations

import heapq
import importlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from ..crossdoc import CrossOutcome
    from ..engine import Rule
    from ..model import FileResult, Finding

# The model (pydantic) is imported where it is used: the command line reads FORMATS at start-up,
# and `auditlint --version` should not pay for pydantic.

#: format name -> module and class (imported only when chosen: a text run does not pay for html)
_REGISTRY: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "concise": ("text", "ConciseReporter"),
    "json": ("json", "JsonReporter"),
    "jsonl": ("json", "JsonLinesReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "html": ("html", "HtmlReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
    "junit": ("junit", "JunitReporter"),
}
FORMATS = tuple(_REGISTRY)

#: A severity as a report writes it in words, so a saved or mailed report keeps it without colour.
SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}


_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of the name that is not UTF-8, as the file system decoding keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown_path(path: str) -> str:
    """A file name as every report shows it: bytes that are not UTF-8 and control characters escaped
    (bad\\xff\\nname.txt), so that the report stays valid UTF-8 and a name is always one line."""
    return _UNSHOWABLE.sub(_escape, path) if _UNSHOWABLE.search(path) else path


@dataclass
class ReportOptions:
    """What the command line asked of the report."""

    show_source: bool = True
    quiet: bool = False
    statistics: bool = False
    #: the rules of the run (id -> Rule): names, summaries and docs for sarif and html
    rules: Mapping[str, Rule] = field(default_factory=dict)
    #: text and concise: colour on a terminal only ("auto", honouring NO_COLOR), "always" or "never"
    color: str = "auto"
    #: the run's settings as (label, value) lines (the HTML report's header shows them)
    settings: list[tuple[str, str]] = field(default_factory=list)


class Summary:
    """Counts over a run, added to one file at a time."""

    SLOWEST = 5

    def __init__(self, results: Iterable[FileResult] = ()) -> None:
        self.files = 0
        self.files_with_findings = 0
        self.unreadable = 0
        self.unreadable_by_code: Counter[str] = Counter()
        self._slowest: list[tuple[float, str, bool]] = []  # a heap of the SLOWEST longest checks (and if stopped)
        self.internal_errors = 0
        self.suppressed = 0
        self.baselined = 0
        self.by_severity: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()
        from ..model import ClaimCount, TableCount

        self.claims = ClaimCount()
        self.tables = TableCount()
        self.cross: dict | None = None  # what the step between reports compared, when it ran
        self._with_findings: set[str] = set()  # (for the files a finding between reports adds)
        for r in results:
            self.add(r)

    def add(self, r: FileResult) -> None:
        self.files += 1
        self.files_with_findings += bool(r.findings)
        if r.findings:
            self._with_findings.add(r.path)
        self.unreadable += bool(r.error)
        if r.error:
            self.unreadable_by_code[r.error_code or "unreadable"] += 1
        if len(self._slowest) < self.SLOWEST:
            heapq.heappush(self._slowest, (r.seconds, r.path, r.timed_out))
        else:
            heapq.heappushpop(self._slowest, (r.seconds, r.path, r.timed_out))
        self.internal_errors += len(r.internal_errors)
        self.suppressed += r.suppressed
        self.baselined += r.baselined
        for f in r.findings:
            self.by_severity[f.severity.value] += 1
            self.by_rule[f.rule] += 1
        for c in r.claims.values():
            self.claims.found += c.found
            self.claims.checked += c.checked
            self.claims.not_assessable += c.not_assessable
        self.tables.tables += r.tables.tables
        self.tables.rows += r.tables.rows
        self.tables.figures += r.tables.figures

    def add_cross(self, outcome: CrossOutcome) -> None:
        """The findings between reports, and what the step compared."""
        for f in outcome.findings:
            self.by_severity[f.severity.value] += 1
            self.by_rule[f.rule] += 1
            if f.path not in self._with_findings:
                self._with_findings.add(f.path)
                self.files_with_findings += 1
        self.suppressed += outcome.suppressed
        self.cross = {**outcome.as_dict(), "findings": len(outcome.findings)}

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    @property
    def slowest(self) -> list[tuple[float, str, bool]]:
        """(seconds, path, whether it was stopped at its time limit) of the longest checks, longest first."""
        return sorted(self._slowest, reverse=True)

    def as_dict(self) -> dict:
        from ..model import Severity

        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "unreadable": self.unreadable,
            "internal_errors": self.internal_errors,
            "findings": self.findings,
            "by_severity": {s.value: self.by_severity.get(s.value, 0) for s in Severity},
            "by_rule": dict(sorted(self.by_rule.items())),
            "claims": self.claims.model_dump(),
            "tables": self.tables.model_dump(),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
            **({"cross": self.cross} if self.cross is not None else {}),
        }


def nothing_found(s: Summary) -> str:
    """What a run without findings may say: "no problems" only of the files that were read and fully checked."""
    checked = s.files - s.unreadable
    if checked == 0:
        return "没有检查任何文件"
    if s.unreadable or s.internal_errors:
        return f"已检查的 {checked} 个文件中未发现问题"
    return f"未发现问题（共 {s.files} 个文件）"


def page_label(f: Finding) -> str:
    """Where a finding is in a paged document (a PDF) as its reader finds it: 第 3 页第 12 行; "" for text."""
    if f.page is None:
        return ""
    return f"第 {f.page} 页第 {f.page_line} 行" if f.page_line else f"第 {f.page} 页"


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; within a severity, in the order given (files in run order, then position)."""
    return sorted(findings, key=lambda f: -f.severity.rank)


class Reporter:
    """One output format. Subclasses override file() and finish()."""

    #: whether results must carry the Document read (for formats that show the text)
    needs_document: ClassVar[bool] = False

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.options = options
        self.summary = Summary()

    def file(self, result: FileResult) -> None:
        self.summary.add(result)

    def cross(self, outcome: CrossOutcome) -> None:
        """The findings between reports (each at one report's figure, the other report's as its related
        place), once every file is in; called before finish(), only by a run that compared reports."""
        self.summary.add_cross(outcome)

    def finish(self) -> None:
        """Write whatever the format writes once every file is in."""


def reporter_class(name: str) -> type[Reporter]:
    module_name, class_name = _REGISTRY[name]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, class_name)


def make_reporter(name: str, out: TextIO, options: ReportOptions) -> Reporter:
    return reporter_class(name)(out, options)


def render(
    name: str, results: Iterable[FileResult], options: ReportOptions | None = None, cross: CrossOutcome | None = None
) -> str:
    """A whole report as a string (for the API and tests; the CLI streams to its output)."""
    out = io.StringIO()
    reporter = make_reporter(name, out, options or ReportOptions())
    for result in results:
        reporter.file(result)
    if cross is not None:
        reporter.cross(cross)
    reporter.finish()
    return out.getvalue()
