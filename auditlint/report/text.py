"""Text report: path:line:col: RULE message, a code frame under each finding, a summary line."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

from ..model import FileResult, Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WINDOW = 36  # characters of context either side of a span in long lines


def _frame(f: Finding) -> list[str]:
    """The finding's first line, cut around the span when long, with the span underlined."""
    if not f.source_line:
        return []
    line = f.source_line.rstrip("\r").replace("\t", " ")
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    left, right = max(0, start - _WINDOW), min(len(line), end + _WINDOW)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    pad = cell_len(prefix + line[left:start])
    width = max(1, cell_len(line[start:end]))
    gutter = str(f.line)
    blank = " " * len(gutter)
    note = f" 应为 {f.expected}" if f.expected and len(f.expected) <= 40 else ""
    return [
        f"[blue]{blank} |[/]",
        f"[blue]{gutter} |[/] {escape(shown)}",
        f"[blue]{blank} |[/] {' ' * pad}[{_STYLE[f.severity]}]{'^' * width}{escape(note)}[/]",
    ]


def render(results: Iterable[FileResult], console: Console, show_source: bool = True, quiet: bool = False):
    """Print each file's findings as it arrives, then the summary line; return the run's Tally."""
    from ..runner import Tally

    tally = Tally()
    for result in results:
        tally.add(result)
        render_file(result, console, show_source=show_source, quiet=quiet)
    if not quiet:
        console.print(summary_text(tally.summary()))
    return tally


def render_file(result: FileResult, console: Console, show_source: bool = True, quiet: bool = False) -> None:
    if result.error:
        console.print(f"[bold]{escape(result.path)}[/]: [bold red]无法检查[/] {escape(result.error)}")
        return
    for f in result.findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        console.print(
            f"[bold]{escape(where)}[/] [{_STYLE[f.severity]}]{f.rule}[/] {escape(f.message)}", soft_wrap=True
        )
        if show_source and not quiet:
            for row in _frame(f):
                console.print(row, soft_wrap=True, highlight=False)
            console.print()
    for err in result.internal_errors:
        console.print(f"[bold]{escape(result.path)}[/]: [bold red]内部错误[/] {escape(err.message)}")


def summary_text(s: dict) -> str:
    """The closing line of a report, from a run's summary counts."""
    sev = s["by_severity"]
    claims = s["claims"]
    parts = []
    if s["findings"]:
        parts.append(
            f"发现 {s['findings']} 个问题（错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}），"
            f"涉及 {s['files_with_findings']}/{s['files']} 个文件"
        )
    else:
        parts.append(f"未发现问题（共 {s['files']} 个文件）")
    parts.append(f"核验了 {claims['checked']} 项数字表述，{claims['not_assessable']} 项因缺少数据无法核验")
    if s["unreadable"]:
        parts.append(f"[bold red]{s['unreadable']} 个文件无法读取[/]")
    return "；".join(parts) + "。"
