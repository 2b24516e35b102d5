"""The archive runner: which files a walk finds, results in order whatever the jobs, streamed reports, tallies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from auditlint import runner
from auditlint.config import Config
from auditlint.model import FileResult
from auditlint.report import Summary, render
from auditlint.report.json import file_record
from auditlint.report.text import archive_lines

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"
RIGHT = "机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _rel(root: Path, paths: list[str]) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_walk_finds_supported_files_in_sorted_order(tmp_path):
    _tree(tmp_path, {"b.txt": RIGHT, "a/z.md": RIGHT, "a/y.html": RIGHT, "a/notes.docx.bak": "", ".hidden/x.txt": RIGHT,
                     "a/.draft.txt": RIGHT, "c.pdfx": RIGHT})
    walk = runner.discover([str(tmp_path)])
    assert _rel(tmp_path, walk.files) == ["a/y.html", "a/z.md", "b.txt"]
    assert walk.unlisted == []


def test_include_and_exclude_globs(tmp_path):
    _tree(tmp_path, {"2022/a.txt": RIGHT, "2023/a.txt": RIGHT, "2023/drafts/b.txt": RIGHT, "2023/c.md": RIGHT})
    assert _rel(tmp_path, runner.discover([str(tmp_path)], include=["2023/*"]).files) == [
        "2023/a.txt", "2023/c.md", "2023/drafts/b.txt"
    ]
    assert _rel(tmp_path, runner.discover([str(tmp_path)], exclude=["drafts"]).files) == ["2022/a.txt", "2023/a.txt", "2023/c.md"]
    assert _rel(tmp_path, runner.discover([str(tmp_path)], include=["*.txt"], exclude=["2022/*"]).files) == [
        "2023/a.txt", "2023/drafts/b.txt"
    ]


def test_files_named_are_checked_whatever_their_name_and_only_once(tmp_path):
    _tree(tmp_path, {"r.text.bak": RIGHT, "d/a.txt": RIGHT})
    named = str(tmp_path / "r.text.bak")
    walk = runner.discover([named, str(tmp_path / "d"), str(tmp_path / "d" / "a.txt"), named])
    assert walk.files == [named, str(tmp_path / "d" / "a.txt")]


def test_a_link_loop_is_walked_once(tmp_path):
    _tree(tmp_path, {"x/a.txt": RIGHT})
    os.symlink("..", tmp_path / "x" / "up")  # x/up -> tmp_path: a loop
    os.symlink(tmp_path / "x", tmp_path / "again")  # the same folder under a second name
    walk = runner.discover([str(tmp_path)])
    assert len(walk.files) == 1 and walk.files[0].endswith("a.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    _tree(tmp_path, {"ok/a.txt": RIGHT, "locked/b.txt": RIGHT})
    (tmp_path / "locked").chmod(0)
    try:
        walk = runner.discover([str(tmp_path)])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [Path(r.path).name for r in walk.unlisted] == ["locked"]
    assert walk.unlisted[0].error_code == "unreadable"


def _archive(root: Path, n: int) -> list[str]:
    files = {}
    for i in range(n):
        files[f"r{i:03d}.txt"] = (WRONG if i % 3 == 0 else RIGHT) * (1 + i % 4)
    files["r005.txt"] = ""  # unreadable in the middle
    _tree(root, files)
    return runner.discover([str(root)]).files


def test_parallel_results_equal_serial_results_in_the_same_order(tmp_path):
    paths = _archive(tmp_path, 30)
    config = Config()
    serial = [file_record(r) for r in runner.check_files(paths, config, jobs=1)]
    parallel = [file_record(r) for r in runner.check_files(paths, config, jobs=3)]
    assert parallel == serial
    assert [r["path"] for r in serial] == paths
    assert serial[5]["error_code"] == "not-a-disclosure"
    assert sum(1 for r in serial if r["findings"]) == 10


def test_streamed_json_is_exactly_the_whole_document(tmp_path):
    results = list(runner.check_files(_archive(tmp_path, 7), Config()))
    expected = {"version": 1, "files": [file_record(r) for r in results], "summary": Summary(results).as_dict()}
    assert render("json", iter(results)) == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    empty = {"version": 1, "files": [], "summary": Summary().as_dict()}
    assert render("json", iter([])) == json.dumps(empty, ensure_ascii=False, indent=2) + "\n"


def test_the_summary_counts_what_the_results_say(tmp_path):
    results = list(runner.check_files(_archive(tmp_path, 12), Config()))
    summary = Summary(results)
    s = summary.as_dict()
    assert s["files"] == 12 and s["unreadable"] == 1 and s["files_with_findings"] == 4
    assert s["findings"] == sum(len(r.findings) for r in results) == sum(s["by_rule"].values())
    assert summary.unreadable_by_code == {"not-a-disclosure": 1}
    assert len(summary.slowest) == Summary.SLOWEST
    assert summary.slowest == sorted(summary.slowest, reverse=True)
    lines = archive_lines(summary)
    assert lines[0] == f"问题按规则：CHG001 {s['by_rule']['CHG001']}。"
    assert lines[1] == "无法检查的原因：不是报告（not-a-disclosure）1。"
    assert runner.slowest_lines(summary)[0].startswith("最慢的文件：")


def test_progress_stays_off_outside_a_terminal():
    progress = runner.Progress(1000)
    assert not progress.enabled  # pytest captures stderr: not a terminal
    progress.advance(10)
    progress.close()


def test_progress_appears_only_once_a_run_is_long(monkeypatch):
    progress = runner.Progress(100, enabled=True)
    progress.advance(1)
    assert progress._bar is None  # too early
    monkeypatch.setattr(progress, "started", progress.started - runner.Progress.DELAY - 1)
    progress.advance(2)
    assert progress._bar is not None
    progress.close()
    assert progress._bar is None


# Rules that misbehave on purpose, loaded with --rules-dir in a child process only, so that
# they never join this process's rule registry.
HOSTILE_RULES = '''
import os, signal, time
from auditlint.rulekit import rule


@rule("TST901", "misbehaving-rule")
def misbehave(d):
    """A rule that crashes, hangs or raises when the text asks it to."""
    if "KILL-THE-WORKER" in d.text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "HANG-THE-WORKER" in d.text:
        time.sleep(600)
    if "RAISE-IN-RULE" in d.text:
        raise ValueError("boom")
    if "HANG-AND-SAY-SO" in d.text:  # tells the test it is running, then hangs
        open(os.environ["AUDITLINT_TEST_HANGING"], "w").close()
        time.sleep(600)
    return []
'''


@pytest.fixture
def hostile_rules(tmp_path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "misbehave.py").write_text(textwrap.dedent(HOSTILE_RULES), encoding="utf-8")
    return folder


def _child(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


def test_a_worker_that_dies_costs_only_its_file(tmp_path, hostile_rules):
    docs = tmp_path / "docs"
    _tree(docs, {f"r{i}.txt": WRONG for i in range(6)})
    (docs / "r2.txt").write_text(WRONG + "KILL-THE-WORKER\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--format", "json", "--isolated", "--jobs", "2",
         "--rules-dir", str(hostile_rules), str(docs)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert [Path(f["path"]).name for f in files] == [f"r{i}.txt" for i in range(6)]
    dead = files[2]
    assert dead["error_code"] == "internal-error" and "工作进程意外退出" in dead["error"] and "信号 9" in dead["error"]
    assert all(f["findings"] and f["error"] is None for i, f in enumerate(files) if i != 2)


def test_a_check_past_its_time_limit_is_stopped(tmp_path, hostile_rules):
    docs = tmp_path / "docs"
    _tree(docs, {f"r{i}.txt": WRONG for i in range(4)})
    (docs / "r1.txt").write_text(WRONG + "HANG-THE-WORKER\n", encoding="utf-8")
    code = f"""
