"""The command line: wires options to the read → extract → check → report pipeline."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Generator, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__
from .report import FORMATS, shown_path

if TYPE_CHECKING:
    from .config import Config
    from .engine import Rule
    from .model import FileResult, Finding

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


class _Commands(click.Group):
    """The commands; Ctrl-C ends any of them with exit code 130, as shells expect of an interrupted program."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # the workers have been stopped on the way out (runner.run's finally)
            click.echo("\n已中断，检查未完成。", err=True)
            sys.exit(130)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--show-settings", is_flag=True, help="显示所用的配置文件、选用的规则和各项设置，然后退出（不检查）。")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="达到该级别的问题使退出码为 1（默认 warning）。")
@click.option("--exit-zero", is_flag=True, help="发现问题时退出码也为 0（有文件无法检查时仍为 2）。")
@click.option("--max-file-size", type=click.IntRange(min=1), help="单个文件大小上限（字节）。")
# the report
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="输出格式。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="把报告写入文件而不是标准输出。")
@click.option("--quiet", "-q", is_flag=True, help="只输出问题，不输出代码片段和汇总。")
@click.option("--show-source/--no-show-source", default=True, help="在每个问题下显示原文片段。")
@click.option("--statistics", is_flag=True, help="在 text/concise 输出后列出每条规则的问题数和每个文件核验的表述数。")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="text/concise 输出是否着色：auto 仅在终端上（遵循 NO_COLOR）。")
# accepted findings
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), help="只报告基线文件中没有的问题。")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="把当前全部问题写入基线文件（不输出报告）。")
@click.option("--prune-baseline", is_flag=True, help="与 --baseline 同用：把已过时的条目（本次检查的文件中已不再出现的问题）从基线文件中删去。")
# fixes
@click.option("--fix", is_flag=True, help="把安全的修正（全角数字、缺少的“元”或“%”、多余的负号）写回文本类文件（txt、md、html），并报告剩余问题。")
@click.option("--unsafe-fixes", is_flag=True, help="与 --fix 或 --diff 同用：也应用改动数字或用词的修正建议（经复查，且无其他问题涉及同一数字时）。")
@click.option("--diff", is_flag=True, help="以 unified diff 显示 --fix 会做的修正，不修改文件。")
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈。")
# archives
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="并行检查的进程数（默认：CPU 核数；1 表示在本进程内检查）。")
@click.option("--include", multiple=True, help="只检查目录中匹配这些通配符的文件（如 '*/2023/*'）。")
@click.option("--exclude", multiple=True, help="跳过目录中匹配这些通配符的文件和子目录（如 'drafts'）。")
@click.option("--scheduler", metavar="ADDRESS",
              help="在运行中的 Dask 集群上检查（调度器地址，如 tcp://10.0.0.5:8786）；路径也可以是 fsspec URL（s3://…）。需要 dask 扩展。")
@click.option("--no-cross", is_flag=True, help="不做跨报告核对（XDOC：同一单位各年度决算、预算与决算、绩效自评与决算之间的数字）。")
@click.option("--stdin-filename", help="从标准输入读取（路径写作 -）时报告使用的文件名；其扩展名决定读取方式（默认按文本读取）。")
def check(**given) -> None:
    """检查文件或目录中的报告，指出数字表述中的错误。路径写作 - 时从标准输入读取。"""
    opts = _CheckOptions(**given)
    opts.refuse_conflicts()
    config, rules = _setup(opts)
    if opts.show_settings:
        click.echo(settings_text(config, rules))
        sys.exit(0)
    sys.exit(_CheckRun(opts, config, rules).run())


