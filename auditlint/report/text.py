"""Text reports for a terminal: path:line:col: RULE message, with a code frame (text) or without (concise).

Colour only when writing to a terminal; NO_COLOR (and FORCE_COLOR) are honoured,
as rich reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import FileResult, Finding, Related, Severity
from . import SEVERITY_WORDS, Reporter, ReportOptions, Summary, nothing_found, page_label, shown_path

if TYPE_CHECKING:
    from ..crossdoc import CrossOutcome

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _frame(f: Finding | Related, style: str, note: str = "", mark: str = "^") -> list[str]:
    """A place's first line, cut around the span when long (its excerpt), with the span underlined."""
    if not f.excerpt:
        return []
    line = f.excerpt.replace("\t", " ")  # the line from column f.excerpt_column on
    start = f.column - f.excerpt_column
    end = f.end_column - f.excerpt_column if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    prefix = "…" if f.excerpt_column > 1 else ""
    suffix = "…" if f.excerpt_more else ""
    shown = prefix + line + suffix
    pad = cell_len(prefix + line[:start])
    width = max(1, cell_len(line[start:end]))
    gutter = str(f.line)
    blank = " " * len(gutter)
    return [
        f"[blue]{blank} |[/]",
        f"[blue]{gutter} |[/] {escape(shown)}",
        f"[blue]{blank} |[/] {' ' * pad}[{style}]{mark * width}{escape(note)}[/]",
    ]


def _finding_frame(f: Finding) -> list[str]:
    note = f" 应为 {f.expected}" if f.expected and len(f.expected) <= 40 else ""
    return _frame(f, _STYLE[f.severity], note)


def console_for(out: TextIO, color: str) -> Console:
    """A console writing to out: coloured on a terminal (auto, honouring NO_COLOR and FORCE_COLOR), always, or never."""
    if color == "always":
        return Console(file=out, highlight=False, soft_wrap=True, force_terminal=True, color_system="standard", no_color=False)
    if color == "never":
        return Console(file=out, highlight=False, soft_wrap=True, color_system=None)
    return Console(file=out, highlight=False, soft_wrap=True)


def summary_line(s: Summary) -> str:
    sev = s.by_severity
    parts = []
    if s.findings:
        parts.append(
            f"发现 {s.findings} 个问题（错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}），"
            f"涉及 {s.files_with_findings}/{s.files} 个文件"
        )
    else:
        parts.append(nothing_found(s))
    if s.files > s.unreadable:
        parts.append(f"核验了 {s.claims.checked} 项数字表述，{s.claims.not_assessable} 项因缺少数据无法核验")
    if s.suppressed:
        parts.append(f"{s.suppressed} 个问题被文中的 auditlint: ignore 注释忽略")
    if s.baselined:
        parts.append(f"{s.baselined} 个问题已记录在基线中，未显示")
    if s.unreadable:
        parts.append(f"[bold red]{s.unreadable} 个文件无法读取[/]")
    if s.internal_errors:
        parts.append(f"[bold red]{s.internal_errors} 处规则出错，相应的检查未完成[/]")
    return "；".join(parts) + "。"


REASONS = {
    "unreadable": "无法读取",
    "not-a-disclosure": "不是报告",
    "too-large": "文件过大",
    "unsupported-format": "格式不支持",
    "encoding": "编码无法识别",
    "corrupt": "文件损坏",
    "internal-error": "内部错误",
    "no-text": "扫描件无文字层",
}


def archive_lines(s: Summary) -> list[str]:
    """What a run over many files adds to the summary line: findings per rule, why files could not
    be checked. Deterministic (no timings), like the rest of the report."""
    lines = []
    if s.by_rule:
        lines.append("问题按规则：" + "，".join(f"{rule} {n}" for rule, n in sorted(s.by_rule.items())) + "。")
    if s.unreadable_by_code:
        reasons = (f"{REASONS.get(code, code)}（{code}）{n}" for code, n in sorted(s.unreadable_by_code.items()))
        lines.append("无法检查的原因：" + "，".join(reasons) + "。")
    c = s.cross
    if c is not None and (c["compared"] or c["duplicates"] or c["ambiguous"]):  # (a run that compared nothing says nothing)
        lines.append(cross_line(c))
    return lines


def cross_line(c: dict) -> str:
    """What the step between reports compared: reports identified, bodies with several, figures held."""
    parts = [f"跨报告核对：识别了 {c['reports']} 份报告的主体、年度和类型"]
    if c["unidentified"]:
        parts[-1] += f"（{c['unidentified']} 份无法识别，未参与核对）"
    parts.append(f"{c['bodies']} 个主体有两份以上报告，相互核对了 {c['compared']} 个数字，发现 {c['findings']} 处不一致")
    if c["duplicates"]:
        parts.append(f"{len(c['duplicates'])} 组报告的主体、年度和类型相同（可能是不同版本），未相互核对")
    if c["ambiguous"]:
        parts.append(f"{len(c['ambiguous'])} 份报告的主体名称可能指不同地区的单位，未参与核对")
    return "；".join(parts) + "。"


