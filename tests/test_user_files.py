"""A user's files are sacred: the report never overwrites an input, --fix never loses an edit, never
replaces a link, never leaves a half-written file, and a write that fails is a message, not a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint import fixes
from auditlint.cli import main
from auditlint.report import FORMATS, shown_path

from .test_fixes import DRAFT

ROOT = Path(__file__).resolve().parent.parent
FIXED_LINE = "下降8.7%"  # what --fix --unsafe-fixes writes for DRAFT's wrong rate (a suggestion: a figure changes)
WRONG_LINE = "下降39.5%"


def _check(*args: str):
    return CliRunner().invoke(main, ["check", "--isolated", *args])


def _draft(folder: Path, name: str = "draft.txt") -> Path:
    path = folder / name
    path.write_text(DRAFT, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- 1. -o naming an input


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_the_report_never_overwrites_an_input(tmp_path, option):
    report = _draft(tmp_path, "report.txt")
    result = _check(option, str(report), str(report))
    assert result.exit_code == 2
    assert "也是要检查的文件" in result.stderr and "Traceback" not in result.stderr
    assert report.read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize("how", ["symlink", "hardlink", "walked folder"])
def test_an_input_reached_another_way_is_still_refused(tmp_path, how):
    folder = tmp_path / "reports"
    folder.mkdir()
    report = _draft(folder, "report.txt")
    if how == "symlink":
        output, inputs = tmp_path / "link.txt", [str(report)]
        output.symlink_to(report)
    elif how == "hardlink":
        output, inputs = tmp_path / "other-name.txt", [str(report)]
        os.link(report, output)
    else:  # the report from an earlier run, inside the folder being checked
        output, inputs = report, [str(folder)]
    result = _check("-o", str(output), *inputs)
    assert result.exit_code == 2 and "也是要检查的文件" in result.stderr
    assert report.read_text(encoding="utf-8") == DRAFT


def test_an_output_not_yet_written_that_is_named_as_input_is_refused(tmp_path):
    missing = tmp_path / "new.txt"
    result = _check("-o", str(missing), str(missing))
    assert result.exit_code == 2 and "也是要检查的文件" in result.stderr
    assert not missing.exists()


def test_a_separate_output_is_written(tmp_path):
    report = _draft(tmp_path)
    out = tmp_path / "out.json"
    result = _check("--format", "json", "-o", str(out), str(report))
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1


# ----------------------------------------------------------------------------- 2. edits made while --fix runs


def _edit_after_read(monkeypatch, path: Path, edit: str, keep_mtime: bool = False):
    """Make the user edit the file once --fix has read it (and before it writes): the race, made certain."""
    real = fixes.fix_bytes

    def racing(*args, **kwargs):
        outcome = real(*args, **kwargs)
        st = path.stat()
        path.write_text(edit, encoding="utf-8")
        if keep_mtime:  # an editor that keeps the time stamp: only the content tells
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        return outcome

    monkeypatch.setattr(fixes, "fix_bytes", racing)


@pytest.mark.parametrize("keep_mtime", [False, True], ids=["new mtime", "same size and mtime"])
def test_an_edit_made_while_fixing_is_never_overwritten(tmp_path, monkeypatch, keep_mtime):
    path = _draft(tmp_path)
    # the same length as DRAFT, so that only the time stamp or the content can tell
    edit = DRAFT.replace(WRONG_LINE, "下降39.6%")
    assert len(edit) == len(DRAFT)
    _edit_after_read(monkeypatch, path, edit, keep_mtime)
    result = _check("--fix", "--format", "json", str(path))
    assert path.read_text(encoding="utf-8") == edit
    assert "检查期间被修改" in result.stderr and "Traceback" not in result.stderr
    assert result.exit_code == 2
    assert not [p for p in tmp_path.iterdir() if p.name != "draft.txt"]  # no temporary file left behind


def test_an_unchanged_file_is_still_fixed(tmp_path):
    path = _draft(tmp_path)
    result = _check("--fix", "--unsafe-fixes", str(path))
    assert FIXED_LINE in path.read_text(encoding="utf-8") and "已修复" in result.stderr


# ----------------------------------------------------------------------------- 3. --fix on a link


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path):
    folder = tmp_path / "real"
    folder.mkdir()
    real = _draft(folder)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    _check("--fix", "--unsafe-fixes", str(link))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert FIXED_LINE in real.read_text(encoding="utf-8")
    assert not [p for p in real.parent.iterdir() if p.name != "draft.txt"]


def test_fix_keeps_the_file_mode(tmp_path):
    path = _draft(tmp_path)
    path.chmod(0o640)
    _check("--fix", "--unsafe-fixes", str(path))
    assert FIXED_LINE in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o640


# ----------------------------------------------------------------------------- 4. writes that fail


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root user: root may write in any folder")
def test_fix_in_a_read_only_folder_is_a_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _draft(folder)
    folder.chmod(0o555)
    try:
        result = _check("--fix", "--format", "json", str(path))
    finally:
        folder.chmod(0o755)
    _assert_not_written(result, path, "没有写入权限")


@pytest.mark.parametrize(
    ("where", "error"),
    [("mkstemp", errno.EACCES), ("mkstemp", errno.EROFS), ("fsync", errno.ENOSPC), ("replace", errno.EACCES)],
)
def test_a_failed_write_back_is_a_message_and_leaves_the_file_whole(tmp_path, monkeypatch, where, error):
    path = _draft(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    target = {"mkstemp": (tempfile, "mkstemp"), "fsync": (os, "fsync"), "replace": (os, "replace")}[where]
    monkeypatch.setattr(*target, fail)
    result = _check("--fix", "--format", "json", str(path))
    monkeypatch.undo()
    _assert_not_written(result, path, "修正未写回")
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no temporary file left behind


def _assert_not_written(result, path: Path, why: str) -> None:
    assert path.read_text(encoding="utf-8") == DRAFT
    assert why in result.stderr and "Traceback" not in result.stderr
    assert result.exit_code == 2
    # the report of what was checked is still complete
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert "CHG001" in {f["rule"] for f in findings}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_for_the_report_is_a_clean_exit(tmp_path, fmt):
    path = _draft(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--isolated", "--format", fmt, "-o", "/dev/full", str(path)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 2
    assert "无法写入报告" in result.stderr and "/dev/full" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    for i in range(40):
        _draft(tmp_path, f"d{i:02d}.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditlint", "check", "--isolated", "--jobs", "1", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    proc.stdout.readline()
    proc.stdout.close()  # `auditlint check … | head -1`
    err = proc.stderr.read().decode()
    assert proc.wait() == 2 and "Traceback" not in err and "Exception ignored" not in err


# ----------------------------------------------------------------------------- 5. names that are not UTF-8


ODD_NAME = os.fsdecode(b"bad\xff\nname.txt")  # a byte that is not UTF-8, and a newline


def test_shown_path_escapes_what_a_line_cannot_hold():
    assert shown_path("报告/2023.txt") == "报告/2023.txt"
    assert shown_path(ODD_NAME) == "bad\\xff\\nname.txt"
    assert shown_path("a\tb\rc\x1b") == "a\\tb\\rc\\x1b"


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="needs a file system that takes any bytes in a name")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path, fmt):
    path = _draft(tmp_path, ODD_NAME)
    out = tmp_path / f"report.{fmt}"
    result = _check("--format", fmt, "-o", str(out), str(path))
    assert result.exit_code == 1, result.stderr
    text = out.read_text(encoding="utf-8")  # valid UTF-8 throughout
    assert _names_the_file(text, fmt)
    if fmt in ("text", "concise"):
        # every finding line starts with the whole (escaped) name: the newline never starts a fake one
        assert not any(line.startswith("name.txt") for line in text.splitlines())
        assert sum(line.startswith(str(tmp_path)) for line in text.splitlines()) >= 5


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="needs a file system that takes any bytes in a name")
@pytest.mark.parametrize("fmt", ["text", "sarif", "json"])
def test_a_file_name_that_is_not_utf8_reaches_a_strict_terminal(tmp_path, fmt):
    path = _draft(tmp_path, ODD_NAME)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # a UTF-8 locale: stdout refuses undecodable bytes
    result = subprocess.run(
        [sys.executable, "-m", "auditlint", "check", "--isolated", "--format", fmt, path],
        capture_output=True, cwd=ROOT, env=env,
    )
    assert result.returncode == 1, result.stderr.decode(errors="replace")
    assert _names_the_file(result.stdout.decode("utf-8"), fmt)


def _names_the_file(report: str, fmt: str) -> bool:
    """The report names the file, escaped (sarif: by its URI, the name's own bytes percent-encoded)."""
    if fmt == "json":
        return json.loads(report)["files"][0]["path"].endswith(shown_path(ODD_NAME))
    if fmt == "jsonl":
        return json.loads(report.splitlines()[0])["path"].endswith(shown_path(ODD_NAME))
    if fmt == "sarif":
        return "bad%FF%0Aname.txt" in report
    if fmt == "gitlab":
        return json.loads(report)[0]["location"]["path"].endswith(shown_path(ODD_NAME))
    return shown_path(ODD_NAME) in report


# ----------------------------------------------------------------------------- the baseline file


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="needs a file system that takes any bytes in a name")
def test_a_baseline_records_a_name_that_is_not_utf8_and_hides_its_findings(tmp_path):
    path = _draft(tmp_path, ODD_NAME)
    baseline = tmp_path / "baseline.json"
    written = _check("--write-baseline", str(baseline), str(path))
    assert written.exit_code == 0, written.stderr
    assert shown_path(ODD_NAME) in json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["path"]
    again = _check("--baseline", str(baseline), "--format", "json", str(path))
    assert again.exit_code == 0 and json.loads(again.stdout)["files"][0]["findings"] == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_baseline_that_cannot_be_written_is_a_message_and_the_device_stays(tmp_path):
    path = _draft(tmp_path)
    result = _check("--write-baseline", "/dev/full", str(path))
    assert result.exit_code == 2 and "磁盘空间不足" in result.stderr
    assert Path("/dev/full").is_char_device()


def test_a_baseline_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    path = _draft(tmp_path)
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old baseline", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = _check("--write-baseline", str(baseline), str(path))
    assert result.exit_code == 2 and "磁盘空间不足" in result.stderr
    assert baseline.read_text(encoding="utf-8") == "old baseline"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "draft.txt"]