@dataclass
class _CheckOptions:
    """The options of `auditlint check`, as given."""

    paths: tuple[str, ...]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    rules_dir: tuple[str, ...]
    config_file: Path | None
    isolated: bool
    show_settings: bool
    fail_on: str | None
    exit_zero: bool
    max_file_size: int | None
    fmt: str
    output: Path | None
    quiet: bool
    show_source: bool
    statistics: bool
    color: str
    baseline_file: Path | None
    write_baseline: Path | None
    prune_baseline: bool
    fix: bool
    unsafe_fixes: bool
    diff: bool
    debug: bool
    jobs: int | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    no_cross: bool
    scheduler: str | None
    stdin_filename: str | None

    @property
    def stdin(self) -> bool:
        return "-" in self.paths

    def refuse_conflicts(self) -> None:
        """Options that cannot go together: a usage error (exit 2) before anything is read."""
        if self.fix and self.diff:
            raise click.UsageError("--fix 与 --diff 不能同时使用")
        if self.unsafe_fixes and not (self.fix or self.diff):
            raise click.UsageError("--unsafe-fixes 须与 --fix 或 --diff 同用")
        if self.prune_baseline and self.baseline_file is None:
            raise click.UsageError("--prune-baseline 须与 --baseline 同用")
        if self.stdin and len(self.paths) > 1:
            raise click.UsageError("从标准输入读取（-）时不能再指定其他路径")
        if self.stdin and (self.fix or self.diff):
            raise click.UsageError("从标准输入读取（-）时不能使用 --fix 或 --diff：没有可写回的文件")
        if self.stdin_filename and not self.stdin:
            raise click.UsageError("--stdin-filename 只用于从标准输入读取（路径写作 -）")
        self._refuse_cluster_conflicts()

    def _refuse_cluster_conflicts(self) -> None:
        from .cluster import is_url

        urls = [p for p in self.paths if is_url(p)]
        if self.scheduler is None:
            if urls:
                raise click.UsageError(f"{urls[0]} 是一个 URL：检查 URL 上的文件须与 --scheduler 同用（在 Dask 集群上读取）")
            return
        if self.jobs is not None:
            raise click.UsageError("--scheduler 与 --jobs 不能同时使用：在集群上检查时，并行由集群的工作进程决定")
        if self.stdin:
            raise click.UsageError("从标准输入读取（-）时不能使用 --scheduler")
        if urls and (self.fix or self.diff):
            raise click.UsageError("URL 上的文件不能用 --fix 或 --diff 修正：只能修正本机的文本文件")

    def overrides(self) -> dict:
        """What the command line sets over the configuration file."""
        from .model import Severity

        given = {
            "select": _codes(self.select),
            "ignore": _codes(self.ignore),
            "extend_select": _codes(self.extend_select),
            "fail_on": Severity(self.fail_on) if self.fail_on else None,
            "max_file_size": self.max_file_size,
        }
        overrides = {key: value for key, value in given.items() if value}
        if self.no_cross:
            overrides["cross"] = False
        return overrides

    def start(self) -> Path:
        """Where the configuration is looked for: the first path, or the name given to standard input."""
        if self.stdin:
            return Path(self.stdin_filename) if self.stdin_filename else Path.cwd()
        return Path(self.paths[0])


def _setup(opts: _CheckOptions) -> tuple[Config, dict[str, Rule]]:
    """The configuration of the run, checked against the rules it names (exit 2 on a mistake)."""
    from .config import ConfigError, check_codes, resolve_settings

    config = _configure(opts.start(), opts.config_file, opts.isolated, opts.overrides(), opts.rules_dir)
    rules = _load_rules(config.rules_dirs)
    try:
        check_codes(config, rules)
        resolve_settings(config, rules)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return config, rules


