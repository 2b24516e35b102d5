"""GitHub Actions report: workflow commands that become annotations, and the full list in the step summary.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per
step, so the most severe findings become `::error file=…,line=…::…` commands,
the rest are printed as plain log lines, and when $GITHUB_STEP_SUMMARY is set
every finding goes to the job summary as a Markdown table.
"""

from __future__ import annotations

import os
from typing import TextIO

from ..model import FileResult, Finding, Severity
from . import SEVERITY_WORDS, Reporter, ReportOptions, by_severity, page_label, shown_path

PER_KIND = 10  # annotations of one kind GitHub shows per step
SUMMARY_BUDGET = 1_000_000  # bytes; GitHub refuses a step summary over 1 MiB
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def _paged(f: Finding, text: str) -> str:
    """text after the finding's page (第 3 页第 12 行), for a PDF: its line in auditlint's layout is no help in a viewer."""
    return f"{page_label(f)}：{text}" if f.page is not None else text


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


class GithubReporter(Reporter):
    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.findings: list[Finding] = []
        self.failures: list[tuple[str, str]] = []  # (path, why) for files not checked

    def file(self, result: FileResult) -> None:
        super().file(result)
        self.findings.extend(result.findings)
        if result.error:
            self.failures.append((shown_path(result.path), f"无法检查：{result.error}"))
        self.failures.extend((shown_path(result.path), err.message) for err in result.internal_errors)

    def cross(self, outcome) -> None:
        super().cross(outcome)
        self.findings.extend(outcome.findings)

    def finish(self) -> None:
        shown = dict.fromkeys(_COMMAND.values(), 0)
        rest: list[Finding] = []
        lines = []
        for path, why in self.failures:  # a file not checked is the most serious news of all
            lines.append(command("error", why, file=path, title="auditlint"))
            shown["error"] += 1
        for f in by_severity(self.findings):
            kind = _COMMAND[f.severity]
            if shown[kind] >= PER_KIND:
                rest.append(f)
                continue
            shown[kind] += 1
            lines.append(
                command(
                    kind,
                    _paged(f, f.message),
                    file=shown_path(f.path),
                    line=f.line,
                    endLine=f.end_line,
                    col=f.column,
                    endColumn=f.end_column,
                    title=f"auditlint {f.rule} {f.name}".strip(),
                )
            )
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if rest:
            where = "完整列表见本任务的摘要页" if summary_file else "见下方日志"
            lines.append(
                command("notice", f"另有 {len(rest)} 个问题未作为注释显示（GitHub 每步每类最多显示 {PER_KIND} 个注释）；{where}",
                        title="auditlint")
            )
            lines.extend(
                f"{shown_path(f.path)}:{f.line}:{f.column}: {SEVERITY_WORDS[f.severity.value]} {f.rule} {_paged(f, f.message)}" for f in rest
            )
        for line in lines:
            self.out.write(line + "\n")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(self.markdown())

    def markdown(self) -> str:
        """The job summary: counts, then every finding (cut to GitHub's size limit)."""
        s = self.summary
        sev = s.by_severity
        head = [
            "## auditlint 检查结果\n",
            f"检查了 {s.files} 个文件，发现 {s.findings} 个问题（错误 {sev['error']}，警告 {sev['warning']}，"
            f"提示 {sev['info']}）；核验了 {s.claims.checked} 项数字表述，{s.claims.not_assessable} 项因缺少数据无法核验。\n",
        ]
        if s.unreadable:
            head.append(f"\n**{s.unreadable} 个文件无法检查。**\n")
        if s.by_rule:
            head.append("\n| 规则 | 中文名称 | 名称 | 数量 |\n|---|---|---|---:|\n")
            for rule_id, n in sorted(s.by_rule.items()):
                rule = self.options.rules.get(rule_id)
                names = f"{_cell(rule.name_zh)} | {rule.name}" if rule else " | "
                head.append(f"| {rule_id} | {names} | {n} |\n")
        rows = [f"| `{_cell(path)}` | | | {_cell(why)} |\n" for path, why in self.failures]
        rows += [
            f"| `{_cell(shown_path(f.path))}` | {page_label(f) or f'第 {f.line} 行'} | {f.rule} | {_cell(f.message)} |\n"
            for f in by_severity(self.findings)
        ]
        text = "".join(head)
        if rows:
            text += "\n| 文件 | 位置 | 规则 | 问题 |\n|---|---|---|---|\n"
            budget = SUMMARY_BUDGET - len(text.encode("utf-8")) - 200
            for i, row in enumerate(rows):
                budget -= len(row.encode("utf-8"))
                if budget < 0:
                    text += f"\n（摘要大小受限，另有 {len(rows) - i} 个问题未列出；请用 --format json 或 html 获取完整列表）\n"
                    break
                text += row
        return text + "\n"
