"""The command line: wires options to the read → extract → check → report pipeline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__

if TYPE_CHECKING:
    from .config import Config
    from .runner import Tally

# `auditlint --version` and the help must not pay for pydantic and the rules: heavy imports live in the commands.
SEVERITIES = ("error", "warning", "info")


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
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="达到该级别的问题使退出码为 1（默认 warning）。")
@click.option("--max-file-size", type=int, help="单个文件大小上限（字节）。")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False, exists=True), help="额外的规则目录。")
@click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出代码片段和汇总。")
@click.option("--show-source/--no-show-source", default=True, help="在每个问题下显示原文片段。")
@click.option("--statistics", is_flag=True, help="输出每条规则的问题数，以及每个文件核验的表述数。")
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="并行检查的进程数（默认：CPU 核数；1 表示在本进程内检查）。")
@click.option("--include", multiple=True, help="只检查目录中匹配这些通配符的文件（如 '*/2023/*'）。")
@click.option("--exclude", multiple=True, help="跳过目录中匹配这些通配符的文件和子目录（如 'drafts'）。")
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
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
) -> None:
    """检查文件或目录中的报告，指出数字表述中的错误。"""
    import itertools
    import time

    from . import runner
    from .config import ConfigError, load_config
    from .engine import load_rules
    from .model import Severity

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

    started = time.monotonic()
    walk = runner.discover(paths, include, exclude)
    console = None
    if fmt == "text":
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
    progress = runner.Progress(len(walk.files), console=console if sys.stdout.isatty() else None)
    results = itertools.chain(
        runner.run(walk.files, config, jobs=jobs or runner.default_jobs(), debug=debug, progress=progress), walk.unlisted
    )
    if fmt == "json":
        from .report.json import write as write_json

        tally = write_json(results, sys.stdout)
    else:
        from .report.text import render as render_text

        tally = render_text(results, console, show_source=show_source, quiet=quiet)
        if tally.files > 1 and not quiet:
            for line in runner.archive_summary(tally):
                console.print(line)
        if statistics:
            _statistics(tally, console)
        if tally.files > 1 and not quiet and time.monotonic() - started > runner.SLOW_RUN:
            for line in runner.slowest_lines(tally):
                click.echo(line, err=True)
    sys.exit(exit_code(tally, config))


def _validate_codes(config: Config, known: dict) -> None:
    for codes in (config.select, config.ignore, config.extend_select, *config.per_file_ignores.values()):
        for code in codes:
            if code != "ALL" and not any(rule_id.startswith(code) for rule_id in known):
                raise click.UsageError(f"未知的规则号或前缀 “{code}”；运行 auditlint rules 查看全部规则")


def exit_code(tally: Tally, config: Config) -> int:
    """2 when a file could not be (fully) checked, 1 for findings at or above fail-on, else 0."""
    from .model import Severity

    if tally.unreadable or tally.internal_errors:
        return 2
    threshold = config.fail_on.rank
    if any(n and Severity(sev).rank >= threshold for sev, n in tally.by_severity.items()):
        return 1
    return 0


def _statistics(tally: Tally, console) -> None:
    from rich.table import Table

    counts = tally.by_rule
    if counts:
        table = Table(title="各规则问题数", show_edge=False)
        table.add_column("规则")
        table.add_column("数量", justify="right")
        for rule_id, n in sorted(counts.items()):
            table.add_row(rule_id, str(n))
        console.print(table)
    per_file = Table(title="各文件核验情况", show_edge=False)
    for col in ("文件", "表述", "已核验", "无法核验", "问题"):
        per_file.add_column(col, justify="right" if col != "文件" else "left")
    for path, found, checked, findings in tally.rows:
        per_file.add_row(path, str(found), str(checked), str(found - checked), "—" if findings is None else str(findings))
    console.print(per_file)


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