class _CheckRun:
    """One `auditlint check`: the files found, checked, fixed or filtered as asked, reported; the exit code."""

    def __init__(self, opts: _CheckOptions, config: Config, rules: dict[str, Rule]) -> None:
        from .report import reporter_class

        self.opts, self.config, self.rules = opts, config, rules
        self.baseline = _read_baseline(opts.baseline_file) if opts.baseline_file else None
        self.keep_document = reporter_class(opts.fmt).needs_document and not (opts.diff or opts.write_baseline)
        self.progress = None  # set once the reporter exists, before the first file is checked
        self.total = 1  # files to check, once found
        self.reporter = None
        self.cross = None  # the step holding the reports against each other, when the run has one

    def run(self) -> int:
        import time

        from . import runner
        from .cluster import ClusterError

        started = time.monotonic()
        results = self._results()
        self.tally = _Tally(self.config, self.opts.exit_zero)
        try:
            with ExitStack() as stack:
                out = self._output(stack)
                if self.opts.diff:
                    return _print_diffs(results, self.config, out, self.opts.unsafe_fixes)
                if self.opts.fix:
                    results = (_fix_one(r, self.config, self.keep_document, self.opts.unsafe_fixes, self.tally) for r in results)
                if self.cross is not None:
                    results = _feeding(results, self.cross)
                if self.opts.write_baseline is not None:
                    return _write_baseline(self.opts.write_baseline, results, self.cross)
                if self.baseline is not None:
                    results = (self.baseline.filter(r) for r in results)
                self._report(results, out)
        except _ReportNotWritten as exc:
            results.close()  # stops the workers
            return exc.report(self.reporter.summary.files if self.reporter is not None else 0)
        except ClusterError as exc:
            results.close()
            click.echo(f"错误：{exc}；检查未完成。", err=True)
            return 2
        if self.baseline is not None and not _stale_baseline(self.baseline, self._ran, self.opts.prune_baseline):
            self.tally.broken = True
        summary = self.reporter.summary
        if summary.files > 1 and not self.opts.quiet and time.monotonic() - started > runner.SLOW_RUN:
            for line in runner.slowest_lines(summary):
                click.echo(line, err=True)
        return self.tally.exit_code

    def _results(self) -> Generator[FileResult, None, None]:
        """Every result of the run, in order (a generator: nothing is checked before the report is ready)."""
        from . import cluster, runner

        opts = self.opts
        if opts.stdin:
            files: list[str] = []
            unlisted: list[FileResult] = []
        else:
            find = cluster.find if opts.scheduler else runner.discover
            walk = find(opts.paths, opts.include, opts.exclude, skip=self.config.excludes)
            if not walk.files and not walk.unlisted:
                _nothing_to_check(opts.paths, opts.include, opts.exclude, self.config)
            files, unlisted = walk.files, walk.unlisted
            self.total = len(files)
        self.cross = None if opts.diff else _cross_step(self.config, self.rules, len(files))
        # no worker reads what nothing will compare
        checking = self.config if self.cross is not None else self.config.model_copy(update={"cross": False})
        # the report is opened (emptied) before any input is read: it must not be one of them
        for target, what in ((opts.output, "输出文件"), (opts.write_baseline, "基线文件")):
            if target is not None:
                _refuse_input(target, opts.paths, files, what)

        client = _connect(opts.scheduler) if opts.scheduler else None  # before the report is opened: a wrong address writes nothing

        def checked() -> Generator[FileResult, None, None]:
            if opts.stdin:
                yield _check_stdin(opts.stdin_filename or "-", checking, opts.debug, self.keep_document)
                return
            if client is not None:
                try:
                    on_cluster = cluster.check_on_dask(client, files, checking, opts.debug, self.keep_document)
                    yield from runner.advancing(on_cluster, self.progress)
                finally:
                    client.close()
            else:
                jobs = opts.jobs or runner.default_jobs()
                # the identities read so far go to the workers: a later report of one is read without its facts
                identities = self.cross.identities if self.cross is not None else None
                yield from runner.run(files, checking, jobs, opts.debug, self.progress, self.keep_document, identities)
            yield from unlisted

        return checked()

    def _output(self, stack: ExitStack) -> _ReportStream:
        """Where the report goes: the --output file or standard output, as a stream whose failure stops the run."""
        if self.opts.output is None:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(errors="backslashreplace")
            return _ReportStream(sys.stdout, "标准输出")
        where = shown_path(str(self.opts.output))
        try:
            # never stopped by a character: a name is escaped, but a message may quote anything
            opened = open(self.opts.output, "w", encoding="utf-8", errors="backslashreplace", newline="")
        except OSError as exc:
            raise click.UsageError(f"无法写入输出文件 {where}：{exc.strerror or exc}") from None
        out = _ReportStream(opened, where)
        stack.callback(out.close)  # the last of the report is written when the file is closed
        return out

    def _report(self, results: Iterable[FileResult], out: TextIO) -> None:
        """Every result to the reporter and the tally."""
        from . import runner
        from .report import ReportOptions, make_reporter

        opts = self.opts
        selected = {rule_id: r for rule_id, r in self.rules.items() if self.config.selects(rule_id)}
        options = ReportOptions(
            show_source=opts.show_source,
            quiet=opts.quiet,
            statistics=opts.statistics,
            rules=selected,
            color=opts.color,
            settings=settings_lines(self.config, self.rules),
        )
        self.reporter = reporter = make_reporter(opts.fmt, out, options)
        # a bar on stderr; drawn through the report's console when the report goes to the same terminal
        console = getattr(reporter, "console", None) if opts.output is None and sys.stdout.isatty() else None
        self.progress = runner.Progress(self.total, console=console)
        for result in results:
            self.tally.add(result)
            reporter.file(result)
        if self.cross is not None:
            outcome = self.cross.finish()
            if self.baseline is not None:
                outcome.findings, reporter.summary.baselined = _without_baselined(self.baseline, outcome.findings, reporter.summary.baselined)
            self.tally.add_findings(outcome.findings)
            reporter.cross(outcome)
        reporter.finish()

    def _ran(self, rule_id: str, path: str) -> bool:
        """Whether a rule ran on a file in this run (a rule between reports only when the cross step did)."""
        rule = self.rules.get(rule_id)
        return self.config.selects(rule_id, path) and (self.cross is not None or rule is None or not rule.cross)


