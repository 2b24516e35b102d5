"""JSON report: the stable contract scripts, the score tool and integrations read."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import TextIO

from ..model import FileResult

VERSION = 1


def file_record(result: FileResult) -> dict:
    return {
        "path": result.path,
        "error": result.error,
        "error_code": result.error_code,
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "claims": {k: v.model_dump() for k, v in sorted(result.claims.items())},
        "internal_errors": [e.model_dump(mode="json") for e in result.internal_errors],
    }


def render(results: Iterable[FileResult]) -> str:
    out = io.StringIO()
    write(results, out)
    return out.getvalue()


def _dump(value, indent: str) -> str:
    """json.dumps(value, indent=2), as it reads nested at this indentation."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def write(results: Iterable[FileResult], out: TextIO):
    """Write the report as results arrive, each file's record as soon as it is done, and return the
    run's Tally. The text is exactly json.dumps({"version", "files", "summary"}, indent=2)."""
    from ..runner import Tally

    tally = Tally()
    out.write(f'{{\n  "version": {VERSION},\n  "files": [')
    for result in results:
        out.write(("\n" if tally.files == 0 else ",\n") + "    " + _dump(file_record(result), "    "))
        tally.add(result)
    out.write("\n  ]" if tally.files else "]")
    out.write(',\n  "summary": ' + _dump(tally.summary(), "  ") + "\n}\n")
    return tally
