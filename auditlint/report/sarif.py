"""SARIF 2.1.0 report, as GitHub code scanning and other SARIF viewers load it.

One run: the rules of the run in tool.driver.rules; one result per finding,
most severe first, each with its location (columns count Unicode code points,
end column exclusive, as auditlint's own), a partialFingerprints entry by
meaning (see fingerprint.py), the other side of a comparison in
relatedLocations, and its certain fix as a replacement. Files that could not be
read are tool execution notifications.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..fingerprint import fingerprint
from ..model import FileResult, Finding, Related, Severity
from . import Reporter, ReportOptions, by_severity

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "auditlintFingerprint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A URI for a checked path: relative to the working directory (%SRCROOT%) when inside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute.as_uri(), None
    # a name's bytes that are not UTF-8 (kept by the file system decoding as surrogates) are percent-encoded as themselves
    return quote(relative.as_posix(), errors="surrogateescape"), "%SRCROOT%"


def _region(line: int, column: int, end_line: int, end_column: int, snippet: str | None = None) -> dict:
    region: dict = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _full_description(rule, details: str) -> str:
    """What the rule checks, in one paragraph: in Chinese where the rule says it (检查：), else its first paragraph."""
    from ..engine import as_paragraph

    checks = rule.explanation("zh")["checks"]
    return f"检查：{as_paragraph(checks)}" if checks else details.split("\n\n", 1)[0].replace("\n", " ")


def _rule_descriptor(rule) -> dict:
    doc = rule.doc.split("\n", 1)
    details = doc[1].strip() if len(doc) > 1 else rule.summary
    markdown = re.sub(r"^(\s*)(Bad|Good):\s*(.+)$", r"\1**\2:** `\3`", details, flags=re.M)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _full_description(rule, details)},
        "help": {"text": f"{rule.summary}\n\n{details}", "markdown": f"**{rule.summary}**\n\n{markdown}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "tags": ["auditlint", rule.family],
            "precision": "high",
            "problem.severity": _PROBLEM_SEVERITY[rule.severity],
        },
    }


class SarifReporter(Reporter):
    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.findings: list[Finding] = []
        self.notifications: list[dict] = []

    def file(self, result: FileResult) -> None:
        super().file(result)
        self.findings.extend(result.findings)
        if result.error:
            self.notifications.append(self._notification("error", f"无法检查：{result.error}", result.path))
        for err in result.internal_errors:
            self.notifications.append(self._notification("error", err.message, result.path))

    def _notification(self, level: str, text: str, path: str) -> dict:
        uri, base = artifact_uri(path)
        location = {"uri": uri, **({"uriBaseId": base} if base else {})}
        return {"level": level, "message": {"text": text}, "locations": [{"physicalLocation": {"artifactLocation": location}}]}

    def finish(self) -> None:
        rules = dict(self.options.rules)
        for f in self.findings:  # a finding of a rule not in the catalogue (a pack loaded elsewhere) still gets an entry
            if f.rule not in rules:
                rules[f.rule] = None
        index = {rule_id: i for i, rule_id in enumerate(sorted(rules))}
        descriptors = [
            _rule_descriptor(rules[rule_id]) if rules[rule_id] is not None else {"id": rule_id}
            for rule_id in sorted(rules)
        ]
        results = [self._result(f, index[f.rule]) for f in by_severity(self.findings)]
        run: dict = {
            "tool": {
                "driver": {
                    "name": "auditlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": descriptors,
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not self.notifications,
                    "toolExecutionNotifications": self.notifications,
                }
            ],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")

    def cross(self, outcome) -> None:
        super().cross(outcome)
        self.findings.extend(outcome.findings)

    def _location(self, f: Finding, where: Finding | Related, snippet: str) -> dict:
        uri, base = artifact_uri(getattr(where, "path", None) or f.path)  # a related place may be in another file
        artifact = {"uri": uri, **({"uriBaseId": base} if base else {})}
        region = _region(where.line, where.column, where.end_line, where.end_column, snippet)
        if where.box is not None and where.page is not None:
            # where it is on the PDF page: points in the page's user space, y up, [x0, y0, x1, y1]
            region["properties"] = {"pdfPage": where.page, "pdfBox": where.box}
        physical = {"artifactLocation": artifact, "region": region}
        return {"physicalLocation": physical}

    def _result(self, f: Finding, rule_index: int) -> dict:
        result: dict = {
            "ruleId": f.rule,
            "ruleIndex": rule_index,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [self._location(f, f, f.evidence)],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        }
        if f.related:
            result["relatedLocations"] = [
                {"id": i, **self._location(f, r, r.evidence), "message": {"text": r.message or "相关位置"}}
                for i, r in enumerate(f.related, start=1)
            ]
        if f.fix is not None:
            uri, base = artifact_uri(f.path)
            result["fixes"] = [
                {
                    "description": {"text": f"改为“{f.fix}”"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri, **({"uriBaseId": base} if base else {})},
                            "replacements": [
                                {
                                    "deletedRegion": _region(f.line, f.column, f.end_line, f.end_column),
                                    "insertedContent": {"text": f.fix},
                                }
                            ],
                        }
                    ],
                }
            ]
        properties = {k: v for k, v in (("page", f.page), ("expected", f.expected), ("actual", f.actual)) if v is not None}
        if properties:
            result["properties"] = properties
        return result