def _cross_step(config: Config, rules: dict[str, Rule], files: int):
    """The step that holds the reports of a run against each other, when a run has two files to hold and
    a rule between reports (XDOC) selected; None otherwise (a one-file run is checked as it always was)."""
    if not config.cross or files < 2 or not any(r.cross and config.selects(rule_id) for rule_id, r in rules.items()):
        return None
    from .crossdoc import CrossCheck

    return CrossCheck(config)


def _feeding(results: Iterable[FileResult], cross) -> Generator[FileResult, None, None]:
    """The results as they come, each also handed to the cross step (which keeps its identity and facts only)."""
    for result in results:
        cross.add(result)
        yield result


def _without_baselined(baseline, findings: list[Finding], baselined: int) -> tuple[list[Finding], int]:
    """Findings between reports, less those the baseline records (filtered by the file each is reported in)."""
    from .model import FileResult

    kept = []
    for path in dict.fromkeys(f.path for f in findings):
        result = baseline.filter(FileResult(path=path, findings=[f for f in findings if f.path == path]))
        kept.extend(result.findings)
        baselined += result.baselined
    order = {id(f): i for i, f in enumerate(findings)}
    return sorted(kept, key=lambda f: order[id(f)]), baselined


def _connect(address: str):
    """A client of the Dask scheduler at address; exit 2 with the reason when there is none to be had."""
    from .cluster import ClusterError, connect

    try:
        return connect(address)
    except ClusterError as exc:
        raise click.UsageError(str(exc)) from None


def _check_stdin(name: str, config: Config, debug: bool, keep_document: bool) -> FileResult:
    """The report read from standard input, checked as a file called name (its suffix picks the reader)."""
    import time

    from .api import check_bytes, internal_error

    started = time.perf_counter()
    data = sys.stdin.buffer.read()
    try:
        return check_bytes(name, data, config, debug=debug, keep_document=keep_document)
    except Exception as exc:  # as runner.check_one: one input's failure is that input's result
        if debug:
            raise
        return internal_error(name, "检查", exc, started)


