"""Checking an archive on a Dask cluster: files or fsspec URLs in, one result per file out, in run order.

The files a run finds, the order they come in and every result are those of `check --jobs`:
a cluster only changes where the checks run. A plain path names a file of this machine:
it is read here (so the workers need not see this machine's disks) and its bytes sent to a
worker. A URL (`s3://…`, `gs://…`, `file:///…`, any protocol fsspec knows) is listed here
and read by the worker that checks it. Dask is the optional `dask` extra; nothing else in
auditlint imports it.
"""

from __future__ import annotations

import gc
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .config import Config
from .model import FileResult
from .runner import Walk, _matches, discover
from .sources import SUPPORTED_SUFFIXES, ReadError, read_file

if TYPE_CHECKING:
    from .crossdoc import CrossOutcome
    from .report import Summary

#: How to install what a cluster run needs (the command line says it when dask is missing).
INSTALL_HINT = "pip install 'auditlint-cn[dask]'（从源码安装：pip install '.[dask]'）"

#: A scheme, then ://: a URL fsspec reads (a Windows path C:\… has no //).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_GLOB = re.compile(r"[*?\[]")

#: A task checks a few files, so that scheduling costs little beside checking (about 30 ms a report):
#: up to this many files, or this many bytes of them read here.
BATCH_FILES = 16
BATCH_BYTES = 4 * 1024 * 1024
#: Bytes at least this large are sent to the cluster on their own (scatter) rather than inside a task.
SCATTER_BYTES = 1024 * 1024
#: Tasks in flight per worker thread: enough to keep every worker busy, few enough to bound memory here.
IN_FLIGHT = 3


class ClusterError(Exception):
    """The cluster cannot be used (dask missing, no scheduler at the address, the connection lost): the run
    stops with this message, rather than record every file as failed."""


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def _need_dask():
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"在 Dask 集群上检查需要安装 dask 扩展：{INSTALL_HINT}") from None
    return distributed


def connect(address: str):
    """A Client of the running scheduler at address (tcp://主机:8786 …), or ClusterError saying why not."""
    distributed = _need_dask()
    try:
        return distributed.Client(address, timeout="20s")
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address …
        raise ClusterError(f"无法连接 Dask 调度器 {address}：{type(exc).__name__}: {exc}") from None


# ----------------------------------------------------------------------------- finding files


def find(
    paths: Iterable[str], include: Sequence[str] = (), exclude: Sequence[str] = (), skip=None
) -> Walk:
    """The files of a run, as runner.discover finds them, with fsspec URLs listed the same way
    (a folder's supported files in sorted order, hidden ones skipped, --include/--exclude relative to it)."""
    walk = Walk()
    seen: set[str] = set()
    for path in paths:
        found = _list_url(path, include, exclude) if is_url(path) else discover([path], include, exclude, skip)
        walk.unlisted.extend(found.unlisted)
        for name in found.files:
            key = name if is_url(name) else os.path.normpath(name)
            if key not in seen:
                seen.add(key)
                walk.files.append(name)
    return walk


def _list_url(url: str, include: Sequence[str], exclude: Sequence[str]) -> Walk:
    try:
        from fsspec.core import url_to_fs

        fs, root = url_to_fs(url)
        if _GLOB.search(root):
            # as a shell's glob: a hidden file is not matched by *
            matched = [p for p in sorted(fs.glob(root)) if _supported(p) and not PurePosixPath(p).name.startswith(".")]
            return Walk(files=[fs.unstrip_protocol(p) for p in matched])
        if not fs.isdir(root):
            return Walk(files=[url])  # a file named: checked whatever its name (a missing one is reported by its check)
        found = []
        for p in sorted(fs.find(root)):
            rel = PurePosixPath(p).relative_to(PurePosixPath(root)).as_posix() if p != root else PurePosixPath(p).name
            parts = rel.split("/")
            if any(part.startswith(".") for part in parts) or not _supported(p):
                continue
            if include and not _matches(rel, include):
                continue
            # as a walk: a folder an --exclude glob matches is left out whole
            if exclude and any(_matches("/".join(parts[: i + 1]), exclude) for i in range(len(parts))):
                continue
            found.append(fs.unstrip_protocol(p))
        return Walk(files=found)
    except ImportError as exc:  # the protocol's own package (s3fs, gcsfs …) is not installed
        return Walk(unlisted=[FileResult(path=url, error=f"无法列出：读取该地址需要安装 {exc.name or exc}", error_code="unreadable")])
    except Exception as exc:  # no such bucket, no permission, an unknown protocol …
        return Walk(unlisted=[FileResult(path=url, error=f"无法列出该地址的内容：{type(exc).__name__}: {exc}", error_code="unreadable")])


