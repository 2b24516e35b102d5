"""The archive runner: find the files to check, check them in parallel, stream the results in order, tally the run.

Every input path ends as exactly one FileResult — findings, or an error record —
whatever happens to the file or to the process checking it: a reader or rule that
raises, a worker that dies (a crash in a native library, the OOM killer), a file
whose check runs past its time limit. Results come out in the order the files were
found, one at a time, so memory stays flat however large the archive.
"""

from __future__ import annotations

import errno
import fnmatch
import gc
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .model import FileResult
from .sources import SUPPORTED_SUFFIXES

if TYPE_CHECKING:  # multiprocessing is imported only by a run that uses workers: a one-file check starts faster
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from .report import Summary

# ----------------------------------------------------------------------------- finding files


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    """A glob matches a path relative to the folder walked, its file name, or any tail of it."""
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, "*/" + p) for p in patterns)


@dataclass
class Walk:
    """The files to check, in a stable order, and the folders that could not be listed."""

    files: list[str] = field(default_factory=list)
    unlisted: list[FileResult] = field(default_factory=list)


def discover(
    paths: Iterable[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Callable[[str], bool] | None = None,
) -> Walk:
    """Files named, and the supported files under folders named, each once.

    Folders are walked recursively in sorted order; hidden files and folders are
    skipped; symbolic links to folders are followed, but never into a folder already
    walked (a link loop ends there). A walked file is checked when its extension is
    supported, it matches an --include glob (if any) and no --exclude glob. Files
    named explicitly are checked whatever --include/--exclude say. `skip` (the
    configuration's exclude) leaves out any file or folder it says, named or walked.
    """
    skip = skip or (lambda path: False)
    walk = Walk()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            walk.files.append(path)

    for raw in paths:
        if skip(raw):
            continue
        if not os.path.isdir(raw):
            add(raw)
            continue
        found: list[str] = []
        visited: set[tuple[int, int]] = set()

        def unlisted(exc: OSError) -> None:
            walk.unlisted.append(
                FileResult(path=exc.filename or raw, error=f"无法列出该目录的内容：{_os_reason(exc)}", error_code="unreadable")
            )

        for root, dirs, files in os.walk(raw, followlinks=True, onerror=unlisted):
            try:
                st = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in visited:  # reached again through a link: already walked
                dirs[:] = []
                continue
            visited.add((st.st_dev, st.st_ino))
            rel_root = os.path.relpath(root, raw).replace(os.sep, "/")
            rel_root = "" if rel_root == "." else rel_root + "/"
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not _matches(rel_root + d, exclude) and not skip(os.path.join(root, d))
            )
            for name in files:
                rel = rel_root + name
                if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                if skip(os.path.join(root, name)):
                    continue
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                found.append(os.path.join(root, name))
        for path in sorted(found):
            add(path)
    return walk


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.ENOENT: "不存在或在检查期间被删除",
        errno.ELOOP: "符号链接形成循环",
        errno.EIO: "读取时发生输入输出错误",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


# ----------------------------------------------------------------------------- checking one file


def check_one(path: str, config: Config, debug: bool = False, keep_document: bool = False, skip_facts: Container = ()) -> FileResult:
    """check_path, with any exception left over turned into this file's internal-error record."""
    from .api import check_path, internal_error

    started = time.perf_counter()
    try:
        return check_path(path, config, debug=debug, keep_document=keep_document, skip_facts=skip_facts)
    except Exception as exc:  # the last line of defence: one file's failure is that file's result
        if debug:
            traceback.print_exc()
        return internal_error(path, "检查", exc, started)
    finally:
        if os.path.splitext(path)[1].lower() in _LEAVES_CYCLES:
            gc.collect()