def settings_lines(config: Config, rules: dict[str, Rule]) -> list[tuple[str, str]]:
    """The settings of a run as (label, value) lines: --show-settings, and the HTML report's header."""
    chosen = [rule_id for rule_id in rules if config.selects(rule_id)]
    left_out = [rule_id for rule_id in rules if rule_id not in chosen]
    lines = [
        ("配置文件", config.source or "无（默认设置）"),
        ("选用的规则", f"{len(chosen)}/{len(rules)} 条" + (f"（未选用：{'、'.join(left_out)}）" if left_out else "（全部）")),
        ("失败级别", f"{config.fail_on.value}（该级别及以上的问题使退出码为 1）"),
        ("单个文件上限", f"{config.max_file_size} 字节"),
    ]
    if config.per_file_ignores:
        lines.append(("按文件忽略", "；".join(f"{p}：{'、'.join(c)}" for p, c in config.per_file_ignores.items())))
    if config.exclude or config.extend_exclude:
        lines.append(("排除", "、".join(config.exclude + config.extend_exclude)))
    if config.severity:
        lines.append(("级别调整", "、".join(f"{k} → {v.value}" for k, v in sorted(config.severity.items()))))
    if config.rules_dirs:
        lines.append(("规则目录", "、".join(config.rules_dirs)))
    if not config.cross:
        lines.append(("跨报告核对", "关闭（--no-cross）"))
    for key, values in sorted(config.settings.items()):
        lines.append((f"设置 {key}", "，".join(f"{name} = {value}" for name, value in values.items())))
    return lines


def settings_text(config: Config, rules: dict[str, Rule]) -> str:
    """--show-settings: the settings, then every rule that runs with its severity."""
    width = max(len(label) for label, _ in settings_lines(config, rules))
    out = [f"{label.ljust(width, '　')}：{value}" for label, value in settings_lines(config, rules)]
    out.append("规则：")
    for rule_id, r in rules.items():
        if config.selects(rule_id):
            severity = config.severity_of(rule_id) or r.severity
            out.append(f"  {rule_id} {r.name} {severity.value}")
    return "\n".join(out)


def _nothing_to_check(paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...], config: Config) -> None:
    """No file to check: say so and exit 2, rather than report a clean run over nothing."""
    from .sources import SUPPORTED_SUFFIXES

    where = "、".join(paths)
    excluded = include or exclude or config.exclude or config.extend_exclude
    filters = "，或都被 --include/--exclude（或配置中的 exclude）排除" if excluded else ""
    kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
    click.echo(f"没有可检查的文件：{where} 中没有支持的文件（{kinds}）{filters}；未检查任何内容。", err=True)
    sys.exit(2)


def _refuse_input(target: Path, paths: Iterable[str], inputs: Iterable[str], what: str) -> None:
    """A usage error when target is one of the files to check: the same file, by any name or link."""
    try:
        st = os.stat(target)
    except OSError:  # not there yet: only a name on the command line can be it
        real = os.path.realpath(target)
        same = next((p for p in paths if os.path.realpath(p) == real), None)
    else:
        same = next((p for p in inputs if _same_file(p, st)), None)
    if same is not None:
        raise click.UsageError(
            f"{what} {shown_path(str(target))} 也是要检查的文件（{shown_path(same)}）：写入会覆盖它。"
            f"请另选{what}路径，或用 --exclude 把它排除在检查之外"
        )


def _same_file(path: str, st: os.stat_result) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)


class _ReportNotWritten(Exception):
    """The report could not be written (a full disk, a closed pipe): the run stops."""

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(where)
        self.where, self.error = where, error

    def report(self, files: int) -> int:
        """Say so on stderr (not for a pipe closed by its reader, as `| head` does); the exit code."""
        if isinstance(self.error, BrokenPipeError):
            # nothing more can reach the reader; keep Python from complaining when it flushes stdout at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 2
        from .files import why

        click.echo(f"无法写入报告（{self.where}）：{why(self.error)}；已检查 {files} 个文件，报告不完整，检查已停止。", err=True)
        return 2


