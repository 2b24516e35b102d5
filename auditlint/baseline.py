"""Baseline: the findings a team has accepted, so that a run reports only new ones.

`auditlint check --write-baseline FILE` records every current finding as its
path (relative to the baseline's folder), rule and fingerprint (by meaning, see
fingerprint.py), with its message for the reader; `--baseline FILE` then leaves
out as many findings of each (path, fingerprint) as were recorded. Inserting
lines elsewhere in a report changes no fingerprint; changing a figure that a
finding is about does, and the finding comes back as new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .files import replace_file
from .fingerprint import fingerprint
from .model import FileResult
from .report import shown_path

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a baseline."""


def _key_path(path: str, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    return shown_path(relative)  # a name that is not UTF-8 is kept escaped, as the reports show it


def write_baseline(target: Path, results: Iterable[FileResult]) -> int:
    """Record the findings of results in target; returns how many were written."""
    root = Path(os.path.abspath(target)).parent
    entries = [
        {"path": _key_path(f.path, root), "rule": f.rule, "fingerprint": fingerprint(f), "message": f.message}
        for r in results
        for f in r.findings
    ]
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    doc = {"version": VERSION, "tool": f"auditlint {__version__}", "findings": entries}
    # whole or not at all: a full disk must not leave half a baseline in place of the old one
    replace_file(target, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return len(entries)


class Baseline:
    """Accepted findings, counted per (path, fingerprint)."""

    def __init__(self, path: Path) -> None:
        self.root = Path(os.path.abspath(path)).parent
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"基线文件不存在：{path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"无法读取基线文件 {path}：{exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"基线文件 {path} 不是有效的 JSON：{exc}") from None
        if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
            raise BaselineError(f"{path} 不是 auditlint 基线文件（应由 --write-baseline 生成）")
        try:
            self.accepted = Counter((e["path"], e["fingerprint"]) for e in doc["findings"])
        except (TypeError, KeyError):
            raise BaselineError(f"基线文件 {path} 的条目缺少 path 或 fingerprint") from None

    def filter(self, result: FileResult) -> FileResult:
        """The result without the findings the baseline accepts (each accepted entry absorbs one finding)."""
        if not result.findings:
            return result
        path = _key_path(result.path, self.root)
        kept = []
        for f in result.findings:
            key = (path, fingerprint(f))
            if self.accepted[key] > 0:
                self.accepted[key] -= 1
            else:
                kept.append(f)
        if len(kept) == len(result.findings):
            return result
        return result.model_copy(update={"findings": kept, "baselined": len(result.findings) - len(kept)})
