"""The command line: wires options to the read → extract → check → report pipeline."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__
from .report import FORMATS

if TYPE_CHECKING:
    from .config import Config
    from .engine import Rule
    from .model import FileResult

# `auditlint --version` and the help must not pay for pydantic and the rules: heavy imports live in the commands.
SEVERITIES = ("error", "warning", "info")


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


def _load_rules(rules_dirs: Iterable[str]) -> dict[str, Rule]:
    from .engine import load_rules

    try:
        return load_rules(tuple(rules_dirs))
    except Exception as exc:  # a broken third-party rule pack is a usage problem, not a crash
        raise click.UsageError(f"无法加载规则：{type(exc).__name__}: {exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="auditlint")
def main() -> None:
    """auditlint — 财政公开文件（决算、预算、绩效自评、年度报告）数字一致性检查。"""


# ------------------------------------------------------------------------ check


@main.command()
@click.argument("paths", nargs=-1, required=True)
# which rules run
@click.option("--select", multiple=True, help="只运行这些规则（规则号或前缀，逗号分隔，如 CHG,SUM001）。")
@click.option("--ignore", multiple=True, help="不运行这些规则。")
@click.option("--extend-select", multiple=True, help="在已选规则之外再加上这些规则。")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False), help="额外的规则目录（Python 规则模块与 TOML 勾稽关系）。")
# configuration
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="使用此配置文件（不再向上查找）。")
@click.option("--isolated", is_flag=True, help="忽略所有配置文件。")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="达到该级别的问题使退出码为 1（默认 warning）。")
@click.option("--max-file-size", type=click.IntRange(min=1), help="单个文件大小上限（字节）。")
# the report
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="输出格式。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="把报告写入文件而不是标准输出。")
@click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出代码片段和汇总。")
@click.option("--show-source/--no-show-source", default=True, help="在每个问题下显示原文片段。")
@click.option("--statistics", is_flag=True, help="在 text/concise 输出后列出每条规则的问题数和每个文件核验的表述数。")
# accepted findings
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), help="只报告基线文件中没有的问题。")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="把当前全部问题写入基线文件（不输出报告）。")
# fixes
@click.option("--fix", is_flag=True, help="把确定的修正写回文本类文件（txt、md、html），并报告剩余问题。")
@click.option("--diff", is_flag=True, help="以 unified diff 显示确定的修正，不修改文件。")
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈。")
# archives
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="并行检查的进程数（默认：CPU 核数；1 表示在本进程内检查）。")
@click.option("--include", multiple=True, help="只检查目录中匹配这些通配符的文件（如 '*/2023/*'）。")
@click.option("--exclude", multiple=True, help="跳过目录中匹配这些通配符的文件和子目录（如 'drafts'）。")
@click.option("--no-cross", is_flag=True, help="不做跨报告核对（XDOC：同一单位各年度决算、预算与决算、绩效自评与决算之间的数字）。")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    rules_dir: tuple[str, ...],
    config_file: Path | None,
    isolated: bool,
    fail_on: str | None,
    max_file_size: int | None,
    fmt: str,
    output: Path | None,
    quiet: bool,
    show_source: bool,
    statistics: bool,
    baseline_file: Path | None,
    write_baseline: Path | None,
    fix: bool,
    diff: bool,
    debug: bool,
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    no_cross: bool,
) -> None:
    """检查文件或目录中的报告，指出数字表述中的错误。"""
    import time

    from . import runner
    from .config import ConfigError, check_codes, resolve_settings
    from .model import Severity
    from .report import ReportOptions, make_reporter, reporter_class

    if fix and diff:
        raise click.UsageError("--fix 与 --diff 不能同时使用")
    overrides: dict = {}
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    if extend_select:
        overrides["extend_select"] = _codes(extend_select)
    if fail_on:
        overrides["fail_on"] = Severity(fail_on)
    if max_file_size:
        overrides["max_file_size"] = max_file_size
    if no_cross:
        overrides["cross"] = False
    config = _configure(Path(paths[0]), config_file, isolated, overrides, rules_dir)
    rules = _load_rules(config.rules_dirs)
    try:
        check_codes(config, rules)
        resolve_settings(config, rules)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    baseline = _read_baseline(baseline_file) if baseline_file else None

    keep_document = reporter_class(fmt).needs_document and not (diff or write_baseline)
    started = time.monotonic()
    walk = runner.discover(paths, include, exclude)
    cross = _cross_step(config, rules, len(walk.files)) if not diff else None
    if cross is None:
        config = config.model_copy(update={"cross": False})  # no worker reads what nothing will compare
    progress: runner.Progress | None = None  # set once the reporter exists, before the first file is checked

    def checked() -> Iterable[FileResult]:
        yield from runner.run(walk.files, config, jobs or runner.default_jobs(), debug, progress, keep_document)
        yield from walk.unlisted

    results = checked()

    with ExitStack() as stack:
        out: TextIO = sys.stdout
        if output is not None:
            try:
                out = stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
            except OSError as exc:
                raise click.UsageError(f"无法写入输出文件 {output}：{exc.strerror or exc}") from None
        if diff:
            sys.exit(_print_diffs(results, config, out))
        if fix:
            results = (_fix_one(r, config, keep_document) for r in results)
        if cross is not None:
            results = _feeding(results, cross)
        if write_baseline is not None:
            sys.exit(_write_baseline(write_baseline, results, cross))
        if baseline is not None:
            results = (baseline.filter(r) for r in results)
        selected = {rule_id: r for rule_id, r in rules.items() if config.selects(rule_id)}
        options = ReportOptions(show_source=show_source, quiet=quiet, statistics=statistics, rules=selected)
        reporter = make_reporter(fmt, out, options)
        # a bar on stderr; drawn through the report's console when the report goes to the same terminal
        console = getattr(reporter, "console", None) if out is sys.stdout and sys.stdout.isatty() else None
        progress = runner.Progress(len(walk.files), console=console)
        tally = _Tally(config)
        for result in results:
            tally.add(result)
            reporter.file(result)
        if cross is not None:
            outcome = cross.finish()
            if baseline is not None:
                outcome.findings, reporter.summary.baselined = _without_baselined(baseline, outcome.findings, reporter.summary.baselined)
            tally.add_findings(outcome.findings)
            reporter.cross(outcome)
        reporter.finish()
    if reporter.summary.files > 1 and not quiet and time.monotonic() - started > runner.SLOW_RUN:
        for line in runner.slowest_lines(reporter.summary):
            click.echo(line, err=True)
    sys.exit(tally.exit_code)


def _cross_step(config: Config, rules: dict[str, Rule], files: int):
    """The step that holds the reports of a run against each other, when a run has two files to hold and
    a rule between reports (XDOC) selected; None otherwise (a one-file run is checked as it always was)."""
    if not config.cross or files < 2 or not any(r.cross and config.selects(rule_id) for rule_id, r in rules.items()):
        return None
    from .crossdoc import CrossCheck

    return CrossCheck(config)


def _feeding(results: Iterable[FileResult], cross) -> Iterable[FileResult]:
    """The results as they come, each also handed to the cross step (which keeps its identity and facts only)."""
    for result in results:
        cross.add(result)
        yield result


def _without_baselined(baseline, findings: list, baselined: int) -> tuple[list, int]:
    """Findings between reports, less those the baseline records (filtered by the file each is reported in)."""
    from .model import FileResult

    kept = []
    for path in dict.fromkeys(f.path for f in findings):
        result = baseline.filter(FileResult(path=path, findings=[f for f in findings if f.path == path]))
        kept.extend(result.findings)
        baselined += result.baselined
    order = {id(f): i for i, f in enumerate(findings)}
    return sorted(kept, key=lambda f: order[id(f)]), baselined


def _configure(
    start: Path, config_file: Path | None, isolated: bool, overrides: dict, rules_dir: tuple[str, ...]
) -> Config:
    """The configuration file's settings under the command line's."""
    from .config import ConfigError, load_config

    try:
        base = load_config(start, config_file, isolated)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if "ignore" in overrides:
        overrides["ignore"] = base.ignore + overrides["ignore"]
    if "extend_select" in overrides:
        overrides["extend_select"] = base.extend_select + overrides["extend_select"]
    if rules_dir:
        overrides["rules_dirs"] = base.rules_dirs + tuple(str(Path(d).resolve()) for d in rules_dir)
    return base.model_copy(update=overrides)


def _fix_one(result: FileResult, config: Config, keep_document: bool) -> FileResult:
    """A file with certain fixes, fixed and written back: the check of the fixed text."""
    from .fixes import NotFixable, fix_file

    if result.error or not any(f.fix is not None for f in result.findings):
        return result
    try:
        outcome = fix_file(result.path, config, write=True, keep_document=keep_document)
    except NotFixable as exc:
        click.echo(f"{result.path}: 未自动修复：{exc}", err=True)
        return result
    if outcome.changed:
        done = "，".join(f"{rule} ×{n}" for rule, n in sorted(outcome.applied.items()))
        click.echo(f"{result.path}: 已修复 {sum(outcome.applied.values())} 处（{done}）", err=True)
    return outcome.result or result


def _print_diffs(results: Iterable[FileResult], config: Config, out: TextIO) -> int:
    """--diff: the certain fixes of every file as one unified diff; exit 1 when there are any."""
    from .fixes import NotFixable, fix_file, unified_diff

    fixes = 0
    unreadable = False
    for result in results:
        unreadable = unreadable or bool(result.error)
        if result.error or not any(f.fix is not None for f in result.findings):
            continue
        try:
            outcome = fix_file(result.path, config, write=False)
        except NotFixable as exc:
            click.echo(f"{result.path}: 无法自动修复：{exc}", err=True)
            continue
        if outcome.changed:
            out.write(unified_diff(outcome))
            fixes += sum(outcome.applied.values())
    click.echo(f"可自动修复 {fixes} 处；用 --fix 写回文件。" if fixes else "没有可自动修复的问题。", err=True)
    return 2 if unreadable else 1 if fixes else 0


def _read_baseline(path: Path):
    from .baseline import Baseline, BaselineError

    try:
        return Baseline(path)
    except BaselineError as exc:
        raise click.UsageError(str(exc)) from None


def _write_baseline(target: Path, results: Iterable[FileResult], cross=None) -> int:
    from .baseline import write_baseline
    from .model import FileResult

    kept = []
    unreadable = []
    for r in results:
        kept.append(r)
        if r.error:
            unreadable.append(r)
    if cross is not None:  # the findings between reports are recorded under the file each is reported in
        kept.append(FileResult(path="", findings=cross.finish().findings))
    try:
        n = write_baseline(target, kept)
    except OSError as exc:
        raise click.UsageError(f"无法写入基线文件 {target}：{exc.strerror or exc}") from None
    click.echo(f"已把 {n} 个问题写入基线 {target}（{len(kept)} 个文件）。", err=True)
    for r in unreadable:
        click.echo(f"{r.path}: 无法检查 {r.error}", err=True)
    return 2 if unreadable else 0


class _Tally:
    """What decides the exit code, gathered as results stream by: 2 unreadable, 1 findings at fail-on, else 0."""

    def __init__(self, config: Config) -> None:
        self.threshold = config.fail_on.rank
        self.broken = False
        self.failing = False

    def add(self, result: FileResult) -> None:
        self.broken = self.broken or bool(result.error or result.internal_errors)
        self.add_findings(result.findings)

    def add_findings(self, findings) -> None:
        self.failing = self.failing or any(f.severity.rank >= self.threshold for f in findings)

    @property
    def exit_code(self) -> int:
        return 2 if self.broken else 1 if self.failing else 0


# ------------------------------------------------------------------ the catalogue


def _catalogue(rules_dir: tuple[str, ...], isolated: bool) -> dict[str, Rule]:
    """Built-in rules, entry-point packs, and rules dirs from the configuration found here and the command line."""
    from .config import ConfigError, find_config, load_config

    dirs = tuple(str(Path(d).resolve()) for d in rules_dir)
    if not isolated:
        found = find_config(Path.cwd())
        if found is not None:
            try:
                dirs = load_config(config_file=found).rules_dirs + dirs
            except ConfigError as exc:
                raise click.UsageError(str(exc)) from None
    return _load_rules(dirs)


def _settings_json(r: Rule) -> list[dict]:
    return [
        {"name": name, "default": str(s.default) if not isinstance(s.default, (bool, int)) else s.default,
         "help": s.help, "choices": [str(c) for c in s.choices]}
        for name, s in r.settings.items()
    ]


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False), help="额外的规则目录。")
@click.option("--isolated", is_flag=True, help="忽略配置文件中的 rules-dirs。")
def list_rules(fmt: str, rules_dir: tuple[str, ...], isolated: bool) -> None:
    """列出全部规则：规则号、名称、默认级别、能否自动修复、说明。"""
    import json

    rules = _catalogue(rules_dir, isolated)
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "name": r.name,
                "severity": r.severity.value,
                "fixable": r.fixable,
                "summary": r.summary,
                "origin": r.origin,
                "settings": _settings_json(r),
            }
            for r in rules.values()
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_edge=False)
    for col in ("规则", "名称", "默认级别", "可自动修复"):
        table.add_column(col, no_wrap=True)
    table.add_column("说明", overflow="fold")  # Chinese has no spaces to wrap at: fold, never cut
    third_party = Counter(r.origin for r in rules.values() if r.origin != "auditlint")
    for r in rules.values():
        summary = r.summary + (f"（来自 {r.origin}）" if r.origin != "auditlint" else "")
        table.add_row(r.id, r.name, r.severity.value, "是" if r.fixable else "", escape(summary))
    console = Console()
    if not console.is_terminal:  # a pipe or a file has no width to fit: keep each rule on one line
        console = Console(width=240)
    console.print(table)
    if third_party:
        console.print("第三方规则：" + "；".join(f"{escape(o)} {n} 条" for o, n in sorted(third_party.items())))


@main.command()
@click.argument("rule_id")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False), help="额外的规则目录。")
@click.option("--isolated", is_flag=True, help="忽略配置文件中的 rules-dirs。")
def explain(rule_id: str, rules_dir: tuple[str, ...], isolated: bool) -> None:
    """显示一条规则的说明与正反示例。"""
    rules = _catalogue(rules_dir, isolated)
    r = rules.get(rule_id.strip().upper())
    if r is None:
        raise click.UsageError(f"没有规则 “{rule_id}”；运行 auditlint rules 查看全部规则")
    click.echo(f"{r.id} {r.name}（默认级别：{r.severity.value}{'，可自动修复' if r.fixable else ''}）\n")
    click.echo(r.doc)
    if r.settings:
        click.echo(f"\n可配置（[tool.auditlint.settings.{r.id}]）：")
        for name, s in r.settings.items():
            choices = f"；可选 {'、'.join(repr(str(c)) for c in s.choices)}" if s.choices else ""
            click.echo(f"  {name} = {str(s.default)!r}    {s.help}{choices}")
    if r.origin != "auditlint":
        click.echo(f"\n来源：{r.origin}")


if __name__ == "__main__":  # pragma: no cover
    main()