class _ReportStream:
    """The stream the report goes to; a write that fails raises _ReportNotWritten, whoever writes."""

    def __init__(self, stream: TextIO, where: str) -> None:
        self._stream, self.where = stream, where

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _ReportNotWritten(self.where, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _ReportNotWritten(self.where, exc) from None

    def close(self) -> None:
        try:
            self._stream.close()
        except OSError as exc:
            raise _ReportNotWritten(self.where, exc) from None

    def __getattr__(self, name: str):  # isatty, encoding, fileno … as the stream has them
        return getattr(self._stream, name)


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


def _fix_one(result: FileResult, config: Config, keep_document: bool, unsafe: bool, tally: _Tally) -> FileResult:
    """A file with fixes, fixed and written back: the check of the fixed text.

    When the fixes cannot be written back, the file is left as it was, the run goes on with
    the report of the file as read, and it ends with exit code 2."""
    from .fixes import NotFixable, NotWritten, fix_file

    if result.error or not any(f.fix is not None for f in result.findings):
        return result
    name = shown_path(result.path)
    try:
        outcome = fix_file(result.path, config, write=True, keep_document=keep_document, unsafe=unsafe)
    except NotWritten as exc:
        click.echo(f"{name}: 修正未写回：{exc}", err=True)
        tally.broken = True
        return result
    except NotFixable as exc:
        click.echo(f"{name}: 未自动修复：{exc}", err=True)
        return result
    if outcome.changed:
        done = "，".join(f"{rule} ×{n}" for rule, n in sorted(outcome.applied.items()))
        click.echo(f"{name}: 已修复 {sum(outcome.applied.values())} 处（{done}）", err=True)
    _say_unapplied(outcome, unsafe)
    return outcome.result or result


def _say_unapplied(outcome, unsafe: bool) -> None:
    """On stderr: the suggestions left in a file, and why each one that was tried was held back."""
    from .fixes import fingerprint

    left = outcome.suggested
    if not left:
        return
    name = shown_path(outcome.path)
    if not unsafe:
        click.echo(f"{name}: 另有 {len(left)} 处修正建议会改动数字或用词，未应用；核实后可加 --unsafe-fixes 应用", err=True)
        return
    for f in left:
        why = outcome.held.get(fingerprint(f), "未应用")
        click.echo(f"{name}:{f.line}:{f.column}: {f.rule} 的修正建议“{f.fix}”未应用：{why}", err=True)


def _print_diffs(results: Iterable[FileResult], config: Config, out: TextIO, unsafe: bool) -> int:
    """--diff: what --fix (--unsafe-fixes) would change in every file, as one unified diff; exit 1 when anything."""
    from .fixes import NotFixable, fix_file, unified_diff

    fixes = 0
    unreadable = False
    for result in results:
        unreadable = unreadable or bool(result.error)
        if result.error or not any(f.fix is not None for f in result.findings):
            continue
        try:
            outcome = fix_file(result.path, config, write=False, unsafe=unsafe)
        except NotFixable as exc:
            click.echo(f"{shown_path(result.path)}: 无法自动修复：{exc}", err=True)
            continue
        if outcome.changed:
            out.write(unified_diff(outcome))
            fixes += sum(outcome.applied.values())
        _say_unapplied(outcome, unsafe)
    how = "--fix --unsafe-fixes" if unsafe else "--fix"
    click.echo(f"可自动修复 {fixes} 处；用 {how} 写回文件。" if fixes else "没有可自动修复的问题。", err=True)
    return 2 if unreadable else 1 if fixes else 0


def _read_baseline(path: Path):
    from .baseline import Baseline, BaselineError

    try:
        return Baseline(path)
    except BaselineError as exc:
        raise click.UsageError(str(exc)) from None


def _stale_baseline(baseline, ran: Callable[[str, str], bool], prune: bool) -> bool:
    """Say how many baseline entries no finding answered to (of rules that ran on their file: ran(rule, path));
    with prune, rewrite the file without them. False when the file could not be rewritten (it is left as it was)."""
    from .files import ChangedSinceRead, WriteFailed

    stale = baseline.stale(ran)
    n = sum(stale.values())
    name = shown_path(str(baseline.file))
    if not n:
        return True
    if not prune:
        click.echo(
            f"基线 {name} 中有 {n} 个条目已过时（对应的问题在本次检查的文件中已不再出现）；可加 --prune-baseline 把它们从基线中删去。",
            err=True,
        )
        return True
    try:
        removed = baseline.prune(stale)
    except WriteFailed as exc:
        click.echo(f"无法改写基线文件 {name}：{exc}，文件未改动。", err=True)
        return False
    except ChangedSinceRead:
        click.echo(f"基线文件 {name} 在检查期间被修改，为免覆盖新的编辑，未删去过时条目；请重新运行。", err=True)
        return False
    click.echo(f"已从基线 {name} 删去 {removed} 个过时条目，余 {len(baseline.entries) - removed} 个。", err=True)
    return True


def _write_baseline(target: Path, results: Iterable[FileResult], cross=None) -> int:
    from .baseline import write_baseline
    from .files import WriteFailed

    kept = []
    unreadable = []
    for r in results:
        kept.append(r)
        if r.error:
            unreadable.append(r)
    from .model import FileResult

    # the findings between reports are recorded under the file each is reported in
    between = [FileResult(path="", findings=cross.finish().findings)] if cross is not None else []
    try:
        n = write_baseline(target, kept + between)
    except WriteFailed as exc:
        raise click.UsageError(f"无法写入基线文件 {shown_path(str(target))}：{exc}") from None
    click.echo(f"已把 {n} 个问题写入基线 {shown_path(str(target))}（{len(kept)} 个文件）。", err=True)
    for r in unreadable:
        click.echo(f"{shown_path(r.path)}: 无法检查 {r.error}", err=True)
    return 2 if unreadable else 0


class _Tally:
    """What decides the exit code, gathered as results stream by: 2 unreadable, 1 findings at fail-on (unless
    --exit-zero), else 0."""

    def __init__(self, config: Config, exit_zero: bool = False) -> None:
        self.threshold = config.fail_on.rank
        self.exit_zero = exit_zero
        self.broken = False
        self.failing = False

    def add(self, result: FileResult) -> None:
        self.broken = self.broken or bool(result.error or result.internal_errors)
        self.add_findings(result.findings)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        self.failing = self.failing or any(f.severity.rank >= self.threshold for f in findings)

    @property
    def exit_code(self) -> int:
        return 2 if self.broken else 1 if self.failing and not self.exit_zero else 0


# ------------------------------------------------------------------------- show


@main.command("show")
@click.argument("file")
@click.option("--select", multiple=True, help="只运行这些规则（规则号或前缀，逗号分隔，如 CHG,SUM001）。")
@click.option("--ignore", multiple=True, help="不运行这些规则。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="输出格式。")
@click.option("--lines", "every_line", is_flag=True, help="逐行列出分段结果（默认把同类的连续行合并显示）。")
def show_file(file: str, select: tuple[str, ...], ignore: tuple[str, ...], fmt: str, every_line: bool) -> None:
    """显示 auditlint 从一个文件读到的内容：分段、表格、每项数字表述及其核验结果。"""
    from . import show
    from .config import ConfigError, check_codes, resolve_settings

    overrides: dict = {}
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    config = _configure(Path(file), None, False, overrides, ())
    rules = _load_rules(config.rules_dirs)
    try:
        check_codes(config, rules)
        settings = resolve_settings(config, rules)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(show.run(file, config, rules.values(), settings, fmt, every_line))


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


def _fix_kind(r: Rule) -> str | None:
    """safe: --fix applies its fixes; unsafe: they change a figure or a word, and need --unsafe-fixes."""
    return ("safe" if r.safe_fix else "unsafe") if r.fixable else None


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
    """列出全部规则：规则号、中文名称、名称、默认级别、能否自动修复、说明。"""
    import json

    from .report import SEVERITY_WORDS

    rules = _catalogue(rules_dir, isolated)
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "name": r.name,
                "name_zh": r.name_zh,
                "severity": r.severity.value,
                "fixable": r.fixable,
                "fix": _fix_kind(r),
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
    for col in ("规则", "中文名称", "名称", "默认级别", "可自动修复"):
        table.add_column(col, no_wrap=True)
    table.add_column("说明", overflow="fold")  # Chinese has no spaces to wrap at: fold, never cut
    third_party = Counter(r.origin for r in rules.values() if r.origin != "auditlint")
    for r in rules.values():
        summary = r.summary + (f"（来自 {r.origin}）" if r.origin != "auditlint" else "")
        fixes = {"safe": "是（--fix）", "unsafe": "建议（--unsafe-fixes）"}.get(_fix_kind(r) or "", "")
        table.add_row(r.id, escape(r.name_zh), r.name, SEVERITY_WORDS[r.severity.value], fixes, escape(summary))
    console = Console()
    if not console.is_terminal:  # a pipe or a file has no width to fit: keep each rule on one line
        console = Console(width=240)
    console.print(table)
    if third_party:
        console.print("第三方规则：" + "；".join(f"{escape(o)} {n} 条" for o, n in sorted(third_party.items())))


@main.command()
@click.argument("rule_id")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="说明的语言：zh 中文，en 英文（English）。")
@click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False), help="额外的规则目录。")
@click.option("--isolated", is_flag=True, help="忽略配置文件中的 rules-dirs。")
def explain(rule_id: str, lang: str, rules_dir: tuple[str, ...], isolated: bool) -> None:
    """显示一条规则检查什么、为什么检查，以及错误和正确的示例。"""
    rules = _catalogue(rules_dir, isolated)
    r = rules.get(rule_id.strip().upper())
    if r is None:
        raise click.UsageError(f"没有规则 “{rule_id}”；运行 auditlint rules 查看全部规则")
    click.echo(_explained_zh(r) if lang == "zh" else _explained_en(r))
    if r.settings:
        click.echo(f"\n可配置（[tool.auditlint.settings.{r.id}]）：")
        for name, s in r.settings.items():
            choices = f"；可选 {'、'.join(repr(str(c)) for c in s.choices)}" if s.choices else ""
            click.echo(f"  {name} = {str(s.default)!r}    {s.help}{choices}")
    if r.origin != "auditlint":
        click.echo(f"\n来源：{r.origin}")