#: Formats whose check leaves cyclic garbage behind (a PDF's: pdfplumber's object graph held tens
#: of thousands of objects per file, the PDFium reader's a few thousand). Under _tune_gc's thresholds
#: the oldest generation is collected so seldom that it piles up, PDF after PDF (513 MB after 48 with
#: pdfplumber); a full collection after each such file frees it, for about 1% of the file's time.
#: Text, Word and Excel checks leave none: they do not pay for one.
_LEAVES_CYCLES = frozenset({".pdf"})


def _tune_gc() -> None:
    # The rules, patterns and models loaded so far live as long as the process: keep the
    # collector from rescanning them, and let it run less often over a file's short-lived objects.
    gc.freeze()
    gc.set_threshold(20000, 20, 20)


# ----------------------------------------------------------------------------- many files


#: A check that runs longer than this has hit a pathological case: its worker is stopped.
TIME_LIMIT_BASE = 60.0
TIME_LIMIT_PER_MB = 30.0


def time_limit(path: str) -> float:
    """Seconds a file's check may take: generous, growing with its size."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return TIME_LIMIT_BASE + TIME_LIMIT_PER_MB * size / 1_048_576


def timed_out(path: str, limit: float, seconds: float) -> FileResult:
    """The record of a file whose check was stopped at its time limit."""
    return FileResult(
        path=path,
        error=f"内部错误：检查本文件超过 {limit:.0f} 秒仍未完成，已中止；请将该文件报告给 auditlint 维护者",
        error_code="internal-error",
        seconds=seconds,
        timed_out=True,
    )


class _PastTimeLimit(BaseException):
    """Raised into a check in this process at its time limit. Not an Exception: the handlers that
    keep one rule's or one reader's failure from costing the file must not catch it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _PastTimeLimit in the code run inside once `seconds` have passed (by SIGALRM, so only
    in the main thread of a system that has it; elsewhere a check in this process has no limit).
    Python code is stopped between two steps, a regular expression while it matches; a long step
    inside a native library ends first."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise _PastTimeLimit

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_here(
    path: str, config: Config, debug: bool = False, keep_document: bool = False, limit=time_limit, skip_facts: Container = ()
) -> FileResult:
    """check_one in this process, stopped at the same time limit as a worker's check."""
    seconds = limit(path)
    started = time.perf_counter()
    try:
        with _time_limit(seconds):
            return check_one(path, config, debug, keep_document, skip_facts)
    except _PastTimeLimit:
        return timed_out(path, seconds, time.perf_counter() - started)