def _supported(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in SUPPORTED_SUFFIXES


# ----------------------------------------------------------------------------- on a worker


#: A file to check: its name, and its bytes (read here), None (a URL its worker reads), a Future of its
#: bytes (scattered), or the record of why it could not be read here.
Item = tuple[str, object]


def _check_batch(items: list[Item], config: Config, debug: bool, keep_document: bool) -> list[FileResult]:
    """A task: each file's result, as runner.check_one gives it (never an exception for one file's failure)."""
    return [_check_item(name, payload, config, debug, keep_document) for name, payload in items]


def _check_item(name: str, payload: object, config: Config, debug: bool, keep_document: bool) -> FileResult:
    from .api import check_bytes, internal_error

    if isinstance(payload, FileResult):
        return payload
    started = time.perf_counter()
    try:
        data = _read_url(name, config.max_file_size) if payload is None else payload
        return check_bytes(name, data, config, debug=debug, keep_document=keep_document)
    except ReadError as exc:
        return FileResult(path=name, error=exc.message, error_code=exc.code, seconds=time.perf_counter() - started)
    except Exception as exc:  # as runner.check_one: one file's failure is that file's result
        return internal_error(name, "检查", exc, started)
    finally:
        if name.lower().endswith(".pdf"):  # as runner.check_one: a PDF's check leaves cyclic garbage
            gc.collect()


def _read_url(url: str, max_bytes: int) -> bytes:
    """A URL's bytes, refused past max_bytes, or the ReadError saying why there are none."""
    import fsspec

    try:
        with fsspec.open(url, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError("unreadable", "文件不存在或在检查期间被删除") from None
    except PermissionError:
        raise ReadError("unreadable", "没有读取该文件的权限") from None
    except IsADirectoryError:
        raise ReadError("unreadable", "这是一个目录，不是文件") from None
    except OSError as exc:
        raise ReadError("unreadable", f"无法读取文件：{exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError("too-large", f"文件过大（超过上限 {max_bytes:,} 字节），未检查；可用 --max-file-size 调整上限")
    return data


# ----------------------------------------------------------------------------- here


def _item(path: str, config: Config) -> tuple[Item, int]:
    """A file as a task carries it, and how many of its bytes were read here."""
    if is_url(path):
        return (path, None), 0
    try:
        data = read_file(path, config.max_file_size)
    except ReadError as exc:
        return (path, FileResult(path=path, error=exc.message, error_code=exc.code)), 0
    return (path, data), len(data)


def _batches(paths: Sequence[str], config: Config) -> Iterator[list[Item]]:
    """The files in order, cut into tasks of up to BATCH_FILES files or BATCH_BYTES bytes (read lazily)."""
    batch: list[Item] = []
    size = 0
    for path in paths:
        item, n = _item(path, config)
        if batch and size + n > BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += n
        if len(batch) >= BATCH_FILES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _failed(items: list[Item], exc: BaseException) -> list[FileResult]:
    why = f"{type(exc).__name__}: {exc}"
    return [
        FileResult(path=name, error=f"内部错误：在 Dask 集群上检查本文件的任务失败（{why}）；请将该文件报告给 auditlint 维护者",
                   error_code="internal-error")
        for name, _ in items
    ]


@dataclass
class _Task:
    items: list[Item]
    future: object = None
    results: list[FileResult] | None = None
    parts: list[_Task] = field(default_factory=list)  # a failed task of several files, retried one file each


class _Run:
    """The tasks of one run on a client: submitted a window ahead of the next result due."""

    def __init__(self, client, config: Config, debug: bool, keep_document: bool) -> None:
        from distributed import as_completed

        self.client, self.config, self.debug, self.keep_document = client, config, debug, keep_document
        self.done = as_completed()
        self.window = IN_FLIGHT * max(1, sum(client.nthreads().values()))

    def submit(self, items: list[Item]) -> _Task:
        task = _Task(items)
        shipped = [(name, self.client.scatter(p, hash=False) if isinstance(p, bytes) and len(p) >= SCATTER_BYTES else p) for name, p in items]
        task.future = self.client.submit(_check_batch, shipped, self.config, self.debug, self.keep_document, pure=False)
        self.done.add(task.future)
        return task

    def settle(self, tasks: dict) -> None:
        """Wait for one task to end, and keep its results (a failed task of several files is split and retried)."""
        future = next(self.done)
        task = tasks.pop(future.key)
        try:
            task.results = future.result()
        except Exception as exc:  # the worker died (KilledWorker), the task was lost …
            if self.client.status not in ("running", "connecting"):
                raise ClusterError(f"与 Dask 调度器的连接已断开：{type(exc).__name__}: {exc}") from None
            if len(task.items) == 1:
                task.results = _failed(task.items, exc)
                return
            task.parts = [self.submit([item]) for item in task.items]
            for part in task.parts:
                tasks[part.future.key] = part


def _results(task: _Task) -> list[FileResult] | None:
    if task.parts:
        if any(part.results is None for part in task.parts):
            return None
        return [r for part in task.parts for r in part.results]
    return task.results


def check_on_dask(
    client, paths: Sequence[str], config: Config | None = None, debug: bool = False, keep_document: bool = False
) -> Iterator[FileResult]:
    """One result per path (a file of this machine, or a URL), in the order given, checked on client's cluster.

    Results come out as soon as those before them are done; tasks are submitted a few per worker thread
    ahead, so memory here stays bounded however large the archive. A task whose worker dies is retried
    file by file, so a file that kills its worker costs only its own internal-error record. Unlike
    runner.check_files, no time limit stops a check: Dask runs tasks in threads, which cannot be stopped.
    """
    from .api import validate

    config = config or Config()
    validate(config)  # a configuration that names no rule fails here, as the API's
    if not paths:
        return
    run = _Run(client, config, debug, keep_document)
    batches = _batches(paths, config)
    order: list[_Task] = []  # submitted, in run order; the head is the next due
    tasks: dict[str, _Task] = {}
    while True:
        while len(tasks) < run.window:
            items = next(batches, None)
            if items is None:
                break
            task = run.submit(items)
            order.append(task)
            tasks[task.future.key] = task
        while order and (results := _results(order[0])) is not None:
            order.pop(0)
            yield from results
        if not order:
            return
        run.settle(tasks)


@dataclass
class Archive:
    """An archive checked: every file's result in run order (as check --jobs gives them), the findings between
    its reports (the step the command line runs after the files: None when it does not run) and the summary."""

    results: list[FileResult]
    summary: Summary
    cross: CrossOutcome | None = None


def check_archive(
    client,
    sources: Iterable[str],
    config: Config | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    keep_document: bool = False,
) -> Archive:
    """Check files, folders and fsspec URLs (folders, globs, files) on a Dask client's cluster.

    The files are those `auditlint check` finds for the same paths (the configuration's exclude
    applies), in the same order; folders or URLs that could not be listed come last, as records.
    The reports are then held against each other as the command line does (cross, counted in the
    summary), from the facts the workers sent back with each result."""
    from .api import cross_check, cross_rules_for
    from .report import Summary

    config = config or Config()
    walk = find(list(sources), include, exclude, skip=config.excludes)
    # the step between reports, when the command line would run it: two files or more, an XDOC rule selected
    crossing = config.cross and len(walk.files) > 1 and bool(cross_rules_for(config))
    checking = config if crossing else config.model_copy(update={"cross": False})  # no worker reads what nothing compares
    results = list(check_on_dask(client, walk.files, checking, keep_document=keep_document)) + walk.unlisted
    summary = Summary(results)
    cross = cross_check(results, config) if crossing else None
    if cross is not None:
        summary.add_cross(cross)
    return Archive(results=results, summary=summary, cross=cross)