def _explained_zh(r: Rule) -> str:
    """A rule for a finance user: its Chinese name, severity and fixes in words, 检查, 原因, the examples."""
    from .engine import as_paragraph
    from .report import SEVERITY_WORDS

    fixes = {"safe": "；可自动修复（--fix）", "unsafe": "；有修正建议（--unsafe-fixes）"}.get(_fix_kind(r) or "", "")
    title = f"{r.id} {r.name_zh}（{r.name}）" if r.name_zh else f"{r.id} {r.name}"
    out = [title, f"默认级别：{SEVERITY_WORDS[r.severity.value]}{fixes}", "", r.summary, ""]
    zh = r.explanation("zh")
    if zh["checks"] or zh["why"]:
        out += [f"检查：{as_paragraph(zh['checks'])}", f"原因：{as_paragraph(zh['why'])}"]
    else:  # a rule pack's rule documented in English only, or not at all
        en = r.explanation("en")
        english = [f"{head}: {en[key]}" for key, head in (("checks", "Checks"), ("why", "Why")) if en[key]]
        out += ["（本规则没有中文说明" + ("，以下为英文原文。）" if english else "。）")] + english
    examples = r.examples()
    out += [""] + [_example("错误示例", text) for text in examples["bad"]] + [_example("正确示例", text) for text in examples["good"]]
    return "\n".join(out).rstrip()


def _example(label: str, text: str) -> str:
    """An example on its label's line; one of several lines (a document's structure) under it, indented."""
    if "\n" not in text:
        return f"{label}：{text}"
    return f"{label}：\n" + "\n".join(f"  {line}" for line in text.splitlines())


def _explained_en(r: Rule) -> str:
    """The rule as its docstring writes it in English: the summary, Checks, Why, Bad and Good."""
    fixes = {"safe": ", fixes: safe (--fix)", "unsafe": ", fixes: suggestions (--unsafe-fixes)"}.get(_fix_kind(r) or "", "")
    out = [f"{r.id} {r.name} (default severity: {r.severity.value}{fixes})", "", r.summary]
    examples = False
    for head, text in r.sections():
        if head in ("检查", "原因"):
            continue
        if head in ("Bad", "Good"):
            out += [] if examples else [""]
            examples = True
            out.append(f"{head}:  {text}" if head == "Bad" else f"{head}: {text}")
        else:
            out += ["", f"{head}: {text}" if head else text]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    main()
