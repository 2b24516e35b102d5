"""The command line: wires options to the read → extract → check → report pipeline."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from . import __version__
from .config import Config, ConfigError, load_config
from .model import FileResult, Severity
from .sources import SUPPORTED_SUFFIXES


def iter_paths(paths: tuple[str, ...]) -> Iterator[str]:
    """Files named, and supported files under directories named, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):  # does not follow directory symlinks: no loops
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("."):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield raw


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="auditlint")
def main() -> None:
    """auditlint — 财政公开文件（决算、预算、绩效自评、年度报告）数字一致性检查。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--select", multiple=True, help="只运行这些规则（规则号或前缀，逗号分隔，如 CHG,SUM001）。")
@click.option("--ignore", multiple=True, help="不运行这些规则。")
@click.option("--extend-select", multiple=True, help="在已选规则之外再加上这些规则。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="配置文件路径。")
@click.option("--isolated", is_flag=True, help="忽略所有配置文件。")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), help="达到该级别的问题使退出码为 1（默认 warning）。")
@click.option("--max-file-size", type=int, help="单个文件大小上限（字节）。")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False, exists=True), help="额外的规则目录。")
@click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出代码片段和汇总。")
@click.option("--show-source/--no-show-source", default=True, help="在每个问题下显示原文片段。")
@click.option("--statistics", is_flag=True, help="输出每条规则的问题数，以及每个文件核验的表述数。")
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈。")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    fmt: str,
    config_file: Path | None,
    isolated: bool,
    fail_on: str | None,
    max_file_size: int | None,
    rules_dir: tuple[str, ...],
    quiet: bool,
    show_source: bool,
    statistics: bool,
    debug: bool,
) -> None:
    """检查文件或目录中的报告，指出数字表述中的错误。"""
    from .api import check_path
    from .engine import load_rules

    try:
        base = load_config(Path(paths[0]), config_file, isolated)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    overrides: dict = {}
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = base.ignore + _codes(ignore)
    if extend_select:
        overrides["extend_select"] = base.extend_select + _codes(extend_select)
    if fail_on:
        overrides["fail_on"] = Severity(fail_on)
    if max_file_size:
        overrides["max_file_size"] = max_file_size
    if rules_dir:
        overrides["rules_dirs"] = base.rules_dirs + rules_dir
    config = base.model_copy(update=overrides)
    try:
        known = load_rules(config.rules_dirs)
    except Exception as exc:  # a broken third-party rule pack is a usage problem, not a crash
        raise click.UsageError(f"无法加载规则：{exc}") from None
    _validate_codes(config, known)

    results: list[FileResult] = [check_path(p, config, debug=debug) for p in iter_paths(paths)]

    if fmt == "json":
        from .report.json import render as render_json

        click.echo(render_json(results), nl=False)
    else:
        from rich.console import Console

        from .report.text import render as render_text

        console = Console(highlight=False, soft_wrap=True)
        render_text(results, console, show_source=show_source, quiet=quiet)
        if statistics:
            _statistics(results, console)
    sys.exit(exit_code(results, config))


def _validate_codes(config: Config, known: dict) -> None:
    for codes in (config.select, config.ignore, config.extend_select, *config.per_file_ignores.values()):
        for code in codes:
            if code != "ALL" and not any(rule_id.startswith(code) for rule_id in known):
                raise click.UsageError(f"未知的规则号或前缀 “{code}”；运行 auditlint rules 查看全部规则")


def exit_code(results: list[FileResult], config: Config) -> int:
    if any(r.error or r.internal_errors for r in results):
        return 2
    threshold = config.fail_on.rank
    if any(f.severity.rank >= threshold for r in results for f in r.findings):
        return 1
    return 0


def _statistics(results: list[FileResult], console) -> None:
    from collections import Counter

    from rich.table import Table

    counts = Counter(f.rule for r in results for f in r.findings)
    if counts:
        table = Table(title="各规则问题数", show_edge=False)
        table.add_column("规则")
        table.add_column("数量", justify="right")
        for rule_id, n in sorted(counts.items()):
            table.add_row(rule_id, str(n))
        console.print(table)
    per_file = Table(title="各文件核验情况", show_edge=False)
    for col in ("文件", "表述", "已核验", "无法核验", "表格", "表格行", "表内关系 已核验/共", "文表核对 已核验/共", "问题"):
        per_file.add_column(col, justify="right" if col != "文件" else "left")
    for r in results:
        text = [c for kind, c in r.claims.items() if not _is_table_kind(kind)]
        inside = [c for kind, c in r.claims.items() if kind.startswith("table-")]
        against = [c for kind, c in r.claims.items() if kind == "text-table"]
        found = sum(c.found for c in text)
        checked = sum(c.checked for c in text)
        per_file.add_row(
            r.path,
            str(found),
            str(checked),
            str(found - checked),
            str(r.tables.tables),
            str(r.tables.rows),
            f"{sum(c.checked for c in inside)}/{sum(c.found for c in inside)}",
            f"{sum(c.checked for c in against)}/{sum(c.found for c in against)}",
            "—" if r.error else str(len(r.findings)),
        )
    console.print(per_file)


def _is_table_kind(kind: str) -> bool:
    """Claims about tables: their identities, and text figures held against table lines."""
    return kind.startswith("table-") or kind == "text-table"


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False, exists=True))
def list_rules(fmt: str, rules_dir: tuple[str, ...]) -> None:
    """列出全部规则。"""
    import json

    from .engine import load_rules

    rules = load_rules(rules_dir)
    if fmt == "json":
        data = [
            {"id": r.id, "name": r.name, "severity": r.severity.value, "fixable": r.fixable, "summary": r.summary, "origin": r.origin}
            for r in rules.values()
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False)
    for col in ("规则", "名称", "默认级别", "可自动修复", "说明"):
        table.add_column(col)
    for r in rules.values():
        table.add_row(r.id, r.name, r.severity.value, "是" if r.fixable else "", r.summary)
    Console().print(table)


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """显示一条规则的说明与正反示例。"""
    from .engine import load_rules

    rules = load_rules()
    r = rules.get(rule_id.upper())
    if r is None:
        raise click.UsageError(f"没有规则 “{rule_id}”；运行 auditlint rules 查看全部规则")
    click.echo(f"{r.id} {r.name}（默认级别：{r.severity.value}{'，可自动修复' if r.fixable else ''}）\n")
    click.echo(r.doc)


if __name__ == "__main__":  # pragma: no cover
    main()
