"""A run that checked nothing is not a clean run: no files is exit 2 with a message, and the closing line
says "no problems" only of files that were read and fully checked."""

from __future__ import annotations

from click.testing import CliRunner

from auditlint.cli import main
from auditlint.model import FileResult, InternalError
from auditlint.report import ReportOptions, render

CLEAN = "机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n"


def run(*args: str):
    return CliRunner().invoke(main, ["check", "--isolated", *args])


def test_an_empty_folder_is_exit_2_with_a_message(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "没有可检查的文件" in result.stderr and str(tmp_path) in result.stderr
    assert result.stdout == ""


def test_an_include_that_matches_nothing_is_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("--include", "*/2099/*", str(tmp_path))
    assert result.exit_code == 2 and "都被 --include/--exclude（或配置中的 exclude）排除" in result.stderr
    assert run(str(tmp_path)).exit_code == 0


def test_a_folder_of_unsupported_files_is_exit_2(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert run(str(tmp_path)).exit_code == 2


def test_a_file_that_could_not_be_checked_is_never_called_clean(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    alone = run(str(tmp_path / "old.doc"))
    assert alone.exit_code == 2
    closing = alone.stdout.strip().splitlines()[-1]
    assert "未发现问题" not in closing and closing.startswith("没有检查任何文件") and "核验了" not in closing
    both = run(str(tmp_path / "old.doc"), str(tmp_path / "a.txt"))
    closing = both.stdout.strip().splitlines()[-1]
    assert closing.startswith("已检查的 1 个文件中未发现问题") and "1 个文件无法读取" in closing
    assert run(str(tmp_path / "a.txt")).stdout.strip().splitlines()[-1].startswith("未发现问题（共 1 个文件）")


def test_a_rule_that_failed_is_said_in_the_closing_line():
    broken = FileResult(path="a.txt", internal_errors=[InternalError(rule="CHG001", message="规则 CHG001 出错")])
    closing = render("text", [broken], ReportOptions()).strip().splitlines()[-1]
    assert closing.startswith("已检查的 1 个文件中未发现问题") and "1 处规则出错，相应的检查未完成" in closing


def test_the_html_report_of_unreadable_files_does_not_say_no_problems():
    html = render("html", [FileResult(path="old.doc", error="旧版 Word（.doc）格式不受支持", error_code="unsupported-format")])
    assert "没有发现问题" not in html and "没有检查任何文件" in html
