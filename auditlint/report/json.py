"""JSON reports: the stable contract scripts, the score tool and integrations read, and its streaming form.

json:  one object {"version": 1, "files": [...], "summary": {...}} (DESIGN.md).
jsonl: one object per line, written as files are checked: {"type": "finding", …the
       finding…}, {"type": "error", "path", "error", "error_code"} for a file that
       could not be read, {"type": "internal-error", "path", "rule", "message"}, and
       a closing {"type": "summary", …}.

Each file's record carries its identity (whose report, which year, what kind). A run
that holds its reports against each other adds, after the files, "cross": the findings
between reports (each with the other report's place under "related", with its "path")
and what could be compared; jsonl writes those findings as "finding" lines before the
summary.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..model import FileResult, Finding
from . import Reporter, shown_path

if TYPE_CHECKING:
    from ..crossdoc import CrossOutcome

VERSION = 1


def finding_record(f: Finding) -> dict:
    record = f.model_dump(mode="json")
    record["path"] = shown_path(f.path)
    return record


def file_record(result: FileResult) -> dict:
    return {
        "path": shown_path(result.path),
        "error": result.error,
        "error_code": result.error_code,
        "findings": [finding_record(f) for f in result.findings],
        "claims": {k: v.model_dump() for k, v in sorted(result.claims.items())},
        "internal_errors": [e.model_dump(mode="json") for e in result.internal_errors],
        "tables": result.tables.model_dump(),
        "identity": identity_record(result),
    }


def identity_record(result: FileResult) -> dict | None:
    """Whose report, which year, what kind; "problem" says what could not be read (None: the file was not read)."""
    i = result.identity
    if i is None:
        return None
    return {
        "entity": i.entity or None,
        "region": list(i.region),
        "body": i.body or None,
        "level": i.level or None,
        "kind": i.kind or None,
        "year": i.year,
        "subject": i.subject or None,
        "problem": i.problem or None,
    }


def _dump(value, indent: str) -> str:
    """json.dumps(value, indent=2), as it reads nested at this indentation."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


class JsonReporter(Reporter):
    """Each file's record written as soon as it is in (memory stays flat over an archive); the text is
    exactly json.dumps({"version", "files", ["cross",] "summary"}, indent=2)."""

    _cross: CrossOutcome | None = None

    def cross(self, outcome: CrossOutcome) -> None:
        super().cross(outcome)
        self._cross = outcome

    def file(self, result: FileResult) -> None:
        head = f'{{\n  "version": {VERSION},\n  "files": [\n' if self.summary.files == 0 else ",\n"
        super().file(result)
        self.out.write(head + "    " + _dump(file_record(result), "    "))

    def finish(self) -> None:
        if self.summary.files == 0:
            self.out.write(f'{{\n  "version": {VERSION},\n  "files": []')
        else:
            self.out.write("\n  ]")
        if self._cross is not None:
            record = {"findings": [f.model_dump(mode="json") for f in self._cross.findings], **self._cross.as_dict()}
            self.out.write(',\n  "cross": ' + _dump(record, "  "))
        self.out.write(',\n  "summary": ' + _dump(self.summary.as_dict(), "  ") + "\n}\n")


class JsonLinesReporter(Reporter):
    def _line(self, record: dict) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def file(self, result: FileResult) -> None:
        super().file(result)
        if result.error:
            self._line({"type": "error", "path": shown_path(result.path), "error": result.error, "error_code": result.error_code})
        for f in result.findings:
            self._line({"type": "finding", **finding_record(f)})
        for e in result.internal_errors:
            self._line({"type": "internal-error", "path": shown_path(result.path), **e.model_dump(mode="json")})
        self.out.flush()

    def cross(self, outcome: CrossOutcome) -> None:
        super().cross(outcome)
        for f in outcome.findings:
            self._line({"type": "finding", **f.model_dump(mode="json")})

    def finish(self) -> None:
        self._line({"type": "summary", "version": VERSION, **self.summary.as_dict()})
