"""Baseline: the findings a team has accepted, so that a run reports only new ones.

`auditlint check --write-baseline FILE` records every current finding as its
path (relative to the baseline's folder), rule and fingerprint (by meaning, see
fingerprint.py), with its message for the reader; `--baseline FILE` then leaves
out as many findings of each (path, fingerprint) as were recorded. Inserting
lines elsewhere in a report changes no fingerprint; changing a figure that a
finding is about does, and the finding comes back as new.

An entry no finding answered to in a run is stale (the defect was corrected, or
its text changed) — but only for a file the run checked, with the entry's rule
selected for it, or a file that no longer exists: a run over part of an archive
says nothing about the rest. `--prune-baseline` rewrites the file without the
stale entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from . import __version__
from .files import Snapshot, replace_file
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


def _write(target: Path, entries: list[dict], unchanged_since: Snapshot | None = None) -> None:
    """The baseline document, replacing target whole or not at all (files.WriteFailed, files.ChangedSinceRead)."""
    doc = {"version": VERSION, "tool": f"auditlint {__version__}", "findings": entries}
    replace_file(target, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), unchanged_since)


def write_baseline(target: Path, results: Iterable[FileResult]) -> int:
    """Record the findings of results in target; returns how many were written."""
    root = Path(os.path.abspath(target)).parent
    entries = [
        {"path": _key_path(f.path, root), "rule": f.rule, "fingerprint": fingerprint(f), "message": f.message}
        for r in results
        for f in r.findings
    ]
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    _write(target, entries)
    return len(entries)


class Baseline:
    """Accepted findings, counted per (path, fingerprint), and which of them a run has met."""

    def __init__(self, path: Path) -> None:
        self.file = path
        self.root = Path(os.path.abspath(path)).parent
        try:
            with open(path, "rb") as fh:
                data = fh.read()
                self.snapshot = Snapshot.of(os.fstat(fh.fileno()), data)  # --prune-baseline rewrites only this
            doc = json.loads(data.decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"基线文件不存在：{path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"无法读取基线文件 {path}：{exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"基线文件 {path} 不是有效的 JSON：{exc}") from None
        if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
            raise BaselineError(f"{path} 不是 auditlint 基线文件（应由 --write-baseline 生成）")
        self.entries: list[dict] = doc["findings"]
        try:
            self.accepted = Counter((e["path"], e["fingerprint"]) for e in self.entries)
            self.rule = {(e["path"], e["fingerprint"]): str(e.get("rule", "")) for e in self.entries}
        except (TypeError, KeyError):
            raise BaselineError(f"基线文件 {path} 的条目缺少 path 或 fingerprint") from None
        self.checked: set[str] = set()  # the files this run checked (read and ran the rules on)

    def filter(self, result: FileResult) -> FileResult:
        """The result without the findings the baseline accepts (each accepted entry absorbs one finding)."""
        path = _key_path(result.path, self.root)
        if not result.error:
            self.checked.add(path)
        if not result.findings:
            return result
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

    def stale(self, selects: Callable[[str, str], bool]) -> Counter[tuple[str, str]]:
        """Entries no finding answered to, of files checked in this run (for rules selects(rule, path) says
        ran on them) or files that are gone; call once every result has been filtered."""
        unmet: Counter[tuple[str, str]] = Counter()
        for key, n in self.accepted.items():
            path = key[0]
            if n <= 0:
                continue
            where = str(self.root / path)
            if (path in self.checked and selects(self.rule[key], where)) or not os.path.lexists(where):
                unmet[key] = n
        return unmet

    def prune(self, stale: Counter[tuple[str, str]]) -> int:
        """Rewrite the baseline file without the stale entries; how many were left out."""
        left = Counter(stale)
        kept = []
        for e in reversed(self.entries):  # the last of equal entries go first: the order of the rest is kept
            key = (e["path"], e["fingerprint"])
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(e)
        kept.reverse()
        _write(self.file, kept, unchanged_since=self.snapshot)
        return len(self.entries) - len(kept)