class TextReporter(Reporter):
    """Findings with a code frame under each, then a summary line (and --statistics tables)."""

    frames = True

    def __init__(self, out: TextIO, options: ReportOptions) -> None:
        super().__init__(out, options)
        self.console = console_for(out, options.color)
        self.per_file: list[tuple[str, int, int, str, FileResult]] = []  # for --statistics

    def file(self, result: FileResult) -> None:
        super().file(result)
        console = self.console
        if self.options.statistics:
            text = [c for kind, c in result.claims.items() if not _is_table_kind(kind)]
            found = sum(c.found for c in text)
            checked = sum(c.checked for c in text)
            self.per_file.append((shown_path(result.path), found, checked, "—" if result.error else str(len(result.findings)), result))
        if result.error:
            console.print(f"[bold]{escape(shown_path(result.path))}[/]: [bold red]无法检查[/] {escape(result.error)}")
            return
        for f in result.findings:
            self._finding(f)
        for err in result.internal_errors:
            console.print(f"[bold]{escape(shown_path(result.path))}[/]: [bold red]内部错误[/] {escape(err.message)}")

    def cross(self, outcome: CrossOutcome) -> None:
        """The findings between reports: each with both places quoted, the other report's below it."""
        super().cross(outcome)
        if not outcome.findings:
            return
        if not self.options.quiet:
            self.console.print("[bold]跨报告核对[/]（同一主体的不同报告之间）：")
        for f in outcome.findings:
            self._finding(f, between=True)

    def _finding(self, f: Finding, between: bool = False) -> None:
        """path:line:col: 级别 RULE message, its line quoted under it; for a finding between reports, the other
        report's place (each place is in its own file) quoted below it."""
        console = self.console
        show_frames = self.frames and self.options.show_source and not self.options.quiet
        where = f"{shown_path(f.path)}:{f.line}:{f.column}:"
        page = f" {page_label(f)}" if f.page is not None else ""
        head = f"{SEVERITY_WORDS[f.severity.value]} {f.rule}"
        console.print(f"[bold]{escape(where)}{page}[/] [{_STYLE[f.severity]}]{head}[/] {escape(f.message)}")
        if show_frames:
            for row in _finding_frame(f):
                console.print(row)
        for r in f.related if between else ():
            other = escape(f"{shown_path(r.path or f.path)}:{r.line}:{r.column}:")
            other_page = f" {page_label(r)}" if r.page is not None else ""
            if show_frames:
                console.print(f"   [blue]= 对照[/] [bold]{other}{other_page}[/] {escape(r.message)}")
                for row in _frame(r, "blue", "", "-"):
                    console.print(row)
            else:
                console.print(f"   = 对照 {other}{other_page} {escape(r.message)}")
        if show_frames:
            console.print()

    def finish(self) -> None:
        if self.options.statistics:
            self._statistics()
        if not self.options.quiet:
            if self.summary.files > 1:
                for line in archive_lines(self.summary):
                    self.console.print(line)
            self.console.print(summary_line(self.summary))

    def _statistics(self) -> None:
        counts = self.summary.by_rule
        if counts:
            table = Table(title="各规则问题数", show_edge=False)
            table.add_column("规则")
            table.add_column("中文名称")
            table.add_column("名称")
            table.add_column("数量", justify="right")
            for rule_id, n in sorted(counts.items()):
                rule = self.options.rules.get(rule_id)
                table.add_row(rule_id, escape(rule.name_zh) if rule else "", rule.name if rule else "", str(n))
            self.console.print(table)
        per_file = Table(title="各文件核验情况", show_edge=False)
        for col in ("文件", "表述", "已核验", "无法核验", "表格", "表格行", "表内关系 已核验/共", "文表核对 已核验/共", "问题"):
            per_file.add_column(col, justify="right" if col != "文件" else "left")
        for path, found, checked, problems, result in self.per_file:
            inside = [c for kind, c in result.claims.items() if kind.startswith("table-")]
            against = [c for kind, c in result.claims.items() if kind == "text-table"]
            per_file.add_row(
                escape(path),
                str(found),
                str(checked),
                str(found - checked),
                str(result.tables.tables),
                str(result.tables.rows),
                f"{sum(c.checked for c in inside)}/{sum(c.found for c in inside)}",
                f"{sum(c.checked for c in against)}/{sum(c.found for c in against)}",
                problems,
            )
        self.console.print(per_file)


def _is_table_kind(kind: str) -> bool:
    """Claims about tables: their identities, and text figures held against table lines."""
    return kind.startswith("table-") or kind == "text-table"


class ConciseReporter(TextReporter):
    """One line per finding (path:line:col: RULE message), as editors and grep expect."""

    frames = False