def check_files(
    paths: Sequence[str],
    config: Config,
    jobs: int = 1,
    debug: bool = False,
    limit=time_limit,
    keep_document: bool = False,
    identities: Sequence[bytes] | None = None,
) -> Iterator[FileResult]:
    """One result per path, in the order given.

    jobs=1 checks in this process. More jobs check in worker processes, each result
    yielded as soon as those before it are done; a worker that dies or runs past
    limit(path) seconds costs that one file an internal-error record and is replaced.
    A check in this process is stopped at the same limit.

    identities: the cross step's list of the identities read so far (CrossCheck.identities), which
    it extends as the results are handed to it; a file checked after its identity is in the list
    is read without its facts (a duplicate, which nothing compares).
    """
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        skip: set[bytes] = set()
        for path in paths:
            if identities is not None and len(identities) > len(skip):
                skip.update(identities[len(skip) :])
            yield check_here(path, config, debug, keep_document, limit, skip)
        return
    yield from _Pool(config, jobs, debug, limit, keep_document, identities).run(paths)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_main(conn: Connection, config: Config, debug: bool, keep_document: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    _tune_gc()
    conn.send((_READY, None))
    skip: set[bytes] = set()  # the identities the run has read so far: their reports' facts are not needed
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, identities = task
        skip.update(identities)
        conn.send((index, check_one(path, config, debug, keep_document, skip)))


_READY = -1  # what a worker sends once it can take files: a death before that is no file's fault


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks: deque[tuple[int, str]] = field(default_factory=deque)
    deadline: float = 0.0  # when the task at the head of tasks runs out of time
    started: float = 0.0  # when it started
    ready: bool = False
    told: int = 0  # how many of the run's identities it has been sent


class _Unworkable(Exception):
    """Workers die before checking anything: the pool cannot be used on this machine."""


class _Pool:
    """Worker processes fed one or two files at a time, so a dead or stuck worker costs one file."""

    IN_FLIGHT = 2  # tasks queued per worker: one running, one ready to start

    def __init__(self, config: Config, jobs: int, debug: bool, limit, keep_document: bool = False, identities: Sequence[bytes] | None = None):
        import multiprocessing
        from multiprocessing.connection import wait

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.ctx = multiprocessing.get_context(method)
        self.wait = wait
        self.config, self.jobs, self.debug, self.limit = config, jobs, debug, limit
        self.keep_document = keep_document
        self.identities = identities if identities is not None else ()
        self.workers: list[_Worker] = []
        self._lost_idle = 0  # workers in a row that died before checking anything

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=_worker_main, args=(child, self.config, self.debug, self.keep_document), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker, kill: bool = False) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def _started(self, w: _Worker) -> None:
        """The task at the head of w's queue starts now."""
        if w.tasks:
            w.started = time.monotonic()
            w.deadline = w.started + self.limit(w.tasks[0][1])

    def run(self, paths: Sequence[str]) -> Iterator[FileResult]:
        total = len(paths)
        window = self.jobs * 32  # results held ahead of the next one due: bounds memory
        pending: deque[tuple[int, str]] = deque()  # tasks handed back by a lost worker, served first
        done: dict[int, FileResult] = {}
        next_task = next_out = 0
        self.workers = [self._start() for _ in range(self.jobs)]
        try:
            while next_out < total:
                for w in self.workers:
                    while len(w.tasks) < self.IN_FLIGHT:
                        if pending:
                            task = pending.popleft()
                        elif next_task < total and next_task - next_out < window:
                            task = (next_task, paths[next_task])
                            next_task += 1
                        else:
                            break
                        w.tasks.append(task)
                        if len(w.tasks) == 1:
                            self._started(w)
                        known = len(self.identities)
                        try:
                            w.conn.send((*task, self.identities[w.told : known]))
                            w.told = known
                        except OSError:  # it died while idle: hand its tasks on, blaming none
                            self._replace(w, "died", done, pending, blame=False)
                            break
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                if next_out >= total:
                    break
                self._collect(done, pending)
        except _Unworkable:
            for i in range(next_out, total):  # check what is left here, rather than lose it
                yield done.pop(i) if i in done else check_here(paths[i], self.config, self.debug, self.keep_document, self.limit)
        finally:
            for w in self.workers:
                self._stop(w, kill=bool(w.tasks))
            self.workers = []

    def _collect(self, done: dict[int, FileResult], pending: deque[tuple[int, str]]) -> None:
        """Wait for results (or a worker's death, or a time limit) and file them under their index."""
        busy = [w for w in self.workers if w.tasks]
        if not busy:  # every worker was just replaced: feed the new ones first
            return
        deadline = min(w.deadline for w in busy)
        handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(self.wait(handles, timeout=max(0.0, deadline - time.monotonic())))
        for w in busy:
            lost: str | None = None
            if w.conn in ready:
                try:
                    while w.conn.poll():
                        index, result = w.conn.recv()
                        if index == _READY:
                            w.ready = True
                            continue
                        w.tasks.popleft()
                        done[index] = result
                        self._started(w)
                except (EOFError, OSError):
                    lost = "died"
            if lost is None and w.process.sentinel in ready and w.tasks:
                lost = "died"
            if lost is None and w.tasks and time.monotonic() > w.deadline:
                lost = "timeout"
            if lost is not None:
                self._replace(w, lost, done, pending, blame=w.ready)

    def _replace(
        self, w: _Worker, why: str, done: dict[int, FileResult], pending: deque[tuple[int, str]], blame: bool = True
    ) -> None:
        """Stop a lost worker and start another; its current file (when blamed) gets an internal-error
        record, and the files queued behind it are handed on."""
        self._stop(w, kill=True)
        self._lost_idle = 0 if blame else self._lost_idle + 1
        if self._lost_idle > 3 * self.jobs:
            raise _Unworkable
        if blame and w.tasks:
            index, path = w.tasks.popleft()
            seconds = time.monotonic() - w.started
            if why == "timeout":
                done[index] = timed_out(path, self.limit(path), seconds)
            else:
                code = w.process.exitcode
                how = f"（信号 {-code}）" if code is not None and code < 0 else f"（退出码 {code}）" if code else ""
                message = f"内部错误：检查本文件时工作进程意外退出{how}；请将该文件报告给 auditlint 维护者"
                done[index] = FileResult(path=path, error=message, error_code="internal-error", seconds=seconds)
        pending.extendleft(reversed(w.tasks))
        w.tasks.clear()
        self.workers[self.workers.index(w)] = self._start()