import json, time
from auditlint import runner
from auditlint.config import Config
config = Config(rules_dirs=({str(hostile_rules)!r},))
paths = runner.discover([{str(docs)!r}]).files
started = time.monotonic()
# (only the hanging file is held to 2 s: on a loaded machine an honest check may take longer than that)
limit = lambda p: 2.0 if str(p).endswith("r1.txt") else 120.0
out = [(r.error_code, r.error, len(r.findings)) for r in runner.check_files(paths, config, jobs=2, limit=limit)]
print(json.dumps({{"results": out, "seconds": time.monotonic() - started}}, ensure_ascii=False))
"""
    proc = _child(code)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    codes = [r[0] for r in data["results"]]
    assert codes == [None, "internal-error", None, None]
    assert "超过 2 秒" in data["results"][1][1]
    assert all(r[2] for i, r in enumerate(data["results"]) if i != 1)
    assert data["seconds"] < 60


def test_a_rule_that_raises_keeps_the_other_rules_findings(tmp_path, hostile_rules):
    report = tmp_path / "r.txt"
    report.write_text(WRONG + "RAISE-IN-RULE\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--format", "json", "--isolated", "--jobs", "1",
         "--rules-dir", str(hostile_rules), str(report)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    [entry] = json.loads(proc.stdout)["files"]
    assert entry["error"] is None
    assert [f["rule"] for f in entry["findings"]] == ["CHG001"]
    [err] = entry["internal_errors"]
    assert err["rule"] == "TST901" and "ValueError: boom" in err["message"]
    assert "Traceback" not in proc.stderr


def test_check_one_turns_any_exception_into_a_record(monkeypatch, tmp_path):
    from auditlint import api

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(api, "check_path", broken)
    result = runner.check_one(str(tmp_path / "x.txt"), Config())
    assert isinstance(result, FileResult)
    assert result.error_code == "internal-error" and "RecursionError" in result.error


def test_cli_runs_in_parallel_and_prints_an_archive_summary(tmp_path):
    from click.testing import CliRunner

    from auditlint.cli import main

    _archive(tmp_path, 9)
    serial = CliRunner().invoke(main, ["check", "--isolated", "--jobs", "1", str(tmp_path)])
    parallel = CliRunner().invoke(main, ["check", "--isolated", "--jobs", "2", str(tmp_path)])
    assert serial.exit_code == parallel.exit_code == 2
    assert serial.stdout == parallel.stdout
    assert "问题按规则：CHG001" in serial.stdout and "无法检查的原因：不是报告（not-a-disclosure）1。" in serial.stdout


def _modules_after(code: str) -> set[str]:
    proc = _child(code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))")
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_version_and_a_one_file_check_import_only_what_they_use(tmp_path):
    from auditlint.cli import SEVERITIES
    from auditlint.model import Severity

    assert SEVERITIES == tuple(s.value for s in Severity)
    version = _modules_after("from auditlint.cli import main")
    assert not {"pydantic", "rich", "auditlint.model", "auditlint.extract"} & version
    report = tmp_path / "r.txt"
    report.write_text(WRONG, encoding="utf-8")
    one_file = _modules_after(
        "from auditlint.cli import main\n"
        f"try:\n    main(['check', '--isolated', {str(report)!r}])\nexcept SystemExit:\n    pass"
    )
    assert "auditlint.extract" in one_file and "multiprocessing" not in one_file


def _die_at_start(conn, config, debug):
    os._exit(3)


def test_workers_that_cannot_start_leave_the_files_to_this_process(tmp_path, monkeypatch):
    paths = _archive(tmp_path, 8)
    monkeypatch.setattr(runner, "_worker_main", _die_at_start)
    parallel = [file_record(r) for r in runner.check_files(paths, Config(), jobs=2)]
    monkeypatch.undo()
    assert parallel == [file_record(r) for r in runner.check_files(paths, Config(), jobs=1)]


def test_a_pdf_leaves_no_garbage_behind_for_the_next_file(corpus):
    """A PDF's check leaves cyclic garbage: under the runner's collector thresholds it piled up, PDF
    after PDF (bench/memory.py measures the archive); each PDF's check now ends with it freed."""
    pytest.importorskip("pypdfium2")
    pdfs = sorted(str(p) for p in (corpus / "pdf").glob("*.pdf"))
    code = f"""
import gc
from auditlint import runner
from auditlint.config import Config
runner._tune_gc()  # as a run of the command line does
left = []
for pdf in {pdfs!r}:
    result = runner.check_one(pdf, Config())
    assert result.error is None, result.error
    left.append(gc.collect())  # the unreachable objects it left behind
print(sum(left))
"""
    proc = _child(code)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) == 0


