"""JSON report: the stable contract scripts, the score tool and integrations read."""

from __future__ import annotations

import json

from ..model import FileResult
from . import summarize

VERSION = 1


def file_record(result: FileResult) -> dict:
    return {
        "path": result.path,
        "error": result.error,
        "error_code": result.error_code,
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "claims": {k: v.model_dump() for k, v in sorted(result.claims.items())},
        "internal_errors": [e.model_dump(mode="json") for e in result.internal_errors],
        "tables": result.tables.model_dump(),
    }


def render(results: list[FileResult]) -> str:
    doc = {"version": VERSION, "files": [file_record(r) for r in results], "summary": summarize(results)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