# ----------------------------------------------------------------------------- progress


#: A run longer than this (seconds) names its slowest files, on stderr.
SLOW_RUN = 2.0


def slowest_lines(summary: Summary) -> list[str]:
    from .report import shown_path

    parts = [
        f"{shown_path(path)} 超时（{seconds:.0f} 秒后中止）" if stopped else f"{shown_path(path)} {seconds:.2f} 秒"
        for seconds, path, stopped in summary.slowest
    ]
    return ["最慢的文件：" + "；".join(parts)]


class Progress:
    """A progress bar on stderr — only on a terminal, outside CI, and once a run has lasted a moment.

    When the report itself goes to the same terminal, pass the console that prints it: the
    bar is then drawn through that console, which prints each finding above the bar
    instead of through it. A report written to a terminal some other way gets no bar.
    """

    DELAY = 1.0  # seconds before a bar appears: short runs never show one

    def __init__(self, total: int, console=None, enabled: bool | None = None):
        if enabled is None:
            shares_terminal = sys.stdout.isatty() and console is None
            enabled = sys.stderr.isatty() and not os.environ.get("CI") and total > 1 and not shares_terminal
        self.total, self.enabled, self.console = total, enabled, console
        self.started = time.monotonic()
        self._bar = None
        self._task = None

    def advance(self, done: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.started < self.DELAY or done >= self.total:
                return
            self._bar = self._make()
            self._task = self._bar.add_task("检查", total=self.total, rate="")
            self._bar.start()
        rate = done / max(time.monotonic() - self.started, 1e-9)
        self._bar.update(self._task, completed=done, rate=f"{rate:.0f} 个/秒")

    def _make(self):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        return Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("剩余"),
            TimeRemainingColumn(),
            console=self.console or Console(stderr=True),
            transient=True,
            redirect_stdout=False,  # the report's own output is never rerouted
            redirect_stderr=False,
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def run(
    paths: Sequence[str],
    config: Config,
    jobs: int = 1,
    debug: bool = False,
    progress: Progress | None = None,
    keep_document: bool = False,
    identities: Sequence[bytes] | None = None,
) -> Iterator[FileResult]:
    """check_files for the command line: a progress bar advanced as results come out, and the
    collector tuned for a long-lived process."""
    _tune_gc()
    checked = check_files(paths, config, jobs=jobs, debug=debug, keep_document=keep_document, identities=identities)
    return advancing(checked, progress)


def advancing(results: Iterable[FileResult], progress: Progress | None) -> Iterator[FileResult]:
    """The results as they come, each advancing the progress bar (closed at the end, or when the run stops)."""
    done = 0
    try:
        for result in results:
            done += 1
            if progress is not None:
                progress.advance(done)
            yield result
    finally:
        if progress is not None:
            progress.close()