def test_a_check_in_this_process_is_stopped_at_the_same_time_limit(tmp_path, hostile_rules):
    docs = tmp_path / "docs"
    _tree(docs, {"r0.txt": WRONG, "r1.txt": WRONG + "HANG-THE-WORKER\n", "r2.txt": WRONG})
    code = f"""
import json, time
from auditlint import runner
from auditlint.config import Config
config = Config(rules_dirs=({str(hostile_rules)!r},))
paths = runner.discover([{str(docs)!r}]).files
runner.check_one(paths[0], config)  # rules and patterns loaded before the clock starts: the limit is short
started = time.monotonic()
limit = lambda p: 2.0 if str(p).endswith("r1.txt") else 120.0  # (the honest files: not held to 2 s on a loaded machine)
out = [(r.error_code, r.error, len(r.findings), r.timed_out) for r in runner.check_files(paths, config, jobs=1, limit=limit)]
print(json.dumps({{"results": out, "seconds": time.monotonic() - started}}, ensure_ascii=False))
"""
    proc = _child(code)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [r[0] for r in data["results"]] == [None, "internal-error", None]
    assert "超过 2 秒仍未完成，已中止" in data["results"][1][1] and data["results"][1][3] is True
    assert data["results"][0][2] and data["results"][2][2]  # the files after it are still checked
    assert data["seconds"] < 60


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_slowest_files_line_shows_a_stopped_check_as_stopped(tmp_path, hostile_rules, jobs):
    docs = tmp_path / "docs"
    _tree(docs, {"r0.txt": WRONG, "r1.txt": WRONG + "HANG-THE-WORKER\n"})
    code = f"""
import sys
from auditlint import cli, runner
runner.TIME_LIMIT_BASE = 2.0
sys.argv = ["auditlint", "check", "--isolated", "--jobs", {jobs!r}, "--rules-dir", {str(hostile_rules)!r}, {str(docs)!r}]
cli.main()
"""
    proc = _child(code)
    assert proc.returncode == 2
    [line] = [x for x in proc.stderr.splitlines() if x.startswith("最慢的文件：")]
    assert "r1.txt 超时（2 秒后中止）" in line and "0.00 秒；" not in line.split("r1.txt")[1][:12]


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_the_run_with_exit_code_130(tmp_path, hostile_rules, jobs):
    docs = tmp_path / "docs"
    _tree(docs, {"r0.txt": WRONG, "r1.txt": WRONG + "HANG-AND-SAY-SO\n", "r2.txt": WRONG})
    hanging = tmp_path / "hanging"
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditlint", "check", "--isolated", "--jobs", jobs, "--rules-dir", str(hostile_rules), str(docs)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "AUDITLINT_TEST_HANGING": str(hanging)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal starts it
    )
    deadline = time.monotonic() + 60
    while not hanging.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hanging.exists(), "the check never started"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "已中断" in err and "Traceback" not in err
